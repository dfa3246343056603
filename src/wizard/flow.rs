//! The decision wizard's pages and how the user moves through them: one
//! question at a time, a page of every answer, the result. Pure state over
//! the data's questions; the app routes [`WizardAction`]s here.

use crate::data::Question;

/// Which page of the decision wizard is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WizardPage {
    Question(usize),
    /// Every answer, to review or change before the result.
    Answers,
    Result,
}

/// What the user asked the wizard to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WizardAction {
    /// Move the highlight among a question's options or the answers.
    Cursor(isize),
    /// Answer with this option (None: the highlighted one), or, on the
    /// answers page, go and change the highlighted answer.
    Pick(Option<usize>),
    Skip,
    Back,
    Forward,
    Answers,
    Result,
    Restart,
    /// Take up the answers saved last time.
    Resume,
}

/// The decision wizard's progress: one slot per question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WizardState {
    pub answers: Vec<Option<usize>>,
    pub page: WizardPage,
    /// The highlighted option (question page) or question (answers page).
    pub cursor: usize,
    /// Lines the page is scrolled by.
    pub scroll: usize,
    /// Answers saved last time, offered until taken up or set aside.
    pub offer: Option<Vec<Option<usize>>>,
    /// A one-line notice about the saved answers.
    pub notice: Option<String>,
}

impl WizardState {
    pub fn new(questions: usize) -> WizardState {
        WizardState {
            answers: vec![None; questions],
            page: if questions == 0 { WizardPage::Result } else { WizardPage::Question(0) },
            cursor: 0,
            scroll: 0,
            offer: None,
            notice: None,
        }
    }

    /// Offers the answers saved last time, and shows any notice about them.
    pub fn offer(&mut self, answers: Vec<Option<usize>>, notice: Option<String>) {
        let any = answers.iter().any(Option::is_some) && answers.len() == self.answers.len();
        self.offer = any.then_some(answers);
        self.notice = notice;
    }

    /// Shows `page`, its highlight on the answer given (a question) or the top.
    pub fn go(&mut self, page: WizardPage) {
        self.cursor = match page {
            WizardPage::Question(i) => self.answers.get(i).copied().flatten().unwrap_or(0),
            _ => 0,
        };
        self.page = page;
        self.scroll = 0;
    }

    /// The page after question `i`: the next question, or the answers once all are seen.
    fn after(&self, i: usize) -> WizardPage {
        if i + 1 < self.answers.len() { WizardPage::Question(i + 1) } else { WizardPage::Answers }
    }

    pub fn apply(&mut self, action: WizardAction, questions: &[Question]) {
        let count = questions.len();
        if count == 0 {
            return;
        }
        match (action, self.page) {
            (WizardAction::Cursor(by), WizardPage::Question(i)) => {
                let options = questions[i].options.len();
                self.cursor = self.cursor.saturating_add_signed(by).min(options.saturating_sub(1));
            }
            (WizardAction::Cursor(by), WizardPage::Answers) => {
                self.cursor = self.cursor.saturating_add_signed(by).min(count - 1);
            }
            (WizardAction::Pick(option), WizardPage::Question(i)) => {
                let choice = option.unwrap_or(self.cursor);
                if choice < questions[i].options.len() {
                    // Answering afresh sets the saved answers aside.
                    self.offer = None;
                    self.answers[i] = Some(choice);
                    self.go(self.after(i));
                }
            }
            (WizardAction::Pick(_), WizardPage::Answers) => self.go(WizardPage::Question(self.cursor)),
            (WizardAction::Skip, WizardPage::Question(i)) => {
                self.answers[i] = None;
                self.go(self.after(i));
            }
            (WizardAction::Back, WizardPage::Question(i)) => self.go(WizardPage::Question(i.saturating_sub(1))),
            (WizardAction::Back, WizardPage::Answers) => self.go(WizardPage::Question(count - 1)),
            (WizardAction::Back, WizardPage::Result) => self.go(WizardPage::Answers),
            (WizardAction::Forward, WizardPage::Question(i)) => self.go(self.after(i)),
            (WizardAction::Forward, WizardPage::Answers) => self.go(WizardPage::Result),
            (WizardAction::Answers, _) => self.go(WizardPage::Answers),
            (WizardAction::Result, _) => self.go(WizardPage::Result),
            (WizardAction::Restart, _) => {
                self.offer = None;
                self.answers.iter_mut().for_each(|a| *a = None);
                self.go(WizardPage::Question(0));
            }
            (WizardAction::Resume, _) => {
                if let Some(saved) = self.offer.take() {
                    self.answers = saved;
                    self.go(WizardPage::Answers);
                }
            }
            _ => {}
        }
    }

    /// How many questions have an answer.
    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }
}
