//! The quote extractor on arbitrary text: `extract_quotes` never panics and every
//! quotation's span slices the text inside the body. The module is compiled here from its
//! source file, so the target does not depend on how the library wires it.
#![no_main]

#[allow(dead_code, unused_imports)]
#[path = "../../src/extract/quote.rs"]
mod quote;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    text: &'a str,
    body_start: u16,
}

fuzz_target!(|input: Input| {
    let text = input.text;
    // A body start as the article gives one: inside the text, on a character boundary.
    let mut body_start = usize::from(input.body_start).min(text.len());
    while !text.is_char_boundary(body_start) {
        body_start -= 1;
    }
    for q in quote::extract_quotes(text, body_start) {
        assert!(
            text.get(q.span.clone()).is_some(),
            "{:?} does not slice the text",
            q.span
        );
        assert!(
            q.span.start >= body_start,
            "{:?} starts before the body",
            q.span
        );
    }
});
