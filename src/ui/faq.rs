//! FAQ: the questions, and the selected answer wrapped beside them.

use ratatui::style::Style;

use super::table::{TableRow, TableSpec};
use super::{Doc, ListTab, Theme, panes};
use crate::app::{App, Tab};

fn spec(app: &App, theme: &Theme) -> TableSpec {
    let rows = app
        .data
        .faq
        .iter()
        .enumerate()
        .map(|(i, f)| TableRow::Entry(vec![(format!("{}. {}", i + 1, f.question), Style::new())]))
        .collect();
    TableSpec {
        title: " Questions ".into(),
        header: vec![("Question".into(), theme.heading())],
        rows,
        selected: app.states[Tab::Faq.index()].selected,
    }
}

fn detail(app: &App, theme: &Theme) -> Doc {
    let mut doc = Doc::new();
    let Some(f) = app.data.faq.get(app.states[Tab::Faq.index()].selected) else { return doc };
    doc.styled(&[(&f.question, theme.heading())]).blank();
    doc.text(&f.answer, Style::new());
    if !f.tags.is_empty() {
        let tags: Vec<&str> = f.tags.iter().map(|t| t.as_str()).collect();
        doc.blank().bullet("Tags: ", theme.dim(), &tags.join(", "), theme.dim());
    }
    doc
}

pub const VIEW: ListTab = ListTab { spec, detail, areas: |_, body| panes(body, 50), detail_title: " Answer " };
