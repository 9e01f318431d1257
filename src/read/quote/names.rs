//! Speaker names: capitalised runs of words, with the titles before them and what kind of
//! speaker they name (a person, an organisation, or one bare word that is a person only if
//! the article writes a full name ending in it).
//!
//! A run is read backwards from a speech verb ("US Secretary of State Jane Roe said") or
//! forwards after one ("said Maria Ortega, the union's …"); titles and lowercase title nouns
//! ("ministry spokesman") become the speaker's description, never part of the name.
//! [`full_names`] lists the two-to-four-word names an article writes, for the speaker index
//! and for "Single" runs.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::scan::{self, Tok};
use super::sub;
use super::words::{
    CONNECTORS, HONORIFICS, NON_PERSON_WORDS_SET, ORG_WORDS_SET, PARTICLES, PASSIVE,
    PLURAL_PERSON_NOUNS_SET, PREPOSITIONS, REF_ORG_NOUNS_SET, REF_PERSON_NOUNS_SET, STOP_CAP_SET,
    TITLE_NOUNS_SET, TITLE_WORDS_SET, is_in,
};
use crate::text::collapse_spaces;

pub(super) fn is_cap_word(t: &str) -> bool {
    let mut chars = t.chars();
    chars.next().is_some_and(|c| c.is_uppercase()) && t.chars().any(char::is_alphabetic)
}

pub(super) fn is_name_word(t: &str) -> bool {
    is_cap_word(t) && !STOP_CAP_SET.contains(t) && !is_hyphen_adjective(t)
}

/// "Lisbon-based", "Volcker-led": a name with a lowercase hyphenated ending is an adjective,
/// never a name.
fn is_hyphen_adjective(t: &str) -> bool {
    t.rsplit_once('-')
        .is_some_and(|(_, end)| end.chars().next().is_some_and(char::is_lowercase))
}

/// The expansion an article gives of each acronym in `wanted` ("Northern Water Safety
/// Board" for "NWSB"): the first capitalised words, joined by connectors at most, whose
/// initials spell it.
pub(super) fn acronym_expansions(
    text: &str,
    paras: &[Range<usize>],
    wanted: &HashSet<String>,
) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut toks = Vec::new();
    for para in paras {
        if out.len() == wanted.len() {
            break;
        }
        toks.clear();
        scan::tokens_into(text, para, &mut toks);
        let mut i = 0;
        while i < toks.len() {
            // A run of capitalised words and connectors.
            let mut caps: Vec<&Tok> = Vec::new();
            let mut j = i;
            while let Some(t) = toks.get(j) {
                if is_cap_word(t.s) && !is_acronym(t.s) {
                    caps.push(t);
                } else if !is_in(CONNECTORS, t.s) || caps.is_empty() {
                    break;
                }
                j += 1;
            }
            for a in wanted {
                let n = a.chars().count();
                if out.contains_key(a) || caps.len() < n {
                    continue;
                }
                let found = (0..=caps.len() - n).find(|&k| {
                    caps[k..k + n]
                        .iter()
                        .zip(a.chars())
                        .all(|(t, c)| t.s.starts_with(c))
                });
                if let Some(k) = found {
                    let span = caps[k].r.start..caps[k + n - 1].r.end;
                    out.insert(a.clone(), collapse_spaces(sub(text, &span)));
                }
            }
            i = j.max(i + 1);
        }
    }
    out
}

pub(super) fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .unwrap_or(s)
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum RunKind {
    Person,
    Org,
    /// One bare capitalised word: a person only if the article has a full name ending in it.
    Single,
}

#[derive(Debug, Clone)]
pub(super) struct Run {
    pub(super) name: String,
    pub(super) span: Range<usize>,
    pub(super) description: Option<String>,
    pub(super) kind: RunKind,
}

/// Where the titles of a capitalised run end and where the person's name starts and ends in
/// it: "US Secretary of State Jane Roe" -> (4, 4, 6); "Lee and Park" -> (0, 2, 3);
/// "Gov. Tom Reyes of Ohio" -> (1, 2, 4): "of" after a name starts an affiliation, and a
/// possessive starts the name after it ("Acme’s Board").
fn run_parts(run: &[Tok]) -> (usize, usize, usize) {
    // "Economist Lena Park": a sentence-initial title noun is a title too.
    let is_title = |t: &Tok| {
        TITLE_WORDS_SET.contains(t.s.trim_end_matches('.'))
            || TITLE_NOUNS_SET.contains_lowercase(t.s)
    };
    let title_end = run.iter().rposition(is_title).map_or(0, |i| i + 1);
    let mut name_start = title_end;
    // "Rev. Ann Lee": the title's period is not part of the name.
    while run.get(name_start).is_some_and(|t| t.s == ".") {
        name_start += 1;
    }
    let mut name_end = run.len();
    if let Some(p) = run
        .iter()
        .rposition(|t| t.s.ends_with("’s") || t.s.ends_with("'s"))
        && p + 1 < run.len()
    {
        name_start = name_start.max(p + 1);
    }
    let tail = run.get(name_start..).unwrap_or(&[]);
    let named_before = |c: usize| tail[..c].iter().any(|t| t.s != ".");
    match tail.iter().position(|t| t.s == "of") {
        // The person, then where they are from or what they lead.
        Some(of) if named_before(of) => name_end = name_start + of,
        _ => {
            // A person's name holds no connector: "Lee and Park" -> "Park".
            if let Some(c) = tail.iter().rposition(|t| is_in(CONNECTORS, t.s)) {
                name_start += c + 1;
            }
        }
    }
    (title_end, name_start, name_end)
}

/// "NATO", "NWSB": two to five capital letters (longer ones are headlines and datelines).
pub(super) fn is_acronym(w: &str) -> bool {
    (2..=5).contains(&w.chars().count()) && w.chars().all(|c| c.is_uppercase())
}

/// "Mr.", "Gov.", "Rev.", "H." (an initial): a word whose period does not end the name.
fn takes_period(w: &str) -> bool {
    is_in(HONORIFICS, w)
        || TITLE_WORDS_SET.contains(w)
        || (w.chars().count() == 1 && is_cap_word(w))
}

/// Whether [`classify_run`] finds a run in `toks[a..b]`, and whether it may be an
/// organisation (only then is it worth building), without building it.
pub(super) fn run_shape(toks: &[Tok], a: usize, b: usize) -> (bool, bool) {
    let Some(run) = toks.get(a..b).filter(|r| !r.is_empty()) else {
        return (false, false);
    };
    if run.iter().any(|t| ORG_WORDS_SET.contains(t.s)) || run.iter().any(|t| is_acronym(t.s)) {
        return (true, true); // decided by classify_run itself
    }
    let (_, name_start, name_end) = run_parts(run);
    (name_start < name_end, false)
}

/// Classify a capitalised run `toks[a..b]`: organisation, or title + person name.
pub(super) fn classify_run(text: &str, toks: &[Tok], a: usize, b: usize) -> Option<Run> {
    let run = toks.get(a..b)?;
    let first = run.first()?;
    let last = run.last()?;
    let (title_end, name_start, name_end) = run_parts(run);
    let has_org = run.iter().any(|t| ORG_WORDS_SET.contains(t.s));
    let name_toks = run.get(name_start..name_end).unwrap_or(&[]);
    let name_has_org = name_toks.iter().any(|t| ORG_WORDS_SET.contains(t.s));
    let honorific = name_toks.iter().any(|t| is_in(HONORIFICS, t.s));
    let titled = title_end > 0;
    // "Dr Lee of the Example Institute": a person with an affiliation, not the institute.
    let affiliated_person = name_end < run.len() && !name_has_org && (titled || honorific);
    if has_org && !affiliated_person && (name_has_org || name_toks.len() < 2) {
        let start = run
            .iter()
            .rposition(|t| t.s.ends_with("’s") || t.s.ends_with("'s"))
            .filter(|&p| p + 1 < run.len())
            .map_or(first.r.start, |p| run[p + 1].r.start);
        return Some(Run {
            name: strip_possessive(sub(text, &(start..last.r.end))).to_string(),
            span: start..last.r.end,
            description: None,
            kind: RunKind::Org,
        });
    }
    let nf = name_toks.first()?;
    let nl = name_toks.last()?;
    let name_words = name_toks.iter().filter(|t| t.s != ".").count();
    let mut description = if titled {
        run.get(title_end - 1)
            .map(|t| collapse_spaces(sub(text, &(first.r.start..t.r.end))))
    } else {
        None
    };
    if name_end < run.len() {
        let aff = collapse_spaces(sub(text, &(run[name_end].r.start..last.r.end)));
        description = Some(match description {
            Some(d) => format!("{d} {aff}"),
            None => aff,
        });
    }
    // An acronym alone ("NATO", "NWSB") names an organisation.
    let acronym = name_words == 1 && is_acronym(nf.s);
    let kind = if honorific || titled || name_words >= 2 {
        RunKind::Person
    } else if acronym {
        RunKind::Org
    } else {
        RunKind::Single
    };
    Some(Run {
        name: strip_possessive(sub(text, &(nf.r.start..nl.r.end))).to_string(),
        span: nf.r.start..nl.r.end,
        description,
        kind,
    })
}

/// The capitalised run ending just before `toks[upto]`, e.g. "US Secretary of State Jane
/// Roe" before "said". Returns (start index, run).
pub(super) fn name_run_back(text: &str, toks: &[Tok], upto: usize) -> Option<(usize, Run)> {
    let mut i = upto;
    let mut start = upto;
    while i > 0 {
        let t = &toks[i - 1];
        if is_name_word(t.s) {
            start = i - 1;
            i -= 1;
            continue;
        }
        if t.s == "." && i >= 2 && start < upto {
            let prev = toks[i - 2].s;
            if takes_period(prev) {
                start = i - 2;
                i -= 2;
                continue;
            }
        }
        if (is_in(CONNECTORS, t.s) || is_in(PARTICLES, t.s)) && start < upto {
            let mut j = i - 1;
            while j > 0 && (is_in(CONNECTORS, toks[j - 1].s) || is_in(PARTICLES, toks[j - 1].s)) {
                j -= 1;
            }
            if j > 0 && is_name_word(toks[j - 1].s) {
                i = j;
                continue;
            }
        }
        break;
    }
    if start == upto {
        return None;
    }
    // "van Dorsten said": a name may open with its particles.
    let name_start = start;
    while start > 0 && name_start - start < 2 && is_in(PARTICLES, toks[start - 1].s) {
        start -= 1;
    }
    let mut run = classify_run(text, toks, start, upto)?;
    // Lowercase title before the name: "ministry spokesman Ivo Petrov".
    if run.kind != RunKind::Org && start > 0 && TITLE_NOUNS_SET.contains(toks[start - 1].s) {
        let j = title_start(toks, start - 1);
        let prefix = collapse_spaces(sub(text, &(toks[j].r.start..toks[start - 1].r.end)));
        run.description = Some(match run.description.take() {
            Some(d) => format!("{prefix} {d}"),
            None => prefix,
        });
        if run.kind == RunKind::Single {
            run.kind = RunKind::Person;
        }
    }
    // A title set off before the name by commas: "The fire chief, Dana Reyes, said"
    // describes her as the fire chief.
    if run.description.is_none()
        && run.kind != RunKind::Org
        && start >= 2
        && toks[start - 1].s == ","
        && TITLE_NOUNS_SET.contains(toks[start - 2].s)
        && toks.get(upto).is_some_and(|t| t.s == ",")
    {
        let j = title_start(toks, start - 2);
        run.description = Some(collapse_spaces(sub(
            text,
            &(toks[j].r.start..toks[start - 2].r.end),
        )));
        if run.kind == RunKind::Single {
            run.kind = RunKind::Person;
        }
    }
    Some((start, run))
}

/// Where the title ending at `toks[title]` ("ministry spokesman") starts: the lowercase
/// modifiers before its noun, up to four, not past an article or a conjunction.
fn title_start(toks: &[Tok], title: usize) -> usize {
    let mut j = title;
    while j > 0 && title - j < 4 {
        let w = toks[j - 1].s;
        let modifier = w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !STOP_CAP_SET.contains(w)
            && !is_in(PASSIVE, w)
            && !is_in(
                &["the", "a", "an", "that", "and", "but", "or", "who", "which"],
                w,
            );
        if !modifier {
            break;
        }
        j -= 1;
    }
    j
}

/// The capitalised run starting at `toks[from]` ("said Maria Ortega, the union's …").
/// Returns (end index exclusive, run).
pub(super) fn name_run_fwd(text: &str, toks: &[Tok], from: usize) -> Option<(usize, Run)> {
    if let Some(found) = titled_run_fwd(text, toks, from) {
        return Some(found);
    }
    let (start, end) = name_run_fwd_bounds(toks, from)?;
    let run = classify_run(text, toks, start, end)?;
    Some((end, run))
}

/// A name after its description, read forwards: "said hospital director Anna Lee", "said
/// Acme analyst Dana Ortega". The words up to the lowercase title noun are the description.
fn titled_run_fwd(text: &str, toks: &[Tok], from: usize) -> Option<(usize, Run)> {
    let mut i = from;
    while i < toks.len() && i - from < 6 {
        let t = toks[i].s;
        if TITLE_NOUNS_SET.contains(t) {
            let next = toks.get(i + 1)?;
            if !is_name_word(next.s) {
                return None;
            }
            let (s, e) = name_run_fwd_bounds(toks, i + 1)?;
            let mut run = classify_run(text, toks, s, e)?;
            if run.kind == RunKind::Org {
                return None;
            }
            let from_tok = if toks[from].s.eq_ignore_ascii_case("the") {
                from + 1
            } else {
                from
            };
            let prefix = collapse_spaces(sub(text, &(toks[from_tok].r.start..toks[i].r.end)));
            run.description = Some(match run.description.take() {
                Some(d) => format!("{prefix} {d}"),
                None => prefix,
            });
            run.kind = RunKind::Person;
            return Some((e, run));
        }
        let word = t.chars().all(|c| c.is_alphabetic() || c == '-');
        if !word || is_in(PREPOSITIONS, t) && !(i == from && t.eq_ignore_ascii_case("the")) {
            return None;
        }
        i += 1;
    }
    None
}

/// Where the capitalised run of [`name_run_fwd`] starts and ends, before it is classified.
pub(super) fn name_run_fwd_bounds(toks: &[Tok], from: usize) -> Option<(usize, usize)> {
    let mut i = from;
    if toks.get(i).is_some_and(|t| t.s == "the" || t.s == "The") {
        i += 1;
    }
    let start = i;
    // "said van Dorsten": a name may open with its particles.
    while toks.get(i).is_some_and(|t| is_in(PARTICLES, t.s)) && i - start < 2 {
        i += 1;
    }
    if !toks.get(i).is_some_and(|t| is_name_word(t.s)) {
        i = start;
    }
    let mut end = i;
    while let Some(t) = toks.get(i) {
        if is_name_word(t.s) {
            i += 1;
            end = i;
            continue;
        }
        if t.s == "." && end == i && i > start {
            let prev = toks[i - 1].s;
            if takes_period(prev) {
                i += 1;
                end = i;
                continue;
            }
        }
        if (is_in(CONNECTORS, t.s) || is_in(PARTICLES, t.s)) && end > start {
            let mut j = i;
            while toks
                .get(j)
                .is_some_and(|t| is_in(CONNECTORS, t.s) || is_in(PARTICLES, t.s))
            {
                j += 1;
            }
            if toks.get(j).is_some_and(|t| is_name_word(t.s)) {
                i = j;
                continue;
            }
        }
        break;
    }
    if end == start {
        return None;
    }
    // An adjective, not a name: "according to Western officials", "the Velsish bank" (but
    // "Acme’s statement" is Acme's).
    let possessive = toks[end - 1].s.ends_with("’s") || toks[end - 1].s.ends_with("'s");
    if !possessive
        && toks.get(end).is_some_and(|t| {
            PLURAL_PERSON_NOUNS_SET.contains(t.s)
                || REF_PERSON_NOUNS_SET.contains(t.s)
                || REF_ORG_NOUNS_SET.contains(t.s)
        })
    {
        return None;
    }

    Some((start, end))
}

/// Full names (two or more capitalised words, titles dropped) written in `text`.
pub fn full_names(text: &str) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    let mut name = String::new();
    for_each_paragraph(text, |toks| {
        for_each_full_name(toks, &mut name, |n| {
            if !seen.contains(n) {
                seen.insert(n.to_string());
                out.push(n.to_string());
            }
        });
    });
    out
}

/// Call `f` with the tokens of each paragraph of `text` in turn. A name never runs across a
/// blank line, so the name scans read one paragraph at a time: the tokens of a 100 MB
/// article are never all in memory.
fn for_each_paragraph(text: &str, mut f: impl FnMut(&[Tok])) {
    let mut toks = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = text
            .get(start..)
            .and_then(|rest| memchr::memmem::find(rest.as_bytes(), b"\n\n"))
            .map_or(text.len(), |i| start + i + 2);
        toks.clear();
        scan::tokens_into(text, &(start..end), &mut toks);
        f(&toks);
        start = end;
    }
}

/// Call `f` with each run of name words ([`is_name_word`]) in `toks`, in order.
fn for_each_name_run<'t>(toks: &'t [Tok<'t>], mut f: impl FnMut(&'t [Tok<'t>])) {
    let mut i = 0;
    while i < toks.len() {
        if !is_name_word(toks[i].s) {
            i += 1;
            continue;
        }
        let start = i;
        while i < toks.len() && is_name_word(toks[i].s) {
            i += 1;
        }
        f(&toks[start..i]);
    }
}

/// A word that can be part of a person's name: capitalised then lowercase ("Lee", not "NATO"
/// or "X"), and neither an organisation word nor a word that names no person.
fn looks_like_name(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase)
        && cs.next().is_some_and(char::is_lowercase)
        && !ORG_WORDS_SET.contains(w)
        && !NON_PERSON_WORDS_SET.contains(w)
}

/// Call `f` with each full name written in `toks`, in order, repeats included (`name` is a
/// buffer the names are written into).
fn for_each_full_name(toks: &[Tok], name: &mut String, mut f: impl FnMut(&str)) {
    for_each_name_run(toks, |run| {
        let after_title = run
            .iter()
            .rposition(|t| {
                TITLE_WORDS_SET.contains(t.s)
                    || TITLE_NOUNS_SET.contains_lowercase(t.s)
                    || is_in(HONORIFICS, t.s)
            })
            .map_or(0, |k| k + 1);
        let names = &run[after_title..];
        if (2..=4).contains(&names.len())
            && names.iter().all(|t| looks_like_name(strip_possessive(t.s)))
        {
            name.clear();
            for t in &names[names.len().saturating_sub(3)..] {
                if !name.is_empty() {
                    name.push(' ');
                }
                name.push_str(strip_possessive(t.s));
            }
            f(name);
        }
    });
}

/// The roles the text gives each person before their name, anywhere in it: surname (lower
/// case) → the lowercase words of the title run ("President Lee" and "Marovian President Ana
/// Lee" give `lee` → {president, marovian}). A bare role noun ("the president") may then name
/// a person the article titled once and later names without the title.
pub(super) fn titles_by_surname(text: &str) -> HashMap<String, HashSet<String>> {
    let mut out: HashMap<String, HashSet<String>> = HashMap::new();
    for_each_paragraph(text, |toks| {
        for_each_name_run(toks, |run| {
            let Some(k) = run.iter().rposition(|t| TITLE_WORDS_SET.contains(t.s)) else {
                return;
            };
            let names = &run[k + 1..];
            if !(1..=4).contains(&names.len())
                || !names.iter().all(|t| looks_like_name(strip_possessive(t.s)))
            {
                return;
            }
            if let Some(last) = names.last() {
                out.entry(strip_possessive(last.s).to_lowercase())
                    .or_default()
                    .extend(run[..=k].iter().map(|t| t.s.to_lowercase()));
            }
        });
    });
    out
}

pub(super) fn surname_of(full: &str) -> Option<String> {
    full.split_whitespace().last().map(|s| s.to_lowercase())
}
