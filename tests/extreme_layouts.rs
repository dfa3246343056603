//! No width or count taken from data can break drawing: a comparison at
//! every limit the format allows (the most subjects, the longest names in
//! wide characters, long prose, many rows) is drawn on every screen, with
//! every overlay and wizard page, from 1×1 to 250×80.

mod common;

use common::draw;
use versus::app::{Action, App};
use versus::data::{self, MAX_NAME_CHARS, MAX_SUBJECTS};
use versus::tab::Tab;
use versus::ui::Theme;
use versus::wizard::WizardAction;

/// A valid comparison at the format's limits.
fn extreme() -> String {
    let q = |s: &str| format!("{s:?}");
    let wide = |tag: usize| {
        let mut s = format!("界{tag}");
        while s.chars().count() < MAX_NAME_CHARS {
            s.push(if s.len() % 3 == 0 { '漢' } else { 'W' });
        }
        s
    };
    let prose = "A long paragraph of prose that wraps many times over, with words like supercalifragilistic and URLs like https://example.com/a/very/long/path/that/does/not/break/nicely/anywhere. ".repeat(40);
    let ids: Vec<String> = (0..MAX_SUBJECTS).map(|i| format!("s{i}")).collect();
    let per = |value: &dyn Fn(usize) -> String| {
        let entries: Vec<String> = ids.iter().enumerate().map(|(i, id)| format!("{}: {}", q(id), value(i))).collect();
        format!("{{{}}}", entries.join(", "))
    };
    let subjects: Vec<String> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            format!(
                "(id: {}, name: {}, description: {}, homepage: \"https://example.com/{id}\")",
                q(id),
                q(&wide(i)),
                q(&prose)
            )
        })
        .collect();
    let row =
        |n: usize| format!("(name: {}, values: {}, detail: {})", q(&wide(n)), per(&|i| q(&wide(i + n))), q(&prose));
    let rows: Vec<String> = (0..60).map(row).collect();
    let options: Vec<String> = (0..9)
        .map(|k| {
            format!(
                "(id: \"o{k}\", label: {}, weights: {}, why: {})",
                q(&wide(k)),
                per(&|i| format!("{}.0", (i + k) % 7)),
                q(&prose)
            )
        })
        .collect();
    let questions: Vec<String> = (0..12)
        .map(|n| {
            format!("(id: \"q{n}\", prompt: {}, help: {}, options: [{}])", q(&wide(n)), q(&prose), options.join(", "))
        })
        .collect();
    let faqs: Vec<String> = (0..300)
        .map(|n| format!("(question: {}, answer: {}, tags: [{}])", q(&wide(n)), q(&prose), q(&wide(n))))
        .collect();
    format!(
        "(title: {}, summary: {}, subjects: [{}], key_features: {}, features: [{}], pros_cons: {}, pros_cons_table: [{}],\
         use_cases: [{}], factors: [{}], decision: [{}], verdict: (summary: {}, choose_if: {}), faq: [{}],\
         wizard: (questions: [{}]), sources: [(title: {}, url: \"https://example.com\")])",
        q(&wide(0)),
        q(&wide(1)),
        subjects.join(", "),
        per(&|i| format!("[(name: {}, detail: {})]", q(&wide(i)), q(&prose))),
        rows.join(", "),
        per(&|_| format!("(pros: [{}], cons: [{}])", vec![q(&prose); 20].join(", "), vec![q(&prose); 20].join(", "))),
        rows[..10].join(", "),
        (0..30)
            .map(|n| format!(
                "(domain: {}, fits: {})",
                q(&wide(n)),
                per(&|i| format!("(featured: {}, why: {}, examples: [{}])", i % 2 == 0, q(&prose), q(&wide(i))))
            ))
            .collect::<Vec<_>>()
            .join(", "),
        (0..30)
            .map(|n| format!(
                "(name: {}, summary: {}, discussion: {})",
                q(&wide(n)),
                per(&|i| q(&wide(i))),
                per(&|_| q(&prose))
            ))
            .collect::<Vec<_>>()
            .join(", "),
        rows[..20].join(", "),
        q(&prose),
        per(&|_| q(&prose)),
        faqs.join(", "),
        questions.join(", "),
        q(&wide(3)),
    )
}

#[test]
fn every_screen_draws_at_every_size_with_data_at_its_limits() {
    let c =
        data::load_str(&extreme(), "extreme.ron").unwrap_or_else(|e| panic!("the extreme comparison is valid: {e}"));
    let base = App::new(c);
    let mut scenes: Vec<App> = Vec::new();
    for tab in Tab::ALL {
        for extra in
            [None, Some(Action::Last), Some(Action::ToggleExpand), Some(Action::ToggleHelp), Some(Action::Palette)]
        {
            let mut app = base.clone();
            app.update(Action::GoToTab(tab));
            if let Some(a) = extra {
                app.update(a);
            }
            app.type_query("w");
            scenes.push(app);
        }
    }
    let mut wizard = base.clone();
    wizard.update(Action::GoToTab(Tab::Decide));
    for _ in 0..12 {
        wizard.update(Action::Wizard(WizardAction::Cursor(8)));
        scenes.push(wizard.clone());
        wizard.update(Action::Wizard(WizardAction::Pick));
    }
    scenes.push(wizard.clone());
    wizard.update(Action::Wizard(WizardAction::Result));
    scenes.push(wizard);
    // The comparison picker, with many long names, under a reload banner as long as an error gets.
    let mut picker = base.clone();
    picker.banner = Some(format!("{}.ron:1:1: {}", "界".repeat(300), "expected ".repeat(200)));
    scenes.push(picker.clone());
    picker.update(Action::Picker);
    let long = |i: usize| versus::catalogue::Listed {
        named: versus::catalogue::Named {
            name: format!("{}{i}", "界".repeat(60)),
            kind: versus::catalogue::Kind::User,
            path: Some(format!("/{}/{i}.ron", "界".repeat(100)).into()),
        },
        content: if i.is_multiple_of(2) {
            Err("界".repeat(500))
        } else {
            Ok(versus::catalogue::Summary { title: "界".repeat(200), subjects: vec!["界".repeat(200); 12] })
        },
        shadowed: i.is_multiple_of(3),
    };
    picker.update(Action::Listed((0..200).map(long).collect()));
    picker.update(Action::Move(7));
    scenes.push(picker);
    for app in &scenes {
        for (w, h) in [(1, 1), (20, 5), (43, 12), (44, 12), (80, 24), (120, 40), (200, 60), (250, 80)] {
            let (terminal, map) = draw(app, w, h, Theme::COLOR);
            if w < 44 {
                assert!(common::screen_text(&terminal).contains("Terminal too small") || w * h < 60, "{w}x{h}");
            } else {
                assert!(!map.tabs.is_empty(), "{w}x{h}: a tab bar");
            }
        }
    }
}
