//! A recipients workbook: an Excel file read as it is, one sheet of it, by
//! the rules of [`super`] (the CSV file's).
//!
//! Cells come out as the editor sees them in the sheet, not as Excel stores
//! them: a date (stored as a day number) reads `21/04/2023`, the way dates
//! are written in Vietnam; a whole number stored as `12.0` reads `12`;
//! other numbers read with a dot and at most 15 significant digits, as
//! Excel's General format shows them; `TRUE`/`FALSE` as Excel shows them.
//! A formula reads as its last computed value, and a cell holding an Excel
//! error (`#REF!`) in a column that is read is a problem, never published.
//! Problems name the sheet and cell (`Sheet1!C7`), and the row as the line.

use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

use calamine::{Data, ExcelDateTime, Reader as _, SheetType, SheetVisible, Sheets};

use super::{Reader, RowSource, Sheet, SheetPlace};
use crate::diagnostic::{CsvProblem, Diagnostic};
use crate::i18n::text::nfc;

/// Whether `bytes` start like a workbook: a zip (`.xlsx`, `.ods`) or an
/// OLE compound file (`.xls`).
pub fn looks_like_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

/// An opened workbook.
pub struct Workbook<'a> {
    sheets: Sheets<Cursor<&'a [u8]>>,
    file: Arc<Path>,
}

/// Opens the workbook in `bytes`; `path` is its path relative to the site
/// root, for messages.
pub fn open<'a>(bytes: &'a [u8], path: &Path) -> Result<Workbook<'a>, Diagnostic> {
    let not_a_workbook = |detail: String| {
        // Text without a zero byte: a CSV file (or another text file).
        let text = !looks_like_workbook(bytes) && !bytes.iter().take(4096).any(|&b| b == 0);
        Diagnostic::file(path, CsvProblem::NotAWorkbook { text, detail })
    };
    let sheets = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| not_a_workbook(e.to_string()))?;
    Ok(Workbook {
        sheets,
        file: Arc::from(path),
    })
}

impl Workbook<'_> {
    /// Every sheet's name, in the order of its tabs.
    pub fn sheet_names(&self) -> Vec<String> {
        self.sheets.sheet_names()
    }

    /// The sheet read when none is named: the first worksheet an editor
    /// can see (not hidden, not a chart), else the first sheet.
    pub fn first_sheet(&self) -> Option<String> {
        let sheets = self.sheets.sheets_metadata();
        sheets
            .iter()
            .find(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
            .or_else(|| sheets.first())
            .map(|s| s.name.clone())
    }

    /// The sheet named `name`, as its tab shows it: exactly, else ignoring
    /// case (Excel does not let two sheets differ only in case).
    pub fn find_sheet(&self, name: &str) -> Option<String> {
        let names = self.sheet_names();
        let name = nfc(name.trim());
        names
            .iter()
            .find(|n| nfc(n) == name)
            .or_else(|| {
                names
                    .iter()
                    .find(|n| nfc(n).to_lowercase() == name.to_lowercase())
            })
            .cloned()
    }

    /// Reads the sheet `name` (one of [`Self::sheet_names`]).
    pub fn read(&mut self, name: &str) -> Result<Sheet, Vec<Diagnostic>> {
        let range = self.sheets.worksheet_range(name).map_err(|e| {
            vec![Diagnostic::file(
                &*self.file,
                CsvProblem::NotAWorkbook {
                    text: false,
                    detail: e.to_string(),
                },
            )]
        })?;
        let mut rules = Reader::new(self.file.clone(), Some(name.to_owned()));
        if let Some((first_row, first_col)) = range.start() {
            let sheet = sheet_ref(name);
            let width = u32::try_from(range.width()).unwrap_or(u32::MAX);
            for (i, cells) in range.rows().enumerate() {
                let row = SheetCells::new(
                    cells,
                    first_row.saturating_add(u32::try_from(i).unwrap_or(u32::MAX)),
                    first_col,
                    width,
                    &sheet,
                    &self.file,
                );
                rules.feed(&row);
            }
        }
        rules.finish()
    }
}

/// One row of a sheet, its cells as the sheet shows them.
struct SheetCells<'a> {
    values: Vec<String>,
    errors: Vec<Option<String>>,
    /// 0-based row and first column in the sheet, and the row's width.
    row: u32,
    first_col: u32,
    width: u32,
    /// The sheet's name as a cell reference writes it (quoted if need be).
    sheet: &'a str,
    file: &'a Arc<Path>,
}

impl<'a> SheetCells<'a> {
    fn new(
        cells: &[Data],
        row: u32,
        first_col: u32,
        width: u32,
        sheet: &'a str,
        file: &'a Arc<Path>,
    ) -> Self {
        let mut values = Vec::with_capacity(cells.len());
        let mut errors = Vec::with_capacity(cells.len());
        for cell in cells {
            match cell {
                Data::Error(e) => {
                    values.push(e.to_string());
                    errors.push(Some(e.to_string()));
                }
                cell => {
                    values.push(shown(cell));
                    errors.push(None);
                }
            }
        }
        SheetCells {
            values,
            errors,
            row,
            first_col,
            width,
            sheet,
            file,
        }
    }

    fn column(&self, i: usize) -> u32 {
        self.first_col
            .saturating_add(u32::try_from(i).unwrap_or(u32::MAX))
    }
}

impl RowSource for SheetCells<'_> {
    fn len(&self) -> usize {
        self.values.len()
    }

    fn value(&self, i: usize) -> &str {
        self.values.get(i).map_or("", String::as_str)
    }

    fn excel_error(&self, i: usize) -> Option<&str> {
        self.errors.get(i)?.as_deref()
    }

    fn place(&self, i: usize) -> SheetPlace {
        let col = self.column(i);
        SheetPlace {
            file: self.file.clone(),
            line: self.row as usize + 1,
            col: Some(col as usize + 1),
            width: 0,
            cell: Some(format!(
                "{}!{}{}",
                self.sheet,
                column_letters(col),
                self.row as usize + 1
            )),
        }
    }

    fn row_place(&self) -> SheetPlace {
        let n = self.row as usize + 1;
        let first = column_letters(self.first_col);
        let cell = match self.width {
            0 | 1 => format!("{}!{first}{n}", self.sheet),
            w => {
                let last = column_letters(self.first_col.saturating_add(w - 1));
                format!("{}!{first}{n}:{last}{n}", self.sheet)
            }
        };
        SheetPlace {
            file: self.file.clone(),
            line: n,
            col: None,
            width: 0,
            cell: Some(cell),
        }
    }

    fn column_name(&self, i: usize) -> String {
        column_letters(self.column(i))
    }
}

/// `A` for column 0, `Z`, `AA`, … as Excel names columns.
fn column_letters(col: u32) -> String {
    let mut n = u64::from(col) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A sheet's name as a cell reference writes it: quoted when it holds
/// anything but letters, digits and `_` (`'Danh sách'!C7`).
fn sheet_ref(name: &str) -> String {
    let plain = !name.is_empty()
        && name.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    if plain {
        name.to_owned()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

/// A cell's value as the sheet shows it (see the module's documentation).
fn shown(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => nfc(s).into_owned(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(true) => "TRUE".to_owned(),
        Data::Bool(false) => "FALSE".to_owned(),
        Data::DateTime(d) => date_time(d),
        Data::DateTimeIso(s) => iso_date_time(s).unwrap_or_else(|| s.clone()),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// A number as Excel's General format shows it: a whole number without
/// `.0`, others with at most 15 significant digits.
fn number(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    if f.fract() == 0.0 && f.abs() < 1e15 {
        // Exact: a whole number below 2^53.
        return format!("{}", f as i64);
    }
    let rounded: f64 = format!("{f:.14e}").parse().unwrap_or(f);
    format!("{rounded}")
}

/// A date `21/04/2023`, with its time `21/04/2023 08:30` when it has one;
/// a time alone `08:30`; a duration `27:15:00`.
fn date_time(d: &ExcelDateTime) -> String {
    let serial = d.as_f64();
    if d.is_duration() {
        let seconds = (serial * 86_400.0).round() as i64;
        let (h, m, s) = (seconds / 3600, (seconds / 60) % 60, seconds % 60);
        return format!("{h}:{m:02}:{s:02}");
    }
    let (year, month, day, hour, minute, second, _) = d.to_ymd_hms_milli();
    let time = if second == 0 {
        format!("{hour:02}:{minute:02}")
    } else {
        format!("{hour:02}:{minute:02}:{second:02}")
    };
    let date = format!("{day:02}/{month:02}/{year:04}");
    if (0.0..1.0).contains(&serial) {
        time
    } else if (hour, minute, second) == (0, 0, 0) {
        date
    } else {
        format!("{date} {time}")
    }
}

/// An ISO date (`2023-04-21`, with `T08:30:00` or not), as [`date_time`]
/// shows it; `None` when it is not one.
fn iso_date_time(s: &str) -> Option<String> {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let (date, time) = s.split_once('T').unwrap_or((s, ""));
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || !digits(y) || !digits(m) || !digits(d) {
        return None;
    }
    let date = format!("{d}/{m}/{y}");
    let time = time.split('.').next().unwrap_or("");
    let time = time.strip_suffix(":00").unwrap_or(time);
    Some(if time.is_empty() || time == "00:00" {
        date
    } else {
        format!("{date} {time}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Kind;
    use calamine::ExcelDateTimeType;
    use rust_xlsxwriter::{ExcelDateTime as WriteDate, Format, Formula, Workbook as Writer};

    const PATH: &str = "content/awards/qd-12.xlsx";

    /// A workbook with one sheet per `(name, rows)`, each row's cells
    /// written from A1 down, as text (numbers and dates are written by the
    /// tests that need them).
    fn book(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
        let mut w = Writer::new();
        for (name, rows) in sheets {
            let ws = w.add_worksheet();
            ws.set_name(*name).unwrap();
            for (r, cells) in rows.iter().enumerate() {
                for (c, text) in cells.iter().enumerate() {
                    if !text.is_empty() {
                        ws.write_string(r as u32, c as u16, *text).unwrap();
                    }
                }
            }
        }
        w.save_to_buffer().unwrap()
    }

    fn read(bytes: &[u8], sheet: Option<&str>) -> Result<Sheet, Vec<Diagnostic>> {
        let mut book = open(bytes, Path::new(PATH)).map_err(|d| vec![d])?;
        let name = match sheet {
            Some(s) => book.find_sheet(s).expect("sheet"),
            None => book.first_sheet().expect("a sheet"),
        };
        book.read(&name)
    }

    #[test]
    fn reads_a_sheet_by_the_csv_rules() {
        let bytes = book(&[(
            "Danh sách",
            &[
                &[
                    "STT",
                    "Họ và tên",
                    "Ngày sinh",
                    "Cá nhân/Tập thể",
                    "Ghi chú",
                ],
                &["1", "Nguyễn Văn An", "01/02/1980", "Cá nhân", "x"],
                &["2", "", "", "", ""],
                &["3", "Phòng Tổng hợp", "", "Tập thể", ""],
            ],
        )]);
        let sheet = read(&bytes, None).expect("reads");
        assert_eq!(sheet.sheet.as_deref(), Some("Danh sách"));
        assert_eq!(sheet.dropped, ["Ngày sinh"]);
        assert_eq!(sheet.rows.len(), 2);
        let r = &sheet.rows[0];
        assert_eq!(
            (r.name.as_str(), r.kind, r.note.as_deref()),
            ("Nguyễn Văn An", Some(Kind::Individual), Some("x"))
        );
        assert_eq!(r.place.line, 2);
        assert_eq!(r.place.cell.as_deref(), Some("'Danh sách'!A2:E2"));
        assert_eq!(r.kind_place.cell.as_deref(), Some("'Danh sách'!D2"));
        assert_eq!(r.kind_place.col, Some(4));
        assert_eq!(sheet.rows[1].place.line, 4);
        assert!(!format!("{sheet:?}").contains("01/02/1980"));
    }

    #[test]
    fn errors_name_the_sheet_and_cell() {
        let bytes = book(&[
            ("Tổng hợp", &[&["x"]]),
            (
                "Sheet1",
                &[
                    &[],
                    &["", "Họ tên", "Loại", "Điểm"],
                    &["", "An", "người", ""],
                    &["", "", "Cá nhân", ""],
                ],
            ),
        ]);
        let errors = read(&bytes, Some("sheet1")).expect_err("errors");
        let found: Vec<(Option<usize>, Option<&str>, &str)> = errors
            .iter()
            .map(|d| (d.line, d.cell(), d.message.as_str()))
            .collect();
        assert_eq!(found.len(), 3, "{found:#?}");
        assert_eq!(found[0].0, Some(2));
        assert_eq!(found[0].1, Some("Sheet1!D2"));
        assert!(
            found[0].2.contains("unknown column `Điểm` (column D)"),
            "{found:?}"
        );
        assert_eq!((found[1].0, found[1].1), (Some(3), Some("Sheet1!C3")));
        assert!(found[1].2.contains("`người` is not a kind"), "{found:?}");
        assert_eq!((found[2].0, found[2].1), (Some(4), Some("Sheet1!B4")));
        assert!(found[2].2.contains("no name"), "{found:?}");
        assert_eq!(
            errors[2].location(),
            "content/awards/qd-12.xlsx:4 (Sheet1!B4)"
        );
    }

    #[test]
    fn a_header_without_a_name_column_is_placed_at_its_row() {
        let bytes = book(&[("Sheet1", &[&["Đơn vị", "Loại"], &["X", "Tập thể"]])]);
        let errors = read(&bytes, None).expect_err("no name column");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].cell(), Some("Sheet1!A1:B1"));
        assert!(
            errors[0].message.contains("no column for the name"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn numbers_and_dates_read_as_the_sheet_shows_them() {
        let mut w = Writer::new();
        let ws = w.add_worksheet();
        let date = Format::new().set_num_format("dd/mm/yyyy");
        let when = Format::new().set_num_format("dd/mm/yyyy hh:mm");
        for (c, h) in ["name", "note", "unit", "position", "Dân tộc", "award"]
            .iter()
            .enumerate()
        {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_number(1, 0, 12.0).unwrap();
        let day = WriteDate::from_ymd(2023, 4, 21).unwrap();
        ws.write_datetime_with_format(1, 1, &day, &date).unwrap();
        ws.write_number(1, 2, 0.1 + 0.2).unwrap();
        ws.write_boolean(1, 3, true).unwrap();
        let at = WriteDate::parse_from_str("2023-04-21T08:30:00").unwrap();
        ws.write_datetime_with_format(1, 4, &at, &when).unwrap();
        ws.write_formula(1, 5, Formula::new("=1+1").set_result("2"))
            .unwrap();
        let bytes = w.save_to_buffer().unwrap();
        let sheet = read(&bytes, None).expect("reads");
        let r = &sheet.rows[0];
        assert_eq!(r.name, "12");
        assert_eq!(r.note.as_deref(), Some("21/04/2023"));
        assert_eq!(r.unit.as_deref(), Some("0.3"));
        assert_eq!(r.position.as_deref(), Some("TRUE"));
        assert_eq!(r.ethnicity.as_deref(), Some("21/04/2023 08:30"));
        assert_eq!(r.award.as_ref().map(|(a, _)| a.as_str()), Some("2"));
    }

    #[test]
    fn an_excel_error_in_a_read_column_is_a_problem() {
        let mut w = Writer::new();
        let ws = w.add_worksheet();
        ws.write_string(0, 0, "name").unwrap();
        ws.write_string(0, 1, "Ngày sinh").unwrap();
        ws.write_formula(1, 0, Formula::new("=#REF!").set_result("#REF!"))
            .unwrap();
        ws.write_string(2, 0, "An").unwrap();
        ws.write_formula(2, 1, Formula::new("=1/0").set_result("#DIV/0!"))
            .unwrap();
        let bytes = w.save_to_buffer().unwrap();
        let errors = read(&bytes, None).expect_err("an error cell");
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert_eq!(errors[0].cell(), Some("Sheet1!A2"));
        assert!(
            errors[0].message.contains("Excel error `#REF!`"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn an_empty_sheet_and_a_header_only() {
        let bytes = book(&[("Sheet1", &[]), ("Hai", &[&["Tên"]])]);
        let errors = read(&bytes, Some("Sheet1")).expect_err("empty");
        assert_eq!(errors[0].line, None);
        assert!(
            errors[0]
                .message
                .contains("the sheet `Sheet1` of this workbook is empty"),
            "{}",
            errors[0].message
        );
        let errors = read(&bytes, Some("Hai")).expect_err("no rows");
        assert_eq!(errors[0].cell(), Some("Hai!A1"));
        assert!(
            errors[0]
                .message
                .contains("has a header row but no recipients"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn sheets_are_found_by_name_and_the_first_visible_is_the_default() {
        let mut w = Writer::new();
        w.add_worksheet().set_name("Ẩn").unwrap().set_hidden(true);
        // The first sheet is hidden only when another one is active.
        w.add_worksheet()
            .set_name("Danh sách")
            .unwrap()
            .set_active(true);
        let bytes = w.save_to_buffer().unwrap();
        let book = open(&bytes, Path::new(PATH)).unwrap();
        assert_eq!(book.sheet_names(), ["Ẩn", "Danh sách"]);
        assert_eq!(book.first_sheet().as_deref(), Some("Danh sách"));
        assert_eq!(book.find_sheet("DANH SÁCH").as_deref(), Some("Danh sách"));
        assert_eq!(book.find_sheet("Trang 1"), None);
    }

    #[test]
    fn not_a_workbook() {
        let Err(d) = open(b"name;kind\nAn;x\n", Path::new(PATH)) else {
            panic!("a CSV is not a workbook")
        };
        assert_eq!(d.line, None);
        assert!(
            d.message.contains("it is text (a CSV file?)"),
            "{}",
            d.message
        );
        let Err(d) = open(b"PK\x03\x04garbage", Path::new(PATH)) else {
            panic!("a broken zip is not a workbook")
        };
        assert!(
            d.message.contains("cannot be read as an Excel workbook"),
            "{}",
            d.message
        );
    }

    #[test]
    fn cell_words() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(sheet_ref("Sheet1"), "Sheet1");
        assert_eq!(sheet_ref("Tổng_hợp"), "Tổng_hợp");
        assert_eq!(sheet_ref("Danh sách"), "'Danh sách'");
        assert_eq!(sheet_ref("It's"), "'It''s'");
        assert_eq!(sheet_ref("2023"), "'2023'");
        assert_eq!(number(12.0), "12");
        assert_eq!(number(-3.0), "-3");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(8.5), "8.5");
        assert_eq!(number(1e20), "100000000000000000000");
        let date = |v: f64| date_time(&ExcelDateTime::new(v, ExcelDateTimeType::DateTime, false));
        assert_eq!(date(45037.0), "21/04/2023");
        assert_eq!(date(45037.5), "21/04/2023 12:00");
        assert_eq!(date(0.75), "18:00");
        let duration = ExcelDateTime::new(1.5, ExcelDateTimeType::TimeDelta, false);
        assert_eq!(date_time(&duration), "36:00:00");
        assert_eq!(iso_date_time("2023-04-21").as_deref(), Some("21/04/2023"));
        assert_eq!(
            iso_date_time("2023-04-21T08:30:00").as_deref(),
            Some("21/04/2023 08:30")
        );
        assert_eq!(iso_date_time("hôm nay"), None);
    }
}
