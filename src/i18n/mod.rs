//! Everything that depends on language: localised text fields, slugs,
//! Vietnamese collation, dates and Unicode normalisation.
//!
//! UI strings of themes live with the theme (`render::theme`); this module
//! holds the language rules content itself follows.

pub mod chars;
pub mod collate;
pub mod date;
pub mod slug;
pub mod text;

use std::fmt;

use indexmap::IndexMap;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

/// A field that is either one string for every language or a table keyed by
/// language code (docs/content.md, "Localised text").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocalisedText {
    Same(String),
    PerLanguage(IndexMap<String, String>),
}

/// A table's entry for `lang`, found by comparing its few keys: hashing
/// the code with SipHash to look it up cost more, and a province's
/// 200,000 recipients ask for their unit and position on every rebuild.
fn entry<'a>(map: &'a IndexMap<String, String>, lang: &str) -> Option<&'a String> {
    map.iter()
        .find(|(code, _)| *code == lang)
        .map(|(_, text)| text)
}

impl LocalisedText {
    /// The text for `lang`: the table's entry for it, else the default
    /// language's, else (a table without either) its first entry.
    pub fn get<'a>(&'a self, lang: &str, default_lang: &str) -> &'a str {
        match self {
            LocalisedText::Same(s) => s,
            LocalisedText::PerLanguage(map) => entry(map, lang)
                .or_else(|| entry(map, default_lang))
                .or_else(|| map.values().next())
                .map_or("", String::as_str),
        }
    }

    /// Whether the text has its own entry for `lang` (a plain string counts
    /// for every language).
    pub fn has(&self, lang: &str) -> bool {
        match self {
            LocalisedText::Same(_) => true,
            LocalisedText::PerLanguage(map) => entry(map, lang).is_some(),
        }
    }

    /// Every text it holds: the one string, or each language's.
    pub fn values(&self) -> Vec<&str> {
        match self {
            LocalisedText::Same(s) => vec![s.as_str()],
            LocalisedText::PerLanguage(map) => map.values().map(String::as_str).collect(),
        }
    }

    /// The language of the text shown for `lang` when it is not `lang`
    /// itself: a plain string is written in the default language, and a
    /// table without an entry for `lang` falls back to another. Pages mark
    /// such text with `lang` so it is read in its own language.
    pub fn lang_of<'a>(&'a self, lang: &str, default_lang: &'a str) -> Option<&'a str> {
        let shown = match self {
            LocalisedText::Same(_) => default_lang,
            LocalisedText::PerLanguage(map) if entry(map, lang).is_some() => return None,
            LocalisedText::PerLanguage(map) if entry(map, default_lang).is_some() => default_lang,
            LocalisedText::PerLanguage(map) => map.keys().next().map_or(default_lang, |k| k),
        };
        (shown != lang).then_some(shown)
    }

    /// Language codes used as table keys.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        let keys: Vec<&str> = match self {
            LocalisedText::Same(_) => Vec::new(),
            LocalisedText::PerLanguage(map) => map.keys().map(String::as_str).collect(),
        };
        keys.into_iter()
    }

    /// NFC-normalised copy (content is normalised on load).
    pub fn normalised(self) -> Self {
        match self {
            LocalisedText::Same(s) => LocalisedText::Same(text::nfc(&s).into_owned()),
            LocalisedText::PerLanguage(map) => LocalisedText::PerLanguage(
                map.into_iter()
                    .map(|(k, v)| (k, text::nfc(&v).into_owned()))
                    .collect(),
            ),
        }
    }
}

impl<'de> Deserialize<'de> for LocalisedText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LocalisedVisitor;

        impl<'de> Visitor<'de> for LocalisedVisitor {
            type Value = LocalisedText;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a text, or a table of texts by language such as { vi = \"…\", en = \"…\" }",
                )
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(LocalisedText::Same(v.to_owned()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(LocalisedText::Same(v))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = IndexMap::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    out.insert(k, v);
                }
                if out.is_empty() {
                    return Err(de::Error::custom("the table of texts by language is empty"));
                }
                Ok(LocalisedText::PerLanguage(out))
            }
        }

        deserializer.deserialize_any(LocalisedVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Doc {
        a: LocalisedText,
        b: LocalisedText,
    }

    #[test]
    fn localised_text_falls_back_to_default_language() {
        let doc: Doc =
            toml::from_str("a = \"Chung\"\nb = { vi = \"Tỉnh\", en = \"Province\" }").unwrap();
        assert_eq!(doc.a.get("en", "vi"), "Chung");
        assert_eq!(doc.b.get("en", "vi"), "Province");
        assert_eq!(doc.b.get("fr", "vi"), "Tỉnh");
        assert!(doc.b.has("en"));
        assert!(!doc.b.has("fr"));
    }
}
