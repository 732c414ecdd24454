//! What every page of a language shares: the variables every template
//! receives (`lang`, `languages`, `nav`, `site`, `t`), typed in
//! [`Common`], and the cards of every profile, campaign and award list
//! ([`Prepared`]), built once per site. docs/templates.md lists them all.

use indexmap::IndexMap;
use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Value};

use super::rows::Html;
use super::theme::Theme;
use super::values::{LanguageValues, Values};
use crate::config::{Agency, Language};
use crate::i18n::LocalisedText;
use crate::i18n::collate::{given_name, initial_letter};
use crate::model::honours::Honours;
use crate::model::{AwardListId, CampaignId, Kind, ProfileId, Site};
use crate::urls::Urls;

/// The variables of every page of one language.
#[derive(Serialize)]
pub struct Common<'a> {
    lang: LangValue<'a>,
    languages: Vec<LanguageLink<'a>>,
    nav: Nav,
    site: SiteValue<'a>,
    /// The UI strings of the language.
    t: &'a IndexMap<String, String>,
}

#[derive(Serialize)]
pub struct LangValue<'a> {
    code: &'a str,
    title: &'a str,
    description: &'a str,
    is_default: bool,
}

#[derive(Serialize)]
pub struct LanguageLink<'a> {
    code: &'a str,
    title: &'a str,
    home: String,
}

#[derive(Serialize)]
pub struct Nav {
    home: String,
    profiles: String,
    years: String,
    campaigns: String,
    awards: String,
    award_types: String,
    units: String,
    search: String,
    data: String,
    feed: String,
}

#[derive(Serialize)]
pub struct SiteValue<'a> {
    base_url: &'a str,
    base_path: &'a str,
    drafts: bool,
    generator: &'static str,
    /// Who publishes the site (`[agency]`), in the page's language.
    agency: Option<AgencyValue<'a>>,
}

/// `[agency]` in one language; each `_lang` is the language its text is
/// written in when that is not the page's.
#[derive(Serialize, Hash)]
pub struct AgencyValue<'a> {
    name: &'a str,
    name_lang: Option<&'a str>,
    address: Option<&'a str>,
    address_lang: Option<&'a str>,
    phone: Option<&'a str>,
    email: Option<&'a str>,
    responsible: Option<&'a str>,
    responsible_lang: Option<&'a str>,
}

impl<'a> AgencyValue<'a> {
    fn new(agency: &'a Agency, lang: &str, default: &'a str) -> AgencyValue<'a> {
        let text = |t: Option<&'a LocalisedText>| {
            (
                t.map(|t| t.get(lang, default)),
                t.and_then(|t| t.lang_of(lang, default)),
            )
        };
        let (name, name_lang) = text(Some(&agency.name));
        let (address, address_lang) = text(agency.address.as_ref());
        let (responsible, responsible_lang) = text(agency.responsible.as_ref());
        AgencyValue {
            name: name.unwrap_or_default(),
            name_lang,
            address,
            address_lang,
            phone: agency.phone.as_deref(),
            email: agency.email.as_deref(),
            responsible,
            responsible_lang,
        }
    }
}

impl<'a> Common<'a> {
    pub fn new(site: &'a Site, theme: &'a Theme, lang_index: usize) -> Common<'a> {
        let urls = Urls::new(&site.config);
        let lang = &site.config.languages[lang_index];
        let href = |path: String| urls.href(&path);
        Common {
            lang: LangValue {
                code: &lang.code,
                title: &lang.title,
                description: &lang.description,
                is_default: lang.is_default,
            },
            languages: site
                .config
                .languages
                .iter()
                .map(|o| LanguageLink {
                    code: &o.code,
                    title: &o.title,
                    home: href(urls.home(o)),
                })
                .collect(),
            nav: Nav {
                home: href(urls.home(lang)),
                profiles: href(urls.profiles(lang, 1)),
                years: href(urls.years(lang)),
                campaigns: href(urls.campaigns(lang)),
                awards: href(urls.award_lists(lang, 1)),
                award_types: href(urls.award_types(lang)),
                units: href(urls.units(lang)),
                search: href(urls.search(lang)),
                data: href(urls.data(lang)),
                feed: href(urls.feed(lang)),
            },
            site: SiteValue {
                base_url: &site.config.base_url,
                base_path: &site.config.base_path,
                drafts: site.drafts,
                generator: concat!("vinhdanh ", env!("CARGO_PKG_VERSION")),
                agency: site
                    .config
                    .agency
                    .as_ref()
                    .map(|a| AgencyValue::new(a, &lang.code, &site.config.languages[0].code)),
            },
            t: &theme.strings[lang_index],
        }
    }

    /// As a Tera context, to which each page adds its own variables.
    fn context(&self) -> Context {
        let mut cx = Context::new();
        insert_fields(&mut cx, self);
        cx
    }
}

/// Puts each field of `value` (a struct) into `cx` as a variable.
pub(super) fn insert_fields<T: Serialize>(cx: &mut Context, value: &T) {
    let Some(map) = Value::from_serializable(value).into_map() else {
        return;
    };
    for (key, value) in map {
        match key {
            tera::value::Key::Str(name) => cx.insert_value(name, value),
            other => cx.insert_value(other.as_str().unwrap_or_default().to_owned(), value),
        }
    }
}

#[derive(Clone)]
pub(super) struct LanguageData {
    pub(super) common: Context,
    pub(super) values: LanguageValues,
    pub(super) links: Links,
}

/// What lists of honours show of each profile, award list and unit in one
/// language, made once rather than on every page that lists them.
#[derive(Clone)]
pub(super) struct Links {
    /// Per profile.
    pub(super) profiles: Vec<ProfileTexts>,
    /// Per award list.
    pub(super) lists: Vec<ListTexts>,
    /// Per unit of `Honours::units`: its label and page, when it has one.
    pub(super) units: Vec<Option<UnitTexts>>,
    /// The default language's code on another language's pages.
    pub(super) default_lang: Option<Html>,
    /// Where the individuals filed under each letter start in this
    /// language's profile list.
    pub(super) letters: Vec<(&'static str, usize)>,
    /// Where the collectives start in it.
    pub(super) first_collective: Option<usize>,
}

#[derive(Clone)]
pub(super) struct ProfileTexts {
    pub(super) name: Html,
    pub(super) name_lang: Option<Html>,
    pub(super) href: Html,
    pub(super) kind: &'static str,
    pub(super) position: Option<Html>,
    pub(super) position_lang: Option<Html>,
}

#[derive(Clone, Hash)]
pub(super) struct ListTexts {
    /// Its title without issuer.
    pub(super) title: Html,
    pub(super) href: Html,
}

#[derive(Clone)]
pub(super) struct UnitTexts {
    /// Its label in this language, and whether that is the default
    /// language's on another language's page.
    pub(super) label: String,
    pub(super) marked: bool,
    pub(super) link: String,
    pub(super) name: Html,
    pub(super) lang: Option<Html>,
    pub(super) href: Html,
}

/// What every page of a site shares, built once per site: each language's
/// common variables and the cards of every profile, campaign and award
/// list. The preview keeps it between rebuilds and refreshes only the
/// entities an edit changed.
#[derive(Clone)]
pub struct Prepared {
    pub(super) languages: Vec<LanguageData>,
    /// Profile indexes, newest `date` first, then in name order.
    pub(super) newest: Vec<ProfileId>,
    /// Every honour by year, award type and unit.
    pub(super) honours: Honours,
}

impl Prepared {
    pub fn new(site: &Site, theme: &Theme) -> Prepared {
        let urls = Urls::new(&site.config);
        let mut newest: Vec<ProfileId> = ProfileId::all(site.profiles.len()).collect();
        newest.sort_by(|&a, &b| site.profiles[b].date.cmp(&site.profiles[a].date));
        // The honours, and each language's cards, on every core; then
        // each language's links, which need both.
        let languages = &site.config.languages;
        let values_of = |i: usize| values(site, theme, &languages[i], i, urls);
        let (honours, cards) = rayon::join(
            || Honours::of(site),
            || {
                (0..languages.len())
                    .into_par_iter()
                    .map(|i| (Common::new(site, theme, i).context(), values_of(i).all()))
                    .collect::<Vec<_>>()
            },
        );
        let languages = cards
            .into_par_iter()
            .enumerate()
            .map(|(i, (common, values))| LanguageData {
                common,
                links: links(&values_of(i), &honours),
                values,
            })
            .collect();
        Prepared {
            languages,
            newest,
            honours,
        }
    }

    /// After an edit that changed only the texts of these profiles and
    /// campaigns: their values again, and those of the award lists that
    /// name a changed campaign.
    pub fn refresh(
        &mut self,
        site: &Site,
        theme: &Theme,
        profiles: &[ProfileId],
        campaigns: &[CampaignId],
    ) {
        let lists: Vec<AwardListId> = AwardListId::all(site.award_lists.len())
            .zip(&site.award_lists)
            .filter(|(_, list)| list.campaign.is_some_and(|c| campaigns.contains(&c)))
            .map(|(l, _)| l)
            .collect();
        self.patch(site, theme, profiles, campaigns, &lists);
    }

    /// After the preview put edited or new entities into the site
    /// ([`crate::model::patch`]): their values again, a new profile's
    /// added last. Lists, counts and links stay as they were: only the
    /// entities' own pages are rendered from this.
    pub fn patch(
        &mut self,
        site: &Site,
        theme: &Theme,
        profiles: &[ProfileId],
        campaigns: &[CampaignId],
        award_lists: &[AwardListId],
    ) {
        let urls = Urls::new(&site.config);
        for (i, (lang, data)) in site
            .config
            .languages
            .iter()
            .zip(&mut self.languages)
            .enumerate()
        {
            let values = values(site, theme, lang, i, urls);
            for &p in profiles {
                let value = values.profile_value(p);
                match data.values.profiles.get_mut(p.index()) {
                    Some(old) => *old = value,
                    None => data.values.profiles.push(value),
                }
            }
            for &c in campaigns {
                data.values.campaigns[c.index()] = values.campaign_value(c);
            }
            for &l in award_lists {
                data.values.award_lists[l.index()] = values.award_list_value(l);
            }
        }
    }
}

fn links(v: &Values, honours: &Honours) -> Links {
    let (site, urls, lang) = (v.site, v.urls, v.lang);
    let default_lang = (v.lang_index > 0).then(|| Html::new(v.default_code()));
    let profiles = site
        .profiles
        .iter()
        .map(|p| {
            let text = &p.texts[v.lang_index];
            ProfileTexts {
                name: Html::new(&text.name),
                name_lang: (text.source.lang != lang.code).then(|| Html::new(&text.source.lang)),
                href: Html::new(&urls.href(&urls.profile(lang, &p.slug))),
                kind: p.kind.as_str(),
                position: Html::opt(text.position.as_deref()),
                position_lang: Html::opt(text.position_lang.as_deref()),
            }
        })
        .collect();
    let lists = site
        .award_lists
        .iter()
        .map(|l| ListTexts {
            title: Html::new(&v.list_title_lead(l)),
            href: Html::new(&urls.href(&urls.award_list(lang, &l.slug))),
        })
        .collect();
    let mut units = vec![None; honours.units.units.len()];
    for page in &honours.unit_pages {
        let unit = &honours.units.units[page.unit];
        let (label, marked) = match page.labels.get(v.lang_index).cloned().flatten() {
            Some(label) => (label, false),
            None => (unit.label.clone(), v.lang_index > 0),
        };
        let link = urls.href(&urls.unit(lang, &unit.slug, 1));
        units[page.unit] = Some(UnitTexts {
            name: Html::new(&label),
            lang: marked.then(|| Html::new(v.default_code())),
            href: Html::new(&link),
            label,
            marked,
            link,
        });
    }
    let ids: Vec<ProfileId> = ProfileId::all(site.profiles.len()).collect();
    let order = site.in_language_order(v.lang_index, &ids);
    let mut letters: Vec<(&'static str, usize)> = Vec::new();
    let mut first_collective = None;
    for (at, &p) in order.iter().enumerate() {
        let profile = &site.profiles[p];
        match profile.kind {
            Kind::Individual => {
                let text = &profile.texts[v.lang_index];
                let given = given_name(&text.name, profile.sort_name.as_deref());
                if let Some(letter) = initial_letter(given)
                    && !letters.iter().any(|(l, _)| *l == letter)
                {
                    letters.push((letter, at));
                }
            }
            Kind::Collective => {
                first_collective.get_or_insert(at);
            }
        }
    }
    Links {
        profiles,
        lists,
        units,
        default_lang,
        letters,
        first_collective,
    }
}

fn values<'a>(
    site: &'a Site,
    theme: &'a Theme,
    lang: &'a Language,
    lang_index: usize,
    urls: Urls<'a>,
) -> Values<'a> {
    Values {
        site,
        lang,
        lang_index,
        urls,
        strings: &theme.strings[lang_index],
    }
}
