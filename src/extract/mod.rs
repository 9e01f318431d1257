//! Extraction: rule facts found in articles, as observations with provenance.
//!
//! Second stage of the flow (rules + articles → **extract** → compare → report). For every
//! fact of the rule set and every article, the fact's patterns run over each paragraph; a
//! match counts when the rule's context words are near it and no excluded word is; its
//! placeholder text is then read as a value by the reader of the fact's kind ([`number`],
//! [`date`], [`term`]). Each [`Observation`] keeps byte spans into the article file, so any
//! later stage can show the exact words and their line and column.
//!
//! Besides rule facts, every article's direct quotations ([`quote`]) and capitalised names
//! ([`name`]) are extracted without a rule. Extraction of one article never depends on
//! another, which is what lets the pipeline run articles in any order (or in parallel) and
//! still produce the same bytes; the one corpus-wide step, putting speakers' names in their
//! canonical form ("Ortega" → "Dana Ortega"), runs after all articles are read.

mod value;

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use regex::{RegexSet, RegexSetBuilder, SetMatches};
use serde::Serialize;

pub use value::{Reading, TermUse, Value};

use crate::corpus::Article;
use crate::read::name;
use crate::read::quote;
use crate::read::term;
use crate::rules::{Fact, FactKind, Kind, RuleSet, Scope, TermClass, WordSet};
use crate::span::Span;
use crate::text::ascii::has_non_ascii_word;

/// One statement of a fact in one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Observation {
    /// The fact id from the rule file, shared by every observation of the fact.
    pub fact: Arc<str>,
    pub kind: Kind,
    /// Index of the article in the corpus.
    pub article: usize,
    /// The value's words (the placeholder's match, or the term).
    pub span: Span,
    /// The whole pattern match.
    pub matched: Span,
    /// The sentence it was found in.
    pub sentence: Span,
    pub value: Value,
    /// The value's words as written.
    pub raw: String,
}

/// Something in an article that looked like a fact but could not be read (February 30, an
/// ambiguous numeric date): reported, never dropped silently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtractProblem {
    pub fact: Arc<str>,
    pub article: usize,
    pub span: Span,
    pub message: String,
}

/// A quotation found in an article, with its speaker in canonical form.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteObservation {
    /// Index of the article in the corpus.
    pub article: usize,
    pub quote: quote::Quote,
    /// The speaker's canonical name ("Dana Ortega" for "Ortega"), if one was found.
    pub speaker: Option<String>,
    /// Who the speaker is, read into parts for comparison (its `name` is `speaker`). Boxed:
    /// a run holds every quotation from reading to report, most of that time without it.
    #[serde(skip)]
    pub who: Option<Box<quote::Who>>,
}

/// Everything extraction found in a corpus.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Rule facts, in article order, then fact order, then text order.
    pub observations: Vec<Observation>,
    pub problems: Vec<ExtractProblem>,
    /// Quotations and phrases of every article, in article then text order.
    pub quotes: Vec<QuoteObservation>,
    /// Capitalised names of each article (index = article index).
    pub names: Vec<Vec<name::NameMention>>,
}

/// Run every fact over every article, in article order then fact order; read every
/// article's quotations and names; then put speakers in canonical form across the corpus.
///
/// Articles are read in parallel (rayon's current pool: `--threads`, or
/// `RAYON_NUM_THREADS`); results are collected in article order, so the output is the same
/// bytes whatever the number of threads.
pub fn extract(rules: &RuleSet, articles: &[Article]) -> Extraction {
    let extractor = Extractor::new(rules);
    let parts: Vec<(Extraction, Vec<String>)> = articles
        .par_iter()
        .enumerate()
        .map(|(i, a)| extractor.article_and_names(a, i))
        .collect();
    assemble(rules, parts)
}

/// Join per-article extractions (in article order, each with the full names its article
/// writes) into one, and put speakers in canonical form across the corpus.
pub fn assemble(rules: &RuleSet, parts: Vec<(Extraction, Vec<String>)>) -> Extraction {
    let mut assembly = Assembly::new(rules);
    // Sized once: growing by doubling would leave up to half of each list unused.
    let total = |f: fn(&Extraction) -> usize| parts.iter().map(|(e, _)| f(e)).sum::<usize>();
    let out = &mut assembly.out;
    out.observations
        .reserve_exact(total(|e| e.observations.len()));
    out.problems.reserve_exact(total(|e| e.problems.len()));
    out.quotes.reserve_exact(total(|e| e.quotes.len()));
    out.names.reserve_exact(total(|e| e.names.len()));
    for (one, names) in parts {
        assembly.push(one, names);
    }
    assembly.finish()
}

/// [`assemble`] one article at a time, in article order: a run that reads its corpus a
/// slice at a time joins each slice as it comes, and never holds every article's
/// extraction beside the joined one. The same result as [`assemble`] on the same parts.
pub struct Assembly {
    speakers: quote::SpeakerIndex,
    out: Extraction,
}

impl Assembly {
    pub fn new(rules: &RuleSet) -> Self {
        Assembly {
            speakers: rule_speakers(rules),
            out: Extraction::default(),
        }
    }

    /// The next article's extraction and the full names it writes.
    pub fn push(&mut self, one: Extraction, full_names: impl IntoIterator<Item = String>) {
        self.speakers.observe_names(full_names);
        self.out.append(one);
    }

    /// Every speaker in canonical form, now that every article's names are known.
    pub fn finish(mut self) -> Extraction {
        for q in &self.out.quotes {
            if let Some(s) = &q.quote.speaker {
                self.speakers.observe_speaker(&s.name);
            }
        }
        self.out.canonicalise_speakers(&self.speakers);
        self.out
    }
}

/// Run `work` on a pool of `threads` threads (`None`: rayon's global pool). A pool that
/// cannot be built falls back to the global one: the thread count changes speed, never
/// the result.
pub fn with_threads<R: Send>(threads: Option<usize>, work: impl FnOnce() -> R + Send) -> R {
    match thread_pool(threads) {
        Some(pool) => pool.install(work),
        None => work(),
    }
}

/// A pool of `threads` threads, for a caller that runs work on it a piece at a time
/// between steps that cannot move to another thread (writing to a borrowed output);
/// `None` for rayon's global pool, or when it cannot be built (as [`with_threads`]).
pub fn thread_pool(threads: Option<usize>) -> Option<rayon::ThreadPool> {
    threads.and_then(|n| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
            .ok()
    })
}

/// [`extract`] on a pool of `threads` threads (`None`: rayon's global pool, one thread per
/// core or `RAYON_NUM_THREADS`). A pool that cannot be built falls back to the global one:
/// the thread count changes speed, never the result.
pub fn extract_with_threads(
    rules: &RuleSet,
    articles: &[Article],
    threads: Option<usize>,
) -> Extraction {
    with_threads(threads, || extract(rules, articles))
}

impl Extraction {
    /// Add another article's extraction after this one's.
    pub fn append(&mut self, other: Extraction) {
        self.observations.extend(other.observations);
        self.problems.extend(other.problems);
        self.quotes.extend(other.quotes);
        self.names.extend(other.names);
    }

    /// Say that this (one article's) extraction is of article `index`.
    pub fn renumber(&mut self, index: usize) {
        self.observations.iter_mut().for_each(|o| o.article = index);
        self.problems.iter_mut().for_each(|p| p.article = index);
        self.quotes.iter_mut().for_each(|q| q.article = index);
    }

    /// Put every quotation's speaker in canonical form ("Ortega" → "Dana Ortega").
    pub fn canonicalise_speakers(&mut self, speakers: &quote::SpeakerIndex) {
        for q in &mut self.quotes {
            q.who = q
                .quote
                .speaker
                .as_ref()
                .map(|s| Box::new(speakers.who(&s.name)));
            q.speaker = q.who.as_ref().map(|w| w.name.clone());
        }
    }
}

/// The speaker index seeded with the rule file's speakers and their aliases.
fn rule_speakers(rules: &RuleSet) -> quote::SpeakerIndex {
    let mut index = quote::SpeakerIndex::new();
    for s in &rules.speakers {
        index.add_alias(&s.name, &s.name);
        for a in &s.aliases {
            index.add_alias(&s.name, a);
        }
    }
    for e in &rules.entities {
        index.add_entity(&e.name, &e.variants);
    }
    index
}

/// Who is who across the corpus: rule-given aliases first, then every full name seen in
/// any article, so a bare surname can be expanded.
pub fn speaker_index(rules: &RuleSet, articles: &[Article]) -> quote::SpeakerIndex {
    let mut index = rule_speakers(rules);
    for a in articles {
        index.observe_text(a.body());
    }
    index
}

/// Run every fact over one article, and read its quotations and names. Speakers are as
/// written; [`extract`] puts them in canonical form.
pub fn extract_article(rules: &RuleSet, article: &Article, index: usize) -> Extraction {
    Extractor::new(rules).article(article, index)
}

/// The rule set ready to run over many articles: facts, and a prefilter that tells, in one
/// pass over a paragraph, which facts could match there at all.
///
/// A fact only counts a match when its `context` words and each `requires` list occur in
/// the match's sentence or paragraph, both inside the paragraph; a few [`RegexSet`]s of every
/// fact's word lists' gates (their first words, [`WordSet::gate`]) find which lists may
/// occur in a paragraph, and a fact with a list that cannot is skipped without running its
/// patterns (or compiling them: a pattern compiles on first use). The skip is exact: it drops only
/// matches that [`in_context`] would drop.
pub struct Extractor<'r> {
    rules: &'r RuleSet,
    /// Every distinct gate of a word list ([`WordSet::gate`]: its first words, which
    /// match wherever the list does), one pattern each, in sets of at most [`GATE_CHUNK`]
    /// (None: a set that did not build, whose lists then count as found).
    gates: Vec<Option<RegexSet>>,
    /// For each fact, its gate lists as (set, index in the set).
    fact_gates: Vec<Vec<(usize, usize)>>,
    /// Each fact's id once, shared by its observations (a `String` each weighed more than
    /// the rest of a small observation's heap).
    fact_ids: Vec<Arc<str>>,
}

/// Word lists per gate set. One set over thousands of lists would pass the size limit (the
/// whole set would then be lost, and every fact run everywhere) and thrash its lazy DFA;
/// sets of this size stay small, and a rule set of a few dozen facts still has one.
const GATE_CHUNK: usize = 1024;

impl<'r> Extractor<'r> {
    pub fn new(rules: &'r RuleSet) -> Self {
        // Facts share context lists ("Valdor*"): each distinct list is looked for once.
        let mut sources: Vec<String> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let fact_gates = rules
            .facts
            .iter()
            .map(|f| {
                f.context
                    .iter()
                    .chain(&f.requires)
                    .map(|ws| {
                        let i = *index.entry(ws.gate()).or_insert_with_key(|gate| {
                            sources.push(gate.clone());
                            sources.len() - 1
                        });
                        (i / GATE_CHUNK, i % GATE_CHUNK)
                    })
                    .collect()
            })
            .collect();
        // The word lists compiled one by one already; a set that fails to build (size
        // limit) only costs the shortcut, never a match.
        let gates = sources
            .chunks(GATE_CHUNK)
            .map(|chunk| {
                RegexSetBuilder::new(chunk)
                    .size_limit(crate::rules::pattern::SIZE_LIMIT)
                    .build()
                    .ok()
            })
            .collect();
        Extractor {
            rules,
            gates,
            fact_gates,
            fact_ids: rules
                .facts
                .iter()
                .map(|f| Arc::from(f.id.as_str()))
                .collect(),
        }
    }

    /// Run every fact over one article, and read its quotations and names.
    pub fn article(&self, article: &Article, index: usize) -> Extraction {
        self.article_and_names(article, index).0
    }

    /// [`Extractor::article`], and the full names the article writes
    /// ([`quote::full_names`] of its body), which the quote reader reads anyway.
    pub fn article_and_names(&self, article: &Article, index: usize) -> (Extraction, Vec<String>) {
        let (quotes, full_names) = quote::quotes_and_names(article);
        let quotes = quotes
            .into_iter()
            .map(|q| QuoteObservation {
                article: index,
                speaker: q.speaker.as_ref().map(|s| s.name.clone()),
                who: None,
                quote: q,
            })
            .collect();
        let starts: Vec<usize> = article.sentences.iter().map(|s| s.start).collect();
        let mut out = Extraction {
            quotes,
            names: vec![{
                let mut names = name::extract_names(&article.text, article.body_start, &starts);
                names.shrink_to_fit();
                names
            }],
            ..Extraction::default()
        };
        // The blocks value patterns run over: the headline, read for amounts and dates as
        // a sentence of its own, then the paragraphs. Terms are read in the body only: a
        // headline's words are chosen for its length, and its capitals would read as names.
        let headline = usize::from(article.headline.is_some());
        let blocks: Vec<Span> = article
            .headline
            .iter()
            .chain(&article.paragraphs)
            .copied()
            .collect();
        // Which facts can match in which block.
        let open: Vec<Vec<bool>> = blocks
            .iter()
            .map(|p| {
                let ptext = p.slice(&article.text);
                let found: Vec<Option<SetMatches>> = self
                    .gates
                    .iter()
                    .map(|g| g.as_ref().map(|g| g.matches(ptext)))
                    .collect();
                self.fact_gates
                    .iter()
                    .map(|gs| {
                        gs.iter()
                            .all(|&(set, g)| found[set].as_ref().is_none_or(|m| m.matched(g)))
                    })
                    .collect()
            })
            .collect();
        // Asked once per paragraph, for every value pattern (see `Pattern::regex_for`).
        let mut non_ascii_word: Vec<Option<bool>> = vec![None; blocks.len()];
        for (f, fact) in self.rules.facts.iter().enumerate() {
            let wording = fact.kind.tag().is_wording();
            let skip = if wording { headline } else { 0 };
            let paragraphs: Vec<(Span, bool)> = blocks
                .iter()
                .zip(&open)
                .zip(&mut non_ascii_word)
                .skip(skip)
                .filter(|((_, o), _)| o[f])
                .map(|((p, _), n)| {
                    // Term facts run no value pattern: they need not ask.
                    let n = !wording
                        && *n.get_or_insert_with(|| has_non_ascii_word(p.slice(&article.text)));
                    (*p, n)
                })
                .collect();
            if paragraphs.is_empty() {
                continue;
            }
            let before = out.observations.len();
            let id = &self.fact_ids[f];
            match &fact.kind {
                FactKind::Term { classes } => {
                    find_terms(fact, classes, id, article, &paragraphs, index, &mut out)
                }
                _ => find_values(fact, id, article, &paragraphs, index, &mut out),
            }
            // Several patterns may find the same words: keep the first observation of each
            // stretch of text, in text order.
            let found = &mut out.observations[before..];
            found.sort_by_key(|o| (o.span.start, std::cmp::Reverse(o.span.end)));
            let mut kept: Vec<Observation> = Vec::with_capacity(found.len());
            for o in found.iter() {
                if kept.last().is_none_or(|k| o.span.start >= k.span.end) {
                    kept.push(o.clone());
                }
            }
            out.observations.truncate(before);
            out.observations.extend(kept);
        }
        (out, full_names)
    }
}

/// Quantity and date facts: patterns with a placeholder.
fn find_values(
    fact: &Fact,
    id: &Arc<str>,
    article: &Article,
    paragraphs: &[(Span, bool)],
    index: usize,
    out: &mut Extraction,
) {
    let text = &article.text;
    for &(para, non_ascii_word) in paragraphs {
        let ptext = para.slice(text);
        for pattern in &fact.patterns {
            let value_group = pattern.value_group();
            let Some(regex) = pattern.regex_for(non_ascii_word) else {
                continue;
            };
            for caps in regex.captures_iter(ptext) {
                let Some(whole) = caps.get(0) else { continue };
                let vm = value_group.and_then(|g| caps.get(g)).unwrap_or(whole);
                let mut span = Span::new(para.start + vm.start(), para.start + vm.end());
                let matched = Span::new(para.start + whole.start(), para.start + whole.end());
                let Some(sentence) = article.sentence_at(span.start) else {
                    continue;
                };
                if !in_context(fact, article, para, sentence, matched) {
                    continue;
                }
                if !fact.in_parentheses && in_parentheses(text, sentence, span) {
                    continue;
                }
                let value =
                    match Value::read(&fact.kind, text, sentence, span, matched, article.published)
                    {
                        Reading::Value(value, words) => {
                            span = words;
                            value
                        }
                        Reading::None => continue,
                        Reading::Problem(message) => {
                            out.problems.push(ExtractProblem {
                                fact: id.clone(),
                                article: index,
                                span,
                                message,
                            });
                            continue;
                        }
                    };
                out.observations.push(Observation {
                    fact: id.clone(),
                    kind: fact.kind.tag(),
                    article: index,
                    span,
                    matched,
                    sentence,
                    value,
                    // The span may have grown to an offset phrase: the words are the span's.
                    raw: span.slice(text).to_string(),
                });
            }
        }
    }
}

/// Term facts: every word of every class, checked for context, negation and quotes.
fn find_terms(
    fact: &Fact,
    classes: &[TermClass],
    id: &Arc<str>,
    article: &Article,
    paragraphs: &[(Span, bool)],
    index: usize,
    out: &mut Extraction,
) {
    let text = &article.text;
    for &(para, _) in paragraphs {
        let ptext = para.slice(text);
        for class in classes {
            for m in class.regex.find_iter(ptext) {
                let span = Span::new(para.start + m.start(), para.start + m.end());
                let Some(sentence) = article.sentence_at(span.start) else {
                    continue;
                };
                if !in_context(fact, article, para, sentence, span) {
                    continue;
                }
                let before = text.get(sentence.start..span.start).unwrap_or("");
                out.observations.push(Observation {
                    fact: id.clone(),
                    kind: fact.kind.tag(),
                    article: index,
                    span,
                    matched: span,
                    sentence,
                    value: Value::Term(TermUse {
                        class: class.name.clone(),
                        negated: term::is_negated(before),
                        quoted: term::is_quoted(text, span.start, span.end),
                    }),
                    raw: span.slice(text).to_string(),
                });
            }
        }
    }
}

/// Do the rule's context words occur near the match, and its excluded words not?
fn in_context(fact: &Fact, article: &Article, para: Span, sentence: Span, matched: Span) -> bool {
    let text = &article.text;
    let scope = match fact.scope {
        Scope::Sentence => sentence,
        Scope::Paragraph => para,
    };
    let near = |ws: &WordSet, window: Option<usize>, within: Span| {
        let stext = within.slice(text);
        ws.regex().is_some_and(|re| {
            re.find_iter(stext).any(|m| {
                let w = Span::new(within.start + m.start(), within.start + m.end());
                window.is_none_or(|n| words_between(text, w, matched) <= n)
            })
        })
    };
    if let Some(ex) = &fact.exclude {
        // Exclusions are about the sentence itself, whatever the context scope.
        if near(ex, fact.exclude_window, sentence) {
            return false;
        }
    }
    if let Some(ctx) = &fact.context
        && !near(ctx, fact.window, scope)
    {
        return false;
    }
    fact.requires.iter().all(|r| near(r, fact.window, scope))
}

/// Is `span` inside an open parenthesis of its sentence?
fn in_parentheses(text: &str, sentence: Span, span: Span) -> bool {
    let before = text.get(sentence.start..span.start).unwrap_or("");
    let depth = before.chars().fold(0i32, |d, c| match c {
        '(' => d + 1,
        ')' => (d - 1).max(0),
        _ => d,
    });
    depth > 0
}

/// Words strictly between two spans (0 when they touch or overlap).
fn words_between(text: &str, a: Span, b: Span) -> usize {
    let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
    if second.start <= first.end {
        return 0;
    }
    text.get(first.end..second.start).map_or(usize::MAX, |gap| {
        gap.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn run(rule: &str, body: &str) -> Vec<Observation> {
        let rules = crate::rules::parse(Path::new("r.toml"), rule).expect("rule");
        let a = Article::from_text(Path::new("a.txt"), body.to_string()).expect("article");
        extract(&rules, std::slice::from_ref(&a)).observations
    }

    const ACTION: &str = r#"
[[fact]]
id = "vd.action"
label = "act"
kind = "term"
scope = "paragraph"
requires = ["Valdor*"]
exclude = ["Morvania*", "Ostland*"]
exclude_window = 3
[fact.classes]
invasion = ["invade", "invasion"]
deployment = ["deploy", "send", "sent"]
peacekeeping = ["peacekeeping", "peacekeepers"]
"#;

    fn classes(obs: &[Observation]) -> Vec<String> {
        obs.iter().map(|o| o.value.canonical()).collect()
    }

    #[test]
    fn invaded_morvania_does_not_count_for_valdoria() {
        let obs = run(
            ACTION,
            "In 2008 Arkadia invaded Morvania. Now it sends troops to Valdoria.\n",
        );
        assert_eq!(classes(&obs), vec!["deployment"]);
        // Same sentence, still told apart by the words next to the term.
        let obs = run(
            ACTION,
            "Arkadia, which invaded Morvania in 2008 and annexed Tessel in 2014, has now deployed troops in Valdoria.\n",
        );
        assert_eq!(classes(&obs), vec!["deployment"]);
    }

    #[test]
    fn not_an_invasion_is_negated_not_counted() {
        let obs = run(
            ACTION,
            "Arkon insists its move into Valdoria is not an invasion.\n",
        );
        assert_eq!(classes(&obs), vec!["not:invasion"]);
        let obs = run(ACTION, "Arkadia never invaded Valdoria, officials said.\n");
        assert_eq!(classes(&obs), vec!["not:invasion"]);
    }

    #[test]
    fn subject_elsewhere_in_the_paragraph_counts_but_not_in_another() {
        let obs = run(
            ACTION,
            "Troops were sent on Thursday. Valdoria asked for them.\n\nArkadia may invade soon.\n",
        );
        assert_eq!(classes(&obs), vec!["deployment"]);
    }

    #[test]
    fn scare_quotes_are_marked() {
        let obs = run(
            ACTION,
            "Valdoria hosts a five-nation \"peacekeeping\" force.\n",
        );
        assert_eq!(obs.len(), 1);
        assert!(matches!(&obs[0].value, Value::Term(t) if t.quoted && t.class == "peacekeeping"));
    }

    #[test]
    fn multi_word_terms_match_across_line_breaks() {
        let rule = ACTION.replace(
            "peacekeeping = [\"peacekeeping\", \"peacekeepers\"]",
            "peacekeeping = [\"peacekeeping force\"]",
        );
        let obs = run(
            &rule,
            "Valdoria welcomed the peacekeeping\nforce on Friday.\n",
        );
        assert_eq!(classes(&obs), vec!["peacekeeping"]);
        assert_eq!(obs[0].raw, "peacekeeping\nforce");
    }

    #[test]
    fn window_keeps_a_number_with_its_subject() {
        let rule = r#"
[[fact]]
id = "v.troops"
label = "troops"
kind = "quantity"
units = ["troops", "soldiers"]
context = ["Valdor*"]
window = 3
"#;
        let obs = run(
            rule,
            "About 2,000 soldiers went to Valdoria, far fewer than the 100,000 troops near Marovia.\n",
        );
        assert_eq!(classes(&obs), vec!["~2000"]);
    }

    #[test]
    fn a_headline_is_read_for_amounts_and_dates_but_not_terms() {
        let rules = format!(
            "{ACTION}{}",
            r#"
[[fact]]
id = "v.troops"
label = "troops"
kind = "quantity"
units = ["troops", "soldiers"]
context = ["Valdor*"]
"#
        );
        let text = "---\nsource: Desk\ntitle: \"Arkadia sends 3,000 troops to Valdoria\"\npublished: 2024-05-02\n---\nArkadia has deployed 2,000 troops in Valdoria, officials said.\n";
        let obs = run(&rules, text);
        let a = Article::from_text(Path::new("a.txt"), text.to_string()).expect("article");
        let found: Vec<(String, String, usize, usize)> = obs
            .iter()
            .map(|o| {
                let p = a.position(o.span.start);
                (o.fact.to_string(), o.value.canonical(), p.line, p.column)
            })
            .collect();
        // Counted by hand: the headline's 3,000 on line 3, column 23 (inside its quotes), then the body's 2,000; its
        // "sends" is no framing term, the body's "deployed" is.
        assert_eq!(
            found,
            vec![
                ("vd.action".to_string(), "deployment".to_string(), 6, 13),
                ("v.troops".to_string(), "3000".to_string(), 3, 23),
                ("v.troops".to_string(), "2000".to_string(), 6, 22),
            ]
        );
        // The headline is the evidence sentence of its amount.
        let headline = obs
            .iter()
            .find(|o| o.value.canonical() == "3000")
            .expect("headline");
        assert_eq!(
            headline.sentence.slice(&a.text),
            "Arkadia sends 3,000 troops to Valdoria"
        );
    }

    #[test]
    fn rule_speakers_give_canonical_names() {
        let rule = "[[speaker]]\nname = \"Tomas Solvik\"\naliases = [\"the secretary of state\", \"Tom Solvik\"]\n";
        let rules = crate::rules::parse(Path::new("r.toml"), rule).expect("rule");
        let a = Article::from_text(
            Path::new("a.txt"),
            "“We will keep the two cases apart,” Tom Solvik said.\n".into(),
        )
        .expect("article");
        let ex = extract(&rules, std::slice::from_ref(&a));
        assert_eq!(ex.quotes.len(), 1);
        assert_eq!(ex.quotes[0].speaker.as_deref(), Some("Tomas Solvik"));
    }

    #[test]
    fn a_date_glued_to_a_non_ascii_letter_is_no_date() {
        let rule = "[[fact]]\nid = \"d\"\nlabel = \"d\"\nkind = \"date\"\n";
        // No word boundary between "é" and "Monday" (Unicode words, as before the ASCII twin).
        assert!(
            run(
                rule,
                "---\npublished: 2022-01-12\n---\nThe caféMonday opened.\n"
            )
            .is_empty()
        );
        let obs = run(
            rule,
            "---\npublished: 2022-01-12\n---\nThe café opened “Monday”.\n",
        );
        assert_eq!(classes(&obs), vec!["2022-01-10"]);
    }

    #[test]
    fn counted_days_read_from_their_sentence_or_not_at_all() {
        let rule = "[[fact]]\nid = \"d\"\nlabel = \"d\"\nkind = \"date\"\n";
        let head = "---\npublished: 2026-01-20\n---\n";
        // The anchor is in the sentence: the next day is read, beside its anchor.
        let obs = run(
            rule,
            &format!("{head}Talks opened on January 12 and closed the next day.\n"),
        );
        assert_eq!(classes(&obs), vec!["2026-01-12", "2026-01-13"]);
        // No anchor in the sentence: the day the paragraph named last, in the same paragraph
        // only; with none, no value and no problem.
        let rules = crate::rules::parse(Path::new("r.toml"), rule).expect("rule");
        for (body, days) in [
            (
                "Talks opened on January 12.\nThe next day, they closed.\n",
                &["2026-01-12", "2026-01-13"][..],
            ),
            (
                "Talks opened on January 12.\n\nThe next day, they closed.\n",
                &["2026-01-12"][..],
            ),
            (
                "Talks opened last month. The next day, they closed.\n",
                &["2025-12"][..],
            ),
            (
                "Talks opened on January 12. A day later they paused. Two days later, they \
                 closed.\n",
                &["2026-01-12", "2026-01-13"][..],
            ),
        ] {
            let a =
                Article::from_text(Path::new("a.txt"), format!("{head}{body}")).expect("article");
            let ex = extract(&rules, std::slice::from_ref(&a));
            let got: Vec<String> = ex
                .observations
                .iter()
                .map(|o| o.value.canonical())
                .collect();
            assert_eq!(got, days, "{body}");
            assert!(ex.problems.is_empty(), "{:?}", ex.problems.len());
        }
        // A span of days is one value covering both ends.
        let obs = run(
            rule,
            &format!("{head}Delegates met 4-5 February in Varno.\n"),
        );
        assert_eq!(classes(&obs), vec!["2026-02-04..2026-02-05"]);
    }

    #[test]
    fn spans_point_at_the_value_words() {
        let rule =
            "[[fact]]\nid = \"t\"\nlabel = \"t\"\nkind = \"quantity\"\nunits = [\"troops\"]\n";
        let body = "---\nsource: X\n---\nIt sent at least 100,000 troops.\n";
        let obs = run(rule, body);
        assert_eq!(obs.len(), 1);
        assert_eq!(
            &body[obs[0].span.start..obs[0].span.end],
            "at least 100,000"
        );
        assert_eq!(obs[0].value.canonical(), ">=100000");
    }
}
