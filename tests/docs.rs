//! docs/templates.md against the code: every field of every value a
//! template receives must be named in the part of the page that describes
//! it. The fields come from the typed values themselves (their `Serialize`
//! derives), built for every page of the basic fixture (with the few
//! things it lacks added: an `[agency]`, a campaign's documents, counts), so
//! a field added to a page kind or card fails here until it is documented.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::fields::Fields;
use vinhdanh::config::Language;
use vinhdanh::render::context::Common;
use vinhdanh::render::values::Values;
use vinhdanh::render::{Inputs, PageData, Renderer};
use vinhdanh::urls::Urls;

/// Where each typed value is described: markers found one after the other,
/// then the text up to the end marker.
const SECTIONS: &[(&str, &[&str], &str)] = &[
    ("Common", &["## 5. Variables on every page"], "**`page`**"),
    ("LangValue", &["## 5.", "| `lang` |"], "\n"),
    ("LanguageLink", &["## 5.", "| `languages` |"], "\n"),
    ("Nav", &["## 5.", "| `nav` |"], "\n"),
    ("SiteValue", &["## 5.", "| `site` |"], "\n"),
    ("AgencyValue", &["### Agency"], "\n### "),
    ("PageInfo", &["**`page`**"], "**`page.share`**"),
    ("Share", &["**`page.share`**"], "**`pagination`**"),
    ("QrValue", &["**`page`**", "| `qr` |"], "\n"),
    ("Alternate", &["**`page`**", "| `alternates` |"], "\n"),
    ("Pagination", &["**`pagination`** (when not null)"], "## 6."),
    (
        "PageLink",
        &["**`pagination`** (when not null)", "| `pages` |"],
        "\n",
    ),
    (
        "Home",
        &["## 6.", "| `index.html` |"],
        "| `profiles.html` |",
    ),
    ("Counts", &["## 6.", "| `counts` |"], "\n"),
    (
        "Profiles",
        &["## 6.", "| `profiles.html` |"],
        "| `profile.html` |",
    ),
    (
        "LetterLink",
        &["## 6.", "| `profiles.html` |", "| | `letters` |"],
        "\n",
    ),
    (
        "ProfilePage",
        &["## 6.", "| `profile.html` |"],
        "| `years.html` |",
    ),
    ("Years", &["## 6.", "| `years.html` |"], "| `year.html` |"),
    (
        "YearPage",
        &["## 6.", "| `year.html` |"],
        "| `campaigns.html` |",
    ),
    (
        "Campaigns",
        &["## 6.", "| `campaigns.html` |"],
        "| `campaign.html` |",
    ),
    (
        "CampaignGroup",
        &["## 6.", "| `campaigns.html` |", "| | `campaign_groups` |"],
        "\n",
    ),
    (
        "CampaignPage",
        &["## 6.", "| `campaign.html` |"],
        "| `award_lists.html` |",
    ),
    (
        "AwardLists",
        &["## 6.", "| `award_lists.html` |"],
        "| `award_list.html` |",
    ),
    (
        "AwardListPage",
        &["## 6.", "| `award_list.html` |"],
        "| `award_types.html` |",
    ),
    (
        "AwardTypes",
        &["## 6.", "| `award_types.html` |"],
        "| `award_type.html` |",
    ),
    (
        "AwardTypePage",
        &["## 6.", "| `award_type.html` |"],
        "| `units.html` |",
    ),
    (
        "UnitsPage",
        &["## 6.", "| `units.html` |"],
        "| `unit.html` |",
    ),
    (
        "UnitPage",
        &["## 6.", "| `unit.html` |"],
        "| `search.html` |",
    ),
    (
        "SearchPage",
        &["## 6.", "| `search.html` |"],
        "| `data.html` |",
    ),
    (
        "DataPage",
        &["## 6.", "| `data.html` | `csv` |"],
        "| `404.html` |",
    ),
    (
        "DataLink",
        &["## 6.", "| `data.html` | `csv` |"],
        "| `404.html` |",
    ),
    ("NotFound", &["## 6.", "| `404.html` |"], "\n"),
    ("ProfileCard", &["### Profile card"], "\n### "),
    ("CampaignCard", &["### Campaign card"], "\n### "),
    ("DocumentValue", &["### Document"], "\n### "),
    ("AwardListCard", &["### Award-list card"], "\n### "),
    ("AwardTypeValue", &["### Award type"], "\n### "),
    ("Link", &["### Link"], "\n### "),
    ("HeldAwardValue", &["### Held award"], "\n### "),
    ("AwardGroupValue", &["### Award group"], "\n### "),
    ("CountValue", &["### Count"], "\n### "),
    ("YearEntry", &["### Year entry"], "\n### "),
    ("AwardTypeEntry", &["### Award-type entry"], "\n### "),
    ("UnitEntry", &["### Unit entry"], "\n### "),
    ("YearRow", &["### Year row"], "\n### "),
    ("HonourGroup", &["### Honour group"], "\n### "),
    ("YearValue", &["### Year object"], "**Summary row:**"),
    ("SummaryRow", &["**Summary row:**"], "\n## "),
];

fn section<'d>(doc: &'d str, markers: &[&str], end: &str) -> &'d str {
    let mut at = 0;
    for m in markers {
        at += doc[at..]
            .find(m)
            .unwrap_or_else(|| panic!("docs/templates.md has no {m:?}"));
    }
    let rest = &doc[at..];
    let skip = markers.last().map_or(0, |m| m.len());
    let len = rest[skip..].find(end).map_or(rest.len(), |i| i + skip);
    &rest[..len]
}

#[test]
fn templates_md_names_every_field_of_every_page_kind() {
    let fields = fields_of_the_basic_fixture();
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/templates.md"))
            .expect("docs/templates.md");
    let mut missing = Vec::new();
    for (name, names) in &fields {
        let Some((_, markers, end)) = SECTIONS.iter().find(|(s, _, _)| s == name) else {
            missing.push(format!(
                "{name}: not described (add it to docs/templates.md and to SECTIONS here)"
            ));
            continue;
        };
        let text = section(&doc, markers, end);
        for field in names {
            if !text.contains(&format!("`{field}`")) {
                missing.push(format!("{name}.{field}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "docs/templates.md does not name:\n{}",
        missing.join("\n")
    );
    let unseen: Vec<&str> = SECTIONS
        .iter()
        .map(|(s, _, _)| *s)
        .filter(|s| !fields.contains_key(*s))
        .collect();
    assert!(
        unseen.is_empty(),
        "the fixture never shows {unseen:?}: the test would miss their fields"
    );
}

/// What the basic fixture lacks for every value to show: the agency in
/// site.toml, a campaign's documents, a list's counts.
const EXTRA_SITE_TOML: &str = r#"
[agency]
name = "Ban Dân tộc tỉnh Cao Bằng"
address = "Số 1, phường Hợp Giang, thành phố Cao Bằng"
phone = "0206 3852 000"
email = "bandantoc@caobang.gov.vn"
responsible = "Trưởng ban"
"#;
const EXTRA_FILES: &[(&str, &str)] = &[
    (
        "content/campaigns/giam-ngheo.md",
        "+++\nname = \"Vì người nghèo\"\nlevel = \"national\"\n\n[[documents]]\nnumber = \"1258/QĐ-TTg\"\ndate = 2021-07-22\nissuer = \"Thủ tướng Chính phủ\"\ntitle = \"Phát động phong trào\"\n+++\n\nGiảm nghèo.\n",
    ),
    (
        "content/awards/ltt-2019.toml",
        "year = 2019\naward = \"Lao động tiên tiến\"\n\n[[counts]]\nindividuals = 21\nnote = \"cán bộ, công chức\"\n",
    ),
];

/// Struct name → field names, over every page of the basic fixture and
/// every card, in every language.
fn fields_of_the_basic_fixture() -> BTreeMap<String, BTreeSet<String>> {
    let site = common::TestSite::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("site.toml")).expect("site.toml");
    site.write("site.toml", &format!("{config}{EXTRA_SITE_TOML}"));
    for (path, text) in EXTRA_FILES {
        site.write(path, text);
    }
    let (model, theme) = vinhdanh::load_site(&site.options()).expect("the fixture loads");
    let renderer = Renderer::new(&model, &theme);
    let mut seen = Fields::default();
    for page in renderer.pages() {
        if let PageData::Html(html) = renderer.data(page, &mut Inputs::default()) {
            seen.of(&html.page);
            seen.of(&html.pagination);
            seen.of(&html.kind);
        }
    }
    let urls = Urls::new(&model.config);
    for (i, lang) in model.config.languages.iter().enumerate() {
        seen.of(&Common::new(&model, &theme, i));
        let values = values(&model, &theme, lang, i, urls);
        for p in &model.profiles {
            seen.of(&values.profile_card(p));
        }
        for c in &model.campaigns {
            seen.of(&values.campaign_card(c));
        }
        for l in &model.award_lists {
            seen.of(&values.award_list_card(l));
        }
    }
    seen.0
}

fn values<'a>(
    site: &'a vinhdanh::model::Site,
    theme: &'a vinhdanh::render::theme::Theme,
    lang: &'a Language,
    lang_index: usize,
    urls: Urls<'a>,
) -> Values<'a> {
    Values {
        site,
        lang,
        lang_index,
        urls,
        strings: &theme.strings[lang_index],
    }
}
