//! The objects templates see, typed: profile, campaign and award-list cards
//! (built once per language and shared by every page that shows them), and
//! the smaller objects pages build for themselves. docs/templates.md lists
//! every field; `tests/docs.rs` holds it to that.

use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use serde::Serialize;
use tera::Value;

use crate::catalogue::AwardTypeId;
use crate::config::Language;
use crate::model::{
    AwardList, AwardListId, Campaign, CampaignId, HeldAward, Profile, ProfileId, Site,
};
use crate::urls::Urls;

/// A card as Tera value, built once and shared (cloning it clones an
/// `Arc`), with a hash of what it shows: a page showing it hashes to the
/// same value as long as the card is the same.
#[derive(Clone)]
pub struct Shared {
    value: Value,
    hash: u64,
}

impl Shared {
    fn of<T: Serialize + Hash>(card: &T) -> Shared {
        Shared {
            value: Value::from_serializable(card),
            hash: super::inputs::hash_of(card),
        }
    }
}

impl Serialize for Shared {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Into a Tera value, Tera clones the value instead of rebuilding it.
        self.value.serialize(s)
    }
}

impl Hash for Shared {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.hash.hash(state);
    }
}

/// Precomputed cards of one language.
#[derive(Clone)]
pub struct LanguageValues {
    pub profiles: Vec<Shared>,
    pub campaigns: Vec<Shared>,
    pub award_lists: Vec<Shared>,
}

#[derive(Serialize, Hash)]
pub struct Link<'a> {
    name: &'a str,
    href: String,
    /// The language of `name` when it is not the page's (untranslated).
    lang: Option<&'a str>,
}

#[derive(Serialize)]
pub struct AwardTypeValue<'a> {
    key: &'a str,
    name: &'a str,
    kind: crate::catalogue::AwardKind,
    level: crate::catalogue::Level,
    rank: i64,
}

impl Hash for AwardTypeValue<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.key, self.name, self.rank).hash(state);
        std::mem::discriminant(&self.kind).hash(state);
        std::mem::discriminant(&self.level).hash(state);
    }
}

#[derive(Serialize, Hash)]
pub struct ProfileCard<'a> {
    slug: &'a str,
    href: String,
    name: &'a str,
    kind: &'static str,
    unit: &'a str,
    position: Option<&'a str>,
    ethnicity: Option<&'a str>,
    year: i32,
    year_href: String,
    summary: &'a str,
    /// The small copy, for lists.
    photo: Option<String>,
    /// The profile page's copies and the one for sharing.
    portrait: Option<super::photos::PortraitValue>,
    initials: String,
    translated: bool,
    text_lang: &'a str,
    draft: bool,
    date: String,
    date_iso: String,
    top_award: Option<&'a str>,
    award_count: usize,
}

#[derive(Serialize, Hash)]
pub struct CampaignCard<'a> {
    slug: &'a str,
    href: String,
    name: &'a str,
    start_year: i32,
    end_year: Option<i32>,
    period: String,
    launched_by: Option<&'a str>,
    plan: Option<&'a str>,
    slogan: Option<&'a str>,
    translated: bool,
    text_lang: &'a str,
    draft: bool,
    profile_count: usize,
    award_list_count: usize,
}

#[derive(Serialize, Hash)]
pub struct AwardListCard<'a> {
    slug: &'a str,
    href: String,
    decision: &'a str,
    date: String,
    date_iso: String,
    issuer: &'a str,
    award: AwardTypeValue<'a>,
    year: i32,
    year_href: String,
    campaign: Option<Link<'a>>,
    reason: Option<&'a str>,
    recipient_count: usize,
}

#[derive(Serialize, Hash)]
pub struct HeldAwardValue<'a> {
    award: AwardTypeValue<'a>,
    year: i32,
    year_href: String,
    decision: Option<&'a str>,
    issuer: Option<&'a str>,
    date: Option<String>,
    date_iso: Option<String>,
    list_href: Option<String>,
    campaign: Option<Link<'a>>,
}

#[derive(Serialize, Hash)]
pub struct RecipientValue<'a> {
    number: usize,
    name: &'a str,
    kind: &'static str,
    position: Option<&'a str>,
    unit: Option<&'a str>,
    profile_href: Option<String>,
}

/// Builds values for one language.
pub struct Values<'a> {
    pub site: &'a Site,
    pub lang: &'a Language,
    pub lang_index: usize,
    pub urls: Urls<'a>,
}

impl<'a> Values<'a> {
    fn default_code(&self) -> &'a str {
        &self.site.config.languages[0].code
    }

    pub fn award_type(&self, index: AwardTypeId) -> AwardTypeValue<'a> {
        let t = self.site.catalogue.by_index(index);
        AwardTypeValue {
            key: &t.key,
            name: t.name.get(&self.lang.code, self.default_code()),
            kind: t.kind,
            level: t.level,
            rank: t.rank,
        }
    }

    fn campaign_link(&self, index: CampaignId) -> Link<'a> {
        let c = &self.site.campaigns[index];
        let text = &c.texts[self.lang_index];
        Link {
            name: &text.name,
            href: self.urls.href(&self.urls.campaign(self.lang, &c.slug, 1)),
            lang: (!text.source.translated).then_some(text.source.lang.as_str()),
        }
    }

    pub fn year_href(&self, year: i32) -> String {
        self.urls.href(&self.urls.year(self.lang, year, 1))
    }

    pub fn profile_value(&self, i: ProfileId) -> Shared {
        Shared::of(&self.profile_card(&self.site.profiles[i]))
    }

    pub fn campaign_value(&self, i: CampaignId) -> Shared {
        Shared::of(&self.campaign_card(&self.site.campaigns[i]))
    }

    pub fn award_list_value(&self, i: AwardListId) -> Shared {
        Shared::of(&self.award_list_card(&self.site.award_lists[i]))
    }

    pub fn all(&self) -> LanguageValues {
        LanguageValues {
            profiles: self
                .site
                .profiles
                .par_iter()
                .map(|p| Shared::of(&self.profile_card(p)))
                .collect(),
            campaigns: self
                .site
                .campaigns
                .iter()
                .map(|c| Shared::of(&self.campaign_card(c)))
                .collect(),
            award_lists: self
                .site
                .award_lists
                .iter()
                .map(|l| Shared::of(&self.award_list_card(l)))
                .collect(),
        }
    }

    pub fn profile_card(&self, p: &'a Profile) -> ProfileCard<'a> {
        let text = &p.texts[self.lang_index];
        let show_ethnicity = self.site.config.privacy.show_ethnicity;
        let default_lang = &self.site.config.languages[0];
        let photo_dir = self.urls.profile(default_lang, &p.slug);
        ProfileCard {
            slug: &p.slug,
            href: self.urls.href(&self.urls.profile(self.lang, &p.slug)),
            name: &text.name,
            kind: p.kind.as_str(),
            unit: &text.unit,
            position: text.position.as_deref(),
            ethnicity: if show_ethnicity {
                text.ethnicity.as_deref()
            } else {
                None
            },
            year: p.year,
            year_href: self.year_href(p.year),
            summary: &text.summary,
            photo: p
                .photo
                .as_ref()
                .and_then(|ph| super::photos::list_url(&self.urls, &photo_dir, ph)),
            portrait: p
                .photo
                .as_ref()
                .and_then(|ph| super::photos::portrait(&self.urls, &photo_dir, ph)),
            initials: initials(&text.name, p.kind),
            translated: text.source.translated,
            text_lang: &text.source.lang,
            draft: p.draft || text.draft,
            date: p.date.format(&self.lang.code),
            date_iso: p.date.iso(),
            top_award: p.awards.first().map(|a| {
                self.site
                    .catalogue
                    .by_index(a.award)
                    .name
                    .get(&self.lang.code, self.default_code())
            }),
            award_count: p.awards.len(),
        }
    }

    pub fn campaign_card(&self, c: &'a Campaign) -> CampaignCard<'a> {
        let text = &c.texts[self.lang_index];
        CampaignCard {
            slug: &c.slug,
            href: self.urls.href(&self.urls.campaign(self.lang, &c.slug, 1)),
            name: &text.name,
            start_year: c.start_year,
            end_year: c.end_year,
            period: match c.end_year {
                Some(end) if end != c.start_year => format!("{}–{end}", c.start_year),
                Some(_) => c.start_year.to_string(),
                None => format!("{}–", c.start_year),
            },
            launched_by: text.launched_by.as_deref(),
            plan: text.plan.as_deref(),
            slogan: text.slogan.as_deref(),
            translated: text.source.translated,
            text_lang: &text.source.lang,
            draft: c.draft || text.draft,
            profile_count: c.profiles.len(),
            award_list_count: c.award_lists.len(),
        }
    }

    pub fn award_list_card(&self, l: &'a AwardList) -> AwardListCard<'a> {
        let code = &self.lang.code;
        AwardListCard {
            slug: &l.slug,
            href: self.urls.href(&self.urls.award_list(self.lang, &l.slug)),
            decision: &l.decision,
            date: l.date.format(code),
            date_iso: l.date.iso(),
            issuer: l.issuer.get(code, self.default_code()),
            award: self.award_type(l.award),
            year: l.year,
            year_href: self.year_href(l.year),
            campaign: l.campaign.map(|c| self.campaign_link(c)),
            reason: l.reason.as_ref().map(|r| r.get(code, self.default_code())),
            recipient_count: l.recipients.len(),
        }
    }

    /// The awards of a profile page.
    pub fn held_awards(&self, awards: &'a [HeldAward]) -> Vec<HeldAwardValue<'a>> {
        let code = &self.lang.code;
        awards
            .iter()
            .map(|a| HeldAwardValue {
                award: self.award_type(a.award),
                year: a.year,
                year_href: self.year_href(a.year),
                decision: a.decision.as_deref(),
                issuer: a.issuer.as_ref().map(|i| i.get(code, self.default_code())),
                date: a.date.map(|d| d.format(code)),
                date_iso: a.date.map(|d| d.iso()),
                list_href: a.list.map(|l| {
                    self.urls.href(
                        &self
                            .urls
                            .award_list(self.lang, &self.site.award_lists[l].slug),
                    )
                }),
                campaign: a.campaign.map(|c| self.campaign_link(c)),
            })
            .collect()
    }

    pub fn campaign_links(&self, campaigns: &[CampaignId]) -> Vec<Link<'a>> {
        campaigns.iter().map(|&c| self.campaign_link(c)).collect()
    }

    /// The recipients table of an award-list page.
    pub fn recipients(&self, list: &'a AwardList) -> Vec<RecipientValue<'a>> {
        let code = &self.lang.code;
        list.recipients
            .iter()
            .enumerate()
            .map(|(i, r)| RecipientValue {
                number: i + 1,
                name: r.profile.map_or(&r.name, |p| {
                    &self.site.profiles[p].texts[self.lang_index].name
                }),
                kind: r.kind.as_str(),
                position: r
                    .position
                    .as_ref()
                    .map(|x| x.get(code, self.default_code())),
                unit: r.unit.as_ref().map(|x| x.get(code, self.default_code())),
                profile_href: r.profile.map(|p| {
                    self.urls
                        .href(&self.urls.profile(self.lang, &self.site.profiles[p].slug))
                }),
            })
            .collect()
    }
}

/// Initials for an avatar when there is no photo: a person's family and
/// given name ("Nguyễn Thị Đào" → "NĐ"), a collective's first letter.
pub fn initials(name: &str, kind: crate::model::Kind) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = |w: &str| {
        w.chars()
            .find(|c| c.is_alphanumeric())
            .map(|c| c.to_uppercase().to_string())
            .unwrap_or_default()
    };
    match (kind, words.as_slice()) {
        (_, []) => String::new(),
        (crate::model::Kind::Individual, [one]) => first(one),
        (crate::model::Kind::Individual, [head, .., last]) => {
            format!("{}{}", first(head), first(last))
        }
        (crate::model::Kind::Collective, [one, ..]) => first(one),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    #[test]
    fn initials_of_people_and_collectives() {
        assert_eq!(initials("Nguyễn Thị Đào", Kind::Individual), "NĐ");
        assert_eq!(initials("H'Hen Niê", Kind::Individual), "HN");
        assert_eq!(initials("Ban Dân tộc", Kind::Collective), "B");
        assert_eq!(initials("", Kind::Collective), "");
    }
}
