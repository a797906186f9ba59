//! s3db.js's `Schema.mapper` keeps a value it cannot encode as it is (an invalid IP, a string
//! where a buffer is declared) instead of failing the record. This is that mapping: declared
//! values whose encoder rejects them are written untyped, everything else as `map_record` does.

use crate::error::Result;
use crate::js::order::js_order;
use crate::record::encode::raw_mapped;
use crate::record::mapped::MappedRecord;
use crate::record::values::encode_value;
use crate::schema::value_type::ValueType;
use crate::schema::Schema;
use serde_json::Value;

fn take_path(data: &mut Value, path: &str) -> Option<Value> {
    let mut parts = path.split('.').peekable();
    let mut cur = data;
    while let Some(part) = parts.next() {
        let obj = cur.as_object_mut()?;
        if parts.peek().is_none() {
            return obj.remove(part);
        }
        cur = obj.get_mut(part)?;
    }
    None
}

fn get_path<'a>(data: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.')
        .try_fold(data, |cur, part| cur.as_object()?.get(part))
}

impl Schema {
    /// [`Schema::map_record`] that writes unencodable declared values untyped.
    pub fn map_record_lenient(
        &self,
        data: &Value,
        keep_hashed_passwords: bool,
    ) -> Result<MappedRecord> {
        let ctx = self.crypto_context(keep_hashed_passwords);
        let mut rejected: Vec<String> = Vec::new();
        for (path, spec) in &self.fields {
            // Secrets and passwords accept any text; probing them would cost a key derivation.
            if matches!(spec.value_type, ValueType::Secret | ValueType::Password) {
                continue;
            }
            if let Some(v) = get_path(data, path).filter(|v| !v.is_null()) {
                if encode_value(&spec.value_type, v, path, &ctx).is_err() {
                    rejected.push(path.clone());
                }
            }
        }
        if rejected.is_empty() {
            return self.map_record(data, keep_hashed_passwords);
        }
        let mut rest = data.clone();
        let mut kept = Vec::new();
        for path in rejected {
            if let Some(v) = take_path(&mut rest, &path) {
                kept.push((self.key_for_path(&path), raw_mapped(&v)));
            }
        }
        let mut record = self.map_record(&rest, keep_hashed_passwords)?;
        record.entries.extend(kept);
        record.entries = js_order(record.entries);
        Ok(record)
    }
}

#[cfg(test)]
mod tests {
    use crate::schema::{Schema, SchemaOptions};
    use serde_json::json;

    #[test]
    fn invalid_values_are_kept_as_given() {
        let s = Schema::from_json(
            &json!({"ip": "ip4", "data": "buffer", "n": "number"}),
            SchemaOptions::default(),
        )
        .unwrap();
        let data = json!({"ip": "999.1.1.1", "data": "not base64!", "n": 3});
        assert!(s.map_record(&data, false).is_err());
        let rec = s.map_record_lenient(&data, false).unwrap();
        let text = |k: &str| rec.get(k).map(|v| v.meta_text());
        assert_eq!(text("0").as_deref(), Some("999.1.1.1"));
        assert_eq!(text("1").as_deref(), Some("not base64!"));
        assert_eq!(text("2").as_deref(), Some("3"));
        let ok = s
            .map_record_lenient(&json!({"ip": "10.0.0.1"}), false)
            .unwrap();
        assert_eq!(ok, s.map_record(&json!({"ip": "10.0.0.1"}), false).unwrap());
    }
}
