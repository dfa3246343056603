//! Everything that can change the app's state, as values: produced by the
//! input mapping, the search runner and the terminal loop, consumed by
//! [`super::App::update`].

use crate::catalogue::Listed;
use crate::search::{Results, Target};
use crate::tab::Tab;
use crate::wizard::WizardAction;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    NextTab,
    PreviousTab,
    GoToTab(Tab),
    /// ←/→: to the pane or column on that side (negative is left).
    Pane(isize),
    /// Move the selection by this many entries (negative is up), stopping at the ends.
    Move(isize),
    First,
    Last,
    /// Select this entry of the current tab (a mouse click).
    Select(usize),
    /// Open the selected entry full-screen, or close it again.
    ToggleExpand,
    /// Scroll the text that scrolls here (a detail pane, an open entry, a
    /// wizard page, the help) by `by` lines, to at most `max`.
    Scroll {
        by: isize,
        max: usize,
    },
    ToggleHelp,
    /// Close whatever is open (help, expanded entry, FAQ filter); never quits.
    Back,
    Quit,
    /// Start editing the FAQ filter (on the FAQ tab) or open the palette (elsewhere).
    Search,
    /// Open the search-everything palette.
    Palette,
    /// An edit of the search line that has the keyboard.
    Line(LineAction),
    /// The decision wizard, on the Decide tab.
    Wizard(WizardAction),
    /// A search finished (see [`super::App::search_request`]).
    Found(Results),
    /// A search request was handed to a searcher.
    SearchSent {
        target: Target,
        generation: u64,
    },
    /// A one-line message for the user (saved answers could not be read or written).
    Notice(String),
    /// Ctrl-Z: give the terminal back and stop until `fg`.
    Suspend,
    /// Open the selected entry's link with the system's opener.
    OpenLink,
    /// Copy the selected entry's text to the clipboard.
    Copy,
    /// A one-line message in the status line, until the next key.
    Status(String),
    /// Open (or close) the comparison picker.
    Picker,
    /// The last comparisons of the catalogue, listed for the picker.
    Listed(Vec<Listed>),
    /// Some comparisons of the catalogue, listed for the picker; more are coming.
    Listing(Vec<Listed>),
    /// The comparisons whose content matches the picker's query (by name,
    /// with how many entries match), and how many large files were not searched.
    ContentFound {
        query: String,
        found: Vec<(String, usize)>,
        skipped: usize,
    },
    /// Ask the user to choose: the question and each answer with what it asks for.
    Ask {
        title: String,
        options: Vec<(String, super::Effect)>,
    },
}

/// What a key does in a search line (the FAQ filter or the palette).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineAction {
    Type(char),
    /// Pasted text, as one edit (bracketed paste).
    Paste(String),
    Backspace,
    DeleteWord,
    Clear,
    /// Enter: keep the FAQ filter and focus the list, or jump to the palette's hit.
    Accept,
    /// Esc: clear the FAQ filter, or close the palette.
    Cancel,
}
