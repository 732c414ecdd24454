//! Telling a passing I/O failure during a rebuild from a problem in the
//! content, and how long to wait before building again.
//!
//! A rebuild that cannot open a file because the process has run out of
//! file handles, or because an editor's save replaced the file the moment it
//! was read, is no fault of the content: showing "Too many open files"
//! against `site.toml` in the overlay sent editors looking for a mistake
//! that was not there, and the overlay stayed until the next edit. Such a
//! rebuild is tried again after a short wait instead.

use std::path::Path;
use std::time::Duration;

use super::conn::out_of_files;
use crate::diagnostic::{CsvProblem, Diagnostic, Diagnostics, FileProblem, Problem};

/// What kind of failure a rebuild's problems are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// Something in the content: show it.
    Content,
    /// Files could not be read but can now, or are gone (a save in
    /// progress): worth a few more tries before showing it.
    Passing,
    /// The process or the system has no file handle left: try again until
    /// there is one; it is never the content's fault.
    OutOfFiles,
}

/// The first wait; each next one doubles.
const FIRST_WAIT: Duration = Duration::from_millis(50);
/// The longest wait between tries while out of file handles.
const LONGEST_WAIT: Duration = Duration::from_secs(2);
/// Tries after a passing failure before it is shown.
const PASSING_TRIES: u32 = 3;

/// Classifies a failed rebuild of the site at `root`: content, unless every
/// problem is a file that could not be read and trying again might help.
pub fn failure(problems: &Diagnostics, root: &Path) -> Failure {
    let mut failure = Failure::Passing;
    for d in problems.iter() {
        let Some(detail) = unreadable(d) else {
            return Failure::Content;
        };
        // The probe may find a handle freed since: the words tell too.
        if said_out_of_files(detail) {
            failure = Failure::OutOfFiles;
            continue;
        }
        match probe(&root.join(&d.path)) {
            Failure::Content => return Failure::Content,
            Failure::OutOfFiles => failure = Failure::OutOfFiles,
            Failure::Passing => {}
        }
    }
    if problems.is_empty() {
        Failure::Content
    } else {
        failure
    }
}

/// The system's words, when `d` is a file that could not be read.
fn unreadable(d: &Diagnostic) -> Option<&str> {
    match &*d.problem {
        Problem::File(FileProblem::CannotRead { detail, .. })
        | Problem::Csv(CsvProblem::Unreadable { detail }) => Some(detail),
        _ => None,
    }
}

/// Whether the system's words (an `io::Error` as text) say that no file
/// handle was left.
fn said_out_of_files(detail: &str) -> bool {
    #[cfg(unix)]
    {
        [libc::EMFILE, libc::ENFILE]
            .map(|code| std::io::Error::from_raw_os_error(code).to_string())
            .iter()
            .any(|words| detail.contains(words.as_str()))
    }
    #[cfg(not(unix))]
    {
        let _ = detail;
        false
    }
}

/// Opens the file (or lists the folder) again to see whether it still fails.
fn probe(path: &Path) -> Failure {
    let opened = if path.is_dir() {
        std::fs::read_dir(path).map(|_| ())
    } else {
        std::fs::File::open(path).map(|_| ())
    };
    match opened {
        Ok(()) => Failure::Passing,
        Err(e) if out_of_files(&e) => Failure::OutOfFiles,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Failure::Passing,
        Err(_) => Failure::Content,
    }
}

/// Waits between tries of one rebuild.
#[derive(Debug, Default)]
pub struct Backoff {
    tries: u32,
}

impl Backoff {
    /// How long to wait before trying again after `failure`; `None`: show
    /// the problems.
    pub fn next(&mut self, failure: Failure) -> Option<Duration> {
        let wait = match failure {
            Failure::Content => return None,
            Failure::Passing if self.tries >= PASSING_TRIES => return None,
            _ => FIRST_WAIT
                .saturating_mul(1 << self.tries.min(10))
                .min(LONGEST_WAIT),
        };
        self.tries += 1;
        Some(wait)
    }

    /// Whether this is the first retry (to warn once).
    pub fn first(&self) -> bool {
        self.tries == 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::FileProblem;
    use crate::diagnostic::messages::Unreadable;

    fn cannot_read(path: &str, detail: &str) -> Diagnostic {
        let problem = FileProblem::CannotRead {
            what: Unreadable::SiteConfig,
            detail: detail.into(),
        };
        Diagnostic::file(path, problem)
    }

    #[cfg(unix)]
    #[test]
    fn no_file_handle_left_is_never_the_content() {
        // Why: "Too many open files" was shown against site.toml in the
        // overlay, which stayed after the connections closed.
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join("site.toml"), "").unwrap_or_default();
        let detail = std::io::Error::from_raw_os_error(libc::EMFILE).to_string();
        let problems = Diagnostics(vec![cannot_read("site.toml", &detail)]);
        assert_eq!(failure(&problems, dir.path()), Failure::OutOfFiles);
    }

    #[test]
    fn a_file_that_reads_now_or_is_gone_is_a_passing_failure() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join("site.toml"), "").unwrap_or_default();
        let problems = Diagnostics(vec![cannot_read("site.toml", "Permission denied")]);
        assert_eq!(failure(&problems, dir.path()), Failure::Passing);
        let gone = Diagnostics(vec![cannot_read("content/gone.md", "No such file")]);
        assert_eq!(failure(&gone, dir.path()), Failure::Passing);
        let mut mixed = gone.clone();
        mixed.push(Diagnostic::file("content/a.md", FileProblem::NotUtf8));
        assert_eq!(failure(&mixed, dir.path()), Failure::Content);
    }

    #[test]
    fn passing_failures_are_tried_a_few_times_running_out_of_files_until_it_ends() {
        let mut backoff = Backoff::default();
        let waits: Vec<_> = std::iter::from_fn(|| backoff.next(Failure::Passing)).collect();
        assert_eq!(
            waits,
            [50, 100, 200].map(Duration::from_millis).to_vec(),
            "then the problems are shown"
        );
        let mut backoff = Backoff::default();
        let waits: Vec<_> = (0..8)
            .map_while(|_| backoff.next(Failure::OutOfFiles))
            .collect();
        assert_eq!(waits.len(), 8, "never given up");
        assert_eq!(waits.last(), Some(&LONGEST_WAIT));
        assert_eq!(Backoff::default().next(Failure::Content), None);
    }
}
