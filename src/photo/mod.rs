//! Profile photos → the copies a site publishes.
//!
//! A phone photo is several megabytes and carries where it was taken (GPS)
//! and the phone's make in its EXIF block. The site never publishes the
//! original: each photo is decoded ([`decode`]: JPEG, PNG, WebP, upright),
//! resized to the widths the theme shows ([`WIDTHS`]) and encoded again as
//! JPEG from its pixels alone ([`encode`]), so no metadata survives. The
//! copies are kept between builds in a cache outside the site ([`cache`]).
//!
//! This runs after [`crate::model::assemble`] and before rendering: it fills
//! [`crate::model::Photo::copies`], which the renderer publishes.

pub mod cache;
pub mod decode;
pub mod encode;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use cache::PhotoCache;

use crate::diagnostic::photo::PhotoProblem;
use crate::diagnostic::{Diagnostic, Diagnostics, Problem};
use crate::model::Site;

/// The copy on list pages: the theme's avatar is 64 CSS pixels, twice that
/// for phone screens.
pub const LIST_WIDTH: u32 = 128;
/// The copies on the profile page (`srcset`): the portrait is at most
/// 13rem (208 CSS pixels) wide, at 1.5× and 3× density.
pub const PROFILE_WIDTHS: [u32; 2] = [320, 640];
/// The copy shared on social networks (`og:image`), which ask for 1200.
pub const SHARE_WIDTH: u32 = 1200;
/// Every width published (narrower for a narrower photo, never wider).
pub const WIDTHS: [u32; 4] = [
    LIST_WIDTH,
    PROFILE_WIDTHS[0],
    PROFILE_WIDTHS[1],
    SHARE_WIDTH,
];

/// The largest photo file read: 64 MiB, five times a 50-megapixel JPEG.
pub const MAX_PHOTO_BYTES: u64 = 64 * 1024 * 1024;

/// The environment variable naming the cache folder.
pub const CACHE_VARIABLE: &str = "VINHDANH_CACHE";

/// The cache folder: `explicit` if given, else `VINHDANH_CACHE`, else
/// `vinhdanh` in the user's cache folder (`~/.cache` on Linux).
pub fn cache_folder(explicit: Option<&Path>) -> Option<PathBuf> {
    let chosen = explicit
        .map(Path::to_path_buf)
        .or_else(|| {
            std::env::var_os(CACHE_VARIABLE)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(|| dirs::cache_dir().map(|d| d.join("vinhdanh")))?;
    std::path::absolute(&chosen).ok()
}

/// Opens the cache in `folder` for a site in `root` building into
/// `output`: refused inside either (the cache is neither content nor a
/// published file).
pub fn open_cache(
    folder: Option<PathBuf>,
    root: &Path,
    output: &Path,
    write: bool,
) -> Result<PhotoCache, Problem> {
    let refuse = |folder: String, detail: &str| {
        Problem::Photo(PhotoProblem::Cache {
            folder,
            detail: detail.to_owned(),
        })
    };
    let Some(folder) = folder else {
        return Err(refuse(
            CACHE_VARIABLE.to_owned(),
            "no cache folder is known for this user",
        ));
    };
    let inside = |outer: &Path| {
        let outer = std::path::absolute(outer).unwrap_or_else(|_| outer.to_path_buf());
        folder.starts_with(&outer)
            || matches!(
                (folder.canonicalize(), outer.canonicalize()),
                (Ok(f), Ok(o)) if f.starts_with(&o)
            )
    };
    if inside(root) {
        return Err(refuse(
            folder.display().to_string(),
            "it is inside the site's folder",
        ));
    }
    let output = if output.is_absolute() {
        output.to_path_buf()
    } else {
        root.join(output)
    };
    if inside(&output) {
        return Err(refuse(
            folder.display().to_string(),
            "it is inside the output folder",
        ));
    }
    Ok(PhotoCache::new(&folder, write))
}

/// Fills the copies of every profile's photo, in parallel; each problem
/// names the profile file and the line of its `photo`.
pub fn publish(site: &mut Site, cache: &PhotoCache) -> Result<(), Diagnostics> {
    let results: Vec<(usize, Result<_, Problem>)> = site
        .profiles
        .par_iter()
        .enumerate()
        .filter_map(|(i, p)| p.photo.as_ref().map(|photo| (i, cache.copies(photo))))
        .collect();
    let mut problems = Diagnostics::new();
    for (i, result) in results {
        let profile = &mut site.profiles[i];
        let Some(photo) = profile.photo.as_mut() else {
            continue;
        };
        match result {
            Ok(copies) => photo.copies = copies,
            Err(problem) => {
                problems.push(Diagnostic::at(&profile.source, photo.line, None, problem))
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.sorted())
    }
}
