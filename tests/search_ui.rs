//! Search as the user sees it: the FAQ filter's ranking and highlights, and
//! the palette's jump to every kind of entry.

mod common;

use std::sync::Arc;

use common::{SHIPPED, app, render, screen_text};
use ratatui::style::Modifier;
use versus::app::{Action, LineAction};
use versus::search::{Hit, Results, Target};
use versus::tab::Tab;
use versus::ui::Theme;

/// `name` on the FAQ tab with its filter line open.
fn faq_filter(name: &str) -> versus::app::App {
    let mut app = app(name);
    app.update(Action::GoToTab(Tab::Faq));
    app.update(Action::Search);
    app
}

#[test]
fn faq_filter_ranks_highlights_and_clears() {
    let mut app = app("django-vs-flask");
    app.update(Action::GoToTab(Tab::Faq));
    app.update(Action::Move(2));
    app.update(Action::Search);
    app.type_query("faster");
    let first = app.faq_entry(0).expect("a hit");
    assert_eq!(app.data.faq[first].question.as_str(), "Does Flask run faster than Django?");

    let terminal = render(&app, 100, 30, Theme::NO_COLOR);
    let buffer = terminal.backend().buffer();
    let y = (0..30)
        .find(|&y| (0..100).map(|x| buffer[(x, y)].symbol()).collect::<String>().contains("1. Does Flask run faster"))
        .expect("the first hit is drawn");
    let underlined: String = (0..50)
        .filter(|&x| buffer[(x, y)].modifier.contains(Modifier::UNDERLINED))
        .map(|x| buffer[(x, y)].symbol().to_string())
        .collect();
    assert_eq!(underlined, "faster", "exactly the matched characters are highlighted");

    // Enter keeps the filter and gives the list the keys; Esc then clears it.
    app.update(Action::Line(LineAction::Clear));
    app.type_query("large companies");
    let line = app.faq_search.as_ref().expect("the filter");
    assert_eq!(line.full_hits(), 2, "the two questions about large companies have both words");
    app.update(Action::Line(LineAction::Accept));
    assert!(!app.faq_editing && app.faq_search.is_some());
    app.update(Action::Move(1));
    let second = app.faq_entry(1).expect("a second hit");
    assert_eq!(app.update(Action::Back), []);
    assert!(app.faq_search.is_none());
    assert_eq!(app.state().selected, second, "the same question stays selected");
}

#[test]
fn an_empty_query_shows_everything_in_data_order() {
    let mut app = faq_filter("django-vs-flask");
    app.settle();
    let all = app.data.faq.len();
    assert!(all >= 12, "the shipped FAQ");
    let order: Vec<usize> = (0..all).filter_map(|r| app.faq_entry(r)).collect();
    assert_eq!(order, (0..all).collect::<Vec<_>>());
    app.type_query("x");
    app.update(Action::Line(LineAction::Backspace));
    app.settle();
    assert_eq!(app.entry_count(Tab::Faq), all);
}

#[test]
fn smart_case_in_the_faq_filter() {
    let mut app = faq_filter("django-vs-flask");
    app.type_query("django");
    let insensitive = app.entry_count(Tab::Faq);
    app.update(Action::Line(LineAction::Clear));
    app.type_query("dJango");
    assert!(app.entry_count(Tab::Faq) < insensitive, "an uppercase letter makes the query case-sensitive");
}

#[test]
fn stale_results_never_replace_newer_ones() {
    let mut app = faq_filter("django-vs-flask");
    app.type_query("fast");
    let newest = app.faq_search.as_ref().map(|l| l.hits_generation).unwrap_or(0);
    let old: Arc<[Hit]> = Arc::from(vec![Hit { index: 0, len: 1, score: 1, partial: false }]);
    app.update(Action::Found(Results {
        target: Target::Faq,
        generation: newest - 1,
        hits: old,
        unmatched: Arc::from([]),
        elsewhere: None,
    }));
    assert_ne!(app.entry_count(Tab::Faq), 1, "an older search's result was ignored");
}

#[test]
fn the_palette_jumps_to_every_kind_of_entry() {
    for name in SHIPPED {
        let base = app(name);
        for (i, found) in base.corpora.found.iter().enumerate() {
            let mut app = base.clone();
            app.update(Action::Palette);
            app.settle();
            // Make `i` the only hit of a newer query, as a search would.
            app.update(Action::Line(LineAction::Type('x')));
            let generation = app.palette().map(|l| l.generation).unwrap_or(0);
            let hits: Arc<[Hit]> = Arc::from(vec![Hit { index: i as u32, len: 1, score: 1, partial: false }]);
            app.update(Action::Found(Results {
                target: Target::Palette,
                generation,
                hits,
                unmatched: Arc::from([]),
                elsewhere: None,
            }));
            app.update(Action::Line(LineAction::Accept));
            let (tab, entry) = (found.place.tab, found.place.entry);
            assert!(app.palette().is_none(), "{name} entry {i}: the palette closed");
            assert_eq!((app.tab, app.state().selected), (tab, entry), "{name} entry {i}: {found:?}");
            // What the hit says is on screen (its first words, in the list or the detail pane).
            let text = app.corpora.line(i);
            let first_word = text.split_whitespace().next().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric());
            let screen = screen_text(&render(&app, 160, 50, Theme::COLOR));
            assert!(screen.contains(first_word), "{name} entry {i}: {first_word:?} ({text:?}) not on screen");
        }
    }
}

#[test]
fn palette_hit_for_admin_lands_on_the_admin_panel_row() {
    let mut app = app("django-vs-flask");
    app.update(Action::GoToTab(Tab::Faq));
    app.update(Action::Palette);
    app.type_query("admin");
    app.update(Action::Line(LineAction::Accept));
    assert_eq!(app.tab, Tab::Features);
    let row = &app.data.features[app.state().selected];
    assert_eq!(row.name.as_str(), "Admin panel");
}

#[test]
fn the_faq_filter_names_words_found_nowhere() {
    let mut app = faq_filter("django-vs-flask");
    app.type_query("faster zebra");
    let screen = screen_text(&render(&app, 100, 30, Theme::NO_COLOR));
    assert!(screen.contains("· not found: zebra"), "{screen}");
    assert_eq!(app.faq_entry(0).map(|i| app.data.faq[i].question.as_str()), Some("Does Flask run faster than Django?"));
}
