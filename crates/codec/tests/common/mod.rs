//! Shared helpers for the vector tests: fixture loading and the JSON markers the vectors use
//! for values JSON cannot express.
#![allow(dead_code)]

use base64::Engine;
use serde_json::{Map, Value};

/// The s3db.json files written by 16.x-21.x that the metadata tests read.
pub const S3DB_JSON_SAMPLES: &[&str] = &[
    "s3db-json/s3db.3-resources.v19.5.10.json",
    "s3db-json/s3db.3-resources.seed-16.2.0.json",
    "s3db-json/s3db.3-resources.v21.6.2.json",
    "s3db-json/s3db.after-schema-change.v19.5.10.json",
    "s3db-json/s3db.after-schema-change.seed-16.2.0.json",
];

pub fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn fixture_text(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `{"$number": "-0"}` and friends -> f64.
pub fn marker_number(v: &Value) -> Option<f64> {
    match v.get("$number")?.as_str()? {
        "-0" => Some(-0.0),
        "NaN" => Some(f64::NAN),
        "Infinity" => Some(f64::INFINITY),
        "-Infinity" => Some(f64::NEG_INFINITY),
        _ => None,
    }
}

pub fn is_undefined(v: &Value) -> bool {
    v.get("$undefined") == Some(&Value::Bool(true))
}

pub fn as_f64(v: &Value) -> f64 {
    marker_number(v).or_else(|| v.as_f64()).expect("number")
}

/// Replaces markers with what the JS layer would hand over: `undefined` properties vanish,
/// `-0` becomes 0.0 (JSON has no -0), buffers become byte arrays.
pub fn unmark(v: &Value) -> Option<Value> {
    if is_undefined(v) {
        return None;
    }
    if let Some(n) = marker_number(v) {
        return Some(
            serde_json::Number::from_f64(n)
                .map(Value::Number)
                .unwrap_or(Value::Null),
        );
    }
    if let Some(b64) = v.get("$buffer_base64").and_then(Value::as_str) {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .expect("base64");
        return Some(Value::Array(bytes.into_iter().map(Value::from).collect()));
    }
    Some(match v {
        Value::Object(m) => {
            let mut out = Map::new();
            for (k, x) in m {
                if let Some(x) = unmark(x) {
                    out.insert(k.clone(), x);
                }
            }
            Value::Object(out)
        }
        Value::Array(a) => Value::Array(a.iter().filter_map(unmark).collect()),
        other => other.clone(),
    })
}
