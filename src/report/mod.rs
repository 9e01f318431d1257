//! Reports: what a run found, in the shapes people read.
//!
//! Last stage of the flow (rules + articles → extract → compare → **report**). [`Report`]
//! is the one serialisable picture of a run: sources, findings per fact, every observation
//! with file, line, column and sentence, and every article that could not be read. Byte
//! spans become line:column here and nowhere earlier. Each output format is a writer over
//! `&mut dyn Write` in its own module, so tests capture bytes and the CLI picks a sink.

pub mod csv;
pub mod text;

use serde::Serialize;

use crate::compare::{Finding, Status};
use crate::corpus::{Article, ArticleProblem};
use crate::extract::{Extraction, Observation};
use crate::rules::{Kind, RuleSet};
use crate::span::Span;

/// The version of the report's serialised shape; bumped when a field changes meaning.
pub const SCHEMA_VERSION: u32 = 1;

/// One article of the run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceInfo {
    /// 1-based, as shown in the text report's columns.
    pub number: usize,
    pub file: String,
    pub source: String,
    pub title: Option<String>,
    pub published: Option<String>,
}

/// One observation, placed in its file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub fact: String,
    pub kind: Kind,
    /// 1-based source number.
    pub source_number: usize,
    pub source: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// Canonical value (`~2000`, `2022-01-06`, `invasion`).
    pub value: String,
    /// The value with what a reader needs besides (weekday, "quoted").
    pub display: String,
    /// The words as written.
    pub raw: String,
    /// The sentence, white space collapsed.
    pub sentence: String,
    /// Where the value's words sit inside `sentence` (byte range), for highlighting.
    pub highlight: Span,
    /// Byte span of the value in the file.
    pub span: Span,
}

/// One fact × source cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub source_number: usize,
    /// Distinct display values, in text order.
    pub values: Vec<String>,
    /// Indices into [`Report::evidence`].
    pub evidence: Vec<usize>,
}

/// One fact's comparison, ready to print.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactReport {
    pub fact: String,
    pub label: String,
    pub kind: Kind,
    pub status: Status,
    pub cells: Vec<Cell>,
    pub disagreements: Vec<String>,
    pub notes: Vec<String>,
}

/// A problem with an article or a value, placed in its file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

/// Everything a run found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub version: u32,
    pub story: Option<String>,
    pub rule_files: Vec<String>,
    pub sources: Vec<SourceInfo>,
    pub facts: Vec<FactReport>,
    pub evidence: Vec<Evidence>,
    pub problems: Vec<Problem>,
}

impl Report {
    /// Assemble the report. `articles` are those read; `unread` those that could not be.
    pub fn build(
        rules: &RuleSet,
        articles: &[Article],
        unread: &[ArticleProblem],
        extraction: &Extraction,
        findings: &[Finding],
    ) -> Report {
        let sources: Vec<SourceInfo> = articles
            .iter()
            .enumerate()
            .map(|(i, a)| SourceInfo {
                number: i + 1,
                file: a.file_name.clone(),
                source: a.source.clone(),
                title: a.title.clone(),
                published: a.published.map(|d| d.to_string()),
            })
            .collect();
        let evidence: Vec<Evidence> = extraction
            .observations
            .iter()
            .map(|o| evidence_of(o, &articles[o.article]))
            .collect();
        let facts = findings
            .iter()
            .map(|f| FactReport {
                fact: f.fact.clone(),
                label: f.label.clone(),
                kind: f.kind,
                status: f.status,
                cells: f
                    .sources
                    .iter()
                    .map(|s| {
                        let values = if f.kind == Kind::Term {
                            term_cell(&s.observations, &extraction.observations)
                        } else {
                            let mut values: Vec<String> = Vec::new();
                            for &i in &s.observations {
                                let d = extraction.observations[i].value.short();
                                if !values.contains(&d) {
                                    values.push(d);
                                }
                            }
                            values
                        };
                        Cell {
                            source_number: s.article + 1,
                            values,
                            evidence: s.observations.clone(),
                        }
                    })
                    .collect(),
                disagreements: f.disagreements.iter().map(|d| d.reason.clone()).collect(),
                notes: f.notes.clone(),
            })
            .collect();
        // Every article is accounted for: read (a source), read with a warning, or skipped.
        let mut problems: Vec<Problem> = unread
            .iter()
            .map(|p| Problem {
                file: p.file.clone(),
                line: p.line,
                column: p.column,
                message: format!("skipped: {}", p.message),
            })
            .chain(articles.iter().flat_map(|a| &a.warnings).map(|p| Problem {
                file: p.file.clone(),
                line: p.line,
                column: p.column,
                message: p.message.clone(),
            }))
            .collect();
        for p in &extraction.problems {
            let a = &articles[p.article];
            let pos = a.position(p.span.start);
            problems.push(Problem {
                file: a.file_name.clone(),
                line: Some(pos.line),
                column: Some(pos.column),
                message: format!("{}: {:?}: {}", p.fact, p.span.slice(&a.text), p.message),
            });
        }
        problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        Report {
            version: SCHEMA_VERSION,
            story: rules.title.clone(),
            rule_files: rules
                .files
                .iter()
                .map(|f| f.display().to_string())
                .collect(),
            sources,
            facts,
            evidence,
            problems,
        }
    }

    pub fn has_status(&self, status: Status) -> bool {
        self.facts.iter().any(|f| f.status == status)
    }
}

/// A term cell says which classes a source uses and how often: `deployment ×2`,
/// `peacekeeping ×2 (1 quoted)`, `not:invasion`.
fn term_cell(indices: &[usize], observations: &[Observation]) -> Vec<String> {
    let mut order: Vec<String> = Vec::new();
    let mut counts: std::collections::HashMap<String, (usize, usize)> = Default::default();
    for &i in indices {
        let o = &observations[i];
        let key = o.value.canonical();
        let quoted = matches!(&o.value, crate::extract::Value::Term(t) if t.quoted);
        let e = counts.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            (0, 0)
        });
        e.0 += 1;
        e.1 += usize::from(quoted);
    }
    order
        .into_iter()
        .map(|k| {
            let (n, q) = counts[&k];
            let mut s = k;
            if n > 1 {
                s.push_str(&format!(" ×{n}"));
            }
            match q {
                0 => {}
                q if q == n => s.push_str(" (quoted)"),
                q => s.push_str(&format!(" ({q} quoted)")),
            }
            s
        })
        .collect()
}

fn evidence_of(o: &Observation, a: &Article) -> Evidence {
    let pos = a.position(o.span.start);
    let (sentence, highlight) = collapse(&a.text, o.sentence, o.span);
    Evidence {
        fact: o.fact.clone(),
        kind: o.kind,
        source_number: o.article + 1,
        source: a.source.clone(),
        file: a.file_name.clone(),
        line: pos.line,
        column: pos.column,
        value: o.value.canonical(),
        display: o.value.display(),
        raw: collapse(&a.text, o.span, o.span).0,
        sentence,
        highlight,
        span: Span::new(a.file_offset(o.span.start), a.file_offset(o.span.end)),
    }
}

/// The text of `outer` with runs of white space collapsed to one space, and where `inner`
/// lands in the collapsed text.
fn collapse(text: &str, outer: Span, inner: Span) -> (String, Span) {
    let mut out = String::new();
    let mut hl = Span::new(0, 0);
    let mut last_space = false;
    let src = outer.slice(text);
    for (i, c) in src.char_indices() {
        let at = outer.start + i;
        if at == inner.start {
            hl.start = out.len();
        }
        if at == inner.end {
            hl.end = out.len();
        }
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    if inner.end >= outer.end {
        hl.end = out.len();
    }
    if hl.end < hl.start {
        hl.end = hl.start;
    }
    (out.trim_end().to_string(), hl)
}
