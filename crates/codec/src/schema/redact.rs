//! What an error may show of a document: secret and password fields masked. s3db.js puts the
//! attempted document, plaintext secrets included, into `InvalidResourceItem.data.attributes`,
//! where `console.log(err)` prints it; s3db-native shows the same shape with those values masked.

use super::value_type::ValueType;
use super::Schema;
use crate::validate::ValidationIssue;
use serde_json::Value;

/// What a masked value reads as.
pub const REDACTED: &str = "[REDACTED]";

impl Schema {
    fn is_secret_path(&self, path: &str) -> bool {
        self.fields
            .get(path)
            .is_some_and(|f| matches!(f.value_type, ValueType::Secret | ValueType::Password))
    }

    /// `data` with every secret or password field (at any nesting) replaced by [`REDACTED`].
    pub fn redacted(&self, data: &Value) -> Value {
        let mut out = data.clone();
        self.redact_at(&mut out, "");
        out
    }

    fn redact_at(&self, value: &mut Value, prefix: &str) {
        let Value::Object(map) = value else { return };
        for (key, field) in map.iter_mut() {
            let path = super::join(prefix, key);
            if self.is_secret_path(&path) {
                if !field.is_null() {
                    *field = Value::String(REDACTED.into());
                }
            } else if self.nested.contains(&path) {
                self.redact_at(field, &path);
            }
        }
    }

    /// Issues whose `actual` is a secret field's value show it masked.
    pub fn redact_issues(&self, issues: &mut [ValidationIssue]) {
        for issue in issues {
            if self.is_secret_path(&issue.field)
                && issue.actual.as_ref().is_some_and(|a| !a.is_null())
            {
                issue.actual = Some(Value::String(REDACTED.into()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::SchemaOptions;
    use serde_json::json;

    fn schema() -> Schema {
        let attributes = json!({ "owner": "string", "number": "secret", "login": { "pwd": "password|optional", "hint": "string|optional" } });
        Schema::from_json(&attributes, SchemaOptions::default()).unwrap()
    }

    #[test]
    fn masks_secret_and_password_fields_at_any_depth() {
        let doc = json!({ "owner": "ann", "number": "4111", "login": { "pwd": "hunter2", "hint": "pet" }, "extra": "x" });
        let shown = schema().redacted(&doc);
        assert_eq!(
            shown,
            json!({ "owner": "ann", "number": REDACTED, "login": { "pwd": REDACTED, "hint": "pet" }, "extra": "x" })
        );
    }

    #[test]
    fn leaves_absent_and_null_secrets_alone() {
        let doc = json!({ "owner": "ann", "number": null });
        assert_eq!(schema().redacted(&doc), doc);
    }

    #[test]
    fn masks_the_actual_value_of_a_secret_issue() {
        let mut issues = vec![ValidationIssue {
            kind: "string".into(),
            message: "bad".into(),
            field: "number".into(),
            expected: None,
            actual: Some(json!(4111)),
        }];
        schema().redact_issues(&mut issues);
        assert_eq!(issues[0].actual, Some(json!(REDACTED)));
    }
}
