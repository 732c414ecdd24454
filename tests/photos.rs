//! Profile photos: the build publishes resized copies without metadata,
//! never the original; bad images are content errors naming the file and
//! the profile's `photo` line; copies are cached outside the site, and
//! `check` never writes the cache.

mod common;

use std::fs;
use std::time::{Duration, SystemTime};

use common::images::{self, GPS_LATITUDE, MAKE};
use common::{TestSite, snapshot};
use vinhdanh::diagnostic::display_path;
use vinhdanh::{Diagnostics, build_site, check_site};

const PROFILE: &str = "content/profiles/le-van-an.md";

/// The profile Lê Văn An with `photo = "<name>"` on line 6, and the photo.
fn with_photo(site: &TestSite, name: &str, bytes: &[u8]) {
    site.write(
        PROFILE,
        &format!(
            "+++\nname = \"Lê Văn An\"\nkind = \"individual\"\nunit = \"Văn phòng Ban\"\nyear = 2021\nphoto = \"{name}\"\n+++\n\nAnh An.\n"
        ),
    );
    site.write_bytes(&format!("content/profiles/{name}"), bytes);
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The one problem of the build, which must be at the `photo` line and say `words`.
fn photo_problem(site: &TestSite, words: &str) -> String {
    let problems: Diagnostics = site.build().unwrap_err();
    let d = problems
        .iter()
        .find(|d| display_path(&d.path) == PROFILE && d.line == Some(6))
        .unwrap_or_else(|| panic!("no problem at {PROFILE}:6; found:\n{problems}"));
    assert!(d.message.contains(words), "{words:?} not in: {d}");
    assert_eq!(problems.len(), 1, "{problems}");
    format!("{d}")
}

#[test]
fn no_published_file_carries_the_photos_metadata_or_equals_it() {
    let site = TestSite::fixture("basic");
    let original = images::phone_jpeg(1600, 1200, 1);
    assert!(contains(&original, MAKE) && contains(&original, &GPS_LATITUDE));
    with_photo(&site, "an.jpg", &original);
    let site = site.built();
    let files = snapshot(&site.out());
    for (path, bytes) in &files {
        assert!(!contains(bytes, MAKE), "{path} holds the camera make");
        assert!(
            !contains(bytes, &GPS_LATITUDE),
            "{path} holds the GPS position"
        );
        assert!(!contains(bytes, b"Exif\0"), "{path} holds an EXIF block");
        assert_ne!(bytes, &original, "{path} is the original");
    }
    let copies: Vec<&str> = files
        .iter()
        .map(|(p, _)| p.as_str())
        .filter(|p| p.contains("photo-"))
        .collect();
    assert_eq!(
        copies,
        [
            "ho-so/le-van-an/photo-1200.jpg",
            "ho-so/le-van-an/photo-128.jpg",
            "ho-so/le-van-an/photo-320.jpg",
            "ho-so/le-van-an/photo-640.jpg",
        ]
    );
    let small = image::load_from_memory(&fs::read(site.out().join(copies[1])).unwrap()).unwrap();
    assert_eq!((small.width(), small.height()), (128, 96), "aspect kept");
    assert!(
        !site.exists("ho-so/le-van-an/an.jpg"),
        "the original is not copied"
    );

    // Lists load the small copy; the profile page the larger ones, with srcset.
    let list = site.page("ho-so/index.html");
    assert!(
        list.contains(r#"src="/ho-so/le-van-an/photo-128.jpg""#),
        "{list}"
    );
    let page = site.page("ho-so/le-van-an/index.html");
    assert!(page.contains(
        r#"srcset="/ho-so/le-van-an/photo-320.jpg 320w, /ho-so/le-van-an/photo-640.jpg 640w""#
    ));
    assert!(page.contains(r#"width="320" height="240""#));
    assert!(
        page.contains("/ho-so/le-van-an/photo-1200.jpg\">"),
        "og:image"
    );
    assert!(
        site.page("en/profiles/le-van-an/index.html")
            .contains("/ho-so/le-van-an/photo-320.jpg")
    );
}

#[test]
fn a_photo_turned_by_exif_orientation_6_comes_out_upright() {
    // The camera was held on its side: the stored pixels are 40 × 20 with red
    // on the left, and orientation 6 says "turn 90° clockwise to show".
    let site = TestSite::fixture("basic");
    with_photo(&site, "an.jpg", &images::phone_jpeg(40, 20, 6));
    let site = site.built();
    let bytes = fs::read(site.out().join("ho-so/le-van-an/photo-20.jpg")).unwrap();
    let upright = image::load_from_memory(&bytes).unwrap().to_rgb8();
    assert_eq!(upright.dimensions(), (20, 40));
    let top = upright.get_pixel(10, 5).0;
    let bottom = upright.get_pixel(10, 35).0;
    assert!(top[0] > 150 && top[2] < 100, "red on top: {top:?}");
    assert!(bottom[2] > 150 && bottom[0] < 100, "blue below: {bottom:?}");
}

#[test]
fn png_and_webp_photos_are_read_and_published_as_jpeg() {
    for (name, format) in [
        ("an.png", image::ImageFormat::Png),
        ("an.webp", image::ImageFormat::WebP),
    ] {
        let site = TestSite::fixture("basic");
        with_photo(
            &site,
            name,
            &images::encode(&images::halves(300, 200), format),
        );
        let site = site.built();
        let bytes = fs::read(site.out().join("ho-so/le-van-an/photo-128.jpg")).unwrap();
        assert_eq!(
            image::guess_format(&bytes).unwrap(),
            image::ImageFormat::Jpeg
        );
    }
}

#[test]
fn a_heic_photo_is_an_error_with_advice_to_save_as_jpeg() {
    let site = TestSite::fixture("basic");
    with_photo(
        &site,
        "an.heic",
        b"\0\0\0\x18ftypheic\0\0\0\0mif1heicmore bytes",
    );
    let d = photo_problem(&site, "the photo \"an.heic\" is a HEIC image");
    assert!(d.contains("Most Compatible"), "advice: {d}");
}

#[test]
fn a_renamed_text_file_is_not_an_image() {
    let site = TestSite::fixture("basic");
    with_photo(&site, "an.jpg", "Lê Văn An, ảnh chân dung".as_bytes());
    photo_problem(&site, "the photo \"an.jpg\" is not an image");
}

#[test]
fn a_cut_short_jpeg_is_damaged() {
    let site = TestSite::fixture("basic");
    let full = images::jpeg(400, 300);
    with_photo(&site, "an.jpg", &full[..full.len() / 2]);
    photo_problem(
        &site,
        "the photo \"an.jpg\" cannot be read: it is damaged or cut short",
    );
}

#[test]
fn an_image_claiming_huge_dimensions_is_refused_before_decoding() {
    // A JPEG whose frame header says 60,000 × 60,000 (10.8 GB of pixels).
    let mut bytes = images::jpeg(64, 64);
    let sof = bytes
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("baseline frame header");
    bytes[sof + 5..sof + 7].copy_from_slice(&60_000u16.to_be_bytes());
    bytes[sof + 7..sof + 9].copy_from_slice(&60_000u16.to_be_bytes());
    let site = TestSite::fixture("basic");
    with_photo(&site, "an.jpg", &bytes);
    photo_problem(&site, "is 60000 × 60000 pixels");
}

#[test]
fn a_photo_file_too_large_is_refused_without_reading_it() {
    let site = TestSite::fixture("basic");
    with_photo(&site, "an.jpg", b"");
    let file = fs::File::options()
        .write(true)
        .open(site.root().join("content/profiles/an.jpg"))
        .unwrap();
    file.set_len(65 * 1024 * 1024).unwrap(); // sparse: no disk used
    photo_problem(&site, "is 65 MB; vinhdanh reads photos of up to 64 MB");
}

#[test]
fn a_second_build_takes_the_copies_from_the_cache() {
    let site = TestSite::fixture("basic");
    with_photo(&site, "an.jpg", &images::jpeg(800, 600));
    let build = || build_site(&site.options()).unwrap().photos_encoded;
    assert_eq!(build(), 1);
    assert_eq!(build(), 0, "size and mtime unchanged");
    // The same bytes written again (a new mtime): found by their hash.
    let photo = site.root().join("content/profiles/an.jpg");
    let later = SystemTime::now() + Duration::from_secs(5);
    fs::File::options()
        .write(true)
        .open(&photo)
        .unwrap()
        .set_modified(later)
        .unwrap();
    assert_eq!(build(), 0, "same bytes");
    fs::write(&photo, images::jpeg(800, 601)).unwrap();
    assert_eq!(build(), 1, "changed bytes");
    let cached = snapshot(&site.cache());
    assert!(
        cached.iter().all(|(p, _)| !p.contains(".tmp-")),
        "{cached:?}"
    );
}

#[test]
fn check_reports_bad_photos_and_never_writes_the_cache() {
    let site = TestSite::fixture("basic");
    with_photo(&site, "an.jpg", &images::jpeg(800, 600));
    check_site(&site.options()).unwrap();
    assert!(!site.cache().exists(), "check wrote the cache");
    site.write("content/profiles/an.jpg", "not a photo");
    let problems = check_site(&site.options()).unwrap_err();
    assert!(
        format!("{problems}").contains("is not an image"),
        "{problems}"
    );
    assert!(!site.cache().exists());
}

#[test]
fn a_cache_inside_the_site_or_its_output_is_refused() {
    let site = TestSite::fixture("basic");
    with_photo(&site, "an.jpg", &images::jpeg(100, 100));
    for inside in [site.root().join(".cache"), site.out().join("cache")] {
        let options = vinhdanh::BuildOptions {
            cache_dir: Some(inside.clone()),
            ..site.options()
        };
        let problems = build_site(&options).unwrap_err();
        assert!(
            format!("{problems}").contains("cannot use the photo cache folder"),
            "{problems}"
        );
        assert!(!inside.exists());
    }
}

#[test]
fn a_photo_with_spaces_and_marks_in_its_name_is_published_under_a_plain_name() {
    let site = TestSite::fixture("basic");
    with_photo(&site, "ảnh đại diện #1.jpg", &images::jpeg(300, 300));
    let site = site.built();
    assert!(site.exists("ho-so/le-van-an/photo-128.jpg"));
    assert!(
        site.page("ho-so/index.html")
            .contains(r#"src="/ho-so/le-van-an/photo-128.jpg""#)
    );
}

#[test]
fn the_preview_encodes_again_only_the_photo_that_changed() {
    let site = TestSite::fixture("basic");
    with_photo(&site, "an.jpg", &images::jpeg(400, 300));
    site.write(
        "content/profiles/tran-thi-binh.md",
        "+++\nname = \"Trần Thị Bình\"\nkind = \"individual\"\nunit = \"Văn phòng Ban\"\nyear = 2022\nphoto = \"binh.jpg\"\n+++\n\nChị Bình.\n",
    );
    site.write_bytes("content/profiles/binh.jpg", &images::jpeg(300, 400));
    let options = vinhdanh::BuildOptions {
        root: site.root().canonicalize().unwrap(),
        drafts: true,
        ..site.options()
    };
    let mut rebuilder = vinhdanh::serve::rebuild::Rebuilder::new(options);
    rebuilder.rebuild(&[], false).unwrap();
    let copies = || -> Vec<String> {
        snapshot(&site.cache())
            .into_iter()
            .map(|(p, _)| p)
            .filter(|p| p.ends_with(".jpg"))
            .collect()
    };
    let before = copies();
    assert_eq!(
        before.len(),
        5,
        "3 copies of the 400 px photo, 2 of the 300 px: {before:?}"
    );

    let binh = site
        .root()
        .canonicalize()
        .unwrap()
        .join("content/profiles/binh.jpg");
    fs::write(&binh, images::jpeg(300, 401)).unwrap();
    let rebuilt = rebuilder
        .rebuild(std::slice::from_ref(&binh), false)
        .unwrap();
    assert!(
        rebuilt
            .changed
            .iter()
            .any(|p| p.starts_with("ho-so/tran-thi-binh/photo-")),
        "{:?}",
        rebuilt.changed
    );
    assert!(
        !rebuilt
            .changed
            .iter()
            .any(|p| p.starts_with("ho-so/le-van-an/photo-")),
        "{:?}",
        rebuilt.changed
    );
    let after = copies();
    assert_eq!(
        after.len(),
        7,
        "only the changed photo was encoded again: {after:?}"
    );
    assert!(before.iter().all(|p| after.contains(p)));
}
