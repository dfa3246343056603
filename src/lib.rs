//! versus: compare technologies side by side, in the terminal or headless.
//!
//! Data flows one way: RON file → [`data`] (validated model) → [`search`]
//! corpora and [`wizard`] scoring → [`app`] state → [`ui`] views. Input flows
//! event + the last frame's [`ui::ScreenMap`] → [`input`] → action →
//! [`app::App::update`]. ARCHITECTURE.md has a line per module.

#![warn(unreachable_pub)]

/// The version `versus --version` prints, with the data format's version:
/// files of an older format still load; a newer one may not.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (data format ", data_format_version!(), ")");

/// The data format's version, as a literal for [`VERSION`]: bumped when a
/// change would make older versus refuse new files (a new required field or
/// meaning). Optional fields added since (levels, notes) keep it at 1.
#[macro_export]
macro_rules! data_format_version {
    () => {
        "1"
    };
}

pub mod app;
pub mod audit;
pub mod catalogue;
pub mod config;
pub mod data;
pub mod diff;
pub mod entries;
pub mod export;
pub(crate) mod fsio;
pub mod headless;
pub mod input;
pub mod keys;
pub mod record;
pub mod saved;
pub mod screenshots;
pub mod search;
pub mod sources;
pub mod tab;
pub mod tui;
pub mod ui;
pub(crate) mod watch;
pub mod wizard;
pub(crate) mod xdg;
