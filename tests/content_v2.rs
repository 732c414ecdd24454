//! Content model v2 on the `agency` fixture: an agency's site in a
//! sub-folder (`https://bdt.example.gov.vn/vinh-danh`), in Vietnamese and
//! English, with counts, decisions without a number or a date, several
//! award types in one decision, the merge rule between a profile's inline
//! awards and the lists, campaigns by level, and `[agency]`.
//!
//! The fixture, in short (tests/fixtures/agency/content/):
//!
//! | file | decision | date | year | what |
//! |---|---|---|---|---|
//! | awards/bk-2016 | 200/QĐ-UBND | 2016-11-15 | 2016 | Bằng khen tỉnh: Phòng Dân tộc Bù Đăng (profile), Trường THCS Lê Lợi (profile), Nguyễn Văn Hùng (individual) |
//! | awards/cstd-2019-a | 45/QĐ-BDT | 2019-12-20 | 2019 | CSTĐCS: Lò Thị Mai (profile), Điểu Thị Hạnh |
//! | awards/cstd-2019-b | 12/QĐ-BDT | 2020-01-10 | 2019 | CSTĐCS: Lò Thị Mai (profile) |
//! | awards/tong-ket-2020 | — | — | 2020 | CSTĐCS Lò Thị Mai (profile), LĐTT Điểu Thị Hạnh, TTLĐTT Phòng Tổng hợp, TTLĐTT UBND xã Đak Nhau (profile); counts LĐTT 21 ind., Giấy khen 5 ind. + 2 coll., CSTĐCS 1 ind. |
//! | awards/gk-2020-cuoi | 310/QĐ-BDT | 2020-12-31 | 2020 | Giấy khen: Hoàng Văn Tư |
//! | awards/ldtt-2021 | — | 2021-01-05 | 2021 | LĐTT: count 1 individual |
//!
//! Inline awards: Phòng Dân tộc Bù Đăng, Bằng khen tỉnh 2016 decision
//! 100/QĐ-UBND (another decision than bk-2016's); Trường THCS Lê Lợi,
//! Bằng khen tỉnh 2016 decision "200 / qđ-ubnd" (bk-2016's, written
//! otherwise); Lò Thị Mai, CSTĐCS 2019 without decision; UBND xã Đak
//! Nhau, TTLĐTT 2020 without decision.

mod common;

use common::{TestSite, pos};

fn agency() -> TestSite {
    TestSite::fixture("agency").built()
}

/// The part of `html` from `start` up to the next `end` after it.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = pos(html, start);
    let rest = &html[from..];
    let to = rest
        .find(end)
        .unwrap_or_else(|| panic!("{end:?} not found after {start:?}"));
    &rest[..to + end.len()]
}

/// The text of an HTML fragment, its tags left out.
fn text_of(html: &str) -> String {
    html.split('<')
        .map(|piece| piece.split_once('>').map_or(piece, |(_, text)| text))
        .collect()
}

/// The rows of a year page's summary table, as "name|individuals|collectives|total".
fn summary_rows(html: &str) -> Vec<String> {
    let table = between(html, "<table class=\"summary\">", "</table>");
    let mut rows = Vec::new();
    for row in table.split("<tr>").skip(2) {
        let cells: Vec<&str> = row
            .split(['<', '>'])
            .enumerate()
            .filter(|(i, _)| i % 2 == 0)
            .map(|(_, s)| s)
            .filter(|s| !s.trim().is_empty())
            .collect();
        rows.push(cells.join("|"));
    }
    rows
}

/// Year summaries, counted by hand from the fixture (an award counted once
/// per holder; a profile's inline award merged with a list entry once):
///
/// 2016, Bằng khen tỉnh: Phòng Dân tộc Bù Đăng holds two (inline decision
/// 100 and bk-2016's 200): 2 collectives; Trường THCS Lê Lợi one (inline
/// 200 merged with bk-2016): 1 collective; Nguyễn Văn Hùng, no profile:
/// 1 individual. → 1 individual, 3 collectives, 4 in all.
///
/// 2019, CSTĐCS: Lò Thị Mai's inline award merged with cstd-2019-a (1),
/// cstd-2019-b another (1); Điểu Thị Hạnh in cstd-2019-a (1). → 3
/// individuals. (Without the merge: 4; merging with both lists: 2.)
///
/// 2020 (tong-ket-2020 and gk-2020-cuoi):
/// - CSTĐCS (rank 30): Lò Thị Mai 1 + count 1 → 2 individuals;
/// - Giấy khen (20): count 5 + 2, Hoàng Văn Tư 1 → 6 individuals, 2 collectives;
/// - TTLĐTT (15): Phòng Tổng hợp 1 + UBND xã Đak Nhau 1 (inline merged) → 2 collectives;
/// - LĐTT (10): Điểu Thị Hạnh 1 + count 21 → 22 individuals.
///
/// → 30 individuals, 4 collectives, 34 in all.
///
/// 2021, LĐTT: count 1 → 1 individual.
#[test]
fn year_summaries_match_the_hand_count_in_both_languages() {
    let site = agency();
    let expected: [(i32, &[&str], &[&str]); 4] = [
        (
            2016,
            &["Bằng khen của Chủ tịch UBND tỉnh|1|3|4", "Tổng cộng|1|3|4"],
            &[
                "Certificate of Merit of the Provincial People&#39;s Committee Chairman|1|3|4",
                "Total|1|3|4",
            ],
        ),
        (
            2019,
            &["Chiến sĩ thi đua cơ sở|3|0|3", "Tổng cộng|3|0|3"],
            &["Grassroots Emulation Fighter|3|0|3", "Total|3|0|3"],
        ),
        (
            2020,
            &[
                "Chiến sĩ thi đua cơ sở|2|0|2",
                "Giấy khen|6|2|8",
                "Tập thể lao động tiên tiến|0|2|2",
                "Lao động tiên tiến|22|0|22",
                "Tổng cộng|30|4|34",
            ],
            &[
                "Grassroots Emulation Fighter|2|0|2",
                "Certificate of Commendation|6|2|8",
                "Advanced Labour Collective|0|2|2",
                "Advanced Worker|22|0|22",
                "Total|30|4|34",
            ],
        ),
        (
            2021,
            &["Lao động tiên tiến|1|0|1", "Tổng cộng|1|0|1"],
            &["Advanced Worker|1|0|1", "Total|1|0|1"],
        ),
    ];
    for (year, vi, en) in expected {
        let vi_page = site.page(&format!("nam/{year}/index.html"));
        assert_eq!(summary_rows(&vi_page), vi, "vi {year}");
        let en_page = site.page(&format!("en/years/{year}/index.html"));
        assert_eq!(summary_rows(&en_page), en, "en {year}");
    }
    // The home page's count of awards: 4 + 3 + 34 + 1.
    assert!(
        site.page("index.html")
            .contains("<strong>42</strong> <span>Lượt khen thưởng</span>")
    );
}

#[test]
fn two_decisions_of_one_type_and_year_are_two_awards() {
    let site = agency();
    for (page, count, a, b, date) in [
        (
            "ho-so/phong-dan-toc-bu-dang/index.html",
            "Khen thưởng <span class=\"count\">(2)</span>",
            "Quyết định số 100/QĐ-UBND,",
            "<a href=\"/vinh-danh/khen-thuong/bk-2016/\">Quyết định số 200/QĐ-UBND</a>",
            "<time datetime=\"2016-05-10\">10 tháng 5 năm 2016</time>",
        ),
        (
            "en/profiles/phong-dan-toc-bu-dang/index.html",
            "Awards <span class=\"count\">(2)</span>",
            "Decision No. 100/QĐ-UBND,",
            "<a href=\"/vinh-danh/en/awards/bk-2016/\">Decision No. 200/QĐ-UBND</a>",
            "<time datetime=\"2016-05-10\">10 May 2016</time>",
        ),
    ] {
        let html = site.page(page);
        assert!(html.contains(count), "{page}: two awards");
        assert!(html.contains("<summary>2016, 2016</summary>"), "{page}");
        assert!(html.contains(a), "{page}: the inline decision");
        assert!(html.contains(date), "{page}: the inline award's date");
        assert!(html.contains(b), "{page}: the list's decision");
    }
}

#[test]
fn the_same_decision_written_otherwise_is_one_award_with_the_lists_details() {
    let site = agency();
    for (page, count, list, date) in [
        (
            "ho-so/truong-thcs-le-loi/index.html",
            "Khen thưởng <span class=\"count\">(1)</span>",
            "<a href=\"/vinh-danh/khen-thuong/bk-2016/\">Quyết định số 200/QĐ-UBND</a>",
            "<time datetime=\"2016-11-15\">15 tháng 11 năm 2016</time>",
        ),
        (
            "en/profiles/truong-thcs-le-loi/index.html",
            "Awards <span class=\"count\">(1)</span>",
            "<a href=\"/vinh-danh/en/awards/bk-2016/\">Decision No. 200/QĐ-UBND</a>",
            "<time datetime=\"2016-11-15\">15 November 2016</time>",
        ),
    ] {
        let html = site.page(page);
        assert!(html.contains(count), "{page}: one award");
        assert!(html.contains(list), "{page}: the list's title, linked");
        assert!(html.contains(date), "{page}: the list's date");
        assert!(
            !html.to_lowercase().contains("200 / qđ-ubnd"),
            "{page}: the number as the profile wrote it is not shown"
        );
    }
    let en = site.page("en/profiles/truong-thcs-le-loi/index.html");
    assert!(
        en.contains("Chairman of the Bình Phước Provincial People&#39;s Committee"),
        "the list's issuer"
    );
}

#[test]
fn an_inline_award_without_decision_merges_with_the_earliest_list_only() {
    let site = agency();
    for (page, count, a, b, reason) in [
        (
            "ho-so/lo-thi-mai/index.html",
            "Khen thưởng <span class=\"count\">(3)</span>",
            "<a href=\"/vinh-danh/khen-thuong/cstd-2019-a/\">Quyết định số 45/QĐ-BDT</a>",
            "<a href=\"/vinh-danh/khen-thuong/cstd-2019-b/\">Quyết định số 12/QĐ-BDT</a>",
            "Lý do: <span>Có sáng kiến cải tiến quy trình tiếp dân</span>",
        ),
        (
            "en/profiles/lo-thi-mai/index.html",
            "Awards <span class=\"count\">(3)</span>",
            "<a href=\"/vinh-danh/en/awards/cstd-2019-a/\">Decision No. 45/QĐ-BDT</a>",
            "<a href=\"/vinh-danh/en/awards/cstd-2019-b/\">Decision No. 12/QĐ-BDT</a>",
            "Reason: <span lang=\"vi\">Có sáng kiến cải tiến quy trình tiếp dân</span>",
        ),
    ] {
        let html = site.page(page);
        // 2019 twice (merged inline + cstd-2019-a, then cstd-2019-b), 2020 once.
        assert!(html.contains(count), "{page}: three awards");
        assert!(
            html.contains("<summary>2019, 2019, 2020</summary>"),
            "{page}"
        );
        let merged = between(&html, a, "</li>");
        assert!(
            merged.contains(reason),
            "{page}: the inline award's reason stays with the earliest list: {merged}"
        );
        let later = between(&html, b, "</li>");
        assert!(
            !later.contains("sáng kiến"),
            "{page}: the later list is another award: {later}"
        );
    }
}

#[test]
fn a_decision_without_number_is_titled_by_award_year_and_issuer() {
    let site = agency();
    for (page, title) in [
        (
            "khen-thuong/ldtt-2021/index.html",
            "Lao động tiên tiến 2021 – Giám đốc Sở Nội vụ",
        ),
        (
            "en/awards/ldtt-2021/index.html",
            "Advanced Worker 2021 – Director of the Department of Home Affairs",
        ),
        (
            "khen-thuong/tong-ket-2020/index.html",
            "Khen thưởng 2020 – Trưởng ban Dân tộc tỉnh",
        ),
    ] {
        let html = site.page(page);
        assert_eq!(text_of(between(&html, "<h1>", "</h1>")), title, "{page}");
        assert!(html.contains(&format!("<title>{title} | ")), "{page}");
    }
    // Several award types: "Commendations", the issuer untranslated.
    let en = site.page("en/awards/tong-ket-2020/index.html");
    assert!(
        en.contains(
            "<h1>Commendations 2020 – <span lang=\"vi\">Trưởng ban Dân tộc tỉnh</span></h1>"
        ),
        "{}",
        between(&en, "<h1>", "</h1>")
    );
    // A number is the title, whatever the award.
    assert!(
        site.page("khen-thuong/bk-2016/index.html")
            .contains("<h1>Quyết định số 200/QĐ-UBND</h1>")
    );
    assert!(
        site.page("en/awards/bk-2016/index.html")
            .contains("<h1>Decision No. 200/QĐ-UBND</h1>")
    );
}

#[test]
fn an_undated_list_shows_no_date_and_sorts_as_the_end_of_its_year() {
    let site = agency();
    for (page, date_label) in [
        ("khen-thuong/tong-ket-2020/index.html", "<dt>Ngày</dt>"),
        ("en/awards/tong-ket-2020/index.html", "<dt>Date</dt>"),
    ] {
        let html = site.page(page);
        let header = between(&html, "<header class=\"decision-header\">", "</header>");
        assert!(!header.contains(date_label), "{page}: {header}");
        assert!(!header.contains("<time"), "{page}: {header}");
    }
    // Newest first: 2021-01-05, then the undated 2020 list (as 31 December,
    // after the list dated that day), then the one dated 2020-12-31, then
    // the one dated 2020-01-10 (of 2019).
    for index in ["khen-thuong/index.html", "en/awards/index.html"] {
        let html = site.page(index);
        let order = [
            "ldtt-2021/",
            "tong-ket-2020/",
            "gk-2020-cuoi/",
            "cstd-2019-b/",
        ]
        .map(|slug| pos(&html, slug));
        assert!(order.is_sorted(), "{index}: {order:?}");
        let row = between(&html, "tong-ket-2020/", "</tr>");
        assert!(!row.contains("<time"), "{index}: no date shown: {row}");
    }
    let year = site.page("nam/2020/index.html");
    assert!(pos(&year, "tong-ket-2020/") < pos(&year, "gk-2020-cuoi/"));
}

#[test]
fn counts_are_worded_in_both_languages() {
    let site = agency();
    let vi = site.page("khen-thuong/tong-ket-2020/index.html");
    let vi_counts = between(&vi, "count-list\">", "</ul>");
    for words in [
        "<strong>Lao động tiên tiến</strong>: 21 cá nhân <span class=\"note\">(<span>cán bộ, công chức, người lao động</span>)</span>",
        "<strong>Giấy khen</strong>: 5 cá nhân và 2 tập thể</li>",
        "<strong>Chiến sĩ thi đua cơ sở</strong>: 1 cá nhân</li>",
    ] {
        assert!(vi_counts.contains(words), "{words}\n{vi_counts}");
    }
    assert!(vi.contains("<dd>29 cá nhân và 4 tập thể · <a"));
    let en = site.page("en/awards/tong-ket-2020/index.html");
    let en_counts = between(&en, "count-list\">", "</ul>");
    for words in [
        "<strong>Advanced Worker</strong>: 21 individuals <span class=\"note\">(<span lang=\"vi\">cán bộ, công chức, người lao động</span>)</span>",
        "<strong>Certificate of Commendation</strong>: 5 individuals and 2 collectives</li>",
        "<strong>Grassroots Emulation Fighter</strong>: 1 individual</li>",
    ] {
        assert!(en_counts.contains(words), "{words}\n{en_counts}");
    }
    assert!(en.contains("<dd>29 individuals and 4 collectives · <a"));
    // A list of one count alone: no award name before it, singular words.
    let one = site.page("en/awards/ldtt-2021/index.html");
    assert!(one.contains("<li>1 individual</li>"));
    assert!(one.contains("<dd>1 individual · <a"));
    assert!(
        site.page("khen-thuong/ldtt-2021/index.html")
            .contains("<li>1 cá nhân</li>")
    );
    // Totals in the award-list tables.
    let index = site.page("khen-thuong/index.html");
    for cell in [
        "<td class=\"num\">29 cá nhân và 4 tập thể</td>",
        "<td class=\"num\">1 cá nhân và 2 tập thể</td>",
        "<td class=\"num\">2 cá nhân</td>",
    ] {
        assert!(index.contains(cell), "{cell}");
    }
    let index = site.page("en/awards/index.html");
    for cell in [
        "<td class=\"num\">29 individuals and 4 collectives</td>",
        "<td class=\"num\">1 individual and 2 collectives</td>",
        "<td class=\"num\">2 individuals</td>",
    ] {
        assert!(index.contains(cell), "{cell}");
    }
    // Every text file (the favicons and sharing image are pictures).
    for file in site.built_files() {
        if [".png", ".jpg", ".pdf"]
            .iter()
            .any(|ext| file.ends_with(ext))
        {
            continue;
        }
        let text = site.page(&file);
        for wrong in ["1 individuals", "1 collectives"] {
            assert!(
                !text.contains(&format!(" {wrong}")) && !text.contains(&format!(">{wrong}")),
                "{file} says {wrong:?}"
            );
        }
    }
}

#[test]
fn awards_and_kinds_are_accepted_as_editors_write_them() {
    let site = agency();
    // "lao động  tiên tiến" (case, two spaces), "Chiến sĩ thi đua cơ sở" and
    // "Chiến sỹ thi đua cơ sở", a key, "Tập thể lao động tiên tiến".
    let vi = site.page("khen-thuong/tong-ket-2020/index.html");
    for (name, award) in [
        ("Lò Thị Mai</a>", "Chiến sĩ thi đua cơ sở"),
        ("Điểu Thị Hạnh", "Lao động tiên tiến"),
        ("Phòng Tổng hợp", "Tập thể lao động tiên tiến"),
        (
            "Ủy ban nhân dân xã Đak Nhau</a>",
            "Tập thể lao động tiên tiến",
        ),
    ] {
        let row = between(&vi, name, "</tr>");
        assert!(row.contains(&format!("<td>{award}</td>")), "{row}");
    }
    // "Advanced Worker", an English name, in a Vietnamese site's file.
    assert!(
        site.page("khen-thuong/ldtt-2021/index.html")
            .contains("<p class=\"decision-award\"><span>Lao động tiên tiến</span></p>")
    );
    // Kinds: "tập thể" written, and inferred from an award for one kind only.
    let row = between(&vi, "Phòng Tổng hợp", "</tr>");
    assert!(
        row.contains("<span class=\"kind-label\">(Tập thể)</span>"),
        "{row}"
    );
    let row = between(&vi, "Ủy ban nhân dân xã Đak Nhau</a>", "</tr>");
    assert!(
        row.contains("<span class=\"kind-label\">(Tập thể)</span>"),
        "inferred: {row}"
    );
    let row = between(&vi, "Lò Thị Mai</a>", "</tr>");
    assert!(!row.contains("kind-label"), "inferred individual: {row}");
    // Profiles with kind = "Tập thể", "tập thể", "Cá nhân".
    for (slug, eyebrow) in [
        ("phong-dan-toc-bu-dang", "Tập thể điển hình tiên tiến"),
        ("truong-thcs-le-loi", "Tập thể điển hình tiên tiến"),
    ] {
        let html = site.page(&format!("ho-so/{slug}/index.html"));
        assert!(
            html.contains(&format!("<p class=\"eyebrow\">{eyebrow} · 2016</p>")),
            "{slug}"
        );
    }
    let profiles = site.page("ho-so/index.html");
    let individuals = between(&profiles, ">Cá nhân</h2>", "</ul>");
    assert!(individuals.contains("Lò Thị Mai"));
    let collectives = between(&profiles, ">Tập thể</h2>", "</ul>");
    for name in ["Phòng Dân tộc", "Trường THCS", "Ủy ban nhân dân"] {
        assert!(collectives.contains(name), "{name}");
    }
}

#[test]
fn awards_links_resolve_under_the_sub_folder_base_url() {
    let site = agency();
    for (page, href) in [
        (
            "ho-so/lo-thi-mai/index.html",
            "<a href=\"/vinh-danh/khen-thuong/tong-ket-2020/\">quyết định tổng kết năm 2020</a>",
        ),
        (
            "en/profiles/lo-thi-mai/index.html",
            "<a href=\"/vinh-danh/en/awards/tong-ket-2020/\">quyết định tổng kết năm 2020</a>",
        ),
    ] {
        let html = site.page(page);
        let story = between(&html, "<div class=\"prose\"", "</div>");
        assert!(story.contains(href), "{page}: {story}");
    }
    assert!(site.exists("khen-thuong/tong-ket-2020/index.html"));
    assert!(site.exists("en/awards/tong-ket-2020/index.html"));
}

#[test]
fn the_english_profile_list_sorts_collectives_by_their_english_names() {
    let site = agency();
    let order = |page: &str, slugs: [&str; 3]| {
        let html = site.page(page);
        slugs.map(|s| pos(&html, &format!("/{s}/\"")))
    };
    // vi: Phòng < Trường < Ủy ban.
    let vi = order(
        "ho-so/index.html",
        [
            "phong-dan-toc-bu-dang",
            "truong-thcs-le-loi",
            "ubnd-xa-dak-nhau",
        ],
    );
    assert!(vi.is_sorted(), "{vi:?}");
    // en: Bù Đăng District… < Đak Nhau Commune… < Lê Lợi Lower Secondary School.
    let en = order(
        "en/profiles/index.html",
        [
            "phong-dan-toc-bu-dang",
            "ubnd-xa-dak-nhau",
            "truong-thcs-le-loi",
        ],
    );
    assert!(en.is_sorted(), "{en:?}");
}

#[test]
fn untranslated_fragments_on_english_pages_carry_lang_vi() {
    let site = agency();
    // (English page, its Vietnamese twin, the fragment on the English page,
    // the same on the Vietnamese page, without lang).
    let cases: [(&str, &str, &str); 16] = [
        // A plain-string issuer, on the decision page and in the list table.
        (
            "awards/cstd-2019-a/",
            "<dd lang=\"vi\">Trưởng ban Dân tộc tỉnh</dd>",
            "<dd>Trưởng ban Dân tộc tỉnh</dd>",
        ),
        (
            "awards/",
            "<td class=\"col-issuer\" lang=\"vi\">Trưởng ban Dân tộc tỉnh</td>",
            "<td class=\"col-issuer\">Trưởng ban Dân tộc tỉnh</td>",
        ),
        // A plain-string issuer in the title of a list without a number.
        (
            "awards/",
            "tong-ket-2020/\">Commendations 2020 – <span lang=\"vi\">Trưởng ban Dân tộc tỉnh</span></a>",
            "tong-ket-2020/\">Khen thưởng 2020 – <span>Trưởng ban Dân tộc tỉnh</span></a>",
        ),
        // A profile links the list by its title, the issuer beside it.
        (
            "profiles/lo-thi-mai/",
            "tong-ket-2020/\">Commendations 2020</a> · <span lang=\"vi\">Trưởng ban Dân tộc tỉnh</span>",
            "tong-ket-2020/\">Khen thưởng 2020</a> · <span>Trưởng ban Dân tộc tỉnh</span>",
        ),
        // A plain-string reason.
        (
            "awards/tong-ket-2020/",
            "<dd lang=\"vi\">Hoàn thành xuất sắc nhiệm vụ năm 2020</dd>",
            "<dd>Hoàn thành xuất sắc nhiệm vụ năm 2020</dd>",
        ),
        // A recipient's unit, position and note.
        (
            "awards/cstd-2019-a/",
            "<td lang=\"vi\">Phòng Chính sách</td>",
            "<td>Phòng Chính sách</td>",
        ),
        (
            "awards/cstd-2019-a/",
            "<td class=\"col-position\" lang=\"vi\">Chuyên viên</td>",
            "<td class=\"col-position\">Chuyên viên</td>",
        ),
        (
            "awards/cstd-2019-a/",
            "<span lang=\"vi\">Người dân tộc Xtiêng</span>",
            "<span>Người dân tộc Xtiêng</span>",
        ),
        // A recipient's name as the decision wrote it.
        (
            "awards/bk-2016/",
            "<span lang=\"vi\">Nguyễn Văn Hùng</span>",
            "<th scope=\"row\">Nguyễn Văn Hùng",
        ),
        // An untranslated profile's name in a recipient link.
        (
            "awards/cstd-2019-a/",
            "/lo-thi-mai/\" lang=\"vi\">Lò Thị Mai</a>",
            "/lo-thi-mai/\">Lò Thị Mai</a>",
        ),
        // A campaign's plain-string launched_by, though the campaign is translated.
        (
            "campaigns/thi-dua-yeu-nuoc/",
            "<dd lang=\"vi\">Thủ tướng Chính phủ</dd>",
            "<dd>Thủ tướng Chính phủ</dd>",
        ),
        (
            "campaigns/",
            "Launched by: <span lang=\"vi\">Thủ tướng Chính phủ</span>",
            "<span>Thủ tướng Chính phủ</span>",
        ),
        // A unit the translation leaves out, and an untranslated campaign's name.
        (
            "profiles/",
            "<span lang=\"vi\">Phòng Giáo dục huyện Bù Đăng</span>",
            "<span>Phòng Giáo dục huyện Bù Đăng</span>",
        ),
        (
            "profiles/lo-thi-mai/",
            "/ban-thi-dua/\" lang=\"vi\">Ban thi đua lập thành tích</a>",
            "/ban-thi-dua/\">Ban thi đua lập thành tích</a>",
        ),
        // An inline award's plain-string issuer and reason on a translated profile.
        (
            "profiles/phong-dan-toc-bu-dang/",
            "<span lang=\"vi\">Chủ tịch UBND tỉnh Bình Phước</span>",
            "<span>Chủ tịch UBND tỉnh Bình Phước</span>",
        ),
        (
            "profiles/phong-dan-toc-bu-dang/",
            "<span lang=\"vi\">Thực hiện tốt chính sách dân tộc</span>",
            "<span>Thực hiện tốt chính sách dân tộc</span>",
        ),
    ];
    for (path, en, vi) in cases {
        let en_page = site.page(&format!("en/{path}index.html"));
        assert!(en_page.contains(en), "en/{path}: {en}");
        let vi_path = path
            .replace("awards/", "khen-thuong/")
            .replace("campaigns/", "phong-trao/")
            .replace("profiles/", "ho-so/");
        let vi_page = site.page(&format!("{vi_path}index.html"));
        assert!(vi_page.contains(vi), "{vi_path}: {vi}");
    }
    // Translated text is not marked: a translated profile's name in a
    // recipient link, a localised issuer.
    let en = site.page("en/awards/bk-2016/index.html");
    assert!(en.contains("/phong-dan-toc-bu-dang/\">Bù Đăng District Ethnic Affairs Office</a>"));
    assert!(en.contains("<dd>Chairman of the Bình Phước Provincial People&#39;s Committee</dd>"));
}

/// One Atom entry: title, link and `updated`.
#[derive(Debug, Default)]
struct Entry {
    title: String,
    link: String,
    updated: String,
}

/// The feed's own `updated` and its entries, read with an XML parser
/// (text and entity references put back together).
fn read_feed(text: &str) -> (String, Vec<Entry>) {
    use quick_xml::escape::resolve_predefined_entity;
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut path: Vec<String> = Vec::new();
    let mut updated = String::new();
    let mut entries: Vec<Entry> = Vec::new();
    loop {
        let piece: String = match reader.read_event().expect("the feed is XML") {
            Event::Eof => break,
            Event::Start(e) => {
                let name = e.name().as_ref().to_owned();
                if name == "entry" {
                    entries.push(Entry::default());
                }
                path.push(name);
                continue;
            }
            Event::End(_) => {
                path.pop();
                continue;
            }
            Event::Empty(e) if e.name().as_ref() == "link" && path.len() == 2 => {
                let href = e
                    .try_get_attribute("href")
                    .expect("attribute")
                    .expect("href");
                let href = href
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .expect("href text");
                entries.last_mut().expect("entry").link = href.into_owned();
                continue;
            }
            Event::Text(t) => t.xml10_content().into_owned(),
            Event::GeneralRef(r) => match r.resolve_char_ref().expect("char ref") {
                Some(c) => c.to_string(),
                None => resolve_predefined_entity(&r).expect("entity").to_owned(),
            },
            _ => continue,
        };
        let at: Vec<&str> = path.iter().map(String::as_str).collect();
        match at.as_slice() {
            ["feed", "updated"] => updated.push_str(&piece),
            ["feed", "entry", "title"] => entries.last_mut().expect("entry").title.push_str(&piece),
            ["feed", "entry", "updated"] => {
                entries.last_mut().expect("entry").updated.push_str(&piece)
            }
            _ => {}
        }
    }
    (updated, entries)
}

#[test]
fn the_feed_announces_award_lists_and_is_as_new_as_its_newest_entry() {
    let site = agency();
    for (feed, base, titles) in [
        (
            "atom.xml",
            "https://bdt.example.gov.vn/vinh-danh/khen-thuong/",
            [
                "Lao động tiên tiến 2021 – Giám đốc Sở Nội vụ",
                "Khen thưởng 2020 – Trưởng ban Dân tộc tỉnh",
                "Quyết định số 310/QĐ-BDT",
                "Quyết định số 200/QĐ-UBND",
            ],
        ),
        (
            "en/atom.xml",
            "https://bdt.example.gov.vn/vinh-danh/en/awards/",
            [
                "Advanced Worker 2021 – Director of the Department of Home Affairs",
                "Commendations 2020 – Trưởng ban Dân tộc tỉnh",
                "Decision No. 310/QĐ-BDT",
                "Decision No. 200/QĐ-UBND",
            ],
        ),
    ] {
        let (updated, entries) = read_feed(&site.page(feed));
        // Four profiles and six award lists.
        assert_eq!(entries.len(), 10, "{feed}: {entries:#?}");
        let lists: Vec<&Entry> = entries
            .iter()
            .filter(|e| e.link.starts_with(base))
            .collect();
        assert_eq!(lists.len(), 6, "{feed}: {entries:#?}");
        for title in titles {
            assert!(
                lists.iter().any(|e| e.title == title),
                "{feed}: no entry titled {title:?}: {lists:#?}"
            );
        }
        // Newest first; the newest is the list of 5 January 2021.
        let dates: Vec<&str> = entries.iter().map(|e| e.updated.as_str()).collect();
        assert!(dates.is_sorted_by(|a, b| a >= b), "{feed}: {dates:?}");
        assert_eq!(entries[0].link, format!("{base}ldtt-2021/"));
        assert!(
            entries[0].updated.starts_with("2021-01-05"),
            "{:?}",
            entries[0]
        );
        assert_eq!(updated, entries[0].updated, "{feed}: the feed's updated");
        // The undated list is dated 31 December of its year.
        let undated = lists
            .iter()
            .find(|e| e.link.ends_with("/tong-ket-2020/"))
            .expect("undated list");
        assert!(undated.updated.starts_with("2020-12-31"), "{undated:?}");
    }
}

#[test]
fn the_campaign_index_groups_by_level_national_first_other_last() {
    let site = agency();
    for (page, headings) in [
        (
            "phong-trao/index.html",
            [
                ">Phong trào toàn quốc</h2>",
                ">Phong trào cấp tỉnh</h2>",
                ">Phong trào của cơ quan, đơn vị</h2>",
                ">Khác</h2>",
            ],
        ),
        (
            "en/campaigns/index.html",
            [
                ">National campaigns</h2>",
                ">Provincial campaigns</h2>",
                ">Agency campaigns</h2>",
                ">Other</h2>",
            ],
        ),
    ] {
        let html = site.page(page);
        let at = headings.map(|h| pos(&html, h));
        assert!(at.is_sorted(), "{page}: {at:?}");
        // Each campaign under its heading.
        for (slug, group) in [
            ("thi-dua-yeu-nuoc", 0),
            ("dan-toc-tinh", 1),
            ("ban-thi-dua", 2),
            ("an-toan-giao-thong", 3),
        ] {
            let p = pos(&html, &format!("/{slug}/\""));
            assert!(p > at[group], "{page}: {slug}");
            assert!(group == 3 || p < at[group + 1], "{page}: {slug}");
        }
        // Without start_year: no period; with only a start: "2019–".
        let card = between(&html, "/ban-thi-dua/\"", "</li>");
        assert!(!card.contains("eyebrow"), "{card}");
        let card = between(&html, "<p class=\"eyebrow\">2019–</p>", "</li>");
        assert!(card.contains("/dan-toc-tinh/"), "{card}");
    }
    // The page of a campaign without start_year: no period, its level.
    for (page, eyebrow, level) in [
        (
            "phong-trao/ban-thi-dua/index.html",
            "<p class=\"eyebrow\">Phong trào</p>",
            "<dd>Phong trào của cơ quan, đơn vị</dd>",
        ),
        (
            "en/campaigns/ban-thi-dua/index.html",
            "<p class=\"eyebrow\">Campaign</p>",
            "<dd>Agency campaigns</dd>",
        ),
    ] {
        let html = site.page(page);
        let header = between(&html, "<header class=\"campaign-header\">", "</header>");
        assert!(header.contains(eyebrow), "{page}: {header}");
        assert!(header.contains(level), "{page}: {header}");
        assert!(!header.contains("–"), "{page}: no period: {header}");
    }
}

#[test]
fn campaign_documents_are_shown_in_both_languages() {
    let site = agency();
    let vi = site.page("phong-trao/thi-dua-yeu-nuoc/index.html");
    let docs = between(&vi, "<ul class=\"documents\">", "</ul>");
    for item in [
        "<li><strong>1/KH-TTg</strong>, <time datetime=\"2016-01-05\">5 tháng 1 năm 2016</time> · <span>Thủ tướng Chính phủ</span><br><span>Kế hoạch phát động phong trào thi đua</span></li>",
        "<li><strong>25/KH-UBND</strong>, <time datetime=\"2016-03-01\">1 tháng 3 năm 2016</time> · <span>UBND tỉnh Bình Phước</span></li>",
        "<li><strong>7/KH-BDT</strong></li>",
    ] {
        assert!(docs.contains(item), "{item}\n{docs}");
    }
    assert!(vi.contains(">Văn bản chỉ đạo</h2>"));
    let en = site.page("en/campaigns/thi-dua-yeu-nuoc/index.html");
    let docs = between(&en, "<ul class=\"documents\">", "</ul>");
    for item in [
        "<li><strong>1/KH-TTg</strong>, <time datetime=\"2016-01-05\">5 January 2016</time> · <span lang=\"vi\">Thủ tướng Chính phủ</span><br><span lang=\"vi\">Kế hoạch phát động phong trào thi đua</span></li>",
        "<li><strong>25/KH-UBND</strong>, <time datetime=\"2016-03-01\">1 March 2016</time> · <span>Bình Phước Provincial People&#39;s Committee</span></li>",
        "<li><strong>7/KH-BDT</strong></li>",
    ] {
        assert!(docs.contains(item), "{item}\n{docs}");
    }
    assert!(en.contains(">Guiding documents</h2>"));
}

#[test]
fn the_agency_is_in_the_footer_of_every_page() {
    let site = agency();
    let pages: Vec<String> = site
        .built_files()
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .collect();
    assert!(pages.len() > 40, "{pages:?}");
    for file in pages {
        let html = site.page(&file);
        let footer = between(&html, "<address class=\"agency\">", "</address>");
        let (name, address, responsible) = if file.starts_with("en/") {
            (
                "<strong>Bình Phước Provincial Ethnic Affairs Committee</strong>",
                "<span lang=\"vi\">Số 1 Trần Hưng Đạo, Đồng Xoài</span>",
                "Responsible for the content: <span>Điểu Văn Bảo, Head of the Committee</span>",
            )
        } else {
            (
                "<strong>Ban Dân tộc tỉnh Bình Phước</strong>",
                "<span>Số 1 Trần Hưng Đạo, Đồng Xoài</span>",
                "Chịu trách nhiệm nội dung: <span>Trưởng ban Điểu Văn Bảo</span>",
            )
        };
        for part in [name, address, responsible] {
            assert!(footer.contains(part), "{file}: {part}\n{footer}");
        }
        assert!(
            footer.contains("<a href=\"tel:02713879123\">0271 3 879 123</a>")
                && footer.contains("<a href=\"mailto:bdt@example.gov.vn\">bdt@example.gov.vn</a>"),
            "{file}: {footer}"
        );
    }
}
