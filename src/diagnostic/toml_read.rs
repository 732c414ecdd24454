//! A TOML text read into a typed value, with every wrong field reported in
//! one run.
//!
//! serde stops at the first error of a value. To find the next ones, the
//! text is parsed once into a document that keeps every place, and the
//! value is read from it again and again; after each error the document is
//! repaired where the error was, and the error reported:
//!
//! * an unknown field is taken out;
//! * a value of the wrong type, or not allowed, is replaced by a stand-in
//!   of the type the error says was expected (`0`, `""`, a date, the first
//!   allowed word, an empty list or table), so that the field is never then
//!   reported missing as well;
//! * a missing field is added with a stand-in, so the next missing one is
//!   found.
//!
//! Errors at a stand-in are never reported (the editor did not write it),
//! nor is a missing field that a misspelt one names ("did you mean
//! `name`?" already says it), nor an error the caller silences (a blank
//! `vinhdanh new` left, reported on its own). Stand-ins sit beyond the end
//! of the text, so their places can never be taken for the editor's.
//!
//! A text that is not TOML at all is one syntax error: what follows a
//! broken line cannot be trusted to be what the editor meant.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue, Deserializer};

use super::messages::TomlPart;
use super::toml_words::{field_diagnostic, field_problem, syntax_diagnostic};
use super::{Diagnostic, Diagnostics, TomlProblem};

/// Where a TOML text is: its file and the lines before it there.
#[derive(Debug, Clone, Copy)]
pub struct TomlSource<'a> {
    pub path: &'a Path,
    pub part: TomlPart,
    /// Lines of the file before the TOML text (1 for front matter).
    pub line_offset: usize,
}

/// What reading a TOML text found.
#[derive(Debug)]
pub struct TomlRead<T> {
    /// The value; when there were problems (or silenced errors), read with
    /// stand-ins where they were, so only for checks of other parts (see
    /// [`TomlRead::written`]). `None` when the text is not TOML.
    pub value: Option<T>,
    /// Every problem, in the order found.
    pub problems: Diagnostics,
    /// Whether an error the caller silenced was found.
    pub silenced: bool,
    len: usize,
}

impl<T> TomlRead<T> {
    /// Whether a span of the value is one of the text, not a stand-in's.
    pub fn written(&self, span: &Range<usize>) -> bool {
        span.end <= self.len
    }

    /// Whether the text was read as it is, with no problem.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty() && !self.silenced && self.value.is_some()
    }

    /// The value when the text had no problem, else its problems.
    pub fn into_result(self) -> Result<T, Diagnostics> {
        match (self.value, self.problems.is_empty() && !self.silenced) {
            (Some(value), true) => Ok(value),
            _ => Err(self.problems),
        }
    }
}

/// No file needs more: past this many, the rest is what a file that is not
/// what we read would give (a file of another kind, say).
const MOST_PROBLEMS: usize = 100;

/// Reads `text` as a `T`, finding every wrong field. Errors whose span
/// `silent` accepts are not reported (the caller reports them its own way).
pub fn read_toml<T: DeserializeOwned>(
    text: &str,
    source: TomlSource<'_>,
    silent: &dyn Fn(Range<usize>) -> bool,
) -> TomlRead<T> {
    let mut read = TomlRead {
        value: None,
        problems: Diagnostics::new(),
        silenced: false,
        len: text.len(),
    };
    // Most files are right: read them the plain way, once.
    let first = match toml::from_str::<T>(text) {
        Ok(value) => {
            read.value = Some(value);
            return read;
        }
        Err(e) => e,
    };
    let mut doc = match DeTable::parse(text) {
        Ok(doc) => doc,
        Err(e) => {
            let d = syntax_diagnostic(source.path, source.part, text, &e, source.line_offset);
            read.problems.push(d);
            return read;
        }
    };
    let mut repair = Repair {
        next: text.len() + 1,
        tries: HashMap::new(),
        suggested: Vec::new(),
    };
    let mut err = first;
    // Every round takes one error out; a bad guess costs a few rounds more.
    for _ in 0..MOST_PROBLEMS * 4 {
        let span = err.span();
        let stand_in = span.as_ref().is_some_and(|s| s.end > text.len());
        let problem = field_problem(text, &err);
        let suggested = match &problem {
            TomlProblem::MissingField { field, .. } => repair
                .suggested
                .iter()
                .any(|(table, name)| Some(table) == span.as_ref() && name == field),
            _ => false,
        };
        if stand_in || suggested {
            // Not the editor's text, or said already.
        } else if span.as_ref().is_some_and(|s| silent(s.clone())) {
            read.silenced = true;
        } else {
            read.problems.push(field_diagnostic(
                source.path,
                text,
                &err,
                source.line_offset,
            ));
        }
        if read.problems.len() >= MOST_PROBLEMS || !repair.fix(&mut doc, &err, &problem) {
            break;
        }
        match T::deserialize(Deserializer::from(doc.clone())) {
            Ok(value) => {
                read.value = Some(value);
                break;
            }
            Err(e) => err = e,
        }
    }
    if read.value.is_none() && read.problems.is_empty() && !read.silenced {
        // Gave up on an error that was not reported: say it, whatever it is.
        read.problems.push(Diagnostic::at(
            source.path,
            source.line_offset.max(1),
            None,
            field_problem(text, &err),
        ));
    }
    read
}

/// What has been done to the document so far.
struct Repair {
    /// The start of the next stand-in's span (beyond the text).
    next: usize,
    /// How many stand-ins were tried in a place, by the latest one's span start.
    tries: HashMap<usize, usize>,
    /// Tables (by span) and the field a misspelt field there suggested.
    suggested: Vec<(Range<usize>, String)>,
}

impl Repair {
    fn span(&mut self) -> Range<usize> {
        self.next += 1;
        self.next - 1..self.next
    }

    /// Repairs the document where `err` is; false when it cannot.
    fn fix(
        &mut self,
        doc: &mut Spanned<DeTable<'_>>,
        err: &toml::de::Error,
        problem: &TomlProblem,
    ) -> bool {
        let Some(span) = err.span() else {
            return false;
        };
        let root_span = doc.span();
        match problem {
            TomlProblem::UnknownField {
                field, suggestion, ..
            } => {
                let Some(table) = table_holding_key(doc.get_ref(), root_span, &span) else {
                    return false;
                };
                if let Some(s) = suggestion {
                    self.suggested.push((table, s.clone()));
                }
                remove_key(doc.get_mut(), &span, field)
            }
            TomlProblem::MissingField { field, .. } => {
                let stand_in = self.span();
                let key = Spanned::new(stand_in.clone(), Cow::Owned(field.clone()));
                let value = Spanned::new(self.span(), DeValue::String(Cow::Borrowed("")));
                match table_at(doc, &span) {
                    Some(table) if !table.contains_key(field.as_str()) => {
                        table.insert(key, value);
                        true
                    }
                    _ => false,
                }
            }
            _ => {
                let tried = self.tries.remove(&span.start).unwrap_or(0);
                let Some(guess) = stand_in_for(err.message(), tried) else {
                    return false;
                };
                let at = self.span();
                self.tries.insert(at.start, tried + 1);
                match value_at(doc, &span, err.message()) {
                    Some(value) => {
                        *value = Spanned::new(at, guess);
                        true
                    }
                    None => false,
                }
            }
        }
    }
}

/// Stand-ins to try, in turn, when an error does not say what was expected.
fn any_value(tried: usize) -> Option<DeValue<'static>> {
    let value = match tried {
        0 => DeValue::String(Cow::Borrowed("")),
        1 => DeValue::Integer(Default::default()),
        2 => DeValue::Boolean(false),
        3 => DeValue::Array(DeArray::new()),
        4 => DeValue::Table(DeTable::new()),
        5 => DeValue::Datetime(date()),
        6 => DeValue::Float(Default::default()),
        _ => return None,
    };
    Some(value)
}

fn date() -> toml::value::Datetime {
    toml::value::Datetime {
        date: Some(toml::value::Date {
            year: 2000,
            month: 1,
            day: 1,
        }),
        time: None,
        offset: None,
    }
}

/// A value of the type `message` says was expected; when it says none,
/// the `tried`-th of [`any_value`].
fn stand_in_for(message: &str, tried: usize) -> Option<DeValue<'static>> {
    let expected = message.split_once(", expected ").map(|(_, e)| e.trim());
    if message.starts_with("unknown variant ") {
        // "expected one of `a`, `b`" or "expected `a` or `b`": the first.
        let first = expected.and_then(|e| e.split('`').nth(1));
        if let Some(first) = first {
            return Some(DeValue::String(Cow::Owned(first.to_owned())));
        }
    }
    let guess = match expected {
        Some(e) if e.contains("datetime") => Some(DeValue::Datetime(date())),
        Some(e) if e.starts_with("struct ") || e == "a map" || e.starts_with("a table") => {
            Some(DeValue::Table(DeTable::new()))
        }
        Some(e)
            if ["a sequence", "a tuple", "an array"]
                .iter()
                .any(|p| e.starts_with(p)) =>
        {
            Some(DeValue::Array(DeArray::new()))
        }
        Some("a boolean") => Some(DeValue::Boolean(false)),
        Some(
            "i8" | "i16" | "i32" | "i64" | "i128" | "u8" | "u16" | "u32" | "u64" | "u128" | "isize"
            | "usize" | "an integer",
        ) => Some(DeValue::Integer(Default::default())),
        Some("f32" | "f64" | "a number" | "a float") => Some(DeValue::Float(Default::default())),
        Some(e)
            if ["a string", "a borrowed string", "a character", "a text"]
                .iter()
                .any(|p| e.starts_with(p)) =>
        {
            Some(DeValue::String(Cow::Borrowed("")))
        }
        _ => None,
    };
    // A guess can fail again (a value checked beyond its type): then the
    // others, in turn, a few times at most.
    match tried {
        0..=7 => guess.or_else(|| any_value(tried)),
        _ => None,
    }
}

/// The span of the table that holds the key at `key_span`.
fn table_holding_key(
    table: &DeTable<'_>,
    table_span: Range<usize>,
    key_span: &Range<usize>,
) -> Option<Range<usize>> {
    if table.keys().any(|k| k.span() == *key_span) {
        return Some(table_span);
    }
    table.values().find_map(|v| holding_key_in(v, key_span))
}

fn holding_key_in(value: &Spanned<DeValue<'_>>, key_span: &Range<usize>) -> Option<Range<usize>> {
    match value.get_ref() {
        DeValue::Table(t) => table_holding_key(t, value.span(), key_span),
        DeValue::Array(a) => a.iter().find_map(|v| holding_key_in(v, key_span)),
        _ => None,
    }
}

/// Takes the key at `key_span` (named `name`) out of whichever table holds it.
fn remove_key(table: &mut DeTable<'_>, key_span: &Range<usize>, name: &str) -> bool {
    let here = table
        .keys()
        .any(|k| k.span() == *key_span && k.get_ref().as_ref() == name);
    if here {
        return table.remove(name).is_some();
    }
    table
        .iter_mut()
        .any(|(_, v)| remove_key_in(v.get_mut(), key_span, name))
}

fn remove_key_in(value: &mut DeValue<'_>, key_span: &Range<usize>, name: &str) -> bool {
    match value {
        DeValue::Table(t) => remove_key(t, key_span, name),
        DeValue::Array(a) => a
            .iter_mut()
            .any(|v| remove_key_in(v.get_mut(), key_span, name)),
        _ => false,
    }
}

/// The table whose span is `span` (the document's own, for the top level).
fn table_at<'d, 'i>(
    doc: &'d mut Spanned<DeTable<'i>>,
    span: &Range<usize>,
) -> Option<&'d mut DeTable<'i>> {
    if doc.span() == *span {
        return Some(doc.get_mut());
    }
    doc.get_mut()
        .iter_mut()
        .find_map(|(_, v)| table_in(v, span))
}

fn table_in<'d, 'i>(
    value: &'d mut Spanned<DeValue<'i>>,
    span: &Range<usize>,
) -> Option<&'d mut DeTable<'i>> {
    let here = value.span() == *span && value.get_ref().is_table();
    if here {
        return match value.get_mut() {
            DeValue::Table(t) => Some(t),
            _ => None,
        };
    }
    match value.get_mut() {
        // An array of tables has the span of its first table's header.
        DeValue::Array(a) => a.iter_mut().find_map(|v| table_in(v, span)),
        DeValue::Table(t) => t.iter_mut().find_map(|(_, v)| table_in(v, span)),
        _ => None,
    }
}

/// The value whose span is `span`. An array of tables and its first table
/// share one (the header's): the error's words say which was found.
fn value_at<'d, 'i>(
    doc: &'d mut Spanned<DeTable<'i>>,
    span: &Range<usize>,
    message: &str,
) -> Option<&'d mut Spanned<DeValue<'i>>> {
    let found_table = message.starts_with("invalid type: map");
    doc.get_mut()
        .iter_mut()
        .find_map(|(_, v)| value_in(v, span, found_table))
}

fn value_in<'d, 'i>(
    value: &'d mut Spanned<DeValue<'i>>,
    span: &Range<usize>,
    found_table: bool,
) -> Option<&'d mut Spanned<DeValue<'i>>> {
    if value.span() == *span {
        let first_table_instead = found_table
            && matches!(value.get_ref(), DeValue::Array(a)
                if a.first().is_some_and(|v| v.span() == *span && v.get_ref().is_table()));
        if !first_table_instead {
            return Some(value);
        }
    }
    match value.get_mut() {
        DeValue::Array(a) => a.iter_mut().find_map(|v| value_in(v, span, found_table)),
        DeValue::Table(t) => t
            .iter_mut()
            .find_map(|(_, v)| value_in(v, span, found_table)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front::{AwardListFile, ProfileFront};
    use crate::diagnostic::Lang;

    fn read<T: DeserializeOwned>(text: &str) -> TomlRead<T> {
        let source = TomlSource {
            path: Path::new("a.toml"),
            part: TomlPart::AwardList,
            line_offset: 0,
        };
        read_toml(text, source, &|_| false)
    }

    /// Each problem as `line:col message`.
    fn said_of<T>(read: &TomlRead<T>) -> Vec<String> {
        read.problems
            .iter()
            .map(|d| {
                format!(
                    "{}:{} {}",
                    d.line.unwrap_or(0),
                    d.col.unwrap_or(0),
                    d.problem.message(Lang::En)
                )
            })
            .collect()
    }

    const PROFILE: &str = "name = \"A\"\nkind = \"individual\"\nunit = \"U\"\nyear = 2020\n";

    #[test]
    fn a_right_text_is_read_as_it_is() {
        let read = read::<ProfileFront>(PROFILE);
        assert!(read.is_clean());
        assert_eq!(read.into_result().unwrap().year.into_inner(), 2020);
    }

    #[test]
    fn three_mistakes_three_problems_each_in_its_place() {
        let text = "name = \"A\"\nkind = \"tập thể\"\nunit = \"U\"\nyear = \"2020\"\nnmae = \"B\"\nphoto = 3\n";
        let read = read::<ProfileFront>(text);
        let said = said_of(&read);
        assert_eq!(said.len(), 3, "{said:#?}");
        assert!(
            said[0].starts_with("4:8 `year` must be a whole number"),
            "{said:#?}"
        );
        assert!(said[1].starts_with("5:1 unknown field `nmae`"), "{said:#?}");
        assert!(said[2].starts_with("6:9 `photo` must be text"), "{said:#?}");
        assert!(read.into_result().is_err());
    }

    #[test]
    fn a_wrong_value_of_a_required_field_is_not_also_missing() {
        let read = read::<ProfileFront>("name = 1\nkind = \"person\"\nunit = []\nyear = \"x\"\n");
        let said = said_of(&read);
        assert_eq!(said.len(), 4, "{said:#?}");
        assert!(!said.iter().any(|s| s.contains("missing")), "{said:#?}");
    }

    #[test]
    fn every_missing_field_once_and_not_the_one_a_misspelling_names() {
        let read = read::<ProfileFront>("nmae = \"A\"\n");
        let said = said_of(&read);
        // `name` is said by the hint of `nmae`; kind, unit and year are missing.
        assert_eq!(said.len(), 4, "{said:#?}");
        assert!(said[0].contains("unknown field `nmae`"), "{said:#?}");
        for (s, field) in said[1..].iter().zip(["kind", "unit", "year"]) {
            assert!(s.contains(&format!("`{field}` is missing")), "{said:#?}");
        }
    }

    #[test]
    fn mistakes_in_tables_and_lists_of_tables() {
        let text = "year = 2021\n\n[[recipients]]\nname = \"A\"\nkind = \"person\"\n\n[[recipients]]\nnam = \"B\"\n\n[[counts]]\nindividuals = \"5\"\ncolectives = 2\n";
        let read = read::<AwardListFile>(text);
        let said = said_of(&read);
        assert_eq!(
            said,
            [
                "5:8 `kind` cannot be \"person\": expected `individual`, `collective`, `cá nhân` or `tập thể`",
                "8:1 unknown field `nam`: a field that is not understood is never ignored",
                "11:15 `individuals` must be a whole number such as 10, found the text \"5\"",
                "12:1 unknown field `colectives`: a field that is not understood is never ignored",
            ],
        );
        // The second recipient's name is suggested by `nam`: not also missing.
    }

    #[test]
    fn a_field_missing_from_a_list_of_tables_points_at_its_header() {
        let text =
            "year = 2021\n[[recipients]]\nname = \"A\"\n[[recipients]]\nkind = \"tập thể\"\n";
        let said = said_of(&read::<AwardListFile>(text));
        assert_eq!(
            said,
            ["4:1 the required field `name` is missing from this [[recipients]] table"]
        );
        let text = "year = 2021\nrecipients = [{ name = \"A\" }, { unit = \"U\" }]\n";
        let said = said_of(&read::<AwardListFile>(text));
        assert_eq!(said, ["2:31 the required field `name` is missing"]);
    }

    #[test]
    fn a_text_that_is_not_toml_is_one_syntax_error() {
        let read = read::<ProfileFront>("name = \"A\nkind = 1\nyear = \"x\"\n");
        assert_eq!(read.problems.len(), 1);
        assert!(matches!(
            *read.problems.0[0].problem,
            crate::diagnostic::Problem::Toml(TomlProblem::Syntax { .. })
        ));
    }

    #[test]
    fn silenced_errors_are_not_reported_but_the_value_is_not_clean() {
        let text = "name = \"A\"\nkind = \"___\"\nunit = \"U\"\nyear = \"___\"\nphoto = 1\n";
        let source = TomlSource {
            path: Path::new("a.md"),
            part: TomlPart::FrontMatter,
            line_offset: 1,
        };
        let blank = |s: Range<usize>| &text[s] == "\"___\"";
        let read = read_toml::<ProfileFront>(text, source, &blank);
        let said = said_of(&read);
        assert_eq!(said.len(), 1, "{said:#?}");
        assert!(said[0].starts_with("6:9 `photo`"), "{said:#?}");
        assert!(read.silenced);
        assert!(!read.is_clean());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, failure_persistence: None, ..Default::default() })]

        /// Whatever the text, the reader ends, and reports a problem
        /// exactly when the text cannot be read as it is, each at a line
        /// of the text.
        #[test]
        fn any_text_ends_with_problems_exactly_when_it_is_wrong(
            lines in proptest::collection::vec(
                proptest::sample::select(&[
                    "name = \"A\"", "name = 1", "nmae = \"A\"", "kind = \"tập thể\"", "kind = \"x\"",
                    "unit = \"U\"", "unit = {}", "unit = { vi = 1 }", "year = 2020", "year = \"2020\"",
                    "year = [2020]", "campaigns = [\"a\", 3]", "date = 2020-01-01", "date = \"x\"",
                    "[[awards]]", "award = \"giay-khen\"", "award = 1", "yaer = 2020", "period = [1, \"2\"]",
                    "[[recipients]]", "[[counts]]", "individuals = \"5\"", "[sub]", "x = 1", "aliases = 3",
                    "period = { a = 1 }", "[awards]", "\"ghi chú\" = 1", "issuer = []", "draft = \"no\"",
                ][..]),
                0..14,
            ),
        ) {
            let text = lines.join("\n");
            let profile = read::<ProfileFront>(&text);
            proptest::prop_assert_eq!(profile.is_clean(), toml::from_str::<ProfileFront>(&text).is_ok());
            proptest::prop_assert_eq!(profile.problems.is_empty(), profile.is_clean());
            let list = read::<AwardListFile>(&text);
            proptest::prop_assert_eq!(list.is_clean(), toml::from_str::<AwardListFile>(&text).is_ok());
            proptest::prop_assert_eq!(list.problems.is_empty(), list.is_clean());
            let lines = text.lines().count().max(1);
            for d in profile.problems.iter().chain(list.problems.iter()) {
                proptest::prop_assert!(d.line.is_some_and(|l| l >= 1 && l <= lines), "{d}");
            }
        }
    }

    #[test]
    fn stand_ins_are_not_taken_for_written_values() {
        let read = read::<AwardListFile>("year = \"2021\"\nrecipients_csv = \"a.csv\"\n");
        let file = read.value.as_ref().unwrap();
        assert!(!read.written(&file.year.as_ref().unwrap().span()));
        assert!(read.written(&file.recipients_csv.as_ref().unwrap().span()));
    }
}
