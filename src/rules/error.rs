//! Rule errors that say where and how to fix: file, line, column, the line with a caret,
//! and help ("did you mean").

use std::path::{Path, PathBuf};

use toml::Spanned;

use crate::span::LineIndex;

/// A rule file that cannot be used, with where and how to fix it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.headline())]
pub struct RuleError {
    pub file: PathBuf,
    /// 1-based line and column (characters), when the error has a place.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub help: Option<String>,
    /// The offending line as written and the length of the bad span in characters, for a caret.
    pub snippet: Option<(String, usize)>,
}

impl RuleError {
    fn headline(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{}:{}: {}", self.file.display(), l, c, self.message),
            _ => format!("{}: {}", self.file.display(), self.message),
        }
    }

    /// The error as a short block: headline, the line with a caret, and help.
    pub fn render(&self) -> String {
        self.render_as("error")
    }

    /// The same block under another severity (`warning` for lint findings).
    pub fn render_as(&self, severity: &str) -> String {
        let mut s = format!("{severity}: {}", self.headline());
        if let (Some((line_text, len)), Some(line), Some(col)) =
            (&self.snippet, self.line, self.column)
        {
            let gutter = line.to_string().len();
            s.push_str(&format!(
                "\n{:gutter$} |\n{line} | {line_text}\n{:gutter$} | {}{}",
                "",
                "",
                " ".repeat(col.saturating_sub(1)),
                "^".repeat((*len).max(1))
            ));
        }
        if let Some(h) = &self.help {
            s.push_str(&format!("\n  help: {h}"));
        }
        s
    }
}

/// "Did you mean" for a misspelt key, kind or placeholder: the closest candidate by
/// Jaro-Winkler, if it is close enough to be a plausible typo.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(word, c), *c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Errors about one file's text: turns byte offsets into line:column and a snippet.
pub(crate) struct Locator<'a> {
    pub(super) file: &'a Path,
    text: &'a str,
    pub(super) lines: LineIndex,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(file: &'a Path, text: &'a str) -> Self {
        Locator {
            file,
            text,
            lines: LineIndex::new(text),
        }
    }

    pub(crate) fn error(
        &self,
        span: std::ops::Range<usize>,
        message: String,
        help: Option<String>,
    ) -> RuleError {
        // Spans come from the TOML parser or from our own offsets; clamp them to the text
        // and to a character boundary so that a stray one can never panic.
        let mut start = span.start.min(self.text.len());
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let span = start..span.end.max(start);
        let pos = self.lines.position(self.text, start);
        let before = self.text.get(..start).unwrap_or("");
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line_text = self
            .text
            .get(line_start..)
            .unwrap_or("")
            .lines()
            .next()
            .unwrap_or("")
            .to_string();
        let len = self
            .text
            .get(span.start..span.end.min(line_start + line_text.len()).max(span.start))
            .map_or(1, |s| s.chars().count());
        RuleError {
            file: self.file.to_path_buf(),
            line: Some(pos.line),
            column: Some(pos.column),
            message,
            help,
            snippet: Some((line_text, len)),
        }
    }

    /// An error inside a string value: `offset` is a byte offset into the string's content.
    /// TOML strings may be escaped, so the offset is only exact for literal strings; it falls
    /// back to the value's start when the content does not appear as written.
    pub(crate) fn in_string(
        &self,
        value: &Spanned<String>,
        offset: usize,
        message: String,
        help: Option<String>,
    ) -> RuleError {
        let span = value.span();
        let raw = self.text.get(span.clone()).unwrap_or("");
        let content_start = raw
            .find(value.get_ref().as_str())
            .map(|i| span.start + i)
            .filter(|_| !value.get_ref().is_empty());
        match content_start {
            Some(s) => {
                let at = s + offset.min(value.get_ref().len());
                let end = value
                    .get_ref()
                    .get(offset.min(value.get_ref().len())..)
                    .unwrap_or("")
                    .find(|c: char| c.is_whitespace())
                    .map_or(s + value.get_ref().len(), |i| at + i);
                self.error(at..end.max(at + 1), message, help)
            }
            None => self.error(span, message, help),
        }
    }
}
