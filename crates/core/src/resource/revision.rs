//! Why updates carry a JSON body.
//!
//! S3's ETag is the MD5 of the body, so a record held only in metadata keeps the same ETag
//! whatever its fields, and `If-Match` could not tell that another writer changed it. Updates
//! therefore write a JSON body holding the whole record: for a user-managed record held in
//! metadata the body s3db.js 19.5.10 writes (its data under attribute names, see
//! `Schema::data_body`), otherwise the complete mapped record built here. Readers merge body
//! under metadata, so both placements read back the same, in s3db.js as here, and the ETag
//! changes whenever the record does. A replace stores what an insert stores, as in s3db.js.
//!
//! A body that holds binary content set with `setContent` is kept as it is instead.

use s3db_codec::js::json::stringify;
use s3db_codec::record::behavior::EncodedObject;
use serde_json::{Map, Value};

/// Metadata keys that describe the object rather than hold record fields.
const NOT_FIELDS: &[&str] = &["_map", "_pluginMap", "$overflow", "$truncated"];

/// Gives `encoded` a body holding every stored field (metadata and any overflow body).
pub fn add_revision_body(encoded: &mut EncodedObject) {
    let mut fields = Map::new();
    if let Some(body) = &encoded.body {
        if let Ok(Value::Object(spilled)) = s3db_codec::js::parse::from_js_slice::<Value>(body) {
            fields.extend(spilled);
        }
    }
    for (key, value) in &encoded.metadata {
        if !NOT_FIELDS.contains(&key.as_str()) {
            fields.insert(key.clone(), Value::String(value.clone()));
        }
    }
    encoded.body = Some(stringify(&Value::Object(js_ordered(fields))).into_bytes());
    encoded.content_type = Some("application/json".into());
}

/// JavaScript's property order: integer-like keys first, ascending, then insertion order.
fn js_ordered(fields: Map<String, Value>) -> Map<String, Value> {
    let entries: Vec<(String, Value)> = fields.into_iter().collect();
    s3db_codec::js::order::js_order(entries)
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(metadata: &[(&str, &str)], body: Option<&str>) -> EncodedObject {
        EncodedObject {
            metadata: metadata
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            body: body.map(|b| b.as_bytes().to_vec()),
            content_type: None,
            overflow: body.is_some(),
            truncated: false,
            exceeds_limit: None,
        }
    }

    #[test]
    fn body_changes_with_every_field() {
        let mut a = object(&[("a", "x"), ("0", "1"), ("_v", "v1")], None);
        let mut b = object(&[("a", "y"), ("0", "1"), ("_v", "v1")], None);
        add_revision_body(&mut a);
        add_revision_body(&mut b);
        assert_ne!(a.body, b.body);
        assert_eq!(
            String::from_utf8(a.body.unwrap()).unwrap(),
            r#"{"0":"1","a":"x","_v":"v1"}"#
        );
        assert_eq!(a.content_type.as_deref(), Some("application/json"));
    }

    #[test]
    fn keeps_overflow_fields_and_drops_flags() {
        let mut o = object(
            &[("0", "short"), ("$overflow", "true"), ("_v", "v1")],
            Some(r#"{"1":"long"}"#),
        );
        add_revision_body(&mut o);
        assert_eq!(
            String::from_utf8(o.body.unwrap()).unwrap(),
            r#"{"0":"short","1":"long","_v":"v1"}"#
        );
    }
}
