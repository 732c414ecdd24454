//! What a page is built from, recorded while its value is built
//! ([`super::page`]), so that the preview renders again only what an edit
//! changed. Nothing here lists a page's inputs by hand:
//!
//! * A page's value ([`super::PageData`]) hashes to the same number exactly
//!   when it shows the same things: cards count by the hash of what they
//!   show, bodies and every other value as they are. With the same theme
//!   and configuration, the same hash renders the same bytes.
//! * [`Inputs`] holds the entities a page shows, noted by the builder as
//!   it picks their cards: after an edit that changed only an entity's
//!   text, the preview renders that entity's pages without building every
//!   page's value.

use std::hash::Hash;

use crate::model::{AwardListId, CampaignId, ProfileId};

/// An entity of the site, by index into the [`crate::model::Site`] lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    Profile(ProfileId),
    Campaign(CampaignId),
    AwardList(AwardListId),
}

/// The entities a page shows, as its value was built.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inputs {
    /// The entity whose own page this is: everything about it shows.
    pub own: Option<Entity>,
    /// Entities shown as cards or links.
    pub shows: Vec<Entity>,
}

impl Inputs {
    pub(super) fn own(&mut self, entity: Entity) {
        self.own = Some(entity);
    }

    pub(super) fn show(&mut self, entity: Entity) {
        self.shows.push(entity);
    }
}

/// The hash of a page's value, and its hasher ([`crate::hashing`]).
pub use crate::hashing::{hash_of, hasher};
