//! Photo bytes → upright pixels, or the reason they are not a photo
//! vinhdanh publishes.
//!
//! Only JPEG, PNG and WebP are decoded, the format told by the bytes, never
//! by the file name. Decoder limits refuse an image that claims more pixels
//! than [`MAX_SIDE`] before its pixels are allocated. The EXIF orientation
//! is applied here, since the copies keep no EXIF to say it.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits};

use crate::diagnostic::photo::PhotoProblem;

/// The longest side decoded, in pixels: twice a 108-megapixel phone
/// photo's long side (12,000), far above what a site needs.
pub const MAX_SIDE: u32 = 16_384;
/// The most memory one decode may take: a 16,384 × 8,192 RGBA image.
const MAX_ALLOC: u64 = 512 * 1024 * 1024;

/// Decodes `bytes` (the photo `name` as the profile writes it) upright.
pub fn decode(bytes: &[u8], name: &str) -> Result<DynamicImage, PhotoProblem> {
    let photo = name.to_owned();
    let format = sniff(bytes).map_err(|format| match format {
        Some(format) => PhotoProblem::Unsupported {
            photo: photo.clone(),
            format,
        },
        None => PhotoProblem::NotAnImage {
            photo: photo.clone(),
        },
    })?;
    // The JPEG decoder fills a cut-short image with grey rather than fail.
    if format == ImageFormat::Jpeg && !jpeg_has_end(bytes) {
        return Err(PhotoProblem::Damaged {
            photo,
            detail: "no end of image marker".to_owned(),
        });
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| problem(e, bytes, format, &photo))?;
    let orientation = decoder
        .orientation()
        .map_err(|e| problem(e, bytes, format, &photo))?;
    let mut image =
        DynamicImage::from_decoder(decoder).map_err(|e| problem(e, bytes, format, &photo))?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// The format of `bytes` when vinhdanh reads it; otherwise the name of
/// the format it is, when known.
fn sniff(bytes: &[u8]) -> Result<ImageFormat, Option<String>> {
    match image::guess_format(bytes) {
        Ok(f @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) => Ok(f),
        Ok(ImageFormat::Avif) => Err(Some("AVIF".to_owned())),
        Ok(other) => Err(Some(
            other
                .extensions_str()
                .first()
                .map_or_else(|| format!("{other:?}"), |e| e.to_uppercase()),
        )),
        Err(_) if is_heif(bytes) => Err(Some("HEIC".to_owned())),
        Err(_) => Err(None),
    }
}

/// Whether `bytes` start like a HEIF file (`ftyp` box with an HEIC brand):
/// what an iPhone saves by default.
fn is_heif(bytes: &[u8]) -> bool {
    const BRANDS: [&[u8]; 7] = [
        b"heic", b"heix", b"heim", b"heis", b"hevc", b"mif1", b"msf1",
    ];
    bytes.get(4..8) == Some(b"ftyp") && bytes.get(8..12).is_some_and(|b| BRANDS.contains(&b))
}

/// Whether a JPEG's image data is followed by its end marker (FF D9).
/// The segments before the first scan are stepped over by their lengths
/// (an EXIF thumbnail holds a marker of its own); inside scan data a byte
/// FF is always followed by 00 or a restart or scan marker, so the first
/// FF D9 after the first scan ends the image. Phones may append more
/// (a motion photo's video) after it.
fn jpeg_has_end(bytes: &[u8]) -> bool {
    let mut at = 2;
    while let (Some(&0xFF), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) {
        let Some(len) = bytes.get(at + 2..at + 4) else {
            return false;
        };
        let len = usize::from(u16::from_be_bytes([len[0], len[1]]));
        at += 2 + len;
        if marker == 0xDA {
            return bytes
                .get(at..)
                .is_some_and(|scan| scan.windows(2).any(|w| w == [0xFF, 0xD9]));
        }
    }
    false
}

fn problem(e: ImageError, bytes: &[u8], format: ImageFormat, photo: &str) -> PhotoProblem {
    let photo = photo.to_owned();
    match e {
        ImageError::Limits(_) => {
            let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
                .into_dimensions()
                .unwrap_or((0, 0));
            PhotoProblem::TooManyPixels {
                photo,
                width,
                height,
                limit: MAX_SIDE,
            }
        }
        ImageError::Unsupported(u) => PhotoProblem::Unsupported {
            photo,
            format: u.to_string(),
        },
        other => PhotoProblem::Damaged {
            photo,
            detail: other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut out = Vec::new();
        DynamicImage::new_rgb8(width, height)
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    /// The CRC of a PNG chunk, so the edited header is a valid one.
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn a_heic_file_is_named_as_such() {
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
        assert_eq!(
            decode(heic, "a.heic").unwrap_err(),
            PhotoProblem::Unsupported {
                photo: "a.heic".into(),
                format: "HEIC".into()
            }
        );
    }

    #[test]
    fn text_is_not_an_image() {
        assert!(matches!(
            decode(b"Le Van An\n", "a.jpg"),
            Err(PhotoProblem::NotAnImage { .. })
        ));
    }

    #[test]
    fn an_image_claiming_too_many_pixels_is_refused_before_decoding() {
        // A PNG header claiming 100,000 × 100,000 pixels (no pixel data):
        // decoding it would allocate 30 GB.
        let mut bytes = png(1, 1);
        bytes[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        bytes[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        let crc = crc32(&bytes[12..29]);
        bytes[29..33].copy_from_slice(&crc.to_be_bytes());
        assert!(matches!(
            decode(&bytes, "a.png"),
            Err(PhotoProblem::TooManyPixels {
                width: 100_000,
                height: 100_000,
                ..
            })
        ));
    }

    #[test]
    fn a_jpeg_ends_after_its_scan_not_in_its_exif_thumbnail() {
        let mut jpeg = Vec::new();
        DynamicImage::new_rgb8(16, 16)
            .write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg)
            .unwrap();
        assert!(jpeg_has_end(&jpeg));
        let mut appended = jpeg.clone();
        appended.extend_from_slice(b"....ftypmp42 motion photo video");
        assert!(jpeg_has_end(&appended), "data after the end is allowed");
        let cut = &jpeg[..jpeg.len() - 2];
        assert!(!jpeg_has_end(cut));
        // A thumbnail's end marker inside APP1, before the image's scan.
        let mut with_thumb = jpeg[..2].to_vec();
        with_thumb.extend_from_slice(&[0xFF, 0xE1, 0, 6, 0xFF, 0xD9, 0xFF, 0xD9]);
        with_thumb.extend_from_slice(&cut[2..]);
        assert!(!jpeg_has_end(&with_thumb));
    }

    #[test]
    fn a_cut_short_image_is_damaged() {
        let bytes = png(64, 64);
        assert!(matches!(
            decode(&bytes[..bytes.len() / 2], "a.png"),
            Err(PhotoProblem::Damaged { .. })
        ));
    }
}
