//! crosscheck: where news sources disagree on the checkable details of one story.
//!
//! The data flows one way, and each stage owns its types:
//!
//! ```text
//!  rules/*.toml ──► rules::load ──► RuleSet ─┐
//!                                            ├─► extract ──► Observation ──► compare ──► Finding ──► report
//!  corpus/*.txt ──► corpus::load ──► Article ┘    (file, byte span, value)    (agree / loose /       (text, csv,
//!                                                                               conflict / …)          json, …)
//! ```
//!
//! Byte spans travel from extraction to the report; [`span::LineIndex`] turns them into
//! line:column only when a report is written. [`pipeline::check`] runs the flow: it places
//! each article's finds ([`placed`]) while the article is read, then drops the text, so a
//! run never holds the corpus. The library never prints: it returns values and typed
//! errors, and the CLI ([`cli`]) decides what to show and which exit code to use.

pub mod baseline;
pub mod cli;
pub mod compare;
pub mod corpus;
pub mod discover;
pub mod extract;
pub mod lint;
pub mod pipeline;
pub mod placed;
pub mod read;
pub mod report;
pub mod rules;
pub mod ruletest;
pub mod span;
pub mod text;
