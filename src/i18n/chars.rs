//! Characters no page or feed may carry, whatever an editor pasted.
//!
//! XML 1.0 forbids C0 controls other than tab, line feed and carriage
//! return, and U+FFFE/U+FFFF: one of them in a name makes a whole Atom feed
//! unreadable to every feed reader. HTML calls controls (C0 and C1) and
//! noncharacters parse errors. Text copied from Word or a PDF brings such
//! characters along invisibly, so every escaper drops them rather than
//! failing the build over something the editor cannot see.

use std::borrow::Cow;

/// Whether `c` is left out of every output: C0 controls except tab, line
/// feed and carriage return; DEL and the C1 controls (U+007F–U+009F); and
/// the Unicode noncharacters (U+FDD0–U+FDEF and the last two code points
/// of every plane, U+FFFE and U+FFFF among them). Surrogates cannot occur
/// in a Rust string.
pub fn is_forbidden(c: char) -> bool {
    let u = c as u32;
    (u < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
        || (0x7F..=0x9F).contains(&u)
        || (0xFDD0..=0xFDEF).contains(&u)
        || u & 0xFFFE == 0xFFFE
}

/// Whether byte `b` of a UTF-8 text may begin a forbidden character: an
/// ASCII control, or the lead byte of U+0080–U+00BF or of U+E000 and up.
/// No other byte can (and none of these is a continuation byte, so a
/// scan that stops at one stands at a character boundary). Vietnamese
/// letters lead with other bytes, so scanning bytes and looking closer
/// only at these is fast on the texts this tool renders.
pub fn may_begin_forbidden(b: u8) -> bool {
    b < 0x20 || b == 0x7F || b == 0xC2 || b >= 0xEF
}

/// Whether `s` has a forbidden character.
pub fn has_forbidden(s: &str) -> bool {
    s.bytes()
        .enumerate()
        .filter(|&(_, b)| may_begin_forbidden(b))
        .any(|(i, _)| s[i..].chars().next().is_some_and(is_forbidden))
}

/// `s` without its forbidden characters (borrowed when it has none).
pub fn strip_forbidden(s: &str) -> Cow<'_, str> {
    if has_forbidden(s) {
        Cow::Owned(s.chars().filter(|&c| !is_forbidden(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters() {
        for c in [
            '\0',
            '\u{1}',
            '\u{b}',
            '\u{c}',
            '\u{1f}',
            '\u{7f}',
            '\u{80}',
            '\u{9f}',
            '\u{fdd0}',
            '\u{fdef}',
            '\u{fffe}',
            '\u{ffff}',
            '\u{1fffe}',
            '\u{10ffff}',
        ] {
            assert!(is_forbidden(c), "{:?}", c);
        }
        for c in [
            '\t',
            '\n',
            '\r',
            ' ',
            '~',
            '\u{a0}',
            'đ',
            '\u{200e}',
            '\u{202e}',
            '\u{fdcf}',
            '\u{fdf0}',
            '\u{fffd}',
            '\u{10000}',
            '\u{1fffd}',
            '\u{10fffd}',
        ] {
            assert!(!is_forbidden(c), "{:?}", c);
        }
    }

    #[test]
    fn byte_scan_sees_every_forbidden_character() {
        for u in (0..=0x10FFFF).step_by(1).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let s = u.encode_utf8(&mut buf);
            assert_eq!(has_forbidden(s), is_forbidden(u), "{:?}", u);
            assert_eq!(has_forbidden(&format!("ả{s}đ")), is_forbidden(u), "{:?}", u);
        }
    }

    #[test]
    fn strips_only_what_is_forbidden() {
        assert!(matches!(strip_forbidden("Nguyễn Văn A"), Cow::Borrowed(_)));
        assert_eq!(strip_forbidden("A\u{ffff}\u{1}b\u{85}\tc"), "Ab\tc");
    }
}
