//! Loaded content → [`Site`]: validates every reference, pairs translations
//! with their originals, sorts, renders markdown (in parallel) and joins the
//! pieces through indexes built once.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::join;
use super::*;
use crate::catalogue::Catalogue;
use crate::config::Config;
use crate::content::front::{CampaignFront, CampaignTranslation, ProfileFront, ProfileTranslation};
use crate::content::markdown::{self, MarkdownOptions};
use crate::content::{AwardListSource, CONTENT_DIR, Content, Page, Section};
use crate::diagnostic::{Diagnostic, Diagnostics, Problem, closest, display_path};
use crate::i18n::collate::NameCollator;
use crate::i18n::date;
use crate::i18n::slug::slugify;
use crate::i18n::text::{nfc, plain_words};
use crate::urls::Urls;

/// Choices that change what is built.
#[derive(Debug, Clone, Copy, Default)]
pub struct AssembleOptions {
    /// Include drafts (marked as such).
    pub drafts: bool,
}

const MIN_YEAR: i64 = 1945;
const MAX_YEAR: i64 = 2100;
const SUMMARY_CHARS: usize = 300;

/// Builds the site from loaded content; `problems` are the loader's, to
/// which every problem found here is added.
pub fn assemble(
    config: Config,
    content: Content,
    mut problems: Diagnostics,
    options: AssembleOptions,
) -> Result<Site, Diagnostics> {
    let catalogue = Catalogue::with_site_entries(&config.award_types);
    let collator = NameCollator::vietnamese();
    let mut cx = Checker {
        problems: &mut problems,
        skip: content.broken.clone(),
        catalogue: &catalogue,
    };

    // Campaigns first: profiles and lists refer to them.
    let mut campaign_pages = cx.built_pages(content.campaigns, Section::Campaigns, options.drafts);
    for (_, page) in &campaign_pages {
        cx.check_campaign(page);
    }
    campaign_pages.sort_by(|(sa, a), (sb, b)| {
        b.front
            .start_year
            .get_ref()
            .cmp(a.front.start_year.get_ref())
            .then_with(|| collator.compare(&a.front.name, &b.front.name))
            .then_with(|| sa.cmp(sb))
    });
    let campaign_index: HashMap<String, usize> = campaign_pages
        .iter()
        .enumerate()
        .map(|(i, (slug, _))| (slug.clone(), i))
        .collect();

    // Profiles.
    let mut profile_pages = cx.built_pages(content.profiles, Section::Profiles, options.drafts);
    profile_pages.sort_by(|(sa, a), (sb, b)| {
        let (fa, fb) = (&a.front, &b.front);
        fa.kind
            .cmp(&fb.kind)
            .then_with(|| match fa.kind {
                Kind::Individual => collator.compare_people(
                    (&fa.name, fa.sort_name.as_deref()),
                    (&fb.name, fb.sort_name.as_deref()),
                ),
                Kind::Collective => collator.compare(&fa.name, &fb.name),
            })
            .then_with(|| sa.cmp(sb))
    });
    let profile_index: HashMap<String, usize> = profile_pages
        .iter()
        .enumerate()
        .map(|(i, (slug, _))| (slug.clone(), i))
        .collect();
    let mut profiles: Vec<Profile> = profile_pages
        .iter()
        .map(|(slug, page)| cx.profile_structure(&config, slug, page, &campaign_index))
        .collect();

    // Award lists.
    let mut lists: Vec<AwardList> = content
        .award_lists
        .iter()
        .filter_map(|src| cx.award_list(src, &campaign_index, &profile_index, &profiles))
        .collect();
    cx.duplicate_list_slugs(&lists);
    lists.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| a.decision.cmp(&b.decision))
            .then_with(|| a.slug.cmp(&b.slug))
    });

    // Translations, then markdown in every language.
    let urls = Urls::new(&config);
    let targets = LinkTargets::new(
        &profile_pages,
        &campaign_pages,
        &content.profile_translations,
        &content.campaign_translations,
    );
    let mut profile_translations = pair_translations(
        &mut cx,
        content.profile_translations,
        &profile_pages,
        options,
    );
    let mut campaign_translations = pair_translations(
        &mut cx,
        content.campaign_translations,
        &campaign_pages,
        options,
    );
    let md = MarkdownOptions {
        unsafe_html: config.markdown.unsafe_html,
    };
    let renderer = TextRenderer {
        config: &config,
        urls,
        targets: &targets,
        md: &md,
    };

    let profile_texts: Vec<(Vec<ProfileText>, Vec<Diagnostic>)> = profile_pages
        .par_iter_mut()
        .zip(profile_translations.par_iter_mut())
        .map(|((_, page), tr)| renderer.profile_texts(page, tr))
        .collect();
    for (profile, (texts, diags)) in profiles.iter_mut().zip(profile_texts) {
        profile.texts = texts;
        problems.extend(diags);
    }
    let campaign_texts: Vec<(Vec<CampaignText>, Vec<Diagnostic>)> = campaign_pages
        .par_iter_mut()
        .zip(campaign_translations.par_iter_mut())
        .map(|((_, page), tr)| renderer.campaign_texts(page, tr))
        .collect();
    let campaigns: Vec<Campaign> = campaign_pages
        .iter()
        .zip(campaign_texts)
        .map(|((slug, page), (texts, diags))| {
            problems.extend(diags);
            Campaign {
                slug: slug.clone(),
                start_year: *page.front.start_year.get_ref() as i32,
                end_year: page.front.end_year.as_ref().map(|y| *y.get_ref() as i32),
                draft: page.front.draft,
                texts,
                profiles: Vec::new(),
                award_lists: Vec::new(),
                source: page.info.rel.clone(),
            }
        })
        .collect();

    if !problems.is_empty() {
        return Err(problems.sorted());
    }
    let mut site = Site {
        config,
        catalogue,
        profiles,
        campaigns,
        award_lists: lists,
        years: Vec::new(),
        drafts: options.drafts,
    };
    join::join(&mut site);
    Ok(site)
}

/// Validation helpers that share the problem list.
struct Checker<'a> {
    problems: &'a mut Diagnostics,
    /// Pages that exist but are not built (unreadable, or drafts): references
    /// to them are not reported as missing.
    skip: HashSet<(Section, String)>,
    catalogue: &'a Catalogue,
}

impl Checker<'_> {
    /// Gives each page its slug, reports pages that share one, and keeps
    /// the pages that are built (drafts only with `drafts`; references to
    /// the others are not reported as missing).
    fn built_pages<F: PageFront>(
        &mut self,
        pages: Vec<Page<F>>,
        section: Section,
        drafts: bool,
    ) -> Vec<(String, Page<F>)> {
        let mut seen: HashMap<String, PathBuf> = HashMap::new();
        let mut out = Vec::with_capacity(pages.len());
        for page in pages {
            let slug = slugify(page.front.slug().unwrap_or(&page.info.stem));
            if slug.is_empty() {
                self.problems
                    .push(page.at_front_matter(Problem::NoUsableSlug { section }));
                continue;
            }
            if let Some(first) = seen.get(&slug) {
                let problem = Problem::DuplicateSlug {
                    section,
                    slug: slug.clone(),
                    first: display_path(first),
                    second: display_path(&page.info.rel),
                };
                self.problems
                    .push(Diagnostic::file(&page.info.rel, problem));
                continue;
            }
            seen.insert(slug.clone(), page.info.rel.clone());
            if drafts || !page.front.draft() {
                out.push((slug, page));
            } else {
                self.skip.insert((section, slug));
            }
        }
        out
    }

    fn year(&mut self, at: impl FnOnce(Problem) -> Diagnostic, year: i64, field: &str) -> i32 {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            let field = field.to_owned();
            self.problems.push(at(Problem::YearOutOfRange {
                field,
                year,
                min: MIN_YEAR,
                max: MAX_YEAR,
            }));
        }
        year.clamp(MIN_YEAR, MAX_YEAR) as i32
    }

    fn check_campaign(&mut self, page: &Page<CampaignFront>) {
        let f = &page.front;
        let start = self.year(
            |p| page.at(f.start_year.span(), p),
            *f.start_year.get_ref(),
            "start_year",
        );
        if let Some(end) = &f.end_year {
            let end_year = self.year(|p| page.at(end.span(), p), *end.get_ref(), "end_year");
            if end_year < start {
                self.problems.push(page.at(
                    end.span(),
                    Problem::EndBeforeStart {
                        start,
                        end: end_year,
                    },
                ));
            }
        }
    }

    fn campaign_ref(
        &mut self,
        key: &str,
        at: impl FnOnce(Problem) -> Diagnostic,
        index: &HashMap<String, usize>,
    ) -> Option<usize> {
        if let Some(&i) = index.get(key) {
            return Some(i);
        }
        if !self.skip.contains(&(Section::Campaigns, key.to_owned())) {
            let suggestion = closest(key, index.keys().map(String::as_str)).map(str::to_owned);
            self.problems.push(at(Problem::UnknownCampaign {
                key: key.to_owned(),
                suggestion,
            }));
        }
        None
    }

    fn award_ref(
        &mut self,
        key: &str,
        kind: Kind,
        at: impl Fn(Problem) -> Diagnostic,
    ) -> Option<usize> {
        let Some(i) = self.catalogue.index_of(key) else {
            let suggestion = closest(key, self.catalogue.keys()).map(str::to_owned);
            self.problems.push(at(Problem::UnknownAwardType {
                key: key.to_owned(),
                suggestion,
            }));
            return None;
        };
        self.eligible(i, kind, &at);
        Some(i)
    }

    /// Reports an award given to a kind of recipient it is not for.
    fn eligible(&mut self, award: usize, kind: Kind, at: &dyn Fn(Problem) -> Diagnostic) {
        let t = self.catalogue.by_index(award);
        if !t.recipient.allows(kind) {
            self.problems.push(at(Problem::AwardNotFor {
                key: t.key.clone(),
                name_vi: t.name.get("vi", "vi").to_owned(),
                name_en: t.name.get("en", "en").to_owned(),
                kind,
            }));
        }
    }

    /// A profile's structured fields (its texts come later).
    fn profile_structure(
        &mut self,
        config: &Config,
        slug: &str,
        page: &Page<ProfileFront>,
        campaign_index: &HashMap<String, usize>,
    ) -> Profile {
        let f = &page.front;
        let year = self.year(|p| page.at(f.year.span(), p), *f.year.get_ref(), "year");
        let mut campaigns = Vec::new();
        for key in &f.campaigns {
            if let Some(i) =
                self.campaign_ref(key.get_ref(), |m| page.at(key.span(), m), campaign_index)
                && !campaigns.contains(&i)
            {
                campaigns.push(i);
            }
        }
        let mut awards = Vec::new();
        for entry in &f.awards {
            let a = entry.get_ref();
            let award_year = self.year(|p| page.at(a.year.span(), p), *a.year.get_ref(), "year");
            let award = self.award_ref(a.award.get_ref(), f.kind, |m| page.at(a.award.span(), m));
            let campaign = a.campaign.as_ref().and_then(|c| {
                self.campaign_ref(c.get_ref(), |m| page.at(c.span(), m), campaign_index)
            });
            if let Some(award) = award {
                awards.push(HeldAward {
                    award,
                    year: award_year,
                    decision: a.decision.as_deref().map(|d| nfc(d).into_owned()),
                    issuer: a.issuer.clone().map(LocalisedText::normalised),
                    date: None,
                    campaign,
                    list: None,
                });
            }
        }
        let date = match &f.date {
            Some(d) => date::from_toml(d.get_ref()).unwrap_or_else(|| {
                self.problems.push(page.at(
                    d.span(),
                    Problem::NotADate {
                        field: "date".to_owned(),
                    },
                ));
                date::Date {
                    year,
                    month: 1,
                    day: 1,
                }
            }),
            None => date::Date {
                year,
                month: 1,
                day: 1,
            },
        };
        let photo = f
            .photo
            .as_ref()
            .and_then(|p| self.photo(config, page, p.get_ref(), p.span()));
        Profile {
            slug: slug.to_owned(),
            kind: f.kind,
            sort_name: f.sort_name.as_deref().map(|s| nfc(s).into_owned()),
            year,
            campaigns,
            photo,
            date,
            draft: f.draft,
            awards,
            texts: Vec::new(),
            source: page.info.rel.clone(),
        }
    }

    fn photo(
        &mut self,
        config: &Config,
        page: &Page<ProfileFront>,
        photo: &str,
        span: Range<usize>,
    ) -> Option<Photo> {
        if Path::new(photo).is_absolute() || photo.starts_with('/') || photo.starts_with('\\') {
            self.problems.push(page.at(
                span,
                Problem::PhotoAbsolute {
                    photo: photo.to_owned(),
                },
            ));
            return None;
        }
        let dir = page.info.abs.parent().unwrap_or(Path::new("."));
        let file = dir.join(photo);
        let content_dir = config.root.join(CONTENT_DIR);
        let inside = match (file.canonicalize(), content_dir.canonicalize()) {
            (Ok(f), Ok(c)) => f.starts_with(&c) && f.is_file(),
            _ => {
                let looked_for = display_path(file.strip_prefix(&config.root).unwrap_or(&file));
                self.problems.push(page.at(
                    span,
                    Problem::PhotoMissing {
                        photo: photo.to_owned(),
                        looked_for,
                    },
                ));
                return None;
            }
        };
        if !inside {
            self.problems.push(page.at(
                span,
                Problem::PhotoOutside {
                    photo: photo.to_owned(),
                },
            ));
            return None;
        }
        let file_name = Path::new(photo).file_name()?.to_string_lossy().into_owned();
        Some(Photo { file, file_name })
    }

    fn award_list(
        &mut self,
        src: &AwardListSource,
        campaign_index: &HashMap<String, usize>,
        profile_index: &HashMap<String, usize>,
        profiles: &[Profile],
    ) -> Option<AwardList> {
        let f = &src.file;
        let slug = slugify(&src.info.stem);
        let date = date::from_toml(f.date.get_ref());
        if date.is_none() {
            self.problems.push(src.at(
                f.date.span(),
                Problem::NotADate {
                    field: "date".to_owned(),
                },
            ));
        }
        let date = date.unwrap_or(date::Date {
            year: 2000,
            month: 1,
            day: 1,
        });
        let year = match &f.year {
            Some(y) => self.year(|p| src.at(y.span(), p), *y.get_ref(), "year"),
            None => self.year(|p| src.at(f.date.span(), p), date.year as i64, "date"),
        };
        let campaign = f
            .campaign
            .as_ref()
            .and_then(|c| self.campaign_ref(c.get_ref(), |m| src.at(c.span(), m), campaign_index));
        let award_key = f.award.get_ref();
        let award = self.catalogue.index_of(award_key);
        if award.is_none() {
            self.award_ref(award_key, Kind::Individual, |m| src.at(f.award.span(), m));
        }
        let mut recipients = Vec::new();
        let link = |cx: &mut Self,
                    key: Option<&str>,
                    kind: Kind,
                    at: &dyn Fn(Problem) -> Diagnostic|
         -> Option<usize> {
            if let Some(a) = award {
                cx.eligible(a, kind, at);
            }
            let key = key?;
            if let Some(&i) = profile_index.get(key) {
                if profiles[i].kind != kind {
                    let key = key.to_owned();
                    cx.problems.push(at(Problem::RecipientKindMismatch {
                        key,
                        recipient: kind,
                        profile: profiles[i].kind,
                    }));
                }
                return Some(i);
            }
            if !cx.skip.contains(&(Section::Profiles, key.to_owned())) {
                let suggestion =
                    closest(key, profile_index.keys().map(String::as_str)).map(str::to_owned);
                cx.problems.push(at(Problem::UnknownProfile {
                    key: key.to_owned(),
                    suggestion,
                }));
            }
            None
        };
        for r in &f.recipients {
            let e = r.get_ref();
            let span = e.profile.as_ref().map_or(r.span(), |p| p.span());
            let profile = link(
                self,
                e.profile.as_ref().map(|p| p.get_ref().as_str()),
                e.kind,
                &|m| src.at(span.clone(), m),
            );
            recipients.push(Recipient {
                name: nfc(&e.name).into_owned(),
                kind: e.kind,
                unit: e.unit.clone().map(LocalisedText::normalised),
                position: e.position.clone().map(LocalisedText::normalised),
                profile,
            });
        }
        if let Some((csv_rel, rows)) = &src.csv {
            for row in rows {
                let at = |p: Problem| Diagnostic::at(csv_rel, row.line, None, p);
                let profile = link(self, row.profile.as_deref(), row.kind, &at);
                recipients.push(Recipient {
                    name: row.name.clone(),
                    kind: row.kind,
                    unit: row.unit.clone().map(LocalisedText::Same),
                    position: row.position.clone().map(LocalisedText::Same),
                    profile,
                });
            }
        }
        if recipients.is_empty() {
            self.problems.push(Diagnostic::at(
                &src.info.rel,
                1,
                None,
                Problem::NoRecipients,
            ));
        }
        Some(AwardList {
            slug,
            decision: nfc(&f.decision).into_owned(),
            date,
            issuer: f.issuer.clone().normalised(),
            award: award?,
            year,
            campaign,
            reason: f.reason.clone().map(LocalisedText::normalised),
            recipients,
            source: src.info.rel.clone(),
        })
    }

    fn duplicate_list_slugs(&mut self, lists: &[AwardList]) {
        let mut seen: HashMap<&str, &Path> = HashMap::new();
        for list in lists {
            if list.slug.is_empty() {
                self.problems.push(Diagnostic::file(
                    &list.source,
                    Problem::NoUsableSlug {
                        section: Section::Awards,
                    },
                ));
            } else if let Some(first) = seen.insert(&list.slug, &list.source) {
                let problem = Problem::DuplicateSlug {
                    section: Section::Awards,
                    slug: list.slug.clone(),
                    first: display_path(first),
                    second: display_path(&list.source),
                };
                self.problems.push(Diagnostic::file(&list.source, problem));
            }
        }
    }
}

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
fn pair_translations<T, F>(
    cx: &mut Checker,
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
                    let problem = Problem::TranslationWithoutOriginal {
                        original: display_path(&key),
                    };
                    cx.problems.push(Diagnostic::file(&tr.info.rel, problem));
                }
            }
        }
    }
    out
}

/// What every page's front matter has.
trait PageFront {
    fn slug(&self) -> Option<&str>;
    fn draft(&self) -> bool;
}

impl PageFront for ProfileFront {
    fn slug(&self) -> Option<&str> {
        self.slug.as_deref()
    }
    fn draft(&self) -> bool {
        self.draft
    }
}

impl PageFront for CampaignFront {
    fn slug(&self) -> Option<&str> {
        self.slug.as_deref()
    }
    fn draft(&self) -> bool {
        self.draft
    }
}

/// Translation front matter that may be marked as a draft.
pub(super) trait TranslationDraft {
    fn is_draft(&self) -> bool;
}

impl TranslationDraft for ProfileTranslation {
    fn is_draft(&self) -> bool {
        self.draft.unwrap_or(false)
    }
}

impl TranslationDraft for CampaignTranslation {
    fn is_draft(&self) -> bool {
        self.draft.unwrap_or(false)
    }
}

/// What `@/` links may point at: content-relative paths of originals and
/// translations.
#[derive(Default)]
pub(super) struct LinkTargets {
    map: HashMap<String, (Section, String)>,
}

impl LinkTargets {
    fn new<T, U>(
        profiles: &[(String, Page<ProfileFront>)],
        campaigns: &[(String, Page<CampaignFront>)],
        profile_tr: &[Page<T>],
        campaign_tr: &[Page<U>],
    ) -> Self {
        let mut map = HashMap::new();
        let key = |rel: &Path| {
            let inside = rel.strip_prefix(CONTENT_DIR).unwrap_or(rel);
            display_path(inside)
        };
        for (slug, p) in profiles {
            map.insert(key(&p.info.rel), (Section::Profiles, slug.clone()));
        }
        for (slug, p) in campaigns {
            map.insert(key(&p.info.rel), (Section::Campaigns, slug.clone()));
        }
        let originals: Vec<(String, (Section, String))> =
            map.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let by_original: HashMap<String, (Section, String)> = originals.into_iter().collect();
        for tr in profile_tr
            .iter()
            .map(|t| (key(&t.info.rel), key(&original_key(t))))
            .chain(
                campaign_tr
                    .iter()
                    .map(|t| (key(&t.info.rel), key(&original_key(t)))),
            )
        {
            if let Some(target) = by_original.get(&tr.1) {
                map.insert(tr.0, target.clone());
            }
        }
        LinkTargets { map }
    }

    fn resolve(&self, urls: &Urls, lang: &crate::config::Language, target: &str) -> Option<String> {
        let target = target.trim_start_matches("./");
        let (section, slug) = self.map.get(target)?;
        Some(urls.href(&match section {
            Section::Profiles => urls.profile(lang, slug),
            _ => urls.campaign(lang, slug, 1),
        }))
    }
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
    html: String,
    first_paragraph: String,
}

impl TextRenderer<'_> {
    fn body<F>(
        &self,
        page: &mut Page<F>,
        lang_index: usize,
        diags: &mut Vec<Diagnostic>,
    ) -> RenderedBody {
        if let Some(r) = page.rendered.take() {
            return RenderedBody {
                html: r.html,
                first_paragraph: r.first_paragraph,
            };
        }
        let lang = &self.config.languages[lang_index];
        let resolve = |t: &str| self.targets.resolve(&self.urls, lang, t);
        let r = markdown::render(page.body(), self.md, &resolve);
        for link in r.broken_links {
            let line = link.line + page.body_line_offset;
            diags.push(Diagnostic::at(
                &page.info.rel,
                line,
                Some(link.col),
                Problem::BrokenLink {
                    target: link.target,
                },
            ));
        }
        RenderedBody {
            html: r.html,
            first_paragraph: r.first_paragraph,
        }
    }

    /// Renders `page`'s body for each language that shows it: a translation
    /// its own, the others the original's (rendered once when it has no
    /// `@/` links, else once per language for the links' addresses).
    fn bodies<F, T>(
        &self,
        page: &mut Page<F>,
        translations: &mut HashMap<String, Page<T>>,
        diags: &mut Vec<Diagnostic>,
    ) -> Vec<RenderedBody> {
        let needs_original = self
            .config
            .languages
            .iter()
            .any(|l| !translations.contains_key(&l.code));
        let shared = (needs_original && page.rendered.is_some()).then(|| self.body(page, 0, diags));
        let mut out = Vec::with_capacity(self.config.languages.len());
        let mut original_diags_done = false;
        for (i, lang) in self.config.languages.iter().enumerate() {
            if let Some(tr) = translations.get_mut(&lang.code) {
                out.push(self.body(tr, i, diags));
            } else if let Some(s) = &shared {
                out.push(RenderedBody {
                    html: s.html.clone(),
                    first_paragraph: s.first_paragraph.clone(),
                });
            } else {
                // Report broken links of the original once, not per language.
                let mut sink = Vec::new();
                let r = self.body(
                    page,
                    i,
                    if original_diags_done {
                        &mut sink
                    } else {
                        diags
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
    ) -> (Vec<ProfileText>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let bodies = self.bodies(page, tr, &mut diags);
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
                let summary_src = t
                    .and_then(|t| t.summary.clone())
                    .or_else(|| if t.is_some() { None } else { f.summary.clone() });
                let summary = match summary_src {
                    Some(s) => plain_words(&nfc(&s), SUMMARY_CHARS),
                    None => plain_words(&body.first_paragraph, SUMMARY_CHARS),
                };
                ProfileText {
                    name: pick(t.and_then(|t| t.name.as_ref()), None)
                        .unwrap_or_else(|| nfc(&f.name).into_owned()),
                    unit: pick(t.and_then(|t| t.unit.as_ref()), Some(&f.unit)).unwrap_or_default(),
                    position: pick(t.and_then(|t| t.position.as_ref()), f.position.as_ref()),
                    ethnicity: pick(t.and_then(|t| t.ethnicity.as_ref()), f.ethnicity.as_ref()),
                    summary,
                    body_html: body.html,
                    source: self.source(&lang.code, t.is_some()),
                    draft: t.and_then(|t| t.draft).unwrap_or(false),
                }
            })
            .collect();
        (texts, diags)
    }

    pub(super) fn campaign_texts(
        &self,
        page: &mut Page<CampaignFront>,
        tr: &mut HashMap<String, Page<CampaignTranslation>>,
    ) -> (Vec<CampaignText>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let bodies = self.bodies(page, tr, &mut diags);
        let default = &self.config.languages[0].code;
        let f = &page.front;
        let texts = self
            .config
            .languages
            .iter()
            .zip(bodies)
            .map(|(lang, body)| {
                let t = tr.get(&lang.code).map(|p| &p.front);
                CampaignText {
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
        (texts, diags)
    }
}
