//! Where a file the CLI writes goes: written whole or not at all, so a reader (or the next
//! CI step) never sees half a report or half a baseline.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::Error;

/// Refuse to write an output that is a file the run reads (`inputs`, listed only when an
/// output already exists: a file that does not exist is read by nobody) or that another
/// output names too. Files are compared as the system sees them (device and inode, through
/// links), and outputs that do not exist yet by their folder's real path and their name. A
/// read-only file is refused too: replacing it would undo what its owner asked for.
pub(super) fn refuse_clobbering(
    outputs: &[(&Path, &'static str)],
    inputs: impl FnOnce() -> Vec<(PathBuf, &'static str)>,
) -> Result<(), Error> {
    for (i, (a, flag_a)) in outputs.iter().enumerate() {
        for (b, flag_b) in &outputs[i + 1..] {
            if same_target(a, b) {
                return Err(Error::SameOutput {
                    file: a.display().to_string(),
                    flags: format!("{flag_a} and {flag_b}"),
                });
            }
        }
    }
    let existing: Vec<&(&Path, &str)> = outputs
        .iter()
        .filter(|(p, _)| std::fs::metadata(p).is_ok_and(|m| m.is_file()))
        .collect();
    if existing.is_empty() {
        return Ok(());
    }
    for (path, flag) in &existing {
        if std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
            return Err(Error::ReadOnlyOutput {
                file: path.display().to_string(),
                flag,
            });
        }
    }
    for (input, what) in inputs() {
        for (path, flag) in &existing {
            if same_file::is_same_file(path, &input).unwrap_or(false) {
                return Err(Error::OutputIsInput {
                    file: path.display().to_string(),
                    flag,
                    what,
                });
            }
        }
    }
    Ok(())
}

/// Do two output paths name one file, whether or not it exists yet?
fn same_target(a: &Path, b: &Path) -> bool {
    if same_file::is_same_file(a, b).unwrap_or(false) {
        return true;
    }
    let real = |p: &Path| -> Option<PathBuf> {
        let dir = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        Some(std::fs::canonicalize(dir).ok()?.join(p.file_name()?))
    };
    matches!((real(a), real(b)), (Some(x), Some(y)) if x == y)
}

/// Write bytes atomically: see [`stream_atomically`].
pub(super) fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    stream_atomically(path, |w| w.write_all(bytes))
}

/// Write `path` through `write` into a temporary file beside it (tempfile's
/// [`tempfile::NamedTempFile`]: a fresh name, removed if anything fails), persisted, that
/// is renamed into place, once complete, so a reader never sees half a file. A target that
/// exists and is not a regular file (`/dev/null`, a pipe) is written to directly: renaming
/// over it would replace the device with a file. A symbolic link is followed, so the file
/// it points to is replaced, not the link.
pub(super) fn stream_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    if let Ok(meta) = std::fs::metadata(path) {
        if !meta.is_file() {
            let f = std::fs::OpenOptions::new().write(true).open(path)?;
            let mut w = io::BufWriter::with_capacity(1 << 16, f);
            write(&mut w)?;
            return w.flush();
        }
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            return stream_atomically(&std::fs::canonicalize(path)?, write);
        }
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // The file is opened here rather than by tempfile's default, for two reasons: it gets
    // the mode of any new file (0o666 less the umask), not a temporary file's owner-only
    // 0o600, since it becomes the report; and an error is the system's own ("No such file
    // or directory"), not one that names the temporary path.
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.crosscheck-");
    remove_stale(dir, &prefix);
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!("{prefix}{}.", std::process::id()))
        .suffix(".tmp")
        .make_in(dir, |p| {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(p)
        })?;
    let mut w = io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
    write(&mut w)?;
    w.flush()?;
    drop(w);
    // A file replaced keeps its mode (a report shared with a group stays shared).
    if let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Remove the temporary files that earlier runs writing the same target left when they were
/// killed (a signal ends a process without unwinding, so tempfile cannot remove its file):
/// `.NAME.crosscheck-PID.XXXXXX.tmp` whose process is gone. Only where `/proc` says which
/// processes run; elsewhere a stale file stays rather than risk another run's.
fn remove_stale(dir: &Path, prefix: &str) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(rest) = file
            .to_str()
            .and_then(|f| f.strip_prefix(prefix))
            .filter(|f| f.ends_with(".tmp"))
        else {
            continue;
        };
        let Some(pid) = rest.split('.').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Write what `write` writes to `path` (whole or not at all), or, when None, to `out`
/// (put together in memory first, so that an error leaves nothing half written).
pub(super) fn deliver(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    out: &mut dyn Write,
) -> Result<(), Error> {
    match path {
        // Straight into the temporary file: a report can be as large as the corpus.
        Some(path) => stream_atomically(path, write).map_err(|source| Error::Write {
            target: path.display().to_string(),
            source,
        }),
        None => {
            let mut buf: Vec<u8> = Vec::new();
            write(&mut buf).map_err(Error::Render)?;
            out.write_all(&buf)
                .and_then(|_| out.flush())
                .map_err(|source| Error::Write {
                    target: "standard output".to_string(),
                    source,
                })
        }
    }
}
