//! The CLI end to end on the bundled story: snapshots of every report, exit codes, and
//! a clear message for each kind of bad input.

mod common;

use std::fs;

use common::run;

#[test]
fn check_text_report() {
    let (code, out, err) = run(&["check"]);
    assert_eq!(code, 0, "{err}");
    common::insta_settings().bind(|| insta::assert_snapshot!("check_text", out));
}

#[test]
fn check_csv_report() {
    let (code, out, err) = run(&["check", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    common::insta_settings().bind(|| insta::assert_snapshot!("check_csv", out));
}

#[test]
fn extract_csv_report() {
    let (code, out, err) = run(&["extract", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    common::insta_settings().bind(|| insta::assert_snapshot!("extract_csv", out));
}

#[test]
fn the_bundled_story_reads_as_the_issue_expects() {
    let (_, out, _) = run(&["check", "--format", "csv"]);
    let rows: Vec<Vec<String>> = csv::Reader::from_reader(out.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let of = |fact: &str| -> Vec<&Vec<String>> { rows.iter().filter(|r| r[0] == fact).collect() };
    // kz.troops: ~2000 in two sources, agreeing.
    let kz = of("kz.troops");
    assert_eq!(kz.len(), 2);
    assert!(kz.iter().all(|r| r[3] == "agree" && r[8] == "~2000"));
    // ua.border_troops: tens of thousands vs ~100000 vs >=100000, a conflict.
    let ua = of("ua.border_troops");
    let values: Vec<&str> = ua.iter().map(|r| r[8].as_str()).collect();
    assert!(
        values.contains(&"10000..99999")
            && values.contains(&"~100000")
            && values.contains(&">=100000")
    );
    assert!(ua.iter().all(|r| r[3] == "conflict"));
    // The 10,000 withdrawn troops are their own fact, not border troops.
    assert!(!values.contains(&"10000"));
    let wd = of("ua.troops_withdrawn");
    assert_eq!(wd.len(), 1);
    assert_eq!(wd[0][8], "10000");
}

#[test]
fn output_is_deterministic() {
    let a = run(&["check", "--format", "csv"]).1;
    let b = run(&[
        "check",
        "--format",
        "csv",
        "--corpus",
        "corpus/",
        "--rules",
        "rules/kazakhstan-2022.toml",
    ])
    .1;
    assert_eq!(a, b);
}

#[test]
fn fail_on_conflict_exits_1() {
    let (code, _, _) = run(&["check", "--fail-on", "conflict"]);
    assert_eq!(code, 1);
}

#[test]
fn output_file_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.csv");
    let (code, out, _) = run(&["check", "--format", "csv", "-o", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.is_empty());
    let written = fs::read_to_string(&path).unwrap();
    assert!(written.starts_with(
        "fact,label,kind,status,source,file,line,column,value,raw,row_type,sentence,cell_status\n"
    ));
    // No temporary file is left behind.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    // The report is as readable as any file the user creates (a temporary file is
    // owner-only until it is given the usual mode).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let plain = dir.path().join("plain");
        fs::write(&plain, "").unwrap();
        let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode();
        assert_eq!(mode(&path), mode(&plain));
    }
}

/// A report or baseline that cannot be created is named in the message with the system's
/// reason, and the temporary file beside it is not (the message is the same as before
/// tempfile made the temporary file).
#[test]
fn an_output_that_cannot_be_created_is_named_not_its_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no/such/folder/out.json");
    let missing = missing.to_str().unwrap();
    for args in [
        vec!["check", "--format", "csv", "-o", missing],
        vec!["check", "--format", "csv", "--write-baseline", missing],
    ] {
        let (code, _, err) = run(&args);
        assert_eq!(code, 2, "{err}");
        let last = err.lines().last().unwrap_or_default();
        assert!(
            last.starts_with(&format!("error: cannot write {missing}: ")),
            "{err}"
        );
        assert!(!last.contains(" at path "), "{err}");
    }
}

// ── Bad input ────────────────────────────────────────────────────────────────────

fn rule_error(rule: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    fs::write(&path, rule).unwrap();
    let (code, out, err) = run(&["check", "--rules", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(out.is_empty());
    err.replace(dir.path().to_str().unwrap(), "DIR")
}

#[test]
fn missing_corpus_path_is_exit_2() {
    let (code, _, err) = run(&["check", "--corpus", "no/such/folder"]);
    assert_eq!(code, 2);
    assert_eq!(err.trim(), "error: no/such/folder: no such file or folder");
}

#[test]
fn missing_rules_path_is_exit_2() {
    let (code, _, err) = run(&["check", "--rules", "no/such.toml"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no/such.toml: no such file or folder"),
        "{err}"
    );
}

#[test]
fn toml_syntax_error_names_file_line_column() {
    let err = rule_error("[[fact]]\nid = \"a\"\nlabel = \"b\nkind = \"quantity\"\n");
    assert!(err.starts_with("error: DIR/bad.toml:3:"), "{err}");
    assert!(err.contains('^'));
}

#[test]
fn unknown_kind_names_file_line_column() {
    let err =
        rule_error("[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"number\"\nunits = [\"x\"]\n");
    assert!(
        err.starts_with("error: DIR/bad.toml:4:8: unknown kind `number`"),
        "{err}"
    );
}

#[test]
fn duplicate_fact_id_is_refused() {
    let fact = "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"quantity\"\nunits = [\"x\"]\n";
    let err = rule_error(&format!("{fact}{fact}"));
    assert!(
        err.starts_with("error: DIR/bad.toml:7:6: duplicate fact id `a`"),
        "{err}"
    );
}

#[test]
fn bad_pattern_is_refused() {
    let err = rule_error(
        "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"quantity\"\npatterns = ['{number} (troops']\n",
    );
    assert!(
        err.starts_with("error: DIR/bad.toml:5:23: bad pattern"),
        "{err}"
    );
}

#[test]
fn unreadable_articles_are_reported_and_the_rest_still_run() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        "corpus/ap-lightning-deployment.txt",
        dir.path().join("good.txt"),
    )
    .unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    fs::write(dir.path().join("latin1.txt"), b"caf\xe9 2,000 troops").unwrap();
    fs::write(dir.path().join("open.txt"), "---\nsource: X\n").unwrap();
    let (code, out, err) = run(&["check", "--corpus", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning: empty.txt: skipped: empty article"),
        "{err}"
    );
    assert!(
        err.contains(
            "warning: latin1.txt:1:4: not valid UTF-8 (byte 0xE9); decoded as windows-1252"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "warning: open.txt:1:1: skipped: front matter opened with `---` is never closed"
        ),
        "{err}"
    );
    // In the report too, and the good article still ran, and so did the Latin-1 one.
    let problems = &out[out.find("Problems (").expect("a Problems section")..];
    for f in [
        "empty.txt: skipped: empty article",
        "latin1.txt:1:4: not valid UTF-8",
        "open.txt:1:1: skipped: front matter",
    ] {
        assert!(problems.contains(f), "{f} missing from {problems}");
    }
    assert!(out.contains("latin1.txt"));
    assert!(out.contains("~2000"));
}

#[test]
fn empty_corpus_folder_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(&["check", "--corpus", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("no articles found"), "{err}");
}

// ── Dates without a publication date ────────────────────────────────────────────

const DAY_RULE: &str = r#"
[[fact]]
id = "day"
label = "Day troops arrived"
kind = "date"
context = ["troops"]
"#;

fn day_corpus(body: &str) -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("rules.toml"), DAY_RULE).unwrap();
    fs::create_dir(dir.path().join("corpus")).unwrap();
    fs::write(dir.path().join("corpus/plain.txt"), body).unwrap();
    let rules = dir.path().join("rules.toml").to_str().unwrap().to_string();
    let corpus = dir.path().join("corpus").to_str().unwrap().to_string();
    (dir, rules, corpus)
}

#[test]
fn a_weekday_without_publication_date_stays_unresolved_and_says_so() {
    let (_dir, rules, corpus) = day_corpus("Russian troops arrived Thursday.\n");
    let (code, out, err) = run(&["check", "--rules", &rules, "--corpus", &corpus]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("? unresolved"), "{out}");
    assert!(
        out.contains("Thursday (unresolved: no publication date)"),
        "{out}"
    );
    assert!(
        out.contains("cannot be placed on the calendar: the article has no publication date"),
        "{out}"
    );
}

#[test]
fn published_option_sets_the_reference_date() {
    let (_dir, rules, corpus) = day_corpus("Russian troops arrived Thursday.\n");
    let (code, out, err) = run(&[
        "check",
        "--rules",
        &rules,
        "--corpus",
        &corpus,
        "--published",
        "plain.txt=2022-01-08",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0, "{err}");
    // Saturday 2022-01-08: "arrived Thursday" is two days before.
    assert!(out.contains(",2022-01-06,Thursday"), "{out}");
    let (code, _, err) = run(&[
        "check",
        "--rules",
        &rules,
        "--corpus",
        &corpus,
        "--published",
        "other.txt=2022-01-08",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no article \"other.txt\" in the corpus"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "check",
        "--rules",
        &rules,
        "--corpus",
        &corpus,
        "--published",
        "plain.txt=2022-02-30",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("write FILE=YYYY-MM-DD"), "{err}");
}

#[test]
fn an_impossible_date_is_a_problem_with_its_place_and_the_article_still_runs() {
    let (_dir, rules, corpus) = day_corpus(
        "---\npublished: 2022-03-01\n---\nTroops left on February 30.\nMore troops came on February 27.\n",
    );
    let (code, out, err) = run(&[
        "check", "--rules", &rules, "--corpus", &corpus, "--format", "csv",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("warning: plain.txt:4:13: day:"), "{err}");
    assert!(err.contains("February 30"), "{err}");
    assert!(out.contains(",2022-02-27,"), "{out}");
}

/// `-o /dev/null` used to rename a temporary file over the device, leaving a regular file
/// at /dev/null. Checked on a named pipe and a symbolic link in a temporary folder.
#[cfg(unix)]
#[test]
fn output_to_a_pipe_or_a_link_writes_through_it() {
    use std::os::unix::fs::FileTypeExt;

    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        let (code, _, err) = run(&["check", "--format", "csv", "-o", fifo.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
        // Checked first: with the bug the pipe is gone and the reader would wait forever.
        assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
        assert!(reader.join().unwrap().starts_with("fact,label,kind,status"));
    }
    let target = dir.path().join("report.csv");
    fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let (code, _, err) = run(&["check", "--format", "csv", "-o", link.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&target)
            .unwrap()
            .starts_with("fact,label")
    );
}

/// A symbolic link back to a folder above it used to be walked until the path was too
/// long, listing each article under it dozens of times. The loop is skipped and reported;
/// a link to another folder is still walked.
#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_is_skipped_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let stories = dir.path().join("stories");
    fs::create_dir_all(stories.join("inner")).unwrap();
    fs::copy(
        common::root().join("corpus/ap-lightning-deployment.txt"),
        stories.join("inner/a.txt"),
    )
    .unwrap();
    let elsewhere = dir.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    fs::copy(
        common::root().join("corpus/cgtn-progress-or-war.txt"),
        elsewhere.join("b.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(&stories, stories.join("inner/loop")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, stories.join("other")).unwrap();
    // A link to a file that is gone is skipped with a reason that says so.
    let gone = elsewhere.join("gone.txt");
    std::os::unix::fs::symlink(&gone, stories.join("inner/gone.txt")).unwrap();
    let corpus = stories.to_str().unwrap();
    let (code, out, err) = run(&["extract", "--corpus", corpus, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let loop_path = stories.join("inner/loop").display().to_string();
    assert!(
        err.contains(&format!(
            "warning: {loop_path}: skipped: a symbolic link back to {corpus}: not followed"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "skipped: cannot read: a symbolic link to {}, which is not there",
            gone.display()
        )),
        "{err}"
    );
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let files: Vec<&str> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["path"].as_str().unwrap())
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files[0].ends_with("stories/inner/a.txt"), "{files:?}");
    assert!(files[1].ends_with("stories/other/b.txt"), "{files:?}");
}

// ── Paths: positional or flag, the same run ───────────────────────────────────────

/// Every way to name the rules and the corpus, as data: each command line of a group
/// must give the same exit code and the same bytes as the group's first. `--rules` works
/// on every subcommand, a corpus path may be given without `--corpus`, and the flags
/// still work.
#[test]
fn paths_can_be_passed_as_arguments_or_flags() {
    let one = "corpus/ap-lightning-deployment.txt";
    let rule = "rules/kazakhstan-2022.toml";
    let groups: &[&[&[&str]]] = &[
        &[
            &["check", "--format", "csv"],
            &["check", "corpus", "--format", "csv"],
            &["check", "--corpus", "corpus", "--format", "csv"],
            &["check", "--rules", "rules", "corpus", "--format", "csv"],
        ],
        &[
            &[
                "check", "--corpus", one, "--rules", rule, "--format", "json",
            ],
            &["check", one, "--rules", rule, "--format", "json"],
        ],
        &[
            &["extract", "--corpus", one, "--format", "csv"],
            &["extract", one, "--format", "csv"],
        ],
        &[
            &["test"],
            &["test", "rules"],
            &["test", "--rules", "rules"],
            &["test", "--rules", rule],
        ],
        &[&["lint", rule], &["lint", "--rules", rule], &["lint"]],
    ];
    for group in groups {
        let first = run(group[0]);
        assert_eq!(first.0, 0, "{:?}: {}", group[0], first.2);
        assert!(!first.1.is_empty(), "{:?}", group[0]);
        for args in &group[1..] {
            assert_eq!(run(args), first, "{args:?} differs from {:?}", group[0]);
        }
    }
    // A corpus path and --corpus add up: two articles, not one.
    let (code, out, err) = run(&[
        "check",
        one,
        "--corpus",
        "corpus/cgtn-progress-or-war.txt",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 2, "{out}");
}

// ── Readability ───────────────────────────────────────────────────────────────────

/// Per line matching `re`, the byte where its first group starts (the lines' prefixes are
/// ASCII, so bytes are columns).
fn column_after(text: &str, re: &str) -> Vec<usize> {
    let re = regex::Regex::new(re).unwrap();
    text.lines()
        .filter_map(|l| re.captures(l).map(|c| c.get(1).unwrap().start()))
        .collect()
}

/// Each check as data: a command line, then what its output must show.
#[test]
fn reports_read_right() {
    // Quotations listed per source: every speaker starts in one column, whatever the
    // width of `line:column` before it.
    let (_, text, _) = run(&["check", "--width", "0"]);
    let starts = column_after(&text, r"^  \d+:\d+ +(\S)");
    assert!(starts.len() > 10, "{text}");
    assert!(starts.windows(2).all(|w| w[0] == w[1]), "{starts:?}");

    // No line of the text report starts like a list item, at any width (the legend used
    // to wrap into `- not stated`).
    for width in ["100", "80", "60", "40"] {
        let (_, text, _) = run(&["check", "--width", width]);
        assert!(
            !text.lines().any(|l| l.starts_with("- ")),
            "--width {width}:\n{text}"
        );
    }

    // extract: the position column stays in one column even for long values.
    let (_, text, _) = run(&["extract", "--width", "0"]);
    let re = regex::Regex::new(r"^  \S.*  (\d+:\d+)$").unwrap();
    let cols: Vec<usize> = text
        .lines()
        .filter_map(|l| {
            re.captures(l)
                .map(|c| l[..c.get(1).unwrap().start()].chars().count())
        })
        .collect();
    assert!(cols.len() > 20, "{text}");
    assert!(cols.windows(2).all(|w| w[0] == w[1]), "{cols:?}");

    // Markdown pasted into a document reads as written: source labels, approximate and
    // lower-bound values are not backslashed.
    let (_, md, _) = run(&["check", "--format", "markdown"]);
    for ugly in ["\\[", "\\~", "\\>", "\\_"] {
        assert!(!md.contains(ugly), "{ugly} in\n{md}");
    }
    assert!(
        md.contains("| [1] | [2] |") || md.contains("[1] | [2]"),
        "{md}"
    );
    assert!(md.contains("~2000") && md.contains(">=100000"), "{md}");
}

#[test]
fn lint_counts_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one.toml");
    fs::write(&path, DAY_RULE).unwrap();
    let (code, out, err) = run(&["lint", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    // (It warns that the fact has no examples: "1 warning", singular too.)
    assert_eq!(out.trim(), "1 rule file, 1 fact: 0 errors, 1 warning");
}

/// `extract --help` lists exactly the formats `extract` writes; `check --help` those
/// `check` writes. Each listed format is accepted, each other one refused.
#[test]
fn help_lists_the_formats_each_subcommand_accepts() {
    let listed = |cmd: &str| -> Vec<String> {
        let (_, help, _) = run(&[cmd, "--help"]);
        let at = help.find("--format <FORMAT>").unwrap();
        let block = &help[at..];
        let end = block[1..].find("\n      --").map_or(block.len(), |e| e + 1);
        block[..end]
            .lines()
            .filter_map(|l| l.trim().strip_prefix("- "))
            .map(|v| v.split(':').next().unwrap().trim().to_string())
            .collect()
    };
    let all = listed("check")
        .into_iter()
        .chain(listed("extract"))
        .collect::<std::collections::BTreeSet<_>>();
    for cmd in ["check", "extract"] {
        let formats = listed(cmd);
        assert!(!formats.is_empty());
        for f in &all {
            let (code, _, err) = run(&[cmd, "corpus/ap-lightning-deployment.txt", "--format", f]);
            assert_eq!(
                code == 0,
                formats.contains(f),
                "{cmd} --format {f}: exit {code}, listed {formats:?}: {err}"
            );
        }
    }
}

// ── Conventions: completions, man page, --quiet ──────────────────────────────────

#[test]
fn completions_for_each_shell() {
    for (shell, mark) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef crosscheck"),
        ("fish", "complete -c crosscheck"),
    ] {
        let (code, out, err) = run(&["completions", shell]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains(mark), "{shell}: {out}");
        for word in ["check", "extract", "lint", "rules", "corpus"] {
            assert!(out.contains(word), "{shell}: no {word}");
        }
    }
    let (code, _, _) = run(&["completions", "tcsh"]);
    assert_eq!(code, 2);
}

#[test]
fn man_page_has_every_subcommand() {
    let (code, out, err) = run(&["man"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(".TH crosscheck 1"), "{out}");
    for sub in ["CHECK", "EXTRACT", "TEST", "LINT"] {
        assert!(out.contains(&format!(".SH \"CROSSCHECK {sub}\"")), "{sub}");
    }
    assert!(out.contains("\\-\\-rules"), "{out}");
}

#[test]
fn quiet_shows_only_disagreements() {
    let (code, out, err) = run(&["check", "--quiet", "--width", "0"]);
    assert_eq!(code, 0, "{err}");
    // The two conflicts and the framing difference, no agreeing fact, no quotation list.
    for shown in ["ua.border_troops", "kz.deployment_day", "kz.action"] {
        assert!(out.contains(shown), "{shown}: {out}");
    }
    for hidden in ["kz.troops", "talks.geneva_day", "(only this source)"] {
        assert!(!out.contains(hidden), "{hidden}: {out}");
    }
    // The same header counts as the full report.
    let (_, full, _) = run(&["check", "--width", "0"]);
    assert_eq!(out.lines().nth(1), full.lines().nth(1));
    let (_dir, rules, corpus) = day_corpus("Troops arrived on March 3, 2021.\n");
    let (code, out, _) = run(&["check", "-q", "--rules", &rules, "--corpus", &corpus]);
    assert_eq!(code, 0);
    assert!(out.contains("No disagreements."), "{out}");
}
