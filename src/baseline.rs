//! Baselines: the findings a desk has accepted, so CI fails only on new ones.
//!
//! Beside the flow, after it: `check --write-baseline FILE` records the run's
//! [`Finding`]s by key (see [`crate::report::findings`] for what makes two findings the
//! same); `check --baseline FILE` sorts the run's findings into accepted and new, and lists
//! baseline entries that no longer occur (fixed, or gone with an article). The file is JSON,
//! sorted by key, so a change to it reads well in a pull request: accepting a new finding is
//! regenerating the baseline in the same change.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::report::Report;
use crate::report::findings::{Accepted, Finding, FindingKind};

/// The version of the baseline file's shape. 2: a conflict finding is one value in conflict
/// (`conflict | fact | value`), not a pair of values; version 1 files are still read, each
/// pair accepting both its values.
pub const BASELINE_VERSION: u32 = 2;

/// A baseline file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    /// Sorted by key.
    pub findings: Vec<Entry>,
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// What makes it the same finding in a later run; the fields below spell it out.
    pub key: String,
    pub kind: FindingKind,
    /// Fact id, or `quote.attribution`.
    pub fact: String,
    /// Conflict: the value in conflict (version 1: the two values); framing: the class;
    /// attribution: the two speakers.
    pub values: Vec<String>,
    /// Attribution: the quotation's words, normalised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The files involved when it was recorded. For people; not part of the key.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Why a baseline could not be used.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("{path}: cannot read the baseline: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: not a crosscheck baseline: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}: baseline version {found}, this crosscheck reads version {BASELINE_VERSION}; regenerate it with --write-baseline"
    )]
    Version { path: PathBuf, found: u32 },
}

impl Baseline {
    /// Record every finding of a run.
    pub fn from_findings(report: &Report, findings: &[Finding]) -> Baseline {
        let mut entries: Vec<Entry> = findings
            .iter()
            .map(|f| Entry {
                key: f.key(),
                kind: f.kind,
                fact: f.fact.clone(),
                values: f.values.clone(),
                quote: f.quote.clone(),
                sources: f.files(report),
            })
            .collect();
        entries.sort_by(|a, b| a.key.cmp(&b.key));
        entries.dedup_by(|a, b| a.key == b.key);
        Baseline {
            version: BASELINE_VERSION,
            findings: entries,
        }
    }

    pub fn read(path: &Path) -> Result<Baseline, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let b: Baseline = serde_json::from_str(&text).map_err(|e| BaselineError::Parse {
            path: path.to_path_buf(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        match b.version {
            BASELINE_VERSION => Ok(b),
            1 => Ok(b.upgrade()),
            found => Err(BaselineError::Version {
                path: path.to_path_buf(),
                found,
            }),
        }
    }

    /// A version 1 baseline in today's shape: a conflict of two values accepted then is
    /// each of the two values accepted now, so a desk's accepted conflicts stay accepted.
    fn upgrade(self) -> Baseline {
        let mut findings: Vec<Entry> = Vec::new();
        for e in self.findings {
            if e.kind != FindingKind::Conflict || e.values.len() < 2 {
                findings.push(e);
                continue;
            }
            for v in &e.values {
                findings.push(Entry {
                    key: format!("conflict | {} | {v}", e.fact),
                    kind: e.kind,
                    fact: e.fact.clone(),
                    values: vec![v.clone()],
                    quote: None,
                    sources: e.sources.clone(),
                });
            }
        }
        findings.sort_by(|a, b| a.key.cmp(&b.key));
        // The same value in two pairs: one entry, with the files of both.
        let mut merged: Vec<Entry> = Vec::with_capacity(findings.len());
        for e in findings {
            match merged.last_mut() {
                Some(last) if last.key == e.key => {
                    last.sources.extend(e.sources);
                    last.sources.sort();
                    last.sources.dedup();
                }
                _ => merged.push(e),
            }
        }
        Baseline {
            version: BASELINE_VERSION,
            findings: merged,
        }
    }

    /// The file's bytes: pretty JSON, sorted, with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// What annotations need to know: the accepted keys.
    pub fn accepted(&self) -> Accepted {
        Accepted {
            keys: self.findings.iter().map(|e| e.key.clone()).collect(),
        }
    }

    /// Sort a run's findings against this baseline.
    pub fn compare<'a>(&'a self, findings: &'a [Finding]) -> Comparison<'a> {
        let keys: BTreeSet<&str> = self.findings.iter().map(|e| e.key.as_str()).collect();
        let current: BTreeSet<String> = findings.iter().map(Finding::key).collect();
        let (accepted, new): (Vec<&Finding>, Vec<&Finding>) = findings
            .iter()
            .partition(|f| keys.contains(f.key().as_str()));
        Comparison {
            new,
            accepted,
            gone: self
                .findings
                .iter()
                .filter(|e| !current.contains(&e.key))
                .collect(),
        }
    }
}

/// A run's findings against a baseline.
#[derive(Debug)]
pub struct Comparison<'a> {
    /// Not in the baseline: these fail `--fail-on`.
    pub new: Vec<&'a Finding>,
    /// In the baseline.
    pub accepted: Vec<&'a Finding>,
    /// In the baseline, but no longer found.
    pub gone: Vec<&'a Entry>,
}

impl Comparison<'_> {
    /// Is a new finding of one of these kinds there?
    pub fn has_new(&self, kinds: &[FindingKind]) -> bool {
        self.new.iter().any(|f| kinds.contains(&f.kind))
    }

    /// For people, after the report (`check` writes it on standard error): how the run
    /// compares with the baseline at `path`, each new finding with where it is, and each
    /// accepted finding that no longer occurs.
    pub fn write_summary(
        &self,
        report: &Report,
        path: &Path,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        writeln!(
            out,
            "baseline {}: {} accepted, {} new, {} no longer found",
            path.display(),
            self.accepted.len(),
            self.new.len(),
            self.gone.len()
        )?;
        for f in &self.new {
            writeln!(out, "  new: {}  ({})", f.key(), f.files(report).join(", "))?;
        }
        for e in &self.gone {
            writeln!(
                out,
                "  no longer found: {}  (fixed? regenerate the baseline with --write-baseline to drop it)",
                e.key
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(fact: &str, value: &str) -> Finding {
        Finding {
            kind: FindingKind::Conflict,
            fact: fact.into(),
            values: vec![value.to_string()],
            quote: None,
            sides: vec![vec![]],
            reason: None,
            against: None,
        }
    }

    fn baseline(findings: &[Finding]) -> Baseline {
        Baseline {
            version: BASELINE_VERSION,
            findings: findings
                .iter()
                .map(|f| Entry {
                    key: f.key(),
                    kind: f.kind,
                    fact: f.fact.clone(),
                    values: f.values.clone(),
                    quote: None,
                    sources: vec![],
                })
                .collect(),
        }
    }

    #[test]
    fn the_key_is_the_fact_and_the_value() {
        assert_eq!(finding("f", "1").key(), "conflict | f | 1");
    }

    #[test]
    fn new_accepted_and_gone_are_told_apart() {
        let b = baseline(&[finding("f", "1"), finding("f", "2"), finding("g", "a")]);
        let now = vec![finding("f", "2"), finding("f", "1"), finding("f", "3")];
        let c = b.compare(&now);
        assert_eq!(c.accepted.len(), 2);
        assert_eq!(c.new.len(), 1);
        assert_eq!(c.new[0].values, vec!["3"]);
        assert_eq!(c.gone.len(), 1);
        assert_eq!(c.gone[0].fact, "g");
        assert!(c.has_new(&[FindingKind::Conflict]));
        assert!(!c.has_new(&[FindingKind::Framing]));
    }

    #[test]
    fn a_version_1_pair_accepts_both_its_values() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("b.json");
        let old = r#"{"version": 1, "findings": [
            {"key": "conflict | f | 12 | 9", "kind": "conflict", "fact": "f",
             "values": ["12", "9"], "sources": ["a.txt", "b.txt"]},
            {"key": "conflict | f | 9 | >=12", "kind": "conflict", "fact": "f",
             "values": ["9", ">=12"], "sources": ["b.txt", "c.txt"]}]}"#;
        std::fs::write(&p, old).unwrap();
        let b = Baseline::read(&p).unwrap();
        let keys: Vec<&str> = b.findings.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "conflict | f | 12",
                "conflict | f | 9",
                "conflict | f | >=12"
            ]
        );
        assert_eq!(b.findings[1].sources, ["a.txt", "b.txt", "c.txt"]);
        let now = [finding("f", "9"), finding("f", "7")];
        let c = b.compare(&now);
        assert_eq!(c.accepted.len(), 1);
        assert_eq!(c.new[0].values, vec!["7"]);
    }

    #[test]
    fn a_baseline_round_trips_and_refuses_another_version() {
        let b = baseline(&[finding("f", "1")]);
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("b.json");
        std::fs::write(&p, b.to_json()).unwrap();
        assert_eq!(Baseline::read(&p).unwrap(), b);
        std::fs::write(&p, b.to_json().replace("\"version\": 2", "\"version\": 9")).unwrap();
        assert!(matches!(
            Baseline::read(&p),
            Err(BaselineError::Version { found: 9, .. })
        ));
        std::fs::write(&p, "{\"version\": 1,\n \"findngs\": []}").unwrap();
        let e = Baseline::read(&p).unwrap_err().to_string();
        assert!(e.contains("b.json:2:"), "{e}");
    }
}
