//! A comparison's head: its title and its subjects' names, read from the
//! start of a file without parsing the rest, so that listing a catalogue of
//! large files costs a few kilobytes each. The rest is read, and every rule
//! checked, when the comparison is opened (or by `versus check`).

use std::cell::RefCell;
use std::fmt;
use std::path::Path;
use std::sync::OnceLock;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::load::{LoadError, located, normalise_line_ends, read_error, syntax_error};
use super::model::Comparison;
use super::text::sanitize_line;
use crate::fsio::{self, Links};

/// What a listing shows of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Head {
    pub title: String,
    pub subjects: Vec<String>,
}

/// The most of a file read for its head; real heads are a few kilobytes.
pub(crate) const MAX_HEAD_BYTES: u64 = 256 * 1024;
/// The first read; doubled while the head runs past it.
const FIRST_READ: u64 = 16 * 1024;

/// The head of the comparison file at `path` (a regular file, or a link to one).
pub(crate) fn load_head(path: &Path) -> Result<Head, LoadError> {
    let shown = path.display().to_string();
    let mut limit = FIRST_READ;
    loop {
        let (bytes, size) = fsio::read_head(path, limit, Links::Follow).map_err(|e| read_error(&shown, e))?;
        let whole = bytes.len() as u64 >= size;
        match head_of(&bytes, &shown, whole) {
            Err(Cut) if limit < MAX_HEAD_BYTES => limit *= 4,
            Err(Cut) => {
                let message = format!(
                    "the title and subjects are not within the first {} KiB; they come first in a comparison",
                    MAX_HEAD_BYTES >> 10
                );
                return Err(syntax_error(&shown, "", 1, 1, &message));
            }
            Ok(result) => return result,
        }
    }
}

/// The bytes ended before the head did: read more.
struct Cut;

/// The head of `bytes`, the start of a file (`whole` when it is all of it).
fn head_of(bytes: &[u8], origin: &str, whole: bool) -> Result<Result<Head, LoadError>, Cut> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let bytes = normalise_line_ends(bytes);
    // A cut may fall inside a character: only whole characters are parsed.
    let src = match std::str::from_utf8(&bytes) {
        Ok(src) => src,
        Err(e) if !whole && e.error_len().is_none() => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or(""),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let line = 1 + valid.matches('\n').count();
            let column = 1 + valid.rsplit('\n').next().unwrap_or("").chars().count();
            let message = "expected UTF-8 text; found an invalid byte";
            return Ok(Err(syntax_error(origin, &String::from_utf8_lossy(&bytes), line, column, message)));
        }
    };
    let found = RefCell::new(None);
    let options = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let outcome = ron::Deserializer::from_str_with_options(src, &options).and_then(|mut de| {
        let visitor = HeadVisitor { fields: comparison_fields(), found: &found };
        (&mut de).deserialize_struct("Comparison", comparison_fields(), visitor).map_err(|e| de.span_error(e))
    });
    // The visitor stops once it has the head; ron then misses the struct's end, which is no error here.
    if let Some(head) = found.into_inner() {
        return Ok(Ok(head));
    }
    match outcome {
        // An error on the last line of a cut text may be the cut itself.
        Err(e) if !whole && (e.code == ron::Error::Eof || e.span.end.line > src.matches('\n').count()) => Err(Cut),
        Err(e) => Ok(Err(located(src, origin, &e))),
        Ok(()) => Ok(Err(syntax_error(origin, src, 1, 1, "expected a title and subjects"))),
    }
}

#[derive(serde::Deserialize)]
struct SubjectName {
    name: String,
}

struct HeadVisitor<'a> {
    fields: &'static [&'static str],
    found: &'a RefCell<Option<Head>>,
}

impl<'de> Visitor<'de> for HeadVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a comparison: ( title: …, subjects: [ … ], … )")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let (mut title, mut subjects) = (None::<String>, None::<Vec<SubjectName>>);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "title" => title = Some(map.next_value()?),
                "subjects" => subjects = Some(map.next_value()?),
                known if self.fields.contains(&known) => {
                    map.next_value::<IgnoredAny>()?;
                }
                unknown => return Err(de::Error::unknown_field(unknown, self.fields)),
            }
            if let (Some(title), Some(subjects)) = (&title, &subjects) {
                *self.found.borrow_mut() = Some(Head {
                    title: sanitize_line(title),
                    subjects: subjects.iter().map(|s| sanitize_line(&s.name)).collect(),
                });
                return Ok(());
            }
        }
        Err(de::Error::missing_field(if title.is_none() { "title" } else { "subjects" }))
    }
}

/// The top-level field names, asked of the model itself so that they never
/// drift from it: a deserializer that only records what it is asked for.
fn comparison_fields() -> &'static [&'static str] {
    static FIELDS: OnceLock<&'static [&'static str]> = OnceLock::new();
    FIELDS.get_or_init(|| match <Comparison as serde::Deserialize>::deserialize(FieldProbe) {
        Err(Probed(fields)) => fields,
        Ok(_) => &[],
    })
}

struct FieldProbe;

#[derive(Debug)]
struct Probed(&'static [&'static str]);

impl fmt::Display for Probed {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("probed")
    }
}

impl std::error::Error for Probed {}

impl de::Error for Probed {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Probed(&[])
    }
}

impl<'de> Deserializer<'de> for FieldProbe {
    type Error = Probed;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Probed> {
        Err(Probed(&[]))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Probed> {
        Err(Probed(fields))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(src: &str) -> Result<Head, LoadError> {
        head_of(src.as_bytes(), "t.ron", true).unwrap_or_else(|Cut| panic!("cut"))
    }

    #[test]
    fn the_fields_are_the_models() {
        let fields = comparison_fields();
        for f in ["title", "summary", "subjects", "wizard", "synonyms", "faq"] {
            assert!(fields.contains(&f), "{f}: {fields:?}");
        }
    }

    #[test]
    fn the_head_of_a_shipped_file_is_its_title_and_subjects_from_a_few_kilobytes() {
        let src = include_str!("../../data/django-vs-flask.ron");
        let cut = &src.as_bytes()[..4096];
        let head = head_of(cut, "t.ron", false).unwrap_or_else(|Cut| panic!("cut")).expect("head");
        assert_eq!(head, Head { title: "Django vs Flask".into(), subjects: vec!["Django".into(), "Flask".into()] });
        assert!(matches!(head_of(&src.as_bytes()[..300], "t.ron", false), Err(Cut)), "more is read when cut early");
    }

    #[test]
    fn errors_in_the_head_are_located_and_the_rest_is_not_read() {
        let e = head("(\n  title: \"x\",\n  oops: 1,\n)\n").expect_err("unknown field");
        assert!(e.to_string().starts_with("t.ron:3:3: Unexpected field named `oops`"), "{e}");
        let e = head("(\n  summary: \"s\",\n)\n").expect_err("no title");
        assert!(e.to_string().contains("title"), "{e}");
        // Past the head, anything goes: the full load finds it.
        let ok = head("(title: \"T\", subjects: [(id: \"a\", name: \"A\")], features: oops oops");
        assert_eq!(ok.expect("head").subjects, ["A"]);
    }
}
