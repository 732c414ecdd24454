//! The pipeline, end to end: load → assemble → render → write.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::{self, Config};
use crate::content;
use crate::diagnostic::{Diagnostic, Diagnostics, Lang, OutputProblem, ThemeProblem};
use crate::model::{self, AssembleOptions, Site};
use crate::output::{self, Staging};
use crate::render::theme::{self, StaticFile, Theme};
use crate::render::{CopiedFile, PageRef, Renderer};
use crate::vocab::STATIC_DIR;

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

/// A static file may not take the place of a generated page or feed.
pub(crate) fn check_copied_files(
    renderer: &Renderer,
    pages: &[PageRef],
    copied: &[CopiedFile],
) -> Result<(), Diagnostics> {
    let generated: HashSet<String> = pages.iter().map(|&p| renderer.output_path(p)).collect();
    let clashes: Vec<Diagnostic> = copied
        .iter()
        .filter(|f| generated.contains(&f.path))
        .map(|f| {
            Diagnostic::file(
                PathBuf::from(STATIC_DIR).join(&f.path),
                ThemeProblem::StaticShadowsPage {
                    page: f.path.clone(),
                },
            )
        })
        .collect();
    Diagnostics(clashes).into_result(())
}

fn io_problem(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::file(
        path,
        OutputProblem::CannotWrite {
            detail: e.to_string(),
        },
    )
}
