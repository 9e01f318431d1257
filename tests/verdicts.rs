//! The verdicts the product exists for, as tables: for each kind of fact, what one
//! sentence per source says, the fact's options, and the status and reasons the
//! comparison must give. Each option of a kind changes at least one row's verdict against
//! the same sentences without it (`flips_without`), checked by `options_change_verdicts`,
//! so a comparer that ignores an option fails here rather than only on what the bundled
//! story happens to contain.
//!
//! Sentences are made up (a made-up country, made-up numbers); every expected status and
//! reason was worked out by hand from docs/rules.md ("Comparing quantities") and the
//! reader's documented ranges, not copied from a run.

use std::path::Path;

use crosscheck::compare::{self, FactFinding, Status};
use crosscheck::corpus::Article;
use crosscheck::extract;
use crosscheck::rules;

/// Publication date of every article that does not write its own front matter: Sunday
/// 10 March 2024.
const PUBLISHED: &str = "2024-03-10";

/// One row: the fact's kind and options (TOML lines), one text per source (`a.txt`,
/// `b.txt`, …), the expected status, the expected disagreement reasons and notes, in order.
struct Row {
    name: &'static str,
    fact: &'static str,
    /// The options under test, appended to `fact`; `options_change_verdicts` drops them.
    options: &'static str,
    texts: &'static [&'static str],
    status: Status,
    reasons: &'static [&'static str],
    notes: &'static [&'static str],
    /// The status the same texts get without `options` (None: the row does not test an
    /// option, or the option does not change this row's verdict).
    flips_without: Option<Status>,
}

/// Compare one fact over one article per text.
fn verdict(fact: &str, options: &str, texts: &[&str]) -> FactFinding {
    let rule = format!(
        "[story]\ntitle = \"Made-up story\"\n\n[[fact]]\nid = \"f\"\nlabel = \"F\"\n{fact}\n{options}\n"
    );
    let rules = rules::parse(Path::new("verdicts.toml"), &rule)
        .unwrap_or_else(|e| panic!("rule file:\n{rule}\n{e}"));
    let names: Vec<String> = (0..texts.len())
        .map(|i| format!("{}.txt", (b'a' + i as u8) as char))
        .collect();
    let articles: Vec<Article> = texts
        .iter()
        .zip(&names)
        .map(|(t, n)| {
            let text = if t.starts_with("---") {
                t.to_string()
            } else {
                format!("---\nsource: {n}\npublished: {PUBLISHED}\n---\n{t}\n")
            };
            Article::from_text(Path::new(n), text).expect("article")
        })
        .collect();
    let x = extract::extract(&rules, &articles);
    let mut found = compare::compare(&rules, &x.observations, &names);
    assert_eq!(found.len(), 1);
    found.remove(0)
}

fn check(rows: &[Row]) {
    let mut failed = Vec::new();
    for r in rows {
        let f = verdict(r.fact, r.options, r.texts);
        let reasons: Vec<&str> = f.disagreements.iter().map(|d| d.reason.as_str()).collect();
        let notes: Vec<&str> = f.notes.iter().map(String::as_str).collect();
        if f.status != r.status || reasons != r.reasons || notes != r.notes {
            let values: Vec<&Vec<String>> = f.sources.iter().map(|s| &s.values).collect();
            failed.push(format!(
                "{}: expected {} {:?} {:?}\n   got      {} {:?} {:?} (values {:?})",
                r.name, r.status, r.reasons, r.notes, f.status, reasons, notes, values
            ));
        }
    }
    assert!(failed.is_empty(), "\n{}", failed.join("\n"));
}

fn check_options_flip(rows: &[Row]) {
    let mut failed = Vec::new();
    for r in rows {
        if let Some(without) = r.flips_without {
            assert_ne!(
                without, r.status,
                "{}: a flip must change the status",
                r.name
            );
            let f = verdict(r.fact, "", r.texts);
            if f.status != without {
                failed.push(format!(
                    "{}: without `{}` expected {without}, got {}",
                    r.name, r.options, f.status
                ));
            }
        }
    }
    assert!(failed.is_empty(), "\n{}", failed.join("\n"));
}

/// Every option in `keys` is the one under test in some row whose verdict it flips.
fn assert_every_option_flips(rows: &[Row], keys: &[&str]) {
    for key in keys {
        assert!(
            rows.iter()
                .any(|r| r.flips_without.is_some() && r.options.starts_with(key)),
            "no row shows that `{key}` changes a verdict"
        );
    }
}

const TROOPS: &str = "kind = \"quantity\"\npatterns = ['{number} (?:of )?troops']";

const OVERLAP: &str = "the ranges do not overlap, even with the rule's tolerance";

const QUANTITY: &[Row] = &[
    Row {
        name: "same exact amount",
        fact: TROOPS,
        options: "",
        texts: &["Valdoria sent 2,000 troops.", "Valdoria sent 2000 troops."],
        status: Status::Agree,
        reasons: &[],
        notes: &[],
        flips_without: None,
    },
    Row {
        name: "one source",
        fact: TROOPS,
        options: "",
        texts: &["Valdoria sent 2,000 troops.", "Nothing was sent."],
        status: Status::Single,
        reasons: &[],
        notes: &[],
        flips_without: None,
    },
    Row {
        name: "nobody",
        fact: TROOPS,
        options: "",
        texts: &["Nothing was sent.", "Nothing at all."],
        status: Status::None,
        reasons: &[],
        notes: &[],
        flips_without: None,
    },
    Row {
        // Default tolerance is 0: 2000 and 2050 are different points.
        name: "exact amounts differ, no tolerance",
        fact: TROOPS,
        options: "",
        texts: &["Valdoria sent 2,000 troops.", "Valdoria sent 2,050 troops."],
        status: Status::Conflict,
        reasons: &[
            "a.txt says 2000, b.txt says 2050: the ranges do not overlap, even with the rule's tolerance",
        ],
        notes: &[],
        flips_without: None,
    },
    Row {
        // 5%: [1900, 2100] and [1947.5, 2152.5] overlap.
        name: "relative tolerance bridges a small gap",
        fact: TROOPS,
        options: "tolerance = \"5%\"",
        texts: &["Valdoria sent 2,000 troops.", "Valdoria sent 2,050 troops."],
        status: Status::Loose,
        reasons: &[],
        notes: &[],
        flips_without: Some(Status::Conflict),
    },
    Row {
        // 5%: [1900, 2100] and [2185, 2415] do not overlap.
        name: "relative tolerance, gap too wide",
        fact: TROOPS,
        options: "tolerance = \"5%\"",
        texts: &["Valdoria sent 2,000 troops.", "Valdoria sent 2,300 troops."],
        status: Status::Conflict,
        reasons: &[
            "a.txt says 2000, b.txt says 2300: the ranges do not overlap, even with the rule's tolerance",
        ],
        notes: &[],
        flips_without: None,
    },
    Row {
        // Absolute 100: [1900, 2100] and [2050, 2250] overlap.
        name: "absolute tolerance bridges a gap",
        fact: TROOPS,
        options: "tolerance = 100",
        texts: &["Valdoria sent 2,000 troops.", "Valdoria sent 2,150 troops."],
        status: Status::Loose,
        reasons: &[],
        notes: &[],
        flips_without: Some(Status::Conflict),
    },
    Row {
        // Absolute 50: [1950, 2050] and [2100, 2200] do not; 5% would have ([1900, 2100]
        // and [2042.5, 2257.5]): the number is not read as a percentage.
        name: "absolute tolerance is not a percentage",
        fact: TROOPS,
        options: "tolerance = 50",
        texts: &["Valdoria sent 2,000 troops.", "Valdoria sent 2,150 troops."],
        status: Status::Conflict,
        reasons: &[
            "a.txt says 2000, b.txt says 2150: the ranges do not overlap, even with the rule's tolerance",
        ],
        notes: &[],
        flips_without: None,
    },
    Row {
        // Touching ends overlap: 2000 widened by an absolute 50 is [1950, 2050] and 2100
        // is [2050, 2150]: they share 2050.
        name: "intervals that touch agree loosely",
        fact: TROOPS,
        options: "tolerance = 50",
        texts: &["Valdoria sent 2,000 troops.", "Valdoria sent 2,100 troops."],
        status: Status::Loose,
        reasons: &[],
        notes: &[],
        flips_without: Some(Status::Conflict),
    },
    Row {
        // Default margin 10%: ~2000 is [1800, 2200], which holds 2150.
        name: "approximate amount, default margin",
        fact: TROOPS,
        options: "",
        texts: &[
            "Valdoria sent about 2,000 troops.",
            "Valdoria sent 2,150 troops.",
        ],
        status: Status::Loose,
        reasons: &[],
        notes: &[],
        flips_without: None,
    },
    Row {
        // Margin 5%: ~2000 is [1900, 2100], which does not hold 2150.
        name: "approximate amount, narrower margin",
        fact: TROOPS,
        options: "approx_margin = \"5%\"",
        texts: &[
            "Valdoria sent about 2,000 troops.",
            "Valdoria sent 2,150 troops.",
        ],
        status: Status::Conflict,
        reasons: &[
            "a.txt says ~2000, b.txt says 2150: the ranges do not overlap, even with the rule's tolerance",
        ],
        notes: &[],
        flips_without: Some(Status::Loose),
    },
    Row {
        // Margin 20%: ~2000 is [1600, 2400], which holds 2300 (10% would not: 2200).
        name: "approximate amount, wider margin",
        fact: TROOPS,
        options: "approx_margin = \"20%\"",
        texts: &[
            "Valdoria sent about 2,000 troops.",
            "Valdoria sent 2,300 troops.",
        ],
        status: Status::Loose,
        reasons: &[],
        notes: &[],
        flips_without: Some(Status::Conflict),
    },
    Row {
        // The margin widens only approximate amounts: 2000 and 2150 stay points.
        name: "margin does not widen an exact amount",
        fact: TROOPS,
        options: "approx_margin = \"20%\"",
        texts: &["Valdoria sent 2,000 troops.", "Valdoria sent 2,150 troops."],
        status: Status::Conflict,
        reasons: &[
            "a.txt says 2000, b.txt says 2150: the ranges do not overlap, even with the rule's tolerance",
        ],
        notes: &[],
        flips_without: None,
    },
    Row {
        // Margin, then tolerance: ~2000 → [1800, 2200] → [1700, 2300]; 2350 → [2250, 2450].
        name: "tolerance applies after the margin",
        fact: TROOPS,
        options: "tolerance = 100",
        texts: &[
            "Valdoria sent about 2,000 troops.",
            "Valdoria sent 2,350 troops.",
        ],
        status: Status::Loose,
        reasons: &[],
        notes: &[],
        flips_without: Some(Status::Conflict),
    },
    Row {
        name: "lower bound holds a larger amount",
        fact: TROOPS,
        options: "",
        texts: &[
            "Valdoria sent at least 2,000 troops.",
            "Valdoria sent 9,000 troops.",
        ],
        status: Status::Loose,
        reasons: &[],
        notes: &[],
        flips_without: None,
    },
    Row {
        name: "lower bound excludes a smaller amount",
        fact: TROOPS,
        options: "",
        texts: &[
            "Valdoria sent at least 2,000 troops.",
            "Valdoria sent 1,500 troops.",
        ],
        status: Status::Conflict,
        reasons: &[
            "a.txt says >=2000, b.txt says 1500: the ranges do not overlap, even with the rule's tolerance",
        ],
        notes: &[],
        flips_without: None,
    },
    Row {
        // 10% of a lower bound's start: [1800, ∞) holds 1900.
        name: "tolerance widens a bound's open side's start",
        fact: TROOPS,
        options: "tolerance = \"10%\"",
        texts: &[
            "Valdoria sent at least 2,000 troops.",
            "Valdoria sent 1,900 troops.",
        ],
        status: Status::Loose,
        reasons: &[],
        notes: &[],
        flips_without: Some(Status::Conflict),
    },
    Row {
        name: "upper bound excludes a larger amount",
        fact: TROOPS,
        options: "",
        texts: &[
            "Valdoria sent up to 2,000 troops.",
            "Valdoria sent 2,500 troops.",
        ],
        status: Status::Conflict,
        reasons: &[
            "a.txt says <=2000, b.txt says 2500: the ranges do not overlap, even with the rule's tolerance",
        ],
        notes: &[],
        flips_without: None,
    },
    Row {
        name: "upper bound holds a smaller amount",
        fact: TROOPS,
        options: "",
        texts: &[
            "Valdoria sent up to 2,000 troops.",
            "Valdoria sent 1,200 troops.",
        ],
        status: Status::Loose,
        reasons: &[],
        notes: &[],
        flips_without: None,
    },
    Row {
        // "tens of thousands" is 10000..99999; "at least 100,000" starts above it.
        name: "vague range against a bound just above it",
        fact: TROOPS,
        options: "",
        texts: &[
            "Valdoria massed tens of thousands of troops.",
            "Valdoria massed at least 100,000 troops.",
        ],
        status: Status::Conflict,
        reasons: &[
            "a.txt says 10000..99999, b.txt says >=100000: the ranges do not overlap, even with the rule's tolerance",
        ],
        notes: &[],
        flips_without: None,
    },
    Row {
        // ~100000 is [90000, 110000], inside-overlapping 10000..99999.
        name: "vague range against an approximate amount",
        fact: TROOPS,
        options: "",
        texts: &[
            "Valdoria massed tens of thousands of troops.",
            "Valdoria massed about 100,000 troops.",
        ],
        status: Status::Loose,
        reasons: &[],
        notes: &[],
        flips_without: None,
    },
    Row {
        name: "explicit ranges that do not overlap",
        fact: TROOPS,
        options: "",
        texts: &[
            "Valdoria sent 2,000-3,000 troops.",
            "Valdoria sent 4,000-5,000 troops.",
        ],
        status: Status::Conflict,
        reasons: &[
            "a.txt says 2000..3000, b.txt says 4000..5000: the ranges do not overlap, even with the rule's tolerance",
        ],
        notes: &[],
        flips_without: None,
    },
    Row {
        // Absolute 1000: [1000, 4000] and [3000, 6000] overlap.
        name: "tolerance widens both ends of a range",
        fact: TROOPS,
        options: "tolerance = 1000",
        texts: &[
            "Valdoria sent 2,000-3,000 troops.",
            "Valdoria sent 4,000-5,000 troops.",
        ],
        status: Status::Loose,
        reasons: &[],
        notes: &[],
        flips_without: Some(Status::Conflict),
    },
    Row {
        // Values conflict, not sources: two sources saying 2000 make one pair, both named.
        name: "a value shared by several sources is named once",
        fact: TROOPS,
        options: "",
        texts: &[
            "Valdoria sent 2,000 troops.",
            "Valdoria sent 2,000 troops.",
            "Valdoria sent 3,000 troops.",
        ],
        status: Status::Conflict,
        reasons: &[
            "a.txt and b.txt say 2000, c.txt says 3000: the ranges do not overlap, even with the rule's tolerance",
        ],
        notes: &[],
        flips_without: None,
    },
    Row {
        name: "each conflicting pair has its reason, in source order",
        fact: TROOPS,
        options: "",
        texts: &[
            "Valdoria sent 3,000 troops.",
            "Valdoria sent 2,000 troops.",
            "Valdoria sent 2,000 troops.",
            "Valdoria sent 2,000 troops.",
            "Valdoria sent 4,000 troops.",
        ],
        status: Status::Conflict,
        reasons: &[
            "a.txt says 3000, b.txt, c.txt and d.txt say 2000: the ranges do not overlap, even with the rule's tolerance; 3000 cannot be true with 2 values in all; 2000 cannot be true with 2 values in all",
            "a.txt says 3000, e.txt says 4000: the ranges do not overlap, even with the rule's tolerance; 4000 cannot be true with 2 values in all",
        ],
        notes: &[],
        flips_without: None,
    },
    Row {
        // Past three sources of a value, the rest are counted.
        name: "many sources of a value: three named, the rest counted",
        fact: TROOPS,
        options: "",
        texts: &[
            "Valdoria sent 2,000 troops.",
            "Valdoria sent 2,000 troops.",
            "Valdoria sent 2,000 troops.",
            "Valdoria sent 2,000 troops.",
            "Valdoria sent 2,000 troops.",
            "Valdoria sent 3,000 troops.",
        ],
        status: Status::Conflict,
        reasons: &[
            "a.txt, b.txt, c.txt and 2 other sources say 2000, f.txt says 3000: the ranges do not overlap, even with the rule's tolerance",
        ],
        notes: &[],
        flips_without: None,
    },
    Row {
        // One source giving two values that cannot both hold contradicts itself.
        name: "a source against itself",
        fact: TROOPS,
        options: "",
        texts: &["Valdoria sent 2,000 troops. Later it said 3,000 troops."],
        status: Status::Conflict,
        reasons: &[
            "a.txt says 2000, a.txt says 3000: the ranges do not overlap, even with the rule's tolerance",
        ],
        notes: &[],
        flips_without: None,
    },
];

#[test]
fn quantity_verdicts() {
    assert!(
        QUANTITY
            .iter()
            .all(|r| r.reasons.iter().all(|s| s.contains(OVERLAP)))
    );
    check(QUANTITY);
}

#[test]
fn quantity_options_change_verdicts() {
    check_options_flip(QUANTITY);
    assert_every_option_flips(
        QUANTITY,
        &["tolerance = \"", "tolerance = 1", "approx_margin"],
    );
}

const VOTE: &str =
    "kind = \"date\"\npatterns = ['vote (?:was held |took place )?(?:on |in )?{date}']";

/// An article without a publication date.
const UNDATED_TUESDAY: &str = "---\nsource: Undated\n---\nThe vote was held on Tuesday.\n";

const DATE: &[Row] = &[
    Row {
        name: "same day, written two ways",
        fact: VOTE,
        options: "",
        texts: &[
            "The vote was held on March 5, 2024.",
            "The vote took place on 5 March 2024.",
        ],
        status: Status::Agree,
        reasons: &[],
        notes: &[],
        flips_without: None,
    },
    Row {
        name: "one day apart",
        fact: VOTE,
        options: "",
        texts: &[
            "The vote was held on March 5, 2024.",
            "The vote was held on March 6, 2024.",
        ],
        status: Status::Conflict,
        reasons: &["a.txt says 2024-03-05, b.txt says 2024-03-06: 1 day apart"],
        notes: &[],
        flips_without: None,
    },
    Row {
        // The later source first: the reason is still in source order, with the gap positive.
        name: "days apart, later date first",
        fact: VOTE,
        options: "",
        texts: &[
            "The vote was held on March 8, 2024.",
            "The vote was held on March 5, 2024.",
        ],
        status: Status::Conflict,
        reasons: &["a.txt says 2024-03-08, b.txt says 2024-03-05: 3 days apart"],
        notes: &[],
        flips_without: None,
    },
    Row {
        // A weekday resolved against the publication date (Sunday 10 March, past tense):
        // Tuesday 5 March.
        name: "weekday resolved against the publication date",
        fact: VOTE,
        options: "",
        texts: &[
            "The vote was held on Tuesday.",
            "The vote was held on March 5, 2024.",
        ],
        status: Status::Agree,
        reasons: &[],
        notes: &[],
        flips_without: None,
    },
    Row {
        // March 2024 is 1–31 March: it holds the 5th, but says less.
        name: "a month holds a day in it",
        fact: VOTE,
        options: "",
        texts: &[
            "The vote was held in March 2024.",
            "The vote was held on March 5, 2024.",
        ],
        status: Status::Loose,
        reasons: &[],
        notes: &[],
        flips_without: None,
    },
    Row {
        // February 2024 ends on the 29th; from 29 February to 5 March is 5 days.
        name: "a month against a day outside it",
        fact: VOTE,
        options: "",
        texts: &[
            "The vote was held in February 2024.",
            "The vote was held on March 5, 2024.",
        ],
        status: Status::Conflict,
        reasons: &["a.txt says 2024-02, b.txt says 2024-03-05: 5 days apart"],
        notes: &[],
        flips_without: None,
    },
    Row {
        // precision = "day" drops the month: only one source states a day.
        name: "precision day drops a month",
        fact: VOTE,
        options: "precision = \"day\"",
        texts: &[
            "The vote was held in February 2024.",
            "The vote was held on March 5, 2024.",
        ],
        status: Status::Single,
        reasons: &[],
        notes: &[],
        flips_without: Some(Status::Conflict),
    },
    Row {
        name: "precision day keeps days",
        fact: VOTE,
        options: "precision = \"day\"",
        texts: &[
            "The vote was held on March 5, 2024.",
            "The vote was held on March 6, 2024.",
        ],
        status: Status::Conflict,
        reasons: &["a.txt says 2024-03-05, b.txt says 2024-03-06: 1 day apart"],
        notes: &[],
        flips_without: None,
    },
    Row {
        // Published Sunday 10 March: "last week" is the week before, Monday 26 February to
        // Sunday 3 March (weeks start on Monday), which does not hold 5 March.
        name: "a week against a day after it",
        fact: VOTE,
        options: "",
        texts: &[
            "The vote was held last week.",
            "The vote was held on March 5, 2024.",
        ],
        status: Status::Conflict,
        reasons: &["a.txt says 2024-W09, b.txt says 2024-03-05: 2 days apart"],
        notes: &[],
        flips_without: None,
    },
    Row {
        name: "precision day drops a week",
        fact: VOTE,
        options: "precision = \"day\"",
        texts: &[
            "The vote was held last week.",
            "The vote was held on March 5, 2024.",
        ],
        status: Status::Single,
        reasons: &[],
        notes: &[],
        flips_without: Some(Status::Conflict),
    },
    Row {
        // A date outside `within` is another event: it is not this fact's value.
        name: "within drops a date outside it",
        fact: VOTE,
        options: "within = [\"2024-03-01\", \"2024-03-31\"]",
        texts: &[
            "The vote was held on March 5, 2024.",
            "The vote was held on April 4, 2024.",
        ],
        status: Status::Single,
        reasons: &[],
        notes: &[],
        flips_without: Some(Status::Conflict),
    },
    Row {
        // Both ends are inside: the first and last day count.
        name: "within keeps its first and last day",
        fact: VOTE,
        options: "within = [\"2024-03-05\", \"2024-03-06\"]",
        texts: &[
            "The vote was held on March 5, 2024.",
            "The vote was held on March 6, 2024.",
        ],
        status: Status::Conflict,
        reasons: &["a.txt says 2024-03-05, b.txt says 2024-03-06: 1 day apart"],
        notes: &[],
        flips_without: None,
    },
    Row {
        // A month reaching past `within` is dropped, even though it holds days inside.
        name: "within drops a month that reaches past it",
        fact: VOTE,
        options: "within = [\"2024-03-01\", \"2024-03-20\"]",
        texts: &[
            "The vote was held in March 2024.",
            "The vote was held on March 5, 2024.",
        ],
        status: Status::Single,
        reasons: &[],
        notes: &[],
        flips_without: Some(Status::Loose),
    },
    Row {
        // 04/03/2024 is 4 March read day-month: one day before the 5th.
        name: "numeric order day-month",
        fact: VOTE,
        options: "numeric_order = \"day-month\"",
        texts: &[
            "The vote was held on 04/03/2024.",
            "The vote was held on March 5, 2024.",
        ],
        status: Status::Conflict,
        reasons: &["a.txt says 2024-03-04, b.txt says 2024-03-05: 1 day apart"],
        notes: &[],
        flips_without: Some(Status::Single),
    },
    Row {
        // The same digits read month-day are April 3: 29 days after 5 March.
        name: "numeric order month-day",
        fact: VOTE,
        options: "numeric_order = \"month-day\"",
        texts: &[
            "The vote was held on 04/03/2024.",
            "The vote was held on April 3, 2024.",
        ],
        status: Status::Agree,
        reasons: &[],
        notes: &[],
        flips_without: Some(Status::Single),
    },
    Row {
        // No publication date: the weekday cannot be placed, and says so.
        name: "weekday without a publication date",
        fact: VOTE,
        options: "",
        texts: &[UNDATED_TUESDAY, "The vote was held on March 5, 2024."],
        status: Status::Single,
        reasons: &[],
        notes: &[
            "a.txt: \"Tuesday\" cannot be placed on the calendar: the article has no publication date",
        ],
        flips_without: None,
    },
    Row {
        name: "only unplaceable weekdays",
        fact: VOTE,
        options: "",
        texts: &[UNDATED_TUESDAY],
        status: Status::Unresolved,
        reasons: &[],
        notes: &[
            "a.txt: \"Tuesday\" cannot be placed on the calendar: the article has no publication date",
        ],
        flips_without: None,
    },
];

#[test]
fn date_verdicts() {
    check(DATE);
}

#[test]
fn date_options_change_verdicts() {
    check_options_flip(DATE);
    assert_every_option_flips(DATE, &["precision", "within", "numeric_order"]);
}

const ACTION: &str = "kind = \"term\"\n[fact.classes]\ninvasion = [\"invade\", \"invasion\"]\ndeployment = [\"deploy\", \"deployment\"]";

/// The same wording classes, but "deploy" counted as an invasion.
const ACTION_MERGED: &str = "kind = \"term\"\n[fact.classes]\ninvasion = [\"invade\", \"invasion\", \"deploy\", \"deployment\"]";

const TERM: &[Row] = &[
    Row {
        name: "same class, different words",
        fact: ACTION,
        options: "",
        texts: &[
            "Valdoria invaded its neighbour.",
            "The invasion began at dawn.",
        ],
        status: Status::Agree,
        reasons: &[],
        notes: &[],
        flips_without: None,
    },
    Row {
        // Framing, not conflict: no reason, a note per class only some sources use.
        name: "different classes are framing",
        fact: ACTION,
        options: "",
        texts: &[
            "Valdoria invaded its neighbour.",
            "Valdoria deployed troops to its neighbour.",
        ],
        status: Status::Framing,
        reasons: &[],
        notes: &["deployment: only b.txt", "invasion: only a.txt"],
        flips_without: None,
    },
    Row {
        // The classes are the option: one class for both words, and the framing is gone.
        name: "classes decide what counts as the same wording",
        fact: ACTION_MERGED,
        options: "",
        texts: &[
            "Valdoria invaded its neighbour.",
            "Valdoria deployed troops to its neighbour.",
        ],
        status: Status::Agree,
        reasons: &[],
        notes: &[],
        flips_without: None,
    },
    Row {
        // A source using both classes frames differently from one using one of them.
        name: "a superset of classes is framing",
        fact: ACTION,
        options: "",
        texts: &[
            "Valdoria invaded its neighbour.",
            "Valdoria deployed troops in what critics call an invasion.",
        ],
        status: Status::Framing,
        reasons: &[],
        notes: &["deployment: only b.txt"],
        flips_without: None,
    },
    Row {
        // A denial is reported and not counted: one source counts, so single.
        name: "a denied class is not counted",
        fact: ACTION,
        options: "",
        texts: &[
            "Valdoria did not invade its neighbour.",
            "Valdoria deployed troops to its neighbour.",
        ],
        status: Status::Single,
        reasons: &[],
        notes: &["a.txt: denies invasion (negated, not counted)"],
        flips_without: None,
    },
    Row {
        name: "only denials",
        fact: ACTION,
        options: "",
        texts: &["Valdoria did not invade its neighbour."],
        status: Status::Unresolved,
        reasons: &[],
        notes: &["a.txt: denies invasion (negated, not counted)"],
        flips_without: None,
    },
    Row {
        name: "one source",
        fact: ACTION,
        options: "",
        texts: &["Valdoria invaded its neighbour.", "Nothing happened."],
        status: Status::Single,
        reasons: &[],
        notes: &[],
        flips_without: None,
    },
];

#[test]
fn term_verdicts() {
    check(TERM);
}

/// Observations of one fact over one article per text (for the value tests below).
fn observe(fact: &str, texts: &[&str]) -> (Vec<Article>, Vec<extract::Observation>) {
    let rule = format!(
        "[story]\ntitle = \"Made-up story\"\n\n[[fact]]\nid = \"f\"\nlabel = \"F\"\n{fact}\n"
    );
    let rules = rules::parse(Path::new("verdicts.toml"), &rule).expect("rule file");
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let text = format!("---\nsource: S{i}\npublished: {PUBLISHED}\n---\n{t}\n");
            Article::from_text(Path::new(&format!("{i}.txt")), text).expect("article")
        })
        .collect();
    let x = extract::extract(&rules, &articles);
    (articles, x.observations)
}

/// How a status is named and marked: the words reports, baselines and `--fail-on` use.
#[test]
fn statuses_have_one_name_and_one_marker_each() {
    let all = [
        (Status::Conflict, "conflict", "✗", true),
        (Status::Framing, "framing", "≠", true),
        (Status::Loose, "loose", "≈", false),
        (Status::Agree, "agree", "✓", false),
        (Status::Single, "single", "·", false),
        (Status::Unresolved, "unresolved", "?", false),
        (Status::None, "none", "–", false),
    ];
    for (status, name, marker, disagreement) in all {
        assert_eq!(status.name(), name);
        assert_eq!(status.to_string(), name);
        assert_eq!(
            serde_json::to_string(&status).unwrap(),
            format!("\"{name}\"")
        );
        assert_eq!(status.marker(), marker);
        assert_eq!(status.is_disagreement(), disagreement, "{name}");
    }
}

/// A value as a table cell, as a reader's line, and in JSON.
#[test]
fn values_are_written_as_reports_show_them() {
    let (_, obs) = observe(VOTE, &["The vote was held on March 5, 2024."]);
    assert_eq!(obs.len(), 1);
    let v = &obs[0].value;
    assert_eq!(v.canonical(), "2024-03-05");
    // 5 March 2024 was a Tuesday.
    assert_eq!(v.short(), "2024-03-05 Tue");
    assert_eq!(v.display(), "2024-03-05 (Tuesday)");
    assert_eq!(serde_json::to_string(v).unwrap(), "\"2024-03-05\"");
    assert!(v.unresolved().is_none());

    let (_, obs) = observe(VOTE, &["The vote was held in March 2024."]);
    assert_eq!(obs[0].value.short(), "2024-03");

    let (_, obs) = observe(ACTION, &["Valdoria sent a “deployment” to the border."]);
    assert_eq!(obs[0].value.canonical(), "deployment");
    assert_eq!(obs[0].value.display(), "deployment (quoted)");
    assert_eq!(obs[0].value.short(), "deployment (quoted)");
    let (_, obs) = observe(ACTION, &["Valdoria sent a deployment to the border."]);
    assert_eq!(obs[0].value.display(), "deployment");
    let (_, obs) = observe(ACTION, &["Valdoria did not invade the province."]);
    assert_eq!(obs[0].value.canonical(), "not:invasion");

    let (_, obs) = observe(TROOPS, &["Valdoria sent about 2,000 troops."]);
    assert_eq!(obs[0].value.short(), "~2000");
    assert_eq!(obs[0].value.display(), "~2000");
}

/// An offset moves the date and the evidence: "three days after the summit on March 2"
/// is 5 March, and its words are the whole phrase, not the anchor; without the offset in
/// the rule's match, the anchor alone.
#[test]
fn an_offset_moves_the_date_and_its_evidence() {
    let text = "The vote took place three days after the summit on March 2, 2024.";
    let fact = "kind = \"date\"\npatterns = ['vote took place (?:[\\w ]+ )?{date}']";
    let (articles, obs) = observe(fact, &[text]);
    assert_eq!(obs.len(), 1, "{obs:#?}");
    let o = &obs[0];
    assert_eq!(o.value.canonical(), "2024-03-05");
    assert_eq!(o.raw, "three days after the summit on March 2, 2024");
    assert_eq!(&articles[0].text[o.span.start..o.span.end], o.raw);

    let fact = "kind = \"date\"\npatterns = ['summit on {date}']";
    let (articles, obs) = observe(fact, &[text]);
    let o = &obs[0];
    assert_eq!(o.value.canonical(), "2024-03-02");
    assert_eq!(o.raw, "March 2, 2024");
    assert_eq!(&articles[0].text[o.span.start..o.span.end], o.raw);
}

/// What `compare_all` keeps of names at each level of detail: every use, or (for a table
/// of findings) the first use of each spelling in an article.
#[test]
fn name_uses_are_kept_as_the_detail_asks() {
    use crosscheck::placed::Detail;
    let texts = [
        "Mara Velkova spoke first. Later Mara Velkova spoke again.",
        "Mara Welkova spoke first. Later Mara Welkova spoke again.",
    ];
    let (articles, _) = observe(TROOPS, &texts);
    let rules = rules::parse(
        Path::new("r.toml"),
        &format!("[story]\ntitle = \"t\"\n[[fact]]\nid = \"f\"\nlabel = \"F\"\n{TROOPS}\n"),
    )
    .unwrap();
    let names: Vec<String> = articles.iter().map(|a| a.file_name.clone()).collect();
    let uses = |detail: Detail| -> usize {
        let x = extract::extract(&rules, &articles);
        let mentions = crosscheck::read::name::Mentions::from_docs(&x.names);
        let f = compare::compare_all(&rules, &x, &mentions, &names, detail);
        f.names
            .iter()
            .flat_map(|c| &c.spellings)
            .map(|s| s.mentions.len())
            .sum()
    };
    assert_eq!(uses(Detail::Full), 4);
    assert_eq!(uses(Detail::FirstOnly), 2);
}

/// Each source's distinct values, in the order it first gives them (the report's cells).
#[test]
fn each_source_lists_its_distinct_values_in_order() {
    let f = verdict(
        TROOPS,
        "",
        &[
            "Valdoria sent 3,000 troops. Later it said 2,000 troops, then 3,000 troops again.",
            "Valdoria sent about 2,000 troops.",
        ],
    );
    let values: Vec<&[String]> = f.sources.iter().map(|s| s.values.as_slice()).collect();
    assert_eq!(values, [&["3000", "2000"][..], &["~2000"][..]]);
    let counts: Vec<usize> = f.sources.iter().map(|s| s.observations.len()).collect();
    assert_eq!(counts, [3, 1]);
    assert_eq!(
        f.sources.iter().map(|s| s.article).collect::<Vec<_>>(),
        [0, 1]
    );
}
