//! Hostile input holds (issue 18): whatever site.toml, the content and the
//! command line say, the build reads only files inside the site, writes only
//! inside the output folder, and never lets two outputs race for one path.
//! Each refusal is a content error (exit 1) at the place to fix, in words an
//! editor understands.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{TestSite, find, snapshot};
use proptest::prelude::*;

/// Every file of the folder around the site, except the output folder.
fn around_the_output(site: &TestSite) -> Vec<(String, Vec<u8>)> {
    snapshot(site.dir.path())
        .into_iter()
        .filter(|(path, _)| !Path::new(path).starts_with("site/public"))
        .collect()
}

fn append_to_site_toml(site: &TestSite, text: &str) {
    let toml = fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write("site.toml", &format!("{toml}{text}"));
}

// site.toml path words.

#[test]
fn a_path_word_climbing_out_writes_nothing_outside_the_output_folder() {
    // Regression: `awards = "../../../www"` made build exit 0 after writing
    // an unrelated www/index.html beside the site.
    let site = TestSite::fixture("basic");
    append_to_site_toml(&site, "\n[languages.en.paths]\nawards = \"../../../www\"\n");
    let before = around_the_output(&site);
    let (code, _, stderr) = site.run(&["build", "--lang", "en"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        before == around_the_output(&site),
        "nothing written outside"
    );
    let p = site.build().unwrap_err();
    let d = find(&p, "site.toml", Some(20), "path word `awards`");
    assert_eq!(d.col, Some(10), "{d}");
    assert_eq!(d.hint.as_deref(), Some("write \"www\""));
}

#[test]
fn empty_or_shared_path_words_are_errors_at_their_line() {
    // Regression: `profiles = ""` or `years = "campaigns"` made two pages
    // share one output file, and which survived varied between builds.
    let site = TestSite::fixture("basic");
    append_to_site_toml(
        &site,
        "\n[languages.en.paths]\nprofiles = \"\"\nyears = \"campaigns\"\n",
    );
    let p = site.build().unwrap_err();
    find(
        &p,
        "site.toml",
        Some(20),
        "`profiles` of language \"en\" is empty",
    );
    find(
        &p,
        "site.toml",
        Some(21),
        "`years` and `campaigns` of language \"en\" are both \"campaigns\"",
    );
    assert!(!site.out().exists());
}

#[test]
fn a_default_language_path_word_may_not_be_another_languages_code() {
    // `/en/` is the English home page: Vietnamese profiles may not live there.
    let site = TestSite::fixture("basic");
    let toml = fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write(
        "site.toml",
        &toml.replace(
            "description = \"Trang thử nghiệm\"",
            "description = \"Trang thử nghiệm\"\npaths = { profiles = \"en\" }",
        ),
    );
    let p = site.build().unwrap_err();
    find(&p, "site.toml", Some(8), "the code of another language");
}

// Recipients CSV.

fn with_csv_name(site: &TestSite, name: &str) {
    let path = site.root().join("content/awards/ubdt-2022.toml");
    let toml = fs::read_to_string(&path).unwrap();
    fs::write(
        path,
        toml.replace("\"ubdt-2022.csv\"", &format!("{name:?}")),
    )
    .unwrap();
}

const LIST: &str = "content/awards/ubdt-2022.toml";

#[test]
fn a_recipients_csv_outside_the_site_is_not_published() {
    // Regression: "../../../private.csv" published a file from outside the site.
    let site = TestSite::fixture("basic");
    fs::write(
        site.dir.path().join("private.csv"),
        "Họ và tên;Loại\nBí Mật;Cá nhân\n",
    )
    .unwrap();
    with_csv_name(&site, "../../../private.csv");
    let p = site.build().unwrap_err();
    let d = find(&p, LIST, Some(6), "leads out of the site's folder");
    assert_eq!(d.col, Some(18));
    assert!(!site.out().exists());
}

#[test]
fn an_absolute_recipients_csv_is_refused_without_reading_it() {
    // Regression: "/etc/passwd" printed its first line in the error.
    let site = TestSite::fixture("basic");
    let secret = site.dir.path().join("secret.csv");
    fs::write(&secret, "root:x:0:0:secret line\n").unwrap();
    with_csv_name(&site, &secret.to_string_lossy());
    let (code, _, stderr) = site.run(&["check", "--lang", "en"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("is an absolute path"), "{stderr}");
    assert!(!stderr.contains("secret line"), "{stderr}");
    assert!(
        stderr.contains("content/awards/ubdt-2022.toml:6:18"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_recipients_csv_linked_out_of_the_site_is_refused() {
    let site = TestSite::fixture("basic");
    std::os::unix::fs::symlink("/dev/zero", site.root().join("content/awards/z.csv")).unwrap();
    with_csv_name(&site, "z.csv");
    let p = site.build().unwrap_err();
    find(
        &p,
        LIST,
        Some(6),
        "\"z.csv\" leads out of the site's folder",
    );
}

/// Runs the binary, killing it if it has not finished in `limit`.
fn run_within(site: &TestSite, args: &[&str], limit: Duration) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vinhdanh"))
        .args(args)
        .current_dir(site.root())
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let out = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
            return (status.code().unwrap_or(-1), stderr);
        }
        if start.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("vinhdanh {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[cfg(unix)]
#[test]
fn a_recipients_csv_that_is_a_pipe_does_not_hang_check() {
    // Regression: a FIFO hung `check` (and would freeze the preview's rebuild).
    let site = TestSite::fixture("basic");
    let fifo = site.root().join("content/awards/fifo.csv");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    with_csv_name(&site, "fifo.csv");
    let (code, stderr) = run_within(&site, &["check", "--lang", "en"], Duration::from_secs(30));
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("\"fifo.csv\" is a named pipe, not a plain file"),
        "{stderr}"
    );
}

#[test]
fn a_file_past_the_size_limit_is_refused_before_it_is_read() {
    // A sparse file: as large as the limit allows plus one, on no disk space.
    let site = TestSite::fixture("basic");
    let big = fs::File::create(site.root().join("content/awards/big.csv")).unwrap();
    big.set_len(vinhdanh::sitefs::MAX_FILE_BYTES + 1).unwrap();
    with_csv_name(&site, "big.csv");
    let p = site.build().unwrap_err();
    find(
        &p,
        LIST,
        Some(6),
        "\"big.csv\" is too large to read (513 MB",
    );
}

// The output folder.

#[test]
fn an_error_about_an_absolute_path_shows_it_with_one_slash() {
    // Regression: absolute paths printed with a doubled slash (`//srv/…`).
    let site = TestSite::fixture("basic");
    let docs = site.dir.path().join("docs");
    fs::create_dir_all(&docs).unwrap();
    fs::write(docs.join("report.docx"), "mine").unwrap();
    let (code, _, stderr) = site.run(&["build", "--output-dir", &docs.to_string_lossy()]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!("--> {}", docs.display())),
        "{stderr}"
    );
    assert!(!stderr.contains("--> //"), "{stderr}");
}

// Static files and photos.

#[test]
fn hidden_files_in_static_are_copied_as_they_are() {
    // Regression: `.htaccess` and `.nojekyll` were dropped silently, though
    // static/ is documented as copied as-is.
    let site = TestSite::fixture("basic");
    site.write("static/.htaccess", "Options -Indexes\n");
    site.write("static/.nojekyll", "");
    site.write(
        "static/.well-known/security.txt",
        "Contact: mailto:a@b.vn\n",
    );
    site.write("static/.DS_Store", "finder");
    site.write("static/notes.txt~", "a backup");
    let site = site.built();
    assert_eq!(site.page(".htaccess"), "Options -Indexes\n");
    assert!(site.exists(".nojekyll"));
    assert!(site.exists(".well-known/security.txt"));
    assert!(!site.exists(".DS_Store"), "OS droppings are not published");
    assert!(
        !site.exists("notes.txt~"),
        "editor backups are not published"
    );
}

#[test]
fn a_static_file_may_not_replace_vinhdanhs_marker() {
    let site = TestSite::fixture("basic");
    site.write("static/.vinhdanh-output", "mine");
    let p = site.build().unwrap_err();
    find(
        &p,
        "static/.vinhdanh-output",
        None,
        "vinhdanh's marker file would both be published",
    );
}

fn with_photo(site: &TestSite, photo: &str) {
    site.write(
        "content/profiles/le-van-an.md",
        &format!(
            "+++\nname = \"Lê Văn An\"\nkind = \"individual\"\nunit = \"Văn phòng Ban\"\nyear = 2021\nphoto = \"{photo}\"\n+++\n\nAnh An.\n"
        ),
    );
    site.write_bytes(
        &format!("content/profiles/{photo}"),
        &common::images::png(200, 250),
    );
}

#[test]
fn a_static_file_and_a_photo_at_one_path_are_an_error_naming_both() {
    // Regression: no error, and 40 identical builds published one version
    // 29 times, the other 11.
    let site = TestSite::fixture("basic");
    with_photo(&site, "an.jpg");
    site.write("static/ho-so/le-van-an/photo-128.jpg", "another file");
    let p = site.build().unwrap_err();
    let d = find(
        &p,
        "content/profiles/le-van-an.md",
        Some(6),
        "would both be published at ho-so/le-van-an/photo-128.jpg",
    );
    assert!(
        d.message.contains("static/ho-so/le-van-an/photo-128.jpg"),
        "names both: {d}"
    );
}

#[test]
fn a_photo_named_like_the_page_does_not_replace_it() {
    // Regression: a photo named index.html was published under its own
    // name, over the profile's page. Only copies named photo-<width>.jpg
    // are published now.
    let site = TestSite::fixture("basic");
    with_photo(&site, "index.html");
    let site = site.built();
    assert!(
        site.page("ho-so/le-van-an/index.html")
            .contains("Lê Văn An")
    );
    assert!(site.exists("ho-so/le-van-an/photo-128.jpg"));
}

#[test]
fn a_slug_too_long_for_a_file_system_fails_check_not_build() {
    // Regression: a 300-character slug passed `check`, then failed `build`
    // with an I/O error naming the staging folder.
    let site = TestSite::fixture("basic");
    site.write(
        "content/profiles/le-van-an.md",
        &format!(
            "+++\nname = \"Lê Văn An\"\nkind = \"individual\"\nunit = \"Văn phòng Ban\"\nyear = 2021\nslug = \"{}\"\n+++\n",
            "a".repeat(300)
        ),
    );
    let (code, _, stderr) = site.run(&["check", "--lang", "en"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("is 300 characters long; a part may have at most 200"),
        "{stderr}"
    );
    let p = site.build().unwrap_err();
    assert_eq!(p.len(), 1, "one problem, in both languages' addresses: {p}");
    find(
        &p,
        "content/profiles/le-van-an.md",
        None,
        "300 characters long",
    );
    assert!(!p.to_string().contains("vinhdanh-building"), "{p}");
}

// base_url.

#[test]
fn a_base_url_with_a_query_or_fragment_is_refused() {
    // Regression: `https://a.gov.vn/x?y=1` gave `href="/x?y=1/style.css"`, exit 0.
    let site = TestSite::fixture("basic");
    let toml = fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write(
        "site.toml",
        &toml.replace("https://example.gov.vn", "https://a.gov.vn/x?y=1"),
    );
    let p = site.build().unwrap_err();
    let d = find(&p, "site.toml", Some(1), "has a query (?…)");
    assert_eq!(d.col, Some(12));
    site.write("site.toml", &toml);
    let (code, _, stderr) = site.run(&[
        "build",
        "--lang",
        "en",
        "--base-url",
        "https://a.gov.vn/#top",
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("has a fragment (#…)"), "{stderr}");
    assert!(!site.out().exists());
}

// Properties.

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    /// Whatever path word site.toml gives, a build writes nothing outside
    /// its output folder, and one that succeeds has the page at that word.
    #[test]
    fn no_path_word_writes_outside_the_output_folder(
        word in prop_oneof![
            Just("..".to_owned()),
            Just("../..".to_owned()),
            Just("/".to_owned()),
            Just("".to_owned()),
            Just("en".to_owned()),
            Just("nam".to_owned()),
            "[a-z./\\\\-]{1,8}",
        ],
        key in prop_oneof![Just("profiles"), Just("years"), Just("awards"), Just("page")],
    ) {
        let site = TestSite::fixture("basic");
        let toml = fs::read_to_string(site.root().join("site.toml")).unwrap();
        site.write(
            "site.toml",
            &toml.replace(
                "description = \"Trang thử nghiệm\"",
                &format!("description = \"Trang thử nghiệm\"\npaths = {{ {key} = {word:?} }}"),
            ),
        );
        let before = around_the_output(&site);
        let built = site.build();
        prop_assert!(before == around_the_output(&site), "wrote outside with {key} = {word:?}");
        if built.is_ok() && key != "page" {
            let word = word.trim_matches('/');
            prop_assert!(site.exists(&format!("{word}/index.html")), "{key} = {word:?}");
        }
    }
}
