//! The sample site (the repository's own `site.toml` and `content/`) shows
//! what five agency reports say, and nothing else: it builds, every year's
//! summary equals a count made by hand from the reports, the person who
//! asked not to be named and every personal value of its spreadsheets
//! reach no byte of the output, and its workbook is the one
//! `examples/sample_workbook.rs` writes.
//!
//! The reports (2021–2023):
//! - [CB] Ban Dân tộc tỉnh Cao Bằng, báo cáo sơ kết 05 năm thực hiện Chỉ thị
//!   số 06-CT/TU (01/4/2021);
//! - [LĐ] Sở Lao động – Thương binh và Xã hội tỉnh Cao Bằng, báo cáo sơ kết
//!   05 năm thực hiện Chỉ thị số 06-CT/TU (tháng 4/2021);
//! - [CĐ] Công đoàn cơ sở Ban Dân tộc tỉnh Bình Phước, báo cáo kết quả thi
//!   đua, khen thưởng năm 2022 (tháng 12/2022);
//! - [BP] Ban Dân tộc tỉnh Bình Phước, sơ kết giao ước thi đua 06 tháng đầu
//!   năm 2023 (tháng 7/2023);
//! - [QN] Ban Dân tộc tỉnh Quảng Ngãi, kết quả giao ước thi đua năm 2023
//!   (tháng 12/2023).
//!
//! Counted: awards the reports say were given. Not counted: proposals
//! ("đề nghị", "trình hồ sơ"), ratings ("hoàn thành tốt nhiệm vụ"), and
//! "100% … lao động tiên tiến" where a report gives no number.

mod common;

use std::path::{Path, PathBuf};

use vinhdanh::model::{Site, SummaryRow};
use vinhdanh::{BuildOptions, Lang, build_site, load_site};

/// An award type's key, and how many individuals and collectives received it.
type Row = (&'static str, usize, usize);

/// The hand count: per year, per award type (most prestigious first, as
/// the summary orders them), individuals and collectives.
///
/// 2016 — [CB] 5.2: the committee, Bằng khen of the Minister-Chairman (0/1)
///   and two Bằng khen of the provincial Chairman (0/2); "02 cá nhân" Kỷ
///   niệm chương (2/0). [CB] 5.3: "01 cá nhân … Chiến sỹ thi đua cấp tỉnh"
///   (1/0); the head's awards: Tập thể lao động tiên tiến 04 (0/4), Chiến
///   sỹ thi đua cơ sở 04 (4/0), Lao động tiên tiến 21 (21/0).
/// 2017 — [CB] 5.2: the committee, Bằng khen of the provincial Chairman
///   (0/1); 5.3: "01 cá nhân … Bằng khen" (1/0), Phòng Kế hoạch – Tổng hợp
///   Tập thể lao động xuất sắc (0/1); the head's: 05 / 03 / 22.
/// 2018 — [CB] 5.2: "01 cá nhân … Huân chương Lao động hạng nhất" (1/0),
///   the committee's Bằng khen (0/1); 5.3: Văn phòng – Chính sách Tập thể
///   lao động xuất sắc (0/1), "01 cá nhân … Bằng khen" (1/0); the head's:
///   05 / 04 / 20, and Giấy khen 04 cá nhân (4/0).
/// 2019 — [CB] 5.2: the committee, Bằng khen of the Prime Minister (0/1)
///   and of the provincial Chairman (0/1); 5.3: "01 cá nhân … Bằng khen của
///   Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc" (1/0), Phòng Kế hoạch – Tổng hợp
///   Tập thể lao động xuất sắc (0/1), "01 cá nhân … Bằng khen của Chủ tịch
///   UBND tỉnh" (1/0); the head's: 03 / 03 / 14, Giấy khen 05 cá nhân
///   (5/0). (The 24 collectives and 35 individuals of the 2019 congress
///   were proposed, "trình các cấp có thẩm quyền để xem xét": not counted.)
/// 2020 — [CB] 5.2: the committee's Bằng khen (0/1); 5.3: Phòng Kế hoạch –
///   Tổng hợp, Tập thể lao động xuất sắc (0/1) and Bằng khen (0/1); the
///   head's: Tập thể lao động tiên tiến 03 (0/3), Chiến sỹ thi đua cơ sở
///   02 (2/0), Lao động tiên tiến 22 (22/0), Giấy khen 02 tập thể and 12 cá
///   nhân; [CB] 4: Giấy khen at the committee's second conference of
///   exemplary collectives and individuals, 01 tập thể and 03 cá nhân;
///   [LĐ] 4: Giấy khen of the Director, 05 tập thể and 19 cá nhân. Giấy
///   khen: 12 + 3 + 19 = 34 individuals, 2 + 1 + 5 = 8 collectives.
/// 2021 — nothing in the reports.
/// 2022 — [CĐ] III and [BP] IV.4.b: Bằng khen of the Prime Minister, "01
///   cá nhân" (1/0, told by both reports, counted once); Tập thể lao động
///   xuất sắc, Văn phòng and Phòng Kế hoạch – Tổng hợp (0/2); Bằng khen of
///   the provincial Chairman: "01 tập thể phòng, 01 công chức" (1/1), "48
///   cá nhân người dân tộc thiểu số tiêu biểu" (Quyết định số 631/QĐ-UBND,
///   48/0), "04 tập thể và 07 cá nhân tiêu biểu trong thực hiện Nghị quyết
///   số 52/NQ-CP" (7/4): 56/5; [CĐ] III: "03 cá nhân … chiến sĩ thi đua cơ
///   sở" (3/0), Giấy khen "05 cá nhân" and "02 tập thể phòng" (5/2), "05
///   tập thể phòng … tập thể lao động tiên tiến" (0/5).
/// 2023 — [QN] II.2.2: six persons of prestige, "05 người được Bộ trưởng,
///   Chủ nhiệm Ủy ban dân tộc tặng Bằng khen, 01 người được Thủ tướng
///   Chính phủ tặng Bằng khen" (5/0, 1/0); II.2.3.b: "02 cá nhân đạt danh
///   hiệu chiến sĩ thi đua cơ sở" (2/0), "03/03 phòng … tập thể lao động
///   tiên tiến" (0/3), "20/20 cá nhân đạt danh hiệu lao động tiên tiến"
///   (20/0).
const HAND_COUNT: &[(i32, &[Row])] = &[
    (
        2023,
        &[
            ("bang-khen-thu-tuong", 1, 0),
            ("bang-khen-ban-dan-toc", 5, 0),
            ("chien-si-thi-dua-co-so", 2, 0),
            ("tap-the-lao-dong-tien-tien", 0, 3),
            ("lao-dong-tien-tien", 20, 0),
        ],
    ),
    (
        2022,
        &[
            ("bang-khen-thu-tuong", 1, 0),
            ("bang-khen-cap-tinh", 56, 5),
            ("tap-the-lao-dong-xuat-sac", 0, 2),
            ("chien-si-thi-dua-co-so", 3, 0),
            ("giay-khen", 5, 2),
            ("tap-the-lao-dong-tien-tien", 0, 5),
        ],
    ),
    (
        2020,
        &[
            ("bang-khen-cap-tinh", 0, 2),
            ("tap-the-lao-dong-xuat-sac", 0, 1),
            ("chien-si-thi-dua-co-so", 2, 0),
            ("giay-khen", 34, 8),
            ("tap-the-lao-dong-tien-tien", 0, 3),
            ("lao-dong-tien-tien", 22, 0),
        ],
    ),
    (
        2019,
        &[
            ("bang-khen-thu-tuong", 0, 1),
            ("bang-khen-ban-dan-toc", 1, 0),
            ("bang-khen-cap-tinh", 1, 1),
            ("tap-the-lao-dong-xuat-sac", 0, 1),
            ("chien-si-thi-dua-co-so", 3, 0),
            ("giay-khen", 5, 0),
            ("tap-the-lao-dong-tien-tien", 0, 3),
            ("lao-dong-tien-tien", 14, 0),
        ],
    ),
    (
        2018,
        &[
            ("huan-chuong-lao-dong-hang-nhat", 1, 0),
            ("bang-khen-cap-tinh", 1, 1),
            ("tap-the-lao-dong-xuat-sac", 0, 1),
            ("chien-si-thi-dua-co-so", 4, 0),
            ("giay-khen", 4, 0),
            ("tap-the-lao-dong-tien-tien", 0, 5),
            ("lao-dong-tien-tien", 20, 0),
        ],
    ),
    (
        2017,
        &[
            ("bang-khen-cap-tinh", 1, 1),
            ("tap-the-lao-dong-xuat-sac", 0, 1),
            ("chien-si-thi-dua-co-so", 3, 0),
            ("tap-the-lao-dong-tien-tien", 0, 5),
            ("lao-dong-tien-tien", 22, 0),
        ],
    ),
    (
        2016,
        &[
            ("chien-si-thi-dua-cap-tinh", 1, 0),
            ("bang-khen-ban-dan-toc", 0, 1),
            ("bang-khen-cap-tinh", 0, 2),
            ("chien-si-thi-dua-co-so", 4, 0),
            ("ky-niem-chuong", 2, 0),
            ("tap-the-lao-dong-tien-tien", 0, 4),
            ("lao-dong-tien-tien", 21, 0),
        ],
    ),
];

/// The one person of the sample who asked not to be named (a row of the
/// Bình Phước sheet marked in its `Ẩn` column), as the sheet writes them,
/// and the words of their row that only they have.
const WITHHELD: &[&str] = &[
    "Điểu Thị Mai",
    "Nhân viên Văn phòng",
    "Đề nghị không công bố tên",
];

/// Every value of the sample's personal-data columns (`Ngày sinh` of the
/// CSV file, `Năm sinh` of the workbook), as the sheets show them.
const PERSONAL: &[&str] = &[
    "14/02/1989",
    "03/11/1991",
    "27/06/1984",
    "09/09/1987",
    "18/05/1993",
];

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn options(dir: &Path) -> BuildOptions {
    BuildOptions {
        root: repository(),
        output_dir: Some(dir.join("public")),
        lang: Some(Lang::En),
        cache_dir: Some(dir.join("cache")),
        ..BuildOptions::default()
    }
}

fn rows(site: &Site, summary: &[SummaryRow]) -> Vec<(String, usize, usize)> {
    summary
        .iter()
        .map(|r| {
            (
                site.catalogue.by_index(r.award).key.clone(),
                r.individuals,
                r.collectives,
            )
        })
        .collect()
}

#[test]
fn every_year_of_the_sample_matches_the_reports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let report = build_site(&options(dir.path()))
        .unwrap_or_else(|p| panic!("the sample site must build:\n{p}"));
    assert!(report.pages > 100, "{report:?}");
    let (site, _) = load_site(&options(dir.path())).expect("the sample site loads");

    let years: Vec<i32> = site.years.iter().map(|y| y.year).collect();
    let counted: Vec<i32> = HAND_COUNT.iter().map(|(y, _)| *y).collect();
    assert_eq!(years, counted, "the years of the sample");
    for ((year, expected), built) in HAND_COUNT.iter().zip(&site.years) {
        let expected: Vec<(String, usize, usize)> = expected
            .iter()
            .map(|(key, i, c)| ((*key).to_owned(), *i, *c))
            .collect();
        assert_eq!(
            rows(&site, &built.summary),
            expected,
            "the summary of {year}"
        );
        // The year's page shows it.
        let page =
            std::fs::read_to_string(report.output_dir.join(format!("nam/{year}/index.html")))
                .expect("the year's page");
        for row in &built.summary {
            let name = site.catalogue.by_index(row.award).name.get("vi", "vi");
            assert!(page.contains(name), "{year}: {name} missing from its page");
        }
    }
}

#[test]
fn the_sample_publishes_no_personal_value_and_not_the_withheld_person() {
    let dir = tempfile::tempdir().expect("temp dir");
    let report = build_site(&options(dir.path()))
        .unwrap_or_else(|p| panic!("the sample site must build:\n{p}"));
    let files = common::snapshot(&report.output_dir);
    for (path, bytes) in &files {
        for needle in WITHHELD.iter().chain(PERSONAL) {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                "{needle:?} was published in {path}"
            );
        }
    }
    // The list still counts the withheld person, and says so.
    let page = std::fs::read_to_string(
        report
            .output_dir
            .join("khen-thuong/giay-khen-ban-dan-toc-binh-phuoc-2022/index.html"),
    )
    .expect("the list's page");
    assert!(page.contains("5 cá nhân và 2 tập thể"), "{page}");
    assert!(
        page.contains("1 cá nhân không công bố tên theo đề nghị"),
        "{page}"
    );
    // The personal-data columns are noted, by their headers only.
    let notes: Vec<String> = report.notes.iter().map(|n| n.words(Lang::En)).collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes.iter().any(|n| n.contains("`Ngày sinh`")), "{notes:?}");
    assert!(notes.iter().any(|n| n.contains("`Năm sinh`")), "{notes:?}");
}

#[allow(dead_code)]
#[path = "../examples/sample_workbook.rs"]
mod sample_workbook;

#[test]
fn the_sample_workbook_is_the_one_its_example_writes() {
    let committed = std::fs::read(repository().join(sample_workbook::FILE)).expect("workbook");
    let made = sample_workbook::workbook().expect("the example's workbook");
    assert!(
        committed == made,
        "{} differs from what `cargo run --example sample_workbook` writes: run it and commit the file",
        sample_workbook::FILE
    );
}
