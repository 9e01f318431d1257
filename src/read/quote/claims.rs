//! Claims: speech verbs ("said", "told", "according to") outside quotations, each with its
//! subject, the speaker it names before any pronoun is resolved.
//!
//! A subject is looked for only in the verb's own sentence: the name before the verb
//! ("X said", "X, who …, said"), or, when the verb opens a clause after a quotation, the
//! name right after it ("…,” said X); a pronoun ("he", "it"), a reference ("the statement",
//! "the spokesman") or an unnamed source ("a senior official") otherwise. "The minister is
//! said to …" has no subject: a passive speech verb names nobody. Organisations named outside
//! quotations are listed too ([`find_orgs`]), for "the statement said".

use std::ops::Range;

use super::names::{
    Run, RunKind, classify_run, is_acronym, is_cap_word, name_run_back, name_run_fwd,
    name_run_fwd_bounds, run_shape,
};
use super::scan::{self, Tok};
use super::words::{
    ACCORDING_TO, ADVERBS_SET, CLAUSE_OPENERS, DETERMINERS_SET, DOC_NOUNS_SET, PASSIVE,
    PLURAL_PERSON_NOUNS_SET, REF_ORG_NOUNS_SET, REF_PERSON_NOUNS_SET, SPEECH_VERB, STOP_CAP_SET,
    TITLE_NOUNS_SET, TITLE_WORDS_SET, is_in,
};
use super::{Speaker, last_at_or_before, sub};
use crate::text::{collapse_spaces, word_count};

#[derive(Debug, Clone)]
pub(super) enum Subj {
    Name(Run),
    /// "he" / "she"
    Personal {
        female: bool,
    },
    /// "it"
    It,
    /// "they" / "we" / "I": not resolved.
    Unresolvable,
    /// "the statement" (person = false) / "the spokesman" (person = true); "the Marovian
    /// president" is `described` ("Marovian president"): the person introduced so.
    Reference {
        person: bool,
        described: Option<String>,
        /// "the statement", "the report": a document, issued by whoever spoke last.
        document: bool,
    },
    /// "the Ohio Republican": a capitalised description, the person the article introduced
    /// with it ("Sen. Tom Reyes, an Ohio Republican"), or else a name.
    Described(Run),
    /// "a senior Western official"
    Anonymous {
        name: String,
        span: Range<usize>,
    },
}

#[derive(Debug, Clone)]
pub(super) struct Claim {
    /// Where the speech verb (or "according to") starts.
    pub(super) pos: usize,
    /// Its paragraph's index.
    pub(super) para: usize,
    pub(super) subj: Subj,
    pub(super) according: bool,
    /// Who the claim names, once resolved ([`super::attribute::resolve_claims`]).
    pub(super) speaker: Option<Speaker>,
}

/// The subject of a sentence: the first name in it, outside quotations, that is not the
/// object of a preposition or a possessive ("Ortega's aide"), followed by its verb or an
/// appositive. Pronouns resolve to these, whatever the sentence's verb.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    /// Where the name starts.
    pub(super) pos: usize,
    /// Where its sentence starts.
    pub(super) sentence: usize,
    /// Its paragraph's index.
    pub(super) para: usize,
    /// A name, or a pronoun or reference at the start of the sentence ("He vowed …", "The
    /// company reported …").
    pub(super) subj: Subj,
    /// Who it names, once resolved ([`super::attribute::resolve_claims`]).
    pub(super) speaker: Option<Speaker>,
}

fn np_back(text: &str, toks: &[Tok], upto: usize) -> Option<Subj> {
    let head = toks.get(upto.checked_sub(1)?)?;
    let h = head.s;
    // "the 45-year-old": an age makes a person.
    let aged = h.ends_with("-old");
    let singular_ref = REF_ORG_NOUNS_SET.contains(h) || REF_PERSON_NOUNS_SET.contains(h) || aged;
    let plural = PLURAL_PERSON_NOUNS_SET.contains(h);
    if !singular_ref && !plural {
        return None;
    }
    let mut j = upto - 1;
    let mut det: Option<&str> = None;
    let mut has_cap = false;
    while j > 0 && upto - j < 6 {
        let w = toks[j - 1].s;
        if DETERMINERS_SET.contains(w) || w == "The" || w == "A" || w == "An" {
            det = Some(w);
            j -= 1;
            break;
        }
        if w.ends_with("’s") || w.ends_with("'s") {
            // "the bank's chairman" is as definite as "the chairman"; "Acme's chairman"
            // names no one yet.
            let common = !is_cap_word(w);
            det = Some(if common { "the" } else { w });
            has_cap |= !common;
            j -= 1;
            break;
        }
        if !w.chars().all(|c| c.is_alphabetic() || c == '-')
            || STOP_CAP_SET.contains(w)
            || is_in(PASSIVE, w)
        {
            break;
        }
        has_cap |= is_cap_word(w);
        j -= 1;
    }
    let definite = det.is_some_and(|d| d.eq_ignore_ascii_case("the"));
    if singular_ref && definite && !has_cap {
        let person = REF_PERSON_NOUNS_SET.contains(h) || aged;
        return Some(Subj::Reference {
            person,
            // "the spokesperson": the one the article introduced so, if any.
            described: (person && !aged).then(|| h.to_string()),
            document: DOC_NOUNS_SET.contains(h),
        });
    }
    if singular_ref && definite && !(REF_PERSON_NOUNS_SET.contains(h) || aged) {
        // "the Velsish bank": the organisation named before.
        return Some(Subj::Reference {
            person: false,
            described: None,
            document: DOC_NOUNS_SET.contains(h),
        });
    }
    if singular_ref && definite && (REF_PERSON_NOUNS_SET.contains(h) || aged) {
        // "the Marovian president": the person the article introduced so.
        let described = collapse_spaces(sub(text, &(toks[j + 1].r.start..head.r.end)));
        return Some(Subj::Reference {
            person: true,
            described: Some(described),
            document: false,
        });
    }
    if det.is_none() && singular_ref && !plural {
        return None; // "statement said" without a determiner is not a subject we trust
    }
    let span = toks[j].r.start..head.r.end;
    let mut name = collapse_spaces(sub(text, &span));
    if let Some(rest) = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
    {
        name = rest.to_string();
    }
    Some(Subj::Anonymous { name, span })
}

/// "according to a statement from Acme Corp" / "an analysis by Example Economics": the
/// name after a document and "from"/"by".
fn document_source(text: &str, toks: &[Tok], from: usize) -> Option<Subj> {
    let by = (from..toks.len().min(from + 5)).find(|&k| matches!(toks[k].s, "by" | "from"))?;
    let words_ok = toks[from..by]
        .iter()
        .all(|t| t.s.chars().all(|c| c.is_lowercase() || c == '-'));
    if by == from || !words_ok {
        return None;
    }
    name_run_fwd(text, toks, by + 1).map(|(_, run)| Subj::Name(run))
}

/// An unnamed source after "according to": "Western officials", "a senior diplomat".
fn np_fwd(text: &str, toks: &[Tok], from: usize) -> Option<Subj> {
    for j in from..toks.len().min(from + 6) {
        let w = toks[j].s;
        if !w
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '’' || c == '\'')
        {
            return None;
        }
        if PLURAL_PERSON_NOUNS_SET.contains(w)
            || REF_PERSON_NOUNS_SET.contains(w)
            || REF_ORG_NOUNS_SET.contains(w)
        {
            let span = toks.get(from)?.r.start..toks[j].r.end;
            let name = collapse_spaces(sub(text, &span));
            let name = name.strip_prefix("the ").unwrap_or(&name).to_string();
            return Some(Subj::Anonymous { name, span });
        }
    }
    None
}

/// A described speaker after an opening verb: "…,” said the spokesman (a reference) / said
/// a Western diplomat (unnamed).
fn np_after(text: &str, toks: &[Tok], from: usize) -> Option<Subj> {
    let rest = toks.get(from..)?;
    let head = rest.iter().take(6).position(|t| {
        PLURAL_PERSON_NOUNS_SET.contains(t.s)
            || REF_PERSON_NOUNS_SET.contains(t.s)
            || REF_ORG_NOUNS_SET.contains(t.s)
    })?;
    np_back(text, rest, head + 1)
}

/// Subject written before a speech verb at `toks[v]`, bounded by `toks[lo..]`.
fn subject_before(text: &str, toks: &[Tok], lo: usize, v: usize) -> Option<Subj> {
    let mut k = v;
    if k > lo && is_in(PASSIVE, toks[k - 1].s) {
        return None; // "The minister is said to …"
    }
    while k > lo && ADVERBS_SET.contains(toks[k - 1].s) {
        k -= 1;
    }
    if k == lo {
        return None;
    }
    let last = toks[k - 1].s;
    let lower = last.to_lowercase();
    match lower.as_str() {
        "he" | "she" => {
            return Some(Subj::Personal {
                female: lower == "she",
            });
        }
        "it" => return Some(Subj::It),
        "they" | "we" | "i" => return Some(Subj::Unresolvable),
        _ => {}
    }
    if last == "," {
        // "The fire chief, X, said": the name set off after its title (which describes it).
        if k - 1 > lo
            && let Some((start, run)) = name_run_back(text, &toks[lo..], k - 1 - lo)
        {
            let at = lo + start;
            if at >= lo + 2
                && toks[at - 1].s == ","
                && TITLE_NOUNS_SET.contains(toks[at - 2].s)
                && run.description.is_some()
            {
                return Some(Subj::Name(run));
            }
        }
        // "X, appositive, said": try the nearest commas before.
        let mut tries = 0;
        let mut j = k - 1;
        while j > lo && tries < 3 {
            j -= 1;
            if toks[j].s != "," {
                continue;
            }
            tries += 1;
            if let Some((_, mut run)) = name_run_back(text, &toks[lo..], j - lo) {
                let appos = collapse_spaces(sub(text, &(toks[j].r.end..toks[k - 1].r.start)));
                if !appos.is_empty() && word_count(&appos) <= 30 {
                    run.description = Some(match run.description.take() {
                        Some(d) => format!("{d}, {appos}"),
                        None => appos,
                    });
                    if run.kind == RunKind::Single {
                        run.kind = RunKind::Person;
                    }
                    return Some(Subj::Name(run));
                }
            }
        }
        return None;
    }
    if let Some((start, run)) = name_run_back(text, &toks[lo..], k - lo) {
        // "a spokesperson for Jane Roe said": the spokesperson, unnamed, not Jane Roe.
        let at = lo + start;
        if at >= 2
            && matches!(toks[at - 1].s, "for" | "of" | "to")
            && (REF_PERSON_NOUNS_SET.contains(toks[at - 2].s)
                || TITLE_NOUNS_SET.contains(toks[at - 2].s))
        {
            let mut j = at - 2;
            while j > lo && at - 2 - j < 3 && !DETERMINERS_SET.contains(toks[j - 1].s) {
                j -= 1;
            }
            // Named by the noun alone: the name after "for" is someone else's, and would
            // read as the speaker's own wherever the name is parsed.
            let span = toks[j].r.start..toks[at - 2].r.end;
            return Some(Subj::Anonymous {
                name: collapse_spaces(sub(text, &span)),
                span,
            });
        }
        // "the Ohio Republican said": a description if the article introduced someone so.
        if at >= 1 && toks[at - 1].s.eq_ignore_ascii_case("the") && run.kind != RunKind::Org {
            return Some(Subj::Described(run));
        }
        return Some(Subj::Name(run));
    }
    let all_title = toks.get(k - 1).is_some_and(|t| {
        TITLE_WORDS_SET.contains(t.s) && k >= 2 && toks[k - 2].s.eq_ignore_ascii_case("the")
    });
    if all_title {
        return Some(Subj::Reference {
            person: true,
            described: None,
            document: false,
        });
    }
    np_back(text, &toks[lo..], k - lo)
}

/// Description after a name: ", head of the Council on Trade and Harbour Policy, which …".
fn appositive_after(text: &str, toks: &[Tok], end: usize) -> Option<String> {
    if toks.get(end).is_none_or(|t| t.s != ",") {
        return None;
    }
    let start = toks.get(end + 1)?.r.start;
    let mut stop = toks.last()?.r.end;
    for w in toks.windows(2).skip(end + 1) {
        if w[0].s == ","
            && matches!(
                w[1].s,
                "which" | "who" | "where" | "whose" | "said" | "says"
            )
        {
            stop = w[0].r.start;
            break;
        }
    }
    let d = collapse_spaces(sub(text, &(start..stop)));
    let d = d.trim_end_matches(['.', ',', ';', ':']).trim().to_string();
    (!d.is_empty()).then_some(d)
}

pub(super) fn find_claims(
    text: &str,
    segments: &[(usize, Range<usize>)],
    starts: &[usize],
    mentions: &[Mention],
) -> Vec<Claim> {
    let mut out = Vec::new();
    for (para, seg) in segments {
        let seg_text = sub(text, seg);
        let mut hits: Vec<(usize, usize, bool)> = SPEECH_VERB
            .find_iter(seg_text)
            .map(|m| (seg.start + m.start(), seg.start + m.end(), false))
            .collect();
        hits.extend(
            ACCORDING_TO
                .find_iter(seg_text)
                .map(|m| (seg.start + m.start(), seg.start + m.end(), true)),
        );
        hits.sort_unstable();
        for (pos, end, according) in hits {
            let sent_lo = last_at_or_before(starts, pos).unwrap_or(seg.start);
            let sent_hi = starts
                .get(starts.partition_point(|&s| s <= pos))
                .copied()
                .unwrap_or(seg.end);
            let lo = sent_lo.max(seg.start);
            let hi = sent_hi.min(seg.end);
            let toks = scan::tokens(text, &(lo..hi));
            let subj = if according {
                let from = toks
                    .iter()
                    .position(|t| t.r.start >= end)
                    .unwrap_or(toks.len());
                let named = name_run_fwd(text, &toks, from).map(|(e, mut run)| {
                    if let Some(a) = appositive_after(text, &toks, e) {
                        run.description = Some(match run.description.take() {
                            Some(d) => format!("{d}, {a}"),
                            None => a,
                        });
                        if run.kind == RunKind::Single {
                            run.kind = RunKind::Person;
                        }
                    }
                    Subj::Name(run)
                });
                named
                    .or_else(|| document_source(text, &toks, from))
                    .or_else(|| np_fwd(text, &toks, from))
            } else {
                let Some(v) = toks.iter().position(|t| t.r.start == pos) else {
                    continue;
                };
                // "continued to rage": a verb of another sense when a lowercase word follows.
                if toks[v].s == "continued"
                    && toks
                        .get(v + 1)
                        .is_some_and(|t| t.s.chars().next().is_some_and(char::is_lowercase))
                {
                    continue;
                }
                let passive = v > 0 && is_in(PASSIVE, toks[v - 1].s);
                subject_before(text, &toks, 0, v)
                    .or_else(|| {
                        // "said X": only right after the verb, and only where nothing before it
                        // could be the subject (the verb opens the clause after a quote).
                        let opens_clause = v == 0 || toks[v - 1].s == ",";
                        if !opens_clause {
                            return None;
                        }
                        if let Some(p) = toks.get(v + 1).map(|t| t.s.to_lowercase())
                            && (p == "he" || p == "she")
                        {
                            return Some(Subj::Personal { female: p == "she" });
                        }
                        name_run_fwd(text, &toks, v + 1)
                            .map(|(e, mut run)| {
                                if let Some(a) = appositive_after(text, &toks, e) {
                                    run.description = Some(match run.description.take() {
                                        Some(d) => format!("{d}, {a}"),
                                        None => a,
                                    });
                                    if run.kind == RunKind::Single {
                                        run.kind = RunKind::Person;
                                    }
                                }
                                Subj::Name(run)
                            })
                            // Only right after the quotation: "X, the author of …, recalled that the
                            // executives …" is X's.
                            .or_else(|| (v <= 1).then(|| np_after(text, &toks, v + 1)).flatten())
                    })
                    .or_else(|| {
                        // "Ortega pitched the plan, saying …" / "… and said": the verb's subject
                        // is its sentence's.
                        if passive {
                            return None;
                        }
                        let sent = last_at_or_before(starts, pos)?;
                        let i = mentions.partition_point(|m| m.pos < pos).checked_sub(1)?;
                        mentions
                            .get(i)
                            .filter(|m| m.sentence == sent)
                            .map(|m| m.subj.clone())
                    })
            };
            if let Some(subj) = subj {
                out.push(Claim {
                    pos,
                    para: *para,
                    subj,
                    according,
                    speaker: None,
                });
            }
        }
    }
    out
}

/// Organisations named outside quotations, for "the statement said", and the subject of
/// every sentence ([`Mention`]), for "he said".
pub(super) fn find_names(
    text: &str,
    segments: &[(usize, Range<usize>)],
    starts: &[usize],
) -> (Vec<(usize, usize, Run)>, Vec<Mention>) {
    let mut orgs = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    let mut toks = Vec::new();
    for (para, seg) in segments {
        toks.clear();
        scan::tokens_into(text, seg, &mut toks);
        let mut i = 0;
        while i < toks.len() {
            // A sentence opening with a pronoun or a description ("He vowed …", "The company
            // reported …") has that for subject.
            if let Some(t) = toks.get(i)
                && starts.binary_search(&t.r.start).is_ok()
                && let Some((subj, end)) = reference_subject(text, &toks, i)
            {
                mentions.push(Mention {
                    pos: t.r.start,
                    sentence: t.r.start,
                    para: *para,
                    subj,
                    speaker: None,
                });
                i = end;
                continue;
            }
            let Some((s, e)) = name_run_fwd_bounds(&toks, i) else {
                i += 1;
                continue;
            };
            if e <= i {
                i += 1;
                continue;
            }
            let sentence = last_at_or_before(starts, toks[s].r.start).unwrap_or(seg.start);
            let has_subject = mentions.last().is_some_and(|m| m.sentence == sentence);
            let subject = !has_subject && is_subject(&toks, i, s, e, sentence);
            let (is_run, maybe_org) = run_shape(&toks, s, e);
            if subject {
                // "Acme analyst Dana Ortega said": the name after the title noun, described.
                let run = match titled_name_after(&toks, e) {
                    Some(e2) => name_run_back(text, &toks, e2).map(|(_, r)| (e2, r)),
                    None => classify_run(text, &toks, s, e).map(|r| (e, r)),
                };
                if let Some((end, mut run)) = run {
                    if let Some(a) = enclosed_appositive(text, &toks, end) {
                        run.description = Some(match run.description.take() {
                            Some(d) => format!("{d}, {a}"),
                            None => a,
                        });
                    }
                    if run.kind == RunKind::Org {
                        orgs.push((run.span.start, *para, run.clone()));
                    }
                    mentions.push(Mention {
                        pos: run.span.start,
                        sentence,
                        para: *para,
                        subj: Subj::Name(run),
                        speaker: None,
                    });
                    i = end;
                    continue;
                }
            }
            if maybe_org
                && let Some(run) = classify_run(text, &toks, s, e)
                    .filter(|r| r.kind == RunKind::Org && !is_acronym(&r.name))
            {
                orgs.push((run.span.start, *para, run));
            }
            i = if is_run { e } else { i + 1 };
        }
    }
    (orgs, mentions)
}

/// "Tom Reyes, an Ohio Republican, opposed …": the words between two commas after a name,
/// when a lowercase word follows the second (a dozen words at most).
fn enclosed_appositive(text: &str, toks: &[Tok], end: usize) -> Option<String> {
    if toks.get(end)?.s != "," {
        return None;
    }
    let close = (end + 1..toks.len().min(end + 14)).find(|&k| toks[k].s == ",")?;
    let verb = toks
        .get(close + 1)
        .is_some_and(|t| t.s.chars().all(char::is_lowercase));
    if !verb || close == end + 1 {
        return None;
    }
    Some(collapse_spaces(sub(
        text,
        &(toks[end + 1].r.start..toks[close - 1].r.end),
    )))
}

/// A pronoun or a description opening the sentence at `toks[i]`, followed by its verb (a
/// lowercase word): "He vowed", "The president celebrated", "The bank added". Returns it and
/// where it ends.
fn reference_subject(text: &str, toks: &[Tok], i: usize) -> Option<(Subj, usize)> {
    // "But the bank said": after a word that opens a clause.
    let i = if toks.get(i).is_some_and(|t| is_in(CLAUSE_OPENERS, t.s)) {
        i + 1
    } else {
        i
    };
    let first = toks.get(i)?;
    let verb_at = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.s.chars().next().is_some_and(char::is_lowercase)
                && t.s.chars().all(|c| c.is_alphabetic())
                && !is_in(PASSIVE, t.s)
        })
    };
    match first.s {
        "He" | "She" if verb_at(i + 1) => {
            return Some((
                Subj::Personal {
                    female: first.s == "She",
                },
                i + 1,
            ));
        }
        "It" if verb_at(i + 1) => return Some((Subj::It, i + 1)),
        "The" | "the" => {}
        _ => return None,
    }
    // "The [modifiers] noun verb": the head is the last word before the verb.
    let head = (i + 1..toks.len().min(i + 5)).find(|&k| {
        let h = toks[k].s;
        REF_PERSON_NOUNS_SET.contains(h)
            || REF_ORG_NOUNS_SET.contains(h)
            || TITLE_WORDS_SET.contains(h)
            || h.ends_with("-old")
    })?;
    if !verb_at(head + 1) {
        return None;
    }
    let subj = if TITLE_WORDS_SET.contains(toks[head].s) && head == i + 1 {
        Subj::Reference {
            person: true,
            described: None,
            document: false,
        }
    } else {
        np_back(text, &toks[i..], head + 1 - i)?
    };
    matches!(subj, Subj::Reference { .. }).then_some((subj, head + 1))
}

/// Whether the capitalised run `toks[s..e]` (read from `toks[from]`, which may be "the") is
/// its sentence's subject: at the start of the sentence or a clause, not possessive, and
/// followed by a lowercase word or an appositive.
fn is_subject(toks: &[Tok], from: usize, s: usize, e: usize, sentence: usize) -> bool {
    let Some(last) = toks.get(e - 1) else {
        return false;
    };
    let lead = if from < s { from } else { s };
    let opens_sentence = lead
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_none_or(|t| t.r.start < sentence);
    if last.s.ends_with("’s") || last.s.ends_with("'s") {
        // "Ortega’s plan drew fire": a possessive opening its sentence names its subject,
        // unless what it possesses is a person ("Ortega’s aide said").
        return opens_sentence
            && toks.get(e).is_some_and(|t| {
                t.s.chars().all(|c| c.is_lowercase())
                    && !TITLE_NOUNS_SET.contains(t.s)
                    && !REF_PERSON_NOUNS_SET.contains(t.s)
                    && !PLURAL_PERSON_NOUNS_SET.contains(t.s)
            });
    }
    let after_ok = toks.get(e).is_some_and(|t| {
        t.s == ","
            || (t.s.chars().next().is_some_and(char::is_lowercase)
                && t.s.chars().all(|c| c.is_alphabetic() || c == '-'))
    }) || titled_name_after(toks, e).is_some();
    if !after_ok {
        return false;
    }
    match lead.checked_sub(1).and_then(|k| toks.get(k)) {
        None => true,
        Some(t) if t.r.start < sentence => true,
        Some(t) => {
            matches!(t.s, "," | ";" | ":" | "—" | "–")
                || is_in(CLAUSE_OPENERS, t.s)
                || TITLE_NOUNS_SET.contains(t.s)
        }
    }
}

/// "Acme analyst Dana Ortega": after a capitalised run, up to three lowercase words ending
/// in a title noun, then a name; returns where that name ends.
fn titled_name_after(toks: &[Tok], e: usize) -> Option<usize> {
    let mut k = e;
    while k < toks.len() && k - e < 3 && TITLE_NOUNS_SET.contains(toks[k].s) {
        k += 1;
    }
    if k == e {
        return None;
    }
    let (_, end) = name_run_fwd_bounds(toks, k).filter(|(st, _)| *st == k)?;
    Some(end)
}
