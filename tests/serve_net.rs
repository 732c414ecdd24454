//! `vinhdanh serve` against its network: thousands of idle or half-sent
//! connections, a low open-file limit, and binding beyond loopback.
//!
//! Every connection goes to 127.0.0.1 only; each test opens a bounded
//! number of them, waits a bounded time, and ends by itself.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use common::TestSite;
use common::server::{Server, Start};

const PROFILE: &str = "content/profiles/le-van-an.md";
const PAGE: &str = "/ho-so/le-van-an/";
const OVERLAY: &str = "id=\"vinhdanh-errors\"";
/// Connections held open at once, as in the report.
const FLOOD: usize = 2000;

/// Opens up to `count` connections to the server, every other one having
/// sent half a request head, within at most 8 s (about 1 s here).
fn flood(server: &Server, count: usize) -> Vec<TcpStream> {
    let addr = SocketAddr::from(([127, 0, 0, 1], server.port));
    let started = Instant::now();
    let mut held = Vec::with_capacity(count);
    for n in 0..count {
        if started.elapsed() > Duration::from_secs(8) {
            break;
        }
        let Ok(mut stream) = TcpStream::connect_timeout(&addr, Duration::from_secs(2)) else {
            break;
        };
        if n % 2 == 1 {
            // The server may already have closed it to make room.
            let _ = stream.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        }
        held.push(stream);
        // Some network stacks (gVisor's) drop connections that come faster
        // than the server accepts them, and the client waits a second to
        // try again; a short pause keeps the flood at about 3,000 a second.
        std::thread::sleep(Duration::from_micros(200));
    }
    held
}

/// `GET path` on a new connection; the response and how long it took, or
/// `None` when none came within 3 s.
fn timed_get(server: &Server, path: &str) -> Option<(String, Duration)> {
    let started = Instant::now();
    let addr = SocketAddr::from(([127, 0, 0, 1], server.port));
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(3)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(3))).ok()?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).ok()?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    text.starts_with("HTTP/1.1 200")
        .then(|| (text, started.elapsed()))
}

/// Subscribes to the live-reload events and reads the `hello`.
fn subscribe(server: &Server) -> impl Iterator<Item = String> {
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok();
    stream
        .write_all(b"GET /__vinhdanh/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .expect("subscribe");
    let mut lines = BufReader::new(stream).lines().map_while(Result::ok);
    assert!(
        lines.by_ref().any(|l| l == "event: hello"),
        "the stream says hello"
    );
    lines
}

/// The test process holds thousands of sockets: raise its own limit.
fn room_for_the_flood() -> usize {
    let limit = rlimit::increase_nofile_limit(FLOOD as u64 + 512).unwrap_or(1024);
    let count = FLOOD.min(usize::try_from(limit).unwrap_or(0).saturating_sub(200));
    assert!(
        count > 1100,
        "this machine lets a test hold only {count} connections"
    );
    count
}

/// Floods a server started under `ulimit`, then checks that it still
/// answers within a second, serves an edit without a false overlay, and
/// keeps its live-reload stream.
fn survives_a_flood(ulimit: &str) {
    let count = room_for_the_flood();
    let site = TestSite::fixture("basic");
    let server = Server::start_with(
        &site.root(),
        &Start {
            ulimit: Some(ulimit),
            ..Start::default()
        },
    );
    let mut events = subscribe(&server);
    let held = flood(&server, count);
    let (_, took) = timed_get(&server, "/").expect("GET / is answered while flooded");
    assert!(took < Duration::from_secs(1), "GET / took {took:?}");
    assert_eq!(held.len(), count, "every connection was taken");
    eprintln!("ulimit {ulimit}: GET / answered in {took:?} with {count} connections held");

    let original = std::fs::read_to_string(site.root().join(PROFILE)).expect("read");
    site.write(
        PROFILE,
        &format!("{original}\nSửa trong lúc bị dồn kết nối.\n"),
    );
    let started = Instant::now();
    let page = loop {
        let page = timed_get(&server, PAGE).map(|(text, _)| text);
        if let Some(page) = page.filter(|p| p.contains("Sửa trong lúc bị dồn kết nối."))
        {
            break page;
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the edit was not served; stderr:\n{}",
            server.stderr()
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(!page.contains(OVERLAY), "no overlay: the content is fine");
    assert!(
        !server.stderr().contains("Too many open files"),
        "{}",
        server.stderr()
    );
    assert!(
        events.any(|l| l == "event: reload"),
        "the live-reload stream, busy, outlived the idle connections"
    );
    drop(held);
}

#[test]
fn two_thousand_idle_connections_leave_the_preview_answering() {
    // Why: with the usual soft limit of 1024 open files, 1,100 idle
    // connections left `GET /` unanswered and failed a rebuild with "Too
    // many open files" against site.toml. The server raises its soft limit.
    survives_a_flood("-Sn 1024");
}

#[test]
fn a_low_open_file_limit_caps_connections_instead_of_failing() {
    // Why: where the hard limit is low too, the limit cannot be raised; the
    // connection cap (half of it) closes the longest-idle connections.
    survives_a_flood("-n 256");
}

#[test]
fn binding_every_interface_warns_and_pages_use_this_machine_address() {
    // Why: `--bind 0.0.0.0` showed drafts to the whole network without a
    // word, and put http://0.0.0.0:PORT in canonical, hreflang, sitemap
    // and feed URLs, which no one can open.
    let site = TestSite::fixture("basic");
    let server = Server::start_with(
        &site.root(),
        &Start {
            args: &["--bind", "0.0.0.0"],
            ..Start::default()
        },
    );
    let started = Instant::now();
    while !server.stderr().contains("cảnh báo") && started.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let stderr = server.stderr();
    assert!(
        stderr.contains("cảnh báo: bản xem trước đang nghe ở 0.0.0.0:")
            && stderr.contains("kể cả bản nháp"),
        "a warning in the site's language (Vietnamese): {stderr}"
    );
    let url = &server.site_url;
    assert!(!url.contains("0.0.0.0"), "{url}");
    assert!(
        stderr.contains(&format!("{url}/")),
        "the warning names the address pages use: {stderr}"
    );
    let home = server.get("/");
    assert!(
        home.body
            .contains(&format!("<link rel=\"canonical\" href=\"{url}/\">")),
        "canonical uses {url}"
    );
    for path in ["/", "/en/", "/sitemap.xml", "/atom.xml"] {
        let body = server.get(path).body;
        assert!(body.contains(url.as_str()), "{path} links to {url}");
        assert!(!body.contains("0.0.0.0"), "{path} names 0.0.0.0");
    }
}
