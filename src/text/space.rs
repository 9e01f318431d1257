//! White space written as one space: how a sentence, a quotation or a name is shown on one
//! line, whatever line breaks and runs of spaces the article has inside it.
//!
//! Two forms, because two questions are asked: [`collapse_spaces`] for a stretch of text
//! alone (trimmed at both ends: a name, a quotation's words), [`collapse`] for a sentence that
//! must still show where a value sits inside it (the highlight follows the collapsing).

use crate::span::Span;

/// `raw` with each run of white space written as one space, and none at either end.
pub fn collapse_spaces(raw: &str) -> String {
    let parts = raw.split_whitespace();
    let len = parts.clone().map(|p| p.len() + 1).sum::<usize>();
    let mut out = String::with_capacity(len.saturating_sub(1));
    for p in parts {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

/// The text of `outer` with runs of white space collapsed to one space (and none at the
/// end), and where `inner` lands in the collapsed text.
pub fn collapse(text: &str, outer: Span, inner: Span) -> (String, Span) {
    let mut out = String::new();
    let mut hl = Span::new(0, 0);
    let mut last_space = false;
    let src = outer.slice(text);
    for (i, c) in src.char_indices() {
        let at = outer.start + i;
        if at == inner.start {
            hl.start = out.len();
        }
        if at == inner.end {
            hl.end = out.len();
        }
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    if inner.end >= outer.end {
        hl.end = out.len();
    }
    if hl.end < hl.start {
        hl.end = hl.start;
    }
    (out.trim_end().to_string(), hl)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapse_spaces_joins_words_with_one_space() {
        assert_eq!(collapse_spaces("  a\n\tb \u{a0} c  "), "a b c");
        assert_eq!(collapse_spaces(" \n "), "");
        // As splitting on white space and joining with a space.
        for s in ["x", "a  b", "\u{2003}é\r\nü"] {
            assert_eq!(
                collapse_spaces(s),
                s.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
    }

    #[test]
    fn collapse_follows_the_inner_span() {
        let text = "It sent\n  about 2,000   troops.  ";
        let inner = Span::new(text.find("about").unwrap(), text.find("   troops").unwrap());
        let (s, hl) = collapse(text, Span::new(0, text.len()), inner);
        assert_eq!(s, "It sent about 2,000 troops.");
        assert_eq!(hl.slice(&s), "about 2,000");
        // An inner span reaching the end stops at the collapsed end.
        let (s, hl) = collapse(text, Span::new(0, 7), Span::new(3, 9));
        assert_eq!((s.as_str(), hl), ("It sent", Span::new(3, 7)));
    }
}
