//! A small site in a temporary folder (on /dev/shm when there is one), made
//! once per process; each input replaces one file and goes through what
//! `vinhdanh check` does before rendering: load, assemble, draw problems.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use vinhdanh::build::{finish, load_config};
use vinhdanh::diagnostic::report::{ReportStyle, render};
use vinhdanh::model::{AssembleOptions, assemble};
use vinhdanh::{BuildOptions, Lang};

const SITE_TOML: &str = "base_url = \"https://example.gov.vn\"\ndefault_language = \"vi\"\n\n\
[languages.vi]\ntitle = \"Thử\"\n\n[languages.en]\ntitle = \"Test\"\n";

const PROFILE: &str = "+++\nname = \"Nguyễn Thị Đào\"\nkind = \"individual\"\nunit = \"Ban\"\n\
year = 2020\ncampaigns = [\"dan-van\"]\n+++\n\nXem [x](@/profiles/x.md).\n";

const CAMPAIGN: &str = "+++\nname = \"Dân vận khéo\"\nstart_year = 2016\n+++\n\nPhong trào.\n";

const DRAFT: &str = "+++\nname = \"Bản Nháp\"\nkind = \"collective\"\nunit = \"Ban\"\n\
year = 2022\ndraft = true\n+++\n";

fn root() -> &'static Path {
    static ROOT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &ROOT
        .get_or_init(|| {
            let shm = Path::new("/dev/shm");
            let dir = if shm.is_dir() {
                tempfile::tempdir_in(shm)
            } else {
                tempfile::tempdir()
            }
            .expect("temporary folder");
            let root = dir.path().to_path_buf();
            for (rel, text) in [
                ("site.toml", SITE_TOML),
                ("content/profiles/dao.md", PROFILE),
                ("content/profiles/nhap.md", DRAFT),
                ("content/campaigns/dan-van.md", CAMPAIGN),
            ] {
                let path = root.join(rel);
                std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
                std::fs::write(path, text).expect("write");
            }
            (dir, root)
        })
        .1
}

/// Writes `bytes` as the file `rel` of the site and checks the site.
pub fn with_file(rel: &str, bytes: &[u8]) {
    let root = root();
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
    std::fs::write(&path, bytes).expect("write");
    let options = BuildOptions {
        root: root.to_path_buf(),
        lang: Some(Lang::En),
        ..BuildOptions::default()
    };
    let result = load_config(&options).and_then(|config| {
        let (content, problems) = vinhdanh::content::load(&config);
        assemble(config, content, problems, AssembleOptions::default()).map(|_| ())
    });
    if let Err(problems) = result {
        let problems = finish(problems, &options);
        let style = ReportStyle {
            lang: Lang::Vi,
            color: false,
        };
        assert!(!render(&problems, root, style).is_empty());
    }
}
