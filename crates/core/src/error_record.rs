//! The one serialized shape of a [`StoreError`]: what a thrown JS error carries and what each
//! failed item of a batch result carries, so both map to the same s3db.js error class and fields.

use crate::error::StoreError;
use serde::Serialize;

#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ErrorRecord<'a> {
    pub name: &'static str,
    pub code: &'a str,
    pub message: &'a str,
    pub status_code: Option<u16>,
    pub request_id: Option<&'a str>,
    pub bucket: Option<&'a str>,
    pub key: Option<&'a str>,
    pub command_name: Option<&'static str>,
    pub retriable: bool,
    /// Only an object of extra fields is carried; anything else is dropped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<&'a serde_json::Map<String, serde_json::Value>>,
}

impl StoreError {
    pub fn record(&self) -> ErrorRecord<'_> {
        ErrorRecord {
            name: self.kind.name(),
            code: &self.code,
            message: &self.message,
            status_code: self.status_code,
            request_id: self.request_id.as_deref(),
            bucket: self.bucket.as_deref(),
            key: self.key.as_deref(),
            command_name: self.command,
            retriable: self.is_retryable(),
            details: self.details.as_ref().and_then(serde_json::Value::as_object),
        }
    }

    /// [`StoreError::record`] as a JSON value.
    pub fn record_json(&self) -> serde_json::Value {
        serde_json::to_value(self.record()).unwrap_or(serde_json::Value::Null)
    }
}

#[cfg(test)]
mod tests {
    use crate::error::{ErrorKind, StoreError};

    #[test]
    fn record_carries_every_location_field() {
        let mut err = StoreError::new(ErrorKind::Server, "boom").with_command("PutObject");
        err.status_code = Some(503);
        err.request_id = Some("req-1".into());
        err.bucket = Some("b".into());
        err.key = Some("k".into());
        let v = err.record_json();
        assert_eq!(v["name"], err.kind.name());
        assert_eq!(v["statusCode"], 503);
        assert_eq!(v["requestId"], "req-1");
        assert_eq!(v["bucket"], "b");
        assert_eq!(v["key"], "k");
        assert_eq!(v["commandName"], "PutObject");
        assert_eq!(v["retriable"], true);
        assert!(v.get("details").is_none());
    }

    #[test]
    fn record_keeps_object_details_only() {
        let err = StoreError::new(ErrorKind::InvalidInput, "bad")
            .with_details(serde_json::json!({ "id": "x" }));
        assert_eq!(err.record_json()["details"]["id"], "x");
        let mut scalar = StoreError::new(ErrorKind::InvalidInput, "bad");
        scalar.details = Some(serde_json::json!(5));
        assert!(scalar.record_json().get("details").is_none());
    }
}
