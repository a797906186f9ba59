//! A resource definition as `createResource` receives it, normalised (partition shorthands,
//! timestamp partitions) and checked.

use crate::error::{ErrorKind, Result, StoreError};
use s3db_codec::record::behavior::Behavior;
use serde_json::{json, Map, Value};
use std::str::FromStr;

#[derive(Debug, Clone)]
pub struct ResourceConfig {
    pub name: String,
    pub attributes: Value,
    pub behavior: Behavior,
    pub timestamps: bool,
    /// `{ name: { fields: { path: rule } } }`, shorthands expanded.
    pub partitions: Map<String, Value>,
    /// Written to `_v`, e.g. `v1`.
    pub version: String,
    pub id_size: usize,
    pub passphrase: String,
    pub bcrypt_rounds: u32,
    pub auto_decrypt: bool,
    pub all_nested_objects_optional: bool,
    pub paranoid: bool,
    /// 19.x `schemaRegistry` from `s3db.json`: it fixes the short keys of known paths.
    pub registry: Option<s3db_codec::schema::registry::SchemaRegistry>,
    /// Attributes added by plugins (`addPluginAttribute`), keyed apart from the user's.
    pub plugin_attributes: Vec<s3db_codec::schema::PluginAttribute>,
    /// Plugin attributes removed since: their values are still decoded by type.
    pub retired_plugin_attributes: Vec<s3db_codec::schema::PluginAttribute>,
}

fn config_error(name: &str, problems: &[String]) -> StoreError {
    let list: String = problems.iter().map(|p| format!("\n  • {p}")).collect();
    StoreError::new(
        ErrorKind::Resource,
        format!("Invalid Resource {name} configuration:{list}"),
    )
    .with_status(400)
    .with_details(json!({ "resourceName": name, "validation": problems }))
}

/// `[{ name, definition, plugin, key? }]` as the JS layer sends plugin attributes.
fn plugin_attributes(list: Option<&Value>) -> Vec<s3db_codec::schema::PluginAttribute> {
    list.and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|a| {
                    Some(s3db_codec::schema::PluginAttribute {
                        name: a.get("name")?.as_str()?.to_string(),
                        definition: a.get("definition")?.clone(),
                        plugin: a.get("plugin")?.as_str()?.to_string(),
                        key: a.get("key").and_then(Value::as_str).map(str::to_string),
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

impl ResourceConfig {
    pub fn from_json(v: &Value, strict_validation: bool) -> Result<Self> {
        let name = v
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let mut problems = Vec::new();
        if name.is_empty() {
            problems.push("Resource 'name' is required".to_string());
        }
        let attributes = v.get("attributes").cloned().unwrap_or(Value::Null);
        if attributes.as_object().is_none_or(|a| a.is_empty()) {
            problems.push("Resource 'attributes' must be a non-empty object".to_string());
        }
        if !problems.is_empty() {
            return Err(config_error(
                if name.is_empty() { "undefined" } else { &name },
                &problems,
            ));
        }
        let behavior_name = v
            .get("behavior")
            .and_then(Value::as_str)
            .unwrap_or("user-managed");
        let behavior = Behavior::from_str(behavior_name).map_err(StoreError::from)?;
        let timestamps = v
            .get("timestamps")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let flag =
            |key: &str, default: bool| v.get(key).and_then(Value::as_bool).unwrap_or(default);
        let mut partitions = expand_partitions(&name, v.get("partitions"), &attributes)?;
        if timestamps {
            partitions
                .entry("byCreatedDate")
                .or_insert_with(|| json!({ "fields": { "createdAt": "date|maxlength:10" } }));
            partitions
                .entry("byUpdatedDate")
                .or_insert_with(|| json!({ "fields": { "updatedAt": "date|maxlength:10" } }));
        }
        if strict_validation {
            check_partition_fields(&name, &partitions, &attributes, timestamps)?;
        }
        Ok(ResourceConfig {
            name,
            attributes,
            behavior,
            timestamps,
            partitions,
            version: v
                .get("version")
                .and_then(Value::as_str)
                .unwrap_or("v1")
                .to_string(),
            id_size: v
                .get("idSize")
                .and_then(Value::as_u64)
                .filter(|n| (1..=256).contains(n))
                .unwrap_or(22) as usize,
            passphrase: v
                .get("passphrase")
                .and_then(Value::as_str)
                .unwrap_or("secret")
                .to_string(),
            bcrypt_rounds: v.get("bcryptRounds").and_then(Value::as_u64).unwrap_or(10) as u32,
            auto_decrypt: flag("autoDecrypt", true),
            all_nested_objects_optional: flag("allNestedObjectsOptional", true),
            paranoid: flag("paranoid", true),
            plugin_attributes: plugin_attributes(v.get("pluginAttributes")),
            retired_plugin_attributes: plugin_attributes(v.get("retiredPluginAttributes")),
            registry: match v.get("schemaRegistry") {
                None | Some(Value::Null) => None,
                Some(r) => Some(serde_json::from_value(r.clone()).map_err(|e| {
                    StoreError::new(ErrorKind::Schema, format!("Invalid schemaRegistry: {e}"))
                        .with_status(400)
                })?),
            },
        })
    }
}

/// `['status']` -> `{ byStatus: { fields: { status: <type of the attribute> } } }`.
fn expand_partitions(
    resource: &str,
    given: Option<&Value>,
    attributes: &Value,
) -> Result<Map<String, Value>> {
    match given {
        None | Some(Value::Null) => Ok(Map::new()),
        Some(Value::Object(map)) => {
            for (pname, def) in map {
                s3db_codec::keys::partition::partition_fields(def).map_err(|e| {
                    StoreError::from(e)
                        .with_details(json!({ "resourceName": resource, "partitionName": pname }))
                })?;
            }
            Ok(map.clone())
        }
        Some(Value::Array(fields)) => {
            let mut out = Map::new();
            for field in fields {
                let Some(field) = field.as_str() else {
                    return Err(StoreError::new(
                        ErrorKind::Schema,
                        "Partition shorthand entries must be field names",
                    )
                    .with_status(400));
                };
                let rule = attribute_type(attributes, field).unwrap_or_else(|| "string".into());
                let mut name = String::from("by");
                let mut chars = field.chars();
                if let Some(first) = chars.next() {
                    name.extend(first.to_uppercase());
                    name.push_str(chars.as_str());
                }
                out.insert(name, json!({ "fields": { field: rule } }));
            }
            Ok(out)
        }
        Some(_) => Err(StoreError::new(
            ErrorKind::Schema,
            "partitions must be an object or an array of field names",
        )
        .with_status(400)),
    }
}

/// The base type of the attribute at a dot path (`'string|min:2'` -> `string`).
fn attribute_type(attributes: &Value, path: &str) -> Option<String> {
    let mut node = attributes;
    for part in path.split('.') {
        node = node
            .get(part)
            .or_else(|| node.get("props").and_then(|p| p.get(part)))?;
    }
    match node {
        Value::String(s) => s.split('|').next().map(str::to_string),
        Value::Object(o) => o.get("type").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

fn check_partition_fields(
    resource: &str,
    partitions: &Map<String, Value>,
    attributes: &Value,
    timestamps: bool,
) -> Result<()> {
    for (pname, def) in partitions {
        let Some(fields) = def.get("fields").and_then(Value::as_object) else {
            continue;
        };
        for field in fields.keys() {
            let is_timestamp = timestamps && (field == "createdAt" || field == "updatedAt");
            if !is_timestamp
                && attribute_type(attributes, field).is_none()
                && !has_path(attributes, field)
            {
                let available: Vec<&String> = attributes
                    .as_object()
                    .map(|a| a.keys().collect())
                    .unwrap_or_default();
                let list = available
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(StoreError::new(ErrorKind::Partition, format!("Partition '{pname}' uses field '{field}' which does not exist in resource attributes. Available fields: {list}."))
                    .with_status(400)
                    .with_details(json!({ "resourceName": resource, "partitionName": pname, "fieldName": field, "availableFields": available, "operation": "validatePartitions" })));
            }
        }
    }
    Ok(())
}

fn has_path(attributes: &Value, path: &str) -> bool {
    let mut node = attributes;
    for part in path.split('.') {
        match node
            .get(part)
            .or_else(|| node.get("props").and_then(|p| p.get(part)))
        {
            Some(next) => node = next,
            None => return false,
        }
    }
    true
}
