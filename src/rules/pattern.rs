//! Rule patterns: user regexes with typed placeholders, and word lists.
//!
//! A pattern such as `{number} (Russian )?(troops|soldiers)` is a regular expression in which
//! `{number}` (or `{date}`) stands for "an amount as a reader means it" and marks which part
//! of the match is the fact's value. Patterns are compiled case-insensitively, and a literal
//! space matches any run of white space, line breaks included, so a phrase wrapped across
//! lines still matches. The regex crate runs in linear time, so no pattern can run away; a
//! size limit stops patterns that would compile to something huge.

use std::sync::{Arc, OnceLock};

use regex::{Regex, RegexBuilder};
use regex_syntax::hir::{Hir, HirKind};

use crate::read::{date, number};

/// Compiled programs larger than this are refused with a clear error.
pub const SIZE_LIMIT: usize = 16 * 1024 * 1024;

/// What a placeholder reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placeholder {
    Number,
    Date,
}

impl Placeholder {
    pub const ALL: &'static [(&'static str, Placeholder)] =
        &[("number", Placeholder::Number), ("date", Placeholder::Date)];

    fn fragment(self) -> &'static str {
        match self {
            Placeholder::Number => number::NUMBER_PATTERN,
            Placeholder::Date => date::date_pattern(),
        }
    }

    /// The fragment with ASCII word boundaries (see [`Pattern::regex_for`]).
    fn ascii_fragment(self) -> &'static str {
        match self {
            Placeholder::Number => number::NUMBER_PATTERN,
            Placeholder::Date => date::date_pattern_ascii(),
        }
    }
}

/// A rule pattern, checked and ready to run. The value, if the pattern has a placeholder, is
/// capture group `value`.
///
/// Its regex is compiled the first time a text is searched with it, not when the rule file
/// is read: a placeholder brings in the whole number or date reader (about a megabyte of
/// program, tens of milliseconds to compile), and in a rule set of thousands
/// of facts most facts never run, because their context words are in no paragraph (the
/// extractor's gate skips them). Loading checks the pattern with the placeholder replaced by
/// a one-character stand-in, which finds the same errors (see [`compile`]); copies of a
/// pattern share one compiled regex.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub source: String,
    pub placeholder: Option<Placeholder>,
    /// The regex text up to the placeholder's fragment (all of it when there is none), and
    /// after it: the fragment itself is not kept per pattern (it is some kilobytes).
    before: String,
    after: String,
    regex: Arc<OnceLock<Option<Regex>>>,
    ascii: Arc<OnceLock<Option<Regex>>>,
    /// Index of the `value` group, when there is a placeholder.
    value_group: Option<usize>,
    /// Whether the pattern can match the empty string.
    matches_empty: bool,
}

fn build(re: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(re).size_limit(SIZE_LIMIT).build()
}

impl Pattern {
    /// The pattern's regex, compiled on first use. None only if it does not compile, which
    /// loading has ruled out (see [`compile`]): the pattern then finds nothing.
    pub fn regex(&self) -> Option<&Regex> {
        self.regex
            .get_or_init(|| build(&self.expanded(false)).ok())
            .as_ref()
    }

    /// The regex text the pattern runs: its source with the placeholder and spaces
    /// expanded (with ASCII word boundaries in the placeholder's fragment if `ascii`).
    pub fn expanded(&self, ascii: bool) -> String {
        let fragment = match (self.placeholder, ascii) {
            (None, _) => "",
            (Some(p), false) => p.fragment(),
            (Some(p), true) => p.ascii_fragment(),
        };
        [self.before.as_str(), fragment, self.after.as_str()].concat()
    }

    /// The regex to run over a text, given whether it holds a non-ASCII word character
    /// ([`crate::text::ascii::has_non_ascii_word`]). Without one, the ASCII-boundary twin finds
    /// exactly the same matches (the boundaries hold at the same places) on the regex crate's
    /// fast engine, where a Unicode `\b` falls back to a slower one at the first curly quote.
    pub fn regex_for(&self, non_ascii_word: bool) -> Option<&Regex> {
        if !non_ascii_word
            && let Some(p) = self.placeholder
            && p.ascii_fragment() != p.fragment()
            // The twin is only a shortcut: should it not build, the pattern runs as written.
            && let Some(twin) = self.ascii.get_or_init(|| build(&self.expanded(true)).ok())
        {
            return Some(twin);
        }
        self.regex()
    }

    /// Whether the pattern's regex has been compiled (at load, or by a search since).
    pub fn is_compiled(&self) -> bool {
        self.regex.get().is_some() || self.ascii.get().is_some()
    }

    /// Index of the `value` capture group (the placeholder's words), if any.
    pub fn value_group(&self) -> Option<usize> {
        self.value_group
    }

    /// Whether the pattern can match the empty string (finding "values" of no words).
    pub fn matches_empty(&self) -> bool {
        self.matches_empty
    }
}

/// An error inside a pattern, with the byte offset in the pattern text where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternError {
    pub offset: usize,
    pub message: String,
    pub help: Option<String>,
}

/// What stands for a placeholder's fragment when a pattern is checked at load: one
/// character, so it matches no empty string, like every fragment.
const STAND_IN: &str = "0";

/// The stand-in pattern must compile within this size for the real one to be left for
/// later; a test checks that each fragment compiles within a quarter of [`SIZE_LIMIT`], so
/// the pattern with its fragment stays within the limit.
const STAND_IN_LIMIT: usize = SIZE_LIMIT / 2;

/// Expand placeholders and spaces, then check the pattern; its regex compiles on first use.
///
/// The check compiles the pattern with the placeholder replaced by a one-character
/// stand-in. The fragments compile on their own under `(?i)`, have no capture groups and
/// match no empty string, so when the user's words compile around the stand-in, the
/// pattern compiles around the fragment, with the same groups, and can match the empty
/// string exactly when the stand-in version can. Where that reasoning could fail, the
/// pattern is compiled whole at once, as before: when the stand-in version fails (for the
/// exact message), when the source sets flags (`(?x)` would read the fragment's text
/// differently), when the placeholder is repeated (`(?:{number} ){3}` holds three copies),
/// and when the stand-in version is more than half the size limit.
pub fn compile(source: &str) -> Result<Pattern, PatternError> {
    let mut out = String::from("(?i)(?:");
    // `out` with the placeholder's stand-in instead.
    let mut stand_in = String::new();
    let mut fragment_end = 0;
    let mut placeholder: Option<Placeholder> = None;
    let bytes = source.as_bytes();
    let mut i = 0;
    let mut in_class = false;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'\\' => {
                // Copy the escape and the escaped character whole (it may be multi-byte).
                let next_len = source
                    .get(i + 1..)
                    .and_then(|r| r.chars().next())
                    .map_or(0, char::len_utf8);
                // Word boundaries are ASCII-only: Unicode `\b` sends the regex crate to a
                // slow engine at every curly quote, and news text is full of them.
                match (source.get(i + 1..i + 1 + next_len).unwrap_or(""), in_class) {
                    ("b", false) => out.push_str(r"(?-u:\b)"),
                    ("B", false) => out.push_str(r"(?-u:\B)"),
                    _ => out.push_str(source.get(i..i + 1 + next_len).unwrap_or("")),
                }
                i += 1 + next_len;
                continue;
            }
            b'[' if !in_class => in_class = true,
            b']' if in_class => in_class = false,
            b' ' if !in_class => {
                while i < bytes.len() && bytes[i] == b' ' {
                    i += 1;
                }
                out.push_str(r"\s+");
                continue;
            }
            b'{' if !in_class => {
                let rest = source.get(i + 1..).unwrap_or("");
                let name_len = rest
                    .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
                    .unwrap_or(rest.len());
                let (name, after) = rest.split_at(name_len);
                let closed = after.starts_with('}');
                let is_repetition = name.chars().all(|ch| ch.is_ascii_digit()) || !closed;
                if !is_repetition
                    && name
                        .chars()
                        .next()
                        .is_some_and(|ch| ch.is_ascii_alphabetic())
                {
                    let Some(&(_, p)) = Placeholder::ALL.iter().find(|(n, _)| *n == name) else {
                        let names: Vec<&str> = Placeholder::ALL.iter().map(|(n, _)| *n).collect();
                        return Err(PatternError {
                            offset: i,
                            message: format!("unknown placeholder {{{name}}}"),
                            help: Some(match super::did_you_mean(name, &names) {
                                Some(s) => format!("did you mean {{{s}}}?"),
                                None => format!(
                                    "placeholders are {}",
                                    names
                                        .iter()
                                        .map(|n| format!("{{{n}}}"))
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                ),
                            }),
                        });
                    };
                    if placeholder.is_some() {
                        return Err(PatternError {
                            offset: i,
                            message:
                                "a pattern may hold only one placeholder: it marks the fact's value"
                                    .into(),
                            help: Some("split it into two patterns".into()),
                        });
                    }
                    placeholder = Some(p);
                    out.push_str("(?P<value>");
                    stand_in.push_str(&out);
                    stand_in.push_str(STAND_IN);
                    out.push_str(p.fragment());
                    // The rest of `stand_in` is the rest of `out`, from here.
                    fragment_end = out.len();
                    out.push(')');
                    i += name_len + 2;
                    continue;
                }
            }
            _ => {}
        }
        let ch_len = source
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8);
        out.push_str(source.get(i..i + ch_len).unwrap_or(""));
        i += ch_len;
    }
    out.push(')');
    if source.contains("(?P<value>") || source.contains("(?<value>") {
        return Err(PatternError {
            offset: source.find("<value>").unwrap_or(0),
            message: "the group name `value` is reserved for the placeholder".into(),
            help: None,
        });
    }
    let rest = out.get(fragment_end..).unwrap_or("");
    stand_in.push_str(rest);
    // Checked with the stand-in, compiled later.
    let checked = placeholder.filter(|_| !sets_flags(source)).and_then(|_| {
        let re = RegexBuilder::new(&stand_in)
            .size_limit(STAND_IN_LIMIT)
            .build()
            .ok()?;
        let hir = regex_syntax::Parser::new().parse(&stand_in).ok()?;
        if repeats_value(&hir, false) {
            return None;
        }
        let value_group = re.capture_names().position(|n| n == Some("value"));
        Some((value_group, hir.properties().minimum_len() == Some(0)))
    });
    let regex = Arc::new(OnceLock::new());
    let (value_group, matches_empty) = match checked {
        Some(found) => found,
        None => {
            let re = build(&out).map_err(|e| regex_error(source, e))?;
            let value_group =
                placeholder.and_then(|_| re.capture_names().position(|n| n == Some("value")));
            let empty = regex_syntax::Parser::new()
                .parse(&out)
                .map(|hir| hir.properties().minimum_len() == Some(0))
                .unwrap_or(false);
            let _ = regex.set(Some(re));
            (value_group, empty)
        }
    };
    let (before, after) = match placeholder {
        Some(p) => (
            out.get(..fragment_end - p.fragment().len())
                .unwrap_or("")
                .to_string(),
            rest.to_string(),
        ),
        None => (out.clone(), String::new()),
    };
    Ok(Pattern {
        source: source.to_string(),
        placeholder,
        before,
        after,
        regex,
        ascii: Arc::new(OnceLock::new()),
        value_group,
        matches_empty,
    })
}

/// Does the source set flags (`(?x)`, `(?-i:…)`, `(?u)`…), which would apply to the
/// placeholder's fragment too?
fn sets_flags(source: &str) -> bool {
    source.match_indices("(?").any(|(i, _)| {
        source
            .get(i + 2..)
            .is_some_and(|r| r.starts_with(|c: char| "imsRUux-".contains(c)))
    })
}

/// Is the `value` group inside a repetition that may copy it more than once?
fn repeats_value(hir: &Hir, repeated: bool) -> bool {
    match hir.kind() {
        HirKind::Capture(c) if c.name.as_deref() == Some("value") => repeated,
        HirKind::Capture(c) => repeats_value(&c.sub, repeated),
        HirKind::Repetition(r) => repeats_value(&r.sub, repeated || r.max != Some(1)),
        HirKind::Concat(hs) | HirKind::Alternation(hs) => {
            hs.iter().any(|h| repeats_value(h, repeated))
        }
        _ => false,
    }
}

fn regex_error(source: &str, e: regex::Error) -> PatternError {
    match e {
        regex::Error::CompiledTooBig(limit) => PatternError {
            offset: 0,
            message: format!(
                "pattern is too large: it compiles to more than {} MiB",
                limit / (1024 * 1024)
            ),
            help: Some("use fewer or shorter alternatives, or bounded repetitions".into()),
        },
        other => {
            // The regex crate's message quotes the (expanded) pattern; keep its last line,
            // which says what is wrong.
            let msg = other.to_string();
            let last = msg
                .lines()
                .rev()
                .find(|l| l.starts_with("error:"))
                .unwrap_or("invalid regular expression")
                .trim_start_matches("error: ")
                .to_string();
            PatternError {
                offset: guess_offset(source),
                message: format!("bad pattern: {last}"),
                help: Some("patterns are regular expressions (Rust regex syntax); escape ( ) [ ] { } with \\ to match them literally".into()),
            }
        }
    }
}

/// Where an unbalanced bracket probably is, for the caret; 0 when unknown.
fn guess_offset(source: &str) -> usize {
    let mut stack = Vec::new();
    let mut escaped = false;
    for (i, c) in source.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '(' | '[' => stack.push(i),
            ')' | ']' if stack.pop().is_none() => return i,
            _ => {}
        }
    }
    stack.first().copied().unwrap_or(0)
}

/// A list of words or phrases matched as whole words, case-insensitively. A trailing `*`
/// matches any word ending (`Valdor*` → Valdor, Valdorans, Valdoria, Valdorian); `|`
/// inside one entry separates alternatives.
///
/// Like a [`Pattern`]'s, its regex compiles on first use (a `*` brings in Unicode's word
/// class, some kilobytes of program), except for a long list, compiled at once so that a
/// list too big to compile is an error at load: a list of at most [`LAZY_WORDS`] words and
/// [`LAZY_TEXT`] bytes of regex always compiles (a test checks it).
#[derive(Debug, Clone)]
pub struct WordSet {
    pub words: Vec<String>,
    /// The regex text.
    source: String,
    regex: Arc<OnceLock<Option<Regex>>>,
}

/// Lists up to this many words, and [`LAZY_TEXT`] bytes of regex, compile on first use.
pub const LAZY_WORDS: usize = 32;
/// See [`LAZY_WORDS`].
pub const LAZY_TEXT: usize = 2048;

fn build_words(re: &str) -> Result<Regex, PatternError> {
    RegexBuilder::new(re)
        .size_limit(SIZE_LIMIT)
        .build()
        .map_err(|e| PatternError {
            offset: 0,
            message: format!("bad word list: {e}"),
            help: None,
        })
}

impl WordSet {
    pub fn new<S: AsRef<str>>(entries: &[S]) -> Result<WordSet, PatternError> {
        let mut alts = Vec::new();
        let mut words = Vec::new();
        for e in entries {
            for w in e.as_ref().split('|') {
                let w = w.trim();
                if w.is_empty() {
                    return Err(PatternError {
                        offset: 0,
                        message: "empty word".into(),
                        help: None,
                    });
                }
                words.push(w.to_string());
                alts.push(word_regex(w));
            }
        }
        let source = format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", alts.join("|"));
        let regex = Arc::new(OnceLock::new());
        if words.len() > LAZY_WORDS || source.len() > LAZY_TEXT {
            let _ = regex.set(Some(build_words(&source)?));
        }
        Ok(WordSet {
            words,
            source,
            regex,
        })
    }

    /// The list's regex, compiled on first use; None only if it does not compile, which
    /// [`WordSet::new`] rules out.
    pub fn regex(&self) -> Option<&Regex> {
        self.regex
            .get_or_init(|| build_words(&self.source).ok())
            .as_ref()
    }

    /// The regex text.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// A regex that matches wherever the list's regex does, and maybe elsewhere: the first
    /// word of each entry, case-insensitively, without its `*`, its word boundaries and its
    /// later words. Cheap to compile by the thousand into one set, for a gate that tells
    /// where a list cannot match.
    pub fn gate(&self) -> String {
        let firsts: Vec<String> = self
            .words
            .iter()
            .map(|w| {
                let first = w.split_whitespace().next().unwrap_or("");
                regex::escape(first.strip_suffix('*').unwrap_or(first))
            })
            .collect();
        format!("(?i)(?:{})", firsts.join("|"))
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.regex().is_some_and(|r| r.is_match(text))
    }
}

/// One word or phrase as a regex: literal text, spaces match any white space, `*` at the
/// end of a word matches any word ending.
fn word_regex(w: &str) -> String {
    w.split_whitespace()
        .map(|part| match part.strip_suffix('*') {
            Some(stem) => format!(r"{}\w*", regex::escape(stem)),
            None => regex::escape(part),
        })
        .collect::<Vec<_>>()
        .join(r"\s+")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_match_line_breaks_and_case_is_ignored() {
        let p = compile("Russian troops").unwrap();
        assert!(p.regex().unwrap().is_match("russian\n  TROOPS"));
        assert!(p.placeholder.is_none());
    }

    #[test]
    fn date_patterns_get_an_ascii_twin_and_the_value_group_is_found() {
        let p = compile("talks (?:on )?{date}").unwrap();
        assert_eq!(p.value_group(), Some(1));
        let twin = p.regex_for(false).unwrap();
        assert!(!std::ptr::eq(twin, p.regex().unwrap()));
        assert!(std::ptr::eq(p.regex_for(true).unwrap(), p.regex().unwrap()));
        let text = "“The talks on Monday,” he said";
        let caps = twin.captures(text).unwrap();
        assert_eq!(&caps[1], "Monday");
        assert_eq!(&caps[0], "talks on Monday");
        // `{number}` has ASCII boundaries already: no twin.
        let n = compile("(troops) {number}").unwrap();
        assert_eq!(n.value_group(), Some(2));
        assert!(std::ptr::eq(
            n.regex_for(false).unwrap(),
            n.regex().unwrap()
        ));
        assert_eq!(compile("no placeholder").unwrap().value_group(), None);
    }

    #[test]
    fn fragments_compile_within_a_quarter_of_the_limit_without_groups_or_empty_matches() {
        // What lets `compile` check a pattern with the stand-in and compile it later.
        for (_, p) in Placeholder::ALL {
            for fragment in [p.fragment(), p.ascii_fragment()] {
                let whole = format!("(?i)(?:(?P<value>{fragment}))");
                let re = RegexBuilder::new(&whole)
                    .size_limit(SIZE_LIMIT / 4)
                    .build()
                    .expect("within a quarter of the limit");
                assert_eq!(re.captures_len(), 2, "{p:?}: no groups of its own");
                let hir = regex_syntax::Parser::new().parse(&whole).unwrap();
                assert!(hir.properties().minimum_len().unwrap_or(0) >= 1, "{p:?}");
            }
        }
    }

    #[test]
    fn patterns_compile_on_first_use_and_answer_as_if_compiled_at_once() {
        for source in [
            "{number} (?:[\\w-]+ ){0,2}?(?:troops|tanks)\\b",
            "(talks) (?:on )?{date}",
            "(?:grew|rose)? {number}?",
            "(a)(b)(c)? {number} (d)",
            "{date},? (?:the )?vote",
        ] {
            let p = compile(source).unwrap();
            assert!(!p.is_compiled(), "{source}");
            let re = p.regex().unwrap();
            assert!(p.is_compiled());
            assert_eq!(re.as_str(), p.expanded(false));
            let at_once = re.capture_names().position(|n| n == Some("value"));
            assert_eq!(p.value_group(), at_once, "{source}");
            let empty = regex_syntax::Parser::new()
                .parse(re.as_str())
                .unwrap()
                .properties()
                .minimum_len()
                == Some(0);
            assert_eq!(p.matches_empty(), empty, "{source}");
        }
        assert!(compile("(?:grew )?{number}?").unwrap().matches_empty());
        assert!(!compile("(?:grew)? {number}?").unwrap().matches_empty());
        // Compiled at once: flags would read the fragment differently, a repeated
        // placeholder holds several copies, a pattern without one is small.
        for source in ["(?x){number} troops", "(?:{number} and ){2}", "troops"] {
            assert!(compile(source).unwrap().is_compiled(), "{source}");
        }
        // Clones share the compiled regex.
        let p = compile("{number} troops").unwrap();
        let q = p.clone();
        assert!(std::ptr::eq(p.regex().unwrap(), q.regex().unwrap()));
    }

    #[test]
    fn repetitions_are_not_placeholders() {
        let p = compile(r"a{2} b{1,3}").unwrap();
        assert!(p.regex().unwrap().is_match("aa bbb"));
    }

    #[test]
    fn unknown_placeholder_suggests_the_near_one() {
        let e = compile("{numbr} troops").unwrap_err();
        assert_eq!(e.offset, 0);
        assert!(e.message.contains("{numbr}"));
        assert_eq!(e.help.as_deref(), Some("did you mean {number}?"));
    }

    #[test]
    fn two_placeholders_are_refused() {
        let e = compile("{number} and {number}").unwrap_err();
        assert_eq!(e.offset, 13);
    }

    #[test]
    fn unbalanced_group_is_reported_at_the_bracket() {
        let e = compile("troops (in Valdoria").unwrap_err();
        assert!(e.message.starts_with("bad pattern"), "{}", e.message);
        assert_eq!(e.offset, 7);
    }

    #[test]
    fn a_huge_pattern_is_refused_with_a_clear_message() {
        let e = compile("(?:a{1000}){1000} {number}").unwrap_err();
        assert_eq!(
            e.message,
            "pattern is too large: it compiles to more than 16 MiB"
        );
        assert!(e.help.is_some());
    }

    #[test]
    fn spaces_in_patterns_and_words_match_no_break_and_thin_spaces() {
        let p = compile("Russian troops").unwrap();
        for s in ["\u{a0}", "\u{2009}", "\u{202f}", "\u{3000}", "\r\n"] {
            assert!(
                p.regex().unwrap().is_match(&format!("Russian{s}troops")),
                "{s:?}"
            );
        }
        let w = WordSet::new(&["border guard"]).unwrap();
        assert!(w.is_match("border\u{a0}guard"));
    }

    #[test]
    fn the_longest_lazy_word_list_compiles_well_within_the_limit() {
        let word = "Ab*";
        let n = LAZY_WORDS;
        let entries: Vec<String> = (0..n).map(|i| format!("{word}{i}*")).collect();
        let w = WordSet::new(&entries).unwrap();
        assert!(w.as_str().len() <= LAZY_TEXT);
        // The most `\w*` per byte a list within the bounds can hold: one per word, words of
        // a few letters, and as many bytes of literal text as the bound allows besides.
        let long = format!("{}*", "é".repeat(LAZY_TEXT / 2 - 40));
        for re in [
            w.as_str().to_string(),
            WordSet::new(&[long]).unwrap().as_str().to_string(),
        ] {
            RegexBuilder::new(&re)
                .size_limit(SIZE_LIMIT / 4)
                .build()
                .expect("within a quarter of the limit");
        }
    }

    #[test]
    fn word_set_gates_match_wherever_the_list_does() {
        let w = WordSet::new(&["Valdor*", "border guard|frontier"]).unwrap();
        let gate = Regex::new(&w.gate()).unwrap();
        for text in [
            "in VALDORIA",
            "the border\nguard",
            "a frontier",
            "bordering",
            "valdor",
        ] {
            assert!(!w.is_match(text) || gate.is_match(text), "{text}");
        }
        assert!(gate.is_match("bordering") && !w.is_match("bordering"));
        assert!(!gate.is_match("Morvania"));
    }

    #[test]
    fn word_sets_match_whole_words_and_stars() {
        let w = WordSet::new(&["Valdor*", "border guard"]).unwrap();
        assert!(w.is_match("in Valdoria"));
        assert!(w.is_match("the Border\nguard"));
        assert!(!w.is_match("a Kazak"));
        let w = WordSet::new(&["withdrawn"]).unwrap();
        assert!(!w.is_match("withdraw 10,000"));
    }
}
