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
    /// Colour the text report: auto = only on a terminal, and not when NO_COLOR is set.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Fit the text report to N columns (0 = no limit). Default: $COLUMNS, else the
    /// terminal's width, else 100.
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Exit with status 1 when a finding of this kind is reported (for CI).
    #[arg(long, value_enum, value_name = "WHAT")]
    pub fail_on: Option<FailOn>,
    /// With `--format csv`: one row per fact, one column per source.
    #[arg(long)]
    pub wide: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Csv,
    /// One JSON document (schema in docs/output.md).
    Json,
    /// One JSON object per line: observations, quotes, names (`extract` only).
    Jsonl,
    /// GitHub-flavoured Markdown (`check` only).
    Markdown,
    /// One self-contained HTML page (`check` only).
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// What the process knows about where its output goes; [`main`] detects it, tests build it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Terminal {
    /// Standard output is a terminal.
    pub is_terminal: bool,
    /// The terminal's width in columns, when it is one.
    pub columns: Option<usize>,
    /// The `COLUMNS` environment variable.
    pub columns_env: Option<String>,
    /// The `NO_COLOR` environment variable (<https://no-color.org>).
    pub no_color: Option<String>,
}

/// Width used when the output is not a terminal and `COLUMNS` is not set.
pub const DEFAULT_WIDTH: usize = 100;

impl Terminal {
    /// Look at standard output and the environment.
    pub fn detect() -> Terminal {
        use std::io::IsTerminal;
        let stdout = std::io::stdout();
        let is_terminal = stdout.is_terminal();
        Terminal {
            is_terminal,
            columns: terminal_size::terminal_size_of(&stdout)
                .map(|(w, _)| usize::from(w.0))
                .filter(|_| is_terminal),
            columns_env: std::env::var("COLUMNS").ok(),
            no_color: std::env::var("NO_COLOR").ok(),
        }
    }

    /// Columns to fit: `--width` (0 = no limit), else `COLUMNS`, else the terminal's
    /// width, else [`DEFAULT_WIDTH`]. A file given with `-o` is not the terminal.
    pub fn width(&self, flag: Option<usize>, to_file: bool) -> Option<usize> {
        if let Some(w) = flag {
            return (w > 0).then_some(w);
        }
        let env = self
            .columns_env
            .as_deref()
            .and_then(|c| c.trim().parse::<usize>().ok())
            .filter(|&c| c > 0);
        let term = self.columns.filter(|_| self.is_terminal && !to_file);
        Some(env.or(term).unwrap_or(DEFAULT_WIDTH))
    }

    /// Colour or not: `always`, `never`, or (auto) only on a terminal without a non-empty
    /// `NO_COLOR`.
    pub fn color(&self, choice: ColorChoice, to_file: bool) -> bool {
        match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                self.is_terminal && !to_file && self.no_color.as_deref().is_none_or(str::is_empty)
            }
        }
    }
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
    let code = run_on(
        cli,
        &Terminal::detect(),
        &mut stdout.lock(),
        &mut stderr.lock(),
    );
    ExitCode::from(code)
}

/// Run a parsed command as if the output were not a terminal; returns the exit code.
/// Tests call this directly.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    run_on(cli, &Terminal::default(), out, err)
}

/// Run a parsed command writing to `terminal`; returns the exit code.
pub fn run_on(cli: Cli, terminal: &Terminal, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let (common, fail_on, is_check, wide) = match &cli.command {
        Command::Check(a) => (&a.common, a.fail_on, true, a.wide),
        Command::Extract(a) => (a, None, false, false),
    };
    if let Some(message) = usage_error(common.format, is_check, wide) {
        let _ = writeln!(err, "error: {message}");
        return 2;
    }
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
    for p in &corpus.problems {
        let _ = writeln!(err, "warning: skipped {p}");
    }
    if corpus.articles.is_empty() {
        let _ = writeln!(err, "error: none of the articles could be read");
        return 2;
    }
    let extraction = extract::extract(&rules, &corpus.articles);
    let names: Vec<String> = corpus
        .articles
        .iter()
        .map(|a| a.file_name.clone())
        .collect();
    let findings = compare::compare_all(&rules, &extraction, &names);
    let report = Report::build(
        &rules,
        &corpus.articles,
        &corpus.problems,
        &extraction,
        &findings,
    );
    for p in &report.problems {
        if corpus
            .problems
            .iter()
            .any(|c| c.file == p.file && c.message == p.message)
        {
            continue;
        }
        let at = match (p.line, p.column) {
            (Some(l), Some(c)) => format!("{}:{}:{}", p.file, l, c),
            _ => p.file.clone(),
        };
        let _ = writeln!(err, "warning: {at}: {}", p.message);
    }

    let to_file = common.output.is_some();
    let text = report::text::TextOptions {
        width: terminal.width(common.width, to_file),
        color: terminal.color(common.color, to_file),
    };
    let mut buf: Vec<u8> = Vec::new();
    let written = match (common.format, is_check) {
        (Format::Text, true) => report::text::write_check_with(&report, text, &mut buf),
        (Format::Text, false) => report::text::write_extract_with(&report, text, &mut buf),
        (Format::Csv, true) if wide => report::csv::write_check_wide(&report, &mut buf),
        (Format::Csv, true) => report::csv::write_check(&report, &mut buf),
        (Format::Csv, false) => report::csv::write_extract(&report, &mut buf),
        (Format::Json, _) => report::json::write(&report, &mut buf),
        (Format::Jsonl, _) => report::json::write_lines(&report, &mut buf),
        (Format::Markdown, _) => report::markdown::write_check(&report, &mut buf),
        (Format::Html, _) => report::html::write_check(&report, &mut buf),
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
        Some(FailOn::Conflict) => report.has_conflict(),
        Some(FailOn::Framing) => report.has_conflict() || report.has_status(Status::Framing),
        None => false,
    };
    u8::from(failed)
}

/// A format that does not fit the subcommand, said before any work is done.
fn usage_error(format: Format, is_check: bool, wide: bool) -> Option<&'static str> {
    match (format, is_check) {
        (Format::Jsonl, true) => {
            Some("--format jsonl is for `extract`; use --format json for `check`")
        }
        (Format::Markdown | Format::Html, false) => {
            Some("--format markdown and html are for `check`; use text, csv, json or jsonl")
        }
        _ if wide && format != Format::Csv => Some("--wide goes with --format csv"),
        _ => None,
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
