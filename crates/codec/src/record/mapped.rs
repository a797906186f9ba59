//! A mapped value: what the mapper hands to the behaviors, before the client layer turns
//! it into header text. Declared attributes are strings; undeclared or untyped fields may
//! keep their JSON type (s3db.js writes them as numbers/booleans in JSON bodies).

use crate::js::json::{number_text, stringify};
use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
pub enum Mapped {
    Str(String),
    /// Written as the literal `null` in metadata and `null` in bodies.
    Null,
    /// A number or boolean kept as is (undeclared or `any` fields).
    Raw(Value),
}

impl Mapped {
    /// The text the client puts in the header (`String(v)`).
    pub fn meta_text(&self) -> String {
        match self {
            Mapped::Str(s) => s.clone(),
            Mapped::Null => "null".into(),
            Mapped::Raw(Value::Number(n)) => number_text(n),
            Mapped::Raw(Value::Bool(b)) => b.to_string(),
            Mapped::Raw(Value::String(s)) => s.clone(),
            Mapped::Raw(Value::Null) => "null".into(),
            Mapped::Raw(other) => stringify(other),
        }
    }

    /// The text s3db.js's size calculator counts for this value (`t(value)` in the spec).
    pub fn size_text(&self) -> String {
        match self {
            Mapped::Null | Mapped::Raw(Value::Null) => String::new(),
            Mapped::Raw(Value::Bool(b)) => if *b { "1" } else { "0" }.into(),
            other => other.meta_text(),
        }
    }

    /// The value as it appears in a JSON body.
    pub fn body_value(&self) -> Value {
        match self {
            Mapped::Str(s) => Value::String(s.clone()),
            Mapped::Null => Value::Null,
            Mapped::Raw(v) => v.clone(),
        }
    }

    /// UTF-8 length of [`Mapped::size_text`] (without building the text for strings).
    pub fn size(&self) -> usize {
        match self {
            Mapped::Str(s) => s.len(),
            Mapped::Null | Mapped::Raw(Value::Null) => 0,
            Mapped::Raw(Value::Bool(_)) => 1,
            other => other.size_text().len(),
        }
    }
}

/// The logical metadata/body entries of one record: keys (short, plugin, raw or system) in
/// JS property order, `_v` included.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MappedRecord {
    pub entries: Vec<(String, Mapped)>,
}

impl MappedRecord {
    pub fn get(&self, key: &str) -> Option<&Mapped> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// s3db.js `calculateTotalSize`: Σ utf8(key) + utf8(t(value)).
    pub fn logical_size(&self) -> usize {
        self.entries.iter().map(|(k, v)| k.len() + v.size()).sum()
    }

    /// `JSON.stringify` of the entries (JS order is already applied).
    pub fn to_json_object(&self) -> Value {
        let mut m = serde_json::Map::new();
        for (k, v) in &self.entries {
            m.insert(k.clone(), v.body_value());
        }
        Value::Object(m)
    }
}
