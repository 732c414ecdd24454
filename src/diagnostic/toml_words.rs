//! TOML errors in our words.
//!
//! The `toml` crate says `invalid type: string "2020", expected i64`; an
//! editor needs "`year` must be a whole number such as 2020, found the text
//! \"2020\"". This module reads the library's message (and the text at its
//! span, to name the field) into a [`Problem`], keeping the library's words as
//! the detail.

use std::path::Path;

use super::messages::{Expected, Found, TomlPart};
use super::{Diagnostic, TomlProblem, line_col};

/// A TOML error as a diagnostic. `line_offset` is the number of lines of the
/// file before the TOML text (1 for front matter). A field missing from the
/// top level points at the TOML's first line (the opening `+++` of front
/// matter); one missing from a table points at the table's header.
pub fn toml_diagnostic(
    path: &Path,
    part: TomlPart,
    text: &str,
    err: &toml::de::Error,
    line_offset: usize,
) -> Diagnostic {
    placed(path, text, err, line_offset, toml_problem(part, text, err))
}

/// A TOML error the text's parser found (the text is not TOML), as a diagnostic.
pub fn syntax_diagnostic(
    path: &Path,
    part: TomlPart,
    text: &str,
    err: &toml::de::Error,
    line_offset: usize,
) -> Diagnostic {
    placed(
        path,
        text,
        err,
        line_offset,
        syntax_problem(part, text, err),
    )
}

/// An error of a field of a text that is TOML (a value that does not fit,
/// a field missing or unknown), as a diagnostic.
pub fn field_diagnostic(
    path: &Path,
    text: &str,
    err: &toml::de::Error,
    line_offset: usize,
) -> Diagnostic {
    placed(path, text, err, line_offset, field_problem(text, err))
}

fn placed(
    path: &Path,
    text: &str,
    err: &toml::de::Error,
    line_offset: usize,
    problem: TomlProblem,
) -> Diagnostic {
    let span = err
        .span()
        .filter(|s| !(s.start == 0 && s.is_empty()) && s.end <= text.len());
    // A field missing from the top level has the empty span at 0; one
    // missing from an inline table points at the table.
    match span {
        None => Diagnostic::at(path, line_offset.max(1), None, problem),
        Some(span) => {
            let (line, col) = line_col(text, span.start);
            Diagnostic::at(path, line + line_offset, Some(col), problem)
        }
    }
}

/// The problem a TOML error describes.
pub fn toml_problem(part: TomlPart, text: &str, err: &toml::de::Error) -> TomlProblem {
    // Text that does not parse at all is a syntax error; otherwise a value
    // does not fit the field it is in.
    if err.message().trim().starts_with("duplicate key") || text.parse::<toml::Table>().is_err() {
        return syntax_problem(part, text, err);
    }
    field_problem(text, err)
}

/// The problem of a text that is not TOML: a key written twice, or a syntax error.
pub fn syntax_problem(part: TomlPart, text: &str, err: &toml::de::Error) -> TomlProblem {
    let message = err.message().trim();
    if message.starts_with("duplicate key") {
        let at_span = err.span().and_then(|s| text.get(s)).unwrap_or("");
        return TomlProblem::DuplicateKey {
            key: at_span.trim_matches(['"', '\'', ' ']).to_owned(),
        };
    }
    TomlProblem::Syntax {
        part,
        detail: message.to_owned(),
    }
}

/// The problem of a field of a text that is TOML: a value of the wrong
/// type or not allowed, a field missing or unknown.
pub fn field_problem(text: &str, err: &toml::de::Error) -> TomlProblem {
    let message = err.message().trim();
    let span = err.span().unwrap_or(0..0);
    let at_span = text.get(span.clone()).unwrap_or("");
    let key = key_before(text, span.start);
    if let Some(rest) = message.strip_prefix("missing field ") {
        let table = at_span
            .trim_start()
            .starts_with('[')
            .then(|| at_span.trim().to_owned());
        return TomlProblem::MissingField {
            field: first_quoted(rest).unwrap_or(rest).to_owned(),
            table,
        };
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let mut names = quoted(rest);
        let field = if names.is_empty() {
            rest.to_owned()
        } else {
            names.remove(0)
        };
        let suggestion = closest(&field, &names);
        return TomlProblem::UnknownField {
            field,
            known: names,
            suggestion,
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let mut names = quoted(rest);
        let value = if names.is_empty() {
            rest.to_owned()
        } else {
            names.remove(0)
        };
        let suggestion = closest(&value, &names);
        return TomlProblem::UnknownValue {
            key,
            value,
            allowed: names,
            suggestion,
        };
    }
    let type_error = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "));
    if let Some((found, expected)) = type_error.and_then(|rest| rest.split_once(", expected ")) {
        return TomlProblem::WrongType {
            expected: expected_words(expected, key.as_deref()),
            found: found_words(found),
            key,
            detail: message.to_owned(),
        };
    }
    if message == "wanted string or table" {
        return TomlProblem::WrongType {
            key,
            expected: Expected::Text,
            found: found_in_source(at_span),
            detail: message.to_owned(),
        };
    }
    TomlProblem::Other {
        detail: message.to_owned(),
    }
}

/// The name of the field whose value starts at `offset`: the key before the
/// nearest `=` on its line, prefixed by the key of an inline table it is in
/// (`unit = { vi = 1 }` → `unit.vi`).
fn key_before(text: &str, offset: usize) -> Option<String> {
    let offset = offset.min(text.len());
    let line_start = text.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..offset];
    let eq = before.rfind('=')?;
    let key = before[..eq].trim_end();
    // A quoted key may hold any character; a bare one letters, digits, `_`, `-`, `.`.
    let (name, outer) = match key.strip_suffix('"') {
        Some(inner) => {
            let open = inner.rfind('"')?;
            (&inner[open + 1..], key[..open].trim_end())
        }
        None => {
            let start = key
                .char_indices()
                .rev()
                .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')))
                .map_or(0, |(i, c)| i + c.len_utf8());
            (&key[start..], key[..start].trim_end())
        }
    };
    if name.is_empty() {
        return None;
    }
    match outer.strip_suffix('{') {
        Some(_) => match key_before(text, line_start + outer.len() - 1) {
            Some(parent) => Some(format!("{parent}.{name}")),
            None => Some(name.to_owned()),
        },
        None => Some(name.to_owned()),
    }
}

/// Every `` `name` `` in a library message.
fn quoted(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn first_quoted(text: &str) -> Option<&str> {
    text.split('`').nth(1)
}

fn closest(word: &str, known: &[String]) -> Option<String> {
    super::closest(word, known.iter().map(String::as_str)).map(str::to_owned)
}

fn expected_words(expected: &str, key: Option<&str>) -> Expected {
    let expected = expected.trim();
    match expected {
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "isize" | "usize"
        | "an integer" => {
            let example = if key.is_some_and(|k| k.contains("year")) {
                2020
            } else {
                10
            };
            Expected::WholeNumber { example }
        }
        "f32" | "f64" | "a number" => Expected::Number,
        "a string" | "a borrowed string" | "a character" => Expected::Text,
        "a boolean" => Expected::TrueFalse,
        "a sequence" => Expected::List,
        e if e.contains("datetime") => Expected::Date,
        e if e.starts_with("a text, or a table of texts") => Expected::Localised,
        e if e.starts_with("struct ") || e == "a map" => Expected::Table,
        e => Expected::Other(e.to_owned()),
    }
}

fn found_words(found: &str) -> Found {
    let found = found.trim();
    let ticked = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .map(|v| v.trim_matches('`').to_owned())
    };
    if let Some(s) = found.strip_prefix("string ") {
        return Found::Text(s.trim_matches('"').to_owned());
    }
    if let Some(n) = ticked("integer ").or_else(|| ticked("floating point ")) {
        return Found::Number(n);
    }
    if let Some(b) = ticked("boolean ") {
        return Found::Bool(b);
    }
    match found {
        "sequence" => Found::List,
        "map" => Found::Table,
        other => Found::Other(other.to_owned()),
    }
}

/// What a value written in TOML is, from its text.
fn found_in_source(value: &str) -> Found {
    let value = value.trim();
    match value.chars().next() {
        Some('"' | '\'') => Found::Text(value.trim_matches(['"', '\'']).to_owned()),
        Some('[') => Found::List,
        Some('{') => Found::Table,
        Some('t' | 'f') if value == "true" || value == "false" => Found::Bool(value.to_owned()),
        Some(c) if c.is_ascii_digit() || c == '-' || c == '+' => Found::Number(value.to_owned()),
        _ => Found::Other(value.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front::ProfileFront;
    use crate::diagnostic::Lang;
    use crate::diagnostic::TomlProblem;

    fn problem(text: &str) -> TomlProblem {
        match toml::from_str::<ProfileFront>(text) {
            Ok(_) => panic!("expected an error for {text:?}"),
            Err(e) => toml_problem(TomlPart::FrontMatter, text, &e),
        }
    }

    const BASE: &str = "name = \"A\"\nkind = \"individual\"\nunit = \"U\"\nyear = 2020\n";

    #[test]
    fn a_quoted_year_is_a_whole_number_found_as_text() {
        let p = problem(&BASE.replace("2020", "\"2020\""));
        assert_eq!(
            p.message(Lang::En),
            "`year` must be a whole number such as 2020, found the text \"2020\""
        );
        assert_eq!(
            p.detail(),
            Some("invalid type: string \"2020\", expected i64")
        );
    }

    #[test]
    fn nested_and_list_values_name_their_field() {
        let p = problem(&BASE.replace("\"U\"", "{ vi = 1 }"));
        assert!(
            p.message(Lang::En).starts_with("`unit.vi` must be text"),
            "{}",
            p.message(Lang::En)
        );
        let p = problem(&format!("{BASE}campaigns = [\"a\", 3]\n"));
        assert!(
            p.message(Lang::En).starts_with("`campaigns` must be text"),
            "{}",
            p.message(Lang::En)
        );
        let p = problem(&format!("{BASE}date = \"2020-01-01\"\n"));
        assert!(
            p.message(Lang::En).contains("a date such as"),
            "{}",
            p.message(Lang::En)
        );
        let p = problem(&BASE.replace("\"individual\"", "3"));
        assert_eq!(
            p.message(Lang::En),
            "`kind` must be text in double quotes, such as \"…\", found the number 3"
        );
    }

    #[test]
    fn unknown_fields_and_values_suggest_a_close_one() {
        let p = problem(&format!("{BASE}nmae = \"x\"\n"));
        assert_eq!(p.hint(Lang::En).as_deref(), Some("did you mean `name`?"));
        let p = problem(&BASE.replace("individual", "individal"));
        assert_eq!(
            p.message(Lang::En),
            "`kind` cannot be \"individal\": expected `individual`, `collective`, `cá nhân` or `tập thể`"
        );
        assert_eq!(
            p.hint(Lang::En).as_deref(),
            Some("did you mean \"individual\"?")
        );
    }

    #[test]
    fn syntax_errors_keep_the_library_words() {
        let p = problem("name = \"A\nkind = 1\n");
        assert!(
            matches!(&p, TomlProblem::Syntax { detail, .. } if detail.contains("invalid basic string")),
            "{p:?}"
        );
        assert_eq!(
            problem("name = \"A\"\nname = \"B\"\n"),
            TomlProblem::DuplicateKey { key: "name".into() }
        );
    }

    /// Regression: a quoted key with a character of several bytes before
    /// the name made the key search cut a character in half.
    #[test]
    fn quoted_keys_with_any_characters() {
        let p = problem(&format!("{BASE}\"ghi…chú\" = 1\n"));
        assert!(
            matches!(&p, TomlProblem::UnknownField { field, .. } if field == "ghi…chú"),
            "{p:?}"
        );
        let p = problem(&BASE.replace("\"U\"", "{ \"vi…\" = 1 }"));
        assert!(
            p.message(Lang::En).starts_with("`unit.vi…` must be text"),
            "{}",
            p.message(Lang::En)
        );
    }
}
