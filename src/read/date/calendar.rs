//! Calendar facts the reader needs: month and weekday names, day arithmetic, and the message
//! for a day the calendar does not have.

use super::{Date, DateError, Weekday};

/// English name of a weekday, for reports.
pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

pub(super) fn check_month(month: i8) -> Result<(), DateError> {
    if (1..=12).contains(&month) {
        Ok(())
    } else {
        Err(DateError::Impossible {
            text: format!("month {month}"),
            reason: "there are 12 months".to_string(),
        })
    }
}

pub(super) fn check_month_day(month: i8, day: i8) -> Result<(), DateError> {
    check_month(month)?;
    // 2000 is a leap year, so this accepts February 29 and nothing longer.
    match Date::new(2000, month, day) {
        Ok(_) => Ok(()),
        Err(_) => Err(impossible(month, day, None)),
    }
}

pub(super) fn impossible(month: i8, day: i8, year: Option<i16>) -> DateError {
    let max = Date::new(2000, month, 1).map_or(31, |d| d.days_in_month());
    let (text, reason) = match year {
        Some(y) if month == 2 && day == 29 => (
            format!("February 29, {y}"),
            format!("{y} is not a leap year"),
        ),
        Some(y) => (
            format!("{} {day}, {y}", month_name(month)),
            format!("{} has {} days", month_name(month), days_in(y, month)),
        ),
        None if day < 1 => (
            format!("{} {day}", month_name(month)),
            "days count from 1".to_string(),
        ),
        None if month == 2 => (
            format!("February {day}"),
            "February has at most 29 days".to_string(),
        ),
        None => (
            format!("{} {day}", month_name(month)),
            format!("{} has {max} days", month_name(month)),
        ),
    };
    DateError::Impossible { text, reason }
}

fn days_in(y: i16, month: i8) -> i8 {
    Date::new(y, month, 1).map_or(31, |d| d.days_in_month())
}

pub(super) fn month_from(s: &str) -> Option<i8> {
    let key: String = s.chars().take(3).collect::<String>().to_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months.iter().position(|m| *m == key).map(|i| i as i8 + 1)
}

pub(super) fn month_name(m: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    usize::try_from(m - 1)
        .ok()
        .and_then(|i| NAMES.get(i))
        .copied()
        .unwrap_or("month")
}

pub(super) fn weekday_from(s: &str) -> Option<Weekday> {
    Some(match s.to_lowercase().as_str() {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

pub(super) fn add_days(d: Date, n: i64) -> Result<Date, jiff::Error> {
    d.checked_add(jiff::Span::new().try_days(n)?)
}

pub(super) fn days_between(a: Date, b: Date) -> i64 {
    a.duration_until(b).as_hours() / 24
}
