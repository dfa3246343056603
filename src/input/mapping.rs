//! Terminal events to actions: `(event, app, what was drawn)` → [`Action`].
//! Reads the last frame's [`ScreenMap`] for every size and position, and
//! never calls a layout or drawing function.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use crate::app::{Action, App, LineAction, Mode};
use crate::keys::{ALWAYS_QUITS, KeyCommand, LineCommand};
use crate::tab::Tab;
use crate::ui::{PaneMap, ScreenMap};
use crate::wizard::WizardAction;

/// Lines the mouse wheel scrolls text by.
const WHEEL_LINES: isize = 3;

/// Turns a terminal event into an action for this app, as it was last drawn.
pub fn map_event(event: &Event, app: &App, map: &ScreenMap) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => map_key(k, app, map),
        Event::Mouse(m) => map_mouse(m, app, map),
        // A paste goes into a search line as one edit; elsewhere it means nothing.
        Event::Paste(text) if app.typing() => Some(Action::Line(LineAction::Paste(text.clone()))),
        _ => None,
    }
}

/// Esc and the key typed right after it can reach us in one read, which
/// terminals spell as Alt and that key. When that Alt key means nothing,
/// it is taken for what was typed: Esc, then the key.
pub(crate) fn esc_then(event: &Event, app: &App, map: &ScreenMap) -> Option<(Event, Event)> {
    let Event::Key(k) = event else { return None };
    if !k.modifiers.contains(KeyModifiers::ALT)
        || k.kind == KeyEventKind::Release
        || map_event(event, app, map).is_some()
    {
        return None;
    }
    let esc = Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    let plain = Event::Key(KeyEvent::new(k.code, k.modifiers - KeyModifiers::ALT));
    Some((esc, plain))
}

/// A scroll of the pane that scrolls, by `by` lines.
fn scroll(pane: Option<&PaneMap>, by: isize) -> Action {
    Action::Scroll { by, max: pane.map_or(0, |p| p.max_scroll) }
}

pub(crate) fn map_key(event: &KeyEvent, app: &App, map: &ScreenMap) -> Option<Action> {
    // Before the keymap, in every mode: no config takes this way out away.
    if ALWAYS_QUITS.matches(event) {
        return Some(Action::Quit);
    }
    if app.keys.main_for(event).is_some_and(|b| b.command == KeyCommand::Suspend) {
        return Some(Action::Suspend);
    }
    // The too-small screen shows nothing to act on, and says the quit key quits: whatever has the keyboard.
    if crate::ui::screen(map.area).is_none() && map.area.width > 0 {
        let quits = app.keys.main_for(event).is_some_and(|b| b.command == KeyCommand::Quit);
        return quits.then_some(Action::Quit);
    }
    match app.mode() {
        Mode::Picker | Mode::Palette | Mode::FaqFilter => return map_line_key(event, app, map),
        Mode::Choose => return map_choice_key(event, app),
        Mode::Wizard => {
            if let Some(action) = map_wizard_key(event, app) {
                return Some(action);
            }
        }
        _ => {}
    }
    let binding = app.keys.main_for(event)?;
    // Where there is no list to move through (help, an open entry, a wizard
    // page, an empty list), movement keys scroll the text.
    let help = app.mode() == Mode::Help;
    let pane = if help { map.help.as_ref() } else { map.text.as_ref() };
    let list = map.list.as_ref().filter(|l| l.len > 0 && !help && !app.state().detail_focused);
    let page = |by: isize| by * list.map_or(pane.map_or(1, |p| p.page), |l| l.page).max(1) as isize;
    Some(match (binding.command, list) {
        (KeyCommand::NextTab, _) => Action::NextTab,
        (KeyCommand::PreviousTab, _) => Action::PreviousTab,
        (KeyCommand::PaneLeft, _) => Action::Pane(-1),
        (KeyCommand::PaneRight, _) => Action::Pane(1),
        // The binding's keys go to the tabs in order.
        (KeyCommand::TabByNumber, _) => {
            Action::GoToTab(Tab::from_index(binding.keys.iter().position(|k| k.matches(event))?)?)
        }
        (KeyCommand::Down, None) => scroll(pane, 1),
        (KeyCommand::Up, None) => scroll(pane, -1),
        (KeyCommand::PageDown, None) => scroll(pane, page(1)),
        (KeyCommand::PageUp, None) => scroll(pane, page(-1)),
        (KeyCommand::First, None) => scroll(pane, isize::MIN / 2),
        (KeyCommand::Last, None) => scroll(pane, isize::MAX / 2),
        (KeyCommand::Down, Some(_)) => Action::Move(1),
        (KeyCommand::Up, Some(_)) => Action::Move(-1),
        (KeyCommand::PageDown, Some(_)) => Action::Move(page(1)),
        (KeyCommand::PageUp, Some(_)) => Action::Move(page(-1)),
        (KeyCommand::First, Some(_)) => Action::First,
        (KeyCommand::Last, Some(_)) => Action::Last,
        (KeyCommand::Expand, _) => Action::ToggleExpand,
        (KeyCommand::ScrollDown, _) => scroll(pane, 1),
        (KeyCommand::ScrollUp, _) => scroll(pane, -1),
        (KeyCommand::Help, _) => Action::ToggleHelp,
        (KeyCommand::Back, _) => Action::Back,
        (KeyCommand::Quit, _) => Action::Quit,
        (KeyCommand::Search, _) => Action::Search,
        (KeyCommand::Palette, _) => Action::Palette,
        (KeyCommand::Suspend, _) => Action::Suspend,
        (KeyCommand::OpenLink, _) => Action::OpenLink,
        (KeyCommand::Copy, _) => Action::Copy,
        (KeyCommand::Picker, _) => Action::Picker,
    })
}

/// Keys while a question is asked: move, Enter chooses, Esc closes, quit quits; nothing else.
fn map_choice_key(event: &KeyEvent, app: &App) -> Option<Action> {
    Some(match app.keys.main_for(event)?.command {
        KeyCommand::Down => Action::Move(1),
        KeyCommand::Up => Action::Move(-1),
        KeyCommand::First => Action::First,
        KeyCommand::Last => Action::Last,
        KeyCommand::Expand => Action::ToggleExpand,
        KeyCommand::Back => Action::Back,
        KeyCommand::Quit => Action::Quit,
        _ => return None,
    })
}

/// Keys while a search line has the keyboard: editing, moving through hits, leaving.
fn map_line_key(event: &KeyEvent, app: &App, map: &ScreenMap) -> Option<Action> {
    let list = match app.mode() {
        Mode::Picker => map.picker.as_ref(),
        Mode::Palette => map.palette.as_ref(),
        _ => map.list.as_ref(),
    };
    let page = list.map_or(1, |l| l.page).max(1) as isize;
    if let Some(b) = app.keys.line_for(event) {
        return Some(match b.command {
            LineCommand::Accept => Action::Line(LineAction::Accept),
            LineCommand::Cancel => Action::Line(LineAction::Cancel),
            LineCommand::Down => Action::Move(1),
            LineCommand::Up => Action::Move(-1),
            LineCommand::PageDown => Action::Move(page),
            LineCommand::PageUp => Action::Move(-page),
            LineCommand::First => Action::First,
            LineCommand::Last => Action::Last,
            LineCommand::Backspace => Action::Line(LineAction::Backspace),
            LineCommand::DeleteWord => Action::Line(LineAction::DeleteWord),
            LineCommand::Clear => Action::Line(LineAction::Clear),
            LineCommand::Quit => Action::Quit,
        });
    }
    // The picker's own key closes it again.
    if app.mode() == Mode::Picker && app.keys.main_for(event).is_some_and(|b| b.command == KeyCommand::Picker) {
        return Some(Action::Picker);
    }
    match event.code {
        KeyCode::Char(c) if !event.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
            Some(Action::Line(LineAction::Type(c)))
        }
        _ => None,
    }
}

/// Keys on the wizard's pages; `None` lets the keymap have the key. While
/// "Start over?" is asked, y answers yes and Esc no; the other wizard keys
/// wait, and the keymap's (tabs, quit) work as always.
fn map_wizard_key(event: &KeyEvent, app: &App) -> Option<Action> {
    let action = app.keys.wizard_for(event).map(|b| b.command);
    let confirm = |yes| Some(Action::Wizard(WizardAction::Confirm(yes)));
    match (app.wizard.confirming, action, event.code) {
        (true, Some(WizardAction::Confirm(true)), _) => confirm(true),
        (true, _, _) if app.keys.main_for(event).is_some_and(|b| b.command == KeyCommand::Back) => confirm(false),
        (true, _, _) | (false, Some(WizardAction::Confirm(_)), _) => None,
        (false, action, _) => action.map(Action::Wizard),
    }
}

pub(crate) fn map_mouse(event: &MouseEvent, app: &App, map: &ScreenMap) -> Option<Action> {
    let (x, y) = (event.column, event.row);
    // The list of what has the keyboard, as the app's mode says.
    if app.mode() == Mode::Choose {
        let choice = map.choice.as_ref()?;
        return match event.kind {
            MouseEventKind::Down(MouseButton::Left) if !choice.contains(x, y) => Some(Action::Back),
            MouseEventKind::Down(MouseButton::Left) => {
                let i = choice.entry_at(x, y)?;
                let selected = app.overlays.choice().map_or(0, |c| c.selected);
                Some(if i == selected { Action::ToggleExpand } else { Action::Select(i) })
            }
            _ => None,
        };
    }
    let overlay = match app.mode() {
        Mode::Picker => map.picker.as_ref().map(|picker| (picker, app.picker().map_or(0, |p| p.selected))),
        Mode::Palette => map.palette.as_ref().map(|palette| (palette, app.palette_selected())),
        _ => None,
    };
    if let Some((palette, selected)) = overlay {
        return match event.kind {
            MouseEventKind::Down(MouseButton::Left) if !palette.contains(x, y) => {
                Some(Action::Line(LineAction::Cancel))
            }
            MouseEventKind::Down(MouseButton::Left) => {
                let i = palette.entry_at(x, y)?;
                Some(if i == selected {
                    Action::Line(LineAction::Accept)
                } else {
                    Action::Move(i as isize - selected as isize)
                })
            }
            MouseEventKind::ScrollDown => Some(Action::Move(1)),
            MouseEventKind::ScrollUp => Some(Action::Move(-1)),
            _ => None,
        };
    }
    let over_text = map.text.as_ref().is_some_and(|t| t.contains(x, y));
    let list = map.list.as_ref().filter(|l| l.len > 0);
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) if map.on_tab_bar(y) => map.tab_at(x, y).map(Action::GoToTab),
        MouseEventKind::Down(MouseButton::Left) if map.help.is_some() => Some(Action::ToggleHelp),
        // A click on the text beside a list gives it the keys.
        MouseEventKind::Down(MouseButton::Left) if over_text && list.is_some() => Some(Action::Pane(1)),
        MouseEventKind::Down(MouseButton::Left) => {
            let i = list?.entry_at(x, y)?;
            Some(if i == app.state().selected { Action::ToggleExpand } else { Action::Select(i) })
        }
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp if map.help.is_some() => None,
        MouseEventKind::ScrollDown if over_text || list.is_none() => Some(scroll(map.text.as_ref(), WHEEL_LINES)),
        MouseEventKind::ScrollUp if over_text || list.is_none() => Some(scroll(map.text.as_ref(), -WHEEL_LINES)),
        MouseEventKind::ScrollDown => Some(Action::Move(1)),
        MouseEventKind::ScrollUp => Some(Action::Move(-1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEvent;
    use ratatui::layout::Rect;

    use crate::app::TabState;
    use crate::ui::ListMap;

    fn app() -> App {
        App::new(crate::data::default_comparison().expect("default data"))
    }

    fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
        Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE })
    }

    fn click(column: u16, row: u16) -> Event {
        mouse(MouseEventKind::Down(MouseButton::Left), column, row)
    }

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    /// A frame drawn by hand: tabs "1" at x 0..4 and "5" at x 10..14 on row 0;
    /// a list at rows 2..10 showing entries 4 (row 3) and 5 (rows 4–5); a text
    /// pane at x 50..80, rows 2..20, that scrolls 7 lines.
    fn frame() -> ScreenMap {
        let list = ListMap {
            area: Rect::new(0, 1, 50, 10),
            rows: vec![(Rect::new(1, 3, 48, 1), 4), (Rect::new(1, 4, 48, 2), 5)],
            page: 8,
            len: 12,
        };
        ScreenMap {
            area: Rect::new(0, 0, 80, 24),
            tabs: vec![(Rect::new(0, 0, 4, 1), Tab::Features), (Rect::new(10, 0, 4, 1), Tab::Faq)],
            list: Some(list),
            text: Some(PaneMap { area: Rect::new(50, 2, 30, 18), page: 18, max_scroll: 7 }),
            ..ScreenMap::default()
        }
    }

    #[test]
    fn a_click_on_a_tab_label_goes_there_and_between_labels_does_nothing() {
        let app = app();
        assert_eq!(map_event(&click(11, 0), &app, &frame()), Some(Action::GoToTab(Tab::Faq)));
        assert_eq!(map_event(&click(6, 0), &app, &frame()), None);
    }

    #[test]
    fn a_click_on_a_row_selects_its_entry_and_again_opens_it() {
        let mut app = app();
        assert_eq!(map_event(&click(20, 5), &app, &frame()), Some(Action::Select(5)), "second line of a tall row");
        assert_eq!(map_event(&click(20, 2), &app, &frame()), None, "the header row");
        app.states[Tab::Features.index()] = TabState { selected: 4, ..TabState::default() };
        assert_eq!(map_event(&click(20, 3), &app, &frame()), Some(Action::ToggleExpand));
    }

    #[test]
    fn the_wheel_moves_the_list_or_scrolls_the_pane_under_the_pointer() {
        let app = app();
        let down = |x, y| mouse(MouseEventKind::ScrollDown, x, y);
        assert_eq!(map_event(&down(20, 4), &app, &frame()), Some(Action::Move(1)));
        assert_eq!(map_event(&down(60, 4), &app, &frame()), Some(Action::Scroll { by: 3, max: 7 }));
        let no_list = ScreenMap { list: None, ..frame() };
        assert_eq!(map_event(&down(20, 4), &app, &no_list), Some(Action::Scroll { by: 3, max: 7 }));
    }

    #[test]
    fn on_the_too_small_screen_only_the_quit_key_does_anything_whatever_is_open() {
        let mut app = app();
        app.update(Action::Palette);
        let tiny = ScreenMap { area: Rect::new(0, 0, 30, 8), ..ScreenMap::default() };
        let key = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        assert_eq!(map_event(&key('q'), &app, &tiny), Some(Action::Quit), "q quits, as the screen says");
        assert_eq!(map_event(&key('a'), &app, &tiny), None, "nothing is typed into a line you cannot see");
    }

    #[test]
    fn the_palette_takes_every_click() {
        let mut app = app();
        app.update(Action::Palette);
        app.settle();
        let palette = ListMap {
            area: Rect::new(10, 2, 40, 12),
            rows: vec![(Rect::new(11, 5, 38, 1), 0), (Rect::new(11, 6, 38, 1), 1)],
            page: 9,
            len: 2,
        };
        let map = ScreenMap { palette: Some(palette), ..frame() };
        assert_eq!(map_event(&click(20, 6), &app, &map), Some(Action::Move(1)));
        assert_eq!(map_event(&click(20, 5), &app, &map), Some(Action::Line(LineAction::Accept)), "the selected hit");
        assert_eq!(map_event(&click(11, 0), &app, &map), Some(Action::Line(LineAction::Cancel)), "outside closes");
        assert_eq!(map_event(&mouse(MouseEventKind::ScrollUp, 60, 20), &app, &map), Some(Action::Move(-1)));
    }

    #[test]
    fn page_keys_move_by_what_was_drawn() {
        let mut app = app();
        assert_eq!(map_event(&key(KeyCode::PageDown), &app, &frame()), Some(Action::Move(8)));
        app.update(Action::ToggleExpand);
        let open = ScreenMap { list: None, ..frame() };
        assert_eq!(map_event(&key(KeyCode::PageDown), &app, &open), Some(Action::Scroll { by: 18, max: 7 }));
        app.update(Action::ToggleHelp);
        let help = PaneMap { area: Rect::new(5, 3, 60, 15), page: 15, max_scroll: 40 };
        let map = ScreenMap { help: Some(help), ..frame() };
        assert_eq!(map_event(&key(KeyCode::Down), &app, &map), Some(Action::Scroll { by: 1, max: 40 }));
        assert_eq!(map_event(&click(20, 3), &app, &map), Some(Action::ToggleHelp), "a click closes help");
    }

    #[test]
    fn keys_on_the_result_page_never_score_the_wizard() {
        let mut app = app();
        app.update(Action::GoToTab(Tab::Decide));
        app.update(Action::Wizard(WizardAction::Result));
        let map = ScreenMap { list: None, ..frame() };
        let before = crate::wizard::score::SCORED.with(|n| n.get());
        for code in
            [KeyCode::Char('q'), KeyCode::Char('z'), KeyCode::Down, KeyCode::PageDown, KeyCode::End, KeyCode::Esc]
        {
            let action = map_event(&key(code), &app, &map);
            assert!(action.is_some() || code == KeyCode::Char('z'), "{code:?}");
        }
        assert_eq!(crate::wizard::score::SCORED.with(|n| n.get()), before, "mapping keys scored the answers");
        crate::wizard::score(&app.data, &app.wizard.answers, &app.wizard.importance);
        assert_eq!(crate::wizard::score::SCORED.with(|n| n.get()), before + 1, "the counter counts");
        assert_eq!(map_event(&key(KeyCode::End), &app, &map), Some(Action::Scroll { by: isize::MAX / 2, max: 7 }));
    }
}
