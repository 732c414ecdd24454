//! The signed decision attached to an award list: a PDF beside its file,
//! published beside its page and linked with its size; anything else is an
//! error naming the file, and a failed build leaves the output as it was.

mod common;

use common::{TestSite, find, snapshot};

/// A small but real PDF: one empty page.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

const LIST: &str = "content/awards/qd-631-2021.toml";

/// The fixture's decision 631 with `attachment = "<name>"` as its first line.
fn attach(site: &TestSite, name: &str) {
    let text = std::fs::read_to_string(site.root().join(LIST)).unwrap();
    site.write(LIST, &format!("attachment = \"{name}\"\n{text}"));
}

#[test]
fn a_pdf_is_published_beside_its_page_and_linked_with_its_size() {
    let site = TestSite::fixture("basic");
    site.write_bytes("content/awards/QĐ 631 (bản ký).pdf", PDF);
    attach(&site, "QĐ 631 (bản ký).pdf");
    site.build().expect("the site builds");
    let published = "khen-thuong/qd-631-2021/qd-631-ban-ky.pdf";
    assert_eq!(std::fs::read(site.out().join(published)).unwrap(), PDF);
    let vi = site.page("khen-thuong/qd-631-2021/index.html");
    assert!(
        vi.contains("<a href=\"/khen-thuong/qd-631-2021/qd-631-ban-ky.pdf\" type=\"application/pdf\" download>Tải về</a> (PDF, 1 KB)"),
        "{vi}"
    );
    // The English page links the same file.
    let en = site.page("en/awards/qd-631-2021/index.html");
    assert!(en.contains("href=\"/khen-thuong/qd-631-2021/qd-631-ban-ky.pdf\""));
    assert!(en.contains("Download</a> (PDF, 1 KB)"));
    // A list without one shows no link.
    let other = site.page("khen-thuong/ubdt-2022/index.html");
    assert!(!other.contains("application/pdf"));
}

/// The built fixture, then `change`: the build fails with one problem in
/// the award list's first line, and the output is left as it was.
fn fails(change: impl FnOnce(&TestSite), words: &str) {
    let site = TestSite::fixture("basic").built();
    let before = snapshot(&site.out());
    change(&site);
    let problems = site.build().expect_err("the build must fail");
    let d = find(&problems, LIST, Some(1), words);
    assert_eq!(d.col, Some(14), "at the file name: {d:?}");
    assert!(before == snapshot(&site.out()), "the output changed");
}

#[test]
fn a_file_that_is_not_a_pdf_is_an_error_naming_it() {
    fails(
        |site| {
            site.write("content/awards/qd.pdf", "Quyết định số 631 (bản gõ lại)\n");
            attach(site, "qd.pdf");
        },
        "the attached decision \"qd.pdf\" is not a PDF file",
    );
}

#[test]
fn a_missing_attachment_is_an_error_naming_it() {
    fails(
        |site| attach(site, "khong-co.pdf"),
        "cannot read the attached decision \"khong-co.pdf\"",
    );
}

#[test]
fn an_attachment_over_20_mb_is_refused_without_reading_it() {
    fails(
        |site| {
            let path = site.root().join("content/awards/lon.pdf");
            let file = std::fs::File::create(&path).unwrap();
            // Sparse: 21 MB on paper, nothing on disk.
            file.set_len(21 * 1024 * 1024).unwrap();
            attach(site, "lon.pdf");
        },
        "lon.pdf",
    );
}

#[test]
fn an_attachment_outside_the_site_is_refused() {
    fails(|site| attach(site, "../../secret.pdf"), "../../secret.pdf");
}
