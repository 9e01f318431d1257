//! The number reader through rules, end to end (rule file, article, extraction): the forms of
//! #16 and the hostile numbers of #21 item 11, on made-up articles.

use std::path::Path;

use crosscheck::corpus::Article;
use crosscheck::extract;
use crosscheck::rules;

/// Rules with these facts (TOML bodies after `[[fact]]`), an article with this body
/// (published 2026-03-02), and what extraction found: (fact, value, words) and the problems.
fn extract(facts: &[&str], body: &str) -> (Vec<(String, String, String)>, Vec<String>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let toml: String = facts.iter().map(|f| format!("[[fact]]\n{f}\n")).collect();
    let path = dir.path().join("rules.toml");
    std::fs::write(&path, toml).expect("rules written");
    let rules = rules::load(&[path]).expect("rules load");
    let text = format!("---\nsource: Velm Post\npublished: 2026-03-02\n---\n{body}\n");
    let a = Article::from_text(Path::new("velm.txt"), text).expect("article");
    let x = extract::extract(&rules, std::slice::from_ref(&a));
    let seen = x
        .observations
        .iter()
        .map(|o| (o.fact.to_string(), o.value.canonical(), o.raw.clone()))
        .collect();
    let problems = x.problems.iter().map(|p| p.message.clone()).collect();
    (seen, problems)
}

const PROFIT: &str = "id = \"orvane.profit\"\nlabel = \"Orvane's profit\"\nkind = \"quantity\"\npatterns = ['(?:fell|rose) {number}']";
const TROOPS: &str = "id = \"tarsk.troops\"\nlabel = \"troops\"\nkind = \"quantity\"\npatterns = ['{number} troops']";

fn row(fact: &str, value: &str, raw: &str) -> (String, String, String) {
    (fact.to_string(), value.to_string(), raw.to_string())
}

/// #16: "fell 12% to $4.1bn" lost the 12% (a range refused for its two units).
#[test]
fn ends_in_two_units_give_the_end_next_to_the_rules_words() {
    let (seen, problems) = extract(
        &[PROFIT],
        "Orvane's profit fell 12% to $4.1bn in the quarter.",
    );
    assert_eq!(seen, [row("orvane.profit", "12%", "12%")]);
    assert!(problems.is_empty(), "{problems:?}");
    // Words written after the number only: the right end is the fact's.
    let (seen, _) = extract(&[TROOPS], "Tarsk moved 5% to 300 troops north.");
    assert_eq!(seen, [row("tarsk.troops", "300", "300")]);
}

/// #21 item 11: a number wrapped in direction marks or isolates is read.
#[test]
fn hostile_21_11_numbers_wrapped_in_direction_marks_are_read() {
    let (seen, problems) = extract(
        &[TROOPS],
        "Tarsk sent \u{2067}4,000\u{2069} troops, then \u{200f}2,500\u{200f} troops.",
    );
    assert_eq!(
        seen,
        [
            row("tarsk.troops", "4000", "4,000"),
            row("tarsk.troops", "2500", "2,500")
        ]
    );
    assert!(problems.is_empty(), "{problems:?}");
}

/// #21 item 11: a combining mark on a digit makes the number unreadable, never 0 or 7.
#[test]
fn hostile_21_11_combining_marks_on_digits_give_no_value() {
    let (seen, _) = extract(
        &[TROOPS],
        "Tarsk sent 4\u{301},000 troops and 7 000\u{338} troops.",
    );
    assert_eq!(seen, []);
}

/// #21 item 11: 9007199254740993 became …992 and a 400-digit number `inf`; now neither is
/// read, and each is reported.
#[test]
fn hostile_21_11_numbers_beyond_fifteen_digits_are_reported_not_rounded() {
    let huge = "7".repeat(400);
    let (seen, problems) = extract(
        &[TROOPS],
        &format!(
            "Tarsk sent 9007199254740993 troops. Velm sent {huge} troops. Orlan sent 2,000 troops."
        ),
    );
    assert_eq!(seen, [row("tarsk.troops", "2000", "2,000")]);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].contains("16 significant digits"),
        "{problems:?}"
    );
    assert!(
        problems[1].contains("400 significant digits"),
        "{problems:?}"
    );
    assert!(problems.iter().all(|p| p.len() < 200), "{problems:?}");
}
