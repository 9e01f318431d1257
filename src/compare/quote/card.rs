//! One card per statement: the quotations of different sources that pairing joined, their
//! wordings measured against the card's longest, their speakers compared as people.

use super::people::{Relation, relation};
use super::{
    Detail, DiffOp, PAIR_THRESHOLD, Person, QuoteFinding, QuoteMember, QuoteStatus, Wording,
    diff_key, same_words, similarity, word_diff,
};
use crate::extract::Extraction;
use crate::read::quote::{Attribution, Who};

/// Union-find root of `x`, halving paths.
fn root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Groups of items joined by `pairs`, each in index order, ordered by their first item; an
/// item in no pair is a group of its own.
///
/// Pairs are joined strongest first, and two groups are joined only when their reference
/// wordings (each group's longest, `words` counts them) are themselves similar enough to
/// pair: a short fragment that happens to share three content words with two different
/// statements ("the loss of life in the valley") would otherwise chain them into one card
/// and make two people say the same words. One similarity per join of groups, so cards stay
/// linear in the number of quotations.
#[cfg(test)]
pub(super) fn cards<'a>(
    n: usize,
    pairs: &[(usize, usize, f64)],
    text: impl Fn(usize) -> &'a str,
) -> Vec<Vec<usize>> {
    let mut cards = Cards::new(n, &text);
    let mut narrow: Vec<(u32, u32, f64)> = pairs
        .iter()
        .map(|&(i, j, s)| (i as u32, j as u32, s))
        .collect();
    cards.join(&mut narrow, &text);
    cards.finish()
}

/// [`cards`] built a block of pairs at a time. Blocks share no item, so joining each
/// block's pairs strongest first gives the groups that joining all pairs strongest first
/// gives: a join only ever looks at the groups of its own two items.
pub(super) struct Cards {
    parent: Vec<usize>,
    words: Vec<usize>,
    /// Each root's reference: its longest item, the first of the longest.
    reference: Vec<usize>,
}

impl Cards {
    pub(super) fn new<'a>(n: usize, text: impl Fn(usize) -> &'a str) -> Cards {
        Cards {
            parent: (0..n).collect(),
            words: (0..n).map(|i| text(i).split_whitespace().count()).collect(),
            reference: (0..n).collect(),
        }
    }

    /// Join one block's pairs (sorted here, strongest first).
    pub(super) fn join<'a>(
        &mut self,
        pairs: &mut [(u32, u32, f64)],
        text: impl Fn(usize) -> &'a str,
    ) {
        let Cards {
            parent,
            words,
            reference,
        } = self;
        pairs.sort_unstable_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
        for &(i, j, _) in pairs.iter() {
            let (i, j) = (i as usize, j as usize);
            let (a, b) = (root(parent, i), root(parent, j));
            if a == b {
                continue;
            }
            let (ra, rb) = (reference[a], reference[b]);
            // The pair itself (ra in i's group, rb in j's) joins the references: it is alike.
            let themselves = ra == i && rb == j;
            if !themselves && similarity(text(ra), text(rb)) < PAIR_THRESHOLD {
                continue;
            }
            let (keep, gone) = (a.min(b), a.max(b));
            parent[gone] = keep;
            // The longer of the two references, the first of equals.
            reference[keep] = if words[rb] > words[ra] || (words[rb] == words[ra] && rb < ra) {
                rb
            } else {
                ra
            };
        }
    }

    /// The groups, each in index order, ordered by their first item.
    pub(super) fn finish(self) -> Vec<Vec<usize>> {
        let Cards { mut parent, .. } = self;
        let n = parent.len();
        let mut slot: Vec<Option<usize>> = vec![None; n];
        let mut out: Vec<Vec<usize>> = Vec::new();
        for i in 0..n {
            let r = root(&mut parent, i);
            let k = *slot[r].get_or_insert_with(|| {
                out.push(Vec::new());
                out.len() - 1
            });
            out[k].push(i);
        }
        out
    }
}

/// Is `short`'s word sequence (compared as the diff compares words) a run of `long`'s
/// inside it, `long` having more words: words dropped at either end only.
fn is_shortened(long: &str, short: &str) -> bool {
    let l: Vec<String> = long.split_whitespace().map(diff_key).collect();
    let s: Vec<String> = short.split_whitespace().map(diff_key).collect();
    !s.is_empty() && s.len() < l.len() && l.windows(s.len()).any(|w| w == s.as_slice())
}

/// The card of `members` (indices into the extraction's quotations, in order).
pub(super) fn card(extraction: &Extraction, members: &[usize], detail: Detail) -> QuoteFinding {
    let quotes = &extraction.quotes;
    let text = |i: usize| quotes[i].quote.text.as_str();
    let reference = members
        .iter()
        .copied()
        .max_by(|&a, &b| {
            let (wa, wb) = (
                text(a).split_whitespace().count(),
                text(b).split_whitespace().count(),
            );
            wa.cmp(&wb).then(b.cmp(&a))
        })
        .unwrap_or(0);
    let (people, person_of, conflicts, spelled) = people(extraction, members);
    let mut out: Vec<QuoteMember> = Vec::with_capacity(members.len());
    for (k, &i) in members.iter().enumerate() {
        let (wording, sim) = if i == reference {
            (Wording::Reference, 1.0)
        } else if same_words(text(reference), text(i)) {
            (Wording::Same, 1.0)
        } else if is_shortened(text(reference), text(i)) {
            (Wording::Shortened, similarity(text(reference), text(i)))
        } else {
            (Wording::Reworded, similarity(text(reference), text(i)))
        };
        let diff: Vec<DiffOp> = if detail == Detail::Full && i != reference {
            word_diff(text(reference), text(i))
        } else {
            Vec::new()
        };
        out.push(QuoteMember {
            quote: i,
            wording,
            similarity: sim,
            diff,
            person: person_of[k],
        });
    }
    let status = if members.len() < 2 {
        QuoteStatus::Single
    } else if !conflicts.is_empty() {
        QuoteStatus::AttributionConflict
    } else if out.iter().any(|m| m.wording == Wording::Reworded) {
        QuoteStatus::Reworded
    } else if out.iter().any(|m| m.wording == Wording::Shortened) {
        QuoteStatus::Shortened
    } else {
        QuoteStatus::Same
    };
    QuoteFinding {
        status,
        quotes: members.to_vec(),
        reference,
        members: out,
        people,
        conflicts,
        spelled,
    }
}

type People = (
    Vec<Person>,
    Vec<Option<usize>>,
    Vec<(usize, usize)>,
    Vec<(String, String)>,
);

/// The people a card's words are given to: distinct speakers joined when they are one
/// person (never joining two groups that hold two different people), the pairs of groups
/// that are different people, and the spelled-two-ways name pairs.
fn people(extraction: &Extraction, members: &[usize]) -> People {
    let quotes = &extraction.quotes;
    // Distinct speakers, in order of first member.
    let mut names: Vec<(&str, Who)> = Vec::new();
    // Per distinct speaker: was every quotation given to it found only by a back-reference
    // ("it said", "the statement said")?
    let mut referred: Vec<bool> = Vec::new();
    let mut of_member: Vec<Option<usize>> = Vec::with_capacity(members.len());
    for &i in members {
        let q = &quotes[i];
        let Some(name) = q.speaker.as_deref() else {
            of_member.push(None);
            continue;
        };
        let by_reference = q
            .quote
            .speaker
            .as_ref()
            .is_some_and(|s| s.attribution == Attribution::Reference);
        let d = match names.iter().position(|(n, _)| *n == name) {
            Some(d) => {
                referred[d] &= by_reference;
                d
            }
            None => {
                let who = q
                    .who
                    .as_deref()
                    .cloned()
                    .unwrap_or_else(|| Who::plain(name));
                names.push((name, who));
                referred.push(by_reference);
                names.len() - 1
            }
        };
        of_member.push(Some(d));
    }
    let n = names.len();
    let mut rel = vec![Relation::Same; n * n];
    for a in 0..n {
        for b in a + 1..n {
            let mut r = relation(&names[a].1, &names[b].1);
            // A speaker found only by a back-reference is whoever was named last before it,
            // an organisation as often as a person, and an organisation cannot be told from
            // the spokesperson who speaks for it: such a pair is never two people.
            if r == Relation::Different && (referred[a] || referred[b]) {
                r = Relation::Unknown;
            }
            rel[a * n + b] = r;
            rel[b * n + a] = r;
        }
    }
    // Join one-person pairs, closest first (the same before spelled two ways), unless the
    // join would put two different people in one group.
    let mut group: Vec<usize> = (0..n).collect();
    let mut spelled = Vec::new();
    for want in [Relation::Same, Relation::Spelled] {
        for a in 0..n {
            for b in a + 1..n {
                if rel[a * n + b] != want || group[a] == group[b] {
                    continue;
                }
                let (ga, gb) = (group[a], group[b]);
                let clash = (0..n).any(|x| {
                    group[x] == ga
                        && (0..n).any(|y| group[y] == gb && rel[x * n + y] == Relation::Different)
                });
                if clash {
                    continue;
                }
                for g in group.iter_mut() {
                    if *g == gb {
                        *g = ga;
                    }
                }
                if want == Relation::Spelled {
                    spelled.push((names[a].0.to_string(), names[b].0.to_string()));
                }
            }
        }
    }
    // Groups numbered in order of first speaker.
    let mut number: Vec<Option<usize>> = vec![None; n];
    let mut people: Vec<Person> = Vec::new();
    for d in 0..n {
        let k = *number[group[d]].get_or_insert_with(|| {
            people.push(Person {
                name: String::new(),
                written: Vec::new(),
            });
            people.len() - 1
        });
        people[k].written.push(names[d].0.to_string());
    }
    for p in &mut people {
        let best = p
            .written
            .iter()
            .enumerate()
            .max_by(|(i, a), (j, b)| {
                a.split_whitespace()
                    .count()
                    .cmp(&b.split_whitespace().count())
                    .then(j.cmp(i))
            })
            .map(|(_, w)| w.clone());
        p.name = best.unwrap_or_default();
    }
    let person_of: Vec<Option<usize>> = of_member
        .iter()
        .map(|d| d.and_then(|d| number[group[d]]))
        .collect();
    let mut conflicts: Vec<(usize, usize)> = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            if rel[a * n + b] != Relation::Different {
                continue;
            }
            let (Some(x), Some(y)) = (number[group[a]], number[group[b]]) else {
                continue;
            };
            let pair = (x.min(y), x.max(y));
            if x != y && !conflicts.contains(&pair) {
                conflicts.push(pair);
            }
        }
    }
    conflicts.sort_unstable();
    (people, person_of, conflicts, spelled)
}

#[cfg(test)]
pub(super) fn is_shortened_for_test(long: &str, short: &str) -> bool {
    is_shortened(long, short)
}
