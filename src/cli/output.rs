//! Where a file the CLI writes goes: written whole or not at all, so a reader (or the next
//! CI step) never sees half a report or half a baseline.

use std::io::{self, Write};
use std::path::Path;

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
    let mut tmp = tempfile::Builder::new().make_in(dir, |p| {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(p)
    })?;
    let mut w = io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
    write(&mut w)?;
    w.flush()?;
    drop(w);
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
