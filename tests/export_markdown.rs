//! The Markdown exports as a CommonMark parser reads them: one title, headings
//! that never skip a level, every fit level and every note of the data shown;
//! the JSON export losing nothing; `versus check`'s counts in good English.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag};
use versus::data::{self, Comparison, Line, Note, NoteKind, PerSubject, Text};
use versus::export::{self, ReportFormat};
use versus::wizard::{self, Importance};

const SHIPPED: [&str; 2] = ["django-vs-flask", "django-vs-flask-vs-fastapi"];

fn shipped(name: &str) -> Comparison {
    data::load_builtin(name).and_then(Result::ok).unwrap_or_else(|| panic!("{name} loads"))
}

/// The level (1–6) of every heading, in order.
fn heading_levels(md: &str) -> Vec<usize> {
    let all =
        [HeadingLevel::H1, HeadingLevel::H2, HeadingLevel::H3, HeadingLevel::H4, HeadingLevel::H5, HeadingLevel::H6];
    // Front matter is metadata, as GitHub and MADR tools read it, not a heading.
    Parser::new_ext(md, Options::ENABLE_YAML_STYLE_METADATA_BLOCKS)
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => all.iter().position(|l| *l == level).map(|i| i + 1),
            _ => None,
        })
        .collect()
}

/// One `#` title first and nowhere else, and no heading more than one level
/// deeper than the one before it.
fn assert_outline(what: &str, md: &str) {
    let levels = heading_levels(md);
    assert_eq!(levels.first(), Some(&1), "{what}: the first heading is the title: {levels:?}\n{md}");
    assert_eq!(levels.iter().filter(|&&l| l == 1).count(), 1, "{what}: exactly one title: {levels:?}");
    if let Some(w) = levels.windows(2).find(|w| w[1] > w[0] + 1) {
        panic!("{what}: a heading jumps from level {} to {}: {levels:?}\n{md}", w[0], w[1]);
    }
}

/// Every note in a comparison, with where it is.
fn notes(c: &Comparison) -> Vec<(String, &Note)> {
    let mut all: Vec<(String, &[Note])> = Vec::new();
    for (id, list) in c.key_features.iter() {
        all.extend(list.iter().map(|f| (format!("key feature {id}/{}", f.name), f.notes.as_slice())));
    }
    for (table, rows) in [("features", &c.features), ("pros_cons_table", &c.pros_cons_table), ("decision", &c.decision)]
    {
        all.extend(rows.iter().map(|r| (format!("{table} row {}", r.name), r.notes.as_slice())));
    }
    all.extend(c.pros_cons.iter().map(|(id, pc)| (format!("pros/cons of {id}"), pc.notes.as_slice())));
    for u in &c.use_cases {
        all.extend(u.fits.iter().map(|(id, f)| (format!("fit {}/{id}", u.domain), f.notes.as_slice())));
    }
    all.extend(c.factors.iter().map(|f| (format!("factor {}", f.name), f.notes.as_slice())));
    all.extend(c.verdict.iter().map(|v| ("verdict".to_string(), v.notes.as_slice())));
    all.extend(c.faq.iter().map(|f| (format!("FAQ {}", f.question), f.notes.as_slice())));
    all.into_iter().flat_map(|(at, list)| list.iter().map(move |n| (at.clone(), n))).collect()
}

/// Every note's text, and every rated fit's level next to its subject, are in `md`.
fn assert_shows_levels_and_notes(what: &str, c: &Comparison, md: &str) {
    for (at, n) in notes(c) {
        let text = n.text.replace("\n\n", " ");
        assert!(md.contains(&format!("*{}*", n.kind.label())), "{what}: {at}: the note's kind is shown");
        assert!(md.contains(&text), "{what}: {at}: the note {text:?} is in the export");
        if let Some(url) = &n.source {
            assert!(md.contains(&format!("<{url}>")), "{what}: {at}: the note's source {url} is in the export");
        }
    }
    for u in &c.use_cases {
        for (id, fit) in u.fits.iter() {
            let name = c.subjects.iter().find(|s| s.id.as_str() == id).map_or(id, |s| s.name.as_str());
            if let Some(level) = fit.level() {
                let line = format!("- **{name}** ({} {}): ", level.mark(), level.label());
                assert!(md.contains(&line), "{what}: use case {:?}: {line:?} is in the export", u.domain);
            }
        }
    }
}

#[test]
fn the_export_of_each_shipped_comparison_is_one_outline() {
    for name in SHIPPED {
        assert_outline(name, &export::markdown(&shipped(name)));
    }
}

#[test]
fn the_export_of_each_shipped_comparison_shows_every_fit_level_and_note() {
    for name in SHIPPED {
        let c = shipped(name);
        assert_shows_levels_and_notes(name, &c, &export::markdown(&c));
    }
}

#[test]
fn the_decision_report_and_the_record_are_one_outline() {
    for name in SHIPPED {
        let c = shipped(name);
        let none = vec![None; c.wizard.questions.len()];
        let toward: Vec<_> =
            (0..c.subjects.len()).map(|s| wizard::leaning(&c, s, (s + 1) % c.subjects.len())).collect();
        for answers in toward.iter().chain([&none]) {
            let high = vec![Importance::High; answers.len()];
            for importance in [&[][..], &high[..]] {
                let report = export::decision_report(&c, answers, importance, ReportFormat::Markdown);
                assert_outline(&format!("{name}: decide --format markdown"), &report);
                let identity =
                    versus::record::Identity { comparison: name.to_string(), from: versus::record::From::Shipped };
                let meta = export::RecordMeta { date: "2026-11-25".into(), ..Default::default() };
                let record = export::madr(&c, &identity, answers, importance, &meta);
                assert_outline(&format!("{name}: decide --format madr"), &record);
            }
        }
    }
}

fn line(s: &str) -> Line {
    Line::new(s)
}

fn note(kind: NoteKind, about: Option<&str>, text: &str, source: Option<&str>) -> Note {
    Note { kind, about: about.map(line), text: Text::new(text), source: source.map(line), as_of: None }
}

/// A shipped comparison with notes of every kind on every kind of entry that
/// takes them, and a level on every fit: what the data files are growing into.
fn annotated(name: &str) -> Comparison {
    let mut c = shipped(name);
    let first = c.subjects[0].id.to_string();
    let mut serial = 0;
    let mut next = |what: &str| {
        serial += 1;
        format!("Note {serial} on the {what}, with a `backtick` and a * star.")
    };
    let kinds = [NoteKind::Correction, NoteKind::Unconfirmed, NoteKind::Context];
    c.key_features = PerSubject::new(
        c.key_features
            .iter()
            .map(|(id, list)| {
                let mut list = list.clone();
                list[0].notes.push(note(NoteKind::Context, None, &next("key feature"), None));
                (line(id), list)
            })
            .collect(),
    );
    for rows in [&mut c.features, &mut c.decision, &mut c.pros_cons_table] {
        if let Some(r) = rows.first_mut() {
            r.notes.push(note(NoteKind::Correction, Some(&first), &next("row"), Some("https://example.com/row")));
            r.notes.push(note(NoteKind::Unconfirmed, None, &next("row"), None));
        }
        // A row without a detail still gets its notes shown.
        if let Some(r) = rows.last_mut() {
            r.detail = None;
            r.notes.push(note(NoteKind::Context, None, &next("row without detail"), None));
        }
    }
    c.pros_cons = PerSubject::new(
        c.pros_cons
            .iter()
            .map(|(id, pc)| {
                let mut pc = pc.clone();
                let con: String = pc.cons[0].chars().take(30).collect();
                let pro: String = pc.pros[0].chars().take(30).collect();
                pc.notes.push(note(NoteKind::Unconfirmed, Some(&con), &next("con"), None));
                pc.notes.push(note(NoteKind::Correction, Some(&pro), &next("pro"), Some("https://example.com/pro")));
                (line(id), pc)
            })
            .collect(),
    );
    for (k, u) in c.use_cases.iter_mut().enumerate() {
        u.fits = PerSubject::new(
            u.fits
                .iter()
                .enumerate()
                .map(|(j, (id, fit))| {
                    let mut fit = fit.clone();
                    fit.featured = false;
                    fit.level = Some(data::FitLevel::ALL[(j + k) % 4]);
                    let about = fit.examples.first().map(|e| e.to_string());
                    fit.notes.push(note(kinds[(j + k) % 3], about.as_deref(), &next("fit"), None));
                    (line(id), fit)
                })
                .collect(),
        );
    }
    for f in &mut c.factors {
        f.notes.push(note(NoteKind::Context, Some(&first), &next("factor"), None));
    }
    if let Some(v) = &mut c.verdict {
        v.notes.push(note(NoteKind::Correction, None, &next("verdict"), Some("https://example.com/verdict")));
        v.notes.push(note(NoteKind::Context, Some(&first), &next("verdict"), None));
    }
    for f in &mut c.faq {
        f.notes.push(note(NoteKind::Unconfirmed, None, &next("FAQ"), None));
    }
    let problems = data::validate(&c);
    assert!(problems.is_empty(), "{name}: the annotated comparison is valid: {problems:?}");
    c
}

#[test]
fn notes_and_levels_on_every_kind_of_entry_are_shown_and_keep_the_outline() {
    for name in SHIPPED {
        let c = annotated(name);
        assert!(notes(&c).len() > 20, "{name}: the comparison is annotated throughout");
        let md = export::markdown(&c);
        assert_outline(name, &md);
        assert_shows_levels_and_notes(name, &c, &md);
        for level in data::FitLevel::ALL {
            assert!(md.contains(&format!("({} {})", level.mark(), level.label())), "{name}: {level:?} is shown");
        }
        assert!(!md.contains("signature use case)"), "the old wording is gone");
    }
}

#[test]
fn a_note_follows_the_entry_it_is_about_and_names_what_it_is_about() {
    let c = annotated("django-vs-flask");
    let md = export::markdown(&c);
    let lines: Vec<&str> = md.lines().collect();
    let after = |needle: &str| {
        let i = lines.iter().position(|l| l.contains(needle)).unwrap_or_else(|| panic!("{needle:?} in\n{md}"));
        lines.get(i + 1).copied().unwrap_or_default()
    };
    for (id, pc) in c.pros_cons.iter() {
        for n in &pc.notes {
            let about = n.about.as_deref().expect("about");
            let item = pc.pros.iter().chain(&pc.cons).find(|i| i.starts_with(about)).expect("the item");
            let next = after(&format!("- {}", item.replace("\n\n", " ")));
            assert!(
                next.starts_with("  - *") && next.contains(&n.text.replace("\n\n", " ")),
                "{id}: the note on {about:?} comes right after it: {next:?}"
            );
        }
    }
    let fit_note = &c.use_cases[0].fits.iter().find(|(_, f)| !f.examples.is_empty()).expect("a fit with examples").1;
    let example = &fit_note.examples[0];
    let n = &fit_note.notes[0];
    assert!(
        md.contains(&format!("  - *{}* (about “{example}”): {}", n.kind.label(), n.text)),
        "a fit's note names the example it is about:\n{md}"
    );
    let row = &c.features[0];
    assert_eq!(after(&format!("- **{}**", row.name)), {
        let n = &row.notes[0];
        format!(
            "  - *{}* (about “{}”): {} — source: <https://example.com/row>",
            n.kind.label(),
            c.subjects[0].name,
            n.text
        )
    });
    let last = c.features.last().expect("rows");
    assert!(md.lines().any(|l| l == format!("- **{}**", last.name)), "a row with notes and no detail is listed");
}

#[test]
fn the_json_export_keeps_levels_and_notes() {
    for name in SHIPPED {
        let c = annotated(name);
        let json = export::json(&c);
        let back: Comparison = serde_json::from_str(&json).expect("the export reads back");
        assert_eq!(back, c, "{name}: nothing is lost in JSON");
        let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert!(v["use_cases"][0]["fits"].as_object().is_some_and(|f| f.values().all(|f| f["level"].is_string())));
        assert!(v["faq"][0]["notes"][0]["kind"] == "Unconfirmed", "{}", v["faq"][0]);
    }
}

#[test]
fn the_summary_line_counts_in_the_singular_and_the_plural() {
    let c = shipped("django-vs-flask");
    let many = export::summary_line(&c);
    assert!(many.contains(&format!("{} use cases", c.use_cases.len())), "{many}");
    assert!(many.contains(&format!("{} FAQs", c.faq.len())), "{many}");

    let mut one = c.clone();
    one.use_cases.truncate(1);
    one.faq.truncate(1);
    one.factors.truncate(1);
    one.features.truncate(1);
    one.decision.truncate(1);
    one.wizard.questions.truncate(1);
    one.key_features =
        PerSubject::new(one.key_features.iter().take(1).map(|(id, l)| (line(id), l[..1].to_vec())).collect());
    one.pros_cons = PerSubject::new(
        one.pros_cons
            .iter()
            .take(1)
            .map(|(id, pc)| {
                let mut pc = pc.clone();
                pc.pros.truncate(1);
                pc.cons.clear();
                (line(id), pc)
            })
            .collect(),
    );
    let line = export::summary_line(&one);
    for phrase in [
        "1 key feature,",
        "1 feature row,",
        "1 pro/con,",
        "1 use case,",
        "1 factor,",
        "1 decision row,",
        "1 FAQ,",
        "1 wizard question",
    ] {
        assert!(line.contains(phrase), "{phrase:?} in {line}");
    }
    assert!(!line.contains("1 use cases") && !line.contains("1 FAQs"), "{line}");
    assert!(line.starts_with("\"Django vs Flask\": 2 subjects (Django, Flask), 1 key feature,"), "{line}");
    assert!(line.ends_with("1 wizard question"), "{line}");
}
