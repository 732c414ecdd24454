//! Lists of honours ([`crate::model::honours`]) as pages show them: a
//! year's by award type, an award type's by year, a unit's by year and
//! award type, at most [`RECIPIENTS_PER_PAGE`] a page, each group with an
//! anchor that the summary rows link to.
//!
//! A site of 200,000 recipients lists each of them on three pages in
//! every language, so the honours themselves are written as HTML rows in
//! code ([`super::rows`]), from texts escaped once per language.

use super::context::Links;
use super::page::{AwardTypeEntry, UnitEntry, YearRow};
use super::rows::Rows;
use super::values::{HonourGroup, Values};
use super::{RECIPIENTS_PER_PAGE, Renderer};
use crate::model::honours::{GivenType, Group, Grouping, Honour, Listing, UnitPage};

/// The page of a listing that shows its honour at `at`.
fn page_of(at: usize) -> usize {
    at / RECIPIENTS_PER_PAGE + 1
}

impl<'r> Renderer<'r> {
    /// An award type's slug in addresses and anchors.
    fn award_slug(&self, first: &Honour) -> String {
        let honours = &self.prepared.honours;
        match honours.type_index[first.award.index()] {
            Some(t) => honours.award_types[t].slug.clone(),
            None => first.award.index().to_string(),
        }
    }

    /// A group's anchor: `award-<slug>`, `year-<yyyy>`, or
    /// `year-<yyyy>-<slug>`.
    fn group_id(&self, first: &Honour, grouping: Grouping) -> String {
        match grouping {
            Grouping::Award => format!("award-{}", self.award_slug(first)),
            Grouping::Year => format!("year-{}", first.year),
            Grouping::YearAward => format!("year-{}-{}", first.year, self.award_slug(first)),
        }
    }

    fn first_of(&self, listing: &Listing, group: &Group) -> &Honour {
        &self.prepared.honours.all[listing.honours[group.start] as usize]
    }

    /// The href of a listing's group: the page it starts on, and its anchor.
    pub(super) fn group_href(
        &self,
        listing: &Listing,
        group: &Group,
        path_of: &dyn Fn(usize) -> String,
    ) -> String {
        format!(
            "{}#{}",
            self.urls.href(&path_of(page_of(group.start))),
            self.group_id(self.first_of(listing, group), listing.grouping)
        )
    }

    /// A listing's years as rows, each linking to its first group.
    pub(super) fn year_rows(
        &self,
        v: &Values,
        listing: &Listing,
        path_of: &dyn Fn(usize) -> String,
    ) -> Vec<YearRow> {
        let mut rows: Vec<YearRow> = Vec::new();
        for g in &listing.groups {
            let year = self.first_of(listing, g).year;
            match rows.last_mut() {
                Some(row) if row.year == year => {
                    row.individuals += g.individuals;
                    row.collectives += g.collectives;
                    row.total += g.individuals + g.collectives;
                }
                _ => rows.push(YearRow {
                    year,
                    href: self.group_href(listing, g, path_of),
                    year_href: v.year_href(year),
                    individuals: g.individuals,
                    collectives: g.collectives,
                    total: g.individuals + g.collectives,
                }),
            }
        }
        rows
    }

    /// The groups of `listing` on its page `page`: each with the part of
    /// its honours this page shows, as HTML rows (written when the page is
    /// rendered) that name each honour's unit when `with_unit`.
    pub(super) fn honour_groups<'a>(
        &'a self,
        v: &Values<'a>,
        listing: &'a Listing,
        page: usize,
        with_unit: bool,
    ) -> Vec<HonourGroup<'a>> {
        let start = (page - 1) * RECIPIENTS_PER_PAGE;
        let end = (start + RECIPIENTS_PER_PAGE).min(listing.honours.len());
        // Groups are in order: skip those that end before this page.
        let first = listing.groups.partition_point(|g| g.end <= start);
        listing.groups[first..]
            .iter()
            .take_while(|g| g.start < end)
            .map(|g| {
                let head = self.first_of(listing, g);
                let (from, to) = (g.start.max(start), g.end.min(end));
                let with_award = listing.grouping != Grouping::Year;
                let with_year = listing.grouping != Grouping::Award;
                HonourGroup {
                    id: self.group_id(head, listing.grouping),
                    award: with_award.then(|| v.award_type(head.award)),
                    award_href: with_award.then(|| {
                        let slug = self.award_slug(head);
                        self.urls.href(&self.urls.award_type(v.lang, &slug, 1))
                    }),
                    year: with_year.then_some(head.year),
                    year_href: with_year.then(|| v.year_href(head.year)),
                    individuals: g.individuals,
                    collectives: g.collectives,
                    total: g.individuals + g.collectives,
                    honoured: v.honoured(g.individuals, g.collectives),
                    named: g.named,
                    continued: from > g.start,
                    rows: Rows {
                        renderer: self,
                        lang_index: v.lang_index,
                        honours: &listing.honours[from..to],
                        named: g.named,
                        with_unit,
                    },
                }
            })
            .collect()
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
        let (individuals, collectives) = u.listing.totals();
        let texts = links.units[u.unit].as_ref();
        UnitEntry {
            slug: &unit.slug,
            href: texts.map_or_else(String::new, |t| t.link.clone()),
            name: texts.map_or(unit.label.as_str(), |t| t.label.as_str()),
            name_lang: texts.is_some_and(|t| t.marked).then(|| v.default_code()),
            profile_count: u.profiles.len(),
            individuals,
            collectives,
            total: individuals + collectives,
        }
    }
}
