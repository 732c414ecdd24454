//! Writes the sample site's one Excel workbook,
//! `content/awards/khen-thuong-ban-dan-toc-quang-ngai-2023.xlsx`: the
//! recipients of the Quảng Ngãi Ethnic Affairs Committee's awards of 2023
//! as an agency keeps them (a row number, a year of birth that is never
//! published, one row per title a person or team received, notes).
//!
//!   cargo run --example sample_workbook
//!
//! The collectives are the committee's three divisions, as its report of
//! 2023 names them; the two people are fictional, as every person of the
//! sample site is. The bytes are the same on every run (a fixed creation
//! date), and `tests/sample.rs` checks the committed file against them.

use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

/// Where the workbook goes, from the repository root.
pub const FILE: &str = "content/awards/khen-thuong-ban-dan-toc-quang-ngai-2023.xlsx";

/// A cell: text, or a number as Excel stores it.
enum Cell {
    Text(&'static str),
    Number(f64),
}

const HEADER: [&str; 8] = [
    "STT",
    "Họ và tên",
    "Năm sinh",
    "Chức vụ",
    "Đơn vị",
    "Hình thức khen thưởng",
    "Hồ sơ",
    "Ghi chú",
];

/// Name, year of birth (0: none, a collective), position, unit, award,
/// profile, note.
type Row = (
    &'static str,
    u16,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const UNIT: &str = "Ban Dân tộc tỉnh Quảng Ngãi";
const TEAM: &str = "Tập thể lao động tiên tiến";
const FIGHTER: &str = "Chiến sỹ thi đua cơ sở";
const WORKER: &str = "Lao động tiên tiến";

const ROWS: [Row; 7] = [
    (
        "Phòng Chính sách dân tộc",
        0,
        "",
        UNIT,
        TEAM,
        "phong-chinh-sach-dan-toc-ban-dan-toc-quang-ngai",
        "",
    ),
    ("Thanh tra Ban", 0, "", UNIT, TEAM, "", ""),
    (
        "Văn phòng Ban",
        0,
        "",
        UNIT,
        TEAM,
        "van-phong-ban-dan-toc-quang-ngai",
        "",
    ),
    (
        "Đinh Thị Dung",
        1988,
        "Chuyên viên Phòng Chính sách dân tộc",
        UNIT,
        FIGHTER,
        "dinh-thi-dung",
        "Sáng kiến được công nhận cấp cơ sở; đề nghị xét tặng Chiến sỹ thi đua cấp tỉnh",
    ),
    (
        "Lê Thị Mỹ Duyên",
        1990,
        "Thanh tra viên, Thanh tra Ban",
        UNIT,
        FIGHTER,
        "le-thi-my-duyen",
        "Sáng kiến được công nhận cấp cơ sở",
    ),
    (
        "Đinh Thị Dung",
        1988,
        "Chuyên viên Phòng Chính sách dân tộc",
        UNIT,
        WORKER,
        "dinh-thi-dung",
        "",
    ),
    (
        "Lê Thị Mỹ Duyên",
        1990,
        "Thanh tra viên, Thanh tra Ban",
        UNIT,
        WORKER,
        "le-thi-my-duyen",
        "",
    ),
];

/// The workbook's bytes.
pub fn workbook() -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A fixed creation date: the same bytes on every run.
    let created = ExcelDateTime::from_ymd(2023, 12, 28)?;
    book.set_properties(
        &DocProperties::new()
            .set_title("Danh sách khen thưởng năm 2023")
            .set_creation_datetime(&created),
    );
    let sheet = book.add_worksheet();
    sheet.set_name("Danh sách")?;
    for (c, name) in HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *name)?;
    }
    for (i, (name, born, position, unit, award, profile, note)) in ROWS.iter().enumerate() {
        let r = i as u32 + 1;
        let cells = [
            Cell::Number(f64::from(r)),
            Cell::Text(name),
            if *born == 0 {
                Cell::Text("")
            } else {
                Cell::Number(f64::from(*born))
            },
            Cell::Text(position),
            Cell::Text(unit),
            Cell::Text(award),
            Cell::Text(profile),
            Cell::Text(note),
        ];
        for (c, cell) in cells.iter().enumerate() {
            match cell {
                Cell::Text("") => {}
                Cell::Text(text) => {
                    sheet.write_string(r, c as u16, *text)?;
                }
                Cell::Number(n) => {
                    sheet.write_number(r, c as u16, *n)?;
                }
            }
        }
    }
    sheet.set_column_width(1, 26)?;
    sheet.set_column_width(3, 36)?;
    sheet.set_column_width(4, 28)?;
    sheet.set_column_width(5, 28)?;
    sheet.set_column_width(7, 40)?;
    book.save_to_buffer()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE);
    std::fs::write(&path, workbook()?)?;
    println!("wrote {}", path.display());
    Ok(())
}
