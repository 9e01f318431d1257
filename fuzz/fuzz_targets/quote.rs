//! The quotation reader on arbitrary text, read as an article file is (front matter, line
//! ends, hidden characters): `read::quote::quotes_and_names` never panics, every quotation's
//! span slices the article's text inside its body, and every speaker's span slices it too.
#![no_main]

use std::path::Path;

use crosscheck::corpus::Article;
use crosscheck::read::quote;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    // Text that is no article (empty, bad front matter) never reaches the reader in a run.
    let Ok(article) = Article::from_text(Path::new("fuzz.txt"), text.to_string()) else {
        return;
    };
    let text = &article.text;
    let (quotes, _names) = quote::quotes_and_names(&article);
    for q in quotes {
        assert!(
            text.get(q.span.clone()).is_some(),
            "{:?} does not slice the text",
            q.span
        );
        assert!(
            q.span.start >= article.body_start,
            "{:?} starts before the body",
            q.span
        );
        if let Some(span) = q.speaker.and_then(|s| s.span) {
            assert!(text.get(span.clone()).is_some(), "speaker {span:?}");
        }
    }
});
