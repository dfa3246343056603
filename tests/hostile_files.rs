//! Hostile data files, run through the real binary as a user would run them
//! (`versus check FILE` and `versus export --data FILE`): escape sequences in
//! syntax errors, in values and in file names, broken encodings, huge and
//! repeated lists, over-long names, too many subjects, very long lines.
//!
//! Whatever the file, the run must: exit as expected; name the file and, for
//! a syntax error, the right line:column, with the snippet's marker under that
//! very column; write nothing to a terminal but text (no control character
//! other than newline and tab, no C1 control, no direction override); keep its
//! output small; and finish quickly.
//!
//! The small files are committed in `tests/fixtures/hostile/`; the large ones
//! are generated here into a temporary directory.

mod common;

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use unicode_width::UnicodeWidthChar;
use versus::data;

/// A run that has not returned by then is a hang, and is killed (a shared
/// 2-core machine; expect far less). Not a speed target: those are in benches/.
const TIME_LIMIT: Duration = Duration::from_secs(2);
/// stdout and stderr together, in bytes.
const OUTPUT_LIMIT: usize = 64 * 1024;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

/// A fresh temporary directory for one test, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("versus-hostile-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    fn write(&self, name: impl AsRef<OsStr>, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name.as_ref());
        std::fs::write(&path, bytes).expect("write temp file");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Run {
    what: String,
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs the binary, timing it, and checks what every run must satisfy:
/// in time, bounded output, nothing but text.
fn versus(args: &[&OsStr]) -> Run {
    let what = format!("versus {}", args.iter().map(|a| a.to_string_lossy()).collect::<Vec<_>>().join(" "));
    let what = data::sanitize_line(&what);
    let mut command = Command::new(env!("CARGO_BIN_EXE_versus"));
    command.args(args).env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE").env_remove("FORCE_COLOR").stdin(Stdio::null());
    let out = common::output_within(&mut command, TIME_LIMIT, &what);
    let size = out.stdout.len() + out.stderr.len();
    assert!(size < OUTPUT_LIMIT, "{what}: wrote {size} bytes");
    let stdout = text_only(&out.stdout, &what, "stdout");
    let stderr = text_only(&out.stderr, &what, "stderr");
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    Run { what, code: out.status.code(), stdout, stderr }
}

/// The output as a string, if it is one a terminal can show without being
/// driven: UTF-8 (so no raw C1 byte), no control character but `\n` and
/// `\t` (so no ESC, BEL, NUL or C1 U+0080–U+009F), no direction control.
fn text_only(bytes: &[u8], what: &str, stream: &str) -> String {
    let Ok(s) = std::str::from_utf8(bytes) else {
        panic!("{what}: {stream} is not UTF-8: {:?}", String::from_utf8_lossy(bytes));
    };
    for (i, c) in s.char_indices() {
        let bidi = matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        let bad = (c.is_control() && c != '\n' && c != '\t') || bidi || c == '\u{feff}';
        assert!(!bad, "{what}: {stream} has {c:?} at byte {i}: {:?}", &s[i.saturating_sub(80)..]);
    }
    s.to_string()
}

fn check(path: &Path) -> Run {
    versus(&[OsStr::new("check"), path.as_os_str()])
}

fn export(path: &Path) -> Run {
    versus(&[OsStr::new("export"), OsStr::new("--data"), path.as_os_str()])
}

/// What a file must give.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// Loads: `check` says ok, `export` prints it.
    Valid,
    /// A syntax error at this 1-based line, at the first occurrence of this
    /// text on it (or at a column, for bytes that are not text).
    Syntax(usize, At),
    /// Parses but breaks rules; every fragment appears in the report.
    Invalid(&'static [&'static str]),
}

#[derive(Debug, Clone, Copy)]
enum At {
    Token(&'static str),
    Column(usize),
}

use At::{Column, Token};
use Expect::{Invalid, Syntax, Valid};

/// Every committed fixture and what it must give.
const FIXTURES: &[(&str, Expect)] = &[
    // Syntax errors on a line that carries a terminal attack.
    ("s01_osc0_title.ron", Syntax(3, Token("oops"))),
    ("s02_osc52_clipboard.ron", Syntax(3, Token("oops"))),
    ("s03_csi_clear_screen.ron", Syntax(3, Token("oops"))),
    ("s04_csi_device_status_report.ron", Syntax(3, Token("oops"))),
    ("s05_c1_csi.ron", Syntax(3, Token("oops"))),
    ("s06_c1_osc.ron", Syntax(3, Token("oops"))),
    ("s07_dcs.ron", Syntax(3, Token("oops"))),
    ("s08_osc8_hyperlink.ron", Syntax(3, Token("oops"))),
    ("s09_unterminated_osc.ron", Syntax(3, Token("oops"))),
    ("s10_payload_after_the_error.ron", Syntax(3, Token("oops"))),
    ("s11_payload_on_the_lines_around.ron", Syntax(3, Token("oops"))),
    ("s12_bel_backspace_del.ron", Syntax(3, Token("oops"))),
    ("s13_bidi_controls.ron", Syntax(3, Token("oops"))),
    ("s14_escape_outside_a_string.ron", Syntax(3, Token("\u{1b}"))),
    ("s15_ron_escapes_stay_text.ron", Syntax(3, Token("oops"))),
    ("s16_raw_string_payload.ron", Syntax(3, Token("oops"))),
    ("s17_payload_in_comments.ron", Syntax(4, Token("oops"))),
    ("s18_many_sequences_on_the_line.ron", Syntax(3, Token("oops"))),
    ("s19_misspelt_field_after_payload.ron", Syntax(4, Token("sumary"))),
    ("s20_wrong_type_with_payload.ron", Syntax(47, Token("\""))),
    // Bytes that are not UTF-8 text.
    ("s21_invalid_utf8.ron", Syntax(4, Column(15))),
    ("s22_raw_c1_bytes.ron", Syntax(3, Column(17))),
    ("s23_overlong_nul.ron", Syntax(3, Column(13))),
    ("s24_utf16le.ron", Syntax(1, Column(1))),
    ("s25_nul_outside_a_string.ron", Syntax(3, Token("\0"))),
    ("s26_truncated_surrogate.ron", Syntax(3, Column(13))),
    // Columns count characters, after a BOM, whatever ends the lines.
    ("s27_wide_characters_before_the_error.ron", Syntax(3, Token("oops"))),
    ("s28_emoji_and_combining_before_the_error.ron", Syntax(3, Token("oops"))),
    ("s29_tabs_before_the_error.ron", Syntax(3, Token("oops"))),
    ("s30_bom_then_error.ron", Syntax(6, Token("description"))),
    ("s31_crlf_then_error.ron", Syntax(6, Token("description"))),
    ("s32_cr_only_then_error.ron", Syntax(6, Token("description"))),
    ("s33_mixed_line_ends_then_error.ron", Syntax(6, Token("description"))),
    ("s34_empty.ron", Syntax(1, Column(1))),
    ("s35_only_a_bom.ron", Syntax(1, Column(1))),
    ("s36_truncated.ron", Syntax(27, Column(11))),
    ("s37_long_line_before_the_error.ron", Syntax(3, Token("oops"))),
    ("s38_long_error_line.ron", Syntax(3, Token("oops"))),
    ("s39_deep_nesting.ron", Syntax(47, Token("["))),
    ("s40_nested_option.ron", Syntax(47, Column(26))),
    ("s41_string_terminator_read_as_a_ron_escape.ron", Syntax(3, Token("Tea"))),
    // Files that load: every payload vanishes.
    ("v01_raw_payloads_in_every_string.ron", Valid),
    ("v02_c1_payloads_in_every_string.ron", Valid),
    ("v03_bidi_in_every_string.ron", Valid),
    ("v04_ron_escaped_payloads.ron", Valid),
    ("v05_bom.ron", Valid),
    ("v06_crlf.ron", Valid),
    ("v07_cr_only.ron", Valid),
    ("v08_nul_in_strings.ron", Valid),
    ("v09_weights_at_the_limits.ron", Valid),
    ("v10_name_of_200_characters.ron", Valid),
    // Files that break rules.
    ("i01_weight_1e308.ron", Invalid(&["weights.coffee: expected a number from -10 to 10; found 1e308"])),
    ("i02_weight_nan.ron", Invalid(&["weights.coffee: expected a number from -10 to 10; found NaN"])),
    ("i03_weight_minus_inf.ron", Invalid(&["weights.coffee: expected a number from -10 to 10; found -inf"])),
    ("i04_tie_margin_nan.ron", Invalid(&["wizard.tie_margin: expected a number from 0.0 to 1.0; found NaN"])),
    ("i05_name_of_201_characters.ron", Invalid(&["subjects[0].name: is 201 characters long"])),
    ("i06_id_with_payload.ron", Invalid(&["subjects[0].id: subject id \"t ea\" may only use"])),
    ("i07_unknown_subject_with_payload.ron", Invalid(&["factors[0].summary: unknown subject \"cocoa\""])),
    ("i08_url_with_payload.ron", Invalid(&["sources[0].url: expected an http:// or https:// URL"])),
    ("i09_text_only_escapes.ron", Invalid(&["faq[0].question: must not be empty"])),
    ("i10_weight_1e308_in_tie_margin.ron", Invalid(&["found -1e308"])),
];

/// The text the loader parses: no UTF-8 BOM, LF line ends; invalid UTF-8 shown as U+FFFD.
fn normalised(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    String::from_utf8_lossy(bytes).replace("\r\n", "\n").replace('\r', "\n")
}

/// The 1-based character column `at` names on `line` of `src`.
fn column_of(src: &str, line: usize, at: At) -> usize {
    match at {
        Column(c) => c,
        Token(t) => {
            let text = src.split('\n').nth(line - 1).unwrap_or_else(|| panic!("no line {line}"));
            let i = text.find(t).unwrap_or_else(|| panic!("{t:?} is not on line {line}: {text:?}"));
            1 + text[..i].chars().count()
        }
    }
}

fn width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Checks a syntax error report: exit 1, `name:line:column: ` in the header
/// and in miette's `[name:line:column]`, and the `▲` under that very column
/// of the (cut, sanitized) line shown.
fn assert_syntax(run: &Run, name: &str, src: &str, line: usize, column: usize) {
    let err = &run.stderr;
    assert_eq!(run.code, Some(1), "{}: {err}", run.what);
    assert!(err.contains(&format!("{name}:{line}:{column}: ")), "{}: want {line}:{column}:\n{err}", run.what);
    assert!(err.contains(&format!("[{name}:{line}:{column}]")), "{}: the snippet's header disagrees:\n{err}", run.what);
    let code = err
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("{line} │")))
        .unwrap_or_else(|| panic!("{}: line {line} is not shown:\n{err}", run.what));
    let marker = err.lines().find(|l| l.contains('▲')).unwrap_or_else(|| panic!("{}: no marker:\n{err}", run.what));
    let at = width(&marker[..marker.find('▲').unwrap_or(0)]);
    // What the line shows from the marker's column on.
    let mut shown = None;
    let mut w = 0;
    for (i, c) in code.char_indices() {
        if w == at {
            shown = Some(&code[i..]);
            break;
        }
        assert!(w < at, "{}: the marker is inside a wide character:\n{err}", run.what);
        w += c.width().unwrap_or(0);
    }
    let shown = shown.unwrap_or("");
    // What is at that column in the file, sanitized as the snippet shows it.
    let text = src.split('\n').nth(line - 1).unwrap_or("");
    let rest: String = text.chars().skip(column - 1).take(data::SNIPPET_RADIUS).collect();
    let want: String = data::sanitize_line(&rest).chars().take(4).collect();
    assert!(shown.starts_with(want.trim_end()), "{}: the marker points at {shown:?}, not {want:?}:\n{err}", run.what);
    // The shown lines are cut, never the whole of a long line.
    for l in err.lines() {
        assert!(l.chars().count() < 1400, "{}: a line of {} characters", run.what, l.chars().count());
    }
}

fn assert_expected(path: &Path, expect: Expect) {
    let name = path.to_str().expect("fixture paths are UTF-8");
    let src = normalised(&std::fs::read(path).expect("read fixture"));
    let runs = [check(path), export(path)];
    for run in &runs {
        match expect {
            Valid => assert_eq!(run.code, Some(0), "{}: {}", run.what, run.stderr),
            Syntax(line, at) => assert_syntax(run, name, &src, line, column_of(&src, line, at)),
            Invalid(fragments) => {
                assert_eq!(run.code, Some(1), "{}: {}", run.what, run.stderr);
                for f in fragments {
                    assert!(run.stderr.contains(&format!("{name}: ")), "{}: names the file: {}", run.what, run.stderr);
                    assert!(run.stderr.contains(f), "{}: want {f:?} in:\n{}", run.what, run.stderr);
                }
            }
        }
    }
    if let Valid = expect {
        assert!(runs[0].stdout.starts_with(&format!("ok: {name}: ")), "{}: {}", runs[0].what, runs[0].stdout);
        assert!(runs[1].stdout.starts_with("# "), "{}: {}", runs[1].what, runs[1].stdout);
    }
}

#[test]
fn every_committed_hostile_file_gives_a_located_clean_bounded_report() {
    let mut names: Vec<String> = std::fs::read_dir(fixtures())
        .expect("tests/fixtures/hostile")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    let listed: Vec<&str> = FIXTURES.iter().map(|(n, _)| *n).collect();
    for n in &names {
        assert!(listed.contains(&n.as_str()), "{n} has no expectation in FIXTURES");
    }
    assert!(names.len() >= 40, "only {} hostile fixtures", names.len());
    for (name, expect) in FIXTURES {
        assert_expected(&fixtures().join(name), *expect);
    }
}

#[test]
fn no_escape_survives_into_a_report_even_inside_the_snippet() {
    // The payloads are there in the files...
    for name in ["s01_osc0_title.ron", "s02_osc52_clipboard.ron", "s03_csi_clear_screen.ron", "s07_dcs.ron"] {
        let bytes = std::fs::read(fixtures().join(name)).expect("fixture");
        assert!(bytes.contains(&0x1b), "{name} carries an escape");
    }
    // ...and what is around them is still shown.
    let run = check(&fixtures().join("s01_osc0_title.ron"));
    assert!(run.stderr.contains("title: \"Tea vs Coffee\" oops,"), "{}", run.stderr);
    let run = check(&fixtures().join("s13_bidi_controls.ron"));
    assert!(run.stderr.contains("title: \"Tea vs Coffee\" oops,"), "{}", run.stderr);
}

#[test]
fn file_names_with_escapes_are_shown_sanitized() {
    use std::os::unix::ffi::OsStrExt;
    let dir = TempDir::new("names");
    let minimal = std::fs::read(fixtures().join("../minimal.ron")).expect("minimal");
    let broken = std::fs::read(fixtures().join("s30_bom_then_error.ron")).expect("fixture");
    let names: [&[u8]; 5] = [
        b"ok\x1b]0;PWNED\x07\x1b]52;c;cHduZWQ=\x07.ron",
        b"clear\x1b[2J\x1b[H\x1b[6n.ron",
        "c1\u{9b}2J\u{9d}0;x\u{9c}\u{202e}.ron".as_bytes(),
        b"raw\x9b2J\xff.ron",
        b"new\nline\tand\rbell\x07.ron",
    ];
    for name in names {
        let name = OsStr::from_bytes(name);
        let shown = data::sanitize_line(&Path::new(&dir.0).join(name).display().to_string());
        assert!(!shown.contains('\u{1b}'));
        let good = dir.write(name, &minimal);
        let run = check(&good);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert!(run.stdout.starts_with(&format!("ok: {shown}: ")), "{}", run.stdout);

        std::fs::write(&good, &broken).expect("write");
        for run in [check(&good), export(&good)] {
            assert_eq!(run.code, Some(1));
            assert!(run.stderr.contains(&format!("{shown}:6:33: Expected comma")), "{}", run.stderr);
            assert!(run.stderr.contains(&format!("[{shown}:6:33]")), "{}", run.stderr);
        }
        std::fs::write(&good, std::fs::read(fixtures().join("i01_weight_1e308.ron")).expect("fixture")).expect("write");
        let run = check(&good);
        assert!(run.stderr.contains(&format!("{shown}: wizard.questions[0]")), "{}", run.stderr);
    }
    let missing = dir.0.join(OsStr::from_bytes(b"gone\x1b]0;PWNED\x07.ron"));
    for run in [check(&missing), export(&missing)] {
        assert_eq!(run.code, Some(1));
        assert!(run.stderr.contains("gone.ron: cannot read"), "{}", run.stderr);
    }
}

/// A complete, valid comparison of these subjects (ids), every per-subject map covering them all.
fn comparison(ids: &[String]) -> String {
    let each = |value: &dyn Fn(&str) -> String| {
        let entries: Vec<String> = ids.iter().map(|id| format!("\"{id}\": {}", value(id))).collect();
        format!("{{{}}}", entries.join(", "))
    };
    let subjects: Vec<String> =
        ids.iter().map(|id| format!("(id: \"{id}\", name: \"Name {id}\", description: \"About {id}.\")")).collect();
    format!(
        "(\n title: \"Many\",\n summary: \"Many subjects.\",\n subjects: [{}],\n key_features: {},\n features: [(name: \"Speed\", values: {})],\n pros_cons: {},\n use_cases: [(domain: \"Web\", fits: {})],\n factors: [(name: \"Cost\", summary: {}, discussion: {})],\n decision: [(name: \"Best for\", values: {})],\n faq: [(question: \"Why?\", answer: \"Because.\")],\n wizard: (questions: [(id: \"q\", prompt: \"Which?\", options: [(id: \"a\", label: \"A\", weights: {{\"{}\": 1.0}}, why: \"One.\"), (id: \"b\", label: \"B\", weights: {{}}, why: \"None.\")])]),\n)\n",
        subjects.join(",\n  "),
        each(&|id| format!("[(name: \"Feature of {id}\", detail: \"Detail.\")]")),
        each(&|_| "\"Fast\"".into()),
        each(&|_| "(pros: [\"Good.\"], cons: [\"Bad.\"])".into()),
        each(&|_| "(why: \"Fits.\")".into()),
        each(&|_| "\"Cheap\"".into()),
        each(&|_| "\"Costs little.\"".into()),
        each(&|_| "\"Most things\"".into()),
        ids[0],
    )
}

fn ids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("s{i}")).collect()
}

#[test]
fn at_most_twelve_subjects_fit_and_the_limit_says_why() {
    assert_eq!(data::MAX_SUBJECTS, 12);
    let dir = TempDir::new("subjects");
    let twelve = dir.write("twelve.ron", comparison(&ids(12)));
    let run = check(&twelve);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.contains("12 subjects"), "{}", run.stdout);
    assert_eq!(export(&twelve).code, Some(0));

    for n in [13, 5000] {
        let path = dir.write(format!("n{n}.ron"), comparison(&ids(n)));
        for run in [check(&path), export(&path)] {
            assert_eq!(run.code, Some(1), "{}", run.stderr);
            let want = format!("subjects: a comparison shows every subject side by side, so at most 12 fit; found {n}");
            assert!(run.stderr.contains(&want), "{}", run.stderr);
            // Only that: the maps that cover every subject are not blamed for it.
            assert_eq!(run.stderr.matches(": subjects").count(), 1, "{}", run.stderr);
        }
    }
}

#[test]
fn long_per_subject_lists_are_checked_in_linear_time() {
    // Far too many subjects, each weighed and given a reason by one option:
    // checking one list against the other must not take their product.
    let dir = TempDir::new("linear");
    let minimal = std::fs::read_to_string(fixtures().join("../minimal.ron")).expect("minimal");
    let many = ids(60_000);
    let subjects: String =
        many.iter().map(|id| format!("(id: \"{id}\", name: \"N\", description: \"D.\"),\n")).collect();
    let weights: Vec<String> = many.iter().map(|id| format!("\"{id}\": 1.0")).collect();
    let reasons: Vec<String> = many.iter().map(|id| format!("\"{id}\": \"R.\"")).collect();
    let src = minimal.replacen("    subjects: [\n", &format!("    subjects: [\n{subjects}"), 1).replacen(
        "weights: {\"coffee\": 2.0}, why: \"Coffee wakes you faster.\"",
        &format!("weights: {{{}}}, why: \"Faster.\", reasons: {{{}}}", weights.join(", "), reasons.join(", ")),
        1,
    );
    assert!(src.contains("reasons: {"));
    let path = dir.write("linear.ron", &src);
    for run in [check(&path), export(&path)] {
        assert_eq!(run.code, Some(1));
        assert!(run.stderr.contains("at most 12 fit; found 60002"), "{}", run.stderr);
    }
}

#[test]
fn repeated_and_unknown_subjects_give_a_bounded_report() {
    let dir = TempDir::new("repeated");
    let minimal = std::fs::read_to_string(fixtures().join("../minimal.ron")).expect("minimal");

    // 10,000 subjects, all with one id, each with a long description (2.7 MB).
    let subject = format!("(id: \"dup\", name: \"Dup\", description: \"{}\"),\n", "d".repeat(220));
    let dups = minimal.replacen("    subjects: [\n", &format!("    subjects: [\n{}", subject.repeat(10_000)), 1);
    let path = dir.write("dup_ids.ron", &dups);
    assert!(dups.len() > 2_500_000);
    for run in [check(&path), export(&path)] {
        assert_eq!(run.code, Some(1));
        assert!(run.stderr.contains("found 10002"), "{}", run.stderr);
        assert!(run.stderr.contains("subjects[1].id: duplicate subject id \"dup\""), "{}", run.stderr);
        assert_eq!(run.stderr.lines().filter(|l| l.contains("dup_ids.ron: ")).count(), data::MAX_PROBLEMS + 1);
        assert!(run.stderr.contains("dup_ids.ron: … and 9900 more problems"), "{}", run.stderr);
    }

    // Twelve declared subjects with long ids; 2,000 unknown ones given, twice over.
    let long_ids: Vec<String> = (0..12).map(|i| format!("{i:0>180}")).collect();
    let mut src = comparison(&long_ids);
    let unknown: Vec<String> = (0..2000).map(|i| format!("\"{:x>199}{}\": \"Cheap\"", i, i % 10)).collect();
    src = src.replacen("summary: {", &format!("summary: {{{}, ", unknown.join(", ")), 1);
    src = src.replacen("values: {", &format!("values: {{{}, ", unknown.join(", ")), 1);
    let path = dir.write("unknown.ron", &src);
    for run in [check(&path), export(&path)] {
        assert_eq!(run.code, Some(1));
        // The declared subjects are listed once, at most ten of them.
        assert_eq!(run.stderr.matches("(declared: ").count(), 1, "{}", run.stderr);
        assert!(run.stderr.contains("… and 2 more)"), "{}", run.stderr);
        assert!(run.stderr.contains("… and 3900 more problems"), "{}", run.stderr);
    }

    // One map giving the same subject 10,000 times.
    let twice =
        minimal.replacen("{\"tea\": \"Low\"", &format!("{{{}\"tea\": \"Low\"", "\"tea\": \"x\", ".repeat(10_000)), 1);
    let path = dir.write("given_twice.ron", &twice);
    let run = check(&path);
    assert!(run.stderr.contains("pros_cons_table[0].values: subject \"tea\" is given twice"), "{}", run.stderr);
    assert!(run.stderr.contains("… and 9900 more problems"), "{}", run.stderr);
}

#[test]
fn over_long_names_and_ids_are_located_errors_not_panics() {
    let dir = TempDir::new("long-names");
    let minimal = std::fs::read_to_string(fixtures().join("../minimal.ron")).expect("minimal");
    let huge = "N".repeat(65_536);
    let cases = [
        (
            "name",
            minimal.replacen("name: \"Tea\"", &format!("name: \"{huge}\""), 1),
            "subjects[0].name: is 65536 characters long",
        ),
        (
            "label",
            minimal.replacen("label: \"Morning\"", &format!("label: \"{huge}\""), 1),
            "options[0].label: is 65536 characters long",
        ),
        (
            "id",
            minimal.replacen("(id: \"tea\"", &format!("(id: \"{huge}\""), 1),
            "subjects[0].id: subject id is 65536 characters long",
        ),
        (
            "cell",
            minimal.replacen("\"Moderate\"", &format!("\"{huge}{huge}\""), 1),
            "features[0].values.tea: is 131072",
        ),
    ];
    for (name, src, want) in cases {
        let path = dir.write(format!("{name}.ron"), src);
        for run in [check(&path), export(&path)] {
            assert_eq!(run.code, Some(1), "{name}: {}", run.stderr);
            assert!(run.stderr.contains(want), "{name}: {}", run.stderr);
            for l in run.stderr.lines() {
                assert!(l.chars().count() < 800, "{name}: a line of {} characters", l.chars().count());
            }
        }
        let out = dir.0.join(format!("shots-{name}"));
        let run = versus(&[
            OsStr::new("screenshot"),
            OsStr::new("--data"),
            path.as_os_str(),
            OsStr::new("--out"),
            out.as_os_str(),
        ]);
        assert_eq!(run.code, Some(1), "{name}: {}", run.stderr);
    }
}

#[test]
fn a_twenty_megabyte_line_with_an_error_at_its_end_is_quick_and_shown_cut() {
    let dir = TempDir::new("long-line");
    let minimal = std::fs::read_to_string(fixtures().join("../minimal.ron")).expect("minimal");
    let one_line: Vec<&str> = minimal.lines().filter(|l| !l.trim_start().starts_with("//")).map(str::trim).collect();
    let mut src = one_line.join(" ");
    let padding = "日本語 and tea \u{1b}[2J ".repeat(20_000_000 / 23 + 1);
    src = src.replacen("summary: \"Two", &format!("summary: \"{padding}Two"), 1);
    src.truncate(src.rfind(')').expect("closing paren"));
    src.push_str(" oops: \"\u{1b}]0;PWNED\u{7}\")");
    assert!(src.len() > 20_000_000 && !src.contains('\n'));
    let path = dir.write("long.ron", &src);
    let column = column_of(&src, 1, Token("oops"));
    assert!(column > 10_000_000);
    for run in [check(&path), export(&path)] {
        assert_syntax(&run, path.to_str().expect("utf-8"), &src, 1, column);
        assert!(run.stderr.contains("Unexpected field named `oops`"), "{}", run.stderr);
        assert!(run.stderr.len() < 4096, "{} bytes", run.stderr.len());
        assert!(run.stderr.contains('…'), "the cut is marked: {}", run.stderr);
    }
}

#[test]
fn wide_characters_before_the_error_keep_header_and_marker_in_step() {
    // Many wide characters, then the error far enough along that the line is cut.
    let dir = TempDir::new("wide");
    let minimal = std::fs::read_to_string(fixtures().join("../minimal.ron")).expect("minimal");
    let src = minimal.replacen("\"Tea vs Coffee\",", &format!("\"{}\" oops,", "お茶と珈琲🚀".repeat(40)), 1);
    let path = dir.write("wide.ron", &src);
    let column = column_of(&src, 3, Token("oops"));
    for run in [check(&path), export(&path)] {
        assert_syntax(&run, path.to_str().expect("utf-8"), &src, 3, column);
    }
}

#[test]
fn deep_nesting_and_huge_messages_are_bounded() {
    let dir = TempDir::new("deep");
    let minimal = std::fs::read_to_string(fixtures().join("../minimal.ron")).expect("minimal");
    let deep =
        minimal.replacen("tie_margin: 0.1", &format!("tie_margin: {}{}", "[".repeat(100_000), "]".repeat(100_000)), 1);
    let path = dir.write("deep.ron", &deep);
    for run in [check(&path), export(&path)] {
        assert_syntax(&run, path.to_str().expect("utf-8"), &normalised(deep.as_bytes()), 47, 21);
    }
    // A misspelt field whose name is a megabyte long: ron quotes it in its message.
    let field = "x".repeat(1 << 20);
    let long = minimal.replacen("    summary:", &format!("    {field}: 1,\n    summary:"), 1);
    let path = dir.write("long-field.ron", &long);
    for run in [check(&path), export(&path)] {
        assert_syntax(&run, path.to_str().expect("utf-8"), &long, 4, 5);
        assert!(run.stderr.len() < 8192, "{} bytes", run.stderr.len());
    }
}

#[test]
fn many_files_at_once_each_get_their_own_report() {
    let files: Vec<OsString> = FIXTURES.iter().map(|(n, _)| fixtures().join(n).into_os_string()).collect();
    let mut args = vec![OsStr::new("check")];
    args.extend(files.iter().map(OsString::as_os_str));
    let run = versus(&args);
    assert_eq!(run.code, Some(1));
    let valid = FIXTURES.iter().filter(|(_, e)| matches!(e, Valid)).count();
    assert_eq!(run.stdout.lines().filter(|l| l.starts_with("ok: ")).count(), valid, "{}", run.stdout);
}
