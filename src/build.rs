//! The pipeline, end to end: load → assemble → render → write.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::{self, Config};
use crate::content;
use crate::diagnostic::boundary::OutputSource;
use crate::diagnostic::{Diagnostic, Diagnostics, Lang, Problem, display_path};
use crate::model::{self, AssembleOptions, Site};
use crate::output::{self, Origin, Staging};
use crate::render::theme::{self, StaticFile, Theme};
use crate::render::{CopiedFile, PageKind, PageRef, Renderer};

/// What `build` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site's folder (holding `site.toml`).
    pub root: PathBuf,
    /// Overrides `output_dir` of site.toml (relative to the current directory).
    pub output_dir: Option<PathBuf>,
    /// Overrides `base_url` of site.toml.
    pub base_url: Option<String>,
    /// Build drafts too.
    pub drafts: bool,
    /// The language of messages (`--lang`); `None`: the site's default language.
    pub lang: Option<Lang>,
}

/// What a successful build made.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub output_dir: PathBuf,
    pub pages: usize,
    pub copied: usize,
    pub profiles: usize,
}

/// Reads the configuration, applying command-line overrides.
pub fn load_config(options: &BuildOptions) -> Result<Config, Diagnostics> {
    let mut config = config::load(&options.root)?;
    if let Some(url) = &options.base_url {
        config
            .set_base_url(url)
            .map_err(|p| Diagnostic::file("--base-url", p))?;
    }
    if let Some(dir) = &options.output_dir {
        config.output_dir = dir.clone();
    }
    Ok(config)
}

/// Problems as the editor reads them: sorted, in the messages language.
pub fn finish(problems: Diagnostics, options: &BuildOptions) -> Diagnostics {
    problems
        .sorted()
        .localised(config::messages_language(&options.root, options.lang))
}

/// Loads and validates the whole site and its theme, reporting every problem.
pub fn load_site(options: &BuildOptions) -> Result<(Site, Theme), Diagnostics> {
    load(options).map_err(|p| finish(p, options))
}

fn load(options: &BuildOptions) -> Result<(Site, Theme), Diagnostics> {
    let config = load_config(options)?;
    let theme = theme::load(&config);
    let (content, problems) = content::load(&config);
    let site = model::assemble(
        config,
        content,
        problems,
        AssembleOptions {
            drafts: options.drafts,
        },
    );
    site_and_theme(site, theme)
}

/// Both, or the problems of either or both.
pub fn site_and_theme(
    site: Result<Site, Diagnostics>,
    theme: Result<Theme, Diagnostics>,
) -> Result<(Site, Theme), Diagnostics> {
    match (site, theme) {
        (Ok(site), Ok(theme)) => Ok((site, theme)),
        (Err(mut a), Err(b)) => {
            a.extend(b);
            Err(a.sorted())
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
    }
}

/// Builds the site into its output folder, replacing it only on success.
pub fn build_site(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    build(options).map_err(|p| finish(p, options))
}

fn build(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let config = load_config(options)?;
    output::check_output_dir(&config.root, &config.output_dir)?;
    let (site, theme) = load(options)?;
    let renderer = Renderer::new(&site, &theme);
    let pages = renderer.pages();
    let copied = renderer.copied_files();
    check_copied_files(&renderer, &pages, &copied)?;

    let target = site.config.output_dir.clone();
    let staging = Staging::new(&target).map_err(|e| io_problem(&target, &e))?;
    let mut problems: Diagnostics = Diagnostics(
        pages
            .par_iter()
            .filter_map(|&page| {
                let path = renderer.output_path(page);
                match renderer.render(page) {
                    Ok(bytes) => staging
                        .write(&path, &bytes)
                        .err()
                        .map(|e| io_problem(&staging.dir().join(&path), &e)),
                    Err(d) => Some(d),
                }
            })
            .collect(),
    );
    problems.extend(
        copied
            .par_iter()
            .filter_map(|f| {
                let r = match &f.source {
                    StaticFile::Embedded(bytes) => staging.write(&f.path, bytes),
                    StaticFile::OnDisk(from) => staging.copy(&f.path, from),
                };
                r.err()
                    .map(|e| io_problem(&staging.dir().join(&f.path), &e))
            })
            .collect::<Vec<_>>(),
    );
    if !problems.is_empty() {
        return Err(problems.sorted());
    }
    let output_dir = staging.commit().map_err(|e| io_problem(&target, &e))?;
    Ok(BuildReport {
        output_dir,
        pages: pages.len(),
        copied: copied.len(),
        profiles: site.profiles.len(),
    })
}

/// Every output a build writes, checked in one place
/// ([`output::check_outputs`]): inside the output folder, and no two at
/// one path (a static file may not replace a generated page or a photo).
pub(crate) fn check_copied_files(
    renderer: &Renderer,
    pages: &[PageRef],
    copied: &[CopiedFile],
) -> Result<(), Diagnostics> {
    let paths: Vec<String> = pages.iter().map(|&p| renderer.output_path(p)).collect();
    let pages = paths
        .iter()
        .zip(pages)
        .map(|(path, &page)| (path.as_str(), page_origin(renderer.site, page)));
    let copied = copied.iter().map(|f| (f.path.as_str(), f.origin.clone()));
    output::check_outputs(pages.chain(copied))
}

/// The content file a page is built from, or the site as a whole.
fn page_origin(site: &Site, page: PageRef) -> Origin {
    let source = match page {
        PageRef::Page { kind, .. } => match kind {
            PageKind::Profile(i) => Some(&site.profiles[i].source),
            PageKind::Campaign { index, .. } => Some(&site.campaigns[index].source),
            PageKind::AwardList(i) => Some(&site.award_lists[i].source),
            _ => None,
        },
        _ => None,
    };
    match source {
        Some(file) => Origin {
            file: file.clone(),
            line: None,
            source: OutputSource::PageOf(display_path(file)),
        },
        None => Origin {
            file: PathBuf::from(config::CONFIG_FILE),
            line: None,
            source: OutputSource::Generated,
        },
    }
}

fn io_problem(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::file(
        path,
        Problem::CannotWrite {
            detail: e.to_string(),
        },
    )
}
