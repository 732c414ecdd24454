//! `site.toml` → [`Config`]: the site's languages, URLs, theme and options.
//!
//! Unknown keys are errors (a typo must never be silently ignored); every
//! problem is returned as a [`Diagnostic`] with its line in `site.toml`.

use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::Deserialize;
use toml::Spanned;

use crate::catalogue::{AwardType, Catalogue};
use crate::diagnostic::boundary::{Boundary, UrlPart, WordFault};
use crate::diagnostic::messages::{TomlPart, Unreadable};
use crate::diagnostic::toml_read::{TomlSource, read_toml};
use crate::diagnostic::{
    ConfigProblem, Diagnostic, Diagnostics, FileProblem, Lang, Problem, line_col,
};
use crate::i18n::slug::slugify;
use crate::i18n::{LocalisedText, text};
use crate::sitefs;
use crate::vocab::{CONFIG_FILE, DEFAULT_OUTPUT_DIR};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    base_url: Spanned<String>,
    #[serde(default = "default_language")]
    default_language: String,
    theme: Option<String>,
    output_dir: Option<String>,
    #[serde(default = "default_paginate_by")]
    paginate_by: usize,
    languages: IndexMap<String, RawLanguage>,
    #[serde(default)]
    markdown: MarkdownConfig,
    #[serde(default)]
    privacy: PrivacyConfig,
    #[serde(default)]
    award_types: IndexMap<String, AwardType>,
    agency: Option<Agency>,
}

fn default_language() -> String {
    "vi".to_owned()
}

fn default_paginate_by() -> usize {
    50
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    title: String,
    description: Option<String>,
    #[serde(default)]
    paths: RawPathWords,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPathWords {
    profiles: Option<Spanned<String>>,
    years: Option<Spanned<String>>,
    campaigns: Option<Spanned<String>>,
    awards: Option<Spanned<String>>,
    award_types: Option<Spanned<String>>,
    units: Option<Spanned<String>>,
    search: Option<Spanned<String>>,
    data: Option<Spanned<String>>,
    page: Option<Spanned<String>>,
}

impl RawPathWords {
    /// Each key with the word written for it, if any.
    fn entries(&self) -> [(&'static str, Option<&Spanned<String>>); 9] {
        [
            ("profiles", self.profiles.as_ref()),
            ("years", self.years.as_ref()),
            ("campaigns", self.campaigns.as_ref()),
            ("awards", self.awards.as_ref()),
            ("award_types", self.award_types.as_ref()),
            ("units", self.units.as_ref()),
            ("search", self.search.as_ref()),
            ("data", self.data.as_ref()),
            ("page", self.page.as_ref()),
        ]
    }
}

/// `[markdown]` in site.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    /// Raw HTML in markdown is escaped unless true.
    #[serde(default)]
    pub unsafe_html: bool,
}

/// `[agency]` in site.toml: who publishes the site, shown in every page's
/// footer (Decree 42/2022/NĐ-CP asks a state agency's site to say so).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    pub name: LocalisedText,
    pub address: Option<LocalisedText>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// The person responsible for the content.
    pub responsible: Option<LocalisedText>,
}

/// `[privacy]` in site.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrivacyConfig {
    /// Ethnicity is sensitive personal data: shown only when true.
    #[serde(default)]
    pub show_ethnicity: bool,
}

/// The words of a language's URLs (docs/content.md, `paths`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathWords {
    pub profiles: String,
    pub years: String,
    pub campaigns: String,
    pub awards: String,
    pub award_types: String,
    pub units: String,
    pub search: String,
    pub data: String,
    pub page: String,
}

impl PathWords {
    fn defaults(lang: &str) -> PathWords {
        let words: [&str; 9] = match lang {
            "vi" => [
                "ho-so",
                "nam",
                "phong-trao",
                "khen-thuong",
                "hinh-thuc",
                "don-vi",
                "tim-kiem",
                "du-lieu",
                "trang",
            ],
            _ => [
                "profiles",
                "years",
                "campaigns",
                "awards",
                "award-types",
                "units",
                "search",
                "data",
                "page",
            ],
        };
        let [
            profiles,
            years,
            campaigns,
            awards,
            award_types,
            units,
            search,
            data,
            page,
        ] = words.map(str::to_owned);
        PathWords {
            profiles,
            years,
            campaigns,
            awards,
            award_types,
            units,
            search,
            data,
            page,
        }
    }

    fn with_overrides(mut self, raw: &RawPathWords) -> PathWords {
        let slots = [
            &mut self.profiles,
            &mut self.years,
            &mut self.campaigns,
            &mut self.awards,
            &mut self.award_types,
            &mut self.units,
            &mut self.search,
            &mut self.data,
            &mut self.page,
        ];
        for (slot, (_, value)) in slots.into_iter().zip(raw.entries()) {
            if let Some(v) = value {
                *slot = v.get_ref().trim_matches('/').to_owned();
            }
        }
        self
    }

    /// Each key with its word, in the order of [`RawPathWords::entries`].
    fn entries(&self) -> [(&'static str, &str); 9] {
        [
            ("profiles", &self.profiles),
            ("years", &self.years),
            ("campaigns", &self.campaigns),
            ("awards", &self.awards),
            ("award_types", &self.award_types),
            ("units", &self.units),
            ("search", &self.search),
            ("data", &self.data),
            ("page", &self.page),
        ]
    }
}

/// The longest path word, in characters.
const PATH_WORD_MAX: usize = 64;

/// What is wrong with a language's path words, by key. A page's address is
/// built from them (`/<code>/<word>/<slug>/`), so each must be one slug-like
/// part, the words naming sections (all but `page`, which only follows a
/// section's address) must differ, and the default language's, which are
/// at the root, may not be another language's code. `written` says which
/// keys site.toml sets: a clash is reported at the word written.
fn path_word_faults(
    words: &PathWords,
    written: impl Fn(&str) -> bool,
    other_codes: &[&str],
) -> Vec<(&'static str, String, WordFault)> {
    let entries = words.entries();
    let mut faults = Vec::new();
    for (i, &(key, word)) in entries.iter().enumerate() {
        let slug = slugify(word);
        let fault = if word.is_empty() {
            WordFault::Empty
        } else if word.chars().count() > PATH_WORD_MAX {
            WordFault::TooLong {
                limit: PATH_WORD_MAX,
            }
        } else if slug != word {
            WordFault::NotSlug { suggestion: slug }
        } else if key == "page" {
            continue;
        } else if let Some(&(other, _)) = entries[..i]
            .iter()
            .find(|&&(k, w)| k != "page" && w == word)
        {
            let (key, other) = if written(key) {
                (key, other)
            } else {
                (other, key)
            };
            faults.push((
                key,
                word.to_owned(),
                WordFault::Twice {
                    other: other.to_owned(),
                },
            ));
            continue;
        } else if other_codes.contains(&word) {
            WordFault::LanguageCode
        } else {
            continue;
        };
        faults.push((key, word.to_owned(), fault));
    }
    faults
}

/// One language of the site.
#[derive(Debug, Clone)]
pub struct Language {
    /// Code such as `vi` or `en`.
    pub code: String,
    pub title: String,
    pub description: String,
    /// `""` for the default language, else `/<code>`.
    pub prefix: String,
    pub paths: PathWords,
    pub is_default: bool,
}

/// The validated contents of `site.toml`.
#[derive(Debug, Clone)]
pub struct Config {
    /// The site's root folder.
    pub root: PathBuf,
    /// `base_url` without a trailing slash, e.g. `https://snv.example.gov.vn/vinh-danh`.
    pub base_url: String,
    /// The path part of `base_url` without a trailing slash (`/vinh-danh`, or `""`).
    pub base_path: String,
    /// Languages, the default one first, then in the order of `site.toml`.
    pub languages: Vec<Language>,
    pub theme: String,
    /// Output folder (absolute, or relative to the current directory).
    pub output_dir: PathBuf,
    pub paginate_by: usize,
    pub markdown: MarkdownConfig,
    pub privacy: PrivacyConfig,
    /// `[award_types]` entries, added to or replacing the built-in catalogue.
    pub award_types: IndexMap<String, AwardType>,
    /// Who publishes the site, if site.toml says.
    pub agency: Option<Agency>,
}

impl Config {
    pub fn default_language(&self) -> &Language {
        &self.languages[0]
    }

    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// Replaces the base URL (and so the base path), e.g. for `--base-url` or `serve`.
    pub fn set_base_url(&mut self, url: &str) -> Result<(), Problem> {
        let (base_url, base_path) = split_base_url(url)?;
        self.base_url = base_url;
        self.base_path = base_path;
        Ok(())
    }
}

/// Reads and validates `<root>/site.toml`.
pub fn load(root: &Path) -> Result<Config, Diagnostics> {
    let path = root.join(CONFIG_FILE);
    let rel = PathBuf::from(CONFIG_FILE);
    let bytes = sitefs::read(&path).map_err(|e| match e {
        sitefs::ReadError::Io(io) if io.kind() == std::io::ErrorKind::NotFound => Diagnostic::file(
            &rel,
            ConfigProblem::NotASite {
                folder: std::path::absolute(root)
                    .unwrap_or_else(|_| root.to_path_buf())
                    .display()
                    .to_string(),
            },
        ),
        e => Diagnostic::file(&rel, e.problem(CONFIG_FILE, Unreadable::SiteConfig)),
    })?;
    let source = text::decode_source(&bytes)
        .map_err(|e| Diagnostic::at(&rel, e.line, Some(e.col), FileProblem::NotUtf8))?;
    let where_ = TomlSource {
        path: &rel,
        part: TomlPart::SiteConfig,
        line_offset: 0,
    };
    // Every wrong field at once; the checks beyond types need them all right.
    let raw: RawConfig = read_toml(&source, where_, &|_| false).into_result()?;
    from_raw(root, &rel, &source, raw)
}

fn from_raw(root: &Path, rel: &Path, source: &str, raw: RawConfig) -> Result<Config, Diagnostics> {
    let mut problems = Diagnostics::new();
    let at_key = |key: &str| {
        source
            .lines()
            .position(|l| l.trim_start().starts_with(key))
            .map_or(1, |i| i + 1)
    };

    let at_span = |span: std::ops::Range<usize>| line_col(source, span.start);
    let (base_url, base_path) = match split_base_url(raw.base_url.get_ref()) {
        Ok(v) => v,
        Err(msg) => {
            let (line, col) = at_span(raw.base_url.span());
            problems.push(Diagnostic::at(rel, line, Some(col), msg));
            (String::new(), String::new())
        }
    };

    if raw.languages.is_empty() {
        problems.push(Diagnostic::file(rel, ConfigProblem::NoLanguages));
    }
    if !raw.languages.contains_key(&raw.default_language) && !raw.languages.is_empty() {
        problems.push(Diagnostic::at(
            rel,
            at_key("default_language"),
            None,
            ConfigProblem::UnknownDefaultLanguage {
                code: raw.default_language.clone(),
                known: raw.languages.keys().cloned().collect(),
            },
        ));
    }
    let codes: Vec<String> = raw.languages.keys().cloned().collect();
    let mut languages = Vec::new();
    for (code, lang) in raw.languages {
        if !is_language_code(&code) {
            problems.push(Diagnostic::at(
                rel,
                at_key(&format!("[languages.{code}")),
                None,
                ConfigProblem::BadLanguageCode { code: code.clone() },
            ));
        }
        let is_default = code == raw.default_language;
        let paths = PathWords::defaults(&code).with_overrides(&lang.paths);
        let written = lang.paths.entries();
        let span_of = |key: &str| {
            written
                .iter()
                .find(|(k, _)| *k == key)
                .and_then(|(_, v)| v.map(Spanned::span))
        };
        // The default language's words sit beside the other languages' folders.
        let other_codes: Vec<&str> = match is_default {
            true => codes
                .iter()
                .map(String::as_str)
                .filter(|c| *c != code)
                .collect(),
            false => Vec::new(),
        };
        for (key, word, fault) in path_word_faults(&paths, |k| span_of(k).is_some(), &other_codes) {
            let (line, col) = match span_of(key) {
                Some(span) => {
                    let (line, col) = at_span(span);
                    (line, Some(col))
                }
                None => (at_key(&format!("[languages.{code}")), None),
            };
            let problem = Boundary::PathWord {
                lang: code.clone(),
                key: key.to_owned(),
                word,
                fault,
            };
            problems.push(Diagnostic::at(rel, line, col, Problem::Boundary(problem)));
        }
        languages.push(Language {
            prefix: if is_default {
                String::new()
            } else {
                format!("/{code}")
            },
            paths,
            title: text::nfc(&lang.title).into_owned(),
            description: lang
                .description
                .map(|d| text::nfc(&d).into_owned())
                .unwrap_or_default(),
            code,
            is_default,
        });
    }
    languages.sort_by_key(|l| !l.is_default);

    let output_dir = root.join(raw.output_dir.as_deref().unwrap_or(DEFAULT_OUTPUT_DIR));
    let config = Config {
        root: root.to_path_buf(),
        base_url,
        base_path,
        languages,
        theme: raw.theme.unwrap_or_else(|| "default".to_owned()),
        output_dir,
        paginate_by: raw.paginate_by,
        markdown: raw.markdown,
        privacy: raw.privacy,
        award_types: raw.award_types,
        agency: raw.agency.map(|a| Agency {
            name: a.name.normalised(),
            address: a.address.map(LocalisedText::normalised),
            responsible: a.responsible.map(LocalisedText::normalised),
            ..a
        }),
    };
    for shared in Catalogue::with_site_entries(&config.award_types).shared_names() {
        // Point at (and ask to rename) the type site.toml writes: a table
        // overriding a built-in type keeps that type's place in the
        // catalogue, which may come before the built-in type it clashes with.
        let ours = |key: &str| config.award_types.contains_key(key);
        let (first, second) = if ours(&shared.first) && !ours(&shared.second) {
            (shared.second, shared.first)
        } else {
            (shared.first, shared.second)
        };
        let line = at_key(&format!("[award_types.{second}]"));
        problems.push(Diagnostic::at(
            rel,
            line,
            None,
            ConfigProblem::AwardNameShared {
                name: shared.name,
                first,
                second,
            },
        ));
    }
    problems.into_result(config)
}

/// The language to write messages in: `chosen` (from `--lang` or
/// `VINHDANH_LANG`), else the site's default language as far as site.toml
/// can be read (it may be the file with the problems), else Vietnamese.
pub fn messages_language(root: &Path, chosen: Option<Lang>) -> Lang {
    if let Some(lang) = chosen {
        return lang;
    }
    let source = sitefs::read(&root.join(CONFIG_FILE))
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let from_table = source.parse::<toml::Table>().ok().and_then(|t| {
        t.get("default_language")
            .and_then(|v| v.as_str())
            .map(str::to_owned)
    });
    let from_line = || {
        source.lines().find_map(|l| {
            let (key, value) = l.split_once('=')?;
            (key.trim() == "default_language")
                .then(|| value.trim().trim_matches(['"', '\'']).to_owned())
        })
    };
    Lang::for_site_language(
        &from_table
            .or_else(from_line)
            .unwrap_or_else(default_language),
    )
}

/// `https://host/path/` → (`https://host/path`, `/path`). Only a scheme,
/// a host and a path: the base URL is put in front of every link, so a
/// query, a fragment, a user name or an empty path part (`//x` is another
/// host) would break them all.
fn split_base_url(url: &str) -> Result<(String, String), Problem> {
    let url = url.trim().trim_end_matches('/');
    let refuse = |part| {
        Err(Problem::Boundary(Boundary::BaseUrl {
            url: url.to_owned(),
            part,
        }))
    };
    if let Some(c) = url
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || "\"<>\\^`{|}".contains(*c))
    {
        return refuse(UrlPart::Character(c));
    }
    if url.contains('?') {
        return refuse(UrlPart::Query);
    }
    if url.contains('#') {
        return refuse(UrlPart::Fragment);
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| ConfigProblem::BadBaseUrl {
            url: url.to_owned(),
            no_host: false,
        })?;
    if rest.is_empty() || rest.starts_with('/') {
        return Err(ConfigProblem::BadBaseUrl {
            url: url.to_owned(),
            no_host: true,
        }
        .into());
    }
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if host.contains('@') {
        return refuse(UrlPart::UserInfo);
    }
    if path
        .split('/')
        .skip(1)
        .any(|p| p.is_empty() || p == "." || p == "..")
    {
        return refuse(UrlPart::PathPart);
    }
    Ok((url.to_owned(), path.to_owned()))
}

fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_path_is_kept() {
        let (url, path) = split_base_url("https://snv.example.gov.vn/vinh-danh/").unwrap();
        assert_eq!(url, "https://snv.example.gov.vn/vinh-danh");
        assert_eq!(path, "/vinh-danh");
        assert_eq!(split_base_url("https://a.vn").unwrap().1, "");
        assert!(split_base_url("a.vn").is_err());
    }

    #[test]
    fn base_url_with_more_than_host_and_path_is_refused() {
        // Regression: `https://a.gov.vn/x?y=1` gave `href="/x?y=1/style.css"`.
        for url in [
            "https://a.gov.vn/x?y=1",
            "https://a.gov.vn/x#top",
            "https://user:pw@a.gov.vn/x",
            "https://a.gov.vn//evil.example",
            "https://a.gov.vn/x/../y",
            "https://a.gov.vn/vinh danh",
            "https://a.gov.vn/\"x",
        ] {
            assert!(split_base_url(url).is_err(), "{url}");
        }
        assert!(split_base_url("http://127.0.0.1:1111").is_ok());
        assert!(split_base_url("https://a.gov.vn/vinh-danh/%C4%91/").is_ok());
    }

    fn faults(words: &PathWords, codes: &[&str]) -> Vec<(&'static str, WordFault)> {
        path_word_faults(words, |_| true, codes)
            .into_iter()
            .map(|(k, _, f)| (k, f))
            .collect()
    }

    #[test]
    fn path_words_are_one_distinct_slug_each() {
        let mut w = PathWords::defaults("en");
        assert!(faults(&w, &["vi"]).is_empty());
        w.awards = "../../../www".to_owned();
        w.profiles = String::new();
        w.years = "campaigns".to_owned();
        let found = faults(&w, &[]);
        assert!(found.contains(&("profiles", WordFault::Empty)), "{found:?}");
        assert!(found.contains(&(
            "awards",
            WordFault::NotSlug {
                suggestion: "www".to_owned()
            }
        )));
        assert!(
            found
                .iter()
                .any(|(k, f)| *k == "campaigns" || matches!(f, WordFault::Twice { .. }))
        );
        let mut w = PathWords::defaults("vi");
        w.profiles = "en".to_owned();
        assert_eq!(
            faults(&w, &["en"]),
            vec![("profiles", WordFault::LanguageCode)]
        );
        w.profiles = "x".repeat(PATH_WORD_MAX + 1);
        assert!(matches!(
            faults(&w, &[])[..],
            [(_, WordFault::TooLong { .. })]
        ));
    }

    proptest::proptest! {
        /// Any word accepted is one safe part of an address.
        #[test]
        fn an_accepted_path_word_is_one_plain_part(word in "\\PC{0,12}") {
            let mut w = PathWords::defaults("en");
            w.awards = word.clone();
            if faults(&w, &[]).is_empty() {
                proptest::prop_assert!(!word.is_empty());
                proptest::prop_assert!(word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            }
        }
    }

    #[test]
    fn language_codes() {
        assert!(is_language_code("vi"));
        assert!(is_language_code("zh-Hant"));
        assert!(!is_language_code("Vietnamese"));
    }
}
