//! `crosscheck extract`: every observation of every fact, with its place and sentence; or,
//! with `--text`, every article's text as read.

use std::io::Write;

use super::common::CommonArgs;
use super::{Error, Outcome, Terminal};
use crate::pipeline;
use crate::report::{self, WriteOptions};

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Instead of observations, write each article's text as read, with line numbers:
    /// the text extracted from a web page or a feed row (which line and column in
    /// reports refer to), boilerplate lines marked ✂ with their rule. Needs no rules.
    #[arg(long)]
    pub text: bool,
    /// With `--format jsonl`: every name mention in the map records carries its sentence,
    /// so that `compare` shows the sentence of each use of a name without the article
    /// files (larger output).
    #[arg(long = "name-sentences")]
    pub name_sentences: bool,
    /// With `--format jsonl`: only the header and the map records, not the observation,
    /// quotation and name rows: the map step of a run in parts, which compares nothing
    /// (faster), and where a part with no readable article is not an error.
    #[arg(long = "records-only")]
    pub records_only: bool,
    /// Instead of observations, write the keys of each article's lines, one article a
    /// line: `--recurring` reads them back, so that every part of a corpus read in parts
    /// leaves out the boilerplate a run over the whole would (see docs/output.md). Needs
    /// no rules.
    #[arg(long = "line-keys", conflicts_with = "text")]
    pub line_keys: bool,
}

/// Write the report (or the texts); extraction has nothing to fail on.
pub fn run(
    args: &ExtractArgs,
    terminal: &Terminal,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, Error> {
    let args_common = &args.common;
    args_common.refuse_clobbering(None, None)?;
    if args.text {
        return texts(args_common, out, err);
    }
    if args.line_keys {
        let reading = args_common.reading()?;
        let articles = args_common.articles(&reading)?;
        let bytes = pipeline::line_keys(&articles, args_common.threads(err), &reading)
            .map_err(|e| args_common.run_error(e, &[]))?;
        args_common.write_raw(&bytes, out)?;
        return Ok(Outcome::Pass);
    }
    args_common.refuse(report::Command::Extract, false)?;
    if args_common.format(report::Command::Extract)? == report::Format::Jsonl {
        if args.records_only {
            args_common.deliver_records(args.name_sentences, out, err)?;
            return Ok(Outcome::Pass);
        }
        let (report, map) = args_common.report_and_map(args.name_sentences, err)?;
        args_common.deliver_map(&report, &map, out)?;
        return Ok(Outcome::Pass);
    }
    if args.name_sentences || args.records_only {
        return Err(Error::Usage(
            "--name-sentences and --records-only go with --format jsonl",
        ));
    }
    let report = args_common.report(report::Command::Extract, false, err)?;
    let options = WriteOptions::default();
    args_common.deliver(report::Command::Extract, &report, options, terminal, out)?;
    Ok(Outcome::Pass)
}

/// `extract --text`: each article's text, and each problem on `err`.
fn texts(args: &CommonArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome, Error> {
    let corpus = args.read_corpus()?;
    let write = |w: &mut dyn Write| -> std::io::Result<()> {
        for a in &corpus.articles {
            let what = if a.origin.extracted() {
                "extracted text"
            } else {
                "text as read"
            };
            let n = a.boilerplate.len();
            let s = if n == 1 { "" } else { "s" };
            writeln!(w, "==> {} ({what}; {n} boilerplate line{s})", a.file_name)?;
            a.write_text(w)?;
            writeln!(w)?;
        }
        Ok(())
    };
    let mut buf = Vec::new();
    write(&mut buf).map_err(Error::Render)?;
    args.write_raw(&buf, out)?;
    for p in &corpus.problems {
        let _ = writeln!(err, "warning: {p}");
    }
    Ok(Outcome::Pass)
}
