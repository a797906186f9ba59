//! Records to S3 objects and back: mapping, behaviors, decoding.

pub mod behavior;
pub mod decode;
pub mod encode;
pub mod fields;
pub mod limits;
pub mod mapped;
pub mod unflatten;
pub mod values;

use crate::error::Result;
use crate::schema::value_type::ValueType;
use crate::schema::Schema;
use behavior::{apply, Behavior, BehaviorInput, EncodedObject};
use serde_json::Value;

/// Options of one write.
#[derive(Debug, Clone, Default)]
pub struct EncodeOptions {
    /// Operation name used in limit errors (`insert`, `update`, …).
    pub operation: Option<String>,
    /// Store password values that already are bcrypt hashes unchanged (updates of records
    /// that were read back, which carry the stored hash). s3db.js re-hashes them.
    pub keep_hashed_passwords: bool,
    /// The id of the record an update writes: s3db.js 19.x counts it in the metadata budget
    /// of an enforce-limits or user-managed update (not of inserts, replaces or the other
    /// behaviors, whose updates go through its insert path).
    pub update_id: Option<String>,
}

/// The id counted in the metadata budget of a write (see `EncodeOptions::update_id`).
fn budget_id(behavior: Behavior, opts: &EncodeOptions) -> Option<&str> {
    match behavior {
        Behavior::EnforceLimits | Behavior::UserManaged => opts.update_id.as_deref(),
        _ => None,
    }
}

impl Schema {
    /// JSON of the attribute -> key map, as body-only objects store it in `_map`.
    pub fn map_json(&self) -> &str {
        &self.map_json
    }

    /// JSON of the plugin map, or `None` without plugin attributes.
    pub fn plugin_map_json(&self) -> Option<&str> {
        self.plugin_map_json.as_deref()
    }

    /// Whether truncate-data may shorten the value under `key` (plain text only).
    fn is_cuttable(&self, key: &str) -> bool {
        let path = self
            .reverse_plugin_map
            .get(key)
            .or_else(|| self.reverse_map.get(key))
            .map(String::as_str)
            .unwrap_or(key);
        match self.fields.get(path) {
            Some(spec) => spec.value_type == ValueType::Plain,
            None => !self.path_to_key.contains_key(path),
        }
    }

    /// Encodes a validated record (with or without `id`) into metadata, body and content type.
    pub fn encode_record(
        &self,
        data: &Value,
        behavior: Behavior,
        opts: &EncodeOptions,
    ) -> Result<EncodedObject> {
        let record = self.map_record(data, opts.keep_hashed_passwords)?;
        let cuttable = |k: &str| self.is_cuttable(k);
        let input = BehaviorInput {
            record: &record,
            effective_limit: limits::effective_limit(
                &self.options.version,
                self.options.timestamps,
                budget_id(behavior, opts),
            ),
            map_json: &self.map_json,
            plugin_map_json: self.plugin_map_json.as_deref(),
            cuttable: &cuttable,
            operation: opts.operation.as_deref().unwrap_or("insert"),
        };
        apply(behavior, &input)
    }
}
