//! Joins award lists to profiles and builds the campaign and year indexes,
//! each in one pass over the site (nothing quadratic in its size).

use std::collections::{BTreeMap, HashMap};

use super::{AwardListId, HeldAward, Kind, ProfileId, Site, SummaryRow, Year};
use crate::catalogue::AwardTypeId;

/// Fills in what depends on more than one file: awards from lists on
/// profiles (one award per type and year), campaign members, years.
pub fn join(site: &mut Site) {
    attach_list_awards(site);
    for profile in &mut site.profiles {
        let catalogue = &site.catalogue;
        profile.awards.sort_by(|a, b| {
            catalogue
                .by_index(b.award)
                .rank
                .cmp(&catalogue.by_index(a.award).rank)
                .then_with(|| b.year.cmp(&a.year))
                .then_with(|| a.award.cmp(&b.award))
        });
    }
    for (i, profile) in ProfileId::all(site.profiles.len()).zip(&site.profiles) {
        for &c in &profile.campaigns {
            site.campaigns[c].profiles.push(i);
        }
    }
    for (i, list) in AwardListId::all(site.award_lists.len()).zip(&site.award_lists) {
        if let Some(c) = list.campaign {
            site.campaigns[c].award_lists.push(i);
        }
    }
    site.years = years(site);
}

/// A list's recipient with a profile adds the award to that profile; the
/// same award type and year already there (inline) is the same award, and
/// takes the list's decision details.
fn attach_list_awards(site: &mut Site) {
    for (li, list) in AwardListId::all(site.award_lists.len()).zip(&site.award_lists) {
        for r in &list.recipients {
            let Some(p) = r.profile else { continue };
            let profile = &mut site.profiles[p];
            let from_list = HeldAward {
                award: list.award,
                year: list.year,
                decision: Some(list.decision.clone()),
                issuer: Some(list.issuer.clone()),
                date: Some(list.date),
                campaign: list.campaign,
                list: Some(li),
            };
            match profile
                .awards
                .iter_mut()
                .find(|a| a.award == list.award && a.year == list.year)
            {
                Some(existing) if existing.list.is_none() => {
                    let campaign = from_list.campaign.or(existing.campaign);
                    *existing = HeldAward {
                        campaign,
                        ..from_list
                    };
                }
                Some(_) => {} // already recorded by an earlier (newer) list
                None => profile.awards.push(from_list),
            }
        }
    }
}

fn years(site: &Site) -> Vec<Year> {
    #[derive(Default)]
    struct Acc {
        profiles: Vec<ProfileId>,
        lists: Vec<AwardListId>,
        counts: HashMap<AwardTypeId, (usize, usize)>,
    }
    let mut acc: BTreeMap<i32, Acc> = BTreeMap::new();
    let count = |acc: &mut BTreeMap<i32, Acc>, year: i32, award: AwardTypeId, kind: Kind| {
        let a = acc.entry(year).or_default();
        let c = a.counts.entry(award).or_default();
        match kind {
            Kind::Individual => c.0 += 1,
            Kind::Collective => c.1 += 1,
        }
    };
    for (i, p) in ProfileId::all(site.profiles.len()).zip(&site.profiles) {
        acc.entry(p.year).or_default().profiles.push(i);
        for a in &p.awards {
            count(&mut acc, a.year, a.award, p.kind);
        }
    }
    for (i, list) in AwardListId::all(site.award_lists.len()).zip(&site.award_lists) {
        acc.entry(list.year).or_default().lists.push(i);
        for r in list.recipients.iter().filter(|r| r.profile.is_none()) {
            count(&mut acc, list.year, list.award, r.kind);
        }
    }
    acc.into_iter()
        .rev()
        .map(|(year, a)| {
            let mut summary: Vec<SummaryRow> = a
                .counts
                .into_iter()
                .map(|(award, (individuals, collectives))| SummaryRow {
                    award,
                    individuals,
                    collectives,
                })
                .collect();
            summary.sort_by(|x, y| {
                site.catalogue
                    .by_index(y.award)
                    .rank
                    .cmp(&site.catalogue.by_index(x.award).rank)
                    .then_with(|| x.award.cmp(&y.award))
            });
            Year {
                year,
                profiles: a.profiles,
                award_lists: a.lists,
                summary,
            }
        })
        .collect()
}
