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
        // Counted days with nothing to count from are not read at all.
        if matches!(value, Err(DateError::NoAnchor { .. })) {
            continue;
        }
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
    // Forms that carry their year, or read the sentence around them, with or without a
    // publication date.
    let unresolved = || DateValue::Unresolved {
        text: strip_on(shown).to_string(),
    };
    match expr {
        Expr::Calendar {
            year,
            month,
            day,
            weekday,
        } => {
            return calendar_day(
                sentence,
                at,
                ctx.published,
                (year, month, day),
                weekday,
                shown,
            );
        }
        Expr::DaySpan { first, last } => {
            return day_span(sentence, at, ctx.published, first, last, shown);
        }
        Expr::RelDay { days, prep } => return relative_day(sentence, at, ctx, (days, prep), shown),
        Expr::Season {
            season,
            year: Some(y),
            ..
        } => {
            let (first, last) = season_days(season, y).ok_or_else(out_of_range)?;
            return Ok(DateValue::Days { first, last });
        }
        _ => {}
    }
    let Some(p) = ctx.published else {
        return Ok(match expr {
            Expr::Weekday { weekday, .. } => DateValue::UnresolvedWeekday(weekday),
            Expr::MonthYear { year, month } => DateValue::Month { year, month },
            _ => unresolved(),
        });
    };
    Ok(match expr {
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
        // A year past the calendar (9999 + 1) is refused, not printed as "10000".
        Expr::Year(n) => {
            let y = i16::try_from(i64::from(p.year()) + n).map_err(|_| out_of_range())?;
            Date::new(y, 1, 1).map_err(|_| out_of_range())?;
            DateValue::Year(y)
        }
        Expr::WeekdaySpan { first, last } => {
            let d = resolve_weekday(p, first, Modifier::None, tense_cue(sentence, at))
                .map_err(|_| out_of_range())?;
            // The last day is the first such weekday after the first ("Friday to Monday"
            // runs over the weekend); the same weekday twice is a week.
            let gap = match first.until(last) {
                0 => 7,
                g => i64::from(g),
            };
            let last = add_days(d, gap).map_err(|_| out_of_range())?;
            DateValue::Days { first: d, last }
        }
        Expr::Season {
            season, modifier, ..
        } => {
            let (first, last) = place_season(p, season, modifier).ok_or_else(out_of_range)?;
            DateValue::Days { first, last }
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
            Date::new(year, month, 1).map_err(|_| out_of_range())?;
            DateValue::Month { year, month }
        }
        Expr::YearNum(_)
        | Expr::Edge { .. }
        | Expr::Part { .. }
        | Expr::Calendar { .. }
        | Expr::DaySpan { .. }
        | Expr::RelDay { .. } => {
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

/// One day from its month and day, and its year when written; a year-less day takes the year
/// that puts it nearest the publication date (see [`nearest_yearless`]). The weekday written
/// beside it, if any, must be that day's.
fn calendar_day(
    sentence: &str,
    at: Range<usize>,
    published: Option<Date>,
    (year, month, day): (Option<i16>, i8, i8),
    weekday: Option<Weekday>,
    shown: &str,
) -> Result<DateValue, DateError> {
    if let Some(y) = year {
        return checked_calendar(y, month, day, weekday, shown).map(DateValue::Day);
    }
    check_month_day(month, day)?;
    let Some(p) = published else {
        return Ok(DateValue::UnresolvedDate { month, day });
    };
    let d = nearest_yearless(p, month, day, tense_cue(sentence, at))
        .ok_or_else(|| impossible(month, day, None))?;
    checked_calendar(d.year(), month, day, weekday, shown).map(DateValue::Day)
}

/// A span of days written with both ends ("February 4-5", "December 30 to January 2, 2022").
/// A year written on one end gives the other its year (the year before when the first end's
/// month comes later in the year, as across a new year); with no year written, the
/// first end takes the year nearest the publication date, as a lone year-less date does, and
/// the last end follows it. A span that ends before it starts is an error.
fn day_span(
    sentence: &str,
    at: Range<usize>,
    published: Option<Date>,
    (y1, m1, d1): (Option<i16>, i8, i8),
    (y2, m2, d2): (Option<i16>, i8, i8),
    shown: &str,
) -> Result<DateValue, DateError> {
    check_month_day(m1, d1)?;
    check_month_day(m2, d2)?;
    // Only a later month before an earlier one crosses a new year ("December 30 to
    // January 2"); "5-4 February" runs backwards.
    let wraps = m1 > m2;
    let day = |y: i16, m: i8, d: i8| checked_calendar(y, m, d, None, shown);
    let step = |y: i16, by: i16| {
        y.checked_add(by).ok_or_else(|| DateError::OutOfRange {
            text: shown.to_string(),
        })
    };
    let (first, last) = match (y1, y2) {
        (y1, Some(y2)) => {
            let y1 = match y1 {
                Some(y) => y,
                None => step(y2, if wraps { -1 } else { 0 })?,
            };
            (day(y1, m1, d1)?, day(y2, m2, d2)?)
        }
        (Some(y1), None) => (day(y1, m1, d1)?, day(step(y1, i16::from(wraps))?, m2, d2)?),
        (None, None) => {
            let Some(p) = published else {
                return Ok(DateValue::Unresolved {
                    text: strip_on(shown).to_string(),
                });
            };
            let first = nearest_yearless(p, m1, d1, tense_cue(sentence, at))
                .ok_or_else(|| impossible(m1, d1, None))?;
            let y2 = step(first.year(), i16::from(wraps))?;
            (first, day(y2, m2, d2)?)
        }
    };
    if last < first {
        return Err(DateError::Impossible {
            text: strip_on(shown).to_string(),
            reason: "it ends before it starts".to_string(),
        });
    }
    Ok(if first == last {
        DateValue::Day(first)
    } else {
        DateValue::Days { first, last }
    })
}

/// The day a paragraph's earlier sentences (`before`, in order) name last, if the last date
/// expression in them is one day as written: what "The next day, …" opening the next
/// sentence counts from. The same test as within a sentence: the last expression decides, so
/// a period, a date an offset moves or a counted day there anchors nothing (the chain "two
/// days later" after "the next day" is not followed).
pub fn paragraph_anchor(before: &[&str], ctx: &DateContext) -> Option<Date> {
    let ctx = DateContext {
        anchor: None,
        ..ctx.clone()
    };
    let (sentence, m) = before.iter().rev().find_map(|s| {
        date_re(s)
            .find_iter(s)
            .filter(|m| !RE_LOWER_MONTH_WORD.is_match(m.as_str()))
            .last()
            .map(|m| (*s, m))
    })?;
    let shown = collapse_spaces(m.as_str());
    match parse_expr(&shown, &ctx) {
        Ok(Expr::RelDay { .. }) => None,
        Ok(e) if find_offset(sentence, 0, m.start()).is_none() => {
            match place(sentence, m.range(), &ctx, &shown, e) {
                Ok(DateValue::Day(d)) => Some(d),
                _ => None,
            }
        }
        _ => None,
    }
}

/// "the next day", "two days later", "the day before": days counted from the date named last
/// before it in the same sentence, when that date is one day; when the sentence names no date
/// before it, from `ctx.anchor`, the day the paragraph named last ([`paragraph_anchor`]).
/// Nothing else anchors it: not another counted day, not a date an offset phrase moves, not
/// a period; "the day after the vote" counts from the vote,
/// which is no date. With no anchor the words are not read ([`DateError::NoAnchor`]).
fn relative_day(
    sentence: &str,
    at: Range<usize>,
    ctx: &DateContext,
    (n, prep): (i64, bool),
    shown: &str,
) -> Result<DateValue, DateError> {
    let no_anchor = |reason: &str| DateError::NoAnchor {
        text: strip_on(shown).to_string(),
        reason: reason.to_string(),
    };
    // "the day before the vote": the anchor is the noun phrase after it, not a date.
    let next = sentence
        .get(at.end..)
        .and_then(|r| r.trim_start().chars().next());
    if prep && next.is_some_and(char::is_alphanumeric) {
        // "the day before the visit on March 13": counted from the date its noun phrase
        // leads to, as "a day before the visit on March 13" is (an offset phrase).
        let ahead = date_re(sentence)
            .find_iter(sentence)
            .find(|m| m.start() >= at.end && !RE_LOWER_MONTH_WORD.is_match(m.as_str()))
            .filter(|m| find_offset(sentence, at.start, m.start()).is_some());
        let Some(m) = ahead else {
            return Err(no_anchor(
                "it counts from the words after it, not from a date",
            ));
        };
        let anchor_text = collapse_spaces(m.as_str());
        return match parse_expr(&anchor_text, ctx) {
            Ok(Expr::RelDay { .. }) | Err(_) => {
                Err(no_anchor("the date after it is not one day as written"))
            }
            Ok(e) => counted_from(place(sentence, m.range(), ctx, &anchor_text, e), n, shown),
        };
    }
    let Some(m) = date_re(sentence)
        .find_iter(sentence)
        .filter(|m| m.end() <= at.start && !RE_LOWER_MONTH_WORD.is_match(m.as_str()))
        .last()
    else {
        // The paragraph's last day before this sentence, when the caller found one.
        return match ctx.anchor {
            Some(d) => add_days(d, n)
                .map(DateValue::Day)
                .map_err(|_| DateError::OutOfRange {
                    text: strip_on(shown).to_string(),
                }),
            None => Err(no_anchor(
                "neither its sentence nor the paragraph before it names a day",
            )),
        };
    };
    let anchor_text = collapse_spaces(m.as_str());
    let anchor = match parse_expr(&anchor_text, ctx) {
        Ok(Expr::RelDay { .. }) => {
            return Err(no_anchor(
                "the date before it is itself counted from another",
            ));
        }
        Ok(e) if find_offset(sentence, 0, m.start()).is_none() => {
            place(sentence, m.range(), ctx, &anchor_text, e)
        }
        _ => return Err(no_anchor("the date before it is not one day as written")),
    };
    counted_from(anchor, n, shown)
}

/// `n` days from `anchor`, the date a counted day counts from.
fn counted_from(
    anchor: Result<DateValue, DateError>,
    n: i64,
    shown: &str,
) -> Result<DateValue, DateError> {
    match anchor {
        Ok(DateValue::Day(d)) => {
            add_days(d, n)
                .map(DateValue::Day)
                .map_err(|_| DateError::OutOfRange {
                    text: strip_on(shown).to_string(),
                })
        }
        Ok(
            DateValue::UnresolvedDate { .. }
            | DateValue::UnresolvedWeekday(_)
            | DateValue::Unresolved { .. },
        ) => Ok(DateValue::Unresolved {
            text: strip_on(shown).to_string(),
        }),
        _ => Err(DateError::NoAnchor {
            text: strip_on(shown).to_string(),
            reason: "the date it counts from is not one day as written".to_string(),
        }),
    }
}

/// The first and last day of a season (0 spring, 1 summer, 2 autumn, 3 winter), northern
/// meteorological: March-May, June-August, September-November, December-February. The winter
/// of a year is the one whose January it holds (December of the year before to February).
fn season_days(season: u8, year: i16) -> Option<(Date, Date)> {
    let start = if season == 3 {
        year.checked_sub(1)?
    } else {
        year
    };
    season_from(season, start)
}

/// The season that starts in `start_year` (a winter starts in December).
fn season_from(season: u8, start_year: i16) -> Option<(Date, Date)> {
    let first = Date::new(start_year, 3 + 3 * season.min(3) as i8, 1).ok()?;
    let last = first
        .checked_add(jiff::Span::new().months(3))
        .ok()?
        .checked_sub(jiff::Span::new().days(1))
        .ok()?;
    Some((first, last))
}

/// "this summer": the one of the publication year ("this autumn" in March is the coming
/// one); a winter, which spans two years, is the one the publication date falls in, else the
/// nearest (by days to its nearer end; a tie goes to the coming one). "last winter": the
/// latest that ended before the publication date. "next fall": the first that starts after it.
fn place_season(p: Date, season: u8, modifier: Modifier) -> Option<(Date, Date)> {
    if season != 3 && modifier == Modifier::None {
        return season_from(season, p.year());
    }
    let cands: Vec<(Date, Date)> = (-2i16..=2)
        .filter_map(|k| p.year().checked_add(k))
        .filter_map(|y| season_from(season, y))
        .collect();
    match modifier {
        Modifier::Last => cands.into_iter().rev().find(|(_, last)| *last < p),
        Modifier::Next => cands.into_iter().find(|(first, _)| *first > p),
        Modifier::None => cands.into_iter().min_by_key(|(first, last)| {
            let away = if p < *first {
                days_between(p, *first)
            } else if p > *last {
                days_between(*last, p)
            } else {
                0
            };
            (away, p > *last)
        }),
    }
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
