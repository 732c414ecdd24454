//! What the model asks of front matter, whatever the page: its slug and
//! whether it is a draft. Both the checks and the texts use these, so they
//! sit below both.

use crate::content::front::{CampaignFront, CampaignTranslation, ProfileFront, ProfileTranslation};

/// What every page's front matter has.
pub(super) trait PageFront {
    fn slug(&self) -> Option<&str>;
    fn draft(&self) -> bool;
}

impl PageFront for ProfileFront {
    fn slug(&self) -> Option<&str> {
        self.slug.as_deref()
    }
    fn draft(&self) -> bool {
        self.draft
    }
}

impl PageFront for CampaignFront {
    fn slug(&self) -> Option<&str> {
        self.slug.as_deref()
    }
    fn draft(&self) -> bool {
        self.draft
    }
}

/// Translation front matter that may be marked as a draft.
pub(super) trait TranslationDraft {
    fn is_draft(&self) -> bool;
}

impl TranslationDraft for ProfileTranslation {
    fn is_draft(&self) -> bool {
        self.draft.unwrap_or(false)
    }
}

impl TranslationDraft for CampaignTranslation {
    fn is_draft(&self) -> bool {
        self.draft.unwrap_or(false)
    }
}
