//! One way out for every page: [`emit`] builds each page's value and hands
//! it to a [`PageSink`], which renders it and puts the bytes where its
//! command wants them: a staging folder (`build`), nowhere (`check`), memory
//! (`serve`, which may keep the bytes it has when the value is the same).

use std::path::PathBuf;

use rayon::prelude::*;

use super::inputs::{Inputs, hash_of};
use super::{CopiedFile, PageData, PageKind, PageRef, Renderer};
use crate::diagnostic::boundary::OutputSource;
use crate::diagnostic::{Diagnostic, Diagnostics, display_path};
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

    pub fn render(&self) -> Result<Vec<u8>, Diagnostic> {
        self.renderer.render_data(&self.data)
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
    let pages = renderer.pages();
    let copied = renderer.copied_files();
    check_copied_files(renderer, &pages, &copied)?;
    let mut problems = emit_pages(renderer, &pages, sink);
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
        page.render().map(drop)
    }

    fn copy(&self, _: &CopiedFile) -> Result<(), Diagnostic> {
        Ok(())
    }
}
