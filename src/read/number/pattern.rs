//! The `{number}` fragment and the regexes made from its pieces.
//!
//! The pattern is assembled from literal fragments with `concat!`, so that it stays a
//! `&'static str` constant that rule compilers can splice in without any set-up; the token
//! regex the parser reads with is built from the same fragments, so whatever the pattern
//! matches the parser can read.

use std::sync::LazyLock;

use regex::Regex;

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

/// Digits with an optional glued scale suffix ("10k", "2.5m", "3bn") or a glued unit of
/// measure ("512GB", "3,000km"), read whole so that no fragment of it is taken for an amount;
/// or digits in scientific notation ("3.2e-5", "3.2×10⁻⁵", "3.2 x 10^-5").
macro_rules! numeral {
    () => {
        concat!(
            digits!(),
            r"(?:",
            exponent!(),
            r"|(?:",
            scale_suffix!(),
            r"|",
            measure!(),
            r")?",
            wb!(),
            r")"
        )
    };
}

/// A power of ten after the digits: "e-5", "×10⁻⁵", " x 10^-5", "*10^3" (at most two digits).
macro_rules! exponent {
    () => {
        concat!(
            r"(?:e[-+\x{2212}]?[0-9]{1,2}",
            wb!(),
            r"|\s?[x\x{D7}*]\s?10(?:\^[-+\x{2212}]?[0-9]{1,2}",
            wb!(),
            r"|\x{207B}?[\x{2070}\x{B9}\x{B2}\x{B3}\x{2074}-\x{2079}]{1,2}))"
        )
    };
}

/// A decimal written without its leading zero: ".300", ".5". It must not follow a word
/// character (a digit before it would have made it the decimal part of that number).
macro_rules! lead_dot {
    () => {
        concat!(r"(?-u:\B)\.[0-9]+", wb!())
    };
}

/// A fraction in digits: "1/4", "3/16". Whether it is one depends on what follows it (a word,
/// never another slash or digit), which [`super::not_an_amount`] checks.
macro_rules! slash_fraction {
    () => {
        concat!(wb!(), r"[0-9]{1,2}/[0-9]{1,3}", wb!())
    };
}

/// A minus sign before an amount: "-1.2%", "−3" (U+2212), "minus 40". A hyphen is a sign only
/// where no word character comes right before it ("COVID-19" and "2,000-3,000" have none).
macro_rules! sign {
    () => {
        concat!(r"(?:(?-u:\B)[-\x{2212}]|", wb!(), r"minus\s+)")
    };
}

/// Scale suffixes glued to digits.
macro_rules! scale_suffix {
    () => {
        r"(?:k|mn|m|bn|b|tn)"
    };
}

/// Units of measure read when glued to digits (`parse::MEASURES` spells them).
macro_rules! measure {
    () => {
        r"(?:kwh|twh|gwh|mwh|ghz|mhz|khz|kbps|mbps|gbps|kb|mb|gb|tb|pb|km|cm|mm|kg|mg|ml|mph|kph|kw|mw|gw|bpd|bcm)"
    };
}

/// A currency written before the amount: a sign ("$", "€", "US$", "HK$") or an ISO code
/// ("USD 5", "CHF90"). A bare sign must not be glued to a word before it.
macro_rules! currency_pre {
    () => {
        concat!(
            r"(?:(?-u:\B)[\$\x{A3}\x{20AC}\x{A5}\x{20BD}\x{20B9}]\s?",
            r"|",
            wb!(),
            r"(?:us|hk|r|c|a|nz|s)\$\s?",
            r"|",
            wb!(),
            r"(?:usd|eur|gbp|jpy|rub|chf|cny|inr|brl|hkd|cad|aud)\s?)"
        )
    };
}

/// A unit written after the amount: percent, percentage points, basis points, or a
/// currency's name or code.
macro_rules! unit_post {
    () => {
        concat!(
            r"(?:\s?%|(?:\s+|-)(?:percent|per\s+cent|percentage(?:\s+|-)points?|basis(?:\s+|-)points?",
            r"|dollars?|euros?|pounds?(?:\s+sterling)?|sterling|roubles?|rubles?|yen|yuan|(?:swiss\s+)?francs?|cents?",
            r"|usd|eur|gbp|jpy|rub|chf|cny|",
            measure!(),
            r")",
            wb!(),
            r")"
        )
    };
}

/// An amount with its unit on either side or none: "$2.5bn", "19.75%", "400m euros", "-3%".
macro_rules! amount_u {
    () => {
        concat!(
            sign!(),
            r"?(?:",
            currency_pre!(),
            r")?",
            amount!(),
            unit_post!(),
            r"?"
        )
    };
}

/// Digits with their unit, for ranges joined by a dash ("0.25%-0.5%", "$2-3bn").
macro_rules! numeral_u {
    () => {
        concat!(
            r"(?:",
            currency_pre!(),
            r")?",
            numeral_scaled!(),
            unit_post!(),
            r"?"
        )
    };
}

/// Fixed forms of a change in percentage points: "a quarter-point", "a quarter of a point",
/// "a half percentage point", "a full percentage point".
macro_rules! points {
    () => {
        concat!(
            r"(?:an?\s+(?:quarter|half|full)(?:\s+of\s+an?)?(?:\s+|-)(?:percentage(?:\s+|-))?points?)",
            wb!()
        )
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
            r")?(?:\s+(?:",
            big!(),
            r"|mn|bn|tn)",
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
            amount_u!(),
            r"\s+and\s+",
            amount_u!(),
            r"|",
            numeral_u!(),
            r"\s*[-\x{2013}\x{2014}]\s*",
            numeral_u!(),
            r"|",
            amount_u!(),
            r"\s+(?:to|or)\s+",
            amount_u!(),
            r")"
        )
    };
}

/// Fractions in words, read as a share in percent: "a third", "two-thirds", "three
/// quarters", "one in five". A singular one ("a third", "one quarter") is a share only before
/// "of" ("a third of voters"; "a third straight day" is an ordinal), which
/// [`super::not_an_amount`] checks, as the regex cannot look ahead.
macro_rules! fraction {
    () => {
        concat!(
            r"(?:(?:an?|one|two|three|four|five|six|seven|eight|nine)(?:\s+|-)",
            r"(?:thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)",
            r"|one\s+in\s+(?:two|three|four|five|six|seven|eight|nine|ten|[1-9][0-9]{0,2}))",
            wb!()
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
            r"|a\s+handful|scores|dozens|hundreds|thousands|millions|billions)",
            wb!()
        )
    };
}

/// Qualifiers written before the amount (see `parse::QUALIFIERS` for their meaning).
macro_rules! qual_pre {
    () => {
        concat!(
            r"(?:(?:about|around|some|roughly|nearly|nearing|almost|approximately|an\s+estimated",
            r"|estimated|close\s+to|circa|at\s+least|more\s+than|over|upwards\s+of",
            r"|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|in\s+excess\s+of",
            r"|well\s+over|just\s+over|above|as\s+few\s+as|a\s+minimum\s+of|up\s+to",
            r"|fewer\s+than|less\s+than|no\s+more\s+than|not\s+more\s+than|under|at\s+most",
            r"|just\s+under|below|as\s+many\s+as|as\s+much\s+as|a\s+maximum\s+of",
            r"|exactly|precisely)\s+)"
        )
    };
}

/// Qualifiers written after the amount: "2,000 or more", "2,000-plus".
macro_rules! qual_post {
    () => {
        concat!(r"(?:(?:\s+or\s+(?:more|so|fewer|less)|-plus)", wb!(), r")")
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
/// [`super::find_amounts`] rule those out.
///
/// Its word boundaries are ASCII ones (`(?-u:\b)`). Rule patterns are best written the same
/// way: a Unicode `\b` anywhere in the pattern makes the regex crate fall back to a slower
/// engine on every non-ASCII byte, measured at about 1 MB/s instead of 70 MB/s here.
pub const NUMBER_PATTERN: &str = concat!(
    r"(?:(?:",
    wb!(),
    qual_pre!(),
    r")?(?:",
    range!(),
    r"|",
    points!(),
    r"|",
    wb!(),
    half!(),
    unit_post!(),
    r"?|",
    wb!(),
    fraction!(),
    r"|",
    slash_fraction!(),
    r"|",
    lead_dot!(),
    unit_post!(),
    r"?|",
    sign!(),
    r"(?:",
    currency_pre!(),
    r")?",
    amount!(),
    unit_post!(),
    r"?|(?:",
    currency_pre!(),
    r"|",
    wb!(),
    r")(?:",
    vague!(),
    r"|",
    amount!(),
    r")",
    unit_post!(),
    r"?)",
    qual_post!(),
    r"?)"
);

/// Whether a whole text is one number expression. It only answers yes or no for a short
/// text anchored at both ends, which the backtracker does at once; the lazy DFAs a `Regex`
/// adds would need the big pattern compiled a second time, reversed (about a tenth of the
/// first `parse_amount` of a run, which builds this).
pub(super) static FULL_RE: LazyLock<regex_automata::meta::Regex> = LazyLock::new(|| {
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

pub(super) static FIND_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("(?i){NUMBER_PATTERN}")).expect("NUMBER_PATTERN compiles")
});

pub(super) static TOKEN_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)(?P<frac>[0-9]{1,2}/[0-9]{1,3})",
        r"|(?P<num>",
        digits!(),
        r"|\.[0-9]+)(?:(?P<exp>",
        exponent!(),
        r")|(?:(?P<suf>",
        scale_suffix!(),
        r")|(?P<measure>",
        measure!(),
        r"))?",
        wb!(),
        r")",
        r"|(?P<sign>(?:us|hk|r|c|a|nz|s)\$|[\$\x{A3}\x{20AC}\x{A5}\x{20BD}\x{20B9}%])",
        r"|(?P<word>[a-z]+)|(?P<dash>[-\x{2013}\x{2014}\x{2212}])"
    ))
    .expect("token regex compiles")
});

/// Digits as [`super::NUMBER_PATTERN`] groups them, to say which one was too long to read.
pub(super) static DIGIT_RUN_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(digits!()).expect("digits regex compiles"));

pub(super) static ONE_PRONOUN_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\A\s+(?:of|another)\b").expect("regex compiles"));
