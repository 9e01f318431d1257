//! CSV for spreadsheets: one row per observation (`extract`) or per fact × source × value
//! (`check`). Columns are stable and documented in docs/output.md.
//!
//! A cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a
//! tab or a carriage return) is prefixed with `'`, the convention spreadsheets display as
//! text: article text is untrusted input and must never execute on a desk's machine.

use std::io::{self, Write};

use super::Report;

pub const EXTRACT_COLUMNS: &[&str] = &[
    "fact", "kind", "source", "file", "line", "column", "value", "raw", "sentence",
];
pub const CHECK_COLUMNS: &[&str] = &[
    "fact", "label", "kind", "status", "source", "file", "line", "column", "value", "raw",
];

/// Neutralise a cell that a spreadsheet would evaluate.
pub fn safe(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

fn writer(out: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new().from_writer(out)
}

fn record<W: Write>(w: &mut csv::Writer<W>, cells: &[String]) -> io::Result<()> {
    w.write_record(cells.iter().map(|c| safe(c).into_owned()))
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
                e.fact.clone(),
                e.kind.to_string(),
                e.source.clone(),
                e.file.clone(),
                e.line.to_string(),
                e.column.to_string(),
                e.value.clone(),
                e.raw.clone(),
                e.sentence.clone(),
            ],
        )?;
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
        let head = [
            f.fact.clone(),
            f.label.clone(),
            f.kind.to_string(),
            f.status.to_string(),
        ];
        if f.cells.is_empty() {
            let mut row = head.to_vec();
            row.extend(std::iter::repeat_n(String::new(), 6));
            record(&mut w, &row)?;
        }
        for c in &f.cells {
            let mut seen: Vec<&str> = Vec::new();
            for &i in &c.evidence {
                let e = &r.evidence[i];
                if seen.contains(&e.value.as_str()) {
                    continue;
                }
                seen.push(&e.value);
                let mut row = head.to_vec();
                row.extend([
                    e.source.clone(),
                    e.file.clone(),
                    e.line.to_string(),
                    e.column.to_string(),
                    e.value.clone(),
                    e.raw.clone(),
                ]);
                record(&mut w, &row)?;
            }
        }
    }
    w.flush()
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
