//! Calendar dates of award decisions and publications.
//!
//! Front matter carries TOML dates (`date = 2023-04-21`); pages show them
//! in the page's language ("21 tháng 4 năm 2023", "21 April 2023"), Atom
//! feeds need RFC 3339 and templates get the ISO form. A small validated
//! value type is all that is needed, so no date library is pulled in.

use std::fmt;

use serde::{Serialize, Serializer};

/// A valid proleptic Gregorian calendar date with a four-digit year
/// (0000–9999, as in TOML and RFC 3339). Field order gives chronological
/// `Ord`. Serialises as its ISO string, `"2023-04-21"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, 0–9999.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–28/29/30/31.
    pub day: u8,
}

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether `year` is a leap year in the proleptic Gregorian calendar.
fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` of `year` (0 for a month outside 1–12).
fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, if it exists: year 0–9999, month 1–12, day within the month
    /// (29 February only in leap years).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (0..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// The date part of a TOML local date, local date-time or offset
    /// date-time (time and offset are ignored). `None` for a bare time or
    /// a date that does not exist.
    pub fn from_toml(dt: &toml::value::Datetime) -> Option<Date> {
        let d = dt.date?;
        Date::new(i32::from(d.year), d.month, d.day)
    }

    /// ISO 8601 / RFC 3339 full-date: `2023-04-21`.
    pub fn iso(&self) -> String {
        self.to_string()
    }

    /// Midnight UTC of the date as an RFC 3339 timestamp, for Atom feeds:
    /// `2023-04-21T00:00:00Z`.
    pub fn rfc3339(&self) -> String {
        format!("{self}T00:00:00Z")
    }

    /// The date as read in `lang`: `vi` → `21 tháng 4 năm 2023`, `en` →
    /// `21 April 2023`; any other language → ISO `2023-04-21`. Only the
    /// primary subtag counts (`en-GB` is `en`), case-insensitively.
    pub fn format(&self, lang: &str) -> String {
        let primary = lang.split(['-', '_']).next().unwrap_or(lang);
        if primary.eq_ignore_ascii_case("vi") {
            format!("{} tháng {} năm {}", self.day, self.month, self.year)
        } else if primary.eq_ignore_ascii_case("en") {
            let month = usize::from(self.month)
                .checked_sub(1)
                .and_then(|i| EN_MONTHS.get(i));
            match month {
                Some(month) => format!("{} {} {}", self.day, month, self.year),
                None => self.iso(),
            }
        } else {
            self.iso()
        }
    }
}

/// Shorthand for [`Date::from_toml`].
pub fn from_toml(dt: &toml::value::Datetime) -> Option<Date> {
    Date::from_toml(dt)
}

impl fmt::Display for Date {
    /// The ISO form, `2023-04-21`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u8, day: u8) -> Date {
        Date::new(year, month, day).unwrap_or(Date {
            year: -1,
            month: 0,
            day: 0,
        })
    }

    fn toml_dt(s: &str) -> toml::value::Datetime {
        match s.parse() {
            Ok(dt) => dt,
            Err(e) => panic!("test datetime {s}: {e}"),
        }
    }

    #[test]
    fn new_validates_month_and_day() {
        assert_eq!(
            Date::new(2023, 4, 21),
            Some(Date {
                year: 2023,
                month: 4,
                day: 21
            })
        );
        assert_eq!(Date::new(2023, 4, 30).map(|d| d.day), Some(30));
        assert_eq!(Date::new(2023, 4, 31), None);
        assert_eq!(Date::new(2023, 1, 31).map(|d| d.day), Some(31));
        assert_eq!(Date::new(2023, 12, 31).map(|d| d.day), Some(31));
        assert_eq!(Date::new(2023, 0, 1), None);
        assert_eq!(Date::new(2023, 13, 1), None);
        assert_eq!(Date::new(2023, 1, 0), None);
        assert_eq!(Date::new(2023, 1, 32), None);
        assert_eq!(Date::new(-1, 1, 1), None);
        assert_eq!(Date::new(10000, 1, 1), None);
        assert!(Date::new(0, 1, 1).is_some());
        assert!(Date::new(9999, 12, 31).is_some());
    }

    #[test]
    fn twenty_ninth_of_february() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2100, 2, 29).is_none());
        assert!(Date::new(2023, 2, 28).is_some());
        assert!(Date::new(2024, 2, 30).is_none());
    }

    #[test]
    fn ordering_is_chronological() {
        let mut dates = [
            d(2023, 4, 21),
            d(2022, 12, 31),
            d(2023, 4, 2),
            d(2023, 1, 30),
        ];
        dates.sort();
        assert_eq!(
            dates.iter().map(Date::iso).collect::<Vec<_>>(),
            ["2022-12-31", "2023-01-30", "2023-04-02", "2023-04-21"]
        );
    }

    #[test]
    fn iso_and_rfc3339() {
        assert_eq!(d(2023, 4, 21).iso(), "2023-04-21");
        assert_eq!(d(2023, 1, 2).iso(), "2023-01-02");
        assert_eq!(d(987, 1, 2).iso(), "0987-01-02");
        assert_eq!(d(2023, 4, 21).rfc3339(), "2023-04-21T00:00:00Z");
        assert_eq!(d(2023, 4, 21).to_string(), "2023-04-21");
    }

    #[test]
    fn format_by_language() {
        let date = d(2023, 4, 21);
        assert_eq!(date.format("vi"), "21 tháng 4 năm 2023");
        assert_eq!(date.format("en"), "21 April 2023");
        assert_eq!(date.format("fr"), "2023-04-21");
        assert_eq!(date.format(""), "2023-04-21");
        assert_eq!(date.format("en-GB"), "21 April 2023");
        assert_eq!(date.format("VI"), "21 tháng 4 năm 2023");
        assert_eq!(d(2024, 1, 1).format("vi"), "1 tháng 1 năm 2024");
        assert_eq!(d(2024, 12, 9).format("en"), "9 December 2024");
        // A hand-built invalid value does not panic.
        let bad = Date {
            year: 2023,
            month: 0,
            day: 1,
        };
        assert_eq!(bad.format("en"), "2023-00-01");
    }

    #[test]
    fn from_toml_takes_the_date_part() {
        assert_eq!(
            Date::from_toml(&toml_dt("2023-04-21")),
            Some(d(2023, 4, 21))
        );
        assert_eq!(
            from_toml(&toml_dt("2023-04-21T08:30:00")),
            Some(d(2023, 4, 21))
        );
        assert_eq!(
            Date::from_toml(&toml_dt("2023-04-21T23:30:00+07:00")),
            Some(d(2023, 4, 21))
        );
        assert_eq!(
            Date::from_toml(&toml_dt("1979-05-27T07:32:00Z")),
            Some(d(1979, 5, 27))
        );
        assert_eq!(Date::from_toml(&toml_dt("07:32:00")), None);
    }

    #[test]
    fn from_toml_in_a_document() {
        let get = |src: &str| {
            let doc: toml::Table = src.parse().ok()?;
            doc.get("date")
                .and_then(toml::Value::as_datetime)
                .and_then(from_toml)
        };
        assert_eq!(get("date = 2024-02-29"), Some(d(2024, 2, 29)));
        // Whether or not toml rejects the impossible date itself, it never
        // becomes a Date.
        assert_eq!(get("date = 2023-02-29"), None);
        assert_eq!(get("date = \"2023-04-21\""), None);
    }

    #[test]
    fn from_toml_rejects_impossible_dates() {
        let mut dt = toml_dt("2023-02-28");
        if let Some(date) = dt.date.as_mut() {
            date.day = 29;
        }
        assert_eq!(Date::from_toml(&dt), None);
    }

    #[test]
    fn serializes_as_iso_string() {
        #[derive(Serialize)]
        struct Page {
            date: Date,
        }
        let out = toml::to_string(&Page {
            date: d(2023, 4, 21),
        })
        .unwrap_or_default();
        assert_eq!(out.trim(), "date = \"2023-04-21\"");
    }
}
