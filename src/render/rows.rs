//! The rows of lists of recipients as HTML, written here rather than by a
//! template.
//!
//! A province's site names 200,000 recipients, each on its award list's
//! page and on a year's, an award type's and a unit's page, in every
//! language: these rows are most of the bytes a build writes. A template
//! engine pays for every row a value (a map of a dozen strings), a lookup
//! per field and the value's drop; that was half of a build's time. Here a
//! row is a few string copies: its texts are escaped once per language
//! ([`Html`], kept in [`super::context::Links`]) and the UI words once per
//! page ([`Words`]). Themes style the rows by their classes
//! (docs/templates.md, "Rows of recipients").

use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use serde::{Serialize, Serializer};

use super::context::{Links, ListTexts};
use super::inputs::hash_of;
use super::values::Values;
use super::{Renderer, xml};
use crate::hashing::HashedText;
use crate::model::AwardList;
use crate::model::Site;
use crate::model::honours::{Holder, Honour};
use crate::vocab::Kind;

/// A text escaped for HTML once, shared by every row that shows it; it
/// hashes to the hash of what it says, made once: a province's rows hash
/// the titles and links of their lists and units 400,000 times a rebuild.
#[derive(Clone, Hash, PartialEq, Eq, Debug)]
pub struct Html(HashedText);

impl Html {
    /// `text` escaped.
    pub(super) fn new(text: &str) -> Html {
        Html(HashedText::new(escaped(text)))
    }

    pub(super) fn opt(text: Option<&str>) -> Option<Html> {
        text.map(Html::new)
    }

    pub(super) fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    xml::push_html(&mut out, text);
    out
}

/// A text of a row: escaped once per language, or to escape as it is written.
#[derive(Clone, Copy, Hash)]
enum Piece<'a> {
    Escaped(&'a Html),
    Raw(&'a str),
}

impl Piece<'_> {
    fn is_empty(self) -> bool {
        match self {
            Piece::Escaped(h) => h.as_str().is_empty(),
            Piece::Raw(s) => s.is_empty(),
        }
    }

    fn push(self, out: &mut String) {
        match self {
            Piece::Escaped(h) => out.push_str(h.as_str()),
            Piece::Raw(s) => xml::push_html(out, s),
        }
    }
}

/// A text that is there and says something (an empty one shows as absent).
fn some(piece: Option<Piece>) -> Option<Piece> {
    piece.filter(|p| !p.is_empty())
}

fn esc(html: Option<&Html>) -> Option<Piece<'_>> {
    html.map(Piece::Escaped)
}

/// The UI words rows use, escaped once per page.
pub(super) struct Words {
    /// `t.count_and` and a space, before a count that follows named honours.
    and: String,
    withheld: String,
    collective: String,
    ethnicity: String,
    note: String,
}

impl Words {
    pub(super) fn new(v: &Values) -> Words {
        let esc = |key: &str| escaped(v.t(key));
        Words {
            and: format!("{} ", esc("count_and")),
            withheld: esc("withheld"),
            collective: esc("collective"),
            ethnicity: esc("ethnicity"),
            note: esc("note"),
        }
    }
}

/// `lang="…"` with a leading space, when there is a language to mark.
fn push_lang(out: &mut String, lang: Option<&str>) {
    push_lang_piece(out, lang.map(Piece::Raw));
}

/// ` lang="…"` for a language to mark, when there is one.
fn push_lang_piece(out: &mut String, lang: Option<Piece>) {
    if let Some(lang) = some(lang) {
        out.push_str(" lang=\"");
        lang.push(out);
        out.push('"');
    }
}

/// How one honour reads in a list, from the texts of [`Links`].
#[derive(Default, Hash)]
struct HonourTexts<'a> {
    name: Option<Piece<'a>>,
    name_lang: Option<Piece<'a>>,
    href: Option<Piece<'a>>,
    collective: bool,
    position: Option<Piece<'a>>,
    position_lang: Option<Piece<'a>>,
    note: Option<Piece<'a>>,
    note_lang: Option<Piece<'a>>,
    /// A count in words ("21 cá nhân"), and whether its people are withheld.
    words: Option<(String, bool)>,
    /// A decision named without a list, worded ("Quyết định số …").
    decision_words: Option<String>,
    /// The award list's title and page.
    list: Option<&'a ListTexts>,
}

/// One page's part of a group of honours ([`super::values::HonourGroup`]):
/// written as HTML list items ([`HonourRows`]) only when the page is
/// rendered. It hashes to what its rows show, each honour by the hash of
/// its texts, made once per language ([`RowHashes`]): the preview compares
/// a province's listing pages, 200,000 honours three times in each
/// language, without writing a row.
pub(super) struct Rows<'a> {
    pub(super) renderer: &'a Renderer<'a>,
    pub(super) lang_index: usize,
    /// Indexes into `Honours::all`.
    pub(super) honours: &'a [u32],
    /// How many honours of the whole group name someone.
    pub(super) named: usize,
    pub(super) with_unit: bool,
}

impl Rows<'_> {
    /// Hands `each` where the rows' texts come from in this page's language.
    fn with_sources<T>(&self, each: impl FnOnce(RowSources) -> T) -> T {
        let r = self.renderer;
        let v = r.values(self.lang_index);
        each(RowSources {
            site: r.site,
            v: &v,
            links: &r.prepared.languages[self.lang_index].links,
        })
    }

    fn html(&self) -> String {
        let all = &self.renderer.prepared.honours.all;
        self.with_sources(|sources| {
            let words = Words::new(sources.v);
            let rows = HonourRows {
                sources,
                words: &words,
                with_unit: self.with_unit,
            };
            let mut html = String::with_capacity(self.honours.len() * 320);
            let honours = self.honours.iter().map(|&h| &all[h as usize]);
            rows.write(&mut html, honours, self.named);
            html
        })
    }
}

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.html())
    }
}

/// Equal hashes write equal rows (with the same theme and configuration):
/// each row is written from its honour's texts, the UI words, `named` and
/// `with_unit`.
impl Hash for Rows<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.lang_index, self.named, self.with_unit).hash(state);
        let r = self.renderer;
        let memo = r.row_hashes[self.lang_index].0.get_or_init(|| {
            (0..r.prepared.honours.all.len())
                .map(|_| OnceLock::new())
                .collect()
        });
        let all = &r.prepared.honours.all;
        self.with_sources(|sources| {
            for &h in self.honours {
                let of_row = || sources.texts_hash(&all[h as usize]);
                memo[h as usize].get_or_init(of_row).hash(state);
            }
        });
    }
}

/// The hash of each honour's texts in one language ([`Rows`]), made when
/// a page first hashes the honour; a renderer holds one per language.
#[derive(Default)]
pub(super) struct RowHashes(OnceLock<Box<[OnceLock<u64>]>>);

/// The list items (`<li>…</li>`, each after a line break) of `honours`,
/// all of one group. `named`: how many honours of the whole group name
/// someone (a count after them reads "và 21 cá nhân"); `with_unit`: each
/// names its unit (not on the unit's own page).
struct HonourRows<'a> {
    sources: RowSources<'a>,
    words: &'a Words,
    with_unit: bool,
}

/// Where the texts of honours' rows come from, in one language.
struct RowSources<'a> {
    site: &'a Site,
    v: &'a Values<'a>,
    links: &'a Links,
}

impl HonourRows<'_> {
    fn write<'h>(&self, out: &mut String, honours: impl Iterator<Item = &'h Honour>, named: usize) {
        for h in honours {
            self.row(out, h, named);
        }
    }

    fn row(&self, out: &mut String, h: &Honour, named: usize) {
        let words = self.words;
        let t = self.sources.texts(h);
        out.push_str("\n<li>");
        if let Some((count, withheld)) = &t.words {
            out.push_str("<i>");
            if named > 0 {
                out.push_str(&words.and);
            }
            xml::push_html(out, count);
            if *withheld {
                out.push(' ');
                out.push_str(&words.withheld);
            }
            out.push_str("</i>");
        } else {
            let (name, lang) = (t.name.unwrap_or(Piece::Raw("")), some(t.name_lang));
            if let Some(href) = some(t.href) {
                out.push_str("<a href=\"");
                href.push(out);
                out.push('"');
                push_lang_piece(out, lang);
                out.push('>');
                name.push(out);
                out.push_str("</a>");
            } else {
                out.push_str("<b");
                push_lang_piece(out, lang);
                out.push('>');
                name.push(out);
                out.push_str("</b>");
            }
        }
        if t.collective {
            out.push_str(" (");
            out.push_str(&words.collective);
            out.push(')');
        }
        if let Some(note) = some(t.note) {
            out.push_str(" <span class=\"note\">(<span");
            push_lang_piece(out, t.note_lang);
            out.push('>');
            note.push(out);
            out.push_str("</span>)</span>");
        }
        let unit = h
            .unit
            .and_then(|u| self.sources.links.units[u].as_ref())
            .filter(|u| self.with_unit && !u.name.as_str().is_empty());
        let position = some(t.position);
        let decision = match (&t.decision_words, t.list) {
            (Some(words), _) => Some(Piece::Raw(words)),
            (None, Some(list)) => some(Some(Piece::Escaped(&list.title))),
            (None, None) => None,
        };
        if position.is_none() && unit.is_none() && decision.is_none() {
            out.push_str("</li>");
            return;
        }
        out.push_str(" <small>");
        if let Some(position) = position {
            match some(t.position_lang) {
                Some(lang) => {
                    out.push_str("<span lang=\"");
                    lang.push(out);
                    out.push_str("\">");
                    position.push(out);
                    out.push_str("</span>");
                }
                None => position.push(out),
            }
            if unit.is_some() {
                out.push_str(", ");
            }
        }
        if let Some(u) = unit {
            out.push_str("<a href=\"");
            out.push_str(u.href.as_str());
            out.push('"');
            push_lang_piece(out, esc(u.lang.as_ref()));
            out.push('>');
            out.push_str(u.name.as_str());
            out.push_str("</a>");
        }
        if let Some(decision) = decision {
            if position.is_some() || unit.is_some() {
                out.push_str(" · ");
            }
            match t
                .list
                .filter(|l| !l.href.as_str().is_empty() && t.decision_words.is_none())
            {
                Some(list) => {
                    out.push_str("<a href=\"");
                    out.push_str(list.href.as_str());
                    out.push_str("\">");
                    decision.push(out);
                    out.push_str("</a>");
                }
                None => decision.push(out),
            }
        }
        out.push_str("</small></li>");
    }
}

impl RowSources<'_> {
    /// The hash of what the row of `h` shows but the page's words,
    /// `named` and `with_unit`: its texts and its unit's (shown or not).
    fn texts_hash(&self, h: &Honour) -> u64 {
        let unit = h.unit.and_then(|u| self.links.units[u].as_ref());
        hash_of(&(self.texts(h), unit.map(|u| (&u.href, &u.name, &u.lang))))
    }

    fn texts(&self, h: &Honour) -> HonourTexts<'_> {
        let (site, v, links) = (self.site, self.v, self.links);
        let mut t = HonourTexts::default();
        match h.holder {
            Holder::Profile { profile, held } => {
                let p = &links.profiles[profile.index()];
                t.name = esc(Some(&p.name));
                t.name_lang = esc(p.name_lang.as_ref());
                t.href = esc(Some(&p.href));
                t.collective = p.kind == Kind::Collective.as_str();
                t.position = esc(p.position.as_ref());
                t.position_lang = esc(p.position_lang.as_ref());
                let award = &site.profiles[profile].awards[held as usize];
                match (award.list, &award.decision) {
                    (Some(l), _) => t.list = Some(&links.lists[l.index()]),
                    (None, Some(number)) => {
                        t.decision_words = Some(v.t("decision_title").replace("{number}", number));
                    }
                    (None, None) => {}
                }
            }
            Holder::Recipient { list, index } => {
                let rec = &site.award_lists[list].recipients[index as usize];
                t.name = Some(Piece::Raw(&rec.name));
                // A name as the decision wrote it, in the site's language.
                t.name_lang = esc(links.default_lang.as_ref());
                t.collective = rec.kind == Kind::Collective;
                let (position, position_lang) = v.text_opt(rec.position.as_ref());
                t.position = position.map(Piece::Raw);
                t.position_lang = position_lang.map(Piece::Raw);
                let (note, note_lang) = v.text_opt(rec.note.as_ref());
                t.note = note.map(Piece::Raw);
                t.note_lang = note_lang.map(Piece::Raw);
                t.list = Some(&links.lists[list.index()]);
            }
            Holder::Withheld { list } => {
                t.words = Some((v.honoured(h.individuals, h.collectives), true));
                t.list = Some(&links.lists[list.index()]);
            }
            Holder::Count { list, index } => {
                let c = &site.award_lists[list].counts[index as usize];
                t.words = Some((v.honoured(c.individuals, c.collectives), false));
                let (note, note_lang) = v.text_opt(c.note.as_ref());
                t.note = note.map(Piece::Raw);
                t.note_lang = note_lang.map(Piece::Raw);
                t.list = Some(&links.lists[list.index()]);
            }
        }
        t
    }
}

/// An award list's table of named recipients ([`recipient_rows`]),
/// written when the page is rendered; it hashes to what the rows show.
pub(super) struct RecipientRows<'a> {
    pub(super) renderer: &'a Renderer<'a>,
    pub(super) lang_index: usize,
    pub(super) list: &'a AwardList,
}

impl Serialize for RecipientRows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let v = self.renderer.values(self.lang_index);
        serializer.serialize_str(&recipient_rows(&v, self.list))
    }
}

/// Equal hashes write equal rows (with the same theme and configuration).
impl Hash for RecipientRows<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.lang_index.hash(state);
        let v = self.renderer.values(self.lang_index);
        recipient_texts(&v, self.list, &mut |t| t.hash(state));
    }
}

/// What the row of one named recipient shows, in one language; each
/// `_lang` is the language its text is in when it is not the page's.
#[derive(Hash)]
struct RecipientTexts<'a> {
    name: &'a str,
    name_lang: Option<&'a str>,
    /// The profile's slug, when the recipient has one.
    profile: Option<&'a str>,
    collective: bool,
    /// None when empty, as the texts below.
    position: Option<&'a str>,
    position_lang: Option<&'a str>,
    ethnicity: Option<&'a str>,
    ethnicity_lang: Option<&'a str>,
    note: Option<&'a str>,
    note_lang: Option<&'a str>,
    /// The award type's name and its language, when the list gives several.
    award: Option<(&'a str, Option<&'a str>)>,
    /// Shown even when empty.
    unit: &'a str,
    unit_lang: Option<&'a str>,
}

/// Hands `each` the texts of `list`'s named recipients, in order. Withheld
/// recipients are left out (the page says how many there are).
fn recipient_texts<'a>(v: &Values<'a>, list: &'a AwardList, each: &mut dyn FnMut(RecipientTexts)) {
    let site = v.site;
    let default = v.default_code();
    let other_language = (v.lang.code != default).then_some(default);
    let show_ethnicity = site.config.privacy.show_ethnicity;
    let several = list.awards.len() > 1;
    for r in list.named_recipients() {
        let (name, name_lang, profile) = match r.profile {
            Some(p) => {
                let profile = &site.profiles[p];
                let text = &profile.texts[v.lang_index];
                let lang = (text.source.lang != v.lang.code).then_some(text.source.lang.as_str());
                (text.name.as_str(), lang, Some(profile.slug.as_str()))
            }
            // A name as the decision wrote it, in the site's language.
            None => (r.name.as_str(), other_language, None),
        };
        let (position, position_lang) = v.text_opt(r.position.as_ref());
        let (unit, unit_lang) = v.text_opt(r.unit.as_ref());
        let (note, note_lang) = v.text_opt(r.note.as_ref());
        let (ethnicity, ethnicity_lang) =
            v.text_opt(r.ethnicity.as_ref().filter(|_| show_ethnicity));
        let award = several.then(|| {
            let award = site.catalogue.by_index(r.award);
            let code = &v.lang.code;
            (
                award.name.get(code, default),
                award.name.lang_of(code, default),
            )
        });
        let filled = |t: Option<&'a str>| t.filter(|t| !t.is_empty());
        each(RecipientTexts {
            name,
            name_lang,
            profile,
            collective: r.kind == Kind::Collective,
            position: filled(position),
            position_lang,
            ethnicity: filled(ethnicity),
            ethnicity_lang,
            note: filled(note),
            note_lang,
            award,
            unit: unit.unwrap_or_default(),
            unit_lang,
        });
    }
}

/// The rows (`<tr>…</tr>`, each after a line break) of an award list's
/// table of named recipients, numbered without the withheld; when the
/// list gives several award types, a column names each row's.
fn recipient_rows(v: &Values, list: &AwardList) -> String {
    let words = Words::new(v);
    let mut out = String::with_capacity(list.recipients.len() * 256);
    let push = xml::push_html;
    let mut number = 0;
    recipient_texts(v, list, &mut |t| {
        number += 1;
        out.push_str("\n    <tr><td class=\"num\">");
        out.push_str(&number.to_string());
        out.push_str("</td><th scope=\"row\">");
        match t.profile {
            Some(slug) => {
                out.push_str("<a href=\"");
                push(&mut out, &v.urls.href(&v.urls.profile(v.lang, slug)));
                out.push('"');
                push_lang(&mut out, t.name_lang);
                out.push('>');
                push(&mut out, t.name);
                out.push_str("</a>");
            }
            None if t.name_lang.is_some_and(|l| !l.is_empty()) => {
                out.push_str("<span");
                push_lang(&mut out, t.name_lang);
                out.push('>');
                push(&mut out, t.name);
                out.push_str("</span>");
            }
            None => push(&mut out, t.name),
        }
        if t.collective {
            out.push_str(" <span class=\"kind-label\">(");
            out.push_str(&words.collective);
            out.push_str(")</span>");
        }
        if let Some(position) = t.position {
            out.push_str("<span class=\"inline-position\"><br><span");
            push_lang(&mut out, t.position_lang);
            out.push('>');
            push(&mut out, position);
            out.push_str("</span></span>");
        }
        if let Some(ethnicity) = t.ethnicity {
            out.push_str("<br><span class=\"meta\">");
            out.push_str(&words.ethnicity);
            out.push_str(": <span");
            push_lang(&mut out, t.ethnicity_lang);
            out.push('>');
            push(&mut out, ethnicity);
            out.push_str("</span></span>");
        }
        if let Some(note) = t.note {
            out.push_str("<br><span class=\"meta\"><span class=\"visually-hidden\">");
            out.push_str(&words.note);
            out.push_str(": </span><span");
            push_lang(&mut out, t.note_lang);
            out.push('>');
            push(&mut out, note);
            out.push_str("</span></span>");
        }
        out.push_str("</th>");
        if let Some((award, lang)) = t.award {
            out.push_str("<td");
            push_lang(&mut out, lang);
            out.push('>');
            push(&mut out, award);
            out.push_str("</td>");
        }
        out.push_str("<td class=\"col-position\"");
        push_lang(&mut out, t.position_lang);
        out.push('>');
        push(&mut out, t.position.unwrap_or_default());
        out.push_str("</td><td");
        push_lang(&mut out, t.unit_lang);
        out.push('>');
        push(&mut out, t.unit);
        out.push_str("</td></tr>");
    });
    out
}
