//! Reading a whole number expression: its qualifiers ("about", "at least", "or more") around
//! an amount, a vague amount or a range; and finding every expression in free text.

use std::ops::Range;

use std::borrow::Cow;

use super::amount::{MAX_DIGITS, Tok, amount, fraction, range, tokenize, vague};
use super::context::{in_context, is_format, not_an_amount, particle_len};
use super::pattern::{DIGIT_RUN_RE, FIND_RE, FULL_RE, ONE_PRONOUN_RE};
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

/// `text` without its Unicode format characters (right-to-left and left-to-right marks,
/// isolates, zero-width joiners, the soft hyphen): they change nothing a reader sees.
fn without_format(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || !text.chars().any(is_format) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|c| !is_format(*c)).collect())
    }
}

/// Parse text that [`super::NUMBER_PATTERN`] matched (any case). `None` if it is not a whole
/// number expression, or holds a number of more than 15 significant digits (see
/// [`unreadable`]). Format characters (U+200F and the like) are dropped first.
pub fn parse_amount(text: &str) -> Option<Amount> {
    let text = without_format(text);
    let text = text.as_ref();
    if !FULL_RE.is_match(text) {
        return None;
    }
    let toks = tokenize(text)?;
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

/// Why the number in `text` (a match of [`super::NUMBER_PATTERN`] that [`parse_amount`]
/// refused) cannot be read, when the reason is worth a warning: a number of more than 15
/// significant digits, which a double cannot hold exactly ("9007199254740993" would become
/// …992, a 400-digit number infinity).
pub fn unreadable(text: &str) -> Option<String> {
    DIGIT_RUN_RE.find_iter(text).find_map(|m| {
        let digits: String = m
            .as_str()
            .chars()
            .filter(char::is_ascii_digit)
            .skip_while(|c| *c == '0')
            .collect();
        (digits.len() > MAX_DIGITS).then(|| {
            let shown: String = m.as_str().chars().take(24).collect();
            let more = if shown.len() < m.as_str().len() {
                "…"
            } else {
                ""
            };
            format!(
                "the number {shown}{more} has {} significant digits, more than the {MAX_DIGITS} \
                 the reader keeps exactly: not read",
                digits.len()
            )
        })
    })
}

/// A would-be range the reader refused because its ends are in different units ("12% to
/// $4.1bn", "$5 to 10 euros", "12% to 4,100"), as its two ends, each read on its own, with
/// their byte ranges in `text`. None when it is no such thing.
pub fn split_range(text: &str) -> Option<[(Range<usize>, Amount); 2]> {
    let lower = text.to_ascii_lowercase();
    let start = text.len() - text.trim_start().len();
    let (from, joins): (usize, &[&str]) = match lower.get(start..) {
        Some(rest) if rest.starts_with("between ") => {
            let after = start + "between".len();
            let ws = lower
                .get(after..)
                .map_or(0, |r| r.len() - r.trim_start().len());
            (after + ws, &[" and "])
        }
        _ => (start, &[" to ", " or ", "-", "\u{2013}", "\u{2014}"]),
    };
    let trimmed = |a: usize, b: usize| -> Option<Range<usize>> {
        let piece = text.get(a..b)?;
        let lead = piece.len() - piece.trim_start().len();
        let r = a + lead..a + piece.trim_end().len();
        (r.start < r.end).then_some(r)
    };
    for join in joins {
        let mut at = from;
        while let Some(i) = lower.get(at..).and_then(|r| r.find(join)) {
            let i = at + i;
            at = i + join.len();
            let (Some(l), Some(r)) = (trimmed(from, i), trimmed(at, text.len())) else {
                continue;
            };
            if let (Some(a), Some(b)) = (
                text.get(l.clone()).and_then(parse_amount),
                text.get(r.clone()).and_then(parse_amount),
            ) {
                return Some([(l, a), (r, b)]);
            }
        }
    }
    None
}

/// Every number expression in free text, with its byte range, leftmost-longest and
/// non-overlapping. Skips digits that are part of something larger than the regex can
/// see: times ("3:35"), names like "COVID-19" or "F-16", malformed groups ("1,00,000"),
/// version numbers, and the pronoun "one" in "one of" / "one another". Format characters
/// (U+200F and the like) are read as if absent; the ranges are in `text` as given.
pub fn find_amounts(text: &str) -> Vec<(Range<usize>, Amount)> {
    if text.is_ascii() || !text.chars().any(is_format) {
        return find_in(text);
    }
    // Where each byte of the text without them was in `text`, and the end.
    let mut clean = String::with_capacity(text.len());
    let mut at = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        if !is_format(c) {
            clean.push(c);
            at.extend(i..i + c.len_utf8());
        }
    }
    at.push(text.len());
    let orig = |k: usize| at.get(k).copied().unwrap_or(text.len());
    find_in(&clean)
        .into_iter()
        .map(|(r, a)| {
            // The end maps past the range's last byte, not onto whatever follows it.
            let end = if r.end > r.start {
                orig(r.end - 1) + 1
            } else {
                orig(r.end)
            };
            (orig(r.start)..end, a)
        })
        .collect()
}

fn find_in(text: &str) -> Vec<(Range<usize>, Amount)> {
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
        let read = |r: Range<usize>, a: Amount| {
            let before = text.get(..r.start).unwrap_or("");
            let after = text.get(r.end..).unwrap_or("");
            let raw = text.get(r.clone()).unwrap_or("");
            (!not_an_amount(Some(before), raw, &a, Some(after)))
                .then(|| (r, in_context(before, after, a)))
        };
        let parsed = if pronoun {
            None
        } else {
            match parse_amount(raw) {
                Some(a) => read(range.clone(), a).map(|x| vec![x]),
                // "fell 12% to $4.1bn": no range, two amounts (each still checked).
                None => split_range(raw)
                    .map(|ends| {
                        ends.into_iter()
                            .filter_map(|(r, a)| {
                                read(range.start + r.start..range.start + r.end, a)
                            })
                            .collect::<Vec<_>>()
                    })
                    .filter(|found| !found.is_empty()),
            }
        };
        match parsed {
            Some(found) => {
                out.extend(found);
                at = m.end().max(m.start() + 1);
            }
            None => {
                // No amount starts inside a run of digits (it would be a fragment of a
                // number, which the checks above refuse), so a refused match that starts on
                // a digit resumes after the whole run: retrying at each of its digits made a
                // long digit run cost its length squared or worse (a 400-digit run took 1.6 s).
                let digits = text
                    .get(m.start()..)
                    .unwrap_or("")
                    .bytes()
                    .take_while(u8::is_ascii_digit)
                    .count();
                let step = m.as_str().chars().next().map_or(1, char::len_utf8);
                at = m.start() + step.max(digits);
            }
        }
        if at > text.len() {
            break;
        }
    }
    out
}
