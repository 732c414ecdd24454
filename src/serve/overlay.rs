//! The error overlay: while the content is broken, every HTML page the
//! server sends carries the problems (file, line, message), drawn into the
//! page by the server so that they show without JavaScript.

use crate::diagnostic::messages::Status;
use crate::diagnostic::{Diagnostics, Lang};
use crate::render::xml::escape;

/// The overlay for `problems`, as HTML to put right after `<body>`, in
/// `lang`; `good` says whether an earlier build is still shown under it.
pub fn overlay(problems: &Diagnostics, lang: Lang, good: bool) -> String {
    let code = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let mut out = format!(
        concat!(
            "<div id=\"vinhdanh-errors\" lang=\"{}\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;",
            "margin:0;padding:2rem;background:rgba(24,24,27,.96);color:#fafafa;font:15px/1.5 system-ui,sans-serif\">",
        ),
        code
    );
    out.push_str(&format!(
        "<h1 style=\"margin:0 0 .5rem;font-size:1.4rem;color:#fca5a5\">{}</h1>",
        escape(
            &Status::OverlayTitle {
                count: problems.len()
            }
            .words(lang)
        )
    ));
    out.push_str(&format!(
        "<p style=\"margin:0 0 1rem\">{}</p><ol style=\"padding-left:1.2rem\">",
        escape(&Status::OverlayNote { good }.words(lang))
    ));
    for d in problems.iter() {
        out.push_str("<li style=\"margin:0 0 .75rem\"><code style=\"color:#93c5fd\">");
        out.push_str(&escape(&d.location()));
        out.push_str("</code><br>");
        out.push_str(&escape(&d.message));
        if let Some(hint) = &d.hint {
            out.push_str("<br><span style=\"color:#d4d4d8\">→ ");
            out.push_str(&escape(hint));
            out.push_str("</span>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ol></div>");
    out
}

/// `html` with `overlay` right after the opening `<body>` tag (or first).
pub fn inject(html: &[u8], overlay: &str) -> Vec<u8> {
    let at = body_start(html).unwrap_or(0);
    let mut out = Vec::with_capacity(html.len() + overlay.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(overlay.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The offset just after `<body …>`.
fn body_start(html: &[u8]) -> Option<usize> {
    let open = html
        .windows(5)
        .position(|w| w.eq_ignore_ascii_case(b"<body"))?;
    let close = html[open..].iter().position(|&b| b == b'>')?;
    Some(open + close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, FileProblem};

    #[test]
    fn overlay_names_file_line_and_message_escaped() {
        let mut d = Diagnostic::at("content/profiles/a.md", 3, Some(7), FileProblem::EmptyFile);
        d.message = "expected <b> & more".into();
        d.hint = Some("try x".into());
        let problems: Diagnostics = d.into();
        let html = String::from_utf8(inject(
            b"<html><body class=\"x\"><p>page</p></body></html>",
            &overlay(&problems, Lang::En, true),
        ))
        .unwrap_or_default();
        let start = html
            .find("<body class=\"x\">")
            .map(|i| i + "<body class=\"x\">".len());
        assert_eq!(start, html.find("<div id=\"vinhdanh-errors\""));
        assert!(html.contains("content/profiles/a.md:3:7"));
        assert!(html.contains("expected &lt;b&gt; &amp; more"));
        assert!(html.contains("try x"));
        assert!(html.ends_with("<p>page</p></body></html>"));
    }
}
