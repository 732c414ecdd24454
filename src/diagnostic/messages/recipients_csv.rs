//! Problems in a recipients CSV file, with the fix an editor working in
//! Excel or LibreOffice needs.

use super::{joined, or_list, say};
use crate::diagnostic::Lang;

/// What is wrong in a recipients CSV file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvProblem {
    NotUtf8 {
        line: usize,
    },
    Unreadable {
        detail: String,
    },
    Empty,
    NoRows,
    DuplicateColumn {
        typed: String,
        col: usize,
        first_col: usize,
        first_typed: String,
    },
    UnknownColumn {
        typed: String,
        col: usize,
        accepted: String,
        fix: ColumnFix,
    },
    MissingColumn {
        kind_column: bool,
        accepted: Vec<String>,
        found: Vec<String>,
    },
    Ragged {
        values: usize,
        columns: usize,
        separator: char,
    },
    ValueWithoutColumn {
        col: usize,
        accepted: String,
    },
    NoName {
        column: String,
    },
    BadKind {
        value: String,
    },
    NoKind {
        column: String,
    },
}

impl CsvProblem {
    /// What is wrong and what was expected, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use CsvProblem::*;
        match self {
            NotUtf8 { line } => say!(lang,
                en: "this CSV file is not saved as UTF-8 (the first character that is not UTF-8 is on line {line}); \
                     it was probably saved by an old version of Excel or typed with a TCVN3, VNI or Windows-1258 font, \
                     and its Vietnamese letters cannot be read",
                vi: "tệp CSV này không được lưu dạng UTF-8 (ký tự đầu tiên không phải UTF-8 nằm ở dòng {line}); \
                     có lẽ tệp được lưu bằng Excel đời cũ hoặc gõ bằng phông TCVN3, VNI hay Windows-1258, \
                     nên không đọc được chữ tiếng Việt"),
            Unreadable { detail } => {
                say!(lang, en: "this CSV file cannot be read: {detail}", vi: "không đọc được tệp CSV này: {detail}")
            }
            Empty => say!(lang,
                en: "this CSV file is empty: it has no recipients; expected a header row \
                     (for example `name,kind,unit,position,profile`) and then one row per recipient",
                vi: "tệp CSV này trống: không có người nhận nào; cần một dòng tiêu đề \
                     (ví dụ `Họ và tên;Loại;Đơn vị;Chức vụ;Hồ sơ`) rồi mỗi dòng một người nhận"),
            NoRows => say!(lang,
                en: "this CSV file has a header row but no recipients; expected one row per recipient below the header",
                vi: "tệp CSV này có dòng tiêu đề nhưng không có người nhận nào; cần mỗi dòng một người nhận bên dưới dòng tiêu đề"),
            DuplicateColumn {
                typed,
                col,
                first_col,
                first_typed,
            } => say!(lang,
                en: "the column `{typed}` (column {col}) appears twice: column {first_col} `{first_typed}` is the same column; \
                     expected each column once",
                vi: "cột `{typed}` (cột {col}) xuất hiện hai lần: cột {first_col} `{first_typed}` là cùng một cột; \
                     mỗi cột chỉ được có một lần"),
            UnknownColumn {
                typed,
                col,
                accepted,
                ..
            } => say!(lang,
                en: "unknown column `{typed}` (column {col}); the accepted columns are {accepted}",
                vi: "không biết cột `{typed}` (cột {col}); các cột được chấp nhận là {accepted}"),
            MissingColumn {
                kind_column,
                accepted,
                found,
            } => {
                let what = match kind_column {
                    true => {
                        say!(lang, en: "the kind (individual or collective)", vi: "loại (cá nhân hay tập thể)")
                    }
                    false => say!(lang, en: "the name", vi: "họ tên"),
                };
                let accepted = or_list(accepted, lang);
                let found = if found.is_empty() {
                    say!(lang, en: "none", vi: "không có")
                } else {
                    joined(found, ", ".to_owned())
                };
                say!(lang,
                    en: "the header row has no column for {what}; expected a column named {accepted} (columns found: {found})",
                    vi: "dòng tiêu đề không có cột {what}; cần một cột tên là {accepted} (các cột hiện có: {found})")
            }
            Ragged {
                values,
                columns,
                separator,
            } => say!(lang,
                en: "this row has {values} values but the header row has {columns} columns; expected {columns} values separated by `{separator}`",
                vi: "dòng này có {values} giá trị nhưng dòng tiêu đề có {columns} cột; cần {columns} giá trị, ngăn cách bằng `{separator}`"),
            ValueWithoutColumn { col, .. } => say!(lang,
                en: "column {col} has a value but no name in the header row; expected a column name",
                vi: "cột {col} có giá trị nhưng không có tên ở dòng tiêu đề; cần đặt tên cột"),
            NoName { column } => say!(lang,
                en: "this recipient has no name; expected a name in the column `{column}`",
                vi: "người nhận này chưa có tên; cần ghi tên ở cột `{column}`"),
            BadKind { value } => say!(lang,
                en: "`{value}` is not a kind of recipient; expected `individual` or `collective` (in Vietnamese: `Cá nhân` or `Tập thể`)",
                vi: "`{value}` không phải loại người nhận; cần ghi `Cá nhân` hoặc `Tập thể` (tiếng Anh: `individual` hoặc `collective`)"),
            NoKind { column } => say!(lang,
                en: "this recipient has no kind; expected `individual` or `collective` (in Vietnamese: `Cá nhân` or `Tập thể`) in the column `{column}`",
                vi: "người nhận này chưa ghi loại; cần ghi `Cá nhân` hoặc `Tập thể` ở cột `{column}`"),
        }
    }

    /// A suggestion for fixing it, in `lang`.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use CsvProblem::*;
        let hint = match self {
            NotUtf8 { .. } => say!(lang,
                en: "open it and save it again as UTF-8: in Excel choose File → Save As → \
                     \"CSV UTF-8 (Comma delimited) (*.csv)\"; in LibreOffice choose File → Save As, tick \
                     \"Edit filter settings\" and choose the character set \"Unicode (UTF-8)\"",
                vi: "mở tệp và lưu lại dạng UTF-8: trong Excel chọn File → Save As → \
                     \"CSV UTF-8 (Comma delimited) (*.csv)\"; trong LibreOffice chọn File → Save As, đánh dấu \
                     \"Edit filter settings\" rồi chọn bộ ký tự \"Unicode (UTF-8)\""),
            DuplicateColumn { .. } => {
                say!(lang, en: "delete one of the two columns", vi: "xóa một trong hai cột")
            }
            UnknownColumn {
                fix: ColumnFix::RowNumbers,
                ..
            } => say!(lang,
                en: "row numbers are not needed: delete this column",
                vi: "không cần cột số thứ tự: xóa cột này"),
            UnknownColumn {
                fix: ColumnFix::Rename(name),
                ..
            } => say!(lang, en: "did you mean `{name}`?", vi: "có phải ý bạn là `{name}`?"),
            UnknownColumn {
                fix: ColumnFix::DeleteOrRename,
                ..
            } => say!(lang,
                en: "delete this column, or rename it to one of the accepted names",
                vi: "xóa cột này, hoặc đổi tên thành một trong các tên được chấp nhận"),
            MissingColumn { .. } => say!(lang,
                en: "the first row of the file must name the columns, for example `name;kind;unit` or `Họ và tên;Loại;Đơn vị`",
                vi: "dòng đầu tiên của tệp phải ghi tên các cột, ví dụ `Họ và tên;Loại;Đơn vị` hoặc `name;kind;unit`"),
            Ragged { separator, .. } => say!(lang,
                en: "check for a missing or extra `{separator}`, or a value containing `{separator}` that is not inside double quotes",
                vi: "kiểm tra xem có thiếu hoặc thừa dấu `{separator}`, hoặc có giá trị chứa `{separator}` mà không nằm trong dấu ngoặc kép"),
            ValueWithoutColumn { accepted, .. } => say!(lang,
                en: "name the column in the header row ({accepted}) or empty it",
                vi: "đặt tên cột ở dòng tiêu đề ({accepted}) hoặc xóa trắng cột"),
            _ => return None,
        };
        Some(hint)
    }
}

/// How to fix an unknown CSV column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnFix {
    /// A row-number column (`STT`), which is not needed.
    RowNumbers,
    /// Probably a typo of this accepted name.
    Rename(String),
    DeleteOrRename,
}
