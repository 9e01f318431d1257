//! Text primitives every reader shares: paragraphs, sentences, words, white space and Unicode
//! character classes.
//!
//! The ground floor of the crate (with [`crate::span`]): it knows nothing of articles, rules
//! or readers, only of text and byte spans into it. What above it cuts text into paragraphs
//! and sentences, counts words or writes a stretch of text on one line calls these functions,
//! so one list says which abbreviations do not end a sentence.
//!
//! - [`ascii`]: whether a text needs the Unicode (slower) form of a pattern.
//! - [`split`]: paragraphs (blank-line separated) and sentences (one abbreviation list).
//! - [`space`]: white space collapsed, with or without a span to follow through it.
//! - [`class`]: Unicode character classes as the regex crate compiles them, and words.
//! - [`list`]: fixed word lists, looked up fast.
//! - [`visible`]: text made safe for a terminal or a log (controls and bidi overrides shown).

pub mod ascii;
pub mod class;
pub mod list;
pub mod space;
pub mod split;
pub mod visible;

pub use class::{class_ranges, has_word, in_ranges, is_word_char, word_count, words};
pub use list::WordList;
pub use space::{collapse, collapse_spaces};
pub use split::{paragraphs, sentences, trim_span};
