//! versus: compare technologies side by side, in the terminal or headless.
//!
//! Data flows one way: RON file → [`data`] (validated model) → [`search`]
//! corpora and [`wizard`] scoring → [`app`] state → [`ui`] views. Input flows
//! event + the last frame's [`ui::ScreenMap`] → [`input`] → action →
//! [`app::App::update`]. ARCHITECTURE.md has a line per module.

pub mod app;
pub mod catalogue;
pub mod data;
pub mod entries;
pub mod export;
pub mod headless;
pub mod input;
pub mod saved;
pub mod screenshots;
pub mod search;
pub mod tab;
pub mod tui;
pub mod ui;
pub mod watch;
pub mod wizard;
