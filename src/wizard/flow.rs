//! The decision wizard's pages and how the user moves through them: one
//! question at a time, a page of every answer, the result. Pure state over
//! the data's questions; the app routes [`WizardAction`]s here.
//!
//! No key press loses answers: saved answers are taken up at start (see
//! [`WizardState::restore`]), starting over asks first and can be undone
//! until the user leaves the tab.

use super::Importance;
use crate::data::Question;

/// Which page of the decision wizard is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WizardPage {
    Question(usize),
    /// Every answer, to review or change before the result.
    Answers,
    Result,
    /// The group's result beside each person's (`--with` answer files).
    Together,
}

/// What the user asked the wizard to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WizardAction {
    /// Move the highlight among a question's options or the answers.
    Cursor(isize),
    /// Answer with the highlighted option, or, on the answers page, go and
    /// change the highlighted answer.
    Pick,
    Skip,
    Back,
    Forward,
    Answers,
    Result,
    /// Ask to start over (the answers are cleared only on [`WizardAction::Confirm`]).
    Restart,
    /// Yes (true) or no (false) to the question on screen ("Start over?").
    Confirm(bool),
    /// Bring back the answers cleared by starting over.
    Undo,
    /// The current (or highlighted) question matters more (true) or less.
    Importance(bool),
    /// Result page: write the decision record into the current directory.
    Record,
    /// Result page: copy the result, as Markdown, to the clipboard.
    Copy,
    /// Result page: write your answers to a file a colleague can add with `--with`.
    ExportAnswers,
    /// The group's result, with the answer files the app was started with.
    Together,
}

/// Something the wizard asks of the outside world, returned by
/// [`WizardState::apply`]; the app passes it on as an effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    WriteRecord,
    CopyResult,
    ExportAnswers,
}

/// The decision wizard's progress: one slot per question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WizardState {
    pub answers: Vec<Option<usize>>,
    pub importance: Vec<Importance>,
    /// Questions the user chose to skip (as opposed to not reached yet).
    pub skipped: Vec<bool>,
    pub page: WizardPage,
    /// The highlighted option (question page) or question (answers page).
    pub cursor: usize,
    /// Lines the page is scrolled by.
    pub scroll: usize,
    /// Where answering a question returns to, when it was opened to change an answer.
    pub return_to: Option<WizardPage>,
    /// "Start over?" is being asked.
    pub confirming: bool,
    /// The answers and importance that starting over cleared, until the user leaves the tab.
    pub undo: Option<(Vec<Option<usize>>, Vec<Importance>)>,
    /// A one-line notice (answers restored, saved answers set aside, could not save).
    pub notice: Option<String>,
}

impl WizardState {
    pub fn new(questions: usize) -> WizardState {
        WizardState {
            answers: vec![None; questions],
            importance: vec![Importance::Normal; questions],
            skipped: vec![false; questions],
            page: if questions == 0 { WizardPage::Result } else { WizardPage::Question(0) },
            cursor: 0,
            scroll: 0,
            return_to: None,
            confirming: false,
            undo: None,
            notice: None,
        }
    }

    /// Takes up saved answers and importance (one slot per question) and
    /// says so; opens on the result when every question is answered, else on
    /// the answers page.
    pub(crate) fn restore(&mut self, answers: Vec<Option<usize>>, importance: Vec<Importance>, notice: String) {
        if answers.len() != self.answers.len() || answers.iter().all(Option::is_none) {
            return;
        }
        self.answers = answers;
        if importance.len() == self.importance.len() {
            self.importance = importance;
        }
        self.notice = Some(notice);
        let complete = self.answers.iter().all(Option::is_some);
        self.go(if complete { WizardPage::Result } else { WizardPage::Answers });
    }

    /// The same progress for a changed list of questions (the file was edited
    /// and reloaded): answers, importance and skips follow their question and
    /// option ids, the page follows its question. Answers whose question or
    /// option is gone are returned as (question id, option id, importance),
    /// so a later version that brings them back gets them back.
    pub(crate) fn carried_to(
        &self,
        before: &[Question],
        after: &[Question],
        kept: &[(String, String, Importance)],
    ) -> (WizardState, Vec<(String, String, Importance)>) {
        let mut next = WizardState::new(after.len());
        let mut lost = Vec::new();
        let mut given: Vec<(String, Option<String>, Importance, bool)> =
            kept.iter().map(|(q, o, level)| (q.clone(), Some(o.clone()), *level, false)).collect();
        for (i, q) in before.iter().enumerate() {
            let option = self.answers[i].and_then(|o| q.options.get(o)).map(|o| o.id.to_string());
            given.push((q.id.to_string(), option, self.importance[i], self.skipped[i]));
        }
        for (qid, oid, level, skipped) in given {
            let Some(k) = after.iter().position(|q| q.id.as_str() == qid) else {
                if let Some(oid) = oid {
                    lost.push((qid, oid, level));
                }
                continue;
            };
            next.importance[k] = level;
            next.skipped[k] = skipped;
            if let Some(oid) = oid {
                match after[k].options.iter().position(|o| o.id.as_str() == oid) {
                    Some(o) => next.answers[k] = Some(o),
                    None => lost.push((qid, oid, level)),
                }
            }
        }
        let page = match self.page {
            WizardPage::Question(i) => before
                .get(i)
                .and_then(|q| after.iter().position(|a| a.id == q.id))
                .map_or(WizardPage::Answers, WizardPage::Question),
            page => page,
        };
        next.go(if after.is_empty() { WizardPage::Result } else { page });
        next.scroll = self.scroll;
        next.notice = self.notice.clone();
        (next, lost)
    }

    /// Shows `page`, its highlight on the answer given (a question) or the top.
    pub fn go(&mut self, page: WizardPage) {
        self.cursor = match page {
            WizardPage::Question(i) => self.answers.get(i).copied().flatten().unwrap_or(0),
            _ => 0,
        };
        self.page = page;
        self.scroll = 0;
        self.confirming = false;
    }

    /// After question `i`: where the user came from, else the next question,
    /// or the answers once all are seen.
    fn after(&mut self, i: usize) {
        match self.return_to.take() {
            Some(page) => {
                self.go(page);
                self.cursor = i;
            }
            None if i + 1 < self.answers.len() => self.go(WizardPage::Question(i + 1)),
            None => self.go(WizardPage::Answers),
        }
    }

    /// The question the importance keys change: the one asked, or the one highlighted.
    fn current_question(&self) -> Option<usize> {
        match self.page {
            WizardPage::Question(i) => Some(i),
            WizardPage::Answers | WizardPage::Result | WizardPage::Together => Some(self.cursor),
        }
    }

    /// Takes in one of the wizard's actions; what it asks of the outside world
    /// (write the record, copy the result), if anything.
    pub fn apply(&mut self, action: WizardAction, questions: &[Question]) -> Option<Request> {
        let count = questions.len();
        if count == 0 {
            return None;
        }
        if self.confirming {
            if let WizardAction::Confirm(yes) = action {
                self.confirming = false;
                if yes {
                    self.start_over();
                }
            }
            return None;
        }
        match (action, self.page) {
            (WizardAction::Cursor(by), WizardPage::Question(i)) => {
                let options = questions[i].options.len();
                self.cursor = self.cursor.saturating_add_signed(by).min(options.saturating_sub(1));
            }
            (WizardAction::Cursor(by), WizardPage::Answers | WizardPage::Result | WizardPage::Together) => {
                self.cursor = self.cursor.saturating_add_signed(by).min(count - 1);
            }
            (WizardAction::Pick, WizardPage::Question(i)) if self.cursor < questions[i].options.len() => {
                self.answers[i] = Some(self.cursor);
                self.skipped[i] = false;
                self.after(i);
            }
            (WizardAction::Pick, WizardPage::Answers | WizardPage::Result | WizardPage::Together) => {
                let (i, back) = (self.cursor, self.page);
                self.go(WizardPage::Question(i));
                self.return_to = Some(back);
            }
            (WizardAction::Record, WizardPage::Result | WizardPage::Together) => return Some(Request::WriteRecord),
            (WizardAction::Copy, WizardPage::Result | WizardPage::Together) => return Some(Request::CopyResult),
            (WizardAction::ExportAnswers, WizardPage::Result | WizardPage::Together) => {
                return Some(Request::ExportAnswers);
            }
            (WizardAction::Skip, WizardPage::Question(i)) => {
                self.answers[i] = None;
                self.skipped[i] = true;
                self.after(i);
            }
            (WizardAction::Back, WizardPage::Question(i)) => self.go(WizardPage::Question(i.saturating_sub(1))),
            (WizardAction::Back, WizardPage::Answers) => self.go(WizardPage::Question(count - 1)),
            (WizardAction::Back, WizardPage::Result) => self.go(WizardPage::Answers),
            (WizardAction::Back, WizardPage::Together) => self.go(WizardPage::Result),
            (WizardAction::Forward, WizardPage::Question(i)) => {
                self.return_to = None;
                self.after(i);
            }
            (WizardAction::Forward, WizardPage::Answers) => self.go(WizardPage::Result),
            (WizardAction::Answers, _) => self.go(WizardPage::Answers),
            (WizardAction::Result, _) => self.go(WizardPage::Result),
            (WizardAction::Together, _) => self.go(WizardPage::Together),
            (WizardAction::Restart, _) if self.answered() > 0 => self.confirming = true,
            (WizardAction::Undo, _) => {
                if let Some((answers, importance)) = self.undo.take() {
                    self.answers = answers;
                    self.importance = importance;
                    self.notice = Some("Your answers are back.".into());
                    self.go(WizardPage::Answers);
                }
            }
            (WizardAction::Importance(up), _) => {
                if let Some(level) = self.current_question().and_then(|i| self.importance.get_mut(i)) {
                    *level = level.step(up);
                }
            }
            _ => {}
        }
        None
    }

    fn start_over(&mut self) {
        let n = self.answers.len();
        let cleared = (std::mem::replace(&mut self.answers, vec![None; n]), std::mem::take(&mut self.importance));
        self.importance = vec![Importance::Normal; n];
        self.skipped = vec![false; n];
        self.undo = Some(cleared);
        self.notice = Some("Answers cleared. u brings them back until you leave this tab.".into());
        self.return_to = None;
        self.go(WizardPage::Question(0));
    }

    /// Leaving the tab: starting over can no longer be undone, and nothing is asked.
    pub fn left(&mut self) {
        self.undo = None;
        self.confirming = false;
        if self.notice.as_deref().is_some_and(|n| n.starts_with("Answers cleared")) {
            self.notice = None;
        }
    }

    /// How many questions have an answer.
    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }
}
