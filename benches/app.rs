//! Criterion suite: `cargo bench --bench app`.
//!
//! Loading (parse + validate + index) of the default data and of a 100k-entry
//! synthetic comparison; drawing each tab at 200×60; one keystroke of FAQ
//! search at 10k entries. The synthetic data comes from
//! `examples/gen_data.rs`, built on first use.

use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use versus::app::{Action, App, LineAction};
use versus::data;
use versus::tab::Tab;
use versus::ui::{self, Theme};

fn synthetic(entries: usize) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let manifest = env!("CARGO_MANIFEST_DIR");
    let built = Command::new(cargo)
        .args(["build", "--release", "--quiet", "--example", "gen_data"])
        .current_dir(manifest)
        .status()
        .is_ok_and(|s| s.success());
    assert!(built, "building gen_data failed");
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| Path::new(manifest).join("target"), PathBuf::from);
    let out =
        Command::new(target.join("release/examples/gen_data")).arg(entries.to_string()).output().expect("gen_data");
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn load(c: &mut Criterion) {
    let default = data::BUILTIN[0].1;
    let big = synthetic(100_000);
    let mut group = c.benchmark_group("load+validate+index");
    group.sample_size(10);
    group.bench_function("default", |b| {
        b.iter(|| App::new(data::load_str(default, "default").expect("valid")));
    });
    group.bench_function("100k entries", |b| {
        b.iter(|| App::new(data::load_str(&big, "big").expect("valid")));
    });
    group.finish();
    // What the first search of a large comparison waits for (the search
    // thread builds it at start, while the user reads).
    let app = App::new(data::load_str(&big, "big").expect("valid"));
    let mut group = c.benchmark_group("word index, 100k entries");
    group.sample_size(10);
    group.bench_function("FAQ corpus", |b| {
        b.iter(|| versus::search::words::WordIndex::build(&app.corpora.faq));
    });
    group.finish();
}

fn draw(c: &mut Criterion) {
    let default = App::new(data::load_str(data::BUILTIN[0].1, "default").expect("valid"));
    let big = App::new(data::load_str(&synthetic(100_000), "big").expect("valid"));
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    let mut group = c.benchmark_group("draw 200x60");
    for (name, base) in [("default", &default), ("100k", &big)] {
        for tab in Tab::ALL {
            let mut app = base.clone();
            app.update(Action::GoToTab(tab));
            app.update(Action::Move(3));
            group.bench_with_input(BenchmarkId::new(name, tab.title()), &app, |b, app| {
                b.iter(|| terminal.draw(|f| _ = ui::draw(f, app, &Theme::COLOR)).map(|_| ()).expect("draw"));
            });
        }
    }
    group.finish();
}

fn keystroke(c: &mut Criterion) {
    let mut app = App::new(data::load_str(&synthetic(10_000), "10k").expect("valid"));
    app.update(Action::GoToTab(Tab::Faq));
    app.update(Action::Search);
    for ch in "deploy ".chars() {
        app.update(Action::Line(LineAction::Type(ch)));
        app.settle();
    }
    c.bench_function("FAQ search keystroke, 10k entries ('deploy ' + 'c')", |b| {
        b.iter_batched(
            || app.clone(),
            |mut app| {
                app.update(Action::Line(LineAction::Type('c')));
                app.settle();
                app.entry_count(Tab::Faq)
            },
            BatchSize::LargeInput,
        );
    });
}

/// Mapping a key on the wizard's result page against the last frame's screen
/// map: no layout is recomputed and nothing is scored, so it costs the same
/// on the heaviest page as on the lightest.
fn map_key(c: &mut Criterion) {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use versus::wizard::WizardAction;
    let mut app = App::new(data::load_str(data::BUILTIN[0].1, "default").expect("valid"));
    app.update(Action::GoToTab(Tab::Decide));
    app.update(Action::Wizard(WizardAction::Result));
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    let mut map = ui::ScreenMap::default();
    terminal.draw(|f| map = ui::draw(f, &app, &Theme::COLOR)).expect("draw");
    let mut group = c.benchmark_group("map a key on the wizard's result page");
    for (name, code) in [("q", KeyCode::Char('q')), ("PgDn", KeyCode::PageDown)] {
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        group.bench_function(name, |b| b.iter(|| versus::input::map_event(&event, &app, &map)));
    }
    group.finish();
}

/// The group's result for 20 people on the three-way comparison: every
/// question answered (options and importance from a fixed-seed generator),
/// with one person's changes, the ranked disagreements and the firmness share
/// (4,096 sampled importance settings). Target: under 50 ms.
fn group_result(c: &mut Criterion) {
    use versus::wizard::{Group, Importance, Member};
    let comparison = data::load_builtin("django-vs-flask-vs-fastapi").expect("shipped").expect("valid");
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let people: Vec<Member> = (0..20)
        .map(|i| Member {
            name: format!("person{i}"),
            answers: comparison.wizard.questions.iter().map(|q| Some(next(q.options.len()))).collect(),
            importance: comparison.wizard.questions.iter().map(|_| Importance::ALL[1 + next(3)]).collect(),
        })
        .collect();
    let mut group = c.benchmark_group("group result");
    group.sample_size(10);
    group.bench_function("20 people, three-way", |b| b.iter(|| Group::new(&comparison, people.clone())));
    group.finish();
}

criterion_group!(benches, load, draw, keystroke, map_key, group_result);
criterion_main!(benches);
