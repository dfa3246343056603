//! Command-line parsing and dispatch only; the work lives in the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate, PathCompleter, ValueCompleter};
use versus::export::{self, ReportFormat};
use versus::headless;
use versus::ui::ThemeName;

#[derive(Parser)]
#[command(
    name = "versus",
    version = versus::VERSION,
    about = "Compare technologies side by side: Django vs Flask and more.",
    disable_help_subcommand = true
)]
struct Cli {
    #[command(flatten)]
    data: DataArg,

    /// Reload the comparison's file whenever it changes on disk (for --data
    /// FILE or one of your own): edit in one window, watch in another.
    #[arg(long)]
    watch: bool,

    /// Colours for a dark or light terminal; auto (the default) asks the terminal for its
    /// background, then reads COLORFGBG, else dark. Overrides the config file's theme;
    /// NO_COLOR (set, non-empty) turns colour off.
    #[arg(long, value_enum, value_name = "THEME")]
    theme: Option<ThemeArg>,

    /// Decide together: another person's answer file (`versus decide --format answers`, or `E` on
    /// the result page) or decision record; repeat for more. `t` on the Decide tab shows the group.
    #[arg(long = "with", value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    with: Vec<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum SourceAction {
    /// Clone a git repository of comparisons (RON files at its top or under comparisons/) as
    /// source NAME, into $XDG_DATA_HOME/versus/sources/NAME.
    Add {
        name: String,
        #[arg(value_name = "URL|PATH")]
        url: String,
        /// A branch or tag to follow instead of the default branch.
        #[arg(long = "ref", value_name = "REF")]
        reference: Option<String>,
    },
    /// Each source: name, URL, commit, date, how many comparisons, and any error.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Remove a source and its clone.
    Remove { name: String },
}

/// `--data`, on the app and on each command that reads a comparison (only there).
#[derive(Args, Clone, Default)]
struct DataArg {
    /// Comparison to use: a name from `versus list` (shipped or your own) or
    /// a RON file's path. Default: django-vs-flask.
    #[arg(long, value_name = "NAME|FILE", add = ArgValueCompleter::new(complete_data))]
    data: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate comparisons (names or files); prints one line per valid one, the errors otherwise.
    Check {
        #[arg(required = true, value_name = "NAME|FILE")]
        comparisons: Vec<PathBuf>,
        /// Also the rules every shipped comparison keeps: a source for every Correction, a note or
        /// a source for every company example, a level for every fit, no starter placeholder or
        /// example.com left, no note about the file's own history.
        #[arg(long)]
        strict: bool,
        /// Also list the runs of 8 or more words each comparison shares with this text (the
        /// article it was written from, as plain text); any is a failure.
        #[arg(long, value_name = "SOURCE.txt")]
        against: Option<PathBuf>,
        /// Also list the claims older than this age (18mo, 2y, 1y6mo), each located: the
        /// comparison's as_of, each source's and each note's (a source or note without one is as
        /// old as the comparison); any is a failure. Claims with no date at all are counted.
        #[arg(long, value_name = "AGE", value_parser = parse_age)]
        max_age: Option<u32>,
    },
    /// Every comparison you can open: the shipped ones and your own, with title, subjects and origin.
    List {
        /// JSON output: name, from, path, title, subjects, error, shadowed.
        #[arg(long)]
        json: bool,
    },
    /// Start a comparison of your own: writes a commented starter file into
    /// your comparisons directory and prints its path.
    New {
        /// Its name: letters, digits, '-', '_', '.'; "a-vs-b" also names its subjects.
        name: String,
        /// The subjects' names, comma-separated (2 to 12).
        #[arg(long, value_name = "A,B,…")]
        subjects: Option<String>,
    },
    /// Print the whole comparison, every section, to stdout.
    Export {
        #[arg(long, value_enum, default_value_t = Format::Markdown)]
        format: Format,
        #[command(flatten)]
        data: DataArg,
    },
    /// Search every entry of every tab, best first (or, with --lines, stdin, like fzf --filter).
    /// QUERY uses fzf's extended syntax: words AND, 'exact, ^prefix, suffix$, !not, a | b.
    Search {
        query: String,
        /// Filter lines read from stdin instead, best first, like `fzf --filter`.
        #[arg(long)]
        lines: bool,
        /// At most this many results; 0 means no limit [default: 20; all with --lines].
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// JSON output: rank, score, kind, subject, tab, entry, text, and every
        /// matched field with its byte ranges.
        #[arg(long, conflicts_with = "lines")]
        json: bool,
        /// Search every comparison you can open (shipped, yours, your sources'), each hit naming
        /// its comparison; only hits that match every word.
        #[arg(long, conflicts_with = "lines")]
        all: bool,
        #[command(flatten)]
        data: DataArg,
    },
    /// The decision wizard, headless: the recommendation and why, from your answers.
    Decide {
        /// An answer, as QUESTION=OPTION (ids as in `versus export`); repeat for more.
        #[arg(long = "answer", value_name = "QUESTION=OPTION", add = ArgValueCompleter::new(complete_answer))]
        answers: Vec<String>,
        /// How much a question matters: QUESTION=ignore|low|normal|high (×0, ×0.5, ×1, ×2); repeat for more.
        #[arg(long = "importance", value_name = "QUESTION=LEVEL", add = ArgValueCompleter::new(complete_importance))]
        importance: Vec<String>,
        /// Start from the answers and importance saved by the app (--answer and --importance change them).
        #[arg(long)]
        saved: bool,
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// With --format madr: who made the decision (the record's decision-makers); repeat for more.
        /// Default: your login name.
        #[arg(long = "decision-maker", value_name = "NAME")]
        decision_makers: Vec<String>,
        /// With --format madr: the record this one replaces. Its status becomes "superseded by …"
        /// (when it is a versus record you can write), and the new record names it.
        #[arg(long, value_name = "OLD.md")]
        supersedes: Option<PathBuf>,
        /// Decide together: another person's answer file (`--format answers`) or decision record;
        /// repeat for more. With --answer or --saved, your answers join them. The comparison is the
        /// one the first file names, unless --data is given.
        #[arg(long = "with", value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        with: Vec<PathBuf>,
        /// Your name in an answer file or among --with files. Default: your login name.
        #[arg(long = "as", value_name = "NAME")]
        as_name: Option<String>,
        #[command(flatten)]
        data: DataArg,
    },
    /// Git repositories of comparisons (names SOURCE/comparison): add, list, remove. Uses the git
    /// program you have; only `source add` and `update` reach the network.
    Source {
        #[command(subcommand)]
        action: SourceAction,
    },
    /// Fetch every source (or one) and fast-forward it, saying what changed in each comparison.
    /// A clone with local changes or a diverged history is left alone. Exit 1 when any could not
    /// be updated (offline, unreachable), with nothing changed.
    Update {
        #[arg(value_name = "SOURCE")]
        source: Option<String>,
    },
    /// What changed between two versions of a comparison (names or files): entries added,
    /// removed and changed, by tab, with the text; changed weights; and which decisions flip —
    /// your saved answers and the records in --records DIR, replayed against both. Exit 0 when
    /// they are the same, 1 when they differ, 2 when one cannot be read.
    Diff {
        /// The older version: a name, a file, or SOURCE/comparison@REF (a git revision of a source).
        #[arg(value_name = "OLD")]
        old: PathBuf,
        /// The newer version. Left out, with OLD a source's comparison: OLD as it was before the
        /// last `versus update` against OLD as it is now.
        #[arg(value_name = "NEW")]
        new: Option<PathBuf>,
        /// A folder of decision records (docs/decisions) to replay against both versions.
        #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
        records: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Replay the answers kept in a decision record (`decide --format madr`, or `w` in the app)
    /// against the current data: exit 0 when its outcome still holds, 1 when it changed, 2 when
    /// it cannot be checked. Given a folder (docs/decisions/), every record in it, one line each.
    Recheck {
        #[arg(value_name = "RECORD.md|DIR")]
        record: PathBuf,
        /// Print the result as JSON (an array for a folder).
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        data: DataArg,
    },
    /// Render every tab, the help, a search and a wizard result as SVG and text.
    Screenshot {
        /// Directory for the .svg and .txt files (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        #[arg(long, default_value_t = 100)]
        width: u16,
        #[arg(long, default_value_t = 30)]
        height: u16,
        #[command(flatten)]
        data: DataArg,
    },
    /// Your settings ($XDG_CONFIG_HOME/versus/config.ron): prints where the file is and the theme
    /// this terminal gets, or a complete commented default, checks one, or lists the keys.
    Config {
        /// Print a complete, commented config file with every default.
        #[arg(long, conflicts_with_all = ["check", "file", "keys", "key"])]
        default: bool,
        /// Check the config file in use; exit 1 with the line, column and what
        /// would be right when it is wrong.
        #[arg(long)]
        check: bool,
        /// A config file to check instead of the one in use.
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// Print every action a config file can bind, with its keys as the config in use (or
        /// FILE) sets them and what it does.
        #[arg(long, conflicts_with_all = ["check", "key"])]
        keys: bool,
        /// The same for one action (by the name a config file uses, e.g. quit, next_tab).
        #[arg(long, value_name = "ACTION", conflicts_with = "check", add = ArgValueCompleter::new(complete_action))]
        key: Option<String>,
    },
    /// Print the shell's completion script: it asks versus for comparison names, question=option
    /// ids and action names as you press TAB (README, "Completions and the manual page").
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): every command and option, the keys, the files: `versus man |
    /// man -l -`. With --dir, write versus.1 and a page per command (versus-decide.1, …) into
    /// DIR/man1 and versus.5 (the data format) into DIR/man5 instead.
    Man {
        /// A manual's root folder (created if missing), e.g. ~/.local/share/man.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Help on a command (`versus help decide`), or `versus help format`: the data format's
    /// reference (every field of a comparison file, its conventions and validation rules).
    Help {
        #[arg(value_name = "COMMAND|format")]
        topic: Option<String>,
    },
    /// Starts exactly as the app does (data, index, first frame) but draws
    /// into an off-screen buffer and exits: for timing start-up (benches/compare.sh).
    #[command(hide = true)]
    StartupFrame {
        #[arg(long, default_value_t = 120)]
        width: u16,
        #[arg(long, default_value_t = 40)]
        height: u16,
        #[command(flatten)]
        data: DataArg,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ThemeArg {
    Dark,
    Light,
    Auto,
}

impl From<ThemeArg> for ThemeName {
    fn from(t: ThemeArg) -> ThemeName {
        match t {
            ThemeArg::Dark => ThemeName::Dark,
            ThemeArg::Light => ThemeName::Light,
            ThemeArg::Auto => ThemeName::Auto,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Markdown,
    Json,
}

fn main() -> ExitCode {
    // `COMPLETE=bash versus -- …` (the completion script calling back): print candidates and exit.
    clap_complete::CompleteEnv::with_factory(completed).complete();
    // clap's own errors quote the arguments: printed plain and sanitized, as everything versus prints.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return headless::command_line_error(&e),
    };
    let top = cli.data.data;
    // `versus --data X export` means what `versus export --data X` does; before a command that
    // reads no comparison, --data would be silently ignored: refused instead.
    let data = |own: DataArg| own.data.or(top.clone());
    if let (Some(_), Some(command)) = (&top, &cli.command)
        && !command.reads_a_comparison()
    {
        headless::warn(&format!(
            "--data does nothing for `versus {}`: it chooses the comparison of the app and of search, export, decide, recheck and screenshot.",
            command.name()
        ));
        return ExitCode::from(2);
    }
    if !cli.with.is_empty() && (cli.command.is_some() || cli.watch) {
        headless::warn(if cli.watch {
            "--with and --watch do not go together yet: open the group without --watch"
        } else {
            "--with before a command is the app's: put it after the command (versus decide --with FILE)"
        });
        return ExitCode::from(2);
    }
    match cli.command {
        Some(Command::Check { comparisons, strict, against, max_age }) => {
            headless::check(&comparisons, &headless::CheckArgs { strict, against, max_age })
        }
        Some(Command::List { json }) => headless::list(json),
        Some(Command::New { name, subjects }) => headless::new(&name, subjects.as_deref()),
        Some(Command::Config { default: true, .. }) => headless::print_out(&versus::config::default_file()),
        Some(Command::Config { file, keys: true, .. }) => headless::config_keys(file.as_deref(), None),
        Some(Command::Config { file, key: Some(action), .. }) => headless::config_keys(file.as_deref(), Some(&action)),
        Some(Command::Config { file, check, .. }) => {
            headless::config(file.as_deref(), check, versus::tui::background::ask_terminal)
        }
        Some(Command::Completions { shell }) => completion_script(shell),
        Some(Command::Help { topic }) => help(topic.as_deref()),
        Some(Command::Man { dir: None }) => {
            headless::print_out(&headless::man::main_page(completed(), &headless::man_sections(), &[]))
        }
        Some(Command::Man { dir: Some(dir) }) => headless::man_dir(completed(), &dir),
        Some(Command::Source { action: SourceAction::Add { name, url, reference } }) => {
            headless::source::add(&name, &url, reference.as_deref())
        }
        Some(Command::Source { action: SourceAction::List { json } }) => headless::source::list(json),
        Some(Command::Source { action: SourceAction::Remove { name } }) => headless::source::remove(&name),
        Some(Command::Update { source }) => headless::source::update(source.as_deref()),
        Some(Command::Diff { old, new: Some(new), records, format }) => {
            headless::diff(&old, &new, records.as_deref(), format)
        }
        Some(Command::Diff { old, new: None, records, format }) => {
            headless::diff_since_update(&old, records.as_deref(), format)
        }
        Some(Command::Recheck { record, json, data: own }) => headless::recheck(&record, data(own).as_deref(), json),
        Some(Command::Search { query, lines: true, limit, .. }) => {
            headless::search_lines(&query, limit.unwrap_or(usize::MAX))
        }
        Some(Command::Search { query, limit, json, all: true, data: own, .. }) => {
            if data(own).is_some() {
                headless::warn("--all searches every comparison: leave out --data");
                return ExitCode::from(2);
            }
            headless::search_all(&query, limit.unwrap_or(5), json)
        }
        Some(Command::Search { query, limit, json, data: own, .. }) => {
            with_comparison(data(own).as_deref(), |_, c| headless::search(&c, &query, limit.unwrap_or(20), json))
        }
        Some(Command::Export { format: Format::Markdown, data: own }) => {
            with_comparison(data(own).as_deref(), |_, c| headless::print_out(&export::markdown(&c)))
        }
        Some(Command::Export { format: Format::Json, data: own }) => {
            with_comparison(data(own).as_deref(), |_, c| headless::print_json(&export::json(&c)))
        }
        Some(Command::StartupFrame { width, height, data: own }) => {
            with_comparison(data(own).as_deref(), |_, c| headless::startup_frame(c, width, height))
        }
        Some(Command::Screenshot { out, width, height, data: own }) => {
            with_comparison(data(own).as_deref(), |_, c| headless::screenshot(&c, &out, width, height))
        }
        Some(Command::Decide {
            answers,
            importance,
            saved,
            format,
            decision_makers,
            supersedes,
            with,
            as_name,
            data: own,
        }) => {
            let args = headless::DecideArgs { answers, importance, saved, decision_makers, supersedes, with, as_name };
            if args.with.is_empty() {
                with_comparison(data(own).as_deref(), |named, c| headless::decide(&c, &named, &args, format))
            } else {
                headless::decide_together(data(own).as_deref(), &args, format)
            }
        }
        None if cli.watch => match headless::load_watching(top.as_deref()) {
            Ok((named, comparison)) => interactive(named, comparison, true, cli.theme, Vec::new()),
            Err(code) => code,
        },
        None if !cli.with.is_empty() => match headless::read_people(top.as_deref(), &cli.with) {
            Ok((named, c, people)) => {
                interactive(named, c, false, cli.theme, people.into_iter().map(|(_, m)| m).collect())
            }
            Err(code) => code,
        },
        None => with_comparison(top.as_deref(), |named, c| interactive(named, c, false, cli.theme, Vec::new())),
    }
}

impl Command {
    /// Whether `--data` means something to this command.
    fn reads_a_comparison(&self) -> bool {
        matches!(
            self,
            Command::Export { .. }
                | Command::Search { .. }
                | Command::Decide { .. }
                | Command::Recheck { .. }
                | Command::Screenshot { .. }
                | Command::StartupFrame { .. }
        )
    }

    /// Its name on the command line.
    fn name(&self) -> String {
        let id = match self {
            Command::Check { .. } => "check",
            Command::List { .. } => "list",
            Command::New { .. } => "new",
            Command::Export { .. } => "export",
            Command::Search { .. } => "search",
            Command::Decide { .. } => "decide",
            Command::Recheck { .. } => "recheck",
            Command::Diff { .. } => "diff",
            Command::Source { .. } => "source",
            Command::Update { .. } => "update",
            Command::Screenshot { .. } => "screenshot",
            Command::Config { .. } => "config",
            Command::Completions { .. } => "completions",
            Command::Man { .. } => "man",
            Command::Help { .. } => "help",
            Command::StartupFrame { .. } => "startup-frame",
        };
        id.to_string()
    }
}

/// `--max-age`: "18mo", "2y", "1y6mo" as months.
fn parse_age(text: &str) -> Result<u32, String> {
    versus::data::date::parse_age(text).ok_or_else(|| "expected an age such as 18mo, 2y or 1y6mo".to_string())
}

/// The script that loads dynamic completion into `shell`: it calls
/// `COMPLETE=<shell> versus -- <the line>` at each TAB.
fn completion_script(shell: clap_complete::Shell) -> ExitCode {
    use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};
    let completer: &dyn EnvCompleter = match shell {
        clap_complete::Shell::Bash => &Bash,
        clap_complete::Shell::Elvish => &Elvish,
        clap_complete::Shell::Fish => &Fish,
        clap_complete::Shell::PowerShell => &Powershell,
        clap_complete::Shell::Zsh => &Zsh,
        _ => {
            headless::warn("this shell has no dynamic completion: use bash, zsh, fish, elvish or powershell");
            return ExitCode::from(2);
        }
    };
    let mut out = Vec::new();
    match completer.write_registration("COMPLETE", "versus", "versus", "versus", &mut out) {
        Ok(()) => headless::print_out(&String::from_utf8_lossy(&out)),
        Err(e) => {
            headless::warn(&format!("cannot write the completion script: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// `--data` on the line being completed (`--data X` or `--data=X`): the
/// comparison whose questions `--answer` offers.
fn data_on_line() -> Option<PathBuf> {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip_while(|a| a != "--").collect();
    let mut found = None;
    for (i, a) in args.iter().enumerate() {
        let a = a.to_string_lossy();
        if a == "--data" {
            found = args.get(i + 1).map(PathBuf::from);
        } else if let Some(v) = a.strip_prefix("--data=") {
            found = Some(PathBuf::from(v));
        }
    }
    found
}

fn candidates(found: Vec<headless::complete::Candidate>) -> Vec<CompletionCandidate> {
    found.into_iter().map(|(value, about)| CompletionCandidate::new(value).help(Some(about.into()))).collect()
}

/// `--data`: comparison names; a path once what is typed looks like one.
fn complete_data(current: &std::ffi::OsStr) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    if typed.contains('/') || typed.starts_with('.') || typed.starts_with('~') || typed.ends_with(".ron") {
        return PathCompleter::any().complete(current);
    }
    candidates(headless::complete::comparison_names(&typed))
}

fn complete_answer(current: &std::ffi::OsStr) -> Vec<CompletionCandidate> {
    candidates(headless::complete::answers(data_on_line().as_deref(), &current.to_string_lossy()))
}

fn complete_importance(current: &std::ffi::OsStr) -> Vec<CompletionCandidate> {
    candidates(headless::complete::importance(data_on_line().as_deref(), &current.to_string_lossy()))
}

fn complete_action(current: &std::ffi::OsStr) -> Vec<CompletionCandidate> {
    candidates(headless::complete::actions(&current.to_string_lossy()))
}

/// The command line as completions offer it: hidden commands left out
/// (clap's generators would offer them).
fn completed() -> clap::Command {
    let cli = Cli::command();
    let visible: Vec<clap::Command> = cli.get_subcommands().filter(|c| !c.is_hide_set()).cloned().collect();
    clap::Command::new("versus")
        .version(versus::VERSION)
        .about(cli.get_about().cloned().unwrap_or_default())
        .disable_help_subcommand(true)
        .args(cli.get_arguments().cloned())
        .subcommands(visible)
}

/// `versus help [TOPIC]`: the data format's reference, a command's help, or the whole help.
fn help(topic: Option<&str>) -> ExitCode {
    let mut cli = Cli::command();
    // Built, so a command's help says `versus decide`, not `decide`.
    cli.build();
    match topic {
        Some("format") => headless::print_out(&headless::format_reference()),
        Some(name) => match cli.find_subcommand_mut(name) {
            Some(command) => headless::print_out(&command.render_long_help().to_string()),
            None => {
                let names: Vec<String> =
                    cli.get_subcommands().filter(|c| !c.is_hide_set()).map(|c| c.get_name().to_string()).collect();
                headless::warn(&format!("no help on {name:?}: try format, or one of {}", names.join(", ")));
                ExitCode::from(2)
            }
        },
        None => headless::print_out(&cli.render_long_help().to_string()),
    }
}

/// Runs `f` on the comparison `--data` names (or the default), or reports why it does not load.
fn with_comparison(
    data: Option<&std::path::Path>,
    f: impl FnOnce(versus::catalogue::Named, versus::data::Comparison) -> ExitCode,
) -> ExitCode {
    match headless::load(data) {
        Ok((named, comparison)) => f(named, comparison),
        Err(code) => code,
    }
}

fn interactive(
    named: versus::catalogue::Named,
    comparison: versus::data::Comparison,
    watch: bool,
    theme: Option<ThemeArg>,
    together: Vec<versus::wizard::Member>,
) -> ExitCode {
    // A config that does not read whole stops the app: half of one would be a surprise.
    let config = match versus::config::load() {
        Ok(config) => config,
        Err(e) => {
            headless::warn(&format!("{e}\nversus: fix it, or check it with `versus config --check`."));
            return ExitCode::from(2);
        }
    };
    // Auto asks the terminal now, before the app reads its input (at most 50 ms when it never answers).
    let (theme, _) = config.theme_asking(theme.map(ThemeName::from), versus::tui::background::ask_terminal);
    match versus::tui::open(named, comparison, watch, &config, theme, together) {
        Ok(versus::tui::Ended::Quit) => ExitCode::SUCCESS,
        Ok(versus::tui::Ended::Signal(n)) => ExitCode::from((128 + n).clamp(0, 255) as u8),
        Err(e) => {
            headless::warn(&e.to_string());
            ExitCode::from(2)
        }
    }
}
