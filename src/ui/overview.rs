//! Overview: what is compared and for whom, each subject with its
//! description and homepage, the source's verdict, and the sources.

use ratatui::style::Style;

use super::table::{TableRow, TableSpec};
use super::{Doc, ListTab, Rich, Theme, decide, panes};
use crate::app::App;
use crate::entries::OverviewItem;
use crate::tab::Tab;

fn spec(app: &App, theme: &Theme, visible: usize) -> TableSpec {
    let d = &app.data;
    let header = vec![("Section".into(), theme.heading())];
    let items = &app.entries.overview;
    TableSpec::windowed(app, Tab::Overview, " Overview ".into(), header, (items.len(), visible), |e, rows| {
        let cell = match items[e] {
            OverviewItem::About => Rich::new(&d.title, Style::new()),
            OverviewItem::Subject(si) => Rich::new(&d.subjects[si].name, theme.subject(si)),
            OverviewItem::Verdict => Rich::new("The source's verdict", Style::new()),
            OverviewItem::Decision => Rich::new("Decision snapshot", Style::new()),
            OverviewItem::Sources => Rich::new("Sources", Style::new()),
        };
        rows.push(TableRow::Entry(vec![cell]));
    })
}

fn detail(app: &App, theme: &Theme) -> Doc {
    let d = &app.data;
    let mut doc = Doc::new();
    let Some(&item) = app.entries.overview.get(app.states[Tab::Overview.index()].selected) else { return doc };
    match item {
        OverviewItem::About => {
            doc.styled(&[(&d.title, theme.heading())]).blank();
            doc.text(&d.summary, Style::new()).blank();
            for (i, s) in d.subjects.iter().enumerate() {
                doc.bullet(&format!("{}: ", s.name), theme.subject(i), &s.description, Style::new());
            }
        }
        OverviewItem::Subject(si) => {
            let s = &d.subjects[si];
            doc.styled(&[(&s.name, theme.subject(si))]).blank();
            doc.text(&s.description, Style::new());
            if let Some(url) = &s.homepage {
                doc.blank().bullet("Homepage: ", theme.dim(), url, Style::new());
            }
        }
        OverviewItem::Verdict => decide::source_verdict(app, theme, &mut doc, "The source's verdict", true),
        OverviewItem::Decision => {
            doc.styled(&[("Decision snapshot", theme.heading())]);
            for row in &d.decision {
                doc.blank().styled(&[(&row.name, Style::new().add_modifier(ratatui::style::Modifier::BOLD))]);
                for (i, s) in d.subjects.iter().enumerate() {
                    doc.bullet(
                        &format!("{}: ", s.name),
                        theme.subject(i),
                        row.values.get(&s.id).map_or("", |v| v),
                        Style::new(),
                    );
                }
            }
        }
        OverviewItem::Sources => {
            doc.styled(&[("Sources", theme.heading())]).blank();
            for s in &d.sources {
                doc.bullet("• ", theme.dim(), &format!("{} — {}", s.title, s.url), Style::new());
            }
        }
    }
    doc
}

pub const VIEW: ListTab = ListTab { spec, detail, areas: |_, body| panes(body, 35), detail_title: " Detail " };
