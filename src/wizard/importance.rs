//! How much a question matters to the user: it scales that question's points.

/// Ignore, low, normal or high: ×0, ×0.5, ×1, ×2 the question's points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Importance {
    Ignore,
    Low,
    #[default]
    Normal,
    High,
}

impl Importance {
    pub const ALL: [Importance; 4] = [Importance::Ignore, Importance::Low, Importance::Normal, Importance::High];

    /// What the question's points are multiplied by.
    pub fn factor(self) -> f64 {
        match self {
            Importance::Ignore => 0.0,
            Importance::Low => 0.5,
            Importance::Normal => 1.0,
            Importance::High => 2.0,
        }
    }

    /// The name used on the command line and in the saved-answers file.
    pub fn id(self) -> &'static str {
        match self {
            Importance::Ignore => "ignore",
            Importance::Low => "low",
            Importance::Normal => "normal",
            Importance::High => "high",
        }
    }

    pub fn parse(id: &str) -> Option<Importance> {
        Importance::ALL.into_iter().find(|i| i.id() == id)
    }

    /// Filled and empty dots, for beside an answer: ○○○ ●○○ ●●○ ●●●.
    pub(crate) fn dots(self) -> &'static str {
        match self {
            Importance::Ignore => "○○○",
            Importance::Low => "●○○",
            Importance::Normal => "●●○",
            Importance::High => "●●●",
        }
    }

    /// One step up or down, stopping at the ends.
    pub fn step(self, up: bool) -> Importance {
        let i = Importance::ALL.iter().position(|&x| x == self).unwrap_or(2);
        let i = if up { (i + 1).min(3) } else { i.saturating_sub(1) };
        Importance::ALL[i]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_steps_stop_at_the_ends() {
        for i in Importance::ALL {
            assert_eq!(Importance::parse(i.id()), Some(i));
        }
        assert_eq!(Importance::High.step(true), Importance::High);
        assert_eq!(Importance::Ignore.step(false), Importance::Ignore);
        assert_eq!(Importance::Normal.step(true), Importance::High);
        assert_eq!(Importance::parse("urgent"), None);
    }
}
