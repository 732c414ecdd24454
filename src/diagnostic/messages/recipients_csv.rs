//! Problems in a recipients spreadsheet (a CSV file or an Excel workbook),
//! with the fix an editor working in Excel or LibreOffice needs.

use super::{joined, or_list, say};
use crate::diagnostic::Lang;

/// What is wrong in a recipients spreadsheet. Columns are named as the
/// editor sees them: `3` in a CSV file, `C` in a workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvProblem {
    NotUtf8 {
        line: usize,
    },
    Unreadable {
        detail: String,
    },
    /// No header row; `sheet` is the workbook's sheet read (`None`: a CSV file).
    Empty {
        sheet: Option<String>,
    },
    /// A header row and nothing under it.
    NoRows {
        sheet: Option<String>,
    },
    DuplicateColumn {
        typed: String,
        col: String,
        first_col: String,
        first_typed: String,
    },
    UnknownColumn {
        typed: String,
        col: String,
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
        col: String,
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
    /// A withheld cell holding something other than `x`, `có` or `true`.
    BadWithheld {
        value: String,
        column: String,
    },
    /// A workbook cell holding an Excel error (`#REF!`, `#N/A`) in a column that is read.
    CellError {
        error: String,
        column: String,
    },
    /// `recipients_csv` names a workbook.
    IsAWorkbook,
    /// `recipients_xlsx` names a file that is not a workbook; `text`: it is
    /// a text file (a CSV, most likely).
    NotAWorkbook {
        text: bool,
        detail: String,
    },
    /// `sheet` names a sheet the workbook does not have.
    NoSheet {
        workbook: String,
        sheet: String,
        sheets: Vec<String>,
    },
    /// `sheet` without `recipients_xlsx`.
    SheetWithoutWorkbook,
    /// Both `recipients_csv` and `recipients_xlsx`.
    CsvAndWorkbook,
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
            Empty { sheet: None } => say!(lang,
                en: "this CSV file is empty: it has no recipients; expected a header row \
                     (for example `name,kind,unit,position,profile`) and then one row per recipient",
                vi: "tệp CSV này trống: không có người nhận nào; cần một dòng tiêu đề \
                     (ví dụ `Họ và tên;Loại;Đơn vị;Chức vụ;Hồ sơ`) rồi mỗi dòng một người nhận"),
            Empty { sheet: Some(sheet) } => say!(lang,
                en: "the sheet `{sheet}` of this workbook is empty: it has no recipients; expected a header row \
                     (for example `Họ và tên`, `Đơn vị`, `Chức vụ`) and then one row per recipient",
                vi: "trang tính `{sheet}` của tệp này trống: không có người nhận nào; cần một dòng tiêu đề \
                     (ví dụ `Họ và tên`, `Đơn vị`, `Chức vụ`) rồi mỗi dòng một người nhận"),
            NoRows { sheet: None } => say!(lang,
                en: "this CSV file has a header row but no recipients; expected one row per recipient below the header",
                vi: "tệp CSV này có dòng tiêu đề nhưng không có người nhận nào; cần mỗi dòng một người nhận bên dưới dòng tiêu đề"),
            NoRows { sheet: Some(sheet) } => say!(lang,
                en: "the sheet `{sheet}` has a header row but no recipients; expected one row per recipient below the header",
                vi: "trang tính `{sheet}` có dòng tiêu đề nhưng không có người nhận nào; cần mỗi dòng một người nhận bên dưới dòng tiêu đề"),
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
            BadWithheld { value, column } => say!(lang,
                en: "`{value}` in the column `{column}` does not say whether to withhold this name; \
                     expected `x`, `có` or `true` to withhold it, or an empty cell to publish it",
                vi: "`{value}` ở cột `{column}` không cho biết có ẩn tên này hay không; \
                     cần ghi `x`, `có` hoặc `true` để ẩn, hoặc để trống để công bố"),
            CellError { error, column } => say!(lang,
                en: "this cell of the column `{column}` holds the Excel error `{error}`; expected a value",
                vi: "ô này ở cột `{column}` đang báo lỗi Excel `{error}`; cần một giá trị"),
            IsAWorkbook => say!(lang,
                en: "this file is an Excel workbook, not a CSV file; expected recipients_csv to name a CSV file",
                vi: "tệp này là một bảng tính Excel, không phải tệp CSV; recipients_csv cần chỉ tới một tệp CSV"),
            NotAWorkbook { text: true, .. } => say!(lang,
                en: "this file is not an Excel workbook: it is text (a CSV file?); expected recipients_xlsx to name a workbook (.xlsx)",
                vi: "tệp này không phải bảng tính Excel mà là văn bản (tệp CSV?); recipients_xlsx cần chỉ tới một bảng tính (.xlsx)"),
            NotAWorkbook {
                text: false,
                detail,
            } => say!(lang,
                en: "this file cannot be read as an Excel workbook ({detail}); expected a workbook saved as .xlsx",
                vi: "không đọc được tệp này như một bảng tính Excel ({detail}); cần một bảng tính lưu dạng .xlsx"),
            NoSheet {
                workbook,
                sheet,
                sheets,
            } => {
                let sheets = joined(sheets, say!(lang, en: " and ", vi: " và "));
                say!(lang,
                    en: "the workbook \"{workbook}\" has no sheet named `{sheet}`; its sheets are {sheets}",
                    vi: "bảng tính \"{workbook}\" không có trang tính nào tên `{sheet}`; các trang tính của nó là {sheets}")
            }
            SheetWithoutWorkbook => say!(lang,
                en: "`sheet` names a sheet of the workbook given by recipients_xlsx, but there is no recipients_xlsx",
                vi: "`sheet` chỉ ra một trang tính của bảng tính ghi ở recipients_xlsx, nhưng chưa có recipients_xlsx"),
            CsvAndWorkbook => say!(lang,
                en: "an award list reads one recipients spreadsheet: recipients_csv or recipients_xlsx, not both",
                vi: "mỗi danh sách khen thưởng chỉ đọc một bảng người nhận: recipients_csv hoặc recipients_xlsx, không dùng cả hai"),
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
                en: "the first row that is not empty must name the columns, for example `name;kind;unit` or `Họ và tên;Loại;Đơn vị`",
                vi: "dòng đầu tiên không trống phải ghi tên các cột, ví dụ `Họ và tên;Loại;Đơn vị` hoặc `name;kind;unit`"),
            Ragged { separator, .. } => say!(lang,
                en: "check for a missing or extra `{separator}`, or a value containing `{separator}` that is not inside double quotes",
                vi: "kiểm tra xem có thiếu hoặc thừa dấu `{separator}`, hoặc có giá trị chứa `{separator}` mà không nằm trong dấu ngoặc kép"),
            ValueWithoutColumn { accepted, .. } => say!(lang,
                en: "name the column in the header row ({accepted}) or empty it",
                vi: "đặt tên cột ở dòng tiêu đề ({accepted}) hoặc xóa trắng cột"),
            CellError { .. } => say!(lang,
                en: "fix the formula, or replace it by its value (copy the column, then Paste Special → Values)",
                vi: "sửa công thức, hoặc thay công thức bằng giá trị của nó (chép cột rồi chọn Paste Special → Values)"),
            IsAWorkbook => say!(lang,
                en: "name it with recipients_xlsx = \"…\" instead: a workbook is read as it is",
                vi: "hãy ghi recipients_xlsx = \"…\" thay cho recipients_csv: bảng tính được đọc nguyên như vậy"),
            NotAWorkbook { text: true, .. } => say!(lang,
                en: "name a CSV file with recipients_csv = \"…\" instead",
                vi: "hãy ghi tệp CSV bằng recipients_csv = \"…\""),
            NotAWorkbook { text: false, .. } => say!(lang,
                en: "open it in Excel or LibreOffice and save it as \"Excel Workbook (*.xlsx)\"; a workbook protected by a password must be saved without one",
                vi: "mở tệp bằng Excel hoặc LibreOffice rồi lưu dạng \"Excel Workbook (*.xlsx)\"; bảng tính có mật khẩu cần được lưu lại không mật khẩu"),
            NoSheet { .. } => say!(lang,
                en: "write the sheet's name as its tab shows it, or remove `sheet` to read the first sheet",
                vi: "ghi tên trang tính đúng như trên thẻ của nó, hoặc bỏ `sheet` để đọc trang tính đầu tiên"),
            SheetWithoutWorkbook => say!(lang,
                en: "add recipients_xlsx = \"file.xlsx\", or remove `sheet`",
                vi: "thêm recipients_xlsx = \"tep.xlsx\", hoặc bỏ `sheet`"),
            CsvAndWorkbook => say!(lang,
                en: "keep the one that holds the recipients and remove the other",
                vi: "giữ lại tệp chứa danh sách người nhận và bỏ dòng kia"),
            _ => return None,
        };
        Some(hint)
    }
}

/// How to fix an unknown column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnFix {
    /// Probably a typo of this accepted name.
    Rename(String),
    DeleteOrRename,
}
