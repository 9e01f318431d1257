//! How a command ends: an [`Outcome`] when it ran (exit 0 or 1), an [`Error`] when it
//! could not (exit 2). [`super::exit_code`] turns either into the exit status.

use std::io::{self, Write};

use crate::baseline::BaselineError;
use crate::corpus::{ArticleProblem, CorpusError};
use crate::rules::RuleError;

/// A command that ran: did it pass what the user asked it to check (`--fail-on`, the rule
/// examples, `--deny-warnings`)?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    Fail,
}

impl Outcome {
    pub fn fail_if(failed: bool) -> Outcome {
        if failed { Outcome::Fail } else { Outcome::Pass }
    }
}

/// Why a command could not do its work: bad input or usage. Each is said on standard
/// error ([`Error::report`]) in one short block.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The arguments could not be parsed; clap has said why.
    #[error("invalid arguments")]
    Arguments,
    /// A flag that does not fit the subcommand, said before any work is done.
    #[error("{0}")]
    Usage(&'static str),
    #[error(transparent)]
    Baseline(#[from] BaselineError),
    /// Boxed: a rule error carries its line for the caret, and errors travel by value.
    #[error(transparent)]
    Rules(Box<RuleError>),
    /// `lint` found errors in the rule files; they are its output, already written.
    #[error("{errors} errors in the rule files")]
    InvalidRules { errors: usize },
    /// A `--published` flag that is not FILE=YYYY-MM-DD.
    #[error("--published {0:?}: write FILE=YYYY-MM-DD, e.g. --published story.txt=2022-01-08")]
    Published(String),
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    /// A `--published` flag (as given) whose file is no article read.
    #[error("--published {flag:?}: no article {file:?} in the corpus")]
    UnmatchedPublished { flag: String, file: String },
    /// Every article found was unreadable; why, for each.
    #[error("none of the articles could be read")]
    NothingRead(Vec<ArticleProblem>),
    /// Map records (`compare`'s input) could not be read.
    #[error(transparent)]
    Map(#[from] crate::pipeline::MapError),
    /// The lean CSV run could not write its sentences to a temporary file (in the
    /// system's temporary folder: `TMPDIR` on Unix names another).
    #[error("cannot set the report's sentences aside in {}: {source}", std::env::temp_dir().display())]
    SetAside {
        #[source]
        source: io::Error,
    },
    /// The report could not be put together in memory.
    #[error("cannot write the report: {0}")]
    Render(#[source] io::Error),
    /// The report, a baseline or results could not be written to `target`.
    #[error("cannot write {target}: {source}")]
    Write {
        target: String,
        #[source]
        source: io::Error,
    },
    /// `-o` or `--write-baseline` names a file the run reads: writing it would destroy it.
    #[error("{flag} {file}: this is {what} that the run reads; write the output to another file")]
    OutputIsInput {
        file: String,
        flag: &'static str,
        what: &'static str,
    },
    /// Two outputs name one file: one of them would be lost.
    #[error("{flags} both name {file}: give each output its own file")]
    SameOutput { file: String, flags: String },
    /// The output file exists and is read-only.
    #[error("{flag} {file}: the file is read-only; make it writable or write elsewhere")]
    ReadOnlyOutput { file: String, flag: &'static str },
    /// The project file `crosscheck.toml` could not be read.
    #[error("{path}: {message}")]
    Config { path: String, message: String },
    /// `test` could not write its results.
    #[error("cannot write the results: {0}")]
    Results(#[source] io::Error),
}

impl From<RuleError> for Error {
    fn from(e: RuleError) -> Self {
        Error::Rules(Box::new(e))
    }
}

impl Error {
    /// Say what went wrong, on standard error.
    pub fn report(&self, err: &mut dyn Write) -> io::Result<()> {
        match self {
            Error::Arguments | Error::InvalidRules { .. } => Ok(()),
            Error::Rules(e) => writeln!(err, "{}", e.render()),
            Error::NothingRead(unread) => {
                for p in unread {
                    let place = at(&p.file, p.line, p.column);
                    writeln!(err, "warning: {place}: skipped: {}", p.message)?;
                }
                writeln!(err, "error: {self}")
            }
            _ => writeln!(err, "error: {self}"),
        }
    }
}

/// `file:line:column`, or as much of it as is known.
pub(super) fn at(file: &str, line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
        (Some(l), None) => format!("{file}:{l}"),
        _ => file.to_string(),
    }
}
