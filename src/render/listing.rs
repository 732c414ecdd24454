//! Lists of honours ([`crate::model::honours`]) as pages show them: a
//! year's by award type, an award type's by year, a unit's by year and
//! award type, at most [`RECIPIENTS_PER_PAGE`] a page, each group with an
//! anchor that the summary rows link to.
//!
//! A site of 200,000 recipients lists each of them on three pages in
//! every language, so an honour's value is made of texts prepared once per
//! language ([`Text`], in [`super::context::Links`]): building it clones a
//! few shared values and allocates no string.

use std::hash::{Hash, Hasher};

use serde::Serialize;
use tera::Value;

use super::context::Links;
use super::page::{AwardTypeEntry, UnitEntry, YearRow};
use super::values::{HonourGroup, HonourValue, Values};
use super::{RECIPIENTS_PER_PAGE, Renderer};
use crate::model::honours::{GivenType, Group, Grouping, Holder, Honour, Listing, UnitPage};

/// A text of lists of honours as a Tera value, made once and shared
/// (cloning it clones an `Arc`); it hashes to what it says.
#[derive(Clone)]
pub struct Text(Value);

impl Text {
    pub(super) fn new(text: &str) -> Text {
        Text(Value::from(text))
    }

    pub(super) fn opt(text: Option<&str>) -> Option<Text> {
        text.map(Text::new)
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl Hash for Text {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.as_str().hash(state);
    }
}

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
    /// its honours this page shows.
    pub(super) fn honour_groups<'a>(
        &'a self,
        v: &Values<'a>,
        links: &'a Links,
        listing: &Listing,
        page: usize,
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
                let head = self.first_of(listing, g);
                let (from, to) = (g.start.max(start), g.end.min(end));
                let honours = listing.honours[from..to]
                    .iter()
                    .map(|&h| honour_value(self, v, links, &all[h as usize]))
                    .collect();
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
                    honours,
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

/// One honour as a list shows it, from the texts of `links`.
fn honour_value(r: &Renderer, v: &Values, links: &Links, h: &Honour) -> HonourValue {
    let site = r.site;
    let unit = h.unit.and_then(|u| links.units[u].as_ref());
    let mut value = HonourValue {
        name: None,
        name_lang: None,
        href: None,
        kind: None,
        position: None,
        position_lang: None,
        unit: unit.map(|u| u.name.clone()),
        unit_lang: unit.and_then(|u| u.lang.clone()),
        unit_href: unit.map(|u| u.href.clone()),
        decision: None,
        decision_href: None,
        words: None,
        withheld: false,
        note: None,
        note_lang: None,
    };
    let list = |l: crate::model::AwardListId| {
        let list = &links.lists[l.index()];
        (Some(list.title.clone()), Some(list.href.clone()))
    };
    match h.holder {
        Holder::Profile { profile, held } => {
            let p = &links.profiles[profile.index()];
            value.name = Some(p.name.clone());
            value.name_lang = p.name_lang.clone();
            value.href = Some(p.href.clone());
            value.kind = Some(p.kind);
            value.position = p.position.clone();
            value.position_lang = p.position_lang.clone();
            let award = &site.profiles[profile].awards[held as usize];
            (value.decision, value.decision_href) = match (award.list, &award.decision) {
                (Some(l), _) => list(l),
                (None, Some(number)) => (
                    Some(Text::new(
                        &v.t("decision_title").replace("{number}", number),
                    )),
                    None,
                ),
                (None, None) => (None, None),
            };
        }
        Holder::Recipient { list: l, index } => {
            let rec = &site.award_lists[l].recipients[index as usize];
            value.name = Some(Text::new(&rec.name));
            // A name as the decision wrote it, in the site's language.
            value.name_lang = links.default_lang.clone();
            value.kind = Some(rec.kind.as_str());
            let (position, position_lang) = v.text_opt(rec.position.as_ref());
            value.position = Text::opt(position);
            value.position_lang = Text::opt(position_lang);
            let (note, note_lang) = v.text_opt(rec.note.as_ref());
            value.note = Text::opt(note);
            value.note_lang = Text::opt(note_lang);
            (value.decision, value.decision_href) = list(l);
        }
        Holder::Withheld { list: l } => {
            value.words = Some(v.honoured(h.individuals, h.collectives));
            value.withheld = true;
            (value.decision, value.decision_href) = list(l);
        }
        Holder::Count { list: l, index } => {
            let c = &site.award_lists[l].counts[index as usize];
            value.words = Some(v.honoured(c.individuals, c.collectives));
            let (note, note_lang) = v.text_opt(c.note.as_ref());
            value.note = Text::opt(note);
            value.note_lang = Text::opt(note_lang);
            (value.decision, value.decision_href) = list(l);
        }
    }
    value
}
