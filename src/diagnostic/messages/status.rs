//! What the commands say when nothing is wrong, or around the problems:
//! progress, summaries, the preview's status lines and overlay, what `new`
//! and `init` made, and why the preview could not start. Like the problems,
//! every line is data ([`Status`]) with its words in each language side by
//! side, and counts are worded with the right plural ([`count`]).

use super::say;
use crate::diagnostic::Lang;

/// One line a command prints (or the preview's overlay shows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// `build` succeeded.
    Built {
        profiles: usize,
        pages: usize,
        files: usize,
        millis: u128,
        output: String,
    },
    /// `check` found nothing wrong.
    NoErrors,
    /// After the problems: how many, and whether the output was left alone.
    ErrorsFound { count: usize, nothing_written: bool },
    /// `new` made a file.
    Created { path: String },
    /// `init` made a site in `folder`.
    SiteCreated { folder: String, files: usize },
    /// What to do after `init`; `cd` is the folder to go into, if not here.
    NextSteps { cd: Option<String> },
    /// The preview listens at `url`.
    Serving { url: String },
    /// The preview's first build.
    ServeBuilt {
        profiles: usize,
        files: usize,
        millis: u128,
    },
    /// The preview rebuilt after an edit.
    Rebuilt {
        millis: u128,
        rendered: usize,
        changed: usize,
    },
    /// The preview showed the edited pages first; the whole site follows.
    Previewed { millis: u128, rendered: usize },
    /// A rebuild failed; `good` is whether an earlier build is still served.
    StillServing { good: bool },
    /// A rebuild could not read files for now (`first` problem) and tries again.
    Retrying { first: String },
    /// Watching the files failed.
    WatchFailed { detail: String },
    /// The overlay's heading.
    OverlayTitle { count: usize },
    /// The overlay's line under the heading.
    OverlayNote { good: bool },
    /// The port is taken.
    PortInUse { port: u16, ip: String, next: u16 },
    /// Listening failed otherwise.
    CannotListen { addr: String, detail: String },
    /// The file watcher could not start.
    CannotWatch { detail: String },
    /// The server's runtime could not start.
    CannotStart { detail: String },
    /// The word before a warning.
    Warning,
    /// The word before an error.
    Error,
}

impl Status {
    /// The line in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        use Status::*;
        match self {
            Built {
                profiles,
                pages,
                files,
                millis,
                output,
            } => {
                let profiles = count(*profiles, Noun::Profile, lang);
                let pages = count(*pages, Noun::Page, lang);
                let files = count(*files, Noun::File, lang);
                say!(lang,
                    en: "Built {profiles}: {pages} and {files} in {millis} ms → {output}",
                    vi: "Đã dựng {profiles}: {pages} và {files} trong {millis} ms → {output}")
            }
            NoErrors => say!(lang, en: "No errors found.", vi: "Không có lỗi nào."),
            ErrorsFound {
                count: n,
                nothing_written,
            } => {
                let errors = count(*n, Noun::Error, lang);
                match nothing_written {
                    true => say!(lang,
                        en: "{errors} found; nothing was written.",
                        vi: "Tìm thấy {errors}; chưa ghi gì cả, kết quả cũ vẫn giữ nguyên."),
                    false => say!(lang, en: "{errors} found.", vi: "Tìm thấy {errors}."),
                }
            }
            Created { path } => say!(lang,
                en: "Created {path}: fill in every ___, then run vinhdanh check.",
                vi: "Đã tạo {path}: hãy điền vào mọi chỗ ___, rồi chạy vinhdanh check."),
            SiteCreated { folder, files } => {
                let files = count(*files, Noun::File, lang);
                say!(lang,
                    en: "Created a new site in {folder}: {files}.",
                    vi: "Đã tạo trang mới trong {folder}: {files}.")
            }
            NextSteps { cd: Some(dir) } => say!(lang,
                en: "Next: cd {dir}, then vinhdanh serve to preview it, or vinhdanh build to build it.",
                vi: "Tiếp theo: cd {dir}, rồi chạy vinhdanh serve để xem trước, hoặc vinhdanh build để dựng trang."),
            NextSteps { cd: None } => say!(lang,
                en: "Next: vinhdanh serve to preview it, or vinhdanh build to build it.",
                vi: "Tiếp theo: chạy vinhdanh serve để xem trước, hoặc vinhdanh build để dựng trang."),
            Serving { url } => say!(lang,
                en: "Serving the site at {url}/ (drafts shown; Ctrl-C stops)",
                vi: "Đang phục vụ trang tại {url}/ (có hiện bản nháp; Ctrl-C để dừng)"),
            ServeBuilt {
                profiles,
                files,
                millis,
            } => {
                let profiles = count(*profiles, Noun::Profile, lang);
                let files = count(*files, Noun::File, lang);
                say!(lang,
                    en: "Built {profiles}: {files} in {millis} ms; watching for changes",
                    vi: "Đã dựng {profiles}: {files} trong {millis} ms; đang theo dõi thay đổi")
            }
            Rebuilt {
                millis,
                rendered,
                changed,
            } => {
                let rendered = count(*rendered, Noun::Page, lang);
                let changed = count(*changed, Noun::File, lang);
                say!(lang,
                    en: "Rebuilt in {millis} ms: {rendered} rendered, {changed} changed",
                    vi: "Đã dựng lại trong {millis} ms: dựng {rendered}, thay đổi {changed}")
            }
            Previewed { millis, rendered } => {
                let rendered = count(*rendered, Noun::Page, lang);
                say!(lang,
                    en: "Edited pages shown in {millis} ms ({rendered}); the rest of the site follows",
                    vi: "Đã hiện trang vừa sửa sau {millis} ms ({rendered}); phần còn lại của trang web đang dựng tiếp")
            }
            StillServing { good: true } => say!(lang,
                en: "Still serving the last good build; fix the file and save.",
                vi: "Vẫn đang phục vụ bản dựng tốt gần nhất; hãy sửa tệp và lưu lại."),
            StillServing { good: false } => say!(lang,
                en: "Nothing built yet: fix the file and save.",
                vi: "Chưa dựng được gì: hãy sửa tệp và lưu lại."),
            Retrying { first } => say!(lang,
                en: "warning: cannot read the site's files for now ({first}); trying again",
                vi: "cảnh báo: tạm thời chưa đọc được các tệp của trang ({first}); đang thử lại"),
            WatchFailed { detail } => say!(lang,
                en: "warning: watching the site's files failed, changes may go unseen: {detail}",
                vi: "cảnh báo: không theo dõi được các tệp của trang, thay đổi có thể bị bỏ sót: {detail}"),
            OverlayTitle { count: n } => count(*n, Noun::Error, lang),
            OverlayNote { good: true } => say!(lang,
                en: "The page shows the last good build; fix the file and save, and it reloads by itself.",
                vi: "Trang đang hiển thị bản dựng tốt gần nhất; sửa tệp và lưu lại, trang sẽ tự tải lại."),
            OverlayNote { good: false } => say!(lang,
                en: "Nothing built yet: fix the file and save, and the page reloads by itself.",
                vi: "Chưa dựng được gì: hãy sửa tệp và lưu lại, trang sẽ tự tải lại."),
            PortInUse { port, ip, next } => say!(lang,
                en: "port {port} on {ip} is already in use (is another preview running?); stop that program, or choose another port, e.g. --port {next}",
                vi: "cổng {port} trên {ip} đang được dùng (có bản xem trước khác đang chạy?); hãy dừng chương trình đó, hoặc chọn cổng khác, ví dụ --port {next}"),
            CannotListen { addr, detail } => say!(lang,
                en: "cannot listen on {addr}: {detail}",
                vi: "không mở được địa chỉ {addr}: {detail}"),
            CannotWatch { detail } => say!(lang,
                en: "cannot watch the site's files: {detail}",
                vi: "không theo dõi được các tệp của trang: {detail}"),
            CannotStart { detail } => say!(lang,
                en: "cannot start the server: {detail}",
                vi: "không khởi động được máy chủ xem trước: {detail}"),
            Warning => say!(lang, en: "warning", vi: "cảnh báo"),
            Error => say!(lang, en: "error", vi: "lỗi"),
        }
    }
}

/// What is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    Profile,
    Page,
    File,
    Error,
}

/// `n` things in `lang`, with the right plural: "1 file", "2 files";
/// Vietnamese nouns do not change ("1 tệp", "2 tệp").
pub fn count(n: usize, noun: Noun, lang: Lang) -> String {
    let (one, many, vi) = match noun {
        Noun::Profile => ("profile", "profiles", "hồ sơ"),
        Noun::Page => ("page", "pages", "trang"),
        Noun::File => ("file", "files", "tệp"),
        Noun::Error => ("error", "errors", "lỗi"),
    };
    match (lang, n) {
        (Lang::En, 1) => format!("1 {one}"),
        (Lang::En, n) => format!("{n} {many}"),
        (Lang::Vi, n) => format!("{n} {vi}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_file_is_not_one_files() {
        assert_eq!(count(1, Noun::File, Lang::En), "1 file");
        assert_eq!(count(0, Noun::File, Lang::En), "0 files");
        assert_eq!(count(2, Noun::Error, Lang::Vi), "2 lỗi");
        let line = Status::Built {
            profiles: 1,
            pages: 2,
            files: 1,
            millis: 5,
            output: "public".into(),
        }
        .words(Lang::En);
        assert_eq!(line, "Built 1 profile: 2 pages and 1 file in 5 ms → public");
    }
}
