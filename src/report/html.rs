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

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{FactReport, QuoteEntry, Report};
use crate::compare::{QuoteStatus, Status};
use crate::extract::name::VariantKind;
use crate::extract::quote::{Attribution, DiffOp, QuoteKind};

/// Escape text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The page's only script: reveal the filter and make it work. Kept free of any report
/// data so that its hash, pinned in the CSP, is the same for every report.
const SCRIPT: &str = "(function () {
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
.fact, .quote-pair { margin: 0 0 1rem; padding: .9rem 1.1rem; border: 1px solid var(--line); border-left: 5px solid var(--line); border-radius: 6px; }
.fact.s-conflict, .quote-pair.q-attribution-conflict { border-left-color: var(--conflict); }
.fact.s-framing, .quote-pair.q-reworded { border-left-color: var(--framing); }
.fact.s-loose { border-left-color: var(--loose); }
.fact.s-agree, .quote-pair.q-same { border-left-color: var(--agree); }
.fact .label { color: var(--muted); font-weight: 400; }
ol.evidence { list-style: none; padding: 0; margin: 0; }
ol.evidence li { padding: .45rem 0; border-top: 1px dashed var(--line); }
ol.evidence li:first-child { border-top: 0; }
ol.evidence li:target, .fact:target { background: #fffbe6; }
.src { font-weight: 700; margin-right: .3rem; }
.val { font-weight: 600; margin-right: .5rem; }
.where { color: var(--muted); }
blockquote { margin: .3rem 0 0 1.6rem; padding: .1rem 0 .1rem .8rem; border-left: 3px solid var(--line); color: #2c333b; }
mark { background: #ffe168; color: inherit; padding: 0 .1em; border-radius: 2px; font-weight: 600; }
.why { margin: .5rem 0 0; color: var(--conflict); font-weight: 600; }
.note { margin: .3rem 0 0; color: var(--muted); }
.badge.q-attribution-conflict { background: var(--conflict-bg); color: var(--conflict); }
.badge.q-reworded { background: var(--framing-bg); color: var(--framing); }
.badge.q-same { background: var(--agree-bg); color: var(--agree); }
.badge.q-single { background: var(--single-bg); color: var(--single); }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.pair figure { margin: 0; }
.pair blockquote { margin: 0; }
.pair figcaption { font-size: .88em; color: var(--muted); margin-top: .3rem; }
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
body.only-disagreements .quote-pair:not(.dis), body.only-disagreements .single-quotes { display: none; }
@media (max-width: 50rem) { body { padding: 1rem; } .pair { grid-template-columns: 1fr; } }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { padding: 0; font-size: 10pt; }
  nav, .filter { display: none !important; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  .fact, .quote-pair, ol.evidence li, tr { break-inside: avoid; }
  .matrix { font-size: 8.5pt; }
}
"#;

fn quote_is_disagreement(status: QuoteStatus) -> bool {
    matches!(
        status,
        QuoteStatus::AttributionConflict | QuoteStatus::Reworded
    )
}

fn quote_marker(s: QuoteStatus) -> &'static str {
    match s {
        QuoteStatus::AttributionConflict => "✗",
        QuoteStatus::Reworded => "≠",
        QuoteStatus::Same => "✓",
        QuoteStatus::Single => "·",
    }
}

/// The Content-Security-Policy of every report: no loads at all, inline style, our script.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{}'; \
         img-src 'none'; base-uri 'none'; form-action 'none'",
        base64(&sha256(SCRIPT.as_bytes()))
    )
}

/// `crosscheck check --format html`.
pub fn write_check(r: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut h = String::with_capacity(256 * 1024);
    page(r, &mut h).map_err(io::Error::other)?;
    out.write_all(h.as_bytes())
}

fn page(r: &Report, h: &mut String) -> std::fmt::Result {
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
    matrix(r, h)?;
    sources(r, h)?;
    writeln!(h, "<section id=\"facts\">")?;
    writeln!(h, "<h2>Evidence</h2>")?;
    for (n, f) in r.facts.iter().enumerate() {
        fact(r, n, f, h)?;
    }
    writeln!(h, "</section>")?;
    quotes(r, h)?;
    names(r, h)?;
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
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
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

fn sources(r: &Report, h: &mut String) -> std::fmt::Result {
    writeln!(h, "<section id=\"sources\">")?;
    writeln!(h, "<h2>Sources</h2>")?;
    writeln!(h, "<table class=\"sources\">")?;
    writeln!(
        h,
        "<thead><tr><th>#</th><th>File</th><th>Outlet</th><th>Title</th><th>Published</th></tr></thead>"
    )?;
    writeln!(h, "<tbody>")?;
    for s in &r.sources {
        writeln!(
            h,
            "<tr id=\"source-{}\"><td>[{}]</td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            s.number,
            s.number,
            escape(&s.file),
            escape(&s.source),
            escape(s.title.as_deref().unwrap_or("")),
            escape(s.published.as_deref().unwrap_or("unknown")),
        )?;
    }
    writeln!(h, "</tbody>")?;
    writeln!(h, "</table>")?;
    writeln!(h, "</section>")
}

fn status_class(s: Status) -> String {
    format!("s-{}", s.name())
}

fn matrix(r: &Report, h: &mut String) -> std::fmt::Result {
    writeln!(h, "<section id=\"matrix\">")?;
    writeln!(h, "<h2>Facts × sources</h2>")?;
    writeln!(h, "<div class=\"scroll\">")?;
    writeln!(h, "<table class=\"matrix\">")?;
    write!(h, "<thead><tr><th>Fact</th><th>Status</th>")?;
    for s in &r.sources {
        write!(
            h,
            "<th class=\"src-head\" title=\"{}\">[{}]<span class=\"outlet\">{}</span></th>",
            escape(&s.file),
            s.number,
            escape(&s.source)
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
        for s in &r.sources {
            match f.cells.iter().find(|c| c.source_number == s.number) {
                Some(c) => {
                    // In a conflict, only the sources whose values clash are marked as
                    // conflicting; a source compatible with every other stays "loose".
                    let cell_status = if f.status == Status::Conflict
                        && !c
                            .evidence
                            .iter()
                            .any(|i| f.conflicts.iter().any(|(a, b)| a == i || b == i))
                    {
                        Status::Loose
                    } else {
                        f.status
                    };
                    let class = status_class(cell_status);
                    let values: Vec<String> = c
                        .values
                        .iter()
                        .map(|v| format!("<span class=\"v\">{}</span>", escape(v)))
                        .collect();
                    let target = c
                        .evidence
                        .first()
                        .map_or(format!("fact-{n}"), |i| format!("ev-{i}"));
                    write!(
                        h,
                        "<td class=\"cell {class}\" data-source=\"{}\"><a href=\"#{target}\" title=\"{} in {}\">{}</a></td>",
                        s.number,
                        cell_status,
                        escape(&s.file),
                        values.concat()
                    )?;
                }
                None => write!(
                    h,
                    "<td class=\"cell empty\" data-source=\"{}\">–</td>",
                    s.number
                )?,
            }
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

fn fact(r: &Report, n: usize, f: &FactReport, h: &mut String) -> std::fmt::Result {
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
    if f.cells.is_empty() {
        writeln!(h, "<p class=\"note\">No source states it.</p>")?;
    } else {
        writeln!(h, "<ol class=\"evidence\">")?;
        for c in &f.cells {
            for &i in &c.evidence {
                let e = &r.evidence[i];
                let (pre, mid, post) = e.split_sentence();
                writeln!(
                    h,
                    "<li id=\"ev-{i}\"><span class=\"src\">[{}]</span><span class=\"val\">{}</span><span class=\"where\">{}:{}:{}</span>",
                    e.source_number,
                    escape(&e.display),
                    escape(&e.file),
                    e.line,
                    e.column
                )?;
                writeln!(
                    h,
                    "<blockquote>{}<mark>{}</mark>{}</blockquote></li>",
                    escape(pre),
                    escape(mid),
                    escape(post)
                )?;
            }
        }
        writeln!(h, "</ol>")?;
    }
    for d in &f.disagreements {
        writeln!(h, "<p class=\"why\">! {}</p>", escape(d))?;
    }
    for note in &f.notes {
        writeln!(h, "<p class=\"note\">Note: {}</p>", escape(note))?;
    }
    writeln!(h, "</article>")
}

fn speaker(q: &QuoteEntry) -> String {
    let who = q.speaker.as_deref().unwrap_or("no speaker found");
    let how = match q.attribution {
        Some(Attribution::Pronoun) => " (“he/she said”)",
        Some(Attribution::Continuation) => " (continued quotation)",
        Some(Attribution::Reference) => " (“the statement said”)",
        _ => "",
    };
    match &q.description {
        Some(d) => format!("<strong>{}</strong>{how} — {}", escape(who), escape(d)),
        None => format!("<strong>{}</strong>{how}", escape(who)),
    }
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

fn quotes(r: &Report, h: &mut String) -> std::fmt::Result {
    writeln!(h, "<section id=\"quotes\">")?;
    writeln!(h, "<h2>Quotations</h2>")?;
    let pairs: Vec<_> = r
        .quote_findings
        .iter()
        .filter(|f| f.quotes.len() == 2)
        .collect();
    if pairs.is_empty() {
        writeln!(
            h,
            "<p class=\"note\">No quotation appears in more than one source.</p>"
        )?;
    }
    for (n, f) in pairs.iter().enumerate() {
        let (a, b) = (&r.quotes[f.quotes[0]], &r.quotes[f.quotes[1]]);
        let class = format!("q-{}", f.status.name());
        let dis = if quote_is_disagreement(f.status) {
            " dis"
        } else {
            ""
        };
        writeln!(
            h,
            "<article class=\"quote-pair {class}{dis}\" id=\"quote-pair-{n}\">"
        )?;
        writeln!(
            h,
            "<h3><span class=\"badge {class}\">{} {}</span> [{}] and [{}], similarity {:.2}</h3>",
            quote_marker(f.status),
            f.status.name(),
            a.source_number,
            b.source_number,
            f.similarity.unwrap_or(0.0)
        )?;
        writeln!(h, "<div class=\"pair\">")?;
        for q in [a, b] {
            writeln!(
                h,
                "<figure><blockquote>“{}”</blockquote><figcaption>[{}] {} · <span class=\"where\">{}:{}:{}</span></figcaption></figure>",
                escape(&q.text),
                q.source_number,
                speaker(q),
                escape(&q.file),
                q.line,
                q.column
            )?;
        }
        writeln!(h, "</div>")?;
        writeln!(h, "<p class=\"diff\">{}</p>", diff(&f.diff))?;
        writeln!(h, "</article>")?;
    }
    let paired: std::collections::HashSet<usize> = pairs
        .iter()
        .flat_map(|f| f.quotes.iter().copied())
        .collect();
    let singles: Vec<(usize, &QuoteEntry)> = r
        .quotes
        .iter()
        .enumerate()
        .filter(|(i, q)| q.kind == QuoteKind::Quote && !paired.contains(i))
        .collect();
    if !singles.is_empty() {
        writeln!(h, "<div class=\"single-quotes\">")?;
        writeln!(h, "<h3>In one source only ({})</h3>", singles.len())?;
        writeln!(h, "<ul>")?;
        for (i, q) in singles {
            writeln!(
                h,
                "<li id=\"quote-{i}\">[{}] {}{}: “{}” <span class=\"where\">{}:{}:{}</span></li>",
                q.source_number,
                speaker(q),
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
        writeln!(h, "</div>")?;
    }
    writeln!(h, "</section>")
}

fn names(r: &Report, h: &mut String) -> std::fmt::Result {
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
    for n in &r.names {
        for s in &n.spellings {
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
            let places: Vec<String> = s
                .uses
                .iter()
                .map(|u| {
                    format!(
                        "<span title=\"{}\">[{}] {}:{}</span>",
                        escape(&u.sentence),
                        u.source_number,
                        u.line,
                        u.column
                    )
                })
                .collect();
            writeln!(
                h,
                "<tr><td>{}</td><td>“{}”</td><td class=\"kind-{class}\">{}{note}</td><td class=\"where\">{}</td></tr>",
                escape(&n.canonical),
                escape(&s.text),
                kind,
                places.join(", ")
            )?;
        }
    }
    writeln!(h, "</tbody>")?;
    writeln!(h, "</table>")?;
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

// ── SHA-256 (FIPS 180-4), for the script's hash in the CSP ───────────────────────

const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

/// SHA-256 of `data`.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    let mut hs: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut msg = data.to_vec();
    let bits = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bits.to_be_bytes());
    for block in msg.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = hs;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in hs.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (i, x) in hs.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// Standard base64 with padding.
pub fn base64(data: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn sha256_matches_the_standard_vectors() {
        // FIPS 180-2, appendix B.1 and B.2, and the empty message.
        assert_eq!(
            hex(&sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(&sha256(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(
            hex(&sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn base64_pads() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn article_text_is_escaped() {
        assert_eq!(
            escape("<script>alert(1)</script> & \"x\" 'y'"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;"
        );
    }
}
