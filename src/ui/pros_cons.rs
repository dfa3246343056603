//! Pros/Cons: one column per subject (stacked when narrow), pros then cons
//! then the at-a-glance summary. The whole page scrolls; there is no list.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;

use super::{Doc, Theme, draw_doc};
use crate::app::{App, Tab};

/// Narrowest column worth drawing side by side.
const MIN_COLUMN: u16 = 34;

/// One subject's column.
fn column(app: &App, theme: &Theme, i: usize) -> Doc {
    let d = &app.data;
    let s = &d.subjects[i];
    let mut doc = Doc::new();
    doc.styled(&[(&s.name, theme.subject(i))]);
    if let Some(pc) = d.pros_cons.get(&s.id) {
        doc.blank().styled(&[("Pros", theme.pro())]);
        for p in &pc.pros {
            doc.bullet("+ ", theme.pro(), p, Style::new());
        }
        doc.blank().styled(&[("Cons", theme.con())]);
        for c in &pc.cons {
            doc.bullet("− ", theme.con(), c, Style::new());
        }
    }
    if !d.pros_cons_table.is_empty() {
        doc.blank().styled(&[("At a glance", theme.heading())]);
        for row in &d.pros_cons_table {
            doc.bullet(&format!("{}: ", row.name), theme.dim(), row.values.get(&s.id).map_or("", |v| v), Style::new());
        }
    }
    doc
}

/// The page as (column text, where it goes): side by side when every column
/// gets `MIN_COLUMN`, otherwise one stacked column.
fn columns(app: &App, theme: &Theme, body: Rect) -> Vec<(Doc, Rect)> {
    let n = app.data.subjects.len() as u16;
    if body.width >= n * MIN_COLUMN {
        let areas = Layout::horizontal(vec![Constraint::Ratio(1, n as u32); n as usize]).split(body);
        (0..n as usize).map(|i| (column(app, theme, i), areas[i])).collect()
    } else {
        let mut doc = Doc::new();
        for i in 0..n as usize {
            if i > 0 {
                doc.blank();
            }
            doc.append(column(app, theme, i));
        }
        vec![(doc, body)]
    }
}

fn inner(area: Rect) -> Rect {
    super::bordered_inner(area)
}

/// How far the page scrolls: until the longest column's end is in view.
pub fn max_scroll(app: &App, body: Rect) -> usize {
    columns(app, &Theme::NO_COLOR, body)
        .iter()
        .map(|(doc, area)| {
            let inner = inner(*area);
            doc.height(inner.width).saturating_sub(inner.height as usize)
        })
        .max()
        .unwrap_or(0)
}

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, body: Rect) {
    let scroll = app.states[Tab::ProsCons.index()].scroll;
    for (i, (doc, area)) in columns(app, theme, body).iter().enumerate() {
        let title = if i == 0 { " Pros and cons " } else { "" };
        draw_doc(frame, theme, doc, *area, title, scroll, false);
    }
}
