//! An award-list TOML file in a small site: loading, assembling and drawing
//! the problems never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "site/mod.rs"]
mod site;

fuzz_target!(|bytes: &[u8]| {
    site::with_file("content/awards/x.toml", bytes);
});
