//! Nothing is cut silently: at 80×24, every row of every table in both
//! shipped comparisons can be reached with the keys, and each of its cells
//! can be read whole on screen — in the row itself or in the entry opened
//! with Enter and paged through.

mod common;

use common::{SHIPPED, app, key, screen_text, send};
use crossterm::event::KeyCode;
use versus::app::App;
use versus::data::{Fit, NoteKind};
use versus::entries::OverviewItem;
use versus::tab::Tab;
use versus::ui::Theme;

const W: u16 = 80;
const H: u16 = 24;

/// Text with the layout taken out: no whitespace, no borders, no cut marks,
/// and soft hyphen breaks joined (wrapping may split "data-driven" after the hyphen).
fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && !"│┌┐└┘─…".contains(*c)).collect()
}

/// Everything the user can read about the selected entry at 80×24: the tab
/// as drawn, then the entry opened with Enter, paged through with PgDn.
fn readable(app: &mut App) -> String {
    let mut text = screen_text(&common::render(app, W, H, Theme::NO_COLOR));
    if app.tab == Tab::ProsCons {
        return text;
    }
    send(app, key(KeyCode::Enter), W, H);
    assert!(app.expanded(), "Enter opens the entry on {:?}", app.tab);
    for _ in 0..40 {
        let before = app.state().scroll;
        text.push_str(&screen_text(&common::render(app, W, H, Theme::NO_COLOR)));
        send(app, key(KeyCode::PageDown), W, H);
        if app.state().scroll == before {
            break;
        }
    }
    send(app, key(KeyCode::Esc), W, H);
    assert!(!app.expanded(), "Esc closes it");
    text
}

/// Goes to entry `entry` of `tab` the way a user does: the tab's digit, then ↓.
fn reach(app: &mut App, tab: Tab, entry: usize) {
    send(app, key(KeyCode::Char(char::from(b'1' + tab.index() as u8))), W, H);
    send(app, key(KeyCode::Home), W, H);
    for _ in 0..entry {
        send(app, key(KeyCode::Down), W, H);
    }
    assert_eq!((app.tab, app.state().selected), (tab, entry), "↓ reaches entry {entry} of {tab:?}");
}

/// The screen read column by column: panes side by side are split at their
/// borders, so a text wrapped within one pane reads on without the other's.
fn columns(screen: &str) -> Vec<String> {
    let mut columns: Vec<String> = Vec::new();
    for line in screen.lines() {
        for (k, segment) in line.split('│').enumerate() {
            if columns.len() <= k {
                columns.resize(k + 1, String::new());
            }
            columns[k].push_str(segment);
            columns[k].push('\n');
        }
    }
    columns.iter().map(|c| squeezed(c)).collect()
}

fn assert_readable(name: &str, place: &str, screen: &str, cells: &[String]) {
    let seen = columns(screen);
    for cell in cells.iter().filter(|c| !c.is_empty()) {
        let cell_text = squeezed(cell);
        assert!(
            seen.iter().any(|column| column.contains(&cell_text)),
            "{name}, {place}: {cell:?} cannot be read whole at 80×24:\n{screen}"
        );
    }
}

#[test]
fn every_table_row_can_be_read_whole_at_80x24() {
    for name in SHIPPED {
        let mut app = app(name);
        let c = app.data.clone();
        let per_subject = |values: &versus::data::PerSubject<versus::data::Line>| {
            c.subjects.iter().map(|s| values.get(&s.id).map_or(String::new(), |v| v.to_string())).collect::<Vec<_>>()
        };
        for (i, row) in c.features.iter().enumerate() {
            reach(&mut app, Tab::Features, i);
            let mut cells = vec![row.name.to_string()];
            cells.extend(per_subject(&row.values));
            assert_readable(name, &format!("Features, {}", row.name), &readable(&mut app), &cells);
        }
        for k in 0..app.entries.key_features.len() {
            let (si, i) = app.entries.key_features[k];
            let f = &c.key_features.get(&c.subjects[si].id).expect("listed")[i];
            reach(&mut app, Tab::Features, c.features.len() + k);
            let cells = [f.name.to_string(), f.detail.to_string()];
            assert_readable(name, &format!("key feature {}", f.name), &readable(&mut app), &cells);
        }
        for (i, u) in c.use_cases.iter().enumerate() {
            reach(&mut app, Tab::UseCases, i);
            let mut cells = vec![u.domain.to_string()];
            for (_, fit) in u.fits.iter() {
                cells.push(fit.level().map_or("not rated".into(), |l| l.label().to_string()));
                cells.push(fit.why.to_string());
                cells.extend(fit.examples.iter().map(|e| e.to_string()));
                cells.extend(fit.notes.iter().map(|n| n.text.to_string()));
            }
            assert_readable(name, &format!("Use cases, {}", u.domain), &readable(&mut app), &cells);
        }
        for (i, f) in c.factors.iter().enumerate() {
            reach(&mut app, Tab::Performance, i);
            let mut cells = vec![f.name.to_string()];
            cells.extend(per_subject(&f.summary));
            assert_readable(name, &format!("Factors, {}", f.name), &readable(&mut app), &cells);
        }
        for (i, q) in c.faq.iter().enumerate() {
            reach(&mut app, Tab::Faq, i);
            let cells = [q.question.to_string(), q.answer.replace("\n\n", " ")];
            assert_readable(name, &format!("FAQ {}", i + 1), &readable(&mut app), &cells);
        }
        // The at-a-glance table: a line per subject in each Pros/Cons column.
        for (e, item) in app.entries.pros_cons.clone().into_iter().enumerate() {
            if let versus::entries::ProsConsItem::Glance { subject, row } = item {
                reach(&mut app, Tab::ProsCons, e);
                let r = &c.pros_cons_table[row];
                let value = r.values.get(&c.subjects[subject].id).map_or("", |v| v.as_str());
                let cells = [format!("{}: {value}", r.name)];
                assert_readable(name, &format!("at a glance, {}", r.name), &readable(&mut app), &cells);
            }
        }
        // The decision snapshot is a table on the Overview: its rows' cells wrap
        // within their columns, so each cell's words are looked for in order.
        let at = app.entries.overview.iter().position(|i| *i == OverviewItem::Decision).expect("a decision item");
        reach(&mut app, Tab::Overview, at);
        let screen = readable(&mut app);
        for row in &c.decision {
            for cell in std::iter::once(row.name.to_string()).chain(per_subject(&row.values)) {
                // Wrapping may break a hyphenated word after its hyphen.
                for word in cell.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()) {
                    assert!(screen.contains(word), "{name}: decision snapshot word {word:?} of {cell:?} not on screen");
                }
            }
        }
    }
}

#[test]
fn the_overview_shows_homepages_sources_and_every_note() {
    for name in SHIPPED {
        let mut app = app(name);
        let c = app.data.clone();
        let mut all = String::new();
        for e in 0..app.entries.overview.len() {
            reach(&mut app, Tab::Overview, e);
            all.push_str(&readable(&mut app));
        }
        for s in &c.subjects {
            assert!(all.contains(s.homepage.as_deref().unwrap_or("")), "{name}: {}'s homepage", s.name);
        }
        for s in &c.sources {
            assert!(squeezed(&all).contains(&squeezed(&s.url)), "{name}: source {}", s.url);
        }
        let notes = versus::entries::all_notes(&c);
        assert!(notes.iter().any(|n| n.note.kind == NoteKind::Correction), "{name} has corrections");
        for n in notes {
            assert_readable(name, &format!("the note at {}", n.place), &all, &[n.note.text.to_string()]);
        }
        // Fit levels come from the data, one mark per level.
        assert!(c.use_cases.iter().flat_map(|u| u.fits.iter()).all(|(_, f)| Fit::level(f).is_some()));
    }
}
