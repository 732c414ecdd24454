//! The one place that writes the built site to disk.
//!
//! A build writes into a staging folder beside the output folder and swaps
//! it in only when everything succeeded, so a failed build changes nothing.
//! vinhdanh never deletes a folder it did not make: it refuses an output
//! folder that is (or contains) the site, one inside a folder the build
//! reads, and a non-empty folder without its marker file.
//!
//! Every path a build writes is checked here first ([`check_outputs`]):
//! inside the output folder, and no two outputs at one path, so which file
//! is published never depends on which thread wrote last.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostic::boundary::{Boundary, OutputSource};
use crate::diagnostic::messages::Refusal;
use crate::diagnostic::{Diagnostic, Diagnostics, OutputProblem, Problem};
use crate::vocab::{
    CONFIG_FILE, CONTENT_DIR, DEFAULT_OUTPUT_DIR, I18N_DIR, STATIC_DIR, TEMPLATES_DIR, THEMES_DIR,
};

/// The folders of a site the build reads: output inside one of them would
/// be read back in by the next build.
pub const INPUT_DIRS: [&str; 5] = [CONTENT_DIR, STATIC_DIR, TEMPLATES_DIR, I18N_DIR, THEMES_DIR];

/// The longest part of an output path, in characters (file systems allow
/// 255 bytes; a slug is ASCII, one byte a character).
pub const MAX_PART_CHARS: usize = 200;
const MAX_PART_BYTES: usize = 255;

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
    if let Some(input) = INPUT_DIRS
        .into_iter()
        .find(|dir| out_abs.starts_with(absolute(&root.join(dir))))
    {
        return Err(refuse(Refusal::InsideInput(input)));
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

/// Where an output comes from: the file to point an editor at (relative to
/// the site root) and its line, and how to name it in messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub source: OutputSource,
}

impl Origin {
    fn diagnostic(&self, problem: Boundary) -> Diagnostic {
        let problem = Problem::Boundary(problem);
        match self.line {
            Some(line) => Diagnostic::at(&self.file, line, None, problem),
            None => Diagnostic::file(&self.file, problem),
        }
    }
}

/// Checks every path a build will write (`outputs`: path relative to the
/// output folder, forward slashes, with its origin): each is a plain path
/// inside the output folder with parts a file system takes; no two share a
/// path, and none needs as a folder what another writes as a file. The
/// marker file is vinhdanh's own. A site's static file replacing the
/// theme's is settled before (the theme keeps one file per path).
///
/// `origin` says where an output comes from; it is asked only for the
/// outputs a problem names (a province's site writes 50,000 files).
pub fn check_outputs<'a, T>(
    outputs: impl IntoIterator<Item = (&'a str, T)>,
    origin: impl Fn(&T) -> Origin,
) -> Result<(), Diagnostics> {
    // What each accepted output comes from; the first is the marker.
    let mut sources: Vec<Option<T>> = vec![None];
    let origin_at = |sources: &[Option<T>], i: usize| match &sources[i] {
        Some(source) => origin(source),
        None => Origin {
            file: PathBuf::from(MARKER),
            line: None,
            source: OutputSource::Marker,
        },
    };
    let mut files: foldhash::HashMap<&'a str, usize> = foldhash::HashMap::default();
    files.insert(MARKER, 0);
    let mut problems = Diagnostics::new();
    let mut accepted = Vec::new();
    for (path, source) in outputs {
        if let Err(fault) = check_path(path) {
            problems.push(origin(&source).diagnostic(fault));
            continue;
        }
        sources.push(Some(source));
        let i = sources.len() - 1;
        match files.get(path) {
            Some(&first) => problems.push(collision(
                path,
                &origin_at(&sources, first),
                &origin_at(&sources, i),
            )),
            None => {
                files.insert(path, i);
                accepted.push((path, i));
            }
        }
    }
    for (path, i) in accepted {
        let folder = path
            .match_indices('/')
            .map(|(end, _)| &path[..end])
            .find_map(|folder| Some((folder, *files.get(folder)?)));
        if let Some((folder, first)) = folder {
            problems.push(collision(
                folder,
                &origin_at(&sources, first),
                &origin_at(&sources, i),
            ));
        }
    }
    problems.into_result(())
}

/// Two outputs at `path`, reported at the one an editor wrote.
fn collision(path: &str, first: &Origin, second: &Origin) -> Diagnostic {
    let generated = |o: &Origin| matches!(o.source, OutputSource::Generated | OutputSource::Marker);
    let (at, other) = if generated(second) {
        (first, second)
    } else {
        (second, first)
    };
    at.diagnostic(Boundary::OutputCollision {
        path: path.to_owned(),
        first: other.source.clone(),
        second: at.source.clone(),
    })
}

/// A relative path with forward slashes, no empty, `.` or `..` part, and
/// parts short enough for a file system.
pub fn check_path(path: &str) -> Result<(), Boundary> {
    let bad = || Boundary::OutputBadPath {
        path: path.to_owned(),
    };
    if path.is_empty() || path.contains('\\') || path.contains('\0') {
        return Err(bad());
    }
    for part in path.split('/') {
        if part.is_empty() || part == "." || part == ".." {
            return Err(bad());
        }
        let chars = part.chars().count();
        if chars > MAX_PART_CHARS || part.len() > MAX_PART_BYTES {
            let mut start: String = part.chars().take(24).collect();
            start.push('…');
            return Err(Boundary::OutputNameTooLong {
                part: start,
                chars,
                limit: MAX_PART_CHARS,
            });
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

    /// The path of `rel` in the staging folder, refused unless it is inside.
    fn inside(&self, rel: &str) -> io::Result<PathBuf> {
        check_path(rel)
            .map(|()| self.dir.join(rel))
            .map_err(|_| io::Error::other(format!("{rel} is not inside the output folder")))
    }

    /// Writes one file; `rel` uses forward slashes.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        io::Write::write_all(&mut self.create(rel)?, bytes)
    }

    /// Creates one file, for writing it as it is made.
    pub fn create(&self, rel: &str) -> io::Result<fs::File> {
        let path = self.inside(rel)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::File::create(path)
    }

    /// Copies one file in.
    pub fn copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        let path = self.inside(rel)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::copy(from, path).map(|_| ())
    }

    /// Puts a file that never changes in by a hard link: no bytes copied
    /// (a second build with a thousand photos links them from the cache).
    /// Copies it when a link cannot be made (another file system).
    pub fn link_or_copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        let path = self.inside(rel)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::hard_link(from, &path).or_else(|_| fs::copy(from, &path).map(|_| ()))
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
    use crate::diagnostic::OutputProblem;

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
    fn refuses_output_inside_an_input_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        fs::create_dir_all(root.join("static")).unwrap();
        for out in [
            "static",
            "static/out",
            "templates",
            "content/x",
            "themes/t/static",
        ] {
            let err = check_output_dir(&root, &root.join(out)).unwrap_err();
            assert!(
                matches!(
                    *err.problem,
                    Problem::Output(OutputProblem::OutputRefused {
                        reason: Refusal::InsideInput(_),
                        ..
                    })
                ),
                "{out}: {err}"
            );
        }
        assert!(check_output_dir(&root, &root.join("staticx")).is_ok());
    }

    fn origin(file: &str, source: OutputSource) -> Origin {
        Origin {
            file: PathBuf::from(file),
            line: None,
            source,
        }
    }

    #[test]
    fn two_outputs_at_one_path_name_both() {
        let page = origin(
            "content/profiles/a.md",
            OutputSource::PageOf("content/profiles/a.md".into()),
        );
        let file = origin(
            "static/ho-so/a/index.html",
            OutputSource::File("static/ho-so/a/index.html".into()),
        );
        let err = check_outputs(
            [
                ("ho-so/a/index.html", page.clone()),
                ("ho-so/a/index.html", file),
            ],
            Origin::clone,
        )
        .unwrap_err();
        let d = err.iter().next().unwrap();
        assert_eq!(d.path, Path::new("static/ho-so/a/index.html"));
        assert!(d.message.contains("content/profiles/a.md"), "{d}");
        // A file where another output needs a folder.
        let photo = origin(
            "content/profiles/a.md",
            OutputSource::PhotoOf("content/profiles/a.md".into()),
        );
        assert!(
            check_outputs(
                [("ho-so/a/index.html", page.clone()), ("ho-so", photo)],
                Origin::clone
            )
            .is_err()
        );
        let marker = origin(
            "static/.vinhdanh-output",
            OutputSource::File("static/.vinhdanh-output".into()),
        );
        assert!(check_outputs([(MARKER, marker)], Origin::clone).is_err());
        assert!(check_outputs([("ho-so/a/index.html", page)], Origin::clone).is_ok());
    }

    #[test]
    fn output_paths_stay_inside_and_fit_a_file_system() {
        for bad in ["", "/etc/x", "a//b", "../x", "a/./b", "a\\b", "a/"] {
            assert!(check_path(bad).is_err(), "{bad:?}");
        }
        let long = format!("ho-so/{}/index.html", "a".repeat(300));
        assert!(matches!(
            check_path(&long),
            Err(Boundary::OutputNameTooLong { chars: 300, .. })
        ));
        assert!(check_path("en/profiles/a-b/photo.jpg").is_ok());
    }

    proptest::proptest! {
        /// Whatever the parts, an accepted path joined to the output folder
        /// stays inside it.
        #[test]
        fn an_accepted_output_path_is_inside_the_output(
            parts in proptest::collection::vec("(\\.\\.|\\.|[a-z.\\\\]{0,3}|/)", 1..6)
        ) {
            let path = parts.join("/");
            if check_path(&path).is_ok() {
                let out = Path::new("/srv/public");
                let joined = out.join(&path);
                proptest::prop_assert!(joined.starts_with(out));
                proptest::prop_assert!(joined.components().count() > out.components().count());
                proptest::prop_assert!(Path::new(&path)
                    .components()
                    .all(|c| matches!(c, std::path::Component::Normal(_))));
            }
        }
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
