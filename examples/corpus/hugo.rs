//! The same profiles as a Hugo site, so that `scripts/bench --hugo` builds
//! one corpus with both tools and compares them in one command.
//!
//! The Hugo site shows what vinhdanh's default theme shows for a profile
//! (name, kind, position, unit, year, campaigns, awards, story) with
//! per-year and per-campaign pages as Hugo taxonomies, paginated lists and
//! both languages; its templates are deliberately plain.

use std::io;

use rayon::prelude::*;

use crate::Out;
use crate::ours::quote;
use crate::profiles::{Lang, Profile, YEARS};
use crate::words;

/// The profiles section, at the same path in both languages.
const SECTION: &str = "ho-so";

pub fn write(out: &Out, profiles: &[Profile]) -> io::Result<()> {
    out.put("hugo.toml", config())?;
    for (lang, code) in [(Lang::Vi, "vi"), (Lang::En, "en")] {
        out.put(format!("i18n/{code}.toml"), strings(lang))?;
    }
    for (name, text) in LAYOUTS {
        out.put(format!("layouts/{name}"), text)?;
    }
    out.put("static/style.css", STYLE)?;
    for (lang, suffix) in [(Lang::Vi, ""), (Lang::En, ".en")] {
        let home = lang.pick(words::SITE_DESCRIPTION);
        out.put(
            format!("content/_index{suffix}.md"),
            format!(
                "+++\ntitle = {}\n+++\n\n{home}\n",
                quote(lang.pick(words::SITE_TITLE))
            ),
        )?;
        let title = lang.pick(("Hồ sơ điển hình", "Profiles"));
        out.put(
            format!("content/{SECTION}/_index{suffix}.md"),
            format!("+++\ntitle = {}\n+++\n", quote(title)),
        )?;
    }
    profiles.par_iter().try_for_each(|p| {
        for (lang, suffix) in [(Lang::Vi, ""), (Lang::En, ".en")] {
            let mut text = front_matter(p, lang);
            text.push_str(p.body.get(lang));
            out.put(format!("content/{SECTION}/{}{suffix}.md", p.slug), text)?;
        }
        Ok(())
    })
}

fn list(items: impl IntoIterator<Item = String>) -> String {
    let items: Vec<String> = items.into_iter().map(|s| quote(&s)).collect();
    format!("[{}]", items.join(", "))
}

fn front_matter(p: &Profile, lang: Lang) -> String {
    let mut fm = format!(
        "+++\ntitle = {}\ndate = {}\nyears = {}\ncampaigns = {}\n\n[params]\nkind = \"{}\"\nunit = {}\n",
        quote(p.name.get(lang)),
        p.date,
        list([p.year.to_string()]),
        list(p.campaigns.iter().map(|c| c.key.to_owned())),
        p.kind.word(),
        quote(p.unit.get(lang)),
    );
    if let Some(position) = &p.position {
        fm.push_str(&format!("position = {}\n", quote(position.get(lang))));
    }
    fm.push_str(&format!(
        "awards = {}\n+++\n\n",
        list(p.awards.iter().map(|a| lang.pick(a.name).to_owned()))
    ));
    fm
}

fn config() -> String {
    let years = list(YEARS.map(|y| y.to_string()));
    let campaigns = list(words::CAMPAIGNS.iter().map(|c| c.key.to_owned()));
    format!(
        r#"baseURL = "https://bench.example.gov.vn/"
defaultContentLanguage = "vi"
defaultContentLanguageInSubdir = false
enableRobotsTXT = true

[taxonomies]
year = "years"
campaign = "campaigns"

[pagination]
pagerSize = 100

[outputs]
home = ["html", "rss"]
section = ["html"]
taxonomy = ["html"]
term = ["html"]
page = ["html"]

[params]
years = {years}
campaigns = {campaigns}

[languages.vi]
title = {}
weight = 1

[languages.en]
title = {}
weight = 2
"#,
        quote(words::SITE_TITLE.0),
        quote(words::SITE_TITLE.1),
    )
}

/// UI strings of one language, campaign names among them.
fn strings(lang: Lang) -> String {
    let fixed: [(&str, (&str, &str)); 12] = [
        ("home", ("Trang chủ", "Home")),
        ("profiles", ("Hồ sơ điển hình", "Profiles")),
        ("years", ("Theo năm", "By year")),
        ("campaigns", ("Phong trào thi đua", "Campaigns")),
        ("year", ("Năm", "Year")),
        ("kind", ("Loại", "Kind")),
        ("individual", ("Cá nhân", "Individual")),
        ("collective", ("Tập thể", "Collective")),
        ("position", ("Chức vụ", "Position")),
        ("unit", ("Đơn vị", "Unit")),
        ("awards", ("Khen thưởng", "Awards")),
        ("total", ("Tổng số", "Total")),
    ];
    let mut text = String::new();
    for (key, pair) in fixed {
        text.push_str(&format!("{key} = {}\n", quote(lang.pick(pair))));
    }
    for c in &words::CAMPAIGNS {
        let key = c.key.replace('-', "_");
        text.push_str(&format!("campaign_{key} = {}\n", quote(lang.pick(c.name))));
    }
    text
}

const STYLE: &str = "body{font-family:sans-serif;max-width:50rem;margin:auto;padding:0 1rem}\n\
nav a{margin-right:1em}dl{display:grid;grid-template-columns:10rem 1fr}\n";

const LAYOUTS: [(&str, &str); 7] = [
    (
        "_partials/term-name.html",
        r#"{{ if eq .plural "campaigns" }}{{ T (printf "campaign_%s" (replace .term "-" "_")) }}{{ else }}{{ .term }}{{ end }}"#,
    ),
    (
        "baseof.html",
        r#"<!DOCTYPE html>
<html lang="{{ site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ with .Title }}{{ . }} – {{ end }}{{ site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "style.css" | absURL }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<nav>
<a href="{{ "/" | relLangURL }}">{{ T "home" }}</a>
<a href="{{ "/ho-so/" | relLangURL }}">{{ T "profiles" }}</a>
<a href="{{ "/years/" | relLangURL }}">{{ T "years" }}</a>
<a href="{{ "/campaigns/" | relLangURL }}">{{ T "campaigns" }}</a>
{{ range .Translations }}<a hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">{{ .Language.Lang }}</a>{{ end }}
</nav>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"#,
    ),
    (
        "home.html",
        r#"{{ define "main" }}
<h1>{{ site.Title }}</h1>
{{ .Content }}
<h2>{{ T "years" }}</h2>
<ul>{{ range site.Params.years }}<li><a href="{{ printf "/years/%s/" . | relLangURL }}">{{ . }}</a></li>{{ end }}</ul>
<h2>{{ T "campaigns" }}</h2>
<ul>{{ range site.Params.campaigns }}<li><a href="{{ printf "/campaigns/%s/" . | relLangURL }}">{{ partial "term-name.html" (dict "plural" "campaigns" "term" .) }}</a></li>{{ end }}</ul>
{{ end }}
"#,
    ),
    (
        "section.html",
        r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .Pages.ByTitle }}
<p>{{ T "total" }}: {{ $pager.TotalNumberOfElements }}</p>
<ol>{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>, {{ .Params.unit }}</li>{{ end }}</ol>
<p>{{ with $pager.Prev }}<a href="{{ .URL }}">←</a>{{ end }} {{ $pager.PageNumber }} / {{ $pager.TotalPages }} {{ with $pager.Next }}<a href="{{ .URL }}">→</a>{{ end }}</p>
{{ end }}
"#,
    ),
    (
        "page.html",
        r#"{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<dl>
<dt>{{ T "kind" }}</dt><dd>{{ T .Params.kind }}</dd>
{{ with .Params.position }}<dt>{{ T "position" }}</dt><dd>{{ . }}</dd>{{ end }}
<dt>{{ T "unit" }}</dt><dd>{{ .Params.unit }}</dd>
<dt>{{ T "year" }}</dt><dd>{{ range .GetTerms "years" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</dd>
<dt>{{ T "campaigns" }}</dt><dd>{{ range .GetTerms "campaigns" }}<a href="{{ .RelPermalink }}">{{ partial "term-name.html" (dict "plural" "campaigns" "term" .Data.Term) }}</a> {{ end }}</dd>
<dt>{{ T "awards" }}</dt><dd><ul>{{ range .Params.awards }}<li>{{ . }}</li>{{ end }}</ul></dd>
</dl>
{{ .Content }}
</article>
{{ end }}
"#,
    ),
    (
        "taxonomy.html",
        r#"{{ define "main" }}
<h1>{{ T .Data.Plural }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ partial "term-name.html" (dict "plural" $.Data.Plural "term" .Name) }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
"#,
    ),
    (
        "term.html",
        r#"{{ define "main" }}
<h1>{{ partial "term-name.html" (dict "plural" .Data.Plural "term" .Data.Term) }}</h1>
<p>{{ T "total" }}: {{ len .Pages }}</p>
<ol>{{ range .Pages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>, {{ .Params.unit }}</li>{{ end }}</ol>
{{ end }}
"#,
    ),
];
