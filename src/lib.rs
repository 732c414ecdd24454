//! vinhdanh turns a folder of markdown profiles of exemplary collectives and
//! individuals, emulation campaigns and award decisions into a static,
//! multilingual website.
//!
//! Data flows one way:
//!
//! ```text
//! config::load ─┐
//! content::load ─┴→ model::assemble → render::render_site → output::write
//! ```
//!
//! * [`vocab`] holds the words every layer shares (recipient kind, content
//!   section, fixed file and folder names); it imports nothing from the crate.
//! * [`config`] reads `site.toml`.
//! * [`content`] finds and parses every content file (front matter, markdown,
//!   award lists, CSV), reporting problems as [`diagnostic::Diagnostic`]s.
//! * [`model`] validates references and builds the cross-linked, sorted [`model::Site`].
//! * [`render`] turns the site into pages in memory: a pure function.
//! * [`output`] is the one place that writes the built site to disk;
//!   [`sitefs`] the one place that reads the site's files (inside it only).
//! * [`check`] validates without writing and reports missing translations;
//!   [`scaffold`] makes new content files (`vinhdanh new`).
//! * [`diagnostic`] holds every problem as data, says it in Vietnamese or
//!   English, and draws it for the terminal.
//! * [`serve`] previews the site from memory, rebuilding and reloading on every edit.
//!
//! Each module imports only from layers below its own: the order is the
//! table in `docs/architecture.md`, which `tests/layers.rs` checks.
//!
//! The library never prints; the binary decides what to show (and clippy
//! holds it to that: `print_stdout` and `print_stderr` are denied here).

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod build;
pub mod catalogue;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod hashing;
pub mod i18n;
pub mod model;
pub mod output;
pub mod photo;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod sitefs;
pub mod urls;
pub mod vocab;

pub use build::{BuildOptions, build_site, load_site};
pub use check::check_site;
pub use diagnostic::{Diagnostic, Diagnostics, Lang};
