//! Why a date could not be read, in words that say how to fix it where the user can.

use std::fmt;

use super::calendar::weekday_name;
use super::{Date, Weekday};

/// Why a date could not be read. Each message says what is wrong and, where the user can fix it,
/// how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// The calendar has no such day ("February 30", "April 31, 2022").
    Impossible { text: String, reason: String },
    /// A numeric date whose day and month could be swapped, and no rule says which comes first.
    AmbiguousNumeric { text: String },
    /// The front matter's `published:` value is not a date.
    BadPublished { value: String, reason: String },
    /// The weekday written next to a date is not that date's weekday.
    WeekdayMismatch {
        text: String,
        date: Date,
        weekday: Weekday,
    },
    /// Date words that name no single day, month or week ("Sunday 2021").
    Vague { text: String, reason: String },
    /// The text given to [`super::resolve()`] holds no date this reader knows.
    NotADate { text: String },
    /// The byte range given to [`super::resolve()`] is not inside the sentence.
    BadSpan {
        start: usize,
        end: usize,
        len: usize,
    },
    /// A rule's `numeric_order` is not one of the two spellings.
    BadNumericOrder { value: String },
    /// Arithmetic left the calendar jiff supports (years -9999 to 9999).
    OutOfRange { text: String },
    /// Days counted from another date ("the next day", "two days later") whose sentence names
    /// no single day before them to count from. Not read: a wrong day is worse than none.
    NoAnchor { text: String, reason: String },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Impossible { text, reason } => {
                write!(f, "{text} is not a date ({reason})")
            }
            DateError::AmbiguousNumeric { text } => write!(
                f,
                "{text} is ambiguous: set numeric_order = \"day-month\" or \"month-day\" in the rule"
            ),
            DateError::BadPublished { value, reason } => write!(
                f,
                "published date {value:?} does not parse ({reason}): write it as YYYY-MM-DD, e.g. published: 2022-01-08"
            ),
            DateError::WeekdayMismatch {
                text,
                date,
                weekday,
            } => write!(
                f,
                "{text:?} does not add up: {date} is a {}, not a {}",
                weekday_name(date.weekday()),
                weekday_name(*weekday)
            ),
            DateError::Vague { text, reason } => {
                write!(f, "{text:?} names no single date: {reason}")
            }
            DateError::NotADate { text } => write!(
                f,
                "{text:?} is not a date the date reader knows (docs/dates.md lists the forms)"
            ),
            DateError::BadSpan { start, end, len } => write!(
                f,
                "byte range {start}..{end} is not a character range inside the {len}-byte sentence"
            ),
            DateError::BadNumericOrder { value } => write!(
                f,
                "numeric_order {value:?} is not understood: write \"day-month\" or \"month-day\""
            ),
            DateError::NoAnchor { text, reason } => write!(f, "{text:?} is not read: {reason}"),
            DateError::OutOfRange { text } => write!(
                f,
                "{text:?} falls outside the supported calendar (years -9999 to 9999)"
            ),
        }
    }
}

impl std::error::Error for DateError {}

impl serde::Serialize for DateError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}
