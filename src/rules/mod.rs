//! Rule files: what a story's comparable facts are and how to find them.
//!
//! First stage of the flow (**rules** + articles → extract → compare → report). A rule file
//! is TOML (see docs/rules.md). It is read in two steps, as ast-grep does: serde structs that
//! mirror the file ([`raw`]), then [`validate`] into the runtime [`Fact`]s, which hold
//! compiled patterns and reject what serde cannot (unknown kinds, bad patterns, duplicate
//! ids). Every error names the file, line and column, and says how to fix it.

// A rule error is built at most once per run, on the way out; its size on the error path
// costs nothing worth a Box.
#![allow(clippy::result_large_err)]

pub mod pattern;
pub mod raw;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use toml::Spanned;

use crate::extract::date::NumericOrder;
use crate::span::LineIndex;
pub use pattern::{Pattern, PatternError, Placeholder, WordSet};

/// What kind of value a fact has, which decides how it is read and compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Quantity,
    Date,
    Term,
}

impl Kind {
    pub const ALL: &'static [(&'static str, Kind)] = &[
        ("quantity", Kind::Quantity),
        ("date", Kind::Date),
        ("term", Kind::Term),
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Quantity => "quantity",
            Kind::Date => "date",
            Kind::Term => "term",
        }
    }

    /// The placeholder a pattern of this kind must carry, if any.
    fn placeholder(self) -> Option<Placeholder> {
        match self {
            Kind::Quantity => Some(Placeholder::Number),
            Kind::Date => Some(Placeholder::Date),
            Kind::Term => None,
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Where context words are looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Sentence,
    Paragraph,
}

/// How far two amounts may differ and still agree.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum Tolerance {
    /// A fraction of the value: `"10%"` is 0.10.
    Relative(f64),
    Absolute(f64),
}

impl Tolerance {
    /// Widen a closed interval by this tolerance.
    pub fn widen(self, lo: f64, hi: f64) -> (f64, f64) {
        match self {
            Tolerance::Relative(r) => (lo - lo.abs() * r, hi + hi.abs() * r),
            Tolerance::Absolute(a) => (lo - a, hi + a),
        }
    }
}

/// A class of wording for a `term` fact ("invasion": invade, invasion, incursion).
#[derive(Debug, Clone)]
pub struct TermClass {
    pub name: String,
    pub terms: Vec<String>,
    /// Every term of the class, inflections included, as one whole-word regex.
    pub regex: regex::Regex,
}

/// Where a fact is defined, for messages that point back at the rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleLocation {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
}

/// One comparable fact, ready to run.
#[derive(Debug, Clone)]
pub struct Fact {
    pub id: String,
    pub label: String,
    pub kind: Kind,
    pub context: Option<WordSet>,
    pub requires: Vec<WordSet>,
    pub exclude: Option<WordSet>,
    /// Words either side of the match within which `context`/`requires` must occur.
    pub window: Option<usize>,
    pub scope: Scope,
    pub exclude_window: Option<usize>,
    pub patterns: Vec<Pattern>,
    pub tolerance: Tolerance,
    pub approx_margin: Tolerance,
    pub numeric_order: Option<NumericOrder>,
    /// Dates: keep only values precise to the day.
    pub days_only: bool,
    /// Dates: first and last day a value may fall on.
    pub within: Option<(jiff::civil::Date, jiff::civil::Date)>,
    /// Count values written inside parentheses.
    pub in_parentheses: bool,
    pub classes: Vec<TermClass>,
    /// Examples for `crosscheck test`, in file order.
    pub examples: Vec<Example>,
    pub location: RuleLocation,
}

/// The `value` an example writes for "this text must not match the fact".
pub const NO_MATCH: &str = "none";

/// What an example must give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Expected {
    /// This canonical value, and no other.
    Value(String),
    /// No value at all: a near miss.
    None,
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Expected::Value(v) => f.write_str(v),
            Expected::None => f.write_str(NO_MATCH),
        }
    }
}

/// A `[[fact.example]]`: a text the fact must read as a value, or must not match.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The text, as written in the rule file.
    pub sentence: String,
    /// The publication date an article holding the text would have.
    pub published: Option<jiff::civil::Date>,
    pub expected: Expected,
    /// A known gap: reported, does not fail.
    pub todo: bool,
    /// Where the example's `value` is written, for messages.
    pub location: RuleLocation,
}

/// A speaker with the other ways sources write their name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerRule {
    pub name: String,
    pub aliases: Vec<String>,
}

/// A canonical name with known variant spellings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityRule {
    pub name: String,
    pub variants: Vec<String>,
    pub note: Option<String>,
}

/// Every rule file of a run, merged.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub files: Vec<PathBuf>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub facts: Vec<Fact>,
    pub speakers: Vec<SpeakerRule>,
    pub entities: Vec<EntityRule>,
}

impl RuleSet {
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id == id)
    }
}

/// A rule file that cannot be used, with where and how to fix it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.headline())]
pub struct RuleError {
    pub file: PathBuf,
    /// 1-based line and column (characters), when the error has a place.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub help: Option<String>,
    /// The offending line as written and the length of the bad span in characters, for a caret.
    pub snippet: Option<(String, usize)>,
}

impl RuleError {
    fn headline(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{}:{}: {}", self.file.display(), l, c, self.message),
            _ => format!("{}: {}", self.file.display(), self.message),
        }
    }

    /// The error as a short block: headline, the line with a caret, and help.
    pub fn render(&self) -> String {
        self.render_as("error")
    }

    /// The same block under another severity (`warning` for lint findings).
    pub fn render_as(&self, severity: &str) -> String {
        let mut s = format!("{severity}: {}", self.headline());
        if let (Some((line_text, len)), Some(line), Some(col)) =
            (&self.snippet, self.line, self.column)
        {
            let gutter = line.to_string().len();
            s.push_str(&format!(
                "\n{:gutter$} |\n{line} | {line_text}\n{:gutter$} | {}{}",
                "",
                "",
                " ".repeat(col.saturating_sub(1)),
                "^".repeat((*len).max(1))
            ));
        }
        if let Some(h) = &self.help {
            s.push_str(&format!("\n  help: {h}"));
        }
        s
    }
}

/// "Did you mean" for a misspelt key, kind or placeholder: the closest candidate by
/// Jaro-Winkler, if it is close enough to be a plausible typo.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(word, c), *c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Errors about one file's text: turns byte offsets into line:column and a snippet.
pub(crate) struct Locator<'a> {
    file: &'a Path,
    text: &'a str,
    lines: LineIndex,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(file: &'a Path, text: &'a str) -> Self {
        Locator {
            file,
            text,
            lines: LineIndex::new(text),
        }
    }

    pub(crate) fn error(
        &self,
        span: std::ops::Range<usize>,
        message: String,
        help: Option<String>,
    ) -> RuleError {
        // Spans come from the TOML parser or from our own offsets; clamp them to the text
        // and to a character boundary so that a stray one can never panic.
        let mut start = span.start.min(self.text.len());
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let span = start..span.end.max(start);
        let pos = self.lines.position(self.text, start);
        let before = self.text.get(..start).unwrap_or("");
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line_text = self
            .text
            .get(line_start..)
            .unwrap_or("")
            .lines()
            .next()
            .unwrap_or("")
            .to_string();
        let len = self
            .text
            .get(span.start..span.end.min(line_start + line_text.len()).max(span.start))
            .map_or(1, |s| s.chars().count());
        RuleError {
            file: self.file.to_path_buf(),
            line: Some(pos.line),
            column: Some(pos.column),
            message,
            help,
            snippet: Some((line_text, len)),
        }
    }

    /// An error inside a string value: `offset` is a byte offset into the string's content.
    /// TOML strings may be escaped, so the offset is only exact for literal strings; it falls
    /// back to the value's start when the content does not appear as written.
    pub(crate) fn in_string(
        &self,
        value: &Spanned<String>,
        offset: usize,
        message: String,
        help: Option<String>,
    ) -> RuleError {
        let span = value.span();
        let raw = self.text.get(span.clone()).unwrap_or("");
        let content_start = raw
            .find(value.get_ref().as_str())
            .map(|i| span.start + i)
            .filter(|_| !value.get_ref().is_empty());
        match content_start {
            Some(s) => {
                let at = s + offset.min(value.get_ref().len());
                let end = value
                    .get_ref()
                    .get(offset.min(value.get_ref().len())..)
                    .unwrap_or("")
                    .find(|c: char| c.is_whitespace())
                    .map_or(s + value.get_ref().len(), |i| at + i);
                self.error(at..end.max(at + 1), message, help)
            }
            None => self.error(span, message, help),
        }
    }
}

/// Read rule files and folders (every `*.toml` inside, sorted) into one rule set.
pub fn load(paths: &[PathBuf]) -> Result<RuleSet, RuleError> {
    let files = rule_files(paths)?;
    let mut set = RuleSet::default();
    for f in files {
        let text = std::fs::read_to_string(&f).map_err(|e| io_error(&f, e))?;
        let one = parse(&f, &text)?;
        merge(&mut set, one, &f, &text)?;
    }
    Ok(set)
}

/// Expand rule files and folders into the list of files, in the order [`load`] reads them.
pub fn rule_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, RuleError> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let entries = std::fs::read_dir(p).map_err(|e| io_error(p, e))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "toml"))
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(RuleError {
                    file: p.clone(),
                    line: None,
                    column: None,
                    message: "no rule files (*.toml) in this folder".into(),
                    help: None,
                    snippet: None,
                });
            }
            files.extend(found);
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            return Err(RuleError {
                file: p.clone(),
                line: None,
                column: None,
                message: "no such file or folder".into(),
                help: Some("pass a rule file or a folder of them with --rules".into()),
                snippet: None,
            });
        }
    }
    Ok(files)
}

/// A file that could not be read, as a rule error.
pub fn io_error(path: &Path, e: std::io::Error) -> RuleError {
    RuleError {
        file: path.to_path_buf(),
        line: None,
        column: None,
        message: format!("cannot read: {e}"),
        help: None,
        snippet: None,
    }
}

fn merge(set: &mut RuleSet, one: RuleSet, file: &Path, text: &str) -> Result<(), RuleError> {
    for fact in one.facts {
        if let Some(prev) = set.fact(&fact.id) {
            let loc = Locator::new(file, text);
            let offset = line_col_to_offset(text, fact.location.line, fact.location.column);
            return Err(loc.error(
                offset..offset + 1,
                format!("duplicate fact id `{}`", fact.id),
                Some(format!(
                    "first defined at {}:{}:{}; ids must be unique across rule files",
                    prev.location.file.display(),
                    prev.location.line,
                    prev.location.column
                )),
            ));
        }
        set.facts.push(fact);
    }
    set.files.extend(one.files);
    if set.title.is_none() {
        set.title = one.title;
        set.description = one.description;
    }
    set.speakers.extend(one.speakers);
    set.entities.extend(one.entities);
    Ok(())
}

fn line_col_to_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    text.get(line_start..)
        .unwrap_or("")
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(i, _)| line_start + i)
}

/// Parse and validate one rule file's text.
pub fn parse(file: &Path, text: &str) -> Result<RuleSet, RuleError> {
    let loc = Locator::new(file, text);
    let raw: raw::RuleFile = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let message = e.message().trim().to_string();
        let help = unknown_key_help(&message).or_else(|| type_help(&message));
        loc.error(span, message, help)
    })?;
    validate(file, text, raw)
}

/// "unknown field `contxt`, expected one of …" → "did you mean `context`?".
fn unknown_key_help(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let key = rest.get(..rest.find('`')?)?;
    let all: Vec<&str> = raw::FACT_KEYS
        .iter()
        .chain(raw::TOP_KEYS)
        .chain(raw::EXAMPLE_KEYS)
        .copied()
        .collect();
    did_you_mean(key, &all).map(|s| format!("did you mean `{s}`?"))
}

/// serde's "invalid type: string \"eight\", expected i64" in the words of a rule file.
fn type_help(message: &str) -> Option<String> {
    let expected = message
        .strip_prefix("invalid type: ")?
        .split("expected ")
        .nth(1)?;
    Some(
        match expected.trim() {
            "a string" => "write the value in quotes, e.g. \"text\"",
            "a sequence" => "write a list in brackets, e.g. [\"troops\", \"soldiers\"]",
            "i64" | "u64" | "usize" | "an integer" => "write a whole number without quotes, e.g. 8",
            "a boolean" => "write true or false, without quotes",
            "a map" => "write a table, e.g. [fact.classes] with name = [\"word\"] lines",
            _ => return None,
        }
        .to_string(),
    )
}

/// The second step: raw structs → runtime facts, rejecting what serde could not.
pub fn validate(file: &Path, text: &str, raw: raw::RuleFile) -> Result<RuleSet, RuleError> {
    let loc = Locator::new(file, text);
    let mut facts: Vec<Fact> = Vec::new();
    // Compiling a regex is the dearest step of loading rules, and rule files repeat
    // themselves (every date fact without patterns runs `{date}`, facts share context
    // lists): each distinct pattern or word list compiles once per file, and its copies
    // share the compiled program (a `Regex` clone shares it). Only successes are kept: a
    // failure ends the validation.
    let mut patterns_seen: HashMap<String, Pattern> = HashMap::new();
    let mut words_seen: HashMap<Vec<String>, WordSet> = HashMap::new();
    let mut compile = |source: &str| -> Result<Pattern, PatternError> {
        if let Some(p) = patterns_seen.get(source) {
            return Ok(p.clone());
        }
        let p = pattern::compile(source)?;
        patterns_seen.insert(source.to_string(), p.clone());
        Ok(p)
    };
    for spanned in raw.fact {
        let fact_span = spanned.span();
        let f = spanned.into_inner();
        let id = f.id.get_ref().trim().to_string();
        if id.is_empty() {
            return Err(loc.error(f.id.span(), "fact id is empty".into(), None));
        }
        if let Some(prev) = facts.iter().find(|p| p.id == id) {
            return Err(loc.error(
                f.id.span(),
                format!("duplicate fact id `{id}`"),
                Some(format!("first defined at line {}", prev.location.line)),
            ));
        }
        let kind_name = f.kind.get_ref().as_str();
        let Some(&(_, kind)) = Kind::ALL.iter().find(|(n, _)| *n == kind_name) else {
            let names: Vec<&str> = Kind::ALL.iter().map(|(n, _)| *n).collect();
            return Err(loc.error(
                f.kind.span(),
                format!("unknown kind `{kind_name}`"),
                Some(match did_you_mean(kind_name, &names) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("kinds are {}", names.join(", ")),
                }),
            ));
        };
        let mut words = |list: &[Spanned<String>]| -> Result<Option<WordSet>, RuleError> {
            if list.is_empty() {
                return Ok(None);
            }
            let plain: Vec<&str> = list.iter().map(|s| s.get_ref().as_str()).collect();
            for s in list {
                if s.get_ref().split('|').any(|w| w.trim().is_empty()) {
                    return Err(loc.error(
                        s.span(),
                        "empty word in list".into(),
                        Some("remove the empty entry or the stray `|`".into()),
                    ));
                }
            }
            let key: Vec<String> = plain.iter().map(|w| w.to_string()).collect();
            if let Some(ws) = words_seen.get(&key) {
                return Ok(Some(ws.clone()));
            }
            let ws = WordSet::new(&plain).map_err(|e| {
                let at = list.first().map_or(0..0, Spanned::span);
                loc.error(at, e.message, e.help)
            })?;
            words_seen.insert(key, ws.clone());
            Ok(Some(ws))
        };
        let context = words(&f.context)?;
        let exclude = words(&f.exclude)?;
        let mut requires = Vec::new();
        for r in f.requires.iter().chain(&f.subject) {
            if let Some(ws) = words(std::slice::from_ref(r))? {
                requires.push(ws);
            }
        }
        let positive = |v: &Option<Spanned<i64>>, key: &str| match v {
            None => Ok(None),
            Some(w) if *w.get_ref() >= 1 => Ok(Some(*w.get_ref() as usize)),
            Some(w) => Err(loc.error(
                w.span(),
                format!("{key} must be a positive number of words"),
                None,
            )),
        };
        let window = positive(&f.window, "window")?;
        let exclude_window = positive(&f.exclude_window, "exclude_window")?;
        let scope = match &f.scope {
            None => Scope::Sentence,
            Some(s) => match s.get_ref().as_str() {
                "sentence" => Scope::Sentence,
                "paragraph" => Scope::Paragraph,
                other => {
                    return Err(loc.error(
                        s.span(),
                        format!("unknown scope `{other}`"),
                        Some("write \"sentence\" or \"paragraph\"".into()),
                    ));
                }
            },
        };
        let mut patterns = Vec::new();
        for p in &f.patterns {
            let compiled =
                compile(p.get_ref()).map_err(|e| loc.in_string(p, e.offset, e.message, e.help))?;
            if let Some(need) = kind.placeholder()
                && compiled.placeholder != Some(need)
            {
                let name = Placeholder::ALL
                    .iter()
                    .find(|(_, q)| *q == need)
                    .map_or("", |(n, _)| n);
                return Err(loc.in_string(
                    p,
                    0,
                    format!("a {kind} pattern needs the placeholder {{{name}}} to mark the value"),
                    Some(format!("e.g. '{{{name}}} troops'")),
                ));
            }
            patterns.push(compiled);
        }
        if kind == Kind::Quantity && patterns.is_empty() {
            if f.units.is_empty() {
                return Err(loc.error(
                    f.id.span(),
                    format!("quantity fact `{id}` has neither patterns nor units"),
                    Some(
                        "add units = [\"troops\", \"soldiers\"] or patterns = ['{number} troops']"
                            .into(),
                    ),
                ));
            }
            let units: Vec<String> = f.units.iter().map(|u| regex::escape(u.trim())).collect();
            let src = format!(
                r"{{number}} (?:[\w-]+ ){{0,2}}?(?:of )?(?:{})\b",
                units.join("|")
            );
            patterns.push(compile(&src).map_err(|e| loc.error(f.id.span(), e.message, e.help))?);
        }
        if kind == Kind::Date && patterns.is_empty() {
            patterns
                .push(compile("{date}").map_err(|e| loc.error(f.id.span(), e.message, e.help))?);
        }
        let mut classes = Vec::new();
        if kind == Kind::Term {
            if f.classes.is_empty() {
                return Err(loc.error(
                    f.id.span(),
                    format!("term fact `{id}` has no classes"),
                    Some(
                        "add [fact.classes] with e.g. invasion = [\"invade\", \"invasion\"]".into(),
                    ),
                ));
            }
            for (name, terms) in &f.classes {
                if terms.get_ref().iter().all(|t| t.trim().is_empty()) {
                    return Err(loc.error(
                        terms.span(),
                        format!("class `{name}` has no words"),
                        None,
                    ));
                }
                let list: Vec<String> = terms
                    .get_ref()
                    .iter()
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
                    .collect();
                let regex = crate::extract::term::class_regex(&list).map_err(|e| {
                    loc.error(
                        terms.span(),
                        format!("class `{name}` does not compile: {e}"),
                        None,
                    )
                })?;
                classes.push(TermClass {
                    name: name.clone(),
                    terms: list,
                    regex,
                });
            }
        }
        let tolerance = parse_tolerance(&loc, f.tolerance.as_ref(), Tolerance::Absolute(0.0))?;
        let approx_margin =
            parse_tolerance(&loc, f.approx_margin.as_ref(), Tolerance::Relative(0.10))?;
        let numeric_order = match &f.numeric_order {
            None => None,
            Some(o) => Some(match o.get_ref().as_str() {
                "day-month" => NumericOrder::DayMonth,
                "month-day" => NumericOrder::MonthDay,
                other => {
                    return Err(loc.error(
                        o.span(),
                        format!("unknown numeric_order `{other}`"),
                        Some(
                            "write \"day-month\" (10/01/2022 is 10 January) or \"month-day\""
                                .into(),
                        ),
                    ));
                }
            }),
        };
        let days_only = match &f.precision {
            None => false,
            Some(p) if p.get_ref() == "day" => true,
            Some(p) if p.get_ref() == "any" => false,
            Some(p) => {
                return Err(loc.error(
                    p.span(),
                    format!("unknown precision `{}`", p.get_ref()),
                    Some("write \"day\" or \"any\"".into()),
                ));
            }
        };
        let within = match &f.within {
            None => None,
            Some(w) => {
                let bad = || {
                    loc.error(w.span(), "within must be two dates, first and last day: [\"2022-01-01\", \"2022-01-31\"]".into(), None)
                };
                let days: Vec<jiff::civil::Date> = w
                    .get_ref()
                    .iter()
                    .map(|d| d.parse::<jiff::civil::Date>())
                    .collect::<Result<_, _>>()
                    .map_err(|_| bad())?;
                match days.as_slice() {
                    [a, b] if a <= b => Some((*a, *b)),
                    _ => return Err(bad()),
                }
            }
        };
        let examples = validate_examples(&loc, text, kind, &classes, &f.example)?;
        let pos = loc
            .lines
            .position(text, f.id.span().start.max(fact_span.start));
        facts.push(Fact {
            id,
            label: f.label,
            kind,
            context,
            requires,
            exclude,
            window,
            scope,
            exclude_window,
            patterns,
            tolerance,
            approx_margin,
            numeric_order,
            in_parentheses: f.in_parentheses.unwrap_or(kind != Kind::Date),
            days_only,
            within,
            classes,
            examples,
            location: RuleLocation {
                file: file.to_path_buf(),
                line: pos.line,
                column: pos.column,
            },
        });
    }
    let (title, description) = match raw.story {
        Some(s) => (Some(s.title), s.description),
        None => (None, None),
    };
    Ok(RuleSet {
        files: vec![file.to_path_buf()],
        title,
        description,
        facts,
        speakers: raw
            .speaker
            .into_iter()
            .map(|s| SpeakerRule {
                name: s.name,
                aliases: s.aliases,
            })
            .collect(),
        entities: raw
            .entity
            .into_iter()
            .map(|e| EntityRule {
                name: e.name,
                variants: e.variants,
                note: e.note,
            })
            .collect(),
    })
}

/// `[[fact.example]]` tables → [`Example`]s: a text, a publication date that is a date, and
/// for a term fact a value that names one of its classes.
fn validate_examples(
    loc: &Locator,
    text: &str,
    kind: Kind,
    classes: &[TermClass],
    raw: &[Spanned<raw::RawExample>],
) -> Result<Vec<Example>, RuleError> {
    let mut out = Vec::new();
    for e in raw {
        let e = e.get_ref();
        if e.sentence.get_ref().trim().is_empty() {
            return Err(loc.error(
                e.sentence.span(),
                "example sentence is empty".into(),
                Some("write the text the fact should be run on".into()),
            ));
        }
        let published = match &e.published {
            None => None,
            Some(p) => Some(
                p.get_ref()
                    .trim()
                    .parse::<jiff::civil::Date>()
                    .ok()
                    .filter(|_| p.get_ref().trim().len() == 10)
                    .ok_or_else(|| {
                        loc.error(
                            p.span(),
                            format!("published date {:?} is not a date", p.get_ref()),
                            Some("write YYYY-MM-DD, e.g. \"2022-01-08\"".into()),
                        )
                    })?,
            ),
        };
        let value = e.value.get_ref().trim();
        if value.is_empty() {
            return Err(loc.error(
                e.value.span(),
                "example value is empty".into(),
                Some(format!(
                    "write the canonical value the fact must give, or \"{NO_MATCH}\" for a near miss"
                )),
            ));
        }
        let expected = if value == NO_MATCH {
            Expected::None
        } else {
            Expected::Value(value.to_string())
        };
        if kind == Kind::Term
            && let Expected::Value(v) = &expected
        {
            let class = v.strip_prefix("not:").unwrap_or(v);
            if !classes.iter().any(|c| c.name == class) {
                let names: Vec<&str> = classes.iter().map(|c| c.name.as_str()).collect();
                return Err(loc.error(
                    e.value.span(),
                    format!("example value `{v}` is not a class of this fact"),
                    Some(match did_you_mean(class, &names) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!(
                            "write a class ({}), `not:` and a class for a denial, or \"{NO_MATCH}\"",
                            names.join(", ")
                        ),
                    }),
                ));
            }
        }
        let pos = loc.lines.position(text, e.value.span().start);
        out.push(Example {
            sentence: e.sentence.get_ref().clone(),
            published,
            expected,
            todo: e.todo,
            location: RuleLocation {
                file: loc.file.to_path_buf(),
                line: pos.line,
                column: pos.column,
            },
        });
    }
    Ok(out)
}

fn parse_tolerance(
    loc: &Locator,
    value: Option<&Spanned<toml::Value>>,
    default: Tolerance,
) -> Result<Tolerance, RuleError> {
    let Some(v) = value else { return Ok(default) };
    let bad = || {
        loc.error(
            v.span(),
            "tolerance must be a percentage such as \"10%\" or a non-negative number".into(),
            None,
        )
    };
    match v.get_ref() {
        toml::Value::String(s) => {
            let pct = s.trim().strip_suffix('%').ok_or_else(bad)?;
            let n: f64 = pct.trim().parse().map_err(|_| bad())?;
            if !(0.0..=1000.0).contains(&n) {
                return Err(bad());
            }
            Ok(Tolerance::Relative(n / 100.0))
        }
        toml::Value::Integer(n) if *n >= 0 => Ok(Tolerance::Absolute(*n as f64)),
        toml::Value::Float(n) if *n >= 0.0 && n.is_finite() => Ok(Tolerance::Absolute(*n)),
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> RuleError {
        parse(Path::new("r.toml"), text).unwrap_err()
    }

    const GOOD: &str = r#"
[story]
title = "T"

[[fact]]
id = "a.troops"
label = "Troops"
kind = "quantity"
context = ["Kazakh*"]
patterns = ['{number} troops']
tolerance = "5%"
"#;

    #[test]
    fn a_good_file_validates() {
        let set = parse(Path::new("r.toml"), GOOD).unwrap();
        assert_eq!(set.title.as_deref(), Some("T"));
        let f = &set.facts[0];
        assert_eq!(f.kind, Kind::Quantity);
        assert_eq!(f.tolerance, Tolerance::Relative(0.05));
        assert_eq!(f.location.line, 6);
    }

    #[test]
    fn toml_syntax_error_has_line_and_column() {
        let e = err("[[fact]]\nid = \"x\nlabel = \"y\"\n");
        assert_eq!(e.line, Some(2));
        assert!(e.render().contains('^'), "{}", e.render());
    }

    #[test]
    fn unknown_key_suggests_the_right_one() {
        let e = err(
            "[[fact]]\nid = \"x\"\nlabel = \"y\"\nkind = \"quantity\"\ncontxt = [\"a\"]\nunits=[\"t\"]\n",
        );
        assert_eq!(e.line, Some(5));
        assert_eq!(e.help.as_deref(), Some("did you mean `context`?"));
    }

    #[test]
    fn unknown_kind_is_pointed_at() {
        let e = err("[[fact]]\nid = \"x\"\nlabel = \"y\"\nkind = \"quantiy\"\n");
        assert_eq!((e.line, e.column), (Some(4), Some(8)));
        assert_eq!(e.help.as_deref(), Some("did you mean `quantity`?"));
    }

    #[test]
    fn duplicate_id_is_refused() {
        let text = format!(
            "{GOOD}\n[[fact]]\nid = \"a.troops\"\nlabel = \"again\"\nkind = \"quantity\"\nunits = [\"x\"]\n"
        );
        let e = err(&text);
        assert!(e.message.contains("duplicate fact id `a.troops`"));
        assert_eq!(e.line, Some(14));
    }

    #[test]
    fn bad_pattern_points_into_the_string() {
        let e = err(
            "[[fact]]\nid = \"x\"\nlabel = \"y\"\nkind = \"quantity\"\npatterns = ['{number} (troops']\n",
        );
        assert_eq!(e.line, Some(5));
        // The caret sits on the unbalanced bracket: column of `(` inside the literal string.
        assert_eq!(e.column, Some(23));
    }

    #[test]
    fn quantity_pattern_without_number_is_refused() {
        let e = err(
            "[[fact]]\nid = \"x\"\nlabel = \"y\"\nkind = \"quantity\"\npatterns = ['troops']\n",
        );
        assert!(e.message.contains("{number}"), "{}", e.message);
    }

    #[test]
    fn units_make_a_default_pattern() {
        let set = parse(
            Path::new("r.toml"),
            "[[fact]]\nid = \"x\"\nlabel = \"y\"\nkind = \"quantity\"\nunits = [\"troops\", \"soldiers\"]\n",
        )
        .unwrap();
        let re = &set.facts[0].patterns[0].regex;
        let caps = re.captures("sent about 2,000 Russian soldiers").unwrap();
        assert_eq!(&caps["value"], "about 2,000");
    }
}
