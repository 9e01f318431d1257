//! Paragraphs and sentences: where a stretch of text starts and ends.
//!
//! A paragraph is a run of non-blank lines; a sentence ends at a stop followed by white space
//! and something that can start a sentence, unless the stop ends an abbreviation, an initial
//! or a dotted acronym. Both return byte spans into the text, trimmed of white space, so every
//! reader that calls them agrees on what "the sentence" around a word is. Sentences are the
//! unit of "near" for the rules.
//!
//! The splitter walks bytes with look-ahead and keeps no per-character buffer: a paragraph of
//! hostile input may be megabytes.

use crate::span::Span;

/// Paragraphs of `text[start..]`: runs of non-blank lines (a line of white space only is
/// blank), so a body with no blank line is one paragraph. Spans are trimmed of surrounding
/// white space.
pub fn paragraphs(text: &str, start: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut para_start: Option<usize> = None;
    let mut last_end = start;
    let mut pos = start;
    while pos < text.len() {
        let Some(after) = text.get(pos..) else { break };
        let line_end = after.find('\n').map_or(text.len(), |i| pos + i);
        let line = text.get(pos..line_end).unwrap_or("");
        if line.trim().is_empty() {
            if let Some(s) = para_start.take() {
                out.push(trim_span(text, Span::new(s, last_end)));
            }
        } else {
            if para_start.is_none() {
                para_start = Some(pos);
            }
            last_end = line_end;
        }
        pos = line_end + 1;
    }
    if let Some(s) = para_start {
        out.push(trim_span(text, Span::new(s, last_end)));
    }
    out
}

/// `span` without the white space at its ends.
pub fn trim_span(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    Span::new(span.start + lead, span.end - trail)
}

/// Words that end with a period without ending a sentence: titles, name suffixes and company
/// forms ("Gen. Smith", "Smith Jr.", "Acme Co."), months and weekdays, Latin and address
/// abbreviations. Titles are case-sensitive in practice; matching is on the word as written
/// without its period. The one abbreviation list of the crate.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Prof", "Jr",
    "Sr", "No", "Mt", "Ft", "Capt", "Maj", "Adm", "Cmdr", "Rev", "Hon", "Inc", "Ltd", "Co", "vs",
    "Pres", "Nos", "etc", "approx", "Corp", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat", "Sun",
    "a.m", "p.m", "e.g", "i.e", "cf", "al", "Fig", "Ave", "Blvd",
];

/// Closing marks that may follow a sentence's final stop: `."`, `.”`, `.)`.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

/// Sentences within one paragraph. A sentence ends at `.`, `!` or `?` (plus closing quotes
/// or brackets) followed by white space and then something that can start a sentence: an
/// upper-case letter, a digit or an opening quote. A period after a known abbreviation
/// ("Gen.", "Jan."), a single initial ("J.") or a dotted acronym ("U.S.") does not end a
/// sentence, since news text uses them mid-sentence far more often than at the end.
pub fn sentences(text: &str, para: Span) -> Vec<Span> {
    let p = para.slice(text);
    let char_at = |at: usize| p.get(at..).and_then(|r| r.chars().next());
    let mut out = Vec::new();
    let mut start = 0usize;
    // Byte offsets and look-ahead, no per-character buffer: a paragraph may be megabytes.
    let mut pos = 0usize;
    // The next byte that can start a stop: `.`, `!`, `?`, or 0xE2, the first byte of `…`
    // (and of other characters, stepped over below). All other characters are only
    // stepped over, so skipping them whole changes nothing.
    let next_stop = |from: usize| {
        p.as_bytes()
            .get(from..)
            .and_then(|b| {
                b.iter()
                    .position(|&x| matches!(x, b'.' | b'!' | b'?' | 0xE2))
            })
            .map(|i| from + i)
    };
    while let Some(at) = next_stop(pos) {
        pos = at;
        let Some(c) = char_at(pos) else { break };
        if !matches!(c, '.' | '!' | '?' | '…') {
            pos += c.len_utf8();
            continue;
        }
        // Extend over repeated stops and closing marks.
        let mut end = pos + c.len_utf8();
        while let Some(n) = char_at(end).filter(|n| matches!(n, '.' | '!' | '?') || is_closer(*n)) {
            end += n.len_utf8();
        }
        // Must be followed by white space, then a sentence starter.
        let mut next_start = end;
        while let Some(n) = char_at(next_start).filter(|n| n.is_whitespace()) {
            next_start += n.len_utf8();
        }
        let saw_space = next_start > end;
        let starts_sentence = char_at(next_start).is_some_and(|n| {
            n.is_uppercase()
                || n.is_ascii_digit()
                || matches!(n, '"' | '“' | '‘' | '\'' | '(' | '[')
        });
        let before = p.get(start..pos).unwrap_or("");
        if saw_space && starts_sentence && !(c == '.' && is_abbreviation(before)) {
            out.push(trim_span(
                text,
                Span::new(para.start + start, para.start + end),
            ));
            start = next_start;
            pos = next_start;
            continue;
        }
        pos = end;
    }
    if start < p.len() {
        out.push(trim_span(text, Span::new(para.start + start, para.end)));
    }
    out.retain(|s| !s.is_empty());
    out
}

/// Does the text before a period end with an abbreviation, an initial or a dotted acronym?
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // Single initial: "J." ; dotted acronym: "U.S", "U.K", "a.m".
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next())
        && first.is_uppercase()
    {
        return true;
    }
    if word.contains('.')
        && word
            .split('.')
            .all(|part| part.chars().count() <= 2 && !part.is_empty())
    {
        return true;
    }
    ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        paragraphs(text, 0)
            .into_iter()
            .flat_map(|p| sentences(text, p))
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Talks with the U.S. Ahead of them, Gen. Smith spoke. He left."),
            vec![
                "Talks with the U.S. Ahead of them, Gen. Smith spoke.",
                "He left."
            ]
        );
        assert_eq!(
            split("Mr. Smith said so on Jan. 10. Then J. Doe replied!"),
            vec!["Mr. Smith said so on Jan. 10.", "Then J. Doe replied!"]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("“It is over,” he said. “We won.” She agreed."),
            vec!["“It is over,” he said.", "“We won.”", "She agreed."]
        );
    }

    #[test]
    fn paragraphs_end_sentences_but_single_line_breaks_do_not() {
        assert_eq!(
            split("A headline\n\nFirst line\ncontinues here. Next."),
            vec!["A headline", "First line\ncontinues here.", "Next."]
        );
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(
            split("It was 3 p.m. in Moscow. Done."),
            vec!["It was 3 p.m. in Moscow.", "Done."]
        );
    }

    #[test]
    fn paragraphs_are_runs_of_non_blank_lines_trimmed() {
        let text = "  One\ntwo \n \u{a0}\n\nThree\n\n\n";
        let ps: Vec<&str> = paragraphs(text, 0).iter().map(|p| p.slice(text)).collect();
        assert_eq!(ps, ["One\ntwo", "Three"]);
        // From a start offset; a text with no blank line is one paragraph.
        let ps: Vec<&str> = paragraphs(text, 6).iter().map(|p| p.slice(text)).collect();
        assert_eq!(ps, ["two", "Three"]);
        let one = "a
b
c";
        assert_eq!(paragraphs(one, 0), [Span::new(0, one.len())]);
        assert_eq!(trim_span(" a ", Span::new(0, 3)), Span::new(1, 2));
    }
}
