//! Splits a markdown file into its TOML front matter (between two `+++`
//! lines) and its body, keeping the line numbers of both.

/// A markdown file split in two.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The TOML text between the `+++` lines.
    pub toml: &'a str,
    /// Lines of the file before the TOML text (1: the opening `+++`).
    pub toml_line_offset: usize,
    /// The markdown after the closing `+++`.
    pub body: &'a str,
    /// Lines of the file before the body.
    pub body_line_offset: usize,
}

/// Why a file could not be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// The file is empty or holds only white space.
    Empty,
    /// The first line is not `+++`.
    NoOpening { first_line: String },
    /// No closing `+++` line.
    NotClosed,
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "+++"
}

/// Splits `text` (LF line endings, no BOM: see `i18n::text::decode_source`).
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    if text.trim().is_empty() {
        return Err(SplitError::Empty);
    }
    let first_end = text.find('\n').unwrap_or(text.len());
    let first = &text[..first_end];
    if !is_fence(first) {
        return Err(SplitError::NoOpening {
            first_line: first.chars().take(60).collect(),
        });
    }
    let toml_start = (first_end + 1).min(text.len());
    let mut pos = toml_start;
    let mut line_no = 1;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        line_no += 1;
        if is_fence(&text[pos..end]) {
            let body_start = (end + 1).min(text.len());
            return Ok(Split {
                toml: &text[toml_start..pos],
                toml_line_offset: 1,
                body: &text[body_start..],
                body_line_offset: line_no,
            });
        }
        pos = end + 1;
    }
    Err(SplitError::NotClosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_lines() {
        let s = split("+++\nname = \"A\"\nyear = 2020\n+++\n\nBody\n").unwrap();
        assert_eq!(s.toml, "name = \"A\"\nyear = 2020\n");
        assert_eq!(s.toml_line_offset, 1);
        assert_eq!(s.body, "\nBody\n");
        assert_eq!(s.body_line_offset, 4);
    }

    #[test]
    fn empty_front_matter_and_no_body() {
        let s = split("+++\n+++").unwrap();
        assert_eq!(s.toml, "");
        assert_eq!(s.body, "");
    }

    #[test]
    fn errors() {
        assert_eq!(split("  \n"), Err(SplitError::Empty));
        assert!(matches!(
            split("---\ntitle: x\n---\n"),
            Err(SplitError::NoOpening { .. })
        ));
        assert_eq!(split("+++\nname = 1\n"), Err(SplitError::NotClosed));
    }
}
