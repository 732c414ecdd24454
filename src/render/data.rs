//! Open data: every award on the site as records a spreadsheet or a
//! program reads (one per recipient and award, one per kind of a count, one
//! per inline award), written as CSV (UTF-8 with BOM, comma, CRLF: Excel
//! opens it as it is) and JSON (one array, the same records, fields in a
//! fixed order). docs/open-data.md describes every field.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::io::{self, Write};
use std::ops::{Range, RangeInclusive};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use serde::Serialize;

use super::Piece;
use super::inputs::{hash_of, hasher};

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
    pub date: Option<&'a str>,
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
    pub profile_url: Option<Cow<'a, str>>,
    /// The decision's page, absolute (none for an award a profile writes
    /// without a list).
    pub decision_url: Option<&'a str>,
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

    /// Hands `each` the records of one award list: its recipients, then
    /// its counts. What all its records share (date, page, award names) is
    /// made once.
    pub fn of_list(&self, list: &AwardList, each: &mut dyn FnMut(&Record)) {
        let site = self.site;
        let (code, default) = self.code();
        let lang = &site.config.languages[self.lang_index];
        let decision_url = self.urls.absolute(&self.urls.award_list(lang, &list.slug));
        let date = list.date.map(|d| d.iso());
        let issuer = list.issuer.as_ref().map(|i| i.get(code, default));
        // A list gives one award type or a few: their names, looked up once.
        let mut names: Vec<(crate::catalogue::AwardTypeId, &str, &str)> = Vec::new();
        let mut base = |award: crate::catalogue::AwardTypeId, kind: Kind| {
            let (key, name) = match names.iter().find(|(id, ..)| *id == award) {
                Some(&(_, key, name)) => (key, name),
                None => {
                    let t = site.catalogue.by_index(award);
                    let entry = (award, t.key.as_str(), t.name.get(code, default));
                    names.push(entry);
                    (entry.1, entry.2)
                }
            };
            Record {
                year: list.year,
                award_key: key,
                award: name,
                decision: list.decision.as_deref(),
                date: date.as_deref(),
                issuer,
                name: None,
                kind: kind.as_str(),
                unit: None,
                position: None,
                number: 1,
                profile_url: None,
                decision_url: Some(&decision_url),
            }
        };
        for r in &list.recipients {
            if r.withheld {
                // Counted, never named (Decree 13/2023/NĐ-CP).
                each(&base(r.award, r.kind));
                continue;
            }
            each(&Record {
                name: Some(&r.name),
                unit: r.unit.as_ref().map(|u| u.get(code, default)),
                position: r.position.as_ref().map(|p| p.get(code, default)),
                profile_url: r.profile.map(|p| {
                    Cow::Owned(
                        self.urls
                            .absolute(&self.urls.profile(lang, &site.profiles[p].slug)),
                    )
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
                    each(&Record {
                        number,
                        ..base(c.award, kind)
                    });
                }
            }
        }
    }

    /// Hands `each` the awards of `years` that the profiles at `profiles`
    /// write and no list records, in profile order.
    pub fn inline(
        &self,
        profiles: Range<usize>,
        years: &RangeInclusive<i32>,
        each: &mut dyn FnMut(&Record),
    ) {
        let site = self.site;
        let (code, default) = self.code();
        let lang = &site.config.languages[self.lang_index];
        for p in &site.profiles[profiles] {
            let text = &p.texts[self.lang_index];
            let mut url = None;
            for a in p.awards.iter().filter(|a| a.list.is_none()) {
                if !years.contains(&a.year) {
                    continue;
                }
                let t = site.catalogue.by_index(a.award);
                let date = a.date.map(|d| d.iso());
                let url: &String = url
                    .get_or_insert_with(|| self.urls.absolute(&self.urls.profile(lang, &p.slug)));
                each(&Record {
                    year: a.year,
                    award_key: &t.key,
                    award: t.name.get(code, default),
                    decision: a.decision.as_deref(),
                    date: date.as_deref(),
                    issuer: a.issuer.as_ref().map(|i| i.get(code, default)),
                    name: Some(&text.name),
                    kind: p.kind.as_str(),
                    unit: Some(&text.unit),
                    position: text.position.as_deref(),
                    number: 1,
                    profile_url: Some(Cow::Borrowed(url)),
                    decision_url: None,
                });
            }
        }
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
    writer.write_field(r.date.unwrap_or_default())?;
    writer.write_field(text(r.issuer).as_bytes())?;
    writer.write_field(text(r.name).as_bytes())?;
    writer.write_field(r.kind)?;
    writer.write_field(text(r.unit).as_bytes())?;
    writer.write_field(text(r.position).as_bytes())?;
    writer.write_field(number.format(r.number))?;
    writer.write_field(r.profile_url.as_deref().unwrap_or_default())?;
    writer.write_field(r.decision_url.unwrap_or_default())?;
    writer.write_record(None::<&[u8]>)
}

/// One open data file: which records it holds, made as it is written.
/// A file of 200,000 records is never held whole: each list's records
/// are built, written and dropped in turn (or, in the preview, copied from
/// the bytes it keeps of each list: [`DataChunks`]).
pub struct DataPage<'a> {
    records: Records<'a>,
    /// The lists whose records it holds, in order.
    lists: Vec<AwardListId>,
    /// Then the inline awards: of every year, of one, or none.
    inline: Inline,
    json: bool,
    /// The hash of each list's records in this language: see [`DataHashes`].
    hashes: &'a DataHashes,
    /// Raised: the file is wanted no more, and is left short.
    stop: Option<&'a AtomicBool>,
    chunks: Option<&'a DataChunks<'a>>,
}

/// The hashes of records in one language, made when a file first hashes
/// them. Every list is in three files of a language (every award, its
/// year's, its own), the first of them twice (CSV and JSON): a province's
/// 200,000 records were hashed four times over. Inline awards are in the
/// files of every award and of their year, each of which walked every
/// profile. A renderer holds one per language.
pub struct DataHashes {
    /// Per award list, the hash of its records.
    lists: Vec<OnceLock<u64>>,
    /// Every inline award, in the order files hold them.
    inline: OnceLock<Vec<InlineHash>>,
}

/// An inline award's record as files and the preview find it again.
struct InlineHash {
    profile: usize,
    year: i32,
    hash: u64,
    /// The run of profiles whose records the preview keeps together.
    run: usize,
}

/// The years of a file of every award.
const EVERY_YEAR: RangeInclusive<i32> = i32::MIN..=i32::MAX;

/// Profiles per run of inline awards kept together, on average. A run
/// ends after a profile whose slug hashes to a multiple of it: adding or
/// removing a profile changes its own run only, where runs of a fixed
/// number of profiles would all shift.
const INLINE_RUN: u64 = 32;

impl DataHashes {
    pub fn new(lists: usize) -> DataHashes {
        DataHashes {
            lists: (0..lists).map(|_| OnceLock::new()).collect(),
            inline: OnceLock::new(),
        }
    }
}

/// The bytes of each award list's records as CSV rows and as JSON
/// (records joined by commas), of each run of inline awards likewise
/// ([`INLINE_RUN`]), and of each file of search results, by
/// what they are and the hash of what they hold: equal hashes, equal
/// records, equal bytes, in any language and file.
pub type Chunks = HashMap<(Chunk, u64), Arc<[u8]>>;

/// What kept bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Chunk {
    /// An award list's records, or a run of inline awards, as CSV rows.
    Csv,
    /// The same as JSON objects joined by commas.
    Json,
    /// A file of search results ([`crate::search::Keep`]).
    SearchRows,
}

/// What the preview keeps of open data and search results from one build
/// to the next. The file of every award changes with any list, and is a
/// hundred megabytes in each language for a province: made again record
/// by record after each edit, it was most of a whole rebuild. With the
/// bytes of each list kept, only an edited list's records are written
/// again, and a file is its lists' bytes one after another, then its runs
/// of inline awards'. Likewise only the files of search results that an
/// edit changed are written again.
pub struct DataChunks<'a> {
    last: Option<&'a Chunks>,
    made: Mutex<Chunks>,
}

impl<'a> DataChunks<'a> {
    /// Reusing what the last build made.
    pub fn after(last: Option<&'a Chunks>) -> Self {
        DataChunks {
            last,
            made: Mutex::default(),
        }
    }

    /// What this build used: what the next one may reuse.
    pub fn made(self) -> Chunks {
        self.made
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The chunk of `key`: made this build, kept from the last, or made
    /// now (two files may make the same at once: both are equal).
    pub fn get(&self, key: (Chunk, u64), make: impl FnOnce() -> Vec<u8>) -> Arc<[u8]> {
        let made = || self.made.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(chunk) = made().get(&key) {
            return Arc::clone(chunk);
        }
        let chunk = match self.last.and_then(|last| last.get(&key)) {
            Some(chunk) => Arc::clone(chunk),
            None => Arc::from(make()),
        };
        made().insert(key, Arc::clone(&chunk));
        chunk
    }
}

/// Hands each record it walks to the function it is given.
type RecordWalk<'w> = dyn FnMut(&mut dyn FnMut(&Record)) + 'w;

/// Which inline awards (those profiles write that no list records) a file holds.
#[derive(Clone, Copy, Hash)]
pub enum Inline {
    All,
    /// Of the years from the first to the last, both included.
    Years(i32, i32),
    None,
}

impl Inline {
    /// The years of the awards it holds; `None`: it holds none.
    fn years(self) -> Option<RangeInclusive<i32>> {
        match self {
            Inline::All => Some(EVERY_YEAR),
            Inline::Years(first, last) => Some(first..=last),
            Inline::None => None,
        }
    }
}

impl<'a> DataPage<'a> {
    /// A file of `records` (the lists' in `hashes`), made in full unless
    /// `stop` is raised; from the bytes `chunks` keeps, when given.
    pub fn new(
        records: Records<'a>,
        lists: Vec<AwardListId>,
        (inline, json): (Inline, bool),
        (hashes, chunks): (&'a DataHashes, Option<&'a DataChunks<'a>>),
        stop: Option<&'a AtomicBool>,
    ) -> Self {
        DataPage {
            records,
            lists,
            inline,
            json,
            hashes,
            stop,
            chunks,
        }
    }

    fn stopped(&self) -> bool {
        self.stop.is_some_and(|s| s.load(Ordering::Acquire))
    }

    /// Every inline award's record, hashed (once per language).
    fn inline_hashes(&self) -> &[InlineHash] {
        self.hashes.inline.get_or_init(|| {
            let mut all = Vec::new();
            let mut run = 0;
            for (i, p) in self.records.site.profiles.iter().enumerate() {
                self.records.inline(i..i + 1, &EVERY_YEAR, &mut |r| {
                    all.push(InlineHash {
                        profile: i,
                        year: r.year,
                        hash: hash_of(r),
                        run,
                    })
                });
                if hash_of(&p.slug) % INLINE_RUN == 0 {
                    run += 1;
                }
            }
            all
        })
    }

    /// The inline awards of `years`, hashed, in the order files hold them.
    fn inline_of<'s>(
        &'s self,
        years: &'s RangeInclusive<i32>,
    ) -> impl Iterator<Item = &'s InlineHash> + 's {
        self.inline_hashes()
            .iter()
            .filter(|h| years.contains(&h.year))
    }

    /// The hash of list `l`'s records.
    fn list_hash(&self, l: AwardListId) -> u64 {
        let of_list = || {
            let mut h = hasher();
            let list = &self.records.site.award_lists[l];
            self.records.of_list(list, &mut |r| r.hash(&mut h));
            h.finish()
        };
        *self.hashes.lists[l.index()].get_or_init(of_list)
    }

    /// Writes the file: CSV (UTF-8 with BOM, comma separated, CRLF line
    /// ends, the header [`FIELDS`] first), or JSON (one array). The first
    /// error stops it.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        self.write_kept(&mut &mut *out, |out, chunk| out.write_all(chunk))
    }

    /// The file in pieces: each award list's records as the bytes kept of
    /// them (shared, not copied), what comes between them made anew.
    pub fn pieces(&self) -> Vec<Piece> {
        let mut out = PieceWriter::default();
        // Into memory: cannot fail.
        let _ = self.write_kept(&mut out, |out, chunk| {
            out.keep(chunk);
            Ok(())
        });
        out.finish()
    }

    /// Writes the file to `out`, and each list's kept bytes with `kept`.
    fn write_kept<W: Write>(
        &self,
        out: &mut W,
        kept: impl Fn(&mut W, &Arc<[u8]>) -> io::Result<()>,
    ) -> io::Result<()> {
        if self.json {
            out.write_all(b"[")?;
        } else {
            out.write_all(b"\xEF\xBB\xBF")?;
            let mut writer = csv_writer(&mut *out);
            writer.write_record(FIELDS)?;
            writer.flush()?;
        }
        // No record written yet: a JSON record after one follows a comma.
        let mut first = true;
        let site = self.records.site;
        for &l in &self.lists {
            if self.stopped() {
                break;
            }
            let list = &site.award_lists[l];
            let Some(chunks) = self.chunks else {
                self.write_records(
                    &mut |each| self.records.of_list(list, each),
                    &mut first,
                    out,
                )?;
                continue;
            };
            let kind = if self.json { Chunk::Json } else { Chunk::Csv };
            let chunk = chunks.get((kind, self.list_hash(l)), || {
                let mut bytes = Vec::new();
                let records = &mut |each: &mut dyn FnMut(&Record)| self.records.of_list(list, each);
                // Into memory: cannot fail.
                let _ = self.write_records(records, &mut true, &mut bytes);
                bytes
            });
            if !chunk.is_empty() {
                if self.json && !first {
                    out.write_all(b",")?;
                }
                kept(out, &chunk)?;
                first = false;
            }
        }
        let years = self.inline.years();
        match (self.chunks, &years) {
            (_, None) => {}
            (None, Some(years)) => {
                let every = 0..site.profiles.len();
                let inline = &mut |each: &mut dyn FnMut(&Record)| {
                    self.records.inline(every.clone(), years, each)
                };
                self.write_records(inline, &mut first, out)?;
            }
            (Some(chunks), Some(years)) => {
                let kind = if self.json { Chunk::Json } else { Chunk::Csv };
                let wanted: Vec<&InlineHash> = self.inline_of(years).collect();
                for run in wanted.chunk_by(|a, b| a.run == b.run) {
                    let mut h = hasher();
                    run.iter().for_each(|r| r.hash.hash(&mut h));
                    let profiles = run[0].profile..run[run.len() - 1].profile + 1;
                    let chunk = chunks.get((kind, h.finish()), || {
                        let mut bytes = Vec::new();
                        let records = &mut |each: &mut dyn FnMut(&Record)| {
                            self.records.inline(profiles.clone(), years, each)
                        };
                        // Into memory: cannot fail.
                        let _ = self.write_records(records, &mut true, &mut bytes);
                        bytes
                    });
                    if self.json && !first {
                        out.write_all(b",")?;
                    }
                    kept(out, &chunk)?;
                    first = false;
                }
            }
        }
        if self.json {
            out.write_all(b"]")?;
        }
        Ok(())
    }

    /// Writes the records `records` hands over, as CSV rows or as JSON
    /// records (`first`: none was written before them).
    fn write_records(
        &self,
        records: &mut RecordWalk,
        first: &mut bool,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let mut result = Ok(());
        if self.json {
            // Each record is serialised into `one` and written whole: the
            // serialiser's many small writes stay out of the file's writer.
            let mut one = Vec::with_capacity(512);
            records(&mut |r| {
                if result.is_ok() {
                    one.clear();
                    if !*first {
                        one.push(b',');
                    }
                    *first = false;
                    result = serde_json::to_writer(&mut one, r)
                        .map_err(io::Error::from)
                        .and_then(|()| out.write_all(&one));
                }
            });
            return result;
        }
        let mut writer = csv_writer(out);
        let mut number = itoa::Buffer::new();
        records(&mut |r| {
            if result.is_ok() {
                result = csv_row(&mut writer, &mut number, r).map_err(io::Error::from);
            }
        });
        result?;
        writer.flush()
    }
}

/// A file made in pieces: what is written goes into the piece being made;
/// kept bytes are a piece of their own.
#[derive(Default)]
struct PieceWriter {
    done: Vec<Piece>,
    making: Vec<u8>,
}

impl PieceWriter {
    fn keep(&mut self, chunk: &Arc<[u8]>) {
        if !self.making.is_empty() {
            self.done
                .push(Piece::Made(std::mem::take(&mut self.making)));
        }
        self.done.push(Piece::Kept(Arc::clone(chunk)));
    }

    fn finish(mut self) -> Vec<Piece> {
        if !self.making.is_empty() {
            self.done.push(Piece::Made(self.making));
        }
        self.done
    }
}

impl Write for PieceWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.making.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// What the file shows: its records (the preview compares files by it),
/// a list's by their hash.
impl Hash for DataPage<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.json.hash(state);
        for &l in &self.lists {
            if self.stopped() {
                return;
            }
            self.list_hash(l).hash(state);
        }
        if let Some(years) = self.inline.years() {
            self.inline_of(&years).for_each(|h| h.hash.hash(state));
        }
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
            date: Some("2022-12-30"),
            issuer: None,
            name: Some(name),
            kind: "individual",
            unit: Some("Phòng, \"Chính sách\""),
            position: None,
            number: 1,
            profile_url: None,
            decision_url: Some("https://a.vn/khen-thuong/x/"),
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
