//! The URL of every page, per language (the table in docs/templates.md).
//!
//! A *site path* is the page's path below the site's base: `/ho-so/to-thi-hoa/`
//! or `/en/profiles/to-thi-hoa/`. Links in pages add the base URL's path in
//! front ([`Urls::href`]); canonical links use the whole base URL
//! ([`Urls::absolute`]); the output file is the site path plus `index.html`.

use crate::config::{Config, Language};

/// Builds site paths for one configuration.
#[derive(Debug, Clone, Copy)]
pub struct Urls<'a> {
    config: &'a Config,
}

impl<'a> Urls<'a> {
    pub fn new(config: &'a Config) -> Self {
        Urls { config }
    }

    pub fn home(&self, lang: &Language) -> String {
        format!("{}/", lang.prefix)
    }

    fn paged(&self, lang: &Language, base: String, page: usize) -> String {
        if page <= 1 {
            base
        } else {
            format!("{base}{}/{page}/", lang.paths.page)
        }
    }

    pub fn profiles(&self, lang: &Language, page: usize) -> String {
        self.paged(
            lang,
            format!("{}/{}/", lang.prefix, lang.paths.profiles),
            page,
        )
    }

    pub fn profile(&self, lang: &Language, slug: &str) -> String {
        format!("{}/{}/{slug}/", lang.prefix, lang.paths.profiles)
    }

    pub fn years(&self, lang: &Language) -> String {
        format!("{}/{}/", lang.prefix, lang.paths.years)
    }

    pub fn year(&self, lang: &Language, year: i32, page: usize) -> String {
        self.paged(
            lang,
            format!("{}/{}/{year}/", lang.prefix, lang.paths.years),
            page,
        )
    }

    pub fn campaigns(&self, lang: &Language) -> String {
        format!("{}/{}/", lang.prefix, lang.paths.campaigns)
    }

    pub fn campaign(&self, lang: &Language, slug: &str, page: usize) -> String {
        self.paged(
            lang,
            format!("{}/{}/{slug}/", lang.prefix, lang.paths.campaigns),
            page,
        )
    }

    /// Page `page` of the index of award lists: `/khen-thuong/`, then
    /// `/khen-thuong/trang/2/`.
    pub fn award_lists(&self, lang: &Language, page: usize) -> String {
        self.paged(
            lang,
            format!("{}/{}/", lang.prefix, lang.paths.awards),
            page,
        )
    }

    pub fn award_list(&self, lang: &Language, slug: &str) -> String {
        format!("{}/{}/{slug}/", lang.prefix, lang.paths.awards)
    }

    pub fn award_types(&self, lang: &Language) -> String {
        format!("{}/{}/", lang.prefix, lang.paths.award_types)
    }

    /// An award type's page: `/hinh-thuc/<slug>/`, page n at `…/trang/n/`.
    pub fn award_type(&self, lang: &Language, slug: &str, page: usize) -> String {
        self.paged(
            lang,
            format!("{}/{}/{slug}/", lang.prefix, lang.paths.award_types),
            page,
        )
    }

    pub fn units(&self, lang: &Language) -> String {
        format!("{}/{}/", lang.prefix, lang.paths.units)
    }

    /// A unit's page: `/don-vi/<slug>/`, page n at `…/trang/n/`.
    pub fn unit(&self, lang: &Language, slug: &str, page: usize) -> String {
        self.paged(
            lang,
            format!("{}/{}/{slug}/", lang.prefix, lang.paths.units),
            page,
        )
    }

    /// The open data page.
    pub fn data(&self, lang: &Language) -> String {
        format!("{}/{}/", lang.prefix, lang.paths.data)
    }

    /// Every award as CSV or JSON (`ext`): `/du-lieu/khen-thuong.csv`.
    pub fn data_all(&self, lang: &Language, ext: &str) -> String {
        format!(
            "{}/{}/{}.{ext}",
            lang.prefix, lang.paths.data, lang.paths.awards
        )
    }

    /// The awards of one year as CSV: `/du-lieu/nam-2022.csv`.
    pub fn data_year(&self, lang: &Language, year: i32) -> String {
        format!(
            "{}/{}/{}-{year}.csv",
            lang.prefix, lang.paths.data, lang.paths.years
        )
    }

    /// A part of every award, its years from `first` to `last`, as CSV or
    /// JSON (`ext`): `/du-lieu/nam-2016-2019.csv`.
    pub fn data_years(&self, lang: &Language, first: i32, last: i32, ext: &str) -> String {
        format!(
            "{}/{}/{}-{first}-{last}.{ext}",
            lang.prefix, lang.paths.data, lang.paths.years
        )
    }

    /// The recipients of one decision as CSV: `/du-lieu/khen-thuong-<slug>.csv`.
    pub fn data_list(&self, lang: &Language, slug: &str) -> String {
        format!(
            "{}/{}/{}-{slug}.csv",
            lang.prefix, lang.paths.data, lang.paths.awards
        )
    }

    pub fn search(&self, lang: &Language) -> String {
        format!("{}/{}/", lang.prefix, lang.paths.search)
    }

    pub fn feed(&self, lang: &Language) -> String {
        format!("{}/atom.xml", lang.prefix)
    }

    /// A site path as a link in a page: with the base URL's path in front.
    pub fn href(&self, site_path: &str) -> String {
        format!("{}{site_path}", self.config.base_path)
    }

    /// A site path as an absolute URL.
    pub fn absolute(&self, site_path: &str) -> String {
        format!("{}{site_path}", self.config.base_url)
    }
}

/// The output file of a site path: `/ho-so/x/` → `ho-so/x/index.html`,
/// `/atom.xml` → `atom.xml`.
pub fn output_file(site_path: &str) -> String {
    let trimmed = site_path.trim_start_matches('/');
    if trimmed.is_empty() || trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_files() {
        assert_eq!(output_file("/"), "index.html");
        assert_eq!(output_file("/en/profiles/a/"), "en/profiles/a/index.html");
        assert_eq!(output_file("/en/atom.xml"), "en/atom.xml");
    }
}
