//! Accepting connections so that no client can take the preview down.
//!
//! `axum::serve` waits forever for a request head and refuses nothing, so a
//! few thousand idle or half-sent connections used up the open-file limit:
//! the preview stopped answering and rebuilds failed with "Too many open
//! files". Here every connection is served by hyper with a deadline for its
//! request head (which is also how long a kept-alive connection may sit
//! idle), and their number is capped: a new connection over the cap closes
//! the connection that has waited longest for a request, never one that is
//! being answered (a live-reload stream, a page being sent). Only when
//! every connection is busy does the oldest one go.

use std::collections::HashMap;
use std::convert::Infallible;
use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use http_body::{Frame, SizeHint};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, watch};

/// How long a connection may take to send a request head, and so how long
/// it may stay open between requests.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// The most connections served at once, whatever the open-file limit.
pub const MOST_CONNECTIONS: usize = 1024;
/// How long requests still being answered get when the server stops.
const GRACE: Duration = Duration::from_secs(1);

/// What the server allows each connection and all of them together.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub header_timeout: Duration,
    pub max_connections: usize,
}

impl Limits {
    /// Half the open-file limit (the rest is for rebuilding and the
    /// system), at most [`MOST_CONNECTIONS`].
    pub fn for_this_process() -> Limits {
        let files = open_file_limit().unwrap_or(1024);
        Limits {
            header_timeout: HEADER_TIMEOUT,
            max_connections: usize::try_from(files / 2)
                .unwrap_or(MOST_CONNECTIONS)
                .clamp(8, MOST_CONNECTIONS),
        }
    }
}

/// Raises the soft open-file limit to the hard one (many systems start
/// programs at 1024); the limit now in force.
pub fn raise_open_file_limit() -> io::Result<u64> {
    rlimit::increase_nofile_limit(u64::MAX)
}

/// The soft open-file limit, where the system has one.
fn open_file_limit() -> Option<u64> {
    #[cfg(unix)]
    {
        rlimit::getrlimit(rlimit::Resource::NOFILE)
            .ok()
            .map(|(soft, _)| soft)
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Whether an error says that the process (or the system) has no file
/// handle left.
pub fn out_of_files(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        matches!(e.raw_os_error(), Some(libc::EMFILE | libc::ENFILE))
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// Serves `router` on `listener` until `stop` turns true, then lets the
/// requests being answered finish for a moment.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    mut stop: watch::Receiver<bool>,
) {
    let open = Arc::new(Open::new(limits.max_connections));
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stop.wait_for(|stopped| *stopped) => break,
        };
        match accepted {
            Ok((stream, _)) => {
                let ticket = open.admit();
                let task = connection(stream, router.clone(), http.clone(), ticket, stop.clone());
                tokio::spawn(task);
                // Lets a connection closed to make room go before the next.
                tokio::task::yield_now().await;
            }
            Err(e) => {
                if out_of_files(&e) {
                    open.evict();
                }
                // Aborted handshakes and the like: try again shortly.
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        }
    }
    let deadline = Instant::now() + GRACE;
    while open.count() > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Serves one connection until it ends, is evicted or the server stops.
async fn connection(
    stream: TcpStream,
    router: Router,
    http: http1::Builder,
    ticket: Ticket,
    mut stop: watch::Receiver<bool>,
) {
    let inner = TowerToHyperService::new(router);
    let open = Arc::clone(&ticket.open);
    let id = ticket.id;
    let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
        let busy = Busy::start(&open, id);
        let response = hyper::service::Service::call(&inner, request);
        async move {
            let response = response.await?;
            Ok::<_, Infallible>(response.map(|body| Tracked { body, _busy: busy }))
        }
    });
    let conn = http.serve_connection(TokioIo::new(stream), service);
    let mut conn = std::pin::pin!(conn);
    tokio::select! {
        // A broken or timed-out connection is simply closed.
        _ = conn.as_mut() => return,
        // Dropping the connection closes its socket.
        () = ticket.close.notified() => return,
        _ = stop.wait_for(|stopped| *stopped) => {}
    }
    conn.as_mut().graceful_shutdown();
    let _ = tokio::time::timeout(GRACE, conn).await;
}

/// The open connections, by id (ids grow: a smaller one is older).
struct Open {
    cap: usize,
    table: Mutex<Table>,
}

#[derive(Default)]
struct Table {
    next_id: u64,
    /// Ticks when a connection opens or finishes answering: orders idleness.
    clock: u64,
    connections: HashMap<u64, Entry>,
}

struct Entry {
    /// Requests being answered (their response bodies not yet sent).
    busy: usize,
    /// The clock when it last became idle.
    idle_since: u64,
    close: Arc<Notify>,
}

impl Open {
    fn new(cap: usize) -> Open {
        Open {
            cap: cap.max(1),
            table: Mutex::new(Table::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Table> {
        self.table.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn count(&self) -> usize {
        self.lock().connections.len()
    }

    /// Counts a new connection in, making room for it first.
    fn admit(self: &Arc<Self>) -> Ticket {
        let mut table = self.lock();
        while table.connections.len() >= self.cap {
            if !evict_from(&mut table) {
                break;
            }
        }
        let id = table.next_id;
        table.next_id += 1;
        table.clock += 1;
        let close = Arc::new(Notify::new());
        let entry = Entry {
            busy: 0,
            idle_since: table.clock,
            close: Arc::clone(&close),
        };
        table.connections.insert(id, entry);
        Ticket {
            open: Arc::clone(self),
            id,
            close,
        }
    }

    /// Closes one connection to make room.
    fn evict(&self) {
        evict_from(&mut self.lock());
    }
}

/// Closes the connection idle longest, else the oldest; whether there was one.
fn evict_from(table: &mut Table) -> bool {
    let idle = table
        .connections
        .iter()
        .filter(|(_, e)| e.busy == 0)
        .min_by_key(|(_, e)| e.idle_since)
        .map(|(&id, _)| id);
    let victim = idle.or_else(|| table.connections.keys().min().copied());
    match victim.and_then(|id| table.connections.remove(&id)) {
        Some(entry) => {
            entry.close.notify_one();
            true
        }
        None => false,
    }
}

/// A connection's place among the open ones, given up when it ends.
struct Ticket {
    open: Arc<Open>,
    id: u64,
    close: Arc<Notify>,
}

impl Drop for Ticket {
    fn drop(&mut self) {
        self.open.lock().connections.remove(&self.id);
    }
}

/// Marks a connection busy while one of its requests is being answered.
struct Busy {
    open: Arc<Open>,
    id: u64,
}

impl Busy {
    fn start(open: &Arc<Open>, id: u64) -> Busy {
        if let Some(entry) = open.lock().connections.get_mut(&id) {
            entry.busy += 1;
        }
        Busy {
            open: Arc::clone(open),
            id,
        }
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        let mut table = self.open.lock();
        table.clock += 1;
        let now = table.clock;
        if let Some(entry) = table.connections.get_mut(&self.id) {
            entry.busy = entry.busy.saturating_sub(1);
            entry.idle_since = now;
        }
    }
}

/// A response body that keeps its connection marked busy until it has
/// been sent (or dropped).
struct Tracked {
    body: Body,
    _busy: Busy,
}

impl http_body::Body for Tracked {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

#[cfg(test)]
#[path = "conn_tests.rs"]
mod tests;
