//! No cascades: a mistake in one file is reported against that file only.
//! A correct file that links to it (`@/…`), lists it (`profile = …` in an
//! award list or its spreadsheet), names it as its campaign, or translates
//! it, gets no error of its own: the editor fixes the one file.

mod common;

use common::TestSite;
use vinhdanh::diagnostic::display_path;

/// Builds, and asserts that it fails with problems in `broken` only.
fn only_in(site: &TestSite, broken: &str) {
    let problems = site.build().expect_err("a broken file fails the build");
    let elsewhere: Vec<String> = problems
        .iter()
        .filter(|d| display_path(&d.path) != broken)
        .map(ToString::to_string)
        .collect();
    assert!(
        elsewhere.is_empty(),
        "problems beyond {broken}:\n{}",
        elsewhere.join("\n")
    );
    assert!(!problems.is_empty());
}

fn edit(site: &TestSite, rel: &str, from: &str, to: &str) {
    let path = site.root().join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from:?} not in {rel}");
    site.write(rel, &text.replacen(from, to, 1));
}

const DAO: &str = "content/profiles/nguyen-thi-dao.md";
const KHEO: &str = "content/campaigns/dan-van-kheo.md";
const LIST: &str = "content/awards/qd-631-2021.toml";

/// Nguyễn Thị Đào is linked from the campaign and its translation, has a
/// translation of her own, is a recipient of an award list by `profile`,
/// and (added here) of a spreadsheet row and of another page's link.
#[test]
fn a_broken_profile_is_reported_in_its_own_file_only() {
    let site = TestSite::fixture("basic");
    site.build().expect("the fixture builds");
    edit(
        &site,
        "content/awards/ubdt-2022.csv",
        "Cá nhân;\r\n",
        "Cá nhân;nguyen-thi-dao\r\n",
    );
    site.write(
        "content/profiles/le-van-an.md",
        "+++\nname = \"Lê Văn An\"\nkind = \"individual\"\nunit = \"Văn phòng Ban\"\nyear = 2021\n+++\n\nCùng [chị Đào](@/profiles/nguyen-thi-dao.md).\n",
    );
    // The mistake the issue names: a year in quotes.
    edit(
        &site,
        DAO,
        "year = 2020\ncampaigns",
        "year = \"2020\"\ncampaigns",
    );
    only_in(&site, DAO);
    // Broken otherwise: not TOML at all, an empty file, no front matter.
    for broken in ["+++\nname = \"Nguyễn\n+++\n", "", "name = 1\n"] {
        site.write(DAO, broken);
        only_in(&site, DAO);
    }
}

/// Dân vận khéo is named by a profile's `campaigns`, an inline award's
/// `campaign`, an award list's `campaign`, linked from a translation, and
/// translated itself.
#[test]
fn a_broken_campaign_is_reported_in_its_own_file_only() {
    let site = TestSite::fixture("basic");
    edit(
        &site,
        "content/profiles/le-van-an.md",
        "year = 2021\n",
        "year = 2021\n\n[[awards]]\naward = \"giay-khen\"\nyear = 2019\ncampaign = \"dan-van-kheo\"\n",
    );
    site.build().expect("the fixture builds");
    edit(
        &site,
        KHEO,
        "start_year = 2016",
        "start_year = 2016\nlevle = \"national\"",
    );
    only_in(&site, KHEO);
    edit(&site, KHEO, "levle = \"national\"", "level = \"country\"");
    only_in(&site, KHEO);
}

/// An award list linked from a page, whose recipients name profiles that
/// also hold the award inline (the two are merged when it reads).
#[test]
fn a_broken_award_list_is_reported_in_its_own_file_only() {
    let site = TestSite::fixture("basic");
    edit(
        &site,
        "content/profiles/le-van-an.md",
        "Anh An.",
        "Anh An, xem [quyết định](@/awards/qd-631-2021.toml).",
    );
    site.build().expect("the fixture builds");
    edit(&site, LIST, "award = \"bang-khen-cap-tinh\"", "award = 3");
    only_in(&site, LIST);
    // Its spreadsheet broken: the problem is the spreadsheet's, the list's
    // readers are not told.
    let csv = "content/awards/ubdt-2022.csv";
    edit(&site, LIST, "award = 3", "award = \"bang-khen-cap-tinh\"");
    site.build().expect("fixed");
    edit(
        &site,
        "content/profiles/le-van-an.md",
        "(@/awards/qd-631-2021.toml)",
        "(@/awards/ubdt-2022.toml)",
    );
    edit(&site, csv, "Tập thể;", "Tổ;");
    only_in(&site, csv);
}

/// A file named by a person's name, not a slug: references name it by the
/// slug of its name, and are not told when it is broken either.
#[test]
fn a_broken_profile_whose_file_name_is_not_a_slug() {
    let site = TestSite::fixture("basic");
    let duong = "content/profiles/tran-van-duong.md";
    let text = std::fs::read_to_string(site.root().join(duong)).unwrap();
    site.remove(duong);
    let renamed = "content/profiles/Trần-Văn-Dương.md";
    site.write(renamed, &text);
    site.build().expect("a file named by its name builds");
    edit(
        &site,
        renamed,
        "year = 2021\ncampaigns",
        "year = \"2021\"\ncampaigns",
    );
    only_in(&site, renamed);
}
