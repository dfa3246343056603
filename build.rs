//! Compiles the shipped comparisons into the binary twice over: as RON text
//! (what `--data NAME`, export and the tests read) and, for the default one,
//! pre-parsed and validated into postcard bytes, so that `versus` starts
//! without parsing RON (about a third of a millisecond of its start-up).
//! The build fails if a shipped file is invalid.

use std::path::Path;

// The data model, compiled here too, so build and app share one definition.
#[allow(dead_code)]
mod data {
    #[path = "../src/data/date.rs"]
    #[allow(dead_code)]
    pub mod date;
    #[path = "../src/data/model.rs"]
    pub mod model;
    #[path = "../src/data/per_subject.rs"]
    pub mod per_subject;
    #[path = "../src/data/text.rs"]
    pub mod text;
    #[path = "../src/data/validate.rs"]
    pub mod validate;
}

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // The default comparison; the others are parsed when opened.
    let name = "django-vs-flask";
    let path = format!("data/{name}.ron");
    println!("cargo::rerun-if-changed={path}");
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let options = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let comparison: data::model::Comparison =
        options.from_str(&src).unwrap_or_else(|e| panic!("{path}:{}: {}", e.span, e.code));
    let problems = data::validate::validate(&comparison);
    assert!(problems.is_empty(), "{path}: {problems:?}");
    let bytes = postcard::to_allocvec(&comparison).expect("serializable");
    std::fs::write(Path::new(&out).join(format!("{name}.postcard")), bytes).expect("write OUT_DIR");
    for module in ["date", "model", "per_subject", "text", "validate"] {
        println!("cargo::rerun-if-changed=src/data/{module}.rs");
    }
}
