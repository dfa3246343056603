//! Performance & security: the factor table, and the selected factor's
//! longer discussion for every subject beside or below it.

use ratatui::style::{Modifier, Style};

use super::notes::notes;
use super::table::{TableSpec, value_row};
use super::{Body, Doc, ListTab, TabView, Theme, first_source, subject_header};
use crate::app::App;
use crate::tab::Tab;

fn spec(app: &App, theme: &Theme, visible: usize) -> TableSpec {
    let header = subject_header(app, theme, "Factor");
    let factors = &app.data.factors;
    TableSpec::windowed(app, Tab::Performance, " Factors ".into(), header, (factors.len(), visible), |e, rows| {
        let f = &factors[e];
        rows.push(value_row(app, &f.name, |id| f.summary.get(id).map(|v| v.as_str())));
    })
}

fn detail(app: &App, theme: &Theme, entry: usize) -> Doc {
    let d = &app.data;
    let mut doc = Doc::new();
    let Some(f) = d.factors.get(entry) else { return doc };
    doc.styled(&[(&f.name, theme.heading())]);
    for (i, s) in d.subjects.iter().enumerate() {
        doc.blank();
        let summary = f.summary.get(&s.id).map_or("", |v| v);
        doc.styled(&[
            (&s.name, theme.subject(i)),
            (" — ", theme.dim()),
            (summary, Style::new().add_modifier(Modifier::ITALIC)),
        ]);
        doc.text(f.discussion.get(&s.id).map_or("", |v| v), Style::new());
        notes(&mut doc, theme, &f.notes, |about| about == Some(s.id.as_str()), |_| None);
    }
    notes(&mut doc, theme, &f.notes, |about| about.is_none(), |_| None);
    doc
}

fn link(app: &App, entry: usize) -> Option<&str> {
    first_source(&app.data.factors.get(entry)?.notes)
}

pub(super) const TAB: TabView = TabView {
    body: Body::List(ListTab {
        spec,
        detail,
        list_share: 50,
        detail_title: " Discussion ",
        empty: "This comparison has no performance or security factors.",
    }),
    link,
    copied: None,
};
