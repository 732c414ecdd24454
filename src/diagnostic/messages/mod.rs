//! Every problem vinhdanh reports, as data ([`Problem`]), and its words in
//! each messages language.
//!
//! A place in the code that finds a problem builds one with what it knows
//! (the field, the value found, a close match); this module alone turns it
//! into words, once per language. Problems come in groups, one file each,
//! holding the group's enum and its `message` and `hint` side by side: a new
//! problem is a variant and its two arms in one place. Adding a language
//! means adding an arm to [`say!`], not touching the places that find
//! problems.

mod awards;
mod dates;
mod files;
mod names;
mod notes;
mod output;
mod recipients_csv;
mod references;
mod site_config;
mod status;
mod theme;
mod toml_fields;

use std::fmt;

use super::Lang;
pub use super::boundary::Boundary;
pub use super::photo::PhotoProblem;

pub use awards::{AwardName, AwardProblem};
pub use dates::DateProblem;
pub use files::{FileProblem, Unreadable};
pub use names::NameProblem;
pub use notes::Note;
pub use output::{OutputProblem, Refusal};
pub use recipients_csv::{ColumnFix, CsvProblem};
pub use references::ReferenceProblem;
pub use site_config::ConfigProblem;
pub use status::{Noun, Status, count};
pub use theme::{TemplateFault, ThemeProblem};
pub use toml_fields::{Expected, Found, TomlPart, TomlProblem};

/// `say!(lang, en: "…{x}…", vi: "…{x}…")`: the words for `lang`, formatted
/// with the variables in scope.
macro_rules! say {
    ($lang:expr, en: $en:literal, vi: $vi:literal $(,)?) => {
        match $lang {
            $crate::diagnostic::Lang::En => format!($en),
            $crate::diagnostic::Lang::Vi => format!($vi),
        }
    };
}
pub(crate) use say;

/// Each group becomes a [`Problem`] with `.into()`, so a place that finds one
/// writes only its group's name. The macro writes the enum, the `From`s and
/// the dispatch of `message` and `hint` from one list of groups.
macro_rules! groups {
    ($($(#[$doc:meta])* $variant:ident($group:ty)),* $(,)?) => {
        /// One kind of problem with what is known about it, by group.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Problem {
            $($(#[$doc])* $variant($group),)*
        }

        $(impl From<$group> for Problem {
            fn from(p: $group) -> Problem {
                Problem::$variant(p)
            }
        })*

        impl Problem {
            /// What is wrong and what was expected, in `lang`.
            pub fn message(&self, lang: Lang) -> String {
                match self {
                    $(Problem::$variant(p) => p.message(lang),)*
                }
            }

            /// A suggestion for fixing it, in `lang`.
            pub fn hint(&self, lang: Lang) -> Option<String> {
                match self {
                    $(Problem::$variant(p) => p.hint(lang),)*
                }
            }
        }
    };
}

groups! {
    File(FileProblem),
    Toml(TomlProblem),
    Config(ConfigProblem),
    Name(NameProblem),
    Date(DateProblem),
    Reference(ReferenceProblem),
    Award(AwardProblem),
    Csv(CsvProblem),
    Theme(ThemeProblem),
    Output(OutputProblem),
    /// The site's edges (words in `super::boundary`).
    Boundary(Boundary),
    /// A photo file that cannot be published (words in `super::photo`).
    Photo(PhotoProblem),
}

impl Problem {
    /// What a library said, word for word, when our message is built on it.
    pub fn detail(&self) -> Option<&str> {
        match self {
            Problem::Toml(p) => p.detail(),
            _ => None,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// `` `a`, `b` or `c` `` in `lang`.
pub fn or_list(items: &[String], lang: Lang) -> String {
    joined(items, say!(lang, en: " or ", vi: " hoặc "))
}

fn joined(items: &[String], last: String) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == items.len() { &last } else { ", " });
        }
        out.push('`');
        out.push_str(item);
        out.push('`');
    }
    out
}

fn did_you_mean(suggestion: &str, lang: Lang) -> String {
    say!(lang, en: "did you mean \"{suggestion}\"?", vi: "có phải ý bạn là \"{suggestion}\"?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_is_said_in_both_languages() {
        let samples: [Problem; 3] = [
            TomlProblem::WrongType {
                key: Some("year".into()),
                expected: Expected::WholeNumber { example: 2020 },
                found: Found::Text("2020".into()),
                detail: "invalid type: string \"2020\", expected i64".into(),
            }
            .into(),
            CsvProblem::NotUtf8 { line: 3 }.into(),
            OutputProblem::OutputRefused {
                folder: "docs".into(),
                reason: Refusal::Foreign,
            }
            .into(),
        ];
        for p in samples {
            let (en, vi) = (p.message(Lang::En), p.message(Lang::Vi));
            assert_ne!(en, vi);
            assert!(p.hint(Lang::En).is_some() == p.hint(Lang::Vi).is_some());
        }
    }

    #[test]
    fn a_wrong_type_reads_as_plain_words() {
        let p: Problem = TomlProblem::WrongType {
            key: Some("year".into()),
            expected: Expected::WholeNumber { example: 2020 },
            found: Found::Text("2020".into()),
            detail: String::new(),
        }
        .into();
        assert_eq!(
            p.message(Lang::En),
            "`year` must be a whole number such as 2020, found the text \"2020\""
        );
        assert_eq!(
            p.message(Lang::Vi),
            "`year` phải là một số nguyên, ví dụ 2020, nhưng đang là chữ \"2020\""
        );
        assert_eq!(
            p.hint(Lang::En).as_deref(),
            Some("remove the double quotes around 2020")
        );
    }

    #[test]
    fn lists_read_naturally() {
        let items = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert_eq!(or_list(&items, Lang::En), "`a`, `b` or `c`");
        assert_eq!(or_list(&items[..1], Lang::Vi), "`a`");
    }
}
