//! Recipients spreadsheets used as agencies keep them: a CSV file or an
//! Excel workbook with a row-number column, notes, Vietnamese headers and
//! personal data builds as it is; the personal data and a withheld
//! person's name, unit and position reach no byte of the output; `build`
//! and `check` print one note per spreadsheet naming the dropped headers
//! (never a value) and exit 0.

mod common;

use common::workbooks::{Cell, workbook};
use common::{TestSite, snapshot};

const LIST: &str = "content/awards/ubdt-2022.toml";
const CSV: &str = "content/awards/ubdt-2022.csv";
const XLSX: &str = "content/awards/ubdt-2022.xlsx";
const PAGE: &str = "khen-thuong/ubdt-2022/index.html";

/// The withheld recipient's name, unit and position, and the ASCII words
/// in them (a search index may keep words lower case, without diacritics).
const WITHHELD: &[&str] = &["Mùa Thị Xyzzy", "Tổ Plugh", "Tổ trưởng Quux"];
const WITHHELD_WORDS: &[&str] = &["xyzzy", "plugh", "quux"];

/// An agency's sheet, saved as CSV: row numbers, personal data, a note, a
/// withheld person.
const AGENCY_CSV: &str = "\u{feff}STT;Họ và tên;Ngày sinh;Số CCCD;Cá nhân/Tập thể;Chức vụ;Đơn vị;Số điện thoại;Địa chỉ;Ghi chú;Ẩn\r\n\
1;Hà Thị Mai;21/04/1980;001080012345;Cá nhân;Chuyên viên;Phòng Tổng hợp;0912345678;27 Trần Hưng Đạo, xóm Zorkmid;;\r\n\
2;Mùa Thị Xyzzy;02/09/1985;002085054321;Cá nhân;Tổ trưởng Quux;Tổ Plugh;0987654321;Bản Frobozz;xin không nêu tên;x\r\n\
3;Phòng Chính sách dân tộc;;;Tập thể;;Ban Dân tộc tỉnh Cao Bằng;;;;\r\n\
4;;;;;;;;;;\r\n";

/// Everything personal in [`AGENCY_CSV`] and in [`agency_workbook`], as
/// the sheets show it, and their ASCII words.
const PERSONAL: &[&str] = &[
    "21/04/1980",
    "02/09/1985",
    "001080012345",
    "002085054321",
    "1080012345",
    "0912345678",
    "0987654321",
    "912345678",
    "27 Trần Hưng Đạo",
    "zorkmid",
    "frobozz",
    // 21/04/1980 as the day number Excel stores.
    "29332",
];

/// The basic site with its list reading `sheet` (`recipients_csv` or
/// `recipients_xlsx` and what follows) instead of its CSV.
fn site_reading(line: &str) -> TestSite {
    let site = TestSite::fixture("basic");
    let text = std::fs::read_to_string(site.root().join(LIST)).expect("list");
    site.write(
        LIST,
        &text.replace("recipients_csv = \"ubdt-2022.csv\"", line),
    );
    site
}

fn agency_workbook() -> Vec<u8> {
    let t = Cell::Text;
    let rows = vec![
        [
            "STT",
            "Tên cá nhân",
            "Ngày sinh",
            "Số CCCD",
            "Loại",
            "Chức vụ",
            "Đơn vị",
            "Điện thoại",
            "Địa chỉ",
            "Ghi chú",
            "Ẩn",
        ]
        .map(t)
        .to_vec(),
        vec![
            Cell::Number(1.0),
            t("Hà Thị Mai"),
            Cell::Date(1980, 4, 21),
            Cell::Number(1_080_012_345.0),
            t("Cá nhân"),
            t("Chuyên viên"),
            t("Phòng Tổng hợp"),
            Cell::Number(912_345_678.0),
            t("27 Trần Hưng Đạo, xóm Zorkmid"),
            t(""),
            t(""),
        ],
        vec![
            Cell::Number(2.0),
            t("Mùa Thị Xyzzy"),
            Cell::Date(1985, 9, 2),
            t("002085054321"),
            t("Cá nhân"),
            t("Tổ trưởng Quux"),
            t("Tổ Plugh"),
            t("0987654321"),
            t("Bản Frobozz"),
            t("xin không nêu tên"),
            t("có"),
        ],
        vec![
            Cell::Number(3.0),
            t("Phòng Chính sách dân tộc"),
            t(""),
            t(""),
            t("Tập thể"),
            t(""),
            t("Ban Dân tộc tỉnh Cao Bằng"),
        ],
        vec![Cell::Number(4.0)],
    ];
    workbook(&[("Danh sách", rows)])
}

/// No file of the output holds any of `needles`, as written or (for ASCII
/// words) in any case.
fn nowhere_in_output(site: &TestSite, needles: &[&str]) {
    let files = snapshot(&site.out());
    assert!(files.len() > 10, "the site was built: {files:?}");
    for (path, bytes) in files {
        let lower = bytes.to_ascii_lowercase();
        for needle in needles {
            let found = contains(&bytes, needle.as_bytes())
                || (needle.is_ascii() && contains(&lower, needle.to_ascii_lowercase().as_bytes()));
            assert!(!found, "{needle:?} was published in {path}");
        }
    }
}

/// The list's page says, under its table, that one person is not named
/// at their request, and still counts them in its total: Hà Thị Mai and
/// the withheld person, and the collective.
fn withheld_counted(page: &str) {
    let line = page
        .split_once("withheld-list")
        .map(|(_, after)| after.split_once("</ul>").map_or(after, |(list, _)| list))
        .unwrap_or_else(|| panic!("no withheld line on the page: {page}"));
    assert!(
        line.contains("1 cá nhân không công bố tên theo đề nghị"),
        "{line}"
    );
    assert!(page.contains("2 cá nhân và 1 tập thể"), "{page}");
    assert!(
        !page.contains("count-list"),
        "a withheld person is not a count: {page}"
    );
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Builds with the binary (messages in `lang`), and checks: both succeed
/// and print the same notes; returns what `build` printed.
fn build_and_check(site: &TestSite, lang: &str) -> String {
    let (code, stdout, stderr) = site.run(&["build", "--lang", lang]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (code, checked, stderr) = site.run(&["check", "--lang", lang]);
    assert_eq!(code, 0, "{checked}{stderr}");
    let notes = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("note:") || l.starts_with("ghi chú:"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(
        notes(&stdout),
        notes(&checked),
        "build and check note alike"
    );
    stdout
}

#[test]
fn an_agency_csv_builds_and_publishes_nothing_personal() {
    let site = TestSite::fixture("basic");
    site.write(CSV, AGENCY_CSV);
    let stdout = build_and_check(&site, "en");
    let notes: Vec<&str> = stdout.lines().filter(|l| l.starts_with("note:")).collect();
    assert_eq!(
        notes,
        [
            "note: content/awards/ubdt-2022.csv: the columns `Ngày sinh`, `Số CCCD`, `Số điện thoại` and `Địa chỉ` \
             hold personal data: they were left out, and nothing in them is published"
        ],
        "{stdout}"
    );
    for value in PERSONAL {
        assert!(!stdout.contains(value), "{value} printed: {stdout}");
    }
    let page = site.page(PAGE);
    assert!(page.contains("Hà Thị Mai"), "{page}");
    assert!(page.contains("Phòng Tổng hợp"), "{page}");
    assert!(page.contains("Phòng Chính sách dân tộc"), "{page}");
    nowhere_in_output(&site, PERSONAL);
    nowhere_in_output(&site, WITHHELD);
    nowhere_in_output(&site, WITHHELD_WORDS);
    // The withheld person still counts, by number only.
    withheld_counted(&page);
    let en = site.page("en/awards/ubdt-2022/index.html");
    assert!(
        en.contains("1 individual not named at their request"),
        "{en}"
    );

    // In Vietnamese too.
    let stdout = build_and_check(&site, "vi");
    assert!(
        stdout.contains(
            "ghi chú: content/awards/ubdt-2022.csv: các cột `Ngày sinh`, `Số CCCD`, `Số điện thoại` và `Địa chỉ` chứa thông tin cá nhân"
        ),
        "{stdout}"
    );
}

#[test]
fn an_agency_workbook_builds_and_publishes_nothing_personal() {
    let site = site_reading("recipients_xlsx = \"ubdt-2022.xlsx\"");
    site.write_bytes(XLSX, &agency_workbook());
    site.remove(CSV);
    let stdout = build_and_check(&site, "en");
    assert!(
        stdout.contains(
            "note: content/awards/ubdt-2022.xlsx, sheet `Danh sách`: the columns `Ngày sinh`, `Số CCCD`, \
             `Điện thoại` and `Địa chỉ` hold personal data"
        ),
        "{stdout}"
    );
    let page = site.page(PAGE);
    assert!(page.contains("Hà Thị Mai"), "{page}");
    assert!(page.contains("Phòng Chính sách dân tộc"), "{page}");
    withheld_counted(&page);
    nowhere_in_output(&site, PERSONAL);
    nowhere_in_output(&site, WITHHELD);
    nowhere_in_output(&site, WITHHELD_WORDS);
}

#[test]
fn a_decision_covering_several_awards_names_each_row_s_award() {
    let site = TestSite::fixture("basic");
    site.write(
        CSV,
        "STT;Họ và tên;Hình thức khen thưởng;Cá nhân/Tập thể;Đơn vị\n\
         1;Hà Thị Mai;Giấy khen;Cá nhân;Phòng Tổng hợp\n\
         2;Trường THCS Lê Lợi;tap-the-lao-dong-tien-tien;;\n\
         3;Lò Văn Pành;;Cá nhân;\n",
    );
    build_and_check(&site, "en");
    let page = site.page(PAGE);
    for name in ["Hà Thị Mai", "Trường THCS Lê Lợi", "Lò Văn Pành"] {
        assert!(page.contains(name), "{name}: {page}");
    }
    // The collective's award is for collectives only: its kind may be left out.
    assert!(page.contains("Giấy khen"), "{page}");
}

#[test]
fn a_named_sheet_is_read_and_a_sheet_without_personal_data_has_no_note() {
    let site = site_reading("recipients_xlsx = \"ds.xlsx\"\nsheet = \"Khen thưởng\"");
    let t = Cell::Text;
    let list = vec![
        vec![
            t("TT"),
            t("Tên tập thể"),
            t("Cá nhân/Tập thể"),
            t("Ghi chú"),
        ],
        vec![
            Cell::Number(1.0),
            t("Trường THCS Lê Lợi"),
            t("Tập thể"),
            t(""),
        ],
    ];
    let other = vec![
        vec![t("Họ và tên"), t("Loại")],
        vec![t("Không đọc"), t("Cá nhân")],
    ];
    site.write_bytes(
        "content/awards/ds.xlsx",
        &workbook(&[("Tổng hợp", other), ("Khen thưởng", list)]),
    );
    let stdout = build_and_check(&site, "en");
    assert!(!stdout.contains("note:"), "{stdout}");
    let page = site.page(PAGE);
    assert!(page.contains("Trường THCS Lê Lợi"), "{page}");
    assert!(!page.contains("Không đọc"), "only the named sheet is read");
}

#[test]
fn a_withheld_recipient_written_in_toml_counts_and_is_shown_nowhere() {
    let site = TestSite::fixture("basic");
    let list = "content/awards/qd-631-2021.toml";
    let text = std::fs::read_to_string(site.root().join(list)).expect("list");
    let withheld = "[[recipients]]\nname = \"Mùa Thị Xyzzy\"\nkind = \"individual\"\n\
                    unit = \"Tổ Plugh\"\nposition = \"Tổ trưởng Quux\"\nwithheld = true\n\n";
    site.write(
        list,
        &text.replacen("[[recipients]]", &format!("{withheld}[[recipients]]"), 1),
    );
    build_and_check(&site, "en");
    let page = site.page("khen-thuong/qd-631-2021/index.html");
    // Two named individuals, the withheld one, and the committee.
    assert!(page.contains("3 cá nhân và 1 tập thể"), "{page}");
    assert!(
        page.contains("1 cá nhân không công bố tên theo đề nghị"),
        "{page}"
    );
    // The table numbers the named ones from 1, without a gap.
    assert!(page.contains("<td class=\"num\">3</td>"), "{page}");
    assert!(!page.contains("<td class=\"num\">4</td>"), "{page}");
    // The year's summary counts it.
    let year = site.page("nam/2021/index.html");
    assert!(year.contains("Bằng khen của Chủ tịch UBND tỉnh"), "{year}");
    nowhere_in_output(&site, WITHHELD);
    nowhere_in_output(&site, WITHHELD_WORDS);
}

#[test]
fn a_sheet_s_ethnicity_shows_only_when_the_site_says_so() {
    let site = TestSite::fixture("basic");
    site.write(
        CSV,
        "Họ và tên;Dân tộc;Loại;Đơn vị\nHà Thị Mai;Plughese;Cá nhân;Phòng Tổng hợp\n",
    );
    build_and_check(&site, "en");
    assert!(site.page(PAGE).contains("Hà Thị Mai"));
    nowhere_in_output(&site, &["Plughese"]);

    let config = std::fs::read_to_string(site.root().join("site.toml")).expect("site.toml");
    let shown = if config.contains("show_ethnicity = false") {
        config.replace("show_ethnicity = false", "show_ethnicity = true")
    } else {
        format!("{config}\n[privacy]\nshow_ethnicity = true\n")
    };
    site.write("site.toml", &shown);
    build_and_check(&site, "en");
    let page = site.page(PAGE);
    assert!(page.contains("Dân tộc: <span>Plughese</span>"), "{page}");
}

#[test]
fn withheld_rows_of_several_awards_are_told_per_award_most_prestigious_first() {
    let site = TestSite::fixture("basic");
    site.write(
        CSV,
        "STT;Họ và tên;Hình thức khen thưởng;Cá nhân/Tập thể;Ẩn\n\
         1;Hà Thị Mai;Giấy khen;Cá nhân;\n\
         2;Mùa Thị Xyzzy;Giấy khen;Cá nhân;x\n\
         3;Tổ Plugh;Giấy khen;Tập thể;x\n\
         4;Lò Thị Quux;Chiến sĩ thi đua cơ sở;;x\n",
    );
    build_and_check(&site, "en");
    let page = site.page(PAGE);
    let line = page
        .split_once("withheld-list")
        .and_then(|(_, after)| after.split_once("</ul>"))
        .map(|(list, _)| list)
        .unwrap_or_else(|| panic!("no withheld line: {page}"));
    // The more prestigious award first: Chiến sĩ thi đua cơ sở (rank 30), then Giấy khen (20).
    let fighter = line.find("Chiến sĩ thi đua cơ sở</strong>: 1 cá nhân không công bố tên");
    let giay = line.find("Giấy khen</strong>: 1 cá nhân và 1 tập thể không công bố tên");
    assert!(fighter.is_some() && giay.is_some(), "{line}");
    assert!(fighter < giay, "{line}");
    // Hà Thị Mai and the three withheld, all counted.
    assert!(page.contains("3 cá nhân và 1 tập thể"), "{page}");
    nowhere_in_output(&site, &["Xyzzy", "Plugh", "Quux"]);
}
