//! Problems with years and dates: out of range, a campaign ending before it
//! starts, a value that is not a date.

use super::say;
use crate::diagnostic::Lang;

/// A year or date that cannot be right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    YearOutOfRange {
        field: String,
        year: i64,
        min: i64,
        max: i64,
    },
    EndBeforeStart {
        start: i32,
        end: i32,
    },
    NotADate {
        field: String,
    },
}

impl DateProblem {
    /// What is wrong and what was expected, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use DateProblem::*;
        match self {
            YearOutOfRange {
                field,
                year,
                min,
                max,
            } => say!(lang,
                en: "`{field}` must be a year between {min} and {max}, found {year}",
                vi: "`{field}` phải là một năm từ {min} đến {max}, nhưng đang là {year}"),
            EndBeforeStart { start, end } => say!(lang,
                en: "`end_year` ({end}) is before `start_year` ({start})",
                vi: "`end_year` ({end}) nhỏ hơn `start_year` ({start})"),
            NotADate { field } => say!(lang,
                en: "`{field}` must be a date such as 2023-04-21, without a time",
                vi: "`{field}` phải là một ngày dạng 2023-04-21, không kèm giờ"),
        }
    }

    /// A suggestion for fixing it, in `lang`.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use DateProblem::*;
        let hint = match self {
            EndBeforeStart { .. } => say!(lang,
                en: "a campaign ends in or after the year it starts",
                vi: "phong trào kết thúc cùng năm hoặc sau năm bắt đầu"),
            _ => return None,
        };
        Some(hint)
    }
}
