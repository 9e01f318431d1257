//! Markdown for newsroom documents and code hosts (GitHub-flavoured: pipe tables,
//! `~~strikethrough~~`).
//!
//! A summary table (facts × sources, conflicts in bold), then a section per fact with every
//! observation: `file:line:column`, the value, and the sentence quoted (`>`) with the value's
//! words in bold. Quotation pairs show their word diff as ~~removed~~ **added**. Article text
//! is untrusted: every character that would format the page or start HTML is
//! backslash-escaped ([`escape`]), and nothing else, so it reads as written when pasted.

use std::io::{self, Write};

use super::cards::{QuoteCards, Speaker};
use super::{FactReport, Report};
use crate::compare::Status;
use crate::compare::name::VariantKind;
use crate::compare::quote::DiffOp;
use crate::text::visible;

/// Escape text for Markdown where it sits inside a line (a table cell, after a list
/// marker's words, inside bold): only what would change the rendering is escaped, so text
/// pasted into a newsroom document stays readable (`[1]`, `~2000`, `>=100000`, `a_b` stay
/// as they are). Escaped with a backslash (CommonMark lets any ASCII punctuation be):
/// `*` always; `|` always (it would split a table cell); `` ` ``, `~` and `$` when the text
/// has two or more of them (a code span, strikethrough or maths needs a pair); `_` at the
/// edge of a word (inside one it never emphasises); `]` before `(`, `[` or `:` (a link or
/// a link definition); `<` before a letter, `/`, `!` or `?` (an HTML tag or an autolink);
/// `&` starting an entity (`&amp;`, `&#60;`); `\` before punctuation or at the end. A line
/// break would end a table row or a quote: it becomes a space. [`escape_block`] escapes
/// also what starts a block at the start of a line. Control and bidi-override characters
/// are shown as `\u{…}` ([`crate::text::visible`]).
pub fn escape(s: &str) -> String {
    escape_in(s, s)
}

/// [`escape`] for a piece of a longer line (`line`): pairs are counted in the whole line,
/// since a `~` in one piece and a `~` in the next would pair up there.
fn escape_in(s: &str, line: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let count = |c: char| line.chars().filter(|&x| x == c).count();
    let paired = |c: char| count(c) >= 2;
    let (ticks, tildes, dollars) = (paired('`'), paired('~'), paired('$'));
    let word = |i: Option<&char>| i.is_some_and(|c| c.is_alphanumeric());
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1);
        let prev = i.checked_sub(1).and_then(|p| chars.get(p));
        let escaped = match c {
            '*' | '|' => true,
            '`' => ticks,
            '~' => tildes,
            '$' => dollars,
            '_' => !(word(prev) && word(next)),
            ']' => matches!(next, Some('(' | '[' | ':')),
            '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            '&' => entity_at(&chars[i + 1..]),
            '\\' => next.is_none_or(|n| n.is_ascii_punctuation()),
            _ => false,
        };
        match c {
            '\n' | '\r' => out.push(' '),
            c if visible::is_hazard(c) => out.push_str(&visible::escape(&c.to_string())),
            _ => {
                if escaped {
                    out.push('\\');
                }
                out.push(c);
            }
        }
    }
    out
}

/// Whether the text after an `&` makes a character reference: `name;`, `#123;`, `#x1F;`.
fn entity_at(rest: &[char]) -> bool {
    let body = match rest.first() {
        Some('#') => &rest[1..],
        _ => rest,
    };
    let n = body
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    n > 0 && body.get(n) == Some(&';')
}

/// [`escape`] for text that starts a line (a quoted sentence, a list item's first words):
/// also what would begin a block there: `#` (heading), `>` (quotation), `-`, `+` followed
/// by a space (list item) or making the whole line (rule, heading underline), `=` making
/// the whole line, and `1.` or `1)` followed by a space (ordered list).
pub fn escape_block(s: &str) -> String {
    escape_block_in(s, s)
}

/// [`escape_block`] for the first piece of a longer line, as [`escape_in`].
fn escape_block_in(s: &str, line: &str) -> String {
    let mut out = escape_in(s, line);
    let first = out.chars().next();
    let second = out.chars().nth(1);
    let whole = |c: char| out.trim().chars().all(|x| x == c || x == ' ');
    let block = match first {
        Some('#' | '>') => true,
        Some(c @ ('-' | '+')) => second.is_none_or(|n| n == ' ') || whole(c),
        Some('=') => whole('='),
        _ => false,
    };
    if block {
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
    writeln!(out, "# {}", escape_block(title))?;
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
        .map(|s| format!("[{}]", s.number))
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
                "- [{}] {}:{}:{} — {}",
                e.source_number,
                escape(&e.file),
                e.line,
                e.column,
                bold(&e.display)
            )?;
            writeln!(out)?;
            let line = e.sentence.as_str();
            let mid = if mid.trim().is_empty() {
                escape_in(mid, line)
            } else {
                format!("**{}**", escape_in(mid, line))
            };
            writeln!(
                out,
                "  > {}{mid}{}",
                escape_block_in(pre, line),
                escape_in(post, line)
            )?;
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
    // Pairs are counted in the whole line, which has its own `~~` marks: a `~` in a word
    // is always escaped.
    let mut line: String = ops
        .iter()
        .map(|d| match d {
            DiffOp::Same(w) | DiffOp::Removed(w) | DiffOp::Added(w) => w.as_str(),
        })
        .collect::<Vec<_>>()
        .join(" ");
    line.push_str("~~");
    ops.iter()
        .map(|d| match d {
            DiffOp::Same(w) => escape_in(w, &line),
            DiffOp::Removed(w) => format!("~~{}~~", escape_in(w, &line)),
            DiffOp::Added(w) if w.trim().is_empty() => escape_in(w, &line),
            DiffOp::Added(w) => format!("**{}**", escape_in(w, &line)),
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
                "- [{}] {} — {}:{}:{} ({})",
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
            writeln!(out, "**[{}] {}**", q.source_number, escape(&q.file))?;
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
                .map(|u| format!("[{}] {}:{}", u.source_number, u.line, u.column))
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
                escape_block(&p.file),
                l,
                c,
                escape(&p.message)
            )?,
            _ => writeln!(out, "- {}: {}", escape_block(&p.file), escape(&p.message))?,
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
        assert_eq!(
            escape("</b> <!-- x --> <?php"),
            "\\</b> \\<!-- x --> \\<?php"
        );
        assert_eq!(escape("*x* _y_ `z`"), "\\*x\\* \\_y\\_ \\`z\\`");
        assert_eq!(escape("~a~ and $1 to $2"), "\\~a\\~ and \\$1 to \\$2");
        assert_eq!(
            escape("[x](http://a) [y][z] [d]: u"),
            "[x\\](http://a) [y\\][z] [d\\]: u"
        );
        assert_eq!(escape("&amp; &#60; &#x3C;"), "\\&amp; \\&#60; \\&#x3C;");
        assert_eq!(escape("a \\* b\\"), "a \\\\\\* b\\\\");
        assert_eq!(escape("line\nbreak"), "line break");
    }

    /// What renders as itself is left alone.
    #[test]
    fn plain_text_is_left_as_written() {
        for s in [
            "[1] and [2]",
            "~2000",
            ">=100000",
            "a >= b - c",
            "- not a list inside a line",
            "ua.border_troops",
            "AT&T, 3 < 4, $5",
            "a \\ b",
            "1. inside a line",
            "plain words, 2,000.",
            "10000..99999",
        ] {
            assert_eq!(escape(s), s);
        }
    }

    #[test]
    fn block_starts_are_escaped_at_the_start_of_a_line() {
        assert_eq!(escape_block(">=100000"), "\\>=100000");
        assert_eq!(escape_block("# not a heading"), "\\# not a heading");
        assert_eq!(escape_block("- not a list"), "\\- not a list");
        assert_eq!(escape_block("+ not a list"), "\\+ not a list");
        assert_eq!(escape_block("---"), "\\---");
        assert_eq!(escape_block("==="), "\\===");
        assert_eq!(escape_block("1. not a list"), "1\\. not a list");
        assert_eq!(escape_block("2) not a list"), "2\\) not a list");
        // What starts no block stays.
        assert_eq!(escape_block("-5 degrees"), "-5 degrees");
        assert_eq!(escape_block("1.5 million"), "1.5 million");
        assert_eq!(escape_block("~2000"), "~2000");
    }

    /// Pieces of one line are escaped as the line: a tilde in each would pair up.
    #[test]
    fn pieces_count_pairs_in_their_line() {
        let line = "from ~5 to ~9 days";
        assert_eq!(escape_in("from ~5 ", line), "from \\~5 ");
        assert_eq!(escape_in("~9 days", line), "\\~9 days");
        assert_eq!(escape("from ~5 "), "from ~5 ");
    }

    #[test]
    fn bold_of_nothing_is_nothing() {
        assert_eq!(bold(""), "");
        assert_eq!(bold("Monday"), "**Monday**");
    }
}
