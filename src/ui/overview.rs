//! Overview: what is compared and for whom, each subject with its
//! description and homepage, the source's verdict, the decision snapshot as
//! a table, every correction and doubt the data records about its source,
//! and the sources.

use ratatui::style::{Modifier, Style};

use super::decide::{self, subject_name};
use super::notes::note;
use super::table::{TableRow, TableSpec};
use super::{Body, Doc, ListTab, Rich, TabView, Theme, first_source};
use crate::app::App;
use crate::data::{NoteKind, count};
use crate::entries::{OverviewItem, all_notes};
use crate::tab::Tab;

fn spec(app: &App, theme: &Theme, visible: usize) -> TableSpec {
    let d = &app.data;
    let header = vec![("Section".into(), theme.heading())];
    let items = &app.entries.overview;
    TableSpec::windowed(app, Tab::Overview, " Overview ".into(), header, (items.len(), visible), |e, rows| {
        let cell = match items[e] {
            OverviewItem::About => Rich::new(&d.title, Style::new()),
            OverviewItem::Subject(si) => Rich::new(&d.subjects[si].name, theme.subject(si)),
            OverviewItem::Verdict => {
                Rich::new(&d.verdict.as_ref().map_or_else(String::new, |v| v.heading()), Style::new())
            }
            OverviewItem::Decision => Rich::new("Decision snapshot", Style::new()),
            OverviewItem::Notes => Rich::new("Corrections and notes", Style::new()),
            OverviewItem::Source(i) => Rich::new(&d.sources[i].title, theme.dim()).with_marker("Source: ", theme.dim()),
        };
        rows.push(TableRow::Entry(vec![cell]));
    })
}

fn detail(app: &App, theme: &Theme, entry: usize) -> Doc {
    let d = &app.data;
    let mut doc = Doc::new();
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let Some(&item) = app.entries.overview.get(entry) else { return doc };
    match item {
        OverviewItem::About => {
            doc.styled(&[(&d.title, theme.heading())]);
            if let Some(date) = &d.as_of {
                doc.text(&format!("As of {date}: when its claims were last checked."), theme.dim());
            }
            doc.blank();
            doc.text(&d.summary, Style::new()).blank();
            for (i, s) in d.subjects.iter().enumerate() {
                let name = match &s.version {
                    Some(v) => format!("{} {v}: ", s.name),
                    None => format!("{}: ", s.name),
                };
                doc.bullet(&name, theme.subject(i), &s.description, Style::new());
                if let Some(url) = &s.homepage {
                    doc.bullet("  ", Style::new(), url, theme.dim());
                }
            }
            let notes = all_notes(&app.data);
            let corrections = notes.iter().filter(|n| n.note.kind == NoteKind::Correction).count();
            let doubts = notes.iter().filter(|n| n.note.kind == NoteKind::Unconfirmed).count();
            if corrections + doubts > 0 {
                let line = format!(
                    "The data corrects its source in {} and marks {} as unconfirmed; see \"Corrections and notes\".",
                    count(corrections, "place", "places"),
                    count(doubts, "claim", "claims"),
                );
                doc.blank().text(&line, theme.dim());
            }
        }
        OverviewItem::Subject(si) => {
            let s = &d.subjects[si];
            doc.styled(&[(&s.name, theme.subject(si))]);
            if let Some(v) = &s.version {
                doc.bullet("Version: ", theme.dim(), v, Style::new());
            }
            match &s.homepage {
                Some(url) => doc.bullet("Homepage: ", theme.dim(), url, Style::new()),
                None => doc.text("The data gives no homepage.", theme.dim()),
            };
            doc.blank().text(&s.description, Style::new());
        }
        OverviewItem::Verdict => decide::source_verdict(app, theme, &mut doc, true),
        OverviewItem::Decision => {
            doc.styled(&[("Decision snapshot", theme.heading())]).blank();
            let mut rows = vec![
                std::iter::once(Rich::new("Criterion", theme.heading()))
                    .chain(d.subjects.iter().enumerate().map(|(i, s)| Rich::new(&s.name, theme.subject(i))))
                    .collect::<Vec<_>>(),
            ];
            for row in &d.decision {
                let cells = d.subjects.iter().map(|s| Rich::new(row.values.get(&s.id).map_or("", |v| v), Style::new()));
                rows.push(std::iter::once(Rich::new(&row.name, bold)).chain(cells).collect());
            }
            doc.grid(rows);
            for row in &d.decision {
                for n in &row.notes {
                    doc.blank();
                    let about = n.about.as_deref().and_then(|id| subject_name(app, id));
                    let place = match about {
                        Some(name) => format!("{}, {name}", row.name),
                        None => row.name.to_string(),
                    };
                    note(&mut doc, theme, n, Some(&place));
                }
            }
        }
        OverviewItem::Notes => {
            doc.styled(&[("Corrections and notes on the source", theme.heading())]).blank();
            doc.text(
                "Where this comparison departs from or doubts its source, and why. Each note also shows \
                 beside its entry.",
                theme.dim(),
            );
            for n in all_notes(&app.data) {
                doc.blank().styled(&[(&n.place, bold)]);
                // A subject id reads as the subject's name.
                let about = n.note.about.as_deref().map(|a| subject_name(app, a).unwrap_or_else(|| a.to_string()));
                note(&mut doc, theme, n.note, about.as_deref());
            }
        }
        OverviewItem::Source(i) => {
            let s = &d.sources[i];
            doc.styled(&[("Source", theme.heading())]).blank();
            doc.text(&s.title, Style::new());
            doc.bullet("  ", Style::new(), &s.url, theme.dim());
            let read = match (&s.as_of, &d.as_of) {
                (Some(date), _) => Some(date.to_string()),
                (None, Some(date)) => Some(format!("{date} (the comparison's date)")),
                (None, None) => None,
            };
            if let Some(read) = read {
                doc.bullet("  Read as of ", theme.dim(), &read, theme.dim());
            }
        }
    }
    doc
}

/// A subject's homepage, a source's address, the verdict's first note source.
fn link(app: &App, entry: usize) -> Option<&str> {
    let d = &app.data;
    match *app.entries.overview.get(entry)? {
        OverviewItem::Subject(si) => d.subjects[si].homepage.as_deref(),
        OverviewItem::Source(i) => Some(d.sources[i].url.as_str()),
        OverviewItem::Verdict => first_source(&d.verdict.as_ref()?.notes),
        _ => None,
    }
}

pub(super) const TAB: TabView = TabView {
    body: Body::List(ListTab { spec, detail, list_share: 35, detail_title: " Detail ", empty: "" }),
    link,
    copied: None,
};
