//! Asking the terminal for its background colour (OSC 11) before the app
//! takes the screen, for the `auto` theme. terminal-colorsaurus sends the
//! query followed by a device-attributes request every terminal answers, so a
//! terminal that cannot say its colour is known at once; one that answers
//! nothing at all costs at most [`ASK_TIMEOUT`].

use std::io::IsTerminal;
use std::time::Duration;

use terminal_colorsaurus::{QueryOptions, ThemeMode};

use crate::ui::Asked;

/// The longest the app waits for an answer before it starts.
pub const ASK_TIMEOUT: Duration = Duration::from_millis(50);

/// Whether the terminal's background is light, as it says when asked; not
/// asked when stdout is not a terminal (a pipe, a file).
pub fn ask_terminal() -> Asked {
    if !std::io::stdout().is_terminal() {
        return Asked::NoAnswer;
    }
    let mut options = QueryOptions::default();
    options.timeout = ASK_TIMEOUT;
    match terminal_colorsaurus::theme_mode(options) {
        Ok(ThemeMode::Light) => Asked::Light,
        Ok(ThemeMode::Dark) => Asked::Dark,
        Err(_) => Asked::NoAnswer,
    }
}
