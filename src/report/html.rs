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

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest as _, Sha256};

use super::cards::{QuoteCards, Speaker, quote_is_disagreement};
use super::{FactReport, Report};
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
                    let cell_status = c.status;
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

fn quotes(r: &Report, h: &mut String) -> std::fmt::Result {
    let model = QuoteCards::of(r);
    writeln!(h, "<section id=\"quotes\">")?;
    writeln!(h, "<h2>Quotations</h2>")?;
    if model.cards.is_empty() {
        writeln!(
            h,
            "<p class=\"note\">No quotation appears in more than one source.</p>"
        )?;
    }
    for (n, card) in model.cards.iter().enumerate() {
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
        writeln!(
            h,
            "<h3><span class=\"badge {class}\">{} {}</span> {}{who}</h3>",
            card.marker,
            card.status.name(),
            escape(&card.sources),
        )?;
        writeln!(h, "<div class=\"members\">")?;
        for m in &card.members {
            let q = m.quote;
            writeln!(
                h,
                "<figure><blockquote>“{}”</blockquote><figcaption>[{}] {} · <span class=\"where\">{}:{}:{}</span> · {}</figcaption>",
                escape(&q.text),
                q.source_number,
                speaker(&m.speaker),
                escape(&q.file),
                q.line,
                q.column,
                escape(&m.note)
            )?;
            if m.changed {
                writeln!(h, "<p class=\"diff\">{}</p>", diff(&m.member.diff))?;
            }
            writeln!(h, "</figure>")?;
        }
        writeln!(h, "</div>")?;
        writeln!(h, "</article>")?;
    }
    let singles: Vec<_> = model.quotations.iter().filter(|q| q.only_here).collect();
    if !singles.is_empty() {
        writeln!(h, "<div class=\"single-quotes\">")?;
        writeln!(h, "<h3>In one source only ({})</h3>", singles.len())?;
        writeln!(h, "<ul>")?;
        for item in singles {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What a browser checks: the SHA-256 of the text between `<script>` and `</script>`,
    /// in base64, is the one the policy names.
    #[test]
    fn the_policy_pins_the_script_on_the_page_by_its_hash() {
        let r = Report {
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
        };
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

    #[test]
    fn article_text_is_escaped() {
        assert_eq!(
            escape("<script>alert(1)</script> & \"x\" 'y'"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;"
        );
    }
}
