//! Updating the texts of pages in an assembled site, for edits that changed
//! only text (see [`crate::content::cache::TextEdit`]): nothing else in the
//! site can change, so the preview server skips assembling it again.

use std::collections::HashMap;

use super::fronts::TranslationDraft;
use super::texts::{LinkTargets, TextRenderer};
use super::{CampaignId, ProfileId, Site};
use crate::content::Page;
use crate::content::cache::TextEdit;
use crate::content::markdown::MarkdownOptions;
use crate::urls::Urls;

/// What [`retext`] changed.
#[derive(Debug, Default)]
pub struct Retexted {
    /// Profiles with new texts, and whether what other pages show of them
    /// (the summary, taken from the body when not set) changed too.
    pub profiles: Vec<(ProfileId, bool)>,
    pub campaigns: Vec<CampaignId>,
}

/// Puts the new texts of edited pages into `site`. Returns `None`, changing
/// nothing, when an edited page is not in the site or its text has a
/// problem: then the site must be assembled again.
pub fn retext(site: &mut Site, edits: Vec<TextEdit>) -> Option<Retexted> {
    let md = MarkdownOptions {
        unsafe_html: site.config.markdown.unsafe_html,
    };
    let targets = LinkTargets::default();
    let renderer = TextRenderer {
        config: &site.config,
        urls: Urls::new(&site.config),
        targets: &targets,
        md: &md,
    };
    let mut profiles = Vec::new();
    let mut campaigns = Vec::new();
    for edit in edits {
        match edit {
            TextEdit::Profile {
                mut page,
                translations,
            } => {
                let i = site
                    .profiles
                    .iter()
                    .position(|p| p.source == page.info.rel)
                    .map(ProfileId::new)?;
                let (texts, found) =
                    renderer.profile_texts(&mut page, &mut by_language(translations, site.drafts));
                if !found.problems.is_empty() || !found.draft_links.is_empty() {
                    return None;
                }
                profiles.push((i, texts));
            }
            TextEdit::Campaign {
                mut page,
                translations,
            } => {
                let i = site
                    .campaigns
                    .iter()
                    .position(|c| c.source == page.info.rel)
                    .map(CampaignId::new)?;
                let (texts, found) =
                    renderer.campaign_texts(&mut page, &mut by_language(translations, site.drafts));
                if !found.problems.is_empty() || !found.draft_links.is_empty() {
                    return None;
                }
                campaigns.push((i, texts));
            }
        }
    }
    let mut done = Retexted::default();
    for (i, texts) in profiles {
        let old = &site.profiles[i].texts;
        let shown_elsewhere =
            old.len() != texts.len() || old.iter().zip(&texts).any(|(a, b)| a.summary != b.summary);
        site.profiles[i].texts = texts;
        done.profiles.push((i, shown_elsewhere));
    }
    for (i, texts) in campaigns {
        site.campaigns[i].texts = texts;
        done.campaigns.push(i);
    }
    Some(done)
}

/// Translations by language code, leaving out drafts unless they are built.
pub(super) fn by_language<T: TranslationDraft>(
    translations: Vec<Page<T>>,
    drafts: bool,
) -> HashMap<String, Page<T>> {
    translations
        .into_iter()
        .filter(|t| drafts || !t.front.is_draft())
        .filter_map(|t| Some((t.info.lang.clone()?, t)))
        .collect()
}
