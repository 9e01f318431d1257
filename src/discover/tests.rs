//! Discovery on made-up articles: what an amount's key is, which amounts are facts, and
//! which are grouped.

use std::path::Path;

use super::*;

fn article(body: &str) -> Article {
    Article::from_text(
        Path::new("a.txt"),
        format!("---\npublished: 2023-05-10\n---\n{body}\n"),
    )
    .expect("article")
}

fn found(body: &str) -> Vec<Candidate> {
    candidates(&article(body), 0)
}

fn values(c: &[Candidate]) -> Vec<String> {
    c.iter().map(|c| c.value.canonical()).collect()
}

#[test]
fn a_count_is_keyed_by_its_head_noun_past_modifiers() {
    let c = found("Velmora opened 46 other Brantish stores last spring.");
    assert_eq!(values(&c), vec!["46"]);
    assert_eq!(c[0].head, Some(stem("store")));
    assert_eq!(c[0].noun.as_deref(), Some("stores"));
    assert!(c[0].key.contains("open"), "{:?}", c[0].key);
    assert!(
        !c[0].key.contains("store"),
        "the head is no part of the key"
    );
}

#[test]
fn money_and_percent_forms_are_read_with_their_measure_words() {
    let c = found("Velmora's profit fell 12%, to $4.1bn.");
    assert_eq!(values(&c), vec!["12%", "4100000000 USD"]);
    for x in &c {
        assert!(
            x.key.contains("profit") && x.key.contains("velmora"),
            "{:?}",
            x.key
        );
        assert!(x.key.contains("-down"), "{:?}", x.key);
    }
    let c = found("Quarterly profit decreased 12 percent, to $4.1 billion, or €3.8bn.");
    assert_eq!(values(&c), vec!["12%", "4100000000 USD", "3800000000 EUR"]);
    assert!(
        c[0].key.contains("-down"),
        "decreased and fell are one word"
    );
}

#[test]
fn what_a_share_is_of_is_kept() {
    let c = found("Brantia buys 30% of its grain from Osland.");
    assert!(c[0].of.contains("grain"), "{:?}", c[0].of);
    assert!(!c[0].of.contains("buy"), "{:?}", c[0].of);
}

#[test]
fn non_facts_are_rejected() {
    // A year, an age, a page number, a time of day, a duration, a compound modifier, and
    // the earlier value of a change.
    let c = found(
        "In 1998, aged 58, he wrote on page 3 that at 4 p.m. on day 2, after 10 years, a \
         30-second clip of 12 workers showed sales rose to $9bn from $7bn.",
    );
    assert_eq!(values(&c), vec!["12", "9000000000 USD"]);
}

#[test]
fn a_count_with_no_noun_is_no_fact() {
    assert!(found("The tally reached 1,200.").is_empty());
}

fn weights(articles: &[Article]) -> words::Weights {
    let mut w = words::Weights::default();
    for a in articles {
        for s in &a.sentences {
            w.add_sentence(s.slice(&a.text));
        }
    }
    w
}

fn grouped(bodies: &[&str]) -> Vec<Vec<String>> {
    let arts: Vec<Article> = bodies.iter().map(|b| article(b)).collect();
    let w = weights(&arts);
    let cands: Vec<Candidate> = arts
        .iter()
        .enumerate()
        .flat_map(|(i, a)| candidates(a, i))
        .collect();
    group(&cands, &w)
        .iter()
        .map(|g| g.iter().map(|&i| cands[i].value.canonical()).collect())
        .collect()
}

#[test]
fn alike_amounts_of_two_sources_are_grouped_and_others_not() {
    let g = grouped(&[
        "Velmora's profit fell 12%, to $4.1bn. The retailer runs 640 stores across the region.",
        "Quarterly profit at Velmora decreased 12 percent. The retailer runs 610 stores across the region.",
    ]);
    assert!(
        g.contains(&vec!["12%".to_string(), "12%".to_string()]),
        "{g:?}"
    );
    assert!(
        g.contains(&vec!["640".to_string(), "610".to_string()]),
        "{g:?}"
    );
    // The dollar amount has no partner: it is not grouped with a percentage.
    assert!(!g.iter().flatten().any(|v| v.ends_with("USD")), "{g:?}");
}

#[test]
fn shares_of_different_things_are_not_grouped() {
    let g = grouped(&[
        "Brantia buys 30% of its grain from Osland.",
        "Brantia buys 25% of its timber from Osland.",
    ]);
    assert!(g.is_empty(), "{g:?}");
}

#[test]
fn amounts_far_apart_are_other_facts() {
    let g = grouped(&[
        "The retailer runs 640 stores across the region.",
        "The retailer runs 64 stores across the region.",
    ]);
    assert!(g.is_empty(), "{g:?}");
}

#[test]
fn one_source_alone_makes_no_group() {
    let g = grouped(&["Velmora's profit fell 12%. Velmora's profit fell 12%, it said."]);
    assert!(g.is_empty(), "{g:?}");
}

#[test]
fn discovery_writes_rules_that_find_the_groups_conflicts_first() {
    let arts = vec![
        article(
            "Velmora's profit fell 12%, to $4.1bn. The retailer runs 640 stores across the region.",
        ),
        article(
            "Velmora's profit fell 12%, to $4.1 billion. The retailer runs 610 stores across the region.",
        ),
    ];
    let d = discover(&arts, &RuleSet::default()).expect("discovery");
    assert!(d.rules.discovered);
    let ids: Vec<&str> = d.rules.facts.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids.len(), 3, "{ids:?}\n{}", d.toml);
    // 640 against 610: the conflict comes first.
    assert!(ids[0].starts_with("d.stores"), "{ids:?}");
    let again = rules::parse(Path::new("r.toml"), &d.toml).expect("the file parses");
    assert!(!crate::ruletest::run(&again).failed(), "{}", d.toml);
}
