//! What a page says of itself when it is shared (Open Graph, Twitter card)
//! and to search engines (schema.org JSON-LD): worked out per page from the
//! same values the page shows.

use serde::Serialize;
use serde_json::{Value, json};

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
pub(super) fn json_ld(v: &Values, kind: PageKind, canonical: &str) -> Option<String> {
    let site = v.site;
    let code = &v.lang.code;
    let default = default_code(site);
    let value = match kind {
        PageKind::Profile(i) => {
            let p = &site.profiles[i];
            let text = &p.texts[v.lang_index];
            let awards: Vec<String> = p
                .awards
                .iter()
                .map(|a| {
                    let name = site.catalogue.by_index(a.award).name.get(code, default);
                    format!("{name} ({})", a.year)
                })
                .collect();
            let unit = json!({ "@type": "Organization", "name": text.unit });
            let mut value = json!({
                "@context": "https://schema.org",
                "@type": match p.kind {
                    Kind::Individual => "Person",
                    Kind::Collective => "Organization",
                },
                "name": text.name,
                "url": canonical,
                "description": text.summary,
                "award": awards,
            });
            match p.kind {
                Kind::Individual => {
                    value["worksFor"] = unit;
                    if let Some(position) = &text.position {
                        value["jobTitle"] = json!(position);
                    }
                }
                Kind::Collective => value["parentOrganization"] = unit,
            }
            let dir = v.urls.profile(&site.config.languages[0], &p.slug);
            if let Some(portrait) = p
                .photo
                .as_ref()
                .and_then(|ph| super::photos::portrait(&v.urls, &dir, ph))
            {
                value["image"] = json!(portrait.share);
            }
            value
        }
        PageKind::Home => {
            let agency = site.config.agency.as_ref()?;
            let mut value = json!({
                "@context": "https://schema.org",
                "@type": "GovernmentOrganization",
                "name": agency.name.get(code, default),
                "url": canonical,
            });
            if let Some(address) = &agency.address {
                value["address"] = json!(address.get(code, default));
            }
            if let Some(phone) = &agency.phone {
                value["telephone"] = json!(phone);
            }
            if let Some(email) = &agency.email {
                value["email"] = json!(email);
            }
            value
        }
        _ => return None,
    };
    Some(script_safe(&value))
}

/// JSON that cannot end the `<script>` element it sits in, nor open a
/// comment or entity: `<`, `>` and `&` written as `\u` escapes (still the
/// same JSON to a parser), and no character HTML forbids (as everywhere
/// else on the page: [`chars::is_forbidden`]).
fn script_safe(value: &Value) -> String {
    chars::strip_forbidden(&value.to_string())
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_in_a_script_cannot_close_it() {
        let text = script_safe(&json!({ "name": "</script><script>alert(1)</script> & <!--" }));
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["name"], "</script><script>alert(1)</script> & <!--");
    }

    #[test]
    fn open_graph_locales() {
        assert_eq!(og_locale("vi"), "vi_VN");
        assert_eq!(og_locale("en"), "en_US");
        assert_eq!(og_locale("fr"), "fr");
    }
}
