//! The bundled story's name spellings, clustered with its rule file's entities, against
//! what a careful reader finds (../shared/gold: Kiev in two articles, "Olav Scholtz" and
//! "Zelenskyi" once each). An accuracy check on the bundled corpus, so it lives here and
//! not among the unit tests, which use made-up names.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crosscheck::compare::name::{KnownEntity, Spelling, VariantKind, cluster_names};
use crosscheck::corpus::Article;
use crosscheck::read::name::{NameMention, extract_names};

mod common;

/// Every article of the bundled corpus as (file name, text, the names the reader finds in
/// its body with the article's own sentence starts, as extraction reads them).
fn corpus_mentions() -> (Vec<String>, Vec<String>, Vec<Vec<NameMention>>) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(common::root().join("corpus"))
        .expect("corpus dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let (mut names, mut texts, mut docs) = (Vec::new(), Vec::new(), Vec::new());
    for p in files {
        let text = std::fs::read_to_string(&p).expect("read article");
        let a = Article::from_text(Path::new(&p), text).expect("article");
        let starts: Vec<usize> = a.sentences.iter().map(|s| s.start).collect();
        docs.push(extract_names(&a.text, a.body_start, &starts));
        names.push(a.file_name.clone());
        texts.push(a.text);
    }
    (names, texts, docs)
}

/// The bundled rule file's entities, as `check` gives them to clustering.
fn entities() -> Vec<KnownEntity> {
    let rules = crosscheck::rules::load(&[common::root().join("rules/kazakhstan-2022.toml")])
        .expect("bundled rules");
    rules
        .entities
        .into_iter()
        .map(|e| KnownEntity {
            name: e.name,
            variants: e.variants,
            note: e.note,
        })
        .collect()
}

#[test]
fn bundled_story_name_clusters_match_the_gold() {
    let (files, texts_, docs) = corpus_mentions();
    let doc = |f: &str| files.iter().position(|n| n == f).expect("corpus file");
    let jamestown = doc("jamestown-edm-tough-talks.txt");
    let ap = doc("ap-kazakhstan-uncertainty.txt");
    let cgtn = doc("cgtn-progress-or-war.txt");
    assert!(texts_[jamestown].contains("source: Eurasia Daily Monitor"));

    let clusters = cluster_names(&docs, &entities());
    for c in &clusters {
        println!("{}:", c.canonical);
        for s in &c.spellings {
            let srcs: Vec<&str> = s
                .mentions
                .iter()
                .map(|(d, _)| files[*d as usize].as_str())
                .collect();
            println!(
                "   {:?} {:?} {:.3} {:?}",
                s.text, s.kind, s.similarity, srcs
            );
        }
    }
    let docs_of_spelling = |s: &Spelling| {
        s.mentions
            .iter()
            .map(|(d, _)| *d as usize)
            .collect::<BTreeSet<_>>()
    };
    let in_evidence = |s: &Spelling, d: usize, evidence: &str| {
        let t = &texts_[d];
        s.mentions.iter().any(|(md, m)| {
            *md as usize == d
                && t.match_indices(evidence)
                    .any(|(i, e)| i <= m.span().start && m.span().end <= i + e.len())
        })
    };
    assert_eq!(clusters.len(), 3, "no other cluster expected");

    let kyiv = &clusters[0];
    assert_eq!(kyiv.canonical, "Kyiv");
    assert_eq!(kyiv.spellings.len(), 2);
    let (canon, kiev) = (&kyiv.spellings[0], &kyiv.spellings[1]);
    assert_eq!(
        (canon.text.as_str(), canon.kind),
        ("Kyiv", VariantKind::Canonical)
    );
    assert_eq!(docs_of_spelling(canon), BTreeSet::from([jamestown]));
    assert_eq!(
        (kiev.text.as_str(), kiev.kind),
        ("Kiev", VariantKind::KnownVariant)
    );
    assert!(
        kiev.note
            .as_deref()
            .is_some_and(|n| n.starts_with("Russian-derived transliteration"))
    );
    assert_eq!(docs_of_spelling(kiev), BTreeSet::from([ap, cgtn]));
    assert!(in_evidence(kiev, ap, "Washington and Kiev"));
    assert!(in_evidence(kiev, cgtn, "Kiev should continue"));

    let scholz = &clusters[1];
    assert_eq!(scholz.canonical, "Olaf Scholz");
    assert_eq!(scholz.spellings.len(), 1);
    let s = &scholz.spellings[0];
    assert_eq!(
        (s.text.as_str(), s.kind),
        ("Olav Scholtz", VariantKind::LikelyMisspelling)
    );
    assert_eq!(docs_of_spelling(s), BTreeSet::from([jamestown]));
    assert!(in_evidence(s, jamestown, "the new Chancellor Olav Scholtz"));
    assert!(s.mentions[0].1.is_person());
    assert!((s.similarity - 0.833).abs() < 1e-3);

    let zel = &clusters[2];
    assert_eq!(zel.canonical, "Volodymyr Zelensky");
    assert_eq!(zel.spellings.len(), 1);
    let z = &zel.spellings[0];
    assert_eq!(
        (z.text.as_str(), z.kind),
        ("Volodymyr Zelenskyi", VariantKind::LikelyMisspelling)
    );
    assert_eq!(docs_of_spelling(z), BTreeSet::from([ap]));
    assert!(in_evidence(z, ap, "President Volodymyr Zelenskyi"));
    assert!(z.mentions[0].1.is_person());

    // Without entities the corpus alone still pairs Kyiv/Kiev, and nothing else.
    let bare = cluster_names(&docs, &[]);
    for c in &bare {
        println!(
            "no entities: {} <- {:?}",
            c.canonical,
            c.spellings.iter().map(|s| &s.text).collect::<Vec<_>>()
        );
    }
    assert_eq!(bare.len(), 1);
    let mut spellings: Vec<&str> = bare[0].spellings.iter().map(|s| s.text.as_str()).collect();
    spellings.sort_unstable();
    assert_eq!(spellings, ["Kiev", "Kyiv"]);
}
