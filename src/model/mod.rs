//! The validated, cross-linked site: profiles, campaigns, award lists and
//! years, sorted as SPEC §3 says and joined through indexes built once.
//!
//! Everything here is plain data; [`assemble`] builds it from the loaded
//! content and reports every cross-file problem.

mod assemble;
mod checks;
mod fronts;
mod ids;
mod join;
mod retext;
mod texts;
pub mod units;

/// The kind of a profile or recipient, for the layers above that read the model.
pub use crate::vocab::Kind;
pub use assemble::{AssembleOptions, assemble};
pub use ids::{AwardListId, CampaignId, ProfileId};
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
    /// Newest start year first, then by name.
    pub campaigns: Vec<Campaign>,
    /// Newest decision date first.
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
}

/// An `@/` link to a draft that is not built (SPEC v2: never an error).
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
    pub summary: String,
    pub body_html: String,
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
    /// The award list that records it.
    pub list: Option<AwardListId>,
}

/// A campaign's text in one language.
#[derive(Debug, Clone)]
pub struct CampaignText {
    pub name: String,
    pub launched_by: Option<String>,
    pub plan: Option<String>,
    pub slogan: Option<String>,
    pub body_html: String,
    pub source: TextSource,
    pub draft: bool,
}

/// An emulation campaign (phong trào thi đua).
#[derive(Debug, Clone)]
pub struct Campaign {
    pub slug: String,
    pub start_year: i32,
    pub end_year: Option<i32>,
    pub draft: bool,
    pub texts: Vec<CampaignText>,
    /// Profiles taking part, in profile order.
    pub profiles: Vec<ProfileId>,
    /// Award lists of the campaign, newest first.
    pub award_lists: Vec<AwardListId>,
    pub source: PathBuf,
}

/// One recipient of an award list.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub name: String,
    pub kind: Kind,
    pub unit: Option<LocalisedText>,
    pub position: Option<LocalisedText>,
    pub profile: Option<ProfileId>,
}

/// An award decision (quyết định khen thưởng) and its recipients.
#[derive(Debug, Clone)]
pub struct AwardList {
    pub slug: String,
    pub decision: String,
    pub date: Date,
    pub issuer: LocalisedText,
    pub award: AwardTypeId,
    pub year: i32,
    pub campaign: Option<CampaignId>,
    pub reason: Option<LocalisedText>,
    pub recipients: Vec<Recipient>,
    pub source: PathBuf,
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
