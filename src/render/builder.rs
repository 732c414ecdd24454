//! Builds the value of each kind of HTML page ([`super::page`]), noting in
//! an [`Inputs`] the entities it shows as it picks their cards.

use super::inputs::{Entity, Inputs};
use super::page::*;
use super::qr;
use super::rows;
use super::share::{self, Share};
use super::values::{Card, Values, letter_id};
use super::{
    AWARD_LISTS_PER_PAGE, HOME_AWARD_LISTS, HOME_NEWEST, PageKind, RECIPIENTS_PER_PAGE, Renderer,
    page_count, page_slice,
};
use crate::config::Language;
use crate::i18n::collate::ALPHABET;
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
    /// Builds values in one language.
    pub(super) fn values(&self, lang_index: usize) -> Values<'_> {
        Values {
            site: self.site,
            lang: &self.site.config.languages[lang_index],
            lang_index,
            urls: self.urls,
            strings: &self.theme.strings[lang_index],
        }
    }

    /// The value of an HTML page, noting in `rec` the entities it shows.
    pub(super) fn html(&self, lang_index: usize, kind: PageKind, rec: &mut Inputs) -> Html<'_> {
        let site = self.site;
        let deck = Deck {
            renderer: self,
            lang_index,
        };
        let links = &self.prepared.languages[lang_index].links;
        let honours = &self.prepared.honours;
        let lang = &site.config.languages[lang_index];
        let v = self.values(lang_index);
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
                    newest_profiles: deck.cards(rec, &newest, Entity::Profile),
                    years: self.year_entries(&v),
                    campaigns: deck.all(rec, site.campaigns.len(), |i| {
                        Entity::Campaign(CampaignId::new(i))
                    }),
                    award_lists: deck.cards(rec, &lists, Entity::AwardList),
                    award_types: honours
                        .award_types
                        .iter()
                        .map(|t| self.award_type_entry(&v, t))
                        .collect(),
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
                let profiles = deck.cards(rec, on_page, Entity::Profile);
                let at = |position: usize, anchor: &str| {
                    let page = position.checked_div(per).map_or(1, |n| n + 1);
                    format!(
                        "{}#{anchor}",
                        self.urls.href(&self.urls.profiles(lang, page))
                    )
                };
                let letters = ALPHABET
                    .iter()
                    .map(|&letter| LetterLink {
                        letter,
                        href: links
                            .letters
                            .iter()
                            .find(|(l, _)| *l == letter)
                            .and_then(|&(_, position)| Some(at(position, letter_id(letter)?))),
                    })
                    .collect();
                let collectives = site.profiles.len() - links.first_collective.unwrap_or(all.len());
                (
                    "profiles.html",
                    KindData::ProfileList(Profiles {
                        profiles,
                        total: all.len(),
                        individuals: all.len() - collectives,
                        collectives,
                        collectives_href: links.first_collective.map(|c| at(c, "collectives")),
                        letters,
                    }),
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
                    profile: deck.card(Entity::Profile(i)),
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
                let path_of = |n: usize| self.urls.year(lang, y.year, n);
                pagination = self.pagination(page, self.year_pages(index, y), path_of);
                let ordered = site.in_language_order(lang_index, &y.profiles);
                let listing = &honours.years[index];
                let mut year = year_value(&v, y);
                for (row, model_row) in year.summary.iter_mut().zip(&y.summary) {
                    row.href = listing
                        .groups
                        .iter()
                        .find(|g| {
                            honours.all[listing.honours[g.start] as usize].award == model_row.award
                        })
                        .map(|g| self.group_href(listing, g, &path_of));
                }
                let page = YearPage {
                    year,
                    profiles: deck.cards(rec, page_slice(&ordered, page, per), Entity::Profile),
                    award_lists: deck.cards(rec, &y.award_lists, Entity::AwardList),
                    groups: self.honour_groups(&v, listing, page, true),
                };
                ("year.html", KindData::Year(page))
            }
            PageKind::Campaigns => {
                let campaigns = deck.all(rec, site.campaigns.len(), |i| {
                    Entity::Campaign(CampaignId::new(i))
                });
                // The model sorts campaigns by level already.
                let mut campaign_groups: Vec<CampaignGroup> = Vec::new();
                for (c, card) in site.campaigns.iter().zip(&campaigns) {
                    let level = c.level.map_or("", |l| l.key());
                    match campaign_groups.last_mut() {
                        Some(g) if g.level == level => g.campaigns.push(*card),
                        _ => campaign_groups.push(CampaignGroup {
                            level,
                            campaigns: vec![*card],
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
                    campaign: deck.card(Entity::Campaign(index)),
                    body: Body(&text.body_html),
                    profiles: deck.cards(rec, page_slice(&ordered, page, per), Entity::Profile),
                    award_lists: deck.cards(rec, &c.award_lists, Entity::AwardList),
                };
                ("campaign.html", KindData::Campaign(page))
            }
            PageKind::AwardLists { page } => {
                let all: Vec<AwardListId> = AwardListId::all(site.award_lists.len()).collect();
                pagination =
                    self.pagination(page, page_count(all.len(), AWARD_LISTS_PER_PAGE), |n| {
                        self.urls.award_lists(lang, n)
                    });
                let on_page = page_slice(&all, page, AWARD_LISTS_PER_PAGE);
                let award_lists = deck.cards(rec, on_page, Entity::AwardList);
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
                    award_list: deck.card(Entity::AwardList(i)),
                    recipient_rows: rows::RecipientRows {
                        renderer: self,
                        lang_index,
                        list,
                    },
                    counts: v.counts(list),
                    withheld: v.withheld(list),
                };
                ("award_list.html", KindData::AwardList(page))
            }
            PageKind::AwardTypes => {
                let award_types = honours
                    .award_types
                    .iter()
                    .map(|t| self.award_type_entry(&v, t))
                    .collect();
                (
                    "award_types.html",
                    KindData::AwardTypes(AwardTypes { award_types }),
                )
            }
            PageKind::AwardType { index, page } => {
                let t = &honours.award_types[index];
                let path_of = |n: usize| self.urls.award_type(lang, &t.slug, n);
                pagination = self.pagination(
                    page,
                    page_count(t.listing.honours.len(), RECIPIENTS_PER_PAGE),
                    path_of,
                );
                let page = AwardTypePage {
                    award_type: self.award_type_entry(&v, t),
                    years: self.year_rows(&v, &t.listing, &path_of),
                    groups: self.honour_groups(&v, &t.listing, page, true),
                };
                ("award_type.html", KindData::AwardType(page))
            }
            PageKind::Units => {
                let units = honours.unit_order[lang_index]
                    .iter()
                    .map(|&i| self.unit_entry(&v, links, &honours.unit_pages[i]))
                    .collect();
                ("units.html", KindData::Units(UnitsPage { units }))
            }
            PageKind::Unit { index, page } => {
                let u = &honours.unit_pages[index];
                let slug = &honours.units.units[u.unit].slug;
                let path_of = |n: usize| self.urls.unit(lang, slug, n);
                pagination = self.pagination(page, self.unit_pages(u), path_of);
                let ordered = site.in_language_order(lang_index, &u.profiles);
                let page = UnitPage {
                    unit: self.unit_entry(&v, links, u),
                    profiles: deck.cards(rec, page_slice(&ordered, page, per), Entity::Profile),
                    years: self.year_rows(&v, &u.listing, &path_of),
                    groups: self.honour_groups(&v, &u.listing, page, false),
                };
                ("unit.html", KindData::Unit(page))
            }
            PageKind::Data => {
                let (u, l) = (&self.urls, lang);
                let parts = self.data_parts();
                let whole = parts.is_empty();
                let page = DataPage {
                    csv: whole.then(|| u.href(&u.data_all(l, "csv"))),
                    json: whole.then(|| u.href(&u.data_all(l, "json"))),
                    parts: parts
                        .into_iter()
                        .map(|(first, last)| DataPart {
                            name: if first == last {
                                first.to_string()
                            } else {
                                format!("{first}–{last}")
                            },
                            csv: u.href(&u.data_years(l, first, last, "csv")),
                            json: u.href(&u.data_years(l, first, last, "json")),
                        })
                        .collect(),
                    years: site
                        .years
                        .iter()
                        .filter(|y| !y.summary.is_empty())
                        .map(|y| DataLink {
                            name: y.year.to_string(),
                            href: u.href(&u.data_year(l, y.year)),
                        })
                        .collect(),
                    award_lists: site
                        .award_lists
                        .iter()
                        .map(|list| DataLink {
                            name: v.list_title(list),
                            href: u.href(&u.data_list(l, &list.slug)),
                        })
                        .collect(),
                };
                ("data.html", KindData::Data(page))
            }
            PageKind::Search => {
                let default = site.config.default_language();
                let index_of =
                    |l: &Language| self.urls.href(&format!("{}index/", self.urls.search(l)));
                let page = SearchPage {
                    years: self.year_entries(&v),
                    award_types: honours
                        .award_types
                        .iter()
                        .map(|t| self.award_type_entry(&v, t))
                        .collect(),
                    campaigns: deck.all(rec, site.campaigns.len(), |i| {
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
        let named = match kind {
            PageKind::AwardType { index, .. } => {
                let t = &honours.award_types[index];
                let name = site
                    .catalogue
                    .by_index(t.award)
                    .name
                    .get(&lang.code, &site.config.languages[0].code);
                let (individuals, collectives) = t.listing.totals();
                let about = format!("{name}: {}", v.honoured(individuals, collectives));
                Some((name.to_owned(), about))
            }
            PageKind::Unit { index, .. } => {
                let u = self.unit_entry(&v, links, &honours.unit_pages[index]);
                let about = match u.total {
                    0 => u.name.to_owned(),
                    _ => format!("{}: {}", u.name, v.honoured(u.individuals, u.collectives)),
                };
                Some((u.name.to_owned(), about))
            }
            _ => None,
        };
        Html {
            template,
            lang: lang_index,
            page: PageInfo {
                href: self.urls.href(&path),
                share: Share::of(&v, kind, page_number, named),
                json_ld: share::json_ld(&v, kind, &canonical),
                qr: match kind {
                    PageKind::Profile(_) | PageKind::AwardList(_) => {
                        Some(qr::QrOf(canonical.clone()))
                    }
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
            award_types: self.prepared.honours.award_types.len(),
            units: self.prepared.honours.unit_pages.len(),
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
            pages: page_window(current, total)
                .into_iter()
                .scan(0, |previous, n| {
                    let gap_before = n > *previous + 1 && *previous > 0;
                    *previous = n;
                    Some(PageLink {
                        number: n,
                        href: href(n),
                        current: n == current,
                        gap_before,
                    })
                })
                .collect(),
        })
    }
}

/// Pages a page links to: the first, the last, and those within
/// [`PAGE_WINDOW`] of the current one. Linking every page made a list of
/// 200 pages write 40,000 links, and the pages of a large year grew with
/// the square of its recipients.
fn page_window(current: usize, total: usize) -> Vec<usize> {
    (1..=total)
        .filter(|&n| n == 1 || n == total || n.abs_diff(current) <= PAGE_WINDOW)
        .collect()
}

/// How many pages on each side of the current one its links show.
const PAGE_WINDOW: usize = 2;

fn year_value<'a>(v: &Values<'a>, y: &crate::model::Year) -> YearValue<'a> {
    let summary: Vec<SummaryRow> = y
        .summary
        .iter()
        .map(|r| SummaryRow {
            award: v.award_type(r.award),
            individuals: r.individuals,
            collectives: r.collectives,
            total: r.individuals + r.collectives,
            href: None,
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

/// Where a page's cards come from: the renderer's, in one language.
#[derive(Clone, Copy)]
struct Deck<'a> {
    renderer: &'a Renderer<'a>,
    lang_index: usize,
}

impl<'a> Deck<'a> {
    fn card(self, entity: Entity) -> Card<'a> {
        let values = &self.renderer.prepared.languages[self.lang_index].values;
        let shared = match entity {
            Entity::Profile(i) => &values.profiles[i.index()],
            Entity::Campaign(i) => &values.campaigns[i.index()],
            Entity::AwardList(i) => &values.award_lists[i.index()],
        };
        Card {
            shared,
            renderer: self.renderer,
            lang_index: self.lang_index,
            entity,
        }
    }

    /// The cards at `picks`, noted as shown.
    fn cards<I: Copy>(self, rec: &mut Inputs, picks: &[I], entity: fn(I) -> Entity) -> Cards<'a> {
        picks
            .iter()
            .map(|&i| {
                rec.show(entity(i));
                self.card(entity(i))
            })
            .collect()
    }

    /// The cards of all `count` entities, noted as shown.
    fn all(self, rec: &mut Inputs, count: usize, entity: fn(usize) -> Entity) -> Cards<'a> {
        (0..count)
            .map(|i| {
                rec.show(entity(i));
                self.card(entity(i))
            })
            .collect()
    }
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
        PageKind::AwardLists { .. } => "award_lists",
        PageKind::AwardList(_) => "award_list",
        PageKind::AwardTypes => "award_types",
        PageKind::AwardType { .. } => "award_type",
        PageKind::Units => "units",
        PageKind::Unit { .. } => "unit",
        PageKind::Search => "search",
        PageKind::Data => "data",
        PageKind::NotFound => "404",
    }
}

#[cfg(test)]
mod tests {
    use super::page_window;

    #[test]
    fn a_page_links_the_first_the_last_and_its_neighbours() {
        assert_eq!(page_window(1, 3), [1, 2, 3]);
        assert_eq!(page_window(1, 200), [1, 2, 3, 200]);
        assert_eq!(page_window(100, 200), [1, 98, 99, 100, 101, 102, 200]);
        assert_eq!(page_window(200, 200), [1, 198, 199, 200]);
        assert_eq!(page_window(4, 7), [1, 2, 3, 4, 5, 6, 7]);
    }
}
