//! The XDG base directories: where config, data and state files go. A
//! variable counts when it is set and absolute (a relative or empty one is
//! ignored, as the spec says); else the directory under `$HOME`, which must
//! be absolute too.

use std::ffi::OsString;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Base {
    /// `$XDG_CONFIG_HOME`, else `~/.config`.
    Config,
    /// `$XDG_DATA_HOME`, else `~/.local/share`.
    Data,
    /// `$XDG_STATE_HOME`, else `~/.local/state`.
    State,
}

impl Base {
    fn under_home(self) -> &'static [&'static str] {
        match self {
            Base::Config => &[".config"],
            Base::Data => &[".local", "share"],
            Base::State => &[".local", "state"],
        }
    }
}

/// versus's directory in `base`: `$XDG_…/versus`, else `~/…/versus`; None
/// when neither variable gives an absolute path. The variables are passed
/// in, so tests need not touch the environment.
pub(crate) fn versus_dir_from(base: Base, xdg: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let absolute = |v: Option<OsString>| v.map(PathBuf::from).filter(|p| p.is_absolute());
    absolute(xdg)
        .or_else(|| absolute(home).map(|h| base.under_home().iter().fold(h, |p, part| p.join(part))))
        .map(|dir| dir.join("versus"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_base_has_its_home_default() {
        let home = || Some(OsString::from("/h"));
        assert_eq!(versus_dir_from(Base::Config, None, home()), Some(PathBuf::from("/h/.config/versus")));
        assert_eq!(versus_dir_from(Base::Data, None, home()), Some(PathBuf::from("/h/.local/share/versus")));
        assert_eq!(versus_dir_from(Base::State, Some("/s".into()), home()), Some(PathBuf::from("/s/versus")));
        assert_eq!(versus_dir_from(Base::State, Some("rel".into()), None), None);
    }
}
