//! Finding and reading content files: profiles and campaigns (markdown with
//! TOML front matter), award lists (TOML, optionally with a recipients
//! spreadsheet: a CSV file or an Excel workbook).
//!
//! Loading turns files into typed values ([`front`]) without looking across
//! files; cross-file rules (references, duplicates, translations without an
//! original) are the model's. Every problem is collected, none stops the run.

pub mod blanks;
pub mod cache;
pub mod front;
pub mod frontmatter;
pub mod markdown;
pub mod recipients;

use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::config::Config;
use crate::diagnostic::messages::{TomlPart, Unreadable};
use crate::diagnostic::toml_read::{TomlSource, read_toml};
use crate::diagnostic::{
    AwardProblem, CsvProblem, Diagnostic, Diagnostics, FileProblem, Lines, NameProblem, Problem,
    display_path,
};
use crate::i18n::slug::slugify;
use crate::i18n::text;
use crate::sitefs::{self, ReadError};
use crate::vocab::{BLANK, CONTENT_DIR, Section};
use front::{AwardListFile, CampaignFront, CampaignTranslation, ProfileFront, ProfileTranslation};
use frontmatter::SplitError;
use recipients::Sheet;
use toml::Spanned;

/// Where a content file is and what its name says.
#[derive(Debug, Clone)]
pub struct SourceInfo {
    /// Path relative to the site root (used in every message).
    pub rel: PathBuf,
    /// Path on disk.
    pub abs: PathBuf,
    /// File stem, or the folder name of a bundle (`<slug>/index.md`).
    pub stem: String,
    /// The language code before the extension (`x.en.md`), `None` for an original.
    pub lang: Option<String>,
    /// Whether the file is a bundle's `index.md`.
    pub bundle: bool,
}

/// A markdown file: its typed front matter and its body, with their places.
#[derive(Debug, Clone)]
pub struct Page<F> {
    pub info: SourceInfo,
    pub front: F,
    /// The whole file, shared: the preview's parse cache hands out copies
    /// of pages on every rebuild.
    text: Arc<str>,
    toml: Range<usize>,
    body: Range<usize>,
    /// Lines of the file before the body.
    pub body_line_offset: usize,
    /// The body as HTML, rendered while loading when it has no `@/` links
    /// (those need every page's address, so the model renders them later).
    pub rendered: Option<Arc<markdown::Rendered>>,
    /// Where the file's lines start, for the places of its problems.
    lines: Lines,
}

impl<F> Page<F> {
    pub fn body(&self) -> &str {
        &self.text[self.body.clone()]
    }

    /// A diagnostic at a span of the front matter's TOML.
    pub fn at(&self, span: Range<usize>, problem: impl Into<Problem>) -> Diagnostic {
        // The TOML starts on line 2, after the opening `+++`.
        let (line, col) = self
            .lines
            .line_col(&self.text, self.toml.start + span.start);
        Diagnostic::at(&self.info.rel, line, Some(col), problem)
    }

    /// The line and column of the whole file where a span of the front
    /// matter's TOML starts.
    pub fn place(&self, span: Range<usize>) -> (usize, usize) {
        self.lines
            .line_col(&self.text, self.toml.start + span.start)
    }

    /// The line of the whole file a span of the front matter's TOML is on.
    pub fn line(&self, span: Range<usize>) -> usize {
        self.lines
            .line_col(&self.text, self.toml.start + span.start)
            .0
    }

    /// A diagnostic about the whole front matter (its opening line).
    pub fn at_front_matter(&self, problem: impl Into<Problem>) -> Diagnostic {
        Diagnostic::at(&self.info.rel, 1, None, problem)
    }
}

/// An award-list file with the recipients of its spreadsheet, if it names one.
#[derive(Debug, Clone)]
pub struct AwardListSource {
    pub info: SourceInfo,
    pub file: AwardListFile,
    text: String,
    /// Where the file's lines start, for the places of its problems.
    lines: Lines,
    /// The recipients spreadsheet it names (`recipients_csv` or
    /// `recipients_xlsx`), read; shared, so that the preview's parse cache
    /// hands it to every rebuild without copying its rows.
    pub sheet: Option<Arc<Sheet>>,
    /// The signed decision it attaches, checked to be a PDF.
    pub attachment: Option<Attachment>,
}

/// A PDF attached to an award list: published beside its page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// The file on disk.
    pub file: PathBuf,
    /// Its file name as it is published: the original's, slugified, `.pdf`.
    pub name: String,
    /// Its size in bytes, shown beside the link.
    pub bytes: u64,
}

/// The largest attachment published: a scanned decision of a few pages is
/// well under it.
pub const MAX_ATTACHMENT_BYTES: u64 = 20 * 1024 * 1024;

impl AwardListSource {
    pub fn at(&self, span: Range<usize>, problem: impl Into<Problem>) -> Diagnostic {
        let (line, col) = self.place(span);
        Diagnostic::at(&self.info.rel, line, Some(col), problem)
    }

    /// The line and column where a span of the file starts.
    pub fn place(&self, span: Range<usize>) -> (usize, usize) {
        self.lines.line_col(&self.text, span.start)
    }
}

/// Every content file of a site, parsed.
#[derive(Debug, Default)]
pub struct Content {
    pub profiles: Vec<Page<ProfileFront>>,
    pub profile_translations: Vec<Page<ProfileTranslation>>,
    pub campaigns: Vec<Page<CampaignFront>>,
    pub campaign_translations: Vec<Page<CampaignTranslation>>,
    pub award_lists: Vec<AwardListSource>,
    /// Stems of files that exist but could not be read (as written, and as
    /// slugs): references to them are not reported again as missing.
    pub broken: HashSet<(Section, String)>,
    /// The files that exist but could not be read, relative to the site's
    /// root: `@/` links to them are not reported again as broken.
    pub broken_files: HashSet<PathBuf>,
}

/// A file that could not be read, and why.
#[derive(Debug)]
struct Broken {
    section: Section,
    stem: String,
    rel: PathBuf,
    problems: Diagnostics,
}

#[derive(Clone)]
enum Parsed {
    Profile(Page<ProfileFront>),
    ProfileTranslation(Page<ProfileTranslation>),
    Campaign(Page<CampaignFront>),
    CampaignTranslation(Page<CampaignTranslation>),
    AwardList(AwardListSource),
}

/// Finds and parses every content file. Returns what could be read and
/// every problem found.
pub fn load(config: &Config) -> (Content, Diagnostics) {
    let (files, problems) = discover_all(config);
    let results: Vec<ParseResult> = files
        .into_par_iter()
        .map(|(section, info)| parse_file(config, section, info))
        .collect();
    collect(results, problems)
}

/// Every content file of the three sections, with the problems of finding them.
fn discover_all(config: &Config) -> (Vec<(Section, SourceInfo)>, Diagnostics) {
    let mut problems = Diagnostics::new();
    let content_dir = config.root.join(CONTENT_DIR);
    let mut files = Vec::new();
    for section in Section::ALL {
        discover(config, &content_dir, section, &mut files, &mut problems);
    }
    (files, problems)
}

/// Sorts parsed files into [`Content`], adding their problems to `problems`.
fn collect(results: Vec<ParseResult>, mut problems: Diagnostics) -> (Content, Diagnostics) {
    let mut content = Content::default();
    for result in results {
        match result {
            Ok(Parsed::Profile(p)) => content.profiles.push(p),
            Ok(Parsed::ProfileTranslation(p)) => content.profile_translations.push(p),
            Ok(Parsed::Campaign(p)) => content.campaigns.push(p),
            Ok(Parsed::CampaignTranslation(p)) => content.campaign_translations.push(p),
            Ok(Parsed::AwardList(a)) => content.award_lists.push(a),
            Err(broken) => {
                let slug = slugify(&broken.stem);
                content.broken.insert((broken.section, slug));
                content.broken.insert((broken.section, broken.stem));
                content.broken_files.insert(broken.rel);
                problems.extend(broken.problems);
            }
        }
    }
    (content, problems)
}

fn relative(config: &Config, path: &Path) -> PathBuf {
    path.strip_prefix(&config.root)
        .unwrap_or(path)
        .to_path_buf()
}

/// Editor droppings and hidden files that are never content.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.') || is_dropping(name)
}

/// Files editors and operating systems leave beside the ones a person
/// saved: backups (`x~`), swap and lock files (Office's `~$x.xlsx` while a
/// workbook is open), the probe file vim writes (`4913`), and macOS and
/// Windows folder metadata. `static/` is copied as
/// it is, hidden files (`.htaccess`, `.nojekyll`) included, except these.
pub fn is_dropping(name: &str) -> bool {
    name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name == "4913"
        || name == ".DS_Store"
        || name.starts_with("._")
        || name.starts_with(".~lock.")
        || name.starts_with("~$")
        || name.starts_with(".#")
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || name.eq_ignore_ascii_case("Thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

fn discover(
    config: &Config,
    content_dir: &Path,
    section: Section,
    out: &mut Vec<(Section, SourceInfo)>,
    problems: &mut Diagnostics,
) {
    let dir = content_dir.join(section.dir());
    if !dir.is_dir() {
        return;
    }
    // The walk follows no link below `dir`; `dir` itself must not lead out.
    if !sitefs::is_inside(&config.root, &dir).unwrap_or(false) {
        let rel = relative(config, &dir);
        let name = display_path(&rel);
        problems.push(Diagnostic::file(
            rel,
            ReadError::Outside.problem(&name, Unreadable::Folder),
        ));
        return;
    }
    // By file name: siblings share their folder's path, so their whole
    // paths compare as their names do, without finding each name again
    // (that was most of the walk's time in a folder of 20,000 profiles).
    let walker = walkdir::WalkDir::new(&dir)
        .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| relative(config, p))
                    .unwrap_or_else(|| relative(config, &dir));
                problems.push(Diagnostic::file(
                    path,
                    FileProblem::CannotRead {
                        what: Unreadable::Folder,
                        detail: e.to_string(),
                    },
                ));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        let wanted_ext = if section == Section::Awards {
            ".toml"
        } else {
            ".md"
        };
        let Some(base) = name.strip_suffix(wanted_ext) else {
            continue;
        };
        let rel = relative(config, path);
        let (base, lang) = match split_language(base) {
            Some((stem, code)) => {
                if config.language(code).is_none() || code == config.default_language().code {
                    problems.push(Diagnostic::file(
                        &rel,
                        NameProblem::NotATranslationLanguage {
                            code: code.to_owned(),
                            ext: wanted_ext.to_owned(),
                            known: config
                                .languages
                                .iter()
                                .skip(1)
                                .map(|l| l.code.clone())
                                .collect(),
                        },
                    ));
                    continue;
                }
                (stem, Some(code.to_owned()))
            }
            None => (base, None),
        };
        if section == Section::Awards && lang.is_some() {
            problems.push(Diagnostic::file(&rel, NameProblem::AwardListTranslated));
            continue;
        }
        let bundle = section == Section::Profiles && base == "index" && entry.depth() >= 2;
        let stem = if bundle {
            path.parent()
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        } else {
            base.to_owned()
        };
        out.push((
            section,
            SourceInfo {
                rel,
                abs: path.to_path_buf(),
                stem: text::nfc(&stem).into_owned(),
                lang,
                bundle,
            },
        ));
    }
}

/// `to-thi-hoa.en` → (`to-thi-hoa`, `en`) when the last part looks like a
/// language code.
fn split_language(base: &str) -> Option<(&str, &str)> {
    let (stem, code) = base.rsplit_once('.')?;
    let looks_like_code =
        (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase());
    (looks_like_code && !stem.is_empty()).then_some((stem, code))
}

type ParseResult = Result<Parsed, Broken>;

fn parse_file(config: &Config, section: Section, info: SourceInfo) -> ParseResult {
    let fail = |info: &SourceInfo, problems: Diagnostics| {
        Err(Broken {
            section,
            stem: info.stem.clone(),
            rel: info.rel.clone(),
            problems,
        })
    };
    let bytes = match sitefs::read(&info.abs) {
        Ok(b) => b,
        Err(e) => {
            let problem = e.problem(&display_path(&info.rel), Unreadable::File);
            return fail(&info, Diagnostic::file(&info.rel, problem).into());
        }
    };
    let source = match text::decode_source(&bytes) {
        Ok(s) => s,
        Err(e) => {
            return fail(
                &info,
                Diagnostic::at(&info.rel, e.line, Some(e.col), FileProblem::NotUtf8).into(),
            );
        }
    };
    let result = match (section, info.lang.is_some()) {
        (Section::Profiles, false) => parse_page(config, info.clone(), source).map(Parsed::Profile),
        (Section::Profiles, true) => {
            parse_page(config, info.clone(), source).map(Parsed::ProfileTranslation)
        }
        (Section::Campaigns, false) => {
            parse_page(config, info.clone(), source).map(Parsed::Campaign)
        }
        (Section::Campaigns, true) => {
            parse_page(config, info.clone(), source).map(Parsed::CampaignTranslation)
        }
        (Section::Awards, _) => {
            parse_award_list(config, info.clone(), source).map(Parsed::AwardList)
        }
    };
    result.or_else(|d| fail(&info, d))
}

fn parse_page<F: DeserializeOwned>(
    config: &Config,
    info: SourceInfo,
    text: String,
) -> Result<Page<F>, Diagnostics> {
    let split = frontmatter::split(&text).map_err(|e| {
        let problem = match e {
            SplitError::Empty => return Diagnostic::file(&info.rel, FileProblem::EmptyFile),
            SplitError::NoOpening { first_line } => FileProblem::NoFrontMatter { first_line },
            SplitError::NotClosed => FileProblem::FrontMatterNotClosed,
        };
        Diagnostic::at(&info.rel, 1, Some(1), problem)
    })?;
    let toml_start = split.toml.as_ptr() as usize - text.as_ptr() as usize;
    let toml = toml_start..toml_start + split.toml.len();
    let body_start = split.body.as_ptr() as usize - text.as_ptr() as usize;
    let body = body_start..text.len();
    let body_line_offset = split.body_line_offset;
    let source = TomlSource {
        path: &info.rel,
        part: TomlPart::FrontMatter,
        line_offset: split.toml_line_offset,
    };
    let front =
        read_fields::<F>(&info.rel, split.toml, source).map_err(|(_, problems)| problems)?;
    let rendered = (!markdown::has_internal_links(&text[body.clone()])).then(|| {
        let options = markdown::MarkdownOptions {
            unsafe_html: config.markdown.unsafe_html,
        };
        Arc::new(markdown::render(&text[body.clone()], &options, &|_| {
            markdown::Target::Missing
        }))
    });
    Ok(Page {
        info,
        front,
        text: Arc::from(text),
        toml,
        body,
        body_line_offset,
        rendered,
        lines: Lines::default(),
    })
}

fn parse_award_list(
    config: &Config,
    info: SourceInfo,
    text: String,
) -> Result<AwardListSource, Diagnostics> {
    let source = TomlSource {
        path: &info.rel,
        part: TomlPart::AwardList,
        line_offset: 0,
    };
    let (file, mut problems) = match read_fields::<AwardListFile>(&info.rel, &text, source) {
        Ok(file) => (file, Diagnostics::new()),
        // Its spreadsheet is another file, checked all the same when the
        // list names it where it is written.
        Err((Some((file, written)), problems)) => {
            // Not a stand-in, nor a blank left to fill in.
            let written = |s: &Option<Spanned<String>>| {
                s.as_ref()
                    .filter(|s| written(&s.span()) && s.get_ref() != BLANK)
                    .cloned()
            };
            // A sheet named wrong: not the first one instead.
            let sheet_right = file.sheet.is_none() || written(&file.sheet).is_some();
            let file = AwardListFile {
                recipients_csv: written(&file.recipients_csv),
                recipients_xlsx: written(&file.recipients_xlsx).filter(|_| sheet_right),
                sheet: written(&file.sheet),
                attachment: written(&file.attachment),
                ..file
            };
            (file, problems)
        }
        Err((None, problems)) => return Err(problems),
    };
    let mut source = AwardListSource {
        info,
        file,
        text,
        lines: Lines::default(),
        sheet: None,
        attachment: None,
    };
    // The signed decision and the spreadsheet are other files: each checked.
    if let Some(name) = source.file.attachment.clone() {
        match attachment(config, &source, &name) {
            Ok(found) => source.attachment = Some(found),
            Err(problem) => problems.push(problem),
        }
    }
    if let Err(sheet_problems) = read_sheet(config, &mut source) {
        problems.extend(sheet_problems);
    }
    problems.into_result(source)
}

/// The fields of a TOML text (the front matter of a page or an award list),
/// every problem of the text found at once: the blanks left by `vinhdanh
/// new` and every wrong field. On problems, the value as far as it could be
/// read (stand-ins where the text was wrong), with a test of whether a span
/// of it was written in the text.
#[allow(clippy::type_complexity)]
fn read_fields<T: DeserializeOwned>(
    rel: &Path,
    text: &str,
    source: TomlSource<'_>,
) -> Result<T, (Option<(T, impl Fn(&Range<usize>) -> bool)>, Diagnostics)> {
    let blanks = blanks::BlanksLeft::find(rel, text, source.line_offset);
    let read = read_toml::<T>(text, source, &|span| blanks.covers(text, span));
    if read.is_clean() && blanks.problems.is_empty() {
        return read.into_result().map_err(|p| (None, p));
    }
    let len = text.len();
    let mut problems = blanks.problems;
    problems.extend(read.problems);
    let value = read
        .value
        .map(|v| (v, move |s: &Range<usize>| s.end <= len));
    Err((value, problems.sorted()))
}

/// Reads the recipients spreadsheet an award list names, if any.
fn read_sheet(config: &Config, source: &mut AwardListSource) -> Result<(), Diagnostics> {
    let f = &source.file;
    let (csv, xlsx, sheet) = (
        f.recipients_csv.clone(),
        f.recipients_xlsx.clone(),
        f.sheet.clone(),
    );
    if let (Some(_), Some(xlsx)) = (&csv, &xlsx) {
        return Err(source.at(xlsx.span(), CsvProblem::CsvAndWorkbook).into());
    }
    if let (Some(sheet), None) = (&sheet, &xlsx) {
        return Err(source
            .at(sheet.span(), CsvProblem::SheetWithoutWorkbook)
            .into());
    }
    if let Some(name) = &csv {
        let (bytes, rel) = read_beside(config, source, name)?;
        let read = recipients::csv_file::parse_recipients(&bytes, &rel);
        source.sheet = Some(Arc::new(read.map_err(Diagnostics)?));
    }
    if let Some(name) = &xlsx {
        let (bytes, rel) = read_beside(config, source, name)?;
        let mut book = recipients::workbook::open(&bytes, &rel)?;
        let chosen = match &sheet {
            Some(wanted) => book.find_sheet(wanted.get_ref()).ok_or_else(|| {
                let problem = CsvProblem::NoSheet {
                    workbook: name.get_ref().clone(),
                    sheet: wanted.get_ref().clone(),
                    sheets: book.sheet_names(),
                };
                source.at(wanted.span(), problem)
            })?,
            None => book.first_sheet().ok_or_else(|| {
                let problem = CsvProblem::NotAWorkbook {
                    text: false,
                    detail: "it has no sheet".to_owned(),
                };
                Diagnostic::file(&rel, problem)
            })?,
        };
        source.sheet = Some(Arc::new(book.read(&chosen).map_err(Diagnostics)?));
    }
    Ok(())
}

/// The PDF `name` beside an award list: inside the site, at most
/// [`MAX_ATTACHMENT_BYTES`], starting with `%PDF-`.
fn attachment(
    config: &Config,
    source: &AwardListSource,
    name: &Spanned<String>,
) -> Result<Attachment, Diagnostic> {
    let dir = source.info.abs.parent().unwrap_or(Path::new("."));
    let written = name.get_ref();
    let read = sitefs::resolve(&config.root, dir, written)
        .and_then(|abs| Ok((sitefs::peek(&abs, MAX_ATTACHMENT_BYTES, 5)?, abs)));
    let ((bytes, head), file) = read.map_err(|e| {
        let what = Unreadable::Attachment {
            name: written.clone(),
        };
        source.at(name.span(), e.problem(written, what))
    })?;
    if head != b"%PDF-" {
        let problem = AwardProblem::AttachmentNotPdf {
            name: written.clone(),
        };
        return Err(source.at(name.span(), problem));
    }
    // Published under a plain name, so its address needs no escaping:
    // `QĐ 631 (bản ký).pdf` → `qd-631-ban-ky.pdf`.
    let stem = file
        .file_stem()
        .map(|n| crate::i18n::slug::slugify(&n.to_string_lossy()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "quyet-dinh".to_owned());
    let file_name = format!("{stem}.pdf");
    Ok(Attachment {
        file,
        name: file_name,
        bytes,
    })
}

/// The bytes of the file `name` beside an award list (inside the site),
/// and its path relative to the site root.
fn read_beside(
    config: &Config,
    source: &AwardListSource,
    name: &Spanned<String>,
) -> Result<(Vec<u8>, PathBuf), Diagnostic> {
    let dir = source.info.abs.parent().unwrap_or(Path::new("."));
    let written = name.get_ref();
    let read =
        sitefs::resolve(&config.root, dir, written).and_then(|abs| Ok((sitefs::read(&abs)?, abs)));
    let (bytes, abs) = read.map_err(|e| {
        let what = Unreadable::RecipientsCsv {
            name: written.clone(),
        };
        source.at(name.span(), e.problem(written, what))
    })?;
    Ok((bytes, relative(config, &abs)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_suffix() {
        assert_eq!(split_language("to-thi-hoa.en"), Some(("to-thi-hoa", "en")));
        assert_eq!(split_language("to-thi-hoa"), None);
        assert_eq!(split_language("v1.2"), None);
        assert_eq!(split_language(".en"), None);
    }

    #[test]
    fn office_lock_files_are_droppings() {
        assert!(is_dropping("~$631-ubnd.xlsx"));
        assert!(is_dropping(".~lock.631-ubnd.xlsx#"));
        assert!(!is_dropping("631-ubnd.xlsx"));
    }
}
