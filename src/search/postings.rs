//! Postings — folded word → the records holding it — written as text in
//! shards by the word's first letters, each bounded in size.
//!
//! A shard's key is the first two letters of its words (one for a word of
//! one letter). A shard over [`SHARD_LIMIT`] bytes is split by one more
//! letter, again and again; words as long as the key stay in it. A word's
//! postings are all in one shard: the one with the longest key that starts
//! the word. The browser fetches, for a query word, that shard and (for a
//! word of two letters or more, matched as a prefix) the shards whose keys
//! start with it.
//!
//! A shard is one line per word: `word TAB name-ids TAB other-ids`, ids
//! increasing and written as gaps ([`encode_ids`]).

use std::collections::BTreeMap;

/// A shard grows past this many bytes only when it holds a single word
/// (or words as long as its key).
pub const SHARD_LIMIT: usize = 16 * 1024;

/// Last digit of a gap (5 bits each).
const FINAL: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
/// Leading digits of a gap.
const MORE: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ@#$%&*";

/// The records holding one word, in its name or elsewhere.
#[derive(Debug, Default, Clone)]
pub struct Postings {
    pub name: Vec<u32>,
    pub other: Vec<u32>,
}

impl Postings {
    /// Adds record `id`; ids come in increasing order.
    pub fn add(&mut self, id: u32, in_name: bool) {
        let list = if in_name {
            &mut self.name
        } else {
            &mut self.other
        };
        if list.last() != Some(&id) {
            list.push(id);
        }
    }
}

/// Increasing ids as gaps from the previous id (the first from -1), each
/// in base 32: leading digits from `MORE`, the last from `FINAL`. A gap of
/// 1–31 is one character.
pub fn encode_ids(ids: &[u32], out: &mut String) {
    let mut prev: i64 = -1;
    for &id in ids {
        let mut gap = (i64::from(id) - prev) as u64;
        prev = i64::from(id);
        let mut digits = [0u8; 13];
        let mut n = 0;
        loop {
            digits[n] = (gap & 31) as u8;
            n += 1;
            gap >>= 5;
            if gap == 0 {
                break;
            }
        }
        for i in (0..n).rev() {
            let table = if i == 0 { FINAL } else { MORE };
            out.push(table[usize::from(digits[i])] as char);
        }
    }
}

/// One shard: its key and its text.
#[derive(Debug)]
pub struct Shard {
    pub key: String,
    pub text: String,
}

/// Every word's postings, in shards.
pub fn shards(words: &BTreeMap<String, Postings>) -> Vec<Shard> {
    let lines: Vec<(&str, String)> = words
        .iter()
        .map(|(word, p)| {
            let mut line = String::with_capacity(word.len() + p.name.len() + p.other.len() + 3);
            line.push_str(word);
            line.push('\t');
            encode_ids(&p.name, &mut line);
            line.push('\t');
            encode_ids(&p.other, &mut line);
            line.push('\n');
            (word.as_str(), line)
        })
        .collect();
    let mut out = Vec::new();
    split(&lines, 2, &mut out);
    out.sort_by(|a, b| a.key.cmp(&b.key));
    out
}

fn prefix(word: &str, letters: usize) -> &str {
    match word.char_indices().nth(letters) {
        Some((at, _)) => &word[..at],
        None => word,
    }
}

/// Groups `lines` (sorted by word) by their first `letters` letters and
/// splits the groups that are too large.
fn split(lines: &[(&str, String)], letters: usize, out: &mut Vec<Shard>) {
    let mut start = 0;
    while start < lines.len() {
        let key = prefix(lines[start].0, letters);
        let end = start
            + lines[start..]
                .iter()
                .take_while(|(w, _)| prefix(w, letters) == key)
                .count();
        let group = &lines[start..end];
        let size: usize = group.iter().map(|(_, l)| l.len()).sum();
        let (short, long): (Vec<_>, Vec<_>) = group
            .iter()
            .partition(|(w, _)| w.chars().count() <= letters);
        if size <= SHARD_LIMIT || long.len() <= 1 && short.is_empty() || long.is_empty() {
            out.push(shard(key, group.iter()));
        } else {
            if !short.is_empty() {
                out.push(shard(key, short.into_iter()));
            }
            let long: Vec<(&str, String)> = long.into_iter().cloned().collect();
            split(&long, letters + 1, out);
        }
        start = end;
    }
}

fn shard<'a>(key: &str, lines: impl Iterator<Item = &'a (&'a str, String)>) -> Shard {
    Shard {
        key: key.to_owned(),
        text: lines.map(|(_, l)| l.as_str()).collect(),
    }
}

/// The file name of a shard key: letters a–z and digits as they are,
/// anything else as `_` and its code point in hex, then `.txt`.
pub fn file_name(key: &str) -> String {
    let mut name = String::new();
    for c in key.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            name.push(c);
        } else {
            name.push_str(&format!("_{:x}", u32::from(c)));
        }
    }
    name.push_str(".txt");
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        let (mut prev, mut n): (i64, i64) = (-1, 0);
        for b in text.bytes() {
            if let Some(d) = MORE.iter().position(|&m| m == b) {
                n = n * 32 + d as i64;
            } else {
                let d = FINAL.iter().position(|&f| f == b).expect("a digit");
                prev += n * 32 + d as i64;
                out.push(prev as u32);
                n = 0;
            }
        }
        out
    }

    #[test]
    fn ids_round_trip_and_small_gaps_take_one_character() {
        let ids = [0, 1, 2, 30, 31, 32, 1000, 1031, 200_000, 4_000_000_000];
        let mut s = String::new();
        encode_ids(&ids, &mut s);
        assert_eq!(decode(&s), ids);
        let mut dense = String::new();
        encode_ids(&(0..100).collect::<Vec<_>>(), &mut dense);
        assert_eq!(dense.len(), 100);
    }

    #[test]
    fn large_groups_split_by_one_more_letter_and_every_word_has_one_shard() {
        let mut words = BTreeMap::new();
        for w in ["ng", "nguyen", "ngoc", "nga", "n", "an"] {
            let mut p = Postings::default();
            for id in (0..20_000).step_by(if w == "nguyen" { 1 } else { 3 }) {
                p.add(id, true);
            }
            words.insert(w.to_owned(), p);
        }
        let shards = shards(&words);
        let keys: Vec<&str> = shards.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["an", "n", "ng", "nga", "ngo", "ngu"]);
        for w in words.keys() {
            let holding: Vec<&str> = shards
                .iter()
                .filter(|s| s.text.lines().any(|l| l.split('\t').next() == Some(w)))
                .map(|s| s.key.as_str())
                .collect();
            let longest = keys
                .iter()
                .filter(|k| w.starts_with(**k))
                .max_by_key(|k| k.len());
            assert_eq!(holding, [*longest.unwrap()], "{w}");
        }
    }

    #[test]
    fn odd_letters_in_file_names_are_escaped() {
        assert_eq!(file_name("ng"), "ng.txt");
        assert_eq!(file_name("ß1"), "_df1.txt");
    }
}
