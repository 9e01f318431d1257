//! Saved web pages and feeds on arbitrary bytes (the first byte picks the format): reading
//! gives articles or problems, never panics, and every article read has its spans on
//! character boundaries and a line and column for each.
#![no_main]

use std::path::PathBuf;

use crosscheck::corpus::{self, Format, Input, ReadOptions, Recurring};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let format = match pick % 3 {
        0 => Format::Html,
        1 => Format::Jsonl,
        _ => Format::Csv,
    };
    let input = Input {
        path: PathBuf::from("fuzz"),
        name: "fuzz".into(),
        format,
    };
    let options = ReadOptions {
        max_bytes: 1 << 20,
        ..ReadOptions::default()
    };
    let decoded = corpus::decode_bytes(&input, bytes.to_vec(), &options);
    let keys: Vec<corpus::LineKeys> = decoded
        .iter()
        .flatten()
        .map(corpus::Decoded::line_keys)
        .collect();
    let recurring = Recurring::from_articles(&keys);
    for d in decoded {
        match d.and_then(|d| d.into_article(Some(&recurring))) {
            Ok(a) => {
                assert!(a.text.is_char_boundary(a.body_start));
                for s in a.sentences.iter().chain(&a.paragraphs) {
                    assert!(a.text.get(s.start..s.end).is_some(), "span {s:?}");
                    let p = a.position(s.start);
                    assert!(p.line >= 1 && p.column >= 1);
                }
            }
            Err(p) => {
                let _ = p.to_string();
            }
        }
    }
});
