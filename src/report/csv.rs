//! CSV for spreadsheets: one row per observation (`extract`) or per fact × source × value
//! (`check`). Columns are stable and documented in docs/output.md.
//!
//! A cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a
//! tab or a carriage return) is prefixed with `'`, the convention spreadsheets display as
//! text: article text is untrusted input and must never execute on a desk's machine.

use std::io::{self, Write};

use super::Report;
use crate::compare::QuoteStatus;
use crate::compare::name::VariantKind;
use crate::read::quote::QuoteKind;
use crate::text::visible;

/// The `status` column of a name row.
fn spelling_status(k: VariantKind) -> &'static str {
    match k {
        VariantKind::Canonical => "canonical",
        VariantKind::KnownVariant => "known-variant",
        VariantKind::LikelyMisspelling => "likely-misspelling",
        VariantKind::Variant => "variant",
    }
}

/// The first words of a quotation, as its label.
fn quote_label(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 8 {
        words.join(" ")
    } else {
        format!("{} …", words[..8].join(" "))
    }
}

pub const EXTRACT_COLUMNS: &[&str] = &[
    "fact", "kind", "source", "file", "line", "column", "value", "raw", "sentence",
];
/// New columns only ever go at the end: `row_type` (`fact`, `quote` or `name`, to filter
/// on), `sentence` (the evidence), `cell_status` (the source's state for the fact).
pub const CHECK_COLUMNS: &[&str] = &[
    "fact",
    "label",
    "kind",
    "status",
    "source",
    "file",
    "line",
    "column",
    "value",
    "raw",
    "row_type",
    "sentence",
    "cell_status",
];

/// Neutralise a cell that a spreadsheet would evaluate, and show control and bidi-override
/// characters as `\u{…}` ([`crate::text::visible`]; a line break stays, CSV quotes it).
pub fn safe(cell: &str) -> std::borrow::Cow<'_, str> {
    let shown = visible::escape_if(cell, |c| c != '\n' && visible::is_hazard(c));
    match shown.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{shown}").into(),
        _ => shown,
    }
}

fn writer(out: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new().from_writer(out)
}

fn record<W: Write, S: AsRef<str>>(w: &mut csv::Writer<W>, cells: &[S]) -> io::Result<()> {
    w.write_record(cells.iter().map(|c| match safe(c.as_ref()) {
        std::borrow::Cow::Borrowed(b) => std::borrow::Cow::Borrowed(b.as_bytes()),
        std::borrow::Cow::Owned(o) => std::borrow::Cow::Owned(o.into_bytes()),
    }))
    .map_err(io::Error::other)
}

/// `crosscheck extract --format csv`.
pub fn write_extract(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut w = writer(out);
    w.write_record(EXTRACT_COLUMNS).map_err(io::Error::other)?;
    for e in &r.evidence {
        record(
            &mut w,
            &[
                &e.fact,
                e.kind.name(),
                &e.source,
                &e.file,
                &e.line.to_string(),
                &e.column.to_string(),
                &e.value,
                &e.raw,
                &*e.sentence.text()?,
            ],
        )?;
    }
    for q in &r.quotes {
        let fact = match q.kind {
            QuoteKind::Quote => "quote",
            QuoteKind::Phrase => "phrase",
        };
        record(
            &mut w,
            &[
                fact,
                "quote",
                &q.source,
                &q.file,
                &q.line.to_string(),
                &q.column.to_string(),
                q.speaker.as_deref().unwrap_or_default(),
                &q.text,
                &q.text,
            ],
        )?;
    }
    for n in &r.names {
        for s in n
            .spellings
            .iter()
            .filter(|s| s.kind != VariantKind::Canonical)
        {
            for u in &s.uses {
                record(
                    &mut w,
                    &[
                        "name",
                        "name",
                        r.outlet_of(u.source_number),
                        r.file_of(u.source_number),
                        &u.line.to_string(),
                        &u.column.to_string(),
                        &n.canonical,
                        &s.text,
                        &u.sentence.text()?,
                    ],
                )?;
            }
        }
    }
    w.flush()
}

/// `crosscheck check --format csv`: a row per fact × source × distinct value (the first
/// place the source gives that value); a fact no source states gets one row with the
/// source columns empty.
pub fn write_check(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut w = writer(out);
    w.write_record(CHECK_COLUMNS).map_err(io::Error::other)?;
    for f in &r.facts {
        let (kind, status) = (f.kind.name(), f.status.name());
        if f.cells.is_empty() {
            record(
                &mut w,
                &[
                    &f.fact, &f.label, kind, status, "", "", "", "", "", "", "fact", "", "",
                ],
            )?;
        }
        for c in &f.cells {
            let mut seen: Vec<&str> = Vec::new();
            for &i in &c.evidence {
                let e = &r.evidence[i];
                if seen.contains(&e.value.as_str()) {
                    continue;
                }
                seen.push(&e.value);
                record(
                    &mut w,
                    &[
                        &f.fact,
                        &f.label,
                        kind,
                        status,
                        &e.source,
                        &e.file,
                        &e.line.to_string(),
                        &e.column.to_string(),
                        &e.value,
                        &e.raw,
                        "fact",
                        &*e.sentence.text()?,
                        c.status.name(),
                    ],
                )?;
            }
        }
    }
    // Quotations: one row per quotation, with the status of its comparison (its first
    // finding's, looked up once rather than searched per quotation).
    let mut status_of: Vec<Option<QuoteStatus>> = vec![None; r.quotes.len()];
    for f in &r.quote_findings {
        for &i in &f.quotes {
            if let Some(s @ None) = status_of.get_mut(i) {
                *s = Some(f.status);
            }
        }
    }
    for (i, q) in r
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.kind == QuoteKind::Quote)
    {
        let status = status_of[i].unwrap_or(QuoteStatus::Single);
        record(
            &mut w,
            &[
                "quote",
                &quote_label(&q.text),
                "quote",
                status.name(),
                &q.source,
                &q.file,
                &q.line.to_string(),
                &q.column.to_string(),
                q.speaker.as_deref().unwrap_or_default(),
                &q.text,
                "quote",
                &q.text,
                status.name(),
            ],
        )?;
    }
    // Names: one row per spelling and source (its first use there; uses are in source
    // order, so a source's uses are together).
    for n in &r.names {
        for s in &n.spellings {
            let mut last = None;
            for u in &s.uses {
                if last.replace(u.source_number) == Some(u.source_number) {
                    continue;
                }
                record(
                    &mut w,
                    &[
                        "name",
                        &n.canonical,
                        "name",
                        spelling_status(s.kind),
                        r.outlet_of(u.source_number),
                        r.file_of(u.source_number),
                        &u.line.to_string(),
                        &u.column.to_string(),
                        &n.canonical,
                        &s.text,
                        "name",
                        &u.sentence.text()?,
                        spelling_status(s.kind),
                    ],
                )?;
            }
        }
    }
    w.flush()
}

/// `crosscheck check --format csv --wide`: one row per fact, one column per source (headed
/// by its outlet, see [`wide_headers`]), each cell the source's distinct canonical values
/// joined with `; `.
pub fn write_check_wide(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut w = writer(out);
    let mut header: Vec<String> = CHECK_COLUMNS[..4].iter().map(|c| c.to_string()).collect();
    header.extend(wide_headers(r));
    // Outlets and file names are untrusted too: the header goes through `safe` like every
    // other row.
    record(&mut w, &header)?;
    for f in &r.facts {
        let mut row = vec![
            f.fact.clone(),
            f.label.clone(),
            f.kind.to_string(),
            f.status.to_string(),
        ];
        for s in &r.sources {
            let mut values: Vec<&str> = Vec::new();
            for c in f.cells.iter().filter(|c| c.source_number == s.number) {
                for &i in &c.evidence {
                    let v = r.evidence[i].value.as_str();
                    if !values.contains(&v) {
                        values.push(v);
                    }
                }
            }
            row.push(values.join("; "));
        }
        record(&mut w, &row)?;
    }
    w.flush()
}

/// The wide sheet's source headers: each source's outlet (front matter `source`, else its
/// file name); an outlet that heads more than one column gets its file name after it
/// (`Associated Press (ap-1.txt)`), so every header names one source.
pub fn wide_headers(r: &Report) -> Vec<String> {
    let count = |outlet: &str| r.sources.iter().filter(|s| s.source == outlet).count();
    r.sources
        .iter()
        .map(|s| {
            if count(&s.source) > 1 && s.source != s.file {
                format!("{} ({})", s.source, s.file)
            } else {
                s.source.clone()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe("+1"), "'+1");
        assert_eq!(safe("-1"), "'-1");
        assert_eq!(safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe("\tx"), "'\tx");
        assert_eq!(safe(">=100000"), ">=100000");
        assert_eq!(safe("~2000"), "~2000");
    }
}
