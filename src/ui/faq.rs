//! FAQ: the questions, and the selected answer wrapped beside them. With a
//! filter (`/`), the list holds the hits best first, the search line sits in
//! the list's title, and matched characters are highlighted in both panes.

use std::ops::Range;

use ratatui::style::Style;

use super::notes::notes;
use super::table::{TableRow, TableSpec};
use super::{Body, Doc, ListTab, Rich, TabView, Theme, first_source};
use crate::app::App;
use crate::search::Query;
use crate::tab::Tab;

/// The active filter's query, when there is one and it is not empty.
fn query(app: &App) -> Option<Query> {
    app.faq_search
        .as_ref()
        .filter(|l| !l.hits_query.is_empty())
        .map(|l| Query::parse(&l.hits_query, &app.corpora.lexicon))
}

fn marks(query: &Option<Query>, text: &str) -> Vec<Range<usize>> {
    query.as_ref().map_or_else(Vec::new, |q| q.highlights(text))
}

/// The list title: the search line when filtering.
fn title(app: &App) -> String {
    let Some(line) = &app.faq_search else { return " Questions ".into() };
    let cursor = if app.faq_editing { "▏" } else { "" };
    let full = line.full_hits();
    // Words found nowhere are named, as the palette does, not silently dropped.
    let status = match line.hits.len() - full {
        _ if line.pending() => "…".to_string(),
        0 => format!("{full}/{}{}", app.data.faq.len(), line.not_found()),
        partly => format!("{full}/{}, {partly} partly{}", app.data.faq.len(), line.not_found()),
    };
    format!(" / {}{cursor}  {status} ", line.query)
}

fn spec(app: &App, theme: &Theme, visible: usize) -> TableSpec {
    let query = query(app);
    let header = vec![("Question".into(), theme.heading())];
    let total = app.entry_count(Tab::Faq);
    let divider = app.faq_search.as_ref().map(|l| l.full_hits()).filter(|&full| full < total);
    TableSpec::windowed(app, Tab::Faq, title(app), header, (total, visible), |row, rows| {
        let Some(i) = app.faq_entry(row) else { return };
        if divider == Some(row) {
            rows.push(TableRow::Section(format!("── {} ──", crate::search::partial_heading(row))));
        }
        let question = &app.data.faq[i].question;
        // Filtered, the number is the rank (best first) and the question's own
        // number follows; continuation lines hang under the text either way.
        let cell = match &app.faq_search {
            Some(_) => Rich::parts(&[(question, Style::new()), (&format!("  #{}", i + 1), theme.dim())])
                .mark(&marks(&query, question), 0, theme.highlight())
                .with_marker(&format!("{}. ", row + 1), theme.key()),
            None => Rich::new(question, Style::new()).with_marker(&format!("{}. ", i + 1), theme.dim()),
        };
        rows.push(TableRow::Entry(vec![cell]));
    })
}

/// Where the rest of the comparison has what the FAQ lacks: how many
/// entries match every word, and the keys that show them (the palette opens
/// with the filter's query).
fn elsewhere(app: &App) -> Option<String> {
    let line = app.faq_search.as_ref().filter(|l| !l.pending())?;
    let (full, some) = line.elsewhere?;
    let palette = app.keys.key(crate::keys::KeyCommand::Palette);
    let keys = if app.faq_editing {
        format!("{} then {palette}", app.keys.line_key(crate::keys::LineCommand::Accept))
    } else {
        palette.to_string()
    };
    Some(match (full, some) {
        (0, 0) => "Nothing else in the comparison matches these words either.".to_string(),
        (0, n) => format!(
            "No entry has all of these words; {} some of them: {keys} shows them.",
            crate::data::count(n, "entry has", "entries have")
        ),
        (n, _) => format!(
            "No question has these words, but {} elsewhere: {keys} shows them.",
            crate::data::count(n, "entry does", "entries do")
        ),
    })
}

fn detail(app: &App, theme: &Theme, entry: usize) -> Doc {
    let mut doc = Doc::new();
    let Some(f) = app.faq_entry(entry).and_then(|i| app.data.faq.get(i)) else {
        if app.faq_search.as_ref().is_some_and(|l| !l.pending()) {
            // While typing, the line's cancel key clears it; after Enter, the back key does.
            let clear = if app.faq_editing {
                app.keys.line_key(crate::keys::LineCommand::Cancel)
            } else {
                app.keys.key(crate::keys::KeyCommand::Back)
            };
            doc.text(&format!("No question or answer matches the search. {clear} clears it."), theme.dim());
            if let Some(pointer) = elsewhere(app) {
                doc.blank().text(&pointer, theme.dim());
            }
        }
        return doc;
    };
    // Once, above the selected answer (the answers read on below it have none).
    let selected = app.states[Tab::Faq.index()].selected == entry;
    if let Some(pointer) = elsewhere(app).filter(|_| selected) {
        doc.text(&pointer, theme.dim()).blank();
    }
    let query = query(app);
    doc.push(Rich::new(&f.question, theme.heading()).mark(&marks(&query, &f.question), 0, theme.highlight()));
    doc.blank();
    doc.marked_text(&f.answer, Style::new(), &marks(&query, &f.answer), theme.highlight());
    if !f.tags.is_empty() {
        let tags = f.tags.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(", ");
        let rich = Rich::new(&tags, theme.dim()).mark(&marks(&query, &tags), 0, theme.highlight());
        doc.blank().push(rich.with_marker("Tags: ", theme.dim()));
    }
    notes(&mut doc, theme, &f.notes, |_| true, |_| None);
    doc
}

/// Row `entry` of the list shown (the filter's hits, or every question).
fn link(app: &App, entry: usize) -> Option<&str> {
    first_source(&app.data.faq.get(app.faq_entry(entry)?)?.notes)
}

pub(super) const TAB: TabView = TabView {
    body: Body::List(ListTab {
        spec,
        detail,
        list_share: 50,
        detail_title: " Answer ",
        empty: "This comparison has no questions and answers.",
    }),
    link,
    copied: None,
};
