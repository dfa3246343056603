//! The seven tabs, their names at every length, and where an entry of a tab lives
//! ([`Place`]). Depends on nothing, so the search corpora, the headless
//! commands and the views can all name a tab without depending on the app.

/// The tabs, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Features,
    ProsCons,
    UseCases,
    Performance,
    Faq,
    Decide,
    Overview,
}

impl Tab {
    pub const ALL: [Tab; 7] =
        [Tab::Features, Tab::ProsCons, Tab::UseCases, Tab::Performance, Tab::Faq, Tab::Decide, Tab::Overview];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Features => "Features",
            Tab::ProsCons => "Pros/Cons",
            Tab::UseCases => "Use cases",
            Tab::Performance => "Performance & security",
            Tab::Faq => "FAQ",
            Tab::Decide => "Decide",
            Tab::Overview => "Overview",
        }
    }

    /// The title where room is short (the tab bar, the palette's labels).
    pub(crate) fn short_title(self) -> &'static str {
        match self {
            Tab::Performance => "Perf & security",
            other => other.title(),
        }
    }

    /// The shortest name that still reads as the tab (a narrow tab bar).
    pub(crate) fn tiny_title(self) -> &'static str {
        match self {
            Tab::Features => "Feat",
            Tab::ProsCons => "Pros",
            Tab::UseCases => "Uses",
            Tab::Performance => "Perf",
            Tab::Faq => "FAQ",
            Tab::Decide => "Decide",
            Tab::Overview => "Overview",
        }
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub(crate) fn from_index(i: usize) -> Option<Tab> {
        Tab::ALL.get(i).copied()
    }

    pub fn next(self) -> Tab {
        Tab::ALL[(self.index() + 1) % Tab::ALL.len()]
    }

    pub(crate) fn previous(self) -> Tab {
        Tab::ALL[(self.index() + Tab::ALL.len() - 1) % Tab::ALL.len()]
    }
}

/// Where something lives: an entry of a tab's list, as the tab numbers its
/// entries (Features: table rows first, then key features; see `entries`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub tab: Tab,
    pub entry: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_and_previous_wrap_around() {
        assert_eq!(Tab::Overview.next(), Tab::Features);
        assert_eq!(Tab::Features.previous(), Tab::Overview);
        for tab in Tab::ALL {
            assert_eq!(tab.next().previous(), tab);
            assert_eq!(Tab::from_index(tab.index()), Some(tab));
        }
    }
}
