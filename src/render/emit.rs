//! One way out for every page: [`emit`] builds each page's value and hands
//! it to a [`PageSink`], which renders it and puts the bytes where its
//! command wants them: a staging folder (`build`), nowhere (`check`), memory
//! (`serve`, which may keep the bytes it has when the value is the same).

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use rayon::prelude::*;

use super::inputs::{Inputs, hash_of};
use super::{CopiedFile, PageData, PageKind, PageRef, Piece, Renderer};
use crate::diagnostic::boundary::OutputSource;
use crate::diagnostic::{AwardProblem, Diagnostic, Diagnostics, display_path};
use crate::model::Site;
use crate::output::{self, Origin};

/// One page on its way out: where it goes, what it shows, and its bytes on demand.
pub struct Emitting<'r> {
    pub page: PageRef,
    /// Output path, forward slashes, relative to the output root.
    pub path: String,
    /// The entities the page shows.
    pub inputs: Inputs,
    data: PageData<'r>,
    renderer: &'r Renderer<'r>,
}

impl Emitting<'_> {
    /// A hash of what the page shows: equal hashes render equal bytes
    /// (with the same theme and configuration).
    pub fn hash(&self) -> u64 {
        hash_of(&self.data)
    }

    /// Its bytes in pieces, an HTML page made in a buffer sized for
    /// `about` bytes (what it took last time: see [`Renderer::render_pieces`]).
    pub fn render_like(&self, about: usize) -> Result<Vec<Piece>, Diagnostic> {
        self.renderer.render_pieces(&self.data, about)
    }

    /// Writes the page to `out`; a large file is written as it is made,
    /// never held whole.
    pub fn write_to(&self, out: &mut dyn std::io::Write) -> Result<(), super::WriteError> {
        self.renderer.write_data(&self.data, out)
    }
}

/// Where emitted files go. Called from several threads at once.
pub trait PageSink: Sync {
    /// Takes one page: renders it (or keeps what it has) and stores it.
    fn page(&self, page: Emitting<'_>) -> Result<(), Diagnostic>;
    /// Takes one file copied as it is.
    fn copy(&self, file: &CopiedFile) -> Result<(), Diagnostic>;
}

/// What [`emit`] emitted.
#[derive(Debug, Clone, Copy)]
pub struct Emitted {
    pub pages: usize,
    pub copied: usize,
}

/// Emits every page and copied file of the site into `sink`, after checking
/// that no copied file takes a page's place. Returns every problem, sorted.
pub fn emit(renderer: &Renderer, sink: &dyn PageSink) -> Result<Emitted, Diagnostics> {
    let copied = renderer.copied_files();
    // The search index is built while the other pages are written: on a
    // province's site it is a quarter of a second, and no page needs it.
    // So are the outputs checked, once the index's files are known: a
    // copied file in a page's place fails the build (nothing written is
    // kept: the sink's output is discarded).
    let others = renderer.pages_but_search();
    let ((pages, search, checked), mut problems) = rayon::join(
        || {
            let search = renderer.search_pages();
            let mut pages = others.clone();
            pages.extend(&search);
            // Given up: not worth checking (see below).
            let checked = match renderer.stopped() {
                true => Ok(()),
                false => check_copied_files(renderer, &pages, &copied),
            };
            (pages, search, checked)
        },
        || emit_pages(renderer, &others, sink),
    );
    // Given up: what was emitted is thrown away, nothing more is worth doing.
    if renderer.stopped() {
        return Ok(Emitted {
            pages: 0,
            copied: 0,
        });
    }
    checked?;
    problems.extend(emit_pages(renderer, &search, sink));
    problems.extend(
        copied
            .par_iter()
            .filter_map(|f| sink.copy(f).err())
            .collect::<Vec<_>>(),
    );
    problems.sorted().into_result(Emitted {
        pages: pages.len(),
        copied: copied.len(),
    })
}

/// Emits `pages` only; returns their problems.
pub fn emit_pages(renderer: &Renderer, pages: &[PageRef], sink: &dyn PageSink) -> Diagnostics {
    Diagnostics(
        pages
            .par_iter()
            .filter_map(|&page| {
                // Given up (see `Renderer::stopping_on`): no page is made.
                if renderer.stopped() {
                    return None;
                }
                let mut inputs = Inputs::default();
                let data = renderer.data(page, &mut inputs);
                sink.page(Emitting {
                    page,
                    path: renderer.output_path(page),
                    inputs,
                    data,
                    renderer,
                })
                .err()
            })
            .collect(),
    )
}

/// Every output a build writes, checked in one place
/// ([`output::check_outputs`]): inside the output folder, and no two at
/// one path (a static file may not replace a generated page or a photo).
fn check_copied_files(
    renderer: &Renderer,
    pages: &[PageRef],
    copied: &[CopiedFile],
) -> Result<(), Diagnostics> {
    let site = renderer.site;
    let paths: Vec<String> = pages.iter().map(|&p| renderer.output_path(p)).collect();
    let taken = aliases_taken(site, pages, &paths, copied);
    let pages = paths
        .iter()
        .zip(pages)
        .filter(|(_, page)| !matches!(page, PageRef::Redirect(i) if taken.0.contains(i)))
        .map(|(path, &page)| (path.as_str(), Output::Page(page)));
    let copied = copied
        .iter()
        .map(|f| (f.path.as_str(), Output::Copied(&f.origin)));
    let checked = output::check_outputs(pages.chain(copied), |output| match output {
        Output::Page(page) => page_origin(site, *page),
        Output::Copied(origin) => (*origin).clone(),
    });
    match (taken.1.is_empty(), checked) {
        (true, checked) => checked,
        (false, Ok(())) => Err(taken.1),
        (false, Err(mut more)) => {
            more.extend(taken.1);
            Err(more.sorted())
        }
    }
}

/// What a build writes: a page, or a copied file.
enum Output<'a> {
    Page(PageRef),
    Copied(&'a Origin),
}

/// Old addresses (`aliases`) at the address of a page, a copied file or an
/// earlier alias: each reported where it is written, and left out of the
/// outputs (their indexes in `Site::redirects`).
fn aliases_taken(
    site: &Site,
    pages: &[PageRef],
    paths: &[String],
    copied: &[CopiedFile],
) -> (HashSet<usize>, Diagnostics) {
    let mut taken = HashSet::new();
    let mut problems = Diagnostics::new();
    // Only the addresses of aliases are looked up: the origins of pages
    // elsewhere are not made.
    let aliased: HashSet<&str> = paths
        .iter()
        .zip(pages)
        .filter(|(_, page)| matches!(page, PageRef::Redirect(_)))
        .map(|(path, _)| path.as_str())
        .collect();
    if aliased.is_empty() {
        return (taken, problems);
    }
    let mut owner: HashMap<&str, OutputSource> = HashMap::new();
    for (path, &page) in paths.iter().zip(pages) {
        if !matches!(page, PageRef::Redirect(_)) && aliased.contains(path.as_str()) {
            owner.insert(path, page_origin(site, page).source);
        }
    }
    for f in copied.iter().filter(|f| aliased.contains(f.path.as_str())) {
        owner.insert(&f.path, f.origin.source.clone());
    }
    for (path, &page) in paths.iter().zip(pages) {
        let PageRef::Redirect(i) = page else { continue };
        let alias = &site.redirects[i].alias;
        let mine = OutputSource::AliasOf(display_path(&alias.file));
        match owner.get(path.as_str()) {
            Some(source) => {
                taken.insert(i);
                problems.push(Diagnostic::at(
                    &alias.file,
                    alias.line,
                    Some(alias.col),
                    AwardProblem::AliasTaken {
                        alias: alias.path.clone(),
                        taken_by: source.clone(),
                    },
                ));
            }
            None => {
                owner.insert(path, mine);
            }
        }
    }
    (taken, problems)
}

/// The content file a page is built from, or the site as a whole.
fn page_origin(site: &Site, page: PageRef) -> Origin {
    let source = match page {
        PageRef::Redirect(i) => {
            let alias = &site.redirects[i].alias;
            return Origin {
                file: alias.file.clone(),
                line: Some(alias.line),
                source: OutputSource::AliasOf(display_path(&alias.file)),
            };
        }
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
            file: PathBuf::from(crate::vocab::CONFIG_FILE),
            line: None,
            source: OutputSource::Generated,
        },
    }
}

/// `check`: every page rendered, to find its problems; nothing kept.
pub struct Nowhere;

impl PageSink for Nowhere {
    fn page(&self, page: Emitting<'_>) -> Result<(), Diagnostic> {
        // Written to nothing as it is made: a large file is never held.
        match page.write_to(&mut std::io::sink()) {
            Err(super::WriteError::Render(problem)) => Err(problem),
            Ok(()) | Err(super::WriteError::Io(_)) => Ok(()),
        }
    }

    fn copy(&self, _: &CopiedFile) -> Result<(), Diagnostic> {
        Ok(())
    }
}
