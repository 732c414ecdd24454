//! What each page shows, so that the preview server can tell which pages an
//! edit changes without rendering them all.
//!
//! A page is described by the entities it shows (profiles, campaigns, award
//! lists, by index) and a *shape*: a hash of everything else it depends on
//! that an edit elsewhere can change: which entities, in which order (by
//! their source files), counts, pagination. A page whose shape is the same
//! and whose entities did not change renders to the same bytes.
//!
//! This mirrors [`Renderer::template_and_context`] and the XML writers: a
//! value added to a page there that depends on other entities must be added
//! here too. The serve tests compare an incremental rebuild with a full one.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::Path;

use crate::model::{AwardListId, CampaignId, ProfileId};

use super::{
    FEED_ENTRIES, HOME_AWARD_LISTS, HOME_NEWEST, PageKind, PageRef, Renderer, context::kind_name,
    page_count, page_slice,
};

/// An entity of the site, by its id in the [`crate::model::Site`] lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    Profile(ProfileId),
    Campaign(CampaignId),
    AwardList(AwardListId),
}

/// What one page depends on besides the site's configuration and theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageInputs {
    /// Hash of which entities the page shows, in order, and of its counts.
    pub shape: u64,
    /// The entity whose own page this is: everything about it shows.
    pub own: Option<Entity>,
    /// Entities shown as cards or links.
    pub shows: Vec<Entity>,
    /// Whether the page lists every page of the site (the sitemap).
    pub lists_pages: bool,
}

/// Builds a shape hash.
struct Shape(DefaultHasher);

impl Shape {
    fn new(tag: &str) -> Self {
        let mut h = DefaultHasher::new();
        tag.hash(&mut h);
        Shape(h)
    }

    fn add(&mut self, value: impl Hash) -> &mut Self {
        value.hash(&mut self.0);
        self
    }

    fn finish(&self) -> u64 {
        self.0.finish()
    }
}

impl Renderer<'_> {
    /// The inputs of a page other than the configuration and the theme.
    pub fn inputs(&self, page: PageRef) -> PageInputs {
        let mut inputs = PageInputs {
            shape: 0,
            own: None,
            shows: Vec::new(),
            lists_pages: false,
        };
        // Indexes shift when an entity is added before this one: the shape
        // names entities by their source files, never by index.
        let mut shape = match page {
            PageRef::Page { lang, kind } => {
                let mut shape = Shape::new(kind_name(kind));
                shape.add(lang);
                self.page_inputs(kind, &mut shape, &mut inputs);
                shape
            }
            PageRef::Feed { lang } => {
                let mut shape = Shape::new("feed");
                shape.add(lang);
                for &i in self.prepared.newest.iter().take(FEED_ENTRIES) {
                    shape.add(&self.site.profiles[i].source);
                    inputs.shows.push(Entity::Profile(i));
                }
                shape
            }
            PageRef::Sitemap | PageRef::SitemapPart(_) => {
                inputs.lists_pages = true;
                Shape::new("sitemap")
            }
            PageRef::Robots => Shape::new("robots"),
        };
        shape.add(self.sitemap_parts());
        inputs.shape = shape.finish();
        inputs
    }

    fn page_inputs(&self, kind: PageKind, shape: &mut Shape, inputs: &mut PageInputs) {
        let site = self.site;
        let per = site.config.paginate_by;
        let shows = &mut inputs.shows;
        let mut show = |shape: &mut Shape, entity: Entity| {
            shape.add(self.source_of(entity));
            shows.push(entity);
        };
        let own = &mut inputs.own;
        match kind {
            PageKind::Home => {
                for &i in self.prepared.newest.iter().take(HOME_NEWEST) {
                    show(shape, Entity::Profile(i));
                }
                self.add_years(shape);
                for i in CampaignId::all(site.campaigns.len()) {
                    show(shape, Entity::Campaign(i));
                    self.add_campaign_counts(shape, i);
                }
                for i in AwardListId::all(site.award_lists.len().min(HOME_AWARD_LISTS)) {
                    show(shape, Entity::AwardList(i));
                }
                let individuals = site
                    .profiles
                    .iter()
                    .filter(|p| p.kind == crate::model::Kind::Individual)
                    .count();
                shape.add((
                    site.profiles.len(),
                    individuals,
                    site.campaigns.len(),
                    site.award_lists.len(),
                ));
            }
            PageKind::ProfileList { page } => {
                shape.add(page);
                let all: Vec<ProfileId> = ProfileId::all(site.profiles.len()).collect();
                for &i in page_slice(&all, page, per) {
                    show(shape, Entity::Profile(i));
                }
                shape.add(page_count(all.len(), per));
            }
            PageKind::Profile(i) => {
                let p = &site.profiles[i];
                *own = Some(Entity::Profile(i));
                shape.add(&p.source);
                for &c in &p.campaigns {
                    show(shape, Entity::Campaign(c));
                }
                for a in &p.awards {
                    if let Some(c) = a.campaign {
                        show(shape, Entity::Campaign(c));
                    }
                    if let Some(l) = a.list {
                        show(shape, Entity::AwardList(l));
                    }
                }
            }
            PageKind::Years => self.add_years(shape),
            PageKind::Year { index, page } => {
                let y = &site.years[index];
                shape
                    .add(y.year)
                    .add(page)
                    .add(y.profiles.len())
                    .add(page_count(y.profiles.len(), per));
                for r in &y.summary {
                    shape.add((r.award, r.individuals, r.collectives));
                }
                for &i in page_slice(&y.profiles, page, per) {
                    show(shape, Entity::Profile(i));
                }
                for &l in &y.award_lists {
                    show(shape, Entity::AwardList(l));
                }
            }
            PageKind::Campaigns => {
                for i in CampaignId::all(site.campaigns.len()) {
                    show(shape, Entity::Campaign(i));
                    self.add_campaign_counts(shape, i);
                }
            }
            PageKind::Campaign { index, page } => {
                let c = &site.campaigns[index];
                *own = Some(Entity::Campaign(index));
                shape.add(&c.source).add(page);
                self.add_campaign_counts(shape, index);
                shape.add(page_count(c.profiles.len(), per));
                for &i in page_slice(&c.profiles, page, per) {
                    show(shape, Entity::Profile(i));
                }
                for &l in &c.award_lists {
                    show(shape, Entity::AwardList(l));
                }
            }
            PageKind::AwardLists => {
                for i in AwardListId::all(site.award_lists.len()) {
                    show(shape, Entity::AwardList(i));
                }
            }
            PageKind::AwardList(i) => {
                let l = &site.award_lists[i];
                *own = Some(Entity::AwardList(i));
                shape.add(&l.source);
                for r in &l.recipients {
                    shape.add(r.profile.is_some());
                    if let Some(p) = r.profile {
                        show(shape, Entity::Profile(p));
                    }
                }
            }
            PageKind::NotFound => {}
        }
    }

    /// The file an entity comes from: what identifies it from one build to the next.
    pub fn source_of(&self, entity: Entity) -> &Path {
        match entity {
            Entity::Profile(i) => &self.site.profiles[i].source,
            Entity::Campaign(i) => &self.site.campaigns[i].source,
            Entity::AwardList(i) => &self.site.award_lists[i].source,
        }
    }

    fn add_years(&self, shape: &mut Shape) {
        for y in &self.site.years {
            let awards: usize = y
                .summary
                .iter()
                .map(|r| r.individuals + r.collectives)
                .sum();
            shape.add((y.year, y.profiles.len(), y.award_lists.len(), awards));
        }
    }

    fn add_campaign_counts(&self, shape: &mut Shape, index: CampaignId) {
        let c = &self.site.campaigns[index];
        shape.add((c.profiles.len(), c.award_lists.len()));
    }
}
