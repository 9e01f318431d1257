//! Names spelled differently across sources ("Olav Scholtz" for Olaf Scholz, Kiev vs Kyiv).
//!
//! Comparison of what the name reader ([`crate::read::name`]) found in each article:
//! [`cluster_names`] looks across the whole corpus for spellings of the same name that
//! differ, optionally guided by the rule file's known entities (canonical name, known
//! variants, a note per variant). The report then says which source uses which spelling.
//!
//! Spellings that differ only in case, punctuation or diacritics ("Nato"/"NATO", "US"/"U.S.")
//! are one spelling here: that is house style, not a variant a fact-checker needs to see.
//! Inflections and demonyms ("Russia"/"Russian", "Ukraine"/"Ukrainians", "Pakistan"/
//! "Pakistani") are different words, not spellings, and never pair. Whether two tokens are
//! spellings of one name is decided in `spelling`; this module groups the mentions into
//! spellings, matches them with known entities and links the rest into clusters.

mod spelling;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::read::name::{Mentions, NameKind, NameMention, kind_bit};
use spelling::{Aligned, align_either, normalise, similarity};
pub use spelling::{JARO_WINKLER_MIN, LEVENSHTEIN_MIN};

/// A name's tokens with house style removed (lowercase, diacritics folded, dots and
/// apostrophes dropped, hyphens as spaces, a possessive "'s" cut): what spellings compare.
pub fn normalise_name(text: &str) -> Vec<String> {
    normalise(text)
}

/// Are two words (normalised by [`normalise_name`]) spellings of one name by the rules of
/// [`cluster_names`] ("Kyiv"/"Kiev", "Scholtz"/"Scholz")? Equal words are too.
pub fn spelled_alike(a: &str, b: &str) -> bool {
    a == b || spelling::token_verdict(a, b) == spelling::TokenVerdict::Close
}

/// A name the rule file knows: its canonical spelling and the variants it expects.
#[derive(Debug, Clone, PartialEq, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct KnownEntity {
    /// Canonical spelling, e.g. "Kyiv" or "Olaf Scholz".
    pub name: String,
    /// Spellings that are known and explained, e.g. ["Kiev"].
    #[serde(default)]
    pub variants: Vec<String>,
    /// Why the variants exist, e.g. "Russian-derived transliteration".
    #[serde(default)]
    pub note: Option<String>,
}

/// How a spelling relates to its cluster's canonical name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VariantKind {
    /// The known entity's own spelling (or its surname alone: "Scholz" for "Olaf Scholz").
    Canonical,
    /// A variant the rule file lists, with its note.
    KnownVariant,
    /// Close to a known entity but not listed: probably an error.
    LikelyMisspelling,
    /// Close to another spelling in the corpus, no canonical known.
    Variant,
}

/// One spelling of a name and where it is used.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Spelling {
    pub text: String,
    pub kind: VariantKind,
    pub note: Option<String>,
    /// Normalised Levenshtein similarity to the canonical name (surname with surname when
    /// one of the two is a surname alone); 1.0 for the canonical itself.
    pub similarity: f64,
    /// (document index, where the spelling is used), ordered by document then position;
    /// the index in 32 bits, as the use's offsets are (16 bytes a use, for millions).
    pub mentions: Vec<(u32, UseAt)>,
}

/// Where a spelling is used in a document: the mention's bytes and kind. Its words are the
/// spelling's (up to case and house style), so they are not held again: a large run
/// reports millions of uses, and a copy of the words in each weighed more than the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct UseAt {
    /// Where the mention starts in its document, in bytes (as [`NameMention::span`]).
    pub start: u32,
    /// Just past the mention's last byte.
    pub end: u32,
    pub kind: NameKind,
}

impl UseAt {
    /// The mention's bytes in its document.
    pub fn span(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Read as a person's name (see [`NameMention::is_person`]).
    pub fn is_person(&self) -> bool {
        self.kind == NameKind::Person
    }
}

/// Spellings of one name across the corpus.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct NameCluster {
    /// The known entity's name, or (no entity) the spelling used most.
    pub canonical: String,
    pub spellings: Vec<Spelling>,
}

/// One spelling (after removing house-style differences) and its mentions.
#[derive(Debug, Clone)]
struct Form {
    tokens: Vec<String>,
    /// Written forms and how often each occurs; the most frequent is shown.
    written: BTreeMap<String, usize>,
    /// (document, index of the mention in that document), in document then text order;
    /// 32 bits each, as a corpus's every mention is here while names are grouped.
    mentions: Vec<(u32, u32)>,
    /// How many of its mention entries show each [`NameKind`], in the enum's order (only
    /// whether one does is read).
    kinds: [u32; 5],
    /// How many times it is used: its entries' uses (an entry may stand for several uses
    /// of its text in one document, [`Mentions::first_use_per_text`]).
    uses: usize,
}

impl Form {
    /// The form's mentions as (document, mention); with `first_per_doc`, only the first
    /// of each document (made without the others, which a large corpus has millions of).
    fn mentions_in(&self, docs: &Mentions, first_per_doc: bool) -> Vec<(u32, UseAt)> {
        let mut last = None;
        let mut uses: Vec<(u32, UseAt)> = self
            .mentions
            .iter()
            .filter(|&&(d, _)| !first_per_doc || last.replace(d) != Some(d))
            .filter_map(|&(d, i)| {
                let c = docs.doc(d as usize).get(i as usize)?;
                let (start, end, kind) = (c.start, c.end, c.kind);
                Some((d, UseAt { start, end, kind }))
            })
            .collect();
        // Held until the report is built: no room left over from growing.
        uses.shrink_to_fit();
        uses
    }

    fn display(&self) -> String {
        let mut best: Option<(&String, usize)> = None;
        for (t, &c) in &self.written {
            if best.is_none_or(|(_, bc)| c > bc) {
                best = Some((t, c));
            }
        }
        best.map(|(t, _)| t.clone()).unwrap_or_default()
    }
    fn last(&self) -> &str {
        self.tokens.last().map(String::as_str).unwrap_or("")
    }
    /// The form's kind across its mentions: a person's if any cue says so, else an
    /// organisation's, a place's, a common word's, in that order; unknown without a cue.
    fn kind(&self) -> NameKind {
        let [unknown, person, place, org, common] = self.kinds;
        let _ = unknown;
        if person > 0 {
            NameKind::Person
        } else if org > 0 {
            NameKind::Organisation
        } else if place > 0 {
            NameKind::Place
        } else if common > 0 {
            NameKind::Common
        } else {
            NameKind::Unknown
        }
    }

    /// Used once, in one source.
    fn one_off(&self) -> bool {
        self.uses < 2
    }

    fn docs(&self) -> usize {
        self.mentions
            .iter()
            .map(|&(d, _)| d)
            .collect::<BTreeSet<_>>()
            .len()
    }
}

/// Blocking index: forms by keys of their last token, such that two names that can pair
/// share a key. Two names pair only if their last tokens are equal or close, and close
/// means equal consonant skeletons or one inner edit in words of
/// [`spelling::INNER_EDIT_MIN_CHARS`] letters or more ([`spelling::token_verdict`]). So a
/// token's keys are its skeleton and, when long enough, the token itself and each form of
/// it with one letter deleted: one edit (a letter changed, added, dropped or two swapped)
/// leaves the two tokens a deletion in common. The index finds every pair the all-pairs
/// loop finds, and a name is compared only with names that share a key, so clustering grows
/// with the number of names and their lengths, not with its square.
struct BlockIndex {
    keys: HashMap<String, Vec<usize>>,
}

/// The blocking keys of a last token (see [`BlockIndex`]).
fn block_keys(last: &str) -> Vec<String> {
    let mut keys = vec![format!("s{}", spelling::skeleton(last))];
    let chars: Vec<char> = last.chars().collect();
    if chars.len() >= spelling::INNER_EDIT_MIN_CHARS {
        keys.push(format!("d{last}"));
        for i in 0..chars.len() {
            let mut k = String::with_capacity(last.len() + 1);
            k.push('d');
            k.extend(chars[..i].iter().chain(&chars[i + 1..]));
            keys.push(k);
        }
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

impl BlockIndex {
    fn new(forms: &[Form]) -> Self {
        let mut keys: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, f) in forms.iter().enumerate() {
            for k in block_keys(f.last()) {
                keys.entry(k).or_default().push(i);
            }
        }
        BlockIndex { keys }
    }

    /// Forms whose last token shares a key with `last`, in index order.
    fn candidates(&self, last: &str) -> Vec<usize> {
        let mut out: Vec<usize> = block_keys(last)
            .iter()
            .filter_map(|k| self.keys.get(k))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Every [`NameKind`], in [`kind_slot`]'s order.
const KINDS: [NameKind; 5] = [
    NameKind::Unknown,
    NameKind::Person,
    NameKind::Place,
    NameKind::Organisation,
    NameKind::Common,
];

fn kind_slot(k: NameKind) -> usize {
    match k {
        NameKind::Unknown => 0,
        NameKind::Person => 1,
        NameKind::Place => 2,
        NameKind::Organisation => 3,
        NameKind::Common => 4,
    }
}

/// Whether two close forms have the evidence a corpus-internal variant needs (no rule file
/// names them): names of one kind (a common word never pairs; a person never pairs with a
/// place or an organisation; a name without a cue may pair with any), and besides looking
/// alike, something shared: a word in common ("Dana Ortgea"/"Dana Ortega"), a kind both
/// show by their cues, use beyond a one-off (each form used twice or more), or a difference
/// that is a transliteration's (equal consonant skeletons: "Kiev"/"Kyiv"), not a typo's. A
/// one-letter lookalike used once, in one source, with nothing else shared is not reported
/// ("Americas" beside "Americans").
fn has_evidence(a: &Form, b: &Form) -> bool {
    let (ka, kb) = (a.kind(), b.kind());
    if ka == NameKind::Common || kb == NameKind::Common {
        return false;
    }
    let known = |k: NameKind| k != NameKind::Unknown;
    if known(ka) && known(kb) && ka != kb {
        return false;
    }
    let shared_word = a.tokens.iter().any(|t| b.tokens.contains(t));
    let same_kind = known(ka) && ka == kb;
    shared_word
        || same_kind
        || (!a.one_off() && !b.one_off())
        || spelling::transliterated(&a.tokens, &b.tokens)
}

/// Variant pairs (i < j) among forms: aligned and close, not merely the same.
fn variant_pairs(forms: &[Form], index: &BlockIndex, blocked: bool) -> BTreeSet<(usize, usize)> {
    let mut pairs = BTreeSet::new();
    for i in 0..forms.len() {
        let cands: Vec<usize> = if blocked {
            index.candidates(forms[i].last())
        } else {
            (0..forms.len()).collect()
        };
        for j in cands {
            if j <= i {
                continue;
            }
            if let Some(Aligned::Close(_)) = align_either(&forms[i].tokens, &forms[j].tokens) {
                pairs.insert((i, j));
            }
        }
    }
    pairs
}

/// [`group_forms_in`] over lists of mentions (the tests' shape).
#[cfg(test)]
fn group_forms(docs: &[Vec<NameMention>]) -> Vec<Form> {
    group_forms_in(&Mentions::from_docs(docs))
}

fn group_forms_in(docs: &Mentions) -> Vec<Form> {
    // Each distinct text is normalised once; forms keep (document, index) rather than
    // copies of the mentions.
    let mut form_of: Vec<Option<Option<usize>>> = vec![None; docs.texts().len()];
    let mut by_key: BTreeMap<Vec<String>, usize> = BTreeMap::new();
    let mut forms: Vec<Form> = Vec::new();
    let mut written: Vec<BTreeMap<u32, usize>> = Vec::new();
    // Each form's mention entries, counted first so that its list is made at its size.
    let mut entries: Vec<usize> = Vec::new();
    for m in docs.docs().flatten() {
        let Some(entry) = form_of.get_mut(m.text as usize) else {
            continue;
        };
        let slot = *entry.get_or_insert_with(|| {
            let tokens = normalise(docs.text_of(m));
            if tokens.is_empty() {
                return None;
            }
            Some(*by_key.entry(tokens.clone()).or_insert_with(|| {
                forms.push(Form {
                    tokens,
                    written: BTreeMap::new(),
                    mentions: Vec::new(),
                    kinds: [0; 5],
                    uses: 0,
                });
                written.push(BTreeMap::new());
                entries.push(0);
                forms.len() - 1
            }))
        });
        let Some(f) = slot else { continue };
        *written[f].entry(m.text).or_default() += usize::from(m.uses);
        forms[f].uses += usize::from(m.uses);
        for k in KINDS {
            if m.kinds & kind_bit(k) != 0 {
                forms[f].kinds[kind_slot(k)] += 1;
            }
        }
        entries[f] += 1;
    }
    // Each form's mentions, in a list made at its size: grown as they came, the lists of
    // the forms used most (hundreds of thousands of mentions at 100k articles) left the
    // blocks they outgrew in the allocator's heap, about as much again as they hold.
    for (f, n) in forms.iter_mut().zip(&entries) {
        f.mentions.reserve_exact(*n);
    }
    for (d, mentions) in docs.docs().enumerate() {
        for (i, m) in mentions.iter().enumerate() {
            if let Some(Some(Some(f))) = form_of.get(m.text as usize) {
                forms[*f]
                    .mentions
                    .push((crate::span::narrow(d), crate::span::narrow(i)));
            }
        }
    }
    for (f, w) in forms.iter_mut().zip(written) {
        f.written = w
            .into_iter()
            .map(|(t, n)| (docs.texts().get(t as usize).cloned().unwrap_or_default(), n))
            .collect();
        f.mentions.sort_by_key(|&(d, i)| {
            let c = docs.doc(d as usize).get(i as usize);
            (d, c.map_or(0, |c| c.start), c.map_or(0, |c| c.end))
        });
    }
    // In key order.
    let mut slots: Vec<Option<Form>> = forms.into_iter().map(Some).collect();
    by_key
        .into_values()
        .filter_map(|f| slots.get_mut(f).and_then(Option::take))
        .collect()
}

/// How a corpus form matches one known entity; lower rank is a better match.
#[derive(Debug, Clone)]
struct EntityMatch {
    entity: usize,
    kind: VariantKind,
    rank: u8,
    similarity: f64,
}

/// A known entity with its spellings normalised once.
struct Entity {
    canon: Vec<String>,
    variants: Vec<Vec<String>>,
}

impl Entity {
    fn new(e: &KnownEntity) -> Self {
        Entity {
            canon: normalise(&e.name),
            variants: e
                .variants
                .iter()
                .map(|v| normalise(v))
                .filter(|v| !v.is_empty())
                .collect(),
        }
    }
}

fn match_entity(form: &Form, e: usize, entity: &Entity) -> Option<EntityMatch> {
    let (canon, variants) = (&entity.canon, &entity.variants);
    if canon.is_empty() {
        return None;
    }
    let s = &form.tokens;
    let found = |kind, rank, similarity| {
        Some(EntityMatch {
            entity: e,
            kind,
            rank,
            similarity,
        })
    };
    if s == canon {
        return found(VariantKind::Canonical, 0, 1.0);
    }
    if variants.iter().any(|v| v == s) {
        return found(VariantKind::KnownVariant, 0, similarity(s, canon));
    }
    if align_either(s, canon) == Some(Aligned::Same) {
        return found(VariantKind::Canonical, 1, 1.0);
    }
    if variants
        .iter()
        .any(|v| align_either(s, v) == Some(Aligned::Same))
    {
        return found(VariantKind::KnownVariant, 1, similarity(s, canon));
    }
    if let Some(Aligned::Close(sim)) = align_either(s, canon) {
        return found(VariantKind::LikelyMisspelling, 2, sim);
    }
    if variants
        .iter()
        .any(|v| matches!(align_either(s, v), Some(Aligned::Close(_))))
    {
        return found(VariantKind::LikelyMisspelling, 3, similarity(s, canon));
    }
    None
}

fn kind_order(k: VariantKind) -> u8 {
    match k {
        VariantKind::Canonical => 0,
        VariantKind::KnownVariant => 1,
        VariantKind::LikelyMisspelling => 2,
        VariantKind::Variant => 3,
    }
}

/// Cluster names across documents: `docs[i]` holds the mentions of document `i`.
///
/// Returns only clusters with at least two distinct spellings, or with a spelling that
/// differs from a known canonical name: nothing for names spelled the same everywhere.
/// Spellings equal up to case, punctuation and diacritics are one spelling.
///
/// Names compare token-wise: same number of tokens, all aligned; a shorter name against the
/// tail of a longer one (surname with surname: "Zelenskyi" with "Volodymyr Zelensky").
/// Two names are *close* when every aligned token is equal or close and one at least is
/// close. Two differing tokens (lowercased, diacritics folded) are close when all hold:
/// 1. both have at least 4 letters (Jan/Jon, Xi/Si are never compared);
/// 2. same first-letter class, with c/k/q, f/v/w and i/y/j/e counted as one letter:
///    "Russia"/"Prussia" do not pair;
/// 3. not an inflection or demonym of each other: same stem and endings such as
///    ""/"n", "e"/"ian", ""/"s", or "-i" after a consonant ("Russia"/"Russian",
///    "Ukraine"/"Ukrainians", "Pakistan"/"Pakistani"; but "Ostrovsky"/"Ostrovskyi" pair);
/// 4. Jaro-Winkler ≥ [`JARO_WINKLER_MIN`] and normalised Levenshtein ≥ [`LEVENSHTEIN_MIN`];
/// 5. either the consonant skeletons are equal, i.e. only vowels and transliteration
///    alternations (w/f/v, c/k/q, tz/z, kh/h, dh/d, th/t, tsch/ch, sch/sh, x/ks, j/i,
///    doubled letters) differ: Kyiv/Kiev, Olav/Olaf, Scholtz/Scholz, Gorbatschow/Gorbachev;
///    or there is one edit (a transposition counts as one) that touches neither end of a
///    word of 6+ letters, i.e. a typo ("Lukashneko"); "Austria"/"Australia" fails both;
/// 6. with equal skeletons, final vowels must not differ by an "a" or "o" (gender and
///    language forms: "Georgia"/"George", "Maria"/"Mario", "Sergei"/"Sergio"; this also
///    loses Lukashenko/Lukashenka);
/// 7. with equal skeletons in words of 4 letters or fewer, only the front vowels i/y/e may
///    change (Kyiv/Kiev pair, "Kant"/"Kent" and "Lima"/"Lama" do not).
///
/// Known entities come first, in the order given: a corpus spelling joins an entity as
/// [`VariantKind::Canonical`] when it equals the canonical name (or aligns with it token for
/// token, one being the other's tail: "Zelensky" and "Volodymyr Zelensky"),
/// as [`VariantKind::KnownVariant`] when it equals a listed variant, else as
/// [`VariantKind::LikelyMisspelling`] when it is close to the canonical name or a variant.
/// An entity cluster is reported when it holds a known variant or a likely misspelling.
/// Candidate spellings are found through a blocking index (the last token's consonant
/// skeleton and its one-letter deletions, see `BlockIndex`) that finds the same pairs as
/// all-pairs.
///
/// The remaining spellings are linked when close (multi-word names token-wise, a surname
/// alone against the last token) and each connected group of two or more is a cluster;
/// its canonical is the spelling used most (mentions, then sources, then alphabetical) and
/// every spelling is [`VariantKind::Variant`]. Those clusters follow the entity clusters,
/// sorted by canonical. Within a cluster spellings go canonical first, then by kind, by
/// mentions (most first) and by text.
pub fn cluster_names(docs: &[Vec<NameMention>], known: &[KnownEntity]) -> Vec<NameCluster> {
    cluster_names_with(docs, known, false)
}

/// [`cluster_names`]; with `first_per_doc`, each spelling keeps only its first mention in
/// each document (what a table of spellings per source needs; far less memory).
pub fn cluster_names_with(
    docs: &[Vec<NameMention>],
    known: &[KnownEntity],
    first_per_doc: bool,
) -> Vec<NameCluster> {
    cluster_mentions(&Mentions::from_docs(docs), known, first_per_doc)
}

/// [`cluster_names_with`] over mentions already held compactly.
pub fn cluster_mentions(
    docs: &Mentions,
    known: &[KnownEntity],
    first_per_doc: bool,
) -> Vec<NameCluster> {
    cluster_mentions_linked(docs, known, &[], first_per_doc)
}

/// [`cluster_mentions`], with `links`: pairs of names known to be one person's spelled two
/// ways (two sources giving the same words to "Jon Ortega" and "John Ortega",
/// [`crate::compare::quote::spelled_speakers`]). Their forms join one cluster even when the
/// spelling rules alone would not pair them.
pub fn cluster_mentions_linked(
    docs: &Mentions,
    known: &[KnownEntity],
    links: &[(String, String)],
    first_per_doc: bool,
) -> Vec<NameCluster> {
    let forms = group_forms_in(docs);
    let index = BlockIndex::new(&forms);

    // Entity assignment. A form can only match through its last token (equal or close to
    // the last token of the canonical name or a variant), so the block index finds them.
    let mut assigned: Vec<Option<EntityMatch>> = vec![None; forms.len()];
    for (e, entity) in known.iter().map(Entity::new).enumerate() {
        let mut cands: BTreeSet<usize> = BTreeSet::new();
        for spelling in std::iter::once(&entity.canon).chain(&entity.variants) {
            if let Some(last) = spelling.last() {
                cands.extend(index.candidates(last));
            }
        }
        for fi in cands {
            let Some(m) = match_entity(&forms[fi], e, &entity) else {
                continue;
            };
            let better = match &assigned[fi] {
                None => true,
                Some(cur) => {
                    m.rank < cur.rank || (m.rank == cur.rank && m.similarity > cur.similarity)
                }
            };
            if better {
                assigned[fi] = Some(m);
            }
        }
    }

    let mut clusters = Vec::new();
    for (e, entity) in known.iter().enumerate() {
        let spellings: Vec<(usize, Spelling)> = forms
            .iter()
            .zip(&assigned)
            .filter_map(|(f, m)| {
                let m = m.as_ref().filter(|m| m.entity == e)?;
                let note = if m.kind == VariantKind::KnownVariant {
                    entity.note.clone()
                } else {
                    None
                };
                let spelling = Spelling {
                    text: f.display(),
                    kind: m.kind,
                    note,
                    similarity: m.similarity,
                    mentions: f.mentions_in(docs, first_per_doc),
                };
                Some((f.uses, spelling))
            })
            .collect();
        if !spellings
            .iter()
            .any(|(_, s)| s.kind != VariantKind::Canonical)
        {
            continue;
        }
        let spellings = sort_spellings(spellings);
        clusters.push(NameCluster {
            canonical: entity.name.clone(),
            spellings,
        });
    }

    // Corpus-internal clusters over unassigned forms: close pairs with evidence, and the
    // spellings one speaker is given under.
    let mut parent: Vec<usize> = (0..forms.len()).collect();
    let mut pairs: Vec<(usize, usize)> = variant_pairs(&forms, &index, true)
        .into_iter()
        .filter(|&(i, j)| has_evidence(&forms[i], &forms[j]))
        .collect();
    if !links.is_empty() {
        let by_tokens: HashMap<&[String], usize> = forms
            .iter()
            .enumerate()
            .map(|(i, f)| (f.tokens.as_slice(), i))
            .collect();
        for (a, b) in links {
            let (ta, tb) = (normalise(a), normalise(b));
            if let (Some(&i), Some(&j)) =
                (by_tokens.get(ta.as_slice()), by_tokens.get(tb.as_slice()))
                && i != j
            {
                pairs.push((i.min(j), i.max(j)));
            }
        }
    }
    for (i, j) in pairs {
        if assigned[i].is_some() || assigned[j].is_some() {
            continue;
        }
        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
        if ri != rj {
            parent[ri.max(rj)] = ri.min(rj);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, a) in assigned.iter().enumerate() {
        if a.is_none() {
            let r = find(&mut parent, i);
            groups.entry(r).or_default().push(i);
        }
    }
    let mut internal = Vec::new();
    for members in groups.into_values().filter(|m| m.len() >= 2) {
        let Some(&canon) = members.iter().max_by(|&&a, &&b| {
            let (fa, fb) = (&forms[a], &forms[b]);
            (fa.uses, fa.docs())
                .cmp(&(fb.uses, fb.docs()))
                .then_with(|| fb.display().cmp(&fa.display()))
        }) else {
            continue;
        };
        let mut spellings: Vec<(usize, Spelling)> = members
            .iter()
            .map(|&i| {
                let spelling = Spelling {
                    text: forms[i].display(),
                    kind: VariantKind::Variant,
                    note: None,
                    similarity: if i == canon {
                        1.0
                    } else {
                        similarity(&forms[i].tokens, &forms[canon].tokens)
                    },
                    mentions: forms[i].mentions_in(docs, first_per_doc),
                };
                (forms[i].uses, spelling)
            })
            .collect();
        let canonical = forms[canon].display();
        // By all their uses, also when only the first of each source is kept.
        spellings.sort_by(|(na, a), (nb, b)| {
            (b.text == canonical)
                .cmp(&(a.text == canonical))
                .then_with(|| nb.cmp(na))
                .then_with(|| a.text.cmp(&b.text))
        });
        internal.push(NameCluster {
            canonical,
            spellings: spellings.into_iter().map(|(_, s)| s).collect(),
        });
    }
    internal.sort_by(|a, b| {
        a.canonical
            .to_lowercase()
            .cmp(&b.canonical.to_lowercase())
            .then_with(|| a.canonical.cmp(&b.canonical))
    });
    clusters.extend(internal);
    clusters
}

/// Spellings in report order: by kind, then by how often each is used (`uses`, all of
/// them, also when a spelling keeps only its first use in each source), then by text.
fn sort_spellings(mut spellings: Vec<(usize, Spelling)>) -> Vec<Spelling> {
    spellings.sort_by(|(na, a), (nb, b)| {
        kind_order(a.kind)
            .cmp(&kind_order(b.kind))
            .then_with(|| nb.cmp(na))
            .then_with(|| a.text.cmp(&b.text))
    });
    spellings.into_iter().map(|(_, s)| s).collect()
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

#[cfg(test)]
mod tests;
