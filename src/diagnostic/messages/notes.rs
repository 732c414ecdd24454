//! What a command notes beside a successful run: nothing is wrong, the site
//! builds, but the editor should know. Like [`super::Status`], every note
//! is data with its words in each language side by side.

use std::path::PathBuf;

use super::{joined, say};
use crate::diagnostic::{Lang, display_path};

/// One note `build` and `check` print (exit status 0).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Note {
    /// Personal-data columns of a recipients spreadsheet were read past:
    /// `headers` as written in `file` (never a value of them); `sheet` is
    /// the workbook's sheet read (`None`: a CSV file).
    DroppedColumns {
        file: PathBuf,
        sheet: Option<String>,
        headers: Vec<String>,
    },
}

impl Note {
    /// The note in `lang`, on one line, starting with the word "note".
    pub fn words(&self, lang: Lang) -> String {
        match self {
            Note::DroppedColumns {
                file,
                sheet,
                headers,
            } => {
                let file = display_path(file);
                let place = match sheet {
                    Some(sheet) => {
                        say!(lang, en: "{file}, sheet `{sheet}`", vi: "{file}, trang tính `{sheet}`")
                    }
                    None => file,
                };
                let list = joined(headers, say!(lang, en: " and ", vi: " và "));
                match headers.len() {
                    1 => say!(lang,
                        en: "note: {place}: the column {list} holds personal data: it was left out, and nothing in it is published",
                        vi: "ghi chú: {place}: cột {list} chứa thông tin cá nhân nên đã được bỏ qua, không nội dung nào trong đó được công bố"),
                    _ => say!(lang,
                        en: "note: {place}: the columns {list} hold personal data: they were left out, and nothing in them is published",
                        vi: "ghi chú: {place}: các cột {list} chứa thông tin cá nhân nên đã được bỏ qua, không nội dung nào trong đó được công bố"),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_names_the_file_and_every_header() {
        let note = Note::DroppedColumns {
            file: PathBuf::from("content/awards/a.csv"),
            sheet: None,
            headers: vec!["Ngày sinh".into(), "Số CCCD".into(), "SĐT".into()],
        };
        assert_eq!(
            note.words(Lang::En),
            "note: content/awards/a.csv: the columns `Ngày sinh`, `Số CCCD` and `SĐT` hold personal data: \
             they were left out, and nothing in them is published"
        );
        let note = Note::DroppedColumns {
            file: PathBuf::from("content/awards/b.xlsx"),
            sheet: Some("DS".into()),
            headers: vec!["Địa chỉ".into()],
        };
        let vi = note.words(Lang::Vi);
        assert!(
            vi.starts_with("ghi chú: content/awards/b.xlsx, trang tính `DS`: cột `Địa chỉ` chứa"),
            "{vi}"
        );
    }
}
