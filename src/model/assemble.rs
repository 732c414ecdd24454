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
        skip: std::borrow::Cow::Borrowed(&content.broken),
        catalogue: &catalogue,
        drafts: Vec::new(),
    };

    // Campaigns first: profiles and lists refer to them.
    let campaign_pages = cx.built_pages(content.campaigns, Section::Campaigns, options.drafts);
    let mut campaign_pages: Vec<_> = campaign_pages
        .into_iter()
        .map(|(slug, page)| {
            let checked = cx.check_campaign(&page);
            (slug, page, checked)
        })
        .collect();
    // By level, national first and campaigns without one last; then the
    // newest start first (unknown starts last), then by name.
    campaign_pages.sort_by(|(sa, a, ca), (sb, b, cb)| {
        let level = |l: Option<CampaignLevel>| (l.is_none(), l);
        let start = |y: Option<i32>| (y.is_none(), std::cmp::Reverse(y));
        level(a.front.level)
            .cmp(&level(b.front.level))
            .then_with(|| start(ca.start_year).cmp(&start(cb.start_year)))
            .then_with(|| collator.compare(&a.front.name, &b.front.name))
            .then_with(|| sa.cmp(sb))
    });
    let (mut campaign_pages, campaign_checks): (Vec<_>, Vec<_>) = campaign_pages
        .into_iter()
        .map(|(slug, page, checked)| ((slug, page), checked))
        .unzip();
    let campaign_index: HashMap<String, CampaignId> = campaign_pages
        .iter()
        .enumerate()
        .map(|(i, (slug, _))| (slug.clone(), CampaignId::new(i)))
        .collect();

    // Profiles.
    let mut profile_pages = cx.built_pages(content.profiles, Section::Profiles, options.drafts);
    // On every core: comparing 10,000 names with the collator took 40 ms
    // of each of the preview's rebuilds.
    profile_pages.par_sort_by(|(sa, a), (sb, b)| {
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
    let mut profiles = cx.profile_structures(&config, &profile_pages, &campaign_index);

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
    let mut lists = cx.award_lists(
        &content.award_lists,
        &campaign_index,
        &profile_index,
        &profiles,
    );
    cx.duplicate_list_slugs(&lists);
    lists.sort_by(|a, b| b.chronological(a));

    // Translations, then markdown in every language.
    let urls = Urls::new(&config);
    let targets = LinkTargets::new(
        &profile_pages,
        &campaign_pages,
        &content.profile_translations,
        &content.campaign_translations,
        &lists,
        &cx.drafts,
        &content.broken_files,
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
        .zip(campaign_checks)
        .map(|(((slug, page), (texts, found)), checked)| {
            problems.extend(found.problems);
            draft_links.extend(found.draft_links);
            campaign(slug.clone(), page, checked, texts)
        })
        .collect();

    if !problems.is_empty() {
        return Err(problems.sorted());
    }
    draft_links.sort();
    let profile_rank = profile_ranks(&config, &profiles, &collator);
    let mut site = Site {
        config,
        catalogue,
        profiles,
        profile_rank,
        campaigns,
        award_lists: lists,
        years: Vec::new(),
        drafts: options.drafts,
        draft_links,
        notes,
        redirects: Vec::new(),
    };
    join::join(&mut site);
    Ok(site)
}

/// Where each profile stands in each language's lists: individuals first,
/// each kind by the name shown in that language (people by given name).
/// The default language's order is the order of `profiles`; another
/// language sorts again only when some name differs in it.
fn profile_ranks(
    config: &Config,
    profiles: &[Profile],
    collator: &NameCollator,
) -> Vec<Option<Vec<u32>>> {
    (0..config.languages.len())
        .map(|l| {
            let renamed = profiles.iter().any(|p| p.texts[l].name != p.texts[0].name);
            if l == 0 || !renamed {
                return None;
            }
            let mut order: Vec<usize> = (0..profiles.len()).collect();
            order.par_sort_by(|&a, &b| {
                let (pa, pb) = (&profiles[a], &profiles[b]);
                let (na, nb) = (&pa.texts[l].name, &pb.texts[l].name);
                pa.kind
                    .cmp(&pb.kind)
                    .then_with(|| match pa.kind {
                        Kind::Individual => collator.compare_people(
                            (na, pa.sort_name.as_deref()),
                            (nb, pb.sort_name.as_deref()),
                        ),
                        Kind::Collective => collator.compare(na, nb),
                    })
                    .then_with(|| pa.slug.cmp(&pb.slug))
            });
            let mut rank = vec![0u32; profiles.len()];
            for (position, &i) in order.iter().enumerate() {
                rank[i] = position as u32;
            }
            Some(rank)
        })
        .collect()
}

/// A campaign from its page, its checked front matter and its texts; its
/// profiles and award lists are joined later.
pub(super) fn campaign(
    slug: String,
    page: &crate::content::Page<crate::content::front::CampaignFront>,
    checked: super::checks::CampaignChecked,
    texts: Vec<CampaignText>,
) -> Campaign {
    Campaign {
        slug,
        start_year: checked.start_year,
        end_year: checked.end_year,
        level: page.front.level,
        documents: checked.documents,
        aliases: checked.aliases,
        draft: page.front.draft,
        texts,
        profiles: Vec::new(),
        award_lists: Vec::new(),
        source: page.info.rel.clone(),
    }
}
