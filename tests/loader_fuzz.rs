//! Thousands of damaged copies of the default file: the loader never panics,
//! and every error it returns says where the problem is.

use proptest::prelude::*;
use versus::data::{self, LoadError};

fn default_src() -> &'static [u8] {
    data::BUILTIN.iter().find(|(n, _)| *n == data::DEFAULT).map_or(&[][..], |(_, s)| s.as_bytes())
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let len = default_src().len();
    // Bytes that matter to RON's grammar, plus anything at all.
    let byte = prop_oneof![prop::sample::select(b"()[]{}:,\"\\/*'#!rb0.-+eE \n".to_vec()), any::<u8>(),];
    prop_oneof![
        (0..len).prop_map(Mutation::Truncate),
        (0..len, 1..=255u8).prop_map(|(at, x)| Mutation::Flip(at, x)),
        (0..=len, prop::collection::vec(byte, 1..8)).prop_map(|(at, b)| Mutation::Insert(at, b)),
        (0..len, 1..64usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
    ]
}

fn apply(m: &Mutation) -> Vec<u8> {
    let mut b = default_src().to_vec();
    match *m {
        Mutation::Truncate(at) => b.truncate(at),
        Mutation::Flip(at, x) => b[at] ^= x,
        Mutation::Insert(at, ref bytes) => {
            b.splice(at..at, bytes.iter().copied());
        }
        Mutation::Delete(at, n) => {
            b.drain(at..(at + n).min(b.len()));
        }
    }
    b
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn damaged_files_give_located_errors_never_panics(m in mutation()) {
        let bytes = apply(&m);
        match data::load_bytes(&bytes, "damaged.ron") {
            Ok(c) => prop_assert!(c.subjects.len() >= 2),
            Err(e @ LoadError::Syntax(_)) => {
                let (line, column) = e.position().expect("syntax errors carry a position");
                prop_assert!(line >= 1 && column >= 1);
                prop_assert!(e.to_string().starts_with(&format!("damaged.ron:{line}:{column}: ")), "{}", e);
            }
            Err(e @ LoadError::Invalid(_)) => {
                prop_assert!(!e.problems().is_empty());
                for p in e.problems() {
                    prop_assert!(!p.path.is_empty() && !p.message.is_empty(), "{:?}", p);
                }
            }
            Err(e) => prop_assert!(false, "unexpected kind of error: {}", e),
        }
    }
}

#[test]
fn the_mutations_do_break_the_file() {
    // A guard against a fuzz test that only ever sees valid input.
    let src = default_src();
    let title = src.windows(6).position(|w| w == b"title:").expect("a title field");
    let broken =
        [Mutation::Truncate(src.len() / 2), Mutation::Insert(title, b"((".to_vec()), Mutation::Delete(title, 3)]
            .iter()
            .filter(|m| data::load_bytes(&apply(m), "x").is_err())
            .count();
    assert_eq!(broken, 3);
}
