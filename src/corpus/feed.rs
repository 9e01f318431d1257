//! Feeds of articles: JSON Lines (one JSON object per line, as news crawlers such as
//! news-please write them) and CSV with a header row (one article per row).
//!
//! Each line or row becomes one article, named `FEED#L17` after the line it starts on; its
//! metadata fields become front matter (`source`, `title`, `published`, `url`) above its
//! text, so the article reads as a text file with front matter would, and line and column
//! refer to that text. A line that is not a JSON object, a row that does not fit the header,
//! an article without text or larger than the per-article cap is reported with its line
//! number, and the other articles are read.

use std::io::{BufRead, Read};

use super::{ArticleProblem, Decoded, Format, Input, Origin, ReadOptions, human_bytes};

/// The field names a feed's articles are read from: for each, the names tried in order
/// (the first present and not empty wins). Names are matched without regard to case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedFields {
    pub text: Vec<String>,
    pub title: Vec<String>,
    pub published: Vec<String>,
    pub source: Vec<String>,
    pub url: Vec<String>,
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

impl Default for FeedFields {
    /// news-please's names (`maintext`, `title`, `date_publish`, `source_domain`, `url`),
    /// then the plain ones of a scraper's CSV (`text`, `title`, `published`, `source`, `url`).
    fn default() -> Self {
        FeedFields {
            text: names(&["maintext", "text", "body", "content"]),
            title: names(&["title", "headline"]),
            published: names(&["date_publish", "published", "date", "datepublished"]),
            source: names(&["source_domain", "source", "publisher", "outlet"]),
            url: names(&["url", "link"]),
        }
    }
}

impl FeedFields {
    /// Put `name` first for `field` (`text`, `title`, `published`, `source` or `url`).
    /// Returns false for an unknown field.
    pub fn prefer(&mut self, field: &str, name: &str) -> bool {
        let list = match field {
            "text" => &mut self.text,
            "title" => &mut self.title,
            "published" => &mut self.published,
            "source" => &mut self.source,
            "url" => &mut self.url,
            _ => return false,
        };
        list.retain(|n| !n.eq_ignore_ascii_case(name));
        list.insert(0, name.to_string());
        true
    }
}

/// One article's fields, as found.
#[derive(Default)]
struct Row {
    text: Option<String>,
    title: Option<String>,
    published: Option<String>,
    source: Option<String>,
    url: Option<String>,
}

/// Read a feed from `reader`: one [`Decoded`] per line or row, or why it cannot be read.
pub(super) fn read(
    input: &Input,
    reader: impl Read,
    options: &ReadOptions,
) -> Vec<Result<Decoded, ArticleProblem>> {
    match input.format {
        Format::Csv => read_csv(input, reader, options),
        _ => read_jsonl(input, std::io::BufReader::new(reader), options),
    }
}

/// A problem of the line or row starting at `line`: column 1, where it starts, so that
/// every report gives it as `file:line:column` like any other place.
fn at(input: &Input, line: usize, message: String) -> ArticleProblem {
    ArticleProblem {
        file: input.name.clone(),
        line: Some(line),
        column: Some(1),
        message,
    }
}

fn too_large(options: &ReadOptions) -> String {
    format!(
        "larger than the limit of {} per article (raise it with --max-article-size), not read",
        human_bytes(options.max_bytes)
    )
}

fn read_jsonl(
    input: &Input,
    mut reader: impl BufRead,
    options: &ReadOptions,
) -> Vec<Result<Decoded, ArticleProblem>> {
    let mut out = Vec::new();
    let mut line = Vec::new();
    let mut n = 0;
    loop {
        n += 1;
        line.clear();
        // Read at most the cap (and one byte more, to know it was passed).
        let got = (&mut reader)
            .take(options.max_bytes.saturating_add(1))
            .read_until(b'\n', &mut line);
        match got {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                out.push(Err(at(input, n, format!("cannot read: {e}"))));
                break;
            }
        }
        if line.len() as u64 > options.max_bytes && !line.ends_with(b"\n") {
            out.push(Err(at(input, n, too_large(options))));
            // Skip the rest of the line.
            let mut rest = Vec::new();
            loop {
                rest.clear();
                match (&mut reader).take(1 << 20).read_until(b'\n', &mut rest) {
                    Ok(0) | Err(_) => break,
                    Ok(_) if rest.ends_with(b"\n") => break,
                    Ok(_) => {}
                }
            }
            continue;
        }
        let text = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&line);
        if text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let value: serde_json::Value = match serde_json::from_slice(text) {
            Ok(v) => v,
            Err(e) => {
                out.push(Err(ArticleProblem {
                    column: Some(e.column()),
                    ..at(input, n, format!("not a JSON object: {e}"))
                }));
                continue;
            }
        };
        let Some(object) = value.as_object() else {
            out.push(Err(at(
                input,
                n,
                "not a JSON object, one article per line".into(),
            )));
            continue;
        };
        let get = |names: &[String]| -> Option<String> {
            names.iter().find_map(|name| {
                object
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(name))
                    .and_then(|(_, v)| match v {
                        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
                        serde_json::Value::Number(x) => Some(x.to_string()),
                        _ => None,
                    })
            })
        };
        let f = &options.fields;
        let row = Row {
            text: get(&f.text),
            title: get(&f.title),
            published: get(&f.published),
            source: get(&f.source),
            url: get(&f.url),
        };
        out.push(article(input, n, row, options));
    }
    out
}

fn read_csv(
    input: &Input,
    reader: impl Read,
    options: &ReadOptions,
) -> Vec<Result<Decoded, ArticleProblem>> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(reader);
    let header: Vec<String> = match csv.headers() {
        Ok(h) => h
            .iter()
            .map(|s| s.trim().trim_start_matches('\u{feff}').to_lowercase())
            .collect(),
        Err(e) => {
            return vec![Err(at(
                input,
                1,
                format!("cannot read the header row: {e}"),
            ))];
        }
    };
    let column = |names: &[String]| -> Option<usize> {
        names
            .iter()
            .find_map(|n| header.iter().position(|h| h.eq_ignore_ascii_case(n)))
    };
    let f = &options.fields;
    let Some(text_col) = column(&f.text) else {
        return vec![Err(at(
            input,
            1,
            format!(
                "no text column (looked for {}; name one with --feed-field text=NAME); the header has {}",
                f.text.join(", "),
                header.join(", ")
            ),
        ))];
    };
    let (title, published, source, url) = (
        column(&f.title),
        column(&f.published),
        column(&f.source),
        column(&f.url),
    );
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = csv.position().line() as usize;
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(line, |p| p.line() as usize);
                let get = |c: Option<usize>| {
                    c.and_then(|c| record.get(c))
                        .filter(|s| !s.trim().is_empty())
                        .map(str::to_string)
                };
                let size: usize = record.iter().map(str::len).sum();
                if size as u64 > options.max_bytes {
                    out.push(Err(at(input, line, too_large(options))));
                    continue;
                }
                let row = Row {
                    text: get(Some(text_col)),
                    title: get(title),
                    published: get(published),
                    source: get(source),
                    url: get(url),
                };
                out.push(article(input, line, row, options));
            }
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line() as usize);
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => format!("row has {len} fields, the header {expected_len}"),
                    csv::ErrorKind::Utf8 { .. } => "row is not valid UTF-8".into(),
                    _ => format!("cannot read the row: {e}"),
                };
                let fatal = matches!(e.kind(), csv::ErrorKind::Io(_));
                out.push(Err(at(input, line, message)));
                if fatal {
                    break;
                }
            }
        }
    }
    out
}

/// One value on one line: white space (line ends included) collapsed.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The article of a row: its metadata as front matter above its text.
fn article(
    input: &Input,
    line: usize,
    row: Row,
    options: &ReadOptions,
) -> Result<Decoded, ArticleProblem> {
    let Some(text) = row.text else {
        return Err(at(
            input,
            line,
            format!(
                "no text (looked for the field {}; name it with --feed-field text=NAME)",
                options.fields.text.join(", ")
            ),
        ));
    };
    if text.contains('\0') {
        return Err(at(
            input,
            line,
            "text holds a NUL byte, not an article".into(),
        ));
    }
    let mut warnings = Vec::new();
    let meta = [
        ("source", row.source),
        ("title", row.title),
        ("published", row.published),
        ("url", row.url),
    ];
    let mut front = String::from("---\n");
    for (key, value) in meta {
        let Some(value) = value.map(|v| one_line(&v)) else {
            continue;
        };
        if key == "published" && super::parse_date(&value).is_none() {
            warnings.push(at(
                input,
                line,
                format!("published date {value:?} is not a date; left out"),
            ));
            continue;
        }
        front.push_str(&format!("{key}: {value}\n"));
    }
    front.push_str("---\n");
    let body = paragraphs(&text);
    Ok(Decoded {
        path: input.path.clone(),
        name: format!("{}#L{line}", input.name),
        text: front + &body,
        warnings,
        format: input.format,
        origin: Origin::Row { line },
    })
}

/// The text with a blank line between paragraphs: text whose paragraphs are separated by
/// single line ends (as news-please writes them) gets a blank line between them.
fn paragraphs(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    if text.contains("\n\n") {
        text
    } else {
        text.replace('\n', "\n\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn input(name: &str, format: Format) -> Input {
        Input {
            path: PathBuf::from(name),
            name: name.into(),
            format,
        }
    }

    #[test]
    fn jsonl_rows_become_articles_and_bad_lines_problems() {
        let feed = concat!(
            r#"{"maintext": "Troops left.\nThey went home.", "title": "Exit", "date_publish": "2022-01-08 10:00:00", "source_domain": "example.org", "url": "https://example.org/a"}"#,
            "\n",
            "{not json\n",
            "\n",
            r#"{"title": "No text"}"#,
            "\n",
            r#"{"text": "Second one.", "date_publish": "soon"}"#,
            "\n",
        );
        let out = read(
            &input("f.jsonl", Format::Jsonl),
            feed.as_bytes(),
            &ReadOptions::default(),
        );
        assert_eq!(out.len(), 4);
        let first = out[0].as_ref().unwrap();
        assert_eq!(first.name, "f.jsonl#L1");
        assert_eq!(
            first.text,
            "---\nsource: example.org\ntitle: Exit\npublished: 2022-01-08 10:00:00\nurl: https://example.org/a\n---\nTroops left.\n\nThey went home."
        );
        let bad = out[1].as_ref().unwrap_err();
        assert_eq!((bad.line, bad.file.as_str()), (Some(2), "f.jsonl"));
        assert!(
            bad.message.starts_with("not a JSON object"),
            "{}",
            bad.message
        );
        assert!(out[2].as_ref().unwrap_err().message.starts_with("no text"));
        let last = out[3].as_ref().unwrap();
        assert_eq!(last.origin, Origin::Row { line: 5 });
        assert!(last.warnings[0].message.contains("\"soon\" is not a date"));
    }

    #[test]
    fn a_line_over_the_cap_is_skipped_and_the_next_one_read() {
        let big = format!(
            "{{\"text\": \"{}\"}}\n{{\"text\": \"Short.\"}}\n",
            "x".repeat(5000)
        );
        let options = ReadOptions {
            max_bytes: 1000,
            ..ReadOptions::default()
        };
        let out = read(&input("f.jsonl", Format::Jsonl), big.as_bytes(), &options);
        assert_eq!(out.len(), 2);
        assert!(
            out[0]
                .as_ref()
                .unwrap_err()
                .message
                .starts_with("larger than")
        );
        assert_eq!(out[1].as_ref().unwrap().name, "f.jsonl#L2");
    }

    #[test]
    fn csv_rows_with_the_plain_header_and_a_broken_row() {
        let feed = "text,title,published,source,url\n\"Para one.\n\nPara two.\",T,2022-01-08,Daily,http://x\nonly,two\nB,,,,\n";
        let out = read(
            &input("f.csv", Format::Csv),
            feed.as_bytes(),
            &ReadOptions::default(),
        );
        assert_eq!(out.len(), 3, "{out:?}");
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.name, "f.csv#L2");
        assert!(
            a.text.ends_with("---\nPara one.\n\nPara two."),
            "{}",
            a.text
        );
        let bad = out[1].as_ref().unwrap_err();
        assert_eq!(bad.line, Some(5));
        assert_eq!(bad.message, "row has 2 fields, the header 5");
        assert_eq!(out[2].as_ref().unwrap().name, "f.csv#L6");
        let mut fields = FeedFields::default();
        assert!(fields.prefer("text", "body_text"));
        assert!(!fields.prefer("colour", "x"));
        let out = read_csv(
            &input("g.csv", Format::Csv),
            "headline,x\nH,y\n".as_bytes(),
            &ReadOptions::default(),
        );
        assert!(
            out[0]
                .as_ref()
                .unwrap_err()
                .message
                .starts_with("no text column")
        );
    }
}
