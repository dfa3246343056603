//! What the selected entry links to and what copying it puts on the
//! clipboard: read by the status line (to offer the keys) and by the
//! terminal loop (to open the link or copy the text). Each tab's file says
//! what its entries link to and copy as; this asks it.

use super::{Body, Theme, tab_view};
use crate::app::App;
use crate::tab::Place;

/// The selected entry's link: a subject's homepage, a source's address, or
/// the source of a note on the entry.
pub(crate) fn selected_link(app: &App) -> Option<&str> {
    link_at(app, Place { tab: app.tab, entry: app.state().selected })
}

/// The link of the entry at `place` (an effect keeps the place it was asked for).
pub(crate) fn link_at(app: &App, place: Place) -> Option<&str> {
    (tab_view(app, place.tab).link)(app, place.entry)
}

/// The entry at `place` as plain text, as its detail shows it; `None` where
/// there is no such entry (an empty list, the wizard).
pub(crate) fn text_at(app: &App, theme: &Theme, place: Place) -> Option<String> {
    if place.entry >= app.entry_count(place.tab) {
        return None;
    }
    let view = tab_view(app, place.tab);
    match (&view.body, view.copied) {
        (_, Some(copied)) => copied(app, theme, place.entry),
        (Body::List(list), None) => Some((list.detail)(app, theme, place.entry).plain()),
        _ => None,
    }
}
