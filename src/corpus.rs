//! Articles: reading files, front matter, and sentence boundaries.
//!
//! First stage of the flow (rules + **articles** → extract → compare → report). An
//! [`Article`] keeps the file's text exactly as on disk so that every byte span found later
//! maps to the line and column a person sees in an editor; the front matter is parsed into
//! metadata and the body is cut into sentences, which are the unit of "near" for the rules.
//!
//! A file that cannot be read is not an error of the run: [`load`] returns it as an
//! [`ArticleProblem`] beside the articles that could be read, and the report lists it.

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
    lines: LineIndex,
}

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
            Ok(bytes) => match Article::from_bytes(&path, &bytes) {
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
    /// Build an article from a file's bytes. The bytes must be UTF-8 (a byte-order mark is
    /// allowed and kept, so offsets still match the file).
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Article, ArticleProblem> {
        let file = display_name(path);
        let problem =
            |line: Option<usize>, column: Option<usize>, message: String| ArticleProblem {
                file: file.clone(),
                line,
                column,
                message,
            };
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t.to_string(),
            Err(e) => {
                let good = &bytes[..e.valid_up_to()];
                let good = std::str::from_utf8(good).unwrap_or("");
                let pos = LineIndex::new(good).position(good, good.len());
                return Err(problem(
                    Some(pos.line),
                    Some(pos.column),
                    format!(
                        "not valid UTF-8 (byte 0x{:02X} at offset {}); save the file as UTF-8",
                        bytes.get(e.valid_up_to()).copied().unwrap_or(0),
                        e.valid_up_to()
                    ),
                ));
            }
        };
        Article::from_text(path, text)
    }

    /// Build an article from text already decoded.
    pub fn from_text(path: &Path, text: String) -> Result<Article, ArticleProblem> {
        let file = display_name(path);
        let lines = LineIndex::new(&text);
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
        if text[body_start..].trim().is_empty() {
            return Err(problem(
                body_start,
                "article has front matter but no body".into(),
            ));
        }
        let paragraphs = split_paragraphs(&text, body_start);
        let sentences = paragraphs
            .iter()
            .flat_map(|p| split_sentences(&text, *p))
            .collect();
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
            lines,
        })
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
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[bom..];
    let first_end = rest.find('\n').unwrap_or(rest.len());
    if rest[..first_end].trim_end() != "---" {
        return Ok(FrontMatter {
            entries: vec![],
            body_start: 0,
        });
    }
    let mut entries = Vec::new();
    let mut pos = bom + first_end + 1;
    while pos <= text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..line_end].trim_end_matches('\r');
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
            let key = line[..colon].trim().to_lowercase();
            if key.is_empty() {
                return Err((pos, "front matter line has an empty key".into()));
            }
            let raw_value = &line[colon + 1..];
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
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = &text[pos..line_end];
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
    let mut out = Vec::new();
    let mut start = 0usize;
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (off, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Extend over repeated stops and closing marks.
            let mut j = i + 1;
            while j < chars.len()
                && (matches!(chars[j].1, '.' | '!' | '?') || is_closer(chars[j].1))
            {
                j += 1;
            }
            let end = chars.get(j).map_or(p.len(), |(o, _)| *o);
            // Must be followed by white space, then a sentence starter.
            let mut k = j;
            let mut saw_space = false;
            while k < chars.len() && chars[k].1.is_whitespace() {
                saw_space = true;
                k += 1;
            }
            let next = chars.get(k).map(|(_, c)| *c);
            let starts_sentence = next.is_some_and(|n| {
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '"' | '“' | '‘' | '\'' | '(' | '[')
            });
            if saw_space && starts_sentence && !(c == '.' && is_abbreviation(&p[start..off])) {
                out.push(trim_span(
                    text,
                    Span::new(para.start + start, para.start + end),
                ));
                start = chars.get(k).map_or(p.len(), |(o, _)| *o);
                i = k;
                continue;
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    if start < p.len() {
        out.push(trim_span(text, Span::new(para.start + start, para.end)));
    }
    out.retain(|s| !s.is_empty());
    out
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
    let letters: Vec<char> = word.chars().collect();
    if letters.len() == 1 && letters[0].is_uppercase() {
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
    fn empty_and_non_utf8_articles_are_problems() {
        assert!(
            Article::from_bytes(Path::new("e.txt"), b"  \n")
                .unwrap_err()
                .message
                .contains("empty")
        );
        let e = Article::from_bytes(Path::new("b.txt"), b"ok\nab\xff").unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(3)));
        assert!(e.message.contains("UTF-8"));
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
            sentences("Mr. Lukyanov said so on Jan. 10. Then J. Biden replied!"),
            vec!["Mr. Lukyanov said so on Jan. 10.", "Then J. Biden replied!"]
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
