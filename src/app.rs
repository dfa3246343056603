//! Application state and the one place it changes: [`App::update`].
//!
//! Pure: no terminal types and no I/O, so every behaviour is testable by
//! feeding actions and reading the state back.

use crate::data::Comparison;

/// The tabs, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Features,
    ProsCons,
    UseCases,
    Performance,
    Faq,
    Decide,
}

impl Tab {
    pub const ALL: [Tab; 6] = [Tab::Features, Tab::ProsCons, Tab::UseCases, Tab::Performance, Tab::Faq, Tab::Decide];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Features => "Features",
            Tab::ProsCons => "Pros/Cons",
            Tab::UseCases => "Use cases",
            Tab::Performance => "Performance & security",
            Tab::Faq => "FAQ",
            Tab::Decide => "Decide",
        }
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub fn from_index(i: usize) -> Option<Tab> {
        Tab::ALL.get(i).copied()
    }

    fn next(self) -> Tab {
        Tab::ALL[(self.index() + 1) % Tab::ALL.len()]
    }

    fn previous(self) -> Tab {
        Tab::ALL[(self.index() + Tab::ALL.len() - 1) % Tab::ALL.len()]
    }
}

/// Something the user asked for. Produced by `keys`, consumed by [`App::update`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    NextTab,
    PreviousTab,
    GoToTab(Tab),
    /// Move the selection by this many entries (negative is up), stopping at the ends.
    Move(isize),
    First,
    Last,
    /// Select this entry of the current tab (a mouse click).
    Select(usize),
    /// Open the selected entry full-screen, or close it again.
    ToggleExpand,
    /// Scroll the detail text (or the whole page, on tabs without a list).
    Scroll {
        by: isize,
        max: usize,
    },
    ToggleHelp,
    /// Close whatever is open (help, expanded entry); quit when nothing is.
    Back,
    Quit,
}

/// Per-tab position, kept when switching tabs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TabState {
    pub selected: usize,
    /// Lines scrolled in the detail pane (or the page, on list-less tabs).
    pub scroll: usize,
}

#[derive(Debug, Clone)]
pub struct App {
    pub data: Comparison,
    pub tab: Tab,
    pub states: [TabState; 6],
    pub help: bool,
    pub expanded: bool,
    pub quit: bool,
}

impl App {
    pub fn new(data: Comparison) -> Self {
        App { data, tab: Tab::Features, states: [TabState::default(); 6], help: false, expanded: false, quit: false }
    }

    pub fn state(&self) -> TabState {
        self.states[self.tab.index()]
    }

    fn state_mut(&mut self) -> &mut TabState {
        &mut self.states[self.tab.index()]
    }

    /// How many selectable entries `tab` has (0 for a tab that only scrolls).
    pub fn entry_count(&self, tab: Tab) -> usize {
        let d = &self.data;
        match tab {
            Tab::Features => d.features.len() + d.key_features.iter().map(|(_, list)| list.len()).sum::<usize>(),
            Tab::ProsCons => 0,
            Tab::UseCases => d.use_cases.len(),
            Tab::Performance => d.factors.len(),
            Tab::Faq => d.faq.len(),
            Tab::Decide => d.decision.len(),
        }
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Back if self.help => self.help = false,
            Action::Back if self.expanded => self.close_expanded(),
            Action::Back => self.quit = true,
            Action::ToggleHelp => self.help = !self.help,
            // While help is shown, it is the only thing on screen that listens.
            _ if self.help => {}
            Action::NextTab => self.go_to(self.tab.next()),
            Action::PreviousTab => self.go_to(self.tab.previous()),
            Action::GoToTab(tab) => self.go_to(tab),
            Action::Move(by) => self.select(self.state().selected.saturating_add_signed(by)),
            Action::First => self.select(0),
            Action::Last => self.select(usize::MAX),
            Action::Select(i) => self.select(i),
            Action::ToggleExpand if self.expanded => self.close_expanded(),
            Action::ToggleExpand if self.entry_count(self.tab) > 0 => {
                self.expanded = true;
                self.state_mut().scroll = 0;
            }
            Action::ToggleExpand => {}
            Action::Scroll { by, max } => {
                let state = self.state_mut();
                state.scroll = state.scroll.saturating_add_signed(by).min(max);
            }
        }
    }

    fn go_to(&mut self, tab: Tab) {
        self.tab = tab;
        self.expanded = false;
    }

    fn close_expanded(&mut self) {
        self.expanded = false;
        self.state_mut().scroll = 0;
    }

    /// Selects entry `i`, clamped to the list; a new selection starts its detail at the top.
    fn select(&mut self, i: usize) {
        let count = self.entry_count(self.tab);
        if count == 0 {
            return;
        }
        let i = i.min(count - 1);
        let state = self.state_mut();
        if state.selected != i {
            state.selected = i;
            state.scroll = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        App::new(crate::data::open(None).expect("default data"))
    }

    #[test]
    fn tabs_cycle_both_ways_and_remember_their_selection() {
        let mut app = app();
        app.update(Action::Move(3));
        app.update(Action::PreviousTab);
        assert_eq!(app.tab, Tab::Decide);
        app.update(Action::NextTab);
        assert_eq!(app.tab, Tab::Features);
        assert_eq!(app.state().selected, 3);
    }

    #[test]
    fn selection_stops_at_both_ends() {
        let mut app = app();
        app.update(Action::GoToTab(Tab::Faq));
        app.update(Action::Move(-5));
        assert_eq!(app.state().selected, 0);
        app.update(Action::Move(1000));
        assert_eq!(app.state().selected, 11);
        app.update(Action::First);
        assert_eq!(app.state().selected, 0);
        app.update(Action::Last);
        assert_eq!(app.state().selected, 11);
    }

    #[test]
    fn back_closes_help_then_expanded_then_quits() {
        let mut app = app();
        app.update(Action::ToggleExpand);
        app.update(Action::ToggleHelp);
        app.update(Action::Back);
        assert!(!app.help && app.expanded && !app.quit);
        app.update(Action::Back);
        assert!(!app.expanded && !app.quit);
        app.update(Action::Back);
        assert!(app.quit);
    }

    #[test]
    fn help_swallows_everything_but_closing_and_quitting() {
        let mut app = app();
        app.update(Action::ToggleHelp);
        app.update(Action::NextTab);
        app.update(Action::Move(2));
        assert_eq!((app.tab, app.state().selected), (Tab::Features, 0));
        app.update(Action::Quit);
        assert!(app.quit);
    }

    #[test]
    fn scrolling_is_clamped_and_reset_by_a_new_selection() {
        let mut app = app();
        app.update(Action::Scroll { by: 50, max: 7 });
        assert_eq!(app.state().scroll, 7);
        app.update(Action::Scroll { by: -3, max: 7 });
        assert_eq!(app.state().scroll, 4);
        app.update(Action::Move(1));
        assert_eq!(app.state().scroll, 0);
    }
}
