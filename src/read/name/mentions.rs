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
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    texts: Vec<String>,
    ids: HashMap<String, u32>,
    docs: Vec<Vec<MentionRef>>,
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
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        self.push_doc_parts(mentions.iter().map(|m| {
            (
                m.text.as_str(),
                narrow(m.span.start),
                narrow(m.span.end),
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
        let doc = mentions
            .into_iter()
            .map(|(text, start, end, kind)| MentionRef {
                text: self.intern(text),
                start,
                end,
                kind,
            })
            .collect();
        self.docs.push(doc);
    }

    /// Add the documents of `other` after these.
    pub fn append(&mut self, other: Mentions) {
        let map: Vec<u32> = other.texts.iter().map(|t| self.intern(t)).collect();
        self.docs.extend(other.docs.into_iter().map(|mut d| {
            for c in &mut d {
                c.text = map.get(c.text as usize).copied().unwrap_or(c.text);
            }
            d
        }));
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
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

    /// The mentions of each document, in document order.
    pub fn docs(&self) -> &[Vec<MentionRef>] {
        &self.docs
    }

    /// The text a mention writes.
    pub fn text_of(&self, c: &MentionRef) -> &str {
        self.texts.get(c.text as usize).map_or("", String::as_str)
    }

    /// Mention `i` of document `d`, as [`crate::read::name::extract_names`] gave it.
    pub fn get(&self, d: usize, i: usize) -> Option<NameMention> {
        let c = self.docs.get(d)?.get(i)?;
        Some(NameMention {
            span: c.start as usize..c.end as usize,
            text: self.text_of(c).to_string(),
            kind: c.kind,
        })
    }
}
