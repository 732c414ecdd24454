//! Text hygiene for everything read from disk: decoding source files
//! (BOM, invalid UTF-8 with a precise position, CRLF/CR line endings),
//! Unicode NFC normalisation (Vietnamese typed on some systems arrives
//! decomposed, and `Nguyễn` in NFD must equal `Nguyễn` in NFC for slugs,
//! sorting and cross-references), and plain-text summaries.
//!
//! The decoder runs over every content file, so the common case — UTF-8
//! without BOM, LF line endings, already NFC — is validated in place and
//! copied exactly once into the returned `String`.

use std::borrow::Cow;
use std::fmt;

use icu_normalizer::ComposingNormalizerBorrowed;

/// An award's name as names are compared (`Chiến sỹ thi đua` and `chiến
/// sĩ  thi đua` are one name): decomposed, lower case, runs of spaces as
/// one, and `y` ending a syllable after a consonant read as `i` (documents
/// write `sỹ`/`sĩ`, `kỹ`/`kĩ`, `lý`/`lí` both ways). Tones and other marks
/// are kept: `Tiến` is not `Tiền`.
pub fn fold_name(s: &str) -> String {
    let chars: Vec<char> = icu_normalizer::DecomposingNormalizerBorrowed::new_nfd()
        .normalize_iter(s.chars())
        .flat_map(char::to_lowercase)
        .collect();
    let is_mark = |c: char| ('\u{300}'..='\u{36f}').contains(&c);
    let is_consonant = |c: char| "bcdđghklmnpqrstvx".contains(c);
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut previous_letter: Option<char> = None;
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            space = !out.is_empty();
            previous_letter = None;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        let ends_syllable = || {
            chars[i + 1..]
                .iter()
                .find(|&&n| !is_mark(n))
                .is_none_or(|n| !n.is_alphabetic())
        };
        if c == 'y' && previous_letter.is_some_and(is_consonant) && ends_syllable() {
            out.push('i');
        } else {
            out.push(c);
        }
        if !is_mark(c) {
            previous_letter = Some(c);
        }
    }
    out
}

/// ICU4X's NFC normaliser: the crate's one normaliser (the collator is
/// built on the same one), with its data compiled in.
pub(crate) const NFC: ComposingNormalizerBorrowed<'static> = ComposingNormalizerBorrowed::new_nfc();

/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Returns `s` in Unicode Normalization Form C.
///
/// Text that is already NFC (the overwhelmingly common case) is borrowed,
/// not copied.
pub fn nfc(s: &str) -> Cow<'_, str> {
    if is_nfc(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(NFC.normalize(s).into_owned())
    }
}

/// If the non-ASCII character starting `bytes` (valid UTF-8, at a char
/// boundary) is certainly a starter (canonical combining class 0) with
/// `NFC_Quick_Check = Yes`, its length in bytes, so a quick check can skip
/// it without a table lookup. Covers U+0080–U+02FF (Latin-1, Latin
/// Extended-A/B with `ă â đ ê ô ơ ư`, IPA, spacing modifiers: everything
/// below the combining diacritics at U+0300) and U+1E00–U+1EFF (Latin
/// Extended Additional: the precomposed letters with tone marks such as
/// `ễ`, `ạ`, `ổ`) and U+2010–U+2027 (the dashes, quotes, bullets and
/// ellipsis of typeset text: `– “ ” …`). Verified exhaustively against
/// the Unicode tables in the tests.
#[inline]
fn plain_starter_len(bytes: &[u8]) -> Option<usize> {
    match bytes {
        // Lead bytes C2–CB: U+0080–U+02FF.
        [0xC2..=0xCB, ..] => Some(2),
        // E1 B8 80 – E1 BB BF: U+1E00–U+1EFF.
        [0xE1, 0xB8..=0xBB, ..] => Some(3),
        // E2 80 90 – E2 80 A7: U+2010–U+2027.
        [0xE2, 0x80, 0x90..=0xA7, ..] => Some(3),
        _ => None,
    }
}

/// Outcome of [`scan`].
enum Scan {
    /// The text is not NFC (it may or may not contain CR).
    NotNfc,
    /// The text is NFC; whether it contains a CR.
    Nfc { has_cr: bool },
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const CR_BYTES: u64 = 0x0D0D_0D0D_0D0D_0D0D;

/// One pass over `s` that finds whether it is NFC and contains a CR.
///
/// Fast paths cover ASCII (eight bytes at a time) and the letters
/// Vietnamese text is made of: characters that are NFC on their own and
/// never compose with what precedes them. At the first other character,
/// ICU4X checks the rest from the last such character on (the text before
/// it is NFC whatever follows).
fn scan(s: &str) -> Scan {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut has_cr = false;
    while let Some(rest) = bytes.get(i..) {
        if let Some(chunk) = rest.first_chunk::<8>() {
            let word = u64::from_le_bytes(*chunk);
            if word & HIGH_BITS == 0 {
                // All ASCII; a zero byte in `word ^ CR_BYTES` means a CR.
                let x = word ^ CR_BYTES;
                has_cr |= x.wrapping_sub(LOW_BITS) & !x & HIGH_BITS != 0;
                i += 8;
                continue;
            }
        }
        let Some(&b) = rest.first() else { break };
        if b < 0x80 {
            has_cr |= b == b'\r';
            i += 1;
            continue;
        }
        if let Some(len) = plain_starter_len(rest) {
            i += len;
            continue;
        }
        // Everything before `i` passed a fast path; the character before it
        // may still compose with what follows.
        let last = s.get(..i).and_then(|t| t.char_indices().next_back());
        let tail = s.get(last.map_or(0, |(j, _)| j)..).unwrap_or_default();
        if !NFC.is_normalized(tail) {
            return Scan::NotNfc;
        }
        has_cr |= tail.as_bytes().contains(&b'\r');
        break;
    }
    Scan::Nfc { has_cr }
}

/// Authoritative NFC check (see [`scan`]).
fn is_nfc(s: &str) -> bool {
    matches!(scan(s), Scan::Nfc { .. })
}

/// A source file that is not valid UTF-8.
///
/// `line` and `col` are 1-based and point at the first invalid byte: the
/// line counts physical lines (CRLF, CR and LF each end one line; a BOM is
/// not a line and not a column), the column counts characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DecodeError {
    /// 1-based line of the first invalid byte.
    pub line: usize,
    /// 1-based column, in characters, of the first invalid byte.
    pub col: usize,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not valid UTF-8 (first invalid byte at line {}, column {})",
            self.line, self.col
        )
    }
}

impl std::error::Error for DecodeError {}

/// Decodes the bytes of a source file into normalised text.
///
/// Strips a leading UTF-8 BOM, rejects invalid UTF-8 with the position of
/// the first invalid byte, turns CRLF and lone CR line endings into LF
/// (so line numbers are unchanged) and normalises to NFC. The common case
/// (no BOM, no CR, already NFC) costs one validation pass, one NFC scan and
/// one copy.
pub fn decode_source(bytes: &[u8]) -> Result<String, DecodeError> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => return Err(error_position(bytes, err.valid_up_to())),
    };
    // Replacing CR / CRLF with LF cannot change whether the text is NFC:
    // CR and LF are starters that never compose with anything.
    Ok(match scan(text) {
        Scan::Nfc { has_cr: false } => text.to_owned(),
        Scan::Nfc { has_cr: true } => unify_line_endings(text),
        Scan::NotNfc => NFC.normalize_iter(LfChars::new(text)).collect(),
    })
}

/// Position of the invalid byte at `valid_up_to` (everything before it is
/// valid UTF-8).
fn error_position(bytes: &[u8], valid_up_to: usize) -> DecodeError {
    let prefix = bytes
        .get(..valid_up_to)
        .and_then(|p| std::str::from_utf8(p).ok())
        .unwrap_or_default();
    let mut line = 1;
    let mut col = 1;
    let mut after_cr = false;
    for c in prefix.chars() {
        match c {
            '\r' => {
                line += 1;
                col = 1;
                after_cr = true;
            }
            '\n' => {
                if !after_cr {
                    line += 1;
                }
                col = 1;
                after_cr = false;
            }
            _ => {
                col += 1;
                after_cr = false;
            }
        }
    }
    DecodeError { line, col }
}

/// Copies `s` with every CRLF and lone CR replaced by LF.
fn unify_line_endings(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    out.push_str(rest);
    out
}

/// The characters of a string with CRLF and lone CR turned into LF, so line
/// endings and NFC can be fixed in a single copy.
struct LfChars<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
}

impl<'a> LfChars<'a> {
    fn new(s: &'a str) -> Self {
        LfChars {
            chars: s.chars().peekable(),
        }
    }
}

impl Iterator for LfChars<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        match self.chars.next()? {
            '\r' => {
                self.chars.next_if_eq(&'\n');
                Some('\n')
            }
            c => Some(c),
        }
    }
}

/// Characters not worth ending a shortened text on, before the `…`.
fn is_dangling(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '.' | '-' | '–' | '—' | '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '/'
    )
}

/// Collapses every run of whitespace to one space and, if the result is
/// longer than `max_chars` characters, cuts it at a word boundary and adds
/// `…`. The result, ellipsis included, never exceeds `max_chars`
/// characters. A single word longer than the limit is cut inside the word.
/// Punctuation left dangling at the cut (`,`, `;`, `:`, dashes, opening
/// brackets…) is dropped before the ellipsis.
pub fn plain_words(s: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max_chars.saturating_mul(4)));
    let mut count = 0usize;
    let mut cut = false;
    for word in s.split_whitespace() {
        let sep = usize::from(!out.is_empty());
        let len = word.chars().count();
        if count + sep + len > max_chars {
            cut = true;
            if out.is_empty() {
                // First word alone is too long: keep as much as fits.
                out.extend(word.chars().take(max_chars.saturating_sub(1)));
            }
            break;
        }
        if sep == 1 {
            out.push(' ');
        }
        out.push_str(word);
        count += sep + len;
    }
    if !cut {
        return out;
    }
    if max_chars == 0 {
        return String::new();
    }
    // Make room for the ellipsis: drop whole words until it fits.
    while out.chars().count() + 1 > max_chars {
        match out.rfind(' ') {
            Some(i) => out.truncate(i),
            None => {
                let keep: String = out.chars().take(max_chars - 1).collect();
                out = keep;
            }
        }
    }
    loop {
        let trimmed_len = out.trim_end_matches(is_dangling).trim_end().len();
        if trimmed_len == out.len() {
            break;
        }
        out.truncate(trimmed_len);
    }
    out.push('…');
    out
}

/// `s` in Unicode Normalization Form D: letters apart from their marks
/// (the letter a name is filed under; tests of text typed decomposed).
pub(crate) fn nfd(s: &str) -> String {
    icu_normalizer::DecomposingNormalizerBorrowed::new_nfd()
        .normalize(s)
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn award_names_fold_case_spaces_form_and_i_y() {
        let one = fold_name("Chiến sĩ thi đua cơ sở");
        assert_eq!(fold_name("chiến  SỸ thi đua cơ sở"), one);
        // Decomposed input folds the same.
        assert_eq!(
            fold_name("Chie\u{302}\u{301}n si\u{303} thi đua cơ sở"),
            one
        );
        assert_eq!(fold_name("Quản lý"), fold_name("quản lí"));
        // `y` inside a syllable, or after a vowel, stays.
        assert_eq!(fold_name("Nguyễn"), "nguye\u{302}\u{303}n");
        assert_eq!(fold_name("Tuy"), "tuy");
        assert_ne!(fold_name("Tiến"), fold_name("Tiền"));
    }

    const NFD_NGUYEN: &str = "Nguye\u{302}\u{303}n";

    #[test]
    fn nfc_composes_decomposed_vietnamese() {
        assert_ne!(NFD_NGUYEN, "Nguyễn");
        assert_eq!(nfc(NFD_NGUYEN), "Nguyễn");
        assert!(matches!(nfc(NFD_NGUYEN), Cow::Owned(_)));
        // Marks in non-canonical order still compose to the same letter.
        assert_eq!(nfc("Nguye\u{303}\u{302}n"), "Nguyẽ\u{302}n");
        assert_eq!(nfc("Ca\u{300}o Ba\u{306}\u{300}ng"), "Cào Bằng");
    }

    #[test]
    fn nfc_borrows_text_that_is_already_nfc() {
        for s in [
            "",
            "ascii only",
            "Nguyễn Thị Đào",
            "Ủy ban “Hội” – 1…",
            "Ωμέγα",
            "한국어",
        ] {
            assert!(matches!(nfc(s), Cow::Borrowed(_)), "{s}");
        }
    }

    #[test]
    fn nfc_handles_maybe_and_no_characters() {
        // U+0301 alone after a letter is "maybe"; it composes.
        assert_eq!(nfc("e\u{301}"), "é");
        // A combining mark that has no precomposed form stays.
        assert!(matches!(nfc("x\u{301}"), Cow::Borrowed(_)));
        // U+2000 (EN QUAD) is NFC_QC=No: it maps to U+2002.
        assert_eq!(nfc("a\u{2000}b"), "a\u{2002}b");
        // Wrongly ordered combining classes are not NFC.
        assert_eq!(nfc("a\u{323}\u{302}"), "ậ");
        assert_eq!(nfc("a\u{302}\u{323}"), "ậ");
    }

    #[test]
    fn plain_starter_fast_path_is_exact() {
        use icu_normalizer::properties::{
            CanonicalCombiningClassMapBorrowed, CanonicalDecompositionBorrowed, Decomposed,
        };
        // NFC_Quick_Check = Maybe: the second character of a canonical pair,
        // which may compose with what precedes it.
        let decompose = CanonicalDecompositionBorrowed::new();
        let seconds: std::collections::HashSet<char> = ('\0'..='\u{10FFFF}')
            .filter_map(|c| match decompose.decompose(c) {
                Decomposed::Expansion(_, second) => Some(second),
                _ => None,
            })
            .collect();
        let ccc = CanonicalCombiningClassMapBorrowed::new();
        let mut buf = [0u8; 4];
        let mut skipped = 0;
        for c in ('\u{80}'..='\u{10FFFF}').filter(|c| c.len_utf8() > 1) {
            let encoded = c.encode_utf8(&mut buf).as_bytes();
            let plain = plain_starter_len(encoded);
            let in_ranges = c < '\u{300}'
                || ('\u{1E00}'..='\u{1EFF}').contains(&c)
                || ('\u{2010}'..='\u{2027}').contains(&c);
            assert_eq!(plain.is_some(), in_ranges, "{:04X}", c as u32);
            if let Some(len) = plain {
                skipped += 1;
                assert_eq!(len, c.len_utf8(), "{:04X}", c as u32);
                assert_eq!(ccc.get_u8(c), 0, "{:04X}", c as u32);
                // NFC_Quick_Check = Yes: neither No (changed by NFC) nor Maybe.
                let alone = c.encode_utf8(&mut [0u8; 4]).to_owned();
                assert_eq!(NFC.normalize(&alone), alone, "{:04X}", c as u32);
                assert!(!seconds.contains(&c), "{:04X}", c as u32);
            }
        }
        assert_eq!(skipped, 0x300 - 0x80 + 0x100 + 0x18);
    }

    #[test]
    fn scan_finds_cr_anywhere() {
        for n in 0..40 {
            for pos in 0..=n {
                let mut s = "ệ".repeat(n % 3) + &"x".repeat(n);
                s.insert(pos + (n % 3) * 3, '\r');
                assert!(matches!(scan(&s), Scan::Nfc { has_cr: true }), "{s:?}");
            }
            let s = "x".repeat(n) + "ư";
            assert!(matches!(scan(&s), Scan::Nfc { has_cr: false }), "{s:?}");
        }
        // Past a character the fast paths do not cover (Ω), ICU4X checks the
        // rest, and a CR is still found before or after it.
        assert!(matches!(scan("a\r\nΩ"), Scan::Nfc { has_cr: true }));
        assert!(matches!(scan("Ωμέγα\r\n"), Scan::Nfc { has_cr: true }));
        assert!(matches!(scan("Ωμέγα\n"), Scan::Nfc { has_cr: false }));
        assert!(matches!(scan("Ω e\u{301}\r"), Scan::NotNfc));
        // Bytes that differ from CR by one bit are not CR.
        assert!(matches!(
            scan("\x0C\x0E\x0F\x05\x1D\x4D\x09\x0B"),
            Scan::Nfc { has_cr: false }
        ));
    }

    #[test]
    fn is_nfc_agrees_with_the_library() {
        let samples = [
            "",
            "Nguyễn Thị Đào",
            NFD_NGUYEN,
            "e\u{301}",
            "x\u{301}",
            "\u{301}",
            "a\u{2000}b",
            "a\u{302}\u{323}",
            "a\u{323}\u{302}",
            "\u{1100}\u{1161}",
            "한",
            "\u{0344}",
            "ǅ",
            "Å Å",
            "abcdefgh\u{301}",
            "abcdefghe\u{301}",
            "Nguyễn Văn Ánh Nguye\u{302}\u{303}n",
        ];
        for s in samples {
            assert_eq!(is_nfc(s), NFC.is_normalized(s), "{s:?}");
        }
    }

    #[test]
    fn decode_plain_utf8() {
        assert_eq!(decode_source(b"").as_deref(), Ok(""));
        assert_eq!(
            decode_source("+++\ntitle = \"Đào\"\n+++\n".as_bytes()).as_deref(),
            Ok("+++\ntitle = \"Đào\"\n+++\n")
        );
    }

    #[test]
    fn decode_strips_bom_only_at_start() {
        assert_eq!(decode_source(b"\xEF\xBB\xBFabc").as_deref(), Ok("abc"));
        assert_eq!(decode_source(b"\xEF\xBB\xBF").as_deref(), Ok(""));
        assert_eq!(
            decode_source(b"a\xEF\xBB\xBFb").as_deref(),
            Ok("a\u{FEFF}b")
        );
    }

    #[test]
    fn decode_unifies_line_endings_keeping_line_count() {
        assert_eq!(decode_source(b"a\r\nb\r\n").as_deref(), Ok("a\nb\n"));
        assert_eq!(decode_source(b"a\rb\r").as_deref(), Ok("a\nb\n"));
        assert_eq!(decode_source(b"a\r\rb").as_deref(), Ok("a\n\nb"));
        assert_eq!(decode_source(b"a\r\n\nb").as_deref(), Ok("a\n\nb"));
        assert_eq!(decode_source(b"\r\n\r\n").as_deref(), Ok("\n\n"));
        let src = b"+++\r\ntitle = 1\r\n+++\r\nbody\r\n";
        let out = decode_source(src).unwrap_or_default();
        assert_eq!(out.lines().count(), 4);
        assert_eq!(out, "+++\ntitle = 1\n+++\nbody\n");
    }

    #[test]
    fn decode_normalises_to_nfc() {
        let src = format!("\u{FEFF}name = \"{NFD_NGUYEN}\"\r\n");
        assert_eq!(
            decode_source(src.as_bytes()).as_deref(),
            Ok("name = \"Nguyễn\"\n")
        );
        let src = format!("{NFD_NGUYEN}\n");
        assert_eq!(decode_source(src.as_bytes()).as_deref(), Ok("Nguyễn\n"));
        // CR between a letter and a combining mark stays a line break.
        assert_eq!(decode_source(b"e\r\n\xCC\x81").as_deref(), Ok("e\n\u{301}"));
    }

    #[test]
    fn decode_reports_first_invalid_byte() {
        assert_eq!(decode_source(b"\xFF"), Err(DecodeError { line: 1, col: 1 }));
        assert_eq!(
            decode_source(b"ab\xFFcd"),
            Err(DecodeError { line: 1, col: 3 })
        );
        // Columns count characters, not bytes; the BOM is not a column.
        assert_eq!(
            decode_source(
                "\u{FEFF}Đào\n"
                    .as_bytes()
                    .iter()
                    .copied()
                    .chain(*b"x\xE0")
                    .collect::<Vec<_>>()
                    .as_slice()
            ),
            Err(DecodeError { line: 2, col: 2 })
        );
        assert_eq!(
            decode_source(
                "Đào \u{1}\u{10FFFF}"
                    .as_bytes()
                    .iter()
                    .copied()
                    .chain(*b"\x80")
                    .collect::<Vec<_>>()
                    .as_slice()
            ),
            Err(DecodeError { line: 1, col: 7 })
        );
        // CRLF counts as one line, lone CR as one, LF as one.
        assert_eq!(
            decode_source(b"a\r\nb\rc\nd\r\n\r\n\xC0"),
            Err(DecodeError { line: 6, col: 1 })
        );
        // A CR right before the bad byte already ended its line.
        assert_eq!(
            decode_source(b"a\r\xFF"),
            Err(DecodeError { line: 2, col: 1 })
        );
        // TCVN3 / Windows-1258 style bytes.
        assert_eq!(
            decode_source(b"+++\ntitle = \"Nguy\xD2n\"\n"),
            Err(DecodeError { line: 2, col: 14 })
        );
        // Truncated multibyte sequence at the end of the file.
        assert_eq!(
            decode_source(b"ok\n\xE1\xBB"),
            Err(DecodeError { line: 2, col: 1 })
        );
        // Surrogates encoded in UTF-8 are invalid.
        assert_eq!(
            decode_source(b"x\xED\xA0\x80"),
            Err(DecodeError { line: 1, col: 2 })
        );
    }

    #[test]
    fn decode_error_displays_position() {
        let e = DecodeError { line: 3, col: 7 };
        assert!(e.to_string().contains("line 3, column 7"));
    }

    #[test]
    fn plain_words_collapses_whitespace() {
        assert_eq!(plain_words("  Một \n\t hai   ba  ", 100), "Một hai ba");
        assert_eq!(plain_words("", 10), "");
        assert_eq!(plain_words(" \n ", 10), "");
    }

    #[test]
    fn plain_words_fits_exactly_without_ellipsis() {
        assert_eq!(plain_words("Nguyễn Thị Đào", 14), "Nguyễn Thị Đào");
    }

    #[test]
    fn plain_words_cuts_at_word_boundary() {
        let s = "Chị Đào là tấm gương sáng trong phong trào thi đua yêu nước";
        let out = plain_words(s, 21);
        assert_eq!(out, "Chị Đào là tấm gương…");
        assert_eq!(out.chars().count(), 21);
        // "Chị Đào là tấm gương" is exactly 20: no room left for "…".
        assert_eq!(plain_words(s, 20), "Chị Đào là tấm…");
        // Cut one short of a full word + ellipsis.
        assert_eq!(plain_words("aaa bbb ccc", 8), "aaa bbb…");
        assert_eq!(plain_words("aaa bbb ccc", 7), "aaa…");
        assert_eq!(plain_words("aaa bbb ccc", 10), "aaa bbb…");
        assert_eq!(plain_words("aaa bbb ccc", 11), "aaa bbb ccc");
    }

    #[test]
    fn plain_words_never_exceeds_limit() {
        let s = "Ban Dân tộc tỉnh Cao Bằng, năm 2023: hoàn thành xuất sắc nhiệm vụ — được tặng Bằng khen.";
        for max in 0..=s.chars().count() + 2 {
            let out = plain_words(s, max);
            assert!(out.chars().count() <= max, "{max}: {out}");
            if max >= s.chars().count() {
                assert!(!out.ends_with('…'));
            }
        }
    }

    #[test]
    fn plain_words_drops_dangling_punctuation() {
        assert_eq!(plain_words("Cao Bằng, năm 2023", 13), "Cao Bằng…");
        assert_eq!(plain_words("một — hai ba", 9), "một…");
    }

    #[test]
    fn plain_words_long_first_word_is_cut_inside() {
        assert_eq!(plain_words("Nghiêng", 4), "Ngh…");
        assert_eq!(plain_words("Nghiêng nữa", 1), "…");
        assert_eq!(plain_words("Nghiêng", 0), "");
    }

    /// Informal benchmark: `cargo test --release -- --ignored --nocapture bench_`.
    #[test]
    #[ignore]
    #[allow(
        clippy::print_stdout,
        reason = "a benchmark reports to whoever runs it"
    )]
    fn bench_decode_source() {
        use std::time::Instant;
        let para = "Chị Nguyễn Thị Đào, giáo viên Trường THPT chuyên Lê Quý Đôn, tỉnh Cao Bằng, \
                    đã có nhiều sáng kiến “đổi mới phương pháp dạy học” – được tặng Bằng khen… \
                    The quick brown fox jumps over the lazy dog.\n";
        let lf = para.repeat(95_000_000 / para.len());
        let crlf = lf.replace('\n', "\r\n");
        let nfd: String = icu_normalizer::DecomposingNormalizerBorrowed::new_nfd()
            .normalize_iter(lf.chars().take(5_000_000))
            .collect();
        for (label, src) in [
            ("LF NFC", &lf),
            ("CRLF NFC", &crlf),
            ("LF NFD 5M chars", &nfd),
        ] {
            for _ in 0..2 {
                let t = Instant::now();
                let out = decode_source(src.as_bytes());
                let dt = t.elapsed();
                assert!(out.is_ok());
                println!("{label}: {} MB in {dt:?}", src.len() / 1_000_000);
            }
        }
        let t = Instant::now();
        let lib = NFC.is_normalized(&lf);
        println!("library is_nfc over LF: {:?} ({lib})", t.elapsed());
        let t = Instant::now();
        let ours = is_nfc(&lf);
        println!("our is_nfc over LF: {:?} ({ours})", t.elapsed());
        let ascii = "The quick brown fox jumps over the lazy dog.\n".repeat(2_000_000);
        let t = Instant::now();
        let lib = NFC.is_normalized(&ascii);
        println!(
            "library is_nfc over ASCII {} MB: {:?} ({lib})",
            ascii.len() / 1_000_000,
            t.elapsed()
        );
        let t = Instant::now();
        let ours = is_nfc(&ascii);
        println!("our is_nfc over ASCII: {:?} ({ours})", t.elapsed());
        let t = Instant::now();
        let ok = std::str::from_utf8(lf.as_bytes()).is_ok();
        println!("from_utf8 over LF: {:?} ({ok})", t.elapsed());
    }
}
