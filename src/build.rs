//! The pipeline, end to end: load (configuration read once) → assemble →
//! render → write into a staging folder swapped in on success.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::config::{self, Config};
use crate::content;
use crate::diagnostic::messages::Note;
use crate::diagnostic::{Diagnostic, Diagnostics, Lang, OutputProblem};
use crate::model::{self, AssembleOptions, Site};
use crate::output::{self, Staging};
use crate::photo;
use crate::render::emit::Emitting;
use crate::render::theme::{self, StaticFile, Theme};
use crate::render::{self, CopiedFile, PageSink, Renderer, WriteError};

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
    /// The photo cache folder; `None`: `VINHDANH_CACHE` or the user's
    /// cache folder ([`crate::photo::cache_folder`]).
    pub cache_dir: Option<PathBuf>,
}

/// What a successful build made.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub output_dir: PathBuf,
    pub pages: usize,
    pub copied: usize,
    pub profiles: usize,
    /// The language of messages.
    pub lang: Lang,
    /// Photos decoded and encoded anew (not found in the photo cache).
    pub photos_encoded: usize,
    /// Notes on the content (not errors), to print beside the summary.
    pub notes: Vec<Note>,
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

/// The language of messages: `--lang`, else the site's default language.
pub fn messages_lang(options: &BuildOptions, config: &Config) -> Lang {
    options
        .lang
        .unwrap_or_else(|| Lang::for_site_language(&config.default_language().code))
}

/// Problems as the editor reads them: sorted, in the messages language.
/// For when `site.toml` could not be loaded: it reads what it can of it.
pub fn finish(problems: Diagnostics, options: &BuildOptions) -> Diagnostics {
    problems
        .sorted()
        .localised(config::messages_language(&options.root, options.lang))
}

/// A site loaded for one command, from one reading of its configuration.
pub struct Loaded {
    pub site: Site,
    pub theme: Theme,
    /// The language of messages.
    pub lang: Lang,
    /// Photos decoded and encoded anew (see [`publish_photos`]).
    pub photos_encoded: usize,
}

/// Loads and validates the whole site and its theme, reporting every problem.
pub fn load_site(options: &BuildOptions) -> Result<(Site, Theme), Diagnostics> {
    let config = load_config(options).map_err(|p| finish(p, options))?;
    load(options, config).map(|l| (l.site, l.theme))
}

/// Loads the content and theme of a site whose configuration is read;
/// problems come sorted, in the messages language. Photos are checked
/// against the photo cache, which is not written (`check`).
pub fn load(options: &BuildOptions, config: Config) -> Result<Loaded, Diagnostics> {
    load_with(options, config, false)
}

/// [`load`], with the photos' copies made and cached when `write`.
fn load_with(options: &BuildOptions, config: Config, write: bool) -> Result<Loaded, Diagnostics> {
    let lang = messages_lang(options, &config);
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
    let said = |p: Diagnostics| p.sorted().localised(lang);
    let (mut site, theme) = site_and_theme(site, theme).map_err(said)?;
    let photos_encoded =
        publish_photos(&mut site, options.cache_dir.as_deref(), write).map_err(said)?;
    Ok(Loaded {
        site,
        theme,
        lang,
        photos_encoded,
    })
}

/// Fills the copies of the site's photos from the photo cache (writing
/// new ones when `write`); the number of photos encoded anew.
pub fn publish_photos(
    site: &mut Site,
    cache_dir: Option<&Path>,
    write: bool,
) -> Result<usize, Diagnostics> {
    if site.profiles.iter().all(|p| p.photo.is_none()) {
        return Ok(0);
    }
    let config = &site.config;
    let cache = photo::open_cache(
        photo::cache_folder(cache_dir),
        &config.root,
        &config.output_dir,
        write,
    )
    .map_err(|p| Diagnostic::file(crate::vocab::CONFIG_FILE, p))?;
    photo::publish(site, &cache)?;
    Ok(cache.encoded())
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
/// Problems come sorted, in the messages language.
pub fn build_site(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let config = load_config(options).map_err(|p| finish(p, options))?;
    let lang = messages_lang(options, &config);
    let said = |p: Diagnostics| p.sorted().localised(lang);
    output::check_output_dir(&config.root, &config.output_dir).map_err(|d| said(d.into()))?;
    let loaded = load_with(options, config, true)?;
    let site = &loaded.site;
    let renderer = Renderer::new(site, &loaded.theme);
    let target = site.config.output_dir.clone();
    let staging = Staging::new(&target).map_err(|e| said(io_problem(&target, &e).into()))?;
    let emitted = render::emit(&renderer, &StagingSink(&staging)).map_err(said)?;
    let output_dir = staging
        .commit()
        .map_err(|e| said(io_problem(&target, &e).into()))?;
    Ok(BuildReport {
        output_dir,
        pages: emitted.pages,
        copied: emitted.copied,
        profiles: site.profiles.len(),
        lang,
        photos_encoded: loaded.photos_encoded,
        notes: site.notes.clone(),
    })
}

/// `build`: every file written into the staging folder.
struct StagingSink<'a>(&'a Staging);

impl PageSink for StagingSink<'_> {
    fn page(&self, page: Emitting<'_>) -> Result<(), Diagnostic> {
        let io = |e: std::io::Error| io_problem(&self.0.dir().join(&page.path), &e);
        let file = self.0.create(&page.path).map_err(io)?;
        // Written as it is made: an open data file of 200,000 records is
        // never held whole.
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, file);
        match page.write_to(&mut out) {
            Ok(()) => out.flush().map_err(io),
            Err(WriteError::Render(d)) => Err(d),
            Err(WriteError::Io(e)) => Err(io(e)),
        }
    }

    fn copy(&self, f: &CopiedFile) -> Result<(), Diagnostic> {
        let r = match &f.source {
            StaticFile::Embedded(bytes) => self.0.write(&f.path, bytes),
            StaticFile::OnDisk(from) => self.0.copy(&f.path, from),
            StaticFile::Cached(from) => self.0.link_or_copy(&f.path, from),
        };
        r.map_err(|e| io_problem(&self.0.dir().join(&f.path), &e))
    }
}

fn io_problem(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::file(
        path,
        OutputProblem::CannotWrite {
            detail: e.to_string(),
        },
    )
}
