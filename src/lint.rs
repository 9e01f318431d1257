//! Lint: rule files checked without a corpus.
//!
//! Beside the flow, before it: every rule file is read and validated on its own, so one run
//! reports the errors of every file (not only the first), each with file:line:column and a
//! caret ([`RuleError::render`]). Files that validate are then looked at for rules that are
//! valid but cannot do what their author meant: a fact that can never match (a context word
//! its own `exclude` drops, a pattern that matches the empty string), a term class that
//! loses every word to another class, two facts that find exactly the same thing, keys the
//! fact's kind ignores, and facts without examples for `crosscheck test`. Those are
//! warnings, placed in the file the same way.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;

use toml::Spanned;

use crate::rules::{self, Kind, Locator, RuleError, RuleSet, Scope, raw};

/// What lint found in a set of rule files.
#[derive(Debug, Clone, Default)]
pub struct Lint {
    pub files: usize,
    pub facts: usize,
    pub errors: Vec<RuleError>,
    pub warnings: Vec<RuleError>,
}

impl Lint {
    /// Every error, then every warning, each a short block with its place and help,
    /// followed by a blank line (`lint` writes them on standard error).
    pub fn write_diagnostics(&self, out: &mut dyn Write) -> io::Result<()> {
        for e in &self.errors {
            writeln!(out, "{}\n", e.render())?;
        }
        for w in &self.warnings {
            writeln!(out, "{}\n", w.render_as("warning"))?;
        }
        Ok(())
    }

    /// One line: how many files and facts were read, and what was found in them.
    pub fn write_summary(&self, out: &mut dyn Write) -> io::Result<()> {
        let s = |n: usize| if n == 1 { "" } else { "s" };
        writeln!(
            out,
            "{} rule file{}, {} fact{}: {} error{}, {} warning{}",
            self.files,
            s(self.files),
            self.facts,
            s(self.facts),
            self.errors.len(),
            s(self.errors.len()),
            self.warnings.len(),
            s(self.warnings.len()),
        )
    }
}

/// What one fact looks for, for telling two facts that find the same thing.
struct Recipe {
    signature: String,
    id: String,
    warning_at: RuleError,
}

/// Lint every rule file under `paths`.
pub fn lint(paths: &[PathBuf]) -> Lint {
    let mut out = Lint::default();
    let files = match rules::rule_files(paths) {
        Ok(f) => f,
        Err(e) => {
            out.errors.push(e);
            return out;
        }
    };
    out.files = files.len();
    let mut recipes: Vec<Recipe> = Vec::new();
    for file in &files {
        let text = match rules::read_text(file) {
            Ok(t) => t,
            Err(e) => {
                out.errors.push(e);
                continue;
            }
        };
        let set = match rules::parse_each(file, &text) {
            Ok(s) => s,
            Err(errors) => {
                // Every fact's first error at once; the facts are still counted.
                out.facts += toml::from_str::<raw::RuleFile>(&text).map_or(0, |r| r.fact.len());
                out.errors.extend(errors);
                continue;
            }
        };
        out.facts += set.facts.len();
        // The file validated, so it parses; the raw form keeps every key's position.
        let Ok(raw) = toml::from_str::<raw::RuleFile>(&text) else {
            continue;
        };
        let loc = Locator::new(file, &text);
        check_file(&loc, &raw, &set, &mut out.warnings, &mut recipes);
    }
    // Duplicate ids across files are an error of the set, not of one file.
    if out.errors.is_empty()
        && let Err(e) = rules::load(&files)
    {
        out.errors.push(e);
    }
    for (i, r) in recipes.iter().enumerate() {
        if let Some(first) = recipes[..i].iter().find(|p| p.signature == r.signature) {
            let mut w = r.warning_at.clone();
            w.message = format!(
                "fact `{}` finds exactly what fact `{}` finds: same kind, patterns and words",
                r.id, first.id
            );
            w.help = Some("remove one, or tell them apart with context or exclude".into());
            out.warnings.push(w);
        }
    }
    out
}

fn warn(
    loc: &Locator,
    span: std::ops::Range<usize>,
    message: String,
    help: Option<&str>,
) -> RuleError {
    loc.error(span, message, help.map(str::to_string))
}

/// A word list entry as compared: lower case, trimmed.
fn norm(w: &str) -> String {
    w.trim().to_lowercase()
}

/// Does an `exclude` entry drop every occurrence of `word`? `Valdor*` covers `Valdoria`
/// and `Valdor*`; `border` covers only `border`.
fn covers(exclude: &str, word: &str) -> bool {
    let (e, w) = (norm(exclude), norm(word));
    match e.strip_suffix('*') {
        Some(prefix) => w.trim_end_matches('*').starts_with(prefix),
        None => !w.ends_with('*') && e == w,
    }
}

fn check_file(
    loc: &Locator,
    raw: &raw::RuleFile,
    set: &RuleSet,
    warnings: &mut Vec<RuleError>,
    recipes: &mut Vec<Recipe>,
) {
    for (spanned, fact) in raw.fact.iter().zip(&set.facts) {
        let f = spanned.get_ref();
        let id_span = f.id.span();
        check_words(loc, f, fact, warnings);
        // A pattern that can match nothing at all finds "values" of no words.
        for (p, compiled) in f.patterns.iter().zip(&fact.patterns) {
            if compiled.matches_empty() {
                warnings.push(
                    loc.in_string(
                        p,
                        0,
                        "this pattern can match the empty string".into(),
                        Some(
                            "make the placeholder and the words around it required, not optional"
                                .into(),
                        ),
                    ),
                );
            }
        }
        check_classes(loc, f, fact.kind.tag(), warnings);
        check_ignored_keys(loc, f, fact.kind.tag(), warnings);
        if fact.examples.is_empty() {
            warnings.push(warn(
                loc,
                id_span.clone(),
                format!("fact `{}` has no examples", fact.id),
                Some(
                    "add [[fact.example]] with a sentence and the value it must give, so `crosscheck test` can check the rule",
                ),
            ));
        }
        let sorted = |list: &[Spanned<String>]| {
            let mut v: Vec<String> = list.iter().map(|s| norm(s.get_ref())).collect();
            v.sort();
            v
        };
        let mut patterns: Vec<&str> = fact.patterns.iter().map(|p| p.source.as_str()).collect();
        patterns.sort();
        let classes: BTreeMap<&String, Vec<String>> = f
            .classes
            .iter()
            .map(|(k, v)| {
                let mut words: Vec<String> = v.get_ref().iter().map(|w| norm(w)).collect();
                words.sort();
                (k, words)
            })
            .collect();
        let mut requires = sorted(&f.requires);
        requires.extend(sorted(&f.subject));
        requires.sort();
        recipes.push(Recipe {
            signature: format!(
                "{:?}",
                (
                    fact.kind.tag(),
                    patterns,
                    sorted(&f.context),
                    requires,
                    sorted(&f.exclude),
                    (fact.window, fact.scope, fact.exclude_window),
                    classes,
                )
            ),
            id: fact.id.clone(),
            warning_at: warn(loc, id_span, String::new(), None),
        });
    }
}

/// Context and required words that the fact's own `exclude` always drops.
fn check_words(loc: &Locator, f: &raw::RawFact, fact: &rules::Fact, warnings: &mut Vec<RuleError>) {
    if f.exclude.is_empty() {
        return;
    }
    // An excluded word drops the match when it is in the sentence (within `exclude_window`
    // words, when set). A context word is then always dropped only if it must itself be in
    // the sentence and within that distance.
    let always = fact.scope == Scope::Sentence
        && match (fact.exclude_window, fact.window) {
            (None, _) => true,
            (Some(ew), Some(w)) => w <= ew,
            (Some(_), None) => false,
        };
    if !always {
        return;
    }
    let excluded_by = |word: &str| {
        f.exclude
            .iter()
            .find(|e| covers(e.get_ref(), word))
            .map(|e| e.get_ref().trim().to_string())
    };
    let dropped: Vec<(&Spanned<String>, String)> = f
        .context
        .iter()
        .filter_map(|c| excluded_by(c.get_ref()).map(|e| (c, e)))
        .collect();
    let all = !f.context.is_empty() && dropped.len() == f.context.len();
    for (c, e) in &dropped {
        let message = if all {
            format!(
                "context word `{}` is also excluded (by `{e}`), as is every context word: this fact can never match",
                c.get_ref().trim()
            )
        } else {
            format!(
                "context word `{}` is also excluded (by `{e}`): a match near it is always dropped",
                c.get_ref().trim()
            )
        };
        warnings.push(loc.in_string(
            c,
            0,
            message,
            Some("remove the word from `context` or from `exclude`".into()),
        ));
    }
    for r in f.requires.iter().chain(&f.subject) {
        let alternatives: Vec<&str> = r.get_ref().split('|').collect();
        if alternatives.iter().all(|a| excluded_by(a).is_some()) {
            warnings.push(loc.in_string(
                r,
                0,
                format!(
                    "every word of the required `{}` is also excluded: this fact can never match",
                    r.get_ref().trim()
                ),
                Some("remove the word from `requires` or from `exclude`".into()),
            ));
        }
    }
}

/// Term classes that share words: a word in two classes is only ever counted for one.
fn check_classes(loc: &Locator, f: &raw::RawFact, kind: Kind, warnings: &mut Vec<RuleError>) {
    if !kind.reads("classes") {
        return;
    }
    // Classes are tried in name order; on the same words the first class keeps the match.
    let classes: Vec<(&String, &Spanned<Vec<String>>)> = f.classes.iter().collect();
    for (i, (name, words)) in classes.iter().enumerate() {
        let mut lost = Vec::new();
        for w in words.get_ref() {
            if let Some((other, _)) = classes[..i]
                .iter()
                .find(|(_, ws)| ws.get_ref().iter().any(|x| norm(x) == norm(w)))
            {
                lost.push((w.trim().to_string(), other.to_string()));
            }
        }
        if lost.is_empty() {
            continue;
        }
        let never = lost.len()
            == words
                .get_ref()
                .iter()
                .filter(|w| !w.trim().is_empty())
                .count();
        let list = lost
            .iter()
            .map(|(w, o)| format!("`{w}` (also in `{o}`)"))
            .collect::<Vec<_>>()
            .join(", ");
        let message = if never {
            format!("class `{name}` can never match: every word is also in another class: {list}")
        } else {
            format!("class `{name}` shares words with another class, which keeps them: {list}")
        };
        warnings.push(warn(
            loc,
            words.span(),
            message,
            Some("a word belongs in one class; the class first by name wins"),
        ));
    }
    if f.classes.contains_key(rules::NO_MATCH) {
        warnings.push(warn(
            loc,
            f.id.span(),
            format!(
                "a class is named `{}`, which examples use for \"must not match\"",
                rules::NO_MATCH
            ),
            Some("rename the class"),
        ));
    }
}

/// Keys that the fact's kind never reads.
fn check_ignored_keys(loc: &Locator, f: &raw::RawFact, kind: Kind, warnings: &mut Vec<RuleError>) {
    let id = f.id.span();
    let ignored = Kind::OWN_KEYS
        .iter()
        .filter(|(key, _)| !kind.reads(key))
        .filter_map(|(key, _)| Some((*key, f.span_of(key)?)));
    for (key, span) in ignored {
        warnings.push(warn(
            loc,
            span,
            format!("`{key}` does nothing for a {kind} fact"),
            Some("remove it, or check the fact's `kind`"),
        ));
    }
    // Units the number reader knows ("%", "USD") filter values even with patterns; only
    // unit words ("troops") are for the default pattern.
    let unit_words = f
        .units
        .iter()
        .any(|u| crate::read::number::Unit::named(u).is_none());
    if kind.reads("units") && !f.patterns.is_empty() && unit_words {
        warnings.push(warn(
            loc,
            id.clone(),
            "unit words in `units` are ignored: the fact has `patterns`".into(),
            Some("put the unit words in the patterns, or drop `patterns` to use the units"),
        ));
    }
    if let Some(w) = &f.window
        && f.context.is_empty()
        && f.requires.is_empty()
        && f.subject.is_empty()
    {
        warnings.push(warn(
            loc,
            w.span(),
            "`window` does nothing without `context` or `requires`".into(),
            None,
        ));
    }
    if let Some(w) = &f.exclude_window
        && f.exclude.is_empty()
    {
        warnings.push(warn(
            loc,
            w.span(),
            "`exclude_window` does nothing without `exclude`".into(),
            None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint_text(text: &str) -> Lint {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.toml");
        std::fs::write(&path, text).unwrap();
        lint(&[path])
    }

    fn messages(l: &Lint) -> Vec<String> {
        l.warnings.iter().map(|w| w.message.clone()).collect()
    }

    const EXAMPLE: &str = "[[fact.example]]\nsentence = \"x\"\nvalue = \"none\"\n";

    #[test]
    fn a_context_word_that_is_excluded_is_pointed_at() {
        let l = lint_text(&format!(
            "[[fact]]\nid = \"a\"\nlabel = \"a\"\nkind = \"quantity\"\nunits = [\"troops\"]\ncontext = [\"border\"]\nexclude = [\"Border\", \"withdrawn\"]\n{EXAMPLE}"
        ));
        assert!(l.errors.is_empty());
        assert_eq!(l.warnings.len(), 1, "{:?}", messages(&l));
        let w = &l.warnings[0];
        assert!(w.message.contains("can never match"), "{}", w.message);
        assert_eq!((w.line, w.column), (Some(6), Some(13)));
    }

    #[test]
    fn a_wildcard_exclude_covers_a_longer_required_word() {
        let l = lint_text(&format!(
            "[[fact]]\nid = \"a\"\nlabel = \"a\"\nkind = \"quantity\"\nunits = [\"troops\"]\nrequires = [\"Valdoria|Valdorans\"]\nexclude = [\"Valdor*\"]\n{EXAMPLE}"
        ));
        assert_eq!(l.warnings.len(), 1, "{:?}", messages(&l));
        assert!(
            l.warnings[0]
                .message
                .contains("required `Valdoria|Valdorans`")
        );
    }

    #[test]
    fn an_exclude_window_narrower_than_the_context_window_is_fine() {
        let l = lint_text(&format!(
            "[[fact]]\nid = \"a\"\nlabel = \"a\"\nkind = \"quantity\"\nunits = [\"troops\"]\ncontext = [\"border\"]\nwindow = 8\nexclude = [\"border\"]\nexclude_window = 2\n{EXAMPLE}"
        ));
        assert!(l.warnings.is_empty(), "{:?}", messages(&l));
    }

    #[test]
    fn a_pattern_that_matches_nothing_is_flagged() {
        let l = lint_text(&format!(
            "[[fact]]\nid = \"a\"\nlabel = \"a\"\nkind = \"quantity\"\npatterns = ['(?:{{number}} troops)?']\n{EXAMPLE}"
        ));
        assert_eq!(
            messages(&l),
            vec!["this pattern can match the empty string"]
        );
        assert_eq!(l.warnings[0].line, Some(5));
    }

    #[test]
    fn shared_class_words_and_a_class_that_can_never_match() {
        let l = lint_text(&format!(
            "[[fact]]\nid = \"a\"\nlabel = \"a\"\nkind = \"term\"\n{EXAMPLE}[fact.classes]\ndeployment = [\"deploy\", \"send\"]\nmission = [\"deploy\"]\ntransfer = [\"send\", \"transfer\"]\n"
        ));
        let m = messages(&l);
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(m[0].starts_with("class `mission` can never match"), "{m:?}");
        assert!(m[1].starts_with("class `transfer` shares words"), "{m:?}");
        assert_eq!(l.warnings[0].line, Some(10));
    }

    #[test]
    fn two_facts_that_find_the_same_thing() {
        let fact = |id: &str| {
            format!(
                "[[fact]]\nid = \"{id}\"\nlabel = \"x\"\nkind = \"quantity\"\nunits = [\"troops\"]\ncontext = [\"Ukraine\"]\n{EXAMPLE}"
            )
        };
        let l = lint_text(&format!("{}\n{}", fact("a"), fact("b")));
        assert_eq!(
            messages(&l),
            vec!["fact `b` finds exactly what fact `a` finds: same kind, patterns and words"]
        );
    }

    #[test]
    fn missing_examples_and_ignored_keys_are_warned() {
        let l =
            lint_text("[[fact]]\nid = \"a\"\nlabel = \"a\"\nkind = \"date\"\ntolerance = \"5%\"\n");
        let m = messages(&l);
        assert!(m.contains(&"fact `a` has no examples".to_string()), "{m:?}");
        assert!(
            m.contains(&"`tolerance` does nothing for a date fact".to_string()),
            "{m:?}"
        );
    }

    #[test]
    fn every_bad_file_is_reported_not_only_the_first() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.toml"),
            "[[fact]]\nid = \"a\"\nlabel = \"a\"\nkind = \"quantiy\"\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("b.toml"), "[[fact]]\nid = \"b\"\nlabel = \"b\"\nkind = \"date\"\nwithin = [\"2022-02-01\", \"2022-01-01\"]\n").unwrap();
        let l = lint(&[dir.path().to_path_buf()]);
        assert_eq!(l.errors.len(), 2);
        assert_eq!(l.errors[0].line, Some(4));
        assert!(
            l.errors[1].message.contains("within"),
            "{}",
            l.errors[1].message
        );
    }

    #[test]
    fn every_bad_fact_of_a_file_is_reported_and_counted() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.toml");
        std::fs::write(
            &file,
            "[[fact]]\nid = \"a\"\nlabel = \"a\"\nkind = \"quantiy\"\n\n\
             [[fact]]\nid = \"b\"\nlabel = \"b\"\nkind = \"date\"\nscope = \"page\"\n\n\
             [[fact]]\nid = \"c\"\nlabel = \"c\"\nkind = \"quantity\"\nunits = [\"boats\"]\n",
        )
        .unwrap();
        let l = lint(&[file]);
        let lines: Vec<Option<usize>> = l.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [Some(4), Some(10)], "{:?}", l.errors);
        assert_eq!(l.facts, 3);
    }
}
