//! The photo cache: published copies kept between builds, outside the
//! site and its output (the user's cache folder, or `VINHDANH_CACHE`).
//!
//! It is the one place vinhdanh writes outside the output folder, and the
//! one it reads outside the site. A photo is found by its path, size and
//! modification time first (no read at all), then by the hash of its
//! bytes (a copied or touched file), and only then decoded and encoded.
//! Every file is written under a temporary name and renamed, so a build
//! stopped half-way leaves no half-written copy; the list of a photo's
//! copies is written last and marks them complete.
//!
//! ```text
//! <cache>/photos-1/by-file/<hash of path, size, mtime>   → content hash
//! <cache>/photos-1/<content hash>/sizes                  → "w h" lines
//! <cache>/photos-1/<content hash>/<w>x<h>.jpg
//! ```

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::UNIX_EPOCH;

use super::{MAX_PHOTO_BYTES, WIDTHS, decode, encode};
use crate::diagnostic::Problem;
use crate::diagnostic::messages::Unreadable;
use crate::diagnostic::photo::PhotoProblem;
use crate::model::{Photo, PhotoCopy};
use crate::sitefs::{self, ReadError};

/// The cache's layout version: a new encoder or new sizes start afresh.
const LAYOUT: &str = "photos-1";

/// Where the copies are kept, and whether this run may add to it
/// (`check` may not).
#[derive(Debug)]
pub struct PhotoCache {
    dir: PathBuf,
    write: bool,
    encoded: AtomicUsize,
    temp: AtomicUsize,
}

impl PhotoCache {
    /// The cache in `folder` (see [`super::cache_folder`]); `write`:
    /// whether new copies are stored.
    pub fn new(folder: &Path, write: bool) -> Self {
        PhotoCache {
            dir: folder.join(LAYOUT),
            write,
            encoded: AtomicUsize::new(0),
            temp: AtomicUsize::new(0),
        }
    }

    /// How many photos this cache decoded and encoded so far (not found
    /// in the cache).
    pub fn encoded(&self) -> usize {
        self.encoded.load(Ordering::Relaxed)
    }

    /// The copies of `photo`, from the cache or newly made (and stored
    /// when writing). Without writing, a photo not in the cache is still
    /// decoded, so every problem is found; its copies are not made.
    pub fn copies(&self, photo: &Photo) -> Result<Vec<PhotoCopy>, Problem> {
        let meta = fs::metadata(&photo.file).map_err(|e| unreadable(photo, e.into()))?;
        if meta.len() > MAX_PHOTO_BYTES {
            return Err(too_large(photo, meta.len()));
        }
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        let by_file = self.dir.join("by-file").join(
            blake3::hash(format!("{}\0{}\0{mtime}", photo.file.display(), meta.len()).as_bytes())
                .to_hex()
                .as_str(),
        );
        if let Some(copies) = fs::read_to_string(&by_file)
            .ok()
            .and_then(|hash| self.stored(hash.trim()))
        {
            return Ok(copies);
        }

        let bytes = sitefs::read_limited(&photo.file, MAX_PHOTO_BYTES).map_err(|e| match e {
            ReadError::TooLarge { bytes, .. } => too_large(photo, bytes),
            e => unreadable(photo, e),
        })?;
        let hash = blake3::hash(&bytes).to_hex();
        if let Some(copies) = self.stored(&hash) {
            self.store(&by_file, hash.as_bytes())
                .map_err(|e| self.problem(&e))?;
            return Ok(copies);
        }

        let image = decode::decode(&bytes, &photo.name).map_err(Problem::Photo)?;
        drop(bytes);
        let sizes = encode::sizes(image.width(), image.height(), &WIDTHS);
        let copies: Vec<PhotoCopy> = sizes
            .iter()
            .map(|&(width, height)| PhotoCopy {
                width,
                height,
                file: self.copy_file(&hash, width, height),
            })
            .collect();
        if !self.write {
            return Ok(copies);
        }
        let encoded = encode::copies(&image, &sizes).map_err(|detail| {
            Problem::Photo(PhotoProblem::Damaged {
                photo: photo.name.clone(),
                detail,
            })
        })?;
        self.encoded.fetch_add(1, Ordering::Relaxed);
        let write = || -> std::io::Result<()> {
            fs::create_dir_all(self.dir.join(hash.as_str()))?;
            for (copy, bytes) in copies.iter().zip(&encoded) {
                self.store(&copy.file, bytes)?;
            }
            let list: String = sizes.iter().map(|(w, h)| format!("{w} {h}\n")).collect();
            self.store(&self.dir.join(hash.as_str()).join("sizes"), list.as_bytes())?;
            self.store(&by_file, hash.as_bytes())
        };
        write().map_err(|e| self.problem(&e))?;
        Ok(copies)
    }

    /// The copies stored for the content `hash`, if all are there.
    fn stored(&self, hash: &str) -> Option<Vec<PhotoCopy>> {
        if hash.is_empty() || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let list = fs::read_to_string(self.dir.join(hash).join("sizes")).ok()?;
        let copies = list
            .lines()
            .map(|line| {
                let (w, h) = line.split_once(' ')?;
                let (width, height) = (w.parse().ok()?, h.parse().ok()?);
                let file = self.copy_file(hash, width, height);
                file.is_file().then_some(PhotoCopy {
                    width,
                    height,
                    file,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        (!copies.is_empty()).then_some(copies)
    }

    fn copy_file(&self, hash: &str, width: u32, height: u32) -> PathBuf {
        self.dir.join(hash).join(format!("{width}x{height}.jpg"))
    }

    /// Writes `bytes` to `path` through a temporary file renamed over it.
    fn store(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        if !self.write {
            return Ok(());
        }
        let dir = path.parent().unwrap_or(&self.dir);
        fs::create_dir_all(dir)?;
        let n = self.temp.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!(".tmp-{}-{n}", std::process::id()));
        fs::write(&temp, bytes)?;
        fs::rename(&temp, path).inspect_err(|_| {
            let _ = fs::remove_file(&temp);
        })
    }

    fn problem(&self, e: &std::io::Error) -> Problem {
        Problem::Photo(PhotoProblem::Cache {
            folder: self.dir.display().to_string(),
            detail: e.to_string(),
        })
    }
}

fn too_large(photo: &Photo, bytes: u64) -> Problem {
    Problem::Photo(PhotoProblem::TooManyBytes {
        photo: photo.name.clone(),
        bytes,
        limit: MAX_PHOTO_BYTES,
    })
}

fn unreadable(photo: &Photo, e: ReadError) -> Problem {
    e.problem(&photo.name, Unreadable::File)
}
