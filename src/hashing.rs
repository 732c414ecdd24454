//! The one hash of values compared between builds, and texts that keep
//! theirs.
//!
//! The preview keeps a page's bytes when what it shows hashes as before,
//! and the search index keeps a file of results when its rows do: these
//! hashes are compared, never exposed to an attacker, so the standard
//! library's SipHash (a fifth of a rebuild's time) buys nothing. foldhash's
//! quality variant with a fixed seed spreads 64 bits as well, several times
//! faster, and gives the same hash in every build.

use std::hash::{BuildHasher, Hash, Hasher};
use std::sync::Arc;

/// The hash of `value`.
pub fn hash_of(value: &(impl Hash + ?Sized)) -> u64 {
    let mut h = hasher();
    value.hash(&mut h);
    h.finish()
}

/// The hasher of [`hash_of`], to feed by hand.
pub fn hasher() -> impl Hasher {
    foldhash::quality::FixedState::with_seed(0).build_hasher()
}

/// A text shared (cloning it clones an `Arc`) with its hash, made once:
/// it hashes to that hash (equal texts hash equal), compares and reads as
/// the text. For texts a rebuild would otherwise hash many times over: a
/// profile's body on its pages, a list's title in each of its 500 rows.
#[derive(Debug, Clone)]
pub struct HashedText {
    text: Arc<str>,
    hash: u64,
}

impl HashedText {
    pub fn new(text: String) -> HashedText {
        HashedText {
            hash: hash_of(text.as_str()),
            text: text.into(),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl PartialEq for HashedText {
    fn eq(&self, other: &HashedText) -> bool {
        self.text == other.text
    }
}

impl Eq for HashedText {}

impl Hash for HashedText {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

impl std::ops::Deref for HashedText {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl std::fmt::Display for HashedText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hashed_text_hashes_as_its_text_did_and_compares_by_text() {
        let a = HashedText::new("Lao động tiên tiến".to_owned());
        let b = HashedText::new("Lao động tiên tiến".to_owned());
        let c = HashedText::new("Chiến sĩ thi đua".to_owned());
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(hash_of(&a), hash_of(&b));
        assert_ne!(hash_of(&a), hash_of(&c));
        assert_eq!(&*a, "Lao động tiên tiến");
    }
}
