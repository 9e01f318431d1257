//! Speaker identity across a corpus: who each written speaker is, in one form, so that the
//! same person quoted by two sources is recognised as one.
//!
//! A written speaker ("Acme CEO Dana Ortega", "Ms. Ortega", "H. Dana Ortega Jr.") is read
//! into a [`Who`]: what kind of speaker it is (a person, an organisation, a description such
//! as "the Marovian president", or one word the corpus never shows to be anyone's surname) and,
//! for a person, the given names, initials and surname that remain once the titles,
//! honorifics, job descriptions and suffixes around the name are set aside. The rules, one
//! sentence each (docs/rules.md, "Speakers and names", says the same to rule writers):
//!
//! - **Honorifics and titles**: "Mr", "Ms.", "Dr", "Rep.", "Sen.", "Gov.", "Gen." and every
//!   word up to the last title, job word or lowercase description before the name ("Acme CEO",
//!   "hospital director", "Norvik's chief executive") are not part of the name.
//! - **Suffixes**: "Jr", "Sr", "II", "III", "IV" after a name are not part of what identifies
//!   it.
//! - **Initials**: a one-letter given name ("H." in "H. Dana Ortega") is kept apart from the
//!   given names; it is only checked against the other name's given names.
//! - **Surnames**: a bare surname (with or without an honorific) expands to the one person
//!   the corpus writes in full with that surname (full names that differ only by initials or
//!   a given name written short are one person: "Ana Lund", "Ana B. Lund"); when two people
//!   share it, the surname stays. An honorific before a surname ("Ms Lund") is no full name.
//! - **Aliases and variants**: a rule file's `[[speaker]]` aliases and `[[entity]]` variants
//!   apply to the name as written, to the name without its titles and to a surname alone.
//!
//! Whether two [`Who`]s are one person is comparison's to decide
//! (`crate::compare::quote`), with the spelling rules of names.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::names::{full_names, strip_possessive, surname_of};
use super::words::{ORG_WORDS_SET, TITLE_NOUNS_SET, TITLE_WORDS_SET};
use crate::text::collapse_spaces;

/// Honorifics and abbreviated ranks written before a name, lowercase, without their dot.
#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "fr", "rep", "sen", "gov", "gen", "lt",
    "col", "capt", "cmdr", "cdr", "adm", "maj", "sgt", "cpl", "pvt", "hon", "amb", "supt", "insp",
    "det", "st",
];

/// Job words written before a name (capitalised or not) that the quotation reader's title
/// lists lack: corporate and newsroom roles.
#[rustfmt::skip]
const JOB_WORDS: &[&str] = &[
    "ceo", "cfo", "coo", "cto", "chair", "chairperson", "executive", "officer", "manager",
    "partner", "owner", "boss", "economist", "analyst", "strategist", "editor", "correspondent",
    "co-founder", "founder", "president", "vice-president", "director", "head", "chief",
    "spokesman", "spokeswoman", "spokesperson", "secretary", "minister", "governor", "senator",
    "representative", "congressman", "congresswoman", "mayor", "judge", "justice", "professor",
    "researcher", "fellow", "adviser", "advisor", "lawyer", "attorney", "trustee", "deputy",
];

/// Name suffixes: part of how a name is written, not of whom it names.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "v", "esq"];

/// Lowercase particles that belong to a surname ("Jan van Dorsten", "Ana de la Cruz").
#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "al", "el",
    "bin", "ibn", "ter", "ten", "dos", "das", "y",
];

/// Lowercase words that join the words of one name ("Bank of England", "Secretary of
/// State"): neither a title nor a description on their own.
const CONNECTORS: &[&str] = &["of", "and", "for", "on", "the", "&"];

/// What kind of speaker a written name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WhoKind {
    /// A person's name: given names and a surname, or a surname the corpus shows to be one
    /// (a full name ends in it, or an honorific or title stands before it).
    Person,
    /// An organisation: a name with an organisation word ("Northern Water Safety Board",
    /// "Foreign Ministry"), or an acronym ("NWSB").
    Organisation,
    /// A description without a name: "Marovian president", "the statement".
    Description,
    /// One capitalised word that nothing shows to be a person or an organisation ("Tarkiv").
    Unknown,
}

/// A speaker read into the parts that say who it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Who {
    /// The canonical form shown in reports: the name without titles and honorifics, a
    /// surname expanded to the corpus's one full name, aliases and variants applied.
    pub name: String,
    pub kind: WhoKind,
    /// Given names as written ("Dana"), initials left out. Empty for a surname alone.
    pub given: Vec<String>,
    /// Initials, lowercase ("h" for "H. Dana Ortega").
    pub initials: Vec<char>,
    /// The surname as written, particles included ("van Dorsten"); for an organisation or
    /// anything else, the name itself.
    pub surname: String,
}

impl Who {
    /// The same speaker, known only as written (no index): a name never expanded.
    pub fn plain(written: &str) -> Who {
        SpeakerIndex::default().who(written)
    }
}

/// Identity of speakers across a corpus: surnames ("Ortega", "Ms. Ortega") expand to the
/// one full name ("Maria Ortega") seen anywhere in the corpus; rule-given aliases and entity
/// variants win.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpeakerIndex {
    /// lowercase alias -> canonical
    aliases: HashMap<String, String>,
    /// lowercase surname -> full names seen
    by_surname: BTreeMap<String, BTreeSet<String>>,
    /// Entity variants: lowercase tokens of a variant -> the entity's name.
    variants: Vec<(Vec<String>, String)>,
}

fn is_in(list: &[&str], lower: &str) -> bool {
    list.contains(&lower)
}

/// A word without the punctuation around it that a name's words carry ("Jr.," → "Jr").
fn bare_word(t: &str) -> &str {
    t.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '.' | '(' | ')' | '"' | '“' | '”'))
}

/// "H." or "H" or "J.R.": letters each followed by a dot, or one capital letter.
fn initials_of(t: &str) -> Option<Vec<char>> {
    let letters: Vec<char> = t.chars().filter(|c| *c != '.').collect();
    let dotted = t.contains('.') && letters.len() <= 3 && t.matches('.').count() == letters.len();
    let single = letters.len() == 1;
    if !letters.is_empty() && letters.iter().all(|c| c.is_uppercase()) && (dotted || single) {
        Some(letters.iter().flat_map(|c| c.to_lowercase()).collect())
    } else {
        None
    }
}

fn is_acronym(t: &str) -> bool {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2
        && letters.iter().all(|c| c.is_uppercase())
        && t.chars().all(|c| c.is_alphabetic() || c == '.' || c == '&')
}

/// Is the written word a title, honorific, job word or description before a name?
fn is_title_token(t: &str, is_last: bool) -> bool {
    let w = bare_word(t);
    if w.is_empty() {
        return true;
    }
    let lower = w.to_lowercase();
    let first_upper = w.chars().next().is_some_and(char::is_uppercase);
    if is_in(CONNECTORS, &lower) {
        return false;
    }
    if is_in(HONORIFICS, &lower) || is_in(JOB_WORDS, &lower) {
        return true;
    }
    if TITLE_WORDS_SET.contains(w) || TITLE_NOUNS_SET.contains_lowercase(w) {
        return true;
    }
    // A lowercase word other than a surname particle describes ("hospital director"); a
    // possessive names an affiliation ("Norvik's"); an acronym before the name is one too
    // ("US", "MP"): none of them is a name word.
    if !first_upper && !is_in(PARTICLES, &lower) {
        return true;
    }
    let raw = t.trim_matches(|c: char| matches!(c, ',' | ';' | ':'));
    if !is_last && (strip_possessive(t) != t || (is_acronym(w) && initials_of(raw).is_none())) {
        return true;
    }
    false
}

impl SpeakerIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// `alias` (a full name, a surname, a description) names `canonical`.
    pub fn add_alias(&mut self, canonical: &str, alias: &str) {
        let canonical = collapse_spaces(canonical);
        self.aliases
            .insert(collapse_spaces(alias).to_lowercase(), canonical.clone());
        self.aliases
            .insert(canonical.to_lowercase(), canonical.clone());
        self.add_full_name(&canonical);
    }

    /// A rule file's `[[entity]]`: its variants ("Vashenkiy", "Jonas Brekke") are spellings
    /// of `name`, as a whole name or as the surname of a longer one.
    pub fn add_entity(&mut self, name: &str, variants: &[String]) {
        let name = collapse_spaces(name);
        for v in variants {
            let tokens = lower_tokens(v);
            if !tokens.is_empty() {
                self.variants.push((tokens, name.clone()));
            }
        }
        self.add_full_name(&name);
    }

    /// A full name the corpus writes, kept as the person's name without titles: "Ms Lund" or
    /// "Mr Lund" (an honorific the name scanner takes for a given name) is no full name, and
    /// "Secretary of State Ana Lund" is "Ana Lund", so neither stops "Lund" from expanding.
    fn add_full_name(&mut self, full: &str) {
        if full.split_whitespace().count() < 2 {
            return;
        }
        let who = self.read(full, false, false);
        if who.kind != WhoKind::Person || who.given.is_empty() {
            return;
        }
        if let Some(s) = surname_of(&who.name) {
            self.by_surname.entry(s).or_default().insert(who.name);
        }
    }

    /// The one person the full names of a surname name, written in full: one name, or
    /// names that differ only by initials or by a given name written short ("Ana Lund",
    /// "Ana B. Lund", "Anatol Lund" is not one: "Ana" is no short form of it, three letters
    /// or more and a start of the other). The fullest form (most words, then longest) wins.
    fn one_person<'s>(names: &BTreeSet<&'s String>) -> Option<&'s String> {
        let firsts: Vec<(String, &String)> = names
            .iter()
            .map(|n| {
                let first = n
                    .split_whitespace()
                    .find(|t| initials_of(t.trim_end_matches(',')).is_none())
                    .map(fold_word)
                    .unwrap_or_default();
                (first, *n)
            })
            .collect();
        let alike = |x: &str, y: &str| {
            let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
            short == long || (short.chars().count() >= 3 && long.starts_with(short))
        };
        let one = firsts
            .iter()
            .all(|(x, _)| firsts.iter().all(|(y, _)| alike(x, y)));
        if !one {
            return None;
        }
        firsts.iter().map(|(_, n)| *n).max_by(|a, b| {
            let words = |s: &str| s.split_whitespace().count();
            words(a)
                .cmp(&words(b))
                .then(a.len().cmp(&b.len()))
                .then(b.cmp(a))
        })
    }

    /// Scan an article for full names (two+ capitalised words) so surnames can be expanded.
    pub fn observe_text(&mut self, text: &str) {
        for name in full_names(text) {
            self.add_full_name(&name);
        }
    }

    /// Add full names found earlier with [`full_names`] (so articles can be scanned in
    /// parallel and the index built in article order).
    pub fn observe_names<I: IntoIterator<Item = String>>(&mut self, names: I) {
        for name in names {
            self.add_full_name(&name);
        }
    }

    /// A speaker's name as a quotation reader wrote it: when it holds a person's full name
    /// ("Norvik CEO Jan van Dorsten"), that name can expand a surname alone elsewhere, as a
    /// full name the text writes can.
    pub fn observe_speaker(&mut self, written: &str) {
        let who = self.read(&collapse_spaces(written), false, false);
        if who.kind == WhoKind::Person && !who.given.is_empty() {
            self.add_full_name(&who.name);
        }
    }

    /// The canonical form of a written speaker ([`Who::name`]).
    pub fn canonical(&self, written: &str) -> String {
        self.who(written).name
    }

    fn alias(&self, key: &str) -> Option<&String> {
        self.aliases.get(&key.to_lowercase())
    }

    /// A written name with an entity variant replaced by the entity's name: the whole name
    /// ("Jonas Brekke" → "Jonas Brecke"), or its last word ("Mirko Vashenkiy" →
    /// "Mirko Vashenko").
    fn apply_variants(&self, tokens: &[String]) -> Option<String> {
        let lower: Vec<String> = tokens.iter().map(|t| fold_word(t)).collect();
        for (variant, name) in &self.variants {
            if *variant == lower {
                return Some(name.clone());
            }
        }
        let (last, head) = tokens.split_last()?;
        let last = fold_word(last);
        for (variant, name) in &self.variants {
            if variant.len() == 1 && variant[0] == last {
                let surname = name.split_whitespace().last()?;
                let mut out: Vec<&str> = head.iter().map(String::as_str).collect();
                out.push(surname);
                return Some(out.join(" "));
            }
        }
        None
    }

    /// Who a written speaker is ([`Who`]; the rules are in the module doc).
    pub fn who(&self, written: &str) -> Who {
        let w = collapse_spaces(written);
        if let Some(c) = self.alias(&w) {
            return self.read(c, false, false);
        }
        self.read(&w, true, true)
    }

    fn read(&self, written: &str, use_aliases: bool, expand: bool) -> Who {
        let mut tokens: Vec<&str> = written.split_whitespace().collect();
        while tokens
            .first()
            .is_some_and(|t| matches!(bare_word(t), "the" | "The"))
        {
            tokens.remove(0);
        }
        // Titles: everything up to the last title word, honorific or description.
        let n = tokens.len();
        let after_titles = (0..n)
            .rev()
            .find(|&i| is_title_token(tokens[i], i + 1 == n))
            .map_or(0, |i| i + 1);
        let titled = after_titles > 0;
        let mut rest: Vec<&str> = tokens[after_titles..].to_vec();
        while rest
            .last()
            .is_some_and(|t| rest.len() > 1 && is_in(SUFFIXES, &bare_word(t).to_lowercase()))
        {
            rest.pop();
        }
        if let Some(last) = rest.last_mut() {
            *last = strip_possessive(last.trim_end_matches([',', ';', ':']));
        }
        let unnamed = |kind| Who {
            name: written.to_string(),
            kind,
            given: Vec::new(),
            initials: Vec::new(),
            surname: written.to_string(),
        };
        if rest.is_empty() {
            return unnamed(WhoKind::Description);
        }
        let name = rest.join(" ");
        if use_aliases && let Some(c) = self.alias(&name) {
            return self.read(&c.clone(), false, false);
        }
        let owned: Vec<String> = rest.iter().map(|t| (*t).to_string()).collect();
        if use_aliases && let Some(v) = self.apply_variants(&owned) {
            return self.read(&v, false, expand);
        }
        // An organisation: an organisation word in the name, or an acronym alone.
        let org_word = rest
            .iter()
            .any(|t| ORG_WORDS_SET.contains(bare_word(strip_possessive(t))));
        if org_word || (rest.len() == 1 && is_acronym(rest[0]) && initials_of(rest[0]).is_none()) {
            let name = tokens.join(" ");
            return Who {
                surname: name.clone(),
                name,
                kind: WhoKind::Organisation,
                given: Vec::new(),
                initials: Vec::new(),
            };
        }
        // A person: initials, given names, surname (with its particles).
        let mut initials = Vec::new();
        let mut words: Vec<&str> = Vec::new();
        for (i, t) in rest.iter().enumerate() {
            let raw = t.trim_matches(|c: char| matches!(c, ',' | ';' | ':'));
            match initials_of(raw).filter(|_| i + 1 < rest.len()) {
                Some(cs) => initials.extend(cs),
                None => words.push(bare_word(t)),
            }
        }
        let Some(&last) = words.last() else {
            return unnamed(WhoKind::Description);
        };
        let mut s = words.len() - 1;
        while s > 0 && is_in(PARTICLES, &words[s - 1].to_lowercase()) {
            s -= 1;
        }
        let surname = words[s..].join(" ");
        let given: Vec<String> = words[..s].iter().map(|t| (*t).to_string()).collect();
        if given.is_empty() && initials.is_empty() {
            // A surname alone: the corpus's one full name with it, if there is one.
            let fulls = self.by_surname.get(&last.to_lowercase());
            if expand && let Some(fulls) = fulls {
                let mapped: BTreeSet<&String> =
                    fulls.iter().map(|f| self.alias(f).unwrap_or(f)).collect();
                if let Some(one) = Self::one_person(&mapped) {
                    return self.read(&one.clone(), false, false);
                }
            }
            let known = titled || fulls.is_some() || !expand;
            return Who {
                name: surname.clone(),
                kind: if known {
                    WhoKind::Person
                } else {
                    WhoKind::Unknown
                },
                given,
                initials,
                surname,
            };
        }
        Who {
            name,
            kind: WhoKind::Person,
            given,
            initials,
            surname,
        }
    }
}

/// A word lowercased without its dots and apostrophes.
fn fold_word(t: &str) -> String {
    bare_word(t)
        .chars()
        .filter(|c| !matches!(c, '.' | '\'' | '’'))
        .flat_map(char::to_lowercase)
        .collect()
}

fn lower_tokens(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(fold_word)
        .filter(|t| !t.is_empty())
        .collect()
}

#[cfg(test)]
mod tests;
