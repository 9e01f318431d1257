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

use crate::baseline::Baseline;
use crate::compare::{self, Status};
use crate::pipeline;
use crate::report::findings::{self, FindingKind};
use crate::report::{self, Report};
use crate::rules;
use crate::{lint, ruletest};

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
    /// Run the examples of every fact ([[fact.example]]): passed, missing, noisy or wrong.
    Test(TestArgs),
    /// Check rule files without a corpus: errors, and rules that can never match.
    Lint(LintArgs),
}

#[derive(Debug, clap::Args)]
pub struct TestArgs {
    /// Rule files or folders of rule files.
    #[arg(value_name = "RULES", default_value = "rules")]
    pub rules: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TestFormat::Text)]
    pub format: TestFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TestFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// Rule files or folders of rule files.
    #[arg(value_name = "RULES", default_value = "rules")]
    pub rules: Vec<PathBuf>,
    /// Exit with status 1 when there are warnings.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, clap::Args)]
pub struct CommonArgs {
    /// Rule file or folder of rule files (repeatable).
    #[arg(long = "rules", value_name = "PATH", default_value = "rules")]
    pub rules: Vec<PathBuf>,
    /// Article file or folder of articles (repeatable).
    #[arg(long = "corpus", value_name = "PATH", default_value = "corpus")]
    pub corpus: Vec<PathBuf>,
    /// Publication date of an article without front matter, as FILE=YYYY-MM-DD
    /// (repeatable); weekdays and year-less dates are resolved against it.
    #[arg(long = "published", value_name = "FILE=DATE")]
    pub published: Vec<String>,
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
    /// Threads that read articles (default: one per core, or RAYON_NUM_THREADS). The
    /// report is the same bytes whatever the number.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Exit with status 1 when a finding of this kind is reported (for CI).
    #[arg(long, value_enum, value_name = "WHAT")]
    pub fail_on: Option<FailOn>,
    /// Accepted findings: only findings not in this file count for --fail-on.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record this run's findings as the accepted ones.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// With `--format csv`: one row per fact, one column per source.
    #[arg(long)]
    pub wide: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Csv,
    /// GitHub Actions annotations, one per observation in a finding (check only).
    Github,
    /// SARIF 2.1.0 for code-scanning dashboards (check only).
    Sarif,
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
    let (common, check, wide) = match &cli.command {
        Command::Check(a) => (&a.common, Some(a), a.wide),
        Command::Extract(a) => (a, None, false),
        Command::Test(a) => return run_test(a, out, err),
        Command::Lint(a) => return run_lint(a, out, err),
    };
    let is_check = check.is_some();
    if let Some(message) = usage_error(common.format, is_check, wide) {
        let _ = writeln!(err, "error: {message}");
        return 2;
    }
    let baseline = match check.and_then(|c| c.baseline.as_ref()) {
        None => None,
        Some(path) => match Baseline::read(path) {
            Ok(b) => Some(b),
            Err(e) => {
                let _ = writeln!(err, "error: {e}");
                return 2;
            }
        },
    };
    let rules = match rules::load(&common.rules) {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(err, "{}", e.render());
            return 2;
        }
    };
    let mut published = Vec::new();
    for p in &common.published {
        let parsed = p.split_once('=').and_then(|(file, date)| {
            Some((file.trim(), date.trim().parse::<jiff::civil::Date>().ok()?))
        });
        let Some((file, date)) = parsed else {
            let _ = writeln!(
                err,
                "error: --published {p:?}: write FILE=YYYY-MM-DD, e.g. --published story.txt=2022-01-08"
            );
            return 2;
        };
        published.push((file.to_string(), date));
    }
    // Quotation word diffs, evidence sentences and the sentence of every use of a name are
    // costly and only some formats print them; a table of findings needs only first
    // comparisons and uses.
    let detail = match (common.format, is_check, wide) {
        (Format::Csv, true, false) => compare::Detail::FirstOnly,
        (Format::Csv, true, true) | (Format::Github | Format::Sarif, _, _) => {
            compare::Detail::NoDiffs
        }
        _ => compare::Detail::Full,
    };
    // Read, extract and summarise article by article: the texts are never all in memory.
    let run = pipeline::run_with(&rules, &common.corpus, &published, common.threads, detail);
    let mut run = match run {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return 2;
        }
    };
    if let Some(&i) = run.unmatched_published.first() {
        let _ = writeln!(
            err,
            "error: --published {:?}: no article {:?} in the corpus",
            common.published[i], published[i].0
        );
        return 2;
    }
    if run.articles.is_empty() {
        for p in &run.unread {
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
    let names: Vec<String> = run.articles.iter().map(|a| a.file_name.clone()).collect();
    let findings = compare::compare_all_with(&rules, &run.extraction, &run.names, &names, detail);
    // Names are clustered: the mentions are no longer needed (the report places uses by
    // their start).
    run.names = Default::default();
    let detail = detail == compare::Detail::Full;
    let sentences = detail.then(|| pipeline::name_sentences(&run, &findings));
    // The run moves into the report (its strings are not copied; the rest is freed).
    let report = Report::from_run(&rules, run, findings, sentences.as_ref());
    drop(sentences);
    for p in &report.problems {
        let _ = writeln!(
            err,
            "warning: {}: {}",
            at(&p.file, p.line, p.column),
            p.message
        );
    }

    let found = findings::findings(&report);
    let accepted = baseline.as_ref().map(Baseline::accepted);
    let flags = || findings::flags(&report, &found, accepted.as_ref());
    let to_file = common.output.is_some();
    let text = report::text::TextOptions {
        width: terminal.width(common.width, to_file),
        color: terminal.color(common.color, to_file),
    };
    let write = |w: &mut dyn Write| match (common.format, is_check) {
        (Format::Text, true) => report::text::write_check_with(&report, text, w),
        (Format::Text, false) => report::text::write_extract_with(&report, text, w),
        (Format::Csv, true) if wide => report::csv::write_check_wide(&report, w),
        (Format::Csv, true) => report::csv::write_check(&report, w),
        (Format::Csv, false) => report::csv::write_extract(&report, w),
        (Format::Github, _) => report::github::write(&flags(), w),
        (Format::Sarif, _) => report::sarif::write(&report, &flags(), w),
        (Format::Json, _) => report::json::write(&report, w),
        (Format::Jsonl, _) => report::json::write_lines(&report, w),
        (Format::Markdown, _) => report::markdown::write_check(&report, w),
        (Format::Html, _) => report::html::write_check(&report, w),
    };
    let delivered = match &common.output {
        // Straight into the temporary file: a report can be as large as the corpus.
        Some(path) => stream_atomically(path, write),
        None => {
            let mut buf: Vec<u8> = Vec::new();
            if let Err(e) = write(&mut buf) {
                let _ = writeln!(err, "error: cannot write the report: {e}");
                return 2;
            }
            out.write_all(&buf).and_then(|_| out.flush())
        }
    };
    if let Err(e) = delivered {
        let target = common
            .output
            .as_ref()
            .map_or("standard output".to_string(), |p| p.display().to_string());
        let _ = writeln!(err, "error: cannot write {target}: {e}");
        return 2;
    }
    if let Some(path) = check.and_then(|c| c.write_baseline.as_ref()) {
        let b = Baseline::from_findings(&report, &found);
        if let Err(e) = write_atomically(path, b.to_json().as_bytes()) {
            let _ = writeln!(err, "error: cannot write {}: {e}", path.display());
            return 2;
        }
        let _ = writeln!(
            err,
            "baseline {}: {} findings recorded",
            path.display(),
            b.findings.len()
        );
    }
    let fail_on = check.and_then(|c| c.fail_on);
    let kinds: &[FindingKind] = match fail_on {
        Some(FailOn::Conflict) => &[FindingKind::Conflict, FindingKind::AttributionConflict],
        Some(FailOn::Framing) => &[
            FindingKind::Conflict,
            FindingKind::AttributionConflict,
            FindingKind::Framing,
        ],
        None => &[],
    };
    let failed = match (&baseline, check.and_then(|c| c.baseline.as_ref())) {
        (Some(b), Some(path)) => {
            let c = b.compare(&found);
            let _ = write_baseline_summary(&c, &report, path, err);
            c.has_new(kinds)
        }
        _ => match fail_on {
            Some(FailOn::Conflict) => report.has_conflict(),
            Some(FailOn::Framing) => report.has_conflict() || report.has_status(Status::Framing),
            None => false,
        },
    };
    u8::from(failed)
}

/// On stderr, after the report: how the run compares with the baseline, each new finding
/// with where it is, and each accepted finding that no longer occurs.
fn write_baseline_summary(
    c: &crate::baseline::Comparison,
    report: &Report,
    path: &std::path::Path,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(
        err,
        "baseline {}: {} accepted, {} new, {} no longer found",
        path.display(),
        c.accepted.len(),
        c.new.len(),
        c.gone.len()
    )?;
    for f in &c.new {
        writeln!(err, "  new: {}  ({})", f.key(), f.files(report).join(", "))?;
    }
    for e in &c.gone {
        writeln!(
            err,
            "  no longer found: {}  (fixed? regenerate the baseline with --write-baseline to drop it)",
            e.key
        )?;
    }
    Ok(())
}

/// `crosscheck test`: 0 every example passed, 1 one failed, 2 the rules cannot be read.
fn run_test(args: &TestArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let rules = match rules::load(&args.rules) {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(err, "{}", e.render());
            return 2;
        }
    };
    let run = ruletest::run(&rules);
    let written = match args.format {
        TestFormat::Text => ruletest::write_text(&run, out),
        TestFormat::Json => ruletest::write_json(&run, out),
    };
    if let Err(e) = written.and_then(|_| out.flush()) {
        let _ = writeln!(err, "error: cannot write the results: {e}");
        return 2;
    }
    u8::from(run.failed())
}

/// `crosscheck lint`: 0 clean or warnings only, 1 warnings with --deny-warnings, 2 errors.
fn run_lint(args: &LintArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let l = lint::lint(&args.rules);
    for e in &l.errors {
        let _ = writeln!(err, "{}\n", e.render());
    }
    for w in &l.warnings {
        let _ = writeln!(err, "{}\n", w.render_as("warning"));
    }
    let _ = writeln!(
        out,
        "{} rule file{}, {} facts: {} error{}, {} warning{}",
        l.files,
        if l.files == 1 { "" } else { "s" },
        l.facts,
        l.errors.len(),
        if l.errors.len() == 1 { "" } else { "s" },
        l.warnings.len(),
        if l.warnings.len() == 1 { "" } else { "s" },
    );
    if !l.errors.is_empty() {
        2
    } else {
        u8::from(args.deny_warnings && !l.warnings.is_empty())
    }
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
        (Format::Github | Format::Sarif, false) => {
            Some("--format github and sarif report findings: use them with `check`")
        }
        _ if wide && format != Format::Csv => Some("--wide goes with --format csv"),
        _ => None,
    }
}

/// `file:line:column`, or as much of it as is known.
fn at(file: &str, line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
        (Some(l), None) => format!("{file}:{l}"),
        _ => file.to_string(),
    }
}

/// Write bytes atomically: see [`stream_atomically`].
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    stream_atomically(path, |w| w.write_all(bytes))
}

/// Write `path` through `write` into a temporary file beside it, renamed into place once
/// complete, so a reader never sees half a file. A target that exists and is not a regular
/// file (`/dev/null`, a pipe) is written to directly: renaming over it would replace the
/// device with a file. A symbolic link is followed, so the file it points to is replaced,
/// not the link.
fn stream_atomically(
    path: &std::path::Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    if let Ok(meta) = std::fs::metadata(path) {
        if !meta.is_file() {
            let f = std::fs::OpenOptions::new().write(true).open(path)?;
            let mut w = std::io::BufWriter::with_capacity(1 << 16, f);
            write(&mut w)?;
            return w.flush();
        }
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            return stream_atomically(&std::fs::canonicalize(path)?, write);
        }
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map_or("report".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|f| {
        let mut w = std::io::BufWriter::with_capacity(1 << 16, f);
        write(&mut w)?;
        w.flush()
    });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
