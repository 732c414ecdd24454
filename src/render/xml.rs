//! The XML files: sitemap (with hreflang alternates, split past 50,000
//! URLs) and one Atom feed per language. Written in code, not templates:
//! their shape is fixed by the standards, not by the theme.

use std::fmt::Write;

use super::{FEED_ENTRIES, PageKind, Renderer};

/// Escapes text for XML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => {}
            c => out.push(c),
        }
    }
    out
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
    let newest: Vec<crate::model::ProfileId> = r
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
