//! `crosscheck test`: the rule files' examples run through extraction.

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;

use super::{Error, Outcome};
use crate::{rules, ruletest};

#[derive(Debug, clap::Args)]
pub struct TestArgs {
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
    /// Output format.
    #[arg(long, value_enum, default_value_t = TestFormat::Text)]
    pub format: TestFormat,
}

impl TestArgs {
    /// The RULES paths, then those given with --rules; else crosscheck.toml's; else `rules`.
    pub fn rule_paths(&self) -> Vec<PathBuf> {
        let config = self.config.as_ref().map(|c| &c.rules);
        super::common::or_default(&[&self.rules, &self.rules_flag], config, "rules")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TestFormat {
    Text,
    Json,
}

/// Fails when an example does; the rules must load.
pub fn run(args: &TestArgs, out: &mut dyn Write) -> Result<Outcome, Error> {
    let rules = rules::load(&args.rule_paths())?;
    let run = ruletest::run(&rules);
    let written = match args.format {
        TestFormat::Text => ruletest::write_text(&run, out),
        TestFormat::Json => ruletest::write_json(&run, out),
    };
    written.and_then(|_| out.flush()).map_err(Error::Results)?;
    Ok(Outcome::fail_if(run.failed()))
}
