//! Parsed content files kept between loads, so that the preview server
//! re-reads only the files an edit touched instead of the whole site.
//!
//! The cache trusts its caller to say what changed ([`ParseCache::forget`]):
//! the file watcher knows, and asking the disk for every file's time would
//! cost more than it saves and miss two saves within one clock tick.

use std::collections::{HashMap, HashSet};
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::front::{CampaignFront, CampaignTranslation, ProfileFront, ProfileTranslation};
use super::{
    AwardListSource, Content, Page, ParseResult, Parsed, SourceInfo, collect, discover_all,
    is_ignored_name, markdown, parse_file, relative, split_language,
};
use crate::config::Config;
use crate::diagnostic::Diagnostics;
use crate::i18n::text::nfc;
use crate::vocab::{CONTENT_DIR, Section};

/// A parsed file and every file its parse read (an award list reads its
/// recipients spreadsheet).
struct Entry {
    inputs: Vec<PathBuf>,
    parsed: Parsed,
}

/// Successfully parsed files by path on disk. Files with problems are not
/// kept: they are few, and parsing them again gives the same messages.
#[derive(Default)]
pub struct ParseCache {
    /// By the bytes of the path, hashed with foldhash: a `PathBuf` key
    /// hashes and compares component by component, and a rebuild looks
    /// up every one of a province's 20,000 files.
    entries: HashMap<OsString, Entry, foldhash::fast::RandomState>,
    /// The last walk of the content folder (one without problems), while
    /// no edit since may have changed which files there are: walking
    /// 20,000 files again took 60 ms of every rebuild.
    walked: Option<Arc<Vec<(Section, SourceInfo)>>>,
}

impl ParseCache {
    /// Drops every file that reads a changed path, or a path inside a
    /// changed folder; and the last walk, unless every change is to a file
    /// that the walk has or would not list.
    pub fn forget(&mut self, changed: &[PathBuf]) {
        self.entries.retain(|_, e| {
            !e.inputs
                .iter()
                .any(|input| changed.iter().any(|c| input.starts_with(c)))
        });
        if let Some(walked) = &self.walked
            && changed.iter().any(|c| changes_the_walk(walked, c))
        {
            self.walked = None;
        }
    }

    /// Drops everything (the configuration changed: languages decide how files are read).
    pub fn clear(&mut self) {
        self.entries.clear();
        self.walked = None;
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A file as [`load_cached`] found it: in the cache, or parsed now (with
/// its path, to cache it under).
enum Got {
    Cached(Parsed),
    Parsed(OsString, ParseResult),
}

/// Like [`super::load`], reusing what `cache` holds and parsing only the
/// files it does not; the cache then holds exactly the files found now.
pub fn load_cached(config: &Config, cache: &mut ParseCache) -> (Content, Diagnostics) {
    let (files, problems) = match cache.walked.take() {
        Some(files) => (files, Diagnostics::new()),
        None => {
            let (files, problems) = discover_all(config);
            (Arc::new(files), problems)
        }
    };
    let entries = &cache.entries;
    // A cached file is copied out here, on every core: a province's
    // 200,000 recipients are most of a rebuild's loading.
    let got: Vec<Got> = files
        .par_iter()
        .map(|(section, info)| {
            let abs = info.abs.as_os_str();
            match entries.get(abs) {
                Some(entry) => Got::Cached(entry.parsed.clone()),
                None => Got::Parsed(abs.to_owned(), parse_file(config, *section, info.clone())),
            }
        })
        .collect();

    // The cache keeps its entries in place (moving 20,000 of them into a
    // new map took 20–40 ms of each rebuild): files parsed now are added,
    // and files no longer found are dropped.
    let mut found = 0;
    let mut results = Vec::with_capacity(got.len());
    for got in got {
        match got {
            Got::Cached(parsed) => {
                found += 1;
                results.push(Ok(parsed));
            }
            Got::Parsed(abs, Ok(parsed)) => {
                found += 1;
                let inputs = inputs_of(config, Path::new(&abs), &parsed);
                let entry = Entry {
                    inputs,
                    parsed: parsed.clone(),
                };
                cache.entries.insert(abs, entry);
                results.push(Ok(parsed));
            }
            Got::Parsed(_, Err(e)) => results.push(Err(e)),
        }
    }
    // Each file found has its entry, and the walk lists a path once: any
    // entry more is of a file gone.
    if cache.entries.len() != found {
        let paths: HashSet<&OsStr, foldhash::fast::RandomState> =
            files.iter().map(|(_, info)| info.abs.as_os_str()).collect();
        cache
            .entries
            .retain(|abs, _| paths.contains(abs.as_os_str()));
    }
    if problems.is_empty() {
        cache.walked = Some(files);
    }
    collect(results, problems)
}

/// Whether a change at `path` may change which files the content walk
/// finds: a folder, a new markdown or TOML file (or a name the walk
/// skips: the walk decides), a listed file gone, or a folder of listed
/// files gone. A spreadsheet or a listed file edited does not.
fn changes_the_walk(walked: &[(Section, SourceInfo)], path: &Path) -> bool {
    let listed = || walked.iter().any(|(_, info)| same(&info.abs, path));
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() => {
            let name = path.as_os_str().as_encoded_bytes();
            let content = name.ends_with(b".md") || name.ends_with(b".toml");
            content && !listed()
        }
        Ok(_) => true,
        Err(_) => walked.iter().any(|(_, info)| is_under(&info.abs, path)),
    }
}

/// `path` is `dir` or inside it. Compares the bytes of the paths as the
/// watcher and the walk give them (both under the same root): `Path`'s own
/// comparisons go component by component, which costs milliseconds over
/// a cache of 20,000 files, and the preview asks this on every edit.
fn is_under(path: &Path, dir: &Path) -> bool {
    let (p, d) = (
        path.as_os_str().as_encoded_bytes(),
        dir.as_os_str().as_encoded_bytes(),
    );
    let separator = |b: &u8| std::path::is_separator(char::from(*b));
    p.starts_with(d)
        && (p.len() == d.len() || separator(&p[d.len()]) || d.last().is_some_and(separator))
}

/// The same path, by its bytes (see [`is_under`]).
fn same(a: &Path, b: &Path) -> bool {
    a.as_os_str() == b.as_os_str()
}

fn inputs_of(config: &Config, abs: &Path, parsed: &Parsed) -> Vec<PathBuf> {
    let mut inputs = vec![abs.to_path_buf()];
    if let Parsed::AwardList(AwardListSource {
        sheet: Some(sheet), ..
    }) = parsed
    {
        inputs.push(config.root.join(&*sheet.file));
    }
    inputs
}

/// An original page with its translations, after an edit that changed only
/// text: the front matter of every file is as before, and no body has `@/`
/// links before or after (so no other page's address can show in it).
pub enum TextEdit {
    Profile {
        page: Box<Page<ProfileFront>>,
        translations: Vec<Page<ProfileTranslation>>,
    },
    Campaign {
        page: Box<Page<CampaignFront>>,
        translations: Vec<Page<CampaignTranslation>>,
    },
}

/// When every changed path is a known markdown file whose edit changed
/// only its text (see [`TextEdit`]), parses those files again, keeps them
/// in the cache and returns each edited original with its translations.
/// Paths that are gone and held nothing (an editor's temporary file) are
/// ignored. Otherwise returns `None` and leaves the cache as it was.
pub fn text_edits(
    config: &Config,
    cache: &mut ParseCache,
    changed: &[PathBuf],
) -> Option<Vec<TextEdit>> {
    let mut updates: Vec<(PathBuf, Parsed)> = Vec::new();
    for path in changed {
        let Some(entry) = cache.entries.get(path.as_os_str()) else {
            let held = cache
                .entries
                .values()
                .any(|e| e.inputs.iter().any(|i| is_under(i, path)));
            if held || path.exists() {
                return None;
            }
            continue;
        };
        let (section, info) = match &entry.parsed {
            Parsed::Profile(p) => (Section::Profiles, p.info.clone()),
            Parsed::ProfileTranslation(p) => (Section::Profiles, p.info.clone()),
            Parsed::Campaign(p) => (Section::Campaigns, p.info.clone()),
            Parsed::CampaignTranslation(p) => (Section::Campaigns, p.info.clone()),
            Parsed::AwardList(_) => return None,
        };
        let fresh = parse_file(config, section, info).ok()?;
        let same_front = match (&entry.parsed, &fresh) {
            (Parsed::Profile(a), Parsed::Profile(b)) => only_text_changed(a, b),
            (Parsed::ProfileTranslation(a), Parsed::ProfileTranslation(b)) => {
                only_text_changed(a, b)
            }
            (Parsed::Campaign(a), Parsed::Campaign(b)) => only_text_changed(a, b),
            (Parsed::CampaignTranslation(a), Parsed::CampaignTranslation(b)) => {
                only_text_changed(a, b)
            }
            _ => false,
        };
        if !same_front {
            return None;
        }
        updates.push((path.clone(), fresh));
    }

    let mut originals: Vec<PathBuf> = Vec::new();
    for (path, parsed) in &updates {
        let original = match parsed {
            Parsed::ProfileTranslation(p) => original_of(path, p.info.lang.as_deref())?,
            Parsed::CampaignTranslation(p) => original_of(path, p.info.lang.as_deref())?,
            _ => path.clone(),
        };
        if !originals.contains(&original) {
            originals.push(original);
        }
    }
    for (path, parsed) in updates {
        if let Some(entry) = cache.entries.get_mut(path.as_os_str()) {
            entry.parsed = parsed;
        }
    }
    originals
        .iter()
        .map(|original| edit_of(config, cache, original))
        .collect()
}

fn only_text_changed<F>(before: &Page<F>, after: &Page<F>) -> bool {
    before.text[before.toml.clone()] == after.text[after.toml.clone()]
        && !markdown::has_internal_links(before.body())
        && !markdown::has_internal_links(after.body())
}

/// `x.en.md` → `x.md` (`index.en.md` → `index.md` in a bundle).
fn original_of(path: &Path, lang: Option<&str>) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(&format!(".{}.md", lang?))?;
    Some(path.with_file_name(format!("{stem}.md")))
}

/// The translations of `original` (`x.md`) are `x.<code>.md` for each other language.
fn translation_paths(config: &Config, original: &Path) -> Vec<PathBuf> {
    let Some(stem) = original
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".md"))
    else {
        return Vec::new();
    };
    config
        .languages
        .iter()
        .skip(1)
        .map(|l| original.with_file_name(format!("{stem}.{}.md", l.code)))
        .collect()
}

fn edit_of(config: &Config, cache: &ParseCache, original: &Path) -> Option<TextEdit> {
    let paths = translation_paths(config, original);
    match &cache.entries.get(original.as_os_str())?.parsed {
        Parsed::Profile(page) => Some(TextEdit::Profile {
            page: Box::new(page.clone()),
            translations: cached_pages(cache, &paths, |p| {
                if let Parsed::ProfileTranslation(t) = p {
                    Some(t)
                } else {
                    None
                }
            }),
        }),
        Parsed::Campaign(page) => Some(TextEdit::Campaign {
            page: Box::new(page.clone()),
            translations: cached_pages(cache, &paths, |p| {
                if let Parsed::CampaignTranslation(t) = p {
                    Some(t)
                } else {
                    None
                }
            }),
        }),
        _ => None,
    }
}

/// The cached pages at `paths` that `pick` accepts.
fn cached_pages<T: Clone>(
    cache: &ParseCache,
    paths: &[PathBuf],
    pick: fn(&Parsed) -> Option<&Page<T>>,
) -> Vec<Page<T>> {
    paths
        .iter()
        .filter_map(|p| {
            cache
                .entries
                .get(p.as_os_str())
                .and_then(|e| pick(&e.parsed))
                .cloned()
        })
        .collect()
}

/// A content file as an edit left it, parsed on its own for the preview's
/// first look at the edited page ([`quick_edits`]), before the whole site
/// is loaded and assembled again.
pub enum QuickEdit {
    /// A profile (new or edited) with its translations as they are now.
    Profile {
        page: Box<Page<ProfileFront>>,
        translations: Vec<Page<ProfileTranslation>>,
    },
    Campaign {
        page: Box<Page<CampaignFront>>,
        translations: Vec<Page<CampaignTranslation>>,
    },
    /// An award list read again (its file or its spreadsheet changed).
    AwardList(Box<AwardListSource>),
    /// The original file of a page is gone (relative to the site's root).
    Gone(PathBuf),
}

/// Parses the files at `changed` (absolute paths under `content/`) on
/// their own, without touching `cache`: each edited page with what it is
/// made of now. `None` when a changed file cannot be read cleanly or is
/// not one whose page can be made alone (a folder, a bundle, a
/// spreadsheet no list reads): then only the whole site tells.
pub fn quick_edits(
    config: &Config,
    cache: &ParseCache,
    changed: &[PathBuf],
) -> Option<Vec<QuickEdit>> {
    // Fresh parses of changed markdown files; `None`: the file is gone.
    let mut fresh: HashMap<PathBuf, Option<Parsed>> = HashMap::new();
    let mut originals: Vec<PathBuf> = Vec::new();
    let mut lists: Vec<PathBuf> = Vec::new();
    let mut out = Vec::new();
    for path in changed {
        // A spreadsheet: the award lists that read it are read again.
        let readers: Vec<&OsString> = cache
            .entries
            .iter()
            .filter(|(_, e)| e.inputs[1..].iter().any(|i| same(i, path)))
            .map(|(abs, _)| abs)
            .collect();
        if !readers.is_empty() {
            if !path.is_file() {
                return None;
            }
            lists.extend(readers.into_iter().map(PathBuf::from));
            continue;
        }
        if !path.exists() {
            let Some(entry) = cache.entries.get(path.as_os_str()) else {
                // Held nothing (an editor's temporary file), unless a folder went.
                let held = cache.entries.keys().any(|k| is_under(Path::new(k), path));
                if held {
                    return None;
                }
                continue;
            };
            match &entry.parsed {
                Parsed::ProfileTranslation(p) => {
                    originals.push(original_of(path, p.info.lang.as_deref())?);
                }
                Parsed::CampaignTranslation(p) => {
                    originals.push(original_of(path, p.info.lang.as_deref())?);
                }
                Parsed::Profile(p) => out.push(QuickEdit::Gone(p.info.rel.clone())),
                Parsed::Campaign(p) => out.push(QuickEdit::Gone(p.info.rel.clone())),
                Parsed::AwardList(l) => out.push(QuickEdit::Gone(l.info.rel.clone())),
            }
            // Gone: not made again for a translation deleted with it.
            fresh.insert(path.clone(), None);
            continue;
        }
        if !path.is_file() {
            return None;
        }
        let Some((section, info)) = source_info(config, path) else {
            // Not a content file (another extension): the whole site decides.
            return None;
        };
        if section == Section::Awards {
            lists.push(path.clone());
            continue;
        }
        let original = match &info.lang {
            Some(lang) => original_of(path, Some(lang))?,
            None => path.clone(),
        };
        let parsed = parse_file(config, section, info).ok()?;
        fresh.insert(path.clone(), Some(parsed));
        originals.push(original);
    }

    // The state of a file now: parsed again when it changed, else cached.
    let now = |path: &PathBuf| -> Option<Parsed> {
        match fresh.get(path) {
            Some(parsed) => parsed.clone(),
            None => cache
                .entries
                .get(path.as_os_str())
                .map(|e| e.parsed.clone()),
        }
    };
    originals.sort();
    originals.dedup();
    for original in originals {
        if fresh.get(&original).is_some_and(Option::is_none) {
            continue; // gone itself: already noted
        }
        let translations: Vec<Parsed> = translation_paths(config, &original)
            .iter()
            .filter_map(now)
            .collect();
        match now(&original)? {
            Parsed::Profile(page) => out.push(QuickEdit::Profile {
                page: Box::new(page),
                translations: translations
                    .into_iter()
                    .filter_map(|t| match t {
                        Parsed::ProfileTranslation(t) => Some(t),
                        _ => None,
                    })
                    .collect(),
            }),
            Parsed::Campaign(page) => out.push(QuickEdit::Campaign {
                page: Box::new(page),
                translations: translations
                    .into_iter()
                    .filter_map(|t| match t {
                        Parsed::CampaignTranslation(t) => Some(t),
                        _ => None,
                    })
                    .collect(),
            }),
            _ => return None,
        }
    }
    lists.sort();
    lists.dedup();
    for list in lists {
        let (section, info) = source_info(config, &list)?;
        match parse_file(config, section, info).ok()? {
            Parsed::AwardList(source) => out.push(QuickEdit::AwardList(Box::new(source))),
            _ => return None,
        }
    }
    Some(out)
}

/// The section and name of one content file, as the walk over the content
/// folder would find it; `None` when the walk would not take it as a page
/// or list (hidden, another extension, a language the site has not, a
/// bundle's `index.md`, which the quick path leaves to the whole site).
fn source_info(config: &Config, abs: &Path) -> Option<(Section, SourceInfo)> {
    let rel_content = abs.strip_prefix(config.root.join(CONTENT_DIR)).ok()?;
    let mut parts = rel_content.components();
    let first = parts.next()?.as_os_str().to_str()?;
    let section = Section::ALL.into_iter().find(|s| s.dir() == first)?;
    let names: Vec<&str> = parts
        .map(|c| c.as_os_str().to_str())
        .collect::<Option<_>>()?;
    if names.iter().any(|n| is_ignored_name(n)) {
        return None;
    }
    let name = names.last()?;
    let ext = if section == Section::Awards {
        ".toml"
    } else {
        ".md"
    };
    let base = name.strip_suffix(ext)?;
    let (base, lang) = match split_language(base) {
        Some((stem, code)) => {
            if config.language(code).is_none() || code == config.default_language().code {
                return None;
            }
            (stem, Some(code.to_owned()))
        }
        None => (base, None),
    };
    if section == Section::Awards && lang.is_some() {
        return None;
    }
    if section == Section::Profiles && base == "index" && names.len() >= 2 {
        return None;
    }
    Some((
        section,
        SourceInfo {
            rel: relative(config, abs),
            abs: abs.to_path_buf(),
            stem: nfc(base).into_owned(),
            lang,
            bundle: false,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_under_itself_and_its_folders_only() {
        let p = Path::new("/site/content/profiles/a.md");
        assert!(is_under(p, Path::new("/site/content/profiles/a.md")));
        assert!(is_under(p, Path::new("/site/content/profiles")));
        assert!(is_under(p, Path::new("/site/content/")));
        assert!(!is_under(p, Path::new("/site/content/prof")));
        assert!(!is_under(p, Path::new("/site/content/profiles/a.m")));
        assert!(!is_under(Path::new("/site/content"), p));
    }
}
