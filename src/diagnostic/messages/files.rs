//! Problems reading a content file before its fields: unreadable, not
//! UTF-8, empty, no front matter, blanks left by `vinhdanh new`.

use super::say;
use crate::diagnostic::Lang;

/// A file that cannot be read as a page, or still has blanks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    CannotRead {
        what: Unreadable,
        detail: String,
    },
    NotUtf8,
    EmptyFile,
    NoFrontMatter {
        first_line: String,
    },
    FrontMatterNotClosed,
    /// A value `vinhdanh new` left for the editor to fill in.
    Blank {
        field: String,
    },
}

impl FileProblem {
    /// What is wrong and what was expected, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use FileProblem::*;
        match self {
            CannotRead { what, detail } => match what {
                Unreadable::File => {
                    say!(lang, en: "cannot read this file: {detail}", vi: "không đọc được tệp này: {detail}")
                }
                Unreadable::Folder => {
                    say!(lang, en: "cannot read this folder: {detail}", vi: "không đọc được thư mục này: {detail}")
                }
                Unreadable::SiteConfig => say!(lang,
                    en: "cannot read the site configuration: {detail}",
                    vi: "không đọc được tệp cấu hình của trang: {detail}"),
                Unreadable::RecipientsCsv { name } => say!(lang,
                    en: "cannot read the recipients file \"{name}\": {detail}",
                    vi: "không đọc được tệp danh sách người nhận \"{name}\": {detail}"),
                Unreadable::Attachment { name } => say!(lang,
                    en: "cannot read the attached decision \"{name}\": {detail}",
                    vi: "không đọc được tệp quyết định đính kèm \"{name}\": {detail}"),
            },
            NotUtf8 => {
                say!(lang, en: "the file is not valid UTF-8 text", vi: "tệp này không phải văn bản UTF-8 hợp lệ")
            }
            EmptyFile => say!(lang,
                en: "the file is empty: it must start with front matter between two lines of +++",
                vi: "tệp trống: tệp phải bắt đầu bằng phần thông tin (front matter) nằm giữa hai dòng +++"),
            NoFrontMatter { first_line } => say!(lang,
                en: "the file must start with a line of +++ (front matter), found \"{first_line}\"",
                vi: "tệp phải bắt đầu bằng một dòng +++ (mở phần thông tin), nhưng dòng đầu là \"{first_line}\""),
            FrontMatterNotClosed => say!(lang,
                en: "the front matter opened here with +++ is never closed",
                vi: "phần thông tin mở bằng +++ ở đây không được đóng lại"),
            Blank { field } => say!(lang,
                en: "`{field}` is still blank (___): fill it in",
                vi: "`{field}` vẫn còn để trống (___): hãy điền vào"),
        }
    }

    /// A suggestion for fixing it, in `lang`.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use FileProblem::*;
        let hint = match self {
            CannotRead {
                what: Unreadable::SiteConfig,
                ..
            } => say!(lang,
                en: "run vinhdanh in the site's folder, or give it with --root DIR",
                vi: "chạy vinhdanh trong thư mục của trang, hoặc chỉ ra thư mục bằng --root THƯ_MỤC"),
            CannotRead {
                what: Unreadable::Attachment { .. },
                ..
            } => say!(lang,
                en: "put the PDF beside the award list's .toml file and write its name: attachment = \"qd-631.pdf\"",
                vi: "đặt tệp PDF cạnh tệp .toml của danh sách khen thưởng và ghi tên tệp: attachment = \"qd-631.pdf\""),
            CannotRead {
                what: Unreadable::RecipientsCsv { .. },
                ..
            } => say!(lang,
                en: "the recipients file (.xlsx or .csv) sits beside the award list's .toml file; check its name",
                vi: "tệp danh sách người nhận (.xlsx hoặc .csv) nằm cạnh tệp .toml của danh sách khen thưởng; hãy kiểm tra tên tệp"),
            NotUtf8 => say!(lang,
                en: "save it as UTF-8 (in most editors: File → Save with Encoding → UTF-8)",
                vi: "lưu lại tệp dạng UTF-8 (trong hầu hết trình soạn thảo: File → Save with Encoding → UTF-8)"),
            EmptyFile => say!(lang,
                en: "`vinhdanh new profile \"<name>\"` makes a file with every field ready to fill in",
                vi: "lệnh `vinhdanh new profile \"<tên>\"` tạo sẵn một tệp có đủ các trường để điền"),
            NoFrontMatter { first_line } if first_line.trim() == "---" => say!(lang,
                en: "front matter sits between lines of +++ (TOML), not --- (YAML)",
                vi: "phần thông tin nằm giữa hai dòng +++ (TOML), không phải --- (YAML)"),
            NoFrontMatter { .. } => say!(lang,
                en: "put a line of +++ first, then the fields, then another line of +++, then the text",
                vi: "dòng đầu tiên là +++, tiếp theo là các trường, rồi một dòng +++ nữa, sau đó là bài viết"),
            FrontMatterNotClosed => {
                say!(lang, en: "add a line of +++ after the last field", vi: "thêm một dòng +++ sau trường cuối cùng")
            }
            Blank { .. } => say!(lang,
                en: "replace ___ with the value; the comment at the end of the line says what to write",
                vi: "thay ___ bằng giá trị; chú thích ở cuối dòng cho biết cần ghi gì"),
            _ => return None,
        };
        Some(hint)
    }
}

/// What could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    File,
    Folder,
    SiteConfig,
    RecipientsCsv {
        name: String,
    },
    /// The signed decision an award list attaches.
    Attachment {
        name: String,
    },
}
