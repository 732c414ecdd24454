//! The QR code a printed profile or decision page carries, so a reader of
//! the paper copy can open the page: made at build time (no outside
//! service), drawn as one SVG path inline in the page, which the screen
//! stylesheet hides and the print stylesheet shows.

use qrcode::EcLevel;
use qrcode::canvas::{Canvas, MaskPattern};
use serde::Serialize;

/// `page.qr`: a QR code as an SVG path over a square of `size` modules
/// (the quiet zone around it included).
#[derive(Serialize)]
pub struct QrValue {
    /// The side of the square, in modules: the `viewBox` is `0 0 size size`.
    pub size: usize,
    /// The dark modules as one path: `M x y h n v1 h-n z` per run of a row
    /// (digits and those letters only: given to templates as safe, so
    /// that its kilobytes are not scanned for escaping on every page).
    #[serde(serialize_with = "super::page::safe_str")]
    pub path: String,
}

/// `page.qr` of a page that carries one: the address it encodes, drawn
/// ([`qr`]) only when the page is rendered. A page's value is built and
/// hashed on every preview rebuild for every page, most of them not
/// rendered again; drawing each code there was 7% of such a rebuild
/// (perf, 10,000 profiles + 200,000 recipients). The same address draws
/// the same code, so the address is what is hashed.
#[derive(Hash)]
pub struct QrOf(pub String);

impl Serialize for QrOf {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        qr(&self.0).serialize(serializer)
    }
}

/// The modules left light around the code, as scanners need.
const QUIET_ZONE: usize = 2;

/// The QR code of `url`, or `None` if the URL is too long for one (a
/// QR code holds about 2,900 bytes at the lowest correction level).
pub fn qr(url: &str) -> Option<QrValue> {
    // Level L: the smallest code, enough for a clean print. One fixed mask
    // rather than the best of eight: any mask scans, and scoring all eight
    // cost more than the rest of a page's build (every profile and
    // decision page has a code).
    let bits = qrcode::bits::encode_auto(url.as_bytes(), EcLevel::L).ok()?;
    let version = bits.version();
    let (data, ec) =
        qrcode::ec::construct_codewords(&bits.into_bytes(), version, EcLevel::L).ok()?;
    let mut canvas = Canvas::new(version, EcLevel::L);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    canvas.apply_mask(MaskPattern::Checkerboard);
    let width = usize::try_from(version.width()).ok()?;
    let colors = canvas.into_colors();
    // Bytes, not a String: pushing a char costs its UTF-8 encoding.
    let mut path = Vec::with_capacity(width * width * 2);
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] != qrcode::Color::Dark {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && row[x] == qrcode::Color::Dark {
                x += 1;
            }
            // `M{x} {y}h{run}v1h-{run}z`, written digit by digit: the
            // formatting machinery cost more than the code itself.
            let run = x - start;
            path.push(b'M');
            push_number(&mut path, start + QUIET_ZONE);
            path.push(b' ');
            push_number(&mut path, y + QUIET_ZONE);
            path.push(b'h');
            push_number(&mut path, run);
            path.extend_from_slice(b"v1h-");
            push_number(&mut path, run);
            path.push(b'z');
        }
    }
    Some(QrValue {
        size: width + 2 * QUIET_ZONE,
        path: String::from_utf8(path).ok()?,
    })
}

/// Appends `n` in decimal (a QR code is at most 177 modules wide, so
/// `n` < 1000).
fn push_number(out: &mut Vec<u8>, n: usize) {
    let digit = |d: usize| b'0' + (d % 10) as u8;
    if n >= 100 {
        out.push(digit(n / 100));
    }
    if n >= 10 {
        out.push(digit(n / 10));
    }
    out.push(digit(n));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_address_makes_a_small_code_of_runs() {
        let qr =
            qr("https://thiduakhenthuong.example.gov.vn/ho-so/ban-dan-toc-tinh-cao-bang/").unwrap();
        // Version 5 (37 modules) holds 74 bytes at level L… plus the quiet zone.
        assert!(qr.size <= 41 + 2 * QUIET_ZONE, "{}", qr.size);
        assert!(qr.path.starts_with('M'));
        assert!(qr.path.len() < 6_000, "{} bytes", qr.path.len());
        // The finder pattern's top row: a run of 7 dark modules at the corner.
        assert!(qr.path.starts_with("M2 2h7v1h-7z"), "{}", &qr.path[..40]);
    }
}
