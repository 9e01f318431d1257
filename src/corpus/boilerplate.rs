//! Boilerplate lines: the page furniture scraped text keeps (advertising markers, promos,
//! credits, bylines, footers), recognised by general rules and left out of extraction.
//!
//! A line is boilerplate when it is, on its own (trimmed):
//!
//! * a **page marker**: a short line that is only a word or phrase of page furniture
//!   ("Advertisement", "Supported by", "Read more", "Share this article", "Comments are
//!   closed", …: [`MARKERS`]);
//! * an **all-caps line** of three words or more (promo cross-heads, "CLICK HERE TO …");
//! * a **credit**: a whole line in parentheses that names a picture agency, a path of
//!   credits (`NAME/AGENCY via Getty Images`) or only an outlet (`(Reuters)`), or a line
//!   opening with a credit label (`Photo: …`, `Image source, …`);
//! * a **byline** (`By First Last and First Last`) or a **contributors line** (`… contributed
//!   reporting.`, `Reporting by …`);
//! * a **call to action** (`Sign up for …`, `Click here …`, `Watch …`, `Follow him on
//!   Twitter @…` closing an author's bio) or a whole line in square brackets (an editor's
//!   link);
//! * a **copyright line** (`©`, `Copyright 2022 …`, `All rights reserved`); when it stands
//!   among the article's last lines, the lines after it (the page footer) and the run of
//!   short headline-like lines just before it (promotions of other pages) go with it;
//! * a line that **recurs verbatim across unrelated articles** of the corpus and holds no
//!   number and no quotation ([`Recurring`]).
//!
//! The line stays in the file and in the article's text as blanks, so line and column of
//! everything else are those of the file; it is counted in the report.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hash, Hasher};

/// Why a line is boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    Marker,
    Caps,
    Credit,
    Byline,
    Contributors,
    CallToAction,
    Copyright,
    Footer,
    Promo,
    Recurring,
}

impl Rule {
    /// A few words for people (`extract --text`).
    pub fn describe(self) -> &'static str {
        match self {
            Rule::Marker => "page marker",
            Rule::Caps => "all-caps line",
            Rule::Credit => "credit",
            Rule::Byline => "byline",
            Rule::Contributors => "contributors",
            Rule::CallToAction => "call to action",
            Rule::Copyright => "copyright line",
            Rule::Footer => "after the closing copyright line",
            Rule::Promo => "promotion before the closing copyright line",
            Rule::Recurring => "recurs across unrelated articles",
        }
    }
}

/// Whole lines of page furniture (compared in lowercase, without closing punctuation).
/// Generic words and phrases of web pages, not any one site's.
pub const MARKERS: &[&str] = &[
    "ad",
    "advertisement",
    "advertisements",
    "advertising",
    "article continues below",
    "back to top",
    "comments",
    "comments are closed",
    "continue reading",
    "continue reading the main story",
    "in this article",
    "listen to this article",
    "more on this story",
    "most read",
    "paid content",
    "paid post",
    "promoted",
    "read more",
    "read more below",
    "recommended",
    "related",
    "related articles",
    "related content",
    "related stories",
    "share",
    "share this",
    "share this article",
    "share this story",
    "skip advertisement",
    "skip to content",
    "skip to main content",
    "source link",
    "sponsored",
    "sponsored content",
    "story continues below",
    "story continues below advertisement",
    "supported by",
    "this video can not be played",
    "this video cannot be played",
    "top stories",
    "trending",
];

/// Words that open a credit line when followed by `:` or `,`.
const CREDIT_LABELS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "picture",
    "image",
    "image source",
    "image caption",
    "media caption",
    "illustration",
    "graphic",
    "video",
    "credit",
    "photo credit",
    "image credit",
];

/// Openings of a call to action, in lowercase.
const ACTIONS: &[&str] = &[
    "sign up",
    "subscribe",
    "click here",
    "click to",
    "tap here",
    "download",
    "follow us",
    "follow live",
    "start watching",
    "watch",
    "listen",
    "read more",
    "share this",
    "sign in",
    "log in",
    "get the",
    "get this",
    "get our",
];

/// Lines of this many words or more are prose: never boilerplate by recurrence, and
/// what ties two articles together (copies of one text).
pub const LONG_LINE_WORDS: usize = 25;

/// A recurring line is boilerplate when it is in articles of at least this many
/// unrelated groups.
pub const RECURRING_GROUPS: usize = 3;

/// The most words a line may have for a rule other than the all-caps one (an author's bio,
/// a copyright line).
const LONGEST_RULE_WORDS: usize = 40;

/// How many of an article's last non-blank lines a closing copyright line may stand in.
const FOOTER_LINES: usize = 6;

/// Words in a line (white-space separated).
fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

/// The line in lowercase, spaces collapsed, without closing punctuation.
fn bare(line: &str) -> String {
    line.trim()
        .trim_end_matches(['.', ':', '!', '…', ' ', '›', '»', '>'])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn is_marker(line: &str) -> bool {
    words(line) <= 6 && MARKERS.contains(&bare(line).as_str())
}

fn is_caps(line: &str) -> bool {
    // A lowercase letter comes early in almost every line: test it first.
    !line.chars().any(|c| c.is_lowercase())
        && line.chars().any(|c| c.is_uppercase())
        && words(line) >= 3
        && line.chars().filter(|c| c.is_alphabetic()).count() >= 10
}

fn is_credit(line: &str) -> bool {
    let t = line.trim();
    if t.starts_with('©') {
        return false; // a copyright line
    }
    if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        if inner.contains(['(', ')']) {
            return false;
        }
        let lower = inner.to_lowercase();
        let agency = lower.contains(" via ")
            || lower.contains("getty images")
            || lower.starts_with("photo")
            || lower.starts_with("image")
            || lower.starts_with("ap photo")
            || lower.starts_with("credit");
        let path = inner.contains('/') && words(inner) <= 12;
        let outlet = words(inner) <= 3
            && inner
                .split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()));
        return agency || path || outlet;
    }
    let lower = t.to_lowercase();
    words(t) <= 25
        && CREDIT_LABELS.iter().any(|l| {
            lower
                .strip_prefix(l)
                .is_some_and(|rest| rest.starts_with([':', ',']))
        })
}

fn is_byline(line: &str) -> bool {
    let t = line.trim();
    let Some(rest) = t.strip_prefix("By ") else {
        return false;
    };
    let names: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    names.len() >= 2
        && names.len() <= 10
        && names.iter().all(|w| {
            matches!(
                *w,
                "and" | "&" | "de" | "van" | "von" | "der" | "da" | "la" | "le"
            ) || w.starts_with(|c: char| c.is_uppercase())
        })
}

fn is_contributors(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    if words(&lower) > 30 || lower.contains(['“', '”', '"']) {
        return false;
    }
    let lower = lower.trim_start_matches(['—', '–', '-', ' ']);
    [
        "contributed reporting",
        "contributed additional reporting",
        "contributed research",
        "contributed to this report",
        "contributed to this article",
        "contributed to this story",
    ]
    .iter()
    .any(|p| lower.contains(p))
        || [
            "reporting by ",
            "additional reporting by ",
            "editing by ",
            "writing by ",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
}

fn is_call_to_action(line: &str) -> bool {
    let t = line.trim();
    if t.len() > 2 && t.starts_with('[') && t.ends_with(']') {
        return true;
    }
    let lower = t.to_lowercase();
    if words(t) > 20 {
        return false;
    }
    let opens = ACTIONS.iter().any(|a| {
        lower
            .strip_prefix(a)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':', ',']))
    });
    let unfinished = !t.ends_with(['.', '!', '?', '”', '"', '’', '\'']);
    let web = ["inbox", "newsletter", " app", "here", "below", "podcast"]
        .iter()
        .any(|w| lower.contains(w));
    // An author's bio closing with where to follow them.
    let bio = words(t) <= 40
        && lower
            .rsplit_once(". ")
            .map_or(lower.as_str(), |(_, last)| last)
            .starts_with("follow ")
        && lower.contains(" on ")
        && (lower.contains('@') || lower.contains("twitter"));
    (opens && (unfinished || web)) || bio
}

fn is_copyright(line: &str) -> bool {
    let t = line.trim();
    let lower = t.to_lowercase();
    words(t) <= 40
        && (t.starts_with('©')
            || lower.starts_with("copyright ")
            || lower.starts_with("(c) ")
            || lower.contains("all rights reserved"))
}

/// A short line that reads like a headline or teaser: no closing sentence punctuation, or
/// an ellipsis.
fn headline_like(line: &str) -> bool {
    let t = line.trim();
    words(t) <= 15
        && (t.ends_with("...")
            || t.ends_with('…')
            || !t.ends_with(['.', '!', '?', '”', '"', '’', '\'', ')', ':', ';']))
}

/// The rule that makes `line` boilerplate on its own, if any.
pub fn line_rule(line: &str) -> Option<Rule> {
    let t = line.trim();
    if t.is_empty() {
        None
    } else if t.split_whitespace().nth(LONGEST_RULE_WORDS).is_some() {
        // Prose: only the all-caps rule has no length limit. Most lines of an article are
        // long, and this spares them the lowercased copies the other rules make.
        is_caps(t).then_some(Rule::Caps)
    } else if is_marker(t) {
        Some(Rule::Marker)
    } else if is_copyright(t) {
        Some(Rule::Copyright)
    } else if is_credit(t) {
        Some(Rule::Credit)
    } else if is_byline(t) {
        Some(Rule::Byline)
    } else if is_contributors(t) {
        Some(Rule::Contributors)
    } else if is_call_to_action(t) {
        Some(Rule::CallToAction)
    } else if is_caps(t) {
        Some(Rule::Caps)
    } else {
        None
    }
}

/// Classify an article's body lines (each as in the file, with its ends): a rule for each
/// line that is boilerplate. `recurring` holds the corpus's lines that recur across
/// unrelated articles.
pub fn classify(lines: &[&str], recurring: &Recurring) -> Vec<Option<Rule>> {
    let mut rules: Vec<Option<Rule>> = lines
        .iter()
        .map(|l| line_rule(l).or_else(|| recurring.contains(l).then_some(Rule::Recurring)))
        .collect();
    // A closing copyright line: the footer after it, the promotions before it.
    let filled: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    let tail = filled.len().saturating_sub(FOOTER_LINES);
    let closing = filled
        .iter()
        .skip(tail)
        .rev()
        .find(|&&i| rules[i] == Some(Rule::Copyright))
        .copied();
    if let Some(c) = closing {
        for &i in filled.iter().filter(|&&i| i > c) {
            rules[i] = Some(Rule::Footer);
        }
        for &i in filled.iter().filter(|&&i| i < c).rev() {
            match rules[i] {
                Some(_) => continue,
                None if headline_like(lines[i]) => rules[i] = Some(Rule::Promo),
                None => break,
            }
        }
    }
    rules
}

/// A line's key: its words, white space collapsed.
fn key(line: &str) -> u64 {
    let mut h = foldhash::fast::FixedState::with_seed(0x5eed).build_hasher();
    for w in line.split_whitespace() {
        w.hash(&mut h);
    }
    h.finish()
}

/// Lines that may count as recurring boilerplate: short, not blank, and holding no
/// quotation mark and no digit. Quotations and numbers are what crosscheck compares: a
/// short quotation or a one-line report of a number repeated by several outlets is news,
/// not furniture.
fn candidate(line: &str) -> bool {
    let n = words(line);
    n > 0
        && n < LONG_LINE_WORDS
        && !line.contains(['“', '”', '"', '«', '»', '„'])
        && !line.bytes().any(|b| b.is_ascii_digit())
}

/// The lines of a corpus that recur verbatim in at least [`RECURRING_GROUPS`] unrelated
/// articles. Articles are related when they share a line of [`LONG_LINE_WORDS`] words or
/// more (one copies the other, or both copy one wire story), directly or through others;
/// a short line they share is then part of the story, not of the page.
#[derive(Debug, Clone, Default)]
pub struct Recurring {
    keys: HashSet<u64>,
}

impl Recurring {
    pub fn contains(&self, line: &str) -> bool {
        !self.keys.is_empty() && candidate(line) && self.keys.contains(&key(line))
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// What [`Recurring`] needs of one article: the keys of its short and its long lines.
#[derive(Debug, Clone, Default)]
pub struct LineKeys {
    short: Vec<u64>,
    long: Vec<u64>,
}

impl LineKeys {
    /// The keys as written out (`extract --line-keys`): short lines', then long lines'.
    pub fn keys(&self) -> (&[u64], &[u64]) {
        (&self.short, &self.long)
    }

    /// Keys written out by [`LineKeys::keys`], read back.
    pub fn from_keys(mut short: Vec<u64>, mut long: Vec<u64>) -> LineKeys {
        short.sort_unstable();
        short.dedup();
        long.sort_unstable();
        long.dedup();
        LineKeys { short, long }
    }

    /// The keys of the lines of `body`.
    pub fn of(body: &str) -> LineKeys {
        let mut k = LineKeys::default();
        for line in body.lines() {
            if candidate(line) {
                k.short.push(key(line));
            } else if words(line) >= LONG_LINE_WORDS {
                k.long.push(key(line));
            }
        }
        k.short.sort_unstable();
        k.short.dedup();
        k.long.sort_unstable();
        k.long.dedup();
        k
    }
}

impl Recurring {
    /// From every article's line keys, in any order.
    pub fn from_articles(articles: &[LineKeys]) -> Recurring {
        // Groups of related articles: union-find over shared long lines.
        let mut parent: Vec<usize> = (0..articles.len()).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        let mut first_with: HashMap<u64, usize> = HashMap::new();
        for (i, a) in articles.iter().enumerate() {
            for k in &a.long {
                match first_with.get(k) {
                    Some(&j) => {
                        let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                        parent[ri] = rj;
                    }
                    None => {
                        first_with.insert(*k, i);
                    }
                }
            }
        }
        let mut groups: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, a) in articles.iter().enumerate() {
            let g = root(&mut parent, i);
            for k in &a.short {
                let v = groups.entry(*k).or_default();
                if !v.contains(&g) && v.len() < RECURRING_GROUPS {
                    v.push(g);
                }
            }
        }
        Recurring {
            keys: groups
                .into_iter()
                .filter(|(_, g)| g.len() >= RECURRING_GROUPS)
                .map(|(k, _)| k)
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_credits_bylines_and_calls_to_action() {
        for (line, rule) in [
            ("Advertisement", Rule::Marker),
            ("  Supported by  ", Rule::Marker),
            ("READ MORE:", Rule::Marker),
            ("SHOPPERS WORRY AS PRICES CLIMB AGAIN", Rule::Caps),
            (
                "(JANE ROE/POOL/AGENCY via Getty Images / Getty Images)",
                Rule::Credit,
            ),
            ("(Reuters)", Rule::Credit),
            ("Photo: Jane Roe for The Daily", Rule::Credit),
            ("Image source, Getty Images", Rule::Credit),
            ("By Jane Roe and Rick Moe", Rule::Byline),
            ("By Jane Q. Roe", Rule::Byline),
            (
                "Rick Moe contributed reporting and Ann Lee contributed research.",
                Rule::Contributors,
            ),
            ("— Ann Lee contributed to this article.", Rule::Contributors),
            ("Sign up for our newsletter", Rule::CallToAction),
            (
                "[Follow our live coverage of the summit.]",
                Rule::CallToAction,
            ),
            (
                "Jane Roe is a reporter for The Daily. Follow her on Twitter @janeroe.",
                Rule::CallToAction,
            ),
            ("© 2022 The Daily. All rights reserved.", Rule::Copyright),
        ] {
            assert_eq!(line_rule(line), Some(rule), "{line:?}");
        }
    }

    #[test]
    fn prose_headings_and_quotations_are_not_boilerplate() {
        for line in [
            "By Friday, the minister said he would not negotiate.",
            "By signing up, you can help us keep the paper going.",
            "Credit Cards",
            "What happens next",
            "“We will not back down,” she said.",
            "(A point is a fee paid to the lender.)",
            "Watch for the central bank to move again in May.",
            "NATO",
            "The talks, she said, begin on Monday in Sarnova.",
            "Photographers gathered outside the court.",
        ] {
            assert_eq!(line_rule(line), None, "{line:?}");
        }
    }

    #[test]
    fn a_closing_copyright_line_takes_the_footer_and_the_promotions_before_it() {
        let lines = [
            "The minister left on Tuesday.",
            "",
            "Jane Roe on life as a broadcaster",
            "A village and its love of rowing...",
            "© 2022 The Daily. Read about how we choose our links.",
            "Prices are shown with a delay of 20 minutes.",
        ];
        let rules = classify(&lines, &Recurring::default());
        assert_eq!(
            rules,
            [
                None,
                None,
                Some(Rule::Promo),
                Some(Rule::Promo),
                Some(Rule::Copyright),
                Some(Rule::Footer)
            ]
        );
    }

    #[test]
    fn a_copyright_credit_in_the_middle_takes_nothing_with_it() {
        let mut lines = vec!["© Jane Roe", "Short heading"];
        lines.extend(["The minister left on Tuesday."; 8]);
        let rules = classify(&lines, &Recurring::default());
        assert_eq!(rules[0], Some(Rule::Copyright));
        assert!(rules[1..].iter().all(Option::is_none), "{rules:?}");
    }

    fn long(tag: &str) -> String {
        format!("{tag} {}", "word ".repeat(LONG_LINE_WORDS))
    }

    #[test]
    fn recurring_lines_count_only_across_unrelated_articles() {
        let promo = "Got a tip? Write to the desk";
        let quote = "“We are ready,” she said";
        let fact = "The talks begin on Monday";
        // Three unrelated articles share the promo and the quotation.
        let a: Vec<LineKeys> = ["a", "b", "c"]
            .iter()
            .map(|t| LineKeys::of(&format!("{}\n{promo}\n{quote}\n", long(t))))
            .collect();
        let r = Recurring::from_articles(&a);
        assert!(r.contains(promo));
        assert!(!r.contains(quote), "quotations never recur as boilerplate");
        // Nor does a line with a number: three outlets may report it in the same words.
        let count = "Officials said 3,000 people left";
        let c: Vec<LineKeys> = ["a", "b", "c"]
            .iter()
            .map(|t| LineKeys::of(&format!("{}\n{count}\n", long(t))))
            .collect();
        assert!(!Recurring::from_articles(&c).contains(count));
        // Three copies of one wire story share a short line: related, so it stays.
        let wire = long("wire");
        let b: Vec<LineKeys> = (0..3)
            .map(|_| LineKeys::of(&format!("{wire}\n{fact}\n")))
            .collect();
        assert!(!Recurring::from_articles(&b).contains(fact));
        // Two unrelated articles are not enough.
        assert!(!Recurring::from_articles(&a[..2]).contains(promo));
    }
}
