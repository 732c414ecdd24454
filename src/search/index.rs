//! Builds the index files of a site from its model: which records there
//! are (the one place that decides what may be found), their words, their
//! facets, and what each language shows of them.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use serde_json::{Value, json};

use super::postings::{self, Postings};
use super::{CHUNK, words};
use crate::model::units::Units;
use crate::model::{Kind, Site};
use crate::urls::{Urls, output_file};

/// A file of the index: its output path (relative to the output root,
/// forward slashes) and its bytes.
#[derive(Debug, Clone)]
pub struct IndexFile {
    pub path: String,
    pub bytes: Arc<[u8]>,
    /// What the bytes hash to, made with them: the preview hashes every
    /// file after each edit, and the files of results are forty megabytes
    /// at 200,000 recipients, whose rows' hash is known already.
    sign: u64,
}

impl IndexFile {
    fn new(path: String, bytes: Vec<u8>) -> Self {
        let sign = crate::hashing::hash_of(&bytes[..]);
        IndexFile {
            path,
            bytes: Arc::from(bytes),
            sign,
        }
    }
}

/// Equal hashes, equal files.
impl Hash for IndexFile {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.path.hash(state);
        self.sign.hash(state);
    }
}

/// The bytes of a file of results, by the hash of its rows: made by the
/// function it is given, or kept from an earlier build (the preview keeps
/// them: after an edit, only the files of the records it changed are
/// written again).
pub type Keep<'k> = dyn Fn(u64, &mut dyn FnMut() -> Vec<u8>) -> Arc<[u8]> + Sync + 'k;

/// What a record is.
#[derive(Debug, Clone, Copy)]
enum Record {
    Profile(usize),
    /// A recipient without a profile: award list and recipient index.
    Recipient(usize, usize),
}

/// Every record that may be found, in id order: profiles in site order,
/// then recipients without a profile, award list by award list, grouped
/// by unit so the unit column compresses.
///
/// This is the one place that decides what enters the index: a recipient
/// with a profile is found as that profile, and a recipient withheld at
/// their request is not found at all.
fn records(site: &Site, units: &Units) -> Vec<Record> {
    let mut out: Vec<Record> = (0..site.profiles.len()).map(Record::Profile).collect();
    for (l, list) in site.award_lists.iter().enumerate() {
        let mut here: Vec<usize> = (0..list.recipients.len())
            .filter(|&r| list.recipients[r].profile.is_none() && !list.recipients[r].withheld)
            .collect();
        here.sort_by_key(|&r| units.of_recipient[l][r].map_or(usize::MAX, |u| u));
        out.extend(here.into_iter().map(|r| Record::Recipient(l, r)));
    }
    out
}

/// One record's value in a facet: none, one, or (a profile's awards and
/// campaigns) several.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    One(usize),
    Many(Vec<usize>),
}

impl Cell {
    fn of(mut values: Vec<usize>) -> Cell {
        values.sort_unstable();
        values.dedup();
        match values.as_slice() {
            [] => Cell::One(0),
            [one] => Cell::One(*one),
            _ => Cell::Many(values),
        }
    }
}

/// A facet column, run-length encoded: `[value, run, value, run, …]`,
/// each value 0 (none) or a 1-based index into the facet's labels, or a
/// list of them.
#[derive(Default)]
struct Column {
    runs: Vec<(Cell, usize)>,
}

impl Column {
    fn push(&mut self, cell: Cell) {
        match self.runs.last_mut() {
            Some((last, n)) if *last == cell => *n += 1,
            _ => self.runs.push((cell, 1)),
        }
    }

    fn json(&self) -> Value {
        let mut out = Vec::with_capacity(self.runs.len() * 2);
        for (cell, n) in &self.runs {
            out.push(match cell {
                Cell::One(v) => json!(v),
                Cell::Many(vs) => json!(vs),
            });
            out.push(json!(n));
        }
        Value::Array(out)
    }
}

/// Every index file of `site`: the language-neutral core under the default
/// language's search page (`index/meta.json`, `index/facets.json`,
/// `index/t/*.txt`), and per language `index/labels.json` and
/// `index/r/<n>.json` under that language's search page.
///
/// `units`: [`Units::of`] the site; `keep` makes or reuses the files of
/// results. `None` when `stopped` said so at one of its steps (the
/// preview gives way to the next edit: on a province's site the index is
/// a quarter of a second, too long to finish for nothing).
pub fn build_index(
    site: &Site,
    units: &Units,
    keep: &Keep,
    stopped: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<IndexFile>> {
    let urls = Urls::new(&site.config);
    let records = records(site, units);
    let default = site.config.default_language();
    let core = format!("{}index/", output_dir(&urls.search(default)));

    let mut years: Vec<i32> = records.iter().map(|&r| year_of(site, r)).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let year_index = |y: i32| years.iter().position(|&x| x == y).map_or(0, |i| i + 1);

    // Folding is the costly part, and looking words up next. Names repeat
    // their words ("Nguyễn", "Thị"), units and positions whole: each word
    // of a name and each other text, as written, is folded once, when
    // first met, into the ids of its words (folding goes letter by letter,
    // so a text's words are its parts' words). Nothing is kept per record:
    // on a province's site that was 600,000 strings to free each time.
    let mut word_ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut postings: Vec<Postings> = Vec::new();
    let mut folded: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
    let mut columns: [Column; 5] = Default::default();
    for (id, &record) in records.iter().enumerate() {
        if id % STOP_EVERY == 0 && stopped() {
            return None;
        }
        let id = id as u32;
        let mut index = |text, in_name| {
            let ids = folded.entry(text).or_insert_with(|| {
                words(text)
                    .into_iter()
                    .map(|w| {
                        *word_ids.entry(w).or_insert_with(|| {
                            postings.push(Postings::default());
                            (postings.len() - 1) as u32
                        })
                    })
                    .collect()
            });
            for &w in ids.iter() {
                postings[w as usize].add(id, in_name);
            }
        };
        names_of(site, record, &mut |t| {
            str::split_whitespace(t).for_each(|part| index(part, true));
        });
        others_of(site, record, &mut |t| index(t, false));
        let [year, award, kind, campaign, unit] = &mut columns;
        year.push(Cell::One(year_index(year_of(site, record))));
        match record {
            Record::Profile(p) => {
                let p_ = &site.profiles[p];
                award.push(Cell::of(
                    p_.awards.iter().map(|a| a.award.index() + 1).collect(),
                ));
                kind.push(Cell::One(kind_index(p_.kind)));
                let mut cs: Vec<usize> = p_.campaigns.iter().map(|c| c.index() + 1).collect();
                cs.extend(
                    p_.awards
                        .iter()
                        .filter_map(|a| a.campaign.map(|c| c.index() + 1)),
                );
                campaign.push(Cell::of(cs));
                unit.push(Cell::One(units.of_profile[p].map_or(0, |u| u + 1)));
            }
            Record::Recipient(l, r) => {
                let list = &site.award_lists[l];
                award.push(Cell::One(list.recipients[r].award.index() + 1));
                kind.push(Cell::One(kind_index(list.recipients[r].kind)));
                campaign.push(Cell::One(list.campaign.map_or(0, |c| c.index() + 1)));
                unit.push(Cell::One(units.of_recipient[l][r].map_or(0, |u| u + 1)));
            }
        }
    }

    if stopped() {
        return None;
    }
    let words_of: BTreeMap<String, Postings> = word_ids
        .into_iter()
        .map(|(w, i)| (w, std::mem::take(&mut postings[i as usize])))
        .collect();
    let shards = postings::shards(&words_of);
    let mut files = vec![
        json_file(
            format!("{core}meta.json"),
            &json!({
                "version": 1,
                "records": records.len(),
                "profiles": site.profiles.len(),
                "chunk": CHUNK,
                "shards": shards.iter().map(|s| s.key.as_str()).collect::<Vec<_>>(),
            }),
        ),
        json_file(
            format!("{core}facets.json"),
            &json!({
                "year": columns[0].json(),
                "award": columns[1].json(),
                "kind": columns[2].json(),
                "campaign": columns[3].json(),
                "unit": columns[4].json(),
            }),
        ),
    ];
    files.extend(shards.into_iter().map(|s| {
        IndexFile::new(
            format!("{core}t/{}", postings::file_name(&s.key)),
            s.text.into_bytes(),
        )
    }));
    for lang in 0..site.config.languages.len() {
        if stopped() {
            return None;
        }
        let here = Here { site, units, keep };
        files.extend(language_files(here, &records, &years, lang, stopped)?);
    }
    Some(files)
}

/// Records between two looks at whether to stop (a few milliseconds' work).
const STOP_EVERY: usize = 2_048;

fn output_dir(site_path: &str) -> String {
    output_file(site_path)
        .trim_end_matches("index.html")
        .to_owned()
}

fn kind_index(kind: Kind) -> usize {
    match kind {
        Kind::Individual => 1,
        Kind::Collective => 2,
    }
}

fn year_of(site: &Site, record: Record) -> i32 {
    match record {
        Record::Profile(p) => site.profiles[p].year,
        Record::Recipient(l, _) => site.award_lists[l].year,
    }
}

/// A record's names in every language: searched as names.
fn names_of<'a>(site: &'a Site, record: Record, each: &mut dyn FnMut(&'a str)) {
    match record {
        Record::Profile(p) => site.profiles[p].texts.iter().for_each(|t| each(&t.name)),
        Record::Recipient(l, r) => each(&site.award_lists[l].recipients[r].name),
    }
}

/// A record's other searchable texts in every language: its units and
/// positions. Nothing else of it (no ethnicity, no story) is searched.
fn others_of<'a>(site: &'a Site, record: Record, each: &mut dyn FnMut(&'a str)) {
    match record {
        Record::Profile(p) => {
            let texts = &site.profiles[p].texts;
            texts.iter().for_each(|t| each(&t.unit));
            texts
                .iter()
                .filter_map(|t| t.position.as_deref())
                .for_each(each);
        }
        Record::Recipient(l, r) => {
            let rec = &site.award_lists[l].recipients[r];
            for text in [&rec.unit, &rec.position].into_iter().flatten() {
                for lang in &site.config.languages {
                    each(text.get(&lang.code, &lang.code));
                }
            }
        }
    }
}

/// What every language's files are made from.
#[derive(Clone, Copy)]
struct Here<'a> {
    site: &'a Site,
    units: &'a Units,
    keep: &'a Keep<'a>,
}

/// A language's labels and display chunks.
fn language_files(
    Here { site, units, keep }: Here,
    records: &[Record],
    years: &[i32],
    lang_index: usize,
    stopped: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<IndexFile>> {
    let urls = Urls::new(&site.config);
    let lang = &site.config.languages[lang_index];
    let code = lang.code.as_str();
    let default = site.config.default_language().code.as_str();
    let dir = format!("{}index/", output_dir(&urls.search(lang)));
    let catalogue = &site.catalogue;
    let labels = json!({
        "year": years,
        "award": catalogue.keys().filter_map(|k| catalogue.get(k)).map(|a| {
            json!([a.key, a.name.get(code, default)])
        }).collect::<Vec<_>>(),
        "kind": ["individual", "collective"],
        "campaign": site.campaigns.iter().map(|c| {
            json!([c.slug, c.texts[lang_index].name])
        }).collect::<Vec<_>>(),
        "unit": units.units.iter().map(|u| json!([u.slug, u.label])).collect::<Vec<_>>(),
        "list": site.award_lists.iter().map(|l| {
            json!([urls.href(&urls.award_list(lang, &l.slug)), l.decision])
        }).collect::<Vec<_>>(),
    });
    let mut files = vec![json_file(format!("{dir}labels.json"), &labels)];
    let chunks: Option<Vec<IndexFile>> = records
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(n, chunk)| {
            let rows: Vec<Row> = chunk
                .iter()
                .map(|&r| row(site, &urls, lang_index, r))
                .collect();
            // Writing to memory cannot fail.
            let make = &mut || serde_json::to_vec(&rows).unwrap_or_default();
            let sign = fingerprint(&rows);
            (!stopped()).then(|| IndexFile {
                path: format!("{dir}r/{n}.json"),
                bytes: keep(sign, make),
                sign,
            })
        })
        .collect();
    files.extend(chunks?);
    Some(files)
}

/// What a result shows: `[0, name, href, unit, position]` for a profile,
/// `[1, name, award list, unit, position]` for a recipient. Serialised
/// as it is (a JSON array), with no `Value` in between.
#[derive(Serialize, Hash)]
struct Row<'a>(u8, &'a str, Link, &'a str, &'a str);

/// A result's link: a profile's page, or the place of its award list in
/// `labels.json`.
#[derive(Serialize, Hash)]
#[serde(untagged)]
enum Link {
    Href(String),
    List(usize),
}

fn row<'a>(site: &'a Site, urls: &Urls, lang_index: usize, record: Record) -> Row<'a> {
    let lang = &site.config.languages[lang_index];
    let (code, default) = (
        lang.code.as_str(),
        site.config.default_language().code.as_str(),
    );
    match record {
        Record::Profile(p) => {
            let p = &site.profiles[p];
            let t = &p.texts[lang_index];
            let href = urls.href(&urls.profile(lang, &p.slug));
            let position = t.position.as_deref().unwrap_or("");
            Row(0, &t.name, Link::Href(href), &t.unit, position)
        }
        Record::Recipient(l, r) => {
            let rec = &site.award_lists[l].recipients[r];
            let get = |t: &'a Option<crate::i18n::LocalisedText>| {
                t.as_ref().map_or("", |t| t.get(code, default))
            };
            Row(
                1,
                &rec.name,
                Link::List(l),
                get(&rec.unit),
                get(&rec.position),
            )
        }
    }
}

/// The hash that keeps a file of results: of its rows (equal rows, equal
/// bytes), 64 bits of foldhash's quality variant, as the pages' own.
fn fingerprint(rows: &[Row]) -> u64 {
    crate::hashing::hash_of(rows)
}

fn json_file(path: String, value: &Value) -> IndexFile {
    IndexFile::new(path, value.to_string().into_bytes())
}
