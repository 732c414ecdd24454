//! Whatever an editor's files hold, vinhdanh answers with problems, never a
//! panic: random bytes and randomly mutated valid files go through the
//! loader (site.toml, front matter, award lists, recipients CSV), the
//! assembler and the terminal report.
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
