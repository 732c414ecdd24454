//! The examples of docs/content.md build: editors copy them, so a field
//! renamed in the code without the page must fail here, not in an agency.

use std::fs;
use std::path::Path;

use vinhdanh::{BuildOptions, Lang, build_site};

/// The fenced code blocks of a markdown file, without their fences.
fn code_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        if line.starts_with("```") {
            match current.take() {
                Some(block) => blocks.push(block),
                None => current = Some(String::new()),
            }
        } else if let Some(block) = current.as_mut() {
            block.push_str(line);
            block.push('\n');
        }
    }
    blocks
}

/// The one block that `pick` selects.
fn block<'a>(blocks: &'a [String], what: &str, pick: impl Fn(&str) -> bool) -> &'a str {
    let found: Vec<&String> = blocks.iter().filter(|b| pick(b)).collect();
    assert_eq!(
        found.len(),
        1,
        "docs/content.md: expected one {what} example"
    );
    found[0]
}

fn put(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().expect("parent")).expect("folder");
    fs::write(path, text).expect("write");
}

#[test]
fn the_examples_of_docs_content_md_build_into_a_site() {
    let doc = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/content.md"))
        .expect("docs/content.md");
    let blocks = code_blocks(&doc);
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("site");
    let examples = [
        ("site.toml", "site.toml", "base_url = "),
        (
            "profile",
            "content/profiles/nguyen-thi-dao.md",
            "+++\nname = \"Nguyễn Thị Đào\"",
        ),
        (
            "translation",
            "content/profiles/nguyen-thi-dao.en.md",
            "+++\nposition = ",
        ),
        (
            "campaign",
            "content/campaigns/dan-van-kheo.md",
            "+++\nname = \"Dân vận khéo\"",
        ),
        (
            "recipients CSV",
            "content/awards/631-ubnd.csv",
            "STT;Họ và tên;",
        ),
    ];
    for (what, path, start) in examples {
        put(&root, path, block(&blocks, what, |b| b.starts_with(start)));
    }
    // The award list, reading the CSV example too.
    let list = block(&blocks, "award list", |b| b.starts_with("decision = "));
    let list = list.replacen(
        "\n[[recipients]]",
        "recipients_csv = \"631-ubnd.csv\"\n\n[[recipients]]",
        1,
    );
    put(&root, "content/awards/631-ubnd.toml", &list);
    // The links example, as the story of a second profile.
    let links = block(&blocks, "links", |b| b.contains("](@/campaigns/"));
    put(
        &root,
        "content/profiles/ho-van-an.md",
        &format!(
            "+++\nname = \"Hồ Văn Ân\"\nkind = \"individual\"\nunit = \"Xã Trà Bùi\"\nyear = 2023\n+++\n\n{links}"
        ),
    );

    let report = build_site(&BuildOptions {
        root: root.clone(),
        output_dir: Some(dir.path().join("public")),
        lang: Some(Lang::En),
        ..BuildOptions::default()
    })
    .unwrap_or_else(|problems| panic!("the examples of docs/content.md do not build:\n{problems}"));
    assert_eq!(report.profiles, 2);
    let list_page = dir.path().join("public/khen-thuong/631-ubnd/index.html");
    let html = fs::read_to_string(&list_page).expect("the award list's page");
    assert!(
        html.contains("Phòng Chính sách Dân tộc"),
        "the CSV's recipient is missing"
    );
}
