//! Positions in text: byte spans inside the pipeline, line:column only at the edge.
//!
//! Every stage keeps byte offsets into the original file (cheap, exact, and what regex
//! gives us); a [`LineIndex`] built once per file turns an offset into the line and column a
//! person sees in an editor. Columns count Unicode scalar values (characters), 1-based, as
//! most editors do, so "é" or "“" count as one column.

use serde::Serialize;

/// An offset, index or count held in 32 bits, where a run holds millions of them: values
/// past `u32::MAX` (a file of more than 4 GB, more than 4 billion articles) are held as
/// `u32::MAX`.
pub(crate) fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A half-open byte range `start..end` into one file's text.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    Default,
    schemars::JsonSchema,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The text this span covers, or "" when the span does not fit the text (never panics).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Offsets of line starts, so offset → line:column is a binary search plus one short scan.
///
/// Two refinements keep it exact and cheap on hostile input: characters the reader dropped
/// from the text (zero-width spaces, see [`LineIndex::with_hidden`]) still count as columns,
/// as they do in an editor; and a very long line carries a checkpoint every
/// [`CHECKPOINT_BYTES`], so a column is never counted from the start of a 100 MB line.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Byte offsets (in the text) where a hidden character stood, sorted.
    hidden: Vec<usize>,
    /// (byte offset, characters from its line start) inside long lines, sorted.
    checkpoints: Vec<(usize, usize)>,
}

/// Distance between column checkpoints inside one line.
pub const CHECKPOINT_BYTES: usize = 64 * 1024;

impl LineIndex {
    /// Lines end at `\n`, `\r\n` or a lone `\r`, as editors count them.
    pub fn new(text: &str) -> Self {
        Self::with_hidden(text, Vec::new())
    }

    /// A line index for text from which characters were removed: `hidden` holds, sorted,
    /// the byte offset in `text` where each removed character stood. Each counts as one
    /// column before the character now at that offset.
    pub fn with_hidden(text: &str, hidden: Vec<usize>) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut checkpoints = Vec::new();
        let mut line_start = 0;
        let mut next_mark = CHECKPOINT_BYTES;
        let mut i = 0;
        while i < bytes.len() {
            // The next line end (`\n`, or `\r` not before `\n`), found with memchr; every
            // byte before it is inside the line, where checkpoints go.
            let mut scan = i;
            let end = loop {
                match bytes
                    .get(scan..)
                    .and_then(|b| memchr::memchr2(b'\n', b'\r', b))
                {
                    None => break bytes.len(),
                    Some(k) => {
                        let at = scan + k;
                        if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                            scan = at + 1;
                        } else {
                            break at;
                        }
                    }
                }
            };
            // A checkpoint at the first character boundary at or after each mark.
            while next_mark < end {
                let mut at = next_mark.max(i);
                while at < end && !text.is_char_boundary(at) {
                    at += 1;
                }
                if at >= end {
                    break;
                }
                let from = checkpoints
                    .last()
                    .filter(|(cp, _)| *cp >= line_start)
                    .copied()
                    .unwrap_or((line_start, 0));
                let chars = text.get(from.0..at).map_or(0, |s| s.chars().count());
                checkpoints.push((at, from.1 + chars));
                next_mark = at + CHECKPOINT_BYTES;
            }
            if end >= bytes.len() {
                break;
            }
            starts.push(end + 1);
            line_start = end + 1;
            next_mark = line_start + CHECKPOINT_BYTES;
            i = end + 1;
        }
        LineIndex {
            starts,
            hidden,
            checkpoints,
        }
    }

    /// Line and column of a byte offset; offsets past the end clamp to the end, and an offset
    /// inside a multi-byte character counts as that character.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(line).copied().unwrap_or(0);
        // Count from the nearest checkpoint of this line at or before the offset.
        let cp = self.checkpoints.partition_point(|(at, _)| *at <= offset);
        let (from, base) = cp
            .checked_sub(1)
            .and_then(|i| self.checkpoints.get(i))
            .filter(|(at, _)| *at >= start)
            .copied()
            .unwrap_or((start, 0));
        // Characters starting before `offset` (one inside a character counts it): their
        // first bytes, i.e. the bytes that are not UTF-8 continuation bytes (0b10xx_xxxx).
        // Counting bytes instead of decoding characters lets the loop run on whole words.
        let column = match (text.get(from..), text.as_bytes().get(from..offset)) {
            (Some(_), Some(bytes)) => bytes.iter().filter(|&&b| (b as i8) >= -0x40).count(),
            _ => 0,
        };
        let hidden = self.hidden.partition_point(|&h| h <= offset)
            - self.hidden.partition_point(|&h| h < start);
        Position {
            line: line + 1,
            column: base + column + hidden + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "ab\n“cd” e\r\nf\rg";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(idx.position(text, 3), Position { line: 2, column: 1 });
        // 'c' comes after the 3-byte “ : byte 6, column 2.
        assert_eq!(idx.position(text, 6), Position { line: 2, column: 2 });
        // 'e' after “cd” and a space: column 6.
        let e = text.find('e').unwrap();
        assert_eq!(idx.position(text, e), Position { line: 2, column: 6 });
        let f = text.find('f').unwrap();
        assert_eq!(idx.position(text, f), Position { line: 3, column: 1 });
        let g = text.find('g').unwrap();
        assert_eq!(idx.position(text, g), Position { line: 4, column: 1 });
    }

    #[test]
    fn hidden_characters_count_as_columns() {
        // "a\u{200B}b\nc" read as "ab\nc": the zero-width space stood before `b`.
        let text = "ab\nc";
        let idx = LineIndex::with_hidden(text, vec![1]);
        assert_eq!(idx.position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(idx.position(text, 1), Position { line: 1, column: 3 });
        assert_eq!(idx.position(text, 3), Position { line: 2, column: 1 });
    }

    #[test]
    fn columns_on_a_very_long_line_use_checkpoints_and_stay_exact() {
        let line = "é".repeat(CHECKPOINT_BYTES) + "x";
        let text = format!("first\n{line}");
        let idx = LineIndex::new(&text);
        assert!(!idx.checkpoints.is_empty());
        let x = text.rfind('x').unwrap();
        assert_eq!(
            idx.position(&text, x),
            Position {
                line: 2,
                column: CHECKPOINT_BYTES + 1
            }
        );
    }

    #[test]
    fn an_offset_inside_a_character_counts_that_character() {
        let text = "a“b";
        let idx = LineIndex::new(text);
        // “ is bytes 1..4: offsets 2 and 3 are inside it, 4 is `b`.
        assert_eq!(idx.position(text, 1), Position { line: 1, column: 2 });
        assert_eq!(idx.position(text, 2), Position { line: 1, column: 3 });
        assert_eq!(idx.position(text, 3), Position { line: 1, column: 3 });
        assert_eq!(idx.position(text, 4), Position { line: 1, column: 3 });
        assert_eq!(idx.position(text, 5), Position { line: 1, column: 4 });
    }

    #[test]
    fn long_lines_with_crlf_and_lone_cr_keep_exact_lines_and_columns() {
        // Two lines longer than a checkpoint, ended by `\r\n` and by a lone `\r`, of 4-byte
        // pairs "a“" shifted by one byte ("b"), so that the first mark falls inside a `“`.
        let long = "a“".repeat(CHECKPOINT_BYTES / 4 * 2);
        let text = format!("b{long}\r\n{long}\rz");
        let idx = LineIndex::new(&text);
        let second = 1 + long.len() + 2;
        assert_eq!(idx.starts, vec![0, second, text.len() - 1]);
        // Line 1: the mark at 65536 is the last byte of a `“`, so the checkpoint is the next
        // character (65537, after "b" and 32768 characters); the `\r` of `\r\n` at 131073
        // is inside the line. Line 2: its mark lands on an `a`; its `\r` ends the line.
        assert_eq!(
            idx.checkpoints,
            vec![
                (CHECKPOINT_BYTES + 1, 1 + CHECKPOINT_BYTES / 2),
                (1 + long.len(), 1 + CHECKPOINT_BYTES),
                (second + CHECKPOINT_BYTES, CHECKPOINT_BYTES / 2),
            ]
        );
        // The last `“` of line 1: "b" and 65535 characters before it.
        let last = 1 + long.len() - "“".len();
        assert_eq!(
            idx.position(&text, last),
            Position {
                line: 1,
                column: CHECKPOINT_BYTES + 1
            }
        );
        // Inside the `“` after the 16385th "a" of line 2 (its second byte): counts it, as
        // [`LineIndex::position`] says, so the column is the next character's.
        let mid = second + CHECKPOINT_BYTES + 2;
        assert_eq!(
            idx.position(&text, mid),
            Position {
                line: 2,
                column: CHECKPOINT_BYTES / 2 + 3
            }
        );
        let z = text.len() - 1;
        assert_eq!(idx.position(&text, z), Position { line: 3, column: 1 });
    }

    #[test]
    fn out_of_range_offsets_clamp() {
        let text = "abc";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 99), Position { line: 1, column: 4 });
        assert_eq!(Span::new(2, 99).slice(text), "");
    }
}
