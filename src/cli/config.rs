//! The project file `crosscheck.toml`: defaults for a story's folder, found as Vale and
//! ast-grep find theirs, in the current folder or the nearest one above it.
//!
//! ```toml
//! rules = ["rules/story.toml"]      # default for --rules (every subcommand)
//! corpus = ["articles"]             # default for the corpus paths (check, extract)
//! format = "markdown"               # default for --format (check, extract)
//! [published]                       # default for --published
//! "statement.txt" = "2022-01-08"
//! ```
//!
//! Paths are relative to the file's folder. A flag given on the command line replaces the
//! file's value for that setting; `--no-config` ignores the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::Error;

/// The file's name.
pub const FILE_NAME: &str = "crosscheck.toml";

/// What a `crosscheck.toml` sets, its paths already made relative to the current folder.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// Where the file is.
    pub path: PathBuf,
    pub rules: Vec<PathBuf>,
    pub corpus: Vec<PathBuf>,
    pub format: Option<String>,
    /// As `--published` flags: `FILE=DATE`.
    pub published: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    rules: Vec<PathBuf>,
    #[serde(default)]
    corpus: Vec<PathBuf>,
    format: Option<String>,
    #[serde(default)]
    published: BTreeMap<String, String>,
}

/// The nearest `crosscheck.toml` at or above `start`, read; None when there is none.
pub fn find(start: &Path) -> Result<Option<Config>, Error> {
    let Some(path) = start
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
    else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(&path).map_err(|e| Error::Config {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    parse(&path, &text).map(Some)
}

/// Read the file's text; `path` places its relative paths and names it in errors.
pub fn parse(path: &Path, text: &str) -> Result<Config, Error> {
    let raw: Raw = toml::from_str(text).map_err(|e| {
        // Placed as a rule file's errors are: file:line:column, and a near key named.
        let at = e.span().map_or(0, |s| s.start).min(text.len());
        let before = text.get(..at).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let message = e.message().trim().to_string();
        let help = message
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.get(..rest.find('`')?))
            .and_then(|key| {
                crate::rules::did_you_mean(key, &["rules", "corpus", "format", "published"])
            })
            .map(|near| format!("; did you mean `{near}`?"))
            .unwrap_or_default();
        Error::Config {
            path: format!("{}:{line}:{column}", path.display()),
            message: format!("{message}{help}"),
        }
    })?;
    let dir = path.parent().unwrap_or(Path::new(""));
    let place = |p: PathBuf| {
        if p.is_absolute() || dir.as_os_str().is_empty() {
            p
        } else {
            dir.join(p)
        }
    };
    Ok(Config {
        path: path.to_path_buf(),
        rules: raw.rules.into_iter().map(place).collect(),
        corpus: raw.corpus.into_iter().map(place).collect(),
        format: raw.format,
        published: raw
            .published
            .into_iter()
            .map(|(file, date)| format!("{file}={date}"))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_to_the_file() {
        let c = parse(
            Path::new("story/crosscheck.toml"),
            "rules = [\"r.toml\"]\ncorpus = [\"a\", \"/abs\"]\nformat = \"csv\"\n[published]\n\"x.txt\" = \"2022-01-08\"\n",
        )
        .unwrap();
        assert_eq!(c.rules, [PathBuf::from("story/r.toml")]);
        assert_eq!(c.corpus, [PathBuf::from("story/a"), PathBuf::from("/abs")]);
        assert_eq!(c.format.as_deref(), Some("csv"));
        assert_eq!(c.published, ["x.txt=2022-01-08"]);
    }

    #[test]
    fn an_unknown_key_is_an_error_that_names_the_file() {
        let e = parse(
            Path::new("crosscheck.toml"),
            "corpus = [\"a\"]\n  rule = [\"x\"]\n",
        )
        .unwrap_err();
        let text = e.to_string();
        assert!(
            text.starts_with("crosscheck.toml:2:3: unknown field `rule`"),
            "{text}"
        );
        assert!(text.ends_with("; did you mean `rules`?"), "{text}");
    }
}
