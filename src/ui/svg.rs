//! A ratatui buffer as SVG: one `<rect>` per run of background colour and one
//! `<text>` per run of same-styled characters, on a fixed monospace grid, so
//! a screenshot keeps the app's colours, bold, italic and underline. No
//! maintained crate does this; it is a small, tested writer instead.

use std::fmt::Write;

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const CELL_W: f64 = 8.4;
const CELL_H: f64 = 17.0;
const FONT_SIZE: f64 = 14.0;
const BACKGROUND: &str = "#1e1e2e";
const FOREGROUND: &str = "#d8dee9";

/// The terminal palette used for named colours (a dark theme).
fn rgb(color: Color) -> Option<&'static str> {
    Some(match color {
        Color::Reset => return None,
        Color::Black => "#45475a",
        Color::Red => "#f38ba8",
        Color::Green => "#a6e3a1",
        Color::Yellow => "#f9e2af",
        Color::Blue => "#89b4fa",
        Color::Magenta => "#f5c2e7",
        Color::Cyan => "#94e2d5",
        Color::Gray => "#bac2de",
        Color::DarkGray => "#7f849c",
        Color::LightRed => "#f38ba8",
        Color::LightGreen => "#a6e3a1",
        Color::LightYellow => "#f9e2af",
        Color::LightBlue => "#89b4fa",
        Color::LightMagenta => "#f5c2e7",
        Color::LightCyan => "#94e2d5",
        Color::White => "#cdd6f4",
        _ => FOREGROUND,
    })
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The buffer as a standalone SVG document.
pub fn render(buffer: &Buffer) -> String {
    let area = buffer.area;
    let (w, h) = (area.width as f64 * CELL_W, area.height as f64 * CELL_H);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.1} {h:.1}\">"
    );
    let _ = writeln!(out, "<rect width=\"100%\" height=\"100%\" fill=\"{BACKGROUND}\"/>");
    let _ = writeln!(
        out,
        "<g font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"{FONT_SIZE}\" xml:space=\"preserve\">"
    );
    for y in 0..area.height {
        // Runs of cells with the same look.
        let mut x = 0;
        while x < area.width {
            let cell = &buffer[(area.x + x, area.y + y)];
            let reversed = cell.modifier.contains(Modifier::REVERSED);
            let (mut fg, mut bg) = (rgb(cell.fg).unwrap_or(FOREGROUND), rgb(cell.bg));
            if reversed {
                (fg, bg) = (bg.unwrap_or(BACKGROUND), Some(fg));
            }
            let start = x;
            let mut text = String::new();
            while x < area.width {
                let c = &buffer[(area.x + x, area.y + y)];
                if c.fg != cell.fg || c.bg != cell.bg || c.modifier != cell.modifier {
                    break;
                }
                text.push_str(c.symbol());
                x += 1;
            }
            let (px, py) = (start as f64 * CELL_W, y as f64 * CELL_H);
            let width = (x - start) as f64 * CELL_W;
            if let Some(bg) = bg {
                let _ = writeln!(
                    out,
                    "<rect x=\"{px:.1}\" y=\"{py:.1}\" width=\"{width:.1}\" height=\"{CELL_H}\" fill=\"{bg}\"/>"
                );
            }
            if text.trim().is_empty() {
                continue;
            }
            let mut attrs = format!("fill=\"{fg}\"");
            if cell.modifier.contains(Modifier::BOLD) {
                attrs.push_str(" font-weight=\"bold\"");
            }
            if cell.modifier.contains(Modifier::ITALIC) {
                attrs.push_str(" font-style=\"italic\"");
            }
            if cell.modifier.contains(Modifier::UNDERLINED) {
                attrs.push_str(" text-decoration=\"underline\"");
            }
            if cell.modifier.contains(Modifier::DIM) {
                attrs.push_str(" opacity=\"0.6\"");
            }
            let baseline = py + CELL_H * 0.78;
            // textLength pins the run to the grid whatever font the viewer picks.
            let _ = writeln!(
                out,
                "<text x=\"{px:.1}\" y=\"{baseline:.1}\" textLength=\"{width:.1}\" lengthAdjust=\"spacingAndGlyphs\" {attrs}>{}</text>",
                escape(&text)
            );
        }
    }
    out.push_str("</g>\n</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn runs_keep_colour_weight_and_grid_position() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 10, 2));
        buffer.set_string(0, 0, "ab", Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD));
        buffer.set_string(2, 0, "<&>", Style::new());
        buffer.set_string(0, 1, "sel", Style::new().add_modifier(Modifier::REVERSED));
        let svg = render(&buffer);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"84\" height=\"34\""), "{svg}");
        assert!(svg.contains("<text x=\"0.0\" y=\"13.3\" textLength=\"16.8\" lengthAdjust=\"spacingAndGlyphs\" fill=\"#94e2d5\" font-weight=\"bold\">ab</text>"), "{svg}");
        assert!(svg.contains(">&lt;&amp;&gt;     </text>"), "markup is escaped: {svg}");
        assert!(
            svg.contains(&format!("<rect x=\"0.0\" y=\"17.0\" width=\"25.2\" height=\"17\" fill=\"{FOREGROUND}\"/>")),
            "reverse video paints the background: {svg}"
        );
    }
}
