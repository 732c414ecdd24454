//! The built site as the preview server holds it: every output file by its
//! path, in memory. Nothing is written to disk, least of all into the
//! site's published output folder.

use std::any::Any;
use std::collections::HashMap;

use axum::body::Bytes;

/// Output path (`ho-so/x/index.html`, forward slashes) → bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemorySite {
    files: HashMap<String, Bytes>,
}

impl MemorySite {
    pub fn with_capacity(n: usize) -> Self {
        MemorySite {
            files: HashMap::with_capacity(n),
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

/// Frees now what the allocator would free lazily, on this thread and on
/// every thread of the pool that renders pages. After a rebuild replaced a
/// site, that deferred work (hundreds of `madvise` calls, 10-50 ms
/// measured at 10,000 profiles + 200,000 recipients) otherwise fell on the
/// first look at the next edit: blocks freed by one thread are given back
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
