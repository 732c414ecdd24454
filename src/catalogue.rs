//! The award catalogue: the built-in types (an embedded TOML data
//! file, `data/award_types.toml`) plus the site's `[award_types]`.

use std::collections::HashMap;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::diagnostic::AwardName;
use crate::i18n::LocalisedText;
use crate::i18n::text::fold_name;
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

/// Award types by key, and by every name they go by.
#[derive(Debug, Clone)]
pub struct Catalogue {
    /// Hashed with foldhash: every recipient's award is looked up by its key.
    types: IndexMap<String, AwardType, foldhash::fast::RandomState>,
    /// Keys and names in every language, folded ([`fold_name`]).
    names: HashMap<String, AwardTypeId>,
}

/// Two award types that go by one name: an error in `site.toml`, since a
/// file naming it could mean either.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedName {
    pub name: String,
    pub first: String,
    pub second: String,
}

impl Catalogue {
    /// The built-in catalogue with the site's entries added or replacing.
    pub fn with_site_entries(site: &IndexMap<String, AwardType>) -> Catalogue {
        // The embedded file is part of the program and covered by a test; a
        // broken one cannot reach a user.
        let built_in: IndexMap<String, AwardType> = toml::from_str(BUILT_IN).unwrap_or_default();
        let mut types = IndexMap::default();
        for (key, entry) in built_in.iter().chain(site) {
            let award = AwardType {
                key: key.clone(),
                name: entry.name.clone().normalised(),
                ..entry.clone()
            };
            types.insert(key.clone(), award);
        }
        let mut catalogue = Catalogue {
            types,
            names: HashMap::new(),
        };
        catalogue.index_names();
        catalogue
    }

    /// Fills the name index; the first type keeps a name two share.
    fn index_names(&mut self) -> Vec<SharedName> {
        let mut shared = Vec::new();
        for (i, (key, t)) in self.types.iter().enumerate() {
            let written = std::iter::once(key.as_str()).chain(t.name.values());
            for name in written {
                let folded = fold_name(name);
                match self.names.get(&folded) {
                    Some(&other) if other.0 != i => {
                        let first = self.types.get_index(other.0).map(|(k, _)| k.clone());
                        shared.push(SharedName {
                            name: name.to_owned(),
                            first: first.unwrap_or_default(),
                            second: key.clone(),
                        });
                    }
                    Some(_) => {}
                    None => {
                        self.names.insert(folded, AwardTypeId(i));
                    }
                }
            }
        }
        shared
    }

    /// Names two award types share (each pair once).
    pub fn shared_names(&self) -> Vec<SharedName> {
        let mut copy = Catalogue {
            types: self.types.clone(),
            names: HashMap::new(),
        };
        copy.index_names()
    }

    /// The award an editor names: its key, or its name in any language,
    /// compared as [`fold_name`] says.
    pub fn find(&self, written: &str) -> Option<AwardTypeId> {
        self.index_of(written)
            .or_else(|| self.names.get(&fold_name(written)).copied())
    }

    /// An award type as messages name it.
    pub fn message_name(&self, id: AwardTypeId) -> AwardName {
        let t = self.by_index(id);
        AwardName {
            key: t.key.clone(),
            vi: t.name.get("vi", "vi").to_owned(),
            en: t.name.get("en", "vi").to_owned(),
        }
    }

    /// The award types whose names are closest to one that matches
    /// nothing, best first: a hint for a misspelt award.
    pub fn closest_names(&self, written: &str) -> Vec<AwardName> {
        let folded = fold_name(written);
        let mut scored: Vec<(f64, AwardTypeId)> = Vec::new();
        for (name, &id) in &self.names {
            let score = strsim::jaro_winkler(&folded, name);
            match scored.iter_mut().find(|(_, i)| *i == id) {
                Some(best) if best.0 < score => best.0 = score,
                Some(_) => {}
                None => scored.push((score, id)),
            }
        }
        scored.retain(|(score, _)| *score > 0.75);
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        scored
            .into_iter()
            .take(3)
            .map(|(_, id)| self.message_name(id))
            .collect()
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
    fn awards_are_found_by_key_or_by_name_in_any_language() {
        let c = Catalogue::with_site_entries(&IndexMap::new());
        let advanced = c.index_of("lao-dong-tien-tien").unwrap();
        for written in [
            "Lao động tiên tiến",
            "lao  động tiên TIẾN",
            "lao-dong-tien-tien",
            "Advanced Worker",
        ] {
            assert_eq!(c.find(written), Some(advanced), "{written}");
        }
        assert_eq!(
            c.find("Chiến sỹ thi đua cơ sở"),
            c.index_of("chien-si-thi-dua-co-so")
        );
        assert_eq!(c.find("Lao động tiên tiếng"), None);
        let hints = c.closest_names("Lao động tiên tiếng");
        assert_eq!(hints[0].key, "lao-dong-tien-tien");
        assert!(c.shared_names().is_empty());
    }

    #[test]
    fn a_name_two_types_share_is_found() {
        let site: IndexMap<String, AwardType> = toml::from_str(
            r#"
            [giay-khen-giam-doc]
            name = { vi = "Giấy khen", en = "Director's Certificate" }
            kind = "commendation"
            level = "grassroots"
            recipient = "both"
            rank = 21
            "#,
        )
        .unwrap();
        let c = Catalogue::with_site_entries(&site);
        assert_eq!(
            c.shared_names(),
            vec![SharedName {
                name: "Giấy khen".to_owned(),
                first: "giay-khen".to_owned(),
                second: "giay-khen-giam-doc".to_owned(),
            }]
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
