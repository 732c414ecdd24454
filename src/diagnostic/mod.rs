//! Problems found in a site, as data.
//!
//! Every problem the loader, the assembler or the renderer finds becomes a
//! [`Diagnostic`]: the file (relative to the site root), the 1-based line and
//! column where it is, what went wrong as a [`Problem`] (data that can be said
//! in every language of [`Lang`]), and that problem's message and hint in the
//! language chosen for this run. Nothing here prints: the binary renders them
//! ([`report`], which also shows the offending line: [`report::SourceLines`]),
//! `check` lists them all, and the preview server draws them into its pages.

pub mod boundary;
pub mod messages;
pub mod photo;
pub mod report;
pub mod toml_read;
pub mod toml_words;

use std::fmt;
use std::path::{Component, Path, PathBuf};
use std::str::FromStr;
use std::sync::OnceLock;

pub use messages::{
    AwardName, AwardProblem, ConfigProblem, CsvProblem, DateProblem, FileProblem, NameProblem,
    OutputProblem, Problem, ReferenceProblem, ThemeProblem, TomlProblem,
};

/// A language messages can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    /// The messages language for a site whose default language is `code`:
    /// Vietnamese for a Vietnamese site, English for any other.
    pub fn for_site_language(code: &str) -> Lang {
        if code == "vi" { Lang::Vi } else { Lang::En }
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Lang, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" => Ok(Lang::Vi),
            "en" => Ok(Lang::En),
            other => Err(format!(
                "\"{other}\" is not a messages language: use vi or en"
            )),
        }
    }
}

/// Where a problem is, beyond its line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Extent {
    /// How many characters from the column the problem covers (a CSV cell).
    Width(usize),
    /// The workbook cell or range, `Sheet1!C7`: a workbook's lines are its
    /// rows, not lines of text, and the column is the sheet's column number
    /// (C → 3).
    Cell(String),
}

/// One problem in one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, relative to the site root (or as given, for files outside it).
    pub path: PathBuf,
    /// 1-based physical line of the whole file, where the problem has a place.
    pub line: Option<usize>,
    /// 1-based column (in characters) on that line.
    pub col: Option<usize>,
    /// Where exactly, beyond line and column, when the finder knows: the
    /// width of a CSV cell, or a workbook's cell (see [`Diagnostic::width`]
    /// and [`Diagnostic::cell`]). Boxed: diagnostics travel in `Result`s
    /// and stay small.
    pub extent: Option<Box<Extent>>,
    /// What is wrong and what was expected, in plain words (see [`Diagnostic::localised`]).
    pub message: String,
    /// A suggestion, e.g. "did you mean `name`?".
    pub hint: Option<String>,
    /// What is wrong, as data: says `message` and `hint` again in any
    /// language (boxed: diagnostics travel in `Result`s and stay small).
    pub problem: Box<Problem>,
}

impl Diagnostic {
    /// A problem about a whole file.
    pub fn file(path: impl Into<PathBuf>, problem: impl Into<Problem>) -> Self {
        Diagnostic::new(path.into(), None, None, problem.into())
    }

    /// A problem at a line (and column, when known) of a file.
    pub fn at(
        path: impl Into<PathBuf>,
        line: usize,
        col: Option<usize>,
        problem: impl Into<Problem>,
    ) -> Self {
        Diagnostic::new(path.into(), Some(line), col, problem.into())
    }

    fn new(path: PathBuf, line: Option<usize>, col: Option<usize>, problem: Problem) -> Self {
        let (message, hint) = (problem.message(Lang::En), problem.hint(Lang::En));
        Diagnostic {
            path,
            line,
            col,
            extent: None,
            message,
            hint,
            problem: Box::new(problem),
        }
    }

    /// The same problem, covering `width` characters from its column (0: unknown).
    pub fn with_width(mut self, width: usize) -> Self {
        self.extent = (width > 0).then(|| Box::new(Extent::Width(width)));
        self
    }

    /// The same problem, in the workbook cell or range `cell` (`Sheet1!C7`).
    pub fn with_cell(mut self, cell: impl Into<String>) -> Self {
        self.extent = Some(Box::new(Extent::Cell(cell.into())));
        self
    }

    /// How many characters from `col` the problem covers, when the finder
    /// knows (a CSV cell); `None`: the word or value at `col`.
    pub fn width(&self) -> Option<usize> {
        match self.extent.as_deref() {
            Some(Extent::Width(width)) => Some(*width),
            _ => None,
        }
    }

    /// The workbook cell or range the problem is in, `Sheet1!C7`.
    pub fn cell(&self) -> Option<&str> {
        match self.extent.as_deref() {
            Some(Extent::Cell(cell)) => Some(cell),
            _ => None,
        }
    }

    /// The same problem with its message and hint in `lang`.
    pub fn localised(mut self, lang: Lang) -> Self {
        self.message = self.problem.message(lang);
        self.hint = self.problem.hint(lang);
        self
    }

    /// The place as `file:line:col`, as far as it is known; in a
    /// workbook `file:row (Sheet1!C7)`.
    pub fn location(&self) -> String {
        let file = display_path(&self.path);
        match (self.line, self.col, self.cell()) {
            (Some(l), _, Some(cell)) => format!("{file}:{l} ({cell})"),
            (Some(l), Some(c), None) => format!("{file}:{l}:{c}"),
            (Some(l), None, None) => format!("{file}:{l}"),
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

/// A path with forward slashes, as editors see it in messages on every
/// system; an absolute path keeps its one leading slash (`/srv/x`).
pub fn display_path(path: &Path) -> String {
    let mut out = String::new();
    for c in path.components() {
        match c {
            Component::Prefix(p) => out.push_str(&p.as_os_str().to_string_lossy()),
            Component::RootDir => out.push('/'),
            part => {
                if !out.is_empty() && !out.ends_with('/') {
                    out.push('/');
                }
                out.push_str(&part.as_os_str().to_string_lossy());
            }
        }
    }
    out
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
        self.0.sort_by(|a, b| {
            (&a.path, a.line, a.col, &a.message).cmp(&(&b.path, b.line, b.col, &b.message))
        });
        self.0.dedup();
        self
    }

    /// Every message and hint in `lang`.
    pub fn localised(self, lang: Lang) -> Self {
        Diagnostics(self.0.into_iter().map(|d| d.localised(lang)).collect())
    }

    /// `Ok(value)` when nothing was found, else all problems.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self.sorted())
        }
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

/// The closest known name, for "did you mean" hints.
pub fn closest<'a>(word: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    known
        .map(|k| (strsim::jaro_winkler(word, k), k))
        .filter(|(score, _)| *score > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, k)| k)
}

/// 1-based line and column (in characters) of byte offset `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// The line starts of one text, found once, when first asked: a file with
/// many problems finds each one's line by binary search rather than by
/// counting lines from the top every time (which grew with the square of
/// the file's size).
#[derive(Debug, Clone, Default)]
pub struct Lines(OnceLock<Vec<usize>>);

impl Lines {
    /// As [`line_col`], for `text`: always the same text for one `Lines`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let starts = self.0.get_or_init(|| {
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let line = starts.partition_point(|&s| s <= offset) - 1;
        let col = text[starts[line]..offset].chars().count() + 1;
        (line + 1, col)
    }
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
    fn lines_agree_with_counting_from_the_top() {
        let text = "a\nđào = 1\n\nxyz ảnh\r\n\u{1f600}!";
        let lines = Lines::default();
        for offset in (0..=text.len() + 2).rev() {
            assert_eq!(
                lines.line_col(text, offset),
                line_col(text, offset),
                "{offset}"
            );
        }
    }

    #[test]
    fn location_uses_forward_slashes() {
        let d = Diagnostic::at(
            Path::new("content").join("profiles").join("a.md"),
            3,
            Some(7),
            FileProblem::EmptyFile,
        );
        assert_eq!(d.location(), "content/profiles/a.md:3:7");
    }

    #[test]
    fn an_absolute_path_is_shown_with_one_leading_slash() {
        // Regression: `//srv/site/public` was printed for `/srv/site/public`.
        assert_eq!(
            display_path(Path::new("/srv/site/public")),
            "/srv/site/public"
        );
        assert_eq!(display_path(Path::new("/")), "/");
    }

    #[test]
    fn a_diagnostic_says_its_problem_in_either_language() {
        let d = Diagnostic::file("a.md", FileProblem::EmptyFile);
        assert!(d.message.contains("empty"), "{}", d.message);
        let vi = d.localised(Lang::Vi);
        assert!(vi.message.contains("trống"), "{}", vi.message);
        assert!(vi.localised(Lang::En).message.contains("empty"));
    }

    #[test]
    fn messages_language_from_flag_or_site() {
        assert_eq!("EN".parse::<Lang>(), Ok(Lang::En));
        assert!("fr".parse::<Lang>().is_err());
        assert_eq!(Lang::for_site_language("vi"), Lang::Vi);
        assert_eq!(Lang::for_site_language("km"), Lang::En);
    }
}
