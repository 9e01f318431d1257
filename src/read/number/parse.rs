//! Reading a whole number expression: its qualifiers ("about", "at least", "or more") around
//! an amount, a vague amount or a range; and finding every expression in free text.

use std::ops::Range;

use super::amount::{Tok, amount, fraction, range, tokenize, vague};
use super::context::{in_context, not_an_amount, particle_len};
use super::pattern::{FIND_RE, FULL_RE, ONE_PRONOUN_RE};
use super::unit::{Unit, take_unit};
use super::{Amount, Quantity};

/// How a qualifier bends the amount it stands before or after.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Qual {
    Exact,
    Approx,
    AtLeast,
    AtMost,
}

/// Every qualifier [`super::NUMBER_PATTERN`] accepts, longest first so the longest one is stripped.
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
    (&["nearing"], Qual::Approx),
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

/// Parse text that [`super::NUMBER_PATTERN`] matched (any case). `None` if it is not a whole
/// number expression.
pub fn parse_amount(text: &str) -> Option<Amount> {
    if !FULL_RE.is_match(text) {
        return None;
    }
    let toks = tokenize(text);
    if let Some(p) = points(&toks) {
        return Some(Amount {
            quantity: Quantity::Exact(p),
            unit: Unit::Points,
        });
    }
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
    let (body, unit, per) = take_unit(body)?;
    let body = body.as_slice();
    // Cents and basis points are hundredths; rounding to 12 significant digits keeps
    // 75 cents at 0.75 rather than 0.7500000000000001.
    let at = |v: f64| {
        if per == 1.0 { v } else { round12(v * per) }
    };

    // A fraction in words is a share: "two-thirds" is 66.67%.
    let (unit, fraction) = match fraction(body) {
        Some(f) if unit == Unit::Count => (Unit::Percent, Some(f)),
        _ => (unit, None),
    };
    let quantity = if let Some(f) = fraction {
        match qual {
            Qual::Exact => Quantity::Exact(f),
            Qual::Approx => Quantity::Approx(f),
            Qual::AtLeast => Quantity::AtLeast(f),
            Qual::AtMost => Quantity::AtMost(f),
        }
    } else if let Some(a) = amount(body) {
        let v = at(a.value);
        match qual {
            Qual::Exact => Quantity::Exact(v),
            Qual::Approx => Quantity::Approx(v),
            Qual::AtLeast => Quantity::AtLeast(v),
            Qual::AtMost => Quantity::AtMost(v),
        }
    } else {
        let (lo, hi) = vague(body).or_else(|| range(body))?;
        let (lo, hi) = (at(lo), at(hi));
        match qual {
            Qual::Exact | Qual::Approx => Quantity::Range(lo, hi),
            Qual::AtLeast => Quantity::AtLeast(lo),
            Qual::AtMost => Quantity::AtMost(hi),
        }
    };
    Some(Amount { quantity, unit })
}

fn round12(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let digits = 12 - v.abs().log10().ceil() as i32;
    let k = 10f64.powi(digits.clamp(-300, 300));
    (v * k).round() / k
}

/// A change in points written in words: "a quarter-point", "a quarter of a point", "a half
/// percentage point", "a full percentage point".
fn points(toks: &[Tok]) -> Option<f64> {
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| !matches!(t, Tok::Dash))
        .map(|t| match t {
            Tok::Word(w) => Some(w.as_str()),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let (first, rest) = words.split_first()?;
    let (second, rest) = rest.split_first()?;
    let (last, middle) = rest.split_last()?;
    if !matches!(*first, "a" | "an")
        || !matches!(*last, "point" | "points")
        || !middle
            .iter()
            .all(|w| matches!(*w, "of" | "a" | "an" | "percentage"))
    {
        return None;
    }
    match *second {
        "quarter" => Some(0.25),
        "half" => Some(0.5),
        "full" => Some(1.0),
        _ => None,
    }
}

/// Every number expression in free text, with its byte range, leftmost-longest and
/// non-overlapping. Skips digits that are part of something larger than the regex can
/// see: times ("3:35"), names like "COVID-19" or "F-16", malformed groups ("1,00,000"),
/// version numbers, and the pronoun "one" in "one of" / "one another".
pub fn find_amounts(text: &str) -> Vec<(Range<usize>, Amount)> {
    let mut out = Vec::new();
    let mut at = 0;
    // Every `at` is a match end or a match start plus one char, so a char boundary.
    while let Some(m) = FIND_RE.find_at(text, at) {
        let before = text.get(..m.start()).unwrap_or("");
        let after = text.get(m.end()..).unwrap_or("");
        let pronoun = m.as_str().eq_ignore_ascii_case("one") && ONE_PRONOUN_RE.is_match(after);
        // "hand over 57": the particle is the verb's, the amount starts after it.
        let skip = particle_len(Some(before), m.as_str());
        let range = m.start() + skip..m.end();
        let raw = text.get(range.clone()).unwrap_or("");
        let before = text.get(..range.start).unwrap_or("");
        let parsed = if pronoun {
            None
        } else {
            parse_amount(raw).filter(|a| !not_an_amount(Some(before), raw, a, Some(after)))
        };
        match parsed {
            Some(q) => {
                out.push((range, in_context(before, after, q)));
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
