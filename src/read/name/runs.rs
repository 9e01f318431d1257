//! The second pass: runs of capitalised words joined by single spaces (with connectors such
//! as "of" inside) read as names, split at stop words and titles, and cleared of
//! sentence-initial common words with the article's evidence.

use super::evidence::Vocabulary;
use super::lines::{Batch, joined_by_space};
use super::lists::{CONNECTOR, LOWER_TITLE, MAY_CUE, STOP, TITLE, TITLE_MODIFIER};
use super::word::Word;
use super::{NameKind, NameMention};
use crate::text::collapse_spaces;

/// Second pass: runs of capitalised words joined by single spaces, with connectors inside,
/// each read as names.
pub(super) fn read_names(
    b: &Batch,
    ev: &Vocabulary,
    run: &mut Vec<usize>,
    out: &mut Vec<NameMention>,
) {
    let ctx = Ctx { b, ev };
    let words = b.words;
    let flush = |run: &mut Vec<usize>, out: &mut Vec<NameMention>| {
        while run.last().is_some_and(|&j| !words[j].cap) {
            run.pop();
        }
        if !run.is_empty() {
            process_run(&ctx, run, out);
        }
        run.clear();
    };
    run.clear();
    for i in b.from..b.to {
        let w = &words[i];
        let joins = run
            .last()
            .is_some_and(|&p| !words[p].ends_seq && joined_by_space(b.text, words[p].end, w.start));
        if w.cap {
            if !joins {
                flush(run, out);
            }
            run.push(i);
        } else if joins && is_connector(b, run, i) {
            run.push(i);
        } else {
            flush(run, out);
        }
    }
    flush(run, out);
}

/// A lowercase word inside a name: from the list, at most two in a row, "the" only after "of".
fn is_connector(b: &Batch, run: &[usize], i: usize) -> bool {
    if !b.words[i].is(CONNECTOR) {
        return false;
    }
    let w = b.lower(&b.words[i]);
    // The lowercase words at the end of the run, last first.
    let mut pending = run
        .iter()
        .rev()
        .take_while(|&&j| !b.words[j].cap)
        .map(|&j| b.lower(&b.words[j]));
    match (pending.next(), pending.next()) {
        (None, _) => w != "the",
        (Some("of"), None) => w == "the" || w == "der",
        (Some("von" | "van" | "de"), None) => w != "of",
        _ => false,
    }
}

pub(super) fn is_stop(b: &Batch, i: usize) -> bool {
    let w = &b.words[i];
    if !w.cap {
        return false;
    }
    if w.is(STOP) {
        return true;
    }
    if b.lower(w) == "may" {
        let next_num = b.words.get(i + 1).is_some_and(|n| n.numeric);
        let prev = i.checked_sub(1).and_then(|p| b.words.get(p));
        let prev_cue = prev.is_some_and(|p| p.numeric || p.is(MAY_CUE));
        return next_num || prev_cue;
    }
    false
}

fn is_title_part(w: &Word) -> bool {
    w.is(TITLE | TITLE_MODIFIER)
}

struct Ctx<'c, 'a, 'b, 'e> {
    b: &'c Batch<'a, 'b>,
    ev: &'c Vocabulary<'e>,
}

fn process_run(ctx: &Ctx, run: &[usize], out: &mut Vec<NameMention>) {
    let b = ctx.b;
    let words = b.words;
    // Person mark from a lowercase title right before the run ("spokesman Emil Dravik").
    let first = run[0];
    let lower_title_before = first > 0 && {
        let p = &words[first - 1];
        !p.cap && p.is(LOWER_TITLE) && joined_by_space(b.text, p.end, words[first].start)
    };
    // Split at stop words and (in headlines) at words not known from running text. A piece
    // is "initial" if everything before it in the run was dropped and the run opens a sentence.
    let mut piece: Vec<usize> = Vec::new();
    let mut piece_initial = words[first].initial;
    let mut all_dropped_so_far = true;
    for &j in run {
        let w = &words[j];
        let drop = w.cap
            && (is_stop(b, j)
                || (b.headline && !ctx.ev.get(b.lower(w)).mid_caps && !is_title_part(w)));
        if drop {
            emit_piece(
                ctx,
                &piece,
                piece_initial,
                lower_title_before && piece.first() == Some(&first),
                out,
            );
            piece.clear();
            piece_initial = all_dropped_so_far && words[first].initial;
        } else {
            if piece.is_empty() && !w.cap {
                continue; // a connector cannot open a name
            }
            piece.push(j);
            all_dropped_so_far = false;
        }
    }
    emit_piece(
        ctx,
        &piece,
        piece_initial,
        lower_title_before && piece.first() == Some(&first),
        out,
    );
}

fn emit_piece(
    ctx: &Ctx,
    piece: &[usize],
    initial: bool,
    person_before: bool,
    out: &mut Vec<NameMention>,
) {
    let b = ctx.b;
    let words = b.words;
    let mut piece = piece;
    while piece.last().is_some_and(|&j| !words[j].cap) {
        piece = &piece[..piece.len() - 1];
    }
    if piece.is_empty() {
        return;
    }
    // Title chain: a run of title words that holds a core title; the name after it is a
    // person. The first such chain splits the piece.
    let mut k = 0;
    while k < piece.len() {
        if !is_title_part(&words[piece[k]]) || !words[piece[k]].cap {
            k += 1;
            continue;
        }
        let mut e = k;
        let mut has_core = false;
        while e < piece.len() && is_title_part(&words[piece[e]]) {
            has_core |= words[piece[e]].is(TITLE);
            e += 1;
        }
        if has_core {
            let pre = &piece[..k];
            emit_name(ctx, pre, initial, person_before, out);
            let mut post = &piece[e..];
            while post.first().is_some_and(|&j| !words[j].cap) {
                post = &post[1..];
            }
            if !post.is_empty() {
                emit_name(ctx, post, false, true, out);
            }
            return;
        }
        k = e;
    }
    emit_name(ctx, piece, initial, person_before, out);
}

fn emit_name(ctx: &Ctx, name: &[usize], initial: bool, person: bool, out: &mut Vec<NameMention>) {
    let b = ctx.b;
    let words = b.words;
    let mut name = name;
    while name.last().is_some_and(|&j| !words[j].cap) {
        name = &name[..name.len() - 1];
    }
    if initial && !person {
        // Drop sentence-initial common words until a word looks like a name.
        while let Some(&j) = name.first() {
            let w = &words[j];
            let lower = b.lower(w);
            let next_is_cap = name.get(1).is_some_and(|&n| words[n].cap);
            let seen = ctx.ev.get(lower);
            let known = seen.mid_caps;
            let written_lower = seen.lower > 0;
            // "Undermining Brenholm and ...": a sentence-opening participle or adverb.
            let chars = lower.chars().count();
            let verb_like =
                (lower.ends_with("ing") && chars >= 8) || (lower.ends_with("ly") && chars >= 6);
            if known || (next_is_cap && !written_lower && !verb_like) {
                break;
            }
            name = &name[1..];
            while name.first().is_some_and(|&n| !words[n].cap) {
                name = &name[1..];
            }
            // The next word follows a dropped one: it is initial only if directly adjacent.
            if name
                .first()
                .is_some_and(|&n| !joined_by_space(b.text, w.end, words[n].start))
            {
                break;
            }
        }
    } else if !person && name.len() == 1 {
        // Mid-sentence capitals that the article mostly writes in lowercase ("..., People
        // said") are common words.
        let seen = ctx.ev.get(b.lower(&words[name[0]]));
        if seen.lower > seen.caps {
            return;
        }
    }
    let (Some(&first), Some(&last)) = (name.first(), name.last()) else {
        return;
    };
    let span = words[first].start..words[last].end;
    let Some(raw) = b.text.get(span.clone()) else {
        return;
    };
    let kind = name_kind(ctx, name, person);
    out.push(NameMention {
        span,
        text: collapse_spaces(raw),
        kind,
    });
}

/// Last words that make a name an organisation's ("Drug Administration", "Acme Group").
#[rustfmt::skip]
const ORG_HEADS: &[&str] = &[
    "administration", "agency", "alliance", "association", "authority", "bank", "board",
    "bureau", "cabinet", "college", "commission", "committee", "company", "congress", "corp",
    "corporation", "council", "court", "department", "directorate", "fund", "foundation",
    "government", "group", "inc", "institute", "league", "ltd", "ministry", "office",
    "organisation", "organization", "parliament", "party", "police", "reserve", "school",
    "senate", "service", "society", "union", "university", "plc", "llc", "holdings",
];

/// Lowercase words before a name that make it a place ("in Tarsis", "from Tarsis").
const PLACE_CUES: &[&str] = &[
    "in",
    "from",
    "near",
    "outside",
    "across",
    "throughout",
    "via",
    "inside",
];

/// Speech verbs right after a name of two words or more that make it a person's
/// ("Dana Ortega said").
const SPEECH_AFTER: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "writes",
    "tweeted",
    "explained",
    "noted",
    "argued",
    "warned",
    "asked",
];

/// What kind of name a mention is, from general cues around it (no gazetteer): a title or
/// honorific before it, or a speech verb after a name of two words or more, makes a person;
/// an organisation word as its last word (or first, before "of": "Bank of Tarsis") an
/// organisation; "in", "from", "near" … before it a place; a name every word of which the
/// article also writes in lowercase is a common word or phrase.
fn name_kind(ctx: &Ctx, name: &[usize], person: bool) -> NameKind {
    let b = ctx.b;
    let words = b.words;
    if person {
        return NameKind::Person;
    }
    let (Some(&first), Some(&last)) = (name.first(), name.last()) else {
        return NameKind::Unknown;
    };
    let lower = |j: usize| b.lower(&words[j]);
    let org_first = name.len() >= 3 && name.get(1).is_some_and(|&j| lower(j) == "of");
    if ORG_HEADS.contains(&lower(last)) || (org_first && ORG_HEADS.contains(&lower(first))) {
        return NameKind::Organisation;
    }
    let possessive = b
        .text
        .get(words[last].end..words[last].raw_end)
        .is_some_and(|t| t.starts_with("'s") || t.starts_with("’s"));
    let joined = |p: usize, n: usize| joined_by_space(b.text, words[p].end, words[n].start);
    let next = words.get(last + 1).filter(|_| joined(last, last + 1));
    if name.len() >= 2 && !possessive && next.is_some_and(|n| SPEECH_AFTER.contains(&b.lower(n))) {
        return NameKind::Person;
    }
    let prev = first.checked_sub(1).filter(|&p| joined(p, first));
    if !possessive && prev.is_some_and(|p| !words[p].cap && PLACE_CUES.contains(&lower(p))) {
        return NameKind::Place;
    }
    // Every word also written in lowercase: a capitalised common word or phrase ("Food",
    // "Market Data" in a masthead beside "market data"), never a person's name.
    if name.iter().all(|&j| ctx.ev.get(lower(j)).lower > 0) {
        return NameKind::Common;
    }
    NameKind::Unknown
}
