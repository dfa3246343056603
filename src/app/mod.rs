//! Application state and the one place it changes: [`App::update`].
//!
//! Pure: no terminal types and no I/O, so every behaviour is testable by
//! feeding actions and reading the state back. What an action does depends
//! on the [`Mode`], decided in one place ([`App::mode`]); `update` only routes.

mod action;
mod effect;
mod overlay;
mod picker;
mod search_line;

use std::sync::Arc;

pub use action::{Action, LineAction};
pub use effect::Effect;
pub use overlay::Kind;
pub use overlay::Overlays;
pub use overlay::{Choice, Overlay};
pub use picker::{Content, Picker};
pub use search_line::SearchLine;

use crate::data::Comparison;
use crate::entries::Entries;
use crate::keys::Keymap;
use crate::search::{Corpora, Results, SearchRequest, Target};
use crate::tab::Tab;
use crate::wizard::WizardState;

/// Who has the keyboard. Earlier modes win: a search line over help, help
/// over an open entry, an open entry over the tab beneath it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A question with a few answers is asked (where to write a record).
    Choose,
    /// The comparison picker is open.
    Picker,
    /// The search-everything palette is open.
    Palette,
    /// The FAQ filter's line has the keyboard.
    FaqFilter,
    Help,
    /// The selected entry is open full-screen.
    Expanded,
    /// The Decide tab's decision wizard.
    Wizard,
    /// A tab's list and its detail.
    Browse,
}

/// Per-tab position, kept when switching tabs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TabState {
    pub selected: usize,
    /// Lines scrolled in the detail pane.
    pub scroll: usize,
    /// The detail pane has the keys (←/→ move between it and the list).
    pub detail_focused: bool,
}

#[derive(Debug, Clone)]
pub struct App {
    pub data: Comparison,
    /// What the comparison was opened from: a shipped name or a file path
    /// (named in decision records, so they can be re-checked).
    pub origin: String,
    /// The order of entries on the tabs that are not one plain list.
    pub entries: Entries,
    /// What can be searched, built once and shared with the search thread.
    pub corpora: Arc<Corpora>,
    pub tab: Tab,
    pub states: [TabState; Tab::ALL.len()],
    /// What is open above the tab (an entry full-screen, help, the palette,
    /// the picker); the top has the keyboard.
    pub overlays: Overlays,
    /// The FAQ filter, when one is active; `faq_editing` while its line has the keyboard.
    pub faq_search: Option<SearchLine>,
    pub faq_editing: bool,
    pub wizard: WizardState,
    /// What this update asks of the outside world, in order; [`App::update`] hands them over.
    effects: Vec<Effect>,
    /// A message for the status line (what opening or copying did), until the next key.
    pub status: Option<String>,
    /// Why the file on screen could not be reloaded (`--watch`): shown above
    /// the last good version until a save loads.
    pub banner: Option<String>,
    /// Answers whose question or option a reload took away, kept in case the
    /// next version brings them back.
    pub lost_answers: Vec<(String, String, crate::wizard::Importance)>,
    /// The keys in effect (the defaults, or as a config file remapped them):
    /// the input mapping reads them, and every view that names a key.
    pub keys: Arc<Keymap>,
    /// The leader's firmness for the answers it was worked out for: drawing
    /// the result page asks for it every frame, and it scores thousands of
    /// importance settings, so it is worked out once per set of answers.
    firmness: std::cell::RefCell<Option<FirmnessMemo>>,
    /// Other people's answers (`versus --with FILE…`): the Together page
    /// scores them with the user's own.
    pub together: Vec<crate::wizard::Member>,
    /// The group's result for the answers it was worked out for (as `firmness`).
    group: std::cell::RefCell<Option<GroupMemo>>,
}

/// [`App::firmness`]'s memo: the answers and importance, and what they gave.
type FirmnessMemo = (Vec<Option<usize>>, Vec<crate::wizard::Importance>, Option<crate::wizard::Firmness>);
/// [`App::group`]'s memo.
type GroupMemo = (Vec<Option<usize>>, Vec<crate::wizard::Importance>, crate::wizard::Group);

/// A person's answers, given for `before`, by id for `after` (what is gone is dropped).
fn carried(m: &crate::wizard::Member, before: &Comparison, after: &Comparison) -> crate::wizard::Member {
    let mut answers = std::collections::BTreeMap::new();
    let mut importance = std::collections::BTreeMap::new();
    for (q, question) in before.wizard.questions.iter().enumerate() {
        if let Some(option) = m.answer(before, q) {
            answers.insert(question.id.to_string(), question.options[option].id.to_string());
            importance.insert(question.id.to_string(), m.level(q).id().to_string());
        }
    }
    let replayed = crate::wizard::replay(after, &answers, &importance);
    crate::wizard::Member { name: m.name.clone(), answers: replayed.answers, importance: replayed.importance }
}

pub use crate::wizard::group::YOU;

impl App {
    pub fn new(data: Comparison) -> Self {
        let entries = Entries::build(&data);
        App {
            origin: crate::data::DEFAULT.to_string(),
            corpora: Arc::new(Corpora::build(&data, &entries)),
            entries,
            wizard: WizardState::new(data.wizard.questions.len()),
            data,
            tab: Tab::Features,
            states: [TabState::default(); Tab::ALL.len()],
            overlays: Overlays::default(),
            faq_search: None,
            faq_editing: false,
            effects: Vec::new(),
            status: None,
            banner: None,
            lost_answers: Vec::new(),
            keys: Arc::new(Keymap::default()),
            firmness: std::cell::RefCell::new(None),
            together: Vec::new(),
            group: std::cell::RefCell::new(None),
        }
    }

    /// The group's result: the `--with` people and the user (last, as
    /// "you", once they have answered anything: someone who said nothing
    /// is not one of the people deciding), worked out again only when the
    /// user's answers change; `None` without other people.
    pub fn group(&self) -> Option<crate::wizard::Group> {
        if self.together.is_empty() {
            return None;
        }
        let (answers, importance) = (&self.wizard.answers, &self.wizard.importance);
        let mut memo = self.group.borrow_mut();
        match &*memo {
            Some((a, i, g)) if a == answers && i == importance => Some(g.clone()),
            _ => {
                let mut members = self.together.clone();
                if answers.iter().any(Option::is_some) {
                    members.push(crate::wizard::Member {
                        name: YOU.to_string(),
                        answers: answers.clone(),
                        importance: importance.clone(),
                    });
                }
                let g = crate::wizard::Group::new(&self.data, members);
                *memo = Some((answers.clone(), importance.clone(), g.clone()));
                Some(g)
            }
        }
    }

    /// In what share of importance settings the wizard's leader holds, for
    /// the current answers (worked out again only when they change).
    pub fn firmness(&self) -> Option<crate::wizard::Firmness> {
        let (answers, importance) = (&self.wizard.answers, &self.wizard.importance);
        let mut memo = self.firmness.borrow_mut();
        match &*memo {
            Some((a, i, f)) if a == answers && i == importance => f.clone(),
            _ => {
                let f = crate::wizard::firmness(&self.data, answers, importance);
                *memo = Some((answers.clone(), importance.clone(), f.clone()));
                f
            }
        }
    }

    /// Takes in a new version of the comparison on screen (the file changed):
    /// the tab, each tab's selected entry (found again by its text, wherever
    /// it moved), an open entry, the search lines and the wizard's answers
    /// stay where they still exist. Returns what to tell the user.
    pub fn reload(&mut self, data: Comparison) -> String {
        let (wizard, lost) =
            self.wizard.carried_to(&self.data.wizard.questions, &data.wizard.questions, &self.lost_answers);
        let newly_lost = lost.len().saturating_sub(self.lost_answers.len());
        let selected: Vec<Option<String>> = Tab::ALL
            .iter()
            .map(|&tab| {
                let filtered = tab == Tab::Faq && self.faq_search.is_some();
                (!filtered).then(|| self.entry_text(tab, self.states[tab.index()].selected)).flatten()
            })
            .collect();
        self.entries = Entries::build(&data);
        self.corpora = Arc::new(Corpora::build(&data, &self.entries));
        // Other people's answers follow their ids into the new version.
        self.together = self.together.iter().map(|m| carried(m, &self.data, &data)).collect();
        self.data = data;
        // Worked out for the old data: the same answers may weigh differently now.
        self.firmness.replace(None);
        self.group.replace(None);
        self.wizard = wizard;
        self.lost_answers = lost;
        self.banner = None;
        // Old hits point into the old data: drop them and search again.
        let palette = self.overlays.palette_mut().map(|(line, selected)| {
            *selected = 0;
            line
        });
        for line in [palette, self.faq_search.as_mut()].into_iter().flatten() {
            let query = std::mem::take(&mut line.query);
            *line = SearchLine { query, ..SearchLine::default() };
        }
        for (tab, text) in Tab::ALL.into_iter().zip(selected) {
            let count = self.entry_count(tab);
            let found = text.and_then(|t| self.find_entry(tab, &t));
            let state = &mut self.states[tab.index()];
            match found {
                _ if count == 0 => *state = TabState::default(),
                Some(entry) if entry != state.selected => *state = TabState { selected: entry, ..*state },
                Some(_) => {}
                None if state.selected >= count => *state = TabState { selected: count - 1, ..TabState::default() },
                None => {}
            }
        }
        if self.entry_count(self.tab) == 0 {
            self.overlays.close(Kind::Expanded);
        }
        match newly_lost {
            0 => "Reloaded: the file changed on disk.".to_string(),
            n => format!(
                "Reloaded. {} set aside: the question or option is gone (it comes back if they do).",
                crate::data::count(n, "answer", "answers")
            ),
        }
    }

    /// The searchable text of entry `entry` of `tab`: what finds it again after a reload.
    fn entry_text(&self, tab: Tab, entry: usize) -> Option<String> {
        let i = self.corpora.found.iter().position(|f| f.place.tab == tab && f.place.entry == entry)?;
        Some(self.corpora.line(i))
    }

    /// The entry of `tab` whose searchable text is `text`.
    fn find_entry(&self, tab: Tab, text: &str) -> Option<usize> {
        (0..self.corpora.found.len())
            .find(|&i| self.corpora.found[i].place.tab == tab && self.corpora.line(i) == text)
            .map(|i| self.corpora.found[i].place.entry)
    }

    /// True when the Decide tab is the wizard (the data has questions).
    pub(crate) fn has_wizard(&self) -> bool {
        !self.data.wizard.questions.is_empty()
    }

    /// True when the wizard is the tab on screen (perhaps under help or the palette).
    pub(crate) fn on_wizard(&self) -> bool {
        self.tab == Tab::Decide && self.has_wizard()
    }

    pub fn mode(&self) -> Mode {
        match self.overlays.top() {
            Some(Overlay::Choose(_)) => Mode::Choose,
            Some(Overlay::Picker(_)) => Mode::Picker,
            Some(Overlay::Palette { .. }) => Mode::Palette,
            // The FAQ filter's line opens with nothing above the tab, and nothing else opens while it is typed in.
            _ if self.faq_editing => Mode::FaqFilter,
            Some(Overlay::Help { .. }) => Mode::Help,
            Some(Overlay::Expanded) => Mode::Expanded,
            None if self.on_wizard() => Mode::Wizard,
            None => Mode::Browse,
        }
    }

    /// The palette's line, while it is open.
    pub fn palette(&self) -> Option<&SearchLine> {
        self.overlays.palette().map(|(line, _)| line)
    }

    /// The palette's highlighted hit.
    pub fn palette_selected(&self) -> usize {
        self.overlays.palette().map_or(0, |(_, selected)| selected)
    }

    pub fn picker(&self) -> Option<&Picker> {
        self.overlays.picker()
    }

    /// The selected entry is open full-screen.
    pub fn expanded(&self) -> bool {
        self.overlays.is_open(Kind::Expanded)
    }

    /// True while a search line has the keyboard.
    pub fn typing(&self) -> bool {
        matches!(self.mode(), Mode::Picker | Mode::Palette | Mode::FaqFilter)
    }

    /// The one place state changes: takes in an action, and returns what it
    /// asks of the outside world, in order (the terminal loop carries it out).
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let answers = (self.wizard.answers.clone(), self.wizard.importance.clone());
        self.handle(action);
        if (&answers.0, &answers.1) != (&self.wizard.answers, &self.wizard.importance) {
            self.effects.push(Effect::SaveAnswers);
        }
        std::mem::take(&mut self.effects)
    }

    fn handle(&mut self, action: Action) {
        if !matches!(action, Action::Found(_) | Action::SearchSent { .. } | Action::Notice(_)) {
            self.status = None;
        }
        match action {
            Action::Status(text) => self.status = Some(text),
            Action::Quit => self.effects.push(Effect::Quit),
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::Notice(notice) => self.wizard.notice = Some(notice),
            Action::Found(results) => self.found(results),
            Action::SearchSent { target, generation } => {
                if let Some(line) = self.line_mut(target) {
                    line.sent = line.sent.max(generation);
                }
            }
            Action::Listed(more) => self.listed(more, true),
            Action::Listing(more) => self.listed(more, false),
            Action::ContentFound { query, found, skipped } => {
                if let Some(picker) = self.overlays.picker_mut() {
                    picker.content_found(query, found, skipped);
                }
            }
            Action::Ask { title, options } => {
                self.overlays.close(Kind::Help);
                self.overlays.open(Overlay::Choose(Choice { title, options, selected: 0 }));
            }
            action => match self.mode() {
                Mode::Choose => self.in_choice(action),
                Mode::Picker => self.in_picker(action),
                Mode::Palette => self.in_palette(action),
                Mode::FaqFilter => self.in_faq_filter(action),
                Mode::Help => self.in_help(action),
                Mode::Wizard => match action {
                    Action::Wizard(crate::wizard::WizardAction::Together) if self.together.is_empty() => {
                        self.status = Some(format!(
                            "No one else's answers to decide with: start versus with --with FILE (answer files \
                             written with {} or versus decide --format answers).",
                            self.keys.wizard_key(crate::wizard::WizardAction::ExportAnswers)
                        ));
                    }
                    Action::Wizard(w) => {
                        let request = self.wizard.apply(w, &self.data.wizard.questions);
                        self.effects.extend(request.map(|r| match r {
                            crate::wizard::Request::WriteRecord => Effect::WriteRecord,
                            crate::wizard::Request::CopyResult => Effect::CopyResult,
                            crate::wizard::Request::ExportAnswers => Effect::ExportAnswers,
                        }));
                    }
                    Action::Scroll { by, max } => {
                        self.wizard.scroll = self.wizard.scroll.saturating_add_signed(by).min(max)
                    }
                    other => self.browse(other),
                },
                Mode::Expanded | Mode::Browse => self.browse(action),
            },
        }
    }

    fn listed(&mut self, more: Vec<crate::catalogue::Listed>, done: bool) {
        let Some(picker) = self.overlays.picker_mut() else { return };
        picker.add(more, done, &self.origin);
        if done && std::mem::take(&mut picker.accept_when_listed) {
            self.in_picker(Action::Line(LineAction::Accept));
        } else {
            self.search_contents_if_wanted();
        }
    }

    /// Takes up the answers saved last time (`when`: the date they were
    /// saved), saying so in the wizard's notice with the key that starts over.
    pub(crate) fn restore_answers(
        &mut self,
        answers: Vec<Option<usize>>,
        importance: Vec<crate::wizard::Importance>,
        when: Option<&str>,
    ) {
        let when = when.map_or_else(|| "last time".to_string(), |w| format!("of {w}"));
        let start_over = self.keys.wizard_key(crate::wizard::WizardAction::Restart);
        let notice = match answers.iter().flatten().count() {
            1 => format!("Your answer {when} is back; {start_over} starts over."),
            n => format!("Your {n} answers {when} are back; {start_over} starts over."),
        };
        self.wizard.restore(answers, importance, notice);
    }

    /// Adds a sentence to the wizard's notice (saved answers set aside, say).
    pub(crate) fn add_notice(&mut self, notice: String) {
        self.wizard.notice = Some(match self.wizard.notice.take() {
            Some(before) => format!("{before} {notice}"),
            None => notice,
        });
    }

    /// A watched file changed but does not load: the banner says why, above
    /// the last good version, naming the file by its name (the whole path
    /// would crowd out the message).
    pub(crate) fn not_reloaded(&mut self, path: &std::path::Path, error: &crate::data::LoadError) {
        let full = crate::data::printable(&path.display().to_string());
        let name = path.file_name().map_or_else(|| full.clone(), |n| crate::data::printable(&n.to_string_lossy()));
        self.banner = Some(crate::catalogue::one_line(error).replacen(&full, &name, 1));
        // The banner says it; an older "Reloaded" must not contradict it.
        self.status = None;
    }

    /// The selected entry's place, which an effect asked for now keeps even if the selection moves on.
    fn place(&self) -> crate::tab::Place {
        crate::tab::Place { tab: self.tab, entry: self.state().selected }
    }

    /// Asks for the contents to be searched when no comparison's name
    /// matches the picker's query (once per query).
    fn search_contents_if_wanted(&mut self) {
        let Some(picker) = self.overlays.picker_mut() else { return };
        let Some(query) = picker.wants_content_search() else { return };
        picker.content = Content::Searching(query.clone());
        let names: Vec<crate::catalogue::Named> =
            picker.listed.iter().flatten().filter(|l| l.content.is_ok()).map(|l| l.named.clone()).collect();
        self.effects.push(Effect::SearchContents(query, names));
    }

    /// While the picker is open, nothing else happens.
    fn in_picker(&mut self, action: Action) {
        let Some(picker) = self.overlays.picker_mut() else { return };
        match action {
            // Typed ahead of the listing (Ctrl-O, ↑, Enter in one breath): done once it is listed.
            Action::Line(LineAction::Accept) if picker.listed.is_none() => picker.accept_when_listed = true,
            Action::Line(LineAction::Accept) => match picker.chosen() {
                None => {}
                Some(listed) => match &listed.content {
                    Ok(_) if listed.named.origin() == self.origin => self.overlays.close(Kind::Picker),
                    Ok(_) => {
                        self.effects.push(Effect::Open(listed.named.clone()));
                        self.overlays.close(Kind::Picker);
                    }
                    Err(e) => self.status = Some(format!("{} cannot be opened: {e}", listed.named.name)),
                },
            },
            Action::Line(LineAction::Cancel) | Action::Picker => self.overlays.close(Kind::Picker),
            Action::Line(edit) => {
                picker.edit(&edit);
                self.search_contents_if_wanted();
            }
            Action::Move(by) => picker.move_by(by),
            Action::First => picker.move_by(isize::MIN),
            Action::Last => picker.move_by(isize::MAX),
            _ => {}
        }
    }

    /// While a question is asked: move, choose (its effect is asked for), or close.
    fn in_choice(&mut self, action: Action) {
        let Some(choice) = self.overlays.choice_mut() else { return };
        let last = choice.options.len().saturating_sub(1);
        match action {
            Action::Move(by) => choice.selected = choice.selected.saturating_add_signed(by).min(last),
            Action::First => choice.selected = 0,
            Action::Last => choice.selected = last,
            Action::Select(i) => choice.selected = i.min(last),
            Action::ToggleExpand => {
                let chosen = choice.options.get(choice.selected).map(|(_, effect)| effect.clone());
                self.overlays.close(Kind::Choose);
                self.effects.extend(chosen);
            }
            Action::Back => self.overlays.close(Kind::Choose),
            _ => {}
        }
    }

    /// While the palette is open, nothing else happens.
    fn in_palette(&mut self, action: Action) {
        if let Action::Line(LineAction::Accept) = action {
            return self.jump_to_palette_hit();
        }
        if let Action::Line(LineAction::Cancel) = action {
            return self.overlays.close(Kind::Palette);
        }
        let Some((line, selected)) = self.overlays.palette_mut() else { return };
        let last = line.hits.len().saturating_sub(1);
        match action {
            Action::Line(edit) => line.edit(&edit),
            Action::Move(by) => *selected = selected.saturating_add_signed(by).min(last),
            Action::First => *selected = 0,
            Action::Last => *selected = last,
            _ => {}
        }
    }

    /// While the FAQ filter's line has the keyboard, only it and the list listen.
    fn in_faq_filter(&mut self, action: Action) {
        match action {
            Action::Line(LineAction::Accept) => self.faq_editing = false,
            Action::Line(LineAction::Cancel) => self.clear_faq_filter(),
            Action::Line(edit) => self.faq_search.iter_mut().for_each(|l| l.edit(&edit)),
            Action::Move(by) => self.select(self.state().selected.saturating_add_signed(by)),
            Action::First => self.select(0),
            Action::Last => self.select(usize::MAX),
            Action::Select(i) => self.select(i),
            _ => {}
        }
    }

    /// While help is shown, it is the only thing on screen that listens.
    fn in_help(&mut self, action: Action) {
        match action {
            Action::Back | Action::ToggleHelp => self.overlays.close(Kind::Help),
            Action::Scroll { by, max } => {
                if let Some(scroll) = self.overlays.help_scroll_mut() {
                    *scroll = scroll.saturating_add_signed(by).min(max);
                }
            }
            _ => {}
        }
    }

    /// A tab's list and detail, or an open entry.
    fn browse(&mut self, action: Action) {
        match action {
            Action::Palette => self.open_palette(),
            Action::Picker => {
                self.overlays.close(Kind::Help);
                self.overlays.open(Overlay::Picker(Picker::default()));
                self.effects.push(Effect::ListComparisons);
            }
            Action::Search if self.tab == Tab::Faq => {
                self.overlays.close(Kind::Expanded);
                self.faq_editing = true;
                self.faq_search.get_or_insert_with(SearchLine::default);
            }
            Action::Search => self.open_palette(),
            Action::Back if self.expanded() => self.close_expanded(),
            Action::Back if self.tab == Tab::Faq && self.faq_search.is_some() => self.clear_faq_filter(),
            // Esc closes things; with nothing open it does nothing (q quits).
            Action::Back => {}
            Action::ToggleHelp => self.overlays.open(Overlay::Help { scroll: 0 }),
            Action::NextTab => self.go_to(self.tab.next()),
            Action::PreviousTab => self.go_to(self.tab.previous()),
            Action::GoToTab(tab) => self.go_to(tab),
            Action::Pane(dir) => self.pane(dir),
            Action::OpenLink => self.effects.push(Effect::OpenLink(self.place())),
            Action::Copy => self.effects.push(Effect::Copy(self.place())),
            Action::Move(by) => self.select(self.state().selected.saturating_add_signed(by)),
            Action::First => self.select(0),
            Action::Last => self.select(usize::MAX),
            Action::Select(i) => {
                self.select(i);
                self.state_mut().detail_focused = false;
            }
            Action::ToggleExpand if self.expanded() => self.close_expanded(),
            Action::ToggleExpand | Action::Scroll { .. } if self.tab == Tab::ProsCons => {
                self.status = Some("Pros and cons are shown whole here; ←→ move between subjects.".into())
            }
            // Pros/Cons items are shown whole already; the wizard has pages of its own.
            Action::ToggleExpand
                if self.entry_count(self.tab) > 0 && self.tab != Tab::ProsCons && self.mode() != Mode::Wizard =>
            {
                self.overlays.open(Overlay::Expanded);
                self.state_mut().scroll = 0;
            }
            Action::Scroll { by, max } => {
                let state = self.state_mut();
                state.scroll = state.scroll.saturating_add_signed(by).min(max);
            }
            _ => {}
        }
    }

    fn found(&mut self, results: Results) {
        let target = results.target;
        let Some(line) = self.line_mut(target) else { return };
        if !line.receive(results) {
            return;
        }
        match target {
            Target::Faq => self.states[Tab::Faq.index()] = TabState::default(),
            Target::Palette => {
                if let Some((_, selected)) = self.overlays.palette_mut() {
                    *selected = 0;
                }
            }
        }
    }

    /// Opens the palette; over an FAQ filter, with its query, so a filter
    /// that found no question leads on to the rest of the comparison.
    fn open_palette(&mut self) {
        self.overlays.close(Kind::Help);
        let carried = self.faq_search.as_ref().filter(|_| self.tab == Tab::Faq).map(|l| l.query.clone());
        let line = carried.map_or_else(SearchLine::default, |q| SearchLine::with_query(&q));
        self.overlays.open(Overlay::Palette { line, selected: 0 });
    }

    fn clear_faq_filter(&mut self) {
        // Keep the selected question selected in the full list.
        let entry = self.faq_entry(self.states[Tab::Faq.index()].selected).unwrap_or(0);
        self.faq_search = None;
        self.faq_editing = false;
        self.states[Tab::Faq.index()] = TabState { selected: entry, ..TabState::default() };
    }

    fn jump_to_palette_hit(&mut self) {
        let hit = self.overlays.palette().and_then(|(l, selected)| l.hits.get(selected)).map(|h| h.index as usize);
        self.overlays.close(Kind::Palette);
        let Some(place) = hit.and_then(|i| self.corpora.found.get(i)).map(|f| f.place) else { return };
        if place.tab == Tab::Faq {
            // The entry is numbered in the full list, so any filter goes.
            self.faq_search = None;
            self.faq_editing = false;
        }
        self.go_to(place.tab);
        self.states[place.tab.index()] = TabState { selected: place.entry, ..TabState::default() };
    }

    fn go_to(&mut self, tab: Tab) {
        if self.tab == Tab::Decide && tab != Tab::Decide {
            self.wizard.left();
        }
        self.tab = tab;
        self.overlays.close(Kind::Expanded);
    }

    /// ←/→: the Pros/Cons column beside this one, or between a list and its detail.
    fn pane(&mut self, dir: isize) {
        if self.expanded() || self.on_wizard() {
            return;
        }
        if self.tab == Tab::ProsCons {
            if let Some(i) = self.entries.pros_cons_beside(self.state().selected, dir) {
                self.select(i);
            }
        } else if self.entry_count(self.tab) > 0 {
            self.state_mut().detail_focused = dir > 0;
        }
    }

    fn close_expanded(&mut self) {
        self.overlays.close(Kind::Expanded);
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

    /// The FAQ entries in list order: the filter's hits, or all of them.
    pub fn faq_entry(&self, row: usize) -> Option<usize> {
        match &self.faq_search {
            Some(line) => line.hits.get(row).map(|h| h.index as usize),
            None => (row < self.data.faq.len()).then_some(row),
        }
    }

    fn line_mut(&mut self, target: Target) -> Option<&mut SearchLine> {
        match target {
            Target::Faq => self.faq_search.as_mut(),
            Target::Palette => self.overlays.palette_mut().map(|(line, _)| line),
        }
    }

    /// True while some shown results are for an older query.
    pub fn searching(&self) -> bool {
        [self.faq_search.as_ref(), self.palette()].into_iter().flatten().any(SearchLine::pending)
    }

    /// A search that needs running: a query line whose newest query has not
    /// been handed to a searcher yet.
    pub(crate) fn search_request(&self) -> Option<SearchRequest> {
        [(Target::Palette, self.palette()), (Target::Faq, self.faq_search.as_ref())].into_iter().find_map(
            |(target, line)| {
                let line = line?;
                (line.sent < line.generation).then(|| SearchRequest {
                    target,
                    generation: line.generation,
                    query: line.query.clone(),
                })
            },
        )
    }

    /// Hands every pending search to `run`, which returns its results at once
    /// or `None` when it took the search elsewhere (the search thread, whose
    /// results come back as [`Action::Found`]). True when any results were taken in.
    pub fn run_searches(&mut self, mut run: impl FnMut(SearchRequest) -> Option<Results>) -> bool {
        let mut any = false;
        while let Some(request) = self.search_request() {
            self.update(Action::SearchSent { target: request.target, generation: request.generation });
            if let Some(results) = run(request) {
                self.update(Action::Found(results));
                any = true;
            }
        }
        any
    }

    /// Runs every pending search here and now, on this thread: what tests,
    /// screenshots and small data use.
    pub fn settle(&mut self) {
        let corpora = Arc::clone(&self.corpora);
        self.run_searches(|request| request.run(&corpora, &|| false));
    }

    /// Types `text` into the open search line and waits for its results.
    pub fn type_query(&mut self, text: &str) {
        for c in text.chars() {
            self.update(Action::Line(LineAction::Type(c)));
        }
        self.settle();
    }

    pub fn state(&self) -> TabState {
        self.states[self.tab.index()]
    }

    fn state_mut(&mut self) -> &mut TabState {
        &mut self.states[self.tab.index()]
    }

    /// How many selectable entries `tab` has (0 for a tab that only scrolls).
    pub fn entry_count(&self, tab: Tab) -> usize {
        match (tab, &self.faq_search) {
            (Tab::Faq, Some(filter)) => filter.hits.len(),
            _ => self.entries.count(tab),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wizard::{Importance, WizardAction, WizardPage};

    fn app() -> App {
        App::new(crate::data::default_comparison().expect("default data"))
    }

    #[test]
    fn tabs_cycle_both_ways_and_remember_their_selection() {
        let mut app = app();
        app.update(Action::Move(3));
        app.update(Action::PreviousTab);
        assert_eq!(app.tab, Tab::Overview);
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
        let last = app.data.faq.len() - 1;
        app.update(Action::Move(1000));
        assert_eq!(app.state().selected, last);
        app.update(Action::First);
        assert_eq!(app.state().selected, 0);
        app.update(Action::Last);
        assert_eq!(app.state().selected, last);
    }

    #[test]
    fn back_closes_help_then_expanded_and_never_quits() {
        let mut app = app();
        app.update(Action::ToggleExpand);
        app.update(Action::ToggleHelp);
        assert_eq!(app.update(Action::Back), []);
        assert!(!app.overlays.is_open(Kind::Help) && app.expanded());
        assert_eq!(app.update(Action::Back), []);
        assert!(!app.expanded());
        for tab in Tab::ALL {
            app.update(Action::GoToTab(tab));
            assert_eq!(app.update(Action::Back), [], "Esc with nothing open on {tab:?}");
        }
    }

    #[test]
    fn two_effects_in_one_batch_both_happen_each_for_the_entry_it_was_asked_on() {
        // o, j, c typed fast: the link of the first entry opens and the second is copied.
        let mut app = app();
        app.update(Action::GoToTab(Tab::Overview));
        let first = app.state().selected;
        let mut asked = app.update(Action::OpenLink);
        asked.extend(app.update(Action::Move(1)));
        asked.extend(app.update(Action::Copy));
        let at = |entry| crate::tab::Place { tab: Tab::Overview, entry };
        assert_eq!(asked, [Effect::OpenLink(at(first)), Effect::Copy(at(first + 1))]);
    }

    #[test]
    fn a_changed_answer_asks_to_be_saved_and_nothing_else_does() {
        let mut app = app();
        app.update(Action::GoToTab(Tab::Decide));
        assert_eq!(app.update(Action::Wizard(crate::wizard::WizardAction::Cursor(1))), []);
        assert_eq!(app.update(Action::Wizard(crate::wizard::WizardAction::Pick)), [Effect::SaveAnswers]);
        assert_eq!(app.update(Action::Wizard(crate::wizard::WizardAction::Importance(true))), [Effect::SaveAnswers]);
    }

    #[test]
    fn restored_answers_are_counted_in_words_with_the_date_and_the_key_that_starts_over() {
        let mut app = app();
        let n = app.data.wizard.questions.len();
        let normal = vec![crate::wizard::Importance::Normal; n];
        let mut answers = vec![None; n];
        answers[0] = Some(0);
        app.restore_answers(answers.clone(), normal.clone(), None);
        let notice = app.wizard.notice.clone().unwrap_or_default();
        assert!(notice.starts_with("Your answer last time is back; ") && notice.ends_with(" starts over."), "{notice}");
        answers[1] = Some(0);
        app.restore_answers(answers, normal, Some("2026-12-06 10:00 UTC"));
        let notice = app.wizard.notice.clone().unwrap_or_default();
        assert!(notice.starts_with("Your 2 answers of 2026-12-06 10:00 UTC are back"), "{notice}");
        app.add_notice("Another sentence.".into());
        assert!(app.wizard.notice.as_deref().is_some_and(|n| n.ends_with("starts over. Another sentence.")));
    }

    #[test]
    fn help_swallows_everything_but_closing_and_quitting() {
        let mut app = app();
        app.update(Action::ToggleHelp);
        app.update(Action::NextTab);
        app.update(Action::Move(2));
        assert_eq!((app.tab, app.state().selected), (Tab::Features, 0));
        assert_eq!(app.update(Action::Quit), [Effect::Quit]);
    }

    /// Answers question by question: `choices[i]` is the option to pick (by moving to it).
    fn answer(app: &mut App, choices: &[usize]) {
        for &c in choices {
            app.update(Action::Wizard(WizardAction::Cursor(-99)));
            app.update(Action::Wizard(WizardAction::Cursor(c as isize)));
            app.update(Action::Wizard(WizardAction::Pick));
        }
    }

    #[test]
    fn the_wizard_walks_through_questions_answers_and_result() {
        let mut app = app();
        app.update(Action::GoToTab(Tab::Decide));
        let n = app.data.wizard.questions.len();
        assert_eq!(app.wizard.page, WizardPage::Question(0));
        answer(&mut app, &[2]);
        assert_eq!((app.wizard.answers[0], app.wizard.page), (Some(2), WizardPage::Question(1)));
        answer(&mut app, &[1]);
        app.update(Action::Wizard(WizardAction::Skip));
        assert_eq!(
            (app.wizard.answers[2], app.wizard.skipped[2], app.wizard.page),
            (None, true, WizardPage::Question(3))
        );
        app.update(Action::Wizard(WizardAction::Back));
        app.update(Action::Wizard(WizardAction::Back));
        assert_eq!((app.wizard.page, app.wizard.cursor), (WizardPage::Question(1), 1), "back shows the answer given");
        for _ in 1..n {
            app.update(Action::Wizard(WizardAction::Forward));
        }
        assert_eq!(app.wizard.page, WizardPage::Answers, "after the last question, the answers");
        app.update(Action::Wizard(WizardAction::Cursor(1)));
        app.update(Action::Wizard(WizardAction::Pick));
        assert_eq!(app.wizard.page, WizardPage::Question(1), "Enter on an answer goes to change it");
        answer(&mut app, &[0]);
        assert_eq!(app.wizard.answers[1], Some(0));
        assert_eq!((app.wizard.page, app.wizard.cursor), (WizardPage::Answers, 1), "and comes back to the answers");
        app.update(Action::Wizard(WizardAction::Result));
        assert_eq!(app.wizard.page, WizardPage::Result);
    }

    #[test]
    fn starting_over_asks_and_can_be_undone_until_the_tab_is_left() {
        let mut app = app();
        app.update(Action::GoToTab(Tab::Decide));
        answer(&mut app, &[0, 1, 0]);
        let given = app.wizard.answers.clone();
        app.update(Action::Wizard(WizardAction::Restart));
        assert!(app.wizard.confirming && app.wizard.answers == given, "nothing is cleared before yes");
        app.update(Action::Wizard(WizardAction::Confirm(false)));
        assert!(!app.wizard.confirming && app.wizard.answers == given, "no keeps the answers");
        app.update(Action::Wizard(WizardAction::Restart));
        app.update(Action::Wizard(WizardAction::Confirm(true)));
        assert_eq!(app.wizard.answered(), 0);
        app.update(Action::Wizard(WizardAction::Undo));
        assert_eq!(app.wizard.answers, given, "undo brings them back");
        app.update(Action::Wizard(WizardAction::Restart));
        app.update(Action::Wizard(WizardAction::Confirm(true)));
        app.update(Action::GoToTab(Tab::Faq));
        app.update(Action::GoToTab(Tab::Decide));
        app.update(Action::Wizard(WizardAction::Undo));
        assert_eq!(app.wizard.answered(), 0, "leaving the tab ends the undo");
    }

    #[test]
    fn restored_answers_are_taken_up_and_importance_steps() {
        let mut app = app();
        let n = app.wizard.answers.len();
        let mut saved = vec![None; n];
        saved[0] = Some(2);
        let mut levels = vec![Importance::Normal; n];
        levels[0] = Importance::High;
        app.wizard.restore(saved.clone(), levels, "Your answers from yesterday are back.".into());
        assert_eq!((app.wizard.answers.clone(), app.wizard.page), (saved, WizardPage::Answers));
        app.update(Action::GoToTab(Tab::Decide));
        app.update(Action::Wizard(WizardAction::Importance(false)));
        assert_eq!(app.wizard.importance[0], Importance::Normal, "the highlighted question matters less");
    }

    #[test]
    fn wizard_actions_do_nothing_off_the_decide_tab_or_under_help() {
        let mut app = app();
        app.update(Action::Wizard(WizardAction::Pick));
        assert_eq!(app.wizard.answers[0], None);
        app.update(Action::GoToTab(Tab::Decide));
        app.update(Action::ToggleHelp);
        app.update(Action::Wizard(WizardAction::Pick));
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

    #[test]
    fn a_reload_keeps_the_tab_the_selections_and_the_answers_that_still_exist() {
        let mut app = app();
        app.update(Action::GoToTab(Tab::Faq));
        app.update(Action::Move(5));
        app.update(Action::GoToTab(Tab::Features));
        app.update(Action::Move(3));
        app.wizard.answers[0] = Some(1);
        app.wizard.answers[1] = Some(0);
        app.wizard.importance[1] = Importance::High;
        let mut next = app.data.clone();
        next.title = "Django vs Flask, revised".into();
        // The FAQ shrinks below the selection; the first question goes; the second moves to the end.
        next.faq.truncate(3);
        let first = next.wizard.questions.remove(0);
        let second = next.wizard.questions.remove(0);
        next.wizard.questions.push(second);
        let said = app.reload(next.clone());
        assert!(said.contains("1 answer set aside"), "{said}");
        assert_eq!(app.data.title.as_str(), "Django vs Flask, revised");
        assert_eq!((app.tab, app.state().selected), (Tab::Features, 3));
        assert_eq!(app.states[Tab::Faq.index()].selected, 2, "clamped to the shorter list");
        // An entry inserted above the selection: the selection follows its entry down.
        let selected_question = app.data.faq[1].question.clone();
        app.update(Action::GoToTab(Tab::Faq));
        app.update(Action::First);
        app.update(Action::Move(1));
        let mut inserted = app.data.clone();
        inserted.faq.insert(0, inserted.faq[2].clone());
        inserted.faq[0].question = "A new first question?".into();
        app.reload(inserted);
        assert_eq!(app.data.faq[app.state().selected].question, selected_question);
        app.update(Action::GoToTab(Tab::Features));
        let last = app.wizard.answers.len() - 1;
        assert_eq!(app.wizard.answers[last], Some(0), "the answer followed its question");
        assert_eq!(app.wizard.importance[last], Importance::High);
        assert_eq!(app.lost_answers.len(), 1, "the removed question's answer is kept aside");
        // The next version brings the question back, and its answer with it.
        next.wizard.questions.insert(0, first);
        app.reload(next);
        assert_eq!(app.wizard.answers[0], Some(1));
        assert!(app.lost_answers.is_empty());
    }

    #[test]
    fn a_reload_searches_again_in_the_new_data() {
        let mut app = app();
        app.update(Action::Palette);
        app.type_query("admin");
        assert!(!app.palette().unwrap().hits.is_empty());
        let mut next = app.data.clone();
        next.features.retain(|r| !r.name.to_lowercase().contains("admin"));
        app.reload(next);
        let line = app.palette().unwrap();
        assert_eq!(line.query, "admin");
        assert!(line.hits.is_empty() && app.search_request().is_some(), "old hits dropped, a new search due");
        app.settle();
        assert!(!app.palette().unwrap().hits.is_empty());
    }

    #[test]
    fn a_picker_query_no_name_matches_searches_the_contents_once_and_lists_what_they_found() {
        use crate::catalogue::{Kind, Listed, Named, Summary};
        let listed = |name: &str| Listed {
            named: Named { name: name.into(), kind: Kind::User, path: None },
            content: Ok(Summary { title: name.into(), subjects: vec![] }),
            shadowed: false,
        };
        let mut app = app();
        app.update(Action::Picker);
        app.update(Action::Listed(vec![listed("rust-vs-go"), listed("vue-vs-react")]));
        let mut effects = Vec::new();
        for c in "goroutine".chars() {
            effects.extend(app.update(Action::Line(LineAction::Type(c))));
        }
        // Asked for each query that names nothing ("g" and "go" name rust-vs-go), the last one last.
        let asked: Vec<&String> = effects
            .iter()
            .filter_map(|e| match e {
                Effect::SearchContents(q, names) => {
                    assert_eq!(names.len(), 2);
                    Some(q)
                }
                _ => None,
            })
            .collect();
        assert!(asked.last().is_some_and(|q| *q == "goroutine"), "{asked:?}");
        assert_eq!(app.picker().unwrap().content, Content::Searching("goroutine".into()));
        // A stale answer (another query) changes nothing; the right one lists what was found.
        app.update(Action::ContentFound {
            query: "gorout".into(),
            found: vec![("vue-vs-react".into(), 1)],
            skipped: 0,
        });
        assert!(app.picker().unwrap().shown.is_empty());
        app.update(Action::ContentFound {
            query: "goroutine".into(),
            found: vec![("rust-vs-go".into(), 3)],
            skipped: 1,
        });
        let picker = app.picker().unwrap();
        assert_eq!(picker.chosen().map(|l| l.named.name.as_str()), Some("rust-vs-go"));
        assert_eq!(picker.content_hits("rust-vs-go"), Some(3));
        // A query a name matches asks for nothing, and lists by name again.
        app.update(Action::Line(LineAction::Clear));
        let mut effects = Vec::new();
        for c in "vue".chars() {
            effects.extend(app.update(Action::Line(LineAction::Type(c))));
        }
        assert_eq!(effects, []);
        assert_eq!(app.picker().unwrap().chosen().map(|l| l.named.name.as_str()), Some("vue-vs-react"));
    }

    #[test]
    fn the_picker_takes_the_listing_as_it_comes_and_keys_typed_ahead_of_it() {
        use crate::catalogue::{Kind, Listed, Named, Summary};
        let listed = |name: &str| Listed {
            named: Named { name: name.into(), kind: Kind::User, path: None },
            content: Ok(Summary { title: name.into(), subjects: vec![] }),
            shadowed: false,
        };
        let mut app = app();
        app.origin = "b".into();
        app.update(Action::Picker);
        // Ctrl-O, ↑, Enter before anything is listed: ↑ from the open comparison, Enter once all is listed.
        app.update(Action::Move(-1));
        app.update(Action::Line(LineAction::Accept));
        app.update(Action::Listing(vec![listed("a"), listed("b")]));
        let picker = app.picker().expect("still open while listing");
        assert_eq!((picker.selected, picker.done), (0, false), "↑ from b is a");
        let asked = app.update(Action::Listed(vec![listed("c")]));
        assert!(app.picker().is_none());
        assert!(matches!(&asked[..], [Effect::Open(n)] if n.name == "a"), "{asked:?}");

        // A highlight the user moved stays on its entry as more arrive.
        let mut app = self::app();
        app.update(Action::Picker);
        app.update(Action::Listing(vec![listed("a"), listed("b")]));
        app.update(Action::Move(1));
        app.update(Action::Listing(vec![listed("c")]));
        app.update(Action::Listed(vec![]));
        assert_eq!(app.picker().and_then(|p| p.chosen()).map(|l| l.named.name.as_str()), Some("b"));
    }

    #[test]
    fn a_question_asks_for_the_effect_of_the_answer_chosen_and_esc_asks_for_none() {
        let mut app = app();
        let options = vec![
            ("docs/decisions/0002-x.md".to_string(), Effect::WriteRecordTo("docs/decisions/0002-x.md".into())),
            ("./decision-x.md (here)".to_string(), Effect::WriteRecordTo("./decision-x.md".into())),
        ];
        let ask = || Action::Ask { title: "Write the decision record to".into(), options: options.clone() };
        assert!(app.update(ask()).is_empty());
        assert_eq!(app.mode(), Mode::Choose);
        assert!(app.update(Action::Move(5)).is_empty(), "moving asks nothing");
        assert!(app.update(Action::NextTab).is_empty() && app.tab == Tab::Features, "other keys wait");
        assert_eq!(app.update(Action::ToggleExpand), [Effect::WriteRecordTo("./decision-x.md".into())]);
        assert_eq!(app.mode(), Mode::Browse);
        app.update(ask());
        assert!(app.update(Action::Back).is_empty());
        assert_eq!(app.mode(), Mode::Browse, "Esc closes it, asking for nothing");
    }

    #[test]
    fn the_picker_filters_and_asks_for_the_chosen_comparison() {
        use crate::catalogue::{Kind, Listed, Named, Summary};
        let listed = |name: &str, title: &str, kind| Listed {
            named: Named { name: name.into(), kind, path: None },
            content: Ok(Summary { title: title.into(), subjects: vec![] }),
            shadowed: false,
        };
        let mut app = app();
        assert_eq!(app.update(Action::Picker), [Effect::ListComparisons]);
        assert_eq!(app.mode(), Mode::Picker);
        let broken = Listed { content: Err("x.ron:1:2: oops".into()), ..listed("broken", "", Kind::User) };
        app.update(Action::Listed(vec![
            listed("django-vs-flask", "Django vs Flask", Kind::Shipped),
            listed("rust-vs-go", "Rust vs Go", Kind::User),
            broken,
        ]));
        assert_eq!(app.picker().unwrap().selected, 0, "starts on the comparison on screen");
        app.update(Action::Move(2));
        app.update(Action::Line(LineAction::Accept));
        assert!(app.status.as_ref().is_some_and(|s| s.contains("oops")) && app.picker().is_some());
        for c in "rust".chars() {
            app.update(Action::Line(LineAction::Type(c)));
        }
        assert_eq!(app.picker().unwrap().shown, [1]);
        for query in ["^Rust", "rust-vs-go$", "^rust-vs-go$"] {
            app.update(Action::Line(LineAction::Clear));
            for c in query.chars() {
                app.update(Action::Line(LineAction::Type(c)));
            }
            assert_eq!(app.picker().unwrap().shown, [1], "{query}");
        }
        let asked = app.update(Action::Line(LineAction::Accept));
        assert!(app.picker().is_none());
        assert!(matches!(&asked[..], [Effect::Open(n)] if n.name == "rust-vs-go"), "{asked:?}");
    }

    fn brewing() -> App {
        let c =
            crate::data::load_str(include_str!("../../tests/fixtures/brewing.ron"), "brewing.ron").expect("fixture");
        App::new(c)
    }

    /// Someone who answered every brewing question with its first option.
    fn ann(app: &App) -> crate::wizard::Member {
        let n = app.data.wizard.questions.len();
        crate::wizard::Member { name: "ann".into(), answers: vec![Some(0); n], importance: vec![Importance::Normal; n] }
    }

    #[test]
    fn together_without_other_people_says_how_to_bring_them_and_stays() {
        let mut app = brewing();
        app.update(Action::GoToTab(Tab::Decide));
        assert_eq!(app.update(Action::Wizard(WizardAction::Together)), []);
        assert_eq!(app.wizard.page, WizardPage::Question(0));
        assert!(app.status.as_deref().is_some_and(|s| s.contains("--with FILE")), "{:?}", app.status);
        assert!(app.group().is_none());
    }

    #[test]
    fn the_group_takes_you_in_with_your_first_answer_and_follows_your_changes() {
        let mut app = brewing();
        app.together = vec![ann(&app)];
        app.update(Action::GoToTab(Tab::Decide));
        app.update(Action::Wizard(WizardAction::Together));
        assert_eq!(app.wizard.page, WizardPage::Together);
        let names = |app: &App| app.group().map(|g| g.members.iter().map(|m| m.name.clone()).collect::<Vec<_>>());
        assert_eq!(names(&app), Some(vec!["ann".to_string()]), "no answers yet: not one of the people");
        // Enter on the highlighted question opens it; choosing comes back to Together.
        app.update(Action::Wizard(WizardAction::Pick));
        assert_eq!(app.wizard.page, WizardPage::Question(0));
        app.update(Action::Wizard(WizardAction::Cursor(1)));
        app.update(Action::Wizard(WizardAction::Pick));
        assert_eq!(app.wizard.page, WizardPage::Together);
        assert_eq!(names(&app), Some(vec!["ann".to_string(), YOU.to_string()]));
        let g = app.group().expect("a group");
        assert_eq!(g.disagreements.len(), 1, "you and ann differ on the first question only");
        // Importance keys change yours, and the group follows.
        app.update(Action::Wizard(WizardAction::Importance(true)));
        assert_eq!(app.group().expect("a group").members[1].importance[0], Importance::High);
        // b goes back to your own result.
        app.update(Action::Wizard(WizardAction::Back));
        assert_eq!(app.wizard.page, WizardPage::Result);
    }

    #[test]
    fn the_result_and_together_pages_ask_for_an_answer_file() {
        let mut app = brewing();
        app.update(Action::GoToTab(Tab::Decide));
        assert_eq!(app.update(Action::Wizard(WizardAction::ExportAnswers)), [], "not on a question page");
        app.update(Action::Wizard(WizardAction::Result));
        assert_eq!(app.update(Action::Wizard(WizardAction::ExportAnswers)), [Effect::ExportAnswers]);
        app.together = vec![ann(&app)];
        app.update(Action::Wizard(WizardAction::Together));
        assert_eq!(app.update(Action::Wizard(WizardAction::ExportAnswers)), [Effect::ExportAnswers]);
        assert_eq!(app.update(Action::Wizard(WizardAction::Record)), [Effect::WriteRecord]);
    }

    #[test]
    fn other_peoples_answers_follow_their_ids_through_a_reload() {
        let mut app = brewing();
        app.together = vec![ann(&app)];
        let first = app.data.wizard.questions[0].options[0].id.to_string();
        let mut next = app.data.clone();
        next.wizard.questions.reverse();
        for q in &mut next.wizard.questions {
            q.options.reverse();
        }
        app.reload(next);
        let n = app.data.wizard.questions.len();
        let q = n - 1;
        let o = app.together[0].answers[q].expect("still answered");
        assert_eq!(app.data.wizard.questions[q].options[o].id.as_str(), first);
    }
}
