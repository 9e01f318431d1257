//! Shared helpers for integration tests: paths, a run of the CLI captured in memory, and
//! insta settings that keep every snapshot under the top-level `snapshots/` folder.
#![allow(dead_code)]

use std::path::PathBuf;

use clap::Parser;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// insta settings: snapshots in <repo>/snapshots, no source-file noise in the header.
/// `n` articles of the benchmark generator (`gen-corpus`, the given seed), in a temporary
/// folder.
pub fn generated(n: usize, seed: u64) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gen-corpus"))
        .current_dir(root())
        .args([
            "--articles",
            &n.to_string(),
            "--seed",
            &seed.to_string(),
            "--out",
        ])
        .arg(dir.path())
        .output()
        .expect("run gen-corpus");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

pub fn insta_settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(root().join("snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

/// Run the CLI in-process from the repository root; returns (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (u8, String, String) {
    let mut argv = vec!["crosscheck"];
    argv.extend_from_slice(args);
    let cli = match crosscheck::cli::Cli::try_parse_from(argv) {
        Ok(c) => c,
        // As `main` decides (the binary's own path is tests/binary.rs).
        Err(e) => {
            let code = crosscheck::cli::exit_code(crosscheck::cli::not_parsed(&e), &mut Vec::new());
            return if e.use_stderr() {
                (code, String::new(), e.to_string())
            } else {
                (code, e.to_string(), String::new())
            };
        }
    };
    let mut out = Vec::new();
    let mut err = Vec::new();
    let terminal = crosscheck::cli::Terminal::default();
    let code = crosscheck::cli::run(cli, &terminal, &mut out, &mut err);
    (
        code,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

/// A corpus folder with one hostile article (spreadsheet formulas and a script in its
/// text, front matter and a quotation) next to a copy of a bundled one, so the rules match
/// there and the two sources disagree.
pub fn hostile_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        root().join("corpus/ap-lightning-deployment.txt"),
        dir.path().join("ap-lightning-deployment.txt"),
    )
    .expect("copy an article");
    std::fs::write(dir.path().join("=HYPERLINK(\"x\").txt"), HOSTILE)
        .expect("write the hostile article");
    dir
}

pub const HOSTILE: &str = "---
source: =HYPERLINK(\"x\")
title: <script>alert(1)</script>
published: 2022-01-08
---
=HYPERLINK(\"x\") Russia has massed 5,000 troops near the Ukrainian border, officials said.

<script>alert(1)</script> Russia has massed 7,000 troops near the Ukrainian border | *bold* _it_ `code`.

“=HYPERLINK(\"x\") <script>alert(1)</script> is what we expect from the talks,” said John Smith, a diplomat.
";

/// The SARIF 2.1.0 schema, compiled. Its `language` patterns
/// (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) have a stray `]` that the crate's meta-schema
/// check refuses as a `regex`; crosscheck writes no `language`, so those patterns are
/// replaced in memory by what they mean. The file stays as published.
pub fn sarif_validator() -> jsonschema::Validator {
    const STRAY: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    fn fix(v: &mut serde_json::Value, fixed: &mut usize) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m.iter_mut() {
                    if k == "pattern" && x == STRAY {
                        *x = "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$".into();
                        *fixed += 1;
                    } else {
                        fix(x, fixed);
                    }
                }
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(|x| fix(x, fixed)),
            _ => {}
        }
    }
    let mut schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/schemas/sarif-2.1.0-rtm.5.json")).unwrap(),
    )
    .unwrap();
    let mut fixed = 0;
    fix(&mut schema, &mut fixed);
    assert_eq!(fixed, 2, "the published schema has two such patterns");
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

/// The seven stories of corpus-real/, in name order (each a folder of articles).
pub fn real_stories() -> Vec<PathBuf> {
    let mut stories: Vec<PathBuf> = std::fs::read_dir(root().join("corpus-real"))
        .expect("corpus-real")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    stories.sort();
    assert_eq!(stories.len(), 7);
    stories
}

/// Text as the gold and a sentence are compared: curly quotes straight, lower case, white
/// space as one space.
pub fn norm(s: &str) -> String {
    s.replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
