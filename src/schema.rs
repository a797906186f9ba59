//! `NativeSchema`: the codec's compiled schema for the s3db.js `Schema` class (`lib/schema.js`),
//! plus the codec's stand-alone helpers that s3db.js exports (secrets, metadata values).
//! Values cross as JSON strings; buffers travel as base64 text.

use napi::bindgen_prelude::AsyncTask;
use napi::{Env, Task};
use napi_derive::napi;
use s3db_core::codec::metadata_encoding::{self, MetaValue};
use s3db_core::codec::plugin_registry::{plugin_keys, PluginAttr};
use s3db_core::codec::record::mapped::Mapped;
use s3db_core::codec::schema::registry::SchemaRegistry;
use s3db_core::codec::schema::value_type::ValueType;
use s3db_core::codec::schema::{PluginAttribute, Schema, SchemaOptions};
use s3db_core::codec::CodecError;
use serde_json::{json, Map, Value};

/// A codec error as the JS face expects it: `{ name, message }` behind the native marker.
fn codec_error(name: &str, err: impl std::fmt::Display) -> napi::Error {
    let record = json!({ "name": name, "code": name, "message": err.to_string() });
    napi::Error::new(
        napi::Status::GenericFailure,
        format!("{}{record}", crate::errors::MARKER),
    )
}

fn parse(text: &str, what: &str) -> napi::Result<Value> {
    s3db_core::codec::js::parse::from_js_str(text).map_err(|e| {
        codec_error(
            "SchemaError",
            s3db_core::codec::js::parse::describe(what, &e),
        )
    })
}

fn pairs(p: &[(String, String)]) -> Value {
    Value::Array(p.iter().map(|(a, k)| json!([a, k])).collect())
}

/// What JS hands over for one mapped value: strings stay, `null` is the null token, the rest is
/// the text `String(v)` gives (numbers, booleans) or JSON.
fn meta_value(v: &Value) -> MetaValue {
    match v {
        Value::Null => MetaValue::Null,
        Value::String(s) => MetaValue::Str(s.clone()),
        Value::Number(_) | Value::Bool(_) => MetaValue::Str(Mapped::Raw(v.clone()).meta_text()),
        other => MetaValue::Str(other.to_string()),
    }
}

/// A stored encoding as `{ type, integer?, decimals?, precision?, bitCount? }`.
fn encoding_json(vt: &ValueType) -> Value {
    let mut out = json!({ "type": vt.name() });
    let extra = match vt {
        ValueType::Number { integer } | ValueType::NumberArray { integer } => {
            json!({ "integer": integer })
        }
        ValueType::Money { decimals } => json!({ "decimals": decimals }),
        ValueType::Decimal { precision }
        | ValueType::GeoLat { precision }
        | ValueType::GeoLon { precision }
        | ValueType::GeoPoint { precision } => json!({ "precision": precision }),
        ValueType::Bits(n) => json!({ "bitCount": if *n > 0 { json!(n) } else { Value::Null } }),
        _ => json!({}),
    };
    if let (Some(o), Value::Object(e)) = (out.as_object_mut(), extra) {
        o.extend(e);
    }
    out
}

#[napi]
pub struct NativeSchema {
    inner: Schema,
    plugin_registries: Option<Map<String, Value>>,
    plugin_changed: bool,
}

#[napi]
impl NativeSchema {
    /// `attributes`: the definition; `options`: `{ passphrase, bcryptRounds, version,
    /// allNestedObjectsOptional, autoDecrypt, schemaRegistry, pluginSchemaRegistry,
    /// pluginAttributes: [[name, plugin]], pluginMap: {name: key}, now }` (all optional).
    #[napi(constructor)]
    pub fn new(attributes: String, options: String) -> napi::Result<Self> {
        let attributes = parse(&attributes, "attributes")?;
        let o = parse(&options, "options")?;
        let text = |k: &str| o.get(k).and_then(Value::as_str).map(str::to_string);
        let now = text("now").unwrap_or_default();
        let registry = match o.get("schemaRegistry") {
            Some(v) if v.is_object() => Some(
                serde_json::from_value::<SchemaRegistry>(v.clone()).map_err(|e| {
                    codec_error("SchemaError", format!("invalid schemaRegistry: {e}"))
                })?,
            ),
            _ => None,
        };
        let attrs: Vec<PluginAttr> = o
            .get("pluginAttributes")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|p| {
                Some(PluginAttr {
                    name: p.get(0)?.as_str()?.to_string(),
                    plugin: p.get(1)?.as_str()?.to_string(),
                })
            })
            .collect();
        let keys = plugin_keys(
            &attrs,
            o.get("pluginSchemaRegistry").and_then(Value::as_object),
            &now,
        )
        .map_err(|e| codec_error("SchemaError", e))?;
        let given = o.get("pluginMap").and_then(Value::as_object);
        let plugin_attributes = keys
            .mapping
            .iter()
            .zip(&attrs)
            .map(|((name, key), a)| PluginAttribute {
                name: name.clone(),
                definition: attributes.get(name).cloned().unwrap_or(Value::Null),
                plugin: a.plugin.clone(),
                key: Some(
                    given
                        .and_then(|m| m.get(name))
                        .and_then(Value::as_str)
                        .unwrap_or(key)
                        .to_string(),
                ),
            })
            .collect();
        let defaults = SchemaOptions::default();
        let opts = SchemaOptions {
            timestamps: false,
            all_nested_objects_optional: o
                .get("allNestedObjectsOptional")
                .and_then(Value::as_bool)
                .unwrap_or(defaults.all_nested_objects_optional),
            passphrase: text("passphrase").unwrap_or(defaults.passphrase),
            auto_decrypt: o
                .get("autoDecrypt")
                .and_then(Value::as_bool)
                .unwrap_or(true),
            bcrypt_rounds: o
                .get("bcryptRounds")
                .and_then(Value::as_u64)
                .map(|n| n as u32)
                .unwrap_or(defaults.bcrypt_rounds),
            version: text("version").unwrap_or(defaults.version),
            registry,
            plugin_attributes,
            now,
            ..defaults
        };
        let inner =
            Schema::from_json(&attributes, opts).map_err(|e| codec_error("SchemaError", e))?;
        Ok(NativeSchema {
            inner,
            plugin_registries: keys.registries,
            plugin_changed: keys.changed,
        })
    }

    /// `[[path, key], ...]` in index order.
    #[napi]
    pub fn map_json(&self) -> String {
        pairs(self.inner.map()).to_string()
    }

    /// `[[attribute, key], ...]` of plugin attributes.
    #[napi]
    pub fn plugin_map_json(&self) -> String {
        pairs(self.inner.plugin_map()).to_string()
    }

    /// The `schemaRegistry` after this schema was applied (a frozen one without a given registry).
    #[napi]
    pub fn registry_json(&self) -> String {
        serde_json::to_string(&self.inner.registry()).unwrap_or_else(|_| "null".into())
    }

    /// `{ registries, changed }`: the `pluginSchemaRegistry` after this schema (null without one).
    #[napi]
    pub fn plugin_registry_json(&self) -> String {
        json!({ "registries": self.plugin_registries, "changed": self.plugin_changed }).to_string()
    }

    /// `{ path: { type, ...params } }` of every attribute that stores a value.
    #[napi]
    pub fn field_types_json(&self) -> String {
        let mut out = Map::new();
        for (path, _) in self.inner.map().iter().chain(self.inner.plugin_map()) {
            if let Some(spec) = self.inner.field(path) {
                out.insert(path.clone(), encoding_json(&spec.value_type));
            }
        }
        Value::Object(out).to_string()
    }

    /// A record as s3db.js's mapper gives it: `[[key, value], ...]` with `_v` first; encoded
    /// attributes are strings, undeclared numbers and booleans keep their type.
    #[napi(catch_unwind)]
    pub fn mapper(&self, record: String) -> napi::Result<String> {
        let data = parse(&record, "record")?;
        let mapped = self
            .inner
            .map_record_lenient(&data, true)
            .map_err(|e| codec_error("ValidationError", e))?;
        let entries: Vec<Value> = mapped
            .entries
            .iter()
            .map(|(k, v)| json!([k, v.body_value()]))
            .collect();
        Ok(Value::Array(entries).to_string())
    }

    /// Mapped entries (`{ key: value }`, as the mapper or S3 metadata gives them) back to the
    /// record: `{ data, problems }`. Undecodable values stay as their stored text.
    #[napi(catch_unwind)]
    pub fn unmapper(&self, mapped: String) -> napi::Result<String> {
        let v = parse(&mapped, "mapped record")?;
        let obj = v
            .as_object()
            .ok_or_else(|| codec_error("SchemaError", "a mapped record must be an object"))?;
        let logical: Vec<(String, MetaValue)> = obj
            .iter()
            .map(|(k, v)| (k.clone(), meta_value(v)))
            .collect();
        let rec = self
            .inner
            .decode_logical(&logical, None)
            .map_err(|e| codec_error("SchemaError", e))?;
        let problems: Vec<String> = rec.problems.iter().map(CodecError::to_string).collect();
        Ok(json!({ "data": rec.data, "problems": problems }).to_string())
    }

    /// Validates in place (defaults, coercions); `{ isValid, errors, data }`.
    #[napi(catch_unwind)]
    pub fn validate(&self, data: String) -> napi::Result<String> {
        let mut value = parse(&data, "data")?;
        let out = match self.inner.validate(&mut value) {
            Ok(()) => json!({ "isValid": true, "errors": [], "data": value }),
            Err(issues) => json!({ "isValid": false, "errors": issues, "data": value }),
        };
        Ok(out.to_string())
    }
}

/// One AES-256-GCM secret operation off the JS thread (PBKDF2 costs 100,000 rounds).
pub struct SecretTask {
    text: String,
    passphrase: String,
    decrypt: bool,
}

impl Task for SecretTask {
    type Output = String;
    type JsValue = String;

    fn compute(&mut self) -> napi::Result<String> {
        let out = if self.decrypt {
            s3db_core::codec::codec::secret::decrypt_once(&self.text, &self.passphrase)
        } else {
            s3db_core::codec::codec::secret::encrypt(&self.text, &self.passphrase)
        };
        out.map_err(|e| codec_error("CryptoError", e))
    }

    fn resolve(&mut self, _env: Env, output: String) -> napi::Result<String> {
        Ok(output)
    }
}

/// s3db.js `encrypt(content, passphrase)`: base64 of salt(16) | iv(12) | AES-GCM ciphertext+tag.
#[napi]
pub fn secret_encrypt(content: String, passphrase: String) -> AsyncTask<SecretTask> {
    AsyncTask::new(SecretTask {
        text: content,
        passphrase,
        decrypt: false,
    })
}

/// s3db.js `decrypt(encrypted, passphrase)`.
#[napi]
pub fn secret_decrypt(encrypted: String, passphrase: String) -> AsyncTask<SecretTask> {
    AsyncTask::new(SecretTask {
        text: encrypted,
        passphrase,
        decrypt: true,
    })
}

/// The ASCII-safe text the client layer writes for a metadata value (`u:`, `b:`, `d:` forms).
#[napi]
pub fn metadata_encode_value(value: String) -> String {
    metadata_encoding::encode_value(&value)
}

/// A stored metadata value decoded; `null`/`undefined` tokens come back as JS null/undefined.
#[napi]
pub fn metadata_decode_value(value: String) -> Option<String> {
    match metadata_encoding::decode_value(&value) {
        MetaValue::Str(s) => Some(s),
        MetaValue::Null | MetaValue::Undefined => None,
    }
}

/// One mapped entry as the behaviors see it: strings stay text, numbers and booleans keep their
/// type, `null` is the null token, containers are JSON.
fn mapped_value(v: &Value) -> Mapped {
    match v {
        Value::Null => Mapped::Null,
        Value::String(s) => Mapped::Str(s.clone()),
        Value::Number(_) | Value::Bool(_) => Mapped::Raw(v.clone()),
        other => Mapped::Str(s3db_core::codec::js::json::stringify(other)),
    }
}

/// s3db.js's behaviors on an already mapped record: `{ metadata, body, exceedsLimit }`.
/// `options`: `{ operation, version, timestamps, id, map, pluginMap }` (maps as objects).
#[napi(catch_unwind)]
pub fn behavior_apply(behavior: String, mapped: String, options: String) -> napi::Result<String> {
    use s3db_core::codec::record::behavior::{apply, Behavior, BehaviorInput};
    use s3db_core::codec::record::limits::effective_limit;
    use s3db_core::codec::record::mapped::MappedRecord;
    let store_err = |e: CodecError| crate::errors::to_napi(s3db_core::StoreError::from(e));
    let behavior: Behavior = behavior.parse().map_err(store_err)?;
    let mapped = parse(&mapped, "mapped record")?;
    let o = parse(&options, "options")?;
    let entries = mapped
        .as_object()
        .ok_or_else(|| codec_error("ValidationError", "mapped data must be an object"))?
        .iter()
        .map(|(k, v)| (k.clone(), mapped_value(v)))
        .collect();
    let record = MappedRecord {
        entries: s3db_core::codec::js::order::js_order(entries),
    };
    let text = |k: &str| o.get(k).and_then(Value::as_str);
    let map_json = |k: &str| {
        o.get(k)
            .filter(|m| m.as_object().is_some_and(|m| !m.is_empty()))
            .map(s3db_core::codec::js::json::stringify)
    };
    let map = map_json("map").unwrap_or_else(|| "{}".into());
    let plugin_map = map_json("pluginMap");
    // Without a schema, every user value is plain text that truncate-data may shorten.
    let cuttable = |k: &str| !k.starts_with('_');
    let input = BehaviorInput {
        record: &record,
        effective_limit: effective_limit(
            text("version").unwrap_or("1"),
            o.get("timestamps")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            text("id"),
        ),
        map_json: &map,
        plugin_map_json: plugin_map.as_deref(),
        cuttable: &cuttable,
        operation: text("operation").unwrap_or("insert"),
    };
    let out = apply(behavior, &input).map_err(store_err)?;
    let metadata: Map<String, Value> = out
        .metadata
        .into_iter()
        .map(|(k, v)| (k, Value::String(v)))
        .collect();
    let body = out
        .body
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let exceeds = out
        .exceeds_limit
        .map(|e| json!({ "totalSize": e.total_size, "limit": e.limit, "excess": e.excess }));
    Ok(json!({ "metadata": metadata, "body": body, "exceedsLimit": exceeds }).to_string())
}

/// The codec's number texts for s3db.js's base62 helpers: `kind` is `base62`, `decimal` or
/// `fixed` (with `precision`). `None` where s3db.js answers `'undefined'` (NaN, Infinity).
#[napi]
pub fn number_encode(kind: String, n: f64, precision: Option<u32>) -> Option<String> {
    use s3db_core::codec::codec::{base62, decimal};
    match kind.as_str() {
        "base62" => base62::encode_base62(n),
        "decimal" => decimal::encode_decimal(n),
        "fixed" => decimal::encode_fixed_point(n, precision.unwrap_or(6)),
        _ => None,
    }
}

/// Inverse of [`number_encode`]; `None` where s3db.js answers NaN.
#[napi]
pub fn number_decode(kind: String, text: String, precision: Option<u32>) -> Option<f64> {
    use s3db_core::codec::codec::{base62, decimal};
    match kind.as_str() {
        "base62" => base62::decode_base62(&text),
        "decimal" => decimal::decode_decimal(&text),
        "fixed" => decimal::decode_fixed_point(&text, precision.unwrap_or(6)),
        _ => None,
    }
}
