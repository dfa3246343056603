//! `versus search --lines` is a drop-in for `fzf --filter`: for every
//! operator of the query language, the same lines match. Needs fzf on the
//! PATH (`apt-get install fzf`; `.ci/run` installs it).

use std::io::Write;
use std::process::{Command, Stdio};

/// Lines with mixed case, paths, leading and trailing blanks, accented Latin
/// letters, other scripts and look-alike words.
fn lines() -> String {
    let mut out = String::new();
    let words = [
        "src/main.rs",
        "src/search/lines.rs",
        "README.md",
        "  indented readme  ",
        "core.go",
        "tools/build.rb",
        "Größe.txt",
        "École.md",
        "école normale",
        "ecole",
        "Привет мир",
        "привет",
        "Über uns",
        "uber",
        "Django admin panel",
        "django-admin",
        "Flask is faster",
        "fast flask",
        "FASTER",
        "config file",
        "cfg",
        "deploy staging",
        "redeploy to production",
        "a | b",
        "caret^inside",
        "dollar$end",
        "!bang",
        "'quoted'",
        "naïve café",
        "NAÏVE",
        "rollback",
        "roll back",
        "日本語のテキスト",
        "テキスト",
    ];
    for (i, w) in words.iter().enumerate() {
        out.push_str(w);
        out.push('\n');
        out.push_str(&format!("{i} {w} {}\n", words[(i * 7 + 3) % words.len()]));
    }
    out
}

fn run(program: &str, args: &[&str], input: &str) -> (Vec<String>, i32) {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{program} could not start ({e}); install fzf to run this test"));
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write");
    let out = child.wait_with_output().expect("wait");
    let mut lines: Vec<String> = String::from_utf8_lossy(&out.stdout).lines().map(String::from).collect();
    lines.sort();
    (lines, out.status.code().unwrap_or(-1))
}

#[test]
fn the_same_lines_match_as_with_fzf_filter() {
    let input = lines();
    let queries = [
        "fast",
        "FAST",
        "Fast",
        "fst",
        "src rs",
        "src !main",
        "'search",
        "'rea",
        "^src",
        "^indented",
        "^ indented",
        "rs$",
        "me$",
        "readme$",
        "^core.go$",
        "!fast",
        "!^src",
        "!rs$",
        "!'fl",
        ".go$ | .rb$",
        "^src | ^tools rs$",
        "ecole",
        "école",
        "École",
        "ECOLE",
        "naive",
        "naïve",
        "cafe",
        "привет",
        "Привет",
        "uber",
        "über",
        "テキ",
        "a\\ b",
        "| b",
        "$",
        "'$",
        "^",
        "!",
        "dollar$",
        "caret^",
        "xyzzy",
        "roll back",
        "rollback | deploy",
        "cfg !file",
        "django admin",
        "Django !panel",
    ];
    let mut differ = Vec::new();
    for q in queries {
        let ours = run(env!("CARGO_BIN_EXE_versus"), &["search", "--lines", q], &input);
        let fzf = run("fzf", &["--filter", q], &input);
        if ours != fzf {
            differ.push(format!(
                "{q:?}: versus {} lines (exit {}), fzf {} (exit {})\n  versus: {:?}\n  fzf:    {:?}",
                ours.0.len(),
                ours.1,
                fzf.0.len(),
                fzf.1,
                ours.0,
                fzf.0
            ));
        }
    }
    assert!(differ.is_empty(), "{} of {} queries differ from fzf:\n{}", differ.len(), queries.len(), differ.join("\n"));
}
