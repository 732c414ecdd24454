//! Problems at the site's edges, and their words: a file named in the
//! content that is outside the site or not a plain file, a file too large to
//! read, path words and `base_url` that would put pages elsewhere, and two
//! outputs at one path.
//!
//! They guard the invariants of [`crate::sitefs`] (what the build reads) and
//! [`crate::output`] (what it writes); one [`Boundary`] value is carried by
//! [`super::Problem::Boundary`].

use super::Lang;
use super::messages::{FileProblem, Problem, Unreadable, say};
pub use crate::sitefs::FileKind;
use crate::sitefs::ReadError;

/// What is wrong with one path word of `[languages.<code>] paths`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordFault {
    Empty,
    /// Not a slug (`..`, `a/b`, capitals, spaces…); the slug it could be.
    NotSlug {
        suggestion: String,
    },
    TooLong {
        limit: usize,
    },
    /// The same word as another path word of the language.
    Twice {
        other: String,
    },
    /// The default language's word equals the code of another language,
    /// whose pages live under `/<code>/`.
    LanguageCode,
}

/// What `base_url` may not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlPart {
    Query,
    Fragment,
    UserInfo,
    /// A space, quote, backslash or other character a URL cannot hold as is.
    Character(char),
    /// An empty, `.` or `..` part of the path (`https://a.vn//x`).
    PathPart,
}

/// Where an output file comes from, as named in messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputSource {
    /// The page built from a content file.
    PageOf(String),
    /// A page vinhdanh makes from the whole site (home, lists, feeds, sitemap).
    Generated,
    /// A file copied as it is (`static/…`, a theme's static file).
    File(String),
    /// The photo of a profile.
    PhotoOf(String),
    /// vinhdanh's marker file in the output folder.
    Marker,
    /// The small page at an old address (`aliases`) of a content file.
    AliasOf(String),
}

/// One problem at the site's edges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Boundary {
    /// A file name written in the content is an absolute path.
    ReadAbsolute {
        name: String,
    },
    /// A file name leads out of the site (`..`, or a link pointing out).
    ReadOutside {
        name: String,
    },
    NotAFile {
        name: String,
        kind: FileKind,
    },
    TooLarge {
        name: String,
        bytes: u64,
        limit: u64,
    },
    /// A path word of site.toml (`key` in the paths of language `lang`).
    PathWord {
        lang: String,
        key: String,
        word: String,
        fault: WordFault,
    },
    BaseUrl {
        url: String,
        part: UrlPart,
    },
    /// Two outputs at one path (or one needing as a folder what another
    /// writes as a file).
    OutputCollision {
        path: String,
        first: OutputSource,
        second: OutputSource,
    },
    /// A part of an output path is longer than file systems allow
    /// (`part`: its first characters).
    OutputNameTooLong {
        part: String,
        chars: usize,
        limit: usize,
    },
    /// An output path that is empty, absolute or has an empty, `.` or `..`
    /// part (a bug if ever seen: names are checked before).
    OutputBadPath {
        path: String,
    },
}

fn size_words(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        format!("{} MB", bytes.div_ceil(MB))
    } else {
        format!("{bytes} B")
    }
}

impl FileKind {
    fn words(self, lang: Lang) -> String {
        match self {
            FileKind::Folder => say!(lang, en: "a folder", vi: "một thư mục"),
            FileKind::Pipe => say!(lang, en: "a named pipe", vi: "một đường ống (pipe)"),
            FileKind::Device => say!(lang, en: "a device", vi: "một thiết bị"),
            FileKind::Socket => say!(lang, en: "a socket", vi: "một socket"),
            FileKind::Other => {
                say!(lang, en: "not a plain file", vi: "không phải tệp thông thường")
            }
        }
    }
}

impl OutputSource {
    pub(crate) fn words(&self, lang: Lang) -> String {
        match self {
            OutputSource::PageOf(f) => say!(lang, en: "the page of {f}", vi: "trang của {f}"),
            OutputSource::Generated => {
                say!(lang, en: "a page vinhdanh builds", vi: "một trang do vinhdanh dựng")
            }
            OutputSource::File(f) => say!(lang, en: "the file {f}", vi: "tệp {f}"),
            OutputSource::PhotoOf(f) => say!(lang, en: "the photo of {f}", vi: "ảnh của {f}"),
            OutputSource::Marker => say!(lang,
                en: "vinhdanh's marker file",
                vi: "tệp đánh dấu của vinhdanh"),
            OutputSource::AliasOf(f) => say!(lang,
                en: "an old address (aliases) of {f}",
                vi: "một địa chỉ cũ (aliases) của {f}"),
        }
    }
}

impl Boundary {
    /// What is wrong and what was expected, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use Boundary::*;
        match self {
            ReadAbsolute { name } => say!(lang,
                en: "\"{name}\" is an absolute path: a file named here must be inside the site's folder, written relative to this file",
                vi: "\"{name}\" là đường dẫn tuyệt đối: tệp ghi ở đây phải nằm trong thư mục của trang, ghi tính từ tệp này"),
            ReadOutside { name } => say!(lang,
                en: "\"{name}\" leads out of the site's folder: vinhdanh reads only files inside it",
                vi: "\"{name}\" dẫn ra ngoài thư mục của trang: vinhdanh chỉ đọc các tệp nằm trong đó"),
            NotAFile { name, kind } => {
                let kind = kind.words(lang);
                say!(lang,
                    en: "\"{name}\" is {kind}, not a plain file",
                    vi: "\"{name}\" là {kind}, không phải một tệp thông thường")
            }
            TooLarge { name, bytes, limit } => {
                let (size, limit) = (size_words(*bytes), size_words(*limit));
                say!(lang,
                    en: "\"{name}\" is too large to read ({size}; vinhdanh reads files of up to {limit})",
                    vi: "\"{name}\" quá lớn để đọc ({size}; vinhdanh chỉ đọc tệp tối đa {limit})")
            }
            PathWord {
                lang: code,
                key,
                word,
                fault,
            } => match fault {
                WordFault::Empty => say!(lang,
                    en: "the path word `{key}` of language \"{code}\" is empty: two kinds of pages would share one address",
                    vi: "từ đường dẫn `{key}` của ngôn ngữ \"{code}\" để trống: hai loại trang sẽ chung một địa chỉ"),
                WordFault::NotSlug { .. } => say!(lang,
                    en: "the path word `{key}` of language \"{code}\" is \"{word}\": a path word is one part of an address, in lowercase letters without marks, digits and -",
                    vi: "từ đường dẫn `{key}` của ngôn ngữ \"{code}\" là \"{word}\": từ đường dẫn là một phần của địa chỉ, chỉ gồm chữ thường không dấu, chữ số và dấu -"),
                WordFault::TooLong { limit } => say!(lang,
                    en: "the path word `{key}` of language \"{code}\" is longer than {limit} characters",
                    vi: "từ đường dẫn `{key}` của ngôn ngữ \"{code}\" dài hơn {limit} ký tự"),
                WordFault::Twice { other } => say!(lang,
                    en: "the path words `{key}` and `{other}` of language \"{code}\" are both \"{word}\": two kinds of pages would share one address",
                    vi: "hai từ đường dẫn `{key}` và `{other}` của ngôn ngữ \"{code}\" đều là \"{word}\": hai loại trang sẽ chung một địa chỉ"),
                WordFault::LanguageCode => say!(lang,
                    en: "the path word `{key}` of the default language is \"{word}\", the code of another language, whose pages are under /{word}/",
                    vi: "từ đường dẫn `{key}` của ngôn ngữ mặc định là \"{word}\", trùng mã của một ngôn ngữ khác có các trang nằm dưới /{word}/"),
            },
            BaseUrl { url, part } => {
                let what = match part {
                    UrlPart::Query => {
                        say!(lang, en: "a query (?…)", vi: "phần truy vấn (?…)")
                    }
                    UrlPart::Fragment => say!(lang, en: "a fragment (#…)", vi: "phần neo (#…)"),
                    UrlPart::UserInfo => {
                        say!(lang, en: "a user name (…@)", vi: "tên người dùng (…@)")
                    }
                    UrlPart::Character(c) => {
                        say!(lang, en: "the character {c:?}", vi: "ký tự {c:?}")
                    }
                    UrlPart::PathPart => say!(lang,
                        en: "an empty, . or .. part in its path",
                        vi: "một phần rỗng, . hoặc .. trong đường dẫn"),
                };
                say!(lang,
                    en: "base_url \"{url}\" has {what}: it must be only https:// or http://, the host name and an optional path, such as https://snv.example.gov.vn/vinh-danh",
                    vi: "base_url \"{url}\" có {what}: base_url chỉ gồm https:// hoặc http://, tên miền và đường dẫn nếu cần, ví dụ https://snv.example.gov.vn/vinh-danh")
            }
            OutputCollision {
                path,
                first,
                second,
            } => {
                let (first, second) = (first.words(lang), second.words(lang));
                say!(lang,
                    en: "{second} and {first} would both be published at {path}; every file of the built site must come from one source",
                    vi: "{second} và {first} sẽ cùng được xuất bản tại {path}; mỗi tệp của trang đã dựng chỉ được đến từ một nguồn")
            }
            OutputNameTooLong { part, chars, limit } => say!(lang,
                en: "a part of this page's address, \"{part}\", is {chars} characters long; a part may have at most {limit}",
                vi: "một phần địa chỉ của trang này, \"{part}\", dài {chars} ký tự; mỗi phần chỉ được tối đa {limit} ký tự"),
            OutputBadPath { path } => say!(lang,
                en: "\"{path}\" is not a path inside the output folder",
                vi: "\"{path}\" không phải đường dẫn nằm trong thư mục kết quả"),
        }
    }

    /// A suggestion for fixing it, in `lang`.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use Boundary::*;
        Some(match self {
            ReadAbsolute { .. } | ReadOutside { .. } => say!(lang,
                en: "copy the file into the site, next to this one, and write its name only",
                vi: "chép tệp vào trong trang, cạnh tệp này, rồi chỉ ghi tên tệp"),
            NotAFile { .. } => say!(lang,
                en: "name a file saved in the site's folder",
                vi: "hãy ghi tên một tệp được lưu trong thư mục của trang"),
            TooLarge { .. } => say!(lang,
                en: "split it into several files",
                vi: "hãy chia thành nhiều tệp nhỏ hơn"),
            PathWord {
                fault: WordFault::NotSlug { suggestion },
                ..
            } if !suggestion.is_empty() => {
                say!(lang, en: "write \"{suggestion}\"", vi: "hãy ghi \"{suggestion}\"")
            }
            PathWord { .. } => say!(lang,
                en: "give each kind of page its own word, such as profiles = \"ho-so\"",
                vi: "đặt cho mỗi loại trang một từ riêng, ví dụ profiles = \"ho-so\""),
            BaseUrl {
                part: UrlPart::Query | UrlPart::Fragment,
                ..
            } => say!(lang,
                en: "the address is published with every page; a query or fragment would end up inside every link",
                vi: "địa chỉ này được dùng trong mọi trang; phần truy vấn hay phần neo sẽ lọt vào giữa mọi liên kết"),
            BaseUrl {
                part: UrlPart::Character(c),
                ..
            } if c.is_whitespace() => say!(lang,
                en: "an address has no spaces: join words with a hyphen, as in vinh-danh",
                vi: "địa chỉ không có khoảng trắng: nối các từ bằng dấu gạch ngang, như vinh-danh"),
            BaseUrl { .. } => say!(lang,
                en: "the address is put in front of every link of every page, so it holds only a scheme, a host and a path",
                vi: "địa chỉ này đứng trước mọi liên kết của mọi trang, nên chỉ gồm giao thức, tên miền và đường dẫn"),
            OutputCollision { .. } => say!(lang,
                en: "rename or remove one of the two; pages, feeds, sitemap.xml and robots.txt are generated",
                vi: "đổi tên hoặc xóa một trong hai; các trang, nguồn tin (feed), sitemap.xml và robots.txt do vinhdanh tạo ra"),
            OutputNameTooLong { .. } => say!(lang,
                en: "shorten the file name, or give the page a shorter `slug`",
                vi: "rút ngắn tên tệp, hoặc đặt `slug` ngắn hơn cho trang"),
            OutputBadPath { .. } => return None,
        })
    }
}

// The reader (`crate::sitefs`) sits below the problems; what its errors
// mean to an editor is said here.
impl ReadError {
    /// The problem to report about the file `name` (as the editor wrote or
    /// sees it); `what` says what an ordinary I/O failure could not read.
    pub fn problem(self, name: &str, what: Unreadable) -> Problem {
        let name = name.to_owned();
        match self {
            ReadError::Absolute => Problem::Boundary(Boundary::ReadAbsolute { name }),
            ReadError::Outside => Problem::Boundary(Boundary::ReadOutside { name }),
            ReadError::NotAFile(kind) => Problem::Boundary(Boundary::NotAFile { name, kind }),
            ReadError::TooLarge { bytes, limit } => {
                Problem::Boundary(Boundary::TooLarge { name, bytes, limit })
            }
            ReadError::Io(e) => FileProblem::CannotRead {
                what,
                detail: e.to_string(),
            }
            .into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_boundary_problem_is_said_in_both_languages() {
        let samples = [
            Boundary::ReadOutside {
                name: "../x".into(),
            },
            Boundary::TooLarge {
                name: "a.csv".into(),
                bytes: 600 << 20,
                limit: 512 << 20,
            },
            Boundary::PathWord {
                lang: "en".into(),
                key: "years".into(),
                word: "campaigns".into(),
                fault: WordFault::Twice {
                    other: "campaigns".into(),
                },
            },
            Boundary::BaseUrl {
                url: "https://a.vn/x?y=1".into(),
                part: UrlPart::Query,
            },
            Boundary::OutputCollision {
                path: "ho-so/a/a.jpg".into(),
                first: OutputSource::File("static/ho-so/a/a.jpg".into()),
                second: OutputSource::PhotoOf("content/profiles/a.md".into()),
            },
        ];
        for b in samples {
            assert_ne!(b.message(Lang::En), b.message(Lang::Vi));
            assert_eq!(b.hint(Lang::En).is_some(), b.hint(Lang::Vi).is_some());
        }
        assert_eq!(size_words(600 << 20), "600 MB");
    }
}
