//! Problems with the theme: a missing UI string, a template that does not
//! parse or render, a static file over a generated page.

use super::say;
use crate::diagnostic::Lang;

/// What is wrong with a theme or the site's templates, strings or static files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThemeProblem {
    MissingUiString {
        key: String,
        lang: String,
    },
    Template {
        fault: TemplateFault,
        detail: String,
    },
    MissingParentTemplate {
        parent: String,
    },
}

impl ThemeProblem {
    /// What is wrong and what was expected, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use ThemeProblem::*;
        match self {
            MissingUiString { key, lang: code } => say!(lang,
                en: "the UI string \"{key}\" is missing for language \"{code}\"",
                vi: "thiếu chuỗi giao diện \"{key}\" cho ngôn ngữ \"{code}\""),
            Template { fault, detail } => match fault {
                TemplateFault::Syntax => {
                    say!(lang, en: "template syntax error: {detail}", vi: "mẫu trang (template) sai cú pháp: {detail}")
                }
                TemplateFault::Render => {
                    say!(lang, en: "template error: {detail}", vi: "lỗi khi dựng trang từ mẫu (template): {detail}")
                }
                TemplateFault::NotFound => {
                    say!(lang, en: "template not found: {detail}", vi: "không tìm thấy mẫu trang (template): {detail}")
                }
                TemplateFault::Other => {
                    say!(lang, en: "template error: {detail}", vi: "lỗi mẫu trang (template): {detail}")
                }
            },
            MissingParentTemplate { parent } => say!(lang,
                en: "this template extends \"{parent}\", which does not exist",
                vi: "mẫu trang này kế thừa \"{parent}\", nhưng mẫu đó không tồn tại"),
        }
    }

    /// A suggestion for fixing it, in `lang`.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use ThemeProblem::*;
        let hint = match self {
            MissingUiString { key, lang: code } => say!(lang,
                en: "add {key} = \"…\" to i18n/{code}.toml",
                vi: "thêm {key} = \"…\" vào i18n/{code}.toml"),
            Template {
                fault: TemplateFault::Render,
                ..
            } => say!(lang,
                en: "check the names the template uses against the variables the theme documents",
                vi: "kiểm tra tên biến trong mẫu trang so với các biến giao diện cung cấp"),
            _ => return None,
        };
        Some(hint)
    }
}

/// What went wrong with a template, as Tera reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateFault {
    Syntax,
    Render,
    NotFound,
    Other,
}
