//! #21 item 5, outputs that eat inputs: `-o` and `--write-baseline` never replace a file the
//! run reads, never name one file twice, never replace a read-only file, keep a replaced
//! file's mode, and `-o -` is standard output.

mod common;

use std::path::{Path, PathBuf};

use common::run;

/// A made-up story: two articles that disagree on one count, and a rule file for it.
struct Story {
    dir: tempfile::TempDir,
}

const RULES: &str = r#"
[[fact]]
id = "strikers"
label = "Workers on strike"
kind = "quantity"
patterns = ['\b{number}\s+workers\b']
"#;

impl Story {
    fn new() -> Story {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).expect("corpus folder");
        std::fs::write(
            corpus.join("a.txt"),
            "---\npublished: 2024-03-02\n---\nSome 300 workers walked out at the Velsland plant.\n",
        )
        .expect("article a");
        std::fs::write(
            corpus.join("b.txt"),
            "---\npublished: 2024-03-02\n---\nAbout 450 workers walked out at the Velsland plant.\n",
        )
        .expect("article b");
        std::fs::write(dir.path().join("rules.toml"), RULES).expect("rules");
        Story { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn s(&self, name: &str) -> String {
        self.path(name).display().to_string()
    }

    /// `check` on the story with more arguments.
    fn check(&self, more: &[&str]) -> (u8, String, String) {
        let (rules, corpus) = (self.s("rules.toml"), self.s("corpus"));
        let mut args = vec!["check", "--rules", &rules, "--corpus", &corpus];
        args.extend_from_slice(more);
        run(&args)
    }
}

fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).expect("read back")
}

#[test]
fn hostile_output_onto_an_article_is_refused_and_the_article_kept() {
    let story = Story::new();
    let article = story.path("corpus/a.txt");
    let before = bytes(&article);
    let (code, _, err) = story.check(&["-o", &article.display().to_string()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("an article that the run reads"), "{err}");
    assert_eq!(bytes(&article), before);
    // Through another path to the same file (a hard link) too.
    let link = story.path("report.txt");
    std::fs::hard_link(&article, &link).expect("hard link");
    let (code, _, err) = story.check(&["-o", &story.s("report.txt")]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(bytes(&article), before);
}

#[test]
fn hostile_output_onto_a_rule_file_or_the_baseline_is_refused() {
    let story = Story::new();
    let (code, _, err) = story.check(&["-o", &story.s("rules.toml")]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("a rule file that the run reads"), "{err}");
    assert_eq!(bytes(&story.path("rules.toml")), RULES.as_bytes());

    let (code, _, err) = story.check(&["--write-baseline", &story.s("base.json")]);
    assert_eq!(code, 0, "{err}");
    let baseline = bytes(&story.path("base.json"));
    let (code, _, err) = story.check(&[
        "--baseline",
        &story.s("base.json"),
        "-o",
        &story.s("base.json"),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("the baseline that the run reads"), "{err}");
    assert_eq!(bytes(&story.path("base.json")), baseline);
    // Reading a baseline and writing the new one over it is how one is updated.
    let b = story.s("base.json");
    let (code, _, err) = story.check(&["--baseline", &b, "--write-baseline", &b]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn hostile_report_and_baseline_to_one_file_are_refused() {
    let story = Story::new();
    let out = story.s("out.json");
    let (code, _, err) = story.check(&["-o", &out, "--write-baseline", &out]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("-o and --write-baseline both name"), "{err}");
    assert!(!story.path("out.json").exists(), "nothing is written");
    // Spelled differently, still one file.
    let other = format!("{}/./out.json", story.dir.path().display());
    let (code, _, _) = story.check(&["-o", &out, "--write-baseline", &other]);
    assert_eq!(code, 2);
}

#[test]
fn hostile_output_dash_is_standard_output() {
    let story = Story::new();
    let (code, out, err) = story.check(&["-o", "-"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Workers on strike"), "{out}");
    // Tests run in the repository root: no file named `-` may appear there.
    assert!(!common::root().join("-").exists());
}

#[cfg(unix)]
#[test]
fn hostile_read_only_output_is_refused_and_a_replaced_one_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let story = Story::new();
    let locked = story.path("locked.txt");
    std::fs::write(&locked, "keep me").expect("write");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let (code, _, err) = story.check(&["-o", &story.s("locked.txt")]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("read-only"), "{err}");
    assert_eq!(bytes(&locked), b"keep me");

    let shared = story.path("shared.txt");
    std::fs::write(&shared, "old report").expect("write");
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let (code, _, err) = story.check(&["-o", &story.s("shared.txt")]);
    assert_eq!(code, 0, "{err}");
    let mode = std::fs::metadata(&shared)
        .expect("stat")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o640);
    assert!(String::from_utf8_lossy(&bytes(&shared)).contains("Workers on strike"));
}

#[cfg(target_os = "linux")]
#[test]
fn hostile_temp_files_of_killed_runs_are_removed_by_the_next_one() {
    let story = Story::new();
    // A run that was killed: its process (a pid far above any live one) is gone.
    let stale = story.path(".report.txt.crosscheck-4000000000.AbC123.tmp");
    std::fs::write(&stale, "half a report").expect("write");
    // Another run's file, still running (this process), and an unrelated file, stay.
    let live = story.path(&format!(
        ".report.txt.crosscheck-{}.XyZ789.tmp",
        std::process::id()
    ));
    std::fs::write(&live, "in progress").expect("write");
    let (code, _, err) = story.check(&["-o", &story.s("report.txt")]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !stale.exists(),
        "the killed run's temporary file is removed"
    );
    assert!(live.exists(), "a running process's file is kept");
    let left: Vec<_> = std::fs::read_dir(story.dir.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
}
