//! The date patterns. The public fragment ([`date_pattern`]) and the anchored parsers are
//! built from the same pieces so that whatever the fragment matches, the parser can read.

use std::sync::LazyLock;

use regex::Regex;

const MONTH_FULL: &str =
    "january|february|march|april|may|june|july|august|september|october|november|december";
const MONTH_ABBR: &str = r"(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?";
const WEEKDAY: &str = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const WD_MOD: &str = r"this\s+past|this\s+coming|last|next|this|coming|past";
const DAY_PART: &str = r"['’]s\b|\s+(?:morning|afternoon|evening|night)\b";
const ORD: &str = r"(?:st|nd|rd|th)?\b";
pub(super) const NUM_WORDS: &str = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\
                         thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty";

/// Words before a month that make it a month ("in March", "a September deadline").
pub(super) const MONTH_PREP: &str = r"in|since|by|until|till|during|through|an?";
/// A month name with its capital, as news writes it: a month without a day is read only so
/// ("a march on the capital", "in may" are words).
const MONTH_CAP: &str = r"(?-i:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)";
/// How "ago" may be bounded: "more than a year ago" is on or before that day.
const AGO_QUAL: &str = r"more\s+than|over|less\s+than|under|about|almost|nearly|some|roughly";
/// What joins the two ends of a span of days ("4-5 February", "March 3 through 10"); "and"
/// only after "between", which the patterns spell out. A dash only unspaced: a spaced dash
/// opens an aside ("on March 3 – 10 days after the vote").
const SPAN_SEP: &str = r"[-–]|\s+(?:to|until|till|through|thru)\s+";
/// Seasons; "fall" is also a verb and a noun ("prices fall 2000 points", "the fall of the
/// city"), so it is a season only after a modifier or "in"/"by"/... (see the patterns).
const SEASON: &str = r"spring|summer|autumn|winter";
/// What a season may be placed by: "this summer", "last winter", "this coming spring".
const SEASON_MOD: &str = r"this\s+past|this\s+coming|this|last|next|past|coming";

fn month_re() -> String {
    format!(r"(?:(?:{MONTH_FULL})\b|{MONTH_ABBR})")
}

/// Spans of days: "February 4-5", "March 3 through 10", "March 30 to April 2, 2022",
/// "4–5 February", "3 March to 10 March", "between 4 and 5 February", "Monday to Wednesday",
/// "between Monday and Wednesday". No capturing groups; each span form is tried before the
/// single dates, so that "February 4-5" is not read as February 4.
fn span_re() -> String {
    let m = month_re();
    let day = format!(r"(?:3[01]|[12][0-9]|0?[1-9]){ORD}");
    let year = r"[12][0-9]{3}\b";
    let ends = |sep: &str| {
        format!(
            r"{m}\s+{day}(?:,?\s+{year})?(?:{sep})(?:{m}\s+)?{day}(?:,?\s+{year})?|(?:the\s+)?{day}(?:\s+(?:of\s+)?{m}(?:,?\s+{year})?)?(?:{sep})(?:the\s+)?{day}\s+(?:of\s+)?{m}(?:,?\s+{year})?|(?:{WEEKDAY})\b(?:{sep})(?:{WEEKDAY})\b"
        )
    };
    format!(
        r"(?:between\s+(?:{})|{})",
        ends(r"\s+and\s+"),
        ends(SPAN_SEP)
    )
}

/// Month-day and day-month with an optional year, without capturing groups.
fn md_dm_re() -> String {
    let m = month_re();
    let day = format!(r"(?:3[01]|[12][0-9]|0?[1-9]){ORD}");
    let year = r"[12][0-9]{3}\b";
    format!(r"(?:{m}\s+{day}(?:,?\s+{year})?|(?:the\s+)?\b{day}\s+(?:of\s+)?{m}(?:,?\s+{year})?)")
}

/// The time part of an ISO 8601 timestamp after its date: `T` (or `t`), hours and minutes,
/// optional seconds and fraction, optional `Z` or offset. No capturing groups: it goes into
/// the `{date}` fragment.
const ISO_TIME: &str = r"[Tt][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]{1,9})?)?(?:[Zz]|[+\x2D\u{2212}][0-9]{2}(?::?[0-9]{2})?)?";

static PATTERN: LazyLock<String> = LazyLock::new(|| {
    let m = month_re();
    let full = md_dm_re();
    let weekday = format!(
        r"(?:(?:{WD_MOD})\s+)?(?:{WEEKDAY})\b(?:{DAY_PART})?(?:,?\s+{full}|\s+[12][0-9]{{3}}\b)?"
    );
    let month_year = format!(r"{m}\s+[12][0-9]{{3}}\b");
    // An ISO date, with the time and zone of a timestamp when one follows
    // ("2026-03-03T23:30:00-05:00"): the day is the one written, never moved to another zone.
    let iso = format!(r"[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}(?:{ISO_TIME})?\b");
    let numeric = r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}\b|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}\b|[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}\b";
    // Days counted from a date named earlier in the sentence: "the next day", "the following
    // day", "the day before", "two days later", "a week earlier".
    let rel_day = format!(
        r"the\s+(?:next|following|previous)\s+day\b|the\s+day\s+(?:before|after)\b|(?:[0-9]{{1,3}}|{NUM_WORDS})\s+(?:days?|weeks?)\s+(?:later|earlier)\b"
    );
    let relative = format!(
        r"the\s+day\s+before\s+yesterday\b|the\s+day\s+after\s+tomorrow\b|{rel_day}|today\b|tonight\b|yesterday\b|tomorrow\b|this\s+(?:morning|afternoon|evening)\b|(?:earlier|later)\s+this\s+(?:week|month|year)\b|(?:last|this|next)\s+(?:week|month|year)\b|(?:(?:{AGO_QUAL})\s+)?(?:[0-9]{{1,3}}|{NUM_WORDS})\s+(?:days?|weeks?|months?|years?)\s+ago\b"
    );
    // "the end of 2022", "the end of the year", "the start of June"
    let edge = format!(
        r"(?:the\s+)?(?:end|start|beginning)\s+of\s+(?:(?:this|next|last|the)\s+(?:year|month|week)\b|{m}(?:\s+[12][0-9]{{3}}\b)?|[12][0-9]{{3}}\b)"
    );
    // "mid-May", "early January 2022", "late June"
    let part = format!(r"(?:early|mid|late)(?:\s+|-){MONTH_CAP}(?:\s+[12][0-9]{{3}}\b)?");
    // "last March", "next June"; a month after a preposition or an article, which may
    // turn out to be a full date ("by March 20") or a month and year ("in March 2020").
    let month_mod = format!(r"(?:last|next|this)\s+{MONTH_CAP}");
    let span = span_re();
    let month_prep = format!(r"(?:{MONTH_PREP})\s+(?:{span}|{full}|{month_year}|{MONTH_CAP})");
    // "this summer", "last winter", "next fall", "the spring of 2021", "in fall 2022"
    let season = format!(
        r"(?:{SEASON_MOD})\s+(?:{SEASON}|fall)\b|(?:the\s+)?(?:{SEASON})\s+(?:of\s+)?[12][0-9]{{3}}\b|(?:in|during|by|since|until|through)\s+(?:the\s+)?(?:{SEASON}|fall)\s+(?:of\s+)?[12][0-9]{{3}}\b"
    );
    format!(
        r"(?i:\b(?:on\s+)?(?:{span}|{weekday}|{edge}|{part}|{month_mod}|{month_prep}|{season}|{full}|{month_year}|{iso}|{numeric}|{relative}))"
    )
});

/// The `{date}` fragment for rule patterns: no capturing groups, no anchors, case-insensitive on
/// its own (it carries its `(?i:...)`), so it drops into any user regex without shifting the
/// user's group numbers. It matches the date words only; an offset such as "ten days after" is
/// found by [`super::resolve()`] in the sentence around the match.
pub fn date_pattern() -> &'static str {
    PATTERN.as_str()
}

/// [`date_pattern`] with ASCII word boundaries (`(?-u:\b)` for each `\b`). On text without
/// non-ASCII word characters (see [`crate::text::ascii::has_non_ascii_word`]) every boundary is
/// decided the same way, so both match the same words; but a Unicode `\b` makes the regex crate's
/// fast engine give up at the first non-ASCII byte (every curly quote or dash of news text) and
/// fall back to a search some ten times slower, and this one does not.
pub fn date_pattern_ascii() -> &'static str {
    PATTERN_ASCII.as_str()
}

static PATTERN_ASCII: LazyLock<String> = LazyLock::new(|| ascii_boundaries(&PATTERN));

/// A pattern of this file with each `\b` made ASCII (`(?-u:\b)`). No pattern here escapes a
/// backslash itself, so every `\b` in them is a word boundary and a plain replacement is
/// exact; a test checks that the two forms find the same dates.
pub(super) fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

pub(super) static DATE_RE: LazyLock<Regex> = LazyLock::new(|| compile(date_pattern()));
pub(super) static DATE_RE_ASCII: LazyLock<Regex> = LazyLock::new(|| compile(date_pattern_ascii()));

/// The date regex to search `text` with: both find the same dates there, the ASCII one faster.
pub(super) fn date_re(text: &str) -> &'static Regex {
    if crate::text::ascii::has_non_ascii_word(text) {
        &DATE_RE
    } else {
        &DATE_RE_ASCII
    }
}

/// The patterns are constants built from this file's word lists, never from input; the tests
/// compile every one of them.
pub(super) fn compile(p: &str) -> Regex {
    Regex::new(p).expect("date reader patterns are constants and compile")
}

pub(super) static RE_WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)^(?:on\s+)?(?:(?P<modifier>{WD_MOD})\s+)?(?P<wd>{WEEKDAY})\b(?:{DAY_PART})?(?:,?\s+(?P<rest>\S.*))?$"
    ))
});
pub(super) static RE_MD: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)^(?:on\s+)?(?P<month>{})\s+(?P<day>[0-9]{{1,2}}){ORD}(?:,?\s+(?P<year>[0-9]{{4}}))?$",
        month_re()
    ))
});
pub(super) static RE_DM: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)^(?:on\s+)?(?:the\s+)?(?P<day>[0-9]{{1,2}}){ORD}\s+(?:of\s+)?(?P<month>{})(?:,?\s+(?P<year>[0-9]{{4}}))?$",
        month_re()
    ))
});
pub(super) static RE_MY: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)^(?:on\s+|in\s+)?(?P<month>{})\s+(?P<year>[0-9]{{4}})$",
        month_re()
    ))
});
pub(super) static RE_ISO: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"^(?:(?i)on\s+)?(?P<y>[0-9]{{4}})-(?P<m>[0-9]{{2}})-(?P<d>[0-9]{{2}})(?:{ISO_TIME})?$"
    ))
});
pub(super) static RE_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?:(?i)on\s+)?(?P<a>[0-9]{1,2})(?P<s1>[/.\-])(?P<b>[0-9]{1,2})(?P<s2>[/.\-])(?P<y>[0-9]{4})$",
    )
});
pub(super) static RE_AGO: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)^(?:on\s+)?(?:(?P<qual>{AGO_QUAL})\s+)?(?P<n>[0-9]{{1,3}}|{NUM_WORDS})\s+(?P<unit>day|week|month|year)s?\s+ago$"
    ))
});
pub(super) static RE_EDGE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?i)^(?:on\s+)?(?:the\s+)?(?P<edge>end|start|beginning)\s+of\s+(?P<rest>.+)$")
});
pub(super) static RE_PART: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)^(?:on\s+)?(?P<part>early|mid|late)(?:\s+|-)(?P<rest>.+)$"));
pub(super) static RE_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)^(?:on\s+)?(?:(?P<modifier>last|next|this)\s+)?(?P<month>{})$",
        month_re()
    ))
});
pub(super) static RE_PREP: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)^(?:on\s+)?(?:{MONTH_PREP})\s+(?P<rest>\S.*)$"
    ))
});
pub(super) static RE_SPAN_MD: LazyLock<Regex> = LazyLock::new(|| {
    let m = month_re();
    compile(&format!(
        r"(?i)^(?:on\s+)?(?P<between>between\s+)?(?P<m1>{m})\s+(?P<d1>[0-9]{{1,2}}){ORD}(?:,?\s+(?P<y1>[0-9]{{4}}))?(?P<sep>{SPAN_SEP}|\s+and\s+)(?:(?P<m2>{m})\s+)?(?P<d2>[0-9]{{1,2}}){ORD}(?:,?\s+(?P<y2>[0-9]{{4}}))?$"
    ))
});
pub(super) static RE_SPAN_DM: LazyLock<Regex> = LazyLock::new(|| {
    let m = month_re();
    compile(&format!(
        r"(?i)^(?:on\s+)?(?P<between>between\s+)?(?:the\s+)?(?P<d1>[0-9]{{1,2}}){ORD}(?:\s+(?:of\s+)?(?P<m1>{m})(?:,?\s+(?P<y1>[0-9]{{4}}))?)?(?P<sep>{SPAN_SEP}|\s+and\s+)(?:the\s+)?(?P<d2>[0-9]{{1,2}}){ORD}\s+(?:of\s+)?(?P<m2>{m})(?:,?\s+(?P<y2>[0-9]{{4}}))?$"
    ))
});
pub(super) static RE_SPAN_WD: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)^(?:on\s+)?(?P<between>between\s+)?(?P<w1>{WEEKDAY})(?P<sep>{SPAN_SEP}|\s+and\s+)(?P<w2>{WEEKDAY})$"
    ))
});
pub(super) static RE_REL_DAY: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)^(?:on\s+)?(?:the\s+(?P<word>next|following|previous)\s+day|the\s+day\s+(?P<dir1>before|after)|(?P<n>[0-9]{{1,3}}|{NUM_WORDS})\s+(?P<unit>day|week)s?\s+(?P<dir2>later|earlier))$"
    ))
});
pub(super) static RE_SEASON: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)^(?:on\s+)?(?:(?P<modifier>{SEASON_MOD})\s+(?P<s1>{SEASON}|fall)|(?:in\s+|during\s+|by\s+|since\s+|until\s+|through\s+)?(?:the\s+)?(?P<s2>{SEASON}|fall)\s+(?:of\s+)?(?P<year>[0-9]{{4}}))$"
    ))
});
pub(super) static RE_YEAR: LazyLock<Regex> = LazyLock::new(|| compile(r"^(?P<year>[12][0-9]{3})$"));
pub(super) static RE_OFFSET_SRC: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?i)\b(?:(?P<n>[0-9]{{1,3}}|{NUM_WORDS})\s+(?P<unit>days?|weeks?|months?|years?)|the\s+(?P<unit1>day|week|month|year))\s+(?P<dir>after|before|from|later\s+than|earlier\s+than|prior\s+to)\b"
    )
});
pub(super) static RE_OFFSET: LazyLock<Regex> = LazyLock::new(|| compile(&RE_OFFSET_SRC));
pub(super) static RE_OFFSET_ASCII: LazyLock<Regex> =
    LazyLock::new(|| compile(&ascii_boundaries(&RE_OFFSET_SRC)));
/// Lowercase "may", "march" and "mar" are words before they are months.
pub(super) static RE_LOWER_MONTH_WORD: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b(?:may|march|mar)\b"));
pub(super) static RE_PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})(?:[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:[Zz]|[+\-][0-9]{2}:?[0-9]{2})?)?$",
    )
});
