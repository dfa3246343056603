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
pub const SETTLE: Duration = Duration::from_millis(40);

pub struct FileWatch {
    /// Kept alive: dropping it stops the watch.
    _watcher: notify::RecommendedWatcher,
    events: Receiver<()>,
    /// When the last event arrived, while a change waits to settle.
    pending: Option<Instant>,
}

impl FileWatch {
    /// Starts watching `path`'s directory for changes to `path`.
    pub fn start(path: &Path) -> notify::Result<FileWatch> {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let dir = path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let name: OsString = path.file_name().map(OsString::from).unwrap_or_default();
        let (tx, events) = channel();
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else { return };
            if matches!(event.kind, EventKind::Access(_)) {
                return;
            }
            if event.paths.iter().any(|p| p.file_name() == Some(name.as_os_str())) {
                let _ = tx.send(());
            }
        })?;
        watcher.watch(&dir, RecursiveMode::NonRecursive)?;
        Ok(FileWatch { _watcher: watcher, events, pending: None })
    }

    /// True once, when the file changed and has since been quiet for [`SETTLE`].
    pub fn changed(&mut self) -> bool {
        while self.events.try_recv().is_ok() {
            self.pending = Some(Instant::now());
        }
        match self.pending {
            Some(at) if at.elapsed() >= SETTLE => {
                self.pending = None;
                true
            }
            _ => false,
        }
    }

    /// True while a change waits to settle: the loop should look again soon.
    pub fn waiting(&self) -> bool {
        self.pending.is_some()
    }
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
}
