//! A deterministic synthetic corpus for vinhdanh's benchmarks and tests:
//! N bilingual profiles of Vietnamese individuals and collectives (about
//! 560 words in Vietnamese and 230 in English each), twelve campaigns,
//! inline awards, and optionally award lists joined to the profiles and
//! award decisions at national scale with recipients in spreadsheets.
//!
//! ```sh
//! cargo run --release --example corpus -- --format ours --n 10000 --out /tmp/corpus/ours-10000
//! cargo run --release --example corpus -- --format hugo --n 10000 --out /tmp/corpus/hugo-10000
//! cargo run --release --example corpus -- --format ours --n 10000 --recipients 200000 --out DIR
//! ```
//!
//! The same seed gives the same bytes, and profile i is the same whatever
//! N is. `--format hugo` writes the same profiles as a Hugo site, for
//! `scripts/bench --hugo`. Each run also writes `corpus.json`, saying what
//! was asked for and naming a sample profile (for the preview-latency
//! script); a folder holding one is replaced on the next run, any other
//! non-empty folder is refused.

mod body;
mod hugo;
mod ours;
mod profiles;
mod words;

use std::error::Error;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{Parser, ValueEnum};
use rayon::prelude::*;

/// The seed used unless `--seed` says otherwise.
const DEFAULT_SEED: u64 = 20240501;
/// The file that marks a folder as written by this generator.
const MANIFEST: &str = "corpus.json";

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// vinhdanh's content format
    Ours,
    /// a Hugo site of the same profiles
    Hugo,
}

/// Writes a deterministic synthetic corpus of bilingual profiles.
#[derive(Parser, Debug, Clone)]
struct Options {
    /// Output format.
    #[arg(long, value_enum)]
    format: Format,
    /// Number of profiles (each a Vietnamese and an English page).
    #[arg(long, default_value_t = 100)]
    n: usize,
    /// Folder to write; replaced if it holds a corpus, refused if it holds anything else.
    #[arg(long)]
    out: PathBuf,
    /// Seed of every random choice.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// (ours) Also write award lists of up to 40 recipients joined to the profiles.
    #[arg(long)]
    award_lists: bool,
    /// (ours) Also write award decisions holding this many recipients
    /// without profiles, up to 500 a decision, each a semicolon CSV.
    #[arg(long, default_value_t = 0)]
    recipients: usize,
}

/// Where files go; makes folders as needed.
pub struct Out {
    root: PathBuf,
}

impl Out {
    pub fn put(&self, path: impl AsRef<Path>, bytes: impl AsRef<[u8]>) -> io::Result<()> {
        let path = self.root.join(path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, bytes)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
    }
}

/// Empties `dir` if it holds a corpus (or nothing), refuses otherwise.
fn prepare(dir: &Path) -> Result<(), Box<dyn Error>> {
    if dir.exists() {
        let empty = fs::read_dir(dir)?.next().is_none();
        if !empty && !dir.join(MANIFEST).is_file() {
            return Err(format!(
                "{} is not empty and holds no {MANIFEST}: not a corpus, left alone",
                dir.display()
            )
            .into());
        }
        fs::remove_dir_all(dir)?;
    }
    fs::create_dir_all(dir)?;
    Ok(())
}

/// What a run wrote, for the closing line.
struct Written {
    profiles: usize,
    words_vi: usize,
    words_en: usize,
    extras: ours::Extras,
}

fn generate(options: &Options) -> Result<Written, Box<dyn Error>> {
    prepare(&options.out)?;
    let out = Out {
        root: options.out.clone(),
    };
    let profiles: Vec<profiles::Profile> = (0..options.n)
        .into_par_iter()
        .map(|i| profiles::profile(options.seed, i))
        .collect();
    let extras = match options.format {
        Format::Ours => ours::write(
            &out,
            &profiles,
            options.seed,
            options.award_lists,
            options.recipients,
        )?,
        Format::Hugo => {
            hugo::write(&out, &profiles)?;
            ours::Extras::default()
        }
    };
    let words = |text: &str| text.split_whitespace().count();
    let sample = profiles.first();
    let manifest = serde_json::json!({
        "format": format!("{:?}", options.format).to_lowercase(),
        "n": options.n,
        "seed": options.seed,
        "award_lists": extras.award_lists,
        "decisions": extras.decisions,
        "recipients": extras.recipients,
        "sample_profile": sample.map(|p| serde_json::json!({
            "slug": p.slug,
            "name": p.name.vi,
            "file": format!("content/{}/{}.md",
                if options.format == Format::Ours { "profiles" } else { "ho-so" }, p.slug),
            "url": format!("/ho-so/{}/", p.slug),
        })),
    });
    out.put(MANIFEST, format!("{manifest:#}\n"))?;
    Ok(Written {
        profiles: profiles.len(),
        words_vi: profiles.iter().map(|p| words(&p.body.vi)).sum(),
        words_en: profiles.iter().map(|p| words(&p.body.en)).sum(),
        extras,
    })
}

fn main() -> Result<(), Box<dyn Error>> {
    let options = Options::parse();
    if options.format == Format::Hugo && (options.award_lists || options.recipients > 0) {
        return Err("--award-lists and --recipients are for --format ours".into());
    }
    let start = Instant::now();
    let written = generate(&options)?;
    let n = written.profiles.max(1);
    println!(
        "{:?}: {} profiles (body words: vi {}, en {} on average), {} award lists, {} decisions with {} recipients -> {} in {:.2} s",
        options.format,
        written.profiles,
        written.words_vi / n,
        written.words_en / n,
        written.extras.award_lists,
        written.extras.decisions,
        written.extras.recipients,
        options.out.display(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(test)]
mod tests;
