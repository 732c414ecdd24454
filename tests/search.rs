//! The search index the build writes (src/search/): where its files go,
//! what enters it and what never does. The browser side is tested in
//! tests/browser/search.test.mjs.

mod common;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use common::TestSite;
use vinhdanh::model::units::Units;

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

/// The bytes of a file of results, made now (as `vinhdanh build` does).
fn make(_hash: u64, make: &mut dyn FnMut() -> Vec<u8>) -> Arc<[u8]> {
    Arc::from(make())
}

/// The preview keeps the files of results from one build to the next:
/// built again from the same site, the index makes none of them again, and
/// its files are the same.
#[test]
fn the_files_of_results_are_kept_by_what_they_hold() {
    let site = TestSite::fixture("search").built();
    let (model, _) = vinhdanh::load_site(&site.options()).expect("the fixture loads");
    let units = Units::of(&model);
    let kept: Mutex<HashMap<u64, Arc<[u8]>>> = Mutex::default();
    let made = AtomicUsize::new(0);
    let keep = |hash: u64, make: &mut dyn FnMut() -> Vec<u8>| {
        if let Some(bytes) = kept.lock().unwrap().get(&hash) {
            return Arc::clone(bytes);
        }
        made.fetch_add(1, Ordering::Relaxed);
        let bytes: Arc<[u8]> = Arc::from(make());
        kept.lock().unwrap().insert(hash, Arc::clone(&bytes));
        bytes
    };
    let first = vinhdanh::search::build_index(&model, &units, &keep, &|| false).unwrap();
    let files_of_results = first.iter().filter(|f| f.path.contains("/r/")).count();
    assert!(files_of_results >= 2, "one per language at least");
    assert_eq!(made.load(Ordering::Relaxed), files_of_results);
    let again = vinhdanh::search::build_index(&model, &units, &keep, &|| false).unwrap();
    assert_eq!(made.load(Ordering::Relaxed), files_of_results, "made again");
    let plain = vinhdanh::search::build_index(&model, &units, &make, &|| false).unwrap();
    for ((a, b), c) in first.iter().zip(&again).zip(&plain) {
        assert_eq!((&a.path, &a.bytes), (&b.path, &b.bytes));
        assert_eq!((&a.path, &a.bytes), (&c.path, &c.bytes));
    }
}

/// The preview stops building the index when the next edit arrives: told to
/// stop at any of its steps it gives up, and never told it makes the
/// files a build writes.
#[test]
fn the_index_gives_up_when_told_and_only_then() {
    let site = TestSite::fixture("search").built();
    let (model, _) = vinhdanh::load_site(&site.options()).expect("the fixture loads");
    let units = Units::of(&model);
    let build = |stopped: &(dyn Fn() -> bool + Sync)| {
        vinhdanh::search::build_index(&model, &units, &make, stopped)
    };
    let whole = build(&|| false).expect("not stopped");
    for file in &whole {
        let written = std::fs::read(site.out().join(&file.path)).expect("written by the build");
        assert_eq!(written, &*file.bytes, "{}", file.path);
    }
    // Stopped after its first look, its second, ...: it gives up each time.
    let mut looks = 0;
    loop {
        let seen = AtomicUsize::new(0);
        let stopped = || seen.fetch_add(1, Ordering::Relaxed) >= looks;
        let made = build(&stopped);
        if seen.load(Ordering::Relaxed) <= looks {
            // It finished before being told: what it made is the whole index.
            let made = made.expect("never told to stop");
            assert_eq!(made.len(), whole.len());
            break;
        }
        assert!(made.is_none(), "told to stop at look {looks}, it went on");
        looks += 1;
    }
    assert!(looks >= 4, "it looks between its steps ({looks} looks)");
}
