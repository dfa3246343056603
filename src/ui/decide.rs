//! Decide: the decision snapshot (criteria × subjects) and the verdict.

use ratatui::style::Style;

use super::table::{TableSpec, value_row};
use super::{Doc, ListTab, Theme, panes, subject_header};
use crate::app::{App, Tab};

fn spec(app: &App, theme: &Theme, visible: usize) -> TableSpec {
    let header = subject_header(app, theme, "Criterion");
    let decision = &app.data.decision;
    TableSpec::windowed(app, Tab::Decide, " Decision snapshot ".into(), header, (decision.len(), visible), |e, rows| {
        let r = &decision[e];
        rows.push(value_row(app, &r.name, |id| r.values.get(id).map(|v| v.as_str())));
    })
}

fn detail(app: &App, theme: &Theme) -> Doc {
    let d = &app.data;
    let mut doc = Doc::new();
    if let Some(r) = d.decision.get(app.states[Tab::Decide.index()].selected) {
        doc.styled(&[(&r.name, theme.heading())]).blank();
        for (i, s) in d.subjects.iter().enumerate() {
            doc.bullet(&format!("{}: ", s.name), theme.subject(i), r.values.get(&s.id).map_or("", |v| v), Style::new());
        }
        if let Some(detail) = &r.detail {
            doc.blank().text(detail, Style::new());
        }
    }
    if let Some(v) = &d.verdict {
        if !doc.is_empty() {
            doc.blank();
        }
        doc.styled(&[("Verdict", theme.heading())]).blank();
        doc.text(&v.summary, Style::new());
        for (i, s) in d.subjects.iter().enumerate() {
            if let Some(text) = v.choose_if.get(&s.id) {
                doc.blank().bullet(&format!("{}: ", s.name), theme.subject(i), text, Style::new());
            }
        }
    }
    doc
}

pub const VIEW: ListTab =
    ListTab { spec, detail, areas: |_, body| panes(body, 55), detail_title: " Detail and verdict " };
