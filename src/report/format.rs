//! The report formats, in one table: each one's name, which subcommands write it, how much
//! of a run it needs, and which writer writes it.
//!
//! Everything the rest of the crate knows about a format is asked of [`Format`]: the CLI
//! lists, parses and refuses formats from it, the pipeline keeps what
//! [`Format::detail`] says, and [`Format::write`] picks the writer. Adding a format is a
//! variant here, its writer's module, and the `pub mod` line for it in `report/mod.rs`.

use std::io::{self, Write};

use super::Report;
use super::findings::{self, Accepted, Finding};
use super::text::TextOptions;
use crate::placed::Detail;

/// The subcommands that write a report: `check` (findings per fact) and `extract` (every
/// observation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Check,
    Extract,
}

/// A report format, as `--format` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Csv,
    Github,
    Sarif,
    Json,
    Jsonl,
    Markdown,
    Html,
}

/// What a writer may need besides the report.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions<'a> {
    /// Width and colour of `text`.
    pub text: TextOptions,
    /// `check --format csv --wide`: one row per fact, one column per source.
    pub wide: bool,
    /// The report's findings ([`findings::findings`]): what `github` and `sarif` flag.
    pub findings: &'a [Finding],
    /// The findings a baseline accepts, which `github` and `sarif` mark as such.
    pub accepted: Option<&'a Accepted>,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 8] = [
        Format::Text,
        Format::Csv,
        Format::Github,
        Format::Sarif,
        Format::Json,
        Format::Jsonl,
        Format::Markdown,
        Format::Html,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Csv => "csv",
            Format::Github => "github",
            Format::Sarif => "sarif",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }

    /// One line for `--help`, where the name does not say it all.
    pub fn help(self) -> Option<&'static str> {
        match self {
            Format::Text | Format::Csv => None,
            Format::Github => Some("GitHub Actions annotations, one per observation in a finding"),
            Format::Sarif => Some("SARIF 2.1.0 for code-scanning dashboards"),
            Format::Json => Some("One JSON document (schema in docs/output.md)"),
            Format::Jsonl => Some("One JSON object per line: observations, quotes, names"),
            Format::Markdown => Some("GitHub-flavoured Markdown"),
            Format::Html => Some("One self-contained HTML page"),
        }
    }

    /// Why `command` does not write this format (or not with `--wide`), in the words the
    /// user reads before any work is done; None when it does.
    pub fn refusal(self, command: Command, wide: bool) -> Option<&'static str> {
        match (self, command) {
            (Format::Jsonl, Command::Check) => {
                Some("--format jsonl is for `extract`; use --format json for `check`")
            }
            (Format::Markdown | Format::Html, Command::Extract) => {
                Some("--format markdown and html are for `check`; use text, csv, json or jsonl")
            }
            (Format::Github | Format::Sarif, Command::Extract) => {
                Some("--format github and sarif report findings: use them with `check`")
            }
            _ if wide && self != Format::Csv => Some("--wide goes with --format csv"),
            _ => None,
        }
    }

    /// Does `command` write this format?
    pub fn serves(self, command: Command) -> bool {
        self.refusal(command, false).is_none()
    }

    /// What the run must keep for this format. Quotation word diffs, evidence sentences and
    /// the sentence of every use of a name are costly and only some formats print them; a
    /// table of findings needs only first comparisons and uses.
    pub fn detail(self, command: Command, wide: bool) -> Detail {
        match (self, command, wide) {
            (Format::Csv, Command::Check, false) => Detail::FirstOnly,
            (Format::Csv, Command::Check, true) | (Format::Github | Format::Sarif, _, _) => {
                Detail::NoDiffs
            }
            _ => Detail::Full,
        }
    }

    /// Write `report` in this format, as `command` does.
    pub fn write(
        self,
        command: Command,
        report: &Report,
        options: &WriteOptions,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let flags = || findings::flags(report, options.findings, options.accepted);
        match (self, command) {
            (Format::Text, Command::Check) => super::text::write_check(report, options.text, out),
            (Format::Text, Command::Extract) => {
                super::text::write_extract(report, options.text, out)
            }
            (Format::Csv, Command::Check) if options.wide => {
                super::csv::write_check_wide(report, out)
            }
            (Format::Csv, Command::Check) => super::csv::write_check(report, out),
            (Format::Csv, Command::Extract) => super::csv::write_extract(report, out),
            (Format::Github, _) => super::github::write(&flags(), out),
            (Format::Sarif, _) => super::sarif::write(report, &flags(), out),
            (Format::Json, _) => super::json::write(report, out),
            (Format::Jsonl, _) => super::json::write_lines(report, out),
            (Format::Markdown, _) => super::markdown::write_check(report, out),
            (Format::Html, _) => super::html::write_check(report, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct_and_every_format_has_a_subcommand() {
        for (i, f) in Format::ALL.iter().enumerate() {
            assert!(Format::ALL[..i].iter().all(|g| g.name() != f.name()));
            assert!(f.serves(Command::Check) || f.serves(Command::Extract));
        }
        assert!(!Format::Jsonl.serves(Command::Check));
        assert!(!Format::Html.serves(Command::Extract));
        assert_eq!(
            Format::Json.refusal(Command::Check, true),
            Some("--wide goes with --format csv")
        );
    }
}
