//! Date reader: reads dates the way newsrooms write them and resolves them against the article's
//! publication date the way a reader does.
//!
//! It sits in the extract stage (rules + articles -> **extract** -> compare -> report): a rule's
//! pattern says `{date}` where a date stands, the engine puts [`date_pattern`] there, and the text
//! that matched goes to [`resolve`] together with its sentence, because the sentence carries what
//! the words alone do not: the tense that tells "Thursday" in a Saturday piece is two days back,
//! and the "ten days after" that moves "December 7" to December 17. Two sources can only be
//! compared once "Thursday", "January 6" and "2022-01-06" have become the same canonical value.
//!
//! Why not a general date parser: Duckling-style parsers send every bare weekday and year-less
//! date into the future, which is wrong for news (see docs/dates.md for what was measured). The
//! rule here is the nearest day around the publication date, moved by the sentence's cues.

use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};

pub use jiff::civil::{Date, Weekday};

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
}

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
    /// The text given to [`resolve`] holds no date this reader knows.
    NotADate { text: String },
    /// The byte range given to [`resolve`] is not inside the sentence.
    BadSpan {
        start: usize,
        end: usize,
        len: usize,
    },
    /// A rule's `numeric_order` is not one of the two spellings.
    BadNumericOrder { value: String },
    /// Arithmetic left the calendar jiff supports (years -9999 to 9999).
    OutOfRange { text: String },
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

/// Which way the sentence points from the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
}

// ---------------------------------------------------------------------------------------------
// Patterns. The public fragment and the anchored parsers are built from the same pieces so that
// whatever the fragment matches, the parser can read.

const MONTH_FULL: &str =
    "january|february|march|april|may|june|july|august|september|october|november|december";
const MONTH_ABBR: &str = r"(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?";
const WEEKDAY: &str = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const WD_MOD: &str = r"this\s+past|this\s+coming|last|next|this|coming|past";
const DAY_PART: &str = r"['’]s\b|\s+(?:morning|afternoon|evening|night)\b";
const ORD: &str = r"(?:st|nd|rd|th)?\b";
const NUM_WORDS: &str = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\
                         thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty";

fn month_re() -> String {
    format!(r"(?:(?:{MONTH_FULL})\b|{MONTH_ABBR})")
}

/// Month-day and day-month with an optional year, without capturing groups.
fn md_dm_re() -> String {
    let m = month_re();
    let day = format!(r"(?:3[01]|[12][0-9]|0?[1-9]){ORD}");
    let year = r"[12][0-9]{3}\b";
    format!(r"(?:{m}\s+{day}(?:,?\s+{year})?|(?:the\s+)?\b{day}\s+(?:of\s+)?{m}(?:,?\s+{year})?)")
}

static PATTERN: LazyLock<String> = LazyLock::new(|| {
    let m = month_re();
    let full = md_dm_re();
    let weekday = format!(
        r"(?:(?:{WD_MOD})\s+)?(?:{WEEKDAY})\b(?:{DAY_PART})?(?:,?\s+{full}|\s+[12][0-9]{{3}}\b)?"
    );
    let month_year = format!(r"{m}\s+[12][0-9]{{3}}\b");
    let iso = r"[0-9]{4}-[0-9]{2}-[0-9]{2}\b";
    let numeric = r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}\b|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}\b|[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}\b";
    let relative = format!(
        r"the\s+day\s+before\s+yesterday\b|the\s+day\s+after\s+tomorrow\b|today\b|tonight\b|yesterday\b|tomorrow\b|this\s+(?:morning|afternoon|evening)\b|(?:earlier|later)\s+this\s+(?:week|month|year)\b|(?:last|this|next)\s+(?:week|month|year)\b|(?:[0-9]{{1,3}}|{NUM_WORDS})\s+days?\s+ago\b"
    );
    format!(r"(?i:\b(?:on\s+)?(?:{weekday}|{full}|{month_year}|{iso}|{numeric}|{relative}))")
});

/// The `{date}` fragment for rule patterns: no capturing groups, no anchors, case-insensitive on
/// its own (it carries its `(?i:...)`), so it drops into any user regex without shifting the
/// user's group numbers. It matches the date words only; an offset such as "ten days after" is
/// found by [`resolve`] in the sentence around the match.
pub fn date_pattern() -> &'static str {
    PATTERN.as_str()
}

/// [`date_pattern`] with ASCII word boundaries (`(?-u:\b)` for each `\b`). On text without
/// non-ASCII word characters (see [`super::has_non_ascii_word`]) every boundary is decided the
/// same way, so both match the same words; but a Unicode `\b` makes the regex crate's fast
/// engine give up at the first non-ASCII byte (every curly quote or dash of news text) and
/// fall back to a search some ten times slower, and this one does not.
pub fn date_pattern_ascii() -> &'static str {
    PATTERN_ASCII.as_str()
}

static PATTERN_ASCII: LazyLock<String> = LazyLock::new(|| ascii_boundaries(&PATTERN));

/// A pattern of this file with each `\b` made ASCII (`(?-u:\b)`). No pattern here escapes a
/// backslash itself, so every `\b` in them is a word boundary and a plain replacement is
/// exact; a test checks that the two forms find the same dates.
fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

static DATE_RE: LazyLock<Regex> = LazyLock::new(|| compile(date_pattern()));
static DATE_RE_ASCII: LazyLock<Regex> = LazyLock::new(|| compile(date_pattern_ascii()));

/// The date regex to search `text` with: both find the same dates there, the ASCII one faster.
fn date_re(text: &str) -> &'static Regex {
    if super::has_non_ascii_word(text) {
        &DATE_RE
    } else {
        &DATE_RE_ASCII
    }
}

/// The patterns are constants built from this file's word lists, never from input; the tests
/// compile every one of them.
fn compile(p: &str) -> Regex {
    Regex::new(p).expect("date reader patterns are constants and compile")
}

static RE_WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)^(?:on\s+)?(?:(?P<modifier>{WD_MOD})\s+)?(?P<wd>{WEEKDAY})\b(?:{DAY_PART})?(?:,?\s+(?P<rest>\S.*))?$"
    ))
});
static RE_MD: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)^(?:on\s+)?(?P<month>{})\s+(?P<day>[0-9]{{1,2}}){ORD}(?:,?\s+(?P<year>[0-9]{{4}}))?$",
        month_re()
    ))
});
static RE_DM: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)^(?:on\s+)?(?:the\s+)?(?P<day>[0-9]{{1,2}}){ORD}\s+(?:of\s+)?(?P<month>{})(?:,?\s+(?P<year>[0-9]{{4}}))?$",
        month_re()
    ))
});
static RE_MY: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)^(?:on\s+|in\s+)?(?P<month>{})\s+(?P<year>[0-9]{{4}})$",
        month_re()
    ))
});
static RE_ISO: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^(?:(?i)on\s+)?(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})$"));
static RE_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:(?i)on\s+)?(?P<a>[0-9]{1,2})(?P<s1>[/.\-])(?P<b>[0-9]{1,2})(?P<s2>[/.\-])(?P<y>[0-9]{4})$",
    )
});
static RE_AGO: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)^(?:on\s+)?(?P<n>[0-9]{{1,3}}|{NUM_WORDS})\s+days?\s+ago$"
    ))
});
static RE_OFFSET_SRC: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?i)\b(?:(?P<n>[0-9]{{1,3}}|{NUM_WORDS})\s+(?P<unit>days?|weeks?|months?|years?)|the\s+(?P<unit1>day|week|month|year))\s+(?P<dir>after|before|from|later\s+than|earlier\s+than|prior\s+to)\b"
    )
});
static RE_OFFSET: LazyLock<Regex> = LazyLock::new(|| compile(&RE_OFFSET_SRC));
static RE_OFFSET_ASCII: LazyLock<Regex> =
    LazyLock::new(|| compile(&ascii_boundaries(&RE_OFFSET_SRC)));
/// Lowercase "may", "march" and "mar" are words before they are months.
static RE_LOWER_MONTH_WORD: LazyLock<Regex> = LazyLock::new(|| compile(r"\b(?:may|march|mar)\b"));
static RE_PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})(?:[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:[Zz]|[+\-][0-9]{2}:?[0-9]{2})?)?$",
    )
});

// ---------------------------------------------------------------------------------------------
// Public entry points.

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

/// Resolves the text that [`date_pattern`] matched at `at` in `sentence`. The whole sentence is
/// read for tense cues and for an offset phrase ("ten days after ... on December 7") that comes
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

/// The tense the sentence gives the words at `at`, from the nearest cue word around them (see
/// docs/dates.md): `None` when there is no cue close enough.
pub fn tense_cue(sentence: &str, at: Range<usize>) -> Option<Tense> {
    let toks = tokens(sentence);
    let first_after = toks
        .iter()
        .position(|t| t.start >= at.end)
        .unwrap_or(toks.len());
    let last_before = toks.iter().rposition(|t| t.end <= at.start);

    let mut back: Option<(Tense, usize)> = None;
    if let Some(lb) = last_before {
        let mut words = 0;
        let mut i = lb + 1;
        while i > 0 {
            i -= 1;
            match toks[i].kind {
                Kind::Hard => break,
                Kind::Comma => {
                    let next = toks.get(i + 1).filter(|t| t.kind == Kind::Word);
                    if next.is_some_and(|t| CLAUSE_CONJ.contains(&lower(t.text).as_str())) {
                        break;
                    }
                }
                Kind::Word => {
                    words += 1;
                    if words > BACK_WINDOW {
                        break;
                    }
                    match classify(&toks, i) {
                        Some(Cue::Tense(t)) => {
                            back = Some((t, words));
                            break;
                        }
                        Some(Cue::Stop) => break,
                        None => {}
                    }
                }
            }
        }
    }

    // Words after the date count only inside its clause; an opening adverbial ("On Wednesday,
    // Tokayev requested ...") takes its verb from across the comma.
    let clause_start = last_before
        .and_then(|lb| toks[..=lb].iter().rposition(|t| t.kind != Kind::Word))
        .map_or(0, |p| p + 1);
    let intro = toks[clause_start..last_before.map_or(0, |lb| lb + 1)]
        .iter()
        .all(|t| INTRO.contains(&lower(t.text).as_str()));
    let mut fwd: Option<(Tense, usize)> = None;
    let mut words = 0;
    let mut commas = 0;
    for i in first_after..toks.len() {
        match toks[i].kind {
            Kind::Hard => break,
            Kind::Comma => {
                commas += 1;
                if !(intro && commas == 1 && words == 0) {
                    break;
                }
            }
            Kind::Word => {
                words += 1;
                if words > FWD_WINDOW {
                    break;
                }
                match classify(&toks, i) {
                    Some(Cue::Tense(t)) => {
                        fwd = Some((t, words));
                        break;
                    }
                    Some(Cue::Stop) => break,
                    None => {}
                }
            }
        }
    }
    match (back, fwd) {
        (Some((b, db)), Some((f, df))) => Some(if df < db { f } else { b }),
        (Some((b, _)), None) => Some(b),
        (None, Some((f, _))) => Some(f),
        (None, None) => None,
    }
}

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

// ---------------------------------------------------------------------------------------------
// Reading one expression.

/// A date expression before it meets the publication date.
enum Expr {
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
    Week(i64),
    Month(i64),
    Year(i64),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Modifier {
    None,
    Last,
    Next,
}

fn resolve_at(sentence: &str, at: Range<usize>, ctx: &DateContext) -> Result<DateValue, DateError> {
    let text = sentence.get(at.clone()).ok_or(DateError::BadSpan {
        start: at.start,
        end: at.end,
        len: sentence.len(),
    })?;
    let shown = squash(text);
    let expr = parse_expr(&shown, ctx)?;
    let Some(p) = ctx.published else {
        return Ok(match expr {
            Expr::Calendar {
                year: Some(y),
                month,
                day,
                weekday,
            } => DateValue::Day(checked_calendar(y, month, day, weekday, &shown)?),
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
                text: strip_on(&shown).to_string(),
            },
        });
    };
    let out_of_range = || DateError::OutOfRange {
        text: shown.clone(),
    };
    Ok(match expr {
        Expr::Calendar {
            year: Some(y),
            month,
            day,
            weekday,
        } => DateValue::Day(checked_calendar(y, month, day, weekday, &shown)?),
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
                    text: shown,
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
    })
}

fn parse_expr(text: &str, ctx: &DateContext) -> Result<Expr, DateError> {
    if let Some(c) = RE_WEEKDAY.captures(text) {
        let weekday = c.name("wd").and_then(|m| weekday_from(m.as_str()));
        let Some(weekday) = weekday else {
            return Err(not_a_date(text));
        };
        let modifier = match c
            .name("modifier")
            .map(|m| squash(&m.as_str().to_lowercase()))
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
        let n = c.name("n").and_then(|m| count(m.as_str()));
        return n
            .map(|n| Expr::DaysFromPublished(-n))
            .ok_or_else(|| not_a_date(text));
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

// ---------------------------------------------------------------------------------------------
// Resolution rules.

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

fn check_month(month: i8) -> Result<(), DateError> {
    if (1..=12).contains(&month) {
        Ok(())
    } else {
        Err(DateError::Impossible {
            text: format!("month {month}"),
            reason: "there are 12 months".to_string(),
        })
    }
}

fn check_month_day(month: i8, day: i8) -> Result<(), DateError> {
    check_month(month)?;
    // 2000 is a leap year, so this accepts February 29 and nothing longer.
    match Date::new(2000, month, day) {
        Ok(_) => Ok(()),
        Err(_) => Err(impossible(month, day, None)),
    }
}

fn impossible(month: i8, day: i8, year: Option<i16>) -> DateError {
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

// ---------------------------------------------------------------------------------------------
// Offsets: "ten days after his video-conference with Biden on December 7".

struct Offset {
    start: usize,
    days: i64,
    months: i64,
}

/// Longest gap, in words, allowed between an offset phrase and its date.
const OFFSET_GAP_WORDS: usize = 15;

/// The last offset phrase in `sentence[from..date_start]` that governs the date: nothing but a
/// noun phrase between them (no comma or other clause break, no verb, no other date).
fn find_offset(sentence: &str, from: usize, date_start: usize) -> Option<Offset> {
    let region = sentence.get(from..date_start)?;
    let offset_re = if super::has_non_ascii_word(region) {
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

fn apply_offset(
    sentence: &str,
    off: &Offset,
    end: usize,
    value: DateValue,
) -> Result<DateValue, DateError> {
    let text = sentence.get(off.start..end).map(squash).unwrap_or_default();
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

// ---------------------------------------------------------------------------------------------
// Tense cues.

const BACK_WINDOW: usize = 10;
const FWD_WINDOW: usize = 8;

const FUTURE_WORDS: &[&str] = &[
    "will",
    "shall",
    "won't",
    "upcoming",
    "forthcoming",
    "next",
    "due",
    "scheduled",
    "slated",
    "planned",
    "plans",
    "plan",
    "intends",
    "begins",
    "begin",
    "starts",
    "opens",
    "resumes",
    "resume",
    "convenes",
    "convene",
    "expected",
    "ahead",
    "coming",
];
const PAST_WORDS: &[&str] = &[
    "ago",
    "earlier",
    "previously",
    "last",
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "met",
    "took",
    "sent",
    "began",
    "held",
    "came",
    "went",
    "made",
    "gave",
    "spoke",
    "left",
    "saw",
    "won",
    "lost",
    "fell",
    "rose",
    "flew",
    "struck",
    "fought",
    "broke",
    "ran",
    "kept",
    "brought",
    "thought",
    "found",
    "became",
    "wrote",
    "chose",
    "drew",
    "led",
    "paid",
    "sold",
    "stood",
    "heard",
    "shot",
    "threw",
    "knew",
    "got",
    "sat",
    "felt",
    "meant",
    "spent",
    "built",
    "fled",
    "laid",
    "understood",
    "withdrew",
    "overthrew",
    "undertook",
    "forgot",
    "arose",
    "swore",
    "stole",
    "hid",
    "rode",
    "shook",
    "sank",
    "sought",
    "caught",
    "taught",
    "bought",
    "dealt",
    "upheld",
    "oversaw",
    "wasn't",
    "weren't",
    "hadn't",
    "didn't",
];
/// Modal and conditional words: the time they give is not the calendar's, so they end the
/// search with no cue ("said he would meet Monday" says nothing about which Monday).
const STOP_WORDS: &[&str] = &[
    "would", "could", "might", "may", "should", "must", "can", "if", "unless", "whether",
    "wouldn't", "couldn't",
];
/// Words that end in -ed without being past tense.
const ED_NOT_PAST: &[&str] = &[
    "hundred",
    "united",
    "indeed",
    "kindred",
    "sacred",
    "naked",
    "wicked",
    "rugged",
    "ragged",
    "beloved",
    "crooked",
    "wretched",
    "alleged",
    "armed",
    "based",
    "advanced",
    "limited",
    "detailed",
    "unprecedented",
    "interested",
    "concerned",
    "red",
    "bed",
    "need",
    "shed",
];
const AUX: &[&str] = &[
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "is",
    "are",
    "am",
    "was",
    "were",
    "not",
    "also",
    "already",
    "to",
    "then",
    "reportedly",
];
const CLAUSE_CONJ: &[&str] = &[
    "then", "but", "while", "whereas", "although", "though", "because", "so", "yet",
];
const INTRO: &[&str] = &[
    "on", "by", "until", "since", "from", "and", "but", "then", "so", "also", "late", "early",
    "as", "of", "the", "before", "after", "starting", "last", "next", "this",
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Word,
    Comma,
    Hard,
}

struct Tok<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: Kind,
}

/// The words, commas and hard breaks of a sentence, as the regex
/// `(?P<w>[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*)|(?P<c>,)|(?P<h>[;:()\[\]—–"“”]|\s--?\s)` finds
/// them (leftmost first, in order), read by hand: the regex asked for captures at every token,
/// which ran the regex crate's backtracker some forty times a sentence. A test holds the two
/// equal on news text and on arbitrary strings.
fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let (end, kind) = if is_letter_or_number(c) {
            // A run of letters and digits, then any number of (joiner, run) pairs.
            let mut end = start + c.len_utf8();
            loop {
                match s.get(end..).and_then(|r| r.chars().next()) {
                    Some(n) if is_letter_or_number(n) => end += n.len_utf8(),
                    Some(j @ ('\'' | '’' | '.' | '-'))
                        if s.get(end + j.len_utf8()..)
                            .and_then(|r| r.chars().next())
                            .is_some_and(is_letter_or_number) =>
                    {
                        end += j.len_utf8();
                    }
                    _ => break,
                }
            }
            (end, Kind::Word)
        } else if c == ',' {
            (start + 1, Kind::Comma)
        } else if matches!(
            c,
            ';' | ':' | '(' | ')' | '[' | ']' | '—' | '–' | '"' | '“' | '”'
        ) {
            (start + c.len_utf8(), Kind::Hard)
        } else if let Some(end) = c
            .is_whitespace()
            .then(|| spaced_dash_end(s, start + c.len_utf8()))
            .flatten()
        {
            (end, Kind::Hard)
        } else {
            continue;
        };
        out.push(Tok {
            start,
            end,
            text: s.get(start..end).unwrap_or(""),
            kind,
        });
        while chars.next_if(|&(i, _)| i < end).is_some() {}
    }
    out
}

/// After a white space at `at - 1`: the end of `--?\s` (a dash or two, then white space).
fn spaced_dash_end(s: &str, at: usize) -> Option<usize> {
    let rest = s.get(at..)?;
    let after = rest
        .strip_prefix("--")
        .filter(|r| r.starts_with(char::is_whitespace))
        .or_else(|| rest.strip_prefix('-'))?;
    let ws = after.chars().next().filter(|c| c.is_whitespace())?;
    Some(s.len() - after.len() + ws.len_utf8())
}

/// `[\p{L}\p{N}]`: a letter or a number of any script. `char::is_numeric` is exactly `\p{N}`;
/// `char::is_alphabetic` is wider than `\p{L}` (it takes some marks), so letters outside
/// ASCII ask the regex crate's own tables.
fn is_letter_or_number(c: char) -> bool {
    static LETTER: LazyLock<Regex> = LazyLock::new(|| compile(r"\A\p{L}\z"));
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if c.is_numeric() {
        return true;
    }
    // The general punctuation block (spaces, dashes, quotes) holds no letter.
    if ('\u{2000}'..='\u{206f}').contains(&c) || !c.is_alphabetic() {
        return false;
    }
    let mut buf = [0u8; 4];
    LETTER.is_match(c.encode_utf8(&mut buf))
}

enum Cue {
    Tense(Tense),
    Stop,
}

/// What the word at `i` says about time. Only lowercase words count: "Will" and "May" are
/// names as often as verbs, and past-tense verbs are not capitalised inside a sentence.
fn classify(toks: &[Tok], i: usize) -> Option<Cue> {
    let t = toks.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let w = lower(t.text);
    // "She'll", "We'll": the contraction is a verb whatever the case of the pronoun.
    if w.ends_with("'ll") {
        return Some(Cue::Tense(Tense::Future));
    }
    if !t.text.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    if STOP_WORDS.contains(&w.as_str()) {
        return Some(Cue::Stop);
    }
    if FUTURE_WORDS.contains(&w.as_str()) {
        return Some(Cue::Tense(Tense::Future));
    }
    let past = PAST_WORDS.contains(&w.as_str()) || looks_past_ed(&w);
    if !past {
        return None;
    }
    // The auxiliaries before a participle decide its time: "will be held" is future, "are
    // held" present (no cue), "were held" and plain "held" past.
    let mut j = i;
    let mut present = false;
    while j > 0 {
        j -= 1;
        let Some(prev) = toks.get(j).filter(|t| t.kind == Kind::Word) else {
            break;
        };
        let p = lower(prev.text);
        if p == "will" || p == "shall" || p.ends_with("'ll") || p == "to" {
            return Some(Cue::Tense(Tense::Future));
        }
        if !AUX.contains(&p.as_str()) {
            break;
        }
        present |= matches!(p.as_str(), "is" | "are" | "am");
    }
    if present {
        None
    } else {
        Some(Cue::Tense(Tense::Past))
    }
}

fn looks_past_ed(w: &str) -> bool {
    w.len() >= 5
        && w.ends_with("ed")
        && !w.contains('-')
        && !ED_NOT_PAST.contains(&w)
        && (!w.ends_with("eed") || matches!(w, "agreed" | "freed" | "guaranteed"))
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

fn lower(s: &str) -> String {
    s.to_lowercase().replace('’', "'")
}

/// Collapses runs of whitespace so that messages and keyword matches see "January 10".
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strip_on(s: &str) -> &str {
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

fn count(s: &str) -> Option<i64> {
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

fn month_from(s: &str) -> Option<i8> {
    let key: String = s.chars().take(3).collect::<String>().to_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months.iter().position(|m| *m == key).map(|i| i as i8 + 1)
}

fn month_name(m: i8) -> &'static str {
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

fn weekday_from(s: &str) -> Option<Weekday> {
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

fn add_days(d: Date, n: i64) -> Result<Date, jiff::Error> {
    d.checked_add(jiff::Span::new().try_days(n)?)
}

fn days_between(a: Date, b: Date) -> i64 {
    a.duration_until(b).as_hours() / 24
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().expect("test date")
    }

    fn ctx(published: &str) -> DateContext {
        DateContext {
            published: Some(d(published)),
            numeric_order: None,
        }
    }

    /// Resolves the first occurrence of `needle` in `sentence`, as the engine does after the
    /// rule's `{date}` matched it, and returns the canonical value or the error message.
    fn res_in(sentence: &str, needle: &str, c: &DateContext) -> String {
        let start = sentence.find(needle).expect("needle in sentence");
        match resolve(sentence, start..start + needle.len(), c) {
            Ok(v) => v.canonical(),
            Err(e) => format!("error: {e}"),
        }
    }

    fn res(sentence: &str, needle: &str, published: &str) -> String {
        res_in(sentence, needle, &ctx(published))
    }

    /// The canonical value of the date expression written alone.
    fn alone(text: &str, published: &str) -> String {
        res(text, text, published)
    }

    fn found(sentence: &str, c: &DateContext) -> Vec<(String, String)> {
        find_dates(sentence, c)
            .into_iter()
            .map(|(r, v)| {
                let v = match v {
                    Ok(v) => v.canonical(),
                    Err(e) => format!("error: {e}"),
                };
                (sentence[r].to_string(), v)
            })
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    // --- explicit forms -----------------------------------------------------------------------

    #[test]
    fn explicit_forms_newsrooms_write() {
        let p = "2022-01-03";
        for form in [
            "January 10",
            "10 January",
            "Jan. 10",
            "Jan 10th",
            "10 Jan 2022",
            "January 10, 2022",
            "January 10 2022",
            "10 January, 2022",
            "the 10th of January",
            "2022-01-10",
            "on January 10",
            "JANUARY 10",
        ] {
            assert_eq!(alone(form, p), "2022-01-10", "{form}");
        }
        assert_eq!(alone("Sept. 5", "2022-08-20"), "2022-09-05");
        assert_eq!(alone("Dec 31st", "2022-01-03"), "2021-12-31");
    }

    #[test]
    fn numeric_dates_need_the_rules_order() {
        let mut c = ctx("2022-01-03");
        assert_eq!(
            res_in("10/01/2022", "10/01/2022", &c),
            "error: 10/01/2022 is ambiguous: set numeric_order = \"day-month\" or \"month-day\" in the rule"
        );
        c.numeric_order = Some(NumericOrder::DayMonth);
        assert_eq!(res_in("10/01/2022", "10/01/2022", &c), "2022-01-10");
        assert_eq!(res_in("10.01.2022", "10.01.2022", &c), "2022-01-10");
        c.numeric_order = Some(NumericOrder::MonthDay);
        assert_eq!(res_in("10/01/2022", "10/01/2022", &c), "2022-10-01");
        assert_eq!(
            res_in("25/01/2022", "25/01/2022", &c),
            "error: 25/01/2022 is not a date (there is no month 25)"
        );
        // Only one reading is a date, or both readings are the same day: no rule needed.
        let c = ctx("2022-01-03");
        assert_eq!(res_in("25/01/2022", "25/01/2022", &c), "2022-01-25");
        assert_eq!(res_in("01/25/2022", "01/25/2022", &c), "2022-01-25");
        assert_eq!(res_in("05/05/2022", "05/05/2022", &c), "2022-05-05");
        assert_eq!(
            "day-month".parse::<NumericOrder>(),
            Ok(NumericOrder::DayMonth)
        );
        assert_eq!(
            " Month-Day ".parse::<NumericOrder>(),
            Ok(NumericOrder::MonthDay)
        );
        assert_eq!(
            "dd-mm".parse::<NumericOrder>().map_err(|e| e.to_string()),
            Err(
                "numeric_order \"dd-mm\" is not understood: write \"day-month\" or \"month-day\""
                    .to_string()
            )
        );
    }

    #[test]
    fn month_and_year_is_a_month() {
        assert_eq!(alone("January 2022", "2022-03-01"), "2022-01");
        assert_eq!(alone("Sept. 2021", "2022-03-01"), "2021-09");
    }

    // --- gold rows from the corpus --------------------------------------------------------------

    #[test]
    fn corpus_weekdays_resolve_as_the_gold_says() {
        let s = "The Russian paratroopers, who were on the ground just hours after Kazakh President \
                 Kassym-Jomart Tokayev requested them Wednesday, helped retake key strategic points.";
        assert_eq!(res(s, "Wednesday", "2022-01-08"), "2022-01-05");
        let s = "Russian troops invaded Kazakhstan Thursday after Kazakh President Kassym-Jomart \
                 Tokayev enlisted the help of a Russia-led military alliance.";
        assert_eq!(res(s, "Thursday", "2022-01-08"), "2022-01-06");
        let s = "As a result, Washington and Moscow exchanged new barbs on the eve of a week’s \
                 meeting on Ukraine, which begins Monday with talks between senior US and Russian \
                 officials in Geneva.";
        assert_eq!(res(s, "Monday", "2022-01-08"), "2022-01-10");
        let s = "“For 30 years we’ve been retreating,” Deputy Foreign Minister Sergei Ryabkov, who \
                 will lead the talks with the U.S. in Geneva Monday, said in an interview this week.";
        assert_eq!(res(s, "Monday", "2022-01-08"), "2022-01-10");
        let s = "If any more muscle-flexing were required before Monday's meeting between Russian \
                 and US officials in Geneva and Russia-Nato talks on Wednesday, then Putin took the \
                 opportunity when Kazakhstan asked a Moscow-led security alliance to help.";
        assert_eq!(res(s, "Monday's", "2022-01-10"), "2022-01-10");
        assert_eq!(res(s, "on Wednesday", "2022-01-10"), "2022-01-12");
        let s = " By Friday, Tokayev said he wouldn’t negotiate and ordered his security forces to shoot.";
        assert_eq!(res(s, "Friday", "2022-01-08"), "2022-01-07");
    }

    #[test]
    fn corpus_calendar_dates_resolve_as_the_gold_says() {
        let s = "Russian and American officials are due to meet in Geneva, Switzerland, on January \
                 10, followed by talks between Russia and the North Atlantic Treaty Organization \
                 (NATO) on January 12 and a meeting on January 13 with Russia.";
        let got: Vec<(String, String)> = found(s, &ctx("2022-01-03"))
            .into_iter()
            .map(|(t, v)| (squash(&t), v))
            .collect();
        assert_eq!(
            got,
            vec![
                pair("on January 10", "2022-01-10"),
                pair("on January 12", "2022-01-12"),
                pair("on January 13", "2022-01-13"),
            ]
        );
        // A caption: the engine may pass a wider range; the date in it is read.
        assert_eq!(
            alone(
                "NATO-Russia Council meeting, January 12, 2022",
                "2022-01-17"
            ),
            "2022-01-12"
        );
        let s = " In fact, many points of Russia’s “ultimatum” to the United States on December 17 \
                 are just a list of concessions Moscow is prepared to make.";
        assert_eq!(res(s, "on December 17", "2022-01-03"), "2021-12-17");
        let s = "US President Joe Biden and Russian President Vladimir Putin discussed Ukraine on \
                 December 7, when they agreed to continue their dialogue.";
        assert_eq!(res(s, "December 7", "2022-01-03"), "2021-12-07");
        let s = "Kyiv demonstrates remarkable resolve in rejecting these provocations, even of such \
                 scale as the cyberattack last Friday, January 14 (TASS, January 14, 2022).";
        assert_eq!(
            found(s, &ctx("2022-01-17")),
            vec![
                pair("last Friday, January 14", "2022-01-14"),
                pair("January 14, 2022", "2022-01-14"),
            ]
        );
    }

    #[test]
    fn offset_from_a_date_the_sentence_names() {
        let s = " The question about what to expect in such a situation looms large, and the \
                 answers depend upon the interpretation of what Putin’s intentions behind the \
                 “ultimatum,” delivered ten days after his video-conference with US President \
                 Joseph Biden on December 7, really were.";
        let p = "2022-01-17";
        // resolve() reads the whole sentence: the offset applies.
        assert_eq!(res(s, "on December 7", p), "2021-12-17");
        // A rule whose match starts at "video-conference" wants the call itself.
        let at = s.find("on December 7").expect("date");
        let scope = s.find("his video-conference").expect("scope")..at + "on December 7".len();
        assert_eq!(
            resolve_scoped(s, at..at + "on December 7".len(), scope, &ctx(p))
                .map(|v| v.canonical()),
            Ok("2021-12-07".to_string())
        );
        // The range may also cover the offset phrase itself.
        let from = s.find("ten days").expect("offset");
        assert_eq!(
            resolve(s, from..at + "on December 7".len(), &ctx(p)).map(|v| v.canonical()),
            Ok("2021-12-17".to_string())
        );
        // find_dates gives both readings.
        let got: Vec<(String, String)> = found(s, &ctx(p))
            .into_iter()
            .map(|(t, v)| (squash(&t), v))
            .collect();
        assert_eq!(
            got,
            vec![
                pair(
                    "ten days after his video-conference with US President Joseph Biden on December 7",
                    "2021-12-17"
                ),
                pair("on December 7", "2021-12-07"),
            ]
        );
    }

    #[test]
    fn offsets_made_up() {
        let p = "2022-03-01";
        assert_eq!(
            res(
                "Campaigning closed two weeks before the vote on March 20, 2022.",
                "March 20, 2022",
                p
            ),
            "2022-03-06"
        );
        assert_eq!(
            res("Talks resumed the day after January 10.", "January 10", p),
            "2022-01-11"
        );
        assert_eq!(
            res(
                "The law takes effect a month after the signing on January 31.",
                "January 31",
                p
            ),
            "2022-02-28"
        );
        // A comma ends the offset's reach: March 3 is the day of the speech.
        assert_eq!(
            res(
                "Ten days after the invasion, on March 3, Biden spoke.",
                "March 3",
                p
            ),
            "2022-03-03"
        );
        // A verb in between: the offset belongs to another event.
        assert_eq!(
            res(
                "He arrived two days after the summit and left on March 3.",
                "March 3",
                p
            ),
            "2022-03-03"
        );
        // Hours do not move the day.
        assert_eq!(
            res(
                "Troops landed hours after the request on January 5.",
                "January 5",
                p
            ),
            "2022-01-05"
        );
        // Without a publication date, an offset on a year-less date stays unresolved.
        assert_eq!(
            res_in(
                "It came ten days after the call on December 7.",
                "December 7",
                &DateContext::default()
            ),
            "ten days after the call on December 7 (unresolved: no publication date)"
        );
        // An explicit date needs no publication date.
        assert_eq!(
            res_in(
                "It came ten days after the call on December 7, 2021.",
                "December 7, 2021",
                &DateContext::default()
            ),
            "2021-12-17"
        );
    }

    // --- weekday rule --------------------------------------------------------------------------

    #[test]
    fn future_cues_pick_the_coming_day() {
        // Published Saturday 2022-01-08: the nearest Wednesday is 2022-01-05 (3 days back).
        let p = "2022-01-08";
        assert_eq!(
            res("The minister will visit Kyiv on Wednesday.", "Wednesday", p),
            "2022-01-12"
        );
        assert_eq!(
            res(
                "The summit will be held Wednesday in Vienna.",
                "Wednesday",
                p
            ),
            "2022-01-12"
        );
        assert_eq!(
            res("Parliament is due to vote Wednesday.", "Wednesday", p),
            "2022-01-12"
        );
        assert_eq!(
            res("The upcoming talks on Wednesday matter.", "Wednesday", p),
            "2022-01-12"
        );
        assert_eq!(
            res("The trial is scheduled to start Wednesday.", "Wednesday", p),
            "2022-01-12"
        );
        assert_eq!(
            res("She’ll fly to Paris Wednesday.", "Wednesday", p),
            "2022-01-12"
        );
        assert_eq!(
            res("The conference opens Wednesday in Davos.", "Wednesday", p),
            "2022-01-12"
        );
    }

    #[test]
    fn past_cues_pick_the_day_gone() {
        // Published Saturday 2022-01-08: the nearest Tuesday is 2022-01-11 (3 days ahead).
        let p = "2022-01-08";
        assert_eq!(
            res("The minister visited Kyiv on Tuesday.", "Tuesday", p),
            "2022-01-04"
        );
        assert_eq!(
            res("Police said Tuesday that 12 people died.", "Tuesday", p),
            "2022-01-04"
        );
        assert_eq!(
            res("The vote was held Tuesday.", "Tuesday", p),
            "2022-01-04"
        );
        assert_eq!(
            res(
                "On Tuesday, the ministers met in Brussels.",
                "On Tuesday",
                p
            ),
            "2022-01-04"
        );
        assert_eq!(
            res(
                "Clashes broke out Tuesday night in Almaty.",
                "Tuesday night",
                p
            ),
            "2022-01-04"
        );
        assert_eq!(
            res("Tuesday's talks were postponed.", "Tuesday's", p),
            "2022-01-04"
        );
        assert_eq!(
            res("He wrote in an article published Tuesday.", "Tuesday", p),
            "2022-01-04"
        );
    }

    #[test]
    fn no_cue_takes_the_nearest_day() {
        let p = "2022-01-08"; // Saturday
        assert_eq!(
            res("Talks in Vienna on Tuesday.", "Tuesday", p),
            "2022-01-11"
        );
        assert_eq!(
            res("Protests on Wednesday in Almaty.", "Wednesday", p),
            "2022-01-05"
        );
        assert_eq!(res("Friday", "Friday", p), "2022-01-07");
        assert_eq!(res("Sunday", "Sunday", p), "2022-01-09");
        // Modals and conditionals are not calendar tense: the nearest day stands.
        assert_eq!(
            res("He said he would travel on Tuesday.", "Tuesday", p),
            "2022-01-11"
        );
        assert_eq!(
            res(
                "If the talks fail on Wednesday, sanctions follow.",
                "Wednesday",
                p
            ),
            "2022-01-05"
        );
        // "are held" is present: no cue.
        assert_eq!(
            res("Elections are held Tuesday.", "Tuesday", p),
            "2022-01-11"
        );
        // A clause after ", then" belongs to another event.
        assert_eq!(
            res("Talks on Tuesday, then the ministers left.", "Tuesday", p),
            "2022-01-11"
        );
    }

    #[test]
    fn same_weekday_is_the_publication_day() {
        let p = "2022-01-10"; // Monday
        assert_eq!(
            res("Monday's meeting in Geneva", "Monday's", p),
            "2022-01-10"
        );
        assert_eq!(res("The talks began Monday.", "Monday", p), "2022-01-10");
        assert_eq!(
            res("The talks will begin Monday.", "Monday", p),
            "2022-01-10"
        );
        assert_eq!(
            res("He resigned last Monday.", "last Monday", p),
            "2022-01-03"
        );
        assert_eq!(
            res("They meet next Monday.", "next Monday", p),
            "2022-01-17"
        );
    }

    #[test]
    fn last_next_this_modifiers() {
        let p = "2022-01-08"; // Saturday
        assert_eq!(alone("last Friday", p), "2022-01-07");
        assert_eq!(alone("last Sunday", p), "2022-01-02");
        assert_eq!(alone("this past Sunday", p), "2022-01-02");
        assert_eq!(alone("next Friday", p), "2022-01-14");
        assert_eq!(alone("this coming Monday", p), "2022-01-10");
        assert_eq!(alone("next Saturday", p), "2022-01-15");
        assert_eq!(
            res("They talked this Thursday.", "this Thursday", p),
            "2022-01-06"
        );
        assert_eq!(
            res("They will talk this Thursday.", "this Thursday", p),
            "2022-01-13"
        );
        // "last" wins over a future verb next to it.
        assert_eq!(
            res(
                "He will explain what happened last Friday.",
                "last Friday",
                p
            ),
            "2022-01-07"
        );
    }

    #[test]
    fn weekday_beside_a_date_is_checked() {
        assert_eq!(
            alone("Monday, January 10, 2022", "2022-01-03"),
            "2022-01-10"
        );
        assert_eq!(alone("Monday, 10 January", "2022-01-03"), "2022-01-10");
        assert_eq!(
            alone("Tuesday, January 10, 2022", "2022-01-03"),
            "error: \"Tuesday, January 10, 2022\" does not add up: 2022-01-10 is a Monday, not a Tuesday"
        );
    }

    #[test]
    fn weekday_with_a_year_is_noise_not_a_crash() {
        let s = "This handout picture taken and released by the Russian Defence Ministry on Sunday \
                 2021 shows a Russian combat vehicle driver.";
        let got = found(s, &ctx("2022-01-10"));
        assert_eq!(got.len(), 1);
        assert!(got[0].0.starts_with("on Sunday"));
        assert_eq!(
            got[0].1,
            "error: \"on Sunday 2021\" names no single date: a weekday with a year but no month and day"
        );
    }

    // --- relative words ------------------------------------------------------------------------

    #[test]
    fn relative_words() {
        let p = "2022-01-08"; // Saturday, ISO week 2022-W01 (Jan 3-9)
        assert_eq!(alone("today", p), "2022-01-08");
        assert_eq!(alone("tonight", p), "2022-01-08");
        assert_eq!(alone("this morning", p), "2022-01-08");
        assert_eq!(alone("yesterday", p), "2022-01-07");
        assert_eq!(alone("tomorrow", p), "2022-01-09");
        assert_eq!(alone("the day before yesterday", p), "2022-01-06");
        assert_eq!(alone("the day after tomorrow", p), "2022-01-10");
        assert_eq!(alone("three days ago", p), "2022-01-05");
        assert_eq!(alone("10 days ago", p), "2021-12-29");
        assert_eq!(alone("earlier this week", p), "2022-W01");
        assert_eq!(alone("this week", p), "2022-W01");
        assert_eq!(alone("next week", p), "2022-W02");
        assert_eq!(alone("last month", p), "2021-12");
        assert_eq!(alone("earlier this month", p), "2022-01");
        assert_eq!(alone("next month", p), "2022-02");
        assert_eq!(alone("last year", p), "2021");
        assert_eq!(
            res(
                "Kazakhstan hasn’t been seen since the protests this week.",
                "this week",
                p
            ),
            "2022-W01"
        );
        let week = resolve("earlier this week", 0..17, &ctx(p)).expect("week");
        assert_eq!(week.span(), Some((d("2022-01-03"), d("2022-01-09"))));
        assert_eq!(week.describe(), "2022-W01 (2022-01-03 to 2022-01-09)");
    }

    #[test]
    fn new_year_boundary() {
        // Year-less dates take the nearest year, across the new year both ways.
        assert_eq!(
            res("on December 7", "December 7", "2022-01-17"),
            "2021-12-07"
        );
        assert_eq!(alone("January 3", "2021-12-28"), "2022-01-03");
        assert_eq!(alone("December 31", "2022-01-01"), "2021-12-31");
        // Relative words cross it too.
        assert_eq!(alone("yesterday", "2022-01-01"), "2021-12-31");
        assert_eq!(alone("last month", "2022-01-17"), "2021-12");
        assert_eq!(alone("next month", "2021-12-17"), "2022-01");
        assert_eq!(alone("last week", "2022-01-03"), "2021-W52");
        assert_eq!(alone("Friday", "2022-01-01"), "2021-12-31");
        assert_eq!(alone("next Monday", "2021-12-30"), "2022-01-03");
        // A leap day takes the nearest leap year.
        assert_eq!(alone("February 29", "2023-01-10"), "2024-02-29");
    }

    #[test]
    fn year_less_far_dates_follow_a_clear_cue() {
        // Nearest would be 2021-12-07 (41 days back); the verb says the coming December.
        assert_eq!(
            res(
                "Talks will resume on December 7.",
                "December 7",
                "2022-01-17"
            ),
            "2022-12-07"
        );
        // Within a month of publication the nearest year stands whatever the verb.
        assert_eq!(
            res(
                "The ministers will meet on December 30.",
                "December 30",
                "2022-01-17"
            ),
            "2021-12-30"
        );
        assert_eq!(
            res(
                "Parliament was dissolved on October 10.",
                "October 10",
                "2022-05-01"
            ),
            "2021-10-10"
        );
        assert_eq!(
            res(
                "Parliament will be dissolved on October 10.",
                "October 10",
                "2022-02-01"
            ),
            "2022-10-10"
        );
    }

    // --- no publication date -------------------------------------------------------------------

    #[test]
    fn without_a_publication_date_nothing_is_guessed() {
        let c = DateContext::default();
        assert_eq!(
            res_in(
                "Russian troops invaded Kazakhstan Thursday.",
                "Thursday",
                &c
            ),
            "Thursday (unresolved: no publication date)"
        );
        let s = "Russian troops invaded Kazakhstan Thursday.";
        assert_eq!(
            resolve(s, 34..42, &c),
            Ok(DateValue::UnresolvedWeekday(Weekday::Thursday))
        );
        assert_eq!(
            res_in("on December 7", "December 7", &c),
            "December 7 (unresolved: no publication date)"
        );
        assert_eq!(
            res_in("yesterday", "yesterday", &c),
            "yesterday (unresolved: no publication date)"
        );
        assert_eq!(
            res_in("last month", "last month", &c),
            "last month (unresolved: no publication date)"
        );
        assert_eq!(
            res_in("January 12, 2022", "January 12, 2022", &c),
            "2022-01-12"
        );
        assert_eq!(res_in("January 2022", "January 2022", &c), "2022-01");
        assert_eq!(
            res_in("February 30", "February 30", &c),
            "error: February 30 is not a date (February has at most 29 days)"
        );
    }

    // --- errors --------------------------------------------------------------------------------

    #[test]
    fn impossible_dates_are_clear_errors() {
        let p = "2022-01-08";
        assert_eq!(
            alone("February 30", p),
            "error: February 30 is not a date (February has at most 29 days)"
        );
        assert_eq!(
            alone("30 February 2022", p),
            "error: February 30, 2022 is not a date (February has 28 days)"
        );
        assert_eq!(
            alone("February 29, 2021", p),
            "error: February 29, 2021 is not a date (2021 is not a leap year)"
        );
        assert_eq!(
            alone("April 31, 2022", p),
            "error: April 31, 2022 is not a date (April has 30 days)"
        );
        assert_eq!(
            alone("April 31", p),
            "error: April 31 is not a date (April has 30 days)"
        );
        assert_eq!(
            alone("2022-13-01", p),
            "error: month 13 is not a date (there are 12 months)"
        );
        assert_eq!(alone("February 29, 2024", p), "2024-02-29");
        // A date the fragment does not match but a caller passed anyway.
        assert_eq!(
            alone("January 32", p),
            "error: \"January 32\" is not a date the date reader knows (docs/dates.md lists the forms)"
        );
        assert_eq!(
            alone("the talks", p),
            "error: \"the talks\" is not a date the date reader knows (docs/dates.md lists the forms)"
        );
    }

    #[test]
    fn published_dates_parse_or_say_why() {
        assert_eq!(parse_published("2022-01-08"), Ok(d("2022-01-08")));
        assert_eq!(parse_published(" \"2022-01-08\" "), Ok(d("2022-01-08")));
        assert_eq!(parse_published("2022-01-08T10:00:00Z"), Ok(d("2022-01-08")));
        assert_eq!(
            parse_published("2022-01-08T23:30:00-05:00"),
            Ok(d("2022-01-08"))
        );
        assert_eq!(parse_published("2022-01-08 10:00"), Ok(d("2022-01-08")));
        assert_eq!(
            parse_published("January 8, 2022").map_err(|e| e.to_string()),
            Err("published date \"January 8, 2022\" does not parse (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ): write it as YYYY-MM-DD, e.g. published: 2022-01-08".to_string())
        );
        assert_eq!(
            parse_published("2022-02-30").map_err(|e| e.to_string()),
            Err("published date \"2022-02-30\" does not parse (February 30, 2022 is not a date (February has 28 days)): write it as YYYY-MM-DD, e.g. published: 2022-01-08".to_string())
        );
        assert!(parse_published("").is_err());
        assert!(parse_published("2022-01-08Tnonsense").is_err());
        assert!(parse_published("2022-01-08x").is_err());
    }

    #[test]
    fn bad_ranges_are_errors_not_panics() {
        let s = "Putin’s troops left Thursday.";
        let c = ctx("2022-01-08");
        assert!(matches!(
            resolve(s, 5..6, &c),
            Err(DateError::BadSpan { .. })
        )); // inside ’
        assert!(matches!(
            resolve(s, 3..300, &c),
            Err(DateError::BadSpan { .. })
        ));
        #[allow(clippy::reversed_empty_ranges)]
        let backwards = 9..3;
        assert!(resolve(s, backwards, &c).is_err());
        assert!(matches!(
            resolve(s, 0..0, &c),
            Err(DateError::NotADate { .. })
        ));
    }

    #[test]
    fn no_panic_on_any_char_range() {
        let s = "Ten days after the call “on Dec. 7”, Putin’s — envoy met Monday’s 10/01/2022 délégation \
                 the 31st of February 2021; yesterday 2022-02-30 Sunday 2021 last week 九 May 5.";
        let c = ctx("2022-01-08");
        let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
        for &a in &bounds {
            for &b in &bounds {
                if a <= b {
                    let _ = resolve(s, a..b, &c);
                    let _ = resolve(s, a..b, &DateContext::default());
                }
            }
        }
        for &a in &bounds {
            let _ = find_dates(&s[a..], &c);
            let _ = tense_cue(s, a..s.len());
        }
        assert_eq!(alone("1 January 9999", "9999-12-31"), "9999-01-01");
        assert_eq!(alone("next year", "9999-12-31"), "10000");
        assert!(alone("tomorrow", "9999-12-31").starts_with("error: \"tomorrow\" falls outside"));
    }

    // --- the pattern ---------------------------------------------------------------------------

    fn pattern_matches(text: &str) -> Vec<String> {
        DATE_RE
            .find_iter(text)
            .map(|m| m.as_str().to_string())
            .collect()
    }

    /// What [`tokens`] reads by hand, as the regex it replaced.
    fn regex_tokens(s: &str) -> Vec<(usize, usize, Kind)> {
        static RE_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
            compile(
                r#"(?P<w>[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*)|(?P<c>,)|(?P<h>[;:()\[\]—–"“”]|\s--?\s)"#,
            )
        });
        RE_TOKEN
            .captures_iter(s)
            .filter_map(|c| {
                let (m, kind) = if let Some(m) = c.name("w") {
                    (m, Kind::Word)
                } else if let Some(m) = c.name("c") {
                    (m, Kind::Comma)
                } else {
                    (c.name("h")?, Kind::Hard)
                };
                Some((m.start(), m.end(), kind))
            })
            .collect()
    }

    fn hand_tokens(s: &str) -> Vec<(usize, usize, Kind)> {
        tokens(s).iter().map(|t| (t.start, t.end, t.kind)).collect()
    }

    #[test]
    fn tokens_are_words_commas_and_hard_breaks() {
        let s = "U.S. officials didn’t say, at 5.30 -- or 6 - when (talks) end—x – y";
        let texts: Vec<(&str, Kind)> = tokens(s).iter().map(|t| (t.text, t.kind)).collect();
        use Kind::{Comma as C, Hard as H, Word as W};
        assert_eq!(
            texts,
            [
                ("U.S", W),
                ("officials", W),
                ("didn’t", W),
                ("say", W),
                (",", C),
                ("at", W),
                ("5.30", W),
                (" -- ", H),
                ("or", W),
                ("6", W),
                (" - ", H),
                ("when", W),
                ("(", H),
                ("talks", W),
                (")", H),
                ("end", W),
                ("—", H),
                ("x", W),
                ("–", H),
                ("y", W),
            ]
        );
    }

    #[test]
    fn hand_tokens_equal_the_regex_tokens() {
        for s in [
            "",
            "“On Monday,” Kassym-Jomart Tokayev said; troops—2,000 of them—arrived [sic].",
            "a --b a-- b a -- b a\u{a0}-\u{2009}b a\n--\nb a - - b x--y 'quoted' ’tis o’clock",
            "Київ, 3 січня: café e\u{301}te ٣٤ x\u{301}y Ⅻ² ½ 你好。",
            "...,,;;  --  -- -",
        ] {
            assert_eq!(hand_tokens(s), regex_tokens(s), "{s:?}");
        }
        let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config {
            cases: 2000,
            failure_persistence: None,
            ..Default::default()
        });
        let alphabet = proptest::collection::vec(
            proptest::sample::select(vec![
                'a', 'Z', '7', ' ', '\n', '\u{a0}', '-', '.', '\'', '’', ',', ';', '(', ']', '—',
                '–', '"', '“', '”', 'é', 'Ж', '\u{301}', '٣', 'Ⅻ', '²', '…', '_', '\u{2009}',
            ]),
            0..24,
        );
        runner
            .run(&alphabet, |chars| {
                let s: String = chars.into_iter().collect();
                proptest::prop_assert_eq!(hand_tokens(&s), regex_tokens(&s), "{:?}", s);
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn ascii_twins_have_only_ascii_boundaries_and_find_the_same_dates() {
        for twin in [
            date_pattern_ascii(),
            ascii_boundaries(&RE_OFFSET_SRC).as_str(),
        ] {
            assert!(!twin.replace(r"(?-u:\b)", "").contains(r"\b"), "{twin}");
        }
        // News text: curly quotes, dashes, a no-break space; no non-ASCII letter.
        let text = "“On Monday,” he said — Jan. 10 – talks began on 10\u{a0}January 2022, \
                    ten days after December 31st; ‘tomorrow’ or the day after tomorrow.";
        assert!(!super::super::has_non_ascii_word(text));
        let all = |re: &Regex| -> Vec<&str> { re.find_iter(text).map(|m| m.as_str()).collect() };
        assert_eq!(
            all(&DATE_RE_ASCII),
            [
                "On Monday",
                "Jan. 10",
                "on 10\u{a0}January 2022",
                "December 31st",
                "tomorrow",
                "the day after tomorrow"
            ]
        );
        assert_eq!(all(&DATE_RE), all(&DATE_RE_ASCII));
        assert_eq!(all(&RE_OFFSET), ["ten days after", "the day after"]);
        assert_eq!(all(&RE_OFFSET_ASCII), all(&RE_OFFSET));
        // Next to a non-ASCII letter the two differ, which is why `date_re` looks first.
        let glued = "caféMonday";
        assert!(DATE_RE.find(glued).is_none());
        assert!(DATE_RE_ASCII.find(glued).is_some());
        assert!(date_re(glued).find(glued).is_none());
    }

    #[test]
    fn pattern_matches_every_form_whole() {
        for form in [
            "January 10",
            "10 January",
            "Jan. 10",
            "Jan 10th",
            "10 Jan 2022",
            "January 10, 2022",
            "2022-01-10",
            "10/01/2022",
            "Monday",
            "on Wednesday",
            "Thursday's",
            "Thursday’s",
            "Monday night",
            "last Friday",
            "next Friday",
            "this Friday",
            "this past Sunday",
            "Monday, January 10, 2022",
            "today",
            "yesterday",
            "tomorrow",
            "earlier this week",
            "last month",
            "three days ago",
            "January 2022",
            "the 10th of January",
            "Sunday 2021",
        ] {
            assert_eq!(pattern_matches(form), vec![form.to_string()], "{form}");
        }
    }

    #[test]
    fn pattern_near_misses() {
        for text in [
            "Putin may not want to participate",
            "about 2,000 soldiers",
            "the Mayor of Almaty",
            "a year ago",
            "in 2019",
            "Sundays are quiet",
            "10 days of talks",
            "a march on Washington",
            "Jane 10",
            "100/01/2022",
            "1/2 of the troops",
            "decades",
            "the weekend",
        ] {
            assert_eq!(pattern_matches(text), Vec::<String>::new(), "{text}");
        }
        // Lowercase "may"/"march" are words: find_dates skips them.
        let c = ctx("2022-01-08");
        assert!(found("Officials said 10 may still be missing.", &c).is_empty());
        assert_eq!(
            found("The vote is set for May 10.", &c),
            vec![pair("May 10", "2022-05-10")]
        );
    }

    #[test]
    fn pattern_drops_into_a_user_regex() {
        let user = format!(r"(?i)(talks)\s+(?:\w+\s+){{0,3}}{}", date_pattern());
        let re = Regex::new(&user).expect("user regex");
        // The fragment adds no capturing group of its own.
        assert_eq!(re.captures_len(), 2);
        let caps = re
            .captures("NATO talks with Russia on January 12")
            .expect("match");
        assert_eq!(&caps[0], "talks with Russia on January 12");
        // It is case-insensitive even inside a case-sensitive regex.
        let re = Regex::new(&format!("began {}", date_pattern())).expect("regex");
        assert!(re.is_match("began MONDAY"));
    }

    #[test]
    fn values_serialize_and_describe() {
        let v = DateValue::Day(d("2022-01-06"));
        assert_eq!(v.canonical(), "2022-01-06");
        assert_eq!(v.describe(), "2022-01-06 (Thursday)");
        assert_eq!(v.day(), Some(d("2022-01-06")));
        assert_eq!(
            DateValue::Month {
                year: 2021,
                month: 12
            }
            .span(),
            Some((d("2021-12-01"), d("2021-12-31")))
        );
        assert_eq!(
            DateValue::Month {
                year: 2021,
                month: 12
            }
            .day(),
            None
        );
        assert_eq!(
            DateValue::UnresolvedDate { month: 12, day: 7 }.to_string(),
            "December 7 (unresolved: no publication date)"
        );
    }

    #[test]
    fn tense_cue_reads_the_nearest_cue() {
        let s = "Tokayev, who requested troops Wednesday, will meet Putin Friday.";
        let w = s.find("Wednesday").expect("w");
        let f = s.find("Friday").expect("f");
        assert_eq!(tense_cue(s, w..w + 9), Some(Tense::Past));
        assert_eq!(tense_cue(s, f..f + 6), Some(Tense::Future));
        // Names are not verbs.
        let s = "Will Smith and United fans on Friday";
        let f = s.find("Friday").expect("f");
        assert_eq!(tense_cue(s, f..f + 6), None);
    }
}
