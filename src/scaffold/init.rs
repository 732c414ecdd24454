//! `vinhdanh init [DIR]`: a new, minimal site that `build`, `check` and
//! `serve` accept at once: `site.toml` with every key shown and
//! commented in the messages language, one profile, one campaign, one award
//! list with its CSV.
//!
//! It never overwrites: a folder already holding `site.toml` or `content/`
//! is refused before anything is written (hidden entries such as `.git` are
//! fine), and every file is created with `create_new`.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::Lines;
use crate::diagnostic::messages::say;
use crate::diagnostic::{Diagnostic, Diagnostics, Lang, OutputProblem};
use crate::vocab::{CONFIG_FILE, CONTENT_DIR, Section};

/// What `init` was asked to do.
#[derive(Debug, Clone)]
pub struct InitOptions {
    /// The new site's folder; made with its parents when missing.
    pub dir: PathBuf,
    /// The language of the comments in `site.toml`.
    pub lang: Lang,
}

/// What `init` wrote: the files, relative to the new site's folder.
#[derive(Debug, Clone)]
pub struct Initialised {
    pub files: Vec<PathBuf>,
}

/// Makes the site; on a refusal nothing is written.
pub fn init_site(options: &InitOptions) -> Result<Initialised, Diagnostics> {
    let lang = options.lang;
    let dir = &options.dir;
    let folder = dir.display().to_string();
    let refuse = |found: &str| -> Diagnostics {
        Diagnostic::file(
            found,
            OutputProblem::SiteExists {
                folder: folder.clone(),
                found: found.to_owned(),
            },
        )
        .localised(lang)
        .into()
    };
    for taken in [CONFIG_FILE, CONTENT_DIR] {
        if fs::symlink_metadata(dir.join(taken)).is_ok() {
            return Err(refuse(taken));
        }
    }
    let files = site_files(lang);
    let mut written = Vec::new();
    for (rel, text) in &files {
        if let Err(e) = write_new(dir, rel, text) {
            let problem = match e.kind() {
                std::io::ErrorKind::AlreadyExists => OutputProblem::FileExists {
                    path: crate::diagnostic::display_path(rel),
                },
                _ => OutputProblem::CannotWrite {
                    detail: e.to_string(),
                },
            };
            return Err(Diagnostic::file(rel, problem).localised(lang).into());
        }
        written.push(rel.clone());
    }
    Ok(Initialised { files: written })
}

fn write_new(dir: &Path, rel: &Path, text: &str) -> std::io::Result<()> {
    let abs = dir.join(rel);
    fs::create_dir_all(abs.parent().unwrap_or(dir))?;
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&abs)?
        .write_all(text.as_bytes())
}

const PROFILE: &str = "nguyen-van-a";
const CAMPAIGN: &str = "thi-dua-yeu-nuoc";
const AWARDS: &str = "1-qd-ubnd-2024";

/// Every file of the new site, with its text.
fn site_files(lang: Lang) -> Vec<(PathBuf, String)> {
    let content =
        |section: Section, file: String| PathBuf::from(CONTENT_DIR).join(section.dir()).join(file);
    vec![
        (PathBuf::from(CONFIG_FILE), site_toml(lang)),
        (
            content(Section::Profiles, format!("{PROFILE}.md")),
            PROFILE_TEXT.to_owned(),
        ),
        (
            content(Section::Campaigns, format!("{CAMPAIGN}.md")),
            CAMPAIGN_TEXT.to_owned(),
        ),
        (
            content(Section::Awards, format!("{AWARDS}.toml")),
            AWARDS_TEXT.to_owned(),
        ),
        (
            content(Section::Awards, format!("{AWARDS}.csv")),
            AWARDS_CSV.to_owned(),
        ),
    ]
}

fn site_toml(lang: Lang) -> String {
    let opt = say!(lang, en: "optional", vi: "không bắt buộc");
    let mut l = Lines::new();
    l.plain(say!(lang,
        en: "# The site's settings. A line starting with # is optional: remove the # to use it.",
        vi: "# Cấu hình của trang. Dòng bắt đầu bằng # là không bắt buộc: bỏ dấu # để dùng."))
        .plain("")
        .field("base_url = \"https://example.gov.vn\"", say!(lang,
            en: "the site's address once published",
            vi: "địa chỉ của trang khi đăng lên mạng"))
        .field("default_language = \"vi\"", say!(lang,
            en: "the language of the pages at the site's root; also of the messages",
            vi: "ngôn ngữ của các trang ở gốc; cũng là ngôn ngữ của thông báo"))
        .field("paginate_by = 50", say!(lang,
            en: "how many profiles a list page shows (lists of recipients: at most 500 a page)",
            vi: "số hồ sơ trên mỗi trang danh sách (danh sách người được khen: tối đa 500 mỗi trang)"))
        .optional("output_dir = \"public\"", say!(lang,
            en: "{opt}: where build writes the site, relative to this folder",
            vi: "{opt}: nơi lệnh build ghi trang, tính từ thư mục này"))
        .optional("theme = \"…\"", say!(lang,
            en: "{opt}: a theme in themes/<name>/; default: the built-in theme",
            vi: "{opt}: giao diện trong themes/<tên>/; mặc định: giao diện có sẵn"))
        .plain("")
        .plain("[languages.vi]")
        .field("title = \"Gương điển hình tiên tiến\"", say!(lang,
            en: "the site's title in this language",
            vi: "tên trang bằng ngôn ngữ này"))
        .field("description = \"Những tấm gương điển hình tiên tiến của tỉnh\"", say!(lang,
            en: "{opt}: one sentence about the site",
            vi: "{opt}: một câu giới thiệu trang"))
        .plain("")
        .plain(say!(lang,
            en: "# Optional: the words of this language's addresses (shown: the defaults).",
            vi: "# Không bắt buộc: các chữ trong địa chỉ trang của ngôn ngữ này (đang ghi: mặc định)."))
        .optional("[languages.vi.paths]", String::new())
        .optional("profiles = \"ho-so\"", String::new())
        .optional("years = \"nam\"", String::new())
        .optional("campaigns = \"phong-trao\"", String::new())
        .optional("awards = \"khen-thuong\"", String::new())
        .optional("award_types = \"hinh-thuc\"", String::new())
        .optional("units = \"don-vi\"", String::new())
        .optional("search = \"tim-kiem\"", String::new())
        .optional("page = \"trang\"", String::new())
        .plain("")
        .plain("[languages.en]")
        .field("title = \"Exemplary people\"", say!(lang,
            en: "a second language: its pages live under /en/",
            vi: "ngôn ngữ thứ hai: các trang nằm dưới /en/"))
        .plain("")
        .plain("[markdown]")
        .field("unsafe_html = false", say!(lang,
            en: "true lets raw HTML in markdown through; false escapes it",
            vi: "true cho phép HTML trong markdown; false hiện nó thành chữ"))
        .plain("")
        .plain("[privacy]")
        .field("show_ethnicity = false", say!(lang,
            en: "true shows a profile's ethnicity (sensitive personal data)",
            vi: "true hiện dân tộc trong hồ sơ (dữ liệu cá nhân nhạy cảm)"))
        .plain("")
        .plain(say!(lang,
            en: "# Recommended: who publishes the site, shown in every page's footer (Decree 42/2022/NĐ-CP).",
            vi: "# Nên có: cơ quan chủ quản trang, hiện ở chân mọi trang (Nghị định 42/2022/NĐ-CP)."))
        .optional("[agency]", String::new())
        .optional("name = { vi = \"Sở Nội vụ tỉnh …\", en = \"… Provincial Department of Home Affairs\" }", say!(lang,
            en: "the agency's name; every key below is optional",
            vi: "tên cơ quan; các dòng dưới không bắt buộc"))
        .optional("address = \"…\"", say!(lang, en: "postal address", vi: "địa chỉ"))
        .optional("phone = \"…\"", say!(lang, en: "phone number", vi: "số điện thoại"))
        .optional("email = \"…\"", say!(lang, en: "email address", vi: "thư điện tử"))
        .optional("responsible = \"…\"", say!(lang,
            en: "the person responsible for the content",
            vi: "người chịu trách nhiệm nội dung"))
        .plain("")
        .plain(say!(lang,
            en: "# Optional: award types of your own, beside the built-in catalogue.",
            vi: "# Không bắt buộc: loại khen thưởng riêng, ngoài danh mục có sẵn."))
        .optional("[award_types.bang-khen-so]", String::new())
        .optional("name = { vi = \"Bằng khen của Sở\", en = \"Certificate of Merit of the Department\" }", String::new())
        .optional("kind = \"commendation\"", say!(lang,
            en: "\"title\" or \"commendation\"",
            vi: "\"title\" (danh hiệu) hoặc \"commendation\" (khen thưởng)"))
        .optional("level = \"province\"", say!(lang,
            en: "\"grassroots\", \"ministry\", \"province\" or \"state\"",
            vi: "\"grassroots\" (cơ sở), \"ministry\" (bộ), \"province\" (tỉnh) hoặc \"state\" (nhà nước)"))
        .optional("recipient = \"both\"", say!(lang,
            en: "\"individual\", \"collective\" or \"both\"",
            vi: "\"individual\" (cá nhân), \"collective\" (tập thể) hoặc \"both\" (cả hai)"))
        .optional("rank = 45", say!(lang,
            en: "higher is more prestigious; lists sort by it",
            vi: "số càng lớn càng cao quý; danh sách xếp theo số này"));
    l.text()
}

const PROFILE_TEXT: &str = "+++
name = \"Nguyễn Văn A\"
kind = \"individual\"
unit = \"Sở Nội vụ\"
year = 2024
campaigns = [\"thi-dua-yeu-nuoc\"]
+++

Anh Nguyễn Văn A là một tấm gương điển hình tiên tiến. Thay bài này bằng câu chuyện thật.
";

const CAMPAIGN_TEXT: &str = "+++
name = \"Thi đua yêu nước\"
start_year = 2021
+++

Mô tả phong trào ở đây.
";

const AWARDS_TEXT: &str = "decision = \"1/QĐ-UBND\"
date = 2024-01-15
issuer = \"Chủ tịch UBND tỉnh\"
award = \"bang-khen-cap-tinh\"
campaign = \"thi-dua-yeu-nuoc\"
recipients_csv = \"1-qd-ubnd-2024.csv\"

[[recipients]]
name = \"Nguyễn Văn A\"
kind = \"individual\"
profile = \"nguyen-van-a\"
";

const AWARDS_CSV: &str = "Họ và tên;Chức vụ;Đơn vị;Loại;Hồ sơ
Trần Thị B;Chuyên viên;Sở Nội vụ;Cá nhân;
Phòng Tổng hợp;;Sở Nội vụ;Tập thể;
";
