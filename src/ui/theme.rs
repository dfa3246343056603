//! Colours and emphasis. Readable on dark and light terminals because it uses
//! the terminal's own named colours and never paints a background; with
//! `NO_COLOR` set it uses no colour at all, only bold, underline and reverse.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

/// Subject colours, in subject order. Green and red are left out: they mean pro and con.
const SUBJECT_COLORS: [Color; 6] =
    [Color::Cyan, Color::Magenta, Color::Blue, Color::Yellow, Color::LightCyan, Color::LightMagenta];

impl Theme {
    pub const COLOR: Theme = Theme { color: true };
    pub const NO_COLOR: Theme = Theme { color: false };

    /// Colour unless `NO_COLOR` is set to a non-empty value (<https://no-color.org>).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if no_color { Theme::NO_COLOR } else { Theme::COLOR }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color { Style::new().fg(color) } else { Style::new() }
    }

    /// Subject `i`'s name and markers: the same colour on every tab.
    pub fn subject(&self, i: usize) -> Style {
        self.fg(SUBJECT_COLORS[i % SUBJECT_COLORS.len()]).add_modifier(Modifier::BOLD)
    }

    /// The selection: reverse video, so it never depends on colour.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn pro(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    pub fn con(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// A problem the user must see: the reload banner.
    pub fn warning(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        if self.color { Style::new().fg(Color::DarkGray) } else { Style::new().add_modifier(Modifier::DIM) }
    }

    /// Characters a search matched: underlined and bold everywhere, coloured when allowed.
    pub fn highlight(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn active_tab(&self) -> Style {
        self.selected()
    }

    pub fn border(&self) -> Style {
        self.dim()
    }

    /// The border of the pane that has the selection.
    pub fn focus_border(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
}
