//! `crosscheck lint`: rule files checked without a corpus.

use std::io::Write;

use super::{Error, Outcome};
use crate::lint;

#[derive(Debug, clap::Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub files: super::common::RuleFiles,
    /// Exit with status 1 when there are warnings.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// Errors and warnings on `err`, a one-line summary on `out`. Errors in the rule files are
/// bad input; warnings fail the run only with `--deny-warnings`.
pub fn run(args: &LintArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome, Error> {
    let l = lint::lint(&args.files.rule_paths());
    let _ = l.write_diagnostics(err);
    let _ = l.write_summary(out);
    if !l.errors.is_empty() {
        return Err(Error::InvalidRules {
            errors: l.errors.len(),
        });
    }
    Ok(Outcome::fail_if(
        args.deny_warnings && !l.warnings.is_empty(),
    ))
}
