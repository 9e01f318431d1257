//! Words for discovery's keys: tokens of a sentence, their stems, which words say nothing
//! about what an amount counts, and how rare a word is in the corpus (its weight).

use std::collections::{BTreeMap, BTreeSet};

/// One word of a sentence: its byte range (relative to the sentence) and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// The words of `s`: runs of letters and digits, with an apostrophe, hyphen or point
/// inside them kept ("Meta's", "year-on-year", "a.m.").
pub fn tokens(s: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let inner = matches!(c, '\'' | '\u{2019}' | '-' | '.')
            && start.is_some()
            && chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(b) = start.take() {
            out.push(Token {
                start: b,
                end: i,
                text: &s[b..i],
            });
        }
    }
    if let Some(b) = start {
        out.push(Token {
            start: b,
            end: s.len(),
            text: &s[b..],
        });
    }
    out
}

/// The word without a possessive ending, lower case: "Meta's" → "meta".
pub fn surface(word: &str) -> String {
    let w = word.to_lowercase();
    for end in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(s) = w.strip_suffix(end) {
            return s.to_string();
        }
    }
    w
}

/// Words that say an amount went down, and up: each set counts as one word in a key
/// ("fell 8%" and "decreased 8 percent" share it).
const DOWN: &[&str] = &[
    "decline",
    "declined",
    "declines",
    "declining",
    "decrease",
    "decreased",
    "decreases",
    "down",
    "drop",
    "dropped",
    "dropping",
    "drops",
    "fall",
    "fallen",
    "falling",
    "falls",
    "fell",
    "lower",
    "off",
    "plunge",
    "plunged",
    "plunging",
    "sank",
    "slid",
    "slump",
    "slumped",
    "tumble",
    "tumbled",
];
const UP: &[&str] = &[
    "climb",
    "climbed",
    "gain",
    "gained",
    "grew",
    "grow",
    "growing",
    "grows",
    "higher",
    "increase",
    "increased",
    "increases",
    "increasing",
    "jump",
    "jumped",
    "rise",
    "risen",
    "rises",
    "rising",
    "rose",
    "soar",
    "soared",
    "surge",
    "surged",
    "up",
];

/// Measure words of one meaning, each set one stem (written as its first word's): "net
/// income" and "earnings" are "profit", "sales" and "turnover" are "revenue".
const SAME: &[&[&str]] = &[
    &["profit", "profits", "earnings", "income"],
    &["revenue", "revenues", "sales", "turnover"],
];

/// A crude stem, so that forms of one word meet: plural, past and -ing endings and "-ly"
/// are taken off, then a final "e", and the rest is cut to seven letters ("accounts" and
/// "account", "trading" and "trade", "quarterly" and "quarter"). A word of going down
/// ("fell", "decreased") is `-down`, of going up ("rose", "grew") `+up`.
pub fn stem(word: &str) -> String {
    let w = surface(word);
    if DOWN.contains(&w.as_str()) {
        return "-down".into();
    }
    if UP.contains(&w.as_str()) {
        return "+up".into();
    }
    if let Some(set) = SAME.iter().find(|set| set.contains(&w.as_str()))
        && let Some(first) = set.first()
        && *first != w
    {
        return stem(first);
    }
    let spelled = american(&w);
    let mut s = spelled.as_str();
    let long = |r: &str| r.chars().count() >= 3;
    let mut owned: Option<String> = None;
    if let Some(r) = s.strip_suffix("ies").filter(|r| long(r)) {
        owned = Some(format!("{r}y"));
    } else if !s.ends_with("ss") && !s.ends_with("us") && !s.ends_with("is") {
        for end in ["ing", "ed", "ly", "es", "s"] {
            if let Some(r) = s.strip_suffix(end).filter(|r| long(r)) {
                s = r;
                break;
            }
        }
    }
    let mut out = owned.unwrap_or_else(|| s.to_string());
    if out.chars().count() > 3 && out.ends_with('e') {
        out.pop();
    }
    out.chars().take(7).collect()
}

/// A word in its American spelling, so that two outlets' spellings of one word meet:
/// "-ise", "-ised", "-ising", "-isation" are written with z ("organisations" and
/// "organizations"), "-our" as "-or" ("labour" and "labor"), "-tre" as "-ter" ("centre")
/// and "-fence", "-cence" as "-fense", "-cense" ("defence", "licence"). Only after a long
/// enough beginning (four letters before "-ise", three before "-our", two before the
/// others), so that every form of a short word ("raise", "rise", "hour", "fence") is left
/// as it is and its forms still meet.
fn american(w: &str) -> String {
    const ENDS: &[(&str, &str, usize)] = &[
        ("isations", "izations", 4),
        ("isation", "ization", 4),
        ("ising", "izing", 4),
        ("ised", "ized", 4),
        ("ises", "izes", 4),
        ("ise", "ize", 4),
        ("ouring", "oring", 3),
        ("oured", "ored", 3),
        ("ours", "ors", 3),
        ("our", "or", 3),
        ("tres", "ters", 2),
        ("tre", "ter", 2),
        ("fences", "fenses", 2),
        ("fence", "fense", 2),
        ("cences", "censes", 2),
        ("cence", "cense", 2),
    ];
    for (from, to, min) in ENDS {
        if let Some(start) = w.strip_suffix(from)
            && start.chars().count() >= *min
        {
            return format!("{start}{to}");
        }
    }
    w.to_string()
}

/// Whether a noun is singular by its form: it does not end in "s", or ends in "ss", "us"
/// or "is" ("business", "census", "crisis"), or is one of the few nouns in "-s" that are
/// singular ("news", "series", "species", "gas"). A singular noun before a plural one modifies
/// it: "200 business leaders", "46 news organizations".
pub fn singular(word: &str) -> bool {
    !word.ends_with('s')
        || ["ss", "us", "is"].iter().any(|e| word.ends_with(e))
        || ["news", "series", "species", "gas"].contains(&word)
}

/// Words that say nothing about what an amount counts: function words, reporting verbs,
/// hedges and the words of amounts themselves.
const STOP: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "against",
    "ago",
    "all",
    "almost",
    "also",
    "although",
    "among",
    "an",
    "and",
    "another",
    "any",
    "approximately",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "billion",
    "both",
    "but",
    "by",
    "can",
    "cent",
    "could",
    "did",
    "do",
    "does",
    "dollar",
    "during",
    "each",
    "estimated",
    "euro",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "just",
    "least",
    "less",
    "like",
    "many",
    "may",
    "might",
    "million",
    "more",
    "most",
    "much",
    "must",
    "nearly",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "per",
    "percent",
    "percentage",
    "point",
    "pound",
    "rough",
    "roughly",
    "said",
    "say",
    "saying",
    "says",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thousand",
    "to",
    "told",
    "too",
    "trillion",
    "under",
    "until",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "would",
    "year",
    "yet",
    "you",
    "your",
    "mr",
    "ms",
    "mrs",
    "dr",
];

/// The word as a key word: its [`stem`], or None for a word that says nothing about what
/// an amount counts (a function word, a reporting verb, a hedge, a word of amounts, digits).
pub fn key_word(word: &str) -> Option<String> {
    let w = surface(word);
    // "4:40 p.m. ET": the words of a time of day say when, not what; but "PM" in capitals
    // is an acronym (a prime minister).
    let bare = word.trim_end_matches(['\'', '\u{2019}', 's']);
    if CLOCK_WORDS.contains(&w.trim_end_matches('.'))
        && !(["am", "pm"].contains(&w.as_str()) && bare.chars().all(|c| c.is_ascii_uppercase()))
    {
        return None;
    }
    // An acronym is a name ("US", "EU", "CPI"), even when it spells a function word;
    // written with points ("U.S.", "U.K.") it is the same acronym.
    let letters = word.trim_end_matches(['\'', '\u{2019}', 's', '.']);
    let dotted = letters.len() >= 3
        && letters
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(|c| c.is_ascii_uppercase()));
    let letters = if dotted {
        letters.replace('.', "")
    } else {
        letters.to_string()
    };
    if letters.chars().count() >= 2 && letters.chars().all(|c| c.is_ascii_uppercase()) {
        return Some(letters.to_ascii_lowercase());
    }
    (w.chars().count() >= 2
        && !w.chars().any(|c| c.is_ascii_digit())
        && !STOP.contains(&w.as_str()))
    .then(|| stem(&w))
}

/// Words of a time of day: "a.m.", "p.m." and time zones. A number before one is a time,
/// not an amount, and none is a key word.
pub const CLOCK_WORDS: &[&str] = &[
    "am", "pm", "a.m", "p.m", "gmt", "et", "bst", "utc", "est", "cet",
];

/// Words that stand between an amount and what it counts ("46 other outlets", "2,000 more
/// troops"): never the head.
pub const MODIFIERS: &[&str] = &[
    "additional",
    "active",
    "annual",
    "current",
    "daily",
    "different",
    "extra",
    "former",
    "full",
    "further",
    "individual",
    "key",
    "major",
    "monthly",
    "more",
    "new",
    "other",
    "own",
    "separate",
    "such",
    "total",
    "weekly",
    "yearly",
];

/// What an amount of time is counted in: a count of these is a duration or a time, not a
/// fact discovery compares.
pub const TIME_WORDS: &[&str] = &[
    "am", "century", "day", "decade", "hour", "minute", "month", "night", "o'clock", "pm",
    "quarter", "second", "time", "week", "weekend", "year", "a.m", "p.m",
];

/// Words that start another clause or conjunct: a key's words on the right of a value
/// stop at the first of them ("phase out imports by the end of 2022 and explore ways of
/// ending gas imports": the date is the phase-out's, not the ending's).
pub const CLAUSE_WORDS: &[&str] = &[
    "although", "and", "because", "but", "though", "whereas", "while",
];

/// Words between a determiner and what an amount measures: "the", "its", "all".
pub const DETERMINERS: &[&str] = &[
    "a", "all", "an", "her", "his", "its", "our", "the", "their", "this", "those", "these",
];

/// Words before a number that make it a label, not an amount: "page 4", "aged 45".
pub const LABEL_WORDS: &[&str] = &[
    "age",
    "aged",
    "article",
    "chapter",
    "episode",
    "exhibit",
    "fig",
    "figure",
    "flight",
    "gate",
    "item",
    "line",
    "no",
    "number",
    "p",
    "page",
    "paragraph",
    "platform",
    "pp",
    "room",
    "row",
    "seat",
    "section",
    "season",
    "table",
    "vol",
    "volume",
];

/// How rare each stem is across the corpus's sentences: `ln((N + 1) / (df + 1))`, N the
/// number of sentences, df the number holding the stem. Common words weigh little.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    sentences: usize,
    df: BTreeMap<String, usize>,
}

impl Weights {
    /// Count one sentence's stems.
    pub fn add_sentence(&mut self, sentence: &str) {
        self.sentences += 1;
        let stems: BTreeSet<String> = tokens(sentence).iter().map(|t| stem(t.text)).collect();
        for s in stems {
            *self.df.entry(s).or_default() += 1;
        }
    }

    pub fn weight(&self, stem: &str) -> f64 {
        let df = self.df.get(stem).copied().unwrap_or(0);
        ((self.sentences as f64 + 1.0) / (df as f64 + 1.0)).ln()
    }
}

/// Weighted Jaccard similarity of two sets of stems: the weight of the words they share
/// over the weight of all their words (0 when both are empty).
pub fn similarity(a: &BTreeSet<String>, b: &BTreeSet<String>, w: &Weights) -> f64 {
    let shared: f64 = a.intersection(b).map(|s| w.weight(s)).sum();
    let all: f64 = a.union(b).map(|s| w.weight(s)).sum();
    if all <= 0.0 { 0.0 } else { shared / all }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_possessives_and_hyphens() {
        let t: Vec<&str> = tokens("Dorvane's year-on-year sales, up 5%.")
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(t, vec!["Dorvane's", "year-on-year", "sales", "up", "5"]);
    }

    #[test]
    fn stems_meet_singular_and_plural() {
        assert_eq!(stem("Stores"), stem("store"));
        assert_eq!(stem("bakeries"), "bakery");
        assert_eq!(stem("Vantor’s"), "vantor");
        assert_eq!(stem("loss"), "loss");
        assert_eq!(stem("bonus"), "bonus");
        assert_eq!(stem("trading"), stem("trade"));
        assert_eq!(stem("quarterly"), stem("quarter"));
        assert_ne!(stem("compared"), stem("company"));
        assert_eq!(stem("slumped"), stem("decreased"));
        assert_eq!(stem("grew"), "+up");
    }

    #[test]
    fn an_acronym_is_one_word_with_or_without_points() {
        assert_eq!(key_word("U.K."), Some("uk".to_string()));
        assert_eq!(key_word("U.K"), key_word("UK"));
        assert_eq!(key_word("U.N.'s"), key_word("UN"));
        // A word with an inner point that is no acronym keeps its own stem.
        assert_eq!(key_word("Acme.com"), Some(stem("acme.com")));
    }

    #[test]
    fn rare_shared_words_make_two_keys_alike() {
        let mut w = Weights::default();
        for s in [
            "Velka said sales rose.",
            "Velka opened stores.",
            "Velka profit fell.",
            "Velka hired staff.",
        ] {
            w.add_sentence(s);
        }
        let set = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<BTreeSet<_>>();
        let profit = similarity(&set(&["velka", "profit"]), &set(&["profit", "fell"]), &w);
        let common = similarity(&set(&["velka", "profit"]), &set(&["velka", "sales"]), &w);
        assert!(profit > common, "{profit} vs {common}");
    }
}
