//! The data each template receives: every language's shared context and
//! values ([`Prepared`]), and each page's own variables. docs/templates.md
//! lists them all.

use tera::{Context, Value};

use super::theme::Theme;
use super::values::{LanguageValues, Values};
use super::{HOME_AWARD_LISTS, HOME_NEWEST, PageKind, Renderer, page_count, page_slice};
use crate::config::Language;
use crate::model::{AwardListId, CampaignId, ProfileId, Site};
use crate::urls::Urls;

#[derive(Clone)]
struct LanguageData {
    base: Context,
    values: LanguageValues,
}

/// What every page of a site shares, built once per site: each language's
/// base context and the template values of every profile, campaign and
/// award list. The preview keeps it between rebuilds and refreshes only
/// the entities an edit changed.
#[derive(Clone)]
pub struct Prepared {
    languages: Vec<LanguageData>,
    /// Profiles, newest `date` first, then in name order.
    pub(super) newest: Vec<ProfileId>,
}

impl Prepared {
    pub fn new(site: &Site, theme: &Theme) -> Prepared {
        let urls = Urls::new(&site.config);
        let mut newest: Vec<ProfileId> = ProfileId::all(site.profiles.len()).collect();
        newest.sort_by(|&a, &b| site.profiles[b].date.cmp(&site.profiles[a].date));
        let languages = site
            .config
            .languages
            .iter()
            .enumerate()
            .map(|(i, lang)| {
                let values = Values {
                    site,
                    lang,
                    lang_index: i,
                    urls,
                }
                .all();
                LanguageData {
                    base: base_context(site, theme, urls, lang, i),
                    values,
                }
            })
            .collect();
        Prepared { languages, newest }
    }

    /// After an edit that changed only the texts of these profiles and
    /// campaigns: their values again, and those of the award lists that
    /// name a changed campaign.
    pub fn refresh(&mut self, site: &Site, profiles: &[ProfileId], campaigns: &[CampaignId]) {
        let urls = Urls::new(&site.config);
        for (i, (lang, data)) in site
            .config
            .languages
            .iter()
            .zip(&mut self.languages)
            .enumerate()
        {
            let values = Values {
                site,
                lang,
                lang_index: i,
                urls,
            };
            for &p in profiles {
                data.values.profiles[p.index()] = values.profile_value(p);
            }
            for &c in campaigns {
                data.values.campaigns[c.index()] = values.campaign_value(c);
            }
            for (l, list) in AwardListId::all(site.award_lists.len()).zip(&site.award_lists) {
                if list.campaign.is_some_and(|c| campaigns.contains(&c)) {
                    data.values.award_lists[l.index()] = values.award_list_value(l);
                }
            }
        }
    }
}

impl Renderer<'_> {
    fn alternates(&self, kind: PageKind) -> Value {
        let list: Vec<Value> = self
            .site
            .config
            .languages
            .iter()
            .map(|l| {
                let path = self.site_path(l, kind);
                let mut m = tera::Map::new();
                m.insert("lang".into(), Value::from(l.code.as_str()));
                m.insert("title".into(), Value::from(l.title.as_str()));
                m.insert("href".into(), Value::from(self.urls.href(&path)));
                m.insert("absolute".into(), Value::from(self.urls.absolute(&path)));
                Value::from(m)
            })
            .collect();
        Value::from(list)
    }

    pub(super) fn template_and_context(
        &self,
        lang_index: usize,
        kind: PageKind,
    ) -> (&'static str, Context) {
        let site = self.site;
        let data = &self.prepared.languages[lang_index];
        let lang = &site.config.languages[lang_index];
        let values = Values {
            site,
            lang,
            lang_index,
            urls: self.urls,
        };
        let per = site.config.paginate_by;
        let mut cx = data.base.clone();
        let path = self.site_path(lang, kind);
        let mut page = tera::Map::new();
        page.insert("href".into(), Value::from(self.urls.href(&path)));
        page.insert("canonical".into(), Value::from(self.urls.absolute(&path)));
        page.insert("alternates".into(), self.alternates(kind));
        let mut translated = true;
        let mut text_lang = lang.code.clone();
        let mut draft = false;
        let mut pagination = Value::none();
        let template = match kind {
            PageKind::Home => {
                let newest: Vec<ProfileId> = self
                    .prepared
                    .newest
                    .iter()
                    .copied()
                    .take(HOME_NEWEST)
                    .collect();
                cx.insert_value("newest_profiles", pick(&data.values.profiles, &newest));
                cx.insert_value("years", self.years_value(&values));
                cx.insert_value("campaigns", Value::from(data.values.campaigns.clone()));
                cx.insert_value(
                    "award_lists",
                    Value::from(
                        data.values
                            .award_lists
                            .iter()
                            .take(HOME_AWARD_LISTS)
                            .cloned()
                            .collect::<Vec<_>>(),
                    ),
                );
                let individuals = site
                    .profiles
                    .iter()
                    .filter(|p| p.kind == crate::model::Kind::Individual)
                    .count();
                let mut counts = tera::Map::new();
                counts.insert("profiles".into(), Value::from(site.profiles.len()));
                counts.insert("individuals".into(), Value::from(individuals));
                counts.insert(
                    "collectives".into(),
                    Value::from(site.profiles.len() - individuals),
                );
                counts.insert("campaigns".into(), Value::from(site.campaigns.len()));
                counts.insert("award_lists".into(), Value::from(site.award_lists.len()));
                counts.insert("years".into(), Value::from(site.years.len()));
                counts.insert(
                    "awards".into(),
                    Value::from(
                        site.years
                            .iter()
                            .flat_map(|y| &y.summary)
                            .map(|r| r.individuals + r.collectives)
                            .sum::<usize>(),
                    ),
                );
                cx.insert_value("counts", Value::from(counts));
                "index.html"
            }
            PageKind::ProfileList { page } => {
                let all = &data.values.profiles;
                cx.insert_value("profiles", Value::from(page_slice(all, page, per).to_vec()));
                pagination = self.pagination(page, page_count(all.len(), per), |n| {
                    self.urls.profiles(lang, n)
                });
                "profiles.html"
            }
            PageKind::Profile(i) => {
                let p = &site.profiles[i];
                let text = &p.texts[lang_index];
                translated = text.source.translated;
                text_lang = text.source.lang.clone();
                draft = p.draft || text.draft;
                cx.insert_value("profile", data.values.profiles[i.index()].clone());
                cx.insert_value("body", Value::safe_string(&text.body_html));
                cx.insert_value("awards", values.held_awards(&p.awards));
                cx.insert_value("campaigns", values.campaign_links(&p.campaigns));
                "profile.html"
            }
            PageKind::Years => {
                cx.insert_value("years", self.years_value(&values));
                "years.html"
            }
            PageKind::Year { index, page } => {
                let y = &site.years[index];
                let mut year = tera::Map::new();
                year.insert("year".into(), Value::from(y.year));
                year.insert("href".into(), Value::from(values.year_href(y.year)));
                let mut totals = (0usize, 0usize);
                let rows: Vec<Value> = y
                    .summary
                    .iter()
                    .map(|r| {
                        totals.0 += r.individuals;
                        totals.1 += r.collectives;
                        let mut m = tera::Map::new();
                        m.insert(
                            "award".into(),
                            Value::from_serializable(&values.award_type(r.award)),
                        );
                        m.insert("individuals".into(), Value::from(r.individuals));
                        m.insert("collectives".into(), Value::from(r.collectives));
                        m.insert("total".into(), Value::from(r.individuals + r.collectives));
                        Value::from(m)
                    })
                    .collect();
                year.insert("summary".into(), Value::from(rows));
                year.insert("total_individuals".into(), Value::from(totals.0));
                year.insert("total_collectives".into(), Value::from(totals.1));
                year.insert("total".into(), Value::from(totals.0 + totals.1));
                year.insert("profile_count".into(), Value::from(y.profiles.len()));
                cx.insert_value("year", Value::from(year));
                pagination =
                    self.members(&mut cx, data, (&y.profiles, &y.award_lists), page, |n| {
                        self.urls.year(lang, y.year, n)
                    });
                "year.html"
            }
            PageKind::Campaigns => {
                cx.insert_value("campaigns", Value::from(data.values.campaigns.clone()));
                "campaigns.html"
            }
            PageKind::Campaign { index, page } => {
                let c = &site.campaigns[index];
                let text = &c.texts[lang_index];
                translated = text.source.translated;
                text_lang = text.source.lang.clone();
                draft = c.draft || text.draft;
                cx.insert_value("campaign", data.values.campaigns[index.index()].clone());
                cx.insert_value("body", Value::safe_string(&text.body_html));
                pagination =
                    self.members(&mut cx, data, (&c.profiles, &c.award_lists), page, |n| {
                        self.urls.campaign(lang, &c.slug, n)
                    });
                "campaign.html"
            }
            PageKind::AwardLists => {
                cx.insert_value("award_lists", Value::from(data.values.award_lists.clone()));
                "award_lists.html"
            }
            PageKind::AwardList(i) => {
                cx.insert_value("award_list", data.values.award_lists[i.index()].clone());
                cx.insert_value("recipients", values.recipients(&site.award_lists[i]));
                "award_list.html"
            }
            PageKind::NotFound => "404.html",
        };
        page.insert("kind".into(), Value::from(kind_name(kind)));
        page.insert("translated".into(), Value::from(translated));
        page.insert("text_lang".into(), Value::from(text_lang));
        page.insert("draft".into(), Value::from(draft));
        cx.insert_value("page", Value::from(page));
        cx.insert_value("pagination", pagination);
        (template, cx)
    }

    /// The profiles (this page of them) and award lists of a year or
    /// campaign page; returns its pagination.
    fn members(
        &self,
        cx: &mut Context,
        data: &LanguageData,
        (profiles, lists): (&[ProfileId], &[AwardListId]),
        page: usize,
        path_of: impl Fn(usize) -> String,
    ) -> Value {
        let per = self.site.config.paginate_by;
        cx.insert_value(
            "profiles",
            pick(&data.values.profiles, page_slice(profiles, page, per)),
        );
        cx.insert_value("award_lists", pick(&data.values.award_lists, lists));
        self.pagination(page, page_count(profiles.len(), per), path_of)
    }

    fn years_value(&self, values: &Values) -> Value {
        let list: Vec<Value> = self
            .site
            .years
            .iter()
            .map(|y| {
                let mut m = tera::Map::new();
                m.insert("year".into(), Value::from(y.year));
                m.insert("href".into(), Value::from(values.year_href(y.year)));
                m.insert("profile_count".into(), Value::from(y.profiles.len()));
                m.insert("award_list_count".into(), Value::from(y.award_lists.len()));
                m.insert(
                    "award_count".into(),
                    Value::from(
                        y.summary
                            .iter()
                            .map(|r| r.individuals + r.collectives)
                            .sum::<usize>(),
                    ),
                );
                Value::from(m)
            })
            .collect();
        Value::from(list)
    }

    fn pagination(&self, current: usize, total: usize, path_of: impl Fn(usize) -> String) -> Value {
        if total <= 1 {
            return Value::none();
        }
        let href = |n: usize| Value::from(self.urls.href(&path_of(n)));
        let mut m = tera::Map::new();
        m.insert("current".into(), Value::from(current));
        m.insert("total".into(), Value::from(total));
        m.insert(
            "prev".into(),
            if current > 1 {
                href(current - 1)
            } else {
                Value::none()
            },
        );
        m.insert(
            "next".into(),
            if current < total {
                href(current + 1)
            } else {
                Value::none()
            },
        );
        let pages: Vec<Value> = (1..=total)
            .map(|n| {
                let mut p = tera::Map::new();
                p.insert("number".into(), Value::from(n));
                p.insert("href".into(), href(n));
                p.insert("current".into(), Value::from(n == current));
                Value::from(p)
            })
            .collect();
        m.insert("pages".into(), Value::from(pages));
        Value::from(m)
    }
}

pub(super) fn kind_name(kind: PageKind) -> &'static str {
    match kind {
        PageKind::Home => "home",
        PageKind::ProfileList { .. } => "profile_list",
        PageKind::Profile(_) => "profile",
        PageKind::Years => "years",
        PageKind::Year { .. } => "year",
        PageKind::Campaigns => "campaigns",
        PageKind::Campaign { .. } => "campaign",
        PageKind::AwardLists => "award_lists",
        PageKind::AwardList(_) => "award_list",
        PageKind::NotFound => "404",
    }
}

/// What every page of a language shares.
fn base_context(
    site: &Site,
    theme: &Theme,
    urls: Urls,
    lang: &Language,
    lang_index: usize,
) -> Context {
    let mut cx = Context::new();
    let mut l = tera::Map::new();
    l.insert("code".into(), Value::from(lang.code.as_str()));
    l.insert("title".into(), Value::from(lang.title.as_str()));
    l.insert("description".into(), Value::from(lang.description.as_str()));
    l.insert("is_default".into(), Value::from(lang.is_default));
    cx.insert_value("lang", Value::from(l));
    let langs: Vec<Value> = site
        .config
        .languages
        .iter()
        .map(|o| {
            let mut m = tera::Map::new();
            m.insert("code".into(), Value::from(o.code.as_str()));
            m.insert("title".into(), Value::from(o.title.as_str()));
            m.insert("home".into(), Value::from(urls.href(&urls.home(o))));
            Value::from(m)
        })
        .collect();
    cx.insert_value("languages", Value::from(langs));
    let mut nav = tera::Map::new();
    for (key, path) in [
        ("home", urls.home(lang)),
        ("profiles", urls.profiles(lang, 1)),
        ("years", urls.years(lang)),
        ("campaigns", urls.campaigns(lang)),
        ("awards", urls.award_lists(lang)),
        ("feed", urls.feed(lang)),
    ] {
        nav.insert(key.into(), Value::from(urls.href(&path)));
    }
    cx.insert_value("nav", Value::from(nav));
    let mut s = tera::Map::new();
    s.insert(
        "base_url".into(),
        Value::from(site.config.base_url.as_str()),
    );
    s.insert(
        "base_path".into(),
        Value::from(site.config.base_path.as_str()),
    );
    s.insert("drafts".into(), Value::from(site.drafts));
    s.insert(
        "generator".into(),
        Value::from(concat!("vinhdanh ", env!("CARGO_PKG_VERSION"))),
    );
    cx.insert_value("site", Value::from(s));
    cx.insert_value("t", Value::from_serializable(&theme.strings[lang_index]));
    cx
}

/// The values of `ids`, in their order, out of `all` (one per entity).
fn pick<I: Copy + Into<usize>>(all: &[Value], ids: &[I]) -> Value {
    Value::from(
        ids.iter()
            .map(|&i| all[i.into()].clone())
            .collect::<Vec<_>>(),
    )
}
