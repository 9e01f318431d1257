//! Articles: reading files, front matter, and sentence boundaries.
//!
//! First stage of the flow (rules + **articles** → extract → compare → report). An
//! [`Article`] keeps the file's text exactly as on disk so that every byte span found later
//! maps to the line and column a person sees in an editor; the front matter is parsed into
//! metadata and the body is cut into sentences, which are the unit of "near" for the rules.
//!
//! A file that cannot be read is not an error of the run: [`load`] returns it as an
//! [`ArticleProblem`] beside the articles that could be read, and the report lists it.
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

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Serialize;

use crate::span::{LineIndex, Position, Span};

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
    /// Sentences of the body, in order, as byte spans into `text`.
    pub sentences: Vec<Span>,
    /// Paragraphs of the body (blank-line separated), as byte spans into `text`.
    pub paragraphs: Vec<Span>,
    /// What went wrong without stopping the article from being read (decoded as
    /// windows-1252): reported with the run's problems.
    pub warnings: Vec<ArticleProblem>,
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    #[error("no articles found in {paths} (looked for .txt, .md and extension-less files)")]
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

/// Files a folder contributes: text-like files, hidden files skipped, sorted by path so the
/// order (and so the report) never depends on the file system.
fn is_article_file(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'));
    let ext = path.extension().and_then(|e| e.to_str());
    !hidden && matches!(ext, None | Some("txt" | "md" | "markdown" | "text"))
}

/// Expand files and folders (recursively) into a sorted, de-duplicated list of article paths.
pub fn article_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CorpusError> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_file() {
            out.push(p.clone());
        } else if p.is_dir() {
            collect_dir(p, &mut out)?;
        } else {
            return Err(CorpusError::Missing { path: p.clone() });
        }
    }
    out.sort();
    out.dedup();
    if out.is_empty() {
        let paths = paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        return Err(CorpusError::Empty { paths });
    }
    Ok(out)
}

fn collect_dir(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), CorpusError> {
    let entries = std::fs::read_dir(dir).map_err(|source| CorpusError::ListDir {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in entries {
        let entry = entry.map_err(|source| CorpusError::ListDir {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = entry.path();
        if path.is_dir() {
            collect_dir(&path, out)?;
        } else if is_article_file(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// Read every article under `paths`. Unreadable articles become problems, not errors.
pub fn load(paths: &[PathBuf]) -> Result<Corpus, CorpusError> {
    let mut corpus = Corpus::default();
    for path in article_paths(paths)? {
        match std::fs::read(&path) {
            Ok(bytes) => match Article::from_vec(&path, bytes) {
                Ok(a) => corpus.articles.push(a),
                Err(p) => corpus.problems.push(p),
            },
            Err(e) => corpus.problems.push(ArticleProblem {
                file: display_name(&path),
                line: None,
                column: None,
                message: format!("cannot read: {e}"),
            }),
        }
    }
    Ok(corpus)
}

/// Read one article file: the article, or why it cannot be read (as [`load`] reports it).
pub fn read_article(path: &Path) -> Result<Article, ArticleProblem> {
    match std::fs::read(path) {
        Ok(bytes) => Article::from_bytes(path, &bytes),
        Err(e) => Err(ArticleProblem {
            file: display_name(path),
            line: None,
            column: None,
            message: format!("cannot read: {e}"),
        }),
    }
}

fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
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

    /// Build an article from text already decoded.
    pub fn from_text(path: &Path, text: String) -> Result<Article, ArticleProblem> {
        let file = display_name(path);
        let Normalized {
            text,
            hidden,
            shifts,
        } = normalize(text);
        let lines = LineIndex::with_hidden(&text, hidden);
        let problem = |offset: usize, message: String| {
            let p = lines.position(&text, offset);
            ArticleProblem {
                file: file.clone(),
                line: Some(p.line),
                column: Some(p.column),
                message,
            }
        };
        if text.trim().is_empty() {
            return Err(ArticleProblem {
                file: file.clone(),
                line: None,
                column: None,
                message: "empty article".into(),
            });
        }
        let fm = parse_front_matter(&text).map_err(|(offset, msg)| problem(offset, msg))?;
        let mut meta = BTreeMap::new();
        let mut published = None;
        for entry in &fm.entries {
            if entry.key == "published" {
                match parse_date(&entry.value) {
                    Some(d) => published = Some(d),
                    None => {
                        return Err(problem(
                            entry.value_offset,
                            format!(
                                "published date {:?} is not a date (write YYYY-MM-DD, e.g. 2022-01-08)",
                                entry.value
                            ),
                        ));
                    }
                }
            }
            meta.insert(entry.key.clone(), entry.value.clone());
        }
        let source = meta.get("source").cloned().unwrap_or_else(|| file.clone());
        let title = meta.get("title").cloned();
        let body_start = fm.body_start;
        if text.get(body_start..).is_none_or(|b| b.trim().is_empty()) {
            return Err(problem(
                body_start,
                "article has front matter but no body".into(),
            ));
        }
        let mut paragraphs = Vec::new();
        let mut sentences = Vec::new();
        for para in split_paragraphs(&text, body_start) {
            let found: Vec<Span> = split_sentences(&text, para)
                .into_iter()
                .flat_map(|s| cap_sentence(&text, s))
                .collect();
            cap_paragraph(para, &found, &mut paragraphs);
            sentences.extend(found);
        }
        Ok(Article {
            path: path.to_path_buf(),
            file_name: file,
            source,
            title,
            published,
            meta,
            text,
            body_start,
            sentences,
            paragraphs,
            warnings: Vec::new(),
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
        let i = self.sentences.partition_point(|s| s.start <= offset);
        self.sentences.get(i.checked_sub(1)?).copied()
    }
}

/// Control bytes other than tab, line feed, form feed and carriage return: text has none,
/// or nearly none (a stray one in scraped text); binary files are full of them.
fn is_control_byte(b: u8) -> bool {
    matches!(b, 0x01..=0x08 | 0x0B | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F)
}

/// Bytes to text: UTF-8, UTF-16 with a byte-order mark, or windows-1252 with a warning.
/// Binary files (a NUL byte, or more than 1 in 100 bytes a control byte) are refused.
fn decode(file: &str, bytes: Vec<u8>) -> Result<(String, Option<ArticleProblem>), ArticleProblem> {
    let problem = |line: Option<usize>, column: Option<usize>, message: String| ArticleProblem {
        file: file.to_string(),
        line,
        column,
        message,
    };
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(&bytes)
        && encoding != encoding_rs::UTF_8
    {
        let body = bytes.get(bom_len..).unwrap_or(&[]);
        let (text, had_errors) = encoding.decode_without_bom_handling(body);
        if had_errors {
            return Err(problem(
                None,
                None,
                format!(
                    "starts with a {} byte-order mark but is not valid {0}; save the file as UTF-8",
                    encoding.name()
                ),
            ));
        }
        let warning = problem(
            None,
            None,
            format!(
                "decoded as {} (it starts with that byte-order mark); byte offsets refer to its UTF-8 form",
                encoding.name()
            ),
        );
        return Ok((text.into_owned(), Some(warning)));
    }
    if let Some(at) = memchr::memchr(0, &bytes) {
        return Err(problem(
            None,
            None,
            format!("binary file (a NUL byte at offset {at}), not an article"),
        ));
    }
    let controls = bytes.iter().filter(|&&b| is_control_byte(b)).count();
    if controls > bytes.len() / 100 {
        return Err(problem(
            None,
            None,
            format!(
                "binary file ({controls} control bytes in {}), not an article",
                bytes.len()
            ),
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            // A UTF-8 byte-order mark says what the file means to be: keep it UTF-8.
            if bytes.starts_with(b"\xEF\xBB\xBF") {
                let good = std::str::from_utf8(bytes.get(..valid).unwrap_or(&[])).unwrap_or("");
                let pos = LineIndex::new(good).position(good, good.len());
                let warning = problem(
                    Some(pos.line),
                    Some(pos.column.saturating_sub(usize::from(pos.line == 1)).max(1)),
                    "starts with a UTF-8 byte-order mark but has bytes that are not UTF-8; read with U+FFFD in their place".into(),
                );
                return Ok((String::from_utf8_lossy(&bytes).into_owned(), Some(warning)));
            }
            let good = bytes
                .get(..valid)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or("");
            let pos = LineIndex::new(good).position(good, good.len());
            let bad = bytes.get(valid).copied().unwrap_or(0);
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
            let warning = problem(
                Some(pos.line),
                Some(pos.column),
                format!(
                    "not valid UTF-8 (byte 0x{bad:02X}); decoded as windows-1252 (Latin-1), so check its accented letters, and save the file as UTF-8"
                ),
            );
            Ok((text.into_owned(), Some(warning)))
        }
    }
}

/// Characters that change nothing a reader sees, dropped from the text that is read.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Fullwidth forms of ASCII ("２，０００") as the ASCII character.
fn fullwidth_ascii(c: char) -> Option<char> {
    match u32::from(c) {
        cp @ 0xFF01..=0xFF5E => char::from_u32(cp - 0xFEE0),
        _ => None,
    }
}

/// Whether `text` holds a character [`normalize`] drops or narrows. Each of them is
/// encoded with the first byte 0xC2 (U+00AD), 0xE2 (U+200B..U+2060) or 0xEF (U+FEFF,
/// U+FF01..U+FF5E), so only the characters starting with one of those bytes are decoded.
fn has_hidden_or_fullwidth(text: &str) -> bool {
    memchr::memchr3_iter(0xC2, 0xE2, 0xEF, text.as_bytes()).any(|i| {
        // Those bytes only ever start a character, so `i` is a character boundary.
        text.get(i..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| is_invisible(c) || fullwidth_ascii(c).is_some())
    })
}

/// The text as read, and how it maps back to the file.
struct Normalized {
    text: String,
    /// Where each dropped character stood (it still counts as a column), in `text` offsets.
    hidden: Vec<usize>,
    /// See [`Article::file_offset`].
    shifts: Vec<(usize, usize)>,
}

/// Lone `\r` → `\n` (in place: same length); invisible characters dropped and fullwidth
/// forms narrowed (a new string, only when the text has any).
fn normalize(text: String) -> Normalized {
    let mut bytes = text.into_bytes();
    // Jump from `\r` to `\r`: most text has none.
    let mut from = 0;
    while let Some(i) = bytes.get(from..).and_then(|b| memchr::memchr(b'\r', b)) {
        let i = from + i;
        if bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
        from = i + 1;
    }
    // Replacing one ASCII byte by another keeps the text valid UTF-8.
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    let mut hidden = Vec::new();
    let mut shifts = Vec::new();
    if !has_hidden_or_fullwidth(&text) {
        return Normalized {
            text,
            hidden,
            shifts,
        };
    }
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if is_invisible(c) {
            // A byte-order mark is no column in an editor; other invisible characters are.
            if !(i == 0 && c == '\u{FEFF}') {
                hidden.push(out.len());
            }
        } else if let Some(a) = fullwidth_ascii(c) {
            out.push(a);
        } else {
            out.push(c);
            continue;
        }
        shifts.push((out.len(), i + c.len_utf8() - out.len()));
    }
    Normalized {
        text: out,
        hidden,
        shifts,
    }
}

/// "YYYY-MM-DD", or a timestamp that starts with one ("2022-01-08T10:00:00Z").
fn parse_date(value: &str) -> Option<Date> {
    let v = value.trim().trim_matches(|c| c == '"' || c == '\'');
    let head = v.get(..10).unwrap_or(v);
    head.parse::<Date>().ok()
}

struct FrontMatterEntry {
    key: String,
    value: String,
    value_offset: usize,
}

struct FrontMatter {
    entries: Vec<FrontMatterEntry>,
    body_start: usize,
}

/// A front matter block is a first line `---`, `key: value` lines, and a closing `---` line.
/// A file whose first line is not `---` has none. Errors carry a byte offset.
fn parse_front_matter(text: &str) -> Result<FrontMatter, (usize, String)> {
    // The reader drops a byte-order mark (see `normalize`); text built by hand may keep one.
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = text.get(bom..).unwrap_or("");
    let first_end = rest.find('\n').unwrap_or(rest.len());
    if rest.get(..first_end).unwrap_or("").trim_end() != "---" {
        return Ok(FrontMatter {
            entries: vec![],
            body_start: 0,
        });
    }
    let mut entries = Vec::new();
    let mut pos = bom + first_end + 1;
    while pos <= text.len() {
        let Some(after) = text.get(pos..) else { break };
        let line_end = after.find('\n').map_or(text.len(), |i| pos + i);
        let line = text.get(pos..line_end).unwrap_or("").trim_end_matches('\r');
        if line.trim_end() == "---" {
            let body_start = (line_end + 1).min(text.len());
            return Ok(FrontMatter {
                entries,
                body_start,
            });
        }
        if !line.trim().is_empty() && !line.trim_start().starts_with('#') {
            let Some(colon) = line.find(':') else {
                return Err((
                    pos,
                    format!(
                        "front matter line {line:?} is not `key: value`; is the closing `---` missing?"
                    ),
                ));
            };
            let (key, raw_value) = line.split_at(colon);
            let key = key.trim().to_lowercase();
            if key.is_empty() {
                return Err((pos, "front matter line has an empty key".into()));
            }
            let raw_value = raw_value.get(1..).unwrap_or("");
            let lead = raw_value.len() - raw_value.trim_start().len();
            entries.push(FrontMatterEntry {
                key,
                value: raw_value.trim().to_string(),
                value_offset: pos + colon + 1 + lead,
            });
        }
        if line_end >= text.len() {
            break;
        }
        pos = line_end + 1;
    }
    Err((
        bom,
        "front matter opened with `---` is never closed (add a `---` line after the last `key: value` line)"
            .into(),
    ))
}

/// Paragraphs: runs of non-blank lines. Spans are trimmed of surrounding whitespace.
fn split_paragraphs(text: &str, start: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut para_start: Option<usize> = None;
    let mut last_end = start;
    let mut pos = start;
    while pos < text.len() {
        let Some(after) = text.get(pos..) else { break };
        let line_end = after.find('\n').map_or(text.len(), |i| pos + i);
        let line = text.get(pos..line_end).unwrap_or("");
        if line.trim().is_empty() {
            if let Some(s) = para_start.take() {
                out.push(trim_span(text, Span::new(s, last_end)));
            }
        } else {
            if para_start.is_none() {
                para_start = Some(pos);
            }
            last_end = line_end;
        }
        pos = line_end + 1;
    }
    if let Some(s) = para_start {
        out.push(trim_span(text, Span::new(s, last_end)));
    }
    out
}

fn trim_span(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    Span::new(span.start + lead, span.end - trail)
}

/// Words that end with a period without ending a sentence. Titles are case-sensitive in
/// practice ("Gen. Smith"); matching is on the word as written without its period.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt",
    "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "St", "Jr", "Sr", "Mt", "Ft", "No", "Nos", "vs",
    "etc", "approx", "Inc", "Ltd", "Co", "Corp", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat",
    "Sun", "a.m", "p.m", "e.g", "i.e", "cf", "al", "Fig", "Ave", "Blvd",
];

/// Closing marks that may follow a sentence's final stop: `."`, `.”`, `.)`.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

/// Sentences within one paragraph. A sentence ends at `.`, `!` or `?` (plus closing quotes
/// or brackets) followed by white space and then something that can start a sentence: an
/// upper-case letter, a digit or an opening quote. A period after a known abbreviation
/// ("Gen.", "Jan."), a single initial ("J.") or a dotted acronym ("U.S.") does not end a
/// sentence, since news text uses them mid-sentence far more often than at the end.
pub fn split_sentences(text: &str, para: Span) -> Vec<Span> {
    let p = para.slice(text);
    let char_at = |at: usize| p.get(at..).and_then(|r| r.chars().next());
    let mut out = Vec::new();
    let mut start = 0usize;
    // Byte offsets and look-ahead, no per-character buffer: a paragraph may be megabytes.
    let mut pos = 0usize;
    // The next byte that can start a stop: `.`, `!`, `?`, or 0xE2, the first byte of `…`
    // (and of other characters, stepped over below). All other characters are only
    // stepped over, so skipping them whole changes nothing.
    let next_stop = |from: usize| {
        p.as_bytes()
            .get(from..)
            .and_then(|b| {
                b.iter()
                    .position(|&x| matches!(x, b'.' | b'!' | b'?' | 0xE2))
            })
            .map(|i| from + i)
    };
    while let Some(at) = next_stop(pos) {
        pos = at;
        let Some(c) = char_at(pos) else { break };
        if !matches!(c, '.' | '!' | '?' | '…') {
            pos += c.len_utf8();
            continue;
        }
        // Extend over repeated stops and closing marks.
        let mut end = pos + c.len_utf8();
        while let Some(n) = char_at(end).filter(|n| matches!(n, '.' | '!' | '?') || is_closer(*n)) {
            end += n.len_utf8();
        }
        // Must be followed by white space, then a sentence starter.
        let mut next_start = end;
        while let Some(n) = char_at(next_start).filter(|n| n.is_whitespace()) {
            next_start += n.len_utf8();
        }
        let saw_space = next_start > end;
        let starts_sentence = char_at(next_start).is_some_and(|n| {
            n.is_uppercase()
                || n.is_ascii_digit()
                || matches!(n, '"' | '“' | '‘' | '\'' | '(' | '[')
        });
        let before = p.get(start..pos).unwrap_or("");
        if saw_space && starts_sentence && !(c == '.' && is_abbreviation(before)) {
            out.push(trim_span(
                text,
                Span::new(para.start + start, para.start + end),
            ));
            start = next_start;
            pos = next_start;
            continue;
        }
        pos = end;
    }
    if start < p.len() {
        out.push(trim_span(text, Span::new(para.start + start, para.end)));
    }
    out.retain(|s| !s.is_empty());
    out
}

/// A sentence longer than [`MAX_SENTENCE`] bytes, cut at white space (or, in a run without
/// any, at a character boundary) into pieces no longer than that.
fn cap_sentence(text: &str, sentence: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = sentence.start;
    while sentence.end - start > MAX_SENTENCE {
        let mut end = (start + MAX_SENTENCE).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let window = text.get(start..end).unwrap_or("");
        let cut = match window.rfind(char::is_whitespace) {
            Some(i) if i > 0 => start + i,
            _ => start + window.len().max(1),
        };
        let piece = trim_span(text, Span::new(start, cut));
        if !piece.is_empty() {
            out.push(piece);
        }
        let rest = text.get(cut..sentence.end).unwrap_or("");
        start = cut + (rest.len() - rest.trim_start().len());
        if rest.trim_start().is_empty() {
            return out;
        }
    }
    out.push(Span::new(start, sentence.end));
    out
}

/// A paragraph, or when longer than [`MAX_PARAGRAPH`] bytes, runs of its sentences each no
/// longer than that (a single sentence is never longer, see [`cap_sentence`]).
fn cap_paragraph(para: Span, sentences: &[Span], out: &mut Vec<Span>) {
    if para.len() <= MAX_PARAGRAPH || sentences.is_empty() {
        out.push(para);
        return;
    }
    let mut piece: Option<Span> = None;
    for s in sentences {
        piece = Some(match piece {
            Some(p) if s.end - p.start <= MAX_PARAGRAPH => Span::new(p.start, s.end),
            Some(p) => {
                out.push(p);
                *s
            }
            None => *s,
        });
    }
    out.extend(piece);
}

/// Does the text before a period end with an abbreviation, an initial or a dotted acronym?
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // Single initial: "J." ; dotted acronym: "U.S", "U.K", "a.m".
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next())
        && first.is_uppercase()
    {
        return true;
    }
    if word.contains('.')
        && word
            .split('.')
            .all(|part| part.chars().count() <= 2 && !part.is_empty())
    {
        return true;
    }
    ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Position;

    fn article(text: &str) -> Article {
        Article::from_text(Path::new("a.txt"), text.to_string()).expect("article")
    }

    fn sentences(text: &str) -> Vec<String> {
        let a = article(text);
        a.sentences
            .iter()
            .map(|s| s.slice(&a.text).to_string())
            .collect()
    }

    #[test]
    fn front_matter_sets_source_and_published() {
        let a = article(
            "---\nsource: AP\ntitle: T\npublished: 2022-01-08\nurl: http://x\n---\nBody here.\n",
        );
        assert_eq!(a.source, "AP");
        assert_eq!(a.published, Some(jiff::civil::date(2022, 1, 8)));
        assert_eq!(a.meta.get("url").map(String::as_str), Some("http://x"));
        assert_eq!(a.body(), "Body here.\n");
        // Body line 7 as on disk.
        assert_eq!(a.position(a.body_start).line, 7);
    }

    #[test]
    fn without_front_matter_source_is_file_name() {
        let a = article("Just text.");
        assert_eq!(a.source, "a.txt");
        assert_eq!(a.published, None);
        assert_eq!(a.body_start, 0);
    }

    #[test]
    fn unclosed_front_matter_is_a_problem_with_a_line() {
        let e = Article::from_text(Path::new("x.txt"), "---\nsource: A\ntitle: B\n".into())
            .unwrap_err();
        assert_eq!(e.line, Some(1));
        assert!(e.message.contains("never closed"), "{}", e.message);
        // A body line inside the block is where the reader notices the missing `---`.
        let e = Article::from_text(Path::new("x.txt"), "---\nsource: A\nBody.".into()).unwrap_err();
        assert_eq!((e.line, e.column), (Some(3), Some(1)));
        assert!(e.message.contains("closing `---` missing"), "{}", e.message);
    }

    #[test]
    fn bad_published_date_points_at_the_value() {
        let e = Article::from_text(
            Path::new("x.txt"),
            "---\npublished: 2022-02-30\n---\nB.".into(),
        )
        .unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(12)));
        assert!(e.message.contains("not a date"));
    }

    #[test]
    fn empty_and_binary_articles_are_problems() {
        assert!(
            Article::from_bytes(Path::new("e.txt"), b"  \n")
                .unwrap_err()
                .message
                .contains("empty")
        );
        let e = Article::from_bytes(Path::new("b.txt"), b"ok\x00\x01").unwrap_err();
        assert!(e.message.contains("NUL byte at offset 2"), "{}", e.message);
        let mut controls = b"text ".repeat(10);
        controls.extend_from_slice(b"\x01\x02\x03\x1b\x7f\x10");
        let e = Article::from_bytes(Path::new("c.txt"), &controls).unwrap_err();
        assert!(
            e.message.starts_with("binary file (5 control bytes"),
            "{}",
            e.message
        );
    }

    #[test]
    fn latin1_is_decoded_with_a_warning_at_the_first_bad_byte() {
        let a = Article::from_bytes(Path::new("l.txt"), b"ok\nOur caf\xe9 sent 2\xa0000 troops.")
            .expect("decoded");
        assert_eq!(a.text, "ok\nOur café sent 2\u{a0}000 troops.");
        let w = &a.warnings[0];
        assert_eq!((w.line, w.column), (Some(2), Some(8)));
        assert!(
            w.message.contains("decoded as windows-1252"),
            "{}",
            w.message
        );
        // Columns count characters, so they hold in the decoded text too.
        let t = a.text.find("troops").unwrap();
        assert_eq!(
            a.position(t),
            Position {
                line: 2,
                column: 21
            }
        );
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Hello, 2,000 troops.".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let a = Article::from_bytes(Path::new("u.txt"), &bytes).expect("decoded");
        assert_eq!(a.text, "Hello, 2,000 troops.");
        assert!(a.warnings[0].message.contains("UTF-16LE"));
    }

    #[test]
    fn byte_order_mark_is_no_column_and_front_matter_still_reads() {
        let raw = "\u{feff}---\nsource: AP\n---\nIt sent troops.\n";
        let a = Article::from_bytes(Path::new("b.txt"), raw.as_bytes()).unwrap();
        assert_eq!(a.source, "AP");
        assert!(a.warnings.is_empty());
        let t = a.text.find("It").unwrap();
        assert_eq!(a.position(t), Position { line: 4, column: 1 });
        // In the file, "It" comes after the mark's three bytes.
        assert_eq!(a.file_offset(t), raw.find("It").unwrap());
        assert_eq!(a.position(0), Position { line: 1, column: 1 });
    }

    #[test]
    fn crlf_and_cr_line_ends_make_front_matter_paragraphs_and_lines() {
        for nl in ["\r\n", "\r"] {
            let raw = [
                "---",
                "source: AP",
                "published: 2022-01-08",
                "---",
                "First one. Second.",
                "",
                "Next para.",
            ]
            .join(nl);
            let a = Article::from_bytes(Path::new("n.txt"), raw.as_bytes()).unwrap();
            assert_eq!(a.source, "AP", "{nl:?}");
            assert_eq!(a.published, Some(jiff::civil::date(2022, 1, 8)));
            assert_eq!(a.paragraphs.len(), 2, "{nl:?}");
            let s: Vec<&str> = a.sentences.iter().map(|s| s.slice(&a.text)).collect();
            assert_eq!(s, ["First one.", "Second.", "Next para."], "{nl:?}");
            let n = a.text.find("Next").unwrap();
            assert_eq!(a.position(n), Position { line: 7, column: 1 }, "{nl:?}");
            // The text keeps the file's length, so offsets are the file's.
            assert_eq!(a.text.len(), raw.len());
        }
    }

    #[test]
    fn zero_width_characters_are_dropped_but_still_count_as_columns() {
        let raw = "Some 2,\u{200B}000 troops went to Free\u{00AD}donia.";
        let a = Article::from_bytes(Path::new("z.txt"), raw.as_bytes()).unwrap();
        assert_eq!(a.text, "Some 2,000 troops went to Freedonia.");
        let t = a.text.find("troops").unwrap();
        // "Some 2,?000 " is 12 characters on disk: `troops` is at column 13.
        assert_eq!(
            a.position(t),
            Position {
                line: 1,
                column: 13
            }
        );
        assert_eq!(a.file_offset(t), raw.find("troops").unwrap());
    }

    #[test]
    fn hidden_and_fullwidth_characters_are_found_among_their_lead_bytes() {
        // Curly quotes, dashes and accents share the lead bytes but are kept.
        assert!(!has_hidden_or_fullwidth(
            "“Quoted” – café, ¡no! \u{2061}\u{FF00}\u{FF5F}"
        ));
        for c in [
            '\u{AD}', '\u{200B}', '\u{2060}', '\u{FEFF}', '\u{FF01}', '\u{FF5E}',
        ] {
            assert!(has_hidden_or_fullwidth(&format!("“a” {c}b")), "{c:?}");
        }
        assert!(!has_hidden_or_fullwidth(""));
    }

    #[test]
    fn fullwidth_forms_read_as_ascii() {
        let a = article("Ｓｏｍｅ ２，０００ troops．");
        assert_eq!(a.text, "Some 2,000 troops.");
        assert_eq!(a.position(a.text.find("troops").unwrap()).column, 12);
    }

    #[test]
    fn huge_paragraphs_and_sentences_are_cut_into_bounded_pieces() {
        let sentence = "Troops went to Freedonia. ";
        let long_para = sentence.repeat(MAX_PARAGRAPH / sentence.len() * 3);
        let run_on = "word ".repeat(MAX_SENTENCE);
        let a = article(&format!("{long_para}\n\n{run_on}"));
        assert!(a.paragraphs.len() >= 4, "{}", a.paragraphs.len());
        for p in &a.paragraphs {
            assert!(p.len() <= MAX_PARAGRAPH);
        }
        for s in &a.sentences {
            assert!(s.len() <= MAX_SENTENCE);
            assert!(
                a.paragraphs.iter().any(|p| p.contains(*s)),
                "{s:?} in no paragraph"
            );
        }
        // Cuts fall at white space: no word is split.
        assert!(a.sentences.iter().all(|s| {
            s.slice(&a.text)
                .split(' ')
                .all(|w| w.is_empty() || w == "word" || sentence.contains(w))
        }));
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Talks with the U.S. Ahead of them, Gen. Smith spoke. He left."),
            vec![
                "Talks with the U.S. Ahead of them, Gen. Smith spoke.",
                "He left."
            ]
        );
        assert_eq!(
            sentences("Mr. Smith said so on Jan. 10. Then J. Biden replied!"),
            vec!["Mr. Smith said so on Jan. 10.", "Then J. Biden replied!"]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("“It is over,” he said. “We won.” She agreed."),
            vec!["“It is over,” he said.", "“We won.”", "She agreed."]
        );
    }

    #[test]
    fn paragraphs_end_sentences_but_single_line_breaks_do_not() {
        assert_eq!(
            sentences("A headline\n\nFirst line\ncontinues here. Next."),
            vec!["A headline", "First line\ncontinues here.", "Next."]
        );
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(
            sentences("It was 3 p.m. in Moscow. Done."),
            vec!["It was 3 p.m. in Moscow.", "Done."]
        );
    }
}
