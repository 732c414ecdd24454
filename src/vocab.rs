//! The words every layer shares: what kind of recipient, which section of
//! content, and the fixed names of the site's files and folders.
//!
//! This is the bottom layer (see `docs/architecture.md`): it imports nothing
//! from the crate, so the loader, the model, the messages and the writer can
//! all use it without importing from each other.

use serde::{Deserialize, Serialize};

/// The site's configuration file, at the root of the site.
pub const CONFIG_FILE: &str = "site.toml";
/// The folder of content files, with one folder per [`Section`].
pub const CONTENT_DIR: &str = "content";
/// Files copied as they are into the built site.
pub const STATIC_DIR: &str = "static";
/// The site's own templates, overriding the theme's.
pub const TEMPLATES_DIR: &str = "templates";
/// The site's own UI strings (`<lang>.toml`), overriding the theme's.
pub const I18N_DIR: &str = "i18n";
/// Themes other than the built-in one (`themes/<name>/`).
pub const THEMES_DIR: &str = "themes";
/// Where a build writes when neither `--output-dir` nor `output_dir` says.
pub const DEFAULT_OUTPUT_DIR: &str = "public";
/// The file that marks a folder as vinhdanh's own output (a build replaces
/// only such folders, or empty ones).
pub const OUTPUT_MARKER: &str = ".vinhdanh-output";
/// The value of a field `vinhdanh new` left for the editor to fill in.
pub const BLANK: &str = "___";

/// An individual (cá nhân) or a collective (tập thể).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Individual,
    Collective,
}

impl Kind {
    /// The words an editor may write for a kind, in any case: the English
    /// keys and the Vietnamese words the agency's own documents use.
    pub const WORDS: [&'static str; 4] = ["individual", "collective", "cá nhân", "tập thể"];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Individual => "individual",
            Kind::Collective => "collective",
        }
    }

    /// `individual`, `collective`, `cá nhân` or `tập thể`, in any case and
    /// with any run of spaces (the text is NFC already: content is
    /// normalised when it is read).
    pub fn from_word(word: &str) -> Option<Kind> {
        let folded: String = word
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        match folded.as_str() {
            "individual" | "cá nhân" => Some(Kind::Individual),
            "collective" | "tập thể" => Some(Kind::Collective),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let word = String::deserialize(deserializer)?;
        Kind::from_word(&word).ok_or_else(|| serde::de::Error::unknown_variant(&word, &Kind::WORDS))
    }
}

/// The three kinds of content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Profiles,
    Campaigns,
    Awards,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::Profiles, Section::Campaigns, Section::Awards];

    /// Its folder under [`CONTENT_DIR`].
    pub fn dir(self) -> &'static str {
        match self {
            Section::Profiles => "profiles",
            Section::Campaigns => "campaigns",
            Section::Awards => "awards",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_words_in_either_language_and_any_case() {
        assert_eq!(Kind::from_word("individual"), Some(Kind::Individual));
        assert_eq!(Kind::from_word("Cá nhân"), Some(Kind::Individual));
        assert_eq!(Kind::from_word("TẬP  THỂ"), Some(Kind::Collective));
        assert_eq!(Kind::from_word("Collective"), Some(Kind::Collective));
        assert_eq!(Kind::from_word("tap the"), None);
        assert_eq!(Kind::from_word(""), None);
    }
}
