//! Every tab and overlay, drawn by the real draw code into a TestBackend,
//! compared with reviewed snapshots (`cargo insta review`). They render two
//! small fixture comparisons (`tests/fixtures/minimal.ron`, two subjects, and
//! `tests/fixtures/brewing.ron`, three), never the shipped prose: editing a
//! shipped comparison changes its data file and the screenshots, not these.
//! The shipped files have tests of their own (every row readable, every note
//! shown, the wizard's personas).

mod common;

use common::{render, screen_text};
use versus::app::App;
use versus::app::{Action, LineAction};
use versus::tab::Tab;
use versus::ui::Theme;
use versus::wizard::WizardAction;

/// The fixtures, by the name their snapshots carry.
const FIXTURES: [&str; 2] = ["minimal", "brewing"];

fn app(name: &str) -> App {
    let path = format!("{}/tests/fixtures/{name}.ron", env!("CARGO_MANIFEST_DIR"));
    App::new(versus::data::load_file(std::path::Path::new(&path)).unwrap_or_else(|e| panic!("{e}")))
}

#[test]
fn every_tab_at_80x24_120x40_200x60_and_60x20() {
    for name in FIXTURES {
        for tab in Tab::ALL {
            for (w, h) in [(80, 24), (120, 40), (200, 60), (60, 20)] {
                let mut app = app(name);
                app.update(Action::GoToTab(tab));
                let terminal = render(&app, w, h, Theme::COLOR);
                let snapshot = format!("{name}-{}-{w}x{h}", tab.index() + 1);
                insta::assert_snapshot!(snapshot, screen_text(&terminal));
            }
        }
    }
}

#[test]
fn help_overlay() {
    let mut app = app("brewing");
    app.update(Action::ToggleHelp);
    insta::assert_snapshot!("help-100x30", screen_text(&render(&app, 100, 30, Theme::COLOR)));
}

#[test]
fn expanded_entry_and_a_moved_selection() {
    let mut app = app("brewing");
    app.update(Action::GoToTab(Tab::Faq));
    app.update(Action::Move(2));
    app.update(Action::ToggleExpand);
    insta::assert_snapshot!("faq-3-expanded-60x20", screen_text(&render(&app, 60, 20, Theme::COLOR)));
}

#[test]
fn faq_search_in_progress() {
    for (w, h) in [(100, 30), (60, 20)] {
        let mut app = app("brewing");
        app.update(Action::GoToTab(Tab::Faq));
        app.update(Action::Search);
        app.type_query("clean");
        insta::assert_snapshot!(format!("faq-search-clean-{w}x{h}"), screen_text(&render(&app, w, h, Theme::COLOR)));
    }
}

#[test]
fn search_everything_palette() {
    let mut app = app("brewing");
    app.update(Action::Palette);
    app.type_query("steep");
    insta::assert_snapshot!("palette-steep-100x30", screen_text(&render(&app, 100, 30, Theme::COLOR)));
}

#[test]
fn palette_with_partial_matches_under_a_divider() {
    let mut app = app("brewing");
    app.update(Action::Palette);
    app.type_query("kettle socket zebra");
    let screen = screen_text(&render(&app, 100, 30, Theme::COLOR));
    assert!(screen.contains("not found: zebra"), "{screen}");
    assert!(screen.contains("── matches some of your words"), "{screen}");
    insta::assert_snapshot!("palette-partial-100x30", screen);
    // Only partial matches: the divider says so above them all.
    app.update(Action::Line(LineAction::Clear));
    app.type_query("mesh leaves");
    let screen = screen_text(&render(&app, 80, 24, Theme::COLOR));
    insta::assert_snapshot!("palette-only-partial-80x24", screen);
}

#[test]
fn pros_cons_with_a_selected_con() {
    let mut app = app("brewing");
    app.update(Action::GoToTab(Tab::ProsCons));
    app.update(Action::Move(2));
    insta::assert_snapshot!("pros-cons-selected-100x30", screen_text(&render(&app, 100, 30, Theme::COLOR)));
}

#[test]
fn decision_wizard_pages() {
    for (w, h) in [(100, 30), (60, 20)] {
        let mut app = app("brewing");
        app.update(Action::GoToTab(Tab::Decide));
        app.update(Action::Wizard(WizardAction::Cursor(1)));
        insta::assert_snapshot!(format!("wizard-question-{w}x{h}"), screen_text(&render(&app, w, h, Theme::COLOR)));
        let options = common::options_toward(&app, "teapot", "press");
        common::answer(&mut app, &options);
        insta::assert_snapshot!(format!("wizard-answers-{w}x{h}"), screen_text(&render(&app, w, h, Theme::COLOR)));
        app.update(Action::Wizard(WizardAction::Result));
        insta::assert_snapshot!(format!("wizard-result-{w}x{h}"), screen_text(&render(&app, w, h, Theme::COLOR)));
    }
}

/// Two people's answers to the brewing fixture, by option id in question order.
fn brewing_people(app: &App) -> Vec<versus::wizard::Member> {
    let person = |name: &str, ids: [&str; 3]| versus::wizard::Member {
        name: name.into(),
        answers: app
            .data
            .wizard
            .questions
            .iter()
            .zip(ids)
            .map(|(q, id)| q.options.iter().position(|o| o.id.as_str() == id))
            .collect(),
        importance: Vec::new(),
    };
    let mut ann = person("ann", ["none", "many", "tea"]);
    // Time matters most to ann: her answer shows its dots.
    ann.importance = vec![versus::wizard::Importance::High];
    vec![ann, person("bo", ["some", "one", "coffee"])]
}

#[test]
fn together_page_with_three_people() {
    for (w, h) in [(80, 24), (200, 60)] {
        let mut app = app("brewing");
        app.together = brewing_people(&app);
        app.update(Action::GoToTab(Tab::Decide));
        app.update(Action::Wizard(WizardAction::Together));
        // Before answering: the others only, and a word on how to join.
        insta::assert_snapshot!(format!("together-unanswered-{w}x{h}"), screen_text(&render(&app, w, h, Theme::COLOR)));
        let mut app = self::app("brewing");
        app.together = brewing_people(&app);
        app.update(Action::GoToTab(Tab::Decide));
        let options = common::options_toward(&app, "press", "kettle");
        common::answer(&mut app, &options);
        app.update(Action::Wizard(WizardAction::Together));
        insta::assert_snapshot!(format!("together-{w}x{h}"), screen_text(&render(&app, w, h, Theme::COLOR)));
    }
}

#[test]
fn the_overview_shows_the_comparisons_date_and_each_subjects_version() {
    let path = format!("{}/tests/fixtures/brewing.ron", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path)
        .expect("fixture")
        .replacen(
            "title: \"Kettle vs Teapot vs French press\",",
            "title: \"Kettle vs Teapot vs French press\",\n    as_of: \"2024-05\",",
            1,
        )
        .replacen("name: \"Kettle\",", "name: \"Kettle\", version: \"2nd edition\",", 1);
    let mut app = App::new(versus::data::load_str(&text, "dated.ron").expect("valid"));
    app.update(Action::GoToTab(Tab::Overview));
    let screen = screen_text(&render(&app, 100, 30, Theme::COLOR));
    assert!(screen.contains("As of 2024-05: when its claims were last checked."), "{screen}");
    assert!(screen.contains("Kettle 2nd edition: "), "{screen}");
}

#[test]
fn comparison_picker_and_reload_banner() {
    use versus::catalogue::{Kind, Listed, Named, Summary};
    let listed = |name: &str, title: &str, subjects: &[&str], kind, path: Option<&str>| Listed {
        named: Named { name: name.into(), kind, path: path.map(Into::into) },
        content: Ok(Summary { title: title.into(), subjects: subjects.iter().map(|s| s.to_string()).collect() }),
        shadowed: false,
    };
    let mut app = app("brewing");
    app.update(Action::Picker);
    app.update(Action::Listed(vec![
        listed("django-vs-flask", "Django vs Flask", &["Django", "Flask"], Kind::Shipped, None),
        listed(
            "django-vs-flask-vs-fastapi",
            "Django vs Flask vs FastAPI",
            &["Django", "Flask", "FastAPI"],
            Kind::Shipped,
            None,
        ),
        Listed {
            content: Err(
                "/home/you/.local/share/versus/comparisons/broken.ron:3:3: Unexpected field named `oops`".into()
            ),
            ..listed("broken", "", &[], Kind::User, Some("/home/you/.local/share/versus/comparisons/broken.ron"))
        },
        listed(
            "rust-vs-go",
            "Rust vs Go",
            &["Rust", "Go"],
            Kind::User,
            Some("/home/you/.local/share/versus/comparisons/rust-vs-go.ron"),
        ),
    ]));
    app.update(Action::Move(2));
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("picker-{w}x{h}"), screen_text(&render(&app, w, h, Theme::COLOR)));
    }
    app.update(Action::Line(LineAction::Cancel));
    app.banner = Some("/home/you/rust-vs-go.ron:41:34: Expected comma".into());
    insta::assert_snapshot!("reload-banner-80x24", screen_text(&render(&app, 80, 24, Theme::COLOR)));
}

/// The screen with its styles: each row as runs of text, a run that is not
/// plain prefixed with its colours and emphasis, e.g. `{blue bold}Django`.
fn styled_text(terminal: &ratatui::Terminal<ratatui::backend::TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut run_style = None;
        let mut line = String::new();
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            let style = (cell.fg, cell.bg, cell.modifier);
            if run_style != Some(style) {
                run_style = Some(style);
                let (fg, bg, m) = style;
                let mut parts: Vec<String> = Vec::new();
                if fg != ratatui::style::Color::Reset {
                    parts.push(fg.to_string().to_lowercase());
                }
                if bg != ratatui::style::Color::Reset {
                    parts.push(format!("on {}", bg.to_string().to_lowercase()));
                }
                if !m.is_empty() {
                    parts.push(format!("{m:?}").to_lowercase());
                }
                line.push_str(&format!("{{{}}}", parts.join(" ")));
            }
            line.push_str(cell.symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn light_theme_features_and_wizard_result() {
    let theme = Theme::LIGHT;
    let mut app = app("brewing");
    insta::assert_snapshot!("light-features-80x24", styled_text(&render(&app, 80, 24, theme)));
    app.update(Action::GoToTab(Tab::Decide));
    for _ in 0..3 {
        app.update(Action::Wizard(WizardAction::Pick));
    }
    app.update(Action::Wizard(WizardAction::Result));
    insta::assert_snapshot!("light-wizard-result-100x30", styled_text(&render(&app, 100, 30, theme)));
    app.update(Action::Palette);
    app.type_query("steep");
    insta::assert_snapshot!("light-palette-100x30", styled_text(&render(&app, 100, 30, theme)));
}
