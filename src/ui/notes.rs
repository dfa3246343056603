//! The data's notes on its entries (corrections of the source, the source's
//! unconfirmed claims, context), written the same way on every tab.

use ratatui::style::{Modifier, Style};

use super::{Doc, Rich, Theme};
use crate::data::{Note, NoteKind};

fn style(theme: &Theme, kind: NoteKind) -> Style {
    match kind {
        NoteKind::Correction => theme.con().add_modifier(Modifier::BOLD),
        NoteKind::Unconfirmed => theme.key().add_modifier(Modifier::BOLD),
        NoteKind::Context => theme.dim().add_modifier(Modifier::BOLD),
    }
}

/// One note: "✎ Correction (about Etsy): text", hanging under its mark,
/// then its source.
pub(super) fn note(doc: &mut Doc, theme: &Theme, n: &Note, about: Option<&str>) {
    let about = about.map_or(String::new(), |a| format!(", on “{a}”"));
    let label = format!("{}{about}: ", n.kind.label());
    let text = n.text.replace("\n\n", " ");
    let rich = Rich::parts(&[(&label, style(theme, n.kind)), (&text, Style::new())]);
    doc.push(rich.with_marker(&format!("{} ", n.kind.mark()), style(theme, n.kind)));
    if let Some(url) = &n.source {
        doc.bullet("  Source: ", theme.dim(), url, theme.dim());
    }
    if let Some(date) = &n.as_of {
        doc.bullet("  As of ", theme.dim(), date, theme.dim());
    }
}

/// The notes `keep` accepts (by their `about`), each after a blank line; `about`
/// turns a note's `about` into the words shown (`None`: not shown).
pub(super) fn notes<'a>(
    doc: &mut Doc,
    theme: &Theme,
    list: &'a [Note],
    keep: impl Fn(Option<&'a str>) -> bool,
    about: impl Fn(&'a str) -> Option<String>,
) {
    for n in list.iter().filter(|n| keep(n.about.as_deref())) {
        doc.blank();
        note(doc, theme, n, n.about.as_deref().and_then(&about).as_deref());
    }
}
