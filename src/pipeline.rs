//! The streaming run: every article read, extracted and reduced to what the report needs,
//! one at a time, so memory holds observations, never the corpus's text.
//!
//! `check` and `extract` on a folder go through [`run`]: each file is read, parsed into an
//! [`Article`], extracted ([`Extractor::article`]), and summarised: its metadata
//! ([`ArticleSummary`]) and, for every observation, problem, quotation and name mention it
//! yielded, the line and column (and evidence sentence) the report shows ([`Places`]). The
//! text is dropped there. Files are processed in parallel; results are collected in path
//! order, so the bytes are the same whatever the number of threads.
//!
//! The one thing the report may still want from the text is the sentence around each use
//! of a name that is spelled several ways; uses are many (about ninety per article on the
//! benchmark corpus) and their sentences add up to several times the corpus, so they are
//! read back from the files after comparison, for the formats that print them
//! ([`name_sentences`]).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::compare::{Detail, Findings};
use crate::corpus::{self, Article, ArticleProblem, CorpusError};
use crate::extract::{self, Extraction, Extractor, name};
use crate::report::collapse;
use crate::rules::RuleSet;
use crate::span::{Position, Span};

/// What the report needs of an article once its text is gone.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSummary {
    /// The path as given on the command line (or found under a given folder).
    pub path: PathBuf,
    pub file_name: String,
    pub source: String,
    pub title: Option<String>,
    pub published: Option<Date>,
    /// What went wrong without stopping the article from being read (decoded as
    /// windows-1252): reported with the run's problems.
    pub warnings: Vec<ArticleProblem>,
}

impl ArticleSummary {
    pub fn of(a: &Article) -> Self {
        ArticleSummary {
            path: a.path.clone(),
            file_name: a.file_name.clone(),
            source: a.source.clone(),
            title: a.title.clone(),
            published: a.published,
            warnings: a.warnings.clone(),
        }
    }
}

/// An observation placed in its file: what [`crate::report::Evidence`] shows.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidencePlace {
    pub start: Position,
    /// Just past the value's last character.
    pub end: Position,
    /// The sentence, white space collapsed.
    pub sentence: String,
    /// Where the value's words sit in `sentence`.
    pub highlight: Span,
    /// The value's words, white space collapsed.
    pub raw: String,
    /// The value's bytes in the file as on disk (see [`Article::file_offset`]).
    pub file_span: Span,
}

/// An extraction problem placed in its file, with the words it is about.
#[derive(Debug, Clone, PartialEq)]
pub struct ProblemPlace {
    pub at: Position,
    pub words: String,
}

/// Where a name mention starts: byte offset, line and column, compact (mentions are many).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub start: u32,
    pub line: u32,
    pub column: u32,
}

impl Place {
    fn of(start: usize, p: Position) -> Self {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Place {
            start: narrow(start),
            line: narrow(p.line),
            column: narrow(p.column),
        }
    }

    /// Line and column, as the report shows them.
    pub fn position(self) -> Position {
        Position {
            line: self.line as usize,
            column: self.column as usize,
        }
    }
}

/// Where a quotation sits, compact (a corpus has about eight per article): start and end
/// (just past the closing mark) as line and column, and its bytes in the file as on disk.
/// Half the size of two [`Position`]s and a [`Span`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotePlace {
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    file_start: u32,
    file_end: u32,
}

impl QuotePlace {
    /// Values past `u32::MAX` (a file of more than 4 GB) are held as `u32::MAX`.
    pub fn new(start: Position, end: Position, file_span: Span) -> Self {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        QuotePlace {
            line: narrow(start.line),
            column: narrow(start.column),
            end_line: narrow(end.line),
            end_column: narrow(end.column),
            file_start: narrow(file_span.start),
            file_end: narrow(file_span.end),
        }
    }

    pub fn start(self) -> Position {
        Position {
            line: self.line as usize,
            column: self.column as usize,
        }
    }

    /// Just past the closing mark.
    pub fn end(self) -> Position {
        Position {
            line: self.end_line as usize,
            column: self.end_column as usize,
        }
    }

    /// The quotation's bytes, marks included, in the file as on disk.
    pub fn file_span(self) -> Span {
        Span::new(self.file_start as usize, self.file_end as usize)
    }
}

/// Where everything extraction found sits in its file, parallel to the [`Extraction`]'s
/// lists: `observations[i]` places `extraction.observations[i]`, and so on; `names[d]`
/// places article `d`'s name mentions, by start offset.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Places {
    pub observations: Vec<EvidencePlace>,
    pub problems: Vec<ProblemPlace>,
    pub quotes: Vec<QuotePlace>,
    pub names: Vec<Vec<Place>>,
}

impl Places {
    /// Place one article's extraction in that article.
    pub fn of(a: &Article, ex: &Extraction) -> Self {
        Places::of_with(a, ex, Detail::Full)
    }

    /// [`Places::of`], keeping what the report needs at `detail`: below
    /// [`Detail::Full`], each observation's sentence is left empty (and its highlight at
    /// 0..0), as the formats that do not print it need not hold it; at
    /// [`Detail::FirstOnly`], only the first mention of each distinct name text is placed
    /// (the first use of a spelling in an article is the first mention of one of its texts).
    pub fn of_with(a: &Article, ex: &Extraction, detail: Detail) -> Self {
        let sentences = detail == Detail::Full;
        let observations = ex
            .observations
            .iter()
            .map(|o| {
                let (sentence, highlight) = if sentences {
                    collapse(&a.text, o.sentence, o.span)
                } else {
                    (String::new(), Span::new(0, 0))
                };
                EvidencePlace {
                    start: a.position(o.span.start),
                    end: a.position(o.span.end),
                    sentence,
                    highlight,
                    raw: collapse(&a.text, o.span, o.span).0,
                    file_span: Span::new(a.file_offset(o.span.start), a.file_offset(o.span.end)),
                }
            })
            .collect();
        let problems = ex
            .problems
            .iter()
            .map(|p| ProblemPlace {
                at: a.position(p.span.start),
                words: p.span.slice(&a.text).to_string(),
            })
            .collect();
        let quotes = ex
            .quotes
            .iter()
            .map(|q| {
                let (start, end) = (q.quote.span.start, q.quote.span.end);
                QuotePlace::new(
                    a.position(start),
                    a.position(end),
                    Span::new(a.file_offset(start), a.file_offset(end)),
                )
            })
            .collect();
        let names = ex
            .names
            .iter()
            .map(|ms| {
                let mut first: HashMap<&str, usize> = HashMap::new();
                if detail == Detail::FirstOnly {
                    for m in ms {
                        let s = first.entry(m.text.as_str()).or_insert(m.span.start);
                        *s = (*s).min(m.span.start);
                    }
                }
                let mut places: Vec<Place> = ms
                    .iter()
                    .filter(|m| {
                        detail != Detail::FirstOnly
                            || first.get(m.text.as_str()) == Some(&m.span.start)
                    })
                    .map(|m| Place::of(m.span.start, a.position(m.span.start)))
                    .collect();
                places.sort_by_key(|p| p.start);
                places.dedup();
                places.shrink_to_fit();
                places
            })
            .collect();
        Places {
            observations,
            problems,
            quotes,
            names,
        }
    }

    fn append(&mut self, other: Places) {
        self.observations.extend(other.observations);
        self.problems.extend(other.problems);
        self.quotes.extend(other.quotes);
        self.names.extend(other.names);
    }
}

/// A whole run's extraction, without the text.
#[derive(Debug, Clone, Default)]
pub struct Run {
    /// The articles read, in path order (index = article index everywhere).
    pub articles: Vec<ArticleSummary>,
    /// The files that could not be read.
    pub unread: Vec<ArticleProblem>,
    /// What was extracted, except the name mentions (`extraction.names` is empty): those
    /// are in `names`, compactly.
    pub extraction: Extraction,
    pub names: name::Mentions,
    pub places: Places,
    /// Indices into the `published` overrides given to [`run`] that matched no article read.
    pub unmatched_published: Vec<usize>,
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
}

/// A name mention whose text is in the run's [`Pool`]: 16 bytes.
#[derive(Debug, Clone, Copy)]
struct PooledMention {
    text: u32,
    start: u32,
    end: u32,
    person: bool,
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

/// Read, extract and summarise every article under `paths` on `threads` threads.
/// `published` gives publication dates by file name or path (for articles without front
/// matter); it applies before extraction, as dates are read against it.
pub fn run(
    rules: &RuleSet,
    paths: &[PathBuf],
    published: &[(String, Date)],
    threads: Option<usize>,
) -> Result<Run, CorpusError> {
    run_with(rules, paths, published, threads, Detail::Full)
}

/// [`run`], placing only what the report needs at `detail` ([`Places::of_with`]): a table
/// of findings prints no evidence sentence (on the benchmark corpus the sentences weigh
/// more than everything else kept of an observation) and only first uses of names.
pub fn run_with(
    rules: &RuleSet,
    paths: &[PathBuf],
    published: &[(String, Date)],
    threads: Option<usize>,
    detail: Detail,
) -> Result<Run, CorpusError> {
    let files = corpus::article_paths(paths)?;
    let extractor = Extractor::new(rules);
    let pool = Pool::default();
    let outcomes: Vec<One> = extract::with_threads(threads, || {
        files
            .par_iter()
            .map(|path| one(&extractor, &pool, path, published, detail))
            .collect()
    });
    Ok(assemble(rules, outcomes, pool, published))
}

/// The same run on articles already in memory (tests, and callers that read articles
/// themselves), in the order given.
pub fn run_articles(rules: &RuleSet, articles: Vec<Article>) -> Run {
    let extractor = Extractor::new(rules);
    let pool = Pool::default();
    let outcomes = articles
        .into_iter()
        .map(|a| One::Read(Box::new(process(&extractor, &pool, a, &[], Detail::Full))))
        .collect();
    assemble(rules, outcomes, pool, &[])
}

/// Put per-article outcomes together, in order: article indices, places, names, and the
/// corpus-wide extraction step.
fn assemble(rules: &RuleSet, outcomes: Vec<One>, pool: Pool, published: &[(String, Date)]) -> Run {
    let texts = pool.into_texts();
    let text = |id: u32| texts.get(id as usize).map_or("", |t| &**t);
    let mut run = Run::default();
    let mut parts = Vec::with_capacity(outcomes.len());
    let mut sizes = (0, 0, 0);
    for o in &outcomes {
        if let One::Read(r) = o {
            sizes.0 += r.places.observations.len();
            sizes.1 += r.places.problems.len();
            sizes.2 += r.places.quotes.len();
        }
    }
    run.places.observations.reserve_exact(sizes.0);
    run.places.problems.reserve_exact(sizes.1);
    run.places.quotes.reserve_exact(sizes.2);
    run.places.names.reserve_exact(outcomes.len());
    run.articles.reserve_exact(outcomes.len());
    let mut matched = vec![false; published.len()];
    for outcome in outcomes {
        match outcome {
            One::Read(read) => {
                let Read {
                    summary,
                    mut extraction,
                    names,
                    places,
                    full_names,
                    matched: m,
                } = *read;
                extraction.renumber(run.articles.len());
                run.articles.push(summary);
                run.places.append(places);
                let mentions: Vec<name::NameMention> = names
                    .iter()
                    .map(|m| name::NameMention {
                        span: m.start as usize..m.end as usize,
                        text: text(m.text).to_string(),
                        person: m.person,
                    })
                    .collect();
                run.names.push_doc(&mentions);
                let full_names = full_names.into_iter().map(|id| text(id).to_string());
                parts.push((extraction, full_names.collect()));
                m.into_iter().for_each(|i| matched[i] = true);
            }
            One::Unread(p) => run.unread.push(p),
        }
    }
    run.extraction = extract::assemble(rules, parts);
    run.unmatched_published = (0..published.len()).filter(|&i| !matched[i]).collect();
    run
}

fn one(
    extractor: &Extractor,
    pool: &Pool,
    path: &Path,
    published: &[(String, Date)],
    detail: Detail,
) -> One {
    match corpus::read_article(path) {
        Ok(a) => One::Read(Box::new(process(extractor, pool, a, published, detail))),
        Err(p) => One::Unread(p),
    }
}

/// Extract one article read, place what was found, and keep only the summary.
fn process(
    extractor: &Extractor,
    pool: &Pool,
    mut article: Article,
    published: &[(String, Date)],
    detail: Detail,
) -> Read {
    let mut matched = Vec::new();
    for (i, (key, date)) in published.iter().enumerate() {
        if article.file_name == *key || article.path == Path::new(key) {
            article.published = Some(*date);
            article.meta.insert("published".into(), date.to_string());
            matched.push(i);
        }
    }
    let (mut extraction, full_names) = extractor.article_and_names(&article, 0);
    let places = Places::of_with(&article, &extraction, detail);
    let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let names = std::mem::take(&mut extraction.names)
        .iter()
        .flatten()
        .map(|m| PooledMention {
            text: pool.id(&m.text),
            start: narrow(m.span.start),
            end: narrow(m.span.end),
            person: m.person,
        })
        .collect();
    let full_names = full_names.iter().map(|n| pool.id(n)).collect();
    Read {
        places,
        names,
        full_names,
        summary: ArticleSummary::of(&article),
        extraction,
        matched,
    }
}

/// The sentence (white space collapsed) around each use of a name the comparison reports,
/// keyed by (article index, byte offset of the mention).
pub type NameSentences = HashMap<(usize, usize), String>;

/// Read back the sentences of the name uses in `findings` from the articles' files. A file
/// that can no longer be read gives no sentences (the uses keep their place).
pub fn name_sentences(run: &Run, findings: &Findings) -> NameSentences {
    let mut wanted: BTreeMap<usize, Vec<Span>> = BTreeMap::new();
    for c in &findings.names {
        for s in &c.spellings {
            for (doc, m) in &s.mentions {
                wanted
                    .entry(*doc)
                    .or_default()
                    .push(Span::from(m.span.clone()));
            }
        }
    }
    let wanted: Vec<(usize, Vec<Span>)> = wanted.into_iter().collect();
    wanted
        .par_iter()
        .flat_map_iter(|(doc, spans)| {
            let article = run
                .articles
                .get(*doc)
                .and_then(|s| corpus::read_article(&s.path).ok());
            spans
                .iter()
                .filter_map(|m| {
                    let a = article.as_ref()?;
                    let sentence = a.sentence_at(m.start).unwrap_or(*m);
                    Some(((*doc, m.start), collapse(&a.text, sentence, sentence).0))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_place_keeps_start_end_and_file_span() {
        let pos = |line, column| Position { line, column };
        let p = QuotePlace::new(pos(3, 7), pos(4, 12), Span::new(120, 181));
        assert_eq!(p.start(), pos(3, 7));
        assert_eq!(p.end(), pos(4, 12));
        assert_eq!(p.file_span(), Span::new(120, 181));
        assert_eq!(std::mem::size_of::<QuotePlace>(), 24);
        // Past u32 (a file over 4 GB), a value is held at the largest u32.
        let big = QuotePlace::new(pos(1, 1), pos(1, 2), Span::new(5, usize::MAX));
        assert_eq!(big.file_span(), Span::new(5, u32::MAX as usize));
    }
}
