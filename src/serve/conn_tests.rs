//! The connection rules on a small router, with short limits: loopback
//! clients only, each test ending by itself within a few seconds.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::routing::get;
use tokio::sync::watch;

use super::*;

/// Serves a router with `/` (a short text) and `/stream` (a response that
/// never ends) on a thread of its own; stops when the sender is dropped.
fn start(limits: Limits) -> (SocketAddr, watch::Sender<bool>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.set_nonblocking(true).expect("non-blocking");
    let addr = listener.local_addr().expect("address");
    let (stop, stopped) = watch::channel(false);
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async move {
            let listener = TcpListener::from_std(listener).expect("listener");
            let router = Router::new().route("/", get(|| async { "ok" })).route(
                "/stream",
                get(|| async {
                    let forever = futures_util::stream::pending::<Result<Bytes, io::Error>>();
                    Body::from_stream(forever)
                }),
            );
            serve(listener, router, limits, stopped).await;
        });
    });
    (addr, stop)
}

fn connect(addr: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    stream
}

/// Whether the server closed the connection, waiting at most `wait`.
fn closed_within(stream: &mut TcpStream, wait: Duration) -> bool {
    stream.set_read_timeout(Some(wait)).expect("timeout");
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => continue,
            Err(e) if e.kind() == io::ErrorKind::ConnectionReset => return true,
            Err(_) => return false,
        }
    }
}

/// Sends `GET path` and reads until the end of the response head.
fn request_head(stream: &mut TcpStream, path: &str) -> String {
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    stream.write_all(request.as_bytes()).expect("send");
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => break,
        }
    }
    String::from_utf8_lossy(&head).into_owned()
}

#[test]
fn idle_and_half_sent_connections_time_out_but_a_stream_does_not() {
    // Why: idle or half-sent connections were never closed (2,000 still
    // open after 35 s) and used up the open-file limit.
    let (addr, _stop) = start(Limits {
        header_timeout: Duration::from_millis(300),
        max_connections: 100,
    });
    let mut stream = connect(addr);
    assert!(request_head(&mut stream, "/stream").starts_with("HTTP/1.1 200"));
    let mut idle = connect(addr);
    let mut half = connect(addr);
    half.write_all(b"GET / HTTP/1.1\r\nHost: 127.")
        .expect("send");
    let mut kept_alive = connect(addr);
    assert!(request_head(&mut kept_alive, "/").starts_with("HTTP/1.1 200"));
    let started = Instant::now();
    assert!(closed_within(&mut idle, Duration::from_secs(3)), "idle");
    assert!(
        closed_within(&mut half, Duration::from_secs(3)),
        "half-sent"
    );
    assert!(
        closed_within(&mut kept_alive, Duration::from_secs(3)),
        "kept alive"
    );
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(
        !closed_within(&mut stream, Duration::from_millis(500)),
        "a response being sent must not time out"
    );
}

#[test]
fn over_the_cap_the_longest_idle_connection_goes_not_a_busy_one() {
    // Why: past the open-file limit the preview stopped answering; a cap
    // must make room by closing what waits, not what is being answered.
    let (addr, _stop) = start(Limits {
        header_timeout: Duration::from_secs(30),
        max_connections: 4,
    });
    let mut stream = connect(addr);
    assert!(request_head(&mut stream, "/stream").starts_with("HTTP/1.1 200"));
    let mut idle: Vec<TcpStream> = Vec::new();
    for _ in 0..5 {
        idle.push(connect(addr));
        std::thread::sleep(Duration::from_millis(30));
    }
    let mut fresh = connect(addr);
    assert!(request_head(&mut fresh, "/").starts_with("HTTP/1.1 200"));
    // Four places: the stream, the fresh connection and the two newest idle.
    for (n, conn) in idle.iter_mut().enumerate().take(3) {
        assert!(closed_within(conn, Duration::from_secs(3)), "idle {n}");
    }
    for (n, conn) in idle.iter_mut().enumerate().skip(3) {
        assert!(
            !closed_within(conn, Duration::from_millis(200)),
            "idle {n} is among the newest and stays"
        );
    }
    assert!(
        !closed_within(&mut stream, Duration::from_millis(200)),
        "the busy stream stays"
    );
}
