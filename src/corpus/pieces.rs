//! Bounds on the pieces later stages work on: sentences and paragraphs cut to a size.

use super::{MAX_PARAGRAPH, MAX_SENTENCE};
use crate::span::Span;
use crate::text::trim_span;

/// A sentence longer than [`MAX_SENTENCE`] bytes, cut at white space (or, in a run without
/// any, at a character boundary) into pieces no longer than that.
pub(super) fn cap_sentence(text: &str, sentence: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = sentence.start;
    while sentence.end - start > MAX_SENTENCE {
        let mut end = (start + MAX_SENTENCE).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let window = text.get(start..end).unwrap_or("");
        let cut = match window.rfind(char::is_whitespace) {
            Some(i) if i > 0 => start + i,
            _ => start + window.len().max(1),
        };
        let piece = trim_span(text, Span::new(start, cut));
        if !piece.is_empty() {
            out.push(piece);
        }
        let rest = text.get(cut..sentence.end).unwrap_or("");
        start = cut + (rest.len() - rest.trim_start().len());
        if rest.trim_start().is_empty() {
            return out;
        }
    }
    out.push(Span::new(start, sentence.end));
    out
}

/// A paragraph, or when longer than [`MAX_PARAGRAPH`] bytes, runs of its sentences each no
/// longer than that (a single sentence is never longer, see [`cap_sentence`]).
pub(super) fn cap_paragraph(para: Span, sentences: &[Span], out: &mut Vec<Span>) {
    if para.len() <= MAX_PARAGRAPH || sentences.is_empty() {
        out.push(para);
        return;
    }
    let mut piece: Option<Span> = None;
    for s in sentences {
        piece = Some(match piece {
            Some(p) if s.end - p.start <= MAX_PARAGRAPH => Span::new(p.start, s.end),
            Some(p) => {
                out.push(p);
                *s
            }
            None => *s,
        });
    }
    out.extend(piece);
}
