//! Front matter: a first line `---`, `key: value` lines, and a closing `---` line.

use jiff::civil::Date;

/// "YYYY-MM-DD", or a timestamp that starts with one ("2022-01-08T10:00:00Z").
pub(super) fn parse_date(value: &str) -> Option<Date> {
    let v = value.trim().trim_matches(|c| c == '"' || c == '\'');
    let head = v.get(..10).unwrap_or(v);
    head.parse::<Date>().ok()
}

/// Why `value` is no `published` date: a day the calendar lacks ("2025-02-30") is told
/// from a date written another way ("March 13, 2025").
pub(super) fn date_problem(value: &str) -> String {
    let v = value.trim().trim_matches(|c| c == '"' || c == '\'');
    let head = v.get(..10).unwrap_or(v);
    let shaped = head.len() == 10
        && head.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if shaped {
        format!("published date {value:?} is not a day of the calendar (no such month or day)")
    } else {
        format!("published date {value:?} is not a date (write YYYY-MM-DD, e.g. 2022-01-08)")
    }
}

pub(super) struct FrontMatterEntry {
    pub key: String,
    pub value: String,
    /// Where the line starts, in bytes.
    pub line_offset: usize,
    pub value_offset: usize,
}

pub(super) struct FrontMatter {
    pub entries: Vec<FrontMatterEntry>,
    pub body_start: usize,
}

/// A front matter block is a first line `---`, `key: value` lines, and a closing `---` line.
/// A file whose first line is not `---` has none. Errors carry a byte offset.
pub(super) fn parse_front_matter(text: &str) -> Result<FrontMatter, (usize, String)> {
    // The reader drops a byte-order mark (see `normalize`); text built by hand may keep one.
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = text.get(bom..).unwrap_or("");
    let first_end = rest.find('\n').unwrap_or(rest.len());
    if rest.get(..first_end).unwrap_or("").trim_end() != "---" {
        return Ok(FrontMatter {
            entries: vec![],
            body_start: 0,
        });
    }
    let mut entries = Vec::new();
    let mut pos = bom + first_end + 1;
    while pos <= text.len() {
        let Some(after) = text.get(pos..) else { break };
        let line_end = after.find('\n').map_or(text.len(), |i| pos + i);
        let line = text.get(pos..line_end).unwrap_or("").trim_end_matches('\r');
        if line.trim_end() == "---" {
            let body_start = (line_end + 1).min(text.len());
            return Ok(FrontMatter {
                entries,
                body_start,
            });
        }
        if !line.trim().is_empty() && !line.trim_start().starts_with('#') {
            let Some(colon) = line.find(':') else {
                return Err((
                    pos,
                    format!(
                        "front matter line {line:?} is not `key: value`; is the closing `---` missing?"
                    ),
                ));
            };
            let (key, raw_value) = line.split_at(colon);
            let key = key.trim().to_lowercase();
            if key.is_empty() {
                return Err((pos, "front matter line has an empty key".into()));
            }
            let raw_value = raw_value.get(1..).unwrap_or("");
            let lead = raw_value.len() - raw_value.trim_start().len();
            entries.push(FrontMatterEntry {
                key,
                value: raw_value.trim().to_string(),
                line_offset: pos,
                value_offset: pos + colon + 1 + lead,
            });
        }
        if line_end >= text.len() {
            break;
        }
        pos = line_end + 1;
    }
    Err((
        bom,
        "front matter opened with `---` is never closed (add a `---` line after the last `key: value` line)"
            .into(),
    ))
}
