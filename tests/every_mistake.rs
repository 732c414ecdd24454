//! Every wrong field of a file in one run: three independent mistakes in
//! one file give three errors, each at its own line and column, for each
//! kind of file an editor writes (front matter of a profile and of a
//! campaign, an award list, a recipients spreadsheet, site.toml). A
//! mistake is reported once: a wrong value of a required field is not also
//! "missing", a misspelt field is not also "missing" under its right name.

mod common;

use common::TestSite;
use vinhdanh::Diagnostics;
use vinhdanh::diagnostic::display_path;

/// Each problem in `path` as `line:col message`.
fn places(problems: &Diagnostics, path: &str) -> Vec<String> {
    problems
        .iter()
        .filter(|d| display_path(&d.path) == path)
        .map(|d| {
            let col = d.col.map_or(String::new(), |c| format!(":{c}"));
            format!("{}{col} {}", d.line.unwrap_or(0), d.message)
        })
        .collect()
}

/// Builds `site`, which must fail with problems in `path` only, and
/// returns them as [`places`]; also checks the binary prints each place.
fn mistakes(site: &TestSite, path: &str) -> Vec<String> {
    let problems = site.build().expect_err("the build must fail");
    let all = places(&problems, path);
    assert_eq!(all.len(), problems.len(), "problems elsewhere:\n{problems}");
    let (code, _, stderr) = site.run(&["check", "--lang", "en"]);
    assert_eq!(code, 1, "{stderr}");
    for d in problems.iter() {
        assert!(
            stderr.contains(&d.location()),
            "{} in:\n{stderr}",
            d.location()
        );
    }
    all
}

fn assert_starts(found: &[String], wanted: &[&str]) {
    assert_eq!(found.len(), wanted.len(), "{found:#?}");
    for (f, w) in found.iter().zip(wanted) {
        assert!(
            f.starts_with(w),
            "{f:?} does not start with {w:?}; all:\n{found:#?}"
        );
    }
}

#[test]
fn three_mistakes_in_a_profile_front_matter() {
    let site = TestSite::fixture("basic");
    let path = "content/profiles/hoang-van-lam.md";
    site.write(
        path,
        "+++\nname = \"Hoàng Văn Lâm\"\nkind = \"tập thể\"\nunit = \"UBND xã\"\nyear = \"2020\"\nnmae = \"Lâm\"\n\n[[awards]]\naward = \"giay-khen\"\nyaer = 2020\n+++\n\nBody.\n",
    );
    assert_starts(
        &mistakes(&site, path),
        &[
            "5:8 `year` must be a whole number such as 2020, found the text \"2020\"",
            "6:1 unknown field `nmae`",
            // Not also "the required field `year` is missing" in [[awards]].
            "10:1 unknown field `yaer`",
        ],
    );
}

#[test]
fn three_mistakes_in_a_campaign_front_matter() {
    let site = TestSite::fixture("basic");
    let path = "content/campaigns/thi-dua.md";
    site.write(
        path,
        "+++\nname = \"Thi đua\"\nstart_year = \"2016\"\nlevel = \"country\"\n\n[[documents]]\ntitle = \"Kế hoạch\"\n+++\n",
    );
    assert_starts(
        &mistakes(&site, path),
        &[
            "3:14 `start_year` must be a whole number",
            "4:9 `level` cannot be \"country\"",
            "6:1 the required field `number` is missing from this [[documents]] table",
        ],
    );
}

#[test]
fn three_mistakes_in_an_award_list() {
    let site = TestSite::fixture("basic");
    let path = "content/awards/qd-7.toml";
    site.write(
        path,
        "year = 2021\nissuer = 5\naward = \"giay-khen\"\n\n[[recipients]]\nname = \"Hà Văn Tú\"\nkind = \"person\"\n\n[[counts]]\nindividuals = \"5\"\n",
    );
    assert_starts(
        &mistakes(&site, path),
        &[
            "2:10 `issuer` must be text in double quotes, or texts by language",
            "7:8 `kind` cannot be \"person\"",
            "10:15 `individuals` must be a whole number",
        ],
    );
}

/// The list's own mistakes and its spreadsheet's, in one run.
#[test]
fn an_award_list_and_its_spreadsheet_in_one_run() {
    let site = TestSite::fixture("basic");
    let list = "content/awards/ubdt-2022.toml";
    let text = std::fs::read_to_string(site.root().join(list)).unwrap();
    site.write(list, &text.replace("year = 2021", "year = \"2021\""));
    let csv = "content/awards/ubdt-2022.csv";
    site.write(csv, "Họ và tên;Loại\nAn;Người\n");
    let problems = site.build().expect_err("the build must fail");
    assert_starts(
        &places(&problems, list),
        &["3:8 `year` must be a whole number"],
    );
    assert_starts(
        &places(&problems, csv),
        &["2:4 `Người` is not a kind of recipient"],
    );
    assert_eq!(problems.len(), 2, "{problems}");
}

#[test]
fn three_mistakes_in_a_recipients_spreadsheet() {
    let site = TestSite::fixture("basic");
    let path = "content/awards/ubdt-2022.csv";
    site.write(
        path,
        "Họ và tên;Loại;Ghi chú\nAn;Người;\n;Cá nhân;\nBình;Cá nhân;x;y\n",
    );
    assert_starts(
        &mistakes(&site, path),
        &[
            "2:4 `Người` is not a kind of recipient",
            "3:1 this recipient has no name",
            "4:16 this row has 4 values but the header row has 3 columns",
        ],
    );
}

#[test]
fn three_mistakes_in_site_toml() {
    let site = TestSite::fixture("basic");
    let path = "site.toml";
    let text = std::fs::read_to_string(site.root().join(path)).unwrap();
    let text = text
        .replace("paginate_by = 3", "paginate_by = \"3\"")
        .replace(
            "title = \"Exemplary people\"",
            "titel = \"Exemplary people\"",
        )
        .replace("rank = 60", "rank = 60\nrecipients = \"both\"");
    site.write(path, &text);
    assert_starts(
        &mistakes(&site, path),
        &[
            "3:15 `paginate_by` must be a whole number",
            // Not also "the required field `title` is missing".
            "10:1 unknown field `titel`",
            "18:1 unknown field `recipients`",
        ],
    );
}
