//! Input: the keymaps as data ([`keymap`]) and the mapping from a terminal
//! event, the app and the last [`crate::ui::ScreenMap`] to an action
//! ([`mapping`]). The views never import this module: they are handed the
//! help rows.

pub mod keymap;
pub mod mapping;

pub use keymap::help_rows;
pub use mapping::map_event;
