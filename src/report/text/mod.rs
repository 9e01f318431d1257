//! The terminal report: a facts × sources table, conflicts marked, evidence below.
//!
//! Columns are numbered sources (\[1\], \[2\], …) with a legend, because outlet names are too
//! long to head a column. Values in a cell are the canonical forms; the evidence below each
//! fact quotes the sentence with the value's words in \[brackets\] and gives file:line:column,
//! the form editors and terminals turn into a link.
//!
//! [`TextOptions`] says how wide the page is and whether to colour it; the CLI fills them
//! from the terminal (tests pass fixed values). With a width, long lines wrap at word
//! boundaries under an indent, and the table is never broken: cells are first cut with an
//! ellipsis down to [`MIN_CELL`], then the table turns into one line of values per fact.
//! Without a width (the default), nothing wraps and the table is as wide as it needs.

use std::io::{self, Write};

mod page;

use page::{MIN_TEXT, Page, Style, cut, pad, strip_trailing, visible_width, water_fill, width};

use super::cards::QuoteCards;
use super::{Evidence, Report};
use crate::compare::name::VariantKind;
use crate::compare::quote::DiffOp;
use crate::compare::{QuoteStatus, Status};
use crate::read::quote::QuoteKind;
use crate::text::visible::{Visible, holds_escape};

/// Longest value shown in a table cell before it is cut with an ellipsis.
const CELL_MAX: usize = 40;
/// Longest sentence shown as evidence before it is cut around the value.
const SENTENCE_MAX: usize = 220;
/// Narrowest a table cell is cut to before the table turns into a list.
pub const MIN_CELL: usize = 12;

/// How the text report is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextOptions {
    /// Columns to fit in; `None` for no limit (nothing wraps).
    pub width: Option<usize>,
    /// Colour with ANSI escape codes.
    pub color: bool,
    /// Only the disagreements (`check --quiet`): facts in conflict or framed differently,
    /// quotation cards worded or attributed differently, names and problems.
    pub quiet: bool,
}

fn status_style(status: Status) -> Option<Style> {
    match status {
        Status::Conflict => Some(Style::Red),
        Status::Framing => Some(Style::Magenta),
        Status::Loose => Some(Style::Yellow),
        Status::Agree => Some(Style::Green),
        Status::Single | Status::Unresolved | Status::None => None,
    }
}

fn quote_style(s: QuoteStatus) -> Option<Style> {
    match s {
        QuoteStatus::AttributionConflict => Some(Style::Red),
        QuoteStatus::Reworded => Some(Style::Magenta),
        QuoteStatus::Shortened => Some(Style::Yellow),
        QuoteStatus::Same => Some(Style::Green),
        QuoteStatus::Single => None,
    }
}

/// The status's marker; a fact no source states gets none, so the table stays quiet.
fn marker(status: Status) -> &'static str {
    match status {
        Status::None => " ",
        s => s.marker(),
    }
}

fn write_sources(r: &Report, p: &mut Page) -> io::Result<()> {
    writeln!(p.out, "Sources")?;
    let fw = r.sources.iter().map(|s| width(&s.file)).max().unwrap_or(0);
    for s in &r.sources {
        let first = format!("  [{}] {}  ", s.number, pad(&s.file, fw));
        let mut text = format!(
            "{}  published {}",
            s.source,
            s.published.as_deref().unwrap_or("unknown")
        );
        if let Some(note) = s.reading_note() {
            text.push_str(&format!("  ({note})"));
        }
        let indent = if width(&first) + MIN_TEXT <= p.opts.width.unwrap_or(usize::MAX) {
            width(&first)
        } else {
            6
        };
        p.para(&first, indent, &text, &[])?;
    }
    Ok(())
}

/// `crosscheck check` as text, fitted to `opts` (by default as wide as it needs and
/// without colour).
pub fn write_check(r: &Report, opts: TextOptions, out: &mut dyn Write) -> io::Result<()> {
    shown(opts, out, |opts, out| check_page(r, opts, out))
}

/// Write a page through [`Visible`], so that no control or bidi character from an article,
/// a file name or a rule reaches the terminal or log as itself. Colour is kept only when
/// the page without colour holds no ESC, so every colour code that passes is the page's own.
fn shown(
    opts: TextOptions,
    out: &mut dyn Write,
    page: impl Fn(TextOptions, &mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let plain = TextOptions {
        color: false,
        ..opts
    };
    let color = opts.color && !holds_escape(|w| page(plain, w));
    let mut v = Visible::new(out, color);
    page(TextOptions { color, ..opts }, &mut v)?;
    v.flush()
}

fn check_page(r: &Report, opts: TextOptions, out: &mut dyn Write) -> io::Result<()> {
    let p = &mut Page { out, opts };
    if let Some(story) = &r.story {
        p.para("", 0, story, &[(0, story.len(), Style::Bold)])?;
    }
    let conflicts = r
        .facts
        .iter()
        .filter(|f| f.status == Status::Conflict)
        .count();
    let framing = r
        .facts
        .iter()
        .filter(|f| f.status == Status::Framing)
        .count();
    writeln!(
        p.out,
        "{} article{}, {} fact{}: {}, {}",
        r.sources.len(),
        plural(r.sources.len()),
        r.facts.len(),
        plural(r.facts.len()),
        p.paint(
            &format!("{} conflict{}", conflicts, plural(conflicts)),
            (conflicts > 0).then_some(Style::Red)
        ),
        p.paint(
            &format!(
                "{} framing difference{}",
                framing,
                if framing == 1 { "" } else { "s" }
            ),
            (framing > 0).then_some(Style::Magenta)
        ),
    )?;
    writeln!(p.out)?;
    write_sources(r, p)?;
    writeln!(p.out)?;
    // Quiet: the same report without what agrees.
    let quiet;
    let r = if p.opts.quiet {
        quiet = Report {
            facts: r
                .facts
                .iter()
                .filter(|f| f.status.is_disagreement())
                .cloned()
                .collect(),
            quote_findings: r
                .quote_findings
                .iter()
                .filter(|q| super::cards::quote_is_disagreement(q.status))
                .cloned()
                .collect(),
            ..r.clone()
        };
        if quiet.facts.is_empty() && quiet.quote_findings.is_empty() {
            writeln!(p.out, "No disagreements.")?;
        }
        &quiet
    } else {
        r
    };
    write_table(r, p)?;
    writeln!(p.out)?;
    let legend: Vec<String> = [
        (Status::Conflict, "conflict"),
        (Status::Framing, "framing"),
        (Status::Loose, "loose agreement"),
        (Status::Agree, "agree"),
        (Status::Single, "one source"),
        (Status::Unresolved, "unresolved"),
    ]
    .iter()
    .map(|(s, word)| format!("{} {word}", p.paint(marker(*s), status_style(*s))))
    .chain(["- not stated".to_string()])
    .collect();
    // Led by "Key:" and wrapped under its first item, so a wrapped line never starts with
    // a marker that reads as a list (`- not stated`).
    write_items(p, "Key: ", 5, &legend)?;

    // Evidence per fact.
    for f in &r.facts {
        writeln!(p.out)?;
        let mk = p.paint(marker(f.status), status_style(f.status));
        let head = format!("{} — {}: ", f.fact, f.label);
        let text = format!("{head}{}", f.status);
        p.para(
            &format!("{mk} "),
            4,
            &text,
            &[
                (0, f.fact.len(), Style::Bold),
                (
                    head.len(),
                    text.len(),
                    status_style(f.status).unwrap_or(Style::Bold),
                ),
            ],
        )?;
        if f.cells.is_empty() {
            writeln!(p.out, "  no source states it")?;
        }
        for c in &f.cells {
            for &i in &c.evidence {
                write_evidence(&r.evidence[i], p)?;
            }
        }
        for d in &f.disagreements {
            let first = format!("  {} ", p.paint("!", Some(Style::Red)));
            p.para(&first, 4, d, &[])?;
        }
        for n in &f.notes {
            p.para("  note: ", 4, n, &[])?;
        }
    }
    write_quotes(r, p)?;
    write_names(r, p)?;
    write_problems(r, p)
}

/// Items separated by two spaces, wrapped between items (never inside one unless it alone
/// is too wide, when it is cut). Widths ignore colour codes: `items` may be painted, so
/// their width is measured without escape sequences.
fn write_items(p: &mut Page, first: &str, indent: usize, items: &[String]) -> io::Result<()> {
    let limit = p.opts.width.unwrap_or(usize::MAX);
    let mut line = first.to_string();
    let mut used = visible_width(first);
    let mut empty = true;
    for item in items {
        let w = visible_width(item);
        if !empty && used + 2 + w > limit {
            writeln!(p.out, "{}", line.trim_end())?;
            line = " ".repeat(indent);
            used = indent;
            empty = true;
        }
        if !empty {
            line.push_str("  ");
            used += 2;
        }
        if used + w > limit && w == width(item) {
            let room = limit.saturating_sub(used).max(MIN_TEXT.min(w));
            line.push_str(&cut(item, room));
            used += room.min(w);
        } else {
            line.push_str(item);
            used += w;
        }
        empty = false;
    }
    writeln!(p.out, "{}", line.trim_end())
}

/// The facts × sources table, fitted to the width: cells cut down to [`MIN_CELL`], then, if
/// it still does not fit, one line of `[n] value` items per fact.
fn write_table(r: &Report, p: &mut Page) -> io::Result<()> {
    let mut header = vec!["Fact".to_string(), "Status".to_string()];
    header.extend(r.sources.iter().map(|s| format!("[{}]", s.number)));
    let mut rows: Vec<Vec<String>> = vec![header];
    for f in &r.facts {
        let mut row = vec![f.fact.clone(), format!("{} {}", marker(f.status), f.status)];
        for s in &r.sources {
            let cell = f.cells.iter().find(|c| c.source_number == s.number);
            row.push(match cell {
                Some(c) => cut(&c.values.join(", "), CELL_MAX),
                None => "-".into(),
            });
        }
        rows.push(row);
    }
    let cols = rows[0].len();
    let mut widths: Vec<usize> = (0..cols)
        .map(|i| rows.iter().map(|r| width(&r[i])).max().unwrap_or(0))
        .collect();
    if let Some(limit) = p.opts.width {
        let total = |ws: &[usize]| ws.iter().sum::<usize>() + 2 * ws.len().saturating_sub(1);
        if total(&widths) > limit {
            // Cut the widest source columns first, never below MIN_CELL (or their own width).
            let fixed = total(&widths[..2.min(cols)]) + 2 * (cols - 2.min(cols));
            let room = limit.saturating_sub(fixed);
            match water_fill(&widths[2.min(cols)..], room, MIN_CELL) {
                Some(cells) => {
                    widths.truncate(2.min(cols));
                    widths.extend(cells);
                }
                None => return write_fact_list(r, p, widths[0], widths[1]),
            }
        }
    }
    for (n, row) in rows.iter().enumerate() {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (c, w))| {
                let text = pad(&cut(c, *w), *w);
                match (n, i) {
                    (1.., 1) => p.paint(&text, status_style(r.facts[n - 1].status)),
                    (0, _) => p.paint(&text, Some(Style::Bold)),
                    _ => text,
                }
            })
            .collect();
        writeln!(p.out, "{}", strip_trailing(&line.join("  ")))?;
        if n == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
            writeln!(p.out, "{}", rule.join("  "))?;
        }
    }
    Ok(())
}

/// The narrow table: fact, status, then the values as `[n] value` items, wrapped.
fn write_fact_list(r: &Report, p: &mut Page, fact_w: usize, status_w: usize) -> io::Result<()> {
    let limit = p.opts.width.unwrap_or(usize::MAX);
    let lead = fact_w + 2 + status_w + 2;
    let stacked = lead + MIN_TEXT > limit;
    let items_of = |f: &super::FactReport| -> Vec<String> {
        f.cells
            .iter()
            .map(|c| format!("[{}] {}", c.source_number, c.values.join(", ")))
            .collect()
    };
    if stacked {
        // Too narrow even for that: a block per fact.
        for f in &r.facts {
            let status = format!("{} {}", marker(f.status), f.status);
            writeln!(
                p.out,
                "{}  {}",
                p.paint(&f.fact, Some(Style::Bold)),
                p.paint(&status, status_style(f.status))
            )?;
            let items = items_of(f);
            if items.is_empty() {
                writeln!(p.out, "    -")?;
            } else {
                write_items(p, "    ", 4, &items)?;
            }
        }
        return Ok(());
    }
    let values_w = limit - lead;
    writeln!(
        p.out,
        "{}",
        p.paint(
            &format!(
                "{}  {}  Values by source",
                pad("Fact", fact_w),
                pad("Status", status_w)
            ),
            Some(Style::Bold)
        )
    )?;
    writeln!(
        p.out,
        "{}  {}  {}",
        "─".repeat(fact_w),
        "─".repeat(status_w),
        "─".repeat(values_w)
    )?;
    for f in &r.facts {
        let status = pad(&format!("{} {}", marker(f.status), f.status), status_w);
        let first = format!(
            "{}  {}  ",
            pad(&f.fact, fact_w),
            p.paint(&status, status_style(f.status))
        );
        let items = items_of(f);
        if items.is_empty() {
            writeln!(p.out, "{first}-")?;
        } else {
            write_items(p, &first, lead, &items)?;
        }
    }
    Ok(())
}

/// Git's plain word-diff notation: `[-removed-]{+added+}`, readable without colour.
pub fn word_diff(diff: &[DiffOp]) -> String {
    word_diff_marked(diff).0
}

/// The word diff and where its removed (red) and added (green) pieces are.
fn word_diff_marked(diff: &[DiffOp]) -> (String, Vec<(usize, usize, Style)>) {
    let mut s = String::new();
    let mut marks = Vec::new();
    for (i, d) in diff.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        let start = s.len();
        match d {
            DiffOp::Same(w) => s.push_str(w),
            DiffOp::Removed(w) => {
                s.push_str(&format!("[-{w}-]"));
                marks.push((start, s.len(), Style::Red));
            }
            DiffOp::Added(w) => {
                s.push_str(&format!("{{+{w}+}}"));
                marks.push((start, s.len(), Style::Green));
            }
        }
    }
    (s, marks)
}

fn write_quotes(r: &Report, p: &mut Page) -> io::Result<()> {
    let model = QuoteCards::of(r);
    if model.quotations.is_empty() || (p.opts.quiet && model.cards.is_empty()) {
        return Ok(());
    }
    writeln!(p.out)?;
    let mut sources: Vec<usize> = model
        .quotations
        .iter()
        .map(|q| q.quote.source_number)
        .collect();
    sources.dedup();
    let title = format!(
        "Quotations ({} in {} sources)",
        model.quotations.len(),
        sources.len()
    );
    writeln!(p.out, "{}", p.paint(&title, Some(Style::Bold)))?;
    for card in &model.cards {
        writeln!(p.out)?;
        let status = format!("{} {}", card.marker, card.status.name());
        let who = card
            .who
            .as_ref()
            .map(|w| format!(": {w}"))
            .unwrap_or_default();
        let head = format!(
            "{} — {}{who}",
            p.paint(&status, quote_style(card.status)),
            card.sources
        );
        writeln!(p.out, "{head}")?;
        for m in &card.members {
            let q = m.quote;
            let text = format!("{}  {}:{}:{}", m.speaker.plain(), q.file, q.line, q.column);
            p.para(&format!("  [{}] ", q.source_number), 6, &text, &[])?;
            p.para("      ", 6, &m.note, &[])?;
            p.para("      ", 6, &format!("“{}”", q.text), &[])?;
            if m.changed {
                let (diff, marks) = word_diff_marked(&m.member.diff);
                p.para("      diff: ", 12, &diff, &marks)?;
            }
        }
    }
    if p.opts.quiet {
        return Ok(());
    }
    let mut current = 0;
    // Positions in one column, as wide as the widest `line:column`, so the speakers line up.
    let at = |q: &super::QuoteEntry| format!("{}:{}", q.line, q.column);
    let at_w = model
        .quotations
        .iter()
        .map(|item| width(&at(item.quote)))
        .max()
        .unwrap_or(0);
    for item in &model.quotations {
        let q = item.quote;
        if q.source_number != current {
            current = q.source_number;
            writeln!(p.out)?;
            writeln!(p.out, "[{}] {}", q.source_number, q.file)?;
        }
        let first = format!("  {}  ", pad(&at(q), at_w));
        let text = format!(
            "{}{}{}",
            item.speaker.plain(),
            if q.unbalanced {
                "  [unbalanced quote marks]"
            } else {
                ""
            },
            if item.only_here {
                "  (only this source)"
            } else {
                ""
            }
        );
        p.para(&first, 6, &text, &[])?;
        p.para(
            "      ",
            6,
            &format!("“{}”", cut(&q.text, SENTENCE_MAX)),
            &[],
        )?;
    }
    let phrases: Vec<String> = model
        .phrases
        .iter()
        .map(|q| format!("[{}] “{}”", q.source_number, q.text))
        .collect();
    if !phrases.is_empty() {
        writeln!(p.out)?;
        p.para(
            "",
            2,
            "Phrases in quote marks (fewer than four words, not quotations):",
            &[],
        )?;
        p.para("  ", 2, &phrases.join(", "), &[])?;
    }
    Ok(())
}

fn write_names(r: &Report, p: &mut Page) -> io::Result<()> {
    if r.names.is_empty() {
        return Ok(());
    }
    writeln!(p.out)?;
    let title = format!("Names spelled differently ({})", r.names.len());
    writeln!(p.out, "{}", p.paint(&title, Some(Style::Bold)))?;
    for n in &r.names {
        writeln!(p.out)?;
        writeln!(p.out, "{}", n.canonical)?;
        for s in &n.spellings {
            let (kind, style) = match s.kind {
                VariantKind::Canonical => ("canonical".to_string(), Some(Style::Green)),
                VariantKind::KnownVariant => ("known variant".to_string(), None),
                VariantKind::LikelyMisspelling => (
                    format!("likely misspelling (similarity {:.2})", s.similarity),
                    Some(Style::Red),
                ),
                VariantKind::Variant => (
                    format!("variant (similarity {:.2})", s.similarity),
                    Some(Style::Yellow),
                ),
            };
            let note = s
                .note
                .as_deref()
                .map(|n| format!(": {n}"))
                .unwrap_or_default();
            let mut by_source: Vec<(u32, usize)> = Vec::new();
            for u in &s.uses {
                match by_source.iter_mut().find(|(n, _)| *n == u.source_number) {
                    Some(e) => e.1 += 1,
                    None => by_source.push((u.source_number, 1)),
                }
            }
            let sources: Vec<String> = by_source
                .iter()
                .map(|(n, c)| {
                    if *c > 1 {
                        format!("[{n}] ×{c}")
                    } else {
                        format!("[{n}]")
                    }
                })
                .collect();
            let head = format!("“{}”  ", s.text);
            let text = format!("{head}{kind}{note}  in {}", sources.join(", "));
            let marks = [(
                head.len(),
                head.len() + kind.len(),
                style.unwrap_or(Style::Dim),
            )];
            p.para("  ← ", 6, &text, if style.is_some() { &marks } else { &[] })?;
            for u in &s.uses {
                let text = format!(
                    "{}:{}:{}  {}",
                    r.file_of(u.source_number),
                    u.line,
                    u.column,
                    cut(u.sentence.as_str(), SENTENCE_MAX)
                );
                p.para(&format!("      [{}] ", u.source_number), 10, &text, &[])?;
            }
        }
    }
    Ok(())
}

fn write_evidence(e: &Evidence, p: &mut Page) -> io::Result<()> {
    let head = format!(
        "[{}] {:<12} {}:{}:{}",
        e.source_number, e.display, e.file, e.line, e.column
    );
    p.para("  ", 6, &head, &[])?;
    let (text, mark) = marked_sentence_at(e);
    let marks: Vec<(usize, usize, Style)> =
        mark.map(|(a, b)| (a, b, Style::Bold)).into_iter().collect();
    p.para("      ", 6, &text, &marks)
}

/// The sentence with the value in \[brackets\], cut around the value when long.
pub fn marked_sentence(e: &Evidence) -> String {
    marked_sentence_at(e).0
}

/// [`marked_sentence`] and the byte range of the bracketed value in it. A sentence longer
/// than [`SENTENCE_MAX`] loses words from the middle of the text before and after the value,
/// never its start, the words next to the value or its end (where the attribution usually
/// is): `The river bridge … [on March 3] … the mayor said.`
fn marked_sentence_at(e: &Evidence) -> (String, Option<(usize, usize)>) {
    let s = e.sentence.as_str();
    let (a, b) = (e.highlight.start.min(s.len()), e.highlight.end.min(s.len()));
    let (Some(pre), Some(mid), Some(post)) = (s.get(..a), s.get(a..b), s.get(b..)) else {
        return (s.to_string(), None);
    };
    let (pre, post) = fit_around(pre, width(mid), post, SENTENCE_MAX);
    let start = pre.len();
    let text = format!("{pre}[{mid}]{post}");
    let end = start + mid.len() + 2;
    (text, Some((start, end)))
}

/// The text before and after a value of width `mid`, shortened so the whole fits `max`
/// (when it can): a side that fits keeps all its words, and the room it leaves goes to the
/// other side; a side that does not loses words from its middle ([`elide`]): before the
/// value, a third of its room keeps the sentence's start and two thirds the words leading
/// to the value; after it, half the words following the value and half the sentence's end.
fn fit_around(pre: &str, mid: usize, post: &str, max: usize) -> (String, String) {
    let room = max.saturating_sub(mid);
    let (wp, wq) = (width(pre), width(post));
    if wp + wq <= room {
        return (pre.to_string(), post.to_string());
    }
    let half = room / 2;
    let (bp, bq) = if wp <= half {
        (wp, room - wp)
    } else if wq <= half {
        (room - wq, wq)
    } else {
        (half, room - half)
    };
    (elide(pre, bp, bp / 3), elide(post, bq, bq / 2))
}

/// `s` in at most about `keep` characters: its first `head` characters and its last ones,
/// each cut back to a whole word, with ` … ` between (`…` alone at either edge). Unchanged
/// when it fits.
fn elide(s: &str, keep: usize, head: usize) -> String {
    if width(s) <= keep {
        return s.to_string();
    }
    // The ellipsis and its spaces take three of the characters.
    let tail = keep.saturating_sub(head + 3);
    let chars: Vec<char> = s.chars().collect();
    let mut h = head.min(chars.len());
    // Back to the last space inside the head, so no word is cut (unless it is one word).
    if h < chars.len()
        && !chars[h].is_whitespace()
        && let Some(space) = chars[..h].iter().rposition(|c| c.is_whitespace())
    {
        h = space;
    }
    let mut t = chars.len() - tail.min(chars.len() - h);
    // Forward to the first space inside the tail.
    if t > h
        && t < chars.len()
        && !chars[t - 1].is_whitespace()
        && let Some(space) = chars[t..].iter().position(|c| c.is_whitespace())
    {
        t += space;
    }
    let head: String = chars[..h].iter().collect();
    let tail: String = chars[t..].iter().collect();
    let (head_t, tail_t) = (head.trim_end(), tail.trim_start());
    let mut out = match (head_t.is_empty(), tail_t.is_empty()) {
        (true, true) => "…".to_string(),
        (true, false) => format!("… {tail_t}"),
        (false, true) => format!("{head_t} …"),
        (false, false) => format!("{head_t} … {tail_t}"),
    };
    // The white space that met the value on either side stays.
    if s.starts_with(char::is_whitespace) && !out.starts_with(char::is_whitespace) {
        out.insert(0, ' ');
    }
    if s.ends_with(char::is_whitespace) && !out.ends_with(char::is_whitespace) {
        out.push(' ');
    }
    out
}

fn write_problems(r: &Report, p: &mut Page) -> io::Result<()> {
    if r.problems.is_empty() {
        return Ok(());
    }
    writeln!(p.out)?;
    let title = format!("Problems ({})", r.problems.len());
    writeln!(p.out, "{}", p.paint(&title, Some(Style::Bold)))?;
    for pr in &r.problems {
        let text = match (pr.line, pr.column) {
            (Some(l), Some(c)) => format!("{}:{}:{}: {}", pr.file, l, c, pr.message),
            _ => format!("{}: {}", pr.file, pr.message),
        };
        p.para("  ", 4, &text, &[])?;
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `crosscheck extract` as text: every observation, grouped by article, fitted to `opts`.
pub fn write_extract(r: &Report, opts: TextOptions, out: &mut dyn Write) -> io::Result<()> {
    shown(opts, out, |opts, out| extract_page(r, opts, out))
}

fn extract_page(r: &Report, opts: TextOptions, out: &mut dyn Write) -> io::Result<()> {
    let p = &mut Page { out, opts };
    write_sources(r, p)?;
    // Fact and value columns as wide as their widest entry (a value up to CELL_MAX), so
    // positions stay in one column.
    let quotes = || r.quotes.iter().filter(|q| q.kind == QuoteKind::Quote);
    let fact_w = r
        .evidence
        .iter()
        .map(|e| width(&e.fact))
        .chain(quotes().map(|_| width("quote")))
        .max()
        .unwrap_or(0);
    let value_w = r
        .evidence
        .iter()
        .map(|e| width(&e.display))
        .chain(quotes().map(|q| width(q.speaker.as_deref().unwrap_or("-"))))
        .max()
        .unwrap_or(0)
        .min(CELL_MAX);
    for s in &r.sources {
        writeln!(p.out)?;
        writeln!(p.out, "[{}] {} — {}", s.number, s.file, s.source)?;
        let mut any = false;
        for e in r.evidence.iter().filter(|e| e.source_number == s.number) {
            any = true;
            let head = format!(
                "{}  {}  {}:{}",
                pad(&e.fact, fact_w),
                pad(&e.display, value_w),
                e.line,
                e.column
            );
            p.para("  ", 6, &head, &[])?;
            let (text, mark) = marked_sentence_at(e);
            let marks: Vec<(usize, usize, Style)> =
                mark.map(|(a, b)| (a, b, Style::Bold)).into_iter().collect();
            p.para("      ", 6, &text, &marks)?;
        }
        for q in r
            .quotes
            .iter()
            .filter(|q| q.source_number == s.number && q.kind == QuoteKind::Quote)
        {
            any = true;
            writeln!(
                p.out,
                "  {}  {}  {}:{}",
                pad("quote", fact_w),
                pad(q.speaker.as_deref().unwrap_or("-"), value_w),
                q.line,
                q.column
            )?;
            p.para(
                "      ",
                6,
                &format!("“{}”", cut(&q.text, SENTENCE_MAX)),
                &[],
            )?;
        }
        if !any {
            writeln!(p.out, "  (no observations)")?;
        }
    }
    write_names(r, p)?;
    write_problems(r, p)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Made-up sentence pieces: a value in the middle of a long sentence whose attribution
    /// comes last.
    const BEFORE: &str = "After a week of heavy rain across the northern valleys and a long night of work by the \
         volunteer crews from three neighbouring towns, the old stone bridge over the river finally ";
    const AFTER: &str = ", a full day later than the council had promised in its notice to the residents of both banks, \
         while the engineers were still checking the supports, according to a spokeswoman for the county.";

    #[test]
    fn a_sentence_that_fits_is_not_cut() {
        let (pre, post) = fit_around("The bridge opened ", 10, ", officials said.", 220);
        assert_eq!(pre, "The bridge opened ");
        assert_eq!(post, ", officials said.");
        // Short before, long after: the room before goes to after.
        let long_after = format!(", {}", "word ".repeat(35).trim_end());
        let (pre, post) = fit_around("It opened ", 10, &long_after, 220);
        assert_eq!(pre, "It opened ");
        assert_eq!(post, long_after, "{} chars fit", 10 + 10 + long_after.len());
    }

    #[test]
    fn a_long_sentence_keeps_its_start_the_value_and_the_attribution() {
        let (pre, post) = fit_around(BEFORE, 12, AFTER, 120);
        let text = format!("{pre}[reopened on]{post}");
        assert!(text.starts_with("After a week"), "{text}");
        assert!(text.ends_with("for the county."), "{text}");
        assert!(pre.ends_with("finally "), "{pre:?}");
        assert!(post.starts_with(", a full"), "{post:?}");
        assert!(text.contains(" … "), "{text}");
        assert!(
            text.chars().count() <= 120 + 2 + 12,
            "{} {text}",
            text.chars().count()
        );
        // Every word kept is whole: each is a word of the sentence.
        let whole = format!("{BEFORE}reopened on{AFTER}");
        let words: Vec<&str> = whole.split_whitespace().collect();
        for w in text.replace(['[', ']'], "").split_whitespace() {
            assert!(w == "…" || words.contains(&w), "{w:?} in {text}");
        }
    }

    #[test]
    fn elide_cuts_between_words() {
        assert_eq!(
            elide("one two three four five six", 100, 10),
            "one two three four five six"
        );
        assert_eq!(elide("one two three four five six", 17, 8), "one two … six");
        // One long word is cut rather than lost.
        assert_eq!(elide("abcdefghijklmnop", 8, 3), "abc … op");
    }
}
