//! `versus source add|list|remove` and `versus update`: git repositories of
//! comparisons, and updates that say what changed in each comparison.

use std::process::ExitCode;

use super::{print_json, print_out, say, warn};
use crate::data;
use crate::sources::{self, Updated};

pub fn add(name: &str, url: &str, reference: Option<&str>) -> ExitCode {
    match sources::add(name, url, reference) {
        Ok(info) => {
            say(&format!(
                "added {name}: {} at {} ({}); open one with --data {name}/NAME (versus list shows them)",
                data::count(info.comparisons, "comparison", "comparisons"),
                info.commit,
                info.date
            ));
            ExitCode::SUCCESS
        }
        Err(why) => {
            warn(&format!("source {}: {why}", data::printable(name)));
            ExitCode::from(2)
        }
    }
}

pub fn remove(name: &str) -> ExitCode {
    match sources::remove(name) {
        Ok(()) => {
            say(&format!("removed {name}"));
            ExitCode::SUCCESS
        }
        Err(why) => {
            warn(&why);
            ExitCode::from(2)
        }
    }
}

pub fn list(json: bool) -> ExitCode {
    let infos: Vec<sources::Info> = sources::names().iter().map(|n| sources::info(n)).collect();
    if json {
        return print_json(&format!("{}\n", serde_json::to_string_pretty(&infos).unwrap_or_default()));
    }
    if infos.is_empty() {
        return print_out("No sources. Add one with versus source add NAME URL (a git repository of comparisons).\n");
    }
    let mut out = String::new();
    for i in &infos {
        let problem = i.error.as_ref().map_or(String::new(), |e| format!("  error: {e}"));
        out.push_str(&format!(
            "{}  {}  {} {}  {}{problem}\n",
            i.name,
            i.url,
            i.commit,
            i.date,
            data::count(i.comparisons, "comparison", "comparisons")
        ));
    }
    print_out(&out)
}

/// `versus update [NAME]`: every source, or one; exit 1 when any could not be updated.
pub fn update(only: Option<&str>) -> ExitCode {
    let names = match only {
        Some(n) => vec![n.to_string()],
        None => sources::names(),
    };
    if names.is_empty() {
        say("No sources to update. Add one with versus source add NAME URL.");
        return ExitCode::SUCCESS;
    }
    let mut failed = false;
    let mut out = String::new();
    for name in &names {
        match sources::update(name) {
            Ok(Updated::Current) => out.push_str(&format!("{name}: up to date\n")),
            Ok(Updated::Forward { old, new, changed }) => {
                out.push_str(&format!(
                    "{name}: {old} → {new}, {}\n",
                    data::count(changed.len(), "comparison changed", "comparisons changed")
                ));
                for (comparison, before, after) in changed {
                    let line = match (before, after) {
                        (None, Some(_)) => "new".to_string(),
                        (Some(_), None) => "removed (or no longer loads)".to_string(),
                        (Some(b), Some(a)) => {
                            let changes = crate::diff::changes(&b, &a);
                            let weights = crate::diff::weights(&b, &a);
                            let mut tabs: Vec<&str> = changes.iter().map(|c| c.tab.title()).collect();
                            tabs.dedup();
                            format!(
                                "{} ({}){}; versus diff {name}/{comparison} shows them",
                                data::count(changes.len(), "change", "changes"),
                                tabs.join(", "),
                                match weights.len() {
                                    0 => String::new(),
                                    n => format!(", {}", data::count(n, "weight changed", "weights changed")),
                                }
                            )
                        }
                        (None, None) => "does not load".to_string(),
                    };
                    out.push_str(&format!("  {name}/{comparison}: {line}\n"));
                }
            }
            Err(why) => {
                failed = true;
                warn(&format!("{}: {why}", data::printable(name)));
            }
        }
    }
    let printed = print_out(&out);
    if failed { ExitCode::FAILURE } else { printed }
}
