//! How firm a leader is beyond single changes: the share of plausible
//! importance settings — every answered question at low, normal or high,
//! varied together — under which it stays the leader (as AHP tools ask how
//! often a choice survives when the weights move together), and the question
//! whose importance matters most. Every setting is tried when there are few;
//! otherwise a fixed-seed sample, so the same answers always give the same
//! figure. (Ignoring a question drops it rather than weighing it: it counts
//! for the most critical question, not for the share.)

use super::tipping::{lead, leader};
use super::{Importance, Scorecard, score};
use crate::data::Comparison;

/// Settings tried at most: every one when there are no more (seven answered
/// questions or fewer), else this many drawn with a fixed seed.
pub const MAX_SETTINGS: usize = 4096;

/// The levels an answered question takes in a plausible setting.
const LEVELS: [Importance; 3] = [Importance::Low, Importance::Normal, Importance::High];

/// The seed of the sample: fixed, so a result never changes between runs.
const SEED: u64 = 0x0005_EED0_FF14_3E55;

#[derive(Debug, Clone, PartialEq)]
pub struct Firmness {
    /// The leader whose firmness this is.
    pub leader: usize,
    /// Importance settings tried, and how many keep the leader.
    pub settings: usize,
    pub holds: usize,
    /// Whether the settings were sampled (there were more than [`MAX_SETTINGS`]).
    pub sampled: bool,
    /// The answered question whose importance, changed alone, comes closest
    /// to changing the leader (or changes it), and the level that does.
    pub critical: Option<(usize, Importance)>,
}

impl Firmness {
    /// The share of settings that keep the leader, in percent.
    pub fn percent(&self) -> f64 {
        if self.settings == 0 { 0.0 } else { 100.0 * self.holds as f64 / self.settings as f64 }
    }

    /// One sentence: "Flask leads in 87 % of importance settings; most critical: What is your team's experience?"
    /// (a full stop added when the question has no mark of its own).
    pub fn line(&self, c: &Comparison) -> String {
        let name = &c.subjects[self.leader].name;
        let how = if self.sampled { format!(" (a sample of {})", self.settings) } else { String::new() };
        let percent = self.percent();
        // Whole percent, except that "100 %" is said only when no setting tried changes it.
        let shown = match percent {
            p if p >= 100.0 => "100".to_string(),
            p if p > 99.0 => format!("{p:.1}"),
            p => format!("{}", p.floor() as u64),
        };
        let mut line = format!("{name} leads in {shown} % of importance settings{how}");
        if let Some((q, _)) = self.critical {
            line.push_str(&format!("; most critical: {}", c.wizard.questions[q].prompt.trim_end()));
        }
        // One sentence, whatever the question ends with.
        if !line.ends_with(['.', '?', '!']) {
            line.push('.');
        }
        line
    }
}

/// A small, fast generator with a fixed seed (xorshift64*): reproducible samples.
struct Sampler(u64);

impl Sampler {
    fn level(&mut self) -> Importance {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let n = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D);
        LEVELS[((n >> 32) % LEVELS.len() as u64) as usize]
    }
}

/// The firmness of the current leader; `None` without one (a tie, no answers).
pub fn firmness(c: &Comparison, answers: &[Option<usize>], importance: &[Importance]) -> Option<Firmness> {
    let n = c.wizard.questions.len();
    let answers: Vec<Option<usize>> = (0..n).map(|i| answers.get(i).copied().flatten()).collect();
    let own: Vec<Importance> = (0..n).map(|i| importance.get(i).copied().unwrap_or_default()).collect();
    let answered: Vec<usize> =
        (0..n).filter(|&q| answers[q].is_some_and(|o| o < c.wizard.questions[q].options.len())).collect();
    firmness_of(n, &answered, |setting| {
        let levels: Vec<Importance> = setting.iter().zip(&own).map(|(s, o)| s.unwrap_or(*o)).collect();
        score(c, &answers, &levels)
    })
}

/// The firmness of whatever `card_at` scores under an importance setting:
/// per question, a level (for everyone) or `None` (each person's own),
/// varying the `answered` questions. One person's answers and a group's
/// are measured the same way.
pub(crate) fn firmness_of(
    questions: usize,
    answered: &[usize],
    card_at: impl Fn(&[Option<Importance>]) -> Scorecard,
) -> Option<Firmness> {
    let base = vec![None; questions];
    let now_card = card_at(&base);
    let now = leader(&now_card)?;
    let levels_count = LEVELS.len();
    let all = u32::try_from(answered.len())
        .ok()
        .and_then(|k| levels_count.checked_pow(k))
        .filter(|&total| total <= MAX_SETTINGS);
    let mut trial = base.clone();
    let mut holds = 0;
    let settings = all.unwrap_or(MAX_SETTINGS);
    let mut sampler = Sampler(SEED);
    for s in 0..settings {
        let mut code = s;
        for &q in answered {
            trial[q] = Some(match all {
                Some(_) => {
                    let level = LEVELS[code % levels_count];
                    code /= levels_count;
                    level
                }
                None => sampler.level(),
            });
        }
        if leader(&card_at(&trial)) == Some(now) {
            holds += 1;
        }
    }
    Some(Firmness {
        leader: now,
        settings,
        holds,
        sampled: all.is_none(),
        critical: critical(&base, &now_card, now, answered, &card_at),
    })
}

/// The answered question whose importance, changed alone to some level,
/// leaves the leader the smallest lead (a change of leader counting as the
/// smallest of all); ties go to the earlier question. A level that changes
/// nothing (everyone's own already) is not a change.
fn critical(
    base: &[Option<Importance>],
    now_card: &Scorecard,
    now: usize,
    answered: &[usize],
    card_at: &impl Fn(&[Option<Importance>]) -> Scorecard,
) -> Option<(usize, Importance)> {
    let mut trial = base.to_vec();
    let mut best: Option<(f64, usize, Importance)> = None;
    for &q in answered {
        for level in Importance::ALL {
            trial[q] = Some(level);
            let card = card_at(&trial);
            if card == *now_card {
                continue;
            }
            // How much the leader is still ahead: below zero when another leads or it ties.
            let margin = if leader(&card) == Some(now) { lead(&card) } else { -1.0 - lead(&card).abs() };
            if best.is_none_or(|(m, ..)| margin < m) {
                best = Some((margin, q, level));
            }
        }
        trial[q] = None;
    }
    best.map(|(_, q, level)| (q, level))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_str;

    fn brewing() -> Comparison {
        load_str(include_str!("../../tests/fixtures/brewing.ron"), "brewing.ron").expect("fixture")
    }

    fn minimal() -> Comparison {
        load_str(include_str!("../../tests/fixtures/minimal.ron"), "minimal.ron").expect("fixture")
    }

    #[test]
    fn answers_that_all_push_one_way_hold_in_every_setting() {
        // minimal: one question; "evening" favours tea (+2) against coffee (-1).
        let c = minimal();
        let f = firmness(&c, &[Some(1)], &[]).expect("a leader");
        assert_eq!(c.subjects[f.leader].id.as_str(), "tea");
        assert_eq!((f.settings, f.holds, f.sampled), (3, 3, false), "low, normal, high: every one keeps tea");
        assert_eq!(f.percent(), 100.0);
        // Ignoring the only answer is what would change it.
        assert_eq!(f.critical, Some((0, Importance::Ignore)));
        assert_eq!(f.line(&c), "Tea leads in 100 % of importance settings; most critical: When will you drink it?");
    }

    #[test]
    fn no_leader_no_firmness() {
        assert_eq!(firmness(&minimal(), &[None], &[]), None);
    }

    #[test]
    fn a_narrow_case_lies_strictly_between_none_and_all() {
        let c = brewing();
        let n = c.wizard.questions.len();
        // Search the answer sets for one whose leader some settings keep and others do not.
        let found = (0..c.wizard.questions[0].options.len())
            .flat_map(|a| (0..c.wizard.questions[1].options.len()).map(move |b| (a, b)))
            .find_map(|(a, b)| {
                let mut answers = vec![None; n];
                answers[0] = Some(a);
                answers[1] = Some(b);
                firmness(&c, &answers, &[]).filter(|f| f.holds > 0 && f.holds < f.settings)
            });
        let f = found.expect("a narrow case in the brewing fixture");
        assert!(f.percent() > 0.0 && f.percent() < 100.0, "{f:?}");
    }

    #[test]
    fn many_answers_are_sampled_the_same_way_every_time() {
        let c = crate::data::default_comparison().expect("the default data");
        let answers = crate::wizard::leaning(&c, 1, 0);
        let first = firmness(&c, &answers, &[]).expect("a leader");
        assert!(first.sampled && first.settings == MAX_SETTINGS, "{first:?}");
        assert_eq!(firmness(&c, &answers, &[]), Some(first));
    }
}
