//! `--help` of every command in the messages language (every
//! message a command prints, `--help` among them). clap writes its headings
//! and notes in English; the Vietnamese help must have none of them.

mod common;

use common::TestSite;
use common::english::english_words;

const COMMANDS: [&str; 6] = ["", "build", "serve", "check", "new", "init"];

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
