//! Data -> mapped entries: type encoders, flattening and short keys (storage spec §0 steps 1-2).

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

/// Fields `get()` adds to records (and behavior flags). Records read back and written again
/// carry them; s3db.js then stores them as junk keys. They are never written here.
const READ_ONLY_FIELDS: &[&str] = &[
    "id",
    "_v",
    "_map",
    "_pluginMap",
    "_contentLength",
    "_lastModified",
    "_hasContent",
    "_mimeType",
    "_etag",
    "_definitionHash",
    "_originalVersion",
    "_versionMapped",
    "_versionId",
    "_expiresAt",
    "_partition",
    "_partitionValues",
    "_decryptionFailed",
    "_error",
    "$overflow",
    "$truncated",
    "$before",
    "$after",
];

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
        let entries: Vec<(String, &Value)> = obj.iter().map(|(k, v)| (k.clone(), v)).collect();
        for (key, value) in js_order(entries) {
            if prefix.is_empty()
                && READ_ONLY_FIELDS.contains(&key.as_str())
                && !self.fields.contains_key(&key)
            {
                continue;
            }
            let path = join(prefix, &key);
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
                    if super::values::json_depth(other) > 128 {
                        return Err(CodecError::encode(&path, "json", "value nested too deeply"));
                    }
                    out.push((self.key_for_path(&path), raw_mapped(other)))
                }
            }
        }
        Ok(())
    }
}
