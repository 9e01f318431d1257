//! Numbers as a reader means them.
//!
//! A pure text reader (rules and extraction use it; it knows neither). Rule patterns name an amount
//! with the `{number}` placeholder; the rule loader puts [`NUMBER_PATTERN`] there, and extraction
//! hands the matched text to [`parse_amount`], which turns it into an [`Amount`]: a closed
//! interval, how the writer qualified it and its unit. The comparer then decides whether "about 2,000" and
//! "some 2,000" agree, which it can only do if both sides were read the way a person reads them.
//! General-purpose numeral parsers get this wrong for news (duckling reads "about 2,000" as a year,
//! the letters "l"/"kr" as lakh/crore, and "tens of thousands" as two numbers), hence this
//! purpose-built reader.
//!
//! # Choices
//! * `.` is always a decimal point: "2.000" is 2, not two thousand (English news writes
//!   thousands with a comma or a space). Thousands separators are `,`, a space, U+00A0,
//!   U+2009 and U+202F, always followed by exactly three digits.
//! * The suffixes `k`, `m`, `mn`, `b`, `bn`, `tn` are scale words ("2.5m" is 2,500,000). So
//!   "100m" is read as a hundred million even when it means metres; rule context decides.
//! * "one" alone is the number 1. [`find_amounts`] skips it in "one of" and
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
//! | a handful                     | 2..9                  |
//! | scores (of)                   | 40..99                |
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
//! # Units
//!
//! An [`Amount`] keeps what it is counted in ([`Unit`]): a currency written before
//! ("$2.5bn", "US$12.7m", "HK$3bn", "€400m", "CHF90", "USD 5") or after ("400m euros",
//! "5 million rubles", "75 cents" = 0.75 USD), percent ("19.75%", "20 percent", "20 per
//! cent"), percentage points ("0.25 percentage points", "25 basis points" = 0.25, "a
//! quarter-point"), or a unit of measure glued to the digits ("512GB", "3,000km"), read
//! whole so that no part of it is ever taken for an amount. A bare `$` is the US dollar.
//! A unit on one end of a range holds for both ("7 to 9%"); two different units make no
//! range. Scale suffixes may be glued ("3bn", "3b", "5k") or, for `mn`, `bn` and `tn`,
//! spaced ("2.5 mn").
//!
//! * "from 5,000 to 10,000" reads as the range 5000..10000: the reader cannot tell a change
//!   from a range; a rule that needs the end value should say `to {number}`.
//!
//! * A fraction in words ("a quarter of", "two-thirds", "one in five") is a share, in
//!   percent rounded to two decimals (66.67%); a one-part one counts only before "of".
//! * The words around an amount can bound it ([`in_context`]): "topped $33.6bn" is `>=`, and
//!   a conversion in brackets ("about $3bn (£2.2bn)") takes its head's qualifier.
//!
//! * Two ends in different units ("12% to $4.1bn"), or with a unit after the left end only
//!   ("8% to 3,150"), are no range: [`split_range`] gives the two amounts, and
//!   [`find_amounts`] reads both.
//! * A unit of measure may also be written apart ("15 km", "15-20 km": both ends).
//! * Signs: "-1.2%", "−3" (U+2212), "minus 40"; a hyphen right after a word character is
//!   never a sign ("COVID-19", "2,000-3,000"). Decimals without a leading zero (".300").
//!   Fractions in digits in the forms of measures ("1/4 mile": halves, thirds, quarters,
//!   eighths, sixteenths, proper, before a word; rounded to four decimals). Scientific
//!   notation ("3.2e-5", "3.2×10⁻⁵", "3.2 x 10^-5"; powers of at most two digits).
//! * Format characters (category Cf: U+200F, U+2067…) are read as absent; a combining mark
//!   on a digit makes the number unreadable. A number of more than [`MAX_DIGITS`] (15)
//!   significant digits is not read ([`unreadable`] says why), never rounded.
//!
//! Not handled: "half" alone, "a couple of", "many thousands", mixed numbers ("2 1/2"),
//! Roman numerals, "a million and a half", "eight or nine days" as anything but a
//! range, group separators written with `.` or `'`, and digit forms outside ASCII.
//!
//! # Layout
//! * `pattern`: [`NUMBER_PATTERN`], assembled from literal fragments, and the regexes built
//!   from the same fragments.
//! * `amount`: the words and digits of one expression read into an amount, a vague amount
//!   or a range.
//! * `parse`: qualifiers, [`parse_amount`] and [`find_amounts`].
//! * `unit`: currencies, percent, points and units of measure, taken out of an expression.

mod amount;
mod context;
mod parse;
mod pattern;
mod unit;

pub use amount::MAX_DIGITS;
pub use context::{in_context, not_an_amount, particle_len, phrasal};
pub use parse::{find_amounts, parse_amount, split_range, unreadable};
pub use pattern::NUMBER_PATTERN;
pub use unit::Unit;

/// An amount as read: its interval and what it is counted in.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Amount {
    pub quantity: Quantity,
    pub unit: Unit,
}

impl Amount {
    /// The canonical form: `2000`, `~2000`, `>=10000000000 USD`, `19.75%`, `0.25..0.5%`,
    /// `0.25 pp`, `512 GB`.
    pub fn canonical(&self) -> String {
        self.unit.write(&self.quantity.canonical())
    }
}

impl std::fmt::Display for Amount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.canonical())
    }
}

/// What an amount in the text means, as a closed interval plus how it was qualified.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
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

    /// The closed interval the text commits to. `AtMost` starts at 0, since most amounts
    /// are counts or sizes, none negative; below a negative amount ("under -5") it starts
    /// at minus infinity. `Approx` is a point: how much slack "about" allows is the
    /// comparer's decision, not the reader's.
    pub fn bounds(&self) -> (f64, f64) {
        match self {
            Quantity::Exact(n) | Quantity::Approx(n) => (*n, *n),
            Quantity::AtLeast(n) => (*n, f64::INFINITY),
            Quantity::AtMost(n) if *n < 0.0 => (f64::NEG_INFINITY, *n),
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

#[cfg(test)]
mod tests;
