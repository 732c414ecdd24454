//! What editors write: the front matter of profiles and campaigns, their
//! translations, and award-list files, exactly as docs/content.md lists the fields.
//! Unknown keys are rejected; values that other files refer to keep their
//! place (`Spanned`) so a bad reference can be reported at its line.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use crate::i18n::LocalisedText;
use crate::vocab::Kind;

/// Front matter of `content/profiles/<slug>.md`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileFront {
    pub name: String,
    pub sort_name: Option<String>,
    pub kind: Kind,
    pub unit: LocalisedText,
    pub position: Option<LocalisedText>,
    pub ethnicity: Option<LocalisedText>,
    pub year: Spanned<i64>,
    #[serde(default)]
    pub campaigns: Vec<Spanned<String>>,
    pub photo: Option<Spanned<String>>,
    pub summary: Option<String>,
    pub date: Option<Spanned<Datetime>>,
    pub slug: Option<String>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    #[serde(default)]
    pub awards: Vec<Spanned<InlineAward>>,
}

/// One `[[awards]]` entry of a profile.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InlineAward {
    pub award: Spanned<String>,
    pub year: Spanned<i64>,
    pub decision: Option<Spanned<String>>,
    pub issuer: Option<LocalisedText>,
    pub campaign: Option<Spanned<String>>,
    pub date: Option<Spanned<Datetime>>,
    pub reason: Option<LocalisedText>,
    pub period: Option<Spanned<Vec<Spanned<i64>>>>,
}

/// Front matter of a profile's translation, `<slug>.<lang>.md`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileTranslation {
    pub name: Option<String>,
    pub unit: Option<String>,
    pub position: Option<String>,
    pub ethnicity: Option<String>,
    pub summary: Option<String>,
    pub draft: Option<bool>,
}

/// Front matter of `content/campaigns/<key>.md`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignFront {
    pub name: String,
    pub start_year: Option<Spanned<i64>>,
    pub end_year: Option<Spanned<i64>>,
    pub launched_by: Option<LocalisedText>,
    pub plan: Option<String>,
    pub slogan: Option<String>,
    pub level: Option<CampaignLevel>,
    #[serde(default)]
    pub documents: Vec<Spanned<CampaignDocument>>,
    pub slug: Option<String>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
}

/// Who runs a campaign: the campaign index groups by it, national first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CampaignLevel {
    National,
    Province,
    Agency,
}

impl CampaignLevel {
    /// As written in front matter, and as templates see it.
    pub fn key(self) -> &'static str {
        match self {
            CampaignLevel::National => "national",
            CampaignLevel::Province => "province",
            CampaignLevel::Agency => "agency",
        }
    }
}

/// One `[[documents]]` entry of a campaign: a plan or decision that
/// launched or guides it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignDocument {
    pub number: Spanned<String>,
    pub date: Option<Spanned<Datetime>>,
    pub issuer: Option<LocalisedText>,
    pub title: Option<LocalisedText>,
}

/// Front matter of a campaign's translation.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignTranslation {
    pub name: Option<String>,
    pub launched_by: Option<String>,
    pub plan: Option<String>,
    pub slogan: Option<String>,
    pub draft: Option<bool>,
}

/// `content/awards/<slug>.toml`: one decision and its recipients.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AwardListFile {
    pub decision: Option<Spanned<String>>,
    pub date: Option<Spanned<Datetime>>,
    pub issuer: Option<LocalisedText>,
    pub award: Option<Spanned<String>>,
    pub year: Option<Spanned<i64>>,
    pub period: Option<Spanned<Vec<Spanned<i64>>>>,
    pub campaign: Option<Spanned<String>>,
    pub reason: Option<LocalisedText>,
    #[serde(default)]
    pub recipients: Vec<Spanned<RecipientEntry>>,
    pub recipients_csv: Option<Spanned<String>>,
    /// An Excel workbook beside the file, read as the CSV is.
    pub recipients_xlsx: Option<Spanned<String>>,
    /// The workbook's sheet to read; default: the first.
    pub sheet: Option<Spanned<String>>,
    /// The signed decision, a PDF beside the file.
    pub attachment: Option<Spanned<String>>,
    #[serde(default)]
    pub counts: Vec<Spanned<CountEntry>>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
}

/// One `[[recipients]]` entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecipientEntry {
    pub name: String,
    pub kind: Option<Kind>,
    pub award: Option<Spanned<String>>,
    pub unit: Option<LocalisedText>,
    pub position: Option<LocalisedText>,
    pub profile: Option<Spanned<String>>,
    pub note: Option<LocalisedText>,
    /// Shown only when `[privacy] show_ethnicity` is true.
    pub ethnicity: Option<LocalisedText>,
    /// The person asked not to be named (Decree 13/2023/NĐ-CP): counted,
    /// never shown.
    pub withheld: Option<Spanned<bool>>,
}

/// One `[[counts]]` entry: recipients known only by number.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountEntry {
    pub award: Option<Spanned<String>>,
    pub individuals: Option<Spanned<i64>>,
    pub collectives: Option<Spanned<i64>>,
    pub note: Option<LocalisedText>,
}
