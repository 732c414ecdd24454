//! Runs `vinhdanh serve` on a free port against a site copy, and talks to it
//! with raw HTTP/1.1 requests (so tests can send paths no client would).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A running `vinhdanh serve`; stopped (by its process id) when dropped.
/// Tests talk to it on 127.0.0.1 only, whatever it was bound to.
pub struct Server {
    child: Child,
    pub port: u16,
    /// The address its pages use, from the first line it printed
    /// (`http://127.0.0.1:PORT` unless bound beyond loopback).
    pub site_url: String,
    stderr: Arc<Mutex<Vec<String>>>,
    stdout: Arc<Mutex<Vec<String>>>,
}

/// How to start a server beyond [`Server::start`].
#[derive(Default)]
pub struct Start<'a> {
    /// More arguments for `vinhdanh serve`.
    pub args: &'a [&'a str],
    /// Arguments of the shell's `ulimit` to run it under (`-n 256`), to
    /// start it with the open-file limit of another system (unix only).
    pub ulimit: Option<&'a str>,
    /// The site is broken from the start: wait for the first failed build
    /// (its problems served with status 500) instead of a good one.
    pub broken: bool,
}

/// One HTTP response.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl Server {
    /// Starts serving the site at `root` on a free port and waits until the
    /// first build is served.
    pub fn start(root: &Path) -> Server {
        Server::start_with(root, &Start::default())
    }

    pub fn start_with(root: &Path, how: &Start) -> Server {
        let binary = env!("CARGO_BIN_EXE_vinhdanh");
        let mut command = match how.ulimit {
            Some(limit) => {
                let mut sh = Command::new("sh");
                sh.arg("-c")
                    .arg(format!("ulimit {limit} && exec \"$0\" \"$@\""))
                    .arg(binary);
                sh
            }
            None => Command::new(binary),
        };
        let mut child = command
            .args(["serve", "--port", "0"])
            .args(how.args)
            .arg("--root")
            .arg(root)
            // The photo cache beside the site (in the test's temporary folder).
            .env("VINHDANH_CACHE", root.with_file_name("cache"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start vinhdanh serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next().and_then(Result::ok).unwrap_or_default();
        let site_url = first
            .split_whitespace()
            .find_map(|word| word.strip_prefix("http://"))
            .map(|rest| format!("http://{}", rest.trim_end_matches('/')))
            .unwrap_or_else(|| panic!("no address in the first line of serve's output: {first:?}"));
        let port = site_url
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in the first line of serve's output: {first:?}"));
        // Keep reading its output so that it never blocks on a full pipe;
        // what it says is kept for the test, and stderr shown.
        let stdout = Arc::new(Mutex::new(vec![first.clone()]));
        let said = Arc::clone(&stdout);
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                said.lock().expect("stdout lines").push(line);
            }
        });
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let kept = Arc::clone(&stderr);
        let errors = child.stderr.take().expect("stderr");
        std::thread::spawn(move || {
            for line in BufReader::new(errors).lines().map_while(Result::ok) {
                eprintln!("{line}");
                kept.lock().expect("stderr lines").push(line);
            }
        });
        let server = Server {
            child,
            port,
            site_url,
            stderr,
            stdout,
        };
        match how.broken {
            false => server.wait_for("/", |r| r.status == 200, "the first build"),
            true => server.wait_for("/", |r| r.status == 500, "the first failed build"),
        };
        server
    }

    /// What the server printed on stderr so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().expect("stderr lines").join("\n")
    }

    /// What the server printed on stdout so far (its status lines).
    pub fn stdout(&self) -> String {
        self.stdout.lock().expect("stdout lines").join("\n")
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// GET with the path sent exactly as given.
    pub fn get(&self, raw_path: &str) -> Response {
        self.raw(&format!(
            "GET {raw_path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        ))
    }

    /// Sends a raw request and reads the whole response.
    pub fn raw(&self, request: &str) -> Response {
        let mut stream =
            TcpStream::connect(("127.0.0.1", self.port)).expect("connect to the server");
        stream.set_read_timeout(Some(Duration::from_secs(10))).ok();
        stream
            .write_all(request.as_bytes())
            .expect("send the request");
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).expect("read the response");
        parse_response(&bytes)
    }

    /// Polls `path` every 20 ms until `ok` holds, for at most 20 s.
    pub fn wait_for(&self, path: &str, ok: impl Fn(&Response) -> bool, what: &str) -> Response {
        let start = Instant::now();
        loop {
            let response = self.try_get(path);
            if let Some(r) = response {
                if ok(&r) {
                    return r;
                }
                if start.elapsed() > Duration::from_secs(20) {
                    panic!("{what}: {path} never became as expected; last response: {r:?}");
                }
            } else if start.elapsed() > Duration::from_secs(20) {
                panic!("{what}: {path} never answered");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn try_get(&self, path: &str) -> Option<Response> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        stream.set_read_timeout(Some(Duration::from_secs(10))).ok();
        let request =
            format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).ok()?;
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).ok()?;
        Some(parse_response(&bytes))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn parse_response(bytes: &[u8]) -> Response {
    let text = String::from_utf8_lossy(bytes);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| {
            l.split_once(':')
                .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        })
        .collect();
    Response {
        status,
        headers,
        body: body.to_owned(),
    }
}

/// Writes `text` to a temporary file beside `path` and renames it over
/// `path`, as many editors save.
pub fn save_by_rename(path: &Path, text: &str) {
    let tmp = path.with_extension("md.tmp-save");
    std::fs::write(&tmp, text).expect("write the temporary file");
    std::fs::rename(&tmp, path).expect("rename it over the original");
}
