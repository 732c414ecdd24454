//! A mistyped command in the messages language. clap words its errors in
//! English ("unexpected argument '--foo' found", "Usage:", "For more
//! information, try '--help'."); for Vietnamese they are worded here from
//! the error's parts, its kind and its context (the option, the value,
//! the values allowed, a close name, the usage line). What a value's parser
//! said (Rust's "invalid digit found in string") is kept as detail, after
//! our own words.

use std::error::Error as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::diagnostic::Lang;

/// Whether clap's own rendering is right for `lang`: always in English,
/// and for help and the version (not errors: they are already in `lang`).
pub fn clap_says_it(err: &clap::Error, lang: Lang) -> bool {
    lang == Lang::En
        || matches!(
            err.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
}

/// A usage error in Vietnamese, as clap lays its own out: the error, what
/// is allowed, a close name, the usage line, where to read more.
pub fn vietnamese(err: &clap::Error) -> String {
    let text = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let texts = |kind| match err.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let number = |kind| match err.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let listed = |title: &str, items: Vec<String>| match items.is_empty() {
        true => String::new(),
        false => format!("\n  [{title}: {}]", items.join(", ")),
    };
    let message = match err.kind() {
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            format!("không có tùy chọn '{arg}'")
        }
        ErrorKind::UnknownArgument => format!("không cần đối số '{arg}' ở đây"),
        ErrorKind::InvalidSubcommand => {
            let sub = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("không có lệnh '{sub}'")
        }
        ErrorKind::InvalidValue if value.is_empty() => {
            format!("'{arg}' cần một giá trị, nhưng chưa có")
        }
        ErrorKind::InvalidValue => {
            let allowed = texts(ContextKind::ValidValue);
            format!(
                "giá trị '{value}' không dùng được cho '{arg}'{}",
                listed("giá trị dùng được", allowed)
            )
        }
        // Our options' values, said in our words.
        ErrorKind::ValueValidation if expected(&arg).is_some() => {
            let expected = expected(&arg).unwrap_or_default();
            format!("giá trị '{value}' không dùng được cho '{arg}': {expected}")
        }
        ErrorKind::ValueValidation => {
            let detail = err
                .source()
                .map(|s| format!("\n  [chi tiết: {s}]"))
                .unwrap_or_default();
            format!("giá trị '{value}' không dùng được cho '{arg}'{detail}")
        }
        ErrorKind::MissingRequiredArgument => {
            let missing: String = texts(ContextKind::InvalidArg)
                .iter()
                .map(|a| format!("\n  {a}"))
                .collect();
            format!("thiếu đối số bắt buộc:{missing}")
        }
        ErrorKind::MissingSubcommand => {
            let commands = texts(ContextKind::ValidSubcommand);
            format!("hãy cho biết một lệnh{}", listed("các lệnh", commands))
        }
        ErrorKind::NoEquals => format!("'{arg}' cần dấu = trước giá trị: {arg}=…"),
        ErrorKind::TooManyValues => format!("'{arg}' không nhận thêm giá trị '{value}'"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let wanted = number(ContextKind::MinValues)
                .or_else(|| number(ContextKind::ExpectedNumValues))
                .unwrap_or(1);
            let given = number(ContextKind::ActualNumValues).unwrap_or(0);
            format!("'{arg}' cần {wanted} giá trị, nhưng có {given}")
        }
        ErrorKind::ArgumentConflict => match texts(ContextKind::PriorArg) {
            prior if prior.is_empty() || prior == [arg.clone()] => {
                format!("'{arg}' chỉ được dùng một lần")
            }
            prior => format!("'{arg}' không dùng cùng với '{}'", prior.join("', '")),
        },
        ErrorKind::InvalidUtf8 => "một đối số không phải chữ UTF-8".to_owned(),
        _ => {
            let detail = err.source().map(|s| format!(" [chi tiết: {s}]"));
            format!("dòng lệnh không đúng{}", detail.unwrap_or_default())
        }
    };
    let mut out = format!("lỗi: {message}\n");
    let close = [
        (ContextKind::SuggestedArg, "có tùy chọn gần giống"),
        (ContextKind::SuggestedSubcommand, "có lệnh gần giống"),
        (ContextKind::SuggestedValue, "có giá trị gần giống"),
    ];
    for (kind, words) in close {
        let names = texts(kind);
        if !names.is_empty() {
            out.push_str(&format!("\n  gợi ý: {words}: '{}'\n", names.join("', '")));
        }
    }
    if let Some(usage) = text(ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        out.push_str(&format!("\nCách dùng: {usage}\n"));
    }
    out.push_str("\nXem hướng dẫn: thêm '--help' vào lệnh.\n");
    out
}

/// What an option of ours takes, in Vietnamese (its parser's words are
/// Rust's, in English).
fn expected(arg: &str) -> Option<&'static str> {
    let name = arg.split_whitespace().next().unwrap_or(arg);
    let words = match name {
        "--lang" => "hãy dùng vi hoặc en",
        "--port" => "phải là một số từ 0 đến 65535",
        "--year" => "phải là một năm bốn chữ số, ví dụ 2021",
        "--bind" => "phải là một địa chỉ IP, ví dụ 127.0.0.1",
        _ => return None,
    };
    Some(words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use crate::cli::help::localised;
    use clap::CommandFactory;

    fn error(args: &[&str]) -> clap::Error {
        let mut all = vec!["vinhdanh"];
        all.extend(args);
        localised(Cli::command(), Lang::Vi)
            .try_get_matches_from(all)
            .expect_err("a usage error")
    }

    #[test]
    fn an_unknown_option_in_vietnamese_with_the_close_one() {
        let said = vietnamese(&error(&["build", "--rot", "x"]));
        assert!(
            said.starts_with("lỗi: không có tùy chọn '--rot'\n"),
            "{said}"
        );
        assert!(
            said.contains("gợi ý: có tùy chọn gần giống: '--root'"),
            "{said}"
        );
        assert!(
            said.contains("\nCách dùng: vinhdanh build [TÙY_CHỌN]\n"),
            "{said}"
        );
        assert!(!said.contains("Usage"), "{said}");
    }

    #[test]
    fn values_allowed_missing_arguments_and_the_parser_s_detail() {
        let said = vietnamese(&error(&["new", "person", "X"]));
        assert!(
            said.contains("giá trị 'person' không dùng được cho '<LOẠI>'\n  [giá trị dùng được: profile, campaign, awards]"),
            "{said}"
        );
        let said = vietnamese(&error(&["new"]));
        assert!(
            said.contains("thiếu đối số bắt buộc:\n  <LOẠI>\n  <TÊN>"),
            "{said}"
        );
        let said = vietnamese(&error(&["serve", "--port", "abc"]));
        assert!(
            said.contains("'--port <CỔNG>': phải là một số từ 0 đến 65535"),
            "{said}"
        );
        let said = vietnamese(&error(&["new", "awards", "1", "--year", "12"]));
        assert!(said.contains("phải là một năm bốn chữ số"), "{said}");
        let said = vietnamese(&error(&["build", "--lang", "fr"]));
        assert!(said.contains("hãy dùng vi hoặc en"), "{said}");
        let said = vietnamese(&error(&["bulid"]));
        assert!(said.starts_with("lỗi: không có lệnh 'bulid'"), "{said}");
        assert!(said.contains("có lệnh gần giống: 'build'"), "{said}");
        let said = vietnamese(&error(&["--lang", "vi"]));
        assert!(
            said.contains("[các lệnh: build, serve, check, new, init]"),
            "{said}"
        );
    }

    #[test]
    fn help_and_version_are_clap_s_own_rendering() {
        let help = error(&["--help"]);
        assert!(clap_says_it(&help, Lang::Vi));
        assert!(!clap_says_it(&error(&["--nope"]), Lang::Vi));
        assert!(clap_says_it(&error(&["--nope"]), Lang::En));
    }
}
