//! SARIF 2.1.0 for code-scanning dashboards: one run whose tool's rules are the rule file's
//! facts (and the quotation check), and one result per flagged observation, with the other
//! side as related locations. Columns count Unicode code points (`columnKind`), as every
//! crosscheck column does; a finding's key is its partial fingerprint, so a dashboard tracks
//! the same finding across runs as a baseline does. Validated against the SARIF 2.1.0 schema
//! in the tests.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::Report;
use super::findings::{Flag, Level, Place, QUOTE_RULE};

pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Percent-encode what a URI reference may not hold as is (spaces, `%`, `#`, `?`, …); `/`
/// stays a separator.
pub fn uri_reference(path: &str) -> String {
    let mut s = String::new();
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                s.push(b as char)
            }
            _ => s.push_str(&format!("%{b:02X}")),
        }
    }
    s
}

fn physical(place: &Place) -> Value {
    json!({
        "artifactLocation": { "uri": uri_reference(&place.path) },
        "region": {
            "startLine": place.line,
            "startColumn": place.column,
            "endLine": place.end_line,
            "endColumn": place.end_column,
            "snippet": { "text": place.text },
        }
    })
}

/// The whole log as a JSON value.
pub fn log(report: &Report, flags: &[Flag]) -> Value {
    let mut rules: Vec<Value> = report
        .facts
        .iter()
        .map(|f| {
            json!({
                "id": f.fact,
                "shortDescription": { "text": f.label },
                "defaultConfiguration": { "level": "warning" },
                "properties": { "kind": f.kind.name() },
            })
        })
        .collect();
    rules.push(json!({
        "id": QUOTE_RULE,
        "shortDescription": { "text": "The same quotation given to different speakers" },
        "defaultConfiguration": { "level": "warning" },
    }));
    let rule_index = |id: &str| {
        report
            .facts
            .iter()
            .position(|f| f.fact == id)
            .unwrap_or(report.facts.len())
    };
    let results: Vec<Value> = flags
        .iter()
        .map(|f| {
            let mut r = json!({
                "ruleId": f.rule,
                "ruleIndex": rule_index(&f.rule),
                "level": match f.level { Level::Warning => "warning", Level::Note => "note" },
                "message": { "text": f.message() },
                "locations": [ { "physicalLocation": physical(&f.place) } ],
                "partialFingerprints": { "crosscheckFinding/v1": f.key },
                "properties": { "finding": f.kind.name() },
            });
            if !f.related.is_empty() {
                r["relatedLocations"] = f
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, (p, m))| {
                        json!({ "id": i, "physicalLocation": physical(p), "message": { "text": m } })
                    })
                    .collect();
            }
            if let Some(state) = f.baseline {
                r["baselineState"] = json!(state);
            }
            r
        })
        .collect();
    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "crosscheck",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

pub fn write(report: &Report, flags: &[Flag], out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(report, flags))?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_keep_slashes_and_encode_the_rest() {
        assert_eq!(uri_reference("corpus/a b#1.txt"), "corpus/a%20b%231.txt");
        assert_eq!(uri_reference("corpus/é.txt"), "corpus/%C3%A9.txt");
    }
}
