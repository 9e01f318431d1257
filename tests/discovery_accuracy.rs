//! Accuracy of discovery (`check` with no rule file) against the value gold of both bundled
//! corpora: the story in corpus/ (tests/gold.csv) and the seven real stories of
//! corpus-real/ (tests/gold-corpus-real-values.csv), each story discovered as its own
//! corpus.
//!
//! Each value a discovered fact reads is matched to the gold rows of its article with the
//! same canonical value (and, when two gold facts give that value, the one whose evidence
//! lies in the sentence). Then:
//! - a discovered fact is **one fact** when every value it reads matches one gold fact,
//!   **mixed** when they match different gold facts, **unannotated** when a value matches
//!   none (the gold leaves out amounts no careful reader would compare, docs/corpus-real-facts.md);
//! - a discovered **conflict is right** only when it is one fact whose sources really
//!   disagree ([`REAL`], from the verdicts of docs/corpus-real-facts.md and docs/accuracy.md);
//! - **pair recall**: of every two sources that state one gold fact, the share some
//!   discovered fact holds together; and the same over the pairs whose gold values differ
//!   (the discrepancies a fact-checker is looking for).
//!
//! Floors just below what was measured (docs/discovery.md).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crosscheck::compare::Status;
use crosscheck::rules::Kind;

/// Gold facts whose sources really disagree: real discrepancies, the only facts where a
/// conflict is right.
const REAL: &[&str] = &[
    // corpus-real (docs/corpus-real-facts.md, "The four real discrepancies").
    "meta.after_hours_drop",
    "fed.inflation_target",
    "gas.eu_oil_share",
    "oilban.us_import_share",
    // The bundled story (docs/accuracy.md): troops near Ukraine, the deployment's day.
    "ua.border_troops",
    "kz.deployment_day",
];

/// One gold row: (file as the gold keys it, fact, canonical value, evidence).
struct Gold {
    file: String,
    fact: String,
    value: String,
    evidence: String,
}

/// The rows of a gold file whose fact the corpus's rule files (`rules`) define as an
/// amount or a date: what discovery looks for. Quotations, names and terms are scored
/// elsewhere (tests/accuracy.rs).
fn gold_rows(path: &str, rules: &[&str]) -> Vec<Gold> {
    let root = common::root();
    let rules = crosscheck::rules::load(&rules.iter().map(|r| root.join(r)).collect::<Vec<_>>())
        .expect("rules");
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(root.join(path))
        .expect("gold");
    r.records()
        .map(|rec| {
            let rec = rec.expect("gold row");
            Gold {
                file: rec[0].to_string(),
                fact: rec[1].to_string(),
                value: rec[2].to_string(),
                evidence: rec[3].to_string(),
            }
        })
        .filter(|g| {
            rules
                .facts
                .iter()
                .any(|f| f.id == g.fact && matches!(f.kind.tag(), Kind::Quantity | Kind::Date))
        })
        .collect()
}

/// The gold evidence lies in the sentence: every part of it between ellipses does.
fn evidence_in(evidence: &str, sentence: &str) -> bool {
    let sentence = common::norm(sentence);
    evidence
        .split("...")
        .map(common::norm)
        .filter(|p| !p.is_empty())
        .all(|p| sentence.contains(&p))
}

#[derive(Default, Debug)]
struct DiscoveryScore {
    facts: usize,
    one_fact: usize,
    mixed: usize,
    unannotated: usize,
    conflicts: usize,
    right_conflicts: usize,
    /// Gold real facts stated by two sources or more, and those found as a conflict.
    real: usize,
    real_found: usize,
    pairs: usize,
    pairs_found: usize,
    differ: usize,
    differ_found: usize,
}

impl DiscoveryScore {
    fn add(&mut self, o: &DiscoveryScore) {
        self.facts += o.facts;
        self.one_fact += o.one_fact;
        self.mixed += o.mixed;
        self.unannotated += o.unannotated;
        self.conflicts += o.conflicts;
        self.right_conflicts += o.right_conflicts;
        self.real += o.real;
        self.real_found += o.real_found;
        self.pairs += o.pairs;
        self.pairs_found += o.pairs_found;
        self.differ += o.differ;
        self.differ_found += o.differ_found;
    }
    fn conflict_precision(&self) -> f64 {
        if self.conflicts == 0 {
            1.0
        } else {
            self.right_conflicts as f64 / self.conflicts as f64
        }
    }
    fn pair_recall(&self) -> f64 {
        self.pairs_found as f64 / self.pairs.max(1) as f64
    }
    fn differ_recall(&self) -> f64 {
        self.differ_found as f64 / self.differ.max(1) as f64
    }
    fn line(&self, name: &str) -> String {
        format!(
            "{name:<34} {:>5} {:>4} {:>5} {:>5} {:>4}/{:<4} {:>2}/{:<2} {:>4}/{:<4} {:>4}/{:<4}",
            self.facts,
            self.one_fact,
            self.mixed,
            self.unannotated,
            self.right_conflicts,
            self.conflicts,
            self.real_found,
            self.real,
            self.pairs_found,
            self.pairs,
            self.differ_found,
            self.differ,
        )
    }
}

/// Discover `corpus` with no rule file and score it against the gold rows whose file
/// starts with `prefix` (the prefix is put before an article's file name to key it). Each
/// discovered fact's verdict is printed (a helper, not a test: clippy's test allowance does
/// not reach it).
#[allow(clippy::print_stdout)]
fn score(corpus: &Path, gold: &[Gold], prefix: &str) -> DiscoveryScore {
    let corpus = crosscheck::corpus::load(&[corpus.to_path_buf()]).expect("corpus");
    let articles = &corpus.articles;
    let base = crosscheck::rules::RuleSet::default();
    let found = crosscheck::discover::discover(articles, &base, 0).expect("discovery");
    let ex = crosscheck::extract::extract(&found.rules, articles);
    let names: Vec<String> = articles.iter().map(|a| a.file_name.clone()).collect();
    let findings = crosscheck::compare::compare(&found.rules, &ex.observations, &names);
    let key = |article: usize| {
        let file = &articles[article].file_name;
        format!("{prefix}{}", file.rsplit('/').next().unwrap_or(file))
    };
    let gold: Vec<&Gold> = gold.iter().filter(|g| g.file.starts_with(prefix)).collect();
    let mut s = DiscoveryScore::default();
    // (gold fact, file, file): two sources some discovered fact holds together.
    let mut found_pairs: BTreeSet<(String, String, String)> = BTreeSet::new();
    // Real discrepancies some discovered fact reports as a conflict.
    let mut real_conflicts: BTreeSet<String> = BTreeSet::new();
    for f in &findings {
        let kept = f.sources.len() >= 2
            && matches!(f.status, Status::Conflict | Status::Loose | Status::Agree);
        if !kept {
            continue;
        }
        s.facts += 1;
        // Each value read, with the gold facts it can be.
        let mut members: Vec<(String, BTreeSet<String>)> = Vec::new();
        for src in &f.sources {
            for &i in &src.observations {
                let o = &ex.observations[i];
                let file = key(o.article);
                let sentence = o.sentence.slice(&articles[o.article].text);
                let value = o.value.canonical();
                let same: Vec<&&Gold> = gold
                    .iter()
                    .filter(|g| g.file == file && g.value == value)
                    .collect();
                let facts: BTreeSet<String> = same.iter().map(|g| g.fact.clone()).collect();
                let facts = if facts.len() > 1 {
                    let by_evidence: BTreeSet<String> = same
                        .iter()
                        .filter(|g| evidence_in(&g.evidence, sentence))
                        .map(|g| g.fact.clone())
                        .collect();
                    if by_evidence.is_empty() {
                        facts
                    } else {
                        by_evidence
                    }
                } else {
                    facts
                };
                members.push((file, facts));
            }
        }
        let common = members.iter().skip(1).fold(
            members.first().map(|m| m.1.clone()).unwrap_or_default(),
            |acc, m| acc.intersection(&m.1).cloned().collect(),
        );
        let verdict = if members.iter().any(|m| m.1.is_empty()) {
            s.unannotated += 1;
            "unannotated"
        } else if common.is_empty() {
            s.mixed += 1;
            "mixed"
        } else {
            s.one_fact += 1;
            "one fact"
        };
        let right = f.status == Status::Conflict && common.iter().any(|c| REAL.contains(&&**c));
        if f.status == Status::Conflict {
            s.conflicts += 1;
            s.right_conflicts += usize::from(right);
        }
        println!(
            "  {:<32} {:<9} {verdict}{}",
            f.fact,
            format!("{:?}", f.status).to_lowercase(),
            if common.is_empty() {
                String::new()
            } else {
                format!(
                    " ({})",
                    common.iter().cloned().collect::<Vec<_>>().join(", ")
                )
            }
        );
        for (i, (a, fa)) in members.iter().enumerate() {
            for (b, fb) in &members[i + 1..] {
                if a == b {
                    continue;
                }
                let (a, b) = if a < b { (a, b) } else { (b, a) };
                for fact in fa.intersection(fb) {
                    found_pairs.insert((fact.clone(), a.clone(), b.clone()));
                }
            }
        }
        if right {
            real_conflicts.extend(common.iter().cloned());
        }
    }
    // Gold: each fact's files and their values.
    let mut by_fact: BTreeMap<&str, BTreeMap<&str, BTreeSet<&str>>> = BTreeMap::new();
    for g in &gold {
        by_fact
            .entry(&g.fact)
            .or_default()
            .entry(&g.file)
            .or_default()
            .insert(&g.value);
    }
    for (fact, files) in &by_fact {
        let files: Vec<(&&str, &BTreeSet<&str>)> = files.iter().collect();
        if files.len() >= 2 && REAL.contains(fact) {
            s.real += 1;
            s.real_found += usize::from(real_conflicts.contains(*fact));
        }
        for (i, (a, va)) in files.iter().enumerate() {
            for (b, vb) in &files[i + 1..] {
                let found = found_pairs.contains(&(fact.to_string(), a.to_string(), b.to_string()));
                s.pairs += 1;
                s.pairs_found += usize::from(found);
                if va != vb {
                    s.differ += 1;
                    s.differ_found += usize::from(found);
                    if !found {
                        println!("  missed: {fact} {a} {va:?} / {b} {vb:?}");
                    }
                }
            }
        }
    }
    s
}

#[test]
fn discovery_meets_its_floors() {
    let root = common::root();
    let real_gold = gold_rows("tests/gold-corpus-real-values.csv", &["rules/corpus-real"]);
    let story_gold = gold_rows("tests/gold.csv", &["rules/kazakhstan-2022.toml"]);
    // Every gold row of corpus-real is an amount or a date: none is dropped unseen.
    assert_eq!(real_gold.len(), 198);
    println!(
        "{:<34} {:>5} {:>4} {:>5} {:>5} {:>9} {:>5} {:>9} {:>9}",
        "corpus", "facts", "one", "mixed", "unann", "conflicts", "real", "pairs", "differ"
    );
    let mut all = DiscoveryScore::default();
    let stories = common::real_stories();
    for dir in &stories {
        let story = dir
            .file_name()
            .and_then(|n| n.to_str())
            .expect("story name");
        let s = score(dir, &real_gold, &format!("{story}/"));
        println!("{}", s.line(story));
        all.add(&s);
    }
    println!("{}", all.line("[corpus-real]"));
    let bundled = score(&root.join("corpus"), &story_gold, "");
    println!("{}", bundled.line("[bundled story]"));
    let mut failures = Vec::new();
    // Precision of the reported conflicts, on each corpus: measured 1.0 on both (issue
    // #15's bar is 0.8); a false conflict is what a reader must not wade through.
    for (name, s) in [("corpus-real", &all), ("bundled", &bundled)] {
        if s.conflict_precision() < 1.0 {
            failures.push(format!(
                "{name}: conflict precision {:.2} (floor 1.0)",
                s.conflict_precision()
            ));
        }
    }
    // Measured (docs/discovery.md): every real discrepancy of corpus-real found as a
    // conflict; grouping and pair recall at their floors.
    if all.real_found < 4 {
        failures.push(format!(
            "corpus-real: {} of 4 real discrepancies",
            all.real_found
        ));
    }
    // Measured: no fact mixes two gold facts; one groups values the gold leaves out (the
    // fed unemployment rates, loose).
    if all.mixed > 0 || all.unannotated > 1 {
        failures.push(format!(
            "corpus-real: {} mixed facts (at most 0), {} unannotated (at most 1)",
            all.mixed, all.unannotated
        ));
    }
    // Measured: 59 of 135 pairs (0.44), 23 of 38 differing pairs (0.61).
    let (pair_floor, differ_floor) = (0.43, 0.60);
    if all.pair_recall() < pair_floor || all.differ_recall() < differ_floor {
        failures.push(format!(
            "corpus-real: pair recall {:.2} (floor {pair_floor}), of differing pairs {:.2} (floor {differ_floor})",
            all.pair_recall(),
            all.differ_recall()
        ));
    }
    // The bundled story: its deployment day found as a conflict, and the Geneva meeting's
    // day (2 of 19 pairs).
    if bundled.real_found < 1 || bundled.mixed > 0 || bundled.pairs_found < 2 {
        failures.push(format!("bundled: {bundled:?}"));
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
