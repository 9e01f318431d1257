//! Date reader: reads dates the way newsrooms write them and resolves them against the article's
//! publication date the way a reader does.
//!
//! A pure text reader (rules and extraction use it; it knows neither): a rule's pattern says
//! `{date}` where a date stands, the rule loader puts [`date_pattern`] there, and extraction
//! hands the text that matched to [`resolve()`] together with its sentence, because the
//! sentence carries what the words alone do not: the tense that tells "Thursday" in a
//! Saturday piece is two days back, and the "ten days after" that moves "December 7" to
//! December 17. Two sources can only be
//! compared once "Thursday", "January 6" and "2022-01-06" have become the same canonical value.
//!
//! Why not a general date parser: Duckling-style parsers send every bare weekday and year-less
//! date into the future, which is wrong for news (see docs/dates.md for what was measured). The
//! rule here is the nearest day around the publication date, moved by the sentence's cues.
//!
//! # Layout
//! * `pattern`: the `{date}` fragment and the anchored parsers, built from the same pieces.
//! * `parse`: one expression's words read into an expression not yet placed in time, and
//!   the front matter's `published:` value.
//! * `resolve`: the expression placed around the publication date ([`resolve()`],
//!   [`find_dates`]).
//! * `offset`: "ten days after ... December 7", which moves the date it governs.
//! * `tense`: the cue words that say which way a sentence points ([`tense_cue`]), read from
//!   the words of `tokens`, a tokenizer hand-written because the benchmarks justified it.
//! * `calendar`: month and weekday names, day arithmetic, impossible days.
//! * `value` and `error`: what a date reads as, and why one could not be read.

mod calendar;
mod error;
mod offset;
mod parse;
mod pattern;
mod resolve;
mod tense;
mod tokens;
mod value;

pub use calendar::weekday_name;
pub use error::DateError;
pub use jiff::civil::{Date, Weekday};
pub use parse::parse_published;
pub use pattern::{date_pattern, date_pattern_ascii};
pub use resolve::{find_dates, paragraph_anchor, resolve, resolve_scoped};
pub use tense::tense_cue;
pub use value::DateValue;

/// Which number comes first in a numeric date such as `10/01/2022`. Only a rule can say: the
/// same digits are 10 January in London and October 1 in New York.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericOrder {
    /// `10/01/2022` is 10 January 2022.
    DayMonth,
    /// `10/01/2022` is October 1, 2022.
    MonthDay,
}

impl std::str::FromStr for NumericOrder {
    type Err = DateError;

    /// Reads the rule file's spelling (`"day-month"` or `"month-day"`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "day-month" | "dd/mm/yyyy" | "dmy" => Ok(NumericOrder::DayMonth),
            "month-day" | "mm/dd/yyyy" | "mdy" => Ok(NumericOrder::MonthDay),
            _ => Err(DateError::BadNumericOrder {
                value: s.to_string(),
            }),
        }
    }
}

/// What a date is read against: the article's publication date (from its front matter) and the
/// rule's numeric order, if it gives one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DateContext {
    pub published: Option<Date>,
    pub numeric_order: Option<NumericOrder>,
    /// The day the paragraph named last before this sentence ([`paragraph_anchor`]), for
    /// counted days ("The next day, …") whose own sentence names none.
    pub anchor: Option<Date>,
}

/// Which way the sentence points from the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
}

#[cfg(test)]
mod tests;
