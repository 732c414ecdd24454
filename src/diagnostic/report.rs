//! Diagnostics as an editor reads them in a terminal: `file:line:col`, the
//! offending line with a marker under the spot, the message, the hint, and
//! the library's own words where we wrapped them.
//!
//! Drawing is annotate-snippets' (the renderer rustc itself uses); this
//! module only decides what goes in. It returns text: the binary prints it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::messages::say;
use super::{Diagnostic, Diagnostics, Lang, display_path};

/// How to draw.
#[derive(Debug, Clone, Copy)]
pub struct ReportStyle {
    pub lang: Lang,
    /// ANSI colours (for a terminal that wants them).
    pub color: bool,
}

/// The lines of the files problems are in, each file read once.
pub struct SourceLines {
    root: PathBuf,
    files: HashMap<PathBuf, Option<Vec<String>>>,
}

impl SourceLines {
    /// Files are read from under the site's folder `root`.
    pub fn new(root: &Path) -> Self {
        SourceLines {
            root: root.to_path_buf(),
            files: HashMap::new(),
        }
    }

    /// The text of the line `d` points at, as the loader read it (BOM and
    /// CR removed, NFC); `None` for a whole-file problem or a file that
    /// cannot be read.
    pub fn line_of(&mut self, d: &Diagnostic) -> Option<String> {
        let line = d.line?;
        if d.cell().is_some() {
            // A workbook's rows are not lines of text.
            return None;
        }
        let root = &self.root;
        let lines = self.files.entry(d.path.clone()).or_insert_with(|| {
            // Only files inside the site, and never a pipe or a device.
            let bytes = crate::sitefs::read_relative(root, &d.path)?;
            let text = crate::i18n::text::decode_source(&bytes)
                .unwrap_or_else(|_| String::from_utf8_lossy(&bytes).into_owned());
            Some(text.lines().map(str::to_owned).collect())
        });
        lines.as_ref()?.get(line.checked_sub(1)?).cloned()
    }
}

/// Every diagnostic, drawn one after another; `root` is the site's folder,
/// where the offending lines are read from.
pub fn render(problems: &Diagnostics, root: &Path, style: ReportStyle) -> String {
    let mut sources = SourceLines::new(root);
    problems
        .iter()
        .map(|d| render_one(d, sources.line_of(d).as_deref(), style))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One diagnostic, drawn, with the text of its line when known.
pub fn render_one(d: &Diagnostic, source_line: Option<&str>, style: ReportStyle) -> String {
    let lang = style.lang;
    let path = display_path(&d.path);
    let error = say!(lang, en: "error", vi: "lỗi");
    let mut group = Level::ERROR
        .with_name(error)
        .primary_title(d.message.as_str())
        .element(place(d, source_line, &path));
    if let Some(cell) = d.cell() {
        group = group.element(
            Level::NOTE
                .with_name(say!(lang, en: "cell", vi: "ô"))
                .message(cell),
        );
    }
    if let Some(hint) = &d.hint {
        group = group.element(
            Level::HELP
                .with_name(say!(lang, en: "hint", vi: "gợi ý"))
                .message(hint.as_str()),
        );
    }
    if let Some(detail) = d.problem.detail() {
        let said = say!(lang, en: "the TOML reader said", vi: "thư viện TOML báo");
        group = group.element(Level::NOTE.with_name(said).message(detail));
    }
    let renderer = if style.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let report: [Group; 1] = [group];
    let mut out = renderer.render(&report);
    out.push('\n');
    out
}

/// The source line with a marker, or just `file:line:col` when the line is
/// not known.
fn place<'a>(
    d: &Diagnostic,
    source_line: Option<&'a str>,
    path: &str,
) -> annotate_snippets::Element<'a> {
    match (source_line, d.line) {
        (Some(source), Some(line)) => Snippet::source(source)
            .line_start(line)
            .path(path.to_owned())
            .annotation(AnnotationKind::Primary.span(marker(source, d.col, d.width())))
            .into(),
        _ => {
            let mut origin = Origin::path(path.to_owned());
            if let Some(line) = d.line {
                origin = origin.line(line);
                // In a workbook the cell says the column (in `cell`).
                if let Some(col) = d.col.filter(|_| d.cell().is_none()) {
                    origin = origin.char_column(col.saturating_sub(1));
                }
            }
            origin.into()
        }
    }
}

/// The bytes to mark on `line`: from column `col` (1-based, in characters)
/// over `width` characters when the finder knew them, else to the end of the
/// word or value there; the whole line's text when the column is not known.
fn marker(line: &str, col: Option<usize>, width: Option<usize>) -> std::ops::Range<usize> {
    let Some(col) = col else {
        let start = line.len() - line.trim_start().len();
        return start..line.trim_end().len().max(start);
    };
    let start = line
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let rest = &line[start..];
    if let Some(width) = width {
        let end = rest
            .char_indices()
            .nth(width)
            .map_or(rest.len(), |(i, _)| i);
        return start..start + end;
    }
    let len = token_len(rest);
    start..start + len.max(rest.chars().next().map_or(0, char::len_utf8))
}

/// The length in bytes of the TOML token `rest` starts with: a quoted text
/// to its closing quote, a table header (`[[recipients]]`), list or inline
/// table to its closing bracket, else a bare word or value. What is not
/// closed on the line runs to its end (spaces at the end left out).
fn token_len(rest: &str) -> usize {
    let to_end = rest.trim_end().len();
    match rest.chars().next() {
        // Bytes that are not UTF-8, as the line was read: those only.
        Some(char::REPLACEMENT_CHARACTER) => rest
            .find(|c| c != char::REPLACEMENT_CHARACTER)
            .unwrap_or(rest.len()),
        Some(q @ ('"' | '\'')) => quoted_len(rest, q).unwrap_or(to_end),
        Some('[' | '{') => {
            let mut depth = 0usize;
            let mut i = 0;
            while i < rest.len() {
                let c = rest[i..].chars().next().unwrap_or(' ');
                match c {
                    '[' | '{' => depth += 1,
                    ']' | '}' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return i + 1;
                        }
                    }
                    '"' | '\'' => match quoted_len(&rest[i..], c) {
                        Some(len) => {
                            i += len;
                            continue;
                        }
                        None => return to_end,
                    },
                    '#' => return rest[..i].trim_end().len(),
                    _ => {}
                }
                i += c.len_utf8();
            }
            to_end
        }
        Some(_) => rest
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ']' | '}' | '=' | '#'))
            .unwrap_or(rest.len()),
        None => 0,
    }
}

/// The length of the text quoted by `q` that `text` starts with, quotes
/// included (a basic string's `\"` does not close it); `None` when it is
/// not closed on the line.
fn quoted_len(text: &str, q: char) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text.char_indices().skip(1) {
        match c {
            '\\' if q == '"' && !escaped => escaped = true,
            c if c == q && !escaped => return Some(i + c.len_utf8()),
            _ => escaped = false,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::messages::{Expected, Found};
    use crate::diagnostic::{FileProblem, TomlProblem};

    #[test]
    fn shows_file_line_column_the_line_and_a_marker() {
        let mut d = Diagnostic::at(
            "content/profiles/a.md",
            5,
            Some(8),
            TomlProblem::WrongType {
                key: Some("year".into()),
                expected: Expected::WholeNumber { example: 2020 },
                found: Found::Text("2020".into()),
                detail: "invalid type: string \"2020\", expected i64".into(),
            },
        );
        d = d.localised(Lang::Vi);
        let text = render_one(
            &d,
            Some("year = \"2020\""),
            ReportStyle {
                lang: Lang::Vi,
                color: false,
            },
        );
        assert!(text.contains("lỗi: `year` phải là một số nguyên"), "{text}");
        assert!(text.contains("content/profiles/a.md:5:8"), "{text}");
        assert!(text.contains("5 | year = \"2020\""), "{text}");
        assert!(text.contains("^^^^^^"), "{text}");
        assert!(
            text.contains("gợi ý: bỏ dấu ngoặc kép quanh 2020"),
            "{text}"
        );
        assert!(
            text.contains("invalid type: string \"2020\", expected i64"),
            "{text}"
        );
    }

    #[test]
    fn a_whole_file_problem_shows_the_file() {
        let d = Diagnostic::file("content/profiles/x.en.md", FileProblem::EmptyFile);
        let text = render_one(
            &d,
            None,
            ReportStyle {
                lang: Lang::En,
                color: false,
            },
        );
        assert!(text.contains("error: the file is empty"), "{text}");
        assert!(text.contains("content/profiles/x.en.md"), "{text}");
    }

    #[test]
    fn marker_covers_the_value() {
        assert_eq!(marker("year = \"2020\"", Some(8), None), 7..13);
        assert_eq!(marker("nmae = 1", Some(1), None), 0..4);
        assert_eq!(marker("đào = 1", Some(1), None), 0.."đào".len());
        assert_eq!(marker("  x", None, None), 2..3);
        assert_eq!(marker("", Some(1), None), 0..0);
        // Table headers, lists and inline tables, whole.
        assert_eq!(marker("[[counts]]", Some(1), None), 0..10);
        assert_eq!(marker("[[recipients]]  # ai", Some(1), None), 0..14);
        assert_eq!(marker("[languages.vi]", Some(1), None), 0..14);
        let line = "period = [2020, \"2021]\"] # x";
        assert_eq!(&line[marker(line, Some(10), None)], "[2020, \"2021]\"]");
        let line = "unit = { vi = \"Phòng Tổng hợp\", en = \"Office\" }";
        assert_eq!(&line[marker(line, Some(8), None)], &line[7..]);
        // A quoted text with an escaped quote and spaces, a key before `=`.
        let line = "name = \"Lê \\\"An\\\" Văn\" # tên";
        assert_eq!(&line[marker(line, Some(8), None)], "\"Lê \\\"An\\\" Văn\"");
        assert_eq!(marker("nmae=1", Some(1), None), 0..4);
        assert_eq!(
            marker("\"ghi chú\" = 1", Some(1), None),
            0.."\"ghi chú\"".len()
        );
        // Not closed on its line: to its end.
        assert_eq!(
            marker("name = \"Lê Văn  ", Some(8), None),
            7.."name = \"Lê Văn".len()
        );
        // Bytes that are not UTF-8 (read as U+FFFD), and no more.
        let line = "Nguy\u{FFFD}\u{FFFD}n;individual";
        assert_eq!(&line[marker(line, Some(5), None)], "\u{FFFD}\u{FFFD}");
        // A CSV cell: spaces and diacritics included.
        let line = "Họ và tên;Ghi chú;Loại";
        assert_eq!(&line[marker(line, Some(11), Some(7))], "Ghi chú");
    }
}
