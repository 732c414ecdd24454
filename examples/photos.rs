//! Gives profiles of a generated site a 12-megapixel phone-sized JPEG each,
//! for the photo benchmark (`scripts/bench-photos`).
//!
//!     cargo run --release --example photos -- SITE N
//!
//! One 4000 × 3000 picture (gradients and grain, about as hard to compress
//! as a photo) is encoded once; each profile gets it with its own comment
//! segment, so every file has different bytes and the photo cache cannot
//! share their copies. The first N profiles (by file name, translations
//! left out) get `photo = "<stem>.jpg"` as the first line of their front
//! matter.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(site), Some(Ok(n))) = (args.first(), args.get(1).map(|n| n.parse::<usize>())) else {
        eprintln!("usage: photos SITE N");
        return ExitCode::FAILURE;
    };
    match add_photos(Path::new(site), n) {
        Ok(done) => {
            println!("{done} profiles got a 12-megapixel photo");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("photos: {e}");
            ExitCode::FAILURE
        }
    }
}

fn add_photos(site: &Path, n: usize) -> Result<usize, Box<dyn std::error::Error>> {
    let dir = site.join("content/profiles");
    let mut profiles: Vec<PathBuf> = fs::read_dir(&dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".md") && name.matches('.').count() == 1
        })
        .collect();
    profiles.sort();
    let jpeg = picture()?;
    let mut done = 0;
    for md in profiles.iter().take(n) {
        let stem = md.file_stem().and_then(|s| s.to_str()).ok_or("file name")?;
        let text = fs::read_to_string(md)?;
        let Some(rest) = text.strip_prefix("+++\n") else {
            continue;
        };
        if !rest.starts_with("photo = ") {
            fs::write(md, format!("+++\nphoto = \"{stem}.jpg\"\n{rest}"))?;
        }
        fs::write(dir.join(format!("{stem}.jpg")), with_comment(&jpeg, stem))?;
        done += 1;
    }
    Ok(done)
}

/// 4000 × 3000 pixels of gradients and grain, as JPEG of quality 90.
fn picture() -> Result<Vec<u8>, image::ImageError> {
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let image = RgbImage::from_fn(4000, 3000, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let grain = (seed % 24) as u32;
        let r = (x * 200 / 4000 + grain) as u8;
        let g = (y * 180 / 3000 + grain) as u8;
        let b = (((x + y) / 40) % 160 + grain) as u8;
        Rgb([r, g, b])
    });
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 90).encode_image(&image)?;
    Ok(out)
}

/// `jpeg` with a comment segment (COM) naming `what` right after its start.
fn with_comment(jpeg: &[u8], what: &str) -> Vec<u8> {
    let comment = format!("vinhdanh benchmark photo {what}");
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xFE]);
    out.extend_from_slice(&((comment.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(comment.as_bytes());
    out.extend_from_slice(&jpeg[2..]);
    out
}
