//! `crosscheck test`: the rule files' examples run through extraction.

use std::io::Write;

use clap::ValueEnum;

use super::{Error, Outcome};
use crate::text::visible::Visible;
use crate::{rules, ruletest};

#[derive(Debug, clap::Args)]
pub struct TestArgs {
    #[command(flatten)]
    pub files: super::common::RuleFiles,
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
    let rules = rules::load(&args.files.rule_paths())?;
    let run = ruletest::run(&rules);
    let written = match args.format {
        // Examples quote rule files: shown escaped on a terminal (JSON escapes its own).
        TestFormat::Text => ruletest::write_text(&run, &mut Visible::new(out, false)),
        TestFormat::Json => ruletest::write_json(&run, out),
    };
    written.and_then(|_| out.flush()).map_err(Error::Results)?;
    Ok(Outcome::fail_if(run.failed()))
}
