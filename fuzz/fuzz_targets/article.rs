//! Front matter and article reading on arbitrary bytes: `Article::from_bytes` returns an
//! article or a problem, never panics, and every span it builds lies on character
//! boundaries inside the text.
#![no_main]

use std::path::Path;

use crosscheck::corpus::Article;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    match Article::from_bytes(Path::new("fuzz.txt"), bytes) {
        Ok(a) => {
            assert!(a.body_start <= a.text.len());
            assert!(a.text.is_char_boundary(a.body_start));
            for s in a.sentences.iter().chain(&a.paragraphs) {
                assert!(s.start <= s.end && s.end <= a.text.len());
                assert!(
                    a.text.get(s.start..s.end).is_some(),
                    "span {s:?} off a char boundary"
                );
                let p = a.position(s.start);
                assert!(p.line >= 1 && p.column >= 1);
            }
            let _ = a.body();
        }
        Err(p) => {
            let _ = p.to_string();
        }
    }
});
