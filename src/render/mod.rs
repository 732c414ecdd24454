//! Site → pages. Rendering is pure: [`Renderer::data`] builds one
//! [`PageRef`]'s value (noting what it shows), [`Renderer::render_data`]
//! turns it into bytes, touching no disk; [`emit`] hands every page to a
//! [`emit::PageSink`]: a staging folder (`build`), nothing (`check`) or
//! memory (`serve`).

mod builder;
pub mod context;
pub mod data;
pub mod emit;
pub mod inputs;
mod listing;
pub mod page;
pub mod photos;
mod qr;
mod rows;
mod share;
pub mod theme;
pub mod values;
pub mod xml;

pub use context::Prepared;
pub use emit::{PageSink, emit};
pub use inputs::{Entity, Inputs};

use std::borrow::Cow;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::config::Language;
use crate::diagnostic::boundary::OutputSource;
use crate::diagnostic::{Diagnostic, display_path};
use crate::model::{AwardListId, CampaignId, ProfileId, Site};
use crate::output::Origin;
use crate::search::{IndexFile, build_index};
use crate::urls::{Urls, output_file};
use theme::{StaticFile, Theme};

/// Number of profiles in each feed.
pub const FEED_ENTRIES: usize = 50;
/// URLs in one sitemap file before it becomes an index over parts.
pub const SITEMAP_LIMIT: usize = 50_000;
/// Profiles shown on the home page.
const HOME_NEWEST: usize = 8;
/// Award lists shown on the home page.
const HOME_AWARD_LISTS: usize = 5;

/// What a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageKind {
    Home,
    ProfileList {
        page: usize,
    },
    Profile(ProfileId),
    Years,
    Year {
        index: usize,
        page: usize,
    },
    Campaigns,
    Campaign {
        index: CampaignId,
        page: usize,
    },
    /// Every award list, newest first, at most [`AWARD_LISTS_PER_PAGE`] a page.
    AwardLists {
        page: usize,
    },
    AwardList(AwardListId),
    /// Every award type given on the site.
    AwardTypes,
    /// One award type's recipients: `index` into `Honours::award_types`.
    AwardType {
        index: usize,
        page: usize,
    },
    /// The open data page: downloads of every award.
    Data,
    /// Every unit.
    Units,
    /// One unit's profiles and recipients: `index` into `Honours::unit_pages`.
    Unit {
        index: usize,
        page: usize,
    },
    Search,
    NotFound,
}

/// A page in one language (`lang` indexes `Config::languages`), or a
/// file of the whole site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageRef {
    Page {
        lang: usize,
        kind: PageKind,
    },
    /// The Atom feed of a language.
    Feed {
        lang: usize,
    },
    /// `sitemap.xml`: the sitemap, or past [`SITEMAP_LIMIT`] URLs the index.
    Sitemap,
    /// `sitemap-<n>.xml`, 1-based, when the sitemap is split.
    SitemapPart(usize),
    Robots,
    /// A file of the search index ([`crate::search`]), by its place in
    /// [`Renderer::search_files`].
    SearchIndex(usize),
    /// The small page at an old address, by its place in `Site::redirects`.
    Redirect(usize),
    /// An open data file of a language.
    Data {
        lang: usize,
        file: DataFile,
    },
}

/// The open data files of a language ([`data`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DataFile {
    /// Every award, as CSV.
    AllCsv,
    /// Every award, as JSON.
    AllJson,
    /// Past [`DATA_PART_LIMIT`] records, every award is cut by years into
    /// parts (by place in [`Renderer::data_parts`]), each as CSV or JSON.
    Part { part: usize, json: bool },
    /// The awards of one year (its place in `Site::years`), as CSV.
    Year(usize),
    /// The recipients of one award list, as CSV.
    List(AwardListId),
}

/// What one page shows: an HTML page's template values, or the contents
/// of an XML or text file. It hashes to what the page shows ([`inputs`]).
#[derive(Hash)]
pub enum PageData<'a> {
    Html(Box<page::Html<'a>>),
    Feed(xml::Feed<'a>),
    Sitemap(xml::Sitemap),
    SitemapIndex {
        parts: usize,
    },
    Robots,
    SearchIndex(&'a IndexFile),
    /// An old address: where it leads.
    Redirect(xml::RedirectPage<'a>),
    /// An open data file, written as its records are made.
    Data(data::DataPage<'a>),
}

/// A part of a page's bytes, in order: made for this page, or shared with
/// what the renderer keeps from one build to the next ([`data::Chunks`]).
pub enum Piece {
    Made(Vec<u8>),
    Kept(Arc<[u8]>),
}

/// A file copied as it is: theme and site static files, the copies of
/// profile photos (from the photo cache).
#[derive(Debug, Clone)]
pub struct CopiedFile {
    /// Output path, forward slashes, relative to the output root.
    pub path: String,
    pub source: StaticFile,
    /// Where it comes from, for messages.
    pub origin: Origin,
}

/// A static file's origin: the file under the site, or the built-in theme's.
fn static_origin(root: &Path, path: &str, source: &StaticFile) -> Origin {
    let file = match source {
        StaticFile::Embedded(_) => Path::new("(built-in theme)/static").join(path),
        StaticFile::OnDisk(abs) | StaticFile::Cached(abs) => {
            abs.strip_prefix(root).unwrap_or(abs).to_path_buf()
        }
    };
    Origin {
        source: OutputSource::File(display_path(&file)),
        file,
        line: None,
    }
}

/// Renders the pages of one site with one theme.
pub struct Renderer<'a> {
    pub site: &'a Site,
    theme: &'a Theme,
    urls: Urls<'a>,
    prepared: Cow<'a, Prepared>,
    /// URLs per sitemap file ([`SITEMAP_LIMIT`]; smaller in tests).
    sitemap_limit: usize,
    /// Records per file of every award ([`DATA_PART_LIMIT`]; smaller in tests).
    data_part_limit: usize,
    /// The search index, built when first asked for.
    search: OnceLock<Vec<IndexFile>>,
    /// Raised: the work is wanted no more ([`Renderer::stopping_on`]).
    stop: Option<&'a AtomicBool>,
    /// Per language, the hashes of open data records.
    data_hashes: Vec<data::DataHashes>,
    /// Per language, the hash of each honour's row in lists.
    row_hashes: Vec<rows::RowHashes>,
    /// The bytes of open data the preview keeps ([`Renderer::keeping`]).
    chunks: Option<&'a data::DataChunks<'a>>,
}

/// Records in one file of every award at most: past it, the file is cut
/// into parts of whole years, so that none grows with the site (and a
/// spreadsheet, which opens 1,048,576 rows, opens each).
pub const DATA_PART_LIMIT: usize = 250_000;

/// Why a page could not be written: its template failed, or the file.
#[derive(Debug)]
pub enum WriteError {
    Render(Diagnostic),
    Io(io::Error),
}

/// Award lists on one page of their index at most: a province publishes a
/// few hundred decisions a year, and the index stays readable on a phone.
pub const AWARD_LISTS_PER_PAGE: usize = 100;

/// Recipients shown on one page at most, whatever `paginate_by` says: a
/// year of 50,000 recipients stays readable on a phone.
pub const RECIPIENTS_PER_PAGE: usize = 500;

fn page_count(items: usize, per_page: usize) -> usize {
    if per_page == 0 {
        1
    } else {
        items.div_ceil(per_page).max(1)
    }
}

/// The items on page `page` (from 1): with `per_page` 0, all on page 1
/// and none after (a page that also lists recipients may go on).
fn page_slice<T>(items: &[T], page: usize, per_page: usize) -> &[T] {
    if per_page == 0 {
        return if page <= 1 { items } else { &[] };
    }
    let start = ((page - 1) * per_page).min(items.len());
    let end = (start + per_page).min(items.len());
    &items[start..end]
}

impl<'a> Renderer<'a> {
    /// Prepares everything pages share: per-language values built once.
    pub fn new(site: &'a Site, theme: &'a Theme) -> Self {
        Self::over(site, theme, Cow::Owned(Prepared::new(site, theme)))
    }

    /// A renderer over values prepared earlier (see [`Prepared::refresh`]).
    pub fn with_prepared(site: &'a Site, theme: &'a Theme, prepared: &'a Prepared) -> Self {
        Self::over(site, theme, Cow::Borrowed(prepared))
    }

    fn over(site: &'a Site, theme: &'a Theme, prepared: Cow<'a, Prepared>) -> Self {
        let urls = Urls::new(&site.config);
        Renderer {
            site,
            theme,
            urls,
            prepared,
            sitemap_limit: SITEMAP_LIMIT,
            data_part_limit: DATA_PART_LIMIT,
            search: OnceLock::new(),
            stop: None,
            data_hashes: (0..site.config.languages.len())
                .map(|_| data::DataHashes::new(site.award_lists.len()))
                .collect(),
            row_hashes: (0..site.config.languages.len())
                .map(|_| rows::RowHashes::default())
                .collect(),
            chunks: None,
        }
    }

    /// A renderer that makes open data files from the bytes of each list
    /// that `chunks` keeps, and keeps there those it makes: the preview's,
    /// which holds every file in memory anyway.
    pub fn keeping(mut self, chunks: &'a data::DataChunks<'a>) -> Self {
        self.chunks = Some(chunks);
        self
    }

    /// A renderer that cuts its longest work short once `stop` is raised:
    /// the search index is then left empty, and what was made must be
    /// thrown away ([`Renderer::stopped`]).
    pub fn stopping_on(mut self, stop: &'a AtomicBool) -> Self {
        self.stop = Some(stop);
        self
    }

    /// Whether `stop` was raised ([`Renderer::stopping_on`]).
    pub fn stopped(&self) -> bool {
        self.stop.is_some_and(|s| s.load(Ordering::Acquire))
    }

    /// Splits the sitemap after `limit` URLs instead of [`SITEMAP_LIMIT`],
    /// so a small site can show the split.
    pub fn with_sitemap_limit(mut self, limit: usize) -> Self {
        self.sitemap_limit = limit.max(1);
        self
    }

    /// Cuts the files of every award after `limit` records instead of
    /// [`DATA_PART_LIMIT`], so a small site can show the parts.
    pub fn with_data_part_limit(mut self, limit: usize) -> Self {
        self.data_part_limit = limit.max(1);
        self
    }

    /// The parts of every award when it holds more than the limit of
    /// records, as ranges of years (first, last), newest first; none when
    /// it is one file. A part holds whole years (a year past the limit on
    /// its own is a part of its own).
    pub fn data_parts(&self) -> Vec<(i32, i32)> {
        let site = self.site;
        let mut per_year: std::collections::BTreeMap<i32, usize> = Default::default();
        for list in &site.award_lists {
            let counts = list
                .counts
                .iter()
                .map(|c| usize::from(c.individuals > 0) + usize::from(c.collectives > 0));
            *per_year.entry(list.year).or_default() +=
                list.recipients.len() + counts.sum::<usize>();
        }
        for a in site.profiles.iter().flat_map(|p| &p.awards) {
            if a.list.is_none() {
                *per_year.entry(a.year).or_default() += 1;
            }
        }
        if per_year.values().sum::<usize>() <= self.data_part_limit {
            return Vec::new();
        }
        let mut parts: Vec<(i32, i32, usize)> = Vec::new();
        for (&year, &n) in per_year.iter().rev() {
            match parts.last_mut() {
                Some(last) if last.2 + n <= self.data_part_limit => {
                    last.0 = year;
                    last.2 += n;
                }
                _ => parts.push((year, year, n)),
            }
        }
        parts
            .into_iter()
            .map(|(first, last, _)| (first, last))
            .collect()
    }

    /// Every page of the site, in every language.
    pub fn pages(&self) -> Vec<PageRef> {
        let mut out = self.pages_but_search();
        out.extend(self.search_pages());
        out
    }

    /// The files of the search index (building it, the first time).
    pub fn search_pages(&self) -> Vec<PageRef> {
        (0..self.search_files().len())
            .map(PageRef::SearchIndex)
            .collect()
    }

    /// Every page but the search index's files: none of them needs the
    /// index, so they can be written while it is built.
    pub fn pages_but_search(&self) -> Vec<PageRef> {
        let mut out = Vec::new();
        for lang in 0..self.site.config.languages.len() {
            out.extend(
                self.kinds()
                    .into_iter()
                    .map(|kind| PageRef::Page { lang, kind }),
            );
            out.push(PageRef::Page {
                lang,
                kind: PageKind::NotFound,
            });
            out.push(PageRef::Feed { lang });
        }
        out.push(PageRef::Sitemap);
        let parts = self.sitemap_parts();
        if parts > 1 {
            out.extend((1..=parts).map(PageRef::SitemapPart));
        }
        out.push(PageRef::Robots);
        out.extend((0..self.site.redirects.len()).map(PageRef::Redirect));
        for lang in 0..self.site.config.languages.len() {
            let parts = self.data_parts().len();
            let every: Vec<DataFile> = if parts == 0 {
                vec![DataFile::AllCsv, DataFile::AllJson]
            } else {
                (0..parts)
                    .flat_map(|part| [false, true].map(|json| DataFile::Part { part, json }))
                    .collect()
            };
            let files = every
                .into_iter()
                .chain((0..self.site.years.len()).map(DataFile::Year))
                .chain(AwardListId::all(self.site.award_lists.len()).map(DataFile::List));
            out.extend(files.map(|file| PageRef::Data { lang, file }));
        }
        out
    }

    /// The kinds of HTML page every language has (those in the sitemap).
    fn kinds(&self) -> Vec<PageKind> {
        let site = self.site;
        let per = site.config.paginate_by;
        let mut kinds = vec![PageKind::Home];
        kinds.extend(
            (1..=page_count(site.profiles.len(), per)).map(|page| PageKind::ProfileList { page }),
        );
        kinds.extend(ProfileId::all(site.profiles.len()).map(PageKind::Profile));
        kinds.push(PageKind::Years);
        for (index, y) in site.years.iter().enumerate() {
            kinds
                .extend((1..=self.year_pages(index, y)).map(|page| PageKind::Year { index, page }));
        }
        kinds.push(PageKind::Campaigns);
        for (index, c) in CampaignId::all(site.campaigns.len()).zip(&site.campaigns) {
            kinds.extend(
                (1..=page_count(c.profiles.len(), per))
                    .map(|page| PageKind::Campaign { index, page }),
            );
        }
        kinds.extend(
            (1..=page_count(site.award_lists.len(), AWARD_LISTS_PER_PAGE))
                .map(|page| PageKind::AwardLists { page }),
        );
        kinds.extend(AwardListId::all(site.award_lists.len()).map(PageKind::AwardList));
        let honours = &self.prepared.honours;
        kinds.push(PageKind::AwardTypes);
        for (index, t) in honours.award_types.iter().enumerate() {
            kinds.extend(
                (1..=page_count(t.listing.honours.len(), RECIPIENTS_PER_PAGE))
                    .map(|page| PageKind::AwardType { index, page }),
            );
        }
        kinds.push(PageKind::Units);
        for (index, u) in honours.unit_pages.iter().enumerate() {
            kinds.extend((1..=self.unit_pages(u)).map(|page| PageKind::Unit { index, page }));
        }
        kinds.push(PageKind::Search);
        kinds.push(PageKind::Data);
        kinds
    }

    /// A year's pages: as many as its profiles or its honours fill.
    fn year_pages(&self, index: usize, y: &crate::model::Year) -> usize {
        let honours = self
            .prepared
            .honours
            .years
            .get(index)
            .map_or(0, |l| l.honours.len());
        page_count(y.profiles.len(), self.site.config.paginate_by)
            .max(page_count(honours, RECIPIENTS_PER_PAGE))
    }

    /// A unit's pages: as many as its profiles or its honours fill.
    fn unit_pages(&self, u: &crate::model::honours::UnitPage) -> usize {
        page_count(u.profiles.len(), self.site.config.paginate_by)
            .max(page_count(u.listing.honours.len(), RECIPIENTS_PER_PAGE))
    }

    /// How many kinds [`Renderer::kinds`] lists, counted without listing
    /// them: every page would otherwise list them all to learn whether the
    /// sitemap is split.
    fn kind_count(&self) -> usize {
        let site = self.site;
        let per = site.config.paginate_by;
        let years: usize = site
            .years
            .iter()
            .enumerate()
            .map(|(index, y)| self.year_pages(index, y))
            .sum();
        let honours = &self.prepared.honours;
        let award_types: usize = honours
            .award_types
            .iter()
            .map(|t| page_count(t.listing.honours.len(), RECIPIENTS_PER_PAGE))
            .sum();
        let units: usize = honours.unit_pages.iter().map(|u| self.unit_pages(u)).sum();
        let campaigns: usize = site
            .campaigns
            .iter()
            .map(|c| page_count(c.profiles.len(), per))
            .sum();
        8 + page_count(site.profiles.len(), per)
            + site.profiles.len()
            + years
            + campaigns
            + site.award_lists.len()
            + award_types
            + units
    }

    fn sitemap_parts(&self) -> usize {
        let urls = self.kind_count() * self.site.config.languages.len();
        urls.div_ceil(self.sitemap_limit).max(1)
    }

    /// The site path of a page kind in a language.
    pub fn site_path(&self, lang: &Language, kind: PageKind) -> String {
        let (site, u) = (self.site, &self.urls);
        match kind {
            PageKind::Home => u.home(lang),
            PageKind::ProfileList { page } => u.profiles(lang, page),
            PageKind::Profile(i) => u.profile(lang, &site.profiles[i].slug),
            PageKind::Years => u.years(lang),
            PageKind::Year { index, page } => u.year(lang, site.years[index].year, page),
            PageKind::Campaigns => u.campaigns(lang),
            PageKind::Campaign { index, page } => {
                u.campaign(lang, &site.campaigns[index].slug, page)
            }
            PageKind::AwardLists { page } => u.award_lists(lang, page),
            PageKind::AwardList(i) => u.award_list(lang, &site.award_lists[i].slug),
            PageKind::AwardTypes => u.award_types(lang),
            PageKind::AwardType { index, page } => {
                u.award_type(lang, &self.prepared.honours.award_types[index].slug, page)
            }
            PageKind::Units => u.units(lang),
            PageKind::Unit { index, page } => {
                let honours = &self.prepared.honours;
                let unit = honours.unit_pages[index].unit;
                u.unit(lang, &honours.units.units[unit].slug, page)
            }
            PageKind::Search => u.search(lang),
            PageKind::Data => u.data(lang),
            PageKind::NotFound => format!("{}/404.html", lang.prefix),
        }
    }

    /// Where a page is written, relative to the output root.
    pub fn output_path(&self, page: PageRef) -> String {
        match page {
            PageRef::Page { lang, kind } => {
                output_file(&self.site_path(&self.site.config.languages[lang], kind))
            }
            PageRef::Feed { lang } => {
                output_file(&self.urls.feed(&self.site.config.languages[lang]))
            }
            PageRef::Sitemap => "sitemap.xml".to_owned(),
            PageRef::SitemapPart(n) => format!("sitemap-{n}.xml"),
            PageRef::Robots => "robots.txt".to_owned(),
            PageRef::SearchIndex(i) => self.search_files()[i].path.clone(),
            PageRef::Redirect(i) => output_file(&self.site.redirects[i].alias.path),
            PageRef::Data { lang, file } => {
                let (u, l) = (&self.urls, &self.site.config.languages[lang]);
                output_file(&match file {
                    DataFile::AllCsv => u.data_all(l, "csv"),
                    DataFile::AllJson => u.data_all(l, "json"),
                    DataFile::Part { part, json } => {
                        let (first, last) = self.data_parts()[part];
                        u.data_years(l, first, last, if json { "json" } else { "csv" })
                    }
                    DataFile::Year(y) => u.data_year(l, self.site.years[y].year),
                    DataFile::List(i) => u.data_list(l, &self.site.award_lists[i].slug),
                })
            }
        }
    }

    /// Static files of the theme and site, and the copies of profile photos.
    pub fn copied_files(&self) -> Vec<CopiedFile> {
        let mut out: Vec<CopiedFile> = self
            .theme
            .static_files
            .iter()
            .map(|(path, source)| CopiedFile {
                path: path.clone(),
                source: source.clone(),
                origin: static_origin(&self.site.config.root, path, source),
            })
            .collect();
        let default = self.site.config.default_language();
        for list in &self.site.award_lists {
            if let Some(a) = &list.attachment {
                let dir = self.urls.award_list(default, &list.slug);
                out.push(CopiedFile {
                    path: format!("{}{}", dir.trim_start_matches('/'), a.name),
                    source: StaticFile::OnDisk(a.file.clone()),
                    origin: Origin {
                        file: list.source.clone(),
                        line: None,
                        source: OutputSource::PageOf(display_path(&list.source)),
                    },
                });
            }
        }
        for p in &self.site.profiles {
            if let Some(photo) = &p.photo {
                let dir = self.urls.profile(default, &p.slug);
                out.extend(
                    photos::published(&dir, photo).map(|(path, copy)| CopiedFile {
                        path: path.trim_start_matches('/').to_owned(),
                        source: StaticFile::Cached(copy.file.clone()),
                        origin: Origin {
                            file: p.source.clone(),
                            line: Some(photo.line),
                            source: OutputSource::PhotoOf(display_path(&p.source)),
                        },
                    }),
                );
            }
        }
        out
    }

    /// Renders one page.
    pub fn render(&self, page: PageRef) -> Result<Vec<u8>, Diagnostic> {
        self.render_data(&self.data(page, &mut Inputs::default()))
    }

    /// What `page` shows, noting in `rec` the entities it shows.
    pub fn data(&self, page: PageRef, rec: &mut Inputs) -> PageData<'_> {
        match page {
            PageRef::Page { lang, kind } => PageData::Html(Box::new(self.html(lang, kind, rec))),
            PageRef::Feed { lang } => PageData::Feed(xml::Feed::new(self, lang, rec)),
            PageRef::Sitemap if self.sitemap_parts() > 1 => PageData::SitemapIndex {
                parts: self.sitemap_parts(),
            },
            PageRef::Sitemap => PageData::Sitemap(xml::Sitemap::new(self, &self.kinds(), None)),
            PageRef::SitemapPart(n) => PageData::Sitemap(xml::Sitemap::new(
                self,
                &self.kinds(),
                Some((n, self.sitemap_limit)),
            )),
            PageRef::Robots => PageData::Robots,
            PageRef::SearchIndex(i) => PageData::SearchIndex(&self.search_files()[i]),
            PageRef::Redirect(i) => PageData::Redirect(xml::RedirectPage::new(self, i)),
            PageRef::Data { lang, file } => {
                let records = data::Records::new(self.site, lang);
                let site = self.site;
                // What the preview must rebuild it for: the lists it holds,
                // and the profiles whose own awards it names.
                let (lists, inline, json): (Vec<AwardListId>, _, _) = match file {
                    DataFile::AllCsv | DataFile::AllJson => (
                        AwardListId::all(site.award_lists.len()).collect(),
                        data::Inline::All,
                        file == DataFile::AllJson,
                    ),
                    DataFile::Part { part, json } => {
                        let (first, last) = self.data_parts()[part];
                        let lists = AwardListId::all(site.award_lists.len())
                            .filter(|&l| (first..=last).contains(&site.award_lists[l].year))
                            .collect();
                        (lists, data::Inline::Years(first, last), json)
                    }
                    DataFile::Year(y) => (
                        site.years[y].award_lists.clone(),
                        data::Inline::Years(site.years[y].year, site.years[y].year),
                        false,
                    ),
                    DataFile::List(i) => (vec![i], data::Inline::None, false),
                };
                // What the preview must rebuild it for: the lists it holds,
                // and the profiles whose own awards it names.
                for &l in &lists {
                    rec.show(Entity::AwardList(l));
                }
                if !matches!(file, DataFile::List(_)) {
                    for (i, p) in ProfileId::all(site.profiles.len()).zip(&site.profiles) {
                        if p.awards.iter().any(|a| a.list.is_none()) {
                            rec.show(Entity::Profile(i));
                        }
                    }
                }
                PageData::Data(data::DataPage::new(
                    records,
                    lists,
                    (inline, json),
                    (&self.data_hashes[lang], self.chunks),
                    self.stop,
                ))
            }
        }
    }

    /// Writes a page from its value to `out`: an open data file as its
    /// records are made, any other page rendered first.
    pub fn write_data(&self, data: &PageData, out: &mut dyn io::Write) -> Result<(), WriteError> {
        match data {
            PageData::Data(file) => file.write(out).map_err(WriteError::Io),
            other => out
                .write_all(&self.render_data(other).map_err(WriteError::Render)?)
                .map_err(WriteError::Io),
        }
    }

    /// The bytes of a page from its value.
    pub fn render_data(&self, data: &PageData) -> Result<Vec<u8>, Diagnostic> {
        match data {
            PageData::Html(html) => self.render_html(html, 0),
            PageData::Feed(feed) => Ok(feed.write()),
            PageData::Sitemap(sitemap) => Ok(sitemap.write(&self.urls)),
            PageData::SitemapIndex { parts } => Ok(xml::sitemap_index(&self.urls, *parts)),
            PageData::Robots => Ok(format!(
                "User-agent: *\nAllow: /\n\nSitemap: {}\n",
                self.urls.absolute("/sitemap.xml")
            )
            .into_bytes()),
            PageData::SearchIndex(file) => Ok(file.bytes.to_vec()),
            PageData::Redirect(page) => Ok(page.write()),
            PageData::Data(file) => {
                let mut out = Vec::new();
                // Writing to memory cannot fail.
                let _ = file.write(&mut out);
                Ok(out)
            }
        }
    }

    /// The bytes of a page from its value as the preview keeps them: in
    /// pieces, sharing what the renderer keeps (a file of search results,
    /// an award list's records in an open-data file) instead of copying it.
    /// An HTML page is made in a buffer sized for `about` bytes (what it
    /// took last time), so that it is not grown again and again.
    pub fn render_pieces(&self, data: &PageData, about: usize) -> Result<Vec<Piece>, Diagnostic> {
        Ok(match data {
            PageData::Html(html) => vec![Piece::Made(self.render_html(html, about + about / 8)?)],
            PageData::SearchIndex(file) => vec![Piece::Kept(Arc::clone(&file.bytes))],
            PageData::Data(file) => file.pieces(),
            other => vec![Piece::Made(self.render_data(other)?)],
        })
    }

    /// The files of the search index, built once per renderer.
    pub fn search_files(&self) -> &[IndexFile] {
        self.search.get_or_init(|| {
            let keep = |hash, make: &mut dyn FnMut() -> Vec<u8>| match self.chunks {
                Some(chunks) => chunks.get((data::Chunk::SearchRows, hash), make),
                None => Arc::from(make()),
            };
            let units = &self.prepared.honours.units;
            build_index(self.site, units, &keep, &|| self.stopped()).unwrap_or_default()
        })
    }

    fn render_html(&self, html: &page::Html, room: usize) -> Result<Vec<u8>, Diagnostic> {
        let mut cx = self.prepared.languages[html.lang].common.clone();
        cx.insert("page", &html.page);
        cx.insert("pagination", &html.pagination);
        context::insert_fields(&mut cx, &html.kind);
        let mut out = Vec::with_capacity(room.max(16 * 1024));
        self.theme
            .tera
            .render_to(html.template, &cx, &mut out)
            .map_err(|e| theme::template_error(&e, &|name| self.theme.template_path(name)))?;
        Ok(out)
    }

    /// The path shown for a template in messages.
    pub fn template_path(&self, name: &str) -> PathBuf {
        self.theme.template_path(name)
    }
}

#[cfg(test)]
mod tests {
    use crate::build::{BuildOptions, load_site};

    #[test]
    fn kind_count_counts_what_kinds_lists() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
        let (site, theme) = load_site(&BuildOptions {
            root,
            ..BuildOptions::default()
        })
        .unwrap();
        let renderer = super::Renderer::new(&site, &theme);
        assert_eq!(renderer.kind_count(), renderer.kinds().len());
    }
}
