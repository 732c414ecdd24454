//! Live reload: the script the server puts into every HTML page it builds,
//! and the messages it sends to it over Server-Sent Events.
//!
//! The script is only ever added by the preview server, never by `build`.
//! It knows the page it was built into, listens on [`EVENTS_PATH`] and
//! reloads when a rebuild changed that page (or the page now at the
//! browser's address), or when the server says every page must reload
//! (content broke or was fixed: the error overlay comes or goes). When the
//! connection drops it tries again; a server that restarted has a new
//! build id, and the page reloads.

/// Where the browser listens for rebuilds. No site page can live here:
/// site paths never start with an underscore.
pub const EVENTS_PATH: &str = "/__vinhdanh/events";

/// What the browser is told after a rebuild.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reload {
    /// Identifies the build now served.
    pub build: String,
    /// Output paths that changed (`ho-so/x/index.html`).
    pub paths: Vec<String>,
    /// Every page must reload.
    pub all: bool,
}

impl Reload {
    /// The event's data, as JSON.
    pub fn to_json(&self) -> String {
        let paths: Vec<String> = self.paths.iter().map(|p| json_string(p)).collect();
        format!(
            "{{\"build\":{},\"all\":{},\"paths\":[{}]}}",
            json_string(&self.build),
            self.all,
            paths.join(",")
        )
    }
}

/// A JSON string literal, safe inside a `<script>` element too.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The script for the page built at `output_path`.
pub fn script(output_path: &str) -> String {
    format!(
        concat!(
            "<script data-vinhdanh-reload>(() => {{\n",
            "  const page = {page};\n",
            "  const here = () => {{ const p = decodeURIComponent(location.pathname).replace(/^\\//, \"\"); return p === \"\" || p.endsWith(\"/\") ? p + \"index.html\" : p; }};\n",
            "  let build = null;\n",
            "  const connect = () => {{\n",
            "    const events = new EventSource({events});\n",
            "    events.addEventListener(\"hello\", (e) => {{ if (build !== null && build !== e.data) location.reload(); build = e.data; }});\n",
            "    events.addEventListener(\"reload\", (e) => {{\n",
            "      const r = JSON.parse(e.data);\n",
            "      build = r.build;\n",
            "      if (r.all || r.paths.includes(page) || r.paths.includes(here())) location.reload();\n",
            "    }});\n",
            "    events.onerror = () => {{ events.close(); setTimeout(connect, 500); }};\n",
            "  }};\n",
            "  connect();\n",
            "}})();</script>\n"
        ),
        page = json_string(output_path),
        events = json_string(EVENTS_PATH),
    )
}

/// `html` with the reload script for `output_path` before `</body>`, or at
/// the end when there is none.
pub fn inject(html: &[u8], output_path: &str) -> Vec<u8> {
    let script = script(output_path);
    let at = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + script.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(script.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_goes_before_the_closing_body_tag() {
        let html = inject(b"<html><body><p>x</p></body></html>", "a/index.html");
        let html = String::from_utf8(html).unwrap_or_default();
        assert!(
            html.starts_with("<html><body><p>x</p><script data-vinhdanh-reload>"),
            "{html}"
        );
        assert!(html.ends_with("</script>\n</body></html>"), "{html}");
        assert!(html.contains("const page = \"a/index.html\";"));
    }

    #[test]
    fn json_strings_cannot_close_a_script() {
        assert_eq!(
            json_string("a\"</script>\\"),
            "\"a\\\"\\u003c/script\\u003e\\\\\""
        );
    }

    #[test]
    fn reload_message_is_json() {
        let r = Reload {
            build: "b1".into(),
            paths: vec!["x/index.html".into()],
            all: false,
        };
        assert_eq!(
            r.to_json(),
            "{\"build\":\"b1\",\"all\":false,\"paths\":[\"x/index.html\"]}"
        );
    }
}
