//! The quotation reader's tests: attribution forms on made-up sentences, quote marks, the
//! gold speakers of the bundled corpus, and odd input.

use std::path::Path;

use super::names::{RunKind, classify_run, name_run_fwd_bounds, run_shape};
use super::*;
use crate::text::collapse_spaces;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
const GOLD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gold.csv");

/// The bundled corpus's articles, in file order.
fn corpus() -> Vec<Article> {
    crate::corpus::load(&[CORPUS.into()])
        .expect("corpus dir")
        .articles
}

fn norm(s: &str) -> String {
    collapse_spaces(&s.replace(['’', '‘'], "'").to_lowercase())
}

/// Minimal CSV reader for gold.csv: four columns, the last may be double-quoted.
fn gold_quotes() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(GOLD).expect("gold.csv");
    let mut out = Vec::new();
    for line in text.lines().skip(1) {
        let mut parts = line.splitn(4, ',');
        let (Some(file), Some(fact), Some(value), Some(evidence)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if fact == "quote" {
            let ev = evidence.trim().trim_matches('"').replace("\"\"", "\"");
            out.push((file.to_string(), value.to_string(), ev));
        }
    }
    out
}

fn corpus_index(articles: &[Article]) -> SpeakerIndex {
    let mut index = SpeakerIndex::new();
    for a in articles {
        index.observe_text(a.body());
    }
    index
}

#[test]
fn gold_speaker_attribution_precision_and_recall() {
    let articles = corpus();
    let index = corpus_index(&articles);
    let gold = gold_quotes();
    assert_eq!(gold.len(), 30, "gold quote rows");
    let extracted: Vec<(String, Quote)> = articles
        .iter()
        .flat_map(|a| {
            quotes(a)
                .into_iter()
                .filter(|q| q.kind == QuoteKind::Quote)
                .map(move |q| (a.file_name.clone(), q))
        })
        .collect();
    // For every extracted quote: the gold rows it matches, and whether all agree on speaker.
    let mut matched_rows = vec![false; gold.len()];
    let mut correct_quotes = 0;
    for (file, q) in &extracted {
        let qt = norm(&q.text);
        let speaker = q.speaker.as_ref().map(|s| index.canonical(&s.name));
        let rows: Vec<usize> = (0..gold.len())
            .filter(|&i| gold[i].0 == *file && qt.contains(&norm(&gold[i].2)))
            .collect();
        let right = !rows.is_empty()
            && rows
                .iter()
                .all(|&i| speaker.as_deref() == Some(gold[i].1.as_str()));
        if right {
            correct_quotes += 1;
            for i in rows {
                matched_rows[i] = true;
            }
        } else {
            println!("wrong or unmatched: {file}: {:?} -> {speaker:?}", q.text);
        }
    }
    for (i, m) in matched_rows.iter().enumerate() {
        if !m {
            println!("missed: {:?}", gold[i]);
        }
    }
    let precision = correct_quotes as f64 / extracted.len().max(1) as f64;
    let recall = matched_rows.iter().filter(|m| **m).count() as f64 / gold.len() as f64;
    println!(
        "speaker attribution: precision {precision:.2} recall {recall:.2} ({} quotes)",
        extracted.len()
    );
    // Reached 1.00 / 1.00 (29 quotes, 30 rows); textacy's bar is 0.50 / 0.23.
    assert!(precision >= 0.95, "precision {precision}");
    assert!(recall >= 0.95, "recall {recall}");
}

/// The quotations of a one-file article of `text` (no front matter).
fn read_text(text: &str) -> Vec<Quote> {
    let a = Article::from_text(Path::new("t.txt"), text.to_string()).expect("article");
    quotes(&a)
}

fn speaker_of(q: &Quote) -> Option<(&str, Attribution)> {
    q.speaker.as_ref().map(|s| (s.name.as_str(), s.attribution))
}

// --- attribution forms, made-up news sentences ---

#[test]
fn said_x_after_the_quote() {
    let qs = read_text(
        "“We will not accept these terms at all,” said Maria Ortega, the union's chief negotiator.",
    );
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].text, "We will not accept these terms at all");
    assert_eq!(
        speaker_of(&qs[0]),
        Some(("Maria Ortega", Attribution::Explicit))
    );
    let sp = qs[0].speaker.as_ref().unwrap();
    assert_eq!(
        sp.description.as_deref(),
        Some("the union's chief negotiator")
    );
    let text =
        "“We will not accept these terms at all,” said Maria Ortega, the union's chief negotiator.";
    assert_eq!(sp.span.clone().map(|r| &text[r]), Some("Maria Ortega"));
}

#[test]
fn x_said_after_the_quote_with_words_between() {
    let qs = read_text(
        "“The bridge will reopen next spring” after repairs, Mayor Tom Bradley said on Monday.",
    );
    assert_eq!(
        speaker_of(&qs[0]),
        Some(("Tom Bradley", Attribution::Explicit))
    );
    assert_eq!(
        qs[0].speaker.as_ref().unwrap().description.as_deref(),
        Some("Mayor")
    );
}

#[test]
fn x_said_before_the_quote() {
    let qs = read_text(
        "Central bank governor Ana Lima said on Tuesday that “inflation has peaked for this year”.",
    );
    assert_eq!(
        speaker_of(&qs[0]),
        Some(("Ana Lima", Attribution::Explicit))
    );
    assert_eq!(
        qs[0].speaker.as_ref().unwrap().description.as_deref(),
        Some("Central bank governor")
    );
}

#[test]
fn x_told_y_and_x_wrote() {
    let qs = read_text(
        "“There is no plan to raise taxes this year,” Finance Minister Paul Dorn told reporters.",
    );
    assert_eq!(
        speaker_of(&qs[0]),
        Some(("Paul Dorn", Attribution::Explicit))
    );
    let qs =
        read_text("Historian Mary Beard wrote: “The empire was never as stable as it looked.”");
    assert_eq!(
        speaker_of(&qs[0]),
        Some(("Mary Beard", Attribution::Explicit))
    );
}

#[test]
fn according_to_x() {
    let qs = read_text(
        "“The fleet has left port and is heading north,” according to Jan Kowalski, a retired admiral.",
    );
    assert_eq!(
        speaker_of(&qs[0]),
        Some(("Jan Kowalski", Attribution::AccordingTo))
    );
    assert_eq!(
        qs[0].speaker.as_ref().unwrap().description.as_deref(),
        Some("a retired admiral")
    );
}

#[test]
fn x_who_said() {
    let qs = read_text(
        "“We have seen nothing like it in decades,” Senator Ruth Adler, who chairs the committee, said in a statement.",
    );
    assert_eq!(
        speaker_of(&qs[0]),
        Some(("Ruth Adler", Attribution::Explicit))
    );
    assert_eq!(
        qs[0].speaker.as_ref().unwrap().description.as_deref(),
        Some("Senator, who chairs the committee")
    );
}

#[test]
fn pronoun_resolves_to_the_last_speaker_not_the_last_name() {
    let text = "Economist Lena Park said prices would keep rising.\n\nShe pointed to Velsland and President Emil Varro's budget. “Households will feel this for a long time,” she said.";
    let qs = read_text(text);
    assert_eq!(
        speaker_of(&qs[0]),
        Some(("Lena Park", Attribution::Pronoun))
    );
}

#[test]
fn pronoun_without_a_near_speaker_has_no_speaker() {
    let far = "Economist Lena Park said prices would rise.\n\nMarkets fell.\n\nOil rose.\n\nGold was flat.\n\n“Nobody expected this at all,” she said.";
    assert_eq!(read_text(far)[0].speaker, None);
    let none = "“Nobody expected this at all,” she said.";
    assert_eq!(read_text(none)[0].speaker, None);
}

#[test]
fn pronoun_does_not_resolve_to_a_place() {
    // "Tarkiv" is a speaker but not a person: "he" has no antecedent.
    let qs = read_text(
        "“The troops will leave soon enough,” Tarkiv said. “We will see about that,” he said.",
    );
    assert_eq!(speaker_of(&qs[0]), Some(("Tarkiv", Attribution::Explicit)));
    assert_eq!(qs[1].speaker, None);
}

#[test]
fn continuation_in_the_same_and_the_next_paragraph() {
    let text = "“The talks went well,” said Omar Haddad. “We meet again in March.”\n\n“After that we will know much more.”";
    let qs = read_text(text);
    assert_eq!(qs.len(), 3);
    assert_eq!(
        speaker_of(&qs[0]),
        Some(("Omar Haddad", Attribution::Explicit))
    );
    assert_eq!(
        speaker_of(&qs[1]),
        Some(("Omar Haddad", Attribution::Continuation))
    );
    assert_eq!(
        speaker_of(&qs[2]),
        Some(("Omar Haddad", Attribution::Continuation))
    );
}

#[test]
fn no_continuation_across_narrative_or_another_speaker() {
    // The third quotation does not open its paragraph: no speaker rather than a guess.
    let text = "“The talks went well,” said Omar Haddad.\n\nThe talks resume in March. Later, “a deal could come within weeks,” was the word in the corridors.";
    let qs = read_text(text);
    assert_eq!(qs.len(), 2);
    assert_eq!(qs[1].speaker, None);
    // Another speaker named between the two quotations blocks the continuation: the
    // quotation is the subject's of the sentence just before it.
    let text = "“The talks went well,” said Omar Haddad. Rival envoy Sara Kim said the opposite. “We meet again in March.”";
    let qs = read_text(text);
    assert_eq!(
        speaker_of(&qs[1]),
        Some(("Sara Kim", Attribution::Explicit))
    );
    // A paragraph that names nobody does not inherit from two paragraphs up.
    let text = "“The talks went well,” said Omar Haddad.\n\nThe venue was busy.\n\n“We meet again in March and expect more.”";
    let qs = read_text(text);
    assert_eq!(qs[1].speaker, None);
}

#[test]
fn the_statement_said_resolves_to_the_organisation_named_before() {
    let text = "The Foreign Ministry of Norway issued a reply on Sunday. “We reject these claims entirely and without reservation,” the statement said.";
    let qs = read_text(text);
    assert_eq!(
        speaker_of(&qs[0]),
        Some(("Foreign Ministry of Norway", Attribution::Reference))
    );
    // No organisation in reach: no speaker.
    let qs = read_text("“We reject these claims entirely,” the statement said.");
    assert_eq!(qs[0].speaker, None);
}

#[test]
fn the_company_said_never_goes_back_to_a_person() {
    // An unmarked full name may be an organisation's ("Borvik Foods said"), until something
    // marks it as a person's: a pronoun resolved to it, or a title before it.
    let by_pronoun = "Tessa Marlowe said crews worked through the night. \
        “The heat was unbearable inside,” she said.\n\n\
        The company said: “We are heartbroken by what happened to our staff.”";
    let qs = read_text(by_pronoun);
    assert_eq!(
        speaker_of(&qs[0]),
        Some(("Tessa Marlowe", Attribution::Pronoun))
    );
    assert_eq!(qs[1].speaker, None);
    let by_title = "Port director Tessa Marlowe said the quay was closed.\n\n\
        The company said: “We are heartbroken by what happened to our staff.”";
    assert_eq!(read_text(by_title)[0].speaker, None);
    // An organisation named before is still the company's.
    let org = "Borvik Foods said the plant was closed.\n\n\
        The company said: “We are heartbroken by what happened to our staff.”";
    assert_eq!(
        speaker_of(&read_text(org)[0]),
        Some(("Borvik Foods", Attribution::Reference))
    );
}

#[test]
fn a_surname_marked_as_a_persons_clears_the_full_name_from_the_organisation_slot() {
    // The full name unmarked (possibly an organisation's), then its surname with a
    // description: the same person, so "the company" is not them.
    let text = "Tessa Marlowe said crews worked through the night.\n\n\
        Marlowe, the fire chief, said the roof had fallen in.\n\n\
        The company said: “We are heartbroken by what happened to our staff.”";
    assert_eq!(read_text(text)[0].speaker, None);
}

#[test]
fn a_title_set_off_before_the_name_describes_the_speaker() {
    let text = "The port director, Tessa Marlowe, said: “The quay stays closed until the inspectors are done.”";
    let qs = read_text(text);
    assert_eq!(
        speaker_of(&qs[0]),
        Some(("Tessa Marlowe", Attribution::Explicit))
    );
    let who = qs[0].speaker.as_ref().and_then(|s| s.description.clone());
    assert_eq!(who.as_deref(), Some("port director"));
}

#[test]
fn the_president_said_resolves_to_the_last_speaker() {
    let text = "President Lena Marsh said on Friday that talks would go on. “We are not giving up on diplomacy,” the President said.";
    let qs = read_text(text);
    assert_eq!(
        speaker_of(&qs[0]),
        Some(("Lena Marsh", Attribution::Reference))
    );
}

#[test]
fn passive_said_and_adjectives_are_not_speakers() {
    // "The minister is said to …" is no speaker; "Western" in "Western officials" is not a name.
    let qs = read_text(
        "The minister is said to be furious. “The deadline has passed for everyone,” according to Western officials.",
    );
    assert_eq!(
        speaker_of(&qs[0]),
        Some(("Western officials", Attribution::AccordingTo))
    );
    let qs = read_text(
        "The minister is said to be furious about “the deadline that has passed for everyone”.",
    );
    assert_eq!(qs[0].speaker, None);
}

#[test]
fn straight_quotes_work_like_curly_ones() {
    let qs = read_text(
        "\"We are ready to talk to anyone,\" said Leo Brandt. He called it \"peacekeeping\".",
    );
    assert_eq!(qs.len(), 2);
    assert_eq!(qs[0].kind, QuoteKind::Quote);
    assert_eq!(
        speaker_of(&qs[0]),
        Some(("Leo Brandt", Attribution::Explicit))
    );
    assert_eq!(qs[1].kind, QuoteKind::Phrase);
    assert_eq!(qs[1].text, "peacekeeping");
}

// --- marks: unbalanced, multi-paragraph, phrases ---

#[test]
fn unbalanced_quote_recovers_at_the_paragraph_end() {
    let text = "“We will fight this decision in every court, said Ivo Petrov.\n\nThe court meets on Friday. Judges declined to comment.\n\n“It is over for now,” said Ana Petrova.";
    let qs = read_text(text);
    assert_eq!(qs.len(), 2, "{qs:?}");
    assert!(qs[0].unbalanced);
    assert_eq!(
        qs[0].text,
        "We will fight this decision in every court, said Ivo Petrov."
    );
    assert_eq!(
        &text[qs[0].span.clone()],
        "“We will fight this decision in every court, said Ivo Petrov."
    );
    assert!(!qs[1].unbalanced);
    assert_eq!(
        speaker_of(&qs[1]),
        Some(("Ana Petrova", Attribution::Explicit))
    );
}

#[test]
fn multi_paragraph_quote_is_joined_and_attributed() {
    let text = "“The first part of the plan is simple.\n\n“The second part is harder,” he added, said Kim Berg.";
    let qs = read_text("Kim Berg spoke first.\n\n".to_string().as_str());
    assert!(qs.is_empty());
    let full = format!("Kim Berg, a planner, said the plan was ready.\n\n{text}");
    let qs = read_text(&full);
    assert_eq!(qs.len(), 1);
    assert_eq!(
        qs[0].text,
        "The first part of the plan is simple. The second part is harder"
    );
    assert!(!qs[0].unbalanced);
    assert!(full[qs[0].span.clone()].starts_with("“The first"));
    assert!(full[qs[0].span.clone()].ends_with("harder,”"));
    assert_eq!(speaker_of(&qs[0]), Some(("Kim Berg", Attribution::Pronoun)));
}

#[test]
fn paragraph_pair_continues_and_resolves_he() {
    let text = "“Like I told you, there are quite particular forces at work behind what is going on in Dalmora, in trade and in politics alike,” said Solvik. “What is going on there is unlike what is going on at the borders of Velsland.\n\n“Still, I believe the lesson of recent years is that once they settle in, it is often very hard to get Marovians to go home,” he added.";
    // The bare surname counts as a person because the article writes the full name.
    let text = format!("US Secretary of State Tomas Solvik spoke on Friday.\n\n{text}");
    let qs = read_text(&text);
    assert_eq!(qs.len(), 2);
    assert!(qs[1].text.starts_with("What is going on there"));
    assert!(qs[1].text.contains("Velsland. Still, I believe"));
    assert_eq!(speaker_of(&qs[1]), Some(("Solvik", Attribution::Pronoun)));
}

#[test]
fn garbled_paragraph_keeps_the_next_quote() {
    // A stray opening mark at a paragraph's end (as a garbled page gives it).
    let text = "She said the Marovians regard the strait “almost entirely as their own water and hardly as a shared sea” regard zone of control. “\n\n“And so the western shore of Dalmora … is treated as part of Marovia,” said Varga, a visiting scholar at the Halvorsen Institution.";
    let full = format!("Edith Varga, a former official, said it was bad.\n\n{text}");
    let qs = read_text(&full);
    assert_eq!(qs.len(), 2, "{qs:?}");
    assert_eq!(
        qs[0].text,
        "almost entirely as their own water and hardly as a shared sea"
    );
    assert_eq!(
        speaker_of(&qs[0]),
        Some(("Edith Varga", Attribution::Pronoun))
    );
    assert!(
        qs[1]
            .text
            .starts_with("And so the western shore of Dalmora")
    );
    assert_eq!(speaker_of(&qs[1]), Some(("Varga", Attribution::Explicit)));
    assert_eq!(
        qs[1].speaker.as_ref().unwrap().description.as_deref(),
        Some("a visiting scholar at the Halvorsen Institution")
    );
}

#[test]
fn embedded_quotes_take_the_sentence_subject() {
    let qs = read_text(
        "When pressed about Dalmora and Velsland on Friday, US Secretary of State Tomas Solvik said he would “keep the two cases apart”.",
    );
    assert_eq!(qs[0].kind, QuoteKind::Quote);
    assert_eq!(
        speaker_of(&qs[0]),
        Some(("Tomas Solvik", Attribution::Explicit))
    );
    assert_eq!(
        qs[0].speaker.as_ref().unwrap().description.as_deref(),
        Some("US Secretary of State")
    );
    let qs = read_text(
        "Anton Veselin, a well-known Tarkiv security analyst, said that by sending in its army, Tarkiv had turned itself into a “protector, whose standing now rests on what comes next.” He said the case recalled Ostmark in 2019.",
    );
    assert_eq!(
        speaker_of(&qs[0]),
        Some(("Anton Veselin", Attribution::Explicit))
    );
    assert_eq!(
        qs[0].speaker.as_ref().unwrap().description.as_deref(),
        Some("a well-known Tarkiv security analyst")
    );
}

#[test]
fn statement_said_after_a_sentence_naming_the_department() {
    let text = "The Marovian Interior Department hit back in a statement recalling Velsish raids and landings abroad. “If Tomas Solvik loves old history so much, let me remind him: Where Velsish troops stay, it is hard to keep your home, your harvest or your peace,” the statement said.";
    let qs = read_text(text);
    assert_eq!(
        speaker_of(&qs[0]),
        Some(("Marovian Interior Department", Attribution::Reference))
    );
}

#[test]
fn scare_quotes_are_phrases() {
    for (text, phrase) in [
        (
            "To be sure, most items of Marovia’s “red lines” for the Northern League on November 23 amount to a wish list.",
            "red lines",
        ),
        (
            "President Lu Wenhao praised Oralov’s firm stance on what he termed a “street revolution.” That’s how Hanzhou puts it.",
            "street revolution.",
        ),
        (
            "Marovian envoys invoke the idea of “parity of arms” written into the Oslen accords.",
            "parity of arms",
        ),
    ] {
        let qs = read_text(text);
        assert_eq!(qs.len(), 1, "{text}");
        assert_eq!(qs[0].kind, QuoteKind::Phrase, "{text}");
        assert_eq!(qs[0].text, phrase);
        assert_eq!(qs[0].speaker, None, "{text}");
    }
    // Four words is a quote.
    let qs = read_text("He said he would “keep the cases apart”.");
    assert_eq!(qs[0].kind, QuoteKind::Quote);
}

#[test]
fn short_quote_with_adjacent_speaker_keeps_it() {
    let qs = read_text("“Absolutely not,” Okafor said.");
    assert_eq!(qs[0].kind, QuoteKind::Phrase);
    assert_eq!(speaker_of(&qs[0]), Some(("Okafor", Attribution::Explicit)));
}

#[test]
fn never_panics_on_odd_input() {
    for text in [
        "",
        "“",
        "”",
        "\"",
        "“”",
        "é“ü”",
        "“a\n\n”b",
        "said",
        ", said",
        "according to",
        "“x,” said",
        "Mr. said “a b c d”",
        "\n\n\n“”\n\n",
    ] {
        for start in 0..=text.len() + 2 {
            let _ = read(text, start);
        }
    }
    let qs = read("—é “Quoted words here again,” said Ann Lee.", 1).0; // mid-char start
    assert_eq!(qs.len(), 1);
}

#[test]
fn never_panics_on_corpus_slices() {
    for article in corpus() {
        let text = article.text;
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(89).collect();
        for (n, &a) in bounds.iter().enumerate() {
            for &b in bounds.iter().skip(n).step_by(7) {
                let slice = &text[a..b];
                for q in read(slice, 0).0 {
                    assert!(slice.get(q.span.clone()).is_some());
                }
            }
        }
    }
}

// --- speaker identity ---

#[test]
fn full_names_skip_titles_and_organisations_and_keep_first_occurrence() {
    let text = "US Secretary of State Jane Roe met Maria Ortega’s aide.\n\n\
                The Central Bank and Ivo Petrov spoke. Jane Roe left.\n\n\
                Ortega\n\nPetrov";
    // "Secretary of State" is a title; "Central Bank" ends in an organisation word;
    // a name never runs across a blank line; repeats are kept once.
    assert_eq!(full_names(text), ["Jane Roe", "Maria Ortega", "Ivo Petrov"]);
}

#[test]
fn quote_reader_returns_the_full_names_of_the_body() {
    for a in corpus() {
        let (qs, names) = quotes_and_names(&a);
        assert_eq!(qs, quotes(&a), "{}", a.file_name);
        assert_eq!(names, full_names(a.body()), "{}", a.file_name);
    }
    // A blank body names nobody; a body start inside a character reads as no body.
    assert!(read("x\n\n  \n", 2).1.is_empty());
    assert!(read("éAnna Lind said", 1).1.is_empty());
    assert_eq!(read("\n\n Anna Lind said", 0).1, ["Anna Lind"]);
}

#[test]
fn organisation_scan_shortcut_agrees_with_classify_run() {
    // find_orgs only builds runs run_shape says may be organisations: on every run of
    // the corpus it must agree with classify_run on whether there is a run at all, and
    // never call an organisation a mere run.
    let mut orgs = 0;
    for a in corpus() {
        let (name, text) = (&a.file_name, &a.text);
        let toks = scan::tokens(text, &(a.body_start..text.len()));
        for i in 0..toks.len() {
            let Some((s, e)) = name_run_fwd_bounds(&toks, i) else {
                continue;
            };
            let (is_run, maybe_org) = run_shape(&toks, s, e);
            let run = classify_run(text, &toks, s, e);
            assert_eq!(is_run, run.is_some(), "{name} at token {i}");
            if run.as_ref().is_some_and(|r| r.kind == RunKind::Org) {
                assert!(maybe_org, "{name} at token {i}");
                orgs += 1;
            }
        }
    }
    assert!(orgs > 10, "the corpus names organisations ({orgs})");
}

#[test]
fn speaker_index_expands_surnames_within_and_across_articles() {
    let mut index = SpeakerIndex::new();
    index.observe_text("“This is not final,” said Ivan Petrov, head of a council.");
    index.observe_text("US MP Mark Green spoke. Finance Minister Paul Dorn’s move.");
    assert_eq!(index.canonical("Petrov"), "Ivan Petrov");
    assert_eq!(index.canonical("Mr. Petrov"), "Ivan Petrov");
    assert_eq!(index.canonical("Ivan Petrov"), "Ivan Petrov");
    assert_eq!(index.canonical("Green"), "Mark Green");
    assert_eq!(index.canonical("Dorn"), "Paul Dorn");
    assert_eq!(index.canonical("Varga"), "Varga"); // never seen in full
}

#[test]
fn speaker_index_keeps_ambiguous_surnames_and_uses_aliases() {
    let mut index = SpeakerIndex::new();
    index.observe_text("John Smith met Anna Smith in Riga.");
    assert_eq!(index.canonical("Smith"), "Smith");
    index.add_alias("Ivan Petrov", "Iwan Petrov");
    index.observe_text("Iwan Petrov wrote a column.");
    assert_eq!(index.canonical("Iwan Petrov"), "Ivan Petrov");
    assert_eq!(index.canonical("Petrov"), "Ivan Petrov");
    // Places and events are not full names.
    index.observe_text("the Warsaw Pact and Central Asia and the Cold War");
    assert_eq!(index.canonical("Pact"), "Pact");
}

// Attribution forms of real newswire (#14), on made-up sentences and names.

fn who(text: &str) -> Vec<Option<String>> {
    read_text(text)
        .iter()
        .filter(|q| q.kind == QuoteKind::Quote)
        .map(|q| q.speaker.as_ref().map(|s| s.name.clone()))
        .collect()
}

fn one(name: &str) -> Vec<Option<String>> {
    vec![Some(name.to_string())]
}

#[test]
fn form_said_lowercase_title_then_name() {
    let text = "“We will keep every ward open this winter,” said hospital director Irma Vosk.";
    assert_eq!(who(text), one("Irma Vosk"));
    let qs = read_text(text);
    assert_eq!(
        qs[0].speaker.as_ref().unwrap().description.as_deref(),
        Some("hospital director")
    );
    let text = "Talks broke down at noon.\n\n“Nobody here is going back to work tomorrow,” said union leader Petra Lund.";
    assert_eq!(who(text), one("Petra Lund"));
    // A capitalised organisation before the title noun is part of the description.
    let text = "“The market is pricing in two more cuts this year,” said Oakline Research analyst Bo Tamsin.";
    assert_eq!(who(text), one("Bo Tamsin"));
}

#[test]
fn form_name_comma_title_comma_said() {
    let text = "Tomas Brel, the agency's deputy director, said the plan was “ready to go as soon as the money arrives.”";
    assert_eq!(who(text), one("Tomas Brel"));
    // The description first, the name in apposition.
    let text = "The agency's deputy director, Tomas Brel, said the plan was “ready to go as soon as the money arrives.”";
    assert_eq!(who(text), one("Tomas Brel"));
}

#[test]
fn form_title_name_said_and_told_and_wrote() {
    assert_eq!(
        who("Harbour Commissioner Elif Sandoval said: “The dredging starts on Monday at dawn.”"),
        one("Elif Sandoval")
    );
    assert_eq!(
        who("“The dredging starts on Monday at dawn,” Sandoval told reporters."),
        one("Sandoval")
    );
    assert_eq!(
        who("“The dredging starts on Monday at dawn,” Elif Sandoval wrote on X."),
        one("Elif Sandoval")
    );
}

#[test]
fn form_dash_after_the_quotation() {
    assert_eq!(
        who("“Every vote we lose here, we win back in the suburbs.” — Dana Morrow"),
        one("Dana Morrow")
    );
}

#[test]
fn form_organisation_statements() {
    assert_eq!(
        who("In a statement, Vantor Holdings said: “We have never sold data to any third party.”"),
        one("Vantor Holdings")
    );
    assert_eq!(
        who(
            "“We have never sold data to any third party,” according to a statement from Vantor Holdings."
        ),
        one("Vantor Holdings")
    );
    // "it" and "the company" go back to the organisation.
    let text = "Vantor Holdings said on Friday it had hired auditors.\n\n“We have never sold data to any third party,” the company said.";
    assert_eq!(who(text), one("Vantor Holdings"));
}

#[test]
fn form_colon_after_the_speaker() {
    assert_eq!(
        who("Irma Vosk, on the new rota: “Nobody works more than four nights in a row.”"),
        one("Irma Vosk")
    );
}

#[test]
fn form_speaker_named_in_the_sentence_before_with_any_verb() {
    let text = "Dana Morrow chimed in. “The numbers do not add up for the county.”";
    assert_eq!(who(text), one("Dana Morrow"));
    // Any verb in the quotation's own sentence too.
    let text = "Dana Morrow described the budget as “a set of numbers that do not add up.”";
    assert_eq!(who(text), one("Dana Morrow"));
}

#[test]
fn form_pronoun_takes_the_last_subject_whatever_its_verb() {
    let text =
        "Dana Morrow pitched the plan on Monday. “It pays for itself in four years,” she wrote.";
    assert_eq!(who(text), one("Dana Morrow"));
    // Not someone named only as a modifier ...
    let text = "Dana Morrow pitched the plan on Monday. Morrow’s aide handed out copies. “It pays for itself in four years,” she wrote.";
    assert_eq!(who(text), one("Dana Morrow"));
    // ... nor inside a quotation.
    let text = "Dana Morrow spoke first. “Ask Pavel Ostrov what it costs,” she said. “It pays for itself in four years,” she added.";
    assert_eq!(
        who(text),
        vec![Some("Dana Morrow".into()), Some("Dana Morrow".into())]
    );
    // A sentence opening with a pronoun carries the chain: "He vowed to “…”".
    let text =
        "Dana Morrow spoke first.\n\nShe vowed to “fight every cut in this budget line by line.”";
    assert_eq!(who(text), one("Dana Morrow"));
}

#[test]
fn form_speaker_extent_is_the_person() {
    assert_eq!(
        who("“We will open the shelter tonight,” said the Rev. Ann Kettle."),
        one("Ann Kettle")
    );
    assert_eq!(
        who("Gov. Tom Reyno of Idaho said: “The state will cover the shortfall this year.”"),
        one("Tom Reyno")
    );
    let text = "“The state will cover the shortfall this year,” Governor Tom Reyno of Idaho said.";
    assert_eq!(who(text), one("Tom Reyno"));
    let qs = read_text(text);
    assert_eq!(
        qs[0].speaker.as_ref().unwrap().description.as_deref(),
        Some("Governor of Idaho")
    );
    // A possessive before an organisation is not part of its name.
    assert_eq!(
        who("Norland’s Royal Mint Office said there had been “no irregularity of any kind.”"),
        one("Royal Mint Office")
    );
}

#[test]
fn continuation_across_paragraphs_keeps_its_speaker() {
    let text = "“The first phase is done,” said Dana Morrow. “The second starts in May.\n\n“And the third, if the money comes, in the autumn.”";
    let got = who(text);
    assert_eq!(got.len(), 2);
    assert!(
        got.iter().all(|s| s.as_deref() == Some("Dana Morrow")),
        "{got:?}"
    );
}

#[test]
fn descriptions_resolve_to_the_person_introduced_so() {
    let text = "Idaho Governor Tom Reyno met the mayors. Talks ran late.\n\n“We are not there yet,” the Idaho governor said.";
    assert_eq!(who(text), one("Tom Reyno"));
    let text = "Bank chairman Ivo Marek spoke to staff on Monday.\n\nThe weather was bad.\n\n“Nobody loses a job over this,” the chairman said.";
    assert_eq!(who(text), one("Ivo Marek"));
    // An age stands for the person just named.
    let text = "Lina Osei, a nurse in Leeds, says she has cut back.\n\n“I have to cut back on everything now,” the 45-year-old says.";
    assert_eq!(who(text), one("Lina Osei"));
    // An adjective is never the name.
    let text =
        "“Rates stay high for longer than people think,” said Paris-based analyst Remy Tallon.";
    assert_eq!(who(text), one("Remy Tallon"));
}

#[test]
fn acronyms_resolve_to_the_expansion_the_article_gives() {
    let text = "The Northern Water Safety Board (NWSB) met on Monday.\n\n“Levels are safe in every district,” the NWSB said.";
    assert_eq!(who(text), one("Northern Water Safety Board"));
    // No expansion in the article: the acronym as written.
    assert_eq!(
        who("“Levels are safe in every district,” the NWSB said."),
        one("NWSB")
    );
}

#[test]
fn titles_in_quote_marks_are_not_quotations() {
    let qs =
        read_text("Dana Morrow said on the show “Morning in the Valley Today” that she would run.");
    assert!(
        qs.iter()
            .all(|q| q.kind == QuoteKind::Phrase && q.speaker.is_none()),
        "{qs:?}"
    );
    let qs =
        read_text("Remy Tallon, author of “The Long Road to the Sea,” said the deal was fair.");
    assert!(
        qs.iter()
            .all(|q| q.kind == QuoteKind::Phrase && q.speaker.is_none()),
        "{qs:?}"
    );
    let qs = read_text("She wrote a book titled “why we never left the valley at all”.");
    assert!(qs.iter().all(|q| q.kind == QuoteKind::Phrase), "{qs:?}");
    // A sentence in title case is still a quotation when it reads as one.
    assert_eq!(
        who("“We will not back down, not now, not ever,” said Dana Morrow."),
        one("Dana Morrow")
    );
}

#[test]
fn a_relative_clause_quotes_what_it_hangs_from() {
    let text = "Now she works for the small charity Riverkeep, which aims to promote “clean water for every town on the river.”";
    assert_eq!(who(text), one("Riverkeep"));
}

#[test]
fn a_described_subject_keeps_the_quotation_over_its_object() {
    // "… recalled that the executives … were “…”": the subject recalled it, not the executives.
    let text = "Mina Castell, author of a history of the port, recalled that the shipping executives of the day were “treated like kings in every harbour town.”";
    assert_eq!(who(text), one("Mina Castell"));
}

#[test]
fn descriptions_of_every_shape_resolve_to_the_person() {
    // A capitalised description the article gave in apposition.
    let text = "Sen. Tom Reyno, an Idaho Republican, opposed the bill on Monday.\n\nThe vote is next week.\n\n“This bill spends money we do not have,” the Idaho Republican said.";
    assert_eq!(who(text), one("Tom Reyno"));
    // A possessive description: "the bank's chairman".
    let text = "Bank chairman Ivo Marek spoke to staff on Monday.\n\n“Nobody loses a job over this,” the bank's chairman said.";
    assert_eq!(who(text), one("Ivo Marek"));
    // An adjective in the description: "the Paris-based analyst".
    let text = "Paris-based analyst Remy Tallon expects two more rises.\n\n“Rates stay high for longer than people think,” the Paris-based analyst said.";
    assert_eq!(who(text), one("Remy Tallon"));
    // Introduced by no one: a capitalised name after "the" stays a name.
    assert_eq!(
        who("“We reject the claims in full and without reservation,” the White House said."),
        one("White House")
    );
}

#[test]
fn a_bare_role_is_the_person_in_view_who_holds_it() {
    // Two presidents: one titled in passing ("Governor Hale's plan"), one introduced with the
    // role later. The governor is named again, without the title, just before "the governor"
    // speaks: the role is his, though the other was described more recently.
    let text = "Farm groups said on Monday that Governor Hale's levy on imported feed shows the need to grow more at home.\n\nGrowers union governor Ines Falk praised the farms of the valley.\n\n“We can feed the whole region if we are left to it,” she said.\n\nHale announced the levy on Monday morning after weeks of pressure. The governor called the dumping of cheap feed “a slow ruin for every small farm we have” in his statement.";
    assert_eq!(
        who(text),
        vec![Some("Ines Falk".into()), Some("Hale".into())]
    );
    // Without the later mention, the role goes to the person last described with it.
    let text = "Farm groups said on Monday that Governor Hale's levy on imported feed shows the need to grow more at home.\n\nGrowers union governor Ines Falk praised the farms of the valley.\n\nThe governor called the dumping of cheap feed “a slow ruin for every small farm we have” in her statement.";
    assert_eq!(who(text), vec![Some("Ines Falk".into())]);
    // A title written once before a bare surname makes it a person's surname.
    let text = "Chancellor Vey spoke on Monday.\n\nVey said the budget was “balanced for the first time in a decade” at last.";
    assert_eq!(who(text), one("Vey"));
}

#[test]
fn a_pronoun_skips_a_person_known_to_be_of_the_other_gender() {
    let text = "Mr Morrow presented the budget on Monday. Ms Osei voted against it. “It pays for itself in four years,” he said.";
    assert_eq!(who(text), one("Mr Morrow"));
    // Known by a pronoun already resolved to her.
    let text = "Lina Osei chairs the panel. “We start in May,” she said. Pavel Ostrov joined late. Osei spoke again. “The money is there,” he said.";
    assert_eq!(
        who(text),
        vec![Some("Lina Osei".into()), Some("Pavel Ostrov".into())]
    );
}

#[test]
fn a_spokesperson_for_someone_is_not_that_someone() {
    let text = "A spokesperson for Mayor Dana Morrow said the plan was dead. Housing chief Pavel Ostrov had made it clear that “this is not something the city will pay for,” the spokesperson added.";
    let got = who(text);
    let name = got[0].as_deref().unwrap_or("");
    assert!(
        name.ends_with("spokesperson") && !name.contains("Morrow"),
        "{got:?}"
    );
}
