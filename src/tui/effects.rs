//! The effects the app asks for that go out into the world and only come
//! back as a line for the user (or, for a record, a question): opening a
//! link, copying an entry or the wizard's result (OSC 52), writing a
//! decision record (asking where when the project keeps a decision folder). The loop in
//! [`super`] carries out the effects that change the session itself
//! (quit, suspend, save answers, list the catalogue, open a comparison).

use std::io;

use super::AnswerStore;
use std::path::Path;

use crate::app::{Action, App, Effect};
use crate::catalogue::Named;
use crate::saved;
use crate::tab::Place;
use crate::ui::Theme;

/// A short name for files about this comparison.
pub(super) fn identity_of(store: Option<&AnswerStore>, app: &App) -> String {
    store.map_or_else(|| saved::identity(Some(&app.origin), None), |s| s.identity.clone())
}

/// Carries out one of the effects that only tell the user what came of them
/// (the others change the session, and the loop does them); returns that,
/// as a status line or a question.
pub(super) fn carry_out(effect: &Effect, app: &App, theme: &Theme, identity: &str, current: &Named) -> Option<Action> {
    Some(match effect {
        Effect::OpenLink(place) => Action::Status(open_link(app, *place)),
        Effect::Copy(place) => Action::Status(copy_entry(app, theme, *place)),
        Effect::WriteRecord => place_record(app, identity, current),
        Effect::WriteRecordTo(path) => Action::Status(write_record_to(app, current, path)),
        Effect::CopyResult => Action::Status(copy_result(app)),
        Effect::ExportAnswers => Action::Status(export_answers(app, current)),
        _ => return None,
    })
}

/// Where a record goes: straight into the current directory, or, when the
/// project keeps a decision folder (`docs/decisions`, `doc/adr`…), a
/// question: there, numbered like its neighbours, or here.
fn place_record(app: &App, identity: &str, current: &Named) -> Action {
    let here = Path::new(".").join(free_name(Path::new("."), |n| record_file_name(identity, n)));
    let folder = crate::record::DECISION_FOLDERS.iter().map(Path::new).find(|d| d.is_dir());
    let Some(folder) = folder else { return Action::Status(write_record_to(app, current, &here)) };
    let report = crate::wizard::Report::new(&app.data, &app.wizard.answers, &app.wizard.importance);
    let title = match shown_group(app) {
        Some(g) => match g.leader {
            Some(s) => format!("Choose {} — {}", app.data.subjects[s].name, app.data.title),
            None => format!("{}: no clear winner yet", app.data.title),
        },
        None => crate::export::record_title(&app.data, &report),
    };
    let slug = crate::record::slug(&title);
    // Bounded: a folder of a million files is not read to the end for a number.
    let existing: Vec<String> = std::fs::read_dir(folder)
        .map(|d| d.take(10_000).filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    let first = crate::record::numbered_name(&existing, &slug, &crate::export::date());
    // Taken already (a second record today, in a folder named by date): -2, -3….
    let numbered = folder.join(free_name(folder, |n| match n {
        1 => first.clone(),
        n => format!("{}-{n}.md", first.trim_end_matches(".md")),
    }));
    let show = |p: &Path| crate::data::sanitize_line(&p.display().to_string());
    Action::Ask {
        title: "Write the decision record to".into(),
        options: vec![
            (show(&numbered), Effect::WriteRecordTo(numbered.clone())),
            (format!("{} (here)", show(&here)), Effect::WriteRecordTo(here.clone())),
        ],
    }
}

/// The group on the Together page, with the user named as in their files
/// (the login name) rather than "you"; `None` on any other page.
fn shown_group(app: &App) -> Option<crate::wizard::Group> {
    if app.wizard.page != crate::wizard::WizardPage::Together {
        return None;
    }
    let mut g = app.group()?;
    let me = g.members.last_mut().filter(|m| m.name == crate::app::YOU);
    if let (Some(me), Some(name)) = (me, crate::export::who()) {
        me.name = name;
    }
    Some(g)
}

/// Writes the user's answers to `answers-NAME.json` in the current directory
/// (never over a file), for a colleague's `versus decide --with` or `versus --with`.
fn export_answers(app: &App, current: &Named) -> String {
    let name = crate::export::who().unwrap_or_else(|| crate::app::YOU.to_string());
    let here = Path::new(".");
    let file = here.join(free_name(here, |n| match n {
        1 => format!("answers-{}.json", crate::record::slug(&name)),
        n => format!("answers-{}-{n}.json", crate::record::slug(&name)),
    }));
    let (answers, importance) = (&app.wizard.answers, &app.wizard.importance);
    let json = crate::export::answers_file(
        &app.data,
        &current.record_identity(),
        answers,
        importance,
        &name,
        &crate::export::date(),
    );
    let shown = crate::data::sanitize_line(&file.display().to_string());
    let created = std::fs::OpenOptions::new().write(true).create_new(true).open(&file);
    match created.and_then(|mut f| io::Write::write_all(&mut f, json.as_bytes())) {
        Ok(()) => format!("Your answers written to {shown}: others add them with --with {shown}."),
        Err(e) => format!("Could not write {shown}: {}", e.kind()),
    }
}

/// The first name `name(n)` (n = 1, 2, …) that is free in `dir`.
fn free_name(dir: &Path, name: impl Fn(usize) -> String) -> String {
    (1..100).map(&name).find(|n| std::fs::symlink_metadata(dir.join(n)).is_err()).unwrap_or_else(|| name(100))
}

/// Writes the decision record at `path`, never over an existing file; says where.
fn write_record_to(app: &App, current: &Named, path: &Path) -> String {
    use crate::export;
    let (answers, importance) = (&app.wizard.answers, &app.wizard.importance);
    let meta = export::RecordMeta::today();
    let record = match shown_group(app) {
        Some(g) => export::group::madr(&app.data, &current.record_identity(), &g, &meta),
        None => export::madr(&app.data, &current.record_identity(), answers, importance, &meta),
    };
    let shown = crate::data::sanitize_line(&path.display().to_string());
    let created = std::fs::OpenOptions::new().write(true).create_new(true).open(path);
    match created.and_then(|mut f| io::Write::write_all(&mut f, record.as_bytes())) {
        // The path first: at 80 columns the rest may be cut.
        Ok(()) => format!("Decision record written to {shown} (versus recheck replays it)."),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => format!("Exists already, not written: {shown}"),
        Err(e) => format!("Could not write {shown}: {}", e.kind()),
    }
}

/// Copies the wizard's result as Markdown with OSC 52 (terminals that do not support it ignore it).
fn copy_result(app: &App) -> String {
    use crate::export::{self, ReportFormat};
    let (answers, importance) = (&app.wizard.answers, &app.wizard.importance);
    let text = match shown_group(app) {
        Some(g) => export::group::report(&app.data, &g, ReportFormat::Markdown),
        None => export::decision_report(&app.data, answers, importance, ReportFormat::Markdown),
    };
    match copy(&text) {
        Ok(()) => {
            format!("Copied the result as Markdown ({} lines) to the clipboard (OSC 52).", text.lines().count())
        }
        Err(e) => format!("Could not copy: {e}"),
    }
}

/// The `n`th name tried for a decision record: `decision-<identity>.md`,
/// then `-2`, `-3`…. Any file system takes 255 bytes in a name; a long
/// path's identity is cut so that writing never fails for its length.
fn record_file_name(identity: &str, n: usize) -> String {
    let cut: String = identity.chars().take(64).collect();
    let identity = match cut.trim_end_matches('-') {
        "" => "comparison",
        cut => cut,
    };
    if n == 1 { format!("decision-{identity}.md") } else { format!("decision-{identity}-{n}.md") }
}

/// Puts `text` on the clipboard with OSC 52 (terminals that do not support it ignore it).
fn copy(text: &str) -> io::Result<()> {
    let sequence = format!("\u{1b}]52;c;{}\u{7}", base64(text.as_bytes()));
    let _writing = super::terminal_lock();
    io::Write::write_all(&mut io::stdout(), sequence.as_bytes()).and_then(|()| io::Write::flush(&mut io::stdout()))
}

/// The program that opens a link: `VERSUS_OPENER` if set, else the system's.
fn opener() -> std::ffi::OsString {
    let system = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    std::env::var_os("VERSUS_OPENER").filter(|o| !o.is_empty()).unwrap_or_else(|| system.into())
}

/// Opens the link of the entry at `place` with the system's opener, detached from the screen.
fn open_link(app: &App, place: Place) -> String {
    let Some(url) = crate::ui::link_at(app, place) else {
        return "Nothing to open: the selection has no link (Overview: homepages, sources).".into();
    };
    let opener = opener();
    // Detached from the screen: no input, output thrown away, and a
    // thread waits for it so it leaves no zombie behind.
    let child = std::process::Command::new(&opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    match child {
        Ok(mut child) => {
            std::thread::spawn(move || child.wait());
            format!("Opening {url} in the browser.")
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            format!("No program to open links ({}) was found. The link: {url}", opener.to_string_lossy())
        }
        Err(e) => format!("Could not open {url}: {e}"),
    }
}

/// Copies the entry at `place`, as its detail shows it, with OSC 52.
fn copy_entry(app: &App, theme: &Theme, place: Place) -> String {
    match crate::ui::text_at(app, theme, place) {
        None => "Nothing is selected to copy.".into(),
        Some(text) => match copy(&text) {
            Ok(()) => {
                let first = text.lines().next().unwrap_or_default();
                let first = crate::data::clip(first, 40);
                let lines = crate::data::count(text.lines().count(), "line", "lines");
                format!("Copied \"{first}\" ({lines}) to the clipboard (OSC 52).")
            }
            Err(e) => format!("Could not copy: {e}"),
        },
    }
}

/// Standard base64, for OSC 52.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_file_names_stay_short_whatever_the_identity() {
        assert_eq!(record_file_name("django-vs-flask", 1), "decision-django-vs-flask.md");
        assert_eq!(record_file_name("django-vs-flask", 2), "decision-django-vs-flask-2.md");
        let long = crate::saved::identity(Some(&format!("/{}", "very-long-folder-name/".repeat(40))), None);
        assert!(long.len() > 255, "the identity of a long path is long: {}", long.len());
        let name = record_file_name(&long, 99);
        assert!(name.len() <= 80 && name.starts_with("decision-very-long") && !name.contains("--"), "{name}");
        assert_eq!(record_file_name("", 1), "decision-comparison.md");
    }

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"pwned"), "cHduZWQ=");
    }
}
