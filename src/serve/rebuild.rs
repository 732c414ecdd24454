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
//! Either way only pages that show something else than before
//! ([`crate::render::inputs`]) are rendered; every other page keeps its
//! bytes from the last build. A build
//! with problems changes nothing: the server keeps the last good one, and
//! the edits stay pending until a build succeeds.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::memory::{Leftovers, MemorySite};
use super::pages::{Built, render_all, render_first, render_some};
use crate::build::{BuildOptions, finish, load_config, site_and_theme};
use crate::content::cache::{ParseCache, load_cached, quick_edits, text_edits};
use crate::diagnostic::Diagnostics;
use crate::model::{AssembleOptions, ProfileId, Site, assemble, patch, retext};
use crate::render::theme::{self, Theme};
use crate::render::{Entity, PageKind, PageRef};
use crate::vocab::{CONFIG_FILE, CONTENT_DIR, I18N_DIR, STATIC_DIR, TEMPLATES_DIR, THEMES_DIR};

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
    last: Option<LastBuild>,
    pending: Pending,
    /// Raised when another edit arrived ([`Rebuilder::yield_to`]).
    next_edit: Option<Arc<AtomicBool>>,
    /// The last rebuild gave way to the next edit.
    gave_way: bool,
    /// What rebuilds replaced or gave up, to free when no edit waits.
    leftovers: Leftovers,
}

/// The last good build and what it was made from.
struct LastBuild {
    site: Site,
    theme: Theme,
    built: Built,
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
    /// A first look ([`Rebuilder::quick`]) put edited files into the last
    /// site: it no longer matches the last build, so only a full assembly is
    /// trusted.
    patched: bool,
    /// The files the last first look published: the next one starts from them.
    shown: Option<Arc<MemorySite>>,
    /// The latest batch had a first look: the whole site may give way to
    /// the next edit (its pages are shown already).
    may_yield: bool,
}

/// What [`Rebuilder::quick`] made of a batch of edits.
pub enum Quick {
    /// The whole rebuild, done (an edit of text only): nothing follows.
    Done(Rebuilt),
    /// The edited pages, in the last build's files: the whole site follows
    /// ([`Rebuilder::rebuild`]), and replaces them.
    First(Rebuilt),
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
        CONFIG_FILE => Some(Input::Config),
        CONTENT_DIR => Some(Input::Content),
        STATIC_DIR => Some(Input::Statics),
        TEMPLATES_DIR | I18N_DIR | THEMES_DIR => Some(Input::Theme),
        _ => None,
    }
}

impl Rebuilder {
    /// `options.root` should be absolute: changed paths are compared with it.
    pub fn new(options: BuildOptions) -> Self {
        Rebuilder {
            options,
            parse_cache: ParseCache::default(),
            last: None,
            pending: Pending::default(),
            next_edit: None,
            gave_way: false,
            leftovers: Leftovers::default(),
        }
    }

    /// While the whole site is built after a first look, `next_edit` being
    /// raised makes the rebuild stop and give way ([`Rebuilder::gave_way`]):
    /// the next edit gets its first look at once, and the whole site is
    /// built once the edits pause. Its edits stay pending.
    pub fn yield_to(&mut self, next_edit: Arc<AtomicBool>) {
        self.next_edit = Some(next_edit);
    }

    /// Whether the last [`Rebuilder::rebuild`] stopped for the next edit
    /// (its `Err` then holds no problem).
    pub fn gave_way(&self) -> bool {
        self.gave_way
    }

    fn next_edit_waits(&self) -> bool {
        self.pending.may_yield
            && self
                .next_edit
                .as_ref()
                .is_some_and(|f| f.load(Ordering::Acquire))
    }

    /// Frees what earlier rebuilds replaced or gave up, and gives the
    /// memory back: for when no edit waits (after a build is served).
    pub fn tidy(&mut self) {
        self.leftovers.free();
    }

    /// The site's folder.
    pub fn root(&self) -> &Path {
        &self.options.root
    }

    /// The language of messages: `--lang`, else the site's default language.
    pub fn lang(&self) -> crate::diagnostic::Lang {
        crate::config::messages_language(&self.options.root, self.options.lang)
    }

    /// Builds again after `changed` paths (absolute) changed; the first call
    /// builds everything. `rescan` says that changes may have been missed.
    /// Problems come sorted, in the messages language.
    pub fn rebuild(&mut self, changed: &[PathBuf], rescan: bool) -> Result<Rebuilt, Diagnostics> {
        self.note(changed, rescan);
        self.gave_way = false;
        let result = self.run();
        match &result {
            Ok(_) => self.pending = Pending::default(),
            Err(_) if self.gave_way => return Err(Diagnostics::new()),
            Err(_) => self.pending.failed = true,
        }
        result.map_err(|problems| finish(problems, &self.options))
    }

    /// The edited pages first, in well under the time the whole site takes:
    /// a text-only edit is done whole ([`Quick::Done`]); an edit of one
    /// profile, campaign or award list (front matter, translation,
    /// spreadsheet, a file added or deleted) is put into the last site and
    /// its own pages rendered ([`Quick::First`]), and the whole site must
    /// follow with [`Rebuilder::rebuild`] (`changed` are noted: pass none
    /// again). `None`: nothing to show before the whole site (the first
    /// build, the configuration or theme, a problem in an edited file).
    pub fn quick(&mut self, changed: &[PathBuf], rescan: bool) -> Option<Quick> {
        self.note(changed, rescan);
        self.pending.may_yield = false;
        let p = &self.pending;
        if self.last.is_none() || p.config || p.theme || p.statics || p.failed {
            return None;
        }
        if p.content.is_empty() {
            return None;
        }
        if p.patched {
            // The last site is patched already: patched again.
            return self.first_look().map(Quick::First);
        }
        match self.text_only() {
            Ok(Some(rebuilt)) => {
                self.pending = Pending::default();
                return Some(Quick::Done(rebuilt));
            }
            Ok(None) => {}
            Err(_) => {
                // The whole site reports it, as it would have.
                self.pending.failed = true;
                return None;
            }
        }
        self.first_look().map(Quick::First)
    }

    /// Puts the edited files into the last site and renders their pages.
    fn first_look(&mut self) -> Option<Rebuilt> {
        let last = self.last.as_mut()?;
        if self
            .pending
            .all
            .iter()
            .any(|c| last.built.is_copied_from(c))
        {
            return None;
        }
        let edits = quick_edits(&last.site.config, &self.parse_cache, &self.pending.content)?;
        if edits.is_empty() {
            return None;
        }
        let done = patch(&mut last.site, edits)?;
        self.pending.patched = true;
        let built = &last.built;
        let own = |e: Entity| built.pages_of(e, false).map(|i| built.maps.pages[i].page);
        // A profile's page in every language (a new one has none in the last build).
        let langs = last.site.config.languages.len();
        let profile_pages = |i: ProfileId| {
            (0..langs).map(move |lang| PageRef::Page {
                lang,
                kind: PageKind::Profile(i),
            })
        };
        let mut pages: Vec<PageRef> = Vec::new();
        for &i in done.profiles.iter().chain(&done.added) {
            pages.extend(profile_pages(i));
        }
        for &i in &done.campaigns {
            pages.extend(own(Entity::Campaign(i)));
        }
        for &i in &done.award_lists {
            pages.extend(own(Entity::AwardList(i)));
        }
        let mut gone: Vec<PageRef> = Vec::new();
        for &i in &done.gone_profiles {
            gone.extend(profile_pages(i));
        }
        for &i in &done.gone_campaigns {
            gone.extend(own(Entity::Campaign(i)));
        }
        for &i in &done.gone_award_lists {
            gone.extend(own(Entity::AwardList(i)));
        }
        last.built.prepared.patch(
            &last.site,
            &last.theme,
            &[done.profiles.as_slice(), done.added.as_slice()].concat(),
            &done.campaigns,
            &done.award_lists,
        );
        let base: &MemorySite = self.pending.shown.as_ref().unwrap_or(&last.built.files);
        let (files, out) = render_first(
            &last.site,
            &last.theme,
            base,
            &last.built.prepared,
            &pages,
            &gone,
        )
        .ok()?;
        let files = Arc::new(files);
        self.pending.shown = Some(Arc::clone(&files));
        self.pending.may_yield = true;
        Some(Rebuilt {
            site: files,
            changed: out.changed,
            rendered: out.rendered,
            profiles: last.site.profiles.len(),
        })
    }

    /// Adds `changed` paths to the edits pending.
    fn note(&mut self, changed: &[PathBuf], rescan: bool) {
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
    }

    fn run(&mut self) -> Result<Rebuilt, Diagnostics> {
        let p = &self.pending;
        if self.last.is_some() && !p.config && !p.theme && !p.failed && !p.patched {
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

    /// Edits that changed only text: new texts into the last site, and
    /// only the pages of the edited entities rendered.
    fn text_only(&mut self) -> Result<Option<Rebuilt>, Diagnostics> {
        let Some(last) = self.last.as_mut() else {
            return Ok(None);
        };
        // A photo that went away is not text: the site must be checked.
        let photo_of_last = |c: &PathBuf| {
            last.site
                .profiles
                .iter()
                .filter_map(|p| p.photo.as_ref())
                .any(|ph| ph.file.starts_with(c))
        };
        if self
            .pending
            .all
            .iter()
            .any(|c| last.built.is_copied_from(c) || photo_of_last(c))
        {
            return Ok(None);
        }
        let Some(edits) = text_edits(
            &last.site.config,
            &mut self.parse_cache,
            &self.pending.content,
        ) else {
            return Ok(None);
        };
        let Some(done) = retext(&mut last.site, edits) else {
            return Ok(None);
        };
        let mut pages: Vec<usize> = done
            .profiles
            .iter()
            .flat_map(|&(i, shown_elsewhere)| {
                last.built.pages_of(Entity::Profile(i), shown_elsewhere)
            })
            .chain(
                done.campaigns
                    .iter()
                    .flat_map(|&i| last.built.pages_of(Entity::Campaign(i), false)),
            )
            .collect();
        pages.sort_unstable();
        pages.dedup();
        let profiles: Vec<ProfileId> = done.profiles.iter().map(|&(i, _)| i).collect();
        let out = render_some(
            &last.site,
            &last.theme,
            &mut last.built,
            &pages,
            (&profiles, &done.campaigns),
        )?;
        Ok(Some(Rebuilt {
            site: Arc::clone(&last.built.files),
            changed: out.changed,
            rendered: out.rendered,
            profiles: last.site.profiles.len(),
        }))
    }

    /// Only static files changed: the theme lists them; pages stay.
    fn statics_only(&mut self) -> Result<Rebuilt, Diagnostics> {
        let Some(last) = self.last.as_mut() else {
            return self.assemble();
        };
        last.theme = theme::load(&last.site.config)?;
        let (built, out) = render_all(
            &last.site,
            &last.theme,
            Some(&last.built),
            &self.pending.all,
            false,
            None,
            &mut self.leftovers,
        )?;
        if let Some(built) = built {
            last.built = built;
        }
        Ok(Rebuilt {
            site: Arc::clone(&last.built.files),
            changed: out.changed,
            rendered: out.rendered,
            profiles: last.site.profiles.len(),
        })
    }

    /// Loads (from the caches) and assembles the whole site.
    fn assemble(&mut self) -> Result<Rebuilt, Diagnostics> {
        let p = &self.pending;
        if p.config {
            self.parse_cache.clear();
        }
        self.parse_cache.forget(&p.content);
        let config = load_config(&self.options)?;
        let theme = theme::load(&config);
        let (content, problems) = load_cached(&config, &mut self.parse_cache);
        if self.next_edit_waits() {
            self.gave_way = true;
            return Err(Diagnostics::new());
        }
        let site = assemble(
            config,
            content,
            problems,
            AssembleOptions {
                drafts: self.options.drafts,
            },
        );
        if self.next_edit_waits() {
            self.gave_way = true;
            return Err(Diagnostics::new());
        }
        let (mut site, theme) = site_and_theme(site, theme)?;
        // Only a new or changed photo is encoded; the others come from the cache.
        crate::build::publish_photos(&mut site, self.options.cache_dir.as_deref(), true)?;

        let last = self.last.as_ref();
        let every = last.is_none() || p.config || p.theme;
        let stop = self.next_edit.as_deref().filter(|_| self.pending.may_yield);
        let leftovers = &mut self.leftovers;
        let (built, out) = render_all(
            &site,
            &theme,
            last.map(|l| &l.built),
            &p.all,
            every,
            stop,
            leftovers,
        )?;
        let Some(built) = built else {
            leftovers.keep((site, theme));
            self.gave_way = true;
            return Err(Diagnostics::new());
        };
        let rebuilt = Rebuilt {
            site: Arc::clone(&built.files),
            changed: out.changed,
            rendered: out.rendered,
            profiles: site.profiles.len(),
        };
        // The build replaced is freed once this one is served.
        if let Some(replaced) = self.last.replace(LastBuild { site, theme, built }) {
            self.leftovers.keep(replaced);
        }
        Ok(rebuilt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_classified_by_their_folder() {
        let root = Path::new("/site");
        assert_eq!(
            classify(root, Path::new("/site/site.toml")),
            Some(Input::Config)
        );
        assert_eq!(
            classify(root, Path::new("/site/content/profiles/a.md")),
            Some(Input::Content)
        );
        assert_eq!(
            classify(root, Path::new("/site/static/x.css")),
            Some(Input::Statics)
        );
        assert_eq!(
            classify(root, Path::new("/site/themes/t/templates/a.html")),
            Some(Input::Theme)
        );
        assert_eq!(classify(root, Path::new("/site/public/index.html")), None);
        assert_eq!(classify(root, Path::new("/elsewhere/site.toml")), None);
    }
}
