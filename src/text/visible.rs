//! Text made safe to show on a terminal or in a CI log.
//!
//! Article text, front matter, file names and rule labels come from outside. Printed raw,
//! a control character can drive the terminal (ESC starts sequences that clear the screen,
//! write the clipboard or forge links), a line break inside a file name can forge a line of
//! its own (a CI system reads `::error::` at the start of a log line as a command), and a
//! bidi override (U+202E) makes text display in an order other than it reads. Everything
//! meant for a person on a terminal or in a log goes through [`Visible`] or [`escape`], which
//! write each such character visibly as `\u{1b}`: nothing is dropped, nothing acts.
//!
//! Escaped: C0 controls but tab (and line feed where lines are the writer's own), DEL, C1
//! controls, the bidi embedding, override and isolate marks, the Arabic letter mark and
//! the line and paragraph separators. Left alone: the left-to-right and right-to-left marks
//! (U+200E, U+200F), which order nothing on their own and occur in real names.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Is `c` a character that acts instead of showing (see the module doc)?
pub fn is_hazard(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{a}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{2028}' | '\u{2029}')
}

/// `s` with every hazard, line feeds included, written as `\u{…}`: for one field (a file
/// name, an id) that must stay on its line.
pub fn escape(s: &str) -> Cow<'_, str> {
    escape_if(s, is_hazard)
}

/// [`escape`] of the characters `hazard` picks (a writer with its own encoding of some).
pub fn escape_if(s: &str, hazard: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(&hazard) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if hazard(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer that escapes hazards in what passes through it, keeping line feeds (the lines
/// are the writer's own). With `allow_sgr`, the colour codes `ESC [ digits m` pass: only
/// for a writer whose text is known to hold no ESC of its own (see
/// [`holds_escape`]), so every such code is the report's.
pub struct Visible<'a> {
    inner: &'a mut dyn Write,
    allow_sgr: bool,
    /// The start of a character split between two writes.
    pending: Vec<u8>,
}

impl<'a> Visible<'a> {
    pub fn new(inner: &'a mut dyn Write, allow_sgr: bool) -> Self {
        Visible {
            inner,
            allow_sgr,
            pending: Vec::new(),
        }
    }

    fn emit(&mut self, s: &str) -> io::Result<()> {
        let mut rest = s;
        while let Some(i) = rest.find(|c: char| c != '\n' && is_hazard(c)) {
            self.inner.write_all(&rest.as_bytes()[..i])?;
            let tail = &rest[i..];
            if self.allow_sgr
                && let Some(n) = sgr_len(tail)
            {
                self.inner.write_all(&tail.as_bytes()[..n])?;
                rest = &tail[n..];
                continue;
            }
            let c = tail.chars().next().unwrap_or('\0');
            write!(self.inner, "\\u{{{:x}}}", c as u32)?;
            rest = &tail[c.len_utf8()..];
        }
        self.inner.write_all(rest.as_bytes())
    }
}

/// The length of a colour code `ESC [ digits/; m` at the start of `s`.
fn sgr_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.len() < 3 || b[0] != 0x1b || b[1] != b'[' {
        return None;
    }
    let end = b[2..]
        .iter()
        .position(|x| !(x.is_ascii_digit() || *x == b';'))?
        + 2;
    (b[end] == b'm').then_some(end + 1)
}

impl Write for Visible<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut bytes = std::mem::take(&mut self.pending);
        bytes.extend_from_slice(buf);
        let mut at = 0;
        for chunk in bytes.utf8_chunks() {
            self.emit(chunk.valid())?;
            at += chunk.valid().len();
            let bad = chunk.invalid();
            // An incomplete character at the very end waits for the next write.
            if at + bad.len() == bytes.len() && could_continue(bad) {
                self.pending = bad.to_vec();
                break;
            }
            for b in bad {
                write!(self.inner, "\\x{b:02X}")?;
            }
            at += bad.len();
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            for b in std::mem::take(&mut self.pending) {
                write!(self.inner, "\\x{b:02X}")?;
            }
        }
        self.inner.flush()
    }
}

impl Drop for Visible<'_> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// Could `b` (1–3 bytes) be the start of one UTF-8 character?
fn could_continue(b: &[u8]) -> bool {
    let need = match b.first() {
        Some(0xc2..=0xdf) => 2,
        Some(0xe0..=0xef) => 3,
        Some(0xf0..=0xf4) => 4,
        _ => return false,
    };
    b.len() < need && b[1..].iter().all(|x| (0x80..=0xbf).contains(x))
}

/// A sink that only notes whether an ESC went through it: to learn whether a report's own
/// text holds one before colouring it.
#[derive(Default)]
pub struct EscapeProbe {
    pub seen: bool,
}

impl Write for EscapeProbe {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.seen |= buf.contains(&0x1b);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Does what `write` writes hold an ESC byte? (The probe discards the text.)
pub fn holds_escape(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> bool {
    let mut probe = EscapeProbe::default();
    let _ = write(&mut probe);
    probe.seen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(parts: &[&[u8]], allow_sgr: bool) -> String {
        let mut out = Vec::new();
        {
            let mut v = Visible::new(&mut out, allow_sgr);
            for p in parts {
                v.write_all(p).unwrap();
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn field_escape_keeps_plain_text_and_shows_every_hazard() {
        assert!(matches!(escape("Café Ørsted — 12%"), Cow::Borrowed(_)));
        assert_eq!(escape("a\nb"), "a\\u{a}b");
        assert_eq!(escape("x\u{1b}]52;c;AAAA\u{7}"), "x\\u{1b}]52;c;AAAA\\u{7}");
        assert_eq!(escape("abc\u{202e}txt.exe"), "abc\\u{202e}txt.exe");
        assert_eq!(escape("\u{2066}x\u{2069}"), "\\u{2066}x\\u{2069}");
        assert_eq!(escape("tab\there"), "tab\there");
        assert_eq!(escape("\u{85}"), "\\u{85}");
        // Marks that order nothing on their own stay.
        assert_eq!(escape("a\u{200f}b"), "a\u{200f}b");
    }

    #[test]
    fn writer_keeps_lines_and_escapes_the_rest() {
        assert_eq!(
            through(&[b"one\n", b"two\x1b[2Jthree\n"], false),
            "one\ntwo\\u{1b}[2Jthree\n"
        );
        assert_eq!(through(&[b"\r::error::x\n"], false), "\\u{d}::error::x\n");
    }

    #[test]
    fn colour_codes_pass_only_when_allowed() {
        assert_eq!(
            through(&[b"\x1b[31mred\x1b[0m"], true),
            "\x1b[31mred\x1b[0m"
        );
        assert_eq!(
            through(&[b"\x1b[31mred\x1b[0m"], false),
            "\\u{1b}[31mred\\u{1b}[0m"
        );
        // Not a colour code: escaped even when colour is allowed.
        assert_eq!(through(&[b"\x1b]8;;x\x07"], true), "\\u{1b}]8;;x\\u{7}");
        assert_eq!(through(&[b"\x1b[2J"], true), "\\u{1b}[2J");
    }

    #[test]
    fn a_character_split_between_writes_is_read_whole() {
        let rlo = "\u{202e}".as_bytes();
        assert_eq!(
            through(&[b"a", &rlo[..1], &rlo[1..], b"b"], false),
            "a\\u{202e}b"
        );
        let e = "é".as_bytes();
        assert_eq!(through(&[&e[..1], &e[1..]], false), "é");
    }

    #[test]
    fn bytes_that_are_not_text_are_shown_not_passed() {
        assert_eq!(through(&[b"a\xffb"], false), "a\\xFFb");
        assert_eq!(through(&[b"a\xe2\x80"], false), "a\\xE2\\x80");
    }

    #[test]
    fn the_probe_sees_an_escape() {
        assert!(holds_escape(|w| w.write_all(b"x\x1by")));
        assert!(!holds_escape(|w| w.write_all("plain — text".as_bytes())));
    }
}
