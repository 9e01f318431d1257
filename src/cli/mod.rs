//! The command line: parse arguments, wire the stages, decide the exit code.
//!
//! The top of the flow, and nothing here is worth testing on its own beyond the wiring: one
//! module per subcommand ([`check`], [`extract`], [`compare`], [`mod@test`], [`lint`]) turns its flags into
//! settings and calls the library ([`crate::pipeline::check`] for a report); [`common`] holds
//! what `check` and `extract` share, `output` where a report goes. Each subcommand ends
//! with an [`Outcome`] or an [`Error`], and [`exit_code`] turns that into the exit status,
//! here and nowhere else: 0 the run succeeded (whatever it found), 1 a `--fail-on`
//! condition was met (or a rule example failed, or lint warned with `--deny-warnings`), 2
//! bad input or usage.
//!
//! Everything is written through `&mut dyn Write`, so tests run a command in memory
//! ([`run`]); only [`main`] touches the process's standard output and error.

pub mod check;
pub mod common;
pub mod compare;
pub mod config;
mod error;
pub mod extract;
pub mod init;
pub mod lint;
mod output;
mod terminal;
pub mod test;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use error::{Error, Outcome};
pub use terminal::{ColorChoice, DEFAULT_WIDTH, Terminal};

use crate::report;
use crate::text::visible::Visible;
use common::FormatParser;

#[derive(Debug, Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Where news sources disagree on the checkable details of one story"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare the sources fact by fact: agree, loose, conflict, framing, single, none.
    #[command(mut_arg("format", |a| a.value_parser(FormatParser::serving(report::Command::Check))))]
    Check(check::CheckArgs),
    /// List every observation of every fact, with file, line, column and sentence.
    #[command(mut_arg("format", |a| a.value_parser(FormatParser::serving(report::Command::Extract))))]
    Extract(extract::ExtractArgs),
    /// Compare the map records of a corpus read in parts (`extract --format jsonl` per
    /// part): the report `check` writes on the whole.
    #[command(mut_arg("format", |a| a.value_parser(FormatParser::serving(report::Command::Check))))]
    Compare(compare::CompareArgs),
    /// Run the examples of every fact ([[fact.example]]): passed, missing, noisy or wrong.
    Test(test::TestArgs),
    /// Check rule files without a corpus: errors, and rules that can never match.
    Lint(lint::LintArgs),
    /// Write a starter rule file from the facts discovered in the articles.
    Init(init::InitArgs),
    /// Print a shell completion script: `crosscheck completions bash > …` (see README).
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff): `crosscheck man > crosscheck.1`.
    Man,
}

/// The shells `completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

/// Entry point of the binary: the one place that holds the process's standard output and
/// error, and looks at the terminal behind them.
// clippy.toml disallows std::io::stdout and stderr everywhere else: the rest of the crate
// writes to the `&mut dyn Write` it is given, so tests capture every byte.
#[allow(clippy::disallowed_methods)]
pub fn main() -> ExitCode {
    let (stdout, stderr) = (std::io::stdout(), std::io::stderr());
    let code = match Cli::try_parse() {
        Ok(cli) => {
            let terminal = Terminal::detect(&stdout);
            run(cli, &terminal, &mut stdout.lock(), &mut stderr.lock())
        }
        // clap writes its own message (help and version on standard output, coloured for
        // a terminal).
        Err(e) => {
            let _ = e.print();
            exit_code(not_parsed(&e), &mut stderr.lock())
        }
    };
    ExitCode::from(code)
}

/// How a command line clap would not parse ends: --help and --version are not errors (they
/// did what was asked), anything else is bad usage. Public so that tests running commands
/// in memory end them as `main` does.
pub fn not_parsed(e: &clap::Error) -> Result<Outcome, Error> {
    if e.use_stderr() {
        Err(Error::Arguments)
    } else {
        Ok(Outcome::Pass)
    }
}

/// Run a parsed command writing to `terminal` (tests pass `&Terminal::default()`: not a
/// terminal); returns the exit code.
pub fn run(mut cli: Cli, terminal: &Terminal, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    // Warnings, errors and the baseline summary name files and quote rules: no control or
    // bidi character in them reaches the terminal or log as itself.
    let err = &mut Visible::new(err, false);
    if let Err(e) = load_config(&mut cli.command) {
        return exit_code(Err(e), err);
    }
    let result = match &cli.command {
        Command::Check(args) => check::run(args, terminal, out, err),
        Command::Extract(args) => extract::run(args, terminal, out, err),
        Command::Compare(args) => compare::run(args, terminal, out, err),
        Command::Test(args) => test::run(args, out),
        Command::Lint(args) => lint::run(args, &mut Visible::new(out, false), err),
        Command::Init(args) => init::run(args, out, err),
        Command::Completions { shell } => completions(*shell, out),
        Command::Man => man(out),
    };
    exit_code(result, err)
}

/// Find crosscheck.toml from the current folder up, unless `--no-config`, and give it to
/// the subcommand.
fn load_config(command: &mut Command) -> Result<(), Error> {
    let slot = match command {
        Command::Check(a) if !a.common.no_config => &mut a.common.config,
        Command::Extract(a) if !a.common.no_config => &mut a.common.config,
        Command::Compare(a) if !a.no_config => &mut a.config,
        Command::Test(a) if !a.files.no_config => &mut a.files.config,
        Command::Lint(a) if !a.files.no_config => &mut a.files.config,
        _ => return Ok(()),
    };
    let Ok(here) = std::env::current_dir() else {
        return Ok(());
    };
    *slot = config::find(&here)?;
    Ok(())
}

/// `crosscheck completions SHELL`.
fn completions(shell: Shell, out: &mut dyn Write) -> Result<Outcome, Error> {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    let shell = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    // Into memory first: the generator panics on a write error (a closed pipe).
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "crosscheck", &mut buf);
    out.write_all(&buf)
        .and_then(|_| out.flush())
        .map_err(Error::Results)?;
    Ok(Outcome::Pass)
}

/// `crosscheck man`: the manual page: the command, then each subcommand's synopsis and
/// options under its own heading.
fn man(out: &mut dyn Write) -> Result<Outcome, Error> {
    use clap::CommandFactory;
    let cmd = Cli::command();
    let write = |out: &mut Vec<u8>| -> std::io::Result<()> {
        clap_mangen::Man::new(cmd.clone()).render(out)?;
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let name = format!("crosscheck {}", sub.get_name());
            writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
            if let Some(about) = sub.get_about() {
                writeln!(out, "{}", about.to_string().replace('\\', "\\\\"))?;
            }
            let page = clap_mangen::Man::new(sub.clone().bin_name(name));
            page.render_synopsis_section(out)?;
            page.render_options_section(out)?;
        }
        Ok(())
    };
    let mut buf = Vec::new();
    write(&mut buf)
        .and_then(|_| out.write_all(&buf))
        .and_then(|_| out.flush())
        .map_err(Error::Results)?;
    Ok(Outcome::Pass)
}
/// The exit status of a command, decided here and nowhere else. An error says what went
/// wrong on `err` first.
pub fn exit_code(result: Result<Outcome, Error>, err: &mut dyn Write) -> u8 {
    match result {
        Ok(Outcome::Pass) => 0,
        Ok(Outcome::Fail) => 1,
        Err(e) => {
            let _ = e.report(err);
            2
        }
    }
}
