//! Input: the mapping from a terminal event, the app (with the keymap in
//! effect, [`crate::keys`]) and the last [`crate::ui::ScreenMap`] to an
//! action ([`mapping`]).

pub(crate) mod mapping;

pub(crate) use mapping::esc_then;
pub use mapping::map_event;
