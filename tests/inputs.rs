//! Inputs people have (issue #17) and corpora that fight back (issue #21), end to end: saved
//! web pages, JSON Lines and CSV feeds and standard input give the same facts as the folder
//! of text files they were made from; special files, folder documents and broken feed lines
//! are reported and the rest still runs.

mod common;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{root, run};
use serde_json::{Value, json};

/// An article of the bundled corpus: its front matter keys and its body.
struct Text {
    stem: String,
    meta: Vec<(String, String)>,
    body: String,
}

fn bundled() -> Vec<Text> {
    let mut paths: Vec<_> = fs::read_dir(root().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap();
            let rest = text.strip_prefix("---\n").expect("front matter");
            let (front, body) = rest.split_once("\n---\n").expect("closing ---");
            let meta = front
                .lines()
                .filter_map(|l| l.split_once(": "))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            Text {
                stem: p.file_stem().unwrap().to_string_lossy().into_owned(),
                meta,
                body: body.to_string(),
            }
        })
        .collect()
}

impl Text {
    fn get(&self, key: &str) -> &str {
        self.meta
            .iter()
            .find(|(k, _)| k == key)
            .map_or("", |(_, v)| v.as_str())
    }

    fn paragraphs(&self) -> Vec<String> {
        self.body
            .split("\n\n")
            .map(|p| p.trim().replace('\n', " "))
            .filter(|p| !p.is_empty())
            .collect()
    }

    /// A saved page of the article as a news site serves it: navigation, a cookie banner,
    /// an advertisement slot, related links and a footer around the article, its metadata
    /// in JSON-LD and Open Graph tags.
    fn page(&self) -> String {
        let esc = |s: &str| {
            s.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
        };
        let ld = json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.get("title"),
            "datePublished": self.get("published"),
            "publisher": {"@type": "Organization", "name": self.get("source")},
        });
        let paras: String = self
            .paragraphs()
            .iter()
            .map(|p| format!("<p>{}</p>\n", esc(p)))
            .collect();
        format!(
            r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | Site</title>
<meta property="og:site_name" content="{source}">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="https://news.example/{stem}">
<script type="application/ld+json">{ld}</script>
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. <button>Accept all</button></div>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></nav>
<div class="ad-slot">Advertisement</div>
<main><article>
<h1>{title}</h1>
{paras}</article></main>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul></aside>
<footer><p>Contact us | Terms | Privacy</p></footer>
</body></html>
"#,
            title = esc(self.get("title")),
            source = esc(self.get("source")),
            published = self.get("published"),
            stem = self.stem,
        )
    }

    /// The article as news-please writes it: one JSON object.
    fn news_please(&self) -> Value {
        json!({
            "maintext": self.paragraphs().join("\n"),
            "title": self.get("title"),
            "date_publish": format!("{} 00:00:00", self.get("published")),
            "source_domain": self.get("source"),
            "url": format!("https://news.example/{}", self.stem),
        })
    }
}

/// What a run found, without where: per fact its status and each source's values; each
/// observation's fact, source, value and sentence; each quotation with its speaker; each
/// name's spellings with the sources using them.
fn facts(report: &Value) -> Value {
    let pick = |key: &str, fields: &[&str]| -> Value {
        report[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| fields.iter().map(|f| o[*f].clone()).collect::<Vec<_>>())
            .collect::<Vec<_>>()
            .into()
    };
    let findings: Vec<Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let cells: Vec<Value> = f["cells"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| json!([c["source_number"], c["values"]]))
                .collect();
            json!([f["fact"], f["status"], cells])
        })
        .collect();
    let names: Vec<Value> = report["names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let spellings: Vec<Value> = n["spellings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| {
                    let users: Vec<&Value> = s["uses"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|u| &u["source_number"])
                        .collect();
                    json!([s["text"], users])
                })
                .collect();
            json!([n["canonical"], spellings])
        })
        .collect();
    let sources = pick("articles", &["source", "title", "published"]);
    json!({
        "sources": sources,
        "findings": findings,
        "observations": pick("observations", &["fact", "source_number", "value", "sentence"]),
        "quotes": pick("quotes", &["source_number", "text", "speaker"]),
        "names": names,
    })
}

fn json_report(corpus: &Path) -> Value {
    let (code, out, err) = run(&[
        "check",
        "--corpus",
        corpus.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(code <= 1, "exit {code}: {err}");
    serde_json::from_str(&out).unwrap()
}

fn texts_report() -> Value {
    json_report(&root().join("corpus"))
}

/// Each side's value where two differ, for a readable failure.
fn assert_same(want: &Value, got: &Value, what: &str) {
    for key in ["sources", "findings", "observations", "quotes", "names"] {
        assert_eq!(
            serde_json::to_string_pretty(&want[key]).unwrap(),
            serde_json::to_string_pretty(&got[key]).unwrap(),
            "{what}: {key} differ"
        );
    }
}

#[test]
fn saved_pages_of_the_bundled_corpus_give_the_same_facts_as_its_text() {
    let dir = tempfile::tempdir().unwrap();
    for a in bundled() {
        fs::write(dir.path().join(format!("{}.html", a.stem)), a.page()).unwrap();
    }
    let report = json_report(dir.path());
    assert_same(&facts(&texts_report()), &facts(&report), "pages");
    // The report says that line and column refer to the extracted text.
    for a in report["articles"].as_array().unwrap() {
        assert_eq!(a["extracted_text"], true, "{a}");
    }
}

#[test]
fn jsonl_and_csv_feeds_of_the_bundled_corpus_give_the_same_facts_as_its_text() {
    let want = facts(&texts_report());
    let dir = tempfile::tempdir().unwrap();
    let rows: Vec<Value> = bundled().iter().map(Text::news_please).collect();
    let jsonl: String = rows.iter().map(|r| format!("{r}\n")).collect();
    fs::write(dir.path().join("feed.jsonl"), &jsonl).unwrap();
    let report = json_report(&dir.path().join("feed.jsonl"));
    assert_same(&want, &facts(&report), "jsonl");
    let files: Vec<&str> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "feed.jsonl#L1",
            "feed.jsonl#L2",
            "feed.jsonl#L3",
            "feed.jsonl#L4",
            "feed.jsonl#L5"
        ]
    );

    // A scraper's CSV: text,title,published,source,url.
    let mut csv = csv::Writer::from_path(dir.path().join("feed.csv")).unwrap();
    csv.write_record(["text", "title", "published", "source", "url"])
        .unwrap();
    for a in bundled() {
        csv.write_record([
            a.paragraphs().join("\n\n").as_str(),
            a.get("title"),
            a.get("published"),
            a.get("source"),
            "https://news.example/x",
        ])
        .unwrap();
    }
    csv.flush().unwrap();
    drop(csv);
    let report = json_report(&dir.path().join("feed.csv"));
    assert_same(&want, &facts(&report), "csv");
}

fn binary() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    c.current_dir(root());
    c
}

/// Run the binary with `input` on standard input; (exit code, stdout, stderr).
fn with_stdin(args: &[&str], input: &[u8]) -> (i32, String, String) {
    let mut child = binary()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn standard_input_reads_one_article_or_a_jsonl_stream() {
    let one = "corpus/ap-lightning-deployment.txt";
    let (code, out, err) = with_stdin(
        &["check", "--corpus", "-", "--format", "json"],
        &fs::read(root().join(one)).unwrap(),
    );
    assert!(code <= 1, "{err}");
    let piped: Value = serde_json::from_str(&out).unwrap();
    let named = json_report(&root().join(one));
    assert_same(&facts(&named), &facts(&piped), "stdin");
    assert_eq!(piped["articles"][0]["file"], "stdin");

    let jsonl: String = bundled()
        .iter()
        .map(|a| format!("{}\n", a.news_please()))
        .collect();
    let (code, out, err) = with_stdin(
        &[
            "check",
            "--corpus",
            "-",
            "--corpus-format",
            "jsonl",
            "--format",
            "json",
        ],
        jsonl.as_bytes(),
    );
    assert!(code <= 1, "{err}");
    let piped: Value = serde_json::from_str(&out).unwrap();
    assert_same(&facts(&texts_report()), &facts(&piped), "jsonl on stdin");
    assert_eq!(piped["articles"][4]["file"], "stdin#L5");
}

#[test]
fn a_broken_feed_line_or_row_is_reported_with_its_line_and_the_rest_still_run() {
    for (feed, bad) in [
        (
            "feed.jsonl",
            "feed.jsonl:3:2: skipped: not a JSON object: key must be a string",
        ),
        (
            "feed.csv",
            "feed.csv:6:1: skipped: row has 2 fields, the header 5",
        ),
    ] {
        let path = format!("tests/fixtures/feeds/{feed}");
        let (code, out, err) = run(&["check", "--corpus", &path, "--width", "0"]);
        assert!(code <= 1, "{err}");
        assert!(out.contains(bad), "{feed}: {out}");
        assert!(err.contains(&format!("warning: {bad}")), "{err}");
        assert!(out.contains("3 articles"), "{out}");
        assert!(out.contains(&format!("{feed}#L")), "{out}");
    }
}

#[test]
fn the_fixture_pages_give_their_metadata_and_leave_page_furniture_out() {
    let (code, out, err) = run(&["extract", "--text", "--corpus", "tests/fixtures/pages"]);
    assert_eq!(code, 0, "{err}");
    for wanted in [
        // JSON-LD and og: metadata as front matter.
        "source: The Sylvania Herald",
        "published: 2023-05-04T09:30:00Z",
        "url: https://herald.example/world/freedonia-troops",
        // An AMP page and a page with only og: tags.
        "source: Marsovia Courier",
        "source: Ruritania Daily",
        // Boilerplate marked with its rule.
        "✂ Advertisement   [page marker]",
    ] {
        assert!(out.contains(wanted), "{wanted:?} missing:\n{out}");
    }
    for furniture in ["cookies", "Accept", "Home", "Subscribe"] {
        let line = out
            .lines()
            .find(|l| l.contains(furniture) && l.contains('│'));
        assert!(line.is_none(), "{furniture:?} kept: {line:?}");
    }
}

/// Run the binary on `args` and fail if it does not finish within 20 seconds.
fn finishes(args: &[&str]) -> (i32, String, String) {
    let mut child = binary()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("crosscheck {args:?} still running after 20 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[cfg(unix)]
#[test]
fn hostile_special_files_fifo_and_device_are_skipped_never_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        root().join("corpus/ap-lightning-deployment.txt"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    let fifo = dir.path().join("feed.txt");
    if !Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        return; // no mkfifo here
    }
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.txt")).unwrap();
    let d = dir.path().to_str().unwrap();
    let (code, out, err) = finishes(&["check", "--corpus", d, "--width", "0"]);
    assert!(code <= 1, "{err}");
    assert!(out.contains("1 article,"), "{out}");
    assert!(
        err.contains("feed.txt: skipped: not a regular file (a FIFO), not read"),
        "{err}"
    );
    assert!(
        err.contains("zero.txt: skipped: not a regular file (a character device), not read"),
        "{err}"
    );
    // Named on the command line: the same reason, not "no such file".
    let f = fifo.to_str().unwrap();
    let (_, _, err) = finishes(&["check", "--corpus", d, "--corpus", f, "--width", "0"]);
    assert!(err.contains("not a regular file (a FIFO)"), "{err}");
    assert!(!err.contains("no such file"), "{err}");
}

#[test]
fn hostile_folder_documents_without_front_matter_are_skipped_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        root().join("corpus/ap-lightning-deployment.txt"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    fs::write(
        dir.path().join("README.md"),
        "Where these articles come from: 3,000 of them, said Jane Roe.\n",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let (_, out, err) = run(&["check", "--corpus", d, "--width", "0"]);
    assert!(out.contains("1 article,"), "{out}");
    assert!(
        err.contains("README.md: skipped: a folder's README-like document"),
        "{err}"
    );
    // Named on the command line, it is read.
    let readme = dir.path().join("README.md");
    let (_, out, _) = run(&[
        "check",
        "--corpus",
        d,
        "--corpus",
        readme.to_str().unwrap(),
        "--width",
        "0",
    ]);
    assert!(out.contains("2 articles,"), "{out}");
}

#[test]
fn hostile_article_over_the_size_limit_is_skipped_with_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        root().join("corpus/ap-lightning-deployment.txt"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    fs::write(dir.path().join("big.txt"), "word ".repeat(2000)).unwrap();
    let d = dir.path().to_str().unwrap();
    let (_, out, err) = run(&[
        "check",
        "--corpus",
        d,
        "--max-article-size",
        "8K",
        "--width",
        "0",
    ]);
    assert!(out.contains("1 article,"), "{out}");
    assert!(
        err.contains("big.txt: skipped: larger than the limit of 8 KiB per article"),
        "{err}"
    );
}

/// The bundled article the walk tests copy around: its text, and a copy with another outlet.
fn article_as(source: &str) -> String {
    let text = fs::read_to_string(root().join("corpus/ap-lightning-deployment.txt")).unwrap();
    text.replacen("source: ", &format!("source: {source} — was "), 1)
}

#[cfg(unix)]
#[test]
fn hostile_files_dropped_added_or_confused_extensions_hidden_folders_same_names() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("a")).unwrap();
    fs::create_dir_all(d.join("b")).unwrap();
    fs::create_dir_all(d.join(".git")).unwrap();
    // Without front matter: their dates come from --published.
    let body = |s: String| s.split_once("\n---\n").unwrap().1.to_string();
    fs::write(d.join("a/x.txt"), body(article_as("Alpha"))).unwrap();
    fs::write(d.join("b/x.txt"), body(article_as("Beta"))).unwrap();
    fs::write(d.join("UPPER.TXT"), article_as("Upper")).unwrap();
    fs::write(d.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    fs::write(d.join(".draft.txt"), article_as("Draft")).unwrap();
    fs::write(d.join(".DS_Store"), "\0\0\0\x01Bud1").unwrap();
    let latin1 = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    fs::write(d.join(latin1), article_as("Cafe")).unwrap();
    let (code, out, err) = run(&["check", "--corpus", d.to_str().unwrap(), "--format", "json"]);
    assert!(code <= 1, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let files: Vec<&str> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["UPPER.TXT", "a/x.txt", "b/x.txt", "caf\\xE9.txt"]);
    assert!(
        err.contains(".git: skipped: a hidden folder, not read"),
        "{err}"
    );
    assert!(
        err.contains(".draft.txt: skipped: a hidden file, not read"),
        "{err}"
    );
    assert!(!err.contains("DS_Store"), "{err}");
    // --published names one of the two x.txt, not both.
    let (_, out, _) = run(&[
        "check",
        "--corpus",
        d.to_str().unwrap(),
        "--published",
        "a/x.txt=2020-02-02",
        "--format",
        "json",
    ]);
    let report: Value = serde_json::from_str(&out).unwrap();
    let dates: Vec<&Value> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["published"])
        .collect();
    assert_eq!(dates[1], "2020-02-02");
    assert_eq!(dates[2], &Value::Null);
}

#[cfg(unix)]
#[test]
fn hostile_a_link_to_the_folder_itself_reads_each_article_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("one.txt"), article_as("One")).unwrap();
    fs::create_dir(d.join("sub")).unwrap();
    fs::write(d.join("sub/two.txt"), article_as("Two")).unwrap();
    std::os::unix::fs::symlink(".", d.join("self")).unwrap();
    std::os::unix::fs::symlink("sub", d.join("again")).unwrap();
    let (code, out, err) = finishes(&["check", "--corpus", d.to_str().unwrap(), "--width", "0"]);
    assert!(code <= 1, "{err}");
    assert!(out.contains("2 articles,"), "{out}");
    assert!(
        err.contains("self: skipped: a symbolic link back to"),
        "{err}"
    );
    assert!(err.contains("two.txt: skipped: the same file as"), "{err}");
}

#[test]
fn hostile_utf32_and_duplicate_front_matter_keys() {
    let text = "---\nsource: Alpha\nsource: Beta\npublished: 2022-01-08\n---\nOfficials said 3,000 people left.\n";
    let mut utf32 = vec![0xFF, 0xFE, 0, 0];
    for c in text.chars() {
        utf32.extend_from_slice(&u32::from(c).to_le_bytes());
    }
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("wide.txt"), &utf32).unwrap();
    let (_, out, err) = run(&[
        "check",
        "--corpus",
        dir.path().to_str().unwrap(),
        "--width",
        "0",
    ]);
    assert!(out.contains("1 article,"), "{out}");
    assert!(out.contains("Beta"), "the last key wins: {out}");
    assert!(err.contains("decoded as UTF-32LE"), "{err}");
    assert!(
        err.contains("wide.txt:3:1: front matter key `source` given twice (first on line 2)"),
        "{err}"
    );
}
