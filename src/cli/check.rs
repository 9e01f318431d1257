//! `crosscheck check`: findings per fact, then the baseline and `--fail-on`.

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;

use super::common::CommonArgs;
use super::{Error, Outcome, Terminal, output};
use crate::baseline::Baseline;
use crate::compare::Status;
use crate::report::findings::{self, FindingKind};
use crate::report::{self, Report, WriteOptions};

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
    /// Text report: only the disagreements (conflicts, framing differences, quotations
    /// worded or attributed differently, names spelled differently) and problems.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// A numeric or date conflict.
    Conflict,
    /// A conflict or a framing difference.
    Framing,
}

impl FailOn {
    /// The kinds of finding that fail the run.
    pub(super) fn kinds(self) -> &'static [FindingKind] {
        match self {
            FailOn::Conflict => &[FindingKind::Conflict, FindingKind::AttributionConflict],
            FailOn::Framing => &[
                FindingKind::Conflict,
                FindingKind::AttributionConflict,
                FindingKind::Framing,
            ],
        }
    }

    /// Without a baseline: is there a finding of this kind in the report?
    pub(super) fn met(self, report: &Report) -> bool {
        match self {
            FailOn::Conflict => report.has_conflict(),
            FailOn::Framing => report.has_conflict() || report.has_status(Status::Framing),
        }
    }
}

/// Write the report, record the baseline if asked, then compare with the baseline given
/// (its summary on `err`) and decide `--fail-on`.
pub fn run(
    args: &CheckArgs,
    terminal: &Terminal,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, Error> {
    let common = &args.common;
    common.refuse(report::Command::Check, args.wide)?;
    // Reading a baseline and writing the new one over it is how a baseline is updated.
    let reads = args
        .baseline
        .as_deref()
        .filter(|b| args.write_baseline.as_deref() != Some(*b))
        .map(|b| (b, "the baseline"));
    let writes = args
        .write_baseline
        .as_deref()
        .map(|b| (b, "--write-baseline"));
    common.refuse_clobbering(writes, reads)?;
    let baseline = args.baseline.as_deref().map(Baseline::read).transpose()?;
    let report = common.report(report::Command::Check, args.wide, err)?;
    let found = findings::findings(&report);
    let accepted = baseline.as_ref().map(Baseline::accepted);
    let options = WriteOptions {
        text: report::text::TextOptions {
            quiet: args.quiet,
            ..Default::default()
        },
        wide: args.wide,
        findings: &found,
        accepted: accepted.as_ref(),
    };
    common.deliver(report::Command::Check, &report, options, terminal, out)?;
    if let Some(path) = &args.write_baseline {
        let b = Baseline::from_findings(&report, &found);
        output::write_atomically(path, b.to_json().as_bytes()).map_err(|source| Error::Write {
            target: path.display().to_string(),
            source,
        })?;
        let _ = writeln!(
            err,
            "baseline {}: {} findings recorded",
            path.display(),
            b.findings.len()
        );
    }
    let failed = match (&baseline, &args.baseline) {
        (Some(b), Some(path)) => {
            let c = b.compare(&found);
            let _ = c.write_summary(&report, path, err);
            args.fail_on.is_some_and(|f| c.has_new(f.kinds()))
        }
        _ => args.fail_on.is_some_and(|f| f.met(&report)),
    };
    Ok(Outcome::fail_if(failed))
}
