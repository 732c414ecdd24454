//! Finding and reading content files: profiles and campaigns (markdown with
//! TOML front matter), award lists (TOML, optionally with a recipients CSV).
//!
//! Loading turns files into typed values ([`front`]) without looking across
//! files; cross-file rules (references, duplicates, translations without an
//! original) are the model's. Every problem is collected, none stops the run.

pub mod front;
pub mod frontmatter;
pub mod markdown;
pub mod recipients_csv;

use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::config::{Config, toml_diagnostic};
use crate::diagnostic::{Diagnostic, Diagnostics, line_col};
use crate::i18n::text;
use front::{AwardListFile, CampaignFront, CampaignTranslation, ProfileFront, ProfileTranslation};
use frontmatter::SplitError;
use recipients_csv::CsvRecipient;

pub const CONTENT_DIR: &str = "content";
pub const PROFILES_DIR: &str = "profiles";
pub const CAMPAIGNS_DIR: &str = "campaigns";
pub const AWARDS_DIR: &str = "awards";

/// Where a content file is and what its name says.
#[derive(Debug, Clone)]
pub struct SourceInfo {
    /// Path relative to the site root (used in every message).
    pub rel: PathBuf,
    /// Path on disk.
    pub abs: PathBuf,
    /// File stem, or the folder name of a bundle (`<slug>/index.md`).
    pub stem: String,
    /// The language code before the extension (`x.en.md`), `None` for an original.
    pub lang: Option<String>,
    /// Whether the file is a bundle's `index.md`.
    pub bundle: bool,
}

/// A markdown file: its typed front matter and its body, with their places.
#[derive(Debug, Clone)]
pub struct Page<F> {
    pub info: SourceInfo,
    pub front: F,
    text: String,
    toml: Range<usize>,
    body: Range<usize>,
    /// Lines of the file before the body.
    pub body_line_offset: usize,
    /// The body as HTML, rendered while loading when it has no `@/` links
    /// (those need every page's address, so the model renders them later).
    pub rendered: Option<markdown::Rendered>,
}

impl<F> Page<F> {
    pub fn body(&self) -> &str {
        &self.text[self.body.clone()]
    }

    /// A diagnostic at a span of the front matter's TOML.
    pub fn at(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        let (line, col) = line_col(&self.text[self.toml.clone()], span.start);
        Diagnostic::at(&self.info.rel, line + 1, Some(col), message)
    }

    /// A diagnostic about the whole front matter (its opening line).
    pub fn at_front_matter(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(&self.info.rel, 1, None, message)
    }
}

/// An award-list file with its CSV recipients, if it names a CSV.
#[derive(Debug, Clone)]
pub struct AwardListSource {
    pub info: SourceInfo,
    pub file: AwardListFile,
    text: String,
    /// The CSV's path relative to the site root, and its rows.
    pub csv: Option<(PathBuf, Vec<CsvRecipient>)>,
}

impl AwardListSource {
    pub fn at(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        let (line, col) = line_col(&self.text, span.start);
        Diagnostic::at(&self.info.rel, line, Some(col), message)
    }
}

/// Every content file of a site, parsed.
#[derive(Debug, Default)]
pub struct Content {
    pub profiles: Vec<Page<ProfileFront>>,
    pub profile_translations: Vec<Page<ProfileTranslation>>,
    pub campaigns: Vec<Page<CampaignFront>>,
    pub campaign_translations: Vec<Page<CampaignTranslation>>,
    pub award_lists: Vec<AwardListSource>,
    /// Stems of files that exist but could not be read: references to them
    /// are not reported again as missing.
    pub broken: HashSet<(Section, String)>,
}

/// The three kinds of content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Profiles,
    Campaigns,
    Awards,
}

enum Parsed {
    Profile(Page<ProfileFront>),
    ProfileTranslation(Page<ProfileTranslation>),
    Campaign(Page<CampaignFront>),
    CampaignTranslation(Page<CampaignTranslation>),
    AwardList(AwardListSource),
}

/// Finds and parses every content file. Returns what could be read and
/// every problem found.
pub fn load(config: &Config) -> (Content, Diagnostics) {
    let mut problems = Diagnostics::new();
    let content_dir = config.root.join(CONTENT_DIR);
    let mut files = Vec::new();
    for section in [Section::Profiles, Section::Campaigns, Section::Awards] {
        discover(config, &content_dir, section, &mut files, &mut problems);
    }

    let results: Vec<Result<Parsed, (Section, String, Diagnostics)>> =
        files.into_par_iter().map(|(section, info)| parse_file(config, section, info)).collect();

    let mut content = Content::default();
    for result in results {
        match result {
            Ok(Parsed::Profile(p)) => content.profiles.push(p),
            Ok(Parsed::ProfileTranslation(p)) => content.profile_translations.push(p),
            Ok(Parsed::Campaign(p)) => content.campaigns.push(p),
            Ok(Parsed::CampaignTranslation(p)) => content.campaign_translations.push(p),
            Ok(Parsed::AwardList(a)) => content.award_lists.push(a),
            Err((section, stem, diags)) => {
                content.broken.insert((section, stem));
                problems.extend(diags);
            }
        }
    }
    (content, problems)
}

fn relative(config: &Config, path: &Path) -> PathBuf {
    path.strip_prefix(&config.root).unwrap_or(path).to_path_buf()
}

/// Editor droppings and hidden files that are never content.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".swx") || name == "4913"
}

fn discover(
    config: &Config,
    content_dir: &Path,
    section: Section,
    out: &mut Vec<(Section, SourceInfo)>,
    problems: &mut Diagnostics,
) {
    let dir = content_dir.join(match section {
        Section::Profiles => PROFILES_DIR,
        Section::Campaigns => CAMPAIGNS_DIR,
        Section::Awards => AWARDS_DIR,
    });
    if !dir.is_dir() {
        return;
    }
    let walker = walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(|p| relative(config, p)).unwrap_or_else(|| relative(config, &dir));
                problems.push(Diagnostic::file(path, format!("cannot read this folder: {e}")));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        let wanted_ext = if section == Section::Awards { ".toml" } else { ".md" };
        let Some(base) = name.strip_suffix(wanted_ext) else { continue };
        let rel = relative(config, path);
        let (base, lang) = match split_language(base) {
            Some((stem, code)) => {
                if config.language(code).is_none() || code == config.default_language().code {
                    let known: Vec<&str> = config.languages.iter().skip(1).map(|l| l.code.as_str()).collect();
                    problems.push(
                        Diagnostic::file(
                            &rel,
                            format!("the file name ends in \".{code}{wanted_ext}\", but \"{code}\" is not a translation language of this site"),
                        )
                        .with_hint(format!(
                            "translations are named <name>.<language>{wanted_ext} with one of: {}; the original has no language code",
                            if known.is_empty() { "(none configured)".to_owned() } else { known.join(", ") }
                        )),
                    );
                    continue;
                }
                (stem, Some(code.to_owned()))
            }
            None => (base, None),
        };
        if section == Section::Awards && lang.is_some() {
            problems.push(Diagnostic::file(
                &rel,
                "award lists are not translated file by file: write localised fields as { vi = \"…\", en = \"…\" } in the one file",
            ));
            continue;
        }
        let bundle = section == Section::Profiles && base == "index" && entry.depth() >= 2;
        let stem = if bundle {
            path.parent()
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        } else {
            base.to_owned()
        };
        out.push((
            section,
            SourceInfo { rel, abs: path.to_path_buf(), stem: text::nfc(&stem).into_owned(), lang, bundle },
        ));
    }
}

/// `to-thi-hoa.en` → (`to-thi-hoa`, `en`) when the last part looks like a
/// language code.
fn split_language(base: &str) -> Option<(&str, &str)> {
    let (stem, code) = base.rsplit_once('.')?;
    let looks_like_code = (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase());
    (looks_like_code && !stem.is_empty()).then_some((stem, code))
}

type ParseResult = Result<Parsed, (Section, String, Diagnostics)>;

fn parse_file(config: &Config, section: Section, info: SourceInfo) -> ParseResult {
    let fail = |info: &SourceInfo, d: Diagnostics| Err((section, info.stem.clone(), d));
    let bytes = match std::fs::read(&info.abs) {
        Ok(b) => b,
        Err(e) => return fail(&info, Diagnostic::file(&info.rel, format!("cannot read the file: {e}")).into()),
    };
    let source = match text::decode_source(&bytes) {
        Ok(s) => s,
        Err(e) => {
            let d = Diagnostic::at(&info.rel, e.line, Some(e.col), "the file is not valid UTF-8 text")
                .with_hint("save it as UTF-8 (in most editors: File → Save with Encoding → UTF-8)");
            return fail(&info, d.into());
        }
    };
    let result = match (section, info.lang.is_some()) {
        (Section::Profiles, false) => parse_page(config, info.clone(), source).map(Parsed::Profile),
        (Section::Profiles, true) => parse_page(config, info.clone(), source).map(Parsed::ProfileTranslation),
        (Section::Campaigns, false) => parse_page(config, info.clone(), source).map(Parsed::Campaign),
        (Section::Campaigns, true) => parse_page(config, info.clone(), source).map(Parsed::CampaignTranslation),
        (Section::Awards, _) => parse_award_list(config, info.clone(), source).map(Parsed::AwardList),
    };
    result.or_else(|d| fail(&info, d))
}

fn parse_page<F: DeserializeOwned>(config: &Config, info: SourceInfo, text: String) -> Result<Page<F>, Diagnostics> {
    let split = match frontmatter::split(&text) {
        Ok(s) => s,
        Err(SplitError::Empty) => {
            return Err(Diagnostic::file(&info.rel, "the file is empty: it must start with front matter between two lines of +++").into());
        }
        Err(SplitError::NoOpening { first_line }) => {
            return Err(Diagnostic::at(
                &info.rel,
                1,
                Some(1),
                format!("the file must start with a line of +++ (front matter), found \"{first_line}\""),
            )
            .into());
        }
        Err(SplitError::NotClosed) => {
            return Err(Diagnostic::at(&info.rel, 1, Some(1), "the front matter opened here with +++ is never closed")
                .with_hint("add a line of +++ after the last field")
                .into());
        }
    };
    let toml_start = split.toml.as_ptr() as usize - text.as_ptr() as usize;
    let toml = toml_start..toml_start + split.toml.len();
    let body_start = split.body.as_ptr() as usize - text.as_ptr() as usize;
    let body = body_start..text.len();
    let body_line_offset = split.body_line_offset;
    let front = toml::from_str::<F>(split.toml).map_err(|e| front_matter_error(&info.rel, split.toml, &e, 1))?;
    let rendered = (!markdown::has_internal_links(&text[body.clone()])).then(|| {
        let options = markdown::MarkdownOptions { unsafe_html: config.markdown.unsafe_html };
        markdown::render(&text[body.clone()], &options, &|_| None)
    });
    Ok(Page { info, front, text, toml, body, body_line_offset, rendered })
}

/// A TOML error in front matter: a missing field points at the opening line.
fn front_matter_error(rel: &Path, toml_text: &str, err: &toml::de::Error, offset: usize) -> Diagnostics {
    let mut d = toml_diagnostic(rel, toml_text, err, offset);
    if err.message().starts_with("missing field") {
        d.line = Some(1);
        d.col = None;
    }
    d.into()
}

fn parse_award_list(config: &Config, info: SourceInfo, text: String) -> Result<AwardListSource, Diagnostics> {
    let file: AwardListFile = toml::from_str(&text).map_err(|e| {
        let mut d = toml_diagnostic(&info.rel, &text, &e, 0);
        if e.message().starts_with("missing field") && d.line.is_none() {
            d.line = Some(1);
        }
        Diagnostics::from(d)
    })?;
    let mut source = AwardListSource { info, file, text, csv: None };
    if let Some(csv_name) = &source.file.recipients_csv {
        let dir = source.info.abs.parent().unwrap_or(Path::new("."));
        let csv_abs = dir.join(csv_name.get_ref());
        let csv_rel = relative(config, &csv_abs);
        let bytes = std::fs::read(&csv_abs).map_err(|e| {
            source.at(csv_name.span(), format!("cannot read the recipients file \"{}\": {e}", csv_name.get_ref()))
        })?;
        let rows = recipients_csv::parse_recipients(&bytes, &csv_rel).map_err(Diagnostics)?;
        source.csv = Some((csv_rel, rows));
    }
    Ok(source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_suffix() {
        assert_eq!(split_language("to-thi-hoa.en"), Some(("to-thi-hoa", "en")));
        assert_eq!(split_language("to-thi-hoa"), None);
        assert_eq!(split_language("v1.2"), None);
        assert_eq!(split_language(".en"), None);
    }
}
