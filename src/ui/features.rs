//! Features: the comparison table, then each subject's key features, each
//! described in its subject's column; the selected row's full text beside it.

use ratatui::style::Style;

use super::decide::subject_name;
use super::notes::notes;
use super::table::{TableRow, TableSpec, value_row};
use super::{Body, Doc, ListTab, Rich, TabView, Theme, first_source, subject_header};
use crate::app::App;
use crate::data::KeyFeature;
use crate::tab::Tab;

/// Key feature `k` of the display order, with its subject's index.
fn key_feature(app: &App, k: usize) -> Option<(usize, &KeyFeature)> {
    let &(si, i) = app.entries.key_features.get(k)?;
    app.data.key_features.get(&app.data.subjects[si].id)?.get(i).map(|f| (si, f))
}

/// A key feature's description in the table is its gist: at most this many
/// lines, "…" marking the rest, which the detail pane (and Enter) shows whole.
const KEY_FEATURE_LINES: usize = 3;

fn spec(app: &App, theme: &Theme, visible: usize) -> TableSpec {
    let d = &app.data;
    let header = subject_header(app, theme, "Feature");
    let total = app.entry_count(Tab::Features);
    let mut spec = TableSpec::windowed(app, Tab::Features, " Features ".into(), header, (total, visible), |e, rows| {
        if let Some(f) = d.features.get(e) {
            rows.push(value_row(app, &f.name, |id| f.values.get(id).map(|v| v.as_str())));
        } else if let Some((si, f)) = key_feature(app, e - d.features.len()) {
            if e == d.features.len() {
                rows.push(TableRow::Section("Key features".into()));
            }
            let mut cells = vec![Rich::new(&f.name, theme.subject(si))];
            cells.extend((0..d.subjects.len()).map(|i| {
                if i == si { Rich::new(&f.detail.replace("\n\n", " "), Style::new()) } else { Rich::default() }
            }));
            rows.push(TableRow::Entry(cells));
        }
    });
    spec.row_lines = KEY_FEATURE_LINES;
    spec
}

/// The full text of a row or key feature.
fn detail(app: &App, theme: &Theme, entry: usize) -> Doc {
    let d = &app.data;
    let mut doc = Doc::new();
    if let Some(f) = d.features.get(entry) {
        doc.styled(&[(&f.name, theme.heading())]).blank();
        for (i, s) in d.subjects.iter().enumerate() {
            let value = f.values.get(&s.id).map_or("", |v| v);
            doc.bullet(&format!("{}: ", s.name), theme.subject(i), value, Style::new());
        }
        if let Some(detail) = &f.detail {
            doc.blank().text(detail, Style::new());
        }
        notes(&mut doc, theme, &f.notes, |_| true, |id| subject_name(app, id));
    } else if let Some((si, f)) = key_feature(app, entry.saturating_sub(d.features.len())) {
        let subject = &d.subjects[si];
        doc.styled(&[
            (&f.name, theme.heading()),
            (" — a key feature of ", theme.dim()),
            (&subject.name, theme.subject(si)),
        ]);
        doc.blank().text(&f.detail, Style::new());
        notes(&mut doc, theme, &f.notes, |_| true, |_| None);
    }
    doc
}

/// A row's or key feature's first note source.
fn link(app: &App, entry: usize) -> Option<&str> {
    match app.data.features.get(entry) {
        Some(row) => first_source(&row.notes),
        None => first_source(&key_feature(app, entry - app.data.features.len())?.1.notes),
    }
}

pub(super) const TAB: TabView = TabView {
    body: Body::List(ListTab {
        spec,
        detail,
        list_share: 60,
        detail_title: " Detail ",
        empty: "This comparison has no feature rows or key features.",
    }),
    link,
    copied: None,
};
