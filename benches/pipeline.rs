//! Criterion benchmarks: extraction throughput on the bundled articles, and the number and
//! date readers on their own. `cargo bench --bench pipeline`; bench/run.sh times the release
//! binary end to end on generated corpora.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crosscheck::extract::{self, Extractor};
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
    let ctx = date::DateContext {
        published: Some(jiff::civil::date(2022, 1, 8)),
        numeric_order: None,
    };
    let sentence = "The talks in Geneva on Monday, January 10, follow the video call of \
                    December 7 and precede the NATO meeting on Wednesday and the OSCE \
                    session on Jan. 13.";
    c.bench_function("date::find_dates (one sentence, four dates)", |b| {
        b.iter(|| black_box(date::find_dates(black_box(sentence), &ctx)))
    });
}

criterion_group!(benches, extraction, readers);
criterion_main!(benches);
