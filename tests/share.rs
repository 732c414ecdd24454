//! Sharing metadata and schema.org data: every page says what it is when
//! shared (Open Graph), profiles and the home page carry JSON-LD that a
//! JSON parser reads back, and editor text cannot break out of either, also
//! under a sub-folder `base_url`.

mod common;

use common::TestSite;
use serde_json::Value;

/// The basic fixture under a sub-folder, with an agency and a profile whose
/// name tries to end the script element and the attribute it lands in.
fn site() -> TestSite {
    let site = TestSite::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    let config = config.replace(
        "base_url = \"https://example.gov.vn\"",
        "base_url = \"https://example.gov.vn/vinh-danh\"",
    ) + "\n[agency]\nname = { vi = \"Ban Dân tộc tỉnh\", en = \"Provincial Ethnic Affairs Committee\" }\nphone = \"0206 3 852 000\"\nemail = \"bdt@example.gov.vn\"\n";
    site.write("site.toml", &config);
    site.write(
        "content/profiles/hostile.md",
        "+++\nname = \"</script><script>alert(1)</script> \\\"Quote\\\" & <b>\"\nkind = \"collective\"\nunit = \"U\"\nyear = 2021\nsummary = \"\\\" onmouseover=\\\"alert(1)\"\n+++\n",
    );
    site.build().expect("the site builds");
    site
}

/// The JSON-LD of a page, parsed.
fn json_ld(html: &str) -> Option<Value> {
    let start = html.find("<script type=\"application/ld+json\">")?;
    let rest = &html[start + "<script type=\"application/ld+json\">".len()..];
    let end = rest.find("</script>").expect("the script element ends");
    Some(serde_json::from_str(&rest[..end]).expect("JSON-LD is JSON"))
}

/// The `content` of `<meta property="{property}">`.
fn meta<'a>(html: &'a str, property: &str) -> Option<&'a str> {
    let key = format!("<meta property=\"{property}\" content=\"");
    let start = html.find(&key)? + key.len();
    Some(&html[start..start + html[start..].find('"')?])
}

#[test]
fn every_page_has_open_graph_metadata_with_absolute_urls() {
    let site = site();
    for file in site.built_files().iter().filter(|f| f.ends_with(".html")) {
        let html = site.page(file);
        if html.contains("http-equiv=\"refresh\"") {
            continue; // an old address's small page
        }
        for property in ["og:title", "og:type", "og:url", "og:locale", "og:image"] {
            assert!(meta(&html, property).is_some(), "{file}: {property}");
        }
        let url = meta(&html, "og:url").unwrap();
        assert!(
            url.starts_with("https://example.gov.vn/vinh-danh/"),
            "{file}: {url}"
        );
        let image = meta(&html, "og:image").unwrap();
        assert!(
            image.starts_with("https://example.gov.vn/vinh-danh/"),
            "{file}: {image}"
        );
        assert!(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
        assert!(
            html.contains("<link rel=\"icon\" href=\"/vinh-danh/favicon.svg\""),
            "{file}"
        );
    }
    let en = site.page("en/profiles/nguyen-thi-dao/index.html");
    assert_eq!(meta(&en, "og:locale"), Some("en_US"));
    assert_eq!(meta(&en, "og:locale:alternate"), Some("vi_VN"));
    assert_eq!(meta(&en, "og:type"), Some("profile"));
    // The favicon and the sharing image are published, without metadata chunks.
    for file in [
        "favicon.svg",
        "favicon.png",
        "apple-touch-icon.png",
        "share.png",
    ] {
        assert!(site.exists(file), "{file}");
    }
    let png = std::fs::read(site.out().join("share.png")).unwrap();
    let mut at = 8;
    while at < png.len() {
        let len = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
        let kind = std::str::from_utf8(&png[at + 4..at + 8]).unwrap();
        assert!(
            matches!(kind, "IHDR" | "IDAT" | "IEND"),
            "share.png has a {kind} chunk"
        );
        at += 12 + len;
    }
}

#[test]
fn profiles_and_the_home_page_carry_schema_org_data() {
    let site = site();
    let dao = json_ld(&site.page("ho-so/nguyen-thi-dao/index.html")).expect("JSON-LD");
    assert_eq!(dao["@context"], "https://schema.org");
    assert_eq!(dao["@type"], "Person");
    assert_eq!(dao["name"], "Nguyễn Thị Đào");
    assert_eq!(
        dao["url"],
        "https://example.gov.vn/vinh-danh/ho-so/nguyen-thi-dao/"
    );
    assert_eq!(dao["worksFor"]["name"], "Ban Dân tộc tỉnh Cao Bằng");
    assert_eq!(dao["jobTitle"], "Chuyên viên");
    let awards: Vec<&str> = dao["award"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert!(
        awards.contains(&"Bằng khen của Chủ tịch UBND tỉnh (2021)"),
        "{awards:?}"
    );
    let en = json_ld(&site.page("en/profiles/nguyen-thi-dao/index.html")).unwrap();
    assert_eq!(en["worksFor"]["name"], "Cao Bằng Ethnic Affairs Committee");
    let unit = json_ld(&site.page("ho-so/ban-dan-toc-cao-bang/index.html")).unwrap();
    assert_eq!(unit["@type"], "Organization");
    let home = json_ld(&site.page("index.html")).expect("the agency on the home page");
    assert_eq!(home["@type"], "GovernmentOrganization");
    assert_eq!(home["name"], "Ban Dân tộc tỉnh");
    assert_eq!(home["telephone"], "0206 3 852 000");
    let home_en = json_ld(&site.page("en/index.html")).unwrap();
    assert_eq!(home_en["name"], "Provincial Ethnic Affairs Committee");
    // Other pages carry none.
    assert!(json_ld(&site.page("nam/index.html")).is_none());
}

#[test]
fn printed_profile_and_decision_pages_carry_a_qr_code_of_their_address() {
    let site = site();
    for page in [
        "ho-so/nguyen-thi-dao/index.html",
        "en/profiles/nguyen-thi-dao/index.html",
        "khen-thuong/qd-631-2021/index.html",
    ] {
        let html = site.page(page);
        let svg = &html[html.find("<svg class=\"print-only qr\"").expect(page)..];
        let svg = &svg[..svg.find("</svg>").unwrap()];
        assert!(svg.contains("<path d=\"M"), "{page}: {svg}");
        assert!(
            svg.len() < 8_000,
            "{page}: a QR code of {} bytes",
            svg.len()
        );
    }
    for page in ["index.html", "nam/index.html", "ho-so/index.html"] {
        assert!(
            !site.page(page).contains("class=\"print-only qr\""),
            "{page}"
        );
    }
}

#[test]
fn editor_text_cannot_break_out_of_json_ld_or_attributes() {
    let site = site();
    let page = site.page("ho-so/hostile/index.html");
    let data = json_ld(&page).expect("JSON-LD of the hostile profile");
    assert_eq!(
        data["name"],
        "</script><script>alert(1)</script> \"Quote\" & <b>"
    );
    assert_eq!(
        page.matches("<script").count(),
        page.matches("</script>").count()
    );
    assert!(
        !page.contains("<script>alert"),
        "a script element was opened"
    );
    let title = meta(&page, "og:title").unwrap();
    assert!(!title.contains('<') && !title.contains('"'), "{title}");
    assert!(
        !page.contains("\" onmouseover=\"alert(1)"),
        "an attribute was broken out of"
    );
}
