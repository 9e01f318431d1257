//! Numbers that are not amounts, told by the words around them: years ("in 2014"), days of
//! the month ("January 10"), clock times ("4 p.m."), and the numbers in names ("S&P 500",
//! "Boeing 737", "Route 66", "10 Downing Street").

use std::sync::LazyLock;

use regex::Regex;

use super::{Amount, Quantity, Unit};

/// A combining mark (Unicode category M): one on a digit ("4́", "0̸") makes it no digit.
static MARK_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\A\p{M}").expect("mark regex compiles"));

/// Whether `c` is a combining mark.
fn is_mark(c: char) -> bool {
    let mut buf = [0; 4];
    !c.is_ascii() && MARK_RE.is_match(c.encode_utf8(&mut buf))
}

/// Whether `c` is a Unicode format character (category Cf): the direction marks and
/// isolates (U+200E, U+200F, U+2066..U+2069), embeddings and overrides, zero-width joiners,
/// the soft hyphen, the byte-order mark. The reader reads a number as if they were absent.
pub(super) fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{600}'..='\u{605}'
            | '\u{61C}'
            | '\u{6DD}'
            | '\u{70F}'
            | '\u{890}'..='\u{891}'
            | '\u{8E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// Whether `raw` (read as `amount`), between `before` and `after`, is part of something
/// that is not an amount. `before` and `after` are the text a rule's match leaves around
/// the number, None where the rule's pattern wrote the neighbouring words itself: a pattern
/// that names them has asked for the number.
pub fn not_an_amount(
    before: Option<&str>,
    raw: &str,
    amount: &Amount,
    after: Option<&str>,
) -> bool {
    if before.is_some_and(glued_before) || after.is_some_and(glued_after) {
        return true;
    }
    let trimmed = raw.trim();
    if let Some(b) = before {
        // "waited...300": no decimal ".300"; "7 000̸" refused whole leaves no "000" behind.
        if trimmed.starts_with('.') && b.ends_with('.') || group_tail(b, trimmed) {
            return true;
        }
    }
    // "1/4 mile": a fraction in digits only before a word ("1/4/2022", "won 3/4." are not).
    if trimmed.contains('/') {
        let word_after = after.is_none_or(|a| {
            let rest = a.trim_start();
            rest.len() < a.len() && rest.starts_with(char::is_alphabetic)
        });
        let in_name = before.is_some_and(|b| name(last_word(b), b));
        if !word_after || in_name {
            return true;
        }
    }
    // "a third straight day", "in a quarter": an ordinal or a period, not a share.
    // "test scores rose": "scores" counts only as "scores of".
    let scores = raw.trim().to_ascii_lowercase().ends_with("scores");
    if after.is_some_and(|a| (single_fraction(raw) || scores) && first_word(a) != "of") {
        return true;
    }
    let Some(n) = plain_integer(raw, amount) else {
        return false;
    };
    let prev = before.map(last_word);
    let next = after.map(first_word);
    let (b, a) = (before.unwrap_or(""), after.unwrap_or(""));
    let ends = after.is_some_and(|a| {
        a.trim_start().is_empty() || a.starts_with([',', '.', ';', ':', ')', '-', '\u{2013}', '/'])
    });
    let either_month = prev.is_some_and(is_month) || next.is_some_and(is_month);
    year(n, raw, prev.unwrap_or(""), ends)
        || (1.0..=31.0).contains(&n) && either_month
        || after.is_some() && clock(a)
        || before.is_some() && name(prev.unwrap_or(""), b)
        || after.is_some() && street(next.unwrap_or(""), a)
}

/// Verbs that put a floor under the amount right after them: "revenue topped $33.6bn" says
/// at least $33.6bn, as "more than" would.
const FLOOR_VERBS: [&str; 12] = [
    "top",
    "tops",
    "topped",
    "topping",
    "exceed",
    "exceeds",
    "exceeded",
    "exceeding",
    "surpass",
    "surpasses",
    "surpassed",
    "surpassing",
];

/// `amount` as the words around it bound it, when it was written plain: right after a verb
/// that puts a floor under it ("topped $33.6bn" is `>=`), or in brackets right after another
/// amount in another currency or measure, which it converts ("about $3bn (£2.2bn)": the
/// conversion is about £2.2bn too, "more than $100bn (£73.6bn)" at least £73.6bn).
/// `before` and `after` are the sentence's text on either side of the amount.
pub fn in_context(before: &str, after: &str, amount: Amount) -> Amount {
    let Quantity::Exact(v) = amount.quantity else {
        return amount;
    };
    let bound = |q: Quantity| Amount {
        quantity: match q {
            Quantity::Approx(_) => Quantity::Approx(v),
            Quantity::AtLeast(_) => Quantity::AtLeast(v),
            Quantity::AtMost(_) => Quantity::AtMost(v),
            Quantity::Exact(_) | Quantity::Range(..) => Quantity::Exact(v),
        },
        unit: amount.unit,
    };
    if FLOOR_VERBS.contains(&last_word(before).to_ascii_lowercase().as_str()) {
        return bound(Quantity::AtLeast(v));
    }
    let converted = |u: Unit| matches!(u, Unit::Currency(_) | Unit::Measure(_));
    let head_text = before.trim_end();
    match head_text.strip_suffix('(') {
        Some(head_text) if after.trim_start().starts_with(')') && converted(amount.unit) => {
            let head_text = head_text.trim_end();
            let head = super::find_amounts(head_text)
                .into_iter()
                .last()
                .filter(|(r, h)| {
                    r.end == head_text.len() && converted(h.unit) && h.unit != amount.unit
                });
            match head {
                Some((r, h)) => {
                    let h = in_context(head_text.get(..r.start).unwrap_or(""), " (", h);
                    bound(h.quantity)
                }
                None => amount,
            }
        }
        _ => amount,
    }
}

/// Whether `raw` is a one-part fraction in words ("a third", "one quarter", "about a fifth"),
/// which is a share only before "of".
fn single_fraction(raw: &str) -> bool {
    let words: Vec<String> = raw
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    match words.as_slice() {
        [.., a, f] => {
            matches!(a.as_str(), "a" | "an" | "one")
                && matches!(
                    f.as_str(),
                    "third"
                        | "quarter"
                        | "fifth"
                        | "sixth"
                        | "seventh"
                        | "eighth"
                        | "ninth"
                        | "tenth"
                )
        }
        _ => false,
    }
}

/// Verbs that make a phrasal verb with "over" or "under" ("hand over", "take over", "go
/// under"), in their base form; [`phrasal`] strips the usual endings.
const PHRASAL_HEADS: [&str; 24] = [
    "hand", "take", "took", "taken", "turn", "pass", "sign", "give", "gave", "given", "carry",
    "carri", "roll", "hold", "held", "win", "won", "fork", "hang", "hung", "knock", "blow", "mull",
    "paper",
];

/// Whether `word` (the word before "over" or "under") makes a phrasal verb with it, so
/// that the particle belongs to the verb and says nothing about the amount after it:
/// "hand over 57 detainees" is 57, "handed over 40" is 40, "took over 3 firms" is 3.
pub fn phrasal(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    let stems = [
        w.as_str(),
        w.strip_suffix("ing").unwrap_or(""),
        w.strip_suffix("ed").unwrap_or(""),
        w.strip_suffix("es").unwrap_or(""),
        w.strip_suffix('s').unwrap_or(""),
        w.strip_suffix("ned").unwrap_or(""),
        w.strip_suffix("ning").unwrap_or(""),
        w.strip_suffix("led").unwrap_or(""),
        w.strip_suffix("ling").unwrap_or(""),
    ];
    stems
        .iter()
        .any(|s| !s.is_empty() && PHRASAL_HEADS.contains(s))
}

/// Where the amount really starts in `raw`, given the text before it: past a leading
/// "over"/"under" that belongs to a phrasal verb before it. 0 otherwise.
pub fn particle_len(before: Option<&str>, raw: &str) -> usize {
    let Some(b) = before else { return 0 };
    let lower = raw.to_ascii_lowercase();
    let particle = ["over ", "under "]
        .into_iter()
        .find(|p| lower.starts_with(p));
    match particle {
        Some(p) if phrasal(last_word(b)) => {
            p.len()
                + raw
                    .get(p.len()..)
                    .map_or(0, |r| r.len() - r.trim_start().len())
        }
        _ => 0,
    }
}

/// The value of an unqualified whole number written in bare digits ("737", not "2,000",
/// "about 5" or "5%"), the only form names, years, days and times take.
fn plain_integer(raw: &str, amount: &Amount) -> Option<f64> {
    let digits = raw.trim();
    if amount.unit != Unit::Count || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match amount.quantity {
        Quantity::Exact(n) => Some(n),
        _ => None,
    }
}

const MONTHS: [&str; 21] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sept",
    "sep",
];

fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    MONTHS.contains(&w.as_str()) || matches!(w.as_str(), "oct" | "nov" | "dec")
}

/// A four-digit number from 1800 to 2100 after a month, a preposition of time or an
/// article, or before punctuation: "in 2014", "March 2020", "a 2016 election", "(2021)".
/// "2,000 troops" has a separator and stays an amount; "sent 2000 troops" too.
fn year(n: f64, raw: &str, prev: &str, ends: bool) -> bool {
    const BEFORE: [&str; 17] = [
        "in", "since", "by", "until", "till", "before", "after", "during", "of", "from", "to",
        "the", "a", "an", "early", "late", "mid",
    ];
    raw.trim().len() == 4
        && (1800.0..=2100.0).contains(&n)
        && (is_month(prev) || BEFORE.contains(&prev.to_ascii_lowercase().as_str()) || ends)
}

/// A clock time: "4 p.m.", "9am", "10 o'clock", "3 ET".
fn clock(after: &str) -> bool {
    let a = after.trim_start().to_ascii_lowercase();
    [
        "a.m.",
        "p.m.",
        "am ",
        "pm ",
        "am.",
        "pm.",
        "am,",
        "pm,",
        "o'clock",
        "o\u{2019}clock",
        "gmt",
        "et ",
        "et,",
        "et.",
    ]
    .iter()
    .any(|t| a.starts_with(t))
        || a == "am"
        || a == "pm"
}

/// A number right after a capitalised word inside a sentence, not a possessive or a month:
/// "S&P 500", "Boeing 737", "Route 66", "Section 8". A sentence's first word is capitalised
/// anyway ("Between 1 and 2"), and "Meta's 3" or "Russia's 2" are amounts.
fn name(prev: &str, before: &str) -> bool {
    let trimmed = before.trim_end();
    let separated_by_space = trimmed.len() < before.len();
    let capital = prev.chars().next().is_some_and(char::is_uppercase);
    let possessive = prev.ends_with("'s") || prev.ends_with("\u{2019}s") || prev.ends_with('\'');
    let earlier = trimmed
        .get(..trimmed.len().saturating_sub(prev.len()))
        .unwrap_or("")
        .trim_end();
    let sentence_start = earlier.is_empty()
        || earlier.ends_with(['.', '!', '?', '"', '\u{201c}', '(', ':', ';', '\n'])
        || earlier.ends_with("\u{2014}");
    separated_by_space && capital && !possessive && !is_month(prev) && !sentence_start
}

/// A street number: "10 Downing Street", "221 Baker St".
fn street(next: &str, after: &str) -> bool {
    const STREETS: [&str; 10] = [
        "street",
        "st",
        "road",
        "rd",
        "avenue",
        "ave",
        "lane",
        "boulevard",
        "blvd",
        "square",
    ];
    next.chars().next().is_some_and(char::is_uppercase)
        && after.split_whitespace().nth(1).is_some_and(|w| {
            STREETS.contains(&w.trim_end_matches([',', '.']).to_ascii_lowercase().as_str())
        })
}

fn last_word(before: &str) -> &str {
    before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201c}')
        .next()
        .unwrap_or("")
}

fn first_word(after: &str) -> &str {
    after
        .trim_start()
        .split(|c: char| !c.is_alphanumeric() && c != '&')
        .next()
        .unwrap_or("")
}

/// Whether `raw` starts with a three-digit group that follows a number's head and a space in
/// `before` ("7 000" where the whole was refused): the tail of a number, not one.
fn group_tail(before: &str, raw: &str) -> bool {
    let b = raw.as_bytes();
    let three = b.len() >= 3
        && b.iter().take(3).all(u8::is_ascii_digit)
        && !b.get(3).is_some_and(u8::is_ascii_digit);
    let Some(head) = before.strip_suffix([' ', '\u{A0}', '\u{2009}', '\u{202F}']) else {
        return false;
    };
    let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    three && (1..=3).contains(&digits)
}

/// Whether the text just before a match shows the match is the tail of something longer.
/// Format characters are read as absent; a combining mark glues.
pub(super) fn glued_before(before: &str) -> bool {
    let mut it = before.chars().rev().filter(|c| !is_format(*c));
    match (it.next(), it.next()) {
        (Some(c), _) if c.is_alphanumeric() || is_mark(c) => true,
        (Some(',' | '.' | ':'), Some(d)) => d.is_ascii_digit() || is_mark(d),
        (Some('-' | '\u{2013}' | '/'), Some(d)) => d.is_alphanumeric(),
        // A sign glued to a word ("B$5") is not a currency the reader knows.
        (Some('$'), Some(d)) => d.is_alphanumeric(),
        _ => false,
    }
}

/// Whether the text just after a match shows the match is the head of something longer.
pub(super) fn glued_after(after: &str) -> bool {
    let mut it = after.chars().filter(|c| !is_format(*c));
    match (it.next(), it.next()) {
        (Some(c), _) if c.is_alphanumeric() || is_mark(c) => true,
        (Some(',' | '.' | ':' | '/' | '-' | '\u{2013}'), Some(d)) => d.is_ascii_digit(),
        _ => false,
    }
}
