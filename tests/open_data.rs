//! Open data: every award as CSV and JSON, read back with real parsers and
//! compared with the site's own year summaries; one CSV per year and per
//! decision, linked from their pages; nothing a spreadsheet would run.

mod common;

use std::collections::BTreeMap;

use common::TestSite;
use serde_json::Value;

/// (year, award key, kind) → how many, from records' `number`.
type Totals = BTreeMap<(i64, String, String), u64>;

fn csv_rows(bytes: &[u8]) -> Vec<BTreeMap<String, String>> {
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with BOM");
    let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line ends with CRLF"
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("a CSV row");
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect()
        })
        .collect()
}

fn csv_totals(rows: &[BTreeMap<String, String>]) -> Totals {
    let mut totals = Totals::new();
    for r in rows {
        let key = (
            r["year"].parse().unwrap(),
            r["award_key"].clone(),
            r["kind"].clone(),
        );
        *totals.entry(key).or_default() += r["number"].parse::<u64>().unwrap();
    }
    totals
}

/// The site's own year summaries, as the model computes them.
fn summary_totals(site: &TestSite) -> Totals {
    let (model, _) = vinhdanh::load_site(&site.options()).expect("the site loads");
    let mut totals = Totals::new();
    for y in &model.years {
        for row in &y.summary {
            let key = &model.catalogue.by_index(row.award).key;
            for (kind, n) in [
                ("individual", row.individuals),
                ("collective", row.collectives),
            ] {
                if n > 0 {
                    totals.insert((y.year as i64, key.clone(), kind.to_owned()), n as u64);
                }
            }
        }
    }
    totals
}

fn check_fixture(name: &str) {
    let site = TestSite::fixture(name);
    site.build().expect("the fixture builds");
    let expected = summary_totals(&site);
    for (csv, json) in [
        ("du-lieu/khen-thuong.csv", "du-lieu/khen-thuong.json"),
        ("en/data/awards.csv", "en/data/awards.json"),
    ] {
        let rows = csv_rows(&std::fs::read(site.out().join(csv)).unwrap());
        assert_eq!(
            csv_totals(&rows),
            expected,
            "{name}: {csv} against the summaries"
        );
        let records: Vec<Value> =
            serde_json::from_slice(&std::fs::read(site.out().join(json)).unwrap())
                .expect("the JSON parses");
        assert_eq!(
            records.len(),
            rows.len(),
            "{name}: the JSON has the CSV's records"
        );
        let mut totals = Totals::new();
        for r in &records {
            let key = (
                r["year"].as_i64().unwrap(),
                r["award_key"].as_str().unwrap().to_owned(),
                r["kind"].as_str().unwrap().to_owned(),
            );
            *totals.entry(key).or_default() += r["number"].as_u64().unwrap();
        }
        assert_eq!(totals, expected, "{name}: {json} against the summaries");
    }
    // One CSV per year, linked from the year's page, holding that year only.
    let (model, _) = vinhdanh::load_site(&site.options()).unwrap();
    for y in &model.years {
        let page = site.page(&format!("nam/{}/index.html", y.year));
        let href = format!("/du-lieu/nam-{}.csv", y.year);
        if !y.summary.is_empty() {
            assert!(
                page.contains(&href),
                "{name}: the {} page links {href}",
                y.year
            );
        }
        let rows = csv_rows(&std::fs::read(site.out().join(&href[1..])).unwrap());
        assert!(rows.iter().all(|r| r["year"] == y.year.to_string()));
    }
}

#[test]
fn csv_and_json_hold_every_award_the_summaries_count() {
    check_fixture("basic");
    check_fixture("agency");
}

#[test]
fn a_decision_csv_holds_its_recipients_and_counts_and_runs_no_formula() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/awards/x.toml",
        "decision = \"9/QĐ\"\ndate = 2021-05-01\naward = \"giay-khen\"\n\n[[recipients]]\nname = '=HYPERLINK(\"http://x\",\"y\")'\nkind = \"cá nhân\"\nunit = \"@SUM(A1)\"\n\n[[counts]]\nindividuals = 4\ncollectives = 2\nnote = \"ghi chú\"\n",
    );
    site.build().expect("the site builds");
    let page = site.page("khen-thuong/x/index.html");
    assert!(
        page.contains("href=\"/du-lieu/khen-thuong-x.csv\""),
        "the decision links its CSV"
    );
    let rows = csv_rows(&std::fs::read(site.out().join("du-lieu/khen-thuong-x.csv")).unwrap());
    assert_eq!(
        rows.len(),
        3,
        "one recipient, and a count of both kinds as two records"
    );
    assert_eq!(rows[0]["name"], "'=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(rows[0]["unit"], "'@SUM(A1)");
    assert_eq!(
        rows[0]["decision_url"],
        "https://example.gov.vn/khen-thuong/x/"
    );
    assert_eq!(
        (rows[1]["kind"].as_str(), rows[1]["number"].as_str()),
        ("individual", "4")
    );
    assert_eq!(
        (rows[2]["kind"].as_str(), rows[2]["number"].as_str()),
        ("collective", "2")
    );
    assert_eq!(rows[1]["name"], "", "a count names no one");
    // The JSON keeps the name as written: it is not a spreadsheet.
    let all: Vec<Value> = serde_json::from_slice(
        &std::fs::read(site.out().join("du-lieu/khen-thuong.json")).unwrap(),
    )
    .unwrap();
    assert!(
        all.iter()
            .any(|r| r["name"] == "=HYPERLINK(\"http://x\",\"y\")")
    );
}

#[test]
fn the_data_page_links_every_download_in_each_language() {
    let site = TestSite::fixture("basic");
    site.build().expect("the fixture builds");
    let vi = site.page("du-lieu/index.html");
    for href in [
        "/du-lieu/khen-thuong.csv",
        "/du-lieu/khen-thuong.json",
        "/du-lieu/nam-2021.csv",
        "/du-lieu/khen-thuong-qd-631-2021.csv",
    ] {
        assert!(vi.contains(&format!("href=\"{href}\"")), "{href}");
    }
    let en = site.page("en/data/index.html");
    assert!(en.contains("href=\"/en/data/awards.json\""));
    assert!(en.contains("<h1>Open data</h1>"));
    // Every page's footer leads to it, and the sitemap lists it.
    assert!(
        site.page("ho-so/nguyen-thi-dao/index.html")
            .contains("href=\"/du-lieu/\"")
    );
    assert!(
        site.page("sitemap.xml")
            .contains("https://example.gov.vn/en/data/")
    );
}

/// Past the limit of records per file, every award comes in parts of whole
/// years: each at most the limit (unless one year alone holds more), the
/// parts together holding exactly the records of the single file, in its
/// order, and the data page linking each part instead of the single file.
#[test]
fn past_the_limit_every_award_comes_in_parts_of_whole_years() {
    use vinhdanh::render::{DataFile, PageRef, Renderer};
    let site = TestSite::fixture("agency");
    site.build().expect("the fixture builds");
    let whole = csv_rows(&std::fs::read(site.out().join("du-lieu/khen-thuong.csv")).unwrap());
    let (model, theme) = vinhdanh::load_site(&site.options()).unwrap();
    let per_year = |year: &str| whole.iter().filter(|r| r["year"] == year).count();
    let limit = whole.len() / 3;
    assert!(limit > 0);
    let renderer = Renderer::new(&model, &theme).with_data_part_limit(limit);
    let parts = renderer.data_parts();
    assert!(parts.len() >= 3, "{parts:?}");
    let mut joined = Vec::new();
    for (part, &(first, last)) in parts.iter().enumerate() {
        let file = PageRef::Data {
            lang: 0,
            file: DataFile::Part { part, json: false },
        };
        assert_eq!(
            renderer.output_path(file),
            format!("du-lieu/nam-{first}-{last}.csv")
        );
        let rows = csv_rows(&renderer.render(file).unwrap());
        let years: std::collections::BTreeSet<i64> =
            rows.iter().map(|r| r["year"].parse().unwrap()).collect();
        assert!(
            years
                .iter()
                .all(|y| (first as i64..=last as i64).contains(y))
        );
        assert!(
            rows.len() <= limit || first == last,
            "part {first}–{last}: {} records",
            rows.len()
        );
        for y in first..=last {
            assert_eq!(
                rows.iter().filter(|r| r["year"] == y.to_string()).count(),
                per_year(&y.to_string()),
                "a part holds its years whole"
            );
        }
        let json = PageRef::Data {
            lang: 1,
            file: DataFile::Part { part, json: true },
        };
        let records: Vec<Value> =
            serde_json::from_slice(&renderer.render(json).unwrap()).expect("the JSON parses");
        assert_eq!(
            records.len(),
            rows.len(),
            "the JSON part has the CSV's records"
        );
        joined.extend(rows);
    }
    let key = |r: &BTreeMap<String, String>| format!("{r:?}");
    let mut a: Vec<String> = joined.iter().map(key).collect();
    let mut b: Vec<String> = whole.iter().map(key).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b, "the parts hold the single file's records, each once");
    let pages = renderer.pages();
    assert!(!pages.contains(&PageRef::Data {
        lang: 0,
        file: DataFile::AllCsv
    }));
    let data_page = pages
        .iter()
        .copied()
        .find(|&p| renderer.output_path(p) == "du-lieu/index.html")
        .unwrap();
    let html = String::from_utf8(renderer.render(data_page).unwrap()).unwrap();
    let (first, last) = parts[0];
    // The fixture's base_url has a sub-folder: hrefs end with the path.
    assert!(
        html.contains(&format!("du-lieu/nam-{first}-{last}.json\"")),
        "{html}"
    );
    assert!(!html.contains("khen-thuong.csv"));
}
