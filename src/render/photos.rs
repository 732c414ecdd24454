//! Photo copies as pages use them: where each is published, beside the
//! profile's page of the default language, and the values templates see
//! ([`PortraitValue`]). The copies themselves are made by [`crate::photo`].

use serde::Serialize;

use crate::model::{Photo, PhotoCopy};
use crate::photo::{LIST_WIDTH, PROFILE_WIDTHS, SHARE_WIDTH};
use crate::urls::Urls;

/// The site path of a copy, in the profile's folder `dir` (`/ho-so/a/`):
/// `/ho-so/a/photo-320.jpg`. The name is ASCII, so no part needs encoding.
pub fn copy_path(dir: &str, copy: &PhotoCopy) -> String {
    format!("{dir}photo-{}.jpg", copy.width)
}

/// The narrowest copy at least `width` wide, or the widest there is.
fn copy_for(photo: &Photo, width: u32) -> Option<&PhotoCopy> {
    photo
        .copies
        .iter()
        .find(|c| c.width >= width)
        .or(photo.copies.last())
}

/// The URL of the copy shown on list pages (avatars).
pub fn list_url(urls: &Urls, dir: &str, photo: &Photo) -> Option<String> {
    copy_for(photo, LIST_WIDTH).map(|c| urls.href(&copy_path(dir, c)))
}

/// The photo on a profile page and when the page is shared.
#[derive(Debug, Serialize, Hash)]
pub struct PortraitValue {
    /// The smaller profile copy, for `src`.
    pub src: String,
    /// `url 320w, url 640w`, for `srcset`.
    pub srcset: String,
    /// The size of `src`, for `width` and `height` (its aspect ratio).
    pub width: u32,
    pub height: u32,
    /// Absolute URL of the copy for sharing (`og:image`), with its size.
    pub share: String,
    pub share_width: u32,
    pub share_height: u32,
}

/// The portrait values of `photo`, whose copies are in the folder `dir`.
pub fn portrait(urls: &Urls, dir: &str, photo: &Photo) -> Option<PortraitValue> {
    let src = copy_for(photo, PROFILE_WIDTHS[0])?;
    let share = copy_for(photo, SHARE_WIDTH)?;
    let mut set: Vec<&PhotoCopy> = PROFILE_WIDTHS
        .iter()
        .filter_map(|&w| copy_for(photo, w))
        .collect();
    set.dedup_by_key(|c| c.width);
    let srcset = set
        .iter()
        .map(|c| format!("{} {}w", urls.href(&copy_path(dir, c)), c.width))
        .collect::<Vec<_>>()
        .join(", ");
    Some(PortraitValue {
        src: urls.href(&copy_path(dir, src)),
        srcset,
        width: src.width,
        height: src.height,
        share: urls.absolute(&copy_path(dir, share)),
        share_width: share.width,
        share_height: share.height,
    })
}

/// Every copy of `photo` with its site path.
pub fn published<'a>(
    dir: &'a str,
    photo: &'a Photo,
) -> impl Iterator<Item = (String, &'a PhotoCopy)> + 'a {
    photo.copies.iter().map(move |c| (copy_path(dir, c), c))
}
