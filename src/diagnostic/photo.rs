//! Problems with a profile's photo file itself, and their words: a format
//! vinhdanh does not read (HEIC from an iPhone), a file that is no image, a
//! damaged or cut-short image, one too large in pixels or in bytes, and a
//! photo cache that cannot be used.
//!
//! Where the photo is (absolute, missing, outside `content/`) is told by
//! the problems beside the other profile checks; these come from
//! [`crate::photo`], which decodes the file. One [`PhotoProblem`] value is
//! carried by [`super::Problem::Photo`].

use super::Lang;
use super::messages::say;

/// What is wrong with a photo file (`photo`: the name as the profile
/// writes it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoProblem {
    /// An image format vinhdanh does not read (`format`: its name, e.g. HEIC).
    Unsupported { photo: String, format: String },
    /// Not an image at all (a renamed text file…).
    NotAnImage { photo: String },
    /// An image that cannot be decoded: damaged or cut short.
    Damaged { photo: String, detail: String },
    /// More pixels than vinhdanh decodes.
    TooManyPixels {
        photo: String,
        width: u32,
        height: u32,
        limit: u32,
    },
    /// A larger file than vinhdanh reads as a photo.
    TooManyBytes {
        photo: String,
        bytes: u64,
        limit: u64,
    },
    /// The photo cache folder cannot be used (`folder`: where it is).
    Cache { folder: String, detail: String },
}

const JPEG_ADVICE_EN: &str = "open the photo and save or export it as JPEG (on an iPhone: Settings → Camera → Formats → Most Compatible; on a computer: open it in Photos or Paint and choose Save As → JPEG)";
const JPEG_ADVICE_VI: &str = "mở ảnh rồi lưu hoặc xuất lại dạng JPEG (trên iPhone: Cài đặt → Camera → Định dạng → Tương thích nhất; trên máy tính: mở ảnh bằng Ảnh (Photos) hoặc Paint rồi chọn Lưu thành → JPEG)";

fn megabytes(bytes: u64) -> u64 {
    bytes.div_ceil(1024 * 1024)
}

impl PhotoProblem {
    /// What is wrong and what was expected, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use PhotoProblem::*;
        match self {
            Unsupported { photo, format } => say!(lang,
                en: "the photo \"{photo}\" is a {format} image; vinhdanh reads JPEG, PNG and WebP photos",
                vi: "ảnh \"{photo}\" có định dạng {format}; vinhdanh chỉ đọc ảnh JPEG, PNG và WebP"),
            NotAnImage { photo } => say!(lang,
                en: "the photo \"{photo}\" is not an image (it is not JPEG, PNG or WebP)",
                vi: "tệp ảnh \"{photo}\" không phải là ảnh (không phải JPEG, PNG hay WebP)"),
            Damaged { photo, detail } => say!(lang,
                en: "the photo \"{photo}\" cannot be read: it is damaged or cut short ({detail})",
                vi: "không đọc được ảnh \"{photo}\": tệp bị hỏng hoặc bị cắt cụt ({detail})"),
            TooManyPixels {
                photo,
                width,
                height,
                limit,
            } => say!(lang,
                en: "the photo \"{photo}\" is {width} × {height} pixels; vinhdanh reads photos of up to {limit} pixels on each side",
                vi: "ảnh \"{photo}\" có kích thước {width} × {height} điểm ảnh; vinhdanh chỉ đọc ảnh tối đa {limit} điểm ảnh mỗi chiều"),
            TooManyBytes {
                photo,
                bytes,
                limit,
            } => {
                let (size, limit) = (megabytes(*bytes), megabytes(*limit));
                say!(lang,
                    en: "the photo \"{photo}\" is {size} MB; vinhdanh reads photos of up to {limit} MB",
                    vi: "ảnh \"{photo}\" nặng {size} MB; vinhdanh chỉ đọc ảnh tối đa {limit} MB")
            }
            Cache { folder, detail } => say!(lang,
                en: "cannot use the photo cache folder {folder}: {detail}",
                vi: "không dùng được thư mục lưu tạm ảnh {folder}: {detail}"),
        }
    }

    /// A suggestion for fixing it, in `lang`.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        use PhotoProblem::*;
        Some(match self {
            Unsupported { .. } | NotAnImage { .. } | Damaged { .. } => {
                say!(lang, en: "{JPEG_ADVICE_EN}", vi: "{JPEG_ADVICE_VI}")
            }
            TooManyPixels { .. } | TooManyBytes { .. } => say!(lang,
                en: "save a smaller copy as JPEG, about 2000 pixels on the long side; the site publishes at most 1200",
                vi: "lưu một bản nhỏ hơn dạng JPEG, cạnh dài khoảng 2000 điểm ảnh; trang chỉ đăng tối đa 1200"),
            Cache { .. } => say!(lang,
                en: "set VINHDANH_CACHE to a folder you can write, outside the site and its output",
                vi: "đặt biến VINHDANH_CACHE là một thư mục ghi được, nằm ngoài trang và thư mục kết quả"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_has_words_and_advice_in_both_languages() {
        let photo = "anh.heic".to_owned();
        let all = [
            PhotoProblem::Unsupported {
                photo: photo.clone(),
                format: "HEIC".into(),
            },
            PhotoProblem::NotAnImage {
                photo: photo.clone(),
            },
            PhotoProblem::TooManyBytes {
                photo,
                bytes: 70 << 20,
                limit: 64 << 20,
            },
        ];
        for p in &all {
            for lang in [Lang::Vi, Lang::En] {
                assert!(p.message(lang).contains("anh.heic"));
                assert!(p.hint(lang).is_some_and(|h| h.contains("JPEG")));
            }
        }
        assert!(all[2].message(Lang::En).contains("70 MB"));
    }
}
