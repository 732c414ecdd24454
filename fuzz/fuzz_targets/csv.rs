//! A recipients CSV, as bytes: any file gives rows or problems, never a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use vinhdanh::content::recipients::csv_file::parse_recipients;

fuzz_target!(|bytes: &[u8]| {
    let _ = parse_recipients(bytes, Path::new("content/awards/x.csv"));
});
