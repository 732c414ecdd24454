//! Vietnamese collation of names.
//!
//! Lists of people and collectives must follow the Vietnamese alphabet
//! (a ă â b c d đ e ê … o ô ơ … u ư …, tones after base letters), not byte
//! order: "Dương" sorts before "Đào". People are sorted by given name,
//! which in Vietnamese is the last word of the full name ("Nguyễn Thị Đào"
//! is found under Đ), unless a `sort_name` says otherwise. The ordering
//! comes from ICU4X's CLDR `vi` tailoring with compiled-in data; ties are
//! broken by byte order so every sort is total and reproducible.

use std::cmp::Ordering;

use icu_collator::options::CollatorOptions;
use icu_collator::{CollatorBorrowed, CollatorPreferences};
use icu_locale_core::locale;

/// A collator for Vietnamese names.
///
/// It borrows ICU4X's compiled-in `'static` data, so it is `Send + Sync`
/// and cheap to share by reference across threads; build it once.
#[derive(Debug)]
pub struct NameCollator {
    inner: CollatorBorrowed<'static>,
}

impl NameCollator {
    /// The collator for the Vietnamese locale (`vi`), at ICU's default
    /// (tertiary) strength: letters first, then tone/vowel marks, then case.
    pub fn vietnamese() -> NameCollator {
        let prefs = CollatorPreferences::from(locale!("vi"));
        let inner = match CollatorBorrowed::try_new(prefs, CollatorOptions::default()) {
            Ok(inner) => inner,
            // Compiled-in data always covers `vi` and the root; this only
            // guards against a broken build of the data crate.
            Err(_) => {
                match CollatorBorrowed::try_new(Default::default(), CollatorOptions::default()) {
                    Ok(root) => root,
                    Err(e) => panic!("ICU4X compiled collation data is missing: {e}"),
                }
            }
        };
        NameCollator { inner }
    }

    /// Compares two strings in Vietnamese alphabetical order. Canonically
    /// equivalent strings (NFC vs NFD) compare equal.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.inner.compare(a, b)
    }

    /// The binary sort key of `s`: comparing two keys bytewise gives the
    /// same result as [`NameCollator::compare`] on the strings. Worth it when
    /// each string is compared many times (e.g. `sort_by_cached_key`).
    /// Keys contain no zero byte.
    pub fn sort_key(&self, s: &str) -> Vec<u8> {
        let mut key = Vec::with_capacity(s.len().saturating_mul(3).saturating_add(8));
        // Writing to a Vec cannot fail.
        let Ok(()) = self.inner.write_sort_key_to(s, &mut key);
        key
    }

    /// Compares two people given as `(name, sort_name)`: by
    /// [`given_name`] first, then by the whole name, then by the bytes of
    /// the name and of the given name, so the order is total and
    /// deterministic.
    pub fn compare_people(&self, a: (&str, Option<&str>), b: (&str, Option<&str>)) -> Ordering {
        let (given_a, given_b) = (given_name(a.0, a.1), given_name(b.0, b.1));
        self.compare(given_a, given_b)
            .then_with(|| self.compare(a.0, b.0))
            .then_with(|| a.0.cmp(b.0))
            .then_with(|| given_a.cmp(given_b))
    }

    /// A precomputed key ordering people exactly like
    /// [`NameCollator::compare_people`], for `sort_by_cached_key` on large
    /// lists.
    pub fn person_key(&self, name: &str, sort_name: Option<&str>) -> PersonKey {
        let given = given_name(name, sort_name);
        PersonKey {
            given: self.sort_key(given),
            whole: self.sort_key(name),
            name: name.to_owned(),
            given_raw: given.to_owned(),
        }
    }
}

/// Sort key of a person; see [`NameCollator::person_key`]. Field order is
/// comparison order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PersonKey {
    given: Vec<u8>,
    whole: Vec<u8>,
    name: String,
    given_raw: String,
}

/// The word(s) a person is sorted by: `sort_name` when set (trimmed,
/// non-empty), else the last whitespace-separated word of `name` — the
/// Vietnamese given name ("Nguyễn Thị Đào" → "Đào"). An empty name gives
/// `""`.
pub fn given_name<'a>(name: &'a str, sort_name: Option<&'a str>) -> &'a str {
    match sort_name.map(str::trim) {
        Some(s) if !s.is_empty() => s,
        _ => name.split_whitespace().next_back().unwrap_or(""),
    }
}

/// The letters of the Vietnamese alphabet, in its order, with the four a
/// foreign name may start with (F, J, W, Z) where the Latin alphabet puts
/// them: the letters a list of names is cut by.
pub const ALPHABET: [&str; 33] = [
    "A", "Ă", "Â", "B", "C", "D", "Đ", "E", "Ê", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O",
    "Ô", "Ơ", "P", "Q", "R", "S", "T", "U", "Ư", "V", "W", "X", "Y", "Z",
];

/// The letter of the Vietnamese alphabet a word is filed under: its first
/// letter in capitals, without its tone mark but with the marks that make
/// a letter of its own (Ă Â Đ Ê Ô Ơ Ư): "Ánh" → A, "ấn" → Â, "Đào" → Đ,
/// "H'Hen" → H. `None` when the word starts with no letter of [`ALPHABET`]
/// (a digit, another script).
pub fn initial_letter(word: &str) -> Option<&'static str> {
    let start = word.find(char::is_alphanumeric)?;
    // The letter with the marks typed after it (text typed decomposed).
    let first: String = word[start..]
        .chars()
        .enumerate()
        .take_while(|&(i, c)| i == 0 || ('\u{300}'..='\u{36F}').contains(&c))
        .map(|(_, c)| c)
        .collect();
    let mut letter = String::new();
    for c in super::text::nfd(&first).chars() {
        match c {
            // Breve, circumflex and horn make letters of their own.
            '\u{306}' | '\u{302}' | '\u{31B}' => letter.push(c),
            // Tone marks (grave, acute, tilde, hook above, dot below) do not.
            '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' => {}
            _ => letter.extend(c.to_uppercase()),
        }
    }
    let letter = super::text::nfc(&letter);
    ALPHABET.iter().copied().find(|l| *l == letter)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::text::nfd;

    fn sorted(c: &NameCollator, names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        v.sort_by(|a, b| c.compare(a, b));
        v
    }

    fn assert_ascending(c: &NameCollator, seq: &[&str]) {
        for w in seq.windows(2) {
            assert_eq!(c.compare(w[0], w[1]), Ordering::Less, "{} < {}", w[0], w[1]);
            assert_eq!(
                c.compare(w[1], w[0]),
                Ordering::Greater,
                "{} > {}",
                w[1],
                w[0]
            );
            assert!(
                c.sort_key(w[0]) < c.sort_key(w[1]),
                "key {} < {}",
                w[0],
                w[1]
            );
        }
    }

    #[test]
    fn is_send_sync_and_shareable() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<NameCollator>();
        assert_send_sync::<&NameCollator>();
    }

    #[test]
    fn vietnamese_alphabet_order() {
        let c = NameCollator::vietnamese();
        assert_ascending(&c, &["Dương", "Đào"]);
        assert_ascending(&c, &["An", "Ánh", "Bình"]);
        assert_ascending(&c, &["Đào", "Em"]);
        assert_ascending(&c, &["Hà", "Hạnh"]);
        assert_ascending(&c, &["o", "ô", "ơ", "p"]);
        assert_ascending(&c, &["u", "ư", "v"]);
        assert_ascending(&c, &["a", "ă", "â", "b"]);
        assert_ascending(&c, &["d", "đ", "e"]);
        assert_ascending(&c, &["e", "ê", "g"]);
        // Tones after base letters: a letter difference wins over a tone.
        assert_ascending(&c, &["Tú", "Tuấn"]);
        assert_ascending(&c, &["Tuệ", "Tùng"]);
        // Tone order: ngang, huyền, hỏi, ngã, sắc, nặng (CLDR vi).
        assert_ascending(&c, &["a", "à", "ả", "ã", "á", "ạ"]);
    }

    #[test]
    fn case_is_a_minor_difference() {
        let c = NameCollator::vietnamese();
        assert_ascending(&c, &["an", "An", "Ánh", "bình"]);
        assert_ascending(&c, &["đào", "Đào", "em"]);
        assert_eq!(c.compare("Đào", "Đào"), Ordering::Equal);
    }

    #[test]
    fn decomposed_input_collates_equal() {
        let c = NameCollator::vietnamese();
        for s in ["Nguyễn Thị Đào", "Hạnh", "Ưng", "Bằng"] {
            let nfd = nfd(s);
            assert_eq!(c.compare(s, &nfd), Ordering::Equal, "{s}");
            assert_eq!(c.sort_key(s), c.sort_key(&nfd), "{s}");
        }
    }

    #[test]
    fn sorts_a_list_of_vietnamese_names() {
        let c = NameCollator::vietnamese();
        let names = [
            "Đào", "Ánh", "Yến", "Bình", "Dương", "Ơn", "Ưng", "Uyên", "An", "Ông", "Oanh", "Hạnh",
            "Hà", "Chi", "Giang",
        ];
        let expected = [
            "An", "Ánh", "Bình", "Chi", "Dương", "Đào", "Giang", "Hà", "Hạnh", "Oanh", "Ông", "Ơn",
            "Uyên", "Ưng", "Yến",
        ];
        assert_eq!(sorted(&c, &names), expected);
        let mut by_key: Vec<&str> = names.to_vec();
        by_key.sort_by_cached_key(|s| c.sort_key(s));
        assert_eq!(by_key, expected);
    }

    #[test]
    fn words_are_filed_under_their_vietnamese_letter() {
        for (word, letter) in [
            ("Ánh", Some("A")),
            ("ấn", Some("Â")),
            ("Ằng", Some("Ă")),
            ("Đào", Some("Đ")),
            ("đào", Some("Đ")),
            ("Dương", Some("D")),
            ("Ước", Some("Ư")),
            ("ở", Some("Ơ")),
            ("Ồ", Some("Ô")),
            ("H'Hen", Some("H")),
            ("'Ya", Some("Y")),
            ("Zô", Some("Z")),
            ("7", None),
            ("", None),
            ("Иван", None),
        ] {
            assert_eq!(initial_letter(word), letter, "{word}");
            assert_eq!(initial_letter(&nfd(word)), letter, "{word} decomposed");
        }
    }

    #[test]
    fn given_name_rules() {
        assert_eq!(given_name("Nguyễn Thị Đào", None), "Đào");
        assert_eq!(given_name("  Trần  Văn\tAn  ", None), "An");
        assert_eq!(given_name("Madonna", None), "Madonna");
        assert_eq!(given_name("", None), "");
        assert_eq!(given_name("   ", None), "");
        assert_eq!(given_name("H'Hen Niê", Some("H'Hen")), "H'Hen");
        assert_eq!(given_name("H'Hen Niê", Some("  H'Hen ")), "H'Hen");
        assert_eq!(given_name("Nguyễn Thị Đào", Some("")), "Đào");
        assert_eq!(given_name("Nguyễn Thị Đào", Some("  ")), "Đào");
    }

    #[test]
    fn people_sort_by_given_name_first() {
        let c = NameCollator::vietnamese();
        let an = ("Trần Văn An", None);
        let anh = ("Lê Thị Ánh", None);
        let binh = ("Nguyễn Văn Bình", None);
        assert_eq!(c.compare_people(an, anh), Ordering::Less);
        assert_eq!(c.compare_people(anh, binh), Ordering::Less);
        assert_eq!(c.compare_people(an, binh), Ordering::Less);
        assert_eq!(c.compare_people(binh, an), Ordering::Greater);
        // Same given name: whole name decides.
        assert_eq!(
            c.compare_people(("Lê Văn An", None), ("Trần Văn An", None)),
            Ordering::Less
        );
        assert_eq!(
            c.compare_people(("Đỗ Văn An", None), ("Dương Văn An", None)),
            Ordering::Greater
        );
    }

    #[test]
    fn sort_name_overrides_last_word() {
        let c = NameCollator::vietnamese();
        let hhen = ("H'Hen Niê", Some("H'Hen"));
        // Without sort_name she would sort under N.
        assert_eq!(
            c.compare_people(("H'Hen Niê", None), ("Trần Thị Hoa", None)),
            Ordering::Greater
        );
        // With it, under H: after Giang, before Hoa, and before Nam.
        assert_eq!(c.compare_people(("Lê Giang", None), hhen), Ordering::Less);
        assert_eq!(
            c.compare_people(hhen, ("Trần Thị Hoa", None)),
            Ordering::Less
        );
        assert_eq!(
            c.compare_people(hhen, ("Phạm Văn Nam", None)),
            Ordering::Less
        );
        // ICU's default puts punctuation before letters: "H'Hen" < "Hà".
        assert_eq!(c.compare_people(hhen, ("Lê Văn Hà", None)), Ordering::Less);
        assert_eq!(c.compare_people(("Lê Văn Gấm", None), hhen), Ordering::Less);
    }

    #[test]
    fn people_order_is_total_and_deterministic() {
        let c = NameCollator::vietnamese();
        let nfc = "Nguyễn Thị Đào";
        let nfd = nfd(nfc);
        // Canonically equal names still get a fixed order (by bytes).
        let ord = c.compare_people((nfc, None), (&nfd, None));
        assert_ne!(ord, Ordering::Equal);
        assert_eq!(c.compare_people((&nfd, None), (nfc, None)), ord.reverse());
        assert_eq!(c.compare_people((nfc, None), (nfc, None)), Ordering::Equal);
        // Same name, sort names that only differ by surrounding spaces: equal.
        assert_eq!(
            c.compare_people(("H'Hen Niê", Some("H'Hen")), ("H'Hen Niê", Some(" H'Hen"))),
            Ordering::Equal
        );
    }

    #[test]
    fn person_key_agrees_with_compare_people() {
        let c = NameCollator::vietnamese();
        let nfd = nfd("Nguyễn Thị Đào");
        let people: Vec<(&str, Option<&str>)> = vec![
            ("Nguyễn Thị Đào", None),
            (&nfd, None),
            ("nguyễn thị đào", None),
            ("Trần Văn An", None),
            ("Lê Thị Ánh", None),
            ("Nguyễn Văn Bình", None),
            ("H'Hen Niê", Some("H'Hen")),
            ("H'Hen Niê", None),
            ("Dương Văn An", None),
            ("Đỗ Văn An", None),
            ("An", None),
            ("", None),
            ("Lê Văn Hà", None),
            ("Lê Văn Hạnh", None),
            ("Lê Văn Ha", None),
        ];
        for &a in &people {
            for &b in &people {
                let ka = c.person_key(a.0, a.1);
                let kb = c.person_key(b.0, b.1);
                assert_eq!(ka.cmp(&kb), c.compare_people(a, b), "{a:?} vs {b:?}");
            }
        }
    }

    #[test]
    fn sort_keys_agree_with_compare_and_have_no_zero_byte() {
        let c = NameCollator::vietnamese();
        let words = [
            "",
            "a",
            "A",
            "à",
            "ả",
            "ã",
            "á",
            "ạ",
            "ă",
            "â",
            "Đào",
            "Dương",
            "Ưng",
            "u",
            "Hà",
            "Hạnh",
            "H'Hen",
            "Nguyễn Thị Đào",
            "1",
            "10",
            "2",
            "Ω",
            "!",
            "a b",
            "ab",
        ];
        for a in words {
            assert!(!c.sort_key(a).contains(&0), "{a}");
            for b in words {
                assert_eq!(
                    c.sort_key(a).cmp(&c.sort_key(b)),
                    c.compare(a, b),
                    "{a} vs {b}"
                );
            }
        }
    }

    /// Pseudo-random Vietnamese names, deterministic.
    fn generate_names(n: usize) -> Vec<String> {
        const FAMILY: [&str; 12] = [
            "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ",
        ];
        const MIDDLE: [&str; 8] = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc"];
        const GIVEN: [&str; 24] = [
            "An", "Ánh", "Bình", "Chi", "Dũng", "Dương", "Đào", "Giang", "Hà", "Hạnh", "Hương",
            "Khoa", "Lan", "Linh", "Mai", "Nam", "Oanh", "Ơn", "Phúc", "Quỳnh", "Tâm", "Tuấn",
            "Ưng", "Yến",
        ];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |m: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % m as u64) as usize
        };
        (0..n)
            .map(|_| {
                format!(
                    "{} {} {}",
                    FAMILY[next(FAMILY.len())],
                    MIDDLE[next(MIDDLE.len())],
                    GIVEN[next(GIVEN.len())]
                )
            })
            .collect()
    }

    #[test]
    fn sorting_generated_names_is_consistent() {
        let c = NameCollator::vietnamese();
        let names = generate_names(500);
        let mut a: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut b = a.clone();
        a.sort_by(|x, y| c.compare_people((x, None), (y, None)));
        b.sort_by_cached_key(|x| c.person_key(x, None));
        assert_eq!(a, b);
        for w in a.windows(2) {
            assert_ne!(
                c.compare_people((w[0], None), (w[1], None)),
                Ordering::Greater
            );
        }
    }

    /// Informal benchmark: `cargo test --release -- --ignored --nocapture bench_`.
    #[test]
    #[ignore]
    #[allow(
        clippy::print_stdout,
        reason = "a benchmark reports to whoever runs it"
    )]
    fn bench_sort_10000_people() {
        use std::time::Instant;
        let c = NameCollator::vietnamese();
        let names = generate_names(10_000);
        for round in 0..3 {
            let mut v: Vec<&str> = names.iter().map(String::as_str).collect();
            let t = Instant::now();
            v.sort_by(|x, y| c.compare_people((x, None), (y, None)));
            let by_compare = t.elapsed();

            let mut w: Vec<&str> = names.iter().map(String::as_str).collect();
            let t = Instant::now();
            w.sort_by_cached_key(|x| c.person_key(x, None));
            let by_key = t.elapsed();

            let mut z: Vec<&str> = names.iter().map(String::as_str).collect();
            let t = Instant::now();
            z.sort_by(|x, y| c.compare(x, y));
            let whole = t.elapsed();
            assert_eq!(v, w);
            println!(
                "round {round}: compare_people {by_compare:?}, person_key cached {by_key:?}, compare whole {whole:?}"
            );
        }
    }
}
