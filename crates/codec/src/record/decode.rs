//! Stored object -> record (storage spec §3.4, §4 "Reading").
//!
//! Metadata and body are merged (metadata wins). Body keys may be short keys (insert
//! overflow, body-only) or attribute names (s3db.js user-managed updates); both are read.
//! Each value is decoded once, by its declared type.

use super::unflatten::unflatten;
use super::values::{decode_value, parse_json_like, CryptoContext};
use crate::codec::secret;
use crate::error::{CodecError, Result};
use crate::metadata_encoding::{decode_value as wire_decode, MetaValue};
use crate::schema::Schema;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// A decoded record and what its object said about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedRecord {
    /// The record's fields (without `id`).
    pub data: Value,
    /// `_v` without its leading `v`, as s3db.js reports it (`"1"`).
    pub version: Option<String>,
    pub overflow: bool,
    pub truncated: bool,
    /// Values that could not be decoded; they are kept as their stored text in `data`.
    pub problems: Vec<CodecError>,
}

/// System keys that are never record fields.
const SYSTEM_KEYS: &[&str] = &[
    "_v",
    "_map",
    "_pluginmap",
    "_overflow",
    "_truncated",
    "_historicaltimestamp",
    "id",
];

/// Key -> path resolution for one object (its own `_map`/`_pluginmap` first).
struct Resolver<'a> {
    schema: &'a Schema,
    own_map: Option<HashMap<String, String>>,
    own_plugin: Option<HashMap<String, String>>,
}

enum Resolved {
    Attribute(String),
    Plugin(String),
    Undeclared(String),
}

fn reverse_json_map(text: &str) -> Option<HashMap<String, String>> {
    let v: Value = crate::js::parse::from_js_str(text).ok()?;
    Some(
        v.as_object()?
            .iter()
            .filter_map(|(path, key)| key.as_str().map(|k| (k.to_string(), path.clone())))
            .collect(),
    )
}

impl Resolver<'_> {
    fn short(&self, key: &str) -> Option<Resolved> {
        let plugin = self
            .own_plugin
            .as_ref()
            .unwrap_or(&self.schema.reverse_plugin_map);
        if let Some(p) = plugin.get(key) {
            return Some(Resolved::Plugin(p.clone()));
        }
        let map = self.own_map.as_ref().unwrap_or(&self.schema.reverse_map);
        if let Some(p) = map.get(key) {
            return Some(Resolved::Attribute(p.clone()));
        }
        // A key the object's own `_map` does not name (e.g. an empty `_map` over legacy
        // metadata) is read through the schema's map, as s3db.js reads such metadata.
        if self.own_map.is_some() {
            if let Some(p) = self.schema.reverse_map.get(key) {
                return Some(Resolved::Attribute(p.clone()));
            }
        }
        // Seed base62 keys arrive lower-cased from S3.
        map.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, p)| Resolved::Attribute(p.clone()))
    }

    fn resolve(&self, key: &str) -> Resolved {
        self.short(key)
            .unwrap_or_else(|| Resolved::Undeclared(key.to_string()))
    }
}

impl Schema {
    /// Decodes an object as stored on S3 (wire metadata, as returned by HeadObject/GetObject).
    pub fn decode_record(
        &self,
        metadata: &[(String, String)],
        body: Option<&[u8]>,
    ) -> Result<DecodedRecord> {
        let logical: Vec<(String, MetaValue)> = metadata
            .iter()
            .map(|(k, v)| (k.to_ascii_lowercase(), wire_decode(v)))
            .collect();
        self.decode_logical(&logical, body)
    }

    /// Like [`Schema::decode_record`] but fails on the first undecodable value.
    pub fn decode_record_strict(
        &self,
        metadata: &[(String, String)],
        body: Option<&[u8]>,
    ) -> Result<DecodedRecord> {
        let rec = self.decode_record(metadata, body)?;
        match rec.problems.first() {
            Some(e) => Err(e.clone()),
            None => Ok(rec),
        }
    }

    /// Decodes client-decoded metadata (lower-case keys) and an optional body.
    pub fn decode_logical(
        &self,
        metadata: &[(String, MetaValue)],
        body: Option<&[u8]>,
    ) -> Result<DecodedRecord> {
        let get = |k: &str| metadata.iter().find(|(key, _)| key == k).map(|(_, v)| v);
        let text = |k: &str| match get(k) {
            Some(MetaValue::Str(s)) => Some(s.clone()),
            _ => None,
        };
        let resolver = Resolver {
            schema: self,
            own_map: text("_map").and_then(|t| reverse_json_map(&t)),
            own_plugin: text("_pluginmap").and_then(|t| reverse_json_map(&t)),
        };
        let ctx = self.crypto_context(false);
        let mut problems = Vec::new();
        let mut values: Vec<(String, Value)> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();

        // JS reads keys in property order: short keys (integer-like) first, by index.
        let ordered =
            crate::js::order::js_order(metadata.iter().map(|(k, v)| (k.clone(), v)).collect());
        for (key, value) in &ordered {
            if SYSTEM_KEYS.contains(&key.as_str()) {
                continue;
            }
            let Some((path, v)) = self.decode_entry(&resolver, key, value, &ctx, &mut problems)
            else {
                continue;
            };
            if seen.insert(path.clone()) {
                values.push((path, v));
            }
        }
        if let Some(obj) = body
            .and_then(|b| crate::js::parse::from_js_slice::<Value>(b).ok())
            .and_then(|v| match v {
                Value::Object(m) => Some(m),
                _ => None,
            })
        {
            for (path, v) in self.decode_body(&resolver, &obj, &ctx, &mut problems) {
                if seen.insert(path.clone()) {
                    values.push((path, v));
                }
            }
        }
        Ok(DecodedRecord {
            data: unflatten(values),
            version: text("_v").map(|v| v.strip_prefix('v').unwrap_or(&v).to_string()),
            overflow: text("_overflow").as_deref() == Some("true"),
            truncated: text("_truncated").as_deref() == Some("true"),
            problems,
        })
    }

    /// Whether a resolved path is a hidden system field (`_contentlength`, …).
    fn is_hidden(&self, resolved: &Resolved) -> bool {
        match resolved {
            Resolved::Plugin(_) => false,
            Resolved::Attribute(p) | Resolved::Undeclared(p) => {
                p.starts_with('_') && !self.fields.contains_key(p) && !p.starts_with("_geohash")
            }
        }
    }

    fn decode_text(
        &self,
        path: &str,
        s: &str,
        ctx: &CryptoContext,
        problems: &mut Vec<CodecError>,
    ) -> Option<Value> {
        if let Some(spec) = self.fields.get(path) {
            return match decode_value(spec, s, path, ctx) {
                Ok(v) => v,
                Err(e) => {
                    problems.push(e);
                    Some(Value::String(s.to_string()))
                }
            };
        }
        if self.nested.contains(path) || !self.path_to_key.contains_key(path) {
            return Some(parse_json_like(s));
        }
        // Phantom paths of object-form definitions never hold data.
        None
    }

    fn decode_entry(
        &self,
        resolver: &Resolver,
        key: &str,
        value: &MetaValue,
        ctx: &CryptoContext,
        problems: &mut Vec<CodecError>,
    ) -> Option<(String, Value)> {
        let resolved = resolver.resolve(key);
        if self.is_hidden(&resolved) {
            return None;
        }
        let path = match resolved {
            Resolved::Attribute(p) | Resolved::Plugin(p) | Resolved::Undeclared(p) => p,
        };
        match value {
            MetaValue::Undefined => None,
            MetaValue::Null => Some((path, Value::Null)),
            MetaValue::Str(s) => self.decode_text(&path, s, ctx, problems).map(|v| (path, v)),
        }
    }

    /// Body entries; short-key bodies hold encoded strings, attribute-name bodies hold values.
    fn decode_body(
        &self,
        resolver: &Resolver,
        obj: &Map<String, Value>,
        ctx: &CryptoContext,
        problems: &mut Vec<CodecError>,
    ) -> Vec<(String, Value)> {
        let declared = |k: &str| self.fields.contains_key(k) || self.nested.contains(k);
        let long_names = !obj.contains_key("_v")
            && obj
                .keys()
                .any(|k| declared(k) && resolver.short(k).is_none());
        let mut out = Vec::new();
        for (key, value) in obj {
            if SYSTEM_KEYS.contains(&key.as_str()) {
                continue;
            }
            let resolved = if long_names {
                Resolved::Undeclared(key.clone())
            } else {
                resolver.resolve(key)
            };
            if self.is_hidden(&resolved) {
                continue;
            }
            match resolved {
                Resolved::Attribute(p) | Resolved::Plugin(p) => {
                    let v = match value {
                        Value::String(s) => self.decode_text(&p, s, ctx, problems),
                        other => Some(other.clone()),
                    };
                    if let Some(v) = v {
                        out.push((p, v));
                    }
                }
                Resolved::Undeclared(p) => {
                    out.push((p.clone(), self.plain_body_value(&p, value, ctx)))
                }
            }
        }
        out
    }

    /// A value written under its attribute name (not encoded), except secrets, which s3db.js
    /// 19.x writes encrypted even there.
    fn plain_body_value(&self, path: &str, value: &Value, ctx: &CryptoContext) -> Value {
        let is_secret = self
            .fields
            .get(path)
            .is_some_and(|f| f.value_type == crate::schema::value_type::ValueType::Secret);
        match value {
            Value::String(s) if is_secret && ctx.auto_decrypt && secret::looks_encrypted(s) => {
                secret::decrypt(s, ctx.passphrase)
                    .map(Value::String)
                    .unwrap_or_else(|_| value.clone())
            }
            _ => value.clone(),
        }
    }
}
