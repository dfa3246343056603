//! Input: the mapping from a terminal event, the app (with the keymap in
//! effect, [`crate::keys`]) and the last [`crate::ui::ScreenMap`] to an
//! action ([`mapping`]).

pub mod mapping;

pub use mapping::{esc_then, map_event};
