//! Placing a date expression in time: the nearest day around the publication date, moved by
//! the sentence's tense cues and by an offset phrase.

use std::ops::Range;

use super::calendar::{add_days, check_month, check_month_day, days_between, impossible};
use super::offset::{apply_offset, find_offset};
use super::parse::{Bound, Expr, Modifier, Period, parse_expr, strip_on};
use super::pattern::{RE_LOWER_MONTH_WORD, date_re};
use super::tense::tense_cue;
use super::{Date, DateContext, DateError, DateValue, Tense, Weekday};
use crate::text::collapse_spaces;

/// Resolves the text that [`super::date_pattern`] matched at `at` in `sentence`. The whole sentence
/// is read for tense cues and for an offset phrase ("ten days after ... on December 7") that comes
/// before the date; see [`resolve_scoped`] to limit where an offset may come from.
pub fn resolve(
    sentence: &str,
    at: Range<usize>,
    ctx: &DateContext,
) -> Result<DateValue, DateError> {
    resolve_scoped(sentence, at, 0..sentence.len(), ctx)
}

/// Like [`resolve`], but an offset phrase counts only if it lies inside `scope` (for instance
/// the byte range of the rule's whole match). Tense cues are still read from the whole sentence.
///
/// Why: in "delivered ten days after his video-conference with Biden on December 7" one rule
/// wants the call (December 7, its match starts at "video-conference") and another the
/// ultimatum (December 17, its match starts at "delivered"); only the match extent tells them
/// apart.
pub fn resolve_scoped(
    sentence: &str,
    at: Range<usize>,
    scope: Range<usize>,
    ctx: &DateContext,
) -> Result<DateValue, DateError> {
    let text = sentence.get(at.clone()).ok_or(DateError::BadSpan {
        start: at.start,
        end: at.end,
        len: sentence.len(),
    })?;
    // The match is normally exactly one date expression; if the caller passed a wider range,
    // the last date in it is the anchor and the words before it may hold the offset.
    let found = date_re(text)
        .find_iter(text)
        .last()
        .ok_or_else(|| DateError::NotADate {
            text: text.trim().to_string(),
        })?;
    let date_at = at.start + found.start()..at.start + found.end();
    let scope_start = scope.start.min(at.start);
    let value = resolve_at(sentence, date_at.clone(), ctx)?;
    match find_offset(sentence, scope_start, date_at.start) {
        Some(off) => apply_offset(sentence, &off, date_at.end, value),
        None => Ok(value),
    }
}

/// Every date expression in a sentence, resolved. A date that an offset phrase moves gives two
/// entries: the date as written ("December 7" -> 2021-12-07) and the whole offset expression
/// ("ten days after ... December 7" -> 2021-12-17), so both facts can be read from one sentence.
pub fn find_dates(
    sentence: &str,
    ctx: &DateContext,
) -> Vec<(Range<usize>, Result<DateValue, DateError>)> {
    let mut out = Vec::new();
    for m in date_re(sentence).find_iter(sentence) {
        if RE_LOWER_MONTH_WORD.is_match(m.as_str()) {
            continue;
        }
        let value = resolve_at(sentence, m.range(), ctx);
        if let (Ok(v), Some(off)) = (&value, find_offset(sentence, 0, m.start())) {
            let moved = apply_offset(sentence, &off, m.end(), v.clone());
            out.push((m.range(), value));
            out.push((off.start..m.end(), moved));
        } else {
            out.push((m.range(), value));
        }
    }
    out.sort_by_key(|(r, _)| (r.start, r.end));
    out
}

fn resolve_at(sentence: &str, at: Range<usize>, ctx: &DateContext) -> Result<DateValue, DateError> {
    let text = sentence.get(at.clone()).ok_or(DateError::BadSpan {
        start: at.start,
        end: at.end,
        len: sentence.len(),
    })?;
    let shown = collapse_spaces(text);
    let expr = parse_expr(&shown, ctx)?;
    place(sentence, at, ctx, &shown, expr)
}

/// Places a parsed expression (`shown` is its text) around the publication date.
fn place(
    sentence: &str,
    at: Range<usize>,
    ctx: &DateContext,
    shown: &str,
    expr: Expr,
) -> Result<DateValue, DateError> {
    let out_of_range = || DateError::OutOfRange {
        text: shown.to_string(),
    };
    // Forms made of another form: the first or last day of a period, a third of a month.
    match expr {
        Expr::YearNum(y) => return Ok(DateValue::Year(y)),
        Expr::Edge { end, inner } => {
            let v = place(sentence, at, ctx, shown, *inner)?;
            return Ok(match v.span() {
                Some((first, last)) => DateValue::Day(if end { last } else { first }),
                None => v,
            });
        }
        Expr::Part { part, inner } => {
            let v = place(sentence, at, ctx, shown, *inner)?;
            let DateValue::Month { year, month } = v else {
                return Ok(v);
            };
            let first = Date::new(year, month, 1).map_err(|_| out_of_range())?;
            let (from, to) = match part {
                0 => (1, 10),
                1 => (11, 20),
                _ => (21, first.days_in_month()),
            };
            return Ok(DateValue::Days {
                first: Date::new(year, month, from).map_err(|_| out_of_range())?,
                last: Date::new(year, month, to).map_err(|_| out_of_range())?,
            });
        }
        _ => {}
    }
    let Some(p) = ctx.published else {
        return Ok(match expr {
            Expr::Calendar {
                year: Some(y),
                month,
                day,
                weekday,
            } => DateValue::Day(checked_calendar(y, month, day, weekday, shown)?),
            Expr::Calendar {
                year: None,
                month,
                day,
                ..
            } => {
                check_month_day(month, day)?;
                DateValue::UnresolvedDate { month, day }
            }
            Expr::Weekday { weekday, .. } => DateValue::UnresolvedWeekday(weekday),
            Expr::MonthYear { year, month } => DateValue::Month { year, month },
            _ => DateValue::Unresolved {
                text: strip_on(shown).to_string(),
            },
        });
    };
    Ok(match expr {
        Expr::Calendar {
            year: Some(y),
            month,
            day,
            weekday,
        } => DateValue::Day(checked_calendar(y, month, day, weekday, shown)?),
        Expr::Calendar {
            year: None,
            month,
            day,
            weekday,
        } => {
            check_month_day(month, day)?;
            let d = nearest_yearless(p, month, day, tense_cue(sentence, at.clone()))
                .ok_or_else(|| impossible(month, day, None))?;
            if let Some(w) = weekday.filter(|w| *w != d.weekday()) {
                return Err(DateError::WeekdayMismatch {
                    text: shown.to_string(),
                    date: d,
                    weekday: w,
                });
            }
            DateValue::Day(d)
        }
        Expr::Weekday { weekday, modifier } => {
            let cue = match modifier {
                Modifier::None => tense_cue(sentence, at),
                _ => None,
            };
            DateValue::Day(resolve_weekday(p, weekday, modifier, cue).map_err(|_| out_of_range())?)
        }
        Expr::MonthYear { year, month } => DateValue::Month { year, month },
        Expr::DaysFromPublished(n) => DateValue::Day(add_days(p, n).map_err(|_| out_of_range())?),
        Expr::Week(n) => {
            let monday = add_days(p, n * 7 - i64::from(p.weekday().to_monday_zero_offset()))
                .map_err(|_| out_of_range())?;
            DateValue::Week { monday }
        }
        Expr::Month(n) => {
            let d = jiff::Span::new()
                .try_months(n)
                .and_then(|s| p.first_of_month().checked_add(s))
                .map_err(|_| out_of_range())?;
            DateValue::Month {
                year: d.year(),
                month: d.month(),
            }
        }
        Expr::Year(n) => {
            let y = i64::from(p.year()) + n;
            DateValue::Year(i16::try_from(y).map_err(|_| out_of_range())?)
        }
        Expr::Ago { n, unit, bound } => {
            let span = match unit {
                Period::Day => jiff::Span::new().try_days(n),
                Period::Week => jiff::Span::new().try_weeks(n),
                Period::Month => jiff::Span::new().try_months(n),
                Period::Year => jiff::Span::new().try_years(n),
            };
            let d = span
                .and_then(|s| p.checked_sub(s))
                .map_err(|_| out_of_range())?;
            match bound {
                Bound::Exact => DateValue::Day(d),
                Bound::OnOrBefore => DateValue::OnOrBefore(d),
                Bound::OnOrAfter => DateValue::OnOrAfter(d),
            }
        }
        Expr::MonthName { month, modifier } => {
            let cue = match modifier {
                Modifier::None => tense_cue(sentence, at),
                _ => None,
            };
            let this = p.month();
            let step = match (modifier, cue) {
                (Modifier::Last, _) if month >= this => -1,
                (Modifier::Next, _) if month <= this => 1,
                (Modifier::None, Some(Tense::Past)) if month > this => -1,
                (Modifier::None, Some(Tense::Future)) if month < this => 1,
                _ => 0,
            };
            let year = p.year().checked_add(step).ok_or_else(out_of_range)?;
            DateValue::Month { year, month }
        }
        Expr::YearNum(_) | Expr::Edge { .. } | Expr::Part { .. } => {
            return Err(DateError::NotADate {
                text: shown.to_string(),
            });
        }
    })
}

/// Nearest occurrence around the publication date; the publication day itself when the weekday
/// is the publication weekday; "last"/"next" force a direction, and so does a tense cue.
fn resolve_weekday(
    p: Date,
    w: Weekday,
    modifier: Modifier,
    cue: Option<Tense>,
) -> Result<Date, jiff::Error> {
    let back = i64::from(p.weekday().since(w));
    let fwd = i64::from(p.weekday().until(w));
    match modifier {
        Modifier::Last => add_days(p, if back == 0 { -7 } else { -back }),
        Modifier::Next => add_days(p, if fwd == 0 { 7 } else { fwd }),
        Modifier::None if back == 0 => Ok(p),
        Modifier::None => match cue {
            Some(Tense::Past) => add_days(p, -back),
            Some(Tense::Future) => add_days(p, fwd),
            None if back < fwd => add_days(p, -back),
            None => add_days(p, fwd),
        },
    }
}

/// How far a year-less date may lie from the publication date before a tense cue may pick the
/// other year. Within a month the nearest year is what readers assume whatever the verb, and
/// publication dates are often estimates a few days off; beyond it, "will resume on December 7"
/// in a January piece means the coming December.
const CUE_OVERRIDE_DAYS: i64 = 31;

/// The year that puts month/day nearest the publication date; a cue pointing the other way wins
/// only when the nearest is more than [`CUE_OVERRIDE_DAYS`] away. `None`: no such day exists
/// near the publication year (February 29 far from a leap year, or not a day at all).
fn nearest_yearless(p: Date, month: i8, day: i8, cue: Option<Tense>) -> Option<Date> {
    let y = p.year();
    let mut cands: Vec<(Date, i64)> = (-4i16..=4)
        .filter_map(|k| y.checked_add(k))
        .filter_map(|yy| Date::new(yy, month, day).ok())
        .map(|d| (d, days_between(p, d)))
        .collect();
    cands.sort_by_key(|(_, diff)| (diff.abs(), *diff > 0));
    let (nearest, diff) = *cands.first()?;
    if diff.abs() <= CUE_OVERRIDE_DAYS {
        return Some(nearest);
    }
    let wanted = match cue {
        Some(Tense::Past) if diff > 0 => cands.iter().find(|(_, d)| *d < 0),
        Some(Tense::Future) if diff < 0 => cands.iter().find(|(_, d)| *d > 0),
        _ => None,
    };
    Some(wanted.map_or(nearest, |(d, _)| *d))
}

fn checked_calendar(
    y: i16,
    month: i8,
    day: i8,
    weekday: Option<Weekday>,
    shown: &str,
) -> Result<Date, DateError> {
    check_month(month)?;
    let d = Date::new(y, month, day).map_err(|_| impossible(month, day, Some(y)))?;
    match weekday {
        Some(w) if w != d.weekday() => Err(DateError::WeekdayMismatch {
            text: shown.to_string(),
            date: d,
            weekday: w,
        }),
        _ => Ok(d),
    }
}
