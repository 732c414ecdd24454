//! Problems in `site.toml` beyond its TOML: the address, the languages,
//! the theme.

use super::say;
use crate::diagnostic::Lang;
use crate::vocab::CONFIG_FILE;

/// A value of `site.toml` that cannot work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    BadBaseUrl {
        url: String,
        no_host: bool,
    },
    NoLanguages,
    UnknownDefaultLanguage {
        code: String,
        known: Vec<String>,
    },
    BadLanguageCode {
        code: String,
    },
    UnknownTheme {
        name: String,
    },
    /// The folder holds no `site.toml`: the command was run outside a site.
    NotASite {
        folder: String,
    },
    /// Two award types go by one name (or one's name is the other's key).
    AwardNameShared {
        name: String,
        first: String,
        second: String,
    },
}

impl ConfigProblem {
    /// What is wrong and what was expected, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use ConfigProblem::*;
        match self {
            BadBaseUrl {
                url,
                no_host: false,
            } => say!(lang,
                en: "base_url must start with https:// or http://, found \"{url}\"",
                vi: "base_url phải bắt đầu bằng https:// hoặc http://, nhưng đang là \"{url}\""),
            BadBaseUrl { url, no_host: true } => say!(lang,
                en: "base_url has no host name: \"{url}\"",
                vi: "base_url thiếu tên miền: \"{url}\""),
            NoLanguages => say!(lang,
                en: "no languages: add at least a [languages.vi] table with a title",
                vi: "chưa khai báo ngôn ngữ nào: thêm ít nhất một bảng [languages.vi] có title"),
            UnknownDefaultLanguage { code, known } => {
                let known = known.join(", ");
                say!(lang,
                    en: "default_language is \"{code}\", but there is no [languages.{code}] table (languages: {known})",
                    vi: "default_language là \"{code}\", nhưng không có bảng [languages.{code}] (các ngôn ngữ: {known})")
            }
            AwardNameShared {
                name,
                first,
                second,
            } => say!(lang,
                en: "the award types `{first}` and `{second}` are both called \"{name}\": a file naming it could mean either",
                vi: "hai loại khen thưởng `{first}` và `{second}` cùng có tên \"{name}\": tệp nào ghi tên này sẽ không rõ là loại nào"),
            BadLanguageCode { code } => say!(lang,
                en: "\"{code}\" is not a language code such as vi or en",
                vi: "\"{code}\" không phải mã ngôn ngữ như vi hoặc en"),
            UnknownTheme { name } => say!(lang,
                en: "the theme \"{name}\" does not exist: there is no folder themes/{name}/",
                vi: "giao diện \"{name}\" không tồn tại: không có thư mục themes/{name}/"),
            NotASite { folder } => say!(lang,
                en: "\"{folder}\" is not a vinhdanh site: there is no {CONFIG_FILE} in it",
                vi: "\"{folder}\" không phải thư mục của một trang vinhdanh: trong đó không có tệp {CONFIG_FILE}"),
        }
    }

    /// A suggestion for fixing it, in `lang`.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use ConfigProblem::*;
        let hint = match self {
            AwardNameShared { second, .. } => say!(lang,
                en: "give `{second}` a name of its own (in every language)",
                vi: "đặt cho `{second}` một tên riêng (ở mọi ngôn ngữ)"),
            UnknownDefaultLanguage { code, .. } => say!(lang,
                en: "add a [languages.{code}] table with a title, or set default_language to one of the languages",
                vi: "thêm bảng [languages.{code}] có title, hoặc đặt default_language là một trong các ngôn ngữ đã khai báo"),
            UnknownTheme { .. } => say!(lang,
                en: "remove `theme` to use the built-in default theme",
                vi: "bỏ dòng `theme` để dùng giao diện mặc định có sẵn"),
            NotASite { .. } => say!(lang,
                en: "run vinhdanh in the site's folder or give it with --root DIR; to make a new site: vinhdanh init DIR",
                vi: "chạy vinhdanh trong thư mục của trang hoặc chỉ ra thư mục bằng --root THƯ_MỤC; để tạo trang mới: vinhdanh init THƯ_MỤC"),
            _ => return None,
        };
        Some(hint)
    }
}
