//! Rendering a build's files into memory, reusing the last build's bytes
//! for every page that shows the same as before.
//!
//! [`render_all`] emits every page into a [`MemorySink`], which renders a
//! page only when the hash of its value differs from the last build's
//! ([`crate::render::inputs`]); it also records which pages show which
//! entity, so that after a text-only edit [`render_some`] renders exactly
//! the pages of the edited entities without building every page's value.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, PoisonError};

use axum::body::Bytes;
use foldhash::HashMap as FastMap;

use super::memory::{FileBytes, Leftovers, MemorySite};
use super::reload;
use crate::diagnostic::messages::Unreadable;
use crate::diagnostic::{Diagnostic, Diagnostics, FileProblem};
use crate::model::{CampaignId, ProfileId, Site};
use crate::render::data::{Chunks, DataChunks};
use crate::render::emit::{Emitting, emit_pages};
use crate::render::theme::{StaticFile, Theme};
use crate::render::{self, CopiedFile, Entity, PageRef, PageSink, Piece, Prepared, Renderer};

/// A page of a build.
pub struct BuiltPage {
    pub page: PageRef,
    pub path: String,
    /// The hash of its value.
    pub hash: u64,
}

/// The files of a good build and what the next one needs to know of them.
pub struct Built {
    pub files: Arc<MemorySite>,
    pub maps: PageMaps,
    /// Output path → the file on disk a copied file came from.
    copied_from: HashMap<String, PathBuf>,
    /// The template values of the build's site, refreshed by text-only edits.
    pub prepared: Prepared,
    /// The bytes of open data the next build may reuse.
    chunks: Chunks,
}

/// A build's pages, and what finds them (hashed with foldhash, as
/// [`MemorySite`]: a rebuild makes them for every page).
pub struct PageMaps {
    pub pages: Vec<BuiltPage>,
    /// Output path → index into `pages`.
    index: FastMap<String, usize>,
    /// Pages that are an entity's own (its page in every language).
    own_pages: FastMap<Entity, Vec<usize>>,
    /// Pages that show an entity as a card or a link.
    shown_on: FastMap<Entity, Vec<usize>>,
}

impl PageMaps {
    fn of(built: Vec<(BuiltPage, render::Inputs)>) -> Self {
        let mut maps = PageMaps {
            pages: Vec::with_capacity(built.len()),
            index: FastMap::with_capacity_and_hasher(built.len(), Default::default()),
            own_pages: FastMap::default(),
            shown_on: FastMap::default(),
        };
        for (i, (page, inputs)) in built.into_iter().enumerate() {
            if let Some(e) = inputs.own {
                maps.own_pages.entry(e).or_default().push(i);
            }
            for e in inputs.shows {
                maps.shown_on.entry(e).or_default().push(i);
            }
            maps.index.insert(page.path.clone(), i);
            maps.pages.push(page);
        }
        maps
    }
}

/// What one rendering changed.
pub struct Rendered {
    pub changed: Vec<String>,
    pub rendered: usize,
}

impl Built {
    /// The file on disk that `path` was copied from, if any.
    pub fn is_copied_from(&self, path: &Path) -> bool {
        self.copied_from.values().any(|from| from.starts_with(path))
    }

    /// The pages of `entity`: its own, and with `shown` those showing it too.
    pub fn pages_of(&self, entity: Entity, shown: bool) -> impl Iterator<Item = usize> + '_ {
        let own = self.maps.own_pages.get(&entity).into_iter().flatten();
        let others = self
            .maps
            .shown_on
            .get(&entity)
            .filter(|_| shown)
            .into_iter()
            .flatten();
        own.chain(others).copied()
    }

    fn old(&self, path: &str) -> Option<(&BuiltPage, &FileBytes)> {
        let page = &self.maps.pages[*self.maps.index.get(path)?];
        Some((page, self.files.get(path)?))
    }
}

/// `serve`: pages into memory, rendered only when needed.
struct MemorySink<'a> {
    last: Option<&'a Built>,
    /// Render every page, whatever its hash (the theme or configuration changed).
    every: bool,
    /// Changed paths: copied files under them are read again.
    changed: &'a [PathBuf],
    out: Mutex<Collected>,
}

#[derive(Default)]
struct Collected {
    files: MemorySite,
    pages: Vec<(BuiltPage, render::Inputs)>,
    copied_from: HashMap<String, PathBuf>,
    changed: Vec<String>,
    rendered: usize,
}

impl MemorySink<'_> {
    fn collected(&self) -> std::sync::MutexGuard<'_, Collected> {
        self.out.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn put(&self, out: &mut Collected, path: String, bytes: FileBytes) {
        let old = self.last.and_then(|l| l.files.get(&path));
        if old != Some(&bytes) {
            out.changed.push(path.clone());
        }
        out.files.insert(path, bytes);
    }
}

impl PageSink for MemorySink<'_> {
    fn page(&self, page: Emitting<'_>) -> Result<(), Diagnostic> {
        let hash = page.hash();
        let old = self.last.and_then(|l| l.old(&page.path));
        let kept = old.filter(|(p, _)| !self.every && p.hash == hash);
        let fresh = match kept {
            Some(_) => None,
            None => {
                let pieces = page.render_like(old.map_or(0, |(_, b)| b.len()))?;
                let mut pieces: Vec<Bytes> = pieces
                    .into_iter()
                    .map(|piece| match piece {
                        Piece::Made(bytes) => Bytes::from(bytes),
                        Piece::Kept(bytes) => Bytes::from_owner(bytes),
                    })
                    .collect();
                if let [html] = pieces.as_mut_slice()
                    && page.path.ends_with(".html")
                {
                    *html = Bytes::from(reload::inject(html, &page.path));
                }
                Some(FileBytes::of_pieces(pieces))
            }
        };
        let mut out = self.collected();
        match (fresh, kept) {
            (Some(bytes), _) => {
                out.rendered += 1;
                self.put(&mut out, page.path.clone(), bytes);
            }
            (None, Some((_, bytes))) => out.files.insert(page.path.clone(), bytes.clone()),
            (None, None) => {}
        }
        let built = BuiltPage {
            page: page.page,
            path: page.path,
            hash,
        };
        out.pages.push((built, page.inputs));
        Ok(())
    }

    /// Reads a file on disk again only when it is new or under a changed path.
    fn copy(&self, file: &CopiedFile) -> Result<(), Diagnostic> {
        let old = self.last.and_then(|l| l.files.get(&file.path));
        let bytes = match &file.source {
            StaticFile::Embedded(bytes) => FileBytes::from(Bytes::from_static(bytes)),
            StaticFile::OnDisk(from) | StaticFile::Cached(from) => {
                let unchanged = self
                    .last
                    .is_some_and(|l| l.copied_from.get(&file.path) == Some(from))
                    && !self.changed.iter().any(|c| from.starts_with(c));
                self.collected()
                    .copied_from
                    .insert(file.path.clone(), from.clone());
                match old.filter(|_| unchanged) {
                    Some(old) => old.clone(),
                    None => FileBytes::from(std::fs::read(from).map_err(|e| {
                        Diagnostic::file(
                            from,
                            FileProblem::CannotRead {
                                what: Unreadable::File,
                                detail: e.to_string(),
                            },
                        )
                    })?),
                }
            }
        };
        let mut out = self.collected();
        self.put(&mut out, file.path.clone(), bytes);
        Ok(())
    }
}

/// Renders every page whose value changed since `last` (all with `every`),
/// keeps the other pages' bytes; copies static files, reading again those
/// under a `changed` path. `None` instead of the build when `stop` was
/// raised before the end: what was made then goes to `leftovers`.
pub fn render_all(
    site: &Site,
    theme: &Theme,
    last: Option<&Built>,
    changed: &[PathBuf],
    every: bool,
    stop: Option<&AtomicBool>,
    leftovers: &mut Leftovers,
) -> Result<(Option<Built>, Rendered), Diagnostics> {
    let prepared = Prepared::new(site, theme);
    let chunks = DataChunks::after(last.map(|l| &l.chunks));
    let renderer = Renderer::with_prepared(site, theme, &prepared).keeping(&chunks);
    let renderer = match stop {
        Some(stop) => renderer.stopping_on(stop),
        None => renderer,
    };
    let sink = MemorySink {
        last,
        every,
        changed,
        out: Mutex::default(),
    };
    // Raised already (while the values were prepared): nothing is begun.
    if !renderer.stopped() {
        render::emit(&renderer, &sink)?;
    }
    // Pages skipped, or the search index cut short: thrown away.
    let stopped = renderer.stopped();
    drop(renderer);
    if stopped {
        // The next edit waits: not for freeing what was made.
        leftovers.keep((sink.out, prepared));
        let nothing = Rendered {
            changed: Vec::new(),
            rendered: 0,
        };
        return Ok((None, nothing));
    }
    let mut out = sink
        .out
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner);
    // What went, and the maps of the pages, side by side.
    let (files, pages) = (out.files, std::mem::take(&mut out.pages));
    let (gone, maps) = rayon::join(
        || match last {
            Some(last) => last
                .files
                .iter()
                .filter(|(path, _)| files.get(path).is_none())
                .map(|(p, _)| p.to_owned())
                .collect(),
            None => Vec::new(),
        },
        || PageMaps::of(pages),
    );
    out.changed.extend(gone);
    let built = Built {
        files: Arc::new(files),
        maps,
        copied_from: out.copied_from,
        prepared,
        chunks: chunks.made(),
    };
    let report = Rendered {
        changed: out.changed,
        rendered: out.rendered,
    };
    Ok((Some(built), report))
}

/// Renders the pages at `pages` (indexes into `last.pages`) of a site whose
/// structure is that of `last` and where only the texts of `profiles` and
/// `campaigns` changed; keeps every other file.
pub fn render_some(
    site: &Site,
    theme: &Theme,
    last: &mut Built,
    pages: &[usize],
    (profiles, campaigns): (&[ProfileId], &[CampaignId]),
) -> Result<Rendered, Diagnostics> {
    last.prepared.refresh(site, theme, profiles, campaigns);
    let renderer = Renderer::with_prepared(site, theme, &last.prepared);
    let refs: Vec<PageRef> = pages.iter().map(|&i| last.maps.pages[i].page).collect();
    let sink = MemorySink {
        last: Some(last),
        every: true,
        changed: &[],
        out: Mutex::default(),
    };
    let problems = emit_pages(&renderer, &refs, &sink);
    if !problems.is_empty() {
        return Err(problems.sorted());
    }
    drop(renderer);
    let out = sink
        .out
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner);
    let mut files = MemorySite::clone(&last.files);
    for (path, bytes) in out.files.iter() {
        files.insert(path.to_owned(), bytes.clone());
    }
    for (page, _) in out.pages {
        if let Some(&i) = last.maps.index.get(&page.path) {
            last.maps.pages[i].hash = page.hash;
        }
    }
    last.files = Arc::new(files);
    Ok(Rendered {
        changed: out.changed,
        rendered: out.rendered,
    })
}

/// The preview's first look after an edit ([`crate::model::patch`]):
/// renders `pages` of the patched `site` with `prepared` (patched too) and
/// returns the files of `base` (what is served) with those pages replaced
/// and the pages `gone` removed. The last build itself is left as it was:
/// the whole site, rendered next, compares with it.
pub fn render_first(
    site: &Site,
    theme: &Theme,
    base: &MemorySite,
    prepared: &Prepared,
    pages: &[PageRef],
    gone: &[PageRef],
) -> Result<(MemorySite, Rendered), Diagnostics> {
    let renderer = Renderer::with_prepared(site, theme, prepared);
    let sink = MemorySink {
        last: None,
        every: true,
        changed: &[],
        out: Mutex::default(),
    };
    let problems = emit_pages(&renderer, pages, &sink);
    if !problems.is_empty() {
        return Err(problems.sorted());
    }
    let gone: Vec<String> = gone.iter().map(|&p| renderer.output_path(p)).collect();
    drop(renderer);
    let out = sink
        .out
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner);
    let mut files = MemorySite::clone(base);
    let mut changed = Vec::new();
    for path in gone {
        if files.remove(&path).is_some() {
            changed.push(path);
        }
    }
    for (path, bytes) in out.files.iter() {
        if base.get(path) != Some(bytes) {
            changed.push(path.to_owned());
        }
        files.insert(path.to_owned(), bytes.clone());
    }
    Ok((
        files,
        Rendered {
            changed,
            rendered: out.rendered,
        },
    ))
}
