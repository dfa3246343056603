//! Pros/Cons: one column per subject (stacked when narrow): pros, cons, then
//! the at-a-glance summary. The selected item is shown in reverse video and
//! the page scrolls to keep it in view.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;

use super::{Doc, Rich, Theme, bordered_inner, draw_doc};
use crate::app::{App, Tab};
use crate::index::ProsConsItem;

/// Narrowest column worth drawing side by side.
const MIN_COLUMN: u16 = 34;

/// Subject `si`'s column, and the paragraph index of the selected item if it is in this column.
fn column(app: &App, theme: &Theme, si: usize, doc: &mut Doc) -> Option<usize> {
    let d = &app.data;
    let s = &d.subjects[si];
    let selected = app.index.pros_cons.get(app.states[Tab::ProsCons.index()].selected).copied();
    let mut anchor = None;
    let mut item = |doc: &mut Doc, this: ProsConsItem, rich: Rich| {
        if Some(this) == selected {
            anchor = Some(doc.next_index());
            doc.push(rich.patch(theme.selected()));
        } else {
            doc.push(rich);
        }
    };
    doc.styled(&[(&s.name, theme.subject(si))]);
    if let Some(pc) = d.pros_cons.get(&s.id) {
        doc.blank().styled(&[("Pros", theme.pro())]);
        for (index, p) in pc.pros.iter().enumerate() {
            item(
                doc,
                ProsConsItem::Pro { subject: si, index },
                Rich::new(p, Style::new()).with_marker("+ ", theme.pro()),
            );
        }
        doc.blank().styled(&[("Cons", theme.con())]);
        for (index, c) in pc.cons.iter().enumerate() {
            item(
                doc,
                ProsConsItem::Con { subject: si, index },
                Rich::new(c, Style::new()).with_marker("− ", theme.con()),
            );
        }
    }
    if !d.pros_cons_table.is_empty() {
        doc.blank().styled(&[("At a glance", theme.heading())]);
        for (row, r) in d.pros_cons_table.iter().enumerate() {
            let text = Rich::parts(&[
                (&format!("{}: ", r.name), theme.dim()),
                (r.values.get(&s.id).map_or("", |v| v), Style::new()),
            ]);
            item(doc, ProsConsItem::Glance { subject: si, row }, text);
        }
    }
    anchor
}

/// The page's columns: text and where it goes.
type Columns = Vec<(Doc, Rect)>;

/// The page: columns side by side when every one gets `MIN_COLUMN`, otherwise
/// one stacked column; and the selected item's (column, paragraph).
fn columns(app: &App, theme: &Theme, body: Rect) -> (Columns, Option<(usize, usize)>) {
    let n = app.data.subjects.len();
    let mut anchor = None;
    if body.width as usize >= n * MIN_COLUMN as usize {
        let areas = Layout::horizontal(vec![Constraint::Ratio(1, n as u32); n]).split(body);
        let cols = (0..n)
            .map(|i| {
                let mut doc = Doc::new();
                if let Some(p) = column(app, theme, i, &mut doc) {
                    anchor = Some((i, p));
                }
                (doc, areas[i])
            })
            .collect();
        (cols, anchor)
    } else {
        let mut doc = Doc::new();
        for i in 0..n {
            if i > 0 {
                doc.blank();
            }
            if let Some(p) = column(app, theme, i, &mut doc) {
                anchor = Some((0, p));
            }
        }
        (vec![(doc, body)], anchor)
    }
}

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, body: Rect) {
    let (cols, anchor) = columns(app, theme, body);
    // Scroll so the selected item sits near the middle of its column.
    let scroll = anchor.map_or(0, |(c, p)| {
        let inner = bordered_inner(cols[c].1);
        let (line, height) = cols[c].0.line_of(p, inner.width);
        (line + height / 2).saturating_sub(inner.height as usize / 2)
    });
    for (i, (doc, area)) in cols.iter().enumerate() {
        let title = if i == 0 { " Pros and cons " } else { "" };
        draw_doc(frame, theme, doc, *area, title, scroll, false);
    }
}
