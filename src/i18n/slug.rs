//! URL slugs from Vietnamese names and file stems.
//!
//! Pages are addressed by ASCII slugs (`/ho-so/nguyen-thi-dao/`), so the
//! slug of "Nguyễn Thị Đào" must drop the tone and vowel marks, turn `đ`/`Đ`
//! into `d`, and give the same result whether the name was typed
//! precomposed (NFC) or decomposed (NFD, as some keyboards and macOS file
//! names produce). Transliteration is done by the `slug` crate (deunicode
//! tables); the input is normalised to NFC first so decomposed letters are
//! transliterated as whole letters.

use super::text::nfc;

/// Turns `s` into a URL slug: Vietnamese diacritics removed, `đ`/`Đ` → `d`,
/// ASCII lowercase, every run of other characters → one `-`, no leading or
/// trailing `-`.
///
/// `"Nguyễn Thị Đào"` → `"nguyen-thi-dao"`; `"H'Hen Niê"` → `"h-hen-nie"`.
/// Input with no letters or digits gives `""`.
pub fn slugify(s: &str) -> String {
    ::slug::slugify(nfc(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::text::nfd;

    #[test]
    fn vietnamese_names() {
        assert_eq!(slugify("Nguyễn Thị Đào"), "nguyen-thi-dao");
        assert_eq!(
            slugify("Ban Dân tộc tỉnh Cao Bằng"),
            "ban-dan-toc-tinh-cao-bang"
        );
        assert_eq!(slugify("H'Hen Niê"), "h-hen-nie");
        assert_eq!(slugify("Tô Thị Hoa"), "to-thi-hoa");
        assert_eq!(slugify("ĐẶNG VĂN ĐỨC"), "dang-van-duc");
        assert_eq!(slugify("Trương Mỹ Hoa"), "truong-my-hoa");
        assert_eq!(slugify("Lữ Quỳnh Như"), "lu-quynh-nhu");
        assert_eq!(
            slugify("Ủy ban nhân dân xã Ia Kriêng"),
            "uy-ban-nhan-dan-xa-ia-krieng"
        );
    }

    #[test]
    fn every_vietnamese_letter_maps_to_its_base() {
        let cases = [
            ("aàáảãạăằắẳẵặâầấẩẫậ", 'a'),
            ("eèéẻẽẹêềếểễệ", 'e'),
            ("iìíỉĩị", 'i'),
            ("oòóỏõọôồốổỗộơờớởỡợ", 'o'),
            ("uùúủũụưừứửữự", 'u'),
            ("yỳýỷỹỵ", 'y'),
            ("dđ", 'd'),
        ];
        for (letters, base) in cases {
            for c in letters.chars() {
                for form in [c.to_string(), c.to_uppercase().collect()] {
                    let nfd = nfd(&form);
                    assert_eq!(slugify(&form), base.to_string(), "{form}");
                    assert_eq!(slugify(&nfd), base.to_string(), "NFD {form}");
                }
            }
        }
    }

    #[test]
    fn decomposed_input_gives_the_same_slug() {
        for s in [
            "Nguyễn Thị Đào",
            "Ban Dân tộc tỉnh Cao Bằng",
            "H'Hen Niê",
            "Trường THPT chuyên Lê Quý Đôn",
        ] {
            let nfd = nfd(s);
            assert_ne!(nfd, s);
            assert_eq!(slugify(&nfd), slugify(s), "{s}");
        }
        // Marks typed after the base letter in non-canonical order.
        assert_eq!(slugify("Nguye\u{303}\u{302}n"), "nguyen");
    }

    #[test]
    fn separators_collapse_and_trim() {
        assert_eq!(slugify("  --Đào__Hoa!!  "), "dao-hoa");
        assert_eq!(slugify("to-thi-hoa"), "to-thi-hoa");
        assert_eq!(
            slugify("Quyết định số 123/QĐ-UBND"),
            "quyet-dinh-so-123-qd-ubnd"
        );
        assert_eq!(
            slugify("Năm 2023 – “Chiến sĩ thi đua”…"),
            "nam-2023-chien-si-thi-dua"
        );
        assert_eq!(slugify("a\tb\nc"), "a-b-c");
    }

    #[test]
    fn nothing_to_keep_gives_empty() {
        assert_eq!(slugify(""), "");
        assert_eq!(slugify("  "), "");
        assert_eq!(slugify("--//!!"), "");
        assert_eq!(slugify("\u{301}\u{303}"), "");
    }

    #[test]
    fn output_is_always_clean_ascii() {
        for s in [
            "Đào",
            "x — y",
            "Ωμέγα",
            "한국어",
            "日本",
            "😀 hi",
            "a\u{0}b",
            "\u{FEFF}x",
        ] {
            let out = slugify(s);
            assert!(
                out.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{s} → {out}"
            );
            assert!(
                !out.starts_with('-') && !out.ends_with('-') && !out.contains("--"),
                "{out}"
            );
        }
    }
}
