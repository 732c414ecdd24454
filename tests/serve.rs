//! `vinhdanh serve`: what the preview serves, and how it follows edits.
//! Each test runs the binary on a free port against a copy of a fixture.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::time::Duration;

use common::TestSite;
use common::server::{Server, Start, save_by_rename};
use vinhdanh::BuildOptions;
use vinhdanh::serve::rebuild::{Quick, Rebuilder, Rebuilt};

const PROFILE: &str = "content/profiles/le-van-an.md";
const OVERLAY: &str = "id=\"vinhdanh-errors\"";

fn read(site: &TestSite, rel: &str) -> String {
    std::fs::read_to_string(site.root().join(rel)).expect("read a fixture file")
}

#[test]
fn serves_the_built_site_with_its_own_address_and_drafts() {
    let site = TestSite::fixture("basic");
    let server = Server::start(&site.root());

    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(
        home.body.contains(&format!(
            "<link rel=\"canonical\" href=\"{}/\">",
            server.url()
        )),
        "base_url is the server's"
    );
    assert!(
        home.body.contains("data-vinhdanh-reload"),
        "the live-reload script is in the page"
    );

    let draft = server.get("/ho-so/ban-nhap/");
    assert_eq!(draft.status, 200, "drafts are served");
    assert!(draft.body.contains("draft-mark"), "and marked as drafts");

    assert_eq!(
        server.get("/style.css").header("content-type"),
        Some("text/css; charset=utf-8")
    );
    assert_eq!(
        server.get("/atom.xml").header("content-type"),
        Some("application/atom+xml; charset=utf-8")
    );
    assert_eq!(
        server.get("/robots.txt").header("content-type"),
        Some("text/plain; charset=utf-8")
    );

    let redirect = server.get("/ho-so/le-van-an");
    assert_eq!(redirect.status, 308);
    assert_eq!(redirect.header("location"), Some("/ho-so/le-van-an/"));

    let missing = server.get("/khong-co/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("<html lang=\"vi\""),
        "the site's 404 page"
    );
    let missing_en = server.get("/en/nothing/");
    assert_eq!(missing_en.status, 404);
    assert!(
        missing_en.body.contains("<html lang=\"en\""),
        "the English 404 page under /en/"
    );

    for source in [
        "/site.toml",
        "/content/profiles/le-van-an.md",
        "/content/awards/ubdt-2022.csv",
    ] {
        assert_eq!(
            server.get(source).status,
            404,
            "{source} is a source file, never served"
        );
    }
    assert!(!site.out().exists(), "serve never writes the output folder");

    // Open data is held and sent in pieces (each award list's records
    // apart): what is sent is what a build writes, its length said.
    let options = BuildOptions {
        base_url: Some(format!("{}/", server.url())),
        ..site.options()
    };
    site.build_with(options).expect("the build");
    for file in ["du-lieu/khen-thuong.json", "en/data/awards.csv"] {
        let served = server.get(&format!("/{file}"));
        let built = std::fs::read_to_string(site.out().join(file)).expect("built");
        assert!(
            built.contains("631/QĐ-UBND") && built.contains("45/QĐ-UBDT"),
            "{file} holds both lists"
        );
        assert_eq!(served.body, built, "{file} as served");
        let length = built.len().to_string();
        assert_eq!(served.header("content-length"), Some(length.as_str()));
    }
}

#[test]
fn follows_edits_additions_deletions_and_broken_content() {
    let site = TestSite::fixture("basic");
    let server = Server::start(&site.root());
    let page = "/ho-so/le-van-an/";
    let original = read(&site, PROFILE);

    // A plain write.
    site.write(PROFILE, &format!("{original}\nCâu thứ nhất được thêm.\n"));
    server.wait_for(
        page,
        |r| r.body.contains("Câu thứ nhất được thêm."),
        "plain write",
    );

    // Write a temporary file, rename it over the original.
    save_by_rename(
        &site.root().join(PROFILE),
        &format!("{original}\nCâu lưu bằng đổi tên.\n"),
    );
    let r = server.wait_for(
        page,
        |r| r.body.contains("Câu lưu bằng đổi tên."),
        "temp file renamed over",
    );
    assert!(!r.body.contains("Câu thứ nhất được thêm."));

    // A changed front matter (not only text) is seen too.
    site.write(PROFILE, &original.replace("Văn phòng Ban", "Vụ Tổng hợp"));
    server.wait_for(
        page,
        |r| r.body.contains("Vụ Tổng hợp"),
        "front matter edit",
    );

    // A new profile, in a new year, gets its pages; the list shows it.
    let new = "content/profiles/hoang-van-moi.md";
    site.write(new, "+++\nname = \"Hoàng Văn Mới\"\nkind = \"individual\"\nunit = \"Phòng Mới\"\nyear = 2031\n+++\n\nMới thêm.\n");
    server.wait_for(
        "/ho-so/hoang-van-moi/",
        |r| r.status == 200 && r.body.contains("Mới thêm."),
        "new profile",
    );
    server.wait_for(
        "/nam/2031/",
        |r| r.status == 200 && r.body.contains("Hoàng Văn Mới"),
        "new year page",
    );
    server.wait_for(
        "/en/profiles/hoang-van-moi/",
        |r| r.status == 200,
        "new profile in English",
    );

    // Deleted: its pages and its year go away.
    site.remove(new);
    server.wait_for(
        "/ho-so/hoang-van-moi/",
        |r| r.status == 404,
        "deleted profile",
    );
    server.wait_for("/nam/2031/", |r| r.status == 404, "year without profiles");

    // Broken: the last good build stays, with the error drawn into every page.
    site.write(
        PROFILE,
        &original.replace(
            "kind = \"individual\"",
            "kind = \"individual\"\nnmae = \"typo\"",
        ),
    );
    let broken = server.wait_for(
        page,
        |r| r.body.contains(OVERLAY),
        "overlay on the edited page",
    );
    assert_eq!(broken.status, 200, "the last good build is still served");
    assert!(broken.body.contains("Vụ Tổng hợp"), "with its content");
    assert!(
        broken.body.contains("content/profiles/le-van-an.md:4:1"),
        "the overlay names the file and line: {}",
        broken.body
    );
    assert!(broken.body.contains("nmae"), "and says what is wrong");
    let other = server.get("/nam/");
    assert!(
        other.body.contains(OVERLAY),
        "every HTML page carries the overlay"
    );
    assert!(
        !server.get("/style.css").body.contains(OVERLAY),
        "other files do not"
    );

    // Fixed: the overlay goes, the fix shows.
    site.write(PROFILE, &format!("{original}\nĐã sửa xong.\n"));
    let fixed = server.wait_for(
        page,
        |r| !r.body.contains(OVERLAY),
        "overlay gone after the fix",
    );
    assert!(fixed.body.contains("Đã sửa xong."));
    assert!(!server.get("/nam/").body.contains(OVERLAY));
}

#[test]
fn editor_temporary_files_do_not_break_anything() {
    let site = TestSite::fixture("basic");
    let server = Server::start(&site.root());
    for junk in [
        "content/profiles/.le-van-an.md.swp",
        "content/profiles/le-van-an.md~",
        "content/profiles/4913",
        "content/profiles/.#le-van-an.md",
    ] {
        site.write(junk, "not a profile +++");
    }
    let original = read(&site, PROFILE);
    site.write(PROFILE, &format!("{original}\nVẫn ổn.\n"));
    let r = server.wait_for(
        "/ho-so/le-van-an/",
        |r| r.body.contains("Vẫn ổn."),
        "edit beside editor files",
    );
    assert!(
        !r.body.contains(OVERLAY),
        "editor files are not content: {}",
        r.body
    );
}

#[test]
fn live_reload_events_name_the_changed_pages() {
    let site = TestSite::fixture("basic");
    let server = Server::start(&site.root());
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(20))).ok();
    stream
        .write_all(b"GET /__vinhdanh/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        .expect("subscribe");
    let mut lines = BufReader::new(stream).lines();
    let mut next_data = |event: &str| -> String {
        let mut current = String::new();
        for line in lines.by_ref() {
            let line = line.expect("read the event stream");
            if let Some(name) = line.strip_prefix("event: ") {
                current = name.to_owned();
            } else if let Some(data) = line.strip_prefix("data: ")
                && current == event
            {
                return data.to_owned();
            }
        }
        panic!("the event stream ended before a {event} event");
    };
    assert!(!next_data("hello").is_empty(), "hello names the build");

    let original = read(&site, PROFILE);
    site.write(PROFILE, &format!("{original}\nTải lại.\n"));
    let reload = next_data("reload");
    assert!(
        reload.contains("\"ho-so/le-van-an/index.html\""),
        "{reload}"
    );
    assert!(reload.contains("\"all\":false"), "{reload}");
    assert!(
        !reload.contains("\"ho-so/h-hen-nie/index.html\""),
        "unchanged pages are not named: {reload}"
    );

    site.write(PROFILE, "+++\nbroken");
    assert!(
        next_data("reload").contains("\"all\":true"),
        "a broken build reloads every page (the overlay comes)"
    );
    site.write(PROFILE, &original);
    assert!(
        next_data("reload").contains("\"all\":true"),
        "so does the fix (the overlay goes)"
    );
}

#[test]
fn requests_cannot_leave_the_site() {
    let site = TestSite::fixture("basic");
    site.write("static/ok.txt", "served\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        site.root().join("site.toml"),
        site.root().join("static/leak.toml"),
    )
    .expect("symlink");
    let server = Server::start(&site.root());
    assert_eq!(server.get("/ok.txt").body, "served\n");

    for raw in [
        "/../site.toml",
        "/../../../../etc/passwd",
        "/ho-so/../../site.toml",
        "/%2e%2e/site.toml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/..%2fsite.toml",
        "/%2e%2e%2fsite.toml",
        "/ho-so%2f..%2f..%2fsite.toml",
        "/..%5csite.toml",
        "/..\\site.toml",
        "//etc/passwd",
        "/%00",
        "/leak.toml",
        "http://127.0.0.1/../site.toml",
        "/static/ok.txt",
    ] {
        let r = server.get(raw);
        assert!(matches!(r.status, 400 | 404), "{raw}: status {}", r.status);
        assert!(
            !r.body.contains("base_url") && !r.body.contains("root:"),
            "{raw} leaked a file: {}",
            r.body
        );
    }
}

#[test]
fn a_port_in_use_is_explained() {
    let site = TestSite::fixture("basic");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("address").port().to_string();
    let (code, _, stderr) = site.run(&["serve", "--port", &port, "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains(&format!("port {port} on 127.0.0.1 is already in use")),
        "{stderr}"
    );
    assert!(stderr.contains("--port"), "with a hint: {stderr}");
}

fn serve_options(site: &TestSite) -> BuildOptions {
    let root = site.root().canonicalize().expect("site root");
    BuildOptions {
        root,
        output_dir: None,
        base_url: Some("http://127.0.0.1:1111".into()),
        drafts: true,
        lang: None,
        cache_dir: Some(site.cache()),
    }
}

/// Every file of a full build, for comparison.
fn full_build(site: &TestSite) -> Vec<(String, Vec<u8>)> {
    let built = Rebuilder::new(serve_options(site))
        .rebuild(&[], false)
        .unwrap_or_else(|e| panic!("full build failed:\n{e}"));
    files_of(&built.site)
}

fn files_of(site: &vinhdanh::serve::memory::MemorySite) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = site
        .iter()
        .map(|(p, b)| (p.to_owned(), b.to_vec()))
        .collect();
    files.sort();
    files
}

/// After each step the rebuilt site must be byte for byte what a full
/// build of the same files gives: the incremental paths (text-only edits,
/// reassembly, static files) must never leave a stale page behind.
#[test]
fn incremental_rebuilds_equal_a_full_build() {
    let site = TestSite::fixture("basic");
    site.write("static/notes.txt", "one\n");
    let mut rebuilder = Rebuilder::new(serve_options(&site));
    rebuilder
        .rebuild(&[], false)
        .unwrap_or_else(|e| panic!("first build failed:\n{e}"));
    let root = serve_options(&site).root;
    let original = read(&site, PROFILE);
    let dao = read(&site, "content/profiles/nguyen-thi-dao.md");

    type Step<'a> = (
        &'a str,
        Box<dyn Fn(&TestSite) -> Vec<&'static str> + 'a>,
        bool,
    );
    // Steps after which every page is rendered again; the others must render fewer.
    let renders_all = ["template", "site.toml"];
    let steps: Vec<Step> = vec![
        (
            "text only",
            Box::new(|s| {
                s.write(PROFILE, &format!("{original}\nThêm một câu.\n"));
                vec![PROFILE]
            }),
            true,
        ),
        (
            "first paragraph (the summary) only",
            Box::new(|s| {
                s.write(PROFILE, &original.replace("Anh An.", "Anh An, người mới."));
                vec![PROFILE]
            }),
            true,
        ),
        (
            "front matter",
            Box::new(|s| {
                s.write(PROFILE, &original.replace("year = 2021", "year = 2019"));
                vec![PROFILE]
            }),
            true,
        ),
        (
            "translation text",
            Box::new(|s| {
                let en = read(s, "content/profiles/nguyen-thi-dao.en.md");
                s.write(
                    "content/profiles/nguyen-thi-dao.en.md",
                    &format!("{en}\nOne more line.\n"),
                );
                vec!["content/profiles/nguyen-thi-dao.en.md"]
            }),
            true,
        ),
        (
            "new translation",
            Box::new(|s| {
                s.write(
                    "content/profiles/le-van-an.en.md",
                    "+++\nname = \"Le Van An\"\n+++\n\nMr An.\n",
                );
                vec!["content/profiles/le-van-an.en.md"]
            }),
            true,
        ),
        (
            "new profile sorting first",
            Box::new(|s| {
                s.write("content/profiles/a-moi.md", "+++\nname = \"Ân Mới\"\nkind = \"individual\"\nunit = \"Phòng\"\nyear = 2030\ncampaigns = [\"dan-van-kheo\"]\n+++\n\nMới.\n");
                vec!["content/profiles/a-moi.md"]
            }),
            true,
        ),
        (
            "campaign text",
            Box::new(|s| {
                let c = read(s, "content/campaigns/dan-van-kheo.md");
                s.write(
                    "content/campaigns/dan-van-kheo.md",
                    &format!("{c}\nThêm mô tả.\n"),
                );
                vec!["content/campaigns/dan-van-kheo.md"]
            }),
            true,
        ),
        (
            "award list",
            Box::new(|s| {
                let a = read(s, "content/awards/qd-631-2021.toml");
                s.write(
                    "content/awards/qd-631-2021.toml",
                    &a.replacen("2021", "2020", 1),
                );
                vec!["content/awards/qd-631-2021.toml"]
            }),
            true,
        ),
        (
            "recipients CSV",
            Box::new(|s| {
                let csv = read(s, "content/awards/ubdt-2022.csv");
                s.write(
                    "content/awards/ubdt-2022.csv",
                    &format!("{csv}Nguyễn Văn Thêm;;;Cá nhân;\n"),
                );
                vec!["content/awards/ubdt-2022.csv"]
            }),
            true,
        ),
        (
            "award added",
            Box::new(|s| {
                let an = read(s, PROFILE);
                s.write(
                    PROFILE,
                    &an.replacen(
                        "+++\n\n",
                        "\n[[awards]]\naward = \"lao-dong-tien-tien\"\nyear = 2021\n+++\n\n",
                        1,
                    ),
                );
                vec![PROFILE]
            }),
            true,
        ),
        (
            "campaign key",
            Box::new(|s| {
                let an = read(s, PROFILE);
                s.write(
                    PROFILE,
                    &an.replacen(
                        "kind = \"individual\"\n",
                        "kind = \"individual\"\ncampaigns = [\"nong-thon-moi\"]\n",
                        1,
                    ),
                );
                vec![PROFILE]
            }),
            true,
        ),
        (
            "translation front matter",
            Box::new(|s| {
                let en = read(s, "content/profiles/nguyen-thi-dao.en.md");
                s.write(
                    "content/profiles/nguyen-thi-dao.en.md",
                    &en.replace(
                        "position = \"Specialist\"",
                        "position = \"Senior specialist\"",
                    ),
                );
                vec!["content/profiles/nguyen-thi-dao.en.md"]
            }),
            true,
        ),
        (
            "award list reason",
            Box::new(|s| {
                let a = read(s, "content/awards/qd-631-2021.toml");
                s.write(
                    "content/awards/qd-631-2021.toml",
                    &a.replace("Đã có thành tích xuất sắc", "Đã có thành tích rất xuất sắc"),
                );
                vec!["content/awards/qd-631-2021.toml"]
            }),
            true,
        ),
        (
            "recipients CSV row",
            Box::new(|s| {
                let csv = read(s, "content/awards/ubdt-2022.csv");
                s.write(
                    "content/awards/ubdt-2022.csv",
                    &csv.replace("Hà Thị Mai", "Hà Thị Mai Anh"),
                );
                vec!["content/awards/ubdt-2022.csv"]
            }),
            true,
        ),
        (
            "unit spelled otherwise in a CSV row",
            Box::new(|s| {
                // The unit's label is its most frequent spelling: every row
                // naming the unit changes, not only this one.
                let csv = read(s, "content/awards/ubdt-2022.csv");
                let upper = "BAN DÂN TỘC TỈNH CAO BẰNG";
                s.write(
                    "content/awards/ubdt-2022.csv",
                    &format!(
                        "{}Lê Văn Mới;;{upper};Cá nhân;\n",
                        csv.replace("Ban Dân tộc tỉnh Cao Bằng", upper)
                    ),
                );
                vec!["content/awards/ubdt-2022.csv"]
            }),
            true,
        ),
        (
            "campaign front matter",
            Box::new(|s| {
                let c = read(s, "content/campaigns/nong-thon-moi.md");
                s.write(
                    "content/campaigns/nong-thon-moi.md",
                    &c.replacen("+++\n", "+++\nslogan = \"Chung sức\"\n", 1),
                );
                vec!["content/campaigns/nong-thon-moi.md"]
            }),
            true,
        ),
        (
            "deleted translation",
            Box::new(|s| {
                s.remove("content/profiles/le-van-an.en.md");
                vec!["content/profiles/le-van-an.en.md"]
            }),
            true,
        ),
        (
            "broken profile",
            Box::new(|s| {
                s.write("content/profiles/nguyen-thi-dao.md", "+++\nname = \n");
                vec!["content/profiles/nguyen-thi-dao.md"]
            }),
            false,
        ),
        (
            "another edit while broken",
            Box::new(|s| {
                s.write(PROFILE, &format!("{original}\nTrong lúc hỏng.\n"));
                vec![PROFILE]
            }),
            false,
        ),
        (
            "fixed",
            Box::new(|s| {
                s.write(
                    "content/profiles/nguyen-thi-dao.md",
                    &format!("{dao}\nĐã sửa.\n"),
                );
                vec!["content/profiles/nguyen-thi-dao.md"]
            }),
            true,
        ),
        (
            "renamed profile",
            Box::new(|s| {
                std::fs::rename(
                    s.root().join("content/profiles/a-moi.md"),
                    s.root().join("content/profiles/b-moi.md"),
                )
                .expect("rename");
                vec!["content/profiles/a-moi.md", "content/profiles/b-moi.md"]
            }),
            true,
        ),
        (
            "deleted profile",
            Box::new(|s| {
                s.remove("content/profiles/b-moi.md");
                vec!["content/profiles/b-moi.md"]
            }),
            true,
        ),
        (
            "new profile with a translation",
            Box::new(|s| {
                s.write("content/profiles/c-moi.md", "+++\nname = \"Cao Mới\"\nkind = \"individual\"\nunit = \"Phòng\"\nyear = 2022\n+++\n\nMới.\n");
                s.write(
                    "content/profiles/c-moi.en.md",
                    "+++\nname = \"Cao New\"\n+++\n\nNew.\n",
                );
                vec!["content/profiles/c-moi.md", "content/profiles/c-moi.en.md"]
            }),
            true,
        ),
        (
            "deleted with its translation",
            Box::new(|s| {
                s.remove("content/profiles/c-moi.md");
                s.remove("content/profiles/c-moi.en.md");
                vec!["content/profiles/c-moi.md", "content/profiles/c-moi.en.md"]
            }),
            true,
        ),
        (
            "new award list with its spreadsheet",
            Box::new(|s| {
                s.write(
                    "content/awards/moi-2023.csv",
                    "Họ và tên;Chức vụ;Đơn vị;Loại;Hồ sơ\nTrần Văn Mới;;Phòng Mới;Cá nhân;\n",
                );
                s.write(
                    "content/awards/moi-2023.toml",
                    "decision = \"9/QĐ-UBND\"\nyear = 2023\naward = \"giay-khen\"\nrecipients_csv = \"moi-2023.csv\"\n",
                );
                vec![
                    "content/awards/moi-2023.csv",
                    "content/awards/moi-2023.toml",
                ]
            }),
            true,
        ),
        (
            "new profile in a folder of its own",
            Box::new(|s| {
                s.write("content/profiles/d-moi/index.md", "+++\nname = \"Đinh Mới\"\nkind = \"individual\"\nunit = \"Phòng\"\nyear = 2022\n+++\n\nMới.\n");
                vec!["content/profiles/d-moi"]
            }),
            true,
        ),
        (
            "folder deleted",
            Box::new(|s| {
                std::fs::remove_dir_all(s.root().join("content/profiles/d-moi")).expect("remove");
                vec!["content/profiles/d-moi"]
            }),
            true,
        ),
        (
            "static file",
            Box::new(|s| {
                s.write("static/notes.txt", "two\n");
                vec!["static/notes.txt"]
            }),
            true,
        ),
        (
            "template",
            Box::new(|s| {
                s.write("templates/404.html", "{% extends \"base.html\" %}{% block content %}<p>Không có trang này.</p>{% endblock %}");
                vec!["templates/404.html"]
            }),
            true,
        ),
        (
            "site.toml",
            Box::new(|s| {
                let config = read(s, "site.toml");
                s.write(
                    "site.toml",
                    &config.replace("paginate_by = 3", "paginate_by = 2"),
                );
                vec!["site.toml"]
            }),
            true,
        ),
    ];
    // Steps whose edited pages show first, before the whole site.
    let first_looks = [
        "front matter",
        "translation text",
        "campaign text",
        "new translation",
        "new profile sorting first",
        "award list",
        "recipients CSV",
        "award added",
        "campaign key",
        "translation front matter",
        "award list reason",
        "recipients CSV row",
        "unit spelled otherwise in a CSV row",
        "campaign front matter",
        "deleted translation",
        "renamed profile",
        "deleted profile",
        "new profile with a translation",
        "deleted with its translation",
    ];
    for (name, step, succeeds) in steps {
        let changed: Vec<PathBuf> = step(&site).into_iter().map(|rel| root.join(rel)).collect();
        let quick = rebuilder.quick(&changed, false);
        assert_eq!(
            matches!(quick, Some(Quick::First(_))),
            first_looks.contains(&name),
            "{name}: a first look"
        );
        let result = match quick {
            Some(Quick::Done(rebuilt)) => Ok(rebuilt),
            Some(Quick::First(look)) => {
                let full = full_build(&site);
                first_look_agrees(name, &look, &full);
                rebuilder.rebuild(&[], false)
            }
            None => rebuilder.rebuild(&[], false),
        };
        assert_eq!(result.is_ok(), succeeds, "{name}: {:?}", result.err());
        let Ok(rebuilt) = result else { continue };
        let incremental = files_of(&rebuilt.site);
        let full = full_build(&site);
        let html_pages = full.iter().filter(|(p, _)| p.ends_with(".html")).count();
        assert_eq!(
            rebuilt.rendered >= html_pages,
            renders_all.contains(&name),
            "{name}: {} pages rendered of {html_pages}",
            rebuilt.rendered
        );
        let paths =
            |files: &[(String, Vec<u8>)]| files.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
        assert_eq!(paths(&incremental), paths(&full), "{name}: the same files");
        for ((path, a), (_, b)) in incremental.iter().zip(&full) {
            assert!(
                a == b,
                "{name}: {path} differs from a full build:\n{}\n---\n{}",
                String::from_utf8_lossy(a),
                String::from_utf8_lossy(b)
            );
        }
    }
}

/// While the whole site is built after a first look, a new edit makes it
/// give way: the new edit gets its first look at once, on top of the
/// first one, and the whole site built afterwards is a full build's.
#[test]
fn the_whole_site_gives_way_to_the_next_edit() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let site = TestSite::fixture("basic");
    let mut rebuilder = Rebuilder::new(serve_options(&site));
    let next_edit = Arc::new(AtomicBool::new(false));
    rebuilder.yield_to(Arc::clone(&next_edit));
    rebuilder
        .rebuild(&[], false)
        .unwrap_or_else(|e| panic!("first build failed:\n{e}"));
    let root = serve_options(&site).root;
    let an = read(&site, PROFILE);
    let page = "ho-so/le-van-an/index.html";
    let shown = |look: &Rebuilt| {
        String::from_utf8_lossy(&look.site.get(page).expect("the page").to_vec()).into_owned()
    };

    site.write(
        PROFILE,
        &an.replacen("+++\n", "+++\nposition = \"Chức vụ một\"\n", 1),
    );
    let Some(Quick::First(look)) = rebuilder.quick(&[root.join(PROFILE)], false) else {
        panic!("a first look at the first edit");
    };
    assert!(shown(&look).contains("Chức vụ một"));
    // The second edit arrives while the whole site is built.
    next_edit.store(true, Ordering::Release);
    let given_way = rebuilder.rebuild(&[], false);
    assert!(given_way.is_err() && rebuilder.gave_way(), "gave way");
    next_edit.store(false, Ordering::Release);

    site.write(
        "content/campaigns/nong-thon-moi.md",
        &read(&site, "content/campaigns/nong-thon-moi.md").replacen(
            "+++\n",
            "+++\nslogan = \"Khẩu hiệu hai\"\n",
            1,
        ),
    );
    let campaign = root.join("content/campaigns/nong-thon-moi.md");
    let Some(Quick::First(look)) = rebuilder.quick(&[campaign], false) else {
        panic!("a first look at the second edit");
    };
    assert!(
        shown(&look).contains("Chức vụ một"),
        "the first edit still shows"
    );
    let campaign_page = String::from_utf8_lossy(
        &look
            .site
            .get("phong-trao/nong-thon-moi/index.html")
            .expect("the campaign")
            .to_vec(),
    )
    .into_owned();
    assert!(campaign_page.contains("Khẩu hiệu hai"), "{campaign_page}");

    let rebuilt = rebuilder
        .rebuild(&[], false)
        .unwrap_or_else(|e| panic!("the whole site:\n{e}"));
    assert!(!rebuilder.gave_way());
    assert_eq!(
        files_of(&rebuilt.site),
        full_build(&site),
        "a full build's files"
    );
}

/// A first look shows the edited pages as the whole build will: every file
/// it changed is the full build's, byte for byte, or gone from it too; and
/// it changed something.
fn first_look_agrees(name: &str, look: &Rebuilt, full: &[(String, Vec<u8>)]) {
    assert!(
        !look.changed.is_empty(),
        "{name}: the first look shows the edit"
    );
    for path in &look.changed {
        let now = look.site.get(path);
        let after = full.iter().find(|(p, _)| p == path).map(|(_, b)| b);
        match (now, after) {
            (None, None) => {}
            (Some(a), Some(b)) => assert!(
                a.to_vec() == *b,
                "{name}: {path} first shown differs from a full build:\n{}\n---\n{}",
                String::from_utf8_lossy(&a.to_vec()),
                String::from_utf8_lossy(b)
            ),
            (a, b) => panic!(
                "{name}: {path} first shown: {}, in a full build: {}",
                a.is_some(),
                b.is_some()
            ),
        }
    }
}

/// Rebuilds after `changed`, asserts every file equals a full build's, and
/// returns them.
fn rebuild_equals_full(
    name: &str,
    rebuilder: &mut Rebuilder,
    site: &TestSite,
    changed: &[&str],
) -> Vec<(String, Vec<u8>)> {
    let root = serve_options(site).root;
    let changed: Vec<PathBuf> = changed.iter().map(|rel| root.join(rel)).collect();
    let rebuilt = rebuilder
        .rebuild(&changed, false)
        .unwrap_or_else(|e| panic!("{name}: rebuild failed:\n{e}"));
    let incremental = files_of(&rebuilt.site);
    let full = full_build(site);
    let paths =
        |files: &[(String, Vec<u8>)]| files.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&incremental), paths(&full), "{name}: the same files");
    for ((path, a), (_, b)) in incremental.iter().zip(&full) {
        assert!(
            a == b,
            "{name}: {path} differs from a full build:\n{}\n---\n{}",
            String::from_utf8_lossy(a),
            String::from_utf8_lossy(b)
        );
    }
    incremental
}

/// Issue 18, item 5: a profile linking `@/profiles/x.md` kept linking to x's
/// old address after x got a new slug, because link targets were not among
/// a page's inputs; only x's own pages were rendered again.
#[test]
fn a_new_slug_renders_again_the_pages_that_link_to_it() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/profiles/lien-ket.md",
        "+++\nname = \"Hà Liên Kết\"\nkind = \"individual\"\nunit = \"Phòng\"\nyear = 2021\n+++\n\nXem [chị H'Hen](@/profiles/h-hen-nie.md).\n",
    );
    let mut rebuilder = Rebuilder::new(serve_options(&site));
    rebuilder
        .rebuild(&[], false)
        .unwrap_or_else(|e| panic!("first build failed:\n{e}"));
    let hen = read(&site, "content/profiles/h-hen-nie.md");
    site.write(
        "content/profiles/h-hen-nie.md",
        &hen.replacen("+++\n", "+++\nslug = \"hen-moi\"\n", 1),
    );
    let files = rebuild_equals_full(
        "new slug",
        &mut rebuilder,
        &site,
        &["content/profiles/h-hen-nie.md"],
    );
    let linking = files
        .iter()
        .find(|(p, _)| p == "ho-so/lien-ket/index.html")
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .expect("the linking profile's page");
    assert!(linking.contains("href=\"/ho-so/hen-moi/\""), "{linking}");
}

/// Issue 18, item 5: the served sitemap kept the old order after a profile
/// was renamed (same pages, another order), because only a change in the
/// set of pages rendered it again.
#[test]
fn a_renamed_profile_moves_in_the_sitemap() {
    let site = TestSite::fixture("basic");
    let mut rebuilder = Rebuilder::new(serve_options(&site));
    rebuilder
        .rebuild(&[], false)
        .unwrap_or_else(|e| panic!("first build failed:\n{e}"));
    let an = read(&site, PROFILE);
    site.write(PROFILE, &an.replacen("Lê Văn An", "Lê Văn Ý", 1));
    rebuild_equals_full("renamed", &mut rebuilder, &site, &[PROFILE]);
}

/// Regression: before any build had succeeded, the overlay and the status
/// line said the page showed "the last good build", though there was none.
#[test]
fn a_site_broken_from_the_start_says_nothing_was_built_yet() {
    for (lang, overlay_words, status_words, untrue) in [
        (
            "vi",
            "Chưa dựng được gì",
            "Chưa dựng được gì: hãy sửa tệp và lưu lại.",
            "bản dựng tốt gần nhất",
        ),
        (
            "en",
            "Nothing built yet",
            "Nothing built yet: fix the file and save.",
            "last good build",
        ),
    ] {
        let site = TestSite::fixture("basic");
        site.write("content/profiles/le-van-an.md", "+++\nnmae = 1\n+++\n");
        let server = Server::start_with(
            &site.root(),
            &Start {
                broken: true,
                args: &["--lang", lang],
                ..Start::default()
            },
        );
        let page = server.get("/");
        assert!(page.body.contains(OVERLAY), "{}", page.body);
        assert!(page.body.contains(overlay_words), "{}", page.body);
        assert!(!page.body.contains(untrue), "{}", page.body);
        let started = std::time::Instant::now();
        while !server.stderr().contains(status_words) && started.elapsed() < Duration::from_secs(10)
        {
            std::thread::sleep(Duration::from_millis(50));
        }
        let said = server.stderr();
        assert!(said.contains(status_words), "{said}");
        assert!(!said.contains(untrue), "{said}");
    }
}

/// A recipient added to an award list shows, in the preview, on the pages
/// that list recipients: its year's, its award type's and its new unit's,
/// and the unit joins the index of units.
#[test]
fn a_recipient_added_to_a_list_reaches_the_year_award_type_and_unit_pages() {
    let site = TestSite::fixture("basic");
    let mut rebuilder = Rebuilder::new(serve_options(&site));
    rebuilder
        .rebuild(&[], false)
        .unwrap_or_else(|e| panic!("first build failed:\n{e}"));
    let list = read(&site, "content/awards/qd-631-2021.toml");
    site.write(
        "content/awards/qd-631-2021.toml",
        &format!("{list}\n[[recipients]]\nname = \"Lò Thị Mới\"\nkind = \"individual\"\nunit = \"Xã Mới\"\n"),
    );
    let files = rebuild_equals_full(
        "new recipient",
        &mut rebuilder,
        &site,
        &["content/awards/qd-631-2021.toml"],
    );
    let page = |path: &str| {
        files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_else(|| panic!("{path} was not built"))
    };
    for path in [
        "nam/2021/index.html",
        "hinh-thuc/bang-khen-cap-tinh/index.html",
        "don-vi/xa-moi/index.html",
        "en/units/xa-moi/index.html",
    ] {
        assert!(page(path).contains("Lò Thị Mới"), "{path}");
    }
    assert!(page("don-vi/index.html").contains("<a href=\"/don-vi/xa-moi/\">Xã Mới</a>"));
}

/// The preview makes open data from the bytes it keeps of each award list
/// and of each run of profiles' own awards: after an edit that changes one
/// run, a profile added and one removed, its files are what a build writes.
#[test]
fn open_data_from_kept_pieces_is_what_a_build_writes() {
    let site = TestSite::fixture("basic");
    let profile = |i: usize, year: usize| {
        format!(
            "+++\nname = \"Hồ Sơ {i}\"\nkind = \"individual\"\nunit = \"Phòng {i}\"\nyear = {year}\n\n[[awards]]\naward = \"lao-dong-tien-tien\"\nyear = {year}\n+++\n\nMột.\n"
        )
    };
    // Runs end at one profile in 32 on average: 150 make several.
    for i in 0..150 {
        site.write(
            &format!("content/profiles/ho-so-{i:03}.md"),
            &profile(i, 2015 + i % 8),
        );
    }
    let options = serve_options(&site);
    let root = options.root.clone();
    let mut rebuilder = Rebuilder::new(options.clone());
    let steps: [(&str, &dyn Fn() -> &'static str); 4] = [
        ("the first build", &|| ""),
        ("an award's year", &|| {
            site.write("content/profiles/ho-so-070.md", &profile(70, 2011));
            "content/profiles/ho-so-070.md"
        }),
        ("a profile added", &|| {
            site.write("content/profiles/ho-so-0705.md", &profile(705, 2016));
            "content/profiles/ho-so-0705.md"
        }),
        ("a profile removed", &|| {
            site.remove("content/profiles/ho-so-020.md");
            "content/profiles/ho-so-020.md"
        }),
    ];
    for (name, step) in steps {
        let changed: Vec<PathBuf> = match step() {
            "" => Vec::new(),
            rel => vec![root.join(rel)],
        };
        let rebuilt = rebuilder
            .rebuild(&changed, false)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        site.build_with(BuildOptions {
            output_dir: Some(site.out()),
            ..options.clone()
        })
        .unwrap_or_else(|e| panic!("{name}: the build: {e}"));
        let data: Vec<(String, Vec<u8>)> = files_of(&rebuilt.site)
            .into_iter()
            .filter(|(path, _)| path.starts_with("du-lieu/") || path.starts_with("en/data/"))
            .filter(|(path, _)| path.ends_with(".csv") || path.ends_with(".json"))
            .collect();
        assert!(data.len() > 4, "{name}: open data files: {}", data.len());
        for (path, bytes) in data {
            let built = std::fs::read(site.out().join(&path)).expect("built");
            assert!(
                bytes == built,
                "{name}: {path} differs from a build's:\n{}\n---\n{}",
                String::from_utf8_lossy(&bytes),
                String::from_utf8_lossy(&built)
            );
        }
    }
}
