//! The neutral corpus: profiles as data, before any output format.
//!
//! Every profile is drawn from its own random stream, keyed by the seed and
//! its index, so profile 42 is the same whether the corpus has 500 or
//! 10,000 profiles, and profiles can be drawn in parallel without changing
//! a byte. Both output formats (`ours.rs`, `hugo.rs`) write from this.

use fastrand::Rng;

use crate::words::{self, Award, Campaign, Pair};

/// The years profiles are recognised in.
pub const YEARS: std::ops::RangeInclusive<u16> = 2016..=2025;

/// A language of the corpus.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    pub fn pick(self, pair: Pair) -> &'static str {
        match self {
            Lang::Vi => pair.0,
            Lang::En => pair.1,
        }
    }
}

/// A text in both languages.
#[derive(Clone, PartialEq, Eq)]
pub struct Both {
    pub vi: String,
    pub en: String,
}

impl Both {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Individual,
    Collective,
}

impl Kind {
    /// The word vinhdanh's front matter and Hugo's params use.
    pub fn word(self) -> &'static str {
        match self {
            Kind::Individual => "individual",
            Kind::Collective => "collective",
        }
    }
}

pub struct Profile {
    /// ASCII, unique: the file stem and the URL segment.
    pub slug: String,
    pub kind: Kind,
    pub name: Both,
    pub unit: Both,
    pub position: Option<Both>,
    pub year: u16,
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    pub campaigns: Vec<&'static Campaign>,
    pub awards: Vec<&'static Award>,
    pub body: Both,
}

/// A random stream for one purpose (`lane`) and one item (`index`).
pub fn stream(seed: u64, lane: u64, index: u64) -> Rng {
    Rng::with_seed(mix(mix(seed ^ lane.rotate_left(40)) ^ index))
}

/// SplitMix64's finaliser: nearby inputs give unrelated seeds.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

pub fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

/// A Vietnamese personal name: family, one or two middle names, given name.
/// Returns the full name and the given name.
pub fn person_name(rng: &mut Rng) -> (String, &'static str) {
    let woman = rng.bool();
    let family = pick(rng, &words::FAMILY_NAMES);
    let (middle, given) = if woman {
        (
            pick(rng, &words::MIDDLE_WOMEN),
            pick(rng, &words::GIVEN_WOMEN),
        )
    } else {
        (pick(rng, &words::MIDDLE_MEN), pick(rng, &words::GIVEN_MEN))
    };
    let mut name = format!("{family} {middle}");
    if woman && rng.u8(..10) < 4 {
        let second = pick(rng, &words::MIDDLE_WOMEN[3..]);
        if second != middle {
            name.push(' ');
            name.push_str(second);
        }
    }
    name.push(' ');
    name.push_str(given);
    (name, given)
}

/// Agency of a province: localised name and the abbreviation of its decisions.
pub fn agency(rng: &mut Rng, province: &str) -> (Both, &'static str) {
    let (vi, en, abbr) = pick(rng, &words::AGENCIES);
    let both = Both {
        vi: vi.replace("{p}", province),
        en: en.replace("{p}", province),
    };
    (both, abbr)
}

/// Profile `index` of the corpus drawn from `seed`: even indices are
/// individuals, odd ones collectives.
pub fn profile(seed: u64, index: usize) -> Profile {
    let rng = &mut stream(seed, 1, index as u64);
    let province = *pick(rng, &words::PROVINCES);
    let (unit, abbr) = agency(rng, province);
    let division = *pick(rng, &words::DIVISIONS);
    let (kind, name, position, subject) = if index.is_multiple_of(2) {
        let (full, given) = person_name(rng);
        let position = position_in(rng, division);
        let he_she = if rng.bool() { "She" } else { "He" };
        let subject = Subject::individual(&full, given, he_she);
        let name = Both {
            vi: full.clone(),
            en: full,
        };
        (Kind::Individual, name, Some(position), subject)
    } else {
        let name = Both {
            vi: format!("{}, {}", division.0, unit.vi),
            en: format!("{}, {}", division.1, unit.en),
        };
        (Kind::Collective, name, None, Subject::collective(division))
    };
    let year = rng.u16(YEARS);
    let date = format!("{year}-{:02}-{:02}", rng.u8(1..=12), rng.u8(1..=28));
    let mut campaigns: Vec<&'static Campaign> = Vec::new();
    for _ in 0..if rng.u8(..3) == 0 { 2 } else { 1 } {
        let c = pick(rng, &words::CAMPAIGNS);
        if !campaigns.iter().any(|k| k.key == c.key) {
            campaigns.push(c);
        }
    }
    let eligible: Vec<&'static Award> = words::AWARDS
        .iter()
        .filter(|a| match kind {
            Kind::Individual => a.individual,
            Kind::Collective => a.collective,
        })
        .collect();
    let mut awards = eligible.clone();
    rng.shuffle(&mut awards);
    awards.truncate(rng.usize(1..=3));
    let mut profile = Profile {
        slug: format!("{}-{index:05}", vinhdanh::i18n::slug::slugify(&name.vi)),
        kind,
        name,
        unit,
        position,
        year,
        date,
        campaigns,
        awards,
        body: Both {
            vi: String::new(),
            en: String::new(),
        },
    };
    profile.body = crate::body::write(rng, &profile, &subject, province, abbr, &eligible);
    profile
}

/// An individual's position: a role in a division.
fn position_in(rng: &mut Rng, division: Pair) -> Both {
    let (role_vi, role_en) = *pick(rng, &words::ROLES);
    let heads = role_vi.contains("phòng");
    match division.0.strip_prefix("Phòng ") {
        Some(rest) if heads => Both {
            vi: format!("{role_vi} {rest}"),
            en: format!("{role_en}, {}", division.1),
        },
        _ if heads => Both {
            vi: format!("Chuyên viên {}", division.0),
            en: format!("Specialist, {}", division.1),
        },
        _ => Both {
            vi: format!("{role_vi} {}", division.0),
            en: format!("{role_en}, {}", division.1),
        },
    }
}

/// How a profile's text names its subject: three forms per language, each
/// at the start of a sentence and in its middle.
pub struct Subject {
    pub start: [[String; 3]; 2],
    pub middle: [[String; 3]; 2],
}

impl Subject {
    fn individual(full: &str, given: &str, he_she: &str) -> Subject {
        let vi = [
            format!("Đồng chí {full}"),
            "Đồng chí".to_owned(),
            format!("Đồng chí {given}"),
        ];
        let en = [full.to_owned(), he_she.to_owned(), full.to_owned()];
        Subject::from_starts(vi, en)
    }

    fn collective(division: Pair) -> Subject {
        let vi = [
            format!("Tập thể {}", division.0),
            "Tập thể đơn vị".to_owned(),
            "Đơn vị".to_owned(),
        ];
        let en = [
            format!("The {}", division.1),
            "The team".to_owned(),
            "The unit".to_owned(),
        ];
        Subject::from_starts(vi, en)
    }

    fn from_starts(vi: [String; 3], en: [String; 3]) -> Subject {
        let middle_vi = vi.clone().map(|s| lower_first(&s));
        let middle_en = en.clone().map(|s| match s.as_str() {
            "He" | "She" | "The team" | "The unit" => lower_first(&s),
            _ => s
                .strip_prefix("The ")
                .map_or(s.clone(), |r| format!("the {r}")),
        });
        Subject {
            start: [vi, en],
            middle: [middle_vi, middle_en],
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}
