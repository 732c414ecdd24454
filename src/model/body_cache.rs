//! Rendered markdown kept between assemblies, so that the preview server
//! renders again only the bodies an edit changed.
//!
//! A body is keyed by its markdown text. Only bodies without `@/` links are
//! kept: those render the same whatever else the site holds. The markdown
//! options come from site.toml, so a changed site.toml needs a new cache.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use super::assemble::RenderedBody;

/// Bodies of the last assembly, and those used by the one running now.
#[derive(Default)]
pub struct BodyCache {
    previous: HashMap<String, RenderedBody>,
    current: Mutex<HashMap<String, RenderedBody>>,
}

impl BodyCache {
    pub(super) fn get_or_render(&self, markdown: &str, render: impl FnOnce() -> RenderedBody) -> RenderedBody {
        if let Some(body) = self.previous.get(markdown) {
            self.current.lock().unwrap_or_else(PoisonError::into_inner).insert(markdown.to_owned(), body.clone());
            return body.clone();
        }
        let body = render();
        self.current.lock().unwrap_or_else(PoisonError::into_inner).insert(markdown.to_owned(), body.clone());
        body
    }

    /// Ends an assembly: keeps the bodies it used and forgets the others.
    pub fn finish_round(&mut self) {
        let current = std::mem::take(self.current.get_mut().unwrap_or_else(PoisonError::into_inner));
        self.previous = current;
    }
}
