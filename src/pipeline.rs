//! `check(options) → Report`: the one way from rule set and articles to a report.
//!
//! Above the report in the flow, below the CLI: it orchestrates and holds no stage of its
//! own. [`check`] reads every article, extracts and places what it finds ([`crate::placed`]),
//! compares across sources ([`crate::compare`]) and builds the [`Report`], keeping at each
//! step only what the report's format needs ([`Detail`], which the format decides:
//! [`crate::report::Format::detail`]).
//!
//! Articles are streamed: each file is read, parsed into an [`Article`], extracted
//! ([`Extractor::article_and_names`]), and summarised: its metadata ([`ArticleSummary`])
//! and, for every observation, problem, quotation and name mention it yielded, the line and
//! column (and evidence sentence) the report shows ([`Places`]). The text is dropped there,
//! so memory holds observations, never the corpus's text. Files are processed in parallel;
//! results are collected in path order, so the bytes are the same whatever the number of
//! threads.
//!
//! The one thing the report may still want from the text is the sentence around each use
//! of a name that is spelled several ways; uses are many (about ninety per article on the
//! benchmark corpus) and their sentences add up to several times the corpus, so they are
//! read back from the files after comparison, for the formats that print them
//! (`name_sentences`). For the lean CSV report ([`Detail::FirstOnly`]) they are then set
//! aside in a temporary file as they are read ([`crate::placed::SetAside`]), and the
//! writer reads each back as it writes its row: a run's sentences are never all in memory.
//! The evidence sentences that report prints are set aside the same way, earlier: as each
//! article joins the run (`Assembly`), since they are known from the moment it is read.
//!
//! A run is two halves: `gather` reads and extracts each article on its own (what shards),
//! `finish` does everything corpus-wide (assemble with the speaker index, compare, report).
//! [`check`] runs both; [`check_and_map`] and [`map`] also write what `gather` found as
//! map records (`extract --format jsonl`, the `map` module), and [`compare()`] rebuilds the
//! gathered run from the records of any number of parts and runs the same `finish`: the
//! same report as [`check`] on the whole corpus.
//!
//! `check` on files does the two halves' first step together (`read_assembled`): it reads
//! a slice of the inputs, joins their outcomes to the run in article order, and reads the
//! next, so a large corpus never holds every article's outcome beside the run built from
//! them (docs/performance.md, "Slices"). Only the run's last steps (speakers in canonical
//! form, compare, report) wait for the whole corpus.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::compare;
use crate::corpus::{
    self, Article, ArticleProblem, CorpusError, Decoded, Input, ReadOptions, Recurring,
};
use crate::extract::{self, Extraction, Extractor};
use crate::placed::{
    ArticleSummary, Detail, NameSentences, Places, Run, Sentence, SentenceWriter, WantedUses,
};
use crate::read::name::Uses;
use crate::report::Report;
use crate::rules::RuleSet;
use crate::span::Span;
use crate::text::collapse;

mod map;
#[cfg(test)]
mod tests;

pub use map::{Boilerplate, Header, MapError, MapOutput, Records, SCHEMA, part_files, recurring};

/// Where the articles of a run come from.
#[derive(Debug, Clone)]
pub enum Articles {
    /// Files and folders (expanded by [`corpus::article_paths`]), read in parallel one
    /// article at a time, in path order: the command line's way.
    Paths(Vec<PathBuf>),
    /// Articles already in memory (tests, and callers that read articles themselves), in
    /// the order given.
    Read(Vec<Article>),
    /// The bytes of one input read from a stream (standard input): one article, or a feed.
    Stream {
        name: String,
        format: corpus::Format,
        bytes: Vec<u8>,
    },
}

/// What [`check`] runs on and how much it keeps.
#[derive(Debug, Clone)]
pub struct Options {
    pub articles: Articles,
    /// Publication dates by file name or path, for articles without front matter; they
    /// apply before extraction, as dates are read against them.
    pub published: Vec<(String, Date)>,
    /// Threads that read articles (None: rayon's default).
    pub threads: Option<usize>,
    /// What the report must carry: below [`Detail::Full`], no word diffs; at
    /// [`Detail::NoDiffs`], no evidence sentences and no sentences of name uses either; at
    /// [`Detail::FirstOnly`] (sentences kept), only what a
    /// table of findings prints (the first use of each name text in an article, each
    /// quotation's first comparison).
    pub detail: Detail,
    /// How articles are read from paths or a stream: size cap, boilerplate, feeds.
    pub reading: ReadOptions,
}

impl Options {
    /// Everything, from `articles`, on the default threads.
    pub fn new(articles: Articles) -> Self {
        Options {
            articles,
            published: Vec::new(),
            threads: None,
            detail: Detail::Full,
            reading: ReadOptions::default(),
        }
    }
}

/// Why a run produced no report.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// A path given is not there, a folder cannot be listed, or no article was found.
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    /// The publication date `published[index]` of [`Options`] names no article read.
    #[error("published date {index} matches no article")]
    UnmatchedPublished { index: usize },
    /// Articles were found but none could be read; each one's reason.
    #[error("none of the articles could be read")]
    NothingRead { unread: Vec<ArticleProblem> },
    /// Map records (`compare`'s input) could not be read or written.
    #[error(transparent)]
    Map(#[from] MapError),
    /// The lean CSV run's evidence sentences could not be written to their temporary file
    /// (those written before are then unreadable: the run stops rather than print rows
    /// without them).
    #[error("cannot set sentences aside in a temporary file: {0}")]
    SetAside(#[source] std::io::Error),
}

/// Read, extract, place, compare and report: the whole run. Memory is handed on from stage
/// to stage (the run moves into the report; what no format prints is never kept).
pub fn check(rules: &RuleSet, options: Options) -> Result<Report, RunError> {
    let (published, detail, reading) = (
        options.published.clone(),
        options.detail,
        options.reading.clone(),
    );
    if let Articles::Paths(paths) = &options.articles {
        // A folder is read and assembled a slice at a time (the largest runs are these).
        let each = Each {
            published: &published,
            detail,
            carry_sentences: false,
        };
        let assembled = read_assembled(
            rules,
            paths,
            options.threads,
            &reading,
            each,
            ASSEMBLE_INPUTS,
        )?;
        return conclude(rules, assembled, detail, &reading);
    }
    let gathered = gather(rules, options, false)?;
    finish(rules, gathered, &published, detail, &reading)
}

/// [`check`], and the map records of the run (`extract --format jsonl`): everything read
/// of each article, before anything corpus-wide, so that [`compare()`] over the records of
/// the parts of a corpus gives the report [`check`] gives on the whole. The map keeps
/// everything whatever `options.detail` says; `name_sentences`: name mentions carry their
/// sentence.
pub fn check_and_map(
    rules: &RuleSet,
    options: Options,
    name_sentences: bool,
) -> Result<(Report, MapOutput), RunError> {
    let (published, reading) = (options.published.clone(), options.reading.clone());
    let options = Options {
        detail: Detail::Full,
        ..options
    };
    let gathered = gather(rules, options, name_sentences)?;
    let map = map::records(rules, &reading, &gathered, name_sentences).map_err(|source| {
        MapError::Io {
            file: "the map output".into(),
            source,
        }
    })?;
    let report = finish(rules, gathered, &published, Detail::Full, &reading)?;
    Ok((report, map))
}

/// Only the map records of a run (`extract --format jsonl --records-only`): each article
/// read and extracted, nothing compared, so a part of a corpus costs only its reading. A
/// part with no article read is not an error here (its `unread` records say why).
pub fn map(rules: &RuleSet, options: Options, name_sentences: bool) -> Result<MapOutput, RunError> {
    let reading = options.reading.clone();
    let options = Options {
        detail: Detail::Full,
        ..options
    };
    let gathered = gather(rules, options, name_sentences)?;
    map::records(rules, &reading, &gathered, name_sentences).map_err(|source| {
        RunError::Map(MapError::Io {
            file: "the map output".into(),
            source,
        })
    })
}

/// [`map`], written to `out` as it is made: header, then records. A folder is read a slice
/// of [`ASSEMBLE_INPUTS`] at a time, as `check` reads it, and each slice's records are
/// written before the next is read, so a corpus's records are never all in memory (at
/// 100k articles in one process they weighed 6.4 GB); the bytes are [`map`]'s.
pub fn map_into(
    rules: &RuleSet,
    options: Options,
    name_sentences: bool,
    out: &mut dyn std::io::Write,
) -> Result<(), RunError> {
    map_sliced(rules, options, name_sentences, out, ASSEMBLE_INPUTS)
}

/// [`map_into`], `slice` inputs at a time.
fn map_sliced(
    rules: &RuleSet,
    options: Options,
    name_sentences: bool,
    out: &mut dyn std::io::Write,
    slice: usize,
) -> Result<(), RunError> {
    let io = |source| {
        RunError::Map(MapError::Io {
            file: "the map output".into(),
            source,
        })
    };
    let Articles::Paths(paths) = &options.articles else {
        let m = map(rules, options, name_sentences)?;
        m.write_header(out).map_err(io)?;
        return m.write_records(out).map_err(io);
    };
    let Options {
        published,
        threads,
        reading,
        ..
    } = &options;
    let each = Each {
        published,
        detail: Detail::Full,
        carry_sentences: name_sentences,
    };
    let (listing, recurring) = listed(paths, *threads, reading)?;
    map::write_header(out, rules, reading, name_sentences).map_err(io)?;
    map::write_records(out, &listing.skipped, &[], &|_| "").map_err(io)?;
    let extractor = Extractor::new(rules);
    let threads = extract::thread_pool(*threads);
    for slice in listing.inputs.chunks(slice.max(1)) {
        // Each slice's names are resolved as its records are written: a pool of its own.
        let pool = Pool::default();
        let read = || read_slice(slice, &extractor, &pool, reading, &recurring, each);
        let outcomes = match &threads {
            Some(threads) => threads.install(read),
            None => read(),
        };
        // No article is being read: the pool's texts are all there, and stay put.
        let inner = pool.inner.read().unwrap_or_else(|e| e.into_inner());
        let text = |id: u32| inner.texts.get(id as usize).map_or("", |t| &**t);
        let mut buf = Vec::new();
        map::write_records(&mut buf, &[], &outcomes, &text).map_err(io)?;
        out.write_all(&buf).map_err(io)?;
    }
    Ok(())
}

/// The reduce: the report [`check`] gives on the articles whose map records are in
/// `records` (the output of `extract --format jsonl` over parts of a corpus, in any order),
/// keeping what the records were read for ([`Records::new`]). Articles are put in `check`'s order and numbered again;
/// nothing is read but the records, except the sentences of name uses when the records do
/// not carry them (read again from the articles' files, where they still are).
pub fn compare(rules: &RuleSet, records: Records) -> Result<Report, RunError> {
    let detail = records.detail();
    let assembled = map::assemble(rules, records, ASSEMBLE_INPUTS)?;
    conclude(rules, assembled, detail, &ReadOptions::default())
}

/// `extract --line-keys`: one line per article of `articles` with the keys of its lines,
/// which `--recurring` reads back to leave out the lines that recur across a whole corpus
/// read in parts. Articles already in memory have none to give.
pub fn line_keys(
    articles: &Articles,
    threads: Option<usize>,
    reading: &ReadOptions,
) -> Result<Vec<u8>, RunError> {
    let write = |out: &mut Vec<u8>, d: &Decoded| {
        map::write_line_keys(out, &d.name, &d.line_keys()).map_err(|source| MapError::Io {
            file: "the line keys".into(),
            source,
        })
    };
    let mut out = Vec::new();
    match articles {
        Articles::Paths(paths) => {
            let listing = corpus::list(paths, reading.format)?;
            let parts: Vec<Result<Vec<u8>, MapError>> = extract::with_threads(threads, || {
                listing
                    .inputs
                    .par_iter()
                    .map(|input| {
                        let mut part = Vec::new();
                        for d in corpus::decode_input(input, reading).iter().flatten() {
                            write(&mut part, d)?;
                        }
                        Ok(part)
                    })
                    .collect()
            });
            for p in parts {
                out.extend(p?);
            }
        }
        Articles::Stream {
            name,
            format,
            bytes,
        } => {
            let input = Input::stdin(name.clone(), *format);
            for d in corpus::decode_bytes(&input, bytes.clone(), reading)
                .iter()
                .flatten()
            {
                write(&mut out, d)?;
            }
        }
        Articles::Read(_) => {}
    }
    Ok(out)
}

/// What reading a corpus gives before any corpus-wide step: each input's outcome, in the
/// order the run numbers articles.
struct Gathered {
    outcomes: Vec<One>,
    /// The texts the outcomes' names refer to ([`Pool`]).
    texts: Vec<std::sync::Arc<str>>,
    /// Problems of inputs found before any article was read (skipped in the listing, or
    /// rows of a stream that could not be read): reported first.
    unread: Vec<ArticleProblem>,
    /// The lines left out as recurring boilerplate (for reading name sentences again).
    recurring: Recurring,
    /// The articles themselves, when the run was given them in memory or read a stream.
    kept: Option<Vec<Article>>,
}

/// Read and extract every article, each on its own: everything of a run that shards.
/// `carry_sentences`: keep the sentence of every name mention (for the map output).
fn gather(rules: &RuleSet, options: Options, carry_sentences: bool) -> Result<Gathered, RunError> {
    let Options {
        articles,
        published,
        threads,
        detail,
        reading,
    } = options;
    let each = Each {
        published: &published,
        detail,
        carry_sentences,
    };
    // Read, extract and summarise article by article: the texts are never all in memory
    // (unless they were given in memory).
    Ok(match articles {
        Articles::Paths(paths) => read(rules, &paths, threads, &reading, each)?,
        Articles::Read(mut articles) => {
            let (outcomes, texts) = read_in_memory(rules, &mut articles, threads, each);
            Gathered {
                outcomes,
                texts,
                unread: Vec::new(),
                recurring: Recurring::default(),
                kept: Some(articles),
            }
        }
        Articles::Stream {
            name,
            format,
            bytes,
        } => {
            let input = Input::stdin(name, format);
            let decoded = corpus::decode_bytes(&input, bytes, &reading);
            let r = survey(decoded.iter().flatten(), &reading);
            let mut articles = Vec::new();
            let mut unread = Vec::new();
            for d in decoded {
                match d.and_then(|d| d.into_article(reading.boilerplate.then_some(&r))) {
                    Ok(a) => articles.push(a),
                    Err(p) => unread.push(p),
                }
            }
            let (outcomes, texts) = read_in_memory(rules, &mut articles, threads, each);
            Gathered {
                outcomes,
                texts,
                unread,
                recurring: r,
                kept: Some(articles),
            }
        }
    })
}

/// Assemble what was gathered, compare across sources and build the report: everything
/// of a run that needs the whole corpus, the same for `check` and for `compare`.
fn finish(
    rules: &RuleSet,
    gathered: Gathered,
    published: &[(String, Date)],
    detail: Detail,
    reading: &ReadOptions,
) -> Result<Report, RunError> {
    let Gathered {
        outcomes,
        texts,
        unread,
        recurring,
        kept,
    } = gathered;
    let (mut run, unmatched, carried) = assemble(rules, outcomes, texts, published, detail)?;
    run.unread.splice(0..0, unread);
    let assembled = Assembled {
        run,
        unmatched,
        carried,
        recurring,
        kept,
    };
    conclude(rules, assembled, detail, reading)
}

/// A run put together, before anything is compared.
struct Assembled {
    run: Run,
    /// Indices of the `published` dates that matched no article read.
    unmatched: Vec<usize>,
    carried: Carried,
    /// The lines left out as recurring boilerplate (for reading name sentences again).
    recurring: Recurring,
    /// The articles themselves, when the run was given them in memory or read a stream.
    kept: Option<Vec<Article>>,
}

/// Compare across sources and build the report of an assembled run.
fn conclude(
    rules: &RuleSet,
    assembled: Assembled,
    detail: Detail,
    reading: &ReadOptions,
) -> Result<Report, RunError> {
    let Assembled {
        mut run,
        unmatched,
        carried,
        recurring,
        kept,
    } = assembled;
    if let Some(&index) = unmatched.first() {
        return Err(RunError::UnmatchedPublished { index });
    }
    if run.articles.is_empty() {
        return Err(RunError::NothingRead { unread: run.unread });
    }
    let names: Vec<String> = run.articles.iter().map(|a| a.file_name.clone()).collect();
    let findings = compare::compare_all(rules, &run.extraction, &run.names, &names, detail);
    // Names are clustered: the mentions are no longer needed (the report places uses by
    // their start).
    run.names = Default::default();
    // The report reads the names' sentences once it has made its rows (the evidence,
    // quotations and name uses): each row takes its sentence as its article is read, so
    // no list of the sentences is held beside the rows.
    let sentences = detail.keeps_sentences().then_some(
        |articles: &[ArticleSummary], wanted: &WantedUses, put: &mut dyn FnMut(usize, Sentence)| {
            let known = Known {
                kept: kept.as_deref(),
                carried: &carried,
                reading,
                recurring: &recurring,
            };
            // Only the lean CSV report (`Detail::FirstOnly`) reads sentences set aside.
            name_sentences(articles, wanted, known, detail == Detail::FirstOnly, put)
        },
    );
    // The run moves into the report (its strings are not copied; the rest is freed).
    Ok(Report::build(rules, run, findings, detail, sentences))
}

/// How each article is handled: the `published` dates to set, what to keep.
#[derive(Clone, Copy)]
struct Each<'a> {
    published: &'a [(String, Date)],
    detail: Detail,
    carry_sentences: bool,
}

/// One file's outcome.
enum One {
    Read(Box<Read>),
    Unread(ArticleProblem),
}

/// What is kept of an article read.
struct Read {
    summary: ArticleSummary,
    extraction: Extraction,
    /// The article's name mentions, texts in the run's [`Pool`].
    names: Vec<PooledMention>,
    places: Places,
    /// The full names the article writes, in the run's [`Pool`].
    full_names: Vec<u32>,
    matched: Vec<usize>,
    /// The sentences of the mentions in `names` (white space collapsed), when carried: the
    /// map output's, so that `compare` needs no article file. By mention start, one per
    /// start (the first mention's); `compare` carries only those the report can show.
    sentences: Option<NameSentences>,
}

impl Read {
    /// Set the sentences the lean CSV report prints (of observations and, carried by
    /// `compare`, of name uses) aside in `file`, as the article joins the run.
    fn set_sentences_aside(&mut self, file: &mut SentenceWriter) -> std::io::Result<()> {
        self.places.set_sentences_aside(file)?;
        match &mut self.sentences {
            Some(sentences) => sentences.set_aside(file),
            None => Ok(()),
        }
    }
}

/// A name mention whose text is in the run's [`Pool`] (or, merged, a text's uses in the
/// article: `compare` at [`Detail::FirstOnly`], [`crate::read::name::merge_uses`]): 16 bytes.
#[derive(Debug, Clone, Copy)]
struct PooledMention {
    text: u32,
    uses: Uses,
}

/// The distinct texts (names, full names) of every article of a run, each held once:
/// articles read in parallel write the same few hundred names a hundred thousand times,
/// and each article's own copies (and its own index of them) weighed more than its
/// mentions while the other articles were read. Ids depend on which thread came first;
/// they are resolved to texts, in article order, when the run is assembled, so nothing
/// downstream sees them.
#[derive(Default)]
struct Pool {
    inner: std::sync::RwLock<PoolInner>,
}

#[derive(Default)]
struct PoolInner {
    ids: HashMap<std::sync::Arc<str>, u32>,
    texts: Vec<std::sync::Arc<str>>,
}

impl Pool {
    fn id(&self, text: &str) -> u32 {
        // A poisoned lock only means another thread panicked; the map is still whole.
        if let Some(&id) = self
            .inner
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .ids
            .get(text)
        {
            return id;
        }
        let mut inner = self.inner.write().unwrap_or_else(|e| e.into_inner());
        if let Some(&id) = inner.ids.get(text) {
            return id;
        }
        let id = u32::try_from(inner.texts.len()).unwrap_or(u32::MAX);
        let shared: std::sync::Arc<str> = std::sync::Arc::from(text);
        inner.texts.push(shared.clone());
        inner.ids.insert(shared, id);
        id
    }

    fn into_texts(self) -> Vec<std::sync::Arc<str>> {
        self.inner
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .texts
    }
}

/// The lines that recur across unrelated articles among `decoded` (none when boilerplate
/// is not left out).
fn survey<'a>(decoded: impl Iterator<Item = &'a Decoded>, reading: &ReadOptions) -> Recurring {
    if !reading.boilerplate {
        return Recurring::default();
    }
    if let Some(given) = &reading.recurring {
        return given.clone();
    }
    let keys: Vec<corpus::LineKeys> = decoded.map(Decoded::line_keys).collect();
    Recurring::from_articles(&keys)
}

/// Read, extract and place every article under `paths` on `threads` threads, after a
/// first pass over the texts that finds the lines recurring across unrelated articles
/// (unless given, or boilerplate is kept); the texts are read again one by one: the corpus
/// is never all in memory.
fn read(
    rules: &RuleSet,
    paths: &[PathBuf],
    threads: Option<usize>,
    reading: &ReadOptions,
    each: Each,
) -> Result<Gathered, CorpusError> {
    let (listing, recurring) = listed(paths, threads, reading)?;
    let extractor = Extractor::new(rules);
    let pool = Pool::default();
    let outcomes: Vec<One> = extract::with_threads(threads, || {
        read_slice(
            &listing.inputs,
            &extractor,
            &pool,
            reading,
            &recurring,
            each,
        )
    });
    Ok(Gathered {
        outcomes,
        texts: pool.into_texts(),
        unread: listing.skipped,
        recurring,
        kept: None,
    })
}

/// [`read`] and [`assemble`] together, `slice` inputs at a time ([`ASSEMBLE_INPUTS`] in a
/// run): only one slice's outcomes are ever held beside the run (what `check` on a folder
/// does). The same run as [`read`] then [`assemble`], whatever the slice.
fn read_assembled(
    rules: &RuleSet,
    paths: &[PathBuf],
    threads: Option<usize>,
    reading: &ReadOptions,
    each: Each,
    slice: usize,
) -> Result<Assembled, RunError> {
    let (listing, recurring) = listed(paths, threads, reading)?;
    let extractor = Extractor::new(rules);
    let pool = Pool::default();
    let mut assembly = Assembly::new(rules, each.published.len(), each.detail);
    extract::with_threads(threads, || {
        for slice in listing.inputs.chunks(slice.max(1)) {
            let outcomes = read_slice(slice, &extractor, &pool, reading, &recurring, each);
            // No article is being read: the pool's texts are all there, and stay put.
            let inner = pool.inner.read().unwrap_or_else(|e| e.into_inner());
            let text = |id: u32| inner.texts.get(id as usize).map_or("", |t| &**t);
            for outcome in outcomes {
                assembly.push(outcome, &text);
            }
        }
    });
    let (mut run, unmatched, carried) = assembly.finish()?;
    run.unread.splice(0..0, listing.skipped);
    Ok(Assembled {
        run,
        unmatched,
        carried,
        recurring,
        kept: None,
    })
}

/// How many inputs [`read_assembled`] reads before it joins their outcomes to the run:
/// enough to keep every thread busy, few enough that their outcomes weigh little.
const ASSEMBLE_INPUTS: usize = 1024;

/// The inputs under `paths`, and the lines recurring across unrelated articles among them
/// (a first pass over the texts; none when given, or when boilerplate is kept).
fn listed(
    paths: &[PathBuf],
    threads: Option<usize>,
    reading: &ReadOptions,
) -> Result<(corpus::Listing, Recurring), CorpusError> {
    let listing = corpus::list(paths, reading.format)?;
    let recurring = match &reading.recurring {
        _ if !reading.boilerplate => Recurring::default(),
        Some(given) => given.clone(),
        None => {
            let keys: Vec<corpus::LineKeys> = extract::with_threads(threads, || {
                listing
                    .inputs
                    .par_iter()
                    .flat_map_iter(|input| {
                        corpus::decode_input(input, reading)
                            .into_iter()
                            .flatten()
                            .map(|d| d.line_keys())
                    })
                    .collect()
            });
            Recurring::from_articles(&keys)
        }
    };
    Ok((listing, recurring))
}

/// Read, extract and place the articles of `inputs` in parallel, in order.
fn read_slice(
    inputs: &[Input],
    extractor: &Extractor,
    pool: &Pool,
    reading: &ReadOptions,
    recurring: &Recurring,
    each: Each,
) -> Vec<One> {
    let boilerplate = reading.boilerplate.then_some(recurring);
    inputs
        .par_iter()
        .flat_map_iter(|input| {
            corpus::decode_input(input, reading)
                .into_iter()
                .map(|d| match d.and_then(|d| d.into_article(boilerplate)) {
                    Ok(mut a) => One::Read(Box::new(process(extractor, pool, &mut a, each))),
                    Err(p) => One::Unread(p),
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// [`read`] on articles already in memory, in the order given. They are set their
/// `published` date and kept (the caller may read name sentences from them).
fn read_in_memory(
    rules: &RuleSet,
    articles: &mut [Article],
    threads: Option<usize>,
    each: Each,
) -> (Vec<One>, Vec<std::sync::Arc<str>>) {
    let extractor = Extractor::new(rules);
    let pool = Pool::default();
    let outcomes: Vec<One> = extract::with_threads(threads, || {
        articles
            .par_iter_mut()
            .map(|a| One::Read(Box::new(process(&extractor, &pool, a, each))))
            .collect()
    });
    (outcomes, pool.into_texts())
}

/// Sentences carried with each article's name mentions (by article index), found by the
/// mention's start; None for an article whose sentences were not carried.
type Carried = Vec<Option<NameSentences>>;

/// Put per-article outcomes together, in order: article indices, places, names, and the
/// corpus-wide extraction step. Also returns the indices of the `published` dates that
/// matched no article read, and the sentences carried with name mentions.
fn assemble(
    rules: &RuleSet,
    outcomes: Vec<One>,
    texts: Vec<std::sync::Arc<str>>,
    published: &[(String, Date)],
    detail: Detail,
) -> Result<(Run, Vec<usize>, Carried), RunError> {
    let text = |id: u32| texts.get(id as usize).map_or("", |t| &**t);
    let mut assembly = Assembly::new(rules, published.len(), detail);
    let mut sizes = (0, 0, 0);
    for o in &outcomes {
        if let One::Read(r) = o {
            sizes.0 += r.places.observations.len();
            sizes.1 += r.places.problems.len();
            sizes.2 += r.places.quotes.len();
        }
    }
    let run = &mut assembly.run;
    run.places.observations.reserve_exact(sizes.0);
    run.places.problems.reserve_exact(sizes.1);
    run.places.quotes.reserve_exact(sizes.2);
    run.places.names.reserve_exact(outcomes.len());
    run.articles.reserve_exact(outcomes.len());
    assembly.carried.reserve_exact(outcomes.len());
    for outcome in outcomes {
        assembly.push(outcome, &text);
    }
    assembly.finish()
}

/// [`assemble`] a slice of outcomes at a time, in article order: a run that reads its
/// corpus in slices ([`read_assembled`]) joins each slice as it comes, so it never holds
/// every article's outcome beside the run built from them, and the threads that read a
/// slice reuse the memory its outcomes held for the next.
struct Assembly {
    run: Run,
    extraction: extract::Assembly,
    /// Which `published` dates matched an article read.
    matched: Vec<bool>,
    carried: Carried,
    /// Where the lean CSV run's evidence sentences go as each article joins the run (none
    /// when no temporary file could be made: they are held).
    sentences: Option<SentenceWriter>,
    /// Why setting a sentence aside failed, if it did.
    failed: Option<std::io::Error>,
}

impl Assembly {
    fn new(rules: &RuleSet, published: usize, detail: Detail) -> Self {
        let mut run = Run::default();
        // The lean CSV report shows each spelling's first use in each article only: its
        // names are clustered from each text's uses in an article held as one entry.
        if detail == Detail::FirstOnly {
            run.names = crate::read::name::Mentions::first_use_per_text();
        }
        Assembly {
            run,
            extraction: extract::Assembly::new(rules),
            matched: vec![false; published],
            carried: Vec::new(),
            sentences: (detail == Detail::FirstOnly)
                .then(|| SentenceWriter::new().ok())
                .flatten(),
            failed: None,
        }
    }

    /// The next input's outcome; `text` resolves the ids of the run's [`Pool`].
    fn push<'t>(&mut self, outcome: One, text: &dyn Fn(u32) -> &'t str) {
        let run = &mut self.run;
        match outcome {
            One::Read(mut read) => {
                if let Some(file) = &mut self.sentences
                    && let Err(e) = read.set_sentences_aside(file)
                {
                    self.failed = Some(e);
                    self.sentences = None;
                }
                let Read {
                    summary,
                    mut extraction,
                    names,
                    places,
                    full_names,
                    matched: m,
                    sentences,
                } = *read;
                self.carried.push(sentences);
                extraction.renumber(run.articles.len());
                run.articles.push(summary);
                run.places.append(places);
                run.names
                    .push_doc_uses(names.iter().map(|m| (text(m.text), m.uses)));
                let full_names = full_names.into_iter().map(|id| text(id).to_string());
                self.extraction.push(extraction, full_names);
                m.into_iter().for_each(|i| self.matched[i] = true);
            }
            One::Unread(p) => run.unread.push(p),
        }
    }

    /// The run, the `published` dates that matched no article, and the carried sentences;
    /// an error if a sentence could not be set aside.
    fn finish(self) -> Result<(Run, Vec<usize>, Carried), RunError> {
        let Assembly {
            mut run,
            extraction,
            matched,
            carried,
            sentences,
            failed,
        } = self;
        if let Some(e) = failed {
            return Err(RunError::SetAside(e));
        }
        if let Some(file) = sentences {
            file.finish().map_err(RunError::SetAside)?;
        }
        run.extraction = extraction.finish();
        let unmatched = (0..matched.len()).filter(|&i| !matched[i]).collect();
        Ok((run, unmatched, carried))
    }
}

/// Extract one article read, place what was found, and keep only the summary.
fn process(extractor: &Extractor, pool: &Pool, article: &mut Article, each: Each) -> Read {
    let Each {
        published,
        detail,
        carry_sentences,
    } = each;
    let mut matched = Vec::new();
    for (i, (key, date)) in published.iter().enumerate() {
        if article.file_name == *key || article.path == Path::new(key) {
            article.published = Some(*date);
            article.meta.insert("published".into(), date.to_string());
            matched.push(i);
        }
    }
    let (mut extraction, full_names) = extractor.article_and_names(article, 0);
    // Assembly puts every speaker in canonical form from the quotation's own speaker as
    // written: this copy of it would only be held while the rest of the corpus is read.
    extraction.quotes.iter_mut().for_each(|q| q.speaker = None);
    let places = Places::of(article, &extraction, detail);
    let sentences = carry_sentences.then(|| {
        NameSentences::new(
            extraction
                .names
                .iter()
                .flatten()
                .map(|m| {
                    let sentence = sentence_around(article, Span::from(m.span.clone()));
                    (crate::span::narrow(m.span.start), sentence)
                })
                .collect(),
        )
    });
    let names = std::mem::take(&mut extraction.names)
        .iter()
        .flatten()
        .map(|m| PooledMention {
            text: pool.id(&m.text),
            uses: Uses::one(
                crate::span::narrow(m.span.start),
                crate::span::narrow(m.span.end),
                m.kind,
            ),
        })
        .collect();
    let full_names = full_names.iter().map(|n| pool.id(n)).collect();
    Read {
        places,
        names,
        full_names,
        summary: ArticleSummary::of(article),
        extraction,
        matched,
        sentences,
    }
}

/// The sentence (white space collapsed) around a name mention: what the report shows
/// beside a use of a name.
fn sentence_around(a: &Article, m: Span) -> String {
    let sentence = a.sentence_at(m.start).unwrap_or(m);
    collapse(&a.text, sentence, sentence).0
}

/// Where name sentences can be found: carried in the run, or in the articles (in memory,
/// or read again from their files).
struct Known<'a> {
    kept: Option<&'a [Article]>,
    carried: &'a Carried,
    reading: &'a ReadOptions,
    recurring: &'a Recurring,
}

/// The sentences of the name uses `wanted`, each handed to `put` with its position in
/// `wanted` (only the first use of each place): those carried with the run, else read back
/// from the `articles`' files, or from `kept`, the articles themselves when the run was
/// given them in memory. A file that can no longer be read gives no sentences (the uses
/// keep their place). Set aside (`set_aside`, the lean CSV report), the sentences are
/// written to a file a slice of the articles at a time and only their places are put:
/// never all in memory.
fn name_sentences(
    articles: &[ArticleSummary],
    wanted: &WantedUses,
    known: Known,
    set_aside: bool,
    put: &mut dyn FnMut(usize, Sentence),
) {
    let Known {
        kept,
        carried,
        reading,
        recurring,
    } = known;
    let mut to_read: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for (doc, range) in wanted.by_article() {
        let Some(Some(by_start)) = carried.get(doc) else {
            to_read.push((doc, range));
            continue;
        };
        for i in range.filter(|&i| wanted.first_of_place(i)) {
            let Some(w) = wanted.get(i) else { continue };
            if let Some(sentence) = by_start.get(w.start) {
                put(i, sentence);
            }
        }
    }
    // A feed is read once for all its rows whose sentences are wanted.
    let mut feeds: HashMap<PathBuf, Vec<Decoded>> = HashMap::new();
    if kept.is_none() {
        for (doc, _) in &to_read {
            let Some(s) = articles.get(*doc) else {
                continue;
            };
            if matches!(s.origin, corpus::Origin::Row { .. }) && !feeds.contains_key(&s.path) {
                let input = Input {
                    path: s.path.clone(),
                    name: s.file_name.clone(),
                    format: s.format,
                };
                let rows = corpus::decode_input(&input, reading).into_iter().flatten();
                feeds.insert(s.path.clone(), rows.collect());
            }
        }
    }
    let read = |(doc, range): &(usize, std::ops::Range<usize>)| {
        let article: Option<Cow<Article>> = match kept {
            Some(articles) => articles.get(*doc).map(Cow::Borrowed),
            None => articles.get(*doc).and_then(|s| {
                let input = Input {
                    path: s.path.clone(),
                    name: s.file_name.clone(),
                    format: s.format,
                };
                match s.origin {
                    corpus::Origin::Row { .. } => feeds
                        .get(&s.path)?
                        .iter()
                        .find(|d| d.origin == s.origin)
                        .cloned()?
                        .into_article(reading.boilerplate.then_some(recurring))
                        .ok(),
                    origin => corpus::read_again(&input, origin, reading, recurring).ok(),
                }
                .map(Cow::Owned)
            }),
        };
        range
            .clone()
            .filter(|&i| wanted.first_of_place(i))
            .filter_map(|i| {
                let w = wanted.get(i)?;
                let span = Span::new(w.start as usize, w.end as usize);
                Some((i, sentence_around(article.as_ref()?, span)))
            })
            .collect::<Vec<_>>()
    };
    if let Some(mut file) = set_aside.then(|| SentenceWriter::new().ok()).flatten() {
        let written = to_read.chunks(SET_ASIDE_ARTICLES).try_for_each(|slice| {
            let found: Vec<Vec<(usize, String)>> = slice.par_iter().map(read).collect();
            for (i, sentence) in found.into_iter().flatten() {
                put(
                    i,
                    match file.write(&sentence)? {
                        Some(place) => Sentence::SetAside(place),
                        None => Sentence::Held(sentence),
                    },
                );
            }
            std::io::Result::Ok(())
        });
        if written.and_then(|()| file.finish()).is_ok() {
            return;
        }
        // The file failed: the sentences are read again and held (each put replaces a
        // place put before).
    }
    for slice in to_read.chunks(SET_ASIDE_ARTICLES) {
        let found: Vec<Vec<(usize, String)>> = slice.par_iter().map(read).collect();
        for (i, sentence) in found.into_iter().flatten() {
            put(i, Sentence::Held(sentence));
        }
    }
}

/// How many articles' name sentences are read at once before they are set aside.
const SET_ASIDE_ARTICLES: usize = 1024;
