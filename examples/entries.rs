//! Every entry of a comparison's search-everything list with its visible
//! text (hidden keywords and tags left out), one per line, for people who
//! judge search results without running the search.
//!
//! ```text
//! cargo run --example entries -- django-vs-flask > entries.tsv
//! ```
//!
//! Columns: a stable key (`kind|subject|start of the line`), the tab and
//! entry number, and the text a reader sees.

use std::process::ExitCode;

use versus::entries::Entries;
use versus::search::{Corpora, Field};

fn main() -> ExitCode {
    let Some(name) = std::env::args().nth(1) else {
        eprintln!("usage: entries NAME|FILE");
        return ExitCode::FAILURE;
    };
    let c = match versus::catalogue::resolve(Some(std::path::Path::new(&name))).map(|n| n.load()) {
        Ok(Ok(c)) => c,
        _ => {
            eprintln!("entries: cannot load {name}");
            return ExitCode::FAILURE;
        }
    };
    let corpora = Corpora::build(&c, &Entries::build(&c));
    for (i, found) in corpora.found.iter().enumerate() {
        let subject = found.subject.map_or("", |s| c.subjects[s].name.as_str());
        let visible: Vec<String> = corpora
            .everything
            .fields(i)
            .filter(|(f, _)| !matches!(f, Field::Keywords | Field::Tags | Field::Subject))
            .map(|(f, t)| format!("[{}] {}", f.label(), t.replace(['\n', '\t'], " ")))
            .collect();
        println!(
            "{i}\t{}|{subject}|{}\t{} {}\t{}",
            found.kind.label(),
            corpora.line(i).chars().take(48).collect::<String>(),
            found.place.tab.title(),
            found.place.entry + 1,
            visible.join(" ")
        );
    }
    ExitCode::SUCCESS
}
