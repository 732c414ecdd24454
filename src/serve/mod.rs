//! `vinhdanh serve`: a preview of the site that follows its editors.
//!
//! ```text
//! watch (notify) ─batch→ rebuild (in memory) ─swap→ Shared ←─ http (axum)
//!                                              └─reload→ SSE → pages
//! ```
//!
//! * [`watch`] turns file events into batches of changed paths.
//! * [`rebuild`] builds the site in memory, doing only what an edit needs.
//! * [`http`] serves the last good build from memory ([`memory`]), with the
//!   error overlay ([`overlay`]) while the content is broken, and the
//!   live-reload events ([`reload`]); [`conn`] accepts its connections,
//!   with timeouts and a cap, so that no client can take it down.
//! * [`retry`] builds again when a rebuild failed for a passing I/O reason
//!   (no file handle left, a file replaced mid-save) instead of showing it
//!   as a content error; [`address`] says who can reach the server.
//!
//! The site is built with drafts (marked as such), with the server's own
//! address as its base URL, and never written to disk. One thread rebuilds;
//! the server holds an `Arc` of the last good build and swaps it whole.

pub mod address;
pub mod conn;
pub mod http;
pub mod memory;
pub mod overlay;
mod pages;
pub mod rebuild;
pub mod reload;
pub mod retry;
pub mod watch;

use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use tokio::sync::watch as signal_channel;

use crate::build::BuildOptions;
use crate::diagnostic::messages::Status;
use crate::diagnostic::{ConfigProblem, Diagnostics, Lang};
use crate::vocab::CONFIG_FILE;
use http::{Served, Shared};
use rebuild::Rebuilder;

/// What `serve` was asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site's folder (holding `site.toml`).
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port (the address is reported).
    pub port: u16,
    /// The language of messages (`--lang`); `None`: the site's default language.
    pub lang: Option<Lang>,
}

/// What happens while serving, for the binary to show.
#[derive(Debug)]
pub enum ServeEvent<'a> {
    /// The server accepts requests at `url`.
    Listening { url: &'a str },
    /// The server listens on `listen`, beyond this computer; pages use `url`.
    Exposed {
        listen: SocketAddr,
        reach: address::Reach,
        url: &'a str,
    },
    /// A build succeeded and is now served.
    Built {
        files: usize,
        profiles: usize,
        rendered: usize,
        changed: usize,
        took: Duration,
        first: bool,
    },
    /// The edited pages were put into the served site first (`rendered`
    /// pages, `took` since the edit was seen); the whole site follows.
    Previewed { rendered: usize, took: Duration },
    /// A build failed; the last good one, if any (`good`), is still served.
    Failed {
        problems: &'a Diagnostics,
        root: &'a std::path::Path,
        good: bool,
    },
    /// A rebuild could not read files for a passing reason (`problems`);
    /// it is being tried again, the last good build still served.
    Retrying { problems: &'a Diagnostics },
    /// Watching the files failed; changes may go unseen.
    WatchError { message: String },
}

/// Receives [`ServeEvent`]s; called from the rebuild thread.
pub type Reporter = Arc<dyn Fn(ServeEvent<'_>) + Send + Sync>;

/// Why the server could not run.
#[derive(Debug)]
pub enum ServeError {
    /// There is no site at the root.
    NoSite {
        root: PathBuf,
    },
    /// The address could not be bound (e.g. the port is taken).
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    Watch(notify::Error),
    Io(std::io::Error),
}

impl ServeError {
    /// What went wrong, in `lang`; the system's own words kept after ours.
    pub fn words(&self, lang: Lang) -> String {
        let status = match self {
            ServeError::NoSite { root } => {
                let problem = ConfigProblem::NotASite {
                    folder: root.display().to_string(),
                };
                let hint = problem.hint(lang).unwrap_or_default();
                return format!("{}\n  {hint}", problem.message(lang));
            }
            ServeError::Bind { addr, source } if source.kind() == std::io::ErrorKind::AddrInUse => {
                Status::PortInUse {
                    port: addr.port(),
                    ip: addr.ip().to_string(),
                    next: addr.port().wrapping_add(1).max(1),
                }
            }
            ServeError::Bind { addr, source } => Status::CannotListen {
                addr: addr.to_string(),
                detail: source.to_string(),
            },
            ServeError::Watch(e) => Status::CannotWatch {
                detail: e.to_string(),
            },
            ServeError::Io(e) => Status::CannotStart {
                detail: e.to_string(),
            },
        };
        status.words(lang)
    }
}

impl fmt::Display for ServeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(Lang::En))
    }
}

impl std::error::Error for ServeError {}

/// Serves the site until Ctrl-C (or SIGTERM).
pub fn serve(options: &ServeOptions, report: Reporter) -> Result<(), ServeError> {
    let root = options
        .root
        .canonicalize()
        .map_err(|_| ServeError::NoSite {
            root: options.root.clone(),
        })?;
    if !root.join(CONFIG_FILE).is_file() {
        return Err(ServeError::NoSite { root });
    }
    memory::keep_freed_memory();
    // Rebuilding gives way to serving (see `lower_priority`); the pool may
    // exist already when the library is used from another program.
    let _ = rayon::ThreadPoolBuilder::new()
        .start_handler(|_| lower_priority())
        .build_global();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(ServeError::Io)?;
    runtime.block_on(run(root, options, report))
}

async fn run(root: PathBuf, options: &ServeOptions, report: Reporter) -> Result<(), ServeError> {
    let addr = SocketAddr::new(options.bind, options.port);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Bind { addr, source })?;
    let listen = listener.local_addr().map_err(ServeError::Io)?;
    let reach = address::reach(listen.ip());
    let url = format!(
        "http://{}",
        SocketAddr::new(reach.visit(listen.ip()), listen.port())
    );
    let mut builds = BuildIds::new();
    let (stop, stopped) = signal_channel::channel(false);
    let shared = Arc::new(Shared::new(
        Served {
            site: None,
            overlay: None,
            build: builds.next(),
        },
        stopped,
    ));
    // Watch before the first build, so that nothing saved during it is missed.
    let watch = watch::Watch::start(&root).map_err(ServeError::Watch)?;
    let build_options = BuildOptions {
        root,
        output_dir: None,
        base_url: Some(url.clone()),
        drafts: true,
        lang: options.lang,
        cache_dir: None,
    };
    report(ServeEvent::Listening { url: &url });
    if reach != address::Reach::ThisComputer {
        report(ServeEvent::Exposed {
            listen,
            reach,
            url: &url,
        });
    }

    let rebuilding = Arc::clone(&shared);
    let reporter = Arc::clone(&report);
    std::thread::Builder::new()
        .name("vinhdanh-rebuild".into())
        .spawn(move || {
            lower_priority();
            rebuild_loop(
                Rebuilder::new(build_options),
                watch,
                &rebuilding,
                &reporter,
                builds,
            )
        })
        .map_err(ServeError::Io)?;

    let stopping = stop.subscribe();
    tokio::spawn(async move {
        stop_signal().await;
        // Ends the live-reload streams and stops accepting connections.
        let _ = stop.send(true);
    });
    let limits = conn::Limits::for_this_process();
    conn::serve(listener, http::router(shared), limits, stopping).await;
    Ok(())
}

/// How long the whole site waits after a first look was published, so that
/// the open page's request for it is answered before the rebuild takes
/// every core (measured: 34-46 ms from save to page without the wait).
const FIRST_LOOK_GRACE: Duration = Duration::from_millis(50);

/// Builds once, then again after every batch of changes, until watching ends
/// (the process is stopping).
fn rebuild_loop(
    mut rebuilder: Rebuilder,
    mut watch: watch::Watch,
    shared: &Shared,
    report: &Reporter,
    mut builds: BuildIds,
) {
    rebuilder.yield_to(watch.stirred());
    let mut batch = watch::Batch::default();
    let mut first = true;
    // The last whole good build: served again, with the overlay, when one
    // fails (not a first look at the edit that broke it).
    let mut good: Option<Arc<memory::MemorySite>> = None;
    // Freeing was put off once for an edit already waiting.
    let mut put_off = false;
    loop {
        let started = Instant::now();
        let before = shared.current();
        let broken_before = before.overlay.is_some() || before.site.is_none();
        // The edited pages first; the whole site follows, unless it is done.
        let quick = rebuilder.quick(&batch.paths, batch.rescan);
        let mut shown: Option<Arc<memory::MemorySite>> = None;
        let result = match quick {
            Some(rebuild::Quick::Done(rebuilt)) => Ok(rebuilt),
            Some(rebuild::Quick::First(look)) => {
                let next = Served {
                    site: Some(Arc::clone(&look.site)),
                    overlay: None,
                    build: builds.next(),
                };
                shared.publish(next, look.changed, broken_before);
                report(ServeEvent::Previewed {
                    rendered: look.rendered,
                    took: started.elapsed(),
                });
                shown = Some(look.site);
                // A moment for open pages to fetch it before every core is busy.
                std::thread::sleep(FIRST_LOOK_GRACE);
                rebuild_retrying(&mut rebuilder, &watch::Batch::default(), report)
            }
            None => rebuild_retrying(&mut rebuilder, &watch::Batch::default(), report),
        };
        let took = started.elapsed();
        match result {
            // The next edit waits: its first look, then the whole site.
            Err(_) if rebuilder.gave_way() => {}
            Ok(mut rebuilt) => {
                report(ServeEvent::Built {
                    files: rebuilt.site.len(),
                    profiles: rebuilt.profiles,
                    rendered: rebuilt.rendered,
                    changed: rebuilt.changed.len(),
                    took,
                    first,
                });
                first = false;
                // Pages already shown as they are now need no reload.
                if let Some(shown) = &shown {
                    rebuilt
                        .changed
                        .retain(|path| shown.get(path) != rebuilt.site.get(path));
                }
                good = Some(Arc::clone(&rebuilt.site));
                let next = Served {
                    site: Some(rebuilt.site),
                    overlay: None,
                    build: builds.next(),
                };
                shared.publish(next, rebuilt.changed, broken_before);
            }
            Err(problems) => {
                let served = good.is_some();
                report(ServeEvent::Failed {
                    problems: &problems,
                    root: rebuilder.root(),
                    good: served,
                });
                // The last good build, not a first look at the broken edit.
                let next = Served {
                    site: good.clone(),
                    overlay: Some(overlay::overlay(&problems, rebuilder.lang(), served)),
                    build: builds.next(),
                };
                shared.publish(next, Vec::new(), true);
            }
        }
        // The sites replaced are freed now, and their memory given back,
        // not when the next edit arrives and waits for it; unless it is
        // there already (a rebuild gave way to it): then after its first
        // look. Never put off twice running, so that edits in a row, each
        // making the whole site give way, do not pile up what they left.
        drop((before, shown));
        if watch.stirred().load(Ordering::Acquire) && !put_off {
            put_off = true;
        } else {
            rebuilder.tidy();
            put_off = false;
        }
        batch = loop {
            match watch.next_batch() {
                None => return,
                Some(Ok(batch)) => break batch,
                Some(Err(e)) => report(ServeEvent::WatchError {
                    message: e.to_string(),
                }),
            }
        };
    }
}

/// Lowers the calling thread's priority (nice 10, Linux): the threads that
/// rebuild the site give way to those that answer requests, so that the
/// first look at an edit is served at once while the whole site is built
/// again on every core.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: gettid and setpriority take no pointer and only change this
    // thread's scheduling priority; a failure (returned) leaves it as it was.
    unsafe {
        let _ = libc::setpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t, 10);
    }
}

/// Rebuilds after `batch`, trying again after a short wait while the
/// failure is a passing I/O one ([`retry`]).
fn rebuild_retrying(
    rebuilder: &mut Rebuilder,
    batch: &watch::Batch,
    report: &Reporter,
) -> Result<rebuild::Rebuilt, Diagnostics> {
    let mut result = rebuilder.rebuild(&batch.paths, batch.rescan);
    let mut backoff = retry::Backoff::default();
    while let Err(problems) = &result {
        let Some(wait) = backoff.next(retry::failure(problems, rebuilder.root())) else {
            break;
        };
        if backoff.first() {
            report(ServeEvent::Retrying { problems });
        }
        std::thread::sleep(wait);
        // The failed edits stay pending: nothing more to pass.
        result = rebuilder.rebuild(&[], false);
    }
    result
}

/// Names builds uniquely across restarts of the server: a page that sees a
/// new name on reconnecting reloads.
struct BuildIds {
    start: u128,
    count: u64,
}

impl BuildIds {
    fn new() -> Self {
        let start = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        BuildIds { start, count: 0 }
    }

    fn next(&mut self) -> String {
        self.count += 1;
        format!("{:x}-{}", self.start, self.count)
    }
}

async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
