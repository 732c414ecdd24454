//! Command-line arguments: clap's derive types, and their words in the
//! messages language ([`help`], and [`usage`] for a mistyped command).

pub mod help;
pub mod usage;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::diagnostic::Lang;
use crate::scaffold::NewKind;

/// vinhdanh builds a bilingual website of exemplary collectives and
/// individuals, emulation campaigns and award decisions from markdown and TOML.
#[derive(Debug, Parser)]
#[command(
    name = "vinhdanh",
    version,
    about = "vinhdanh builds a bilingual website of exemplary collectives and individuals, emulation campaigns and award decisions",
    long_about = None
)]
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
    /// Preview the site: build it in memory, serve it, rebuild and reload on every edit.
    Serve(ServeArgs),
    /// Check everything a build would, write nothing, then report what is not yet translated.
    Check(CheckArgs),
    /// Make a new content file with every field shown and explained.
    New(NewArgs),
    /// Make a new, minimal site that builds at once.
    Init(InitArgs),
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The new site's folder, made with its parents if missing.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
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
    /// Award lists: who signed the decision (also in the file's name).
    #[arg(long)]
    pub issuer: Option<String>,
    /// Award lists: the decision's year (in the file's name).
    #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(u16).range(1000..=9999))]
    pub year: Option<u16>,
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

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The site's folder, holding site.toml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The address to listen on (127.0.0.1: only this computer can see the preview).
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
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
