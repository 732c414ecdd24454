//! Upright pixels → the published copies: resized, flattened onto white,
//! encoded as baseline JPEG, which every phone browser shows.
//!
//! The encoder is given pixels only, so a copy holds no EXIF, XMP, ICC or
//! comment block from the original: nothing is carried over to strip.

use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, GenericImageView, RgbImage};

/// JPEG quality of the copies: small files, no visible blocks at the
/// sizes shown.
const QUALITY: u8 = 80;

/// The widths published for a photo `width` × `height` pixels wide, each
/// with its height (aspect ratio kept): every one of `targets` no wider
/// than the photo (never enlarged), without repeats, narrowest first.
pub fn sizes(width: u32, height: u32, targets: &[u32]) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for &target in targets {
        let w = target.min(width).max(1);
        let h = scaled(height, w, width);
        if !out.iter().any(|&(ow, _)| ow == w) {
            out.push((w, h));
        }
    }
    out.sort_unstable();
    out
}

/// `height` scaled by `to / from`, rounded, at least 1.
fn scaled(height: u32, to: u32, from: u32) -> u32 {
    let h = (u64::from(height) * u64::from(to) + u64::from(from) / 2) / u64::from(from.max(1));
    u32::try_from(h).unwrap_or(u32::MAX).max(1)
}

/// The copies of `image` at `sizes` (from [`sizes`]), JPEG bytes each.
/// Each is made from the next larger one, so the full image is scaled
/// down only once.
pub fn copies(image: &DynamicImage, sizes: &[(u32, u32)]) -> Result<Vec<Vec<u8>>, String> {
    let mut out = vec![Vec::new(); sizes.len()];
    let mut from: Option<DynamicImage> = None;
    for (i, &(w, h)) in sizes.iter().enumerate().rev() {
        let source = from.as_ref().unwrap_or(image);
        let resized = if source.dimensions() == (w, h) {
            source.clone()
        } else {
            source.thumbnail_exact(w, h)
        };
        out[i] = jpeg(&resized)?;
        from = Some(resized);
    }
    Ok(out)
}

fn jpeg(image: &DynamicImage) -> Result<Vec<u8>, String> {
    let rgb = flatten(image);
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, QUALITY)
        .encode_image(&rgb)
        .map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// RGB pixels; transparent parts (a PNG's) onto white, as the page shows them.
fn flatten(image: &DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over = |c: u8| {
            let (c, a) = (u16::from(c), u16::from(a));
            ((c * a + 255 * (255 - a) + 127) / 255) as u8
        };
        image::Rgb([over(r), over(g), over(b)])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_keep_the_aspect_ratio_and_never_enlarge() {
        let targets = [128, 320, 640, 1200];
        assert_eq!(
            sizes(4000, 3000, &targets),
            [(128, 96), (320, 240), (640, 480), (1200, 900)]
        );
        assert_eq!(
            sizes(360, 450, &targets),
            [(128, 160), (320, 400), (360, 450)]
        );
        assert_eq!(sizes(50, 20, &targets), [(50, 20)]);
        assert_eq!(sizes(3000, 1, &targets)[0], (128, 1), "never 0 pixels high");
    }

    #[test]
    fn transparent_pixels_become_white() {
        let clear = DynamicImage::new_rgba8(2, 2);
        assert_eq!(flatten(&clear).get_pixel(0, 0).0, [255, 255, 255]);
    }
}
