//! Each rule of the data format, broken on purpose: the loader names the file
//! and the line:column (syntax) or the path of the bad value (rules).

use versus::data::{self, LoadError};

const MINIMAL: &str = include_str!("fixtures/minimal.ron");

/// The minimal fixture with one edit applied; the edit must apply.
fn edited(from: &str, to: &str) -> String {
    assert!(MINIMAL.contains(from), "fixture no longer contains {from:?}");
    MINIMAL.replacen(from, to, 1)
}

fn problems(src: &str) -> Vec<String> {
    match data::load_str(src, "test.ron") {
        Ok(_) => panic!("expected a rule violation"),
        Err(LoadError::Invalid(e)) => e.problems.iter().map(|p| p.to_string()).collect(),
        Err(e) => panic!("expected a rule violation, got: {e}"),
    }
}

fn syntax(src: &str) -> (usize, usize, String) {
    match data::load_str(src, "test.ron") {
        Err(LoadError::Syntax(e)) => (e.line, e.column, e.to_string()),
        Err(e) => panic!("expected a syntax error, got: {e}"),
        Ok(_) => panic!("expected a syntax error"),
    }
}

#[test]
fn the_minimal_fixture_is_valid() {
    let c = data::load_str(MINIMAL, "minimal.ron").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(c.subjects.len(), 2);
}

#[test]
fn syntax_error_names_file_line_column_and_what_was_expected() {
    let (line, column, message) = syntax(&edited("name: \"Tea\",", "name: \"Tea\""));
    assert_eq!((line, column), (6, 33));
    assert_eq!(message, "test.ron:6:33: Expected comma");
}

#[test]
fn misspelt_field_is_a_located_error_listing_the_valid_names() {
    let (line, column, message) = syntax(&edited("    summary:", "    sumary:"));
    assert_eq!((line, column), (4, 5));
    assert!(message.contains("Unexpected field named `sumary`"), "{message}");
    assert!(message.contains("`summary`"), "{message}");
}

#[test]
fn missing_field_is_reported() {
    let (_, _, message) = syntax(&edited("    summary: \"Two hot drinks, compared for a long working day.\",\n", ""));
    assert!(message.contains("missing field") && message.contains("summary"), "{message}");
}

#[test]
fn wrong_type_is_reported_with_its_position() {
    let (line, _, message) = syntax(&edited("tie_margin: 0.1", "tie_margin: \"wide\""));
    assert_eq!(line, 47);
    assert!(message.contains("test.ron:47:"), "{message}");
}

#[test]
fn fewer_than_two_subjects() {
    let src =
        edited("        (id: \"coffee\", name: \"Coffee\", description: \"Roasted beans, ground and brewed.\"),\n", "");
    let p = problems(&src);
    assert!(p.contains(&"subjects: a comparison needs at least 2 subjects; found 1".to_string()), "{p:?}");
}

#[test]
fn duplicate_subject_id() {
    let p = problems(&edited("(id: \"coffee\", name: \"Coffee\"", "(id: \"tea\", name: \"Coffee\""));
    assert_eq!(p[0], "subjects[1].id: duplicate subject id \"tea\"");
}

/// Subject names that read the same are refused, whatever hides the
/// difference: direction overrides and no-break spaces (which loading cleans
/// away), zero-width and other invisible characters, full-width letters, case.
#[test]
fn subject_names_that_look_the_same() {
    let same = |shown: &str| {
        format!(
            "subjects[1].name: {shown} reads the same as subjects[0].name \"Tea\" (once invisible characters, width \
             and case are set aside); give each subject a name of its own"
        )
    };
    for (name, shown) in [
        ("Tea", "\"Tea\""),
        ("\u{202e}Tea", "\"Tea\""),
        ("Tea\u{a0}", "\"Tea\""),
        ("\u{2066}Tea\u{2069}", "\"Tea\""),
        ("T\u{200b}ea", "\"T\\u{200b}ea\""),
        ("Tea\u{2060}", "\"Tea\\u{2060}\""),
        ("T\u{ad}ea", "\"T\\u{ad}ea\""),
        ("TEA", "\"TEA\""),
        ("\u{ff34}\u{ff45}\u{ff41}", "\"\u{ff34}\u{ff45}\u{ff41}\""),
    ] {
        let p = problems(&edited("name: \"Coffee\"", &format!("name: \"{name}\"")));
        assert_eq!(p, [same(shown)], "{name:?}");
    }
    let p = problems(&edited("name: \"Coffee\"", "name: \"\u{200b}\u{2060}\""));
    assert_eq!(p, ["subjects[1].name: \"\\u{200b}\\u{2060}\" shows nothing: it has only invisible characters"]);
    // Look-alikes from another script are not caught (that needs Unicode's confusables table).
    let cyrillic = edited("name: \"Coffee\"", "name: \"\u{422}ea\"");
    assert!(data::load_str(&cyrillic, "test.ron").is_ok());
}

#[test]
fn subject_ids_that_differ_only_in_case() {
    let src = MINIMAL.replace("\"coffee\"", "\"Tea\"");
    let p = problems(&src);
    assert_eq!(
        p[0],
        "subjects[1].id: subject id \"Tea\" and subjects[0].id \"tea\" differ only in case; give each subject an \
         id of its own"
    );
}

#[test]
fn subject_id_with_spaces() {
    let p = problems(&edited("(id: \"tea\"", "(id: \"green tea\""));
    assert!(p[0].starts_with("subjects[0].id: subject id \"green tea\" may only use"), "{p:?}");
}

#[test]
fn duplicate_question_id() {
    let src = edited("    sources: [", "    sources: [],\n    unused: [");
    // An unknown top-level field is a syntax-level error, not a rule: check that first.
    assert!(matches!(data::load_str(&src, "t"), Err(LoadError::Syntax(_))));

    let question =
        "            (id: \"time\", prompt: \"When will you drink it?\", help: \"Pick the closest.\", options: [";
    let src = edited(
        question,
        &format!(
            "            (id: \"time\", prompt: \"Again?\", options: [(id: \"a\", label: \"A\", weights: {{}}, why: \"x\"), (id: \"b\", label: \"B\", weights: {{}}, why: \"y\")]),\n{question}"
        ),
    );
    let p = problems(&src);
    assert_eq!(p, ["wizard.questions[1].id: duplicate question id \"time\""]);
}

#[test]
fn duplicate_option_id() {
    let p = problems(&edited("(id: \"evening\"", "(id: \"morning\""));
    assert_eq!(p, ["wizard.questions[0].options[1].id: duplicate option id \"morning\""]);
}

#[test]
fn per_subject_value_missing_a_subject() {
    let p =
        problems(&edited("values: {\"tea\": \"Moderate\", \"coffee\": \"High\"}", "values: {\"tea\": \"Moderate\"}"));
    assert_eq!(p, ["features[0].values: missing subject \"coffee\""]);
}

#[test]
fn per_subject_value_naming_an_unknown_subject() {
    let p = problems(&edited("\"coffee\": \"Dearer\"", "\"coffee\": \"Dearer\", \"cocoa\": \"Cheap\""));
    assert_eq!(p, ["factors[0].summary: unknown subject \"cocoa\" (declared: \"tea\", \"coffee\")"]);
}

#[test]
fn per_subject_value_given_twice() {
    let p = problems(&edited(
        "{\"tea\": \"Low\", \"coffee\": \"Medium\"}",
        "{\"tea\": \"Low\", \"tea\": \"High\", \"coffee\": \"Medium\"}",
    ));
    assert_eq!(p, ["pros_cons_table[0].values: subject \"tea\" is given twice"]);
}

#[test]
fn weights_must_name_declared_subjects() {
    let p = problems(&edited("weights: {\"coffee\": 2.0}", "weights: {\"fastapi\": 2.0}"));
    assert_eq!(
        p,
        ["wizard.questions[0].options[0].weights: unknown subject \"fastapi\" (declared: \"tea\", \"coffee\")"]
    );
}

#[test]
fn weights_must_be_finite_and_within_ten() {
    for bad in ["inf", "NaN", "-inf", "1e308", "10.5", "-11"] {
        let p = problems(&edited("weights: {\"coffee\": 2.0}", &format!("weights: {{\"coffee\": {bad}}}")));
        assert_eq!(p.len(), 1, "{p:?}");
        let want = "wizard.questions[0].options[0].weights.coffee: expected a number from -10 to 10; found";
        assert!(p[0].starts_with(want), "{bad}: {p:?}");
    }
    assert!(data::load_str(&edited("weights: {\"coffee\": 2.0}", "weights: {\"coffee\": -10.0}"), "t").is_ok());
}

#[test]
fn a_reason_must_name_a_subject_the_option_moves() {
    let reasons = |r: &str| {
        edited("why: \"Coffee wakes you faster.\"", &format!("why: \"Coffee wakes you faster.\", reasons: {r}"))
    };
    assert!(data::load_str(&reasons("{\"coffee\": \"A quick lift.\"}"), "t").is_ok());
    assert_eq!(
        problems(&reasons("{\"tea\": \"Tea waits.\"}")),
        ["wizard.questions[0].options[0].reasons.tea: a reason for \"tea\", but the option gives it no weight"]
    );
    assert_eq!(
        problems(&reasons("{\"cocoa\": \"Sweet.\"}")),
        ["wizard.questions[0].options[0].reasons: unknown subject \"cocoa\" (declared: \"tea\", \"coffee\")"]
    );
}

#[test]
fn tie_margin_must_be_a_fraction() {
    let p = problems(&edited("tie_margin: 0.1", "tie_margin: 1.5"));
    assert_eq!(p, ["wizard.tie_margin: expected a number from 0.0 to 1.0; found 1.5"]);
}

#[test]
fn question_needs_two_options() {
    let src = edited(
        "                (id: \"evening\", label: \"Evening\", weights: {\"tea\": 2.0, \"coffee\": -1.0}, why: \"Less caffeine before sleep.\"),\n",
        "",
    );
    assert_eq!(problems(&src), ["wizard.questions[0].options: a question needs at least 2 options; found 1"]);
}

#[test]
fn empty_required_text() {
    let p = problems(&edited("question: \"Which has more caffeine?\"", "question: \"   \""));
    assert_eq!(p, ["faq[0].question: must not be empty"]);
}

#[test]
fn text_that_is_only_escape_sequences_counts_as_empty() {
    let p = problems(&edited("why: \"Wakes you fast.\"", "why: \"\\u{1b}[2J\\u{1b}[H\""));
    assert_eq!(p, ["use_cases[0].fits.coffee.why: must not be empty"]);
}

#[test]
fn urls_must_be_http() {
    let p = problems(&edited("url: \"https://en.wikipedia.org/wiki/Tea\"", "url: \"javascript:alert(1)\""));
    assert_eq!(p, ["sources[0].url: expected an http:// or https:// URL; found \"javascript:alert(1)\""]);
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let src = edited("(id: \"evening\"", "(id: \"morning\"").replacen(
        "question: \"Which has more caffeine?\"",
        "question: \"\"",
        1,
    );
    assert_eq!(problems(&src).len(), 2);
}

#[test]
fn invalid_utf8_is_located() {
    let mut bytes = MINIMAL.as_bytes().to_vec();
    let at = MINIMAL.find("Two hot").unwrap_or_default();
    bytes[at] = 0xff;
    match data::load_bytes(&bytes, "bin.ron") {
        Err(LoadError::Syntax(e)) => {
            assert_eq!((e.line, e.column), (4, 15));
            assert!(e.to_string().contains("expected UTF-8 text"), "{e}");
        }
        other => panic!("expected a located UTF-8 error, got {other:?}"),
    }
}

#[test]
fn files_over_the_size_limit_are_refused_before_reading() {
    let dir = std::env::temp_dir().join(format!("versus-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_default();
    let path = dir.join("huge.ron");
    let file = std::fs::File::create(&path).expect("temp file");
    file.set_len(data::MAX_FILE_BYTES + 1).expect("sparse file");
    let err = data::load_file(&path).expect_err("too large");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(matches!(err, LoadError::TooLarge { .. }));
    assert!(err.to_string().contains("huge.ron") && err.to_string().contains("64 MiB"), "{err}");
}

#[test]
fn missing_file_names_the_path() {
    let err = data::load_file("/no/such/versus.ron".as_ref()).expect_err("missing");
    assert!(err.to_string().starts_with("/no/such/versus.ron: cannot read"), "{err}");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let src = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(data::load_str(&src, "deep.ron").is_err());
}

#[test]
fn the_readme_example_is_the_minimal_fixture_and_loads() {
    let all = include_str!("../README.md");
    let readme = &all[all.find("## The data format").expect("README has the section")..];
    let start = readme.find("```ron\n").expect("README has a RON example") + "```ron\n".len();
    let end = start + readme[start..].find("```").expect("closed");
    assert_eq!(&readme[start..end], MINIMAL, "README's example drifted from tests/fixtures/minimal.ron");
    assert!(data::load_str(&readme[start..end], "README.md").is_ok());
}

#[test]
fn fit_levels_and_notes_load_and_show_in_the_model() {
    let src = edited(
        "\"tea\": (why: \"A slow start.\", examples: [\"Most of Britain\"]),",
        "\"tea\": (level: Possible, why: \"A slow start.\", examples: [\"Most of Britain\"],
            notes: [(kind: Unconfirmed, about: \"Most of Britain\", text: \"A survey says so.\",
                     source: \"https://example.org/survey\")]),",
    );
    let c = data::load_str(&src, "test.ron").unwrap_or_else(|e| panic!("{e}"));
    let fit = c.use_cases[0].fits.get("tea").expect("tea fits");
    assert_eq!(fit.level(), Some(data::FitLevel::Possible));
    assert_eq!(fit.notes[0].kind, data::NoteKind::Unconfirmed);
    let coffee = c.use_cases[0].fits.get("coffee").expect("coffee fits");
    assert_eq!(coffee.level(), Some(data::FitLevel::Signature), "featured: true is the Signature level");
}

#[test]
fn a_note_must_point_at_something_in_its_entry() {
    let note = |about: &str| {
        format!(
            "\"tea\": (why: \"A slow start.\", examples: [\"Most of Britain\"],
                notes: [(kind: Context, about: \"{about}\", text: \"Context.\", source: \"ftp://x\")]),"
        )
    };
    let found = problems(&edited("\"tea\": (why: \"A slow start.\", examples: [\"Most of Britain\"]),", &note("Peru")));
    assert!(
        found
            .iter()
            .any(|p| p
                .contains("use_cases[0].fits.tea.notes[0].about: expected one of this fit's examples; found \"Peru\"")),
        "{found:?}"
    );
    assert!(found.iter().any(|p| p.contains("notes[0].source: expected an http:// or https:// URL")), "{found:?}");
    let pros = problems(&edited(
        "\"tea\": (pros: [\"Easy to make.\"], cons: [\"Weaker lift.\"]),",
        "\"tea\": (pros: [\"Easy to make.\"], cons: [\"Weaker lift.\"], notes: [(kind: Correction, about: \"Hard\", text: \"No.\")]),",
    ));
    assert!(
        pros.iter().any(|p| p.contains("pros_cons.tea.notes[0].about: no pro or con starts with \"Hard\"")),
        "{pros:?}"
    );
    let level = problems(&edited("\"coffee\": (featured: true,", "\"coffee\": (featured: true, level: Poor,"));
    assert!(
        level.iter().any(|p| p.contains("use_cases[0].fits.coffee.level: featured: true means the level is Signature")),
        "{level:?}"
    );
    let row = problems(&edited(
        "(name: \"Effort\", values: {\"tea\": \"Low\", \"coffee\": \"Medium\"}),",
        "(name: \"Effort\", values: {\"tea\": \"Low\", \"coffee\": \"Medium\"}, notes: [(kind: Context, about: \"cocoa\", text: \"x\")]),",
    ));
    assert!(row.iter().any(|p| p.contains("pros_cons_table[0].notes[0].about: unknown subject \"cocoa\"")), "{row:?}");
}

#[test]
fn an_unknown_fit_level_or_note_kind_is_a_located_error() {
    let (line, _, message) = syntax(&edited("\"coffee\": (featured: true,", "\"coffee\": (level: Great,"));
    assert_eq!(line, 27);
    assert!(message.contains("Great") && message.contains("Signature"), "{message}");
}

#[test]
fn synonym_groups_need_two_members_and_a_word_means_one_thing() {
    let src = edited(
        "    sources:",
        "    synonyms: [[\"brew\"], [\"cuppa\", \"tea break\"], [\"Tea Break\", \"elevenses\"], [\"a b c d e\", \"x\"]],\n    sources:",
    );
    let p = problems(&src);
    assert!(p.iter().any(|m| m.starts_with("synonyms[0]: a group needs at least 2")), "{p:?}");
    assert!(p.iter().any(|m| m.starts_with("synonyms[2][0]: \"Tea Break\" is already in synonyms[1]")), "{p:?}");
    assert!(p.iter().any(|m| m.starts_with("synonyms[3][0]: at most 4 words")), "{p:?}");
}

#[test]
fn synonyms_are_optional_and_accepted_when_well_formed() {
    let src = edited("    sources:", "    synonyms: [[\"cuppa\", \"tea break\"], [\"joe\", \"java\"]],\n    sources:");
    let c = data::load_str(&src, "test.ron").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(c.synonyms.len(), 2);
}
