//! Problems with what one file says about another: campaigns, award types
//! and profiles that do not exist or do not fit, photos, `@/` links.

use super::{did_you_mean, say};
use crate::diagnostic::Lang;
use crate::vocab::Kind;

/// A reference from one file to another that does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReferenceProblem {
    UnknownCampaign {
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
}

impl ReferenceProblem {
    /// What is wrong and what was expected, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use ReferenceProblem::*;
        match self {
            UnknownCampaign { key, .. } => say!(lang,
                en: "there is no campaign \"{key}\" (a file content/campaigns/{key}.md)",
                vi: "không có phong trào \"{key}\" (tệp content/campaigns/{key}.md)"),
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
        }
    }

    /// A suggestion for fixing it, in `lang`.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use ReferenceProblem::*;
        let hint = match self {
            UnknownCampaign {
                suggestion: Some(s),
                ..
            }
            | UnknownProfile {
                suggestion: Some(s),
                ..
            } => did_you_mean(s, lang),
            PhotoAbsolute { .. } | PhotoOutside { .. } => say!(lang,
                en: "copy the photo next to the profile (or into its folder) and write photo = \"photo.jpg\"",
                vi: "chép ảnh vào cạnh tệp hồ sơ (hoặc vào thư mục của hồ sơ) rồi ghi photo = \"anh.jpg\""),
            BrokenLink { .. } => say!(lang,
                en: "internal links look like @/profiles/<file>.md, @/campaigns/<file>.md or @/awards/<file>.toml",
                vi: "liên kết nội bộ có dạng @/profiles/<tệp>.md, @/campaigns/<tệp>.md hoặc @/awards/<tệp>.toml"),
            _ => return None,
        };
        Some(hint)
    }
}

fn kind_words(kind: Kind, lang: Lang) -> String {
    match kind {
        Kind::Individual => say!(lang, en: "an individual", vi: "cá nhân"),
        Kind::Collective => say!(lang, en: "a collective", vi: "tập thể"),
    }
}
