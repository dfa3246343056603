//! The status line: where you are, and the keys that matter here, as many
//! as fit, most important first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::app::{App, Mode};
use crate::keys::{KeyCommand, LineCommand};
use crate::wizard::WizardAction;
use crate::wizard::WizardPage;

/// (keys, hint) pairs for the current mode, most important first, each
/// written with the first key the keymap in effect gives the command; a
/// command with no key is left out.
pub(super) fn hints(app: &App) -> Vec<(String, &'static str)> {
    let k = &app.keys;
    let key = |c: KeyCommand| k.key(c);
    let line = |c: LineCommand| k.line_key(c);
    let wiz = |a: WizardAction| k.wizard_key(a);
    let both = |a: String, b: String| if a.is_empty() || b.is_empty() { a + &b } else { format!("{a} {b}") };
    let mut out = vec![(key(KeyCommand::Help), "help"), (key(KeyCommand::Quit), "quit")];
    match app.mode() {
        Mode::Help => {
            out = vec![
                (both(key(KeyCommand::Help), key(KeyCommand::Back)), "close help"),
                (key(KeyCommand::Quit), "quit"),
            ]
        }
        Mode::Palette => {
            out = vec![
                (line(LineCommand::Accept), "jump"),
                (k.pair_line(LineCommand::Up, LineCommand::Down), "choose"),
                (line(LineCommand::Cancel), "close"),
            ]
        }
        Mode::Choose => {
            out = vec![
                (key(KeyCommand::Expand), "choose"),
                (k.pair(KeyCommand::Up, KeyCommand::Down), "move"),
                (key(KeyCommand::Back), "cancel"),
                (key(KeyCommand::Quit), "quit"),
            ]
        }
        Mode::Picker => {
            out = vec![
                (line(LineCommand::Accept), "open"),
                (k.pair_line(LineCommand::Up, LineCommand::Down), "choose"),
                ("type".to_string(), "filter"),
                (line(LineCommand::Cancel), "close"),
            ]
        }
        Mode::FaqFilter => {
            out = vec![
                (line(LineCommand::Accept), "keep filter"),
                (k.pair_line(LineCommand::Up, LineCommand::Down), "choose"),
                (line(LineCommand::Cancel), "clear"),
            ]
        }
        Mode::Wizard => {
            if app.wizard.confirming {
                return vec![
                    (wiz(WizardAction::Confirm(true)), "clear the answers"),
                    (key(KeyCommand::Back), "keep them"),
                ];
            }
            let updown = k.wizard_pair(WizardAction::Cursor(-1), WizardAction::Cursor(1));
            let importance = both(wiz(WizardAction::Importance(true)), wiz(WizardAction::Importance(false)));
            out.extend(match app.wizard.page {
                WizardPage::Question(_) => vec![
                    (both(updown, wiz(WizardAction::Pick)), "choose"),
                    (importance, "importance"),
                    (wiz(WizardAction::Skip), "skip"),
                    (wiz(WizardAction::Back), "back"),
                    (wiz(WizardAction::Answers), "answers"),
                ],
                WizardPage::Answers => vec![
                    (wiz(WizardAction::Pick), "change"),
                    (importance, "importance"),
                    (wiz(WizardAction::Result), "result"),
                ],
                WizardPage::Result => {
                    let mut hints = vec![
                        (both(updown, importance), "change"),
                        (wiz(WizardAction::Record), "record"),
                        (wiz(WizardAction::Copy), "copy"),
                    ];
                    if !app.together.is_empty() {
                        hints.push((wiz(WizardAction::Together), "together"));
                    }
                    hints.push((key(KeyCommand::PageDown), "scroll"));
                    hints
                }
                WizardPage::Together => vec![
                    (both(updown, importance), "change yours"),
                    (wiz(WizardAction::Record), "record"),
                    (wiz(WizardAction::Back), "your result"),
                    (key(KeyCommand::PageDown), "scroll"),
                ],
            });
            if app.wizard.undo.is_some() {
                out.insert(2, (wiz(WizardAction::Undo), "undo start over"));
            }
            out.push((key(KeyCommand::NextTab), "tabs"));
        }
        Mode::Expanded => out.extend([
            (k.pair(KeyCommand::Up, KeyCommand::Down), "scroll"),
            (key(KeyCommand::NextTab), "tabs"),
            (key(KeyCommand::Search), "search"),
            (both(key(KeyCommand::Expand), key(KeyCommand::Back)), "close"),
        ]),
        Mode::Browse => {
            let has_list = app.entry_count(app.tab) > 0;
            let in_text = app.state().detail_focused;
            let updown = k.pair(KeyCommand::Up, KeyCommand::Down);
            out.push(if has_list && !in_text { (updown, "move") } else { (updown, "scroll") });
            let columns = super::in_columns(app, app.tab);
            if columns {
                out.push((k.pair(KeyCommand::PaneLeft, KeyCommand::PaneRight), "subjects"));
            } else if in_text {
                out.push((key(KeyCommand::PaneLeft), "list"));
            } else if has_list {
                out.push((key(KeyCommand::PaneRight), "text"));
            }
            if super::selected_link(app).is_some() {
                out.push((key(KeyCommand::OpenLink), "open link"));
            }
            out.extend([(key(KeyCommand::NextTab), "tabs"), (key(KeyCommand::Search), "search")]);
            if has_list && !columns {
                out.push((key(KeyCommand::Expand), "open"));
            }
            out.push((key(KeyCommand::Copy), "copy"));
            out.push((key(KeyCommand::Picker), "comparisons"));
        }
    }
    out.retain(|(keys, _)| !keys.trim().is_empty());
    out
}

/// Where the list stands ("3/34", "Flask 4/18"), shown at the start of the line.
fn position(app: &App) -> String {
    match (app.on_wizard(), app.wizard.page) {
        (true, WizardPage::Question(i)) => format!(" {}/{} ", i + 1, app.data.wizard.questions.len()),
        (true, _) => " ".into(),
        // Pros/Cons counts within the selected item's subject: "Flask 4/18".
        _ if super::in_columns(app, app.tab) => match app.entries.pros_cons_place(app.state().selected) {
            Some((s, ordinal, count)) => format!(" {} {}/{} ", app.data.subjects[s].name, ordinal + 1, count),
            None => " ".into(),
        },
        _ => match app.entry_count(app.tab) {
            0 => " ".into(),
            count => format!(" {}/{} ", app.state().selected + 1, count),
        },
    }
}

/// The most rows a message takes: a longer one is cut, with a mark.
pub(super) const MAX_ROWS: u16 = 2;

/// The rows the status line needs at `width`: one, or two for a message
/// longer than the line (a path, a command to run), so it is read whole.
pub(super) fn rows(app: &App, width: u16) -> u16 {
    match &app.status {
        Some(status) if position(app).width() + 2 + status.width() > width as usize => MAX_ROWS,
        _ => 1,
    }
}

pub(super) fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let position = position(app);
    let mut used = position.width();
    if let Some(status) = &app.status {
        // Wrapped at spaces onto the rows there are, beside the position; "…" where it is still cut.
        let indent = used + 2;
        let room = (area.width as usize).saturating_sub(indent).max(1);
        let ranges = super::wrap::wrap(status, room);
        let rows = area.height.max(1) as usize;
        let mut lines = Vec::new();
        for (i, range) in ranges.iter().take(rows).enumerate() {
            let text = status[range.clone()].trim_end();
            let cut = i + 1 == rows && ranges.len() > rows;
            let text = match cut {
                true if text.width() < room => format!("{text}…"),
                true => super::wrap::clip_width(&format!("{text}…"), room),
                false => text.to_string(),
            };
            let lead =
                if i == 0 { Span::styled(position.clone(), theme.selected()) } else { Span::raw(" ".repeat(used)) };
            lines.push(Line::from(vec![lead, Span::raw("  "), Span::styled(text, theme.key())]));
        }
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let mut spans = vec![Span::styled(position, theme.selected())];
    for (keys, hint) in hints(app) {
        let width = 2 + keys.width() + 1 + hint.width();
        if used + width > area.width as usize {
            break;
        }
        used += width;
        spans.push(Span::raw("  "));
        spans.push(Span::styled(keys, theme.key()));
        spans.push(Span::raw(format!(" {hint}")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
