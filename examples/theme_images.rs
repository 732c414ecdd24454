//! Draws the default theme's images: the favicon fallback (`favicon.png`,
//! 32 px), the home-screen icon (`apple-touch-icon.png`, 180 px) and the
//! sharing image used when a page has no photo of its own (`share.png`,
//! 1200 × 630, the size Facebook and Zalo show without cropping). They are
//! the emblem of `favicon.svg` (a gold star on a red disc) drawn pixel by
//! pixel, and written as PNGs without any metadata chunk.
//!
//!   cargo run --example theme_images -- themes/default/static

use std::path::PathBuf;

use image::{ImageFormat, Rgba, RgbaImage};

/// The theme's red and gold (style.css `--red-deep`, `--gold-light`).
const RED: [u8; 3] = [0x6e, 0x14, 0x14];
const GOLD: [u8; 3] = [0xf2, 0xd2, 0x7d];

/// The star of `favicon.svg`, in a 100 × 100 box.
const STAR: [(f64, f64); 10] = [
    (50.0, 14.0),
    (59.4, 38.6),
    (85.6, 39.4),
    (65.0, 55.6),
    (72.2, 80.8),
    (50.0, 66.0),
    (27.8, 80.8),
    (35.0, 55.6),
    (14.4, 39.4),
    (40.6, 38.6),
];

fn inside_star(x: f64, y: f64) -> bool {
    // Even-odd rule: a ray to the right crosses the outline an odd number
    // of times from inside.
    let previous = STAR.iter().cycle().skip(STAR.len() - 1);
    let mut inside = false;
    for (&(xi, yi), &(xj, yj)) in STAR.iter().zip(previous) {
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
    }
    inside
}

/// The emblem's colour at a point of its 100 × 100 box: star, disc or nothing.
fn emblem(x: f64, y: f64) -> Option<[u8; 3]> {
    if inside_star(x, y) {
        Some(GOLD)
    } else if (x - 50.0).powi(2) + (y - 50.0).powi(2) <= 48.0 * 48.0 {
        Some(RED)
    } else {
        None
    }
}

/// An image `width` × `height` on `background`, with the emblem `size` px
/// wide centred in it; each pixel averages 4 × 4 samples for smooth edges.
fn draw(width: u32, height: u32, size: f64, background: Option<[u8; 3]>) -> RgbaImage {
    let (left, top) = ((width as f64 - size) / 2.0, (height as f64 - size) / 2.0);
    RgbaImage::from_fn(width, height, |px, py| {
        let (mut rgb, mut alpha) = ([0.0f64; 3], 0.0f64);
        for sy in 0..4 {
            for sx in 0..4 {
                let x = (px as f64 + (sx as f64 + 0.5) / 4.0 - left) / size * 100.0;
                let y = (py as f64 + (sy as f64 + 0.5) / 4.0 - top) / size * 100.0;
                if let Some(c) = emblem(x, y).or(background) {
                    for k in 0..3 {
                        rgb[k] += c[k] as f64;
                    }
                    alpha += 1.0;
                }
            }
        }
        if alpha == 0.0 {
            return Rgba([0, 0, 0, 0]);
        }
        let c = |k: usize| (rgb[k] / alpha).round() as u8;
        Rgba([c(0), c(1), c(2), (alpha / 16.0 * 255.0).round() as u8])
    })
}

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: cargo run --example theme_images -- <folder>");
        std::process::exit(2);
    }));
    let images = [
        ("favicon.png", draw(32, 32, 32.0, None)),
        ("apple-touch-icon.png", draw(180, 180, 150.0, Some(RED))),
        ("share.png", draw(1200, 630, 420.0, Some(RED))),
    ];
    for (name, image) in images {
        let path = dir.join(name);
        image
            .save_with_format(&path, ImageFormat::Png)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        println!("{}", path.display());
    }
}
