//! Every kind of bad input an editor can give (issue "Editors' safety net"):
//! each makes the build exit with status 1, names the file and (where there
//! is one) the line, says what was expected, and leaves the output of the
//! previous good build byte-for-byte as it was. Accepted oddities (BOM,
//! CRLF, decomposed Vietnamese) build.

mod common;

use common::workbooks::{text_rows, workbook};
use common::{TestSite, find, snapshot};
use vinhdanh::Diagnostics;
use vinhdanh::diagnostic::display_path;

/// The basic site, built; then `change`; then a build that must fail with
/// status 1 and leave the output alone. Returns the problems (in English)
/// and what the binary printed.
fn broken(change: impl FnOnce(&TestSite)) -> (Diagnostics, String) {
    let site = TestSite::fixture("basic").built();
    let before = snapshot(&site.out());
    change(&site);
    let (code, _, stderr) = site.run(&["build", "--lang", "en"]);
    assert_eq!(code, 1, "exit status: {stderr}");
    assert!(
        before == snapshot(&site.out()),
        "a failed build changed the output folder"
    );
    let problems = site.build().expect_err("the build must fail");
    assert!(
        before == snapshot(&site.out()),
        "a failed build changed the output folder"
    );
    (problems, stderr)
}

const PROFILE: &str = "+++\nname = \"Hoàng Văn Lâm\"\nkind = \"individual\"\nunit = \"UBND xã\"\nyear = 2021\n+++\n\nBody.\n";

fn profile_with(from: &str, to: &str) -> String {
    assert!(PROFILE.contains(from), "{from}");
    PROFILE.replace(from, to)
}

// Front matter.

#[test]
fn a_file_without_front_matter() {
    let (p, stderr) = broken(|s| s.write("content/profiles/x.md", "name = \"A\"\n"));
    find(
        &p,
        "content/profiles/x.md",
        Some(1),
        "must start with a line of +++",
    );
    assert!(stderr.contains("content/profiles/x.md:1:1"), "{stderr}");
}

#[test]
fn yaml_front_matter_gets_a_hint() {
    let (p, _) = broken(|s| s.write("content/profiles/x.md", "---\nname: A\n---\n"));
    let d = find(&p, "content/profiles/x.md", Some(1), "+++");
    assert!(
        d.hint.as_deref().unwrap_or("").contains("not --- (YAML)"),
        "{d:?}"
    );
}

#[test]
fn front_matter_never_closed() {
    let (p, _) = broken(|s| {
        s.write(
            "content/profiles/x.md",
            "+++\nname = \"A\"\nkind = \"individual\"\n",
        )
    });
    find(&p, "content/profiles/x.md", Some(1), "never closed");
}

#[test]
fn an_empty_file() {
    let (p, _) = broken(|s| s.write("content/campaigns/x.md", ""));
    let d = find(&p, "content/campaigns/x.md", None, "empty");
    assert_eq!(d.line, None, "a whole-file problem");
}

#[test]
fn a_toml_syntax_error_keeps_the_library_words() {
    let (p, stderr) = broken(|s| {
        s.write(
            "content/profiles/x.md",
            &profile_with("unit = \"UBND xã\"", "unit = \"UBND xã"),
        )
    });
    let d = find(&p, "content/profiles/x.md", Some(4), "not valid TOML");
    assert!(d.message.contains("invalid basic string"), "{d:?}");
    assert!(
        stderr.contains("4 | unit = \"UBND xã"),
        "the offending line is shown: {stderr}"
    );
}

#[test]
fn a_wrong_type_says_what_was_expected_in_plain_words() {
    let (p, stderr) = broken(|s| {
        s.write(
            "content/profiles/x.md",
            &profile_with("year = 2021", "year = \"2021\""),
        )
    });
    let d = find(
        &p,
        "content/profiles/x.md",
        Some(5),
        "`year` must be a whole number such as 2020, found the text \"2021\"",
    );
    assert_eq!(d.col, Some(8));
    assert_eq!(
        d.hint.as_deref(),
        Some("remove the double quotes around 2021")
    );
    assert!(stderr.contains("content/profiles/x.md:5:8"), "{stderr}");
    assert!(
        stderr.contains("^^^^^^"),
        "a marker under the value: {stderr}"
    );
    assert!(
        stderr.contains("invalid type: string \"2021\", expected i64"),
        "the library's words: {stderr}"
    );
}

#[test]
fn other_wrong_types() {
    let (p, _) = broken(|s| {
        s.write(
            "content/profiles/a.md",
            &profile_with("Body.", "").replace("+++\n\n", "draft = \"yes\"\n+++\n"),
        );
        s.write(
            "content/profiles/b.md",
            &profile_with("year = 2021", "year = 2021\ndate = \"2021-05-01\""),
        );
        s.write(
            "content/profiles/c.md",
            &profile_with("year = 2021", "year = 2021\ncampaigns = \"dan-van-kheo\""),
        );
    });
    find(&p, "content/profiles/a.md", Some(6), "`draft` must be true");
    find(
        &p,
        "content/profiles/b.md",
        Some(6),
        "`date` must be a date such as 2023-04-21",
    );
    find(
        &p,
        "content/profiles/c.md",
        Some(6),
        "`campaigns` must be a list",
    );
}

#[test]
fn a_missing_field_points_at_the_front_matter_or_its_table() {
    let (p, _) = broken(|s| {
        s.write(
            "content/profiles/a.md",
            &profile_with("unit = \"UBND xã\"\n", ""),
        );
        s.write(
            "content/profiles/b.md",
            &profile_with(
                "year = 2021\n",
                "year = 2021\n\n[[awards]]\naward = \"giay-khen\"\n",
            ),
        );
        s.write(
            "content/awards/c.toml",
            "decision = \"1\"\ndate = 2021-01-01\nissuer = \"I\"\naward = \"giay-khen\"\n\n[[recipients]]\nname = \"N\"\n",
        );
    });
    find(
        &p,
        "content/profiles/a.md",
        Some(1),
        "the required field `unit` is missing",
    );
    find(
        &p,
        "content/profiles/b.md",
        Some(7),
        "`year` is missing from this [[awards]] table",
    );
    find(
        &p,
        "content/awards/c.toml",
        Some(6),
        "`kind` is missing: \"Certificate of Commendation\" is given to individuals and to collectives",
    );
}

#[test]
fn an_unknown_key_is_an_error_with_did_you_mean() {
    let (p, stderr) =
        broken(|s| s.write("content/profiles/x.md", &profile_with("unit =", "unti =")));
    let d = find(&p, "content/profiles/x.md", Some(4), "unknown field `unti`");
    assert_eq!(d.hint.as_deref(), Some("did you mean `unit`?"));
    assert!(stderr.contains("hint: did you mean `unit`?"), "{stderr}");
    // Nothing close: the hint lists the fields allowed.
    let (p, _) = broken(|s| {
        s.write(
            "content/profiles/x.md",
            &profile_with("unit =", "unit = \"U\"\nxyz = 1\nq ="),
        )
    });
    let d = find(&p, "content/profiles/x.md", Some(5), "unknown field `xyz`");
    assert!(
        d.hint.as_deref().unwrap_or("").contains("`sort_name`"),
        "{d:?}"
    );
}

#[test]
fn years_out_of_range_and_a_campaign_ending_before_it_starts() {
    let (p, _) = broken(|s| {
        s.write(
            "content/profiles/x.md",
            &profile_with("year = 2021", "year = 1800"),
        );
        s.write(
            "content/campaigns/y.md",
            "+++\nname = \"Y\"\nstart_year = 2020\nend_year = 2018\n+++\n",
        );
    });
    find(
        &p,
        "content/profiles/x.md",
        Some(5),
        "between 1945 and 2100, found 1800",
    );
    find(
        &p,
        "content/campaigns/y.md",
        Some(4),
        "`end_year` (2018) is before `start_year` (2020)",
    );
}

// References.

#[test]
fn unknown_campaign_and_award_keys() {
    let (p, _) = broken(|s| {
        s.write("content/profiles/x.md", &profile_with("year = 2021", "year = 2021\ncampaigns = [\"dan-van-khoe\"]\n\n[[awards]]\naward = \"giay-khn\"\nyear = 2021"));
        s.write(
            "content/awards/y.toml",
            "decision = \"1\"\ndate = 2021-01-01\nissuer = \"I\"\naward = \"bang-khen\"\ncampaign = \"nong-thon\"\n\n[[recipients]]\nname = \"N\"\nkind = \"individual\"\n",
        );
    });
    let d = find(
        &p,
        "content/profiles/x.md",
        Some(6),
        "there is no campaign \"dan-van-khoe\"",
    );
    assert_eq!(d.hint.as_deref(), Some("did you mean \"dan-van-kheo\"?"));
    let d = find(
        &p,
        "content/profiles/x.md",
        Some(9),
        "no award type is called \"giay-khn\"",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("did you mean \"Certificate of Commendation (giay-khen)\"?")
    );
    find(
        &p,
        "content/awards/y.toml",
        Some(4),
        "no award type is called \"bang-khen\"",
    );
    find(
        &p,
        "content/awards/y.toml",
        Some(5),
        "no campaign \"nong-thon\"",
    );
}

#[test]
fn recipients_pointing_at_missing_profiles_in_toml_and_csv() {
    let (p, _) = broken(|s| {
        s.write(
            "content/awards/y.toml",
            "decision = \"1\"\ndate = 2021-01-01\nissuer = \"I\"\naward = \"giay-khen\"\nrecipients_csv = \"y.csv\"\n\n[[recipients]]\nname = \"N\"\nkind = \"individual\"\nprofile = \"le-van-anh\"\n",
        );
        s.write(
            "content/awards/y.csv",
            "name,kind,profile\nA,individual,\nB,individual,khong-co\n",
        );
    });
    let d = find(
        &p,
        "content/awards/y.toml",
        Some(10),
        "there is no profile \"le-van-anh\"",
    );
    assert_eq!(d.hint.as_deref(), Some("did you mean \"le-van-an\"?"));
    find(
        &p,
        "content/awards/y.csv",
        Some(3),
        "there is no profile \"khong-co\"",
    );
}

#[test]
fn a_link_to_a_missing_page() {
    let (p, _) = broken(|s| {
        s.write(
            "content/profiles/x.md",
            &profile_with("Body.", "Xem [đây](@/campaigns/khong-co.md)."),
        )
    });
    find(
        &p,
        "content/profiles/x.md",
        Some(8),
        "\"@/campaigns/khong-co.md\"",
    );
}

#[test]
fn a_translation_without_an_original_names_the_file() {
    let (p, _) = broken(|s| {
        s.write(
            "content/campaigns/khong-co.en.md",
            "+++\nname = \"No\"\n+++\n",
        )
    });
    let d = find(
        &p,
        "content/campaigns/khong-co.en.md",
        None,
        "no original: there is no content/campaigns/khong-co.md",
    );
    assert_eq!(d.line, None);
}

#[test]
fn two_pages_with_one_slug_name_both_files() {
    let (p, _) = broken(|s| {
        s.write(
            "content/campaigns/other.md",
            "+++\nname = \"Khác\"\nstart_year = 2020\nslug = \"Dân vận khéo\"\n+++\n",
        )
    });
    let d = p
        .iter()
        .find(|d| d.message.contains("the address \"dan-van-kheo\""))
        .expect("duplicate slug");
    assert!(
        d.message.contains("content/campaigns/dan-van-kheo.md")
            && d.message.contains("content/campaigns/other.md"),
        "{d:?}"
    );
    assert_eq!(d.line, None);
}

// Award lists and counts (content model v2).

/// The one problem at `path:line`, column `col` (`None`: the whole line,
/// drawn from column 1), saying `words`; the binary printed its place.
fn located<'a>(
    problems: &'a Diagnostics,
    stderr: &str,
    path: &str,
    (line, col): (usize, Option<usize>),
    words: &str,
) -> &'a vinhdanh::Diagnostic {
    let d = find(problems, path, Some(line), words);
    assert_eq!(d.col, col, "{d:?}");
    let place = format!("{path}:{line}:{}", col.unwrap_or(1));
    assert!(stderr.contains(&place), "{place} in:\n{stderr}");
    assert!(stderr.contains(words), "{words} in:\n{stderr}");
    d
}

/// An award list with only a recipient of "Giấy khen", and `extra` lines
/// before it.
fn award_list(extra: &str) -> String {
    format!(
        "{extra}award = \"giay-khen\"\n\n[[recipients]]\nname = \"Vi Văn Khánh\"\nkind = \"individual\"\n"
    )
}

#[test]
fn a_blank_decision() {
    let (p, stderr) = broken(|s| {
        s.write(
            "content/awards/x.toml",
            &award_list("decision = \"  \"\nyear = 2021\n"),
        )
    });
    let d = located(
        &p,
        &stderr,
        "content/awards/x.toml",
        (1, Some(12)),
        "`decision` is blank",
    );
    assert!(
        d.hint
            .as_deref()
            .unwrap_or("")
            .contains("leave `decision` out"),
        "{d:?}"
    );
}

#[test]
fn a_count_of_nobody() {
    let (p, stderr) = broken(|s| {
        s.write(
            "content/awards/x.toml",
            "year = 2021\naward = \"giay-khen\"\n\n[[counts]]\nindividuals = 0\ncollectives = 0\n",
        )
    });
    let d = located(
        &p,
        &stderr,
        "content/awards/x.toml",
        (4, Some(1)),
        "this count counts no one: `individuals` and `collectives` are both 0 or missing",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("write individuals = 21 or collectives = 3 (or both)")
    );
}

#[test]
fn a_negative_count() {
    let (p, stderr) = broken(|s| {
        s.write(
            "content/awards/x.toml",
            "year = 2021\naward = \"giay-khen\"\n\n[[counts]]\nindividuals = 4\ncollectives = -2\n",
        )
    });
    located(
        &p,
        &stderr,
        "content/awards/x.toml",
        (6, Some(15)),
        "`collectives` must be a number of people, 0 or more, found -2",
    );
}

#[test]
fn a_count_too_large_to_be_true() {
    // Three counts of i64::MAX used to overflow the year's total (a panic
    // in a debug build, a wrong total in a release one).
    let big = "\n[[counts]]\nindividuals = 9223372036854775807\n";
    let (p, stderr) = broken(|s| {
        s.write(
            "content/awards/x.toml",
            &format!("year = 2021\naward = \"giay-khen\"\n{big}{big}{big}"),
        )
    });
    located(
        &p,
        &stderr,
        "content/awards/x.toml",
        (5, Some(15)),
        "`individuals` is 9223372036854775807: no decision honours more than 1000000 people",
    );
    assert!(
        !p.iter().any(|d| d.message.contains("counts no one")),
        "{p}"
    );
}

#[test]
fn a_count_of_a_kind_its_award_cannot_take() {
    let (p, stderr) = broken(|s| {
        s.write(
            "content/awards/x.toml",
            "year = 2021\n\n[[counts]]\naward = \"lao-dong-tien-tien\"\nindividuals = 21\ncollectives = 2\n",
        )
    });
    located(
        &p,
        &stderr,
        "content/awards/x.toml",
        (6, Some(15)),
        "\"Advanced Worker\" cannot be given to collectives, but this count has some",
    );
}

#[test]
fn an_award_name_that_matches_nothing_gets_the_closest_names() {
    let (p, stderr) = broken(|s| {
        s.write(
            "content/awards/x.toml",
            &award_list("year = 2021\n").replace(
                "kind = \"individual\"\n",
                "kind = \"individual\"\naward = \"Chiến sĩ thi đua\"\n",
            ),
        )
    });
    let d = located(
        &p,
        &stderr,
        "content/awards/x.toml",
        (7, Some(9)),
        "no award type is called \"Chiến sĩ thi đua\"",
    );
    let hint = d.hint.as_deref().unwrap_or("");
    assert!(hint.starts_with("the closest names: "), "{hint}");
    for name in [
        "Grassroots Emulation Fighter (chien-si-thi-dua-co-so)",
        "Provincial Emulation Fighter (chien-si-thi-dua-cap-tinh)",
    ] {
        assert!(hint.contains(name), "{hint}");
    }
    assert!(stderr.contains(hint), "{stderr}");
}

#[test]
fn a_recipient_whose_award_is_for_the_other_kind() {
    let (p, stderr) = broken(|s| {
        s.write(
            "content/awards/x.toml",
            "year = 2021\naward = \"Lao động tiên tiến\"\n\n[[recipients]]\nname = \"Tổ Một\"\nkind = \"tập thể\"\n",
        )
    });
    located(
        &p,
        &stderr,
        "content/awards/x.toml",
        (4, Some(1)),
        "\"lao-dong-tien-tien\" (Advanced Worker) cannot be given to a collective",
    );
}

#[test]
fn a_period_that_runs_backwards() {
    let (p, stderr) = broken(|s| {
        s.write(
            "content/awards/x.toml",
            &award_list("year = 2021\nperiod = [2022, 2018]\n"),
        )
    });
    let d = located(
        &p,
        &stderr,
        "content/awards/x.toml",
        (2, Some(10)),
        "`period` runs backwards: 2022 is after 2018",
    );
    assert!(
        d.hint
            .as_deref()
            .unwrap_or("")
            .contains("period = [2018, 2022]"),
        "{d:?}"
    );
}

#[test]
fn a_list_that_honours_nobody() {
    let (p, stderr) = broken(|s| {
        s.write(
            "content/awards/x.toml",
            "decision = \"5/QĐ-BDT\"\nyear = 2021\naward = \"giay-khen\"\n",
        )
    });
    let d = located(
        &p,
        &stderr,
        "content/awards/x.toml",
        (1, None),
        "this award list names no recipient and counts no one",
    );
    assert!(
        d.hint.as_deref().unwrap_or("").contains("[[counts]]"),
        "{d:?}"
    );
}

#[test]
fn a_list_without_date_or_year() {
    let (p, stderr) = broken(|s| {
        s.write(
            "content/awards/x.toml",
            &award_list("decision = \"5/QĐ-BDT\"\n"),
        )
    });
    let d = located(
        &p,
        &stderr,
        "content/awards/x.toml",
        (1, None),
        "this list has no `date`, so it must say its `year`",
    );
    assert!(
        d.hint.as_deref().unwrap_or("").contains("year = 2023"),
        "{d:?}"
    );
}

#[test]
fn two_award_types_sharing_a_name() {
    // A type of the site called what a built-in type is called (case and
    // spaces aside): the site's table is the one to fix.
    let (p, stderr) = with_config(|t| {
        t + "\n[award_types.giay-khen-ban]\nname = { vi = \"giấy  khen\", en = \"Committee's Certificate\" }\nkind = \"commendation\"\nlevel = \"ministry\"\nrecipient = \"both\"\nrank = 22\n"
    });
    let d = located(
        &p,
        &stderr,
        "site.toml",
        (19, None),
        "the award types `giay-khen` and `giay-khen-ban` are both called \"giấy  khen\"",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("give `giay-khen-ban` a name of its own (in every language)")
    );
}

#[test]
fn a_site_type_overriding_a_built_in_one_with_another_ones_name() {
    // `lao-dong-tien-tien` comes before `giay-khen` in the catalogue: the
    // name is found on giay-khen second, but the table to fix is the one
    // site.toml has.
    let (p, stderr) = with_config(|t| {
        t + "\n[award_types.lao-dong-tien-tien]\nname = { vi = \"Giấy khen\", en = \"Advanced\" }\nkind = \"title\"\nlevel = \"grassroots\"\nrecipient = \"individual\"\nrank = 10\n"
    });
    let d = located(
        &p,
        &stderr,
        "site.toml",
        (19, None),
        "are both called \"Giấy khen\"",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("give `lao-dong-tien-tien` a name of its own (in every language)")
    );
}

// Files.

#[test]
fn invalid_utf8_names_line_and_column() {
    let mut bytes = PROFILE.as_bytes().to_vec();
    let at = PROFILE.find("UBND").expect("unit") + 5;
    bytes.splice(at..at, [0xE0, 0x20]);
    let (p, _) = broken(|s| s.write_bytes("content/profiles/x.md", &bytes));
    let d = find(&p, "content/profiles/x.md", Some(4), "not valid UTF-8");
    assert_eq!(d.col, Some(14));
}

#[test]
fn bom_and_crlf_keep_line_numbers_in_messages() {
    let text = format!(
        "\u{feff}{}",
        profile_with("year = 2021", "year = 20.5").replace('\n', "\r\n")
    );
    let (p, _) = broken(|s| s.write("content/profiles/x.md", &text));
    find(
        &p,
        "content/profiles/x.md",
        Some(5),
        "found the number 20.5",
    );
}

#[test]
fn decomposed_vietnamese_is_normalised_everywhere() {
    // NFD in front matter, body, a reference and a CSV: all read as NFC.
    let site = TestSite::fixture("basic");
    let nfd = "Hoa\u{300}ng Va\u{306}n La\u{302}m";
    site.write(
        "content/profiles/x.md",
        &PROFILE.replace("Hoàng Văn Lâm", nfd),
    );
    site.write("content/awards/ubdt-2022.csv", "Ho\u{323} va\u{300} te\u{302}n;Loa\u{323}i;Ho\u{302}\u{300} so\u{31b}\nA;Ca\u{301} nha\u{302}n;x\n");
    site.build().unwrap_or_else(|e| panic!("{e}"));
    assert!(site.page("ho-so/x/index.html").contains("Hoàng Văn Lâm"));
}

#[test]
fn photos_that_are_missing_or_leave_content() {
    let site_outside = |s: &TestSite| {
        s.write("outside.jpg", "not inside content/");
        s.write(
            "content/profiles/a.md",
            &profile_with("year = 2021", "year = 2021\nphoto = \"khong-co.jpg\""),
        );
        s.write(
            "content/profiles/b.md",
            &profile_with("year = 2021", "year = 2021\nphoto = \"../../outside.jpg\""),
        );
        s.write(
            "content/profiles/c.md",
            &profile_with("year = 2021", "year = 2021\nphoto = \"/etc/hostname\""),
        );
    };
    let (p, _) = broken(|s| {
        site_outside(s);
        #[cfg(unix)]
        {
            s.write(
                "content/profiles/d.md",
                &profile_with("year = 2021", "year = 2021\nphoto = \"link.jpg\""),
            );
            std::os::unix::fs::symlink(
                s.root().join("outside.jpg"),
                s.root().join("content/profiles/link.jpg"),
            )
            .expect("symlink");
        }
    });
    find(
        &p,
        "content/profiles/a.md",
        Some(6),
        "the photo \"khong-co.jpg\" does not exist",
    );
    find(
        &p,
        "content/profiles/b.md",
        Some(6),
        "must be a file inside the content/ folder",
    );
    find(
        &p,
        "content/profiles/c.md",
        Some(6),
        "found the absolute path \"/etc/hostname\"",
    );
    #[cfg(unix)]
    find(
        &p,
        "content/profiles/d.md",
        Some(6),
        "the photo \"link.jpg\" must be a file inside the content/ folder",
    );
}

// Recipients CSV.

fn with_csv(csv: &[u8]) -> Diagnostics {
    broken(|s| s.write_bytes("content/awards/ubdt-2022.csv", csv)).0
}

const CSV: &str = "content/awards/ubdt-2022.csv";

#[test]
fn csv_missing_a_required_column() {
    let p = with_csv("Họ và tên;Đơn vị\nAn;X\n".as_bytes());
    find(&p, CSV, Some(1), "no column for the kind");
}

#[test]
fn csv_bad_kind_names_its_line() {
    let p = with_csv("Họ và tên;Loại\nAn;Cá nhân\nBình;Người\n".as_bytes());
    let d = find(&p, CSV, Some(3), "`Người` is not a kind of recipient");
    assert_eq!(d.col, Some(6));
}

#[test]
fn csv_ragged_rows() {
    let p = with_csv(b"name;kind;unit\nAn;individual\nB;individual;X;Y\n");
    find(
        &p,
        CSV,
        Some(2),
        "has 2 values but the header row has 3 columns",
    );
    find(&p, CSV, Some(3), "has 4 values");
}

#[test]
fn csv_empty() {
    let p = with_csv(b"");
    find(&p, CSV, Some(1), "this CSV file is empty");
}

#[test]
fn csv_not_utf8_says_how_to_resave() {
    // "Nguyễn" as Windows-1258 bytes.
    let p = with_csv(b"name;kind\nNguy\xEA\xDEn;individual\n");
    let d = find(&p, CSV, Some(2), "not saved as UTF-8");
    assert!(
        d.hint
            .as_deref()
            .unwrap_or("")
            .contains("\"CSV UTF-8 (Comma delimited) (*.csv)\""),
        "{d:?}"
    );
}

#[test]
fn csv_unknown_column_lists_the_accepted_headers() {
    let p = with_csv("STT;Họ và tên;Loại;Điểm thi đua\n1;An;Cá nhân;9\n".as_bytes());
    let d = find(&p, CSV, Some(1), "unknown column `Điểm thi đua` (column 4)");
    assert_eq!(d.col, Some(20));
    assert!(
        d.message
            .contains("`award` (Hình thức khen thưởng / Danh hiệu / Hình thức)"),
        "{d:?}"
    );
    assert!(d.message.contains("`note` (Ghi chú)"), "{d:?}");
}

#[test]
fn csv_header_without_a_name_column() {
    let p = with_csv("STT;Đơn vị;Loại\n1;Sở Y tế;Tập thể\n".as_bytes());
    let d = find(
        &p,
        CSV,
        Some(1),
        "the header row has no column for the name",
    );
    assert!(d.message.contains("`Tên tập thể`"), "{d:?}");
    assert!(
        d.message.contains("columns found: `STT`, `Đơn vị`, `Loại`"),
        "{d:?}"
    );
}

#[test]
fn csv_withheld_cell_that_says_neither_yes_nor_no() {
    let p = with_csv("Họ và tên;Loại;Ẩn\nAn;Cá nhân;yes\n".as_bytes());
    let d = find(&p, CSV, Some(2), "`yes` in the column `Ẩn`");
    assert_eq!(d.col, Some(12));
}

#[test]
fn a_withheld_recipient_with_a_profile_in_csv_and_toml() {
    // A profile page would name the person who asked not to be named.
    let (p, _) = broken(|s| {
        s.write(
            CSV,
            "Họ và tên;Loại;Hồ sơ;Ẩn\nTrần Văn Dương;Cá nhân;tran-van-duong;x\n",
        );
        let list = "content/awards/qd-631-2021.toml";
        let text = std::fs::read_to_string(s.root().join(list)).expect("list");
        s.write(
            list,
            &text.replace(
                "profile = \"nguyen-thi-dao\"",
                "profile = \"nguyen-thi-dao\"\nwithheld = true",
            ),
        );
    });
    let d = find(
        &p,
        CSV,
        Some(2),
        "this recipient is withheld, but it links to the profile \"tran-van-duong\"",
    );
    assert_eq!(d.col, Some(24), "at the profile's cell: {d:?}");
    assert!(
        d.hint
            .as_deref()
            .unwrap_or("")
            .contains("has no profile page"),
        "{d:?}"
    );
    let d = find(
        &p,
        "content/awards/qd-631-2021.toml",
        Some(11),
        "links to the profile \"nguyen-thi-dao\"",
    );
    assert_eq!(d.col, Some(11), "at the profile's value: {d:?}");
}

#[test]
fn csv_award_that_matches_nothing_and_kind_that_contradicts_its_award() {
    let p = with_csv(
        "Họ và tên;Hình thức khen thưởng;Loại\n\
         An;Bằng khen Bộ trưởng;Cá nhân\n\
         Phòng Tổng hợp;Chiến sĩ thi đua cơ sở;Tập thể\n\
         Bình;;\n"
            .as_bytes(),
    );
    let d = find(&p, CSV, Some(2), "Bằng khen Bộ trưởng");
    assert_eq!(d.col, Some(4), "at the award's cell: {d:?}");
    let d = find(&p, CSV, Some(3), "cannot be given to a collective");
    assert_eq!(d.col, Some(39), "at the kind's cell: {d:?}");
    // No kind where the list's award takes both: at the empty kind cell.
    let d = find(&p, CSV, Some(4), "this recipient has no kind");
    assert_eq!(d.col, Some(7), "{d:?}");
}

#[test]
fn a_workbook_named_as_a_csv() {
    let book = workbook(&[("Sheet1", text_rows(&[&["Họ và tên"], &["An"]]))]);
    let p = with_csv(&book);
    let d = find(&p, CSV, None, "is an Excel workbook, not a CSV file");
    assert!(
        d.hint.as_deref().unwrap_or("").contains("recipients_xlsx"),
        "{d:?}"
    );
}

// Recipients workbooks.

const XLSX: &str = "content/awards/ubdt-2022.xlsx";
const LIST: &str = "content/awards/ubdt-2022.toml";

/// The basic site's list reading `ubdt-2022.xlsx` (on line 6; then `sheet`
/// on line 7) instead of its CSV.
fn with_workbook(sheet: Option<&str>, bytes: &[u8]) -> (Diagnostics, String) {
    broken(|s| {
        let text = std::fs::read_to_string(s.root().join(LIST)).expect("list");
        let csv = "recipients_csv = \"ubdt-2022.csv\"";
        assert!(text.contains(csv), "{text}");
        let mut xlsx = "recipients_xlsx = \"ubdt-2022.xlsx\"".to_owned();
        if let Some(sheet) = sheet {
            xlsx.push_str(&format!("\nsheet = \"{sheet}\""));
        }
        s.write(LIST, &text.replace(csv, &xlsx));
        s.write_bytes(XLSX, bytes);
    })
}

#[test]
fn a_workbook_that_is_not_a_workbook() {
    let (p, stderr) = with_workbook(None, "Họ và tên;Loại\nAn;Cá nhân\n".as_bytes());
    let d = find(
        &p,
        XLSX,
        None,
        "is not an Excel workbook: it is text (a CSV file?)",
    );
    assert_eq!(d.line, None, "a whole-file problem");
    assert!(
        d.hint.as_deref().unwrap_or("").contains("recipients_csv"),
        "{d:?}"
    );
    assert!(stderr.contains(XLSX), "{stderr}");

    let (p, _) = with_workbook(None, b"%PDF-1.4\n\x00\x01binary");
    let d = find(&p, XLSX, None, "cannot be read as an Excel workbook");
    assert!(
        d.hint
            .as_deref()
            .unwrap_or("")
            .contains("Excel Workbook (*.xlsx)"),
        "{d:?}"
    );
}

#[test]
fn a_missing_sheet_lists_the_sheets_the_workbook_has() {
    let rows = || text_rows(&[&["Họ và tên", "Loại"], &["An", "Cá nhân"]]);
    let book = workbook(&[("Sheet1", rows()), ("Tổng hợp", rows())]);
    let (p, stderr) = with_workbook(Some("Danh sach"), &book);
    let d = find(
        &p,
        LIST,
        Some(7),
        "the workbook \"ubdt-2022.xlsx\" has no sheet named `Danh sach`",
    );
    assert!(
        d.message.contains("its sheets are `Sheet1` and `Tổng hợp`"),
        "{d:?}"
    );
    assert!(
        stderr.contains("content/awards/ubdt-2022.toml:7:9"),
        "{stderr}"
    );
}

#[test]
fn a_workbook_header_without_a_name_column() {
    let book = workbook(&[(
        "DS",
        text_rows(&[&["STT", "Đơn vị", "Loại"], &["1", "Sở Y tế", "Tập thể"]]),
    )]);
    let (p, stderr) = with_workbook(None, &book);
    let d = find(
        &p,
        XLSX,
        Some(1),
        "the header row has no column for the name",
    );
    assert_eq!(d.cell(), Some("DS!A1:C1"));
    assert!(
        stderr.contains("content/awards/ubdt-2022.xlsx:1"),
        "{stderr}"
    );
    assert!(stderr.contains("DS!A1:C1"), "{stderr}");
}

#[test]
fn a_workbook_problem_names_the_sheet_cell_and_row() {
    let book = workbook(&[(
        "Danh sách",
        text_rows(&[
            &["STT", "Họ và tên", "Loại", "Ngày sinh"],
            &["1", "An", "Cá nhân", "01/01/1980"],
            &["2", "Bình", "Người", ""],
        ]),
    )]);
    let (p, stderr) = with_workbook(Some("danh sách"), &book);
    let d = find(&p, XLSX, Some(3), "`Người` is not a kind of recipient");
    assert_eq!(d.cell(), Some("'Danh sách'!C3"));
    assert!(
        stderr.contains("content/awards/ubdt-2022.xlsx:3"),
        "{stderr}"
    );
    assert!(stderr.contains("cell: 'Danh sách'!C3"), "{stderr}");
    assert!(!stderr.contains("01/01/1980"), "{stderr}");
}

#[test]
fn a_workbook_award_that_matches_nothing_is_named_at_its_cell() {
    let book = workbook(&[(
        "Sheet1",
        text_rows(&[
            &["Họ và tên", "Loại", "Hình thức"],
            &["An", "Cá nhân", "Bằng khen gì đó"],
            &["Tổ Dân vận", "Tập thể", "Chiến sĩ thi đua cơ sở"],
        ]),
    )]);
    let (p, _) = with_workbook(None, &book);
    let d = find(
        &p,
        XLSX,
        Some(2),
        "no award type is called \"Bằng khen gì đó\"",
    );
    assert_eq!(d.cell(), Some("Sheet1!C2"));
    let d = find(&p, XLSX, Some(3), "cannot be given to a collective");
    assert_eq!(d.cell(), Some("Sheet1!B3"), "at the kind's cell");
}

#[test]
fn both_a_csv_and_a_workbook_or_a_sheet_without_one() {
    let (p, _) = broken(|s| {
        s.write(
            LIST,
            "decision = \"1\"\ndate = 2022-01-15\nissuer = \"I\"\naward = \"giay-khen\"\nrecipients_csv = \"ubdt-2022.csv\"\nrecipients_xlsx = \"a.xlsx\"\n",
        )
    });
    find(
        &p,
        LIST,
        Some(6),
        "recipients_csv or recipients_xlsx, not both",
    );
    let (p, _) = broken(|s| {
        s.write(
            LIST,
            "decision = \"1\"\ndate = 2022-01-15\nissuer = \"I\"\naward = \"giay-khen\"\nsheet = \"Sheet1\"\n",
        )
    });
    find(&p, LIST, Some(5), "but there is no recipients_xlsx");
}

// site.toml.

fn with_config(edit: impl FnOnce(String) -> String) -> (Diagnostics, String) {
    broken(|s| {
        let text = std::fs::read_to_string(s.root().join("site.toml")).expect("site.toml");
        s.write("site.toml", &edit(text));
    })
}

#[test]
fn site_toml_syntax_error() {
    let (p, _) = with_config(|t| t.replace("paginate_by = 3", "paginate_by = "));
    find(&p, "site.toml", Some(3), "site.toml is not valid TOML");
}

#[test]
fn site_toml_unknown_key() {
    let (p, _) = with_config(|t| t.replace("paginate_by", "paginateby"));
    let d = find(&p, "site.toml", Some(3), "unknown field `paginateby`");
    assert_eq!(d.hint.as_deref(), Some("did you mean `paginate_by`?"));
}

#[test]
fn site_toml_unknown_default_language() {
    let (p, _) =
        with_config(|t| t.replace("default_language = \"vi\"", "default_language = \"fr\""));
    find(&p, "site.toml", Some(2), "there is no [languages.fr] table");
}

#[test]
fn site_toml_award_type_missing_fields() {
    let (p, _) = with_config(|t| t.replace("rank = 60\n", ""));
    find(
        &p,
        "site.toml",
        Some(12),
        "`rank` is missing from this [award_types.bang-khen-ban-dan-toc] table",
    );
}

// Themes.

#[test]
fn a_template_syntax_error_names_the_template_and_line() {
    let (p, stderr) = broken(|s| {
        s.write(
            "templates/404.html",
            "{% extends \"base.html\" %}\n{% block content %}\n{{ t.not_found \n{% endblock %}",
        )
    });
    let d = p
        .iter()
        .find(|d| display_path(&d.path) == "templates/404.html")
        .expect("template problem");
    assert!(d.message.starts_with("template syntax error"), "{d:?}");
    assert!(d.line.is_some_and(|l| l >= 3), "{d:?}");
    assert!(stderr.contains("templates/404.html:"), "{stderr}");
}

#[test]
fn a_template_using_an_unknown_variable_names_the_template_and_line() {
    let (p, _) = broken(|s| {
        s.write("templates/404.html", "{% extends \"base.html\" %}\n{% block content %}\n<p>\n{{ page.no_such_thing.title }}\n{% endblock %}")
    });
    let d = p
        .iter()
        .find(|d| display_path(&d.path) == "templates/404.html")
        .expect("template problem");
    assert_eq!(d.line, Some(4), "{d:?}");
    assert!(d.message.starts_with("template error"), "{d:?}");
}

// Messages language.

#[test]
fn messages_follow_the_site_language_unless_told_otherwise() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/profiles/x.md",
        &profile_with("year = 2021", "year = \"2021\""),
    );
    let (code, _, vi) = site.run(&["build"]);
    assert_eq!(code, 1);
    assert!(
        vi.contains("lỗi: `year` phải là một số nguyên, ví dụ 2020, nhưng đang là chữ \"2021\""),
        "{vi}"
    );
    assert!(vi.contains("gợi ý: bỏ dấu ngoặc kép quanh 2021"), "{vi}");
    let (_, _, en) = site.run_with_env(&["build"], &[("VINHDANH_LANG", "en")]);
    assert!(en.contains("error: `year` must be a whole number"), "{en}");
    let (_, _, flag) = site.run_with_env(&["build", "--lang", "vi"], &[("VINHDANH_LANG", "en")]);
    assert!(
        flag.contains("lỗi:"),
        "--lang wins over the environment: {flag}"
    );
    let (code, _, _) = site.run(&["build", "--lang", "fr"]);
    assert_eq!(code, 2, "an unknown messages language is a usage error");
}

#[test]
fn a_broken_site_toml_still_gets_messages_in_its_language() {
    let site = TestSite::fixture("basic");
    let text = std::fs::read_to_string(site.root().join("site.toml")).expect("site.toml");
    site.write(
        "site.toml",
        &text.replace("paginate_by = 3", "paginate_by = \"3\""),
    );
    let (code, _, stderr) = site.run(&["build"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("`paginate_by` phải là một số nguyên, ví dụ 10"),
        "{stderr}"
    );
}
