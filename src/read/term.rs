//! Term reader: which words a source uses for an act, and how it uses them.
//!
//! A `term` fact's class lists words and phrases ("invade", "invasion", "peacekeeping
//! force"). A listed word also matches its regular inflections by a deliberately simple
//! suffix rule (see [`term_regex`]) rather than a stemmer: rule writers can predict it, and
//! an irregular form ("sent" for "send") is simply listed. A match is then checked for
//! negation ("not an invasion", "never invaded") and for scare quotes (a “peacekeeping”
//! force), which a fact-checker reads differently from the plain word.
//!
//! A pure text reader: it writes the regex source of a class ([`class_pattern`]) and reads
//! the words around a match; compiling the class, with the rules' size limit, is the rule
//! loader's job.

/// Endings a listed word may take: invade → invades, invaded, invading, invader(s);
/// deploy → deploys, deployed, deploying, deployment(s). A final "e" is dropped first so
/// that "invade" also gives "invading".
const SUFFIXES: &str = "(?:s|es|d|ed|ing|er|ers|ment|ments|ion|ions)?";

/// A regex for one listed word or phrase: literal words, white space of any kind (line
/// breaks included) between them, optional quote marks around the words of a phrase, and
/// the inflection rule on the last word. A word written with `*` at the end matches any
/// ending instead; a listed word of three letters or fewer matches only as written.
pub fn term_regex(term: &str) -> String {
    let words: Vec<&str> = term.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    let parts: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if let Some(stem) = w.strip_suffix('*') {
                return format!(r"{}\w*", regex::escape(stem));
            }
            if i != last || w.chars().count() <= 3 || !w.chars().all(char::is_alphabetic) {
                return regex::escape(w);
            }
            let stem = if w.ends_with('e') && w.chars().count() > 4 {
                &w[..w.len() - 1]
            } else {
                w
            };
            if stem.len() == w.len() {
                format!("{}{SUFFIXES}", regex::escape(stem))
            } else {
                format!(
                    "{}(?:e|{})",
                    regex::escape(stem),
                    &SUFFIXES[3..SUFFIXES.len() - 2]
                )
            }
        })
        .collect();
    parts.join(r#"[\s"“”']+"#)
}

/// One class's words as one case-insensitive, whole-word regex source.
pub fn class_pattern(terms: &[String]) -> String {
    let alts: Vec<String> = terms.iter().map(|t| term_regex(t)).collect();
    format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", alts.join("|"))
}

/// Words that, just before a term, deny it: "not an invasion", "never invaded", "no
/// incursion", "wasn't deployed", "rather than an invasion".
const NEGATORS: &[&str] = &[
    "not",
    "never",
    "no",
    "nor",
    "neither",
    "without",
    "denied",
    "denies",
    "deny",
    "rejected",
    "isn't",
    "wasn't",
    "aren't",
    "weren't",
    "didn't",
    "doesn't",
    "don't",
    "hasn't",
    "haven't",
    "won't",
    "isn’t",
    "wasn’t",
    "aren’t",
    "weren’t",
    "didn’t",
    "doesn’t",
    "don’t",
    "hasn’t",
    "haven’t",
    "won’t",
];

/// How many words before a term a negator may stand ("not a full-scale invasion").
const NEGATION_REACH: usize = 3;

/// Is the term at `start` negated by a word shortly before it in the same sentence?
pub fn is_negated(sentence_before: &str) -> bool {
    let lower = sentence_before.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | '"' | '“' | '”'))
        .filter(|w| !w.is_empty())
        .collect();
    let recent = words.iter().rev().take(NEGATION_REACH);
    let mut negated = false;
    for w in recent {
        // "rather than" / "instead of" also deny what follows.
        if NEGATORS.contains(w) {
            negated = true;
            break;
        }
    }
    negated
        || lower.trim_end().ends_with("rather than")
        || lower.trim_end().ends_with("instead of")
        || denied_clause(&words)
}

/// Verbs that deny the clause they introduce with "that".
const DENIALS: &[&str] = &[
    "denied", "denies", "deny", "denying", "rejected", "rejects", "disputed", "disputes",
];

/// How many words after "that" a denial reaches ("denied that any exit had been locked").
const DENIAL_REACH: usize = 8;

/// Does a denial verb's "that"-clause hold the term ("X denied that the exits had been
/// locked")? The clause is what is denied, so its term is too.
fn denied_clause(words: &[&str]) -> bool {
    words
        .iter()
        .rev()
        .take(DENIAL_REACH + 1)
        .position(|w| *w == "that")
        .and_then(|back| words.len().checked_sub(back + 2))
        .and_then(|verb| words.get(verb))
        .is_some_and(|w| DENIALS.contains(w))
}

/// Is the matched term wrapped in quote marks (scare quotes)?
pub fn is_quoted(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    matches!(before, Some('"' | '“' | '‘' | '\'')) && matches!(after, Some('"' | '”' | '’' | '\''))
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::*;

    struct M {
        regex: Regex,
    }

    fn matcher(terms: &[&str]) -> M {
        let terms: Vec<String> = terms.iter().map(|s| s.to_string()).collect();
        M {
            regex: Regex::new(&class_pattern(&terms)).unwrap(),
        }
    }

    #[test]
    fn inflections_match_without_listing_them() {
        let m = matcher(&["invade", "deploy"]);
        for w in [
            "invade",
            "invaded",
            "invading",
            "invades",
            "invader",
            "deployed",
            "deployment",
            "Deployments",
        ] {
            assert!(m.regex.is_match(w), "{w}");
        }
        // Not a prefix match: "deploy" must not match "deployable"; "send" not "sentence".
        assert!(!m.regex.is_match("deployable"));
        let m = matcher(&["send", "sent"]);
        assert!(m.regex.is_match("sending") && m.regex.is_match("sent"));
        assert!(!m.regex.is_match("sentence"));
    }

    #[test]
    fn phrases_match_across_line_breaks_and_quotes() {
        let m = matcher(&["peacekeeping force"]);
        assert!(m.regex.is_match("a peacekeeping\nforce"));
        assert!(m.regex.is_match("a \"peacekeeping\" force"));
        assert!(m.regex.is_match("peacekeeping forces"));
    }

    #[test]
    fn negation_is_noticed() {
        assert!(is_negated("This is not an "));
        assert!(is_negated("Russia never "));
        assert!(is_negated("a deployment rather than "));
        assert!(!is_negated("Russian troops "));
        // A denial's "that"-clause, a few words long, is denied.
        assert!(is_negated(
            "The owner denied that any of the gates had been "
        ));
        assert!(is_negated("Officials disputed that the convoy "));
        assert!(!is_negated("The owner said that the gates had been "));
        assert!(!is_negated(
            "The owner denied that the report, which came out on a busy Monday morning, said the gates were "
        ));
        // Too far back to deny the term.
        assert!(!is_negated("It was not clear why the troops who "));
    }

    #[test]
    fn scare_quotes_are_noticed() {
        let t = "a five-nation \"peacekeeping\" force";
        let s = t.find("peace").unwrap();
        assert!(is_quoted(t, s, s + "peacekeeping".len()));
        let t = "a “peacekeeping” force";
        let s = t.find("peace").unwrap();
        assert!(is_quoted(t, s, s + "peacekeeping".len()));
        assert!(!is_quoted("the peacekeeping force", 4, 16));
    }
}
