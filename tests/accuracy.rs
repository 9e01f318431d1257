//! Accuracy of `extract` against the gold annotations (tests/gold.csv, copied from the
//! story's shared gold file): precision and recall per fact, with floors per kind.
//!
//! A prediction is a distinct (file, fact, canonical value, sentence); a gold row is a
//! (file, fact, value, evidence words), and the two match when the evidence lies in the
//! sentence, so the right value read from the wrong sentence does not count. Negated
//! wording ("not an invasion") is not a use of the class and is left out of predictions.
//!
//! Quotation speakers are scored on both bundled corpora: the story in corpus/ (gold
//! tests/gold.csv) and the seven real stories of corpus-real/ (gold
//! tests/gold-corpus-real.csv, every direct quotation, annotated by two readers and
//! reconciled), each story read as its own corpus with a rule file that names no facts. The
//! matching rules are in [`speaker_is_right`] and docs/accuracy.md ("Speakers").
//!
//! Every fact of the gold must be one the rules define: a gold row is never dropped.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use crosscheck::rules::Kind;

type Key = (String, String, String);

/// Gold rows with their evidence words.
fn gold_rows() -> Vec<(Key, String)> {
    let mut r = csv::Reader::from_path(common::root().join("tests/gold.csv")).expect("gold.csv");
    r.records()
        .map(|rec| {
            let rec = rec.expect("gold row");
            let key = (rec[0].to_string(), rec[1].to_string(), rec[2].to_string());
            (key, rec[3].to_string())
        })
        .collect()
}

fn gold() -> Vec<Key> {
    let mut r = csv::Reader::from_path(common::root().join("tests/gold.csv")).expect("gold.csv");
    r.records()
        .map(|rec| {
            let rec = rec.expect("gold row");
            (rec[0].to_string(), rec[1].to_string(), rec[2].to_string())
        })
        .collect()
}

/// The gold's facts that `rules` does not define, and the rule facts the gold never
/// states (which no score would measure).
fn coverage(rules: &crosscheck::rules::RuleSet) -> (BTreeSet<String>, BTreeSet<String>) {
    let gold: BTreeSet<String> = gold()
        .into_iter()
        .map(|k| k.1)
        .filter(|f| f != "quote" && f != "name")
        .collect();
    let undefined = gold
        .iter()
        .filter(|f| rules.fact(f).is_none())
        .cloned()
        .collect();
    let unmeasured = rules
        .facts
        .iter()
        .map(|f| f.id.clone())
        .filter(|f| !gold.contains(f))
        .collect();
    (undefined, unmeasured)
}

/// Removing any fact from the bundled rules is caught, by name.
#[test]
fn removing_a_fact_from_the_rules_is_named() {
    let rules = crosscheck::rules::load(&[common::root().join("rules")]).expect("rules");
    assert_eq!(coverage(&rules), Default::default());
    for f in &rules.facts {
        let mut fewer = rules.clone();
        fewer.facts.retain(|g| g.id != f.id);
        let (undefined, _) = coverage(&fewer);
        assert_eq!(
            undefined,
            BTreeSet::from([f.id.clone()]),
            "removing {} must be named",
            f.id
        );
    }
}

#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
}

#[test]
fn rule_facts_meet_their_floors() {
    let root = common::root();
    let rules = crosscheck::rules::load(&[root.join("rules")]).expect("rules");
    let corpus = crosscheck::corpus::load(&[root.join("corpus")]).expect("corpus");
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    let ex = crosscheck::extract::extract(&rules, &corpus.articles);

    // (file, fact, value) → the sentences it was read from.
    let mut predicted: BTreeMap<Key, Vec<String>> = BTreeMap::new();
    for o in ex
        .observations
        .iter()
        .filter(|o| !o.value.canonical().starts_with("not:"))
    {
        let a = &corpus.articles[o.article];
        predicted
            .entry((a.file_name.clone(), o.fact.to_string(), o.value.canonical()))
            .or_default()
            .push(common::norm(&a.text[o.sentence.start..o.sentence.end]));
    }
    let gold: Vec<(Key, String)> = gold_rows()
        .into_iter()
        .filter(|(k, _)| k.1 != "quote" && k.1 != "name")
        .collect();
    // Every gold fact must be defined by the rules (ids are shared): a fact removed from
    // the rules fails here, naming it, rather than leaving its gold rows unscored.
    let (undefined, unmeasured) = coverage(&rules);
    assert!(
        undefined.is_empty(),
        "gold facts the rules do not define: {undefined:?}"
    );
    assert!(
        unmeasured.is_empty(),
        "rule facts without a gold row: {unmeasured:?}"
    );

    let mut per_fact: BTreeMap<String, Score> = BTreeMap::new();
    for f in &rules.facts {
        per_fact.insert(
            f.id.clone(),
            Score {
                tp: 0,
                fp: 0,
                fn_: 0,
            },
        );
    }
    // A gold row is found when its (file, fact, value) was read from sentences holding
    // its evidence: each piece of it (the gold writes "…" between words it leaves out and
    // "/" between two places) lies in a sentence the value was read from.
    let mut found: BTreeSet<&Key> = BTreeSet::new();
    for (g, evidence) in &gold {
        let sentences = predicted.get(g).map_or(&[][..], Vec::as_slice);
        let pieces: Vec<String> = evidence
            .split(" ... ")
            .flat_map(|p| p.split(" / "))
            .map(common::norm)
            .collect();
        if pieces
            .iter()
            .all(|p| sentences.iter().any(|s| s.contains(p.as_str())))
        {
            found.insert(g);
            per_fact.get_mut(&g.1).expect("fact").tp += 1;
        } else {
            per_fact.get_mut(&g.1).expect("fact").fn_ += 1;
            eprintln!("missed: {g:?} in a sentence with {evidence:?} (read from {sentences:?})");
        }
    }
    for (p, sentences) in &predicted {
        if !found.contains(p) {
            per_fact.get_mut(&p.1).expect("fact").fp += 1;
            eprintln!("false positive: {p:?} from {sentences:?}");
        }
    }
    let mut per_kind: BTreeMap<Kind, Score> = BTreeMap::new();
    println!(
        "{:<22} {:>4} {:>4} {:>4} {:>9} {:>6}",
        "fact", "tp", "fp", "fn", "precision", "recall"
    );
    for f in &rules.facts {
        let s = &per_fact[&f.id];
        println!(
            "{:<22} {:>4} {:>4} {:>4} {:>9.2} {:>6.2}",
            f.id,
            s.tp,
            s.fp,
            s.fn_,
            s.precision(),
            s.recall()
        );
        let k = per_kind.entry(f.kind.tag()).or_insert(Score {
            tp: 0,
            fp: 0,
            fn_: 0,
        });
        k.tp += s.tp;
        k.fp += s.fp;
        k.fn_ += s.fn_;
    }
    for (kind, s) in &per_kind {
        println!(
            "{:<22} {:>4} {:>4} {:>4} {:>9.2} {:>6.2}",
            format!("[{kind}]"),
            s.tp,
            s.fp,
            s.fn_,
            s.precision(),
            s.recall()
        );
    }
    // Floors: set at what the tool reaches on this corpus, never lower than 0.9.
    let floors: &[(Kind, f64, f64)] = &[
        (Kind::Quantity, 1.0, 1.0),
        (Kind::Date, 1.0, 1.0),
        (Kind::Term, 1.0, 1.0),
    ];
    for (kind, p, r) in floors {
        let s = &per_kind[kind];
        assert!(
            s.precision() >= *p,
            "{kind} precision {:.2} < {p}",
            s.precision()
        );
        assert!(s.recall() >= *r, "{kind} recall {:.2} < {r}", s.recall());
    }
}

/// One gold `quote` row: the file (as the scorer keys it), the speaker, the evidence words.
struct GoldQuote {
    file: String,
    speaker: String,
    evidence: String,
}

/// The `quote` rows of a gold file (columns file,fact,value,evidence[,note]); `prefix`
/// keeps only the rows whose file starts with it.
fn gold_quotes(path: &str, prefix: &str) -> Vec<GoldQuote> {
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(common::root().join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    r.records()
        .map(|rec| rec.unwrap_or_else(|e| panic!("{path}: {e}")))
        .filter(|rec| &rec[1] == "quote" && rec[0].starts_with(prefix))
        .map(|rec| GoldQuote {
            file: rec[0].to_string(),
            speaker: rec[2].to_string(),
            // The reader drops a quotation's trailing comma; so does the evidence.
            evidence: common::norm(&rec[3])
                .trim_end_matches(',')
                .trim_end()
                .to_string(),
        })
        .collect()
}

/// The gold speakers that are organisations (the gold file does not say which are): only
/// these are matched whole; every other name is a person.
const GOLD_ORGANISATIONS: &[&str] = &[
    "Capital Economics",
    "ConserveAmerica",
    "Credit Suisse",
    "Equinor",
    "Eurasia",
    "Federal Open Market Committee",
    "Federal Reserve",
    "Fitch Solutions",
    "Justice Department",
    "Meta",
    "Meta Platforms",
    "Oxford Economics",
    "Pentagon",
    "Royal Hashemite Court",
    "Russian State Department",
    "Shell",
];

/// The head noun of a gold group ("group:the Mubaraks’ lawyers" → "lawyers"): its last word,
/// or the last word before "for"/"of"/"at" ("spokesperson for the prime minister" →
/// "spokesperson").
fn head_noun(group: &str) -> String {
    let words: Vec<String> = common::norm(group).split(' ').map(str::to_string).collect();
    let before = words
        .iter()
        .position(|w| matches!(w.as_str(), "for" | "of" | "at"))
        .unwrap_or(words.len());
    words[..before].last().cloned().unwrap_or_default()
}

/// Is the tool's speaker right for a gold speaker? The rules (docs/accuracy.md, "Speakers"):
/// - gold `-` (nobody): right only when the tool gives no speaker;
/// - gold `group:X`: right when the tool gives no speaker, or one whose name contains X's
///   head noun;
/// - an organisation: right when the names are equal once normalised;
/// - a person: right when the names are equal once normalised, or when one is a
///   surname-only form of the other ("Biden" and "Joe Biden": the annotators wrote the name
///   as each article gives it, the tool expands surnames corpus-wide).
fn speaker_is_right(gold: &str, tool: Option<&str>) -> bool {
    if gold == "-" {
        return tool.is_none();
    }
    if let Some(group) = gold.strip_prefix("group:") {
        return tool.is_none_or(|t| common::norm(t).contains(&head_noun(group)));
    }
    let Some(tool) = tool else {
        return false;
    };
    let (g, t) = (common::norm(gold), common::norm(tool));
    if g == t {
        return true;
    }
    if GOLD_ORGANISATIONS.contains(&gold) {
        return false;
    }
    // One is the other's last words (a surname, "van Beurden" included), at least one word
    // shorter.
    let (short, long) = if g.len() < t.len() {
        (&g, &t)
    } else {
        (&t, &g)
    };
    long.strip_suffix(short.as_str())
        .is_some_and(|rest| rest.ends_with(' '))
}

/// Speaker precision and recall of one corpus against its gold rows.
#[derive(Default)]
struct SpeakerScore {
    /// Extracted quotations, and those whose speaker is right.
    extracted: usize,
    right_quotes: usize,
    /// Gold rows, and those whose quotation was found with the right speaker.
    gold: usize,
    right_rows: usize,
}

impl SpeakerScore {
    fn add(&mut self, o: &SpeakerScore) {
        self.extracted += o.extracted;
        self.right_quotes += o.right_quotes;
        self.gold += o.gold;
        self.right_rows += o.right_rows;
    }
    fn precision(&self) -> f64 {
        self.right_quotes as f64 / self.extracted.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.right_rows as f64 / self.gold.max(1) as f64
    }
    fn line(&self, name: &str) -> String {
        format!(
            "{name:<40} {:>3}/{:<3} quotations right  {:>3}/{:<3} gold rows right  precision {:.2}  recall {:.2}",
            self.right_quotes,
            self.extracted,
            self.right_rows,
            self.gold,
            self.precision(),
            self.recall()
        )
    }
}

/// Score the quotations (kind Quote: `MIN_QUOTE_WORDS` words or more) of `corpus`, read
/// with `rules`, against `gold`; `key` gives each article's file as the gold writes it.
/// A gold row points at the first quotation of its file that contains its evidence words;
/// an extracted quotation is right when every gold row pointing at it has the tool's
/// speaker right, and wrong when none points at it (a title, boilerplate). Every miss is
/// printed on stderr (a helper, not a test: clippy's test allowance does not reach it).
#[allow(clippy::print_stderr)]
fn score_speakers(
    rules: &crosscheck::rules::RuleSet,
    corpus: &crosscheck::corpus::Corpus,
    key: impl Fn(&str) -> String,
    gold: &[GoldQuote],
) -> SpeakerScore {
    use crosscheck::read::quote::QuoteKind;
    let ex = crosscheck::extract::extract(rules, &corpus.articles);
    let quotes: Vec<(String, String, Option<String>)> = ex
        .quotes
        .iter()
        .filter(|q| q.quote.kind == QuoteKind::Quote)
        .map(|q| {
            (
                key(&corpus.articles[q.article].file_name),
                common::norm(&q.quote.text),
                q.speaker.clone(),
            )
        })
        .collect();
    let mut pointed: BTreeMap<usize, bool> = BTreeMap::new();
    let mut right_rows = 0;
    for g in gold {
        let found = quotes
            .iter()
            .enumerate()
            .find(|(_, q)| q.0 == g.file && q.1.contains(g.evidence.as_str()));
        match found {
            Some((i, q)) => {
                let right = speaker_is_right(&g.speaker, q.2.as_deref());
                *pointed.entry(i).or_insert(true) &= right;
                if right {
                    right_rows += 1;
                } else {
                    eprintln!(
                        "wrong speaker in {}: {:?} for {:?}, expected {}",
                        g.file, q.2, g.evidence, g.speaker
                    );
                }
            }
            None => eprintln!("missed quotation in {}: {:?}", g.file, g.evidence),
        }
    }
    for (i, q) in quotes.iter().enumerate() {
        if !pointed.contains_key(&i) {
            eprintln!("quotation not in gold in {}: {:?} ({:?})", q.0, q.1, q.2);
        }
    }
    SpeakerScore {
        extracted: quotes.len(),
        right_quotes: pointed.values().filter(|&&r| r).count(),
        gold: gold.len(),
        right_rows,
    }
}

/// Speakers of the bundled story's quotations (tests/gold.csv).
#[test]
fn quote_speakers_meet_their_floor() {
    let root = common::root();
    let rules = crosscheck::rules::load(&[root.join("rules")]).expect("rules");
    let corpus = crosscheck::corpus::load(&[root.join("corpus")]).expect("corpus");
    let gold = gold_quotes("tests/gold.csv", "");
    assert_eq!(gold.len(), 30);
    let s = score_speakers(&rules, &corpus, str::to_string, &gold);
    println!("{}", s.line("corpus (bundled story)"));
    // Floors at what the tool reaches (textacy: 0.50 / 0.23 on the same rows).
    assert!(
        s.precision() >= 1.0 && s.recall() >= 1.0,
        "precision {:.2}, recall {:.2}",
        s.precision(),
        s.recall()
    );
}

/// Speakers of every direct quotation of corpus-real/ (tests/gold-corpus-real.csv), each
/// story read as its own corpus with a rule file that names no facts, as a user would.
#[test]
fn quote_speakers_on_real_news_meet_their_floor() {
    let root = common::root();
    let rules = crosscheck::rules::load(&[root.join("tests/fixtures/rules-nofacts/story.toml")])
        .expect("rules");
    let mut stories: Vec<String> = std::fs::read_dir(root.join("corpus-real"))
        .expect("corpus-real")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    stories.sort();
    assert_eq!(stories.len(), 7);
    let mut total = SpeakerScore::default();
    let mut lines = Vec::new();
    for story in &stories {
        let corpus =
            crosscheck::corpus::load(&[root.join("corpus-real").join(story)]).expect("corpus");
        assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
        let gold = gold_quotes("tests/gold-corpus-real.csv", &format!("{story}/"));
        let s = score_speakers(&rules, &corpus, |f| format!("{story}/{f}"), &gold);
        lines.push(s.line(story));
        total.add(&s);
    }
    assert_eq!(total.gold, 245);
    for l in &lines {
        println!("{l}");
    }
    println!("{}", total.line("corpus-real (7 stories)"));
    // Floors just below what the tool reaches (234/245 = 0.955, 235/245 = 0.959).
    let (p, r) = (0.95, 0.95);
    assert!(
        total.precision() >= p && total.recall() >= r,
        "precision {:.2}, recall {:.2}",
        total.precision(),
        total.recall()
    );
}

#[test]
fn the_speaker_rules_of_the_scorer() {
    assert!(speaker_is_right("Joe Biden", Some("Biden")));
    assert!(speaker_is_right("Biden", Some("Joe Biden")));
    assert!(speaker_is_right("Ben van Beurden", Some("van Beurden")));
    assert!(speaker_is_right("Jane Roe", Some("jane  roe")));
    assert!(!speaker_is_right("Jane Roe", Some("Jane Doe")));
    assert!(!speaker_is_right("Jane Roe", Some("Roe Jane")));
    assert!(!speaker_is_right("Jane Roe", Some("Monroe")));
    assert!(!speaker_is_right("Jane Roe", None));
    assert!(!speaker_is_right("Federal Reserve", Some("Reserve")));
    assert!(speaker_is_right("Federal Reserve", Some("federal reserve")));
    assert!(speaker_is_right("-", None));
    assert!(!speaker_is_right("-", Some("Jane Roe")));
    assert!(speaker_is_right("group:White House officials", None));
    assert!(speaker_is_right(
        "group:White House officials",
        Some("officials")
    ));
    assert!(!speaker_is_right(
        "group:White House officials",
        Some("Jane Roe")
    ));
    assert!(speaker_is_right(
        "group:spokesperson for the prime minister",
        Some("the spokesperson")
    ));
    assert!(!speaker_is_right(
        "group:spokesperson for the prime minister",
        Some("minister")
    ));
}

/// Names an article spells differently from the canonical form: gold `name` rows, scored
/// with the rule file's `[[entity]]` list and without it. With it the list names every
/// gold name, so that score says little about clustering; the floor is on the score
/// without, where the canonical form is the spelling the corpus uses most.
#[test]
fn name_variants_meet_their_floor() {
    let root = common::root();
    let rules = crosscheck::rules::load(&[root.join("rules")]).expect("rules");
    let corpus = crosscheck::corpus::load(&[root.join("corpus")]).expect("corpus");
    let ex = crosscheck::extract::extract(&rules, &corpus.articles);
    let gold: BTreeSet<Key> = gold().into_iter().filter(|(_, f, _)| f == "name").collect();
    let score = |rules: &crosscheck::rules::RuleSet| {
        let clusters = crosscheck::compare::compare_names(rules, &ex);
        let mut predicted: BTreeSet<Key> = BTreeSet::new();
        for c in &clusters {
            // Without entities a cluster is named by its most used spelling: it is the
            // gold's name when it has a spelling written as the gold writes the name.
            let name = gold
                .iter()
                .map(|g| &g.2)
                .find(|g| c.canonical == **g || c.spellings.iter().any(|s| s.text == **g))
                .unwrap_or(&c.canonical);
            for s in c.spellings.iter().filter(|s| {
                s.kind != crosscheck::compare::name::VariantKind::Canonical && s.text != *name
            }) {
                for (doc, _) in &s.mentions {
                    predicted.insert((
                        corpus.articles[*doc as usize].file_name.clone(),
                        "name".to_string(),
                        name.clone(),
                    ));
                }
            }
        }
        let tp = predicted.intersection(&gold).count();
        for p in predicted.difference(&gold) {
            eprintln!("false positive: {p:?}");
        }
        for g in gold.difference(&predicted) {
            eprintln!("missed: {g:?}");
        }
        (
            tp as f64 / predicted.len().max(1) as f64,
            tp as f64 / gold.len() as f64,
        )
    };
    let (p_with, r_with) = score(&rules);
    let no_list = crosscheck::rules::RuleSet {
        entities: Vec::new(),
        ..rules.clone()
    };
    eprintln!("-- without the entity list:");
    let (p_without, r_without) = score(&no_list);
    println!("names with the rule file's entities: precision {p_with:.2}, recall {r_with:.2}");
    println!("names without: precision {p_without:.2}, recall {r_without:.2}");
    assert!(
        p_with >= 1.0 && r_with >= 1.0,
        "with entities: precision {p_with:.2}, recall {r_with:.2}"
    );
    // Floor at what clustering reaches alone: 2 of the 4 rows (Kiev beside Kyiv, twice);
    // "Olav Scholtz" and "Volodymyr Zelenskyi" are the corpus's only mentions of those
    // people, so nothing but the list can say they are misspelt. Four rows move in quarters.
    assert!(
        p_without >= 1.0 && r_without >= 0.5,
        "without entities: precision {p_without:.2}, recall {r_without:.2}"
    );
}

/// The number and date readers on the seven real stories of corpus-real/, through the rule
/// files written for them from the docs alone (rules/corpus-real/<story>.toml), scored
/// against the value gold tests/gold-corpus-real-values.csv: a prediction is a distinct
/// (story/file, fact, canonical value). Floors per story just below what was measured
/// (docs/accuracy.md).
#[test]
fn corpus_real_values_meet_their_floors() {
    let root = common::root();
    let mut r =
        csv::Reader::from_path(root.join("tests/gold-corpus-real-values.csv")).expect("value gold");
    let gold: BTreeSet<Key> = r
        .records()
        .map(|rec| {
            let rec = rec.expect("gold row");
            (rec[0].to_string(), rec[1].to_string(), rec[2].to_string())
        })
        .collect();
    // (story folder, precision floor, recall floor)
    let floors: &[(&str, f64, f64)] = &[
        ("2022-02-meta-quarterly-results", 0.97, 1.00),
        ("2022-02-credit-suisse-leak", 0.88, 0.96),
        ("2022-02-shell-exits-russia", 1.00, 0.96),
        ("2022-03-fed-rate-hike", 0.90, 0.97),
        ("2022-03-russia-gas-rubles-decree", 0.95, 0.92),
        ("2022-03-state-of-the-union", 0.93, 1.00),
        ("2022-03-us-bans-russian-oil", 1.00, 1.00),
    ];
    let (mut all_tp, mut all_fp, mut all_fn) = (0, 0, 0);
    // The same counts split by what the fact reads: amounts (quantity facts) and days (date
    // facts); #16's bar holds for each, not only for their sum.
    let mut by_kind: BTreeMap<&str, Score> = BTreeMap::new();
    let mut failures = Vec::new();
    for (story, p_floor, r_floor) in floors {
        let file = root.join("rules/corpus-real").join(format!("{story}.toml"));
        if !file.exists() {
            failures.push(format!("{story}: no rule file"));
            continue;
        }
        let rules = crosscheck::rules::load(&[file]).expect("story rules");
        let corpus =
            crosscheck::corpus::load(&[root.join("corpus-real").join(story)]).expect("corpus");
        let ex = crosscheck::extract::extract(&rules, &corpus.articles);
        let predicted: BTreeSet<Key> = ex
            .observations
            .iter()
            .map(|o| {
                let file = &corpus.articles[o.article].file_name;
                let name = file.rsplit('/').next().unwrap_or(file);
                (
                    format!("{story}/{name}"),
                    o.fact.to_string(),
                    o.value.canonical(),
                )
            })
            .collect();
        let story_gold: BTreeSet<&Key> = gold
            .iter()
            .filter(|(f, _, _)| f.starts_with(&format!("{story}/")))
            .collect();
        let tp = predicted.iter().filter(|p| story_gold.contains(p)).count();
        let fp = predicted.len() - tp;
        let fn_ = story_gold
            .iter()
            .filter(|g| !predicted.contains(**g))
            .count();
        for p in predicted.iter().filter(|p| !story_gold.contains(p)) {
            eprintln!("false positive: {p:?}");
        }
        for g in story_gold.iter().filter(|g| !predicted.contains(**g)) {
            eprintln!("missed: {g:?}");
        }
        let kind_of = |fact: &str| match rules
            .facts
            .iter()
            .find(|f| f.id == fact)
            .map(|f| f.kind.tag())
        {
            Some(Kind::Quantity) => "amounts",
            Some(Kind::Date) => "days",
            Some(Kind::Term) => "terms",
            None => panic!("{story}: gold fact {fact} is not defined by the story's rules"),
        };
        for p in &predicted {
            let k = by_kind.entry(kind_of(&p.1)).or_default();
            if story_gold.contains(p) {
                k.tp += 1;
            } else {
                k.fp += 1;
            }
        }
        for g in story_gold.iter().filter(|g| !predicted.contains(**g)) {
            by_kind.entry(kind_of(&g.1)).or_default().fn_ += 1;
        }
        let s = Score { tp, fp, fn_ };
        println!(
            "{story:<34} {tp:>4} {fp:>4} {fn_:>4} {:>9.2} {:>6.2}",
            s.precision(),
            s.recall()
        );
        if s.precision() < *p_floor || s.recall() < *r_floor {
            failures.push(format!(
                "{story}: precision {:.2} (floor {p_floor}), recall {:.2} (floor {r_floor})",
                s.precision(),
                s.recall()
            ));
        }
        (all_tp, all_fp, all_fn) = (all_tp + tp, all_fp + fp, all_fn + fn_);
    }
    let all = Score {
        tp: all_tp,
        fp: all_fp,
        fn_: all_fn,
    };
    println!(
        "{:<34} {all_tp:>4} {all_fp:>4} {all_fn:>4} {:>9.2} {:>6.2}",
        "[all]",
        all.precision(),
        all.recall()
    );
    for (kind, k) in &by_kind {
        println!(
            "{:<34} {:>4} {:>4} {:>4} {:>9.2} {:>6.2}",
            format!("[{kind}]"),
            k.tp,
            k.fp,
            k.fn_,
            k.precision(),
            k.recall()
        );
        // Just below what was measured (docs/accuracy.md: amounts 0.94 / 0.99, days 0.98 /
        // 0.94), all above #16's bar of 0.9.
        let (p_floor, r_floor) = match *kind {
            "amounts" => (0.93, 0.98),
            "days" => (0.97, 0.93),
            _ => (0.9, 0.9),
        };
        if k.precision() < p_floor || k.recall() < r_floor {
            failures.push(format!(
                "{kind}: precision {:.2} (floor {p_floor}), recall {:.2} (floor {r_floor})",
                k.precision(),
                k.recall()
            ));
        }
    }
    for kind in ["amounts", "days"] {
        if !by_kind.contains_key(kind) {
            failures.push(format!("no {kind} scored: the split is broken"));
        }
    }
    // Issue #16's bar: precision and recall of 0.9 or more over the seven stories.
    if all.precision() < 0.94 || all.recall() < 0.97 {
        failures.push(format!(
            "all: precision {:.2} (floor 0.94), recall {:.2} (floor 0.97)",
            all.precision(),
            all.recall()
        ));
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
