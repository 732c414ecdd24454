//! Markdown bodies to HTML: CommonMark with tables, footnotes, strikethrough and heading anchors (docs/content.md).
//!
//! Editors write CommonMark plus tables, footnotes and strikethrough. This
//! module wraps pulldown-cmark with one streaming pass over its events that:
//!
//! - gives every heading an `id` (the slug of its text, made unique),
//! - escapes raw HTML unless the site opted in with `unsafe_html`,
//! - never emits a link or image with a `javascript:`, `vbscript:` or
//!   non-image `data:` URL (the wrapper is dropped and its text kept),
//! - resolves `@/profiles/….md` style links through the caller's resolver and
//!   reports the ones it does not know, with their line and column (links
//!   to drafts that are not built show as their text and are reported apart),
//! - gathers footnote definitions into one numbered section at the end,
//! - picks up the plain text of the first paragraph (the default summary),
//! - leaves out control characters and noncharacters (`i18n::chars`).
//!
//! Only the events inside a heading and inside a footnote definition are
//! buffered; everything else streams straight into pulldown-cmark's HTML
//! writer. The output depends only on the input (no hash-map iteration order
//! reaches it).

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::hashing::HashedText;
use crate::i18n::chars;
use crate::i18n::slug::slugify;
use crate::i18n::text::plain_words;

mod line_index;
use line_index::LineIndex;

/// Site settings that change how markdown renders.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MarkdownOptions {
    /// Pass raw HTML through instead of showing it as text
    /// (`markdown.unsafe_html` in `site.toml`). Dangerous link URLs are
    /// dropped either way.
    pub unsafe_html: bool,
}

/// The longest summary, in characters (an ellipsis included).
pub const SUMMARY_CHARS: usize = 300;

/// The result of rendering one markdown text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// Shared: a body is the same in every language without its own
    /// translation, and the preview's cache keeps it from one rebuild to
    /// the next (copying 20,000 bodies twice a rebuild was 7% of it).
    pub html: HashedText,
    /// The summary a page shows when its front matter gives none: the
    /// plain text of the first paragraph (inline markup stripped,
    /// whitespace collapsed, footnote refs dropped; "" if none), cut at a
    /// word to [`SUMMARY_CHARS`] characters. Made here, it is kept with the
    /// rendering in the preview's cache, and shared by every language
    /// showing this body.
    ///
    /// "First paragraph" is the first top-level paragraph (not inside a list,
    /// quote or footnote) that has any text; image descriptions do not count
    /// as text, so a paragraph holding only a photo is skipped.
    pub summary: std::sync::Arc<str>,
    /// `@/` links whose target the resolver did not know (rendered with `href="#"`)
    pub broken_links: Vec<LinkAt>,
    /// `@/` links to drafts that are not built (rendered as their text)
    pub draft_links: Vec<LinkAt>,
}

/// What an `@/` link points at, as the caller's resolver says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A page, at this URL.
    Page(String),
    /// A draft that is not built: the link shows as its text.
    Draft,
    /// No such page: an error.
    Missing,
    /// A file that exists but could not be read: its own problems say so,
    /// the link is not one more (the build fails all the same).
    Unreadable,
}

/// An `@/` link not rendered as a link to its page, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkAt {
    /// 1-based line of the link's opening `[` (or `!` for an image) in the markdown text given.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// The URL as written after `@/`, anchor included, e.g.
    /// `profiles/to-thi-hoa.md#thanh-tich` for `@/profiles/to-thi-hoa.md#thanh-tich`.
    pub target: String,
}

/// Opens the box every table is written in (closed after `</table>`).
const TABLE_SCROLL_OPEN: &str = "<div class=\"table-scroll\" tabindex=\"0\">\n";

/// The parser extensions editors' texts use.
///
/// `ENABLE_FOOTNOTES` alone is the GitHub-compatible footnote syntax (the one
/// editors know from GitHub and Word-to-markdown converters): `[^1]`
/// references, `[^1]: text` definitions, a reference without a definition
/// stays literal text. Heading attributes (`# x {#id .class key=value}`) are
/// deliberately not enabled: they would let editor text set arbitrary
/// attributes such as `onclick` on headings, and they would turn a heading
/// that ends in braces into something else.
fn parser_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// Whether the text contains `@/` at all, i.e. whether its rendering can
/// depend on the language it links into. Cheap; may say yes for an `@/`
/// inside code, never no for a real internal link.
pub fn has_internal_links(markdown: &str) -> bool {
    markdown.contains("@/")
}

/// Renders `markdown` to HTML.
///
/// `resolve` gets the path of an `@/` link without the `@/` and without any
/// `#anchor` (e.g. `profiles/to-thi-hoa.md`) and says what it is: a page
/// (the anchor is put back after its URL), a draft, or nothing.
pub fn render(
    markdown: &str,
    options: &MarkdownOptions,
    resolve: &dyn Fn(&str) -> Target,
) -> Rendered {
    let parser = Parser::new_ext(markdown, parser_options()).into_offset_iter();
    let mut state = State::new(markdown, options.unsafe_html, resolve);
    let mut html = String::with_capacity(markdown.len() + markdown.len() / 2);
    pulldown_cmark::html::push_html(
        &mut html,
        Events {
            inner: parser,
            state: &mut state,
        },
    );
    if chars::has_forbidden(&html) {
        // Controls and noncharacters pasted into a body (see `chars`).
        html.retain(|c| !chars::is_forbidden(c));
    }
    Rendered {
        html: HashedText::new(html),
        summary: plain_words(&state.first_paragraph, SUMMARY_CHARS).into(),
        broken_links: state.broken_links,
        draft_links: state.draft_links,
    }
}

/// The event stream handed to the HTML writer: the parser's events, transformed.
struct Events<'a, 'b, 'r, I> {
    inner: I,
    state: &'b mut State<'a, 'r>,
}

impl<'a, I> Iterator for Events<'a, '_, '_, I>
where
    I: Iterator<Item = (Event<'a>, Range<usize>)>,
{
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            if let Some(event) = self.state.queue.pop_front() {
                return Some(event);
            }
            if self.state.finished {
                return None;
            }
            match self.inner.next() {
                Some((event, range)) => {
                    if let Some(event) = self.state.process(event, range) {
                        return Some(event);
                    }
                }
                None => self.state.finish(),
            }
        }
    }
}

/// A heading whose events are held back until its text (and so its id) is known.
struct PendingHeading<'a> {
    level: HeadingLevel,
    events: Vec<Event<'a>>,
}

/// One footnote definition, held back to be written in the footnote section.
struct FootnoteDef<'a> {
    /// Lower-cased label (labels match case-insensitively, as in the parser).
    key: String,
    events: Vec<Event<'a>>,
}

struct State<'a, 'r> {
    source: &'a str,
    unsafe_html: bool,
    resolve: &'r dyn Fn(&str) -> Target,

    /// Events ready to go out, before anything else is pulled from the parser.
    queue: std::collections::VecDeque<Event<'a>>,
    finished: bool,

    /// For every open link or image: whether its start tag was emitted
    /// (false when a dangerous URL made us drop the wrapper).
    link_stack: Vec<bool>,
    /// How many images are open (their descriptions are not paragraph text).
    image_depth: usize,
    /// How many lists, items, quotes and footnote definitions are open.
    block_depth: usize,
    /// In a raw HTML block being escaped: a line ended and its break is not
    /// written yet (none is written before `</p>`).
    html_block_newline: bool,

    heading: Option<PendingHeading<'a>>,
    heading_text: String,
    used_ids: HashSet<String>,
    /// For each base id taken, the next suffix worth trying: a run of
    /// identical headings costs one lookup each, not one per earlier twin.
    next_suffix: HashMap<String, usize>,
    /// Where lines start, built at the first broken link.
    lines: Option<LineIndex>,

    /// Indices into `footnote_defs` of the definitions being read, innermost last.
    footnote_stack: Vec<usize>,
    footnote_defs: Vec<FootnoteDef<'a>>,
    /// Label (lower-cased) → (number, how many references seen so far).
    footnote_numbers: HashMap<String, (usize, usize)>,

    first_paragraph: String,
    in_first_paragraph: bool,
    first_paragraph_done: bool,
    pending_space: bool,

    broken_links: Vec<LinkAt>,
    draft_links: Vec<LinkAt>,
}

/// What to do with a link or image URL.
enum UrlDecision<'a> {
    Keep(CowStr<'a>),
    Drop,
}

impl<'a, 'r> State<'a, 'r> {
    fn new(source: &'a str, unsafe_html: bool, resolve: &'r dyn Fn(&str) -> Target) -> Self {
        State {
            source,
            unsafe_html,
            resolve,
            queue: std::collections::VecDeque::new(),
            finished: false,
            link_stack: Vec::new(),
            image_depth: 0,
            block_depth: 0,
            html_block_newline: false,
            heading: None,
            heading_text: String::new(),
            used_ids: HashSet::new(),
            next_suffix: HashMap::new(),
            lines: None,
            footnote_stack: Vec::new(),
            footnote_defs: Vec::new(),
            footnote_numbers: HashMap::new(),
            first_paragraph: String::new(),
            in_first_paragraph: false,
            first_paragraph_done: false,
            pending_space: false,
            broken_links: Vec::new(),
            draft_links: Vec::new(),
        }
    }

    /// Transforms one parser event. Returns the event to emit right now, if
    /// any; events held back or expanded go through `route` / `queue`.
    #[inline]
    fn process(&mut self, event: Event<'a>, range: Range<usize>) -> Option<Event<'a>> {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                self.note_text(&text);
                self.route(Event::Text(text))
            }
            Event::Code(text) => {
                self.note_text(&text);
                self.route(Event::Code(text))
            }
            Event::InlineHtml(html) if !self.unsafe_html => self.route(Event::Text(html)),
            Event::Html(html) if !self.unsafe_html => {
                self.escaped_html_block_text(html);
                None
            }
            Event::SoftBreak | Event::HardBreak => {
                if self.in_first_paragraph {
                    self.pending_space = !self.first_paragraph.is_empty();
                }
                if self.heading.is_some() {
                    self.heading_text.push(' ');
                }
                self.route(event)
            }
            Event::FootnoteReference(label) => {
                let html = self.footnote_reference(&label);
                self.route(Event::InlineHtml(html.into()))
            }
            other => self.route(other),
        }
    }

    fn start(&mut self, tag: Tag<'a>, range: Range<usize>) -> Option<Event<'a>> {
        match tag {
            Tag::Heading { level, id, .. } => {
                // Without heading attributes the parser never sets an id; if
                // it ever does, it is kept (and counted as used).
                if let Some(id) = id {
                    self.used_ids.insert(id.to_string());
                    return self.route(Event::Start(Tag::Heading {
                        level,
                        id: Some(id),
                        classes: Vec::new(),
                        attrs: Vec::new(),
                    }));
                }
                self.heading_text.clear();
                self.heading = Some(PendingHeading {
                    level,
                    events: Vec::new(),
                });
                None
            }
            Tag::Paragraph => {
                if !self.first_paragraph_done && self.block_depth == 0 {
                    self.in_first_paragraph = true;
                    self.pending_space = false;
                    self.first_paragraph.clear();
                }
                self.route(Event::Start(Tag::Paragraph))
            }
            Tag::BlockQuote(_) | Tag::List(_) | Tag::Item | Tag::DefinitionList => {
                self.block_depth += 1;
                self.route(Event::Start(tag))
            }
            Tag::FootnoteDefinition(label) => {
                self.block_depth += 1;
                let key = label.to_lowercase();
                self.footnote_defs.push(FootnoteDef {
                    key,
                    events: Vec::new(),
                });
                self.footnote_stack.push(self.footnote_defs.len() - 1);
                None
            }
            Tag::HtmlBlock if !self.unsafe_html => {
                // Shown as text, so it needs a block around it.
                self.html_block_newline = false;
                self.route(Event::Start(Tag::Paragraph))
            }
            Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            } => match self.check_url(dest_url, range.start) {
                UrlDecision::Keep(dest_url) => {
                    self.link_stack.push(true);
                    self.route(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }))
                }
                UrlDecision::Drop => {
                    self.link_stack.push(false);
                    None
                }
            },
            Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            } => {
                self.image_depth += 1;
                match self.check_url(dest_url, range.start) {
                    UrlDecision::Keep(dest_url) => {
                        self.link_stack.push(true);
                        self.route(Event::Start(Tag::Image {
                            link_type,
                            dest_url,
                            title,
                            id,
                        }))
                    }
                    UrlDecision::Drop => {
                        self.link_stack.push(false);
                        None
                    }
                }
            }
            Tag::Table(alignments) => {
                // A wide table scrolls inside its own box instead of making
                // the page scroll sideways; `tabindex` lets a keyboard scroll it.
                self.route_held(Event::Html(TABLE_SCROLL_OPEN.into()));
                self.route_held(Event::Start(Tag::Table(alignments)));
                None
            }
            other => self.route(Event::Start(other)),
        }
    }

    fn end(&mut self, tag: TagEnd) -> Option<Event<'a>> {
        match tag {
            TagEnd::Heading(end_level) => {
                let Some(heading) = self.heading.take() else {
                    // A heading whose id the parser set: nothing was held back.
                    return self.route(Event::End(TagEnd::Heading(end_level)));
                };
                let id = self.unique_id();
                let start = Event::Start(Tag::Heading {
                    level: heading.level,
                    id: Some(id.into()),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                });
                self.route_held(start);
                for event in heading.events {
                    self.route_held(event);
                }
                self.route_held(Event::End(TagEnd::Heading(end_level)));
                None
            }
            TagEnd::Paragraph => {
                if self.in_first_paragraph {
                    self.in_first_paragraph = false;
                    self.first_paragraph_done = !self.first_paragraph.is_empty();
                }
                self.route(Event::End(TagEnd::Paragraph))
            }
            TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item | TagEnd::DefinitionList => {
                self.block_depth = self.block_depth.saturating_sub(1);
                self.route(Event::End(tag))
            }
            TagEnd::FootnoteDefinition => {
                self.block_depth = self.block_depth.saturating_sub(1);
                self.footnote_stack.pop();
                None
            }
            TagEnd::HtmlBlock if !self.unsafe_html => self.route(Event::End(TagEnd::Paragraph)),
            TagEnd::Link | TagEnd::Image => {
                if tag == TagEnd::Image {
                    self.image_depth = self.image_depth.saturating_sub(1);
                }
                if self.link_stack.pop().unwrap_or(true) {
                    self.route(Event::End(tag))
                } else {
                    None
                }
            }
            TagEnd::Table => {
                self.route_held(Event::End(TagEnd::Table));
                self.route_held(Event::Html("</div>\n".into()));
                None
            }
            other => self.route(Event::End(other)),
        }
    }

    /// Sends an event where it belongs now: into the heading being held
    /// back, else into the footnote definition being read, else out.
    #[inline]
    fn route(&mut self, event: Event<'a>) -> Option<Event<'a>> {
        if let Some(heading) = &mut self.heading {
            heading.events.push(event);
            None
        } else if let Some(def) = self
            .footnote_stack
            .last()
            .and_then(|&i| self.footnote_defs.get_mut(i))
        {
            def.events.push(event);
            None
        } else {
            Some(event)
        }
    }

    /// Like `route` but for events emitted while others may be pending:
    /// what would go out goes to the queue, keeping the order.
    fn route_held(&mut self, event: Event<'a>) {
        if let Some(event) = self.route(event) {
            self.queue.push_back(event);
        }
    }

    /// Text of a raw HTML block shown as a paragraph. The parser cuts the
    /// block into pieces at no fixed place (a line ending can be a piece of
    /// its own); line breaks become soft breaks, except at the very end.
    fn escaped_html_block_text(&mut self, html: CowStr<'a>) {
        match html {
            CowStr::Borrowed(text) => {
                for (i, piece) in text.split('\n').enumerate() {
                    self.escaped_html_piece(i > 0, CowStr::Borrowed(piece.trim_end_matches('\r')));
                }
            }
            other => {
                for (i, piece) in other.split('\n').enumerate() {
                    let piece = piece.trim_end_matches('\r');
                    self.escaped_html_piece(i > 0, CowStr::from(piece.to_string()));
                }
            }
        }
    }

    fn escaped_html_piece(&mut self, after_newline: bool, piece: CowStr<'a>) {
        self.html_block_newline |= after_newline;
        if piece.is_empty() {
            return;
        }
        if self.html_block_newline {
            self.html_block_newline = false;
            self.route_held(Event::SoftBreak);
        }
        self.route_held(Event::Text(piece));
    }

    /// Records text for the heading id and the first paragraph.
    #[inline]
    fn note_text(&mut self, text: &str) {
        if self.heading.is_some() {
            self.heading_text.push_str(text);
        }
        if self.in_first_paragraph && self.image_depth == 0 {
            for (i, word) in text.split(char::is_whitespace).enumerate() {
                if i > 0 {
                    self.pending_space = !self.first_paragraph.is_empty();
                }
                if word.is_empty() {
                    continue;
                }
                if self.pending_space {
                    self.first_paragraph.push(' ');
                    self.pending_space = false;
                }
                self.first_paragraph.push_str(word);
            }
        }
    }

    /// The id of the heading just read: its slug, made unique in the
    /// document by the first free `-1`, `-2`, … suffix.
    ///
    /// Linear overall: a base's counter only moves past suffixes already
    /// taken (and taken ids are never freed, so the first free one at or
    /// after the counter is the first free one at all), and each taken id
    /// `b-n` can stop only base `b`'s counter, once.
    fn unique_id(&mut self) -> String {
        let mut base = slugify(&self.heading_text);
        if base.is_empty() {
            base.push_str("section");
        }
        if !self.used_ids.contains(&base) {
            self.used_ids.insert(base.clone());
            return base;
        }
        let mut n = self.next_suffix.get(&base).copied().unwrap_or(1);
        let id = loop {
            let candidate = format!("{base}-{n}");
            n += 1;
            if !self.used_ids.contains(&candidate) {
                break candidate;
            }
        };
        self.next_suffix.insert(base, n);
        self.used_ids.insert(id.clone());
        id
    }

    /// Decides what a link or image URL becomes: dangerous schemes are
    /// dropped, `@/` links resolved (unknown ones reported and sent to `#`,
    /// ones to drafts that are not built noted and dropped, keeping their text).
    fn check_url(&mut self, url: CowStr<'a>, offset: usize) -> UrlDecision<'a> {
        if let Some(rest) = url.strip_prefix("@/") {
            let (path, anchor) = match rest.find('#') {
                Some(i) => (&rest[..i], &rest[i + 1..]),
                None => (rest, ""),
            };
            let target = (self.resolve)(path);
            if let Target::Page(mut resolved) = target {
                if !anchor.is_empty() {
                    resolved.push('#');
                    resolved.push_str(anchor);
                }
                return UrlDecision::Keep(resolved.into());
            }
            let (line, col) = self
                .lines
                .get_or_insert_with(|| LineIndex::new(self.source))
                .line_col(self.source, offset);
            let link = LinkAt {
                line,
                col,
                target: rest.to_string(),
            };
            return if target == Target::Draft {
                self.draft_links.push(link);
                UrlDecision::Drop
            } else if target == Target::Unreadable {
                UrlDecision::Keep(CowStr::Borrowed("#"))
            } else {
                self.broken_links.push(link);
                UrlDecision::Keep(CowStr::Borrowed("#"))
            };
        }
        if is_dangerous_url(&url) {
            UrlDecision::Drop
        } else {
            UrlDecision::Keep(url)
        }
    }

    /// The HTML for a footnote reference; numbers footnotes in the order
    /// they are first referenced.
    fn footnote_reference(&mut self, label: &str) -> String {
        let next = self.footnote_numbers.len() + 1;
        let entry = self
            .footnote_numbers
            .entry(label.to_lowercase())
            .or_insert((next, 0));
        entry.1 += 1;
        let (number, count) = *entry;
        let id = if count == 1 {
            format!("fnref-{number}")
        } else {
            format!("fnref-{number}-{count}")
        };
        format!(
            "<sup class=\"footnote-reference\"><a href=\"#fn-{number}\" id=\"{id}\" role=\"doc-noteref\">{number}</a></sup>"
        )
    }

    /// End of the parser's events: flush anything held back and write the
    /// footnote section.
    fn finish(&mut self) {
        self.finished = true;
        if let Some(heading) = self.heading.take() {
            // Cannot happen with a well-formed event stream; never lose text.
            self.queue.extend(heading.events);
        }
        self.footnote_stack.clear();
        let defs = std::mem::take(&mut self.footnote_defs);
        if defs.is_empty() {
            return;
        }
        // Referenced definitions in reference order, then unreferenced ones
        // in document order; a repeated label keeps its first definition
        // (as the parser does).
        let mut next = self.footnote_numbers.len() + 1;
        let mut seen: HashSet<String> = HashSet::new();
        let mut numbered: Vec<(usize, FootnoteDef<'a>)> = Vec::with_capacity(defs.len());
        for def in defs {
            if !seen.insert(def.key.clone()) {
                continue;
            }
            let number = match self.footnote_numbers.get(&def.key) {
                Some(&(number, _)) => number,
                None => {
                    next += 1;
                    next - 1
                }
            };
            numbered.push((number, def));
        }
        numbered.sort_by_key(|(number, _)| *number);

        self.queue.push_back(Event::Html(
            "<section class=\"footnotes\" role=\"doc-endnotes\">\n<ol>\n".into(),
        ));
        for (number, def) in numbered {
            self.queue
                .push_back(Event::Html(format!("<li id=\"fn-{number}\">\n").into()));
            let referenced = self.footnote_numbers.contains_key(&def.key);
            let mut events = def.events;
            if referenced {
                let backref: CowStr<'a> = format!(
                    "<a href=\"#fnref-{number}\" class=\"footnote-backref\" role=\"doc-backlink\">\u{21a9}\u{fe0e}</a>"
                )
                .into();
                if matches!(events.last(), Some(Event::End(TagEnd::Paragraph))) {
                    let at = events.len() - 1;
                    events.insert(at, Event::InlineHtml(" ".into()));
                    events.insert(at + 1, Event::InlineHtml(backref));
                } else {
                    events.push(Event::Html(backref));
                    events.push(Event::Html("\n".into()));
                }
            }
            self.queue.extend(events);
            self.queue.push_back(Event::Html("</li>\n".into()));
        }
        self.queue
            .push_back(Event::Html("</ol>\n</section>\n".into()));
    }
}

/// Whether a link or image URL would run script or show an arbitrary
/// document: `javascript:`, `vbscript:`, or `data:` other than `data:image/`.
///
/// Reads the URL as browsers do: leading spaces and control characters are
/// skipped, tabs and newlines anywhere are ignored, the scheme is
/// case-insensitive.
fn is_dangerous_url(url: &str) -> bool {
    let mut chars = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|&c| !matches!(c, '\t' | '\n' | '\r'));
    // Longest scheme we care about is "javascript" (10 bytes).
    let mut scheme = [0u8; 10];
    let mut len = 0;
    loop {
        match chars.next() {
            Some(':') => break,
            Some(c) if c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.') => {
                if len == scheme.len() {
                    return false; // a longer scheme, not one of ours
                }
                scheme[len] = c.to_ascii_lowercase() as u8;
                len += 1;
            }
            // No scheme: a relative URL, a fragment, a path.
            _ => return false,
        }
    }
    match &scheme[..len] {
        b"javascript" | b"vbscript" => true,
        b"data" => {
            let mut prefix = [0u8; 6];
            let mut n = 0;
            for c in chars.by_ref().take(6) {
                prefix[n] = c.to_ascii_lowercase() as u8;
                n += 1;
            }
            &prefix[..n] != b"image/"
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_links(_: &str) -> Target {
        Target::Missing
    }

    fn safe(md: &str) -> Rendered {
        render(md, &MarkdownOptions { unsafe_html: false }, &no_links)
    }

    fn resolver(path: &str) -> Target {
        match path {
            "profiles/to-thi-hoa.md" => Target::Page("/ho-so/to-thi-hoa/".to_string()),
            "campaigns/dan-van-kheo.md" => Target::Page("/phong-trao/dan-van-kheo/".to_string()),
            "profiles/ban-nhap.md" => Target::Draft,
            _ => Target::Missing,
        }
    }

    #[test]
    fn renders_tables() {
        let r = safe("| Năm | Số |\n|---|---:|\n| 2020 | 3 |\n");
        assert!(
            r.html
                .contains("<div class=\"table-scroll\" tabindex=\"0\">\n<table>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("</table>\n</div>"), "{}", r.html);
        assert!(r.html.contains("<th>Năm</th>"), "{}", r.html);
        assert!(
            r.html.contains("<td style=\"text-align: right\">3</td>"),
            "{}",
            r.html
        );
    }

    #[test]
    fn renders_footnotes_in_a_section_at_the_end() {
        let md = "Báo cáo[^1] và thêm[^ghi-chu].\n\n[^ghi-chu]: Ghi chú hai.\n\n[^1]: Nguồn: UBND tỉnh.\n\nĐoạn cuối.\n";
        let r = safe(md);
        let html = &r.html;
        assert!(
            html.contains("<a href=\"#fn-1\" id=\"fnref-1\" role=\"doc-noteref\">1</a>"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"#fn-2\" id=\"fnref-2\" role=\"doc-noteref\">2</a>"),
            "{html}"
        );
        let section = html
            .find("<section class=\"footnotes\"")
            .expect("footnote section");
        assert!(
            html.find("Đoạn cuối").is_some_and(|i| i < section),
            "section comes last: {html}"
        );
        let one = html.find("<li id=\"fn-1\">").expect("definition 1");
        let two = html.find("<li id=\"fn-2\">").expect("definition 2");
        assert!(section < one && one < two, "{html}");
        assert!(
            html.contains("<p>Nguồn: UBND tỉnh. <a href=\"#fnref-1\" class=\"footnote-backref\""),
            "{html}"
        );
        assert!(html.ends_with("</ol>\n</section>\n"), "{html}");
        // References are not part of the summary.
        assert_eq!(&*r.summary, "Báo cáo và thêm.");
    }

    #[test]
    fn repeated_footnote_references_get_distinct_ids_and_labels_match_case_insensitively() {
        let r = safe("a[^Note] b[^note]\n\n[^note]: N.\n");
        assert!(r.html.contains("id=\"fnref-1\""), "{}", r.html);
        assert!(r.html.contains("id=\"fnref-1-2\""), "{}", r.html);
        assert_eq!(r.html.matches("<li id=").count(), 1, "{}", r.html);
    }

    #[test]
    fn undefined_footnote_reference_stays_text() {
        let r = safe("a[^missing]\n");
        assert!(r.html.contains("[^missing]"), "{}", r.html);
        assert!(!r.html.contains("footnotes"), "{}", r.html);
    }

    #[test]
    fn renders_strikethrough() {
        assert!(safe("~~cũ~~ mới").html.contains("<del>cũ</del> mới"));
    }

    #[test]
    fn headings_get_slug_ids_unique_in_the_document() {
        let r = safe(
            "# Tô Thị Hoa\n\n## Thành tích nổi bật\n\n## Thành tích *nổi bật*\n\n## Thành tích nổi bật\n\n### Đảng bộ `xã`\n\n## !!!\n\n## ???\n",
        );
        let html = &r.html;
        assert!(
            html.contains("<h1 id=\"to-thi-hoa\">Tô Thị Hoa</h1>"),
            "{html}"
        );
        assert!(
            html.contains("<h2 id=\"thanh-tich-noi-bat\">Thành tích nổi bật</h2>"),
            "{html}"
        );
        assert!(
            html.contains("<h2 id=\"thanh-tich-noi-bat-1\">Thành tích <em>nổi bật</em></h2>"),
            "{html}"
        );
        assert!(html.contains("<h2 id=\"thanh-tich-noi-bat-2\">"), "{html}");
        assert!(
            html.contains("<h3 id=\"dang-bo-xa\">Đảng bộ <code>xã</code></h3>"),
            "{html}"
        );
        assert!(html.contains("<h2 id=\"section\">!!!</h2>"), "{html}");
        assert!(html.contains("<h2 id=\"section-1\">???</h2>"), "{html}");
    }

    #[test]
    fn generated_suffix_skips_ids_already_taken() {
        let r = safe("## A 1\n\n## A\n\n## A\n");
        assert!(r.html.contains("<h2 id=\"a-1\">A 1</h2>"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"a\">A</h2>"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"a-2\">A</h2>"), "{}", r.html);
    }

    #[test]
    fn generated_suffix_never_takes_a_literal_heading_id() {
        let r = safe("## X\n\n## X\n\n## X 1\n\n## X\n\n## X-2\n\n## X\n");
        let ids: Vec<&str> = r
            .html
            .match_indices("id=\"")
            .map(|(i, _)| {
                let rest = &r.html[i + 4..];
                &rest[..rest.find('"').unwrap_or(0)]
            })
            .collect();
        assert_eq!(
            ids,
            ["x", "x-1", "x-1-1", "x-2", "x-2-1", "x-3"],
            "{}",
            r.html
        );
    }

    /// Regression: each repeated heading tried every earlier suffix again,
    /// so 40,000 identical headings took 71 s (release) to render.
    #[test]
    fn identical_headings_take_linear_time() {
        let md = "## Kết quả\n\n".repeat(20_000);
        let start = std::time::Instant::now();
        let r = safe(&md);
        let took = start.elapsed();
        assert!(r.html.contains("<h2 id=\"ket-qua-19999\">"));
        // About 0.1 s in a debug build; quadratic was minutes.
        assert!(took.as_secs() < 5, "{took:?}");
    }

    /// Regression: each broken link counted lines from the top of the
    /// text, so 40,000 broken links took 13 s (release) to report.
    #[test]
    fn many_broken_links_take_linear_time() {
        let on_lines = "[a](@/x.md)\n".repeat(20_000);
        let on_one_line = "[a](@/x.md) ".repeat(20_000);
        for md in [on_lines, on_one_line] {
            let start = std::time::Instant::now();
            let r = safe(&md);
            let took = start.elapsed();
            assert_eq!(r.broken_links.len(), 20_000);
            let last = &r.broken_links[19_999];
            assert!(
                (last.line, last.col) == (20_000, 1)
                    || (last.line, last.col) == (1, 12 * 19_999 + 1)
            );
            assert!(took.as_secs() < 5, "{took:?}");
        }
    }

    #[test]
    fn setext_heading_and_heading_with_link_get_ids() {
        let r = render(
            "Kết quả [năm 2020](@/profiles/to-thi-hoa.md)\n===\n",
            &MarkdownOptions::default(),
            &resolver,
        );
        assert!(
            r.html.contains("<h1 id=\"ket-qua-nam-2020\">Kết quả <a href=\"/ho-so/to-thi-hoa/\">năm 2020</a></h1>"),
            "{}",
            r.html
        );
    }

    #[test]
    fn heading_attribute_syntax_is_plain_text() {
        let r = safe("## Kết quả {#x onclick=alert(1)}\n");
        assert!(!r.html.contains("onclick=\""), "{}", r.html);
        assert!(r.html.contains("{#x onclick=alert(1)}</h2>"), "{}", r.html);
    }

    #[test]
    fn raw_html_is_escaped_by_default() {
        let r = safe(
            "Xin <script>alert(1)</script> chào\n\n<script>alert(2)</script>\n\n<div onclick=\"x\">\nkhối\n</div>\n",
        );
        let html = &r.html;
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(
            html.contains("<p>Xin &lt;script&gt;alert(1)&lt;/script&gt; chào</p>"),
            "{html}"
        );
        assert!(
            html.contains("<p>&lt;script&gt;alert(2)&lt;/script&gt;</p>"),
            "{html}"
        );
        assert!(
            html.contains("<p>&lt;div onclick=\"x\"&gt;\nkhối\n&lt;/div&gt;</p>"),
            "{html}"
        );
        // Inline HTML is markup, not text, for the summary.
        assert_eq!(&*r.summary, "Xin alert(1) chào");
    }

    #[test]
    fn escaped_html_block_with_crlf_has_no_stray_line_breaks() {
        let r = safe("a\r\n\r\n<div>\r\nb\r\n</div>\r\n\r\nc\r\n");
        assert_eq!(
            &*r.html,
            "<p>a</p>\n<p>&lt;div&gt;\nb\n&lt;/div&gt;</p>\n<p>c</p>\n"
        );
    }

    #[test]
    fn raw_html_passes_with_unsafe_html() {
        let r = render(
            "Xin <b>chào</b>\n\n<script>alert(2)</script>\n",
            &MarkdownOptions { unsafe_html: true },
            &no_links,
        );
        assert!(r.html.contains("<p>Xin <b>chào</b></p>"), "{}", r.html);
        assert!(r.html.contains("<script>alert(2)</script>\n"), "{}", r.html);
        assert!(!r.html.contains("<p><script>"), "{}", r.html);
    }

    #[test]
    fn dangerous_links_lose_their_wrapper_even_with_unsafe_html() {
        for unsafe_html in [false, true] {
            let md = "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](<java\tscript:x>) \
                      [d](data:text/html;base64,PHNjcmlwdD4=) [e](vbscript:msgbox) \
                      [g](&#106;avascript:x) ![h](javascript:x) [![i](javascript:x)](javascript:y)\n\n\
                      [ref]\n\n[ref]: javascript:z\n";
            let r = render(md, &MarkdownOptions { unsafe_html }, &no_links);
            let html = &r.html;
            let lower = html.to_ascii_lowercase();
            assert!(!lower.contains("script:"), "{html}");
            assert!(!lower.contains("data:"), "{html}");
            assert!(!html.contains("<a"), "{html}");
            assert!(!html.contains("<img"), "{html}");
            assert!(html.contains("<p>a b "), "{html}");
            assert!(html.contains(" h i</p>"), "{html}");
            assert!(html.contains("<p>ref</p>"), "{html}");
        }
    }

    #[test]
    fn dangerous_autolinks_become_text() {
        let r = safe("<javascript:alert(1)> <https://example.org>\n");
        assert_eq!(
            &*r.html,
            "<p>javascript:alert(1) <a href=\"https://example.org\">https://example.org</a></p>\n"
        );
    }

    #[test]
    fn data_images_and_ordinary_links_are_kept() {
        let r = safe(
            "![ảnh](data:image/png;base64,iVBORw0KGgo=) [x](DATA:Image/gif;base64,R0l) [y](https://example.org/a:b) [z](profiles/a.md) [w](#thanh-tich) [m](mailto:a@b.vn)\n",
        );
        let html = &r.html;
        assert!(
            html.contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"ảnh\" />"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"DATA:Image/gif;base64,R0l\">x</a>"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"https://example.org/a:b\">y</a>"),
            "{html}"
        );
        assert!(html.contains("<a href=\"profiles/a.md\">z</a>"), "{html}");
        assert!(html.contains("<a href=\"#thanh-tich\">w</a>"), "{html}");
        assert!(html.contains("<a href=\"mailto:a@b.vn\">m</a>"), "{html}");
    }

    #[test]
    fn url_scheme_check() {
        assert!(is_dangerous_url("javascript:x"));
        assert!(is_dangerous_url("  \u{0}\u{1f}JAVASCRIPT:x"));
        assert!(is_dangerous_url("java\n\tscr\ript:x"));
        assert!(is_dangerous_url("vbscript:x"));
        assert!(is_dangerous_url("data:text/html,<script>"));
        assert!(is_dangerous_url("data:"));
        assert!(is_dangerous_url("data:imag"));
        assert!(!is_dangerous_url("data:image/png;base64,AA"));
        assert!(!is_dangerous_url("da\tta:im\nage/png,AA"));
        assert!(!is_dangerous_url("https://x.vn/javascript:"));
        assert!(!is_dangerous_url("./javascript:x"));
        assert!(!is_dangerous_url(""));
        assert!(!is_dangerous_url("averyveryverylongscheme:x"));
        assert!(!is_dangerous_url("java script:x"));
    }

    #[test]
    fn internal_links_resolve_and_keep_anchor() {
        let md = "Xem [bà Hoa](@/profiles/to-thi-hoa.md#thanh-tich) và [phong trào](@/campaigns/dan-van-kheo.md \"Dân vận khéo\").\n";
        let r = render(md, &MarkdownOptions::default(), &resolver);
        assert!(
            r.html
                .contains("<a href=\"/ho-so/to-thi-hoa/#thanh-tich\">bà Hoa</a>"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains(
                "<a href=\"/phong-trao/dan-van-kheo/\" title=\"Dân vận khéo\">phong trào</a>"
            ),
            "{}",
            r.html
        );
        assert!(r.broken_links.is_empty());
    }

    #[test]
    fn resolver_gets_path_without_prefix_and_anchor() {
        let seen = std::cell::RefCell::new(Vec::new());
        let resolve = |p: &str| {
            seen.borrow_mut().push(p.to_string());
            Target::Missing
        };
        let _ = render(
            "[a](@/profiles/x.md#y) [b](@/campaigns/c.md)",
            &MarkdownOptions::default(),
            &resolve,
        );
        assert_eq!(
            *seen.borrow(),
            vec!["profiles/x.md".to_string(), "campaigns/c.md".to_string()]
        );
    }

    #[test]
    fn broken_internal_links_are_reported_with_position() {
        let md = "# Tiêu đề\n\nĐoạn có [bà Hoa](@/profiles/to-thi-hoa.md) và\nđây là [ông Ba](@/profiles/ong-ba.md#a).\n\n- mục [x][r]\n\n[r]: @/campaigns/khong-co.md\n";
        let r = render(md, &MarkdownOptions::default(), &resolver);
        assert_eq!(
            r.broken_links,
            vec![
                LinkAt {
                    line: 4,
                    col: 8,
                    target: "profiles/ong-ba.md#a".to_string()
                },
                LinkAt {
                    line: 6,
                    col: 7,
                    target: "campaigns/khong-co.md".to_string()
                },
            ]
        );
        assert!(r.html.contains("<a href=\"#\">ông Ba</a>"), "{}", r.html);
        assert!(r.html.contains("<a href=\"#\">x</a>"), "{}", r.html);
    }

    #[test]
    fn links_to_drafts_show_as_their_text_and_are_noted_not_broken() {
        let md = "Xem [bản nháp](@/profiles/ban-nhap.md#a) và ![ảnh](@/profiles/ban-nhap.md).\n";
        let r = render(md, &MarkdownOptions::default(), &resolver);
        assert_eq!(&*r.html, "<p>Xem bản nháp và ảnh.</p>\n");
        assert!(r.broken_links.is_empty());
        let spots: Vec<_> = r
            .draft_links
            .iter()
            .map(|l| (l.line, l.col, l.target.as_str()))
            .collect();
        assert_eq!(
            spots,
            [
                (1, 5, "profiles/ban-nhap.md#a"),
                (1, 45, "profiles/ban-nhap.md")
            ]
        );
    }

    #[test]
    fn broken_links_in_headings_and_footnotes_are_reported() {
        let md = "## Về [x](@/a.md)\n\nVăn bản[^1].\n\n[^1]: Theo [y](@/b.md).\n";
        let r = safe(md);
        let targets: Vec<_> = r
            .broken_links
            .iter()
            .map(|b| (b.line, b.col, b.target.as_str()))
            .collect();
        assert_eq!(targets, vec![(1, 7, "a.md"), (5, 12, "b.md")]);
    }

    #[test]
    fn first_paragraph_is_plain_text() {
        let r =
            safe("**Bà** Tô Thị Hoa là [chủ tịch](https://x.vn)\nHội  `LHPN` xã.\n\nĐoạn hai.\n");
        assert_eq!(&*r.summary, "Bà Tô Thị Hoa là chủ tịch Hội LHPN xã.");
    }

    #[test]
    fn first_paragraph_after_heading_skipping_lists_quotes_and_image_only_paragraphs() {
        let r = safe(
            "# Tô Thị Hoa\n\n![Ảnh chân dung](hoa.jpg)\n\n> Trích dẫn.\n\n- Mục một\n\n  mục hai\n\nBà *Hoa* sinh năm 1970.\n\nĐoạn sau.\n",
        );
        assert_eq!(&*r.summary, "Bà Hoa sinh năm 1970.");
        let r = safe("![Ảnh](hoa.jpg)\n  Bà Hoa\n");
        assert_eq!(&*r.summary, "Bà Hoa");
    }

    #[test]
    fn first_paragraph_empty_when_none() {
        assert_eq!(&*safe("# Chỉ tiêu đề\n\n- một\n- hai\n").summary, "");
        assert_eq!(&*safe("").summary, "");
        assert_eq!(&*safe("").html, "");
    }

    #[test]
    fn detects_internal_links() {
        assert!(has_internal_links("xem [a](@/profiles/a.md)"));
        assert!(!has_internal_links("email a@b.vn, [a](/ho-so/a/)"));
    }

    #[test]
    fn rendering_is_deterministic() {
        let md = "# A\n\n## A\n\nx[^b] y[^a] z[^c]\n\n[^a]: A.\n[^b]: B.\n[^c]: C.\n[^d]: D.\n\n[l](@/nope.md)\n";
        let first = safe(md);
        for _ in 0..5 {
            assert_eq!(safe(md), first);
        }
        // Unreferenced definitions come last, after the referenced ones.
        let d = first
            .html
            .find("<li id=\"fn-4\">\n<p>D.</p>")
            .expect("unreferenced definition kept");
        let c = first.html.find("<li id=\"fn-3\">\n<p>C.").expect("c");
        assert!(c < d, "{}", first.html);
    }
}
