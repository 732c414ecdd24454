//! Crafted text in every field: whatever characters an editor pastes into a
//! name, a unit, a summary, a body, a site title or an award list, every
//! feed and sitemap stays well-formed XML 1.0 and no page carries a
//! control character or a noncharacter.
//!
//! The allowed characters are written out here from the XML 1.0 and HTML
//! standards, not taken from the code under test.

mod common;

use common::TestSite;
use proptest::prelude::*;

/// XML 1.0 `Char`: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and up.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// What HTML calls a parse error in the input stream: controls other than
/// ASCII whitespace, and noncharacters.
fn is_html_error(c: char) -> bool {
    let u = c as u32;
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        || (0xFDD0..=0xFDEF).contains(&u)
        || u & 0xFFFE == 0xFFFE
}

/// Parses `text` as XML (every element closed, every reference known) and checks
/// that every character is one XML 1.0 allows.
fn assert_valid_xml(name: &str, text: &str) {
    if let Some(c) = text.chars().find(|&c| !is_xml_char(c)) {
        panic!("{name}: {c:?} is not allowed in XML 1.0");
    }
    let mut reader = quick_xml::Reader::from_str(text);
    let mut depth = 0usize;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::GeneralRef(r)) => {
                let known = matches!(&*r, "amp" | "lt" | "gt" | "quot" | "apos") || r.is_char_ref();
                assert!(known, "{name}: unknown entity {r:?}");
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    assert!(is_xml_char(c), "{name}: reference to {c:?}");
                }
            }
            Ok(_) => {}
            Err(e) => panic!("{name}: invalid XML at {}: {e}", reader.buffer_position()),
        }
    }
    assert_eq!(depth, 0, "{name}: unclosed elements");
}

/// Builds the site; when it builds, checks every feed, sitemap and page.
/// Returns the problems when it did not build.
fn check_outputs(site: &TestSite) -> Result<(), String> {
    if let Err(problems) = site.build() {
        return Err(problems.to_string());
    }
    let files = site.built_files();
    let xml: Vec<&String> = files.iter().filter(|f| f.ends_with(".xml")).collect();
    assert!(xml.len() >= 3, "two feeds and a sitemap: {files:?}");
    for f in xml {
        assert_valid_xml(f, &site.page(f));
    }
    for f in files.iter().filter(|f| f.ends_with(".html")) {
        let page = site.page(f);
        if let Some(c) = page.chars().find(|&c| is_html_error(c)) {
            panic!("{f}: {c:?} in a page");
        }
    }
    Ok(())
}

/// One piece of a hostile text: a character, or a TOML escape of a lone
/// surrogate (which TOML must refuse: a problem, not a panic).
#[derive(Debug, Clone)]
enum Piece {
    Char(char),
    Surrogate(u32),
}

/// Characters that break XML or HTML, reorder text, or look like markup.
const NASTY: &[char] = &[
    '\0',
    '\u{1}',
    '\u{8}',
    '\u{b}',
    '\u{c}',
    '\u{1b}',
    '\u{1f}',
    '\u{7f}',
    '\u{80}',
    '\u{85}',
    '\u{9f}',
    '\u{fdd0}',
    '\u{fdef}',
    '\u{fffe}',
    '\u{ffff}',
    '\u{1fffe}',
    '\u{10ffff}',
    '\u{200e}',
    '\u{200f}',
    '\u{202a}',
    '\u{202e}',
    '\u{2066}',
    '\u{2069}',
    '\u{feff}',
    '\u{fffd}',
    '\u{301}',
    '<',
    '>',
    '&',
    '"',
    '\'',
    ']',
    'đ',
    'Ư',
    ' ',
];

fn hostile_text() -> impl Strategy<Value = Vec<Piece>> {
    let piece = prop_oneof![
        6 => any::<char>().prop_map(Piece::Char),
        10 => prop::sample::select(NASTY).prop_map(Piece::Char),
        1 => (0xD800u32..0xE000).prop_map(Piece::Surrogate),
    ];
    // Starts with a letter so that the field is never blank.
    prop::collection::vec(piece, 0..10).prop_map(|mut v| {
        v.insert(0, Piece::Char('A'));
        v
    })
}

/// The text as a TOML basic string: printable ASCII as it is, everything
/// else as a `\U` escape, surrogates as `\u` escapes.
fn toml_string(text: &[Piece]) -> String {
    let mut out = String::from("\"");
    for piece in text {
        match piece {
            Piece::Char(c) if (' '..='~').contains(c) && !matches!(c, '"' | '\\') => out.push(*c),
            Piece::Char(c) => out.push_str(&format!("\\U{:08X}", *c as u32)),
            Piece::Surrogate(u) => out.push_str(&format!("\\u{u:04X}")),
        }
    }
    out.push('"');
    out
}

/// The text as it would sit in a markdown body (surrogates cannot).
fn raw(text: &[Piece]) -> String {
    text.iter()
        .filter_map(|p| match p {
            Piece::Char(c) => Some(*c),
            Piece::Surrogate(_) => None,
        })
        .collect()
}

/// The basic fixture with `texts` in every text field a reader sees.
fn site_with(texts: &[Vec<Piece>; 8]) -> TestSite {
    let [
        title,
        description,
        name,
        unit,
        summary,
        body,
        issuer,
        recipient,
    ] = texts;
    let site = TestSite::fixture("basic");
    site.write(
        "site.toml",
        &format!(
            "base_url = \"https://example.gov.vn\"\ndefault_language = \"vi\"\n\n\
             [languages.vi]\ntitle = {}\ndescription = {}\n\n[languages.en]\ntitle = {}\n\n\
             [award_types.bang-khen-ban-dan-toc]\nname = {{ vi = {}, en = {} }}\n\
             kind = \"commendation\"\nlevel = \"ministry\"\nrecipient = \"both\"\nrank = 60\n",
            toml_string(title),
            toml_string(description),
            toml_string(name),
            toml_string(unit),
            toml_string(issuer),
        ),
    );
    site.write(
        "content/profiles/x.md",
        &format!(
            "+++\nname = {}\nkind = \"individual\"\nunit = {}\nposition = {}\nethnicity = {}\n\
             year = 2022\ndate = 2030-01-01\nsummary = {}\n+++\n\n# {}\n\n{}\n\n[^1]: {}\n",
            toml_string(name),
            toml_string(unit),
            toml_string(summary),
            toml_string(title),
            toml_string(summary),
            raw(name),
            raw(body),
            raw(unit),
        ),
    );
    site.write(
        "content/profiles/x.en.md",
        &format!(
            "+++\nname = {}\nunit = {}\n+++\n\n{}\n",
            toml_string(recipient),
            toml_string(issuer),
            raw(body)
        ),
    );
    site.write(
        "content/awards/x.toml",
        &format!(
            "decision = {}\ndate = 2022-02-02\nissuer = {}\naward = \"bang-khen-cap-tinh\"\n\
             reason = {{ vi = {}, en = {} }}\n\n[[recipients]]\nname = {}\nkind = \"individual\"\nunit = {}\n",
            toml_string(title),
            toml_string(issuer),
            toml_string(summary),
            toml_string(body),
            toml_string(recipient),
            toml_string(unit),
        ),
    );
    site
}

/// Regression (issue 18): U+FFFF in a name passed the XML escaper, which
/// dropped only C0 controls, and made both Atom feeds invalid.
#[test]
fn a_noncharacter_in_a_name_leaves_the_feeds_valid_xml() {
    let site = TestSite::fixture("basic");
    site.write(
        "content/profiles/x.md",
        "+++\nname = \"Nguyễn \\uFFFF Văn \\uFFFE\\u0001 A\"\nkind = \"individual\"\n\
         unit = \"Ban \\u0085\"\nyear = 2022\ndate = 2030-01-01\n+++\n\nBà \u{ffff}A\u{1}\u{fdd0}.\n",
    );
    if let Err(problems) = check_outputs(&site) {
        panic!("{problems}");
    }
    let feed = site.page("atom.xml");
    assert!(feed.contains("<title>Nguyễn  Văn  A</title>"), "{feed}");
    let page = site.page("ho-so/x/index.html");
    assert!(page.contains("<p>Bà A.</p>"), "{page}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_text_in_any_field_keeps_feeds_sitemaps_and_pages_valid(
        texts in [hostile_text(), hostile_text(), hostile_text(), hostile_text(),
                  hostile_text(), hostile_text(), hostile_text(), hostile_text()]
    ) {
        let site = site_with(&texts);
        let built = check_outputs(&site);
        // Without a surrogate escape every field is valid TOML, and the
        // site must build: the characters are dropped, not refused.
        let surrogates = texts.iter().flatten().any(|p| matches!(p, Piece::Surrogate(_)));
        prop_assert!(built.is_ok() || surrogates, "did not build: {:?}", built);
    }
}
