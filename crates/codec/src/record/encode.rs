//! Data -> mapped entries: type encoders, flattening and short keys (storage spec §0 steps 1-2).

use super::fields::is_never_written;
use super::mapped::{Mapped, MappedRecord};
use super::values::{encode_value, CryptoContext};
use crate::error::{CodecError, Result};
use crate::js::json::stringify;
use crate::js::order::js_order;
use crate::schema::Schema;
use serde_json::{Map, Value};

/// Untyped value: strings stay strings, numbers/booleans keep their type, containers are JSON.
pub(crate) fn raw_mapped(v: &Value) -> Mapped {
    match v {
        Value::String(s) => Mapped::Str(s.clone()),
        Value::Null => Mapped::Null,
        Value::Number(_) | Value::Bool(_) => Mapped::Raw(v.clone()),
        other => Mapped::Str(stringify(other)),
    }
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

impl Schema {
    /// The metadata key of a data path: short key, plugin key, or the path itself.
    pub fn key_for_path(&self, path: &str) -> String {
        if let Some((_, k)) = self.plugin_map.iter().find(|(p, _)| p == path) {
            return k.clone();
        }
        match self.path_to_key.get(path) {
            Some(k) => k.clone(),
            None => path.to_string(),
        }
    }

    pub(crate) fn crypto_context(&self, keep_hashed_passwords: bool) -> CryptoContext<'_> {
        CryptoContext {
            passphrase: &self.options.passphrase,
            bcrypt_rounds: self.options.bcrypt_rounds,
            auto_decrypt: self.options.auto_decrypt,
            keep_hashed_passwords,
        }
    }

    /// Encodes, flattens and maps a record (without its `id`) and adds `_v`.
    pub fn map_record(&self, data: &Value, keep_hashed_passwords: bool) -> Result<MappedRecord> {
        let obj = data
            .as_object()
            .ok_or_else(|| CodecError::encode("", "object", "a record must be a JSON object"))?;
        let ctx = self.crypto_context(keep_hashed_passwords);
        let mut out = vec![("_v".to_string(), Mapped::Str(self.options.version.clone()))];
        self.walk(obj, "", &ctx, &mut out, 0)?;
        Ok(MappedRecord {
            entries: js_order(out),
        })
    }

    fn walk(
        &self,
        obj: &Map<String, Value>,
        prefix: &str,
        ctx: &CryptoContext,
        out: &mut Vec<(String, Mapped)>,
        depth: usize,
    ) -> Result<()> {
        if depth > 64 {
            return Err(CodecError::encode(
                prefix,
                "object",
                "record nested too deeply",
            ));
        }
        for (_, path, value) in self.written_entries(obj, prefix) {
            if let Some(spec) = self.fields.get(&path) {
                out.push((
                    self.key_for_path(&path),
                    encode_value(&spec.value_type, value, &path, ctx)?,
                ));
                continue;
            }
            match value {
                Value::Object(inner) if !inner.is_empty() => {
                    self.walk(inner, &path, ctx, out, depth + 1)?
                }
                other => {
                    if super::values::json_depth(other) > super::values::MAX_VALUE_DEPTH {
                        return Err(CodecError::encode(&path, "json", "value nested too deeply"));
                    }
                    out.push((self.key_for_path(&path), raw_mapped(other)))
                }
            }
        }
        Ok(())
    }
}

impl Schema {
    /// The entries of `obj` a write stores, in JS property order, with their dotted paths: the
    /// fields a read adds (`_etag`, ...) are skipped at the root unless the schema declares them.
    fn written_entries<'v>(
        &self,
        obj: &'v Map<String, Value>,
        prefix: &str,
    ) -> Vec<(String, String, &'v Value)> {
        let entries: Vec<(String, &Value)> = obj.iter().map(|(k, v)| (k.clone(), v)).collect();
        js_order(entries)
            .into_iter()
            .filter(|(key, _)| {
                !(prefix.is_empty() && is_never_written(key) && !self.fields.contains_key(key))
            })
            .map(|(key, value)| {
                let path = join(prefix, &key);
                (key, path, value)
            })
            .collect()
    }

    /// The JSON body s3db.js's user-managed update writes (`JSON.stringify` of the validated
    /// data): attribute names and nested objects, not short keys, in JS property order, without
    /// the fields a read adds. Secret and password values are the ones stored in `metadata`
    /// (encrypted or hashed), never the clear text; one that is not there is left out.
    pub fn data_body(&self, data: &Value, metadata: &[(String, String)]) -> Vec<u8> {
        let empty = Map::new();
        let obj = data.as_object().unwrap_or(&empty);
        stringify(&Value::Object(self.body_tree(obj, "", metadata, 0))).into_bytes()
    }

    fn body_tree(
        &self,
        obj: &Map<String, Value>,
        prefix: &str,
        metadata: &[(String, String)],
        depth: usize,
    ) -> Map<String, Value> {
        let mut out = Map::new();
        for (key, path, value) in self.written_entries(obj, prefix) {
            let hidden = self.fields.get(&path).is_some_and(|spec| {
                matches!(
                    spec.value_type,
                    crate::schema::value_type::ValueType::Secret
                        | crate::schema::value_type::ValueType::Password
                )
            });
            if hidden {
                let stored_key = self.key_for_path(&path);
                if let Some((_, stored)) = metadata.iter().find(|(k, _)| *k == stored_key) {
                    out.insert(key, Value::String(stored.clone()));
                }
                continue;
            }
            // 19.x's validation turns a `json` attribute's value into its JSON text.
            let json_text = self
                .fields
                .get(&path)
                .is_some_and(|spec| spec.rule.ty == "json");
            if json_text && !value.is_string() && !value.is_null() {
                out.insert(key, Value::String(stringify(value)));
                continue;
            }
            match value {
                Value::Object(inner) if !inner.is_empty() && depth < 64 => {
                    let nested = self.body_tree(inner, &path, metadata, depth + 1);
                    out.insert(key, Value::Object(nested));
                }
                other => {
                    out.insert(key, other.clone());
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod data_body_tests {
    use crate::schema::{Schema, SchemaOptions};
    use serde_json::json;

    fn schema(attributes: serde_json::Value) -> Schema {
        let options = SchemaOptions {
            passphrase: "pw".into(),
            version: "v1".into(),
            ..Default::default()
        };
        Schema::from_json(&attributes, options).unwrap()
    }

    #[test]
    fn attribute_names_in_js_order_without_read_fields() {
        let s = schema(
            json!({ "name": "string", "age": "number|optional", "profile": { "city": "string|optional" } }),
        );
        let data = json!({ "name": "Ana", "age": 31, "profile": { "city": "Lisboa" }, "_etag": "\"x\"", "_contentLength": 3, "10": "n" });
        let body = s.data_body(&data, &[]);
        assert_eq!(
            String::from_utf8(body).unwrap(),
            r#"{"10":"n","name":"Ana","age":31,"profile":{"city":"Lisboa"}}"#
        );
    }

    #[test]
    fn json_attributes_as_their_json_text() {
        let s =
            schema(json!({ "data": "json", "extra": "json|optional", "obj": "object|optional" }));
        let data = json!({ "data": "text", "extra": [1, 2], "obj": { "a": 1 } });
        assert_eq!(
            String::from_utf8(s.data_body(&data, &[])).unwrap(),
            r#"{"data":"text","extra":"[1,2]","obj":{"a":1}}"#
        );
    }

    #[test]
    fn secrets_are_the_stored_ciphertext_never_clear_text() {
        let s = schema(json!({ "name": "string", "prof": { "tok": "secret|optional" } }));
        let data = json!({ "name": "Ana", "prof": { "tok": "clear" } });
        let encoded = s
            .encode_record(
                &data,
                crate::record::behavior::Behavior::UserManaged,
                &Default::default(),
            )
            .unwrap();
        let text = String::from_utf8(s.data_body(&data, &encoded.metadata)).unwrap();
        assert!(!text.contains("clear"), "{text}");
        let key = s.key_for_path("prof.tok");
        let stored = &encoded.metadata.iter().find(|(k, _)| *k == key).unwrap().1;
        assert!(text.contains(stored.as_str()), "{text}");
        // Without the stored value the field is left out rather than written in clear.
        assert_eq!(
            String::from_utf8(s.data_body(&data, &[])).unwrap(),
            r#"{"name":"Ana","prof":{}}"#
        );
    }
}
