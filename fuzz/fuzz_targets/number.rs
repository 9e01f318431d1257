//! The number reader on arbitrary text: `parse_amount` and `find_amounts` never
//! panic, found ranges are in bounds, on character boundaries, in order and disjoint, and
//! every value found is an interval with lo <= hi.
#![no_main]

use crosscheck::read::number::{find_amounts, parse_amount};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Some(q) = parse_amount(text) {
        let (lo, hi) = q.quantity.bounds();
        assert!(lo <= hi || lo.is_nan() || hi.is_nan(), "{q:?}");
        let _ = q.canonical();
    }
    let mut last_end = 0;
    for (r, q) in find_amounts(text) {
        assert!(
            r.start >= last_end && r.start < r.end && r.end <= text.len(),
            "{r:?}"
        );
        assert!(text.get(r.clone()).is_some(), "{r:?} off a char boundary");
        last_end = r.end;
        let (lo, hi) = q.quantity.bounds();
        assert!(lo <= hi || lo.is_nan() || hi.is_nan(), "{q:?}");
    }
});
