//! Markdown for newsroom documents and code hosts (GitHub-flavoured: pipe tables,
//! `~~strikethrough~~`).
//!
//! A summary table (facts × sources, conflicts in bold), then a section per fact with every
//! observation: `file:line:column`, the value, and the sentence quoted (`>`) with the value's
//! words in bold. Quotation pairs show their word diff as ~~removed~~ **added**. Article text
//! is untrusted: every Markdown metacharacter in it is backslash-escaped, and `<` and `&`
//! too, so it can neither format the page nor inject HTML.

use std::io::{self, Write};

use super::cards::{QuoteCards, Speaker};
use super::{FactReport, Report};
use crate::compare::Status;
use crate::compare::name::VariantKind;
use crate::compare::quote::DiffOp;

/// Escape text for Markdown. Characters that are markup anywhere in a line are preceded
/// by a backslash (CommonMark lets any ASCII punctuation be escaped): `\\`, a backtick, `*`,
/// `_`, `[`, `]`, `<` (HTML), `|` (table cells), `~` (strikethrough), `&` (entities) and `$`
/// (maths on some hosts). Those that are markup only at the start of a line (`#`, `-`, `+`,
/// `>`, `=`, `1.`) are escaped there. A line break would end a table row or a quote: it
/// becomes a space.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '~' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    if out.starts_with(['#', '-', '+', '>', '=']) {
        out.insert(0, '\\');
    }
    // `1.` or `1)` at the start of a line would begin an ordered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    let mut after = out[digits..].chars();
    if digits > 0
        && matches!(after.next(), Some('.' | ')'))
        && after.next().is_none_or(|c| c == ' ')
    {
        out.insert(digits, '\\');
    }
    out
}

/// `**text**`, or nothing for empty text (`****` would render as a rule or stars).
fn bold(s: &str) -> String {
    if s.trim().is_empty() {
        escape(s)
    } else {
        format!("**{}**", escape(s))
    }
}

/// `crosscheck check --format markdown`.
pub fn write_check(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    let title = r.story.as_deref().unwrap_or("crosscheck report");
    writeln!(out, "# {}", escape(title))?;
    writeln!(out)?;
    let count = |s: Status| r.facts.iter().filter(|f| f.status == s).count();
    writeln!(
        out,
        "{} articles, {} facts: **{} conflict{}**, **{} framing difference{}**.",
        r.sources.len(),
        r.facts.len(),
        count(Status::Conflict),
        if count(Status::Conflict) == 1 {
            ""
        } else {
            "s"
        },
        count(Status::Framing),
        if count(Status::Framing) == 1 { "" } else { "s" },
    )?;
    writeln!(out)?;
    writeln!(out, "## Sources")?;
    writeln!(out)?;
    writeln!(out, "| # | File | Outlet | Published |")?;
    writeln!(out, "|---|---|---|---|")?;
    for s in &r.sources {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            s.number,
            escape(&match s.reading_note() {
                Some(note) => format!("{} ({note})", s.file),
                None => s.file.clone(),
            }),
            escape(&s.source),
            escape(s.published.as_deref().unwrap_or("unknown"))
        )?;
    }
    writeln!(out)?;
    write_summary(r, out)?;
    writeln!(out, "## Facts")?;
    for f in &r.facts {
        write_fact(r, f, out)?;
    }
    write_quotes(r, out)?;
    write_names(r, out)?;
    write_problems(r, out)
}

fn write_summary(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## Facts × sources")?;
    writeln!(out)?;
    let heads: Vec<String> = r
        .sources
        .iter()
        .map(|s| format!("\\[{}\\]", s.number))
        .collect();
    writeln!(out, "| Fact | Status | {} |", heads.join(" | "))?;
    writeln!(out, "|---|---|{}", "---|".repeat(r.sources.len()))?;
    for f in &r.facts {
        let strong = f.status.is_disagreement();
        let status = format!("{} {}", f.status.marker(), f.status);
        let mut row = vec![
            if strong {
                bold(&f.fact)
            } else {
                escape(&f.fact)
            },
            if strong {
                bold(&status)
            } else {
                escape(&status)
            },
        ];
        for s in &r.sources {
            row.push(match f.cells.iter().find(|c| c.source_number == s.number) {
                // A cell the comparison puts in conflict is bold, as its fact is.
                Some(c) if c.status == Status::Conflict => bold(&c.values.join(", ")),
                Some(c) => escape(&c.values.join(", ")),
                None => "–".to_string(),
            });
        }
        writeln!(out, "| {} |", row.join(" | "))?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "✗ conflict · ≠ framing · ≈ loose agreement · ✓ agree · · one source · ? unresolved · – not stated"
    )?;
    writeln!(out)
}

fn write_fact(r: &Report, f: &FactReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out)?;
    writeln!(
        out,
        "### {} {} — {} ({})",
        f.status.marker(),
        escape(&f.fact),
        escape(&f.label),
        f.status
    )?;
    writeln!(out)?;
    if f.cells.is_empty() {
        writeln!(out, "No source states it.")?;
        return Ok(());
    }
    for c in &f.cells {
        for &i in &c.evidence {
            let e = &r.evidence[i];
            let (pre, mid, post) = e.split_sentence();
            writeln!(
                out,
                "- \\[{}\\] {}:{}:{} — {}",
                e.source_number,
                escape(&e.file),
                e.line,
                e.column,
                bold(&e.display)
            )?;
            writeln!(out)?;
            writeln!(out, "  > {}{}{}", escape(pre), bold(mid), escape(post))?;
            writeln!(out)?;
        }
    }
    for d in &f.disagreements {
        writeln!(out, "**Disagreement:** {}", escape(d))?;
        writeln!(out)?;
    }
    for n in &f.notes {
        writeln!(out, "*Note:* {}", escape(n))?;
        writeln!(out)?;
    }
    Ok(())
}

/// The word diff: ~~removed~~ **added**, the rest as is.
pub fn diff(ops: &[DiffOp]) -> String {
    ops.iter()
        .map(|d| match d {
            DiffOp::Same(w) => escape(w),
            DiffOp::Removed(w) => format!("~~{}~~", escape(w)),
            DiffOp::Added(w) => bold(w),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn write_quotes(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    let model = QuoteCards::of(r);
    if model.quotations.is_empty() {
        return Ok(());
    }
    let speaker = |s: &Speaker| s.render(escape, escape);
    writeln!(out)?;
    writeln!(out, "## Quotations")?;
    for card in &model.cards {
        writeln!(out)?;
        let who = card
            .who
            .as_ref()
            .map(|w| format!(": {}", escape(w)))
            .unwrap_or_default();
        writeln!(
            out,
            "### {} {} — {}{who}",
            card.marker,
            card.status.name(),
            escape(&card.sources),
        )?;
        writeln!(out)?;
        for m in &card.members {
            let q = m.quote;
            writeln!(
                out,
                "- \\[{}\\] {} — {}:{}:{} ({})",
                q.source_number,
                speaker(&m.speaker),
                escape(&q.file),
                q.line,
                q.column,
                escape(&m.note)
            )?;
            writeln!(out)?;
            writeln!(out, "  > “{}”", escape(&q.text))?;
            writeln!(out)?;
            if m.changed {
                writeln!(out, "  Diff: {}", diff(&m.member.diff))?;
                writeln!(out)?;
            }
        }
    }
    writeln!(out)?;
    writeln!(out, "### Quotations in one source only")?;
    let mut current = 0;
    for item in model.quotations.iter().filter(|q| q.only_here) {
        let q = item.quote;
        if q.source_number != current {
            current = q.source_number;
            writeln!(out)?;
            writeln!(out, "**\\[{}\\] {}**", q.source_number, escape(&q.file))?;
            writeln!(out)?;
        }
        writeln!(
            out,
            "- {}:{} {}: “{}”",
            q.line,
            q.column,
            speaker(&item.speaker),
            escape(&q.text)
        )?;
    }
    Ok(())
}

fn write_names(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    if r.names.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "## Names spelled differently")?;
    writeln!(out)?;
    writeln!(out, "| Name | Spelling | Kind | Where |")?;
    writeln!(out, "|---|---|---|---|")?;
    for n in &r.names {
        for s in &n.spellings {
            let kind = match s.kind {
                VariantKind::Canonical => "canonical".to_string(),
                VariantKind::KnownVariant => "known variant".to_string(),
                VariantKind::LikelyMisspelling => {
                    format!("**likely misspelling** ({:.2})", s.similarity)
                }
                VariantKind::Variant => format!("variant ({:.2})", s.similarity),
            };
            let note = s
                .note
                .as_deref()
                .map(|n| format!(": {}", escape(n)))
                .unwrap_or_default();
            let places: Vec<String> = s
                .uses
                .iter()
                .map(|u| format!("\\[{}\\] {}:{}", u.source_number, u.line, u.column))
                .collect();
            writeln!(
                out,
                "| {} | {} | {kind}{note} | {} |",
                escape(&n.canonical),
                escape(&s.text),
                places.join(", ")
            )?;
        }
    }
    Ok(())
}

fn write_problems(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    if r.problems.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "## Problems")?;
    writeln!(out)?;
    for p in &r.problems {
        match (p.line, p.column) {
            (Some(l), Some(c)) => writeln!(
                out,
                "- {}:{}:{}: {}",
                escape(&p.file),
                l,
                c,
                escape(&p.message)
            )?,
            _ => writeln!(out, "- {}: {}", escape(&p.file), escape(&p.message))?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metacharacters_are_escaped() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("<script>"), "\\<script>");
        assert_eq!(escape(">=100000"), "\\>=100000");
        assert_eq!(escape("a >= b - c"), "a >= b - c");
        assert_eq!(escape("- not a list"), "\\- not a list");
        assert_eq!(escape("*x* _y_ `z`"), "\\*x\\* \\_y\\_ \\`z\\`");
        assert_eq!(escape("~2000"), "\\~2000");
        assert_eq!(escape("line\nbreak"), "line break");
        assert_eq!(escape("plain words, 2,000."), "plain words, 2,000.");
        assert_eq!(escape("1. not a list"), "1\\. not a list");
        assert_eq!(escape("10000..99999"), "10000..99999");
    }

    #[test]
    fn bold_of_nothing_is_nothing() {
        assert_eq!(bold(""), "");
        assert_eq!(bold("Monday"), "**Monday**");
    }
}
