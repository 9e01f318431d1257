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
fn title_marks_person_corpus_sentences() {
    let t = "She said Putin may want to reassert hegemony in the region by both propping up the president in Kazakhstan and undermining the democratically elected leader of Ukraine, President Volodymyr Zelenskyi.";
    let ms = names(t);
    let z = ms
        .iter()
        .find(|m| m.text == "Volodymyr Zelenskyi")
        .expect("Zelenskyi found");
    assert!(z.is_person());
    assert_eq!(&t[z.span.clone()], "Volodymyr Zelenskyi");
    let p = ms.iter().find(|m| m.text == "Putin").expect("Putin found");
    assert!(!p.is_person());
    assert_eq!(
        texts(t),
        ["Putin", "Kazakhstan", "Ukraine", "Volodymyr Zelenskyi"]
    );

    let t = "And if Putin had hopes for German ambivalence, assuming that the new Chancellor Olav Scholtz is no match for Angela Merkel, who recently departed her post, he is left with disappointment.";
    let ms = names(t);
    assert_eq!(
        texts(t),
        ["Putin", "German", "Olav Scholtz", "Angela Merkel"]
    );
    assert!(ms[2].is_person());
    assert!(!ms[3].is_person(), "no title before Angela Merkel");
    assert_eq!(&t[ms[2].span.clone()], "Olav Scholtz");
}

#[test]
fn sentence_initial_common_words_skipped() {
    let t = "The US has been warning for weeks that Putin has stationed troops near Ukraine. But I think a lesson in recent history is that once in your house, it is very difficult sometimes to get Russians to leave.";
    assert_eq!(texts(t), ["US", "Putin", "Ukraine", "Russians"]);
    // A sentence-opening word never capitalised elsewhere is not a name.
    let t = "Legislators and long-time Russian observers disagree. Diplomats naturally value dialogue with Russian officials.";
    assert_eq!(texts(t), ["Russian", "Russian"]);
    // ... but a name opening a sentence is kept when the article uses it mid-sentence.
    let t = "Kazakhstan asked for help. Troops flew to Kazakhstan on Thursday.";
    assert_eq!(texts(t), ["Kazakhstan", "Kazakhstan"]);
    // A participle opening a sentence before a name is dropped, the name kept.
    let t = "Undercutting Washington and exacerbating disagreements is high on the list.";
    assert_eq!(texts(t), ["Washington"]);
}

#[test]
fn titles_chains_and_abbreviations() {
    let t = "“For 30 years we’ve been retreating,” Deputy Foreign Minister Sergei Ryabkov, who will lead the talks with the U.S. in Geneva Monday, said in an interview.";
    let ms = names(t);
    assert_eq!(texts(t), ["Sergei Ryabkov", "U.S.", "Geneva"]);
    assert!(ms[0].is_person());
    let t =
        "Ahead of their talks, Kremlin spokesman Dmitry Peskov said that the negotiations go on.";
    let ms = names(t);
    assert_eq!(texts(t), ["Kremlin", "Dmitry Peskov"]);
    assert!(ms[1].is_person() && !ms[0].is_person());
    let t = "When asked on Friday, US Secretary of State Antony Blinken said he would wait.";
    let ms = names(t);
    assert_eq!(texts(t), ["US", "Antony Blinken"]);
    assert!(ms[1].is_person());
    // Made-up: abbreviated titles keep their dot and do not end the sentence.
    let t = "Mr. Smith met Gen. Mark Milley in Washington on Tuesday.";
    let ms = names(t);
    assert_eq!(texts(t), ["Smith", "Mark Milley", "Washington"]);
    assert!(ms[0].is_person() && ms[1].is_person() && !ms[2].is_person());
    // A modifier alone is no title: "State Department" is a name, not a person mark.
    let t = "A spokesman for the State Department in Washington declined to comment.";
    assert_eq!(texts(t), ["State Department", "Washington"]);
    assert!(names(t).iter().all(|m| !m.is_person()));
}

#[test]
fn possessives_hyphens_connectors_months() {
    let t = "It is far more comfortable for Moscow’s leaders and the Russia-led bloc to meet Bashar al-Assad and the Bank of England in May 2019, said Theresa May.";
    let ms = names(t);
    assert_eq!(
        texts(t),
        [
            "Moscow",
            "Russia",
            "Bashar al-Assad",
            "Bank of England",
            "Theresa May"
        ]
    );
    assert_eq!(&t[ms[0].span.clone()], "Moscow");
    assert_eq!(&t[ms[1].span.clone()], "Russia");
    let t = "President Kassym-Jomart Tokayev met officials on January 12 and on Sunday.";
    let ms = names(t);
    assert_eq!(texts(t), ["Kassym-Jomart Tokayev"]);
    assert!(ms[0].is_person());
}

#[test]
fn headline_lines_keep_only_names_known_from_text() {
    let t = "Tough Talks Produce New Russia Face-Off\n\nRussia warned the West. Talks in Geneva went badly, and tough talk followed from Russia.";
    assert_eq!(texts(t), ["Russia", "Russia", "West", "Geneva", "Russia"]);
}

#[test]
fn body_start_and_bad_offsets_are_safe() {
    let t =
        "---\nsource: Eurasia Daily Monitor\n---\nPutin met Biden in Geneva. Biden thanked Putin.";
    let b = t.find("Putin").unwrap();
    let second = t.find("Biden thanked").unwrap();
    assert_eq!(
        extract_names(t, b, &[b, second])
            .into_iter()
            .map(|m| m.text)
            .collect::<Vec<_>>(),
        ["Putin", "Biden", "Geneva", "Biden", "Putin"]
    );
    // Offsets past the end, inside a multibyte character, or nonsense sentence starts.
    let t = "Zelenskyy met “Scholz” in Kyiv — Škoda’s plant — today.";
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
    let t = "Zelenskyy met “Scholz” in Kyiv — Škoda’s plant, O’Brien’s U.S. firm.\nMr. Ли Kim-Jong al-Assad.";
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
        "Putin",
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
    let prose = "President Vladimir Putin met the Bank of England and Kassym-Jomart Tokayev in \
        May, 2022, while spokesman Dmitry Peskov said the U.S. and Moscow’s allies \
        would wait. ";
    let numbers = "1 2 of the 3 4 in 5 6 and 7 ".repeat(60);
    vec![
        prose.repeat(40),
        format!("Tough Talks in Geneva {numbers}\nTalks went on in Geneva. {prose}"),
        format!("{numbers}Putin Biden Scholz\n{}", prose.repeat(3)),
        "Olaf Scholz Angela Merkel ".repeat(300),
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
    // of England and": four, "and the cat": one).
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
    // however many numbers and function words follow. Only "Geneva", capitalised in
    // running text, is a name there.
    let text = &long_texts()[1];
    let geneva: Vec<usize> = text.match_indices("Geneva").map(|(i, _)| i).collect();
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
        assert_eq!(first, [("Geneva", geneva[0]), ("Geneva", geneva[1])]);
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
