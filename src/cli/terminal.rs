//! Where the output goes, as far as the text report cares: a terminal or not, how wide,
//! and whether colour is wanted. [`Terminal::detect`] looks once, in `main`; tests build a
//! [`Terminal`] by hand.

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// What the process knows about where its output goes; [`super::main`] detects it, tests
/// build it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Terminal {
    /// Standard output is a terminal.
    pub is_terminal: bool,
    /// The terminal's width in columns, when it is one.
    pub columns: Option<usize>,
    /// The `COLUMNS` environment variable.
    pub columns_env: Option<String>,
    /// The `NO_COLOR` environment variable (<https://no-color.org>).
    pub no_color: Option<String>,
}

/// Width used when the output is not a terminal and `COLUMNS` is not set.
pub const DEFAULT_WIDTH: usize = 100;

impl Terminal {
    /// Look at standard output (which only `main` holds) and the environment.
    pub fn detect(stdout: &std::io::Stdout) -> Terminal {
        use std::io::IsTerminal;
        let is_terminal = stdout.is_terminal();
        Terminal {
            is_terminal,
            columns: terminal_size::terminal_size_of(stdout)
                .map(|(w, _)| usize::from(w.0))
                .filter(|_| is_terminal),
            columns_env: std::env::var("COLUMNS").ok(),
            no_color: std::env::var("NO_COLOR").ok(),
        }
    }

    /// Columns to fit: `--width` (0 = no limit), else `COLUMNS`, else the terminal's
    /// width, else [`DEFAULT_WIDTH`]. A file given with `-o` is not the terminal.
    pub fn width(&self, flag: Option<usize>, to_file: bool) -> Option<usize> {
        if let Some(w) = flag {
            return (w > 0).then_some(w);
        }
        let env = self
            .columns_env
            .as_deref()
            .and_then(|c| c.trim().parse::<usize>().ok())
            .filter(|&c| c > 0);
        let term = self.columns.filter(|_| self.is_terminal && !to_file);
        Some(env.or(term).unwrap_or(DEFAULT_WIDTH))
    }

    /// Colour or not: `always`, `never`, or (auto) only on a terminal without a non-empty
    /// `NO_COLOR`.
    pub fn color(&self, choice: ColorChoice, to_file: bool) -> bool {
        match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                self.is_terminal && !to_file && self.no_color.as_deref().is_none_or(str::is_empty)
            }
        }
    }
}
