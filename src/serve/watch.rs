//! Watching the site's inputs with `notify`: `site.toml`, `content/`,
//! `static/`, `templates/`, `i18n/` and `themes/`.
//!
//! Events are gathered into batches: a batch ends when nothing has happened
//! for [`QUIET`] (an editor's save is a burst of events, and a tool that
//! writes a temporary file and renames it over the original makes several),
//! or for only [`SETTLED`] after a file was closed after writing, renamed
//! into place or deleted: then the save is over, and the preview need not
//! wait.
//! Editor droppings (`.swp`, `~`, `4913`, `.#…`, hidden files) never start
//! or join a batch. The site root itself is watched without recursion, so
//! that `public/`, `target/` or `.git/` beside the site cost nothing; an
//! input folder created later is watched from then on.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{Event, EventKind, RecursiveMode, Watcher as _};

use crate::content::is_ignored_name;
use crate::vocab::{CONFIG_FILE, CONTENT_DIR, I18N_DIR, STATIC_DIR, TEMPLATES_DIR, THEMES_DIR};

/// How long the inputs must be still before a batch is handed over.
pub const QUIET: Duration = Duration::from_millis(15);
/// How long, instead, after the last event was a file closed after writing,
/// renamed into place or deleted: the save is over, unless another file
/// follows at once (an editor saving several, a tool writing a temporary
/// file and renaming it where the deleted one was).
pub const SETTLED: Duration = Duration::from_millis(3);
/// A batch is handed over after this long even if events keep coming.
const LONGEST: Duration = Duration::from_millis(1000);
/// Folders of the site root that hold inputs.
const INPUT_FOLDERS: [&str; 5] = [CONTENT_DIR, STATIC_DIR, TEMPLATES_DIR, I18N_DIR, THEMES_DIR];

/// Changed paths (absolute, as under the watched root).
#[derive(Debug, Default)]
pub struct Batch {
    pub paths: Vec<PathBuf>,
    /// The system dropped events: anything may have changed.
    pub rescan: bool,
}

/// The watcher and where its events arrive.
pub struct Watch {
    root: PathBuf,
    watcher: notify::RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
    /// Raised when an input changed since the last batch was handed over.
    stirred: Arc<AtomicBool>,
}

impl Watch {
    /// Starts watching the inputs of the site at `root` (absolute).
    pub fn start(root: &Path) -> notify::Result<Watch> {
        let (sender, events) = channel();
        let stirred = Arc::new(AtomicBool::new(false));
        let (raise, watched) = (Arc::clone(&stirred), root.to_path_buf());
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<Event>| {
            if event.as_ref().map_or(true, |e| touches_input(&watched, e)) {
                raise.store(true, Ordering::Release);
            }
            // The receiver is gone only when the server is stopping.
            let _ = sender.send(event);
        })?;
        watcher.watch(root, RecursiveMode::NonRecursive)?;
        let mut watch = Watch {
            root: root.to_path_buf(),
            watcher,
            events,
            stirred,
        };
        for folder in INPUT_FOLDERS {
            watch.watch_folder(&root.join(folder))?;
        }
        Ok(watch)
    }

    fn watch_folder(&mut self, folder: &Path) -> notify::Result<()> {
        if folder.is_dir() {
            self.watcher.watch(folder, RecursiveMode::Recursive)
        } else {
            Ok(())
        }
    }

    /// A flag raised as soon as an input changes after the last batch was
    /// handed over: a rebuild may give way to the next batch
    /// ([`super::rebuild::Rebuilder::yield_to`]).
    pub fn stirred(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.stirred)
    }

    /// Waits for the next batch of changes. `None` when watching has ended;
    /// `Err` carries a watcher error (the batch so far is not lost).
    pub fn next_batch(&mut self) -> Option<Result<Batch, notify::Error>> {
        let mut batch = Batch::default();
        let mut started: Option<Instant> = None;
        let mut quiet = QUIET;
        loop {
            let event = match started {
                None => self.events.recv().ok()?,
                Some(at) => {
                    let left = LONGEST.saturating_sub(at.elapsed());
                    match self.events.recv_timeout(quiet.min(left)) {
                        Ok(event) => event,
                        Err(RecvTimeoutError::Timeout) => break,
                        Err(RecvTimeoutError::Disconnected) => return None,
                    }
                }
            };
            let event = match event {
                Ok(event) => event,
                Err(e) => return Some(Err(e)),
            };
            let input = self.add(&mut batch, &event);
            if input && started.is_none() {
                started = Some(Instant::now());
            }
            // A close-write does not join the batch (the writes before it
            // did), but like a rename into place or a deletion it ends an
            // input's save.
            let ended = ends_save(&event) && event.paths.iter().any(|p| self.input_of(p).is_some());
            if input || ended {
                quiet = if ended { SETTLED } else { QUIET };
            }
            if started.is_some_and(|at| at.elapsed() >= LONGEST) {
                break;
            }
        }
        // Events after this one are still in the channel: they raise it again.
        self.stirred.store(false, Ordering::Release);
        Some(Ok(batch))
    }

    /// Adds the event's input paths to the batch; whether it had any.
    fn add(&mut self, batch: &mut Batch, event: &Event) -> bool {
        if event.need_rescan() {
            batch.rescan = true;
            return true;
        }
        if matches!(event.kind, EventKind::Access(_)) {
            return false;
        }
        let mut any = false;
        for path in &event.paths {
            let Some(top) = self.input_of(path) else {
                continue;
            };
            if matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_))
                && top.as_path() == path
            {
                // A new input folder: watch it from now on. An error here
                // shows on the next batch as missing changes, not as a crash.
                let _ = self.watch_folder(&top);
            }
            if !batch.paths.contains(path) {
                batch.paths.push(path.clone());
            }
            any = true;
        }
        any
    }

    fn input_of(&self, path: &Path) -> Option<PathBuf> {
        input_of(&self.root, path)
    }
}

/// A file closed after writing, renamed into place or deleted: one file's
/// save is over.
fn ends_save(event: &Event) -> bool {
    matches!(
        event.kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
            | EventKind::Remove(_)
    )
}

/// Whether `event` would join a batch ([`Watch::add`]).
fn touches_input(root: &Path, event: &Event) -> bool {
    event.need_rescan()
        || (!matches!(event.kind, EventKind::Access(_))
            && event.paths.iter().any(|p| input_of(root, p).is_some()))
}

/// The top-level input (`site.toml` or an input folder) a path is in,
/// unless the path is not an input or names an editor's dropping.
fn input_of(root: &Path, path: &Path) -> Option<PathBuf> {
    let rel = path.strip_prefix(root).ok()?;
    let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy());
    let first = parts.next()?;
    if first != CONFIG_FILE && !INPUT_FOLDERS.contains(&first.as_ref()) {
        return None;
    }
    if is_ignored_name(&first) || parts.any(|p| is_ignored_name(&p)) {
        return None;
    }
    Some(root.join(first.as_ref()))
}

#[cfg(test)]
mod tests {
    use notify::event::{CreateKind, DataChange, RemoveKind};

    use super::*;

    fn event(kind: EventKind) -> Event {
        Event::new(kind).add_path(PathBuf::from("/site/content/profiles/a.md"))
    }

    #[test]
    fn a_save_is_over_when_its_file_is_closed_renamed_into_place_or_deleted() {
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        let renamed = EventKind::Modify(ModifyKind::Name(RenameMode::To));
        let deleted = EventKind::Remove(RemoveKind::File);
        for kind in [closed, renamed, deleted] {
            assert!(ends_save(&event(kind)), "{kind:?}");
        }
        // Still being written, or only begun: wait the whole quiet window.
        let written = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        let created = EventKind::Create(CreateKind::File);
        let moved_away = EventKind::Modify(ModifyKind::Name(RenameMode::From));
        let read = EventKind::Access(AccessKind::Close(AccessMode::Read));
        for kind in [written, created, moved_away, read] {
            assert!(!ends_save(&event(kind)), "{kind:?}");
        }
    }
}
