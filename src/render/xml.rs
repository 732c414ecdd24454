//! The XML files: sitemap (with hreflang alternates, split past 50,000
//! URLs) and one Atom feed per language. Written in code, not templates:
//! their shape is fixed by the standards, not by the theme.

use std::convert::Infallible;
use std::fmt::Write;
use std::io;

use crate::i18n::chars;

use super::{FEED_ENTRIES, PageKind, Renderer};

/// Escapes text for XML content and attribute values, leaving out the
/// characters XML 1.0 does not allow (and the others no output carries,
/// see [`chars::is_forbidden`]): whatever a name holds, the feed parses.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let _ = escape_with::<Infallible>(s, "&apos;", |piece| {
        out.push_str(piece);
        Ok(())
    });
    out
}

/// The HTML templates' escaper (Tera's autoescape): the same five
/// characters as Tera's own, with `'` as `&#39;` as it writes it, and
/// the forbidden characters left out as in [`escape`].
pub fn escape_html(s: &str, buf: &mut dyn io::Write) -> io::Result<()> {
    escape_with(s, "&#39;", |piece| buf.write_all(piece.as_bytes()))
}

/// Hands `write` the pieces of `s` escaped: runs of plain text as they
/// are, a reference for each of `& < > " '`, nothing for a forbidden
/// character. Only bytes that may start one of these are looked at closer.
fn escape_with<E>(
    s: &str,
    apostrophe: &str,
    mut write: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E> {
    let bytes = s.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if !(matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'') || chars::may_begin_forbidden(b)) {
            i += 1;
            continue;
        }
        // `i` is at a character boundary (see `may_begin_forbidden`).
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => apostrophe,
            c if chars::is_forbidden(c) => "",
            _ => {
                i += c.len_utf8();
                continue;
            }
        };
        write(&s[start..i])?;
        write(replacement)?;
        i += c.len_utf8();
        start = i;
    }
    write(&s[start..])
}

pub fn sitemap(r: &Renderer, entries: &[(usize, PageKind)]) -> Vec<u8> {
    let langs = &r.site.config.languages;
    let mut out = String::with_capacity(entries.len() * 300 + 200);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    let urls = crate::urls::Urls::new(&r.site.config);
    for &(lang, kind) in entries {
        let loc = urls.absolute(&r.site_path(&langs[lang], kind));
        let _ = writeln!(out, "  <url>\n    <loc>{}</loc>", escape(&loc));
        for l in langs {
            let alt = urls.absolute(&r.site_path(l, kind));
            let _ = writeln!(
                out,
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                escape(&l.code),
                escape(&alt)
            );
        }
        let default_alt = urls.absolute(&r.site_path(&langs[0], kind));
        let _ = writeln!(
            out,
            "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
            escape(&default_alt)
        );
        out.push_str("  </url>\n");
    }
    out.push_str("</urlset>\n");
    out.into_bytes()
}

pub fn sitemap_index(r: &Renderer, parts: usize) -> Vec<u8> {
    let urls = crate::urls::Urls::new(&r.site.config);
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for n in 1..=parts {
        let _ = writeln!(
            out,
            "  <sitemap><loc>{}</loc></sitemap>",
            escape(&urls.absolute(&format!("/sitemap-{n}.xml")))
        );
    }
    out.push_str("</sitemapindex>\n");
    out.into_bytes()
}

/// The Atom feed of a language: the newest profiles by `date`, then name.
pub fn feed(r: &Renderer, lang_index: usize) -> Vec<u8> {
    let site = r.site;
    let lang = &site.config.languages[lang_index];
    let urls = crate::urls::Urls::new(&site.config);
    let home = urls.absolute(&urls.home(lang));
    let self_url = urls.absolute(&urls.feed(lang));
    let newest: Vec<usize> = r
        .prepared
        .newest
        .iter()
        .copied()
        .take(FEED_ENTRIES)
        .collect();
    let updated = newest.first().map_or_else(
        || "1970-01-01T00:00:00Z".to_owned(),
        |&i| site.profiles[i].date.rfc3339(),
    );
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        escape(&lang.code)
    );
    let _ = writeln!(out, "  <title>{}</title>", escape(&lang.title));
    if !lang.description.is_empty() {
        let _ = writeln!(out, "  <subtitle>{}</subtitle>", escape(&lang.description));
    }
    let _ = writeln!(
        out,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape(&self_url)
    );
    let _ = writeln!(
        out,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&home)
    );
    let _ = writeln!(out, "  <id>{}</id>", escape(&self_url));
    let _ = writeln!(out, "  <updated>{updated}</updated>");
    let _ = writeln!(out, "  <generator>vinhdanh</generator>");
    for i in newest {
        let p = &site.profiles[i];
        let text = &p.texts[lang_index];
        let url = urls.absolute(&urls.profile(lang, &p.slug));
        out.push_str("  <entry>\n");
        let _ = writeln!(out, "    <title>{}</title>", escape(&text.name));
        let _ = writeln!(
            out,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            escape(&url)
        );
        let _ = writeln!(out, "    <id>{}</id>", escape(&url));
        let _ = writeln!(out, "    <updated>{}</updated>", p.date.rfc3339());
        let _ = writeln!(
            out,
            "    <author><name>{}</name></author>",
            escape(&text.unit)
        );
        let _ = writeln!(
            out,
            "    <summary xml:lang=\"{}\">{}</summary>",
            escape(&text.source.lang),
            escape(&text.summary)
        );
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out.into_bytes()
}
