//! Random key, mouse and resize sequences against the real keymap, update and
//! draw: nothing panics, selections stay in range, and only the quit keys quit.

mod common;

use common::{app, draw};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use proptest::prelude::*;
use ratatui::layout::Rect;
use versus::tab::Tab;
use versus::ui::Theme;

#[derive(Debug, Clone)]
enum Input {
    Key(KeyCode, KeyModifiers),
    Mouse(MouseEventKind, u16, u16),
    Resize(u16, u16),
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        prop::sample::select(vec![
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Insert,
            KeyCode::F(1),
        ]),
        prop::sample::select("hjklgGJKqc?123456780 xQ/:".chars().collect::<Vec<_>>()).prop_map(KeyCode::Char),
        any::<char>().prop_map(KeyCode::Char),
    ]
}

fn modifiers() -> impl Strategy<Value = KeyModifiers> {
    prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
    ])
}

fn input() -> impl Strategy<Value = Input> {
    let mouse_kind = prop::sample::select(vec![
        MouseEventKind::Down(MouseButton::Left),
        MouseEventKind::Down(MouseButton::Right),
        MouseEventKind::Up(MouseButton::Left),
        MouseEventKind::Drag(MouseButton::Left),
        MouseEventKind::Moved,
        MouseEventKind::ScrollDown,
        MouseEventKind::ScrollUp,
    ]);
    prop_oneof![
        6 => (key_code(), modifiers()).prop_map(|(c, m)| Input::Key(c, m)),
        3 => (mouse_kind, 0..260u16, 0..90u16).prop_map(|(k, x, y)| Input::Mouse(k, x, y)),
        1 => (1..250u16, 1..80u16).prop_map(|(w, h)| Input::Resize(w, h)),
    ]
}

fn is_quit_key(code: KeyCode, modifiers: KeyModifiers) -> bool {
    let modifiers = modifiers - KeyModifiers::SHIFT;
    matches!((code, modifiers), (KeyCode::Char('q') | KeyCode::Esc, KeyModifiers::NONE))
        || (code == KeyCode::Char('c') && modifiers == KeyModifiers::CONTROL)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_input_never_breaks_the_app(
        data in prop::sample::select(vec!["django-vs-flask", "django-vs-flask-vs-fastapi"]),
        inputs in prop::collection::vec(input(), 1..40),
    ) {
        let mut app = app(data);
        let mut area = Rect::new(0, 0, 100, 30);
        // As the terminal loop does: every event is mapped against the last frame.
        let mut map = draw(&app, area.width, area.height, Theme::COLOR).1;
        for input in inputs {
            let event = match input {
                Input::Key(code, m) => Event::Key(KeyEvent::new(code, m)),
                Input::Mouse(kind, column, row) => {
                    Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE })
                }
                Input::Resize(w, h) => {
                    area = Rect::new(0, 0, w, h);
                    Event::Resize(w, h)
                }
            };
            let was_open = app.overlays.is_open(versus::app::Kind::Help) || app.expanded() || app.faq_search.is_some();
            // The too-small screen says its quit key quits, whatever is open.
            let was_typing = app.typing() && versus::ui::screen(map.area).is_some();
            let asked = match versus::input::map_event(&event, &app, &map) {
                Some(action) => app.update(action),
                None => Vec::new(),
            };
            if asked.contains(&versus::app::Effect::Quit) {
                let quit_key = match &event {
                    // In a search line, q and Esc are for the line; only Ctrl-C quits.
                    Event::Key(k) if was_typing => k.code == KeyCode::Char('c') && k.modifiers == KeyModifiers::CONTROL,
                    Event::Key(k) => is_quit_key(k.code, k.modifiers),
                    _ => false,
                };
                prop_assert!(quit_key, "quit on {:?}", event);
                if let Event::Key(k) = &event {
                    prop_assert!(k.code != KeyCode::Esc || !was_open, "Esc quit while something was open");
                }
                return Ok(());
            }
            app.settle();
            if let Some(line) = app.palette() {
                prop_assert!(app.palette_selected() < line.hits.len().max(1));
            }
            for tab in Tab::ALL {
                let state = app.states[tab.index()];
                prop_assert!(state.selected < app.entry_count(tab).max(1), "{:?} selection {} out of range", tab, state.selected);
            }
            map = draw(&app, area.width, area.height, Theme::COLOR).1;
        }
    }
}
