//! What the app asks of the outside world, as values. [`App::update`]
//! returns them in the order the actions asked for them, so two in one batch
//! of keys (`o` then `c`) both happen; the terminal loop carries them out and
//! tells the app what came of them with an action ([`Action::Status`], a
//! listing, a new comparison). Tests read them instead of flags.
//!
//! [`App::update`]: super::App::update
//! [`Action::Status`]: super::Action::Status

use crate::catalogue::Named;
use crate::tab::Place;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// End the session.
    Quit,
    /// Give the terminal back and stop (Ctrl-Z); the app resumes as it was.
    Suspend,
    /// Open the link of the entry at this place in the browser.
    OpenLink(Place),
    /// Copy the entry at this place, as its detail shows it, to the clipboard.
    Copy(Place),
    /// List the catalogue for the picker (it reads the user's files).
    ListComparisons,
    /// Search the content of these comparisons for the picker's query (none
    /// of their names matches it); what is found comes back as `ContentFound`.
    SearchContents(String, Vec<crate::catalogue::Named>),
    /// Switch the whole app to this comparison.
    Open(Named),
    /// Write the wizard's decision record: into the project's decision
    /// folder or the current directory, asking which when there is a folder.
    WriteRecord,
    /// Write the wizard's decision record to this path (never over a file).
    WriteRecordTo(std::path::PathBuf),
    /// Copy the wizard's result, as Markdown, to the clipboard.
    CopyResult,
    /// Write the wizard's answers to an answer file in the current directory.
    ExportAnswers,
    /// The wizard's answers or importance changed: keep them.
    SaveAnswers,
}
