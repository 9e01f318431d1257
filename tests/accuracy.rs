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
                o.fact.to_string(),
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

fn norm(s: &str) -> String {
    s.replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Speakers of quotations: a gold `quote` row names the speaker of the quotation that
/// contains its evidence words; an extracted quotation (four words or more) is right when a
/// gold row of its file points at it with the same speaker.
#[test]
fn quote_speakers_meet_their_floor() {
    let root = common::root();
    let rules = crosscheck::rules::load(&[root.join("rules")]).expect("rules");
    let corpus = crosscheck::corpus::load(&[root.join("corpus")]).expect("corpus");
    let ex = crosscheck::extract::extract(&rules, &corpus.articles);
    let quotes: Vec<(String, String, Option<String>)> = ex
        .quotes
        .iter()
        .filter(|q| q.quote.kind == crosscheck::extract::quote::QuoteKind::Quote)
        .map(|q| {
            (
                corpus.articles[q.article].file_name.clone(),
                norm(&q.quote.text),
                q.speaker.clone(),
            )
        })
        .collect();
    let gold: Vec<Key> = gold()
        .into_iter()
        .filter(|(_, f, _)| f == "quote")
        .collect();
    assert_eq!(gold.len(), 30);
    // Evidence rows are the quotation's first words, or words inside it.
    let evidence = {
        let mut r = csv::Reader::from_path(root.join("tests/gold.csv")).expect("gold");
        r.records()
            .filter_map(|rec| rec.ok())
            .filter(|rec| &rec[1] == "quote")
            .map(|rec| norm(&rec[3]))
            .collect::<Vec<_>>()
    };
    let mut right = 0;
    let mut matched_quotes = std::collections::BTreeSet::new();
    let mut right_quotes = std::collections::BTreeSet::new();
    for ((file, _, speaker), ev) in gold.iter().zip(&evidence) {
        let found = quotes
            .iter()
            .enumerate()
            .find(|(_, q)| &q.0 == file && q.1.contains(ev.as_str()));
        match found {
            Some((i, q)) => {
                matched_quotes.insert(i);
                if q.2.as_deref() == Some(speaker.as_str()) {
                    right += 1;
                    right_quotes.insert(i);
                } else {
                    eprintln!(
                        "wrong speaker for {ev:?} in {file}: {:?}, expected {speaker}",
                        q.2
                    );
                }
            }
            None => eprintln!("missed quotation {ev:?} in {file}"),
        }
    }
    for (i, q) in quotes.iter().enumerate() {
        if !matched_quotes.contains(&i) {
            eprintln!("quotation not in gold: {q:?}");
        }
    }
    // A quotation that runs over two paragraphs holds two gold rows: precision counts
    // extracted quotations, recall counts gold rows.
    let precision = right_quotes.len() as f64 / quotes.len() as f64;
    let recall = right as f64 / gold.len() as f64;
    println!(
        "quote speakers: {} of {} extracted quotations right, {right} of {} gold rows: precision {precision:.2}, recall {recall:.2}",
        right_quotes.len(),
        quotes.len(),
        gold.len()
    );
    // Floors at what the tool reaches (textacy: 0.50 / 0.23 on the same rows).
    assert!(
        precision >= 1.0 && recall >= 1.0,
        "precision {precision:.2}, recall {recall:.2}"
    );
}

/// Names an article spells differently from the canonical form: gold `name` rows.
#[test]
fn name_variants_meet_their_floor() {
    let root = common::root();
    let rules = crosscheck::rules::load(&[root.join("rules")]).expect("rules");
    let corpus = crosscheck::corpus::load(&[root.join("corpus")]).expect("corpus");
    let ex = crosscheck::extract::extract(&rules, &corpus.articles);
    let clusters = crosscheck::compare::compare_names(&rules, &ex);
    let mut predicted: BTreeSet<Key> = BTreeSet::new();
    for c in &clusters {
        for s in c
            .spellings
            .iter()
            .filter(|s| s.kind != crosscheck::extract::name::VariantKind::Canonical)
        {
            for (doc, _) in &s.mentions {
                predicted.insert((
                    corpus.articles[*doc].file_name.clone(),
                    "name".to_string(),
                    c.canonical.clone(),
                ));
            }
        }
    }
    let gold: BTreeSet<Key> = gold().into_iter().filter(|(_, f, _)| f == "name").collect();
    let tp = predicted.intersection(&gold).count();
    for p in predicted.difference(&gold) {
        eprintln!("false positive: {p:?}");
    }
    for g in gold.difference(&predicted) {
        eprintln!("missed: {g:?}");
    }
    let precision = tp as f64 / predicted.len().max(1) as f64;
    let recall = tp as f64 / gold.len() as f64;
    println!("names: precision {precision:.2}, recall {recall:.2}");
    assert!(
        precision >= 1.0 && recall >= 1.0,
        "precision {precision:.2}, recall {recall:.2}"
    );
}
