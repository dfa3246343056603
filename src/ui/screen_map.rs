//! What a frame drew, as plain data: where each thing that answers the mouse
//! or scrolls ended up. Drawing returns it; the terminal loop keeps the last
//! one; the input mapping reads it, so a click is matched against what the
//! user saw and a key never recomputes a layout.

use ratatui::layout::{Position, Rect};

use crate::tab::Tab;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScreenMap {
    /// The whole terminal.
    pub area: Rect,
    /// Each tab's label in the tab bar.
    pub tabs: Vec<(Rect, Tab)>,
    /// The current tab's list, where one is drawn (not under an open entry or
    /// on a wizard page).
    pub list: Option<ListMap>,
    /// The text that scrolls: a detail pane, an open entry, a wizard page.
    pub text: Option<PaneMap>,
    /// The search-everything palette, when open.
    pub palette: Option<ListMap>,
    /// The comparison picker, when open: a row per comparison shown.
    pub picker: Option<ListMap>,
    /// A question being asked (where to write a record): a row per answer.
    pub choice: Option<ListMap>,
    /// The help overlay, when shown.
    pub help: Option<PaneMap>,
}

/// A drawn list: the screen row of each visible entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListMap {
    /// The list's box, border included.
    pub area: Rect,
    /// (where, entry index) for every entry on screen.
    pub rows: Vec<(Rect, usize)>,
    /// Entries a page key moves by.
    pub page: usize,
    /// Entries in the whole list.
    pub len: usize,
}

/// A drawn pane of text that can scroll.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PaneMap {
    /// The text's area, inside the border.
    pub area: Rect,
    /// Lines a page key scrolls by: the visible height.
    pub page: usize,
    /// How far the text can scroll at this size.
    pub max_scroll: usize,
}

impl ScreenMap {
    pub(crate) fn tab_at(&self, x: u16, y: u16) -> Option<Tab> {
        self.tabs.iter().find(|(r, _)| r.contains(Position::new(x, y))).map(|(_, t)| *t)
    }

    /// Whether (x, y) is on the tab bar's row.
    pub(crate) fn on_tab_bar(&self, y: u16) -> bool {
        self.tabs.first().is_some_and(|(r, _)| r.y == y)
    }
}

impl ListMap {
    /// The entry drawn at (x, y), if any.
    pub(crate) fn entry_at(&self, x: u16, y: u16) -> Option<usize> {
        self.rows.iter().find(|(r, _)| r.contains(Position::new(x, y))).map(|(_, e)| *e)
    }

    pub fn contains(&self, x: u16, y: u16) -> bool {
        self.area.contains(Position::new(x, y))
    }
}

impl PaneMap {
    pub fn contains(&self, x: u16, y: u16) -> bool {
        self.area.contains(Position::new(x, y))
    }
}
