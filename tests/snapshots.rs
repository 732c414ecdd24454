//! What an editor sees, kept as reviewed snapshots (`tests/snapshots/`):
//! the whole terminal output of `vinhdanh check` for one small mistake of
//! each kind, in Vietnamese and in English, so that a change to wording,
//! markers (the `^^^` under the whole token, spaces and diacritics
//! included) or layout shows in review. One snapshot keeps the colours, as
//! a terminal gets them.
//!
//! After a deliberate change: `INSTA_UPDATE=always cargo test --test
//! snapshots`, then read the diff of `tests/snapshots/` before committing
//! (or `cargo insta review`, with cargo-insta installed).

mod common;

use common::TestSite;
use common::workbooks::{text_rows, workbook};
use vinhdanh::diagnostic::report::{self, ReportStyle};
use vinhdanh::{BuildOptions, Lang};

const PROFILE: &str = "content/profiles/hoang-van-lam.md";
const LIST: &str = "content/awards/qd-7.toml";
const CSV: &str = "content/awards/ubdt-2022.csv";

/// A good profile with `from` replaced by `to`.
fn profile(from: &str, to: &str) -> String {
    let good = "+++\nname = \"Hoàng Văn Lâm\"\nkind = \"cá nhân\"\nunit = \"UBND xã Đức Long\"\nyear = 2021\n+++\n\nAnh Lâm.\n";
    assert!(good.contains(from), "{from}");
    good.replacen(from, to, 1)
}

/// A good award list with `more` after its fields.
fn list(more: &str) -> String {
    format!(
        "decision = \"7/QĐ-UBND\"\ndate = 2022-03-01\naward = \"giay-khen\"\n{more}\n[[recipients]]\nname = \"Hà Văn Tú\"\nkind = \"cá nhân\"\n"
    )
}

/// The basic site with `change` made, checked in `lang`: everything the
/// command printed, the site's folder written `[SITE]`.
fn check(change: &dyn Fn(&TestSite), lang: &str) -> String {
    let site = TestSite::fixture("basic");
    change(&site);
    let (code, stdout, stderr) = site.run_with_env(&["check"], &[("VINHDANH_LANG", lang)]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    let root = site.root().canonicalize().unwrap_or(site.root());
    format!("{stdout}{stderr}")
        .replace(&root.display().to_string(), "[SITE]")
        .replace(&site.root().display().to_string(), "[SITE]")
}

/// One test per kind of mistake, with a snapshot per language.
macro_rules! mistake {
    ($name:ident, $change:expr) => {
        #[test]
        fn $name() {
            for lang in ["vi", "en"] {
                let said = check(&$change, lang);
                insta::assert_snapshot!(format!("{}.{lang}", stringify!($name)), said);
            }
        }
    };
}

// The TOML of front matter and award lists.

mistake!(wrong_type, |s: &TestSite| s
    .write(PROFILE, &profile("year = 2021", "year = \"2021\"")));
mistake!(unknown_field, |s: &TestSite| s.write(
    PROFILE,
    &profile("year = 2021", "year = 2021\nnmae = \"Lâm\"")
));
mistake!(missing_field, |s: &TestSite| s
    .write(PROFILE, &profile("unit = \"UBND xã Đức Long\"\n", "")));
mistake!(value_not_allowed, |s: &TestSite| s.write(
    PROFILE,
    &profile("kind = \"cá nhân\"", "kind = \"cá  nhân viên\"")
));
mistake!(syntax, |s: &TestSite| s.write(
    PROFILE,
    &profile("unit = \"UBND xã Đức Long\"", "unit = \"UBND xã Đức Long")
));
mistake!(duplicate_key, |s: &TestSite| s.write(
    PROFILE,
    &profile("year = 2021", "year = 2021\nyear = 2022")
));
mistake!(missing_from_a_table, |s: &TestSite| s
    .write(LIST, &list("\n[[recipients]]\nkind = \"tập thể\"\n")));
mistake!(three_in_one_file, |s: &TestSite| {
    s.write(
    PROFILE,
    &profile(
        "year = 2021",
        "year = \"2021\"\nnmae = \"Lâm\"\nphoto = 3\n\n[[awards]]\naward = \"giay-khen\"\nyaer = 2021"
    )
)
});

// Files.

mistake!(empty_file, |s: &TestSite| s.write(PROFILE, ""));
mistake!(no_front_matter, |s: &TestSite| s
    .write(PROFILE, "---\nname: Hoàng Văn Lâm\n---\n"));
mistake!(front_matter_not_closed, |s: &TestSite| s
    .write(PROFILE, "+++\nname = \"Hoàng Văn Lâm\"\n"));
mistake!(not_utf8, |s: &TestSite| s
    .write_bytes(PROFILE, b"+++\nname = \"Ho\xE0ng\"\n+++\n"));
mistake!(blanks_left, |s: &TestSite| s.write(
    PROFILE,
    &profile(
        "kind = \"cá nhân\"",
        "kind = \"___\"                  # \"cá nhân\" hoặc \"tập thể\""
    )
));
mistake!(photo_missing, |s: &TestSite| s.write(
    PROFILE,
    &profile("year = 2021", "year = 2021\nphoto = \"ảnh chân dung.jpg\"")
));

// References across files.

mistake!(unknown_campaign, |s: &TestSite| s.write(
    PROFILE,
    &profile(
        "year = 2021",
        "year = 2021\ncampaigns = [\"dan-van-kheo\", \"dan-van-khoe\"]"
    )
));
mistake!(unknown_profile, |s: &TestSite| s.write(
    LIST,
    &list("").replace(
        "kind = \"cá nhân\"\n",
        "kind = \"cá nhân\"\nprofile = \"hoang-van-lm\"\n"
    )
));
mistake!(broken_link, |s: &TestSite| {
    s.write(
    PROFILE,
    &profile("Anh Lâm.", "Anh Lâm, cùng [chị Đào](@/profiles/nguyen-thi-dao.md) và [anh Bình](@/profiles/le-van-binh.md).")
)
});
mistake!(translation_without_original, |s: &TestSite| s.write(
    "content/profiles/khong-co.en.md",
    "+++\nname = \"Nobody\"\n+++\n"
));
mistake!(two_pages_one_address, |s: &TestSite| s.write(
    PROFILE,
    &profile("year = 2021", "year = 2021\nslug = \"le-van-an\"")
));

// Award lists and awards.

mistake!(unknown_award, |s: &TestSite| s.write(
    LIST,
    &list("").replace("\"giay-khen\"", "\"Bằng khen của Chủ tịch\"")
));
mistake!(counts_of_nobody, |s: &TestSite| s.write(
    LIST,
    &list("\n[[counts]]\nnote = \"khối doanh nghiệp\"\n")
));
mistake!(period_reversed, |s: &TestSite| s
    .write(LIST, &list("period = [2021, 2016]")));
mistake!(year_out_of_range, |s: &TestSite| s
    .write(PROFILE, &profile("year = 2021", "year = 1921")));
mistake!(campaign_ends_before_it_starts, |s: &TestSite| s.write(
    "content/campaigns/thi-dua.md",
    "+++\nname = \"Thi đua\"\nstart_year = 2030\nend_year = 2029\n+++\n"
));

// Recipients spreadsheets.

mistake!(csv_bad_kind, |s: &TestSite| s.write(
    CSV,
    "Họ và tên;Ghi chú;Loại\nAn;;Cá nhân\nBình;lãnh đạo;Người lao động\n"
));
mistake!(csv_unknown_column, |s: &TestSite| s
    .write(CSV, "Họ và tên;Loại;Ghi chú riêng\nAn;Cá nhân;\n"));
mistake!(csv_ragged_row, |s: &TestSite| s
    .write(CSV, "Họ và tên;Loại\nAn;Cá nhân;thừa\n"));
mistake!(csv_not_utf8, |s: &TestSite| s
    .write_bytes(CSV, b"name;kind\nNguy\xEA\xDEn;individual\n"));
mistake!(workbook_cell, |s: &TestSite| {
    let path = "content/awards/ubdt-2022.toml";
    let text = std::fs::read_to_string(s.root().join(path)).unwrap();
    s.write(
        path,
        &text.replace(
            "recipients_csv = \"ubdt-2022.csv\"",
            "recipients_xlsx = \"ubdt-2022.xlsx\"",
        ),
    );
    let book = workbook(&[(
        "Danh sách",
        text_rows(&[
            &["Họ và tên", "Loại"],
            &["An", "Cá nhân"],
            &["Bình", "Người"],
        ]),
    )]);
    s.write_bytes("content/awards/ubdt-2022.xlsx", &book);
});

// site.toml.

mistake!(site_base_url, |s: &TestSite| {
    let text = std::fs::read_to_string(s.root().join("site.toml")).unwrap();
    s.write(
        "site.toml",
        &text.replace("https://example.gov.vn", "example.gov.vn/vinh danh"),
    );
});
mistake!(site_unknown_default_language, |s: &TestSite| {
    let text = std::fs::read_to_string(s.root().join("site.toml")).unwrap();
    s.write(
        "site.toml",
        &text.replace("default_language = \"vi\"", "default_language = \"vn\""),
    );
});
mistake!(site_field_in_a_table, |s: &TestSite| {
    let text = std::fs::read_to_string(s.root().join("site.toml")).unwrap();
    s.write(
        "site.toml",
        &text.replace(
            "title = \"Exemplary people\"",
            "titel = \"Exemplary people\"",
        ),
    );
});
mistake!(not_a_site, |s: &TestSite| s.remove("site.toml"));

/// Colours as a terminal gets them (escape codes written `\e`), for one
/// mistake in each language.
#[test]
fn colours() {
    let site = TestSite::fixture("basic");
    site.write(
        PROFILE,
        &profile("year = 2021", "year = \"2021\"\nnmae = \"Lâm\""),
    );
    let options = BuildOptions {
        root: site.root(),
        cache_dir: Some(site.cache()),
        ..BuildOptions::default()
    };
    let problems = vinhdanh::check_site(&options).expect_err("mistakes");
    for lang in [Lang::Vi, Lang::En] {
        let problems = problems.clone().localised(lang);
        let drawn = report::render(&problems, &site.root(), ReportStyle { lang, color: true });
        let name = format!("colours.{}", if lang == Lang::Vi { "vi" } else { "en" });
        insta::assert_snapshot!(name, drawn.replace('\x1b', "\\e"));
    }
}
