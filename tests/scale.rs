//! Scale: the parallel pipeline gives the same bytes whatever the number of threads.

mod common;

use crosscheck::placed::Sentence;
use std::path::Path;

/// The bundled articles, each copied `copies` times under new names, with a number changed
/// in every other copy so that values, conflicts and quotation pairs repeat across sources.
fn copied_corpus(dir: &Path, copies: usize) {
    let mut files: Vec<_> = std::fs::read_dir(common::root().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for k in 0..copies {
        for f in &files {
            let text = std::fs::read_to_string(f).unwrap();
            let text = if k % 2 == 1 {
                text.replace("2,000", "3,000")
            } else {
                text
            };
            let name = format!("{k:02}-{}", f.file_name().unwrap().to_string_lossy());
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
}

#[test]
fn output_bytes_do_not_depend_on_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    copied_corpus(dir.path(), 8);
    let corpus = dir.path().to_str().unwrap();
    for (cmd, format) in [("check", "text"), ("check", "csv"), ("extract", "csv")] {
        let run = |threads: &str| {
            common::run(&[
                cmd,
                "--corpus",
                corpus,
                "--format",
                format,
                "--threads",
                threads,
            ])
        };
        let (code1, out1, err1) = run("1");
        let (code4, out4, err4) = run("4");
        assert_eq!(code1, code4);
        assert!(out1.len() > 10_000, "{cmd} {format}: {err1}");
        assert!(
            out1 == out4,
            "{cmd} --format {format}: 1 and 4 threads differ"
        );
        // Apart from the note that says 4 threads were lowered to the machine's cores.
        let notes = |e: &str| -> String {
            e.lines()
                .filter(|l| !l.starts_with("note: --threads"))
                .map(|l| format!("{l}\n"))
                .collect()
        };
        assert_eq!(notes(&err1), notes(&err4));
    }
}

#[test]
fn a_value_repeated_by_many_sources_is_one_disagreement() {
    let dir = tempfile::tempdir().unwrap();
    copied_corpus(dir.path(), 8);
    let (_, out, _) = common::run(&[
        "check",
        "--corpus",
        dir.path().to_str().unwrap(),
        "--format",
        "text",
        "--width",
        "0",
    ]);
    // 2,000 troops in 4 copies of each article that has it, 3,000 in the other 4: one
    // conflict line naming the sources of each value (three, then a count of the rest),
    // not one per pair of sources.
    let lines: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("say ~2000") && l.contains("say ~3000"))
        .collect();
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(lines[0].matches(" and ").count() == 2, "{}", lines[0]);
}

/// `check --format csv` compares with `Detail::FirstOnly` (no word diffs, each spelling's
/// first use per source): it must lose nothing the table
/// prints. On a corpus where quotations repeat and names vary, every quotation's status and
/// every spelling's first use per source are those of the full comparison.
#[test]
fn first_only_comparison_keeps_what_the_table_prints() {
    use crosscheck::compare::{self, QuoteStatus};
    use crosscheck::placed::Detail;
    use crosscheck::read::name::Mentions;
    use std::collections::BTreeMap;

    let dir = tempfile::tempdir().unwrap();
    copied_corpus(dir.path(), 4);
    let rules = crosscheck::rules::load(&[common::root().join("rules")]).unwrap();
    let corpus = crosscheck::corpus::load(&[dir.path().to_path_buf()]).unwrap();
    let ex = crosscheck::extract::extract(&rules, &corpus.articles);
    let files: Vec<String> = corpus
        .articles
        .iter()
        .map(|a| a.file_name.clone())
        .collect();
    let mentions = Mentions::from_docs(&ex.names);
    let full = compare::compare_all(&rules, &ex, &mentions, &files, Detail::Full);
    let first = compare::compare_all(&rules, &ex, &mentions, &files, Detail::FirstOnly);
    assert_eq!(full.facts, first.facts);

    let status_of = |fs: &[compare::QuoteFinding]| {
        let mut s: BTreeMap<usize, QuoteStatus> = BTreeMap::new();
        for f in fs {
            for &q in &f.quotes {
                s.entry(q).or_insert(f.status);
            }
        }
        s
    };
    // One card per statement at every level: the same cards, without diffs.
    assert_eq!(full.quotes.len(), first.quotes.len());
    assert_eq!(status_of(&full.quotes), status_of(&first.quotes));
    assert!(
        first
            .quotes
            .iter()
            .all(|f| f.members.iter().all(|m| m.diff.is_empty()))
    );
    // A member's words are the reference's exactly when its word diff has only common words.
    for f in full.quotes.iter().filter(|f| f.quotes.len() > 1) {
        for m in f.members.iter().filter(|m| m.quote != f.reference) {
            let all_same = m
                .diff
                .iter()
                .all(|d| matches!(d, crosscheck::compare::quote::DiffOp::Same(_)));
            assert_eq!(
                m.wording == crosscheck::compare::quote::Wording::Same,
                all_same,
                "{f:?}"
            );
        }
    }
    let attributions = |fs: &[compare::QuoteFinding]| {
        fs.iter()
            .filter(|f| f.status == QuoteStatus::AttributionConflict)
            .count()
    };
    assert_eq!(attributions(&full.quotes), attributions(&first.quotes));

    assert_eq!(full.names.len(), first.names.len());
    let uses = |f: &compare::Findings| {
        f.names
            .iter()
            .flat_map(|c| &c.spellings)
            .map(|s| s.mentions.len())
            .sum::<usize>()
    };
    assert!(
        uses(&full) > uses(&first),
        "no spelling was used twice in a source"
    );
    for (a, b) in full.names.iter().zip(&first.names) {
        assert_eq!(a.canonical, b.canonical);
        let texts = |c: &crosscheck::compare::name::NameCluster| {
            c.spellings
                .iter()
                .map(|s| s.text.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(a), texts(b));
        for (sa, sb) in a.spellings.iter().zip(&b.spellings) {
            let mut firsts = sa.mentions.clone();
            firsts.dedup_by_key(|(d, _)| *d);
            assert_eq!(firsts, sb.mentions);
        }
    }
}

/// `check --format csv` places and compares less (only the first mention of each name text
/// in an article, each quotation's first comparison, the evidence sentence of a value's
/// first observation in a source): the table, evidence sentences included, must be the
/// same bytes as from a run that kept everything, on a corpus where names and values
/// repeat across sources.
#[test]
fn lean_run_writes_the_same_table_as_a_full_run() {
    use crosscheck::pipeline;
    use crosscheck::placed::Detail;

    let dir = tempfile::tempdir().unwrap();
    copied_corpus(dir.path(), 3);
    let rules = crosscheck::rules::load(&[common::root().join("rules")]).unwrap();
    let table = |detail: Detail| {
        let options = pipeline::Options {
            threads: Some(2),
            detail,
            ..pipeline::Options::new(pipeline::Articles::Paths(vec![dir.path().to_path_buf()]))
        };
        let report = pipeline::check(&rules, options).unwrap();
        let mut out = Vec::new();
        crosscheck::report::csv::write_check(&report, &mut out).unwrap();
        // Evidence: (sentences held, sentences set aside).
        let sentences = (
            report
                .evidence
                .iter()
                .filter(|e| !e.sentence.as_str().is_empty())
                .count(),
            report
                .evidence
                .iter()
                .filter(|e| matches!(e.sentence, Sentence::SetAside(_)))
                .count(),
        );
        // Name uses: (sentences held in the report, sentences set aside in a file).
        let uses = report
            .names
            .iter()
            .flat_map(|n| &n.spellings)
            .flat_map(|s| &s.uses);
        let held = uses
            .clone()
            .filter(|u| !u.sentence.as_str().is_empty())
            .count();
        let set_aside = uses
            .filter(|u| matches!(u.sentence, Sentence::SetAside(_)))
            .count();
        // What only the other formats print: display values of cells and observations, and
        // speakers as written.
        let displays = report
            .evidence
            .iter()
            .filter(|e| !e.display.is_empty())
            .count()
            + report
                .facts
                .iter()
                .flat_map(|f| &f.cells)
                .filter(|c| !c.values.is_empty())
                .count()
            + report
                .quotes
                .iter()
                .filter(|q| q.speaker_as_written.is_some())
                .count();
        (
            String::from_utf8(out).unwrap(),
            sentences,
            (held, set_aside),
            displays,
        )
    };
    let (full, full_sentences, full_uses, full_displays) = table(Detail::Full);
    let (lean, lean_sentences, lean_uses, lean_displays) = table(Detail::FirstOnly);
    // The lean run leaves out what its table never prints.
    assert!(
        full_displays > 10 && lean_displays == 0,
        "{full_displays} {lean_displays}"
    );
    // Every format but the lean table holds the sentences of name uses; the lean run sets
    // every one aside (on a large corpus they would not fit in memory) and reads it back
    // as its row is written.
    assert!(full_uses.0 > 10 && full_uses.1 == 0, "{full_uses:?}");
    assert!(lean_uses.0 == 0 && lean_uses.1 > 10, "{lean_uses:?}");
    assert!(full.lines().filter(|l| l.starts_with("name,")).count() > 10);
    assert!(full_sentences.0 > 0 && full_sentences.1 == 0);
    // The lean run keeps the sentences the table prints and no others (the evidence of a
    // value's later observations in a source is never printed), all set aside as the run
    // is assembled, and the table is the same.
    assert_eq!(
        lean_sentences.0, 0,
        "evidence sentences held in the lean run"
    );
    assert!(
        0 < lean_sentences.1 && lean_sentences.1 < full_sentences.0,
        "{lean_sentences:?} of {full_sentences:?}"
    );
    assert_eq!(full, lean);
}
