//! A run made in parts (issue 18): `extract --format jsonl` over each shard of a corpus,
//! then `compare` over every shard's output, writes the bytes `check` writes on the whole
//! corpus, in every format `check` writes, whatever order the shards are given in. The
//! real binary runs each step, as a cluster's workers would.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crosscheck::report::{Command as Sub, Format};

fn crosscheck(args: &[&str], stdin: Option<&Path>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    c.args(args)
        .current_dir(common::root())
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("RAYON_NUM_THREADS");
    if let Some(file) = stdin {
        c.stdin(std::fs::File::open(file).expect("open stdin file"));
    }
    c.output().expect("run the binary")
}

/// The standard output of a run that must succeed.
fn ok(args: &[&str]) -> Vec<u8> {
    let o = crosscheck(args, None);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// Every report `check` writes: each format it serves, and the wide sheet and the quiet
/// text report besides.
fn report_flags() -> Vec<Vec<&'static str>> {
    let mut all: Vec<Vec<&str>> = Format::ALL
        .into_iter()
        .filter(|f| f.serves(Sub::Check))
        .map(|f| vec!["--format", f.name()])
        .collect();
    assert!(all.len() >= 7, "check writes fewer formats than expected");
    all.push(vec!["--format", "csv", "--wide"]);
    all.push(vec!["--format", "text", "--quiet"]);
    all
}

/// The article files of `dir`, sorted.
fn articles(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("list corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// Split `files` into shards of `sizes` (the last takes the rest; a size of 0 is an empty
/// shard, written as an empty part file, as Spark writes an empty partition), then run
/// each shard through `extract --line-keys` and `extract --format jsonl`, with the whole
/// corpus's recurring lines. Returns the part files, in shard order. `extra` goes to
/// every extract.
fn map(files: &[PathBuf], sizes: &[usize], out: &Path, extra: &[&str]) -> Vec<PathBuf> {
    let (keys, parts) = (out.join("keys"), out.join("parts"));
    std::fs::create_dir_all(&keys).unwrap();
    std::fs::create_dir_all(&parts).unwrap();
    let mut shards: Vec<&[PathBuf]> = Vec::new();
    let mut rest = files;
    for (i, &n) in sizes.iter().enumerate() {
        let n = if i + 1 == sizes.len() { rest.len() } else { n };
        let (a, b) = rest.split_at(n.min(rest.len()));
        shards.push(a);
        rest = b;
    }
    assert!(rest.is_empty());
    let keep = extra.contains(&"--keep-boilerplate");
    for (i, shard) in shards.iter().enumerate().filter(|(_, s)| !s.is_empty()) {
        if !keep {
            let mut args = vec!["extract", "--line-keys"];
            args.extend(shard.iter().map(|p| s(p)));
            std::fs::write(keys.join(format!("part-{i:05}")), ok(&args)).unwrap();
        }
    }
    let mut written = Vec::new();
    for (i, shard) in shards.iter().enumerate() {
        let part = parts.join(format!("part-{i:05}"));
        if shard.is_empty() {
            std::fs::write(&part, b"").unwrap();
        } else {
            let mut args = vec!["extract", "--format", "jsonl", "--name-sentences"];
            // Every other shard without the rows a report gives: the records are the same.
            if i % 2 == 1 {
                args.push("--records-only");
            }
            if !keep {
                args.extend(["--recurring", s(&keys)]);
            }
            args.extend(extra);
            args.extend(shard.iter().map(|p| s(p)));
            std::fs::write(&part, ok(&args)).unwrap();
        }
        written.push(part);
    }
    // What Spark leaves beside its part files, which compare passes over.
    std::fs::write(parts.join("_SUCCESS"), b"").unwrap();
    std::fs::write(parts.join(".part-00000.crc"), b"not a record").unwrap();
    written
}

/// `compare` over `inputs` gives `check`'s bytes on `corpus` in every report.
fn assert_same_reports(corpus: &[&str], inputs: &[Vec<&str>], extra: &[&str]) {
    compare_without(corpus, inputs, extra, None);
}

/// [`assert_same_reports`], with the folder `hide` moved away while `compare` runs: what
/// the reduce gives without the article files (a cluster's reducers do not have them).
fn compare_without(corpus: &[&str], inputs: &[Vec<&str>], extra: &[&str], hide: Option<&Path>) {
    let wants: Vec<(Vec<&str>, Vec<u8>)> = report_flags()
        .into_iter()
        .map(|flags| {
            let mut args = vec!["check"];
            args.extend(&flags);
            args.extend(extra);
            args.extend(corpus);
            let want = ok(&args);
            (flags, want)
        })
        .collect();
    let gone = hide.map(|h| h.with_extension("gone"));
    if let (Some(h), Some(g)) = (hide, &gone) {
        std::fs::rename(h, g).expect("move the corpus away");
    }
    for (flags, want) in wants {
        for input in inputs {
            let mut args = vec!["compare"];
            args.extend(&flags);
            args.extend(input);
            let got = ok(&args);
            assert!(
                got == want,
                "compare {input:?} {flags:?}: not check's bytes ({} vs {} bytes); first difference at byte {}",
                got.len(),
                want.len(),
                got.iter()
                    .zip(&want)
                    .position(|(a, b)| a != b)
                    .unwrap_or(got.len().min(want.len()))
            );
        }
    }
    if let (Some(h), Some(g)) = (hide, &gone) {
        std::fs::rename(g, h).expect("move the corpus back");
    }
}

#[test]
fn the_bundled_corpus_in_shards_gives_checks_bytes_in_every_format() {
    let work = tempfile::tempdir().unwrap();
    let files = articles(&common::root().join("corpus"));
    // Relative paths, as `check corpus` names them.
    let files: Vec<PathBuf> = files
        .iter()
        .map(|p| PathBuf::from("corpus").join(p.file_name().unwrap()))
        .collect();
    let parts = map(&files, &[1, 0, 2, 2], work.path(), &[]);
    let mut shuffled: Vec<&str> = parts.iter().map(|p| s(p)).collect();
    shuffled.reverse();
    assert_same_reports(
        &["corpus"],
        &[
            parts.iter().map(|p| s(p)).collect(),
            shuffled,
            vec![s(parts[0].parent().unwrap())],
        ],
        &[],
    );
}

#[test]
fn a_generated_corpus_in_seven_uneven_shards_gives_checks_bytes_in_any_order() {
    let corpus = common::generated(200, 3);
    let work = tempfile::tempdir().unwrap();
    let files = articles(corpus.path());
    assert_eq!(files.len(), 200);
    let parts = map(&files, &[1, 2, 5, 0, 30, 70, 0], work.path(), &[]);
    let in_order: Vec<&str> = parts.iter().map(|p| s(p)).collect();
    // A fixed shuffle: every shard moves.
    let shuffled: Vec<&str> = [4, 6, 0, 5, 2, 1, 3].iter().map(|&i| in_order[i]).collect();
    let folder = vec![s(parts[0].parent().unwrap())];
    // The articles are away while compare runs: the name sentences come with the records.
    let inputs = [in_order, shuffled, folder];
    compare_without(&[s(corpus.path())], &inputs, &[], Some(corpus.path()));
    // All shards as one stream on standard input, the largest first.
    let cat = work.path().join("all.jsonl");
    let bytes: Vec<u8> = [5, 3, 1, 4, 0, 2, 6]
        .iter()
        .flat_map(|&i| std::fs::read(&parts[i]).unwrap())
        .collect();
    std::fs::write(&cat, bytes).unwrap();
    let want = ok(&["check", "--format", "json", s(corpus.path())]);
    let got = crosscheck(&["compare", "--format", "json", "-"], Some(&cat));
    assert!(
        got.status.success(),
        "{}",
        String::from_utf8_lossy(&got.stderr)
    );
    assert!(got.stdout == want, "compare - is not check's JSON");
}

#[test]
fn kept_boilerplate_on_both_sides_needs_no_survey() {
    let work = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = articles(&common::root().join("corpus"))
        .iter()
        .map(|p| PathBuf::from("corpus").join(p.file_name().unwrap()))
        .collect();
    let parts = map(&files, &[3, 2], work.path(), &["--keep-boilerplate"]);
    let inputs = vec![parts.iter().map(|p| s(p)).collect()];
    assert_same_reports(&["corpus"], &inputs, &["--keep-boilerplate"]);
}

#[test]
fn a_missing_shard_or_a_shard_given_twice_is_noticed() {
    let work = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = articles(&common::root().join("corpus"))
        .iter()
        .map(|p| PathBuf::from("corpus").join(p.file_name().unwrap()))
        .collect();
    let parts = map(&files, &[2, 3], work.path(), &[]);
    let want = ok(&["check", "--format", "json"]);
    // Without the second shard, the report is another one: the test above can fail.
    let fewer = ok(&["compare", "--format", "json", s(&parts[0])]);
    assert!(fewer != want);
    let report: serde_json::Value = serde_json::from_slice(&fewer).unwrap();
    assert_eq!(report["articles"].as_array().unwrap().len(), 2);
    // The same shard twice is an error naming both places, not a report with doubles.
    let o = crosscheck(&["compare", s(&parts[0]), s(&parts[1]), s(&parts[0])], None);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("the same article is in"), "{err}");
}

#[test]
fn a_bad_line_is_an_error_naming_file_line_and_column() {
    let work = tempfile::tempdir().unwrap();
    let part = work.path().join("part-00000");
    let map = ok(&[
        "extract",
        "--format",
        "jsonl",
        "corpus/ap-lightning-deployment.txt",
    ]);
    let text = String::from_utf8(map).unwrap();
    // The third line cut short: not JSON.
    let lines: Vec<&str> = text.lines().collect();
    let cut = format!("{}\n{}\n{}\n", lines[0], lines[1], &lines[2][..40]);
    std::fs::write(&part, &cut).unwrap();
    let o = crosscheck(&["compare", s(&part)], None);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with(&format!(
            "error: {}:3:40: not a map record: EOF while parsing a string\n",
            s(&part)
        )),
        "{err}"
    );
    assert!(o.stdout.is_empty());
    // A record before any header: not extract's output.
    std::fs::write(&part, format!("{}\n", lines[1])).unwrap();
    let o = crosscheck(&["compare", s(&part)], None);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(":1: a record before any header"), "{err}");
    // A header lacking a field: the error points at the line's first column, never 0.
    std::fs::write(&part, "{\"type\":\"header\",\"schema\":1}\n").unwrap();
    let o = crosscheck(&["compare", s(&part)], None);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with(&format!(
            "error: {}:1:1: not a map record: missing field",
            s(&part)
        )),
        "{err}"
    );
    // Rules other than those extract ran with.
    let other = work.path().join("other.toml");
    std::fs::write(
        &other,
        "[[fact]]\nid = \"x\"\nlabel = \"X\"\nkind = \"quantity\"\npatterns = [\"{number} things\"]\n",
    )
    .unwrap();
    std::fs::write(&part, &cut).unwrap();
    let o = crosscheck(&["compare", "--rules", s(&other), s(&part)], None);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(":1: extracted with the facts ["), "{err}");
}

#[test]
fn shards_leave_out_the_whole_corpus_boilerplate_given_its_line_keys() {
    // Four unrelated made-up articles that share one short line: boilerplate of the
    // outlet, left out by a run over all four, but not seen to recur by any one alone.
    let corpus = tempfile::tempdir().unwrap();
    let topics = [
        "The harbour board approved a new ferry timetable after a long public meeting.",
        "Farmers in the northern district reported an early harvest of pears and plums.",
        "The city library will stay open late on weekdays during the examination season.",
        "A local choir won the regional contest with a programme of old folk songs.",
    ];
    for (i, t) in topics.iter().enumerate() {
        let text = format!(
            "---\nsource: Outlet {i}\npublished: 2022-01-10\n---\n{t}\n\nFollow the valley desk on every platform\n\n{t} Officials were pleased.\n"
        );
        std::fs::write(corpus.path().join(format!("story-{i}.txt")), text).unwrap();
    }
    let files = articles(corpus.path());
    let work = tempfile::tempdir().unwrap();
    let parts = map(&files, &[1, 1, 1, 1], work.path(), &[]);
    let want = ok(&["check", "--format", "json", s(corpus.path())]);
    let report: serde_json::Value = serde_json::from_slice(&want).unwrap();
    assert!(
        report["articles"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["boilerplate_lines"] == 1),
        "the shared line is not boilerplate to check: the test proves nothing"
    );
    let inputs = vec![parts.iter().map(|p| s(p)).collect()];
    assert_same_reports(&[s(corpus.path())], &inputs, &[]);
    // check takes the survey too: the same as its own over the whole corpus.
    let keys = work.path().join("keys");
    let given = ok(&[
        "check",
        "--format",
        "json",
        "--recurring",
        s(&keys),
        s(corpus.path()),
    ]);
    assert!(
        given == want,
        "check --recurring differs from check's own survey"
    );
    // Each shard surveyed alone keeps the line, and compare says the report may differ.
    let alone: Vec<PathBuf> = files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let p = work.path().join(format!("alone-{i}"));
            std::fs::write(&p, ok(&["extract", "--format", "jsonl", s(f)])).unwrap();
            p
        })
        .collect();
    let mut args = vec!["compare", "--format", "json"];
    args.extend(alone.iter().map(|p| s(p)));
    let o = crosscheck(&args, None);
    assert!(o.status.success());
    assert!(
        o.stdout != want,
        "shards surveyed alone gave check's report"
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(
            "note: 4 inputs left out recurring boilerplate surveyed over their own articles only"
        ),
        "{err}"
    );
}

#[test]
fn flags_that_do_not_fit_are_usage_errors() {
    for (args, says) in [
        (
            &["extract", "--name-sentences"][..],
            "--name-sentences and --records-only go with --format jsonl",
        ),
        (
            &["extract", "--format", "csv", "--records-only"],
            "--name-sentences and --records-only go with --format jsonl",
        ),
        (
            &["compare", "-", "-"],
            "standard input (-) can be read once only",
        ),
        (
            &["compare", "--format", "jsonl", "x"],
            "--format jsonl is for `extract`",
        ),
        (
            &["compare", "--rules", "tests/fixtures/rules-nofacts", "x"],
            "compare needs the rule files that name the facts",
        ),
    ] {
        let (code, out, err) = common::run(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty() && err.contains(says), "{args:?}: {err}");
    }
}
