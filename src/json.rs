//! JSON text from the JS face, read as `JSON.parse` reads it (`s3db_codec::js::parse`).

use s3db_core::codec::js::parse::{describe, from_js_str};
use s3db_core::StoreError;
use serde_json::{Map, Value};

/// `what`'s JSON text as a value; bad text is a validation error naming `what`.
pub fn parse(json: &str, what: &str) -> Result<Value, StoreError> {
    from_js_str(json).map_err(|e| StoreError::invalid(describe(what, &e)))
}

/// `what`'s JSON text, which must hold an object.
pub fn parse_object(json: &str, what: &str) -> Result<Map<String, Value>, StoreError> {
    match parse(json, what)? {
        Value::Object(map) => Ok(map),
        _ => Err(StoreError::invalid(format!("{what} must be an object"))),
    }
}
