//! Rule tests: run every `[[fact.example]]` of a rule set and say whether the fact reads it
//! as the example expects.
//!
//! Beside the flow, not in it: an example is turned into a one-paragraph [`Article`] (with
//! the example's publication date as front matter) and run through
//! [`extract::extract_article`], the code a real `check` uses, so a rule that passes its
//! tests reads articles the same way. As in ast-grep's `sg test`, each example ends as one
//! [`Outcome`]: passed, missing (a value was expected, none was found), noisy (a near miss
//! matched) or wrong (another value). Examples marked `todo` are known gaps: reported, never
//! failing, and flagged when they start to pass.

use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use crate::corpus::Article;
use crate::extract;
use crate::rules::{Example, Expected, Fact, RuleLocation, RuleSet};

/// How one example fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The fact gave exactly the expected value, or nothing for a near miss.
    Passed,
    /// A value was expected; the fact found none.
    Missing,
    /// A near miss: the fact should not have matched, and did.
    Noisy,
    /// The fact gave another value (or the expected one and others besides).
    Wrong,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Passed => "passed",
            Outcome::Missing => "missing",
            Outcome::Noisy => "noisy",
            Outcome::Wrong => "wrong",
        }
    }
}

/// One example's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExampleResult {
    pub fact: String,
    /// Where the example's `value` is written.
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub sentence: String,
    pub published: Option<String>,
    pub expected: Expected,
    /// Distinct canonical values the fact gave, in text order.
    pub got: Vec<String>,
    /// Values that looked like the fact but could not be read ("February 30").
    pub problems: Vec<String>,
    pub outcome: Outcome,
    pub todo: bool,
}

impl ExampleResult {
    /// Does this result fail the run? A `todo` example never does.
    pub fn fails(&self) -> bool {
        self.outcome != Outcome::Passed && !self.todo
    }

    fn got_text(&self) -> String {
        if self.got.is_empty() {
            "none".to_string()
        } else {
            self.got.join(", ")
        }
    }
}

/// Every example of a rule set, run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TestRun {
    pub results: Vec<ExampleResult>,
    /// Facts that carry no example, which `test` cannot check.
    pub untested: Vec<String>,
    pub summary: Summary,
}

/// Counts for the closing line.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub passed: usize,
    pub failed: usize,
    pub missing: usize,
    pub noisy: usize,
    pub wrong: usize,
    pub todo: usize,
    /// `todo` examples that pass now: their `todo` can be removed.
    pub todo_passing: usize,
}

impl TestRun {
    pub fn failed(&self) -> bool {
        self.summary.failed > 0
    }
}

/// Run every example of every fact, in rule order then example order.
pub fn run(rules: &RuleSet) -> TestRun {
    let mut results = Vec::new();
    let mut untested = Vec::new();
    for fact in &rules.facts {
        if fact.examples.is_empty() {
            untested.push(fact.id.clone());
        }
        for ex in &fact.examples {
            results.push(run_example(rules, fact, ex));
        }
    }
    let mut summary = Summary::default();
    for r in &results {
        match (r.todo, r.outcome) {
            (true, Outcome::Passed) => {
                summary.todo += 1;
                summary.todo_passing += 1;
            }
            (true, _) => summary.todo += 1,
            (false, Outcome::Passed) => summary.passed += 1,
            (false, o) => {
                summary.failed += 1;
                match o {
                    Outcome::Missing => summary.missing += 1,
                    Outcome::Noisy => summary.noisy += 1,
                    _ => summary.wrong += 1,
                }
            }
        }
    }
    TestRun {
        results,
        untested,
        summary,
    }
}

/// The article an example stands for: its text as the body, its date as front matter.
fn example_article(ex: &Example) -> Result<Article, String> {
    let body = ex.sentence.trim_end();
    let text = match ex.published {
        Some(d) => format!("---\npublished: {d}\n---\n{body}\n"),
        None => format!("{body}\n"),
    };
    Article::from_text(Path::new("example.txt"), text).map_err(|p| p.message)
}

/// Run one example through the extraction a real run uses, with only its own fact.
pub fn run_example(rules: &RuleSet, fact: &Fact, ex: &Example) -> ExampleResult {
    let (got, problems) = match example_article(ex) {
        Ok(article) => {
            let only = RuleSet {
                facts: vec![fact.clone()],
                speakers: rules.speakers.clone(),
                entities: rules.entities.clone(),
                ..RuleSet::default()
            };
            let found = extract::extract_article(&only, &article, 0);
            let mut got: Vec<String> = Vec::new();
            for o in found.observations.iter().filter(|o| *o.fact == *fact.id) {
                let v = o.value.canonical();
                if !got.contains(&v) {
                    got.push(v);
                }
            }
            let problems = found
                .problems
                .iter()
                .map(|p| format!("{:?}: {}", p.span.slice(&article.text), p.message))
                .collect();
            (got, problems)
        }
        Err(message) => (Vec::new(), vec![message]),
    };
    let outcome = match (&ex.expected, got.as_slice()) {
        (Expected::None, []) => Outcome::Passed,
        (Expected::None, _) => Outcome::Noisy,
        (Expected::Value(_), []) => Outcome::Missing,
        (Expected::Value(v), [only]) if only == v => Outcome::Passed,
        (Expected::Value(_), _) => Outcome::Wrong,
    };
    let RuleLocation { file, line, column } = &ex.location;
    ExampleResult {
        fact: fact.id.clone(),
        file: file.display().to_string(),
        line: *line,
        column: *column,
        sentence: ex.sentence.clone(),
        published: ex.published.map(|d| d.to_string()),
        expected: ex.expected.clone(),
        got,
        problems,
        outcome,
        todo: ex.todo,
    }
}

/// The run as text: one line per fact, then every failure and todo with got/expected and
/// the example's file:line:column, then a summary line.
pub fn write_text(run: &TestRun, out: &mut dyn Write) -> io::Result<()> {
    let width = run
        .results
        .iter()
        .map(|r| r.fact.chars().count())
        .chain(run.untested.iter().map(|f| f.chars().count()))
        .max()
        .unwrap_or(0);
    let mut facts: Vec<&str> = Vec::new();
    for r in &run.results {
        if !facts.contains(&r.fact.as_str()) {
            facts.push(&r.fact);
        }
    }
    for fact in &facts {
        let mine: Vec<&ExampleResult> = run.results.iter().filter(|r| r.fact == *fact).collect();
        let count = |o: Outcome| mine.iter().filter(|r| !r.todo && r.outcome == o).count();
        let mut parts = Vec::new();
        for o in [
            Outcome::Missing,
            Outcome::Noisy,
            Outcome::Wrong,
            Outcome::Passed,
        ] {
            let n = count(o);
            if n > 0 {
                parts.push(format!("{n} {}", o.name()));
            }
        }
        let todo = mine.iter().filter(|r| r.todo).count();
        if todo > 0 {
            parts.push(format!("{todo} todo"));
        }
        let mark = if mine.iter().any(|r| r.fails()) {
            "✗"
        } else {
            "✓"
        };
        writeln!(out, "{mark} {fact:<width$}  {}", parts.join(", "))?;
    }
    for fact in &run.untested {
        writeln!(out, "· {fact:<width$}  no examples")?;
    }
    let failures: Vec<&ExampleResult> = run.results.iter().filter(|r| r.fails()).collect();
    let todos: Vec<&ExampleResult> = run.results.iter().filter(|r| r.todo).collect();
    if !failures.is_empty() {
        writeln!(out, "\nfailures:")?;
        for r in &failures {
            write_detail(r, out)?;
        }
    }
    if !todos.is_empty() {
        writeln!(out, "\ntodo (known gaps, not failing):")?;
        for r in &todos {
            write_detail(r, out)?;
        }
    }
    let s = &run.summary;
    let verdict = if run.failed() { "FAILED" } else { "ok" };
    let mut tail = String::new();
    if s.todo > 0 {
        tail.push_str(&format!("; {} todo", s.todo));
        if s.todo_passing > 0 {
            tail.push_str(&format!(" ({} now passing)", s.todo_passing));
        }
    }
    if !run.untested.is_empty() {
        tail.push_str(&format!("; {} facts without examples", run.untested.len()));
    }
    writeln!(
        out,
        "\nrule tests {verdict}: {} passed; {} failed ({} missing, {} noisy, {} wrong){tail}",
        s.passed, s.failed, s.missing, s.noisy, s.wrong
    )
}

/// `rules/x.toml:40:9: vd.troops: wrong: got ~3000, expected ~2000`, then the text.
fn write_detail(r: &ExampleResult, out: &mut dyn Write) -> io::Result<()> {
    let what = match (r.todo, r.outcome) {
        (true, Outcome::Passed) => "todo, now passing (remove `todo = true`)".to_string(),
        (true, o) => format!("todo, {}", o.name()),
        (false, o) => o.name().to_string(),
    };
    writeln!(
        out,
        "{}:{}:{}: {}: {what}: got {}, expected {}",
        r.file,
        r.line,
        r.column,
        r.fact,
        r.got_text(),
        r.expected
    )?;
    let text = crate::text::collapse_spaces(&r.sentence);
    match &r.published {
        Some(d) => writeln!(out, "    text: {text}  (published {d})")?,
        None => writeln!(out, "    text: {text}")?,
    }
    for p in &r.problems {
        writeln!(out, "    could not read {p}")?;
    }
    Ok(())
}

/// The run as JSON, for tools.
pub fn write_json(run: &TestRun, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, run)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(examples: &str) -> RuleSet {
        let text = format!(
            "[[fact]]\nid = \"vd.troops\"\nlabel = \"t\"\nkind = \"quantity\"\nunits = [\"troops\", \"soldiers\"]\ncontext = [\"Valdor*\"]\nwindow = 6\n{examples}"
        );
        crate::rules::parse(Path::new("r.toml"), &text).expect("rule")
    }

    fn outcomes(run: &TestRun) -> Vec<(Outcome, bool)> {
        run.results.iter().map(|r| (r.outcome, r.todo)).collect()
    }

    #[test]
    fn each_outcome_is_told_apart() {
        let set = rules(
            r#"
[[fact.example]]
sentence = "About 2,000 soldiers went to Valdoria."
value = "~2000"
[[fact.example]]
sentence = "About 2,000 soldiers went to Valdoria."
value = "~3000"
[[fact.example]]
sentence = "Valdoria asked for help."
value = "~2000"
[[fact.example]]
sentence = "Russia sent 2,000 troops to Valdoria."
value = "none"
[[fact.example]]
sentence = "The 100,000 troops near Ukraine stayed."
value = "none"
"#,
        );
        let run = run(&set);
        assert_eq!(
            outcomes(&run),
            vec![
                (Outcome::Passed, false),
                (Outcome::Wrong, false),
                (Outcome::Missing, false),
                (Outcome::Noisy, false),
                (Outcome::Passed, false),
            ]
        );
        assert_eq!(run.results[1].got, vec!["~2000"]);
        assert_eq!(run.summary.failed, 3);
        assert!(run.failed());
    }

    #[test]
    fn todo_does_not_fail_and_says_when_it_passes() {
        let set = rules(
            r#"
[[fact.example]]
sentence = "Valdoria received a contingent of two battalions."
value = "~1000"
todo = true
[[fact.example]]
sentence = "Russia sent 2,000 troops to Valdoria."
value = "2000"
todo = true
"#,
        );
        let run = run(&set);
        assert!(!run.failed());
        assert_eq!(run.summary.todo, 2);
        assert_eq!(run.summary.todo_passing, 1);
        let mut text = Vec::new();
        write_text(&run, &mut text).unwrap();
        let text = String::from_utf8(text).unwrap();
        assert!(text.contains("todo, now passing"), "{text}");
        assert!(text.contains("rule tests ok: 0 passed; 0 failed"), "{text}");
    }

    #[test]
    fn a_failure_line_names_the_example_and_both_values() {
        let set = rules(
            "\n[[fact.example]]\nsentence = \"About 2,000 soldiers went to Valdoria.\"\nvalue = \"~3000\"\n",
        );
        let mut text = Vec::new();
        write_text(&run(&set), &mut text).unwrap();
        let text = String::from_utf8(text).unwrap();
        // value = … is on line 11 (seven lines of fact, a blank, the table, the sentence),
        // column 9.
        assert!(
            text.contains("r.toml:11:9: vd.troops: wrong: got ~2000, expected ~3000"),
            "{text}"
        );
        assert!(
            text.contains("rule tests FAILED: 0 passed; 1 failed (0 missing, 0 noisy, 1 wrong)")
        );
    }

    #[test]
    fn a_weekday_reads_against_the_example_date() {
        let set = crate::rules::parse(
            Path::new("r.toml"),
            r#"
[[fact]]
id = "d"
label = "d"
kind = "date"
context = ["Valdor*"]
[[fact.example]]
sentence = "Ortega requested Valdor help Wednesday."
published = "2022-01-08"
value = "2022-01-05"
"#,
        )
        .unwrap();
        assert_eq!(outcomes(&run(&set)), vec![(Outcome::Passed, false)]);
    }
}
