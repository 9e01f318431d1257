//! The crate's floors: a module imports only from its own layer or the layers below it, and
//! no two modules import each other round a circle.
//!
//! Lowest first (the table in [`LAYERS`], drawn in `lib.rs` and README's Layout):
//!
//! ```text
//! text, span → corpus, read → rules → extract → placed → compare → report
//!   → baseline, ruletest, lint, discover → pipeline → cli
//! ```
//!
//! Every `src/**/*.rs` is read as text; comments (doc comments included), string and
//! character literals are blanked, and `#[cfg(test)]` items (and files declared by a
//! `#[cfg(test)] mod x;`) are left out: a unit test may reach up to build its input. Then
//! every `crate::MODULE` (and `crate::{A, B}`, and a `super::` path that climbs to the crate
//! root) is an import of MODULE by the file's top-level module. `src/bin/` and `main.rs` may
//! use anything: they are programs on top of the library.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Top-level modules, by layer, lowest first.
const LAYERS: &[&[&str]] = &[
    &["text", "span"],
    &["corpus", "read"],
    &["rules"],
    &["extract"],
    &["placed"],
    &["compare"],
    &["report"],
    &["baseline", "ruletest", "lint", "discover"],
    &["pipeline"],
    &["cli"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// One import of a top-level module, found in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Import {
    line: usize,
    /// As written, up to the module: `crate::report`, `super::super::compare`.
    path: String,
    module: String,
}

/// The source with comments, strings and character literals blanked (newlines kept, so
/// line numbers hold). Lifetimes (`'a`) are left alone.
fn code_only(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = b.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for c in &mut out[from..to] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let end = src[i..].find('\n').map_or(b.len(), |n| i + n);
                blank(&mut out, i, end);
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                // Block comments nest in Rust.
                let (mut depth, mut j) = (0usize, i);
                while j < b.len() {
                    if b[j..].starts_with(b"/*") {
                        depth += 1;
                        j += 2;
                    } else if b[j..].starts_with(b"*/") {
                        depth -= 1;
                        j += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        j += 1;
                    }
                }
                blank(&mut out, i, j);
                i = j;
            }
            b'r' if (i == 0 || !is_ident(b[i - 1]))
                && matches!(b.get(i + 1), Some(b'"' | b'#')) =>
            {
                // r"…", r#"…"#: no escapes; ends at the quote and as many hashes.
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                if b.get(i + 1 + hashes) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let body = i + 2 + hashes;
                let end = src[body..]
                    .find(&close)
                    .map_or(b.len(), |n| body + n + close.len());
                blank(&mut out, i, end);
                i = end;
            }
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                let end = (j + 1).min(b.len());
                blank(&mut out, i, end);
                i = end;
            }
            b'\'' => {
                // A character literal: one character or an escape, then a quote. Anything
                // else ('a in a lifetime) is not one.
                let rest = &src[i + 1..];
                let len = if let Some(esc) = rest.strip_prefix('\\') {
                    let body = if esc.starts_with("u{") {
                        esc.find('}').map_or(1, |n| n + 1)
                    } else {
                        esc.chars().next().map_or(0, char::len_utf8)
                    };
                    1 + body
                } else {
                    rest.chars().next().map_or(0, char::len_utf8)
                };
                if len > 0 && rest.as_bytes().get(len) == Some(&b'\'') {
                    blank(&mut out, i, i + len + 2);
                    i += len + 2;
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// `code` (as [`code_only`] leaves it) without its `#[cfg(test)]` items, blanked; and the
/// names of the modules declared test-only without a body (`#[cfg(test)] mod tests;`).
fn without_tests(code: &str) -> (String, Vec<String>) {
    const ATTR: &str = "#[cfg(test)]";
    let b = code.as_bytes();
    let mut out = b.to_vec();
    let mut test_files = Vec::new();
    let mut from = 0;
    while let Some(n) = code[from..].find(ATTR) {
        let start = from + n;
        let mut i = start + ATTR.len();
        // Further attributes, then the item up to its `;` or its balanced block.
        let (mut round, mut square) = (0i32, 0i32);
        let mut end = b.len();
        while i < b.len() {
            match b[i] {
                b'(' => round += 1,
                b')' => round -= 1,
                b'[' => square += 1,
                b']' => square -= 1,
                b';' if round == 0 && square == 0 => {
                    let item = code[start + ATTR.len()..i].trim();
                    if let Some(name) = item
                        .rsplit_once("mod ")
                        .map(|(_, n)| n.trim())
                        .filter(|n| n.bytes().all(is_ident))
                    {
                        test_files.push(name.to_string());
                    }
                    end = i + 1;
                    break;
                }
                b'{' if round == 0 && square == 0 => {
                    let mut depth = 0usize;
                    let mut j = i;
                    while j < b.len() {
                        match b[j] {
                            b'{' => depth += 1,
                            b'}' => {
                                depth -= 1;
                                if depth == 0 {
                                    break;
                                }
                            }
                            _ => {}
                        }
                        j += 1;
                    }
                    end = (j + 1).min(b.len());
                    break;
                }
                _ => {}
            }
            i += 1;
        }
        for c in &mut out[start..end] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
        from = end;
    }
    (String::from_utf8_lossy(&out).into_owned(), test_files)
}

/// The identifiers a path continues with after `at`: one (`report`), or each entry of a
/// group (`{rules, ruletest}`), `self` left out.
fn heads(code: &str, at: usize) -> Vec<String> {
    let rest = &code[at..];
    let ident = |s: &str| -> String {
        s.trim_start()
            .bytes()
            .take_while(|&c| is_ident(c))
            .map(char::from)
            .collect()
    };
    let names = if let Some(group) = rest.trim_start().strip_prefix('{') {
        let mut depth = 0i32;
        let mut entries = vec![String::new()];
        for c in group.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => entries.push(String::new()),
                _ => {}
            }
            if let Some(last) = entries.last_mut()
                && !(c == ',' && depth == 0)
            {
                last.push(c);
            }
        }
        entries.iter().map(|e| ident(e)).collect()
    } else {
        vec![ident(rest)]
    };
    names
        .into_iter()
        .filter(|n| !n.is_empty() && n != "self")
        .collect()
}

/// The top-level modules a file imports: `module_path` is the file's place in the crate
/// (`["read", "name", "scan"]` for `src/read/name/scan.rs`), for resolving `super::`.
fn imports(code: &str, module_path: &[String]) -> Vec<Import> {
    let b = code.as_bytes();
    let line_of = |at: usize| code[..at].bytes().filter(|&c| c == b'\n').count() + 1;
    let starts_path = |at: usize| {
        at == 0 || !(is_ident(b[at - 1]) || b[at - 1] == b'$' || code[..at].ends_with("::"))
    };
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        if !starts_path(at) {
            continue;
        }
        for module in heads(code, at + "crate::".len()) {
            out.push(Import {
                line: line_of(at),
                path: format!("crate::{module}"),
                module,
            });
        }
    }
    for (at, _) in code.match_indices("super::") {
        if !starts_path(at) {
            continue;
        }
        let supers = b[at..].chunks(7).take_while(|c| *c == b"super::").count();
        // `super` from `a::b` is `a`; from a top-level module, the crate root.
        if supers < module_path.len() {
            continue;
        }
        for module in heads(code, at + supers * 7) {
            out.push(Import {
                line: line_of(at),
                path: format!("{}{module}", "super::".repeat(supers)),
                module,
            });
        }
    }
    out.sort_by_key(|i| i.line);
    out
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `src/read/name/scan.rs` → `["read", "name", "scan"]`; `src/read/name/mod.rs` →
/// `["read", "name"]`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// Every library file's imports of top-level modules, outside test code: (file relative to
/// src/, its module path, its imports).
fn library_imports() -> Vec<(PathBuf, Vec<String>, Vec<Import>)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut read = Vec::new();
    // Files a parent declares `#[cfg(test)] mod x;`: test code all through.
    let mut test_only: BTreeSet<PathBuf> = BTreeSet::new();
    for f in &files {
        let rel = f.strip_prefix(&src).expect("under src").to_path_buf();
        let text = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let (code, test_mods) = without_tests(&code_only(&text));
        let path = module_path(&rel);
        // A child module's file sits in the folder named after its parent module (the
        // crate root's children in src/ itself).
        let dir: PathBuf = match rel.file_name().and_then(|n| n.to_str()) {
            Some("lib.rs" | "main.rs" | "mod.rs") => rel.parent().map(Path::to_path_buf),
            _ => Some(rel.with_extension("")),
        }
        .unwrap_or_default();
        for m in test_mods {
            test_only.insert(dir.join(format!("{m}.rs")));
            test_only.insert(dir.join(&m).join("mod.rs"));
        }
        read.push((rel, path.clone(), imports(&code, &path)));
    }
    read.retain(|(rel, path, _)| {
        !test_only.contains(rel)
            && !rel.starts_with("bin")
            && !matches!(path.as_slice(), [one] if one == "lib" || one == "main")
    });
    read
}

#[test]
fn no_module_imports_from_a_layer_above_it() {
    let mut wrong = Vec::new();
    for (rel, path, imports) in library_imports() {
        let top = &path[0];
        let Some(own) = layer(top) else {
            wrong.push(format!(
                "src/{}: module `{top}` has no layer: add it to LAYERS in tests/layers.rs (and to lib.rs's drawing)",
                rel.display()
            ));
            continue;
        };
        for i in imports {
            match layer(&i.module) {
                Some(l) if l <= own => {}
                Some(l) => wrong.push(format!(
                    "src/{}:{}: `{}`: {top} (layer {own}) imports {} (layer {l}, above it)",
                    rel.display(),
                    i.line,
                    i.path,
                    i.module
                )),
                None => wrong.push(format!(
                    "src/{}:{}: `{}`: `{}` is no top-level module with a layer",
                    rel.display(),
                    i.line,
                    i.path,
                    i.module
                )),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_top_level_module_has_a_layer() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("lib.rs");
    let declared: Vec<String> = code_only(&lib)
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').trim().to_string())
        .collect();
    assert!(!declared.is_empty(), "no `pub mod` lines in lib.rs");
    let missing: Vec<&String> = declared.iter().filter(|m| layer(m).is_none()).collect();
    assert!(missing.is_empty(), "modules without a layer: {missing:?}");
    let listed: BTreeSet<&str> = LAYERS.iter().flat_map(|l| l.iter().copied()).collect();
    let gone: Vec<&&str> = listed
        .iter()
        .filter(|m| !declared.iter().any(|d| d == *m))
        .collect();
    assert!(
        gone.is_empty(),
        "layers name modules lib.rs lacks: {gone:?}"
    );
}

#[test]
fn no_two_modules_import_each_other_round_a_circle() {
    let mut edges: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (rel, path, imports) in library_imports() {
        for i in imports {
            if i.module != path[0] {
                edges
                    .entry(path[0].clone())
                    .or_default()
                    .entry(i.module.clone())
                    .or_insert_with(|| format!("src/{}:{}", rel.display(), i.line));
            }
        }
    }
    // Depth-first; a module met again on the current path closes a circle.
    fn visit(
        m: &str,
        edges: &BTreeMap<String, BTreeMap<String, String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == m) {
            let mut circle = path[at..].to_vec();
            circle.push(m.to_string());
            return Some(circle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for next in edges.get(m).into_iter().flat_map(|e| e.keys()) {
            if let Some(c) = visit(next, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for m in edges.keys() {
        if let Some(circle) = visit(m, &edges, &mut Vec::new(), &mut done) {
            let hops: Vec<String> = circle
                .windows(2)
                .map(|w| format!("{} → {} ({})", w[0], w[1], edges[&w[0]][&w[1]]))
                .collect();
            panic!("import circle:\n{}", hops.join("\n"));
        }
    }
}

/// The scanner itself, on made-up source: what counts as an import and what does not.
#[test]
fn the_scanner_sees_imports_and_nothing_else() {
    let src = r##"
//! Uses [`crate::report`] in a doc comment: not an import.
use crate::text::collapse;
use crate::{rules, ruletest::Verdict};
use super::super::compare::Detail;
use super::sibling::Thing;
const S: &str = "crate::cli in a string";
const R: &str = r#"crate::cli in a raw string"#;
const C: char = '{';
fn f<'a>(x: &'a str) -> &'a str { x }
/* crate::cli in /* a nested */ block comment */
#[cfg(test)]
#[allow(dead_code)]
mod tests {
    use crate::cli::run;
    fn g() { let _ = '}'; }
}
#[cfg(test)]
mod more;
fn h() -> crate::span::Span { todo!() }
"##;
    let (code, test_files) = without_tests(&code_only(src));
    assert_eq!(test_files, vec!["more".to_string()]);
    let found: Vec<(usize, String)> = imports(&code, &["read".into(), "name".into()])
        .into_iter()
        .map(|i| (i.line, i.path))
        .collect();
    assert_eq!(
        found,
        vec![
            (3, "crate::text".to_string()),
            (4, "crate::rules".to_string()),
            (4, "crate::ruletest".to_string()),
            (5, "super::super::compare".to_string()),
            (20, "crate::span".to_string()),
        ]
    );
    // From a top-level module, one `super` is the crate root.
    let top = imports(&code, &["placed".into()]);
    assert!(top.iter().any(|i| i.path == "super::sibling"));
}
