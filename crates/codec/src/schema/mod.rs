//! A resource schema: parsed rules, stored encodings and the short-key map.

pub mod hash;
pub mod mapping;
pub mod plugin_keys;
mod redact;
pub mod registry;
pub mod rule;
pub mod shorthand;
pub mod value_type;

use crate::error::{CodecError, Result};
use crate::js::order::js_order;
use mapping::{keys_by_position, keys_from_registry, mappable_paths, KeyAlphabet};
use registry::SchemaRegistry;
use rule::{Rule, RuleOptions};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use value_type::{from_definition_object, from_definition_string, ValueType};

/// An attribute added by a plugin (`resource.addPluginAttribute`).
#[derive(Debug, Clone, PartialEq)]
pub struct PluginAttribute {
    pub name: String,
    pub definition: Value,
    pub plugin: String,
    /// Key recorded in a 19.x `pluginSchemaRegistry`; computed from the names when absent.
    pub key: Option<String>,
}

/// Everything besides the attributes that shapes a schema.
#[derive(Debug, Clone)]
pub struct SchemaOptions {
    /// Adds `createdAt`/`updatedAt` (`string|optional`) after the user attributes.
    pub timestamps: bool,
    pub all_nested_objects_optional: bool,
    /// Passphrase for `secret` attributes (s3db.js default: `secret`).
    pub passphrase: String,
    /// Decrypt secrets on read (`autoDecrypt`).
    pub auto_decrypt: bool,
    /// bcrypt cost for new password hashes and for expanding compact hashes.
    pub bcrypt_rounds: u32,
    /// Value written to `_v`, e.g. `v1`.
    pub version: String,
    /// Key alphabet when no registry is given. Base36 is what 19.x writes.
    pub key_alphabet: KeyAlphabet,
    /// 19.x `schemaRegistry`; when present it decides the keys and is extended in place.
    pub registry: Option<SchemaRegistry>,
    pub plugin_attributes: Vec<PluginAttribute>,
    /// Plugin attributes removed from the resource. As in s3db.js (whose value hooks outlive
    /// `removePluginAttribute`), stored values of theirs are still decoded by their type.
    pub retired_plugin_attributes: Vec<PluginAttribute>,
    /// Timestamp recorded on registry entries burned by this schema.
    pub now: String,
}

impl Default for SchemaOptions {
    fn default() -> Self {
        SchemaOptions {
            timestamps: false,
            all_nested_objects_optional: true,
            passphrase: "secret".into(),
            auto_decrypt: true,
            bcrypt_rounds: crate::codec::password::DEFAULT_ROUNDS,
            version: "v1".into(),
            key_alphabet: KeyAlphabet::Base36,
            registry: None,
            plugin_attributes: Vec::new(),
            retired_plugin_attributes: Vec::new(),
            now: String::new(),
        }
    }
}

/// The encoding and rule of one attribute path that holds data.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldSpec {
    pub value_type: ValueType,
    pub rule: Rule,
    /// Set for plugin attributes.
    pub plugin: Option<String>,
}

/// A compiled resource schema.
#[derive(Debug, Clone)]
pub struct Schema {
    pub(crate) attributes: Map<String, Value>,
    pub(crate) options: SchemaOptions,
    pub(crate) root: Rule,
    /// Data path -> spec, for every attribute that stores a value.
    pub(crate) fields: HashMap<String, FieldSpec>,
    /// Paths that are nested schemas (their data is walked, not stored whole).
    pub(crate) nested: HashSet<String>,
    /// Attribute path -> short key, in index order.
    pub(crate) map: Vec<(String, String)>,
    pub(crate) reverse_map: HashMap<String, String>,
    pub(crate) path_to_key: HashMap<String, String>,
    /// Plugin attribute name -> key.
    pub(crate) plugin_map: Vec<(String, String)>,
    pub(crate) reverse_plugin_map: HashMap<String, String>,
    /// `JSON.stringify` of the map and plugin map, written by body-only and overflow objects.
    pub(crate) map_json: String,
    pub(crate) plugin_map_json: Option<String>,
}

/// The dotted path of `key` under `prefix` (`a.b`), the way s3db.js names nested attributes.
pub(crate) fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

impl Schema {
    /// Compiles an attribute definition (the `attributes` object given to `createResource`).
    pub fn from_json(attributes: &Value, options: SchemaOptions) -> Result<Schema> {
        let attrs = attributes
            .as_object()
            .ok_or_else(|| CodecError::schema("", "attributes must be an object"))?;
        if attrs.is_empty() {
            return Err(CodecError::schema("", "attributes must not be empty"));
        }
        let mut attributes = attrs.clone();
        if options.timestamps {
            for k in ["createdAt", "updatedAt"] {
                if !attributes.contains_key(k) {
                    attributes.insert(k.into(), Value::String("string|optional".into()));
                }
            }
        }
        let mut options = options;
        let rule_opts = RuleOptions {
            all_nested_objects_optional: options.all_nested_objects_optional,
        };
        let mut root = Rule::parse_root(&attributes, rule_opts)?;
        let mut fields = HashMap::new();
        let mut nested = HashSet::new();
        collect_fields(&attributes, "", rule_opts, &mut fields, &mut nested, 0)?;

        let plugin_names: Vec<String> = options
            .plugin_attributes
            .iter()
            .map(|p| p.name.clone())
            .collect();
        let paths = mappable_paths(&attributes, &plugin_names);
        let map = match options.registry.as_mut() {
            Some(reg) => keys_from_registry(&paths, reg, &options.now),
            None => keys_by_position(&paths, options.key_alphabet),
        };

        let mut plugin_map: Vec<(String, String)> = Vec::new();
        for pa in &options.plugin_attributes {
            let user_keys: HashSet<&String> = map.iter().map(|(_, k)| k).collect();
            let key = pa.key.clone().unwrap_or_else(|| {
                plugin_keys::plugin_key(&pa.plugin, &pa.name, &|k: &str| {
                    plugin_map.iter().any(|(_, v)| v == k) || user_keys.contains(&k.to_string())
                })
            });
            let rule = Rule::parse(&pa.definition, &pa.name, rule_opts)?;
            fields.insert(
                pa.name.clone(),
                FieldSpec {
                    value_type: value_type_of(&pa.definition),
                    rule: rule.clone(),
                    plugin: Some(pa.plugin.clone()),
                },
            );
            if let Some(props) = root.props.as_mut() {
                props.retain(|(k, _)| k != &pa.name);
                props.push((pa.name.clone(), rule));
            }
            plugin_map.push((pa.name.clone(), key));
        }
        for pa in &options.retired_plugin_attributes {
            if fields.contains_key(&pa.name) || nested.contains(&pa.name) {
                continue;
            }
            fields.insert(
                pa.name.clone(),
                FieldSpec {
                    value_type: value_type_of(&pa.definition),
                    rule: Rule::parse(&pa.definition, &pa.name, rule_opts)?,
                    plugin: Some(pa.plugin.clone()),
                },
            );
        }
        let reverse_map = map.iter().map(|(p, k)| (k.clone(), p.clone())).collect();
        let path_to_key = map.iter().map(|(p, k)| (p.clone(), k.clone())).collect();
        let reverse_plugin_map = plugin_map
            .iter()
            .map(|(p, k)| (k.clone(), p.clone()))
            .collect();
        let map_json = pairs_json(&map);
        let plugin_map_json = (!plugin_map.is_empty()).then(|| pairs_json(&plugin_map));
        Ok(Schema {
            attributes,
            options,
            root,
            fields,
            nested,
            map,
            reverse_map,
            path_to_key,
            plugin_map,
            reverse_plugin_map,
            map_json,
            plugin_map_json,
        })
    }

    /// Attribute definitions as stored in `s3db.json` (timestamps included when enabled).
    pub fn attributes(&self) -> &Map<String, Value> {
        &self.attributes
    }

    pub fn options(&self) -> &SchemaOptions {
        &self.options
    }

    /// Attribute path -> short key, in index order.
    pub fn map(&self) -> &[(String, String)] {
        &self.map
    }

    /// Plugin attribute -> key.
    pub fn plugin_map(&self) -> &[(String, String)] {
        &self.plugin_map
    }

    /// The registry after this schema was applied to it (19.x `schemaRegistry`), or a frozen
    /// registry of the current order when none was given.
    pub fn registry(&self) -> SchemaRegistry {
        match &self.options.registry {
            Some(r) => r.clone(),
            None => SchemaRegistry::initial(
                &self.map.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>(),
            ),
        }
    }

    /// Whether the definition declares `id` itself (validated with writes, never stored).
    pub fn declares_id(&self) -> bool {
        self.attributes.contains_key("id")
    }

    /// The root validation rule.
    pub fn root_rule(&self) -> &Rule {
        &self.root
    }

    /// The stored attribute paths (plugin attributes included) whose values are bytes.
    pub fn byte_paths(&self) -> Vec<String> {
        self.map
            .iter()
            .chain(&self.plugin_map)
            .filter(|(path, _)| self.field(path).is_some_and(|f| f.value_type.is_bytes()))
            .map(|(path, _)| path.clone())
            .collect()
    }

    /// The spec of a data path, if declared.
    pub fn field(&self, path: &str) -> Option<&FieldSpec> {
        self.fields.get(path)
    }

    /// `s3db.json` version hash of this definition.
    pub fn definition_hash(&self, behavior: &str, partitions: &Value) -> String {
        hash::definition_hash(
            &self.attributes,
            behavior,
            partitions,
            self.options.timestamps,
        )
    }

    /// `_definitionHash` of records read through this schema (s3db.js `get()`).
    pub fn record_definition_hash(&self, behavior: &str) -> String {
        hash::record_definition_hash(&self.attributes, behavior)
    }

    /// Seed-era schemas with 37+ paths collide on S3 (uppercase keys are lower-cased).
    pub fn has_colliding_keys(&self) -> bool {
        let mut seen = HashSet::new();
        self.map
            .iter()
            .any(|(_, k)| !seen.insert(k.to_ascii_lowercase()))
    }
}

/// `JSON.stringify` of `{path: key}` pairs (JS property order applies).
fn pairs_json(pairs: &[(String, String)]) -> String {
    let m: Map<String, Value> = pairs
        .iter()
        .map(|(p, k)| (p.clone(), Value::String(k.clone())))
        .collect();
    crate::js::json::stringify(&Value::Object(m))
}

/// Stored encoding of a definition.
pub fn value_type_of(def: &Value) -> ValueType {
    match def {
        Value::String(s) => from_definition_string(s),
        Value::Object(m) => from_definition_object(m),
        Value::Array(alts) => alts.first().map(value_type_of).unwrap_or(ValueType::Plain),
        _ => ValueType::Plain,
    }
}

fn collect_fields(
    map: &Map<String, Value>,
    prefix: &str,
    opts: RuleOptions,
    fields: &mut HashMap<String, FieldSpec>,
    nested: &mut HashSet<String>,
    depth: usize,
) -> Result<()> {
    if depth > 64 {
        return Err(CodecError::schema(prefix, "definition nested too deeply"));
    }
    let entries: Vec<(String, &Value)> = map.iter().map(|(k, v)| (k.clone(), v)).collect();
    for (key, def) in js_order(entries) {
        if key.starts_with("$$") {
            continue;
        }
        let path = join(prefix, &key);
        match def {
            Value::Object(m) if !m.contains_key("type") => {
                nested.insert(path.clone());
                collect_fields(m, &path, opts, fields, nested, depth + 1)?;
            }
            _ => {
                let rule = Rule::parse(def, &path, opts)?;
                fields.insert(
                    path,
                    FieldSpec {
                        value_type: value_type_of(def),
                        rule,
                        plugin: None,
                    },
                );
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn builds_map_fields_and_plugins() {
        let opts = SchemaOptions {
            plugin_attributes: vec![PluginAttribute {
                name: "_score".into(),
                definition: json!("number|optional"),
                plugin: "ScorePlugin".into(),
                key: None,
            }],
            ..Default::default()
        };
        let s = Schema::from_json(
            &json!({"name": "string", "address": {"city": "string"}}),
            opts,
        )
        .unwrap();
        assert_eq!(
            s.map(),
            [
                ("name".into(), "0".into()),
                ("address.city".into(), "1".into()),
                ("address".into(), "2".into())
            ]
        );
        assert_eq!(s.plugin_map(), [("_score".to_string(), "pnhj".to_string())]);
        assert!(s.nested.contains("address"));
        assert_eq!(
            s.field("_score").unwrap().value_type,
            ValueType::Number { integer: false }
        );
    }

    #[test]
    fn byte_paths_name_buffer_and_bits_at_any_depth() {
        let s = Schema::from_json(
            &json!({"raw": "buffer", "n": "number", "meta": {"flags": "bits:8|optional", "tag": "string"}, "obj": {"type": "buffer"}}),
            SchemaOptions::default(),
        )
        .unwrap();
        let mut paths = s.byte_paths();
        paths.sort();
        assert_eq!(paths, ["meta.flags", "obj", "raw"]);
    }

    #[test]
    fn rejects_bad_definitions() {
        assert!(Schema::from_json(&json!([]), SchemaOptions::default()).is_err());
        assert!(Schema::from_json(&json!({}), SchemaOptions::default()).is_err());
        assert!(Schema::from_json(&json!({"a": "nope"}), SchemaOptions::default()).is_err());
    }
}
