//! Command-line parsing and dispatch only; the work lives in the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use versus::data::{self, Comparison, LoadError};
use versus::export;

#[derive(Parser)]
#[command(name = "versus", version, about = "Compare technologies side by side: Django vs Flask and more.")]
struct Cli {
    /// Comparison to open: a RON file, or a shipped one by name
    /// (django-vs-flask, django-vs-flask-vs-fastapi). Default: django-vs-flask.
    #[arg(long, global = true, value_name = "FILE")]
    data: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate data files; prints one line per valid file, the errors otherwise.
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Print the whole comparison, every section, to stdout.
    Export {
        #[arg(long, value_enum, default_value_t = Format::Markdown)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Markdown,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { files }) => check(&files),
        Some(Command::Export { format }) => with_data(cli.data, |c| {
            let text = match format {
                Format::Markdown => export::markdown(&c),
                Format::Json => export::json(&c),
            };
            print_out(&text)
        }),
        None => with_data(cli.data, |c| {
            let mut app = versus::app::App::new(c);
            match versus::tui::run(&mut app, versus::ui::Theme::from_env()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("versus: {e}");
                    ExitCode::from(2)
                }
            }
        }),
    }
}

fn check(files: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in files {
        match data::load_file(path) {
            Ok(c) => println!("ok: {}: {}", path.display(), export::summary_line(&c)),
            Err(e) => {
                failed = true;
                report(e);
            }
        }
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// Loads the comparison named by `--data` (or the default) and runs `f` on it.
fn with_data(path: Option<PathBuf>, f: impl FnOnce(Comparison) -> ExitCode) -> ExitCode {
    match data::open(path.as_deref()) {
        Ok(c) => f(c),
        Err(e) => {
            report(e);
            ExitCode::FAILURE
        }
    }
}

fn report(e: LoadError) {
    // Unwrapped lines keep each "file: path: message" problem on one line for grep.
    let _ = miette::set_hook(Box::new(|_| Box::new(miette::MietteHandlerOpts::new().wrap_lines(false).build())));
    eprintln!("{:?}", miette::Report::new(e));
}

/// Writes to stdout; a closed pipe (`versus export | head`) is a normal end, not an error.
fn print_out(text: &str) -> ExitCode {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("versus: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}
