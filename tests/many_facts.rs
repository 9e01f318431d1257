//! Many facts (issue 21, item 8): a rule set of thousands of facts loads, lints and checks
//! in memory and time that grow gently with the number of facts.
//!
//! Every `{number}` or `{date}` pattern brings in the whole number or date reader (about a
//! megabyte of program, tens of milliseconds to compile). Compiled at load, 1,000 facts
//! took 3.2 GB and 95 s to check five articles. A pattern is now checked at load with a
//! stand-in for the placeholder and compiled the first time a paragraph passes its fact's
//! gate (its context words are there): a fact whose words no article holds costs a few
//! kilobytes. Its own binary, so that the process's peak memory is this test's.

use std::fmt::Write as _;
use std::path::Path;

use crosscheck::corpus::Article;
use crosscheck::extract::extract;
use crosscheck::rules::parse;

const UNITS: [&str; 6] = ["troops", "tanks", "drones", "nurses", "voters", "flights"];
const EVENTS: [&str; 4] = ["talks", "summit", "vote", "hearing"];

/// A made-up place per fact: `Velmar3`, `Velmar17`…, so that each fact's pattern is its own
/// and only an article that names the place opens its gate.
fn place(i: usize) -> String {
    format!("Velmar{i}")
}

/// A rule file of `n` facts in the shapes docs/rules.md documents: quantities with a
/// pattern, with unit words only, with a known unit; dates with a pattern; terms.
fn rules(n: usize) -> String {
    let mut out = String::from("[story]\ntitle = \"made up\"\n\n");
    for i in 0..n {
        let (unit, event, place) = (UNITS[i % 6], EVENTS[i % 4], place(i));
        let body = match i % 5 {
            0 => format!(
                "kind = \"quantity\"\npatterns = ['{{number}} (?:[\\w-]+ ){{0,2}}?(?:{unit}|{place} {unit})\\b']\ncontext = [\"{place}*\"]\nwindow = 8\n"
            ),
            1 => format!(
                "kind = \"quantity\"\nunits = [\"{unit}\", \"{place} {unit}\"]\ncontext = [\"{place}*\"]\n"
            ),
            2 => format!(
                "kind = \"quantity\"\nunits = [\"%\"]\npatterns = ['(?:rose|fell) {{number}} in {place}']\nrequires = [\"{place}*\", \"{event}|{unit}\"]\n"
            ),
            3 => format!(
                "kind = \"date\"\npatterns = ['{place} {event} (?:on|for) {{date}}']\ncontext = [\"{place}*\"]\n"
            ),
            _ => format!(
                "kind = \"term\"\nrequires = [\"{place}*\"]\n[fact.classes]\nsent = [\"sent {unit}\"]\nmoved = [\"{unit} moved\"]\n"
            ),
        };
        let _ = write!(
            out,
            "[[fact]]\nid = \"f{i}\"\nlabel = \"fact {i}\"\n{body}\n"
        );
    }
    out
}

/// The process's peak resident memory so far, in KiB (Linux only).
fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Load `n` facts and check an article that names the places of facts 0 to 4 (one of
/// each shape): the observations found, and how many facts compiled a pattern.
fn run(n: usize) -> (usize, usize) {
    let set = parse(Path::new("many.toml"), &rules(n)).expect("rules load");
    assert_eq!(set.facts.len(), n);
    assert!(
        set.facts
            .iter()
            .all(|f| f.patterns.iter().all(|p| !p.is_compiled())),
        "no pattern compiles at load"
    );
    let body = format!(
        "---\npublished: 2026-03-04\n---\nAbout 2,000 troops reached {} on Monday. {} now has 300 tanks. \
         Support rose 12% in {} after the vote. The {} hearing for March 9 was confirmed.\n",
        place(0),
        place(1),
        place(2),
        place(3)
    );
    let article = Article::from_text(Path::new("a.txt"), body).expect("article");
    let found = extract(&set, std::slice::from_ref(&article))
        .observations
        .len();
    let compiled = set
        .facts
        .iter()
        .filter(|f| f.patterns.iter().any(|p| p.is_compiled()))
        .count();
    (found, compiled)
}

#[test]
fn many_facts_share_matchers() {
    let start = peak_kib();
    // 250 facts, then 1,000: the same four values found, and only the four facts whose
    // places the article names compiled their patterns (the term fact has none).
    assert_eq!(run(250), (4, 4));
    let small = peak_kib();
    assert_eq!(run(1000), (4, 4));
    let large = peak_kib();
    if let (Some(start), Some(small), Some(large)) = (start, small, large) {
        let (small, large) = (small.saturating_sub(start), large.saturating_sub(start));
        eprintln!("peak memory above the start: 250 facts {small} KiB, 1,000 facts {large} KiB");
        // Compiled at load, each fact took about a megabyte: 1,000 facts, 1 GB and more.
        assert!(large < 96 * 1024, "1,000 facts took {large} KiB");
        // Four times the facts, at most four times the memory (and some room for the
        // allocator).
        assert!(large <= 4 * small + 16 * 1024, "{small} KiB → {large} KiB");
    }
}
