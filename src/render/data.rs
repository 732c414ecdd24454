//! Open data: every award on the site as records a spreadsheet or a
//! program reads (one per recipient and award, one per kind of a count, one
//! per inline award), written as CSV (UTF-8 with BOM, comma, CRLF: Excel
//! opens it as it is) and JSON (one array, the same records, fields in a
//! fixed order). docs/open-data.md describes every field.

use std::borrow::Cow;
use std::convert::Infallible;
use std::hash::{Hash, Hasher};
use std::io::{self, Write};

use serde::Serialize;

use crate::model::{AwardList, AwardListId, Kind, Site};
use crate::urls::Urls;

/// One award to one recipient, or a number of recipients known only by
/// number; named in one language.
#[derive(Serialize, Debug, Clone, PartialEq, Eq, Hash)]
pub struct Record<'a> {
    pub year: i32,
    pub award_key: &'a str,
    pub award: &'a str,
    pub decision: Option<&'a str>,
    /// ISO 8601 (`2023-04-21`).
    pub date: Option<String>,
    pub issuer: Option<&'a str>,
    /// None for a count and for a recipient withheld at their request.
    pub name: Option<&'a str>,
    /// `individual` or `collective`.
    pub kind: &'static str,
    pub unit: Option<&'a str>,
    pub position: Option<&'a str>,
    /// 1 for a named recipient; the number of a count.
    pub number: usize,
    /// The profile's page, absolute.
    pub profile_url: Option<String>,
    /// The decision's page, absolute (none for an award a profile writes
    /// without a list).
    pub decision_url: Option<String>,
}

/// The CSV header: the record's fields, in order.
pub const FIELDS: [&str; 13] = [
    "year",
    "award_key",
    "award",
    "decision",
    "date",
    "issuer",
    "name",
    "kind",
    "unit",
    "position",
    "number",
    "profile_url",
    "decision_url",
];

/// The records of one language.
pub struct Records<'a> {
    site: &'a Site,
    urls: Urls<'a>,
    lang_index: usize,
}

impl<'a> Records<'a> {
    pub fn new(site: &'a Site, lang_index: usize) -> Records<'a> {
        Records {
            site,
            urls: Urls::new(&site.config),
            lang_index,
        }
    }

    fn code(&self) -> (&'a str, &'a str) {
        let languages = &self.site.config.languages;
        (&languages[self.lang_index].code, &languages[0].code)
    }

    /// The records of one award list: its recipients, then its counts.
    pub fn of_list(&self, list: &'a AwardList) -> Vec<Record<'a>> {
        let site = self.site;
        let (code, default) = self.code();
        let lang = &site.config.languages[self.lang_index];
        let decision_url = Some(self.urls.absolute(&self.urls.award_list(lang, &list.slug)));
        let base = |award: crate::catalogue::AwardTypeId, kind: Kind| {
            let t = site.catalogue.by_index(award);
            Record {
                year: list.year,
                award_key: &t.key,
                award: t.name.get(code, default),
                decision: list.decision.as_deref(),
                date: list.date.map(|d| d.iso()),
                issuer: list.issuer.as_ref().map(|i| i.get(code, default)),
                name: None,
                kind: kind.as_str(),
                unit: None,
                position: None,
                number: 1,
                profile_url: None,
                decision_url: decision_url.clone(),
            }
        };
        let mut out = Vec::with_capacity(list.recipients.len() + list.counts.len());
        for r in &list.recipients {
            if r.withheld {
                // Counted, never named (Decree 13/2023/NĐ-CP).
                out.push(base(r.award, r.kind));
                continue;
            }
            out.push(Record {
                name: Some(&r.name),
                unit: r.unit.as_ref().map(|u| u.get(code, default)),
                position: r.position.as_ref().map(|p| p.get(code, default)),
                profile_url: r.profile.map(|p| {
                    self.urls
                        .absolute(&self.urls.profile(lang, &site.profiles[p].slug))
                }),
                ..base(r.award, r.kind)
            });
        }
        for c in &list.counts {
            for (kind, number) in [
                (Kind::Individual, c.individuals),
                (Kind::Collective, c.collectives),
            ] {
                if number > 0 {
                    out.push(Record {
                        number,
                        ..base(c.award, kind)
                    });
                }
            }
        }
        out
    }

    /// The awards profiles write that no list records.
    pub fn inline(&self) -> Vec<Record<'a>> {
        let site = self.site;
        let (code, default) = self.code();
        let lang = &site.config.languages[self.lang_index];
        let mut out = Vec::new();
        for p in &site.profiles {
            let text = &p.texts[self.lang_index];
            for a in p.awards.iter().filter(|a| a.list.is_none()) {
                let t = site.catalogue.by_index(a.award);
                out.push(Record {
                    year: a.year,
                    award_key: &t.key,
                    award: t.name.get(code, default),
                    decision: a.decision.as_deref(),
                    date: a.date.map(|d| d.iso()),
                    issuer: a.issuer.as_ref().map(|i| i.get(code, default)),
                    name: Some(&text.name),
                    kind: p.kind.as_str(),
                    unit: Some(&text.unit),
                    position: text.position.as_deref(),
                    number: 1,
                    profile_url: Some(self.urls.absolute(&self.urls.profile(lang, &p.slug))),
                    decision_url: None,
                });
            }
        }
        out
    }

    /// Every record of the site: the lists' (newest list first), then the
    /// inline awards (in profile order).
    pub fn all(&self) -> Vec<Record<'a>> {
        let mut out: Vec<Record> = self
            .site
            .award_lists
            .iter()
            .flat_map(|l| self.of_list(l))
            .collect();
        out.extend(self.inline());
        out
    }
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a
/// tab or carriage return before one) starts with `'` instead, which
/// spreadsheets show as text.
fn cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

fn csv_writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

/// An optional text as a cell: empty when there is none.
fn text(v: Option<&str>) -> Cow<'_, str> {
    v.map(cell).unwrap_or_default()
}

/// Writes one record as a CSV row; its fields go to the writer as they
/// are (no copy), the numbers through `number`.
fn csv_row<W: Write>(
    writer: &mut csv::Writer<W>,
    number: &mut itoa::Buffer,
    r: &Record,
) -> csv::Result<()> {
    writer.write_field(number.format(r.year))?;
    writer.write_field(cell(r.award_key).as_bytes())?;
    writer.write_field(cell(r.award).as_bytes())?;
    writer.write_field(text(r.decision).as_bytes())?;
    writer.write_field(r.date.as_deref().unwrap_or_default())?;
    writer.write_field(text(r.issuer).as_bytes())?;
    writer.write_field(text(r.name).as_bytes())?;
    writer.write_field(r.kind)?;
    writer.write_field(text(r.unit).as_bytes())?;
    writer.write_field(text(r.position).as_bytes())?;
    writer.write_field(number.format(r.number))?;
    writer.write_field(r.profile_url.as_deref().unwrap_or_default())?;
    writer.write_field(r.decision_url.as_deref().unwrap_or_default())?;
    writer.write_record(None::<&[u8]>)
}

/// One open data file: which records it holds, made as it is written.
/// A file of 200,000 records is never held whole: each list's records
/// are built, written and dropped in turn.
pub struct DataPage<'a> {
    records: Records<'a>,
    /// The lists whose records it holds, in order.
    lists: Vec<AwardListId>,
    /// Then the inline awards: of every year, of one, or none.
    inline: Inline,
    json: bool,
}

/// Which inline awards (those profiles write that no list records) a file holds.
#[derive(Clone, Copy, Hash)]
pub enum Inline {
    All,
    Year(i32),
    None,
}

impl<'a> DataPage<'a> {
    pub fn new(records: Records<'a>, lists: Vec<AwardListId>, inline: Inline, json: bool) -> Self {
        DataPage {
            records,
            lists,
            inline,
            json,
        }
    }

    /// Calls `each` with the records of each list, then with the inline awards.
    fn for_each_part<E>(&self, mut each: impl FnMut(&[Record]) -> Result<(), E>) -> Result<(), E> {
        let site = self.records.site;
        for &l in &self.lists {
            each(&self.records.of_list(&site.award_lists[l]))?;
        }
        match self.inline {
            Inline::All => each(&self.records.inline()),
            Inline::Year(year) => {
                let mut inline = self.records.inline();
                inline.retain(|r| r.year == year);
                each(&inline)
            }
            Inline::None => Ok(()),
        }
    }

    /// Writes the file: CSV (UTF-8 with BOM, comma separated, CRLF line
    /// ends, the header [`FIELDS`] first), or JSON (one array).
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        if self.json {
            out.write_all(b"[")?;
            let mut first = true;
            self.for_each_part(|records| {
                for r in records {
                    if !first {
                        out.write_all(b",")?;
                    }
                    first = false;
                    serde_json::to_writer(&mut *out, r)?;
                }
                Ok::<(), io::Error>(())
            })?;
            return out.write_all(b"]");
        }
        out.write_all(b"\xEF\xBB\xBF")?;
        let mut writer = csv_writer(out);
        writer.write_record(FIELDS)?;
        let mut number = itoa::Buffer::new();
        self.for_each_part(|records| {
            records
                .iter()
                .try_for_each(|r| csv_row(&mut writer, &mut number, r))
        })?;
        writer.flush()
    }
}

/// What the file shows: its records (the preview compares files by it).
impl Hash for DataPage<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.json.hash(state);
        let _ = self.for_each_part(|records| {
            records.hash(state);
            Ok::<(), Infallible>(())
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(name: &str) -> Record<'_> {
        Record {
            year: 2022,
            award_key: "giay-khen",
            award: "Giấy khen",
            decision: Some("12/QĐ-BDT"),
            date: Some("2022-12-30".into()),
            issuer: None,
            name: Some(name),
            kind: "individual",
            unit: Some("Phòng, \"Chính sách\""),
            position: None,
            number: 1,
            profile_url: None,
            decision_url: Some("https://a.vn/khen-thuong/x/".into()),
        }
    }

    fn csv(records: &[Record]) -> Vec<u8> {
        let mut out = b"\xEF\xBB\xBF".to_vec();
        let mut writer = csv_writer(&mut out);
        writer.write_record(FIELDS).unwrap();
        let mut number = itoa::Buffer::new();
        for r in records {
            csv_row(&mut writer, &mut number, r).unwrap();
        }
        drop(writer);
        out
    }

    #[test]
    fn csv_opens_in_excel_and_runs_no_formula() {
        let bytes = csv(&[record("=HYPERLINK(\"http://x\",\"y\")"), record("Đào")]);
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert!(text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'));
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(reader.headers().unwrap(), FIELDS.as_slice());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(&rows[0][6], "'=HYPERLINK(\"http://x\",\"y\")");
        assert_eq!(&rows[1][6], "Đào");
        assert_eq!(&rows[1][8], "Phòng, \"Chính sách\"");
    }

    #[test]
    fn json_keeps_the_field_order() {
        let text = serde_json::to_string(&[record("A")]).unwrap();
        let mut at = 0;
        for field in FIELDS {
            let i = text.find(&format!("\"{field}\"")).unwrap();
            assert!(i > at || at == 0, "{field} out of order");
            at = i;
        }
    }
}
