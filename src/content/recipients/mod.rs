//! Recipients of an award list from a spreadsheet, used as the agency keeps
//! it: a CSV file ([`csv_file`]) or an Excel workbook ([`workbook`]), read by
//! the same rules (this module).
//!
//! Agencies keep their decisions' recipient lists in Excel, with a
//! row-number column, notes, headers in Vietnamese, and often personal data
//! that must never reach a public website. The rules:
//!
//! - the header is the first row that is not empty; its cells name the
//!   columns ([`Column`]), in any order, matched after folding (case,
//!   diacritics and spacing as typed);
//! - only the name column is required; a kind the reader cannot read is an
//!   error, a missing one is for the model to judge (an award may allow
//!   only one kind);
//! - the row-number column (`STT`) is ignored;
//! - personal-data columns ([`PERSONAL`]) are read past and dropped: the
//!   sheet keeps their headers as written, for a note, and nothing else;
//! - any other column is an error, with the accepted names as a hint;
//! - rows with nothing in them (but a row number) are skipped.
//!
//! Every problem in the sheet is reported, not only the first, at its cell.

pub mod csv_file;
pub mod workbook;

use std::path::Path;
use std::sync::Arc;

use icu_normalizer::DecomposingNormalizerBorrowed;
use icu_properties::CodePointMapData;
use icu_properties::props::{GeneralCategory, GeneralCategoryGroup};

use crate::diagnostic::messages::ColumnFix;
use crate::diagnostic::{CsvProblem, Diagnostic, Problem};
use crate::vocab::Kind;

/// Where something in a recipients spreadsheet is: a row, or one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetPlace {
    /// The spreadsheet, relative to the site root.
    pub file: Arc<Path>,
    /// 1-based line of a CSV file (where the row starts), or row of a sheet.
    pub line: usize,
    /// 1-based column of a cell: in characters on its line in a CSV file,
    /// the sheet's column number in a workbook (C → 3); `None` for a row.
    pub col: Option<usize>,
    /// How many characters the cell takes on its line (CSV; 0: unknown).
    pub width: usize,
    /// In a workbook: the cell, `Sheet1!C7`, or the row's range, `Sheet1!A7:F7`.
    pub cell: Option<String>,
}

impl SheetPlace {
    /// `problem`, found here.
    pub fn diagnostic(&self, problem: impl Into<Problem>) -> Diagnostic {
        let d = Diagnostic::at(&*self.file, self.line, self.col, problem).with_width(self.width);
        match &self.cell {
            Some(cell) => d.with_cell(cell.clone()),
            None => d,
        }
    }
}

/// One recipient row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    /// The row.
    pub place: SheetPlace,
    pub name: String,
    /// `None` when the row has no kind (no kind column, or an empty cell).
    pub kind: Option<Kind>,
    /// The kind's cell, or the row when the sheet has no kind column.
    pub kind_place: SheetPlace,
    /// The award's name or key as written, and its cell.
    pub award: Option<(String, SheetPlace)>,
    pub unit: Option<String>,
    pub position: Option<String>,
    /// The profile's key as written, and its cell.
    pub profile: Option<(String, SheetPlace)>,
    pub ethnicity: Option<String>,
    pub note: Option<String>,
    /// Marked `x`, `có` or `true` in the withheld column (`Ẩn`): the person
    /// asked not to be named.
    pub withheld: bool,
}

/// A recipients spreadsheet, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The file, relative to the site root.
    pub file: Arc<Path>,
    /// The sheet read, in a workbook; `None` for a CSV file.
    pub sheet: Option<String>,
    /// The header row.
    pub header: SheetPlace,
    /// Every header as written, in order (empty for an unnamed column).
    pub headers: Vec<String>,
    /// The kind column's header as written, when there is one.
    pub kind_column: Option<String>,
    pub rows: Vec<SheetRow>,
    /// The personal-data columns read past, their headers as written, in
    /// order: only for a note, never a value.
    pub dropped: Vec<String>,
}

impl Sheet {
    /// The problem of a row without a kind: at its empty kind cell, or, when
    /// the sheet has no kind column, at the header row.
    pub fn no_kind(&self, row: &SheetRow) -> Diagnostic {
        match &self.kind_column {
            Some(column) => row.kind_place.diagnostic(CsvProblem::NoKind {
                column: column.clone(),
            }),
            None => self.header.diagnostic(CsvProblem::MissingColumn {
                kind_column: true,
                accepted: Column::Kind
                    .names()
                    .iter()
                    .map(|n| (*n).to_owned())
                    .collect(),
                found: self
                    .headers
                    .iter()
                    .filter(|h| !h.is_empty())
                    .cloned()
                    .collect(),
            }),
        }
    }
}

/// The columns a recipients spreadsheet may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Kind,
    Award,
    Unit,
    Position,
    Profile,
    Ethnicity,
    Note,
    Withheld,
}

const COLUMNS: [Column; 9] = [
    Column::Name,
    Column::Kind,
    Column::Award,
    Column::Unit,
    Column::Position,
    Column::Profile,
    Column::Ethnicity,
    Column::Note,
    Column::Withheld,
];

impl Column {
    /// Accepted header names, as shown in messages; matched after folding
    /// (lower case, diacritics removed, `đ` → `d`, spaces collapsed).
    fn names(self) -> &'static [&'static str] {
        match self {
            Column::Name => &[
                "name",
                "Họ và tên",
                "Họ tên",
                "Tên",
                "Tên cá nhân",
                "Tên tập thể",
            ],
            Column::Kind => &["kind", "Loại", "Cá nhân/Tập thể"],
            Column::Award => &["award", "Hình thức khen thưởng", "Danh hiệu", "Hình thức"],
            Column::Unit => &["unit", "Đơn vị"],
            Column::Position => &["position", "Chức vụ"],
            Column::Profile => &["profile", "Hồ sơ"],
            Column::Ethnicity => &["ethnicity", "Dân tộc"],
            Column::Note => &["note", "Ghi chú"],
            Column::Withheld => &["withheld", "Ẩn"],
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Headers of the row-number column, ignored with everything in it.
pub const ROW_NUMBER: &[&str] = &["STT", "TT", "Số TT", "Số thứ tự", "No."];

/// Headers of personal-data columns (Decree 13/2023/NĐ-CP): read past and
/// dropped, never published, whatever they hold.
pub const PERSONAL: &[&str] = &[
    "Ngày sinh",
    "Năm sinh",
    "Ngày tháng năm sinh",
    "Ngày, tháng, năm sinh",
    "Nơi sinh",
    "Giới tính",
    "Số CMND",
    "CMND",
    "CCCD",
    "Số CCCD",
    "CMND/CCCD",
    "Số CMND/CCCD",
    "Số định danh",
    "Số định danh cá nhân",
    "Số hộ chiếu",
    "Điện thoại",
    "Số điện thoại",
    "SĐT",
    "Email",
    "E-mail",
    "Thư điện tử",
    "Địa chỉ",
    "Nơi ở",
    "Nơi thường trú",
    "Hộ khẩu thường trú",
    "Quê quán",
    "Tôn giáo",
];

/// What a column of the header is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Data(Column),
    RowNumber,
    Personal,
    /// No header: fine while the column stays empty.
    Unnamed,
    /// A header that is none of the above (an error was reported).
    Unknown,
}

/// Lower case, diacritics removed, `đ` → `d`, whitespace trimmed and
/// collapsed (and dropped around `/`): how header names and kind values are
/// compared.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    let categories = CodePointMapData::<GeneralCategory>::new();
    for c in DecomposingNormalizerBorrowed::new_nfd().normalize_iter(text.chars()) {
        if GeneralCategoryGroup::Mark.contains(categories.get(c)) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            c => out.extend(c.to_lowercase()),
        }
    }
    if out.contains('/') {
        out = out.replace(" /", "/").replace("/ ", "/");
    }
    out
}

fn role_for(header: &str) -> Role {
    if header.is_empty() {
        return Role::Unnamed;
    }
    let folded = fold(header);
    let is = |names: &[&str]| names.iter().any(|name| fold(name) == folded);
    if let Some(column) = COLUMNS.into_iter().find(|column| is(column.names())) {
        Role::Data(column)
    } else if is(ROW_NUMBER) {
        Role::RowNumber
    } else if is(PERSONAL) {
        Role::Personal
    } else {
        Role::Unknown
    }
}

/// The accepted header name closest to an unknown one, if any is close.
fn closest_header(header: &str) -> Option<&'static str> {
    let folded = fold(header);
    let mut best: Option<(usize, &'static str)> = None;
    let names = COLUMNS
        .iter()
        .flat_map(|column| column.names().iter())
        .chain(ROW_NUMBER)
        .chain(PERSONAL);
    for &name in names {
        let distance = strsim::levenshtein(&folded, &fold(name));
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, name));
        }
    }
    let (distance, name) = best?;
    // Close enough to be a typo: a couple of edits, more for long names.
    (distance <= 2.max(folded.chars().count() / 3)).then_some(name)
}

fn parse_kind(value: &str) -> Option<Kind> {
    match fold(value).as_str() {
        "individual" | "ca nhan" => Some(Kind::Individual),
        "collective" | "tap the" => Some(Kind::Collective),
        _ => None,
    }
}

/// Whether a withheld cell withholds: `x`, `có`, `true` (any case) yes; an
/// empty cell, `không` or `false` no; anything else unknown (an error: the
/// editor may have meant to withhold).
fn parse_withheld(value: &str) -> Option<bool> {
    match fold(value).as_str() {
        "" | "khong" | "false" => Some(false),
        "x" | "co" | "true" => Some(true),
        _ => None,
    }
}

/// The accepted column names, for messages (the same in every language).
fn accepted_columns() -> String {
    let parts: Vec<String> = COLUMNS
        .iter()
        .map(|column| {
            let names = column.names();
            format!("`{}` ({})", names[0], names[1..].join(" / "))
        })
        .collect();
    parts.join(", ")
}

/// A cell's value to keep; a line break inside a cell is kept as `\n`
/// whether the file used CRLF or LF.
fn owned(value: &str) -> String {
    if value.contains('\r') {
        value.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        value.to_string()
    }
}

/// One row as a CSV file or a sheet gives it.
trait RowSource {
    /// How many cells the row has.
    fn len(&self) -> usize;
    /// The text of cell `i` (empty past the end).
    fn value(&self, i: usize) -> &str;
    /// The Excel error cell `i` holds (`#REF!`), in a workbook.
    fn excel_error(&self, _i: usize) -> Option<&str> {
        None
    }
    /// Where cell `i` is.
    fn place(&self, i: usize) -> SheetPlace;
    /// Where the row is.
    fn row_place(&self) -> SheetPlace;
    /// Column `i` as the editor names it: `3` in a CSV file, `C` in a sheet.
    fn column_name(&self, i: usize) -> String;
}

/// The header row, understood.
struct Header {
    roles: Vec<Role>,
    /// Each header as written (trimmed).
    typed: Vec<String>,
    /// For each `Column` (by index): the cell holding it.
    index: [Option<usize>; COLUMNS.len()],
    place: SheetPlace,
}

/// The rules, fed one row at a time by the CSV or workbook reader.
struct Reader {
    file: Arc<Path>,
    sheet: Option<String>,
    header: Option<Header>,
    rows: Vec<SheetRow>,
    /// Rows under the header that are not empty, read or not.
    seen: usize,
    dropped: Vec<String>,
    diagnostics: Vec<Diagnostic>,
}

impl Reader {
    fn new(file: Arc<Path>, sheet: Option<String>) -> Self {
        Reader {
            file,
            sheet,
            header: None,
            rows: Vec::new(),
            seen: 0,
            dropped: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    fn error(&mut self, place: &SheetPlace, problem: CsvProblem) {
        self.diagnostics.push(place.diagnostic(problem));
    }

    /// How many columns the header has, once it is read.
    fn header_len(&self) -> Option<usize> {
        self.header.as_ref().map(|h| h.roles.len())
    }

    /// Whether a row has nothing worth reading: every cell empty, but for
    /// the row-number column (a list numbered further than it is filled).
    fn is_blank(&self, row: &dyn RowSource) -> bool {
        (0..row.len()).all(|i| {
            row.value(i).trim().is_empty()
                || self
                    .header
                    .as_ref()
                    .is_some_and(|h| h.roles.get(i) == Some(&Role::RowNumber))
        })
    }

    /// Takes the header row, then each recipient row; `false` when a row
    /// was blank and skipped.
    fn feed(&mut self, row: &dyn RowSource) -> bool {
        if self.is_blank(row) {
            return false;
        }
        if self.header.is_none() {
            self.read_header(row);
        } else {
            self.seen += 1;
            self.read_row(row);
        }
        true
    }

    /// Counts a row that is not blank but cannot be read (the CSV reader's
    /// ragged rows), so that "no recipients" is not said of it.
    fn count_unread(&mut self) {
        self.seen += 1;
    }

    fn read_header(&mut self, row: &dyn RowSource) {
        let mut header = Header {
            roles: Vec::with_capacity(row.len()),
            typed: Vec::with_capacity(row.len()),
            index: [None; COLUMNS.len()],
            place: row.row_place(),
        };
        for i in 0..row.len() {
            let typed = row.value(i).trim().to_owned();
            let mut role = role_for(&typed);
            match role {
                Role::Data(column) => {
                    if let Some(first) = header.index[column.index()] {
                        let problem = CsvProblem::DuplicateColumn {
                            typed: typed.clone(),
                            col: row.column_name(i),
                            first_col: row.column_name(first),
                            first_typed: header.typed[first].clone(),
                        };
                        self.error(&row.place(i), problem);
                        role = Role::Unknown;
                    } else {
                        header.index[column.index()] = Some(i);
                    }
                }
                Role::Personal => self.dropped.push(typed.clone()),
                Role::RowNumber | Role::Unnamed => {}
                Role::Unknown => {
                    let fix = closest_header(&typed).map_or(ColumnFix::DeleteOrRename, |name| {
                        ColumnFix::Rename(name.to_owned())
                    });
                    let problem = CsvProblem::UnknownColumn {
                        typed: typed.clone(),
                        col: row.column_name(i),
                        accepted: accepted_columns(),
                        fix,
                    };
                    self.error(&row.place(i), problem);
                }
            }
            header.roles.push(role);
            header.typed.push(typed);
        }
        if header.index[Column::Name.index()].is_none() {
            let problem = CsvProblem::MissingColumn {
                kind_column: false,
                accepted: Column::Name
                    .names()
                    .iter()
                    .map(|n| (*n).to_owned())
                    .collect(),
                found: header
                    .typed
                    .iter()
                    .filter(|t| !t.is_empty())
                    .cloned()
                    .collect(),
            };
            self.error(&header.place, problem);
        }
        self.header = Some(header);
    }

    fn read_row(&mut self, row: &dyn RowSource) {
        let Some(header) = self.header.take() else {
            return;
        };
        let recipient = self.recipient(&header, row);
        self.header = Some(header);
        if let Some(recipient) = recipient {
            self.rows.push(recipient);
        }
    }

    fn recipient(&mut self, header: &Header, row: &dyn RowSource) -> Option<SheetRow> {
        let mut ok = true;
        for (i, role) in header.roles.iter().enumerate() {
            let value = row.value(i).trim();
            match role {
                Role::Unnamed if !value.is_empty() => {
                    let problem = CsvProblem::ValueWithoutColumn {
                        col: row.column_name(i),
                        accepted: accepted_columns(),
                    };
                    self.error(&row.place(i), problem);
                    ok = false;
                }
                Role::Data(_) => {
                    if let Some(error) = row.excel_error(i) {
                        let problem = CsvProblem::CellError {
                            error: error.to_owned(),
                            column: header.typed[i].clone(),
                        };
                        self.error(&row.place(i), problem);
                        ok = false;
                    }
                }
                _ => {}
            }
        }
        // A value past the header's last column has no column either.
        for i in header.roles.len()..row.len() {
            if !row.value(i).trim().is_empty() {
                let problem = CsvProblem::ValueWithoutColumn {
                    col: row.column_name(i),
                    accepted: accepted_columns(),
                };
                self.error(&row.place(i), problem);
                ok = false;
            }
        }
        let cell = |column: Column| -> Option<(usize, &str)> {
            header.index[column.index()]
                .map(|i| (i, row.value(i).trim()))
                .filter(|(_, value)| !value.is_empty())
        };
        let name = cell(Column::Name);
        if name.is_none()
            && let Some(i) = header.index[Column::Name.index()]
        {
            let problem = CsvProblem::NoName {
                column: header.typed[i].clone(),
            };
            self.error(&row.place(i), problem);
            ok = false;
        }
        let kind = match cell(Column::Kind) {
            Some((i, value)) => {
                let kind = parse_kind(value);
                if kind.is_none() {
                    let problem = CsvProblem::BadKind {
                        value: value.to_owned(),
                    };
                    self.error(&row.place(i), problem);
                    ok = false;
                }
                kind
            }
            None => None,
        };
        let withheld = match cell(Column::Withheld) {
            Some((i, value)) => parse_withheld(value).unwrap_or_else(|| {
                let problem = CsvProblem::BadWithheld {
                    value: value.to_owned(),
                    column: header.typed[i].clone(),
                };
                self.error(&row.place(i), problem);
                ok = false;
                false
            }),
            None => false,
        };
        if !ok {
            return None;
        }
        let text = |column: Column| cell(column).map(|(_, value)| owned(value));
        let placed = |column: Column| cell(column).map(|(i, value)| (owned(value), row.place(i)));
        let place = row.row_place();
        let kind_place =
            header.index[Column::Kind.index()].map_or_else(|| place.clone(), |i| row.place(i));
        Some(SheetRow {
            name: owned(name?.1),
            kind,
            kind_place,
            award: placed(Column::Award),
            unit: text(Column::Unit),
            position: text(Column::Position),
            profile: placed(Column::Profile),
            ethnicity: text(Column::Ethnicity),
            note: text(Column::Note),
            withheld,
            place,
        })
    }

    /// The sheet, or every problem found in it.
    fn finish(mut self) -> Result<Sheet, Vec<Diagnostic>> {
        match &self.header {
            None => {
                let problem = CsvProblem::Empty {
                    sheet: self.sheet.clone(),
                };
                let d = match self.sheet {
                    Some(_) => Diagnostic::file(&*self.file, problem),
                    None => Diagnostic::at(&*self.file, 1, None, problem),
                };
                self.diagnostics.push(d);
            }
            Some(header) if self.seen == 0 => {
                let problem = CsvProblem::NoRows {
                    sheet: self.sheet.clone(),
                };
                let d = header.place.diagnostic(problem);
                self.diagnostics.push(d);
            }
            Some(_) => {}
        }
        if !self.diagnostics.is_empty() {
            return Err(self.diagnostics);
        }
        let Some(header) = self.header else {
            return Err(self.diagnostics);
        };
        let kind_column = header.index[Column::Kind.index()].map(|i| header.typed[i].clone());
        Ok(Sheet {
            file: self.file,
            sheet: self.sheet,
            header: header.place,
            headers: header.typed,
            kind_column,
            rows: self.rows,
            dropped: self.dropped,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_fold_to_their_roles() {
        assert_eq!(role_for("Tên tập thể"), Role::Data(Column::Name));
        assert_eq!(role_for("TEN CA NHAN"), Role::Data(Column::Name));
        assert_eq!(role_for("Cá nhân / Tập thể"), Role::Data(Column::Kind));
        assert_eq!(role_for("Cá nhân/Tập thể"), Role::Data(Column::Kind));
        assert_eq!(role_for("Hình thức khen thưởng"), Role::Data(Column::Award));
        assert_eq!(role_for("danh hieu"), Role::Data(Column::Award));
        assert_eq!(role_for("Ghi chú"), Role::Data(Column::Note));
        assert_eq!(role_for("Dân tộc"), Role::Data(Column::Ethnicity));
        assert_eq!(role_for("ẩn"), Role::Data(Column::Withheld));
        assert_eq!(role_for("Số  TT"), Role::RowNumber);
        assert_eq!(role_for("stt"), Role::RowNumber);
        assert_eq!(role_for("Số CCCD"), Role::Personal);
        assert_eq!(role_for("so dien thoai"), Role::Personal);
        assert_eq!(role_for(""), Role::Unnamed);
        assert_eq!(role_for("Điểm"), Role::Unknown);
    }

    #[test]
    fn every_header_name_has_one_role() {
        let all: Vec<&str> = COLUMNS
            .iter()
            .flat_map(|c| c.names().iter().copied())
            .chain(ROW_NUMBER.iter().copied())
            .chain(PERSONAL.iter().copied())
            .collect();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(fold(a), fold(b), "{a} and {b}");
            }
        }
    }

    #[test]
    fn withheld_values() {
        for yes in ["x", "X", "có", "CÓ", "co", "true", "TRUE", " True "] {
            assert_eq!(parse_withheld(yes), Some(true), "{yes}");
        }
        for no in ["", "không", "FALSE"] {
            assert_eq!(parse_withheld(no), Some(false), "{no}");
        }
        for unknown in ["yes", "1", "ẩn"] {
            assert_eq!(parse_withheld(unknown), None, "{unknown}");
        }
    }
}
