//! Problems writing files: the output folder refused, a failed write, and
//! `vinhdanh new`'s file that exists or has no name, `vinhdanh init` into a site.

use super::say;
use crate::diagnostic::Lang;
use crate::vocab::OUTPUT_MARKER;

/// What stops vinhdanh from writing a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputProblem {
    OutputRefused {
        folder: String,
        reason: Refusal,
    },
    CannotWrite {
        detail: String,
    },
    FileExists {
        path: String,
    },
    NameWithoutLetters {
        name: String,
    },
    /// `vinhdanh init` into a folder that already holds a site's `found`.
    SiteExists {
        folder: String,
        found: String,
    },
}

impl OutputProblem {
    /// What is wrong and what was expected, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use OutputProblem::*;
        match self {
            OutputRefused { folder, reason } => {
                let why = reason.words(lang);
                say!(lang,
                    en: "refusing to use \"{folder}\" as the output folder: {why}",
                    vi: "không dùng \"{folder}\" làm thư mục kết quả: {why}")
            }
            CannotWrite { detail } => {
                say!(lang, en: "cannot write: {detail}", vi: "không ghi được: {detail}")
            }
            FileExists { path } => say!(lang,
                en: "{path} already exists, and vinhdanh new never overwrites a file",
                vi: "{path} đã có, và vinhdanh new không bao giờ ghi đè lên tệp có sẵn"),
            NameWithoutLetters { name } => say!(lang,
                en: "the name \"{name}\" has no letters or digits to make a file name from",
                vi: "tên \"{name}\" không có chữ hay số nào để đặt tên tệp"),
            SiteExists { folder, found } => say!(lang,
                en: "\"{folder}\" already holds {found}, and vinhdanh init never writes over a site: nothing was written",
                vi: "\"{folder}\" đã có {found}, và vinhdanh init không bao giờ ghi đè lên một trang: chưa ghi gì cả"),
        }
    }

    /// A suggestion for fixing it, in `lang`.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use OutputProblem::*;
        let hint = match self {
            OutputRefused { .. } => say!(lang,
                en: "choose another folder with --output-dir or output_dir in site.toml",
                vi: "chọn thư mục khác bằng --output-dir hoặc output_dir trong site.toml"),
            FileExists { .. } => say!(lang,
                en: "choose another name, or edit the existing file",
                vi: "chọn tên khác, hoặc sửa tệp đã có"),
            SiteExists { .. } => say!(lang,
                en: "give a new or empty folder: vinhdanh init DIR",
                vi: "chỉ ra một thư mục mới hoặc trống: vinhdanh init THƯ_MỤC"),
            _ => return None,
        };
        Some(hint)
    }
}

/// Why an output folder is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    IsSite,
    ContainsSite,
    LooksLikeSite,
    IsFile,
    Foreign,
    /// Inside an input folder (`content`, `static`…): each build's output
    /// would be read back in by the next.
    InsideInput(&'static str),
}

impl Refusal {
    fn words(self, lang: Lang) -> String {
        let marker = OUTPUT_MARKER;
        match self {
            Refusal::IsSite => {
                say!(lang, en: "it is the site's own folder", vi: "đó chính là thư mục của trang")
            }
            Refusal::ContainsSite => {
                say!(lang, en: "it contains the site's folder", vi: "thư mục đó chứa thư mục của trang")
            }
            Refusal::LooksLikeSite => say!(lang,
                en: "it holds site.toml or content/, so it looks like a site, not built output",
                vi: "thư mục đó có site.toml hoặc content/, tức là một trang chứ không phải kết quả dựng"),
            Refusal::IsFile => say!(lang, en: "it is a file", vi: "đó là một tệp"),
            Refusal::InsideInput(input) => say!(lang,
                en: "it is inside {input}/, which vinhdanh reads: the next build would read this build's output back in",
                vi: "thư mục đó nằm trong {input}/, nơi vinhdanh đọc vào: lần dựng sau sẽ đọc lại kết quả của lần dựng này"),
            Refusal::Foreign => say!(lang,
                en: "it is not empty and was not made by vinhdanh (it has no {marker} file), so vinhdanh will not replace it",
                vi: "thư mục đó không trống và không do vinhdanh tạo ra (không có tệp {marker}), nên vinhdanh sẽ không thay thế nó"),
        }
    }
}
