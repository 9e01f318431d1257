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
        Skipped("published date \"2022-02-30\" is not a date"),
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
