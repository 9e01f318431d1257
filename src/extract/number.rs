//! Numbers as a reader means them.
//!
//! Flow: rules + articles -> **extract** -> compare -> report. Rule patterns name an amount
//! with the `{number}` placeholder; the extract engine substitutes [`NUMBER_PATTERN`] there,
//! and hands the matched text to [`parse_quantity`], which turns it into a [`Quantity`]: a
//! closed interval plus how the writer qualified it. The comparer then decides whether
//! "about 2,000" and "some 2,000" agree, which it can only do if both sides were read the
//! way a person reads them. General-purpose numeral parsers get this wrong for news
//! (duckling reads "about 2,000" as a year, the letters "l"/"kr" as lakh/crore, and
//! "tens of thousands" as two numbers), hence this purpose-built reader.
//!
//! # Choices
//! * `.` is always a decimal point: "2.000" is 2, not two thousand (English news writes
//!   thousands with a comma or a space). Thousands separators are `,`, a space, U+00A0,
//!   U+2009 and U+202F, always followed by exactly three digits.
//! * The suffixes `k`, `m`, `mn`, `bn`, `tn` are scale words ("2.5m" is 2,500,000). So
//!   "100m" is read as a hundred million even when it means metres; rule context decides.
//! * "one" alone is the number 1. [`find_quantities`] skips it in "one of" and
//!   "one another", where it is a pronoun; the regex still matches it, as a rule's own
//!   context words are what make a match meaningful.
//! * "a" alone is never a number; "a hundred", "a dozen", "a million" are.
//! * "some", "several" and "a few" are only numbers together with an amount.
//! * "more than" and "over" give `>=` (not a strict bound), "fewer than" and "under" give
//!   `<=`: a fact-checker compares claims, not open versus closed intervals.
//! * A qualified range keeps the qualifier's side: "at least 2,000-3,000" is `>=2000`,
//!   "up to tens of thousands" is `<=99999`, "about 2,000-3,000" stays a range.
//! * A range written high-to-low ("20-5") is put the right way round.
//! * "two to three thousand" and "2-3 million" share the scale of the right side
//!   (2000..3000), when the left side has none and is then still no larger.
//!
//! # Vague amounts
//!
//! | text                          | range                 |
//! |-------------------------------|-----------------------|
//! | dozens                        | 24..99                |
//! | hundreds                      | 200..999              |
//! | thousands                     | 2000..9999            |
//! | millions                      | 2000000..9999999      |
//! | billions                      | 2e9..1e10-1           |
//! | tens of thousands             | 10000..99999          |
//! | hundreds of thousands         | 100000..999999        |
//! | tens of millions              | 10000000..99999999    |
//! | hundreds of millions          | 1e8..1e9-1            |
//! | tens / hundreds of billions   | 1e10..1e11-1 / 1e11..1e12-1 |
//! | a few N (N = dozen, hundred, thousand, million, billion, or two of them: "a few hundred thousand") | 2N..6N-1 (a few thousand = 2000..5999) |
//! | several N                     | 3N..10N-1 (several hundred = 300..999) |
//!
//! * A currency sign is only taken in after a qualifier ("an estimated $2.5bn"); alone,
//!   "$2.5bn" matches from the digits on, since the pattern starts at a word boundary.
//! * "from 5,000 to 10,000" reads as the range 5000..10000: the reader cannot tell a change
//!   from a range; a rule that needs the end value should say `to {number}`.
//!
//! Not handled: fractions other than "half" and "a quarter of a", "a couple of",
//! "scores of", "many thousands", negative numbers, Roman numerals, "a million and a half",
//! group separators written with `.` or `'`, and digit forms outside ASCII.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// What an amount in the text means, as a closed interval plus how it was qualified.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub enum Quantity {
    /// A plain amount: "2,000", "two thousand", "2.5m".
    Exact(f64),
    /// An amount hedged as approximate: "about", "some", "around", "an estimated", "or so".
    Approx(f64),
    /// A lower bound: "at least", "more than", "over", "upwards of", "or more".
    AtLeast(f64),
    /// An upper bound: "up to", "fewer than", "under", "no more than", "as many as".
    AtMost(f64),
    /// A closed interval: a vague amount ("tens of thousands") or an explicit range.
    Range(f64, f64),
}

impl Quantity {
    /// The text form used in gold files and reports: `2000`, `~2000`, `>=100000`,
    /// `<=500`, `10000..99999`; no thousands separators, no needless decimals.
    pub fn canonical(&self) -> String {
        match self {
            Quantity::Exact(n) => fmt_num(*n),
            Quantity::Approx(n) => format!("~{}", fmt_num(*n)),
            Quantity::AtLeast(n) => format!(">={}", fmt_num(*n)),
            Quantity::AtMost(n) => format!("<={}", fmt_num(*n)),
            Quantity::Range(lo, hi) => format!("{}..{}", fmt_num(*lo), fmt_num(*hi)),
        }
    }

    /// The closed interval the text commits to. `AtMost` starts at 0, since every amount
    /// this reader understands is a count or size and none is negative. `Approx` is a
    /// point: how much slack "about" allows is the comparer's decision, not the reader's.
    pub fn bounds(&self) -> (f64, f64) {
        match self {
            Quantity::Exact(n) | Quantity::Approx(n) => (*n, *n),
            Quantity::AtLeast(n) => (*n, f64::INFINITY),
            Quantity::AtMost(n) => (0.0, *n),
            Quantity::Range(lo, hi) => (*lo, *hi),
        }
    }

    /// Whether the writer stated the amount without hedging or bounding it.
    pub fn is_precise(&self) -> bool {
        matches!(self, Quantity::Exact(_))
    }
}

impl std::fmt::Display for Quantity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.canonical())
    }
}

/// Rust prints integral floats without a fraction ("2000") and others in shortest form
/// ("2.5"), which is exactly the canonical form wanted.
fn fmt_num(n: f64) -> String {
    format!("{n}")
}

// The pattern is assembled from literal fragments with `concat!`, so that it stays a
// `&'static str` constant that rule compilers can splice in without any set-up.

/// Word boundary. ASCII-only so the lazy DFA never has to give up on curly quotes and
/// dashes, which are everywhere in news text; digits and the number words are ASCII anyway.
macro_rules! wb {
    () => {
        r"(?-u:\b)"
    };
}

/// Digits with optional thousands groups and an optional decimal part.
macro_rules! digits {
    () => {
        r"(?:[0-9]{1,3}(?:[,\x20\x{A0}\x{2009}\x{202F}][0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
    };
}

/// Digits with an optional glued scale suffix ("10k", "2.5m", "3bn").
macro_rules! numeral {
    () => {
        concat!(digits!(), r"(?:k|mn|m|bn|tn)?", wb!())
    };
}

macro_rules! big {
    () => {
        r"(?:thousand|million|billion|trillion)"
    };
}

/// Digits followed by scale words: "2.5 million", "300 thousand", "3 dozen".
macro_rules! numeral_scaled {
    () => {
        concat!(
            numeral!(),
            r"(?:\s+(?:hundred|dozen)",
            wb!(),
            r")?(?:\s+",
            big!(),
            wb!(),
            r")?"
        )
    };
}

/// One to ninety-nine in words.
macro_rules! small {
    () => {
        concat!(
            r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)",
            r"(?:(?:-|\s+)(?:one|two|three|four|five|six|seven|eight|nine))?",
            r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen",
            r"|one|two|three|four|five|six|seven|eight|nine)",
            wb!()
        )
    };
}

/// One to nine hundred and ninety-nine in words.
macro_rules! hund {
    () => {
        concat!(
            r"(?:(?:",
            small!(),
            r"|an?)\s+hundred",
            wb!(),
            r"(?:\s+(?:and\s+)?",
            small!(),
            r")?|",
            small!(),
            r")"
        )
    };
}

/// Whole numbers in words: "three hundred thousand", "a million", "two thousand and five".
macro_rules! wordnum {
    () => {
        concat!(
            r"(?:(?:",
            hund!(),
            r"|an?)\s+",
            big!(),
            wb!(),
            r"(?:\s+",
            hund!(),
            r"\s+",
            big!(),
            wb!(),
            r")*(?:\s+(?:and\s+)?",
            hund!(),
            r")?|",
            hund!(),
            r")"
        )
    };
}

/// Halves and quarters: "half a million", "one and a half million", "a quarter of a million".
macro_rules! half {
    () => {
        concat!(
            r"(?:half\s+an?\s+(?:dozen|",
            big!(),
            r")|(?:an?\s+)?quarter\s+of\s+an?\s+",
            big!(),
            r"|(?:",
            small!(),
            r"|an?|",
            numeral!(),
            r")\s+and\s+a\s+half\s+(?:dozen|hundred|",
            big!(),
            r"))",
            wb!()
        )
    };
}

/// Dozens counted: "a dozen", "two dozen", "dozen".
macro_rules! dozen {
    () => {
        concat!(r"(?:(?:", hund!(), r"|an?)\s+)?dozen", wb!())
    };
}

/// One definite amount, longest forms first so that leftmost-first matching prefers them.
macro_rules! amount {
    () => {
        concat!(
            r"(?:",
            half!(),
            r"|",
            dozen!(),
            r"|",
            wordnum!(),
            r"|",
            numeral_scaled!(),
            r")"
        )
    };
}

/// Explicit ranges. A dash joins digit forms only, so "twenty-five" stays 25.
macro_rules! range {
    () => {
        concat!(
            r"(?:between\s+",
            amount!(),
            r"\s+and\s+",
            amount!(),
            r"|",
            numeral_scaled!(),
            r"\s*[-\x{2013}\x{2014}]\s*",
            numeral_scaled!(),
            r"|",
            amount!(),
            r"\s+(?:to|or)\s+",
            amount!(),
            r")"
        )
    };
}

/// Vague amounts; their intervals are in the module doc table.
macro_rules! vague {
    () => {
        concat!(
            r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)",
            r"|(?:several|a\s+few)\s+(?:dozen|hundred|thousand|million|billion)",
            r"(?:\s+(?:thousand|million|billion))?",
            r"|dozens|hundreds|thousands|millions|billions)",
            wb!()
        )
    };
}

/// Qualifiers written before the amount (see [`QUALIFIERS`] for their meaning).
macro_rules! qual_pre {
    () => {
        concat!(
            r"(?:(?:about|around|some|roughly|nearly|almost|approximately|an\s+estimated",
            r"|estimated|close\s+to|circa|at\s+least|more\s+than|over|upwards\s+of",
            r"|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|in\s+excess\s+of",
            r"|well\s+over|just\s+over|above|as\s+few\s+as|a\s+minimum\s+of|up\s+to",
            r"|fewer\s+than|less\s+than|no\s+more\s+than|not\s+more\s+than|under|at\s+most",
            r"|just\s+under|below|as\s+many\s+as|as\s+much\s+as|a\s+maximum\s+of",
            r"|exactly|precisely)\s+(?:[\$\x{A3}\x{20AC}]\s?)?)"
        )
    };
}

/// Qualifiers written after the amount: "2,000 or more", "2,000-plus".
macro_rules! qual_post {
    () => {
        r"(?:\s+or\s+(?:more|so|fewer|less)|-plus)"
    };
}

/// A regex fragment matching one whole number expression, qualifier included.
///
/// It has no capturing groups and no anchors, starts and ends at a word boundary, and is
/// meant to be spliced for `{number}` into rule patterns compiled case-insensitively
/// (`(?i)`); without `(?i)` it only matches lower-case words. Leftmost-first matching
/// prefers the longest reading ("between 2,000 and 3,000" over "2,000"). It cannot see
/// what comes before its start, so on its own it can match "19" in "COVID-19" or "000"
/// in "2,000" when the text before it could not match; a rule's own words or
/// [`find_quantities`] rule those out.
///
/// Its word boundaries are ASCII ones (`(?-u:\b)`). Rule patterns are best written the same
/// way: a Unicode `\b` anywhere in the pattern makes the regex crate fall back to a slower
/// engine on every non-ASCII byte, measured at about 1 MB/s instead of 70 MB/s here.
pub const NUMBER_PATTERN: &str = concat!(
    r"(?:",
    wb!(),
    qual_pre!(),
    r"?(?:",
    range!(),
    r"|",
    vague!(),
    r"|",
    amount!(),
    r")",
    qual_post!(),
    r"?",
    wb!(),
    r")"
);

/// Whether a whole text is one number expression. It only answers yes or no for a short
/// text anchored at both ends, which the backtracker does at once; the lazy DFAs a `Regex`
/// adds would need the big pattern compiled a second time, reversed (about a tenth of the
/// first `parse_quantity` of a run, which builds this).
static FULL_RE: LazyLock<regex_automata::meta::Regex> = LazyLock::new(|| {
    regex_automata::meta::Regex::builder()
        .configure(
            regex_automata::meta::Regex::config()
                .hybrid(false)
                .dfa(false)
                .onepass(false),
        )
        .build(&format!(r"(?i)\A\s*{NUMBER_PATTERN}\s*\z"))
        .expect("NUMBER_PATTERN compiles")
});

static FIND_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("(?i){NUMBER_PATTERN}")).expect("NUMBER_PATTERN compiles")
});

static TOKEN_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?P<num>",
        digits!(),
        r")(?P<suf>k|mn|m|bn|tn)?",
        wb!(),
        r"|(?P<word>[a-z]+)|(?P<dash>[-\x{2013}\x{2014}])"
    ))
    .expect("token regex compiles")
});

static ONE_PRONOUN_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\A\s+(?:of|another)\b").expect("regex compiles"));

/// How a qualifier bends the amount it stands before or after.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Qual {
    Exact,
    Approx,
    AtLeast,
    AtMost,
}

/// Every qualifier [`NUMBER_PATTERN`] accepts, longest first so the longest one is stripped.
const QUALIFIERS: &[(&[&str], Qual)] = &[
    (&["no", "fewer", "than"], Qual::AtLeast),
    (&["no", "less", "than"], Qual::AtLeast),
    (&["not", "less", "than"], Qual::AtLeast),
    (&["in", "excess", "of"], Qual::AtLeast),
    (&["as", "few", "as"], Qual::AtLeast),
    (&["a", "minimum", "of"], Qual::AtLeast),
    (&["no", "more", "than"], Qual::AtMost),
    (&["not", "more", "than"], Qual::AtMost),
    (&["as", "many", "as"], Qual::AtMost),
    (&["as", "much", "as"], Qual::AtMost),
    (&["a", "maximum", "of"], Qual::AtMost),
    (&["an", "estimated"], Qual::Approx),
    (&["close", "to"], Qual::Approx),
    (&["at", "least"], Qual::AtLeast),
    (&["more", "than"], Qual::AtLeast),
    (&["upwards", "of"], Qual::AtLeast),
    (&["well", "over"], Qual::AtLeast),
    (&["just", "over"], Qual::AtLeast),
    (&["up", "to"], Qual::AtMost),
    (&["fewer", "than"], Qual::AtMost),
    (&["less", "than"], Qual::AtMost),
    (&["at", "most"], Qual::AtMost),
    (&["just", "under"], Qual::AtMost),
    (&["about"], Qual::Approx),
    (&["around"], Qual::Approx),
    (&["some"], Qual::Approx),
    (&["roughly"], Qual::Approx),
    (&["nearly"], Qual::Approx),
    (&["almost"], Qual::Approx),
    (&["approximately"], Qual::Approx),
    (&["estimated"], Qual::Approx),
    (&["circa"], Qual::Approx),
    (&["over"], Qual::AtLeast),
    (&["above"], Qual::AtLeast),
    (&["under"], Qual::AtMost),
    (&["below"], Qual::AtMost),
    (&["exactly"], Qual::Exact),
    (&["precisely"], Qual::Exact),
];

/// A decimal kept as an integral numerator over a power of ten, so that "1.2 billion"
/// comes out as exactly 1200000000 rather than 1199999999.9999998.
#[derive(Debug, Clone, Copy)]
struct Dec {
    num: f64,
    den: f64,
}

impl Dec {
    const ZERO: Dec = Dec { num: 0.0, den: 1.0 };
    const ONE: Dec = Dec { num: 1.0, den: 1.0 };
    const HALF: Dec = Dec {
        num: 5.0,
        den: 10.0,
    };
    const QUARTER: Dec = Dec {
        num: 25.0,
        den: 100.0,
    };

    fn int(n: f64) -> Dec {
        Dec { num: n, den: 1.0 }
    }

    fn mul(self, k: f64) -> Dec {
        Dec {
            num: self.num * k,
            den: self.den,
        }
    }

    fn add(self, o: Dec) -> Dec {
        let den = self.den.max(o.den);
        Dec {
            num: self.num * (den / self.den) + o.num * (den / o.den),
            den,
        }
    }

    fn value(self) -> f64 {
        self.num / self.den
    }

    /// Reads "2,000", "2 000", "2.5" (already known to be digits and separators).
    fn parse(s: &str) -> Option<Dec> {
        let mut num = 0.0_f64;
        let mut den = 1.0_f64;
        let mut after_point = false;
        let mut any = false;
        for c in s.chars() {
            if let Some(d) = c.to_digit(10) {
                num = num * 10.0 + f64::from(d);
                if after_point {
                    den *= 10.0;
                }
                any = true;
            } else if c == '.' {
                after_point = true;
            }
        }
        any.then_some(Dec { num, den })
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// Digits as numerator and power-of-ten denominator, with the multiplier of a glued
    /// suffix ("k" = 1000).
    Num(f64, f64, Option<f64>),
    Word(String),
    Dash,
}

fn tokenize(text: &str) -> Vec<Tok> {
    TOKEN_RE
        .captures_iter(text)
        .filter_map(|c| {
            if let Some(n) = c.name("num") {
                let d = Dec::parse(n.as_str())?;
                let suf = c.name("suf").and_then(|s| suffix_scale(s.as_str()));
                Some(Tok::Num(d.num, d.den, suf))
            } else if let Some(w) = c.name("word") {
                Some(Tok::Word(w.as_str().to_ascii_lowercase()))
            } else {
                c.name("dash").map(|_| Tok::Dash)
            }
        })
        .collect()
}

fn suffix_scale(s: &str) -> Option<f64> {
    match s.to_ascii_lowercase().as_str() {
        "k" => Some(1e3),
        "m" | "mn" => Some(1e6),
        "bn" => Some(1e9),
        "tn" => Some(1e12),
        _ => None,
    }
}

fn big_scale(w: &str) -> Option<f64> {
    match w {
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

fn small_word(w: &str) -> Option<f64> {
    const UNITS: [&str; 19] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = UNITS.iter().position(|x| *x == w) {
        return Some((i + 1) as f64);
    }
    TENS.iter()
        .position(|x| *x == w)
        .map(|i| ((i + 2) * 10) as f64)
}

fn word(t: Option<&Tok>) -> Option<&str> {
    match t {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    }
}

/// A definite amount read from tokens.
#[derive(Debug, Clone, Copy)]
struct Amount {
    value: f64,
    /// Whether any scale word or suffix occurred.
    scaled: bool,
    /// The multiplier of the final token, when that token is a scale.
    final_scale: Option<f64>,
}

/// Reads a definite amount that must use up all of `toks`.
fn amount(toks: &[Tok]) -> Option<Amount> {
    if toks.is_empty() {
        return None;
    }
    let mut total = Dec::ZERO;
    let mut cur: Option<Dec> = None;
    let mut scaled = false;
    let mut final_scale = None;
    let mut i = 0;
    while let Some(tok) = toks.get(i) {
        final_scale = None;
        match tok {
            Tok::Num(num, den, suf) => {
                if cur.is_some() {
                    return None;
                }
                let d = Dec {
                    num: *num,
                    den: *den,
                };
                match suf {
                    Some(s) => {
                        total = total.add(d.mul(*s));
                        scaled = true;
                        final_scale = Some(*s);
                    }
                    None => cur = Some(d),
                }
            }
            // Only between the parts of "twenty-five"; ranges were split off before.
            Tok::Dash => {
                cur?;
            }
            Tok::Word(w) => match w.as_str() {
                "a" | "an" => {
                    if cur.is_some() {
                        return None;
                    }
                    match word(toks.get(i + 1)) {
                        Some("quarter") => {}
                        Some(n) if n == "hundred" || n == "dozen" || big_scale(n).is_some() => {
                            cur = Some(Dec::ONE);
                        }
                        _ => return None,
                    }
                }
                "half" => {
                    if cur.is_some() || !matches!(word(toks.get(i + 1)), Some("a" | "an")) {
                        return None;
                    }
                    cur = Some(Dec::HALF);
                    i += 1;
                }
                "quarter" => {
                    if cur.is_some()
                        || word(toks.get(i + 1)) != Some("of")
                        || !matches!(word(toks.get(i + 2)), Some("a" | "an"))
                    {
                        return None;
                    }
                    cur = Some(Dec::QUARTER);
                    i += 2;
                }
                "and" => {
                    if word(toks.get(i + 1)) == Some("a") && word(toks.get(i + 2)) == Some("half") {
                        cur = Some(cur?.add(Dec::HALF));
                        i += 2;
                    }
                }
                "hundred" => {
                    cur = Some(cur.unwrap_or(Dec::ONE).mul(100.0));
                    scaled = true;
                    final_scale = Some(100.0);
                }
                "dozen" => {
                    cur = Some(cur.unwrap_or(Dec::ONE).mul(12.0));
                    scaled = true;
                    final_scale = Some(12.0);
                }
                w => {
                    if let Some(s) = big_scale(w) {
                        total = total.add(cur.take().unwrap_or(Dec::ONE).mul(s));
                        scaled = true;
                        final_scale = Some(s);
                    } else if let Some(v) = small_word(w) {
                        cur = Some(cur.unwrap_or(Dec::ZERO).add(Dec::int(v)));
                    } else {
                        return None;
                    }
                }
            },
        }
        i += 1;
    }
    Some(Amount {
        value: total.add(cur.unwrap_or(Dec::ZERO)).value(),
        scaled,
        final_scale,
    })
}

/// Reads a vague amount ("tens of thousands", "several hundred") that uses up all of
/// `toks`, as the interval in the module doc table.
fn vague(toks: &[Tok]) -> Option<(f64, f64)> {
    let words: Vec<&str> = toks.iter().map(|t| word(Some(t))).collect::<Option<_>>()?;
    let plural = |w: &str| match w {
        "hundreds" => Some(100.0),
        "thousands" => Some(1e3),
        "millions" => Some(1e6),
        "billions" => Some(1e9),
        _ => None,
    };
    let unit = |w: &str| match w {
        "dozen" => Some(12.0),
        "hundred" => Some(100.0),
        w => big_scale(w),
    };
    match words.as_slice() {
        ["dozens"] => Some((24.0, 99.0)),
        [t @ ("tens" | "hundreds"), "of", s] => {
            let n = if *t == "tens" { 10.0 } else { 100.0 } * plural(s)?;
            Some((n, n * 10.0 - 1.0))
        }
        [p] => plural(p).map(|n| (2.0 * n, 10.0 * n - 1.0)),
        ["several", rest @ ..] => scales(rest, unit).map(|n| (3.0 * n, 10.0 * n - 1.0)),
        ["a", "few", rest @ ..] => scales(rest, unit).map(|n| (2.0 * n, 6.0 * n - 1.0)),
        _ => None,
    }
}

/// The product of one or two scale words ("hundred thousand" = 100000).
fn scales(words: &[&str], unit: impl Fn(&str) -> Option<f64>) -> Option<f64> {
    match words {
        [a] => unit(a),
        [a, b] => Some(unit(a)? * big_scale(b)?),
        _ => None,
    }
}

/// Reads an explicit range, splitting at the last connector where both sides read as
/// amounts (the regex prefers the longest left side too).
fn range(toks: &[Tok]) -> Option<(f64, f64)> {
    let (body, between) = match toks.split_first() {
        Some((Tok::Word(w), rest)) if w == "between" => (rest, true),
        _ => (toks, false),
    };
    let is_conn = |t: &Tok| match t {
        Tok::Word(w) if between => w == "and",
        Tok::Word(w) => w == "to" || w == "or",
        Tok::Dash => !between,
        Tok::Num(..) => false,
    };
    (1..body.len()).rev().find_map(|i| {
        if !is_conn(body.get(i)?) {
            return None;
        }
        let left = amount(body.get(..i)?)?;
        let right = amount(body.get(i + 1..)?)?;
        let mut lo = left.value;
        if let Some(s) = right.final_scale
            && !left.scaled
            && lo * s <= right.value
        {
            lo *= s;
        }
        let hi = right.value;
        Some(if lo <= hi { (lo, hi) } else { (hi, lo) })
    })
}

/// Parse text that [`NUMBER_PATTERN`] matched (any case). `None` if it is not a whole
/// number expression.
pub fn parse_quantity(text: &str) -> Option<Quantity> {
    if !FULL_RE.is_match(text) {
        return None;
    }
    let toks = tokenize(text);
    let mut body: &[Tok] = &toks;

    let mut qual = None;
    for (words, q) in QUALIFIERS {
        let matches_prefix = words.len() < body.len()
            && words
                .iter()
                .zip(body)
                .all(|(w, t)| matches!(t, Tok::Word(x) if x == w));
        if matches_prefix {
            body = body.get(words.len()..)?;
            qual = Some(*q);
            break;
        }
    }

    let post = match body {
        [.., Tok::Word(or), Tok::Word(w)] if or == "or" => match w.as_str() {
            "more" => Some(Qual::AtLeast),
            "so" => Some(Qual::Approx),
            "fewer" | "less" => Some(Qual::AtMost),
            _ => None,
        },
        [.., Tok::Dash, Tok::Word(w)] if w == "plus" => Some(Qual::AtLeast),
        _ => None,
    };
    if post.is_some() {
        body = body.get(..body.len().saturating_sub(2))?;
    }
    let qual = qual.or(post).unwrap_or(Qual::Exact);

    if let Some(a) = amount(body) {
        let v = a.value;
        return Some(match qual {
            Qual::Exact => Quantity::Exact(v),
            Qual::Approx => Quantity::Approx(v),
            Qual::AtLeast => Quantity::AtLeast(v),
            Qual::AtMost => Quantity::AtMost(v),
        });
    }
    let (lo, hi) = vague(body).or_else(|| range(body))?;
    Some(match qual {
        Qual::Exact | Qual::Approx => Quantity::Range(lo, hi),
        Qual::AtLeast => Quantity::AtLeast(lo),
        Qual::AtMost => Quantity::AtMost(hi),
    })
}

/// Every number expression in free text, with its byte range, leftmost-longest and
/// non-overlapping. Skips digits that are part of something larger than the regex can
/// see: times ("3:35"), names like "COVID-19" or "F-16", malformed groups ("1,00,000"),
/// version numbers, and the pronoun "one" in "one of" / "one another".
pub fn find_quantities(text: &str) -> Vec<(Range<usize>, Quantity)> {
    let mut out = Vec::new();
    let mut at = 0;
    // Every `at` is a match end or a match start plus one char, so a char boundary.
    while let Some(m) = FIND_RE.find_at(text, at) {
        let before = text.get(..m.start()).unwrap_or("");
        let after = text.get(m.end()..).unwrap_or("");
        let pronoun = m.as_str().eq_ignore_ascii_case("one") && ONE_PRONOUN_RE.is_match(after);
        let parsed = if glued_before(before) || glued_after(after) || pronoun {
            None
        } else {
            parse_quantity(m.as_str())
        };
        match parsed {
            Some(q) => {
                out.push((m.range(), q));
                at = m.end().max(m.start() + 1);
            }
            None => {
                let step = m.as_str().chars().next().map_or(1, char::len_utf8);
                at = m.start() + step;
            }
        }
        if at > text.len() {
            break;
        }
    }
    out
}

/// Whether the text just before a match shows the match is the tail of something longer.
fn glued_before(before: &str) -> bool {
    let mut it = before.chars().rev();
    match (it.next(), it.next()) {
        (Some(c), _) if c.is_alphanumeric() => true,
        (Some(',' | '.' | ':'), Some(d)) => d.is_ascii_digit(),
        (Some('-' | '\u{2013}' | '/'), Some(d)) => d.is_alphanumeric(),
        _ => false,
    }
}

/// Whether the text just after a match shows the match is the head of something longer.
fn glued_after(after: &str) -> bool {
    let mut it = after.chars();
    match (it.next(), it.next()) {
        (Some(c), _) if c.is_alphanumeric() => true,
        (Some(',' | '.' | ':' | '/' | '-' | '\u{2013}'), Some(d)) => d.is_ascii_digit(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The canonical reading of `text`, or "none".
    fn q(text: &str) -> String {
        parse_quantity(text).map_or_else(|| "none".to_string(), |q| q.canonical())
    }

    /// Every quantity in `text` as (matched text, canonical value).
    fn found(text: &str) -> Vec<(&str, String)> {
        find_quantities(text)
            .into_iter()
            .map(|(r, q)| (text.get(r).unwrap_or("<bad range>"), q.canonical()))
            .collect()
    }

    /// A rule pattern as the rule compiler builds it: `{number}` spliced in as the
    /// `value` group, case-insensitive. Returns the canonical values read.
    fn rule(pattern: &str, text: &str) -> Vec<String> {
        let source = format!(
            "(?i){}",
            pattern.replace("{number}", &format!("(?P<value>{NUMBER_PATTERN})"))
        );
        let re = Regex::new(&source).expect("rule compiles");
        re.captures_iter(text)
            .map(|c| c.name("value").map_or("no value".into(), |m| q(m.as_str())))
            .collect()
    }

    const TROOPS: &str = r"\b{number}\s+(?:russian\s+)?(?:troops|soldiers|paratroopers)\b";
    const OF_TROOPS: &str = r"\b{number}\s+(?:of\s+)?troops\b";

    #[test]
    fn digits_with_thousands_separators() {
        assert_eq!(q("2,000"), "2000");
        assert_eq!(q("2 000"), "2000");
        assert_eq!(q("2\u{A0}000"), "2000");
        assert_eq!(q("2\u{2009}000"), "2000");
        assert_eq!(q("2\u{202F}000"), "2000");
        assert_eq!(q("1,000,000"), "1000000");
        assert_eq!(q("2014"), "2014");
    }

    #[test]
    fn a_point_is_always_a_decimal_point() {
        assert_eq!(q("2.000"), "2");
        assert_eq!(q("2.5"), "2.5");
        assert_eq!(q("0.75"), "0.75");
    }

    #[test]
    fn scale_words_and_suffixes() {
        assert_eq!(q("2.5 million"), "2500000");
        assert_eq!(q("2.5m"), "2500000");
        assert_eq!(q("3bn"), "3000000000");
        assert_eq!(q("1.2 billion"), "1200000000");
        assert_eq!(q("1.2bn"), "1200000000");
        assert_eq!(q("10k"), "10000");
        assert_eq!(q("2 million"), "2000000");
        assert_eq!(q("100 thousand"), "100000");
        assert_eq!(q("4.5mn"), "4500000");
        assert_eq!(q("3 dozen"), "36");
    }

    #[test]
    fn number_words() {
        assert_eq!(q("two thousand"), "2000");
        assert_eq!(q("twenty-five"), "25");
        assert_eq!(q("twenty five"), "25");
        assert_eq!(q("seventeen"), "17");
        assert_eq!(q("ninety-nine"), "99");
        assert_eq!(q("a hundred"), "100");
        assert_eq!(q("one hundred and twenty"), "120");
        assert_eq!(q("a dozen"), "12");
        assert_eq!(q("dozen"), "12");
        assert_eq!(q("two dozen"), "24");
        assert_eq!(q("half a dozen"), "6");
        assert_eq!(q("half a million"), "500000");
        assert_eq!(q("a million"), "1000000");
        assert_eq!(q("three hundred thousand"), "300000");
        assert_eq!(q("two million five hundred thousand"), "2500000");
        assert_eq!(q("a thousand and one"), "1001");
        assert_eq!(q("one and a half million"), "1500000");
        assert_eq!(q("two and a half thousand"), "2500");
        assert_eq!(q("a quarter of a million"), "250000");
        assert_eq!(q("one"), "1");
        assert_eq!(q("Two Thousand"), "2000");
    }

    #[test]
    fn approximate_qualifiers() {
        for qual in [
            "about",
            "some",
            "around",
            "roughly",
            "nearly",
            "almost",
            "approximately",
            "an estimated",
            "estimated",
            "close to",
            "circa",
        ] {
            assert_eq!(q(&format!("{qual} 2,000")), "~2000", "{qual}");
        }
        assert_eq!(q("2,000 or so"), "~2000");
        assert_eq!(q("a dozen or so"), "~12");
        assert_eq!(q("About 2,000"), "~2000");
        assert_eq!(q("SOME 2 000"), "~2000");
        assert_eq!(q("nearly half a million"), "~500000");
    }

    #[test]
    fn lower_bound_qualifiers() {
        for qual in [
            "at least",
            "more than",
            "over",
            "upwards of",
            "no fewer than",
            "no less than",
            "in excess of",
            "well over",
            "above",
        ] {
            assert_eq!(q(&format!("{qual} 100,000")), ">=100000", "{qual}");
        }
        assert_eq!(q("100,000 or more"), ">=100000");
        assert_eq!(q("100,000-plus"), ">=100000");
        assert_eq!(q("More Than a dozen"), ">=12");
    }

    #[test]
    fn upper_bound_qualifiers() {
        for qual in [
            "up to",
            "fewer than",
            "less than",
            "no more than",
            "under",
            "at most",
            "as many as",
            "below",
        ] {
            assert_eq!(q(&format!("{qual} 500")), "<=500", "{qual}");
        }
        assert_eq!(q("500 or fewer"), "<=500");
        assert_eq!(q("500 or less"), "<=500");
    }

    #[test]
    fn exactly_keeps_the_amount_precise() {
        assert_eq!(parse_quantity("exactly 500"), Some(Quantity::Exact(500.0)));
    }

    #[test]
    fn vague_amounts_follow_the_doc_table() {
        assert_eq!(q("dozens"), "24..99");
        assert_eq!(q("hundreds"), "200..999");
        assert_eq!(q("thousands"), "2000..9999");
        assert_eq!(q("millions"), "2000000..9999999");
        assert_eq!(q("billions"), "2000000000..9999999999");
        assert_eq!(q("tens of thousands"), "10000..99999");
        assert_eq!(q("Tens of Thousands"), "10000..99999");
        assert_eq!(q("hundreds of thousands"), "100000..999999");
        assert_eq!(q("tens of millions"), "10000000..99999999");
        assert_eq!(q("hundreds of millions"), "100000000..999999999");
        assert_eq!(q("several hundred"), "300..999");
        assert_eq!(q("several thousand"), "3000..9999");
        assert_eq!(q("several dozen"), "36..119");
        assert_eq!(q("a few hundred"), "200..599");
        assert_eq!(q("a few thousand"), "2000..5999");
        assert_eq!(q("several hundred thousand"), "300000..999999");
        assert_eq!(q("a few million"), "2000000..5999999");
    }

    #[test]
    fn qualified_vague_amounts_keep_the_qualified_side() {
        assert_eq!(q("at least tens of thousands"), ">=10000");
        assert_eq!(q("up to tens of thousands"), "<=99999");
        assert_eq!(q("some tens of thousands"), "10000..99999");
    }

    #[test]
    fn explicit_ranges() {
        assert_eq!(q("between 2,000 and 3,000"), "2000..3000");
        assert_eq!(q("2,000-3,000"), "2000..3000");
        assert_eq!(q("2,000 - 3,000"), "2000..3000");
        assert_eq!(q("2,000\u{2013}3,000"), "2000..3000");
        assert_eq!(q("2,000 to 3,000"), "2000..3000");
        assert_eq!(q("one or two"), "1..2");
        assert_eq!(q("between two thousand and three thousand"), "2000..3000");
        assert_eq!(
            q("between one hundred and twenty and two hundred"),
            "120..200"
        );
        assert_eq!(q("at least 2,000-3,000"), ">=2000");
        assert_eq!(q("up to 2,000-3,000"), "<=3000");
        assert_eq!(q("about 2,000 to 3,000"), "2000..3000");
    }

    #[test]
    fn range_sides_share_the_right_sides_scale() {
        assert_eq!(q("two to three thousand"), "2000..3000");
        assert_eq!(q("2-3 million"), "2000000..3000000");
        assert_eq!(q("between 50 and 100 thousand"), "50000..100000");
        assert_eq!(q("2.5-3bn"), "2500000000..3000000000");
        // The left side already larger than the right's scale times nothing: no sharing.
        assert_eq!(q("500 to 3 million"), "500..3000000");
        assert_eq!(q("1,500-2 thousand"), "1500..2000");
    }

    #[test]
    fn ranges_written_high_to_low_are_turned_round() {
        assert_eq!(q("30-20"), "20..30");
    }

    #[test]
    fn canonical_strings() {
        assert_eq!(Quantity::Approx(2000.0).canonical(), "~2000");
        assert_eq!(Quantity::AtLeast(100000.0).canonical(), ">=100000");
        assert_eq!(Quantity::AtMost(500.0).canonical(), "<=500");
        assert_eq!(
            Quantity::Range(10000.0, 99999.0).canonical(),
            "10000..99999"
        );
        assert_eq!(Quantity::Exact(2500000.0).canonical(), "2500000");
        assert_eq!(Quantity::Exact(2.5).canonical(), "2.5");
        assert_eq!(Quantity::Exact(1e12).canonical(), "1000000000000");
        assert_eq!(Quantity::Approx(2000.0).to_string(), "~2000");
        assert_eq!(
            Quantity::Range(2000.0, 3000.0).to_string(),
            Quantity::Range(2000.0, 3000.0).canonical()
        );
    }

    #[test]
    fn bounds_and_precision() {
        assert_eq!(Quantity::Exact(5.0).bounds(), (5.0, 5.0));
        assert_eq!(Quantity::Approx(2000.0).bounds(), (2000.0, 2000.0));
        assert_eq!(Quantity::AtLeast(100.0).bounds(), (100.0, f64::INFINITY));
        assert_eq!(Quantity::AtMost(500.0).bounds(), (0.0, 500.0));
        assert_eq!(Quantity::Range(1.0, 2.0).bounds(), (1.0, 2.0));
        assert!(Quantity::Exact(5.0).is_precise());
        assert!(!Quantity::Approx(5.0).is_precise());
        assert!(!Quantity::AtLeast(5.0).is_precise());
        assert!(!Quantity::AtMost(5.0).is_precise());
        assert!(!Quantity::Range(1.0, 2.0).is_precise());
    }

    #[test]
    fn parse_rejects_what_is_not_a_number_expression() {
        for text in [
            "",
            " ",
            "some",
            "a",
            "an",
            "several",
            "a few",
            "some people",
            "one of the",
            "1st",
            "21st",
            "second",
            "Warsaw Pact",
            "U.S.",
            "l",
            "kr",
            "lakh",
            "2,0",
            "tens",
            "ones",
            "none",
            "10km",
            "over",
            "2,000 troops",
            "2,000 and",
            "about",
        ] {
            assert_eq!(q(text), "none", "{text:?}");
        }
    }

    #[test]
    fn pattern_has_no_capturing_groups_and_no_anchors() {
        let re = Regex::new(NUMBER_PATTERN).expect("compiles");
        assert_eq!(re.captures_len(), 1);
        assert!(!NUMBER_PATTERN.replace(r"\$", "").contains(['^', '$']));
        assert!(!NUMBER_PATTERN.contains(r"\A") && !NUMBER_PATTERN.contains(r"\z"));
    }

    #[test]
    fn pattern_never_matches_part_of_a_number() {
        let re = Regex::new(&format!("(?i){NUMBER_PATTERN}")).expect("compiles");
        let m = re.find("they sent 2,000 men").map(|m| m.as_str());
        assert_eq!(m, Some("2,000"));
        let m = re.find("they sent 2,000,000 men").map(|m| m.as_str());
        assert_eq!(m, Some("2,000,000"));
        let m = re.find("a 2.5m budget").map(|m| m.as_str());
        assert_eq!(m, Some("2.5m"));
        let m = re.find("seventeen men").map(|m| m.as_str());
        assert_eq!(m, Some("seventeen"));
        assert!(re.find("someone, anyone, the ones, tense").is_none());
    }

    #[test]
    fn corpus_sentences_through_a_rule() {
        assert_eq!(
            rule(
                TROOPS,
                "Involving only about 2,000 soldiers, the northern deployment is much more modest"
            ),
            ["~2000"]
        );
        assert_eq!(
            rule(
                TROOPS,
                "The swift arrival of some 2,000 Russian paratroopers convinced all groups"
            ),
            ["~2000"]
        );
        assert_eq!(
            rule(
                TROOPS,
                "However, at least 100,000 Russian soldiers remain in positions near Ukraine"
            ),
            [">=100000"]
        );
        assert_eq!(
            rule(
                OF_TROOPS,
                "by sending tens of thousands of troops towards Ukraine and"
            ),
            ["10000..99999"]
        );
        assert_eq!(
            rule(
                OF_TROOPS,
                "Moscow has already withdrawn 10,000 troops near the Ukrainian border"
            ),
            ["10000"]
        );
        assert_eq!(
            rule(
                r"withdrawn {number} troops",
                "Moscow has already withdrawn 10,000 troops near the Ukrainian border"
            ),
            ["10000"]
        );
        assert_eq!(
            rule(
                OF_TROOPS,
                "but has massed about 100,000 troops near the border"
            ),
            ["~100000"]
        );
        assert_eq!(
            rule(
                OF_TROOPS,
                "Biden would demand that Russia withdraw around 100,000 troops from the border"
            ),
            ["~100000"]
        );
    }

    #[test]
    fn made_up_sentences_through_a_rule() {
        assert_eq!(
            rule(
                TROOPS,
                "Kyiv says 2,000 to 3,000 Russian troops crossed overnight."
            ),
            ["2000..3000"]
        );
        assert_eq!(
            rule(
                TROOPS,
                "Between two and three thousand soldiers were moved."
            ),
            ["2000..3000"]
        );
        assert_eq!(
            rule(OF_TROOPS, "Hundreds of thousands of troops are on alert."),
            ["100000..999999"]
        );
        assert_eq!(
            rule(
                OF_TROOPS,
                "It sent more than a dozen troops and 2\u{A0}500 troops."
            ),
            [">=12", "2500"]
        );
        assert_eq!(
            rule(
                TROOPS,
                "NATO says as many as 175,000 Russian troops could take part."
            ),
            ["<=175000"]
        );
        assert_eq!(
            rule(
                TROOPS,
                "An estimated 8,500 soldiers or more were put on standby."
            ),
            ["~8500"]
        );
    }

    #[test]
    fn rule_near_misses_give_nothing() {
        for text in [
            "Foreign troops entered the province Thursday",
            "some troops stayed behind",
            "one of the troops said",
            "the Warsaw Pact troops",
            "U.S. troops",
            "a troops carrier",
            "Russia's deployment of troops in the vanguard",
        ] {
            assert!(rule(OF_TROOPS, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn find_in_corpus_sentences() {
        assert_eq!(
            found("Involving only about 2,000 soldiers, the northern deployment"),
            [("about 2,000", "~2000".to_string())]
        );
        assert_eq!(
            found("by sending tens of thousands of troops towards Ukraine"),
            [("tens of thousands", "10000..99999".to_string())]
        );
        assert_eq!(
            found("ostensibly supported by thousands of foreign-trained terrorists"),
            [("thousands", "2000..9999".to_string())]
        );
        assert_eq!(
            found("Since 2008, Russia has twice sent troops"),
            [("2008", "2008".to_string())]
        );
        assert_eq!(
            found("the “ultimatum,” delivered ten days after his video-conference"),
            [("ten", "10".to_string())]
        );
        assert_eq!(
            found("on the official territory of 10 of the 15 former Soviet republics"),
            [("10", "10".to_string()), ("15", "15".to_string())]
        );
        assert_eq!(
            found("(see EDM, December 14, 16, 2021)"),
            [
                ("14", "14".to_string()),
                ("16", "16".to_string()),
                ("2021", "2021".to_string())
            ]
        );
    }

    #[test]
    fn find_skips_times_codes_dates_and_pronoun_one() {
        assert!(found("convened at 3:35 p.m. Eastern, or 11:35 p.m. Moscow time").is_empty());
        assert!(found("Since the start of the COVID-19 pandemic").is_empty());
        assert!(found("published: 2022-01-08").is_empty());
        assert!(found("F-16 jets and version 1.2.3").is_empty());
        assert!(found("one of Putin's most persistent ideas; they blamed one another").is_empty());
        assert!(found("a 1,00,000 rupee fine").is_empty());
        assert_eq!(
            found("one goal, 1st and 2nd places"),
            [("one", "1".to_string())]
        );
    }

    #[test]
    fn find_near_misses_give_nothing() {
        let text = "Some people say the Warsaw Pact and the U.S. were a threat; \
                    some of them first, others second. l kr L Kr, lakh and crore.";
        assert!(found(text).is_empty(), "{:?}", found(text));
    }

    #[test]
    fn find_avoids_duckling_failures() {
        assert_eq!(found("about 2,000"), [("about 2,000", "~2000".to_string())]);
        assert_eq!(
            found("Tens of thousands marched"),
            [("Tens of thousands", "10000..99999".to_string())]
        );
    }

    #[test]
    fn find_in_made_up_news() {
        assert_eq!(
            found("Officials said more than 1,500 people were evacuated and up to 300 homes hit."),
            [
                ("more than 1,500", ">=1500".to_string()),
                ("up to 300", "<=300".to_string())
            ]
        );
        assert_eq!(
            found("The fund gets an estimated $2.5bn within three years, a 10% rise."),
            [
                ("an estimated $2.5bn", "~2500000000".to_string()),
                ("three", "3".to_string()),
                ("10", "10".to_string())
            ]
        );
        assert_eq!(
            found("Between 2,000 and 3,000 protesters gathered; police held several hundred."),
            [
                ("Between 2,000 and 3,000", "2000..3000".to_string()),
                ("several hundred", "300..999".to_string())
            ]
        );
        assert_eq!(
            found("The 2,000-strong contingent left for the 1990s-era base."),
            [("2,000", "2000".to_string())]
        );
    }

    #[test]
    fn any_input_is_safe_and_ranges_fit_the_text() {
        let text = "“About 2\u{A0}000” — é2,000 troops; ½ 3–4 bn 2.5m, ünd tens of thousands.\n\
                    Between 1 and 2,0001 1,00,000 9: 2- -3 over $ 5 or";
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for &a in &starts {
            for &b in starts.iter().filter(|&&b| b >= a) {
                let piece = &text[a..b];
                let _ = parse_quantity(piece);
                for (r, _) in find_quantities(piece) {
                    assert!(piece.get(r.clone()).is_some(), "{piece:?} {r:?}");
                }
            }
        }
        assert_eq!(
            found(text),
            [
                ("About 2\u{A0}000", "~2000".to_string()),
                ("3–4", "3..4".to_string()),
                ("2.5m", "2500000".to_string()),
                ("tens of thousands", "10000..99999".to_string()),
                // "2,0001" is no number, so the range around it is dropped too.
                ("1", "1".to_string()),
                ("9", "9".to_string()),
                ("2", "2".to_string()),
                ("3", "3".to_string()),
                ("over $ 5", ">=5".to_string()),
            ]
        );
    }
}
