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

/// The top-level modules of this crate that `code` names: `crate::x` in
/// `use` trees and paths, and inside macro calls (whose tokens syn leaves
/// unparsed). Read as Rust by syn, so comments and strings never count.
fn uses(code: &str) -> BTreeSet<String> {
    use syn::visit::Visit;
    struct Names(BTreeSet<String>);
    impl Names {
        fn tokens(&mut self, tokens: proc_macro2::TokenStream) {
            let tokens: Vec<proc_macro2::TokenTree> = tokens.into_iter().collect();
            for (i, t) in tokens.iter().enumerate() {
                match t {
                    proc_macro2::TokenTree::Group(g) => self.tokens(g.stream()),
                    proc_macro2::TokenTree::Ident(id) if id == "crate" => {
                        if let (Some(proc_macro2::TokenTree::Punct(a)), Some(proc_macro2::TokenTree::Punct(b))) =
                            (tokens.get(i + 1), tokens.get(i + 2))
                            && a.as_char() == ':'
                            && b.as_char() == ':'
                        {
                            match tokens.get(i + 3) {
                                Some(proc_macro2::TokenTree::Ident(name)) => {
                                    self.0.insert(name.to_string());
                                }
                                Some(proc_macro2::TokenTree::Group(g)) => self.group(g.stream()),
                                _ => {}
                            }
                        }
                    }
                    _ => {}
                }
            }
        }

        /// `crate::{a, b::c}` inside a macro: the first name of each item.
        fn group(&mut self, tokens: proc_macro2::TokenStream) {
            let mut first = true;
            for t in tokens {
                match t {
                    proc_macro2::TokenTree::Ident(id) if first => {
                        self.0.insert(id.to_string());
                        first = false;
                    }
                    proc_macro2::TokenTree::Punct(p) if p.as_char() == ',' => first = true,
                    _ => {}
                }
            }
        }
    }
    impl<'a> Visit<'a> for Names {
        fn visit_path(&mut self, path: &'a syn::Path) {
            let mut segments = path.segments.iter();
            if segments.next().is_some_and(|s| s.ident == "crate")
                && let Some(next) = segments.next()
            {
                self.0.insert(next.ident.to_string());
            }
            syn::visit::visit_path(self, path);
        }

        fn visit_item_use(&mut self, item: &'a syn::ItemUse) {
            if let syn::UseTree::Path(p) = &item.tree
                && p.ident == "crate"
            {
                let mut top = vec![&*p.tree];
                while let Some(tree) = top.pop() {
                    match tree {
                        syn::UseTree::Path(p) => {
                            self.0.insert(p.ident.to_string());
                        }
                        syn::UseTree::Name(n) => {
                            self.0.insert(n.ident.to_string());
                        }
                        syn::UseTree::Rename(r) => {
                            self.0.insert(r.ident.to_string());
                        }
                        syn::UseTree::Group(g) => top.extend(g.items.iter()),
                        syn::UseTree::Glob(_) => {}
                    }
                }
            }
        }

        fn visit_macro(&mut self, mac: &'a syn::Macro) {
            self.tokens(mac.tokens.clone());
            syn::visit::visit_macro(self, mac);
        }
    }
    let file = syn::parse_file(code).unwrap_or_else(|e| panic!("a source file does not parse: {e}"));
    let mut names = Names(BTreeSet::new());
    names.visit_file(&file);
    names.0
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
    let mut wrong = Vec::new();
    for (module, used) in &actual {
        let allowed = &declared[module];
        let extra: Vec<&String> = used.difference(allowed).collect();
        if !extra.is_empty() {
            wrong.push(format!("{module} uses {extra:?}, which ARCHITECTURE.md does not allow it"));
        }
        // A permission nobody uses is a line that no longer says what the code does.
        let unused: Vec<&String> = allowed.difference(used).collect();
        if !unused.is_empty() {
            wrong.push(format!("ARCHITECTURE.md lets {module} use {unused:?}, which it does not"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
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
    let code = "use crate::{app::{App, Mode}, tab::Tab,\n    wizard};\n// crate::export in a comment\n\
                fn f() { let x = crate::data::default_comparison(); let s = \"// crate::ui\"; \
                assert!(crate::keys::X == 1); format!(\"{}\", crate::search::Y); }";
    let found: Vec<String> = uses(code).into_iter().collect();
    assert_eq!(found, ["app", "data", "keys", "search", "tab", "wizard"], "a string's // is no comment; macros count");
}
