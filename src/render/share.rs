//! What a page says of itself when it is shared (Open Graph, Twitter card)
//! and to search engines (schema.org JSON-LD): worked out per page from the
//! same values the page shows.

use serde::Serialize;

use super::PageKind;
use super::values::Values;
use crate::i18n::chars;
use crate::model::{Kind, Site};

/// The default theme's sharing image, for pages without a photo of their
/// own; a site replaces it with its own `static/share.png`.
const DEFAULT_IMAGE: &str = "/share.png";

/// `page.share`: Open Graph values of a page, every URL absolute.
#[derive(Serialize, Hash)]
pub struct Share {
    /// The page's own name, without the site's.
    pub(super) title: String,
    pub(super) description: String,
    /// `website`, `profile` or `article`.
    #[serde(rename = "type")]
    pub(super) og_type: &'static str,
    /// The page's language as Open Graph writes it (`vi_VN`, `en_US`).
    pub(super) locale: String,
    /// The other languages the page exists in, the same way.
    pub(super) locale_alternates: Vec<String>,
    pub(super) image: String,
    /// The image's size, when known (a profile's photo).
    pub(super) image_width: Option<u32>,
    pub(super) image_height: Option<u32>,
}

/// `vi` → `vi_VN`, `en` → `en_US`; another code as it is.
fn og_locale(code: &str) -> String {
    match code {
        "vi" => "vi_VN".to_owned(),
        "en" => "en_US".to_owned(),
        other => other.replace('-', "_"),
    }
}

impl Share {
    /// The sharing values of a page of `kind` in the language of `v`;
    /// `named` is the title and description of an award type's or a
    /// unit's page, which the renderer's index of honours knows.
    pub(super) fn of(
        v: &Values,
        kind: PageKind,
        page: usize,
        named: Option<(String, String)>,
    ) -> Share {
        let site = v.site;
        let lang = v.lang;
        let numbered = |title: String| {
            if page > 1 {
                format!("{title} – {} {page}", v.t("page"))
            } else {
                title
            }
        };
        let mut image = (v.urls.absolute(DEFAULT_IMAGE), None, None);
        let mut og_type = "website";
        let mut description = lang.description.clone();
        let title = match kind {
            PageKind::Home => lang.title.clone(),
            PageKind::ProfileList { .. } => numbered(v.t("profiles").to_owned()),
            PageKind::Profile(i) => {
                let p = &site.profiles[i];
                let text = &p.texts[v.lang_index];
                og_type = "profile";
                description = text.summary.clone();
                let default = &site.config.languages[0];
                let dir = v.urls.profile(default, &p.slug);
                if let Some(portrait) = p
                    .photo
                    .as_ref()
                    .and_then(|ph| super::photos::portrait(&v.urls, &dir, ph))
                {
                    image = (
                        portrait.share,
                        Some(portrait.share_width),
                        Some(portrait.share_height),
                    );
                }
                text.name.clone()
            }
            PageKind::Years => v.t("years").to_owned(),
            PageKind::Year { index, .. } => {
                numbered(format!("{} {}", v.t("year"), site.years[index].year))
            }
            PageKind::Campaigns => v.t("campaigns").to_owned(),
            PageKind::Campaign { index, .. } => {
                let c = &site.campaigns[index];
                let text = &c.texts[v.lang_index];
                if let Some(slogan) = &text.slogan {
                    description = slogan.clone();
                }
                numbered(text.name.clone())
            }
            PageKind::AwardLists { .. } => numbered(v.t("award_lists").to_owned()),
            PageKind::AwardList(i) => {
                let l = &site.award_lists[i];
                og_type = "article";
                let (individuals, collectives) = l.totals();
                let awards: Vec<&str> = l
                    .awards
                    .iter()
                    .map(|&a| {
                        site.catalogue
                            .by_index(a)
                            .name
                            .get(&lang.code, default_code(site))
                    })
                    .collect();
                description = format!(
                    "{} {}: {}",
                    awards.join(", "),
                    l.year,
                    v.honoured(individuals, collectives)
                );
                v.list_title(l)
            }
            PageKind::AwardTypes => v.t("award_types").to_owned(),
            PageKind::Units => v.t("units").to_owned(),
            PageKind::AwardType { .. } | PageKind::Unit { .. } => {
                let (title, about) = named.unwrap_or_default();
                description = about;
                numbered(title)
            }
            PageKind::Search => v.t("search").to_owned(),
            PageKind::Data => v.t("open_data").to_owned(),
            PageKind::NotFound => v.t("not_found").to_owned(),
        };
        Share {
            title,
            description,
            og_type,
            locale: og_locale(&lang.code),
            locale_alternates: site
                .config
                .languages
                .iter()
                .filter(|l| l.code != lang.code)
                .map(|l| og_locale(&l.code))
                .collect(),
            image: image.0,
            image_width: image.1,
            image_height: image.2,
        }
    }
}

fn default_code(site: &Site) -> &str {
    &site.config.languages[0].code
}

/// `page.json_ld`: schema.org data of a profile (`Person` or
/// `Organization`, with its unit and awards) and of the home page (the
/// agency as `GovernmentOrganization`), as JSON safe inside `<script>`.
/// Written straight from these structs (their keys in alphabetical order,
/// as a JSON object map writes them): on a province's site that is 20,000
/// pages a build.
pub(super) fn json_ld<'a>(v: &Values<'a>, kind: PageKind, canonical: &str) -> Option<JsonLd<'a>> {
    let site = v.site;
    let code = &v.lang.code;
    let default = default_code(site);
    match kind {
        PageKind::Profile(i) => {
            let p = &site.profiles[i];
            let text = &p.texts[v.lang_index];
            let unit = Some(OrganizationLd {
                kind: "Organization",
                name: &text.unit,
            });
            let individual = p.kind == Kind::Individual;
            let dir = v.urls.profile(&site.config.languages[0], &p.slug);
            Some(JsonLd::Profile(ProfileLd {
                context: SCHEMA_ORG,
                kind: if individual { "Person" } else { "Organization" },
                award: p
                    .awards
                    .iter()
                    .map(|a| AwardLd {
                        name: site.catalogue.by_index(a.award).name.get(code, default),
                        year: a.year,
                    })
                    .collect(),
                description: &text.summary,
                image: p
                    .photo
                    .as_ref()
                    .and_then(|ph| super::photos::portrait(&v.urls, &dir, ph))
                    .map(|portrait| portrait.share),
                job_title: text.position.as_deref().filter(|_| individual),
                name: &text.name,
                parent_organization: if individual { None } else { unit },
                url: canonical.to_owned(),
                works_for: if individual { unit } else { None },
            }))
        }
        PageKind::Home => {
            let agency = site.config.agency.as_ref()?;
            Some(JsonLd::Agency(AgencyLd {
                context: SCHEMA_ORG,
                kind: "GovernmentOrganization",
                address: agency.address.as_ref().map(|a| a.get(code, default)),
                email: agency.email.as_deref(),
                name: agency.name.get(code, default),
                telephone: agency.phone.as_deref(),
                url: canonical.to_owned(),
            }))
        }
        _ => None,
    }
}

const SCHEMA_ORG: &str = "https://schema.org";

/// A page's JSON-LD: hashed as it is, written ([`script_safe`]) only when
/// the page is rendered. Written for each of a province's 20,000 profile
/// pages to be hashed, it was 3% of the preview's rebuild.
#[derive(Hash)]
pub enum JsonLd<'a> {
    Profile(ProfileLd<'a>),
    Agency(AgencyLd<'a>),
}

impl Serialize for JsonLd<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&match self {
            JsonLd::Profile(ld) => script_safe(ld),
            JsonLd::Agency(ld) => script_safe(ld),
        })
    }
}

/// A profile as schema.org `Person` or `Organization`.
#[derive(Serialize, Hash)]
pub struct ProfileLd<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    award: Vec<AwardLd<'a>>,
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<String>,
    #[serde(rename = "jobTitle", skip_serializing_if = "Option::is_none")]
    job_title: Option<&'a str>,
    name: &'a str,
    #[serde(rename = "parentOrganization", skip_serializing_if = "Option::is_none")]
    parent_organization: Option<OrganizationLd<'a>>,
    url: String,
    #[serde(rename = "worksFor", skip_serializing_if = "Option::is_none")]
    works_for: Option<OrganizationLd<'a>>,
}

/// An award as schema.org names it: "Chiến sĩ thi đua cơ sở (2024)".
#[derive(Hash)]
struct AwardLd<'a> {
    name: &'a str,
    year: i32,
}

impl Serialize for AwardLd<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{} ({})", self.name, self.year))
    }
}

#[derive(Serialize, Hash, Clone, Copy)]
struct OrganizationLd<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

/// The agency as schema.org `GovernmentOrganization`.
#[derive(Serialize, Hash)]
pub struct AgencyLd<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    address: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    telephone: Option<&'a str>,
    url: String,
}

/// JSON that cannot end the `<script>` element it sits in, nor open a
/// comment or entity: `<`, `>` and `&` written as `\u` escapes (still the
/// same JSON to a parser), and no character HTML forbids (as everywhere
/// else on the page: [`chars::is_forbidden`]). Written in one pass.
fn script_safe(value: &impl Serialize) -> String {
    let mut out = Vec::with_capacity(1024);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, ScriptSafe);
    // Into memory, from plain structs: cannot fail.
    let _ = value.serialize(&mut ser);
    String::from_utf8(out).unwrap_or_default()
}

/// serde_json's compact output, with the texts of strings made safe for
/// a `<script>` element ([`script_safe`]).
struct ScriptSafe;

impl serde_json::ser::Formatter for ScriptSafe {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        out: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some(at) = rest
            .bytes()
            .position(|b| matches!(b, b'<' | b'>' | b'&') || chars::may_begin_forbidden(b))
        {
            out.write_all(&rest.as_bytes()[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            match c {
                '<' => out.write_all(b"\\u003c")?,
                '>' => out.write_all(b"\\u003e")?,
                '&' => out.write_all(b"\\u0026")?,
                c if chars::is_forbidden(c) => {}
                c => out.write_all(c.encode_utf8(&mut [0; 4]).as_bytes())?,
            }
            rest = &rest[at + c.len_utf8()..];
        }
        out.write_all(rest.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    #[test]
    fn json_in_a_script_cannot_close_it() {
        let text = script_safe(&json!({ "name": "</script><script>alert(1)</script> & <!--" }));
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["name"], "</script><script>alert(1)</script> & <!--");
    }

    /// The same text as serde_json's own output with every forbidden
    /// character taken out and `<`, `>`, `&` escaped afterwards.
    #[test]
    fn script_safe_json_is_plain_json_made_safe_afterwards() {
        let tricky = "Nguyễn <b>&amp;</b> \u{7f}\u{80}\u{9f}\u{fdd0}\u{fffe}\u{1fffe} \u{1}\t\n\"\\ “ngoặc” 🏅 \u{e000}\u{efff}";
        let value = json!({ "b": [tricky, tricky], "a": { "c": tricky } });
        let plain = chars::strip_forbidden(&value.to_string())
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026");
        assert_eq!(script_safe(&value), plain);
    }

    #[test]
    fn open_graph_locales() {
        assert_eq!(og_locale("vi"), "vi_VN");
        assert_eq!(og_locale("en"), "en_US");
        assert_eq!(og_locale("fr"), "fr");
    }
}
