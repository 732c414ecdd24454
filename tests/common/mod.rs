//! Test harness: copy a fixture site to a temporary folder, build it, and
//! read what was built.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

pub mod english;
pub mod fields;
pub mod images;
pub mod server;
pub mod workbooks;

use vinhdanh::diagnostic::display_path;
use vinhdanh::{BuildOptions, Diagnostic, Diagnostics, Lang, build_site};

pub struct TestSite {
    pub dir: tempfile::TempDir,
}

impl TestSite {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> TestSite {
        let dir = tempfile::tempdir().expect("temp dir");
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        copy_dir(&src, &dir.path().join("site"));
        TestSite { dir }
    }

    pub fn root(&self) -> PathBuf {
        self.dir.path().join("site")
    }

    pub fn out(&self) -> PathBuf {
        self.root().join("public")
    }

    /// The photo cache of this site's builds: beside the site, in its
    /// temporary folder, so tests never write the user's cache.
    pub fn cache(&self) -> PathBuf {
        self.dir.path().join("cache")
    }

    /// Build options for this site, with messages in English so tests can
    /// match their words (the site's default, Vietnamese, is tested on its own).
    pub fn options(&self) -> BuildOptions {
        BuildOptions {
            root: self.root(),
            lang: Some(Lang::En),
            cache_dir: Some(self.cache()),
            ..BuildOptions::default()
        }
    }

    pub fn build(&self) -> Result<(), Diagnostics> {
        self.build_with(self.options())
    }

    pub fn build_with(&self, options: BuildOptions) -> Result<(), Diagnostics> {
        build_site(&options).map(|_| ())
    }

    /// Builds and panics with the problems if it fails.
    pub fn built(self) -> Self {
        if let Err(e) = self.build() {
            panic!("build failed:\n{e}");
        }
        self
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let path = self.root().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        fs::remove_file(self.root().join(rel)).unwrap();
    }

    /// A built file as text; panics with the list of built files when missing.
    pub fn page(&self, rel: &str) -> String {
        let path = self.out().join(rel);
        fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{rel} was not built; built: {:?}", self.built_files()))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.out().join(rel).is_file()
    }

    pub fn built_files(&self) -> Vec<String> {
        let mut files: Vec<String> = walkdir::WalkDir::new(self.out())
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(self.out())
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        files.sort();
        files
    }

    /// Runs the binary in the site's folder.
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        self.run_with_env(args, &[])
    }

    /// Runs the binary in the site's folder with extra environment variables
    /// (and without a `VINHDANH_LANG` the test runner may have).
    pub fn run_with_env(&self, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_vinhdanh"))
            .args(args)
            .current_dir(self.root())
            .env("NO_COLOR", "1")
            .env_remove("VINHDANH_LANG")
            .env("VINHDANH_CACHE", self.cache())
            .envs(env.iter().copied())
            .output()
            .expect("run vinhdanh");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file of a folder with its bytes, to compare folders.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// The position of `needle` in `haystack`, panicking with context when absent.
pub fn pos(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found in page"))
}

/// The problem in `path` (at `line`, if given) whose message has `words`.
pub fn find<'a>(
    problems: &'a Diagnostics,
    path: &str,
    line: Option<usize>,
    words: &str,
) -> &'a Diagnostic {
    problems
        .iter()
        .find(|d| {
            display_path(&d.path) == path
                && (line.is_none() || d.line == line)
                && d.message.contains(words)
        })
        .unwrap_or_else(|| {
            panic!("no problem in {path} at line {line:?} saying {words:?}; found:\n{problems}")
        })
}
