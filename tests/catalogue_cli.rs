//! The catalogue from the command line, as a user meets it: `versus list`,
//! `versus new`, and one kind of name (shipped, the user's own, a path)
//! accepted by every command. Each test has its own data directory, so the
//! machine's own comparisons never leak in.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{Home, err, out};

impl Home {
    fn versus(&self, args: &[&str]) -> Output {
        self.command(args).env("NO_COLOR", "1").output().expect("the binary runs")
    }

    /// Runs `versus new`, which must succeed; the path it printed.
    fn new_comparison(&self, args: &[&str]) -> PathBuf {
        let o = self.versus(&[&["new"], args].concat());
        assert!(o.status.success(), "versus new {args:?}: {}", err(&o));
        PathBuf::from(out(&o).trim_end())
    }
}

#[test]
fn new_writes_a_starter_that_checks_and_is_listed() {
    let home = Home::new("catalogue-new");
    let path = home.new_comparison(&["rust-vs-go"]);
    assert_eq!(path, home.comparisons().join("rust-vs-go.ron"));
    let text = std::fs::read_to_string(&path).expect("the file is there");
    assert!(text.contains("//"), "the starter is commented");

    let check = home.versus(&["check", "rust-vs-go"]);
    assert!(check.status.success(), "{}", err(&check));
    assert!(out(&check).starts_with("ok: rust-vs-go: \"Rust vs Go\": 2 subjects (Rust, Go)"), "{}", out(&check));

    let path = home.new_comparison(&["frontends", "--subjects", "Vue, React,Svelte"]);
    let check = home.versus(&["check", &path.display().to_string()]);
    assert!(out(&check).contains("\"Vue vs React vs Svelte\": 3 subjects (Vue, React, Svelte)"), "{}", out(&check));

    let list = home.versus(&["list"]);
    assert!(list.status.success(), "{}", err(&list));
    let text = out(&list);
    let row = |name: &str| text.lines().find(|l| l.starts_with(&format!("{name} "))).map(str::to_string);
    let rust = row("rust-vs-go").unwrap_or_else(|| panic!("listed: {text}"));
    assert!(rust.contains("Rust vs Go") && rust.contains("Rust, Go"), "{rust}");
    assert!(rust.ends_with(&home.comparisons().join("rust-vs-go.ron").display().to_string()), "{rust}");
    assert!(row("frontends").is_some_and(|r| r.contains("Vue, React, Svelte")), "{text}");
}

#[test]
fn new_never_overwrites_and_refuses_shipped_and_unsafe_names() {
    let home = Home::new("catalogue-refuse");
    home.new_comparison(&["rust-vs-go"]);
    std::fs::write(home.comparisons().join("rust-vs-go.ron"), "// mine, edited").expect("edit");
    let again = home.versus(&["new", "rust-vs-go"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(err(&again).contains("already exists"), "{}", err(&again));
    assert_eq!(std::fs::read_to_string(home.comparisons().join("rust-vs-go.ron")).unwrap(), "// mine, edited");

    let shipped = home.versus(&["new", "django-vs-flask"]);
    assert!(err(&shipped).contains("is a shipped comparison"), "{}", err(&shipped));
    let escape = home.versus(&["new", "../../outside", "--subjects", "a,b"]);
    assert!(err(&escape).contains("cannot name a comparison"), "{}", err(&escape));
    assert!(!home.dir.join("outside.ron").exists() && !home.dir.join("data/outside.ron").exists());
    let no_subjects = home.versus(&["new", "mine"]);
    assert!(err(&no_subjects).contains("--subjects"), "{}", err(&no_subjects));
    assert!(out(&no_subjects).is_empty(), "nothing on stdout when nothing was written");
}

#[test]
fn any_file_the_list_shows_opens_by_its_name_but_no_name_leaves_the_folder() {
    let home = Home::new("catalogue-names");
    let made = home.new_comparison(&["rust-vs-go"]);
    std::fs::copy(&made, home.comparisons().join("my drinks é.ron")).expect("copy");
    let o = home.versus(&["check", "my drinks é"]);
    assert!(o.status.success(), "a name with a space and an accent opens: {}", err(&o));
    std::fs::write(home.dir.join("outside.ron"), "").expect("write");
    let o = home.versus(&["check", "../../../outside"]);
    assert!(!out(&o).contains("ok:"), "a name never reaches a file outside the folder: {}", out(&o));
}

#[test]
fn list_shows_shipped_and_own_with_json_and_a_broken_file_hides_nothing() {
    let home = Home::new("catalogue-list");
    home.new_comparison(&["rust-vs-go"]);
    std::fs::write(home.comparisons().join("broken.ron"), "(\n  title: \"x\",\n  oops: 1,\n)\n").expect("write");

    let list = home.versus(&["list"]);
    assert_eq!(list.status.code(), Some(1), "a broken file makes the exit status 1");
    let text = out(&list);
    assert!(text.starts_with("NAME "), "{text}");
    for expected in ["django-vs-flask ", "django-vs-flask-vs-fastapi ", "rust-vs-go ", "broken "] {
        assert!(text.lines().any(|l| l.starts_with(expected)), "{expected} missing: {text}");
    }
    let broken_file = home.comparisons().join("broken.ron").display().to_string();
    assert!(text.contains(&format!("    error: {broken_file}:3:3: Unexpected field named `oops`")), "{text}");
    assert!(text.contains(&format!("Your own comparisons live in {}", home.comparisons().display())), "{text}");

    let json = home.versus(&["list", "--json"]);
    let rows: serde_json::Value = serde_json::from_str(&out(&json)).expect("valid JSON");
    let rows = rows.as_array().expect("an array");
    let find = |name: &str| rows.iter().find(|r| r["name"] == name).unwrap_or_else(|| panic!("{name}: {rows:?}"));
    assert_eq!(find("django-vs-flask")["from"], "shipped");
    assert_eq!(find("django-vs-flask")["subjects"], serde_json::json!(["Django", "Flask"]));
    assert_eq!(find("rust-vs-go")["from"], "user");
    assert_eq!(find("rust-vs-go")["title"], "Rust vs Go");
    assert_eq!(find("rust-vs-go")["path"], home.comparisons().join("rust-vs-go.ron").display().to_string());
    assert!(find("broken")["error"].as_str().is_some_and(|e| e.contains(":3:3:")), "{rows:?}");
    assert!(find("broken")["title"].is_null());
}

#[test]
fn every_command_accepts_a_shipped_name_an_own_name_and_a_path() {
    let home = Home::new("catalogue-names");
    let path = home.new_comparison(&["rust-vs-go"]);
    let path = path.display().to_string();
    for (name, title) in [
        ("django-vs-flask-vs-fastapi", "Django vs Flask vs FastAPI"),
        ("rust-vs-go", "Rust vs Go"),
        ("rust-vs-go.ron", "Rust vs Go"),
        (path.as_str(), "Rust vs Go"),
    ] {
        let check = home.versus(&["check", name]);
        assert!(check.status.success() && out(&check).contains(title), "check {name}: {}", err(&check));
        let export = home.versus(&["export", "--data", name]);
        assert!(out(&export).starts_with(&format!("# {title}\n")), "export {name}: {}", err(&export));
        let search = home.versus(&["search", "--data", name, "learning"]);
        assert!(search.status.success(), "search {name}: {}", err(&search));
        let decide = home.versus(&["decide", "--data", name]);
        assert!(out(&decide).contains("The questions:"), "decide {name}: {}", err(&decide));
    }
}

#[test]
fn an_unknown_name_lists_the_names_and_the_closest_one() {
    let home = Home::new("catalogue-unknown");
    home.new_comparison(&["rust-vs-go"]);
    let commands: [&[&str]; 5] = [
        &["check", "django-vs-fastapi"],
        &["export", "--data", "django-vs-fastapi"],
        &["search", "--data", "django-vs-fastapi", "orm"],
        &["decide", "--data", "django-vs-fastapi"],
        &["--data", "django-vs-fastapi"],
    ];
    for args in commands {
        let o = home.versus(args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let e = err(&o);
        assert!(
            e.contains(
                "no comparison or file named \"django-vs-fastapi\"; did you mean \"django-vs-flask-vs-fastapi\"?"
            ),
            "{args:?}: {e}"
        );
        assert!(e.contains("The comparisons: django-vs-flask, django-vs-flask-vs-fastapi, rust-vs-go"), "{e}");
    }
    let far = home.versus(&["check", "haskell-vs-ocaml"]);
    assert!(!err(&far).contains("did you mean"), "{}", err(&far));
    // A path that does not exist is a file error, not a name.
    let missing = home.versus(&["check", "no/such.ron"]);
    assert!(err(&missing).contains("no/such.ron: cannot read"), "{}", err(&missing));
}

#[test]
fn watch_needs_a_file() {
    let home = Home::new("catalogue-watch");
    let o = home.versus(&["--watch"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("--watch follows a file"), "{}", err(&o));
}

/// The README's "Your own comparisons" commands are the ones tested here.
#[test]
fn readme_documents_these_commands() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = readme.split("## Your own comparisons").nth(1).expect("README has the section");
    let section = section.split("\n## ").next().unwrap_or_default();
    for command in [
        "versus new rust-vs-go",
        "versus check rust-vs-go",
        "versus --data rust-vs-go --watch",
        "versus list",
        "~/.local/share/versus/comparisons",
        "Ctrl-O",
    ] {
        assert!(section.contains(command), "README's section lacks {command:?}");
    }
}
