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
    /// Each text's uses in a document held as one entry ([`Mentions::first_use_per_text`]).
    merged: bool,
}

/// A mention, or (merged) a text's first use in its document standing for all of them.
#[derive(Debug, Clone, Copy)]
pub struct MentionRef {
    /// Index of the mention's text in [`Mentions::texts`].
    pub text: u32,
    pub start: u32,
    pub end: u32,
    pub kind: NameKind,
    /// The kinds of the uses it stands for, a bit each ([`kind_bit`]).
    pub kinds: u8,
    /// How many uses it stands for (1 unless merged; a text used more often than this can
    /// count in one document takes a second entry).
    pub uses: u16,
}

/// Uses of one text in one document: the first at `start..end`, of `kind`; `uses` of them
/// in all, of the kinds in `kinds` ([`kind_bit`]). 12 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uses {
    pub start: u32,
    pub end: u32,
    pub kind: NameKind,
    pub kinds: u8,
    pub uses: u16,
}

impl Uses {
    /// One use.
    pub fn one(start: u32, end: u32, kind: NameKind) -> Self {
        Uses {
            start,
            end,
            kind,
            kinds: kind_bit(kind),
            uses: 1,
        }
    }
}

/// One document's uses, each key's (text's) as one entry, in the order of each key's first
/// appearance: the entry's first use is the earliest by position, its count and kinds those
/// of all it stands for. A count that would pass `u16::MAX` starts a new entry, which later
/// uses then join. Merging merged entries again gives the same entries.
pub fn merge_uses<K: Copy + Eq + std::hash::Hash>(
    uses: impl IntoIterator<Item = (K, Uses)>,
) -> Vec<(K, Uses)> {
    let mut entry: HashMap<K, usize> = HashMap::new();
    let mut out: Vec<(K, Uses)> = Vec::new();
    for (key, u) in uses {
        if let Some((_, m)) = entry.get(&key).and_then(|&i| out.get_mut(i))
            && let Some(n) = m.uses.checked_add(u.uses)
        {
            m.uses = n;
            m.kinds |= u.kinds;
            if (u.start, u.end) < (m.start, m.end) {
                (m.start, m.end, m.kind) = (u.start, u.end, u.kind);
            }
            continue;
        }
        entry.insert(key, out.len());
        out.push((key, u));
    }
    out
}

/// A [`NameKind`]'s bit in [`MentionRef::kinds`].
pub fn kind_bit(kind: NameKind) -> u8 {
    1 << (kind as u8)
}

impl Mentions {
    pub fn new() -> Self {
        Self::default()
    }

    /// Mentions that hold each text's uses in a document as one entry: its first use, how
    /// many uses and of which kinds. What clustering reads of them is the same (counts,
    /// kinds, each spelling's first use in each document) when only the first use of each
    /// spelling in each document is reported (the lean CSV report): a run holds about
    /// 4.7 million entries instead of 11.5 million mentions at 100k articles.
    pub fn first_use_per_text() -> Self {
        Mentions {
            merged: true,
            ..Self::default()
        }
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
        self.push_doc_uses(
            mentions
                .into_iter()
                .map(|(text, start, end, kind)| (text, Uses::one(start, end, kind))),
        );
    }

    /// Add the next document's mentions given as (text, uses): a document's uses of a text
    /// already merged ([`merge_uses`]) give the same entries as its mentions one by one, so
    /// that a caller holding many documents before it adds them (`compare`) holds their
    /// merged uses only.
    pub fn push_doc_uses<'t>(&mut self, mentions: impl IntoIterator<Item = (&'t str, Uses)>) {
        let interned: Vec<(u32, Uses)> = mentions
            .into_iter()
            .map(|(text, uses)| (self.intern(text), uses))
            .collect();
        let entries = if self.merged {
            merge_uses(interned)
        } else {
            interned
        };
        self.all
            .extend(entries.into_iter().map(|(text, u)| MentionRef {
                text,
                start: u.start,
                end: u.end,
                kind: u.kind,
                kinds: u.kinds,
                uses: u.uses,
            }));
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

    #[test]
    fn merged_uses_count_every_use_and_keep_the_earliest() {
        let (p, o) = (NameKind::Person, NameKind::Organisation);
        let uses = [
            ("Quell", Uses::one(50, 55, p)),
            ("Varn Group", Uses::one(10, 20, o)),
            ("Quell", Uses::one(30, 35, o)),
            ("Quell", Uses::one(70, 75, p)),
        ];
        let merged = merge_uses(uses);
        assert_eq!(
            merged,
            [
                (
                    "Quell",
                    Uses {
                        start: 30,
                        end: 35,
                        kind: o,
                        kinds: kind_bit(p) | kind_bit(o),
                        uses: 3
                    }
                ),
                ("Varn Group", Uses::one(10, 20, o)),
            ]
        );
        // Merging again changes nothing; split in two and merged, the same entries.
        assert_eq!(merge_uses(merged.clone()), merged);
        let halves = merge_uses(
            merge_uses(uses[..2].to_vec())
                .into_iter()
                .chain(uses[2..].to_vec()),
        );
        assert_eq!(halves, merged);
    }

    #[test]
    fn a_count_that_would_overflow_starts_a_new_entry() {
        let p = NameKind::Person;
        let many = Uses {
            uses: u16::MAX - 1,
            ..Uses::one(0, 5, p)
        };
        let merged = merge_uses([
            ("Quell", many),
            ("Quell", Uses::one(9, 14, p)),
            ("Quell", Uses::one(20, 25, p)),
            ("Quell", Uses::one(30, 35, p)),
        ]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].1.uses, u16::MAX);
        assert_eq!((merged[1].1.start, merged[1].1.uses), (20, 2));
    }

    #[test]
    fn documents_added_merged_or_one_by_one_give_the_same_entries() {
        let p = NameKind::Person;
        let doc = [
            ("Mara Quell", 0, 10, p),
            ("Quell", 40, 45, p),
            ("Mara Quell", 60, 70, p),
        ];
        let mut one_by_one = Mentions::first_use_per_text();
        one_by_one.push_doc_parts(doc);
        let mut merged = Mentions::first_use_per_text();
        merged.push_doc_uses(merge_uses(
            doc.iter().map(|&(t, s, e, k)| (t, Uses::one(s, e, k))),
        ));
        let entries = |m: &Mentions| {
            m.doc(0)
                .iter()
                .map(|c| (m.text_of(c).to_string(), c.start, c.uses))
                .collect::<Vec<_>>()
        };
        assert_eq!(entries(&one_by_one), entries(&merged));
        assert_eq!(
            entries(&merged),
            [
                ("Mara Quell".to_string(), 0, 2),
                ("Quell".to_string(), 40, 1)
            ]
        );
    }
}
