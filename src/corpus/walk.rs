//! Which files a corpus is: paths named on the command line, folders walked, what is
//! skipped on the way and why, and the name each article is shown by.
//!
//! A folder is walked with `walkdir`, following symbolic links as the file system does; a
//! link back to a folder above it (a loop) is not followed, and a file reached by two
//! paths (a link to a folder beside it) is read once, under the first path in sorted
//! order. Each of these, a hidden folder, a special file (FIFO, device, socket), a folder
//! that cannot be listed and a folder's README-like document is reported as skipped, with
//! the reason, and the walk goes on. See docs/robustness.md.

use std::collections::{BTreeMap, HashMap};
use std::ffi::OsStr;
use std::fs::FileType;
use std::path::{Component, Path, PathBuf};

use super::{ArticleProblem, CorpusError, Format};
use crate::text::visible;

/// One file to read (a text or HTML article, or a feed of articles).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path as named on the command line or found under a named folder.
    pub path: PathBuf,
    /// The name reports show: the file name, or the path under the folder named on the
    /// command line where two files share a file name (see [`list`]).
    pub name: String,
    pub format: Format,
}

impl Input {
    /// Standard input (`-`), shown in reports as `name`.
    pub fn stdin(name: impl Into<String>, format: Format) -> Input {
        Input {
            path: PathBuf::from("-"),
            name: name.into(),
            format,
        }
    }
}

/// The inputs under some paths, and what was skipped on the way.
#[derive(Debug, Default)]
pub struct Listing {
    /// Sorted by path, each file once.
    pub inputs: Vec<Input>,
    /// Each reported like an article that cannot be read.
    pub skipped: Vec<ArticleProblem>,
}

/// The article format a file name says, ignoring case (`.TXT` is `.txt`); None for a file
/// that is not an article (`.png`, `.json`). A file without an extension is text.
pub fn format_of(path: &Path) -> Option<Format> {
    let Some(ext) = path.extension() else {
        return Some(Format::Text);
    };
    let ext = ext.to_string_lossy().to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "md" | "markdown" | "text" => Some(Format::Text),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        "csv" => Some(Format::Csv),
        _ => None,
    }
}

fn hidden(name: &OsStr) -> bool {
    name.as_encoded_bytes().starts_with(b".")
}

/// Documents that describe a folder rather than report a story. A file with one of these
/// names (any case, any text extension) found in a folder is skipped unless it opens with
/// front matter; named on the command line, it is read.
const FOLDER_DOCUMENTS: &[&str] = &[
    "readme",
    "sources",
    "license",
    "licence",
    "copying",
    "changelog",
    "contributing",
    "authors",
    "notice",
];

fn folder_document(path: &Path) -> bool {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    FOLDER_DOCUMENTS.contains(&stem.as_str()) && !opens_with_front_matter(path)
}

fn opens_with_front_matter(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 8];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let head = head.get(..n).unwrap_or(&[]);
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    head.starts_with(b"---\n") || head.starts_with(b"---\r")
}

/// Why a file of this type is not read.
pub(super) fn not_regular(t: &FileType) -> String {
    format!("not a regular file ({}), not read", kind_of(t))
}

#[cfg(unix)]
fn kind_of(t: &FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn kind_of(_: &FileType) -> &'static str {
    "a special file"
}

fn skipped(path: &Path, message: String) -> ArticleProblem {
    ArticleProblem {
        file: escape_path(path),
        line: None,
        column: None,
        message,
    }
}

/// A file found, before it is named: where it is relative to the path it was found under.
struct Found {
    path: PathBuf,
    under_root: PathBuf,
    format: Format,
}

/// Expand files and folders into the inputs to read, sorted by path, each file once.
/// `forced` is the format of files named on the command line (`--corpus-format`); files
/// found in folders go by their extension. Only a path that is not there at all is an
/// error; everything else that cannot be read is skipped with a reason.
pub fn list(paths: &[PathBuf], forced: Option<Format>) -> Result<Listing, CorpusError> {
    let mut found = Vec::new();
    let mut listing = Listing::default();
    for p in paths {
        match std::fs::metadata(p) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                // A dangling link is there, and reading it says why it cannot be read.
                if std::fs::symlink_metadata(p).is_err() {
                    return Err(CorpusError::Missing { path: p.clone() });
                }
                found.push(named(p, forced));
            }
            Err(e) => listing
                .skipped
                .push(skipped(p, format!("cannot read: {e}"))),
            Ok(m) if m.is_dir() => walk(p, &mut found, &mut listing.skipped),
            Ok(m) if m.is_file() => found.push(named(p, forced)),
            Ok(m) => listing
                .skipped
                .push(skipped(p, not_regular(&m.file_type()))),
        }
    }
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found.dedup_by(|a, b| a.path == b.path);
    let found = once_each(found, &mut listing.skipped);
    if found.is_empty() && listing.skipped.is_empty() {
        let paths = paths
            .iter()
            .map(|p| escape_path(p))
            .collect::<Vec<_>>()
            .join(", ");
        return Err(CorpusError::Empty { paths });
    }
    listing.inputs = names(found);
    Ok(listing)
}

fn named(p: &Path, forced: Option<Format>) -> Found {
    Found {
        path: p.to_path_buf(),
        under_root: p.file_name().map(PathBuf::from).unwrap_or_default(),
        format: forced.or_else(|| format_of(p)).unwrap_or(Format::Text),
    }
}

/// The article files under `dir`; see the module's documentation for what is skipped.
fn walk(dir: &Path, found: &mut Vec<Found>, skipped_out: &mut Vec<ArticleProblem>) {
    let mut it = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .min_depth(1)
        .into_iter();
    while let Some(entry) = it.next() {
        let e = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                if let Some(ancestor) = e.loop_ancestor() {
                    skipped_out.push(skipped(
                        &path,
                        format!(
                            "a symbolic link back to {}: not followed",
                            escape_path(ancestor)
                        ),
                    ));
                } else if path.is_dir() || e.depth() == 0 {
                    let why = e
                        .io_error()
                        .map_or_else(|| e.to_string(), ToString::to_string);
                    skipped_out.push(skipped(&path, format!("cannot list folder: {why}")));
                } else if format_of(&path).is_some() && !hidden_file(&path) {
                    // A link that leads nowhere: reading it says why.
                    found.push(under(dir, path));
                }
                continue;
            }
        };
        let t = e.file_type();
        if t.is_dir() {
            if hidden(e.file_name()) {
                skipped_out.push(skipped(
                    e.path(),
                    "a hidden folder, not read (name it with --corpus to read it)".into(),
                ));
                it.skip_current_dir();
            }
            continue;
        }
        if format_of(e.path()).is_none() {
            continue;
        }
        if hidden(e.file_name()) {
            // `.draft.txt` looks like an article someone hid: say so. `.DS_Store` and the
            // like (no extension after the dot) are system files: passed over.
            if e.path().extension().is_some() {
                skipped_out.push(skipped(
                    e.path(),
                    "a hidden file, not read (name it with --corpus to read it)".into(),
                ));
            }
            continue;
        }
        if !t.is_file() {
            skipped_out.push(skipped(e.path(), not_regular(&t)));
        } else if folder_document(e.path()) {
            skipped_out.push(skipped(
                e.path(),
                "a folder's README-like document without front matter, not an article (give it front matter, or name it with --corpus, to read it)"
                    .into(),
            ));
        } else {
            found.push(under(dir, e.into_path()));
        }
    }
}

fn hidden_file(path: &Path) -> bool {
    path.file_name().is_some_and(hidden)
}

fn under(root: &Path, path: PathBuf) -> Found {
    Found {
        under_root: path.strip_prefix(root).unwrap_or(&path).to_path_buf(),
        format: format_of(&path).unwrap_or(Format::Text),
        path,
    }
}

/// Each file once: a file reached by a second path (through a symbolic link) is skipped,
/// and said so.
#[cfg(unix)]
fn once_each(found: Vec<Found>, skipped_out: &mut Vec<ArticleProblem>) -> Vec<Found> {
    use std::os::unix::fs::MetadataExt;
    let mut seen: HashMap<(u64, u64), PathBuf> = HashMap::new();
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        if let Ok(m) = std::fs::metadata(&f.path) {
            if let Some(first) = seen.get(&(m.dev(), m.ino())) {
                skipped_out.push(skipped(
                    &f.path,
                    format!(
                        "the same file as {} (reached again through a symbolic link), read once",
                        escape_path(first)
                    ),
                ));
                continue;
            }
            seen.insert((m.dev(), m.ino()), f.path.clone());
        }
        out.push(f);
    }
    out
}

#[cfg(not(unix))]
fn once_each(found: Vec<Found>, _: &mut Vec<ArticleProblem>) -> Vec<Found> {
    found
}

/// Name each input by its file name, or, where two share one, by its path under the
/// folder it was found in (`a/x.txt`, `b/x.txt`), or, where those are the same too, by its
/// path as given.
fn names(found: Vec<Found>) -> Vec<Input> {
    let short: Vec<String> = found
        .iter()
        .map(|f| {
            f.path
                .file_name()
                .map_or_else(|| escape_path(&f.path), escape_name)
        })
        .collect();
    let longer: Vec<String> = found.iter().map(|f| slash(&f.under_root)).collect();
    let full: Vec<String> = found.iter().map(|f| slash(&f.path)).collect();
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    short.iter().for_each(|s| *count.entry(s).or_default() += 1);
    let mut count_longer: BTreeMap<&str, usize> = BTreeMap::new();
    for (s, l) in short.iter().zip(&longer) {
        if count[s.as_str()] > 1 {
            *count_longer.entry(l).or_default() += 1;
        }
    }
    found
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let name = if count[short[i].as_str()] == 1 {
                short[i].clone()
            } else if count_longer[longer[i].as_str()] == 1 {
                longer[i].clone()
            } else {
                full[i].clone()
            };
            Input {
                path: f.path,
                name,
                format: f.format,
            }
        })
        .collect()
}

/// A path written with `/` between its parts (as reports show paths), escaped.
fn slash(path: &Path) -> String {
    path.components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| escape_name(c.as_os_str()))
        .collect::<Vec<_>>()
        .join("/")
}

/// A file name as text: bytes that are not UTF-8 are shown as `\xNN`, so that two names
/// that differ only there stay apart (a lossy conversion would make both U+FFFD), and
/// control and bidi-override characters as `\u{…}` ([`crate::text::visible`]), so that a
/// name cannot break a report's line or drive the terminal it is shown on.
pub fn escape_name(name: &OsStr) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            out.push_str(&visible::escape(chunk.valid()));
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        visible::escape(&name.to_string_lossy()).into_owned()
    }
}

/// [`escape_name`] on a whole path, as given.
pub fn escape_path(path: &Path) -> String {
    escape_name(path.as_os_str())
}
