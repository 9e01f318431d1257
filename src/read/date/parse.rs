//! Reading one date expression's words, before it meets the publication date; and the front
//! matter's `published:` value.

use regex::Captures;

use crate::text::collapse_spaces;

use super::calendar::{check_month, impossible, month_from, weekday_from};
use super::pattern::{
    NUM_WORDS, RE_AGO, RE_DM, RE_EDGE, RE_ISO, RE_MD, RE_MONTH, RE_MY, RE_NUMERIC, RE_PART,
    RE_PREP, RE_PUBLISHED, RE_REL_DAY, RE_SEASON, RE_SPAN_DM, RE_SPAN_MD, RE_SPAN_WD, RE_WEEKDAY,
    RE_YEAR,
};
use super::{Date, DateContext, DateError, NumericOrder, Weekday};

/// Parses a front-matter `published:` value: `2022-01-08`, or a timestamp such as
/// `2022-01-08T10:00:00Z` whose written date is taken as is (no time-zone shift: the date the
/// newsroom printed is the one its weekdays count from).
pub fn parse_published(s: &str) -> Result<Date, DateError> {
    let v = s.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    let bad = |reason: &str| DateError::BadPublished {
        value: s.to_string(),
        reason: reason.to_string(),
    };
    if v.is_empty() {
        return Err(bad("it is empty"));
    }
    let caps = RE_PUBLISHED
        .captures(v)
        .ok_or_else(|| bad("expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ"))?;
    let (y, m, d) = (
        num::<i16>(&caps, "y"),
        num::<i8>(&caps, "m"),
        num::<i8>(&caps, "d"),
    );
    let (Some(y), Some(m), Some(d)) = (y, m, d) else {
        return Err(bad("expected YYYY-MM-DD"));
    };
    check_month(m)
        .and_then(|()| Date::new(y, m, d).map_err(|_| impossible(m, d, Some(y))))
        .map_err(|e| bad(&e.to_string()))
}

/// A date expression before it meets the publication date.
pub(super) enum Expr {
    /// Day and month, with a year if written, and the weekday written beside it if any.
    Calendar {
        year: Option<i16>,
        month: i8,
        day: i8,
        weekday: Option<Weekday>,
    },
    Weekday {
        weekday: Weekday,
        modifier: Modifier,
    },
    MonthYear {
        year: i16,
        month: i8,
    },
    DaysFromPublished(i64),
    /// "three weeks ago", "more than a year ago": that many units before the publication day,
    /// as a day or, when bounded, a bound.
    Ago {
        n: i64,
        unit: Period,
        bound: Bound,
    },
    /// A month without a year: "in March", "last June", "a September deadline".
    MonthName {
        month: i8,
        modifier: Modifier,
    },
    /// A year written alone inside another form: "the end of 2022".
    YearNum(i16),
    /// The first or last day of a period: "the end of the year", "the start of June".
    Edge {
        end: bool,
        inner: Box<Expr>,
    },
    /// A third of a month: "early May" (days 1-10), "mid-May" (11-20), "late May" (21-end).
    Part {
        part: u8,
        inner: Box<Expr>,
    },
    Week(i64),
    Month(i64),
    Year(i64),
    /// A span of days with both ends written: "February 4-5", "3 March to 10 March". The
    /// month is shared when written once; a year written on either end is both ends' year.
    DaySpan {
        first: (Option<i16>, i8, i8),
        last: (Option<i16>, i8, i8),
    },
    /// "Monday to Wednesday", "between Monday and Wednesday".
    WeekdaySpan {
        first: Weekday,
        last: Weekday,
    },
    /// Days counted from a date named earlier in the sentence: "the next day" (+1), "two days
    /// later" (+2), "the day before" (-1). `prep`: written "the day before/after", which
    /// counts from the words after it when words follow ("the day after the vote").
    RelDay {
        days: i64,
        prep: bool,
    },
    /// A season (0 spring, 1 summer, 2 autumn, 3 winter) with its year ("the summer of 2021")
    /// or placed by a modifier ("last winter"; `Modifier::None` is "this").
    Season {
        season: u8,
        year: Option<i16>,
        modifier: Modifier,
    },
}

/// The unit of an "ago".
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Period {
    Day,
    Week,
    Month,
    Year,
}

/// How an "ago" is bounded: "more than a year ago" is on or before the day a year back.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Bound {
    Exact,
    OnOrBefore,
    OnOrAfter,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Modifier {
    None,
    Last,
    Next,
}

pub(super) fn parse_expr(text: &str, ctx: &DateContext) -> Result<Expr, DateError> {
    // "in March", "by March 20", "a September deadline": the word before says it is a date.
    if let Some(rest) = RE_PREP.captures(text).and_then(|c| c.name("rest"))
        && let Ok(e) = parse_expr(rest.as_str(), ctx)
    {
        return Ok(e);
    }
    if let Some(e) = parse_span(text)? {
        return Ok(e);
    }
    if let Some(c) = RE_REL_DAY.captures(text) {
        let lower = |name: &str| c.name(name).map(|m| m.as_str().to_lowercase());
        let n = match c.name("n") {
            Some(m) => count(m.as_str()).ok_or_else(|| not_a_date(text))?,
            None => 1,
        };
        let days = if lower("unit").as_deref() == Some("week") {
            n * 7
        } else {
            n
        };
        let back = matches!(
            lower("word")
                .or_else(|| lower("dir1"))
                .or_else(|| lower("dir2"))
                .as_deref(),
            Some("previous" | "before" | "earlier")
        );
        return Ok(Expr::RelDay {
            days: if back { -days } else { days },
            prep: c.name("dir1").is_some(),
        });
    }
    if let Some(c) = RE_SEASON.captures(text) {
        let name = c
            .name("s1")
            .or_else(|| c.name("s2"))
            .map(|m| m.as_str().to_lowercase());
        let season = match name.as_deref() {
            Some("spring") => 0,
            Some("summer") => 1,
            Some("autumn" | "fall") => 2,
            _ => 3,
        };
        let modifier = match c
            .name("modifier")
            .map(|m| collapse_spaces(&m.as_str().to_lowercase()))
            .as_deref()
        {
            Some("last" | "past" | "this past") => Modifier::Last,
            Some("next" | "coming" | "this coming") => Modifier::Next,
            _ => Modifier::None,
        };
        let year = match c.name("year") {
            Some(_) => Some(num::<i16>(&c, "year").ok_or_else(|| not_a_date(text))?),
            None => None,
        };
        return Ok(Expr::Season {
            season,
            year,
            modifier,
        });
    }
    if let Some(c) = RE_EDGE.captures(text) {
        let end = c
            .name("edge")
            .is_some_and(|m| m.as_str().eq_ignore_ascii_case("end"));
        let rest = c.name("rest").map_or("", |m| m.as_str());
        let inner = match rest.to_lowercase().as_str() {
            "the year" => Expr::Year(0),
            "the month" => Expr::Month(0),
            "the week" => Expr::Week(0),
            _ => match RE_YEAR.captures(rest) {
                Some(y) => Expr::YearNum(num::<i16>(&y, "year").ok_or_else(|| not_a_date(text))?),
                None => parse_expr(rest, ctx)?,
            },
        };
        return Ok(Expr::Edge {
            end,
            inner: Box::new(inner),
        });
    }
    if let Some(c) = RE_PART.captures(text) {
        let part = match c.name("part").map(|m| m.as_str().to_lowercase()).as_deref() {
            Some("early") => 0,
            Some("mid") => 1,
            _ => 2,
        };
        let inner = parse_expr(c.name("rest").map_or("", |m| m.as_str()), ctx)?;
        if !matches!(inner, Expr::MonthName { .. } | Expr::MonthYear { .. }) {
            return Err(not_a_date(text));
        }
        return Ok(Expr::Part {
            part,
            inner: Box::new(inner),
        });
    }
    if let Some(c) = RE_MONTH.captures(text) {
        let month = c.name("month").and_then(|m| month_from(m.as_str()));
        let modifier = match c
            .name("modifier")
            .map(|m| m.as_str().to_lowercase())
            .as_deref()
        {
            Some("last") => Modifier::Last,
            Some("next") => Modifier::Next,
            _ => Modifier::None,
        };
        return month
            .map(|month| Expr::MonthName { month, modifier })
            .ok_or_else(|| not_a_date(text));
    }
    if let Some(c) = RE_WEEKDAY.captures(text) {
        let weekday = c.name("wd").and_then(|m| weekday_from(m.as_str()));
        let Some(weekday) = weekday else {
            return Err(not_a_date(text));
        };
        let modifier = match c
            .name("modifier")
            .map(|m| collapse_spaces(&m.as_str().to_lowercase()))
        {
            Some(m) if m == "last" || m == "this past" || m == "past" => Modifier::Last,
            Some(m) if m == "next" || m == "this coming" || m == "coming" => Modifier::Next,
            _ => Modifier::None,
        };
        let Some(rest) = c.name("rest") else {
            return Ok(Expr::Weekday { weekday, modifier });
        };
        let rest = rest.as_str();
        if rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateError::Vague {
                text: text.to_string(),
                reason: "a weekday with a year but no month and day".to_string(),
            });
        }
        return match parse_month_day(rest)? {
            Some((year, month, day)) => Ok(Expr::Calendar {
                year,
                month,
                day,
                weekday: Some(weekday),
            }),
            None => Err(not_a_date(text)),
        };
    }
    if let Some((year, month, day)) = parse_month_day(text)? {
        return Ok(Expr::Calendar {
            year,
            month,
            day,
            weekday: None,
        });
    }
    if let Some(c) = RE_MY.captures(text) {
        let month = c.name("month").and_then(|m| month_from(m.as_str()));
        return match (month, num::<i16>(&c, "year")) {
            (Some(month), Some(year)) => Ok(Expr::MonthYear { year, month }),
            _ => Err(not_a_date(text)),
        };
    }
    if let Some(c) = RE_ISO.captures(text) {
        return match (num::<i16>(&c, "y"), num::<i8>(&c, "m"), num::<i8>(&c, "d")) {
            (Some(year), Some(month), Some(day)) => Ok(Expr::Calendar {
                year: Some(year),
                month,
                day,
                weekday: None,
            }),
            _ => Err(not_a_date(text)),
        };
    }
    if let Some(c) = RE_NUMERIC.captures(text) {
        return parse_numeric(text, &c, ctx);
    }
    if let Some(c) = RE_AGO.captures(text) {
        let n = c
            .name("n")
            .and_then(|m| count(m.as_str()))
            .ok_or_else(|| not_a_date(text))?;
        let unit = match c.name("unit").map(|m| m.as_str().to_lowercase()).as_deref() {
            Some("week") => Period::Week,
            Some("month") => Period::Month,
            Some("year") => Period::Year,
            _ => Period::Day,
        };
        let qual = c
            .name("qual")
            .map(|m| collapse_spaces(&m.as_str().to_lowercase()));
        let bound = match qual.as_deref() {
            Some("more than" | "over") => Bound::OnOrBefore,
            Some("less than" | "under") => Bound::OnOrAfter,
            _ => Bound::Exact,
        };
        if unit == Period::Day && bound == Bound::Exact {
            return Ok(Expr::DaysFromPublished(-n));
        }
        return Ok(Expr::Ago { n, unit, bound });
    }
    let rel = strip_on(text).to_lowercase();
    let rel = rel.trim_start_matches("the ");
    Ok(match rel {
        "today" | "tonight" | "this morning" | "this afternoon" | "this evening" => {
            Expr::DaysFromPublished(0)
        }
        "yesterday" => Expr::DaysFromPublished(-1),
        "tomorrow" => Expr::DaysFromPublished(1),
        "day before yesterday" => Expr::DaysFromPublished(-2),
        "day after tomorrow" => Expr::DaysFromPublished(2),
        "this week" | "earlier this week" | "later this week" => Expr::Week(0),
        "last week" => Expr::Week(-1),
        "next week" => Expr::Week(1),
        "this month" | "earlier this month" | "later this month" => Expr::Month(0),
        "last month" => Expr::Month(-1),
        "next month" => Expr::Month(1),
        "this year" | "earlier this year" | "later this year" => Expr::Year(0),
        "last year" => Expr::Year(-1),
        "next year" => Expr::Year(1),
        _ => return Err(not_a_date(text)),
    })
}

/// A span of days ("February 4-5", "4 to 5 February", "between Monday and Wednesday").
/// `Ok(None)`: not this form. "and" joins the ends only after "between".
fn parse_span(text: &str) -> Result<Option<Expr>, DateError> {
    let joined_right = |c: &Captures| {
        let and = c
            .name("sep")
            .is_some_and(|m| m.as_str().trim().eq_ignore_ascii_case("and"));
        and == c.name("between").is_some()
    };
    if let Some(c) = RE_SPAN_WD.captures(text).filter(joined_right) {
        let day = |name: &str| c.name(name).and_then(|m| weekday_from(m.as_str()));
        return match (day("w1"), day("w2")) {
            (Some(first), Some(last)) => Ok(Some(Expr::WeekdaySpan { first, last })),
            _ => Err(not_a_date(text)),
        };
    }
    let Some(c) = RE_SPAN_MD
        .captures(text)
        .or_else(|| RE_SPAN_DM.captures(text))
        .filter(joined_right)
    else {
        return Ok(None);
    };
    let month = |name: &str| c.name(name).and_then(|m| month_from(m.as_str()));
    let year = |name: &str| match c.name(name) {
        Some(_) => num::<i16>(&c, name)
            .map(Some)
            .ok_or_else(|| not_a_date(text)),
        None => Ok(None),
    };
    let (Some(m1), Some(m2)) = (
        month("m1").or_else(|| month("m2")),
        month("m2").or_else(|| month("m1")),
    ) else {
        return Err(not_a_date(text));
    };
    let (Some(d1), Some(d2)) = (num::<i8>(&c, "d1"), num::<i8>(&c, "d2")) else {
        return Err(not_a_date(text));
    };
    Ok(Some(Expr::DaySpan {
        first: (year("y1")?, m1, d1),
        last: (year("y2")?, m2, d2),
    }))
}

/// Month-day or day-month words, with the year if written. `Ok(None)`: not this form.
#[allow(clippy::type_complexity)]
fn parse_month_day(text: &str) -> Result<Option<(Option<i16>, i8, i8)>, DateError> {
    let Some(c) = RE_MD.captures(text).or_else(|| RE_DM.captures(text)) else {
        return Ok(None);
    };
    let month = c.name("month").and_then(|m| month_from(m.as_str()));
    let (Some(month), Some(day)) = (month, num::<i8>(&c, "day")) else {
        return Err(not_a_date(text));
    };
    let year = match c.name("year") {
        Some(_) => Some(num::<i16>(&c, "year").ok_or_else(|| not_a_date(text))?),
        None => None,
    };
    Ok(Some((year, month, day)))
}

fn parse_numeric(text: &str, c: &Captures, ctx: &DateContext) -> Result<Expr, DateError> {
    let shown = strip_on(text).to_string();
    let same_sep = c.name("s1").map(|m| m.as_str()) == c.name("s2").map(|m| m.as_str());
    let (Some(a), Some(b), Some(year), true) = (
        num::<i8>(c, "a"),
        num::<i8>(c, "b"),
        num::<i16>(c, "y"),
        same_sep,
    ) else {
        return Err(not_a_date(text));
    };
    let (month, day) = match ctx.numeric_order {
        Some(NumericOrder::DayMonth) => (b, a),
        Some(NumericOrder::MonthDay) => (a, b),
        // Without a rule only one case is safe: the two readings give the same day, or one of
        // them has no month 13+.
        None if a == b => (a, b),
        None if a > 12 && b <= 12 => (b, a),
        None if b > 12 && a <= 12 => (a, b),
        None if a > 12 && b > 12 => {
            return Err(DateError::Impossible {
                text: shown,
                reason: "neither number is a month".to_string(),
            });
        }
        None => return Err(DateError::AmbiguousNumeric { text: shown }),
    };
    if !(1..=12).contains(&month) {
        return Err(DateError::Impossible {
            text: shown,
            reason: format!("there is no month {month}"),
        });
    }
    Ok(Expr::Calendar {
        year: Some(year),
        month,
        day,
        weekday: None,
    })
}

pub(super) fn strip_on(s: &str) -> &str {
    let t = s.trim();
    match t.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("on ") => t.get(3..).unwrap_or(t).trim_start(),
        _ => t,
    }
}

fn not_a_date(text: &str) -> DateError {
    DateError::NotADate {
        text: text.to_string(),
    }
}

fn num<T: std::str::FromStr>(c: &Captures, name: &str) -> Option<T> {
    c.name(name)?.as_str().parse().ok()
}

pub(super) fn count(s: &str) -> Option<i64> {
    if let Ok(n) = s.parse::<i64>() {
        return Some(n);
    }
    let i = NUM_WORDS
        .split('|')
        .position(|w| w.eq_ignore_ascii_case(s))?;
    // "a" and "an" mean one; the list then runs one..twenty, thirty.
    Some(match i {
        0 | 1 => 1,
        22 => 30,
        i => i as i64 - 1,
    })
}
