//! The version hash stored in `s3db.json`: `sha256:` + hex of the stable JSON of
//! `{attributes, behavior, partitions}`, without timestamp attributes when timestamps are on.

use crate::js::json::stable_stringify;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

/// Definition hash as s3db.js computes it; a different hash makes s3db.js add a new version.
pub fn definition_hash(
    attributes: &Map<String, Value>,
    behavior: &str,
    partitions: &Value,
    timestamps: bool,
) -> String {
    let mut attrs = attributes.clone();
    if timestamps {
        attrs.shift_remove("createdAt");
        attrs.shift_remove("updatedAt");
    }
    let doc = json!({"attributes": attrs, "behavior": behavior, "partitions": partitions});
    let digest = Sha256::digest(stable_stringify(&doc).as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// The `_definitionHash` that s3db.js `get()` reports on records: sha256 of the stable JSON
/// of `{attributes, behavior}`, timestamp attributes included.
pub fn record_definition_hash(attributes: &Map<String, Value>, behavior: &str) -> String {
    let doc = json!({"attributes": attributes, "behavior": behavior});
    let digest = Sha256::digest(stable_stringify(&doc).as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}
