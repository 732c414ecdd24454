//! Problems with file names and the addresses made from them: a language
//! code that is not the site's, a translated award list, a name without
//! letters, two files with one address, a translation without its original.

use super::say;
use crate::diagnostic::Lang;
use crate::vocab::Section;

/// A file whose name cannot become a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameProblem {
    NotATranslationLanguage {
        code: String,
        ext: String,
        known: Vec<String>,
    },
    AwardListTranslated,
    NoUsableSlug {
        section: Section,
    },
    DuplicateSlug {
        section: Section,
        slug: String,
        first: String,
        second: String,
    },
    TranslationWithoutOriginal {
        original: String,
    },
}

impl NameProblem {
    /// What is wrong and what was expected, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use NameProblem::*;
        match self {
            NotATranslationLanguage { code, ext, .. } => say!(lang,
                en: "the file name ends in \".{code}{ext}\", but \"{code}\" is not a translation language of this site",
                vi: "tên tệp kết thúc bằng \".{code}{ext}\", nhưng \"{code}\" không phải ngôn ngữ dịch của trang này"),
            AwardListTranslated => say!(lang,
                en: "award lists are not translated file by file: write localised fields as {{ vi = \"…\", en = \"…\" }} in the one file",
                vi: "danh sách khen thưởng không dịch theo từng tệp: viết các trường cần dịch dạng {{ vi = \"…\", en = \"…\" }} ngay trong một tệp"),
            NoUsableSlug {
                section: Section::Awards,
            } => say!(lang,
                en: "this award list's file name has no letters or digits to make its address from",
                vi: "tên tệp danh sách khen thưởng này không có chữ hay số nào để tạo địa chỉ"),
            NoUsableSlug { .. } => say!(lang,
                en: "this page has no usable address: its file name (or `slug`) has no letters or digits",
                vi: "trang này không có địa chỉ dùng được: tên tệp (hoặc `slug`) không có chữ hay số nào"),
            DuplicateSlug {
                section,
                slug,
                first,
                second,
            } => {
                let what = section_words(*section, lang);
                say!(lang,
                    en: "two {what} have the address \"{slug}\": {first} and {second}",
                    vi: "hai {what} có cùng địa chỉ \"{slug}\": {first} và {second}")
            }
            TranslationWithoutOriginal { original } => say!(lang,
                en: "this translation has no original: there is no {original}",
                vi: "bản dịch này không có bản gốc: không có tệp {original}"),
        }
    }

    /// A suggestion for fixing it, in `lang`.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use NameProblem::*;
        let hint = match self {
            NotATranslationLanguage { ext, known, .. } => {
                let known = if known.is_empty() {
                    say!(lang, en: "(none configured)", vi: "(chưa khai báo)")
                } else {
                    known.join(", ")
                };
                say!(lang,
                    en: "translations are named <name>.<language>{ext} with one of: {known}; the original has no language code",
                    vi: "bản dịch đặt tên <tên>.<ngôn ngữ>{ext} với một trong: {known}; bản gốc không có mã ngôn ngữ")
            }
            DuplicateSlug {
                section: Section::Awards,
                ..
            } => say!(lang, en: "rename one of the two files", vi: "đổi tên một trong hai tệp"),
            DuplicateSlug { .. } => say!(lang,
                en: "rename one file, or give one a different `slug`",
                vi: "đổi tên một tệp, hoặc đặt `slug` khác cho một trong hai"),
            TranslationWithoutOriginal { .. } => say!(lang,
                en: "a translation sits beside its original, named <original name>.<language>.md",
                vi: "bản dịch nằm cạnh bản gốc, đặt tên <tên bản gốc>.<ngôn ngữ>.md"),
            _ => return None,
        };
        Some(hint)
    }
}

fn section_words(section: Section, lang: Lang) -> String {
    match section {
        Section::Profiles => say!(lang, en: "profiles", vi: "hồ sơ"),
        Section::Campaigns => say!(lang, en: "campaigns", vi: "phong trào"),
        Section::Awards => say!(lang, en: "award lists", vi: "danh sách khen thưởng"),
    }
}
