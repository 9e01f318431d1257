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

/// A piece whose figure, if any, is in its headline: its body states none.
fn headlined(title: &str) -> Article {
    Article::from_text(
        Path::new("a.txt"),
        format!(
            "---\npublished: 2023-05-10\ntitle: {title}\n---\nThe grocer gave no details. Unions were not told.\n"
        ),
    )
    .expect("article")
}

fn found(body: &str) -> Vec<Candidate> {
    candidates(&article(body), 0)
}

/// The first amount's head noun, as written.
fn head(body: &str) -> Option<String> {
    found(body).first().and_then(|c| c.noun.clone())
}

fn values(c: &[Candidate]) -> Vec<String> {
    c.iter().map(|c| c.value.canonical()).collect()
}

#[test]
fn a_count_is_keyed_by_its_head_noun_past_modifiers() {
    let c = found("Velmora opened 46 other Brantish stores last spring.");
    // "last spring" is a date too: the spring before the one of a piece of May 2023.
    assert_eq!(values(&c), vec!["46", "2022-03-01..2022-05-31"]);
    assert_eq!(c[0].head, Some(stem("store")));
    assert_eq!(c[0].noun.as_deref(), Some("stores"));
    assert!(c[0].key.contains("open"), "{:?}", c[0].key);
    assert!(
        !c[0].key.contains("store"),
        "the head is no part of the key"
    );
}

#[test]
fn a_compound_counts_its_last_noun_and_a_participle_is_a_modifier() {
    // A singular noun before a plural one modifies it.
    assert_eq!(
        head("Data on 8,200 harbour permits was leaked.").as_deref(),
        Some("permits")
    );
    // A word in -ing or -ed before another word is a modifier.
    assert_eq!(
        head("Ostrel saw 300 striking dockers march.").as_deref(),
        Some("dockers")
    );
    assert_eq!(
        head("It took two gruelling weeks of talks.").as_deref(),
        Some("weeks")
    );
    assert_eq!(
        head("Some 4,000 leaked files showed this.").as_deref(),
        Some("files")
    );
    // A plural noun then a verb: the noun is the head, the verb is not.
    assert_eq!(
        head("The 4,000 files shows the scale.").as_deref(),
        Some("files")
    );
    assert_eq!(
        head("About 2,000 dockers remain on strike.").as_deref(),
        Some("dockers")
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
    // A year, an age, a page number, a time of day, a count of times, a compound modifier,
    // and the earlier value of a change.
    let c = found(
        "In 1998, aged 58, he wrote on page 3 that at 4 p.m. on day 2, 10 times over, a \
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
    let d = discover(&arts, &RuleSet::default(), 0).expect("discovery");
    assert!(d.rules.discovered);
    let ids: Vec<&str> = d.rules.facts.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids.len(), 3, "{ids:?}\n{}", d.toml);
    // 640 against 610: the conflict comes first.
    assert!(ids[0].starts_with("d.stores"), "{ids:?}");
    let again = rules::parse(Path::new("r.toml"), &d.toml).expect("the file parses");
    assert!(!crate::ruletest::run(&again).failed(), "{}", d.toml);
}

#[test]
fn dates_are_keyed_by_their_event_and_grouped_when_resolved_alike() {
    // "Tuesday" in a piece of Wednesday 10 May 2023 and "9 May" are one day; the
    // ribbon-cutting on Friday is another event.
    let g = grouped(&[
        "The Orvane council voted on Tuesday to close the harbour bridge.",
        "The Orvane council voted on 9 May to close the harbour bridge. The mayor cut the ribbon on Friday.",
    ]);
    assert_eq!(
        g,
        vec![vec!["2023-05-09".to_string(), "2023-05-09".to_string()]],
        "{g:?}"
    );
}

#[test]
fn a_bare_year_is_no_date_fact() {
    let c = found("The Orvane council voted in 2019 to close the harbour bridge.");
    assert!(c.is_empty(), "{:?}", values(&c));
}

#[test]
fn a_date_and_a_vague_span_are_not_grouped() {
    // "mid-May" and "Monday" are not stated at one precision: no fact, no conflict.
    let g = grouped(&[
        "Talks between Orvane and Brantia officials end in mid-May, the ministry said.",
        "Talks between Orvane and Brantia officials end on Monday, the ministry said.",
    ]);
    assert!(g.is_empty(), "{g:?}");
}

#[test]
fn a_key_stops_where_another_clause_starts() {
    let c = found("Osland will phase out Brantish coal by June 2024 and open twelve wind farms.");
    let d = c
        .iter()
        .find(|c| matches!(c.value, Stated::Date(_)))
        .expect("a date");
    assert!(d.key.contains(&stem("phase")), "{:?}", d.key);
    assert!(!d.key.contains(&stem("wind")), "{:?}", d.key);
}

#[test]
fn the_measure_is_read_from_the_phrase_around_the_amount() {
    let m = |body: &str| found(body)[0].measure.clone();
    let set = |xs: &[&str]| xs.iter().map(|x| stem(x)).collect::<BTreeSet<_>>();
    assert_eq!(
        m("Prices stay above the Velka bank's 3% savings target."),
        set(&["savings", "target", "bank"])
    );
    assert_eq!(
        m("Brantia's annual target of 3.4% was missed."),
        set(&["target", "Brantia"])
    );
    assert_eq!(
        m("About 7% of Osland grain and timber exports go to Kell."),
        set(&["Osland", "grain", "timber", "exports", "go"])
    );
}

#[test]
fn amounts_of_one_named_measure_are_grouped_though_their_sentences_differ() {
    // Little else in common: the measure ("Osland exports", nested in "Osland grain and
    // timber exports") makes them one fact, and 5% against about 7% is a conflict.
    let g = grouped(&[
        "Brantian rye made up 5% of Osland exports at the end of spring.",
        "About 7% of Osland grain and timber exports go to Kell. officials in Kell said.",
    ]);
    assert_eq!(g, vec![vec!["5%".to_string(), "~7%".to_string()]], "{g:?}");
    // A one-word measure is too little: "its exports" of two countries.
    let g = grouped(&[
        "Brantia sells 4% of its exports to the south.",
        "Kell sends 5% of its exports over the mountains.",
    ]);
    assert!(g.is_empty(), "{g:?}");
}

#[test]
fn about_reaches_half_a_unit_of_the_last_significant_digit() {
    assert!((write::approx_margin(22.0) - 0.5 / 22.0).abs() < 1e-9);
    assert!((write::approx_margin(4.3) - 0.05 / 4.3).abs() < 1e-9);
    // "about 40": 35 to 45 would be 12.5%; the comparer's 10% is the most.
    assert!((write::approx_margin(40.0) - 0.10).abs() < 1e-9);
    assert!((write::approx_margin(2000.0) - 0.10).abs() < 1e-9);
}

#[test]
fn a_discovered_about_is_tighter_so_twenty_against_about_twenty_two_conflicts() {
    let arts = vec![
        article(
            "Velmora shares plunged 20% in late trading on the Kell exchange. Velmora opened a store.",
        ),
        article(
            "Velmora shares plunged about 22 percent in late trading on the Kell exchange. Rain fell.",
        ),
    ];
    let d = discover(&arts, &RuleSet::default(), 0).expect("discovery");
    assert!(d.toml.contains("approx_margin = \"2.3%\""), "{}", d.toml);
    let ex = extract::extract(&d.rules, &arts);
    let names = vec!["a.txt".to_string(), "b.txt".to_string()];
    let f = compare::compare(&d.rules, &ex.observations, &names);
    assert_eq!(f.len(), 1, "{}", d.toml);
    assert_eq!(f[0].status, Status::Conflict, "{}", d.toml);
}

#[test]
fn a_stake_in_a_named_thing_is_its_measure() {
    let m = |body: &str| found(body)[0].measure.clone();
    let set = |xs: &[&str]| xs.iter().map(|x| stem(x)).collect::<BTreeSet<_>>();
    assert_eq!(
        m("Orvane will sell its 12.5% stake in Kellmark to a pension fund."),
        set(&["stake", "Kellmark"])
    );
    // After "of", "in" ends the phrase: "in Brantia" is where, not what.
    assert_eq!(
        m("About 7% of grain exports in Brantia go south."),
        set(&["grain", "exports"])
    );
    // Two sources' stakes in one company are one fact; in another company, not.
    let g = grouped(&[
        "Traders cheered as Orvane agreed to part with its 12.5% stake in Kellmark, a miner.",
        "Orvane's board voted on Friday to sell its nearly 13 percent stake in Kellmark.",
    ]);
    assert_eq!(
        g,
        vec![vec!["12.5%".to_string(), "~13%".to_string()]],
        "{g:?}"
    );
    let g = grouped(&[
        "Traders cheered as Orvane agreed to part with its 12.5% stake in Kellmark, a miner.",
        "Orvane's board voted on Friday to sell its nearly 13 percent stake in Dorvane.",
    ]);
    assert!(g.is_empty(), "{g:?}");
}

#[test]
fn measure_words_of_one_meaning_share_a_stem() {
    assert_eq!(stem("income"), stem("profit"));
    assert_eq!(stem("earnings"), stem("profits"));
    assert_eq!(stem("sales"), stem("revenue"));
    assert_ne!(stem("income"), stem("revenue"));
}

#[test]
fn dates_whose_sentences_state_one_sum_are_one_event() {
    // The two sentences share no content word but the $2.4bn: the bill's month.
    let g = grouped(&[
        "Lawmakers approved the $2.4bn harbour bill in March 2023, papers noted.",
        "Kell's assembly voted through $2.4 billion for ports in March 2023.",
    ]);
    assert!(
        g.contains(&vec!["2023-03".to_string(), "2023-03".to_string()]),
        "{g:?}"
    );
    // Another sum: no shared event.
    let g = grouped(&[
        "Lawmakers approved the $2.4bn harbour bill in March 2023, papers noted.",
        "Kell's assembly voted through $7 billion for ports in March 2023.",
    ]);
    assert!(!g.iter().flatten().any(|v| v == "2023-03"), "{g:?}");
}

#[test]
fn a_date_pattern_keeps_the_words_after_the_date() {
    // The second article's date opens its sentence: "{date}" alone would read its Tuesday
    // too, and make a conflict of one event's month.
    let arts = vec![
        article("Lawmakers approved the $2.4bn harbour bill in March 2023, papers noted."),
        article(
            "In March 2023 Kell's assembly voted through $2.4 billion for ports. \
             Kell's assembly met again on Tuesday.",
        ),
    ];
    let d = discover(&arts, &RuleSet::default(), 0).expect("discovery");
    assert!(d.toml.contains("{date} Kell's assembly\""), "{}", d.toml);
    let ex = extract::extract(&d.rules, &arts);
    let names = vec!["a.txt".to_string(), "b.txt".to_string()];
    let f = compare::compare(&d.rules, &ex.observations, &names);
    let date = f
        .iter()
        .find(|f| f.fact.starts_with("d.date"))
        .expect("the bill's month is a fact");
    assert_eq!(date.status, Status::Agree, "{}", d.toml);
}

/// Two sources give one forecast in sentences that share little ("joblessness", "end"):
/// a likeness of about 0.14, under the threshold and over half of it.
fn forecasts(a: &str, b: &str) -> Vec<Vec<String>> {
    grouped(&[
        &format!(
            "The harbour in Ostrel reopened after the storm. Ferries ran late all week. \
             Officials expect joblessness in Korvath to ease, and their forecast puts it at {a} by the end of the year."
        ),
        &format!(
            "Fishing crews in Ostrel went back to sea. Schools stayed shut on Tuesday. \
             The ministry now sees joblessness ending the year at {b} amid strikes."
        ),
    ])
}

#[test]
fn one_specific_figure_needs_only_half_the_likeness() {
    // 6.4% is a figure two sources rarely write by chance: grouped.
    assert_eq!(
        forecasts("about 6.4%", "6.4%"),
        vec![vec!["~6.4%".to_string(), "6.4%".to_string()]]
    );
    // A round figure, or two different ones, needs the full likeness: not grouped.
    assert!(
        forecasts("6%", "6%").is_empty(),
        "{:?}",
        forecasts("6%", "6%")
    );
    assert!(forecasts("6.5%", "6.5%").is_empty());
    assert!(forecasts("6.4%", "6.3%").is_empty());
}

#[test]
fn a_hedged_amount_and_one_it_rounds_need_only_half_the_likeness() {
    // "almost 6%" reaches 5.4% to 6.6%: 5.9% is how another outlet writes it.
    assert_eq!(
        forecasts("almost 6%", "5.9%"),
        vec![vec!["~6%".to_string(), "5.9%".to_string()]]
    );
    // "more than 4%" reaches from 4% to 4.4% (half a unit of its digit, at most 10%).
    assert_eq!(
        forecasts("more than 4%", "4.17%"),
        vec![vec![">=4%".to_string(), "4.17%".to_string()]]
    );
    assert_eq!(
        forecasts("up to 40%", "38%"),
        vec![vec!["<=40%".to_string(), "38%".to_string()]]
    );
    // Outside the hedge's reach, or a range that reaches anything: the full likeness.
    assert!(forecasts("almost 6%", "5.2%").is_empty());
    assert!(forecasts("more than 4%", "4.6%").is_empty());
    assert!(forecasts("up to 40%", "33%").is_empty());
    assert!(forecasts("between 3% and 11%", "8%").is_empty());
    // A fraction is as round as its words: "two-thirds" is no precise figure.
    assert!(forecasts("about 70%", "two-thirds").is_empty());
    // One round figure with and without a hedge is no rounding: two sources write it by
    // chance about different things.
    assert!(forecasts("about 6%", "6%").is_empty());
    assert!(forecasts("about 6%", "about 6%").is_empty());
    assert!(forecasts("more than 6%", "6%").is_empty());
    // Two hedges: "over 20%" reaches 22%, written "about 22%" with more digits.
    assert_eq!(
        forecasts("over 20%", "about 22%"),
        vec![vec![">=20%".to_string(), "~22%".to_string()]]
    );
}

#[test]
fn a_conflict_is_never_reported_through_a_weaker_link() {
    // The first piece's "about 2%" rounds both the others' figures, which are of different
    // things (joblessness, inflation) and cannot both be true: they are not put in one
    // fact on the word of the hedge, so no false conflict.
    let g = grouped(&[
        "The harbour in Ostrel reopened after the storm. Ferries ran late all week. \
         Officials expect joblessness in Korvath to ease to about 2% by the end of the year.",
        "Fishing crews in Ostrel went back to sea. Schools stayed shut on Tuesday. \
         The ministry sees inflation in Korvath ending the year at 1.8% amid strikes.",
        "Dockers in Ostrel voted to return. Trains were cancelled on Monday. \
         Analysts put joblessness in Korvath at 2.2% by the end of the year.",
    ]);
    assert!(
        !g.iter()
            .any(|f| f.contains(&"1.8%".to_string()) && f.contains(&"2.2%".to_string())),
        "{g:?}"
    );
}

#[test]
fn a_length_of_time_is_a_fact_but_a_period_or_a_placed_day_is_not() {
    // Stated lengths: counted in their unit, a fact each.
    let c = found("The Velmora board raised its dividend for the first time in four years.");
    assert_eq!(values(&c), vec!["4"]);
    assert_eq!(c[0].head.as_deref(), Some("year"));
    let c = found("Talks in Ostrel have dragged on for more than six weeks.");
    assert_eq!(values(&c), vec![">=6"]);
    // A day placed by a count (which the date reader may read as a date), an age, a period
    // named by its length, and counts of times or hours: no count is a fact.
    for s in [
        "Velmora opened the Kell store two years ago.",
        "The Kell store opened three days later.",
        "The chairman's grandson is five years old.",
        "Sales at Velmora rose in the past three months.",
        "Velmora's sales rose in the three months to December.",
        "Shares in Velmora have doubled 10 times.",
        "The strike at Ostrel lasted 36 hours.",
    ] {
        let counts: Vec<String> = found(s)
            .into_iter()
            .filter(|c| c.value.unit() == Some(Unit::Count))
            .map(|c| c.value.canonical())
            .collect();
        assert!(counts.is_empty(), "{s}: {counts:?}");
    }
    // Two sources' lengths of one thing are grouped.
    let g = grouped(&[
        "The harbour in Ostrel reopened after the storm. The Velmora board raised its dividend for the first time in four years.",
        "Fishing crews went back to sea. Velmora's board approved its first dividend rise in more than four years.",
    ]);
    assert_eq!(g, vec![vec!["4".to_string(), ">=4".to_string()]]);
}

#[test]
fn the_sample_is_evenly_spaced_from_the_first_article() {
    assert_eq!(sample(10, 4), [0, 2, 5, 7]);
    assert_eq!(sample(9, 3), [0, 3, 6]);
    // At most the limit, or no limit: every article.
    assert_eq!(sample(3, 5), [0, 1, 2]);
    assert_eq!(sample(4, 4), [0, 1, 2, 3]);
    assert_eq!(sample(7, 0), (0..7).collect::<Vec<_>>());
    assert!(sample(0, 3).is_empty());
    // Always `at_most` distinct articles in order, for any larger corpus.
    for n in 1..60 {
        for k in 1..n {
            let s = sample(n, k);
            assert_eq!(s.len(), k, "{n} {k}");
            assert!(s.windows(2).all(|w| w[0] < w[1]), "{n} {k}: {s:?}");
            assert!(s.last().is_some_and(|&l| l < n));
        }
    }
}

#[test]
fn a_date_that_cites_a_source_is_no_event() {
    // Dates in "(Name, date)" date the cited piece; the vote's Tuesday is an event.
    let c = found(
        "The Orvane council voted on Tuesday to close the harbour bridge (Brantish Courier, May 8, 2023). \
         Its members were divided (see Velmora Post, May 4; Harbour Weekly, May 5).",
    );
    assert_eq!(values(&c), vec!["2023-05-09"]);
    // A parenthesis that does not open with a name and a comma is no citation.
    let c = found("The harbour bridge (closed on Tuesday, the council said) reopens in June.");
    assert_eq!(values(&c)[0], "2023-05-09", "{:?}", values(&c));
}

#[test]
fn one_day_named_by_two_sources_needs_only_half_the_likeness() {
    // Two sources date one signing in sentences that share little ("ferry", "signed"): a
    // likeness under the threshold and over half of it.
    let stories = |b: &str| {
        grouped(&[
            "The harbour in Ostrel reopened after the storm. Ferries ran late all week. \
             Officials in Korvath signed the ferry accord on Tuesday, a year after talks began.",
            &format!(
                "Fishing crews in Ostrel went back to sea. Schools stayed shut for days. \
                 Velmora's mayor has signed a ferry pact {b}."
            ),
        ])
    };
    // "Tuesday" in a piece of Wednesday 10 May 2023 is 9 May: one day, grouped.
    assert_eq!(
        stories("on 9 May"),
        vec![vec!["2023-05-09".to_string(), "2023-05-09".to_string()]]
    );
    // Another day, as close, needs the full likeness: not grouped.
    assert!(stories("on 8 May").is_empty(), "{:?}", stories("on 8 May"));
}

#[test]
fn a_group_takes_in_a_member_half_as_alike_to_the_rest() {
    // The third source is alike to the first (0.26) but shares little with the second:
    // half the likeness (about 0.12, "northern" and "Velka") lets it join their group;
    // less ("north", about 0.06) does not: complete link keeps a group of one fact.
    let stories = |north: &str| {
        grouped(&[
            "Ferries ran late all week in Ostrel. Brantish retailer Velka shut 600 stores across its northern region after a weak winter.",
            &format!(
                "Schools stayed shut for days in Ostrel. Velka, the Brantish retailer, has shut 610 stores in {north}, its chief said."
            ),
            "Fishing crews went back to sea. In the northern region 640 stores run by Velka closed after a weak winter, unions said.",
        ])
    };
    assert_eq!(
        stories("its northern parts"),
        vec![vec![
            "600".to_string(),
            "610".to_string(),
            "640".to_string()
        ]]
    );
    assert_eq!(
        stories("the north"),
        vec![vec!["600".to_string(), "610".to_string()]]
    );
}

#[test]
fn a_headline_figure_joins_the_fact_its_body_states_elsewhere() {
    // The first piece gives its figure only in its headline, in words the other piece's
    // sentence does not share: one specific figure with the same head noun is enough, and
    // the rule written reads the headline too.
    // The two other pieces share their words ("board", "Brantia"), which become the
    // fact's context; the headline's own head noun is added to it.
    let others = [
        article(
            "Velmora's board agreed to close 642 stores across Brantia by June, the filing shows.",
        ),
        article(
            "Velmora's board will shut 642 stores across Brantia this summer, staff were told.",
        ),
    ];
    let found = |title: &str| {
        let arts = vec![headlined(title), others[0].clone(), others[1].clone()];
        let d = discover(&arts, &RuleSet::default(), 0).expect("discovery");
        let ex = extract::extract(&d.rules, &arts);
        let names = vec![
            "a.txt".to_string(),
            "b.txt".to_string(),
            "c.txt".to_string(),
        ];
        compare::compare(&d.rules, &ex.observations, &names)
            .iter()
            .map(|f| (f.sources.len(), f.status))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        found("Grocer chain to axe 642 stores"),
        vec![(3, Status::Agree)]
    );
    // A round figure is no evidence of one fact: the headline stays out.
    assert_eq!(
        found("Grocer chain to axe 640 stores"),
        vec![(2, Status::Agree)]
    );
    // A hedged round figure that 642 rounds to ("more than 640" reaches 645) joins; one
    // it does not ("about 650" reaches 645 to 655) stays out.
    assert_eq!(
        found("Grocer chain to axe more than 640 stores"),
        vec![(3, Status::Loose)]
    );
    assert_eq!(
        found("Grocer chain to axe about 650 stores"),
        vec![(2, Status::Agree)]
    );
}

#[test]
fn a_headline_round_figure_and_an_unrelated_hedge_are_not_one_fact() {
    // "5%" in a headline and "about 5%" of something else: the same round figure, no
    // rounding, so no fact.
    let headline = headlined("Velmora shares sink 5%");
    let other = article("Inflation in Korvath ran at about 5% last year, the bank said.");
    let d = discover(&[headline, other], &RuleSet::default(), 0).expect("discovery");
    assert!(!d.toml.contains("[[fact]]"), "{}", d.toml);
}

#[test]
fn a_relative_clause_before_an_amount_is_no_part_of_its_key() {
    let c = found(
        "The average fare for a ferry crossing, which had crept up over the winter, reached $4.17 on Monday.",
    );
    let key = &c[0].key;
    assert_eq!(values(&c)[0], "4.17 USD");
    // The clause's words are left out, so the key reaches back to the subject.
    assert!(key.contains(&stem("fare")), "{key:?}");
    assert!(!key.contains(&stem("crept")), "{key:?}");
    assert!(!key.contains(&stem("winter")), "{key:?}");
    // A comma inside a number closes nothing; two clauses in a row are both asides.
    let c = found(
        "The port, which employs 1,200 dockers, said fares, which rose, which fell, reached $4.17.",
    );
    let last = c.last().expect("the fare");
    assert_eq!(last.value.canonical(), "4.17 USD");
    for w in ["employs", "dockers", "rose", "fell"] {
        assert!(!last.key.contains(&stem(w)), "{w}: {:?}", last.key);
    }
    // A list in the clause goes on to its item with "and"; a clause with no list closes at
    // its first comma, so the main clause's words after it stay in the key.
    for list in [
        "cranes, heavy barges and tugs",
        "cranes, heavy barges, and tugs",
        "cranes or heavy barges",
    ] {
        let c = found(&format!(
            "Its shipyard arm, which builds {list}, borrowed $4.2bn in the spring."
        ));
        let key = &c.last().expect("the loan").key;
        assert!(key.contains(&stem("shipyard")), "{list}: {key:?}");
        for w in ["cranes", "barges", "tugs"] {
            assert!(!key.contains(&stem(w)), "{list}: {w}: {key:?}");
        }
    }
    let c = found(
        "Velmora's margin, which slid 3 percent, to 11 points, over the spring, while its sales grew 9 percent, to $2.4bn.",
    );
    let key = &c.last().expect("the sales").key;
    assert_eq!(
        c.last().map(|c| c.value.canonical()).as_deref(),
        Some("2400000000 USD")
    );
    assert!(key.contains(&stem("sales")), "{key:?}");
    // Without the commas it is no aside: its words are the amount's.
    let c = found("Fares that had climbed in recent weeks reached $4.17 on Monday.");
    assert!(c[0].key.contains(&stem("climbed")), "{:?}", c[0].key);
}

#[test]
fn off_is_a_word_of_going_down_and_a_time_of_day_is_no_key_word() {
    assert_eq!(stem("off"), stem("fell"));
    for w in ["ET", "p.m.", "GMT", "a.m.", "pm"] {
        assert_eq!(words::key_word(w), None, "{w}");
    }
    // "PM" in capitals is a prime minister, with his possessive too.
    assert_eq!(words::key_word("PM").as_deref(), Some("pm"));
    assert_eq!(words::key_word("PM's").as_deref(), Some("pm"));
    let c = found("Velmora shares were off 12% at 4:15 p.m. ET on Friday.");
    assert_eq!(values(&c)[0], "12%");
    assert!(c[0].key.contains(&stem("fell")), "{:?}", c[0].key);
    assert!(
        !c[0].key.iter().any(|k| k == "et" || k == "p.m"),
        "{:?}",
        c[0].key
    );
}

#[test]
fn a_fact_whose_members_share_no_word_is_labelled_with_each_ones_own() {
    // Grouped by a headline's specific figure: no key word is shared, so each member's
    // rarest word says what was grouped.
    let headline = headlined("Ostrel Spent $7.3 billion on Harbours");
    let body = article("The port authority's dredging arm lost $7.3bn last year.");
    let d = discover(&[headline, body], &RuleSet::default(), 0).expect("discovery");
    let label = d
        .toml
        .lines()
        .find(|l| l.starts_with("label = "))
        .expect("one fact");
    assert!(label.starts_with("label = \"USD amount — "), "{label}");
    assert!(
        label.contains("harbours") || label.contains("ostrel"),
        "{label}"
    );
    assert!(
        label.contains("dredging") || label.contains("arm"),
        "{label}"
    );
}

#[test]
fn british_and_american_spellings_share_a_stem() {
    for (gb, us) in [
        ("organisations", "organizations"),
        ("privatised", "privatized"),
        ("labour", "labor"),
        ("harbours", "harbors"),
        ("centre", "center"),
        ("defence", "defense"),
        ("licences", "licenses"),
    ] {
        assert_eq!(stem(gb), stem(us), "{gb} / {us}");
    }
    // A short word's forms still meet one another, and stay apart from others.
    assert_eq!(stem("raise"), stem("raised"));
    assert_eq!(stem("raise"), stem("raising"));
    assert_eq!(stem("hours"), "hour");
    assert_ne!(stem("fence"), stem("fense"));
}

#[test]
fn a_singular_noun_in_s_before_a_plural_one_modifies_it() {
    assert_eq!(
        head("The grocer told 46 news organisations about it.").as_deref(),
        Some("organisations")
    );
    assert_eq!(
        head("Some 200 business leaders signed the letter.").as_deref(),
        Some("leaders")
    );
    assert_eq!(
        head("Velmora runs 300 gas stations.").as_deref(),
        Some("stations")
    );
    assert_eq!(
        head("The leak reached 46 other news organizations.").map(|n| stem(&n)),
        Some(stem("organisations"))
    );
}

#[test]
fn two_groups_of_the_same_sentences_are_one_fact() {
    // Each piece prints the wire sentence twice: two groups (one amount per source each),
    // whose rules would read the same, are drafted once.
    let wire = "Velmora's board agreed to close 642 stores across Brantia by June.";
    let arts = [
        article(&format!("{wire}\n\nUnions were not told.\n\n{wire}")),
        article(&format!("{wire}\n\nThe grocer gave no details.\n\n{wire}")),
    ];
    let d = discover(&arts, &RuleSet::default(), 0).expect("discovery");
    // One fact of its stores and one of its day ("by June"), each once.
    assert_eq!(d.toml.matches("id = \"d.stores.").count(), 1, "{}", d.toml);
    assert_eq!(d.toml.matches("id = \"d.date.").count(), 1, "{}", d.toml);
}
