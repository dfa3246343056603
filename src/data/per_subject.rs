//! A value for each subject, written in RON as a map keyed by subject id.
//!
//! Kept as an ordered list rather than a `HashMap` so that duplicate keys
//! survive deserialization and validation can report them, and so that export
//! keeps the author's order.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::text::Line;

#[derive(Debug, Clone, PartialEq)]
pub struct PerSubject<T>(Vec<(Line, T)>);

impl<T> Default for PerSubject<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<T> PerSubject<T> {
    pub fn new(entries: Vec<(Line, T)>) -> Self {
        Self(entries)
    }

    /// The value for one subject id.
    pub fn get(&self, id: &str) -> Option<&T> {
        self.0.iter().find(|(k, _)| k.as_str() == id).map(|(_, v)| v)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &T)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: Serialize> Serialize for PerSubject<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for PerSubject<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for EntriesVisitor<T> {
            type Value = PerSubject<T>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map from subject id to value, like {\"django\": …, \"flask\": …}")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                // The size hint comes from the file; cap it so a hostile hint cannot reserve gigabytes.
                let mut entries = Vec::with_capacity(access.size_hint().unwrap_or(0).min(16));
                while let Some((key, value)) = access.next_entry()? {
                    entries.push((key, value));
                }
                Ok(PerSubject(entries))
            }
        }

        deserializer.deserialize_map(EntriesVisitor(PhantomData))
    }
}
