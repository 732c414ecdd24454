//! `--help` of every command in the messages language (SPEC §4: every
//! message a command prints, `--help` among them). clap writes its headings
//! and notes in English; the Vietnamese help must have none of them.

mod common;

use common::TestSite;

const COMMANDS: [&str; 6] = ["", "build", "serve", "check", "new", "init"];

/// Common English words and clap's own headings and notes ("in" is left
/// out: it is Vietnamese for "print"). Flag names,
/// value names and file names are taken out before looking.
const ENGLISH: &[&str] = &[
    "the",
    "of",
    "to",
    "and",
    "or",
    "a",
    "an",
    "is",
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
    "default",
    "possible",
    "values",
    "env",
    "make",
    "site",
    "file",
    "folder",
    "language",
    "messages",
    "version",
    "subcommand",
];

/// The English words of `line`, once flags (`--root`), value names
/// (`<THƯ_MỤC>`) and file names (`site.toml`) are taken out.
fn english_words(line: &str) -> Vec<String> {
    line.split_whitespace()
        .filter(|w| !w.starts_with('-') && !w.starts_with('<') && !w.starts_with('['))
        .filter(|w| !w.contains('.') && !w.contains('_') && !w.contains('/'))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect()
}

fn help(site: &TestSite, command: &str, lang: &str) -> String {
    let mut args: Vec<&str> = Vec::new();
    if !command.is_empty() {
        args.push(command);
    }
    args.extend(["--help", "--lang", lang]);
    let (code, stdout, stderr) = site.run(&args);
    assert_eq!(code, 0, "{command} --help: {stderr}");
    stdout
}

#[test]
fn every_help_is_in_vietnamese_when_the_language_is_vi() {
    let site = TestSite::fixture("basic");
    for command in COMMANDS {
        let text = help(&site, command, "vi");
        assert!(text.contains("Cách dùng: vinhdanh"), "{command}:\n{text}");
        assert!(text.contains("Tùy chọn:"), "{command}:\n{text}");
        for line in text.lines() {
            let words = english_words(line);
            assert!(
                words.is_empty(),
                "English {words:?} in `vinhdanh {command} --help`:\n{line}"
            );
        }
    }
}

#[test]
fn the_help_language_follows_the_site_and_the_environment() {
    let site = TestSite::fixture("basic");
    // The site's default language is vi; no --lang.
    let (_, vi, _) = site.run(&["build", "--help"]);
    assert!(vi.contains("Cách dùng: vinhdanh build"), "{vi}");
    let (_, en, _) = site.run_with_env(&["build", "--help"], &[("VINHDANH_LANG", "en")]);
    assert!(en.contains("Usage: vinhdanh build"), "{en}");
    for command in COMMANDS {
        let text = help(&site, command, "en");
        assert!(text.contains("Usage: vinhdanh"), "{command}:\n{text}");
    }
}

/// The check itself: clap's English help would fail it.
#[test]
fn english_help_lines_are_found() {
    assert_eq!(english_words("  -h, --help  Print help"), ["print", "help"]);
    assert!(
        english_words("      --root <THƯ_MỤC>  Thư mục của trang, nơi có site.toml").is_empty()
    );
}
