//! Every message the CLI can print on a bad input, as a table: the files a case needs, the
//! arguments, the exit code, and what standard error must say. Rule file errors must also
//! show the line with a caret under the bad part.

mod common;

use std::fs;

/// One run of the CLI on a temporary folder `DIR`, holding `rules.toml` (if `rule` is set)
/// and `corpus/` (the files in `articles`).
struct Case {
    name: &'static str,
    rule: Option<&'static str>,
    articles: &'static [(&'static str, &'static [u8])],
    args: &'static [&'static str],
    code: u8,
    /// Each must appear in standard error (after the temporary folder is written `DIR`).
    stderr: &'static [&'static str],
    /// A rule error: the offending line and a caret must follow the headline.
    caret: bool,
}

const GOOD_ARTICLE: &[u8] =
    b"---\nsource: Good\npublished: 2022-01-08\n---\nRussia sent about 2,000 troops to Kazakhstan.\n";

const FACT: &str = "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"quantity\"\n";

const fn case(name: &'static str) -> Case {
    Case {
        name,
        rule: None,
        articles: &[("good.txt", GOOD_ARTICLE)],
        args: &["check"],
        code: 2,
        stderr: &[],
        caret: false,
    }
}

fn cases() -> Vec<Case> {
    let rule = |name, text: &'static str, stderr| Case {
        rule: Some(text),
        stderr,
        caret: true,
        ..case(name)
    };
    vec![
        // ── Usage ────────────────────────────────────────────────────────────────
        Case {
            args: &["check", "--format", "xml"],
            stderr: &["invalid value 'xml' for '--format <FORMAT>'"],
            ..case("unknown format")
        },
        Case {
            args: &["check", "--frobnicate"],
            stderr: &["unexpected argument '--frobnicate'"],
            ..case("unknown flag")
        },
        Case {
            args: &["check", "--fail-on", "typo"],
            stderr: &["invalid value 'typo' for '--fail-on <WHAT>'"],
            ..case("unknown fail-on")
        },
        // ── Paths ────────────────────────────────────────────────────────────────
        Case {
            args: &["check", "--rules", "DIR/nothing.toml"],
            stderr: &[
                "error: DIR/nothing.toml: no such file or folder",
                "help: pass a rule file",
            ],
            ..case("missing rule file")
        },
        Case {
            args: &["check", "--rules", "DIR/corpus"],
            stderr: &["error: DIR/corpus: no rule files (*.toml) in this folder"],
            ..case("folder without rule files")
        },
        Case {
            args: &["check", "--corpus", "DIR/nothing"],
            stderr: &["error: DIR/nothing: no such file or folder"],
            ..case("missing corpus")
        },
        Case {
            articles: &[],
            stderr: &[
                "error: no articles found in DIR/corpus (looked for .txt, .md, .html, .jsonl, .csv and extension-less files; see docs/inputs.md)",
            ],
            ..case("empty corpus folder")
        },
        Case {
            articles: &[("a.txt", b""), ("b.txt", b"\x00\x01")],
            stderr: &[
                "warning: a.txt: skipped: empty article",
                "warning: b.txt: skipped: binary file (a NUL byte at offset 0), not an article",
                "error: none of the articles could be read",
            ],
            ..case("no readable article")
        },
        Case {
            args: &["check", "-o", "DIR/no/such/folder/report.txt"],
            stderr: &[
                "error: cannot write DIR/no/such/folder/report.txt: No such file or directory",
            ],
            ..case("unwritable output")
        },
        Case {
            args: &["check", "--published", "good.txt:2022-01-08"],
            stderr: &["error: --published \"good.txt:2022-01-08\": write FILE=YYYY-MM-DD"],
            ..case("--published without =")
        },
        Case {
            args: &["check", "--published", "other.txt=2022-01-08"],
            stderr: &[
                "error: --published \"other.txt=2022-01-08\": no article \"other.txt\" in the corpus",
            ],
            ..case("--published for an unknown article")
        },
        Case {
            args: &["extract", "--format", "sarif"],
            stderr: &["error: --format github and sarif report findings: use them with `check`"],
            ..case("sarif with extract")
        },
        Case {
            args: &["check", "--baseline", "DIR/none.json"],
            stderr: &["error: DIR/none.json: cannot read the baseline: No such file or directory"],
            ..case("missing baseline")
        },
        Case {
            articles: &[("good.txt", GOOD_ARTICLE), ("base.json", b"{ not json")],
            args: &["check", "--baseline", "DIR/corpus/base.json"],
            stderr: &["error: DIR/corpus/base.json:1:3: not a crosscheck baseline"],
            ..case("baseline that is not JSON")
        },
        // ── Articles: warnings, the run goes on (exit 0) ──────────────────────────
        Case {
            articles: &[
                ("good.txt", GOOD_ARTICLE),
                ("open.txt", b"---\nsource: X\n"),
                ("notkv.txt", b"---\nsource: X\nBody.\n---\nText.\n"),
                ("date.txt", b"---\npublished: 2022-02-30\n---\nText.\n"),
                ("nobody.txt", b"---\nsource: X\n---\n\n"),
                ("emptykey.txt", b"---\n: value\n---\nText.\n"),
                ("latin1.txt", b"caf\xe9 2,000 troops"),
                ("controls.txt", b"\x01\x02\x03\x04\x05\x06\x07\x08 bin"),
                ("badutf16.txt", b"\xff\xfe\x00\xd8"),
            ],
            code: 0,
            stderr: &[
                "warning: open.txt:1:1: skipped: front matter opened with `---` is never closed",
                "warning: notkv.txt:3:1: skipped: front matter line \"Body.\" is not `key: value`; is the closing `---` missing?",
                "warning: date.txt:2:12: skipped: published date \"2022-02-30\" is not a day of the calendar (no such month or day)",
                "warning: nobody.txt:4:1: skipped: article has front matter but no body",
                "warning: emptykey.txt:2:1: skipped: front matter line has an empty key",
                "warning: latin1.txt:1:4: not valid UTF-8 (byte 0xE9); decoded as windows-1252",
                "warning: controls.txt: skipped: binary file (8 control bytes in 12), not an article",
                "warning: badutf16.txt: skipped: starts with a UTF-16LE byte-order mark but is not valid UTF-16LE",
            ],
            ..case("unreadable articles")
        },
        Case {
            rule: Some("[[fact]]\nid = \"d\"\nlabel = \"day\"\nkind = \"date\"\n"),
            articles: &[(
                "feb30.txt",
                b"---\npublished: 2022-01-08\n---\nIt happened on February 30.\n",
            )],
            code: 0,
            stderr: &["warning: feb30.txt:4:13: d: \"on February 30\": February 30 is not a date"],
            ..case("impossible date in an article")
        },
        // ── Rule files: file:line:column, the line, a caret, help ─────────────────
        rule(
            "toml syntax",
            "[[fact]]\nid = \"a\nlabel = \"b\"\n",
            &["error: DIR/rules.toml:2:"],
        ),
        rule(
            "unknown key",
            "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"quantity\"\ncontxt = [\"x\"]\n",
            &[
                "error: DIR/rules.toml:5:1: unknown field `contxt`",
                "help: did you mean `context`?",
            ],
        ),
        rule(
            "unknown top-level key",
            "[storyy]\ntitle = \"x\"\n",
            &[
                "error: DIR/rules.toml:1:2: unknown field `storyy`",
                "help: did you mean `story`?",
            ],
        ),
        rule(
            "missing key",
            "[[fact]]\nlabel = \"b\"\nkind = \"quantity\"\n",
            &["error: DIR/rules.toml:1:1: missing field `id`"],
        ),
        rule(
            "wrong type: string for a number",
            "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"quantity\"\nunits = [\"x\"]\nwindow = \"eight\"\n",
            &[
                "error: DIR/rules.toml:6:10: invalid type: string \"eight\"",
                "help: write a whole number without quotes, e.g. 8",
            ],
        ),
        rule(
            "wrong type: string for a list",
            "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"quantity\"\nunits = \"troops\"\n",
            &[
                "error: DIR/rules.toml:5:9: invalid type: string \"troops\"",
                "help: write a list in brackets",
            ],
        ),
        rule(
            "wrong type: number for a string",
            "[[fact]]\nid = 5\nlabel = \"b\"\nkind = \"quantity\"\n",
            &[
                "error: DIR/rules.toml:2:6: invalid type: integer `5`",
                "help: write the value in quotes",
            ],
        ),
        rule(
            "unknown kind",
            "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"quantiy\"\n",
            &[
                "error: DIR/rules.toml:4:8: unknown kind `quantiy`",
                "help: did you mean `quantity`?",
            ],
        ),
        rule(
            "empty id",
            "[[fact]]\nid = \" \"\nlabel = \"b\"\nkind = \"quantity\"\n",
            &["error: DIR/rules.toml:2:6: fact id is empty"],
        ),
        rule(
            "id with a control character",
            "[[fact]]\nid = \"a\\u001B[2Jb\"\nlabel = \"b\"\nkind = \"quantity\"\nunits = [\"x\"]\n",
            &[
                "error: DIR/rules.toml:2:6: fact id contains the control character U+001B",
                "help: use letters, digits",
            ],
        ),
        rule(
            "id with a bidi override",
            "[[fact]]\nid = \"a\\u202Eb\"\nlabel = \"b\"\nkind = \"quantity\"\nunits = [\"x\"]\n",
            &["error: DIR/rules.toml:2:6: fact id contains the control character U+202E"],
        ),
        rule(
            "duplicate id",
            "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"quantity\"\nunits = [\"x\"]\n[[fact]]\nid = \"a\"\nlabel = \"c\"\nkind = \"quantity\"\nunits = [\"x\"]\n",
            &[
                "error: DIR/rules.toml:7:6: duplicate fact id `a`",
                "help: first defined at line 2",
            ],
        ),
        rule(
            "bad pattern",
            "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"quantity\"\npatterns = ['{number} (troops']\n",
            &[
                "error: DIR/rules.toml:5:23: bad pattern",
                "help: patterns are regular expressions",
            ],
        ),
        rule(
            "unknown placeholder",
            "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"quantity\"\npatterns = ['{numbr} troops']\n",
            &[
                "error: DIR/rules.toml:5:14: unknown placeholder {numbr}",
                "help: did you mean {number}?",
            ],
        ),
        rule(
            "two placeholders",
            "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"quantity\"\npatterns = ['{number} of {number}']\n",
            &["error: DIR/rules.toml:5:26: a pattern may hold only one placeholder"],
        ),
        rule(
            "missing placeholder",
            "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"date\"\npatterns = ['troops']\n",
            &["error: DIR/rules.toml:5:14: a date pattern needs the placeholder {date}"],
        ),
        rule(
            "reserved group name",
            "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"quantity\"\npatterns = ['(?P<value>x) {number}']\n",
            &[
                "error: DIR/rules.toml:5:",
                "the group name `value` is reserved",
            ],
        ),
        rule(
            "pattern too large",
            "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"quantity\"\npatterns = ['(?:a{1000}){1000} {number}']\n",
            &["error: DIR/rules.toml:5:14: pattern is too large: it compiles to more than 16 MiB"],
        ),
        rule(
            "quantity without patterns or units",
            FACT,
            &["error: DIR/rules.toml:2:6: quantity fact `a` has neither patterns nor units"],
        ),
        rule(
            "term without classes",
            "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"term\"\n",
            &["error: DIR/rules.toml:2:6: term fact `a` has no classes"],
        ),
        rule(
            "empty class",
            "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"term\"\n[fact.classes]\ninvasion = []\n",
            &["error: DIR/rules.toml:6:12: class `invasion` has no words"],
        ),
        rule(
            "empty word",
            "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"quantity\"\nunits = [\"x\"]\ncontext = [\"a||b\"]\n",
            &["error: DIR/rules.toml:6:12: empty word in list"],
        ),
        rule(
            "window not positive",
            "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"quantity\"\nunits = [\"x\"]\nwindow = 0\n",
            &["error: DIR/rules.toml:6:10: window must be a positive number of words"],
        ),
        rule(
            "unknown scope",
            "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"quantity\"\nunits = [\"x\"]\nscope = \"page\"\n",
            &["error: DIR/rules.toml:6:9: unknown scope `page`"],
        ),
        rule(
            "bad tolerance",
            "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"quantity\"\nunits = [\"x\"]\ntolerance = \"abc\"\n",
            &["error: DIR/rules.toml:6:13: tolerance must be a percentage"],
        ),
        rule(
            "unknown numeric_order",
            "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"date\"\nnumeric_order = \"ymd\"\n",
            &["error: DIR/rules.toml:5:17: unknown numeric_order `ymd`"],
        ),
        rule(
            "unknown precision",
            "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"date\"\nprecision = \"hour\"\n",
            &["error: DIR/rules.toml:5:13: unknown precision `hour`"],
        ),
        rule(
            "bad within",
            "[[fact]]\nid = \"a\"\nlabel = \"b\"\nkind = \"date\"\nwithin = [\"2022-01-31\", \"2022-01-01\"]\n",
            &["error: DIR/rules.toml:5:10: within ends (2022-01-01) before it starts (2022-01-31)"],
        ),
        Case {
            rule: Some("title = \"caf\u{e9}\""),
            stderr: &[
                "error: DIR/rules.toml:1:13: not valid UTF-8 (byte 0xE9)",
                "1 | title = \"caf\u{fffd}\"",
                "  help: save the rule file as UTF-8",
            ],
            ..case("rule file not UTF-8")
        },
    ]
}

#[test]
fn every_cli_message_says_what_where_and_how() {
    let mut failures = Vec::new();
    for c in cases() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_str().unwrap().to_string();
        let corpus = dir.path().join("corpus");
        fs::create_dir(&corpus).unwrap();
        for (name, bytes) in c.articles {
            fs::write(corpus.join(name), bytes).unwrap();
        }
        let mut args: Vec<String> = c.args.iter().map(|a| a.replace("DIR", &root)).collect();
        if let Some(rule) = c.rule {
            let bytes: Vec<u8> = if c.name == "rule file not UTF-8" {
                // The one case that needs bytes that are not UTF-8.
                b"title = \"caf\xe9\"\n".to_vec()
            } else {
                rule.as_bytes().to_vec()
            };
            fs::write(dir.path().join("rules.toml"), bytes).unwrap();
            args.extend(["--rules".into(), format!("{root}/rules.toml")]);
        } else if !args.iter().any(|a| a == "--rules") {
            args.extend(["--rules".into(), "rules".into()]);
        }
        if !args.iter().any(|a| a == "--corpus") {
            args.extend(["--corpus".into(), format!("{root}/corpus")]);
        }
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = common::run(&argv);
        let err = err.replace(&root, "DIR");
        if code != c.code {
            failures.push(format!("{}: exit {code}, wanted {}\n{err}", c.name, c.code));
            continue;
        }
        for want in c.stderr {
            if !err.contains(want) {
                failures.push(format!("{}: stderr lacks {want:?}:\n{err}", c.name));
            }
        }
        if c.code == 2 && !out.is_empty() {
            failures.push(format!("{}: a failed run printed a report", c.name));
        }
        if c.caret {
            // headline, "  |", "N | the line", "  | ^^^"
            let lines: Vec<&str> = err.lines().collect();
            let ok = lines.len() >= 4
                && lines[0].starts_with("error: DIR/rules.toml:")
                && lines[2].contains(" | ")
                && lines[3].trim_start().starts_with("| ")
                && lines[3].trim_end().ends_with('^');
            if !ok {
                failures.push(format!("{}: no line and caret:\n{err}", c.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// #21 item 12: a rule file named twice (or a folder and a file in it) is read once, not
/// refused for "duplicate fact id".
#[test]
fn hostile_a_rule_file_named_twice_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    fs::create_dir(&rules).unwrap();
    fs::write(
        rules.join("r.toml"),
        "[[fact]]\nid = \"a\"\nlabel = \"Troops\"\nkind = \"quantity\"\nunits = [\"troops\"]\n",
    )
    .unwrap();
    fs::write(dir.path().join("good.txt"), GOOD_ARTICLE).unwrap();
    let file = rules.join("r.toml").display().to_string();
    let folder = rules.display().to_string();
    let corpus = dir.path().join("good.txt").display().to_string();
    for twice in [[&file, &file], [&folder, &file]] {
        let (code, out, err) = common::run(&[
            "check", "--rules", twice[0], "--rules", twice[1], "--corpus", &corpus,
        ]);
        assert_eq!(code, 0, "{err}");
        assert!(
            out.contains("Troops") && !err.contains("duplicate"),
            "{out}{err}"
        );
    }
}

/// #21 item 12: `--threads` beyond the machine's parallelism is lowered, with a note.
#[test]
fn hostile_threads_beyond_the_cores_are_capped_with_a_note() {
    let (code, _, err) = common::run(&["check", "--threads", "10000"]);
    assert_eq!(code, 0, "{err}");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    assert!(
        err.contains(&format!(
            "note: --threads 10000: this machine runs {cores} at once"
        )),
        "{err}"
    );
}
