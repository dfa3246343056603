//! Terminal events to actions: `(event, app, what was drawn)` → [`Action`].
//! Reads the last frame's [`ScreenMap`] for every size and position, and
//! never calls a layout or drawing function.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::keymap::{Command, InputCommand, WizardCommand, binding_for, input_binding_for, wizard_binding_for};
use crate::app::{Action, App, LineAction, Mode};
use crate::tab::Tab;
use crate::ui::{PaneMap, ScreenMap};
use crate::wizard::{WizardAction, WizardPage};

/// Lines the mouse wheel scrolls text by.
const WHEEL_LINES: isize = 3;

/// Turns a terminal event into an action for this app, as it was last drawn.
pub fn map_event(event: &Event, app: &App, map: &ScreenMap) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => map_key(k, app, map),
        Event::Mouse(m) => map_mouse(m, app, map),
        _ => None,
    }
}

/// A scroll of the pane that scrolls, by `by` lines.
fn scroll(pane: Option<&PaneMap>, by: isize) -> Action {
    Action::Scroll { by, max: pane.map_or(0, |p| p.max_scroll) }
}

pub fn map_key(event: &KeyEvent, app: &App, map: &ScreenMap) -> Option<Action> {
    match app.mode() {
        Mode::Palette | Mode::FaqFilter => return map_line_key(event, app, map),
        Mode::Wizard => {
            if let Some(action) = map_wizard_key(event, app, map) {
                return Some(action);
            }
        }
        _ => {}
    }
    let binding = binding_for(event)?;
    // Where there is no list to move through (help, an open entry, a wizard
    // page, an empty list), movement keys scroll the text.
    let pane = if app.help { map.help.as_ref() } else { map.text.as_ref() };
    let list = map.list.as_ref().filter(|l| l.len > 0 && !app.help);
    let page = |by: isize| by * list.map_or(pane.map_or(1, |p| p.page), |l| l.page).max(1) as isize;
    Some(match (binding.command, list) {
        (Command::NextTab, _) => Action::NextTab,
        (Command::PreviousTab, _) => Action::PreviousTab,
        (Command::TabByNumber, _) => match event.code {
            KeyCode::Char(c) => Action::GoToTab(Tab::from_index((c.to_digit(10)? as usize).checked_sub(1)?)?),
            _ => return None,
        },
        (Command::Down, None) => scroll(pane, 1),
        (Command::Up, None) => scroll(pane, -1),
        (Command::PageDown, None) => scroll(pane, page(1)),
        (Command::PageUp, None) => scroll(pane, page(-1)),
        (Command::First, None) => scroll(pane, isize::MIN / 2),
        (Command::Last, None) => scroll(pane, isize::MAX / 2),
        (Command::Down, Some(_)) => Action::Move(1),
        (Command::Up, Some(_)) => Action::Move(-1),
        (Command::PageDown, Some(_)) => Action::Move(page(1)),
        (Command::PageUp, Some(_)) => Action::Move(page(-1)),
        (Command::First, Some(_)) => Action::First,
        (Command::Last, Some(_)) => Action::Last,
        (Command::Expand, _) => Action::ToggleExpand,
        (Command::ScrollDown, _) => scroll(pane, 1),
        (Command::ScrollUp, _) => scroll(pane, -1),
        (Command::Help, _) => Action::ToggleHelp,
        (Command::Back, _) => Action::Back,
        (Command::Quit, _) => Action::Quit,
        (Command::Search, _) => Action::Search,
        (Command::Palette, _) => Action::Palette,
    })
}

/// Keys while a search line has the keyboard: editing, moving through hits, leaving.
fn map_line_key(event: &KeyEvent, app: &App, map: &ScreenMap) -> Option<Action> {
    let list = if app.palette.is_some() { map.palette.as_ref() } else { map.list.as_ref() };
    let page = list.map_or(1, |l| l.page).max(1) as isize;
    if let Some(b) = input_binding_for(event) {
        return Some(match b.command {
            InputCommand::Accept => Action::Line(LineAction::Accept),
            InputCommand::Cancel => Action::Line(LineAction::Cancel),
            InputCommand::Down => Action::Move(1),
            InputCommand::Up => Action::Move(-1),
            InputCommand::PageDown => Action::Move(page),
            InputCommand::PageUp => Action::Move(-page),
            InputCommand::First => Action::First,
            InputCommand::Last => Action::Last,
            InputCommand::Backspace => Action::Line(LineAction::Backspace),
            InputCommand::DeleteWord => Action::Line(LineAction::DeleteWord),
            InputCommand::Clear => Action::Line(LineAction::Clear),
            InputCommand::Quit => Action::Quit,
        });
    }
    match event.code {
        KeyCode::Char(c) if !event.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
            Some(Action::Line(LineAction::Type(c)))
        }
        _ => None,
    }
}

/// Keys on the wizard's pages; `None` lets the keymap have the key.
fn map_wizard_key(event: &KeyEvent, app: &App, map: &ScreenMap) -> Option<Action> {
    let b = wizard_binding_for(event)?;
    let result = app.wizard.page == WizardPage::Result;
    let wizard = |w| Some(Action::Wizard(w));
    match b.command {
        WizardCommand::Down if result => Some(scroll(map.text.as_ref(), 1)),
        WizardCommand::Up if result => Some(scroll(map.text.as_ref(), -1)),
        WizardCommand::Down => wizard(WizardAction::Cursor(1)),
        WizardCommand::Up => wizard(WizardAction::Cursor(-1)),
        WizardCommand::Pick if result => None,
        WizardCommand::Pick => wizard(WizardAction::Pick(None)),
        WizardCommand::PickNumber => match (app.wizard.page, event.code) {
            (WizardPage::Question(_), KeyCode::Char(c)) => {
                wizard(WizardAction::Pick(Some((c.to_digit(10)? as usize).checked_sub(1)?)))
            }
            _ => None,
        },
        WizardCommand::Skip => wizard(WizardAction::Skip),
        WizardCommand::Back => wizard(WizardAction::Back),
        WizardCommand::Forward => wizard(WizardAction::Forward),
        WizardCommand::Answers => wizard(WizardAction::Answers),
        WizardCommand::Result => wizard(WizardAction::Result),
        WizardCommand::Restart => wizard(WizardAction::Restart),
        WizardCommand::Resume if app.wizard.offer.is_some() => wizard(WizardAction::Resume),
        WizardCommand::Resume => None,
    }
}

pub fn map_mouse(event: &MouseEvent, app: &App, map: &ScreenMap) -> Option<Action> {
    let (x, y) = (event.column, event.row);
    if let Some(palette) = &map.palette {
        return match event.kind {
            MouseEventKind::Down(MouseButton::Left) if !palette.contains(x, y) => {
                Some(Action::Line(LineAction::Cancel))
            }
            MouseEventKind::Down(MouseButton::Left) => {
                let i = palette.entry_at(x, y)?;
                Some(if i == app.palette_selected {
                    Action::Line(LineAction::Accept)
                } else {
                    Action::Move(i as isize - app.palette_selected as isize)
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
