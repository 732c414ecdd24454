//! The built site as the preview server holds it: every output file by its
//! path, in memory. Nothing is written to disk, least of all into the
//! site's published output folder.

use std::any::Any;

use axum::body::Bytes;

/// Output path (`ho-so/x/index.html`, forward slashes) → bytes. Hashed
/// with foldhash (randomly seeded, as the standard library's SipHash but
/// several times faster): a rebuild looks up and stores every path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemorySite {
    files: foldhash::HashMap<String, Bytes>,
}

impl MemorySite {
    pub fn with_capacity(n: usize) -> Self {
        MemorySite {
            files: foldhash::HashMap::with_capacity_and_hasher(n, Default::default()),
        }
    }

    pub fn get(&self, path: &str) -> Option<&Bytes> {
        self.files.get(path)
    }

    pub fn insert(&mut self, path: String, bytes: Bytes) {
        self.files.insert(path, bytes);
    }

    pub fn remove(&mut self, path: &str) -> Option<Bytes> {
        self.files.remove(path)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Every file, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Bytes)> {
        self.files.iter().map(|(k, v)| (k.as_str(), v))
    }
}

/// mimalloc's `mi_option_purge_delay`: its place in the `mi_option_t` enum
/// of mimalloc.h (the same in its versions 2 and 3; the crate leaves it
/// out of its constants). A unit test checks it against its default.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// The environment variable that sets the purge delay, read by mimalloc
/// itself: when set, the user's choice stands.
const PURGE_DELAY_VARIABLE: &str = "MIMALLOC_PURGE_DELAY";

/// Keeps the memory the preview frees for its next rebuild instead of
/// returning it to the system a second later. Returned, it came back as fresh
/// pages the kernel zeroes on first touch, and the first look at each
/// edit paid for that: at 10,000 profiles + 200,000 recipients, award-year
/// edits showed after 0.011 s median instead of 0.047-0.076 s, csv 0.016 s
/// instead of 0.032-0.055 s, for a resident size that stays at its peak
/// (3.9 GB instead of 3.2-3.3 GB). `MIMALLOC_PURGE_DELAY=1000` restores
/// the allocator's default.
pub fn keep_freed_memory() {
    if std::env::var_os(PURGE_DELAY_VARIABLE).is_none() {
        // SAFETY: sets one of mimalloc's options (no pointer); without
        // mimalloc as the allocator it changes nothing that is used.
        unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) }
    }
}

/// Frees now what the allocator would free lazily, on this thread and on
/// every thread of the pool that renders pages. After a rebuild replaced a
/// site, that deferred work (taking back the blocks other threads freed,
/// and with a purge delay set, hundreds of `madvise` calls: 10-50 ms
/// measured at 10,000 profiles + 200,000 recipients) otherwise fell on the
/// first look at the next edit: blocks freed by one thread are taken back
/// by the thread that made them, on its next allocations.
pub fn give_back() {
    // SAFETY: mi_collect takes no pointer; it only frees memory that is no
    // longer in use, and does nothing harmful when mimalloc is not the
    // global allocator (it then has nothing of its own to free).
    rayon::broadcast(|_| unsafe { libmimalloc_sys::mi_collect(false) });
    unsafe { libmimalloc_sys::mi_collect(false) }
}

/// What a rebuild made and no longer needs, kept to be freed when no edit
/// waits ([`Leftovers::free`]): freeing a province's site and its page
/// values takes 45-65 ms (measured at 10,000 profiles + 200,000
/// recipients), which an edit should not wait for.
#[derive(Default)]
pub struct Leftovers(Vec<Box<dyn Any + Send>>);

impl Leftovers {
    pub fn keep<T: Any + Send>(&mut self, value: T) {
        self.0.push(Box::new(value));
    }

    /// Frees everything kept, and gives the memory back ([`give_back`]).
    pub fn free(&mut self) {
        self.0.clear();
        give_back();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_is_the_option_we_set() {
        if std::env::var_os(PURGE_DELAY_VARIABLE).is_some() {
            return;
        }
        // SAFETY: reads and sets an option of the allocator; no pointer.
        let get = || unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        // mimalloc 3's default purge delay, in ms (the version built here).
        assert_eq!(get(), 1000, "option {PURGE_DELAY} is not the purge delay");
        keep_freed_memory();
        assert_eq!(get(), -1);
    }
}
