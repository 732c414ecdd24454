//! The one place that writes the built site to disk.
//!
//! A build writes into a staging folder beside the output folder and swaps
//! it in only when everything succeeded, so a failed build changes nothing.
//! vinhdanh never deletes a folder it did not make: it refuses an output
//! folder that is (or contains) the site, and a non-empty folder without its
//! marker file.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostic::messages::Refusal;
use crate::diagnostic::{Diagnostic, OutputProblem};
use crate::vocab::{CONFIG_FILE, CONTENT_DIR, DEFAULT_OUTPUT_DIR};

/// The file that marks a folder as vinhdanh's output.
pub use crate::vocab::OUTPUT_MARKER as MARKER;
const MARKER_TEXT: &str = "This folder is built by vinhdanh and replaced whole on every build.\n";

/// Checks that `output` may be replaced by a build of the site at `root`.
pub fn check_output_dir(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let folder = output.display().to_string();
    let refuse = |reason: Refusal| {
        Diagnostic::file(
            output,
            OutputProblem::OutputRefused {
                folder: folder.clone(),
                reason,
            },
        )
    };
    let root_abs = absolute(root);
    let out_abs = absolute(output);
    if out_abs == root_abs {
        return Err(refuse(Refusal::IsSite));
    }
    if root_abs.starts_with(&out_abs) {
        return Err(refuse(Refusal::ContainsSite));
    }
    if out_abs.join(CONFIG_FILE).exists() || out_abs.join(CONTENT_DIR).exists() {
        return Err(refuse(Refusal::LooksLikeSite));
    }
    if out_abs.is_file() {
        return Err(refuse(Refusal::IsFile));
    }
    if out_abs.is_dir() && !out_abs.join(MARKER).is_file() {
        let empty = fs::read_dir(&out_abs)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(refuse(Refusal::Foreign));
        }
    }
    Ok(())
}

/// An absolute, symlink-resolved path, as far as the path exists.
fn absolute(path: &Path) -> PathBuf {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    if let Ok(c) = abs.canonicalize() {
        return c;
    }
    // Resolve the longest existing ancestor, keep the rest as written.
    let mut tail = Vec::new();
    let mut cur = abs.as_path();
    while let Some(parent) = cur.parent() {
        if let Some(name) = cur.file_name() {
            tail.push(name.to_owned());
        }
        if let Ok(c) = parent.canonicalize() {
            let mut out = c;
            for part in tail.iter().rev() {
                out.push(part);
            }
            return out;
        }
        cur = parent;
    }
    abs
}

/// A build in progress: a staging folder beside the output folder.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates the staging folder for `target` (which `check_output_dir` accepted).
    pub fn new(target: &Path) -> io::Result<Staging> {
        let target = absolute(target);
        let parent = target
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        fs::create_dir_all(&parent)?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| DEFAULT_OUTPUT_DIR.to_owned());
        let prefix = format!(".{name}.vinhdanh-building-");
        // Best effort: a stale folder left behind costs disk space, not correctness.
        let _ = sweep_stale(&parent, &prefix, &target);
        let dir = parent.join(format!("{prefix}{}", std::process::id()));
        if dir.exists() {
            remove_ours(&dir)?;
        }
        fs::create_dir(&dir)?;
        fs::write(dir.join(MARKER), MARKER_TEXT)?;
        Ok(Staging {
            dir,
            target,
            committed: false,
        })
    }

    /// The staging folder (write here).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes one file; `rel` uses forward slashes.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, bytes)
    }

    /// Copies one file in.
    pub fn copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::copy(from, path).map(|_| ())
    }

    /// Swaps the staging folder in for the output folder.
    pub fn commit(mut self) -> io::Result<PathBuf> {
        let old = self.dir.with_file_name(format!(
            "{}.old",
            self.dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        let had_old = self.target.exists();
        if had_old {
            fs::rename(&self.target, &old)?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.target) {
            if had_old {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(e);
        }
        self.committed = true;
        if had_old {
            remove_ours(&old)?;
        }
        Ok(self.target.clone())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = remove_ours(&self.dir);
        }
    }
}

/// Cleans up after builds that were killed before they finished: their
/// staging folders (`<prefix><pid>`, and `<prefix><pid>.old` holding the
/// output being replaced) carry our marker, so they are ours to remove. A
/// folder whose process still runs (a build beside this one) is left alone;
/// where that cannot be told (no `/proc`), every such folder is. If a build
/// was killed between its two renames, the output folder is missing and its
/// `.old` holds the previous output: that is put back.
fn sweep_stale(parent: &Path, prefix: &str, target: &Path) -> io::Result<()> {
    for entry in fs::read_dir(parent)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(prefix) else {
            continue;
        };
        let (pid, old) = rest
            .strip_suffix(".old")
            .map_or((rest, false), |p| (p, true));
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if pid == std::process::id() || process_may_run(pid) {
            continue;
        }
        let path = parent.join(&name);
        // One folder that cannot be cleaned (or is not ours) does not stop the others.
        let _ = if old && !target.exists() && path.join(MARKER).is_file() {
            fs::rename(&path, target)
        } else {
            remove_ours(&path)
        };
    }
    Ok(())
}

/// Whether process `pid` may still be running (true when it cannot be told).
fn process_may_run(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// Removes a folder only if it carries our marker (or is empty).
fn remove_ours(dir: &Path) -> io::Result<()> {
    let empty = fs::read_dir(dir)
        .map(|mut d| d.next().is_none())
        .unwrap_or(false);
    if dir.join(MARKER).is_file() || empty {
        fs::remove_dir_all(dir)
    } else {
        Err(io::Error::other(format!(
            "{} was not made by vinhdanh; not removing it",
            dir.display()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_site_and_foreign_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        fs::create_dir_all(root.join("content")).unwrap();
        fs::write(root.join("site.toml"), "").unwrap();
        assert!(check_output_dir(&root, &root).is_err());
        assert!(check_output_dir(&root, tmp.path()).is_err());
        let foreign = tmp.path().join("docs");
        fs::create_dir_all(&foreign).unwrap();
        fs::write(foreign.join("x.txt"), "mine").unwrap();
        assert!(check_output_dir(&root, &foreign).is_err());
        assert!(check_output_dir(&root, &root.join("public")).is_ok());
    }

    #[test]
    fn staging_swaps_in_and_cleans_up() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let s = Staging::new(&target).unwrap();
        s.write("a/index.html", b"one").unwrap();
        s.commit().unwrap();
        assert_eq!(fs::read(target.join("a/index.html")).unwrap(), b"one");
        let s = Staging::new(&target).unwrap();
        s.write("b/index.html", b"two").unwrap();
        drop(s); // a failed build
        assert!(target.join("a/index.html").exists());
        assert_eq!(
            fs::read_dir(tmp.path()).unwrap().count(),
            1,
            "staging folder removed"
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_killed_build_is_cleaned_up_and_its_old_output_put_back() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        // No process has a pid this large (Linux caps pids at 2^22).
        let dead = 999_999_999u32;
        let stale = tmp.path().join(format!(".public.vinhdanh-building-{dead}"));
        fs::create_dir_all(&stale).unwrap();
        fs::write(stale.join(MARKER), MARKER_TEXT).unwrap();
        // Killed between the renames: the output is in `.old`.
        let old = tmp
            .path()
            .join(format!(".public.vinhdanh-building-{dead}.old"));
        fs::create_dir_all(&old).unwrap();
        fs::write(old.join(MARKER), MARKER_TEXT).unwrap();
        fs::write(old.join("index.html"), "previous").unwrap();
        // A folder of someone else's with a look-alike name is not touched.
        let foreign = tmp
            .path()
            .join(format!(".public.vinhdanh-building-{}", dead - 1));
        fs::create_dir_all(&foreign).unwrap();
        fs::write(foreign.join("mine.txt"), "x").unwrap();

        let s = Staging::new(&target).unwrap();
        assert!(!stale.exists(), "stale staging folder removed");
        assert_eq!(
            fs::read_to_string(target.join("index.html")).unwrap(),
            "previous",
            "old output put back"
        );
        assert!(foreign.join("mine.txt").exists());
        drop(s);
    }
}
