//! The user's settings: `$XDG_CONFIG_HOME/versus/config.ron` (else
//! `~/.config/versus/config.ron`). Every field is optional and overrides only
//! what it names, as gitui's key and theme files do: keys by action name (the
//! names the help overlay shows), styles by role, the theme and the mouse.
//!
//! A config that does not read whole is refused whole: an unknown field,
//! action, key, colour or style gets the file, line and column and the names
//! that would have worked, and the app does not start on half of it.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use serde::de::{self, Deserializer};

use crate::data::printable;
use crate::keys::{ALWAYS_QUITS, Binding, KEY_SYNTAX, Key, Keymap, LineCommand};
use crate::ui::{Asked, Theme, ThemeName};

/// Where the config file is: `$XDG_CONFIG_HOME/versus/config.ron` when
/// XDG_CONFIG_HOME is set and absolute (a relative one is ignored, as the
/// XDG spec says), else `$HOME/.config/versus/config.ron`.
pub fn path() -> Option<PathBuf> {
    path_from(std::env::var_os("XDG_CONFIG_HOME"), std::env::var_os("HOME"))
}

fn path_from(xdg: Option<std::ffi::OsString>, home: Option<std::ffi::OsString>) -> Option<PathBuf> {
    crate::xdg::versus_dir_from(crate::xdg::Base::Config, xdg, home).map(|dir| dir.join("config.ron"))
}

/// The settings in effect.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub keys: Keymap,
    /// The config's theme; `--theme` wins over it.
    pub theme: Option<ThemeName>,
    pub mouse: bool,
    styles: Vec<(&'static str, Style)>,
    subjects: Vec<Style>,
}

impl Default for Config {
    fn default() -> Config {
        Config { keys: Keymap::default(), theme: None, mouse: true, styles: Vec::new(), subjects: Vec::new() }
    }
}

impl Config {
    /// The theme for this session: `flag` (from `--theme`), else the config's,
    /// else auto; with the config's styles on top. `NO_COLOR` wins over all.
    /// Auto never asks the terminal here (see [`Config::theme_asking`]).
    pub fn theme(&self, flag: Option<ThemeName>) -> Theme {
        self.theme_asking(flag, || Asked::NoAnswer).0
    }

    /// [`Config::theme`], where auto asks the terminal (`ask`) before
    /// reading COLORFGBG; and why this theme, in words.
    pub fn theme_asking(&self, flag: Option<ThemeName>, ask: impl FnOnce() -> Asked) -> (Theme, String) {
        let name = flag.or(self.theme).unwrap_or(ThemeName::Auto);
        let colorfgbg = std::env::var("COLORFGBG").ok();
        let (mut theme, why) = Theme::choose_asking(name, crate::ui::no_color_set(), colorfgbg.as_deref(), ask);
        for (role, style) in &self.styles {
            theme.set(role, *style);
        }
        theme.set_subjects(&self.subjects);
        (theme, why)
    }
}

/// Why a config file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file, sanitized.
    pub path: String,
    /// 1-based line and column, where the problem has a place.
    pub at: Option<(usize, usize)>,
    /// What is wrong and what would be right, sanitized.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// Config files are a few kilobytes; this keeps a mistaken path from eating memory.
const MAX_BYTES: u64 = 1024 * 1024;

/// The config at the usual place: the defaults when there is no file.
pub fn load() -> Result<Config, ConfigError> {
    match path() {
        // Anything at the path, a broken link or a link loop included, is read (and refused if it must be).
        Some(p) if std::fs::symlink_metadata(&p).is_ok() => load_file(&p),
        _ => Ok(Config::default()),
    }
}

/// Reads and checks a config file.
pub fn load_file(path: &Path) -> Result<Config, ConfigError> {
    let shown = printable(&path.display().to_string());
    let fail = |message: String| ConfigError { path: shown.clone(), at: None, message };
    let bytes = crate::fsio::read(path, MAX_BYTES, crate::fsio::Links::Follow).map_err(|e| match e {
        crate::fsio::ReadError::TooLarge { size, .. } => {
            fail(format!("the file is {size} bytes; a config file is at most {MAX_BYTES} (1 MiB)"))
        }
        e => fail(e.to_string()),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| fail(format!("cannot read: {e}")))?;
    parse(&text, &shown)
}

/// Checks config text; `shown` names it in errors.
pub fn parse(text: &str, shown: &str) -> Result<Config, ConfigError> {
    // Every field is optional, so a file of nothing but comments is the defaults.
    if text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with("//")) {
        return Ok(Config::default());
    }
    let options = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let file: Settings = options.from_str(text).map_err(|e| ConfigError {
        path: shown.to_string(),
        at: Some((e.span.start.line, e.span.start.col)),
        message: printable(&e.code.to_string()),
    })?;
    let mut config = Config { theme: file.theme.map(|t| t.0), mouse: file.mouse.unwrap_or(true), ..Config::default() };
    apply(&mut config.keys.main, file.keys);
    apply(&mut config.keys.line, file.search_line_keys);
    apply(&mut config.keys.wizard, file.wizard_keys);
    let refuse = |message: String| ConfigError { path: shown.to_string(), at: None, message };
    if let Some((name, section)) = always_quits_elsewhere(&config.keys) {
        let key = ALWAYS_QUITS.spelling();
        return Err(refuse(format!(
            "{key} always quits versus, whatever the config says, so it cannot be {name}'s key in {section}; \
             give {name} another key"
        )));
    }
    if let Some((key, a, b)) = config.keys.conflicts().into_iter().next() {
        return Err(refuse(format!(
            "{key} is bound to both {a} and {b} (wizard_keys come first on the Decide tab); give one of them other keys"
        )));
    }
    if let Some(b) = config.keys.line.iter().find(|b| b.keys.iter().any(|k| k.is_typed())) {
        let k = b.keys.iter().find(|k| k.is_typed()).map(Key::label).unwrap_or_default();
        return Err(refuse(format!(
            "{k} cannot be a search-line key ({} in search_line_keys): it is typed into the search; use ctrl-, alt- or a named key",
            b.name
        )));
    }
    if config.keys.main.iter().any(|b| b.name == "quit" && b.keys.is_empty()) {
        return Err(refuse("quit needs at least one key in keys: without one there is no way out".into()));
    }
    let exits = [LineCommand::Cancel, LineCommand::Accept];
    if !config.keys.line.iter().any(|b| exits.contains(&b.command) && !b.keys.is_empty()) {
        return Err(refuse(
            "cancel or accept needs at least one key in search_line_keys: they are the ways out of a search \
             line that keep versus open (ctrl-c quits it)"
                .into(),
        ));
    }
    let colors = file.colors.unwrap_or_default();
    config.subjects = colors.subjects.unwrap_or_default().into_iter().map(|s| s.0).collect();
    let roles = [
        ("selection", colors.selection),
        ("heading", colors.heading),
        ("pro", colors.pro),
        ("con", colors.con),
        ("dim", colors.dim),
        ("highlight", colors.highlight),
        ("key", colors.key),
        ("border", colors.border),
        ("focus_border", colors.focus_border),
        ("warning", colors.warning),
    ];
    config.styles = roles.into_iter().filter_map(|(role, s)| Some((role, s?.0))).collect();
    Ok(config)
}

/// The first action other than quit given the key that always quits, with its section.
fn always_quits_elsewhere(keys: &Keymap) -> Option<(&'static str, &'static str)> {
    fn of<C>(table: &[Binding<C>], quit: Option<&str>) -> Option<&'static str> {
        table.iter().find(|b| Some(b.name) != quit && b.keys.contains(&ALWAYS_QUITS)).map(|b| b.name)
    }
    of(&keys.main, Some("quit"))
        .map(|n| (n, SECTIONS[0]))
        .or_else(|| of(&keys.line, Some("quit")).map(|n| (n, SECTIONS[1])))
        .or_else(|| of(&keys.wizard, None).map(|n| (n, SECTIONS[2])))
}

/// Gives each named action of `table` the keys the config lists for it.
fn apply<C, const T: usize>(table: &mut [Binding<C>], given: BTreeMap<Action<T>, Vec<KeySpec>>) {
    for (action, keys) in given {
        if let Some(b) = table.iter_mut().find(|b| b.name == action.0) {
            b.keys = keys.into_iter().map(|k| k.0).collect();
        }
    }
}

/// The file as written (ron names this struct in its errors).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Settings {
    theme: Option<ThemeSpec>,
    mouse: Option<bool>,
    #[serde(default)]
    keys: BTreeMap<Action<0>, Vec<KeySpec>>,
    #[serde(default)]
    search_line_keys: BTreeMap<Action<1>, Vec<KeySpec>>,
    #[serde(default)]
    wizard_keys: BTreeMap<Action<2>, Vec<KeySpec>>,
    colors: Option<Colors>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Colors {
    subjects: Option<Vec<StyleSpec>>,
    selection: Option<StyleSpec>,
    heading: Option<StyleSpec>,
    pro: Option<StyleSpec>,
    con: Option<StyleSpec>,
    dim: Option<StyleSpec>,
    highlight: Option<StyleSpec>,
    key: Option<StyleSpec>,
    border: Option<StyleSpec>,
    focus_border: Option<StyleSpec>,
    warning: Option<StyleSpec>,
}

/// The section each action table is written in.
const SECTIONS: [&str; 3] = ["keys", "search_line_keys", "wizard_keys"];

/// An action name of table `T` (0 main, 1 search line, 2 wizard); an
/// unknown one is an error listing the names of that table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Action<const T: usize>(&'static str);

impl<'de, const T: usize> Deserialize<'de> for Action<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        let names = &Keymap::names()[T];
        match names.iter().find(|n| **n == name) {
            Some(n) => Ok(Action(n)),
            None => {
                // A slip of a letter or two names the action meant.
                let near = names
                    .iter()
                    .min_by_key(|n| strsim::damerau_levenshtein(&name, n))
                    .filter(|n| strsim::damerau_levenshtein(&name, n) <= 2.min(n.len() / 3).max(1));
                let hint = near.map_or(String::new(), |n| format!("did you mean \"{n}\"? "));
                Err(de::Error::custom(format!(
                    "unknown action \"{}\" in {}; {hint}the actions there: {}",
                    name.escape_debug(),
                    SECTIONS[T],
                    names.join(", ")
                )))
            }
        }
    }
}

struct KeySpec(Key);

impl<'de> Deserialize<'de> for KeySpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Key::parse(&text).map(KeySpec).map_err(de::Error::custom)
    }
}

struct ThemeSpec(ThemeName);

impl<'de> Deserialize<'de> for ThemeSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        ThemeName::parse(&text).map(ThemeSpec).ok_or_else(|| {
            de::Error::custom(format!(
                "unknown theme \"{}\": write {}",
                text.escape_debug(),
                ThemeName::NAMES.join(", ")
            ))
        })
    }
}

struct StyleSpec(Style);

/// What a style may say, for the error that says so.
const STYLE_SYNTAX: &str = "colours (black, red, green, yellow, blue, magenta, cyan, gray, darkgray, the light- ones, \
     white, reset, #rrggbb, or 0 to 255), \"on COLOUR\" for a background, and bold, dim, italic, underlined, reversed, \
     or \"plain\"";

const MODIFIERS: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("underline", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("reverse", Modifier::REVERSED),
];

/// Reads "bold cyan", "black on yellow", "reversed", "#ff8800", "plain".
pub(crate) fn parse_style(text: &str) -> Result<Style, String> {
    let mut style = Style::new();
    let mut words = text.split_whitespace().peekable();
    if words.peek().is_none() {
        return Err(format!("an empty style: write {STYLE_SYNTAX}"));
    }
    let bad = |w: &str| {
        format!("unknown colour or style \"{}\" in \"{}\": write {STYLE_SYNTAX}", w.escape_debug(), text.escape_debug())
    };
    while let Some(word) = words.next() {
        let lower = word.to_ascii_lowercase();
        if lower == "plain" {
            continue;
        }
        if let Some((_, m)) = MODIFIERS.iter().find(|(n, _)| *n == lower) {
            style = style.add_modifier(*m);
        } else if lower == "on" {
            let colour = words.next().ok_or_else(|| bad(word))?;
            style = style.bg(colour.parse::<Color>().map_err(|_| bad(colour))?);
        } else {
            style = style.fg(word.parse::<Color>().map_err(|_| bad(word))?);
        }
    }
    Ok(style)
}

/// A style as a config file writes it.
pub(crate) fn describe_style(style: Style) -> String {
    let mut words: Vec<String> = MODIFIERS
        .iter()
        .filter(|(n, m)| style.add_modifier.contains(*m) && !matches!(*n, "underline" | "reverse"))
        .map(|(n, _)| n.to_string())
        .collect();
    if let Some(fg) = style.fg {
        words.push(fg.to_string().to_lowercase());
    }
    if let Some(bg) = style.bg {
        words.push(format!("on {}", bg.to_string().to_lowercase()));
    }
    if words.is_empty() { "plain".into() } else { words.join(" ") }
}

impl<'de> Deserialize<'de> for StyleSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        parse_style(&text).map(StyleSpec).map_err(de::Error::custom)
    }
}

/// `text` as `//` comment lines of at most 100 columns, indented once.
fn comment(text: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > 92 {
            out.push_str(&format!("    // {line}\n"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(&format!("    // {line}\n"));
    }
    out
}

fn rows<C>(table: &[Binding<C>]) -> Vec<(&'static str, Vec<Key>, &'static str)> {
    table.iter().map(|b| (b.name, b.keys.clone(), b.help)).collect()
}

/// A complete config file with every setting at its default, commented:
/// what `versus config --default` prints.
pub fn default_file() -> String {
    let keys = Keymap::default();
    let theme = Theme::DARK;
    let mut out = String::new();
    out.push_str(
        "// versus settings: ~/.config/versus/config.ron ($XDG_CONFIG_HOME/versus/config.ron).\n\
         // Every field is optional and changes only what it names: delete what you keep as is.\n\
         // `versus config --check` validates this file; an error stops versus from starting.\n(\n",
    );
    out.push_str(
        "    // dark, light, or auto: the terminal's background, as it answers when asked (OSC 11), else\n    \
         // COLORFGBG, else dark. --theme wins.\n    \
         theme: \"auto\",\n\n",
    );
    out.push_str(
        "    // Capture the mouse: click tabs and rows, scroll with the wheel. false leaves the terminal's\n    \
         // own text selection working.\n    mouse: true,\n\n",
    );
    let table = |out: &mut String, section: &str, about: &str, rows: Vec<(&str, Vec<Key>, &str)>| {
        out.push_str(&comment(about));
        out.push_str(&format!("    {section}: {{\n"));
        for (name, ks, help) in rows {
            let list: Vec<String> = ks.iter().map(|k| format!("{:?}", k.spelling())).collect();
            out.push_str(&format!("        // {help}\n        {name:?}: [{}],\n", list.join(", ")));
        }
        out.push_str("    },\n\n");
    };
    out.push_str(&comment(&format!(
        "Keys by action name, as the help overlay (?) shows them in [brackets]. A list replaces that action's \
         keys; [] leaves it without one. A key is {KEY_SYNTAX}. go_to_tab's keys go to the tabs in order. \
         A key may be bound once in each section. ctrl-c always quits, whatever this file says: it may \
         be listed under quit and nowhere else. quit keeps at least one key, and search_line_keys' cancel \
         or accept too: they are the ways out of a search line."
    )));
    table(&mut out, "keys", "Everywhere but in a search line.", rows(&keys.main));
    table(
        &mut out,
        "search_line_keys",
        "In a search line (the FAQ filter, search everything, the comparison picker); other characters are typed.",
        rows(&keys.line),
    );
    table(&mut out, "wizard_keys", "On the Decide tab's wizard, before the keys above.", rows(&keys.wizard));
    out.push_str(&comment(&format!(
        "Styles by role, over the theme's. A style is {STYLE_SYNTAX}. They are left out (commented) \
         here, so that the theme above still chooses them; these are the dark theme's, to start from."
    )));
    out.push_str("    // colors: (\n");
    let subjects: Vec<String> = theme.subject_styles().iter().map(|s| format!("{:?}", describe_style(*s))).collect();
    out.push_str(&format!("    //     subjects: [{}],\n", subjects.join(", ")));
    for (role, style) in theme.roles() {
        out.push_str(&format!("    //     {role}: {:?},\n", describe_style(style)));
    }
    out.push_str("    // ),\n)\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::KeyCommand;

    #[test]
    fn the_default_file_reads_back_as_the_defaults() {
        let config = parse(&default_file(), "default").unwrap_or_else(|e| panic!("{e}\n{}", default_file()));
        assert_eq!(config.keys, Keymap::default());
        assert_eq!(
            config.theme(Some(ThemeName::Dark)),
            Theme::choose(ThemeName::Dark, crate::ui::no_color_set(), None)
        );
        assert!(config.mouse);
    }

    #[test]
    fn a_config_overrides_only_what_it_names() {
        let config = parse("(keys: {\"quit\": [\"Q\", \"ctrl-c\"]}, mouse: false)", "c.ron").unwrap();
        assert_eq!(config.keys.key(KeyCommand::Quit), "Q");
        assert_eq!(config.keys.key(KeyCommand::Help), "?");
        assert!(!config.mouse);
        assert_eq!(parse("()", "c.ron").unwrap(), Config::default());
    }

    #[test]
    fn mistakes_are_located_and_list_what_would_work() {
        let typo = parse("(\n  keys: {\n    \"qiut\": [\"x\"],\n  },\n)", "c.ron").unwrap_err();
        assert_eq!(typo.at.map(|(l, _)| l), Some(3), "{typo}");
        assert!(
            typo.message.contains("unknown action \"qiut\" in keys") && typo.message.contains("quit, suspend"),
            "{typo}"
        );
        assert!(typo.message.contains("did you mean \"quit\"?"), "{typo}");
        let far = parse("(keys: {\"frobnicate\": []})", "c.ron").unwrap_err();
        assert!(!far.message.contains("did you mean"), "{far}");
        let field = parse("(\n  mouse: true,\n  colours: (),\n)", "c.ron").unwrap_err();
        assert_eq!(field.at.map(|(l, _)| l), Some(3));
        assert!(field.message.contains("colors"), "{field}");
        let key = parse("(keys: {\"quit\": [\"ctlr-c\"]})", "c.ron").unwrap_err();
        assert!(key.message.contains("unknown key \"ctlr-c\"") && key.at.is_some(), "{key}");
        let colour = parse("(colors: (key: \"bold blu\"))", "c.ron").unwrap_err();
        assert!(colour.message.contains("unknown colour or style \"blu\""), "{colour}");
        let theme = parse("(theme: \"solarized\")", "c.ron").unwrap_err();
        assert!(theme.message.contains("dark, light, auto"), "{theme}");
        let twice = parse("(keys: {\"quit\": [\"j\"]})", "c.ron").unwrap_err();
        assert!(twice.message.contains("j is bound to both down and quit"), "{twice}");
        let across = parse("(keys: {\"quit\": [\"x\", \"ctrl-c\"]})", "c.ron").unwrap_err();
        assert!(across.message.contains("x is bound to both quit and start_over"), "{across}");
        let typed = parse("(search_line_keys: {\"accept\": [\"q\"]})", "c.ron").unwrap_err();
        assert!(typed.message.contains("q cannot be a search-line key"), "{typed}");
        let no_way_out = parse("(keys: {\"quit\": []})", "c.ron").unwrap_err();
        assert!(no_way_out.message.contains("quit needs at least one key"), "{no_way_out}");
        assert_eq!(parse("// nothing yet\n\n", "c.ron").unwrap(), Config::default(), "comments only");
        let hostile = parse("(keys: {\"\u{1b}]0;x\u{7}\": []})", "c.ron").unwrap_err();
        assert!(!hostile.to_string().contains('\u{1b}'), "{hostile}");
        assert!(hostile.message.contains("\\u{1b}]0;x"), "shown escaped, not silently dropped: {hostile}");
    }

    #[test]
    fn styles_read_and_write_alike() {
        for text in ["bold cyan", "black on yellow", "reversed bold", "#ff8800", "italic 123", "plain"] {
            let style = parse_style(text).unwrap();
            assert_eq!(parse_style(&describe_style(style)), Ok(style), "{text}");
        }
    }

    #[test]
    fn the_path_follows_xdg() {
        assert_eq!(path_from(Some("/c".into()), None), Some(PathBuf::from("/c/versus/config.ron")));
        assert_eq!(
            path_from(Some("rel".into()), Some("/h".into())),
            Some(PathBuf::from("/h/.config/versus/config.ron"))
        );
    }
}
