//! The second step of reading a rule file: raw structs → runtime facts, rejecting what
//! serde could not (unknown kinds, bad patterns, empty lists, duplicate ids).

use std::collections::HashMap;
use std::path::Path;

use toml::Spanned;

use super::kind::{default_pattern, options};
use super::{
    EntityRule, Example, Expected, Fact, FactKind, Kind, Locator, NO_MATCH, Pattern, PatternError,
    Placeholder, RuleError, RuleLocation, RuleSet, Scope, SpeakerRule, WordSet, did_you_mean,
    pattern, raw,
};

/// The second step: raw structs → runtime facts, rejecting what serde could not.
pub fn validate(file: &Path, text: &str, raw: raw::RuleFile) -> Result<RuleSet, RuleError> {
    validate_each(file, text, raw).map_err(|mut errors| errors.swap_remove(0))
}

/// [`validate`], with the first error of every fact rather than of the file: `lint` shows
/// them all at once, so fixing one does not only reveal the next. Never an empty list.
pub fn validate_each(
    file: &Path,
    text: &str,
    raw: raw::RuleFile,
) -> Result<RuleSet, Vec<RuleError>> {
    let loc = Locator::new(file, text);
    let mut errors: Vec<RuleError> = Vec::new();
    let mut facts: Vec<Fact> = Vec::new();
    let mut seen = Seen::default();
    for spanned in raw.fact {
        // Each fact's first error, if any; the other facts are still read.
        match fact_of(spanned, &facts, &mut seen, &loc, text, file) {
            Ok(fact) => facts.push(fact),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let (title, description) = match raw.story {
        Some(s) => (Some(s.title), s.description),
        None => (None, None),
    };
    Ok(RuleSet {
        discovered: false,
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

/// Compiling a regex is the dearest step of loading rules, and rule files repeat
/// themselves (every date fact without patterns runs `{date}`, facts share context
/// lists): each distinct pattern or word list compiles once per file, and its copies
/// share the compiled program (a `Regex` clone shares it). Only successes are kept.
#[derive(Default)]
struct Seen {
    patterns: HashMap<String, Pattern>,
    words: HashMap<Vec<String>, WordSet>,
}

impl Seen {
    fn pattern(&mut self, source: &str) -> Result<Pattern, PatternError> {
        if let Some(p) = self.patterns.get(source) {
            return Ok(p.clone());
        }
        let p = pattern::compile(source)?;
        self.patterns.insert(source.to_string(), p.clone());
        Ok(p)
    }

    /// A word list (`context`, `exclude`, `requires`, `subject`), or None when empty.
    fn words(
        &mut self,
        loc: &Locator,
        list: &[Spanned<String>],
    ) -> Result<Option<WordSet>, RuleError> {
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
        if let Some(ws) = self.words.get(&key) {
            return Ok(Some(ws.clone()));
        }
        let ws = WordSet::new(&plain).map_err(|e| {
            let at = list.first().map_or(0..0, Spanned::span);
            loc.error(at, e.message, e.help)
        })?;
        self.words.insert(key, ws.clone());
        Ok(Some(ws))
    }
}

/// One `[[fact]]` table → a [`Fact`], or its first error; `before` are the facts of the
/// file read so far (an id must not repeat).
fn fact_of(
    spanned: Spanned<raw::RawFact>,
    before: &[Fact],
    seen: &mut Seen,
    loc: &Locator,
    text: &str,
    file: &Path,
) -> Result<Fact, RuleError> {
    let fact_span = spanned.span();
    let f = spanned.into_inner();
    let id = f.id.get_ref().trim().to_string();
    if id.is_empty() {
        return Err(loc.error(f.id.span(), "fact id is empty".into(), None));
    }
    // An id is printed in every report, terminal and CI log: a control or bidi-override
    // character there could rewrite what the reader sees.
    if let Some(c) = id.chars().find(|&c| c.is_control() || is_bidi_control(c)) {
        return Err(loc.error(
            f.id.span(),
            format!("fact id contains the control character U+{:04X}", c as u32),
            Some("use letters, digits, `.`, `-` and `_`, e.g. \"story.troops\"".into()),
        ));
    }
    if let Some(prev) = before.iter().find(|p| p.id == id) {
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
    let context = seen.words(loc, &f.context)?;
    let exclude = seen.words(loc, &f.exclude)?;
    let mut requires = Vec::new();
    for r in f.requires.iter().chain(&f.subject) {
        if let Some(ws) = seen.words(loc, std::slice::from_ref(r))? {
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
        let compiled = seen
            .pattern(p.get_ref())
            .map_err(|e| loc.in_string(p, e.offset, e.message, e.help))?;
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
    if patterns.is_empty()
        && let Some(source) = default_pattern(loc, kind, &f)?
    {
        patterns.push(
            seen.pattern(&source)
                .map_err(|e| loc.error(f.id.span(), e.message, e.help))?,
        );
    }
    let options = options(loc, kind, &f)?;
    let examples = validate_examples(loc, text, &options, &f.example)?;
    let pos = loc
        .lines
        .position(text, f.id.span().start.max(fact_span.start));
    Ok(Fact {
        id,
        label: f.label,
        kind: options,
        context,
        requires,
        exclude,
        window,
        scope,
        exclude_window,
        patterns,
        in_parentheses: f.in_parentheses.unwrap_or(kind.counts_parentheses()),
        examples,
        location: RuleLocation {
            file: file.to_path_buf(),
            line: pos.line,
            column: pos.column,
        },
    })
}

/// `[[fact.example]]` tables → [`Example`]s: a text, a publication date that is a date, and
/// for a term fact a value that names one of its classes.
fn validate_examples(
    loc: &Locator,
    text: &str,
    kind: &FactKind,
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
        if let FactKind::Term { classes } = kind
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

/// Unicode's explicit direction marks and overrides (U+200E/F, U+202A–E, U+2066–9): not
/// `char::is_control`, but they reorder what a terminal shows.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}
