//! The map output and the reduce input: a run's per-article extraction as JSON lines.
//!
//! `extract --format jsonl` writes, after a `header` line, the observation, quotation and
//! name rows it always wrote, then one `article` record per article read (its summary and
//! everything extracted from it, placed) and one `unread` record per input that could not
//! be read. These records are everything a run is assembled from, so `compare` can
//! rebuild a run from the output of any number of `extract` runs over parts of a corpus
//! (shards) and give the report `check` gives on the whole: articles are put back in the
//! order `check` reads them (by path, then by row of a feed) and numbered again. The
//! schema is versioned ([`SCHEMA`]) and documented in docs/output.md.
//!
//! The records are written from types of their own, apart from the pipeline's: the schema
//! stays put when an internal type changes, and a value read back is checked (a unit or a
//! date the reader does not know is an error naming its line), never trusted.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

use rayon::prelude::*;

use super::{Assembled, Assembly, Gathered, One, Pool, PooledMention, Read, RunError};
use crate::corpus::{self, ArticleProblem, Origin, Recurring};
use crate::extract::{ExtractProblem, Extraction, Observation, QuoteObservation, TermUse, Value};
use crate::placed::{
    ArticleSummary, Detail, EvidencePlace, NamePlace, NameSentences, Places, ProblemPlace,
    QuotePlace,
};
use crate::read::date::DateValue;
use crate::read::name::{NameKind, Uses, merge_uses};
use crate::read::number::{Amount, Quantity, Unit};
use crate::read::quote::{Attribution, Quote, QuoteKind, Speaker};
use crate::rules::{Kind, RuleSet};
use crate::span::{Position, Span};

/// The version of the map records' schema; bumped when a field changes meaning or a
/// record's shape changes in a way an older `compare` would misread.
pub const SCHEMA: u32 = 1;

/// Why map records could not be read.
#[derive(Debug, thiserror::Error)]
pub enum MapError {
    #[error("{file}: cannot read: {source}")]
    Io {
        file: String,
        #[source]
        source: io::Error,
    },
    /// A line that is not JSON, or not a record of the schema.
    #[error("{file}:{line}:{column}: not a map record: {message}")]
    Json {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// A record whose values this crosscheck cannot read back (a unit or a date it does not
    /// know).
    #[error("{file}:{line}: {message}")]
    Value {
        file: String,
        line: usize,
        message: String,
    },
    #[error(
        "{file}:{line}: map schema {found}, but this crosscheck reads schema {SCHEMA}: extract and compare with the same version"
    )]
    Schema {
        file: String,
        line: usize,
        found: u32,
    },
    #[error(
        "{file}:{line}: a record before any header: not the output of `crosscheck extract --format jsonl`"
    )]
    NoHeader { file: String, line: usize },
    #[error(
        "{file}:{line}: extracted with the facts [{found}], but the rules name [{expected}]: compare with the rules extract ran with"
    )]
    Facts {
        file: String,
        line: usize,
        found: String,
        expected: String,
    },
    /// One article in two inputs: a shard given twice, or shards that overlap.
    #[error("{path}: the same article is in {first} and in {second}")]
    Duplicate {
        path: String,
        first: String,
        second: String,
    },
}

/// How the extraction that wrote a map output left out boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Boilerplate {
    /// Recurring lines surveyed over the articles of that run only (a shard's survey can
    /// differ from the whole corpus's).
    Surveyed,
    /// Recurring lines given (`--recurring`), surveyed over the whole corpus beforehand.
    Given,
    /// Boilerplate kept (`--keep-boilerplate`): nothing corpus-wide.
    Kept,
}

/// The first line of a map output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub schema: u32,
    /// The crosscheck version that wrote it.
    pub crosscheck: String,
    /// The rule facts' ids, in rule order: `compare` must run with the same.
    pub facts: Vec<String>,
    pub boilerplate: Boilerplate,
    /// Whether name mentions carry their sentence (`--name-sentences`).
    pub name_sentences: bool,
}

/// One line of the map output; lines of other types (the observation, quote and name
/// rows) are read past.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Record {
    Header(Header),
    Article(Box<ArticleRecord>),
    Unread(ArticleProblem),
    #[serde(other)]
    Other,
}

/// Byte span or (line, column), as a two-number array.
type Pair = (usize, usize);

fn pair(s: Span) -> Pair {
    (s.start, s.end)
}

fn span((start, end): Pair) -> Span {
    Span::new(start, end)
}

fn at(p: Position) -> Pair {
    (p.line, p.column)
}

fn position((line, column): Pair) -> Position {
    Position { line, column }
}

/// One article: its summary and everything extracted from it, placed.
#[derive(Debug, Serialize, Deserialize)]
struct ArticleRecord {
    /// The path as given or found (the article's identity, with `origin`).
    path: String,
    /// The name reports show.
    file: String,
    source: String,
    title: Option<String>,
    published: Option<String>,
    format: FormatRecord,
    origin: OriginRecord,
    /// Lines left out as boilerplate.
    boilerplate: usize,
    warnings: Vec<ArticleProblem>,
    observations: Vec<ObservationRecord>,
    problems: Vec<ProblemRecord>,
    quotes: Vec<QuoteRecord>,
    names: Vec<MentionRecord>,
    full_names: Vec<String>,
    /// The distinct sentences of the name mentions, when carried (`--name-sentences`):
    /// mentions index into it (several share one sentence).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sentences: Vec<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum FormatRecord {
    Text,
    Html,
    Jsonl,
    Csv,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum OriginRecord {
    File,
    Page,
    Row { line: usize },
    Stream,
}

#[derive(Debug, Serialize, Deserialize)]
struct ObservationRecord {
    fact: String,
    kind: Kind,
    value: ValueRecord,
    /// The value's words as written.
    raw: String,
    /// Byte spans in the article's text: the value's words, the whole match, the sentence.
    span: Pair,
    matched: Pair,
    sentence_span: Pair,
    /// Line and column of the value's start and just past its end.
    start: Pair,
    end: Pair,
    /// The sentence, white space collapsed, and where the value sits in it.
    sentence: String,
    highlight: Pair,
    /// The value's words, white space collapsed.
    words: String,
    /// The value's bytes in the file as on disk.
    file_span: Pair,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ValueRecord {
    Quantity {
        quantity: Quantity,
        unit: UnitRecord,
    },
    Date(DateRecord),
    Term(TermUse),
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum UnitRecord {
    Count,
    Percent,
    Points,
    Currency(String),
    Measure(String),
}

/// A date value; days are written `YYYY-MM-DD`, weekdays 1 (Monday) to 7.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum DateRecord {
    Day(String),
    Week { monday: String },
    Month { year: i16, month: i8 },
    Year(i16),
    Days { first: String, last: String },
    OnOrBefore(String),
    OnOrAfter(String),
    UnresolvedWeekday(i8),
    UnresolvedDate { month: i8, day: i8 },
    Unresolved { text: String },
}

#[derive(Debug, Serialize, Deserialize)]
struct ProblemRecord {
    fact: String,
    span: Pair,
    message: String,
    at: Pair,
    words: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct QuoteRecord {
    span: Pair,
    text: String,
    kind: QuoteKind,
    unbalanced: bool,
    speaker: Option<SpeakerRecord>,
    start: Pair,
    end: Pair,
    file_span: Pair,
}

#[derive(Debug, Serialize, Deserialize)]
struct SpeakerRecord {
    name: String,
    span: Option<Pair>,
    attribution: Attribution,
    description: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct MentionRecord {
    text: String,
    span: Pair,
    kind: NameKind,
    at: Pair,
    /// Index of its sentence in the article's `sentences`, when carried.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sentence: Option<usize>,
}

// ── Writing ─────────────────────────────────────────────────────────────────────────

/// A shard's map records, ready to write after the report's rows.
pub struct MapOutput {
    pub header: Header,
    /// The `article` and `unread` records, one JSON object per line each.
    records: Vec<u8>,
}

impl MapOutput {
    /// Write the header line.
    pub fn write_header(&self, out: &mut dyn Write) -> io::Result<()> {
        line(out, &Record::Header(self.header.clone()))
    }

    /// Write the `article` and `unread` records.
    pub fn write_records(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(&self.records)
    }
}

fn line(out: &mut dyn Write, record: &Record) -> io::Result<()> {
    serde_json::to_writer(&mut *out, record).map_err(io::Error::other)?;
    writeln!(out)
}

/// The header of a map written with `rules` and `reading`.
fn header(rules: &RuleSet, reading: &corpus::ReadOptions, name_sentences: bool) -> Header {
    Header {
        schema: SCHEMA,
        crosscheck: env!("CARGO_PKG_VERSION").to_string(),
        facts: rules.facts.iter().map(|f| f.id.clone()).collect(),
        boilerplate: match (reading.boilerplate, &reading.recurring) {
            (false, _) => Boilerplate::Kept,
            (true, Some(_)) => Boilerplate::Given,
            (true, None) => Boilerplate::Surveyed,
        },
        name_sentences,
    }
}

/// Write the records of what was gathered (before anything corpus-wide), in order.
pub(super) fn records(
    rules: &RuleSet,
    reading: &corpus::ReadOptions,
    gathered: &Gathered,
    name_sentences: bool,
) -> io::Result<MapOutput> {
    let mut out = Vec::new();
    let text = |id: u32| gathered.texts.get(id as usize).map_or("", |t| &**t);
    write_records(&mut out, &gathered.unread, &gathered.outcomes, &text)?;
    Ok(MapOutput {
        header: header(rules, reading, name_sentences),
        records: out,
    })
}

/// The header line of a map written with `rules` and `reading`.
pub(super) fn write_header(
    out: &mut dyn Write,
    rules: &RuleSet,
    reading: &corpus::ReadOptions,
    name_sentences: bool,
) -> io::Result<()> {
    line(out, &Record::Header(header(rules, reading, name_sentences)))
}

/// The `unread` records of `unread`, then the records of `outcomes`, in order; `text`
/// resolves the ids of the run's [`Pool`].
pub(super) fn write_records<'t>(
    out: &mut dyn Write,
    unread: &[ArticleProblem],
    outcomes: &[One],
    text: &dyn Fn(u32) -> &'t str,
) -> io::Result<()> {
    let text = |id: u32| text(id).to_string();
    for p in unread {
        line(out, &Record::Unread(p.clone()))?;
    }
    for o in outcomes {
        match o {
            One::Read(r) => line(out, &Record::Article(Box::new(article(r, &text))))?,
            One::Unread(p) => line(out, &Record::Unread(p.clone()))?,
        }
    }
    Ok(())
}

fn article(r: &Read, text: &dyn Fn(u32) -> String) -> ArticleRecord {
    let s = &r.summary;
    let ex = &r.extraction;
    let places = &r.places;
    let observations = ex
        .observations
        .iter()
        .zip(&places.observations)
        .map(|(o, p)| ObservationRecord {
            fact: o.fact.to_string(),
            kind: o.kind,
            value: value_record(&o.value),
            raw: o.raw.clone(),
            span: pair(o.span),
            matched: pair(o.matched),
            sentence_span: pair(o.sentence),
            start: at(p.start),
            end: at(p.end),
            // Held: a run that writes map records keeps everything (`Detail::Full`).
            sentence: p.sentence.as_str().to_string(),
            highlight: pair(p.highlight),
            words: p.raw.clone(),
            file_span: pair(p.file_span),
        })
        .collect();
    let problems = ex
        .problems
        .iter()
        .zip(&places.problems)
        .map(|(e, p)| ProblemRecord {
            fact: e.fact.to_string(),
            span: pair(e.span),
            message: e.message.clone(),
            at: at(p.at),
            words: p.words.clone(),
        })
        .collect();
    let quotes = ex
        .quotes
        .iter()
        .zip(&places.quotes)
        .map(|(q, p)| QuoteRecord {
            span: (q.quote.span.start, q.quote.span.end),
            text: q.quote.text.clone(),
            kind: q.quote.kind,
            unbalanced: q.quote.unbalanced,
            speaker: q.quote.speaker.as_ref().map(|s| SpeakerRecord {
                name: s.name.clone(),
                span: s.span.as_ref().map(|r| (r.start, r.end)),
                attribution: s.attribution,
                description: s.description.clone(),
            }),
            start: at(p.start()),
            end: at(p.end()),
            file_span: pair(p.file_span()),
        })
        .collect();
    let name_places: &[NamePlace] = places.names.first().map_or(&[], Vec::as_slice);
    let mut sentences: Vec<String> = Vec::new();
    let mut sentence_ids: std::collections::HashMap<&str, usize> = Default::default();
    let names = r
        .names
        .iter()
        .map(|m| {
            let place = name_places
                .binary_search_by_key(&m.uses.start, |p| p.start)
                .ok()
                .and_then(|k| name_places.get(k));
            MentionRecord {
                text: text(m.text),
                span: (m.uses.start as usize, m.uses.end as usize),
                kind: m.uses.kind,
                at: place.map_or((0, 0), |p| (p.line as usize, p.column as usize)),
                sentence: r.sentences.as_ref().and_then(|s| {
                    // Held: a run that writes map records keeps everything.
                    let s = s.held(m.uses.start)?;
                    Some(*sentence_ids.entry(s).or_insert_with(|| {
                        sentences.push(s.to_string());
                        sentences.len() - 1
                    }))
                }),
            }
        })
        .collect();
    ArticleRecord {
        path: s.path.to_string_lossy().into_owned(),
        file: s.file_name.clone(),
        source: s.source.clone(),
        title: s.title.clone(),
        published: s.published.map(|d| d.to_string()),
        format: match s.format {
            corpus::Format::Text => FormatRecord::Text,
            corpus::Format::Html => FormatRecord::Html,
            corpus::Format::Jsonl => FormatRecord::Jsonl,
            corpus::Format::Csv => FormatRecord::Csv,
        },
        origin: match s.origin {
            Origin::File => OriginRecord::File,
            Origin::Page => OriginRecord::Page,
            Origin::Row { line } => OriginRecord::Row { line },
            Origin::Stream => OriginRecord::Stream,
        },
        boilerplate: s.boilerplate,
        warnings: s.warnings.clone(),
        observations,
        problems,
        quotes,
        names,
        full_names: r.full_names.iter().map(|&id| text(id)).collect(),
        sentences,
    }
}

fn value_record(v: &Value) -> ValueRecord {
    match v {
        Value::Quantity(a) => ValueRecord::Quantity {
            quantity: a.quantity,
            unit: match a.unit {
                Unit::Count => UnitRecord::Count,
                Unit::Percent => UnitRecord::Percent,
                Unit::Points => UnitRecord::Points,
                Unit::Currency(c) => UnitRecord::Currency(c.to_string()),
                Unit::Measure(m) => UnitRecord::Measure(m.to_string()),
            },
        },
        Value::Date(d) => ValueRecord::Date(match d {
            DateValue::Day(d) => DateRecord::Day(d.to_string()),
            DateValue::Week { monday } => DateRecord::Week {
                monday: monday.to_string(),
            },
            DateValue::Month { year, month } => DateRecord::Month {
                year: *year,
                month: *month,
            },
            DateValue::Year(y) => DateRecord::Year(*y),
            DateValue::Days { first, last } => DateRecord::Days {
                first: first.to_string(),
                last: last.to_string(),
            },
            DateValue::OnOrBefore(d) => DateRecord::OnOrBefore(d.to_string()),
            DateValue::OnOrAfter(d) => DateRecord::OnOrAfter(d.to_string()),
            DateValue::UnresolvedWeekday(w) => {
                DateRecord::UnresolvedWeekday(w.to_monday_one_offset())
            }
            DateValue::UnresolvedDate { month, day } => DateRecord::UnresolvedDate {
                month: *month,
                day: *day,
            },
            DateValue::Unresolved { text } => DateRecord::Unresolved { text: text.clone() },
        }),
        Value::Term(t) => ValueRecord::Term(t.clone()),
    }
}

// ── Reading ─────────────────────────────────────────────────────────────────────────

/// Where an article's record is: read once for its place in `check`'s order, and again,
/// whole, when the run is assembled in that order.
struct At {
    /// `check`'s order: by path, then by the row of a feed ([`row_of`]).
    path: PathBuf,
    row: usize,
    /// Input index, the line's byte offset in it, and its line number.
    input: usize,
    offset: u64,
    line: usize,
}

impl At {
    fn key(&self) -> (&Path, usize, usize) {
        (&self.path, self.row, self.input)
    }
}

/// An input of map records, to read article records again from: its file, or standard
/// input copied to a temporary file as it was read.
struct Source {
    name: Arc<str>,
    again: Again,
}

enum Again {
    Path(PathBuf),
    Spooled(std::fs::File),
}

/// Map records read from any number of inputs, in any order: what `compare` runs on.
/// Inputs are read twice. The first time, only where each article's record is and its
/// place in `check`'s order are kept; the second time ([`assemble`]), records are read
/// in that order a slice at a time, and each slice joins the run as `check`'s slices do:
/// the records are never all in memory, as text, as records or as what is made of them
/// (held, every article's finds weighed 40% more than the run made from them).
pub struct Records {
    detail: Detail,
    index: Vec<At>,
    unread: Vec<ArticleProblem>,
    headers: Vec<Header>,
    inputs: Vec<Source>,
}

/// What the first reading reads of a record: its type, and an article's place in order.
#[derive(Deserialize)]
struct Peek {
    #[serde(rename = "type")]
    kind: Option<String>,
    path: Option<String>,
    origin: Option<OriginRecord>,
}

/// A line of `file` that serde_json could not read: its message without serde_json's own
/// place (each line is read on its own, so that place is always line 1).
fn json_error(file: &str, line: usize, e: &serde_json::Error) -> MapError {
    let message = e.to_string();
    let own = format!(" at line {} column {}", e.line(), e.column());
    MapError::Json {
        file: file.to_string(),
        line,
        // A record read whole but lacking a field has no place of its own (serde_json says
        // column 0): the line's start, columns being 1-based here as everywhere.
        column: e.column().max(1),
        message: message.strip_suffix(&own).unwrap_or(&message).to_string(),
    }
}

impl Records {
    /// No records yet; those read will make a report that keeps what `detail` says.
    pub fn new(detail: Detail) -> Records {
        Records {
            detail,
            index: Vec::new(),
            unread: Vec::new(),
            headers: Vec::new(),
            inputs: Vec::new(),
        }
    }

    /// What the report made from these records keeps.
    pub fn detail(&self) -> Detail {
        self.detail
    }

    /// Read the map records of the file at `path`, named `file` in errors (its article
    /// records are read again from it when the run is assembled).
    pub fn read_file(&mut self, file: &str, path: &Path, rules: &RuleSet) -> Result<(), MapError> {
        let io = |source| MapError::Io {
            file: file.to_string(),
            source,
        };
        let input = std::fs::File::open(path).map_err(io)?;
        // A pipe or a device cannot be read again: copied, as standard input is.
        if !input.metadata().map_err(io)?.is_file() {
            return self.read(file, io::BufReader::new(input), rules);
        }
        self.scan(file, io::BufReader::new(input), rules, None)?;
        self.inputs.push(Source {
            name: Arc::from(file),
            again: Again::Path(path.to_path_buf()),
        });
        Ok(())
    }

    /// Read the map records of one input, named `file` in errors, that cannot be read
    /// twice (standard input): it is copied to a temporary file as it is read. An empty
    /// input is allowed (an empty shard); every record must follow a header.
    pub fn read(
        &mut self,
        file: &str,
        input: impl BufRead,
        rules: &RuleSet,
    ) -> Result<(), MapError> {
        let io = |source| MapError::Io {
            file: file.to_string(),
            source,
        };
        let mut spool = io::BufWriter::new(tempfile::tempfile().map_err(io)?);
        self.scan(file, input, rules, Some(&mut spool))?;
        // Flushed by `scan`: nothing is left to write.
        let spooled = spool.into_inner().map_err(|e| io(e.into_error()))?;
        self.inputs.push(Source {
            name: Arc::from(file),
            again: Again::Spooled(spooled),
        });
        Ok(())
    }

    /// Read `input` through: its headers and problems, and where each article record is
    /// (copying every line to `spool`, when given, and flushing it). On an error, nothing
    /// of the input is kept.
    fn scan(
        &mut self,
        file: &str,
        input: impl BufRead,
        rules: &RuleSet,
        spool: Option<&mut io::BufWriter<std::fs::File>>,
    ) -> Result<(), MapError> {
        let kept = (self.index.len(), self.unread.len(), self.headers.len());
        let scanned = self.scan_all(file, input, rules, spool);
        if scanned.is_err() {
            self.index.truncate(kept.0);
            self.unread.truncate(kept.1);
            self.headers.truncate(kept.2);
        }
        scanned
    }

    fn scan_all(
        &mut self,
        file: &str,
        mut input: impl BufRead,
        rules: &RuleSet,
        mut spool: Option<&mut io::BufWriter<std::fs::File>>,
    ) -> Result<(), MapError> {
        let io = |source| MapError::Io {
            file: file.to_string(),
            source,
        };
        let index = self.inputs.len();
        let facts: Vec<&str> = rules.facts.iter().map(|f| f.id.as_str()).collect();
        let mut seen_header = false;
        let (mut buf, mut offset, mut number) = (String::new(), 0u64, 0usize);
        loop {
            buf.clear();
            let n = input.read_line(&mut buf).map_err(io)?;
            if n == 0 {
                break;
            }
            if let Some(w) = &mut spool {
                w.write_all(buf.as_bytes()).map_err(io)?;
            }
            number += 1;
            let at = offset;
            offset += n as u64;
            let l = line_of(&buf);
            if l.trim().is_empty() {
                continue;
            }
            // An article's record is read whole only once the run is assembled.
            if let Ok(Peek {
                kind: Some(kind),
                path: Some(path),
                origin: Some(origin),
            }) = serde_json::from_str::<Peek>(l)
                && kind == "article"
            {
                if !seen_header {
                    return Err(MapError::NoHeader {
                        file: file.to_string(),
                        line: number,
                    });
                }
                self.index.push(At {
                    path: PathBuf::from(path),
                    row: row_of(origin),
                    input: index,
                    offset: at,
                    line: number,
                });
                continue;
            }
            let record: Record =
                serde_json::from_str(l).map_err(|e| json_error(file, number, &e))?;
            match record {
                Record::Header(h) => {
                    if h.schema != SCHEMA {
                        return Err(MapError::Schema {
                            file: file.to_string(),
                            line: number,
                            found: h.schema,
                        });
                    }
                    if h.facts != facts {
                        return Err(MapError::Facts {
                            file: file.to_string(),
                            line: number,
                            found: h.facts.join(", "),
                            expected: facts.join(", "),
                        });
                    }
                    seen_header = true;
                    self.headers.push(h);
                }
                _ if !seen_header => {
                    return Err(MapError::NoHeader {
                        file: file.to_string(),
                        line: number,
                    });
                }
                Record::Article(a) => self.index.push(At {
                    path: PathBuf::from(&a.path),
                    row: row_of(a.origin),
                    input: index,
                    offset: at,
                    line: number,
                }),
                Record::Unread(p) => self.unread.push(p),
                Record::Other => {}
            }
        }
        match spool {
            Some(w) => w.flush().map_err(io),
            None => Ok(()),
        }
    }

    /// What the reader of a report built from these records should know: where it may
    /// differ from `check` on the same articles.
    pub fn notes(&self) -> Vec<String> {
        let detail = self.detail;
        let mut notes = Vec::new();
        let surveyed = self
            .headers
            .iter()
            .filter(|h| h.boilerplate == Boilerplate::Surveyed)
            .count();
        if surveyed > 1 {
            notes.push(format!(
                "{surveyed} inputs left out recurring boilerplate surveyed over their own articles only: \
                 the report may differ from check on the whole corpus (extract with --recurring, or with \
                 --keep-boilerplate on both sides)"
            ));
        }
        if detail.keeps_sentences() && self.headers.iter().any(|h| !h.name_sentences) {
            notes.push(
                "some inputs carry no name sentences (extract --name-sentences): uses of names are shown \
                 without their sentence unless the article files are where extract read them"
                    .to_string(),
            );
        }
        notes
    }
}

/// The part files of a folder (Spark's `part-00000`, …), sorted by name: every regular
/// file whose name starts with neither `.` nor `_` (`_SUCCESS`, `.part-00000.crc`).
pub fn part_files(folder: &Path) -> Result<Vec<PathBuf>, MapError> {
    let io = |source| MapError::Io {
        file: corpus::escape_path(folder),
        source,
    };
    let mut files = Vec::new();
    for e in std::fs::read_dir(folder).map_err(io)? {
        let e = e.map_err(io)?;
        let name = e.file_name();
        let hidden = name
            .as_encoded_bytes()
            .first()
            .is_some_and(|b| *b == b'.' || *b == b'_');
        if !hidden && e.path().is_file() {
            files.push(e.path());
        }
    }
    files.sort();
    Ok(files)
}

/// A line read with `read_line`, without its line ending (as `lines` gives it).
fn line_of(buf: &str) -> &str {
    let l = buf.strip_suffix('\n').unwrap_or(buf);
    l.strip_suffix('\r').unwrap_or(l)
}

/// The row of a feed an article was (0 for an article of its own): with its path, its
/// place in the order `check` reads articles in.
fn row_of(origin: OriginRecord) -> usize {
    match origin {
        OriginRecord::Row { line } => line,
        _ => 0,
    }
}

/// Read the articles' records again, in `check`'s order, and assemble the run from them a
/// slice (of `slice` records) at a time, as `check` assembles the articles it reads
/// ([`super::read_assembled`]).
pub(super) fn assemble(
    rules: &RuleSet,
    records: Records,
    slice: usize,
) -> Result<Assembled, RunError> {
    let Records {
        detail,
        mut index,
        mut unread,
        inputs,
        ..
    } = records;
    let name = |at: &At| inputs.get(at.input).map_or("", |s| &*s.name);
    // Stable: articles of standard input (all named `-`) keep the order of the inputs.
    index.sort_by(|a, b| a.key().cmp(&b.key()));
    for w in index.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        let stream = a.path.as_os_str() == "-";
        if !stream && (&a.path, a.row) == (&b.path, b.row) {
            return Err(MapError::Duplicate {
                path: corpus::escape_path(&a.path),
                first: format!("{}:{}", name(a), a.line),
                second: format!("{}:{}", name(b), b.line),
            }
            .into());
        }
    }
    // Problems are sorted by file, line and column in the report; this settles ties.
    unread.sort_by(|a, b| {
        (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message))
    });
    // Each observation names its fact by one shared id, as in `check` (a copy of the id
    // for each of a million observations weighed tens of megabytes).
    let facts: Vec<Arc<str>> = rules
        .facts
        .iter()
        .map(|f| Arc::from(f.id.as_str()))
        .collect();
    let pool = Pool::default();
    let mut assembly = Assembly::new(rules, 0, detail);
    let mut again = Readers::new(&index, inputs.len());
    let size = slice.max(1);
    for (n, slice) in index.chunks(size).enumerate() {
        let first = n * size;
        let lines = slice
            .iter()
            .enumerate()
            .map(|(k, at)| again.line(first + k, at, &inputs).map(|l| (l, at)))
            .collect::<Result<Vec<_>, MapError>>()?;
        // Every record's outcome, then the first error in order: the same one each run.
        let reads: Vec<Result<Read, MapError>> = lines
            .par_iter()
            .map(|(l, at)| {
                let (file, line) = (name(at), at.line);
                let value = |message| MapError::Value {
                    file: file.to_string(),
                    line,
                    message,
                };
                let record: ArticleRecord =
                    serde_json::from_str(line_of(l)).map_err(|e| json_error(file, line, &e))?;
                if (Path::new(&record.path), row_of(record.origin)) != (at.path.as_path(), at.row) {
                    return Err(value("not the article read there before: the input changed while compare read it".into()));
                }
                read_of(record, &pool, &facts, detail).map_err(value)
            })
            .collect();
        drop(lines);
        let reads = reads.into_iter().collect::<Result<Vec<Read>, MapError>>()?;
        // No record is being read: the pool's texts are all there, and stay put.
        let inner = pool.inner.read().unwrap_or_else(|e| e.into_inner());
        let text = |id: u32| inner.texts.get(id as usize).map_or("", |t| &**t);
        for read in reads {
            assembly.push(One::Read(Box::new(read)), &text);
        }
    }
    let (mut run, unmatched, carried) = assembly.finish()?;
    run.unread.splice(0..0, unread);
    Ok(Assembled {
        run,
        unmatched,
        carried,
        recurring: Recurring::default(),
        kept: None,
    })
}

/// The inputs open again, each where its last record read ended. An input is closed once
/// its last record is read, and at most [`Readers::OPEN`] are open at once (the least
/// recently read is closed, and opened again where needed): a Spark job's output can have
/// thousands of part files, whose records interleave in `check`'s order.
pub(super) struct Readers {
    open: Vec<Option<Open>>,
    /// Where in the sorted index each input's last record is.
    last: Vec<usize>,
    /// How many inputs are open; a clock for the least recently read.
    count: usize,
    clock: u64,
}

struct Open {
    reader: io::BufReader<std::fs::File>,
    position: u64,
    used: u64,
}

impl Readers {
    pub(super) const OPEN: usize = 64;

    fn new(index: &[At], inputs: usize) -> Self {
        let mut last = vec![0; inputs];
        for (k, at) in index.iter().enumerate() {
            if let Some(l) = last.get_mut(at.input) {
                *l = k;
            }
        }
        Readers {
            open: (0..inputs).map(|_| None).collect(),
            last,
            count: 0,
            clock: 0,
        }
    }

    /// The line at `at`, line ending and all, the `k`th record of the sorted index
    /// (records in order are read one after another; a seek only where an input's records
    /// are out of order or it was closed).
    fn line(&mut self, k: usize, at: &At, inputs: &[Source]) -> Result<String, MapError> {
        use std::io::{Seek, SeekFrom};
        let io = |source| MapError::Io {
            file: inputs
                .get(at.input)
                .map_or(String::new(), |s| s.name.to_string()),
            source,
        };
        // Every place read is of an input read (its index is the input's).
        let Some(source) = inputs.get(at.input) else {
            return Err(io(io::Error::other("an input read no longer there")));
        };
        if self.open.get(at.input).is_some_and(Option::is_none) {
            if self.count >= Self::OPEN {
                self.close_least_recent();
            }
            let file = match &source.again {
                Again::Path(path) => std::fs::File::open(path),
                Again::Spooled(file) => file.try_clone(),
            }
            .map_err(io)?;
            let mut reader = io::BufReader::new(file);
            reader.seek(SeekFrom::Start(0)).map_err(io)?;
            if let Some(slot) = self.open.get_mut(at.input) {
                *slot = Some(Open {
                    reader,
                    position: 0,
                    used: 0,
                });
                self.count += 1;
            }
        }
        self.clock += 1;
        let clock = self.clock;
        let Some(Some(o)) = self.open.get_mut(at.input) else {
            return Err(io(io::Error::other("an input that could not be opened")));
        };
        o.used = clock;
        if o.position != at.offset {
            // Forward within the buffer keeps what it holds.
            match at
                .offset
                .checked_sub(o.position)
                .and_then(|d| i64::try_from(d).ok())
            {
                Some(d) => o.reader.seek_relative(d).map_err(io)?,
                None => {
                    o.reader.seek(SeekFrom::Start(at.offset)).map_err(io)?;
                }
            }
        }
        let mut line = String::new();
        let n = o.reader.read_line(&mut line).map_err(io)?;
        o.position = at.offset + n as u64;
        if self.last.get(at.input) == Some(&k)
            && let Some(slot) = self.open.get_mut(at.input)
        {
            *slot = None;
            self.count -= 1;
        }
        Ok(line)
    }

    fn close_least_recent(&mut self) {
        let least = self
            .open
            .iter()
            .enumerate()
            .filter_map(|(i, o)| o.as_ref().map(|o| (o.used, i)))
            .min();
        if let Some((_, i)) = least
            && let Some(slot) = self.open.get_mut(i)
        {
            *slot = None;
            self.count -= 1;
        }
    }
}

/// One article's [`Read`] again, as [`super::process`] made it at `detail`.
fn read_of(
    r: ArticleRecord,
    pool: &Pool,
    facts: &[Arc<str>],
    detail: Detail,
) -> Result<Read, String> {
    // The header named the rules' facts: a record naming another is an error.
    let fact = |id: &str| {
        facts
            .iter()
            .find(|f| &***f == id)
            .cloned()
            .ok_or_else(|| format!("fact {id:?} is not one of the header's facts"))
    };
    let date = |s: &str| {
        s.parse::<Date>()
            .map_err(|e| format!("{s:?} is not a date: {e}"))
    };
    let published = r.published.as_deref().map(date).transpose()?;
    let sentences = detail.keeps_sentences();
    let mut observations = Vec::with_capacity(r.observations.len());
    let mut observation_places = Vec::with_capacity(r.observations.len());
    // As `check` places them ([`Places::of`]): the lean table prints the sentence of the
    // first observation of each value of a fact in an article only.
    let mut printed: std::collections::HashSet<(String, String)> = Default::default();
    for o in r.observations {
        let observation = Observation {
            fact: fact(&o.fact)?,
            kind: o.kind,
            article: 0,
            span: span(o.span),
            matched: span(o.matched),
            sentence: span(o.sentence_span),
            value: value_of(o.value)?,
            raw: o.raw,
        };
        let shown = sentences
            && (detail != Detail::FirstOnly
                || printed.insert((o.fact, observation.value.canonical())));
        observations.push(observation);
        let (sentence, highlight) = if shown {
            (o.sentence, span(o.highlight))
        } else {
            (String::new(), Span::new(0, 0))
        };
        observation_places.push(EvidencePlace {
            start: position(o.start),
            end: position(o.end),
            sentence: sentence.into(),
            highlight,
            raw: o.words,
            file_span: span(o.file_span),
        });
    }
    let (problems, problem_places): (Vec<_>, Vec<_>) = r
        .problems
        .into_iter()
        .map(|p| {
            Ok((
                ExtractProblem {
                    fact: fact(&p.fact)?,
                    article: 0,
                    span: span(p.span),
                    message: p.message,
                },
                ProblemPlace {
                    at: position(p.at),
                    words: p.words,
                },
            ))
        })
        .collect::<Result<Vec<_>, String>>()?
        .into_iter()
        .unzip();
    let (quotes, quote_places): (Vec<_>, Vec<_>) = r
        .quotes
        .into_iter()
        .map(|q| {
            let place = QuotePlace::new(position(q.start), position(q.end), span(q.file_span));
            let quote = Quote {
                span: q.span.0..q.span.1,
                text: q.text,
                kind: q.kind,
                unbalanced: q.unbalanced,
                speaker: q.speaker.map(|s| Speaker {
                    name: s.name,
                    span: s.span.map(|(a, b)| a..b),
                    attribution: s.attribution,
                    description: s.description,
                }),
            };
            // The speaker in canonical form is set when the run is assembled, as in `check`.
            let observation = QuoteObservation {
                article: 0,
                speaker: None,
                who: None,
                quote,
            };
            (observation, place)
        })
        .unzip();
    let at_start: std::collections::HashMap<usize, Pair> =
        r.names.iter().map(|m| (m.span.0, m.at)).collect();
    let name_places = crate::placed::name_places(
        r.names.iter().map(|m| (m.text.as_str(), m.span.0)),
        |start| position(at_start.get(&start).copied().unwrap_or((0, 0))),
        detail,
    );
    // Carried when every mention carries its sentence (an article without mentions has
    // none to carry). Only the mentions the report can show (those with a place: at
    // `Detail::FirstOnly`, the first of each text) keep theirs: at 100k articles the
    // sentences of every mention were most of `compare`'s memory.
    let placed = |start: usize| {
        name_places
            .binary_search_by_key(&crate::span::narrow(start), |p| p.start)
            .is_ok()
    };
    let carried: Option<NameSentences> = r
        .names
        .iter()
        .map(|m| Some((m, r.sentences.get(m.sentence?)?)))
        .collect::<Option<Vec<_>>>()
        .map(|carried| {
            NameSentences::new(
                carried
                    .into_iter()
                    .filter(|(m, _)| placed(m.span.0))
                    .map(|(m, sentence)| (crate::span::narrow(m.span.0), sentence.clone()))
                    .collect(),
            )
        });
    let uses = r.names.iter().map(|m| {
        let (start, end) = (crate::span::narrow(m.span.0), crate::span::narrow(m.span.1));
        (pool.id(&m.text), Uses::one(start, end, m.kind))
    });
    // The lean table's run holds each text's uses in an article as one entry
    // ([`crate::read::name::Mentions::first_use_per_text`]): merged here, an article's
    // record holds that many (at 100k articles, 4.7 million instead of 11.5 million)
    // while the others are read.
    let uses: Vec<(u32, Uses)> = if detail == Detail::FirstOnly {
        merge_uses(uses)
    } else {
        uses.collect()
    };
    let mut names: Vec<PooledMention> = uses
        .into_iter()
        .map(|(text, uses)| PooledMention { text, uses })
        .collect();
    // Held while every other article is read: no spare room.
    names.shrink_to_fit();
    Ok(Read {
        summary: ArticleSummary {
            path: PathBuf::from(r.path),
            file_name: r.file,
            source: r.source,
            title: r.title,
            published,
            warnings: r.warnings,
            format: match r.format {
                FormatRecord::Text => corpus::Format::Text,
                FormatRecord::Html => corpus::Format::Html,
                FormatRecord::Jsonl => corpus::Format::Jsonl,
                FormatRecord::Csv => corpus::Format::Csv,
            },
            origin: match r.origin {
                OriginRecord::File => Origin::File,
                OriginRecord::Page => Origin::Page,
                OriginRecord::Row { line } => Origin::Row { line },
                OriginRecord::Stream => Origin::Stream,
            },
            boilerplate: r.boilerplate,
        },
        extraction: Extraction {
            observations,
            problems,
            quotes,
            names: Vec::new(),
        },
        names,
        places: Places {
            observations: observation_places,
            problems: problem_places,
            quotes: quote_places,
            names: vec![name_places],
        },
        full_names: r.full_names.iter().map(|n| pool.id(n)).collect(),
        matched: Vec::new(),
        sentences: carried,
    })
}

fn value_of(v: ValueRecord) -> Result<Value, String> {
    let date = |s: &str| {
        s.parse::<Date>()
            .map_err(|e| format!("{s:?} is not a date: {e}"))
    };
    Ok(match v {
        ValueRecord::Quantity { quantity, unit } => Value::Quantity(Amount {
            quantity,
            unit: match unit {
                UnitRecord::Count => Unit::Count,
                UnitRecord::Percent => Unit::Percent,
                UnitRecord::Points => Unit::Points,
                UnitRecord::Currency(c) => Unit::from_code(true, &c)
                    .ok_or_else(|| format!("{c:?} is not a currency this crosscheck reads"))?,
                UnitRecord::Measure(m) => Unit::from_code(false, &m)
                    .ok_or_else(|| format!("{m:?} is not a unit this crosscheck reads"))?,
            },
        }),
        ValueRecord::Date(d) => Value::Date(match d {
            DateRecord::Day(d) => DateValue::Day(date(&d)?),
            DateRecord::Week { monday } => DateValue::Week {
                monday: date(&monday)?,
            },
            DateRecord::Month { year, month } => DateValue::Month { year, month },
            DateRecord::Year(y) => DateValue::Year(y),
            DateRecord::Days { first, last } => DateValue::Days {
                first: date(&first)?,
                last: date(&last)?,
            },
            DateRecord::OnOrBefore(d) => DateValue::OnOrBefore(date(&d)?),
            DateRecord::OnOrAfter(d) => DateValue::OnOrAfter(date(&d)?),
            DateRecord::UnresolvedWeekday(w) => DateValue::UnresolvedWeekday(
                Weekday::from_monday_one_offset(w)
                    .map_err(|e| format!("{w} is not a weekday: {e}"))?,
            ),
            DateRecord::UnresolvedDate { month, day } => DateValue::UnresolvedDate { month, day },
            DateRecord::Unresolved { text } => DateValue::Unresolved { text },
        }),
        ValueRecord::Term(t) => Value::Term(t),
    })
}

// ── Line keys ───────────────────────────────────────────────────────────────────────

/// One article's line keys (`extract --line-keys`): what the survey of recurring
/// boilerplate needs of it, as 16 hexadecimal digits per key (a JSON number would lose
/// bits in readers that hold numbers as doubles).
#[derive(Debug, Serialize, Deserialize)]
struct LineKeysRecord {
    #[serde(rename = "type")]
    kind: String,
    /// The article's name, for a person reading the file.
    file: String,
    short: Vec<String>,
    long: Vec<String>,
}

const LINE_KEYS: &str = "line_keys";

/// Write one article's line keys as a line.
pub(super) fn write_line_keys(
    out: &mut dyn Write,
    file: &str,
    keys: &corpus::LineKeys,
) -> io::Result<()> {
    let hex = |ks: &[u64]| ks.iter().map(|k| format!("{k:016x}")).collect();
    let (short, long) = keys.keys();
    let record = LineKeysRecord {
        kind: LINE_KEYS.to_string(),
        file: file.to_string(),
        short: hex(short),
        long: hex(long),
    };
    serde_json::to_writer(&mut *out, &record).map_err(io::Error::other)?;
    writeln!(out)
}

/// The lines that recur across the articles whose line keys are in `paths` (files, or
/// folders of part files): the survey `check` makes over the whole corpus.
pub fn recurring(paths: &[PathBuf]) -> Result<Recurring, MapError> {
    let mut all = Vec::new();
    for p in paths {
        let files = if p.is_dir() {
            part_files(p)?
        } else {
            vec![p.clone()]
        };
        for f in files {
            let name = corpus::escape_path(&f);
            let io = |source| MapError::Io {
                file: name.clone(),
                source,
            };
            let reader = io::BufReader::new(std::fs::File::open(&f).map_err(io)?);
            for (i, l) in reader.lines().enumerate() {
                let l = l.map_err(io)?;
                if l.trim().is_empty() {
                    continue;
                }
                let json = |e: serde_json::Error| json_error(&name, i + 1, &e);
                let r: LineKeysRecord = serde_json::from_str(&l).map_err(json)?;
                let bad = |what: &str| MapError::Value {
                    file: name.clone(),
                    line: i + 1,
                    message: what.to_string(),
                };
                if r.kind != LINE_KEYS {
                    return Err(bad(
                        "not a line_keys record (written by extract --line-keys)",
                    ));
                }
                let keys = |ks: Vec<String>| {
                    ks.iter()
                        .map(|k| {
                            u64::from_str_radix(k, 16).map_err(|_| bad("a key is not hexadecimal"))
                        })
                        .collect::<Result<Vec<u64>, MapError>>()
                };
                all.push(corpus::LineKeys::from_keys(keys(r.short)?, keys(r.long)?));
            }
        }
    }
    Ok(corpus::Recurring::from_articles(&all))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(v: Value) {
        let line = serde_json::to_string(&value_record(&v)).unwrap();
        let back: ValueRecord = serde_json::from_str(&line).unwrap();
        assert_eq!(value_of(back).unwrap(), v, "{line}");
    }

    #[test]
    fn every_kind_of_value_reads_back_as_it_was_written() {
        let day = |s: &str| s.parse::<Date>().unwrap();
        let amounts = [
            Quantity::Exact(2000.0),
            Quantity::Approx(0.1 + 0.2),
            Quantity::AtLeast(1e21),
            Quantity::AtMost(-5.5),
            Quantity::Range(1.0 / 3.0, 2.5e-7),
        ];
        let units = [
            Unit::Count,
            Unit::Percent,
            Unit::Points,
            Unit::Currency("USD"),
            Unit::Currency("NZD"),
            Unit::Measure("kWh"),
        ];
        for quantity in amounts {
            for unit in units {
                round_trip(Value::Quantity(Amount { quantity, unit }));
            }
        }
        for d in [
            DateValue::Day(day("2022-01-06")),
            DateValue::Week {
                monday: day("2022-01-03"),
            },
            DateValue::Month {
                year: 2022,
                month: 1,
            },
            DateValue::Year(2021),
            DateValue::Days {
                first: day("2022-05-11"),
                last: day("2022-05-20"),
            },
            DateValue::OnOrBefore(day("2021-02-20")),
            DateValue::OnOrAfter(day("2021-02-20")),
            DateValue::UnresolvedWeekday(Weekday::Sunday),
            DateValue::UnresolvedDate { month: 2, day: 29 },
            DateValue::Unresolved {
                text: "ten days later".into(),
            },
        ] {
            round_trip(Value::Date(d));
        }
        round_trip(Value::Term(TermUse {
            class: "deployment".into(),
            negated: true,
            quoted: false,
        }));
    }

    #[test]
    fn a_unit_or_date_this_crosscheck_does_not_know_is_an_error() {
        let unit: ValueRecord = serde_json::from_str(
            r#"{"quantity":{"quantity":{"Exact":1.0},"unit":{"currency":"XYZ"}}}"#,
        )
        .unwrap();
        assert!(value_of(unit).unwrap_err().contains("\"XYZ\""));
        let date: ValueRecord = serde_json::from_str(r#"{"date":{"day":"2022-02-30"}}"#).unwrap();
        assert!(value_of(date).unwrap_err().contains("not a date"));
    }

    #[test]
    fn records_of_other_types_are_read_past_and_a_header_comes_first() {
        let rules = RuleSet::default();
        let header = r#"{"type":"header","schema":1,"crosscheck":"0","facts":[],"boilerplate":"kept","name_sentences":false}"#;
        let mut r = Records::new(Detail::Full);
        let input = format!("{header}\n{{\"type\":\"observation\",\"value\":\"2\"}}\n\n");
        r.read("a", input.as_bytes(), &rules).unwrap();
        assert_eq!((r.headers.len(), r.index.len()), (1, 0));
        let e = Records::new(Detail::Full)
            .read(
                "b",
                &br#"{"type":"unread","file":"x","line":null,"column":null,"message":"m"}"#[..],
                &rules,
            )
            .unwrap_err();
        assert!(matches!(e, MapError::NoHeader { line: 1, .. }), "{e}");
        let newer = header.replace("\"schema\":1", "\"schema\":2");
        let e = Records::new(Detail::Full)
            .read("c", newer.as_bytes(), &rules)
            .unwrap_err();
        assert!(e.to_string().starts_with("c:1: map schema 2"), "{e}");
    }

    #[test]
    fn at_most_so_many_inputs_are_open_and_each_line_is_read_where_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let n = Readers::OPEN + 6;
        let mut inputs = Vec::new();
        let mut index = Vec::new();
        for i in 0..n {
            let path = dir.path().join(format!("part-{i:05}"));
            // Two lines, the second with a Windows line ending.
            let first = format!("first of {i}\n");
            std::fs::write(&path, format!("{first}second of {i}\r\n")).unwrap();
            inputs.push(Source {
                name: Arc::from(format!("part-{i:05}").as_str()),
                again: Again::Path(path),
            });
            for (line, offset) in [(1, 0), (2, first.len() as u64)] {
                index.push(At {
                    path: PathBuf::from(format!("a{i}")),
                    row: line,
                    input: i,
                    offset,
                    line,
                });
            }
        }
        // Interleaved: every input's first line, then every input's second.
        index.sort_by_key(|at| (at.line, at.input));
        let mut readers = Readers::new(&index, inputs.len());
        for (k, at) in index.iter().enumerate() {
            let got = readers.line(k, at, &inputs).unwrap();
            let want = if at.line == 1 { "first" } else { "second" };
            assert_eq!(line_of(&got), format!("{want} of {}", at.input));
            assert!(readers.count <= Readers::OPEN, "{} open", readers.count);
        }
        // Each input closed after its last line.
        assert_eq!(readers.count, 0);
        assert!(readers.open.iter().all(Option::is_none));
    }
}
