//! Features: the comparison table, then each subject's key features as rows
//! ticked in that subject's column; the selected row's full text beside it.

use ratatui::style::Style;

use super::table::{TableRow, TableSpec};
use super::{Doc, ListTab, Theme, panes};
use crate::app::{App, Tab};
use crate::data::KeyFeature;

/// The key features in display order: subject by subject, as declared.
fn key_features(app: &App) -> Vec<(usize, &KeyFeature)> {
    let d = &app.data;
    d.subjects
        .iter()
        .enumerate()
        .flat_map(|(si, s)| d.key_features.get(&s.id).into_iter().flatten().map(move |f| (si, f)))
        .collect()
}

fn spec(app: &App, theme: &Theme) -> TableSpec {
    let d = &app.data;
    let mut header = vec![("Feature".to_string(), theme.heading())];
    header.extend(d.subjects.iter().enumerate().map(|(i, s)| (s.name.to_string(), theme.subject(i))));
    let mut rows: Vec<TableRow> = d
        .features
        .iter()
        .map(|f| {
            let mut cells = vec![(f.name.to_string(), Style::new().add_modifier(ratatui::style::Modifier::BOLD))];
            cells.extend(d.subjects.iter().map(|s| (f.values.get(&s.id).map_or("", |v| v).to_string(), Style::new())));
            TableRow::Entry(cells)
        })
        .collect();
    let keys = key_features(app);
    if !keys.is_empty() {
        rows.push(TableRow::Section("Key features".into()));
    }
    for (si, f) in keys {
        let mut cells = vec![(f.name.to_string(), Style::new())];
        cells.extend((0..d.subjects.len()).map(|i| {
            if i == si { ("✔ key feature".to_string(), theme.subject(i)) } else { (String::new(), Style::new()) }
        }));
        rows.push(TableRow::Entry(cells));
    }
    TableSpec { title: " Features ".into(), header, rows, selected: app.states[Tab::Features.index()].selected }
}

/// The full text of the selected row or key feature.
fn detail(app: &App, theme: &Theme) -> Doc {
    let d = &app.data;
    let selected = app.states[Tab::Features.index()].selected;
    let mut doc = Doc::new();
    if let Some(f) = d.features.get(selected) {
        doc.styled(&[(&f.name, theme.heading())]).blank();
        for (i, s) in d.subjects.iter().enumerate() {
            let value = f.values.get(&s.id).map_or("", |v| v);
            doc.bullet(&format!("{}: ", s.name), theme.subject(i), value, Style::new());
        }
        if let Some(detail) = &f.detail {
            doc.blank().text(detail, Style::new());
        }
    } else if let Some((si, f)) = key_features(app).get(selected - d.features.len().min(selected)) {
        let subject = &d.subjects[*si];
        doc.styled(&[(&subject.name, theme.subject(*si)), (" key feature: ", theme.dim()), (&f.name, theme.heading())]);
        doc.blank().text(&f.detail, Style::new());
    }
    doc
}

pub const VIEW: ListTab = ListTab { spec, detail, areas: |_, body| panes(body, 60), detail_title: " Detail " };
