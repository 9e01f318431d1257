//! Properties that must hold for any input, checked on generated text (proptest):
//!
//! - reading, extraction, comparison and every report writer never panic, on arbitrary
//!   Unicode, arbitrary bytes, and mixes of real corpus sentences with hostile junk;
//! - every observation's span slices the article text to exactly the words it claims;
//! - the report is the same bytes whatever the order the articles are given in.
//!
//! The last one is written over a list of [`variations`] of one run, so that the thread
//! count can be added as one more variation when the pipeline runs in parallel.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crosscheck::compare;
use crosscheck::corpus::Article;
use crosscheck::extract;
use crosscheck::report::{self, Report};
use crosscheck::rules::{self, RuleSet};
use proptest::prelude::*;

fn bundled_rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| rules::load(&[common::root().join("rules")]).expect("bundled rules"))
}

/// Non-empty lines of the bundled corpus: real sentences with real facts in them.
fn corpus_lines() -> Vec<String> {
    let mut out = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(common::root().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        out.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string),
        );
    }
    out
}

/// Pieces of text that have broken readers before, or could: separators, marks, invisible
/// and wide characters, front matter fences, formulas.
const JUNK: &[&str] = &[
    "2,000",
    "2\u{a0}000",
    "2\u{2009}000",
    "2,\u{200b}000",
    "２，０００",
    "100,000",
    "1,00,000",
    "tens of thousands",
    "about",
    "at least",
    "between 2,000 and",
    "-",
    "–",
    "½",
    "$2.5bn",
    "January 7",
    "Jan.",
    "last Friday",
    "ten days after",
    "10/01/2022",
    "31/02",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "(",
    ")",
    ".",
    "...",
    "…",
    "?",
    "!",
    "\u{feff}",
    "\u{200b}",
    "\u{00ad}",
    "\r",
    "\n",
    "\r\n",
    "\n\n",
    "\t",
    "---",
    "source: x",
    "published: 2022-01-08",
    "=SUM(A1)",
    "<script>alert(1)</script>",
    "Kazakhstan",
    "Ukraine",
    "troops",
    "invasion",
    "not",
    "said",
    "é",
    "🇰🇿",
    "\u{0301}",
    "𝟚",
];

/// A text made of corpus sentences, junk and arbitrary Unicode, glued by white space.
fn messy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(corpus_lines()),
        3 => prop::sample::select(JUNK).prop_map(str::to_string),
        1 => any::<String>(),
    ];
    let sep = prop::sample::select(&[" ", "\n", "\r\n", "\n\n", "\r", "", "\u{a0}"][..]);
    prop::collection::vec((piece, sep), 1..24).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(p, s)| format!("{p}{s}"))
            .collect::<String>()
    })
}

/// Run the whole pipeline on in-memory articles and every report writer; returns the
/// articles read and the extraction, for further checks.
fn pipeline(articles: Vec<Article>) -> (Vec<Article>, extract::Extraction) {
    let rules = bundled_rules();
    let extraction = extract::extract(rules, &articles);
    // The report as the CLI builds it: article by article, texts dropped.
    let run = crosscheck::pipeline::run_articles(rules, articles.clone());
    let names: Vec<String> = run.articles.iter().map(|a| a.file_name.clone()).collect();
    let findings = compare::compare_all_with(
        rules,
        &run.extraction,
        &run.names,
        &names,
        compare::Detail::Full,
    );
    let r = Report::build(rules, &run, findings, None);
    let found = report::findings::findings(&r);
    let flags = report::findings::flags(&r, &found, None);
    let mut sink = Vec::new();
    report::text::write_check(&r, &mut sink).unwrap();
    report::text::write_extract(&r, &mut sink).unwrap();
    report::csv::write_check(&r, &mut sink).unwrap();
    report::csv::write_extract(&r, &mut sink).unwrap();
    report::github::write(&flags, &mut sink).unwrap();
    report::sarif::write(&r, &flags, &mut sink).unwrap();
    serde_json::to_writer(&mut sink, &r).unwrap();
    (articles, extraction)
}

/// Every observation's span slices its article to its raw words, inside the body and inside
/// its sentence's paragraph.
fn assert_spans_point_at_their_text(articles: &[Article], x: &extract::Extraction) {
    for o in &x.observations {
        let a = &articles[o.article];
        let at = a.text.get(o.span.start..o.span.end);
        assert_eq!(at, Some(o.raw.as_str()), "{}: {:?}", o.fact, o.span);
        assert!(o.span.start >= a.body_start, "{:?} before the body", o.span);
        assert!(a.text.get(o.sentence.start..o.sentence.end).is_some());
        assert!(a.text.get(o.matched.start..o.matched.end).is_some());
        let p = a.position(o.span.start);
        assert!(p.line >= 1 && p.column >= 1);
    }
    for q in &x.quotes {
        let a = &articles[q.article];
        assert!(
            a.text.get(q.quote.span.clone()).is_some(),
            "{:?}",
            q.quote.span
        );
        assert!(q.quote.span.start >= a.body_start);
    }
    for p in &x.problems {
        assert!(
            articles[p.article]
                .text
                .get(p.span.start..p.span.end)
                .is_some()
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        if let Ok(a) = Article::from_text(Path::new("p.txt"), text) {
            let (articles, x) = pipeline(vec![a]);
            assert_spans_point_at_their_text(&articles, &x);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(a) = Article::from_bytes(Path::new("p.txt"), &bytes) {
            let (articles, x) = pipeline(vec![a]);
            assert_spans_point_at_their_text(&articles, &x);
        }
    }

    #[test]
    fn messy_articles_never_panic_and_spans_point_at_their_text(
        texts in prop::collection::vec(messy_text(), 1..4),
        front_matter in any::<bool>(),
    ) {
        let articles: Vec<Article> = texts
            .into_iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let t = if front_matter {
                    format!("---\nsource: S{i}\npublished: 2022-01-08\n---\n{t}")
                } else {
                    t
                };
                Article::from_text(Path::new(&format!("a{i}.txt")), t).ok()
            })
            .collect();
        let (articles, x) = pipeline(articles);
        assert_spans_point_at_their_text(&articles, &x);
    }
}

/// Ways of running the same corpus that must not change the report. Each is a list of
/// extra arguments plus the order in which the article files are named.
fn variations(files: &[PathBuf], order: &[usize]) -> Vec<Vec<String>> {
    let named = |idx: &mut dyn Iterator<Item = &usize>| -> Vec<String> {
        idx.flat_map(|&i| ["--corpus".to_string(), files[i].display().to_string()])
            .collect()
    };
    vec![
        named(&mut (0..files.len()).collect::<Vec<_>>().iter()),
        named(&mut order.iter()),
        named(&mut order.iter().rev()),
        // When the pipeline runs in parallel: the same with `--threads 1` and `--threads 8`.
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn report_is_the_same_whatever_the_order_of_files(
        texts in prop::collection::vec(messy_text(), 2..6),
        seed in any::<u64>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<PathBuf> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let p = dir.path().join(format!("article-{i}.txt"));
                std::fs::write(&p, format!("---\nsource: Outlet {i}\npublished: 2022-01-0{}\n---\n{t}", 1 + i % 9)).unwrap();
                p
            })
            .collect();
        // A permutation from the seed (Fisher–Yates with a small LCG).
        let mut order: Vec<usize> = (0..files.len()).collect();
        let mut s = seed;
        for i in (1..order.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (s >> 33) as usize % (i + 1));
        }
        for format in ["text", "csv"] {
            let mut outputs = Vec::new();
            for v in variations(&files, &order) {
                let mut args = vec!["check", "--format", format];
                args.extend(v.iter().map(String::as_str));
                let (code, out, err) = common::run(&args);
                outputs.push((code, out, err));
            }
            for o in &outputs[1..] {
                prop_assert_eq!(o, &outputs[0]);
            }
        }
    }
}
