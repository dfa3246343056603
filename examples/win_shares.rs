//! The share of every complete answer set (each question answered, every
//! importance normal) that each subject wins, and the share that ties: how
//! far a comparison's wizard leans, before and after an edit of its weights.
//!
//! ```text
//! cargo run --release --example win_shares -- django-vs-flask
//! ```
//!
//! Comparisons with more than 5 million complete answer sets are sampled
//! (every k-th set in order), and say so.

use std::process::ExitCode;

use versus::wizard::{self, Outcome};

const LIMIT: u64 = 5_000_000;

fn main() -> ExitCode {
    let Some(name) = std::env::args().nth(1) else {
        eprintln!("usage: win_shares NAME|FILE");
        return ExitCode::FAILURE;
    };
    let c = match versus::catalogue::resolve(Some(std::path::Path::new(&name))).map(|n| n.load()) {
        Ok(Ok(c)) => c,
        _ => {
            eprintln!("win_shares: cannot load {name}");
            return ExitCode::FAILURE;
        }
    };
    let sizes: Vec<u64> = c.wizard.questions.iter().map(|q| q.options.len() as u64).collect();
    let total: u64 = sizes.iter().product();
    let step = total.div_ceil(LIMIT).max(1);
    let mut wins = vec![0u64; c.subjects.len()];
    let (mut ties, mut none, mut counted) = (0u64, 0u64, 0u64);
    let mut k = 0;
    while k < total {
        let mut rest = k;
        let answers: Vec<Option<usize>> = sizes
            .iter()
            .map(|&n| {
                let o = rest % n;
                rest /= n;
                Some(o as usize)
            })
            .collect();
        match wizard::score(&c, &answers, &[]).outcome {
            Outcome::Winner(s) => wins[s] += 1,
            Outcome::Tie(_) => ties += 1,
            Outcome::NoAnswers => none += 1,
        }
        counted += 1;
        k += step;
    }
    let pct = |n: u64| 100.0 * n as f64 / counted as f64;
    let sampled = if step > 1 { format!(", every {step}th of {total}") } else { String::new() };
    println!("{}: {counted} complete answer sets{sampled}", c.title);
    for (s, n) in c.subjects.iter().zip(&wins) {
        println!("  {:<12} {:>6.2}%", s.name.as_str(), pct(*n));
    }
    println!("  {:<12} {:>6.2}%", "tie", pct(ties));
    if none > 0 {
        println!("  {:<12} {:>6.2}%", "no answer", pct(none));
    }
    ExitCode::SUCCESS
}
