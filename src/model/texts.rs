//! Texts in every language: translations paired with their originals,
//! `@/` links resolved per language, markdown bodies and summaries.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::*;
use crate::config::Config;
use crate::content::Page;
use crate::content::front::{CampaignFront, CampaignTranslation, ProfileFront, ProfileTranslation};
use crate::content::markdown::{self, MarkdownOptions, Target};
use crate::diagnostic::{Diagnostic, Diagnostics, NameProblem, ReferenceProblem, display_path};
use crate::hashing::HashedText;
use crate::i18n::text::{nfc, plain_words};
use crate::urls::Urls;
use crate::vocab::{CONTENT_DIR, Section};

use super::fronts::TranslationDraft;

/// The path of a translation's original: `x.en.md` → `x.md`, `x/index.en.md` → `x/index.md`.
fn original_path(rel: &Path, stem_file: &str) -> PathBuf {
    rel.with_file_name(stem_file)
}

fn original_key<F>(page: &Page<F>) -> PathBuf {
    let name = if page.info.bundle {
        "index.md".to_owned()
    } else {
        format!("{}.md", page.info.stem)
    };
    original_path(&page.info.rel, &name)
}

/// For each original, in order, its translations by language code.
pub(super) fn pair_translations<T, F>(
    problems: &mut Diagnostics,
    translations: Vec<Page<T>>,
    originals: &[(String, Page<F>)],
    options: AssembleOptions,
) -> Vec<HashMap<String, Page<T>>>
where
    T: TranslationDraft,
{
    // Keyed by the path's bytes: hashing a Path walks its components, and
    // both sides come from the same walk, so their bytes agree.
    let by_path: HashMap<&std::ffi::OsStr, usize> = originals
        .iter()
        .enumerate()
        .map(|(i, (_, p))| (p.info.rel.as_os_str(), i))
        .collect();
    let mut out: Vec<HashMap<String, Page<T>>> =
        (0..originals.len()).map(|_| HashMap::new()).collect();
    for tr in translations {
        let key = original_key(&tr);
        match by_path.get(key.as_os_str()) {
            Some(&i) => {
                if options.drafts || !tr.front.is_draft() {
                    let lang = tr.info.lang.clone().unwrap_or_default();
                    out[i].insert(lang, tr);
                }
            }
            None => {
                // An original that exists but is not built (a draft, or a
                // file with errors of its own) is not this file's problem.
                let original_on_disk = tr
                    .info
                    .abs
                    .with_file_name(key.file_name().unwrap_or_default())
                    .is_file();
                if !original_on_disk {
                    let problem = NameProblem::TranslationWithoutOriginal {
                        original: display_path(&key),
                    };
                    problems.push(Diagnostic::file(&tr.info.rel, problem));
                }
            }
        }
    }
    out
}

/// What `@/` links may point at: content-relative paths of originals and
/// translations, and of drafts that are not built (and their translations).
#[derive(Default)]
pub(super) struct LinkTargets {
    /// Hashed with foldhash: 30,000 paths are put in on every assembly.
    map: HashMap<String, (Section, String), foldhash::fast::RandomState>,
    drafts: HashSet<String>,
    /// Files that exist but could not be read: their own problems are
    /// reported, a link to them is not one more.
    unreadable: HashSet<String>,
}

impl LinkTargets {
    /// `drafts`: the files (relative to the site root) of drafts left out.
    pub(super) fn new<T, U>(
        profiles: &[(String, Page<ProfileFront>)],
        campaigns: &[(String, Page<CampaignFront>)],
        profile_tr: &[Page<T>],
        campaign_tr: &[Page<U>],
        award_lists: &[AwardList],
        drafts: &[PathBuf],
        unreadable: &HashSet<PathBuf>,
    ) -> Self {
        let key = |rel: &Path| {
            let inside = rel.strip_prefix(CONTENT_DIR).unwrap_or(rel);
            display_path(inside)
        };
        let mut map = HashMap::with_capacity_and_hasher(
            award_lists.len() + profiles.len() + campaigns.len() + profile_tr.len(),
            Default::default(),
        );
        for list in award_lists {
            map.insert(key(&list.source), (Section::Awards, list.slug.clone()));
        }
        for (slug, p) in profiles {
            map.insert(key(&p.info.rel), (Section::Profiles, slug.clone()));
        }
        for (slug, p) in campaigns {
            map.insert(key(&p.info.rel), (Section::Campaigns, slug.clone()));
        }
        // Each translation's path and its original's, made once.
        let pairs: Vec<(String, String)> = profile_tr
            .iter()
            .map(|t| (key(&t.info.rel), key(&original_key(t))))
            .chain(
                campaign_tr
                    .iter()
                    .map(|t| (key(&t.info.rel), key(&original_key(t)))),
            )
            .collect();
        // A translation links where its original does (looked up among
        // originals only, before any translation is added).
        let translated: Vec<(String, (Section, String))> = pairs
            .iter()
            .filter_map(|(tr, original)| Some((tr.clone(), map.get(original)?.clone())))
            .collect();
        map.extend(translated);
        let mut draft_keys: HashSet<String> = drafts.iter().map(|d| key(d)).collect();
        for (tr, original) in pairs {
            if draft_keys.contains(&original) {
                draft_keys.insert(tr);
            }
        }
        LinkTargets {
            map,
            drafts: draft_keys,
            unreadable: unreadable.iter().map(|u| key(u)).collect(),
        }
    }

    /// The pages of an assembled site, for the preview's first look
    /// ([`super::patch`]): each original and the files its translations
    /// would have. Drafts left out and unreadable files are not known: a
    /// link to one is a problem there, and the whole site decides.
    pub(super) fn of_site(site: &Site) -> Self {
        let mut map = HashMap::default();
        let key = |rel: &Path| {
            let inside = rel.strip_prefix(CONTENT_DIR).unwrap_or(rel);
            display_path(inside)
        };
        let mut add = |rel: &Path, section: Section, slug: &str| {
            map.insert(key(rel), (section, slug.to_owned()));
            let stem = rel
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_suffix(".md"));
            for lang in site.config.languages.iter().skip(1) {
                if let Some(stem) = stem {
                    let tr = rel.with_file_name(format!("{stem}.{}.md", lang.code));
                    map.insert(key(&tr), (section, slug.to_owned()));
                }
            }
        };
        for p in &site.profiles {
            add(&p.source, Section::Profiles, &p.slug);
        }
        for c in &site.campaigns {
            add(&c.source, Section::Campaigns, &c.slug);
        }
        for l in &site.award_lists {
            map.insert(key(&l.source), (Section::Awards, l.slug.clone()));
        }
        LinkTargets {
            map,
            ..LinkTargets::default()
        }
    }

    fn resolve(&self, urls: &Urls, lang: &crate::config::Language, target: &str) -> Target {
        let target = target.trim_start_matches("./");
        match self.map.get(target) {
            Some((section, slug)) => Target::Page(urls.href(&match section {
                Section::Profiles => urls.profile(lang, slug),
                Section::Campaigns => urls.campaign(lang, slug, 1),
                Section::Awards => urls.award_list(lang, slug),
            })),
            None if self.drafts.contains(target) => Target::Draft,
            None if self.unreadable.contains(target) => Target::Unreadable,
            None => Target::Missing,
        }
    }
}

/// What rendering a page's texts found besides the texts: problems, and
/// links to drafts (not problems: `check` notes them).
#[derive(Default)]
pub(super) struct Found {
    pub(super) problems: Vec<Diagnostic>,
    pub(super) draft_links: Vec<DraftLink>,
}

/// Renders the texts of pages in every language.
pub(super) struct TextRenderer<'a> {
    pub(super) config: &'a Config,
    pub(super) urls: Urls<'a>,
    pub(super) targets: &'a LinkTargets,
    pub(super) md: &'a MarkdownOptions,
}

/// One body rendered for one language.
struct RenderedBody {
    html: HashedText,
    /// Its summary ([`markdown::Rendered::summary`]).
    summary: Arc<str>,
}

impl TextRenderer<'_> {
    fn body<F>(&self, page: &mut Page<F>, lang_index: usize, found: &mut Found) -> RenderedBody {
        if let Some(r) = page.rendered.take() {
            // The preview's cache may hold the same rendering: its html is shared.
            return RenderedBody {
                html: r.html.clone(),
                summary: Arc::clone(&r.summary),
            };
        }
        let lang = &self.config.languages[lang_index];
        let resolve = |t: &str| self.targets.resolve(&self.urls, lang, t);
        let r = markdown::render(page.body(), self.md, &resolve);
        for link in r.broken_links {
            let line = link.line + page.body_line_offset;
            found.problems.push(Diagnostic::at(
                &page.info.rel,
                line,
                Some(link.col),
                ReferenceProblem::BrokenLink {
                    target: link.target,
                },
            ));
        }
        for link in r.draft_links {
            found.draft_links.push(DraftLink {
                file: page.info.rel.clone(),
                line: link.line + page.body_line_offset,
                col: link.col,
                target: link.target,
            });
        }
        RenderedBody {
            html: r.html,
            summary: r.summary,
        }
    }

    /// Renders `page`'s body for each language that shows it: a translation
    /// its own, the others the original's (rendered once when it has no
    /// `@/` links, else once per language for the links' addresses).
    fn bodies<F, T>(
        &self,
        page: &mut Page<F>,
        translations: &mut HashMap<String, Page<T>>,
        found: &mut Found,
    ) -> Vec<RenderedBody> {
        let needs_original = self
            .config
            .languages
            .iter()
            .any(|l| !translations.contains_key(&l.code));
        let shared = (needs_original && page.rendered.is_some()).then(|| self.body(page, 0, found));
        let mut out = Vec::with_capacity(self.config.languages.len());
        let mut original_diags_done = false;
        for (i, lang) in self.config.languages.iter().enumerate() {
            if let Some(tr) = translations.get_mut(&lang.code) {
                out.push(self.body(tr, i, found));
            } else if let Some(s) = &shared {
                out.push(RenderedBody {
                    html: s.html.clone(),
                    summary: Arc::clone(&s.summary),
                });
            } else {
                // Report links of the original once, not per language.
                let mut sink = Found::default();
                let r = self.body(
                    page,
                    i,
                    if original_diags_done {
                        &mut sink
                    } else {
                        found
                    },
                );
                original_diags_done = true;
                out.push(r);
            }
        }
        out
    }

    fn source(&self, page_lang: &str, has_own: bool) -> TextSource {
        let default = &self.config.languages[0].code;
        TextSource {
            translated: has_own || page_lang == default,
            lang: if has_own {
                page_lang.to_owned()
            } else {
                default.clone()
            },
        }
    }

    pub(super) fn profile_texts(
        &self,
        page: &mut Page<ProfileFront>,
        tr: &mut HashMap<String, Page<ProfileTranslation>>,
    ) -> (Vec<ProfileText>, Found) {
        let mut found = Found::default();
        let bodies = self.bodies(page, tr, &mut found);
        let default = &self.config.languages[0].code;
        let f = &page.front;
        let texts = self
            .config
            .languages
            .iter()
            .zip(bodies)
            .map(|(lang, body)| {
                let t = tr.get(&lang.code).map(|p| &p.front);
                let pick = |own: Option<&String>, orig: Option<&LocalisedText>| -> Option<String> {
                    own.map(|s| nfc(s).into_owned())
                        .or_else(|| orig.map(|o| nfc(o.get(&lang.code, default)).into_owned()))
                };
                // The language a field is written in when it is not this one.
                let lang_of = |own: Option<&String>, orig: Option<&LocalisedText>| match (own, orig)
                {
                    (Some(_), _) | (None, None) => None,
                    (None, Some(o)) => o.lang_of(&lang.code, default).map(str::to_owned),
                };
                let summary_src = t
                    .and_then(|t| t.summary.clone())
                    .or_else(|| if t.is_some() { None } else { f.summary.clone() });
                let summary = match summary_src {
                    Some(s) => plain_words(&nfc(&s), markdown::SUMMARY_CHARS),
                    None => body.summary.to_string(),
                };
                ProfileText {
                    name: pick(t.and_then(|t| t.name.as_ref()), None)
                        .unwrap_or_else(|| nfc(&f.name).into_owned()),
                    unit: pick(t.and_then(|t| t.unit.as_ref()), Some(&f.unit)).unwrap_or_default(),
                    unit_lang: lang_of(t.and_then(|t| t.unit.as_ref()), Some(&f.unit)),
                    position: pick(t.and_then(|t| t.position.as_ref()), f.position.as_ref()),
                    position_lang: lang_of(
                        t.and_then(|t| t.position.as_ref()),
                        f.position.as_ref(),
                    ),
                    ethnicity: pick(t.and_then(|t| t.ethnicity.as_ref()), f.ethnicity.as_ref()),
                    ethnicity_lang: lang_of(
                        t.and_then(|t| t.ethnicity.as_ref()),
                        f.ethnicity.as_ref(),
                    ),
                    summary,
                    body_html: body.html,
                    source: self.source(&lang.code, t.is_some()),
                    draft: t.and_then(|t| t.draft).unwrap_or(false),
                }
            })
            .collect();
        (texts, found)
    }

    pub(super) fn campaign_texts(
        &self,
        page: &mut Page<CampaignFront>,
        tr: &mut HashMap<String, Page<CampaignTranslation>>,
    ) -> (Vec<CampaignText>, Found) {
        let mut found = Found::default();
        let bodies = self.bodies(page, tr, &mut found);
        let default = &self.config.languages[0].code;
        let f = &page.front;
        let texts = self
            .config
            .languages
            .iter()
            .zip(bodies)
            .map(|(lang, body)| {
                let t = tr.get(&lang.code).map(|p| &p.front);
                let original = (lang.code != *default).then(|| default.clone());
                CampaignText {
                    launched_by_lang: match (t.and_then(|t| t.launched_by.as_ref()), &f.launched_by)
                    {
                        (None, Some(l)) => l.lang_of(&lang.code, default).map(str::to_owned),
                        _ => None,
                    },
                    plan_lang: original
                        .clone()
                        .filter(|_| t.and_then(|t| t.plan.as_ref()).is_none()),
                    slogan_lang: original.filter(|_| t.and_then(|t| t.slogan.as_ref()).is_none()),
                    name: nfc(t.and_then(|t| t.name.as_deref()).unwrap_or(&f.name)).into_owned(),
                    launched_by: t
                        .and_then(|t| t.launched_by.as_deref())
                        .map(|s| nfc(s).into_owned())
                        .or_else(|| {
                            f.launched_by
                                .as_ref()
                                .map(|l| nfc(l.get(&lang.code, default)).into_owned())
                        }),
                    plan: t
                        .and_then(|t| t.plan.as_deref())
                        .or(f.plan.as_deref())
                        .map(|s| nfc(s).into_owned()),
                    slogan: t
                        .and_then(|t| t.slogan.as_deref())
                        .or(f.slogan.as_deref())
                        .map(|s| nfc(s).into_owned()),
                    body_html: body.html,
                    source: self.source(&lang.code, t.is_some()),
                    draft: t.and_then(|t| t.draft).unwrap_or(false),
                }
            })
            .collect();
        (texts, found)
    }
}
