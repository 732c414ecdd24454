//! Loaded content → [`Site`]: validates every reference, pairs translations
//! with their originals, sorts, renders markdown (in parallel) and joins the
//! pieces through indexes built once.

use std::collections::HashMap;

use rayon::prelude::*;

use super::checks::Checker;
use super::join;
use super::texts::{Found, LinkTargets, TextRenderer, pair_translations};
use super::*;
use crate::catalogue::Catalogue;
use crate::config::Config;
use crate::content::Content;
use crate::content::markdown::MarkdownOptions;
use crate::diagnostic::Diagnostics;
use crate::diagnostic::messages::Note;
use crate::i18n::collate::NameCollator;
use crate::urls::Urls;
use crate::vocab::Section;

/// Choices that change what is built.
#[derive(Debug, Clone, Copy, Default)]
pub struct AssembleOptions {
    /// Include drafts (marked as such).
    pub drafts: bool,
}

/// Builds the site from loaded content; `problems` are the loader's, to
/// which every problem found here is added.
pub fn assemble(
    config: Config,
    content: Content,
    mut problems: Diagnostics,
    options: AssembleOptions,
) -> Result<Site, Diagnostics> {
    let catalogue = Catalogue::with_site_entries(&config.award_types);
    let collator = NameCollator::vietnamese();
    let mut cx = Checker {
        problems: &mut problems,
        skip: content.broken.clone(),
        catalogue: &catalogue,
        drafts: Vec::new(),
    };

    // Campaigns first: profiles and lists refer to them.
    let mut campaign_pages = cx.built_pages(content.campaigns, Section::Campaigns, options.drafts);
    for (_, page) in &campaign_pages {
        cx.check_campaign(page);
    }
    campaign_pages.sort_by(|(sa, a), (sb, b)| {
        b.front
            .start_year
            .get_ref()
            .cmp(a.front.start_year.get_ref())
            .then_with(|| collator.compare(&a.front.name, &b.front.name))
            .then_with(|| sa.cmp(sb))
    });
    let campaign_index: HashMap<String, CampaignId> = campaign_pages
        .iter()
        .enumerate()
        .map(|(i, (slug, _))| (slug.clone(), CampaignId::new(i)))
        .collect();

    // Profiles.
    let mut profile_pages = cx.built_pages(content.profiles, Section::Profiles, options.drafts);
    profile_pages.sort_by(|(sa, a), (sb, b)| {
        let (fa, fb) = (&a.front, &b.front);
        fa.kind
            .cmp(&fb.kind)
            .then_with(|| match fa.kind {
                Kind::Individual => collator.compare_people(
                    (&fa.name, fa.sort_name.as_deref()),
                    (&fb.name, fb.sort_name.as_deref()),
                ),
                Kind::Collective => collator.compare(&fa.name, &fb.name),
            })
            .then_with(|| sa.cmp(sb))
    });
    let profile_index: HashMap<String, ProfileId> = profile_pages
        .iter()
        .enumerate()
        .map(|(i, (slug, _))| (slug.clone(), ProfileId::new(i)))
        .collect();
    let mut profiles: Vec<Profile> = profile_pages
        .iter()
        .map(|(slug, page)| cx.profile_structure(&config, slug, page, &campaign_index))
        .collect();

    // Award lists, and the personal-data columns their spreadsheets dropped.
    let mut notes: Vec<Note> = content
        .award_lists
        .iter()
        .filter_map(|src| src.sheet.as_ref())
        .filter(|sheet| !sheet.dropped.is_empty())
        .map(|sheet| Note::DroppedColumns {
            file: sheet.file.to_path_buf(),
            sheet: sheet.sheet.clone(),
            headers: sheet.dropped.clone(),
        })
        .collect();
    notes.sort();
    let mut lists: Vec<AwardList> = content
        .award_lists
        .iter()
        .filter_map(|src| cx.award_list(src, &campaign_index, &profile_index, &profiles))
        .collect();
    cx.duplicate_list_slugs(&lists);
    lists.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| a.decision.cmp(&b.decision))
            .then_with(|| a.slug.cmp(&b.slug))
    });

    // Translations, then markdown in every language.
    let urls = Urls::new(&config);
    let targets = LinkTargets::new(
        &profile_pages,
        &campaign_pages,
        &content.profile_translations,
        &content.campaign_translations,
        &cx.drafts,
    );
    let mut profile_translations = pair_translations(
        cx.problems,
        content.profile_translations,
        &profile_pages,
        options,
    );
    let mut campaign_translations = pair_translations(
        cx.problems,
        content.campaign_translations,
        &campaign_pages,
        options,
    );
    let md = MarkdownOptions {
        unsafe_html: config.markdown.unsafe_html,
    };
    let renderer = TextRenderer {
        config: &config,
        urls,
        targets: &targets,
        md: &md,
    };

    let mut draft_links = Vec::new();
    let profile_texts: Vec<(Vec<ProfileText>, Found)> = profile_pages
        .par_iter_mut()
        .zip(profile_translations.par_iter_mut())
        .map(|((_, page), tr)| renderer.profile_texts(page, tr))
        .collect();
    for (profile, (texts, found)) in profiles.iter_mut().zip(profile_texts) {
        profile.texts = texts;
        problems.extend(found.problems);
        draft_links.extend(found.draft_links);
    }
    let campaign_texts: Vec<(Vec<CampaignText>, Found)> = campaign_pages
        .par_iter_mut()
        .zip(campaign_translations.par_iter_mut())
        .map(|((_, page), tr)| renderer.campaign_texts(page, tr))
        .collect();
    let campaigns: Vec<Campaign> = campaign_pages
        .iter()
        .zip(campaign_texts)
        .map(|((slug, page), (texts, found))| {
            problems.extend(found.problems);
            draft_links.extend(found.draft_links);
            Campaign {
                slug: slug.clone(),
                start_year: *page.front.start_year.get_ref() as i32,
                end_year: page.front.end_year.as_ref().map(|y| *y.get_ref() as i32),
                draft: page.front.draft,
                texts,
                profiles: Vec::new(),
                award_lists: Vec::new(),
                source: page.info.rel.clone(),
            }
        })
        .collect();

    if !problems.is_empty() {
        return Err(problems.sorted());
    }
    draft_links.sort();
    let mut site = Site {
        config,
        catalogue,
        profiles,
        campaigns,
        award_lists: lists,
        years: Vec::new(),
        drafts: options.drafts,
        draft_links,
        notes,
    };
    join::join(&mut site);
    Ok(site)
}
