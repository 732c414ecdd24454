//! Joins award lists to profiles and builds the campaign and year indexes,
//! each in one pass over the site (nothing quadratic in its size).

use std::collections::{BTreeMap, HashMap};

use super::{
    Alias, AwardList, AwardListId, CampaignId, HeldAward, Kind, ProfileId, Redirect,
    RedirectTarget, Site, SummaryRow, Year,
};
use crate::catalogue::AwardTypeId;

/// Fills in what depends on more than one file: awards from lists on
/// profiles (one award per type and year), campaign members, years.
pub fn join(site: &mut Site) {
    attach_list_awards(site);
    for profile in &mut site.profiles {
        sort_awards(&site.catalogue, &mut profile.awards);
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
    site.redirects = redirects(site);
}

/// Every alias of every page, in page order.
fn redirects(site: &Site) -> Vec<Redirect> {
    let lang_of = |path: &str| {
        site.config
            .languages
            .iter()
            .position(|l| !l.prefix.is_empty() && path.starts_with(&format!("{}/", l.prefix)))
            .unwrap_or(0)
    };
    let mut out = Vec::new();
    let mut add = |aliases: &[Alias], target: RedirectTarget| {
        for alias in aliases {
            out.push(Redirect {
                alias: alias.clone(),
                target,
                lang: lang_of(&alias.path),
            });
        }
    };
    for (i, p) in ProfileId::all(site.profiles.len()).zip(&site.profiles) {
        add(&p.aliases, RedirectTarget::Profile(i));
    }
    for (i, c) in CampaignId::all(site.campaigns.len()).zip(&site.campaigns) {
        add(&c.aliases, RedirectTarget::Campaign(i));
    }
    for (i, l) in AwardListId::all(site.award_lists.len()).zip(&site.award_lists) {
        add(&l.aliases, RedirectTarget::AwardList(i));
    }
    out
}

/// A list's recipient with a profile adds the award to that profile. An
/// inline award of the same type and year that names no decision, or the
/// same decision, is the same award: it takes the list's details, and
/// merges with one list only (the earliest-dated). Anything else is
/// another award: a unit can receive two provincial Bằng khen in a year.
fn attach_list_awards(site: &mut Site) {
    // Lists are newest first; the earliest-dated list merges first.
    let order: Vec<AwardListId> = AwardListId::all(site.award_lists.len()).rev().collect();
    for li in order {
        let list = &site.award_lists[li];
        for r in &list.recipients {
            let Some(p) = r.profile else { continue };
            attach(&mut site.profiles[p].awards, li, list, r.award);
        }
    }
}

/// Most prestigious first, then newest.
pub(super) fn sort_awards(catalogue: &crate::catalogue::Catalogue, awards: &mut [HeldAward]) {
    awards.sort_by(|a, b| {
        catalogue
            .by_index(b.award)
            .rank
            .cmp(&catalogue.by_index(a.award).rank)
            .then_with(|| b.year.cmp(&a.year))
            .then_with(|| a.award.cmp(&b.award))
    });
}

/// What [`attach_list_awards`] adds to one profile, `p`, whose `awards`
/// hold only its own (inline) ones: for the preview, which puts one
/// edited profile into an assembled site.
pub(super) fn attach_list_awards_to(
    lists: &[AwardList],
    p: ProfileId,
    awards: &mut Vec<HeldAward>,
) {
    for (li, list) in AwardListId::all(lists.len()).zip(lists).rev() {
        for r in &list.recipients {
            if r.profile == Some(p) {
                attach(awards, li, list, r.award);
            }
        }
    }
}

/// Adds the award `award` of list `li` to a profile's `awards`.
fn attach(awards: &mut Vec<HeldAward>, li: AwardListId, list: &AwardList, award: AwardTypeId) {
    if awards
        .iter()
        .any(|a| a.list == Some(li) && a.award == award)
    {
        return; // named twice in one list: one award
    }
    let same_decision = |inline: Option<&str>| match (inline, list.decision.as_deref()) {
        (None, _) => true,
        (Some(a), Some(b)) => same_number(a, b),
        (Some(_), None) => false,
    };
    let merged = awards.iter_mut().find(|a| {
        a.list.is_none()
            && a.award == award
            && a.year == list.year
            && same_decision(a.decision.as_deref())
    });
    match merged {
        Some(inline) => {
            *inline = HeldAward {
                award,
                year: list.year,
                decision: list.decision.clone().or(inline.decision.take()),
                issuer: list.issuer.clone().or(inline.issuer.take()),
                date: list.date.or(inline.date),
                campaign: list.campaign.or(inline.campaign),
                reason: list.reason.clone().or(inline.reason.take()),
                period: list.period.or(inline.period),
                list: Some(li),
            };
        }
        None => awards.push(HeldAward {
            award,
            year: list.year,
            decision: list.decision.clone(),
            issuer: list.issuer.clone(),
            date: list.date,
            campaign: list.campaign,
            reason: list.reason.clone(),
            period: list.period,
            list: Some(li),
        }),
    }
}

/// Two decision numbers are one when they differ only in case and spaces
/// (`631/QĐ-UBND` and `631 / qđ-ubnd`).
fn same_number(a: &str, b: &str) -> bool {
    let fold = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    fold(a) == fold(b)
}

fn years(site: &Site) -> Vec<Year> {
    #[derive(Default)]
    struct Acc {
        profiles: Vec<ProfileId>,
        lists: Vec<AwardListId>,
        counts: HashMap<AwardTypeId, (usize, usize)>,
    }
    let mut acc: BTreeMap<i32, Acc> = BTreeMap::new();
    let count = |acc: &mut BTreeMap<i32, Acc>, year: i32, award, kind, n: usize| {
        if n == 0 {
            return;
        }
        let a = acc.entry(year).or_default();
        let c: &mut (usize, usize) = a.counts.entry(award).or_default();
        match kind {
            Kind::Individual => c.0 += n,
            Kind::Collective => c.1 += n,
        }
    };
    for (i, p) in ProfileId::all(site.profiles.len()).zip(&site.profiles) {
        acc.entry(p.year).or_default().profiles.push(i);
        for a in &p.awards {
            count(&mut acc, a.year, a.award, p.kind, 1);
        }
    }
    for (i, list) in AwardListId::all(site.award_lists.len()).zip(&site.award_lists) {
        acc.entry(list.year).or_default().lists.push(i);
        for r in list.recipients.iter().filter(|r| r.profile.is_none()) {
            count(&mut acc, list.year, r.award, r.kind, 1);
        }
        for c in &list.counts {
            count(
                &mut acc,
                list.year,
                c.award,
                Kind::Individual,
                c.individuals,
            );
            count(
                &mut acc,
                list.year,
                c.award,
                Kind::Collective,
                c.collectives,
            );
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

#[cfg(test)]
mod tests {
    use super::same_number;

    #[test]
    fn decision_numbers_compare_without_case_or_spaces() {
        assert!(same_number("631/QĐ-UBND", "631 / qđ-ubnd"));
        assert!(!same_number("631/QĐ-UBND", "632/QĐ-UBND"));
    }
}
