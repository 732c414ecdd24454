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
//! The library never prints; the binary decides what to show.

pub mod build;
pub mod catalogue;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod i18n;
pub mod model;
pub mod output;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod sitefs;
pub mod urls;

pub use build::{BuildOptions, build_site, load_site};
pub use check::check_site;
pub use diagnostic::{Diagnostic, Diagnostics, Lang};
