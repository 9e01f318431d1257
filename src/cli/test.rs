//! `crosscheck test`: the rule files' examples run through extraction.

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;

use super::{Error, Outcome};
use crate::{rules, ruletest};

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

/// Fails when an example does; the rules must load.
pub fn run(args: &TestArgs, out: &mut dyn Write) -> Result<Outcome, Error> {
    let rules = rules::load(&args.rules)?;
    let run = ruletest::run(&rules);
    let written = match args.format {
        TestFormat::Text => ruletest::write_text(&run, out),
        TestFormat::Json => ruletest::write_json(&run, out),
    };
    written.and_then(|_| out.flush()).map_err(Error::Results)?;
    Ok(Outcome::fail_if(run.failed()))
}
