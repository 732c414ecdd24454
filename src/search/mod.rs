//! The search index: files the build writes so that the
//! search page (`/tim-kiem/`, `/en/search/`) finds profiles and award-list
//! recipients in the browser, with no server and no outside request.
//!
//! The index holds *records* (a profile, or a recipient without a profile)
//! rather than pages, so that 200,000 recipients of a few hundred award
//! lists are 200,000 results with their own year, award type, kind,
//! campaign and unit. docs/search.md describes the files; in short:
//!
//! * words are [`fold`]ed (NFD, combining marks dropped, `đ` → `d`,
//!   lower case) so `loc ninh` finds `Lộc Ninh`; the browser folds the
//!   query the same way (`search.js`);
//! * postings (word → record ids, name and other fields apart) live in
//!   shards by the word's first letters ([`postings`]); a query fetches
//!   only the shards of its words;
//! * facet columns (one small integer per record and facet) make facet
//!   counts exact over every match;
//! * what a result shows is in chunks of [`CHUNK`] records per language,
//!   fetched only for the results shown.

mod index;
mod postings;

pub use index::{IndexFile, build_index};

use icu_normalizer::DecomposingNormalizerBorrowed;
use icu_properties::CodePointMapData;
use icu_properties::props::{GeneralCategory, GeneralCategoryGroup};

/// Records per display chunk.
pub const CHUNK: usize = 128;

/// Text as search compares it: decomposed (NFD), combining marks (tone
/// and vowel marks) dropped, `đ`/`Đ` as `d`, lower case. `"Nguyễn Đào"` →
/// `"nguyen dao"`. `search.js` folds queries the same way.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = None;
    for (at, c) in text.char_indices() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            rest = Some(at);
            break;
        }
    }
    let Some(at) = rest else {
        return out;
    };
    // Marks are dropped whatever their order, so each letter can be
    // decomposed on its own: ASCII (most letters) needs no table.
    let categories = CodePointMapData::<GeneralCategory>::new();
    let nfd = DecomposingNormalizerBorrowed::new_nfd();
    for c in text[at..].chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for d in nfd.normalize_iter(std::iter::once(c)) {
            if GeneralCategoryGroup::Mark.contains(categories.get(d)) {
                continue;
            }
            if d == 'đ' || d == 'Đ' {
                out.push('d');
            } else {
                out.extend(d.to_lowercase());
            }
        }
    }
    out
}

/// The folded words of `text`: runs of letters and digits.
/// `"H'Hen Niê"` → `["h", "hen", "nie"]`.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_every_vietnamese_mark() {
        assert_eq!(fold("Nguyễn Văn Đào"), "nguyen van dao");
        assert_eq!(fold("LỘC NINH"), "loc ninh");
        assert_eq!(fold("lộc ninh"), fold("loc ninh"));
        assert_eq!(fold("Ưng Ơn Ấy Ỹ"), "ung on ay y");
        // Decomposed input (as some keyboards type it) folds the same.
        assert_eq!(fold("Lo\u{323}\u{302}c"), "loc");
        assert_eq!(fold("đĐ"), "dd");
    }

    #[test]
    fn words_split_on_everything_but_letters_and_digits() {
        assert_eq!(words("H'Hen Niê"), ["h", "hen", "nie"]);
        assert_eq!(words("631/QĐ-UBND"), ["631", "qd", "ubnd"]);
        assert_eq!(words("</script><script>"), ["script", "script"]);
        assert!(words(" -- ").is_empty());
    }
}
