//! Pairing quotations across sources, on interned words.
//!
//! Each quotation's content words are read once and interned as `u32` ids (a [`Vocab`]);
//! similarity compares id slices, and the blocking index is keyed by interned word prefixes.
//! Pairs are assigned one *block* at a time (a connected group of similar wordings), so the
//! scored candidate list never holds more than one block. Same pairs, scores and tie-breaking
//! as comparing strings: see the reference test at the bottom of this file.

use super::STOPWORDS_SET;
use crate::text::words;

type Map<K, V> = foldhash::HashMap<K, V>;

/// The content words of a set of quotations, each distinct word once, with what similarity
/// needs of it: its blocking key (first three characters, interned too) and its length.
#[derive(Default)]
pub(super) struct Vocab {
    ids: Map<Box<str>, u32>,
    words: Vec<Box<str>>,
    /// Blocking key id of each word.
    key: Vec<u32>,
    /// Length in characters of each word.
    chars: Vec<u32>,
    key_ids: Map<Box<str>, u32>,
    /// Key strings, by key id (the probe order breaks ties by key text).
    keys: Vec<Box<str>>,
    /// Per word: the last `content_words` call that took it (dedup without a set).
    stamp: Vec<u32>,
    generation: u32,
    buf: String,
}

use crate::span::narrow;

impl Vocab {
    fn intern_key(&mut self, w: &str) -> u32 {
        let end = w.char_indices().nth(3).map_or(w.len(), |(i, _)| i);
        let k = &w[..end];
        if let Some(&id) = self.key_ids.get(k) {
            return id;
        }
        let id = narrow(self.keys.len());
        self.keys.push(k.into());
        self.key_ids.insert(k.into(), id);
        id
    }

    fn intern(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.ids.get(w) {
            return id;
        }
        let id = narrow(self.words.len());
        let key = self.intern_key(w);
        self.words.push(w.into());
        self.ids.insert(w.into(), id);
        self.key.push(key);
        self.chars.push(narrow(w.chars().count()));
        self.stamp.push(0);
        id
    }

    /// Content words of a quotation, in order of first occurrence: lowercase, apostrophes
    /// straightened, stopwords and repeats dropped.
    pub(super) fn content_words(&mut self, s: &str, out: &mut Vec<u32>) {
        out.clear();
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.stamp.fill(0);
            self.generation = 1;
        }
        let mut buf = std::mem::take(&mut self.buf);
        for w in words(s) {
            buf.clear();
            if w.is_ascii() {
                buf.push_str(w);
                buf.make_ascii_lowercase();
            } else {
                buf.push_str(&w.replace('’', "'").to_lowercase());
            }
            if STOPWORDS_SET.contains(&buf) {
                continue;
            }
            let id = self.intern(&buf);
            let seen = &mut self.stamp[id as usize];
            if *seen != self.generation {
                *seen = self.generation;
                out.push(id);
            }
        }
        self.buf = buf;
    }

    /// An inflection or spelling variant ("reminder" ~ "reminding"): same first three
    /// letters, both at least five long, Jaro-Winkler ≥ 0.88. (Equal words match too, but the
    /// callers only ask about different ones.)
    fn fuzzy(&self, a: u32, b: u32) -> bool {
        let (a, b) = (a as usize, b as usize);
        self.key[a] == self.key[b]
            && self.chars[a] >= 5
            && self.chars[b] >= 5
            && strsim::jaro_winkler(&self.words[a], &self.words[b]) >= 0.88
    }

    /// Matched words of `a` against `b` and of `b` against `a` (greedy, exact matches first so
    /// a fuzzy match cannot steal a word's exact partner). The two counts are equal: either
    /// pass first pairs the first word of `a` that has a partner with its first partner in
    /// `b`, then goes on with the rest alike (docs/testing.md, mutant `pair.rs:168`).
    fn matched_both(&self, a: &[u32], b: &[u32]) -> (usize, usize) {
        let mut used_a = vec![false; a.len()];
        let mut used_b = vec![false; b.len()];
        let mut exact = 0;
        // Words are distinct within a quotation: equal ids pair one to one, in either order.
        for (i, w) in a.iter().enumerate() {
            if let Some(j) = b.iter().position(|x| x == w) {
                used_a[i] = true;
                used_b[j] = true;
                exact += 1;
            }
        }
        let open = |ws: &[u32], used: &[bool]| {
            ws.iter()
                .zip(used)
                .any(|(&w, &u)| !u && self.chars[w as usize] >= 5)
        };
        if exact == a.len().min(b.len()) || !open(a, &used_a) || !open(b, &used_b) {
            return (exact, exact);
        }
        let fuzzy = |x: &[u32], y: &[u32], used_x: &[bool], used_y: &[bool]| {
            let mut taken = used_y.to_vec();
            let mut m = 0;
            for (i, &w) in x.iter().enumerate() {
                if used_x[i] {
                    continue;
                }
                let hit = (0..y.len()).find(|&j| !taken[j] && self.fuzzy(w, y[j]));
                if let Some(j) = hit {
                    taken[j] = true;
                    m += 1;
                }
            }
            m
        };
        (
            exact + fuzzy(a, b, &used_a, &used_b),
            exact + fuzzy(b, a, &used_b, &used_a),
        )
    }

    /// Similarity of `a` to `b` and of `b` to `a` ([`super::similarity`]).
    pub(super) fn similarity_both(&self, a: &[u32], b: &[u32]) -> (f64, f64) {
        if a.is_empty() || b.is_empty() {
            return (0.0, 0.0);
        }
        let (ab, ba) = self.matched_both(a, b);
        let score = |m: usize| {
            let m = m as f64;
            let dice = 2.0 * m / (a.len() + b.len()) as f64;
            let shorter = a.len().min(b.len());
            let containment = if shorter >= 3 && m >= 3.0 {
                m / shorter as f64
            } else {
                0.0
            };
            dice.max(0.85 * containment).min(1.0)
        };
        let s = score(ab);
        (s, if ba == ab { s } else { score(ba) })
    }
}

/// A similar wording, with the similarity in both directions.
struct Near {
    wording: u32,
    to: f64,
    from: f64,
}

/// Union-find root of `x`, halving paths.
fn root(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

/// See [`super::pair_quotes`].
pub(super) fn pair_quotes_with(
    items: &[(usize, &str)],
    max_candidates: usize,
    probe_budget: usize,
    threshold: f64,
) -> Vec<(usize, usize, f64)> {
    let mut out = Vec::new();
    pair_blocks_with(items, max_candidates, probe_budget, threshold, |pairs| {
        out.extend(pairs.iter().map(|&(i, j, s)| (i as usize, j as usize, s)));
    });
    out.sort_unstable_by_key(|&(i, j, _)| (i, j));
    out
}

/// The pairs of [`pair_quotes_with`], handed to `each` one block of similar wordings at a
/// time (no pair joins two blocks), instead of all at once: a story quoted by every outlet
/// makes about one pair per quotation and other source, and held together they weighed
/// more than the quotations themselves (at 100,000 articles, hundreds of megabytes).
/// `each` may reorder a block's pairs; they come strongest first.
pub(super) fn pair_blocks_with(
    items: &[(usize, &str)],
    max_candidates: usize,
    probe_budget: usize,
    threshold: f64,
    mut each: impl FnMut(&mut [(u32, u32, f64)]),
) {
    // Distinct wordings, each with its quotations in index order.
    let mut vocab = Vocab::default();
    let mut ids: Map<Vec<u32>, u32> = Map::default();
    let mut wordings: Vec<Vec<u32>> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut wording_of: Vec<u32> = Vec::with_capacity(items.len());
    let mut ws = Vec::new();
    for (i, (_, t)) in items.iter().enumerate() {
        vocab.content_words(t, &mut ws);
        let id = match ids.get(&ws) {
            Some(&id) => id,
            None => {
                let id = narrow(wordings.len());
                ids.insert(ws.clone(), id);
                wordings.push(ws.clone());
                members.push(Vec::new());
                id
            }
        };
        members[id as usize].push(i);
        wording_of.push(id);
    }
    drop(ids);
    // Blocking keys of each wording, and the wordings of each key.
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocab.keys.len()];
    let mut keys_of: Vec<Vec<u32>> = Vec::with_capacity(wordings.len());
    for (w, ws) in wordings.iter().enumerate() {
        let mut keys: Vec<u32> = ws.iter().map(|&x| vocab.key[x as usize]).collect();
        keys.sort_unstable();
        keys.dedup();
        for &k in &keys {
            postings[k as usize].push(narrow(w));
        }
        keys_of.push(keys);
    }
    // Similar wordings of each wording (itself included), most similar first.
    let mut similar: Vec<Vec<Near>> = Vec::with_capacity(wordings.len());
    let mut seen: Vec<u32> = Vec::new();
    for (w, keys) in keys_of.iter_mut().enumerate() {
        // Rarest key first; equally rare keys in key order.
        keys.sort_by(|&a, &b| {
            let (la, lb) = (postings[a as usize].len(), postings[b as usize].len());
            la.cmp(&lb)
                .then_with(|| vocab.keys[a as usize].cmp(&vocab.keys[b as usize]))
        });
        seen.clear();
        let mut budget = probe_budget;
        for &k in keys.iter() {
            if budget == 0 {
                break;
            }
            let l = &postings[k as usize];
            let take = l.len().min(budget);
            budget -= take;
            seen.extend_from_slice(&l[..take]);
        }
        seen.sort_unstable();
        seen.dedup();
        let mut found: Vec<(f64, Near)> = Vec::new();
        for &v in &seen {
            let (to, from) = vocab.similarity_both(&wordings[w], &wordings[v as usize]);
            let s = to.max(from);
            if s >= threshold {
                found.push((
                    s,
                    Near {
                        wording: v,
                        to,
                        from,
                    },
                ));
            }
        }
        found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.wording.cmp(&b.1.wording)));
        similar.push(found.into_iter().map(|(_, n)| n).collect());
    }
    drop((keys_of, postings, wordings, vocab));
    // Blocks: wordings joined by similarity. Candidates never cross blocks, so each block is
    // scored and assigned on its own, with the same result as assigning the whole corpus.
    let mut parent: Vec<u32> = (0..narrow(similar.len())).collect();
    for (w, near) in similar.iter().enumerate() {
        for n in near {
            let (a, b) = (root(&mut parent, narrow(w)), root(&mut parent, n.wording));
            if a != b {
                parent[a.max(b) as usize] = a.min(b);
            }
        }
    }
    let block_of: Vec<u32> = wording_of.iter().map(|&w| root(&mut parent, w)).collect();
    drop(parent);
    // Quotations grouped by block (counting sort, index order within a block).
    let mut start = vec![0usize; similar.len() + 1];
    for &b in &block_of {
        start[b as usize + 1] += 1;
    }
    for k in 1..start.len() {
        start[k] += start[k - 1];
    }
    let mut order = vec![0u32; items.len()];
    let mut fill = start.clone();
    for (i, &b) in block_of.iter().enumerate() {
        order[fill[b as usize]] = narrow(i);
        fill[b as usize] += 1;
    }
    drop((fill, block_of));
    let mut candidates: Vec<(u32, u32, f64)> = Vec::new();
    // Each quotation's place in its block, for `taken`.
    let mut slot = vec![0u32; items.len()];
    for block in start.windows(2) {
        let group = &order[block[0]..block[1]];
        if group.len() < 2 {
            continue;
        }
        // Each quotation's first partners from other sources.
        candidates.clear();
        for (k, &i) in group.iter().enumerate() {
            slot[i as usize] = narrow(k);
            let i = i as usize;
            let w = wording_of[i] as usize;
            let mut count = 0;
            'walk: for n in &similar[w] {
                let m = &members[n.wording as usize];
                let from = m.partition_point(|&j| j <= i);
                for &j in m[from..].iter().chain(&m[..from]) {
                    if count == max_candidates {
                        break 'walk;
                    }
                    if j != i && items[j].0 != items[i].0 {
                        // Scored as the lower index's wording against the higher's.
                        let s = if i < j { n.to } else { n.from };
                        candidates.push((narrow(i.min(j)), narrow(i.max(j)), s));
                        count += 1;
                    }
                }
            }
        }
        candidates.sort_unstable_by_key(|&(i, j, _)| (i, j));
        candidates.dedup_by_key(|&mut (i, j, _)| (i, j));
        candidates.retain(|&(_, _, s)| s >= threshold);
        let mut taken = vec![Vec::new(); group.len()];
        let kept = assign_scored(
            items,
            &mut candidates,
            |q| slot[q as usize] as usize,
            &mut taken,
        );
        drop(taken);
        if kept > 0 {
            each(&mut candidates[..kept]);
        }
    }
}

/// Greedy by similarity (then index): each quotation in at most its best pair per other
/// source. `scored` pairs are distinct; the pairs kept are moved to its front, in the
/// order taken, and their number returned. `taken` has a list for each quotation (at its
/// `slot`) of the other sources it is paired with, kept sorted: a quotation pairs with
/// a few dozen sources, and a list holds each in 4 bytes where a hash set of packed
/// pairs took 8 and its empty slots.
pub(super) fn assign_scored(
    items: &[(usize, &str)],
    scored: &mut [(u32, u32, f64)],
    slot: impl Fn(u32) -> usize,
    taken: &mut [Vec<u32>],
) -> usize {
    scored.sort_unstable_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    // (Sources beyond 2^32 would share entries and lose pairs, not gain them.)
    let source = |q: u32| narrow(items[q as usize].0);
    let mut kept = 0;
    for k in 0..scored.len() {
        let (i, j, _) = scored[k];
        let (si, sj) = (slot(i), slot(j));
        let (Err(at_i), Err(at_j)) = (
            taken[si].binary_search(&source(j)),
            taken[sj].binary_search(&source(i)),
        ) else {
            continue;
        };
        taken[si].insert(at_i, source(j));
        taken[sj].insert(at_j, source(i));
        scored[kept] = scored[k];
        kept += 1;
    }
    kept
}

/// The all-pairs method on strings, as pairing was before interning and blocking: every two
/// quotations of different sources scored, then assigned greedily. The reference the blocked
/// pairing must reproduce.
#[cfg(test)]
pub(super) fn all_pairs(items: &[(usize, &str)], threshold: f64) -> Vec<(usize, usize, f64)> {
    use std::collections::BTreeSet;
    fn content_words(s: &str) -> Vec<String> {
        let mut seen = BTreeSet::new();
        words(s)
            .map(|w| w.replace('’', "'").to_lowercase())
            .filter(|w| !STOPWORDS_SET.contains(w))
            .filter(|w| seen.insert(w.clone()))
            .collect()
    }
    fn words_match(a: &str, b: &str) -> bool {
        let key = |w: &str| w.chars().take(3).collect::<String>();
        a == b
            || (key(a) == key(b)
                && a.chars().count() >= 5
                && b.chars().count() >= 5
                && strsim::jaro_winkler(a, b) >= 0.88)
    }
    fn similarity(a: &[String], b: &[String]) -> f64 {
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
        let mut m = 0;
        for exact in [true, false] {
            for (i, w) in a.iter().enumerate() {
                if used_a[i] {
                    continue;
                }
                let hit = (0..b.len()).find(|&j| {
                    !used_b[j]
                        && if exact {
                            b[j] == *w
                        } else {
                            words_match(w, &b[j])
                        }
                });
                if let Some(j) = hit {
                    used_a[i] = true;
                    used_b[j] = true;
                    m += 1;
                }
            }
        }
        let m = m as f64;
        let dice = 2.0 * m / (a.len() + b.len()) as f64;
        let shorter = a.len().min(b.len());
        let containment = if shorter >= 3 && m >= 3.0 {
            m / shorter as f64
        } else {
            0.0
        };
        dice.max(0.85 * containment).min(1.0)
    }
    let words: Vec<Vec<String>> = items.iter().map(|(_, t)| content_words(t)).collect();
    let mut scored = Vec::new();
    for i in 0..items.len() {
        for j in i + 1..items.len() {
            if items[i].0 != items[j].0 {
                let s = similarity(&words[i], &words[j]);
                if s >= threshold {
                    scored.push((narrow(i), narrow(j), s));
                }
            }
        }
    }
    let mut taken = vec![Vec::new(); items.len()];
    let kept = assign_scored(items, &mut scored, |q| q as usize, &mut taken);
    let mut out: Vec<(usize, usize, f64)> = scored[..kept]
        .iter()
        .map(|&(i, j, s)| (i as usize, j as usize, s))
        .collect();
    out.sort_unstable_by_key(|&(i, j, _)| (i, j));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(vocab: &mut Vocab, s: &str) -> Vec<String> {
        let mut ids = Vec::new();
        vocab.content_words(s, &mut ids);
        ids.iter()
            .map(|&i| vocab.words[i as usize].to_string())
            .collect()
    }

    #[test]
    fn content_words_are_lowercase_straightened_without_stopwords_or_repeats() {
        let mut vocab = Vocab::default();
        assert_eq!(
            words(
                &mut vocab,
                "The Army’s army will LEAVE the city; the army’s"
            ),
            ["army's", "army", "leave", "city"]
        );
        // Interned: the same word has the same id in another quotation.
        let mut a = Vec::new();
        let mut b = Vec::new();
        vocab.content_words("city army", &mut a);
        vocab.content_words("Army, City!", &mut b);
        assert_eq!(a, [b[1], b[0]]);
        assert_eq!(vocab.words.len(), 4);
        // Keys are the first three characters, non-ASCII included.
        assert_eq!(words(&mut vocab, "Éléphant"), ["éléphant"]);
        let id = vocab.ids["éléphant"] as usize;
        assert_eq!(&*vocab.keys[vocab.key[id] as usize], "élé");
        assert_eq!(vocab.chars[id], 8);
    }

    #[test]
    fn the_probe_budget_bounds_the_wordings_looked_at() {
        let items = [(0, "amber basil cedar"), (1, "amber basil cedar dahlia")];
        // One probe: each wording's rarest key ("amb", then "dah") gives only itself.
        assert!(pair_quotes_with(&items, 16, 1, 0.5).is_empty());
        // Two: the first key's postings hold both wordings.
        assert_eq!(pair_quotes_with(&items, 16, 2, 0.5).len(), 1);
    }

    #[test]
    fn each_quotation_looks_first_at_the_members_after_it() {
        // One wording in three sources, one candidate each: 0 takes 1, 1 takes 2, and 2
        // (wrapping round) takes 0, so every two sources are paired.
        let items = [
            (0, "amber basil cedar"),
            (1, "amber basil cedar"),
            (2, "amber basil cedar"),
        ];
        let got: Vec<(usize, usize)> = pair_quotes_with(&items, 1, 4096, 0.5)
            .into_iter()
            .map(|(i, j, _)| (i, j))
            .collect();
        assert_eq!(got, [(0, 1), (0, 2), (1, 2)]);
    }

    #[test]
    fn exact_matches_first_then_inflections() {
        let mut vocab = Vocab::default();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        // "decided" ~ "decide": same first three letters, both ≥ 5, Jaro-Winkler 0.97.
        vocab.content_words("decided", &mut a);
        vocab.content_words("decide", &mut b);
        assert_eq!(vocab.matched_both(&a, &b), (1, 1));
        // "army" has four letters: its variant "armies" does not match it.
        vocab.content_words("armies", &mut a);
        vocab.content_words("army", &mut b);
        assert_eq!(vocab.matched_both(&a, &b), (0, 0));
        // "decided" could take "decides", but "decides" is matched exactly first.
        vocab.content_words("decided decides", &mut a);
        vocab.content_words("decides", &mut b);
        assert_eq!(vocab.matched_both(&a, &b), (1, 1));
        // Two exact, one fuzzy of three and four words: Dice 2·3/7, containment 3/3 · 0.85.
        vocab.content_words("leave city decisions", &mut a);
        vocab.content_words("leave city decision bread", &mut b);
        let (ab, ba) = vocab.similarity_both(&a, &b);
        assert!((ab - 0.857_142_857).abs() < 1e-6, "{ab}");
        assert_eq!(ab, ba);
        assert_eq!(vocab.similarity_both(&a, &[]), (0.0, 0.0));
        // A word under five letters is never a fuzzy partner, even of a close one ("plan"
        // ~ "plans", Jaro-Winkler 0.96): only "decided" ~ "decide" matches, either way.
        vocab.content_words("plans decided", &mut a);
        vocab.content_words("plan decide", &mut b);
        assert_eq!(vocab.matched_both(&a, &b), (1, 1));
        assert_eq!(vocab.matched_both(&b, &a), (1, 1));
    }
}
