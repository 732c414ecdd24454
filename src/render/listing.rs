//! Lists of honours ([`crate::model::honours`]) as pages show them: a
//! year's by award type, an award type's and a unit's by year, at most
//! [`RECIPIENTS_PER_PAGE`] a page, each group with an anchor that the
//! summary rows link to.

use std::borrow::Cow;

use super::context::Links;
use super::page::{AwardTypeEntry, UnitEntry, YearRow};
use super::values::{HonourGroup, HonourValue, Values};
use super::{RECIPIENTS_PER_PAGE, Renderer};
use crate::model::honours::{GivenType, Group, Holder, Honour, Listing, UnitPage};

/// What a listing's groups share: an award type or a year.
#[derive(Clone, Copy)]
pub(super) enum GroupBy {
    Award,
    Year,
}

/// The page of a listing that shows its honour at `at`.
fn page_of(at: usize) -> usize {
    at / RECIPIENTS_PER_PAGE + 1
}

impl<'r> Renderer<'r> {
    /// A group's anchor: `award-<slug>` or `year-<yyyy>`.
    fn group_id(&self, first: &Honour, by: GroupBy) -> String {
        match by {
            GroupBy::Award => {
                let honours = &self.prepared.honours;
                match honours.type_index[first.award.index()] {
                    Some(t) => format!("award-{}", honours.award_types[t].slug),
                    None => format!("award-{}", first.award.index()),
                }
            }
            GroupBy::Year => format!("year-{}", first.year),
        }
    }

    /// The href of a listing's group: the page it starts on, and its anchor.
    pub(super) fn group_href(
        &self,
        listing: &Listing,
        group: &Group,
        by: GroupBy,
        path_of: &dyn Fn(usize) -> String,
    ) -> String {
        let first = &self.prepared.honours.all[listing.honours[group.start] as usize];
        format!(
            "{}#{}",
            self.urls.href(&path_of(page_of(group.start))),
            self.group_id(first, by)
        )
    }

    /// A listing's years as rows linking to their groups.
    pub(super) fn year_rows(
        &self,
        v: &Values,
        listing: &Listing,
        path_of: &dyn Fn(usize) -> String,
    ) -> Vec<YearRow> {
        listing
            .groups
            .iter()
            .map(|g| {
                let year = self.prepared.honours.all[listing.honours[g.start] as usize].year;
                YearRow {
                    year,
                    href: self.group_href(listing, g, GroupBy::Year, path_of),
                    year_href: v.year_href(year),
                    individuals: g.individuals,
                    collectives: g.collectives,
                    total: g.individuals + g.collectives,
                }
            })
            .collect()
    }

    /// The groups of `listing` on its page `page`: each with the part of
    /// its honours this page shows.
    pub(super) fn honour_groups<'a>(
        &'a self,
        v: &Values<'a>,
        links: &'a Links,
        listing: &Listing,
        page: usize,
        by: GroupBy,
    ) -> Vec<HonourGroup<'a>> {
        let all = &self.prepared.honours.all;
        let start = (page - 1) * RECIPIENTS_PER_PAGE;
        let end = (start + RECIPIENTS_PER_PAGE).min(listing.honours.len());
        // Groups are in order: skip those that end before this page.
        let first = listing.groups.partition_point(|g| g.end <= start);
        listing.groups[first..]
            .iter()
            .take_while(|g| g.start < end)
            .map(|g| {
                let head = &all[listing.honours[g.start] as usize];
                let (from, to) = (g.start.max(start), g.end.min(end));
                let honours = listing.honours[from..to]
                    .iter()
                    .map(|&h| self.honour_value(v, links, &all[h as usize]))
                    .collect();
                let (award, award_href, year, year_href) = match by {
                    GroupBy::Award => {
                        let href = self.prepared.honours.type_index[head.award.index()].map(|t| {
                            let slug = &self.prepared.honours.award_types[t].slug;
                            self.urls.href(&self.urls.award_type(v.lang, slug, 1))
                        });
                        (Some(v.award_type(head.award)), href, None, None)
                    }
                    GroupBy::Year => (None, None, Some(head.year), Some(v.year_href(head.year))),
                };
                HonourGroup {
                    id: self.group_id(head, by),
                    award,
                    award_href,
                    year,
                    year_href,
                    individuals: g.individuals,
                    collectives: g.collectives,
                    total: g.individuals + g.collectives,
                    honoured: v.honoured(g.individuals, g.collectives),
                    named: g.named,
                    continued: from > g.start,
                    honours,
                }
            })
            .collect()
    }

    /// One honour as a list shows it.
    fn honour_value<'a>(&'a self, v: &Values<'a>, links: &'a Links, h: &Honour) -> HonourValue<'a> {
        let site = self.site;
        let (unit, unit_lang, unit_href) = match h.unit.and_then(|u| links.units[u].as_ref()) {
            Some((label, marked, href)) => (
                Some(label.as_str()),
                marked.then(|| v.default_code()),
                Some(href.as_str()),
            ),
            None => (None, None, None),
        };
        let list = |l: crate::model::AwardListId| {
            let (title, href) = &links.lists[l.index()];
            (Some(Cow::Borrowed(title.as_str())), Some(href.as_str()))
        };
        let mut value = HonourValue {
            name: None,
            name_lang: None,
            href: None,
            kind: None,
            award: v.award_type(h.award),
            position: None,
            position_lang: None,
            unit,
            unit_lang,
            unit_href,
            decision: None,
            decision_href: None,
            words: None,
            note: None,
            note_lang: None,
        };
        match h.holder {
            Holder::Profile { profile, held } => {
                let p = &site.profiles[profile];
                let text = &p.texts[v.lang_index];
                let award = &p.awards[held as usize];
                value.name = Some(&text.name);
                value.name_lang =
                    (text.source.lang != v.lang.code).then_some(text.source.lang.as_str());
                value.href = Some(&links.profiles[profile.index()]);
                value.kind = Some(p.kind.as_str());
                value.position = text.position.as_deref();
                value.position_lang = text.position_lang.as_deref();
                (value.decision, value.decision_href) = match (award.list, &award.decision) {
                    (Some(l), _) => list(l),
                    (None, Some(number)) => (
                        Some(Cow::Owned(
                            v.t("decision_title").replace("{number}", number),
                        )),
                        None,
                    ),
                    (None, None) => (None, None),
                };
            }
            Holder::Recipient { list: l, index } => {
                let r = &site.award_lists[l].recipients[index as usize];
                value.name = Some(&r.name);
                // A name as the decision wrote it, in the site's language.
                value.name_lang = (v.lang_index > 0).then(|| v.default_code());
                value.kind = Some(r.kind.as_str());
                (value.position, value.position_lang) = v.text_opt(r.position.as_ref());
                (value.note, value.note_lang) = v.text_opt(r.note.as_ref());
                (value.decision, value.decision_href) = list(l);
            }
            Holder::Count { list: l, index } => {
                let c = &site.award_lists[l].counts[index as usize];
                value.words = Some(v.honoured(c.individuals, c.collectives));
                (value.note, value.note_lang) = v.text_opt(c.note.as_ref());
                (value.decision, value.decision_href) = list(l);
            }
        }
        value
    }

    /// An award type given on the site, with its totals.
    pub(super) fn award_type_entry<'a>(&self, v: &Values<'a>, t: &GivenType) -> AwardTypeEntry<'a> {
        let (individuals, collectives) = t.listing.totals();
        AwardTypeEntry {
            award: v.award_type(t.award),
            href: self.urls.href(&self.urls.award_type(v.lang, &t.slug, 1)),
            individuals,
            collectives,
            total: individuals + collectives,
            honoured: v.honoured(individuals, collectives),
            year_count: t.listing.groups.len(),
        }
    }

    /// A unit as lists show it.
    pub(super) fn unit_entry<'a>(
        &'a self,
        v: &Values<'a>,
        links: &'a Links,
        u: &UnitPage,
    ) -> UnitEntry<'a> {
        let unit = &self.prepared.honours.units.units[u.unit];
        let (name, marked, href) = match &links.units[u.unit] {
            Some((label, marked, href)) => (label.as_str(), *marked, href.clone()),
            None => (unit.label.as_str(), v.lang_index > 0, String::new()),
        };
        let (individuals, collectives) = u.listing.totals();
        UnitEntry {
            slug: &unit.slug,
            href,
            name,
            name_lang: marked.then(|| v.default_code()),
            profile_count: u.profiles.len(),
            individuals,
            collectives,
            total: individuals + collectives,
        }
    }
}
