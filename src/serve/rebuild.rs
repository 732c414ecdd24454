//! Rebuilding the site in memory after edits, doing only the work an edit
//! needs.
//!
//! * An edit that changed only the text of profiles or campaigns (the
//!   common case: an editor writing) parses those files again and puts the
//!   new texts into the last site, without assembling it again.
//! * Any other content edit loads the site again, taking unchanged files and
//!   markdown from caches, and assembles it.
//! * `site.toml` starts from scratch; templates, UI strings or the theme
//!   render every page again; `static/` only copies files again.
//!
//! Either way only pages whose inputs changed ([`crate::render::deps`]) are
//! rendered; every other page keeps its bytes from the last build. A build
//! with problems changes nothing: the server keeps the last good one, and
//! the edits stay pending until a build succeeds.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Bytes;
use rayon::prelude::*;

use super::memory::MemorySite;
use super::reload;
use crate::build::{BuildOptions, load_config, site_and_theme};
use crate::content::cache::{ParseCache, load_cached, text_edits};
use crate::content::{AWARDS_DIR, CONTENT_DIR};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{AssembleOptions, BodyCache, Retexted, Site, assemble_cached, retext};
use crate::render::Renderer;
use crate::render::deps::{Entity, PageInputs};
use crate::render::theme::{self, StaticFile, Theme};

/// What a successful rebuild made.
#[derive(Debug, Clone)]
pub struct Rebuilt {
    /// The whole site, to serve from now on.
    pub site: Arc<MemorySite>,
    /// Output paths added, changed or removed since the last good build.
    pub changed: Vec<String>,
    /// How many pages were rendered (the others were kept).
    pub rendered: usize,
    pub profiles: usize,
}

/// Keeps what the next rebuild can reuse.
pub struct Rebuilder {
    options: BuildOptions,
    parse_cache: ParseCache,
    bodies: BodyCache,
    last: Option<LastBuild>,
    pending: Pending,
}

/// The last good build and what it was made from.
struct LastBuild {
    site: Site,
    theme: Theme,
    files: Arc<MemorySite>,
    /// Output path → shape of the page's inputs.
    shapes: HashMap<String, u64>,
    /// Output path → the file on disk a copied file came from.
    copied_from: HashMap<String, PathBuf>,
}

/// Edits not yet in a good build.
#[derive(Default)]
struct Pending {
    config: bool,
    theme: bool,
    statics: bool,
    /// Changed paths under `content/`.
    content: Vec<PathBuf>,
    /// Every changed path (copied files are read again when under one).
    all: Vec<PathBuf>,
    /// A build failed since the last good one: the caches may hold files
    /// newer than the last site, so only a full assembly is trusted.
    failed: bool,
}

/// Which inputs an edit touched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Input {
    Config,
    Theme,
    Statics,
    Content,
}

fn classify(root: &Path, path: &Path) -> Option<Input> {
    let rel = path.strip_prefix(root).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    match first {
        crate::config::CONFIG_FILE => Some(Input::Config),
        CONTENT_DIR => Some(Input::Content),
        "static" => Some(Input::Statics),
        "templates" | "i18n" | "themes" => Some(Input::Theme),
        _ => None,
    }
}

/// Entities whose data changed, by source file: their own pages must be
/// rendered again (`own`), and every page that shows them too (`cards`).
#[derive(Default)]
struct Dirty {
    every_page: bool,
    own: HashSet<PathBuf>,
    cards: HashSet<PathBuf>,
}

impl Dirty {
    fn everything() -> Self {
        Dirty { every_page: true, ..Dirty::default() }
    }

    fn mark(&mut self, source: &Path) {
        self.own.insert(source.to_path_buf());
        self.cards.insert(source.to_path_buf());
    }

    fn needs_render(&self, renderer: &Renderer, inputs: &PageInputs) -> bool {
        let shown = |e: Entity| self.cards.contains(renderer.source_of(e));
        self.every_page
            || inputs.own.is_some_and(|e| shown(e) || self.own.contains(renderer.source_of(e)))
            || inputs.shows.iter().any(|&e| shown(e))
    }
}

impl Rebuilder {
    /// `options.root` should be absolute: changed paths are compared with it.
    pub fn new(options: BuildOptions) -> Self {
        Rebuilder {
            options,
            parse_cache: ParseCache::default(),
            bodies: BodyCache::default(),
            last: None,
            pending: Pending::default(),
        }
    }

    /// Builds again after `changed` paths (absolute) changed; the first call
    /// builds everything. `rescan` says that changes may have been missed.
    pub fn rebuild(&mut self, changed: &[PathBuf], rescan: bool) -> Result<Rebuilt, Diagnostics> {
        let p = &mut self.pending;
        p.config |= rescan;
        for path in changed {
            match classify(&self.options.root, path) {
                Some(Input::Config) => p.config = true,
                Some(Input::Theme) => p.theme = true,
                Some(Input::Statics) => p.statics = true,
                Some(Input::Content) => p.content.push(path.clone()),
                None => continue,
            }
            p.all.push(path.clone());
        }
        let result = self.run();
        match &result {
            Ok(_) => self.pending = Pending::default(),
            Err(_) => self.pending.failed = true,
        }
        result
    }

    fn run(&mut self) -> Result<Rebuilt, Diagnostics> {
        let p = &self.pending;
        if self.last.is_some() && !p.config && !p.theme && !p.failed {
            if !p.content.is_empty() && !p.statics {
                if let Some(rebuilt) = self.text_only()? {
                    return Ok(rebuilt);
                }
            } else if p.content.is_empty() {
                return self.statics_only();
            }
        }
        self.assemble()
    }

    /// Edits that changed only text: new texts into the last site.
    fn text_only(&mut self) -> Result<Option<Rebuilt>, Diagnostics> {
        let Some(last) = self.last.as_mut() else { return Ok(None) };
        let Some(edits) = text_edits(&last.site.config, &mut self.parse_cache, &self.pending.content) else {
            return Ok(None);
        };
        let Some(done) = retext(&mut last.site, &edits, Some(&self.bodies)) else { return Ok(None) };
        let dirty = dirty_of_retext(&last.site, &done);
        let out = render(&last.site, &last.theme, &dirty, Some(last), &self.pending.all)?;
        Ok(Some(out.into_last(last)))
    }

    /// Only static files changed: the theme lists them; pages stay.
    fn statics_only(&mut self) -> Result<Rebuilt, Diagnostics> {
        let Some(last) = self.last.as_mut() else { return self.assemble() };
        last.theme = theme::load(&last.site.config)?;
        let out = render(&last.site, &last.theme, &Dirty::default(), Some(last), &self.pending.all)?;
        Ok(out.into_last(last))
    }

    /// Loads (from the caches) and assembles the whole site.
    fn assemble(&mut self) -> Result<Rebuilt, Diagnostics> {
        let p = &self.pending;
        if p.config {
            self.parse_cache.clear();
            self.bodies = BodyCache::default();
        }
        self.parse_cache.forget(&p.content);
        let config = load_config(&self.options)?;
        let theme = theme::load(&config);
        let (content, problems) = load_cached(&config, &mut self.parse_cache);
        let site = assemble_cached(config, content, problems, AssembleOptions { drafts: self.options.drafts }, Some(&self.bodies));
        self.bodies.finish_round();
        let (site, theme) = site_and_theme(site, theme)?;

        let last = self.last.as_ref();
        let dirty = match last {
            Some(last) if !p.config && !p.theme => dirty_of_changes(&self.options.root, &p.content, &[&last.site, &site]),
            _ => Dirty::everything(),
        };
        let out = render(&site, &theme, &dirty, last, &p.all)?;
        let rebuilt = Rebuilt { site: Arc::clone(&out.files), changed: out.changed, rendered: out.rendered, profiles: site.profiles.len() };
        self.last = Some(LastBuild { site, theme, files: out.files, shapes: out.shapes, copied_from: out.copied_from });
        Ok(rebuilt)
    }
}

/// Whether a change at `changed` (relative to the root) touches the entity
/// from `source`: its own file or a folder holding it, a translation beside
/// it (`x.en.md` for `x.md`), a file in its bundle, a CSV of award lists.
fn touches(changed: &Path, source: &Path) -> bool {
    if source.starts_with(changed) {
        return true;
    }
    let (Some(dir), Some(stem)) = (source.parent(), source.file_stem().and_then(|s| s.to_str())) else {
        return false;
    };
    let beside = changed.parent() == Some(dir)
        && changed.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&format!("{stem}.")));
    let in_bundle = stem == "index" && changed.starts_with(dir);
    let award_csv = source.starts_with(Path::new(CONTENT_DIR).join(AWARDS_DIR))
        && changed.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    beside || in_bundle || award_csv
}

/// Entities touched by changed content files, in the last site and the new
/// one, with what shows their data: an award list's recipients show its
/// awards, a campaign's award lists show its name.
fn dirty_of_changes(root: &Path, changed: &[PathBuf], sites: &[&Site]) -> Dirty {
    let changed: Vec<&Path> = changed.iter().filter_map(|c| c.strip_prefix(root).ok()).collect();
    let touched = |source: &Path| changed.iter().any(|c| touches(c, source));
    let mut dirty = Dirty::default();
    for site in sites {
        for p in site.profiles.iter().filter(|p| touched(&p.source)) {
            dirty.mark(&p.source);
        }
        for c in site.campaigns.iter().filter(|c| touched(&c.source)) {
            dirty.mark(&c.source);
            for &l in &c.award_lists {
                dirty.cards.insert(site.award_lists[l].source.clone());
            }
        }
        for l in site.award_lists.iter().filter(|l| touched(&l.source)) {
            dirty.mark(&l.source);
            for p in l.recipients.iter().filter_map(|r| r.profile) {
                dirty.cards.insert(site.profiles[p].source.clone());
            }
        }
    }
    dirty
}

fn dirty_of_retext(site: &Site, done: &Retexted) -> Dirty {
    let mut dirty = Dirty::default();
    for &(i, shown_elsewhere) in &done.profiles {
        let source = &site.profiles[i].source;
        dirty.own.insert(source.clone());
        if shown_elsewhere {
            dirty.cards.insert(source.clone());
        }
    }
    for &i in &done.campaigns {
        dirty.own.insert(site.campaigns[i].source.clone());
    }
    dirty
}

/// The files of one build.
struct Output {
    files: Arc<MemorySite>,
    shapes: HashMap<String, u64>,
    copied_from: HashMap<String, PathBuf>,
    changed: Vec<String>,
    rendered: usize,
}

impl Output {
    /// Makes this the last build (of the same site and theme).
    fn into_last(self, last: &mut LastBuild) -> Rebuilt {
        last.files = Arc::clone(&self.files);
        last.shapes = self.shapes;
        last.copied_from = self.copied_from;
        Rebuilt { site: self.files, changed: self.changed, rendered: self.rendered, profiles: last.site.profiles.len() }
    }
}

/// Renders the pages `dirty` and the shapes say changed, keeps the others
/// from `last`, and copies static files (reading again those under a
/// changed path).
fn render(site: &Site, theme: &Theme, dirty: &Dirty, last: Option<&LastBuild>, changed: &[PathBuf]) -> Result<Output, Diagnostics> {
    let renderer = Renderer::new(site, theme);
    let pages: Vec<_> = renderer
        .pages()
        .into_par_iter()
        .map(|page| (page, renderer.output_path(page), renderer.inputs(page)))
        .collect();
    let old_shapes = last.map(|l| &l.shapes);
    let page_set_changed = old_shapes
        .is_none_or(|old| old.len() != pages.len() || pages.iter().any(|(_, path, _)| !old.contains_key(path)));
    let old_file = |path: &str| last.and_then(|l| l.files.get(path));

    let results: Vec<(&str, Option<Result<Vec<u8>, Diagnostic>>)> = pages
        .par_iter()
        .map(|(page, path, inputs)| {
            let keep = old_file(path).is_some()
                && old_shapes.and_then(|s| s.get(path)) == Some(&inputs.shape)
                && !(inputs.lists_pages && page_set_changed)
                && !dirty.needs_render(&renderer, inputs);
            let fresh = (!keep).then(|| {
                renderer.render(*page).map(|bytes| if path.ends_with(".html") { reload::inject(&bytes, path) } else { bytes })
            });
            (path.as_str(), fresh)
        })
        .collect();

    let mut problems = Diagnostics::new();
    let mut files = MemorySite::with_capacity(pages.len());
    let mut out_changed = Vec::new();
    let mut rendered = 0;
    for (path, fresh) in results {
        match fresh {
            Some(Ok(bytes)) => {
                rendered += 1;
                if old_file(path).is_none_or(|old| old[..] != bytes[..]) {
                    out_changed.push(path.to_owned());
                }
                files.insert(path.to_owned(), Bytes::from(bytes));
            }
            Some(Err(d)) => problems.push(d),
            None => {
                if let Some(old) = old_file(path) {
                    files.insert(path.to_owned(), old.clone());
                }
            }
        }
    }

    let mut copied_from = HashMap::new();
    for file in renderer.copied_files() {
        let bytes = match &file.source {
            StaticFile::Embedded(bytes) => Bytes::from_static(bytes),
            StaticFile::OnDisk(from) => {
                let unchanged = last.is_some_and(|l| l.copied_from.get(&file.path) == Some(from))
                    && !changed.iter().any(|c| from.starts_with(c));
                copied_from.insert(file.path.clone(), from.clone());
                match old_file(&file.path).filter(|_| unchanged) {
                    Some(old) => old.clone(),
                    None => match std::fs::read(from) {
                        Ok(bytes) => Bytes::from(bytes),
                        Err(e) => {
                            problems.push(Diagnostic::file(from, format!("cannot read this file: {e}")));
                            continue;
                        }
                    },
                }
            }
        };
        if old_file(&file.path) != Some(&bytes) {
            out_changed.push(file.path.clone());
        }
        files.insert(file.path, bytes);
    }
    if !problems.is_empty() {
        return Err(problems.sorted());
    }
    if let Some(last) = last {
        out_changed.extend(last.files.iter().filter(|(path, _)| files.get(path).is_none()).map(|(path, _)| path.to_owned()));
    }
    let shapes = pages.into_iter().map(|(_, path, inputs)| (path, inputs.shape)).collect();
    Ok(Output { files: Arc::new(files), shapes, copied_from, changed: out_changed, rendered })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_change_touches() {
        let p = Path::new;
        assert!(touches(p("content/profiles/a.md"), p("content/profiles/a.md")));
        assert!(touches(p("content/profiles/a.en.md"), p("content/profiles/a.md")));
        assert!(touches(p("content/profiles"), p("content/profiles/a.md")));
        assert!(touches(p("content/profiles/a/photo.jpg"), p("content/profiles/a/index.md")));
        assert!(touches(p("content/awards/x.csv"), p("content/awards/y.toml")));
        assert!(!touches(p("content/profiles/ab.md"), p("content/profiles/a.md")));
        assert!(!touches(p("content/profiles/b/index.md"), p("content/profiles/a/index.md")));
    }

    #[test]
    fn inputs_are_classified_by_their_folder() {
        let root = Path::new("/site");
        assert_eq!(classify(root, Path::new("/site/site.toml")), Some(Input::Config));
        assert_eq!(classify(root, Path::new("/site/content/profiles/a.md")), Some(Input::Content));
        assert_eq!(classify(root, Path::new("/site/static/x.css")), Some(Input::Statics));
        assert_eq!(classify(root, Path::new("/site/themes/t/templates/a.html")), Some(Input::Theme));
        assert_eq!(classify(root, Path::new("/site/public/index.html")), None);
        assert_eq!(classify(root, Path::new("/elsewhere/site.toml")), None);
    }
}
