//! Colours and emphasis, by role. Two palettes: dark (the default) and light,
//! both in the terminal's own named colours and never painting a background,
//! so each follows the user's terminal scheme. A config file may restyle any
//! role. With `NO_COLOR` set there is no colour at all, only bold, underline
//! and reverse, whatever the config says.

use ratatui::style::{Color, Modifier, Style};

/// The most subject colours a theme holds; subjects beyond cycle through them.
pub(super) const MAX_SUBJECT_STYLES: usize = 12;

/// A style for each thing the views draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False under `NO_COLOR`: no colour anywhere, and none may be configured.
    pub color: bool,
    /// Subject `i`'s name and markers, the same on every tab.
    subjects: [Style; MAX_SUBJECT_STYLES],
    subject_count: usize,
    selection: Style,
    heading: Style,
    pro: Style,
    con: Style,
    dim: Style,
    highlight: Style,
    key: Style,
    border: Style,
    focus_border: Style,
    warning: Style,
}

/// Which palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    Dark,
    Light,
    /// Light or dark from `COLORFGBG`, where the terminal sets it; else dark.
    Auto,
}

impl ThemeName {
    pub(crate) const NAMES: &[&str] = &["dark", "light", "auto"];

    pub fn parse(s: &str) -> Option<ThemeName> {
        match s.to_ascii_lowercase().as_str() {
            "dark" => Some(ThemeName::Dark),
            "light" => Some(ThemeName::Light),
            "auto" => Some(ThemeName::Auto),
            _ => None,
        }
    }
}

const fn fg(color: Color) -> Style {
    Style::new().fg(color)
}

const fn bold(style: Style) -> Style {
    style.add_modifier(Modifier::BOLD)
}

/// Subject styles from a few colours, cycled to fill the table.
const fn subjects(colors: &[Color]) -> [Style; MAX_SUBJECT_STYLES] {
    let mut out = [Style::new(); MAX_SUBJECT_STYLES];
    let mut i = 0;
    while i < MAX_SUBJECT_STYLES {
        out[i] = bold(fg(colors[i % colors.len()]));
        i += 1;
    }
    out
}

impl Theme {
    /// For dark backgrounds. Green and red are kept for pro and con.
    pub(crate) const DARK: Theme = Theme {
        color: true,
        subjects: subjects(&[
            Color::Cyan,
            Color::Magenta,
            Color::Blue,
            Color::Yellow,
            Color::LightCyan,
            Color::LightMagenta,
        ]),
        subject_count: 6,
        selection: Style::new().add_modifier(Modifier::REVERSED.union(Modifier::BOLD)),
        heading: Style::new().add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
        pro: bold(fg(Color::Green)),
        con: bold(fg(Color::Red)),
        dim: fg(Color::DarkGray),
        highlight: fg(Color::Yellow).add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
        key: bold(fg(Color::Yellow)),
        border: fg(Color::DarkGray),
        focus_border: Style::new().add_modifier(Modifier::BOLD),
        warning: bold(fg(Color::Red)),
    };

    /// For light backgrounds: no yellow or light colours, which wash out on
    /// white; dim text is the terminal's grey rather than its bright black.
    pub const LIGHT: Theme = Theme {
        color: true,
        // Dark orange and dark teal from the 256-colour cube: on white, the named cyan is faint.
        subjects: subjects(&[Color::Blue, Color::Magenta, Color::Indexed(130), Color::Indexed(23), Color::Black]),
        subject_count: 5,
        selection: Style::new().add_modifier(Modifier::REVERSED.union(Modifier::BOLD)),
        heading: Style::new().add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
        pro: bold(fg(Color::Green)),
        con: bold(fg(Color::Red)),
        dim: fg(Color::DarkGray),
        highlight: fg(Color::Magenta).add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
        key: bold(fg(Color::Blue)),
        border: fg(Color::DarkGray),
        focus_border: Style::new().add_modifier(Modifier::BOLD),
        warning: bold(fg(Color::Red)),
    };

    /// No colour at all (<https://no-color.org>): emphasis by bold, dim,
    /// underline and reverse only, so nothing depends on colour.
    pub const NO_COLOR: Theme = Theme {
        color: false,
        subjects: [Style::new().add_modifier(Modifier::BOLD); MAX_SUBJECT_STYLES],
        subject_count: 1,
        selection: Style::new().add_modifier(Modifier::REVERSED.union(Modifier::BOLD)),
        heading: Style::new().add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
        pro: Style::new().add_modifier(Modifier::BOLD),
        con: Style::new().add_modifier(Modifier::BOLD),
        dim: Style::new().add_modifier(Modifier::DIM),
        highlight: Style::new().add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
        key: Style::new().add_modifier(Modifier::BOLD),
        border: Style::new().add_modifier(Modifier::DIM),
        focus_border: Style::new().add_modifier(Modifier::BOLD),
        warning: Style::new().add_modifier(Modifier::BOLD.union(Modifier::REVERSED)),
    };

    /// The dark theme: what tests and screenshots draw with.
    pub const COLOR: Theme = Theme::DARK;

    /// Colour unless `NO_COLOR` is set to a non-empty value; the dark palette.
    pub(crate) fn from_env() -> Theme {
        Theme::choose(ThemeName::Dark, no_color_set(), None)
    }

    /// The theme for `name`, unless `no_color`; `colorfgbg` is the terminal's
    /// `COLORFGBG` ("15;0": light on dark), which `Auto` reads when the
    /// terminal is not asked.
    pub(crate) fn choose(name: ThemeName, no_color: bool, colorfgbg: Option<&str>) -> Theme {
        Theme::choose_asking(name, no_color, colorfgbg, || Asked::NoAnswer).0
    }

    /// [`Theme::choose`], where `Auto` first asks the terminal (`ask`, called
    /// only then): its answer, else `COLORFGBG`, else dark. Also says why, as
    /// `versus config` shows it.
    pub(crate) fn choose_asking(
        name: ThemeName,
        no_color: bool,
        colorfgbg: Option<&str>,
        ask: impl FnOnce() -> Asked,
    ) -> (Theme, String) {
        if no_color {
            return (Theme::NO_COLOR, "no colour (NO_COLOR is set)".into());
        }
        match name {
            ThemeName::Dark => (Theme::DARK, "dark".into()),
            ThemeName::Light => (Theme::LIGHT, "light".into()),
            ThemeName::Auto => match (ask(), colorfgbg.and_then(background_is_light)) {
                (Asked::Light, _) => {
                    (Theme::LIGHT, "auto: light (the terminal's background, asked with OSC 11)".into())
                }
                (Asked::Dark, _) => (Theme::DARK, "auto: dark (the terminal's background, asked with OSC 11)".into()),
                (Asked::NoAnswer, Some(true)) => {
                    (Theme::LIGHT, "auto: light (COLORFGBG; the terminal did not say its background)".into())
                }
                (Asked::NoAnswer, Some(false)) => {
                    (Theme::DARK, "auto: dark (COLORFGBG; the terminal did not say its background)".into())
                }
                (Asked::NoAnswer, None) => {
                    (Theme::DARK, "auto: dark (neither the terminal nor COLORFGBG said its background)".into())
                }
            },
        }
    }

    /// Every role, by the name a config file uses, with its style.
    pub(crate) fn roles(&self) -> Vec<(&'static str, Style)> {
        vec![
            ("selection", self.selection),
            ("heading", self.heading),
            ("pro", self.pro),
            ("con", self.con),
            ("dim", self.dim),
            ("highlight", self.highlight),
            ("key", self.key),
            ("border", self.border),
            ("focus_border", self.focus_border),
            ("warning", self.warning),
        ]
    }

    /// The subject styles in use, in order.
    pub(crate) fn subject_styles(&self) -> &[Style] {
        &self.subjects[..self.subject_count]
    }

    /// Restyles the role called `name`; false when there is no such role.
    /// Under `NO_COLOR` colours are dropped, emphasis kept.
    pub fn set(&mut self, name: &str, style: Style) -> bool {
        let allowed = self.allowed(style);
        let slot = match name {
            "selection" => &mut self.selection,
            "heading" => &mut self.heading,
            "pro" => &mut self.pro,
            "con" => &mut self.con,
            "dim" => &mut self.dim,
            "highlight" => &mut self.highlight,
            "key" => &mut self.key,
            "border" => &mut self.border,
            "focus_border" => &mut self.focus_border,
            "warning" => &mut self.warning,
            _ => return false,
        };
        if let Some(style) = allowed {
            *slot = style;
        }
        true
    }

    /// `style` as this theme may use it: without colour under `NO_COLOR`; and
    /// None when that leaves nothing (a colour-only style), so the role keeps
    /// its own emphasis rather than vanish (a selection must stay visible).
    fn allowed(&self, style: Style) -> Option<Style> {
        if self.color {
            return Some(style);
        }
        let plain = Style { fg: None, bg: None, ..style };
        (!plain.add_modifier.is_empty()).then_some(plain)
    }

    /// Sets the subject styles (at most [`MAX_SUBJECT_STYLES`]; an empty list
    /// changes nothing, and nor does a list under `NO_COLOR`).
    pub(crate) fn set_subjects(&mut self, styles: &[Style]) {
        if styles.is_empty() || !self.color {
            return;
        }
        let n = styles.len().min(MAX_SUBJECT_STYLES);
        for (i, s) in styles.iter().take(n).enumerate() {
            self.subjects[i] = *s;
        }
        self.subject_count = n;
    }

    /// Subject `i`'s name and markers: the same style on every tab.
    pub fn subject(&self, i: usize) -> Style {
        self.subjects[i % self.subject_count.max(1)]
    }

    /// The selection: reverse video by default, so it never depends on colour.
    pub fn selected(&self) -> Style {
        self.selection
    }

    pub fn heading(&self) -> Style {
        self.heading
    }

    pub fn pro(&self) -> Style {
        self.pro
    }

    pub fn con(&self) -> Style {
        self.con
    }

    /// A problem the user must see: the reload banner.
    pub(crate) fn warning(&self) -> Style {
        self.warning
    }

    pub(crate) fn dim(&self) -> Style {
        self.dim
    }

    /// Characters a search matched: underlined and bold everywhere, coloured when allowed.
    pub fn highlight(&self) -> Style {
        self.highlight
    }

    pub fn key(&self) -> Style {
        self.key
    }

    pub(crate) fn active_tab(&self) -> Style {
        self.selection
    }

    pub(crate) fn border(&self) -> Style {
        self.border
    }

    /// The border of the pane that has the selection.
    pub(crate) fn focus_border(&self) -> Style {
        self.focus_border
    }
}

/// `NO_COLOR` set to a non-empty value.
pub(crate) fn no_color_set() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Whether `COLORFGBG` ("fg;bg" or "fg;default;bg") names a light
/// background: colour 7 (white) or 9–15 are light, 0–6 and 8 dark.
/// What a terminal said of its background when asked (OSC 11).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    Light,
    Dark,
    /// Not asked (not a terminal, NO_COLOR), no answer in time, or no support.
    NoAnswer,
}

fn background_is_light(colorfgbg: &str) -> Option<bool> {
    let bg: u8 = colorfgbg.rsplit(';').next()?.trim().parse().ok()?;
    Some(bg == 7 || (9..=15).contains(&bg))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_asks_the_terminal_first_then_colorfgbg_then_dark() {
        let choose = |colorfgbg, asked| Theme::choose_asking(ThemeName::Auto, false, colorfgbg, || asked).0;
        assert_eq!(choose(Some("15;0"), Asked::Light), Theme::LIGHT, "the terminal's answer wins");
        assert_eq!(choose(Some("0;15"), Asked::Dark), Theme::DARK);
        assert_eq!(choose(Some("0;15"), Asked::NoAnswer), Theme::LIGHT, "no answer: COLORFGBG");
        assert_eq!(choose(None, Asked::NoAnswer), Theme::DARK, "neither: dark");
        let asked = std::cell::Cell::new(false);
        let ask = || {
            asked.set(true);
            Asked::Light
        };
        assert_eq!(Theme::choose_asking(ThemeName::Dark, false, None, ask).0, Theme::DARK);
        assert!(!asked.get(), "a theme named outright never asks the terminal");
        assert_eq!(Theme::choose_asking(ThemeName::Auto, true, None, || Asked::Light).0, Theme::NO_COLOR);
    }

    #[test]
    fn auto_reads_the_background_from_colorfgbg() {
        assert_eq!(Theme::choose(ThemeName::Auto, false, Some("0;15")), Theme::LIGHT);
        assert_eq!(Theme::choose(ThemeName::Auto, false, Some("15;0")), Theme::DARK);
        assert_eq!(Theme::choose(ThemeName::Auto, false, Some("0;default;7")), Theme::LIGHT);
        assert_eq!(Theme::choose(ThemeName::Auto, false, Some("garbage")), Theme::DARK);
        assert_eq!(Theme::choose(ThemeName::Auto, false, None), Theme::DARK);
        assert_eq!(Theme::choose(ThemeName::Light, true, Some("0;15")), Theme::NO_COLOR, "NO_COLOR wins");
    }

    #[test]
    fn the_light_theme_uses_no_colour_that_washes_out_on_white() {
        let washed = [
            Color::Yellow,
            Color::LightYellow,
            Color::White,
            Color::Gray,
            Color::Cyan,
            Color::LightCyan,
            Color::LightGreen,
        ];
        let t = Theme::LIGHT;
        for (name, style) in t.roles().into_iter().chain(t.subject_styles().iter().map(|s| ("subject", *s))) {
            assert!(!style.fg.is_some_and(|c| washed.contains(&c)), "{name}: {style:?}");
            assert!(style.bg.is_none(), "{name} paints a background");
        }
    }

    #[test]
    fn no_color_keeps_configured_emphasis_but_drops_colour() {
        let mut t = Theme::NO_COLOR;
        assert!(t.set("key", Style::new().fg(Color::Red).add_modifier(Modifier::ITALIC)));
        assert_eq!(t.key(), Style::new().add_modifier(Modifier::ITALIC));
        assert!(!t.set("nonsense", Style::new()));
        // A colour-only selection would leave nothing to see: the theme's stays.
        assert!(t.set("selection", Style::new().fg(Color::Black).bg(Color::Yellow)));
        assert_eq!(t.selected(), Theme::NO_COLOR.selected());
    }
}
