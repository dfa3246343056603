//! Sources of comparisons through the real binary and the user's `git`,
//! with local repositories made by the test (file paths, never the network):
//! add, list, update with and without news, a diverged clone and a newer
//! format left alone, diff against the previous commit, remove.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

struct Place {
    dir: PathBuf,
}

impl Place {
    fn new(name: &str) -> Place {
        let dir = std::env::temp_dir().join(format!("versus-sources-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("repo/comparisons")).expect("dir");
        let place = Place { dir };
        place.git(&["init", "--quiet", "-b", "main", "."]);
        place.write("comparisons/brewing.ron", &fixture("brewing"));
        place.write("tea.ron", &fixture("minimal"));
        place.commit("two comparisons");
        place
    }

    fn repo(&self) -> PathBuf {
        self.dir.join("repo")
    }

    fn git(&self, args: &[&str]) {
        let out = Command::new("git")
            .args(["-c", "user.email=test@example.org", "-c", "user.name=Test"])
            .args(args)
            .current_dir(self.repo())
            .output()
            .expect("git runs");
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }

    fn write(&self, file: &str, text: &str) {
        std::fs::write(self.repo().join(file), text).expect("write");
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "--quiet", "-m", message]);
    }

    fn versus(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_versus"))
            .args(args)
            .current_dir(&self.dir)
            .env("NO_COLOR", "1")
            .env("XDG_DATA_HOME", self.dir.join("data"))
            .env("XDG_STATE_HOME", self.dir.join("state"))
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .stdin(Stdio::null())
            .output()
            .expect("the binary runs")
    }

    fn clone_dir(&self) -> PathBuf {
        self.dir.join("data/versus/sources/team")
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}.ron", env!("CARGO_MANIFEST_DIR"))).expect("fixture")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn add(p: &Place) {
    let repo = p.repo().display().to_string();
    let o = p.versus(&["source", "add", "team", &repo]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).starts_with("added team: 2 comparisons at "), "{}", out(&o));
}

#[test]
fn a_source_is_added_listed_opened_by_name_and_removed() {
    let p = Place::new("add");
    add(&p);
    // Nothing updated yet: no version before an update.
    let none = p.versus(&["diff", "team/tea"]);
    assert_eq!(none.status.code(), Some(2));
    assert!(err(&none).contains("no version before an update yet"), "{}", err(&none));
    let list = out(&p.versus(&["source", "list"]));
    assert!(list.starts_with("team  ") && list.contains("2 comparisons"), "{list}");
    let names = out(&p.versus(&["list"]));
    assert!(names.lines().any(|l| l.starts_with("team/brewing ") && l.ends_with("source team")), "{names}");
    assert!(names.lines().any(|l| l.starts_with("team/tea ")), "{names}");
    let check = p.versus(&["check", "team/brewing"]);
    assert!(check.status.success() && out(&check).starts_with("ok: team/brewing: "), "{}", err(&check));
    // A second source of the same name is refused.
    let again = p.versus(&["source", "add", "team", &p.repo().display().to_string()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(err(&again).contains("exists already"), "{}", err(&again));
    let gone = p.versus(&["source", "remove", "team"]);
    assert!(gone.status.success(), "{}", err(&gone));
    assert!(!p.clone_dir().exists());
    let missing = p.versus(&["check", "team/brewing"]);
    assert_eq!(missing.status.code(), Some(1), "{}", out(&missing));
}

#[test]
fn an_update_says_what_changed_and_then_that_nothing_did() {
    let p = Place::new("update");
    add(&p);
    let nothing = p.versus(&["update"]);
    assert!(nothing.status.success(), "{}", err(&nothing));
    assert_eq!(out(&nothing), "team: up to date\n");
    p.write(
        "comparisons/brewing.ron",
        &fixture("brewing").replacen(r#"weights: {"kettle": 2.0}"#, r#"weights: {"kettle": 0.5}"#, 1),
    );
    p.commit("the kettle is slower than we said");
    let news = p.versus(&["update", "team"]);
    assert!(news.status.success(), "{}", err(&news));
    let shown = out(&news);
    assert!(shown.contains(", 1 comparison changed\n"), "{shown}");
    assert!(
        shown.contains("  team/brewing: 1 change (Decide), 1 weight changed; versus diff team/brewing shows them\n"),
        "{shown}"
    );
    // What the update changed, in full.
    let since = p.versus(&["diff", "team/brewing"]);
    assert_eq!(since.status.code(), Some(1), "{}", err(&since));
    assert!(out(&since).contains("hurry=none · Kettle: 2 → 0.5"), "{}", out(&since));
    // The comparison as it was, against what it is now.
    let diff = p.versus(&["diff", "team/brewing@HEAD~1", "team/brewing"]);
    assert_eq!(diff.status.code(), Some(1), "{}", err(&diff));
    assert!(out(&diff).contains("hurry=none · Kettle: 2 → 0.5"), "{}", out(&diff));
    assert_eq!(out(&p.versus(&["update"])), "team: up to date\n");
}

#[test]
fn a_clone_with_local_changes_or_a_diverged_history_is_left_alone() {
    let p = Place::new("diverged");
    add(&p);
    // An edit in the clone: never overwritten.
    let edited = p.clone_dir().join("tea.ron");
    std::fs::write(&edited, fixture("minimal").replacen("Tea vs Coffee", "Tea vs Coffee (mine)", 1)).unwrap();
    let o = p.versus(&["update"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("team: its clone has local changes; left alone"), "{}", err(&o));
    assert!(std::fs::read_to_string(&edited).unwrap().contains("(mine)"));
    // Committed in the clone, while upstream moved on too: diverged.
    let git = |args: &[&str]| {
        let o = Command::new("git")
            .args(["-c", "user.email=t@example.org", "-c", "user.name=T"])
            .args(args)
            .current_dir(p.clone_dir())
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    git(&["commit", "--quiet", "-am", "mine"]);
    p.write("tea.ron", &fixture("minimal").replacen("Tea vs Coffee", "Tea vs Coffee (upstream)", 1));
    p.commit("upstream");
    let o = p.versus(&["update"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("team: its history has diverged from upstream; left alone"), "{}", err(&o));
    assert!(std::fs::read_to_string(&edited).unwrap().contains("(mine)"));
}

#[test]
fn a_source_that_needs_a_newer_format_is_refused_in_one_line() {
    let p = Place::new("format");
    p.write("versus.ron", "(format: 99)");
    p.commit("needs the future");
    let o = p.versus(&["source", "add", "team", &p.repo().display().to_string()]);
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(e.contains("it needs data format 99; this versus") && e.contains("reads format 1"), "{e}");
    assert!(!p.clone_dir().exists(), "nothing left behind");
}

#[test]
fn an_unreachable_source_fails_in_one_line_and_changes_nothing() {
    let p = Place::new("offline");
    add(&p);
    // The upstream repository goes away.
    std::fs::rename(p.repo(), p.dir.join("moved")).unwrap();
    let o = p.versus(&["update"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).starts_with("versus: team: cannot fetch ("), "{}", err(&o));
    assert!(err(&o).contains("nothing changed"), "{}", err(&o));
    assert!(p.clone_dir().join("tea.ron").exists());
    // Transports that run programs or read descriptors are refused by git, in one line.
    for url in ["fd::0", "ext::sh -c true"] {
        let o = p.versus(&["source", "add", "other", url]);
        assert_eq!(o.status.code(), Some(2), "{url}");
        assert_eq!(err(&o).lines().count(), 1, "{url}: {}", err(&o));
    }
    let bad_name = p.versus(&["source", "add", "../up", "x"]);
    assert_eq!(bad_name.status.code(), Some(2));
    assert!(Path::new(&p.dir).join("data/versus/sources").exists());
}

#[test]
fn search_all_finds_hits_in_shipped_and_source_comparisons_each_naming_its_own() {
    let p = Place::new("search");
    add(&p);
    let o = p.versus(&["search", "--all", "--json", "french press"]);
    assert!(o.status.success(), "{}", err(&o));
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let from: Vec<&str> = rows.as_array().unwrap().iter().filter_map(|r| r["comparison"].as_str()).collect();
    assert!(from.contains(&"team/brewing"), "{rows}");
    assert!(!from.contains(&"django-vs-flask"), "a comparison without the words is not listed: {rows}");
    // Shipped and source comparisons, in one listing, each under its name.
    let text = out(&p.versus(&["search", "--all", "--limit", "1", "coffee"]));
    assert!(text.lines().any(|l| l.starts_with("team/tea — Tea vs Coffee: ")), "{text}");
    assert!(text.lines().any(|l| l.starts_with("team/brewing — Kettle vs Teapot vs French press: ")), "{text}");
    let shipped = out(&p.versus(&["search", "--all", "--limit", "1", "admin panel"]));
    assert!(shipped.lines().any(|l| l.starts_with("django-vs-flask — Django vs Flask: ")), "{shipped}");
    let none = p.versus(&["search", "--all", "zzzqqq"]);
    assert_eq!(none.status.code(), Some(1));
    let both = p.versus(&["search", "--all", "--data", "team/tea", "coffee"]);
    assert_eq!(both.status.code(), Some(2));
}
