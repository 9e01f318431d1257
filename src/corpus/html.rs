//! Saved web pages: the article's text extracted, the page's metadata made front matter.
//!
//! The main text is found by `dom_smoothie`, a port of Mozilla's Readability (Firefox's
//! reader view): navigation, cookie banners, ads and related-article rails are left behind,
//! paragraphs kept with a blank line between them. The metadata a page carries becomes
//! front matter above the text: the outlet from JSON-LD `publisher.name` or
//! `og:site_name`, the title from JSON-LD `headline` or `og:title`, the publication date
//! from JSON-LD `datePublished` or `article:published_time`, and the address from `<link
//! rel="canonical">` (else JSON-LD or `og:url`). Line and column in reports refer to this
//! text; `crosscheck extract --text` shows it.
//!
//! Bytes are decoded as the page says: a byte-order mark, else the `charset` of a `<meta>`
//! tag in its first 1024 bytes, else UTF-8 (windows-1252 when it is not valid UTF-8). A
//! page that declares another charset but is valid UTF-8 with non-ASCII letters is read as
//! UTF-8, with a warning: a wrong declaration is more common than text that happens to be
//! valid UTF-8 by accident.

use super::{ArticleProblem, Decoded, Input, Origin, parse_date};

/// Elements a page may have before it is refused (dom_smoothie's limit): a news page has a
/// few thousand; a million means a page that is not an article, and would take gigabytes.
pub const MAX_ELEMENTS: usize = 1_000_000;

fn problem(input: &Input, message: String) -> ArticleProblem {
    ArticleProblem {
        file: input.name.clone(),
        line: None,
        column: None,
        message,
    }
}

/// The charset a page declares in a `<meta>` tag within its first 1024 bytes.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes.get(..1024).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = head.get(from..).and_then(|h| h.find("<meta")) {
        let start = from + i;
        let end = head
            .get(start..)
            .and_then(|h| h.find('>'))
            .map_or(head.len(), |e| start + e);
        let tag = head.get(start..end).unwrap_or("");
        if let Some(c) = tag.find("charset=") {
            let value = tag.get(c + 8..).unwrap_or("");
            let value = value.trim_start_matches(['"', '\'', ' ']);
            let label: String = value
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                .collect();
            if let Some(e) = encoding_rs::Encoding::for_label(label.as_bytes()) {
                return Some(e);
            }
        }
        from = end;
    }
    None
}

/// The page's bytes as text, and a warning when the page was not what it said.
fn decode_page(input: &Input, bytes: &[u8]) -> (String, Option<ArticleProblem>) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes.get(bom..).unwrap_or(&[]));
        return (text.into_owned(), None);
    }
    let utf8 = std::str::from_utf8(bytes).ok();
    match (declared_charset(bytes), utf8) {
        (Some(e), Some(text)) if e != encoding_rs::UTF_8 && !text.is_ascii() => (
            text.to_string(),
            Some(problem(
                input,
                format!(
                    "the page declares charset {} but is valid UTF-8; read as UTF-8",
                    e.name()
                ),
            )),
        ),
        (Some(e), _) if e != encoding_rs::UTF_8 => {
            let (text, had_errors) = e.decode_without_bom_handling(bytes);
            let warning = had_errors.then(|| {
                problem(
                    input,
                    format!(
                        "bytes that are not {} although the page declares it; read with U+FFFD in their place",
                        e.name()
                    ),
                )
            });
            (text.into_owned(), warning)
        }
        (_, Some(text)) => (text.to_string(), None),
        (declared, None) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            let said = if declared.is_some() {
                "the page declares UTF-8 but is not valid UTF-8"
            } else {
                "not valid UTF-8 and no charset declared"
            };
            (
                text.into_owned(),
                Some(problem(
                    input,
                    format!(
                        "{said}; decoded as windows-1252 (Latin-1), so check its accented letters"
                    ),
                )),
            )
        }
    }
}

/// One value on one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Read a saved page: its text with its metadata as front matter, or why it has none.
pub(super) fn read(input: &Input, bytes: Vec<u8>) -> Result<Decoded, ArticleProblem> {
    let (html, warning) = decode_page(input, &bytes);
    drop(bytes);
    if html.trim().is_empty() {
        return Err(problem(input, "empty article".into()));
    }
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Default::default()
    };
    let mut page = dom_smoothie::Readability::new(html, None, Some(config))
        .map_err(|e| problem(input, format!("cannot read the page: {e}")))?;
    let canonical = page
        .doc
        .select("link[rel~=canonical]")
        .attr("href")
        .map(|h| h.to_string());
    let og_url = page
        .doc
        .select("meta[property='og:url']")
        .attr("content")
        .map(|h| h.to_string());
    let found = page.parse().map_err(|e| {
        problem(
            input,
            match e {
                dom_smoothie::ReadabilityError::GrabFailed => {
                    "no article text found in the page (an index or an empty page?)".into()
                }
                e => format!("cannot read the page: {e}"),
            },
        )
    })?;
    let mut warnings: Vec<ArticleProblem> = warning.into_iter().collect();
    let mut front = String::from("---\n");
    let published = found.published_time.as_deref().map(one_line);
    let meta = [
        ("source", found.site_name.as_deref().map(one_line)),
        (
            "title",
            Some(one_line(&found.title)).filter(|t| !t.is_empty()),
        ),
        ("published", published),
        (
            "url",
            canonical
                .or(found.url.clone())
                .or(og_url)
                .map(|u| one_line(&u)),
        ),
        ("author", found.byline.as_deref().map(one_line)),
    ];
    for (key, value) in meta {
        let Some(value) = value.filter(|v| !v.is_empty()) else {
            continue;
        };
        if key == "published" && parse_date(&value).is_none() {
            warnings.push(problem(
                input,
                format!("the page's publication time {value:?} is not a date; left out"),
            ));
            continue;
        }
        front.push_str(&format!("{key}: {value}\n"));
    }
    front.push_str("---\n");
    let body = paragraphs(&found.text_content);
    if body.trim().is_empty() {
        return Err(problem(input, "no article text found in the page".into()));
    }
    Ok(Decoded {
        path: input.path.clone(),
        name: input.name.clone(),
        text: front + &body,
        warnings,
        format: input.format,
        origin: Origin::Page,
    })
}

/// The extracted text with each paragraph on its own lines, one blank line between
/// paragraphs, no white space at line ends.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank = false;
    }
    out.push('\n');
    out
}
