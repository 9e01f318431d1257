//! Tense cues: which way a sentence points from the publication date ("will meet Friday",
//! "met Friday"), from the nearest cue word around the date, read word by word within its
//! clause (see docs/dates.md).

use std::ops::Range;

use super::Tense;
use super::tokens::{Tok, TokKind, tokens};

/// The tense the sentence gives the words at `at`, from the nearest cue word around them (see
/// docs/dates.md): `None` when there is no cue close enough.
pub fn tense_cue(sentence: &str, at: Range<usize>) -> Option<Tense> {
    let toks = tokens(sentence);
    let first_after = toks
        .iter()
        .position(|t| t.start >= at.end)
        .unwrap_or(toks.len());
    let last_before = toks.iter().rposition(|t| t.end <= at.start);

    let mut back: Option<(Tense, usize)> = None;
    if let Some(lb) = last_before {
        let mut words = 0;
        let mut i = lb + 1;
        while i > 0 {
            i -= 1;
            match toks[i].kind {
                TokKind::Hard => break,
                TokKind::Comma => {
                    let next = toks.get(i + 1).filter(|t| t.kind == TokKind::Word);
                    if next.is_some_and(|t| CLAUSE_CONJ.contains(&lower(t.text).as_str())) {
                        break;
                    }
                }
                TokKind::Word => {
                    words += 1;
                    if words > BACK_WINDOW {
                        break;
                    }
                    match classify(&toks, i) {
                        Some(Cue::Tense(t)) => {
                            back = Some((t, words));
                            break;
                        }
                        Some(Cue::Stop) => break,
                        None => {}
                    }
                }
            }
        }
    }

    // Words after the date count only inside its clause; an opening adverbial ("On Wednesday,
    // Oralov requested ...") takes its verb from across the comma.
    let clause_start = last_before
        .and_then(|lb| toks[..=lb].iter().rposition(|t| t.kind != TokKind::Word))
        .map_or(0, |p| p + 1);
    let intro = toks[clause_start..last_before.map_or(0, |lb| lb + 1)]
        .iter()
        .all(|t| INTRO.contains(&lower(t.text).as_str()));
    let mut fwd: Option<(Tense, usize)> = None;
    let mut words = 0;
    let mut commas = 0;
    for i in first_after..toks.len() {
        match toks[i].kind {
            TokKind::Hard => break,
            TokKind::Comma => {
                commas += 1;
                if !(intro && commas == 1 && words == 0) {
                    break;
                }
            }
            TokKind::Word => {
                words += 1;
                if words > FWD_WINDOW {
                    break;
                }
                match classify(&toks, i) {
                    Some(Cue::Tense(t)) => {
                        fwd = Some((t, words));
                        break;
                    }
                    Some(Cue::Stop) => break,
                    None => {}
                }
            }
        }
    }
    match (back, fwd) {
        (Some((b, db)), Some((f, df))) => Some(if df < db { f } else { b }),
        (Some((b, _)), None) => Some(b),
        (None, Some((f, _))) => Some(f),
        (None, None) => None,
    }
}

const BACK_WINDOW: usize = 10;
const FWD_WINDOW: usize = 8;

const FUTURE_WORDS: &[&str] = &[
    "will",
    "shall",
    "won't",
    "upcoming",
    "forthcoming",
    "next",
    "due",
    "scheduled",
    "slated",
    "planned",
    "plans",
    "plan",
    "intends",
    "begins",
    "begin",
    "starts",
    "opens",
    "resumes",
    "resume",
    "convenes",
    "convene",
    "expected",
    "ahead",
    "coming",
];
const PAST_WORDS: &[&str] = &[
    "ago",
    "earlier",
    "previously",
    "last",
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "met",
    "took",
    "sent",
    "began",
    "held",
    "came",
    "went",
    "made",
    "gave",
    "spoke",
    "left",
    "saw",
    "won",
    "lost",
    "fell",
    "rose",
    "flew",
    "struck",
    "fought",
    "broke",
    "ran",
    "kept",
    "brought",
    "thought",
    "found",
    "became",
    "wrote",
    "chose",
    "drew",
    "led",
    "paid",
    "sold",
    "stood",
    "heard",
    "shot",
    "threw",
    "knew",
    "got",
    "sat",
    "felt",
    "meant",
    "spent",
    "built",
    "fled",
    "laid",
    "understood",
    "withdrew",
    "overthrew",
    "undertook",
    "forgot",
    "arose",
    "swore",
    "stole",
    "hid",
    "rode",
    "shook",
    "sank",
    "sought",
    "caught",
    "taught",
    "bought",
    "dealt",
    "upheld",
    "oversaw",
    "wasn't",
    "weren't",
    "hadn't",
    "didn't",
];
/// Modal and conditional words: the time they give is not the calendar's, so they end the
/// search with no cue ("said he would meet Monday" says nothing about which Monday).
const STOP_WORDS: &[&str] = &[
    "would", "could", "might", "may", "should", "must", "can", "if", "unless", "whether",
    "wouldn't", "couldn't",
];
/// Words that end in -ed without being past tense.
const ED_NOT_PAST: &[&str] = &[
    "hundred",
    "united",
    "indeed",
    "kindred",
    "sacred",
    "naked",
    "wicked",
    "rugged",
    "ragged",
    "beloved",
    "crooked",
    "wretched",
    "alleged",
    "armed",
    "based",
    "advanced",
    "limited",
    "detailed",
    "unprecedented",
    "interested",
    "concerned",
    "red",
    "bed",
    "need",
    "shed",
];
const AUX: &[&str] = &[
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "is",
    "are",
    "am",
    "was",
    "were",
    "not",
    "also",
    "already",
    "to",
    "then",
    "reportedly",
];
const CLAUSE_CONJ: &[&str] = &[
    "then", "but", "while", "whereas", "although", "though", "because", "so", "yet",
];
const INTRO: &[&str] = &[
    "on", "by", "until", "since", "from", "and", "but", "then", "so", "also", "late", "early",
    "as", "of", "the", "before", "after", "starting", "last", "next", "this",
];

pub(super) enum Cue {
    Tense(Tense),
    Stop,
}

/// What the word at `i` says about time. Only lowercase words count: "Will" and "May" are
/// names as often as verbs, and past-tense verbs are not capitalised inside a sentence.
pub(super) fn classify(toks: &[Tok], i: usize) -> Option<Cue> {
    let t = toks.get(i)?;
    if t.kind != TokKind::Word {
        return None;
    }
    let w = lower(t.text);
    // "She'll", "We'll": the contraction is a verb whatever the case of the pronoun.
    if w.ends_with("'ll") {
        return Some(Cue::Tense(Tense::Future));
    }
    if !t.text.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    if STOP_WORDS.contains(&w.as_str()) {
        return Some(Cue::Stop);
    }
    if FUTURE_WORDS.contains(&w.as_str()) {
        return Some(Cue::Tense(Tense::Future));
    }
    let past = PAST_WORDS.contains(&w.as_str()) || looks_past_ed(&w);
    if !past {
        return None;
    }
    // The auxiliaries before a participle decide its time: "will be held" is future, "are
    // held" present (no cue), "were held" and plain "held" past.
    let mut j = i;
    let mut present = false;
    while j > 0 {
        j -= 1;
        let Some(prev) = toks.get(j).filter(|t| t.kind == TokKind::Word) else {
            break;
        };
        let p = lower(prev.text);
        if p == "will" || p == "shall" || p.ends_with("'ll") || p == "to" {
            return Some(Cue::Tense(Tense::Future));
        }
        if !AUX.contains(&p.as_str()) {
            break;
        }
        present |= matches!(p.as_str(), "is" | "are" | "am");
    }
    if present {
        None
    } else {
        Some(Cue::Tense(Tense::Past))
    }
}

fn looks_past_ed(w: &str) -> bool {
    w.len() >= 5
        && w.ends_with("ed")
        && !w.contains('-')
        && !ED_NOT_PAST.contains(&w)
        && (!w.ends_with("eed") || matches!(w, "agreed" | "freed" | "guaranteed"))
}

fn lower(s: &str) -> String {
    s.to_lowercase().replace('’', "'")
}
