//! Positions in text: byte spans inside the pipeline, line:column only at the edge.
//!
//! Every stage keeps byte offsets into the original file (cheap, exact, and what regex
//! gives us); a [`LineIndex`] built once per file turns an offset into the line and column a
//! person sees in an editor. Columns count Unicode scalar values (characters), 1-based, as
//! most editors do, so "é" or "“" count as one column.

use serde::Serialize;

/// A half-open byte range `start..end` into one file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
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
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Lines end at `\n`, `\r\n` or a lone `\r`, as editors count them.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
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
        let column = text
            .get(start..)
            .map(|rest| {
                rest.char_indices()
                    .take_while(|(i, _)| start + i < offset)
                    .count()
            })
            .unwrap_or(0);
        Position {
            line: line + 1,
            column: column + 1,
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
    fn out_of_range_offsets_clamp() {
        let text = "abc";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 99), Position { line: 1, column: 4 });
        assert_eq!(Span::new(2, 99).slice(text), "");
    }
}
