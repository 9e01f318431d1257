//! Unit tests of article reading (made-up text).

use super::decode::has_hidden_or_fullwidth;
use super::*;
use crate::span::Position;

fn article(text: &str) -> Article {
    Article::from_text(Path::new("a.txt"), text.to_string()).expect("article")
}

#[test]
fn front_matter_sets_source_and_published() {
    let a = article(
        "---\nsource: AP\ntitle: T\npublished: 2022-01-08\nurl: http://x\n---\nBody here.\n",
    );
    assert_eq!(a.source, "AP");
    assert_eq!(a.published, Some(jiff::civil::date(2022, 1, 8)));
    assert_eq!(a.meta.get("url").map(String::as_str), Some("http://x"));
    assert_eq!(a.body(), "Body here.\n");
    // Body line 7 as on disk.
    assert_eq!(a.position(a.body_start).line, 7);
}

#[test]
fn the_headline_is_the_title_as_written_inside_its_quotes() {
    let a =
        article("---\nsource: AP\ntitle: 'Port of Ostrel to close for 12 days'\n---\nBody here.\n");
    let h = a.headline.expect("headline");
    assert_eq!(h.slice(&a.text), "Port of Ostrel to close for 12 days");
    assert_eq!(a.position(h.start).line, 3);
    assert_eq!(a.position(h.start).column, 9);
    // An offset inside it is in the headline; the body's first sentence is its own.
    assert_eq!(a.sentence_at(h.start + 5), Some(h));
    assert_eq!(
        a.sentence_at(a.body_start).map(|s| s.slice(&a.text)),
        Some("Body here.")
    );
    // No title, an empty one, or none at all: no headline.
    assert_eq!(
        article("---\nsource: AP\ntitle: \"\"\n---\nBody.\n").headline,
        None
    );
    assert_eq!(article("---\nsource: AP\n---\nBody.\n").headline, None);
    assert_eq!(article("Just text.").headline, None);
}

#[test]
fn without_front_matter_source_is_file_name() {
    let a = article("Just text.");
    assert_eq!(a.source, "a.txt");
    assert_eq!(a.published, None);
    assert_eq!(a.body_start, 0);
}

#[test]
fn unclosed_front_matter_is_a_problem_with_a_line() {
    let e =
        Article::from_text(Path::new("x.txt"), "---\nsource: A\ntitle: B\n".into()).unwrap_err();
    assert_eq!(e.line, Some(1));
    assert!(e.message.contains("never closed"), "{}", e.message);
    // A body line inside the block is where the reader notices the missing `---`.
    let e = Article::from_text(Path::new("x.txt"), "---\nsource: A\nBody.".into()).unwrap_err();
    assert_eq!((e.line, e.column), (Some(3), Some(1)));
    assert!(e.message.contains("closing `---` missing"), "{}", e.message);
}

#[test]
fn bad_published_date_points_at_the_value() {
    let e = Article::from_text(
        Path::new("x.txt"),
        "---\npublished: 2022-02-30\n---\nB.".into(),
    )
    .unwrap_err();
    assert_eq!((e.line, e.column), (Some(2), Some(12)));
    assert_eq!(
        e.message,
        "published date \"2022-02-30\" is not a day of the calendar (no such month or day)"
    );
    // Written another way: the form to use is said.
    let e = Article::from_text(
        Path::new("x.txt"),
        "---\npublished: March 3, 2022\n---\nB.".into(),
    )
    .unwrap_err();
    assert_eq!(
        e.message,
        "published date \"March 3, 2022\" is not a date (write YYYY-MM-DD, e.g. 2022-01-08)"
    );
}

#[test]
fn empty_and_binary_articles_are_problems() {
    assert!(
        Article::from_bytes(Path::new("e.txt"), b"  \n")
            .unwrap_err()
            .message
            .contains("empty")
    );
    let e = Article::from_bytes(Path::new("b.txt"), b"ok\x00\x01").unwrap_err();
    assert!(e.message.contains("NUL byte at offset 2"), "{}", e.message);
    let mut controls = b"text ".repeat(10);
    controls.extend_from_slice(b"\x01\x02\x03\x1b\x7f\x10");
    let e = Article::from_bytes(Path::new("c.txt"), &controls).unwrap_err();
    assert!(
        e.message.starts_with("binary file (5 control bytes"),
        "{}",
        e.message
    );
}

#[test]
fn latin1_is_decoded_with_a_warning_at_the_first_bad_byte() {
    let a = Article::from_bytes(Path::new("l.txt"), b"ok\nOur caf\xe9 sent 2\xa0000 troops.")
        .expect("decoded");
    assert_eq!(a.text, "ok\nOur café sent 2\u{a0}000 troops.");
    let w = &a.warnings[0];
    assert_eq!((w.line, w.column), (Some(2), Some(8)));
    assert!(
        w.message.contains("decoded as windows-1252"),
        "{}",
        w.message
    );
    // Columns count characters, so they hold in the decoded text too.
    let t = a.text.find("troops").unwrap();
    assert_eq!(
        a.position(t),
        Position {
            line: 2,
            column: 21
        }
    );
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Hello, 2,000 troops.".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let a = Article::from_bytes(Path::new("u.txt"), &bytes).expect("decoded");
    assert_eq!(a.text, "Hello, 2,000 troops.");
    assert!(a.warnings[0].message.contains("UTF-16LE"));
}

#[test]
fn byte_order_mark_is_no_column_and_front_matter_still_reads() {
    let raw = "\u{feff}---\nsource: AP\n---\nIt sent troops.\n";
    let a = Article::from_bytes(Path::new("b.txt"), raw.as_bytes()).unwrap();
    assert_eq!(a.source, "AP");
    assert!(a.warnings.is_empty());
    let t = a.text.find("It").unwrap();
    assert_eq!(a.position(t), Position { line: 4, column: 1 });
    // In the file, "It" comes after the mark's three bytes.
    assert_eq!(a.file_offset(t), raw.find("It").unwrap());
    assert_eq!(a.position(0), Position { line: 1, column: 1 });
}

#[test]
fn crlf_and_cr_line_ends_make_front_matter_paragraphs_and_lines() {
    for nl in ["\r\n", "\r"] {
        let raw = [
            "---",
            "source: AP",
            "published: 2022-01-08",
            "---",
            "First one. Second.",
            "",
            "Next para.",
        ]
        .join(nl);
        let a = Article::from_bytes(Path::new("n.txt"), raw.as_bytes()).unwrap();
        assert_eq!(a.source, "AP", "{nl:?}");
        assert_eq!(a.published, Some(jiff::civil::date(2022, 1, 8)));
        assert_eq!(a.paragraphs.len(), 2, "{nl:?}");
        let s: Vec<&str> = a.sentences.iter().map(|s| s.slice(&a.text)).collect();
        assert_eq!(s, ["First one.", "Second.", "Next para."], "{nl:?}");
        let n = a.text.find("Next").unwrap();
        assert_eq!(a.position(n), Position { line: 7, column: 1 }, "{nl:?}");
        // The text keeps the file's length, so offsets are the file's.
        assert_eq!(a.text.len(), raw.len());
    }
}

#[test]
fn zero_width_characters_are_dropped_but_still_count_as_columns() {
    let raw = "Some 2,\u{200B}000 troops went to Free\u{00AD}donia.";
    let a = Article::from_bytes(Path::new("z.txt"), raw.as_bytes()).unwrap();
    assert_eq!(a.text, "Some 2,000 troops went to Freedonia.");
    let t = a.text.find("troops").unwrap();
    // "Some 2,?000 " is 12 characters on disk: `troops` is at column 13.
    assert_eq!(
        a.position(t),
        Position {
            line: 1,
            column: 13
        }
    );
    assert_eq!(a.file_offset(t), raw.find("troops").unwrap());
}

#[test]
fn hidden_and_fullwidth_characters_are_found_among_their_lead_bytes() {
    // Curly quotes, dashes and accents share the lead bytes but are kept.
    assert!(!has_hidden_or_fullwidth(
        "“Quoted” – café, ¡no! \u{2061}\u{FF00}\u{FF5F}"
    ));
    for c in [
        '\u{AD}', '\u{200B}', '\u{2060}', '\u{FEFF}', '\u{FF01}', '\u{FF5E}',
    ] {
        assert!(has_hidden_or_fullwidth(&format!("“a” {c}b")), "{c:?}");
    }
    assert!(!has_hidden_or_fullwidth(""));
}

#[test]
fn fullwidth_forms_read_as_ascii() {
    let a = article("Ｓｏｍｅ ２，０００ troops．");
    assert_eq!(a.text, "Some 2,000 troops.");
    assert_eq!(a.position(a.text.find("troops").unwrap()).column, 12);
}

#[test]
fn huge_paragraphs_and_sentences_are_cut_into_bounded_pieces() {
    let sentence = "Troops went to Freedonia. ";
    let long_para = sentence.repeat(MAX_PARAGRAPH / sentence.len() * 3);
    let run_on = "word ".repeat(MAX_SENTENCE);
    let a = article(&format!("{long_para}\n\n{run_on}"));
    assert!(a.paragraphs.len() >= 4, "{}", a.paragraphs.len());
    for p in &a.paragraphs {
        assert!(p.len() <= MAX_PARAGRAPH);
    }
    for s in &a.sentences {
        assert!(s.len() <= MAX_SENTENCE);
        assert!(
            a.paragraphs.iter().any(|p| p.contains(*s)),
            "{s:?} in no paragraph"
        );
    }
    // Cuts fall at white space: no word is split.
    assert!(a.sentences.iter().all(|s| {
        s.slice(&a.text)
            .split(' ')
            .all(|w| w.is_empty() || w == "word" || sentence.contains(w))
    }));
}
