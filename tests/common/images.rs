//! Test images made in the test itself: plain PNGs and JPEGs, and a JPEG
//! carrying an EXIF block as a phone writes it (GPS position, camera make,
//! orientation).

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, Rgb, RgbImage};

/// The camera make written into [`phone_jpeg`]'s EXIF.
pub const MAKE: &[u8] = b"VinhdanhPhoneMaker";
/// The GPS latitude reference and degrees written into [`phone_jpeg`]'s EXIF,
/// as they appear in its bytes: "N" then 21/1, 1/1, 4/1 (Hà Nội).
pub const GPS_LATITUDE: [u8; 24] = [
    0, 0, 0, 21, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0, 1,
];

/// A `width` × `height` image, red on the left half, blue on the right.
pub fn halves(width: u32, height: u32) -> DynamicImage {
    DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |x, _| {
        if x < width / 2 {
            Rgb([220, 20, 20])
        } else {
            Rgb([20, 20, 220])
        }
    }))
}

pub fn png(width: u32, height: u32) -> Vec<u8> {
    encode(&halves(width, height), ImageFormat::Png)
}

pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    encode(&halves(width, height), ImageFormat::Jpeg)
}

pub fn encode(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut out), format)
        .expect("encode");
    out
}

/// A JPEG of `width` × `height` ([`halves`]) with an APP1 EXIF segment
/// holding `Make`, `Orientation` = `orientation` and a GPS position.
pub fn phone_jpeg(width: u32, height: u32, orientation: u16) -> Vec<u8> {
    let plain = jpeg(width, height);
    let exif = exif(orientation);
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend_from_slice(&u16::try_from(exif.len() + 2).unwrap().to_be_bytes());
    app1.extend_from_slice(&exif);
    // Right after SOI (FF D8), before anything else.
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&app1);
    out.extend_from_slice(&plain[2..]);
    out
}

/// `Exif\0\0` and a big-endian TIFF block: IFD0 with Make, Orientation and
/// a pointer to the GPS IFD (latitude ref, latitude).
fn exif(orientation: u16) -> Vec<u8> {
    let mut make = MAKE.to_vec();
    make.push(0);
    // Offsets are from the start of the TIFF header.
    let ifd0 = 8u32;
    let ifd0_len = 2 + 3 * 12 + 4;
    let make_at = ifd0 + ifd0_len;
    let gps_at = make_at + make.len() as u32;
    let gps_len = 2 + 2 * 12 + 4;
    let lat_at = gps_at + gps_len;

    let mut t = Vec::new();
    t.extend_from_slice(b"MM\0\x2A");
    t.extend_from_slice(&ifd0.to_be_bytes());
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        t.extend_from_slice(&tag.to_be_bytes());
        t.extend_from_slice(&kind.to_be_bytes());
        t.extend_from_slice(&count.to_be_bytes());
        t.extend_from_slice(&value);
    };
    // IFD0: Make (ASCII), Orientation (SHORT), GPS IFD pointer (LONG).
    t.extend_from_slice(&3u16.to_be_bytes());
    entry(&mut t, 0x010F, 2, make.len() as u32, make_at.to_be_bytes());
    let o = orientation.to_be_bytes();
    entry(&mut t, 0x0112, 3, 1, [o[0], o[1], 0, 0]);
    entry(&mut t, 0x8825, 4, 1, gps_at.to_be_bytes());
    t.extend_from_slice(&0u32.to_be_bytes());
    t.extend_from_slice(&make);
    // GPS IFD: GPSLatitudeRef "N", GPSLatitude (3 RATIONAL).
    t.extend_from_slice(&2u16.to_be_bytes());
    entry(&mut t, 0x0001, 2, 2, *b"N\0\0\0");
    entry(&mut t, 0x0002, 5, 3, lat_at.to_be_bytes());
    t.extend_from_slice(&0u32.to_be_bytes());
    t.extend_from_slice(&GPS_LATITUDE);

    let mut out = b"Exif\0\0".to_vec();
    out.extend_from_slice(&t);
    out
}
