//! The award catalogue: the built-in types of SPEC §2 (an embedded TOML data
//! file, `data/award_types.toml`) plus the site's `[award_types]`.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::i18n::LocalisedText;
use crate::vocab::Kind;

const BUILT_IN: &str = include_str!("../data/award_types.toml");

/// Danh hiệu thi đua (an emulation title) or hình thức khen thưởng (a commendation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AwardKind {
    Title,
    Commendation,
}

/// Who confers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Grassroots,
    Ministry,
    Province,
    State,
}

/// Who may receive it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Eligible {
    Individual,
    Collective,
    Both,
}

impl Eligible {
    pub fn allows(self, kind: Kind) -> bool {
        matches!(
            (self, kind),
            (Eligible::Both, _)
                | (Eligible::Individual, Kind::Individual)
                | (Eligible::Collective, Kind::Collective)
        )
    }
}

/// An award type, as written in a catalogue file or `site.toml` (under its
/// key, which is filled in from the table's name).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AwardType {
    #[serde(skip)]
    pub key: String,
    pub name: LocalisedText,
    pub kind: AwardKind,
    pub level: Level,
    pub recipient: Eligible,
    pub rank: i64,
}

/// An award type: its position in the [`Catalogue`], for compact references
/// from the model (a type of its own, so no other index can stand for it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AwardTypeId(usize);

impl AwardTypeId {
    /// The position it stands for.
    pub const fn index(self) -> usize {
        self.0
    }
}

/// Award types by key.
#[derive(Debug, Clone)]
pub struct Catalogue {
    types: IndexMap<String, AwardType>,
}

impl Catalogue {
    /// The built-in catalogue with the site's entries added or replacing.
    pub fn with_site_entries(site: &IndexMap<String, AwardType>) -> Catalogue {
        // The embedded file is part of the program and covered by a test; a
        // broken one cannot reach a user.
        let built_in: IndexMap<String, AwardType> = toml::from_str(BUILT_IN).unwrap_or_default();
        let mut types = IndexMap::new();
        for (key, entry) in built_in.iter().chain(site) {
            let award = AwardType {
                key: key.clone(),
                name: entry.name.clone().normalised(),
                ..entry.clone()
            };
            types.insert(key.clone(), award);
        }
        Catalogue { types }
    }

    pub fn get(&self, key: &str) -> Option<&AwardType> {
        self.types.get(key)
    }

    /// The id of a key, for compact references from the model.
    pub fn index_of(&self, key: &str) -> Option<AwardTypeId> {
        self.types.get_index_of(key).map(AwardTypeId)
    }

    pub fn by_index(&self, id: AwardTypeId) -> &AwardType {
        &self.types[id.0]
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.types.keys().map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.types.len()
    }

    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_catalogue_parses_and_has_every_spec_entry() {
        let parsed: IndexMap<String, AwardType> = toml::from_str(BUILT_IN).unwrap();
        assert_eq!(parsed.len(), 20);
        let c = Catalogue::with_site_entries(&IndexMap::new());
        let hero = c.get("anh-hung-lao-dong").unwrap();
        assert_eq!(hero.rank, 150);
        assert_eq!(hero.name.get("en", "vi"), "Hero of Labour");
        assert_eq!(
            c.get("chien-si-thi-dua-co-so").unwrap().recipient,
            Eligible::Individual
        );
    }

    #[test]
    fn site_entries_add_and_override() {
        let site: IndexMap<String, AwardType> = toml::from_str(
            r#"
            [giay-khen]
            name = "Giấy khen của Giám đốc"
            kind = "commendation"
            level = "grassroots"
            recipient = "both"
            rank = 21
            [bang-khen-ban-dan-toc]
            name = { vi = "Bằng khen của Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc", en = "Certificate of Merit" }
            kind = "commendation"
            level = "ministry"
            recipient = "both"
            rank = 60
            "#,
        )
        .unwrap();
        let c = Catalogue::with_site_entries(&site);
        assert_eq!(c.len(), 21);
        assert_eq!(c.get("giay-khen").unwrap().rank, 21);
        assert_eq!(
            c.get("bang-khen-ban-dan-toc").unwrap().level,
            Level::Ministry
        );
    }
}
