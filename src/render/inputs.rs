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

use std::hash::{BuildHasher, Hash, Hasher};

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

/// The hash of a page's value.
pub fn hash_of(value: &impl Hash) -> u64 {
    let mut h = hasher();
    value.hash(&mut h);
    h.finish()
}

/// The hasher of page values: foldhash's quality variant, with a fixed
/// seed. Page hashes are compared, never exposed to an attacker, so the
/// standard library's SipHash (a fifth of a rebuild's time) buys nothing:
/// this one spreads 64 bits as well, several times faster.
pub fn hasher() -> impl Hasher {
    foldhash::quality::FixedState::with_seed(0).build_hasher()
}
