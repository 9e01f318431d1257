//! Rule files and folders read from disk, parsed, and merged into one rule set.

use std::path::{Path, PathBuf};

use super::{Locator, RuleError, RuleSet, did_you_mean, raw, validate, validate_each};

/// Read rule files and folders (every `*.toml` inside, sorted) into one rule set.
pub fn load(paths: &[PathBuf]) -> Result<RuleSet, RuleError> {
    let files = rule_files(paths)?;
    let mut set = RuleSet::default();
    for f in files {
        let text = read_text(&f)?;
        let one = parse(&f, &text)?;
        merge(&mut set, one, &f, &text)?;
    }
    Ok(set)
}

/// Expand rule files and folders into the list of files, in the order [`load`] reads them.
pub fn rule_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, RuleError> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let entries = std::fs::read_dir(p).map_err(|e| io_error(p, e))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "toml"))
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(RuleError {
                    file: p.clone(),
                    line: None,
                    column: None,
                    message: "no rule files (*.toml) in this folder".into(),
                    help: None,
                    snippet: None,
                });
            }
            files.extend(found);
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            return Err(RuleError {
                file: p.clone(),
                line: None,
                column: None,
                message: "no such file or folder".into(),
                help: Some("pass a rule file or a folder of them with --rules".into()),
                snippet: None,
            });
        }
    }
    // A file named twice (`--rules r.toml --rules r.toml`, or a folder and a file in it) is
    // read once, where it first comes: its facts would otherwise be "duplicate ids".
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    Ok(files)
}

/// A rule file's text; a file that cannot be read, or is not UTF-8, as a rule error.
pub fn read_text(path: &Path) -> Result<String, RuleError> {
    let bytes = std::fs::read(path).map_err(|e| io_error(path, e))?;
    String::from_utf8(bytes).map_err(|e| not_utf8(path, e.as_bytes(), e.utf8_error()))
}

/// A rule file that is not UTF-8: where the first bad byte is (line and column of the
/// characters before it), so it can be found and fixed.
fn not_utf8(path: &Path, bytes: &[u8], e: std::str::Utf8Error) -> RuleError {
    let good = bytes.get(..e.valid_up_to()).unwrap_or_default();
    let before = std::str::from_utf8(good).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    let byte = bytes.get(e.valid_up_to()).copied().unwrap_or(0);
    RuleError {
        file: path.to_path_buf(),
        line: Some(line),
        column: Some(column),
        message: format!("not valid UTF-8 (byte 0x{byte:02X})"),
        help: Some("save the rule file as UTF-8".into()),
        snippet: Some((
            String::from_utf8_lossy(line_of(bytes, e.valid_up_to())).into_owned(),
            1,
        )),
    }
}

/// The line (without its end) that holds byte `at`.
fn line_of(bytes: &[u8], at: usize) -> &[u8] {
    let start = bytes
        .get(..at)
        .and_then(|b| b.iter().rposition(|&c| c == b'\n'))
        .map_or(0, |i| i + 1);
    let end = bytes
        .get(at..)
        .and_then(|b| b.iter().position(|&c| c == b'\n'))
        .map_or(bytes.len(), |i| at + i);
    bytes.get(start..end).unwrap_or_default()
}

/// A file that could not be read, as a rule error.
pub fn io_error(path: &Path, e: std::io::Error) -> RuleError {
    RuleError {
        file: path.to_path_buf(),
        line: None,
        column: None,
        message: format!("cannot read: {e}"),
        help: None,
        snippet: None,
    }
}

fn merge(set: &mut RuleSet, one: RuleSet, file: &Path, text: &str) -> Result<(), RuleError> {
    for fact in one.facts {
        if let Some(prev) = set.fact(&fact.id) {
            let loc = Locator::new(file, text);
            let offset = line_col_to_offset(text, fact.location.line, fact.location.column);
            return Err(loc.error(
                offset..offset + 1,
                format!("duplicate fact id `{}`", fact.id),
                Some(format!(
                    "first defined at {}:{}:{}; ids must be unique across rule files",
                    prev.location.file.display(),
                    prev.location.line,
                    prev.location.column
                )),
            ));
        }
        set.facts.push(fact);
    }
    set.files.extend(one.files);
    if set.title.is_none() {
        set.title = one.title;
        set.description = one.description;
    }
    set.speakers.extend(one.speakers);
    set.entities.extend(one.entities);
    Ok(())
}

fn line_col_to_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    text.get(line_start..)
        .unwrap_or("")
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(i, _)| line_start + i)
}

/// Parse and validate one rule file's text.
pub fn parse(file: &Path, text: &str) -> Result<RuleSet, RuleError> {
    validate(file, text, read_raw(file, text)?)
}

/// [`parse`], with the first error of every fact (`lint`): a file TOML cannot read has one.
pub fn parse_each(file: &Path, text: &str) -> Result<RuleSet, Vec<RuleError>> {
    validate_each(file, text, read_raw(file, text).map_err(|e| vec![e])?)
}

fn read_raw(file: &Path, text: &str) -> Result<raw::RuleFile, RuleError> {
    let loc = Locator::new(file, text);
    toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let message = e.message().trim().to_string();
        let help = unknown_key_help(&message).or_else(|| type_help(&message));
        loc.error(span, message, help)
    })
}

/// "unknown field `contxt`, expected one of …" → "did you mean `context`?".
fn unknown_key_help(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let key = rest.get(..rest.find('`')?)?;
    let all: Vec<&str> = raw::FACT_KEYS
        .iter()
        .chain(raw::TOP_KEYS)
        .chain(raw::EXAMPLE_KEYS)
        .copied()
        .collect();
    did_you_mean(key, &all).map(|s| format!("did you mean `{s}`?"))
}

/// serde's "invalid type: string \"eight\", expected i64" in the words of a rule file.
fn type_help(message: &str) -> Option<String> {
    let expected = message
        .strip_prefix("invalid type: ")?
        .split("expected ")
        .nth(1)?;
    Some(
        match expected.trim() {
            "a string" => "write the value in quotes, e.g. \"text\"",
            "a sequence" => "write a list in brackets, e.g. [\"troops\", \"soldiers\"]",
            "i64" | "u64" | "usize" | "an integer" => "write a whole number without quotes, e.g. 8",
            "a boolean" => "write true or false, without quotes",
            "a map" => "write a table, e.g. [fact.classes] with name = [\"word\"] lines",
            _ => return None,
        }
        .to_string(),
    )
}
