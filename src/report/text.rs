//! The terminal report: a facts × sources table, conflicts marked, evidence below.
//!
//! Columns are numbered sources ([1], [2], …) with a legend, because outlet names are too
//! long to head a column. Values in a cell are the canonical forms; the evidence below each
//! fact quotes the sentence with the value's words in [brackets] and gives file:line:column,
//! the form editors and terminals turn into a link.

use std::io::{self, Write};

use super::{Evidence, QuoteEntry, Report};
use crate::compare::{QuoteStatus, Status};
use crate::extract::name::VariantKind;
use crate::extract::quote::{Attribution, DiffOp, QuoteKind};

/// Longest value shown in a table cell before it is cut with an ellipsis.
const CELL_MAX: usize = 40;
/// Longest sentence shown as evidence before it is cut around the value.
const SENTENCE_MAX: usize = 220;

fn marker(status: Status) -> &'static str {
    match status {
        Status::Conflict => "✗",
        Status::Framing => "≠",
        Status::Loose => "≈",
        Status::Agree => "✓",
        Status::Single => "·",
        Status::Unresolved => "?",
        Status::None => " ",
    }
}

fn width(s: &str) -> usize {
    s.chars().count()
}

fn cut(s: &str, max: usize) -> String {
    if width(s) <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

fn write_sources(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "Sources")?;
    let fw = r.sources.iter().map(|s| width(&s.file)).max().unwrap_or(0);
    for s in &r.sources {
        writeln!(
            out,
            "  [{}] {}  {}  published {}",
            s.number,
            pad(&s.file, fw),
            s.source,
            s.published.as_deref().unwrap_or("unknown")
        )?;
    }
    Ok(())
}

/// `crosscheck check` as text.
pub fn write_check(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    if let Some(story) = &r.story {
        writeln!(out, "{story}")?;
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
        out,
        "{} article{}, {} fact{}: {} conflict{}, {} framing difference{}",
        r.sources.len(),
        plural(r.sources.len()),
        r.facts.len(),
        plural(r.facts.len()),
        conflicts,
        plural(conflicts),
        framing,
        if framing == 1 { "" } else { "s" },
    )?;
    writeln!(out)?;
    write_sources(r, out)?;
    writeln!(out)?;

    // The table.
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
    let widths: Vec<usize> = (0..cols)
        .map(|i| rows.iter().map(|r| width(&r[i])).max().unwrap_or(0))
        .collect();
    for (n, row) in rows.iter().enumerate() {
        let line: Vec<String> = row.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect();
        writeln!(out, "{}", line.join("  ").trim_end())?;
        if n == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
            writeln!(out, "{}", rule.join("  "))?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "✗ conflict  ≠ framing  ≈ loose agreement  ✓ agree  · one source  ? unresolved  - not stated"
    )?;

    // Evidence per fact.
    for f in &r.facts {
        writeln!(out)?;
        writeln!(
            out,
            "{} {} — {}: {}",
            marker(f.status),
            f.fact,
            f.label,
            f.status
        )?;
        if f.cells.is_empty() {
            writeln!(out, "  no source states it")?;
        }
        for c in &f.cells {
            for &i in &c.evidence {
                write_evidence(&r.evidence[i], out)?;
            }
        }
        for d in &f.disagreements {
            writeln!(out, "  ! {d}")?;
        }
        for n in &f.notes {
            writeln!(out, "  note: {n}")?;
        }
    }
    write_quotes(r, out)?;
    write_names(r, out)?;
    write_problems(r, out)
}

/// Git's plain word-diff notation: `[-removed-]{+added+}`, readable without colour.
pub fn word_diff(diff: &[DiffOp]) -> String {
    diff.iter()
        .map(|d| match d {
            DiffOp::Same(s) => s.clone(),
            DiffOp::Removed(s) => format!("[-{s}-]"),
            DiffOp::Added(s) => format!("{{+{s}+}}"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn speaker_line(q: &QuoteEntry) -> String {
    let who = q.speaker.as_deref().unwrap_or("no speaker found");
    // How the speaker was found, when it is not simply named next to the quotation.
    let how = match q.attribution {
        Some(Attribution::Pronoun) => " (“he/she said”)",
        Some(Attribution::Continuation) => " (continued quotation)",
        Some(Attribution::Reference) => " (“the statement said”)",
        _ => "",
    };
    match &q.description {
        Some(d) => format!("{who}{how} — {d}"),
        None => format!("{who}{how}"),
    }
}

fn quote_status_marker(s: QuoteStatus) -> &'static str {
    match s {
        QuoteStatus::AttributionConflict => "✗",
        QuoteStatus::Reworded => "≠",
        QuoteStatus::Same => "✓",
        QuoteStatus::Single => "·",
    }
}

fn write_quotes(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    let quotes: Vec<&QuoteEntry> = r
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Quote)
        .collect();
    if quotes.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "Quotations ({} in {} sources)", quotes.len(), {
        let mut s: Vec<usize> = quotes.iter().map(|q| q.source_number).collect();
        s.dedup();
        s.len()
    })?;
    for f in r.quote_findings.iter().filter(|f| f.quotes.len() == 2) {
        let (a, b) = (&r.quotes[f.quotes[0]], &r.quotes[f.quotes[1]]);
        writeln!(out)?;
        writeln!(
            out,
            "{} {} — [{}] and [{}], similarity {:.2}",
            quote_status_marker(f.status),
            f.status.name(),
            a.source_number,
            b.source_number,
            f.similarity.unwrap_or(0.0)
        )?;
        for q in [a, b] {
            writeln!(
                out,
                "  [{}] {}  {}:{}:{}",
                q.source_number,
                speaker_line(q),
                q.file,
                q.line,
                q.column
            )?;
            writeln!(out, "      “{}”", q.text)?;
        }
        writeln!(out, "  diff: {}", word_diff(&f.diff))?;
    }
    let paired: std::collections::HashSet<usize> = r
        .quote_findings
        .iter()
        .filter(|f| f.quotes.len() == 2)
        .flat_map(|f| f.quotes.iter().copied())
        .collect();
    let mut current = 0;
    for (i, q) in r
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.kind == QuoteKind::Quote)
    {
        if q.source_number != current {
            current = q.source_number;
            writeln!(out)?;
            writeln!(out, "[{}] {}", q.source_number, q.file)?;
        }
        writeln!(
            out,
            "  {}:{:<5} {}{}{}",
            q.line,
            q.column,
            speaker_line(q),
            if q.unbalanced {
                "  [unbalanced quote marks]"
            } else {
                ""
            },
            if paired.contains(&i) {
                ""
            } else {
                "  (only this source)"
            }
        )?;
        writeln!(out, "      “{}”", cut(&q.text, SENTENCE_MAX))?;
    }
    let phrases: Vec<String> = r
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Phrase)
        .map(|q| format!("[{}] “{}”", q.source_number, q.text))
        .collect();
    if !phrases.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "Phrases in quote marks (fewer than four words, not quotations):"
        )?;
        writeln!(out, "  {}", phrases.join(", "))?;
    }
    Ok(())
}

fn write_names(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    if r.names.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "Names spelled differently ({})", r.names.len())?;
    for n in &r.names {
        writeln!(out)?;
        writeln!(out, "{}", n.canonical)?;
        for s in &n.spellings {
            let kind = match s.kind {
                VariantKind::Canonical => "canonical".to_string(),
                VariantKind::KnownVariant => "known variant".to_string(),
                VariantKind::LikelyMisspelling => {
                    format!("likely misspelling (similarity {:.2})", s.similarity)
                }
                VariantKind::Variant => format!("variant (similarity {:.2})", s.similarity),
            };
            let note = s
                .note
                .as_deref()
                .map(|n| format!(": {n}"))
                .unwrap_or_default();
            let mut by_source: Vec<(usize, usize)> = Vec::new();
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
            writeln!(
                out,
                "  ← “{}”  {}{}  in {}",
                s.text,
                kind,
                note,
                sources.join(", ")
            )?;
            for u in &s.uses {
                writeln!(
                    out,
                    "      [{}] {}:{}:{}  {}",
                    u.source_number,
                    u.file,
                    u.line,
                    u.column,
                    cut(&u.sentence, SENTENCE_MAX)
                )?;
            }
        }
    }
    Ok(())
}

fn write_evidence(e: &Evidence, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "  [{}] {:<12} {}:{}:{}",
        e.source_number, e.display, e.file, e.line, e.column
    )?;
    writeln!(out, "      {}", marked_sentence(e))
}

/// The sentence with the value in [brackets], cut around the value when long.
pub fn marked_sentence(e: &Evidence) -> String {
    let s = &e.sentence;
    let (a, b) = (e.highlight.start.min(s.len()), e.highlight.end.min(s.len()));
    let (Some(pre), Some(mid), Some(post)) = (s.get(..a), s.get(a..b), s.get(b..)) else {
        return s.clone();
    };
    let budget = SENTENCE_MAX.saturating_sub(width(mid)) / 2;
    let pre = if width(pre) > budget {
        let skip = width(pre) - budget;
        format!("…{}", pre.chars().skip(skip).collect::<String>())
    } else {
        pre.to_string()
    };
    let post = if width(post) > budget {
        format!("{}…", post.chars().take(budget).collect::<String>())
    } else {
        post.to_string()
    };
    format!("{pre}[{mid}]{post}")
}

fn write_problems(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    if r.problems.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "Problems ({})", r.problems.len())?;
    for p in &r.problems {
        match (p.line, p.column) {
            (Some(l), Some(c)) => writeln!(out, "  {}:{}:{}: {}", p.file, l, c, p.message)?,
            _ => writeln!(out, "  {}: {}", p.file, p.message)?,
        }
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `crosscheck extract` as text: every observation, grouped by article.
pub fn write_extract(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    write_sources(r, out)?;
    for s in &r.sources {
        writeln!(out)?;
        writeln!(out, "[{}] {} — {}", s.number, s.file, s.source)?;
        let mut any = false;
        for e in r.evidence.iter().filter(|e| e.source_number == s.number) {
            any = true;
            writeln!(
                out,
                "  {:<22} {:<12} {}:{}",
                e.fact, e.display, e.line, e.column
            )?;
            writeln!(out, "      {}", marked_sentence(e))?;
        }
        for q in r
            .quotes
            .iter()
            .filter(|q| q.source_number == s.number && q.kind == QuoteKind::Quote)
        {
            any = true;
            writeln!(
                out,
                "  {:<22} {:<12} {}:{}",
                "quote",
                q.speaker.as_deref().unwrap_or("-"),
                q.line,
                q.column
            )?;
            writeln!(out, "      “{}”", cut(&q.text, SENTENCE_MAX))?;
        }
        if !any {
            writeln!(out, "  (no observations)")?;
        }
    }
    write_names(r, out)?;
    write_problems(r, out)
}
