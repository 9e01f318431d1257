//! Readers: text in, values out, knowing nothing of rules or extraction.
//!
//! Each reader turns words as a newsroom writes them into a value that can be compared
//! across sources: an amount ([`number`]), a day ([`date`]), the wording of an act and
//! whether it is denied or scare-quoted ([`term`]), the names a text writes ([`name`]),
//! quotations and their speakers ([`quote`], which reads a whole [`crate::corpus::Article`]:
//! attribution needs its paragraphs). Rules use the readers' pattern fragments (`{number}`,
//! `{date}`) and word-class patterns; extraction runs them on the sentences a rule's
//! patterns found. A reader may use the ground-floor [`crate::text`] helpers (and the
//! article it is given) and nothing above them, so it can be tested, fuzzed and benchmarked
//! on its own.

pub mod date;
pub mod name;
pub mod number;
pub mod quote;
pub mod term;
