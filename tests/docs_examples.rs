//! The examples of docs/content.md build: editors copy them, so a field
//! renamed in the code without the page must fail here, not in an agency.
//!
//! The examples of the basic fields are picked by how they start. An
//! example that names its file after the fence's language
//! (```` ```toml content/awards/x.toml ````) is written to that file: those
//! build together, on the page's site.toml.

use std::fs;
use std::path::Path;

use vinhdanh::{BuildOptions, Lang, build_site};

/// A fenced code block: the file it names after its language, if any, and
/// its text.
struct Block {
    file: Option<String>,
    text: String,
}

/// The fenced code blocks of a markdown file, without their fences.
fn code_blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    for line in markdown.lines() {
        if let Some(info) = line.strip_prefix("```") {
            match current.take() {
                Some(block) => blocks.push(block),
                None => {
                    current = Some(Block {
                        file: info.split_whitespace().nth(1).map(str::to_owned),
                        text: String::new(),
                    })
                }
            }
        } else if let Some(block) = current.as_mut() {
            block.text.push_str(line);
            block.text.push('\n');
        }
    }
    blocks
}

fn content_md() -> Vec<Block> {
    let doc = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/content.md"))
        .expect("docs/content.md");
    code_blocks(&doc)
}

/// The one block without a file name that `pick` selects.
fn block<'a>(blocks: &'a [Block], what: &str, pick: impl Fn(&str) -> bool) -> &'a str {
    let found: Vec<&Block> = blocks
        .iter()
        .filter(|b| b.file.is_none() && pick(&b.text))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "docs/content.md: expected one {what} example"
    );
    &found[0].text
}

fn put(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().expect("parent")).expect("folder");
    fs::write(path, text).expect("write");
}

#[test]
fn the_examples_of_docs_content_md_build_into_a_site() {
    let blocks = content_md();
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

/// The site of the examples that name their file: reports as they are
/// (no number, no date, counts, several award types), the two Bằng khen of
/// 2016, a campaign's documents, the agency. What the page says of them
/// is checked on the built pages.
#[test]
fn the_examples_that_name_their_file_build_as_the_page_says() {
    let blocks = content_md();
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("site");
    let config = block(&blocks, "site.toml", |b| b.starts_with("base_url = "));
    put(&root, "site.toml", config);
    let mut files = 0;
    for b in &blocks {
        if let Some(file) = &b.file {
            assert!(
                file.starts_with("content/") && !root.join(file).exists(),
                "docs/content.md: {file} is not a new file under content/"
            );
            put(&root, file, &b.text);
            files += 1;
        }
    }
    assert!(
        files >= 6,
        "docs/content.md: only {files} examples name their file"
    );
    let out = dir.path().join("public");
    build_site(&BuildOptions {
        root: root.clone(),
        output_dir: Some(out.clone()),
        lang: Some(Lang::En),
        ..BuildOptions::default()
    })
    .unwrap_or_else(|problems| panic!("the examples of docs/content.md do not build:\n{problems}"));
    let page = |rel: &str| {
        fs::read_to_string(out.join(rel)).unwrap_or_else(|_| panic!("{rel} was not built"))
    };

    // A list without number or date is titled by its award, year and issuer.
    let ltt = page("khen-thuong/ltt-2019-so-ldtbxh/index.html");
    assert!(
        ltt.contains(
            "<h1>Lao động tiên tiến 2019 – <span>Giám đốc Sở Lao động – Thương binh và Xã hội</span></h1>"
        ),
        "the title of a list without a number is not as docs/content.md says"
    );
    assert!(ltt.contains("21 cá nhân"));
    let en = page("en/awards/ltt-2019-so-ldtbxh/index.html");
    // The issuer is Vietnamese text on the English page, and marked so.
    assert!(en.contains("Advanced Worker 2019 – <span lang=\"vi\">"));
    assert!(en.contains("21 individuals"));
    // Several award types: "Khen thưởng", one decision in its year.
    let several = page("khen-thuong/khen-thuong-ban-dan-toc-2016/index.html");
    assert!(
        several.contains(
            "<h1>Khen thưởng 2016 – <span>Trưởng ban Ban Dân tộc tỉnh Cao Bằng</span></h1>"
        )
    );
    // The two Bằng khen of 2016 are two awards: both decisions show.
    let profile = page("ho-so/ban-dan-toc-cao-bang/index.html");
    assert!(profile.contains("1520/QĐ-UBND") && profile.contains("2875/QĐ-UBND"));
    assert!(profile.contains("Giai đoạn 2014–2019"));
    assert!(
        profile.contains("href=\"/khen-thuong/2875-qd-ubnd-2016/\""),
        "the @/awards/ link of the example does not lead to the decision"
    );
    // The profile's old address sends the reader on.
    let alias = page("ho-so/ban-dan-toc/index.html");
    assert!(
        alias.contains("http-equiv=\"refresh\"") && alias.contains("/ho-so/ban-dan-toc-cao-bang/"),
        "the example's alias does not lead to its profile"
    );
    // 2016: two Bằng khen to one collective, 4 + 4 + 21 counted.
    let year = page("nam/2016/index.html");
    assert!(
        year.contains("Lượt khen thưởng: 31"),
        "the year's total is not 2 Bằng khen and 29 counted"
    );
    // The counts beside names on a decision of several awards.
    let mixed = page("khen-thuong/125-qd-bdt-2021/index.html");
    assert!(mixed.contains("16 cá nhân và 1 tập thể"));
    // A campaign's documents, and the agency in every footer.
    let campaign = page("phong-trao/chung-tay-vi-nguoi-ngheo/index.html");
    assert!(campaign.contains("2093/KH-UBND"));
    assert!(campaign.contains("bandantoc@caobang.gov.vn"));
}
