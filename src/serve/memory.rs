//! The built site as the preview server holds it: every output file by its
//! path, in memory. Nothing is written to disk, least of all into the
//! site's published output folder.

use std::any::Any;
use std::convert::Infallible;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use http_body::{Frame, SizeHint};

/// Output path (`ho-so/x/index.html`, forward slashes) → bytes. Hashed
/// with foldhash (randomly seeded, as the standard library's SipHash but
/// several times faster): a rebuild looks up and stores every path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemorySite {
    files: foldhash::HashMap<String, FileBytes>,
}

impl MemorySite {
    pub fn with_capacity(n: usize) -> Self {
        MemorySite {
            files: foldhash::HashMap::with_capacity_and_hasher(n, Default::default()),
        }
    }

    pub fn get(&self, path: &str) -> Option<&FileBytes> {
        self.files.get(path)
    }

    pub fn insert(&mut self, path: String, bytes: FileBytes) {
        self.files.insert(path, bytes);
    }

    pub fn remove(&mut self, path: &str) -> Option<FileBytes> {
        self.files.remove(path)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Every file, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &FileBytes)> {
        self.files.iter().map(|(k, v)| (k.as_str(), v))
    }
}

/// A file's bytes: one piece, or several one after another. An open-data
/// file of a province is a hundred megabytes made of its award lists'
/// records, which the preview keeps list by list: after an edit the file
/// shares the pieces of every list that did not change. Made into one
/// piece, each such file was copied into fresh memory (which the kernel
/// zeroes first) and compared byte by byte with the last, after every edit:
/// a third of a rebuild's time (perf, 10,000 profiles + 200,000 recipients).
#[derive(Debug, Clone)]
pub struct FileBytes(Pieces);

#[derive(Debug, Clone)]
enum Pieces {
    One(Bytes),
    Many(Arc<[Bytes]>),
}

impl FileBytes {
    /// The file of `pieces`, one after another.
    pub fn of_pieces(mut pieces: Vec<Bytes>) -> Self {
        pieces.retain(|p| !p.is_empty());
        match pieces.len() {
            0 => FileBytes::from(Bytes::new()),
            1 => FileBytes::from(pieces.swap_remove(0)),
            _ => FileBytes(Pieces::Many(pieces.into())),
        }
    }

    /// Its pieces, in order.
    pub fn pieces(&self) -> &[Bytes] {
        match &self.0 {
            Pieces::One(one) => std::slice::from_ref(one),
            Pieces::Many(many) => many,
        }
    }

    pub fn len(&self) -> usize {
        self.pieces().iter().map(Bytes::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The file in one piece: shared when it is one already, else copied.
    pub fn whole(&self) -> Bytes {
        match &self.0 {
            Pieces::One(one) => one.clone(),
            Pieces::Many(many) => Bytes::from(many.concat()),
        }
    }

    pub fn to_vec(&self) -> Vec<u8> {
        self.pieces().concat()
    }

    /// A response body of the file, sent piece by piece (none is copied),
    /// its length known.
    pub fn body(&self) -> Body {
        match &self.0 {
            Pieces::One(one) => Body::from(one.clone()),
            Pieces::Many(many) => Body::new(PiecesBody {
                pieces: Arc::clone(many),
                next: 0,
                left: self.len() as u64,
            }),
        }
    }
}

impl From<Bytes> for FileBytes {
    fn from(bytes: Bytes) -> Self {
        FileBytes(Pieces::One(bytes))
    }
}

impl From<Vec<u8>> for FileBytes {
    fn from(bytes: Vec<u8>) -> Self {
        FileBytes::from(Bytes::from(bytes))
    }
}

/// Equal bytes, however they are cut into pieces; a piece shared by both
/// at the same place is not read.
impl PartialEq for FileBytes {
    fn eq(&self, other: &Self) -> bool {
        if self.len() != other.len() {
            return false;
        }
        let (mut a, mut b) = (self.pieces().iter(), other.pieces().iter());
        let (mut x, mut y): (&[u8], &[u8]) = (&[], &[]);
        loop {
            if x.is_empty() {
                match a.next() {
                    Some(p) => x = p,
                    None => return y.is_empty() && b.all(Bytes::is_empty),
                }
            }
            if y.is_empty() {
                match b.next() {
                    Some(p) => y = p,
                    None => return x.is_empty() && a.all(Bytes::is_empty),
                }
            }
            let n = x.len().min(y.len());
            let same_place = std::ptr::eq(x.as_ptr(), y.as_ptr());
            if !same_place && x[..n] != y[..n] {
                return false;
            }
            (x, y) = (&x[n..], &y[n..]);
        }
    }
}

impl Eq for FileBytes {}

/// A file of several pieces as a response body: one frame per piece.
struct PiecesBody {
    pieces: Arc<[Bytes]>,
    next: usize,
    left: u64,
}

impl http_body::Body for PiecesBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let Some(piece) = self.pieces.get(self.next).cloned() else {
            return Poll::Ready(None);
        };
        self.next += 1;
        self.left -= piece.len() as u64;
        Poll::Ready(Some(Ok(Frame::data(piece))))
    }

    fn is_end_stream(&self) -> bool {
        self.next >= self.pieces.len()
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.left)
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

    fn file(pieces: &[&'static str]) -> FileBytes {
        FileBytes::of_pieces(
            pieces
                .iter()
                .map(|p| Bytes::from_static(p.as_bytes()))
                .collect(),
        )
    }

    #[test]
    fn files_are_equal_by_their_bytes_however_cut() {
        let whole = file(&["[1,2,3]"]);
        assert_eq!(whole, file(&["[1", ",2,", "", "3]"]));
        assert_eq!(file(&["[1", ",2,", "3]"]), file(&["[1,", "2", ",3]"]));
        assert_ne!(whole, file(&["[1,2,4]"]));
        assert_ne!(whole, file(&["[1,2,3", "]]"]));
        assert_ne!(file(&["ab", "c"]), file(&["a", "bd"]));
        assert_eq!(file(&[]), file(&["", ""]));
        assert_eq!(file(&["[1", ",2,", "3]"]).to_vec(), b"[1,2,3]");
        assert_eq!(file(&["[1", ",2,", "3]"]).whole(), "[1,2,3]");
    }

    #[test]
    fn a_body_of_pieces_sends_each_and_says_its_length() {
        use http_body::Body as _;
        let body = file(&["ab", "", "cde", "f"]).body();
        assert_eq!(body.size_hint().exact(), Some(6));
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let sent = runtime
            .block_on(axum::body::to_bytes(body, usize::MAX))
            .unwrap();
        assert_eq!(sent, "abcdef");
    }

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
