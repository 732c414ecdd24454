//! `vinhdanh check`: everything `build` validates, nothing written, then a
//! report of what is not yet translated, and notes: personal-data columns
//! dropped from recipients spreadsheets, links to drafts (shown as text
//! until the draft is published). A note is not an error.
//!
//! Profiles and campaigns are translated file by file (`x.en.md` beside
//! `x.md`). Award lists are one TOML file each, translated field by field:
//! a list counts as translated into a language when its `issuer` and, if it
//! has one, its `reason` (the sentences a reader reads) are written as
//! `{ vi = "…", en = "…" }` with an entry for that language. Recipients'
//! units and positions are names of organisations, often kept as they are,
//! so they are not counted.

use std::path::PathBuf;

use crate::build::{self, BuildOptions};
use crate::diagnostic::messages::{Note, say};
use crate::diagnostic::{Diagnostics, Lang, display_path};
use crate::i18n::LocalisedText;
use crate::model::{DraftLink, Site};
use crate::output;
use crate::render::emit::Nowhere;
use crate::render::{self, Renderer};

/// What `check` reports when there is no error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    pub translations: TranslationReport,
    /// Links to drafts left out of the build, by file and line.
    pub draft_links: Vec<DraftLink>,
    /// Notes on the content, by file (as `build` prints them).
    pub notes: Vec<Note>,
    /// The language of messages.
    pub lang: Lang,
}

impl CheckReport {
    /// The report as text in `lang`: the notes, a note per link to a
    /// draft, then the translations.
    pub fn text(&self, lang: Lang) -> String {
        let mut out = String::new();
        for note in &self.notes {
            out.push_str(&note.words(lang));
            out.push('\n');
        }
        for l in &self.draft_links {
            let (file, line, col, target) = (display_path(&l.file), l.line, l.col, &l.target);
            out.push_str(&say!(lang,
                en: "note: {file}:{line}:{col}: links to the draft @/{target}, shown as plain text until the draft is published (or built with --drafts)\n",
                vi: "ghi chú: {file}:{line}:{col}: liên kết tới bản nháp @/{target}, hiện thành chữ thường cho đến khi bản nháp được công bố (hoặc dựng với --drafts)\n"));
        }
        out.push_str(&self.translations.text(lang));
        out
    }
}

/// What is translated, per non-default language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationReport {
    pub languages: Vec<LanguageReport>,
    /// The language of messages.
    pub lang: Lang,
}

/// One non-default language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageReport {
    pub code: String,
    pub profiles: SectionReport,
    pub campaigns: SectionReport,
    pub award_lists: SectionReport,
}

/// One section in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SectionReport {
    pub total: usize,
    /// Files (relative to the site root) with no translation, by path.
    pub missing: Vec<PathBuf>,
}

impl SectionReport {
    pub fn translated(&self) -> usize {
        self.total - self.missing.len()
    }

    fn of<T>(
        items: &[T],
        source: impl Fn(&T) -> &PathBuf,
        translated: impl Fn(&T) -> bool,
    ) -> Self {
        let mut missing: Vec<PathBuf> = items
            .iter()
            .filter(|i| !translated(i))
            .map(|i| source(i).clone())
            .collect();
        missing.sort();
        SectionReport {
            total: items.len(),
            missing,
        }
    }
}

impl TranslationReport {
    fn of(site: &Site, lang: Lang) -> Self {
        let languages = site
            .config
            .languages
            .iter()
            .enumerate()
            .skip(1)
            .map(|(i, lang)| LanguageReport {
                code: lang.code.clone(),
                profiles: SectionReport::of(
                    &site.profiles,
                    |p| &p.source,
                    |p| p.texts[i].source.translated,
                ),
                campaigns: SectionReport::of(
                    &site.campaigns,
                    |c| &c.source,
                    |c| c.texts[i].source.translated,
                ),
                award_lists: SectionReport::of(
                    &site.award_lists,
                    |a| &a.source,
                    |a| {
                        a.issuer.as_ref().is_none_or(|i| has_entry(i, &lang.code))
                            && a.reason.as_ref().is_none_or(|r| has_entry(r, &lang.code))
                    },
                ),
            })
            .collect();
        TranslationReport { languages, lang }
    }

    /// Whether anything is missing.
    pub fn is_complete(&self) -> bool {
        self.languages.iter().all(|l| {
            [&l.profiles, &l.campaigns, &l.award_lists]
                .iter()
                .all(|s| s.missing.is_empty())
        })
    }

    /// The report as text in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let mut out = String::new();
        if self.languages.is_empty() {
            out.push_str(&say!(lang, en: "The site has one language: nothing to translate.\n", vi: "Trang chỉ có một ngôn ngữ: không có gì cần dịch.\n"));
        }
        for l in &self.languages {
            let code = &l.code;
            out.push_str(&say!(lang, en: "Translations into \"{code}\":\n", vi: "Bản dịch sang \"{code}\":\n"));
            let sections = [
                (say!(lang, en: "profiles", vi: "hồ sơ"), &l.profiles),
                (say!(lang, en: "campaigns", vi: "phong trào"), &l.campaigns),
                (
                    say!(lang, en: "award lists", vi: "danh sách khen thưởng"),
                    &l.award_lists,
                ),
            ];
            for (name, s) in sections {
                let (done, total, missing) = (s.translated(), s.total, s.missing.len());
                out.push_str(&match missing {
                    0 => say!(lang, en: "  {name}: {done} of {total} translated\n", vi: "  {name}: đã dịch {done}/{total}\n"),
                    _ => say!(lang,
                        en: "  {name}: {done} of {total} translated; warning: {missing} not yet translated:\n",
                        vi: "  {name}: đã dịch {done}/{total}; cảnh báo: {missing} chưa dịch:\n"),
                });
                for path in &s.missing {
                    out.push_str(&format!("    {}\n", display_path(path)));
                }
            }
        }
        out
    }
}

fn has_entry(text: &LocalisedText, code: &str) -> bool {
    matches!(text, LocalisedText::PerLanguage(map) if map.get(code).is_some_and(|t| !t.trim().is_empty()))
}

/// Validates everything a build would (configuration, output folder,
/// content, theme, and every page rendered in memory), writing nothing.
pub fn check_site(options: &BuildOptions) -> Result<CheckReport, Diagnostics> {
    let config = build::load_config(options).map_err(|p| build::finish(p, options))?;
    let lang = build::messages_lang(options, &config);
    let output_problem = output::check_output_dir(&config.root, &config.output_dir).err();
    let loaded = match (build::load(options, config), output_problem) {
        (Ok(loaded), None) => loaded,
        (Ok(_), Some(d)) => return Err(Diagnostics::from(d).localised(lang)),
        (Err(mut problems), Some(d)) => {
            problems.push(d.localised(lang));
            return Err(problems.sorted());
        }
        (Err(problems), None) => return Err(problems),
    };
    let renderer = Renderer::new(&loaded.site, &loaded.theme);
    render::emit(&renderer, &Nowhere)
        .map(|_| CheckReport {
            translations: TranslationReport::of(&loaded.site, loaded.lang),
            draft_links: loaded.site.draft_links.clone(),
            notes: loaded.site.notes.clone(),
            lang: loaded.lang,
        })
        .map_err(|p| p.localised(lang))
}
