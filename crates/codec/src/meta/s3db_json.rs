//! `s3db.json`, the database metadata file (storage spec §1.6), in both the seed shape and
//! the 19.x shape (`schemaRegistry`, `pluginSchemaRegistry`). Unknown fields are kept, field
//! order follows s3db.js, and output is `JSON.stringify(meta, null, 2)` byte for byte.

use crate::error::{CodecError, Result};
use crate::js::json::stringify_pretty;
use crate::schema::registry::{PluginRegistry, SchemaRegistry};
use crate::schema::{Schema, SchemaOptions};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DatabaseMeta {
    pub version: String,
    pub s3db_version: String,
    pub last_updated: String,
    pub resources: Map<String, Value>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One resource entry of `resources`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceMeta {
    pub current_version: String,
    #[serde(default)]
    pub partitions: Map<String, Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    #[serde(default)]
    pub versions: Map<String, Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema_registry: Option<SchemaRegistry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plugin_schema_registry: Option<Map<String, Value>>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One entry of `versions`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VersionData {
    pub hash: String,
    pub attributes: Map<String, Value>,
    pub behavior: String,
    #[serde(default)]
    pub timestamps: bool,
    #[serde(default)]
    pub partitions: Map<String, Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paranoid: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all_nested_objects_optional: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_decrypt: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub async_events: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hooks: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_size: Option<u64>,
    /// seed: a number (id size) or `custom_function`; 19.x: `default`/`custom`/`incremental`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_generator: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

fn bad(e: impl std::fmt::Display) -> CodecError {
    CodecError::Metadata(e.to_string())
}

impl DatabaseMeta {
    /// An empty database file.
    pub fn new(s3db_version: &str, now: &str) -> DatabaseMeta {
        DatabaseMeta {
            version: "1".into(),
            s3db_version: s3db_version.into(),
            last_updated: now.into(),
            resources: Map::new(),
            extra: Map::new(),
        }
    }

    /// Parses the file; any malformed content is a typed error.
    pub fn parse(bytes: &[u8]) -> Result<DatabaseMeta> {
        let meta: DatabaseMeta = crate::js::parse::from_js_slice(bytes).map_err(bad)?;
        for (name, r) in &meta.resources {
            ResourceMeta::from_value(r)
                .map_err(|e| CodecError::Metadata(format!("resource '{name}': {e}")))?;
        }
        Ok(meta)
    }

    /// `JSON.stringify(meta, null, 2)`.
    pub fn to_json(&self) -> Result<String> {
        Ok(stringify_pretty(&serde_json::to_value(self).map_err(bad)?))
    }

    pub fn resource(&self, name: &str) -> Result<Option<ResourceMeta>> {
        self.resources
            .get(name)
            .map(ResourceMeta::from_value)
            .transpose()
    }

    pub fn set_resource(&mut self, name: &str, meta: &ResourceMeta) -> Result<()> {
        self.resources
            .insert(name.to_string(), serde_json::to_value(meta).map_err(bad)?);
        Ok(())
    }
}

impl ResourceMeta {
    pub fn from_value(v: &Value) -> Result<ResourceMeta> {
        serde_json::from_value(v.clone()).map_err(bad)
    }

    /// The version entry readers use.
    pub fn current(&self) -> Result<Option<VersionData>> {
        self.version(&self.current_version)
    }

    pub fn version(&self, v: &str) -> Result<Option<VersionData>> {
        self.versions
            .get(v)
            .map(|d| serde_json::from_value(d.clone()).map_err(bad))
            .transpose()
    }

    /// `v<highest N + 1>` (`getNextVersion`, the rule of [`super::document::next_version`]).
    pub fn next_version(&self) -> String {
        super::document::next_version(self.versions.keys().map(String::as_str))
    }

    /// Records a definition: a new version when its hash differs from the current one.
    /// Returns the version the data must be written with.
    pub fn apply_version(&mut self, data: VersionData) -> Result<String> {
        if let Some(cur) = self.current()? {
            if cur.hash == data.hash {
                return Ok(self.current_version.clone());
            }
        } else if self.versions.is_empty() {
            let v = "v1".to_string();
            self.versions
                .insert(v.clone(), serde_json::to_value(&data).map_err(bad)?);
            self.current_version = v.clone();
            return Ok(v);
        }
        let v = self.next_version();
        self.partitions = data.partitions.clone();
        self.versions
            .insert(v.clone(), serde_json::to_value(&data).map_err(bad)?);
        self.current_version = v.clone();
        Ok(v)
    }

    /// The schema of the current version: its attributes and flags, the 19.x registry when
    /// present, and registered plugin keys. `base` carries what `s3db.json` does not store
    /// (passphrase, bcrypt rounds, plugin attributes, clock).
    pub fn schema(&self, base: SchemaOptions) -> Result<Schema> {
        let data = self.current()?.ok_or_else(|| {
            CodecError::Metadata(format!("version '{}' is missing", self.current_version))
        })?;
        let mut opts = base;
        opts.timestamps = data.timestamps;
        opts.all_nested_objects_optional = data.all_nested_objects_optional.unwrap_or(true);
        opts.auto_decrypt = data.auto_decrypt.unwrap_or(true);
        opts.version = self.current_version.clone();
        if opts.registry.is_none() {
            opts.registry = self.schema_registry.clone();
        }
        for pa in opts.plugin_attributes.iter_mut() {
            if pa.key.is_none() {
                pa.key = self.plugin_registry(&pa.plugin)?.and_then(|r| {
                    r.mapping
                        .get(&pa.name)
                        .and_then(Value::as_str)
                        .map(str::to_string)
                });
            }
        }
        Schema::from_json(&Value::Object(data.attributes), opts)
    }

    /// The plugin registry of one plugin, if present (19.x).
    pub fn plugin_registry(&self, plugin: &str) -> Result<Option<PluginRegistry>> {
        self.plugin_schema_registry
            .as_ref()
            .and_then(|m| m.get(plugin))
            .map(|v| serde_json::from_value(v.clone()).map_err(bad))
            .transpose()
    }
}
