//! Partition reference keys (storage spec §1.5):
//! `resource=<name>/partition=<p>/<f1>=<v1>/…/id=<id>`, fields in `localeCompare` order,
//! values stringified the JS way after the `maxlength` and `date` rules.

use crate::error::{CodecError, Result};
use crate::js::collate::locale_compare;
use crate::js::json::number_text;
use crate::js::order::utf16_prefix;
use serde_json::{Map, Value};

/// JS template stringification `${value}`.
pub fn js_template_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => number_text(n),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        Value::Array(items) => items
            .iter()
            .map(|i| match i {
                Value::Null => String::new(),
                other => js_template_text(other),
            })
            .collect::<Vec<_>>()
            .join(","),
        Value::Object(_) => "[object Object]".into(),
    }
}

/// Follows a dot path through nested objects.
pub fn value_at<'v>(record: &'v Value, path: &str) -> Option<&'v Value> {
    if let Some(v) = record.get(path) {
        return Some(v);
    }
    path.split('.').try_fold(record, |cur, part| cur.get(part))
}

fn maxlength(rule: &str) -> Option<usize> {
    rule.split('|')
        .find_map(|p| p.strip_prefix("maxlength:"))
        .and_then(|n| n.trim().parse().ok())
}

/// `new Date(s)` for the ISO forms, as UTC `YYYY-MM-DD`; `None` when not a date.
fn iso_day(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        s.get(r)
            .filter(|t| t.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|t| t.parse::<u32>().ok())
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let rest = &s[10..];
    if rest.is_empty() {
        return Some(format!("{y:04}-{m:02}-{d:02}"));
    }
    // With a time part only an explicit UTC designator keeps the day stable across time zones.
    let time = rest.strip_prefix('T')?;
    if time.ends_with('Z') && time.len() >= 6 {
        return Some(format!("{y:04}-{m:02}-{d:02}"));
    }
    None
}

/// Applies a partition field rule (`maxlength:N`, then `date`) and stringifies the value.
pub fn partition_value(rule: &str, value: &Value) -> String {
    let mut v = value.clone();
    if let (Some(n), Value::String(s)) = (maxlength(rule), &v) {
        v = Value::String(utf16_prefix(s, n).to_string());
    }
    if rule.contains("date") {
        if let Value::String(s) = &v {
            if s.contains('T') && s.contains('Z') {
                v = Value::String(s.split('T').next().unwrap_or("").to_string());
            } else if let Some(day) = iso_day(s) {
                v = Value::String(day);
            }
        }
    }
    js_template_text(&v)
}

/// The reference key of `record` in one partition, or `None` when a field is null/absent
/// (s3db.js writes no reference then).
pub fn partition_key(
    resource: &str,
    partition: &str,
    fields: &Map<String, Value>,
    record: &Value,
    id: &str,
) -> Option<String> {
    let mut names: Vec<&String> = fields.keys().collect();
    names.sort_by(|a, b| locale_compare(a, b));
    let mut key = format!("{}/partition={partition}", super::resource_prefix(resource));
    for name in names {
        let rule = fields
            .get(name.as_str())
            .and_then(Value::as_str)
            .unwrap_or("string");
        let value = value_at(record, name).filter(|v| !v.is_null())?;
        key.push_str(&format!("/{name}={}", partition_value(rule, value)));
    }
    key.push_str(&format!("/id={id}"));
    Some(key)
}

/// Listing prefix of a partition for the given field values (missing fields end the prefix).
pub fn partition_prefix(
    resource: &str,
    partition: &str,
    fields: &Map<String, Value>,
    values: &Map<String, Value>,
) -> String {
    let mut names: Vec<&String> = fields.keys().collect();
    names.sort_by(|a, b| locale_compare(a, b));
    let mut key = format!("{}/partition={partition}", super::resource_prefix(resource));
    for name in names {
        match values.get(name.as_str()).filter(|v| !v.is_null()) {
            Some(v) => {
                let rule = fields
                    .get(name.as_str())
                    .and_then(Value::as_str)
                    .unwrap_or("string");
                key.push_str(&format!("/{name}={}", partition_value(rule, v)));
            }
            None => break,
        }
    }
    key
}

/// Validates a partition definition `{fields: {path: rule}}` and returns its fields.
pub fn partition_fields(def: &Value) -> Result<&Map<String, Value>> {
    let fields = def
        .get("fields")
        .and_then(Value::as_object)
        .ok_or_else(|| CodecError::Partition("partition must have a 'fields' object".into()))?;
    if fields.values().any(|r| !r.is_string()) {
        return Err(CodecError::Partition(
            "partition field rules must be strings".into(),
        ));
    }
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn spec_examples() {
        let fields = json!({"zone":"string","x10":"number","Beta":"string","alpha":"string"});
        let rec = json!({"zone":"z1","Beta":"B","alpha":"a","x10":3.5});
        assert_eq!(
            partition_key("events", "combo", fields.as_object().unwrap(), &rec, "ev1").unwrap(),
            "resource=events/partition=combo/alpha=a/Beta=B/x10=3.5/zone=z1/id=ev1"
        );
        assert_eq!(
            partition_value("string|maxlength:3", &json!("ABCDEF")),
            "ABC"
        );
        assert_eq!(
            partition_value("date|maxlength:10", &json!("2025-03-04T05:06:07.000Z")),
            "2025-03-04"
        );
        assert_eq!(partition_value("string", &json!(["a", "b"])), "a,b");
        assert_eq!(partition_value("boolean", &json!(false)), "false");
        let rec = json!({"meta": {"source": "web"}, "team": null});
        let f = json!({"meta.source": "string"});
        assert_eq!(
            partition_key("logs", "bySource", f.as_object().unwrap(), &rec, "lg1").unwrap(),
            "resource=logs/partition=bySource/meta.source=web/id=lg1"
        );
        let f = json!({"team": "string"});
        assert_eq!(
            partition_key("t", "byTeam", f.as_object().unwrap(), &rec, "x"),
            None
        );
    }
}
