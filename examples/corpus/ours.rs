//! The corpus in vinhdanh's own content format (docs/content.md):
//! `site.toml`, campaigns, profiles with their English translations and
//! inline awards, and optionally award lists joined to the profiles
//! (`--award-lists`) and award decisions whose recipients have no profile,
//! each with a spreadsheet as Excel saves it (`--recipients`).

use std::collections::BTreeMap;
use std::io;

use rayon::prelude::*;

use crate::Out;
use crate::profiles::{self, Both, Profile, pick, stream};
use crate::words;

/// How many recipients an award list joined to profiles holds at most.
const LIST_SIZE: usize = 40;
/// How many recipients one decision's spreadsheet holds at most.
const DECISION_SIZE: usize = 500;

/// What was written besides the profiles.
#[derive(Default)]
pub struct Extras {
    pub award_lists: usize,
    pub decisions: usize,
    pub recipients: usize,
}

pub fn write(
    out: &Out,
    profiles: &[Profile],
    seed: u64,
    award_lists: bool,
    recipients: usize,
) -> io::Result<Extras> {
    out.put("site.toml", site_toml())?;
    for c in &words::CAMPAIGNS {
        let (vi, en) = campaign(c);
        out.put(format!("content/campaigns/{}.md", c.key), vi)?;
        out.put(format!("content/campaigns/{}.en.md", c.key), en)?;
    }
    profiles.par_iter().try_for_each(|p| {
        out.put(format!("content/profiles/{}.md", p.slug), profile(p))?;
        out.put(format!("content/profiles/{}.en.md", p.slug), translation(p))
    })?;
    let mut extras = Extras::default();
    if award_lists {
        extras.award_lists = write_award_lists(out, profiles)?;
    }
    if recipients > 0 {
        extras.decisions = write_decisions(out, seed, recipients)?;
        extras.recipients = recipients;
    }
    Ok(extras)
}

/// A TOML basic string.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A localised value: one string where both languages agree.
fn localised(text: &Both) -> String {
    if text.vi == text.en {
        quote(&text.vi)
    } else {
        format!("{{ vi = {}, en = {} }}", quote(&text.vi), quote(&text.en))
    }
}

fn site_toml() -> String {
    let (title, description) = (words::SITE_TITLE, words::SITE_DESCRIPTION);
    format!(
        "# A synthetic corpus written by `cargo run --example corpus`.\n\
         base_url = \"https://bench.example.gov.vn\"\n\
         default_language = \"vi\"\n\
         paginate_by = 100\n\n\
         [languages.vi]\ntitle = {}\ndescription = {}\n\n\
         [languages.en]\ntitle = {}\ndescription = {}\n",
        quote(title.0),
        quote(description.0),
        quote(title.1),
        quote(description.1),
    )
}

fn campaign(c: &words::Campaign) -> (String, String) {
    let vi = format!(
        "+++\nname = {}\nstart_year = {}\nend_year = {}\nlaunched_by = {}\n+++\n\n\
         Phong trào “{}” do {} phát động, triển khai trong các cơ quan, đơn vị từ năm {} đến năm {}.\n",
        quote(c.name.0),
        c.years.0,
        c.years.1,
        localised(&Both {
            vi: c.launched_by.0.to_owned(),
            en: c.launched_by.1.to_owned(),
        }),
        c.name.0,
        lower(c.launched_by.0),
        c.years.0,
        c.years.1,
    );
    let en = format!(
        "+++\nname = {}\n+++\n\n\
         The campaign “{}”, launched by {}, ran in agencies and units from {} to {}.\n",
        quote(c.name.1),
        c.name.1,
        lower(c.launched_by.1),
        c.years.0,
        c.years.1,
    );
    (vi, en)
}

fn lower(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

fn profile(p: &Profile) -> String {
    let mut fm = format!(
        "+++\nname = {}\nkind = \"{}\"\nunit = {}\n",
        quote(&p.name.vi),
        p.kind.word(),
        localised(&p.unit)
    );
    if let Some(position) = &p.position {
        fm.push_str(&format!("position = {}\n", localised(position)));
    }
    let campaigns: Vec<String> = p.campaigns.iter().map(|c| quote(c.key)).collect();
    fm.push_str(&format!(
        "year = {}\ndate = {}\ncampaigns = [{}]\n",
        p.year,
        p.date,
        campaigns.join(", ")
    ));
    for a in &p.awards {
        fm.push_str(&format!(
            "\n[[awards]]\naward = \"{}\"\nyear = {}\n",
            a.key, p.year
        ));
    }
    fm.push_str("+++\n\n");
    fm.push_str(&p.body.vi);
    fm
}

fn translation(p: &Profile) -> String {
    let mut fm = String::from("+++\n");
    if p.name.en != p.name.vi {
        fm.push_str(&format!("name = {}\n", quote(&p.name.en)));
    }
    fm.push_str("+++\n\n");
    fm.push_str(&p.body.en);
    fm
}

/// Every (award, year) group of profiles as award lists of up to
/// `LIST_SIZE` recipients, each naming its profile.
fn write_award_lists(out: &Out, profiles: &[Profile]) -> io::Result<usize> {
    let mut groups: BTreeMap<(&str, u16), Vec<&Profile>> = BTreeMap::new();
    for p in profiles {
        for a in &p.awards {
            groups.entry((a.key, p.year)).or_default().push(p);
        }
    }
    let mut n = 0;
    for ((award, year), members) in groups {
        for (k, chunk) in members.chunks(LIST_SIZE).enumerate() {
            n += 1;
            let mut text = format!(
                "decision = \"{n}/QĐ-UBND\"\ndate = {year}-12-{:02}\n\
                 issuer = {{ vi = \"Chủ tịch UBND tỉnh\", en = \"Chairman of the Provincial People's Committee\" }}\n\
                 award = \"{award}\"\nyear = {year}\n",
                10 + k % 18
            );
            for p in chunk {
                text.push_str(&format!(
                    "\n[[recipients]]\nname = {}\nkind = \"{}\"\nunit = {}\nprofile = \"{}\"\n",
                    quote(&p.name.vi),
                    p.kind.word(),
                    localised(&p.unit),
                    p.slug
                ));
            }
            out.put(
                format!("content/awards/{year}-{award}-{}.toml", k + 1),
                text,
            )?;
        }
    }
    Ok(n)
}

/// Awards a decision of recipients without profiles may give, and whether
/// their recipients are collectives (`Some(true)`), individuals
/// (`Some(false)`) or both (`None`).
const DECISION_AWARDS: [(&str, Option<bool>); 5] = [
    ("lao-dong-tien-tien", Some(false)),
    ("giay-khen", None),
    ("chien-si-thi-dua-co-so", Some(false)),
    ("bang-khen-cap-tinh", None),
    ("tap-the-lao-dong-tien-tien", Some(true)),
];

/// Award decisions holding `total` recipients who have no profile, up to
/// `DECISION_SIZE` a decision, each a semicolon CSV with Vietnamese
/// headers, a BOM and CRLF line ends, as Excel with Vietnamese regional
/// settings saves it. Returns how many decisions were written.
fn write_decisions(out: &Out, seed: u64, total: usize) -> io::Result<usize> {
    let mut sizes = Vec::new();
    let mut left = total;
    let rng = &mut stream(seed, 2, 0);
    while left > 0 {
        let size = rng.usize(DECISION_SIZE / 2..=DECISION_SIZE).min(left);
        sizes.push(size);
        left -= size;
    }
    sizes.par_iter().enumerate().try_for_each(|(i, &size)| {
        let rng = &mut stream(seed, 3, i as u64);
        let (award, collective) = DECISION_AWARDS[i % DECISION_AWARDS.len()];
        let year = profiles::YEARS.start() + (i % profiles::YEARS.len()) as u16;
        let province = *pick(rng, &words::PROVINCES);
        let stem = format!("{year}-qd-{:05}", i + 1);
        let mut csv = String::with_capacity(size * 120);
        csv.push('\u{FEFF}');
        csv.push_str("Họ và tên;Loại;Đơn vị;Chức vụ\r\n");
        for _ in 0..size {
            let (unit, _) = profiles::agency(rng, province);
            let is_collective = collective.unwrap_or_else(|| rng.u8(..10) == 0);
            if is_collective {
                let division = pick(rng, &words::DIVISIONS).0;
                csv.push_str(&format!("{division};Tập thể;{};\r\n", unit.vi));
            } else {
                let (name, _) = profiles::person_name(rng);
                let role = pick(rng, &words::ROLES).0;
                csv.push_str(&format!("{name};Cá nhân;{};{role}\r\n", unit.vi));
            }
        }
        let toml = format!(
            "decision = \"{}/QĐ-UBND\"\ndate = {year}-12-{:02}\n\
             issuer = {{ vi = \"Chủ tịch UBND tỉnh {province}\", en = \"Chairman of the {province} Provincial People's Committee\" }}\n\
             award = \"{award}\"\nyear = {year}\nrecipients_csv = \"{stem}.csv\"\n",
            rng.u32(100..4000),
            1 + i % 28,
        );
        out.put(format!("content/awards/{stem}.csv"), csv)?;
        out.put(format!("content/awards/{stem}.toml"), toml)
    })?;
    Ok(sizes.len())
}
