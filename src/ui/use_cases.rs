//! Use cases: domains down the side, marked where they are a subject's
//! signature use; for the selected domain, each subject's case and examples.

use ratatui::style::Style;

use super::table::{TableRow, TableSpec, window};
use super::{Doc, ListTab, Rich, Theme, panes, subject_header};
use crate::app::{App, Tab};

fn spec(app: &App, theme: &Theme, visible: usize) -> TableSpec {
    let d = &app.data;
    let selected = app.states[Tab::UseCases.index()].selected;
    let entries = window(selected, d.use_cases.len(), visible);
    let rows = d.use_cases[entries.clone()]
        .iter()
        .map(|u| {
            let mut cells = vec![Rich::new(&u.domain, Style::new())];
            cells.extend(d.subjects.iter().enumerate().map(|(i, s)| match u.fits.get(&s.id) {
                Some(fit) if fit.featured => Rich::new("★ signature", theme.subject(i)),
                _ => Rich::new("·", theme.dim()),
            }));
            TableRow::Entry(cells)
        })
        .collect();
    TableSpec {
        title: " Use cases ".into(),
        header: subject_header(app, theme, "Domain"),
        rows,
        first_entry: entries.start,
        total: d.use_cases.len(),
        selected,
    }
}

fn detail(app: &App, theme: &Theme) -> Doc {
    let d = &app.data;
    let mut doc = Doc::new();
    let Some(u) = d.use_cases.get(app.states[Tab::UseCases.index()].selected) else { return doc };
    doc.styled(&[(&u.domain, theme.heading())]);
    for (i, s) in d.subjects.iter().enumerate() {
        let Some(fit) = u.fits.get(&s.id) else { continue };
        doc.blank();
        let mark = if fit.featured { "  ★ a signature use case" } else { "" };
        doc.styled(&[(&s.name, theme.subject(i)), (mark, theme.subject(i))]);
        doc.text(&fit.why, Style::new());
        if !fit.examples.is_empty() {
            let names: Vec<&str> = fit.examples.iter().map(|e| e.as_str()).collect();
            doc.bullet("Examples: ", theme.dim(), &names.join(", "), Style::new());
        }
    }
    doc
}

pub const VIEW: ListTab =
    ListTab { spec, detail, areas: |_, body| panes(body, 45), detail_title: " Who fits, and why " };
