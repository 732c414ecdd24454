//! A recipients CSV file: the text a spreadsheet is saved as, read by the
//! rules of [`super`].
//!
//! It accepts what real exports look like (semicolons from Vietnamese
//! regional settings, a BOM, CRLF, quoted cells over several lines) and
//! places every problem at its line and column, the cell underlined.

use std::cell::OnceCell;
use std::path::Path;
use std::sync::Arc;

use super::{Reader, RowSource, Sheet, SheetPlace};
use crate::diagnostic::{CsvProblem, Diagnostic};

/// Reads a recipients CSV.
///
/// `path` is the CSV's path relative to the site root, used in diagnostics.
pub fn parse_recipients(bytes: &[u8], path: &Path) -> Result<Sheet, Vec<Diagnostic>> {
    if super::workbook::looks_like_workbook(bytes) {
        return Err(vec![Diagnostic::file(path, CsvProblem::IsAWorkbook)]);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => return Err(vec![not_utf8(bytes, error.valid_up_to(), path)]),
    };
    let text = crate::i18n::text::nfc(text);
    Parser::new(&text, path).run()
}

fn not_utf8(bytes: &[u8], valid_up_to: usize, path: &Path) -> Diagnostic {
    let before = &bytes[..valid_up_to.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    // Everything before `valid_up_to` is valid UTF-8.
    let col = std::str::from_utf8(&before[line_start..])
        .ok()
        .map(|text| text.chars().count() + 1);
    Diagnostic::at(path, line, col, CsvProblem::NotUtf8 { line })
}

/// The separator the header line uses: whichever of `;` and `,` occurs more
/// often outside double quotes on it (`,` when tied).
fn detect_separator(text: &str) -> u8 {
    let (mut semicolons, mut commas, mut quoted) = (0usize, 0usize, false);
    for b in text.bytes().skip_while(|&b| b == b'\r' || b == b'\n') {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b';' if !quoted => semicolons += 1,
            b',' if !quoted => commas += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// Where each field of the record starting at byte `start` begins, as
/// (line, column, width in characters), given the record's line. Reads
/// quotes as the csv reader does: a field is quoted only when it starts with
/// `"`, and `""` inside quotes is one quote. The width covers the whole
/// field as written (spaces, quotes, diacritics), so that a marker
/// underlines all of it; it is 0 for a field running over several lines.
fn field_positions(
    text: &str,
    start: usize,
    line: usize,
    separator: u8,
) -> Vec<(usize, usize, usize)> {
    let mut positions = vec![(line, 1, 0)];
    let (mut line, mut col) = (line, 1);
    let mut at_field_start = true;
    let mut in_quotes = false;
    // The field that ends at (`line`, `col`) is as wide as it ran on its line.
    let close = |positions: &mut Vec<(usize, usize, usize)>, line: usize, col: usize| {
        if let Some(last) = positions.last_mut().filter(|last| last.0 == line) {
            last.2 = col - last.1;
        }
    };
    let mut chars = text.get(start..).unwrap_or("").chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    col += 1;
                } else {
                    in_quotes = false;
                }
            }
        } else if c == '"' && at_field_start {
            in_quotes = true;
        } else if c == '\n' || c == '\r' {
            break;
        } else if c == char::from(separator) {
            close(&mut positions, line, col);
            positions.push((line, col + 1, 0));
            at_field_start = true;
            col += 1;
            continue;
        }
        at_field_start = false;
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    close(&mut positions, line, col);
    positions
}

/// One record of the CSV file, its cells' places worked out when asked.
struct CsvRow<'a> {
    record: &'a csv::StringRecord,
    parser: &'a Parser<'a>,
    start: usize,
    line: usize,
    positions: OnceCell<Vec<(usize, usize, usize)>>,
}

impl RowSource for CsvRow<'_> {
    fn len(&self) -> usize {
        self.record.len()
    }

    fn value(&self, i: usize) -> &str {
        self.record.get(i).unwrap_or("")
    }

    fn place(&self, i: usize) -> SheetPlace {
        let positions = self.positions.get_or_init(|| {
            field_positions(
                self.parser.text,
                self.start,
                self.line,
                self.parser.separator,
            )
        });
        let (line, col, width) = positions
            .get(i)
            .map_or((self.line, None, 0), |&(l, c, w)| (l, Some(c), w));
        SheetPlace {
            file: self.parser.file.clone(),
            line,
            col,
            width,
            cell: None,
        }
    }

    fn row_place(&self) -> SheetPlace {
        SheetPlace {
            file: self.parser.file.clone(),
            line: self.line,
            col: None,
            width: 0,
            cell: None,
        }
    }

    fn column_name(&self, i: usize) -> String {
        (i + 1).to_string()
    }
}

struct Parser<'t> {
    text: &'t str,
    file: Arc<Path>,
    separator: u8,
}

/// Where the csv reader's records start: it reports a byte that may be on
/// the line ending before a record, or before blank lines it skipped.
/// Records come in order, so newlines are counted once overall.
struct LineCounter {
    /// `lines` newlines before byte `to`.
    to: usize,
    lines: usize,
}

impl LineCounter {
    /// The record's first byte and that byte's 1-based line.
    fn record_start(&mut self, text: &str, byte: usize) -> (usize, usize) {
        let bytes = text.as_bytes();
        let mut start = byte.min(bytes.len());
        while start < bytes.len() && (bytes[start] == b'\r' || bytes[start] == b'\n') {
            start += 1;
        }
        if start < self.to {
            self.to = 0;
            self.lines = 0;
        }
        self.lines += bytes[self.to..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.to = start;
        (start, self.lines + 1)
    }
}

impl<'t> Parser<'t> {
    fn new(text: &'t str, path: &Path) -> Self {
        Parser {
            text,
            file: Arc::from(path),
            separator: detect_separator(text),
        }
    }

    fn run(self) -> Result<Sheet, Vec<Diagnostic>> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(self.separator)
            .has_headers(false)
            .flexible(true)
            .from_reader(self.text.as_bytes());
        let mut record = csv::StringRecord::new();
        let mut rules = Reader::new(self.file.clone(), None);
        let mut lines = LineCounter { to: 0, lines: 0 };
        loop {
            match reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(error) => {
                    // The text is valid UTF-8 and the reader is flexible, so
                    // this should not happen; report it rather than stop silently.
                    let line = error
                        .position()
                        .map_or(1, |p| usize::try_from(p.line()).unwrap_or(1));
                    let problem = CsvProblem::Unreadable {
                        detail: error.to_string(),
                    };
                    rules
                        .diagnostics
                        .push(Diagnostic::at(&*self.file, line, None, problem));
                    break;
                }
            }
            let byte = record
                .position()
                .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0));
            let (start, line) = lines.record_start(self.text, byte);
            let row = CsvRow {
                record: &record,
                parser: &self,
                start,
                line,
                positions: OnceCell::new(),
            };
            match rules.header_len() {
                Some(columns) if record.len() != columns && !rules.is_blank(&row) => {
                    let problem = CsvProblem::Ragged {
                        values: record.len(),
                        columns,
                        separator: char::from(self.separator),
                    };
                    // Too many: at the first value beyond the header's
                    // columns; too few: the row.
                    let place = match record.len() > columns {
                        true => row.place(columns),
                        false => row.row_place(),
                    };
                    rules.error(&place, problem);
                    rules.count_unread();
                }
                _ => {
                    rules.feed(&row);
                }
            }
        }
        rules.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::super::SheetRow;
    use super::*;
    use crate::i18n::text::nfd;
    use crate::vocab::Kind;

    const PATH: &str = "content/awards/qd-631.csv";

    fn parse(text: &str) -> Result<Sheet, Vec<Diagnostic>> {
        parse_recipients(text.as_bytes(), Path::new(PATH))
    }

    fn errs(text: &str) -> Vec<Diagnostic> {
        match parse(text) {
            Ok(sheet) => panic!("expected errors, got {sheet:?}"),
            Err(errors) => errors,
        }
    }

    fn sheet(text: &str) -> Sheet {
        match parse(text) {
            Ok(sheet) => sheet,
            Err(errors) => panic!("unexpected errors: {errors:#?}"),
        }
    }

    fn ok(text: &str) -> Vec<SheetRow> {
        sheet(text).rows
    }

    fn places(errors: &[Diagnostic]) -> Vec<(Option<usize>, Option<usize>)> {
        errors.iter().map(|d| (d.line, d.col)).collect()
    }

    fn at(line: usize, col: Option<usize>, width: usize) -> SheetPlace {
        SheetPlace {
            file: Arc::from(Path::new(PATH)),
            line,
            col,
            width,
            cell: None,
        }
    }

    #[test]
    fn reads_a_comma_file() {
        let rows = ok("name,kind,unit,position,profile\n\
                       Tô Thị Hoa,individual,Hội LHPN xã Tân Phú,Chủ tịch,to-thi-hoa\n\
                       Trường THCS Lê Lợi,collective,,,\n");
        assert_eq!(rows.len(), 2);
        let r = &rows[0];
        assert_eq!(r.place, at(2, None, 0));
        assert_eq!(r.name, "Tô Thị Hoa");
        assert_eq!(r.kind, Some(Kind::Individual));
        assert_eq!(r.kind_place, at(2, Some(12), 10));
        assert_eq!(r.unit.as_deref(), Some("Hội LHPN xã Tân Phú"));
        assert_eq!(r.position.as_deref(), Some("Chủ tịch"));
        assert_eq!(
            r.profile,
            Some(("to-thi-hoa".to_owned(), at(2, Some(52), 10)))
        );
        assert_eq!(
            (r.award.as_ref(), r.note.as_ref(), r.withheld),
            (None, None, false)
        );
        let r = &rows[1];
        assert_eq!(
            (r.place.line, r.name.as_str(), r.kind),
            (3, "Trường THCS Lê Lợi", Some(Kind::Collective))
        );
        assert_eq!((&r.unit, &r.position, &r.profile), (&None, &None, &None));
    }

    #[test]
    fn reads_semicolons_and_vietnamese_headers_in_any_order() {
        let rows = ok("Loại;Họ và tên;Chức vụ;Đơn vị;Hồ sơ\n\
                       Cá nhân;Nguyễn Văn An;Trưởng phòng;Sở Y tế;\n\
                       TẬP THỂ;Phòng Kế toán, Sở Tài chính;;Sở Tài chính;\n\
                       cá nhân;Lê Thị Bình;;;le-thi-binh\n");
        assert_eq!(rows.len(), 3);
        assert_eq!(
            (rows[0].name.as_str(), rows[0].kind),
            ("Nguyễn Văn An", Some(Kind::Individual))
        );
        assert_eq!(rows[0].position.as_deref(), Some("Trưởng phòng"));
        assert_eq!(rows[0].unit.as_deref(), Some("Sở Y tế"));
        assert_eq!(rows[0].profile, None);
        assert_eq!(
            (rows[1].name.as_str(), rows[1].kind),
            ("Phòng Kế toán, Sở Tài chính", Some(Kind::Collective))
        );
        assert_eq!(
            rows[2].profile.as_ref().map(|(p, _)| p.as_str()),
            Some("le-thi-binh")
        );
    }

    #[test]
    fn accepts_header_variants_and_kind_without_diacritics() {
        let rows = ok(" HỌ VÀ TÊN ;loai;don  vi;CHUC VU;ho so\nAn;ca nhan;X;;\nB;Tap the;;;\n");
        assert_eq!(rows[0].kind, Some(Kind::Individual));
        assert_eq!(rows[0].unit.as_deref(), Some("X"));
        assert_eq!(rows[1].kind, Some(Kind::Collective));
        let rows = ok("Tên,kind\nAn,Collective\n");
        assert_eq!(rows[0].name, "An");
    }

    #[test]
    fn an_agency_sheet_reads_as_it_is() {
        let text = "STT;Tên tập thể;Cá nhân/Tập thể;Hình thức khen thưởng;Dân tộc;Ghi chú\n\
                    1;Phòng Tổng hợp;Tập thể;Bằng khen;;Đã nộp hồ sơ\n\
                    2;Lò Văn Pành;Cá nhân;giay-khen;Thái;\n";
        let read = sheet(text);
        assert_eq!(read.kind_column.as_deref(), Some("Cá nhân/Tập thể"));
        assert_eq!(read.dropped, Vec::<String>::new());
        let r = &read.rows[0];
        assert_eq!(
            (r.name.as_str(), r.kind, r.note.as_deref()),
            (
                "Phòng Tổng hợp",
                Some(Kind::Collective),
                Some("Đã nộp hồ sơ")
            )
        );
        assert_eq!(r.award, Some(("Bằng khen".to_owned(), at(2, Some(26), 9))));
        let r = &read.rows[1];
        assert_eq!(r.ethnicity.as_deref(), Some("Thái"));
        assert_eq!(r.award.as_ref().map(|(a, _)| a.as_str()), Some("giay-khen"));
    }

    #[test]
    fn the_kind_is_optional_and_its_place_kept() {
        // No kind column: the kind is the model's to judge, at the row.
        let read = sheet("Họ tên;Đơn vị\nAn;X\n");
        assert_eq!(read.kind_column, None);
        assert_eq!(read.rows[0].kind, None);
        assert_eq!(read.rows[0].kind_place, at(2, None, 0));
        let d = read.no_kind(&read.rows[0]);
        assert_eq!((d.line, d.col), (Some(1), None));
        assert!(
            d.message.contains("no column for the kind"),
            "{}",
            d.message
        );
        assert!(d.message.contains("`Họ tên`, `Đơn vị`"), "{}", d.message);
        // An empty kind cell: at the cell.
        let read = parse("name;kind\nAn;\n").expect("reads");
        let row = &read.rows[0];
        assert_eq!((row.kind, &row.kind_place), (None, &at(2, Some(4), 0)));
        let d = read.no_kind(row);
        assert_eq!((d.line, d.col), (Some(2), Some(4)));
        assert!(d.message.contains("in the column `kind`"), "{}", d.message);
    }

    #[test]
    fn row_numbers_are_ignored_and_numbered_empty_rows_skipped() {
        let rows = ok("STT,name,kind\n1,An,individual\n2,,\n3,Bình,individual\n4,,\n");
        assert_eq!(
            rows.iter()
                .map(|r| (r.place.line, r.name.as_str()))
                .collect::<Vec<_>>(),
            vec![(2, "An"), (4, "Bình")]
        );
        for header in ["TT", "Số TT", "số thứ tự", "No."] {
            let rows = ok(&format!("{header};Họ và tên\nx;An\n"));
            assert_eq!(rows[0].name, "An", "{header}");
        }
    }

    #[test]
    fn personal_data_is_dropped_and_only_its_headers_kept() {
        let text = "Họ và tên;ngày sinh;Số CCCD;Loại;Số điện thoại;Địa chỉ;Email;Quê quán;Tôn giáo;Năm sinh;CMND\n\
                    Nguyễn Văn An;21/04/1980;001080012345;Cá nhân;0912345678;12 Lê Lợi;an@example.vn;Hà Tĩnh;Phật giáo;1980;123456789\n";
        let read = sheet(text);
        assert_eq!(
            read.dropped,
            [
                "ngày sinh",
                "Số CCCD",
                "Số điện thoại",
                "Địa chỉ",
                "Email",
                "Quê quán",
                "Tôn giáo",
                "Năm sinh",
                "CMND"
            ]
        );
        assert_eq!(read.rows[0].name, "Nguyễn Văn An");
        let everything = format!("{read:?}");
        for value in [
            "21/04/1980",
            "001080012345",
            "0912345678",
            "12 Lê Lợi",
            "an@example.vn",
            "Hà Tĩnh",
            "Phật giáo",
            "123456789",
        ] {
            assert!(!everything.contains(value), "{value} kept: {everything}");
        }
        // A personal column may come twice: both are dropped.
        let read = sheet("name;Điện thoại;SĐT\nAn;1;2\n");
        assert_eq!(read.dropped, ["Điện thoại", "SĐT"]);
    }

    #[test]
    fn withheld_rows_are_marked() {
        let rows = ok("name;Ẩn\nA;x\nB;\nC;Có\nD;TRUE\nE;không\n");
        assert_eq!(
            rows.iter().map(|r| r.withheld).collect::<Vec<_>>(),
            [true, false, true, true, false]
        );
        let rows = ok("withheld,name\ntrue,A\n");
        assert!(rows[0].withheld);
        let errors = errs("name;Ẩn\nA;yes\nB;x\n");
        assert_eq!(places(&errors), vec![(Some(2), Some(3))], "{errors:#?}");
        assert!(
            errors[0].message.contains("`yes` in the column `Ẩn`"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn reads_bom_and_crlf() {
        let rows = ok("\u{feff}name;kind\r\nAn;individual\r\n\r\nBình;collective\r\n");
        assert_eq!(
            rows.iter()
                .map(|r| (r.place.line, r.name.as_str()))
                .collect::<Vec<_>>(),
            vec![(2, "An"), (4, "Bình")]
        );
    }

    #[test]
    fn quoted_fields_with_separators_and_newlines_keep_line_numbers() {
        let text = "name,kind,unit\r\n\
                    \"Nguyễn Văn An\",individual,\"Phòng A; Phòng B, Sở Y tế\"\r\n\
                    \"Tổ \"\"Dân vận khéo\"\"\",collective,\"Xã Tân Phú\r\nhuyện Châu Thành\"\r\n\
                    Lê Thị Bình,individual,\n\
                    \n\
                    ,,\n\
                    Trần Văn Cường,bad,\n";
        let errors = errs(text);
        assert_eq!(places(&errors), vec![(Some(8), Some(16))], "{errors:#?}");
        let fixed = text.replace(",bad,", ",individual,");
        let rows = ok(&fixed);
        assert_eq!(
            rows.iter().map(|r| r.place.line).collect::<Vec<_>>(),
            vec![2, 3, 5, 8]
        );
        assert_eq!(rows[0].unit.as_deref(), Some("Phòng A; Phòng B, Sở Y tế"));
        assert_eq!(rows[1].name, "Tổ \"Dân vận khéo\"");
        assert_eq!(
            rows[1].unit.as_deref(),
            Some("Xã Tân Phú\nhuyện Châu Thành")
        );
    }

    #[test]
    fn separator_is_detected_outside_quotes() {
        assert_eq!(detect_separator("\"a,b,c\";kind\n"), b';');
        assert_eq!(detect_separator("name,kind;x,y\n"), b',');
        assert_eq!(detect_separator("name\na;b;c;d\n"), b',');
        assert_eq!(detect_separator("\r\n\r\nname;kind\n"), b';');
    }

    #[test]
    fn decomposed_text_is_normalised() {
        let nfd = nfd("Họ và tên;Loại\nNguyễn Thị Đào;Tập thể\n");
        assert_ne!(nfd, "Họ và tên;Loại\nNguyễn Thị Đào;Tập thể\n");
        let rows = ok(&nfd);
        assert_eq!(rows[0].name, "Nguyễn Thị Đào");
        assert_eq!(rows[0].kind, Some(Kind::Collective));
    }

    #[test]
    fn not_utf8_names_the_line_and_how_to_resave() {
        // "Nguyễn" in Windows-1258 on line 3.
        let mut bytes = b"name,kind\nAn,individual\nNguy".to_vec();
        bytes.extend_from_slice(&[0xEA, 0xDE, 0x6E]);
        bytes.extend_from_slice(b",individual\n");
        let errors = parse_recipients(&bytes, Path::new("a.csv")).expect_err("not UTF-8");
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].line, errors[0].col), (Some(3), Some(5)));
        assert!(
            errors[0].message.contains("not saved as UTF-8"),
            "{}",
            errors[0].message
        );
        let hint = errors[0].hint.as_deref().unwrap_or("");
        assert!(
            hint.contains("CSV UTF-8 (Comma delimited) (*.csv)"),
            "{hint}"
        );
        assert!(hint.contains("Unicode (UTF-8)"), "{hint}");
        // A UTF-16 file (Excel's "Unicode Text") is not UTF-8 either.
        assert!(parse_recipients(b"\xFF\xFEn\0a\0", Path::new("a.csv")).is_err());
    }

    #[test]
    fn a_workbook_named_as_a_csv_says_so() {
        let errors =
            parse_recipients(b"PK\x03\x04\x14\0\0\0", Path::new("a.csv")).expect_err("a zip");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, None);
        assert!(
            errors[0].message.contains("is an Excel workbook"),
            "{}",
            errors[0].message
        );
        assert!(
            errors[0]
                .hint
                .as_deref()
                .unwrap_or("")
                .contains("recipients_xlsx"),
            "{:?}",
            errors[0].hint
        );
    }

    #[test]
    fn empty_file_and_header_only_have_no_recipients() {
        for text in ["", "\u{feff}", "\n\r\n", ";;\n"] {
            let errors = errs(text);
            assert_eq!(errors.len(), 1, "{text:?}: {errors:#?}");
            assert!(
                errors[0].message.contains("has no recipients"),
                "{}",
                errors[0].message
            );
        }
        for text in ["name;kind\r\n;\r\n", "STT;name\n1;\n2;\n"] {
            let errors = errs(text);
            assert_eq!(places(&errors), vec![(Some(1), None)], "{text:?}");
            assert!(
                errors[0].message.contains("no recipients"),
                "{}",
                errors[0].message
            );
        }
    }

    #[test]
    fn a_header_without_a_name_column_lists_found_and_accepted_names() {
        let errors = errs("Đơn vị;Loại\nX;Cá nhân\n");
        assert_eq!(places(&errors), vec![(Some(1), None)]);
        let message = &errors[0].message;
        assert!(
            message
                .contains("`name`, `Họ và tên`, `Họ tên`, `Tên`, `Tên cá nhân` or `Tên tập thể`"),
            "{message}"
        );
        assert!(
            message.contains("columns found: `Đơn vị`, `Loại`"),
            "{message}"
        );
    }

    #[test]
    fn unknown_columns_are_errors_with_a_suggestion() {
        let errors = errs("name;kind;Don vj;STT;Điểm\nAn;individual;X;1;9\n");
        assert_eq!(
            places(&errors),
            vec![(Some(1), Some(11)), (Some(1), Some(22))],
            "{errors:#?}"
        );
        assert!(
            errors[0].message.contains("unknown column `Don vj`"),
            "{}",
            errors[0].message
        );
        assert!(
            errors[0]
                .message
                .contains("`note` (Ghi chú), `withheld` (Ẩn)"),
            "{}",
            errors[0].message
        );
        assert_eq!(errors[0].hint.as_deref(), Some("did you mean `Đơn vị`?"));
        assert_eq!(
            errors[1].hint.as_deref(),
            Some("delete this column, or rename it to one of the accepted names"),
            "{errors:#?}"
        );
        let errors = errs("name,kidn\nAn,individual\n");
        assert!(
            errors
                .iter()
                .any(|e| e.hint.as_deref() == Some("did you mean `kind`?")),
            "{errors:#?}"
        );
    }

    #[test]
    fn duplicate_columns_are_errors() {
        let errors = errs("Họ và tên;kind;Tên\nAn;individual;An\n");
        assert_eq!(places(&errors), vec![(Some(1), Some(16))], "{errors:#?}");
        assert!(
            errors[0].message.contains("appears twice"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn empty_header_cells_are_allowed_while_their_column_is_empty() {
        let rows = ok("name;kind;;\nAn;individual;;\n");
        assert_eq!(rows.len(), 1);
        let errors = errs("name;kind;\nAn;individual;lost\n");
        assert_eq!(places(&errors), vec![(Some(2), Some(15))], "{errors:#?}");
    }

    #[test]
    fn every_ragged_row_is_reported() {
        let errors =
            errs("name;kind;unit\nAn;individual\nBình;individual;X\nCường;individual;X;Y\n");
        // Too few: the row; too many: the first value too many (`Y`).
        assert_eq!(places(&errors), vec![(Some(2), None), (Some(4), Some(20))]);
        assert!(
            errors[0]
                .message
                .contains("has 2 values but the header row has 3 columns"),
            "{}",
            errors[0].message
        );
        assert!(
            errors[1].message.contains("has 4 values"),
            "{}",
            errors[1].message
        );
    }

    #[test]
    fn missing_name_and_bad_kind_are_reported_at_their_cell() {
        let errors = errs(
            "kind,name,unit\nindividual,,X\n,Bình,Y\nperson,Cường,\n\"Cá nhân\",\"Đào\nThị\",\"a\nb\"\n,,Z\n",
        );
        assert_eq!(
            places(&errors),
            vec![(Some(2), Some(12)), (Some(4), Some(1)), (Some(8), Some(2))],
            "{errors:#?}"
        );
        assert!(
            errors[0].message.contains("no name"),
            "{}",
            errors[0].message
        );
        assert!(
            errors[1].message.contains("`person` is not a kind"),
            "{}",
            errors[1].message
        );
        assert!(
            errors[1].message.contains("`Cá nhân` or `Tập thể`"),
            "{}",
            errors[1].message
        );
        // The width underlines the whole cell.
        assert_eq!(errors[1].width(), Some(6));
    }

    #[test]
    fn all_problems_are_collected() {
        let errors = errs("name;kind;Chuc vuu\nAn;individual;X\n;;\nB;x;Y\nC\n");
        assert_eq!(
            places(&errors),
            vec![(Some(1), Some(11)), (Some(4), Some(3)), (Some(5), None)],
            "{errors:#?}"
        );
        assert!(errors.iter().all(|d| d.path == Path::new(PATH)));
    }

    #[test]
    fn field_positions_follow_quotes() {
        let text = "a;\"b;\nc\";d\n";
        assert_eq!(
            field_positions(text, 0, 7, b';'),
            vec![(7, 1, 1), (7, 3, 0), (8, 4, 1)]
        );
    }
}
