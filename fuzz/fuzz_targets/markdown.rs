//! A markdown body, in both HTML modes, with `@/` links to pages, drafts and
//! nothing: no panic, and the HTML carries no control character or
//! noncharacter and no script URL.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vinhdanh::content::markdown::{MarkdownOptions, Target, render};
use vinhdanh::i18n::chars::has_forbidden;

fn resolve(path: &str) -> Target {
    match path.len() % 3 {
        0 => Target::Page(format!("/ho-so/{}/", path.len())),
        1 => Target::Draft,
        _ => Target::Missing,
    }
}

fuzz_target!(|text: &str| {
    for unsafe_html in [false, true] {
        let r = render(text, &MarkdownOptions { unsafe_html }, &resolve);
        assert!(!has_forbidden(&r.html), "{:?}", r.html);
        if !unsafe_html {
            assert!(!r.html.contains("<script"), "{:?}", r.html);
        }
        for link in r.broken_links.iter().chain(&r.draft_links) {
            assert!(link.line >= 1 && link.col >= 1, "{link:?}");
        }
    }
});
