//! The shipped comparisons load, and carry every section of their sources.

use versus::data::{self, Comparison, FitLevel, NoteKind};

fn builtin(name: &str) -> Comparison {
    match data::load_builtin(name) {
        Some(Ok(c)) => c,
        Some(Err(e)) => panic!("{name} does not load: {e}"),
        None => panic!("{name} is not shipped"),
    }
}

fn count_for<T>(map: &data::PerSubject<Vec<T>>, id: &str) -> usize {
    map.get(id).map_or(0, Vec::len)
}

#[test]
fn default_comparison_has_every_section_of_the_article() {
    let c = builtin(data::DEFAULT);
    let ids: Vec<&str> = c.subjects.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["django", "flask"]);

    assert_eq!(count_for(&c.key_features, "django"), 8, "Django key features");
    assert_eq!(count_for(&c.key_features, "flask"), 7, "Flask key features");
    assert_eq!(c.features.len(), 7, "quick feature table rows");

    let pc = |id| c.pros_cons.get(id).map(|p| (p.pros.len(), p.cons.len()));
    assert_eq!(pc("django"), Some((6, 4)), "Django pros/cons");
    assert_eq!(pc("flask"), Some((6, 6)), "Flask pros/cons");
    assert_eq!(c.pros_cons_table.len(), 6, "pros/cons table rows");

    let featured = |id| {
        c.use_cases.iter().filter(|u| u.fits.get(id).is_some_and(|f| f.level() == Some(FitLevel::Signature))).count()
    };
    assert_eq!(featured("django"), 6, "Django's signature use cases");
    // The source names APIs and microservices, MVPs, dashboards and model serving as Flask's key uses.
    assert_eq!(featured("flask"), 4, "Flask's signature use cases");
    assert!(c.use_cases.len() >= 7, "the use-case table has 7 domains");

    let factors: Vec<&str> = c.factors.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(factors, ["Performance", "Scalability", "Security"]);
    assert_eq!(c.decision.len(), 7, "final decision snapshot rows");
    assert_eq!(c.faq.len(), 13, "the source's 12 FAQs and the data's own on which is easier to learn");
    assert!(c.faq.iter().any(|f| f.question.as_str() == "Does Flask run faster than Django?"));
    assert!(c.wizard.questions.len() >= 8, "wizard questions: {}", c.wizard.questions.len());
    assert!(c.sources.iter().any(|s| s.url.contains("mindinventory.com/blog/django-vs-flask")));
    assert!(c.verdict.is_some());
}

#[test]
fn default_comparison_corrects_the_article() {
    let c = builtin(data::DEFAULT);
    let corrections = versus::entries::all_notes(&c).iter().filter(|n| n.note.kind == NoteKind::Correction).count();
    assert!(corrections >= 3, "each correction is a visible note: {corrections}");
    let json = versus::export::json(&c);
    assert!(json.contains("Gunicorn"), "the WSGI server is Gunicorn");
    assert!(!json.contains("Unicorn,") && !json.contains(" Unicorn "), "no stray 'Unicorn'");
    // The source's "Instabox" is not listed as a Django user; a note says why.
    let listed =
        c.use_cases.iter().flat_map(|u| u.fits.iter()).any(|(_, f)| f.examples.iter().any(|e| e.contains("Instabox")));
    assert!(!listed, "Instabox is not listed as an example");
    assert!(
        versus::entries::all_notes(&c)
            .iter()
            .any(|n| n.note.kind == NoteKind::Unconfirmed && n.note.text.contains("Instabox"))
    );
}

#[test]
fn wizard_covers_the_articles_decision_factors() {
    let c = builtin(data::DEFAULT);
    let text = c
        .wizard
        .questions
        .iter()
        .map(|q| {
            let options: Vec<String> = q.options.iter().map(|o| format!("{} {}", o.id, o.label)).collect();
            format!("{} {} {}", q.id, q.prompt, options.join(" ")).to_lowercase()
        })
        .collect::<Vec<_>>()
        .join("\n");
    for topic in ["admin", "microservices", "api", "secur", "async", "machine-learning", "flexib", "large", "ship"] {
        assert!(text.contains(topic), "no wizard question about {topic:?} in:\n{text}");
    }
}

#[test]
fn three_way_comparison_is_real() {
    let c = builtin("django-vs-flask-vs-fastapi");
    let ids: Vec<&str> = c.subjects.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["django", "flask", "fastapi"]);
    for id in ids {
        assert!(count_for(&c.key_features, id) >= 5, "{id} key features");
    }
    assert!(c.features.len() >= 8);
    assert!(c.faq.len() >= 10);
    assert!(c.wizard.questions.len() >= 8);
    let fastapi_weighted = c
        .wizard
        .questions
        .iter()
        .flat_map(|q| &q.options)
        .filter(|o| o.weights.get("fastapi").is_some_and(|w| *w != 0.0))
        .count();
    assert!(fastapi_weighted >= 8, "the wizard scores FastAPI too");
}

#[test]
fn shipped_files_on_disk_are_the_embedded_ones() {
    for (name, embedded) in data::BUILTIN {
        let path = format!("{}/data/{name}.ron", env!("CARGO_MANIFEST_DIR"));
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(&on_disk, embedded, "{path}");
        assert!(data::load_file(path.as_ref()).is_ok(), "{path} loads from disk");
    }
}

#[test]
fn the_prebuilt_default_is_the_parsed_ron() {
    // `versus` starts from bytes made by build.rs; they must be the RON file, exactly.
    let from_ron = data::load_str(data::BUILTIN[0].1, "ron").unwrap_or_else(|e| panic!("{e}"));
    let prebuilt = data::default_comparison().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(prebuilt, from_ron);
}

/// Companies the source names as users that are doubtful (wrong stack, one
/// project only, no public record): each one left in the data carries a note.
const DOUBTFUL: &[&str] =
    &["Etsy", "Quora", "Dropbox", "Reddit", "LinkedIn", "Shopify", "Spotify", "NASA", "Airbnb", "Guardian"];

#[test]
fn every_doubtful_example_carries_a_note() {
    for (name, _) in data::BUILTIN {
        let c = builtin(name);
        for u in &c.use_cases {
            for (id, fit) in u.fits.iter() {
                for e in &fit.examples {
                    if DOUBTFUL.iter().any(|d| e.contains(d)) {
                        let noted = fit.notes.iter().any(|n| n.about.as_deref() == Some(e.as_str()));
                        assert!(noted, "{name}: {} / {id}: example {e:?} has no note", u.domain);
                    }
                }
            }
        }
        // An FAQ answer that names one says so in a note too.
        for f in &c.faq {
            for d in DOUBTFUL.iter().filter(|d| f.answer.contains(*d)) {
                assert!(!f.notes.is_empty(), "{name}: the answer to {:?} names {d} without a note", f.question);
            }
        }
    }
}

#[test]
fn every_fit_has_a_level_and_the_corrections_the_review_asked_for() {
    for (name, _) in data::BUILTIN {
        let c = builtin(name);
        for u in &c.use_cases {
            for (id, fit) in u.fits.iter() {
                assert!(fit.level().is_some(), "{name}: {} / {id} has no fit level", u.domain);
            }
        }
        let json = versus::export::json(&c);
        for phrase in [
            "feature-rich, scalable and secure application such as a marketplace",
            "ready-made toolkit against Flask's build-your-own",
            "a lightweight app, a quick MVP or microservices with few dependencies",
            "dynamic user-generated content, complex relational data and heavy traffic",
            "without extra tooling or configuration",
        ] {
            assert!(!json.contains(phrase), "{name} still has the source's words {phrase:?}");
        }
    }
    let notes = |name| {
        let c = builtin(name);
        versus::entries::all_notes(&c).iter().map(|n| n.note.text.to_string()).collect::<Vec<_>>().join("\n")
    };
    let two = notes(data::DEFAULT);
    assert!(two.contains("WSGI") && two.contains("ASGI"), "the async con's correction: {two}");
    let three = notes("django-vs-flask-vs-fastapi");
    assert!(three.contains("a2wsgi"), "the WSGIMiddleware correction");
    assert!(three.contains("CSRF"), "the 'no forms' correction");
}
