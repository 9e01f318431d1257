//! `crosscheck lint`: rule files checked without a corpus.

use std::io::Write;
use std::path::PathBuf;

use super::{Error, Outcome};
use crate::lint;

#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// Rule files or folders of rule files (default: rules).
    #[arg(value_name = "RULES")]
    pub rules: Vec<PathBuf>,
    /// Rule file or folder of rule files (repeatable), as with check and extract; added
    /// to the RULES paths.
    #[arg(long = "rules", value_name = "PATH")]
    pub rules_flag: Vec<PathBuf>,
    /// Ignore crosscheck.toml (the project file found in the current folder or above).
    #[arg(long = "no-config")]
    pub no_config: bool,
    /// The project file's settings, filled in after parsing.
    #[arg(skip)]
    pub config: Option<super::config::Config>,
    /// Exit with status 1 when there are warnings.
    #[arg(long)]
    pub deny_warnings: bool,
}

impl LintArgs {
    /// The RULES paths, then those given with --rules; else crosscheck.toml's; else `rules`.
    pub fn rule_paths(&self) -> Vec<PathBuf> {
        let config = self.config.as_ref().map(|c| &c.rules);
        super::common::or_default(&[&self.rules, &self.rules_flag], config, "rules")
    }
}

/// Errors and warnings on `err`, a one-line summary on `out`. Errors in the rule files are
/// bad input; warnings fail the run only with `--deny-warnings`.
pub fn run(args: &LintArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome, Error> {
    let l = lint::lint(&args.rule_paths());
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
