//! Discovery: the facts a story's sources state, found without a rule file.
//!
//! Beside the rule path, above comparison (it runs extraction and comparison to keep only
//! what two sources state). Every amount an article writes (read by the number reader:
//! money with its currency, percentages, points, counts, vague counts) is a candidate
//! ([`Candidate`]), keyed by what it counts: the content words either side of it in its
//! sentence (the measure word, "profit", "stake", "share"; the owner, "Velka's"; what it is
//! a share of) and, for a count, its head noun ("stores", "workers"). Candidates of two
//! sources with the same unit (and, for counts, the same head noun) whose keys are alike
//! (a weighted Jaccard similarity, rare words weighing more: [`words::similarity`]) are
//! grouped, at most one per source, every pair of a group alike (complete link); so are
//! two amounts whose measures nest ("5% of US imports", "8% of US oil and product
//! imports"). Dates are candidates too, resolved against the publication date and keyed
//! by the words of their event.
//!
//! A group is written as a rule fact ([`write`]): a `quantity` in the group's unit, its
//! shared key words as context, one literal pattern per member (the words before the
//! amount, and a count's head noun), and each member's sentence as an example. The rule
//! file is then parsed, run and compared like any other, so a discovered fact is compared
//! exactly as a rule fact is, and `crosscheck init`'s file finds what discovery found. Only
//! facts that two or more sources state are kept, conflicts first. docs/discovery.md
//! states every rule and threshold.

pub mod words;
pub mod write;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::compare::{self, Status};
use crate::corpus::Article;
use crate::extract;
use crate::read::date::{self, DateContext, DateValue};
use crate::read::number::{self, Amount, Quantity, Unit};
use crate::rules::{self, RuleError, RuleSet};
use crate::span::Span;

pub use words::{similarity, stem, tokens};

/// Content words on the left of an amount, and on its right, that make its key; looked
/// for within this many words either side.
pub const KEY_LEFT: usize = 5;
pub const KEY_RIGHT: usize = 4;
pub const KEY_SPAN: usize = 12;
/// How alike two keys must be (weighted Jaccard) for their amounts to be one fact.
pub const THRESHOLD: f64 = 0.22;
/// Words before the amount, and after it, that its literal pattern keeps.
pub const PATTERN_WORDS: usize = 4;
pub const PATTERN_AFTER: usize = 2;
/// The most articles discovery drafts facts from (`check --discover-from`). Grouping
/// compares every two candidates and the drafted patterns grow with the articles, so
/// discovery's cost grows with the square of what it reads; a story's sources are a few
/// dozen articles, and past this many, evenly spaced ones ([`sample`]) stand for the rest.
/// Every article is then checked against the facts drafted.
pub const DISCOVER_FROM: usize = 200;

/// What a candidate states: an amount, or a date resolved against its article's
/// publication date.
#[derive(Debug, Clone, PartialEq)]
pub enum Stated {
    Amount(Amount),
    Date(DateValue),
}

impl Stated {
    /// The canonical value, as reports write it.
    pub fn canonical(&self) -> String {
        match self {
            Stated::Amount(a) => a.canonical(),
            Stated::Date(d) => d.canonical(),
        }
    }

    /// The amount's unit (None for a date).
    pub fn unit(&self) -> Option<Unit> {
        match self {
            Stated::Amount(a) => Some(a.unit),
            Stated::Date(_) => None,
        }
    }
}

/// One amount or date in one article, with what it counts or is the day of.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub article: usize,
    /// The sentence, as a byte span of the article's text.
    pub sentence: Span,
    /// The amount's (or date's) words.
    pub span: Span,
    pub value: Stated,
    /// A count's head noun, stemmed ("stor"), and as written ("stores").
    pub head: Option<String>,
    pub noun: Option<String>,
    /// What the amount is a part of, when "of" follows it: "30% of its oil" → `oil`.
    pub of: BTreeSet<String>,
    /// The key: stems of the content words around the amount.
    pub key: BTreeSet<String>,
    /// What an amount of money, percent or points measures, from the phrase it stands in
    /// ([`measure`]): "a 2% inflation target" → inflation, target; "5% of US imports" →
    /// us, import; "the bank's target of 2%" → bank, target. Empty when the sentence does
    /// not say so, and for counts and dates.
    pub measure: BTreeSet<String>,
    /// For a date: the amounts of money its sentence states, canonical ("1900000000 USD"):
    /// two dates whose sentences state the same sum are the days of one event ("the $1.9bn
    /// deal signed in May" and "signed the $1.9bn deal last May"). Empty for amounts.
    pub money: BTreeSet<String>,
    /// Each stem of the key as the sentence writes it (lower case).
    pub written: BTreeMap<String, String>,
    /// The rule pattern that finds this amount again: the words before it, `{number}`,
    /// and a count's words up to its head noun (for a date: the words before it, `{date}`).
    pub pattern: String,
    /// Read from the article's headline, whose few words rarely share a key with a body
    /// sentence.
    pub headline: bool,
    /// How many significant digits the amount is written with ([`written_digits`]): a
    /// hedge rounds a figure written with more ([`rounds`]). 0 for a date.
    pub digits: usize,
}

/// The unit as a key part: currencies apart, percent, points, counts, measures.
pub fn unit_name(unit: Unit) -> String {
    match unit {
        Unit::Count => "count".into(),
        Unit::Currency(c) | Unit::Measure(c) => c.into(),
        Unit::Percent => "%".into(),
        Unit::Points => "pp".into(),
    }
}

/// Every amount of an article that can be a fact, with its key. Amounts that are not
/// facts are left out: a year, a label's number ("page 4", "aged 45"), a time of day, a
/// duration or other count of time, a count below two, and a count with no head noun.
pub fn candidates(article: &Article, index: usize) -> Vec<Candidate> {
    let text = &article.text;
    let mut out = Vec::new();
    // The headline is read as a sentence of its own: its figure is the article's.
    for sentence in article.headline.iter().chain(&article.sentences) {
        let in_body = Some(*sentence) == article.headline
            || sentence.start >= article.body_start
                && article
                    .paragraphs
                    .iter()
                    .any(|p| p.start <= sentence.start && sentence.end <= p.end);
        if !in_body {
            continue;
        }
        let stext = sentence.slice(text);
        let amounts = number::find_amounts(stext);
        let toks = tokens(stext);
        let inside = |t: &words::Token| {
            amounts
                .iter()
                .any(|(r, _)| t.start < r.end && r.start < t.end)
        };
        for (range, amount) in &amounts {
            let before: Vec<&words::Token> = toks.iter().filter(|t| t.end <= range.start).collect();
            let after: Vec<&words::Token> = toks.iter().filter(|t| t.start >= range.end).collect();
            // "page 4", "aged 45": a label's number. "to $33.6bn from $28bn", "$3.67 versus
            // $3.88", "higher than 5%": the amount after "from", "versus" or "than" is the
            // one compared with, an earlier or other value, not the fact.
            if let Some(prev) = before.last()
                && (words::LABEL_WORDS.contains(&stem(prev.text).as_str())
                    || ["from", "versus", "vs", "than"]
                        .contains(&words::surface(prev.text).as_str()))
            {
                continue;
            }
            if let Some(next) = after.first()
                && words::CLOCK_WORDS.contains(&next.text.to_lowercase().trim_end_matches('.'))
            {
                continue;
            }
            let raw = &stext[range.clone()];
            let mut head = None;
            let mut head_written: Option<String> = None;
            let mut head_end = range.end;
            if amount.unit == Unit::Count {
                // "30-second": a count glued to a hyphen is a modifier, not an amount.
                if not_a_count(raw, &amount.quantity) || stext[range.end..].starts_with('-') {
                    continue;
                }
                for (n, t) in after.iter().take(3).enumerate() {
                    let k = n;
                    if inside(t) {
                        break;
                    }
                    let s = words::surface(t.text);
                    if k == 0 && s == "of" {
                        continue;
                    }
                    if words::MODIFIERS.contains(&s.as_str())
                        || t.text.chars().next().is_some_and(char::is_uppercase)
                    {
                        continue;
                    }
                    if let Some(k) = words::key_word(t.text) {
                        // "two grueling weeks", "18,000 leaked accounts": a word in -ing
                        // or -ed before another word is a modifier; "bank accounts": a
                        // singular noun before a plural one is a modifier of it.
                        let next = after
                            .get(n + 1)
                            .filter(|n| !inside(n))
                            .filter(|n| stext[t.end..n.start].chars().all(char::is_whitespace))
                            .filter(|n| n.text.chars().next().is_some_and(char::is_lowercase))
                            .and_then(|n| words::key_word(n.text).map(|k| (k, n)));
                        if let Some((k2, n2)) = next {
                            let n2s = words::surface(n2.text);
                            let modifier = s.ends_with("ing") || s.ends_with("ed");
                            let compound = words::singular(&s) && n2s.ends_with('s');
                            if modifier || compound {
                                head = Some(k2);
                                head_written = Some(n2s);
                                head_end = n2.end;
                                break;
                            }
                        }
                        head = Some(k);
                        head_written = Some(s);
                        head_end = t.end;
                    }
                    break;
                }
                match (&head, &head_written) {
                    (Some(h), Some(w)) if !w.ends_with("-old") => {
                        // A count of time is a fact when it is a length ("for the first
                        // time in three years"), not when it places a day or an age
                        // ("two years ago", "three days later", "five years old"), names
                        // a period, or counts times or hours ("10 times", "3 p.m.").
                        let time = words::TIME_WORDS.iter().any(|t| stem(t) == *h || t == w);
                        let next = after
                            .iter()
                            .find(|t| t.start >= head_end)
                            .map(|t| words::surface(t.text));
                        let placing = next.as_deref().is_some_and(|n| {
                            [
                                "ago", "earlier", "later", "before", "after", "old", "from",
                                "since",
                            ]
                            .contains(&n)
                        });
                        // "in the three months to December", "over the past two weeks":
                        // a period named by its length, not a length stated.
                        let period = before.last().is_some_and(|t| {
                            [
                                "the", "last", "past", "next", "coming", "previous", "recent",
                                "first",
                            ]
                            .contains(&words::surface(t.text).as_str())
                        });
                        if time && (placing || period || !DURATION_WORDS.contains(&h.as_str())) {
                            continue;
                        }
                    }
                    _ => continue,
                }
            }
            // The key: the content words nearest the amount, on its left (where the
            // measure word and the owner mostly are) and on its right ("of its oil"); a
            // count's head noun is compared on its own, no part of the key.
            let before_key = aside(stext, &before, range.start);
            let (key, written) = key_around(&before_key, &after, &inside, head.as_ref());
            if key.is_empty() {
                continue;
            }
            // "30% of its oil": what the amount is a share or part of, the key words of
            // the four words after "of".
            let of: BTreeSet<String> = match after.first() {
                Some(t) if !inside(t) && words::surface(t.text) == "of" => after
                    .iter()
                    .skip(1)
                    .take(4)
                    .take_while(|t| !inside(t))
                    .filter_map(|t| words::key_word(t.text))
                    .collect(),
                _ => BTreeSet::new(),
            };
            let first = before.len().saturating_sub(PATTERN_WORDS);
            let from = before.get(first).map_or(range.start, |t| t.start);
            // After the amount: a count's words up to its head noun, then two words more,
            // within the sentence.
            let to = after
                .iter()
                .filter(|t| t.start >= head_end)
                .take(PATTERN_AFTER)
                .last()
                .map_or(head_end, |t| t.end);
            let pattern = format!(
                "{}{{number}}{}",
                literal(&stext[from..range.start]),
                literal(&stext[range.end..to])
            );
            let measure = if amount.unit == Unit::Count {
                BTreeSet::new()
            } else {
                measure(stext, &before, &after, &inside)
            };
            out.push(Candidate {
                article: index,
                sentence: *sentence,
                span: Span::new(sentence.start + range.start, sentence.start + range.end),
                value: Stated::Amount(*amount),
                head,
                noun: head_written.clone(),
                of,
                key,
                measure,
                money: BTreeSet::new(),
                written,
                pattern,
                headline: Some(*sentence) == article.headline,
                digits: written_digits(raw),
            });
        }
        date_candidates(article, index, *sentence, &toks, &amounts, &mut out);
    }
    out
}

/// The dates of one sentence that can be facts, keyed by the event they are the day of:
/// the content words nearest the date (the verb, its subject and object: "announced ...
/// exit", "phase out ... imports"), other dates and amounts skipped. Each is resolved
/// against the article's publication date as a rule's `{date}` is. A bare year ("in
/// 2014", "last year") and a date that cannot be placed are not facts.
fn date_candidates(
    article: &Article,
    index: usize,
    sentence: Span,
    toks: &[words::Token],
    amounts: &[(std::ops::Range<usize>, Amount)],
    out: &mut Vec<Candidate>,
) {
    let money: BTreeSet<String> = amounts
        .iter()
        .filter(|(_, a)| matches!(a.unit, Unit::Currency(_)))
        .map(|(_, a)| a.canonical())
        .collect();
    let stext = sentence.slice(&article.text);
    let ctx = DateContext {
        published: article.published,
        numeric_order: None,
        anchor: None,
    };
    let found = date::find_dates(stext, &ctx);
    // An offset phrase ("ten days after ... May 3") gives a second, wider entry ending
    // where its anchor ends: the anchor alone is the candidate (a rule's literal pattern
    // finds it again).
    let plain: Vec<(std::ops::Range<usize>, DateValue)> = found
        .iter()
        .filter(|(r, _)| {
            !found
                .iter()
                .any(|(o, _)| o.end == r.end && o.start > r.start)
        })
        .filter_map(|(r, v)| v.as_ref().ok().map(|v| (r.clone(), v.clone())))
        .collect();
    let covered: Vec<std::ops::Range<usize>> = found
        .iter()
        .map(|(r, _)| r.clone())
        .chain(amounts.iter().map(|(r, _)| r.clone()))
        .collect();
    let inside = |t: &words::Token| covered.iter().any(|r| t.start < r.end && r.start < t.end);
    for (range, value) in plain {
        if matches!(value, DateValue::Year(_)) || value.span().is_none() || cited(stext, &range) {
            continue;
        }
        let before: Vec<&words::Token> = toks.iter().filter(|t| t.end <= range.start).collect();
        let after: Vec<&words::Token> = toks.iter().filter(|t| t.start >= range.end).collect();
        let before_key = aside(stext, &before, range.start);
        let (key, written) = key_around(&before_key, &after, &inside, None);
        if key.is_empty() {
            continue;
        }
        let first = before.len().saturating_sub(PATTERN_WORDS);
        let from = before.get(first).map_or(range.start, |t| t.start);
        // And the two words after it: "Acme {date}" alone would read any day that
        // follows "Acme" ("Acme on Friday").
        let to = after
            .iter()
            .take(PATTERN_AFTER)
            .next_back()
            .map_or(range.end, |t| t.end);
        let pattern = format!(
            "{}{{date}}{}",
            literal(&stext[from..range.start]),
            literal(&stext[range.end..to])
        );
        out.push(Candidate {
            article: index,
            sentence,
            span: Span::new(sentence.start + range.start, sentence.start + range.end),
            value: Stated::Date(value),
            head: None,
            noun: None,
            of: BTreeSet::new(),
            key,
            measure: BTreeSet::new(),
            money: money.clone(),
            written,
            pattern,
            headline: Some(sentence) == article.headline,
            digits: 0,
        });
    }
}

/// Whether the date at `range` dates a cited source, not an event: it lies inside
/// parentheses that open with a name (or "see") and a comma before the date, as in
/// "(Kommersant, January 13, 2022)" or "(see Acme Daily, March 4)".
fn cited(stext: &str, range: &std::ops::Range<usize>) -> bool {
    let head = &stext[..range.start];
    let Some(open) = head.rfind('(') else {
        return false;
    };
    let inside = &head[open + 1..];
    if inside.contains(')') || !inside.trim_end().ends_with(',') {
        return false;
    }
    let inside = inside.strip_prefix("see ").unwrap_or(inside);
    inside.chars().next().is_some_and(char::is_uppercase)
}

/// The words before a value, less those of each relative clause set off by commas (", which
/// …,", ", who …,", ", whose …,") that closes before it ("the price of a gallon, which had
/// surged in recent weeks, reached $4.17"), through a list it holds (", which makes
/// goggles, glasses and headsets,"): an aside about the subject, not the value's words.
fn aside<'t, 'a>(
    stext: &str,
    before: &[&'t words::Token<'a>],
    at: usize,
) -> Vec<&'t words::Token<'a>> {
    let mut skip: Vec<std::ops::Range<usize>> = Vec::new();
    let head = &stext[..at];
    let mut from = 0;
    while let Some(i) = head[from..].find(", ") {
        let open = from + i;
        let rest = &head[open + 2..];
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        // Closed by the next comma and space (a comma inside "1,200" closes nothing),
        // which may open another clause.
        if ["which", "who", "whose"].contains(&word.as_str())
            && let Some(j) = head[open + 2..].find(", ")
        {
            let mut close = open + 2 + j;
            // A list in the clause (", which makes goggles, smart glasses and headsets,")
            // goes on to its last item, the one after "and" or "or": short items, each
            // closed by a comma and space before the amount.
            let mut at_item = close;
            while let Some(k) = head[at_item + 2..].find(", ") {
                let item = &head[at_item + 2..at_item + 2 + k];
                if item.split_whitespace().count() > 6 {
                    break;
                }
                if item.contains(" and ")
                    || item.contains(" or ")
                    || item.starts_with("and ")
                    || item.starts_with("or ")
                {
                    close = at_item + 2 + k;
                    break;
                }
                at_item += 2 + k;
            }
            skip.push(open..close + 1);
            from = close;
        } else {
            from = open + 2;
        }
    }
    before
        .iter()
        .copied()
        .filter(|t| !skip.iter().any(|r| r.start <= t.start && t.end <= r.end))
        .collect()
}

/// The key of a value: the stems of the [`KEY_LEFT`] content words nearest it on its
/// left and the [`KEY_RIGHT`] on its right, within [`KEY_SPAN`] words, skipping the words
/// `inside` other values and the count's head noun; each stem with its written form.
fn key_around(
    before: &[&words::Token],
    after: &[&words::Token],
    inside: &dyn Fn(&words::Token) -> bool,
    head: Option<&String>,
) -> (BTreeSet<String>, BTreeMap<String, String>) {
    let left = before
        .iter()
        .rev()
        .take(KEY_SPAN)
        .filter(|t| !inside(t))
        .filter_map(|t| words::key_word(t.text).map(|k| (k, t)))
        .take(KEY_LEFT);
    let right = after
        .iter()
        .take(KEY_SPAN)
        .take_while(|t| !words::CLAUSE_WORDS.contains(&t.text.to_lowercase().as_str()))
        .filter(|t| !inside(t))
        .filter_map(|t| words::key_word(t.text).map(|k| (k, t)))
        .take(KEY_RIGHT)
        .filter(|(k, _)| Some(k) != head);
    let mut key = BTreeSet::new();
    let mut written = BTreeMap::new();
    for (k, t) in left.chain(right) {
        written
            .entry(k.clone())
            .or_insert_with(|| words::surface(t.text));
        key.insert(k);
    }
    (key, written)
}

/// What an amount measures, read from the noun phrase it stands in: the words right after
/// it ("a 2% inflation target"), else the phrase after "of" ("5% of US oil and product
/// imports"), else, when "of" comes before it, the phrase before that ("the Fed's annual
/// target of 2.3%"); and the owner right before it ("Velka's 12% stake"). A phrase is a
/// run of content words with no punctuation between them ("and" may join two; right after
/// the amount, "in" goes on to what it is in: "a 20% stake in Acme"), after any
/// determiners; modifiers ("annual", "total") are left out.
fn measure(
    stext: &str,
    before: &[&words::Token],
    after: &[&words::Token],
    inside: &dyn Fn(&words::Token) -> bool,
) -> BTreeSet<String> {
    let lower = |t: &words::Token| t.text.to_lowercase();
    // A run of content words from `toks` (nearest first), joined by white space only.
    // `through_in`: the phrase right after the amount goes on through "in" to what it is
    // in ("a 20% stake in Acme": stake, acme).
    let run = |toks: &[&words::Token], leftward: bool, through_in: bool| -> Vec<String> {
        let mut out = Vec::new();
        let mut prev: Option<&words::Token> = None;
        let mut started = false;
        for (k, t) in toks.iter().enumerate() {
            if inside(t) {
                break;
            }
            if let Some(p) = prev {
                let gap = if leftward {
                    &stext[t.end..p.start]
                } else {
                    &stext[p.end..t.start]
                };
                if !gap.chars().all(char::is_whitespace) {
                    break;
                }
            }
            prev = Some(t);
            let w = lower(t);
            if !started && words::DETERMINERS.contains(&w.as_str()) {
                continue;
            }
            if (w == "and" || (w == "in" && through_in))
                && started
                && !leftward
                && toks
                    .get(k + 1)
                    .is_some_and(|n| words::key_word(n.text).is_some())
            {
                continue;
            }
            let Some(k) = words::key_word(t.text) else {
                break;
            };
            started = true;
            if !words::MODIFIERS.contains(&words::surface(t.text).as_str()) {
                out.push(k);
            }
            // A possessive ends a phrase read leftward: it is the owner.
            if leftward && words::surface(t.text) != w {
                break;
            }
        }
        out
    };
    let next_is = |toks: &[&words::Token], w: &str| toks.first().is_some_and(|t| lower(t) == w);
    let right: Vec<&words::Token> = after.to_vec();
    let left: Vec<&words::Token> = before.iter().rev().copied().collect();
    let mut phrase = if next_is(&right, "of") {
        run(&right[1..], false, false)
    } else {
        run(&right, false, true)
    };
    if phrase.is_empty() && next_is(&left, "of") {
        phrase = run(&left[1..], true, false);
    }
    // The owner: a possessive right before the amount.
    if let Some(t) = left.first()
        && words::surface(t.text) != lower(t)
        && let Some(k) = words::key_word(t.text)
    {
        phrase.push(k);
    }
    phrase.into_iter().collect()
}

/// Whether two measures name one thing: the smaller, of two words or more, lies inside the
/// larger ("US imports" inside "US oil and product imports").
fn nested(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.len() >= 2 && small.is_subset(large)
}

/// A bare number that is a year ("1998") or less than two of anything ("one"): not a
/// count discovery compares.
fn not_a_count(raw: &str, q: &Quantity) -> bool {
    let (lo, hi) = q.bounds();
    let digits = raw.trim().chars().all(|c| c.is_ascii_digit());
    hi < 2.0 || (digits && lo == hi && (1800.0..=2100.0).contains(&lo))
}

/// Text as a pattern that matches it literally, white space as one space (any white space
/// in a pattern).
fn literal(s: &str) -> String {
    let words: Vec<String> = s.split_whitespace().map(regex::escape).collect();
    let mut out = words.join(" ");
    if s.starts_with(char::is_whitespace) && !out.is_empty() {
        out.insert(0, ' ');
    }
    if s.ends_with(char::is_whitespace) && !out.is_empty() {
        out.push(' ');
    }
    if s.chars().all(char::is_whitespace) && !s.is_empty() {
        out = " ".into();
    }
    out
}

/// Units of time whose counts are lengths of time, stemmed: "three years", "two weeks".
const DURATION_WORDS: &[&str] = &["year", "month", "week", "decade", "century", "day"];

/// How far apart two amounts of one fact may be: sources that disagree on an amount
/// rarely do so by more than this factor; amounts further apart are other facts.
pub const MAX_RATIO: f64 = 1.7;

/// One number that stands for an amount: a point, a bound, a range's middle.
fn point(q: &Quantity) -> f64 {
    match q {
        Quantity::Exact(n) | Quantity::Approx(n) | Quantity::AtLeast(n) | Quantity::AtMost(n) => *n,
        Quantity::Range(lo, hi) => (lo + hi) / 2.0,
    }
}

/// The values a hedged amount can stand for: "about 22" from 21.5 to 22.5 (half a unit
/// of its last significant digit, [`write::approx_margin`]), "more than $4" from $4 to
/// $4.40 and "up to 40" from 36 to 40 (that margin on the bound's side). None for a plain
/// amount, which rounds nothing, and for a range ("between 3% and 11%", "dozens"), which
/// reaches too far to say anything.
fn reach(q: &Quantity) -> Option<(f64, f64)> {
    let span = |x: f64, y: f64| Some((x.min(y), x.max(y)));
    match *q {
        Quantity::Approx(n) => {
            let m = write::approx_margin(n);
            span(n * (1.0 - m), n * (1.0 + m))
        }
        Quantity::AtLeast(n) => span(n, n * (1.0 + write::approx_margin(n))),
        Quantity::AtMost(n) => span(n * (1.0 - write::approx_margin(n)), n),
        Quantity::Exact(_) | Quantity::Range(..) => None,
    }
}

/// How many significant digits an amount is written with, separators left out and zeros
/// at either end dropped: "4.173" four, "1.9%" two, "2,000" and "$10bn" one. An amount in
/// words ("two-thirds", "a dozen") is as round as one digit.
fn written_digits(raw: &str) -> usize {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    digits.trim_matches('0').len().max(1)
}

/// Whether one amount is a hedged rounding of the other: the hedge ("almost 2%", "more
/// than $4", "over 20%") reaches the other's figure ([`reach`]) and that figure is written
/// with more significant digits ("1.9%", "$4.173", "about 22%"), as an outlet rounds
/// another's precise figure. The same round figure with and without a hedge ("about 6%"
/// and "6%") is no rounding: two sources write that by chance.
fn rounds(a: &Candidate, b: &Candidate) -> bool {
    let (Stated::Amount(x), Stated::Amount(y)) = (&a.value, &b.value) else {
        return false;
    };
    let one_way = |h: &Quantity, o: &Quantity, more_digits: bool| {
        let p = point(o);
        !matches!(o, Quantity::Range(..))
            && reach(h).is_some_and(|(lo, hi)| lo <= p && p <= hi)
            && more_digits
    };
    one_way(&x.quantity, &y.quantity, b.digits > a.digits)
        || one_way(&y.quantity, &x.quantity, a.digits > b.digits)
}

/// Whether two candidates' values cannot both be true, the conflict their fact would
/// report: their extents as the comparer reads them ([`extract::Value::extent`]) under
/// the drafted fact's tolerance and an approximate amount's own margin do not meet.
fn at_odds(a: &Candidate, b: &Candidate) -> bool {
    let extent = |v: &Stated| {
        let (value, margin) = match v {
            Stated::Amount(x) => (
                extract::Value::Quantity(*x),
                match x.quantity {
                    Quantity::Approx(n) => write::approx_margin(n),
                    _ => 0.0,
                },
            ),
            Stated::Date(d) => (extract::Value::Date(d.clone()), 0.0),
        };
        value.extent(&rules::FactKind::Quantity {
            tolerance: rules::Tolerance::Relative(write::TOLERANCE),
            margin: rules::Tolerance::Relative(margin),
            units: Vec::new(),
        })
    };
    match (extent(&a.value), extent(&b.value)) {
        (Some(p), Some(q)) => p.1 < q.0 || q.1 < p.0,
        _ => false,
    }
}

/// Whether two amounts are within [`MAX_RATIO`] of each other.
fn near_in_value(a: &Quantity, b: &Quantity) -> bool {
    let (x, y) = (point(a), point(b));
    let (lo, hi) = if x <= y { (x, y) } else { (y, x) };
    if lo <= 0.0 {
        return hi <= 0.0;
    }
    hi / lo <= MAX_RATIO
}

/// How far apart two dates of one event may be, in days: a weekday misplaced by a week
/// is the furthest two sources on one event's day are apart; dates further apart are
/// other events.
pub const MAX_DAYS_APART: i32 = 7;

/// Whether two dates are within [`MAX_DAYS_APART`] of each other (their spans of days
/// overlap, or lie that close).
fn near_in_time(a: &DateValue, b: &DateValue) -> bool {
    let (Some((a0, a1)), Some((b0, b1))) = (a.span(), b.span()) else {
        return false;
    };
    let apart = if a1 < b0 {
        (b0 - a1).get_days()
    } else if b1 < a0 {
        (a0 - b1).get_days()
    } else {
        0
    };
    apart <= MAX_DAYS_APART
}

/// Can two candidates be one fact? Different sources; two amounts in the same unit, a
/// count's same head noun, the same thing they are a part of when both say ("of its
/// oil"), within [`MAX_RATIO`] of each other; or two dates within [`MAX_DAYS_APART`];
/// and then a strong [`Link`] when their keys are at least [`THRESHOLD`] alike, or their
/// measures nest, or (two dates) their sentences state one sum of money, or they state one
/// specific figure ([`same_specific`]), one day ([`same_day`]) or one rounds the other
/// ([`rounds`]) with keys at least half as alike, or one is a headline's and they state one
/// specific figure or one rounds the other; a weak link when
/// their keys are at least half as alike; else none.
fn alike(a: &Candidate, b: &Candidate, w: &words::Weights) -> Option<Link> {
    if a.article == b.article || a.head != b.head {
        return None;
    }
    match (&a.value, &b.value) {
        (Stated::Amount(x), Stated::Amount(y)) => {
            if x.unit != y.unit || !near_in_value(&x.quantity, &y.quantity) {
                return None;
            }
        }
        (Stated::Date(x), Stated::Date(y)) => {
            if std::mem::discriminant(x) != std::mem::discriminant(y) || !near_in_time(x, y) {
                return None;
            }
        }
        _ => return None,
    }
    if !a.of.is_empty() && !b.of.is_empty() && a.of.is_disjoint(&b.of) {
        return None;
    }
    let s = similarity(&a.key, &b.key, w);
    // Two amounts that measure one named thing are one fact, however their sentences go
    // on around them; so are two dates whose sentences state one sum of money.
    if nested(&a.measure, &b.measure) || !a.money.is_disjoint(&b.money) {
        return Some(Link {
            likeness: s.max(THRESHOLD),
            strong: true,
        });
    }
    // A headline's figure is the article's, in too few words to share a key: one specific
    // figure of the same head noun is enough, or a hedge and the more precise figure it
    // rounds ("more than 640 stores" in a headline, "642 stores" in a body).
    if (a.headline || b.headline) && (same_specific(a, b) || rounds(a, b)) {
        return Some(Link {
            likeness: s.max(THRESHOLD / 2.0),
            strong: true,
        });
    }
    let strong = s >= THRESHOLD
        || s >= THRESHOLD / 2.0 && (same_specific(a, b) || same_day(a, b) || rounds(a, b));
    (s >= THRESHOLD / 2.0).then_some(Link {
        likeness: s,
        strong,
    })
}

/// How alike two candidates that can be one fact are. A strong link can join their groups;
/// a weak one (at least half the threshold) only lets a group take in a member that is
/// strongly linked to another of its members.
#[derive(Debug, Clone, Copy)]
struct Link {
    likeness: f64,
    strong: bool,
}

/// Whether two dates name one day: like one specific figure, two sources rarely name the
/// same day by chance.
fn same_day(a: &Candidate, b: &Candidate) -> bool {
    matches!((&a.value, &b.value), (Stated::Date(DateValue::Day(x)), Stated::Date(DateValue::Day(y))) if x == y)
}

/// Whether two amounts state one specific figure: the same number, written with two
/// significant digits or more that do not end in 0 or 5 ("4.3%", "$10.3bn", "18,400"), so
/// that two sources are unlikely to write it by chance.
fn same_specific(a: &Candidate, b: &Candidate) -> bool {
    let (Stated::Amount(x), Stated::Amount(y)) = (&a.value, &b.value) else {
        return false;
    };
    let (p, q) = (point(&x.quantity), point(&y.quantity));
    if p != q || p <= 0.0 {
        return false;
    }
    // The significant digits of the number as a decimal, zeros at either end dropped.
    let digits: String = format!("{p}")
        .chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .trim_matches('0')
        .to_string();
    digits.len() >= 2 && !digits.ends_with('5')
}

/// Candidates grouped into facts: the most alike pairs first, two groups joined only when
/// they share no source and every pair across them is alike (complete link). Groups of
/// one are dropped.
pub fn group(cands: &[Candidate], w: &words::Weights) -> Vec<Vec<usize>> {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    let mut sim: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for i in 0..cands.len() {
        for j in i + 1..cands.len() {
            if let Some(link) = alike(&cands[i], &cands[j], w) {
                if link.strong {
                    pairs.push((link.likeness, i, j));
                }
                sim.insert((i, j), link.likeness);
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let mut of: Vec<usize> = (0..cands.len()).collect();
    let mut groups: Vec<Vec<usize>> = (0..cands.len()).map(|i| vec![i]).collect();
    for (_, i, j) in pairs {
        let (gi, gj) = (of[i], of[j]);
        if gi == gj {
            continue;
        }
        // Complete link at half the threshold; and a merge that puts values that cannot
        // both be true in one fact (its conflict) needs one such pair whose keys are fully
        // alike, so that a conflict is never reported on the word of weaker links alone.
        let mut ok = true;
        let mut odds = (false, false);
        for &x in &groups[gi] {
            for &y in &groups[gj] {
                let link = sim.get(&(x.min(y), x.max(y)));
                if cands[x].article == cands[y].article || link.is_none() {
                    ok = false;
                } else if at_odds(&cands[x], &cands[y]) {
                    odds.0 = true;
                    odds.1 |= link.is_some_and(|&l| l >= THRESHOLD);
                }
            }
        }
        if odds.0 && !odds.1 {
            ok = false;
        }
        if !ok {
            continue;
        }
        let moved = std::mem::take(&mut groups[gj]);
        for &m in &moved {
            of[m] = gi;
        }
        groups[gi].extend(moved);
    }
    let mut out: Vec<Vec<usize>> = groups
        .into_iter()
        .filter(|g| g.len() >= 2)
        .map(|mut g| {
            g.sort_unstable();
            g
        })
        .collect();
    out.sort();
    out
}

/// What discovery found: the starter rule file, and its facts ready to run.
#[derive(Debug, Clone)]
pub struct Discovery {
    /// The rule file `crosscheck init` writes.
    pub toml: String,
    /// The same file parsed, every fact marked discovered.
    pub rules: RuleSet,
    /// How many articles the facts were drafted from ([`sample`]), of how many.
    pub read: (usize, usize),
}

/// The articles, of `n` in corpus order, that discovery drafts facts from: all of them when
/// there are at most `at_most` (0: no limit), else `at_most` evenly spaced ones, the first
/// included, so that every part of a corpus read in order (each outlet's folder, each day)
/// has its share.
pub fn sample(n: usize, at_most: usize) -> Vec<usize> {
    if at_most == 0 || n <= at_most {
        return (0..n).collect();
    }
    (0..at_most).map(|k| k * n / at_most).collect()
}

/// Discover the facts of `articles` that two or more sources state, as a rule file, drafted
/// from at most `at_most` of them ([`sample`]; 0: all). `base` is what rule files without
/// facts said (the story's title, speakers, entities): kept.
// A rule error (the written file not parsing: a bug) is built at most once per run.
#[allow(clippy::result_large_err)]
pub fn discover(
    articles: &[Article],
    base: &RuleSet,
    at_most: usize,
) -> Result<Discovery, RuleError> {
    let total = articles.len();
    let chosen = sample(total, at_most);
    let owned: Vec<Article>;
    let articles: &[Article] = if chosen.len() == total {
        articles
    } else {
        owned = chosen.iter().map(|&i| articles[i].clone()).collect();
        &owned
    };
    let mut weights = words::Weights::default();
    for a in articles {
        for s in a.headline.iter().chain(&a.sentences) {
            weights.add_sentence(s.slice(&a.text));
        }
    }
    let cands: Vec<Candidate> = articles
        .iter()
        .enumerate()
        .flat_map(|(i, a)| candidates(a, i))
        .collect();
    let groups = group(&cands, &weights);
    let drafts = write::drafts(&cands, &groups, &weights);
    let file = Path::new("discovered.toml");
    // First run: which drafts two sources state once run as rules, and their status.
    let first = write::rule_file(base, articles.len(), &drafts, &BTreeMap::new());
    let rules1 = rules::parse(file, &first)?;
    let ex = extract::extract(&rules1, articles);
    let names: Vec<String> = articles.iter().map(|a| a.file_name.clone()).collect();
    let findings = compare::compare(&rules1, &ex.observations, &names);
    let rank = |s: Status| match s {
        Status::Conflict => 0,
        Status::Loose => 1,
        Status::Agree => 2,
        _ => 3,
    };
    let mut kept: Vec<(usize, usize)> = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.sources.len() >= 2 && rank(f.status) < 3)
        .map(|(i, f)| (rank(f.status), i))
        .collect();
    kept.sort();
    let drafts: Vec<write::Draft> = kept.iter().map(|&(_, i)| drafts[i].clone()).collect();
    // Examples: each source's first sentence of the fact, with the value it gives.
    let mut examples: BTreeMap<String, Vec<write::ExampleDraft>> = BTreeMap::new();
    for &(_, i) in &kept {
        let f = &findings[i];
        for s in &f.sources {
            let Some(&o) = s.observations.first() else {
                continue;
            };
            let o = &ex.observations[o];
            let a = &articles[o.article];
            examples
                .entry(f.fact.clone())
                .or_default()
                .push(write::ExampleDraft {
                    sentence: crate::text::collapse_spaces(o.sentence.slice(&a.text)),
                    published: a.published,
                    value: o.value.canonical(),
                });
        }
    }
    // An example another member's pattern also reads is dropped: the file must pass
    // `crosscheck test` as written.
    let mut toml = write::rule_file(base, articles.len(), &drafts, &examples);
    let parsed = rules::parse(file, &toml)?;
    let failed = crate::ruletest::run(&parsed);
    if failed.failed() {
        for r in failed.results.iter().filter(|r| r.fails()) {
            if let Some(list) = examples.get_mut(&r.fact) {
                list.retain(|e| e.sentence != r.sentence);
            }
        }
        toml = write::rule_file(base, articles.len(), &drafts, &examples);
    }
    let mut rules = rules::parse(file, &toml)?;
    rules.files = Vec::new();
    rules.discovered = true;
    let read = (articles.len(), total);
    rules.title = Some(write::report_title(base, drafts.len(), read));
    rules.speakers = base.speakers.clone();
    rules.entities = base.entities.clone();
    Ok(Discovery { toml, rules, read })
}

#[cfg(test)]
mod tests;
