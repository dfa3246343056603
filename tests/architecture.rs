//! ARCHITECTURE.md's module table is the rule: every module of the crate is
//! listed, uses only the modules its line names, and no imports form a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module → the modules it may use, from ARCHITECTURE.md's table.
fn declared() -> BTreeMap<String, BTreeSet<String>> {
    let doc = include_str!("../ARCHITECTURE.md");
    doc.lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let name = cells[1].trim_matches('`').to_string();
            let uses = cells[3].split(',').map(|u| u.trim().trim_matches('`').to_string());
            (name, uses.filter(|u| !u.is_empty() && u != "—").collect())
        })
        .collect()
}

/// The top-level modules named after `crate::` in `code` (comments left out).
fn uses(code: &str) -> BTreeSet<String> {
    let code: String = code.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
    let ident = |s: &str| s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>();
    let mut out = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `crate::{a, b::c, d::{e, f}}`: the first name of each top-level item.
            let (mut depth, mut item_start) = (0, true);
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && !c.is_whitespace() => {
                        out.insert(ident(&group[i..]));
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            out.insert(ident(rest));
        }
    }
    out
}

/// Module → the modules its files use.
fn actual() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let relative = path.strip_prefix(&src).expect("under src");
            let first = relative.components().next().expect("a component").as_os_str().to_string_lossy();
            let module = first.trim_end_matches(".rs").to_string();
            if module == "lib" || module == "main" || path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let code = std::fs::read_to_string(&path).expect("readable");
            let used = graph.entry(module.clone()).or_default();
            used.extend(uses(&code).into_iter().filter(|u| *u != module && !u.is_empty()));
        }
    }
    graph
}

#[test]
fn every_module_uses_only_what_architecture_md_allows() {
    let declared = declared();
    let actual = actual();
    let listed: BTreeSet<&String> = declared.keys().collect();
    let present: BTreeSet<&String> = actual.keys().collect();
    assert_eq!(listed, present, "ARCHITECTURE.md's table and src/ list different modules");
    for (module, used) in &actual {
        let allowed = &declared[module];
        let extra: Vec<&String> = used.difference(allowed).collect();
        assert!(extra.is_empty(), "{module} uses {extra:?}, which ARCHITECTURE.md does not allow it");
    }
}

#[test]
fn no_imports_form_a_cycle() {
    let graph = actual();
    // Depth-first search from every module, with the path so far.
    fn visit(m: &str, graph: &BTreeMap<String, BTreeSet<String>>, path: &mut Vec<String>) {
        if let Some(at) = path.iter().position(|p| p == m) {
            panic!("import cycle: {} -> {m}", path[at..].join(" -> "));
        }
        path.push(m.to_string());
        for next in graph.get(m).into_iter().flatten() {
            visit(next, graph, path);
        }
        path.pop();
    }
    for module in graph.keys() {
        visit(module, &graph, &mut Vec::new());
    }
}

#[test]
fn the_scanner_reads_grouped_and_nested_imports() {
    let code = "use crate::{app::{App, Mode}, tab::Tab,\n    wizard};\n// crate::export in a comment\nlet x = crate::data::default_comparison();";
    let found: Vec<String> = uses(code).into_iter().collect();
    assert_eq!(found, ["app", "data", "tab", "wizard"]);
}
