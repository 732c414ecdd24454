//! `vinhdanh new profile|campaign|awards "<name>"`: a new content file with
//! every field shown and a short comment on each, in the site's language.
//!
//! Required values only the editor knows (kind, year, unit, …) are written as
//! the blank `"___"`, a form's "fill in here". The loader reports every blank
//! still left ([`crate::content::blanks`]) before it looks at types, so `check` on a fresh
//! file names exactly the fields to fill in, and passes once they are filled.
//! Optional fields are shown commented out with an example value: removing
//! the `#` uses them.

pub mod init;

use std::fs;
use std::io::Write;
use std::path::PathBuf;

use crate::config::{self, Config};
use crate::diagnostic::messages::say;
use crate::diagnostic::{Diagnostic, Diagnostics, Lang, OutputProblem};
use crate::i18n::slug::slugify;
use crate::vocab::{BLANK, CONTENT_DIR, Section};

/// What `new` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NewKind {
    Profile,
    Campaign,
    Awards,
}

/// What `new` was asked to do.
#[derive(Debug, Clone)]
pub struct NewOptions {
    pub root: PathBuf,
    pub kind: NewKind,
    /// The person's or collective's name, the campaign's name, or the award
    /// list's decision number.
    pub name: String,
    /// Award lists only: who signed the decision, written into the file
    /// and its name.
    pub issuer: Option<String>,
    /// Award lists only: the decision's year, in the file's name.
    pub year: Option<u16>,
    /// The language of the comments and messages; `None`: the site's default.
    pub lang: Option<Lang>,
}

impl NewOptions {
    /// What the file is named after: for an award list the number, the
    /// issuer and the year, so that equal numbers from different issuers or
    /// years do not collide.
    fn file_stem(&self) -> String {
        let mut words = vec![self.name.clone()];
        if self.kind == NewKind::Awards {
            words.extend(self.issuer.clone());
            words.extend(self.year.map(|y| y.to_string()));
        }
        slugify(&words.join(" "))
    }
}

/// Writes the new file; returns its path relative to the site root.
pub fn new_file(options: &NewOptions) -> Result<PathBuf, Diagnostics> {
    let lang = config::messages_language(&options.root, options.lang);
    let finish = |d: Diagnostics| d.localised(lang);
    let config = config::load(&options.root).map_err(finish)?;
    let slug = options.file_stem();
    if slugify(&options.name).is_empty() {
        return Err(finish(
            Diagnostic::file(
                ".",
                OutputProblem::NameWithoutLetters {
                    name: options.name.clone(),
                },
            )
            .into(),
        ));
    }
    let (dir, file, text) = match options.kind {
        NewKind::Profile => (
            Section::Profiles,
            format!("{slug}.md"),
            profile(&options.name, &config, lang),
        ),
        NewKind::Campaign => (
            Section::Campaigns,
            format!("{slug}.md"),
            campaign(&options.name, &config, lang),
        ),
        NewKind::Awards => (
            Section::Awards,
            format!("{slug}.toml"),
            award_list(&options.name, options.issuer.as_deref(), &config, lang),
        ),
    };
    let rel = PathBuf::from(CONTENT_DIR).join(dir.dir()).join(file);
    let abs = options.root.join(&rel);
    let shown = crate::diagnostic::display_path(&rel);
    let written = fs::create_dir_all(abs.parent().unwrap_or(&options.root))
        .and_then(|()| {
            fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&abs)
        })
        .and_then(|mut f| f.write_all(text.as_bytes()));
    match written {
        Ok(()) => Ok(rel),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(finish(
            Diagnostic::file(&rel, OutputProblem::FileExists { path: shown }).into(),
        )),
        Err(e) => Err(finish(
            Diagnostic::file(
                &rel,
                OutputProblem::CannotWrite {
                    detail: e.to_string(),
                },
            )
            .into(),
        )),
    }
}

/// Lines of `code   # comment`, the comments lined up.
struct Lines(Vec<(String, String)>);

impl Lines {
    fn new() -> Self {
        Lines(Vec::new())
    }

    fn field(&mut self, code: impl Into<String>, comment: String) -> &mut Self {
        self.0.push((code.into(), comment));
        self
    }

    fn optional(&mut self, code: impl Into<String>, comment: String) -> &mut Self {
        self.0.push((format!("# {}", code.into()), comment));
        self
    }

    fn plain(&mut self, text: impl Into<String>) -> &mut Self {
        self.0.push((text.into(), String::new()));
        self
    }

    fn text(&self) -> String {
        let width = self
            .0
            .iter()
            .filter(|(_, c)| !c.is_empty())
            .map(|(code, _)| code.chars().count())
            .max()
            .unwrap_or(0);
        let mut out = String::new();
        for (code, comment) in &self.0 {
            out.push_str(code);
            if !comment.is_empty() {
                out.extend(std::iter::repeat_n(' ', width - code.chars().count() + 2));
                out.push_str("# ");
                out.push_str(comment);
            }
            out.push('\n');
        }
        out
    }
}

/// A TOML string literal.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

fn blank(key: &str) -> String {
    format!("{key} = \"{BLANK}\"")
}

/// `{ vi = "…", en = "…" }` with the site's languages.
fn per_language(config: &Config) -> String {
    let parts: Vec<String> = config
        .languages
        .iter()
        .map(|l| format!("{} = \"…\"", l.code))
        .collect();
    format!("{{ {} }}", parts.join(", "))
}

fn optional_word(lang: Lang) -> String {
    say!(lang, en: "optional", vi: "không bắt buộc")
}

fn kind_comment(lang: Lang) -> String {
    say!(lang,
        en: "\"individual\" or \"collective\" (or \"cá nhân\", \"tập thể\")",
        vi: "\"cá nhân\" hoặc \"tập thể\" (hoặc \"individual\", \"collective\")")
}

fn award_comment(lang: Lang) -> String {
    say!(lang,
        en: "the award's name as the catalogue writes it, or its key",
        vi: "tên hình thức khen thưởng như trong danh mục, hoặc mã của nó")
}

fn aliases_comment(lang: Lang) -> String {
    let opt = optional_word(lang);
    say!(lang,
        en: "{opt}: old addresses of this page, from the site's root; readers are sent on",
        vi: "{opt}: địa chỉ cũ của trang này, tính từ gốc trang; người đọc được chuyển tới đây")
}

fn draft_comment(lang: Lang) -> String {
    let opt = optional_word(lang);
    say!(lang, en: "{opt}: true keeps it unpublished", vi: "{opt}: true để chưa đăng (bản nháp)")
}

fn campaign_comment(lang: Lang) -> String {
    let opt = optional_word(lang);
    say!(lang, en: "{opt}: campaign key", vi: "{opt}: mã phong trào")
}

fn profile(name: &str, config: &Config, lang: Lang) -> String {
    let opt = optional_word(lang);
    let langs = per_language(config);
    let mut l = Lines::new();
    l.plain("+++")
        .field(format!("name = {}", quoted(name)), say!(lang, en: "full name, or the collective's name", vi: "họ và tên, hoặc tên tập thể"))
        .optional("sort_name = \"…\"", say!(lang,
            en: "{opt}: the word(s) to sort by when the given name is not the last word",
            vi: "{opt}: chữ dùng để xếp thứ tự khi tên gọi không phải chữ cuối"))
        .field(blank("kind"), kind_comment(lang))
        .field(blank("unit"), say!(lang,
            en: "organisation or unit; per language: {langs}",
            vi: "cơ quan, đơn vị; theo từng ngôn ngữ: {langs}"))
        .optional("position = \"…\"", say!(lang, en: "{opt}: position held (individuals)", vi: "{opt}: chức vụ (cá nhân)"))
        .optional("ethnicity = \"…\"", say!(lang,
            en: "{opt}: ethnicity; shown only when [privacy] show_ethnicity = true",
            vi: "{opt}: dân tộc; chỉ hiện khi [privacy] show_ethnicity = true"))
        .field(blank("year"), say!(lang,
            en: "year recognised as exemplary, a number such as 2023 (no quotes)",
            vi: "năm được công nhận điển hình, một số như 2023 (không có ngoặc kép)"))
        .optional("campaigns = [\"…\"]", say!(lang,
            en: "{opt}: campaign keys, the file names in content/campaigns/",
            vi: "{opt}: các phong trào, theo tên tệp trong content/campaigns/"))
        .optional("photo = \"photo.jpg\"", say!(lang,
            en: "{opt}: photo file, relative to this file, inside content/",
            vi: "{opt}: tệp ảnh, tính từ tệp này, nằm trong content/"))
        .optional("summary = \"…\"", say!(lang,
            en: "{opt}: short summary; default: the first paragraph below",
            vi: "{opt}: tóm tắt ngắn; mặc định: đoạn đầu của bài bên dưới"))
        .optional("date = 2024-01-15", say!(lang,
            en: "{opt}: publication date; default: 1 January of `year`",
            vi: "{opt}: ngày đăng; mặc định: 1 tháng 1 của `year`"))
        .optional("slug = \"…\"", say!(lang, en: "{opt}: the page address; default: the file name", vi: "{opt}: địa chỉ trang; mặc định: tên tệp"))
        .optional("aliases = [\"/ho-so/ten-cu/\"]", aliases_comment(lang))
        .optional("draft = true", draft_comment(lang))
        .plain("")
        .plain(say!(lang,
            en: "# Optional: one [[awards]] table per award written in this profile (remove the # to use it).",
            vi: "# Không bắt buộc: mỗi khen thưởng ghi trong hồ sơ là một bảng [[awards]] (bỏ dấu # để dùng)."))
        .optional("[[awards]]", String::new())
        .optional("award = \"Bằng khen của Chủ tịch UBND tỉnh\"", award_comment(lang))
        .optional("year = 2023", say!(lang, en: "year of the award", vi: "năm khen thưởng"))
        .optional("decision = \"…/QĐ-UBND\"", say!(lang, en: "{opt}: decision number", vi: "{opt}: số quyết định"))
        .optional("date = 2023-04-21", say!(lang, en: "{opt}: date of the decision", vi: "{opt}: ngày quyết định"))
        .optional("issuer = \"…\"", say!(lang, en: "{opt}: who signed it; per language: {langs}", vi: "{opt}: người ký; theo từng ngôn ngữ: {langs}"))
        .optional("reason = \"…\"", say!(lang, en: "{opt}: why; per language: {langs}", vi: "{opt}: lý do khen thưởng; theo từng ngôn ngữ: {langs}"))
        .optional("period = [2018, 2022]", say!(lang, en: "{opt}: for a stage of years (giai đoạn)", vi: "{opt}: thành tích của cả giai đoạn"))
        .optional("campaign = \"…\"", campaign_comment(lang))
        .plain("+++")
        .plain("")
        .plain(say!(lang,
            en: "Write the profile's story here, in markdown. Its first paragraph is the summary.",
            vi: "Viết bài giới thiệu ở đây, bằng markdown. Đoạn đầu tiên là phần tóm tắt."));
    l.text()
}

fn campaign(name: &str, config: &Config, lang: Lang) -> String {
    let opt = optional_word(lang);
    let langs = per_language(config);
    let mut l = Lines::new();
    l.plain("+++")
        .field(format!("name = {}", quoted(name)), say!(lang, en: "the campaign's name", vi: "tên phong trào"))
        .optional("start_year = 2021", say!(lang,
            en: "{opt}: year it was launched, a number (no quotes)",
            vi: "{opt}: năm phát động, một số (không có ngoặc kép)"))
        .optional("end_year = 2025", say!(lang, en: "{opt}: year it ends, not before start_year", vi: "{opt}: năm kết thúc, không trước start_year"))
        .optional("launched_by = \"…\"", say!(lang,
            en: "{opt}: who launched it; per language: {langs}",
            vi: "{opt}: cơ quan phát động; theo từng ngôn ngữ: {langs}"))
        .optional("plan = \"…/KH-UBND\"", say!(lang, en: "{opt}: the launching document", vi: "{opt}: văn bản phát động"))
        .optional("slogan = \"…\"", say!(lang, en: "{opt}: slogan", vi: "{opt}: khẩu hiệu"))
        .optional("level = \"province\"", say!(lang,
            en: "{opt}: \"national\", \"province\" or \"agency\"; the campaign list groups by it",
            vi: "{opt}: \"national\" (toàn quốc), \"province\" (cấp tỉnh) hoặc \"agency\" (cơ quan, đơn vị)"))
        .optional("slug = \"…\"", say!(lang,
            en: "{opt}: the key other files use; default: the file name",
            vi: "{opt}: mã để các tệp khác nhắc tới; mặc định: tên tệp"))
        .optional("aliases = [\"/phong-trao/ten-cu/\"]", aliases_comment(lang))
        .optional("draft = true", draft_comment(lang))
        .plain("")
        .plain(say!(lang,
            en: "# Optional: one [[documents]] table per plan or decision that launched or guides it.",
            vi: "# Không bắt buộc: mỗi kế hoạch, quyết định phát động hoặc chỉ đạo phong trào là một bảng [[documents]]."))
        .optional("[[documents]]", String::new())
        .optional("number = \"…/KH-UBND\"", say!(lang, en: "the document's number", vi: "số văn bản"))
        .optional("date = 2021-06-04", say!(lang, en: "{opt}: its date", vi: "{opt}: ngày ban hành"))
        .optional("issuer = \"…\"", say!(lang, en: "{opt}: who issued it; per language: {langs}", vi: "{opt}: cơ quan ban hành; theo từng ngôn ngữ: {langs}"))
        .optional("title = \"…\"", say!(lang, en: "{opt}: what it is about; per language: {langs}", vi: "{opt}: trích yếu; theo từng ngôn ngữ: {langs}"))
        .plain("+++")
        .plain("")
        .plain(say!(lang, en: "Describe the campaign here, in markdown.", vi: "Mô tả phong trào ở đây, bằng markdown."));
    l.text()
}

fn award_list(decision: &str, issuer: Option<&str>, config: &Config, lang: Lang) -> String {
    let opt = optional_word(lang);
    let langs = per_language(config);
    let mut l = Lines::new();
    l.field(format!("decision = {}", quoted(decision)), say!(lang,
            en: "the decision number; remove the line when the report gives none",
            vi: "số quyết định; xóa dòng này khi báo cáo không ghi số"))
        .field(blank("date"), say!(lang,
            en: "date of the decision, such as 2023-04-21 (no quotes); remove when unknown, then write `year`",
            vi: "ngày ký quyết định, dạng 2023-04-21 (không có ngoặc kép); xóa khi không rõ, khi đó ghi `year`"))
        .field(issuer.map_or_else(|| blank("issuer"), |i| format!("issuer = {}", quoted(i))), say!(lang,
            en: "who signed it (remove when unknown); per language: {langs}",
            vi: "người ký quyết định (xóa khi không rõ); theo từng ngôn ngữ: {langs}"))
        .field(blank("award"), say!(lang,
            en: "the award of every recipient that names none: its name, such as \"Lao động tiên tiến\", or key",
            vi: "hình thức khen thưởng của mọi người nhận không ghi riêng: tên, ví dụ \"Lao động tiên tiến\", hoặc mã"))
        .optional("year = 2023", say!(lang,
            en: "{opt}: year of the achievement; default: the year of `date`",
            vi: "{opt}: năm của thành tích; mặc định: năm của `date`"))
        .optional("period = [2018, 2022]", say!(lang, en: "{opt}: for a stage of years (giai đoạn)", vi: "{opt}: thành tích của cả giai đoạn"))
        .optional("campaign = \"…\"", campaign_comment(lang))
        .optional("reason = \"…\"", say!(lang, en: "{opt}: the reason given; per language: {langs}", vi: "{opt}: lý do khen thưởng; theo từng ngôn ngữ: {langs}"))
        .optional("recipients_xlsx = \"list.xlsx\"", say!(lang,
            en: "{opt}: the agency's Excel workbook beside this one, with more recipients",
            vi: "{opt}: bảng tính Excel của cơ quan nằm cạnh tệp này, chứa thêm người nhận"))
        .optional("sheet = \"Sheet1\"", say!(lang,
            en: "{opt}: the workbook's sheet to read; default: the first",
            vi: "{opt}: trang tính cần đọc; mặc định: trang đầu tiên"))
        .optional("recipients_csv = \"list.csv\"", say!(lang,
            en: "{opt}: or a CSV file beside this one, with more recipients",
            vi: "{opt}: hoặc một tệp CSV nằm cạnh tệp này, chứa thêm người nhận"))
        .optional("aliases = [\"/khen-thuong/ten-cu/\"]", aliases_comment(lang))
        .plain("")
        .plain(say!(lang,
            en: "# Recipients known only by number (\"21 cá nhân\"): one [[counts]] table each.",
            vi: "# Người nhận chỉ biết số lượng (\"21 cá nhân\"): mỗi nhóm là một bảng [[counts]]."))
        .optional("[[counts]]", String::new())
        .optional("individuals = 21", say!(lang, en: "how many individuals", vi: "số cá nhân"))
        .optional("collectives = 3", say!(lang, en: "how many collectives", vi: "số tập thể"))
        .optional("award = \"…\"", say!(lang, en: "{opt}: when not the list's award", vi: "{opt}: khi khác hình thức chung của danh sách"))
        .optional("note = \"…\"", say!(lang, en: "{opt}: who they are", vi: "{opt}: ghi chú, ví dụ \"người dân tộc thiểu số\""))
        .plain("")
        .plain(say!(lang,
            en: "# One [[recipients]] table per recipient (copy the four lines for each).",
            vi: "# Mỗi người nhận là một bảng [[recipients]] (chép bốn dòng cho mỗi người)."))
        .plain("[[recipients]]")
        .field(blank("name"), say!(lang, en: "the recipient's name", vi: "tên người hoặc tập thể được khen"))
        .field(blank("kind"), kind_comment(lang))
        .optional("unit = \"…\"", say!(lang, en: "{opt}: organisation or unit", vi: "{opt}: cơ quan, đơn vị"))
        .optional("position = \"…\"", say!(lang, en: "{opt}: position held", vi: "{opt}: chức vụ"))
        .optional("profile = \"…\"", say!(lang, en: "{opt}: the profile's file name, to link it", vi: "{opt}: tên tệp hồ sơ, để liên kết"))
        .optional("award = \"…\"", say!(lang, en: "{opt}: this recipient's award, when the decision gives several", vi: "{opt}: hình thức của riêng người này, khi quyết định có nhiều hình thức"))
        .optional("note = \"…\"", say!(lang, en: "{opt}: a note (Ghi chú)", vi: "{opt}: ghi chú"))
        .optional("ethnicity = \"…\"", say!(lang,
            en: "{opt}: ethnicity; shown only when [privacy] show_ethnicity = true",
            vi: "{opt}: dân tộc; chỉ hiện khi [privacy] show_ethnicity = true"))
        .optional("withheld = true", say!(lang,
            en: "{opt}: the person asked not to be named (Decree 13/2023/NĐ-CP): counted, never shown",
            vi: "{opt}: người này đề nghị không công bố tên (Nghị định 13/2023/NĐ-CP): vẫn được đếm, không hiện tên"));
    l.text()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_line_up() {
        let mut l = Lines::new();
        l.field("a = 1", "one".into())
            .field("long = 2", "two".into())
            .plain("+++");
        assert_eq!(l.text(), "a = 1     # one\nlong = 2  # two\n+++\n");
    }
}
