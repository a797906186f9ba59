//! Metadata size arithmetic (storage spec §3.5): s3db.js's logical sizes, and the real header
//! bytes S3 counts (cleaned key + client-encoded value), which decide what may be sent.

use super::mapped::Mapped;
use crate::metadata_encoding::{clean_key, encode_value};

/// s3db.js `S3_METADATA_LIMIT_BYTES`. Also used as the hard cap on real header bytes
/// (AWS allows 2 KB of user metadata, counted as UTF-8 key + value bytes).
pub const S3_METADATA_LIMIT: usize = 2047;

/// What S3 itself accepts as user metadata (2 KB of key + value bytes): the cap of the client
/// API's own puts (`client.putObject`), which carry no s3db.js behavior budget.
pub const S3_HEADER_LIMIT: usize = 2048;

/// Length of an ISO timestamp (`2025-11-15T12:34:56.789Z`).
const ISO_LEN: usize = 24;

/// `2047 − size({_v, [createdAt, updatedAt], [id]})`.
pub fn effective_limit(version: &str, timestamps: bool, id: Option<&str>) -> usize {
    let mut overhead = "_v".len() + version.len();
    if timestamps {
        overhead += "createdAt".len() + ISO_LEN + "updatedAt".len() + ISO_LEN;
    }
    if let Some(id) = id {
        overhead += "id".len() + id.len();
    }
    S3_METADATA_LIMIT.saturating_sub(overhead)
}

/// Bytes S3 counts for one header: cleaned key plus the client-encoded value.
pub fn wire_entry_size(key: &str, value: &Mapped) -> usize {
    clean_key(key).len() + encode_value(&value.meta_text()).len()
}

/// Bytes S3 counts for a set of headers.
pub fn wire_size(entries: &[(String, Mapped)]) -> usize {
    entries.iter().map(|(k, v)| wire_entry_size(k, v)).sum()
}

/// Logical size of the values only (what body-overflow and truncate-data sort by).
pub fn value_size(v: &Mapped) -> usize {
    v.size()
}

/// s3db.js `calculateTotalSize` over plain JSON values: Σ utf8(key) + utf8(t(value)), where
/// null -> "", booleans -> "1"/"0", arrays -> items joined with `|` (`[]` when empty).
pub fn calculate_total_size(obj: &serde_json::Map<String, serde_json::Value>) -> usize {
    use serde_json::Value;
    fn t(v: &Value) -> String {
        match v {
            Value::Null => String::new(),
            Value::Bool(b) => if *b { "1" } else { "0" }.into(),
            Value::Number(n) => crate::js::json::number_text(n),
            Value::String(s) => s.clone(),
            Value::Array(a) if a.is_empty() => "[]".into(),
            Value::Array(a) => a
                .iter()
                .map(crate::record::values::js_string)
                .collect::<Vec<_>>()
                .join("|"),
            Value::Object(_) => crate::js::json::stringify(v),
        }
    }
    obj.iter().map(|(k, v)| k.len() + t(v).len()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn effective_limits() {
        assert_eq!(effective_limit("v1", false, None), 2043);
        assert_eq!(effective_limit("v1", true, None), 1977);
        assert_eq!(effective_limit("v12", false, Some("abc")), 2037);
    }
}
