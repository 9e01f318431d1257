//! Issue 21, item 3: findings that grew quadratically. A conflict used to be written pair by
//! pair (every pair of disagreeing values, every source of the other side on every flag), so
//! one article with 2,000 different numbers for a fact took 1.5 GB in every format, and SARIF
//! for 1,000 generated articles was 769 MB. A conflict is now its groups of values; this test
//! runs two made-up corpora at three sizes (n, 2n, 4n) and checks that what each size adds
//! to every format's output grows like the input: doubling the input at most (about)
//! doubles the increment, where pairs would quadruple it. (Memory, measured by hand with
//! `/usr/bin/time -v` in docs/robustness.md, followed the output: the report held it.)

use std::path::Path;

use crosscheck::pipeline::{self, Articles, Options};
use crosscheck::report::findings;
use crosscheck::report::{Command, Format, WriteOptions};
use crosscheck::rules::{self, RuleSet};

const RULES: &str = r#"[story]
title = "A made-up rally"

[[fact]]
id = "rally.crowd"
label = "People at the rally"
kind = "quantity"
patterns = ['{number} (?:people|marchers)\b']
"#;

/// One article stating `n` different crowd sizes, no two of which can both be true.
fn many_values(dir: &Path, n: usize) {
    let mut text = String::from("---\nsource: Made-up Wire\npublished: 2024-05-02\n---\n\n");
    for i in 0..n {
        text.push_str(&format!(
            "A count at noon gave {} people at the square.\n\n",
            10_000 + 100 * i
        ));
    }
    std::fs::write(dir.join("counts.txt"), text).unwrap();
}

/// `n` articles, each giving one of three crowd sizes that cannot all be true: few
/// values, many sources on each side.
fn many_sources(dir: &Path, n: usize) {
    for i in 0..n {
        let text = format!(
            "---\nsource: Paper {i}\npublished: 2024-05-02\n---\n\nThe rally drew {} marchers.\n",
            [1_000, 2_000, 3_000][i % 3]
        );
        std::fs::write(dir.join(format!("paper-{i:03}.txt")), text).unwrap();
    }
}

/// Every format's output for one corpus, from one run (as `check` and `extract` write them).
fn outputs(rules: &RuleSet, corpus: &Path) -> Vec<(String, usize)> {
    let mut options = Options::new(Articles::Paths(vec![corpus.to_path_buf()]));
    options.threads = Some(1);
    let report = pipeline::check(rules, options).unwrap();
    let found = findings::findings(&report);
    let mut sizes = Vec::new();
    let mut write = |format: Format, command: Command, wide: bool| {
        let options = WriteOptions {
            wide,
            findings: &found,
            ..WriteOptions::default()
        };
        let mut out = Vec::new();
        format.write(command, &report, &options, &mut out).unwrap();
        let name = format!(
            "{command:?} {}{}",
            format.name(),
            if wide { " --wide" } else { "" }
        );
        sizes.push((name, out.len()));
    };
    for format in Format::ALL {
        if format.serves(Command::Check) {
            write(format, Command::Check, false);
        }
    }
    write(Format::Csv, Command::Check, true);
    for format in Format::ALL {
        if format.serves(Command::Extract) {
            write(format, Command::Extract, false);
        }
    }
    sizes
}

/// What 2n adds over n, and 4n over 2n, may grow by at most `bound` (2 for linear growth,
/// 4 for pairs) beyond `slack` bytes.
fn assert_linear(what: &str, at: [usize; 3], bound: f64, slack: usize) {
    let first = at[1].saturating_sub(at[0]);
    let second = at[2].saturating_sub(at[1]);
    assert!(
        second as f64 <= bound * first as f64 + slack as f64,
        "{what} grows faster than the input: {} → {} → {} bytes (increments {first}, {second})",
        at[0],
        at[1],
        at[2]
    );
}

fn check_all(corpus: fn(&Path, usize), n: usize, name: &str) {
    let rules = rules::parse(Path::new("rally.toml"), RULES).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let sizes: Vec<Vec<(String, usize)>> = [n, 2 * n, 4 * n]
        .iter()
        .map(|&k| {
            let c = dir.path().join(format!("c{k}"));
            std::fs::create_dir(&c).unwrap();
            corpus(&c, k);
            outputs(&rules, &c)
        })
        .collect();
    assert!(sizes[0].len() >= 10, "{:?}", sizes[0]);
    for (f, (format, _)) in sizes[0].iter().enumerate() {
        let bytes = [sizes[0][f].1, sizes[1][f].1, sizes[2][f].1];
        let what = format!("{name}: {format}");
        assert!(bytes[2] > bytes[0], "{what}: nothing grows: {bytes:?}");
        assert_linear(&what, bytes, 2.6, 2_000);
    }
}

/// One article with n, 2n and 4n different numbers for one fact; then n, 2n and 4n
/// articles sharing three values. Both used to grow with the square of the input.
#[test]
fn findings_grow_linearly() {
    check_all(many_values, 60, "one article, n values");
    check_all(many_sources, 30, "n articles, 3 values");
}
