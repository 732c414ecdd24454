//! Command-line arguments (clap derive types only).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::diagnostic::Lang;
use crate::scaffold::NewKind;

/// vinhdanh builds a bilingual website of exemplary collectives and
/// individuals, emulation campaigns and award decisions from markdown and TOML.
#[derive(Debug, Parser)]
#[command(name = "vinhdanh", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of messages: vi or en (default: the site's default language).
    #[arg(long, global = true, env = "VINHDANH_LANG", value_name = "vi|en")]
    pub lang: Option<Lang>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into its output folder (replaced whole, only on success).
    Build(BuildArgs),
    /// Check everything a build would, write nothing, then report what is not yet translated.
    Check(CheckArgs),
    /// Make a new content file with every field shown and explained.
    New(NewArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The site's folder, holding site.toml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Check drafts too.
    #[arg(long)]
    pub drafts: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// What to make: a profile, a campaign, or an award list (awards).
    pub kind: NewKind,
    /// The name: of the person or collective, of the campaign, or the award
    /// list's decision number. The file is named after it.
    pub name: String,
    /// The site's folder, holding site.toml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The site's folder, holding site.toml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Where to write the site (default: output_dir of site.toml, else public/ in the site).
    #[arg(long)]
    pub output_dir: Option<PathBuf>,
    /// Use this base URL instead of base_url of site.toml.
    #[arg(long)]
    pub base_url: Option<String>,
    /// Build drafts too (marked as drafts on their pages).
    #[arg(long)]
    pub drafts: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
