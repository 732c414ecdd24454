//! Finding English in what the tool prints in Vietnamese (and Vietnamese
//! in what it prints in English), leaving out what is not the tool's words:
//! file names and paths, flags and value names, quoted values and fields,
//! the lines of an editor's file a report shows, command names after
//! `vinhdanh`, and a library's own words after the marker that says so.

/// Common English words, the tool's own and clap's ("in" is left out: it
/// is Vietnamese for "print"; "an" too: a name; "new" and "profile" are
/// words of the command line, `vinhdanh new profile`).
const ENGLISH: &[&str] = &[
    "the",
    "of",
    "to",
    "and",
    "or",
    "a",
    "is",
    "are",
    "on",
    "with",
    "from",
    "for",
    "every",
    "print",
    "help",
    "usage",
    "options",
    "commands",
    "arguments",
    "argument",
    "default",
    "possible",
    "values",
    "value",
    "env",
    "make",
    "site",
    "file",
    "files",
    "folder",
    "language",
    "messages",
    "version",
    "subcommand",
    "error",
    "errors",
    "found",
    "not",
    "no",
    "built",
    "building",
    "serving",
    "created",
    "warning",
    "nothing",
    "written",
    "profiles",
    "page",
    "pages",
    "fix",
    "save",
    "still",
    "last",
    "good",
    "watching",
    "changes",
    "rebuilt",
    "rendered",
    "changed",
    "next",
    "then",
    "run",
    "preview",
    "it",
    "did",
    "you",
    "mean",
    "expected",
    "must",
    "be",
    "missing",
    "unknown",
    "field",
    "tip",
    "similar",
    "exists",
    "more",
    "information",
    "try",
    "required",
    "provided",
    "invalid",
    "unexpected",
    "unrecognized",
    "translated",
    "translations",
    "yet",
    "fill",
    "blank",
    "stops",
    "drafts",
    "shown",
    "there",
    "this",
    "that",
    "which",
];

/// Where a library's own words start (kept as detail after ours).
const LIBRARY_SAID: &[&str] = &["thư viện TOML báo:", "chi tiết:", "the TOML reader said:"];

/// The tool's own words of `line`: none for a line of an editor's file
/// shown by a report (`12 | year = …`) or a location (`--> file:1:2`);
/// else the line without library detail, quoted parts, `vinhdanh <command>`,
/// flags, value names and paths.
pub fn own_words(line: &str) -> Vec<String> {
    let trimmed = line.trim_start();
    let source_line = trimmed
        .split_once('|')
        .is_some_and(|(before, _)| before.trim().chars().all(|c| c.is_ascii_digit()));
    if source_line || trimmed.starts_with("-->") || trimmed.starts_with("...") {
        return Vec::new();
    }
    let mut text = line.to_owned();
    for marker in LIBRARY_SAID {
        if let Some(i) = text.find(marker) {
            text.truncate(i);
        }
    }
    let text = without_quoted(&text);
    let mut words = Vec::new();
    let mut after_vinhdanh = false;
    for word in text.split_whitespace() {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '<');
        if after_vinhdanh {
            after_vinhdanh = false;
            continue;
        }
        if bare == "vinhdanh" {
            after_vinhdanh = true;
            continue;
        }
        let not_words = bare.starts_with('-')
            || bare.starts_with('<')
            || bare.contains(['.', '/', '_', '=', '<', '>'])
            || bare.chars().any(|c| c.is_ascii_digit());
        if !not_words && !bare.is_empty() {
            words.push(bare.to_lowercase());
        }
    }
    words
}

/// `text` without what is between quotes (`"…"`, `'…'`, `` `…` ``, `“…”`).
fn without_quoted(text: &str) -> String {
    let mut out = String::new();
    let mut closing: Option<char> = None;
    for c in text.chars() {
        match closing {
            Some(close) if c == close => closing = None,
            Some(_) => {}
            None => match c {
                '"' | '`' => closing = Some(c),
                '“' => closing = Some('”'),
                // An apostrophe inside a word (English "don't") is not a quote.
                '\'' if !out.ends_with(char::is_alphanumeric) => closing = Some('\''),
                _ => out.push(c),
            },
        }
    }
    out
}

/// The English words among the tool's own words of `line`.
pub fn english_words(line: &str) -> Vec<String> {
    own_words(line)
        .into_iter()
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect()
}

/// Letters only Vietnamese writes (tones and its own vowels), in the
/// tool's own words of `line`.
pub fn vietnamese_words(line: &str) -> Vec<String> {
    own_words(line)
        .into_iter()
        .filter(|w| w.chars().any(|c| !c.is_ascii() && c.is_alphabetic()))
        .collect()
}
