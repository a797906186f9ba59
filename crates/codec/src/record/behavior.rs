//! Behaviors: which mapped entries go to metadata and which to a JSON body (storage spec §4).
//!
//! Placements follow s3db.js byte for byte whenever the result is a valid S3 request. When
//! s3db.js's arithmetic (which ignores key bytes and the client encoding) would produce more
//! than 2 KB of real headers, a placement that counts real header bytes is used instead, so a
//! request S3 would reject is never produced. Any placement is readable by s3db.js.

use super::limits::{wire_entry_size, wire_size, S3_METADATA_LIMIT};
use super::mapped::{Mapped, MappedRecord};
use crate::error::{CodecError, Result};
use crate::js::json::stringify;
use crate::js::order::js_order;
use crate::metadata_encoding::encode_value as wire_encode;
use serde_json::{Map, Value};
use std::str::FromStr;

/// The five s3db.js behaviors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Behavior {
    #[default]
    UserManaged,
    EnforceLimits,
    TruncateData,
    BodyOverflow,
    BodyOnly,
}

impl FromStr for Behavior {
    type Err = CodecError;
    fn from_str(s: &str) -> Result<Self> {
        Ok(match s {
            "user-managed" => Behavior::UserManaged,
            "enforce-limits" => Behavior::EnforceLimits,
            "truncate-data" => Behavior::TruncateData,
            "body-overflow" => Behavior::BodyOverflow,
            "body-only" => Behavior::BodyOnly,
            other => return Err(CodecError::UnknownBehavior(other.to_string())),
        })
    }
}

impl Behavior {
    pub fn as_str(&self) -> &'static str {
        match self {
            Behavior::UserManaged => "user-managed",
            Behavior::EnforceLimits => "enforce-limits",
            Behavior::TruncateData => "truncate-data",
            Behavior::BodyOverflow => "body-overflow",
            Behavior::BodyOnly => "body-only",
        }
    }
}

/// What the user-managed behavior reports when a record did not fit (`exceedsLimit` event).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExceedsLimit {
    pub total_size: usize,
    pub limit: usize,
    /// `total_size - 2047`, as s3db.js reports it (negative when the record passed the
    /// absolute limit but not the effective one).
    pub excess: i64,
}

/// One object ready for PutObject.
#[derive(Debug, Clone, PartialEq)]
pub struct EncodedObject {
    /// Logical metadata (keys as s3db.js names them, values before client-layer encoding).
    pub metadata: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
    /// `application/json` when the body is JSON, otherwise none.
    pub content_type: Option<String>,
    pub overflow: bool,
    pub truncated: bool,
    pub exceeds_limit: Option<ExceedsLimit>,
}

impl EncodedObject {
    /// Metadata as sent to S3: cleaned, lower-cased keys and ASCII-safe values.
    pub fn wire_metadata(&self) -> Vec<(String, String)> {
        self.metadata
            .iter()
            .map(|(k, v)| (crate::metadata_encoding::clean_key(k), wire_encode(v)))
            .collect()
    }

    /// Real header bytes of [`EncodedObject::wire_metadata`].
    pub fn wire_size(&self) -> usize {
        self.wire_metadata()
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

/// Inputs a behavior needs besides the mapped record.
pub struct BehaviorInput<'a> {
    pub record: &'a MappedRecord,
    pub effective_limit: usize,
    /// JSON of the attribute map (body-only `_map`).
    pub map_json: &'a str,
    /// JSON of the plugin map, if any plugin attribute exists.
    pub plugin_map_json: Option<&'a str>,
    /// Whether a key holds plain text that may be shortened by truncate-data.
    pub cuttable: &'a dyn Fn(&str) -> bool,
    pub operation: &'a str,
}

fn s(v: &str) -> Mapped {
    Mapped::Str(v.to_string())
}

fn fields_without_v(rec: &MappedRecord) -> Vec<(String, Mapped)> {
    rec.entries
        .iter()
        .filter(|(k, _)| k != "_v")
        .cloned()
        .collect()
}

fn version(rec: &MappedRecord) -> Mapped {
    rec.get("_v").cloned().unwrap_or_else(|| s(""))
}

fn head(rec: &MappedRecord, plugin: Option<&str>) -> Vec<(String, Mapped)> {
    let mut m = vec![("_v".to_string(), version(rec))];
    if let Some(p) = plugin {
        m.push(("_pluginMap".into(), s(p)));
    }
    m
}

/// Sorted by logical value size, ascending, stable (ties keep JS order).
fn by_size(fields: Vec<(String, Mapped)>) -> Vec<(String, Mapped)> {
    let mut v = fields;
    v.sort_by_key(|(_, m)| m.size());
    v
}

fn json_body(entries: Vec<(String, Mapped)>) -> Vec<u8> {
    let mut m = Map::new();
    for (k, v) in js_order(entries) {
        m.insert(k, v.body_value());
    }
    stringify(&Value::Object(m)).into_bytes()
}

fn finish(
    meta: Vec<(String, Mapped)>,
    body: Option<Vec<u8>>,
    operation: &str,
) -> Result<EncodedObject> {
    let meta = js_order(meta);
    let total = wire_size(&meta);
    if total > S3_METADATA_LIMIT {
        return Err(limit_error(operation, total, S3_METADATA_LIMIT));
    }
    let content_type = body
        .as_ref()
        .filter(|b| !b.is_empty() && crate::js::parse::from_js_slice::<Value>(b).is_ok())
        .map(|_| "application/json".to_string());
    Ok(EncodedObject {
        overflow: meta.iter().any(|(k, _)| k == "$overflow"),
        truncated: meta.iter().any(|(k, _)| k == "$truncated"),
        metadata: meta.into_iter().map(|(k, v)| (k, v.meta_text())).collect(),
        body: body.filter(|b| !b.is_empty()),
        content_type,
        exceeds_limit: None,
    })
}

fn limit_error(operation: &str, total: usize, limit: usize) -> CodecError {
    CodecError::MetadataLimit {
        operation: operation.to_string(),
        total_size: total,
        effective_limit: limit,
        absolute_limit: S3_METADATA_LIMIT,
        excess: total.saturating_sub(limit),
    }
}

/// Applies a behavior to a mapped record.
pub fn apply(behavior: Behavior, input: &BehaviorInput) -> Result<EncodedObject> {
    match behavior {
        Behavior::UserManaged => user_managed(input),
        Behavior::EnforceLimits => enforce_limits(input),
        Behavior::TruncateData => truncate_data(input),
        Behavior::BodyOverflow => body_overflow(input),
        Behavior::BodyOnly => body_only(input),
    }
}

fn user_managed(input: &BehaviorInput) -> Result<EncodedObject> {
    let rec = input.record;
    let total = rec.logical_size();
    if total <= input.effective_limit && wire_size(&rec.entries) <= S3_METADATA_LIMIT {
        return finish(rec.entries.clone(), None, input.operation);
    }
    let body = stringify(&rec.to_json_object()).into_bytes();
    let mut out = finish(
        head(rec, input.plugin_map_json),
        Some(body),
        input.operation,
    )?;
    out.exceeds_limit = Some(ExceedsLimit {
        total_size: total,
        limit: S3_METADATA_LIMIT,
        excess: total as i64 - S3_METADATA_LIMIT as i64,
    });
    Ok(out)
}

fn enforce_limits(input: &BehaviorInput) -> Result<EncodedObject> {
    let rec = input.record;
    let total = rec.logical_size();
    if total > input.effective_limit {
        return Err(limit_error(input.operation, total, input.effective_limit));
    }
    finish(rec.entries.clone(), None, input.operation)
}

fn body_only(input: &BehaviorInput) -> Result<EncodedObject> {
    let rec = input.record;
    let body = stringify(&rec.to_json_object()).into_bytes();
    let mut meta = vec![
        ("_v".to_string(), version(rec)),
        ("_map".into(), s(input.map_json)),
    ];
    if let Some(p) = input.plugin_map_json {
        meta.push(("_pluginMap".into(), s(p)));
    }
    if wire_size(&meta) > S3_METADATA_LIMIT {
        // A huge `_map` would make S3 reject the object; readers fall back to the schema's map.
        meta.retain(|(k, _)| k != "_map");
    }
    finish(meta, Some(body), input.operation)
}

fn body_overflow(input: &BehaviorInput) -> Result<EncodedObject> {
    let rec = input.record;
    let fields = by_size(fields_without_v(rec));
    // s3db.js placement: value bytes only, against the effective limit.
    let mut current = version(rec).size();
    if let Some(p) = input.plugin_map_json {
        current += "_pluginMap".len() + p.len();
    }
    let (mut meta, mut body) = (head(rec, input.plugin_map_json), Vec::new());
    for (k, v) in fields.iter().cloned() {
        if body.is_empty() && current + v.size() <= input.effective_limit {
            current += v.size();
            meta.push((k, v));
        } else {
            body.push((k, v));
        }
    }
    if !body.is_empty() {
        meta.push(("$overflow".into(), s("true")));
    }
    if wire_size(&meta) <= S3_METADATA_LIMIT {
        let body = (!body.is_empty()).then(|| json_body(body));
        return finish(meta, body, input.operation);
    }
    // Real header bytes: keys and encoded values, with room reserved for the flag.
    let flag = ("$overflow".to_string(), s("true"));
    let mut budget = S3_METADATA_LIMIT - wire_entry_size(&flag.0, &flag.1);
    let (mut meta, mut body) = (head(rec, input.plugin_map_json), Vec::new());
    budget = budget.saturating_sub(wire_size(&meta));
    for (k, v) in fields {
        let w = wire_entry_size(&k, &v);
        if body.is_empty() && w <= budget {
            budget -= w;
            meta.push((k, v));
        } else {
            body.push((k, v));
        }
    }
    if !body.is_empty() {
        meta.push(flag);
    }
    let body = (!body.is_empty()).then(|| json_body(body));
    finish(meta, body, input.operation)
}

/// Longest prefix of `text` (whole characters) whose logical bytes stay within `max_logical`
/// and whose header bytes (with `key`) stay within `max_wire`.
fn fitting_prefix<'t>(key: &str, text: &'t str, max_logical: usize, max_wire: usize) -> &'t str {
    let fits = |p: &str| {
        p.len() <= max_logical && wire_entry_size(key, &Mapped::Str(p.to_string())) <= max_wire
    };
    let ends: Vec<usize> = text.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
    let mut n = ends.partition_point(|&e| fits(&text[..e]));
    // The client encoding is not strictly monotonic in length: step back until it fits.
    while n > 0 && !fits(&text[..ends[n - 1]]) {
        n -= 1;
    }
    if n == 0 {
        ""
    } else {
        &text[..ends[n - 1]]
    }
}

fn truncate_data(input: &BehaviorInput) -> Result<EncodedObject> {
    const FLAG_LOGICAL: usize = 13; // len('$truncated') + len('true')
    let rec = input.record;
    let flag = ("$truncated".to_string(), s("true"));
    // s3db.js writes `_pluginMap` only with a body (overflow, body-only), not here.
    let mut meta = head(rec, None);
    let mut logical = version(rec).size();
    let mut wire_budget = S3_METADATA_LIMIT
        .saturating_sub(wire_size(&meta))
        .saturating_sub(wire_entry_size(&flag.0, &flag.1));
    let mut truncated = false;
    for (k, v) in by_size(fields_without_v(rec)) {
        let w = wire_entry_size(&k, &v);
        if logical + v.size() + FLAG_LOGICAL <= input.effective_limit && w <= wire_budget {
            logical += v.size();
            wire_budget -= w;
            meta.push((k, v));
            continue;
        }
        truncated = true;
        if let (Mapped::Str(text), true) = (&v, (input.cuttable)(&k)) {
            let max_logical = input.effective_limit.saturating_sub(logical + FLAG_LOGICAL);
            let cut = fitting_prefix(&k, text, max_logical, wire_budget);
            // A field is cut, never emptied: with no room left it is left out instead.
            if !cut.is_empty() {
                meta.push((k, Mapped::Str(cut.to_string())));
            }
        }
        break;
    }
    if truncated {
        meta.push(flag);
    }
    finish(meta, None, input.operation)
}
