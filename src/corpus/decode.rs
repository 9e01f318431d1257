//! Bytes to text: reading a file with a size cap and a binary check as it streams,
//! decoding (UTF-8, UTF-16 and UTF-32 with a byte-order mark, else windows-1252 with a
//! warning), and the normalisation that keeps offsets mappable to the file (lone `\r`,
//! invisible characters, fullwidth forms). See docs/robustness.md.

use std::io::Read;
use std::path::Path;

use super::ArticleProblem;
use crate::span::LineIndex;

/// Bytes read at a time: the binary check runs on each piece as it arrives, so a binary
/// file is refused after its first NUL, not after reading all of it.
const CHUNK: usize = 64 * 1024;

/// A byte-order mark that says the file is UTF-16 or UTF-32 (their text holds NUL bytes).
fn wide_bom(head: &[u8]) -> bool {
    head.starts_with(&[0xFF, 0xFE])
        || head.starts_with(&[0xFE, 0xFF])
        || head.starts_with(&[0, 0, 0xFE, 0xFF])
}

/// Why a file was not read into memory.
#[derive(Debug)]
pub(super) enum Unread {
    /// The operating system's error.
    Io(std::io::Error),
    /// A reason to give as is.
    Reason(String),
}

/// Read a regular file's bytes, at most `max_bytes` of them: a larger file is refused, and
/// so is one with a NUL byte (unless a UTF-16 or UTF-32 byte-order mark opens it), as soon
/// as the piece holding it is read. Special files are refused before they are opened (a
/// FIFO would block the open, a device never end).
pub(super) fn read_capped(path: &Path, max_bytes: u64) -> Result<Vec<u8>, Unread> {
    let meta = std::fs::metadata(path).map_err(|e| {
        // A link to nothing: the system says only "No such file or directory".
        match std::fs::read_link(path) {
            Ok(to) if e.kind() == std::io::ErrorKind::NotFound => Unread::Reason(format!(
                "cannot read: a symbolic link to {}, which is not there",
                super::escape_path(&to)
            )),
            _ => Unread::Io(e),
        }
    })?;
    if !meta.is_file() {
        return Err(Unread::Reason(super::walk::not_regular(&meta.file_type())));
    }
    if meta.len() > max_bytes {
        return Err(Unread::Reason(too_large(max_bytes)));
    }
    let file = std::fs::File::open(path).map_err(Unread::Io)?;
    stream_capped(file, max_bytes)
}

/// [`read_capped`] on any reader (standard input): the same cap and binary check.
pub(super) fn stream_capped(mut reader: impl Read, max_bytes: u64) -> Result<Vec<u8>, Unread> {
    let mut bytes = Vec::new();
    let mut buf = vec![0u8; CHUNK];
    // Bytes already looked at for a NUL; None until the first four say whether the text
    // is UTF-16 or UTF-32 (whose text holds NULs).
    let mut checked = 0;
    let mut wide: Option<bool> = None;
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Unread::Io(e)),
        };
        if (bytes.len() + n) as u64 > max_bytes {
            return Err(Unread::Reason(too_large(max_bytes)));
        }
        bytes.extend_from_slice(buf.get(..n).unwrap_or(&[]));
        if bytes.len() >= 4 {
            check_nul(&bytes, &mut checked, &mut wide)?;
        }
    }
    check_nul(&bytes, &mut checked, &mut wide)?;
    Ok(bytes)
}

/// Look for a NUL in `bytes[*checked..]`, unless a UTF-16 or UTF-32 byte-order mark opens
/// the text.
fn check_nul(bytes: &[u8], checked: &mut usize, wide: &mut Option<bool>) -> Result<(), Unread> {
    if *wide.get_or_insert_with(|| wide_bom(bytes)) {
        return Ok(());
    }
    if let Some(at) = bytes.get(*checked..).and_then(|b| memchr::memchr(0, b)) {
        return Err(Unread::Reason(nul(*checked + at)));
    }
    *checked = bytes.len();
    Ok(())
}

fn too_large(max: u64) -> String {
    format!(
        "larger than the limit of {} per article (raise it with --max-article-size), not read",
        human_bytes(max)
    )
}

fn nul(at: usize) -> String {
    format!("binary file (a NUL byte at offset {at}), not an article")
}

/// `268435456` → `256 MiB`, `1500` → `1500 bytes`.
pub fn human_bytes(n: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (size, unit) in UNITS {
        if n >= size && n.is_multiple_of(size) {
            return format!("{} {unit}", n / size);
        }
        if n >= size {
            return format!("{:.1} {unit}", n as f64 / size as f64);
        }
    }
    format!("{n} bytes")
}

/// Control bytes other than tab, line feed, form feed and carriage return: text has none,
/// or nearly none (a stray one in scraped text); binary files are full of them.
fn is_control_byte(b: u8) -> bool {
    matches!(b, 0x01..=0x08 | 0x0B | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F)
}

/// The UTF-32 byte-order marks: the encoding's name and whether it is big-endian.
fn utf32_bom(bytes: &[u8]) -> Option<(&'static str, bool)> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
        Some(("UTF-32LE", false))
    } else if bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        Some(("UTF-32BE", true))
    } else {
        None
    }
}

/// UTF-32 text (encoding_rs has no UTF-32: the WHATWG standard leaves it out), or None
/// when a unit is no character or the length is not a multiple of four.
fn decode_utf32(bytes: &[u8], big_endian: bool) -> Option<String> {
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    bytes
        .chunks_exact(4)
        .map(|c| {
            let unit = [c[0], c[1], c[2], c[3]];
            let n = if big_endian {
                u32::from_be_bytes(unit)
            } else {
                u32::from_le_bytes(unit)
            };
            char::from_u32(n)
        })
        .collect()
}

/// Bytes to text: UTF-8, UTF-16 or UTF-32 with a byte-order mark, or windows-1252 with a warning.
/// Binary files (a NUL byte, or more than 1 in 100 bytes a control byte) are refused.
pub(super) fn decode(
    file: &str,
    bytes: Vec<u8>,
) -> Result<(String, Option<ArticleProblem>), ArticleProblem> {
    let problem = |line: Option<usize>, column: Option<usize>, message: String| ArticleProblem {
        file: file.to_string(),
        line,
        column,
        message,
    };
    // UTF-32 first: its little-endian mark starts with UTF-16LE's.
    if let Some((name, big_endian)) = utf32_bom(&bytes) {
        return match decode_utf32(bytes.get(4..).unwrap_or(&[]), big_endian) {
            Some(text) => Ok((
                text,
                Some(problem(
                    None,
                    None,
                    format!(
                        "decoded as {name} (it starts with that byte-order mark); byte offsets refer to its UTF-8 form"
                    ),
                )),
            )),
            None => Err(problem(
                None,
                None,
                format!(
                    "starts with a {name} byte-order mark but is not valid {name}; save the file as UTF-8"
                ),
            )),
        };
    }
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(&bytes)
        && encoding != encoding_rs::UTF_8
    {
        let body = bytes.get(bom_len..).unwrap_or(&[]);
        let (text, had_errors) = encoding.decode_without_bom_handling(body);
        if had_errors {
            return Err(problem(
                None,
                None,
                format!(
                    "starts with a {} byte-order mark but is not valid {0}; save the file as UTF-8",
                    encoding.name()
                ),
            ));
        }
        let warning = problem(
            None,
            None,
            format!(
                "decoded as {} (it starts with that byte-order mark); byte offsets refer to its UTF-8 form",
                encoding.name()
            ),
        );
        return Ok((text.into_owned(), Some(warning)));
    }
    if let Some(at) = memchr::memchr(0, &bytes) {
        return Err(problem(
            None,
            None,
            format!("binary file (a NUL byte at offset {at}), not an article"),
        ));
    }
    let controls = bytes.iter().filter(|&&b| is_control_byte(b)).count();
    if controls > bytes.len() / 100 {
        return Err(problem(
            None,
            None,
            format!(
                "binary file ({controls} control bytes in {}), not an article",
                bytes.len()
            ),
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            // A UTF-8 byte-order mark says what the file means to be: keep it UTF-8.
            if bytes.starts_with(b"\xEF\xBB\xBF") {
                let good = std::str::from_utf8(bytes.get(..valid).unwrap_or(&[])).unwrap_or("");
                let pos = LineIndex::new(good).position(good, good.len());
                let warning = problem(
                    Some(pos.line),
                    Some(pos.column.saturating_sub(usize::from(pos.line == 1)).max(1)),
                    "starts with a UTF-8 byte-order mark but has bytes that are not UTF-8; read with U+FFFD in their place".into(),
                );
                return Ok((String::from_utf8_lossy(&bytes).into_owned(), Some(warning)));
            }
            let good = bytes
                .get(..valid)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or("");
            let pos = LineIndex::new(good).position(good, good.len());
            let bad = bytes.get(valid).copied().unwrap_or(0);
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
            let warning = problem(
                Some(pos.line),
                Some(pos.column),
                format!(
                    "not valid UTF-8 (byte 0x{bad:02X}); decoded as windows-1252 (Latin-1), so check its accented letters, and save the file as UTF-8"
                ),
            );
            Ok((text.into_owned(), Some(warning)))
        }
    }
}

/// Characters that change nothing a reader sees, dropped from the text that is read: the
/// zero-width characters, the soft hyphen, and the direction marks, embeddings and isolates
/// (U+200E, U+200F, U+202A..U+202C, U+2066..U+2069) that wrap numbers and names in
/// right-to-left text. The overrides U+202D and U+202E stay: they reorder what is shown, and
/// reports show them escaped.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202C}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{00AD}'
    )
}

/// Fullwidth forms of ASCII ("２，０００") as the ASCII character.
fn fullwidth_ascii(c: char) -> Option<char> {
    match u32::from(c) {
        cp @ 0xFF01..=0xFF5E => char::from_u32(cp - 0xFEE0),
        _ => None,
    }
}

/// Whether `text` holds a character [`normalize`] drops or narrows. Each of them is
/// encoded with the first byte 0xC2 (U+00AD), 0xE2 (U+200B..U+2069) or 0xEF (U+FEFF,
/// U+FF01..U+FF5E), so only the characters starting with one of those bytes are decoded.
pub(super) fn has_hidden_or_fullwidth(text: &str) -> bool {
    memchr::memchr3_iter(0xC2, 0xE2, 0xEF, text.as_bytes()).any(|i| {
        // Those bytes only ever start a character, so `i` is a character boundary.
        text.get(i..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| is_invisible(c) || fullwidth_ascii(c).is_some())
    })
}

/// The text as read, and how it maps back to the file.
pub(super) struct Normalized {
    pub text: String,
    /// Where each dropped character stood (it still counts as a column), in `text` offsets.
    pub hidden: Vec<usize>,
    /// See [`Article::file_offset`].
    pub shifts: Vec<(usize, usize)>,
}

/// Lone `\r` → `\n` (in place: same length); invisible characters dropped and fullwidth
/// forms narrowed (a new string, only when the text has any).
pub(super) fn normalize(text: String) -> Normalized {
    let mut bytes = text.into_bytes();
    // Jump from `\r` to `\r`: most text has none.
    let mut from = 0;
    while let Some(i) = bytes.get(from..).and_then(|b| memchr::memchr(b'\r', b)) {
        let i = from + i;
        if bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
        from = i + 1;
    }
    // Replacing one ASCII byte by another keeps the text valid UTF-8.
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    let mut hidden = Vec::new();
    let mut shifts = Vec::new();
    if !has_hidden_or_fullwidth(&text) {
        return Normalized {
            text,
            hidden,
            shifts,
        };
    }
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if is_invisible(c) {
            // A byte-order mark is no column in an editor; other invisible characters are.
            if !(i == 0 && c == '\u{FEFF}') {
                hidden.push(out.len());
            }
        } else if let Some(a) = fullwidth_ascii(c) {
            out.push(a);
        } else {
            out.push(c);
            continue;
        }
        shifts.push((out.len(), i + c.len_utf8() - out.len()));
    }
    Normalized {
        text: out,
        hidden,
        shifts,
    }
}
