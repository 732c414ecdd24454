//! Every word the tool prints is in the messages language: each command
//! (build, check, new, init, serve's status lines and start-up errors,
//! `--help`, mistyped commands), good and failing, run in Vietnamese has no
//! English line, and run in English no Vietnamese one (file names, quoted
//! values, the lines of an editor's file a report shows and a library's own
//! words after the marker that says so left out). Plurals are right in
//! English ("1 error", "2 errors"; Vietnamese nouns do not change).

mod common;

use std::time::{Duration, Instant};

use common::TestSite;
use common::english::{english_words, vietnamese_words};
use common::server::{Server, Start};

/// What a run printed, for messages.
struct Said {
    what: String,
    code: i32,
    text: String,
}

fn run(site: &TestSite, lang: &str, args: &[&str]) -> Said {
    let (code, stdout, stderr) = site.run_with_env(args, &[("VINHDANH_LANG", lang)]);
    Said {
        what: format!("vinhdanh {}", args.join(" ")),
        code,
        text: format!("{stdout}{stderr}"),
    }
}

/// Fails on any line of `said` in the other language than `lang`.
fn in_language(said: &Said, lang: &str) {
    assert!(
        !said.text.trim().is_empty(),
        "{} printed nothing",
        said.what
    );
    for line in said.text.lines() {
        let other = match lang {
            "vi" => english_words(line),
            _ => vietnamese_words(line),
        };
        assert!(
            other.is_empty(),
            "`{}` (exit {}) in {lang} printed {other:?} in:\n{line}\n\nall of it:\n{}",
            said.what,
            said.code,
            said.text
        );
    }
    if lang == "en" {
        for wrong in ["1 files", "1 errors", "1 pages", "1 profiles"] {
            let plural = said
                .text
                .match_indices(wrong)
                .any(|(i, _)| !said.text[..i].ends_with(|c: char| c.is_ascii_digit()));
            assert!(!plural, "`{}` printed {wrong:?}:\n{}", said.what, said.text);
        }
    }
}

/// Every command, good and failing, once in each language.
fn every_command(lang: &str) -> Vec<Said> {
    let mut said = Vec::new();
    let site = TestSite::fixture("basic");
    said.push(run(&site, lang, &["build"]));
    said.push(run(&site, lang, &["check"]));
    for args in [
        &["new", "profile", "Lê Thị Hồng"][..],
        &["new", "campaign", "Thi đua yêu nước"],
        &[
            "new",
            "awards",
            "631/QĐ-UBND",
            "--issuer",
            "UBND tỉnh",
            "--year",
            "2021",
        ],
        // It exists now: refused.
        &["new", "profile", "Lê Thị Hồng"],
        // Blanks left: errors.
        &["check"],
        &["build"],
    ] {
        said.push(run(&site, lang, args));
    }
    // One error, then several of several kinds.
    let site = TestSite::fixture("basic");
    site.write(
        "content/profiles/x.md",
        "+++\nname = \"X\"\nkind = \"individual\"\nunit = \"U\"\nyear = \"2020\"\n+++\n",
    );
    said.push(run(&site, lang, &["build"]));
    site.write(
        "content/profiles/y.md",
        "+++\nnmae = \"Y\"\nkind = \"person\"\nunit = \"U\"\nyear = 2020\ncampaigns = [\"khong-co\"]\n+++\n\n[link](@/profiles/khong-co.md)\n",
    );
    site.write("content/awards/ubdt-2022.csv", "Họ và tên;Loại\nAn;Người\n");
    site.write("content/campaigns/z.md", "name = \"Z\"\n");
    said.push(run(&site, lang, &["check"]));
    said.push(run(&site, lang, &["build"]));
    // site.toml broken.
    let site = TestSite::fixture("basic");
    site.write(
        "site.toml",
        "base_url = \"ftp://x\"\ndefault_language = \"vi\"\n[languages.vi]\ntitel = \"X\"\n",
    );
    said.push(run(&site, lang, &["build"]));
    // init, here and in a folder, and refused.
    let fresh = empty();
    said.push(run(&fresh, lang, &["init", "moi"]));
    said.push(run(&fresh, lang, &["init", "moi"]));
    said.push(run(&fresh, lang, &["init"]));
    // Not a site.
    let nothing = empty();
    for command in ["build", "check", "serve"] {
        said.push(run(&nothing, lang, &[command]));
    }
    said.push(run(&nothing, lang, &["new", "profile", "A"]));
    // --help of every command, and mistyped commands.
    for command in ["", "build", "serve", "check", "new", "init"] {
        let mut args: Vec<&str> = command.split_whitespace().collect();
        args.push("--help");
        said.push(run(&site, lang, &args));
    }
    let site = TestSite::fixture("basic");
    for args in [
        &["build", "--foo"][..],
        &["biuld"],
        &["new"],
        &["new", "person", "X"],
        &["serve", "--port", "abc"],
        &["serve", "--bind", "here"],
        &["new", "awards", "1", "--year", "12"],
        &["build", "--root"],
        &["build", "extra"],
        &["check", "--drafts", "--drafts"],
        &[],
    ] {
        said.push(run(&site, lang, args));
    }
    said
}

/// A folder with nothing in it.
fn empty() -> TestSite {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("site")).unwrap();
    TestSite { dir }
}

#[test]
fn every_command_speaks_vietnamese() {
    let said = every_command("vi");
    for s in &said {
        in_language(s, "vi");
    }
    // Some of the words, so that the test cannot pass on empty output.
    let all: String = said.iter().map(|s| s.text.as_str()).collect();
    for words in [
        "Đã dựng",
        "Không có lỗi nào.",
        "Đã tạo content/profiles/le-thi-hong.md",
        "Tìm thấy 1 lỗi;",
        "Đã tạo trang mới trong",
        "không phải thư mục của một trang vinhdanh",
        "Cách dùng: vinhdanh",
        "lỗi: không có tùy chọn '--foo'",
        "lỗi: không có lệnh 'biuld'",
    ] {
        assert!(all.contains(words), "{words:?} never printed");
    }
}

#[test]
fn every_command_speaks_english() {
    let said = every_command("en");
    for s in &said {
        in_language(s, "en");
    }
    let all: String = said.iter().map(|s| s.text.as_str()).collect();
    for words in [
        "Built 7 profiles",
        "No errors found.",
        "1 error found; nothing was written.",
        "Created a new site in",
        "Usage: vinhdanh",
        "unexpected argument '--foo'",
    ] {
        assert!(all.contains(words), "{words:?} never printed");
    }
}

/// A mistyped command exits 2, whatever the language.
#[test]
fn a_mistyped_command_exits_2_in_either_language() {
    let site = TestSite::fixture("basic");
    for lang in ["vi", "en"] {
        let said = run(&site, lang, &["build", "--foo"]);
        assert_eq!(said.code, 2, "{}", said.text);
        let said = run(&site, lang, &["build", "--help"]);
        assert_eq!(said.code, 0, "{}", said.text);
    }
}

/// Waits until `text()` holds `words`, for at most 20 s.
fn wait_for(text: impl Fn() -> String, words: &str) -> String {
    let started = Instant::now();
    loop {
        let now = text();
        if now.contains(words) || started.elapsed() > Duration::from_secs(20) {
            return now;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The preview's status lines: started, built, rebuilt, failed, fixed.
#[test]
fn the_preview_speaks_the_messages_language() {
    for (lang, words) in [
        (
            "vi",
            [
                "Đang phục vụ trang tại",
                "Đã dựng 8 hồ sơ",
                "Đã dựng lại",
                "Vẫn đang phục vụ bản dựng tốt gần nhất",
            ],
        ),
        (
            "en",
            [
                "Serving the site at",
                "Built 8 profiles",
                "Rebuilt in",
                "Still serving the last good build",
            ],
        ),
    ] {
        let site = TestSite::fixture("basic");
        let server = Server::start_with(
            &site.root(),
            &Start {
                args: &["--lang", lang],
                ..Start::default()
            },
        );
        wait_for(|| server.stdout(), words[1]);
        let profile = "content/profiles/le-van-an.md";
        let text = std::fs::read_to_string(site.root().join(profile)).unwrap();
        site.write(profile, &text.replace("Anh An.", "Anh An, cán bộ."));
        wait_for(|| server.stdout(), words[2]);
        site.write(profile, &text.replace("year = 2021", "year = \"2021\""));
        wait_for(|| server.stderr(), words[3]);
        let said = Said {
            what: format!("vinhdanh serve --lang {lang}"),
            code: 0,
            text: format!("{}\n{}", server.stdout(), server.stderr()),
        };
        for w in words {
            assert!(said.text.contains(w), "{w:?} not in:\n{}", said.text);
        }
        in_language(&said, lang);
        // A port in use.
        let port = server.port.to_string();
        let taken = run(&site, lang, &["serve", "--port", &port]);
        assert_eq!(taken.code, 1, "{}", taken.text);
        in_language(&taken, lang);
    }
}

/// The check itself: it finds English and leaves out what is not ours.
#[test]
fn english_is_found_and_what_is_not_the_tool_s_is_left_out() {
    assert_eq!(english_words("  -h, --help  Print help"), ["print", "help"]);
    assert!(
        english_words("      --root <THƯ_MỤC>  Thư mục của trang, nơi có site.toml").is_empty()
    );
    assert!(english_words("5 | name = \"the site\"").is_empty());
    assert!(english_words(" --> content/profiles/a.md:5:8").is_empty());
    assert!(english_words("  = thư viện TOML báo: invalid type: string").is_empty());
    assert!(english_words("hãy chạy vinhdanh check rồi `year` của 'the'").is_empty());
    assert_eq!(english_words("Tìm thấy 1 error."), ["error"]);
    assert_eq!(vietnamese_words("Found 1 lỗi in `năm`"), ["lỗi"]);
}
