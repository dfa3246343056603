//! What the shell's dynamic completion offers (`COMPLETE=bash versus …`):
//! the values that depend on the data — comparison names, a comparison's
//! `question=option` and `question=level` pairs, the actions a config file
//! binds keys to. Each value comes with a one-line description; both are
//! sanitized, since titles and labels come from the user's files and the
//! shell prints them.

use std::path::Path;

use crate::catalogue;
use crate::data::{Comparison, sanitize_line};
use crate::keys::Keymap;
use crate::wizard::Importance;

/// A value to offer and what it is.
pub type Candidate = (String, String);

/// Every comparison that opens by name, with its title: the shipped ones and
/// the user's (a user file a shipped name shadows opens by path only, so it
/// is not offered by name).
pub fn comparison_names(current: &str) -> Vec<Candidate> {
    let (listed, _) = catalogue::list();
    listed
        .into_iter()
        .filter(|l| !l.shadowed && l.named.name.starts_with(current))
        .map(|l| {
            let about = match &l.content {
                Ok(summary) => summary.title.clone(),
                Err(e) => format!("cannot be opened: {e}"),
            };
            (sanitize_line(&l.named.name), sanitize_line(&about))
        })
        .collect()
}

/// The comparison `--data` names on the line being completed, or the default;
/// `None` when it does not load (completion then offers nothing).
fn comparison(data: Option<&Path>) -> Option<Comparison> {
    catalogue::resolve(data).ok()?.load().ok()
}

/// `question=option` for `decide --answer`: the question ids first (with
/// the prompt), then, once a question is typed, its options (with their labels).
pub fn answers(data: Option<&Path>, current: &str) -> Vec<Candidate> {
    let Some(c) = comparison(data) else { return Vec::new() };
    pairs(&c, current, |q| q.options.iter().map(|o| (o.id.to_string(), o.label.to_string())).collect())
}

/// `question=level` for `decide --importance`.
pub fn importance(data: Option<&Path>, current: &str) -> Vec<Candidate> {
    let Some(c) = comparison(data) else { return Vec::new() };
    pairs(&c, current, |_| {
        Importance::ALL.iter().map(|i| (i.id().to_string(), format!("counts ×{}", i.factor()))).collect()
    })
}

/// `question=value` candidates: before the `=`, each matching question as
/// `id=` (so the shell goes on to its values); after it, that question's values.
fn pairs(c: &Comparison, current: &str, values: impl Fn(&crate::data::Question) -> Vec<Candidate>) -> Vec<Candidate> {
    let questions = &c.wizard.questions;
    match current.split_once('=') {
        None => questions
            .iter()
            .filter(|q| q.id.starts_with(current))
            .map(|q| (format!("{}=", sanitize_line(&q.id)), sanitize_line(&q.prompt)))
            .collect(),
        Some((id, typed)) => questions
            .iter()
            .filter(|q| q.id.as_str() == id)
            .flat_map(&values)
            .filter(|(value, _)| value.starts_with(typed))
            .map(|(value, about)| (format!("{id}={}", sanitize_line(&value)), sanitize_line(&about)))
            .collect(),
    }
}

/// The actions a config file binds keys to (`versus config --keys ACTION`),
/// with what each does.
pub fn actions(current: &str) -> Vec<Candidate> {
    let mut seen = std::collections::HashSet::new();
    Keymap::default()
        .help_rows()
        .into_iter()
        .filter(|row| !row.name.is_empty() && row.name.starts_with(current) && seen.insert(row.name))
        .map(|row| (row.name.to_string(), row.help))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_offer_question_ids_then_that_questions_options() {
        let ids: Vec<String> = answers(None, "").into_iter().map(|(v, _)| v).collect();
        assert!(ids.iter().all(|v| v.ends_with('=')), "{ids:?}");
        let first = ids.first().expect("the default comparison has questions").clone();
        let options = answers(None, &first);
        assert!(!options.is_empty());
        assert!(options.iter().all(|(v, _)| v.starts_with(&first) && v.len() > first.len()), "{options:?}");
        assert!(answers(None, "no-such-question=").is_empty());
    }

    #[test]
    fn importance_offers_the_four_levels() {
        let first = answers(None, "").remove(0).0;
        let levels: Vec<String> = importance(None, &first).into_iter().map(|(v, _)| v).collect();
        let want: Vec<String> = ["ignore", "low", "normal", "high"].iter().map(|l| format!("{first}{l}")).collect();
        assert_eq!(levels, want);
    }

    #[test]
    fn actions_are_the_names_a_config_file_uses() {
        let names: Vec<String> = actions("").into_iter().map(|(v, _)| v).collect();
        assert!(names.contains(&"quit".to_string()) && names.contains(&"next_tab".to_string()), "{names:?}");
        assert_eq!(actions("qu").len(), 1);
    }
}
