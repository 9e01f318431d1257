//! Articles: reading files, front matter, and the body's paragraphs and sentences.
//!
//! First stage of the flow (rules + **articles** → extract → compare → report). An
//! [`Article`] keeps the file's text exactly as on disk so that every byte span found later
//! maps to the line and column a person sees in an editor; the front matter is parsed into
//! metadata and the body is cut into paragraphs and sentences ([`crate::text::split`]),
//! which are the unit of "near" for the rules. The cutting itself lives in [`crate::text`];
//! what stays here is the bound on their size (see below).
//!
//! A file that cannot be read is not an error of the run: [`load`] returns it as an
//! [`ArticleProblem`] beside the articles that could be read, and the report lists it.
//!
//! # Inputs
//!
//! [`walk::list`] turns the paths named into [`Input`]s; each is read by its [`Format`]:
//! text with optional front matter, a saved web page ([`html`]: the main text extracted,
//! the page's metadata made front matter), or a feed of articles ([`feed`]: JSON Lines or
//! CSV, one article per line or row). Pages and feed rows are articles whose text is the
//! extracted text, front matter first: line and column refer to it ([`Origin`]).
//! Boilerplate lines ([`boilerplate`]) are blanked out of every article's text before it
//! is cut into paragraphs: left out of extraction, counted, and still in their place.
//!
//! # Hostile input (see docs/robustness.md)
//!
//! * UTF-8, with or without a byte-order mark; UTF-16 with a byte-order mark is decoded. A
//!   file that is not UTF-8 is decoded as windows-1252 (a superset of Latin-1, as browsers
//!   do) and read, with a warning on [`Article::warnings`]. A file with a NUL byte or many
//!   control bytes is binary: skipped, with a reason.
//! * Line ends `\n`, `\r\n` and a lone `\r` all end lines and paragraphs; a lone `\r` is
//!   read as `\n` (same length, so offsets do not move).
//! * Zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF, soft hyphen U+00AD) are
//!   dropped from the text that is read, so "2,\u{200B}000" is 2,000 and a zero-width space
//!   inside a word does not split it; fullwidth forms (U+FF01–U+FF5E: "２，０００") are read
//!   as their ASCII letters. Line and column still refer to the file: a dropped character
//!   counts as a column, as in an editor, except a byte-order mark.
//! * A paragraph longer than [`MAX_PARAGRAPH`] bytes is cut at sentence ends, a sentence
//!   longer than [`MAX_SENTENCE`] at white space, so every later stage works on bounded
//!   pieces and a 100 MB article takes time and memory in proportion to its size.

pub mod boilerplate;
mod decode;
pub mod feed;
mod front;
pub mod html;
mod pieces;
pub mod walk;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Serialize;

use crate::span::{LineIndex, Position, Span};
pub use boilerplate::{LineKeys, Recurring};
pub use decode::human_bytes;
use decode::{Normalized, Unread, decode, normalize};
pub use feed::FeedFields;
use front::{parse_date, parse_front_matter};
use pieces::{cap_paragraph, cap_sentence};
pub use walk::{Input, Listing, escape_name, escape_path, format_of, list};

/// How an input is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// Plain text (`.txt`, `.md`, no extension), optionally with front matter.
    Text,
    /// A saved web page (`.html`, `.htm`).
    Html,
    /// JSON Lines, one article per line (`.jsonl`, `.ndjson`).
    Jsonl,
    /// CSV with a header row, one article per row (`.csv`).
    Csv,
}

/// Where an article's text comes from, and so what its line numbers refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    /// A text file: lines and columns are the file's.
    #[default]
    File,
    /// A saved web page: its extracted text.
    Page,
    /// A row of a feed, starting at this line of the feed file: its extracted text.
    Row { line: usize },
    /// Standard input (read once; the text cannot be read again).
    Stream,
}

impl Origin {
    /// Whether line and column refer to text crosscheck extracted rather than to the file.
    pub fn extracted(self) -> bool {
        matches!(self, Origin::Page | Origin::Row { .. })
    }
}

/// Per-article size limit by default: 256 MiB.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 256 << 20;

/// How articles are read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Bytes read at most per article (a file, a page, a feed row); a larger one is
    /// skipped with the reason.
    pub max_bytes: u64,
    /// Leave boilerplate lines out of extraction.
    pub boilerplate: bool,
    /// The lines that recur across the corpus, surveyed beforehand (`--recurring`: a
    /// sharded run's shards share the whole corpus's survey); None: surveyed over the
    /// articles read.
    pub recurring: Option<Recurring>,
    /// Field names of feeds.
    pub fields: FeedFields,
    /// The format of files named on the command line (`--corpus-format`); None: by their
    /// extension. Files found in folders always go by their extension.
    pub format: Option<Format>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            boilerplate: true,
            recurring: None,
            fields: FeedFields::default(),
            format: None,
        }
    }
}

/// A boilerplate line left out of extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    /// Line number (1-based) in the article's text.
    pub line: usize,
    pub rule: boilerplate::Rule,
    /// The line as it was.
    pub text: String,
}

/// One article as read from disk.
#[derive(Debug, Clone)]
pub struct Article {
    /// The path as given on the command line (or found under a given folder).
    pub path: PathBuf,
    /// The file name shown in reports (`ap-lightning-deployment.txt`).
    pub file_name: String,
    /// The outlet: front matter `source`, else the file name.
    pub source: String,
    pub title: Option<String>,
    /// Front matter `published`, the reference for weekdays and year-less dates.
    pub published: Option<Date>,
    /// Every front matter key, including the ones above, in file order of keys sorted.
    pub meta: BTreeMap<String, String>,
    /// The whole file, front matter included: spans index into this.
    pub text: String,
    /// Where the body starts (after the closing `---` line), in bytes.
    pub body_start: usize,
    /// The headline (front matter `title`) as a byte span into `text`, where the title is
    /// written there: amounts and dates are read in it as in a sentence of the body
    /// ([`Article::sentence_at`] gives it for an offset inside it). None when there is no
    /// title, or it spans lines.
    pub headline: Option<Span>,
    /// Sentences of the body, in order, as byte spans into `text`.
    pub sentences: Vec<Span>,
    /// Paragraphs of the body (blank-line separated), as byte spans into `text`.
    pub paragraphs: Vec<Span>,
    /// What went wrong without stopping the article from being read (decoded as
    /// windows-1252): reported with the run's problems.
    pub warnings: Vec<ArticleProblem>,
    /// Lines left out of extraction as boilerplate (blanked in `text`), in order.
    pub boilerplate: Vec<Dropped>,
    /// How it was read, and where the text comes from.
    pub format: Format,
    pub origin: Origin,
    lines: LineIndex,
    /// (offset in `text`, bytes the file has more than `text` before it), for every place
    /// where reading changed the text's length; see [`Article::file_offset`].
    shifts: Vec<(usize, usize)>,
}

/// Paragraphs longer than this (in bytes) are cut at sentence ends.
pub const MAX_PARAGRAPH: usize = 16 * 1024;
/// Sentences longer than this (in bytes) are cut at white space.
pub const MAX_SENTENCE: usize = 4 * 1024;

/// Why an article could not be read, with where, so the report can say so.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct ArticleProblem {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for ArticleProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{}:{}: {}", self.file, l, c, self.message),
            (Some(l), None) => write!(f, "{}:{}: {}", self.file, l, self.message),
            _ => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Errors that stop a run before any article is read: the user named something that is not there.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{path}: no such file or folder")]
    Missing { path: PathBuf },
    #[error("{path}: cannot list folder: {source}")]
    ListDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "no articles found in {paths} (looked for .txt, .md, .html, .jsonl, .csv and extension-less files; see docs/inputs.md)"
    )]
    Empty { paths: String },
}

/// The articles that could be read, and a problem for each one that could not.
#[derive(Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub problems: Vec<ArticleProblem>,
}

impl Corpus {
    /// Set the publication date of the article whose file name or path is `key` (for
    /// articles without front matter). Returns false when no article matches.
    pub fn set_published(&mut self, key: &str, date: Date) -> bool {
        let mut found = false;
        for a in &mut self.articles {
            if a.file_name == key || a.path == Path::new(key) {
                a.published = Some(date);
                a.meta.insert("published".into(), date.to_string());
                found = true;
            }
        }
        found
    }
}

/// Text decoded from an input, before it is an [`Article`]: front matter (written or made
/// from a page's or a row's metadata) and body.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub path: PathBuf,
    /// The name reports show.
    pub name: String,
    pub text: String,
    pub warnings: Vec<ArticleProblem>,
    pub format: Format,
    pub origin: Origin,
}

impl Decoded {
    /// The keys of its lines, for [`Recurring`].
    pub fn line_keys(&self) -> LineKeys {
        // As the article will read it: lone `\r` line ends and invisible characters
        // dropped (a copy only when it has any, which is rare).
        let normalized;
        let text = if self.text.contains('\r') || decode::has_hidden_or_fullwidth(&self.text) {
            normalized = normalize(self.text.clone()).text;
            normalized.as_str()
        } else {
            self.text.as_str()
        };
        let body_start = parse_front_matter(text).map_or(0, |fm| fm.body_start);
        LineKeys::of(text.get(body_start..).unwrap_or(text))
    }

    /// The article, with boilerplate left out when `recurring` is given (the corpus's
    /// recurring lines, possibly none).
    pub fn into_article(self, recurring: Option<&Recurring>) -> Result<Article, ArticleProblem> {
        Article::build(self, recurring)
    }
}

fn problem(file: &str, message: String) -> ArticleProblem {
    ArticleProblem {
        file: file.to_string(),
        line: None,
        column: None,
        message,
    }
}

fn unread(file: &str, u: Unread) -> ArticleProblem {
    match u {
        Unread::Io(e) => problem(file, format!("cannot read: {e}")),
        Unread::Reason(r) => problem(file, r),
    }
}

/// Read an input's texts: one for a text file or a page, one per row for a feed, each or
/// the reason it cannot be read, in order.
pub fn decode_input(input: &Input, options: &ReadOptions) -> Vec<Result<Decoded, ArticleProblem>> {
    match input.format {
        Format::Jsonl | Format::Csv => match std::fs::File::open(&input.path) {
            Ok(f) => feed::read(input, std::io::BufReader::new(f), options),
            Err(e) => vec![Err(problem(&input.name, format!("cannot read: {e}")))],
        },
        Format::Text | Format::Html => {
            vec![
                decode::read_capped(&input.path, options.max_bytes)
                    .map_err(|u| unread(&input.name, u))
                    .and_then(|bytes| decode_one(input, bytes)),
            ]
        }
    }
}

/// Read an input from bytes already in memory (standard input): as [`decode_input`].
pub fn decode_bytes(
    input: &Input,
    bytes: Vec<u8>,
    options: &ReadOptions,
) -> Vec<Result<Decoded, ArticleProblem>> {
    let mut out = match input.format {
        Format::Jsonl | Format::Csv => feed::read(input, bytes.as_slice(), options),
        Format::Text | Format::Html => {
            if bytes.len() as u64 > options.max_bytes {
                vec![Err(problem(
                    &input.name,
                    format!(
                        "larger than the limit of {} per article (raise it with --max-article-size), not read",
                        human_bytes(options.max_bytes)
                    ),
                ))]
            } else {
                vec![decode_one(input, bytes)]
            }
        }
    };
    for d in out.iter_mut().flatten() {
        if d.origin == Origin::File {
            d.origin = Origin::Stream;
        }
    }
    out
}

/// Read standard input (or any reader) into memory with the per-article cap and the
/// binary check of files.
pub fn read_stream(
    name: &str,
    reader: impl std::io::Read,
    options: &ReadOptions,
    format: Format,
) -> Result<Vec<u8>, ArticleProblem> {
    // A feed is many articles: the cap is per article, checked row by row.
    let cap = match format {
        Format::Jsonl | Format::Csv => u64::MAX,
        Format::Text | Format::Html => options.max_bytes,
    };
    decode::stream_capped(reader, cap).map_err(|u| unread(name, u))
}

fn decode_one(input: &Input, bytes: Vec<u8>) -> Result<Decoded, ArticleProblem> {
    match input.format {
        Format::Html => html::read(input, bytes),
        _ => {
            let (text, warning) = decode(&input.name, bytes)?;
            Ok(Decoded {
                path: input.path.clone(),
                name: input.name.clone(),
                text,
                warnings: warning.into_iter().collect(),
                format: input.format,
                origin: Origin::File,
            })
        }
    }
}

/// Read every article under `paths` with the default [`ReadOptions`] (boilerplate left
/// out, recurring lines found across them). Unreadable articles become problems, not
/// errors.
pub fn load(paths: &[PathBuf]) -> Result<Corpus, CorpusError> {
    let options = ReadOptions::default();
    let listing = list(paths, options.format)?;
    let mut corpus = Corpus {
        problems: listing.skipped,
        ..Corpus::default()
    };
    let decoded: Vec<Result<Decoded, ArticleProblem>> = listing
        .inputs
        .iter()
        .flat_map(|i| decode_input(i, &options))
        .collect();
    let keys: Vec<LineKeys> = decoded.iter().flatten().map(Decoded::line_keys).collect();
    let recurring = Recurring::from_articles(&keys);
    for d in decoded {
        match d.and_then(|d| d.into_article(Some(&recurring))) {
            Ok(a) => corpus.articles.push(a),
            Err(p) => corpus.problems.push(p),
        }
    }
    Ok(corpus)
}

/// Read one text file or page: the article, or why it cannot be read (as [`load`] reports
/// it), with the boilerplate lines that need no other article left out.
pub fn read_article(path: &Path) -> Result<Article, ArticleProblem> {
    let input = Input {
        path: path.to_path_buf(),
        name: display_name(path),
        format: format_of(path).unwrap_or(Format::Text),
    };
    read_again(
        &input,
        Origin::File,
        &ReadOptions::default(),
        &Recurring::default(),
    )
}

/// Read an article of an input again, as it was read the first time (the same options
/// and recurring lines): a file or page, or the feed row at `origin`. None for standard
/// input, which cannot be read twice.
pub fn read_again(
    input: &Input,
    origin: Origin,
    options: &ReadOptions,
    recurring: &Recurring,
) -> Result<Article, ArticleProblem> {
    let boilerplate = options.boilerplate.then_some(recurring);
    if origin == Origin::Stream {
        return Err(problem(
            &input.name,
            "standard input cannot be read again".into(),
        ));
    }
    decode_input(input, options)
        .into_iter()
        .find(|d| match d {
            Ok(d) => d.origin == origin,
            Err(_) => !matches!(origin, Origin::Row { .. }),
        })
        .unwrap_or_else(|| Err(problem(&input.name, "no longer in its file".into())))
        .and_then(|d| d.into_article(boilerplate))
}

fn display_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| escape_path(path), escape_name)
}

/// The span of a front matter value as written at `offset` (`value` is it trimmed), inside
/// its quotes if it is quoted; None when it is empty or not there as written.
fn headline_span(text: &str, offset: usize, value: &str) -> Option<Span> {
    let mut start = offset;
    let mut end = offset + value.len();
    if text.get(start..end) != Some(value) {
        return None;
    }
    for (open, close) in [('"', '"'), ('\'', '\''), ('\u{201c}', '\u{201d}')] {
        if value.len() >= open.len_utf8() + close.len_utf8()
            && value.starts_with(open)
            && value.ends_with(close)
        {
            start += open.len_utf8();
            end -= close.len_utf8();
            break;
        }
    }
    let inner = text.get(start..end)?;
    (!inner.trim().is_empty() && !inner.contains(['\n', '\r'])).then(|| Span::new(start, end))
}

impl Article {
    /// Build an article from a file's bytes: UTF-8 (with or without a byte-order mark),
    /// UTF-16 with a byte-order mark, or else windows-1252 with a warning. Binary files are
    /// problems.
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Article, ArticleProblem> {
        Article::from_vec(path, bytes.to_vec())
    }

    /// [`Article::from_bytes`] without a copy of the bytes.
    pub fn from_vec(path: &Path, bytes: Vec<u8>) -> Result<Article, ArticleProblem> {
        let file = display_name(path);
        let (text, warning) = decode(&file, bytes)?;
        let mut article = Article::from_text(path, text)?;
        article.warnings.extend(warning);
        Ok(article)
    }

    /// Build an article from text already decoded, as it is: no line is left out as
    /// boilerplate (that is for articles read from a corpus: [`Decoded::into_article`]).
    pub fn from_text(path: &Path, text: String) -> Result<Article, ArticleProblem> {
        Article::build(
            Decoded {
                path: path.to_path_buf(),
                name: display_name(path),
                text,
                warnings: Vec::new(),
                format: Format::Text,
                origin: Origin::File,
            },
            None,
        )
    }

    fn build(decoded: Decoded, recurring: Option<&Recurring>) -> Result<Article, ArticleProblem> {
        let Decoded {
            path,
            name: file,
            text,
            mut warnings,
            format,
            origin,
        } = decoded;
        let Normalized {
            text,
            hidden,
            shifts,
        } = normalize(text);
        let lines = LineIndex::with_hidden(&text, hidden);
        let at_in = |text: &str, offset: usize, message: String| {
            let p = lines.position(text, offset);
            ArticleProblem {
                file: file.clone(),
                line: Some(p.line),
                column: Some(p.column),
                message,
            }
        };
        if text.trim().is_empty() {
            return Err(problem(&file, "empty article".into()));
        }
        let at = |offset: usize, message: String| at_in(&text, offset, message);
        let fm = parse_front_matter(&text).map_err(|(offset, msg)| at(offset, msg))?;
        let mut meta = BTreeMap::new();
        let mut published = None;
        let mut first_line: BTreeMap<&str, usize> = BTreeMap::new();
        for entry in &fm.entries {
            if entry.key == "published" {
                match parse_date(&entry.value) {
                    Some(d) => published = Some(d),
                    None => {
                        return Err(at(entry.value_offset, front::date_problem(&entry.value)));
                    }
                }
            }
            let line = lines.position(&text, entry.line_offset).line;
            if let Some(first) = first_line.insert(&entry.key, line) {
                first_line.insert(&entry.key, first);
                warnings.push(at(
                    entry.line_offset,
                    format!(
                        "front matter key `{}` given twice (first on line {first}); the last one is used",
                        entry.key
                    ),
                ));
            }
            meta.insert(entry.key.clone(), entry.value.clone());
        }
        let source = meta.get("source").cloned().unwrap_or_else(|| file.clone());
        let title = meta.get("title").cloned();
        // The last `title` line is the one `meta` keeps.
        let headline = fm
            .entries
            .iter()
            .rev()
            .find(|e| e.key == "title")
            .and_then(|e| headline_span(&text, e.value_offset, &e.value));
        let body_start = fm.body_start;
        if text.get(body_start..).is_none_or(|b| b.trim().is_empty()) {
            return Err(at(
                body_start,
                "article has front matter but no body".into(),
            ));
        }
        let (text, boilerplate) = match recurring {
            Some(r) => blank_boilerplate(text, body_start, &lines, r),
            None => (text, Vec::new()),
        };
        if text.get(body_start..).is_none_or(|b| b.trim().is_empty()) {
            return Err(at_in(
                &text,
                body_start,
                "every line of the body is boilerplate (page furniture, credits, promotions); nothing to read".into(),
            ));
        }
        let mut paragraphs = Vec::new();
        let mut sentences = Vec::new();
        for para in crate::text::paragraphs(&text, body_start) {
            let found: Vec<Span> = crate::text::sentences(&text, para)
                .into_iter()
                .flat_map(|s| cap_sentence(&text, s))
                .collect();
            cap_paragraph(para, &found, &mut paragraphs);
            sentences.extend(found);
        }
        Ok(Article {
            path,
            file_name: file,
            source,
            title,
            published,
            meta,
            text,
            body_start,
            headline,
            sentences,
            paragraphs,
            warnings,
            boilerplate,
            format,
            origin,
            lines,
            shifts,
        })
    }

    /// The byte offset in the file of an offset in [`Article::text`]. They differ only
    /// after characters reading dropped or narrowed (a byte-order mark, zero-width
    /// characters, fullwidth forms); for a file decoded from windows-1252 or UTF-16 the
    /// result is an offset in its UTF-8 form.
    pub fn file_offset(&self, offset: usize) -> usize {
        let i = self.shifts.partition_point(|(at, _)| *at <= offset);
        let extra = i
            .checked_sub(1)
            .and_then(|i| self.shifts.get(i))
            .map_or(0, |(_, e)| *e);
        offset + extra
    }

    /// Line and column of a byte offset in this article's file.
    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(&self.text, offset)
    }

    /// The body, after any front matter.
    pub fn body(&self) -> &str {
        self.text.get(self.body_start..).unwrap_or("")
    }

    /// The sentence that contains `offset` (the nearest one before it when `offset` falls
    /// between sentences).
    pub fn sentence_at(&self, offset: usize) -> Option<Span> {
        if let Some(h) = self.headline
            && h.start <= offset
            && offset < h.end
        {
            return Some(h);
        }
        let i = self.sentences.partition_point(|s| s.start <= offset);
        self.sentences.get(i.checked_sub(1)?).copied()
    }

    /// Write the text as read, a line number before each line and the boilerplate lines
    /// marked with their rule (`extract --text`): what line and column in reports refer to.
    pub fn write_text(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let mut dropped = self.boilerplate.iter().peekable();
        let text = self.text.strip_suffix('\n').unwrap_or(&self.text);
        for (i, line) in text.split('\n').enumerate() {
            let n = i + 1;
            match dropped.next_if(|d| d.line == n) {
                Some(d) => writeln!(
                    out,
                    "{n:>6} ✂ {}   [{}]",
                    d.text.trim_end(),
                    d.rule.describe()
                )?,
                None => writeln!(out, "{n:>6} │ {}", line.trim_end_matches('\r'))?,
            }
        }
        Ok(())
    }
}

/// Blank the body's boilerplate lines (each byte a space: offsets, line starts and the
/// lines around them do not move), and say which they were.
fn blank_boilerplate(
    text: String,
    body_start: usize,
    index: &LineIndex,
    recurring: &Recurring,
) -> (String, Vec<Dropped>) {
    let mut spans = Vec::new();
    let mut pos = body_start;
    while pos < text.len() {
        let end = text
            .get(pos..)
            .and_then(|r| r.find('\n'))
            .map_or(text.len(), |i| pos + i);
        spans.push(Span::new(pos, end));
        pos = end + 1;
    }
    let lines: Vec<&str> = spans.iter().map(|s| s.slice(&text)).collect();
    let rules = boilerplate::classify(&lines, recurring);
    if rules.iter().all(Option::is_none) {
        return (text, Vec::new());
    }
    let mut dropped = Vec::new();
    let mut blank = Vec::new();
    for (span, rule) in spans.iter().zip(rules) {
        let Some(rule) = rule else { continue };
        dropped.push(Dropped {
            line: index.position(&text, span.start).line,
            rule,
            text: span.slice(&text).trim_end_matches('\r').to_string(),
        });
        blank.push(*span);
    }
    drop(lines);
    let mut bytes = text.into_bytes();
    for span in blank {
        for b in bytes.get_mut(span.start..span.end).into_iter().flatten() {
            if *b != b'\r' {
                *b = b' ';
            }
        }
    }
    // Whole characters were replaced by spaces: still UTF-8.
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (text, dropped)
}

#[cfg(test)]
mod tests;
