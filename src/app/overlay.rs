//! What is open above the tabs, as one stack: the top has the keyboard, and
//! the views draw it bottom to top, so which wins is written once (here and
//! in [`App::mode`](super::App::mode)). At most one of each kind is open;
//! opening one that is already open brings it to the top.

use super::{Effect, Picker, SearchLine};

#[derive(Debug, Clone)]
pub enum Overlay {
    /// The selected entry, open full-screen over its tab.
    Expanded,
    /// The keys, scrolled by `scroll` lines.
    Help { scroll: usize },
    /// Search everything: the query line, its hits and the highlighted one.
    Palette { line: SearchLine, selected: usize },
    /// Open another comparison.
    Picker(Picker),
    /// A question with a few answers, each asking the world for something
    /// (where to write the decision record).
    Choose(Choice),
}

/// A question and its answers, the highlighted one, and what each asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub title: String,
    /// Each answer: its label and the effect choosing it asks for.
    pub options: Vec<(String, Effect)>,
    pub selected: usize,
}

/// Which kind an overlay is, to close it or ask for it wherever it is in the stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Expanded,
    Help,
    Palette,
    Picker,
    Choose,
}

impl Overlay {
    pub fn kind(&self) -> Kind {
        match self {
            Overlay::Expanded => Kind::Expanded,
            Overlay::Help { .. } => Kind::Help,
            Overlay::Palette { .. } => Kind::Palette,
            Overlay::Picker(_) => Kind::Picker,
            Overlay::Choose(_) => Kind::Choose,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Overlays(Vec<Overlay>);

impl Overlays {
    /// What has the keyboard.
    pub fn top(&self) -> Option<&Overlay> {
        self.0.last()
    }

    /// Bottom to top, the order they are drawn in.
    pub fn iter(&self) -> impl Iterator<Item = &Overlay> {
        self.0.iter()
    }

    pub fn open(&mut self, overlay: Overlay) {
        self.close(overlay.kind());
        self.0.push(overlay);
    }

    pub(crate) fn close(&mut self, kind: Kind) {
        self.0.retain(|o| o.kind() != kind);
    }

    pub fn is_open(&self, kind: Kind) -> bool {
        self.0.iter().any(|o| o.kind() == kind)
    }

    pub(crate) fn help_scroll_mut(&mut self) -> Option<&mut usize> {
        self.0.iter_mut().find_map(|o| match o {
            Overlay::Help { scroll } => Some(scroll),
            _ => None,
        })
    }

    pub fn palette(&self) -> Option<(&SearchLine, usize)> {
        self.0.iter().find_map(|o| match o {
            Overlay::Palette { line, selected } => Some((line, *selected)),
            _ => None,
        })
    }

    pub(crate) fn palette_mut(&mut self) -> Option<(&mut SearchLine, &mut usize)> {
        self.0.iter_mut().find_map(|o| match o {
            Overlay::Palette { line, selected } => Some((line, selected)),
            _ => None,
        })
    }

    pub fn picker(&self) -> Option<&Picker> {
        self.0.iter().find_map(|o| match o {
            Overlay::Picker(picker) => Some(picker),
            _ => None,
        })
    }

    pub fn choice(&self) -> Option<&Choice> {
        self.0.iter().find_map(|o| match o {
            Overlay::Choose(choice) => Some(choice),
            _ => None,
        })
    }

    pub(crate) fn choice_mut(&mut self) -> Option<&mut Choice> {
        self.0.iter_mut().find_map(|o| match o {
            Overlay::Choose(choice) => Some(choice),
            _ => None,
        })
    }

    pub(crate) fn picker_mut(&mut self) -> Option<&mut Picker> {
        self.0.iter_mut().find_map(|o| match o {
            Overlay::Picker(picker) => Some(picker),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_opened_is_on_top_and_one_of_each_kind_is_kept() {
        let mut stack = Overlays::default();
        stack.open(Overlay::Expanded);
        stack.open(Overlay::Help { scroll: 3 });
        assert_eq!(stack.top().map(Overlay::kind), Some(Kind::Help));
        stack.open(Overlay::Expanded);
        assert_eq!(stack.iter().map(Overlay::kind).collect::<Vec<_>>(), [Kind::Help, Kind::Expanded]);
        stack.close(Kind::Expanded);
        assert_eq!(stack.help_scroll_mut().copied(), Some(3));
        assert!(!stack.is_open(Kind::Expanded) && stack.top().is_some());
    }
}
