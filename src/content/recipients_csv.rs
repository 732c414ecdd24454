//! Recipients of an award list from a spreadsheet (SPEC section 2, "Recipients CSV").
//!
//! Agencies keep their award decisions' recipient lists in Excel; this module
//! reads the CSV such a spreadsheet is saved as. It accepts what real exports
//! look like (semicolons from Vietnamese regional settings, a BOM, CRLF,
//! Vietnamese column headers typed with or without diacritics) and turns
//! everything else into diagnostics an office editor can act on: which line,
//! what was found, what was expected, and how to fix it. Every problem in the
//! file is reported, not only the first.

use std::path::Path;

use icu_normalizer::DecomposingNormalizerBorrowed;
use icu_properties::CodePointMapData;
use icu_properties::props::{GeneralCategory, GeneralCategoryGroup};

use crate::diagnostic::messages::ColumnFix;
use crate::diagnostic::{CsvProblem, Diagnostic};
use crate::vocab::Kind;

/// One recipient row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRecipient {
    /// Physical line of the CSV file where the row starts (the header is line 1).
    pub line: usize,
    pub name: String,
    pub kind: Kind,
    pub unit: Option<String>,
    pub position: Option<String>,
    pub profile: Option<String>,
}

/// The columns a recipients CSV may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Kind,
    Unit,
    Position,
    Profile,
}

const COLUMNS: [Column; 5] = [
    Column::Name,
    Column::Kind,
    Column::Unit,
    Column::Position,
    Column::Profile,
];

impl Column {
    /// Accepted header names, as shown in messages; matched after folding
    /// (lower case, diacritics removed, `đ` → `d`, spaces collapsed).
    fn names(self) -> &'static [&'static str] {
        match self {
            Column::Name => &["name", "Họ và tên", "Họ tên", "Tên"],
            Column::Kind => &["kind", "Loại"],
            Column::Unit => &["unit", "Đơn vị"],
            Column::Position => &["position", "Chức vụ"],
            Column::Profile => &["profile", "Hồ sơ"],
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Lower case, diacritics removed, `đ` → `d`, whitespace trimmed and
/// collapsed: how header names and kind values are compared.
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
    out
}

fn column_for_header(header: &str) -> Option<Column> {
    let folded = fold(header);
    COLUMNS
        .into_iter()
        .find(|column| column.names().iter().any(|name| fold(name) == folded))
}

/// The accepted header name closest to an unknown one, if any is close.
fn closest_header(header: &str) -> Option<&'static str> {
    let folded = fold(header);
    let mut best: Option<(usize, &'static str)> = None;
    for column in COLUMNS {
        for &name in column.names() {
            let distance = strsim::levenshtein(&folded, &fold(name));
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, name));
            }
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

/// Reads a recipients CSV.
///
/// `path` is the CSV's path relative to the site root, used in diagnostics.
pub fn parse_recipients(
    bytes: &[u8],
    path: &std::path::Path,
) -> Result<Vec<CsvRecipient>, Vec<Diagnostic>> {
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

/// The header row, understood.
struct Header {
    /// For each field: the column it holds, if known, and its text as typed.
    fields: Vec<(Option<Column>, String)>,
    /// For each `Column` (by index): the field holding it.
    index: [Option<usize>; 5],
}

impl Header {
    fn shown_name(&self, column: Column) -> String {
        match self.index[column.index()].and_then(|i| self.fields.get(i)) {
            Some((_, typed)) => typed.clone(),
            None => column.names()[0].to_string(),
        }
    }
}

struct Parser<'t> {
    text: &'t str,
    path: &'t Path,
    separator: u8,
    diagnostics: Vec<Diagnostic>,
    /// Running count for `line_at`: `counted_lines` newlines before `counted_to`.
    counted_to: usize,
    counted_lines: usize,
}

impl<'t> Parser<'t> {
    fn new(text: &'t str, path: &'t Path) -> Self {
        Parser {
            text,
            path,
            separator: detect_separator(text),
            diagnostics: Vec::new(),
            counted_to: 0,
            counted_lines: 0,
        }
    }

    /// The first byte of the record the csv reader reports at `byte` (which
    /// may be on the line ending before it, or before blank lines it skipped)
    /// and that byte's 1-based line. Records come in order, so newlines are
    /// counted once overall.
    fn record_start(&mut self, byte: usize) -> (usize, usize) {
        let bytes = self.text.as_bytes();
        let mut start = byte.min(bytes.len());
        while start < bytes.len() && (bytes[start] == b'\r' || bytes[start] == b'\n') {
            start += 1;
        }
        if start < self.counted_to {
            self.counted_to = 0;
            self.counted_lines = 0;
        }
        self.counted_lines += bytes[self.counted_to..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.counted_to = start;
        (start, self.counted_lines + 1)
    }

    /// A problem at `line`, and at a field (its column and width) when known.
    fn error(&mut self, line: usize, field: Option<(usize, usize)>, problem: CsvProblem) {
        let d = Diagnostic::at(self.path, line, field.map(|(col, _)| col), problem);
        self.diagnostics
            .push(d.with_width(field.map_or(0, |(_, width)| width)));
    }

    fn run(mut self) -> Result<Vec<CsvRecipient>, Vec<Diagnostic>> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(self.separator)
            .has_headers(false)
            .flexible(true)
            .from_reader(self.text.as_bytes());
        let mut record = csv::StringRecord::new();
        let mut header: Option<(Header, usize)> = None;
        let mut recipients = Vec::new();
        let mut rows = 0usize;
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
                    self.error(
                        line,
                        None,
                        CsvProblem::Unreadable {
                            detail: error.to_string(),
                        },
                    );
                    break;
                }
            }
            let byte = record
                .position()
                .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0));
            let (start, line) = self.record_start(byte);
            match &header {
                None => {
                    if record.iter().all(|field| field.trim().is_empty()) {
                        continue;
                    }
                    header = Some((self.read_header(&record, start, line), line));
                }
                Some((columns, _)) => {
                    if record.iter().all(|field| field.trim().is_empty()) {
                        continue;
                    }
                    rows += 1;
                    if let Some(recipient) = self.read_row(columns, &record, start, line) {
                        recipients.push(recipient);
                    }
                }
            }
        }
        match header {
            None => self.error(1, None, CsvProblem::Empty),
            Some((_, line)) if rows == 0 => self.error(line, None, CsvProblem::NoRows),
            Some(_) => {}
        }
        if self.diagnostics.is_empty() {
            Ok(recipients)
        } else {
            Err(self.diagnostics)
        }
    }

    fn read_header(&mut self, record: &csv::StringRecord, start: usize, line: usize) -> Header {
        let positions = field_positions(self.text, start, line, self.separator);
        let position = |i: usize| {
            positions
                .get(i)
                .map_or((line, (1, 0)), |&(l, c, w)| (l, (c, w)))
        };
        let mut header = Header {
            fields: Vec::with_capacity(record.len()),
            index: [None; 5],
        };
        for (i, field) in record.iter().enumerate() {
            let typed = field.trim();
            let column = column_for_header(typed);
            let (at_line, col) = position(i);
            match column {
                Some(column) => {
                    if let Some(first) = header.index[column.index()] {
                        let first_typed = header.fields.get(first).map_or("", |(_, t)| t.as_str());
                        let problem = CsvProblem::DuplicateColumn {
                            typed: typed.to_owned(),
                            col: i + 1,
                            first_col: first + 1,
                            first_typed: first_typed.to_owned(),
                        };
                        self.error(at_line, Some(col), problem);
                    } else {
                        header.index[column.index()] = Some(i);
                    }
                }
                // An unnamed column is fine while it stays empty (Excel
                // leaves such columns behind); rows are checked for it.
                None if typed.is_empty() => {}
                None => {
                    let fix = if matches!(
                        fold(typed).as_str(),
                        "stt" | "so thu tu" | "tt" | "no" | "no."
                    ) {
                        // The row-number column every Vietnamese list starts with.
                        ColumnFix::RowNumbers
                    } else {
                        closest_header(typed).map_or(ColumnFix::DeleteOrRename, |name| {
                            ColumnFix::Rename(name.to_owned())
                        })
                    };
                    let problem = CsvProblem::UnknownColumn {
                        typed: typed.to_owned(),
                        col: i + 1,
                        accepted: accepted_columns(),
                        fix,
                    };
                    self.error(at_line, Some(col), problem);
                }
            }
            header.fields.push((column, typed.to_string()));
        }
        for required in [Column::Name, Column::Kind] {
            if header.index[required.index()].is_none() {
                let problem = CsvProblem::MissingColumn {
                    kind_column: required == Column::Kind,
                    accepted: required.names().iter().map(|n| (*n).to_owned()).collect(),
                    found: header
                        .fields
                        .iter()
                        .map(|(_, t)| t.clone())
                        .filter(|t| !t.is_empty())
                        .collect(),
                };
                self.error(line, None, problem);
            }
        }
        header
    }

    fn read_row(
        &mut self,
        header: &Header,
        record: &csv::StringRecord,
        start: usize,
        line: usize,
    ) -> Option<CsvRecipient> {
        if record.len() != header.fields.len() {
            let problem = CsvProblem::Ragged {
                values: record.len(),
                columns: header.fields.len(),
                separator: char::from(self.separator),
            };
            self.error(line, None, problem);
            return None;
        }
        // Positions are only worked out when a cell has a problem.
        let mut positions: Option<Vec<(usize, usize, usize)>> = None;
        let mut place = |parser: &Self, i: usize| -> (usize, Option<(usize, usize)>) {
            let positions = positions
                .get_or_insert_with(|| field_positions(parser.text, start, line, parser.separator));
            positions
                .get(i)
                .map_or((line, None), |&(l, c, w)| (l, Some((c, w))))
        };
        let mut ok = true;
        for (i, (column, typed)) in header.fields.iter().enumerate() {
            if column.is_none()
                && typed.is_empty()
                && record.get(i).is_some_and(|v| !v.trim().is_empty())
            {
                let (l, c) = place(self, i);
                self.error(
                    l,
                    c,
                    CsvProblem::ValueWithoutColumn {
                        col: i + 1,
                        accepted: accepted_columns(),
                    },
                );
                ok = false;
            }
        }
        let cell = |column: Column| -> Option<&str> {
            header.index[column.index()]
                .and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|value| !value.is_empty())
        };
        let name = cell(Column::Name);
        if name.is_none()
            && let Some(i) = header.index[Column::Name.index()]
        {
            let (l, c) = place(self, i);
            self.error(
                l,
                c,
                CsvProblem::NoName {
                    column: header.shown_name(Column::Name),
                },
            );
            ok = false;
        }
        let kind = match (cell(Column::Kind), header.index[Column::Kind.index()]) {
            (Some(value), Some(i)) => {
                let kind = parse_kind(value);
                if kind.is_none() {
                    let (l, c) = place(self, i);
                    self.error(
                        l,
                        c,
                        CsvProblem::BadKind {
                            value: value.to_owned(),
                        },
                    );
                    ok = false;
                }
                kind
            }
            (None, Some(i)) => {
                let (l, c) = place(self, i);
                self.error(
                    l,
                    c,
                    CsvProblem::NoKind {
                        column: header.shown_name(Column::Kind),
                    },
                );
                ok = false;
                None
            }
            _ => None,
        };
        if !ok {
            return None;
        }
        Some(CsvRecipient {
            line,
            name: owned(name?),
            kind: kind?,
            unit: cell(Column::Unit).map(owned),
            position: cell(Column::Position).map(owned),
            profile: cell(Column::Profile).map(owned),
        })
    }
}

/// A cell's value to keep; a line break inside a quoted cell is kept as `\n`
/// whether the file used CRLF or LF.
fn owned(value: &str) -> String {
    if value.contains('\r') {
        value.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        value.to_string()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::text::nfd;

    fn parse(text: &str) -> Result<Vec<CsvRecipient>, Vec<Diagnostic>> {
        parse_recipients(text.as_bytes(), Path::new("content/awards/qd-631.csv"))
    }

    fn errs(text: &str) -> Vec<Diagnostic> {
        match parse(text) {
            Ok(rows) => panic!("expected errors, got {rows:?}"),
            Err(errors) => errors,
        }
    }

    fn ok(text: &str) -> Vec<CsvRecipient> {
        match parse(text) {
            Ok(rows) => rows,
            Err(errors) => panic!("unexpected errors: {errors:#?}"),
        }
    }

    fn places(errors: &[Diagnostic]) -> Vec<(Option<usize>, Option<usize>)> {
        errors.iter().map(|d| (d.line, d.col)).collect()
    }

    #[test]
    fn reads_a_comma_file() {
        let rows = ok("name,kind,unit,position,profile\n\
                       Tô Thị Hoa,individual,Hội LHPN xã Tân Phú,Chủ tịch,to-thi-hoa\n\
                       Trường THCS Lê Lợi,collective,,,\n");
        assert_eq!(
            rows,
            vec![
                CsvRecipient {
                    line: 2,
                    name: "Tô Thị Hoa".into(),
                    kind: Kind::Individual,
                    unit: Some("Hội LHPN xã Tân Phú".into()),
                    position: Some("Chủ tịch".into()),
                    profile: Some("to-thi-hoa".into()),
                },
                CsvRecipient {
                    line: 3,
                    name: "Trường THCS Lê Lợi".into(),
                    kind: Kind::Collective,
                    unit: None,
                    position: None,
                    profile: None,
                },
            ]
        );
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
            ("Nguyễn Văn An", Kind::Individual)
        );
        assert_eq!(rows[0].position.as_deref(), Some("Trưởng phòng"));
        assert_eq!(rows[0].unit.as_deref(), Some("Sở Y tế"));
        assert_eq!(rows[0].profile, None);
        assert_eq!(
            (rows[1].name.as_str(), rows[1].kind),
            ("Phòng Kế toán, Sở Tài chính", Kind::Collective)
        );
        assert_eq!(rows[2].profile.as_deref(), Some("le-thi-binh"));
    }

    #[test]
    fn accepts_header_variants_and_kind_without_diacritics() {
        let rows = ok(" HỌ VÀ TÊN ;loai;don  vi;CHUC VU;ho so\nAn;ca nhan;X;;\nB;Tap the;;;\n");
        assert_eq!(rows[0].kind, Kind::Individual);
        assert_eq!(rows[0].unit.as_deref(), Some("X"));
        assert_eq!(rows[1].kind, Kind::Collective);
        let rows = ok("Tên,kind\nAn,Collective\n");
        assert_eq!(rows[0].name, "An");
    }

    #[test]
    fn reads_bom_and_crlf() {
        let rows = ok("\u{feff}name;kind\r\nAn;individual\r\n\r\nBình;collective\r\n");
        assert_eq!(
            rows.iter()
                .map(|r| (r.line, r.name.as_str()))
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
            rows.iter().map(|r| r.line).collect::<Vec<_>>(),
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
        assert_eq!(rows[0].kind, Kind::Collective);
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
        let errors = errs("name;kind\r\n;\r\n");
        assert_eq!(places(&errors), vec![(Some(1), None)]);
        assert!(
            errors[0].message.contains("no recipients"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn missing_required_columns_list_found_and_accepted_names() {
        let errors = errs("Họ tên;Đơn vị\nAn;X\n");
        assert_eq!(places(&errors), vec![(Some(1), None)]);
        let message = &errors[0].message;
        assert!(message.contains("`kind` or `Loại`"), "{message}");
        assert!(
            message.contains("columns found: `Họ tên`, `Đơn vị`"),
            "{message}"
        );

        let errors = errs("unit\nX\n");
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(
            errors[0]
                .message
                .contains("`name`, `Họ và tên`, `Họ tên` or `Tên`"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn unknown_columns_are_errors_with_a_suggestion() {
        let errors = errs("name;kind;Don vj;STT\nAn;individual;X;1\n");
        assert_eq!(
            places(&errors),
            vec![(Some(1), Some(11)), (Some(1), Some(18))],
            "{errors:#?}"
        );
        assert!(
            errors[0].message.contains("unknown column `Don vj`"),
            "{}",
            errors[0].message
        );
        assert_eq!(errors[0].hint.as_deref(), Some("did you mean `Đơn vị`?"));
        assert_eq!(
            errors[1].hint.as_deref(),
            Some("row numbers are not needed: delete this column")
        );
        let errors = errs("name;kind;Ghi chú\nAn;individual;x\n");
        assert_eq!(
            errors[0].hint.as_deref(),
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
        assert_eq!(places(&errors), vec![(Some(2), None), (Some(4), None)]);
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
    fn missing_name_or_kind_and_bad_kind_are_reported_at_their_cell() {
        let errors = errs(
            "kind,name,unit\nindividual,,X\n,Bình,Y\nperson,Cường,\n\"Cá nhân\",\"Đào\nThị\",\"a\nb\"\n,,Z\n",
        );
        assert_eq!(
            places(&errors),
            vec![
                (Some(2), Some(12)),
                (Some(3), Some(1)),
                (Some(4), Some(1)),
                (Some(8), Some(2)),
                (Some(8), Some(1))
            ],
            "{errors:#?}"
        );
        assert!(
            errors[0].message.contains("no name"),
            "{}",
            errors[0].message
        );
        assert!(
            errors[1].message.contains("no kind"),
            "{}",
            errors[1].message
        );
        assert!(
            errors[2].message.contains("`person` is not a kind"),
            "{}",
            errors[2].message
        );
        assert!(
            errors[2].message.contains("`Cá nhân` or `Tập thể`"),
            "{}",
            errors[2].message
        );
    }

    #[test]
    fn all_problems_are_collected() {
        let errors = errs("name;kind;Chuc vuu\nAn;individual;X\n;;\nB;x;Y\nC\n");
        assert_eq!(
            places(&errors),
            vec![(Some(1), Some(11)), (Some(4), Some(3)), (Some(5), None)],
            "{errors:#?}"
        );
        assert!(
            errors
                .iter()
                .all(|d| d.path == Path::new("content/awards/qd-631.csv"))
        );
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
