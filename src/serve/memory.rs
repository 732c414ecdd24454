//! The built site as the preview server holds it: every output file by its
//! path, in memory. Nothing is written to disk, least of all into the
//! site's published output folder.

use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::mpsc::{Sender, channel};

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

/// Frees now what the allocator would free lazily on this thread's next
/// allocations. After a rebuild replaced a site, that deferred work (hundreds
/// of `madvise` calls, 10-50 ms measured at 10,000 profiles + 200,000
/// recipients) otherwise fell on the first look at the next edit.
pub fn give_back() {
    // SAFETY: mi_collect takes no pointer; it only frees memory that is no
    // longer in use, and does nothing harmful when mimalloc is not the
    // global allocator (it then has nothing of its own to free).
    unsafe { libmimalloc_sys::mi_collect(false) }
}

/// Something large, dropped on another thread.
type Garbage = Box<dyn Send>;

/// Drops `value` on a thread of its own instead of the caller's. Freeing a
/// province's site (200,000 recipients, their page values) takes 20-40 ms
/// measured; a rebuild that gives way to the next edit, or replaces the
/// last build, should not make the edit wait for it.
pub fn drop_later<T: Send + 'static>(value: T) {
    static FREEING: OnceLock<Option<Sender<Garbage>>> = OnceLock::new();
    let freeing = FREEING.get_or_init(|| {
        let (send, receive) = channel::<Garbage>();
        let spawned = std::thread::Builder::new()
            .name("vinhdanh-free".into())
            .spawn(move || {
                super::lower_priority();
                for garbage in receive {
                    drop(garbage);
                }
            });
        spawned.ok().map(|_| send)
    });
    let value: Garbage = Box::new(value);
    // No thread could be started (or it is gone): dropped here.
    if let Some(Err(returned)) = freeing.as_ref().map(|f| f.send(value)) {
        drop(returned.0);
    }
}
