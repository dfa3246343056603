//! Views: pure functions from [`App`] to a frame. They read state, never change it.
//!
//! The layout helpers here are shared with `keys`, so a mouse click is
//! resolved against exactly the rectangles that were drawn.

mod decide;
mod doc;
mod faq;
mod features;
mod help;
mod palette;
mod performance;
mod pros_cons;
mod status;
pub mod svg;
mod tab_bar;
mod table;
mod theme;
mod use_cases;
mod wrap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::app::{App, Tab};
pub use doc::{Doc, Rich};
pub use help::rows as help_rows;
pub use tab_bar::tab_at;
use table::TableSpec;
pub use theme::Theme;
pub use wrap::wrap;

/// Below this size the app shows a "terminal too small" message instead.
pub const MIN_WIDTH: u16 = 44;
pub const MIN_HEIGHT: u16 = 12;

/// From this width on, list and detail sit side by side; narrower, they stack.
const SIDE_BY_SIDE_WIDTH: u16 = 96;

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
    // Plain arithmetic rather than the layout solver: this runs for every
    // frame and every mouse event, and the solver's first solve of each
    // shape is what made the first frame slow to draw.
    let row = |y, height| Rect { y, height, ..area };
    Some(Screen { tabs: row(area.y, 1), body: row(area.y + 1, area.height - 2), status: row(area.bottom() - 1, 1) })
}

/// A list pane and a detail pane: side by side when wide, stacked when narrow.
/// `list_share` is the list's percentage of the width (at most half the height when stacked).
fn panes(body: Rect, list_share: u16) -> (Rect, Rect) {
    if body.width >= SIDE_BY_SIDE_WIDTH {
        let w = (body.width as u32 * list_share as u32 / 100) as u16;
        (Rect { width: w, ..body }, Rect { x: body.x + w, width: body.width - w, ..body })
    } else {
        let h = (body.height as u32 * list_share.min(50) as u32 / 100) as u16;
        (Rect { height: h, ..body }, Rect { y: body.y + h, height: body.height - h, ..body })
    }
}

/// The first visible entry of a list of `len` entries in `visible` rows, keeping
/// the selection centred where the list allows. Stateless, so drawing and
/// mouse hit-testing always agree.
pub fn list_offset(selected: usize, len: usize, visible: usize) -> usize {
    if len <= visible || visible == 0 {
        return 0;
    }
    selected.saturating_sub(visible / 2).min(len - visible)
}

/// A tab made of a table of entries and a text pane for the selected one.
struct ListTab {
    /// The table, holding the rows within `visible` (the third argument) of the selection.
    spec: fn(&App, &Theme, usize) -> TableSpec,
    detail: fn(&App, &Theme) -> Doc,
    /// Splits the body into (table, text pane).
    areas: fn(&App, Rect) -> (Rect, Rect),
    detail_title: &'static str,
}

/// The header of a table with a column per subject, each in its colour.
fn subject_header(app: &App, theme: &Theme, first: &str) -> Vec<(String, Style)> {
    let mut header = vec![(first.to_string(), theme.heading())];
    header.extend(app.data.subjects.iter().enumerate().map(|(i, s)| (s.name.to_string(), theme.subject(i))));
    header
}

/// The list-and-detail view of `tab`; `None` for Pros/Cons, a page of
/// columns, and for Decide when it is the wizard.
fn list_tab(app: &App, tab: Tab) -> Option<&'static ListTab> {
    match tab {
        Tab::Decide if app.has_wizard() => None,
        Tab::Features => Some(&features::VIEW),
        Tab::ProsCons => None,
        Tab::UseCases => Some(&use_cases::VIEW),
        Tab::Performance => Some(&performance::VIEW),
        Tab::Faq => Some(&faq::VIEW),
        Tab::Decide => Some(&decide::VIEW),
    }
}

/// Where the scrollable text of the current view is drawn (inside its border).
pub fn text_area(app: &App, area: Rect) -> Option<Rect> {
    let body = screen(area)?.body;
    match list_tab(app, app.tab) {
        _ if app.expanded => Some(bordered_inner(body)),
        Some(view) => Some(bordered_inner((view.areas)(app, body).1)),
        None => Some(bordered_inner(body)),
    }
}

/// How far the current view's text can scroll at this terminal size (0 on
/// Pros/Cons, whose page follows its selection).
pub fn max_scroll(app: &App, area: Rect) -> usize {
    let Some(inner) = text_area(app, area) else { return 0 };
    if app.tab == Tab::Decide && app.has_wizard() && !app.expanded {
        let doc = decide::wizard_doc(app, &Theme::NO_COLOR, inner.width);
        return doc.height(inner.width).saturating_sub(inner.height as usize);
    }
    let Some(view) = list_tab(app, app.tab) else { return 0 };
    (view.detail)(app, &Theme::NO_COLOR).height(inner.width).saturating_sub(inner.height as usize)
}

/// How far the help overlay scrolls at this size.
pub fn help_max_scroll(area: Rect) -> usize {
    screen(area).map_or(0, |s| help::max_scroll(s.body))
}

/// Rows of hits the palette shows at this size.
pub fn palette_rows(area: Rect) -> usize {
    screen(area).map_or(0, |s| palette::rows(s.body))
}

/// The palette hit under a click.
pub fn palette_hit_at(app: &App, area: Rect, x: u16, y: u16) -> Option<usize> {
    palette::hit_at(app, screen(area)?.body, x, y)
}

/// Whether a position is inside the palette's box.
pub fn in_palette(area: Rect, x: u16, y: u16) -> bool {
    screen(area).is_some_and(|s| palette::contains(s.body, x, y))
}

/// How many list rows the current tab shows at this size (0 without a list).
pub fn list_rows(app: &App, area: Rect) -> usize {
    match (screen(area), list_tab(app, app.tab)) {
        (Some(screen), Some(view)) => TableSpec::visible_rows((view.areas)(app, screen.body).0),
        (Some(screen), None) => screen.body.height.saturating_sub(2) as usize / 2,
        _ => 0,
    }
}

/// The list entry under a mouse position, on the current tab.
pub fn entry_at(app: &App, area: Rect, x: u16, y: u16) -> Option<usize> {
    let screen = screen(area)?;
    let view = list_tab(app, app.tab).filter(|_| !app.expanded)?;
    let list = (view.areas)(app, screen.body).0;
    (view.spec)(app, &Theme::NO_COLOR, TableSpec::visible_rows(list)).entry_at(list, x, y)
}

/// Draws the whole app.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    let Some(screen) = screen(area) else {
        too_small(frame, area);
        return;
    };
    tab_bar::draw(frame, app, theme, screen.tabs);
    status::draw(frame, app, theme, screen.status);
    let scroll = app.state().scroll;
    match list_tab(app, app.tab) {
        Some(view) if app.expanded => {
            let title = format!(" {} ", app.tab.title());
            let pane = Pane { title: &title, focused: true, position: true };
            draw_doc(frame, theme, &(view.detail)(app, theme), screen.body, pane, scroll);
        }
        Some(view) => {
            let (list, text) = (view.areas)(app, screen.body);
            (view.spec)(app, theme, TableSpec::visible_rows(list)).draw(frame, theme, list);
            let pane = Pane { title: view.detail_title, focused: false, position: true };
            draw_doc(frame, theme, &(view.detail)(app, theme), text, pane, scroll);
        }
        None if app.tab == Tab::ProsCons => pros_cons::draw(frame, app, theme, screen.body),
        None => decide::draw_wizard(frame, app, theme, screen.body),
    }
    if app.palette.is_some() {
        palette::draw(frame, app, theme, screen.body);
    }
    if app.help {
        help::draw(frame, theme, screen.body, app.help_scroll);
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let msg = format!(
        "Terminal too small: need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}. Enlarge the window, or press q to quit.",
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
fn draw_doc(frame: &mut Frame, theme: &Theme, doc: &Doc, area: Rect, p: Pane, scroll: usize) {
    let block = pane(theme, p.title, p.focused);
    let inner = block.inner(area);
    let lines = doc.lines(inner.width);
    let max = lines.len().saturating_sub(inner.height as usize);
    let scroll = scroll.min(max);
    let block = if max > 0 && p.position {
        let hint = format!(" {}/{} ", scroll + 1, max + 1);
        block.title_bottom(Line::styled(hint, theme.dim()).right_aligned())
    } else {
        block
    };
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(inner.height as usize).collect();
    frame.render_widget(Paragraph::new(visible).block(block), area);
}

/// A bordered pane; the focused one has a bold border.
fn pane<'a>(theme: &Theme, title: &'a str, focused: bool) -> Block<'a> {
    let style = if focused { theme.focus_border() } else { theme.border() };
    Block::new()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Line::styled(title, Style::new().add_modifier(Modifier::BOLD)))
}
