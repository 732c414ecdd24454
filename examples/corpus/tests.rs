//! The generator's promises: same seed, same bytes; the `ours` corpus
//! builds with vinhdanh; decisions look as Excel writes them.
//! Run by `cargo test` (the example is marked `test = true`).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use super::{Format, Options, generate};

fn options(format: Format, out: &Path, seed: u64) -> Options {
    Options {
        format,
        n: 24,
        out: out.to_path_buf(),
        seed,
        award_lists: format == Format::Ours,
        recipients: if format == Format::Ours { 1300 } else { 0 },
    }
}

/// Every file under `root`, by relative path.
fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(root).expect("inside");
            (rel.display().to_string(), fs::read(e.path()).expect("read"))
        })
        .collect()
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_other_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    for format in [Format::Ours, Format::Hugo] {
        let [a, b, c] = ["a", "b", "c"].map(|name| dir.path().join(name));
        generate(&options(format, &a, 7)).expect("first");
        generate(&options(format, &b, 7)).expect("second");
        generate(&options(format, &c, 8)).expect("other seed");
        let (ta, tb, tc) = (tree(&a), tree(&b), tree(&c));
        assert!(ta.len() > 50, "{format:?}: only {} files", ta.len());
        assert!(ta == tb, "{format:?}: two runs with one seed differ");
        assert!(ta != tc, "{format:?}: the seed changes nothing");
    }
}

#[test]
fn a_profile_is_the_same_whatever_the_corpus_size() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (small, large) = (dir.path().join("small"), dir.path().join("large"));
    for (out, n) in [(&small, 6), (&large, 12)] {
        let options = Options {
            n,
            ..options(Format::Ours, out, 5)
        };
        generate(&options).expect("generate");
    }
    let large = tree(&large);
    let profiles: Vec<_> = tree(&small)
        .into_iter()
        .filter(|(path, _)| path.starts_with("content/profiles/"))
        .collect();
    assert_eq!(profiles.len(), 12);
    for (path, bytes) in profiles {
        assert!(large.get(&path) == Some(&bytes), "{path} differs");
    }
}

#[test]
fn the_ours_corpus_builds_with_vinhdanh() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let written = generate(&options(Format::Ours, &site, 1)).expect("generate");
    assert!(written.extras.award_lists > 0 && written.extras.decisions >= 3);
    let report = vinhdanh::build_site(&vinhdanh::BuildOptions {
        root: site.clone(),
        output_dir: Some(dir.path().join("public")),
        lang: Some(vinhdanh::Lang::En),
        ..Default::default()
    })
    .unwrap_or_else(|problems| panic!("the generated corpus does not build:\n{problems}"));
    assert_eq!(report.profiles, 24);
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(site.join("corpus.json")).expect("manifest"))
            .expect("json");
    let url = manifest["sample_profile"]["url"].as_str().expect("url");
    let page = dir.path().join("public").join(&url[1..]).join("index.html");
    let html = fs::read_to_string(&page).expect("sample profile page");
    let name = manifest["sample_profile"]["name"].as_str().expect("name");
    assert!(
        html.contains(name),
        "{} does not name {name}",
        page.display()
    );
}

#[test]
fn decisions_hold_at_most_500_recipients_in_excel_shaped_csv() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    generate(&options(Format::Ours, &site, 1)).expect("generate");
    let mut rows = 0;
    for (path, bytes) in tree(&site) {
        if !path.ends_with(".csv") {
            continue;
        }
        let text = std::str::from_utf8(&bytes).expect("utf-8");
        let text = text.strip_prefix('\u{FEFF}').expect("a BOM");
        assert!(
            text.starts_with("Họ và tên;Loại;Đơn vị;Chức vụ\r\n"),
            "{path}"
        );
        assert!(!text.replace("\r\n", "").contains('\n'), "{path}: bare LF");
        let n = text.split("\r\n").filter(|l| !l.is_empty()).count() - 1;
        assert!((1..=500).contains(&n), "{path}: {n} rows");
        rows += n;
    }
    assert_eq!(rows, 1300);
}

#[test]
fn bodies_have_the_length_of_real_reports() {
    let (mut vi, mut en) = (0, 0);
    for i in 0..200 {
        let p = super::profiles::profile(super::DEFAULT_SEED, i);
        let words = p.body.vi.split_whitespace().count();
        assert!((380..=760).contains(&words), "profile {i}: {words} words");
        vi += words;
        en += p.body.en.split_whitespace().count();
    }
    assert!((480..=640).contains(&(vi / 200)), "vi average {}", vi / 200);
    assert!((180..=300).contains(&(en / 200)), "en average {}", en / 200);
}

#[test]
fn a_folder_that_is_not_a_corpus_is_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("notes.txt"), "keep me").expect("write");
    let result = generate(&options(Format::Hugo, dir.path(), 1));
    assert!(result.is_err());
    assert_eq!(
        fs::read_to_string(dir.path().join("notes.txt")).expect("kept"),
        "keep me"
    );
}
