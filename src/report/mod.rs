//! Reports: what a run found, in the shapes people read.
//!
//! Last stage of the flow (rules + articles → extract → compare → **report**). [`Report`]
//! is the one serialisable picture of a run: sources, findings per fact, every observation
//! with file, line, column and sentence, and every article that could not be read. It is
//! built from a placed run ([`crate::placed::Run`]: byte spans already turned into
//! line:column while each article's text was at hand) and the comparison's findings. Each
//! output format is a writer over `&mut dyn Write` in its own module, so tests capture
//! bytes and the CLI picks a sink; [`Format`] is the table of formats (names, the
//! subcommands that write them, the detail they need, their writers).

pub mod cards;
pub mod csv;
pub mod findings;
pub mod format;
pub mod github;
pub mod html;
pub mod json;
pub mod markdown;
pub mod sarif;
pub mod text;

use crate::span::narrow;
use std::sync::Arc;

use serde::Serialize;

pub use format::{Command, Format, WriteOptions};

use crate::compare::name::VariantKind;
pub use crate::compare::quote::{DiffOp, Person, QuoteMember, Wording};
use crate::compare::{Findings, QuoteStatus, Status};
use crate::extract::Observation;
use crate::placed::{
    ArticleSummary, Detail, EvidencePlace, NamePlace, Places, Run, Sentence, WantedUse, WantedUses,
};
use crate::read::quote::{Attribution, QuoteKind};
use crate::rules::{Kind, RuleSet};
use crate::span::Span;
// Moved to the ground floor (text primitives); re-exported here until every caller imports
// it from there.
#[allow(unused_imports)]
pub(crate) use crate::text::collapse;

/// The version of the report's serialised shape; bumped when a field changes meaning.
/// 2: `quote_findings` are cards, one per statement (members, people, conflicts), not pairs.
/// 3: a fact's conflict is its groups of values (`findings[].values`: each value with its
/// sources), and `disagreements`/`conflicts` hold one line per value in conflict, not one
/// per pair of values.
pub const SCHEMA_VERSION: u32 = 3;

/// One article of the run.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct SourceInfo {
    /// 1-based, as shown in the text report's columns.
    pub number: usize,
    pub file: String,
    /// The article's path as given on the command line or found under a given folder
    /// (`corpus/x.txt`), with `/` separators: what CI annotations point at.
    pub path: String,
    pub source: String,
    pub title: Option<String>,
    pub published: Option<String>,
    /// Lines of the article left out of extraction as boilerplate (docs/inputs.md): said,
    /// so that nothing is dropped without a word. Left out of JSON when none.
    #[serde(skip_serializing_if = "is_zero", default)]
    pub boilerplate_lines: usize,
    /// Whether line and column refer to text crosscheck extracted (a saved web page, a
    /// feed row; `crosscheck extract --text` shows it) rather than to the file on disk.
    /// Left out of JSON when false.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub extracted_text: bool,
}

impl SourceInfo {
    /// How the article was read, when that is not simply "the file as on disk": line and
    /// column refer to extracted text, and how many boilerplate lines were left out. Every
    /// format that lists sources prints it beside the source.
    pub fn reading_note(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.extracted_text {
            parts.push("lines of its extracted text".to_string());
        }
        match self.boilerplate_lines {
            0 => {}
            1 => parts.push("1 boilerplate line left out".into()),
            n => parts.push(format!("{n} boilerplate lines left out")),
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// One observation, placed in its file.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Evidence {
    pub fact: Arc<str>,
    pub kind: Kind,
    /// 1-based source number.
    pub source_number: usize,
    /// The source's outlet and file name, shared with every other row of the source.
    pub source: Arc<str>,
    pub file: Arc<str>,
    pub line: usize,
    pub column: usize,
    /// Where the value's words end: the line and column just past the last character.
    pub end_line: usize,
    pub end_column: usize,
    /// Canonical value (`~2000`, `2022-01-06`, `invasion`).
    pub value: String,
    /// The value with what a reader needs besides (weekday, "quoted").
    pub display: String,
    /// The words as written.
    pub raw: String,
    /// The sentence, white space collapsed.
    // (A plain comment: the schema takes the doc comments.) JSON holds a string; only the
    // lean CSV run sets sentences aside, and only its writer reads them back.
    #[schemars(with = "String")]
    pub sentence: Sentence,
    /// Where the value's words sit inside `sentence` (byte range), for highlighting.
    pub highlight: Span,
    /// Byte span of the value in the file.
    pub span: Span,
}

impl Evidence {
    /// The sentence split around the value's words: (before, value, after).
    pub fn split_sentence(&self) -> (&str, &str, &str) {
        let s = self.sentence.as_str();
        let (a, b) = (
            self.highlight.start.min(s.len()),
            self.highlight.end.min(s.len()),
        );
        match (s.get(..a), s.get(a..b), s.get(b..)) {
            (Some(pre), Some(mid), Some(post)) => (pre, mid, post),
            _ => (s, "", ""),
        }
    }
}

/// One fact × source cell.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Cell {
    pub source_number: usize,
    /// The cell's state, from the comparison (`compare::SourceValues::status`): every
    /// format shows this one, so no two formats can disagree about a cell.
    pub status: Status,
    /// Distinct display values, in text order.
    pub values: Vec<String>,
    /// Indices into [`Report::evidence`].
    pub evidence: Vec<usize>,
}

/// One fact's comparison, ready to print.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct FactReport {
    pub fact: String,
    pub label: String,
    pub kind: Kind,
    pub status: Status,
    pub cells: Vec<Cell>,
    /// One line per value in conflict, naming the first value it cannot be true with (two
    /// values that name each other share a line): "a.txt says 2000, b.txt says 3000: …".
    /// As many as the values in conflict, never one per pair of them.
    pub disagreements: Vec<String>,
    /// The two values of each line of `disagreements`, each as its first observation
    /// (indices into [`Report::evidence`]), in the same order. Every source stating a value
    /// in conflict is in conflict too: [`FactReport::values`] lists them, and
    /// [`Cell::status`] says which cells are.
    pub conflicts: Vec<(usize, usize)>,
    /// Amounts and days: each distinct value with the sources that state it, in the order
    /// sources first state them; for a value in conflict, how many values it cannot be
    /// true with and the first of them. Left out of JSON for wordings.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub values: Vec<ValueEntry>,
    pub notes: Vec<String>,
    /// `"discovered"` for a fact found without a rule file (`crate::discover`); left out
    /// of JSON for a rule file's facts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<&'static str>,
}

/// One distinct value of a fact: a group of sources that say the same.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ValueEntry {
    /// The canonical value (`~2000`, `2022-01-06`).
    pub value: String,
    /// The 1-based numbers of the sources that state it, ascending.
    pub sources: Vec<usize>,
    /// Every observation of it (indices into [`Report::evidence`]).
    pub evidence: Vec<usize>,
    /// How many of the fact's other values cannot be true with it: 0 when it agrees with
    /// every one (loosely or exactly).
    pub conflicts: usize,
    /// The first value it cannot be true with (by the order sources state them), when one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub against: Option<Against>,
}

/// The value a value in conflict is first set against, and why.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Against {
    /// An index into the fact's [`FactReport::values`].
    pub index: usize,
    /// That value, canonical.
    pub value: String,
    /// Why the two cannot both be true ("1 day apart").
    pub reason: String,
}

/// One quotation (or scare-quoted phrase), placed in its file.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct QuoteEntry {
    pub source_number: usize,
    /// The source's outlet and file name, shared with every other row of the source.
    pub source: Arc<str>,
    pub file: Arc<str>,
    pub line: usize,
    pub column: usize,
    /// Just past the closing mark.
    pub end_line: usize,
    pub end_column: usize,
    pub kind: QuoteKind,
    /// The words inside the marks, white space collapsed.
    pub text: String,
    /// A closing mark was missing: the quotation was cut at the paragraph's end.
    pub unbalanced: bool,
    /// Canonical speaker ("Dana Ortega"); None when no speaker could be found.
    pub speaker: Option<String>,
    /// The speaker as the article writes them, near the quotation ("Ortega", "he" resolved).
    pub speaker_as_written: Option<String>,
    pub attribution: Option<Attribution>,
    /// What the article says the speaker is ("head of the Council on Foreign and Defense Policy").
    pub description: Option<String>,
    /// Byte span of the quotation, marks included.
    pub span: Span,
}

/// One statement across sources: every source's quotation of it, as a card.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct QuoteFindingEntry {
    /// The card's status: attribution-conflict when two different people are given the
    /// words; else reworded, shortened or same by its members' wordings; single for one.
    pub status: QuoteStatus,
    /// Indices into [`Report::quotes`] of every member, in order.
    pub quotes: Vec<usize>,
    /// The reference wording (the longest), an index into [`Report::quotes`].
    pub reference: usize,
    /// Per member, in the order of `quotes`: its wording against the reference
    /// (`reference`, `same`, `shortened`, `reworded`), similarity, word diff from the
    /// reference, and speaker (an index into `people`).
    pub members: Vec<QuoteMember>,
    /// The distinct people the words are given to, each with the forms sources use.
    pub people: Vec<Person>,
    /// Pairs of `people` who are different people.
    pub conflicts: Vec<(usize, usize)>,
}

impl QuoteFindingEntry {
    /// "[1], [2] and [4]": the sources of the members, each once.
    pub fn sources(&self, report: &Report) -> String {
        let mut numbers: Vec<usize> = self
            .quotes
            .iter()
            .filter_map(|&i| report.quotes.get(i))
            .map(|q| q.source_number)
            .collect();
        numbers.dedup();
        let labels: Vec<String> = numbers.iter().map(|n| format!("[{n}]")).collect();
        and_list(&labels)
    }

    /// "given to Dana Ortega and to Ivo Brandt" for a conflict; for several speakers the
    /// tool cannot tell apart or together, the same with "(not known to be different
    /// people)"; for one person under several names, "Dana Ortega, also written Ortega".
    pub fn who(&self) -> Option<String> {
        if !self.conflicts.is_empty() {
            let mut involved: Vec<usize> =
                self.conflicts.iter().flat_map(|&(a, b)| [a, b]).collect();
            involved.sort_unstable();
            involved.dedup();
            let names: Vec<String> = involved
                .iter()
                .filter_map(|&i| self.people.get(i))
                .map(|p| p.name.clone())
                .collect();
            return Some(format!("given to {}", and_list_with(&names, "to ")));
        }
        let spelled: Vec<String> = self
            .people
            .iter()
            .filter(|p| p.written.len() > 1)
            .map(|p| {
                let others: Vec<&str> = p
                    .written
                    .iter()
                    .filter(|w| **w != p.name)
                    .map(String::as_str)
                    .collect();
                format!("{}, also written {}", p.name, others.join(", "))
            })
            .collect();
        if self.people.len() > 1 {
            // Given to several names the tool cannot tell apart or together: say so, without
            // calling it a conflict.
            let names: Vec<String> = self.people.iter().map(|p| p.name.clone()).collect();
            let mut s = format!(
                "given to {} (not known to be different people)",
                and_list_with(&names, "to ")
            );
            if !spelled.is_empty() {
                s.push_str(&format!("; {}", spelled.join("; ")));
            }
            return Some(s);
        }
        (!spelled.is_empty()).then(|| spelled.join("; "))
    }
}

impl QuoteMember {
    /// "reference", "same words", "shortened, similarity 0.85", "reworded, similarity 0.64".
    pub fn note(&self) -> String {
        match self.wording {
            Wording::Reference => "reference wording".to_string(),
            Wording::Same => "same words".to_string(),
            w => format!("{}, similarity {:.2}", w.name(), self.similarity),
        }
    }
}

/// "a", "a and b", "a, b and c".
pub fn and_list(items: &[String]) -> String {
    and_list_with(items, "")
}

/// [`and_list`] with `prefix` before every item but the first ("to Ann and to Bo").
fn and_list_with(items: &[String], prefix: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => {
            let head: Vec<String> = rest
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    if i == 0 {
                        x.clone()
                    } else {
                        format!("{prefix}{x}")
                    }
                })
                .collect();
            format!("{} and {prefix}{last}", head.join(", "))
        }
    }
}

/// Where one spelling of a name is used. Its file is its source's
/// ([`Report::file_of`]): a lean CSV report of 100k articles holds 3.8 million uses, and
/// a shared file name in each was 62 MB. Numbers in 32 bits for the same reason. JSON
/// writes the file beside the number (`json::Document`, whose schema names this `NameUse`).
#[derive(Debug, Clone, PartialEq)]
pub struct NameUse {
    pub source_number: u32,
    pub line: u32,
    pub column: u32,
    /// The sentence, white space collapsed.
    pub sentence: Sentence,
}

/// One spelling of a name (in JSON: `json::Document`'s `SpellingEntry`).
#[derive(Debug, Clone, PartialEq)]
pub struct SpellingEntry {
    pub text: String,
    pub kind: VariantKind,
    pub note: Option<String>,
    /// Similarity to the canonical spelling (Jaro-Winkler, 1.0 = identical).
    pub similarity: f64,
    pub uses: Vec<NameUse>,
}

/// A name spelled in more than one way across the corpus (in JSON: `json::Document`'s
/// `NameEntry`).
#[derive(Debug, Clone, PartialEq)]
pub struct NameEntry {
    pub canonical: String,
    pub spellings: Vec<SpellingEntry>,
}

/// A problem with an article or a value, placed in its file.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Problem {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

/// Everything a run found. Written as JSON through `json::Document`, the wire shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub version: u32,
    pub story: Option<String>,
    pub rule_files: Vec<String>,
    pub sources: Vec<SourceInfo>,
    pub facts: Vec<FactReport>,
    pub evidence: Vec<Evidence>,
    pub quotes: Vec<QuoteEntry>,
    pub quote_findings: Vec<QuoteFindingEntry>,
    pub names: Vec<NameEntry>,
    pub problems: Vec<Problem>,
}

impl Report {
    /// The source of a 1-based source number, when the report has it.
    pub fn source_of(&self, number: u32) -> Option<&SourceInfo> {
        (number as usize)
            .checked_sub(1)
            .and_then(|i| self.sources.get(i))
    }

    /// The file name of a 1-based source number ("" for a number the report does not
    /// have): a name use's file.
    pub fn file_of(&self, number: u32) -> &str {
        self.source_of(number).map_or("", |s| s.file.as_str())
    }

    /// The outlet of a 1-based source number ("" for a number the report does not have).
    pub fn outlet_of(&self, number: u32) -> &str {
        self.source_of(number).map_or("", |s| s.source.as_str())
    }

    /// Assemble the report from a run (the articles read and those that could not be, what
    /// was extracted and where) and its comparison. Each use of a name takes its sentence
    /// from what `name_sentences` gives for the run's articles and name clusters (read back
    /// from the articles by the pipeline), called once the evidence and quotations are
    /// built; without sentences, or for a use they lack, the sentence is empty: only some
    /// formats print it.
    ///
    /// The run is taken: its strings (raw words, sentences, quotations, speakers) move into
    /// the report rather than being copied, and what the report does not keep is freed
    /// while it is built, so the run and the report are never both whole in memory.
    ///
    /// At [`Detail::FirstOnly`] (the table of findings, whose report is never written in
    /// another shape) the report leaves out what that table never prints: each cell's
    /// display values, each observation's display, and a quotation's speaker as written and
    /// description. At 100k articles they were 70 MB of small strings.
    pub fn build(
        rules: &RuleSet,
        run: Run,
        all: Findings,
        detail: Detail,
        name_sentences: Option<
            impl FnOnce(&[ArticleSummary], &WantedUses, &mut dyn FnMut(usize, Sentence)),
        >,
    ) -> Report {
        let Run {
            articles,
            unread,
            extraction,
            places,
            ..
        } = run;
        let crate::extract::Extraction {
            observations,
            problems: extract_problems,
            quotes: quote_observations,
            ..
        } = extraction;
        let Places {
            observations: observation_places,
            problems: problem_places,
            quotes: quote_places,
            names: name_places,
        } = places;
        let Findings {
            facts: findings,
            quotes: quote_finds,
            names: clusters,
        } = all;
        // Each source's outlet and file name once, shared by its rows.
        let shared: Vec<(Arc<str>, Arc<str>)> = articles
            .iter()
            .map(|a| {
                (
                    Arc::from(a.source.as_str()),
                    Arc::from(a.file_name.as_str()),
                )
            })
            .collect();
        let sources: Vec<SourceInfo> = articles
            .iter()
            .enumerate()
            .map(|(i, a)| SourceInfo {
                number: i + 1,
                file: a.file_name.clone(),
                path: slash_path(&a.path),
                source: a.source.clone(),
                title: a.title.clone(),
                published: a.published.map(|d| d.to_string()),
                boilerplate_lines: a.boilerplate,
                extracted_text: a.origin.extracted(),
            })
            .collect();
        let prints_display = detail != Detail::FirstOnly;
        let facts = findings
            .into_iter()
            .map(|f| FactReport {
                cells: f
                    .sources
                    .into_iter()
                    .map(|s| {
                        let values = if !prints_display {
                            Vec::new()
                        } else if f.kind.is_wording() {
                            term_cell(&s.observations, &observations)
                        } else {
                            let mut values: Vec<String> = Vec::new();
                            for &i in &s.observations {
                                let d = observations[i].value.short();
                                if !values.contains(&d) {
                                    values.push(d);
                                }
                            }
                            values
                        };
                        Cell {
                            source_number: s.article + 1,
                            status: s.status,
                            values,
                            evidence: s.observations,
                        }
                    })
                    .collect(),
                conflicts: f.disagreements.iter().map(|d| (d.a, d.b)).collect(),
                values: f
                    .groups
                    .iter()
                    .map(|g| ValueEntry {
                        value: g.value.clone(),
                        sources: g.sources.iter().map(|a| a + 1).collect(),
                        evidence: g.observations.clone(),
                        conflicts: g.conflicts,
                        against: g.against.as_ref().map(|(k, reason)| Against {
                            index: *k,
                            value: f
                                .groups
                                .get(*k)
                                .map(|o| o.value.clone())
                                .unwrap_or_default(),
                            reason: reason.clone(),
                        }),
                    })
                    .collect(),
                disagreements: f.disagreements.into_iter().map(|d| d.reason).collect(),
                fact: f.fact,
                label: f.label,
                kind: f.kind,
                status: f.status,
                notes: f.notes,
                origin: rules.discovered.then_some("discovered"),
            })
            .collect();
        let evidence: Vec<Evidence> =
            zip_shrinking(observations, observation_places, |o, place| {
                let (source, file) = &shared[o.article];
                // The fact id is shared with every observation of the fact.
                evidence_of(&o, o.fact.clone(), source, file, place, prints_display)
            });
        // Every article is accounted for: read (a source), read with a warning, or skipped.
        let mut problems: Vec<Problem> = unread
            .into_iter()
            .map(|p| Problem {
                file: p.file,
                line: p.line,
                column: p.column,
                message: format!("skipped: {}", p.message),
            })
            .chain(articles.iter().flat_map(|a| &a.warnings).map(|p| Problem {
                file: p.file.clone(),
                line: p.line,
                column: p.column,
                message: p.message.clone(),
            }))
            .collect();
        for (p, place) in extract_problems.into_iter().zip(problem_places) {
            let a = &articles[p.article];
            problems.push(Problem {
                file: a.file_name.clone(),
                line: Some(place.at.line),
                column: Some(place.at.column),
                message: format!("{}: {:?}: {}", p.fact, place.words, p.message),
            });
        }
        problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        let quotes: Vec<QuoteEntry> =
            zip_shrinking(quote_observations, quote_places, |q, place| {
                let (pos, end) = (place.start(), place.end());
                let (source, file) = &shared[q.article];
                let (speaker_as_written, attribution, description) = match q.quote.speaker {
                    Some(s) if prints_display => (Some(s.name), Some(s.attribution), s.description),
                    Some(s) => (None, Some(s.attribution), None),
                    None => (None, None, None),
                };
                QuoteEntry {
                    source_number: q.article + 1,
                    source: source.clone(),
                    file: file.clone(),
                    line: pos.line,
                    column: pos.column,
                    end_line: end.line,
                    end_column: end.column,
                    kind: q.quote.kind,
                    text: q.quote.text,
                    unbalanced: q.quote.unbalanced,
                    speaker: q.speaker,
                    speaker_as_written,
                    attribution,
                    description,
                    span: place.file_span(),
                }
            });
        let quote_findings = quote_finds
            .into_iter()
            .map(|f| QuoteFindingEntry {
                status: f.status,
                quotes: f.quotes,
                reference: f.reference,
                members: f.members,
                people: f.people,
                conflicts: f.conflicts,
            })
            .collect();
        // The name uses' rows are made first, each wanting its sentence (row numbers in the
        // order made); the sentences are read only then, when the run's observations and
        // quotations have become the report's, and each moves into the rows that show it.
        let keeps_sentences = name_sentences.is_some();
        let mut wanted: Vec<WantedUse> = Vec::new();
        // The first row of each spelling, in the order made, and where the spelling is.
        let mut spelling_rows: Vec<(u32, usize, usize)> = Vec::new();
        let mut names: Vec<NameEntry> = Vec::with_capacity(clusters.len());
        let mut rows_made: usize = 0;
        for (e, c) in clusters.into_iter().enumerate() {
            let mut spellings = Vec::with_capacity(c.spellings.len());
            for (k, s) in c.spellings.into_iter().enumerate() {
                spelling_rows.push((narrow(rows_made), e, k));
                let uses = exact(s.mentions.iter().filter_map(|&(doc, ref m)| {
                    // A use in an article the run does not have is no row.
                    shared.get(doc as usize)?;
                    let pos = place_of(&name_places, doc as usize, m)?;
                    if keeps_sentences {
                        wanted.push(WantedUse {
                            doc,
                            start: m.start,
                            end: m.end,
                            row: narrow(rows_made),
                        });
                    }
                    rows_made += 1;
                    Some(NameUse {
                        source_number: narrow(doc as usize + 1),
                        line: narrow(pos.line),
                        column: narrow(pos.column),
                        sentence: Sentence::Held(String::new()),
                    })
                }));
                spellings.push(SpellingEntry {
                    uses,
                    text: s.text,
                    kind: s.kind,
                    note: s.note,
                    similarity: s.similarity,
                });
            }
            names.push(NameEntry {
                canonical: c.canonical,
                spellings,
            });
        }
        drop(name_places);
        if let Some(read) = name_sentences {
            let wanted = WantedUses::new(wanted);
            // Row `row`'s use: the spelling whose first row is the last at or before it.
            let mut put = |i: usize, sentence: Sentence| {
                let rows: Vec<u32> = wanted.rows_at(i).collect();
                let mut sentence = Some(sentence);
                for (n, &row) in rows.iter().enumerate() {
                    let k = spelling_rows.partition_point(|&(first, _, _)| first <= row);
                    let Some(&(first, e, s)) = k.checked_sub(1).and_then(|k| spelling_rows.get(k))
                    else {
                        continue;
                    };
                    let Some(u) = names
                        .get_mut(e)
                        .and_then(|n| n.spellings.get_mut(s))
                        .and_then(|s| s.uses.get_mut((row - first) as usize))
                    else {
                        continue;
                    };
                    // Moved into the last row that shows it, copied into the others.
                    u.sentence = if n + 1 == rows.len() {
                        sentence.take().unwrap_or(Sentence::Held(String::new()))
                    } else {
                        sentence.clone().unwrap_or(Sentence::Held(String::new()))
                    };
                }
            };
            read(&articles, &wanted, &mut put);
        }
        Report {
            version: SCHEMA_VERSION,
            story: rules.title.clone(),
            rule_files: rules
                .files
                .iter()
                .map(|f| f.display().to_string())
                .collect(),
            sources,
            facts,
            evidence,
            quotes,
            quote_findings,
            names,
            problems,
        }
    }

    pub fn has_status(&self, status: Status) -> bool {
        self.facts.iter().any(|f| f.status == status)
    }

    /// Is any finding a conflict: a fact's values, or a quotation given to different people?
    pub fn has_conflict(&self) -> bool {
        self.has_status(Status::Conflict)
            || self
                .quote_findings
                .iter()
                .any(|q| q.status == QuoteStatus::AttributionConflict)
    }
}

/// Collect into a list no larger than it needs to be: a filtered iterator does not know
/// its length, and growing by doubling can leave half of a long list unused.
fn exact<T>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut v = Vec::with_capacity(items.size_hint().1.unwrap_or(0));
    v.extend(items);
    v.shrink_to_fit();
    v
}

/// A path with `/` between its parts and no leading `./`, the same on every system.
fn slash_path(path: &std::path::Path) -> String {
    let parts: Vec<String> = path
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let joined = parts.join("/");
    // An absolute path keeps its root: "/" + "tmp/x" rather than "//tmp/x".
    joined
        .strip_prefix("//")
        .map_or(joined.clone(), |r| format!("/{r}"))
}

/// A term cell says which classes a source uses and how often: `deployment ×2`,
/// `peacekeeping ×2 (1 quoted)`, `not:invasion`.
fn term_cell(indices: &[usize], observations: &[Observation]) -> Vec<String> {
    let mut order: Vec<String> = Vec::new();
    let mut counts: std::collections::HashMap<String, (usize, usize)> = Default::default();
    for &i in indices {
        let o = &observations[i];
        let key = o.value.canonical();
        let quoted = matches!(&o.value, crate::extract::Value::Term(t) if t.quoted);
        let e = counts.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            (0, 0)
        });
        e.0 += 1;
        e.1 += usize::from(quoted);
    }
    order
        .into_iter()
        .map(|k| {
            let (n, q) = counts[&k];
            let mut s = k;
            if n > 1 {
                s.push_str(&format!(" ×{n}"));
            }
            match q {
                0 => {}
                q if q == n => s.push_str(" (quoted)"),
                q => s.push_str(&format!(" ({q} quoted)")),
            }
            s
        })
        .collect()
}

fn evidence_of(
    o: &Observation,
    fact: Arc<str>,
    source: &Arc<str>,
    file: &Arc<str>,
    place: EvidencePlace,
    with_display: bool,
) -> Evidence {
    Evidence {
        fact,
        kind: o.kind,
        source_number: o.article + 1,
        source: source.clone(),
        file: file.clone(),
        line: place.start.line,
        column: place.start.column,
        end_line: place.end.line,
        end_column: place.end.column,
        value: o.value.canonical(),
        display: if with_display {
            o.value.display()
        } else {
            String::new()
        },
        raw: place.raw,
        sentence: place.sentence,
        highlight: place.highlight,
        span: place.file_span,
    }
}

/// `a` and `b` (of one length) paired through `f`, in order, into a new list: taken from
/// the back, with both lists shrunk every [`SHRINK_EVERY`] items, so that the run's list and
/// the report's made from it are never both whole (at 100k articles the observations, their
/// places and the evidence made from them were 290 MB at once, the report's peak).
fn zip_shrinking<A, B, T>(mut a: Vec<A>, mut b: Vec<B>, mut f: impl FnMut(A, B) -> T) -> Vec<T> {
    let n = a.len().min(b.len());
    a.truncate(n);
    b.truncate(n);
    let mut out = Vec::with_capacity(n);
    while let (Some(x), Some(y)) = (a.pop(), b.pop()) {
        out.push(f(x, y));
        if a.len().is_multiple_of(SHRINK_EVERY) {
            a.shrink_to_fit();
            b.shrink_to_fit();
        }
    }
    out.reverse();
    out
}

/// How many items [`zip_shrinking`] takes between shrinking its lists.
const SHRINK_EVERY: usize = 1 << 14;

/// Where a name mention sits: its place in its article, found by its start (places are in
/// text order).
fn place_of(
    names: &[Vec<NamePlace>],
    doc: usize,
    m: &crate::compare::name::UseAt,
) -> Option<crate::span::Position> {
    let places = names.get(doc)?;
    let i = places.partition_point(|p| p.start < m.start);
    places
        .get(i)
        .filter(|p| p.start == m.start)
        .map(|p| p.position())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zip_shrinking_pairs_in_order_across_many_shrinks() {
        // Long enough to shrink several times, and not a multiple of the step.
        let n = 3 * SHRINK_EVERY + 5;
        let a: Vec<usize> = (0..n).collect();
        let b: Vec<String> = (0..n).map(|i| format!("b{i}")).collect();
        let out = zip_shrinking(a, b, |x, y| format!("{x}:{y}"));
        assert_eq!(out.len(), n);
        assert_eq!(out[0], "0:b0");
        assert_eq!(out[SHRINK_EVERY], format!("{0}:b{0}", SHRINK_EVERY));
        assert_eq!(out[n - 1], format!("{}:b{}", n - 1, n - 1));
        assert!(
            out.iter()
                .enumerate()
                .all(|(i, s)| *s == format!("{i}:b{i}"))
        );
    }

    #[test]
    fn zip_shrinking_stops_at_the_shorter_list() {
        let out = zip_shrinking(vec![1, 2, 3], vec!['a', 'b'], |x, y| (x, y));
        assert_eq!(out, vec![(1, 'a'), (2, 'b')]);
    }
}
