//! `site.toml` → [`Config`]: the site's languages, URLs, theme and options.
//!
//! Unknown keys are errors (a typo must never be silently ignored); every
//! problem is returned as a [`Diagnostic`] with its line in `site.toml`.

use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::Deserialize;

use crate::catalogue::AwardType;
use crate::diagnostic::messages::{TomlPart, Unreadable};
use crate::diagnostic::toml_words::toml_diagnostic;
use crate::diagnostic::{ConfigProblem, Diagnostic, Diagnostics, FileProblem, Lang};
use crate::i18n::text;
use crate::vocab::{CONFIG_FILE, DEFAULT_OUTPUT_DIR};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    base_url: String,
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
    profiles: Option<String>,
    years: Option<String>,
    campaigns: Option<String>,
    awards: Option<String>,
    search: Option<String>,
    page: Option<String>,
}

/// `[markdown]` in site.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    /// Raw HTML in markdown is escaped unless true.
    #[serde(default)]
    pub unsafe_html: bool,
}

/// `[privacy]` in site.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrivacyConfig {
    /// Ethnicity is sensitive personal data: shown only when true.
    #[serde(default)]
    pub show_ethnicity: bool,
}

/// The words of a language's URLs (SPEC §3 "URLs").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathWords {
    pub profiles: String,
    pub years: String,
    pub campaigns: String,
    pub awards: String,
    pub search: String,
    pub page: String,
}

impl PathWords {
    fn defaults(lang: &str) -> PathWords {
        let words: [&str; 6] = match lang {
            "vi" => [
                "ho-so",
                "nam",
                "phong-trao",
                "khen-thuong",
                "tim-kiem",
                "trang",
            ],
            _ => ["profiles", "years", "campaigns", "awards", "search", "page"],
        };
        let [profiles, years, campaigns, awards, search, page] = words.map(str::to_owned);
        PathWords {
            profiles,
            years,
            campaigns,
            awards,
            search,
            page,
        }
    }

    fn with_overrides(mut self, raw: RawPathWords) -> PathWords {
        let fields = [
            (&mut self.profiles, raw.profiles),
            (&mut self.years, raw.years),
            (&mut self.campaigns, raw.campaigns),
            (&mut self.awards, raw.awards),
            (&mut self.search, raw.search),
            (&mut self.page, raw.page),
        ];
        for (slot, value) in fields {
            if let Some(v) = value {
                *slot = v.trim_matches('/').to_owned();
            }
        }
        self
    }
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
}

impl Config {
    pub fn default_language(&self) -> &Language {
        &self.languages[0]
    }

    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// Replaces the base URL (and so the base path), e.g. for `--base-url` or `serve`.
    pub fn set_base_url(&mut self, url: &str) -> Result<(), ConfigProblem> {
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
    let bytes = std::fs::read(&path).map_err(|e| {
        Diagnostic::file(
            &rel,
            FileProblem::CannotRead {
                what: Unreadable::SiteConfig,
                detail: e.to_string(),
            },
        )
    })?;
    let source = text::decode_source(&bytes)
        .map_err(|e| Diagnostic::at(&rel, e.line, Some(e.col), FileProblem::NotUtf8))?;
    let raw: RawConfig = toml::from_str(&source)
        .map_err(|e| toml_diagnostic(&rel, TomlPart::SiteConfig, &source, &e, 0))?;
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

    let (base_url, base_path) = match split_base_url(&raw.base_url) {
        Ok(v) => v,
        Err(msg) => {
            problems.push(Diagnostic::at(rel, at_key("base_url"), None, msg));
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
        languages.push(Language {
            prefix: if is_default {
                String::new()
            } else {
                format!("/{code}")
            },
            paths: PathWords::defaults(&code).with_overrides(lang.paths),
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
    };
    problems.into_result(config)
}

/// The language to write messages in: `chosen` (from `--lang` or
/// `VINHDANH_LANG`), else the site's default language as far as site.toml
/// can be read (it may be the file with the problems), else Vietnamese.
pub fn messages_language(root: &Path, chosen: Option<Lang>) -> Lang {
    if let Some(lang) = chosen {
        return lang;
    }
    let source = std::fs::read(root.join(CONFIG_FILE))
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

/// `https://host/path/` → (`https://host/path`, `/path`).
fn split_base_url(url: &str) -> Result<(String, String), ConfigProblem> {
    let url = url.trim().trim_end_matches('/');
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
        });
    }
    let path = rest.find('/').map_or("", |i| &rest[i..]);
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
    fn language_codes() {
        assert!(is_language_code("vi"));
        assert!(is_language_code("zh-Hant"));
        assert!(!is_language_code("Vietnamese"));
    }
}
