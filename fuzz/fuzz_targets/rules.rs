//! The rule loader on arbitrary text: parse + validate must return a rule set or a
//! `RuleError`, never panic, and the rendered error must be printable.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match crosscheck::rules::parse(Path::new("fuzz.toml"), text) {
        Ok(set) => assert!(set.facts.iter().all(|f| !f.id.is_empty())),
        Err(e) => {
            let rendered = e.render();
            assert!(rendered.starts_with("error: "));
        }
    }
});
