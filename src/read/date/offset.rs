//! Offsets: "ten days after the summit on December 7". A phrase that
//! counts days, weeks, months or years before or after a date moves that date, when nothing
//! but a noun phrase stands between them.

use super::parse::count;
use super::pattern::{RE_OFFSET, RE_OFFSET_ASCII, date_re};
use super::tense::{Cue, classify};
use super::tokens::tokens;
use super::{DateError, DateValue};
use crate::text::collapse_spaces;

pub(super) struct Offset {
    pub(super) start: usize,
    days: i64,
    months: i64,
}

/// Longest gap, in words, allowed between an offset phrase and its date.
const OFFSET_GAP_WORDS: usize = 15;

/// The last offset phrase in `sentence[from..date_start]` that governs the date: nothing but a
/// noun phrase between them (no comma or other clause break, no verb, no other date).
pub(super) fn find_offset(sentence: &str, from: usize, date_start: usize) -> Option<Offset> {
    let region = sentence.get(from..date_start)?;
    let offset_re = if crate::text::ascii::has_non_ascii_word(region) {
        &RE_OFFSET
    } else {
        &RE_OFFSET_ASCII
    };
    let c = offset_re.captures_iter(region).last()?;
    let whole = c.get(0)?;
    let gap = region.get(whole.end()..)?;
    if gap.contains([',', ';', ':', '(', ')', '—', '–', '"', '“', '”'])
        || date_re(gap).is_match(gap)
    {
        return None;
    }
    let gap_toks = tokens(gap);
    if gap_toks.len() > OFFSET_GAP_WORDS
        || (0..gap_toks.len()).any(|i| matches!(classify(&gap_toks, i), Some(Cue::Tense(_))))
    {
        return None;
    }
    let n = match c.name("n") {
        Some(m) => count(m.as_str())?,
        None => 1,
    };
    let unit = c
        .name("unit")
        .or_else(|| c.name("unit1"))
        .map(|m| m.as_str().to_lowercase())?;
    let dir = c.name("dir").map(|m| m.as_str().to_lowercase())?;
    let sign =
        if dir.starts_with("before") || dir.starts_with("earlier") || dir.starts_with("prior") {
            -1
        } else {
            1
        };
    let (days, months) = if unit.starts_with("day") {
        (n, 0)
    } else if unit.starts_with("week") {
        (7 * n, 0)
    } else if unit.starts_with("month") {
        (0, n)
    } else {
        (0, 12 * n)
    };
    Some(Offset {
        start: from + whole.start(),
        days: sign * days,
        months: sign * months,
    })
}

pub(super) fn apply_offset(
    sentence: &str,
    off: &Offset,
    end: usize,
    value: DateValue,
) -> Result<DateValue, DateError> {
    let text = sentence
        .get(off.start..end)
        .map(collapse_spaces)
        .unwrap_or_default();
    match value {
        DateValue::Day(d) => {
            let moved = jiff::Span::new()
                .try_months(off.months)
                .and_then(|s| s.try_days(off.days))
                .and_then(|s| d.checked_add(s))
                .map_err(|_| DateError::OutOfRange { text })?;
            Ok(DateValue::Day(moved))
        }
        DateValue::UnresolvedWeekday(_)
        | DateValue::UnresolvedDate { .. }
        | DateValue::Unresolved { .. } => Ok(DateValue::Unresolved { text }),
        // "ten days after last month" is not how news writes; keep the period as written.
        other => Ok(other),
    }
}
