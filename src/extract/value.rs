//! A fact's value: read from the words a rule's placeholder matched, written in canonical
//! form, and set against another source's value.
//!
//! What a value is depends on its fact's kind, and so does all of this, so it sits in one
//! place: [`Value::read`] turns words into a value with the kind's options (a date's
//! numeric order, precision and range), [`Value::canonical`] and friends write it, and
//! [`Value::incompatible`] says whether two values can both be true (a quantity's tolerance
//! and margin). Comparison ([`crate::compare`]) asks these and knows no kind; a term's value
//! is not read here (its words are its class, found by the class's own regex).

use jiff::civil::Date;
use serde::Serialize;

use crate::read::date::{self, DateValue};
use crate::read::number::{self, Amount, Quantity, Unit};
use crate::rules::{FactKind, Precision};
use crate::span::Span;

/// How a source words an act, for `term` facts.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct TermUse {
    /// The class the words belong to ("invasion").
    pub class: String,
    /// Denied by the sentence ("not an invasion"): reported, not counted as the class.
    pub negated: bool,
    /// In scare quotes (a “peacekeeping” force).
    pub quoted: bool,
}

/// A value as read from the text.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Quantity(Amount),
    Date(DateValue),
    Term(TermUse),
}

/// What reading a placeholder's words gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// A value, and its words: the placeholder's, or more when the value takes in words
    /// before them ("ten days after … on December 7" is the evidence, not "December 7").
    Value(Value, Span),
    /// Not a value of the fact (not an amount; a date outside the fact's range).
    None,
    /// Looked like a value but could not be read (February 30): reported, never dropped.
    Problem(String),
}

impl Value {
    /// Read `words` (the placeholder's match, inside the whole match `matched`, inside
    /// `sentence` of `text`) as a value of `kind`, for an article published on `published`.
    pub fn read(
        kind: &FactKind,
        text: &str,
        sentence: Span,
        words: Span,
        matched: Span,
        published: Option<Date>,
    ) -> Reading {
        match kind {
            FactKind::Quantity { units, .. } => {
                // Whether the rule's pattern wrote words before or after the number.
                let wrote_before = matched.start < words.start;
                let wrote_after = matched.end > words.end;
                let before =
                    (!wrote_before).then(|| text.get(sentence.start..words.start).unwrap_or(""));
                // "hand over 57": the particle is the verb's, the amount starts after it.
                let mut words = words;
                words.start += number::particle_len(before, words.slice(text));
                let raw = words.slice(text);
                let read = |w: Span, a: Amount, outside_before: bool, outside_after: bool| {
                    let before = (outside_before || !wrote_before)
                        .then(|| text.get(sentence.start..w.start).unwrap_or(""));
                    let after = (outside_after || !wrote_after)
                        .then(|| text.get(w.end..sentence.end).unwrap_or(""));
                    read_amount(units, text, sentence, w, (before, after), a)
                };
                if let Some(a) = number::parse_amount(raw) {
                    return read(words, a, false, false);
                }
                // "fell 12% to $4.1bn": no range, two amounts; the one next to the rule's own
                // words is the fact's (the right end when the pattern wrote words after
                // the number only, else the left end).
                if let Some([left, right]) = number::split_range(raw) {
                    let at = |r: std::ops::Range<usize>| {
                        Span::new(words.start + r.start, words.start + r.end)
                    };
                    return if wrote_after && !wrote_before {
                        read(at(right.0), right.1, true, false)
                    } else {
                        read(at(left.0), left.1, false, true)
                    };
                }
                // A number too long to read exactly is reported, never silently rounded.
                match number::unreadable(raw) {
                    Some(why) => Reading::Problem(why),
                    None => Reading::None,
                }
            }
            FactKind::Date {
                order,
                precision,
                within,
            } => {
                let mut ctx = date::DateContext {
                    published,
                    numeric_order: *order,
                    anchor: None,
                };
                let stext = sentence.slice(text);
                let rel = |s: Span| {
                    s.start.saturating_sub(sentence.start)
                        ..s.end.min(sentence.end).saturating_sub(sentence.start)
                };
                // An offset ("ten days after … December 7") applies only when the rule's
                // match covers it: the same words can anchor two facts.
                let mut resolved = date::resolve_scoped(stext, rel(words), rel(matched), &ctx);
                // Counted days whose sentence names no day count from the day the paragraph
                // named last: looked up only then, since it reads the sentences before.
                if matches!(resolved, Err(date::DateError::NoAnchor { .. })) {
                    ctx.anchor = date::paragraph_anchor(&sentences_before(text, sentence), &ctx);
                    if ctx.anchor.is_some() {
                        resolved = date::resolve_scoped(stext, rel(words), rel(matched), &ctx);
                    }
                }
                match resolved {
                    Ok(d) if !fits(*precision, *within, &d) => Reading::None,
                    Ok(d) => {
                        // When an offset moved the date, the evidence is the whole phrase
                        // ("ten days after … on December 7"), not the anchor.
                        let mut words = words;
                        if let Some(start) = offset_start(stext, rel(words), rel(matched), &ctx, &d)
                        {
                            words.start = sentence.start + start;
                        }
                        Reading::Value(Value::Date(d), words)
                    }
                    // Counted days with nothing to count from ("The next day, ...") are not
                    // read, as the date reader's `find_dates` leaves them out: no value, and
                    // nothing the rule's author could fix.
                    Err(date::DateError::NoAnchor { .. }) => Reading::None,
                    Err(e) => Reading::Problem(e.to_string()),
                }
            }
            FactKind::Term { .. } => Reading::None,
        }
    }

    /// The canonical form used in CSV, gold files and comparisons: `~2000`, `2022-01-06`,
    /// `invasion` (`not:invasion` when negated).
    pub fn canonical(&self) -> String {
        match self {
            Value::Quantity(q) => q.canonical(),
            Value::Date(d) => d.canonical(),
            Value::Term(t) if t.negated => format!("not:{}", t.class),
            Value::Term(t) => t.class.clone(),
        }
    }

    /// A short form for table cells: a date with its weekday abbreviated (`2022-01-06 Thu`).
    pub fn short(&self) -> String {
        match self {
            Value::Date(d) => match d.day() {
                Some(day) => format!("{day} {}", &date::weekday_name(day.weekday())[..3]),
                None => d.canonical(),
            },
            _ => self.display(),
        }
    }

    /// The canonical form with what a reader needs besides: the weekday of a date, "quoted"
    /// for scare-quoted wording.
    pub fn display(&self) -> String {
        match self {
            Value::Date(d) => d.describe(),
            Value::Term(t) if t.quoted => format!("{} (quoted)", self.canonical()),
            _ => self.canonical(),
        }
    }

    /// Why this value cannot be set against others, when it cannot: a weekday or a
    /// year-less date in an article without a publication date.
    pub fn unresolved(&self) -> Option<&'static str> {
        match self {
            Value::Date(d) if d.span().is_none() => {
                Some("cannot be placed on the calendar: the article has no publication date")
            }
            _ => None,
        }
    }

    /// Why this value cannot be set against `other` at all, when it cannot: amounts in
    /// different units ("$3bn" and "£2.2bn") are neither equal nor in conflict.
    pub fn incomparable(&self, other: &Value) -> Option<String> {
        match (self, other) {
            (Value::Quantity(a), Value::Quantity(b)) if a.unit != b.unit => Some(format!(
                "not comparable: in {}, the others in {}",
                unit_name(a.unit),
                unit_name(b.unit)
            )),
            _ => None,
        }
    }

    /// The closed interval [`Value::incompatible`] sets against another value's, on one
    /// ordered scale per kind: two values of a fact of `kind` (in the same unit) are
    /// incompatible exactly when their extents are disjoint. It lets comparison find, for
    /// each of many distinct values, whether and with which others it conflicts by sorting,
    /// not by comparing every pair. None for wordings and for dates off the calendar.
    pub fn extent(&self, kind: &FactKind) -> Option<(f64, f64)> {
        match (self, kind) {
            (
                Value::Quantity(Amount { quantity, .. }),
                FactKind::Quantity {
                    tolerance, margin, ..
                },
            ) => {
                let (lo, hi) = quantity.bounds();
                let (lo, hi) = if matches!(quantity, Quantity::Approx(_)) {
                    margin.widen(lo, hi)
                } else {
                    (lo, hi)
                };
                let (lo, hi) = tolerance.widen(lo, hi);
                (!lo.is_nan() && !hi.is_nan()).then_some((lo, hi))
            }
            (Value::Date(d), _) => {
                // Days in order: a year is at most 366 days, so year × 400 + day of the
                // year keeps the calendar's order.
                let day = |d: Date| f64::from(d.year()) * 400.0 + f64::from(d.day_of_year());
                let (first, last) = d.span()?;
                Some((day(first), day(last)))
            }
            _ => None,
        }
    }

    /// Why this value and `other` (both of a fact of `kind`) cannot both be true, or None
    /// when they are compatible (or not comparable, see [`Value::incomparable`]). Amounts are intervals, an approximate one widened by the
    /// kind's margin and both by its tolerance; dates are spans of days. Wordings never
    /// conflict (they differ in framing).
    pub fn incompatible(&self, other: &Value, kind: &FactKind) -> Option<String> {
        match (self, other, kind) {
            (
                Value::Quantity(Amount { quantity: x, unit }),
                Value::Quantity(Amount {
                    quantity: y,
                    unit: unit_y,
                }),
                FactKind::Quantity {
                    tolerance, margin, ..
                },
            ) if unit == unit_y => {
                let widen = |q: &Quantity| {
                    let (lo, hi) = q.bounds();
                    let (lo, hi) = if matches!(q, Quantity::Approx(_)) {
                        margin.widen(lo, hi)
                    } else {
                        (lo, hi)
                    };
                    tolerance.widen(lo, hi)
                };
                let (alo, ahi) = widen(x);
                let (blo, bhi) = widen(y);
                (ahi < blo || bhi < alo).then(|| {
                    "the ranges do not overlap, even with the rule's tolerance".to_string()
                })
            }
            (Value::Date(x), Value::Date(y), _) => {
                // Days, weeks, months and years are spans of days; disjoint spans conflict.
                let ((a0, a1), (b0, b1)) = (x.span()?, y.span()?);
                if a1 < b0 || b1 < a0 {
                    let apart = if a1 < b0 {
                        (b0 - a1).get_days()
                    } else {
                        (a0 - b1).get_days()
                    };
                    Some(format!(
                        "{apart} day{} apart",
                        if apart == 1 { "" } else { "s" }
                    ))
                } else {
                    None
                }
            }
            _ => None,
        }
    }
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.canonical())
    }
}

/// An amount read from `words` as a value of a quantity fact counted in `units`: none when
/// in another unit or not an amount by the words around it (`around`: the sentence's text
/// before and after, None where the rule's pattern wrote the neighbouring words), else
/// bounded by those words.
fn read_amount(
    units: &[Unit],
    text: &str,
    sentence: Span,
    words: Span,
    around: (Option<&str>, Option<&str>),
    a: Amount,
) -> Reading {
    // A fact that names the units it counts in keeps only amounts in them.
    if !units.is_empty() && !units.contains(&a.unit) {
        return Reading::None;
    }
    // A year, a day, a time or a name's number, unless the pattern wrote the words that
    // make it one.
    if number::not_an_amount(around.0, words.slice(text), &a, around.1) {
        return Reading::None;
    }
    // "topped $33.6bn", "about $3bn (£2.2bn)": the words around bound it.
    let bounded = number::in_context(
        text.get(sentence.start..words.start).unwrap_or(""),
        text.get(words.end..sentence.end).unwrap_or(""),
        a,
    );
    Reading::Value(Value::Quantity(bounded), words)
}

/// A unit as a message names it.
fn unit_name(u: Unit) -> &'static str {
    match u {
        Unit::Count => "plain numbers",
        Unit::Currency(c) | Unit::Measure(c) => c,
        Unit::Percent => "percent",
        Unit::Points => "percentage points",
    }
}

/// Where the offset phrase starts (relative to the sentence), when `resolved` differs from
/// the anchor date read alone.
fn offset_start(
    sentence: &str,
    at: std::ops::Range<usize>,
    scope: std::ops::Range<usize>,
    ctx: &date::DateContext,
    resolved: &DateValue,
) -> Option<usize> {
    let plain = date::resolve_scoped(sentence, at.clone(), at.clone(), ctx).ok()?;
    if &plain == resolved {
        return None;
    }
    date::find_dates(sentence, ctx)
        .into_iter()
        .find(|(r, v)| {
            r.end == at.end
                && r.start < at.start
                && r.start >= scope.start
                && v.as_ref().ok() == Some(resolved)
        })
        .map(|(r, _)| r.start)
}

/// Does a date meet the fact's `precision` and `within`?
fn fits(precision: Precision, within: Option<(Date, Date)>, d: &DateValue) -> bool {
    let span = d.span();
    if precision == Precision::Day && span.is_some_and(|(a, b)| a != b) {
        return false;
    }
    match (within, span) {
        (Some((lo, hi)), Some((a, b))) => a >= lo && b <= hi,
        _ => true,
    }
}

/// The sentences of `sentence`'s paragraph before it, in order: a paragraph ends at a blank
/// line, as [`crate::text::paragraphs`] reads them.
fn sentences_before(text: &str, sentence: Span) -> Vec<&str> {
    let head = text.get(..sentence.start).unwrap_or("");
    let mut start = 0;
    let mut pos = 0;
    for line in head.split_inclusive('\n') {
        pos += line.len();
        if line.trim().is_empty() {
            start = pos;
        }
    }
    let para = Span::new(start, sentence.start);
    crate::text::sentences(text, para)
        .into_iter()
        .map(|s| s.slice(text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Tolerance;

    fn amount(text: &str) -> Value {
        Value::Quantity(number::parse_amount(text).expect("an amount"))
    }

    fn kind() -> FactKind {
        FactKind::Quantity {
            tolerance: Tolerance::Absolute(0.0),
            margin: Tolerance::Relative(0.10),
            units: Vec::new(),
        }
    }

    #[test]
    fn amounts_in_different_units_neither_agree_nor_conflict() {
        let (usd, gbp) = (amount("$3bn"), amount("\u{a3}2.2bn"));
        assert_eq!(usd.incompatible(&gbp, &kind()), None);
        assert_eq!(
            gbp.incomparable(&usd).as_deref(),
            Some("not comparable: in GBP, the others in USD")
        );
        assert!(amount("20%").incomparable(&amount("20")).is_some());
        // Same unit: compared as before, and "$3bn" against "$5bn" conflicts.
        assert_eq!(usd.incomparable(&amount("$5bn")), None);
        assert!(usd.incompatible(&amount("$5bn"), &kind()).is_some());
        assert!(usd.incompatible(&amount("about $3.2bn"), &kind()).is_none());
    }
}
