//! The search index the build writes (src/search/): where its files go,
//! what enters it and what never does. The browser side is tested in
//! tests/browser/search.test.mjs.

mod common;

use common::TestSite;

fn all_shards(site: &TestSite) -> String {
    site.built_files()
        .iter()
        .filter(|f| f.starts_with("tim-kiem/index/t/"))
        .map(|f| site.page(f))
        .collect()
}

fn words_of(shards: &str) -> Vec<&str> {
    shards
        .lines()
        .filter_map(|l| l.split('\t').next())
        .collect()
}

#[test]
fn search_pages_and_index_are_written_and_in_the_sitemap() {
    let site = TestSite::fixture("search").built();
    for page in ["tim-kiem/index.html", "en/search/index.html"] {
        let html = site.page(page);
        assert!(
            html.contains(r#"<form class="search-form" role="search""#),
            "{page}"
        );
        assert!(
            html.contains(r#"role="status" aria-live="polite""#),
            "{page}"
        );
    }
    assert!(site.exists("tim-kiem/index/meta.json"));
    assert!(site.exists("tim-kiem/index/facets.json"));
    assert!(site.exists("tim-kiem/index/labels.json"));
    assert!(site.exists("en/search/index/labels.json"));
    assert!(site.exists("en/search/index/r/0.json"));
    let sitemap = site.page("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.gov.vn/tim-kiem/</loc>"));
    assert!(sitemap.contains(r#"hreflang="en" href="https://example.gov.vn/en/search/""#));
    let home = site.page("index.html");
    assert!(home.contains(r#"<a href="/tim-kiem/">Tìm kiếm</a>"#));
}

/// A recipient with a profile is found as that profile, once.
#[test]
fn a_recipient_with_a_profile_is_one_record() {
    let site = TestSite::fixture("search").built();
    let rows = site.page("tim-kiem/index/r/0.json");
    assert_eq!(rows.matches("Hoàng Văn Tâm").count(), 1, "{rows}");
    assert!(
        rows.contains("Lò Thị Xuân"),
        "a CSV-only recipient is a record"
    );
    let meta = site.page("tim-kiem/index/meta.json");
    assert!(meta.contains(r#""profiles":6,"records":11"#), "{meta}");
}

/// Only names, units and positions are searched: an ethnicity (personal
/// data, hidden unless the site shows it) or a story's words never enter.
#[test]
fn ethnicity_and_body_text_never_enter_the_index() {
    let site = TestSite::fixture("basic").built();
    let shards = all_shards(&site);
    let words = words_of(&shards);
    assert!(
        words.contains(&"dao") && words.contains(&"chuyen"),
        "{words:?}"
    );
    // Nguyễn Thị Đào: ethnicity "Tày", body "cán bộ tận tụy".
    for absent in ["tay", "tuy", "tan"] {
        assert!(!words.contains(&absent), "{absent} is in the index");
    }
}
