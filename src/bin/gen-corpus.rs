//! gen-corpus: a large, deterministic benchmark corpus built from the bundled articles.
//!
//! ```sh
//! cargo run --release --bin gen-corpus -- --articles 10000 --seed 1 --out target/bench/c10k
//! ```
//!
//! Each generated article takes the paragraphs of one bundled article (read from `--from`,
//! `corpus/` by default, at run time: no story text lives in this file), sometimes drops a
//! sentence or borrows a paragraph from another article, and perturbs what sources disagree
//! on: amounts ("2,000" → "2,500"), days ("January 6" → "January 7"), weekdays, the rule
//! file's entity spellings ("Kyiv" ↔ "Kiev"), one-letter misspellings of capitalised names,
//! and quotation wordings (a word dropped or two swapped). Front matter gives an outlet and a
//! publication date, so weekdays resolve and the bundled rules fire, with conflicts, at
//! scale. The same `--articles`, `--seed` and input give the same bytes on every machine:
//! the generator is a splitmix64 stream, not a crate whose algorithm may change.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use regex::{Captures, Regex};

/// splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and fixed forever.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

/// A stable hash of a word (FNV-1a), so a name's misspellings are the same few everywhere.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

struct Args {
    articles: usize,
    seed: u64,
    out: PathBuf,
    from: PathBuf,
    rules: PathBuf,
}

const USAGE: &str =
    "usage: gen-corpus --articles N --seed S --out DIR [--from corpus/] [--rules rules/]";

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        articles: 1000,
        seed: 1,
        out: PathBuf::new(),
        from: PathBuf::from("corpus"),
        rules: PathBuf::from("rules"),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))
        };
        match flag.as_str() {
            "--articles" => {
                let v = value()?;
                args.articles = v
                    .parse()
                    .map_err(|_| format!("--articles {v:?}: not a count"))?;
            }
            "--seed" => {
                let v = value()?;
                args.seed = v
                    .parse()
                    .map_err(|_| format!("--seed {v:?}: not a number"))?;
            }
            "--out" => args.out = PathBuf::from(value()?),
            "--from" => args.from = PathBuf::from(value()?),
            "--rules" => args.rules = PathBuf::from(value()?),
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    if args.out.as_os_str().is_empty() {
        return Err(format!("--out is required\n{USAGE}"));
    }
    Ok(args)
}

/// One bundled article, cut into paragraphs of sentences.
struct Base {
    title: String,
    paragraphs: Vec<Vec<String>>,
}

fn read_bases(from: &Path) -> Result<Vec<Base>, String> {
    let corpus = crosscheck::corpus::load(&[from.to_path_buf()]).map_err(|e| e.to_string())?;
    let bases: Vec<Base> = corpus
        .articles
        .iter()
        .map(|a| Base {
            title: a.title.clone().unwrap_or_else(|| a.file_name.clone()),
            paragraphs: a
                .paragraphs
                .iter()
                .map(|p| {
                    crosscheck::text::sentences(&a.text, *p)
                        .iter()
                        .map(|s| s.slice(&a.text).to_string())
                        .collect()
                })
                .collect(),
        })
        .collect();
    if bases.is_empty() {
        return Err(format!("{}: no articles to build from", from.display()));
    }
    Ok(bases)
}

/// Entity spellings from the rule files: (canonical, variants).
fn read_entities(rules: &Path) -> Vec<(String, Vec<String>)> {
    match crosscheck::rules::load(&[rules.to_path_buf()]) {
        Ok(r) => r
            .entities
            .iter()
            .filter(|e| !e.variants.is_empty())
            .map(|e| (e.name.clone(), e.variants.clone()))
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Outlet names are made, not copied: a place and a masthead word.
const PLACES: &[&str] = &[
    "Northfield",
    "Eastport",
    "Riverton",
    "Lakeside",
    "Westbury",
    "Hillcrest",
    "Bayview",
    "Stonebridge",
    "Fairhaven",
    "Oakdale",
    "Millbrook",
    "Ashford",
    "Redcliff",
    "Greenvale",
    "Kingsbay",
    "Elmstead",
];
const MASTHEADS: &[&str] = &[
    "Herald",
    "Courier",
    "Tribune",
    "Gazette",
    "Observer",
    "Chronicle",
    "Dispatch",
    "Monitor",
    "Post",
    "Ledger",
    "Sentinel",
    "Wire",
];
/// English weekday names, Monday first, and month and weekday names together (words a
/// capitalised-name misspelling must leave alone), from jiff's formatter rather than tables
/// copied here.
fn calendar() -> (Vec<String>, Vec<String>) {
    let monday = jiff::civil::date(2022, 1, 3);
    let weekdays: Vec<String> = monday
        .series(jiff::Span::new().days(1))
        .take(7)
        .map(|d| d.strftime("%A").to_string())
        .collect();
    let mut names: Vec<String> = (1..=12)
        .map(|m| jiff::civil::date(2022, m, 1).strftime("%B").to_string())
        .collect();
    names.extend(weekdays.iter().cloned());
    (weekdays, names)
}

struct Perturber {
    /// Weekday names, Monday first.
    weekdays: Vec<String>,
    /// Month and weekday names.
    calendar: Vec<String>,
    amount: Regex,
    day: Regex,
    weekday: Regex,
    name: Regex,
    quote: Regex,
    entities: Vec<(Regex, Vec<String>)>,
}

impl Perturber {
    fn new(entities: &[(String, Vec<String>)]) -> Result<Self, regex::Error> {
        let entities = entities
            .iter()
            .map(|(canon, variants)| {
                let mut all = vec![canon.clone()];
                all.extend(variants.iter().cloned());
                let alts: Vec<String> = all.iter().map(|s| regex::escape(s)).collect();
                Ok((Regex::new(&format!(r"\b(?:{})\b", alts.join("|")))?, all))
            })
            .collect::<Result<Vec<_>, regex::Error>>()?;
        let (weekdays, calendar) = calendar();
        Ok(Perturber {
            amount: Regex::new(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{3,}\b")?,
            day: Regex::new(r"\b(January|December) (\d{1,2})\b")?,
            weekday: Regex::new(&format!(r"\b(?:{})\b", weekdays.join("|")))?,
            name: Regex::new(r"\b[A-Z][a-z]{4,}\b")?,
            quote: Regex::new(r"“([^”]{12,})”")?,
            entities,
            weekdays,
            calendar,
        })
    }

    /// Perturb one paragraph. Probabilities are per occurrence.
    fn paragraph(&self, text: &str, rng: &mut Rng) -> String {
        let t = self.amount.replace_all(text, |c: &Captures| {
            let raw = &c[0];
            let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
            let Ok(n) = digits.parse::<u64>() else {
                return raw.to_string();
            };
            // Years stay: they anchor dates.
            if (1900..=2100).contains(&n) && !raw.contains(',') || !rng.chance(0.3) {
                return raw.to_string();
            }
            let factor = [0.5, 0.8, 1.25, 1.5, 2.0][rng.below(5)];
            group_thousands((n as f64 * factor).round() as u64, raw.contains(','))
        });
        let t = self.day.replace_all(&t, |c: &Captures| {
            let day: i64 = c[2].parse().unwrap_or(1);
            if !rng.chance(0.2) {
                return c[0].to_string();
            }
            let shifted = (day + [-1, 1][rng.below(2)]).clamp(1, 28);
            format!("{} {shifted}", &c[1])
        });
        let t = self.weekday.replace_all(&t, |c: &Captures| {
            if rng.chance(0.1) {
                self.weekdays[rng.below(self.weekdays.len())].clone()
            } else {
                c[0].to_string()
            }
        });
        let mut t = t.into_owned();
        for (re, spellings) in &self.entities {
            t = re
                .replace_all(&t, |c: &Captures| {
                    if rng.chance(0.3) {
                        spellings[rng.below(spellings.len())].clone()
                    } else {
                        c[0].to_string()
                    }
                })
                .into_owned();
        }
        let t = self.name.replace_all(&t, |c: &Captures| {
            let w = &c[0];
            if self.calendar.iter().any(|c| c == w) || !rng.chance(0.01) {
                return w.to_string();
            }
            misspell(w, rng.below(2))
        });
        let t = self.quote.replace_all(&t, |c: &Captures| {
            if !rng.chance(0.25) {
                return c[0].to_string();
            }
            let mut words: Vec<&str> = c[1].split(' ').collect();
            if words.len() < 4 {
                return c[0].to_string();
            }
            // One of a few edits per quotation: its wording varies, but not endlessly.
            let at = 1 + (fnv(&c[1]) as usize + rng.below(3)) % (words.len() - 2);
            if rng.chance(0.5) {
                words.remove(at);
            } else {
                words.swap(at, at + 1);
            }
            format!("“{}”", words.join(" "))
        });
        t.into_owned()
    }
}

/// One of two fixed misspellings of a word: a doubled letter or two letters swapped, at a
/// place fixed by the word, so each name has at most two wrong spellings in the corpus.
fn misspell(w: &str, which: usize) -> String {
    let chars: Vec<char> = w.chars().collect();
    let at = 1 + (fnv(w) as usize) % (chars.len() - 2);
    let mut out = chars.clone();
    if which == 0 {
        out.insert(at, chars[at]);
    } else {
        out.swap(at, at + 1);
    }
    out.into_iter().collect()
}

fn group_thousands(n: u64, commas: bool) -> String {
    let s = n.to_string();
    if !commas {
        return s;
    }
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn article(n: usize, bases: &[Base], p: &Perturber, rng: &mut Rng) -> (String, String) {
    let base = &bases[rng.below(bases.len())];
    let outlet = format!(
        "{} {}",
        PLACES[rng.below(PLACES.len())],
        MASTHEADS[rng.below(MASTHEADS.len())]
    );
    let day = 3 + rng.below(12);
    let mut text = format!(
        "---\nsource: {outlet}\ntitle: {}\npublished: 2022-01-{day:02}\nurl: https://example.org/{n}\n---\n",
        base.title
    );
    for para in &base.paragraphs {
        // Now and then a paragraph from another article, as a rewrite desk would add.
        let para = if rng.chance(0.1) {
            let other = &bases[rng.below(bases.len())];
            match other.paragraphs.get(rng.below(other.paragraphs.len())) {
                Some(x) => x,
                None => para,
            }
        } else {
            para
        };
        let kept: Vec<&str> = para
            .iter()
            .filter(|_| para.len() == 1 || !rng.chance(0.08))
            .map(String::as_str)
            .collect();
        if kept.is_empty() {
            continue;
        }
        text.push_str(&p.paragraph(&kept.join(" "), rng));
        text.push_str("\n\n");
    }
    let slug: String = outlet
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    (format!("a{n:06}-{slug}.txt"), text)
}

fn run(args: &Args) -> Result<(usize, usize), String> {
    let bases = read_bases(&args.from)?;
    let perturber = Perturber::new(&read_entities(&args.rules)).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&args.out)
        .map_err(|e| format!("{}: cannot create: {e}", args.out.display()))?;
    let mut bytes = 0;
    for n in 0..args.articles {
        // One stream per article: article n is the same whatever --articles says.
        let mut rng = Rng(args.seed ^ (n as u64).wrapping_mul(0xD134_2543_DE82_EF95));
        let (name, text) = article(n, &bases, &perturber, &mut rng);
        let path = args.out.join(name);
        std::fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
        bytes += text.len();
    }
    Ok((args.articles, bytes))
}

// A program of its own: its few messages (usage, what it wrote, errors) go to stderr.
#[allow(clippy::print_stderr)]
fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok((n, bytes)) => {
            eprintln!(
                "wrote {n} articles, {:.1} MB, to {}",
                bytes as f64 / 1e6,
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
