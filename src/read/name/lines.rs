//! The words of a text handed to a pass a line at a time, or on a long line in batches of
//! bounded size, with whether the line is a title-case headline.

use super::lists::{CONNECTOR, STOP};
use super::scan::Scanner;
use super::word::{Word, make_word};

/// Lines longer than this many content words (not numbers, connectors or stop words) are
/// running text, not headlines.
const HEADLINE_MAX_WORDS: usize = 15;

/// Title-case lines (headlines, bylines, "Publication: Northern Review Weekly Volume: 12")
/// capitalise common words; there only words known as names from running text count. A
/// line is headline-like when it has no full stop or exclamation mark and 3 to 15 content
/// words, three quarters of them capitalised. Counted word by word, so a line is known
/// not to be one as soon as it has a full stop or a sixteenth content word.
#[derive(Debug, Clone, Copy, Default)]
struct LineCount {
    content: usize,
    caps: usize,
    has_stop: bool,
}

impl LineCount {
    fn add(&mut self, w: &Word) {
        if !w.numeric && !w.is(CONNECTOR | STOP) {
            self.content += 1;
            if w.cap {
                self.caps += 1;
            }
        }
    }

    /// Known not to be headline-like, whatever the rest of the line holds.
    fn settled(&self) -> bool {
        self.has_stop || self.content > HEADLINE_MAX_WORDS
    }

    /// Headline-like, once the whole line is counted.
    fn headline(&self) -> bool {
        !self.has_stop
            && (3..=HEADLINE_MAX_WORDS).contains(&self.content)
            && self.caps * 4 >= self.content * 3
    }
}

/// Whether the gap between two words holds a line break, and a full stop or exclamation
/// mark (ASCII bytes, so the gap can be read as bytes).
fn gap_marks(text: &str, from: usize, to: usize) -> (bool, bool) {
    let gap = text.as_bytes().get(from..to).unwrap_or_default();
    (
        gap.contains(&b'\n'),
        gap.iter().any(|&b| b == b'.' || b == b'!'),
    )
}

/// Only spaces (no line break, no punctuation) between two words.
pub(super) fn joined_by_space(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to)
        .is_some_and(|g| !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '\t'))
}

/// No name runs from `a` into the next word `b`: what the reader decides at `b` does not
/// depend on any word before `a`. Either nothing joins them, or `b` is a lowercase word that
/// cannot be inside a name, which ends any run before it.
fn run_breaks(text: &str, a: &Word, b: &Word) -> bool {
    a.ends_seq || !joined_by_space(text, a.end, b.start) || (!b.cap && !b.is(CONNECTOR))
}

/// Words handed to a pass: `words[from..to]` are read; `words[from - 1]` (when `from > 0`)
/// is the word before them and `words[to]` (when there is one) the word after, there for
/// context only. A batch never starts or ends inside a run of name words, and all its words
/// are on one line.
pub(super) struct Batch<'a, 'b> {
    pub(super) text: &'a str,
    pub(super) words: &'b [Word],
    /// The lowercase forms the words' `lower` ranges point into.
    pub(super) lower: &'b str,
    pub(super) from: usize,
    pub(super) to: usize,
    /// The line is headline-like.
    pub(super) headline: bool,
}

impl<'b> Batch<'_, 'b> {
    pub(super) fn lower(&self, w: &Word) -> &'b str {
        self.lower.get(w.lower.clone()).unwrap_or_default()
    }
}

/// How many words a pass is given at a time on a long line, once the line is known not to
/// be a headline, and how many words of a line may wait for that to be known before the
/// rest of the line is read ahead. The reader's memory is bounded by these, not by the
/// length of a line (a name run longer than a batch is kept whole).
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits {
    pub(super) batch: usize,
    pub(super) undecided: usize,
}

pub(super) const LIMITS: Limits = Limits {
    batch: 256,
    undecided: 1024,
};

/// A buffer of words with their lowercase forms, reused from line to line.
#[derive(Default)]
struct Buffer {
    words: Vec<Word>,
    lower: String,
}

impl Buffer {
    /// Hands the words from `from` to the last one (which stays as the next batch's
    /// context) to `pass`, then keeps only the last two words.
    fn hand_over<'a>(
        &mut self,
        text: &'a str,
        from: usize,
        headline: bool,
        pass: &mut impl FnMut(&Batch<'a, '_>),
    ) {
        pass(&Batch {
            text,
            words: &self.words,
            lower: &self.lower,
            from,
            to: self.words.len().saturating_sub(1),
            headline,
        });
        self.keep_last(2);
    }

    /// Drops all but the last `keep` words, moving their lowercase forms to the front.
    fn keep_last(&mut self, keep: usize) {
        let drop = self.words.len().saturating_sub(keep);
        if drop == 0 {
            return;
        }
        self.words.drain(..drop);
        let base = self
            .words
            .first()
            .map_or(self.lower.len(), |w| w.lower.start);
        self.lower.drain(..base);
        for w in &mut self.words {
            w.lower = w.lower.start - base..w.lower.end - base;
        }
    }
}

/// Reads the words of `text` from `body_start` and hands them to `pass` a line (or, on a
/// long line, a batch) at a time, in order. `starts` are sorted sentence starts. Memory:
/// one line's words, or [`LIMITS`] on a long line.
pub(super) fn read_words<'a>(
    text: &'a str,
    body_start: usize,
    starts: &[usize],
    limits: Limits,
    mut pass: impl FnMut(&Batch<'a, '_>),
) {
    let mut buf = Buffer::default();
    // 1 when `buf.words[0]` is the word before the line or batch (context), else 0.
    let mut ctx = 0;
    let mut line = LineCount::default();
    // Whether the current line is headline-like, once known before its end.
    let mut decided: Option<bool> = None;
    let mut cursor = 0;
    let mut prev_raw_end: Option<usize> = None;
    let mut scanner = Scanner::new(text, body_start);
    while let Some(found) = scanner.next() {
        let Some(mut w) = make_word(text, found, &mut buf.lower) else {
            continue;
        };
        let mut new_line = false;
        w.initial = match prev_raw_end {
            None => true,
            Some(from) => {
                let (line_break, stop) = gap_marks(text, from, w.start);
                // The gap after a word counts for that word's line.
                line.has_stop |= stop;
                new_line = line_break;
                while starts.get(cursor).is_some_and(|&s| s < from) {
                    cursor += 1;
                }
                line_break || starts.get(cursor).is_some_and(|&s| s <= w.start)
            }
        };
        prev_raw_end = Some(w.raw_end);
        buf.words.push(w);
        if new_line {
            let headline = decided.unwrap_or_else(|| line.headline());
            buf.hand_over(text, ctx, headline, &mut pass);
            ctx = 1;
            line = LineCount::default();
            decided = None;
        }
        let n = buf.words.len();
        if decided.is_none()
            && let Some(w) = buf.words.last()
        {
            line.add(w);
            if line.settled() {
                decided = Some(false);
            } else if n - ctx > limits.undecided {
                decided = Some(read_ahead(text, scanner.clone(), w.raw_end, line));
            }
        }
        // A long line known not to change its mind: hand over what is read, up to a
        // place where no name runs on.
        if let Some(headline) = decided
            && n - ctx > limits.batch
            && n >= 2
            && n - 2 >= ctx
            && run_breaks(text, &buf.words[n - 2], &buf.words[n - 1])
        {
            buf.hand_over(text, ctx, headline, &mut pass);
            ctx = 1;
        }
    }
    if let Some(from) = prev_raw_end {
        line.has_stop |= gap_marks(text, from, text.len()).1;
    }
    pass(&Batch {
        text,
        words: &buf.words,
        lower: &buf.lower,
        from: ctx,
        to: buf.words.len(),
        headline: decided.unwrap_or_else(|| line.headline()),
    });
}

/// Whether the line being read is headline-like, reading on (without keeping the words)
/// to its end or until the count settles. `line` counts the words up to the one that ends
/// at `raw_end`.
fn read_ahead(text: &str, scanner: Scanner, mut raw_end: usize, mut line: LineCount) -> bool {
    let mut lower = String::new();
    for found in scanner {
        lower.clear();
        let Some(w) = make_word(text, found, &mut lower) else {
            continue;
        };
        let (line_break, stop) = gap_marks(text, raw_end, w.start);
        line.has_stop |= stop;
        if line_break {
            return line.headline();
        }
        line.add(&w);
        if line.settled() {
            return false;
        }
        raw_end = w.raw_end;
    }
    line.has_stop |= gap_marks(text, raw_end, text.len()).1;
    line.headline()
}
