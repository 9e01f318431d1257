//! The run read and assembled a slice at a time is the run read whole.

use super::*;

/// `check`'s sliced path against reading every outcome first, on the bundled story with
/// two inputs that cannot be read among its articles and a publication date to match.
#[test]
fn a_run_assembled_slice_by_slice_reports_what_the_whole_run_reports() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = crate::rules::load(&[root.join("rules/kazakhstan-2022.toml")]).expect("rules");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("corpus"))
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    // Unreadable inputs between articles: skipped and reported in their place.
    paths.insert(2, root.join("tests/fixtures/hostile/binary.txt"));
    paths.insert(4, root.join("tests/fixtures/hostile/empty.txt"));
    let published = vec![(
        "cgtn-progress-or-war.txt".to_string(),
        "2022-01-09".parse::<Date>().expect("date"),
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
        assert_eq!(whole.sources.len(), 5);
        for file in ["binary.txt", "empty.txt"] {
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
