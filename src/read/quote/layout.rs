//! Paragraphs and sentence starts, as the quotation reader uses them: where a quotation's
//! paragraph and sentence are, which bound its attribution.
//!
//! They are the article's own ([`Article::paragraphs`], [`Article::sentences`], cut by
//! [`crate::text::split`]): one splitter for every reader, so "the sentence" of a quotation
//! is the sentence every other reader and the report mean. (The reader once cut the body
//! again with a splitter of its own and a shorter abbreviation list; see docs/accuracy.md
//! for what the switch changed.)

use std::ops::Range;

use crate::corpus::Article;
use crate::span::Span;

/// Where a body's paragraphs are and where its sentences start, in byte offsets.
pub(super) struct Layout {
    /// Paragraphs, trimmed, in order.
    pub(super) paras: Vec<Range<usize>>,
    /// Sentence starts, paragraph starts included, sorted.
    pub(super) starts: Vec<usize>,
}

impl Layout {
    /// The article's paragraphs and sentences.
    pub(super) fn of_article(article: &Article) -> Layout {
        Layout::new(&article.paragraphs, &article.sentences)
    }

    /// The paragraphs and sentences of `text[body_start..]` as an article would cut them
    /// (without its caps on paragraph and sentence length): for text read without an
    /// [`Article`]. A start inside a character moves on to the next character.
    #[cfg(test)]
    pub(super) fn of_text(text: &str, body_start: usize) -> Layout {
        let mut start = body_start.min(text.len());
        while !text.is_char_boundary(start) {
            start += 1;
        }
        let paras = crate::text::paragraphs(text, start);
        let sentences: Vec<Span> = paras
            .iter()
            .flat_map(|&p| crate::text::sentences(text, p))
            .collect();
        Layout::new(&paras, &sentences)
    }

    fn new(paragraphs: &[Span], sentences: &[Span]) -> Layout {
        let paras = paragraphs.iter().map(|p| p.start..p.end).collect();
        let mut starts: Vec<usize> = sentences.iter().map(|s| s.start).collect();
        starts.extend(paragraphs.iter().map(|p| p.start));
        starts.sort_unstable();
        starts.dedup();
        Layout { paras, starts }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::read::quote::quotes;

    fn article(text: &str) -> Article {
        Article::from_text(Path::new("t.txt"), text.to_string()).expect("article")
    }

    #[test]
    fn the_layout_is_the_articles() {
        let text = "A Mr. Lee spoke. He left.\n\n  Next one! “Quoted.”\n";
        let a = article(text);
        let l = Layout::of_article(&a);
        let paras: Vec<&str> = l.paras.iter().map(|p| &text[p.clone()]).collect();
        assert_eq!(paras, ["A Mr. Lee spoke. He left.", "Next one! “Quoted.”"]);
        let starts: Vec<String> = l
            .starts
            .iter()
            .map(|&s| text[s..].chars().take(2).collect())
            .collect();
        assert_eq!(starts, ["A ", "He", "Ne", "“Q"]);
        let t = Layout::of_text(text, 0);
        assert_eq!((t.paras, t.starts), (l.paras, l.starts));
        // No blank line: one paragraph, as the article reads it.
        assert_eq!(
            Layout::of_text("a\nb", 0).paras,
            vec![Range { start: 0, end: 3 }]
        );
    }

    #[test]
    fn a_description_ends_with_its_sentence() {
        // "Example.com." ends a sentence: the appositive stops there, not in the next one.
        let a = article(
            "Rates will rise, said Kim Berg, an analyst at Example.com. For savers, she \
             suggests a fixed rate.\n\n“This will protect you from the rises we expect,” she said.",
        );
        let qs = quotes(&a);
        assert_eq!(qs.len(), 1);
        let sp = qs[0].speaker.as_ref().expect("a speaker");
        assert_eq!(sp.name, "Kim Berg");
        assert_eq!(sp.description.as_deref(), Some("an analyst at Example.com"));
    }
}
