//! Pros/Cons: one column per subject (stacked when narrow): pros, cons, then
//! the at-a-glance summary. The selected item is shown in reverse video and
//! the page scrolls to keep it in view.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;

use super::{Doc, ListMap, Pane, Rich, Theme, bordered_inner, draw_doc};
use crate::app::App;
use crate::entries::ProsConsItem;
use crate::tab::Tab;

/// Narrowest column worth drawing side by side.
const MIN_COLUMN: u16 = 34;

/// Subject `si`'s column, and the paragraph index of the selected item if it
/// is in this column. Only items whose position in the column `keep` accepts
/// are laid out (with the headings just before them), so a comparison with
/// thousands of pros costs no more to draw than one with ten.
fn column(app: &App, theme: &Theme, si: usize, doc: &mut Doc, keep: &dyn Fn(usize) -> bool) -> Option<usize> {
    let d = &app.data;
    let s = &d.subjects[si];
    let selected = app.entries.pros_cons.get(app.states[Tab::ProsCons.index()].selected).copied();
    let mut anchor = None;
    let mut ordinal = 0;
    let mut item = |doc: &mut Doc, this: ProsConsItem, rich: &dyn Fn() -> Rich| {
        if keep(ordinal) {
            if Some(this) == selected {
                anchor = Some(doc.next_index());
                doc.push(rich().patch(theme.selected()));
            } else {
                doc.push(rich());
            }
        }
        ordinal += 1;
    };
    let pc = d.pros_cons.get(&s.id);
    let (pros, cons) = pc.map_or((0, 0), |pc| (pc.pros.len(), pc.cons.len()));
    if keep(0) {
        doc.styled(&[(&s.name, theme.subject(si))]);
    }
    if let Some(pc) = pc {
        if keep(0) {
            doc.blank().styled(&[("Pros", theme.pro())]);
        }
        for (index, p) in pc.pros.iter().enumerate() {
            let rich = || Rich::new(p, Style::new()).with_marker("+ ", theme.pro());
            item(doc, ProsConsItem::Pro { subject: si, index }, &rich);
        }
        if keep(pros) {
            doc.blank().styled(&[("Cons", theme.con())]);
        }
        for (index, c) in pc.cons.iter().enumerate() {
            let rich = || Rich::new(c, Style::new()).with_marker("− ", theme.con());
            item(doc, ProsConsItem::Con { subject: si, index }, &rich);
        }
    }
    if !d.pros_cons_table.is_empty() {
        if keep(pros + cons) {
            doc.blank().styled(&[("At a glance", theme.heading())]);
        }
        for (row, r) in d.pros_cons_table.iter().enumerate() {
            let label = format!("{}: ", r.name);
            let rich = || Rich::parts(&[(&label, theme.dim()), (r.values.get(&s.id).map_or("", |v| v), Style::new())]);
            item(doc, ProsConsItem::Glance { subject: si, row }, &rich);
        }
    }
    anchor
}

/// The page's columns: text and where it goes.
type Columns = Vec<(Doc, Rect)>;

/// The page: columns side by side when every one gets `MIN_COLUMN`, otherwise
/// one stacked column; and the selected item's (column, paragraph).
fn columns(app: &App, theme: &Theme, body: Rect) -> (Columns, Option<(usize, usize)>) {
    let d = &app.data;
    let n = d.subjects.len();
    let mut anchor = None;
    // Where each subject's items start in the tab's list, and the selection's place.
    let counts: Vec<usize> = d
        .subjects
        .iter()
        .map(|s| d.pros_cons.get(&s.id).map_or(0, |pc| pc.pros.len() + pc.cons.len()) + d.pros_cons_table.len())
        .collect();
    let starts: Vec<usize> = counts.iter().scan(0, |acc, c| Some(std::mem::replace(acc, *acc + c))).collect();
    let selected = app.states[Tab::ProsCons.index()].selected;
    let in_column = starts.iter().rposition(|&st| st <= selected).map_or(0, |si| selected - starts[si]);
    // Every item is at least a line tall, so items further than a screen from
    // the selection cannot be on screen with it.
    let reach = body.height as usize;
    let near = |centre: usize| move |o: usize| o.abs_diff(centre) <= reach;
    if body.width as usize >= n * MIN_COLUMN as usize {
        let areas = Layout::horizontal(vec![Constraint::Ratio(1, n as u32); n]).split(body);
        let cols = (0..n)
            .map(|i| {
                let mut doc = Doc::new();
                if let Some(p) = column(app, theme, i, &mut doc, &near(in_column)) {
                    anchor = Some((i, p));
                }
                (doc, areas[i])
            })
            .collect();
        (cols, anchor)
    } else {
        let mut doc = Doc::new();
        for (i, &start) in starts.iter().enumerate() {
            if i > 0 {
                doc.blank();
            }
            let keep = |o: usize| (start + o).abs_diff(selected) <= reach;
            if let Some(p) = column(app, theme, i, &mut doc, &keep) {
                anchor = Some((0, p));
            }
        }
        (vec![(doc, body)], anchor)
    }
}

/// Draws the page; its list has no clickable rows, and a page key moves by half the body.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, body: Rect) -> ListMap {
    let (cols, anchor) = columns(app, theme, body);
    // Scroll so the selected item sits near the middle of its column.
    let scroll = anchor.map_or(0, |(c, p)| {
        let inner = bordered_inner(cols[c].1);
        let (line, height) = cols[c].0.line_of(p, inner.width);
        (line + height / 2).saturating_sub(inner.height as usize / 2)
    });
    for (i, (doc, area)) in cols.iter().enumerate() {
        let title = if i == 0 { " Pros and cons " } else { "" };
        // No line position: the page is windowed around the selection, and the
        // status line already says which item of how many is selected.
        draw_doc(frame, theme, doc, *area, Pane { title, focused: false, position: false }, scroll);
    }
    let page = (body.height.saturating_sub(2) as usize / 2).max(1);
    ListMap { area: body, rows: Vec::new(), page, len: app.entry_count(Tab::ProsCons) }
}
