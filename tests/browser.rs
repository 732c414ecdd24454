//! A real browser follows the preview: headless Chromium, driven over the
//! Chrome DevTools Protocol, opens a profile page; the test edits the
//! markdown and the page reloads by itself with the new text; a broken edit
//! brings the error overlay, and the fix takes it away.
//!
//! This test fails, never skips, when there is no browser: `scripts/test`
//! installs Debian's `chromium` when it is missing. Set `CHROMIUM` to use
//! another binary.

mod common;

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::TestSite;
use common::server::Server;
use serde_json::{Value, json};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

const PROFILE: &str = "content/profiles/le-van-an.md";

/// Headless Chromium with a fresh profile folder; killed (by its process id) when dropped.
struct Browser {
    child: Child,
    devtools: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn launch() -> Browser {
        let binary = std::env::var_os("CHROMIUM").map(PathBuf::from).or_else(find_chromium).unwrap_or_else(|| {
            panic!("no Chromium found (looked for $CHROMIUM, chromium, chromium-browser, google-chrome): scripts/test installs it with apt-get install chromium")
        });
        let profile = tempfile::tempdir().expect("profile folder");
        let mut child = Command::new(&binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.display()));
        let stderr = child.stderr.take().expect("stderr");
        let mut lines = BufReader::new(stderr).lines();
        let devtools = lines
            .by_ref()
            .map_while(Result::ok)
            .find_map(|l| {
                l.split("DevTools listening on ")
                    .nth(1)
                    .map(|s| s.trim().to_owned())
            })
            .unwrap_or_else(|| panic!("{} did not open its DevTools port", binary.display()));
        std::thread::spawn(move || for _ in lines {});
        Browser {
            child,
            devtools,
            _profile: profile,
        }
    }

    /// Opens `url` in a new tab and connects to it.
    fn open(&self, url: &str) -> Tab {
        let mut browser = Cdp::connect(&self.devtools);
        let created = browser.call("Target.createTarget", json!({ "url": url }));
        let id = created["targetId"]
            .as_str()
            .expect("a target id")
            .to_owned();
        let base = self
            .devtools
            .split("/devtools/")
            .next()
            .expect("a DevTools address");
        Tab {
            cdp: Cdp::connect(&format!("{base}/devtools/page/{id}")),
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn find_chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

/// A DevTools Protocol connection: one call at a time.
struct Cdp {
    socket: WebSocket<MaybeTlsStream<TcpStream>>,
    next_id: u64,
}

impl Cdp {
    fn connect(url: &str) -> Cdp {
        let (socket, _) =
            tungstenite::connect(url).unwrap_or_else(|e| panic!("cannot connect to {url}: {e}"));
        Cdp { socket, next_id: 0 }
    }

    /// Sends a command and returns its result (events in between are skipped).
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.try_call(method, params)
            .unwrap_or_else(|error| panic!("{method} failed: {error}"))
    }

    /// Sends a command; its error, if the browser answers with one.
    fn try_call(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        self.next_id += 1;
        let id = self.next_id;
        let message = json!({ "id": id, "method": method, "params": params }).to_string();
        self.socket
            .send(Message::text(message))
            .expect("send a DevTools command");
        loop {
            let reply = self.socket.read().expect("read from DevTools");
            let Ok(text) = reply.to_text() else { continue };
            let value: Value = serde_json::from_str(text).expect("DevTools sends JSON");
            if value["id"] == id {
                if let Some(error) = value.get("error") {
                    return Err(error.clone());
                }
                return Ok(value["result"].clone());
            }
        }
    }
}

/// One browser tab.
struct Tab {
    cdp: Cdp,
}

impl Tab {
    /// Evaluates `expression` in the page; `None` while the page is
    /// (re)loading, including when the reload lands during the evaluation
    /// ("Inspected target navigated or closed").
    fn eval(&mut self, expression: &str) -> Option<Value> {
        let result = self
            .cdp
            .try_call(
                "Runtime.evaluate",
                json!({ "expression": expression, "returnByValue": true }),
            )
            .ok()?;
        if result.get("exceptionDetails").is_some() {
            return None;
        }
        result["result"].get("value").cloned()
    }

    /// Polls `expression` until it is `true`, for at most 20 s.
    fn wait_until(&mut self, expression: &str, what: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if self.eval(expression) == Some(Value::Bool(true)) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let text = self.eval("document.body ? document.body.innerText : ''");
        panic!("{what}: `{expression}` never became true; the page says: {text:?}");
    }
}

#[test]
fn a_browser_page_reloads_itself_and_shows_the_error_overlay() {
    let site = TestSite::fixture("basic");
    let server = Server::start(&site.root());
    let browser = Browser::launch();
    let mut tab = browser.open(&format!("{}/ho-so/le-van-an/", server.url()));
    tab.wait_until(
        "document.readyState === 'complete' && document.body.innerText.includes('Lê Văn An')",
        "the profile page opens",
    );
    // Marks this page load: a reload clears the mark. Then give the
    // live-reload script time to connect.
    tab.eval("window.notReloaded = true");
    std::thread::sleep(Duration::from_millis(1000));

    let original = std::fs::read_to_string(site.root().join(PROFILE)).expect("read the profile");
    site.write(
        PROFILE,
        &format!("{original}\nCâu mới hiện trong trình duyệt.\n"),
    );
    tab.wait_until(
        "window.notReloaded !== true && document.body.innerText.includes('Câu mới hiện trong trình duyệt.')",
        "the page reloads with the new text",
    );
    tab.eval("window.notReloaded = true");

    site.write(
        PROFILE,
        &original.replace(
            "kind = \"individual\"",
            "kind = \"individual\"\nnmae = \"lỗi\"",
        ),
    );
    tab.wait_until(
        "window.notReloaded !== true && !!document.getElementById('vinhdanh-errors') \
         && document.getElementById('vinhdanh-errors').innerText.includes('content/profiles/le-van-an.md:4')",
        "the error overlay shows, naming file and line",
    );
    tab.eval("window.notReloaded = true");

    site.write(PROFILE, &format!("{original}\nĐã sửa lỗi.\n"));
    tab.wait_until(
        "window.notReloaded !== true && !document.getElementById('vinhdanh-errors') && document.body.innerText.includes('Đã sửa lỗi.')",
        "the overlay goes when the file is fixed",
    );
}
