//! Search benchmark: `cargo bench --bench search`.
//!
//! Reports, on this machine, in one run:
//! 1. per-keystroke latency (p50/p99) while typing 10-character queries into
//!    the FAQ filter at 10k and 100k entries: search, results applied, one
//!    frame drawn, exactly as the app does it;
//!    and, at 100k, the first search typed the moment the app opens (its
//!    word index is built first);
//! 2. the longest frame drawn while typing into the FAQ filter over 1M
//!    entries, with the search on its thread (drawing must never wait), and
//!    the results after the last key (the index built while typing);
//! 3. `versus search --lines` against `fzf --filter` on the same 1M lines,
//!    medians of interleaved runs, for several queries including one that
//!    matches every line.
//!
//! Data comes from `examples/gen_data.rs`. fzf comes from Debian's package
//! (`apt-get install fzf`); without it, part 3 says so and is skipped.
//! Figures are ratios and percentiles, not pass/fail: the machines are shared.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use versus::app::{Action, App, LineAction};
use versus::data;
use versus::search::Searcher;
use versus::tab::Tab;
use versus::ui::{self, Theme};

/// Typed one character at a time; each reads like something a user looks for.
const QUERIES: [&str; 5] = ["deploy cac", "rollback q", "configure ", "migrationx", "token sess"];

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

fn build_tools() -> (PathBuf, PathBuf) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let ok = Command::new(cargo)
        .args(["build", "--release", "--quiet", "--example", "gen_data", "--bin", "versus"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "building gen_data and versus failed");
    let release = target_dir().join("release");
    (release.join("examples/gen_data"), release.join("versus"))
}

fn generate(gen_data: &Path, args: &[&str]) -> Vec<u8> {
    let out = Command::new(gen_data).args(args).output().expect("gen_data runs");
    assert!(out.status.success());
    out.stdout
}

fn comparison(gen_data: &Path, entries: usize) -> App {
    let ron = generate(gen_data, &[&entries.to_string()]);
    let src = String::from_utf8(ron).expect("UTF-8");
    let c = data::load_str(&src, "synthetic").unwrap_or_else(|e| panic!("{e}"));
    App::new(c)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// Latency of each keystroke: from the key to a frame showing its results.
fn keystrokes(app: &App) -> Vec<Duration> {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut samples = Vec::new();
    // 10 rounds of 5 queries of 10 keys: 500 samples, so one scheduling hiccup is not the p99.
    for _round in 0..10 {
        for query in QUERIES {
            let mut app = app.clone();
            app.update(Action::GoToTab(Tab::Faq));
            app.update(Action::Search);
            app.settle();
            for c in query.chars() {
                let start = Instant::now();
                app.update(Action::Line(LineAction::Type(c)));
                app.settle();
                terminal.draw(|f| _ = ui::draw(f, &app, &Theme::COLOR)).expect("draw");
                samples.push(start.elapsed());
            }
        }
    }
    samples.sort();
    samples
}

/// The UI loop over a million entries: keys every 40 ms, a frame every 8 ms
/// (as the app polls while searching); returns the longest frame and the
/// time from the last key to its results.
fn frames_while_searching(app: &mut App) -> (Duration, Duration, usize) {
    let searcher = Searcher::start(app.corpora.clone());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    app.update(Action::GoToTab(Tab::Faq));
    app.update(Action::Search);
    let query = "deploy cac";
    let mut longest = Duration::ZERO;
    let mut frames = 0;
    let mut next_key = Instant::now();
    let mut typed = 0;
    let mut last_key = Instant::now();
    loop {
        if typed < query.len() && Instant::now() >= next_key {
            app.update(Action::Line(LineAction::Type(query.as_bytes()[typed] as char)));
            typed += 1;
            last_key = Instant::now();
            next_key = last_key + Duration::from_millis(40);
        }
        let start = Instant::now();
        app.run_searches(|request| searcher.run(request));
        for results in searcher.finished() {
            app.update(Action::Found(results));
        }
        terminal.draw(|f| _ = ui::draw(f, app, &Theme::COLOR)).expect("draw");
        longest = longest.max(start.elapsed());
        frames += 1;
        if typed == query.len() && !app.searching() {
            return (longest, last_key.elapsed(), frames);
        }
        std::thread::sleep(Duration::from_millis(8));
    }
}

/// From start (the search thread begins indexing) to the results of a word
/// typed at once: what a user who searches the moment the app opens waits.
fn first_search(app: &mut App) -> Duration {
    let start = Instant::now();
    let searcher = Searcher::start(app.corpora.clone());
    app.update(Action::GoToTab(Tab::Faq));
    app.update(Action::Search);
    for c in "deploy".chars() {
        app.update(Action::Line(LineAction::Type(c)));
    }
    loop {
        app.run_searches(|request| searcher.run(request));
        for results in searcher.finished() {
            app.update(Action::Found(results));
        }
        if !app.searching() {
            return start.elapsed();
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

fn run_timed(cmd: &mut Command, input: &Path) -> (Duration, usize) {
    let file = std::fs::File::open(input).expect("lines file");
    let start = Instant::now();
    let out = cmd.stdin(file).stderr(Stdio::null()).output().expect("runs");
    (start.elapsed(), out.stdout.iter().filter(|&&b| b == b'\n').count())
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn versus_vs_fzf(gen_data: &Path, versus_bin: &Path) {
    let fzf_ok = Command::new("fzf").arg("--version").output().is_ok_and(|o| o.status.success());
    if !fzf_ok {
        println!("3. fzf not found: install it (apt-get install fzf) to compare; skipped.");
        return;
    }
    let lines = std::env::temp_dir().join("versus-bench-1m-lines.txt");
    std::fs::File::create(&lines)
        .and_then(|mut f| f.write_all(&generate(gen_data, &["--lines", "1000000"])))
        .expect("write lines");
    println!("3. `versus search --lines Q` vs `fzf --filter Q`, 1,000,000 lines, median of 5 interleaved runs:");
    println!("   {:<14} {:>10} {:>10} {:>8} {:>10}", "query", "versus", "fzf", "ratio", "hits");
    for query in ["cfgdeploy", "rollback", "cfg staging", "stagingdeploy7", "zzqx"] {
        let (mut ours, mut theirs, mut hits) = (Vec::new(), Vec::new(), (0, 0));
        for _ in 0..5 {
            let (t, n) = run_timed(Command::new(versus_bin).args(["search", "--lines", query]), &lines);
            ours.push(t);
            hits.0 = n;
            let (t, n) = run_timed(Command::new("fzf").args(["--filter", query]), &lines);
            theirs.push(t);
            hits.1 = n;
        }
        let (a, b) = (median(ours), median(theirs));
        println!(
            "   {:<14} {:>10} {:>10} {:>7.2}× {:>10}",
            query,
            ms(a),
            ms(b),
            a.as_secs_f64() / b.as_secs_f64(),
            if hits.0 == hits.1 { hits.0.to_string() } else { format!("{}≠{}", hits.0, hits.1) }
        );
    }
    let _ = std::fs::remove_file(&lines);
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` passes nothing: run only for `cargo bench`.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let (gen_data, versus_bin) = build_tools();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("versus search benchmark — {cores} cores");
    println!("1. Keystroke latency, FAQ filter, typing 10-character queries (search + one 120×40 frame):");
    for entries in [10_000, 100_000] {
        let app = comparison(&gen_data, entries);
        let samples = keystrokes(&app);
        println!(
            "   {:>7} entries: p50 {:>9}  p99 {:>9}  max {:>9}  ({} keystrokes)",
            entries,
            ms(percentile(&samples, 0.5)),
            ms(percentile(&samples, 0.99)),
            ms(samples[samples.len() - 1]),
            samples.len()
        );
    }
    let first: Vec<Duration> = (0..5).map(|_| first_search(&mut comparison(&gen_data, 100_000))).collect();
    println!(
        "   {:>7} entries: first search right after start {} (median of 5; its index built first)",
        100_000,
        ms(median(first))
    );
    let mut app = comparison(&gen_data, 1_000_000);
    let (longest, settle, frames) = frames_while_searching(&mut app);
    println!(
        "2. 1,000,000 entries: longest frame {} over {frames} frames while typing; results {} after the last key",
        ms(longest),
        ms(settle)
    );
    // `cargo bench --bench search -- in-app` stops here (benches/compare.sh times fzf itself).
    if !std::env::args().any(|a| a == "in-app") {
        versus_vs_fzf(&gen_data, &versus_bin);
    }
}
