//! Problems in TOML, in our words around the library's: syntax, a value of
//! the wrong type, a missing, unknown or repeated field, a value not allowed.

use super::{did_you_mean, joined, or_list, say};
use crate::diagnostic::Lang;

/// What the TOML reader found wrong (see [`crate::diagnostic::toml_words`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TomlProblem {
    Syntax {
        part: TomlPart,
        detail: String,
    },
    WrongType {
        key: Option<String>,
        expected: Expected,
        found: Found,
        detail: String,
    },
    MissingField {
        field: String,
        table: Option<String>,
    },
    UnknownField {
        field: String,
        known: Vec<String>,
        suggestion: Option<String>,
    },
    UnknownValue {
        key: Option<String>,
        value: String,
        allowed: Vec<String>,
        suggestion: Option<String>,
    },
    DuplicateKey {
        key: String,
    },
    Other {
        detail: String,
    },
}

impl TomlProblem {
    /// What is wrong and what was expected, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use TomlProblem::*;
        match self {
            Syntax { part, detail } => {
                let what = match part {
                    TomlPart::FrontMatter => {
                        say!(lang, en: "the front matter", vi: "phần thông tin (front matter)")
                    }
                    TomlPart::SiteConfig => "site.toml".to_owned(),
                    TomlPart::AwardList => {
                        say!(lang, en: "this award list", vi: "danh sách khen thưởng này")
                    }
                    TomlPart::UiStrings => {
                        say!(lang, en: "this UI strings file", vi: "tệp chuỗi giao diện này")
                    }
                };
                say!(lang, en: "{what} is not valid TOML here: {detail}", vi: "{what} sai cú pháp TOML ở đây: {detail}")
            }
            WrongType {
                key,
                expected,
                found,
                ..
            } => {
                let (expected, found) = (expected.words(lang), found.words(lang));
                match key {
                    Some(key) => {
                        say!(lang, en: "`{key}` must be {expected}, found {found}", vi: "`{key}` phải là {expected}, nhưng đang là {found}")
                    }
                    None => {
                        say!(lang, en: "this value must be {expected}, found {found}", vi: "giá trị này phải là {expected}, nhưng đang là {found}")
                    }
                }
            }
            MissingField { field, table: None } => say!(lang,
                en: "the required field `{field}` is missing",
                vi: "thiếu trường bắt buộc `{field}`"),
            MissingField {
                field,
                table: Some(table),
            } => say!(lang,
                en: "the required field `{field}` is missing from this {table} table",
                vi: "bảng {table} này thiếu trường bắt buộc `{field}`"),
            UnknownField { field, .. } => say!(lang,
                en: "unknown field `{field}`: a field that is not understood is never ignored",
                vi: "không có trường nào tên `{field}`: trường không hiểu được sẽ không bị bỏ qua"),
            UnknownValue {
                key,
                value,
                allowed,
                ..
            } => {
                let allowed = or_list(allowed, lang);
                match key {
                    Some(key) => {
                        say!(lang, en: "`{key}` cannot be \"{value}\": expected {allowed}", vi: "`{key}` không thể là \"{value}\": phải là {allowed}")
                    }
                    None => {
                        say!(lang, en: "\"{value}\" is not accepted here: expected {allowed}", vi: "\"{value}\" không dùng được ở đây: phải là {allowed}")
                    }
                }
            }
            DuplicateKey { key } => {
                say!(lang, en: "the field `{key}` is written twice", vi: "trường `{key}` được viết hai lần")
            }
            Other { detail } => {
                say!(lang, en: "this value is not accepted: {detail}", vi: "giá trị này không dùng được: {detail}")
            }
        }
    }

    /// A suggestion for fixing it, in `lang`.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use TomlProblem::*;
        let hint = match self {
            Syntax {
                part: TomlPart::UiStrings,
                ..
            } => say!(lang,
                en: "a UI strings file holds lines of the form key = \"text\"",
                vi: "tệp chuỗi giao diện gồm các dòng dạng khoa = \"chữ\""),
            Syntax { .. } => say!(lang,
                en: "each line is a field: name = value, with text in double quotes, e.g. name = \"Nguyễn Văn An\"",
                vi: "mỗi dòng là một trường: tên = giá trị, chữ đặt trong dấu ngoặc kép, ví dụ name = \"Nguyễn Văn An\""),
            WrongType {
                expected:
                    Expected::WholeNumber { .. }
                    | Expected::Number
                    | Expected::Date
                    | Expected::TrueFalse,
                found: Found::Text(s),
                ..
            } => say!(lang,
                en: "remove the double quotes around {s}",
                vi: "bỏ dấu ngoặc kép quanh {s}"),
            WrongType {
                expected: Expected::Text | Expected::Localised,
                found: Found::Number(_) | Found::Bool(_),
                ..
            } => say!(lang,
                en: "put the value in double quotes",
                vi: "đặt giá trị trong dấu ngoặc kép"),
            WrongType { .. } | Other { .. } => return None,
            MissingField { field, .. } => say!(lang,
                en: "add a line {field} = … (see `vinhdanh new` for every field with a comment)",
                vi: "thêm một dòng {field} = … (lệnh `vinhdanh new` tạo tệp mẫu có chú thích từng trường)"),
            UnknownField {
                suggestion: Some(s),
                ..
            } => say!(lang, en: "did you mean `{s}`?", vi: "có phải ý bạn là `{s}`?"),
            UnknownField { known, .. } => {
                let known = joined(known, ", ".to_owned());
                say!(lang, en: "the fields allowed here are {known}", vi: "các trường dùng được ở đây là {known}")
            }
            UnknownValue {
                suggestion: Some(s),
                ..
            } => did_you_mean(s, lang),
            DuplicateKey { .. } => {
                say!(lang, en: "keep one of the two lines", vi: "chỉ giữ một trong hai dòng")
            }
            _ => return None,
        };
        Some(hint)
    }

    /// What the TOML library said, word for word, when our message is built on it.
    pub fn detail(&self) -> Option<&str> {
        match self {
            TomlProblem::WrongType { detail, .. } => Some(detail),
            _ => None,
        }
    }
}

/// What a TOML value was expected to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// A whole number; the example shown (2020 for years).
    WholeNumber {
        example: i64,
    },
    Number,
    Text,
    TrueFalse,
    List,
    Date,
    /// A plain text or a table of texts by language.
    Localised,
    Table,
    /// What the library said, when it is none of the above.
    Other(String),
}

/// What a TOML value was found to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Text(String),
    Number(String),
    Bool(String),
    List,
    Table,
    Other(String),
}

/// Which kind of TOML file a syntax error is in, for the hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TomlPart {
    FrontMatter,
    SiteConfig,
    AwardList,
    UiStrings,
}

impl Expected {
    fn words(&self, lang: Lang) -> String {
        match self {
            Expected::WholeNumber { example } => {
                say!(lang, en: "a whole number such as {example}", vi: "một số nguyên, ví dụ {example}")
            }
            Expected::Number => say!(lang, en: "a number", vi: "một số"),
            Expected::Text => {
                say!(lang, en: "text in double quotes, such as \"…\"", vi: "chữ đặt trong dấu ngoặc kép, ví dụ \"…\"")
            }
            Expected::TrueFalse => {
                say!(lang, en: "true or false", vi: "true (có) hoặc false (không)")
            }
            Expected::List => {
                say!(lang, en: "a list in square brackets, such as [\"a\", \"b\"]", vi: "một danh sách trong ngoặc vuông, ví dụ [\"a\", \"b\"]")
            }
            Expected::Date => {
                say!(lang, en: "a date such as 2023-04-21, without quotes", vi: "một ngày dạng 2023-04-21, không có dấu ngoặc kép")
            }
            Expected::Localised => say!(lang,
                en: "text in double quotes, or texts by language such as {{ vi = \"…\", en = \"…\" }}",
                vi: "chữ trong dấu ngoặc kép, hoặc chữ theo từng ngôn ngữ như {{ vi = \"…\", en = \"…\" }}"),
            Expected::Table => say!(lang, en: "a table of fields", vi: "một bảng gồm các trường"),
            Expected::Other(s) => s.clone(),
        }
    }
}

impl Found {
    fn words(&self, lang: Lang) -> String {
        match self {
            Found::Text(s) => say!(lang, en: "the text \"{s}\"", vi: "chữ \"{s}\""),
            Found::Number(n) => say!(lang, en: "the number {n}", vi: "số {n}"),
            Found::Bool(b) => b.clone(),
            Found::List => say!(lang, en: "a list", vi: "một danh sách"),
            Found::Table => say!(lang, en: "a table", vi: "một bảng"),
            Found::Other(s) => s.clone(),
        }
    }
}
