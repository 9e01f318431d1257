//! What `check` and `extract` share: the flags that name the rules, the articles and the
//! report's shape; turning them into the pipeline's settings; and delivering the report.

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser, ValueParserFactory};
use jiff::civil::Date;

use super::config::Config;
use super::error::at;
use super::{ColorChoice, Error, Terminal, output};
use crate::corpus;
use crate::pipeline::{self, Articles};
use crate::report::text::TextOptions;
use crate::report::{self, Format, Report, WriteOptions};
use crate::rules;

#[derive(Debug, clap::Args)]
pub struct CommonArgs {
    /// Rule file or folder of rule files (repeatable; default: rules).
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// Article files, saved web pages (.html), feeds (.jsonl, .csv) or folders of them;
    /// `-` reads standard input. The same as --corpus (default: corpus).
    #[arg(value_name = "CORPUS")]
    pub corpus_paths: Vec<PathBuf>,
    /// Article file, saved web page (.html), feed (.jsonl, .csv) or folder of them
    /// (repeatable); `-` reads standard input. Added to the CORPUS paths.
    #[arg(long = "corpus", value_name = "PATH")]
    pub corpus: Vec<PathBuf>,
    /// Read the files named with --corpus, and standard input, as this format (default:
    /// by extension; standard input: text). Files in folders go by their extension.
    #[arg(long = "corpus-format", value_enum, value_name = "FORMAT")]
    pub corpus_format: Option<CorpusFormat>,
    /// A feed's field for a part of each article, as PART=NAME (repeatable; PART is text,
    /// title, published, source or url). The defaults read news-please's JSON Lines
    /// (maintext, title, date_publish, source_domain, url) and a CSV with the columns
    /// text, title, published, source, url.
    #[arg(long = "feed-field", value_name = "PART=NAME", value_parser = parse_feed_field)]
    pub feed_field: Vec<(String, String)>,
    /// The largest article read (a file, a page, a feed row), e.g. 256M, 1G or 500000
    /// (bytes); a larger one is skipped with the reason.
    #[arg(long = "max-article-size", value_name = "SIZE", default_value = "256M", value_parser = parse_size)]
    pub max_article_size: u64,
    /// Keep boilerplate lines (advertising markers, promos, credits, bylines, footers) in
    /// extraction instead of leaving them out (see docs/robustness.md).
    #[arg(long = "keep-boilerplate")]
    pub keep_boilerplate: bool,
    /// Leave out as recurring boilerplate the lines these line-key files (written by
    /// `extract --line-keys` over every part of a corpus) say recur, instead of surveying
    /// the articles read: each shard of a sharded run then leaves out what a run over the
    /// whole corpus would (repeatable; files or folders of part files).
    #[arg(long = "recurring", value_name = "FILE")]
    pub recurring: Vec<PathBuf>,
    /// Publication date of an article without front matter, as FILE=YYYY-MM-DD
    /// (repeatable); weekdays and year-less dates are resolved against it.
    #[arg(long = "published", value_name = "FILE=DATE")]
    pub published: Vec<String>,
    /// Output format (default: text).
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Write the report to this file instead of standard output (`-` is standard output).
    /// A file the run reads (an article, a rule file, the baseline) is refused.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Colour the text report: auto = only on a terminal, and not when NO_COLOR is set.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Fit the text report to N columns (0 = no limit). Default: $COLUMNS, else the
    /// terminal's width, else 100.
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
    /// Ignore crosscheck.toml (the project file found in the current folder or above).
    #[arg(long = "no-config")]
    pub no_config: bool,
    /// The project file's settings, filled in after parsing (see `config`).
    #[arg(skip)]
    pub config: Option<Config>,
    /// Threads that read articles (default: one per core, or RAYON_NUM_THREADS). The
    /// report is the same bytes whatever the number.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// With no rule file naming a fact, draft the discovered facts from at most N
    /// articles, evenly spaced in corpus order (0 = all); every article is then checked
    /// against them. Discovery's cost grows with the square of the articles it reads.
    #[arg(long = "discover-from", value_name = "N", default_value_t = crate::discover::DISCOVER_FROM)]
    pub discover_from: usize,
}

impl CommonArgs {
    /// The rule paths: those given with --rules, else crosscheck.toml's, else `rules`.
    pub fn rule_paths(&self) -> Vec<PathBuf> {
        let config = self.config.as_ref().map(|c| &c.rules);
        or_default(&[&self.rules], config, "rules")
    }

    /// The corpus paths: the CORPUS arguments, then those given with --corpus, else
    /// crosscheck.toml's, else `corpus`.
    pub fn corpus(&self) -> Vec<PathBuf> {
        let config = self.config.as_ref().map(|c| &c.corpus);
        or_default(&[&self.corpus_paths, &self.corpus], config, "corpus")
    }

    /// The format `command` writes: --format, else crosscheck.toml's when `command` writes
    /// it, else text.
    pub fn format(&self, command: report::Command) -> Result<Format, Error> {
        format_or_config(self.format, self.config.as_ref(), command)
    }

    /// The --published flags, else crosscheck.toml's `[published]`, as FILE=DATE.
    fn published_flags(&self) -> &[String] {
        match &self.config {
            Some(c) if self.published.is_empty() => &c.published,
            _ => &self.published,
        }
    }

    /// Refuse a format the subcommand does not write (or `--wide` without csv) before any
    /// work is done.
    pub(super) fn refuse(&self, command: report::Command, wide: bool) -> Result<(), Error> {
        match self.format(command)?.refusal(command, wide) {
            Some(message) => Err(Error::Usage(message)),
            None => Ok(()),
        }
    }

    /// `-o FILE`, unless it is `-` (standard output, as in most tools).
    pub(super) fn output_path(&self) -> Option<&Path> {
        self.output.as_deref().filter(|p| p.as_os_str() != "-")
    }

    /// Refuse, before any work is done, to write a file the run reads or to write one file
    /// twice: `-o` and `extra` (another output, e.g. `--write-baseline`) against each other,
    /// and against the rule files, the articles and `reads` (e.g. `--baseline`).
    pub(super) fn refuse_clobbering(
        &self,
        extra: Option<(&Path, &'static str)>,
        reads: Option<(&Path, &'static str)>,
    ) -> Result<(), Error> {
        let outputs: Vec<(&Path, &'static str)> = self
            .output_path()
            .map(|p| (p, "-o"))
            .into_iter()
            .chain(extra)
            .collect();
        // Only a file that exists can be one the run reads; the corpus is listed only then.
        let inputs = || {
            let mut inputs: Vec<(PathBuf, &'static str)> = rules::rule_files(&self.rule_paths())
                .unwrap_or_default()
                .into_iter()
                .map(|p| (p, "a rule file"))
                .collect();
            let corpus = self.corpus();
            if !corpus.iter().any(|p| p.as_os_str() == "-")
                && let Ok(listing) =
                    corpus::list(&corpus, self.corpus_format.map(CorpusFormat::format))
            {
                inputs.extend(listing.inputs.into_iter().map(|i| (i.path, "an article")));
            }
            inputs.extend(reads.map(|(p, what)| (p.to_path_buf(), what)));
            inputs
        };
        output::refuse_clobbering(&outputs, inputs)
    }

    /// Load the rules, run the pipeline with what the format needs, and say on `err` what
    /// went wrong with articles and values (the report lists the same problems).
    pub(super) fn report(
        &self,
        command: report::Command,
        wide: bool,
        err: &mut dyn Write,
    ) -> Result<Report, Error> {
        let detail = self.format(command)?.detail(command, wide);
        let (rules, options, published) = self.run_options(detail, err)?;
        let report = pipeline::check(&rules, options).map_err(|e| self.run_error(e, &published))?;
        warn_problems(&report, err);
        Ok(report)
    }

    /// `extract --format jsonl`: [`CommonArgs::report`] with the map records of the run.
    /// `name_sentences`: name mentions carry their sentence.
    pub(super) fn report_and_map(
        &self,
        name_sentences: bool,
        err: &mut dyn Write,
    ) -> Result<(Report, pipeline::MapOutput), Error> {
        let (rules, options, published) = self.run_options(crate::placed::Detail::Full, err)?;
        let (report, map) = pipeline::check_and_map(&rules, options, name_sentences)
            .map_err(|e| self.run_error(e, &published))?;
        warn_problems(&report, err);
        Ok((report, map))
    }

    /// The rules (or the facts discovered), and the run's options at `detail`, with the
    /// `--published` dates they were given (for [`CommonArgs::run_error`]).
    #[allow(clippy::type_complexity)]
    fn run_options(
        &self,
        detail: crate::placed::Detail,
        err: &mut dyn Write,
    ) -> Result<
        (
            crate::rules::RuleSet,
            pipeline::Options,
            Vec<(String, Date)>,
        ),
        Error,
    > {
        let published = self.published()?;
        let reading = self.reading()?;
        let (rules, in_memory) = self.rules_or_discovered(&published)?;
        let articles = match in_memory {
            Some(articles) => articles,
            None => self.articles(&reading)?,
        };
        let options = pipeline::Options {
            articles,
            published: published.clone(),
            threads: self.threads(err),
            detail,
            reading,
        };
        Ok((rules, options, published))
    }

    /// What went wrong with a run, as the CLI says it.
    pub(super) fn run_error(&self, e: pipeline::RunError, published: &[(String, Date)]) -> Error {
        match e {
            pipeline::RunError::Corpus(e) => Error::Corpus(e),
            pipeline::RunError::UnmatchedPublished { index } => Error::UnmatchedPublished {
                flag: self
                    .published_flags()
                    .get(index)
                    .cloned()
                    .unwrap_or_default(),
                file: published
                    .get(index)
                    .map(|p| p.0.clone())
                    .unwrap_or_default(),
            },
            pipeline::RunError::NothingRead { unread } => Error::NothingRead(unread),
            pipeline::RunError::Map(e) => Error::Map(e),
            pipeline::RunError::SetAside(source) => Error::SetAside { source },
        }
    }

    /// The rule files named, when they name facts. When they name none (the default
    /// `rules` folder absent or holding no rule file, or rule files without a `[[fact]]`),
    /// the facts discovered from the articles ([`crate::discover`]); their story, speakers
    /// and entities are kept. Standard input can be read once only: the articles discovery
    /// read from it are returned to be run.
    pub(super) fn rules_or_discovered(
        &self,
        published: &[(String, Date)],
    ) -> Result<(rules::RuleSet, Option<Articles>), Error> {
        let base = match self.named_rules()? {
            Some(set) if !set.facts.is_empty() => return Ok((set, None)),
            Some(set) => set,
            None => rules::RuleSet::default(),
        };
        let discovery = self.discovery(published, &base)?;
        let stdin = self.corpus().iter().any(|p| p.as_os_str() == "-");
        let articles = stdin.then_some(Articles::Read(discovery.1));
        Ok((discovery.0.rules, articles))
    }

    /// Discovery over the articles (read in memory, `--published` applied).
    pub(super) fn discovery(
        &self,
        published: &[(String, Date)],
        base: &rules::RuleSet,
    ) -> Result<(crate::discover::Discovery, Vec<corpus::Article>), Error> {
        let mut corpus = self.read_corpus()?;
        for (key, date) in published {
            corpus.set_published(key, *date);
        }
        let found = crate::discover::discover(&corpus.articles, base, self.discover_from)?;
        Ok((found, corpus.articles))
    }

    /// The rules `--rules` names; None when there are none: the default `rules` folder is
    /// absent or holds no rule file. A folder named on purpose must hold rule files.
    pub(super) fn named_rules(&self) -> Result<Option<rules::RuleSet>, Error> {
        let paths = self.rule_paths();
        // Neither --rules nor crosscheck.toml named any: the default `rules` folder.
        let default =
            self.rules.is_empty() && self.config.as_ref().is_none_or(|c| c.rules.is_empty());
        if let (true, Some(p)) = (default, paths.first()) {
            let any = p.is_file()
                || std::fs::read_dir(p).is_ok_and(|entries| {
                    entries
                        .filter_map(Result::ok)
                        .any(|e| e.path().extension().is_some_and(|x| x == "toml"))
                });
            if !any {
                return Ok(None);
            }
        }
        Ok(Some(rules::load(&paths)?))
    }

    /// `--threads`, at most the threads the machine runs at once: more only cost (10,000
    /// threads for five articles took 40 s). Said on `err` when lowered.
    pub(super) fn threads(&self, err: &mut dyn Write) -> Option<usize> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        self.threads.map(|n| {
            if n > cores {
                let _ = writeln!(
                    err,
                    "note: --threads {n}: this machine runs {cores} at once, so {cores} are used"
                );
            }
            n.min(cores)
        })
    }

    /// How articles are read: `--corpus-format`, `--feed-field`, `--max-article-size`,
    /// `--keep-boilerplate`, `--recurring` (its files read here).
    pub(super) fn reading(&self) -> Result<corpus::ReadOptions, Error> {
        let mut fields = corpus::FeedFields::default();
        for (part, name) in &self.feed_field {
            // The parser accepted only known parts.
            fields.prefer(part, name);
        }
        let recurring = match self.recurring.is_empty() || self.keep_boilerplate {
            true => None,
            false => Some(pipeline::recurring(&self.recurring)?),
        };
        Ok(corpus::ReadOptions {
            max_bytes: self.max_article_size,
            boilerplate: !self.keep_boilerplate,
            recurring,
            fields,
            format: self.corpus_format.map(CorpusFormat::format),
        })
    }

    /// The articles: the paths named, or standard input (`--corpus -`, read here, whole,
    /// up to the per-article cap for one article).
    #[allow(clippy::disallowed_methods)]
    pub(super) fn articles(&self, reading: &corpus::ReadOptions) -> Result<Articles, Error> {
        let paths = self.corpus();
        let stdin = paths.iter().any(|p| p.as_os_str() == "-");
        if !stdin {
            return Ok(Articles::Paths(paths));
        }
        if paths.len() > 1 {
            return Err(Error::Usage(
                "--corpus - reads standard input alone: name no other --corpus with it",
            ));
        }
        let format = reading.format.unwrap_or(corpus::Format::Text);
        let name = "stdin";
        let bytes = corpus::read_stream(name, std::io::stdin().lock(), reading, format)
            .map_err(|p| Error::NothingRead(vec![p]))?;
        Ok(Articles::Stream {
            name: name.into(),
            format,
            bytes,
        })
    }

    /// Every article, read as a run reads them (recurring boilerplate found across them),
    /// one after the other: for `extract --text`.
    pub(super) fn read_corpus(&self) -> Result<corpus::Corpus, Error> {
        let reading = self.reading()?;
        let (decoded, skipped) = match self.articles(&reading)? {
            Articles::Stream {
                name,
                format,
                bytes,
            } => {
                let input = corpus::Input::stdin(name, format);
                (corpus::decode_bytes(&input, bytes, &reading), Vec::new())
            }
            _ => {
                let listing = corpus::list(&self.corpus(), reading.format)?;
                let decoded = listing
                    .inputs
                    .iter()
                    .flat_map(|i| corpus::decode_input(i, &reading))
                    .collect();
                (decoded, listing.skipped)
            }
        };
        let keys: Vec<corpus::LineKeys> = decoded
            .iter()
            .flatten()
            .map(corpus::Decoded::line_keys)
            .collect();
        let recurring = reading
            .recurring
            .clone()
            .unwrap_or_else(|| corpus::Recurring::from_articles(&keys));
        let mut out = corpus::Corpus {
            problems: skipped,
            ..Default::default()
        };
        for d in decoded {
            match d.and_then(|d| d.into_article(reading.boilerplate.then_some(&recurring))) {
                Ok(a) => {
                    out.problems.extend(a.warnings.iter().cloned());
                    out.articles.push(a);
                }
                Err(p) => out.problems.push(p),
            }
        }
        Ok(out)
    }

    /// Write bytes to `-o FILE` (whole or not at all) or to `out`.
    pub(super) fn write_raw(&self, bytes: &[u8], out: &mut dyn Write) -> Result<(), Error> {
        match self.output_path() {
            Some(path) => {
                output::stream_atomically(path, |w| w.write_all(bytes)).map_err(|source| {
                    Error::Write {
                        target: path.display().to_string(),
                        source,
                    }
                })
            }
            None => out
                .write_all(bytes)
                .and_then(|_| out.flush())
                .map_err(|source| Error::Write {
                    target: "standard output".to_string(),
                    source,
                }),
        }
    }

    /// `--published FILE=DATE`, each one read.
    pub(super) fn published(&self) -> Result<Vec<(String, Date)>, Error> {
        self.published_flags()
            .iter()
            .map(|p| {
                p.split_once('=')
                    .and_then(|(file, date)| {
                        Some((file.trim().to_string(), date.trim().parse::<Date>().ok()?))
                    })
                    .ok_or_else(|| Error::Published(p.clone()))
            })
            .collect()
    }

    /// Write the report in its format, as `command` does, to `-o FILE` (whole or not at
    /// all) or to `out`. The text report is fitted to `terminal` unless it goes to a file.
    pub(super) fn deliver(
        &self,
        command: report::Command,
        report: &Report,
        options: WriteOptions,
        terminal: &Terminal,
        out: &mut dyn Write,
    ) -> Result<(), Error> {
        let to_file = self.output_path().is_some();
        let format = self.format(command)?;
        let options = WriteOptions {
            text: TextOptions {
                width: terminal.width(self.width, to_file),
                color: terminal.color(self.color, to_file),
                ..options.text
            },
            ..options
        };
        let write = |w: &mut dyn Write| format.write(command, report, &options, w);
        output::deliver(self.output_path(), write, out)
    }

    /// `extract --format jsonl --records-only`: the map records alone, written as the
    /// articles are read ([`pipeline::map_into`]), to `-o FILE` (whole or not at all) or
    /// straight to `out`: the map step of a Spark job pipes a partition's records through
    /// standard output, and put together in memory first they weighed more than the run.
    /// Every error but a failed write comes before the first line.
    pub(super) fn deliver_records(
        &self,
        name_sentences: bool,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Result<(), Error> {
        let (rules, options, published) = self.run_options(crate::placed::Detail::Full, err)?;
        // A run that fails is reported as itself, not as a failed write.
        let mut failed = None;
        let write = |w: &mut dyn Write| match pipeline::map_into(&rules, options, name_sentences, w)
        {
            Ok(()) => Ok(()),
            Err(pipeline::RunError::Map(pipeline::MapError::Io { source, .. })) => Err(source),
            Err(e) => {
                failed = Some(e);
                Err(std::io::Error::other("the run failed"))
            }
        };
        let delivered = match self.output_path() {
            Some(path) => output::deliver(Some(path), write, out),
            None => {
                let mut buffered = std::io::BufWriter::new(out);
                write(&mut buffered)
                    .and_then(|()| buffered.flush())
                    .map_err(|source| Error::Write {
                        target: "standard output".to_string(),
                        source,
                    })
            }
        };
        if let Some(e) = failed {
            return Err(self.run_error(e, &published));
        }
        delivered
    }

    /// `extract --format jsonl`: the header, the rows the report always gave, then the
    /// map records, to `-o FILE` (whole or not at all) or to `out`.
    pub(super) fn deliver_map(
        &self,
        report: &Report,
        map: &pipeline::MapOutput,
        out: &mut dyn Write,
    ) -> Result<(), Error> {
        let write = |w: &mut dyn Write| {
            map.write_header(w)?;
            report::json::write_lines(report, w)?;
            map.write_records(w)
        };
        output::deliver(self.output_path(), write, out)
    }
}

/// The format `command` writes: `flag` (--format), else the project file's, else text. The
/// project file's is a story's default for every subcommand: one that does not write it
/// (`format = "markdown"` and `extract`) keeps its own default, text, rather than failing.
pub(super) fn format_or_config(
    flag: Option<Format>,
    config: Option<&Config>,
    command: report::Command,
) -> Result<Format, Error> {
    if let Some(f) = flag {
        return Ok(f);
    }
    match config.and_then(|c| c.format.as_ref().map(|f| (c, f))) {
        None => Ok(Format::Text),
        Some((c, name)) => Format::ALL
            .into_iter()
            .find(|f| f.name() == name)
            .map(|f| if f.serves(command) { f } else { Format::Text })
            .ok_or_else(|| Error::Config {
                path: c.path.display().to_string(),
                message: format!("format {name:?} is not a format"),
            }),
    }
}

/// Say on `err` what went wrong with articles and values (the report lists the same
/// problems).
pub(super) fn warn_problems(report: &Report, err: &mut dyn Write) {
    for p in &report.problems {
        let _ = writeln!(
            err,
            "warning: {}: {}",
            at(&p.file, p.line, p.column),
            p.message
        );
    }
}

/// `--format`: every format parses, so that one a subcommand does not write is refused
/// with a message that says what to use instead ([`Format::refusal`]); help and the list
/// of possible values show only the formats the subcommand writes.
#[derive(Debug, Clone, Copy)]
pub struct FormatParser {
    /// The subcommand whose formats are shown; None for all.
    command: Option<report::Command>,
}

impl FormatParser {
    pub fn serving(command: report::Command) -> Self {
        FormatParser {
            command: Some(command),
        }
    }

    fn values(self) -> impl Iterator<Item = PossibleValue> {
        Format::ALL.into_iter().map(move |f| {
            let shown = self.command.is_none_or(|c| f.serves(c));
            PossibleValue::new(f.name()).help(f.help()).hide(!shown)
        })
    }
}

impl TypedValueParser for FormatParser {
    type Value = Format;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<Format, clap::Error> {
        let name = PossibleValuesParser::new(self.values()).parse_ref(cmd, arg, value)?;
        Format::ALL
            .into_iter()
            .find(|f| f.name() == name)
            .ok_or_else(|| clap::Error::new(clap::error::ErrorKind::InvalidValue).with_cmd(cmd))
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.values()))
    }
}

impl ValueParserFactory for Format {
    type Parser = FormatParser;

    fn value_parser() -> FormatParser {
        FormatParser { command: None }
    }
}

/// `--corpus-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CorpusFormat {
    /// Plain text, optionally with front matter.
    Text,
    /// A saved web page: the article's text and metadata extracted.
    Html,
    /// JSON Lines: one article per line.
    Jsonl,
    /// CSV with a header row: one article per row.
    Csv,
}

impl CorpusFormat {
    fn format(self) -> corpus::Format {
        match self {
            CorpusFormat::Text => corpus::Format::Text,
            CorpusFormat::Html => corpus::Format::Html,
            CorpusFormat::Jsonl => corpus::Format::Jsonl,
            CorpusFormat::Csv => corpus::Format::Csv,
        }
    }
}

/// `--feed-field PART=NAME`.
fn parse_feed_field(s: &str) -> Result<(String, String), String> {
    let (part, name) = s
        .split_once('=')
        .map(|(p, n)| (p.trim().to_lowercase(), n.trim().to_string()))
        .filter(|(_, n)| !n.is_empty())
        .ok_or_else(|| format!("write PART=NAME, e.g. text=body (got {s:?})"))?;
    if !corpus::FeedFields::default().prefer(&part, &name) {
        return Err(format!(
            "unknown part {part:?}: write text, title, published, source or url"
        ));
    }
    Ok((part, name))
}

/// `--max-article-size`: bytes, or a number with K, M or G (powers of 1024).
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => t.split_at(i),
        None => (t, ""),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("write a size such as 256M, 1G or 500000 (got {s:?})"))?;
    let shift = match unit
        .trim()
        .to_ascii_uppercase()
        .trim_end_matches(['B', 'I'])
    {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => return Err(format!("unknown unit {unit:?}: write K, M or G")),
    };
    n.checked_mul(1 << shift)
        .filter(|&b| b > 0)
        .ok_or_else(|| format!("{s:?} is not a size crosscheck can use"))
}

/// The rule files of `test` and `lint`, which read no corpus: positional paths, `--rules`
/// as with `check` and `extract`, and the project file's.
#[derive(Debug, clap::Args)]
pub struct RuleFiles {
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
}

impl RuleFiles {
    /// The RULES paths, then those given with --rules; else crosscheck.toml's; else `rules`.
    pub fn rule_paths(&self) -> Vec<PathBuf> {
        let config = self.config.as_ref().map(|c| &c.rules);
        super::common::or_default(&[&self.rules, &self.rules_flag], config, "rules")
    }
}

/// The paths given in each of `given`, in order; else the project file's (`config`), else
/// `default` alone.
pub fn or_default(
    given: &[&Vec<PathBuf>],
    config: Option<&Vec<PathBuf>>,
    default: &str,
) -> Vec<PathBuf> {
    let all: Vec<PathBuf> = given.iter().flat_map(|g| g.iter().cloned()).collect();
    match config {
        _ if !all.is_empty() => all,
        Some(c) if !c.is_empty() => c.clone(),
        _ => vec![PathBuf::from(default)],
    }
}
