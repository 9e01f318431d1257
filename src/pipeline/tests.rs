//! The run read and assembled a slice at a time is the run read whole.

use super::*;

/// A made-up story in four outlets: an amount they disagree on, a quotation worded two
/// ways, a name spelled two ways.
const ARTICLES: [(&str, &str); 4] = [
    (
        "a-north.txt",
        "---\nsource: North Post\ntitle: Dam opens\npublished: 2024-03-04\n---\nAbout 1,200 \
         workers built the Orrin dam, officials said.\n\n“We finished the dam a year early,” \
         said Mara Velt, the project's head.\n",
    ),
    (
        "b-south.txt",
        "---\nsource: South Wire\ntitle: Orrin dam opens\n---\nSome 1,500 workers built the \
         Orrin dam.\n\n“The dam was finished a year early,” Mara Veldt said on Monday.\n",
    ),
    (
        "c-east.txt",
        "---\nsource: East Ledger\ntitle: A dam, early\n---\nMara Velt said 1,200 workers \
         had built it.\n",
    ),
    (
        "d-west.txt",
        "---\nsource: West Herald\ntitle: Orrin\n---\nThe dam employed 1,500 workers, Mara \
         Veldt said.\n",
    ),
];

const RULES: &str = "[[fact]]\nid = \"dam.workers\"\nlabel = \"Workers on the dam\"\n\
                     kind = \"quantity\"\nunits = [\"workers\"]\n";

/// `check`'s sliced path against reading every outcome first, with two inputs that cannot
/// be read among the articles and a publication date to match.
#[test]
fn a_run_assembled_slice_by_slice_reports_what_the_whole_run_reports() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let mut paths = Vec::new();
    for (name, text) in ARTICLES {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        paths.push(path);
    }
    // Unreadable inputs between articles: skipped and reported in their place.
    let (binary, empty) = (
        dir.path().join("b2-binary.txt"),
        dir.path().join("c2-empty.txt"),
    );
    std::fs::write(&binary, b"\x00\x01\x02\xff\xfe\x00 not text").expect("write");
    std::fs::write(&empty, b"").expect("write");
    paths.insert(2, binary);
    paths.insert(4, empty);
    let rules = crate::rules::parse(Path::new("r.toml"), RULES).expect("rules");
    let published = vec![(
        "c-east.txt".to_string(),
        "2024-03-05".parse::<Date>().expect("date"),
    )];
    let reading = ReadOptions::default();
    for detail in [Detail::Full, Detail::NoDiffs] {
        let options = Options {
            published: published.clone(),
            detail,
            threads: Some(2),
            ..Options::new(Articles::Paths(paths.clone()))
        };
        let whole = gather(&rules, options, false).expect("read");
        let whole = finish(&rules, whole, &published, detail, &reading).expect("whole");
        assert_eq!(whole.sources.len(), 4);
        assert!(!whole.evidence.is_empty() && !whole.quotes.is_empty());
        for file in ["b2-binary.txt", "c2-empty.txt"] {
            let said = whole.problems.iter().any(|p| p.file.ends_with(file));
            assert!(said, "{file} is reported: {:?}", whole.problems);
        }
        for slice in [1, 2, 3, 100] {
            let each = Each {
                published: &published,
                detail,
                carry_sentences: false,
            };
            let assembled =
                read_assembled(&rules, &paths, Some(2), &reading, each, slice).expect("read");
            let sliced = conclude(&rules, assembled, detail, &reading).expect("sliced");
            assert!(sliced == whole, "slices of {slice} at {detail:?}");
        }
    }
}

/// The made-up story's files, with an unreadable input among them, and its rules.
fn story(dir: &Path) -> (Vec<PathBuf>, RuleSet) {
    let mut paths = Vec::new();
    for (name, text) in ARTICLES {
        let path = dir.join(name);
        std::fs::write(&path, text).expect("write");
        paths.push(path);
    }
    let binary = dir.join("b2-binary.txt");
    std::fs::write(&binary, b"\x00\x01\x02\xff\xfe\x00 not text").expect("write");
    paths.insert(2, binary);
    let rules = crate::rules::parse(Path::new("r.toml"), RULES).expect("rules");
    (paths, rules)
}

/// `extract --records-only` written a slice at a time gives the bytes of the whole run's
/// map, and `compare` assembling its records a slice at a time gives `check`'s report.
#[test]
fn the_map_written_and_compared_slice_by_slice_is_the_whole_runs() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let (paths, rules) = story(dir.path());
    let options = || Options {
        threads: Some(2),
        ..Options::new(Articles::Paths(paths.clone()))
    };
    let whole = map(&rules, options(), true).expect("map");
    let mut want = Vec::new();
    whole.write_header(&mut want).expect("header");
    whole.write_records(&mut want).expect("records");
    assert!(String::from_utf8_lossy(&want).contains("\"type\":\"unread\""));
    for slice in [1, 2, 100] {
        let mut got = Vec::new();
        map_sliced(&rules, options(), true, &mut got, slice).expect("sliced map");
        assert!(got == want, "map in slices of {slice}");
    }
    // The records in reverse order, as a shuffled stream would give them.
    let mut lines: Vec<&[u8]> = want
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    lines[1..].reverse();
    let mut reversed = lines.join(&b'\n');
    reversed.push(b'\n');
    let reading = ReadOptions::default();
    for detail in [Detail::Full, Detail::NoDiffs, Detail::FirstOnly] {
        let checked = check(
            &rules,
            Options {
                detail,
                ..options()
            },
        )
        .expect("check");
        let mut table = Vec::new();
        crate::report::csv::write_check(&checked, &mut table).expect("csv");
        for slice in [1, 2, 100] {
            let mut records = Records::new(detail);
            records.read("map", &reversed[..], &rules).expect("records");
            let assembled = map::assemble(&rules, records, slice).expect("assembled");
            let compared = conclude(&rules, assembled, detail, &reading).expect("compared");
            let mut got = Vec::new();
            crate::report::csv::write_check(&compared, &mut got).expect("csv");
            assert!(got == table, "compare in slices of {slice} at {detail:?}");
            if detail != Detail::FirstOnly {
                // Set aside (the lean table's), sentences are in each run's own file.
                assert!(
                    compared == checked,
                    "compare in slices of {slice} at {detail:?}"
                );
            }
        }
    }
}

/// `count` made-up articles, each stating how many workers a site had, in `dir`.
fn many(dir: &Path, count: usize) -> Vec<PathBuf> {
    (0..count)
        .map(|i| {
            let path = dir.join(format!("a{i:04}.txt"));
            let text = format!(
                "---\nsource: Outlet {o}\n---\nAbout {n} workers built the Orrin dam, \
                 Tal Ressa said.\n",
                o = i % 7,
                n = 1000 + 100 * (i % 3)
            );
            std::fs::write(&path, text).expect("write");
            path
        })
        .collect()
}

/// The map records of `paths`, as `extract --records-only --name-sentences` writes them.
fn map_lines(rules: &RuleSet, paths: &[PathBuf]) -> Vec<String> {
    let mut bytes = Vec::new();
    let options = Options::new(Articles::Paths(paths.to_vec()));
    map_into(rules, options, true, &mut bytes).expect("map");
    String::from_utf8(bytes)
        .expect("utf-8")
        .lines()
        .map(str::to_string)
        .collect()
}

/// More part files than `compare` keeps open, whose records interleave in `check`'s order:
/// inputs are closed and opened again, and the report is still `check`'s.
#[test]
fn more_parts_than_are_kept_open_still_give_checks_report() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let paths = many(dir.path(), 2 * 70);
    let rules = crate::rules::parse(Path::new("r.toml"), RULES).expect("rules");
    let lines = map_lines(&rules, &paths);
    let parts = 70;
    assert!(parts > map::Readers::OPEN);
    let out = dir.path().join("map");
    std::fs::create_dir(&out).expect("folder");
    let mut records = Records::new(Detail::Full);
    for p in 0..parts {
        // Round robin: part p holds articles p, p + 70, ... (and each its header).
        let mut part = format!("{}\n", lines[0]);
        for l in lines[1..].iter().skip(p).step_by(parts) {
            part.push_str(l);
            part.push('\n');
        }
        let file = out.join(format!("part-{p:05}"));
        std::fs::write(&file, part).expect("write");
        records
            .read_file(&file.display().to_string(), &file, &rules)
            .expect("read");
    }
    let options = Options {
        detail: Detail::Full,
        ..Options::new(Articles::Paths(paths.clone()))
    };
    let checked = check(&rules, options).expect("check");
    let assembled = map::assemble(&rules, records, 16).expect("assembled");
    let compared =
        conclude(&rules, assembled, Detail::Full, &ReadOptions::default()).expect("compared");
    assert_eq!(compared.sources.len(), 2 * 70);
    assert!(compared == checked);
}

/// An input that changes between the two readings is an error naming its file and line,
/// not a report of other articles.
#[test]
fn an_input_changed_between_readings_is_an_error() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let paths = many(dir.path(), 3);
    let rules = crate::rules::parse(Path::new("r.toml"), RULES).expect("rules");
    let mut lines = map_lines(&rules, &paths);
    let file = dir.path().join("part-00000");
    std::fs::write(&file, lines.join("\n") + "\n").expect("write");
    let mut records = Records::new(Detail::Full);
    records
        .read_file("part-00000", &file, &rules)
        .expect("read");
    // The same bytes, two articles swapped.
    lines.swap(1, 2);
    std::fs::write(&file, lines.join("\n") + "\n").expect("write");
    let e = match map::assemble(&rules, records, 1024) {
        Err(RunError::Map(e)) => e.to_string(),
        _ => panic!("an error expected"),
    };
    assert!(
        e.starts_with("part-00000:2: not the article read there before"),
        "{e}"
    );
}
