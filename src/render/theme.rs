//! A theme: its Tera templates, UI strings per language and static files.
//!
//! The default theme is embedded in the binary (its source is
//! `themes/default/`). A site may use a theme from `themes/<name>/` and
//! override single templates (`templates/`) and single UI strings (`i18n/`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;

use crate::config::Config;
use crate::diagnostic::messages::{TemplateFault, TomlPart, Unreadable};
use crate::diagnostic::toml_words::toml_diagnostic;
use crate::diagnostic::{
    ConfigProblem, Diagnostic, Diagnostics, FileProblem, ThemeProblem, display_path,
};
use crate::i18n::text;
use crate::sitefs::{self, ReadError};
use crate::vocab::{CONFIG_FILE, I18N_DIR, STATIC_DIR, TEMPLATES_DIR, THEMES_DIR};

// `DEFAULT_THEME`: every file of `themes/default/`, written by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));

/// A file of a theme or site, with the path shown in messages.
#[derive(Debug, Clone)]
struct ThemeFile {
    /// Where it came from, for messages: relative to the site root, or
    /// `(built-in theme) templates/x.html`.
    shown_as: PathBuf,
    text: String,
}

/// A static file to copy into the output.
#[derive(Debug, Clone)]
pub enum StaticFile {
    Embedded(&'static [u8]),
    OnDisk(PathBuf),
    /// A photo copy in vinhdanh's photo cache: named by the hash of what it
    /// was made from and never rewritten, so a build may hard-link it
    /// instead of copying its bytes.
    Cached(PathBuf),
}

/// Templates, UI strings and static files, ready to render with.
pub struct Theme {
    pub tera: tera::Tera,
    /// UI strings per language, in the order of `Config::languages`.
    pub strings: Vec<IndexMap<String, String>>,
    /// Output path (forward slashes) → file.
    pub static_files: BTreeMap<String, StaticFile>,
    /// Template name → path shown in messages.
    template_paths: BTreeMap<String, PathBuf>,
}

impl Theme {
    /// The path to show for a template in messages.
    pub fn template_path(&self, name: &str) -> PathBuf {
        self.template_paths
            .get(name)
            .cloned()
            .unwrap_or_else(|| PathBuf::from(TEMPLATES_DIR).join(name))
    }
}

/// Where the theme's files come from.
enum Source {
    Embedded,
    Folder(PathBuf),
}

/// Loads the site's theme with its overrides and checks templates and UI strings.
pub fn load(config: &Config) -> Result<Theme, Diagnostics> {
    let mut problems = Diagnostics::new();
    let theme_dir = config.root.join(THEMES_DIR).join(&config.theme);
    let source = if theme_dir.is_dir() {
        Source::Folder(theme_dir)
    } else if config.theme == "default" {
        Source::Embedded
    } else {
        let problem = ConfigProblem::UnknownTheme {
            name: config.theme.clone(),
        };
        return Err(Diagnostic::file(CONFIG_FILE, problem).into());
    };

    // Templates: the theme's, then the site's over them.
    let mut templates: BTreeMap<String, ThemeFile> = BTreeMap::new();
    let mut i18n: BTreeMap<String, Vec<ThemeFile>> = BTreeMap::new();
    let mut static_files = BTreeMap::new();
    // The built-in theme's templates and strings are the base layer of every
    // theme, so a theme folder need only hold what it changes; its static
    // files (the look) come only with the built-in theme itself.
    for &(path, contents) in DEFAULT_THEME {
        let path = Path::new(path);
        let shown = PathBuf::from("(built-in theme)").join(path);
        if let (Source::Embedded, Ok(rest)) = (&source, path.strip_prefix(STATIC_DIR)) {
            // Any bytes: images as well as text.
            static_files.insert(display_path(rest), StaticFile::Embedded(contents));
        }
        let Ok(text) = std::str::from_utf8(contents) else {
            continue;
        };
        add_theme_file(path, shown, text.to_owned(), &mut templates, &mut i18n);
    }
    if let Source::Folder(dir) = &source {
        read_folder(
            config,
            dir,
            &mut templates,
            &mut i18n,
            &mut static_files,
            &mut problems,
        );
    }
    let site_layer = config.root.clone();
    read_folder(
        config,
        &site_layer,
        &mut templates,
        &mut i18n,
        &mut static_files,
        &mut problems,
    );

    let mut tera = tera::Tera::new();
    tera.autoescape_on(vec![".html", ".htm", ".xml"]);
    tera.set_escape_fn(super::xml::escape_html);
    let template_paths: BTreeMap<String, PathBuf> = templates
        .iter()
        .map(|(k, v)| (k.clone(), v.shown_as.clone()))
        .collect();
    let sources: Vec<(String, String)> = templates
        .iter()
        .map(|(k, v)| (k.clone(), v.text.clone()))
        .collect();
    if let Err(e) = tera.add_raw_templates(sources) {
        problems.push(template_error(&e, &|name| {
            template_paths
                .get(name)
                .cloned()
                .unwrap_or_else(|| PathBuf::from(TEMPLATES_DIR).join(name))
        }));
    }

    let strings = load_strings(config, &i18n, &templates, &mut problems);
    problems.into_result(Theme {
        tera,
        strings,
        static_files,
        template_paths,
    })
}

/// Files of a theme folder or the site root: `templates/`, `i18n/`, `static/`.
fn read_folder(
    config: &Config,
    dir: &Path,
    templates: &mut BTreeMap<String, ThemeFile>,
    i18n: &mut BTreeMap<String, Vec<ThemeFile>>,
    static_files: &mut BTreeMap<String, StaticFile>,
    problems: &mut Diagnostics,
) {
    for sub in [TEMPLATES_DIR, I18N_DIR, STATIC_DIR] {
        let base = dir.join(sub);
        if !base.is_dir() {
            continue;
        }
        // The walk follows no link below `base`; `base` itself must not lead out.
        if !sitefs::is_inside(&config.root, &base).unwrap_or(false) {
            let shown = rel_to_root(config, &base);
            let problem = ReadError::Outside.problem(&display_path(&shown), Unreadable::Folder);
            problems.push(Diagnostic::file(shown, problem));
            continue;
        }
        for entry in walkdir::WalkDir::new(&base).sort_by_file_name() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let problem = FileProblem::CannotRead {
                        what: Unreadable::Folder,
                        detail: e.to_string(),
                    };
                    problems.push(Diagnostic::file(rel_to_root(config, &base), problem));
                    continue;
                }
            };
            // static/ is copied as it is, hidden files (.htaccess) included.
            let name = entry.file_name().to_string_lossy();
            let skipped = match sub {
                "static" => crate::content::is_dropping(&name),
                _ => crate::content::is_ignored_name(&name),
            };
            if !entry.file_type().is_file() || skipped {
                continue;
            }
            let path = entry.path();
            let inner = path.strip_prefix(dir).unwrap_or(path);
            let shown = rel_to_root(config, path);
            if sub == STATIC_DIR {
                let rest = path.strip_prefix(&base).unwrap_or(path);
                static_files.insert(display_path(rest), StaticFile::OnDisk(path.to_path_buf()));
                continue;
            }
            let read = sitefs::read(path).map_err(|e| {
                let problem = e.problem(&display_path(&shown), Unreadable::File);
                Diagnostic::file(&shown, problem)
            });
            match read.and_then(|b| {
                text::decode_source(&b)
                    .map_err(|e| Diagnostic::at(&shown, e.line, Some(e.col), FileProblem::NotUtf8))
            }) {
                Ok(text) => add_theme_file(inner, shown, text, templates, i18n),
                Err(d) => problems.push(d),
            }
        }
    }
}

fn rel_to_root(config: &Config, path: &Path) -> PathBuf {
    path.strip_prefix(&config.root)
        .unwrap_or(path)
        .to_path_buf()
}

fn add_theme_file(
    inner: &Path,
    shown: PathBuf,
    text: String,
    templates: &mut BTreeMap<String, ThemeFile>,
    i18n: &mut BTreeMap<String, Vec<ThemeFile>>,
) {
    if let Ok(name) = inner.strip_prefix(TEMPLATES_DIR) {
        templates.insert(
            display_path(name),
            ThemeFile {
                shown_as: shown,
                text,
            },
        );
    } else if let Ok(name) = inner.strip_prefix(I18N_DIR) {
        let name = display_path(name);
        if let Some(lang) = name.strip_suffix(".toml") {
            i18n.entry(lang.to_owned()).or_default().push(ThemeFile {
                shown_as: shown,
                text,
            });
        }
    }
}

/// UI strings the default templates name by a key they build from a value
/// (`t["level_" ~ campaign.level]`), which the scan of `t.key` cannot see.
const BUILT_KEYS: [&str; 3] = ["level_national", "level_province", "level_agency"];

/// UI strings of every language: the theme's file, the site's keys over it.
/// Every key a template uses (`t.key`) must exist in every language.
fn load_strings(
    config: &Config,
    i18n: &BTreeMap<String, Vec<ThemeFile>>,
    templates: &BTreeMap<String, ThemeFile>,
    problems: &mut Diagnostics,
) -> Vec<IndexMap<String, String>> {
    let used = used_strings(templates);
    let mut out = Vec::new();
    for lang in &config.languages {
        let mut strings: IndexMap<String, String> = IndexMap::new();
        for file in i18n.get(&lang.code).into_iter().flatten() {
            match toml::from_str::<IndexMap<String, String>>(&file.text) {
                Ok(map) => strings.extend(map),
                Err(e) => problems.push(toml_diagnostic(
                    &file.shown_as,
                    TomlPart::UiStrings,
                    &file.text,
                    &e,
                    0,
                )),
            }
        }
        let required = super::values::CODE_STRINGS.iter().chain(&BUILT_KEYS);
        for key in required.filter(|k| !used.contains_key(**k)) {
            if !strings.contains_key(*key) {
                let problem = ThemeProblem::MissingUiString {
                    key: (*key).to_owned(),
                    lang: lang.code.clone(),
                };
                problems.push(Diagnostic::file(
                    format!("i18n/{}.toml", lang.code),
                    problem,
                ));
            }
        }
        for (key, (template, line)) in &used {
            if !strings.contains_key(key) {
                let shown = templates
                    .get(template)
                    .map_or_else(|| PathBuf::from(template), |t| t.shown_as.clone());
                let problem = ThemeProblem::MissingUiString {
                    key: key.clone(),
                    lang: lang.code.clone(),
                };
                problems.push(Diagnostic::at(shown, *line, None, problem));
            }
        }
        out.push(strings);
    }
    out
}

/// Every `t.key` inside template tags (`{{ … }}`, `{% … %}`), with the
/// first place it is used. Text and comments outside tags are not code.
fn used_strings(templates: &BTreeMap<String, ThemeFile>) -> BTreeMap<String, (String, usize)> {
    let mut used = BTreeMap::new();
    for (name, file) in templates {
        let text = &file.text;
        let mut rest = 0;
        while let Some(open) = find_tag_open(&text[rest..]) {
            let start = rest + open + 2;
            let close = if text[start - 1..].starts_with('{') {
                "}}"
            } else {
                "%}"
            };
            let end = text[start..].find(close).map_or(text.len(), |i| start + i);
            for (offset, key) in string_keys(&text[start..end]) {
                let line = text[..start + offset].matches('\n').count() + 1;
                used.entry(key).or_insert_with(|| (name.clone(), line));
            }
            rest = end;
        }
    }
    used
}

fn find_tag_open(text: &str) -> Option<usize> {
    let a = text.find("{{");
    let b = text.find("{%");
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// `t.key` references in the code of one tag, with their offsets.
fn string_keys(code: &str) -> Vec<(usize, String)> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    for (at, _) in code.match_indices("t.") {
        let before_ok = at == 0
            || !(bytes[at - 1].is_ascii_alphanumeric()
                || bytes[at - 1] == b'_'
                || bytes[at - 1] == b'.');
        let key: String = code[at + 2..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if before_ok && !key.is_empty() {
            out.push((at, key));
        }
    }
    out
}

/// A Tera error as a diagnostic naming the template file and line.
pub fn template_error(err: &tera::Error, path_of: &dyn Fn(&str) -> PathBuf) -> Diagnostic {
    use tera::ErrorKind;
    let detail = {
        let mut s = err.to_string();
        let mut source = std::error::Error::source(err);
        while let Some(e) = source {
            s.push_str(": ");
            s.push_str(&e.to_string());
            source = e.source();
        }
        s
    };
    match err.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            let span = report.span();
            let fault = if matches!(err.kind(), ErrorKind::SyntaxError(_)) {
                TemplateFault::Syntax
            } else {
                TemplateFault::Render
            };
            Diagnostic::at(
                path_of(report.filename()),
                span.start_line.max(1),
                Some(span.start_col + 1),
                ThemeProblem::Template {
                    fault,
                    detail: report.message().to_owned(),
                },
            )
        }
        ErrorKind::TemplateNotFound(name) => Diagnostic::file(
            path_of(name),
            ThemeProblem::Template {
                fault: TemplateFault::NotFound,
                detail,
            },
        ),
        ErrorKind::MissingParent { current, parent } => Diagnostic::file(
            path_of(current),
            ThemeProblem::MissingParentTemplate {
                parent: parent.clone(),
            },
        ),
        _ => Diagnostic::file(
            PathBuf::from("templates"),
            ThemeProblem::Template {
                fault: TemplateFault::Other,
                detail,
            },
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedding `build.rs` writes holds every file of the theme's
    /// folder, byte for byte, and nothing else.
    #[test]
    fn the_embedded_theme_is_the_default_theme_folder() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let on_disk: BTreeMap<String, Vec<u8>> = walkdir::WalkDir::new(&root)
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = display_path(e.path().strip_prefix(&root).unwrap());
                (rel, std::fs::read(e.path()).unwrap())
            })
            .collect();
        let embedded: BTreeMap<String, Vec<u8>> = DEFAULT_THEME
            .iter()
            .map(|&(path, bytes)| (path.to_owned(), bytes.to_vec()))
            .collect();
        assert!(embedded.contains_key("templates/base.html"));
        assert_eq!(embedded, on_disk);
    }

    #[test]
    fn finds_used_ui_strings() {
        let mut templates = BTreeMap::new();
        templates.insert(
            "a.html".to_owned(),
            ThemeFile {
                shown_as: PathBuf::from("a.html"),
                text: "{{ t.home }}\n<b>{{ t.profile_list }}</b> {{ at.x }} {{ page.t.y }} https://t.me/x\n{% if t.draft %}{% endif %}".to_owned(),
            },
        );
        let used = used_strings(&templates);
        assert_eq!(
            used.keys().collect::<Vec<_>>(),
            ["draft", "home", "profile_list"]
        );
        assert_eq!(used["draft"].1, 3);
        assert_eq!(used["profile_list"].1, 2);
    }
}
