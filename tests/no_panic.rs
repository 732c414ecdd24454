//! Whatever an editor's files hold, vinhdanh answers with problems, never a
//! panic: random bytes and randomly mutated valid files go through the
//! loader (site.toml, front matter, award lists, recipients CSV), the
//! assembler and the terminal report.
//!
//! The fields of content model v2 (counts, periods, campaign documents and
//! levels, aliases, an award per recipient, inline awards' dates, reasons
//! and periods, the agency) are covered twice: files full of them mutated
//! at random, and right files whose v2 fields take random values (so that
//! the checks beyond types, not only the reader, see them).
//!
//! The crafted shapes of issue 18 (repeated headings, many links, long
//! lines, deep nesting, big tables, long CSVs) go through too, small.
//!
//! Case counts are modest so the whole suite stays fast on two cores.

mod common;

use std::path::Path;

use common::TestSite;
use proptest::prelude::*;
use proptest::sample::Index;
use vinhdanh::Diagnostics;
use vinhdanh::build::{finish, load_config};
use vinhdanh::content::recipients::csv_file::parse_recipients;
use vinhdanh::content::recipients::workbook::open;
use vinhdanh::diagnostic::report::{ReportStyle, render};
use vinhdanh::model::{AssembleOptions, assemble};

/// Bits of text that matter to TOML, front matter, CSV and Unicode.
const TOKENS: &[&str] = &[
    "\"", "'", "=", "[", "]", "[[", "{", "}", "\n", "\r\n", "+++", "#", ",", ";", ".", "-", "0",
    "2020", "ư", "Đ", "\u{301}", "\u{feff}", "@/", "\\", "true", "___", "\"\"\"",
];

#[derive(Debug, Clone)]
enum Edit {
    Replace(Index, u8),
    Insert(Index, &'static str),
    Delete(Index, usize),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Edit::Replace(i, b)),
        (any::<Index>(), prop::sample::select(TOKENS)).prop_map(|(i, t)| Edit::Insert(i, t)),
        (any::<Index>(), 1usize..12).prop_map(|(i, n)| Edit::Delete(i, n)),
    ];
    prop::collection::vec(edit, 1..6)
}

fn mutate(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for edit in edits {
        let at = |i: &Index, len: usize| if len == 0 { 0 } else { i.index(len) };
        match edit {
            Edit::Replace(i, b) if !bytes.is_empty() => {
                let at = at(i, bytes.len());
                bytes[at] = *b;
            }
            Edit::Replace(..) => {}
            Edit::Insert(i, t) => {
                let at = at(i, bytes.len() + 1);
                bytes.splice(at..at, t.bytes());
            }
            Edit::Delete(i, n) => {
                let at = at(i, bytes.len());
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
        }
    }
    bytes
}

/// Loads and assembles the site, then draws any problems: must not panic.
fn load_everything(site: &TestSite) {
    let options = site.options();
    let result = load_config(&options).and_then(|config| {
        let (content, problems) = vinhdanh::content::load(&config);
        assemble(config, content, problems, AssembleOptions::default()).map(|_| ())
    });
    if let Err(problems) = result {
        draw(problems, &site.root());
    }
}

fn draw(problems: Diagnostics, root: &Path) {
    let options = vinhdanh::BuildOptions {
        root: root.to_path_buf(),
        ..Default::default()
    };
    let problems = finish(problems, &options);
    let text = render(
        &problems,
        root,
        ReportStyle {
            lang: vinhdanh::Lang::Vi,
            color: false,
        },
    );
    assert!(!text.is_empty());
}

fn fixture_file(rel: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/basic")
            .join(rel),
    )
    .expect("fixture file")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_as_a_profile(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let site = TestSite::fixture("basic");
        site.write_bytes("content/profiles/random.md", &bytes);
        load_everything(&site);
    }

    #[test]
    fn a_mutated_profile(edits in edits()) {
        let site = TestSite::fixture("basic");
        let path = "content/profiles/nguyen-thi-dao.md";
        site.write_bytes(path, &mutate(fixture_file(path), &edits));
        load_everything(&site);
    }

    #[test]
    fn a_mutated_award_list_and_campaign(list in edits(), campaign in edits()) {
        let site = TestSite::fixture("basic");
        for (path, edits) in [("content/awards/qd-631-2021.toml", &list), ("content/campaigns/dan-van-kheo.md", &campaign)] {
            site.write_bytes(path, &mutate(fixture_file(path), edits));
        }
        load_everything(&site);
    }

    #[test]
    fn a_mutated_site_toml(edits in edits()) {
        let site = TestSite::fixture("basic");
        site.write_bytes("site.toml", &mutate(fixture_file("site.toml"), &edits));
        load_everything(&site);
    }
}

/// An award list using every field of content model v2.
const V2_LIST: &str = r#"decision = "12/QĐ-UBND"
date = 2023-04-05
issuer = { vi = "Chủ tịch UBND tỉnh", en = "Provincial Chairman" }
award = "giay-khen"
year = 2023
period = [2018, 2022]
campaign = "dan-van-kheo"
reason = "Đã có thành tích"
aliases = ["/khen-thuong/qd-12/", "/cu/qd-12.html"]

[[recipients]]
name = "Nguyễn Thị Đào"
kind = "cá nhân"
profile = "nguyen-thi-dao"
award = "Bằng khen của Chủ tịch UBND tỉnh"

[[recipients]]
name = "Tổ Dân vận"
kind = "Tập thể"
unit = { vi = "Xã An Phú", en = "An Phú commune" }
position = "Tổ"
note = "ghi chú"

[[counts]]
award = "lao-dong-tien-tien"
individuals = 21
collectives = 0
note = "khối doanh nghiệp"

[[counts]]
individuals = 5
collectives = 2
"#;

/// A profile using every field of content model v2.
const V2_PROFILE: &str = r#"+++
name = "Hợp tác xã Đức Long"
kind = "TẬP THỂ"
unit = "Huyện Hòa An"
year = 2019
aliases = ["/ho-so/htx-cu/"]
campaigns = ["dan-van-kheo"]

[[awards]]
award = "co-thi-dua-cap-tinh"
year = 2021
decision = "45/QĐ-UBND"
date = 2021-06-01
issuer = "UBND tỉnh"
reason = { vi = "Dẫn đầu phong trào", en = "Leading the movement" }
period = [2016, 2020]
campaign = "dan-van-kheo"
+++

Hợp tác xã, xem [danh sách](@/awards/v2.toml).
"#;

/// A campaign using every field of content model v2.
const V2_CAMPAIGN: &str = r#"+++
name = "Thi đua yêu nước"
end_year = 2025
level = "province"
launched_by = "UBND tỉnh"
aliases = ["/phong-trao/thi-dua-cu/"]

[[documents]]
number = "1/KH-UBND"
date = 2021-01-02
issuer = { vi = "UBND tỉnh", en = "Provincial People's Committee" }
title = "Kế hoạch thi đua"
+++

Phong trào.
"#;

/// The agency of site.toml, added to the fixture's.
const V2_AGENCY: &str = "\n[agency]\nname = { vi = \"Ban Dân tộc\", en = \"Ethnic Affairs\" }\naddress = \"Số 1\"\nphone = \"0206\"\nemail = \"a@b.vn\"\nresponsible = \"Trưởng ban\"\n";

/// The basic site with the v2 files written (`list`, `profile`, `campaign`
/// and the site.toml with the agency, each as given).
fn v2_site(list: &[u8], profile: &[u8], campaign: &[u8], config: &[u8]) -> TestSite {
    let site = TestSite::fixture("basic");
    site.write_bytes("content/awards/v2.toml", list);
    site.write_bytes("content/profiles/htx-duc-long.md", profile);
    site.write_bytes("content/campaigns/thi-dua.md", campaign);
    site.write_bytes("site.toml", config);
    site
}

fn v2_config() -> Vec<u8> {
    let mut config = fixture_file("site.toml");
    config.extend_from_slice(V2_AGENCY.as_bytes());
    config
}

/// The seeds are right: mutations start from files that build.
#[test]
fn the_v2_files_build() {
    let site = v2_site(
        V2_LIST.as_bytes(),
        V2_PROFILE.as_bytes(),
        V2_CAMPAIGN.as_bytes(),
        &v2_config(),
    );
    if let Err(problems) = site.build() {
        panic!("the v2 files do not build:\n{problems}");
    }
}

/// A TOML value of any type, and some a field of v2 could take or nearly.
fn toml_value() -> impl Strategy<Value = String> {
    let text = "[a-zđư /.@#?:\\-]{0,12}".prop_map(|s| format!("{s:?}"));
    let number = prop_oneof![Just(i64::MIN), Just(i64::MAX), -3i64..3, 1940i64..2110,]
        .prop_map(|n| n.to_string());
    let scalar = prop_oneof![
        text.clone(),
        number.clone(),
        Just("true".to_owned()),
        Just("2021-02-30".to_owned()),
        Just("2021-12-31T23:59:60Z".to_owned()),
        Just("1.5".to_owned()),
        Just("\"giay-khen\"".to_owned()),
        Just("\"Giấy khen\"".to_owned()),
        Just("\"lao-dong-tien-tien\"".to_owned()),
        Just("\"dan-van-kheo\"".to_owned()),
        Just("\"nguyen-thi-dao\"".to_owned()),
        Just("\"/ho-so/le-van-an/\"".to_owned()),
        Just("\"/\"".to_owned()),
        Just("\"national\"".to_owned()),
        Just("\"Tập thể\"".to_owned()),
        Just("\"___\"".to_owned()),
    ];
    prop_oneof![
        3 => scalar.clone(),
        1 => prop::collection::vec(scalar.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(", "))),
        1 => (scalar.clone(), scalar).prop_map(|(a, b)| format!("{{ vi = {a}, en = {b} }}")),
    ]
}

/// The v2 fields of the seeds, each a line `key = value` to replace.
const V2_FIELDS: &[(usize, &str)] = &[
    (0, "award = \"giay-khen\""),
    (0, "period = [2018, 2022]"),
    (0, "aliases = [\"/khen-thuong/qd-12/\", \"/cu/qd-12.html\"]"),
    (0, "award = \"Bằng khen của Chủ tịch UBND tỉnh\""),
    (0, "kind = \"Tập thể\""),
    (0, "award = \"lao-dong-tien-tien\""),
    (0, "individuals = 21"),
    (0, "collectives = 0"),
    (0, "individuals = 5"),
    (0, "collectives = 2"),
    (0, "year = 2023"),
    (0, "date = 2023-04-05"),
    (1, "kind = \"TẬP THỂ\""),
    (1, "aliases = [\"/ho-so/htx-cu/\"]"),
    (1, "date = 2021-06-01"),
    (
        1,
        "reason = { vi = \"Dẫn đầu phong trào\", en = \"Leading the movement\" }",
    ),
    (1, "period = [2016, 2020]"),
    (2, "end_year = 2025"),
    (2, "level = \"province\""),
    (2, "aliases = [\"/phong-trao/thi-dua-cu/\"]"),
    (2, "number = \"1/KH-UBND\""),
    (2, "date = 2021-01-02"),
    (3, "email = \"a@b.vn\""),
    (
        3,
        "name = { vi = \"Ban Dân tộc\", en = \"Ethnic Affairs\" }",
    ),
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_v2_files(list in edits(), profile in edits(), campaign in edits(), config in edits()) {
        let site = v2_site(
            &mutate(V2_LIST.as_bytes().to_vec(), &list),
            &mutate(V2_PROFILE.as_bytes().to_vec(), &profile),
            &mutate(V2_CAMPAIGN.as_bytes().to_vec(), &campaign),
            &mutate(v2_config(), &config),
        );
        load_everything(&site);
    }

    #[test]
    fn v2_fields_with_random_values(
        changes in prop::collection::vec((prop::sample::select(V2_FIELDS), toml_value()), 1..5),
    ) {
        let mut files = [
            V2_LIST.to_owned(),
            V2_PROFILE.to_owned(),
            V2_CAMPAIGN.to_owned(),
            String::from_utf8(v2_config()).expect("UTF-8"),
        ];
        for ((file, line), value) in &changes {
            let key = line.split(" = ").next().unwrap_or_default();
            files[*file] = files[*file].replacen(line, &format!("{key} = {value}"), 1);
        }
        let [list, profile, campaign, config] = &files;
        let site = v2_site(list.as_bytes(), profile.as_bytes(), campaign.as_bytes(), config.as_bytes());
        load_everything(&site);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_and_mutated_recipients_csv(bytes in prop::collection::vec(any::<u8>(), 0..300), edits in edits()) {
        let path = Path::new("content/awards/x.csv");
        let _ = parse_recipients(&bytes, path);
        let _ = parse_recipients(&mutate(fixture_file("content/awards/ubdt-2022.csv"), &edits), path);
    }

    #[test]
    fn random_and_mutated_workbooks(bytes in prop::collection::vec(any::<u8>(), 0..300), edits in edits()) {
        let path = Path::new("content/awards/x.xlsx");
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend_from_slice(&bytes);
        for bytes in [bytes, zip, mutate(a_workbook(), &edits)] {
            if let Ok(mut book) = open(&bytes, path) {
                for name in book.sheet_names() {
                    let _ = book.read(&name);
                }
            }
        }
    }
}

/// A small workbook of recipients, made once.
fn a_workbook() -> Vec<u8> {
    static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BYTES
        .get_or_init(|| {
            let mut w = rust_xlsxwriter::Workbook::new();
            let ws = w.add_worksheet();
            for (r, row) in [
                ["STT", "Họ và tên", "Loại", "Ngày sinh"],
                ["1", "An", "Cá nhân", "x"],
            ]
            .iter()
            .enumerate()
            {
                for (c, cell) in row.iter().enumerate() {
                    ws.write_string(r as u32, c as u16, *cell).expect("cell");
                }
            }
            ws.write_number(2, 0, 2.5).expect("cell");
            w.save_to_buffer().expect("workbook")
        })
        .clone()
}

/// The crafted shapes of `scripts/bench-hostile` (issue 18), small: each
/// repeats a unit `n` times, with a random piece of markdown in it.
#[derive(Debug, Clone, Copy)]
enum Shape {
    Headings,
    Links,
    DraftLinks,
    LongLine,
    Quotes,
    Lists,
    Table,
    Footnotes,
}

const SHAPES: &[Shape] = &[
    Shape::Headings,
    Shape::Links,
    Shape::DraftLinks,
    Shape::LongLine,
    Shape::Quotes,
    Shape::Lists,
    Shape::Table,
    Shape::Footnotes,
];

fn shaped_body(shape: Shape, n: usize, bit: &str) -> String {
    let repeat = |f: &dyn Fn(usize) -> String| (0..n).map(f).collect::<String>();
    match shape {
        Shape::Headings => repeat(&|_| format!("## Kết quả{bit}\n\n")),
        Shape::Links => repeat(&|i| format!("[a{bit}](@/profiles/khong-co-{}.md) ", i % 3)),
        Shape::DraftLinks => repeat(&|_| format!("[a{bit}](@/profiles/ban-nhap.md)\n")),
        Shape::LongLine => repeat(&|_| format!("Thành tích{bit} ")),
        Shape::Quotes => format!("{}{bit}\n", "> ".repeat(n)),
        Shape::Lists => format!("{}{bit}\n", "- ".repeat(n)),
        Shape::Table => format!(
            "| a | b |\n|---|---|\n{}",
            repeat(&|i| format!("| {i} | {bit} |\n"))
        ),
        Shape::Footnotes => {
            repeat(&|i| format!("x[^{i}]{bit}\n")) + "\n" + &repeat(&|i| format!("[^{i}]: {bit}\n"))
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn crafted_shapes_build_or_report(
        shape in prop::sample::select(SHAPES),
        n in 1usize..400,
        bit in "[a-zđ #>|*_\\[\\]()@/.:^-]{0,6}",
    ) {
        let site = TestSite::fixture("basic");
        site.write(
            "content/profiles/shape.md",
            &format!(
                "+++\nname = \"Hình Dạng\"\nkind = \"individual\"\nunit = \"U\"\nyear = 2021\n+++\n\n{}",
                shaped_body(shape, n, &bit)
            ),
        );
        load_everything(&site);
    }

    #[test]
    fn a_long_recipients_csv_with_a_random_cell(n in 1usize..3000, cell in "[a-zđ;,\"\\n ]{0,6}") {
        let mut csv = String::from("Họ và tên;Loại;Đơn vị\n");
        for i in 0..n {
            csv.push_str(&format!("Nguyễn Văn {i};Cá nhân;Phòng {}\n", i % 7));
        }
        csv.push_str(&format!("{cell};Tập thể;x\n"));
        let _ = parse_recipients(csv.as_bytes(), Path::new("content/awards/x.csv"));
    }
}
