//! The command line: parse arguments, wire the stages, decide the exit code.
//!
//! Nothing here is worth testing on its own beyond the wiring: each subcommand loads rules
//! and articles, runs extract → compare, builds a [`Report`] and hands it to a writer.
//! Exit codes are decided once, in [`run`]: 0 the run succeeded (whatever it found), 1 a
//! `--fail-on` condition was met, 2 bad input or usage.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::compare::{self, Status};
use crate::corpus;
use crate::extract;
use crate::report::{self, Report};
use crate::rules;

#[derive(Debug, Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Where news sources disagree on the checkable details of one story"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare the sources fact by fact: agree, loose, conflict, framing, single, none.
    Check(CheckArgs),
    /// List every observation of every fact, with file, line, column and sentence.
    Extract(CommonArgs),
}

#[derive(Debug, clap::Args)]
pub struct CommonArgs {
    /// Rule file or folder of rule files (repeatable).
    #[arg(long = "rules", value_name = "PATH", default_value = "rules")]
    pub rules: Vec<PathBuf>,
    /// Article file or folder of articles (repeatable).
    #[arg(long = "corpus", value_name = "PATH", default_value = "corpus")]
    pub corpus: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the report to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Exit with status 1 when a finding of this kind is reported (for CI).
    #[arg(long, value_enum, value_name = "WHAT")]
    pub fail_on: Option<FailOn>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// A numeric or date conflict.
    Conflict,
    /// A conflict or a framing difference.
    Framing,
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let code = run(cli, &mut stdout.lock(), &mut stderr.lock());
    ExitCode::from(code)
}

/// Run a parsed command; returns the exit code. Tests call this directly.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let (common, fail_on, is_check) = match &cli.command {
        Command::Check(a) => (&a.common, a.fail_on, true),
        Command::Extract(a) => (a, None, false),
    };
    let rules = match rules::load(&common.rules) {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(err, "{}", e.render());
            return 2;
        }
    };
    let corpus = match corpus::load(&common.corpus) {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return 2;
        }
    };
    if corpus.articles.is_empty() {
        for p in &corpus.problems {
            let _ = writeln!(
                err,
                "warning: {}: skipped: {}",
                at(p.file.as_str(), p.line, p.column),
                p.message
            );
        }
        let _ = writeln!(err, "error: none of the articles could be read");
        return 2;
    }
    let extraction = extract::extract(&rules, &corpus.articles);
    let names: Vec<String> = corpus
        .articles
        .iter()
        .map(|a| a.file_name.clone())
        .collect();
    let findings = compare::compare(&rules, &extraction.observations, &names);
    let report = Report::build(
        &rules,
        &corpus.articles,
        &corpus.problems,
        &extraction,
        &findings,
    );
    for p in &report.problems {
        let _ = writeln!(
            err,
            "warning: {}: {}",
            at(&p.file, p.line, p.column),
            p.message
        );
    }

    let mut buf: Vec<u8> = Vec::new();
    let written = match (common.format, is_check) {
        (Format::Text, true) => report::text::write_check(&report, &mut buf),
        (Format::Text, false) => report::text::write_extract(&report, &mut buf),
        (Format::Csv, true) => report::csv::write_check(&report, &mut buf),
        (Format::Csv, false) => report::csv::write_extract(&report, &mut buf),
    };
    if let Err(e) = written {
        let _ = writeln!(err, "error: cannot write the report: {e}");
        return 2;
    }
    let delivered = match &common.output {
        Some(path) => write_atomically(path, &buf),
        None => out.write_all(&buf).and_then(|_| out.flush()),
    };
    if let Err(e) = delivered {
        let target = common
            .output
            .as_ref()
            .map_or("standard output".to_string(), |p| p.display().to_string());
        let _ = writeln!(err, "error: cannot write {target}: {e}");
        return 2;
    }
    let failed = match fail_on {
        Some(FailOn::Conflict) => report.has_status(Status::Conflict),
        Some(FailOn::Framing) => {
            report.has_status(Status::Conflict) || report.has_status(Status::Framing)
        }
        None => false,
    };
    u8::from(failed)
}

/// `file:line:column`, or as much of it as is known.
fn at(file: &str, line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
        (Some(l), None) => format!("{file}:{l}"),
        _ => file.to_string(),
    }
}

/// Write to a temporary file beside the target, then rename: a reader never sees half a report.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map_or("report".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
