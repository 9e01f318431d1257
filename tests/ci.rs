//! CI for fact-checkers, end to end: rule tests, lint, baselines, GitHub annotations and
//! SARIF, on the bundled story and on the example story repository (examples/story-repo).

mod common;

use std::fs;
use std::path::Path;

use common::run;

const STORY: &str = "examples/story-repo";

fn story(rel: &str) -> String {
    format!("{STORY}/{rel}")
}

/// A copy of the example story repository in a temporary folder.
fn story_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["rules", "corpus"] {
        fs::create_dir_all(dir.path().join(sub)).unwrap();
        for e in fs::read_dir(common::root().join(STORY).join(sub)).unwrap() {
            let p = e.unwrap().path();
            fs::copy(&p, dir.path().join(sub).join(p.file_name().unwrap())).unwrap();
        }
    }
    fs::copy(
        common::root().join(STORY).join("baseline.json"),
        dir.path().join("baseline.json"),
    )
    .unwrap();
    dir
}

fn p(dir: &Path, rel: &str) -> String {
    dir.join(rel).display().to_string()
}

/// The `file=` of every annotation line.
fn annotated_files(github: &str) -> Vec<String> {
    github
        .lines()
        .map(|l| {
            let rest = l.split_once("file=").expect(l).1;
            rest.split(',').next().unwrap().to_string()
        })
        .collect()
}

// ── crosscheck test ─────────────────────────────────────────────────────────

#[test]
fn the_bundled_rules_pass_their_own_tests() {
    let (code, out, err) = run(&["test", "rules/"]);
    assert_eq!(code, 0, "{out}{err}");
    // 4 + 5 + 3 + 4 + 4 + 3 + 3 + 3 + 3 + 6 examples, counted in the rule file.
    assert!(
        out.contains("rule tests ok: 38 passed; 0 failed (0 missing, 0 noisy, 0 wrong)"),
        "{out}"
    );
    assert!(!out.contains("no examples"), "{out}");
}

#[test]
fn a_broken_example_fails_with_a_got_expected_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(common::root().join("rules/kazakhstan-2022.toml")).unwrap();
    let (before, after) = text.split_once("value = \"~2000\"").unwrap();
    // The value sits on the line after the last full line before it.
    let line = before.lines().count() + usize::from(before.ends_with('\n'));
    let path = dir.path().join("story.toml");
    fs::write(&path, format!("{before}value = \"~3000\"{after}")).unwrap();
    let (code, out, _) = run(&["test", path.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    let expected = format!(
        "{}:{line}:9: kz.troops: wrong: got ~2000, expected ~3000",
        path.display()
    );
    assert!(out.contains(&expected), "{expected}\nnot in\n{out}");
    assert!(out.contains("rule tests FAILED: 37 passed; 1 failed (0 missing, 0 noisy, 1 wrong)"));
}

#[test]
fn a_near_miss_that_matches_is_noisy_and_a_lost_value_missing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.toml");
    fs::write(
        &path,
        r#"[[fact]]
id = "t"
label = "t"
kind = "quantity"
units = ["troops"]

[[fact.example]]
sentence = "Russia sent 2,000 troops."
value = "none"

[[fact.example]]
sentence = "Russia sent two battalions."
value = "~1000"

[[fact.example]]
sentence = "Russia sent two battalions."
value = "~1000"
todo = true
"#,
    )
    .unwrap();
    let (code, out, _) = run(&["test", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    let shown = path.display();
    assert!(
        out.contains(&format!("{shown}:9:9: t: noisy: got 2000, expected none")),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{shown}:13:9: t: missing: got none, expected ~1000"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{shown}:17:9: t: todo, missing: got none, expected ~1000"
        )),
        "{out}"
    );
    assert!(
        out.contains("0 passed; 2 failed (1 missing, 1 noisy, 0 wrong); 1 todo"),
        "{out}"
    );
}

#[test]
fn a_bad_example_date_is_a_rule_error_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.toml");
    fs::write(
        &path,
        "[[fact]]\nid = \"d\"\nlabel = \"d\"\nkind = \"date\"\n\n[[fact.example]]\nsentence = \"It began Monday.\"\npublished = \"2022-13-01\"\nvalue = \"2022-01-10\"\n",
    )
    .unwrap();
    for cmd in ["test", "lint"] {
        let (code, _, err) = run(&[cmd, path.to_str().unwrap()]);
        assert_eq!(code, 2, "{cmd}: {err}");
        let first = err.lines().next().unwrap();
        assert_eq!(
            first,
            format!(
                "error: {}:8:13: published date \"2022-13-01\" is not a date",
                path.display()
            )
        );
        assert!(err.contains('^'), "{err}");
    }
}

#[test]
fn a_term_example_must_name_a_class() {
    let text = fs::read_to_string(common::root().join("rules/kazakhstan-2022.toml"))
        .unwrap()
        .replace("value = \"peacekeeping\"", "value = \"peacekeping\"");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.toml");
    fs::write(&path, text).unwrap();
    let (code, _, err) = run(&["test", path.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("example value `peacekeping` is not a class of this fact"),
        "{err}"
    );
    assert!(err.contains("did you mean `peacekeeping`?"), "{err}");
}

// ── crosscheck lint ─────────────────────────────────────────────────────────

#[test]
fn lint_is_clean_on_the_bundled_and_example_rules() {
    for rules in ["rules/", &story("rules")] {
        let (code, out, err) = run(&["lint", "--deny-warnings", rules]);
        assert_eq!(code, 0, "{rules}: {err}");
        assert!(out.contains("0 errors, 0 warnings"), "{out}");
    }
}

#[test]
fn lint_exit_codes_errors_2_warnings_0_or_1() {
    let dir = tempfile::tempdir().unwrap();
    let warn = dir.path().join("warn.toml");
    fs::write(
        &warn,
        "[[fact]]\nid = \"a\"\nlabel = \"a\"\nkind = \"quantity\"\nunits = [\"troops\"]\ncontext = [\"border\"]\nexclude = [\"border\"]\n",
    )
    .unwrap();
    let (code, out, err) = run(&["lint", warn.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("0 errors, 2 warnings"), "{out}");
    assert!(
        err.contains(&format!(
            "warning: {}:6:13: context word `border` is also excluded",
            warn.display()
        )),
        "{err}"
    );
    let (code, _, _) = run(&["lint", "--deny-warnings", warn.to_str().unwrap()]);
    assert_eq!(code, 1);
    let bad = dir.path().join("bad.toml");
    fs::write(
        &bad,
        "[[fact]]\nid = \"b\"\nlabel = \"b\"\nkind = \"quantiy\"\n",
    )
    .unwrap();
    let (code, _, err) = run(&["lint", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(&format!(
            "error: {}:4:8: unknown kind `quantiy`",
            bad.display()
        )),
        "{err}"
    );
}

// ── --format github and sarif ───────────────────────────────────────────────

#[test]
fn github_annotations_sit_on_the_article_lines() {
    let (code, out, err) = run(&["check", "--format", "github"]);
    assert_eq!(code, 0, "{err}");
    // The three border-troop observations, the two deployment days (warnings) and the three
    // kz.action wordings only some sources use (notices): one line each.
    assert_eq!(
        out.lines().filter(|l| l.starts_with("::warning ")).count(),
        5,
        "{out}"
    );
    assert_eq!(
        out.lines().filter(|l| l.starts_with("::notice ")).count(),
        3,
        "{out}"
    );
    assert!(out.contains(
        "::warning file=corpus/ap-kazakhstan-uncertainty.txt,line=28,col=332,title=ua.border_troops conflict::Russian troops massed near Ukraine's border: this article says >=100000 (\"at least 100,000\"); irish-times-editorial.txt says 10000..99999"
    ), "{out}");
    assert!(out.contains(
        "::warning file=corpus/irish-times-editorial.txt,line=16,col=139,title=ua.border_troops conflict::"
    ));
    let (code, _, err) = run(&["extract", "--format", "github"]);
    assert_eq!(code, 2, "{err}");
}

fn validate_sarif(text: &str) -> serde_json::Value {
    let validator = common::sarif_validator();
    let log: serde_json::Value = serde_json::from_str(text).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    log
}

#[test]
fn sarif_is_valid_sarif_2_1_0() {
    let (code, out, err) = run(&["check", "--format", "sarif"]);
    assert_eq!(code, 0, "{err}");
    let log = validate_sarif(&out);
    let run0 = &log["runs"][0];
    assert_eq!(
        run0["tool"]["driver"]["rules"].as_array().unwrap().len(),
        11
    );
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), 8);
    let first = &results[0];
    assert_eq!(first["ruleId"], "kz.action");
    let region = &first["locations"][0]["physicalLocation"]["region"];
    // "invaded", ap-kazakhstan-uncertainty.txt line 16, columns 16 to 23 (end exclusive).
    assert_eq!(
        (
            &region["startLine"],
            &region["startColumn"],
            &region["endColumn"]
        ),
        (&16.into(), &16.into(), &23.into())
    );
    assert_eq!(
        first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "corpus/ap-kazakhstan-uncertainty.txt"
    );
    // A schema check that cannot pass on a broken log.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "loud".into();
    let validator = common::sarif_validator();
    assert!(!validator.is_valid(&broken));
}

// ── the example story repository, end to end ────────────────────────────────

#[test]
fn story_repo_rules_pass_test_and_lint() {
    let (code, out, _) = run(&["test", &story("rules")]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("rule tests ok: 8 passed; 0 failed"), "{out}");
}

#[test]
fn story_repo_baseline_is_what_the_tool_writes() {
    let dir = tempfile::tempdir().unwrap();
    let written = dir.path().join("baseline.json");
    let (code, _, err) = run(&[
        "check",
        "--rules",
        &story("rules"),
        "--corpus",
        &story("corpus"),
        "--write-baseline",
        written.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let committed = fs::read_to_string(common::root().join(STORY).join("baseline.json")).unwrap();
    assert_eq!(fs::read_to_string(&written).unwrap(), committed);
    // 9 killed (National Wire) against 12 (City Paper) and at least 12 (Valley Herald).
    // One finding per value in conflict (baseline version 2), not per pair of values.
    assert!(committed.contains("\"key\": \"conflict | flood.deaths | 12\""));
    assert!(committed.contains("\"key\": \"conflict | flood.deaths | 9\""));
    assert!(committed.contains("\"key\": \"conflict | flood.deaths | >=12\""));
}

fn story_check(rules: &str, corpus: &str, baseline: &str) -> (u8, String, String) {
    run(&[
        "check",
        "--rules",
        rules,
        "--corpus",
        corpus,
        "--baseline",
        baseline,
        "--fail-on",
        "conflict",
        "--format",
        "github",
    ])
}

#[test]
fn story_repo_passes_on_its_accepted_corpus() {
    let (code, out, err) = story_check(&story("rules"), &story("corpus"), &story("baseline.json"));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "", "accepted findings are not annotated");
    assert!(
        err.contains("3 accepted, 0 new, 0 no longer found"),
        "{err}"
    );
}

#[test]
fn a_new_article_with_a_new_conflicting_number_fails_and_only_it_is_named() {
    let dir = story_copy();
    fs::write(
        dir.path().join("corpus/late-bulletin.txt"),
        "---\nsource: Late Bulletin\npublished: 2024-03-14\n---\nThe death toll has risen: 30 people died in the flood, the county said.\n",
    )
    .unwrap();
    let (code, out, err) = story_check(
        &p(dir.path(), "rules"),
        &p(dir.path(), "corpus"),
        &p(dir.path(), "baseline.json"),
    );
    assert_eq!(code, 1, "{out}{err}");
    let late = p(dir.path(), "corpus/late-bulletin.txt");
    assert_eq!(annotated_files(&out), vec![late.clone()], "{out}");
    // Line 5, "30" at column 27.
    assert!(
        out.starts_with(&format!(
            "::warning file={},line=5,col=27,title=flood.deaths conflict::",
            late.replace(':', "%3A")
        )),
        "{out}"
    );
    assert!(
        err.contains("3 accepted, 1 new, 0 no longer found"),
        "{err}"
    );
    assert!(
        err.contains("new: conflict | flood.deaths | 30  (late-bulletin.txt)"),
        "{err}"
    );
    assert!(!err.contains("new: conflict | flood.deaths | 12"), "{err}");
}

#[test]
fn a_new_article_repeating_an_accepted_value_passes() {
    let dir = story_copy();
    fs::write(
        dir.path().join("corpus/another-outlet.txt"),
        "---\nsource: Another Outlet\npublished: 2024-03-14\n---\nNine people were killed in the flood after the Marlow dam burst, police said.\n",
    )
    .unwrap();
    let (code, out, err) = story_check(
        &p(dir.path(), "rules"),
        &p(dir.path(), "corpus"),
        &p(dir.path(), "baseline.json"),
    );
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out, "");
    assert!(err.contains("3 accepted, 0 new"), "{err}");
    // Without the baseline the same corpus fails: the conflict is there, only accepted.
    let (code, _, _) = run(&[
        "check",
        "--rules",
        &p(dir.path(), "rules"),
        "--corpus",
        &p(dir.path(), "corpus"),
        "--fail-on",
        "conflict",
    ]);
    assert_eq!(code, 1);
}

#[test]
fn baseline_keys_survive_renamed_and_reordered_articles() {
    let dir = story_copy();
    let corpus = dir.path().join("corpus");
    // Reverse the order of the articles by renaming them.
    for (from, to) in [
        ("city-paper.txt", "z3.txt"),
        ("national-wire.txt", "y2.txt"),
        ("valley-herald.txt", "a1.txt"),
    ] {
        fs::rename(corpus.join(from), corpus.join(to)).unwrap();
    }
    // And an unrelated edit: a new first paragraph shifts every line.
    let a1 = corpus.join("a1.txt");
    let text = fs::read_to_string(&a1).unwrap().replacen(
        "---\nThe Marlow",
        "---\nUpdated with the county's figures.\n\nThe Marlow",
        1,
    );
    fs::write(&a1, text).unwrap();
    let (code, out, err) = story_check(
        &p(dir.path(), "rules"),
        &p(dir.path(), "corpus"),
        &p(dir.path(), "baseline.json"),
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        err.contains("3 accepted, 0 new, 0 no longer found"),
        "{err}"
    );
}

#[test]
fn a_fixed_finding_is_reported_and_does_not_fail() {
    let dir = story_copy();
    fs::remove_file(dir.path().join("corpus/national-wire.txt")).unwrap();
    let (code, _, err) = story_check(
        &p(dir.path(), "rules"),
        &p(dir.path(), "corpus"),
        &p(dir.path(), "baseline.json"),
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("0 accepted, 0 new, 3 no longer found"),
        "{err}"
    );
    assert!(
        err.contains("no longer found: conflict | flood.deaths | 9  ("),
        "{err}"
    );
}

#[test]
fn sarif_marks_baseline_state() {
    let dir = story_copy();
    fs::write(
        dir.path().join("corpus/late-bulletin.txt"),
        "---\nsource: Late Bulletin\npublished: 2024-03-14\n---\nThe death toll has risen: 30 people died in the flood, the county said.\n",
    )
    .unwrap();
    let (_, out, err) = run(&[
        "check",
        "--rules",
        &p(dir.path(), "rules"),
        "--corpus",
        &p(dir.path(), "corpus"),
        "--baseline",
        &p(dir.path(), "baseline.json"),
        "--format",
        "sarif",
    ]);
    let log = validate_sarif(&out);
    let results = log["runs"][0]["results"].as_array().unwrap().clone();
    let state = |s: &str| results.iter().filter(|r| r["baselineState"] == s).count();
    // Since baseline version 2 one finding per value: 12, 9 and >=12 accepted (one
    // observation each), 30 new.
    assert_eq!((state("new"), state("unchanged")), (1, 3), "{err}");
}

#[test]
fn a_quotation_given_to_two_people_is_annotated_and_baselined_by_its_words() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    let article = |name: &str, speaker: &str| {
        fs::write(
            corpus.join(name),
            format!("---\nsource: {name}\n---\n“We will not leave Kazakhstan before the job is done,” {speaker} said on Monday.\n"),
        )
        .unwrap();
    };
    article("a.txt", "Vladimir Putin");
    article("b.txt", "Sergei Lavrov");
    let baseline = p(dir.path(), "baseline.json");
    let corpus_arg = corpus.to_str().unwrap();
    let (code, out, err) = run(&[
        "check",
        "--corpus",
        corpus_arg,
        "--format",
        "github",
        "--fail-on",
        "conflict",
        "--write-baseline",
        &baseline,
    ]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.contains("title=quote.attribution attribution-conflict::“We will not leave Kazakhstan before the job is done” is given to Vladimir Putin here; b.txt:4:1 gives it to Sergei Lavrov"), "{out}");
    let written = fs::read_to_string(&baseline).unwrap();
    assert!(written.contains("\"key\": \"attribution-conflict | quote.attribution | Sergei Lavrov | Vladimir Putin | we will not leave kazakhstan before the job is done\""), "{written}");
    // A third source giving the words to Putin again is the accepted finding, not a new one.
    article("c.txt", "Vladimir Putin");
    let (code, out, err) = story_check("rules", corpus_arg, &baseline);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out, "");
}

#[test]
fn rule_tests_as_json() {
    let (code, out, _) = run(&["test", "--format", "json", &story("rules")]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["passed"], 8);
    assert_eq!(v["results"][0]["fact"], "flood.deaths");
    assert_eq!(v["results"][0]["outcome"], "passed");
    assert_eq!(v["results"][2]["expected"], "none");
}
