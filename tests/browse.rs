//! The pages visitors browse by: every recipient of a year by award type,
//! the award types and the units with their pages, the profile list's
//! letters, and lists of recipients cut at 500 a page, in both languages,
//! asserted on the built HTML of small sites written here.

mod common;

use common::{TestSite, pos};

const SITE_TOML: &str = r#"base_url = "https://example.gov.vn"
default_language = "vi"
paginate_by = 2

[languages.vi]
title = "Gương điển hình"

[languages.en]
title = "Exemplary people"
"#;

/// A site of `site.toml` and `files`, built.
fn site(site_toml: &str, files: &[(&str, &str)]) -> TestSite {
    let site = TestSite {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    site.write("site.toml", site_toml);
    for (path, text) in files {
        site.write(path, text);
    }
    site.built()
}

/// Three profiles whose units are spelt three ways, two award lists and
/// a count: the units, award types and years of a small agency.
fn agency() -> TestSite {
    site(
        SITE_TOML,
        &[
            (
                "content/profiles/dao.md",
                "+++\nname = \"Nguyễn Thị Đào\"\nkind = \"individual\"\nunit = \"Ban Dân tộc tỉnh Cao Bằng\"\nposition = \"Chuyên viên\"\nyear = 2021\n\n[[awards]]\naward = \"chien-si-thi-dua-co-so\"\nyear = 2021\n+++\n\nChị Đào.\n",
            ),
            (
                "content/profiles/dao.en.md",
                "+++\nname = \"Nguyễn Thị Đào\"\nunit = \"Cao Bằng Ethnic Affairs Committee\"\n+++\n\nMs Đào.\n",
            ),
            (
                "content/profiles/duong.md",
                "+++\nname = \"Trần Văn Dương\"\nkind = \"individual\"\nunit = \"ban dân tộc  tỉnh CAO BẰNG\"\nyear = 2021\n\n[[awards]]\naward = \"lao-dong-tien-tien\"\nyear = 2021\n+++\n\nAnh Dương.\n",
            ),
            (
                "content/profiles/an-phu.md",
                "+++\nname = \"Ấp An Phú\"\nkind = \"collective\"\nunit = \"Huyện Bù Đăng\"\nyear = 2021\n+++\n\nẤp văn hóa.\n",
            ),
            (
                "content/awards/ds-2021.toml",
                // Khánh's unit typed decomposed (NFD) is Đào's unit.
                "decision = \"631/QĐ-UBND\"\ndate = 2021-12-20\naward = \"bang-khen-cap-tinh\"\n\n[[recipients]]\nname = \"Trần Văn Dương\"\nkind = \"individual\"\nprofile = \"duong\"\n\n[[recipients]]\nname = \"Vi Văn Khánh\"\nkind = \"individual\"\nposition = \"Trưởng phòng\"\nunit = \"Ban Da\\u0302n to\\u0323\\u0302c ti\\u0309nh Cao Ba\\u0306\\u0300ng\"\n\n[[recipients]]\nname = \"Lò Văn Pá\"\nkind = \"individual\"\nunit = \"Đội Công tác\"\n\n[[recipients]]\nname = \"Đinh Văn Dũng\"\nkind = \"individual\"\nunit = \"Đoàn Thanh niên\"\n\n[[recipients]]\nname = \"Tổ Dân quân\"\nkind = \"collective\"\nunit = \"Dân quân xã\"\n\n[[counts]]\nindividuals = 21\nnote = \"cán bộ\"\n\n[[recipients]]\nname = \"Người Ẩn Danh\"\nkind = \"individual\"\nunit = \"Xã Bí Mật\"\nwithheld = true\n",
            ),
            (
                "content/awards/ltt-2020.toml",
                // Đào's entry names a unit of its own: her award stays in her
                // profile's unit, beside her.
                "year = 2020\naward = \"lao-dong-tien-tien\"\n\n[[recipients]]\nname = \"Hà Thị Mai\"\nunit = \"Ban Dân tộc tỉnh Cao Bằng\"\n\n[[recipients]]\nname = \"Nguyễn Thị Đào\"\nprofile = \"dao\"\nunit = \"Phòng Tổng hợp\"\n",
            ),
        ],
    )
}

/// The part of `page` from `start` to the next `end` after it.
fn between<'a>(page: &'a str, start: &str, end: &str) -> &'a str {
    let from = pos(page, start);
    let len = page[from..].find(end).unwrap_or(page.len() - from);
    &page[from..from + len]
}

/// The honours (`<li>`) in the lists of a page.
fn honours(page: &str) -> usize {
    page.split("<ul class=\"honours\">")
        .skip(1)
        .map(|list| list[..list.find("</ul>").unwrap()].matches("<li>").count())
        .sum()
}

#[test]
fn a_year_names_everyone_it_honoured_by_award_type_most_prestigious_first() {
    let site = agency();
    let page = site.page("nam/2021/index.html");
    // Summary rows link to their groups.
    let summary = between(&page, "<table class=\"summary\">", "</table>");
    assert!(summary.contains(
        "<a href=\"/nam/2021/#award-bang-khen-cap-tinh\">Bằng khen của Chủ tịch UBND tỉnh</a></th><td>26</td><td>1</td>"
    ));
    assert!(summary.contains("<a href=\"/nam/2021/#award-chien-si-thi-dua-co-so\">"));
    // Groups by rank: Bằng khen (50), Chiến sĩ thi đua cơ sở (30), Lao động tiên tiến (10).
    let groups = &page[pos(&page, "id=\"honours-heading\"")..];
    let merit = pos(groups, "id=\"award-bang-khen-cap-tinh\"");
    let fighter = pos(groups, "id=\"award-chien-si-thi-dua-co-so\"");
    let worker = pos(groups, "id=\"award-lao-dong-tien-tien\"");
    assert!(
        merit < fighter && fighter < worker,
        "most prestigious first"
    );
    let merit = &groups[merit..fighter];
    // A profile is linked; a recipient shows its unit (linked) and decision (linked).
    assert!(merit.contains("<li><a href=\"/ho-so/duong/\">Trần Văn Dương</a>"));
    assert!(merit.contains(
        "<li><b>Vi Văn Khánh</b> <small>Trưởng phòng, <a href=\"/don-vi/ban-dan-toc-tinh-cao-bang/\">Ban Dân tộc tỉnh Cao Bằng</a> · <a href=\"/khen-thuong/ds-2021/\">Quyết định số 631/QĐ-UBND</a></small></li>"
    ));
    assert!(merit.contains("<b>Tổ Dân quân</b> (Tập thể)"));
    // The count comes after the names, worded.
    assert!(
        merit
            .contains("<li><i>và 21 cá nhân</i> <span class=\"note\">(<span>cán bộ</span>)</span>")
    );
    assert!(pos(merit, "Tổ Dân quân") < pos(merit, "và 21 cá nhân"));
    // Someone withheld at their request is counted, never named.
    assert!(merit.contains("<li><i>và 1 cá nhân không công bố tên theo đề nghị</i> <small><a href=\"/khen-thuong/ds-2021/\">"));
    // A profile's own award: its unit, no decision.
    let fighter = &groups[pos(groups, "id=\"award-chien-si-thi-dua-co-so\"")..];
    assert!(fighter.contains(
        "<a href=\"/ho-so/dao/\">Nguyễn Thị Đào</a> <small>Chuyên viên, <a href=\"/don-vi/ban-dan-toc-tinh-cao-bang/\">"
    ));
    assert_eq!(honours(&page), 9);

    let en = site.page("en/years/2021/index.html");
    assert!(en.contains("<a href=\"/en/years/2021/#award-bang-khen-cap-tinh\">"));
    assert!(en.contains("<li><i>and 21 individuals</i>"));
    assert!(en.contains("<li><i>and 1 individual not named at their request</i>"));
    for file in site.built_files() {
        let Ok(text) = std::fs::read_to_string(site.out().join(&file)) else {
            continue; // an image
        };
        for secret in ["Ẩn Danh", "Bí Mật", "bi-mat"] {
            assert!(
                !text.contains(secret),
                "{file} names the withheld person: {secret}"
            );
        }
    }
    // A name as the decision wrote it is Vietnamese on an English page;
    // the unit a profile translates is shown translated.
    assert!(en.contains(
        "<li><b lang=\"vi\">Vi Văn Khánh</b> <small><span lang=\"vi\">Trưởng phòng</span>, <a href=\"/en/units/ban-dan-toc-tinh-cao-bang/\">Cao Bằng Ethnic Affairs Committee</a> · <a href=\"/en/awards/ds-2021/\">Decision No. 631/QĐ-UBND</a></small></li>"
    ));
    assert!(en.contains("<a href=\"/en/units/doi-cong-tac/\" lang=\"vi\">Đội Công tác</a>"));
}

#[test]
fn award_types_are_listed_by_rank_with_totals_and_each_lists_its_recipients_newest_year_first() {
    let site = agency();
    let index = site.page("hinh-thuc/index.html");
    let table = between(&index, "<table", "</table>");
    let order: Vec<usize> = [
        "/hinh-thuc/bang-khen-cap-tinh/",
        "/hinh-thuc/chien-si-thi-dua-co-so/",
        "/hinh-thuc/lao-dong-tien-tien/",
    ]
    .iter()
    .map(|href| pos(table, href))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "by rank");
    assert!(table.contains("<td>26</td><td>1</td><td>27</td>"));
    assert!(site.page("en/award-types/index.html").contains(
        "<a href=\"/en/award-types/bang-khen-cap-tinh/\">Certificate of Merit of the Provincial People&#39;s Committee Chairman</a>"
    ));

    let page = site.page("hinh-thuc/lao-dong-tien-tien/index.html");
    assert!(page.contains("<h1>Lao động tiên tiến</h1>"));
    let y2021 = pos(&page, "id=\"year-2021\"");
    let y2020 = pos(&page, "id=\"year-2020\"");
    assert!(y2021 < y2020, "newest year first");
    assert!(page[y2021..y2020].contains("Trần Văn Dương"));
    assert!(page[y2020..].contains("<b>Hà Thị Mai</b>"));
    // A list without a number is named by its award and year.
    assert!(
        page[y2020..].contains("<a href=\"/khen-thuong/ltt-2020/\">Lao động tiên tiến 2020</a>")
    );
    // Year rows link to their groups.
    assert!(page.contains("<a href=\"/hinh-thuc/lao-dong-tien-tien/#year-2020\">2020</a>"));
    let en = site.page("en/award-types/lao-dong-tien-tien/index.html");
    assert!(en.contains("<h1>Advanced Worker</h1>"));
    assert!(en.contains("<a href=\"/en/award-types/lao-dong-tien-tien/#year-2021\">2021</a>"));
    assert!(
        !site.exists("hinh-thuc/giay-khen/index.html"),
        "a type never given has no page"
    );
}

#[test]
fn units_merge_spellings_sort_in_vietnamese_order_and_list_their_profiles_and_honours() {
    let site = agency();
    let index = site.page("don-vi/index.html");
    let list = between(&index, "<ul class=\"unit-list\">", "</ul>");
    // One unit for four spellings (case, spaces, typed decomposed); its
    // label the most frequent spelling; Đ after D, before H (not byte order).
    let order: Vec<usize> = [
        ">Ban Dân tộc tỉnh Cao Bằng</a>",
        ">Dân quân xã</a>",
        ">Đoàn Thanh niên</a>",
        ">Đội Công tác</a>",
        ">Huyện Bù Đăng</a>",
    ]
    .iter()
    .map(|label| pos(list, label))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{list}");
    assert_eq!(list.matches("<li>").count(), 5);
    assert!(!list.contains("CAO BẰNG"));
    assert!(list.contains(
        "<a href=\"/don-vi/ban-dan-toc-tinh-cao-bang/\">Ban Dân tộc tỉnh Cao Bằng</a> <span class=\"meta\">Hồ sơ điển hình: 2 · Lượt khen thưởng: 6</span>"
    ));

    // English: the unit a profile translates under its translation, the
    // others in Vietnamese, marked so; sorted by the label shown.
    let en = site.page("en/units/index.html");
    let en_list = between(&en, "<ul class=\"unit-list\">", "</ul>");
    assert!(en_list.contains(
        "<a href=\"/en/units/ban-dan-toc-tinh-cao-bang/\">Cao Bằng Ethnic Affairs Committee</a>"
    ));
    assert!(en_list.contains("<a href=\"/en/units/huyen-bu-dang/\" lang=\"vi\">Huyện Bù Đăng</a>"));
    assert!(pos(en_list, "Cao Bằng Ethnic") > pos(en_list, "<li>"));
    assert!(pos(en_list, "Cao Bằng Ethnic") < pos(en_list, "Dân quân xã"));

    let unit = site.page("don-vi/ban-dan-toc-tinh-cao-bang/index.html");
    assert!(unit.contains("<h1>Ban Dân tộc tỉnh Cao Bằng</h1>"));
    // Its profiles, whatever the spelling of their unit.
    let profiles = between(&unit, "id=\"profiles-heading\"", "</section>");
    assert!(profiles.contains("Nguyễn Thị Đào") && profiles.contains("Trần Văn Dương"));
    // Its honours by year, then award type; Dương's list entry has no unit
    // and takes his profile's.
    let y2021 = pos(&unit, "id=\"year-2021-bang-khen-cap-tinh\"");
    let fighter = pos(&unit, "id=\"year-2021-chien-si-thi-dua-co-so\"");
    let y2020 = pos(&unit, "id=\"year-2020-lao-dong-tien-tien\"");
    assert!(y2021 < fighter && fighter < y2020);
    let merit = &unit[y2021..fighter];
    assert!(merit.contains("Trần Văn Dương") && merit.contains("Vi Văn Khánh"));
    assert!(!merit.contains("Lò Văn Pá"), "another unit's recipient");
    assert!(unit[y2020..].contains("Hà Thị Mai"));
    assert!(unit[y2020..].contains("<a href=\"/ho-so/dao/\">Nguyễn Thị Đào</a>"));
    assert!(
        !site.exists("don-vi/phong-tong-hop/index.html"),
        "a unit named only beside a profile's award has no page"
    );
    assert_eq!(honours(&unit), 6);
    assert!(unit.contains(
        "<a href=\"/don-vi/ban-dan-toc-tinh-cao-bang/#year-2021-bang-khen-cap-tinh\">2021</a>"
    ));

    let en_unit = site.page("en/units/ban-dan-toc-tinh-cao-bang/index.html");
    assert!(en_unit.contains("<h1>Cao Bằng Ethnic Affairs Committee</h1>"));
    let en_other = site.page("en/units/dan-quan-xa/index.html");
    assert!(en_other.contains("<h1 lang=\"vi\">Dân quân xã</h1>"));
}

#[test]
fn the_profile_list_counts_and_jumps_to_letters_and_to_the_collectives() {
    let site = agency();
    let page = site.page("ho-so/index.html");
    assert!(page.contains("Tổng cộng: 3 · Cá nhân: 2 · Tập thể: 1"));
    // Dương (D) and Đào (Đ) are on page 1, the collective on page 2.
    assert!(page.contains("<li><a href=\"/ho-so/#letter-d\">D</a></li>"));
    assert!(page.contains("<li><a href=\"/ho-so/#letter-dd\">Đ</a></li>"));
    assert!(page.contains("<li><span>Ă</span></li>"));
    assert!(page.contains("<a href=\"/ho-so/trang/2/#collectives\">"));
    assert!(page.contains("<li class=\"profile-card\" id=\"letter-d\">"));
    assert!(page.contains("<li class=\"profile-card\" id=\"letter-dd\">"));
    assert!(pos(&page, "id=\"letter-d\"") < pos(&page, "id=\"letter-dd\""));
    assert!(
        site.page("ho-so/trang/2/index.html")
            .contains("id=\"collectives\"")
    );
    for href in ["/hinh-thuc/", "/don-vi/", "/nam/"] {
        assert!(page.contains(&format!("<a href=\"{href}\">")), "{href}");
    }
    let en = site.page("en/profiles/index.html");
    assert!(en.contains("Total: 3 · Individuals: 2 · Collectives: 1"));
    assert!(en.contains("<a href=\"/en/profiles/page/2/#collectives\">"));
    let home = site.page("index.html");
    assert!(home.contains("<a href=\"/hinh-thuc/bang-khen-cap-tinh/\">"));
    assert!(home.contains("<a href=\"/don-vi/\">"));
}

#[test]
fn new_pages_have_canonical_hreflang_and_sitemap_entries() {
    let site = agency();
    for (file, path) in [
        ("hinh-thuc/index.html", "/hinh-thuc/"),
        (
            "hinh-thuc/lao-dong-tien-tien/index.html",
            "/hinh-thuc/lao-dong-tien-tien/",
        ),
        ("don-vi/index.html", "/don-vi/"),
        ("don-vi/huyen-bu-dang/index.html", "/don-vi/huyen-bu-dang/"),
    ] {
        let page = site.page(file);
        assert!(page.contains(&format!(
            "<link rel=\"canonical\" href=\"https://example.gov.vn{path}\">"
        )));
        assert!(page.contains(&format!(
            "<link rel=\"alternate\" hreflang=\"vi\" href=\"https://example.gov.vn{path}\">"
        )));
    }
    let page = site.page("en/units/huyen-bu-dang/index.html");
    assert!(page.contains(
        "<link rel=\"canonical\" href=\"https://example.gov.vn/en/units/huyen-bu-dang/\">"
    ));
    assert!(page.contains(
        "<link rel=\"alternate\" hreflang=\"vi\" href=\"https://example.gov.vn/don-vi/huyen-bu-dang/\">"
    ));
    let sitemap = site.page("sitemap.xml");
    for url in [
        "/hinh-thuc/",
        "/hinh-thuc/bang-khen-cap-tinh/",
        "/don-vi/",
        "/don-vi/dan-quan-xa/",
        "/en/award-types/bang-khen-cap-tinh/",
        "/en/units/dan-quan-xa/",
    ] {
        assert!(
            sitemap.contains(&format!("<loc>https://example.gov.vn{url}</loc>")),
            "{url} not in the sitemap"
        );
    }
    assert!(
        sitemap.contains("hreflang=\"en\" href=\"https://example.gov.vn/en/units/dan-quan-xa/\"")
    );
    // Shared, a page says what it is.
    let page = site.page("hinh-thuc/lao-dong-tien-tien/index.html");
    assert!(page.contains("<meta property=\"og:title\" content=\"Lao động tiên tiến\">"));
    assert!(
        page.contains(
            "<meta property=\"og:description\" content=\"Lao động tiên tiến: 3 cá nhân\">"
        )
    );
    let page = site.page("en/units/ban-dan-toc-tinh-cao-bang/index.html");
    assert!(
        page.contains("<meta property=\"og:title\" content=\"Cao Bằng Ethnic Affairs Committee\">")
    );
}

/// A site of three profiles of one year and one list of `n` recipients of
/// one unit, from a CSV.
fn crowd(n: usize, paginate_by: usize) -> TestSite {
    let toml = SITE_TOML.replace("paginate_by = 2", &format!("paginate_by = {paginate_by}"));
    let mut csv = String::from("name,kind,unit\n");
    for i in 1..=n {
        csv.push_str(&format!("Người {i:04},individual,Xã A\n"));
    }
    let profile = |name: &str| {
        format!(
            "+++\nname = \"{name}\"\nkind = \"individual\"\nunit = \"Huyện B\"\nyear = 2021\n+++\n\nTiểu sử.\n"
        )
    };
    site(
        &toml,
        &[
            ("content/profiles/a.md", &profile("Lê Văn An")),
            ("content/profiles/b.md", &profile("Lê Văn Bình")),
            ("content/profiles/c.md", &profile("Lê Văn Cường")),
            (
                "content/awards/gk.toml",
                "year = 2021\naward = \"giay-khen\"\nrecipients_csv = \"gk.csv\"\n",
            ),
            ("content/awards/gk.csv", &csv),
        ],
    )
}

#[test]
fn lists_of_recipients_show_500_a_page_and_each_page_its_slice_of_profiles_too() {
    let site = crowd(1001, 1);
    // 1001 recipients: 500, 500, 1; three profiles, one a page.
    let one = site.page("nam/2021/index.html");
    let two = site.page("nam/2021/trang/2/index.html");
    let three = site.page("nam/2021/trang/3/index.html");
    assert!(!site.exists("nam/2021/trang/4/index.html"));
    assert_eq!(honours(&one), 500);
    assert_eq!(honours(&two), 500);
    assert_eq!(honours(&three), 1);
    assert!(one.contains("<b>Người 0001</b>") && !one.contains("<b>Người 0501</b>"));
    assert!(two.contains("<b>Người 0501</b>") && two.contains("<b>Người 1000</b>"));
    assert!(three.contains("<b>Người 1001</b>"));
    // The group goes on, said so; the summary row leads to where it starts.
    assert!(two.contains("(1001 cá nhân, tiếp theo)"));
    assert!(!one.contains("tiếp theo"));
    assert!(three.contains("<a href=\"/nam/2021/#award-giay-khen\">"));
    // The n-th profile on page n (individuals by given name: An, Bình, Cường).
    assert!(one.contains("Lê Văn An") && !one.contains("Lê Văn Bình"));
    assert!(two.contains("Lê Văn Bình") && !two.contains("Lê Văn An"));
    assert!(three.contains("Lê Văn Cường"));
    assert!(three.contains("<a href=\"/nam/2021/trang/2/\" rel=\"prev\">"));
    // Award type and unit pages continue at <page path><page word>/<n>/.
    assert_eq!(
        honours(&site.page("hinh-thuc/giay-khen/trang/3/index.html")),
        1
    );
    assert!(!site.exists("hinh-thuc/giay-khen/trang/4/index.html"));
    assert_eq!(honours(&site.page("don-vi/xa-a/trang/2/index.html")), 500);
    assert_eq!(honours(&site.page("en/units/xa-a/page/3/index.html")), 1);
    assert!(
        site.page("en/years/2021/page/2/index.html")
            .contains("<b lang=\"vi\">Người 0501</b>")
    );
    let sitemap = site.page("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.gov.vn/don-vi/xa-a/trang/3/</loc>"));
    assert!(sitemap.contains("<loc>https://example.gov.vn/en/award-types/giay-khen/page/2/</loc>"));
}

#[test]
fn five_hundred_a_page_whatever_paginate_by_says() {
    // One page for every profile, and still 500 recipients a page.
    let site = crowd(501, 0);
    assert_eq!(honours(&site.page("nam/2021/index.html")), 500);
    let two = site.page("nam/2021/trang/2/index.html");
    assert_eq!(honours(&two), 1);
    assert!(!two.contains("Lê Văn An"), "every profile is on page 1");
    assert!(!site.exists("nam/2021/trang/3/index.html"));
    // Exactly 500: one page.
    let site = crowd(500, 0);
    assert!(!site.exists("nam/2021/trang/2/index.html"));
    assert!(!site.exists("don-vi/xa-a/trang/2/index.html"));
}

#[test]
fn the_path_words_of_award_types_and_units_are_set_per_language() {
    let toml =
        format!("{SITE_TOML}paths = {{ award_types = \"honours\", units = \"agencies\" }}\n");
    let site = site(
        &toml,
        &[(
            "content/profiles/an-phu.md",
            "+++\nname = \"Ấp An Phú\"\nkind = \"collective\"\nunit = \"Huyện Bù Đăng\"\nyear = 2021\n\n[[awards]]\naward = \"giay-khen\"\nyear = 2021\n+++\n\nẤp.\n",
        )],
    );
    for file in [
        "en/honours/index.html",
        "en/honours/giay-khen/index.html",
        "en/agencies/index.html",
        "en/agencies/huyen-bu-dang/index.html",
        "hinh-thuc/giay-khen/index.html",
        "don-vi/huyen-bu-dang/index.html",
    ] {
        assert!(site.exists(file), "{file}; built: {:?}", site.built_files());
    }
    assert!(
        site.page("en/index.html")
            .contains("<a href=\"/en/agencies/\">")
    );
}

/// The index of award lists holds 100 a page, newest first, and goes on at
/// `trang/n/` (`page/n/` in English), each page linking the others and
/// listed in the sitemap: a province's decade of decisions stays a page a
/// phone opens.
#[test]
fn the_index_of_award_lists_holds_100_a_page() {
    let site = TestSite::fixture("basic");
    // 120 lists more, dated one day apart: list 120 is the newest.
    for i in 1..=120 {
        let day = chrono_like_date(i);
        site.write(
            &format!("content/awards/qd-{i:03}.toml"),
            &format!(
                "decision = \"{i}/QĐ-UBND\"\ndate = {day}\naward = \"giay-khen\"\n\n[[recipients]]\nname = \"Người số {i}\"\nkind = \"individual\"\n"
            ),
        );
    }
    site.build().expect("the site builds");
    let first = site.page("khen-thuong/index.html");
    let second = site.page("khen-thuong/trang/2/index.html");
    let rows = |page: &str| between(page, "<tbody>", "</tbody>").matches("<tr>").count();
    // The fixture's own lists and the 120.
    let total = std::fs::read_dir(site.root().join("content/awards"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "toml")
        })
        .count();
    assert_eq!(rows(&first), 100);
    assert_eq!(rows(&first) + rows(&second), total);
    assert!(!site.exists("khen-thuong/trang/3/index.html"));
    // Newest first, across the break.
    assert!(first.find("120/QĐ-UBND").unwrap() < first.find("119/QĐ-UBND").unwrap());
    assert!(second.contains("1/QĐ-UBND"));
    assert!(
        first.contains("href=\"/khen-thuong/trang/2/\" rel=\"next\""),
        "{first}"
    );
    assert!(second.contains("href=\"/khen-thuong/\" rel=\"prev\""));
    assert!(
        second.contains("<title>Quyết định khen thưởng – Trang 2 |"),
        "{second}"
    );
    let english = site.page("en/awards/page/2/index.html");
    assert_eq!(rows(&english), rows(&second));
    let sitemap = site.page("sitemap.xml");
    assert!(sitemap.contains("/khen-thuong/trang/2/</loc>"));
    assert!(sitemap.contains("/en/awards/page/2/</loc>"));
}

/// A date `i` days after 1 January 2015, written as TOML writes dates.
fn chrono_like_date(i: u32) -> String {
    let mut day = i;
    let mut month = 1;
    let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    while day > lengths[month - 1] {
        day -= lengths[month - 1];
        month += 1;
    }
    format!("2015-{month:02}-{day:02}")
}
