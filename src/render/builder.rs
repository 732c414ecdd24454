//! Builds the value of each kind of HTML page ([`super::page`]), noting in
//! an [`Inputs`] the entities it shows as it picks their cards.

use super::inputs::{Entity, Inputs};
use super::page::*;
use super::qr;
use super::share::{self, Share};
use super::values::{Shared, Values};
use super::{HOME_AWARD_LISTS, HOME_NEWEST, PageKind, Renderer, page_count, page_slice};
use crate::config::Language;
use crate::model::{AwardListId, CampaignId, Kind, ProfileId, TextSource};

/// Page-level facts of a page that shows one text.
struct TextFacts<'a> {
    translated: bool,
    text_lang: &'a str,
    draft: bool,
}

impl<'a> TextFacts<'a> {
    fn of(source: &'a TextSource, draft: bool) -> Self {
        TextFacts {
            translated: source.translated,
            text_lang: &source.lang,
            draft,
        }
    }
}

impl<'r> Renderer<'r> {
    /// The value of an HTML page, noting in `rec` the entities it shows.
    pub(super) fn html(&self, lang_index: usize, kind: PageKind, rec: &mut Inputs) -> Html<'_> {
        let site = self.site;
        let values = &self.prepared.languages[lang_index].values;
        let lang = &site.config.languages[lang_index];
        let v = Values {
            site,
            lang,
            lang_index,
            urls: self.urls,
            strings: &self.theme.strings[lang_index],
        };
        let per = site.config.paginate_by;
        let mut facts = TextFacts {
            translated: true,
            text_lang: &lang.code,
            draft: false,
        };
        let mut pagination = None;
        let (template, data) = match kind {
            PageKind::Home => {
                let newest: Vec<ProfileId> = self
                    .prepared
                    .newest
                    .iter()
                    .copied()
                    .take(HOME_NEWEST)
                    .collect();
                let lists: Vec<AwardListId> =
                    AwardListId::all(site.award_lists.len().min(HOME_AWARD_LISTS)).collect();
                let home = Home {
                    newest_profiles: cards(rec, &values.profiles, &newest, Entity::Profile),
                    years: self.year_entries(&v),
                    campaigns: all_cards(rec, &values.campaigns, |i| {
                        Entity::Campaign(CampaignId::new(i))
                    }),
                    award_lists: cards(rec, &values.award_lists, &lists, Entity::AwardList),
                    counts: self.counts(),
                };
                ("index.html", KindData::Home(home))
            }
            PageKind::ProfileList { page } => {
                let all: Vec<ProfileId> = ProfileId::all(site.profiles.len()).collect();
                let all = site.in_language_order(lang_index, &all);
                let on_page = page_slice(&all, page, per);
                pagination = self.pagination(page, page_count(all.len(), per), |n| {
                    self.urls.profiles(lang, n)
                });
                let profiles = cards(rec, &values.profiles, on_page, Entity::Profile);
                (
                    "profiles.html",
                    KindData::ProfileList(Profiles { profiles }),
                )
            }
            PageKind::Profile(i) => {
                let p = &site.profiles[i];
                let text = &p.texts[lang_index];
                facts = TextFacts::of(&text.source, p.draft || text.draft);
                rec.own(Entity::Profile(i));
                for &c in &p.campaigns {
                    rec.show(Entity::Campaign(c));
                }
                for a in &p.awards {
                    a.campaign.inspect(|&c| rec.show(Entity::Campaign(c)));
                    a.list.inspect(|&l| rec.show(Entity::AwardList(l)));
                }
                let page = ProfilePage {
                    profile: &values.profiles[i.index()],
                    body: Body(&text.body_html),
                    awards: v.held_awards(&p.awards),
                    award_groups: v.award_groups(&p.awards),
                    campaigns: v.campaign_links(&p.campaigns),
                };
                ("profile.html", KindData::Profile(page))
            }
            PageKind::Years => {
                let years = self.year_entries(&v);
                ("years.html", KindData::Years(Years { years }))
            }
            PageKind::Year { index, page } => {
                let y = &site.years[index];
                pagination = self.pagination(page, page_count(y.profiles.len(), per), |n| {
                    self.urls.year(lang, y.year, n)
                });
                let ordered = site.in_language_order(lang_index, &y.profiles);
                let page = YearPage {
                    year: year_value(&v, y),
                    profiles: cards(
                        rec,
                        &values.profiles,
                        page_slice(&ordered, page, per),
                        Entity::Profile,
                    ),
                    award_lists: cards(rec, &values.award_lists, &y.award_lists, Entity::AwardList),
                };
                ("year.html", KindData::Year(page))
            }
            PageKind::Campaigns => {
                let campaigns = all_cards(rec, &values.campaigns, |i| {
                    Entity::Campaign(CampaignId::new(i))
                });
                // The model sorts campaigns by level already.
                let mut campaign_groups: Vec<CampaignGroup> = Vec::new();
                for (c, card) in site.campaigns.iter().zip(&campaigns) {
                    let level = c.level.map_or("", |l| l.key());
                    match campaign_groups.last_mut() {
                        Some(g) if g.level == level => g.campaigns.push(card),
                        _ => campaign_groups.push(CampaignGroup {
                            level,
                            campaigns: vec![card],
                        }),
                    }
                }
                (
                    "campaigns.html",
                    KindData::Campaigns(Campaigns {
                        campaigns,
                        campaign_groups,
                    }),
                )
            }
            PageKind::Campaign { index, page } => {
                let c = &site.campaigns[index];
                let text = &c.texts[lang_index];
                facts = TextFacts::of(&text.source, c.draft || text.draft);
                rec.own(Entity::Campaign(index));
                pagination = self.pagination(page, page_count(c.profiles.len(), per), |n| {
                    self.urls.campaign(lang, &c.slug, n)
                });
                let ordered = site.in_language_order(lang_index, &c.profiles);
                let page = CampaignPage {
                    campaign: &values.campaigns[index.index()],
                    body: Body(&text.body_html),
                    profiles: cards(
                        rec,
                        &values.profiles,
                        page_slice(&ordered, page, per),
                        Entity::Profile,
                    ),
                    award_lists: cards(rec, &values.award_lists, &c.award_lists, Entity::AwardList),
                };
                ("campaign.html", KindData::Campaign(page))
            }
            PageKind::AwardLists => {
                let award_lists = all_cards(rec, &values.award_lists, |i| {
                    Entity::AwardList(AwardListId::new(i))
                });
                (
                    "award_lists.html",
                    KindData::AwardLists(AwardLists { award_lists }),
                )
            }
            PageKind::AwardList(i) => {
                let list = &site.award_lists[i];
                rec.own(Entity::AwardList(i));
                for p in list.recipients.iter().filter_map(|r| r.profile) {
                    rec.show(Entity::Profile(p));
                }
                let page = AwardListPage {
                    award_list: &values.award_lists[i.index()],
                    recipients: v.recipients(list),
                    counts: v.counts(list),
                    withheld: v.withheld(list),
                };
                ("award_list.html", KindData::AwardList(page))
            }
            PageKind::Search => {
                let default = site.config.default_language();
                let index_of =
                    |l: &Language| self.urls.href(&format!("{}index/", self.urls.search(l)));
                let page = SearchPage {
                    years: self.year_entries(&v),
                    campaigns: all_cards(rec, &values.campaigns, |i| {
                        Entity::Campaign(CampaignId::new(i))
                    }),
                    index: index_of(default),
                    labels: index_of(lang),
                };
                ("search.html", KindData::Search(page))
            }
            PageKind::NotFound => ("404.html", KindData::NotFound(NotFound {})),
        };
        let path = self.site_path(lang, kind);
        let canonical = self.urls.absolute(&path);
        let page_number = pagination.as_ref().map_or(1, |p| p.current);
        Html {
            template,
            lang: lang_index,
            page: PageInfo {
                href: self.urls.href(&path),
                share: Share::of(&v, kind, page_number),
                json_ld: share::json_ld(&v, kind, &canonical),
                qr: match kind {
                    PageKind::Profile(_) | PageKind::AwardList(_) => qr::qr(&canonical),
                    _ => None,
                },
                canonical,
                alternates: self.alternates(kind),
                kind: kind_name(kind),
                translated: facts.translated,
                text_lang: facts.text_lang,
                draft: facts.draft,
            },
            pagination,
            kind: data,
        }
    }

    fn alternates(&self, kind: PageKind) -> Vec<Alternate<'_>> {
        let languages = &self.site.config.languages;
        languages
            .iter()
            .map(|l: &Language| {
                let path = self.site_path(l, kind);
                Alternate {
                    lang: &l.code,
                    title: &l.title,
                    href: self.urls.href(&path),
                    absolute: self.urls.absolute(&path),
                }
            })
            .collect()
    }

    fn counts(&self) -> Counts {
        let site = self.site;
        let individuals = site
            .profiles
            .iter()
            .filter(|p| p.kind == Kind::Individual)
            .count();
        Counts {
            profiles: site.profiles.len(),
            individuals,
            collectives: site.profiles.len() - individuals,
            campaigns: site.campaigns.len(),
            award_lists: site.award_lists.len(),
            years: site.years.len(),
            awards: site
                .years
                .iter()
                .flat_map(|y| &y.summary)
                .map(|r| r.individuals + r.collectives)
                .sum(),
        }
    }

    fn year_entries(&self, v: &Values) -> Vec<YearEntry> {
        self.site
            .years
            .iter()
            .map(|y| YearEntry {
                year: y.year,
                href: v.year_href(y.year),
                profile_count: y.profiles.len(),
                award_list_count: y.award_lists.len(),
                award_count: y
                    .summary
                    .iter()
                    .map(|r| r.individuals + r.collectives)
                    .sum(),
            })
            .collect()
    }

    fn pagination(
        &self,
        current: usize,
        total: usize,
        path_of: impl Fn(usize) -> String,
    ) -> Option<Pagination> {
        if total <= 1 {
            return None;
        }
        let href = |n: usize| self.urls.href(&path_of(n));
        Some(Pagination {
            current,
            total,
            prev: (current > 1).then(|| href(current - 1)),
            next: (current < total).then(|| href(current + 1)),
            pages: (1..=total)
                .map(|n| PageLink {
                    number: n,
                    href: href(n),
                    current: n == current,
                })
                .collect(),
        })
    }
}

fn year_value<'a>(v: &Values<'a>, y: &crate::model::Year) -> YearValue<'a> {
    let summary: Vec<SummaryRow> = y
        .summary
        .iter()
        .map(|r| SummaryRow {
            award: v.award_type(r.award),
            individuals: r.individuals,
            collectives: r.collectives,
            total: r.individuals + r.collectives,
        })
        .collect();
    let individuals = y.summary.iter().map(|r| r.individuals).sum();
    let collectives = y.summary.iter().map(|r| r.collectives).sum();
    YearValue {
        year: y.year,
        href: v.year_href(y.year),
        summary,
        total_individuals: individuals,
        total_collectives: collectives,
        total: individuals + collectives,
        profile_count: y.profiles.len(),
        csv_href: v.urls.href(&v.urls.data_year(v.lang, y.year)),
    }
}

/// The cards at `picks`, noted as shown.
fn cards<'a, I: Copy + Into<usize>>(
    rec: &mut Inputs,
    all: &'a [Shared],
    picks: &[I],
    entity: fn(I) -> Entity,
) -> Cards<'a> {
    picks
        .iter()
        .map(|&i| {
            rec.show(entity(i));
            &all[i.into()]
        })
        .collect()
}

fn all_cards<'a>(
    rec: &mut Inputs,
    all: &'a [Shared],
    entity: impl Fn(usize) -> Entity,
) -> Cards<'a> {
    rec.shows.extend((0..all.len()).map(entity));
    all.iter().collect()
}

pub(super) fn kind_name(kind: PageKind) -> &'static str {
    match kind {
        PageKind::Home => "home",
        PageKind::ProfileList { .. } => "profile_list",
        PageKind::Profile(_) => "profile",
        PageKind::Years => "years",
        PageKind::Year { .. } => "year",
        PageKind::Campaigns => "campaigns",
        PageKind::Campaign { .. } => "campaign",
        PageKind::AwardLists => "award_lists",
        PageKind::AwardList(_) => "award_list",
        PageKind::Search => "search",
        PageKind::NotFound => "404",
    }
}
