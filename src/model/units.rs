//! Which unit (đơn vị) a profile or recipient belongs to:
//! a unit is the `unit` text in the default language, compared after NFC,
//! case folding and collapsing spaces; its slug is made from that text; its
//! label is its most frequent spelling; a recipient without `unit` takes its
//! profile's.
//!
//! Search facets and unit pages ([`super::honours`]) use the same identity.

use std::collections::HashMap;

use super::Site;
use crate::i18n::slug::slugify;
use crate::i18n::text::nfc;

/// One unit of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The text it is compared by ([`unit_key`]).
    pub key: String,
    /// Unique among the site's units: the slug of the key, `-2`, `-3` … when
    /// two keys give the same slug.
    pub slug: String,
    /// Its most frequent spelling (the first seen among equally frequent ones).
    pub label: String,
    /// Profiles and recipients that belong to it.
    pub count: usize,
}

/// Every unit of a site and who belongs to which.
#[derive(Debug, Clone, Default)]
pub struct Units {
    /// In order of first appearance: profiles, then award lists' recipients.
    pub units: Vec<Unit>,
    /// Per profile, index into `units` (None: the profile has no unit text).
    pub of_profile: Vec<Option<usize>>,
    /// Per award list, per recipient, index into `units`.
    pub of_recipient: Vec<Vec<Option<usize>>>,
}

/// The text a unit is compared by: NFC, case folded, runs of white space
/// as one space, no space at either end. Empty for a blank text.
pub fn unit_key(text: &str) -> String {
    let folded = nfc(text).to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A spelling as shown: NFC, runs of white space as one space.
fn spelling(text: &str) -> String {
    nfc(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Units {
    /// The units of `site`, from the default language's texts.
    pub fn of(site: &Site) -> Units {
        let default = site.config.default_language();
        let lang = default.code.as_str();
        let d = site
            .config
            .languages
            .iter()
            .position(|l| l.code == lang)
            .unwrap_or(0);
        let mut b = Builder::default();
        let of_profile: Vec<Option<usize>> = site
            .profiles
            .iter()
            .map(|p| p.texts.get(d).and_then(|t| b.add(&t.unit)))
            .collect();
        let of_recipient = site
            .award_lists
            .iter()
            .map(|l| {
                l.recipients
                    .iter()
                    .map(|r| match (&r.unit, r.profile) {
                        (Some(u), _) => b.add(u.get(lang, lang)),
                        (None, Some(p)) => {
                            let unit = of_profile.get(p.index()).copied().flatten();
                            if let Some(u) = unit {
                                b.count_again(u);
                            }
                            unit
                        }
                        (None, None) => None,
                    })
                    .collect()
            })
            .collect();
        Units {
            units: b.finish(),
            of_profile,
            of_recipient,
        }
    }
}

#[derive(Default)]
struct Builder {
    /// Texts seen, exactly as written: their unit and spelling (most
    /// recipients of a list repeat a few texts).
    /// Hashed with foldhash, as `by_key`: every recipient's unit is
    /// looked up (SipHash was half of this builder's time).
    seen: foldhash::HashMap<String, Option<(usize, usize)>>,
    by_key: foldhash::HashMap<String, usize>,
    keys: Vec<String>,
    /// Per unit: spellings with their counts, in order of first appearance.
    spellings: Vec<Vec<(String, usize)>>,
    /// Per unit: members that took their profile's unit.
    borrowed: Vec<usize>,
}

impl Builder {
    fn add(&mut self, text: &str) -> Option<usize> {
        if let Some(&known) = self.seen.get(text) {
            let (index, spelling) = known?;
            self.spellings[index][spelling].1 += 1;
            return Some(index);
        }
        let added = self.add_new(text);
        self.seen.insert(text.to_owned(), added);
        added.map(|(index, _)| index)
    }

    /// A text not seen before: its unit and the place of its spelling.
    fn add_new(&mut self, text: &str) -> Option<(usize, usize)> {
        let key = unit_key(text);
        if key.is_empty() {
            return None;
        }
        let index = match self.by_key.get(&key) {
            Some(&i) => i,
            None => {
                let i = self.keys.len();
                self.by_key.insert(key.clone(), i);
                self.keys.push(key);
                self.spellings.push(Vec::new());
                self.borrowed.push(0);
                i
            }
        };
        let spelled = spelling(text);
        let seen = &mut self.spellings[index];
        let at = match seen.iter().position(|(s, _)| *s == spelled) {
            Some(at) => {
                seen[at].1 += 1;
                at
            }
            None => {
                seen.push((spelled, 1));
                seen.len() - 1
            }
        };
        Some((index, at))
    }

    /// A recipient that takes its profile's unit counts as a member
    /// without adding a spelling.
    fn count_again(&mut self, index: usize) {
        self.borrowed[index] += 1;
    }

    fn finish(self) -> Vec<Unit> {
        let mut slugs: HashMap<String, usize> = HashMap::new();
        self.keys
            .into_iter()
            .zip(self.spellings)
            .zip(self.borrowed)
            .map(|((key, spellings), borrowed)| {
                let count = spellings.iter().map(|(_, n)| n).sum::<usize>() + borrowed;
                let mut best = (String::new(), 0);
                for (s, n) in spellings {
                    if n > best.1 {
                        best = (s, n);
                    }
                }
                let mut slug = slugify(&key);
                if slug.is_empty() {
                    slug = "unit".to_owned();
                }
                let n = slugs.entry(slug.clone()).or_insert(0);
                *n += 1;
                if *n > 1 {
                    slug = format!("{slug}-{n}");
                }
                Unit {
                    key,
                    slug,
                    label: best.0,
                    count,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_spaces_and_composition() {
        let decomposed = "Ban Da\u{302}n to\u{323}\u{302}c"; // "Ban Dân tộc" typed decomposed
        assert_eq!(unit_key(decomposed), unit_key("BAN  DÂN TỘC "));
        assert_eq!(unit_key("Ban  Dân tộc"), "ban dân tộc");
        assert_ne!(unit_key("Ban Dân tộc"), unit_key("Ban Dan toc"));
        assert_eq!(unit_key("   "), "");
    }

    #[test]
    fn label_is_the_most_frequent_spelling_and_slugs_are_unique() {
        let mut b = Builder::default();
        let a = b.add("phòng tổng hợp");
        b.add("Phòng Tổng hợp");
        b.add("Phòng  Tổng hợp");
        let other = b.add("Phong Tong hop");
        assert_eq!(a, Some(0));
        assert_eq!(other, Some(1));
        let units = b.finish();
        assert_eq!(units[0].label, "Phòng Tổng hợp");
        assert_eq!(units[0].count, 3);
        assert_eq!(units[0].slug, "phong-tong-hop");
        assert_eq!(units[1].slug, "phong-tong-hop-2");
    }
}
