//! Rendering a build's files into memory, reusing the last build's bytes
//! for every page whose inputs did not change.
//!
//! [`render_all`] looks at every page's inputs ([`PageInputs`]) and renders
//! those that differ; it also records which pages show which entity, so
//! that after a text-only edit [`render_some`] renders exactly the pages of
//! the edited entities without looking at the others.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Bytes;
use rayon::prelude::*;

use super::memory::MemorySite;
use super::reload;
use crate::diagnostic::messages::Unreadable;
use crate::diagnostic::{Diagnostic, Diagnostics, FileProblem};
use crate::model::{CampaignId, ProfileId, Site};
use crate::render::deps::{Entity, PageInputs};
use crate::render::theme::{StaticFile, Theme};
use crate::render::{PageRef, Prepared, Renderer};

/// A page of a build.
pub struct BuiltPage {
    pub page: PageRef,
    pub path: String,
    pub shape: u64,
}

/// The files of a good build and what the next one needs to know of them.
pub struct Built {
    pub files: Arc<MemorySite>,
    pub pages: Vec<BuiltPage>,
    /// Output path → index into `pages`.
    index: HashMap<String, usize>,
    /// Pages that are an entity's own (its page in every language).
    own_pages: HashMap<Entity, Vec<usize>>,
    /// Pages that show an entity as a card or a link.
    shown_on: HashMap<Entity, Vec<usize>>,
    /// Output path → the file on disk a copied file came from.
    copied_from: HashMap<String, PathBuf>,
    /// The template values of the build's site, refreshed by text-only edits.
    prepared: Prepared,
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
        let own = self.own_pages.get(&entity).into_iter().flatten();
        let others = self
            .shown_on
            .get(&entity)
            .filter(|_| shown)
            .into_iter()
            .flatten();
        own.chain(others).copied()
    }
}

/// Renders the pages for which `needs_render` says yes, or whose shape
/// changed, or which are new; keeps the other pages' bytes from `last`;
/// copies static files, reading again those under a `changed` path.
pub fn render_all(
    site: &Site,
    theme: &Theme,
    last: Option<&Built>,
    changed: &[PathBuf],
    needs_render: &(dyn Fn(&Renderer, &PageInputs) -> bool + Sync),
) -> Result<(Built, Rendered), Diagnostics> {
    let prepared = Prepared::new(site, theme);
    let renderer = Renderer::with_prepared(site, theme, &prepared);
    let pages: Vec<(PageRef, String, PageInputs)> = renderer
        .pages()
        .into_par_iter()
        .map(|page| (page, renderer.output_path(page), renderer.inputs(page)))
        .collect();
    let old_shape = |path: &str| last.and_then(|l| l.index.get(path).map(|&i| l.pages[i].shape));
    let old_file = |path: &str| last.and_then(|l| l.files.get(path));
    let page_set_changed = last.is_none_or(|l| {
        l.pages.len() != pages.len() || pages.iter().any(|(_, p, _)| !l.index.contains_key(p))
    });

    let fresh: Vec<Option<Result<Vec<u8>, Diagnostic>>> = pages
        .par_iter()
        .map(|(page, path, inputs)| {
            let keep = old_file(path).is_some()
                && old_shape(path) == Some(inputs.shape)
                && !(inputs.lists_pages && page_set_changed)
                && !needs_render(&renderer, inputs);
            (!keep).then(|| render_page(&renderer, *page, path))
        })
        .collect();

    let mut problems = Diagnostics::new();
    let mut files = MemorySite::with_capacity(pages.len());
    let mut report = Rendered {
        changed: Vec::new(),
        rendered: fresh.iter().filter(|f| f.is_some()).count(),
    };
    for ((_, path, _), fresh) in pages.iter().zip(fresh) {
        match fresh {
            Some(Ok(bytes)) => put(
                &mut files,
                &mut report,
                old_file(path),
                path.clone(),
                Bytes::from(bytes),
            ),
            Some(Err(d)) => problems.push(d),
            None => {
                if let Some(old) = old_file(path) {
                    files.insert(path.clone(), old.clone());
                }
            }
        }
    }
    let copied_from = copy_files(
        &renderer,
        last,
        changed,
        &mut files,
        &mut report,
        &mut problems,
    );
    if !problems.is_empty() {
        return Err(problems.sorted());
    }
    if let Some(last) = last {
        report.changed.extend(
            last.files
                .iter()
                .filter(|(path, _)| files.get(path).is_none())
                .map(|(p, _)| p.to_owned()),
        );
    }

    let mut own_pages: HashMap<Entity, Vec<usize>> = HashMap::new();
    let mut shown_on: HashMap<Entity, Vec<usize>> = HashMap::new();
    let mut index = HashMap::with_capacity(pages.len());
    let mut built_pages = Vec::with_capacity(pages.len());
    for (i, (page, path, inputs)) in pages.into_iter().enumerate() {
        if let Some(e) = inputs.own {
            own_pages.entry(e).or_default().push(i);
        }
        for e in inputs.shows {
            shown_on.entry(e).or_default().push(i);
        }
        index.insert(path.clone(), i);
        built_pages.push(BuiltPage {
            page,
            path,
            shape: inputs.shape,
        });
    }
    drop(renderer);
    let built = Built {
        files: Arc::new(files),
        pages: built_pages,
        index,
        own_pages,
        shown_on,
        copied_from,
        prepared,
    };
    Ok((built, report))
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
    last.prepared.refresh(site, profiles, campaigns);
    let renderer = Renderer::with_prepared(site, theme, &last.prepared);
    let fresh: Vec<(usize, Result<Vec<u8>, Diagnostic>)> = pages
        .par_iter()
        .map(|&i| {
            (
                i,
                render_page(&renderer, last.pages[i].page, &last.pages[i].path),
            )
        })
        .collect();
    let mut files = MemorySite::clone(&last.files);
    let mut report = Rendered {
        changed: Vec::new(),
        rendered: fresh.len(),
    };
    let mut problems = Diagnostics::new();
    for (i, result) in fresh {
        let path = &last.pages[i].path;
        match result {
            Ok(bytes) => put(
                &mut files,
                &mut report,
                last.files.get(path),
                path.clone(),
                Bytes::from(bytes),
            ),
            Err(d) => problems.push(d),
        }
    }
    if !problems.is_empty() {
        return Err(problems.sorted());
    }
    last.files = Arc::new(files);
    Ok(report)
}

fn render_page(renderer: &Renderer, page: PageRef, path: &str) -> Result<Vec<u8>, Diagnostic> {
    let bytes = renderer.render(page)?;
    Ok(if path.ends_with(".html") {
        reload::inject(&bytes, path)
    } else {
        bytes
    })
}

/// Puts a file into the build, noting it as changed when it differs from `old`.
fn put(
    files: &mut MemorySite,
    report: &mut Rendered,
    old: Option<&Bytes>,
    path: String,
    bytes: Bytes,
) {
    if old != Some(&bytes) {
        report.changed.push(path.clone());
    }
    files.insert(path, bytes);
}

/// Copies the theme's and site's static files and the profiles' photos.
fn copy_files(
    renderer: &Renderer,
    last: Option<&Built>,
    changed: &[PathBuf],
    files: &mut MemorySite,
    report: &mut Rendered,
    problems: &mut Diagnostics,
) -> HashMap<String, PathBuf> {
    let old_file = |path: &str| last.and_then(|l| l.files.get(path));
    let copied = renderer.copied_files();
    let page_refs: Vec<PageRef> = renderer.pages();
    if let Err(clashes) = crate::build::check_copied_files(renderer, &page_refs, &copied) {
        problems.extend(clashes);
    }
    let mut copied_from = HashMap::new();
    for file in copied {
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
                            problems.push(Diagnostic::file(
                                from,
                                FileProblem::CannotRead {
                                    what: Unreadable::File,
                                    detail: e.to_string(),
                                },
                            ));
                            continue;
                        }
                    },
                }
            }
        };
        put(files, report, old_file(&file.path), file.path, bytes);
    }
    copied_from
}
