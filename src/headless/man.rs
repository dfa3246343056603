//! The manual: `versus man` (one page that documents every command and its
//! options, the keys, the files) and `versus man --dir DIR` (that page as
//! DIR/man1/versus.1 with a page per command, versus-decide.1 …, and
//! DIR/man5/versus.5, the data format, from the same text as `versus help format`). SEE ALSO names
//! only pages that are written. clap_mangen renders what clap knows (synopsis,
//! options); the rest is roff written here.

use std::path::{Path, PathBuf};

use clap_mangen::Man;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// A line of text as roff: backslashes escaped, no leading control
/// character, non-ASCII as groff's named glyphs (it reads Latin-1 unless told).
pub(super) fn roff_text(s: &str) -> String {
    let s = s
        .replace('\\', "\\e")
        .replace('–', "\\(en")
        .replace('—', "\\(em")
        .replace('…', "...")
        .replace('←', "\\(<-")
        .replace('→', "\\(->")
        .replace('↑', "\\(ua")
        .replace('↓', "\\(da")
        .replace('·', "\\(md")
        .replace('×', "\\(mu")
        .replace('≤', "\\(<=")
        .replace('≥', "\\(>=")
        .replace('●', "*")
        .replace('○', "o")
        .replace(['‘', '’'], "'")
        .replace(['“', '”'], "\"");
    let s = ascii(&s);
    if s.starts_with(['.', '\'']) { format!("\\&{s}") } else { s }
}

/// Every character outside ASCII as groff's `\[uXXXX]`, so none is read as Latin-1.
fn ascii(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii() { c.to_string() } else { format!("\\[u{:04X}]", c as u32) }).collect()
}

/// The visible subcommands of a built command line.
fn commands(cli: &clap::Command) -> impl Iterator<Item = &clap::Command> {
    cli.get_subcommands().filter(|c| !c.is_hide_set())
}

/// A page as clap_mangen renders `part` of it, as text.
fn render(part: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail; an error would leave the part out.
    let _ = part(&mut out);
    ascii(&String::from_utf8_lossy(&out))
}

/// Each command with its synopsis, what it does and its options, as one
/// section of the main page (clap_mangen's own section only names the
/// per-command pages, which `versus man` alone does not write).
fn commands_section(cli: &clap::Command) -> String {
    let mut out = String::from(".SH COMMANDS\n");
    for command in commands(cli) {
        command_subsection(command, &mut out);
        // A command of commands (`versus source add`): each of them too.
        for sub in commands(command).filter(|c| c.get_name() != "help") {
            command_subsection(sub, &mut out);
        }
    }
    out
}

/// One command's synopsis, what it does and its options.
fn command_subsection(command: &clap::Command, out: &mut String) {
    let usage = command.clone().render_usage().to_string();
    let usage = usage.trim_start_matches("Usage:").trim();
    out.push_str(&format!(".SS \"{}\"\n", roff_text(usage).replace('"', "\\(dq")));
    let about = command.get_long_about().or(command.get_about()).map(|a| a.to_string()).unwrap_or_default();
    out.push_str(&format!("{}\n", roff_text(&about)));
    let options = render(|w| Man::new(command.clone()).render_options_section(w));
    // Its options without clap_mangen's own heading: they belong to this command's subsection.
    let body: Vec<&str> = options.lines().filter(|l| !l.starts_with(".SH")).collect();
    if !body.is_empty() {
        out.push_str(&body.join("\n"));
        out.push('\n');
    }
}

/// The main page: synopsis, options, every command, version, then `extra`
/// (keys, data format, files, environment) and, when given, SEE ALSO.
pub fn main_page(mut cli: clap::Command, extra: &str, see_also: &[String]) -> String {
    cli.build();
    let man = Man::new(cli.clone());
    let mut page = render(|w| man.render_title(w));
    page += &render(|w| man.render_name_section(w));
    page += &render(|w| man.render_synopsis_section(w));
    page += &render(|w| man.render_description_section(w));
    page += &render(|w| man.render_options_section(w));
    page += &commands_section(&cli);
    page += &render(|w| man.render_version_section(w));
    page += extra;
    if !see_also.is_empty() {
        page += &format!(".SH SEE ALSO\n{}\n", see_also.join(",\n"));
    }
    page
}

/// A cross-reference in SEE ALSO: `.BR name (section)`.
fn reference(name: &str, section: &str) -> String {
    format!(".BR {} ({section})", roff_text(name))
}

/// `versus man --dir DIR` (a manual's root, as ~/.local/share/man): versus.1
/// and a page per command in DIR/man1, versus.5 in DIR/man5, where `man`
/// looks for each; returns the files written.
pub fn write_dir(mut cli: clap::Command, extra: &str, root: &Path) -> std::io::Result<Vec<PathBuf>> {
    cli.build();
    for section in ["man1", "man5"] {
        std::fs::create_dir_all(root.join(section))?;
    }
    let names: Vec<String> = commands(&cli).map(|c| format!("versus-{}", c.get_name())).collect();
    let mut see_also: Vec<String> = names.iter().map(|n| reference(n, "1")).collect();
    see_also.push(reference("versus", "5"));
    let mut written = Vec::new();
    let mut write = |name: String, text: String| -> std::io::Result<()> {
        let section = if name.ends_with(".5") { "man5" } else { "man1" };
        let path = root.join(section).join(name);
        std::fs::write(&path, text)?;
        written.push(path);
        Ok(())
    };
    write("versus.1".into(), main_page(cli.clone(), extra, &see_also))?;
    for command in commands(&cli) {
        let page = render(|w| Man::new(command.clone()).render(w));
        let see = [reference("versus", "1"), reference("versus", "5")].join(",\n");
        write(format!("versus-{}.1", command.get_name()), format!("{page}.SH SEE ALSO\n{see}\n"))?;
    }
    let version = cli.get_version().unwrap_or_default().to_string();
    write("versus.5".into(), format_page(&super::format_reference(), &version))?;
    Ok(written)
}

/// versus(5): the data format's reference (README's section, as `versus
/// help format` prints it) as roff: headings, paragraphs, lists, code
/// blocks, and tables as one tagged paragraph per row.
pub fn format_page(markdown: &str, version: &str) -> String {
    let mut out = format!(
        ".TH VERSUS 5 \"\" \"versus {}\" \"File formats\"\n.SH NAME\nversus \\- the comparison file format of versus(1)\n",
        roff_text(version)
    );
    let mut line = String::new();
    let mut cell = 0;
    let mut in_head = false;
    let mut code = false;
    let flush = |out: &mut String, line: &mut String| {
        let text = line.trim();
        if !text.is_empty() {
            out.push_str(&roff_text(text));
            out.push('\n');
        }
        line.clear();
    };
    // The reference's own first heading names the page; the NAME section above does.
    for event in Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES)
        .skip_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
        .skip(1)
    {
        match event {
            Event::Start(Tag::Heading { .. }) => flush(&mut out, &mut line),
            Event::End(TagEnd::Heading(level)) => {
                let macro_ = if level == pulldown_cmark::HeadingLevel::H3 { "SS" } else { "SH" };
                let title = std::mem::take(&mut line);
                let title = if macro_ == "SH" { title.to_uppercase() } else { title };
                out.push_str(&format!(".{macro_} \"{}\"\n", roff_text(title.trim()).replace('"', "\\(dq")));
            }
            Event::Start(Tag::Paragraph) => {
                flush(&mut out, &mut line);
                if cell == 0 {
                    out.push_str(".PP\n");
                }
            }
            Event::End(TagEnd::Paragraph) => flush(&mut out, &mut line),
            Event::Start(Tag::Item) => {
                flush(&mut out, &mut line);
                out.push_str(".IP \\(bu 2\n");
            }
            Event::End(TagEnd::Item) => flush(&mut out, &mut line),
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut out, &mut line);
                out.push_str(".PP\n.RS 4\n.nf\n");
                code = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                out.push_str(".fi\n.RE\n");
                code = false;
            }
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                cell = 0;
                line.clear();
            }
            Event::Start(Tag::TableRow) => cell = 0,
            Event::End(TagEnd::TableRow) => {
                flush(&mut out, &mut line);
                cell = 0;
            }
            Event::Start(Tag::TableCell) => {
                if !in_head {
                    if cell == 0 {
                        out.push_str(".TP\n");
                    } else if cell > 1 {
                        line.push_str(" \u{2014} ");
                    }
                }
                cell += 1;
            }
            // The row's first cell is its tag: a line of its own, in bold.
            Event::End(TagEnd::TableCell) if !in_head && cell == 1 => {
                let tag = std::mem::take(&mut line);
                out.push_str(&format!("\\fB{}\\fR\n", roff_text(tag.trim())));
            }
            Event::End(TagEnd::Table) => cell = 0,
            Event::Text(text) if code => {
                for l in text.lines() {
                    out.push_str(&roff_text(l));
                    out.push('\n');
                }
            }
            Event::Text(text) => line.push_str(&text),
            Event::Code(text) => line.push_str(&text),
            Event::SoftBreak | Event::HardBreak => line.push(' '),
            _ => {}
        }
    }
    flush(&mut out, &mut line);
    out
}
