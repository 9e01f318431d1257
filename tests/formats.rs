//! Every output format on the bundled story (snapshots plus checks of what each must
//! hold), `--output` for each, and hostile article text coming out inert.

mod common;

use std::fs;

use common::run;

fn ok(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

// ── Snapshots ────────────────────────────────────────────────────────────────────

#[test]
fn check_json_snapshot() {
    let out = ok(&["check", "--format", "json"]);
    common::insta_settings().bind(|| insta::assert_snapshot!("check_json", out));
}

#[test]
fn check_markdown_snapshot() {
    let out = ok(&["check", "--format", "markdown"]);
    common::insta_settings().bind(|| insta::assert_snapshot!("check_markdown", out));
}

#[test]
fn check_html_snapshot() {
    let out = ok(&["check", "--format", "html"]);
    common::insta_settings().bind(|| insta::assert_snapshot!("check_html", out));
}

#[test]
fn check_csv_wide_snapshot() {
    let out = ok(&["check", "--format", "csv", "--wide"]);
    common::insta_settings().bind(|| insta::assert_snapshot!("check_csv_wide", out));
}

#[test]
fn check_text_80_columns_snapshot() {
    let out = ok(&["check", "--width", "80"]);
    common::insta_settings().bind(|| insta::assert_snapshot!("check_text_80", out));
}

#[test]
fn check_text_colour_snapshot() {
    let out = ok(&["check", "--width", "80", "--color", "always"]);
    common::insta_settings().bind(|| insta::assert_snapshot!("check_text_color", out));
}

// ── JSON ─────────────────────────────────────────────────────────────────────────

#[test]
fn json_document_holds_the_whole_run() {
    let doc: serde_json::Value = serde_json::from_str(&ok(&["check", "--format", "json"])).unwrap();
    assert_eq!(doc["version"], 3);
    assert_eq!(doc["articles"].as_array().unwrap().len(), 5);
    assert_eq!(doc["rules"]["files"][0], "rules/kazakhstan-2022.toml");
    let facts = doc["rules"]["facts"].as_array().unwrap();
    assert_eq!(facts.len(), 10);
    assert_eq!(facts[1]["id"], "ua.border_troops");
    assert_eq!(facts[1]["kind"], "quantity");
    let findings = doc["findings"].as_array().unwrap();
    let status = |id: &str| {
        findings.iter().find(|f| f["fact"] == id).unwrap()["status"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(status("ua.border_troops"), "conflict");
    assert_eq!(status("kz.deployment_day"), "conflict");
    assert_eq!(status("kz.action"), "framing");
    assert_eq!(status("kz.troops"), "agree");
    // Every cell points at observations of its own fact and source.
    let obs = doc["observations"].as_array().unwrap();
    for f in findings {
        for c in f["cells"].as_array().unwrap() {
            for i in c["evidence"].as_array().unwrap() {
                let o = &obs[i.as_u64().unwrap() as usize];
                assert_eq!(o["fact"], f["fact"]);
                assert_eq!(o["source_number"], c["source_number"]);
            }
        }
    }
    // A span is a byte range of the file as on disk: it holds the value's words.
    let o = obs
        .iter()
        .find(|o| o["fact"] == "ua.border_troops" && o["value"] == ">=100000")
        .unwrap();
    let text = fs::read_to_string(
        common::root()
            .join("corpus")
            .join(o["file"].as_str().unwrap()),
    )
    .unwrap();
    let (a, b) = (
        o["span"]["start"].as_u64().unwrap() as usize,
        o["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[a..b], "at least 100,000");
    // The Lukyanov card: reworded, two members, the longer AP wording the reference, the
    // other member's diff from it as tagged words; one person, no conflict.
    let card = doc["quote_findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["status"] == "reworded")
        .unwrap();
    let q0 = &doc["quotes"][card["quotes"][0].as_u64().unwrap() as usize];
    assert_eq!(q0["speaker"], "Fyodor Lukyanov");
    assert_eq!(q0["kind"], "quote");
    let members = card["members"].as_array().unwrap();
    assert_eq!(members.len(), 2);
    assert_eq!(members[1]["wording"], "reference");
    assert_eq!(card["reference"], members[1]["quote"]);
    assert_eq!(members[0]["wording"], "reworded");
    assert!(
        members[0]["diff"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!({"op": "added", "text": "is reminding"}))
    );
    assert_eq!(card["people"][0]["name"], "Fyodor Lukyanov");
    assert!(card["conflicts"].as_array().unwrap().is_empty());
}

#[test]
fn jsonl_is_one_typed_object_per_line() {
    let out = ok(&["extract", "--format", "jsonl"]);
    let csv_rows = ok(&["extract", "--format", "csv"]).lines().count() - 1;
    let mut types = std::collections::BTreeMap::<String, usize>::new();
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        *types
            .entry(v["type"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    // A header, the same rows as the CSV in the same three groups, then the map
    // records: one per article (docs/output.md).
    let articles = 5;
    assert_eq!(out.lines().count(), 1 + csv_rows + articles);
    assert_eq!(
        types.keys().collect::<Vec<_>>(),
        ["article", "header", "name", "observation", "quote"]
    );
    assert_eq!((types["header"], types["article"]), (1, articles));
    let mut lines = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap());
    let header = lines.next().unwrap();
    assert_eq!(header["schema"], 1);
    let first = lines.next().unwrap();
    assert_eq!(first["type"], "observation");
    assert!(first["span"]["start"].is_u64() && first["line"].is_u64());
    let rows: Vec<String> = lines
        .map(|l| l["type"].as_str().unwrap().to_string())
        .collect();
    // The report's rows first, the map records last.
    let first_article = rows.iter().position(|t| t == "article").unwrap();
    assert!(rows[first_article..].iter().all(|t| t == "article"));
}

#[test]
fn formats_that_do_not_fit_the_subcommand_are_usage_errors() {
    for args in [
        &["check", "--format", "jsonl"][..],
        &["extract", "--format", "html"],
        &["extract", "--format", "markdown"],
        &["check", "--format", "json", "--wide"],
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(
            out.is_empty() && err.starts_with("error: "),
            "{args:?}: {err}"
        );
    }
}

// ── Wide CSV ─────────────────────────────────────────────────────────────────────

#[test]
fn wide_csv_has_a_column_per_source() {
    let out = ok(&["check", "--format", "csv", "--wide"]);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        header,
        [
            "fact",
            "label",
            "kind",
            "status",
            // Headed by outlet (front matter `source`), as a desk knows them.
            "Associated Press (republished by an aggregator)",
            "Associated Press",
            "CGTN (opinion)",
            "The Irish Times",
            "Eurasia Daily Monitor (Jamestown Foundation)"
        ]
    );
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(rows.len(), 10, "one row per fact");
    let ua = rows.iter().find(|r| r[0] == "ua.border_troops").unwrap();
    assert_eq!(ua[3], "conflict");
    assert_eq!(
        &ua[4..],
        [">=100000", "~100000", "~100000", "10000..99999", ""]
    );
    let action = rows.iter().find(|r| r[0] == "kz.action").unwrap();
    assert_eq!(action[4], "deployment; invasion");
    assert_eq!(action[7], "deployment; peacekeeping");
}

// ── Text: width and colour ───────────────────────────────────────────────────────

fn widest_line(s: &str) -> usize {
    s.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

#[test]
fn text_fits_the_width_it_is_given() {
    for w in [60, 80, 100, 120] {
        let out = ok(&["check", "--width", &w.to_string()]);
        assert!(widest_line(&out) <= w, "width {w}: {}", widest_line(&out));
        // Nothing is lost to the wrapping: every fact and the Lukyanov diff (from the card's
        // reference wording, the longer one, to the other) are there.
        assert!(out.contains("ua.border_troops") && out.contains("[-nonstandard-]"));
    }
    // Very narrow: one block per fact, still within the width where words allow.
    let narrow = ok(&["check", "--width", "40"]);
    assert!(
        narrow.contains("ua.border_troops  ✗ conflict\n    [1] >=100000"),
        "{narrow}"
    );
}

#[test]
fn wide_terminal_keeps_the_matrix() {
    let out = ok(&["check", "--width", "200"]);
    let header = out.lines().find(|l| l.starts_with("Fact ")).unwrap();
    assert!(header.contains("[1]") && header.contains("[5]"), "{header}");
    // The same table as with no limit at all.
    let unlimited = ok(&["check", "--width", "0"]);
    let table = |s: &str| s[s.find("Fact ").unwrap()..s.find("✗ conflict  ≠").unwrap()].to_string();
    assert_eq!(table(&out), table(&unlimited));
}

#[test]
fn table_cells_shrink_before_the_table_changes_layout() {
    // 120 columns: the matrix stays, its widest cells cut with an ellipsis.
    let out = ok(&["check", "--width", "120"]);
    let header = out.lines().find(|l| l.starts_with("Fact ")).unwrap();
    assert!(header.contains("[5]"), "{header}");
    let action = out.lines().find(|l| l.starts_with("kz.action ")).unwrap();
    assert!(
        action.contains('…') && action.chars().count() <= 120,
        "{action}"
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = ok(&["check", "--width", "80"]);
    assert!(!plain.contains('\x1b'));
    let never = ok(&["check", "--width", "80", "--color", "never"]);
    assert_eq!(never, plain);
    let colour = ok(&["check", "--width", "80", "--color", "always"]);
    assert!(colour.contains("\x1b[31m✗ conflict"), "conflict in red");
    assert!(colour.contains("\x1b[35m≠ framing"), "framing in magenta");
    assert!(colour.contains("\x1b[32m✓ agree"), "agree in green");
    assert!(
        colour.contains("\x1b[31m[-make-]\x1b[0m"),
        "removed words red"
    );
    assert!(
        colour.contains("\x1b[32m{+take+}\x1b[0m"),
        "added words green"
    );
    // Without the escape codes, the coloured page is the plain page.
    let stripped = strip_ansi(&colour);
    assert_eq!(stripped, plain);
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut esc = false;
    for c in s.chars() {
        if esc {
            esc = c != 'm';
        } else if c == '\x1b' {
            esc = true;
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn terminal_decides_width_and_colour() {
    use crosscheck::cli::{ColorChoice, Terminal};
    let tty = Terminal {
        is_terminal: true,
        columns: Some(132),
        columns_env: None,
        no_color: None,
    };
    assert_eq!(tty.width(None, false), Some(132));
    assert_eq!(
        tty.width(None, true),
        Some(100),
        "a file is not the terminal"
    );
    assert_eq!(tty.width(Some(0), false), None, "--width 0: no limit");
    assert_eq!(tty.width(Some(70), false), Some(70));
    let env = Terminal {
        columns_env: Some("90".into()),
        ..tty.clone()
    };
    assert_eq!(
        env.width(None, false),
        Some(90),
        "COLUMNS wins over the terminal"
    );
    assert_eq!(Terminal::default().width(None, false), Some(100));
    assert!(tty.color(ColorChoice::Auto, false));
    assert!(!tty.color(ColorChoice::Auto, true), "not into a file");
    assert!(
        !Terminal::default().color(ColorChoice::Auto, false),
        "not into a pipe"
    );
    assert!(Terminal::default().color(ColorChoice::Always, false));
    assert!(!tty.color(ColorChoice::Never, false));
    let no_color = Terminal {
        no_color: Some("1".into()),
        ..tty.clone()
    };
    assert!(!no_color.color(ColorChoice::Auto, false), "NO_COLOR set");
    assert!(
        no_color.color(ColorChoice::Always, false),
        "--color always beats NO_COLOR"
    );
    let empty = Terminal {
        no_color: Some(String::new()),
        ..tty.clone()
    };
    assert!(
        empty.color(ColorChoice::Auto, false),
        "an empty NO_COLOR is not set"
    );
}

// ── --output ─────────────────────────────────────────────────────────────────────

#[test]
fn every_format_writes_the_same_bytes_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    for (cmd, format) in [
        ("check", "text"),
        ("check", "csv"),
        ("check", "json"),
        ("check", "markdown"),
        ("check", "html"),
        ("extract", "text"),
        ("extract", "csv"),
        ("extract", "json"),
        ("extract", "jsonl"),
    ] {
        let path = dir.path().join(format!("{cmd}.{format}"));
        let (code, out, err) = run(&[cmd, "--format", format, "-o", path.to_str().unwrap()]);
        assert_eq!(code, 0, "{cmd} {format}: {err}");
        assert!(out.is_empty(), "{cmd} {format}: nothing on stdout");
        let stdout = ok(&[cmd, "--format", format]);
        assert_eq!(fs::read_to_string(&path).unwrap(), stdout, "{cmd} {format}");
    }
    // Only the reports: no temporary file left behind.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 9);
}

#[test]
fn every_format_is_deterministic() {
    for format in ["json", "markdown", "html"] {
        assert_eq!(
            ok(&["check", "--format", format]),
            ok(&["check", "--format", format])
        );
    }
}

// ── Hostile article text ─────────────────────────────────────────────────────────

fn hostile(format: &[&str]) -> String {
    let dir = common::hostile_corpus();
    let mut args = format.to_vec();
    let corpus = dir.path().to_str().unwrap().to_string();
    args.extend(["--corpus", &corpus]);
    ok(&args)
}

#[test]
fn csv_neutralises_formulas_from_article_text() {
    for args in [
        &["extract", "--format", "csv"][..],
        &["check", "--format", "csv"],
        &["check", "--format", "csv", "--wide"],
    ] {
        let out = hostile(args);
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(out.as_bytes());
        let mut neutralised = 0;
        for rec in r.records() {
            for cell in rec.unwrap().iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{args:?}: live formula {cell:?}"
                );
                neutralised += usize::from(cell.starts_with("'=HYPERLINK"));
            }
        }
        assert!(
            neutralised > 0,
            "{args:?}: the hostile text reached the CSV: {out}"
        );
    }
}

#[test]
fn html_shows_article_scripts_as_text() {
    let out = hostile(&["check", "--format", "html"]);
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!out.contains("<script>alert"));
    // One script element: ours.
    assert_eq!(out.matches("<script").count(), 1);
    assert!(out.contains("=HYPERLINK(&quot;x&quot;)"));
}

#[test]
fn markdown_escapes_article_markup() {
    let out = hostile(&["check", "--format", "markdown"]);
    assert!(out.contains("\\<script>alert(1)\\</script>"), "{out}");
    // Every `<` is escaped: no HTML from article text reaches a Markdown renderer.
    assert_eq!(out.matches('<').count(), out.matches("\\<").count());
    // A pipe in article text does not split a table cell or a quote.
    assert!(
        out.contains("border \\| \\*bold\\* \\_it\\_ \\`code\\`"),
        "{out}"
    );
}

#[test]
fn html_has_no_network_loads() {
    let out = ok(&["check", "--format", "html"]);
    let csp = out
        .lines()
        .find(|l| l.contains("Content-Security-Policy"))
        .unwrap();
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'sha256-"));
    for pattern in ["src=", "url(", "@import", "http://", "https://", "<link"] {
        assert!(!out.contains(pattern), "{pattern} in the page");
    }
}

// ── One comparison, every format ────────────────────────────────────────────────

/// A made-up story: three sources give three different days, a fourth repeats the first
/// source's day, a fifth gives only the month (compatible with every day in it).
fn three_dates() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("rules.toml"),
        "[[fact]]\nid = \"bridge.opened\"\nlabel = \"Day the bridge opened\"\nkind = \"date\"\n\
         patterns = ['opened\\b[^.]{0,20}?{date}']\n",
    )
    .unwrap();
    fs::create_dir(dir.path().join("corpus")).unwrap();
    for (file, outlet, when, who) in [
        ("a.txt", "North Gazette", "on March 3, 2021", "officials"),
        ("b.txt", "South Herald", "on March 4, 2021", "the mayor"),
        ("c.txt", "East Post", "on March 5, 2021", "residents"),
        ("d.txt", "West Times", "on March 3, 2021", "the council"),
        ("e.txt", "Central Wire", "in March 2021", "an engineer"),
    ] {
        fs::write(
            dir.path().join("corpus").join(file),
            format!("---\nsource: {outlet}\n---\nThe river bridge opened {when}, {who} said.\n"),
        )
        .unwrap();
    }
    let path = |p: &str| dir.path().join(p).to_str().unwrap().to_string();
    let (rules, corpus) = (path("rules.toml"), path("corpus"));
    (dir, rules, corpus)
}

/// Each format's picture of which sources are in conflict, read from its own output.
/// Expected by hand: a/d (March 3), b (March 4) and c (March 5) conflict pairwise; e
/// ("March 2021") is compatible with all of them, so it is not in conflict.
#[test]
fn every_format_shows_the_same_cells_in_conflict() {
    let (_dir, rules, corpus) = three_dates();
    let check = |format: &str| {
        ok(&[
            "check", "--rules", &rules, "--corpus", &corpus, "--format", format,
        ])
    };
    let expected: Vec<(usize, &str)> = vec![
        (1, "conflict"),
        (2, "conflict"),
        (3, "conflict"),
        (4, "conflict"),
        (5, "loose"),
    ];
    let files = ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"];
    let in_conflict: Vec<usize> = expected
        .iter()
        .filter(|(_, s)| *s == "conflict")
        .map(|(n, _)| *n)
        .collect();

    // JSON: each cell's status.
    let json: serde_json::Value = serde_json::from_str(&check("json")).unwrap();
    let cells: Vec<(usize, String)> = json["findings"][0]["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["source_number"].as_u64().unwrap() as usize,
                c["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want: Vec<(usize, String)> = expected.iter().map(|(n, s)| (*n, s.to_string())).collect();
    assert_eq!(cells, want, "json");

    // HTML: each matrix cell's class.
    let html = check("html");
    let re = regex::Regex::new(r#"<td class="cell s-(\w+)" data-source="(\d+)">"#).unwrap();
    let cells: Vec<(usize, String)> = re
        .captures_iter(&html)
        .map(|c| (c[2].parse().unwrap(), c[1].to_string()))
        .collect();
    assert_eq!(cells, want, "html");

    // GitHub: the files that get a conflict warning.
    let github = check("github");
    let flagged: Vec<usize> = (1..=files.len())
        .filter(|n| {
            github
                .lines()
                .any(|l| l.starts_with(&format!("::warning file={corpus}/{}", files[n - 1])))
        })
        .collect();
    assert_eq!(flagged, in_conflict, "github:\n{github}");

    // Text: the files named in the fact's "!" lines.
    let text = check("text");
    let bangs: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with("! "))
        .collect();
    // One line per value in conflict, naming the first value it cannot be true with: March 3
    // and March 4 name each other (one line), March 5 names March 3; not one per pair (3).
    assert_eq!(bangs.len(), 2, "{text}");
    let named: Vec<usize> = (1..=files.len())
        .filter(|n| bangs.iter().any(|l| l.contains(files[n - 1])))
        .collect();
    assert_eq!(named, in_conflict, "text:\n{text}");

    // Markdown: the summary table's bold cells.
    let md = check("markdown");
    let row = md
        .lines()
        .find(|l| l.starts_with("| **bridge.opened**"))
        .unwrap();
    let bold: Vec<usize> = row
        .split(" | ")
        .skip(2)
        .enumerate()
        .filter(|(_, c)| {
            c.trim_matches(|ch| ch == '|' || ch == ' ')
                .starts_with("**")
        })
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(bold, in_conflict, "markdown:\n{row}");
}

/// Annotations name the other side in words: "a.txt and d.txt say", not "a.txt, d.txt says".
#[test]
fn annotations_say_who_says_what_in_words() {
    let (_dir, rules, corpus) = three_dates();
    let github = ok(&[
        "check", "--rules", &rules, "--corpus", &corpus, "--format", "github",
    ]);
    assert!(
        github.contains("a.txt and d.txt say 2021-03-03"),
        "{github}"
    );
    assert!(github.contains("b.txt says 2021-03-04"), "{github}");
    assert!(!github.contains(", d.txt says"), "{github}");
}

/// Two articles of one outlet: each column still names one source.
#[test]
fn wide_csv_headers_name_one_source_each() {
    let dir = tempfile::tempdir().unwrap();
    for (file, outlet) in [
        ("x.txt", "Daily Ledger"),
        ("y.txt", "Daily Ledger"),
        ("z.txt", ""),
    ] {
        let front = if outlet.is_empty() {
            String::new()
        } else {
            format!("---\nsource: {outlet}\n---\n")
        };
        fs::write(
            dir.path().join(file),
            format!("{front}Valdoria sent 2,000 troops to the border.\n"),
        )
        .unwrap();
    }
    let out = ok(&[
        "check",
        dir.path().to_str().unwrap(),
        "--format",
        "csv",
        "--wide",
    ]);
    let header = out.lines().next().unwrap();
    assert_eq!(
        header,
        "fact,label,kind,status,Daily Ledger (x.txt),Daily Ledger (y.txt),z.txt"
    );
}

/// `check --format csv` for a spreadsheet: a column to filter rows by type, the evidence
/// sentence, and each cell's state from the comparison.
#[test]
fn check_csv_has_row_types_and_sentences() {
    let out = ok(&["check", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    // New columns come after the old ones.
    assert_eq!(col("raw"), 9);
    let (row_type, sentence, cell) = (col("row_type"), col("sentence"), col("cell_status"));
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect();
    for (kind, fact) in [
        ("fact", None),
        ("quote", Some("quote")),
        ("name", Some("name")),
    ] {
        let of: Vec<&Vec<String>> = rows.iter().filter(|x| x[row_type] == kind).collect();
        assert!(!of.is_empty(), "no {kind} rows");
        if let Some(fact) = fact {
            assert!(of.iter().all(|x| x[0] == fact), "{kind}");
        }
        // Every row stating something shows the sentence it was read from, holding its words.
        for x in of.iter().filter(|x| !x[9].is_empty()) {
            assert!(
                x[sentence].contains(&x[9]),
                "{kind}: {:?} not in {:?}",
                x[9],
                x[sentence]
            );
        }
    }
    // The same cell states as the other formats: in ua.border_troops, [1] and [4] conflict,
    // the two ~100000 sources are compatible with both.
    let ua: Vec<(&str, &str)> = rows
        .iter()
        .filter(|x| x[0] == "ua.border_troops")
        .map(|x| (x[8].as_str(), x[cell].as_str()))
        .collect();
    assert_eq!(
        ua,
        [
            (">=100000", "conflict"),
            ("~100000", "loose"),
            ("~100000", "loose"),
            ("10000..99999", "conflict"),
        ]
    );
}

/// The JSON Schema generated from the report's types (docs/report.schema.json, kept
/// current by this test: `UPDATE_SCHEMA=1 cargo test --test formats json_schema` rewrites
/// it) holds for real reports: the bundled story, extract, made-up dates, hostile text.
#[test]
fn json_schema_is_current_and_reports_follow_it() {
    let schema = crosscheck::report::json::schema();
    let path = common::root().join("docs/report.schema.json");
    let written = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        fs::write(&path, &written).unwrap();
    }
    assert_eq!(
        fs::read_to_string(&path).unwrap_or_default(),
        written,
        "docs/report.schema.json is not the schema of the types: UPDATE_SCHEMA=1 cargo test --test formats json_schema"
    );
    let validator = jsonschema::validator_for(&schema).unwrap();
    let (_dir, rules, corpus) = three_dates();
    let reports = [
        ok(&["check", "--format", "json"]),
        ok(&["extract", "--format", "json"]),
        ok(&[
            "check", "--rules", &rules, "--corpus", &corpus, "--format", "json",
        ]),
        hostile(&["check", "--format", "json"]),
    ];
    for out in &reports {
        let doc: serde_json::Value = serde_json::from_str(out).unwrap();
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
    // It can fail: a report with a field of the wrong type does not validate.
    let mut doc: serde_json::Value = serde_json::from_str(&reports[0]).unwrap();
    doc["findings"][0]["cells"][0]["status"] = serde_json::json!(7);
    assert!(!validator.is_valid(&doc));
}
