//! versus: compare technologies side by side, in the terminal or headless.
//!
//! Data flows one way: RON file → [`data`] (validated model) → views and exports.

pub mod app;
pub mod commands;
pub mod data;
pub mod export;
pub mod index;
pub mod keys;
pub mod saved;
pub mod screenshots;
pub mod search;
pub mod searcher;
pub mod tui;
pub mod ui;
pub mod wizard;
