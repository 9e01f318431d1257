//! Criterion benchmarks: extraction throughput on the bundled articles, the number and
//! date readers on their own, and name clustering at three sizes. `cargo bench --bench pipeline`; bench/run.sh times the release
//! binary end to end on generated corpora.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crosscheck::compare::name;
use crosscheck::extract::{self, Extractor};
use crosscheck::read::name::{NameKind, NameMention};
use crosscheck::read::{date, number};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn extraction(c: &mut Criterion) {
    let rules = crosscheck::rules::load(&[root().join("rules")]).expect("bundled rules");
    let corpus = crosscheck::corpus::load(&[root().join("corpus")]).expect("bundled corpus");
    let bytes: usize = corpus.articles.iter().map(|a| a.text.len()).sum();
    let extractor = Extractor::new(&rules);
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    // One thread, article by article: the per-core figure.
    g.bench_function("bundled corpus, one thread", |b| {
        b.iter(|| {
            for (i, a) in corpus.articles.iter().enumerate() {
                black_box(extractor.article(a, i));
            }
        })
    });
    // The whole extract stage (rayon over articles, speakers put in canonical form).
    g.bench_function("bundled corpus, all cores", |b| {
        b.iter(|| black_box(extract::extract(&rules, &corpus.articles)))
    });
    g.finish();
}

fn readers(c: &mut Criterion) {
    let amounts = [
        "about 2,000",
        "at least 100,000",
        "tens of thousands",
        "some 3,000",
        "nearly 130,000",
        "2.5 million",
    ];
    c.bench_function("number::parse_amount (6 amounts)", |b| {
        b.iter(|| {
            for a in amounts {
                black_box(number::parse_amount(black_box(a)));
            }
        })
    });
    // A refused number glued to a date-like tail: the reader used to retry at every digit of
    // the run (1.6 s at 400 digits); it must grow linearly (fuzz slow unit, #16).
    for n in [400usize, 1600] {
        let text = format!("code {}-01-08 sent", "8".repeat(n));
        c.bench_function(&format!("number::find_amounts ({n}-digit run)"), |b| {
            b.iter(|| black_box(number::find_amounts(black_box(&text))))
        });
    }
    let ctx = date::DateContext {
        published: Some(jiff::civil::date(2022, 1, 8)),
        numeric_order: None,
        anchor: None,
    };
    let sentence = "The talks in Geneva on Monday, January 10, follow the video call of \
                    December 7 and precede the NATO meeting on Wednesday and the OSCE \
                    session on Jan. 13.";
    c.bench_function("date::find_dates (one sentence, four dates)", |b| {
        b.iter(|| black_box(date::find_dates(black_box(sentence), &ctx)))
    });
}

/// `n` distinct made-up names ("Given Surname", surnames of 5–10 letters), spread over
/// 100 articles: name clustering's worst case, every name a candidate for every other under
/// a blocking that only looked at first letters and lengths (#21 item 7).
fn made_up_names(n: usize) -> Vec<Vec<NameMention>> {
    let syllables = [
        "ka", "lo", "mer", "ta", "vin", "so", "dra", "pel", "nu", "ric", "ha", "zen", "bo", "tis",
        "gar", "lu",
    ];
    let mut seed: u64 = 7;
    let mut next = |k: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % k
    };
    let mut seen = std::collections::HashSet::new();
    let mut docs = vec![Vec::new(); 100];
    while seen.len() < n {
        let word = |next: &mut dyn FnMut(usize) -> usize, parts: usize| {
            let mut w: String = (0..parts)
                .map(|_| syllables[next(syllables.len())])
                .collect();
            w[..1].make_ascii_uppercase();
            w
        };
        let parts = 3 + next(2);
        let name = format!("{} {}", word(&mut next, 2), word(&mut next, parts));
        if seen.insert(name.clone()) {
            docs[seen.len() % 100].push(NameMention {
                span: 0..name.len(),
                text: name,
                kind: NameKind::Person,
            });
        }
    }
    docs
}

fn names(c: &mut Criterion) {
    let mut g = c.benchmark_group("cluster_names");
    g.sample_size(10);
    for n in [10_000, 20_000, 50_000] {
        let docs = made_up_names(n);
        g.bench_function(format!("{n} distinct names"), |b| {
            b.iter(|| black_box(name::cluster_names(black_box(&docs), &[])))
        });
    }
    g.finish();
}

criterion_group!(benches, extraction, readers, names);
criterion_main!(benches);
