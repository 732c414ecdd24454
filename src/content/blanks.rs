//! Values `vinhdanh new` left for the editor to fill in (the blank
//! `"___"`, [`BLANK`]): found before types are checked, so `check` on a
//! fresh file names exactly the fields still to fill in.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics, FileProblem};
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

/// Every value `vinhdanh new` left blank, reported together (and before
/// their types are checked: a blank is not a wrong type, it is a to-do).
pub(super) fn blanks_left(
    rel: &Path,
    toml_text: &str,
    line_offset: usize,
) -> Result<(), Diagnostics> {
    let blanks: Vec<Diagnostic> = blanks(toml_text)
        .into_iter()
        .map(|b| {
            Diagnostic::at(
                rel,
                b.line + line_offset,
                Some(b.col),
                FileProblem::Blank { field: b.field },
            )
        })
        .collect();
    if blanks.is_empty() {
        Ok(())
    } else {
        Err(Diagnostics(blanks))
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
