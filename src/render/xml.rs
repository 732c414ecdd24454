//! The XML files: sitemap (with hreflang alternates, split past 50,000
//! URLs) and one Atom feed per language. Written in code, not templates:
//! their shape is fixed by the standards, not by the theme.

use std::convert::Infallible;
use std::fmt::Write;
use std::io;

use std::borrow::Cow;

use super::inputs::{Entity, Inputs};
use super::{FEED_ENTRIES, PageKind, Renderer};
use crate::i18n::chars;
use crate::i18n::date::Date;
use crate::model::{AwardListId, RedirectTarget};
use crate::urls::Urls;

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

/// Appends `s` to `out` escaped as [`escape_html`] escapes it, for HTML
/// written in code ([`super::rows`]).
pub fn push_html(out: &mut String, s: &str) {
    let _ = escape_with::<Infallible>(s, "&#39;", |piece| {
        out.push_str(piece);
        Ok(())
    });
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

/// The sitemap's URLs: the site path of every page kind in every
/// language, and which of the (language, kind) entries this file lists.
#[derive(Hash)]
pub struct Sitemap {
    /// Per kind, its path in each language (the default language first).
    paths: Vec<Vec<String>>,
    /// Language codes, in the order of `paths`' inner lists.
    codes: Vec<String>,
    /// Entries `start..end`, counted language by language.
    start: usize,
    end: usize,
}

impl Sitemap {
    /// Every entry (`part` None), or those of one 1-based part of `limit`.
    pub(super) fn new(r: &Renderer, kinds: &[PageKind], part: Option<(usize, usize)>) -> Sitemap {
        let langs = &r.site.config.languages;
        let paths: Vec<Vec<String>> = kinds
            .iter()
            .map(|&k| langs.iter().map(|l| r.site_path(l, k)).collect())
            .collect();
        let total = paths.len() * langs.len();
        let (start, end) = match part {
            None => (0, total),
            Some((n, limit)) => {
                let start = ((n - 1) * limit).min(total);
                (start, (start + limit).min(total))
            }
        };
        Sitemap {
            paths,
            codes: langs.iter().map(|l| l.code.clone()).collect(),
            start,
            end,
        }
    }

    pub(super) fn write(&self, urls: &Urls) -> Vec<u8> {
        let kinds = self.paths.len().max(1);
        let mut out = String::with_capacity((self.end - self.start) * 300 + 200);
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        for entry in self.start..self.end {
            let (lang, kind) = (entry / kinds, entry % kinds);
            let alternates: Vec<String> = self.paths[kind]
                .iter()
                .map(|p| escape(&urls.absolute(p)))
                .collect();
            let _ = writeln!(out, "  <url>\n    <loc>{}</loc>", alternates[lang]);
            for (code, alt) in self.codes.iter().zip(&alternates) {
                let _ = writeln!(
                    out,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{alt}\"/>",
                    escape(code),
                );
            }
            let _ = writeln!(
                out,
                "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                alternates[0]
            );
            out.push_str("  </url>\n");
        }
        out.push_str("</urlset>\n");
        out.into_bytes()
    }
}

pub fn sitemap_index(urls: &Urls, parts: usize) -> Vec<u8> {
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

/// The Atom feed of a language: the newest profiles and award lists
/// together, by `date` (an undated list as 31 December of its year), then
/// by name.
#[derive(Hash)]
pub struct Feed<'a> {
    code: &'a str,
    title: &'a str,
    description: &'a str,
    home: String,
    self_url: String,
    updated: String,
    entries: Vec<FeedEntry<'a>>,
}

#[derive(Hash)]
struct FeedEntry<'a> {
    title: Cow<'a, str>,
    url: String,
    /// The date it sorts by, and `updated` as RFC 3339.
    date: Date,
    updated: String,
    author: &'a str,
    summary_lang: &'a str,
    summary: Cow<'a, str>,
    /// What it shows, for the preview's partial rebuilds.
    entity: Entity,
}

impl<'a> Feed<'a> {
    pub(super) fn new(r: &Renderer<'a>, lang_index: usize, rec: &mut Inputs) -> Feed<'a> {
        let site = r.site;
        let lang = &site.config.languages[lang_index];
        let urls = Urls::new(&site.config);
        let newest = r.prepared.newest.iter().copied().take(FEED_ENTRIES);
        let mut entries: Vec<FeedEntry> = newest
            .map(|i| {
                let p = &site.profiles[i];
                let text = &p.texts[lang_index];
                FeedEntry {
                    title: Cow::Borrowed(&text.name),
                    url: urls.absolute(&urls.profile(lang, &p.slug)),
                    date: p.date,
                    updated: p.date.rfc3339(),
                    author: &text.unit,
                    summary_lang: &text.source.lang,
                    summary: Cow::Borrowed(&text.summary),
                    entity: Entity::Profile(i),
                }
            })
            .collect();
        // Lists are newest first already.
        let values = r.values(lang_index);
        let default = &site.config.languages[0].code;
        let lists = AwardListId::all(site.award_lists.len().min(FEED_ENTRIES));
        entries.extend(lists.map(|li| {
            let l = &site.award_lists[li];
            let date = l.sort_date();
            let awards: Vec<&str> = l
                .awards
                .iter()
                .map(|&a| site.catalogue.by_index(a).name.get(&lang.code, default))
                .collect();
            let (individuals, collectives) = l.totals();
            FeedEntry {
                title: Cow::Owned(values.list_title(l)),
                url: urls.absolute(&urls.award_list(lang, &l.slug)),
                date,
                updated: date.rfc3339(),
                author: l
                    .issuer
                    .as_ref()
                    .map_or(lang.title.as_str(), |i| i.get(&lang.code, default)),
                summary_lang: &lang.code,
                summary: Cow::Owned(format!(
                    "{}: {}",
                    awards.join(", "),
                    values.honoured(individuals, collectives)
                )),
                entity: Entity::AwardList(li),
            }
        }));
        entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));
        entries.truncate(FEED_ENTRIES);
        for e in &entries {
            rec.show(e.entity);
        }
        Feed {
            code: &lang.code,
            title: &lang.title,
            description: &lang.description,
            home: urls.absolute(&urls.home(lang)),
            self_url: urls.absolute(&urls.feed(lang)),
            updated: entries
                .first()
                .map_or_else(|| "1970-01-01T00:00:00Z".to_owned(), |e| e.updated.clone()),
            entries,
        }
    }

    pub(super) fn write(&self) -> Vec<u8> {
        let mut out = String::new();
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            out,
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
            escape(self.code)
        );
        let _ = writeln!(out, "  <title>{}</title>", escape(self.title));
        if !self.description.is_empty() {
            let _ = writeln!(out, "  <subtitle>{}</subtitle>", escape(self.description));
        }
        let _ = writeln!(
            out,
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
            escape(&self.self_url)
        );
        let _ = writeln!(
            out,
            "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            escape(&self.home)
        );
        let _ = writeln!(out, "  <id>{}</id>", escape(&self.self_url));
        let _ = writeln!(out, "  <updated>{}</updated>", self.updated);
        let _ = writeln!(out, "  <generator>vinhdanh</generator>");
        for e in &self.entries {
            out.push_str("  <entry>\n");
            let _ = writeln!(out, "    <title>{}</title>", escape(&e.title));
            let _ = writeln!(
                out,
                "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
                escape(&e.url)
            );
            let _ = writeln!(out, "    <id>{}</id>", escape(&e.url));
            let _ = writeln!(out, "    <updated>{}</updated>", e.updated);
            let _ = writeln!(
                out,
                "    <author><name>{}</name></author>",
                escape(e.author)
            );
            let _ = writeln!(
                out,
                "    <summary xml:lang=\"{}\">{}</summary>",
                escape(e.summary_lang),
                escape(&e.summary)
            );
            out.push_str("  </entry>\n");
        }
        out.push_str("</feed>\n");
        out.into_bytes()
    }
}

/// The small page at an old address (`aliases`): it sends the reader to
/// the page at once (meta refresh), names it as the canonical address for
/// search engines, and links it for a reader whose browser does not follow.
#[derive(Hash)]
pub struct RedirectPage<'a> {
    lang: &'a str,
    title: &'a str,
    /// The page's address, absolute.
    to: String,
    /// Every language version of the page, absolute.
    alternates: Vec<(&'a str, String)>,
}

impl<'a> RedirectPage<'a> {
    pub(super) fn new(r: &Renderer<'a>, i: usize) -> RedirectPage<'a> {
        let site = r.site;
        let redirect = &site.redirects[i];
        let path_in = |lang: usize| {
            let language = &site.config.languages[lang];
            match redirect.target {
                RedirectTarget::Profile(p) => r.site_path(language, PageKind::Profile(p)),
                RedirectTarget::Campaign(c) => {
                    r.site_path(language, PageKind::Campaign { index: c, page: 1 })
                }
                RedirectTarget::AwardList(l) => r.site_path(language, PageKind::AwardList(l)),
            }
        };
        let lang = &site.config.languages[redirect.lang];
        let title = match redirect.target {
            RedirectTarget::Profile(p) => site.profiles[p].texts[redirect.lang].name.as_str(),
            RedirectTarget::Campaign(c) => site.campaigns[c].texts[redirect.lang].name.as_str(),
            RedirectTarget::AwardList(_) => lang.title.as_str(),
        };
        RedirectPage {
            lang: &lang.code,
            title,
            to: r.urls.absolute(&path_in(redirect.lang)),
            alternates: site
                .config
                .languages
                .iter()
                .enumerate()
                .map(|(l, language)| (language.code.as_str(), r.urls.absolute(&path_in(l))))
                .collect(),
        }
    }

    pub(super) fn write(&self) -> Vec<u8> {
        let to = escape(&self.to);
        let mut out = String::new();
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<meta name=\"robots\" content=\"noindex\">\n<link rel=\"canonical\" href=\"{to}\">\n",
            escape(self.lang),
            escape(self.title),
        );
        for (code, href) in &self.alternates {
            let _ = writeln!(
                out,
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                escape(code),
                escape(href)
            );
        }
        let _ = write!(
            out,
            "<meta http-equiv=\"refresh\" content=\"0; url={to}\">\n</head>\n<body>\n<p><a href=\"{to}\">{}</a></p>\n</body>\n</html>\n",
            escape(self.title),
        );
        out.into_bytes()
    }
}
