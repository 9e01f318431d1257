//! Accuracy of `extract` against the gold annotations (tests/gold.csv, copied from the
//! story's shared gold file): precision and recall per fact, with floors per kind.
//!
//! A prediction is a distinct (file, fact, canonical value); so is a gold row. Negated
//! wording ("not an invasion") is not a use of the class and is left out of predictions.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use crosscheck::rules::Kind;

type Key = (String, String, String);

fn gold() -> Vec<Key> {
    let mut r = csv::Reader::from_path(common::root().join("tests/gold.csv")).expect("gold.csv");
    r.records()
        .map(|rec| {
            let rec = rec.expect("gold row");
            (rec[0].to_string(), rec[1].to_string(), rec[2].to_string())
        })
        .collect()
}

struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
}

#[test]
fn rule_facts_meet_their_floors() {
    let root = common::root();
    let rules = crosscheck::rules::load(&[root.join("rules")]).expect("rules");
    let corpus = crosscheck::corpus::load(&[root.join("corpus")]).expect("corpus");
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let ex = crosscheck::extract::extract(&rules, &corpus.articles);

    let predicted: BTreeSet<Key> = ex
        .observations
        .iter()
        .filter(|o| !o.value.canonical().starts_with("not:"))
        .map(|o| {
            (
                corpus.articles[o.article].file_name.clone(),
                o.fact.clone(),
                o.value.canonical(),
            )
        })
        .collect();
    let gold: BTreeSet<Key> = gold()
        .into_iter()
        .filter(|(_, fact, _)| rules.fact(fact).is_some())
        .collect();
    // Every gold fact must be defined by the rules (ids are shared).
    let gold_facts: BTreeSet<&str> = gold.iter().map(|(_, f, _)| f.as_str()).collect();
    for f in ["kz.troops", "ua.border_troops", "ua.troops_withdrawn"] {
        assert!(gold_facts.contains(f), "rules must define {f}");
    }

    let mut per_fact: BTreeMap<String, Score> = BTreeMap::new();
    for f in &rules.facts {
        per_fact.insert(
            f.id.clone(),
            Score {
                tp: 0,
                fp: 0,
                fn_: 0,
            },
        );
    }
    for p in &predicted {
        let s = per_fact.get_mut(&p.1).expect("fact");
        if gold.contains(p) {
            s.tp += 1;
        } else {
            s.fp += 1;
            eprintln!("false positive: {p:?}");
        }
    }
    for g in &gold {
        if !predicted.contains(g) {
            per_fact.get_mut(&g.1).expect("fact").fn_ += 1;
            eprintln!("missed: {g:?}");
        }
    }
    let mut per_kind: BTreeMap<Kind, Score> = BTreeMap::new();
    println!(
        "{:<22} {:>4} {:>4} {:>4} {:>9} {:>6}",
        "fact", "tp", "fp", "fn", "precision", "recall"
    );
    for f in &rules.facts {
        let s = &per_fact[&f.id];
        println!(
            "{:<22} {:>4} {:>4} {:>4} {:>9.2} {:>6.2}",
            f.id,
            s.tp,
            s.fp,
            s.fn_,
            s.precision(),
            s.recall()
        );
        let k = per_kind.entry(f.kind).or_insert(Score {
            tp: 0,
            fp: 0,
            fn_: 0,
        });
        k.tp += s.tp;
        k.fp += s.fp;
        k.fn_ += s.fn_;
    }
    for (kind, s) in &per_kind {
        println!(
            "{:<22} {:>4} {:>4} {:>4} {:>9.2} {:>6.2}",
            format!("[{kind}]"),
            s.tp,
            s.fp,
            s.fn_,
            s.precision(),
            s.recall()
        );
    }
    // Floors: set at what the tool reaches on this corpus, never lower than 0.9.
    let floors: &[(Kind, f64, f64)] = &[
        (Kind::Quantity, 1.0, 1.0),
        (Kind::Date, 1.0, 1.0),
        (Kind::Term, 1.0, 1.0),
    ];
    for (kind, p, r) in floors {
        let s = &per_kind[kind];
        assert!(
            s.precision() >= *p,
            "{kind} precision {:.2} < {p}",
            s.precision()
        );
        assert!(s.recall() >= *r, "{kind} recall {:.2} < {r}", s.recall());
    }
}
