//! What a resource records in `s3db.json`: its definition hash, its version entry and its
//! registries, from the definition the core holds (the rules: `s3db_codec::meta::document`).

use super::{Resource, ResourceConfig};
use s3db_codec::meta::document::{self, Definition, JsFacts, Registries};
use serde_json::{Map, Value};

/// The hash `s3db.json` stores for a definition: its attributes (without the timestamp ones
/// when `timestamps` is on), behavior and normalised partitions. It needs no compiled schema.
pub fn definition_hash(config: &ResourceConfig) -> String {
    let empty = Map::new();
    s3db_codec::schema::hash::definition_hash(
        config.attributes.as_object().unwrap_or(&empty),
        config.behavior.as_str(),
        &Value::Object(config.partitions.clone()),
        config.timestamps,
    )
}

impl Resource {
    fn plugin_attribute_names(&self) -> Vec<(String, String)> {
        self.config
            .plugin_attributes
            .iter()
            .map(|a| (a.name.clone(), a.plugin.clone()))
            .collect()
    }

    fn with_registries<T>(&self, f: impl FnOnce(&Registries<'_>) -> T) -> T {
        let attributes = self.plugin_attribute_names();
        let schema = serde_json::to_value(self.schema.registry()).unwrap_or(Value::Null);
        f(&Registries {
            schema,
            plugin_attributes: &attributes,
            plugin_keys: self.schema.plugin_map(),
        })
    }

    /// The version entry of this definition (`facts`: what only the JS layer knows).
    pub fn version_entry(&self, facts: &JsFacts, now: &str) -> Value {
        let empty = Map::new();
        let hash = self.definition_hash();
        let def = Definition {
            hash: &hash,
            attributes: self.config.attributes.as_object().unwrap_or(&empty),
            behavior: self.config.behavior.as_str(),
            timestamps: self.config.timestamps,
            partitions: &self.config.partitions,
            paranoid: self.config.paranoid,
            all_nested_objects_optional: self.config.all_nested_objects_optional,
            auto_decrypt: self.config.auto_decrypt,
        };
        document::version_entry(&def, facts, now)
    }

    /// The resource entry of `s3db.json` after recording this definition as `version` (which
    /// `document::choose_version` picked) over the saved entry, if any.
    pub fn record_version(
        &self,
        saved: Option<Value>,
        version: &str,
        facts: &JsFacts,
        now: &str,
    ) -> Value {
        let entry = self.version_entry(facts, now);
        self.with_registries(|r| {
            document::record_version(
                saved,
                version,
                entry,
                &self.config.partitions,
                facts.get("createdBy"),
                r,
            )
        })
    }

    /// A saved resource entry with this resource's registries, as uploaded.
    pub fn entry_for_upload(&self, mut entry: Value) -> Value {
        self.with_registries(|r| document::entry_for_upload(&mut entry, r));
        entry
    }
}
