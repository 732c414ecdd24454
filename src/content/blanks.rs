//! Values `vinhdanh new` left for the editor to fill in (the blank
//! `"___"`, [`BLANK`]): each is named as a field still to fill in, never
//! as a value of the wrong type, beside the file's other problems.

use std::ops::Range;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics, FileProblem, line_col};
use crate::vocab::BLANK;

/// A blank left in a TOML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blank {
    pub field: String,
    /// 1-based line and column of the value, in the TOML text.
    pub line: usize,
    pub col: usize,
}

/// Every `field = "___"` line of a TOML text (comments are not looked at).
pub fn blanks(toml_text: &str) -> Vec<Blank> {
    let mut out = Vec::new();
    if !toml_text.contains(BLANK) {
        return out;
    }
    let quoted = format!("\"{BLANK}\"");
    for (i, line) in toml_text.lines().enumerate() {
        let Some((key, rest)) = line.split_once('=') else {
            continue;
        };
        let value = rest.split('#').next().unwrap_or("").trim();
        let field = key.trim();
        if value == quoted && !field.starts_with('#') && !field.is_empty() {
            let value_at = key.len() + 1 + (rest.len() - rest.trim_start().len());
            let col = line[..value_at].chars().count() + 1;
            out.push(Blank {
                field: field.trim_matches('"').to_owned(),
                line: i + 1,
                col,
            });
        }
    }
    out
}

/// Every value `vinhdanh new` left blank in a TOML text, as problems, and
/// where they are: the type of a blank is not checked (a blank is not a
/// wrong type, it is a to-do), the rest of the file is.
pub(super) struct BlanksLeft {
    /// 1-based lines of the TOML text holding a blank.
    lines: Vec<usize>,
    pub problems: Diagnostics,
}

impl BlanksLeft {
    pub(super) fn find(rel: &Path, toml_text: &str, line_offset: usize) -> BlanksLeft {
        let found = blanks(toml_text);
        let problems = found
            .iter()
            .map(|b| {
                Diagnostic::at(
                    rel,
                    b.line + line_offset,
                    Some(b.col),
                    FileProblem::Blank {
                        field: b.field.clone(),
                    },
                )
            })
            .collect();
        BlanksLeft {
            lines: found.iter().map(|b| b.line).collect(),
            problems: Diagnostics(problems),
        }
    }

    /// Whether `span` of the TOML text is one of the blanks found.
    pub(super) fn covers(&self, toml_text: &str, span: Range<usize>) -> bool {
        let quoted = format!("\"{BLANK}\"");
        !self.lines.is_empty()
            && toml_text.get(span.clone()) == Some(quoted.as_str())
            && self.lines.contains(&line_col(toml_text, span.start).0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_blanks_with_their_place_and_skips_comments() {
        let text =
            "name = \"A\"\nkind = \"___\"   # individual\n# year = \"___\"\n  unit=\"___\"\n";
        assert_eq!(
            blanks(text),
            vec![
                Blank {
                    field: "kind".into(),
                    line: 2,
                    col: 8
                },
                Blank {
                    field: "unit".into(),
                    line: 4,
                    col: 8
                },
            ]
        );
    }
}
