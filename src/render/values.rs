//! The objects templates see, typed: profile, campaign and award-list cards
//! (built once per language and shared by every page that shows them), and
//! the smaller objects pages build for themselves. docs/templates.md lists
//! every field; `tests/docs.rs` holds it to that.

use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;
use tera::Value;

use crate::catalogue::AwardTypeId;
use crate::config::Language;
use indexmap::IndexMap;

use super::rows::Rows;
use super::{Entity, Renderer};
use crate::i18n::LocalisedText;
use crate::i18n::collate::{ALPHABET, given_name, initial_letter};
use crate::model::{
    AwardList, AwardListId, Campaign, CampaignId, CampaignLevel, Count, HeldAward, Period, Profile,
    ProfileId, Site,
};
use crate::urls::Urls;

/// A card of one language, shared by every page that shows it: the hash
/// of what it shows, made once per build, and its Tera value, made when a
/// page showing it is first rendered ([`Card`]). Most builds of the
/// preview render a hundred of a province's 50,000 pages: values for the
/// 20,000 cards of each language were a tenth of its rebuild.
#[derive(Clone)]
pub struct Shared {
    value: OnceLock<Value>,
    hash: u64,
}

impl Shared {
    fn of<T: Hash>(card: &T) -> Shared {
        Shared {
            value: OnceLock::new(),
            hash: super::inputs::hash_of(card),
        }
    }
}

/// A card on a page: it hashes as its [`Shared`] does, and serialises to
/// its value, made from the site the first time.
#[derive(Clone, Copy)]
pub struct Card<'a> {
    pub(super) shared: &'a Shared,
    pub(super) renderer: &'a Renderer<'a>,
    pub(super) lang_index: usize,
    pub(super) entity: Entity,
}

impl Serialize for Card<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let value = self.shared.value.get_or_init(|| {
            let v = self.renderer.values(self.lang_index);
            let site = v.site;
            match self.entity {
                Entity::Profile(i) => Value::from_serializable(&v.profile_card(&site.profiles[i])),
                Entity::Campaign(i) => {
                    Value::from_serializable(&v.campaign_card(&site.campaigns[i]))
                }
                Entity::AwardList(i) => {
                    Value::from_serializable(&v.award_list_card(&site.award_lists[i]))
                }
            }
        });
        // Into a Tera value, Tera clones the value instead of rebuilding it.
        value.serialize(s)
    }
}

impl Hash for Card<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.shared.hash.hash(state);
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
    /// The language `name` is written in when not the page's (a site's own
    /// award type named in one language only).
    name_lang: Option<&'a str>,
    kind: crate::catalogue::AwardKind,
    level: crate::catalogue::Level,
    rank: i64,
}

impl Hash for AwardTypeValue<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.key, self.name, self.name_lang, self.rank).hash(state);
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
    unit_lang: Option<&'a str>,
    position: Option<&'a str>,
    position_lang: Option<&'a str>,
    ethnicity: Option<&'a str>,
    ethnicity_lang: Option<&'a str>,
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
    /// The letter of the alphabet an individual is filed under in this
    /// language's lists (of `sort_name`, else the given name); none for a
    /// collective or a name that starts with no letter.
    letter: Option<&'static str>,
    /// An anchor for the first card of `letter` in a list: `letter-a`,
    /// `letter-aw` (Ă), `letter-dd` (Đ).
    letter_id: Option<&'static str>,
}

#[derive(Serialize, Hash)]
pub struct CampaignCard<'a> {
    slug: &'a str,
    href: String,
    name: &'a str,
    start_year: Option<i32>,
    end_year: Option<i32>,
    period: Option<String>,
    /// `national`, `province`, `agency`, or none.
    level: Option<&'static str>,
    documents: Vec<DocumentValue<'a>>,
    launched_by: Option<&'a str>,
    launched_by_lang: Option<&'a str>,
    plan: Option<&'a str>,
    plan_lang: Option<&'a str>,
    slogan: Option<&'a str>,
    slogan_lang: Option<&'a str>,
    translated: bool,
    text_lang: &'a str,
    draft: bool,
    profile_count: usize,
    award_list_count: usize,
}

/// A plan or decision that launched or guides a campaign.
#[derive(Serialize, Hash)]
pub struct DocumentValue<'a> {
    number: &'a str,
    date: Option<String>,
    date_iso: Option<String>,
    issuer: Option<&'a str>,
    issuer_lang: Option<&'a str>,
    title: Option<&'a str>,
    title_lang: Option<&'a str>,
}

#[derive(Serialize, Hash)]
pub struct AwardListCard<'a> {
    slug: &'a str,
    href: String,
    /// "Quyết định số 631/QĐ-UBND", or without a number the award (or
    /// "Khen thưởng" for several), the year and the issuer.
    title: String,
    /// The title without its issuer, to put the issuer beside it in its own
    /// language: the whole title for a list with a number.
    title_lead: String,
    decision: Option<&'a str>,
    date: Option<String>,
    date_iso: Option<String>,
    /// The date it sorts and shows in feeds by (31 December of its year
    /// when undated).
    sort_date_iso: String,
    issuer: Option<&'a str>,
    issuer_lang: Option<&'a str>,
    /// Its one award type, when it gives one.
    award: Option<AwardTypeValue<'a>>,
    /// Every award type it gives, most prestigious first.
    awards: Vec<AwardTypeValue<'a>>,
    year: i32,
    year_href: String,
    period: Option<String>,
    campaign: Option<Link<'a>>,
    reason: Option<&'a str>,
    reason_lang: Option<&'a str>,
    /// Recipients named in the list (not those withheld at their request).
    recipient_count: usize,
    /// Everyone it honours, named or counted.
    individuals: usize,
    collectives: usize,
    /// "21 cá nhân và 2 tập thể" / "21 individuals and 2 collectives".
    honoured: String,
    /// The signed decision, when the list attaches it.
    attachment: Option<AttachmentValue>,
    /// Its recipients and counts as CSV (open data).
    csv_href: String,
}

/// A PDF attached to an award list.
#[derive(Serialize, Hash)]
pub struct AttachmentValue {
    href: String,
    /// Its size in the page's language: `1,2 MB`, `1.2 MB`, `350 KB`.
    size: String,
}

/// Recipients known only by number, as a decision page shows them.
#[derive(Serialize, Hash)]
pub struct CountValue<'a> {
    award: AwardTypeValue<'a>,
    individuals: usize,
    collectives: usize,
    /// "21 cá nhân" / "5 individuals and 2 collectives".
    words: String,
    note: Option<&'a str>,
    note_lang: Option<&'a str>,
}

#[derive(Serialize, Hash)]
pub struct HeldAwardValue<'a> {
    award: AwardTypeValue<'a>,
    year: i32,
    year_href: String,
    decision: Option<&'a str>,
    /// The list's title without its issuer (shown beside it), when a list
    /// records it.
    list_title: Option<String>,
    issuer: Option<&'a str>,
    issuer_lang: Option<&'a str>,
    date: Option<String>,
    date_iso: Option<String>,
    list_href: Option<String>,
    campaign: Option<Link<'a>>,
    reason: Option<&'a str>,
    reason_lang: Option<&'a str>,
    period: Option<String>,
}

/// The awards of one type a profile holds, oldest first: the profile page
/// shows a type once with its years on one line, not one block per year.
#[derive(Serialize, Hash)]
pub struct AwardGroupValue<'a> {
    award: AwardTypeValue<'a>,
    held: Vec<HeldAwardValue<'a>>,
}

/// One page's part of a group of honours: an award type's on a year's
/// page, a year's on an award type's, a year's and award type's on a
/// unit's.
#[derive(Serialize, Hash)]
pub struct HonourGroup<'a> {
    /// Its anchor on the page: `award-<slug>`, `year-<yyyy>` or
    /// `year-<yyyy>-<slug>`.
    pub(super) id: String,
    /// The award type, on a year's and a unit's page.
    pub(super) award: Option<AwardTypeValue<'a>>,
    /// The award type's own page.
    pub(super) award_href: Option<String>,
    /// The year, on an award type's and a unit's page.
    pub(super) year: Option<i32>,
    pub(super) year_href: Option<String>,
    /// Over the whole group, not only this page's part.
    pub(super) individuals: usize,
    pub(super) collectives: usize,
    pub(super) total: usize,
    pub(super) honoured: String,
    /// How many honours of the group name someone.
    pub(super) named: usize,
    /// Whether the group began on an earlier page.
    pub(super) continued: bool,
    /// This page's part of the group as HTML list items ([`super::rows`]).
    pub(super) rows: Rows<'a>,
}

/// Builds values for one language.
pub struct Values<'a> {
    pub site: &'a Site,
    pub lang: &'a Language,
    pub lang_index: usize,
    pub urls: Urls<'a>,
    /// The theme's UI strings of the language (titles and counts are
    /// worded with them).
    pub strings: &'a IndexMap<String, String>,
}

/// UI strings the code words values with (every theme must have them, as
/// it must have those its templates use).
pub const CODE_STRINGS: [&str; 7] = [
    "decision_title",
    "commendations",
    "count_individuals_one",
    "count_individuals",
    "count_collectives_one",
    "count_collectives",
    "count_and",
];

impl<'a> Values<'a> {
    pub(super) fn default_code(&self) -> &'a str {
        &self.site.config.languages[0].code
    }

    /// A UI string (checked to exist when the theme is loaded).
    pub(super) fn t(&self, key: &str) -> &'a str {
        self.strings.get(key).map_or("", String::as_str)
    }

    /// A localised value in this language, with the language it is in
    /// when that is not this one (to be marked with `lang`).
    pub(super) fn text(&self, t: &'a LocalisedText) -> (&'a str, Option<&'a str>) {
        let code = &self.lang.code;
        (
            t.get(code, self.default_code()),
            t.lang_of(code, self.default_code()),
        )
    }

    pub(super) fn text_opt(
        &self,
        t: Option<&'a LocalisedText>,
    ) -> (Option<&'a str>, Option<&'a str>) {
        match t {
            Some(t) => {
                let (text, lang) = self.text(t);
                (Some(text), lang)
            }
            None => (None, None),
        }
    }

    /// "21 cá nhân", "5 individuals and 2 collectives", "1 individual".
    pub fn honoured(&self, individuals: usize, collectives: usize) -> String {
        let part = |n: usize, one: &str, many: &str| {
            let words = if n == 1 { self.t(one) } else { self.t(many) };
            words.replace("{n}", &n.to_string())
        };
        let people = part(individuals, "count_individuals_one", "count_individuals");
        let units = part(collectives, "count_collectives_one", "count_collectives");
        match (individuals, collectives) {
            (_, 0) => people,
            (0, _) => units,
            _ => format!("{people} {} {units}", self.t("count_and")),
        }
    }

    /// An award list's title in this language.
    pub fn list_title(&self, l: &AwardList) -> String {
        let lead = self.list_title_lead(l);
        match (&l.decision, &l.issuer) {
            (None, Some(issuer)) => {
                format!(
                    "{lead} – {}",
                    issuer.get(&self.lang.code, self.default_code())
                )
            }
            _ => lead,
        }
    }

    /// The title without its issuer: "Quyết định số 631/QĐ-UBND", or
    /// without a number the award (or "Khen thưởng" for several) and year.
    pub fn list_title_lead(&self, l: &AwardList) -> String {
        if let Some(number) = &l.decision {
            return self.t("decision_title").replace("{number}", number);
        }
        let what = match l.awards.as_slice() {
            [one] => self.award_type(*one).name,
            _ => self.t("commendations"),
        };
        format!("{what} {}", l.year)
    }

    pub fn award_type(&self, index: AwardTypeId) -> AwardTypeValue<'a> {
        let t = self.site.catalogue.by_index(index);
        AwardTypeValue {
            key: &t.key,
            name: t.name.get(&self.lang.code, self.default_code()),
            name_lang: t.name.lang_of(&self.lang.code, self.default_code()),
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
        let letter = match p.kind {
            crate::model::Kind::Individual => {
                initial_letter(given_name(&text.name, p.sort_name.as_deref()))
            }
            crate::model::Kind::Collective => None,
        };
        ProfileCard {
            slug: &p.slug,
            href: self.urls.href(&self.urls.profile(self.lang, &p.slug)),
            name: &text.name,
            kind: p.kind.as_str(),
            unit: &text.unit,
            unit_lang: text.unit_lang.as_deref(),
            position: text.position.as_deref(),
            position_lang: text.position_lang.as_deref(),
            ethnicity_lang: text.ethnicity_lang.as_deref().filter(|_| show_ethnicity),
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
            letter,
            letter_id: letter.and_then(letter_id),
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
            period: match (c.start_year, c.end_year) {
                (Some(start), Some(end)) if end != start => Some(format!("{start}–{end}")),
                (Some(start), Some(_)) => Some(start.to_string()),
                (Some(start), None) => Some(format!("{start}–")),
                (None, Some(end)) => Some(format!("–{end}")),
                (None, None) => None,
            },
            level: c.level.map(CampaignLevel::key),
            documents: c
                .documents
                .iter()
                .map(|d| {
                    let (issuer, issuer_lang) = self.text_opt(d.issuer.as_ref());
                    let (title, title_lang) = self.text_opt(d.title.as_ref());
                    DocumentValue {
                        number: &d.number,
                        date: d.date.map(|x| x.format(&self.lang.code)),
                        date_iso: d.date.map(|x| x.iso()),
                        issuer,
                        issuer_lang,
                        title,
                        title_lang,
                    }
                })
                .collect(),
            launched_by: text.launched_by.as_deref(),
            launched_by_lang: text.launched_by_lang.as_deref(),
            plan_lang: text.plan_lang.as_deref().filter(|_| text.plan.is_some()),
            slogan_lang: text
                .slogan_lang
                .as_deref()
                .filter(|_| text.slogan.is_some()),
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
        let (issuer, issuer_lang) = self.text_opt(l.issuer.as_ref());
        let (reason, reason_lang) = self.text_opt(l.reason.as_ref());
        let (individuals, collectives) = l.totals();
        AwardListCard {
            slug: &l.slug,
            href: self.urls.href(&self.urls.award_list(self.lang, &l.slug)),
            title: self.list_title(l),
            title_lead: self.list_title_lead(l),
            decision: l.decision.as_deref(),
            date: l.date.map(|d| d.format(code)),
            date_iso: l.date.map(|d| d.iso()),
            sort_date_iso: l.sort_date().iso(),
            issuer,
            issuer_lang,
            award: match l.awards.as_slice() {
                [one] => Some(self.award_type(*one)),
                _ => None,
            },
            awards: l.awards.iter().map(|&a| self.award_type(a)).collect(),
            year: l.year,
            year_href: self.year_href(l.year),
            period: l.period.map(period_words),
            campaign: l.campaign.map(|c| self.campaign_link(c)),
            reason,
            reason_lang,
            recipient_count: l.named_recipients().count(),
            individuals,
            collectives,
            honoured: self.honoured(individuals, collectives),
            csv_href: self.urls.href(&self.urls.data_list(self.lang, &l.slug)),
            attachment: l.attachment.as_ref().map(|a| {
                let default = &self.site.config.languages[0];
                let dir = self.urls.award_list(default, &l.slug);
                AttachmentValue {
                    href: self.urls.href(&format!("{dir}{}", a.name)),
                    size: file_size(a.bytes, &self.lang.code),
                }
            }),
        }
    }

    /// The counts of an award-list page.
    pub fn counts(&self, list: &'a AwardList) -> Vec<CountValue<'a>> {
        list.counts.iter().map(|c| self.count(c)).collect()
    }

    /// The recipients of an award-list page not named at their request,
    /// by award: numbers only.
    pub fn withheld(&self, list: &AwardList) -> Vec<CountValue<'a>> {
        list.withheld()
            .iter()
            .map(|c| CountValue {
                award: self.award_type(c.award),
                individuals: c.individuals,
                collectives: c.collectives,
                words: self.honoured(c.individuals, c.collectives),
                note: None,
                note_lang: None,
            })
            .collect()
    }

    fn count(&self, c: &'a Count) -> CountValue<'a> {
        let (note, note_lang) = self.text_opt(c.note.as_ref());
        CountValue {
            award: self.award_type(c.award),
            individuals: c.individuals,
            collectives: c.collectives,
            words: self.honoured(c.individuals, c.collectives),
            note,
            note_lang,
        }
    }

    /// The awards of a profile page.
    pub fn held_awards(&self, awards: &'a [HeldAward]) -> Vec<HeldAwardValue<'a>> {
        awards.iter().map(|a| self.held_award(a)).collect()
    }

    fn held_award(&self, a: &'a HeldAward) -> HeldAwardValue<'a> {
        let code = &self.lang.code;
        let (issuer, issuer_lang) = self.text_opt(a.issuer.as_ref());
        let (reason, reason_lang) = self.text_opt(a.reason.as_ref());
        let list = a.list.map(|l| &self.site.award_lists[l]);
        HeldAwardValue {
            award: self.award_type(a.award),
            year: a.year,
            year_href: self.year_href(a.year),
            decision: a.decision.as_deref(),
            list_title: list.map(|l| self.list_title_lead(l)),
            issuer,
            issuer_lang,
            date: a.date.map(|d| d.format(code)),
            date_iso: a.date.map(|d| d.iso()),
            list_href: list.map(|l| self.urls.href(&self.urls.award_list(self.lang, &l.slug))),
            campaign: a.campaign.map(|c| self.campaign_link(c)),
            reason,
            reason_lang,
            period: a.period.map(period_words),
        }
    }

    /// The awards of a profile page by type, in the order of `awards` (most
    /// prestigious first); each type's awards oldest first. Two decisions of
    /// one type and year stay two entries.
    pub fn award_groups(&self, awards: &'a [HeldAward]) -> Vec<AwardGroupValue<'a>> {
        let mut groups: Vec<(AwardTypeId, Vec<&'a HeldAward>)> = Vec::new();
        let mut group_of = std::collections::HashMap::new();
        for a in awards {
            let at = *group_of.entry(a.award).or_insert_with(|| {
                groups.push((a.award, Vec::new()));
                groups.len() - 1
            });
            groups[at].1.push(a);
        }
        groups
            .into_iter()
            .map(|(award, mut held)| {
                // Stable: awards of one year keep their order.
                held.sort_by_key(|a| a.year);
                AwardGroupValue {
                    award: self.award_type(award),
                    held: held.into_iter().map(|a| self.held_award(a)).collect(),
                }
            })
            .collect()
    }

    pub fn campaign_links(&self, campaigns: &[CampaignId]) -> Vec<Link<'a>> {
        campaigns.iter().map(|&c| self.campaign_link(c)).collect()
    }
}

/// The anchor of the first name filed under a letter of [`ALPHABET`]: its
/// Telex spelling, so that Ă, Â and A differ in plain ASCII.
pub fn letter_id(letter: &str) -> Option<&'static str> {
    const IDS: [&str; 33] = [
        "letter-a",
        "letter-aw",
        "letter-aa",
        "letter-b",
        "letter-c",
        "letter-d",
        "letter-dd",
        "letter-e",
        "letter-ee",
        "letter-f",
        "letter-g",
        "letter-h",
        "letter-i",
        "letter-j",
        "letter-k",
        "letter-l",
        "letter-m",
        "letter-n",
        "letter-o",
        "letter-oo",
        "letter-ow",
        "letter-p",
        "letter-q",
        "letter-r",
        "letter-s",
        "letter-t",
        "letter-u",
        "letter-uw",
        "letter-v",
        "letter-w",
        "letter-x",
        "letter-y",
        "letter-z",
    ];
    ALPHABET.iter().position(|l| *l == letter).map(|i| IDS[i])
}

/// A file's size as people read it: `350 KB`, `1,2 MB` (a comma before
/// the decimal in Vietnamese), `1.2 MB` in English.
fn file_size(bytes: u64, lang: &str) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    let text = if b < KB * KB {
        format!("{} KB", (b / KB).ceil().max(1.0))
    } else {
        format!("{:.1} MB", b / (KB * KB))
    };
    if lang == "vi" {
        text.replace('.', ",")
    } else {
        text
    }
}

/// "2018–2022", or "2020" for a stage of one year.
fn period_words(p: Period) -> String {
    if p.from == p.to {
        p.from.to_string()
    } else {
        format!("{}–{}", p.from, p.to)
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

    #[test]
    fn file_sizes_read_as_people_write_them() {
        assert_eq!(file_size(300, "vi"), "1 KB");
        assert_eq!(file_size(350 * 1024, "en"), "350 KB");
        assert_eq!(file_size(1_258_291, "vi"), "1,2 MB");
        assert_eq!(file_size(1_258_291, "en"), "1.2 MB");
    }
    use crate::model::Kind;

    #[test]
    fn initials_of_people_and_collectives() {
        assert_eq!(initials("Nguyễn Thị Đào", Kind::Individual), "NĐ");
        assert_eq!(initials("H'Hen Niê", Kind::Individual), "HN");
        assert_eq!(initials("Ban Dân tộc", Kind::Collective), "B");
        assert_eq!(initials("", Kind::Collective), "");
    }
}
