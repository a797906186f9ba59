//! Record shapes: what reads return (fields, `id`, system fields) and how updates merge.

use crate::store::ObjectInfo;
use s3db_codec::codec::datetime::iso_from_millis;
use s3db_codec::record::fields::is_system_field;
use serde_json::{Map, Value};
use std::time::{SystemTime, UNIX_EPOCH};

/// `new Date().toISOString()`.
pub fn now_iso() -> String {
    iso_of(SystemTime::now())
}

/// `toISOString()` of a clock or S3 date (clamped to year 9999, the codec's range).
pub fn iso_of(t: SystemTime) -> String {
    const LAST_MS: i64 = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z
    let ms = t
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(LAST_MS))
        .unwrap_or(0);
    iso_from_millis(ms.min(LAST_MS)).unwrap_or_default()
}

/// Where a record read came from, for its system fields.
pub struct ObjectFacts<'a> {
    pub info: &'a ObjectInfo,
    pub version: &'a str,
    pub definition_hash: &'a str,
}

/// The record `get()` returns: data fields, `id`, then the system fields.
pub fn compose(mut data: Map<String, Value>, id: &str, facts: &ObjectFacts) -> Value {
    data.shift_remove("id");
    data.insert("id".into(), Value::String(id.to_string()));
    let info = facts.info;
    data.insert("_contentLength".into(), Value::from(info.content_length));
    data.insert(
        "_lastModified".into(),
        Value::String(iso_of(info.last_modified)),
    );
    data.insert("_hasContent".into(), Value::Bool(info.content_length > 0));
    data.insert(
        "_mimeType".into(),
        Value::String(
            info.content_type
                .clone()
                .unwrap_or_else(|| "application/octet-stream".into()),
        ),
    );
    data.insert("_etag".into(), Value::String(info.etag.clone()));
    data.insert("_v".into(), Value::String(facts.version.to_string()));
    data.insert(
        "_definitionHash".into(),
        Value::String(facts.definition_hash.to_string()),
    );
    if let Some(version_id) = &info.version_id {
        data.insert("_versionId".into(), Value::String(version_id.clone()));
    }
    Value::Object(data)
}

/// Keys that could reach an object's prototype if a reader merged them (`a.constructor.b` too).
fn is_dangerous_key(key: &str) -> bool {
    key.split('.')
        .any(|part| matches!(part, "__proto__" | "constructor" | "prototype"))
}

/// Drops `__proto__`, `constructor` and `prototype` keys at every depth before a write, as
/// s3db.js does, so no stored record carries them.
pub fn strip_dangerous_keys(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|key, _| !is_dangerous_key(key));
            map.values_mut().for_each(strip_dangerous_keys);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_dangerous_keys),
        _ => {}
    }
}

/// A record's data without `id` and system fields (what validation and encoding see).
pub fn data_of(record: &Value) -> Map<String, Value> {
    let mut data = record.as_object().cloned().unwrap_or_default();
    data.retain(|k, _| k != "id" && !is_system_field(k));
    data
}

/// s3db.js's update merge: `a.b` keys set nested paths, object values merge one level into the
/// existing object, arrays and primitives replace.
pub fn merge_patch(base: &mut Map<String, Value>, patch: &Map<String, Value>) {
    for (key, value) in patch {
        if key == "id" || is_system_field(key) {
            continue;
        }
        if key.contains('.') {
            set_path(base, key, value.clone());
            continue;
        }
        match (base.get_mut(key), value) {
            (Some(Value::Object(existing)), Value::Object(incoming)) => {
                for (k, v) in incoming {
                    existing.insert(k.clone(), v.clone());
                }
            }
            _ => {
                base.insert(key.clone(), value.clone());
            }
        }
    }
}

fn set_path(base: &mut Map<String, Value>, path: &str, value: Value) {
    let mut parts = path.split('.').peekable();
    let mut node = base;
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            node.insert(part.to_string(), value);
            return;
        }
        let child = node
            .entry(part.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        if !child.is_object() {
            *child = Value::Object(Map::new());
        }
        let Value::Object(next) = child else { return };
        node = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn iso_dates_match_javascript() {
        assert_eq!(iso_of(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
        assert_eq!(
            iso_of(UNIX_EPOCH + std::time::Duration::from_millis(1_763_210_096_789)),
            "2025-11-15T12:34:56.789Z"
        );
        assert_eq!(
            iso_of(UNIX_EPOCH + std::time::Duration::from_millis(951_782_400_000)),
            "2000-02-29T00:00:00.000Z"
        );
        assert_eq!(
            iso_of(UNIX_EPOCH - std::time::Duration::from_secs(1)),
            "1970-01-01T00:00:00.000Z"
        );
        assert_eq!(
            iso_of(UNIX_EPOCH + std::time::Duration::from_secs(1 << 40)),
            "9999-12-31T23:59:59.999Z"
        );
    }

    #[test]
    fn strips_prototype_keys_at_every_depth() {
        let mut value = json!({"a": {"constructor": {"x": 1}, "b": [{"__proto__": 1, "ok": 2}], "prototype": 3, "keep": 4}, "x.constructor.y": 1, "constructor": 2});
        strip_dangerous_keys(&mut value);
        assert_eq!(value, json!({"a": {"b": [{"ok": 2}], "keep": 4}}));
    }

    #[test]
    fn merges_like_s3db() {
        let mut base =
            json!({"a": 1, "profile": {"x": 1, "y": 2}, "tags": ["a"], "n": {"deep": {"k": 1}}})
                .as_object()
                .unwrap()
                .clone();
        let patch = json!({"profile": {"y": 3}, "tags": ["b"], "n.deep.k": 2, "new.path": true, "id": "ignored"}).as_object().unwrap().clone();
        merge_patch(&mut base, &patch);
        assert_eq!(
            Value::Object(base),
            json!({"a": 1, "profile": {"x": 1, "y": 3}, "tags": ["b"], "n": {"deep": {"k": 2}}, "new": {"path": true}})
        );
    }
}
