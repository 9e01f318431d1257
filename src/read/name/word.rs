//! One word of the text as the name reader sees it: the part of a scanned word that can be a
//! name token, its lowercase form, and the lists it is on.

use std::ops::Range;

use super::lists::{ABBREVIATION, PARTICLE, TITLE, lists_of};
use super::scan;

/// One word of the text as the name reader sees it.
#[derive(Debug, Clone)]
pub(super) struct Word {
    /// Byte range of the part kept (possessive, lowercase hyphen tail, ".org" cut off).
    pub(super) start: usize,
    pub(super) end: usize,
    /// End of the word as scanned, before any cut: the next word's gap starts here.
    pub(super) raw_end: usize,
    /// Where the kept part's lowercase form is, in the `lower` text of its buffer.
    pub(super) lower: Range<usize>,
    /// Starts with an uppercase letter (or is a dotted acronym).
    pub(super) cap: bool,
    /// Something was cut off the end (possessive, "-led", ".org") or it is a dotted
    /// acronym: no name continues past it.
    pub(super) ends_seq: bool,
    /// Starts with a digit.
    pub(super) numeric: bool,
    /// Opens the body, a line or a sentence.
    pub(super) initial: bool,
    /// The lists the lowercase form is on ([`super::lists::STOP`],
    /// [`super::lists::CONNECTOR`], ...).
    pub(super) lists: u8,
}

impl Word {
    pub(super) fn is(&self, list: u8) -> bool {
        self.lists & list != 0
    }
}

/// Appends `s` in lowercase, exactly as `str::to_lowercase` writes it, without allocating
/// (except for a capital sigma, whose lowercase depends on its place in the word).
pub(super) fn push_lowercase(out: &mut String, s: &str) {
    if s.is_ascii() {
        let from = out.len();
        out.push_str(s);
        if let Some(added) = out.get_mut(from..) {
            added.make_ascii_lowercase();
        }
    } else if s.contains('Σ') {
        out.push_str(&s.to_lowercase());
    } else {
        out.extend(s.chars().flat_map(char::to_lowercase));
    }
}

/// Splits a scanned word into the part that can be a name token, and appends that part's
/// lowercase form to `lower`.
pub(super) fn make_word(text: &str, found: scan::Found, lower: &mut String) -> Option<Word> {
    let (start, raw_end) = (found.start, found.end);
    let s = text.get(start..raw_end)?;
    let first = s.chars().next()?;
    let numeric = first.is_numeric();
    let mut end = raw_end;
    let mut ends_seq = false;
    let mut cap = first.is_uppercase();

    // Possessives, dots and hyphens need a separator inside the word.
    if found.joined {
        // Possessive: "Tarkiv’s" -> "Tarkiv"; a name does not continue past it.
        for suffix in ["'s", "’s", "'S", "’S"] {
            if let Some(stem) = s.strip_suffix(suffix)
                && !stem.is_empty()
            {
                end = start + stem.len();
                ends_seq = true;
                break;
            }
        }
        let mut kept = text.get(start..end)?;

        // Dots: "U.S" is an acronym (take its final dot too); "Dalnews.org" keeps "Dalnews".
        if kept.contains('.') {
            let is_acronym = kept
                .split('.')
                .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
            if is_acronym {
                if text.get(end..).is_some_and(|rest| rest.starts_with('.')) {
                    end += 1;
                }
                ends_seq = true;
            } else if let Some(dot) = kept.find('.') {
                end = start + dot;
                ends_seq = true;
            }
            kept = text.get(start..end)?;
        }

        // Hyphens: keep the leading capitalised parts ("Rustam-Bek", but "Marovia-led" ->
        // "Marovia"); "al-Rashani" is a name although it starts lowercase.
        if kept.contains(['-', '‐']) {
            let parts: Vec<(usize, &str)> = split_keep_offsets(kept, &['-', '‐']);
            let starts_upper = |p: &str| p.chars().next().is_some_and(char::is_uppercase);
            if !cap {
                let particle = parts.first().map(|(_, p)| *p).unwrap_or_default();
                let second_upper = parts.get(1).is_some_and(|(_, p)| starts_upper(p));
                if lists_of(particle) & PARTICLE != 0 && second_upper {
                    cap = true;
                }
            }
            if cap {
                let mut keep_to = None;
                for (i, (off, p)) in parts.iter().enumerate() {
                    let particle_ok = i == 0 && lists_of(p) & PARTICLE != 0;
                    if starts_upper(p) || particle_ok {
                        keep_to = Some(off + p.len());
                    } else {
                        ends_seq = true;
                        break;
                    }
                }
                if let Some(k) = keep_to {
                    end = start + k;
                }
            }
        }
    }
    let kept = text.get(start..end)?;
    // A single capital letter is an initial or debris ("R.Politik"), not a name token.
    if cap && kept.chars().filter(|c| c.is_alphabetic()).nth(1).is_none() {
        cap = false;
    }
    let from = lower.len();
    push_lowercase(lower, kept);
    let lists = lower.get(from..).map_or(0, lists_of);
    let mut word = Word {
        start,
        end,
        raw_end,
        lower: from..lower.len(),
        cap,
        ends_seq,
        numeric,
        initial: false,
        lists,
    };
    // Abbreviated titles keep their dot ("Mr." is not a sentence end).
    if cap
        && !ends_seq
        && word.is(ABBREVIATION)
        && text.get(end..).is_some_and(|r| r.starts_with('.'))
    {
        word.end += 1;
        word.raw_end += 1;
        lower.push('.');
        word.lower.end += 1;
        // No list holds a dot: "mr." is a title (read without its dot) and nothing else.
        word.lists &= TITLE;
    }
    Some(word)
}

fn split_keep_offsets<'a>(s: &'a str, seps: &[char]) -> Vec<(usize, &'a str)> {
    let mut out = Vec::new();
    let mut last = 0;
    for (i, c) in s.char_indices() {
        if seps.contains(&c) {
            if let Some(p) = s.get(last..i) {
                out.push((last, p));
            }
            last = i + c.len_utf8();
        }
    }
    if let Some(p) = s.get(last..) {
        out.push((last, p));
    }
    out
}
