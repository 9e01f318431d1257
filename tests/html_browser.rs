//! The HTML report in a real browser: headless Chromium (Debian's `chromium`) opens the
//! page that `crosscheck check --format html -o …` wrote, runs its script, and we read the
//! DOM it ends with, its console, and a screenshot (kept under target/html-browser/).
//!
//! The tests need Chromium: Debian's package (`apt-get install chromium`), or the path of
//! another build in the `CHROMIUM` environment variable. Without it they are reported as
//! *ignored* in the test summary, with the reason and how to install it, except in CI
//! (`CI=true`), where they fail: .ci/run installs Chromium, so a missing browser there is a
//! broken setup. (A plain `#[test]` can only pass or fail, so this file has its own main,
//! libtest-mimic, which can ignore a test at run time.)

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    // CHROMIUM names the browser; one that is not there is missing (no fallback).
    if let Some(p) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(p)).filter(|p| p.exists());
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Why the browser tests cannot run here, said in the summary next to "ignored".
const MISSING: &str = "Chromium not found: install Debian's package (apt-get install chromium) or set CHROMIUM to a browser";

/// Whether this run is CI's, where a missing browser is a failure, not a skip.
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// A browser test: given the browser's path, it panics on a failure.
type BrowserTest = fn(&Path);

/// Each browser test, run with the browser; without one, ignored outside CI and failed in
/// it, the reason said either way.
// The reason is said on standard output, next to the summary, for a person running the tests.
#[allow(clippy::print_stdout)]
fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let browser = chromium();
    let skip = browser.is_none() && !in_ci();
    let tests: [(&str, BrowserTest); 3] = [
        (
            "report_opens_in_chromium_with_the_conflicts",
            report_opens_in_chromium_with_the_conflicts,
        ),
        (
            "collapsed_evidence_opens_at_a_cell_link",
            collapsed_evidence_opens_at_a_cell_link,
        ),
        (
            "hostile_article_stays_text_in_chromium",
            hostile_article_stays_text_in_chromium,
        ),
    ];
    let trials = tests
        .into_iter()
        .map(|(name, test)| {
            let browser = browser.clone();
            let trial = libtest_mimic::Trial::test(name, move || match &browser {
                Some(chrome) => std::panic::catch_unwind(|| test(chrome)).map_err(|e| {
                    e.downcast_ref::<String>()
                        .cloned()
                        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_else(|| "panicked".into())
                        .into()
                }),
                None if in_ci() => {
                    Err(format!("CI=true but {MISSING}; .ci/run installs it").into())
                }
                None => Err(MISSING.into()),
            });
            trial.with_ignored_flag(skip)
        })
        .collect();
    if skip {
        println!("html_browser: ignored: {MISSING}");
    }
    libtest_mimic::run(&args, trials).exit();
}

fn out_dir() -> PathBuf {
    let dir = common::root().join("target/html-browser");
    std::fs::create_dir_all(&dir).expect("create target/html-browser");
    dir
}

/// `crosscheck check --format html -o FILE [--corpus …]`, the real binary.
fn render(file: &Path, corpus: Option<&Path>) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    cmd.current_dir(common::root())
        .args(["check", "--format", "html", "-o"])
        .arg(file);
    if let Some(c) = corpus {
        cmd.arg("--corpus").arg(c);
    }
    let out = cmd.output().expect("run crosscheck");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Run headless Chromium on `page` with `extra` flags; returns (stdout, stderr). Killed
/// after a minute: a hung browser must fail the test, not hang it.
fn headless(chrome: &Path, page: &Path, extra: &[String]) -> (String, String) {
    headless_at(chrome, page, "", extra)
}

/// [`headless`] on `page#fragment` (no fragment when empty).
fn headless_at(chrome: &Path, page: &Path, fragment: &str, extra: &[String]) -> (String, String) {
    let profile = tempfile::tempdir().expect("profile dir");
    let mut url = format!("file://{}", page.display()).replace(' ', "%20");
    if !fragment.is_empty() {
        url = format!("{url}#{fragment}");
    }
    let mut child = Command::new(chrome)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=1",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait for chromium") {
            break s;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("chromium did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let (out, err) = (
        out_reader.join().expect("stdout"),
        err_reader.join().expect("stderr"),
    );
    assert!(status.success(), "chromium failed: {status}\n{err}");
    (out, err)
}

/// Console messages the page produced (errors, CSP violations, uncaught exceptions all
/// show up as `CONSOLE` lines with `--enable-logging=stderr --v=1`). Our page logs nothing.
fn console_lines(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.contains(":CONSOLE")).collect()
}

/// The opening tag of the matrix row for `fact`, and the row's cells.
fn row<'a>(dom: &'a str, fact: &str) -> &'a str {
    let key = format!("data-fact=\"{fact}\"");
    let at = dom
        .find(&key)
        .unwrap_or_else(|| panic!("no row for {fact}"));
    let start = dom[..at].rfind("<tr").expect("row start");
    let end = at + dom[at..].find("</tr>").expect("row end");
    &dom[start..end]
}

fn report_opens_in_chromium_with_the_conflicts(chrome: &Path) {
    let dir = out_dir();
    let page = dir.join("report.html");
    render(&page, None);

    let (dom, log) = headless(chrome, &page, &["--dump-dom".to_string()]);
    let console = console_lines(&log);
    assert!(console.is_empty(), "console messages: {console:#?}");
    // The script ran (under the page's CSP, so its hash is right): the filter is shown.
    assert!(
        dom.contains("<p class=\"filter\" id=\"filter\">"),
        "the filter is still hidden: the script did not run"
    );
    // The conflicts, as coloured cells.
    let ua = row(&dom, "ua.border_troops");
    assert!(ua.contains("fact-row s-conflict dis"), "{ua}");
    // Only the two sources whose values clash (>=100000 and 10000..99999) are conflict
    // cells; the two ~100000 sources are compatible with both and stay loose.
    assert_eq!(ua.matches("class=\"cell s-conflict\"").count(), 2, "{ua}");
    assert_eq!(ua.matches("class=\"cell s-loose\"").count(), 2, "{ua}");
    for v in ["&gt;=100000", "~100000", "10000..99999"] {
        assert!(ua.contains(v), "{v} missing from {ua}");
    }
    let day = row(&dom, "kz.deployment_day");
    assert_eq!(day.matches("class=\"cell s-conflict\"").count(), 2, "{day}");
    assert!(day.contains("2022-01-06 Thu") && day.contains("2022-01-05 Wed"));
    let action = row(&dom, "kz.action");
    assert!(action.contains("fact-row s-framing dis"), "{action}");
    assert!(action.contains("invasion") && action.contains("peacekeeping"));
    let troops = row(&dom, "kz.troops");
    assert!(troops.contains("fact-row s-agree\""), "{troops}");
    // Each cell links to an evidence item that exists.
    let link = ua
        .split("href=\"#")
        .nth(2)
        .and_then(|s| s.split('"').next())
        .expect("a cell link");
    assert!(
        dom.contains(&format!("id=\"{link}\"")),
        "#{link} has no target"
    );
    // The Lukyanov card, reworded, with its word diff from the reference wording.
    let card_at = dom
        .find("class=\"quote-card q-reworded dis\"")
        .expect("a reworded card");
    let card = &dom[card_at..card_at + dom[card_at..].find("</article>").expect("card end")];
    assert!(card.contains("Fyodor Lukyanov"));
    assert!(card.contains("<ins>is reminding</ins>") && card.contains("<del>make</del>"));

    // A screenshot, for a person to look at (and to prove the page paints).
    let shot = dir.join("report.png");
    let _ = std::fs::remove_file(&shot);
    let (_, log) = headless(
        chrome,
        &page,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1400,2000".to_string(),
        ],
    );
    assert!(console_lines(&log).is_empty());
    let png = std::fs::read(&shot).expect("a screenshot");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let (w, h) = (
        u32::from_be_bytes([png[16], png[17], png[18], png[19]]),
        u32::from_be_bytes([png[20], png[21], png[22], png[23]]),
    );
    assert_eq!((w, h), (1400, 2000));
    assert!(png.len() > 50_000, "a blank page compresses far smaller");
}

fn hostile_article_stays_text_in_chromium(chrome: &Path) {
    let corpus = common::hostile_corpus();
    let page = out_dir().join("hostile.html");
    render(&page, Some(corpus.path()));
    let (dom, log) = headless(chrome, &page, &["--dump-dom".to_string()]);
    // No script from the article ran: no console message (a blocked script or an alert
    // would log one), and the only script element is the report's own.
    let console = console_lines(&log);
    assert!(console.is_empty(), "console messages: {console:#?}");
    assert_eq!(dom.matches("<script").count(), 1, "one script element");
    assert!(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(dom.contains("=HYPERLINK(\"x\")"));
}

/// The opening `<details…>` tag of the nearest `<details>` before `at` in `page`.
fn details_before(page: &str, at: usize) -> &str {
    let start = page[..at].rfind("<details").expect("a <details> before it");
    let end = start + page[start..].find('>').expect("tag end");
    &page[start..=end]
}

fn collapsed_evidence_opens_at_a_cell_link(chrome: &Path) {
    // More sources than the matrix has columns for: the bundled articles, five times over.
    let corpus = tempfile::tempdir().expect("temp dir");
    let mut files: Vec<PathBuf> = std::fs::read_dir(common::root().join("corpus"))
        .expect("corpus/")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    for k in 0..5 {
        for f in &files {
            let name = format!("{k}-{}", f.file_name().expect("a name").to_string_lossy());
            std::fs::copy(f, corpus.path().join(name)).expect("copy an article");
        }
    }
    let page = out_dir().join("collapsed.html");
    render(&page, Some(corpus.path()));
    let html = std::fs::read_to_string(&page).expect("the page");
    // The matrix shows distinct cells; the first one's link leads to an evidence sentence
    // that sits in a closed <details>.
    let row = row(&html, "ua.border_troops");
    assert!(row.contains("<td class=\"cells\">"), "{row}");
    let target = row
        .split("href=\"#")
        .find(|s| s.starts_with("ev-"))
        .and_then(|s| s.split('"').next())
        .expect("a link to an evidence sentence");
    let key = format!("<li id=\"{target}\">");
    let at = html
        .find(&key)
        .unwrap_or_else(|| panic!("#{target} has no target"));
    assert_eq!(
        details_before(&html, at),
        "<details>",
        "the evidence starts closed"
    );

    // Opened at that link, the browser shows it: the script opens the <details> it is in.
    let (dom, log) = headless_at(chrome, &page, target, &["--dump-dom".to_string()]);
    let console = console_lines(&log);
    assert!(console.is_empty(), "console messages: {console:#?}");
    let at = dom.find(&key).expect("the evidence in the DOM");
    assert!(
        details_before(&dom, at).contains("open"),
        "{}",
        details_before(&dom, at)
    );
    // And it reads the sentence, the value's words marked.
    let item = &dom[at..at + dom[at..].find("</li>").expect("item end")];
    assert!(
        item.contains("<blockquote>") && item.contains("<mark>"),
        "{item}"
    );
    assert!(item.contains("<p class=\"where\">["), "its places: {item}");
}
