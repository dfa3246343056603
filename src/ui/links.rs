//! What the selected entry links to and what copying it puts on the
//! clipboard: read by the status line (to offer the keys) and by the
//! terminal loop (to open the link or copy the text).

use super::notes::note;
use super::{Doc, Theme, list_tab};
use crate::app::App;
use crate::data::Note;
use crate::entries::{OverviewItem, ProsConsItem};
use crate::tab::{Place, Tab};

fn first_source(notes: &[Note]) -> Option<&str> {
    notes.iter().find_map(|n| n.source.as_deref())
}

/// The selected entry's link: a subject's homepage, a source's address, or
/// the source of a note on the entry.
pub(crate) fn selected_link(app: &App) -> Option<&str> {
    link_at(app, Place { tab: app.tab, entry: app.state().selected })
}

/// The link of the entry at `place` (an effect keeps the place it was asked for).
pub(crate) fn link_at(app: &App, place: Place) -> Option<&str> {
    let d = &app.data;
    let entry = place.entry;
    match place.tab {
        Tab::Overview => match *app.entries.overview.get(entry)? {
            OverviewItem::Subject(si) => d.subjects[si].homepage.as_deref(),
            OverviewItem::Source(i) => Some(d.sources[i].url.as_str()),
            OverviewItem::Verdict => first_source(&d.verdict.as_ref()?.notes),
            _ => None,
        },
        Tab::Features => match d.features.get(entry) {
            Some(row) => first_source(&row.notes),
            None => {
                let &(si, i) = app.entries.key_features.get(entry - d.features.len())?;
                first_source(&d.key_features.get(&d.subjects[si].id)?.get(i)?.notes)
            }
        },
        Tab::ProsCons => {
            let item = *app.entries.pros_cons.get(entry)?;
            let pc = d.pros_cons.get(&d.subjects[item.subject()].id)?;
            let text = match item {
                ProsConsItem::Pro { index, .. } => pc.pros.get(index)?.as_str(),
                ProsConsItem::Con { index, .. } => pc.cons.get(index)?.as_str(),
                ProsConsItem::Glance { row, .. } => return first_source(&d.pros_cons_table.get(row)?.notes),
            };
            pc.notes_on(text).find_map(|n| n.source.as_deref())
        }
        Tab::UseCases => d.use_cases.get(entry)?.fits.iter().find_map(|(_, fit)| first_source(&fit.notes)),
        Tab::Performance => first_source(&d.factors.get(entry)?.notes),
        Tab::Faq => first_source(&d.faq.get(app.faq_entry(entry)?)?.notes),
        Tab::Decide if !app.has_wizard() => first_source(&d.decision.get(entry)?.notes),
        Tab::Decide => None,
    }
}

/// The entry at `place` as plain text, as its detail shows it.
pub(crate) fn text_at(app: &App, theme: &Theme, place: Place) -> Option<String> {
    let entry = place.entry;
    if entry >= app.entry_count(place.tab) {
        return None;
    }
    if place.tab == Tab::ProsCons {
        return pros_cons_text(app, theme, entry);
    }
    let view = list_tab(app, place.tab)?;
    Some((view.detail)(app, theme, entry).plain())
}

fn pros_cons_text(app: &App, theme: &Theme, entry: usize) -> Option<String> {
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
