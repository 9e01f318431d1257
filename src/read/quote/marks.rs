//! Quote marks: where each quotation opens and closes, paragraph by paragraph, and how a
//! quotation spread over several paragraphs is joined.
//!
//! - Marks are read per paragraph. A missing closing mark is recovered at the paragraph end
//!   (reported as `unbalanced`) so that one typo cannot swallow the rest of the article.
//! - The news convention for a quotation spread over several paragraphs (no closing mark at
//!   the end of a paragraph, an opening mark at the start of the next) joins the paragraphs.
//! - Curly marks say their role by glyph, but misused glyphs are common in copied text, so the
//!   neighbouring characters decide when the glyph contradicts them; straight marks are
//!   decided by their neighbours alone.

use std::ops::Range;

use super::scan;
use super::sub;
use crate::text::{collapse_spaces, has_word};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Open,
    Close,
}

fn is_open_glyph(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '‘')
}

/// The role of mark `c` between `prev` and `next`, `open` saying whether a quotation is open
/// (see the module docs for why the neighbours decide).
fn mark_role(c: char, prev: Option<char>, next: Option<char>, open: bool) -> Option<Role> {
    let prev_space =
        prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p) || is_open_glyph(p));
    let next_space = next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}—–".contains(n));
    match c {
        '“' | '„' | '«' => Some(if open && !prev_space && next_space {
            Role::Close
        } else {
            Role::Open
        }),
        '”' | '»' => Some(if !open && prev_space && !next_space {
            Role::Open
        } else {
            Role::Close
        }),
        // Between words or between spaces the state decides: close what is open.
        '"' => Some(if prev_space && !next_space {
            Role::Open
        } else if (!prev_space && next_space) || open {
            Role::Close
        } else {
            Role::Open
        }),
        _ => None,
    }
}

/// One quoted stretch inside one paragraph.
#[derive(Debug, Clone)]
pub(super) struct Piece {
    pub(super) open: usize,
    pub(super) content: Range<usize>,
    /// End of the closing mark; `None` when the paragraph (or a new opening mark) came first.
    pub(super) close_end: Option<usize>,
}

fn scan_paragraph(text: &str, para: &Range<usize>) -> Vec<Piece> {
    let s = sub(text, para);
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    for (i, c) in scan::marks(s) {
        let prev = s.get(..i).and_then(|b| b.chars().next_back());
        let next = s.get(i + c.len_utf8()..).and_then(|a| a.chars().next());
        let Some(role) = mark_role(c, prev, next, cur.is_some()) else {
            continue;
        };
        let abs = para.start + i;
        let after = abs + c.len_utf8();
        match role {
            Role::Open => {
                if let Some((o, cs)) = cur.take() {
                    out.push(Piece {
                        open: o,
                        content: cs..abs,
                        close_end: None,
                    });
                }
                cur = Some((abs, after));
            }
            Role::Close => {
                if let Some((o, cs)) = cur.take() {
                    out.push(Piece {
                        open: o,
                        content: cs..abs,
                        close_end: Some(after),
                    });
                }
            }
        }
    }
    if let Some((o, cs)) = cur {
        out.push(Piece {
            open: o,
            content: cs..para.end,
            close_end: None,
        });
    }
    out
}

/// A quotation before classification and attribution.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) pieces: Vec<Piece>,
    pub(super) first_para: usize,
    pub(super) last_para: usize,
}

impl Found {
    pub(super) fn open(&self) -> usize {
        self.pieces.first().map_or(0, |p| p.open)
    }
    pub(super) fn end(&self) -> usize {
        self.pieces
            .last()
            .map_or(0, |p| p.close_end.unwrap_or(p.content.end))
    }
    pub(super) fn unbalanced(&self) -> bool {
        self.pieces.last().is_some_and(|p| p.close_end.is_none())
    }
    pub(super) fn text(&self, text: &str) -> String {
        let joined = self
            .pieces
            .iter()
            .map(|p| sub(text, &p.content))
            .collect::<Vec<_>>()
            .join(" ");
        let n = collapse_spaces(&joined);
        n.trim_end_matches([',', ' ']).to_string()
    }
}

fn has_words(text: &str, r: &Range<usize>) -> bool {
    has_word(sub(text, r))
}

pub(super) fn find_quotes(text: &str, paras: &[Range<usize>]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut pending: Option<Found> = None;
    for (p, para) in paras.iter().enumerate() {
        let pieces = scan_paragraph(text, para);
        let n = pieces.len();
        let mut iter = pieces.into_iter().enumerate().peekable();
        if let Some(mut pend) = pending.take() {
            let continues = iter.peek().is_some_and(|(_, first)| {
                first.open == para.start && has_words(text, &first.content)
            });
            if continues {
                if let Some((k, first)) = iter.next() {
                    let still_open = first.close_end.is_none() && k + 1 == n;
                    pend.pieces.push(first);
                    pend.last_para = p;
                    if still_open {
                        pending = Some(pend);
                        continue;
                    }
                    out.push(pend);
                }
            } else {
                out.push(pend);
            }
        }
        for (k, piece) in iter {
            if !has_words(text, &piece.content) {
                continue; // a stray mark
            }
            let found = Found {
                pieces: vec![piece],
                first_para: p,
                last_para: p,
            };
            let unclosed_at_end = found.unbalanced() && k + 1 == n;
            if unclosed_at_end {
                pending = Some(found);
            } else {
                out.push(found);
            }
        }
    }
    if let Some(pend) = pending {
        out.push(pend);
    }
    out
}

/// The stretches of each paragraph outside quotation marks, as (paragraph index, range): where
/// speech verbs and organisations are looked for.
pub(super) fn outside(founds: &[Found], paras: &[Range<usize>]) -> Vec<(usize, Range<usize>)> {
    // Quotation pieces are in text order and do not overlap, so one cursor walks them
    // alongside the paragraphs (linear, not paragraphs × quotations).
    let pieces: Vec<(usize, usize)> = founds
        .iter()
        .flat_map(|f| f.pieces.iter())
        .map(|piece| (piece.open, piece.close_end.unwrap_or(piece.content.end)))
        .collect();
    let mut cursor = 0;
    let mut segments: Vec<(usize, Range<usize>)> = Vec::new();
    for (p, para) in paras.iter().enumerate() {
        let mut pos = para.start;
        while pieces.get(cursor).is_some_and(|&(_, pe)| pe <= para.start) {
            cursor += 1;
        }
        for &(ps, pe) in pieces[cursor.min(pieces.len())..].iter() {
            if ps >= para.end {
                break;
            }
            if pe <= para.start {
                continue;
            }
            if ps > pos {
                segments.push((p, pos..ps));
            }
            pos = pos.max(pe);
        }
        if pos < para.end {
            segments.push((p, pos..para.end));
        }
    }
    segments
}
