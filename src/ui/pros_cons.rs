//! Pros/Cons: one column per subject (stacked when narrow): pros, cons, then
//! the at-a-glance summary. Each column's border names its subject and the
//! section at its top, so the heading stays in view however far it scrolls.
//! The selected item is shown in reverse video, its column has the bold
//! border, and the page scrolls to keep it in view; ←/→ move across columns.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::notes::note;
use super::{Body, Doc, ListMap, PROSE_WIDTH, Rich, TabView, Theme, bordered_inner, first_source};
use crate::app::App;
use crate::entries::ProsConsItem;
use crate::tab::Tab;

/// Narrowest column worth drawing side by side.
const MIN_COLUMN: u16 = 34;

/// A column's text, and where each of its sections starts: (paragraph, subject, section name).
#[derive(Default)]
struct Column {
    doc: Doc,
    starts: Vec<(usize, usize, &'static str)>,
}

impl Column {
    /// Notes that the next paragraph starts `section` of subject `si`.
    fn section(&mut self, si: usize, section: &'static str) {
        if self.starts.last().is_none_or(|&(_, s, name)| (s, name) != (si, section)) {
            self.starts.push((self.doc.next_index(), si, section));
        }
    }

    /// The subject and section that paragraph `para` is in.
    fn section_of(&self, para: usize) -> Option<(usize, &'static str)> {
        self.starts.iter().rev().find(|(p, ..)| *p <= para).or(self.starts.first()).map(|&(_, s, name)| (s, name))
    }
}

/// Subject `si`'s items into `col` (`named`: with the subject's name as a
/// heading, for the stacked page); the paragraph index of the selected item
/// if it is in this column. Only items whose position in the column `keep`
/// accepts are laid out, so thousands of pros cost no more than ten.
fn column(
    app: &App,
    theme: &Theme,
    si: usize,
    col: &mut Column,
    named: bool,
    keep: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let d = &app.data;
    let s = &d.subjects[si];
    let selected = app.entries.pros_cons.get(app.states[Tab::ProsCons.index()].selected).copied();
    let mut anchor = None;
    let mut ordinal = 0;
    let pc = d.pros_cons.get(&s.id);
    let mut item = |col: &mut Column, section, this: ProsConsItem, text: Option<&str>, rich: &dyn Fn() -> Rich| {
        if keep(ordinal) {
            col.section(si, section);
            if Some(this) == selected {
                anchor = Some(col.doc.next_index());
                col.doc.push(rich().patch(theme.selected()));
            } else {
                col.doc.push(rich());
            }
            for n in pc.zip(text).into_iter().flat_map(|(pc, text)| pc.notes_on(text)) {
                note(&mut col.doc, theme, n, None);
            }
        }
        ordinal += 1;
    };
    let (pros, cons) = pc.map_or((0, 0), |pc| (pc.pros.len(), pc.cons.len()));
    let heading = |col: &mut Column, at: usize, section: &'static str, style: Style, empty: Option<&str>| {
        if keep(at) {
            col.section(si, section);
            if at > 0 || named {
                col.doc.blank();
            }
            col.doc.styled(&[(section, style)]);
            if let Some(empty) = empty {
                col.doc.text(empty, theme.dim());
            }
        }
    };
    if named && keep(0) {
        col.section(si, "Pros");
        col.doc.styled(&[(&s.name, theme.subject(si).add_modifier(Modifier::UNDERLINED))]);
    }
    heading(col, 0, "Pros", theme.pro(), (pros == 0).then_some("None listed."));
    for (index, p) in pc.map_or(&[][..], |pc| &pc.pros[..]).iter().enumerate() {
        let rich = || Rich::new(p, Style::new()).with_marker("+ ", theme.pro());
        item(col, "Pros", ProsConsItem::Pro { subject: si, index }, Some(p), &rich);
    }
    heading(col, pros, "Cons", theme.con(), (cons == 0).then_some("None listed."));
    for (index, c) in pc.map_or(&[][..], |pc| &pc.cons[..]).iter().enumerate() {
        let rich = || Rich::new(c, Style::new()).with_marker("− ", theme.con());
        item(col, "Cons", ProsConsItem::Con { subject: si, index }, Some(c), &rich);
    }
    if !d.pros_cons_table.is_empty() {
        heading(col, pros + cons, "At a glance", theme.heading(), None);
        for (row, r) in d.pros_cons_table.iter().enumerate() {
            let label = format!("{}: ", r.name);
            let rich = || Rich::parts(&[(&label, theme.dim()), (r.values.get(&s.id).map_or("", |v| v), Style::new())]);
            item(col, "At a glance", ProsConsItem::Glance { subject: si, row }, None, &rich);
        }
    }
    anchor
}

/// The page's columns: text and where it goes.
type Columns = Vec<(Column, Rect)>;

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
                let mut col = Column::default();
                if let Some(p) = column(app, theme, i, &mut col, false, &near(in_column)) {
                    anchor = Some((i, p));
                }
                (col, areas[i])
            })
            .collect();
        (cols, anchor)
    } else {
        let mut col = Column::default();
        for (i, &start) in starts.iter().enumerate() {
            let keep = |o: usize| (start + o).abs_diff(selected) <= reach;
            if i > 0 && keep(0) {
                col.doc.blank();
            }
            if let Some(p) = column(app, theme, i, &mut col, true, &keep) {
                anchor = Some((0, p));
            }
        }
        (vec![(col, body)], anchor)
    }
}

/// Draws the page; its list has no clickable rows, and a page key moves by half the body.
fn draw(frame: &mut Frame, app: &App, theme: &Theme, body: Rect) -> ListMap {
    let (cols, anchor) = columns(app, theme, body);
    let width = |area: Rect| bordered_inner(area).width.min(PROSE_WIDTH);
    // Scroll so the selected item sits near the middle of its column.
    let scroll = anchor.map_or(0, |(c, p)| {
        let inner = bordered_inner(cols[c].1);
        let (line, height) = cols[c].0.doc.line_of(p, width(cols[c].1));
        (line + height / 2).saturating_sub(inner.height as usize / 2)
    });
    for (i, (col, area)) in cols.iter().enumerate() {
        let inner = bordered_inner(*area);
        let lines = col.doc.lines(width(*area));
        let scroll = scroll.min(lines.len().saturating_sub(inner.height as usize));
        let mut title = vec![Span::raw(" ")];
        // The selected item's section in its column (in a stacked page that
        // names the selection's subject); elsewhere the section at the top.
        let para = match anchor {
            Some((c, p)) if c == i => p,
            _ => col.doc.para_at_line(scroll, width(*area)),
        };
        if let Some((si, section)) = col.section_of(para) {
            title.push(Span::styled(app.data.subjects[si].name.to_string(), theme.subject(si)));
            title.push(Span::styled(format!(" · {section}"), theme.dim()));
        }
        title.push(Span::raw(" "));
        let focused = anchor.is_some_and(|(c, _)| c == i);
        let border = if focused { theme.focus_border() } else { theme.border() };
        let block = Block::new().borders(Borders::ALL).border_style(border).title(Line::from(title));
        let visible: Vec<Line> = lines.into_iter().skip(scroll).take(inner.height as usize).collect();
        frame.render_widget(Paragraph::new(visible).block(block), *area);
    }
    let page = (body.height.saturating_sub(2) as usize / 2).max(1);
    ListMap { area: body, rows: Vec::new(), page, len: app.entry_count(Tab::ProsCons) }
}

/// A pro's or con's first note source; an at-a-glance row's.
fn link(app: &App, entry: usize) -> Option<&str> {
    let d = &app.data;
    let item = *app.entries.pros_cons.get(entry)?;
    let pc = d.pros_cons.get(&d.subjects[item.subject()].id)?;
    let text = match item {
        ProsConsItem::Pro { index, .. } => pc.pros.get(index)?.as_str(),
        ProsConsItem::Con { index, .. } => pc.cons.get(index)?.as_str(),
        ProsConsItem::Glance { row, .. } => return first_source(&d.pros_cons_table.get(row)?.notes),
    };
    pc.notes_on(text).find_map(|n| n.source.as_deref())
}

/// An item as copied: "Flask pro: …" (or "Flask, Row: value"), then its notes.
fn copied(app: &App, theme: &Theme, entry: usize) -> Option<String> {
    let d = &app.data;
    let item = *app.entries.pros_cons.get(entry)?;
    let s = &d.subjects[item.subject()];
    let pc = d.pros_cons.get(&s.id);
    let mut doc = Doc::new();
    let text = match item {
        ProsConsItem::Pro { index, .. } => format!("{} pro: {}", s.name, pc?.pros.get(index)?),
        ProsConsItem::Con { index, .. } => format!("{} con: {}", s.name, pc?.cons.get(index)?),
        ProsConsItem::Glance { row, .. } => {
            let r = d.pros_cons_table.get(row)?;
            format!("{}, {}: {}", s.name, r.name, r.values.get(&s.id).map_or("", |v| v))
        }
    };
    doc.text(&text, Default::default());
    // Notes are on pros and cons; an at-a-glance line has none of its own.
    let item = match item {
        ProsConsItem::Pro { index, .. } => pc.and_then(|pc| pc.pros.get(index)),
        ProsConsItem::Con { index, .. } => pc.and_then(|pc| pc.cons.get(index)),
        ProsConsItem::Glance { .. } => None,
    };
    for n in pc.zip(item).into_iter().flat_map(|(pc, item)| pc.notes_on(item)) {
        note(&mut doc, theme, n, None);
    }
    Some(doc.plain())
}

pub(super) const TAB: TabView = TabView { body: Body::Columns(draw), link, copied: Some(copied) };
