//! Typed references between the parts of a [`Site`](super::Site).
//!
//! A profile names its campaigns, an award list its recipients' profiles, a
//! campaign its lists: each is a position in one of the site's vectors. A
//! bare `usize` would let a campaign's position index the profiles and
//! compile; these types make each index space its own, and only index the
//! vector they belong to:
//!
//! ```
//! use vinhdanh::model::{Profile, ProfileId};
//! fn first(profiles: &[Profile]) -> Option<&Profile> {
//!     ProfileId::all(profiles.len()).next().map(|id| &profiles[id])
//! }
//! ```
//!
//! ```compile_fail
//! use vinhdanh::model::{CampaignId, Profile};
//! fn wrong(profiles: &[Profile], campaign: CampaignId) -> &Profile {
//!     &profiles[campaign]
//! }
//! ```

use std::ops::{Index, IndexMut};

use super::{AwardList, Campaign, Profile};

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident indexes $item:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(usize);

        impl $name {
            /// The id of the item at `index`.
            pub const fn new(index: usize) -> Self {
                $name(index)
            }

            /// The position it stands for.
            pub const fn index(self) -> usize {
                self.0
            }

            /// Every id of a vector of `len` items, in order.
            pub fn all(len: usize) -> impl DoubleEndedIterator<Item = $name> + ExactSizeIterator {
                (0..len).map($name)
            }
        }

        impl From<$name> for usize {
            fn from(id: $name) -> usize {
                id.0
            }
        }

        impl Index<$name> for [$item] {
            type Output = $item;
            fn index(&self, id: $name) -> &$item {
                &self[id.0]
            }
        }

        impl IndexMut<$name> for [$item] {
            fn index_mut(&mut self, id: $name) -> &mut $item {
                &mut self[id.0]
            }
        }

        impl Index<$name> for Vec<$item> {
            type Output = $item;
            fn index(&self, id: $name) -> &$item {
                &self[id.0]
            }
        }

        impl IndexMut<$name> for Vec<$item> {
            fn index_mut(&mut self, id: $name) -> &mut $item {
                &mut self[id.0]
            }
        }
    };
}

typed_id! {
    /// A profile: its position in [`Site::profiles`](super::Site::profiles).
    ProfileId indexes Profile
}

typed_id! {
    /// A campaign: its position in [`Site::campaigns`](super::Site::campaigns).
    CampaignId indexes Campaign
}

typed_id! {
    /// An award list: its position in [`Site::award_lists`](super::Site::award_lists).
    AwardListId indexes AwardList
}
