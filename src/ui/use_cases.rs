//! Use cases: domains down the side, marked where they are a subject's
//! signature use; for the selected domain, each subject's case and examples.

use ratatui::style::Style;

use super::table::{TableRow, TableSpec};
use super::{Doc, ListTab, Rich, Theme, panes, subject_header};
use crate::app::App;
use crate::tab::Tab;

fn spec(app: &App, theme: &Theme, visible: usize) -> TableSpec {
    let d = &app.data;
    let header = subject_header(app, theme, "Domain");
    TableSpec::windowed(app, Tab::UseCases, " Use cases ".into(), header, (d.use_cases.len(), visible), |e, rows| {
        let u = &d.use_cases[e];
        let mut cells = vec![Rich::new(&u.domain, Style::new())];
        cells.extend(d.subjects.iter().enumerate().map(|(i, s)| match u.fits.get(&s.id) {
            Some(fit) if fit.featured => Rich::new("★ signature", theme.subject(i)),
            _ => Rich::new("·", theme.dim()),
        }));
        rows.push(TableRow::Entry(cells));
    })
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
