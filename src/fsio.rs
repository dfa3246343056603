//! Reading a file the safe way, the only way versus reads one: look at what
//! the path is before opening it, refuse anything but a regular file, open
//! without waiting (a FIFO opened for reading blocks until a writer comes;
//! `/dev/tty` would read the user's keys), check again what was opened (the
//! path may have been swapped in between), and read at most a bound.
//!
//! Comparison files, the config file and decision records follow symbolic
//! links (users keep their files where they like and link them in), but the
//! link must lead to a regular file. The wizard's state file does not follow
//! links at all: versus writes it, so a link there was planted.

use std::fmt;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

/// Whether a symbolic link at the path itself is followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Links {
    /// Follow it, to a regular file only.
    Follow,
    /// Refuse it: the path itself must be a regular file.
    Refuse,
}

/// Why a file was not read.
#[derive(Debug)]
pub(crate) enum ReadError {
    Missing,
    /// Not a regular file: what it is instead ("a named pipe", …).
    NotRegular(&'static str),
    /// Larger than the bound; the size found.
    TooLarge {
        size: u64,
        limit: u64,
    },
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Missing => f.write_str("no such file"),
            ReadError::NotRegular(kind) => write!(f, "not a regular file ({kind}); not read"),
            ReadError::TooLarge { size, limit } => {
                write!(f, "the file is {size} bytes; the limit is {limit} bytes ({})", mebibytes(*limit))
            }
            ReadError::Io(e) => write!(f, "cannot read: {e}"),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> ReadError {
        if e.kind() == io::ErrorKind::NotFound { ReadError::Missing } else { ReadError::Io(e) }
    }
}

fn mebibytes(bytes: u64) -> String {
    if bytes >= 1 << 20 { format!("{} MiB", bytes >> 20) } else { format!("{} KiB", bytes >> 10) }
}

/// The whole file, when it is a regular file of at most `limit` bytes.
pub(crate) fn read(path: &Path, limit: u64, links: Links) -> Result<Vec<u8>, ReadError> {
    let (file, meta) = open(path, links)?;
    if meta.len() > limit {
        return Err(ReadError::TooLarge { size: meta.len(), limit });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // One byte past the limit: a file growing while read is refused too.
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { size: bytes.len() as u64, limit });
    }
    Ok(bytes)
}

/// At most the first `limit` bytes, and the file's size.
pub(crate) fn read_head(path: &Path, limit: u64, links: Links) -> Result<(Vec<u8>, u64), ReadError> {
    let (file, meta) = open(path, links)?;
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit).read_to_end(&mut bytes)?;
    Ok((bytes, meta.len()))
}

/// At most the last `limit` bytes, and whether anything before them was left unread.
pub(crate) fn read_tail(path: &Path, limit: u64, links: Links) -> Result<(Vec<u8>, bool), ReadError> {
    let (mut file, meta) = open(path, links)?;
    let skipped = meta.len().saturating_sub(limit);
    file.seek(SeekFrom::Start(skipped))?;
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit).read_to_end(&mut bytes)?;
    Ok((bytes, skipped > 0))
}

/// What is at `path`, when it is a regular file: opened, and its metadata.
pub(crate) fn open(path: &Path, links: Links) -> Result<(File, Metadata), ReadError> {
    // Look before opening: opening a FIFO or a device has effects.
    let before = match links {
        Links::Follow => std::fs::metadata(path)?,
        Links::Refuse => std::fs::symlink_metadata(path)?,
    };
    if !before.is_file() {
        return Err(ReadError::NotRegular(kind_of(&before.file_type())));
    }
    let file = open_nonblocking(path, links)?;
    // What was opened must itself be a regular file: the path may have been swapped.
    let opened = file.metadata()?;
    if !opened.is_file() {
        return Err(ReadError::NotRegular(kind_of(&opened.file_type())));
    }
    Ok((file, opened))
}

/// Opens for reading without waiting for a writer, and with [`Links::Refuse`]
/// without following a link (a link swapped in after the look makes it fail).
pub(crate) fn open_nonblocking(path: &Path, links: Links) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let no_follow = if links == Links::Refuse { libc::O_NOFOLLOW } else { 0 };
        options.custom_flags(libc::O_NONBLOCK | no_follow);
    }
    #[cfg(not(unix))]
    let _ = links;
    options.open(path)
}

/// Writes `bytes` to `path` so that a crash leaves the old file or the new
/// one, never half of one: a fresh temporary file beside it, named
/// `<prefix><random>.tmp` and created exclusively with mode 0600 (a file or
/// link planted at a guessed name makes creation fail, never written
/// through; the `tempfile` crate), written by `write`, synced, then renamed
/// over `path` (a link at `path` is replaced, never followed), and the
/// directory synced. On failure the temporary file is removed.
pub(crate) fn write_atomic_with(
    path: &Path,
    prefix: &str,
    bytes: &[u8],
    write: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix).suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600));
    let mut temp = builder.tempfile_in(dir)?;
    write(temp.as_file_mut(), bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    // Makes the rename itself durable; a filesystem that cannot is no reason to fail.
    let _ = File::open(dir).and_then(|d| d.sync_all());
    Ok(())
}

/// A few words for a file that is not a regular file.
pub(crate) fn kind_of(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_symlink() {
        "a symbolic link"
    } else if t.is_dir() {
        "a directory"
    } else {
        "something else"
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("versus-fsio-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        dir
    }

    fn mkfifo(path: &Path) -> bool {
        std::process::Command::new("mkfifo").arg(path).status().is_ok_and(|s| s.success())
    }

    #[test]
    fn special_files_are_refused_without_blocking_whether_links_are_followed_or_not() {
        let dir = scratch("special");
        let fifo = dir.join("fifo");
        let have_fifo = mkfifo(&fifo);
        std::os::unix::fs::symlink("/dev/tty", dir.join("tty")).expect("link");
        std::os::unix::fs::symlink(dir.join("nowhere"), dir.join("dangling")).expect("link");
        std::os::unix::fs::symlink(dir.join("loop-b"), dir.join("loop-a")).expect("link");
        std::os::unix::fs::symlink(dir.join("loop-a"), dir.join("loop-b")).expect("link");
        std::fs::create_dir(dir.join("folder")).expect("dir");
        for links in [Links::Follow, Links::Refuse] {
            if have_fifo {
                assert!(matches!(read(&fifo, 10, links), Err(ReadError::NotRegular("a named pipe"))));
            }
            assert!(matches!(read(&dir.join("folder"), 10, links), Err(ReadError::NotRegular("a directory"))));
            assert!(read(&dir.join("tty"), 10, links).is_err());
            assert!(matches!(
                read(&dir.join("dangling"), 10, links),
                Err(ReadError::Missing | ReadError::NotRegular(_))
            ));
            assert!(read(&dir.join("loop-a"), 10, links).is_err());
            assert!(matches!(read(Path::new("/dev/zero"), 10, links), Err(ReadError::NotRegular("a device"))));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_link_to_a_regular_file_is_read_only_when_links_are_followed() {
        let dir = scratch("links");
        std::fs::write(dir.join("real"), "hello").expect("write");
        std::os::unix::fs::symlink(dir.join("real"), dir.join("link")).expect("link");
        assert_eq!(read(&dir.join("link"), 10, Links::Follow).expect("read"), b"hello");
        assert!(matches!(read(&dir.join("link"), 10, Links::Refuse), Err(ReadError::NotRegular("a symbolic link"))));
        // Even were the link swapped in after the look, the open itself refuses it.
        assert!(open_nonblocking(&dir.join("link"), Links::Refuse).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn reads_are_bounded_at_the_head_the_tail_and_the_whole() {
        let dir = scratch("bounds");
        let file = dir.join("f");
        std::fs::write(&file, "0123456789").expect("write");
        assert!(matches!(read(&file, 9, Links::Follow), Err(ReadError::TooLarge { size: 10, limit: 9 })));
        assert_eq!(read(&file, 10, Links::Follow).expect("read"), b"0123456789");
        assert_eq!(read_head(&file, 4, Links::Follow).expect("head"), (b"0123".to_vec(), 10));
        assert_eq!(read_tail(&file, 4, Links::Follow).expect("tail"), (b"6789".to_vec(), true));
        assert_eq!(read_tail(&file, 40, Links::Follow).expect("tail"), (b"0123456789".to_vec(), false));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
