//! `vinhdanh check` and `vinhdanh new`, and the output folder's safety:
//! refusals, whole replacement, and a build killed midway.

mod common;

use std::fs;
use std::path::Path;

use common::{TestSite, snapshot};

// check

#[test]
fn check_passes_a_good_site_writes_nothing_and_reports_translations() {
    let site = TestSite::fixture("basic");
    let (code, stdout, stderr) = site.run(&["check", "--lang", "en"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!site.out().exists(), "check wrote an output folder");
    assert!(stdout.contains("No errors found."), "{stdout}");
    assert!(stdout.contains("Translations into \"en\":"), "{stdout}");
    assert!(
        stdout.contains("profiles: 1 of 7 translated; warning: 6 not yet translated:"),
        "{stdout}"
    );
    assert!(
        stdout.contains("    content/profiles/le-van-an.md"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("content/profiles/nguyen-thi-dao.md"),
        "translated: {stdout}"
    );
    assert!(stdout.contains("campaigns: 1 of 2 translated"), "{stdout}");
    assert!(
        stdout.contains("    content/campaigns/nong-thon-moi.md"),
        "{stdout}"
    );
    // qd-631-2021 has issuer and reason in English; ubdt-2022's issuer is one plain text.
    assert!(
        stdout.contains("award lists: 1 of 2 translated"),
        "{stdout}"
    );
    assert!(
        stdout.contains("    content/awards/ubdt-2022.toml"),
        "{stdout}"
    );
    let (_, vi, _) = site.run(&["check"]);
    assert!(
        vi.contains("Bản dịch sang \"en\":")
            && vi.contains("hồ sơ: đã dịch 1/7; cảnh báo: 6 chưa dịch:"),
        "{vi}"
    );
}

#[test]
fn check_reports_every_error_and_writes_nothing() {
    let site = TestSite::fixture("basic").built();
    let before = snapshot(&site.out());
    site.write(
        "content/profiles/a.md",
        "+++\nname = \"A\"\nkind = \"person\"\nunit = \"U\"\nyear = 2021\n+++\n",
    );
    site.write(
        "content/awards/b.toml",
        "decision = \"1\"\ndate = 2021-01-01\nissuer = \"I\"\naward = \"giay-khen\"\n",
    );
    site.write(
        "content/campaigns/c.md",
        "+++\nname = \"C\"\nstart_year = 2030\nend_year = 2029\n+++\n",
    );
    let (code, stdout, stderr) = site.run(&["check", "--lang", "en"]);
    assert_eq!(code, 1, "{stderr}");
    for place in [
        "content/profiles/a.md:3:8",
        "content/awards/b.toml:1",
        "content/campaigns/c.md:4:12",
    ] {
        assert!(stderr.contains(place), "{place} in {stderr}");
    }
    assert!(stderr.contains("3 errors found."), "{stderr}");
    assert!(
        !stdout.contains("Translations"),
        "no report while the content is broken: {stdout}"
    );
    assert!(before == snapshot(&site.out()), "check changed the output");
}

#[test]
fn check_renders_every_page_so_template_errors_are_found() {
    let site = TestSite::fixture("basic");
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}\n{% block content %}{{ page.nothing.here }}{% endblock %}",
    );
    let (code, _, stderr) = site.run(&["check", "--lang", "en"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("templates/404.html:2"), "{stderr}");
}

#[test]
fn check_refuses_what_build_would_refuse() {
    let site = TestSite::fixture("basic");
    let text = fs::read_to_string(site.root().join("site.toml")).expect("site.toml");
    site.write("site.toml", &format!("output_dir = \".\"\n{text}"));
    let (code, _, stderr) = site.run(&["check", "--lang", "en"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("it is the site's own folder"), "{stderr}");
}

// new

/// `new`, then `check` names exactly the blanks; filled in, it passes and builds.
fn new_then_fill(kind: &str, name: &str, file: &str, blanks: &[(&str, &str)]) {
    let site = TestSite::fixture("basic");
    let (code, stdout, stderr) = site.run(&["new", kind, name, "--lang", "en"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains(file), "{stdout}");
    let text = fs::read_to_string(site.root().join(file)).expect("new file");
    let (code, _, stderr) = site.run(&["check", "--lang", "en"]);
    assert_eq!(code, 1, "{stderr}");
    let named: Vec<&str> = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("error: `")?.split('`').next())
        .collect();
    let wanted: Vec<&str> = blanks.iter().map(|(field, _)| *field).collect();
    assert_eq!(named, wanted, "check names exactly the blanks:\n{stderr}");
    assert!(
        stderr.contains("is still blank (___): fill it in"),
        "{stderr}"
    );
    let mut filled = text.clone();
    for (field, value) in blanks {
        filled = filled.replacen(
            &format!("{field} = \"___\""),
            &format!("{field} = {value}"),
            1,
        );
    }
    site.write(file, &filled);
    let (code, stdout, stderr) = site.run(&["check", "--lang", "en"]);
    assert_eq!(
        code, 0,
        "filled in, the new file passes:\n{stderr}\n{filled}"
    );
    assert!(stdout.contains("No errors found."));
    // It refuses to overwrite.
    let (code, _, stderr) = site.run(&["new", kind, name, "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("already exists"), "{stderr}");
    assert_eq!(
        fs::read_to_string(site.root().join(file)).expect("file"),
        filled,
        "not overwritten"
    );
}

#[test]
fn new_profile_is_named_after_its_slug_and_passes_once_filled() {
    new_then_fill(
        "profile",
        "Nguyễn Văn Bình",
        "content/profiles/nguyen-van-binh.md",
        &[
            ("kind", "\"individual\""),
            ("unit", "\"Sở Nội vụ\""),
            ("year", "2023"),
        ],
    );
}

#[test]
fn new_campaign_passes_at_once() {
    // Every field but the name is optional: reports rarely say when a
    // campaign began, so nothing is left blank to fill in.
    let site = TestSite::fixture("basic");
    let (code, stdout, stderr) =
        site.run(&["new", "campaign", "Thi đua yêu nước 2025", "--lang", "en"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("content/campaigns/thi-dua-yeu-nuoc-2025.md"),
        "{stdout}"
    );
    let text = fs::read_to_string(
        site.root()
            .join("content/campaigns/thi-dua-yeu-nuoc-2025.md"),
    )
    .expect("new file");
    for field in [
        "# start_year = ",
        "# level = ",
        "# [[documents]]",
        "# aliases = ",
    ] {
        assert!(text.contains(field), "{field} shown:\n{text}");
    }
    let (code, _, stderr) = site.run(&["check", "--lang", "en"]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn new_award_list_passes_once_filled() {
    new_then_fill(
        "awards",
        "12/QĐ-UBND",
        "content/awards/12-qd-ubnd.toml",
        &[
            ("date", "2024-03-01"),
            (
                "issuer",
                "{ vi = \"Chủ tịch UBND tỉnh\", en = \"Provincial Chairman\" }",
            ),
            ("award", "\"giay-khen\""),
            ("name", "\"Lò Văn Pọm\""),
            ("kind", "\"individual\""),
        ],
    );
}

#[test]
fn new_files_explain_every_field_in_the_site_language() {
    let site = TestSite::fixture("basic");
    let (code, _, stderr) = site.run(&["new", "profile", "Hà Thị Mai"]);
    assert_eq!(code, 0, "{stderr}");
    let text =
        fs::read_to_string(site.root().join("content/profiles/ha-thi-mai.md")).expect("file");
    for field in [
        "name",
        "sort_name",
        "kind",
        "unit",
        "position",
        "ethnicity",
        "year",
        "campaigns",
        "photo",
        "summary",
        "date",
        "slug",
        "draft",
        "award =",
        "decision",
        "issuer",
    ] {
        let line = text
            .lines()
            .find(|l| l.trim_start_matches("# ").starts_with(field))
            .unwrap_or_else(|| panic!("{field} missing:\n{text}"));
        assert!(line.contains("  # "), "{field} has a comment: {line}");
    }
    assert!(
        text.contains("họ và tên") && text.contains("không bắt buộc"),
        "Vietnamese comments:\n{text}"
    );
    let (code, _, _) = site.run(&["new", "campaign", "!!!"]);
    assert_eq!(code, 1, "a name without letters");
    let (code, _, _) = site.run(&["new", "poem", "x"]);
    assert_eq!(code, 2, "an unknown kind is a usage error");
}

// Output safety.

fn refused(site: &TestSite, output: &Path, why: &str) {
    let shown = output.to_string_lossy().into_owned();
    let (code, _, stderr) = site.run(&["build", "--lang", "en", "--output-dir", &shown]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("refusing to use") && stderr.contains(why),
        "{why}: {stderr}"
    );
}

#[test]
fn the_output_folder_may_not_be_the_site_its_ancestor_or_a_site() {
    let site = TestSite::fixture("basic");
    let before = snapshot(site.dir.path());
    refused(&site, &site.root(), "it is the site's own folder");
    refused(&site, Path::new("."), "it is the site's own folder");
    refused(&site, site.dir.path(), "it contains the site's folder");
    refused(&site, Path::new(".."), "it contains the site's folder");
    let other_site = site.dir.path().join("other");
    fs::create_dir_all(&other_site).expect("dir");
    fs::write(
        other_site.join("site.toml"),
        "base_url = \"https://x.vn\"\n",
    )
    .expect("write");
    refused(&site, &other_site, "it holds site.toml or content/");
    fs::remove_file(other_site.join("site.toml")).expect("remove");
    fs::create_dir_all(other_site.join("content")).expect("dir");
    refused(&site, &other_site, "it holds site.toml or content/");
    assert!(
        before == snapshot(site.dir.path()),
        "a refusal changed nothing"
    );
}

#[test]
fn the_output_folder_may_not_be_inside_a_folder_the_build_reads() {
    // Regression: `--output-dir static/out` copied each build back in as
    // static files (out/out/out/…); `--output-dir static` built once, then
    // every later build failed.
    let site = TestSite::fixture("basic");
    site.write(
        "static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let before = snapshot(site.dir.path());
    for inside in ["static/out", "static", "templates", "content/out", "i18n"] {
        refused(&site, Path::new(inside), "which vinhdanh reads");
    }
    refused(&site, &site.root().join("themes/x"), "it is inside themes/");
    assert!(
        before == snapshot(site.dir.path()),
        "a refusal changed nothing"
    );
}

#[test]
fn a_non_empty_folder_vinhdanh_did_not_make_is_refused() {
    let site = TestSite::fixture("basic");
    let docs = site.dir.path().join("docs");
    fs::create_dir_all(&docs).expect("dir");
    fs::write(docs.join("report.docx"), "an editor's own file").expect("write");
    refused(&site, &docs, "was not made by vinhdanh");
    assert_eq!(
        fs::read_to_string(docs.join("report.docx")).expect("kept"),
        "an editor's own file"
    );
    // An empty folder is fine, and once built it carries the marker.
    let empty = site.dir.path().join("empty");
    fs::create_dir_all(&empty).expect("dir");
    let (code, _, stderr) = site.run(&["build", "--output-dir", &empty.to_string_lossy()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(empty.join(vinhdanh::output::MARKER).is_file());
}

#[test]
fn a_successful_build_replaces_the_output_whole() {
    let site = TestSite::fixture("basic").built();
    site.write("public/leftover.html", "from an older build");
    site.remove("content/profiles/le-van-an.md");
    site.build().unwrap_or_else(|e| panic!("{e}"));
    assert!(!site.exists("leftover.html"), "old files are gone");
    assert!(
        !site.exists("ho-so/le-van-an/index.html"),
        "a removed profile's page is gone"
    );
    assert!(site.exists("index.html"));
}

/// Writes `n` profiles, enough for a debug build to take a while.
fn many_profiles(site: &TestSite, n: usize) {
    for i in 0..n {
        let body = "Đoạn văn mô tả thành tích của cá nhân điển hình tiên tiến. ".repeat(40);
        site.write(
            &format!("content/profiles/nguoi-{i}.md"),
            &format!("+++\nname = \"Người Thứ {i}\"\nkind = \"individual\"\nunit = \"Đơn vị {i}\"\nyear = {}\n+++\n\n{body}\n", 1990 + i % 30),
        );
    }
}

fn staging_folders(parent: &Path) -> Vec<String> {
    fs::read_dir(parent)
        .expect("read parent")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.contains("vinhdanh-building"))
        .collect()
}

#[cfg(unix)]
#[test]
fn a_build_killed_midway_leaves_the_old_output_and_the_next_build_cleans_up() {
    let site = TestSite::fixture("basic").built();
    let before = snapshot(&site.out());
    many_profiles(&site, 1500);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vinhdanh"))
        .args(["build"])
        .current_dir(site.root())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    // Kill it once it has started writing its staging folder.
    let started = std::time::Instant::now();
    let mut seen = false;
    while started.elapsed() < std::time::Duration::from_secs(120) {
        let writing = staging_folders(&site.root()).iter().any(|n| {
            fs::read_dir(site.root().join(n))
                .map(|d| d.count() > 1)
                .unwrap_or(false)
        });
        if writing {
            seen = true;
            break;
        }
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().expect("kill");
    let status = child.wait().expect("wait");
    assert!(
        seen && !status.success(),
        "the build was killed while writing (status {status})"
    );
    assert!(
        before == snapshot(&site.out()),
        "the old output is intact after the kill"
    );
    assert_eq!(
        staging_folders(&site.root()).len(),
        1,
        "the killed build left its staging folder"
    );

    // The next build (here a failing one, then a good one) cleans it up.
    site.write("content/profiles/broken.md", "+++\n");
    assert!(site.build().is_err());
    site.remove("content/profiles/broken.md");
    site.build().unwrap_or_else(|e| panic!("{e}"));
    assert!(
        staging_folders(&site.root()).is_empty(),
        "no staging folder is left"
    );
    assert!(site.exists("ho-so/nguoi-1499/index.html"));
}

/// A link to a draft is not an error, but `check` says where it
/// is, so that the editor knows the link shows as plain text for now.
#[test]
fn check_notes_links_to_drafts_and_passes() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/profiles/link.md",
        "+++\nname = \"Lý Văn Liên\"\nkind = \"individual\"\nunit = \"U\"\nyear = 2021\n+++\n\n\
         Dòng một.\n\nXem [bản nháp](@/profiles/ban-nhap.md).\n",
    );
    let (code, stdout, stderr) = site.run(&["check", "--lang", "en"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(
            "note: content/profiles/link.md:10:5: links to the draft @/profiles/ban-nhap.md, shown as plain text"
        ),
        "{stdout}"
    );
    let (code, vi, stderr) = site.run(&["check"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        vi.contains(
            "ghi chú: content/profiles/link.md:10:5: liên kết tới bản nháp @/profiles/ban-nhap.md"
        ),
        "{vi}"
    );
    let (code, with_drafts, stderr) = site.run(&["check", "--drafts", "--lang", "en"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!with_drafts.contains("note:"), "{with_drafts}");
}

// init

/// A temporary folder with an empty `site/` to run commands in.
fn empty_folder() -> TestSite {
    let site = TestSite {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    fs::create_dir_all(site.root()).expect("site folder");
    site
}

#[test]
fn init_makes_a_site_that_build_and_check_accept_at_once() {
    let here = empty_folder();
    // Its parents are made too.
    let (code, stdout, stderr) = here.run(&["init", "a/b/site"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("Đã tạo trang mới trong a/b/site"),
        "{stdout}"
    );
    assert!(stdout.contains("cd a/b/site"), "{stdout}");
    let (code, stdout, stderr) = here.run(&["build", "--root", "a/b/site"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Đã dựng 1 hồ sơ"), "{stdout}");
    let (code, stdout, stderr) = here.run(&["check", "--root", "a/b/site"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Không có lỗi nào."), "{stdout}");
    let built = here.root().join("a/b/site/public");
    assert!(built.join("ho-so/nguyen-van-a/index.html").is_file());
    let text = fs::read_to_string(here.root().join("a/b/site/site.toml")).expect("site.toml");
    for key in [
        "base_url",
        "default_language",
        "paginate_by",
        "output_dir",
        "theme",
        "title",
        "description",
        "unsafe_html",
        "show_ethnicity",
        "kind",
        "level",
        "recipient",
        "rank",
    ] {
        let line = text
            .lines()
            .find(|l| l.trim_start_matches("# ").starts_with(key))
            .unwrap_or_else(|| panic!("{key} missing:\n{text}"));
        assert!(line.contains("  # "), "{key} has a comment: {line}");
    }
    assert!(
        text.contains("không bắt buộc"),
        "Vietnamese comments:\n{text}"
    );
    // In English when asked.
    let (code, stdout, _) = here.run(&["init", "en-site", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("Created a new site in en-site: 5 files."),
        "{stdout}"
    );
    let text = fs::read_to_string(here.root().join("en-site/site.toml")).expect("site.toml");
    assert!(text.contains("# optional: where build writes"), "{text}");
}

#[test]
fn init_refuses_a_folder_holding_a_site_and_writes_nothing() {
    for taken in ["site.toml", "content"] {
        let here = empty_folder();
        if taken == "content" {
            here.write("content/profiles/x.md", "mine");
        } else {
            here.write("site.toml", "mine");
        }
        let before = snapshot(&here.root());
        let (code, stdout, stderr) = here.run(&["init", "--lang", "en"]);
        assert_eq!(code, 1, "{taken}: {stdout}");
        assert!(
            stderr.contains(&format!("already holds {taken}"))
                && stderr.contains("nothing was written"),
            "{stderr}"
        );
        assert_eq!(snapshot(&here.root()), before, "{taken}: nothing written");
    }
}

#[test]
fn init_accepts_hidden_entries_and_never_overwrites_other_files() {
    let here = empty_folder();
    here.write(".git/HEAD", "ref: refs/heads/main\n");
    here.write("static/logo.svg", "<svg/>");
    let (code, _, stderr) = here.run(&["init"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        fs::read_to_string(here.root().join(".git/HEAD")).expect("HEAD"),
        "ref: refs/heads/main\n"
    );
    assert_eq!(
        fs::read_to_string(here.root().join("static/logo.svg")).expect("logo"),
        "<svg/>"
    );
    let site_toml = fs::read_to_string(here.root().join("site.toml")).expect("site.toml");
    // A second init is refused and leaves the first one's files as they are.
    let (code, _, _) = here.run(&["init"]);
    assert_eq!(code, 1);
    assert_eq!(
        fs::read_to_string(here.root().join("site.toml")).expect("site.toml"),
        site_toml
    );
}

/// Regression: `vinhdanh build` outside a site printed the system's English
/// "No such file or directory (os error 2)" inside a Vietnamese message.
#[test]
fn a_command_outside_a_site_says_so_and_how_to_make_one() {
    let here = empty_folder();
    for args in [
        vec!["build"],
        vec!["check"],
        vec!["new", "profile", "A"],
        vec!["serve", "--port", "0"],
    ] {
        let (code, _, stderr) = here.run(&args);
        assert_eq!(code, 1, "{args:?}: {stderr}");
        assert!(
            stderr.contains("không phải thư mục của một trang vinhdanh")
                && stderr.contains("vinhdanh init THƯ_MỤC"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("os error"), "{args:?}: {stderr}");
    }
    let (_, _, stderr) = here.run(&["build", "--lang", "en"]);
    assert!(stderr.contains("is not a vinhdanh site"), "{stderr}");
}

// new awards

#[test]
fn new_award_lists_with_equal_numbers_from_other_issuers_or_years_do_not_collide() {
    let site = TestSite::fixture("basic");
    let (code, stdout, stderr) = site.run(&[
        "new",
        "awards",
        "631/QĐ-UBND",
        "--issuer",
        "Cao Bằng",
        "--year",
        "2021",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let file = "content/awards/631-qd-ubnd-cao-bang-2021.toml";
    assert!(stdout.contains(file), "says the name it chose: {stdout}");
    let text = fs::read_to_string(site.root().join(file)).expect("file");
    assert!(text.contains("issuer = \"Cao Bằng\""), "{text}");
    let (code, stdout, stderr) = site.run(&[
        "new",
        "awards",
        "631/QĐ-UBND",
        "--issuer",
        "Cao Bằng",
        "--year",
        "2022",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("631-qd-ubnd-cao-bang-2022.toml"),
        "{stdout}"
    );
    let (code, stdout, stderr) = site.run(&[
        "new",
        "awards",
        "631/QĐ-UBND",
        "--issuer",
        "Bắc Kạn",
        "--year",
        "2021",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("631-qd-ubnd-bac-kan-2021.toml"), "{stdout}");
}

// CSV markers

/// Regression: the marker under an unknown CSV column stopped at its first
/// space, so `Điểm thi đua` was underlined `^^^^`.
#[test]
fn a_csv_marker_underlines_the_whole_cell() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/awards/ubdt-2022.csv",
        "Họ và tên;Điểm thi đua;Loại\nHà Thị Mai;x;Cá nhân\n",
    );
    let (code, _, stderr) = site.run(&["check", "--lang", "en"]);
    assert_eq!(code, 1, "{stderr}");
    let line = stderr
        .lines()
        .find(|l| l.contains("| Họ và tên;Điểm thi đua;Loại"))
        .unwrap_or_else(|| panic!("the header line is shown: {stderr}"));
    let marks = stderr
        .lines()
        .skip_while(|l| *l != line)
        .nth(1)
        .unwrap_or_default();
    let at = line.find("Điểm thi đua").map(|i| line[..i].chars().count());
    assert_eq!(
        marks.find('^').map(|i| marks[..i].chars().count()),
        at,
        "{stderr}"
    );
    assert_eq!(
        marks.matches('^').count(),
        "Điểm thi đua".chars().count(),
        "{stderr}"
    );
}
