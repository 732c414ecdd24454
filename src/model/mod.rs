//! The validated, cross-linked site: profiles, campaigns, award lists and
//! years, sorted for the pages that list them and joined through indexes built once.
//!
//! Everything here is plain data; [`assemble`] builds it from the loaded
//! content and reports every cross-file problem.

mod assemble;
mod checks;
mod fronts;
pub mod honours;
mod ids;
mod join;
mod patch;
mod retext;
mod texts;
pub mod units;

/// The kind of a profile or recipient, for the layers above that read the model.
pub use crate::vocab::Kind;
pub use assemble::{AssembleOptions, assemble};
pub use ids::{AwardListId, CampaignId, ProfileId};
pub use patch::{Patched, patch};
pub use retext::{Retexted, retext};

use std::path::PathBuf;

use crate::catalogue::{AwardTypeId, Catalogue};
use crate::config::Config;
use crate::diagnostic::messages::Note;
use crate::i18n::LocalisedText;
use crate::i18n::date::Date;

/// The whole site, ready to render.
#[derive(Debug)]
pub struct Site {
    pub config: Config,
    pub catalogue: Catalogue,
    /// Individuals by Vietnamese collation of the given name, then collectives by name.
    pub profiles: Vec<Profile>,
    /// Per language (in the order of [`Config::languages`]), where each
    /// profile stands in that language's lists, when that is not its place
    /// in `profiles`: names shown in the language sort differently.
    pub profile_rank: Vec<Option<Vec<u32>>>,
    /// By level (national, province, agency, none), then newest start
    /// year first (none last), then by name.
    pub campaigns: Vec<Campaign>,
    /// Newest first (undated lists as 31 December of their year).
    pub award_lists: Vec<AwardList>,
    /// Newest first.
    pub years: Vec<Year>,
    /// Whether drafts were included (they are marked on their pages).
    pub drafts: bool,
    /// `@/` links to drafts left out of the build, by file and line: they
    /// show as their text, and `check` notes them.
    pub draft_links: Vec<DraftLink>,
    /// What `build` and `check` note beside a good build (personal-data
    /// columns dropped from a spreadsheet), sorted by file.
    pub notes: Vec<Note>,
    /// Every old address (`aliases`) with the page it sends readers to.
    pub redirects: Vec<Redirect>,
}

/// An old address and the page it now leads to.
#[derive(Debug, Clone)]
pub struct Redirect {
    pub alias: Alias,
    pub target: RedirectTarget,
    /// The language of the page it leads to: the language whose prefix
    /// starts the alias (`/en/…`), else the default one.
    pub lang: usize,
}

/// The page an old address leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RedirectTarget {
    Profile(ProfileId),
    Campaign(CampaignId),
    AwardList(AwardListId),
}

impl Site {
    /// Profiles in the order of language `lang_index`'s lists (each kind
    /// by the name shown in it).
    pub fn in_language_order<'a>(
        &self,
        lang_index: usize,
        ids: &'a [ProfileId],
    ) -> std::borrow::Cow<'a, [ProfileId]> {
        match self.profile_rank.get(lang_index) {
            Some(Some(rank)) => {
                let mut sorted = ids.to_vec();
                sorted.sort_by_key(|p| rank[p.index()]);
                std::borrow::Cow::Owned(sorted)
            }
            _ => std::borrow::Cow::Borrowed(ids),
        }
    }
}

/// An `@/` link to a draft that is not built (never an error).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DraftLink {
    /// The file the link is in, relative to the site root.
    pub file: PathBuf,
    pub line: usize,
    pub col: usize,
    /// The link as written after `@/`, e.g. `profiles/ban-nhap.md`.
    pub target: String,
}

/// Text of a page in one language: its own translation, or the original's
/// text used as a fallback.
#[derive(Debug, Clone)]
pub struct TextSource {
    /// Whether this language has its own file (or is the original's language).
    pub translated: bool,
    /// The language the text is written in.
    pub lang: String,
}

/// A profile's text in one language.
#[derive(Debug, Clone)]
pub struct ProfileText {
    pub name: String,
    pub unit: String,
    pub position: Option<String>,
    pub ethnicity: Option<String>,
    /// The language each of the three is written in, when not this one
    /// (a plain string is the default language's text).
    pub unit_lang: Option<String>,
    pub position_lang: Option<String>,
    pub ethnicity_lang: Option<String>,
    pub summary: String,
    pub body_html: crate::hashing::HashedText,
    pub source: TextSource,
    /// Whether the translation of this language is itself a draft (shown only with drafts).
    pub draft: bool,
}

/// A person or collective honoured as exemplary (điển hình tiên tiến).
#[derive(Debug, Clone)]
pub struct Profile {
    pub slug: String,
    pub kind: Kind,
    pub sort_name: Option<String>,
    pub year: i32,
    pub campaigns: Vec<CampaignId>,
    pub photo: Option<Photo>,
    pub date: Date,
    pub draft: bool,
    pub aliases: Vec<Alias>,
    /// Every award held, inline and from award lists, most prestigious first.
    pub awards: Vec<HeldAward>,
    /// Per language, in the order of [`Config::languages`].
    pub texts: Vec<ProfileText>,
    /// The original file, relative to the site root.
    pub source: PathBuf,
}

/// A profile's photo. The file itself is never published: the build
/// publishes resized copies without metadata ([`crate::photo`]).
#[derive(Debug, Clone)]
pub struct Photo {
    /// The file on disk.
    pub file: PathBuf,
    /// The name as the profile writes it, for messages.
    pub name: String,
    /// The line of `photo` in the profile, for messages about it.
    pub line: usize,
    /// The copies to publish; filled by [`crate::photo::publish`], empty
    /// until then (and then the photo is not shown).
    pub copies: Vec<PhotoCopy>,
}

/// One resized copy of a photo, JPEG without metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoCopy {
    pub width: u32,
    pub height: u32,
    /// Where its bytes are: a file in the photo cache (outside the site).
    pub file: PathBuf,
}

/// An award a profile holds.
#[derive(Debug, Clone)]
pub struct HeldAward {
    pub award: AwardTypeId,
    pub year: i32,
    pub decision: Option<String>,
    pub issuer: Option<LocalisedText>,
    pub date: Option<Date>,
    pub campaign: Option<CampaignId>,
    pub reason: Option<LocalisedText>,
    /// An achievement over a stage (giai đoạn), first and last year.
    pub period: Option<Period>,
    /// The award list that records it.
    pub list: Option<AwardListId>,
}

/// A stage of years (giai đoạn 2018–2022), first year not after the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub from: i32,
    pub to: i32,
}

/// An old address of a page (`aliases`): a small page there sends the
/// reader on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The path relative to `base_url`, with a leading and trailing `/`.
    pub path: String,
    /// Where it is written, for the message when it collides with a page.
    pub file: PathBuf,
    pub line: usize,
    pub col: usize,
}

/// A campaign's text in one language.
#[derive(Debug, Clone)]
pub struct CampaignText {
    pub name: String,
    pub launched_by: Option<String>,
    pub plan: Option<String>,
    pub slogan: Option<String>,
    /// The language each of the three is written in, when not this one.
    pub launched_by_lang: Option<String>,
    pub plan_lang: Option<String>,
    pub slogan_lang: Option<String>,
    pub body_html: crate::hashing::HashedText,
    pub source: TextSource,
    pub draft: bool,
}

/// A document that launched or guides a campaign, in its own language.
#[derive(Debug, Clone)]
pub struct CampaignDocument {
    pub number: String,
    pub date: Option<Date>,
    pub issuer: Option<LocalisedText>,
    pub title: Option<LocalisedText>,
}

pub use crate::content::front::CampaignLevel;

/// An emulation campaign (phong trào thi đua).
#[derive(Debug, Clone)]
pub struct Campaign {
    pub slug: String,
    pub start_year: Option<i32>,
    pub end_year: Option<i32>,
    /// National, province or agency; `None` shows under "Other".
    pub level: Option<CampaignLevel>,
    /// Plans and decisions at every level, in the order written.
    pub documents: Vec<CampaignDocument>,
    pub aliases: Vec<Alias>,
    pub draft: bool,
    pub texts: Vec<CampaignText>,
    /// Profiles taking part, in profile order.
    pub profiles: Vec<ProfileId>,
    /// Award lists of the campaign, newest first.
    pub award_lists: Vec<AwardListId>,
    pub source: PathBuf,
}

/// One recipient of an award list.
///
/// A withheld recipient (a person who asked not to be named, Decree
/// 13/2023/NĐ-CP) keeps only its kind and award: its name is empty and its
/// unit, position, note and ethnicity are `None` from the moment it is
/// read, so no page, index or file built from the model can show them. It
/// counts in every total like any other recipient, and never has a profile.
#[derive(Debug, Clone)]
pub struct Recipient {
    /// As the decision wrote it; empty when withheld.
    pub name: String,
    pub kind: Kind,
    /// Its own award, else the list's.
    pub award: AwardTypeId,
    pub unit: Option<LocalisedText>,
    pub position: Option<LocalisedText>,
    pub profile: Option<ProfileId>,
    pub note: Option<LocalisedText>,
    /// Shown only under `[privacy] show_ethnicity`.
    pub ethnicity: Option<LocalisedText>,
    pub withheld: bool,
}

impl Recipient {
    /// A recipient who asked not to be named: its kind and award, nothing
    /// that could tell who it is.
    pub fn withheld(kind: Kind, award: AwardTypeId) -> Recipient {
        Recipient {
            name: String::new(),
            kind,
            award,
            unit: None,
            position: None,
            profile: None,
            note: None,
            ethnicity: None,
            withheld: true,
        }
    }
}

/// Recipients known only by number ("21 cá nhân").
#[derive(Debug, Clone)]
pub struct Count {
    pub award: AwardTypeId,
    pub individuals: usize,
    pub collectives: usize,
    pub note: Option<LocalisedText>,
}

/// An award decision (quyết định khen thưởng) and its recipients.
#[derive(Debug, Clone)]
pub struct AwardList {
    pub slug: String,
    /// The decision's number, when the report gives one (never blank).
    pub decision: Option<String>,
    pub date: Option<Date>,
    pub issuer: Option<LocalisedText>,
    /// Every award type the list gives, most prestigious first.
    pub awards: Vec<AwardTypeId>,
    pub year: i32,
    pub period: Option<Period>,
    pub campaign: Option<CampaignId>,
    pub reason: Option<LocalisedText>,
    pub recipients: Vec<Recipient>,
    pub counts: Vec<Count>,
    pub aliases: Vec<Alias>,
    /// The signed decision, a PDF published beside its page.
    pub attachment: Option<crate::content::Attachment>,
    pub source: PathBuf,
}

impl AwardList {
    /// The date it sorts by: its own, else 31 December of its year.
    pub fn sort_date(&self) -> Date {
        self.date.unwrap_or(Date {
            year: self.year,
            month: 12,
            day: 31,
        })
    }

    /// Oldest first: by date, an undated list after the lists actually
    /// dated on its 31 December; then by number and slug.
    pub fn chronological(&self, other: &AwardList) -> std::cmp::Ordering {
        self.sort_date()
            .cmp(&other.sort_date())
            .then_with(|| self.date.is_none().cmp(&other.date.is_none()))
            .then_with(|| self.decision.cmp(&other.decision))
            .then_with(|| self.slug.cmp(&other.slug))
    }

    /// The recipients that may be shown: all but the withheld ones, in
    /// the list's order.
    pub fn named_recipients(&self) -> impl Iterator<Item = &Recipient> {
        self.recipients.iter().filter(|r| !r.withheld)
    }

    /// Withheld recipients by award (most prestigious first, as `awards`):
    /// individuals and collectives not named at their request.
    pub fn withheld(&self) -> Vec<Count> {
        let mut out: Vec<Count> = Vec::new();
        for r in self.recipients.iter().filter(|r| r.withheld) {
            let at = match out.iter().position(|c| c.award == r.award) {
                Some(at) => at,
                None => {
                    out.push(Count {
                        award: r.award,
                        individuals: 0,
                        collectives: 0,
                        note: None,
                    });
                    out.len() - 1
                }
            };
            match r.kind {
                Kind::Individual => out[at].individuals += 1,
                Kind::Collective => out[at].collectives += 1,
            }
        }
        // In the order of `awards`: most prestigious first.
        out.sort_by_key(|c| self.awards.iter().position(|&a| a == c.award));
        out
    }

    /// Individuals and collectives it honours: named, withheld and counted.
    pub fn totals(&self) -> (usize, usize) {
        let mut totals = (0, 0);
        for r in &self.recipients {
            match r.kind {
                Kind::Individual => totals.0 += 1,
                Kind::Collective => totals.1 += 1,
            }
        }
        for c in &self.counts {
            totals.0 += c.individuals;
            totals.1 += c.collectives;
        }
        totals
    }
}

/// A year with its profiles, award lists and summary.
#[derive(Debug, Clone)]
pub struct Year {
    pub year: i32,
    /// Profiles recognised that year, in profile order.
    pub profiles: Vec<ProfileId>,
    /// Award lists of that year, newest first.
    pub award_lists: Vec<AwardListId>,
    /// One row per award type given that year, most prestigious first.
    pub summary: Vec<SummaryRow>,
}

/// How many individuals and collectives received one award type in a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    pub award: AwardTypeId,
    pub individuals: usize,
    pub collectives: usize,
}
