//! Every problem vinhdanh reports, as data ([`Problem`]), and its words in
//! each messages language.
//!
//! A place in the code that finds a problem builds a `Problem` with what it
//! knows (the field, the value found, a close match); this module alone turns
//! it into words, once per language. Adding a language means adding an arm to
//! [`say!`], not touching the places that find problems.

use std::fmt;

use super::Lang;
use super::boundary::Boundary;
use crate::content::Section;
use crate::model::Kind;

/// `say!(lang, en: "…{x}…", vi: "…{x}…")`: the words for `lang`, formatted
/// with the variables in scope.
macro_rules! say {
    ($lang:expr, en: $en:literal, vi: $vi:literal $(,)?) => {
        match $lang {
            $crate::diagnostic::Lang::En => format!($en),
            $crate::diagnostic::Lang::Vi => format!($vi),
        }
    };
}
pub(crate) use say;

/// What a TOML value was expected to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// A whole number; the example shown (2020 for years).
    WholeNumber {
        example: i64,
    },
    Number,
    Text,
    TrueFalse,
    List,
    Date,
    /// A plain text or a table of texts by language.
    Localised,
    Table,
    /// What the library said, when it is none of the above.
    Other(String),
}

/// What a TOML value was found to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Text(String),
    Number(String),
    Bool(String),
    List,
    Table,
    Other(String),
}

/// Which kind of TOML file a syntax error is in, for the hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TomlPart {
    FrontMatter,
    SiteConfig,
    AwardList,
    UiStrings,
}

/// What could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    File,
    Folder,
    SiteConfig,
    RecipientsCsv { name: String },
}

/// What went wrong with a template, as Tera reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateFault {
    Syntax,
    Render,
    NotFound,
    Other,
}

/// How to fix an unknown CSV column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnFix {
    /// A row-number column (`STT`), which is not needed.
    RowNumbers,
    /// Probably a typo of this accepted name.
    Rename(String),
    DeleteOrRename,
}

/// Why an output folder is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    IsSite,
    ContainsSite,
    LooksLikeSite,
    IsFile,
    Foreign,
    /// Inside an input folder (`content`, `static`…): each build's output
    /// would be read back in by the next.
    InsideInput(&'static str),
}

/// One kind of problem with what is known about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    // Files.
    CannotRead {
        what: Unreadable,
        detail: String,
    },
    NotUtf8,
    EmptyFile,
    NoFrontMatter {
        first_line: String,
    },
    FrontMatterNotClosed,
    /// A value `vinhdanh new` left for the editor to fill in.
    Blank {
        field: String,
    },

    // TOML, in our words around the library's.
    TomlSyntax {
        part: TomlPart,
        detail: String,
    },
    WrongType {
        key: Option<String>,
        expected: Expected,
        found: Found,
        detail: String,
    },
    MissingField {
        field: String,
        table: Option<String>,
    },
    UnknownField {
        field: String,
        known: Vec<String>,
        suggestion: Option<String>,
    },
    UnknownValue {
        key: Option<String>,
        value: String,
        allowed: Vec<String>,
        suggestion: Option<String>,
    },
    DuplicateKey {
        key: String,
    },
    TomlOther {
        detail: String,
    },

    // site.toml.
    BadBaseUrl {
        url: String,
        no_host: bool,
    },
    NoLanguages,
    UnknownDefaultLanguage {
        code: String,
        known: Vec<String>,
    },
    BadLanguageCode {
        code: String,
    },
    UnknownTheme {
        name: String,
    },

    // File names and cross-file rules.
    NotATranslationLanguage {
        code: String,
        ext: String,
        known: Vec<String>,
    },
    AwardListTranslated,
    NoUsableSlug {
        section: Section,
    },
    DuplicateSlug {
        section: Section,
        slug: String,
        first: String,
        second: String,
    },
    TranslationWithoutOriginal {
        original: String,
    },
    YearOutOfRange {
        field: String,
        year: i64,
        min: i64,
        max: i64,
    },
    EndBeforeStart {
        start: i32,
        end: i32,
    },
    NotADate {
        field: String,
    },
    UnknownCampaign {
        key: String,
        suggestion: Option<String>,
    },
    UnknownAwardType {
        key: String,
        suggestion: Option<String>,
    },
    AwardNotFor {
        key: String,
        name_vi: String,
        name_en: String,
        kind: Kind,
    },
    UnknownProfile {
        key: String,
        suggestion: Option<String>,
    },
    RecipientKindMismatch {
        key: String,
        recipient: Kind,
        profile: Kind,
    },
    NoRecipients,
    PhotoAbsolute {
        photo: String,
    },
    PhotoMissing {
        photo: String,
        looked_for: String,
    },
    PhotoOutside {
        photo: String,
    },
    BrokenLink {
        target: String,
    },

    // Recipients CSV.
    CsvNotUtf8 {
        line: usize,
    },
    CsvUnreadable {
        detail: String,
    },
    CsvEmpty,
    CsvNoRows,
    CsvDuplicateColumn {
        typed: String,
        col: usize,
        first_col: usize,
        first_typed: String,
    },
    CsvUnknownColumn {
        typed: String,
        col: usize,
        accepted: String,
        fix: ColumnFix,
    },
    CsvMissingColumn {
        kind_column: bool,
        accepted: Vec<String>,
        found: Vec<String>,
    },
    CsvRagged {
        values: usize,
        columns: usize,
        separator: char,
    },
    CsvValueWithoutColumn {
        col: usize,
        accepted: String,
    },
    CsvNoName {
        column: String,
    },
    CsvBadKind {
        value: String,
    },
    CsvNoKind {
        column: String,
    },

    // Themes.
    MissingUiString {
        key: String,
        lang: String,
    },
    Template {
        fault: TemplateFault,
        detail: String,
    },
    MissingParentTemplate {
        parent: String,
    },

    // Output and new files.
    OutputRefused {
        folder: String,
        reason: Refusal,
    },
    CannotWrite {
        detail: String,
    },
    FileExists {
        path: String,
    },
    NameWithoutLetters {
        name: String,
    },

    // The site's edges: reading outside it, writing outside the output
    // folder, two outputs at one path (words in `super::boundary`).
    Boundary(Boundary),
}

/// `` `a`, `b` or `c` `` in `lang`.
pub fn or_list(items: &[String], lang: Lang) -> String {
    joined(items, say!(lang, en: " or ", vi: " hoặc "))
}

fn joined(items: &[String], last: String) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == items.len() { &last } else { ", " });
        }
        out.push('`');
        out.push_str(item);
        out.push('`');
    }
    out
}

fn kind_words(kind: Kind, lang: Lang) -> String {
    match kind {
        Kind::Individual => say!(lang, en: "an individual", vi: "cá nhân"),
        Kind::Collective => say!(lang, en: "a collective", vi: "tập thể"),
    }
}

fn section_words(section: Section, lang: Lang) -> String {
    match section {
        Section::Profiles => say!(lang, en: "profiles", vi: "hồ sơ"),
        Section::Campaigns => say!(lang, en: "campaigns", vi: "phong trào"),
        Section::Awards => say!(lang, en: "award lists", vi: "danh sách khen thưởng"),
    }
}

fn did_you_mean(suggestion: &str, lang: Lang) -> String {
    say!(lang, en: "did you mean \"{suggestion}\"?", vi: "có phải ý bạn là \"{suggestion}\"?")
}

impl Expected {
    fn words(&self, lang: Lang) -> String {
        match self {
            Expected::WholeNumber { example } => {
                say!(lang, en: "a whole number such as {example}", vi: "một số nguyên, ví dụ {example}")
            }
            Expected::Number => say!(lang, en: "a number", vi: "một số"),
            Expected::Text => {
                say!(lang, en: "text in double quotes, such as \"…\"", vi: "chữ đặt trong dấu ngoặc kép, ví dụ \"…\"")
            }
            Expected::TrueFalse => {
                say!(lang, en: "true or false", vi: "true (có) hoặc false (không)")
            }
            Expected::List => {
                say!(lang, en: "a list in square brackets, such as [\"a\", \"b\"]", vi: "một danh sách trong ngoặc vuông, ví dụ [\"a\", \"b\"]")
            }
            Expected::Date => {
                say!(lang, en: "a date such as 2023-04-21, without quotes", vi: "một ngày dạng 2023-04-21, không có dấu ngoặc kép")
            }
            Expected::Localised => say!(lang,
                en: "text in double quotes, or texts by language such as {{ vi = \"…\", en = \"…\" }}",
                vi: "chữ trong dấu ngoặc kép, hoặc chữ theo từng ngôn ngữ như {{ vi = \"…\", en = \"…\" }}"),
            Expected::Table => say!(lang, en: "a table of fields", vi: "một bảng gồm các trường"),
            Expected::Other(s) => s.clone(),
        }
    }
}

impl Found {
    fn words(&self, lang: Lang) -> String {
        match self {
            Found::Text(s) => say!(lang, en: "the text \"{s}\"", vi: "chữ \"{s}\""),
            Found::Number(n) => say!(lang, en: "the number {n}", vi: "số {n}"),
            Found::Bool(b) => b.clone(),
            Found::List => say!(lang, en: "a list", vi: "một danh sách"),
            Found::Table => say!(lang, en: "a table", vi: "một bảng"),
            Found::Other(s) => s.clone(),
        }
    }
}

impl Refusal {
    fn words(self, lang: Lang) -> String {
        let marker = crate::output::MARKER;
        match self {
            Refusal::IsSite => {
                say!(lang, en: "it is the site's own folder", vi: "đó chính là thư mục của trang")
            }
            Refusal::ContainsSite => {
                say!(lang, en: "it contains the site's folder", vi: "thư mục đó chứa thư mục của trang")
            }
            Refusal::LooksLikeSite => say!(lang,
                en: "it holds site.toml or content/, so it looks like a site, not built output",
                vi: "thư mục đó có site.toml hoặc content/, tức là một trang chứ không phải kết quả dựng"),
            Refusal::IsFile => say!(lang, en: "it is a file", vi: "đó là một tệp"),
            Refusal::InsideInput(input) => say!(lang,
                en: "it is inside {input}/, which vinhdanh reads: the next build would read this build's output back in",
                vi: "thư mục đó nằm trong {input}/, nơi vinhdanh đọc vào: lần dựng sau sẽ đọc lại kết quả của lần dựng này"),
            Refusal::Foreign => say!(lang,
                en: "it is not empty and was not made by vinhdanh (it has no {marker} file), so vinhdanh will not replace it",
                vi: "thư mục đó không trống và không do vinhdanh tạo ra (không có tệp {marker}), nên vinhdanh sẽ không thay thế nó"),
        }
    }
}

impl Problem {
    /// What is wrong and what was expected, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use Problem::*;
        match self {
            CannotRead { what, detail } => match what {
                Unreadable::File => {
                    say!(lang, en: "cannot read this file: {detail}", vi: "không đọc được tệp này: {detail}")
                }
                Unreadable::Folder => {
                    say!(lang, en: "cannot read this folder: {detail}", vi: "không đọc được thư mục này: {detail}")
                }
                Unreadable::SiteConfig => say!(lang,
                    en: "cannot read the site configuration: {detail}",
                    vi: "không đọc được tệp cấu hình của trang: {detail}"),
                Unreadable::RecipientsCsv { name } => say!(lang,
                    en: "cannot read the recipients file \"{name}\": {detail}",
                    vi: "không đọc được tệp danh sách người nhận \"{name}\": {detail}"),
            },
            NotUtf8 => {
                say!(lang, en: "the file is not valid UTF-8 text", vi: "tệp này không phải văn bản UTF-8 hợp lệ")
            }
            EmptyFile => say!(lang,
                en: "the file is empty: it must start with front matter between two lines of +++",
                vi: "tệp trống: tệp phải bắt đầu bằng phần thông tin (front matter) nằm giữa hai dòng +++"),
            NoFrontMatter { first_line } => say!(lang,
                en: "the file must start with a line of +++ (front matter), found \"{first_line}\"",
                vi: "tệp phải bắt đầu bằng một dòng +++ (mở phần thông tin), nhưng dòng đầu là \"{first_line}\""),
            FrontMatterNotClosed => say!(lang,
                en: "the front matter opened here with +++ is never closed",
                vi: "phần thông tin mở bằng +++ ở đây không được đóng lại"),
            Blank { field } => say!(lang,
                en: "`{field}` is still blank (___): fill it in",
                vi: "`{field}` vẫn còn để trống (___): hãy điền vào"),

            TomlSyntax { part, detail } => {
                let what = match part {
                    TomlPart::FrontMatter => {
                        say!(lang, en: "the front matter", vi: "phần thông tin (front matter)")
                    }
                    TomlPart::SiteConfig => "site.toml".to_owned(),
                    TomlPart::AwardList => {
                        say!(lang, en: "this award list", vi: "danh sách khen thưởng này")
                    }
                    TomlPart::UiStrings => {
                        say!(lang, en: "this UI strings file", vi: "tệp chuỗi giao diện này")
                    }
                };
                say!(lang, en: "{what} is not valid TOML here: {detail}", vi: "{what} sai cú pháp TOML ở đây: {detail}")
            }
            WrongType {
                key,
                expected,
                found,
                ..
            } => {
                let (expected, found) = (expected.words(lang), found.words(lang));
                match key {
                    Some(key) => {
                        say!(lang, en: "`{key}` must be {expected}, found {found}", vi: "`{key}` phải là {expected}, nhưng đang là {found}")
                    }
                    None => {
                        say!(lang, en: "this value must be {expected}, found {found}", vi: "giá trị này phải là {expected}, nhưng đang là {found}")
                    }
                }
            }
            MissingField { field, table: None } => say!(lang,
                en: "the required field `{field}` is missing",
                vi: "thiếu trường bắt buộc `{field}`"),
            MissingField {
                field,
                table: Some(table),
            } => say!(lang,
                en: "the required field `{field}` is missing from this {table} table",
                vi: "bảng {table} này thiếu trường bắt buộc `{field}`"),
            UnknownField { field, .. } => say!(lang,
                en: "unknown field `{field}`: a field that is not understood is never ignored",
                vi: "không có trường nào tên `{field}`: trường không hiểu được sẽ không bị bỏ qua"),
            UnknownValue {
                key,
                value,
                allowed,
                ..
            } => {
                let allowed = or_list(allowed, lang);
                match key {
                    Some(key) => {
                        say!(lang, en: "`{key}` cannot be \"{value}\": expected {allowed}", vi: "`{key}` không thể là \"{value}\": phải là {allowed}")
                    }
                    None => {
                        say!(lang, en: "\"{value}\" is not accepted here: expected {allowed}", vi: "\"{value}\" không dùng được ở đây: phải là {allowed}")
                    }
                }
            }
            DuplicateKey { key } => {
                say!(lang, en: "the field `{key}` is written twice", vi: "trường `{key}` được viết hai lần")
            }
            TomlOther { detail } => {
                say!(lang, en: "this value is not accepted: {detail}", vi: "giá trị này không dùng được: {detail}")
            }

            BadBaseUrl {
                url,
                no_host: false,
            } => say!(lang,
                en: "base_url must start with https:// or http://, found \"{url}\"",
                vi: "base_url phải bắt đầu bằng https:// hoặc http://, nhưng đang là \"{url}\""),
            BadBaseUrl { url, no_host: true } => say!(lang,
                en: "base_url has no host name: \"{url}\"",
                vi: "base_url thiếu tên miền: \"{url}\""),
            NoLanguages => say!(lang,
                en: "no languages: add at least a [languages.vi] table with a title",
                vi: "chưa khai báo ngôn ngữ nào: thêm ít nhất một bảng [languages.vi] có title"),
            UnknownDefaultLanguage { code, known } => {
                let known = known.join(", ");
                say!(lang,
                    en: "default_language is \"{code}\", but there is no [languages.{code}] table (languages: {known})",
                    vi: "default_language là \"{code}\", nhưng không có bảng [languages.{code}] (các ngôn ngữ: {known})")
            }
            BadLanguageCode { code } => say!(lang,
                en: "\"{code}\" is not a language code such as vi or en",
                vi: "\"{code}\" không phải mã ngôn ngữ như vi hoặc en"),
            UnknownTheme { name } => say!(lang,
                en: "the theme \"{name}\" does not exist: there is no folder themes/{name}/",
                vi: "giao diện \"{name}\" không tồn tại: không có thư mục themes/{name}/"),

            NotATranslationLanguage { code, ext, .. } => say!(lang,
                en: "the file name ends in \".{code}{ext}\", but \"{code}\" is not a translation language of this site",
                vi: "tên tệp kết thúc bằng \".{code}{ext}\", nhưng \"{code}\" không phải ngôn ngữ dịch của trang này"),
            AwardListTranslated => say!(lang,
                en: "award lists are not translated file by file: write localised fields as {{ vi = \"…\", en = \"…\" }} in the one file",
                vi: "danh sách khen thưởng không dịch theo từng tệp: viết các trường cần dịch dạng {{ vi = \"…\", en = \"…\" }} ngay trong một tệp"),
            NoUsableSlug {
                section: Section::Awards,
            } => say!(lang,
                en: "this award list's file name has no letters or digits to make its address from",
                vi: "tên tệp danh sách khen thưởng này không có chữ hay số nào để tạo địa chỉ"),
            NoUsableSlug { .. } => say!(lang,
                en: "this page has no usable address: its file name (or `slug`) has no letters or digits",
                vi: "trang này không có địa chỉ dùng được: tên tệp (hoặc `slug`) không có chữ hay số nào"),
            DuplicateSlug {
                section,
                slug,
                first,
                second,
            } => {
                let what = section_words(*section, lang);
                say!(lang,
                    en: "two {what} have the address \"{slug}\": {first} and {second}",
                    vi: "hai {what} có cùng địa chỉ \"{slug}\": {first} và {second}")
            }
            TranslationWithoutOriginal { original } => say!(lang,
                en: "this translation has no original: there is no {original}",
                vi: "bản dịch này không có bản gốc: không có tệp {original}"),
            YearOutOfRange {
                field,
                year,
                min,
                max,
            } => say!(lang,
                en: "`{field}` must be a year between {min} and {max}, found {year}",
                vi: "`{field}` phải là một năm từ {min} đến {max}, nhưng đang là {year}"),
            EndBeforeStart { start, end } => say!(lang,
                en: "`end_year` ({end}) is before `start_year` ({start})",
                vi: "`end_year` ({end}) nhỏ hơn `start_year` ({start})"),
            NotADate { field } => say!(lang,
                en: "`{field}` must be a date such as 2023-04-21, without a time",
                vi: "`{field}` phải là một ngày dạng 2023-04-21, không kèm giờ"),
            UnknownCampaign { key, .. } => say!(lang,
                en: "there is no campaign \"{key}\" (a file content/campaigns/{key}.md)",
                vi: "không có phong trào \"{key}\" (tệp content/campaigns/{key}.md)"),
            UnknownAwardType { key, .. } => say!(lang,
                en: "there is no award type \"{key}\" in the catalogue",
                vi: "không có loại khen thưởng \"{key}\" trong danh mục"),
            AwardNotFor {
                key,
                name_vi,
                name_en,
                kind,
            } => {
                let who = kind_words(*kind, lang);
                say!(lang,
                    en: "\"{key}\" ({name_en}) cannot be given to {who}",
                    vi: "\"{key}\" ({name_vi}) không trao cho {who}")
            }
            UnknownProfile { key, .. } => say!(lang,
                en: "there is no profile \"{key}\" (a file content/profiles/{key}.md)",
                vi: "không có hồ sơ \"{key}\" (tệp content/profiles/{key}.md)"),
            RecipientKindMismatch {
                key,
                recipient,
                profile,
            } => {
                let (recipient, profile) =
                    (kind_words(*recipient, lang), kind_words(*profile, lang));
                say!(lang,
                    en: "this recipient is {recipient} but the profile \"{key}\" is {profile}",
                    vi: "người nhận này là {recipient} nhưng hồ sơ \"{key}\" là {profile}")
            }
            NoRecipients => {
                say!(lang, en: "this award list has no recipients", vi: "danh sách khen thưởng này chưa có người nhận nào")
            }
            PhotoAbsolute { photo } => say!(lang,
                en: "`photo` must be a path relative to the profile file, found the absolute path \"{photo}\"",
                vi: "`photo` phải là đường dẫn tính từ thư mục của tệp hồ sơ, nhưng đang là đường dẫn tuyệt đối \"{photo}\""),
            PhotoMissing { photo, looked_for } => say!(lang,
                en: "the photo \"{photo}\" does not exist (looked for {looked_for})",
                vi: "không có ảnh \"{photo}\" (đã tìm {looked_for})"),
            PhotoOutside { photo } => say!(lang,
                en: "the photo \"{photo}\" must be a file inside the content/ folder",
                vi: "ảnh \"{photo}\" phải là một tệp nằm trong thư mục content/"),
            BrokenLink { target } => say!(lang,
                en: "the link \"@/{target}\" points at a page that does not exist",
                vi: "liên kết \"@/{target}\" trỏ tới một trang không tồn tại"),

            CsvNotUtf8 { line } => say!(lang,
                en: "this CSV file is not saved as UTF-8 (the first character that is not UTF-8 is on line {line}); \
                     it was probably saved by an old version of Excel or typed with a TCVN3, VNI or Windows-1258 font, \
                     and its Vietnamese letters cannot be read",
                vi: "tệp CSV này không được lưu dạng UTF-8 (ký tự đầu tiên không phải UTF-8 nằm ở dòng {line}); \
                     có lẽ tệp được lưu bằng Excel đời cũ hoặc gõ bằng phông TCVN3, VNI hay Windows-1258, \
                     nên không đọc được chữ tiếng Việt"),
            CsvUnreadable { detail } => {
                say!(lang, en: "this CSV file cannot be read: {detail}", vi: "không đọc được tệp CSV này: {detail}")
            }
            CsvEmpty => say!(lang,
                en: "this CSV file is empty: it has no recipients; expected a header row \
                     (for example `name,kind,unit,position,profile`) and then one row per recipient",
                vi: "tệp CSV này trống: không có người nhận nào; cần một dòng tiêu đề \
                     (ví dụ `Họ và tên;Loại;Đơn vị;Chức vụ;Hồ sơ`) rồi mỗi dòng một người nhận"),
            CsvNoRows => say!(lang,
                en: "this CSV file has a header row but no recipients; expected one row per recipient below the header",
                vi: "tệp CSV này có dòng tiêu đề nhưng không có người nhận nào; cần mỗi dòng một người nhận bên dưới dòng tiêu đề"),
            CsvDuplicateColumn {
                typed,
                col,
                first_col,
                first_typed,
            } => say!(lang,
                en: "the column `{typed}` (column {col}) appears twice: column {first_col} `{first_typed}` is the same column; \
                     expected each column once",
                vi: "cột `{typed}` (cột {col}) xuất hiện hai lần: cột {first_col} `{first_typed}` là cùng một cột; \
                     mỗi cột chỉ được có một lần"),
            CsvUnknownColumn {
                typed,
                col,
                accepted,
                ..
            } => say!(lang,
                en: "unknown column `{typed}` (column {col}); the accepted columns are {accepted}",
                vi: "không biết cột `{typed}` (cột {col}); các cột được chấp nhận là {accepted}"),
            CsvMissingColumn {
                kind_column,
                accepted,
                found,
            } => {
                let what = match kind_column {
                    true => {
                        say!(lang, en: "the kind (individual or collective)", vi: "loại (cá nhân hay tập thể)")
                    }
                    false => say!(lang, en: "the name", vi: "họ tên"),
                };
                let accepted = or_list(accepted, lang);
                let found = if found.is_empty() {
                    say!(lang, en: "none", vi: "không có")
                } else {
                    joined(found, ", ".to_owned())
                };
                say!(lang,
                    en: "the header row has no column for {what}; expected a column named {accepted} (columns found: {found})",
                    vi: "dòng tiêu đề không có cột {what}; cần một cột tên là {accepted} (các cột hiện có: {found})")
            }
            CsvRagged {
                values,
                columns,
                separator,
            } => say!(lang,
                en: "this row has {values} values but the header row has {columns} columns; expected {columns} values separated by `{separator}`",
                vi: "dòng này có {values} giá trị nhưng dòng tiêu đề có {columns} cột; cần {columns} giá trị, ngăn cách bằng `{separator}`"),
            CsvValueWithoutColumn { col, .. } => say!(lang,
                en: "column {col} has a value but no name in the header row; expected a column name",
                vi: "cột {col} có giá trị nhưng không có tên ở dòng tiêu đề; cần đặt tên cột"),
            CsvNoName { column } => say!(lang,
                en: "this recipient has no name; expected a name in the column `{column}`",
                vi: "người nhận này chưa có tên; cần ghi tên ở cột `{column}`"),
            CsvBadKind { value } => say!(lang,
                en: "`{value}` is not a kind of recipient; expected `individual` or `collective` (in Vietnamese: `Cá nhân` or `Tập thể`)",
                vi: "`{value}` không phải loại người nhận; cần ghi `Cá nhân` hoặc `Tập thể` (tiếng Anh: `individual` hoặc `collective`)"),
            CsvNoKind { column } => say!(lang,
                en: "this recipient has no kind; expected `individual` or `collective` (in Vietnamese: `Cá nhân` or `Tập thể`) in the column `{column}`",
                vi: "người nhận này chưa ghi loại; cần ghi `Cá nhân` hoặc `Tập thể` ở cột `{column}`"),

            MissingUiString { key, lang: code } => say!(lang,
                en: "the UI string \"{key}\" is missing for language \"{code}\"",
                vi: "thiếu chuỗi giao diện \"{key}\" cho ngôn ngữ \"{code}\""),
            Template { fault, detail } => match fault {
                TemplateFault::Syntax => {
                    say!(lang, en: "template syntax error: {detail}", vi: "mẫu trang (template) sai cú pháp: {detail}")
                }
                TemplateFault::Render => {
                    say!(lang, en: "template error: {detail}", vi: "lỗi khi dựng trang từ mẫu (template): {detail}")
                }
                TemplateFault::NotFound => {
                    say!(lang, en: "template not found: {detail}", vi: "không tìm thấy mẫu trang (template): {detail}")
                }
                TemplateFault::Other => {
                    say!(lang, en: "template error: {detail}", vi: "lỗi mẫu trang (template): {detail}")
                }
            },
            MissingParentTemplate { parent } => say!(lang,
                en: "this template extends \"{parent}\", which does not exist",
                vi: "mẫu trang này kế thừa \"{parent}\", nhưng mẫu đó không tồn tại"),

            OutputRefused { folder, reason } => {
                let why = reason.words(lang);
                say!(lang,
                    en: "refusing to use \"{folder}\" as the output folder: {why}",
                    vi: "không dùng \"{folder}\" làm thư mục kết quả: {why}")
            }
            CannotWrite { detail } => {
                say!(lang, en: "cannot write: {detail}", vi: "không ghi được: {detail}")
            }
            FileExists { path } => say!(lang,
                en: "{path} already exists, and vinhdanh new never overwrites a file",
                vi: "{path} đã có, và vinhdanh new không bao giờ ghi đè lên tệp có sẵn"),
            NameWithoutLetters { name } => say!(lang,
                en: "the name \"{name}\" has no letters or digits to make a file name from",
                vi: "tên \"{name}\" không có chữ hay số nào để đặt tên tệp"),

            Boundary(b) => b.message(lang),
        }
    }

    /// A suggestion for fixing it, in `lang`.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use Problem::*;
        let hint = match self {
            Boundary(b) => return b.hint(lang),
            CannotRead {
                what: Unreadable::SiteConfig,
                ..
            } => say!(lang,
                en: "run vinhdanh in the site's folder, or give it with --root DIR",
                vi: "chạy vinhdanh trong thư mục của trang, hoặc chỉ ra thư mục bằng --root THƯ_MỤC"),
            CannotRead {
                what: Unreadable::RecipientsCsv { .. },
                ..
            } => say!(lang,
                en: "the CSV file sits beside the award list's .toml file; check its name",
                vi: "tệp CSV nằm cạnh tệp .toml của danh sách khen thưởng; hãy kiểm tra tên tệp"),
            NotUtf8 => say!(lang,
                en: "save it as UTF-8 (in most editors: File → Save with Encoding → UTF-8)",
                vi: "lưu lại tệp dạng UTF-8 (trong hầu hết trình soạn thảo: File → Save with Encoding → UTF-8)"),
            EmptyFile => say!(lang,
                en: "`vinhdanh new profile \"<name>\"` makes a file with every field ready to fill in",
                vi: "lệnh `vinhdanh new profile \"<tên>\"` tạo sẵn một tệp có đủ các trường để điền"),
            NoFrontMatter { first_line } if first_line.trim() == "---" => say!(lang,
                en: "front matter sits between lines of +++ (TOML), not --- (YAML)",
                vi: "phần thông tin nằm giữa hai dòng +++ (TOML), không phải --- (YAML)"),
            NoFrontMatter { .. } => say!(lang,
                en: "put a line of +++ first, then the fields, then another line of +++, then the text",
                vi: "dòng đầu tiên là +++, tiếp theo là các trường, rồi một dòng +++ nữa, sau đó là bài viết"),
            FrontMatterNotClosed => {
                say!(lang, en: "add a line of +++ after the last field", vi: "thêm một dòng +++ sau trường cuối cùng")
            }
            Blank { .. } => say!(lang,
                en: "replace ___ with the value; the comment at the end of the line says what to write",
                vi: "thay ___ bằng giá trị; chú thích ở cuối dòng cho biết cần ghi gì"),
            TomlSyntax {
                part: TomlPart::UiStrings,
                ..
            } => say!(lang,
                en: "a UI strings file holds lines of the form key = \"text\"",
                vi: "tệp chuỗi giao diện gồm các dòng dạng khoa = \"chữ\""),
            TomlSyntax { .. } => say!(lang,
                en: "each line is a field: name = value, with text in double quotes, e.g. name = \"Nguyễn Văn An\"",
                vi: "mỗi dòng là một trường: tên = giá trị, chữ đặt trong dấu ngoặc kép, ví dụ name = \"Nguyễn Văn An\""),
            WrongType {
                expected:
                    Expected::WholeNumber { .. }
                    | Expected::Number
                    | Expected::Date
                    | Expected::TrueFalse,
                found: Found::Text(s),
                ..
            } => say!(lang,
                en: "remove the double quotes around {s}",
                vi: "bỏ dấu ngoặc kép quanh {s}"),
            WrongType {
                expected: Expected::Text | Expected::Localised,
                found: Found::Number(_) | Found::Bool(_),
                ..
            } => say!(lang,
                en: "put the value in double quotes",
                vi: "đặt giá trị trong dấu ngoặc kép"),
            WrongType { .. } | TomlOther { .. } => return None,
            MissingField { field, .. } => say!(lang,
                en: "add a line {field} = … (see `vinhdanh new` for every field with a comment)",
                vi: "thêm một dòng {field} = … (lệnh `vinhdanh new` tạo tệp mẫu có chú thích từng trường)"),
            UnknownField {
                suggestion: Some(s),
                ..
            } => say!(lang, en: "did you mean `{s}`?", vi: "có phải ý bạn là `{s}`?"),
            UnknownField { known, .. } => {
                let known = joined(known, ", ".to_owned());
                say!(lang, en: "the fields allowed here are {known}", vi: "các trường dùng được ở đây là {known}")
            }
            UnknownValue {
                suggestion: Some(s),
                ..
            }
            | UnknownCampaign {
                suggestion: Some(s),
                ..
            }
            | UnknownAwardType {
                suggestion: Some(s),
                ..
            }
            | UnknownProfile {
                suggestion: Some(s),
                ..
            } => did_you_mean(s, lang),
            UnknownAwardType { .. } => say!(lang,
                en: "award types are listed in the README; a site can add its own under [award_types] in site.toml",
                vi: "các loại khen thưởng được liệt kê trong README; trang có thể thêm loại riêng trong [award_types] của site.toml"),
            DuplicateKey { .. } => {
                say!(lang, en: "keep one of the two lines", vi: "chỉ giữ một trong hai dòng")
            }
            UnknownDefaultLanguage { code, .. } => say!(lang,
                en: "add a [languages.{code}] table with a title, or set default_language to one of the languages",
                vi: "thêm bảng [languages.{code}] có title, hoặc đặt default_language là một trong các ngôn ngữ đã khai báo"),
            UnknownTheme { .. } => say!(lang,
                en: "remove `theme` to use the built-in default theme",
                vi: "bỏ dòng `theme` để dùng giao diện mặc định có sẵn"),
            NotATranslationLanguage { ext, known, .. } => {
                let known = if known.is_empty() {
                    say!(lang, en: "(none configured)", vi: "(chưa khai báo)")
                } else {
                    known.join(", ")
                };
                say!(lang,
                    en: "translations are named <name>.<language>{ext} with one of: {known}; the original has no language code",
                    vi: "bản dịch đặt tên <tên>.<ngôn ngữ>{ext} với một trong: {known}; bản gốc không có mã ngôn ngữ")
            }
            DuplicateSlug {
                section: Section::Awards,
                ..
            } => say!(lang, en: "rename one of the two files", vi: "đổi tên một trong hai tệp"),
            DuplicateSlug { .. } => say!(lang,
                en: "rename one file, or give one a different `slug`",
                vi: "đổi tên một tệp, hoặc đặt `slug` khác cho một trong hai"),
            TranslationWithoutOriginal { .. } => say!(lang,
                en: "a translation sits beside its original, named <original name>.<language>.md",
                vi: "bản dịch nằm cạnh bản gốc, đặt tên <tên bản gốc>.<ngôn ngữ>.md"),
            EndBeforeStart { .. } => say!(lang,
                en: "a campaign ends in or after the year it starts",
                vi: "phong trào kết thúc cùng năm hoặc sau năm bắt đầu"),
            NoRecipients => say!(lang,
                en: "add [[recipients]] tables, or name a CSV file with recipients_csv = \"file.csv\"",
                vi: "thêm các bảng [[recipients]], hoặc chỉ ra tệp CSV bằng recipients_csv = \"tep.csv\""),
            PhotoAbsolute { .. } | PhotoOutside { .. } => say!(lang,
                en: "copy the photo next to the profile (or into its folder) and write photo = \"photo.jpg\"",
                vi: "chép ảnh vào cạnh tệp hồ sơ (hoặc vào thư mục của hồ sơ) rồi ghi photo = \"anh.jpg\""),
            BrokenLink { .. } => say!(lang,
                en: "internal links look like @/profiles/<file>.md or @/campaigns/<file>.md",
                vi: "liên kết nội bộ có dạng @/profiles/<tệp>.md hoặc @/campaigns/<tệp>.md"),
            CsvNotUtf8 { .. } => say!(lang,
                en: "open it and save it again as UTF-8: in Excel choose File → Save As → \
                     \"CSV UTF-8 (Comma delimited) (*.csv)\"; in LibreOffice choose File → Save As, tick \
                     \"Edit filter settings\" and choose the character set \"Unicode (UTF-8)\"",
                vi: "mở tệp và lưu lại dạng UTF-8: trong Excel chọn File → Save As → \
                     \"CSV UTF-8 (Comma delimited) (*.csv)\"; trong LibreOffice chọn File → Save As, đánh dấu \
                     \"Edit filter settings\" rồi chọn bộ ký tự \"Unicode (UTF-8)\""),
            CsvDuplicateColumn { .. } => {
                say!(lang, en: "delete one of the two columns", vi: "xóa một trong hai cột")
            }
            CsvUnknownColumn {
                fix: ColumnFix::RowNumbers,
                ..
            } => say!(lang,
                en: "row numbers are not needed: delete this column",
                vi: "không cần cột số thứ tự: xóa cột này"),
            CsvUnknownColumn {
                fix: ColumnFix::Rename(name),
                ..
            } => say!(lang, en: "did you mean `{name}`?", vi: "có phải ý bạn là `{name}`?"),
            CsvUnknownColumn {
                fix: ColumnFix::DeleteOrRename,
                ..
            } => say!(lang,
                en: "delete this column, or rename it to one of the accepted names",
                vi: "xóa cột này, hoặc đổi tên thành một trong các tên được chấp nhận"),
            CsvMissingColumn { .. } => say!(lang,
                en: "the first row of the file must name the columns, for example `name;kind;unit` or `Họ và tên;Loại;Đơn vị`",
                vi: "dòng đầu tiên của tệp phải ghi tên các cột, ví dụ `Họ và tên;Loại;Đơn vị` hoặc `name;kind;unit`"),
            CsvRagged { separator, .. } => say!(lang,
                en: "check for a missing or extra `{separator}`, or a value containing `{separator}` that is not inside double quotes",
                vi: "kiểm tra xem có thiếu hoặc thừa dấu `{separator}`, hoặc có giá trị chứa `{separator}` mà không nằm trong dấu ngoặc kép"),
            CsvValueWithoutColumn { accepted, .. } => say!(lang,
                en: "name the column in the header row ({accepted}) or empty it",
                vi: "đặt tên cột ở dòng tiêu đề ({accepted}) hoặc xóa trắng cột"),
            MissingUiString { key, lang: code } => say!(lang,
                en: "add {key} = \"…\" to i18n/{code}.toml",
                vi: "thêm {key} = \"…\" vào i18n/{code}.toml"),
            Template {
                fault: TemplateFault::Render,
                ..
            } => say!(lang,
                en: "check the names the template uses against the variables the theme documents",
                vi: "kiểm tra tên biến trong mẫu trang so với các biến giao diện cung cấp"),
            OutputRefused { .. } => say!(lang,
                en: "choose another folder with --output-dir or output_dir in site.toml",
                vi: "chọn thư mục khác bằng --output-dir hoặc output_dir trong site.toml"),
            FileExists { .. } => say!(lang,
                en: "choose another name, or edit the existing file",
                vi: "chọn tên khác, hoặc sửa tệp đã có"),
            _ => return None,
        };
        Some(hint)
    }

    /// What a library said, word for word, when our message is built on it.
    pub fn detail(&self) -> Option<&str> {
        match self {
            Problem::WrongType { detail, .. } => Some(detail),
            _ => None,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_is_said_in_both_languages() {
        let samples = [
            Problem::WrongType {
                key: Some("year".into()),
                expected: Expected::WholeNumber { example: 2020 },
                found: Found::Text("2020".into()),
                detail: "invalid type: string \"2020\", expected i64".into(),
            },
            Problem::CsvNotUtf8 { line: 3 },
            Problem::OutputRefused {
                folder: "docs".into(),
                reason: Refusal::Foreign,
            },
        ];
        for p in samples {
            let (en, vi) = (p.message(Lang::En), p.message(Lang::Vi));
            assert_ne!(en, vi);
            assert!(p.hint(Lang::En).is_some() == p.hint(Lang::Vi).is_some());
        }
    }

    #[test]
    fn a_wrong_type_reads_as_plain_words() {
        let p = Problem::WrongType {
            key: Some("year".into()),
            expected: Expected::WholeNumber { example: 2020 },
            found: Found::Text("2020".into()),
            detail: String::new(),
        };
        assert_eq!(
            p.message(Lang::En),
            "`year` must be a whole number such as 2020, found the text \"2020\""
        );
        assert_eq!(
            p.message(Lang::Vi),
            "`year` phải là một số nguyên, ví dụ 2020, nhưng đang là chữ \"2020\""
        );
        assert_eq!(
            p.hint(Lang::En).as_deref(),
            Some("remove the double quotes around 2020")
        );
    }

    #[test]
    fn lists_read_naturally() {
        let items = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert_eq!(or_list(&items, Lang::En), "`a`, `b` or `c`");
        assert_eq!(or_list(&items[..1], Lang::Vi), "`a`");
    }
}
