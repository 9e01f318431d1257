//! Scale: the parallel pipeline gives the same bytes whatever the number of threads.

mod common;

use std::path::Path;

/// The bundled articles, each copied `copies` times under new names, with a number changed
/// in every other copy so that values, conflicts and quotation pairs repeat across sources.
fn copied_corpus(dir: &Path, copies: usize) {
    let mut files: Vec<_> = std::fs::read_dir(common::root().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for k in 0..copies {
        for f in &files {
            let text = std::fs::read_to_string(f).unwrap();
            let text = if k % 2 == 1 {
                text.replace("2,000", "3,000")
            } else {
                text
            };
            let name = format!("{k:02}-{}", f.file_name().unwrap().to_string_lossy());
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
}

#[test]
fn output_bytes_do_not_depend_on_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    copied_corpus(dir.path(), 8);
    let corpus = dir.path().to_str().unwrap();
    for (cmd, format) in [("check", "text"), ("check", "csv"), ("extract", "csv")] {
        let run = |threads: &str| {
            common::run(&[
                cmd,
                "--corpus",
                corpus,
                "--format",
                format,
                "--threads",
                threads,
            ])
        };
        let (code1, out1, err1) = run("1");
        let (code4, out4, err4) = run("4");
        assert_eq!(code1, code4);
        assert!(out1.len() > 10_000, "{cmd} {format}: {err1}");
        assert!(
            out1 == out4,
            "{cmd} --format {format}: 1 and 4 threads differ"
        );
        assert_eq!(err1, err4);
    }
}

#[test]
fn a_value_repeated_by_many_sources_is_one_disagreement() {
    let dir = tempfile::tempdir().unwrap();
    copied_corpus(dir.path(), 8);
    let (_, out, _) = common::run(&[
        "check",
        "--corpus",
        dir.path().to_str().unwrap(),
        "--format",
        "text",
        "--width",
        "0",
    ]);
    // 2,000 troops in 4 copies of each article that has it, 3,000 in the other 4: one
    // conflict line naming the first source of each value and counting the rest, not
    // one per pair of sources.
    let lines: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("says ~2000") && l.contains("says ~3000"))
        .collect();
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(lines[0].contains("other sources)"), "{}", lines[0]);
}
