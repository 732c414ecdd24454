//! The one door through which vinhdanh reads a site's files.
//!
//! Every file the build reads is inside the site: a file name written in
//! the content (`recipients_csv = "…"`) may not be absolute, climb out with
//! `..`, or lead out through a symbolic link ([`resolve`]); and every read
//! ([`read`]) opens only a regular file — a named pipe would wait for a
//! writer forever, a device such as `/dev/zero` never ends — and stops at
//! [`MAX_FILE_BYTES`], checked from the file's size before opening and
//! enforced again while reading (a file may grow in between).

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

/// The largest file vinhdanh reads: 512 MiB, five times a recipients CSV of
/// 1,000,000 rows of long Vietnamese names and units (about 100 MB).
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// What a path on disk turned out to be, when a plain file was wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Folder,
    /// A named pipe (FIFO): reading it waits for a writer, maybe forever.
    Pipe,
    /// A device such as `/dev/zero`, which never ends.
    Device,
    Socket,
    Other,
}

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// The name is an absolute path.
    Absolute,
    /// The name leads out of the site.
    Outside,
    /// Not a regular file.
    NotAFile(FileKind),
    /// Larger than the limit (`bytes`: its size, or as much as was read).
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    Io(io::Error),
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`].
pub fn read(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_limited(path, MAX_FILE_BYTES)
}

/// Reads a regular file of at most `limit` bytes (photos have their own
/// limit, [`crate::photo::MAX_PHOTO_BYTES`]).
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Looked at before opening: opening a named pipe blocks.
    let before = fs::metadata(path)?;
    plain_file(&before, limit)?;
    let file = File::open(path)?;
    let meta = file.metadata()?;
    plain_file(&meta, limit)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(ReadError::TooLarge { bytes: read, limit });
    }
    Ok(bytes)
}

/// The size of a regular file of at most `limit` bytes and its first `n`
/// bytes (fewer when it is shorter): enough to tell what kind of file it is
/// without reading all of it.
pub fn peek(path: &Path, limit: u64, n: usize) -> Result<(u64, Vec<u8>), ReadError> {
    let before = fs::metadata(path)?;
    plain_file(&before, limit)?;
    let file = File::open(path)?;
    let meta = file.metadata()?;
    plain_file(&meta, limit)?;
    let mut head = Vec::with_capacity(n);
    file.take(n as u64).read_to_end(&mut head)?;
    Ok((meta.len(), head))
}

fn plain_file(meta: &Metadata, limit: u64) -> Result<(), ReadError> {
    if !meta.is_file() {
        return Err(ReadError::NotAFile(kind_of(meta)));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            bytes: meta.len(),
            limit,
        });
    }
    Ok(())
}

fn kind_of(meta: &Metadata) -> FileKind {
    let t = meta.file_type();
    if t.is_dir() {
        return FileKind::Folder;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return FileKind::Pipe;
        }
        if t.is_block_device() || t.is_char_device() {
            return FileKind::Device;
        }
        if t.is_socket() {
            return FileKind::Socket;
        }
    }
    FileKind::Other
}

/// The file `name` (relative to the folder `dir`, itself inside the site
/// folder `root`), refused if it is absolute or leads out of the site by
/// `..` or through a symbolic link. A name whose file does not exist gives
/// the I/O error of looking for it.
pub fn resolve(root: &Path, dir: &Path, name: &str) -> Result<PathBuf, ReadError> {
    let lexical = inside_lexically(root, dir, name)?;
    let path = root.join(&lexical);
    if !is_inside(root, &path)? {
        return Err(ReadError::Outside);
    }
    Ok(path)
}

/// `dir/name` relative to `root`, by its words alone: no absolute name, no
/// `..` above `root`.
fn inside_lexically(root: &Path, dir: &Path, name: &str) -> Result<PathBuf, ReadError> {
    let name_path = Path::new(name);
    if name_path.has_root() || name.starts_with(['/', '\\']) || name_path.is_absolute() {
        return Err(ReadError::Absolute);
    }
    let from = dir.strip_prefix(root).map_err(|_| ReadError::Outside)?;
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for c in from.components().chain(name_path.components()) {
        match c {
            Component::Normal(p) => parts.push(p),
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop().ok_or(ReadError::Outside)?;
            }
            Component::RootDir | Component::Prefix(_) => return Err(ReadError::Absolute),
        }
    }
    Ok(parts.iter().collect())
}

/// Whether `path` (which must exist) is inside `root` once every symbolic
/// link on the way is followed.
pub fn is_inside(root: &Path, path: &Path) -> io::Result<bool> {
    Ok(path.canonicalize()?.starts_with(root.canonicalize()?))
}

/// Reads `rel`, a path relative to `root` as diagnostics carry it, when it
/// stays inside `root` by its words; `None` otherwise or when it cannot be read.
pub fn read_relative(root: &Path, rel: &Path) -> Option<Vec<u8>> {
    let rel = rel.to_str()?;
    let inside = inside_lexically(root, root, rel).ok()?;
    read(&root.join(inside)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_that_leave_the_site_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        let dir = root.join("content/awards");
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("a.csv"), "x").unwrap();
        fs::write(root.join("content/b.csv"), "x").unwrap();
        fs::write(tmp.path().join("private.csv"), "secret").unwrap();
        assert!(resolve(&root, &dir, "a.csv").is_ok());
        assert!(resolve(&root, &dir, "./a.csv").is_ok());
        assert!(resolve(&root, &dir, "../b.csv").is_ok(), "inside the site");
        assert!(matches!(
            resolve(&root, &dir, "../../../private.csv"),
            Err(ReadError::Outside)
        ));
        assert!(matches!(
            resolve(&root, &dir, "/etc/passwd"),
            Err(ReadError::Absolute)
        ));
        assert!(matches!(
            resolve(&root, &dir, "missing.csv"),
            Err(ReadError::Io(_))
        ));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(tmp.path().join("private.csv"), dir.join("l.csv")).unwrap();
            assert!(matches!(
                resolve(&root, &dir, "l.csv"),
                Err(ReadError::Outside)
            ));
        }
    }

    #[test]
    fn only_plain_files_of_bounded_size_are_read() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("a.csv");
        fs::write(&file, "12345").unwrap();
        assert_eq!(read_limited(&file, 5).unwrap(), b"12345");
        assert!(matches!(
            read_limited(&file, 4),
            Err(ReadError::TooLarge { bytes: 5, limit: 4 })
        ));
        assert!(matches!(
            read(tmp.path()),
            Err(ReadError::NotAFile(FileKind::Folder))
        ));
        #[cfg(unix)]
        assert!(matches!(
            read(Path::new("/dev/zero")),
            Err(ReadError::NotAFile(FileKind::Device))
        ));
    }

    #[test]
    fn lines_for_messages_are_read_only_inside_the_site() {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(tmp.path().join("a.toml"), "x = 1").unwrap();
        assert!(read_relative(tmp.path(), Path::new("a.toml")).is_some());
        assert!(read_relative(tmp.path(), Path::new("/etc/hostname")).is_none());
        assert!(read_relative(tmp.path(), Path::new("../a.toml")).is_none());
    }

    proptest! {
        /// Whatever name is written, what `resolve` accepts is under the root.
        #[test]
        fn a_resolved_name_is_always_inside_the_site(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("..".to_owned()),
                    Just(".".to_owned()),
                    Just("".to_owned()),
                    Just("/".to_owned()),
                    "[a-z.]{1,4}",
                ],
                0..8,
            ),
            depth in 0usize..3,
        ) {
            let root = Path::new("/srv/site");
            let dir = ["content", "awards", "x"][..depth]
                .iter()
                .fold(root.to_path_buf(), |d, p| d.join(p));
            let name = parts.join("/");
            if let Ok(rel) = inside_lexically(root, &dir, &name) {
                let joined = root.join(&rel);
                prop_assert!(joined.starts_with(root));
                prop_assert!(rel.components().all(|c| matches!(c, Component::Normal(_))));
            }
        }
    }
}
