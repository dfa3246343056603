//! Views: pure functions from [`App`] to a frame. They read state, never
//! change it, and return what they drew as a [`ScreenMap`] for the input
//! mapping. They depend on neither the input mapping nor the exporters.

mod choose;
mod decide;
mod doc;
mod faq;
mod features;
mod help;
mod links;
mod notes;
mod overlay;
mod overview;
mod palette;
mod performance;
mod picker;
mod pros_cons;
mod screen_map;
mod status;
pub mod svg;
mod tab_bar;
mod table;
mod theme;
mod together;
mod use_cases;
mod wrap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::app::{App, Overlay};
use crate::tab::Tab;
pub(crate) use doc::{Doc, Rich};
pub(crate) use links::{link_at, selected_link, text_at};
pub use screen_map::ListMap;
pub use screen_map::PaneMap;
pub use screen_map::ScreenMap;
use table::TableSpec;
pub(crate) use theme::no_color_set;
pub use theme::{Asked, Theme, ThemeName};

/// Below this size the app shows a "terminal too small" message instead.
pub(crate) const MIN_WIDTH: u16 = 44;
pub(crate) const MIN_HEIGHT: u16 = 12;

/// From this width on, list and detail sit side by side; narrower, they stack.
const SIDE_BY_SIDE_WIDTH: u16 = 96;

/// Prose wraps at this many columns at most, however wide the pane: longer
/// lines are hard to follow back to their start.
pub(crate) const PROSE_WIDTH: u16 = 100;

/// The three bands of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub tabs: Rect,
    pub body: Rect,
    pub status: Rect,
}

/// `None` when the terminal is below the usable minimum.
pub fn screen(area: Rect) -> Option<Screen> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    // Plain arithmetic rather than the layout solver: the solver's first
    // solve of each shape is what made the first frame slow to draw.
    let row = |y, height| Rect { y, height, ..area };
    Some(Screen { tabs: row(area.y, 1), body: row(area.y + 1, area.height - 2), status: row(area.bottom() - 1, 1) })
}

/// A list pane and a detail pane: side by side when wide enough that the
/// list, at `list_share` percent of the width, still gets `list_width`;
/// otherwise stacked, the list taking the `list_height` its rows need, up to
/// three fifths of the height.
fn panes(body: Rect, list_share: u16, list_width: u16, list_height: impl FnOnce() -> usize) -> (Rect, Rect) {
    let beside = (body.width as u32 * list_share as u32 / 100) as u16;
    if body.width >= SIDE_BY_SIDE_WIDTH && beside >= list_width {
        let w = (body.width as u32 * list_share as u32 / 100) as u16;
        (Rect { width: w, ..body }, Rect { x: body.x + w, width: body.width - w, ..body })
    } else {
        let most = body.height as usize * 3 / 5;
        let h = list_height().min(most).max(most.min(6)) as u16;
        (Rect { height: h, ..body }, Rect { y: body.y + h, height: body.height - h, ..body })
    }
}

/// The first visible entry of a list of `len` entries in `visible` rows,
/// keeping the selection centred where the list allows.
pub(crate) fn list_offset(selected: usize, len: usize, visible: usize) -> usize {
    if len <= visible || visible == 0 {
        return 0;
    }
    selected.saturating_sub(visible / 2).min(len - visible)
}

/// What the views know of one tab, kept in the tab's own file
/// (`ui/features.rs`, …): how its body is drawn, and what an entry links to
/// and copies as. [`tab_view`] is the one place a tab is registered.
struct TabView {
    body: Body,
    /// The link of an entry: a subject's homepage, a source's address, or
    /// the source of a note on the entry.
    link: for<'a> fn(&'a App, usize) -> Option<&'a str>,
    /// The entry as plain text for copying, where it is not its detail's text.
    copied: Option<Copied>,
}

/// An entry of a tab as copied (see [`TabView::copied`]).
type Copied = fn(&App, &Theme, usize) -> Option<String>;

/// How a tab's body is drawn.
enum Body {
    /// A table of entries and a text pane for the selected one.
    List(ListTab),
    /// A column of whole entries per subject (Pros/Cons): ←/→ move between
    /// columns, nothing opens, and the position counts within the column.
    Columns(fn(&mut Frame, &App, &Theme, Rect) -> ListMap),
    /// A page with pages and keys of its own (the wizard).
    Page(fn(&mut Frame, &App, &Theme, Rect) -> PaneMap),
}

/// A tab made of a table of entries and a text pane for the selected one.
struct ListTab {
    /// The table, holding the rows within `visible` (the third argument) of the selection.
    spec: fn(&App, &Theme, usize) -> TableSpec,
    /// The full text of an entry.
    detail: fn(&App, &Theme, usize) -> Doc,
    /// The list's percentage of the width when the panes sit side by side.
    list_share: u16,
    detail_title: &'static str,
    /// What the text pane says when the data has no entries for this tab.
    empty: &'static str,
}

/// The header of a table with a column per subject, each in its colour.
fn subject_header(app: &App, theme: &Theme, first: &str) -> Vec<(String, Style)> {
    let mut header = vec![(first.to_string(), theme.heading())];
    header.extend(app.data.subjects.iter().enumerate().map(|(i, s)| (s.name.to_string(), theme.subject(i))));
    header
}

/// The view of `tab`: the one place each tab's file is registered. Decide
/// is the wizard when the data has questions, else its decision table.
fn tab_view(app: &App, tab: Tab) -> &'static TabView {
    match tab {
        Tab::Features => &features::TAB,
        Tab::ProsCons => &pros_cons::TAB,
        Tab::UseCases => &use_cases::TAB,
        Tab::Performance => &performance::TAB,
        Tab::Faq => &faq::TAB,
        Tab::Decide if app.has_wizard() => &decide::WIZARD,
        Tab::Decide => &decide::TAB,
        Tab::Overview => &overview::TAB,
    }
}

/// True when `tab` is drawn as columns of whole entries (Pros/Cons).
fn in_columns(app: &App, tab: Tab) -> bool {
    matches!(tab_view(app, tab).body, Body::Columns(_))
}

/// The first source among `notes`: the link of an entry that has no address of its own.
fn first_source(notes: &[crate::data::Note]) -> Option<&str> {
    notes.iter().find_map(|n| n.source.as_deref())
}

/// Draws the whole app and returns what it drew.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) -> ScreenMap {
    let area = frame.area();
    let mut map = ScreenMap { area, ..ScreenMap::default() };
    let Some(screen) = screen(area) else {
        too_small(frame, area, &app.keys.key(crate::keys::KeyCommand::Quit));
        return map;
    };
    map.tabs = tab_bar::draw(frame, app, theme, screen.tabs);
    // A long message takes a second row from the body rather than being cut.
    let extra = status::rows(app, screen.status.width) - 1;
    let screen = Screen {
        body: Rect { height: screen.body.height - extra, ..screen.body },
        status: Rect { y: screen.status.y - extra, height: 1 + extra, ..screen.status },
        ..screen
    };
    status::draw(frame, app, theme, screen.status);
    let screen = match &app.banner {
        Some(problem) => banner(frame, theme, problem, screen),
        None => screen,
    };
    let state = app.state();
    match &tab_view(app, app.tab).body {
        Body::List(view) if app.expanded() => {
            let title = format!(" {} ", app.tab.title());
            let pane = Pane { title: &title, focused: true, position: true };
            let doc = (view.detail)(app, theme, state.selected);
            map.text = Some(draw_doc(frame, theme, &doc, screen.body, pane, state.scroll));
        }
        Body::List(view) => {
            let spec = (view.spec)(app, theme, screen.body.height as usize);
            let height = || spec.needed_height(screen.body.width);
            let (list, text) = panes(screen.body, view.list_share, spec.min_width(), height);
            map.list = Some(spec.draw(frame, theme, list, !state.detail_focused));
            let mut doc = (view.detail)(app, theme, state.selected);
            let total = app.entry_count(app.tab);
            if total == 0 && doc.is_empty() && !app.searching() {
                doc.text(view.empty, theme.dim());
            }
            let next = |e: usize| (e < total).then(|| (view.detail)(app, theme, e));
            add_following(&mut doc, theme, bordered_inner(text), state.selected, next);
            let pane = Pane { title: view.detail_title, focused: state.detail_focused, position: true };
            map.text = Some(draw_doc(frame, theme, &doc, text, pane, state.scroll));
        }
        Body::Columns(draw) => map.list = Some(draw(frame, app, theme, screen.body)),
        Body::Page(draw) => map.text = Some(draw(frame, app, theme, screen.body)),
    }
    // Bottom to top, as the stack holds them: what has the keyboard is drawn last, on top.
    for overlay in app.overlays.iter() {
        match overlay {
            // Drawn by the tab itself, in its place.
            Overlay::Expanded => {}
            Overlay::Palette { .. } => map.palette = palette::draw(frame, app, theme, screen.body),
            Overlay::Picker(_) => map.picker = picker::draw(frame, app, theme, screen.body),
            Overlay::Choose(choice) => map.choice = Some(choose::draw(frame, theme, choice, screen.body)),
            Overlay::Help { scroll } => map.help = Some(help::draw(frame, theme, &app.keys, screen.body, *scroll)),
        }
    }
    map
}

/// Entries followed in a side-by-side detail pane: at most this many.
const MAX_FOLLOWING: usize = 8;

/// Fills what a short detail leaves of a tall pane with the entries after
/// the selected one, dimmed under a rule, so a big screen reads on instead
/// of showing blank rows. Only whole entries that fit are added, so the
/// selected entry's own scrolling is unchanged.
fn add_following(doc: &mut Doc, theme: &Theme, inner: Rect, selected: usize, next: impl Fn(usize) -> Option<Doc>) {
    let width = inner.width.min(PROSE_WIDTH);
    let mut used = doc.height(width);
    for e in selected + 1..selected + 1 + MAX_FOLLOWING {
        let Some(follower) = next(e) else { break };
        let rule = Rich::new(&"─".repeat(width.min(24) as usize), theme.dim());
        if used + 3 + follower.height(width) > inner.height as usize {
            break;
        }
        used += 3 + follower.height(width);
        doc.blank().push(rule).blank();
        doc.append_dimmed(follower, theme.dim());
    }
}

/// The most rows the reload banner takes from the body.
const MAX_BANNER_ROWS: usize = 3;

/// Why the watched file did not reload, above the last good version: at
/// most three rows taken from the top of the body, which shrinks by as many.
fn banner(frame: &mut Frame, theme: &Theme, problem: &str, screen: Screen) -> Screen {
    let mut text = format!("⚠ Not reloaded, showing the last good version: {problem}");
    let width = screen.body.width as usize;
    let rows = wrap::wrap(&text, width);
    if let Some(last) = rows.get(MAX_BANNER_ROWS - 1).filter(|_| rows.len() > MAX_BANNER_ROWS) {
        // Cut where the last row ends, leaving room for the mark.
        let cut = text[..last.end].char_indices().map(|(i, _)| i).rev().nth(1).unwrap_or(last.start);
        text.truncate(cut.max(last.start));
        text.push('…');
    }
    let lines = Rich::new(&text, theme.warning()).lines(screen.body.width);
    let lines: Vec<Line> = lines.into_iter().take(MAX_BANNER_ROWS).collect();
    let rows = lines.len() as u16;
    frame.render_widget(Paragraph::new(lines), Rect { height: rows, ..screen.body });
    let body = Rect { y: screen.body.y + rows, height: screen.body.height - rows, ..screen.body };
    Screen { body, ..screen }
}

fn too_small(frame: &mut Frame, area: Rect, quit: &str) {
    let msg = format!(
        "Terminal too small: need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}. Enlarge the window, or press {quit} to quit.",
        area.width, area.height
    );
    frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
}

fn bordered_inner(area: Rect) -> Rect {
    Block::new().borders(Borders::ALL).inner(area)
}

/// How a text pane is framed.
struct Pane<'a> {
    title: &'a str,
    /// A bold border: the pane has the keys.
    focused: bool,
    /// Show "line/lines" in the bottom border when the text does not fit.
    position: bool,
}

/// A bordered pane of wrapped text scrolled by `scroll` lines, with a
/// position hint in the bottom border when it does not fit.
fn draw_doc(frame: &mut Frame, theme: &Theme, doc: &Doc, area: Rect, p: Pane, scroll: usize) -> PaneMap {
    let position = p.position.then_some("");
    draw_doc_in(frame, theme, doc, area, pane(theme, p.title, p.focused), position, scroll)
}

/// [`draw_doc`] inside a block of the caller's making (the help overlay's);
/// `position`, when given, follows the line position in the bottom border.
fn draw_doc_in(
    frame: &mut Frame,
    theme: &Theme,
    doc: &Doc,
    area: Rect,
    block: Block,
    position: Option<&str>,
    scroll: usize,
) -> PaneMap {
    let inner = block.inner(area);
    // Prose stops at the prose width inside the doc; a wide grid takes the pane.
    let lines = doc.lines(inner.width);
    let max = lines.len().saturating_sub(inner.height as usize);
    let scroll = scroll.min(max);
    let block = if let Some(after) = position.filter(|_| max > 0) {
        let hint = format!(" {}/{} {after}", scroll + 1, max + 1);
        block.title_bottom(Line::styled(hint, theme.dim()).right_aligned())
    } else {
        block
    };
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(inner.height as usize).collect();
    frame.render_widget(Paragraph::new(visible).block(block), area);
    PaneMap { area: inner, page: (inner.height as usize).max(1), max_scroll: max }
}

/// A bordered pane; the focused one has a bold border.
fn pane<'a>(theme: &Theme, title: &'a str, focused: bool) -> Block<'a> {
    let style = if focused { theme.focus_border() } else { theme.border() };
    Block::new()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Line::styled(title, Style::new().add_modifier(Modifier::BOLD)))
}
