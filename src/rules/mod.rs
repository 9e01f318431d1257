//! Rule files: what a story's comparable facts are and how to find them.
//!
//! First stage of the flow (**rules** + articles → extract → compare → report). A rule file
//! is TOML (see docs/rules.md). It is read in two steps, as ast-grep does: serde structs that
//! mirror the file ([`raw`]), then [`validate`] into the runtime [`Fact`]s, which hold
//! compiled patterns and reject what serde cannot (unknown kinds, bad patterns, duplicate
//! ids). Every error names the file, line and column, and says how to fix it.

// A rule error is built at most once per run, on the way out; its size on the error path
// costs nothing worth a Box.
#![allow(clippy::result_large_err)]

mod error;
mod fact;
mod kind;
mod load;
pub mod pattern;
pub mod raw;
mod validate;

use std::path::PathBuf;

pub(crate) use error::Locator;
pub use error::{RuleError, did_you_mean};
pub use fact::{EntityRule, Example, Expected, Fact, NO_MATCH, RuleLocation, Scope, SpeakerRule};
pub use kind::{FactKind, Kind, Precision, TermClass, Tolerance};
pub use load::{io_error, load, parse, parse_each, read_text, rule_files};
pub use pattern::{Pattern, PatternError, Placeholder, WordSet};
pub use validate::{validate, validate_each};

/// Every rule file of a run, merged.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub files: Vec<PathBuf>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub facts: Vec<Fact>,
    pub speakers: Vec<SpeakerRule>,
    pub entities: Vec<EntityRule>,
    /// The facts were discovered from the articles (`crate::discover`), not named by a
    /// rule file: reports mark them so.
    pub discovered: bool,
}

impl RuleSet {
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id == id)
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn err(text: &str) -> RuleError {
        parse(Path::new("r.toml"), text).unwrap_err()
    }

    const GOOD: &str = r#"
[story]
title = "T"

[[fact]]
id = "a.troops"
label = "Troops"
kind = "quantity"
context = ["Valdor*"]
patterns = ['{number} troops']
tolerance = "5%"
"#;

    #[test]
    fn a_good_file_validates() {
        let set = parse(Path::new("r.toml"), GOOD).unwrap();
        assert_eq!(set.title.as_deref(), Some("T"));
        let f = &set.facts[0];
        assert!(matches!(
            f.kind,
            FactKind::Quantity {
                tolerance: Tolerance::Relative(0.05),
                margin: Tolerance::Relative(0.10),
                ..
            }
        ));
        assert_eq!(f.location.line, 6);
    }

    #[test]
    fn toml_syntax_error_has_line_and_column() {
        let e = err("[[fact]]\nid = \"x\nlabel = \"y\"\n");
        assert_eq!(e.line, Some(2));
        assert!(e.render().contains('^'), "{}", e.render());
    }

    #[test]
    fn unknown_key_suggests_the_right_one() {
        let e = err(
            "[[fact]]\nid = \"x\"\nlabel = \"y\"\nkind = \"quantity\"\ncontxt = [\"a\"]\nunits=[\"t\"]\n",
        );
        assert_eq!(e.line, Some(5));
        assert_eq!(e.help.as_deref(), Some("did you mean `context`?"));
    }

    #[test]
    fn unknown_kind_is_pointed_at() {
        let e = err("[[fact]]\nid = \"x\"\nlabel = \"y\"\nkind = \"quantiy\"\n");
        assert_eq!((e.line, e.column), (Some(4), Some(8)));
        assert_eq!(e.help.as_deref(), Some("did you mean `quantity`?"));
    }

    #[test]
    fn duplicate_id_is_refused() {
        let text = format!(
            "{GOOD}\n[[fact]]\nid = \"a.troops\"\nlabel = \"again\"\nkind = \"quantity\"\nunits = [\"x\"]\n"
        );
        let e = err(&text);
        assert!(e.message.contains("duplicate fact id `a.troops`"));
        assert_eq!(e.line, Some(14));
    }

    #[test]
    fn bad_pattern_points_into_the_string() {
        let e = err(
            "[[fact]]\nid = \"x\"\nlabel = \"y\"\nkind = \"quantity\"\npatterns = ['{number} (troops']\n",
        );
        assert_eq!(e.line, Some(5));
        // The caret sits on the unbalanced bracket: column of `(` inside the literal string.
        assert_eq!(e.column, Some(23));
    }

    #[test]
    fn quantity_pattern_without_number_is_refused() {
        let e = err(
            "[[fact]]\nid = \"x\"\nlabel = \"y\"\nkind = \"quantity\"\npatterns = ['troops']\n",
        );
        assert!(e.message.contains("{number}"), "{}", e.message);
    }

    #[test]
    fn units_make_a_default_pattern() {
        let set = parse(
            Path::new("r.toml"),
            "[[fact]]\nid = \"x\"\nlabel = \"y\"\nkind = \"quantity\"\nunits = [\"troops\", \"soldiers\"]\n",
        )
        .unwrap();
        let re = set.facts[0].patterns[0].regex().unwrap();
        let caps = re.captures("sent about 2,000 Russian soldiers").unwrap();
        assert_eq!(&caps["value"], "about 2,000");
    }

    #[test]
    fn units_the_reader_knows_keep_values_in_them() {
        let set = parse(
            Path::new("r.toml"),
            "[[fact]]\nid = \"x\"\nlabel = \"y\"\nkind = \"quantity\"\nunits = [\"%\", \"pp\"]\n",
        )
        .unwrap();
        let f = &set.facts[0];
        assert!(matches!(
            &f.kind,
            FactKind::Quantity { units, .. }
                if units == &[crate::read::number::Unit::Percent, crate::read::number::Unit::Points]
        ));
        let re = f.patterns[0].regex().unwrap();
        let caps = re.captures("sales were up 6% at Dorvane").unwrap();
        assert_eq!(&caps["value"], "6%");
    }
}
