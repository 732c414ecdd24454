//! Problems found in a site, as data.
//!
//! Every problem the loader, the assembler or the renderer finds becomes a
//! [`Diagnostic`]: the file (relative to the site root), the 1-based line and
//! column where it is, what was expected, and an optional hint. Nothing here
//! prints: the binary decides how to show them, `check` lists them all, and the
//! preview server draws them into its pages.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, relative to the site root (or as given, for files outside it).
    pub path: PathBuf,
    /// 1-based physical line of the whole file, where the problem has a place.
    pub line: Option<usize>,
    /// 1-based column (in characters) on that line.
    pub col: Option<usize>,
    /// What is wrong and what was expected, in plain words.
    pub message: String,
    /// A suggestion, e.g. "did you mean `name`?".
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A problem about a whole file.
    pub fn file(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic { path: path.into(), line: None, col: None, message: message.into(), hint: None }
    }

    /// A problem at a line (and column, when known) of a file.
    pub fn at(path: impl Into<PathBuf>, line: usize, col: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic { path: path.into(), line: Some(line), col, message: message.into(), hint: None }
    }

    /// The same problem with a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The place as `file:line:col`, as far as it is known.
    pub fn location(&self) -> String {
        let file = display_path(&self.path);
        match (self.line, self.col) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
            (Some(l), None) => format!("{file}:{l}"),
            _ => file,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

/// A path with forward slashes, as editors see it in messages on every system.
pub fn display_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Every problem one run found; the error type of loading and building.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn new() -> Self {
        Diagnostics(Vec::new())
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// Sorted by file, then line, so output is stable whatever order the
    /// parallel loader found them in.
    pub fn sorted(mut self) -> Self {
        self.0.sort_by(|a, b| (&a.path, a.line, a.col, &a.message).cmp(&(&b.path, b.line, b.col, &b.message)));
        self.0.dedup();
        self
    }

    /// `Ok(value)` when nothing was found, else all problems.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.0.is_empty() { Ok(value) } else { Err(self.sorted()) }
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// 1-based line and column (in characters) of byte offset `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "a\nđào = 1\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 2), (2, 1));
        // "đào " is 4 characters but 6 bytes
        assert_eq!(line_col(text, 2 + "đào ".len()), (2, 5));
    }

    #[test]
    fn location_uses_forward_slashes() {
        let d = Diagnostic::at(Path::new("content").join("profiles").join("a.md"), 3, Some(7), "x");
        assert_eq!(d.location(), "content/profiles/a.md:3:7");
    }
}
