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
            && chars
                .get(k + 1)
                .is_some_and(|&(_, n)| n.is_alphanumeric());
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

/// A crude stem, so that singular and plural meet: "accounts" → "account", "companies" →
/// "company", "shares" → "share". Only plural endings are taken off: verbs keep their
/// tense ("rose" and "rise" stay apart), which is what a key wants.
pub fn stem(word: &str) -> String {
    let w = surface(word);
    let n = w.chars().count();
    if n > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..w.len() - 3]);
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is")
    {
        return w[..w.len() - 1].to_string();
    }
    w
}

/// Words that say nothing about what an amount counts: function words, reporting verbs,
/// hedges and the words of amounts themselves.
const STOP: &[&str] = &[
    "a", "about", "above", "according", "across", "after", "against", "ago", "all", "almost",
    "also", "although", "among", "an", "and", "another", "any", "approximately", "are", "around",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "billion", "both",
    "but", "by", "can", "cent", "could", "did", "do", "does", "dollar", "down", "during", "each",
    "estimated", "euro", "even", "ever", "every", "few", "for", "from", "had", "has", "have",
    "he", "her", "here", "him", "his", "how", "however", "i", "if", "in", "including", "into",
    "is", "it", "its", "just", "least", "less", "like", "many", "may", "might", "million",
    "more", "most", "much", "must", "nearly", "no", "nor", "not", "now", "of", "off", "on",
    "once", "one", "only", "or", "other", "our", "out", "over", "per", "percent", "percentage",
    "point", "pound", "rough", "roughly", "said", "say", "saying", "says", "several", "she",
    "should", "since", "so", "some", "still", "such", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "though", "through", "thousand", "to",
    "told", "too", "trillion", "under", "until", "up", "upon", "us", "very", "was", "we",
    "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why",
    "will", "with", "within", "would", "year", "yet", "you", "your", "mr", "ms", "mrs", "dr",
];

/// Whether `stem` (already a [`stem`]) is a word that says nothing about what an amount
/// counts, or no word at all (digits).
pub fn is_stop(stem: &str) -> bool {
    stem.chars().count() < 2
        || stem.chars().any(|c| c.is_ascii_digit())
        || STOP.contains(&stem)
}

/// Words that stand between an amount and what it counts ("46 other outlets", "2,000 more
/// troops"): never the head.
pub const MODIFIERS: &[&str] = &[
    "additional", "active", "annual", "current", "daily", "different", "extra", "former",
    "full", "further", "individual", "key", "major", "monthly", "more", "new", "other", "own",
    "separate", "such", "total", "weekly", "yearly",
];

/// What an amount of time is counted in: a count of these is a duration or a time, not a
/// fact discovery compares.
pub const TIME_WORDS: &[&str] = &[
    "am", "century", "day", "decade", "hour", "minute", "month", "night", "o'clock", "pm",
    "quarter", "second", "time", "week", "weekend", "year", "a.m", "p.m",
];

/// Words before a number that make it a label, not an amount: "page 4", "aged 45".
pub const LABEL_WORDS: &[&str] = &[
    "age", "aged", "article", "chapter", "episode", "exhibit", "fig", "figure", "flight", "gate",
    "item", "line", "no", "number", "p", "page", "paragraph", "platform", "pp", "room", "row",
    "seat", "section", "season", "table", "vol", "volume",
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
        assert_eq!(stem("Stores"), "store");
        assert_eq!(stem("bakeries"), "bakery");
        assert_eq!(stem("Vantor’s"), "vantor");
        assert_eq!(stem("loss"), "loss");
        assert_eq!(stem("bonus"), "bonus");
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
