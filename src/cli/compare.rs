//! `crosscheck compare`: the reduce of a run made in parts. It reads the map records that
//! `extract --format jsonl` wrote for each part of a corpus and writes the report `check`
//! writes on the whole (see docs/output.md); the library does the work
//! ([`crate::pipeline::compare`]), this only wires flags to it.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use super::check::FailOn;
use super::common::{or_default, warn_problems};
use super::config::Config;
use super::{ColorChoice, Error, Outcome, Terminal, output};
use crate::corpus::escape_path;
use crate::pipeline::{self, Records};
use crate::report::findings;
use crate::report::text::TextOptions;
use crate::report::{self, Format, WriteOptions};
use crate::rules;

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The output of `crosscheck extract --format jsonl` over each part of the corpus:
    /// files, folders of part files (`part-00000`, …; names starting with `.` or `_` are
    /// passed over), or `-` for standard input. In any order.
    #[arg(value_name = "MAP", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Rule file or folder of rule files (repeatable; default: rules): the rules extract
    /// ran with.
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// Output format (default: text).
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Write the report to this file instead of standard output (`-` is standard output).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With `--format csv`: one row per fact, one column per source.
    #[arg(long)]
    pub wide: bool,
    /// Text report: only the disagreements and problems.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Exit with status 1 when a finding of this kind is reported (for CI).
    #[arg(long, value_enum, value_name = "WHAT")]
    pub fail_on: Option<FailOn>,
    /// Colour the text report: auto = only on a terminal, and not when NO_COLOR is set.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Fit the text report to N columns (0 = no limit). Default: $COLUMNS, else the
    /// terminal's width, else 100.
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
    /// Ignore crosscheck.toml (the project file found in the current folder or above).
    #[arg(long = "no-config")]
    pub no_config: bool,
    /// The project file's settings, filled in after parsing.
    #[arg(skip)]
    pub config: Option<Config>,
}

impl CompareArgs {
    /// --format, else crosscheck.toml's, else text.
    fn format(&self) -> Result<Format, Error> {
        super::common::format_or_config(self.format, self.config.as_ref(), report::Command::Check)
    }

    fn output_path(&self) -> Option<&std::path::Path> {
        self.output.as_deref().filter(|p| p.as_os_str() != "-")
    }
}

/// Read every input's map records, compare, and write the report as `check` would.
pub fn run(
    args: &CompareArgs,
    terminal: &Terminal,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, Error> {
    let format = args.format()?;
    if let Some(message) = format.refusal(report::Command::Check, args.wide) {
        return Err(Error::Usage(message));
    }
    if args.inputs.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err(Error::Usage("standard input (-) can be read once only"));
    }
    let outputs: Vec<(&std::path::Path, &'static str)> =
        args.output_path().map(|p| (p, "-o")).into_iter().collect();
    output::refuse_clobbering(&outputs, || {
        args.inputs
            .iter()
            .filter(|p| p.as_os_str() != "-")
            .map(|p| (p.clone(), "a map input"))
            .collect()
    })?;
    let config = args.config.as_ref().map(|c| &c.rules);
    let rules = rules::load(&or_default(&[&args.rules], config, "rules"))?;
    if rules.facts.is_empty() {
        return Err(Error::Usage(
            "compare needs the rule files that name the facts extract ran with (facts discovered without rules depend on the whole corpus)",
        ));
    }
    let detail = format.detail(report::Command::Check, args.wide);
    let mut records = Records::new(detail);
    for path in &args.inputs {
        if path.as_os_str() == "-" {
            read_stdin(&mut records, &rules)?;
            continue;
        }
        let files = if path.is_dir() {
            pipeline::part_files(path)?
        } else {
            vec![path.clone()]
        };
        for f in files {
            records.read_file(&escape_path(&f), &f, &rules)?;
        }
    }
    for note in records.notes() {
        let _ = writeln!(err, "note: {note}");
    }
    let report = pipeline::compare(&rules, records).map_err(|e| match e {
        pipeline::RunError::Corpus(e) => Error::Corpus(e),
        pipeline::RunError::NothingRead { unread } => Error::NothingRead(unread),
        pipeline::RunError::Map(e) => Error::Map(e),
        pipeline::RunError::SetAside(source) => Error::SetAside { source },
        pipeline::RunError::UnmatchedPublished { .. } => {
            Error::Usage("a publication date matched no article")
        }
    })?;
    warn_problems(&report, err);
    let found = findings::findings(&report);
    let to_file = args.output_path().is_some();
    let options = WriteOptions {
        text: TextOptions {
            quiet: args.quiet,
            width: terminal.width(args.width, to_file),
            color: terminal.color(args.color, to_file),
        },
        wide: args.wide,
        findings: &found,
        accepted: None,
    };
    let write = |w: &mut dyn Write| format.write(report::Command::Check, &report, &options, w);
    output::deliver(args.output_path(), write, out)?;
    Ok(Outcome::fail_if(
        args.fail_on.is_some_and(|f| f.met(&report)),
    ))
}

/// Standard input's records: the one place `compare` reads the process's input.
#[allow(clippy::disallowed_methods)]
fn read_stdin(records: &mut Records, rules: &rules::RuleSet) -> Result<(), Error> {
    let stdin = std::io::stdin();
    let lock: &mut dyn BufRead = &mut stdin.lock();
    records.read("stdin", lock, rules)?;
    Ok(())
}
