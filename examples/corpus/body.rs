//! A profile's story in markdown, in Vietnamese (400 to 700 words, like the
//! achievement reports agencies publish) and a shorter English version.
//!
//! The plan (which sentences, in which order, with which numbers) is drawn
//! once; both languages are written from it, so the English page says the
//! same things as a part of the Vietnamese one.

use fastrand::Rng;

use crate::profiles::{Lang, Profile, Subject, pick};
use crate::words::{self, Award, Pair};

/// The numbers and subject form of one sentence, shared by both languages.
#[derive(Clone, Copy)]
struct Draw {
    a: u32,
    b: u32,
    pct: u32,
    money: u32,
    form: usize,
}

impl Draw {
    fn new(rng: &mut Rng) -> Draw {
        Draw {
            a: rng.u32(3..=48),
            b: rng.u32(120..=4800),
            pct: rng.u32(86..=100),
            money: rng.u32(15..=950),
            form: rng.usize(..3),
        }
    }
}

/// One planned sentence.
#[derive(Clone, Copy)]
struct Line {
    text: Pair,
    draw: Draw,
}

/// What every sentence may refer to.
struct Context<'a> {
    profile: &'a Profile,
    subject: &'a Subject,
    province: &'a str,
}

impl Context<'_> {
    fn fill(&self, line: Line, lang: Lang) -> String {
        let l = if lang == Lang::Vi { 0 } else { 1 };
        let campaign = self.profile.campaigns[0];
        fill(lang.pick(line.text), |slot, out| match slot {
            "S" => out.push_str(&self.subject.start[l][line.draw.form]),
            "s" => out.push_str(&self.subject.middle[l][line.draw.form]),
            "year" => out.push_str(&self.profile.year.to_string()),
            "unit" => out.push_str(self.profile.unit.get(lang)),
            "province" => out.push_str(self.province),
            "campaign" => out.push_str(lang.pick(campaign.name)),
            "key" => out.push_str(campaign.key),
            "a" => out.push_str(&line.draw.a.to_string()),
            "b" => out.push_str(&group_digits(line.draw.b, lang)),
            "pct" => out.push_str(&line.draw.pct.to_string()),
            "money" => out.push_str(&line.draw.money.to_string()),
            other => {
                out.push('{');
                out.push_str(other);
                out.push('}');
            }
        })
    }
}

/// Replaces each `{slot}` of `template` by what `put` writes for it.
pub fn fill(template: &str, mut put: impl FnMut(&str, &mut String)) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                put(&after[..close], &mut out);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// 4800 as "4.800" in Vietnamese and "4,800" in English.
fn group_digits(n: u32, lang: Lang) -> String {
    if n < 1000 {
        return n.to_string();
    }
    let sep = if lang == Lang::Vi { '.' } else { ',' };
    format!("{}{sep}{:03}", n / 1000, n % 1000)
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Writes both bodies of `profile`.
pub fn write(
    rng: &mut Rng,
    profile: &Profile,
    subject: &Subject,
    province: &str,
    abbr: &str,
    eligible: &[&'static Award],
) -> crate::profiles::Both {
    let mut plan = |pool: &[Pair]| -> Vec<Line> {
        let mut lines: Vec<Line> = pool
            .iter()
            .map(|&text| Line {
                text,
                draw: Draw::new(rng),
            })
            .collect();
        rng.shuffle(&mut lines);
        lines
    };
    let mut summary = plan(&words::SUMMARY);
    // The story opens with the subject's full name.
    summary[0].draw.form = 0;
    let methods = plan(&words::METHODS);
    let mut results = plan(&words::RESULTS);
    results.truncate(rng.usize(4..=7));
    let lessons = rng.usize(3..=5);
    let history: Vec<(u16, &Award, String)> = if rng.u8(..10) < 4 {
        let first = profile.year - rng.u16(2..=8);
        let mut years: Vec<u16> = (first..profile.year).collect();
        rng.shuffle(&mut years);
        years.truncate(rng.usize(2..=4));
        years.sort_unstable();
        years
            .into_iter()
            .map(|y| {
                (
                    y,
                    *pick(rng, eligible),
                    format!("{}/QĐ-{abbr}", rng.u32(100..4000)),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let footnote = (rng.u8(..10) < 3).then(|| (rng.u32(100..4000), rng.u8(10..=31)));
    let target = rng.usize(400..=700);

    let ctx = Context {
        profile,
        subject,
        province,
    };
    // Grow the summary and the methods (two to one) until the Vietnamese
    // text reaches its target length.
    let mut sizes = Plan {
        summary: 4,
        methods: 3,
        results: &results,
        lessons,
        history: &history,
        footnote,
    };
    let mut words = word_count(&sizes.render(&ctx, &summary, &methods, Lang::Vi));
    let mut step = 0;
    while words < target && (sizes.summary < summary.len() || sizes.methods < methods.len()) {
        let grow_summary = step % 3 != 2 && sizes.summary < summary.len();
        let (line, count) = if grow_summary || sizes.methods == methods.len() {
            (summary[sizes.summary], &mut sizes.summary)
        } else {
            (methods[sizes.methods], &mut sizes.methods)
        };
        *count += 1;
        words += word_count(&ctx.fill(line, Lang::Vi));
        step += 1;
    }
    crate::profiles::Both {
        vi: sizes.render(&ctx, &summary, &methods, Lang::Vi),
        en: sizes.render(&ctx, &summary, &methods, Lang::En),
    }
}

/// How much of each section a body holds.
struct Plan<'a> {
    summary: usize,
    methods: usize,
    results: &'a [Line],
    lessons: usize,
    history: &'a [(u16, &'static Award, String)],
    footnote: Option<(u32, u8)>,
}

impl Plan<'_> {
    /// The body in `lang`: all of it in Vietnamese, about half in English.
    fn render(&self, ctx: &Context, summary: &[Line], methods: &[Line], lang: Lang) -> String {
        let full = lang == Lang::Vi;
        let half = |n: usize, least: usize| if full { n } else { least.max(n / 2) };
        let mut out = String::with_capacity(6000);
        let heading = |out: &mut String, level: &str, pair: Pair| {
            out.push_str(level);
            out.push_str(lang.pick(pair));
            out.push_str("\n\n");
        };

        heading(&mut out, "## ", words::H_SUMMARY);
        let sentences: Vec<String> = summary[..half(self.summary, 3)]
            .iter()
            .map(|&line| ctx.fill(line, lang))
            .collect();
        for (p, paragraph) in sentences.chunks(4).enumerate() {
            for (i, sentence) in paragraph.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(sentence);
                if p == 0 && i == 0 && self.footnote.is_some() {
                    out.push_str("[^1]");
                }
            }
            out.push_str("\n\n");
        }

        heading(&mut out, "## ", words::H_RESULTS);
        let shown = if full {
            self.results.len()
        } else {
            3.max(self.results.len() - 2)
        };
        for &line in &self.results[..shown] {
            out.push_str("- ");
            out.push_str(&ctx.fill(line, lang));
            out.push('\n');
        }
        out.push('\n');

        heading(&mut out, "## ", words::H_METHODS);
        let mut sentences: Vec<String> = methods[..half(self.methods, 2)]
            .iter()
            .map(|&line| ctx.fill(line, lang))
            .collect();
        let link = Line {
            text: words::LINK,
            draw: Draw {
                a: 0,
                b: 0,
                pct: 0,
                money: 0,
                form: 0,
            },
        };
        sentences.push(ctx.fill(link, lang));
        let middle = sentences.len().div_ceil(2);
        out.push_str(&sentences[..middle].join(" "));
        out.push_str("\n\n");
        out.push_str(&sentences[middle..].join(" "));
        out.push_str("\n\n");

        if !self.history.is_empty() {
            heading(&mut out, "### ", words::H_HISTORY);
            out.push_str(lang.pick(words::TABLE_HEAD));
            out.push_str("\n|---|---|---|\n");
            for (year, award, decision) in self.history {
                let name = lang.pick(award.name);
                out.push_str(&format!("| {year} | {name} | {decision} |\n"));
            }
            out.push('\n');
        }

        heading(&mut out, "## ", words::H_LESSONS);
        let lessons: Vec<&str> = words::LESSONS[..if full { self.lessons } else { 2 }]
            .iter()
            .map(|&pair| lang.pick(pair))
            .collect();
        out.push_str(&lessons.join(" "));
        out.push_str("\n\n");

        let awards: Vec<&str> = ctx
            .profile
            .awards
            .iter()
            .map(|a| lang.pick(a.name))
            .collect();
        let subject = &ctx.subject.middle[if full { 0 } else { 1 }][0];
        out.push_str(&fill(lang.pick(words::CLOSING), |slot, out| match slot {
            "s" => out.push_str(subject),
            _ => {
                out.push_str("**");
                out.push_str(&awards.join("; "));
                out.push_str("**");
            }
        }));
        out.push('\n');

        if let Some((number, day)) = self.footnote {
            out.push_str("\n[^1]: ");
            let year = ctx.profile.year;
            out.push_str(&fill(lang.pick(words::FOOTNOTE), |slot, out| match slot {
                "decision" => out.push_str(&format!("{number}/QĐ-UBND")),
                "day" => out.push_str(&day.to_string()),
                _ => out.push_str(&year.to_string()),
            }));
            out.push('\n');
        }
        out
    }
}
