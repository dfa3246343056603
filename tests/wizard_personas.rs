//! The decision wizard gives realistic people what the source recommends,
//! shows each subject only reasons about it, and no comparison is rigged:
//! over every complete set of answers, each subject wins a fair share and
//! ties stay rare. `cargo test --test wizard_personas -- --nocapture` prints
//! the distribution.

use std::collections::BTreeMap;

use versus::data::{self, Comparison};
use versus::wizard::{self, Outcome};

fn comparison(name: &str) -> Comparison {
    data::load_builtin(name).and_then(Result::ok).unwrap_or_else(|| panic!("{name} loads"))
}

/// The winner's id for answers given as "question=option" pairs.
fn winner(c: &Comparison, answers: &[&str]) -> String {
    let pairs: Vec<(String, String)> =
        answers.iter().map(|a| a.split_once('=').map(|(q, o)| (q.to_string(), o.to_string())).expect("q=o")).collect();
    let chosen = wizard::answers_from_ids(c, &pairs).unwrap_or_else(|e| panic!("{e:?}"));
    let card = wizard::score(c, &chosen, &[]);
    match &card.outcome {
        Outcome::Winner(s) => c.subjects[*s].id.to_string(),
        other => format!("{other:?} ({})", wizard::recommendation(c, &card)),
    }
}

#[test]
fn personas_get_what_the_source_recommends() {
    let c = comparison("django-vs-flask");
    let personas: [(&str, &[&str], &str); 6] = [
        (
            "a CMS",
            &[
                "size=large",
                "admin=essential",
                "arch=monolith",
                "speed=full_product",
                "security=defaults",
                "realtime=none",
                "ml=none",
                "flexibility=conventions",
                "content=heavy",
                "team=new",
            ],
            "django",
        ),
        (
            "a marketplace",
            &[
                "size=large",
                "admin=essential",
                "arch=monolith",
                "speed=full_product",
                "security=defaults",
                "realtime=some",
                "ml=none",
                "flexibility=either",
                "content=heavy",
                "team=new",
            ],
            "django",
        ),
        (
            "an enterprise SaaS with staff admin",
            &[
                "size=large",
                "admin=essential",
                "arch=monolith",
                "speed=no_rush",
                "security=defaults",
                "realtime=some",
                "ml=inside_app",
                "flexibility=conventions",
                "content=light",
                "team=django_team",
            ],
            "django",
        ),
        (
            "an ML inference API",
            &[
                "size=small",
                "admin=none",
                "arch=api",
                "speed=mvp",
                "security=no_preference",
                "realtime=none",
                "ml=serving",
                "flexibility=freedom",
                "content=none",
                "team=new",
            ],
            "flask",
        ),
        (
            "an MVP REST API",
            &[
                "size=small",
                "admin=none",
                "arch=api",
                "speed=mvp",
                "security=defaults",
                "realtime=none",
                "ml=none",
                "flexibility=freedom",
                "content=none",
                "team=flask_team",
            ],
            "flask",
        ),
        (
            "a small microservice",
            &[
                "size=small",
                "admin=none",
                "arch=microservices",
                "speed=mvp",
                "security=no_preference",
                "realtime=none",
                "ml=none",
                "flexibility=freedom",
                "content=none",
                "team=new",
            ],
            "flask",
        ),
    ];
    for (who, answers, want) in personas {
        assert_eq!(winner(&c, answers), want, "{who}");
    }
    let three = comparison("django-vs-flask-vs-fastapi");
    let personas: [(&str, &[&str], &str); 4] = [
        (
            "an async-first JSON API",
            &[
                "project_size=medium_app",
                "admin_panel=admin_not_needed",
                "output_kind=api_only",
                "async_realtime=realtime_core",
                "type_hints=types_wanted",
                "api_docs=docs_essential",
                "time_to_market=long_term_structure",
                "team_experience=knows_async_typed",
                "ml_serving=ml_none",
                "framework_opinions=prefer_middle",
            ],
            "fastapi",
        ),
        (
            "a CMS",
            &[
                "project_size=large_product",
                "admin_panel=admin_needed",
                "output_kind=html_pages",
                "async_realtime=realtime_none",
                "type_hints=types_neutral",
                "api_docs=docs_not_needed",
                "time_to_market=complete_app_fast",
                "team_experience=new_to_web",
                "ml_serving=ml_none",
                "framework_opinions=prefer_conventions",
            ],
            "django",
        ),
        (
            "a small server-rendered tool",
            &[
                "project_size=small_service",
                "admin_panel=admin_not_needed",
                "output_kind=html_pages",
                "async_realtime=realtime_none",
                "type_hints=types_avoided",
                "api_docs=docs_not_needed",
                "time_to_market=prototype_fast",
                "team_experience=knows_flask",
                "ml_serving=ml_none",
                "framework_opinions=prefer_freedom",
            ],
            "flask",
        ),
        (
            // Answering "No" to real time, API docs and ML must not tip a
            // small API towards Flask: those answers favor no one.
            "a small JSON API prototype that wants a standard API layer",
            &[
                "project_size=small_service",
                "admin_panel=admin_not_needed",
                "output_kind=api_only",
                "async_realtime=realtime_none",
                "type_hints=types_neutral",
                "api_docs=docs_not_needed",
                "time_to_market=prototype_fast",
                "team_experience=new_to_web",
                "ml_serving=ml_none",
                "framework_opinions=prefer_middle",
            ],
            "fastapi",
        ),
    ];
    for (who, answers, want) in personas {
        assert_eq!(winner(&three, answers), want, "three-way: {who}");
    }
}

/// Subject names mentioned in `text`.
fn named<'a>(c: &'a Comparison, text: &str) -> Vec<&'a str> {
    c.subjects.iter().map(|s| s.name.as_str()).filter(|n| text.contains(n)).collect()
}

#[test]
fn each_subject_is_shown_only_reasons_about_it_or_the_whole_option() {
    for name in ["django-vs-flask", "django-vs-flask-vs-fastapi"] {
        let c = comparison(name);
        for q in &c.wizard.questions {
            for o in &q.options {
                for s in &c.subjects {
                    if o.weights.get(&s.id).is_none_or(|w| *w == 0.0) {
                        continue;
                    }
                    let shown = o.reasons.get(&s.id).map_or(o.why.as_str(), |t| t.as_str());
                    let names = named(&c, shown);
                    assert!(
                        names.is_empty() || names.contains(&s.name.as_str()),
                        "{name}: {}={} moves {} but its reason speaks only of {names:?}: {shown:?}",
                        q.id,
                        o.id,
                        s.name
                    );
                }
            }
        }
    }
}

/// Every complete set of answers, scored: how often each subject wins, and how often it is a tie.
fn distribution(c: &Comparison) -> (BTreeMap<String, usize>, usize, usize) {
    let sizes: Vec<usize> = c.wizard.questions.iter().map(|q| q.options.len()).collect();
    let total: usize = sizes.iter().product();
    let (mut wins, mut ties) = (BTreeMap::new(), 0);
    let mut answers = vec![Some(0); sizes.len()];
    for n in 0..total {
        let mut k = n;
        for (slot, size) in answers.iter_mut().zip(&sizes) {
            *slot = Some(k % size);
            k /= size;
        }
        match wizard::score(c, &answers, &[]).outcome {
            Outcome::Winner(s) => *wins.entry(c.subjects[s].id.to_string()).or_insert(0) += 1,
            _ => ties += 1,
        }
    }
    (wins, ties, total)
}

#[test]
fn no_subject_is_favoured_by_the_weights_and_ties_are_rare() {
    for (name, min_share, max_ties) in [("django-vs-flask", 0.25, 0.15), ("django-vs-flask-vs-fastapi", 0.12, 0.20)] {
        let c = comparison(name);
        let (wins, ties, total) = distribution(&c);
        let pct = |n: usize| 100.0 * n as f64 / total as f64;
        let shares: Vec<String> = wins.iter().map(|(s, n)| format!("{s} {:.1}%", pct(*n))).collect();
        println!("{name}: {total} complete answer sets: {}, tie {:.1}%", shares.join(", "), pct(ties));
        for s in &c.subjects {
            let share = wins.get(s.id.as_str()).copied().unwrap_or(0) as f64 / total as f64;
            assert!(share >= min_share, "{name}: {} wins only {:.1}% of answer sets", s.id, share * 100.0);
        }
        assert!((ties as f64 / total as f64) <= max_ties, "{name}: {:.1}% ties", pct(ties));
    }
}
