//! The built binary, as a person or a CI script runs it: `main`'s own path (clap's help and
//! version, terminal detection, the exit status it hands the process), which the in-process
//! helper of tests/cli.rs never takes. Each exit status comes from a real process, so a
//! `main` that maps an outcome or an error to the wrong code fails here.

mod common;

use std::path::Path;
use std::process::{Command, Output};

/// Run the binary from the repository root, with no colour or width settings inherited.
fn crosscheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(common::root())
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("run the binary")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("an exit status, not a signal")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const ESC: &str = "\x1b[";

#[test]
fn a_run_that_finds_conflicts_still_exits_0_with_the_report_on_stdout() {
    let o = crosscheck(&["check"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Russian troops sent to Kazakhstan"), "{out}");
    assert!(out.contains("conflict"), "{out}");
    assert_eq!(stderr(&o), "");
}

#[test]
fn fail_on_conflict_exits_1_with_the_report_still_on_stdout() {
    let o = crosscheck(&["check", "--fail-on", "conflict"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stdout(&o).contains("Russian troops sent to Kazakhstan"));
}

#[test]
fn a_missing_corpus_exits_2_on_stderr_only() {
    let o = crosscheck(&["check", "--corpus", "no/such/folder"]);
    assert_eq!(code(&o), 2);
    assert_eq!(stdout(&o), "");
    assert!(stderr(&o).contains("no/such/folder"), "{}", stderr(&o));
}

#[test]
fn a_rule_error_exits_2_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("bad.toml");
    std::fs::write(
        &rules,
        "[[fact]]\nid = \"x\"\nlabel = \"X\"\nkind = \"quantty\"\nunits = [\"troops\"]\n",
    )
    .unwrap();
    let o = crosscheck(&["check", "--rules", rules.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    assert_eq!(stdout(&o), "");
    let err = stderr(&o);
    assert!(err.contains("bad.toml:4:"), "{err}");
    assert!(
        err.contains("quantity"),
        "the help names the right kind: {err}"
    );
}

#[test]
fn a_bad_flag_exits_2_and_says_so_on_stderr() {
    let o = crosscheck(&["check", "--frobnicate"]);
    assert_eq!(code(&o), 2);
    assert_eq!(stdout(&o), "");
    let err = stderr(&o);
    assert!(err.contains("--frobnicate"), "{err}");
    assert!(err.contains("Usage:"), "{err}");
}

#[test]
fn a_bad_flag_value_exits_2() {
    let o = crosscheck(&["check", "--format", "yaml"]);
    assert_eq!(code(&o), 2);
    assert_eq!(stdout(&o), "");
    assert!(stderr(&o).contains("yaml"), "{}", stderr(&o));
}

#[test]
fn no_subcommand_exits_2_with_usage_on_stderr() {
    let o = crosscheck(&[]);
    assert_eq!(code(&o), 2);
    assert_eq!(stdout(&o), "");
    assert!(stderr(&o).contains("Usage:"), "{}", stderr(&o));
}

#[test]
fn help_exits_0_on_stdout() {
    for args in [&["--help"][..], &["-h"], &["help"], &["check", "--help"]] {
        let o = crosscheck(args);
        assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).contains("Usage: crosscheck"), "{args:?}");
        assert_eq!(stderr(&o), "", "{args:?}");
        assert!(!stdout(&o).contains(ESC), "{args:?}: no colour into a pipe");
    }
    assert!(stdout(&crosscheck(&["check", "--help"])).contains("--fail-on"));
}

#[test]
fn version_exits_0_on_stdout() {
    let o = crosscheck(&["--version"]);
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o),
        format!("crosscheck {}\n", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(stderr(&o), "");
}

#[test]
fn a_failing_rule_example_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("r.toml");
    std::fs::write(
        &rules,
        "[[fact]]\nid = \"x\"\nlabel = \"X\"\nkind = \"quantity\"\nunits = [\"troops\"]\n\n\
         [[fact.example]]\nsentence = \"Valdoria sent 300 troops.\"\nvalue = \"400\"\n",
    )
    .unwrap();
    let o = crosscheck(&["test", rules.to_str().unwrap()]);
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("300"), "{}", stdout(&o));
}

#[test]
fn colour_follows_the_flag_and_is_off_into_a_pipe() {
    let auto = crosscheck(&["check"]);
    assert!(!stdout(&auto).contains(ESC), "auto into a pipe: no colour");
    let always = crosscheck(&["check", "--color", "always"]);
    assert!(stdout(&always).contains(ESC), "always: colour");
    let never = crosscheck(&["check", "--color", "never"]);
    assert!(!stdout(&never).contains(ESC));
    // The same text, colour aside.
    assert_eq!(stdout(&never), stdout(&auto));
}

/// Run the binary on a pseudo-terminal (util-linux `script`, part of every Debian system),
/// so standard output is a terminal; returns what it wrote.
fn on_a_terminal(args: &str, no_color: Option<&str>) -> String {
    let bin = env!("CARGO_BIN_EXE_crosscheck");
    assert!(
        Path::new("/usr/bin/script").exists(),
        "util-linux `script` is needed to give the binary a terminal"
    );
    let mut cmd = Command::new("/usr/bin/script");
    cmd.args(["-qec", &format!("{bin} {args}"), "/dev/null"])
        .current_dir(common::root())
        .env_remove("NO_COLOR")
        .env("COLUMNS", "120");
    if let Some(v) = no_color {
        cmd.env("NO_COLOR", v);
    }
    let o = cmd.output().expect("run script");
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
}

#[test]
fn colour_is_on_on_a_terminal_unless_no_color_is_set() {
    let out = on_a_terminal("check", None);
    assert!(out.contains("Russian troops sent to Kazakhstan"), "{out}");
    assert!(out.contains(ESC), "a terminal gets colour: {out}");
    let out = on_a_terminal("check", Some("1"));
    assert!(out.contains("Russian troops sent to Kazakhstan"), "{out}");
    assert!(!out.contains(ESC), "NO_COLOR turns it off: {out}");
    // An empty NO_COLOR is not set (no-color.org).
    assert!(on_a_terminal("check", Some("")).contains(ESC));
    // A file given with -o is not the terminal, even from one.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.txt");
    on_a_terminal(&format!("check -o {}", file.display()), None);
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains("Russian troops sent to Kazakhstan"));
    assert!(!written.contains(ESC), "{written}");
}

/// crosscheck.toml, found from a folder below it, as data: the file's text, a command line,
/// the exit status, and what the output (stdout, then stderr) must hold.
#[test]
fn a_project_file_sets_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story");
    std::fs::create_dir_all(story.join("articles")).unwrap();
    std::fs::create_dir_all(story.join("notes/drafts")).unwrap();
    std::fs::write(
        story.join("r.toml"),
        "[[fact]]\nid = \"day\"\nlabel = \"Day troops arrived\"\nkind = \"date\"\ncontext = [\"troops\"]\n",
    )
    .unwrap();
    std::fs::write(story.join("articles/a.txt"), "Troops arrived Thursday.\n").unwrap();
    let base = "rules = [\"r.toml\"]\ncorpus = [\"articles\"]\n";
    let csv = format!("{base}format = \"csv\"\n");
    let dated = format!("{base}[published]\n\"a.txt\" = \"2022-01-08\"\n");
    let markdown = format!("{base}format = \"markdown\"\n");
    let cases: &[(&str, &[&str], i32, &str)] = &[
        (&csv, &["check"], 0, "fact,label,kind,status"),
        (
            &csv,
            &["check", "--format", "json"],
            0,
            "\"observations\": [",
        ),
        (&csv, &["lint"], 0, "1 rule file, 1 fact"),
        // Without the file the defaults hold: no `rules` folder here means discovery
        // (#15), and no `corpus` folder is the error.
        (
            &csv,
            &["check", "--no-config"],
            2,
            "corpus: no such file or folder",
        ),
        (&dated, &["check", "--format", "csv"], 0, ",2022-01-06,"),
        // A format `extract` does not write is the story's default for `check` only:
        // `extract` keeps its own (text); given on the command line, it is refused.
        (
            &markdown,
            &["check"],
            0,
            "| # | File | Outlet | Published |",
        ),
        (&markdown, &["extract"], 0, "Sources\n  [1] a.txt"),
        (
            &markdown,
            &["extract", "--format", "markdown"],
            2,
            "--format markdown and html are for `check`",
        ),
        (
            "rule = [\"r.toml\"]\n",
            &["check"],
            2,
            "crosscheck.toml:1:1: unknown field `rule`",
        ),
        (
            "format = \"pdf\"\n",
            &["check"],
            2,
            "format \"pdf\" is not a format",
        ),
    ];
    for (file, args, want, holds) in cases {
        std::fs::write(story.join("crosscheck.toml"), file).unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .args(*args)
            .current_dir(story.join("notes/drafts"))
            .output()
            .unwrap();
        let all = format!("{}{}", stdout(&o), stderr(&o));
        assert_eq!(code(&o), *want, "{file:?} {args:?}: {all}");
        assert!(
            all.contains(holds),
            "{file:?} {args:?}: {holds:?} not in\n{all}"
        );
    }
}
