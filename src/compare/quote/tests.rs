//! The quotation comparison's tests: similarity, diffs, pairing against all-pairs, and
//! cards (one per statement) with their statuses and people.

use super::card;
use super::*;
use crate::corpus::Article;
use crate::extract::QuoteObservation;
use crate::read::quote::{Attribution, Quote, Speaker, SpeakerIndex, quotes};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");

/// The bundled corpus's articles, in file order.
fn corpus() -> Vec<Article> {
    crate::corpus::load(&[CORPUS.into()])
        .expect("corpus dir")
        .articles
}

const TRANSLATION_A: &str = "The guild has offered a sign of its capacity to reach fast and nonstandard verdicts in the harbour-fee field to shape outcomes in towns along the coast that matter to it.";
const TRANSLATION_B: &str = "The guild is signalling its capacity to take fast and unconventional harbour-fee verdicts so as to shape what happens in towns along the coast that matter to it";

#[test]
fn two_translations_pair_and_word_diff() {
    let s = similarity(TRANSLATION_A, TRANSLATION_B);
    assert!((PAIR_THRESHOLD..0.9).contains(&s), "{s}");
    let diff = word_diff(TRANSLATION_A, TRANSLATION_B);
    let removed = diff
        .iter()
        .position(|d| matches!(d, DiffOp::Removed(w) if w.contains("nonstandard")));
    let added = diff
        .iter()
        .position(|d| matches!(d, DiffOp::Added(w) if w.contains("unconventional")));
    assert!(
        matches!((removed, added), (Some(r), Some(a)) if a == r + 1),
        "{diff:?}"
    );
    assert_eq!(diff.first(), Some(&DiffOp::Same("The guild".to_string())));
    assert!(
        diff.contains(&DiffOp::Same("fast and".to_string())),
        "{diff:?}"
    );
}

#[test]
fn same_words_ignores_case_and_surrounding_punctuation_only() {
    assert!(same_words("We will, \"win\".", "we will win"));
    assert!(same_words("a  b\tc", "a b c"));
    assert!(same_words("Council’s — army", "COUNCIL’S — army,"));
    assert!(same_words("— x", "— x"));
    assert!(!same_words("— x", "-- x"));
    assert!(!same_words("— x", "a x"));
    assert!(!same_words("we will win", "we will win now"));
    assert!(!same_words("we won", "we win"));
    assert!(!same_words("don't", "dont"));
    assert!(same_words("it’s over", "it's over"));
    assert!(!same_words("Zoë said", "Zo said"));
    // The ASCII shortcut agrees with comparing diff keys.
    for (x, y) in [
        ("(A)", "a"),
        ("...", "..."),
        ("...", "!"),
        ("x-1", "X-1!"),
        ("é", "É"),
        // One word ASCII and the other not: the shortcut must not be taken (a curly
        // apostrophe is the straight one; a letter beyond ASCII is no punctuation).
        ("it’s", "it's"),
        ("Zoë", "Zo"),
    ] {
        assert_eq!(same_key(x, y), diff_key(x) == diff_key(y), "{x} {y}");
    }
}

#[test]
fn word_diff_of_identical_and_trimmed_quotes() {
    assert_eq!(
        word_diff("A b, c.", "a b c"),
        vec![DiffOp::Same("A b, c.".to_string())]
    );
    assert_eq!(
        word_diff(
            "the urge to stay put is strong",
            "Officials say the urge to stay put is strong"
        ),
        vec![
            DiffOp::Added("Officials say".to_string()),
            DiffOp::Same("the urge to stay put is strong".to_string())
        ]
    );
}

#[test]
fn similarity_near_misses() {
    // A trim pairs; a different statement on the same topic does not.
    assert!(
        similarity(
            "the urge to stay put is strong",
            "Officials say the urge to stay put is strong and that's likely"
        ) >= PAIR_THRESHOLD
    );
    assert!(
        similarity(
            "almost entirely as part of their own water and hardly as a shared sea",
            "The fleet used the moment and sailed into a strait that it regards as part of its own home waters"
        ) < PAIR_THRESHOLD
    );
    assert!(
        similarity(
            "The guild has proved it can now do more than it did last spring.",
            "The guild is signalling its capacity to take fast verdicts"
        ) < PAIR_THRESHOLD
    );
    assert_eq!(similarity("", "anything at all here"), 0.0);
    assert!((similarity(TRANSLATION_A, TRANSLATION_A) - 1.0).abs() < 1e-9);
}

#[test]
fn corpus_pairs_its_one_translated_quotation_only() {
    let articles = corpus();
    let mut items: Vec<(usize, String)> = Vec::new();
    for (k, a) in articles.iter().enumerate() {
        for q in quotes(a) {
            if q.kind == QuoteKind::Quote {
                items.push((k, q.text));
            }
        }
    }
    let refs: Vec<(usize, &str)> = items.iter().map(|(k, t)| (*k, t.as_str())).collect();
    let pairs = pair_quotes(&refs);
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    let (i, j, _) = pairs[0];
    let texts = [items[i].1.as_str(), items[j].1.as_str()];
    assert!(texts.iter().any(|t| t.contains("nonstandard")));
    assert!(texts.iter().any(|t| t.contains("unconventional")));

    // Blocking finds exactly what comparing all pairs finds.
    assert_eq!(pair::all_pairs(&refs, PAIR_THRESHOLD), pairs);
}

#[test]
fn blocking_finds_every_pair_all_pairs_finds_on_reworded_corpus_quotes() {
    // Every quotation of the bundled corpus in four sources: as written, with its second
    // word dropped, with its last two words dropped, and with "decisions" → "decision"
    // style inflections (a trailing "s" cut from every word of seven letters or more). Many
    // pairs, trims and inflections; blocking must find exactly what all-pairs finds.
    let articles = corpus();
    let mut texts: Vec<String> = Vec::new();
    for a in &articles {
        for q in quotes(a) {
            if q.kind == QuoteKind::Quote {
                texts.push(q.text);
            }
        }
    }
    let mut items: Vec<(usize, String)> = Vec::new();
    for t in &texts {
        let ws: Vec<&str> = t.split_whitespace().collect();
        let drop_second: Vec<&str> = ws
            .iter()
            .enumerate()
            .filter(|&(k, _)| k != 1)
            .map(|(_, w)| *w)
            .collect();
        let cut = &ws[..ws.len().saturating_sub(2)];
        let inflected: Vec<&str> = ws
            .iter()
            .map(|w| match w.strip_suffix('s') {
                Some(stem) if w.len() >= 7 => stem,
                _ => w,
            })
            .collect();
        items.push((0, t.clone()));
        items.push((1, drop_second.join(" ")));
        items.push((2, cut.join(" ")));
        items.push((3, inflected.join(" ")));
    }
    let refs: Vec<(usize, &str)> = items.iter().map(|(k, t)| (*k, t.as_str())).collect();
    let pairs = pair_quotes(&refs);
    // Each quotation pairs with its own three variants at least.
    assert!(
        pairs.len() >= 3 * texts.len(),
        "{} {}",
        pairs.len(),
        texts.len()
    );
    assert_eq!(pair::all_pairs(&refs, PAIR_THRESHOLD), pairs);
}

#[test]
fn a_quotation_republished_many_times_pairs_in_linear_work() {
    // One statement in 3,000 sources, half of them with a word dropped, plus an
    // unrelated one: all-pairs would be 4.5 million pairs.
    let full = "the army will leave the city within two weeks of the agreement";
    let trimmed = "the army will leave the city within two weeks";
    let mut items: Vec<(usize, &str)> = (0..3000)
        .map(|k| (k, if k % 2 == 0 { full } else { trimmed }))
        .collect();
    items.push((0, "prices of bread rose sharply in the capital"));
    let pairs = pair_quotes(&items);
    assert!(pairs.len() <= 3000 * MAX_CANDIDATES, "{}", pairs.len());
    // Every copy of the statement is paired, and only with the statement.
    let mut paired = vec![false; items.len()];
    for &(i, j, s) in &pairs {
        assert!(s >= PAIR_THRESHOLD && items[i].0 != items[j].0);
        paired[i] = true;
        paired[j] = true;
    }
    assert!(paired[..3000].iter().all(|&p| p));
    assert!(!paired[3000]);
    // Identical wordings pair first: a quotation's first partner has its own words.
    let first = pairs.iter().find(|p| p.0 == 0).map(|p| p.1);
    assert_eq!(first.map(|j| items[j].1), Some(full));
}

#[test]
fn pair_quotes_keeps_one_best_pair_per_other_source() {
    let items = [
        (0, "the army will leave the city within two weeks"),
        (
            1,
            "the army will leave the city within two weeks, officials said",
        ),
        (1, "the army will leave the city soon"),
        (2, "prices of bread rose sharply in the capital"),
    ];
    let pairs = pair_quotes(&items);
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    assert_eq!((pairs[0].0, pairs[0].1), (0, 1));
}

/// A quotation of `text` given to `who`, as the reader would give it.
fn mk(text: &str, who: Option<&str>) -> Quote {
    Quote {
        span: 0..0,
        text: text.to_string(),
        kind: QuoteKind::Quote,
        unbalanced: false,
        speaker: who.map(|n| Speaker {
            name: n.to_string(),
            span: None,
            attribution: Attribution::Explicit,
            description: Some(format!("described {n}")),
        }),
    }
}

/// An extraction of `quotes` (article, quotation), speakers put in canonical form with an
/// index that has read `names`.
fn extraction_of(quotes: Vec<(usize, Quote)>, names: &str) -> Extraction {
    let mut extraction = Extraction::default();
    for (article, quote) in quotes {
        extraction.quotes.push(QuoteObservation {
            article,
            quote,
            speaker: None,
            who: None,
        });
    }
    let mut index = SpeakerIndex::new();
    index.observe_text(names);
    extraction.canonicalise_speakers(&index);
    extraction
}

const PRICES: &str = "Prices rose because of the drought and moved into a new range";

#[test]
fn one_card_per_statement_with_every_source_and_conflicts_between_people() {
    let a = mk(PRICES, Some("Okafor"));
    let b = mk(
        "Prices rose because of the drought and moved into the new range",
        Some("Lindqvist"),
    );
    let c = mk(
        "Sending inspectors raises the stakes for everyone",
        Some("Varga"),
    );
    let d = mk(PRICES, Some("Mr. Okafor"));
    let phrase = Quote {
        kind: QuoteKind::Phrase,
        ..mk("ultimatum", None)
    };
    let extraction = extraction_of(
        vec![(0, a), (1, b), (1, c), (1, phrase), (2, d)],
        "Grace Okafor and Nils Lindqvist",
    );
    assert_eq!(
        extraction.quotes[4].speaker.as_deref(),
        Some("Grace Okafor")
    );
    let out = compare_quotes(&extraction, Detail::Full);
    let got: Vec<(QuoteStatus, Vec<usize>)> =
        out.iter().map(|f| (f.status, f.quotes.clone())).collect();
    // Three sources, one card (not three pairs); "Mr. Okafor" is Grace Okafor, so the card
    // has two people, and they differ. The phrase is left out.
    assert_eq!(
        got,
        [
            (QuoteStatus::AttributionConflict, vec![0, 1, 4]),
            (QuoteStatus::Single, vec![2]),
        ]
    );
    let card = &out[0];
    let names: Vec<&str> = card.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Grace Okafor", "Nils Lindqvist"]);
    assert_eq!(card.conflicts, [(0, 1)]);
    let persons: Vec<Option<usize>> = card.members.iter().map(|m| m.person).collect();
    assert_eq!(persons, [Some(0), Some(1), Some(0)]);
    // Equal lengths: the first is the reference; the others are measured against it.
    assert_eq!(card.reference, 0);
    let wordings: Vec<Wording> = card.members.iter().map(|m| m.wording).collect();
    assert_eq!(
        wordings,
        [Wording::Reference, Wording::Reworded, Wording::Same]
    );
    assert!(
        card.members[1]
            .diff
            .contains(&DiffOp::Removed("a".to_string()))
    );
    assert!(
        card.members[2]
            .diff
            .iter()
            .all(|d| matches!(d, DiffOp::Same(_)))
    );
    assert_eq!(card.members[2].similarity, 1.0);
    assert_eq!(out[1].members.len(), 1);
    // Without diffs, the same cards.
    let plain = compare_quotes(&extraction, Detail::NoDiffs);
    assert!(
        plain
            .iter()
            .all(|f| f.members.iter().all(|m| m.diff.is_empty()))
    );
    let statuses = |fs: &[QuoteFinding]| fs.iter().map(|f| f.status).collect::<Vec<_>>();
    assert_eq!(statuses(&plain), statuses(&out));
}

#[test]
fn the_same_person_written_two_ways_is_no_attribution_conflict() {
    let names = "Dana Ortega spoke. Ivo Brandt spoke.";
    for (x, y) in [
        ("Mr Ortega", "Ortega"),
        ("Acme CEO Dana Ortega", "Ms. Ortega"),
        ("H. Dana Ortega", "Dana Ortega"),
        ("Jon Ortega", "John Ortega"),
        ("Russian president", "Ortega"),
    ] {
        let e = extraction_of(
            vec![(0, mk(PRICES, Some(x))), (1, mk(PRICES, Some(y)))],
            names,
        );
        let out = compare_quotes(&e, Detail::Full);
        assert_eq!(out.len(), 1, "{x} / {y}");
        assert_eq!(out[0].status, QuoteStatus::Same, "{x} / {y}");
        assert!(out[0].conflicts.is_empty());
    }
    // Spellings the name comparison pairs (a transliteration's ending, a German and an
    // English spelling) but that are no typing slip: one person, no conflict.
    for (x, y) in [
        ("Taras Ostrovskyi", "Taras Ostrovsky"),
        ("Lena Gorbatschow", "Lena Gorbachev"),
    ] {
        let e = extraction_of(
            vec![(0, mk(PRICES, Some(x))), (1, mk(PRICES, Some(y)))],
            "Taras Ostrovsky spoke. Lena Gorbachev spoke.",
        );
        let out = compare_quotes(&e, Detail::Full);
        assert_eq!(out[0].status, QuoteStatus::Same, "{x} / {y}");
        assert_eq!(out[0].people.len(), 1, "{x} / {y}");
    }
    // Spelled two ways: one person, and a pair of spellings for the name comparison.
    let e = extraction_of(
        vec![
            (0, mk(PRICES, Some("Jon Ortega"))),
            (1, mk(PRICES, Some("John Ortega"))),
        ],
        names,
    );
    let out = compare_quotes(&e, Detail::Full);
    assert_eq!(out[0].people.len(), 1);
    assert_eq!(out[0].people[0].written, ["Jon Ortega", "John Ortega"]);
    assert_eq!(
        spelled_speakers(&out),
        [("Jon Ortega".to_string(), "John Ortega".to_string())]
    );
    // Two different people are still a conflict.
    let e = extraction_of(
        vec![
            (0, mk(PRICES, Some("Ortega"))),
            (1, mk(PRICES, Some("Brandt"))),
        ],
        names,
    );
    assert_eq!(
        compare_quotes(&e, Detail::Full)[0].status,
        QuoteStatus::AttributionConflict
    );
}

#[test]
fn a_surname_alone_joins_one_of_two_people_and_they_still_differ() {
    // "Marsh" could be either; Jill and Tom Marsh are two people: a conflict.
    let e = extraction_of(
        vec![
            (0, mk(PRICES, Some("Jill Marsh"))),
            (1, mk(PRICES, Some("Marsh"))),
            (2, mk(PRICES, Some("Tom Marsh"))),
        ],
        "Jill Marsh and Tom Marsh",
    );
    let out = compare_quotes(&e, Detail::Full);
    assert_eq!(out[0].status, QuoteStatus::AttributionConflict);
    assert_eq!(out[0].people.len(), 2);
    assert_eq!(out[0].people[0].written, ["Jill Marsh", "Marsh"]);
}

#[test]
fn words_dropped_at_either_end_are_shortened_inside_reworded() {
    let long = "We will keep the harbour open through the winter and beyond it";
    let e = extraction_of(
        vec![
            (0, mk(long, Some("Ortega"))),
            (
                1,
                mk("keep the harbour open through the winter", Some("Ortega")),
            ),
            (2, mk(long, None)),
        ],
        "Dana Ortega",
    );
    let out = compare_quotes(&e, Detail::Full);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].status, QuoteStatus::Shortened);
    assert_eq!(out[0].members[1].wording, Wording::Shortened);
    assert_eq!(out[0].members[2].person, None);
    assert_eq!(
        out[0].members[1].diff.first(),
        Some(&DiffOp::Removed("We will".to_string()))
    );
    // A word cut inside is a rewording.
    let e = extraction_of(
        vec![
            (0, mk(long, Some("Ortega"))),
            (
                1,
                mk(
                    "We will keep the harbour open through winter and beyond it",
                    Some("Ortega"),
                ),
            ),
        ],
        "Dana Ortega",
    );
    assert_eq!(
        compare_quotes(&e, Detail::Full)[0].status,
        QuoteStatus::Reworded
    );
    assert!(card::is_shortened_for_test(long, "the harbour open"));
    assert!(!card::is_shortened_for_test(long, long));
}

/// Cards of made-up wordings joined by the given pairs (strongest first), as `cards` forms
/// them. Words with distinct three-letter prefixes, so only equal words match.
fn cards_of(texts: &[&str], pairs: &[(usize, usize, f64)]) -> Vec<Vec<usize>> {
    card::cards(texts.len(), pairs, |i| texts[i])
}

#[test]
fn a_pair_joins_its_two_quotations_and_later_joins_are_gated_by_the_references() {
    // A pair is trusted as given: its own two wordings need not be re-measured.
    assert_eq!(
        cards_of(&["amber basil", "cedar dahlia"], &[(0, 1, 0.9)]),
        [vec![0, 1]]
    );
    // A later pair through a non-reference member joins when the references are alike:
    // the reference of {0, 1} is 0 (the longer), and 0 against 2 scores 10/11.
    let t = [
        "amber basil cedar dahlia ember fennel",
        "amber basil cedar dahlia ember",
        "basil cedar dahlia ember fennel",
    ];
    assert_eq!(cards_of(&t, &[(0, 1, 0.9), (1, 2, 0.8)]), [vec![0, 1, 2]]);
    // The gate is "at least the threshold": two of four words each, Dice 0.5, joins.
    let t = [
        "amber basil cedar dahlia",
        "amber basil",
        "amber basil ember fennel",
    ];
    assert_eq!(similarity(t[0], t[2]), PAIR_THRESHOLD);
    assert_eq!(cards_of(&t, &[(0, 1, 0.9), (1, 2, 0.8)]), [vec![0, 1, 2]]);
}

#[test]
fn a_cards_reference_is_its_longest_wording_the_first_of_equals() {
    // Which wording is the reference decides the next join. Equal lengths: the first (0)
    // stays the reference, so 2, alike 1 (4/7) but not 0 (2/7), is a card of its own.
    let t = [
        "amber basil cedar dahlia",
        "amber basil cedar ember",
        "cedar ember fennel",
    ];
    assert!(similarity(t[1], t[2]) >= PAIR_THRESHOLD);
    assert!(similarity(t[0], t[2]) < PAIR_THRESHOLD);
    assert_eq!(
        cards_of(&t, &[(0, 1, 0.9), (1, 2, 0.8)]),
        [vec![0, 1], vec![2]]
    );
    // Joining {0, 2} (reference 2, five words) with {1} (four): 2 stays the reference, so
    // 3, alike 1 but not 2, stays apart.
    let t = [
        "amber basil",
        "amber basil cedar kale",
        "amber basil cedar dahlia ember",
        "cedar kale lemon",
    ];
    assert!(similarity(t[1], t[3]) >= PAIR_THRESHOLD);
    assert!(similarity(t[2], t[3]) < PAIR_THRESHOLD);
    let pairs = [(0, 2, 0.9), (0, 1, 0.8), (1, 3, 0.7)];
    assert_eq!(cards_of(&t, &pairs), [vec![0, 1, 2], vec![3]]);
    // The same with 1 as long as 2: the first of equals, 1, becomes the reference, and 3
    // joins.
    let t = [
        "amber basil",
        "amber basil cedar kale",
        "amber basil cedar dahlia",
        "cedar kale lemon",
    ];
    assert!(similarity(t[2], t[3]) < PAIR_THRESHOLD);
    assert_eq!(cards_of(&t, &pairs), [vec![0, 1, 2, 3]]);
}

#[test]
fn a_short_fragment_never_chains_two_statements_into_one_card() {
    // The fragment shares three content words with each long statement, enough to pair
    // with both; the two statements have little else in common, so they stay two cards and
    // Okafor and Lindqvist are never given the same words.
    let flood = "We are saddened by the loss of life in the valley, which we mourn, caused by a flood nobody foresaw";
    let rescue = "The crews have shown great courage and skill. The storm has caused needless loss of life among farmers and families in the valley.";
    let e = extraction_of(
        vec![
            (0, mk("saddened by the loss of life in the valley", None)),
            (1, mk(flood, Some("Grace Okafor"))),
            (2, mk(flood, Some("Okafor"))),
            (3, mk(rescue, Some("Nils Lindqvist"))),
        ],
        "Grace Okafor and Nils Lindqvist",
    );
    assert!(similarity("saddened by the loss of life in the valley", rescue) >= PAIR_THRESHOLD);
    let out = compare_quotes(&e, Detail::Full);
    let got: Vec<(QuoteStatus, Vec<usize>)> =
        out.iter().map(|f| (f.status, f.quotes.clone())).collect();
    assert_eq!(
        got,
        [
            (QuoteStatus::Shortened, vec![0, 1, 2]),
            (QuoteStatus::Single, vec![3]),
        ]
    );
}

#[test]
fn a_speaker_found_only_by_a_back_reference_is_never_a_second_person() {
    // "…, it said" resolved to the firm named before; another outlet gives the same words to
    // the firm's spokeswoman. The two can be one voice: no attribution conflict.
    let by_reference = |text: &str, who: &str| Quote {
        speaker: Some(Speaker {
            name: who.to_string(),
            span: None,
            attribution: Attribution::Reference,
            description: Some("the statement said".to_string()),
        }),
        ..mk(text, None)
    };
    let e = extraction_of(
        vec![
            (0, by_reference(PRICES, "Tallis Gorse")),
            (1, mk(PRICES, Some("Wren Abara"))),
        ],
        "Tallis Gorse and Wren Abara",
    );
    let out = compare_quotes(&e, Detail::Full);
    assert_eq!(out[0].status, QuoteStatus::Same, "{out:?}");
    // Named both times, the same two are two people.
    let e = extraction_of(
        vec![
            (0, mk(PRICES, Some("Tallis Gorse"))),
            (1, mk(PRICES, Some("Wren Abara"))),
        ],
        "Tallis Gorse and Wren Abara",
    );
    let out = compare_quotes(&e, Detail::Full);
    assert_eq!(out[0].status, QuoteStatus::AttributionConflict);
    // Found by a back-reference in one source and named in another, the speaker is named:
    // two people again.
    let e = extraction_of(
        vec![
            (0, by_reference(PRICES, "Tallis Gorse")),
            (1, mk(PRICES, Some("Tallis Gorse"))),
            (2, mk(PRICES, Some("Wren Abara"))),
        ],
        "Tallis Gorse and Wren Abara",
    );
    let out = compare_quotes(&e, Detail::Full);
    assert_eq!(out[0].status, QuoteStatus::AttributionConflict);
}

/// Each person of a card's first finding, as the names written for them.
fn people_written(e: &Extraction) -> (QuoteStatus, Vec<Vec<String>>) {
    let out = compare_quotes(e, Detail::Full);
    let people = out[0].people.iter().map(|p| p.written.clone()).collect();
    (out[0].status, people)
}

#[test]
fn people_are_joined_pair_by_pair_and_never_across_two_different_people() {
    let card = |speakers: [&str; 3], names: &str| {
        let quotes = speakers
            .iter()
            .enumerate()
            .map(|(k, s)| (k, mk(PRICES, Some(s))))
            .collect();
        people_written(&extraction_of(quotes, names))
    };
    let conflict = QuoteStatus::AttributionConflict;
    // "Marsh" is Jill or Tom Marsh, who differ: it joins the first, and Tom stays apart
    // (the join of Tom with Jill's group is refused: Tom differs from Jill).
    assert_eq!(
        card(
            ["Jill Marsh", "Tom Marsh", "Marsh"],
            "Jill Marsh and Tom Marsh"
        ),
        (
            conflict,
            vec![
                vec!["Jill Marsh".into(), "Marsh".into()],
                vec!["Tom Marsh".into()]
            ]
        )
    );
    // "Jill Marhs" is "Marsh" spelled two ways, but "Marsh" is already one with Tom Marsh,
    // whom Jill differs from: she stays apart.
    assert_eq!(
        card(
            ["Marsh", "Jill Marhs", "Tom Marsh"],
            "Jill Marsh, Tom Marsh and Jill Marhs"
        ),
        (
            conflict,
            vec![
                vec!["Marsh".into(), "Tom Marsh".into()],
                vec!["Jill Marhs".into()]
            ]
        )
    );
    // The second and third speakers are one person, though each differs from the first.
    assert_eq!(
        card(
            ["Ivo Brandt", "Dan Ortega", "Daniel Ortega"],
            "Ivo Brandt, Dan Ortega and Daniel Ortega"
        ),
        (
            conflict,
            vec![
                vec!["Ivo Brandt".into()],
                vec!["Dan Ortega".into(), "Daniel Ortega".into()]
            ]
        )
    );
    // Both Ortegas differ from Brandt: one conflict between the two people, not two.
    let e = extraction_of(
        vec![
            (0, mk(PRICES, Some("Ivo Brandt"))),
            (1, mk(PRICES, Some("Dan Ortega"))),
            (2, mk(PRICES, Some("Daniel Ortega"))),
        ],
        "Ivo Brandt, Dan Ortega and Daniel Ortega",
    );
    assert_eq!(compare_quotes(&e, Detail::Full)[0].conflicts, [(0, 1)]);
    // Speakers that cannot be told apart are not joined: two people, and no conflict.
    let e = extraction_of(
        vec![
            (0, mk(PRICES, Some("Russian president"))),
            (1, mk(PRICES, Some("Ortega"))),
        ],
        "Dana Ortega spoke.",
    );
    let (status, people) = people_written(&e);
    assert_eq!(status, QuoteStatus::Same);
    assert_eq!(people.len(), 2, "{people:?}");
}

#[test]
fn a_status_and_a_wording_have_one_name_in_every_format() {
    // CSV, HTML classes and text print `name()`; JSON prints serde's name: the same word.
    let named = |v: serde_json::Value, name: &str| {
        assert_eq!(v.as_str(), Some(name), "{v}");
    };
    for s in [
        QuoteStatus::AttributionConflict,
        QuoteStatus::Reworded,
        QuoteStatus::Shortened,
        QuoteStatus::Same,
        QuoteStatus::Single,
    ] {
        named(serde_json::json!(s), s.name());
    }
    for w in [
        Wording::Reference,
        Wording::Same,
        Wording::Shortened,
        Wording::Reworded,
    ] {
        named(serde_json::json!(w), w.name());
    }
    assert_eq!(
        QuoteStatus::AttributionConflict.name(),
        "attribution-conflict"
    );
    assert_eq!(Wording::Reference.name(), "reference");
}

/// Cards made a block of pairs at a time (as `compare_quotes` makes them) are the cards of
/// all the pairs at once: made-up statements, each reworded by several outlets, so that
/// pairing finds more than one block.
#[test]
fn cards_joined_block_by_block_are_the_cards_of_all_pairs() {
    let items: Vec<(usize, &str)> = vec![
        (
            0,
            "The ferry to Marlow Island will stop running on Friday evening",
        ),
        (1, "The ferry to Marlow Island stops running Friday evening"),
        (
            2,
            "Ferry service to Marlow Island will stop on Friday evening",
        ),
        (
            0,
            "We counted nine hundred cormorants along the northern breakwater",
        ),
        (
            3,
            "We counted nine hundred cormorants on the northern breakwater",
        ),
        (
            1,
            "Nine hundred cormorants were counted along the breakwater",
        ),
        (2, "Bridge tolls rise again in the spring for every lorry"),
        (3, "Bridge tolls will rise in spring for every lorry"),
        (3, "The ferry to Marlow Island will stop running on Friday"),
        (1, "An unrelated remark about the weather"),
    ];
    let text = |k: usize| items[k].1;
    let mut blocks = 0;
    let mut joined = card::Cards::new(items.len(), text);
    pair::pair_blocks_with(
        &items,
        MAX_CANDIDATES,
        PROBE_BUDGET,
        PAIR_THRESHOLD,
        |block| {
            blocks += 1;
            joined.join(block, text)
        },
    );
    let whole = card::cards(items.len(), &pair_quotes(&items), text);
    assert_eq!(blocks, 3, "one block per statement");
    assert_eq!(joined.finish(), whole);
    assert_eq!(
        whole,
        vec![vec![0, 1, 2, 8], vec![3, 4, 5], vec![6, 7], vec![9]]
    );
}
