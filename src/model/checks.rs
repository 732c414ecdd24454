//! Validation of the loaded content, file by file and across files:
//! slugs and duplicates, years, references to campaigns, award types and
//! profiles, photos, and award lists with their recipients.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::*;
use rayon::prelude::*;
use toml::Spanned;

use crate::catalogue::{AwardTypeId, Catalogue, Eligible};
use crate::config::Config;
use crate::content::front::{CampaignFront, ProfileFront};
use crate::content::{AwardListSource, Page};
use crate::diagnostic::{
    AwardProblem, DateProblem, Diagnostic, Diagnostics, NameProblem, Problem, ReferenceProblem,
    closest, display_path,
};
use crate::i18n::date;
use crate::i18n::slug::slugify;
use crate::i18n::text::nfc;
use crate::sitefs::{self, ReadError};
use crate::vocab::{CONTENT_DIR, Section};

use super::fronts::PageFront;

/// The most people one `[[counts]]` number may say: more than any
/// decision honours, and small enough that totals never overflow.
const MAX_COUNT: i64 = 1_000_000;

/// The years a profile, award or campaign may name.
const MIN_YEAR: i64 = 1945;
const MAX_YEAR: i64 = 2100;

/// Validation helpers that share the problem list.
pub(super) struct Checker<'a> {
    pub(super) problems: &'a mut Diagnostics,
    /// Pages that exist but are not built (unreadable, or drafts): references
    /// to them are not reported as missing.
    pub(super) skip: Cow<'a, HashSet<(Section, String)>>,
    pub(super) catalogue: &'a Catalogue,
    /// Files of the drafts left out (`@/` links to them show as text).
    pub(super) drafts: Vec<PathBuf>,
}

/// What a campaign's front matter gives once checked.
pub(super) struct CampaignChecked {
    pub(super) start_year: Option<i32>,
    pub(super) end_year: Option<i32>,
    pub(super) documents: Vec<CampaignDocument>,
    pub(super) aliases: Vec<Alias>,
}

/// An alias as a path from the site's root: `/ho-so/ten-cu/`, or a file
/// such as `/old/page.html`. `None` when it cannot be one (no leading `/`,
/// a scheme, a query, `..`).
pub(super) fn alias_path(alias: &str) -> Option<String> {
    let alias = alias.trim();
    let rest = alias.strip_prefix('/')?;
    let bad = |seg: &str| seg == ".." || seg == "." || seg.contains('\\');
    if alias.contains(['?', '#', ' ', '\t']) || alias.contains("//") || rest.split('/').any(bad) {
        return None;
    }
    let is_file = rest
        .rsplit('/')
        .next()
        .is_some_and(|last| last.ends_with(".html") || last.ends_with(".htm"));
    Some(if is_file || alias.ends_with('/') {
        alias.to_owned()
    } else {
        format!("{alias}/")
    })
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
                self.skip.to_mut().insert((section, slug));
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

    /// A campaign's years and documents.
    pub(super) fn check_campaign(&mut self, page: &Page<CampaignFront>) -> CampaignChecked {
        let f = &page.front;
        let start = f
            .start_year
            .as_ref()
            .map(|s| self.year(|p| page.at(s.span(), p), *s.get_ref(), "start_year"));
        let end = f.end_year.as_ref().map(|end| {
            let end_year = self.year(|p| page.at(end.span(), p), *end.get_ref(), "end_year");
            if let Some(start) = start
                && end_year < start
            {
                self.problems.push(page.at(
                    end.span(),
                    DateProblem::EndBeforeStart {
                        start,
                        end: end_year,
                    },
                ));
            }
            end_year
        });
        let documents = f
            .documents
            .iter()
            .map(|d| {
                let doc = d.get_ref();
                if doc.number.get_ref().trim().is_empty() {
                    self.problems
                        .push(page.at(doc.number.span(), AwardProblem::BlankDecision));
                }
                CampaignDocument {
                    number: nfc(doc.number.get_ref().trim()).into_owned(),
                    date: doc
                        .date
                        .as_ref()
                        .and_then(|d| self.date(|p| page.at(d.span(), p), d.get_ref(), "date")),
                    issuer: doc.issuer.clone().map(LocalisedText::normalised),
                    title: doc.title.clone().map(LocalisedText::normalised),
                }
            })
            .collect();
        let aliases = self.aliases(&f.aliases, |span| page.place(span), &page.info.rel);
        CampaignChecked {
            start_year: start,
            end_year: end,
            documents,
            aliases,
        }
    }

    /// A TOML date that must be a plain date.
    fn date(
        &mut self,
        at: impl FnOnce(DateProblem) -> Diagnostic,
        value: &toml::value::Datetime,
        field: &str,
    ) -> Option<date::Date> {
        let d = date::from_toml(value);
        if d.is_none() {
            self.problems.push(at(DateProblem::NotADate {
                field: field.to_owned(),
            }));
        }
        d
    }

    /// `period = [from, to]`: two years, the first not after the last.
    fn period(
        &mut self,
        period: &Spanned<Vec<Spanned<i64>>>,
        at: &dyn Fn(Range<usize>, Problem) -> Diagnostic,
    ) -> Option<Period> {
        let years = period.get_ref();
        let [from, to] = years.as_slice() else {
            self.problems.push(at(
                period.span(),
                AwardProblem::PeriodShape { found: years.len() }.into(),
            ));
            return None;
        };
        let (f, t) = (*from.get_ref(), *to.get_ref());
        let from_year = self.year(|p| at(from.span(), p.into()), f, "period");
        let to_year = self.year(|p| at(to.span(), p.into()), t, "period");
        if f > t {
            self.problems.push(at(
                period.span(),
                AwardProblem::PeriodReversed { from: f, to: t }.into(),
            ));
            return None;
        }
        Some(Period {
            from: from_year,
            to: to_year,
        })
    }

    /// A decision number as written: blank is an error (leave it out instead).
    fn decision(
        &mut self,
        decision: Option<&Spanned<String>>,
        at: impl FnOnce(Range<usize>) -> Diagnostic,
    ) -> Option<String> {
        let d = decision?;
        let number = d.get_ref().trim();
        if number.is_empty() {
            self.problems.push(at(d.span()));
            return None;
        }
        Some(nfc(number).into_owned())
    }

    /// Old addresses of a page: paths from the site's root.
    fn aliases(
        &mut self,
        aliases: &[Spanned<String>],
        place: impl Fn(Range<usize>) -> (usize, usize),
        file: &Path,
    ) -> Vec<Alias> {
        let mut out = Vec::new();
        for alias in aliases {
            let (line, col) = place(alias.span());
            match alias_path(alias.get_ref()) {
                Some(path) => out.push(Alias {
                    path,
                    file: file.to_path_buf(),
                    line,
                    col,
                }),
                None => self.problems.push(Diagnostic::at(
                    file,
                    line,
                    Some(col),
                    AwardProblem::AliasNotAPath {
                        alias: alias.get_ref().clone(),
                    },
                )),
            }
        }
        out
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

    /// An award as an editor names it: by key or by name in any language.
    fn find_award(
        &mut self,
        written: &str,
        at: impl FnOnce(AwardProblem) -> Diagnostic,
    ) -> Option<AwardTypeId> {
        let found = self.catalogue.find(written);
        if found.is_none() {
            self.problems.push(at(AwardProblem::UnknownAward {
                written: written.to_owned(),
                closest: self.catalogue.closest_names(written),
            }));
        }
        found
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
            let award = self.find_award(a.award.get_ref(), |m| page.at(a.award.span(), m));
            if let Some(award) = award {
                self.eligible(award, f.kind, &|m| page.at(a.award.span(), m));
            }
            let campaign = a.campaign.as_ref().and_then(|c| {
                self.campaign_ref(c.get_ref(), |m| page.at(c.span(), m), campaign_index)
            });
            let decision = self.decision(a.decision.as_ref(), |span| {
                page.at(span, AwardProblem::BlankDecision)
            });
            let date = a
                .date
                .as_ref()
                .and_then(|d| self.date(|p| page.at(d.span(), p), d.get_ref(), "date"));
            let period = a
                .period
                .as_ref()
                .and_then(|p| self.period(p, &|span, problem| page.at(span, problem)));
            if let Some(award) = award {
                awards.push(HeldAward {
                    award,
                    year: award_year,
                    decision,
                    issuer: a.issuer.clone().map(LocalisedText::normalised),
                    date,
                    campaign,
                    reason: a.reason.clone().map(LocalisedText::normalised),
                    period,
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
            aliases: self.aliases(&f.aliases, |span| page.place(span), &page.info.rel),
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

    /// Every award list checked, those without problems made (in the
    /// order of `sources`). A province's lists hold 200,000 recipients:
    /// they are checked on every core, each with its own problems, then
    /// put together.
    pub(super) fn award_lists(
        &mut self,
        sources: &[AwardListSource],
        campaign_index: &HashMap<String, CampaignId>,
        profile_index: &HashMap<String, ProfileId>,
        profiles: &[Profile],
    ) -> Vec<AwardList> {
        self.each_checked(sources, |cx, src| {
            cx.award_list(src, campaign_index, profile_index, profiles)
        })
        .into_iter()
        .flatten()
        .collect()
    }

    /// Every profile's structure ([`Checker::profile_structure`]), in the
    /// order of `pages`: on every core, 30 ms of each of the preview's
    /// rebuilds on one.
    pub(super) fn profile_structures(
        &mut self,
        config: &Config,
        pages: &[(String, Page<ProfileFront>)],
        campaign_index: &HashMap<String, CampaignId>,
    ) -> Vec<Profile> {
        self.each_checked(pages, |cx, (slug, page)| {
            cx.profile_structure(config, slug, page, campaign_index)
        })
    }

    /// `check` applied to each of `items` on every core, each with a
    /// checker of its own, then their problems gathered (they are sorted
    /// before they are shown); the results in the order of `items`.
    fn each_checked<T: Sync, R: Send>(
        &mut self,
        items: &[T],
        check: impl Fn(&mut Checker, &T) -> R + Sync,
    ) -> Vec<R> {
        let (skip, catalogue) = (&*self.skip, self.catalogue);
        let checked: Vec<(R, Diagnostics)> = items
            .par_iter()
            .map(|item| {
                let mut problems = Diagnostics::new();
                let mut cx = Checker {
                    problems: &mut problems,
                    skip: Cow::Borrowed(skip),
                    catalogue,
                    drafts: Vec::new(),
                };
                let made = check(&mut cx, item);
                (made, problems)
            })
            .collect();
        let mut out = Vec::with_capacity(checked.len());
        for (made, problems) in checked {
            self.problems.extend(problems);
            out.push(made);
        }
        out
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
        let decision = self.decision(f.decision.as_ref(), |span| {
            src.at(span, AwardProblem::BlankDecision)
        });
        let date = f
            .date
            .as_ref()
            .and_then(|d| self.date(|p| src.at(d.span(), p), d.get_ref(), "date"));
        // Without a year the list cannot be placed, but the rest of it is
        // still checked, so every mistake in it shows in one run.
        let year = match (&f.year, date, &f.date) {
            (Some(y), _, _) => Some(self.year(|p| src.at(y.span(), p), *y.get_ref(), "year")),
            (None, Some(d), Some(written)) => {
                Some(self.year(|p| src.at(written.span(), p), d.year as i64, "date"))
            }
            // A date that is not a date is reported already.
            (None, None, Some(_)) => None,
            (None, _, None) => {
                self.problems
                    .push(Diagnostic::at(&src.info.rel, 1, None, AwardProblem::NoYear));
                None
            }
        };
        let period = f
            .period
            .as_ref()
            .and_then(|p| self.period(p, &|span, problem| src.at(span, problem)));
        let campaign = f
            .campaign
            .as_ref()
            .and_then(|c| self.campaign_ref(c.get_ref(), |m| src.at(c.span(), m), campaign_index));
        // The list's own award; `Err` when it is named but matches nothing
        // (reported once, not again for each recipient that takes it).
        let list_award: Result<Option<AwardTypeId>, ()> = match &f.award {
            Some(a) => self
                .find_award(a.get_ref(), |m| src.at(a.span(), m))
                .map(Some)
                .ok_or(()),
            None => Ok(None),
        };
        // An entry's award: its own, else the list's.
        let award_of = |cx: &mut Self,
                        own: Option<&Spanned<String>>,
                        at: &dyn Fn(Range<usize>, Problem) -> Diagnostic,
                        whole: Range<usize>|
         -> Option<AwardTypeId> {
            match (own, list_award) {
                (Some(a), _) => cx.find_award(a.get_ref(), |m| at(a.span(), m.into())),
                (None, Ok(Some(a))) => Some(a),
                (None, Err(())) => None,
                (None, Ok(None)) => {
                    cx.problems.push(at(whole, AwardProblem::NoAward.into()));
                    None
                }
            }
        };
        let at = |span: Range<usize>, p: Problem| src.at(span, p);
        let mut recipients = Vec::new();
        for r in &f.recipients {
            let e = r.get_ref();
            // An award or kind in doubt is reported; the profile is still
            // looked up, so its own mistakes show in the same run.
            let award = award_of(self, e.award.as_ref(), &at, r.span());
            let kind = match award {
                Some(award) => self.recipient_kind(award, e.kind, &|p| src.at(r.span(), p)),
                None => e.kind,
            };
            let withheld = e.withheld.as_ref().is_some_and(|w| *w.get_ref());
            if withheld {
                // Never linked: a profile page would name the person.
                if let Some(p) = &e.profile {
                    self.problems.push(src.at(
                        p.span(),
                        AwardProblem::WithheldProfile {
                            profile: p.get_ref().clone(),
                        },
                    ));
                }
                if let (Some(award), Some(kind)) = (award, kind) {
                    recipients.push(Recipient::withheld(kind, award));
                }
                continue;
            }
            let span = e.profile.as_ref().map_or(r.span(), |p| p.span());
            let profile = kind.and_then(|kind| {
                self.link_profile(
                    e.profile.as_ref().map(|p| p.get_ref().as_str()),
                    kind,
                    &|m| src.at(span.clone(), m),
                    profile_index,
                    profiles,
                )
            });
            let (Some(award), Some(kind)) = (award, kind) else {
                continue;
            };
            recipients.push(Recipient {
                name: nfc(&e.name).into_owned(),
                kind,
                award,
                unit: e.unit.clone().map(LocalisedText::normalised),
                position: e.position.clone().map(LocalisedText::normalised),
                profile,
                note: e.note.clone().map(LocalisedText::normalised),
                ethnicity: e.ethnicity.clone().map(LocalisedText::normalised),
                withheld: false,
            });
        }
        if let Some(sheet) = &src.sheet {
            for row in &sheet.rows {
                let award = match (&row.award, list_award) {
                    (Some((written, place)), _) => {
                        self.find_award(written, |m| place.diagnostic(m))
                    }
                    (None, Ok(Some(a))) => Some(a),
                    (None, Err(())) => None,
                    (None, Ok(None)) => {
                        self.problems
                            .push(row.place.diagnostic(AwardProblem::NoAward));
                        None
                    }
                };
                let kind = match award {
                    // No kind where the award takes both: said in the
                    // sheet's words (its kind cell, or its header).
                    Some(a)
                        if row.kind.is_none()
                            && self.catalogue.by_index(a).recipient == Eligible::Both =>
                    {
                        self.problems.push(sheet.no_kind(row));
                        None
                    }
                    Some(a) => self.recipient_kind(a, row.kind, &|p| row.kind_place.diagnostic(p)),
                    None => row.kind,
                };
                if row.withheld {
                    // Kind and award only: nothing else of the row is kept.
                    if let Some((key, place)) = &row.profile {
                        self.problems
                            .push(place.diagnostic(AwardProblem::WithheldProfile {
                                profile: key.clone(),
                            }));
                    }
                    if let (Some(award), Some(kind)) = (award, kind) {
                        recipients.push(Recipient::withheld(kind, award));
                    }
                    continue;
                }
                let (key, place) = match &row.profile {
                    Some((key, place)) => (Some(key.as_str()), place),
                    None => (None, &row.place),
                };
                let profile = kind.and_then(|kind| {
                    self.link_profile(key, kind, &|m| place.diagnostic(m), profile_index, profiles)
                });
                let (Some(award), Some(kind)) = (award, kind) else {
                    continue;
                };
                recipients.push(Recipient {
                    name: row.name.clone(),
                    kind,
                    award,
                    unit: row.unit.clone().map(LocalisedText::Same),
                    position: row.position.clone().map(LocalisedText::Same),
                    profile,
                    note: row.note.clone().map(LocalisedText::Same),
                    ethnicity: row.ethnicity.clone().map(LocalisedText::Same),
                    withheld: false,
                });
            }
        }
        let mut counts = Vec::new();
        for c in &f.counts {
            let entry = c.get_ref();
            let award = award_of(self, entry.award.as_ref(), &at, c.span());
            let mut number = |field: &'static str, n: Option<&Spanned<i64>>| -> usize {
                let Some(n) = n else { return 0 };
                if *n.get_ref() < 0 {
                    self.problems.push(src.at(
                        n.span(),
                        AwardProblem::NegativeCount {
                            field,
                            value: *n.get_ref(),
                        },
                    ));
                    return 0;
                }
                if *n.get_ref() > MAX_COUNT {
                    self.problems.push(src.at(
                        n.span(),
                        AwardProblem::CountTooLarge {
                            field,
                            value: *n.get_ref(),
                            max: MAX_COUNT,
                        },
                    ));
                    return 0;
                }
                usize::try_from(*n.get_ref()).unwrap_or(0)
            };
            let individuals = number("individuals", entry.individuals.as_ref());
            let collectives = number("collectives", entry.collectives.as_ref());
            // A number reported already (below 0 or too large) is not "no one".
            let reported = [&entry.individuals, &entry.collectives].iter().any(|n| {
                n.as_ref()
                    .is_some_and(|n| !(0..=MAX_COUNT).contains(n.get_ref()))
            });
            if individuals == 0 && collectives == 0 && !reported {
                self.problems
                    .push(src.at(c.span(), AwardProblem::CountOfNothing));
                continue;
            }
            let Some(award) = award else { continue };
            let t = self.catalogue.by_index(award);
            for (n, kind, field) in [
                (individuals, Kind::Individual, &entry.individuals),
                (collectives, Kind::Collective, &entry.collectives),
            ] {
                if n > 0 && !t.recipient.allows(kind) {
                    let span = field.as_ref().map_or(c.span(), |f| f.span());
                    let award = self.catalogue.message_name(award);
                    self.problems
                        .push(src.at(span, AwardProblem::CountNotFor { award, kind }));
                }
            }
            counts.push(Count {
                award,
                individuals,
                collectives,
                note: entry.note.clone().map(LocalisedText::normalised),
            });
        }
        let nobody = f.recipients.is_empty()
            && f.counts.is_empty()
            && src.sheet.as_ref().is_none_or(|sheet| sheet.rows.is_empty());
        if nobody {
            self.problems.push(Diagnostic::at(
                &src.info.rel,
                1,
                None,
                AwardProblem::NobodyHonoured,
            ));
        }
        let mut awards: Vec<AwardTypeId> = recipients
            .iter()
            .map(|r| r.award)
            .chain(counts.iter().map(|c| c.award))
            .collect();
        awards.sort_by(|a, b| {
            let rank = |x: &AwardTypeId| self.catalogue.by_index(*x).rank;
            rank(b).cmp(&rank(a)).then_with(|| a.cmp(b))
        });
        awards.dedup();
        let aliases = self.aliases(&f.aliases, |span| src.place(span), &src.info.rel);
        let year = year?;
        Some(AwardList {
            slug,
            decision,
            date,
            issuer: f.issuer.clone().map(LocalisedText::normalised),
            awards,
            year,
            period,
            campaign,
            reason: f.reason.clone().map(LocalisedText::normalised),
            recipients,
            counts,
            aliases,
            attachment: src.attachment.clone(),
            source: src.info.rel.clone(),
        })
    }

    /// A recipient's kind: as written, else the only kind its award is
    /// for. Reports a kind the award cannot take, or a missing one.
    fn recipient_kind(
        &mut self,
        award: AwardTypeId,
        written: Option<Kind>,
        at: &dyn Fn(Problem) -> Diagnostic,
    ) -> Option<Kind> {
        let t = self.catalogue.by_index(award);
        match (written, t.recipient) {
            (Some(kind), _) => {
                self.eligible(award, kind, &|p| at(p.into()));
                Some(kind)
            }
            (None, Eligible::Individual) => Some(Kind::Individual),
            (None, Eligible::Collective) => Some(Kind::Collective),
            (None, Eligible::Both) => {
                let award = self.catalogue.message_name(award);
                self.problems
                    .push(at(AwardProblem::NoKind { award }.into()));
                None
            }
        }
    }

    /// The profile a recipient names, reported when missing or of the
    /// other kind.
    fn link_profile(
        &mut self,
        key: Option<&str>,
        kind: Kind,
        at: &dyn Fn(ReferenceProblem) -> Diagnostic,
        profile_index: &HashMap<String, ProfileId>,
        profiles: &[Profile],
    ) -> Option<ProfileId> {
        let key = key?;
        if let Some(&i) = profile_index.get(key) {
            if profiles[i].kind != kind {
                self.problems
                    .push(at(ReferenceProblem::RecipientKindMismatch {
                        key: key.to_owned(),
                        recipient: kind,
                        profile: profiles[i].kind,
                    }));
            }
            return Some(i);
        }
        if !self.skip.contains(&(Section::Profiles, key.to_owned())) {
            let suggestion =
                closest(key, profile_index.keys().map(String::as_str)).map(str::to_owned);
            self.problems.push(at(ReferenceProblem::UnknownProfile {
                key: key.to_owned(),
                suggestion,
            }));
        }
        None
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
