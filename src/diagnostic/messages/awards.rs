//! Problems with what an award list or an inline award says of itself:
//! a blank decision, counts that count nothing, an award a recipient or
//! count cannot take, a reversed period, a list that names no one, a
//! withheld recipient with a profile, an award name that matches nothing,
//! an old address (`aliases`) that cannot be one.

use super::{did_you_mean, say};
use crate::diagnostic::Lang;
use crate::diagnostic::boundary::OutputSource;
use crate::vocab::Kind;

/// An award type as messages name it: its name in each messages
/// language, and its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwardName {
    pub key: String,
    pub vi: String,
    pub en: String,
}

impl AwardName {
    /// `Lao động tiên tiến` in Vietnamese, `Advanced Worker` in English.
    fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Vi => &self.vi,
        }
    }

    /// `Lao động tiên tiến (lao-dong-tien-tien)`: a name to copy.
    fn with_key(&self, lang: Lang) -> String {
        format!("{} ({})", self.name(lang), self.key)
    }
}

/// A value of an award list or inline award that cannot be right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AwardProblem {
    /// `decision = ""`: leave the field out when the number is unknown.
    BlankDecision,
    /// An award named by a name (or key) that matches nothing; the closest
    /// names, as `Name (key)`, best first.
    UnknownAward {
        written: String,
        closest: Vec<AwardName>,
    },
    /// A recipient or count names no award, and the list has none.
    NoAward,
    /// A recipient without `kind` whose award is for both kinds.
    NoKind {
        award: AwardName,
    },
    /// A count of a kind its award cannot be given to.
    CountNotFor {
        award: AwardName,
        kind: Kind,
    },
    /// A count with both numbers 0 (or left out).
    CountOfNothing,
    /// A number of a count below 0.
    NegativeCount {
        field: &'static str,
        value: i64,
    },
    /// A number of a count beyond what any decision honours (a typo; and
    /// totals must add up without overflowing).
    CountTooLarge {
        field: &'static str,
        value: i64,
        max: i64,
    },
    /// `period` that is not two years, first not after the last.
    PeriodShape {
        found: usize,
    },
    PeriodReversed {
        from: i64,
        to: i64,
    },
    /// A list without `date` must say its `year`.
    NoYear,
    /// A list with neither recipients nor counts.
    NobodyHonoured,
    /// A withheld recipient that links to a profile: the profile's page
    /// would name the person who asked not to be named.
    WithheldProfile {
        profile: String,
    },
    /// An `attachment` that is not a PDF (by its first bytes).
    AttachmentNotPdf {
        name: String,
    },
    /// An alias that is not a path of the site (`/ho-so/ten-cu/`).
    AliasNotAPath {
        alias: String,
    },
    /// An alias at the address of a page the site builds, or of another alias.
    AliasTaken {
        alias: String,
        taken_by: OutputSource,
    },
}

impl AwardProblem {
    /// What is wrong and what was expected, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use AwardProblem::*;
        match self {
            BlankDecision => say!(lang,
                en: "`decision` is blank: write the decision's number, such as \"631/QĐ-UBND\"",
                vi: "`decision` đang để trống: ghi số quyết định, ví dụ \"631/QĐ-UBND\""),
            UnknownAward { written, .. } => say!(lang,
                en: "no award type is called \"{written}\"",
                vi: "không có hình thức khen thưởng nào tên là \"{written}\""),
            NoAward => say!(lang,
                en: "this names no award, and the list has no `award` for it to take",
                vi: "mục này không ghi hình thức khen thưởng, và danh sách cũng không có `award` chung"),
            NoKind { award } => {
                let award = award.name(lang);
                say!(lang,
                en: "`kind` is missing: \"{award}\" is given to individuals and to collectives",
                vi: "thiếu `kind`: \"{award}\" trao cho cả cá nhân và tập thể")
            }
            CountNotFor { award, kind } => {
                let award = award.name(lang);
                let who = match (kind, lang) {
                    (Kind::Individual, Lang::En) => "individuals",
                    (Kind::Individual, Lang::Vi) => "cá nhân",
                    (Kind::Collective, Lang::En) => "collectives",
                    (Kind::Collective, Lang::Vi) => "tập thể",
                };
                say!(lang,
                    en: "\"{award}\" cannot be given to {who}, but this count has some",
                    vi: "\"{award}\" không trao cho {who}, nhưng mục đếm này có {who}")
            }
            CountOfNothing => say!(lang,
                en: "this count counts no one: `individuals` and `collectives` are both 0 or missing",
                vi: "mục đếm này không đếm ai: `individuals` và `collectives` đều bằng 0 hoặc bị bỏ trống"),
            NegativeCount { field, value } => say!(lang,
                en: "`{field}` must be a number of people, 0 or more, found {value}",
                vi: "`{field}` phải là một số lượng, từ 0 trở lên, nhưng đang là {value}"),
            CountTooLarge { field, value, max } => say!(lang,
                en: "`{field}` is {value}: no decision honours more than {max} people",
                vi: "`{field}` đang là {value}: không quyết định nào khen quá {max} người"),
            PeriodShape { found } => say!(lang,
                en: "`period` must be two years, the first and the last, such as [2018, 2022]; found {found}",
                vi: "`period` phải gồm hai năm, năm đầu và năm cuối, ví dụ [2018, 2022]; đang có {found}"),
            PeriodReversed { from, to } => say!(lang,
                en: "`period` runs backwards: {from} is after {to}",
                vi: "`period` bị ngược: {from} sau {to}"),
            NoYear => say!(lang,
                en: "this list has no `date`, so it must say its `year`",
                vi: "danh sách này không có `date` nên phải ghi `year`"),
            NobodyHonoured => say!(lang,
                en: "this award list names no recipient and counts no one",
                vi: "danh sách khen thưởng này không có người nhận nào và không có số lượng nào"),
            WithheldProfile { profile } => say!(lang,
                en: "this recipient is withheld, but it links to the profile \"{profile}\", whose page would name them",
                vi: "người nhận này được ẩn tên, nhưng lại liên kết tới hồ sơ \"{profile}\", trang hồ sơ sẽ nêu tên họ"),
            AttachmentNotPdf { name } => say!(lang,
                en: "the attached decision \"{name}\" is not a PDF file (a PDF starts with %PDF-)",
                vi: "tệp quyết định đính kèm \"{name}\" không phải tệp PDF (tệp PDF bắt đầu bằng %PDF-)"),
            AliasNotAPath { alias } => say!(lang,
                en: "the old address \"{alias}\" is not a path of this site",
                vi: "địa chỉ cũ \"{alias}\" không phải là một đường dẫn của trang"),
            AliasTaken { alias, taken_by } => {
                let taken_by = taken_by.words(lang);
                say!(lang,
                en: "the old address \"{alias}\" is already {taken_by}",
                vi: "địa chỉ cũ \"{alias}\" đã là {taken_by}")
            }
        }
    }

    /// A suggestion for fixing it, in `lang`.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use AwardProblem::*;
        let hint = match self {
            BlankDecision => say!(lang,
                en: "when the report gives no number, leave `decision` out: the page is then titled by its award, year and issuer",
                vi: "khi báo cáo không ghi số, hãy bỏ dòng `decision`: trang sẽ lấy tên theo hình thức khen thưởng, năm và cơ quan ban hành"),
            UnknownAward { closest, .. } if closest.len() == 1 => {
                did_you_mean(&closest[0].with_key(lang), lang)
            }
            UnknownAward { closest, .. } if !closest.is_empty() => {
                let names: Vec<String> = closest.iter().map(|a| a.with_key(lang)).collect();
                let names = names.join("; ");
                say!(lang, en: "the closest names: {names}", vi: "các tên gần nhất: {names}")
            }
            UnknownAward { .. } => say!(lang,
                en: "write an award's name as the catalogue has it (the README lists them) or its key; a site can add its own under [award_types] in site.toml",
                vi: "ghi tên hình thức khen thưởng như trong danh mục (README liệt kê) hoặc mã của nó; trang có thể thêm loại riêng trong [award_types] của site.toml"),
            NoAward => say!(lang,
                en: "write award = \"…\" here, or once at the top of the file for every recipient",
                vi: "ghi award = \"…\" tại đây, hoặc một lần ở đầu tệp cho mọi người nhận"),
            NoKind { .. } => say!(lang,
                en: "write kind = \"cá nhân\" or kind = \"tập thể\"",
                vi: "ghi kind = \"cá nhân\" hoặc kind = \"tập thể\""),
            CountTooLarge { .. } => say!(lang,
                en: "check the number against the decision: write how many it honours, such as individuals = 21",
                vi: "đối chiếu lại với quyết định: ghi số người được khen, ví dụ individuals = 21"),
            CountOfNothing => say!(lang,
                en: "write individuals = 21 or collectives = 3 (or both)",
                vi: "ghi individuals = 21 hoặc collectives = 3 (hoặc cả hai)"),
            PeriodShape { .. } | PeriodReversed { .. } => say!(lang,
                en: "write the stage's first year, then its last: period = [2018, 2022]",
                vi: "ghi năm đầu rồi năm cuối của giai đoạn: period = [2018, 2022]"),
            NoYear => say!(lang,
                en: "add year = 2023 (the year of the achievement), or the decision's date = 2023-04-21",
                vi: "thêm year = 2023 (năm của thành tích), hoặc ngày quyết định date = 2023-04-21"),
            NobodyHonoured => say!(lang,
                en: "add [[recipients]] with names, [[counts]] with numbers (individuals = 21), or the agency's spreadsheet: recipients_xlsx = \"file.xlsx\" or recipients_csv = \"file.csv\"",
                vi: "thêm [[recipients]] có tên, [[counts]] có số lượng (individuals = 21), hoặc bảng tính của cơ quan: recipients_xlsx = \"tep.xlsx\" hay recipients_csv = \"tep.csv\""),
            WithheldProfile { .. } => say!(lang,
                en: "a person who asked not to be named has no profile page: remove the profile (or the withheld mark, if they agree to be named)",
                vi: "người đã đề nghị không nêu tên thì không có trang hồ sơ: bỏ liên kết hồ sơ (hoặc bỏ đánh dấu ẩn, nếu họ đồng ý được nêu tên)"),
            AttachmentNotPdf { .. } => say!(lang,
                en: "attach the signed decision as a PDF: scan it to PDF, or in Word use File → Save As → PDF",
                vi: "đính kèm quyết định đã ký dạng PDF: quét thành PDF, hoặc trong Word chọn File → Save As → PDF"),
            AliasNotAPath { .. } => say!(lang,
                en: "write the old path from the site's root, starting with /, such as \"/ho-so/ten-cu/\"",
                vi: "ghi đường dẫn cũ tính từ gốc trang, bắt đầu bằng /, ví dụ \"/ho-so/ten-cu/\""),
            AliasTaken { .. } => say!(lang,
                en: "an old address must not be the address of a page the site still has",
                vi: "địa chỉ cũ không được trùng địa chỉ của một trang vẫn còn trên trang web"),
            _ => return None,
        };
        Some(hint)
    }
}
