//! Putting edited files into an assembled site, for the preview's first
//! look at an edited page: the edited profile, campaign or award list is
//! checked and made on its own and takes its place in the last site (a new
//! profile goes last), so that its page can be rendered at once, before
//! the whole site is assembled again.
//!
//! The result is right for the edited entity's own page; lists, years,
//! counts and every other page wait for the whole site, which replaces
//! this one. An edit whose page cannot be made alone (a problem in the
//! file, a new slug, a photo to encode, an `@/` link to a page the site
//! does not have, a new campaign or list) patches nothing: then only the whole site tells.

use std::collections::HashMap;

use super::checks::Checker;
use super::fronts::PageFront;
use super::join::{attach_list_awards_to, sort_awards};
use super::retext::by_language;
use super::texts::{LinkTargets, TextRenderer};
use super::{AwardListId, CampaignId, ProfileId, Site};
use crate::content::cache::QuickEdit;
use crate::content::markdown::MarkdownOptions;
use crate::diagnostic::Diagnostics;
use crate::i18n::slug::slugify;
use crate::urls::Urls;

/// What [`patch`] changed in the site.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Patched {
    /// Profiles edited in place.
    pub profiles: Vec<ProfileId>,
    /// Profiles added (last in the site's list: not yet in its order).
    pub added: Vec<ProfileId>,
    pub campaigns: Vec<CampaignId>,
    pub award_lists: Vec<AwardListId>,
    /// Pages whose file is gone (still in the site, to find their pages).
    pub gone_profiles: Vec<ProfileId>,
    pub gone_campaigns: Vec<CampaignId>,
    pub gone_award_lists: Vec<AwardListId>,
}

/// One edit, checked, before it changes the site.
enum Change {
    Profile(Option<ProfileId>, Box<super::Profile>),
    Campaign(CampaignId, Box<super::Campaign>),
    AwardList(AwardListId, Box<super::AwardList>),
}

/// Puts `edits` into `site`, all or nothing: `None` (the site unchanged)
/// when one of them cannot be made alone.
pub fn patch(site: &mut Site, edits: Vec<QuickEdit>) -> Option<Patched> {
    let mut problems = Diagnostics::new();
    let md = MarkdownOptions {
        unsafe_html: site.config.markdown.unsafe_html,
    };
    // `@/` links to the pages the site has; any other is a problem here.
    // Only a body with such links (not rendered while loading) needs them.
    let links = edits.iter().any(|e| match e {
        QuickEdit::Profile { page, translations } => {
            page.rendered.is_none() || translations.iter().any(|t| t.rendered.is_none())
        }
        QuickEdit::Campaign { page, translations } => {
            page.rendered.is_none() || translations.iter().any(|t| t.rendered.is_none())
        }
        QuickEdit::AwardList(_) | QuickEdit::Gone(_) => false,
    });
    let targets = if links {
        LinkTargets::of_site(site)
    } else {
        LinkTargets::default()
    };
    let renderer = TextRenderer {
        config: &site.config,
        urls: Urls::new(&site.config),
        targets: &targets,
        md: &md,
    };
    let campaign_index: HashMap<String, CampaignId> = CampaignId::all(site.campaigns.len())
        .zip(&site.campaigns)
        .map(|(i, c)| (c.slug.clone(), i))
        .collect();
    let mut cx = Checker {
        problems: &mut problems,
        skip: Default::default(),
        catalogue: &site.catalogue,
        drafts: Vec::new(),
    };
    let mut changes = Vec::new();
    let mut done = Patched::default();
    for edit in edits {
        match edit {
            QuickEdit::Profile {
                mut page,
                translations,
            } => {
                let slug = slugify(page.front.slug().unwrap_or(&page.info.stem));
                if slug.is_empty() || (page.front.draft() && !site.drafts) {
                    return None;
                }
                let at = site.profiles.iter().position(|p| p.source == page.info.rel);
                let same_slug = |p: &super::Profile| p.slug == slug;
                match at {
                    Some(i) if site.profiles[i].slug != slug => return None,
                    None if site.profiles.iter().any(same_slug) => return None,
                    _ => {}
                }
                let mut profile = cx.profile_structure(&site.config, &slug, &page, &campaign_index);
                let old = at.map(|i| &site.profiles[i]);
                match (&profile.photo, old.and_then(|o| o.photo.as_ref())) {
                    (None, _) => {}
                    // The same photo keeps its encoded copies; another must be encoded.
                    (Some(new), Some(was)) if new.file == was.file => {
                        profile.photo = Some(was.clone());
                    }
                    (Some(_), _) => return None,
                }
                let (texts, found) =
                    renderer.profile_texts(&mut page, &mut by_language(translations, site.drafts));
                if !found.problems.is_empty() || !found.draft_links.is_empty() {
                    return None;
                }
                profile.texts = texts;
                let id = at.map(ProfileId::new);
                if let Some(i) = id {
                    attach_list_awards_to(&site.award_lists, i, &mut profile.awards);
                }
                sort_awards(&site.catalogue, &mut profile.awards);
                changes.push(Change::Profile(id, Box::new(profile)));
            }
            QuickEdit::Campaign {
                mut page,
                translations,
            } => {
                let slug = slugify(page.front.slug().unwrap_or(&page.info.stem));
                let i = site
                    .campaigns
                    .iter()
                    .position(|c| c.source == page.info.rel)
                    .map(CampaignId::new)?;
                let old = &site.campaigns[i];
                if old.slug != slug || (page.front.draft() && !site.drafts) {
                    return None;
                }
                let checked = cx.check_campaign(&page);
                let (texts, found) =
                    renderer.campaign_texts(&mut page, &mut by_language(translations, site.drafts));
                if !found.problems.is_empty() || !found.draft_links.is_empty() {
                    return None;
                }
                let campaign = super::Campaign {
                    profiles: old.profiles.clone(),
                    award_lists: old.award_lists.clone(),
                    ..super::assemble::campaign(slug, &page, checked, texts)
                };
                changes.push(Change::Campaign(i, Box::new(campaign)));
            }
            QuickEdit::AwardList(source) => {
                let i = site
                    .award_lists
                    .iter()
                    .position(|l| l.source == source.info.rel)
                    .map(AwardListId::new)?;
                let profile_index: HashMap<String, ProfileId> = ProfileId::all(site.profiles.len())
                    .zip(&site.profiles)
                    .map(|(i, p)| (p.slug.clone(), i))
                    .collect();
                let list =
                    cx.award_list(&source, &campaign_index, &profile_index, &site.profiles)?;
                let old = &site.award_lists[i];
                if list.slug != old.slug || list.attachment != old.attachment {
                    return None;
                }
                changes.push(Change::AwardList(i, Box::new(list)));
            }
            QuickEdit::Gone(rel) => {
                if let Some(i) = site.profiles.iter().position(|p| p.source == rel) {
                    done.gone_profiles.push(ProfileId::new(i));
                } else if let Some(i) = site.campaigns.iter().position(|c| c.source == rel) {
                    done.gone_campaigns.push(CampaignId::new(i));
                } else if let Some(i) = site.award_lists.iter().position(|l| l.source == rel) {
                    done.gone_award_lists.push(AwardListId::new(i));
                }
            }
        }
    }
    if !problems.is_empty() {
        return None;
    }
    for change in changes {
        match change {
            Change::Profile(Some(i), profile) => {
                site.profiles[i] = *profile;
                done.profiles.push(i);
            }
            Change::Profile(None, profile) => {
                let i = ProfileId::new(site.profiles.len());
                site.profiles.push(*profile);
                for rank in site.profile_rank.iter_mut().flatten() {
                    rank.push(i.index() as u32);
                }
                done.added.push(i);
            }
            Change::Campaign(i, campaign) => {
                site.campaigns[i] = *campaign;
                done.campaigns.push(i);
            }
            Change::AwardList(i, list) => {
                site.award_lists[i] = *list;
                done.award_lists.push(i);
            }
        }
    }
    Some(done)
}
