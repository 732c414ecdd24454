//! `vinhdanh build` on the `basic` fixture: every page kind, in every
//! language, with the domain rules (ranking, de-duplication, counting,
//! collation, translation fallback) visible in the HTML.

mod common;

use common::{TestSite, pos, snapshot};

fn basic() -> TestSite {
    TestSite::fixture("basic").built()
}

#[test]
fn every_page_exists_at_its_spec_url_in_every_language() {
    let site = basic();
    for page in [
        "index.html",
        "ho-so/index.html",
        "ho-so/trang/2/index.html",
        "ho-so/trang/3/index.html",
        "ho-so/nguyen-thi-dao/index.html",
        "nam/index.html",
        "nam/2021/index.html",
        "phong-trao/index.html",
        "phong-trao/dan-van-kheo/index.html",
        "khen-thuong/index.html",
        "khen-thuong/qd-631-2021/index.html",
        "en/index.html",
        "en/profiles/index.html",
        "en/profiles/page/2/index.html",
        "en/profiles/nguyen-thi-dao/index.html",
        "en/years/index.html",
        "en/years/2021/index.html",
        "en/campaigns/index.html",
        "en/campaigns/dan-van-kheo/index.html",
        "en/awards/index.html",
        "en/awards/qd-631-2021/index.html",
        "404.html",
        "sitemap.xml",
        "atom.xml",
        "en/atom.xml",
        "robots.txt",
        "style.css",
    ] {
        assert!(
            site.exists(page),
            "{page} missing; built: {:?}",
            site.built_files()
        );
    }
    assert!(!site.exists("ho-so/trang/4/index.html"));
    assert!(
        !site.exists("ho-so/trang/1/index.html"),
        "page 1 is the list itself"
    );
}

#[test]
fn every_html_page_has_lang_canonical_and_an_alternate_per_language() {
    let site = basic();
    for file in site.built_files().iter().filter(|f| f.ends_with(".html")) {
        let html = site.page(file);
        let lang = if file.starts_with("en/") { "en" } else { "vi" };
        assert!(
            html.contains(&format!("<html lang=\"{lang}\">")),
            "{file}: html lang"
        );
        assert!(
            html.contains("<link rel=\"canonical\" href=\"https://example.gov.vn/"),
            "{file}: canonical"
        );
        for alt in ["vi", "en"] {
            assert!(
                html.contains(&format!("<link rel=\"alternate\" hreflang=\"{alt}\"")),
                "{file}: hreflang {alt}"
            );
        }
    }
    let page = site.page("en/profiles/nguyen-thi-dao/index.html");
    assert!(page.contains(
        r#"<link rel="canonical" href="https://example.gov.vn/en/profiles/nguyen-thi-dao/">"#
    ));
    assert!(page.contains(r#"<link rel="alternate" hreflang="vi" href="https://example.gov.vn/ho-so/nguyen-thi-dao/">"#));
}

#[test]
fn profile_awards_are_ranked_and_an_award_in_a_list_counts_once() {
    let site = basic();
    let page = site.page("ho-so/nguyen-thi-dao/index.html");
    let awards = &page[pos(&page, "class=\"held-awards\"")..];
    // Certificate of Merit (rank 50) before Grassroots Emulation Fighter (rank 30).
    assert!(
        pos(awards, "Bằng khen của Chủ tịch UBND tỉnh") < pos(awards, "Chiến sĩ thi đua cơ sở")
    );
    assert_eq!(
        awards.matches("Bằng khen của Chủ tịch UBND tỉnh").count(),
        1,
        "inline + list = one award"
    );
    assert!(
        awards.contains("631/QĐ-UBND"),
        "the list's decision replaces the inline one"
    );
    assert!(awards.contains("20 tháng 12 năm 2021"));
    let en = site.page("en/profiles/nguyen-thi-dao/index.html");
    assert!(en.contains("Certificate of Merit of the Provincial People&#39;s Committee Chairman"));
    assert!(en.contains("20 December 2021"));
}

#[test]
fn repeated_awards_of_one_type_are_one_entry_with_each_year_and_decision() {
    // A unit with five provincial certificates showed five tall blocks: one
    // entry per type now, its years on one line, each decision kept, and two
    // decisions of one type and year stay two.
    let site = TestSite::fixture("basic");
    site.write(
        "content/profiles/ban-dan-toc-cao-bang.md",
        "+++\nname = \"Ban Dân tộc tỉnh Cao Bằng\"\nkind = \"collective\"\n\
         unit = \"UBND tỉnh Cao Bằng\"\nyear = 2021\n\n\
         [[awards]]\naward = \"bang-khen-cap-tinh\"\nyear = 2021\n\n\
         [[awards]]\naward = \"tap-the-lao-dong-xuat-sac\"\nyear = 2021\n\n\
         [[awards]]\naward = \"bang-khen-cap-tinh\"\nyear = 2016\ndecision = \"16a/QĐ\"\n\n\
         [[awards]]\naward = \"bang-khen-cap-tinh\"\nyear = 2016\ndecision = \"16b/QĐ\"\n+++\n\nTập thể.\n",
    );
    site.build().expect("builds");
    let page = site.page("ho-so/ban-dan-toc-cao-bang/index.html");
    let awards = &page[pos(&page, "class=\"held-awards\"")..];
    let awards = &awards[..pos(awards, "</ol>")];
    assert_eq!(
        awards.matches("Bằng khen của Chủ tịch UBND tỉnh").count(),
        1
    );
    assert_eq!(
        awards.matches("class=\"level-").count(),
        2,
        "two types, two entries"
    );
    assert!(
        awards.contains("<summary>2016, 2016, 2021</summary>"),
        "{awards}"
    );
    // The 2021 one is also in the fixture's list 631/QĐ-UBND, whose decision wins.
    for decision in ["16a/QĐ", "16b/QĐ", "631/QĐ-UBND"] {
        assert!(awards.contains(decision), "{decision} kept: {awards}");
    }
    // The most prestigious type first, as before grouping.
    assert!(pos(awards, "Bằng khen") < pos(awards, "Tập thể lao động xuất sắc"));
}

#[test]
fn year_summary_counts_individuals_and_collectives_once_each() {
    let site = basic();
    let page = site.page("nam/2021/index.html");
    let table = &page[pos(&page, "<table class=\"summary\">")..];
    let rows = [
        (
            "bang-khen-ban-dan-toc",
            "Bằng khen của Ủy ban Dân tộc",
            2,
            1,
        ),
        (
            "bang-khen-cap-tinh",
            "Bằng khen của Chủ tịch UBND tỉnh",
            2,
            1,
        ),
        (
            "tap-the-lao-dong-xuat-sac",
            "Tập thể lao động xuất sắc",
            0,
            1,
        ),
        ("lao-dong-tien-tien", "Lao động tiên tiến", 1, 0),
    ];
    let mut last = 0;
    for (key, name, individuals, collectives) in rows {
        // Each row links to its group of recipients below.
        let row = format!(
            "<th scope=\"row\"><a href=\"/nam/2021/#award-{key}\">{name}</a></th><td>{individuals}</td><td>{collectives}</td>"
        );
        let at = pos(table, &row);
        assert!(at > last, "{name} out of rank order");
        last = at;
    }
    assert!(
        !table[..pos(table, "</tbody>")].contains("Chiến sĩ thi đua cơ sở"),
        "a 2020 award is not in 2021"
    );
    let y2020 = site.page("nam/2020/index.html");
    assert!(y2020.contains(
        "<th scope=\"row\"><a href=\"/nam/2020/#award-chien-si-thi-dua-co-so\">Chiến sĩ thi đua cơ sở</a></th><td>1</td><td>0</td>"
    ));
}

#[test]
fn years_index_is_newest_first_and_has_every_year_with_content() {
    let site = basic();
    let page = site.page("nam/index.html");
    let order: Vec<usize> = ["2022", "2021", "2020", "2019"]
        .iter()
        .map(|y| pos(&page, &format!("/nam/{y}/")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "newest first");
}

#[test]
fn people_sort_by_vietnamese_given_name_then_collectives_by_name() {
    let site = basic();
    let mut all = String::new();
    for page in [
        "ho-so/index.html",
        "ho-so/trang/2/index.html",
        "ho-so/trang/3/index.html",
    ] {
        all.push_str(&site.page(page));
    }
    let names = [
        "Lê Văn An",
        "Phạm Thị Ánh",
        "Trần Văn Dương",
        "Nguyễn Thị Đào",
        "H&#39;Hen Niê",
        "Ấp An Phú",
        "Ban Dân tộc tỉnh Cao Bằng",
    ];
    let positions: Vec<usize> = names
        .iter()
        .map(|n| pos(&all, &format!(">{n}</a>")))
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "order: {names:?} at {positions:?}"
    );
    // Three per page: page 2 starts with Đào.
    let page2 = site.page("ho-so/trang/2/index.html");
    assert!(page2.contains("Nguyễn Thị Đào") && !page2.contains("Lê Văn An"));
    assert!(page2.contains("rel=\"prev\"") && page2.contains("href=\"/ho-so/trang/3/\""));
}

#[test]
fn raw_html_is_escaped_and_unsafe_links_are_dropped() {
    let site = basic();
    let page = site.page("ho-so/tran-van-duong/index.html");
    assert!(!page.contains("<script>alert"), "inline script escaped");
    assert!(page.contains("&lt;script&gt;"));
    assert!(!page.contains("<div class=\"raw\">"), "block HTML escaped");
    assert!(!page.to_lowercase().contains("javascript:"));
    assert!(!page.contains("data:text/html"));
}

#[test]
fn markdown_tables_footnotes_and_strikethrough_render() {
    let site = basic();
    let page = site.page("ho-so/nguyen-thi-dao/index.html");
    assert!(page.contains("<table>") && page.contains("<td>Hoàn thành xuất sắc</td>"));
    assert!(page.contains("<del>cũ</del>"));
    assert!(
        page.contains("Quyết định số 631/QĐ-UBND."),
        "footnote definition"
    );
    assert!(
        page.contains("<a href=\"#fn-1\" id=\"fnref-1\""),
        "footnote reference"
    );
    assert!(page.contains("<li id=\"fn-1\">"), "footnote section");
}

#[test]
fn internal_links_point_to_the_page_in_the_current_language() {
    let site = basic();
    assert!(
        site.page("ho-so/nguyen-thi-dao/index.html")
            .contains("href=\"/phong-trao/dan-van-kheo/\"")
    );
    assert!(
        site.page("en/profiles/nguyen-thi-dao/index.html")
            .contains("href=\"/en/campaigns/dan-van-kheo/\"")
    );
    assert!(
        site.page("phong-trao/dan-van-kheo/index.html")
            .contains("href=\"/ho-so/nguyen-thi-dao/\"")
    );
    assert!(
        site.page("en/campaigns/dan-van-kheo/index.html")
            .contains("href=\"/en/profiles/nguyen-thi-dao/\"")
    );
}

#[test]
fn an_untranslated_page_keeps_its_text_marked_with_its_language_and_a_notice() {
    let site = basic();
    let page = site.page("en/profiles/tran-van-duong/index.html");
    assert!(page.contains("<html lang=\"en\">"));
    assert!(page.contains("not been translated"), "visible notice");
    assert!(page.contains("<h1 lang=\"vi\">Trần Văn Dương</h1>"));
    assert!(
        page.contains("<div class=\"prose\" lang=\"vi\">"),
        "body marked as Vietnamese"
    );
    assert!(page.contains("Advanced Worker"), "structure in English");
    assert!(page.contains("<dt>Unit</dt>"));
    let translated = site.page("en/profiles/nguyen-thi-dao/index.html");
    assert!(!translated.contains("not been translated"));
    assert!(
        translated.contains("Specialist")
            && translated.contains("Cao Bằng Ethnic Affairs Committee")
    );
}

#[test]
fn award_list_page_shows_decision_and_recipients_linked_to_profiles() {
    let site = basic();
    let page = site.page("khen-thuong/qd-631-2021/index.html");
    assert!(
        page.contains("631/QĐ-UBND")
            && page.contains("Chủ tịch UBND tỉnh Cao Bằng")
            && page.contains("Đã có thành tích xuất sắc")
    );
    assert!(page.contains("<a href=\"/ho-so/nguyen-thi-dao/\">Nguyễn Thị Đào</a>"));
    assert!(page.contains("Vi Văn Khánh") && page.contains("Phòng Chính sách"));
    let index = site.page("khen-thuong/index.html");
    assert!(
        pos(&index, "45/QĐ-UBDT") < pos(&index, "631/QĐ-UBND"),
        "newest decision first"
    );
}

#[test]
fn recipients_from_a_semicolon_csv_with_vietnamese_headers() {
    let site = basic();
    let page = site.page("khen-thuong/ubdt-2022/index.html");
    assert!(page.contains("Hà Thị Mai"));
    assert!(
        page.contains("Phòng Tổng hợp; Văn phòng"),
        "quoted field with the separator"
    );
    assert!(page.contains("<a href=\"/ho-so/tran-van-duong/\">Trần Văn Dương</a>"));
    assert!(
        site.page("ho-so/tran-van-duong/index.html")
            .contains("Bằng khen của Ủy ban Dân tộc")
    );
}

#[test]
fn drafts_are_left_out_unless_asked_for_and_then_marked() {
    let site = basic();
    assert!(!site.exists("ho-so/ban-nhap/index.html"));
    let mut options = site.options();
    options.drafts = true;
    site.build_with(options).unwrap();
    let page = site.page("ho-so/ban-nhap/index.html");
    assert!(page.contains("class=\"draft-mark\""));
}

#[test]
fn a_base_url_with_a_path_prefixes_every_internal_link() {
    let site = TestSite::fixture("basic");
    let mut options = site.options();
    options.base_url = Some("https://snv.example.gov.vn/vinh-danh/".to_owned());
    site.build_with(options).unwrap();
    for file in site.built_files().iter().filter(|f| f.ends_with(".html")) {
        let html = site.page(file);
        for (i, _) in html.match_indices("href=\"/") {
            let link = &html[i + 6..];
            assert!(
                link.starts_with("/vinh-danh/"),
                "{file}: {}",
                &link[..link.len().min(60)]
            );
        }
        for (i, _) in html.match_indices("src=\"/") {
            assert!(html[i + 5..].starts_with("/vinh-danh/"), "{file}: src");
        }
    }
    let page = site.page("en/profiles/nguyen-thi-dao/index.html");
    assert!(
        page.contains("href=\"https://snv.example.gov.vn/vinh-danh/en/profiles/nguyen-thi-dao/\"")
    );
    assert!(
        page.contains("href=\"/vinh-danh/en/campaigns/dan-van-kheo/\""),
        "@/ links carry the path too"
    );
    assert!(
        site.page("sitemap.xml")
            .contains("<loc>https://snv.example.gov.vn/vinh-danh/ho-so/nguyen-thi-dao/</loc>")
    );
}

fn parse_xml(text: &str) -> usize {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut elements = 0;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => return elements,
            Ok(quick_xml::events::Event::Start(_) | quick_xml::events::Event::Empty(_)) => {
                elements += 1
            }
            Ok(_) => {}
            Err(e) => panic!("invalid XML at {}: {e}", reader.buffer_position()),
        }
    }
}

#[test]
fn sitemap_and_feeds_are_xml_with_hreflang_alternates() {
    let site = basic();
    let sitemap = site.page("sitemap.xml");
    parse_xml(&sitemap);
    let pages = site
        .built_files()
        .iter()
        .filter(|f| f.ends_with("index.html"))
        .count();
    assert_eq!(
        sitemap.matches("<url>").count(),
        pages,
        "every page, no 404"
    );
    assert!(sitemap.contains(r#"<xhtml:link rel="alternate" hreflang="en" href="https://example.gov.vn/en/profiles/nguyen-thi-dao/"/>"#));
    for feed in ["atom.xml", "en/atom.xml"] {
        let text = site.page(feed);
        parse_xml(&text);
        // Seven profiles and two award lists.
        assert_eq!(text.matches("<entry>").count(), 9);
        // Newest `date` first: Đào has 2021-03-05, the others 1 January of their year.
        assert!(pos(&text, "nguyen-thi-dao") < pos(&text, "tran-van-duong"));
        assert!(
            pos(&text, "an-phu-commune") < pos(&text, "nguyen-thi-dao"),
            "2022-01-01 is newer"
        );
    }
    assert!(
        site.page("robots.txt")
            .contains("Sitemap: https://example.gov.vn/sitemap.xml")
    );
}

#[test]
fn a_summary_comes_from_the_first_paragraph_unless_given() {
    let site = basic();
    let feed = site.page("atom.xml");
    assert!(feed.contains("Tóm tắt riêng của chị Ánh."));
    assert!(feed.contains("Chị Đào là cán bộ tận tụy, xem phong trào."));
}

#[test]
fn two_builds_of_the_same_site_are_byte_identical() {
    let site = basic();
    let first = snapshot(&site.out());
    site.build().unwrap();
    assert!(first == snapshot(&site.out()));
}

#[test]
fn decomposed_text_bom_and_crlf_are_read_as_clean_nfc() {
    let site = TestSite::fixture("basic");
    // "Nguyễn Văn Bình" typed decomposed (NFD), with a BOM and CRLF endings.
    let nfd = "Nguye\u{0302}\u{0303}n Va\u{0306}n Bi\u{0300}nh";
    let text = format!(
        "\u{feff}+++\r\nname = \"{nfd}\"\r\nkind = \"individual\"\r\nunit = \"Ba\u{0300}n\"\r\nyear = 2021\r\n+++\r\n\r\nChi\u{0323} a\u{0301}.\r\n"
    );
    site.write("content/profiles/nguyen-van-binh.md", &text);
    site.build().unwrap();
    let page = site.page("ho-so/nguyen-van-binh/index.html");
    assert!(page.contains("<h1>Nguyễn Văn Bình</h1>"), "NFC name");
    assert!(!page.contains('\r'));
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = basic();
    let before = snapshot(&site.out());
    site.write(
        "content/profiles/broken.md",
        "+++\nname = \"Hỏng\"\nkind = \"individual\"\n+++\n",
    );
    let err = site.build().unwrap_err();
    assert!(
        err.iter().any(|d| d.path.ends_with("broken.md")
            && d.line == Some(1)
            && d.message.contains("unit")),
        "{err}"
    );
    assert!(
        before == snapshot(&site.out()),
        "output changed by a failed build"
    );
}

#[test]
fn the_binary_exits_1_on_content_errors_and_2_on_usage_errors() {
    let site = TestSite::fixture("basic");
    site.write("content/profiles/bad.md", "+++\nname = \"X\"\nkind = \"individual\"\nunit = \"U\"\nyear = 2021\ncampaigns = [\"dan-van-khoe\"]\n+++\n");
    let (code, _, stderr) = site.run(&["build"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("content/profiles/bad.md:6:"), "{stderr}");
    assert!(
        stderr.contains("có phải ý bạn là \"dan-van-kheo\""),
        "messages in the site's language: {stderr}"
    );
    let (code, _, _) = site.run(&["biuld"]);
    assert_eq!(code, 2);
    site.remove("content/profiles/bad.md");
    let (code, stdout, stderr) = site.run(&["build"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Đã dựng 7 hồ sơ"), "{stdout}");
}

#[test]
fn problems_in_several_files_are_all_reported_at_once() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/profiles/a.md",
        "+++\nname = \"A\"\nkind = \"person\"\nunit = \"U\"\nyear = 2021\n+++\n",
    );
    site.write(
        "content/profiles/b.md",
        "+++\nname = \"B\"\nkind = \"individual\"\nunit = \"U\"\nyear = 1800\n+++\n",
    );
    site.write("content/profiles/c.en.md", "+++\nname = \"C\"\n+++\n");
    site.write("content/awards/x.toml", "decision = \"1\"\ndate = 2021-01-01\nissuer = \"I\"\naward = \"bang-khen\"\n[[recipients]]\nname = \"N\"\nkind = \"individual\"\nprofile = \"khong-co\"\n");
    let err = site.build().unwrap_err();
    let text = err.to_string();
    assert!(text.contains("content/profiles/a.md:3:"), "{text}");
    assert!(
        text.contains("content/profiles/b.md:5:") && text.contains("1945"),
        "{text}"
    );
    assert!(
        text.contains("content/profiles/c.en.md") && text.contains("no original"),
        "{text}"
    );
    assert!(
        text.contains("content/awards/x.toml:4:") && text.contains("bang-khen"),
        "{text}"
    );
    assert!(
        text.contains("content/awards/x.toml:8:") && text.contains("khong-co"),
        "{text}"
    );
}

#[test]
fn two_profiles_with_one_slug_name_both_files() {
    let site = TestSite::fixture("basic");
    site.write("content/profiles/other.md", "+++\nname = \"Khác\"\nkind = \"individual\"\nunit = \"U\"\nyear = 2021\nslug = \"le-van-an\"\n+++\n");
    let text = site.build().unwrap_err().to_string();
    assert!(
        text.contains("content/profiles/le-van-an.md")
            && text.contains("content/profiles/other.md"),
        "{text}"
    );
}

#[test]
fn a_missing_internal_link_target_is_an_error_at_its_line() {
    let site = TestSite::fixture("basic");
    site.write("content/profiles/link.md", "+++\nname = \"L\"\nkind = \"individual\"\nunit = \"U\"\nyear = 2021\n+++\n\nXem [đây](@/profiles/khong-co.md).\n");
    let err = site.build().unwrap_err();
    let d = err
        .iter()
        .find(|d| d.path.ends_with("link.md"))
        .expect("link error");
    assert_eq!(d.line, Some(8), "{d}");
    assert!(d.message.contains("profiles/khong-co.md"), "{d}");
}

#[test]
fn the_output_folder_may_not_be_the_site_or_a_foreign_folder() {
    let site = TestSite::fixture("basic");
    let mut options = site.options();
    options.output_dir = Some(site.root());
    assert!(
        site.build_with(options.clone())
            .unwrap_err()
            .to_string()
            .contains("refusing")
    );
    options.output_dir = Some(site.dir.path().to_path_buf());
    assert!(
        site.build_with(options.clone()).is_err(),
        "an ancestor of the site"
    );
    let foreign = site.dir.path().join("docs");
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::write(foreign.join("keep.txt"), "mine").unwrap();
    options.output_dir = Some(foreign.clone());
    assert!(site.build_with(options).is_err());
    assert_eq!(
        std::fs::read_to_string(foreign.join("keep.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn a_site_overrides_one_template_and_one_ui_string() {
    let site = TestSite::fixture("basic");
    site.write("i18n/en.toml", "profiles = \"People we honour\"\n");
    site.write("templates/404.html", "{% extends \"base.html\" %}{% block content %}<p class=\"custom-404\">{{ t.not_found }}</p>{% endblock %}");
    site.build().unwrap();
    assert!(
        site.page("en/profiles/index.html")
            .contains("<h1>People we honour</h1>")
    );
    assert!(
        site.page("ho-so/index.html")
            .contains("<h1>Hồ sơ điển hình</h1>"),
        "other languages keep theirs"
    );
    assert!(
        site.page("404.html")
            .contains("<p class=\"custom-404\">Không tìm thấy trang</p>")
    );
}

#[test]
fn a_ui_string_missing_for_a_language_is_an_error_naming_key_and_language() {
    let site = TestSite::fixture("basic");
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}{{ t.brand_new_key }}{% endblock %}",
    );
    site.write("i18n/vi.toml", "brand_new_key = \"Mới\"\n");
    let text = site.build().unwrap_err().to_string();
    assert!(
        text.contains("templates/404.html:1")
            && text.contains("brand_new_key")
            && text.contains("\"en\""),
        "{text}"
    );
}

#[test]
fn a_template_syntax_error_names_the_template_and_line() {
    let site = TestSite::fixture("basic");
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}\n{% block content %}\n{{ t.not_found \n{% endblock %}",
    );
    let err = site.build().unwrap_err();
    let d = err.iter().next().unwrap();
    assert!(d.path.ends_with("templates/404.html"), "{err}");
    assert!(d.line.is_some(), "{err}");
}

#[test]
fn a_static_file_may_not_replace_a_generated_page() {
    let site = TestSite::fixture("basic");
    site.write("static/robots.txt", "User-agent: *\nDisallow: /\n");
    site.write(
        "static/images/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let text = site.build().unwrap_err().to_string();
    assert!(text.contains("static/robots.txt"), "{text}");
    site.remove("static/robots.txt");
    site.build().unwrap();
    assert!(
        site.exists("images/logo.svg"),
        "other static files are copied"
    );
}

#[test]
fn a_theme_folder_needs_only_the_templates_it_changes() {
    let site = TestSite::fixture("basic");
    site.write(
        "site.toml",
        &std::fs::read_to_string(site.root().join("site.toml"))
            .unwrap()
            .replace("paginate_by = 3", "paginate_by = 3\ntheme = \"tinh\""),
    );
    site.write("themes/tinh/templates/404.html", "{% extends \"base.html\" %}{% block content %}<p class=\"tinh\">{{ t.not_found }}</p>{% endblock %}");
    site.write("themes/tinh/static/tinh.css", "body{}");
    site.build().unwrap();
    assert!(site.page("404.html").contains("class=\"tinh\""));
    assert!(site.exists("ho-so/nguyen-thi-dao/index.html"));
    assert!(
        site.exists("tinh.css") && !site.exists("style.css"),
        "a theme folder brings its own look"
    );
}

#[test]
fn past_the_sitemap_limit_sitemap_xml_becomes_an_index_over_parts() {
    use vinhdanh::render::{PageRef, Renderer};
    let site = TestSite::fixture("basic");
    let (model, theme) = vinhdanh::load_site(&site.options()).unwrap();
    let renderer = Renderer::new(&model, &theme).with_sitemap_limit(20);
    let pages = renderer.pages();
    let parts: Vec<PageRef> = pages
        .iter()
        .copied()
        .filter(|p| matches!(p, PageRef::SitemapPart(_)))
        .collect();
    let html_pages = pages
        .iter()
        .filter(|p| matches!(p, PageRef::Page { .. }))
        .count()
        - 2; // less the 404s
    assert_eq!(parts.len(), html_pages.div_ceil(20));
    let index = String::from_utf8(renderer.render(PageRef::Sitemap).unwrap()).unwrap();
    parse_xml(&index);
    assert!(index.contains("<sitemapindex"));
    assert!(index.contains("<loc>https://example.gov.vn/sitemap-1.xml</loc>"));
    let mut urls = 0;
    for part in parts {
        assert_eq!(
            renderer.output_path(part),
            format!("sitemap-{}.xml", urls / 20 + 1)
        );
        let text = String::from_utf8(renderer.render(part).unwrap()).unwrap();
        parse_xml(&text);
        urls += text.matches("<url>").count();
    }
    assert_eq!(urls, html_pages, "every page in exactly one part");
}

#[test]
fn an_untranslated_campaign_name_is_marked_with_its_language_where_it_is_linked() {
    let site = basic();
    // nong-thon-moi has no English file; dan-van-kheo has one.
    let page = site.page("en/profiles/tran-van-duong/index.html");
    assert!(
        page.contains("lang=\"vi\">Cả nước chung sức xây dựng nông thôn mới</a>"),
        "{page}"
    );
    let translated = site.page("en/profiles/nguyen-thi-dao/index.html");
    assert!(translated.contains(">Skilful mass mobilisation</a>"));
    assert!(!translated.contains("lang=\"vi\">Skilful"));
}

/// Regression (issue 18): photo file names went into `src` as they were,
/// so `ảnh #1.png` was requested as `ảnh ` (the `#` starts a fragment)
/// and the image broke. Every photo URL on a page must name, once
/// percent-decoded, a file that was built (the copies now have ASCII names).
#[test]
fn photo_urls_name_built_files_whatever_the_photo_is_called() {
    let site = TestSite::fixture("basic");
    for (slug, photo) in [("hoa", "ảnh #1.png"), ("lan", "chân dung 100%.png")] {
        site.write(
            &format!("content/profiles/{slug}/index.md"),
            &format!(
                "+++\nname = \"Tô Thị {slug}\"\nkind = \"individual\"\nunit = \"Ban\"\nyear = 2021\nphoto = \"{photo}\"\n+++\n\nBà {slug}.\n"
            ),
        );
        site.write_bytes(
            &format!("content/profiles/{slug}/{photo}"),
            &common::images::png(400, 500),
        );
    }
    site.build().unwrap();
    let mut seen = 0;
    for page in [
        "ho-so/hoa/index.html",
        "en/profiles/lan/index.html",
        "ho-so/index.html",
    ] {
        let html = site.page(page);
        let urls = html
            .split("src=\"")
            .skip(1)
            .chain(html.split("srcset=\"").skip(1))
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .flat_map(|attr| attr.split(", ").map(|u| u.split(' ').next().unwrap()))
            .filter(|u| u.starts_with("/ho-so/"));
        for url in urls {
            assert!(!url.contains([' ', '#', '?']), "{page}: {url}");
            let file = percent_encoding::percent_decode_str(url)
                .decode_utf8()
                .unwrap();
            assert!(site.exists(file.trim_start_matches('/')), "{page}: {url}");
            seen += 1;
        }
    }
    assert!(seen >= 3, "photos on the pages: {seen}");
}

/// Regression (issue 18): an `@/` link to a `draft = true` profile made
/// `build` fail ("a page that does not exist"), though `build --drafts`
/// and `serve` accepted the same content. A link to a draft
/// never fails a build; without `--drafts` it shows as its text.
#[test]
fn a_link_to_a_draft_is_text_without_drafts_and_a_link_with_them() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/campaigns/nhap.md",
        "+++\nname = \"Phong trào nháp\"\nstart_year = 2022\ndraft = true\n+++\n\nChưa công bố.\n",
    );
    site.write(
        "content/profiles/link.md",
        "+++\nname = \"Lý Văn Liên\"\nkind = \"individual\"\nunit = \"U\"\nyear = 2021\n+++\n\n\
         Xem [bản nháp](@/profiles/ban-nhap.md#a) và [phong trào](@/campaigns/nhap.md).\n",
    );
    site.build().unwrap();
    for page in ["ho-so/link/index.html", "en/profiles/link/index.html"] {
        let html = site.page(page);
        assert!(
            html.contains("<p>Xem bản nháp và phong trào.</p>"),
            "{page}: {html}"
        );
        assert!(!html.contains("ban-nhap"), "{page}: {html}");
    }

    let mut options = site.options();
    options.drafts = true;
    site.build_with(options).unwrap();
    let html = site.page("ho-so/link/index.html");
    assert!(
        html.contains("<a href=\"/ho-so/ban-nhap/#a\">bản nháp</a>"),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"/phong-trao/nhap/\">phong trào</a>"),
        "{html}"
    );
}

/// A renderer told to stop (the preview's next edit arrived) makes no
/// further page: nothing is built to be thrown away.
#[test]
fn a_stopped_renderer_makes_no_page() {
    use std::sync::Mutex;
    use std::sync::atomic::AtomicBool;
    use vinhdanh::render::emit::Emitting;
    use vinhdanh::render::{CopiedFile, PageSink, Renderer};
    struct Count(Mutex<usize>);
    impl PageSink for Count {
        fn page(&self, _: Emitting<'_>) -> Result<(), vinhdanh::Diagnostic> {
            *self.0.lock().unwrap() += 1;
            Ok(())
        }
        fn copy(&self, _: &CopiedFile) -> Result<(), vinhdanh::Diagnostic> {
            Ok(())
        }
    }
    let site = TestSite::fixture("basic");
    let (model, theme) = vinhdanh::load_site(&site.options()).unwrap();
    for (stop, some) in [(false, true), (true, false)] {
        let flag = AtomicBool::new(stop);
        let renderer = Renderer::new(&model, &theme).stopping_on(&flag);
        let sink = Count(Mutex::new(0));
        vinhdanh::render::emit(&renderer, &sink).unwrap();
        let made = *sink.0.lock().unwrap();
        assert_eq!(made > 0, some, "stopped: {stop}, pages made: {made}");
        assert_eq!(renderer.stopped(), stop);
    }
}
