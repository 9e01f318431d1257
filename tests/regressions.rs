//! Regression tests named for the bug they keep fixed, found by the property tests
//! (tests/properties.rs) and the fuzz targets (fuzz/).

mod common;

use std::path::Path;

use crosscheck::corpus::Article;
use crosscheck::extract;
use crosscheck::rules;

/// Found by `messy_articles_never_panic_and_spans_point_at_their_text`: when an offset
/// phrase moved a date ("ten days after … on December 7" → December 17), the span grew to
/// the phrase but `raw` kept the anchor's words, so `raw != text[span]`.
#[test]
fn offset_date_raw_is_the_words_of_its_span() {
    let rules = rules::load(&[common::root().join("rules")]).unwrap();
    let text = "---\nsource: X\npublished: 2022-01-10\n---\nPutin delivered his ultimatum ten days after his video-conference with US President Joseph Biden on December 7.\n";
    let a = Article::from_text(Path::new("x.txt"), text.to_string()).unwrap();
    let x = extract::extract(&rules, std::slice::from_ref(&a));
    let moved: Vec<_> = x
        .observations
        .iter()
        .filter(|o| o.raw.starts_with("ten days after"))
        .collect();
    assert!(!moved.is_empty(), "{:#?}", x.observations);
    for o in &x.observations {
        assert_eq!(&a.text[o.span.start..o.span.end], o.raw, "{}", o.fact);
    }
}
