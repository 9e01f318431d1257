//! What a date reads as, and its canonical form: the value compared across sources.

use std::fmt;

use super::calendar::{add_days, month_name, weekday_name};
use super::{Date, Weekday};

/// A resolved date. Not every expression names a day ("last month", "this week"), and without a
/// publication date a weekday cannot be placed: those stay visibly unresolved instead of being
/// guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateValue {
    /// One day: canonical `2022-01-06`.
    Day(Date),
    /// An ISO week ("this week", "last week"), named by its Monday: canonical `2022-W01`.
    Week { monday: Date },
    /// A month ("last month", "January 2022"): canonical `2022-01`.
    Month { year: i16, month: i8 },
    /// A year ("last year"): canonical `2021`.
    Year(i16),
    /// A run of days that is no week, month or year ("mid-May"): canonical
    /// `2022-05-11..2022-05-20`.
    Days { first: Date, last: Date },
    /// Some day on or before this one ("more than a year ago"): canonical `<=2021-02-20`.
    OnOrBefore(Date),
    /// Some day on or after this one ("less than a year ago"): canonical `>=2021-02-20`.
    OnOrAfter(Date),
    /// A weekday in an article with no publication date.
    UnresolvedWeekday(Weekday),
    /// A year-less date in an article with no publication date.
    UnresolvedDate { month: i8, day: i8 },
    /// A relative expression ("yesterday", "last month", "ten days after December 7") in an
    /// article with no publication date; `text` is the expression as written.
    Unresolved { text: String },
}

const UNRESOLVED: &str = "(unresolved: no publication date)";

impl DateValue {
    /// The value compared across sources.
    pub fn canonical(&self) -> String {
        match self {
            DateValue::Day(d) => d.to_string(),
            DateValue::Week { monday } => {
                let w = monday.iso_week_date();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            DateValue::Month { year, month } => format!("{year:04}-{month:02}"),
            DateValue::Year(y) => format!("{y:04}"),
            DateValue::Days { first, last } => format!("{first}..{last}"),
            DateValue::OnOrBefore(d) => format!("<={d}"),
            DateValue::OnOrAfter(d) => format!(">={d}"),
            DateValue::UnresolvedWeekday(w) => format!("{} {UNRESOLVED}", weekday_name(*w)),
            DateValue::UnresolvedDate { month, day } => {
                format!("{} {day} {UNRESOLVED}", month_name(*month))
            }
            DateValue::Unresolved { text } => format!("{text} {UNRESOLVED}"),
        }
    }

    /// The canonical value with what a reader checks it against: the weekday of a day, the days
    /// of a week.
    pub fn describe(&self) -> String {
        match self {
            DateValue::Day(d) => format!("{d} ({})", weekday_name(d.weekday())),
            DateValue::Week { monday } => match self.span() {
                Some((_, last)) => format!("{} ({monday} to {last})", self.canonical()),
                None => self.canonical(),
            },
            _ => self.canonical(),
        }
    }

    /// The day, when the value is one day.
    pub fn day(&self) -> Option<Date> {
        match self {
            DateValue::Day(d) => Some(*d),
            _ => None,
        }
    }

    /// First and last day covered, so that compare can tell "Thursday" lies in "this week".
    pub fn span(&self) -> Option<(Date, Date)> {
        match self {
            DateValue::Day(d) => Some((*d, *d)),
            DateValue::Week { monday } => Some((*monday, add_days(*monday, 6).ok()?)),
            DateValue::Month { year, month } => {
                let first = Date::new(*year, *month, 1).ok()?;
                Some((first, first.last_of_month()))
            }
            DateValue::Year(y) => {
                let first = Date::new(*y, 1, 1).ok()?;
                Some((first, first.last_of_year()))
            }
            DateValue::Days { first, last } => Some((*first, *last)),
            DateValue::OnOrBefore(d) => Some((Date::MIN, *d)),
            DateValue::OnOrAfter(d) => Some((*d, Date::MAX)),
            _ => None,
        }
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical())
    }
}

impl serde::Serialize for DateValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.canonical())
    }
}
