//! The screens `versus screenshot` renders, through the app's own draw code:
//! every tab, the help overlay, an FAQ search in progress, the search palette
//! and a wizard result. Pure: the command writes them out.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use crate::app::{Action, App};
use crate::data::Comparison;
use crate::tab::Tab;
use crate::ui::{self, Theme};
use crate::wizard::WizardAction;

/// (file name without extension, screen) for each scene, at `width`×`height`,
/// and two at fixed sizes (80×24 and 200×60, named after their size).
pub fn scenes(c: &Comparison, width: u16, height: u16) -> Vec<(String, Buffer)> {
    let base = App::new(c.clone());
    let mut scenes: Vec<(String, App)> = Vec::new();
    for tab in Tab::ALL {
        let mut app = base.clone();
        app.update(Action::GoToTab(tab));
        let slug = tab.title().to_lowercase().replace(" & ", "-").replace(['/', ' '], "-");
        scenes.push((format!("tab-{}-{slug}", tab.index() + 1), app));
    }
    let mut help = base.clone();
    help.update(Action::ToggleHelp);
    scenes.push(("help".into(), help));

    let mut faq = base.clone();
    faq.update(Action::GoToTab(Tab::Faq));
    faq.update(Action::Search);
    faq.type_query("faster");
    scenes.push(("faq-search".into(), faq));

    let mut palette = base.clone();
    palette.update(Action::Palette);
    palette.type_query("admin");
    scenes.push(("search-everything".into(), palette));

    if c.subjects.len() >= 2 {
        let mut wizard = base.clone();
        wizard.update(Action::GoToTab(Tab::Decide));
        // Every answer leaning toward the first subject, as someone who prefers it would.
        for best in crate::wizard::leaning(c, 0, 1) {
            wizard.update(Action::Wizard(WizardAction::Cursor(best.unwrap_or(0) as isize)));
            wizard.update(Action::Wizard(WizardAction::Pick));
        }
        wizard.update(Action::Wizard(WizardAction::Result));
        scenes.push(("wizard-result".into(), wizard.clone()));

        // Deciding together: the same user with two colleagues, one leaning the other way, one in between.
        let toward_first = crate::wizard::leaning(c, 0, 1);
        let toward_second = crate::wizard::leaning(c, 1, 0);
        let between: Vec<Option<usize>> = toward_first
            .iter()
            .zip(&toward_second)
            .enumerate()
            .map(|(i, (a, b))| if i % 2 == 0 { *a } else { *b })
            .collect();
        let person = |name: &str, answers: Vec<Option<usize>>| crate::wizard::Member {
            name: name.into(),
            importance: vec![crate::wizard::Importance::Normal; answers.len()],
            answers,
        };
        let mut together = wizard;
        together.together = vec![person("alice", toward_second), person("bob", between)];
        together.update(Action::Wizard(WizardAction::Together));
        scenes.push(("together".into(), together));
    }

    let mut sized: Vec<(String, App, (u16, u16))> =
        scenes.into_iter().map(|(name, app)| (name, app, (width, height))).collect();
    // The smallest common terminal and a big one, whatever size the rest use.
    let mut small = base.clone();
    small.update(Action::GoToTab(Tab::UseCases));
    sized.push(("size-80x24-use-cases".into(), small, (80, 24)));
    let mut big = base.clone();
    big.update(Action::GoToTab(Tab::Features));
    sized.push(("size-200x60-features".into(), big, (200, 60)));

    sized
        .into_iter()
        .filter_map(|(name, app, (width, height))| {
            let mut terminal = Terminal::new(TestBackend::new(width, height)).ok()?;
            terminal.draw(|frame| _ = ui::draw(frame, &app, &Theme::COLOR)).ok()?;
            Some((name, terminal.backend().buffer().clone()))
        })
        .collect()
}

/// The screen as plain text, one line per row, trailing spaces trimmed.
pub fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let line: String = (area.left()..area.right()).map(|x| buffer[(x, y)].symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
