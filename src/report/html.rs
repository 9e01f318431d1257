//! One self-contained HTML page: the report a fact-checker opens, prints or emails.
//!
//! Everything is inline (CSS and a few lines of JavaScript); the page makes no network
//! request at all, and its Content-Security-Policy says so to the browser: nothing may be
//! loaded from anywhere (`default-src 'none'`), styles are inline, and the only script
//! allowed to run is ours, pinned by its SHA-256 hash. Article text is untrusted: every
//! piece of it goes through [`escape`], so a corpus line `<script>…</script>` shows as text,
//! and even a slip in escaping could not run a script (the hash would not match).
//!
//! The page: a facts × sources matrix (cells coloured by status, each linking to its
//! evidence), the evidence per fact with the value's words in `<mark>`, quotation pairs
//! with a word diff (`<del>`/`<ins>`), names spelled differently, and problems. A checkbox
//! hides everything but disagreements; without JavaScript it stays hidden and the page
//! shows everything. `@media print` drops the controls and keeps the colours.
//!
//! The page scales: each distinct value of a fact is shown once with its sources, each
//! distinct sentence once with its places, each distinct wording of a quotation once, and
//! past [`Limits`] items are counted rather than shown. Past [`Limits::matrix_sources`]
//! sources the matrix shows each fact's distinct cells instead of a column per source,
//! and the evidence sits behind native `<details>` (no script needed; the script opens
//! the one a link points into).

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::{self, Write};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest as _, Sha256};

use super::cards::{Card, CardMember, QuoteCards, Speaker, quote_is_disagreement};
use super::{FactReport, QuoteEntry, Report};
use crate::compare::Status;
use crate::compare::name::VariantKind;
use crate::compare::quote::DiffOp;
use crate::text::visible;

/// Escape text for HTML element content and attribute values; control and bidi-override
/// characters are shown as `\u{…}` ([`crate::text::visible`]).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c != '\n' && visible::is_hazard(c) => {
                out.push_str(&visible::escape(&c.to_string()))
            }
            _ => out.push(c),
        }
    }
    out
}

/// The page's only script: reveal the filter and make it work. Kept free of any report
/// data so that its hash, pinned in the CSP, is the same for every report.
const SCRIPT: &str = "(function () {
  function reveal() {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    for (var e = target; e; e = e.parentElement) {
      if (e.tagName === 'DETAILS') { e.open = true; }
    }
    if (target) { target.scrollIntoView(); }
  }
  window.addEventListener('hashchange', reveal);
  reveal();
  var box = document.getElementById('only-disagreements');
  var filter = document.getElementById('filter');
  if (!box || !filter) { return; }
  filter.hidden = false;
  function apply() { document.body.classList.toggle('only-disagreements', box.checked); }
  box.addEventListener('change', apply);
  apply();
})();";

const STYLE: &str = r#"
:root { --ink: #1d232b; --muted: #5b6570; --line: #d5dbe1; --paper: #ffffff;
  --conflict: #c62828; --conflict-bg: #fde4e2; --framing: #8e24aa; --framing-bg: #f4e6f8;
  --loose: #a86b00; --loose-bg: #fff3d1; --agree: #2e7d32; --agree-bg: #e3f3e4;
  --single: #4f6475; --single-bg: #edf1f5; --unresolved: #6d6d6d; --unresolved-bg: #f4f4f4; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem 2rem 3rem; color: var(--ink); background: var(--paper);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main, header { max-width: 78rem; margin: 0 auto; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .8rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.02rem; margin: 0 0 .5rem; }
code, .where, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .88em; }
a { color: #1f5fa8; }
.summary { margin: 0 0 .6rem; color: var(--muted); }
.summary strong.conflict { color: var(--conflict); }
.summary strong.framing { color: var(--framing); }
nav a { margin-right: 1rem; }
.filter { margin: .8rem 0 0; padding: .45rem .8rem; background: #f6f8fa; border: 1px solid var(--line);
  border-radius: 6px; display: inline-block; }
.filter[hidden] { display: none; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .55rem; border: 1px solid var(--line); }
thead th { background: #f6f8fa; font-weight: 600; }
table.sources td:first-child { width: 3rem; text-align: center; }
.matrix th[scope=row] a { font-weight: 600; text-decoration: none; }
.matrix .label { display: block; font-weight: 400; color: var(--muted); font-size: .85em; }
.matrix .src-head .outlet { display: block; font-weight: 400; color: var(--muted); font-size: .8em; }
.matrix td.cell a { color: inherit; text-decoration: none; display: block; }
.matrix td.cell a:hover { text-decoration: underline; }
.matrix td.cell { font-variant-numeric: tabular-nums; }
.matrix .v { display: block; white-space: nowrap; }
.scroll { overflow-x: auto; }
table.sources td:last-child { white-space: nowrap; }
td.empty { color: #a0a8b0; text-align: center; }
.status { white-space: nowrap; font-weight: 600; }
.s-conflict.cell, .s-conflict.status, .badge.s-conflict { background: var(--conflict-bg); color: var(--conflict); }
.s-framing.cell, .s-framing.status, .badge.s-framing { background: var(--framing-bg); color: var(--framing); }
.s-loose.cell, .s-loose.status, .badge.s-loose { background: var(--loose-bg); color: var(--loose); }
.s-agree.cell, .s-agree.status, .badge.s-agree { background: var(--agree-bg); color: var(--agree); }
.s-single.cell, .s-single.status, .badge.s-single { background: var(--single-bg); color: var(--single); }
.s-unresolved.cell, .s-unresolved.status, .badge.s-unresolved, .s-none.status, .badge.s-none { background: var(--unresolved-bg); color: var(--unresolved); }
.s-conflict.cell { box-shadow: inset 4px 0 0 var(--conflict); font-weight: 600; }
.s-framing.cell { box-shadow: inset 4px 0 0 var(--framing); }
.legend { list-style: none; padding: 0; margin: .7rem 0 0; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; font-size: .9em; color: var(--muted); }
.legend .badge { margin-right: .35rem; }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 999px; font-size: .85em; font-weight: 600; white-space: nowrap; }
.fact, .quote-card { margin: 0 0 1rem; padding: .9rem 1.1rem; border: 1px solid var(--line); border-left: 5px solid var(--line); border-radius: 6px; }
.fact.s-conflict, .quote-card.q-attribution-conflict { border-left-color: var(--conflict); }
.fact.s-framing, .quote-card.q-reworded { border-left-color: var(--framing); }
.fact.s-loose { border-left-color: var(--loose); }
.fact.s-agree, .quote-card.q-same { border-left-color: var(--agree); }
.fact .label { color: var(--muted); font-weight: 400; }
ol.evidence { list-style: none; padding: 0; margin: .3rem 0 0; }
ol.evidence li { padding: .3rem 0; }
ol.evidence li:target, .fact:target { background: #fffbe6; }
summary { cursor: pointer; }
ul.values { list-style: none; padding: 0; margin: 0; }
ul.values > li { padding: .3rem 0; border-top: 1px dashed var(--line); }
ul.values > li:first-child { border-top: 0; }
ul.values > li:target { background: #fffbe6; }
ol.evidence p.where { margin: .2rem 0 0 1.6rem; }
.more { color: var(--muted); font-style: italic; margin: .3rem 0 0; }
.matrix td.cells details { display: inline-block; vertical-align: top; margin: 0 .3rem .3rem 0; padding: .05rem .5rem; border-radius: 4px; }
.matrix td.cells details[open] { display: block; }
.matrix td.cells p { margin: .2rem 0; font-weight: 400; }
.matrix .n { font-weight: 400; margin-left: .25rem; }
.matrix td.cells .more { display: block; }
.where { color: var(--muted); }
blockquote { margin: .3rem 0 0 1.6rem; padding: .1rem 0 .1rem .8rem; border-left: 3px solid var(--line); color: #2c333b; }
mark { background: #ffe168; color: inherit; padding: 0 .1em; border-radius: 2px; font-weight: 600; }
.why { margin: .5rem 0 0; color: var(--conflict); font-weight: 600; }
.note { margin: .3rem 0 0; color: var(--muted); }
.badge.q-attribution-conflict { background: var(--conflict-bg); color: var(--conflict); }
.badge.q-reworded { background: var(--framing-bg); color: var(--framing); }
.badge.q-same { background: var(--agree-bg); color: var(--agree); }
.badge.q-single { background: var(--single-bg); color: var(--single); }
.members { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
.members figure { margin: 0; }
.members blockquote { margin: 0; }
.members figcaption { font-size: .88em; color: var(--muted); margin-top: .3rem; }
.diff { margin: .7rem 0 0; line-height: 1.8; }
del { background: #fdd8d6; color: #9c1c1c; text-decoration: line-through; padding: 0 .15em; border-radius: 2px; }
ins { background: #d5f2d8; color: #1b5e20; text-decoration: none; padding: 0 .15em; border-radius: 2px; font-weight: 600; }
.single-quotes li { margin: .35rem 0; }
.kind-likely_misspelling { color: var(--conflict); font-weight: 600; }
.kind-variant { color: var(--loose); }
.kind-canonical { color: var(--agree); }
.problems li { color: var(--conflict); }
footer { max-width: 78rem; margin: 2rem auto 0; color: var(--muted); font-size: .85em; }
body.only-disagreements .fact-row:not(.dis), body.only-disagreements .fact:not(.dis),
body.only-disagreements .quote-card:not(.dis), body.only-disagreements .single-quotes { display: none; }
@media (max-width: 50rem) { body { padding: 1rem; } .members { grid-template-columns: 1fr; } }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { padding: 0; font-size: 10pt; }
  nav, .filter { display: none !important; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  .fact, .quote-card, ol.evidence li, tr { break-inside: avoid; }
  .matrix { font-size: 8.5pt; }
}
"#;

/// The Content-Security-Policy of every report: no loads at all, inline style, our script
/// (pinned by the SHA-256 of its text, in standard base64, as CSP Level 2 asks).
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{}'; \
         img-src 'none'; base-uri 'none'; form-action 'none'",
        STANDARD.encode(Sha256::digest(SCRIPT.as_bytes()))
    )
}

/// What one page shows at most, so that a page for thousands of articles still opens in a
/// browser (docs/output.md, "HTML"). Past a cap the rest is counted, not shown; the JSON
/// and CSV reports have everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Up to this many sources the matrix has a column per source and the evidence is
    /// open; past it, each fact's row shows its distinct cells (values and state), each
    /// with the number of sources that give it, and the evidence is collapsed.
    pub matrix_sources: usize,
    /// Distinct values (or distinct cells) shown per fact, in the matrix and the evidence.
    pub values: usize,
    /// Distinct sentences shown per value, and per spelling of a name.
    pub sentences: usize,
    /// Places (`[n] file:line:column`) listed per sentence, wording or spelling.
    pub places: usize,
    /// Source numbers listed per distinct cell of the matrix.
    pub sources: usize,
    /// Distinct wordings (words, speaker, note) shown per quotation card.
    pub wordings: usize,
    /// Quotation cards, quotations one source carries, rows of names, and disagreements
    /// and notes per fact.
    pub items: usize,
}

impl Limits {
    /// The caps `check --format html` uses.
    pub const DEFAULT: Limits = Limits {
        matrix_sources: 20,
        values: 12,
        sentences: 3,
        places: 8,
        sources: 100,
        wordings: 6,
        items: 100,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// `crosscheck check --format html`.
pub fn write_check(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    write_check_with(r, &Limits::DEFAULT, out)
}

/// [`write_check`] with other caps.
pub fn write_check_with(r: &Report, limits: &Limits, out: &mut dyn Write) -> io::Result<()> {
    let mut h = String::with_capacity(256 * 1024);
    page(&Page::new(r, limits), &mut h).map_err(io::Error::other)?;
    out.write_all(h.as_bytes())
}

/// The order of states from the most to the least worth a look.
fn rank(s: Status) -> usize {
    s as usize
}

/// One distinct value of a fact, as the evidence shows it.
struct Value<'a> {
    display: &'a str,
    /// The most severe state of the cells that give it.
    status: Status,
    /// The sources that give it, each once, in order.
    sources: Vec<usize>,
    /// Its distinct sentences (same words, same highlight), in order of first use.
    sentences: Vec<Sentence<'a>>,
}

/// One sentence and every observation of the value in it (indices into
/// [`Report::evidence`]).
struct Sentence<'a> {
    pre: &'a str,
    mid: &'a str,
    post: &'a str,
    places: Vec<usize>,
}

/// A fact's distinct values, the most severe state first, then the most sources.
fn values_of<'a>(r: &'a Report, f: &FactReport) -> Vec<Value<'a>> {
    let mut values: Vec<Value<'a>> = Vec::new();
    let mut by_display: HashMap<&'a str, usize> = HashMap::new();
    type Key<'k> = (usize, &'k str, &'k str, &'k str);
    let mut by_sentence: HashMap<Key<'a>, usize> = HashMap::new();
    for c in &f.cells {
        for &i in &c.evidence {
            let Some(e) = r.evidence.get(i) else {
                continue;
            };
            let v = *by_display.entry(e.display.as_str()).or_insert_with(|| {
                values.push(Value {
                    display: &e.display,
                    status: c.status,
                    sources: Vec::new(),
                    sentences: Vec::new(),
                });
                values.len() - 1
            });
            let value = &mut values[v];
            if rank(c.status) < rank(value.status) {
                value.status = c.status;
            }
            if value.sources.last() != Some(&c.source_number) {
                value.sources.push(c.source_number);
            }
            let (pre, mid, post) = e.split_sentence();
            let s = *by_sentence.entry((v, pre, mid, post)).or_insert_with(|| {
                value.sentences.push(Sentence {
                    pre,
                    mid,
                    post,
                    places: Vec::new(),
                });
                value.sentences.len() - 1
            });
            value.sentences[s].places.push(i);
        }
    }
    values.sort_by_key(|v| (rank(v.status), std::cmp::Reverse(v.sources.len())));
    values
}

/// Everything the page needs besides the report, worked out once.
struct Page<'a> {
    r: &'a Report,
    /// The caps in force: none up to [`Limits::matrix_sources`] sources.
    limits: Limits,
    /// Few sources: a matrix column per source, and the evidence open.
    by_source: bool,
    /// Each fact's values, as the evidence shows them.
    values: Vec<Vec<Value<'a>>>,
    /// Where a link to an observation lands: its sentence, else its value, else its fact.
    targets: HashMap<usize, String>,
}

impl<'a> Page<'a> {
    fn new(r: &'a Report, limits: &Limits) -> Page<'a> {
        let by_source = r.sources.len() <= limits.matrix_sources;
        // A page with few sources shows everything.
        let limits = if by_source {
            Limits {
                matrix_sources: limits.matrix_sources,
                values: usize::MAX,
                sentences: usize::MAX,
                places: usize::MAX,
                sources: usize::MAX,
                wordings: usize::MAX,
                items: usize::MAX,
            }
        } else {
            *limits
        };
        let values: Vec<Vec<Value<'a>>> = r.facts.iter().map(|f| values_of(r, f)).collect();
        let mut targets = HashMap::new();
        for (n, vs) in values.iter().enumerate() {
            for (k, v) in vs.iter().enumerate() {
                for (j, s) in v.sentences.iter().enumerate() {
                    let target = match (k < limits.values, j < limits.sentences) {
                        (true, true) => format!("ev-{}", s.places[0]),
                        (true, false) => format!("fact-{n}-v{k}"),
                        _ => format!("fact-{n}"),
                    };
                    for &i in &s.places {
                        targets.insert(i, target.clone());
                    }
                }
            }
        }
        Page {
            r,
            limits,
            by_source,
            values,
            targets,
        }
    }

    /// Where a link to fact `n`'s observation `first` lands.
    fn target(&self, n: usize, first: Option<&usize>) -> String {
        first
            .and_then(|i| self.targets.get(i))
            .cloned()
            .unwrap_or_else(|| format!("fact-{n}"))
    }

    /// ` open` when the page is small enough to show everything at once.
    fn open(&self) -> &'static str {
        if self.by_source { " open" } else { "" }
    }
}

/// 1234567 as "1,234,567".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "1 source", "1,234 sources".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// What a cap left out: `<p class="more">and 3 more sentences</p>`, or nothing.
fn more(h: &mut String, left_out: usize, one: &str, many: &str) -> std::fmt::Result {
    if left_out == 0 {
        return Ok(());
    }
    writeln!(
        h,
        "<p class=\"more\">and {} more {} (every one is in --format json and csv)</p>",
        thousands(left_out),
        if left_out == 1 { one } else { many }
    )
}

/// Up to `cap` places, "[1] a.txt:3:5, [2] b.txt:4:1 and 7 more".
fn places<T>(items: &[T], cap: usize, place: impl Fn(&T) -> String) -> String {
    let mut out: Vec<String> = items.iter().take(cap).map(place).collect();
    if items.len() > cap {
        out.push(format!("{} more", thousands(items.len() - cap)));
    }
    super::and_list(&out)
}

fn page(p: &Page, h: &mut String) -> std::fmt::Result {
    let r = p.r;
    let title = r.story.as_deref().unwrap_or("crosscheck report");
    writeln!(h, "<!DOCTYPE html>")?;
    writeln!(h, "<html lang=\"en\">")?;
    writeln!(h, "<head>")?;
    writeln!(h, "<meta charset=\"utf-8\">")?;
    writeln!(
        h,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        content_security_policy()
    )?;
    writeln!(
        h,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(h, "<meta name=\"generator\" content=\"crosscheck\">")?;
    writeln!(h, "<title>{} — crosscheck</title>", escape(title))?;
    writeln!(h, "<style>{STYLE}</style>")?;
    writeln!(h, "</head>")?;
    writeln!(h, "<body>")?;
    header(r, title, h)?;
    writeln!(h, "<main>")?;
    matrix(p, h)?;
    sources(p, h)?;
    writeln!(h, "<section id=\"facts\">")?;
    writeln!(h, "<h2>Evidence</h2>")?;
    for (n, f) in r.facts.iter().enumerate() {
        fact(p, n, f, h)?;
    }
    writeln!(h, "</section>")?;
    quotes(p, h)?;
    names(p, h)?;
    problems(r, h)?;
    writeln!(h, "</main>")?;
    writeln!(
        h,
        "<footer>Made by crosscheck, report schema version {}. Positions are file:line:column; columns count characters.</footer>",
        r.version
    )?;
    writeln!(h, "<script>{SCRIPT}</script>")?;
    writeln!(h, "</body>")?;
    writeln!(h, "</html>")
}
fn header(r: &Report, title: &str, h: &mut String) -> std::fmt::Result {
    let count = |s: Status| r.facts.iter().filter(|f| f.status == s).count();
    let reworded = r
        .quote_findings
        .iter()
        .filter(|q| quote_is_disagreement(q.status))
        .count();
    writeln!(h, "<header>")?;
    writeln!(h, "<h1>{}</h1>", escape(title))?;
    writeln!(
        h,
        "<p class=\"summary\">{}, {}: <strong class=\"conflict\">{}</strong>, <strong class=\"framing\">{}</strong>, {} worded or attributed differently.</p>",
        plural(r.sources.len(), "article", "articles"),
        plural(r.facts.len(), "fact", "facts"),
        plural(count(Status::Conflict), "conflict", "conflicts"),
        plural(
            count(Status::Framing),
            "framing difference",
            "framing differences"
        ),
        plural(reworded, "quotation", "quotations"),
    )?;
    writeln!(
        h,
        "<nav><a href=\"#matrix\">Facts × sources</a><a href=\"#sources\">Sources</a><a href=\"#facts\">Evidence</a><a href=\"#quotes\">Quotations</a><a href=\"#names\">Names</a><a href=\"#problems\">Problems</a></nav>"
    )?;
    writeln!(
        h,
        "<p class=\"filter\" id=\"filter\" hidden><label><input type=\"checkbox\" id=\"only-disagreements\"> Show only disagreements (conflicts, framing differences, quotations worded or attributed differently)</label></p>"
    )?;
    writeln!(h, "</header>")
}

fn sources(p: &Page, h: &mut String) -> std::fmt::Result {
    let r = p.r;
    writeln!(h, "<section id=\"sources\">")?;
    writeln!(h, "<h2>Sources</h2>")?;
    if !p.by_source {
        writeln!(
            h,
            "<details><summary>{}</summary>",
            plural(r.sources.len(), "source", "sources")
        )?;
    }
    writeln!(h, "<table class=\"sources\">")?;
    writeln!(
        h,
        "<thead><tr><th>#</th><th>File</th><th>Outlet</th><th>Title</th><th>Published</th></tr></thead>"
    )?;
    writeln!(h, "<tbody>")?;
    for s in &r.sources {
        writeln!(
            h,
            "<tr id=\"source-{}\"><td>[{}]</td><td><code>{}</code>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            s.number,
            s.number,
            escape(&s.file),
            s.reading_note()
                .map(|n| format!(" <small>({})</small>", escape(&n)))
                .unwrap_or_default(),
            escape(&s.source),
            escape(s.title.as_deref().unwrap_or("")),
            escape(s.published.as_deref().unwrap_or("unknown")),
        )?;
    }
    writeln!(h, "</tbody>")?;
    writeln!(h, "</table>")?;
    if !p.by_source {
        writeln!(h, "</details>")?;
    }
    writeln!(h, "</section>")
}

fn status_class(s: Status) -> String {
    format!("s-{}", s.name())
}

fn matrix(p: &Page, h: &mut String) -> std::fmt::Result {
    let r = p.r;
    writeln!(h, "<section id=\"matrix\">")?;
    writeln!(h, "<h2>Facts × sources</h2>")?;
    writeln!(h, "<div class=\"scroll\">")?;
    writeln!(h, "<table class=\"matrix\">")?;
    write!(h, "<thead><tr><th>Fact</th><th>Status</th>")?;
    if p.by_source {
        for s in &r.sources {
            write!(
                h,
                "<th class=\"src-head\" title=\"{}\">[{}]<span class=\"outlet\">{}</span></th>",
                escape(&s.file),
                s.number,
                escape(&s.source)
            )?;
        }
    } else {
        write!(
            h,
            "<th>What the {} say, by number of sources (first {} distinct; open one for its sources)</th>",
            plural(r.sources.len(), "source", "sources"),
            p.limits.values
        )?;
    }
    writeln!(h, "</tr></thead>")?;
    writeln!(h, "<tbody>")?;
    for (n, f) in r.facts.iter().enumerate() {
        let class = status_class(f.status);
        let dis = if f.status.is_disagreement() {
            " dis"
        } else {
            ""
        };
        write!(
            h,
            "<tr class=\"fact-row {class}{dis}\" data-fact=\"{}\"><th scope=\"row\"><a href=\"#fact-{n}\">{}</a><span class=\"label\">{}</span></th><td class=\"status {class}\">{} {}</td>",
            escape(&f.fact),
            escape(&f.fact),
            escape(&f.label),
            f.status.marker(),
            f.status
        )?;
        if p.by_source {
            row_by_source(p, n, f, h)?;
        } else {
            row_by_cell(p, n, f, h)?;
        }
        writeln!(h, "</tr>")?;
    }
    writeln!(h, "</tbody>")?;
    writeln!(h, "</table>")?;
    writeln!(h, "</div>")?;
    writeln!(h, "<ul class=\"legend\">")?;
    for (s, what) in [
        (Status::Conflict, "values that cannot all be true"),
        (Status::Framing, "the same act worded differently"),
        (Status::Loose, "compatible, not identical"),
        (Status::Agree, "the same value"),
        (Status::Single, "one source only"),
        (Status::Unresolved, "not comparable"),
    ] {
        writeln!(
            h,
            "<li><span class=\"badge {}\">{} {}</span>{what}</li>",
            status_class(s),
            s.marker(),
            s
        )?;
    }
    writeln!(h, "<li><span class=\"badge\">–</span>not stated</li>")?;
    writeln!(h, "</ul>")?;
    writeln!(h, "</section>")
}

/// A cell per source: its values, coloured by its state, linking to its first observation.
fn row_by_source(p: &Page, n: usize, f: &FactReport, h: &mut String) -> std::fmt::Result {
    for s in &p.r.sources {
        match f.cells.iter().find(|c| c.source_number == s.number) {
            Some(c) => {
                let values: String = c
                    .values
                    .iter()
                    .map(|v| format!("<span class=\"v\">{}</span>", escape(v)))
                    .collect();
                write!(
                    h,
                    "<td class=\"cell {}\" data-source=\"{}\"><a href=\"#{}\" title=\"{} in {}\">{values}</a></td>",
                    status_class(c.status),
                    s.number,
                    p.target(n, c.evidence.first()),
                    c.status,
                    escape(&s.file),
                )?;
            }
            None => write!(
                h,
                "<td class=\"cell empty\" data-source=\"{}\">–</td>",
                s.number
            )?,
        }
    }
    Ok(())
}

/// Many sources: one entry per distinct cell (the same values in the same state), the most
/// severe state first, then the most sources; each opens to its sources.
fn row_by_cell(p: &Page, n: usize, f: &FactReport, h: &mut String) -> std::fmt::Result {
    struct Group<'a> {
        values: &'a [String],
        status: Status,
        sources: Vec<usize>,
        first: Option<usize>,
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut index: HashMap<(usize, &[String]), usize> = HashMap::new();
    for c in &f.cells {
        let g = *index
            .entry((rank(c.status), c.values.as_slice()))
            .or_insert_with(|| {
                groups.push(Group {
                    values: &c.values,
                    status: c.status,
                    sources: Vec::new(),
                    first: c.evidence.first().copied(),
                });
                groups.len() - 1
            });
        groups[g].sources.push(c.source_number);
    }
    groups.sort_by_key(|g| (rank(g.status), std::cmp::Reverse(g.sources.len())));
    write!(h, "<td class=\"cells\">")?;
    if groups.is_empty() {
        write!(h, "–")?;
    }
    let limits = &p.limits;
    for g in groups.iter().take(limits.values) {
        let values: Vec<String> = g.values.iter().map(|v| escape(v)).collect();
        let listed = places(&g.sources, limits.sources, |s| format!("[{s}]"));
        write!(
            h,
            "<details class=\"cell {}\"><summary>{} <span class=\"n\">{}</span></summary><p><a href=\"#{}\">evidence</a> · {} · {listed}</p></details>",
            status_class(g.status),
            values.join(" / "),
            thousands(g.sources.len()),
            p.target(n, g.first.as_ref()),
            g.status,
        )?;
    }
    if groups.len() > limits.values {
        let rest: usize = groups[limits.values..]
            .iter()
            .map(|g| g.sources.len())
            .sum();
        write!(
            h,
            "<span class=\"more\">and {} more in {}</span>",
            thousands(groups.len() - limits.values),
            plural(rest, "source", "sources")
        )?;
    }
    write!(h, "</td>")
}

fn fact(p: &Page, n: usize, f: &FactReport, h: &mut String) -> std::fmt::Result {
    let limits = &p.limits;
    let class = status_class(f.status);
    let dis = if f.status.is_disagreement() {
        " dis"
    } else {
        ""
    };
    writeln!(h, "<article class=\"fact {class}{dis}\" id=\"fact-{n}\">")?;
    writeln!(
        h,
        "<h3><span class=\"badge {class}\">{} {}</span> <code>{}</code> <span class=\"label\">— {}</span></h3>",
        f.status.marker(),
        f.status,
        escape(&f.fact),
        escape(&f.label)
    )?;
    let values = &p.values[n];
    if values.is_empty() {
        writeln!(h, "<p class=\"note\">No source states it.</p>")?;
    } else {
        writeln!(h, "<ul class=\"values\">")?;
        for (k, v) in values.iter().take(limits.values).enumerate() {
            let sources = if v.sources.len() <= limits.places {
                let listed: Vec<String> = v.sources.iter().map(|s| format!("[{s}]")).collect();
                format!(": {}", super::and_list(&listed))
            } else {
                String::new()
            };
            writeln!(
                h,
                "<li id=\"fact-{n}-v{k}\"><details{}><summary><span class=\"badge {}\">{}</span> {}{sources}</summary>",
                p.open(),
                status_class(v.status),
                escape(v.display),
                plural(v.sources.len(), "source", "sources"),
            )?;
            writeln!(h, "<ol class=\"evidence\">")?;
            for s in v.sentences.iter().take(limits.sentences) {
                let at = places(&s.places, limits.places, |&i| {
                    let e = &p.r.evidence[i];
                    format!(
                        "[{}] {}:{}:{}",
                        e.source_number,
                        escape(&e.file),
                        e.line,
                        e.column
                    )
                });
                writeln!(
                    h,
                    "<li id=\"ev-{}\"><blockquote>{}<mark>{}</mark>{}</blockquote><p class=\"where\">{at}</p></li>",
                    s.places[0],
                    escape(s.pre),
                    escape(s.mid),
                    escape(s.post),
                )?;
            }
            writeln!(h, "</ol>")?;
            more(
                h,
                v.sentences.len().saturating_sub(limits.sentences),
                "sentence",
                "sentences",
            )?;
            writeln!(h, "</details></li>")?;
        }
        writeln!(h, "</ul>")?;
        more(
            h,
            values.len().saturating_sub(limits.values),
            "value",
            "values",
        )?;
    }
    for d in f.disagreements.iter().take(limits.items) {
        writeln!(h, "<p class=\"why\">! {}</p>", escape(d))?;
    }
    more(
        h,
        f.disagreements.len().saturating_sub(limits.items),
        "disagreement",
        "disagreements",
    )?;
    for note in f.notes.iter().take(limits.items) {
        writeln!(h, "<p class=\"note\">Note: {}</p>", escape(note))?;
    }
    more(
        h,
        f.notes.len().saturating_sub(limits.items),
        "note",
        "notes",
    )?;
    writeln!(h, "</article>")
}

fn speaker(s: &Speaker) -> String {
    s.render(|w| format!("<strong>{}</strong>", escape(w)), escape)
}

fn diff(ops: &[DiffOp]) -> String {
    ops.iter()
        .map(|d| match d {
            DiffOp::Same(w) => escape(w),
            DiffOp::Removed(w) => format!("<del>{}</del>", escape(w)),
            DiffOp::Added(w) => format!("<ins>{}</ins>", escape(w)),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `[1] a.txt:3:5`.
fn quote_place(q: &QuoteEntry) -> String {
    format!(
        "[{}] <span class=\"where\">{}:{}:{}</span>",
        q.source_number,
        escape(&q.file),
        q.line,
        q.column
    )
}

/// A card's members with the same words, speaker and note, shown once with all their
/// places: the first of them, and every member's quotation.
struct Wording<'c, 'a> {
    first: &'c CardMember<'a>,
    quotes: Vec<&'a QuoteEntry>,
}

/// The card's distinct wordings: the first member's first, then the most quoted.
fn wordings<'c, 'a>(card: &'c Card<'a>) -> Vec<Wording<'c, 'a>> {
    let mut out: Vec<Wording> = Vec::new();
    let mut index: HashMap<(&str, String, &str), usize> = HashMap::new();
    for m in &card.members {
        let key = (m.quote.text.as_str(), m.speaker.plain(), m.note.as_str());
        let w = *index.entry(key).or_insert_with(|| {
            out.push(Wording {
                first: m,
                quotes: Vec::new(),
            });
            out.len() - 1
        });
        out[w].quotes.push(m.quote);
    }
    if let Some((_, rest)) = out.split_first_mut() {
        rest.sort_by_key(|w| std::cmp::Reverse(w.quotes.len()));
    }
    out
}

fn quotes(p: &Page, h: &mut String) -> std::fmt::Result {
    let (r, limits) = (p.r, &p.limits);
    let model = QuoteCards::of(r);
    writeln!(h, "<section id=\"quotes\">")?;
    writeln!(h, "<h2>Quotations</h2>")?;
    if model.cards.is_empty() {
        writeln!(
            h,
            "<p class=\"note\">No quotation appears in more than one source.</p>"
        )?;
    }
    // Past the cap, the cards shown are the disagreements first, in the report's order.
    let mut shown: Vec<usize> = (0..model.cards.len()).collect();
    if shown.len() > limits.items {
        shown.sort_by_key(|&n| !model.cards[n].disagreement);
        shown.truncate(limits.items);
        shown.sort_unstable();
    }
    for &n in &shown {
        let card = &model.cards[n];
        let class = format!("q-{}", card.status.name());
        let dis = if card.disagreement { " dis" } else { "" };
        writeln!(
            h,
            "<article class=\"quote-card {class}{dis}\" id=\"quote-card-{n}\">"
        )?;
        let who = card
            .who
            .as_ref()
            .map(|w| format!(": {}", escape(w)))
            .unwrap_or_default();
        let mut numbers: Vec<usize> = card.members.iter().map(|m| m.quote.source_number).collect();
        numbers.sort_unstable();
        numbers.dedup();
        let sources = if numbers.len() <= limits.places {
            escape(&card.sources)
        } else {
            plural(numbers.len(), "source", "sources")
        };
        writeln!(
            h,
            "<h3><span class=\"badge {class}\">{} {}</span> {sources}{who}</h3>",
            card.marker,
            card.status.name(),
        )?;
        let wordings = wordings(card);
        writeln!(
            h,
            "<details{}><summary>{} in {}</summary>",
            p.open(),
            plural(wordings.len(), "wording", "wordings"),
            plural(card.members.len(), "quotation", "quotations")
        )?;
        writeln!(h, "<div class=\"members\">")?;
        for w in wordings.iter().take(limits.wordings) {
            let m = w.first;
            writeln!(
                h,
                "<figure><blockquote>“{}”</blockquote><figcaption>{} · {} · {}</figcaption>",
                escape(&m.quote.text),
                places(&w.quotes, limits.places, |q| quote_place(q)),
                speaker(&m.speaker),
                escape(&m.note)
            )?;
            if m.changed {
                writeln!(h, "<p class=\"diff\">{}</p>", diff(&m.member.diff))?;
            }
            writeln!(h, "</figure>")?;
        }
        writeln!(h, "</div>")?;
        more(
            h,
            wordings.len().saturating_sub(limits.wordings),
            "wording",
            "wordings",
        )?;
        writeln!(h, "</details>")?;
        writeln!(h, "</article>")?;
    }
    more(
        h,
        model.cards.len() - shown.len(),
        "quotation card",
        "quotation cards",
    )?;
    let singles: Vec<_> = model.quotations.iter().filter(|q| q.only_here).collect();
    if !singles.is_empty() {
        writeln!(h, "<div class=\"single-quotes\">")?;
        writeln!(
            h,
            "<details{}><summary>In one source only ({})</summary>",
            p.open(),
            thousands(singles.len())
        )?;
        writeln!(h, "<ul>")?;
        for item in singles.iter().take(limits.items) {
            let q = item.quote;
            writeln!(
                h,
                "<li id=\"quote-{}\">[{}] {}{}: “{}” <span class=\"where\">{}:{}:{}</span></li>",
                item.index,
                q.source_number,
                speaker(&item.speaker),
                if q.unbalanced {
                    " <em>(unbalanced quote marks)</em>"
                } else {
                    ""
                },
                escape(&q.text),
                escape(&q.file),
                q.line,
                q.column
            )?;
        }
        writeln!(h, "</ul>")?;
        more(
            h,
            singles.len().saturating_sub(limits.items),
            "quotation",
            "quotations",
        )?;
        writeln!(h, "</details>")?;
        writeln!(h, "</div>")?;
    }
    writeln!(h, "</section>")
}

fn names(p: &Page, h: &mut String) -> std::fmt::Result {
    let (r, limits) = (p.r, &p.limits);
    writeln!(h, "<section id=\"names\">")?;
    writeln!(h, "<h2>Names spelled differently</h2>")?;
    if r.names.is_empty() {
        writeln!(h, "<p class=\"note\">Every name is spelled one way.</p>")?;
        return writeln!(h, "</section>");
    }
    writeln!(h, "<table class=\"names\">")?;
    writeln!(
        h,
        "<thead><tr><th>Name</th><th>Spelling</th><th>Kind</th><th>Where</th></tr></thead>"
    )?;
    writeln!(h, "<tbody>")?;
    let rows = r
        .names
        .iter()
        .flat_map(|n| n.spellings.iter().map(move |s| (n, s)));
    let total: usize = r.names.iter().map(|n| n.spellings.len()).sum();
    for (n, s) in rows.take(limits.items) {
        let (kind, class) = match s.kind {
            VariantKind::Canonical => ("canonical".to_string(), "canonical"),
            VariantKind::KnownVariant => ("known variant".to_string(), "known_variant"),
            VariantKind::LikelyMisspelling => (
                format!("likely misspelling (similarity {:.2})", s.similarity),
                "likely_misspelling",
            ),
            VariantKind::Variant => (
                format!("variant (similarity {:.2})", s.similarity),
                "variant",
            ),
        };
        let note = s
            .note
            .as_deref()
            .map(|n| format!(": {}", escape(n)))
            .unwrap_or_default();
        let at = places(&s.uses, limits.places, |u| {
            format!("[{}] {}:{}", u.source_number, u.line, u.column)
        });
        // Each distinct sentence once, behind a click.
        let mut seen: HashSet<&str> = HashSet::new();
        let sentences: Vec<&str> = s
            .uses
            .iter()
            .map(|u| u.sentence.as_str())
            .filter(|t| !t.is_empty() && seen.insert(*t))
            .collect();
        let context = if sentences.is_empty() {
            String::new()
        } else {
            let items: String = sentences
                .iter()
                .take(limits.sentences)
                .map(|t| format!("<li>{}</li>", escape(t)))
                .collect();
            let rest = sentences.len().saturating_sub(limits.sentences);
            format!(
                "<details><summary>{}</summary><ul>{items}</ul>{}</details>",
                plural(sentences.len(), "sentence", "sentences"),
                if rest > 0 {
                    format!("<p class=\"more\">and {} more</p>", thousands(rest))
                } else {
                    String::new()
                }
            )
        };
        writeln!(
            h,
            "<tr><td>{}</td><td>“{}”</td><td class=\"kind-{class}\">{}{note}</td><td><span class=\"where\">{at}</span>{context}</td></tr>",
            escape(&n.canonical),
            escape(&s.text),
            kind,
        )?;
    }
    writeln!(h, "</tbody>")?;
    writeln!(h, "</table>")?;
    more(
        h,
        total.saturating_sub(limits.items),
        "spelling",
        "spellings",
    )?;
    writeln!(h, "</section>")
}

fn problems(r: &Report, h: &mut String) -> std::fmt::Result {
    writeln!(h, "<section id=\"problems\">")?;
    writeln!(h, "<h2>Problems</h2>")?;
    if r.problems.is_empty() {
        writeln!(h, "<p class=\"note\">Every article was read.</p>")?;
        return writeln!(h, "</section>");
    }
    writeln!(h, "<ul class=\"problems\">")?;
    for p in &r.problems {
        let at = match (p.line, p.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", escape(&p.file)),
            _ => escape(&p.file),
        };
        writeln!(
            h,
            "<li><span class=\"where\">{at}</span>: {}</li>",
            escape(&p.message)
        )?;
    }
    writeln!(h, "</ul>")?;
    writeln!(h, "</section>")
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::{Cell, Evidence, SourceInfo};
    use super::*;
    use crate::rules::Kind;
    use crate::span::Span;

    /// What a browser checks: the SHA-256 of the text between `<script>` and `</script>`,
    /// in base64, is the one the policy names.
    #[test]
    fn the_policy_pins_the_script_on_the_page_by_its_hash() {
        let r = empty();
        let mut out = Vec::new();
        write_check(&r, &mut out).unwrap();
        let page = String::from_utf8(out).unwrap();
        let (_, rest) = page.split_once("<script>").unwrap();
        let (script, _) = rest.split_once("</script>").unwrap();
        let hash = STANDARD.encode(Sha256::digest(script.as_bytes()));
        // Known vectors (FIPS 180-2 B.1; RFC 4648 section 10), so the encoding is the one
        // a browser expects and not merely the same on both sides.
        assert_eq!(
            STANDARD.encode(Sha256::digest(b"abc")),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
        assert_eq!(STANDARD.encode(b"fo"), "Zm8=");
        assert!(
            page.contains(&format!("script-src 'sha256-{hash}'")),
            "{hash}"
        );
    }

    fn empty() -> Report {
        Report {
            version: super::super::SCHEMA_VERSION,
            story: None,
            rule_files: vec![],
            sources: vec![],
            facts: vec![],
            evidence: vec![],
            quotes: vec![],
            quote_findings: vec![],
            names: vec![],
            problems: vec![],
        }
    }

    /// `n` made-up sources stating a head count: the first `n - 3` in the same sentence
    /// ("40"), the last three each in a sentence of its own ("55", "60", "65"); every cell
    /// in conflict.
    fn strike(n: usize) -> Report {
        let mut r = empty();
        let mut cells = Vec::new();
        for s in 1..=n {
            let file: Arc<str> = Arc::from(format!("paper-{s}.txt"));
            let (value, sentence) = if s + 3 <= n {
                (
                    "40".to_string(),
                    "The union said 40 dockers stayed away.".to_string(),
                )
            } else {
                let v = ["55", "60", "65"][s + 2 - n].to_string();
                let t = format!("Managers counted {v} dockers at the gate.");
                (v, t)
            };
            let at = sentence.find(value.as_str()).unwrap();
            cells.push(Cell {
                source_number: s,
                status: Status::Conflict,
                values: vec![value.clone()],
                evidence: vec![r.evidence.len()],
            });
            r.evidence.push(Evidence {
                fact: Arc::from("dockers"),
                kind: Kind::Quantity,
                source_number: s,
                source: Arc::from(format!("Paper {s}")),
                file: file.clone(),
                line: 1,
                column: at + 1,
                end_line: 1,
                end_column: at + 1 + value.len(),
                display: value.clone(),
                raw: value.clone(),
                value,
                highlight: Span {
                    start: at,
                    end: at + 2,
                },
                span: Span {
                    start: at,
                    end: at + 2,
                },
                sentence: sentence.into(),
            });
            r.sources.push(SourceInfo {
                number: s,
                file: file.to_string(),
                path: file.to_string(),
                source: format!("Paper {s}"),
                title: None,
                published: None,
                boilerplate_lines: 0,
                extracted_text: false,
            });
        }
        r.facts.push(FactReport {
            fact: "dockers".into(),
            label: "Dockers on strike".into(),
            kind: Kind::Quantity,
            status: Status::Conflict,
            cells,
            disagreements: vec![],
            conflicts: vec![],
            values: vec![],
            notes: vec![],
            origin: None,
        });
        r
    }

    fn html(r: &Report, limits: &Limits) -> String {
        let mut out = Vec::new();
        write_check_with(r, limits, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn few_sources_show_a_column_each_and_everything_open() {
        let page = html(&strike(5), &Limits::DEFAULT);
        assert_eq!(
            page.matches("<td class=\"cell s-conflict\" data-source=")
                .count(),
            5
        );
        // The shared sentence once, with both its places; the evidence open.
        assert_eq!(
            page.matches("The union said <mark>40</mark> dockers")
                .count(),
            1
        );
        assert!(page.contains("[1] paper-1.txt:1:16 and [2] paper-2.txt:1:16"));
        assert!(page.contains("<details open><summary><span class=\"badge s-conflict\">40</span> 2 sources: [1] and [2]</summary>"));
        assert!(!page.contains("class=\"more\""));
    }

    #[test]
    fn many_sources_show_distinct_cells_each_sentence_once_and_count_the_rest() {
        let r = strike(30);
        let limits = Limits {
            values: 2,
            places: 3,
            sources: 3,
            ..Limits::DEFAULT
        };
        let page = html(&r, &limits);
        // No column per source: distinct cells, the most sources first, with their count.
        assert!(!page.contains("data-source="));
        let row = &page[page.find("<td class=\"cells\">").unwrap()..];
        let row = &row[..row.find("</td>").unwrap()];
        assert!(row.starts_with("<td class=\"cells\"><details class=\"cell s-conflict\"><summary>40 <span class=\"n\">27</span>"), "{row}");
        assert!(row.contains("[1], [2], [3] and 24 more"), "{row}");
        assert!(row.contains("and 2 more in 2 sources"), "{row}");
        // The 27 sources' sentence once, three of its places listed, the rest counted;
        // closed.
        assert_eq!(
            page.matches("The union said <mark>40</mark> dockers")
                .count(),
            1
        );
        assert!(page.contains("[3] paper-3.txt:1:16 and 24 more</p>"));
        assert!(page.contains("<li id=\"fact-0-v0\"><details><summary>"));
        assert!(page.contains("and 2 more values (every one is in --format json and csv)"));
        // Cut values are not on the page at all.
        assert!(page.contains("Managers counted <mark>55</mark>"));
        assert!(!page.contains("<mark>60</mark>") && !page.contains("<mark>65</mark>"));
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn article_text_is_escaped() {
        assert_eq!(
            escape("<script>alert(1)</script> & \"x\" 'y'"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;"
        );
    }
}
