//! Use cases: domains down the side, each subject's fit level (★ signature,
//! ✓ good, ~ possible, ✗ poor) across; for the selected domain, why each
//! subject fits, its examples and the data's notes on them.

use ratatui::style::Style;

use super::notes::notes;
use super::table::{TableRow, TableSpec};
use super::{Body, Doc, ListTab, Rich, TabView, Theme, first_source, subject_header};
use crate::app::App;
use crate::data::{Fit, FitLevel, NoteKind};
use crate::tab::Tab;

/// "★ signature", or "· not rated" where the data gives no level.
fn level_text(fit: Option<&Fit>) -> String {
    match fit.and_then(Fit::level) {
        Some(level) => format!("{} {}", level.mark(), level.label()),
        None => "· not rated".into(),
    }
}

fn level_style(theme: &Theme, si: usize, level: Option<FitLevel>) -> Style {
    match level {
        Some(FitLevel::Signature | FitLevel::Good) => theme.subject(si),
        Some(FitLevel::Possible) => Style::new(),
        Some(FitLevel::Poor) | None => theme.dim(),
    }
}

fn spec(app: &App, theme: &Theme, visible: usize) -> TableSpec {
    let d = &app.data;
    let header = subject_header(app, theme, "Domain");
    TableSpec::windowed(app, Tab::UseCases, " Use cases ".into(), header, (d.use_cases.len(), visible), |e, rows| {
        let u = &d.use_cases[e];
        let mut cells = vec![Rich::new(&u.domain, Style::new())];
        cells.extend(d.subjects.iter().enumerate().map(|(i, s)| {
            let fit = u.fits.get(&s.id);
            Rich::new(&level_text(fit), level_style(theme, i, fit.and_then(Fit::level)))
        }));
        rows.push(TableRow::Entry(cells));
    })
}

fn detail(app: &App, theme: &Theme, entry: usize) -> Doc {
    let d = &app.data;
    let mut doc = Doc::new();
    let Some(u) = d.use_cases.get(entry) else { return doc };
    doc.styled(&[(&u.domain, theme.heading())]);
    for (i, s) in d.subjects.iter().enumerate() {
        let Some(fit) = u.fits.get(&s.id) else { continue };
        doc.blank();
        let level = format!("  {}", level_text(Some(fit)));
        doc.styled(&[(&s.name, theme.subject(i)), (&level, level_style(theme, i, fit.level()))]);
        doc.text(&fit.why, Style::new());
        if !fit.examples.is_empty() {
            // An example the data has a doubt about carries the note's mark.
            let names: Vec<String> = fit
                .examples
                .iter()
                .map(|e| match fit.notes.iter().find(|n| n.about.as_deref() == Some(e.as_str())) {
                    Some(n) if n.kind == NoteKind::Unconfirmed => format!("{e} ({} unconfirmed)", n.kind.mark()),
                    Some(n) => format!("{e} ({})", n.kind.mark()),
                    None => e.to_string(),
                })
                .collect();
            doc.bullet("Examples: ", theme.dim(), &names.join(", "), Style::new());
        }
        notes(&mut doc, theme, &fit.notes, |_| true, |a| Some(a.to_string()));
    }
    doc
}

/// The first note source among the use case's fits.
fn link(app: &App, entry: usize) -> Option<&str> {
    app.data.use_cases.get(entry)?.fits.iter().find_map(|(_, fit)| first_source(&fit.notes))
}

pub(super) const TAB: TabView = TabView {
    body: Body::List(ListTab {
        spec,
        detail,
        list_share: 45,
        detail_title: " Who fits, and why ",
        empty: "This comparison has no use cases.",
    }),
    link,
    copied: None,
};
