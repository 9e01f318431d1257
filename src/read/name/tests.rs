//! The name reader's tests: names, person marks, headlines and sentence-initial words on
//! news sentences; reading in bounded batches gives what reading whole lines gives.

use super::word::push_lowercase;
use super::*;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");

/// Sentence starts for tests: after `.`, `!`, `?` (plus closing quotes) and whitespace,
/// and at each non-blank line.
fn sentence_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at_start = true;
    let mut after_end = false;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            at_start = true;
            after_end = false;
            continue;
        }
        if c.is_whitespace() {
            if after_end {
                at_start = true;
                after_end = false;
            }
            continue;
        }
        if at_start {
            out.push(i);
            at_start = false;
        }
        after_end =
            matches!(c, '.' | '!' | '?') || (after_end && matches!(c, '”' | '"' | '’' | ')'));
    }
    out
}

fn names(text: &str) -> Vec<NameMention> {
    extract_names(text, 0, &sentence_starts(text))
}

fn texts(text: &str) -> Vec<String> {
    names(text).into_iter().map(|m| m.text).collect()
}

fn corpus() -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(CORPUS)
        .expect("corpus dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, std::fs::read_to_string(&p).expect("read article"))
        })
        .collect()
}

// ---- extraction ------------------------------------------------------------------

#[test]
fn title_marks_person_in_news_sentences() {
    let t = "She said Halden may want to regain his grip on the coast by both shoring up the premier in Dalmora and weakening the freely chosen leader of Velsland, President Mirko Vashenko.";
    let ms = names(t);
    let v = ms
        .iter()
        .find(|m| m.text == "Mirko Vashenko")
        .expect("Vashenko found");
    assert!(v.is_person());
    assert_eq!(&t[v.span.clone()], "Mirko Vashenko");
    let h = ms
        .iter()
        .find(|m| m.text == "Halden")
        .expect("Halden found");
    assert!(!h.is_person());
    assert_eq!(
        texts(t),
        ["Halden", "Dalmora", "Velsland", "Mirko Vashenko"]
    );

    let t = "And if Halden had counted on Velsish indifference, thinking that the new Chancellor Jonas Brecke is no rival for Marta Lindqvist, who quietly retired last year, he is in for a surprise.";
    let ms = names(t);
    assert_eq!(
        texts(t),
        ["Halden", "Velsish", "Jonas Brecke", "Marta Lindqvist"]
    );
    assert!(ms[2].is_person());
    assert!(!ms[3].is_person(), "no title before Marta Lindqvist");
    assert_eq!(&t[ms[2].span.clone()], "Jonas Brecke");
}

#[test]
fn sentence_initial_common_words_skipped() {
    let t = "The US has been saying for months that Halden has massed troops near Velsland. Yet I suspect the lesson of recent years is that once they settle in, it is often very hard to get Marovians to go home.";
    assert_eq!(texts(t), ["US", "Halden", "Velsland", "Marovians"]);
    // A sentence-opening word never capitalised elsewhere is not a name.
    let t = "Traders and veteran Marovian watchers differ. Bankers naturally prize contacts with Marovian officials.";
    assert_eq!(texts(t), ["Marovian", "Marovian"]);
    // ... but a name opening a sentence is kept when the article uses it mid-sentence.
    let t = "Dalmora asked for help. Troops flew to Dalmora on Thursday.";
    assert_eq!(texts(t), ["Dalmora", "Dalmora"]);
    // A participle opening a sentence before a name is dropped, the name kept.
    let t = "Undermining Brenholm and sharpening disputes is high on the agenda.";
    assert_eq!(texts(t), ["Brenholm"]);
}

#[test]
fn titles_chains_and_abbreviations() {
    let t = "“For 20 years we’ve been giving ground,” Deputy Trade Minister Pavel Orlik, who heads the delegation to the E.U. in Sarnova Tuesday, said on the radio.";
    let ms = names(t);
    assert_eq!(texts(t), ["Pavel Orlik", "E.U.", "Sarnova"]);
    assert!(ms[0].is_person());
    let t = "Before the vote, Tarkiv spokesman Emil Dravik said that the count would go on.";
    let ms = names(t);
    assert_eq!(texts(t), ["Tarkiv", "Emil Dravik"]);
    assert!(ms[1].is_person() && !ms[0].is_person());
    let t = "When asked on Friday, Velsish Secretary of State Ingrid Solvik said she would wait.";
    let ms = names(t);
    assert_eq!(texts(t), ["Velsish", "Ingrid Solvik"]);
    assert!(ms[1].is_person());
    // Abbreviated titles keep their dot and do not end the sentence.
    let t = "Mr. Smith met Gen. Ruth Kessling in Brenholm on Tuesday.";
    let ms = names(t);
    assert_eq!(texts(t), ["Smith", "Ruth Kessling", "Brenholm"]);
    assert!(ms[0].is_person() && ms[1].is_person() && !ms[2].is_person());
    // A modifier alone is no title: "State Department" is a name, not a person mark.
    let t = "A spokesman for the State Department in Brenholm declined to comment.";
    assert_eq!(texts(t), ["State Department", "Brenholm"]);
    assert!(names(t).iter().all(|m| !m.is_person()));
}

#[test]
fn possessives_hyphens_connectors_months() {
    let t = "It is much easier for Tarkiv’s leaders and the Marovia-led bloc to meet Hamid al-Rashani and the Bank of Velsland in May 2019, said Clara May.";
    let ms = names(t);
    assert_eq!(
        texts(t),
        [
            "Tarkiv",
            "Marovia",
            "Hamid al-Rashani",
            "Bank of Velsland",
            "Clara May"
        ]
    );
    assert_eq!(&t[ms[0].span.clone()], "Tarkiv");
    assert_eq!(&t[ms[1].span.clone()], "Marovia");
    let t = "President Rustam-Bek Oralov met officials on January 12 and on Sunday.";
    let ms = names(t);
    assert_eq!(texts(t), ["Rustam-Bek Oralov"]);
    assert!(ms[0].is_person());
}

#[test]
fn headline_lines_keep_only_names_known_from_text() {
    let t = "Hard Talks Bring New Marovia Stand-Off\n\nMarovia warned the West. Talks in Sarnova went badly, and hard talk followed from Marovia.";
    assert_eq!(
        texts(t),
        ["Marovia", "Marovia", "West", "Sarnova", "Marovia"]
    );
}

#[test]
fn body_start_and_bad_offsets_are_safe() {
    let t = "---\nsource: Northern Review Weekly\n---\nHalden met Orlik in Sarnova. Orlik thanked Halden.";
    let b = t.find("Halden").unwrap();
    let second = t.find("Orlik thanked").unwrap();
    assert_eq!(
        extract_names(t, b, &[b, second])
            .into_iter()
            .map(|m| m.text)
            .collect::<Vec<_>>(),
        ["Halden", "Orlik", "Sarnova", "Orlik", "Halden"]
    );
    // Offsets past the end, inside a multibyte character, or nonsense sentence starts.
    let t = "Vashenkyy met “Brecke” in Tarkiv — Škoda’s plant — today.";
    assert!(extract_names(t, 10_000, &[]).is_empty());
    let inside = t.find('“').unwrap() + 1;
    let _ = extract_names(t, inside, &[1, 2, 3, 99_999, usize::MAX]);
    let ms = extract_names(t, 0, &[usize::MAX, 0]);
    for m in &ms {
        assert_eq!(&t[m.span.clone()], m.text);
    }
    assert!(ms.iter().any(|m| m.text == "Škoda"));
    assert!(extract_names("", 0, &[]).is_empty());
}

#[test]
fn any_offsets_never_panic() {
    let t = "Vashenkyy met “Brecke” in Tarkiv — Škoda’s plant, O’Brien’s U.S. firm.\nMr. Ли Kim-Jong al-Rashani.";
    for b in 0..=t.len() + 2 {
        let starts: Vec<usize> = (0..t.len() + 3).step_by(3).collect();
        for m in extract_names(t, b, &starts) {
            assert_eq!(&t[m.span.clone()], m.text);
        }
    }
}

// ---- reading in batches --------------------------------------------------------

#[test]
fn lowercase_without_allocating_matches_to_lowercase() {
    for s in [
        "Halden",
        "ŠKODA",
        "İstanbul",
        "ΣΟΦΊΑΣ",
        "ΌΣΟΣ",
        "Straße",
        "Ǆ",
        "ﬁ",
        "Ли",
        "x",
    ] {
        let mut out = String::from("kept|");
        push_lowercase(&mut out, s);
        assert_eq!(out, format!("kept|{}", s.to_lowercase()), "{s}");
    }
    // By hand: the final sigma, and a capital I with a dot (two characters).
    let mut out = String::new();
    push_lowercase(&mut out, "ΟΔΟΣ");
    assert_eq!(out, "οδος");
    out.clear();
    push_lowercase(&mut out, "İ");
    assert_eq!(out, "i\u{307}");
}

/// Texts with long lines, long headline-like lines and lines of numbers.
fn long_texts() -> Vec<String> {
    let prose = "President Ivo Marek met the Bank of Velsland and Rustam-Bek Oralov in \
        May, 2022, while spokesman Emil Dravik said the U.S. and Tarkiv’s allies \
        would wait. ";
    let numbers = "1 2 of the 3 4 in 5 6 and 7 ".repeat(60);
    vec![
        prose.repeat(40),
        format!("Hard Talks in Sarnova {numbers}\nTalks went on in Sarnova. {prose}"),
        format!("{numbers}Halden Orlik Brecke\n{}", prose.repeat(3)),
        "Jonas Brecke Marta Lindqvist ".repeat(300),
        format!("{}.", "the cat sat on the mat and ".repeat(200)),
    ]
}

#[test]
fn batches_give_the_same_names_as_whole_lines() {
    let mut all: Vec<String> = corpus().into_iter().map(|(_, t)| t).collect();
    let hostile = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile");
    for e in std::fs::read_dir(hostile).expect("hostile fixtures") {
        let bytes = std::fs::read(e.expect("entry").path()).expect("fixture");
        all.push(String::from_utf8_lossy(&bytes).into_owned());
    }
    all.extend(long_texts());
    for text in &all {
        let starts = sentence_starts(text);
        let whole = extract_names(text, 0, &starts);
        for (batch, undecided) in [(1, 1), (1, 4), (2, 3), (3, 1), (7, 16)] {
            let limits = Limits { batch, undecided };
            assert_eq!(
                names_within(text, 0, &starts, limits),
                whole,
                "limits {batch}/{undecided} on {:?}",
                text.get(..60)
            );
        }
    }
}

#[test]
fn a_long_line_is_read_in_bounded_batches() {
    let texts = long_texts();
    // Slack: the most word boundaries in a row where a name could run on ("met the Bank
    // of Velsland and": four, "and the cat": one).
    for (text, slack) in [(&texts[0], 4), (&texts[1], 4), (&texts[4], 1)] {
        let limits = Limits {
            batch: 8,
            undecided: 16,
        };
        let mut sizes = Vec::new();
        read_words(text, 0, &sentence_starts(text), limits, |b| {
            sizes.push(b.to - b.from)
        });
        assert!(sizes.len() > 10, "{sizes:?}");
        // A batch ends at the first place after `batch` words where no name runs on
        // (the first, once the line is known not to be a headline: by `undecided` words).
        let most = sizes.iter().max().copied().unwrap_or_default();
        assert!(most <= limits.undecided + 1 + slack, "{sizes:?}");
        assert!(
            sizes[1..sizes.len() - 1]
                .iter()
                .all(|&n| n <= limits.batch + slack),
            "{sizes:?}"
        );
    }
    // A run of capitalised words is one batch: a name is never cut.
    let text = &texts[3];
    let mut sizes = Vec::new();
    read_words(
        text,
        0,
        &[0],
        Limits {
            batch: 8,
            undecided: 16,
        },
        |b| sizes.push(b.to - b.from),
    );
    assert_eq!(sizes, [1200]);
}

#[test]
fn a_long_headline_is_read_ahead() {
    // Line 1 has no full stop and three content words, all capitalised: a headline,
    // however many numbers and function words follow. Only "Sarnova", capitalised in
    // running text, is a name there.
    let text = &long_texts()[1];
    let sarnova: Vec<usize> = text.match_indices("Sarnova").map(|(i, _)| i).collect();
    for limits in [
        LIMITS,
        Limits {
            batch: 2,
            undecided: 3,
        },
    ] {
        let found = names_within(text, 0, &sentence_starts(text), limits);
        let first: Vec<(&str, usize)> = found
            .iter()
            .take(2)
            .map(|m| (m.text.as_str(), m.span.start))
            .collect();
        assert_eq!(first, [("Sarnova", sarnova[0]), ("Sarnova", sarnova[1])]);
    }
}

/// Each mention's text and kind.
fn kinds(text: &str) -> Vec<(String, NameKind)> {
    names(text).into_iter().map(|m| (m.text, m.kind)).collect()
}

#[test]
fn kinds_from_titles_speech_verbs_organisation_words_place_cues_and_lowercase_use() {
    let got = kinds(
        "Officials met Sen. Varnholm at the Tarsis Port Authority. Dana Ortega said the \
         Bank of Quellen would wait. Food prices rose, the Food and Drug Administration said, \
         and the food ran out in Quellen.",
    );
    let of = |t: &str| got.iter().find(|(x, _)| x == t).map(|(_, k)| *k);
    assert_eq!(of("Varnholm"), Some(NameKind::Person), "{got:?}");
    assert_eq!(of("Tarsis Port Authority"), Some(NameKind::Organisation));
    assert_eq!(of("Dana Ortega"), Some(NameKind::Person));
    assert_eq!(of("Bank of Quellen"), Some(NameKind::Organisation));
    assert_eq!(of("Drug Administration"), Some(NameKind::Organisation));
    // "Food" opens a sentence there, but "Food and …" mid-sentence is a name word the
    // article also writes in lowercase: a common word.
    assert_eq!(of("Food"), Some(NameKind::Common), "{got:?}");
    assert_eq!(of("Quellen"), Some(NameKind::Place));
    // A phrase in title case whose every word the article writes in lowercase too: common.
    let got = kinds(
        "See the Harbour Rates and Weather Notes. The harbour rates rose with the weather, notes \
         said, as Lena Weathers watched.",
    );
    let of = |t: &str| got.iter().find(|(x, _)| x == t).map(|(_, k)| *k);
    assert_eq!(of("Harbour Rates"), Some(NameKind::Common), "{got:?}");
    assert_eq!(of("Weather Notes"), Some(NameKind::Common), "{got:?}");
    assert_ne!(of("Lena Weathers"), Some(NameKind::Common), "{got:?}");
    // A possessive is no place: "in Ortega's plan".
    let got = kinds("The cuts were in Ortega's plan, which Ortega wrote.");
    assert!(got.iter().all(|(_, k)| *k != NameKind::Place), "{got:?}");
}
