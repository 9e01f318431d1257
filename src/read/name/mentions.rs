//! A run's name mentions, held compactly: each distinct text once, each mention in 16 bytes.
//!
//! Extraction keeps every name an article writes, and a corpus writes a few hundred distinct
//! names a hundred thousand times; comparison ([`crate::compare::name`]) clusters them.
//! Holding them as text ids keeps a 100k-article run's names in a few hundred megabytes less.

use std::collections::HashMap;

use super::{NameKind, NameMention};

/// Name mentions of many documents, held compactly for clustering: each distinct text once,
/// each mention as (text, start, end, kind) in 16 bytes. A corpus writes a few hundred
/// distinct names a hundred thousand times.
///
/// Every document's mentions are in one list, each document's after the one before: a
/// list per document made a hundred thousand small blocks at 100k articles, which, freed
/// once names are grouped, stayed in the allocator's heap (the report built next did not
/// reuse them); one block is given back to the system whole.
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    texts: Vec<String>,
    ids: HashMap<String, u32>,
    all: Vec<MentionRef>,
    /// Where each document's mentions end in `all`.
    ends: Vec<usize>,
}

#[derive(Debug, Clone, Copy)]
pub struct MentionRef {
    /// Index of the mention's text in [`Mentions::texts`].
    pub text: u32,
    pub start: u32,
    pub end: u32,
    pub kind: NameKind,
}

impl Mentions {
    pub fn new() -> Self {
        Self::default()
    }

    /// The mentions of each document, in document order.
    pub fn from_docs(docs: &[Vec<NameMention>]) -> Self {
        let mut m = Mentions::new();
        for d in docs {
            m.push_doc(d);
        }
        m
    }

    /// Add the next document's mentions.
    pub fn push_doc(&mut self, mentions: &[NameMention]) {
        self.push_doc_parts(mentions.iter().map(|m| {
            (
                m.text.as_str(),
                crate::span::narrow(m.span.start),
                crate::span::narrow(m.span.end),
                m.kind,
            )
        }));
    }

    /// Add the next document's mentions given as (text, start, end, kind): a caller that
    /// holds the texts elsewhere need not build a [`NameMention`] (a copy of its text) for
    /// each of a run's millions of mentions.
    pub fn push_doc_parts<'t>(
        &mut self,
        mentions: impl IntoIterator<Item = (&'t str, u32, u32, NameKind)>,
    ) {
        for (text, start, end, kind) in mentions {
            let text = self.intern(text);
            self.all.push(MentionRef {
                text,
                start,
                end,
                kind,
            });
        }
        self.ends.push(self.all.len());
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    fn intern(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = u32::try_from(self.texts.len()).unwrap_or(u32::MAX);
        self.texts.push(text.to_string());
        self.ids.insert(text.to_string(), id);
        id
    }

    /// Every distinct text, indexed by [`MentionRef::text`].
    pub fn texts(&self) -> &[String] {
        &self.texts
    }

    /// The mentions of document `d` (none for a document it does not have).
    pub fn doc(&self, d: usize) -> &[MentionRef] {
        let Some(&end) = self.ends.get(d) else {
            return &[];
        };
        let start = d
            .checked_sub(1)
            .and_then(|p| self.ends.get(p))
            .copied()
            .unwrap_or(0);
        self.all.get(start..end).unwrap_or_default()
    }

    /// The mentions of each document, in document order.
    pub fn docs(&self) -> impl Iterator<Item = &[MentionRef]> {
        (0..self.len()).map(|d| self.doc(d))
    }

    /// The text a mention writes.
    pub fn text_of(&self, c: &MentionRef) -> &str {
        self.texts.get(c.text as usize).map_or("", String::as_str)
    }

    /// Mention `i` of document `d`, as [`crate::read::name::extract_names`] gave it.
    pub fn get(&self, d: usize, i: usize) -> Option<NameMention> {
        let c = self.doc(d).get(i)?;
        Some(NameMention {
            span: c.start as usize..c.end as usize,
            text: self.text_of(c).to_string(),
            kind: c.kind,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(m: &Mentions, d: usize) -> Vec<&str> {
        m.doc(d).iter().map(|c| m.text_of(c)).collect()
    }

    #[test]
    fn each_document_keeps_its_own_mentions_in_one_list() {
        let mut m = Mentions::new();
        let p = NameKind::Person;
        m.push_doc_parts([("Mara Quell", 0, 10, p), ("Quell", 40, 45, p)]);
        m.push_doc_parts([]);
        m.push_doc_parts([("Tobin Rask", 5, 15, p)]);
        assert_eq!(m.len(), 3);
        assert_eq!(texts(&m, 0), ["Mara Quell", "Quell"]);
        assert!(m.doc(1).is_empty());
        assert_eq!(texts(&m, 2), ["Tobin Rask"]);
        // A document it does not have has no mentions.
        assert!(m.doc(3).is_empty());
        assert_eq!(
            m.docs().map(<[MentionRef]>::len).collect::<Vec<_>>(),
            [2, 0, 1]
        );
        let got = m.get(0, 1).expect("second mention");
        assert_eq!((got.text.as_str(), got.span), ("Quell", 40..45));
        // Each distinct text once.
        m.push_doc_parts([("Tobin Rask", 1, 11, p), ("Ilse Varn", 20, 29, p)]);
        assert_eq!(texts(&m, 3), ["Tobin Rask", "Ilse Varn"]);
        assert_eq!(m.texts().len(), 4);
    }
}
