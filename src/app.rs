//! Application state and the one place it changes: [`App::update`].
//!
//! Pure: no terminal types and no I/O, so every behaviour is testable by
//! feeding actions and reading the state back.

use std::sync::Arc;

use crate::data::Comparison;
use crate::index::{Index, Place};
use crate::search::{self, Corpus, Hit, Query};

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

    /// The tab a search hit lives on, and its entry there.
    pub fn of(place: Place) -> (Tab, usize) {
        match place {
            Place::Features(i) => (Tab::Features, i),
            Place::ProsCons(i) => (Tab::ProsCons, i),
            Place::UseCases(i) => (Tab::UseCases, i),
            Place::Performance(i) => (Tab::Performance, i),
            Place::Decide(i) => (Tab::Decide, i),
            Place::Faq(i) => (Tab::Faq, i),
        }
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

/// Something the user asked for, or a search finishing. Produced by `keys`
/// and the search runner, consumed by [`App::update`].
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// Start editing the FAQ filter (on the FAQ tab) or open the palette (elsewhere).
    Search,
    /// Open the search-everything palette.
    Palette,
    /// Typing into the open search line.
    Type(char),
    Backspace,
    DeleteWord,
    ClearQuery,
    /// Enter in a search line: keep the FAQ filter and focus the list, or jump to the palette's hit.
    Accept,
    /// Esc in a search line: clear the FAQ filter, or close the palette.
    Cancel,
    /// A search finished (see [`App::search_request`]).
    Found {
        target: Target,
        generation: u64,
        hits: Arc<[Hit]>,
    },
    /// A search request was handed to a searcher.
    SearchSent {
        target: Target,
        generation: u64,
    },
    /// Decide tab: move the highlight among a question's options or the answers.
    WizardCursor(isize),
    /// Decide tab: answer with this option (None: the highlighted one), or,
    /// on the answers page, go and change the highlighted answer.
    WizardPick(Option<usize>),
    WizardSkip,
    WizardBack,
    WizardForward,
    WizardAnswers,
    WizardResult,
    WizardRestart,
    /// Decide tab: take up the answers saved last time.
    WizardResume,
    /// A one-line message about the saved answers (could not read or write them).
    WizardNotice(String),
}

/// Which page of the decision wizard is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WizardPage {
    Question(usize),
    /// Every answer, to review or change before the result.
    Answers,
    Result,
}

/// The decision wizard's progress: one slot per question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WizardState {
    pub answers: Vec<Option<usize>>,
    pub page: WizardPage,
    /// The highlighted option (question page) or question (answers page).
    pub cursor: usize,
    /// Answers saved last time, offered until taken up or set aside.
    pub offer: Option<Vec<Option<usize>>>,
    /// A one-line notice about the saved answers.
    pub notice: Option<String>,
}

/// Which search line a request or result belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Faq,
    Palette,
}

/// A query line and its results.
#[derive(Debug, Clone)]
pub struct SearchLine {
    pub query: String,
    /// Bumped on every change of `query`.
    pub generation: u64,
    /// The newest generation handed to a searcher.
    pub sent: u64,
    /// The newest results received, and the generation and query they answer.
    pub hits: Arc<[Hit]>,
    pub hits_generation: u64,
    pub hits_query: String,
}

impl Default for SearchLine {
    /// An empty line whose first search (everything, in data order) is still to run.
    fn default() -> Self {
        SearchLine {
            query: String::new(),
            generation: 1,
            sent: 0,
            hits: Arc::from([]),
            hits_generation: 0,
            hits_query: String::new(),
        }
    }
}

impl SearchLine {
    /// True while the shown hits are for an older query.
    pub fn pending(&self) -> bool {
        self.hits_generation != self.generation
    }

    fn edit(&mut self, change: impl FnOnce(&mut String)) {
        let before = self.query.clone();
        change(&mut self.query);
        // Queries are typed by hand; a cap keeps a stuck key from making one absurd.
        while self.query.chars().count() > MAX_QUERY_CHARS {
            self.query.pop();
        }
        if self.query != before {
            self.generation += 1;
        }
    }
}

/// What a searcher must compute: run it with [`SearchRequest::run`].
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub target: Target,
    pub generation: u64,
    pub query: String,
    /// The previous results, when the new query extends theirs: only they can match.
    pub within: Option<Arc<[Hit]>>,
}

impl SearchRequest {
    /// The corpus this request searches.
    pub fn corpus<'a>(&self, index: &'a Index) -> &'a Corpus {
        match self.target {
            Target::Faq => &index.faq,
            Target::Palette => &index.everything,
        }
    }

    /// Runs the search; `None` when `cancelled` said stop.
    pub fn run(&self, index: &Index, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<Action> {
        let hits = search::rank(self.corpus(index), &Query::new(&self.query), self.within.as_deref(), cancelled)?;
        Some(Action::Found { target: self.target, generation: self.generation, hits: hits.into() })
    }
}

const MAX_QUERY_CHARS: usize = 200;

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
    /// Search corpora and entry orderings, built once and shared with search threads.
    pub index: Arc<Index>,
    pub tab: Tab,
    pub states: [TabState; 6],
    pub help: bool,
    pub help_scroll: usize,
    pub expanded: bool,
    pub quit: bool,
    /// The FAQ filter, when one is active; `faq_editing` while its line has the keyboard.
    pub faq_search: Option<SearchLine>,
    pub faq_editing: bool,
    /// The search-everything palette, when open, and its selected hit.
    pub palette: Option<SearchLine>,
    pub palette_selected: usize,
    pub wizard: WizardState,
}

impl App {
    pub fn new(data: Comparison) -> Self {
        let questions = data.wizard.questions.len();
        let wizard = WizardState {
            answers: vec![None; questions],
            page: if questions == 0 { WizardPage::Result } else { WizardPage::Question(0) },
            cursor: 0,
            offer: None,
            notice: None,
        };
        App {
            index: Arc::new(Index::build(&data)),
            data,
            tab: Tab::Features,
            states: [TabState::default(); 6],
            help: false,
            help_scroll: 0,
            expanded: false,
            quit: false,
            faq_search: None,
            faq_editing: false,
            palette: None,
            palette_selected: 0,
            wizard,
        }
    }

    /// Offers the answers saved last time (see `saved`), and shows any notice about them.
    pub fn offer_saved(&mut self, answers: Vec<Option<usize>>, notice: Option<String>) {
        let any = answers.iter().any(Option::is_some) && answers.len() == self.wizard.answers.len();
        self.wizard.offer = any.then_some(answers);
        self.wizard.notice = notice;
    }

    /// True when the Decide tab is the wizard (the data has questions).
    pub fn has_wizard(&self) -> bool {
        !self.data.wizard.questions.is_empty()
    }

    fn wizard_go(&mut self, page: WizardPage) {
        self.wizard.cursor = match page {
            WizardPage::Question(i) => self.wizard.answers.get(i).copied().flatten().unwrap_or(0),
            _ => 0,
        };
        self.wizard.page = page;
        self.states[Tab::Decide.index()].scroll = 0;
    }

    /// The page after question `i`: the next question, or the answers once all are seen.
    fn after(&self, i: usize) -> WizardPage {
        if i + 1 < self.data.wizard.questions.len() { WizardPage::Question(i + 1) } else { WizardPage::Answers }
    }

    fn wizard_update(&mut self, action: Action) {
        let questions = self.data.wizard.questions.len();
        let page = self.wizard.page;
        match (action, page) {
            (Action::WizardCursor(by), WizardPage::Question(i)) => {
                let options = self.data.wizard.questions[i].options.len();
                self.wizard.cursor = self.wizard.cursor.saturating_add_signed(by).min(options.saturating_sub(1));
            }
            (Action::WizardCursor(by), WizardPage::Answers) => {
                self.wizard.cursor = self.wizard.cursor.saturating_add_signed(by).min(questions.saturating_sub(1));
            }
            (Action::WizardPick(option), WizardPage::Question(i)) => {
                let choice = option.unwrap_or(self.wizard.cursor);
                if choice < self.data.wizard.questions[i].options.len() {
                    // Answering afresh sets the saved answers aside.
                    self.wizard.offer = None;
                    self.wizard.answers[i] = Some(choice);
                    self.wizard_go(self.after(i));
                }
            }
            (Action::WizardPick(_), WizardPage::Answers) => self.wizard_go(WizardPage::Question(self.wizard.cursor)),
            (Action::WizardSkip, WizardPage::Question(i)) => {
                self.wizard.answers[i] = None;
                self.wizard_go(self.after(i));
            }
            (Action::WizardBack, WizardPage::Question(i)) => self.wizard_go(WizardPage::Question(i.saturating_sub(1))),
            (Action::WizardBack, WizardPage::Answers) => self.wizard_go(WizardPage::Question(questions - 1)),
            (Action::WizardBack, WizardPage::Result) => self.wizard_go(WizardPage::Answers),
            (Action::WizardForward, WizardPage::Question(i)) => self.wizard_go(self.after(i)),
            (Action::WizardForward, WizardPage::Answers) => self.wizard_go(WizardPage::Result),
            (Action::WizardAnswers, _) => self.wizard_go(WizardPage::Answers),
            (Action::WizardResult, _) => self.wizard_go(WizardPage::Result),
            (Action::WizardRestart, _) => {
                self.wizard.offer = None;
                self.wizard.answers.iter_mut().for_each(|a| *a = None);
                self.wizard_go(WizardPage::Question(0));
            }
            (Action::WizardResume, _) => {
                if let Some(saved) = self.wizard.offer.take() {
                    self.wizard.answers = saved;
                    self.wizard_go(WizardPage::Answers);
                }
            }
            _ => {}
        }
    }

    /// True while a search line has the keyboard.
    pub fn typing(&self) -> bool {
        self.palette.is_some() || self.faq_editing
    }

    /// The FAQ entries in list order: the filter's hits, or all of them.
    pub fn faq_entry(&self, row: usize) -> Option<usize> {
        match &self.faq_search {
            Some(line) => line.hits.get(row).map(|h| h.index as usize),
            None => (row < self.data.faq.len()).then_some(row),
        }
    }

    fn line(&self, target: Target) -> Option<&SearchLine> {
        match target {
            Target::Faq => self.faq_search.as_ref(),
            Target::Palette => self.palette.as_ref(),
        }
    }

    fn line_mut(&mut self, target: Target) -> Option<&mut SearchLine> {
        match target {
            Target::Faq => self.faq_search.as_mut(),
            Target::Palette => self.palette.as_mut(),
        }
    }

    /// True while some shown results are for an older query.
    pub fn searching(&self) -> bool {
        [&self.faq_search, &self.palette].into_iter().flatten().any(SearchLine::pending)
    }

    /// Runs every pending search here and now, on this thread. What tests and
    /// small data use; the terminal session hands large searches to a thread.
    pub fn settle(&mut self) {
        while let Some(request) = self.search_request() {
            self.update(Action::SearchSent { target: request.target, generation: request.generation });
            if let Some(found) = request.run(&self.index.clone(), &|| false) {
                self.update(found);
            }
        }
    }

    /// A search that needs running: a query line whose newest query has not
    /// been handed to a searcher yet. The caller runs it (on this thread, or
    /// another for large data) and reports back with [`Action::Found`].
    pub fn search_request(&self) -> Option<SearchRequest> {
        [Target::Palette, Target::Faq].into_iter().find_map(|target| {
            let line = self.line(target)?;
            (line.sent < line.generation).then(|| {
                let complete = line.hits_generation > 0;
                let within = (complete && search::extends(&line.hits_query, &line.query)).then(|| line.hits.clone());
                SearchRequest { target, generation: line.generation, query: line.query.clone(), within }
            })
        })
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
            Tab::Features => d.features.len() + self.index.key_features.len(),
            Tab::ProsCons => self.index.pros_cons.len(),
            Tab::UseCases => d.use_cases.len(),
            Tab::Performance => d.factors.len(),
            Tab::Faq => self.faq_search.as_ref().map_or(d.faq.len(), |l| l.hits.len()),
            Tab::Decide => d.decision.len(),
        }
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::WizardNotice(notice) => self.wizard.notice = Some(notice),
            Action::Found { target, generation, hits } => self.found(target, generation, hits),
            Action::SearchSent { target, generation } => {
                if let Some(line) = self.line_mut(target) {
                    line.sent = line.sent.max(generation);
                }
            }
            Action::Type(c) if self.typing() => self.edit(|q| q.push(c)),
            Action::Backspace if self.typing() => self.edit(|q| {
                q.pop();
            }),
            Action::DeleteWord if self.typing() => self.edit(|q| {
                let kept = q.trim_end().rfind(' ').map_or(0, |i| i + 1);
                q.truncate(kept);
            }),
            Action::ClearQuery if self.typing() => self.edit(String::clear),
            Action::Accept if self.palette.is_some() => self.jump_to_palette_hit(),
            Action::Accept if self.faq_editing => self.faq_editing = false,
            Action::Cancel if self.palette.is_some() => self.palette = None,
            Action::Cancel if self.faq_editing => self.clear_faq_filter(),
            Action::Move(by) if self.palette.is_some() => {
                let count = self.palette.as_ref().map_or(0, |l| l.hits.len());
                self.palette_selected = self.palette_selected.saturating_add_signed(by).min(count.saturating_sub(1));
            }
            Action::First if self.palette.is_some() => self.palette_selected = 0,
            Action::Last if self.palette.is_some() => {
                self.palette_selected = self.palette.as_ref().map_or(0, |l| l.hits.len().saturating_sub(1));
            }
            Action::Move(by) if self.faq_editing => self.select(self.state().selected.saturating_add_signed(by)),
            Action::First if self.faq_editing => self.select(0),
            Action::Select(i) if self.faq_editing => self.select(i),
            Action::Last if self.faq_editing => self.select(usize::MAX),
            // While a search line is open, nothing else happens.
            _ if self.typing() => {}
            Action::WizardCursor(_)
            | Action::WizardPick(_)
            | Action::WizardSkip
            | Action::WizardBack
            | Action::WizardForward
            | Action::WizardAnswers
            | Action::WizardResult
            | Action::WizardRestart
            | Action::WizardResume => {
                if !self.help && self.tab == Tab::Decide && self.has_wizard() {
                    self.wizard_update(action)
                }
            }
            Action::Palette | Action::Search if self.help => {}
            Action::Palette => self.open_palette(),
            Action::Search if self.tab == Tab::Faq => {
                self.expanded = false;
                self.faq_editing = true;
                self.faq_search.get_or_insert_with(SearchLine::default);
            }
            Action::Search => self.open_palette(),
            Action::Back if !self.help && !self.expanded && self.tab == Tab::Faq && self.faq_search.is_some() => {
                self.clear_faq_filter()
            }
            Action::Back if self.help => self.help = false,
            Action::Back if self.expanded => self.close_expanded(),
            Action::Back => self.quit = true,
            Action::ToggleHelp => {
                self.help = !self.help;
                self.help_scroll = 0;
            }
            Action::Scroll { by, max } if self.help => {
                self.help_scroll = self.help_scroll.saturating_add_signed(by).min(max);
            }
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
            // Pros/Cons items are shown whole already; the wizard has pages of its own.
            Action::ToggleExpand
                if self.entry_count(self.tab) > 0
                    && self.tab != Tab::ProsCons
                    && !(self.tab == Tab::Decide && self.has_wizard()) =>
            {
                self.expanded = true;
                self.state_mut().scroll = 0;
            }
            Action::ToggleExpand
            | Action::Type(_)
            | Action::Backspace
            | Action::DeleteWord
            | Action::ClearQuery
            | Action::Accept
            | Action::Cancel => {}
            Action::Scroll { by, max } => {
                let state = self.state_mut();
                state.scroll = state.scroll.saturating_add_signed(by).min(max);
            }
        }
    }

    fn edit(&mut self, change: impl FnOnce(&mut String)) {
        if let Some(line) = self.palette.as_mut() {
            line.edit(change);
        } else if let Some(line) = self.faq_search.as_mut().filter(|_| self.faq_editing) {
            line.edit(change);
        }
    }

    fn found(&mut self, target: Target, generation: u64, hits: Arc<[Hit]>) {
        let Some(line) = self.line_mut(target) else { return };
        // Results may arrive out of order; an older answer never replaces a newer one.
        if generation <= line.hits_generation || generation > line.generation {
            return;
        }
        line.hits = hits;
        line.hits_generation = generation;
        line.hits_query = line.query.clone();
        match target {
            Target::Faq => {
                let state = &mut self.states[Tab::Faq.index()];
                state.selected = 0;
                state.scroll = 0;
            }
            Target::Palette => self.palette_selected = 0,
        }
    }

    fn open_palette(&mut self) {
        self.help = false;
        self.palette = Some(SearchLine::default());
        self.palette_selected = 0;
    }

    fn clear_faq_filter(&mut self) {
        // Keep the selected question selected in the full list.
        let entry = self.faq_entry(self.states[Tab::Faq.index()].selected).unwrap_or(0);
        self.faq_search = None;
        self.faq_editing = false;
        self.states[Tab::Faq.index()] = TabState { selected: entry, scroll: 0 };
    }

    fn jump_to_palette_hit(&mut self) {
        let hit = self.palette.as_ref().and_then(|l| l.hits.get(self.palette_selected)).map(|h| h.index as usize);
        self.palette = None;
        let Some(place) = hit.and_then(|i| self.index.found.get(i)).map(|f| f.place) else { return };
        let (tab, entry) = Tab::of(place);
        if tab == Tab::Faq {
            // The entry is numbered in the full list, so any filter goes.
            self.faq_search = None;
            self.faq_editing = false;
        }
        self.go_to(tab);
        self.states[tab.index()] = TabState { selected: entry, scroll: 0 };
        if tab == Tab::Decide && self.has_wizard() {
            // Decision snapshot rows are shown on the wizard's result page.
            self.wizard_go(WizardPage::Result);
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
    fn the_wizard_walks_through_questions_answers_and_result() {
        let mut app = app();
        app.update(Action::GoToTab(Tab::Decide));
        let n = app.data.wizard.questions.len();
        assert_eq!(app.wizard.page, WizardPage::Question(0));
        app.update(Action::WizardPick(Some(2)));
        assert_eq!((app.wizard.answers[0], app.wizard.page), (Some(2), WizardPage::Question(1)));
        app.update(Action::WizardCursor(1));
        app.update(Action::WizardPick(None));
        assert_eq!(app.wizard.answers[1], Some(1), "Enter takes the highlighted option");
        app.update(Action::WizardSkip);
        assert_eq!((app.wizard.answers[2], app.wizard.page), (None, WizardPage::Question(3)));
        app.update(Action::WizardPick(Some(99)));
        assert_eq!(app.wizard.page, WizardPage::Question(3), "an option that does not exist is ignored");
        app.update(Action::WizardBack);
        app.update(Action::WizardBack);
        assert_eq!((app.wizard.page, app.wizard.cursor), (WizardPage::Question(1), 1), "back shows the answer given");
        for _ in 1..n {
            app.update(Action::WizardForward);
        }
        assert_eq!(app.wizard.page, WizardPage::Answers, "after the last question, the answers");
        app.update(Action::WizardPick(None));
        assert_eq!(app.wizard.page, WizardPage::Question(0), "Enter on an answer goes to change it");
        app.update(Action::WizardResult);
        assert_eq!(app.wizard.page, WizardPage::Result);
        app.update(Action::WizardRestart);
        assert!(app.wizard.answers.iter().all(Option::is_none));
        assert_eq!(app.wizard.page, WizardPage::Question(0));
    }

    #[test]
    fn saved_answers_are_offered_until_taken_up_or_set_aside() {
        let mut app = app();
        let mut saved = vec![None; app.wizard.answers.len()];
        saved[0] = Some(2);
        app.offer_saved(saved.clone(), None);
        app.update(Action::GoToTab(Tab::Decide));
        app.update(Action::WizardResume);
        assert_eq!((app.wizard.answers.clone(), app.wizard.page), (saved.clone(), WizardPage::Answers));
        assert!(app.wizard.offer.is_none());

        let mut fresh = self::app();
        fresh.offer_saved(saved, Some("note".into()));
        fresh.update(Action::GoToTab(Tab::Decide));
        fresh.update(Action::WizardPick(Some(0)));
        assert!(fresh.wizard.offer.is_none(), "answering afresh sets the offer aside");
        assert_eq!(fresh.wizard.notice.as_deref(), Some("note"));
    }

    #[test]
    fn wizard_actions_do_nothing_off_the_decide_tab_or_under_help() {
        let mut app = app();
        app.update(Action::WizardPick(Some(0)));
        assert_eq!(app.wizard.answers[0], None);
        app.update(Action::GoToTab(Tab::Decide));
        app.update(Action::ToggleHelp);
        app.update(Action::WizardPick(Some(0)));
        assert_eq!(app.wizard.answers[0], None);
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
