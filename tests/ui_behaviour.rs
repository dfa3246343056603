//! What a user sees and relies on, checked on the drawn buffer: selection in
//! reverse video, NO_COLOR, the too-small screen, and no panic at any size.

mod common;

use common::{SHIPPED, app, draw, render, screen_map, screen_text, send};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use versus::app::{Action, Effect};
use versus::tab::Tab;
use versus::ui::Theme;

fn row_text(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width).map(|x| buffer[(x, y)].symbol().to_string()).collect()
}

fn reversed_rows(buffer: &Buffer) -> Vec<u16> {
    (0..buffer.area.height)
        .filter(|&y| {
            (1..buffer.area.width.saturating_sub(1))
                .any(|x| buffer[(x, y)].modifier.contains(Modifier::REVERSED) && buffer[(x, y)].symbol() != " ")
        })
        .collect()
}

#[test]
fn the_selected_row_is_reverse_video_with_and_without_colour() {
    for theme in [Theme::COLOR, Theme::NO_COLOR] {
        let mut app = app("django-vs-flask");
        app.update(Action::GoToTab(Tab::Faq));
        app.update(Action::Move(5));
        let terminal = render(&app, 100, 30, theme);
        let buffer = terminal.backend().buffer();
        // Row 0 is the tab bar (active tab reversed); the selection is the other reversed row.
        let rows: Vec<u16> = reversed_rows(buffer).into_iter().filter(|&y| y > 0 && y < 29).collect();
        assert_eq!(rows.len(), 1, "{theme:?}: {rows:?}");
        assert!(row_text(buffer, rows[0]).contains("6. Does Flask run faster than Django?"));
    }
}

#[test]
fn no_color_means_no_colour_at_all() {
    for tab in Tab::ALL {
        let mut app = app("django-vs-flask-vs-fastapi");
        app.update(Action::GoToTab(tab));
        let terminal = render(&app, 120, 40, Theme::NO_COLOR);
        for cell in terminal.backend().buffer().content() {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{tab:?}: {cell:?}");
        }
    }
}

#[test]
fn each_subject_keeps_one_colour_everywhere() {
    let app = app("django-vs-flask-vs-fastapi");
    let terminal = render(&app, 120, 40, Theme::COLOR);
    let buffer = terminal.backend().buffer();
    let header = (0..40).find(|&y| row_text(buffer, y).contains("Feature ")).expect("header row");
    let colour_of = |name: &str| {
        let x = row_text(buffer, header).find(name).expect("name on the header row");
        let x = row_text(buffer, header)[..x].chars().count() as u16;
        buffer[(x, header)].fg
    };
    let colours = [colour_of("Django"), colour_of("Flask"), colour_of("FastAPI")];
    assert!(colours[0] != colours[1] && colours[1] != colours[2] && colours[0] != colours[2], "{colours:?}");
    for (i, c) in colours.iter().enumerate() {
        assert_eq!(*c, Theme::COLOR.subject(i).fg.unwrap_or_default());
    }
}

#[test]
fn too_small_terminal_says_what_it_needs() {
    let text = screen_text(&render(&app("django-vs-flask"), 40, 10, Theme::COLOR));
    assert!(text.replace('\n', " ").contains("Terminal too small: need 44×12, have 40×10"), "{text}");
}

#[test]
fn every_tab_draws_at_every_size_without_panicking() {
    let mut sizes: Vec<(u16, u16)> = (1..=40).flat_map(|w| (1..=20).map(move |h| (w, h))).collect();
    sizes.extend((40..=250).step_by(7).flat_map(|w| (20..=80).step_by(6).map(move |h| (w, h))));
    sizes.extend([(250, 80), (44, 12), (43, 12), (44, 11), (95, 30), (96, 30)]);
    // One thread per comparison: the sweep draws about 50,000 frames.
    std::thread::scope(|s| {
        for name in SHIPPED {
            let sizes = &sizes;
            s.spawn(move || {
                let base = app(name);
                for tab in Tab::ALL {
                    for overlay in [None, Some(Action::ToggleHelp), Some(Action::ToggleExpand), Some(Action::Palette)] {
                        let mut app = base.clone();
                        app.update(Action::GoToTab(tab));
                        app.update(Action::Last);
                        if let Some(a) = overlay {
                            app.update(a);
                        }
                        app.settle();
                        for &(w, h) in sizes {
                            let mut app = app.clone();
                            let map = draw(&app, w, h, Theme::COLOR).1;
                            // Then scrolled to the end, where there is an end.
                            let max = map.help.or(map.text).map_or(0, |p| p.max_scroll);
                            if max > 0 {
                                app.update(Action::Scroll { by: isize::MAX / 2, max });
                                draw(&app, w, h, Theme::COLOR);
                            }
                        }
                    }
                }
            });
        }
    });
}

#[test]
fn clicking_a_tab_and_a_row() {
    let mut app = app("django-vs-flask");
    let text = screen_text(&render(&app, 100, 30, Theme::COLOR));
    let faq_x = text.lines().next().and_then(|l| l.find("5 FAQ")).expect("FAQ tab label") as u16;
    let click = |x, y| {
        crossterm::event::Event::Mouse(crossterm::event::MouseEvent {
            kind: crossterm::event::MouseEventKind::Down(crossterm::event::MouseButton::Left),
            column: x,
            row: y,
            modifiers: crossterm::event::KeyModifiers::NONE,
        })
    };
    send(&mut app, click(faq_x + 1, 0), 100, 30);
    assert_eq!(app.tab, Tab::Faq);

    let text = screen_text(&render(&app, 100, 30, Theme::COLOR));
    let y = text.lines().position(|l| l.contains("3. Which large companies run Flask?")).expect("row 3") as u16;
    send(&mut app, click(5, y), 100, 30);
    assert_eq!(app.state().selected, 2);
    let text = screen_text(&render(&app, 100, 30, Theme::COLOR));
    assert!(text.contains("Netflix"), "the answer to question 3 is shown:\n{text}");

    // Clicking the selected row again opens it full-screen.
    send(&mut app, click(5, y), 100, 30);
    assert!(app.expanded());
}

#[test]
fn the_wheel_moves_the_list_or_scrolls_the_text_under_the_pointer() {
    let mut app = app("django-vs-flask");
    app.update(Action::GoToTab(Tab::Faq));
    let wheel = |x, y| {
        crossterm::event::Event::Mouse(crossterm::event::MouseEvent {
            kind: crossterm::event::MouseEventKind::ScrollDown,
            column: x,
            row: y,
            modifiers: crossterm::event::KeyModifiers::NONE,
        })
    };
    send(&mut app, wheel(5, 4), 60, 20);
    assert_eq!(app.state().selected, 1);
    let text = screen_map(&app, 60, 20).text.expect("a text pane");
    assert!(text.max_scroll > 0, "the second answer does not fit at 60x20");
    send(&mut app, wheel(5, text.area.y + 1), 60, 20);
    assert_eq!((app.state().selected, app.state().scroll > 0), (1, true));
}

#[test]
fn help_lists_every_binding_of_the_keymap() {
    let mut app = app("django-vs-flask");
    app.update(Action::ToggleHelp);
    // Read the whole overlay, scrolling it as a user would.
    let max = draw(&app, 120, 40, Theme::COLOR).1.help.map_or(0, |h| h.max_scroll);
    let mut text = String::new();
    for _ in 0..=max {
        text.push_str(&screen_text(&render(&app, 120, 40, Theme::COLOR)));
        app.update(Action::Scroll { by: 1, max });
    }
    let text = text.replace('\n', " ").split_whitespace().collect::<Vec<_>>().join(" ");
    for row in app.keys.help_rows() {
        let what = row.help.split_whitespace().collect::<Vec<_>>().join(" ");
        let first_words: String = what.split(' ').take(4).collect::<Vec<_>>().join(" ");
        assert!(text.contains(&row.keys) && text.contains(&first_words), "help lacks {row:?}:\n{text}");
        assert!(text.contains(row.name), "help lacks the action name {:?}", row.name);
    }
}

#[test]
fn the_readme_key_table_matches_the_keymap() {
    let readme = include_str!("../README.md");
    let table: String = readme.lines().filter(|l| l.starts_with("| `") || l.starts_with("| mouse")).collect();
    let keys = versus::keys::Keymap::default();
    for b in &keys.main {
        for key in keys.label_of(b.name).unwrap_or_default().split(' ') {
            assert!(table.contains(&format!("`{key}`")), "README's key table lacks {key:?} ({})", b.help);
        }
        assert!(table.contains(&format!(" | {} | `{}` |", b.help, b.name)), "README lacks {:?} `{}`", b.help, b.name);
    }
}

/// A comparison with no use cases, factors or questions says so on those
/// tabs instead of showing empty panes.
#[test]
fn empty_sections_say_so() {
    let fixture = include_str!("fixtures/minimal.ron");
    let mut c = versus::data::load_str(fixture, "minimal.ron").unwrap_or_else(|e| panic!("{e}"));
    c.use_cases.clear();
    c.factors.clear();
    c.faq.clear();
    let mut app = versus::app::App::new(c);
    for (tab, says) in [
        (Tab::UseCases, "This comparison has no use cases."),
        (Tab::Performance, "This comparison has no performance or security factors."),
        (Tab::Faq, "This comparison has no questions and answers."),
    ] {
        app.update(Action::GoToTab(tab));
        let screen = screen_text(&render(&app, 80, 24, Theme::NO_COLOR));
        assert!(screen.contains(says), "{tab:?}:\n{screen}");
    }
}

/// Ctrl-C quits in every mode whatever the config says: rebound, unbound,
/// with quit on another key, in a search line, the wizard, help, the
/// palette and the picker.
#[test]
fn ctrl_c_quits_in_every_mode_with_every_config() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use versus::app::Mode;
    use versus::wizard::WizardAction;
    let readme = include_str!("../README.md");
    let section = &readme[readme.find("## Your settings").expect("the section")..];
    let start = section.find("```ron\n").expect("an example") + "```ron\n".len();
    let readme_example = &section[start..start + section[start..].find("```").expect("closed")];
    let default_file = versus::config::default_file();
    let configs = [
        "()",
        default_file.as_str(),
        readme_example,
        "(keys: {\"quit\": [\"Q\"]}, search_line_keys: {\"quit\": []})",
        "(keys: {\"quit\": [\"ctrl-q\"], \"back\": []}, search_line_keys: {\"quit\": [], \"cancel\": []})",
    ];
    type Enter = fn(&mut versus::app::App);
    let modes: [(&str, Enter); 9] = [
        ("browse", |_| {}),
        ("an open entry", |a| drop(a.update(Action::ToggleExpand))),
        ("help", |a| drop(a.update(Action::ToggleHelp))),
        ("the wizard", |a| drop(a.update(Action::GoToTab(Tab::Decide)))),
        ("start over?", |a| {
            a.update(Action::GoToTab(Tab::Decide));
            a.update(Action::Wizard(WizardAction::Restart));
        }),
        ("the palette", |a| drop(a.update(Action::Palette))),
        ("the FAQ filter", |a| {
            a.update(Action::GoToTab(Tab::Faq));
            a.update(Action::Search);
        }),
        ("the picker", |a| drop(a.update(Action::Picker))),
        ("help over the wizard", |a| {
            a.update(Action::GoToTab(Tab::Decide));
            a.update(Action::ToggleHelp);
        }),
    ];
    for config in configs {
        let keys = versus::config::parse(config, "c.ron").unwrap_or_else(|e| panic!("{e}\n{config}")).keys;
        for (name, enter) in modes {
            for modifiers in [KeyModifiers::CONTROL, KeyModifiers::CONTROL | KeyModifiers::SHIFT] {
                let mut app = app("django-vs-flask");
                app.keys = std::sync::Arc::new(keys.clone());
                enter(&mut app);
                let mode = app.mode();
                assert!(name == "browse" || mode != Mode::Browse, "{name}: never entered");
                let asked = send(&mut app, Event::Key(KeyEvent::new(KeyCode::Char('c'), modifiers)), 100, 30);
                assert!(asked.contains(&Effect::Quit), "{name} ({mode:?}) with {config}");
            }
        }
    }
}
