//! Shared helpers for integration tests: paths, a run of the CLI captured in memory, and
//! insta settings that keep every snapshot under the top-level `snapshots/` folder.
#![allow(dead_code)]

use std::path::PathBuf;

use clap::Parser;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// insta settings: snapshots in <repo>/snapshots, no source-file noise in the header.
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
        Err(e) => return (2, String::new(), e.to_string()),
    };
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = crosscheck::cli::run(cli, &mut out, &mut err);
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
