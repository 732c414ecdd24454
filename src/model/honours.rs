//! Every honour given on the site, indexed once for the pages that name
//! recipients: a year's recipients by award type, an award type's by year,
//! a unit's by year.
//!
//! An honour is one award received, as the year summary counts it
//! ([`super::join`]): a profile's award (written inline or recorded by a
//! list; the two merged are one), a list's recipient not linked to a
//! profile, or a list's count of people known only by number (a
//! `[[counts]]` entry, or its recipients of one award withheld at their
//! request). Each index
//! is built in one pass and one stable sort over all of them, so a site of
//! 200,000 recipients builds its pages without anything quadratic.

use std::cmp::Reverse;
use std::collections::HashMap;

use super::units::Units;
use super::{AwardListId, Kind, ProfileId, Site};
use crate::catalogue::AwardTypeId;
use crate::i18n::LocalisedText;
use crate::i18n::collate::NameCollator;
use crate::i18n::slug::slugify;

/// Who received an honour, and where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holder {
    /// A profile's award: `profiles[profile].awards[held]`.
    Profile { profile: ProfileId, held: u32 },
    /// A recipient of a list not linked to a profile: `recipients[index]`.
    Recipient { list: AwardListId, index: u32 },
    /// People or collectives a list counts: `counts[index]`.
    Count { list: AwardListId, index: u32 },
    /// A list's recipients of one award withheld at their request
    /// (Decree 13/2023/NĐ-CP): numbers only, in the honour's
    /// `individuals` and `collectives`; nothing else of them is known.
    Withheld { list: AwardListId },
}

/// One award received.
#[derive(Debug, Clone, Copy)]
pub struct Honour {
    pub year: i32,
    pub award: AwardTypeId,
    pub holder: Holder,
    /// Its unit: an index into [`Honours::units`]'s `units.units`. A
    /// profile's award is in the profile's unit (whatever unit a list
    /// writes beside it, so a unit's page shows its profiles' awards), a
    /// recipient's in its own; a count is in none.
    pub unit: Option<usize>,
    /// How many individuals and collectives it honours: one of the two
    /// for a named holder, the numbers of a count.
    pub individuals: usize,
    pub collectives: usize,
}

impl Honour {
    /// Whether it names someone (a count does not, nor do withheld
    /// recipients).
    pub fn named(&self) -> bool {
        matches!(
            self.holder,
            Holder::Profile { .. } | Holder::Recipient { .. }
        )
    }
}

/// A run of a listing's honours that share an award type (on a year's
/// page) or a year (on an award type's or a unit's), with its totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The honours `listing.honours[start..end]`.
    pub start: usize,
    pub end: usize,
    pub individuals: usize,
    pub collectives: usize,
    /// How many of them name someone (the others are counts).
    pub named: usize,
}

/// What the honours of a group share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    /// An award type: a year's honours.
    #[default]
    Award,
    /// A year: an award type's honours.
    Year,
    /// A year and an award type: a unit's honours.
    YearAward,
}

impl Grouping {
    /// Whether two honours belong to one group.
    fn same(self, a: &Honour, b: &Honour) -> bool {
        match self {
            Grouping::Award => a.award == b.award,
            Grouping::Year => a.year == b.year,
            Grouping::YearAward => a.year == b.year && a.award == b.award,
        }
    }
}

/// The honours of one page's subject, in the order shown, cut into groups.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// Indexes into [`Honours::all`].
    pub honours: Vec<u32>,
    pub groups: Vec<Group>,
    pub grouping: Grouping,
}

impl Listing {
    /// Cuts `honours` where the key of `grouping` changes.
    fn new(all: &[Honour], honours: Vec<u32>, grouping: Grouping) -> Self {
        let mut groups: Vec<Group> = Vec::new();
        let mut last: Option<&Honour> = None;
        for (at, &h) in honours.iter().enumerate() {
            let h = &all[h as usize];
            if !last.is_some_and(|l| grouping.same(l, h)) {
                groups.push(Group {
                    start: at,
                    end: at,
                    individuals: 0,
                    collectives: 0,
                    named: 0,
                });
                last = Some(h);
            }
            if let Some(g) = groups.last_mut() {
                g.end = at + 1;
                g.individuals += h.individuals;
                g.collectives += h.collectives;
                g.named += usize::from(h.named());
            }
        }
        Listing {
            honours,
            groups,
            grouping,
        }
    }

    /// Individuals and collectives over every group.
    pub fn totals(&self) -> (usize, usize) {
        self.groups
            .iter()
            .fold((0, 0), |(i, c), g| (i + g.individuals, c + g.collectives))
    }
}

/// An award type given on the site, with its honours newest year first.
#[derive(Debug, Clone)]
pub struct GivenType {
    pub award: AwardTypeId,
    /// Its address: the slug of its key (`-2` … when two keys slug alike).
    pub slug: String,
    pub listing: Listing,
}

/// A unit with its profiles and honours.
#[derive(Debug, Clone)]
pub struct UnitPage {
    /// Index into `units.units`.
    pub unit: usize,
    /// Its profiles, in profile order.
    pub profiles: Vec<ProfileId>,
    /// Its honours, newest year first, by year and award type.
    pub listing: Listing,
    /// Per language (in the order of `Config::languages`): its label there
    /// when a text in that language names it; `None` shows the
    /// default-language label, marked with its language.
    pub labels: Vec<Option<String>>,
}

/// Every honour of the site and its indexes.
#[derive(Debug, Clone, Default)]
pub struct Honours {
    /// Newest year first, then most prestigious award type first, then
    /// profiles (in profile order), recipients (by list, newest first) and
    /// counts.
    pub all: Vec<Honour>,
    /// Per year of [`Site::years`] (the same order): its honours by award type.
    pub years: Vec<Listing>,
    /// Every award type given, most prestigious first.
    pub award_types: Vec<GivenType>,
    /// Per award type of the catalogue (by [`AwardTypeId::index`]): its
    /// place in `award_types`, when given.
    pub type_index: Vec<Option<usize>>,
    /// Which unit each profile and recipient belongs to.
    pub units: Units,
    /// Every unit with a profile or an honour, in Vietnamese collation of
    /// its default-language label.
    pub unit_pages: Vec<UnitPage>,
    /// Per language: `unit_pages` indexes in collation of the label shown
    /// in that language.
    pub unit_order: Vec<Vec<usize>>,
}

impl Honours {
    pub fn of(site: &Site) -> Honours {
        let units = Units::of(site);
        let all = all_honours(site, &units);
        let years = year_listings(site, &all);
        let award_types = given_types(site, &all);
        let mut type_index = vec![None; site.catalogue.len()];
        for (i, t) in award_types.iter().enumerate() {
            type_index[t.award.index()] = Some(i);
        }
        let (unit_pages, unit_order) = unit_pages(site, &units, &all);
        Honours {
            all,
            years,
            award_types,
            type_index,
            units,
            unit_pages,
            unit_order,
        }
    }
}

/// Every honour, in the order of [`Honours::all`].
fn all_honours(site: &Site, units: &Units) -> Vec<Honour> {
    let one = |kind: Kind| match kind {
        Kind::Individual => (1, 0),
        Kind::Collective => (0, 1),
    };
    let mut all = Vec::new();
    for (p, profile) in ProfileId::all(site.profiles.len()).zip(&site.profiles) {
        let (individuals, collectives) = one(profile.kind);
        let unit = units.of_profile[p.index()];
        for (held, a) in profile.awards.iter().enumerate() {
            all.push(Honour {
                year: a.year,
                award: a.award,
                holder: Holder::Profile {
                    profile: p,
                    held: held as u32,
                },
                unit,
                individuals,
                collectives,
            });
        }
    }
    for (l, list) in AwardListId::all(site.award_lists.len()).zip(&site.award_lists) {
        for (r, rec) in list.recipients.iter().enumerate() {
            if rec.profile.is_some() || rec.withheld {
                continue; // the profile's award; counted below
            }
            let (individuals, collectives) = one(rec.kind);
            all.push(Honour {
                year: list.year,
                award: rec.award,
                holder: Holder::Recipient {
                    list: l,
                    index: r as u32,
                },
                unit: units.of_recipient[l.index()][r],
                individuals,
                collectives,
            });
        }
    }
    for (l, list) in AwardListId::all(site.award_lists.len()).zip(&site.award_lists) {
        for (c, count) in list.counts.iter().enumerate() {
            all.push(Honour {
                year: list.year,
                award: count.award,
                holder: Holder::Count {
                    list: l,
                    index: c as u32,
                },
                unit: None,
                individuals: count.individuals,
                collectives: count.collectives,
            });
        }
        for withheld in list.withheld() {
            all.push(Honour {
                year: list.year,
                award: withheld.award,
                holder: Holder::Withheld { list: l },
                unit: None,
                individuals: withheld.individuals,
                collectives: withheld.collectives,
            });
        }
    }
    let rank = |a: AwardTypeId| site.catalogue.by_index(a).rank;
    // Stable: each group keeps profiles, recipients and counts in order.
    all.sort_by_key(|h| (Reverse(h.year), Reverse(rank(h.award)), h.award));
    all
}

fn year_listings(site: &Site, all: &[Honour]) -> Vec<Listing> {
    let mut runs: HashMap<i32, (usize, usize)> = HashMap::new();
    for (i, h) in all.iter().enumerate() {
        runs.entry(h.year).or_insert((i, i)).1 = i + 1;
    }
    site.years
        .iter()
        .map(|y| {
            let (start, end) = runs.get(&y.year).copied().unwrap_or((0, 0));
            let honours = (start as u32..end as u32).collect();
            Listing::new(all, honours, Grouping::Award)
        })
        .collect()
}

fn given_types(site: &Site, all: &[Honour]) -> Vec<GivenType> {
    let rank = |a: AwardTypeId| site.catalogue.by_index(a).rank;
    let mut order: Vec<u32> = (0..all.len() as u32).collect();
    // Stable: within a type, newest year first as in `all`.
    order.sort_by_key(|&h| {
        let a = all[h as usize].award;
        (Reverse(rank(a)), a)
    });
    let mut types: Vec<GivenType> = Vec::new();
    let mut slugs: HashMap<String, usize> = HashMap::new();
    let mut start = 0;
    while start < order.len() {
        let award = all[order[start] as usize].award;
        let end = order[start..]
            .iter()
            .position(|&h| all[h as usize].award != award)
            .map_or(order.len(), |n| start + n);
        let key = &site.catalogue.by_index(award).key;
        let mut slug = slugify(key);
        if slug.is_empty() {
            slug = "award".to_owned();
        }
        let n = slugs.entry(slug.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            slug = format!("{slug}-{n}");
        }
        types.push(GivenType {
            award,
            slug,
            listing: Listing::new(all, order[start..end].to_vec(), Grouping::Year),
        });
        start = end;
    }
    types
}

fn unit_pages(site: &Site, units: &Units, all: &[Honour]) -> (Vec<UnitPage>, Vec<Vec<usize>>) {
    let n = units.units.len();
    let mut profiles: Vec<Vec<ProfileId>> = vec![Vec::new(); n];
    for (p, u) in ProfileId::all(site.profiles.len()).zip(&units.of_profile) {
        if let Some(u) = *u {
            profiles[u].push(p);
        }
    }
    let mut honours: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (i, h) in all.iter().enumerate() {
        if let Some(u) = h.unit {
            honours[u].push(i as u32);
        }
    }
    let labels = translated_labels(site, units);
    let mut pages: Vec<UnitPage> = profiles
        .into_iter()
        .zip(honours)
        .zip(labels)
        .enumerate()
        .filter(|(_, ((p, h), _))| !p.is_empty() || !h.is_empty())
        .map(|(unit, ((profiles, honours), labels))| UnitPage {
            unit,
            profiles,
            listing: Listing::new(all, honours, Grouping::YearAward),
            labels,
        })
        .collect();
    let collator = NameCollator::vietnamese();
    let label = |page: &UnitPage, lang: usize| -> String {
        page.labels
            .get(lang)
            .cloned()
            .flatten()
            .unwrap_or_else(|| units.units[page.unit].label.clone())
    };
    pages.sort_by_cached_key(|p| {
        let label = &units.units[p.unit].label;
        (collator.sort_key(label), label.clone())
    });
    let order = (0..site.config.languages.len())
        .map(|lang| {
            let mut order: Vec<usize> = (0..pages.len()).collect();
            if lang > 0 {
                order.sort_by_cached_key(|&i| {
                    let label = label(&pages[i], lang);
                    (collator.sort_key(&label), label)
                });
            }
            order
        })
        .collect();
    (pages, order)
}

/// Per unit, per language: the unit as a text written in that language
/// names it: the translated `unit` of a profile whose default-language unit
/// is this one, else a recipient's unit table's entry for that language.
fn translated_labels(site: &Site, units: &Units) -> Vec<Vec<Option<String>>> {
    let languages = &site.config.languages;
    let mut labels = vec![vec![None; languages.len()]; units.units.len()];
    for (profile, u) in site.profiles.iter().zip(&units.of_profile) {
        let Some(u) = *u else { continue };
        for (lang, text) in profile.texts.iter().enumerate().skip(1) {
            if text.unit_lang.is_none() && labels[u][lang].is_none() && !text.unit.is_empty() {
                labels[u][lang] = Some(spelled(&text.unit));
            }
        }
    }
    let default = &languages[0].code;
    for (list, of) in site.award_lists.iter().zip(&units.of_recipient) {
        for (r, u) in list.recipients.iter().zip(of) {
            let (Some(u), Some(text)) = (*u, r.unit.as_ref()) else {
                continue;
            };
            if !matches!(text, LocalisedText::PerLanguage(_)) {
                continue;
            }
            for (lang, language) in languages.iter().enumerate().skip(1) {
                if labels[u][lang].is_none() && text.lang_of(&language.code, default).is_none() {
                    labels[u][lang] = Some(spelled(text.get(&language.code, default)));
                }
            }
        }
    }
    labels
}

/// A label as shown: runs of white space as one space.
fn spelled(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn honour(year: i32, award: &str, named: bool) -> Honour {
        let catalogue = crate::catalogue::Catalogue::with_site_entries(&Default::default());
        Honour {
            year,
            award: catalogue.index_of(award).expect("a built-in award"),
            holder: if named {
                Holder::Recipient {
                    list: AwardListId::new(0),
                    index: 0,
                }
            } else {
                Holder::Count {
                    list: AwardListId::new(0),
                    index: 0,
                }
            },
            unit: None,
            individuals: if named { 1 } else { 21 },
            collectives: 0,
        }
    }

    #[test]
    fn a_listing_is_cut_where_its_key_changes_with_each_groups_totals() {
        let all = [
            honour(2023, "giay-khen", true),
            honour(2023, "giay-khen", false),
            honour(2022, "giay-khen", true),
            honour(2022, "lao-dong-tien-tien", true),
        ];
        let listing = Listing::new(&all, vec![0, 1, 2, 3], Grouping::Year);
        assert_eq!(
            listing.groups,
            vec![
                Group {
                    start: 0,
                    end: 2,
                    individuals: 22,
                    collectives: 0,
                    named: 1
                },
                Group {
                    start: 2,
                    end: 4,
                    individuals: 2,
                    collectives: 0,
                    named: 2
                },
            ]
        );
        assert_eq!(listing.totals(), (24, 0));
        assert!(Listing::new(&all, vec![], Grouping::Year).groups.is_empty());
        let by_both = Listing::new(&all, vec![0, 1, 2, 3], Grouping::YearAward);
        assert_eq!(
            by_both.groups.len(),
            3,
            "2023 Giấy khen, 2022 Giấy khen, 2022 LĐTT"
        );
    }
}
