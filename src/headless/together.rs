//! `versus decide --with FILE…`: several people's answer files (or decision
//! records) read, checked against one comparison, and scored together.
//! Nothing is merged silently: a file for another comparison, an id the
//! comparison does not have, or two files from one person each stop the
//! command with one line naming the file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{DecideArgs, load, own_answers, print_json, print_out, warn};
use crate::catalogue::{self, Named};
use crate::data::{self, Comparison};
use crate::export::{self, ReportFormat};
use crate::record::{self, Block};
use crate::wizard::{self, Group, Member};

/// The comparison the files were for, and each person with the file they came from.
pub type People = (Named, Comparison, Vec<(String, Member)>);

/// Question id → option id, or → importance level.
type Ids = std::collections::BTreeMap<String, String>;

/// One file read: where it came from, for messages, and its block.
struct Read {
    shown: String,
    path: PathBuf,
    block: Block,
}

pub fn decide_together(data_arg: Option<&Path>, args: &DecideArgs, format: ReportFormat) -> ExitCode {
    let refuse = |line: &str| {
        warn(line);
        ExitCode::from(2)
    };
    if format == ReportFormat::Answers {
        return refuse("--format answers writes one person's answers: leave out --with");
    }
    if !args.decision_makers.is_empty() {
        return refuse(
            "a group's record names the people in the --with files as its decision-makers: leave out --decision-maker",
        );
    }
    if args.supersedes.is_some() && format != ReportFormat::Madr {
        return refuse("--supersedes is for a decision record: add --format madr");
    }
    let (named, c, mut members) = match read_people(data_arg, &args.with) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let mut errors = Vec::new();
    if !args.answers.is_empty() || args.saved {
        match own_answers(&c, &named, args) {
            Ok((answers, importance)) => {
                let name = clean_name(args.as_name.clone().or_else(export::who).as_deref().unwrap_or("you"));
                members.push(("your answers".to_string(), Member { name, answers, importance }));
            }
            Err(code) => return code,
        }
    }
    errors.extend(duplicates(&members));
    if members.len() > MAX_PEOPLE {
        errors.push(format!("{} people in the files; a group decides with at most {MAX_PEOPLE}", members.len()));
    }
    if !errors.is_empty() {
        for e in &errors {
            warn(e);
        }
        return ExitCode::from(2);
    }
    let group = Group::new(&c, members.into_iter().map(|(_, m)| m).collect());
    match format {
        ReportFormat::Json => print_json(&export::group::report(&c, &group, format)),
        ReportFormat::Madr => match record(&c, &named, &group, args) {
            Ok(text) => print_out(&text),
            Err(why) => refuse(&why),
        },
        _ => print_out(&export::group::report(&c, &group, format)),
    }
}

/// The answer files (or records) at `files`, checked against one
/// comparison: `--data`'s, else the one the first file names. Every problem
/// is printed, one line each, and then `Err` (exit 2). Each person comes
/// with the file they came from, for messages.
pub fn read_people(data_arg: Option<&Path>, files: &[PathBuf]) -> Result<People, ExitCode> {
    let mut errors = Vec::new();
    let mut read = Vec::new();
    for path in files {
        let shown = data::printable(&path.display().to_string());
        match record::read_answers(path) {
            Ok(block) => read.push(Read { shown, path: path.clone(), block }),
            Err(e) => errors.push(format!("{shown}: {}", data::printable(&e.to_string()))),
        }
    }
    let found = match data_arg {
        Some(_) => load(data_arg).ok(),
        None => read.first().and_then(|r| match catalogue::for_record(&r.block.identity()) {
            Ok(named) => match named.load() {
                Ok(c) => Some((named, c)),
                Err(e) => {
                    errors.push(format!("{}: {}", r.shown, data::printable(&e.to_string())));
                    None
                }
            },
            Err(why) => {
                errors.push(format!("{}: {}", r.shown, data::printable(&why)));
                None
            }
        }),
    };
    let Some((named, c)) = found else {
        for e in &errors {
            warn(e);
        }
        return Err(ExitCode::from(2));
    };
    let mut members: Vec<(String, Member)> = Vec::new();
    for r in &read {
        if let Err(why) = same_comparison(&r.block, &named, &c) {
            errors.push(format!("{}: {why}", r.shown));
            continue;
        }
        for (name, answers, importance) in people(r) {
            let replayed = wizard::replay(&c, answers, importance);
            if !replayed.gone.is_empty() {
                for gone in &replayed.gone {
                    errors.push(format!("{}: {} is not in \"{}\"", r.shown, data::printable(gone), c.title));
                }
                continue;
            }
            let member = Member { name, answers: replayed.answers, importance: replayed.importance };
            members.push((r.shown.clone(), member));
        }
    }
    errors.extend(duplicates(&members));
    if !errors.is_empty() {
        for e in &errors {
            warn(e);
        }
        return Err(ExitCode::from(2));
    }
    Ok((named, c, members))
}

/// The most people a group decides with: each one's changes are tried
/// against everyone's answers, so the work grows with the square of it.
const MAX_PEOPLE: usize = 200;

/// One line for each person whose answers come twice (by name, whatever its
/// case and any invisible characters in it).
fn duplicates(members: &[(String, Member)]) -> Vec<String> {
    let key = |name: &str| name.chars().filter(|c| !invisible(*c)).flat_map(char::to_lowercase).collect::<String>();
    let mut lines = Vec::new();
    for (i, (from, m)) in members.iter().enumerate() {
        if let Some((first, _)) = members[..i].iter().find(|(_, other)| key(&other.name) == key(&m.name)) {
            lines.push(format!(
                "{first} and {from} both hold answers by \"{}\": give each person's answers once",
                data::printable(&m.name)
            ));
        }
    }
    lines
}

/// The people in one file: its own answers under its name (or the file's
/// name without extension), or a group record's members.
fn people(r: &Read) -> Vec<(String, &Ids, &Ids)> {
    if r.block.members.is_empty() {
        let stem = r.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let name = r.block.name.clone().filter(|n| !clean_name(n).is_empty()).unwrap_or(stem);
        vec![(clean_name(&name), &r.block.answers, &r.block.importance)]
    } else {
        r.block.members.iter().map(|m| (clean_name(&m.name), &m.answers, &m.importance)).collect()
    }
}

/// A person's name from a file: one line, no control or invisible
/// characters (two names that look alike are one name), bounded.
fn clean_name(name: &str) -> String {
    let visible: String = data::sanitize_line(name).chars().filter(|c| !invisible(*c)).collect();
    data::clip(visible.trim(), data::MAX_NAME_CHARS).into_owned()
}

/// Characters that show nothing: zero-width spaces and joiners, the soft
/// hyphen, variation selectors, fillers, tags, the byte-order mark.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{3164}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Whether a file's answers were given for this comparison: the same
/// title, or the same catalogue name (then only renamed).
fn same_comparison(block: &Block, named: &Named, c: &Comparison) -> Result<(), String> {
    if block.title == c.title.as_str() || block.identity() == named.record_identity() {
        return Ok(());
    }
    Err(format!(
        "answers for \"{}\" ({}), not \"{}\" ({}); one comparison at a time",
        data::printable(&block.title),
        data::printable(&block.comparison),
        c.title,
        named.shown()
    ))
}

/// The group's record, after marking the one it supersedes.
fn record(c: &Comparison, named: &Named, group: &Group, args: &DecideArgs) -> Result<String, String> {
    let mut meta = export::RecordMeta::today();
    meta.supersedes = args.supersedes.as_ref().map(|p| p.display().to_string());
    if let Some(old) = &args.supersedes {
        let chose = group.leader.map_or("no clear winner".to_string(), |s| format!("Choose {}", c.subjects[s].name));
        let by = format!("{chose} — {} ({})", c.title, meta.date);
        let shown = data::printable(&old.display().to_string());
        record::supersede(old, &by).map_err(|why| format!("--supersedes {shown}: {}", data::printable(&why)))?;
        warn(&format!("{shown}: marked as superseded"));
    }
    Ok(export::group::madr(c, &named.record_identity(), group, &meta))
}
