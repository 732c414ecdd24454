//! The HTTP side: serves the built site from memory, the live-reload events,
//! and the error overlay.
//!
//! Only files of the built site can be served: a request path is decoded,
//! checked (no `..`, no encoded slashes, no backslashes) and looked up in
//! the in-memory map. Nothing is ever read from disk on request, so neither
//! a source file nor anything outside the site can come out.

use std::convert::Infallible;
use std::sync::{Arc, PoisonError, RwLock};

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::Stream;
use tokio::sync::{broadcast, watch};

use super::memory::{FileBytes, MemorySite};
use super::overlay;
use super::reload::{self, EVENTS_PATH, Reload};

/// What the server sends now: the last good build, and the problems of the
/// latest build when it failed.
pub struct Served {
    /// `None` until the first build succeeds.
    pub site: Option<Arc<MemorySite>>,
    /// The overlay to draw into HTML pages, while the content is broken.
    pub overlay: Option<String>,
    /// Identifies this state for the live-reload script.
    pub build: String,
}

/// State shared by the request handlers and the rebuild thread.
pub struct Shared {
    served: RwLock<Arc<Served>>,
    reloads: broadcast::Sender<Reload>,
    shutdown: watch::Receiver<bool>,
}

impl Shared {
    pub fn new(first: Served, shutdown: watch::Receiver<bool>) -> Self {
        Shared {
            served: RwLock::new(Arc::new(first)),
            reloads: broadcast::channel(64).0,
            shutdown,
        }
    }

    pub fn current(&self) -> Arc<Served> {
        Arc::clone(&self.served.read().unwrap_or_else(PoisonError::into_inner))
    }

    /// Serves `next` from now on and tells open pages what changed.
    pub fn publish(&self, next: Served, paths: Vec<String>, all: bool) {
        let reload = Reload {
            build: next.build.clone(),
            paths,
            all,
        };
        let old = std::mem::replace(
            &mut *self.served.write().unwrap_or_else(PoisonError::into_inner),
            Arc::new(next),
        );
        // Freed (when no request holds it) after the lock is released, so
        // that requests never wait for a whole site to be freed.
        drop(old);
        // No open page is no error.
        let _ = self.reloads.send(reload);
    }
}

pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(EVENTS_PATH, get(events))
        .fallback(page)
        .with_state(shared)
}

/// The Server-Sent Events stream: `hello` with the build now served, then
/// `reload` after every rebuild; it ends when the server stops.
async fn events(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let receiver = shared.reloads.subscribe();
    let hello = Event::default()
        .event("hello")
        .data(shared.current().build.clone());
    let shutdown = shared.shutdown.clone();
    let stream = futures_util::stream::unfold(
        (Some(hello), receiver, shutdown),
        |(hello, mut receiver, mut shutdown)| async move {
            if let Some(hello) = hello {
                return Some((Ok(hello), (None, receiver, shutdown)));
            }
            let reload = tokio::select! {
                message = receiver.recv() => match message {
                    Ok(reload) => reload,
                    Err(broadcast::error::RecvError::Lagged(_)) => Reload { build: String::new(), paths: Vec::new(), all: true },
                    Err(broadcast::error::RecvError::Closed) => return None,
                },
                _ = shutdown.changed() => return None,
            };
            let event = Event::default().event("reload").data(reload.to_json());
            Some((Ok(event), (None, receiver, shutdown)))
        },
    );
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// Any other request: a file of the site.
async fn page(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let mut response = plain(StatusCode::METHOD_NOT_ALLOWED, "405 Method Not Allowed\n");
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let Some(path) = site_path(request.uri().path()) else {
        return plain(
            StatusCode::BAD_REQUEST,
            "400 Bad Request: not a path of this site\n",
        );
    };
    let served = shared.current();
    let Some(site) = &served.site else {
        return waiting_page(&served);
    };
    let key = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.clone()
    };
    if let Some(bytes) = site.get(&key) {
        return file(StatusCode::OK, &key, bytes, &served);
    }
    if !path.is_empty() && !path.ends_with('/') && site.get(&format!("{path}/index.html")).is_some()
    {
        let location = format!("{}/", request.uri().path());
        return Response::builder()
            .status(StatusCode::PERMANENT_REDIRECT)
            .header(header::LOCATION, location)
            .body(Body::empty())
            .unwrap_or_else(|_| plain(StatusCode::NOT_FOUND, "404 Not Found\n"));
    }
    let not_found = not_found_page(site, &path);
    match not_found.and_then(|p| site.get(&p).map(|b| (p, b))) {
        Some((p, bytes)) => file(StatusCode::NOT_FOUND, &p, bytes, &served),
        None => plain(StatusCode::NOT_FOUND, "404 Not Found\n"),
    }
}

/// The 404 page of the language the path is in: `en/404.html` under `/en/`.
fn not_found_page(site: &MemorySite, path: &str) -> Option<String> {
    let first = path.split('/').next().filter(|s| !s.is_empty());
    let localised = first
        .map(|lang| format!("{lang}/404.html"))
        .filter(|p| site.get(p).is_some());
    localised.or_else(|| site.get("404.html").map(|_| "404.html".to_owned()))
}

fn file(status: StatusCode, path: &str, bytes: &FileBytes, served: &Served) -> Response {
    let content_type = content_type(path);
    let body = match &served.overlay {
        Some(overlay) if content_type.starts_with("text/html") => {
            Body::from(overlay::inject(&bytes.whole(), overlay))
        }
        _ => bytes.body(),
    };
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, content_type)
        .header(header::CACHE_CONTROL, "no-store")
        .body(body)
        .unwrap_or_else(|_| plain(StatusCode::INTERNAL_SERVER_ERROR, "500\n"))
}

/// What the page says while the first build runs, in both languages: the
/// messages language is the site's, and the site is not read yet.
const BUILDING: &str = "<p>Đang dựng trang… <span lang=\"en\">Building the site…</span></p>";

/// Before the first good build: the problems (the overlay, which says that
/// nothing was built yet), or, while the first build runs, a note that the
/// site is coming; the page reloads itself when it is there.
fn waiting_html(served: &Served) -> (StatusCode, String) {
    let (status, inside) = match &served.overlay {
        Some(overlay) => (StatusCode::INTERNAL_SERVER_ERROR, overlay.as_str()),
        None => (StatusCode::SERVICE_UNAVAILABLE, BUILDING),
    };
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>vinhdanh</title></head><body>{inside}{}</body></html>\n",
        reload::script("")
    );
    (status, html)
}

fn waiting_page(served: &Served) -> Response {
    let mut response = waiting_html(served).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    let mut response = (status, text).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

/// The content type of an output file, with the charset for text.
pub fn content_type(path: &str) -> String {
    if path.ends_with("atom.xml") {
        return "application/atom+xml; charset=utf-8".to_owned();
    }
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let text = mime.type_() == mime_guess::mime::TEXT
        || matches!(mime.subtype().as_str(), "xml" | "json" | "javascript")
        || mime.suffix().is_some_and(|s| s == mime_guess::mime::XML);
    if text {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    }
}

/// The site path of a raw request path, without its leading slash:
/// `/ho-so/a%20b/` → `ho-so/a b/`. `None` for anything that could step out
/// of the site or name a file by another spelling: `.` or `..` segments
/// (encoded or not), empty segments (`//`), encoded slashes, backslashes,
/// NUL, bad percent-encoding or UTF-8.
pub fn site_path(raw: &str) -> Option<String> {
    let rest = raw.strip_prefix('/')?;
    let bytes = rest.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = rest.get(i + 1..i + 3)?;
            let byte = u8::from_str_radix(hex, 16).ok()?;
            if byte == b'/' {
                return None;
            }
            decoded.push(byte);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    let path = String::from_utf8(decoded).ok()?;
    if path.contains(['\\', '\0']) {
        return None;
    }
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len() - 1;
    let bad = segments
        .iter()
        .enumerate()
        .any(|(n, s)| matches!(*s, "." | "..") || (s.is_empty() && n != last));
    (!bad).then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn before_the_first_build_the_page_says_what_is_happening() {
        let building = Served {
            site: None,
            overlay: None,
            build: "1".into(),
        };
        let (status, html) = waiting_html(&building);
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(html.contains("Đang dựng trang…"), "{html}");
        assert!(
            html.contains("<span lang=\"en\">Building the site…</span>"),
            "{html}"
        );
        assert!(html.contains("data-vinhdanh-reload"), "{html}");
        let problems: crate::diagnostic::Diagnostics = crate::diagnostic::Diagnostic::file(
            "content/profiles/a.md",
            crate::diagnostic::FileProblem::EmptyFile,
        )
        .into();
        for (lang, words) in [
            (
                crate::diagnostic::Lang::Vi,
                "Chưa dựng được gì: hãy sửa tệp và lưu lại",
            ),
            (
                crate::diagnostic::Lang::En,
                "Nothing built yet: fix the file and save",
            ),
        ] {
            let failed = Served {
                site: None,
                overlay: Some(overlay::overlay(&problems, lang, false)),
                build: "2".into(),
            };
            let (status, html) = waiting_html(&failed);
            assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
            assert!(html.contains(words), "{html}");
            assert!(!html.contains("Building the site"), "{html}");
            assert!(!html.contains("last good build"), "{html}");
            assert!(!html.contains("bản dựng tốt gần nhất"), "{html}");
        }
    }

    #[test]
    fn request_paths_that_stay_in_the_site() {
        assert_eq!(site_path("/").as_deref(), Some(""));
        assert_eq!(site_path("/ho-so/a/").as_deref(), Some("ho-so/a/"));
        assert_eq!(site_path("/style.css").as_deref(), Some("style.css"));
        assert_eq!(site_path("/%E1%BA%A3nh.jpg").as_deref(), Some("ảnh.jpg"));
    }

    #[test]
    fn request_paths_that_try_to_leave_it() {
        for raw in [
            "/../site.toml",
            "/ho-so/../../etc/passwd",
            "/%2e%2e/site.toml",
            "/%2E%2E%2Fsite.toml",
            "/a%2fb",
            "/a%5c..%5csite.toml",
            "/..\\site.toml",
            "//etc/passwd",
            "/./index.html",
            "/a%00b",
            "/a%zz",
            "/a%e1",
            "etc/passwd",
        ] {
            assert_eq!(site_path(raw), None, "{raw}");
        }
    }

    #[test]
    fn content_types_carry_the_charset_for_text() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("style.css"), "text/css; charset=utf-8");
        assert_eq!(
            content_type("atom.xml"),
            "application/atom+xml; charset=utf-8"
        );
        assert_eq!(content_type("sitemap.xml"), "text/xml; charset=utf-8");
        assert_eq!(content_type("robots.txt"), "text/plain; charset=utf-8");
        assert_eq!(content_type("ho-so/a/anh.jpg"), "image/jpeg");
        assert_eq!(content_type("x.unknown-ext"), "application/octet-stream");
    }
}
