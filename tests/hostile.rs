//! The hostile corpus (tests/fixtures/hostile/) end to end: every file is accounted for in
//! the report (read, read with a warning, or skipped with a reason), and what is read is read
//! right (values, lines and columns as on disk, spreadsheet-safe CSV).

mod common;

use std::collections::BTreeSet;

use common::run;

const DIR: &str = "tests/fixtures/hostile";

/// What must become of a file.
enum Fate {
    /// A source of the report, with no problem.
    Read,
    /// A source of the report, and a problem line with this text.
    Decoded(&'static str),
    /// Not a source; a problem line `file…: skipped: <this text>`.
    Skipped(&'static str),
}

use Fate::*;

const FATES: &[(&str, Fate)] = &[
    (
        "bad-published.txt",
        Skipped("published date \"2022-02-30\" is not a day of the calendar"),
    ),
    ("binary.txt", Skipped("binary file (")),
    ("bom.txt", Read),
    ("cr.txt", Read),
    ("crlf.txt", Read),
    ("empty.txt", Skipped("empty article")),
    ("formula-and-script.txt", Read),
    ("fullwidth-curly.txt", Read),
    ("huge-line.txt", Read),
    (
        "latin1.txt",
        Decoded("not valid UTF-8 (byte 0xE9); decoded as windows-1252"),
    ),
    ("nbsp-numbers.txt", Read),
    ("nul.txt", Skipped("binary file (a NUL byte at offset 73)")),
    ("unbalanced-quotes.txt", Read),
    (
        "unclosed-front-matter.txt",
        Skipped(
            "front matter line \"Russia sent 2,000 troops to Kazakhstan.\" is not `key: value`",
        ),
    ),
    ("utf16.txt", Decoded("decoded as UTF-16LE")),
    ("zero-width.txt", Read),
];

/// Lines of a text report section: from the line starting with `title` to the next blank line.
fn section<'a>(report: &'a str, title: &str) -> Vec<&'a str> {
    report
        .lines()
        .skip_while(|l| !l.starts_with(title))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .collect()
}

#[test]
fn every_hostile_file_is_read_decoded_or_skipped_with_a_reason() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(common::root().join(DIR))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let listed: BTreeSet<String> = FATES.iter().map(|(f, _)| f.to_string()).collect();
    assert_eq!(on_disk, listed, "every fixture needs a fate in FATES");

    let (code, out, err) = run(&["check", "--corpus", DIR, "--width", "0"]);
    assert_eq!(code, 0, "{err}");
    let sources = section(&out, "Sources");
    let problems = section(&out, "Problems (");
    let is_source = |f: &str| {
        sources
            .iter()
            .any(|l| l.split_whitespace().nth(1) == Some(f))
    };
    let problems_of = |f: &str| -> Vec<&str> {
        problems
            .iter()
            .map(|l| l.trim())
            .filter(|l| l.starts_with(&format!("{f}:")))
            .collect()
    };
    for (file, fate) in FATES {
        let mine = problems_of(file);
        match fate {
            Read => {
                assert!(is_source(file), "{file} should be a source:\n{out}");
                assert!(mine.is_empty(), "{file} should have no problem: {mine:?}");
            }
            Decoded(why) => {
                assert!(is_source(file), "{file} should be a source:\n{out}");
                assert!(mine.len() == 1 && mine[0].contains(why), "{file}: {mine:?}");
                assert!(err.contains(&format!("warning: {}", mine[0])), "{err}");
            }
            Skipped(why) => {
                assert!(!is_source(file), "{file} should be skipped:\n{out}");
                assert!(
                    mine.len() == 1 && mine[0].contains(&format!(": skipped: {why}")),
                    "{file}: {mine:?}"
                );
                assert!(err.contains(&format!("warning: {}", mine[0])), "{err}");
            }
        }
    }
    assert_eq!(
        problems.len(),
        FATES.iter().filter(|(_, f)| !matches!(f, Read)).count()
    );
}

/// `extract --format csv` rows of the hostile corpus, as (file, line, column, value, raw).
fn troop_rows() -> Vec<(String, usize, usize, String, String)> {
    let (code, out, err) = run(&["extract", "--corpus", DIR, "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    csv::Reader::from_reader(out.as_bytes())
        .records()
        .map(|r| r.unwrap())
        .filter(|r| &r[0] == "kz.troops")
        .map(|r| {
            (
                r[3].to_string(),
                r[4].parse().unwrap(),
                r[5].parse().unwrap(),
                r[6].to_string(),
                r[7].to_string(),
            )
        })
        .collect()
}

#[test]
fn every_article_that_is_read_gives_its_2000_troops() {
    let rows = troop_rows();
    for (file, fate) in FATES {
        if matches!(fate, Skipped(_)) {
            continue;
        }
        let mine: Vec<_> = rows.iter().filter(|r| r.0 == *file).collect();
        assert!(!mine.is_empty(), "{file}: no kz.troops");
        for r in mine {
            assert!(r.3.ends_with("2000"), "{file}: {r:?}");
        }
    }
}

#[test]
fn lines_and_columns_are_those_of_the_file_on_disk() {
    let rows = troop_rows();
    let at = |file: &str| -> Vec<(usize, usize, &str)> {
        rows.iter()
            .filter(|r| r.0 == file)
            .map(|r| (r.1, r.2, r.4.as_str()))
            .collect()
    };
    // The byte-order mark is not a column.
    assert_eq!(at("bom.txt"), [(5, 13, "about 2,000")]);
    // CR and CRLF line ends count as one line each.
    assert_eq!(at("cr.txt"), [(5, 1, "Nearly 2,000")]);
    assert_eq!(at("crlf.txt"), [(5, 13, "some 2,000")]);
    // No-break, thin and narrow no-break spaces group thousands (the CSV shows white space
    // as one plain space).
    assert_eq!(
        at("nbsp-numbers.txt"),
        [(5, 13, "2 000"), (7, 19, "2 000"), (9, 6, "2 000")]
    );
    // The zero-width space is dropped from the value but counts as a column after it.
    assert_eq!(at("zero-width.txt"), [(5, 1, "About 2,000")]);
    // Fullwidth "２，０００" reads as 2,000; curly quotes before it are one column each.
    assert_eq!(at("fullwidth-curly.txt"), [(5, 34, "2,000")]);
    // Latin-1: "envoyé" is one column, as in an editor.
    assert_eq!(at("latin1.txt"), [(5, 17, "about 2,000")]);
    // A 30 KB line: the second value sits past the run-on sentence, far along line 5.
    let huge = at("huge-line.txt");
    assert_eq!(huge.len(), 2, "{huge:?}");
    assert_eq!((huge[0].0, huge[0].1), (5, 21013));
    let line5 = std::fs::read_to_string(common::root().join(DIR).join("huge-line.txt"))
        .unwrap()
        .lines()
        .nth(4)
        .unwrap()
        .to_string();
    let second = line5.rfind("2,000").unwrap();
    assert_eq!(huge[1], (5, line5[..second].chars().count() + 1, "2,000"));
}

#[test]
fn csv_cells_from_hostile_text_cannot_run_as_formulas() {
    for cmd in ["check", "extract"] {
        let (code, out, _) = run(&[cmd, "--corpus", DIR, "--format", "csv"]);
        assert_eq!(code, 0);
        for record in csv::Reader::from_reader(out.as_bytes()).records() {
            for cell in record.unwrap().iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cmd}: {cell:?}"
                );
            }
        }
        assert!(
            out.contains("'=HYPERLINK("),
            "{cmd}: the formula source is kept as text"
        );
    }
}

/// #21 item 4: an article's text, its front matter and its file name can hold control and
/// bidi-override characters. Whatever a person reads on a terminal or in a CI log shows
/// them escaped (`\u{1b}`), so none acts: no escape sequence, no forged log line, no text
/// displayed out of order.
#[test]
fn terminal_and_log_injection_is_shown_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("corpus folder");
    std::fs::copy(
        common::root().join("corpus/ap-lightning-deployment.txt"),
        corpus.join("plain.txt"),
    )
    .expect("copy an article");
    // The forged name and body are made up; the troop sentence has the shape the bundled
    // rules read, so this article conflicts with the plain one.
    let forged = "inject\n::error::forged.txt";
    // Filler keeps the control bytes under the share that marks a file binary.
    let filler = "The talks went on for most of the day without an agreement. ".repeat(30);
    std::fs::write(
        corpus.join(forged),
        format!("---\nsource: Wire\x1b]52;c;Y2xpcA==\x07 Service\ntitle: Title\x1b[2J here\n\
         published: 2022-01-08\n---\n\
         Russia has massed 7,000 troops near the Ukrainian border\u{202e}, officials said.\n\n\
         \u{201c}We will \x1b]8;;http://x.test\x07look\x1b]8;;\x07 again,\u{201d} said Ona Pell, a spokeswoman.\n\n{filler}\n"),
    )
    .expect("write the hostile article");
    std::fs::write(corpus.join("empty\n::error::skipped.txt"), "").expect("empty article");
    let c = corpus.to_str().expect("utf-8 path");
    let empty_baseline = dir.path().join("base.json");
    let plain_only = dir.path().join("plain");
    std::fs::create_dir(&plain_only).expect("folder");
    std::fs::copy(corpus.join("plain.txt"), plain_only.join("plain.txt")).expect("copy");
    let (code, _, err) = run(&[
        "check",
        "--corpus",
        plain_only.to_str().expect("utf-8"),
        "--write-baseline",
        empty_baseline.to_str().expect("utf-8"),
    ]);
    assert!(code <= 1, "baseline run failed: {err}");
    let b = empty_baseline.to_str().expect("utf-8");

    // Every ESC left must start one of the report's own colour codes (ESC [ digits m).
    let only_colour_codes = |s: &str| {
        s.match_indices('\x1b').all(|(i, _)| {
            let rest = &s.as_bytes()[i + 1..];
            rest.first() == Some(&b'[')
                && rest[1..]
                    .iter()
                    .find(|x| !(x.is_ascii_digit() || **x == b';'))
                    == Some(&b'm')
        })
    };
    for (args, colour) in [
        (vec!["check", c, "--color", "never"], false),
        (vec!["check", c, "--color", "always"], true),
        (vec!["check", c, "--format", "markdown"], false),
        (vec!["check", c, "--format", "html"], false),
        (vec!["check", c, "--format", "github"], false),
        (vec!["check", c, "--format", "csv"], false),
        (vec!["extract", c, "--color", "never"], false),
        (vec!["check", c, "--baseline", b], false),
    ] {
        let (_, out, err) = run(&args);
        for (what, s) in [("stdout", &out), ("stderr", &err)] {
            let ctx = format!("{args:?} {what}");
            assert!(
                if colour {
                    only_colour_codes(s)
                } else {
                    !s.contains('\x1b')
                },
                "{ctx}: a raw ESC"
            );
            assert!(!s.contains('\x07'), "{ctx}: a raw BEL");
            assert!(
                !s.contains('\u{202e}'),
                "{ctx}: a raw right-to-left override"
            );
            assert!(
                !s.lines().any(|l| l.starts_with("::error::")),
                "{ctx}: a forged log line:\n{s}"
            );
        }
        // What was in the input is still there for a person to see.
        let all = format!("{out}{err}");
        assert!(
            all.contains("::error::forged.txt"),
            "{args:?}: the forged name is gone"
        );
        if args[0] == "check" && !args.contains(&"github") {
            assert!(
                all.contains("\\u{202e}"),
                "{args:?}: the override is not shown"
            );
        }
    }
    // The empty article is reported under its name, escaped, on standard error.
    let (_, _, err) = run(&["check", c, "--color", "never"]);
    assert!(err.contains("empty\\u{a}::error::skipped.txt"), "{err}");
    // The baseline's list of new findings names the forged file escaped.
    let (_, _, err) = run(&["check", c, "--baseline", b]);
    assert!(err.contains("new: "), "{err}");
    assert!(err.contains("inject\\u{a}::error::forged.txt"), "{err}");
}
