//! Validation of the loaded content, file by file and across files:
//! slugs and duplicates, years, references to campaigns, award types and
//! profiles, photos, and award lists with their recipients.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::*;
use crate::catalogue::{AwardTypeId, Catalogue};
use crate::config::Config;
use crate::content::front::{CampaignFront, ProfileFront};
use crate::content::{AwardListSource, Page};
use crate::diagnostic::{
    DateProblem, Diagnostic, Diagnostics, NameProblem, ReferenceProblem, closest, display_path,
};
use crate::i18n::date;
use crate::i18n::slug::slugify;
use crate::i18n::text::nfc;
use crate::sitefs::{self, ReadError};
use crate::vocab::{CONTENT_DIR, Section};

use super::fronts::PageFront;

/// The years a profile, award or campaign may name.
const MIN_YEAR: i64 = 1945;
const MAX_YEAR: i64 = 2100;

/// Validation helpers that share the problem list.
pub(super) struct Checker<'a> {
    pub(super) problems: &'a mut Diagnostics,
    /// Pages that exist but are not built (unreadable, or drafts): references
    /// to them are not reported as missing.
    pub(super) skip: HashSet<(Section, String)>,
    pub(super) catalogue: &'a Catalogue,
    /// Files of the drafts left out (`@/` links to them show as text).
    pub(super) drafts: Vec<PathBuf>,
}

impl Checker<'_> {
    /// Gives each page its slug, reports pages that share one, and keeps
    /// the pages that are built (drafts only with `drafts`; references to
    /// the others are not reported as missing).
    pub(super) fn built_pages<F: PageFront>(
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
                    .push(page.at_front_matter(NameProblem::NoUsableSlug { section }));
                continue;
            }
            if let Some(first) = seen.get(&slug) {
                let problem = NameProblem::DuplicateSlug {
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
                self.drafts.push(page.info.rel.clone());
            }
        }
        out
    }

    fn year(&mut self, at: impl FnOnce(DateProblem) -> Diagnostic, year: i64, field: &str) -> i32 {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            let field = field.to_owned();
            self.problems.push(at(DateProblem::YearOutOfRange {
                field,
                year,
                min: MIN_YEAR,
                max: MAX_YEAR,
            }));
        }
        year.clamp(MIN_YEAR, MAX_YEAR) as i32
    }

    pub(super) fn check_campaign(&mut self, page: &Page<CampaignFront>) {
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
                    DateProblem::EndBeforeStart {
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
        at: impl FnOnce(ReferenceProblem) -> Diagnostic,
        index: &HashMap<String, CampaignId>,
    ) -> Option<CampaignId> {
        if let Some(&i) = index.get(key) {
            return Some(i);
        }
        if !self.skip.contains(&(Section::Campaigns, key.to_owned())) {
            let suggestion = closest(key, index.keys().map(String::as_str)).map(str::to_owned);
            self.problems.push(at(ReferenceProblem::UnknownCampaign {
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
        at: impl Fn(ReferenceProblem) -> Diagnostic,
    ) -> Option<AwardTypeId> {
        let Some(i) = self.catalogue.index_of(key) else {
            let suggestion = closest(key, self.catalogue.keys()).map(str::to_owned);
            self.problems.push(at(ReferenceProblem::UnknownAwardType {
                key: key.to_owned(),
                suggestion,
            }));
            return None;
        };
        self.eligible(i, kind, &at);
        Some(i)
    }

    /// Reports an award given to a kind of recipient it is not for.
    fn eligible(
        &mut self,
        award: AwardTypeId,
        kind: Kind,
        at: &dyn Fn(ReferenceProblem) -> Diagnostic,
    ) {
        let t = self.catalogue.by_index(award);
        if !t.recipient.allows(kind) {
            self.problems.push(at(ReferenceProblem::AwardNotFor {
                key: t.key.clone(),
                name_vi: t.name.get("vi", "vi").to_owned(),
                name_en: t.name.get("en", "en").to_owned(),
                kind,
            }));
        }
    }

    /// A profile's structured fields (its texts come later).
    pub(super) fn profile_structure(
        &mut self,
        config: &Config,
        slug: &str,
        page: &Page<ProfileFront>,
        campaign_index: &HashMap<String, CampaignId>,
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
                    DateProblem::NotADate {
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
        let dir = page.info.abs.parent().unwrap_or(Path::new("."));
        let problem = match sitefs::resolve(&config.root, dir, photo) {
            Ok(file)
                if sitefs::is_inside(&config.root.join(CONTENT_DIR), &file).unwrap_or(false) =>
            {
                return Some(Photo {
                    file,
                    name: photo.to_owned(),
                    line: page.line(span),
                    copies: Vec::new(),
                });
            }
            Ok(_) | Err(ReadError::Outside) => ReferenceProblem::PhotoOutside {
                photo: photo.to_owned(),
            },
            Err(ReadError::Absolute) => ReferenceProblem::PhotoAbsolute {
                photo: photo.to_owned(),
            },
            Err(_) => {
                let file = dir.join(photo);
                let looked_for = display_path(file.strip_prefix(&config.root).unwrap_or(&file));
                ReferenceProblem::PhotoMissing {
                    photo: photo.to_owned(),
                    looked_for,
                }
            }
        };
        self.problems.push(page.at(span, problem));
        None
    }

    pub(super) fn award_list(
        &mut self,
        src: &AwardListSource,
        campaign_index: &HashMap<String, CampaignId>,
        profile_index: &HashMap<String, ProfileId>,
        profiles: &[Profile],
    ) -> Option<AwardList> {
        let f = &src.file;
        let slug = slugify(&src.info.stem);
        let date = date::from_toml(f.date.get_ref());
        if date.is_none() {
            self.problems.push(src.at(
                f.date.span(),
                DateProblem::NotADate {
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
                    at: &dyn Fn(ReferenceProblem) -> Diagnostic|
         -> Option<ProfileId> {
            if let Some(a) = award {
                cx.eligible(a, kind, at);
            }
            let key = key?;
            if let Some(&i) = profile_index.get(key) {
                if profiles[i].kind != kind {
                    let key = key.to_owned();
                    cx.problems
                        .push(at(ReferenceProblem::RecipientKindMismatch {
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
                cx.problems.push(at(ReferenceProblem::UnknownProfile {
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
        if let Some(sheet) = &src.sheet {
            let mut no_kind_column = false;
            for row in &sheet.rows {
                // Until the model carries withheld recipients, they are left
                // out: a name must never be published against its owner's wish.
                if row.withheld {
                    continue;
                }
                let Some(kind) = row.kind else {
                    if sheet.kind_column.is_some() || !no_kind_column {
                        self.problems.push(sheet.no_kind(row));
                    }
                    no_kind_column |= sheet.kind_column.is_none();
                    continue;
                };
                let (key, place) = match &row.profile {
                    Some((key, place)) => (Some(key.as_str()), place),
                    None => (None, &row.place),
                };
                let profile = link(self, key, kind, &|p| place.diagnostic(p));
                recipients.push(Recipient {
                    name: row.name.clone(),
                    kind,
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
                ReferenceProblem::NoRecipients,
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

    pub(super) fn duplicate_list_slugs(&mut self, lists: &[AwardList]) {
        let mut seen: HashMap<&str, &Path> = HashMap::new();
        for list in lists {
            if list.slug.is_empty() {
                self.problems.push(Diagnostic::file(
                    &list.source,
                    NameProblem::NoUsableSlug {
                        section: Section::Awards,
                    },
                ));
            } else if let Some(first) = seen.insert(&list.slug, &list.source) {
                let problem = NameProblem::DuplicateSlug {
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
