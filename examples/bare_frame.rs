//! The start-up floor: the smallest ratatui program that draws a frame
//! comparable to versus's first screen — a tab bar and a 20-row table —
//! into a TestBackend, then exits. `benches/compare.sh` times
//! `versus startup-frame` against it.
//!
//! `cargo run --release --example bare_frame`

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::{Constraint, Layout};
use ratatui::widgets::{Block, Borders, Row, Table, Tabs};

fn main() {
    let mut terminal = match Terminal::new(TestBackend::new(120, 40)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("bare_frame: {e}");
            std::process::exit(1);
        }
    };
    let drawn = terminal.draw(|frame| {
        let [bar, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(frame.area());
        frame.render_widget(Tabs::new(["Features", "Pros/Cons", "Use cases", "Performance", "FAQ", "Decide"]), bar);
        let rows = (0..20).map(|i| Row::new([format!("Feature {i}"), format!("Django {i}"), format!("Flask {i}")]));
        let widths = [Constraint::Length(24), Constraint::Fill(1), Constraint::Fill(1)];
        frame.render_widget(Table::new(rows, widths).block(Block::new().borders(Borders::ALL)), body);
    });
    if let Err(e) = drawn {
        eprintln!("bare_frame: {e}");
        std::process::exit(1);
    }
}
