//! Line and column of the `@/` links a markdown text reports as broken.
//!
//! A text with many broken links (crafted, or a folder renamed under an
//! editor's feet) must not cost time growing with the square of its size:
//! counting lines from the top for every link did.

use std::iter;

/// Line and column of byte offsets in one text, for offsets asked mostly
/// in increasing order (as links come in the parser's events): the line is
/// found by binary search over line starts found once, the column by
/// counting characters on from the previous answer when it is on the same
/// line and not after the offset. Many links, even on one long line, cost
/// time linear in the text, where counting from the top each time did not.
pub(super) struct LineIndex {
    /// Byte offset where each line starts; the first is 0.
    starts: Vec<usize>,
    /// The last answer: (offset, 0-based line, 1-based column).
    last: (usize, usize, usize),
}

impl LineIndex {
    pub(super) fn new(text: &str) -> Self {
        let starts = iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex {
            starts,
            last: (0, 0, 1),
        }
    }

    /// 1-based line and column (in characters) of `offset` in `text`, the
    /// text this index was made from; an offset inside a character counts
    /// as that character, one past the end as the end.
    pub(super) fn line_col(&mut self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let (from, mut col) = match self.last {
            (last, last_line, col) if last_line == line && last <= offset => (last, col),
            _ => (self.starts[line], 1),
        };
        col += text[from..offset].chars().count();
        self.last = (offset, line, col);
        (line + 1, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::line_col;

    #[test]
    fn agrees_with_counting_from_the_top_in_any_order() {
        let text = "a\nđào = 1\n\nxyz ảnh\r\n\u{1f600}!";
        let mut offsets: Vec<usize> = (0..=text.len() + 2).collect();
        // Forwards, backwards, and forwards again from the same index.
        let mut index = LineIndex::new(text);
        for &o in offsets.iter().chain(offsets.iter().rev()) {
            assert_eq!(index.line_col(text, o), line_col(text, o), "offset {o}");
        }
        offsets.retain(|o| o % 3 == 0);
        for &o in &offsets {
            assert_eq!(index.line_col(text, o), line_col(text, o), "offset {o}");
        }
    }

    #[test]
    fn empty_text() {
        assert_eq!(LineIndex::new("").line_col("", 0), (1, 1));
        assert_eq!(LineIndex::new("").line_col("", 5), (1, 1));
    }
}
