//! Noticing that a file changed on disk, for `--watch`.
//!
//! The directory is watched, not the file: editors (vim, VS Code, many
//! others) save by writing a new file and renaming it over the old one, and
//! a watch on the old file's inode would see nothing after the first such
//! save. Events are matched by file name, and a burst of them (truncate,
//! write, write, rename) counts as one change once the file has been quiet
//! for [`SETTLE`].

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

/// How long the file must be quiet before it is read: long enough for an
/// editor's write-then-rename, short enough to reload well within 300 ms.
pub(crate) const SETTLE: Duration = Duration::from_millis(40);

/// How often the watched directories are looked at: one removed and made
/// again (a checkout, `rm -r` and a restore) is watched again within this.
const REARM_EVERY: Duration = Duration::from_millis(500);

pub(crate) struct FileWatch {
    /// Dropping it stops the watch.
    watcher: notify::RecommendedWatcher,
    /// The directories watched, each with the identity it had when watched.
    dirs: Vec<(PathBuf, Option<u64>)>,
    checked: Instant,
    events: Receiver<Seen>,
    /// A watched directory itself went away (its watch with it): watch it again once it is back.
    lost: bool,
    /// When the last event arrived, while a change waits to settle.
    pending: Option<Instant>,
}

impl FileWatch {
    /// Starts watching `path`'s directory for changes to `path`; when `path`
    /// is a symbolic link (a comparison kept in a dotfiles repository), its
    /// target's directory too, for changes to the target.
    pub(crate) fn start(path: &Path) -> notify::Result<FileWatch> {
        FileWatch::start_waking(path, || {})
    }

    /// Like [`start`](FileWatch::start), calling `wake` on each event for the
    /// file, so a loop can sleep until then instead of polling.
    pub(crate) fn start_waking(path: &Path, wake: impl Fn() + Send + 'static) -> notify::Result<FileWatch> {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let mut places = vec![place(&path)];
        if path.is_symlink()
            && let Ok(target) = std::fs::canonicalize(&path)
        {
            places.push(place(&target));
        }
        let names: Vec<OsString> = places.iter().map(|(_, n)| n.clone()).collect();
        let dirs_seen: Vec<PathBuf> = places.iter().map(|(d, _)| d.clone()).collect();
        let (tx, events) = channel();
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else { return };
            if matches!(event.kind, EventKind::Access(_)) {
                return;
            }
            // The directory removed or moved away: the kernel drops its watch.
            if matches!(event.kind, EventKind::Remove(_) | EventKind::Modify(notify::event::ModifyKind::Name(_)))
                && event.paths.iter().any(|p| dirs_seen.contains(p))
            {
                let _ = tx.send(Seen::Lost);
            }
            if event.paths.iter().any(|p| p.file_name().is_some_and(|n| names.iter().any(|m| m == n))) {
                let _ = tx.send(Seen::Changed);
            }
            wake();
        })?;
        let mut dirs = Vec::new();
        for (dir, _) in places {
            watcher.watch(&dir, RecursiveMode::NonRecursive)?;
            dirs.push((dir.clone(), identity(&dir)));
        }
        Ok(FileWatch { watcher, dirs, checked: Instant::now(), events, lost: false, pending: None })
    }

    /// True once, when the file changed and has since been quiet for [`SETTLE`].
    pub(crate) fn changed(&mut self) -> bool {
        while let Ok(seen) = self.events.try_recv() {
            match seen {
                Seen::Changed => self.pending = Some(Instant::now()),
                Seen::Lost => self.lost = true,
            }
        }
        self.rearm();
        match self.pending {
            Some(at) if at.elapsed() >= SETTLE => {
                self.pending = None;
                true
            }
            _ => false,
        }
    }

    /// A watched directory that was removed takes its watch with it: when a
    /// directory is back (another one at the same path), it is watched again
    /// and counts as a change, since the file may be back too.
    fn rearm(&mut self) {
        if self.checked.elapsed() < REARM_EVERY {
            return;
        }
        self.checked = Instant::now();
        let lost = std::mem::take(&mut self.lost);
        for (dir, known) in &mut self.dirs {
            let now = identity(dir);
            // A folder made again may get the old one's inode: the lost watch says it all the same.
            if now == *known && !lost {
                continue;
            }
            if now.is_none() {
                self.lost |= lost;
            }
            if now.is_some() {
                let _ = self.watcher.unwatch(dir);
                if self.watcher.watch(dir, RecursiveMode::NonRecursive).is_err() {
                    self.lost = true;
                    continue;
                }
                self.pending = Some(Instant::now());
            }
            *known = now;
        }
    }

    /// When to look again without being woken: once a change has settled, or
    /// while a removed folder is awaited; None when only an event can matter.
    pub(crate) fn next_look(&self) -> Option<Duration> {
        match self.pending {
            Some(at) => Some(SETTLE.saturating_sub(at.elapsed())),
            None if self.lost || self.dirs.iter().any(|(_, known)| known.is_none()) => Some(REARM_EVERY),
            None => None,
        }
    }
}

enum Seen {
    Changed,
    Lost,
}

/// Which directory is at `dir` (device and inode), or None when none is.
fn identity(dir: &Path) -> Option<u64> {
    let meta = std::fs::metadata(dir).ok().filter(std::fs::Metadata::is_dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some(meta.ino() ^ meta.dev().rotate_left(32))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Some(0)
    }
}

/// A file's directory and name.
fn place(path: &Path) -> (PathBuf, OsString) {
    let dir = path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    (dir, path.file_name().map(OsString::from).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait_for_change(watch: &mut FileWatch) -> bool {
        let end = Instant::now() + Duration::from_secs(3);
        while Instant::now() < end {
            if watch.changed() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        false
    }

    #[test]
    fn writes_in_place_and_renames_over_the_file_are_both_seen() {
        let dir = std::env::temp_dir().join(format!("versus-watch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("c.ron");
        std::fs::write(&file, "one").unwrap();
        let mut watch = FileWatch::start(&file).unwrap();
        std::fs::write(&file, "two").unwrap();
        assert!(wait_for_change(&mut watch), "write in place");
        let temp = dir.join(".c.ron.tmp");
        std::fs::write(&temp, "three").unwrap();
        std::fs::rename(&temp, &file).unwrap();
        assert!(wait_for_change(&mut watch), "rename over");
        // A second rename-save: the watch must outlive the first replaced inode.
        std::fs::write(&temp, "four").unwrap();
        std::fs::rename(&temp, &file).unwrap();
        assert!(wait_for_change(&mut watch), "second rename over");
        std::fs::write(dir.join("other.ron"), "x").unwrap();
        std::thread::sleep(Duration::from_millis(200));
        assert!(!watch.changed(), "another file in the directory is not this one");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_directory_removed_and_made_again_is_watched_again() {
        let base = std::env::temp_dir().join(format!("versus-watch-rearm-{}", std::process::id()));
        let dir = base.join("comparisons");
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("c.ron");
        std::fs::write(&file, "one").unwrap();
        let mut watch = FileWatch::start(&file).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let _ = wait_for_change(&mut watch);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&file, "two").unwrap();
        assert!(wait_for_change(&mut watch), "the new directory's file is noticed");
        std::thread::sleep(REARM_EVERY);
        let _ = watch.changed();
        std::fs::write(&file, "three").unwrap();
        assert!(wait_for_change(&mut watch), "and later saves in it too");
        std::fs::remove_dir_all(&base).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_to_its_target() {
        let base = std::env::temp_dir().join(format!("versus-watch-link-{}", std::process::id()));
        let (here, there) = (base.join("comparisons"), base.join("dotfiles"));
        std::fs::create_dir_all(&here).unwrap();
        std::fs::create_dir_all(&there).unwrap();
        let target = there.join("real.ron");
        std::fs::write(&target, "one").unwrap();
        let link = here.join("linked.ron");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let mut watch = FileWatch::start(&link).unwrap();
        std::fs::write(&target, "two").unwrap();
        assert!(wait_for_change(&mut watch), "the target changed in place");
        std::fs::write(there.join(".real.tmp"), "three").unwrap();
        std::fs::rename(there.join(".real.tmp"), &target).unwrap();
        assert!(wait_for_change(&mut watch), "the target was replaced by rename");
        std::fs::remove_dir_all(&base).unwrap();
    }
}
