//! The date reader on an arbitrary sentence and publication date: `find_dates` and
//! `resolve` never panic, found ranges slice the sentence, and resolving a found range with
//! only itself in scope gives what the reader found there.
#![no_main]

use arbitrary::Arbitrary;
use crosscheck::read::date::{self, DateContext, NumericOrder};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input<'a> {
    sentence: &'a str,
    /// Days from 1900-01-01; `None` is an article without a date.
    published: Option<u16>,
    order: u8,
    at: (u16, u16),
}

fuzz_target!(|input: Input| {
    let published = input.published.and_then(|d| {
        jiff::civil::date(1900, 1, 1)
            .checked_add(jiff::Span::new().days(i64::from(d)))
            .ok()
    });
    let ctx = DateContext {
        published,
        numeric_order: match input.order % 3 {
            0 => None,
            1 => Some(NumericOrder::DayMonth),
            _ => Some(NumericOrder::MonthDay),
        },
        anchor: None,
    };
    let s = input.sentence;
    for (r, v) in date::find_dates(s, &ctx) {
        assert!(
            s.get(r.clone()).is_some(),
            "{r:?} does not slice the sentence"
        );
        // The resolver extraction calls agrees with the reader on the reader's range.
        let again = date::resolve_scoped(s, r.clone(), r.clone(), &ctx);
        assert_eq!(again.as_ref().ok(), v.as_ref().ok(), "{r:?} in {s:?}");
        if let Ok(v) = v {
            let _ = (v.canonical(), v.describe());
        }
        // Resolving the found range on its own must not panic either.
        let _ = date::resolve(s, r, &ctx);
    }
    // Any range, even a bad one, is an error at worst.
    let (a, b) = (usize::from(input.at.0), usize::from(input.at.1));
    let _ = date::resolve(s, a.min(b)..a.max(b), &ctx);
    let _ = date::tense_cue(s, a.min(b)..a.max(b));
});
