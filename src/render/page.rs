//! Each kind of HTML page as one typed value: what its template receives
//! besides the [`super::context::Common`] variables. The builder
//! ([`super::builder`]) notes the entities a page shows as it picks their
//! cards, and the value hashes to what the page shows (see
//! [`super::inputs`]). docs/templates.md lists every field; `tests/docs.rs`
//! fails when it misses one.

use std::hash::Hash;

use serde::Serialize;
use tera::Value;

use crate::hashing::HashedText;

use super::rows::RecipientRows;
use super::values::{
    AwardGroupValue, AwardTypeValue, Card, CountValue, HeldAwardValue, HonourGroup, Link,
};

/// An HTML page: its template and everything the template receives.
#[derive(Hash)]
pub struct Html<'a> {
    pub template: &'static str,
    /// Index into `Config::languages`.
    pub lang: usize,
    pub page: PageInfo<'a>,
    pub pagination: Option<Pagination>,
    pub kind: KindData<'a>,
}

/// `page`: this page.
#[derive(Serialize, Hash)]
pub struct PageInfo<'a> {
    pub(super) href: String,
    pub(super) canonical: String,
    pub(super) alternates: Vec<Alternate<'a>>,
    pub(super) kind: &'static str,
    pub(super) translated: bool,
    pub(super) text_lang: &'a str,
    pub(super) draft: bool,
    /// Open Graph values for sharing the page.
    pub(super) share: super::share::Share,
    /// schema.org JSON-LD (profile and home pages), safe inside `<script>`.
    pub(super) json_ld: Option<super::share::JsonLd<'a>>,
    /// A QR code of `canonical` for the printed page (profile and
    /// award-list pages).
    pub(super) qr: Option<super::qr::QrOf>,
}

#[derive(Serialize, Hash)]
pub struct Alternate<'a> {
    pub(super) lang: &'a str,
    pub(super) title: &'a str,
    pub(super) href: String,
    pub(super) absolute: String,
}

#[derive(Serialize, Hash)]
pub struct Pagination {
    pub(super) current: usize,
    pub(super) total: usize,
    pub(super) prev: Option<String>,
    pub(super) next: Option<String>,
    pub(super) pages: Vec<PageLink>,
}

#[derive(Serialize, Hash)]
pub struct PageLink {
    pub(super) number: usize,
    pub(super) href: String,
    pub(super) current: bool,
    /// Pages before it are left out of the links (it is not the page after
    /// the previous link).
    pub(super) gap_before: bool,
}

/// The variables of each kind of page (besides `page` and `pagination`).
#[derive(Serialize, Hash)]
#[serde(untagged)]
pub enum KindData<'a> {
    Home(Home<'a>),
    ProfileList(Profiles<'a>),
    Profile(ProfilePage<'a>),
    Years(Years),
    Year(YearPage<'a>),
    Campaigns(Campaigns<'a>),
    Campaign(CampaignPage<'a>),
    AwardLists(AwardLists<'a>),
    AwardList(AwardListPage<'a>),
    AwardTypes(AwardTypes<'a>),
    Data(DataPage),
    AwardType(AwardTypePage<'a>),
    Units(UnitsPage<'a>),
    Unit(UnitPage<'a>),
    Search(SearchPage<'a>),
    NotFound(NotFound),
}

pub(super) type Cards<'a> = Vec<Card<'a>>;

#[derive(Serialize, Hash)]
pub struct Home<'a> {
    pub(super) newest_profiles: Cards<'a>,
    pub(super) years: Vec<YearEntry>,
    pub(super) campaigns: Cards<'a>,
    pub(super) award_lists: Cards<'a>,
    /// Every award type given, most prestigious first.
    pub(super) award_types: Vec<AwardTypeEntry<'a>>,
    pub(super) counts: Counts,
}

#[derive(Serialize, Hash)]
pub struct Counts {
    pub(super) profiles: usize,
    pub(super) individuals: usize,
    pub(super) collectives: usize,
    pub(super) campaigns: usize,
    pub(super) award_lists: usize,
    pub(super) years: usize,
    pub(super) awards: usize,
    pub(super) award_types: usize,
    pub(super) units: usize,
}

#[derive(Serialize, Hash)]
pub struct Profiles<'a> {
    pub(super) profiles: Cards<'a>,
    /// Every profile of the list, not only this page's.
    pub(super) total: usize,
    pub(super) individuals: usize,
    pub(super) collectives: usize,
    /// Where the collectives start (their page, `#collectives`); none when
    /// there are none.
    pub(super) collectives_href: Option<String>,
    /// Every letter of the alphabet, with where the first individual filed
    /// under it is.
    pub(super) letters: Vec<LetterLink>,
}

/// A letter of the alphabet and where its names start in a list.
#[derive(Serialize, Hash)]
pub struct LetterLink {
    pub(super) letter: &'static str,
    /// The page of the first name filed under it, with its anchor; none
    /// when no name is.
    pub(super) href: Option<String>,
}

#[derive(Serialize, Hash)]
pub struct ProfilePage<'a> {
    pub(super) profile: Card<'a>,
    pub(super) body: Body<'a>,
    pub(super) awards: Vec<HeldAwardValue<'a>>,
    /// `awards` by type: what the default theme shows.
    pub(super) award_groups: Vec<AwardGroupValue<'a>>,
    pub(super) campaigns: Vec<Link<'a>>,
}

#[derive(Serialize, Hash)]
pub struct Years {
    pub(super) years: Vec<YearEntry>,
}

#[derive(Serialize, Hash)]
pub struct YearEntry {
    pub(super) year: i32,
    pub(super) href: String,
    pub(super) profile_count: usize,
    pub(super) award_list_count: usize,
    pub(super) award_count: usize,
}

#[derive(Serialize, Hash)]
pub struct YearPage<'a> {
    pub(super) year: YearValue<'a>,
    pub(super) profiles: Cards<'a>,
    pub(super) award_lists: Cards<'a>,
    /// This page's part of everyone honoured that year, by award type.
    pub(super) groups: Vec<HonourGroup<'a>>,
}

#[derive(Serialize, Hash)]
pub struct YearValue<'a> {
    pub(super) year: i32,
    pub(super) href: String,
    pub(super) summary: Vec<SummaryRow<'a>>,
    pub(super) total_individuals: usize,
    pub(super) total_collectives: usize,
    pub(super) total: usize,
    pub(super) profile_count: usize,
    /// The year's awards as CSV (open data).
    pub(super) csv_href: String,
}

#[derive(Serialize, Hash)]
pub struct SummaryRow<'a> {
    pub(super) award: AwardTypeValue<'a>,
    pub(super) individuals: usize,
    pub(super) collectives: usize,
    pub(super) total: usize,
    /// Where the year page lists them: the group's page and anchor.
    pub(super) href: Option<String>,
}

/// An award type given on the site, with its totals over every year.
#[derive(Serialize, Hash)]
pub struct AwardTypeEntry<'a> {
    pub(super) award: AwardTypeValue<'a>,
    pub(super) href: String,
    pub(super) individuals: usize,
    pub(super) collectives: usize,
    pub(super) total: usize,
    /// The two numbers in words.
    pub(super) honoured: String,
    /// Years it was given in.
    pub(super) year_count: usize,
}

/// A year of an award type's or a unit's honours.
#[derive(Serialize, Hash)]
pub struct YearRow {
    pub(super) year: i32,
    /// Its group on this list: the group's page and anchor.
    pub(super) href: String,
    /// The year's own page.
    pub(super) year_href: String,
    pub(super) individuals: usize,
    pub(super) collectives: usize,
    pub(super) total: usize,
}

/// The open data page.
#[derive(Serialize, Hash)]
pub struct DataPage {
    /// Every award as CSV, and as JSON; none when it is cut into `parts`.
    pub(super) csv: Option<String>,
    pub(super) json: Option<String>,
    /// Every award in parts of whole years, newest first, when it holds
    /// more records than one file should.
    pub(super) parts: Vec<DataPart>,
    /// One CSV per year with awards, newest first.
    pub(super) years: Vec<DataLink>,
    /// One CSV per decision, newest first.
    pub(super) award_lists: Vec<DataLink>,
}

#[derive(Serialize, Hash)]
pub struct DataPart {
    /// Its years: `2016–2019`, or one year.
    pub(super) name: String,
    pub(super) csv: String,
    pub(super) json: String,
}

#[derive(Serialize, Hash)]
pub struct DataLink {
    pub(super) name: String,
    pub(super) href: String,
}

#[derive(Serialize, Hash)]
pub struct AwardTypes<'a> {
    pub(super) award_types: Vec<AwardTypeEntry<'a>>,
}

#[derive(Serialize, Hash)]
pub struct AwardTypePage<'a> {
    pub(super) award_type: AwardTypeEntry<'a>,
    pub(super) years: Vec<YearRow>,
    /// This page's part of its honours, by year, newest first.
    pub(super) groups: Vec<HonourGroup<'a>>,
}

/// A unit (đơn vị) as lists show it.
#[derive(Serialize, Hash)]
pub struct UnitEntry<'a> {
    pub(super) slug: &'a str,
    pub(super) href: String,
    pub(super) name: &'a str,
    pub(super) name_lang: Option<&'a str>,
    pub(super) profile_count: usize,
    pub(super) individuals: usize,
    pub(super) collectives: usize,
    pub(super) total: usize,
}

#[derive(Serialize, Hash)]
pub struct UnitsPage<'a> {
    pub(super) units: Vec<UnitEntry<'a>>,
}

#[derive(Serialize, Hash)]
pub struct UnitPage<'a> {
    pub(super) unit: UnitEntry<'a>,
    /// This page's profiles of the unit.
    pub(super) profiles: Cards<'a>,
    pub(super) years: Vec<YearRow>,
    /// This page's part of its honours, by year, newest first.
    pub(super) groups: Vec<HonourGroup<'a>>,
}

#[derive(Serialize, Hash)]
pub struct Campaigns<'a> {
    pub(super) campaigns: Cards<'a>,
    /// The same campaigns by level, national first; `level` is empty for
    /// campaigns without one (shown last, under "Other").
    pub(super) campaign_groups: Vec<CampaignGroup<'a>>,
}

#[derive(Serialize, Hash)]
pub struct CampaignGroup<'a> {
    pub(super) level: &'static str,
    pub(super) campaigns: Cards<'a>,
}

#[derive(Serialize, Hash)]
pub struct CampaignPage<'a> {
    pub(super) campaign: Card<'a>,
    pub(super) body: Body<'a>,
    pub(super) profiles: Cards<'a>,
    pub(super) award_lists: Cards<'a>,
}

#[derive(Serialize, Hash)]
pub struct AwardLists<'a> {
    pub(super) award_lists: Cards<'a>,
}

#[derive(Serialize, Hash)]
pub struct AwardListPage<'a> {
    pub(super) award_list: Card<'a>,
    /// The table's rows as HTML ([`super::rows`]), written when the page is rendered.
    pub(super) recipient_rows: RecipientRows<'a>,
    pub(super) counts: Vec<CountValue<'a>>,
    /// Recipients not named at their request, by award: numbers only.
    pub(super) withheld: Vec<CountValue<'a>>,
}

/// The search page: the form, and links to browse without JavaScript.
#[derive(Serialize, Hash)]
pub struct SearchPage<'a> {
    pub(super) years: Vec<YearEntry>,
    pub(super) award_types: Vec<AwardTypeEntry<'a>>,
    pub(super) campaigns: Cards<'a>,
    /// Href of the folder of the language-neutral index files.
    pub(super) index: String,
    /// Href of the folder of this language's index files.
    pub(super) labels: String,
}

#[derive(Serialize, Hash)]
pub struct NotFound {}

/// A body rendered from Markdown, given to templates as safe HTML; it
/// hashes to the hash its rendering made once.
#[derive(Hash)]
pub struct Body<'a>(pub(super) &'a HashedText);

impl Serialize for Body<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        safe_str(self.0.as_str(), s)
    }
}

/// Gives a text made in code to templates as safe: written as it is,
/// never escaped (`serialize_with` of fields that hold HTML or a path
/// of digits and letters).
pub(super) fn safe_str<S: serde::Serializer>(text: &str, s: S) -> Result<S::Ok, S::Error> {
    Value::safe_string(text).serialize(s)
}
