//! Excel workbooks made by the tests (rust_xlsxwriter), so that no binary
//! test file is committed.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// A cell to write: text, a number, or a date Excel stores as a day number
/// and shows as `dd/mm/yyyy`.
#[derive(Debug, Clone, Copy)]
pub enum Cell<'a> {
    Text(&'a str),
    Number(f64),
    Date(u16, u8, u8),
}

/// A workbook with one sheet per `(name, rows)`, each row written from
/// column A; empty text cells are left empty.
pub fn workbook(sheets: &[(&str, Vec<Vec<Cell<'_>>>)]) -> Vec<u8> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).expect("sheet name");
        for (r, cells) in rows.iter().enumerate() {
            let r = r as u32;
            for (c, cell) in cells.iter().enumerate() {
                let c = c as u16;
                match *cell {
                    Cell::Text("") => {}
                    Cell::Text(text) => {
                        sheet.write_string(r, c, text).expect("cell");
                    }
                    Cell::Number(n) => {
                        sheet.write_number(r, c, n).expect("cell");
                    }
                    Cell::Date(y, m, d) => {
                        let day = ExcelDateTime::from_ymd(y, m, d).expect("date");
                        sheet
                            .write_datetime_with_format(r, c, &day, &date)
                            .expect("cell");
                    }
                }
            }
        }
    }
    book.save_to_buffer().expect("workbook")
}

/// Rows of text cells.
pub fn text_rows<'a>(rows: &[&[&'a str]]) -> Vec<Vec<Cell<'a>>> {
    rows.iter()
        .map(|row| row.iter().map(|t| Cell::Text(t)).collect())
        .collect()
}
