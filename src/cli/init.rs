//! `crosscheck init`: the starter rule file, written from what discovery finds in the
//! articles ([`crate::discover`]).

use std::io::Write;

use super::common::CommonArgs;
use super::{Error, Outcome};

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The articles, how they are read, and where the file goes (`-o FILE`; default
    /// standard output). `--rules`: a rule file whose story, speakers and entities to keep.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Discover the facts two or more sources state and write them as a rule file that
/// `crosscheck lint` and `crosscheck test` pass as written.
pub fn run(args: &InitArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome, Error> {
    let common = &args.common;
    let published = common.published()?;
    let base = common.named_rules()?.unwrap_or_default();
    let (found, _) = common.discovery(&published, &base)?;
    // A new story's rule file usually starts its folder (`-o rules/story.toml`): the folder
    // is made, as a scaffold's should be. A report's `-o` makes none (a typo there is an
    // error, not a new folder).
    if let Some(dir) = common
        .output_path()
        .and_then(std::path::Path::parent)
        .filter(|d| !d.as_os_str().is_empty() && !d.exists())
    {
        std::fs::create_dir_all(dir).map_err(|source| Error::Write {
            target: dir.display().to_string(),
            source,
        })?;
    }
    common.write_raw(found.toml.as_bytes(), out)?;
    let from = crate::discover::write::sample_read(found.read)
        .map(|sample| format!(" from {sample}"))
        .unwrap_or_default();
    let _ = writeln!(
        err,
        "{} facts discovered{from}; edit them, then run `crosscheck lint` and `crosscheck test`",
        found.rules.facts.len()
    );
    Ok(Outcome::Pass)
}
