//! A resource definition as `createResource` receives it, normalised (partition shorthands,
//! timestamp partitions) and checked.

use crate::error::{ErrorKind, Result, StoreError};
use s3db_codec::record::behavior::Behavior;
use serde::Deserialize;
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

/// The definition as the JS layer sends it (`lib/database.js` `_nativeFor`), under s3db.js
/// 19.5.10's option names. Every option may be absent or `null` (then its default applies);
/// one of the wrong type is refused (`type_problem`), never skipped.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct Options {
    name: Option<String>,
    attributes: Option<Map<String, Value>>,
    behavior: Option<String>,
    timestamps: Option<bool>,
    /// An object of definitions or an array of field names (checked by `expand_partitions`).
    partitions: Option<Value>,
    version: Option<String>,
    /// Any positive number: 19.5.10's generator makes ids until their length reaches it
    /// (`idGenerator: 10.5` gives 11 characters); zero or less means the default, 22.
    id_size: Option<f64>,
    passphrase: Option<String>,
    bcrypt_rounds: Option<u32>,
    auto_decrypt: Option<bool>,
    all_nested_objects_optional: Option<bool>,
    paranoid: Option<bool>,
    /// Parsed on its own, so a bad registry is a `SchemaError`.
    schema_registry: Option<Value>,
    plugin_attributes: Option<Vec<PluginAttributeOption>>,
    retired_plugin_attributes: Option<Vec<PluginAttributeOption>>,
}

/// One of `[{ name, definition, plugin, key? }]` as the JS layer sends plugin attributes; one
/// without a definition defines nothing and is left out.
#[derive(Debug, Deserialize)]
struct PluginAttributeOption {
    name: String,
    definition: Option<Value>,
    plugin: String,
    key: Option<String>,
}

fn plugin_attributes(
    list: Option<Vec<PluginAttributeOption>>,
) -> Vec<s3db_codec::schema::PluginAttribute> {
    list.unwrap_or_default()
        .into_iter()
        .filter_map(|a| {
            Some(s3db_codec::schema::PluginAttribute {
                name: a.name,
                definition: a.definition?,
                plugin: a.plugin,
                key: a.key,
            })
        })
        .collect()
}

/// The options of `given` that `T` (a struct of options, all defaulted) refuses, each with
/// serde's reason, in the order given. serde's own error names no field: an option is the culprit
/// when it fails on its own.
pub fn wrongly_typed<T: serde::de::DeserializeOwned>(
    given: &Map<String, Value>,
) -> Vec<(&str, serde_json::Error)> {
    given
        .iter()
        .filter_map(|(option, value)| {
            let alone = Value::Object(Map::from_iter([(option.clone(), value.clone())]));
            serde_json::from_value::<T>(alone)
                .err()
                .map(|e| (option.as_str(), e))
        })
        .collect()
}

/// Longest generated id: an S3 key is at most 1,024 bytes, so a longer id could never be stored.
const MAX_ID_SIZE: usize = 1024;

/// What a wrongly typed option must be, in 19.5.10's words where its validator checks it.
fn type_problem(option: &str, err: &serde_json::Error) -> String {
    let expected = match option {
        "name" | "version" | "behavior" | "passphrase" => "must be a string",
        "timestamps" | "autoDecrypt" | "allNestedObjectsOptional" | "paranoid" => {
            "must be a boolean"
        }
        "idSize" => "must be an integer",
        "bcryptRounds" => "must be a non-negative integer",
        "attributes" => "must be an object",
        _ => return format!("Resource '{option}' is invalid: {err}"),
    };
    format!("Resource '{option}' {expected}")
}

impl Options {
    /// Reads the options; a wrongly typed one is a `ResourceError` naming it.
    fn read(v: &Value) -> Result<Self> {
        let Value::Object(given) = v else {
            return Err(config_error(
                "undefined",
                &["Resource configuration must be an object".to_string()],
            ));
        };
        Options::deserialize(v).map_err(|err| {
            let name = given
                .get("name")
                .and_then(Value::as_str)
                .filter(|n| !n.is_empty())
                .unwrap_or("undefined");
            let problems: Vec<String> = wrongly_typed::<Options>(given)
                .into_iter()
                .map(|(option, e)| type_problem(option, &e))
                .collect();
            if problems.is_empty() {
                config_error(name, &[format!("Resource configuration is invalid: {err}")])
            } else {
                config_error(name, &problems)
            }
        })
    }
}

impl ResourceConfig {
    pub fn from_json(v: &Value, strict_validation: bool) -> Result<Self> {
        let options = Options::read(v)?;
        let name = options.name.unwrap_or_default();
        let mut problems = Vec::new();
        if name.is_empty() {
            problems.push("Resource 'name' is required".to_string());
        }
        let attributes = options.attributes.unwrap_or_default();
        if attributes.is_empty() {
            problems.push("Resource 'attributes' must be a non-empty object".to_string());
        }
        let id_size = match options.id_size {
            Some(size) if size > 0.0 => size.ceil() as usize,
            _ => s3db_codec::keys::id::DEFAULT_ID_SIZE,
        };
        if id_size > MAX_ID_SIZE {
            problems.push(format!(
                "Resource 'idSize' must be at most {MAX_ID_SIZE} (an S3 key holds at most {MAX_ID_SIZE} bytes)"
            ));
        }
        if !problems.is_empty() {
            return Err(config_error(
                if name.is_empty() { "undefined" } else { &name },
                &problems,
            ));
        }
        let attributes = Value::Object(attributes);
        let behavior = Behavior::from_str(options.behavior.as_deref().unwrap_or("user-managed"))
            .map_err(StoreError::from)?;
        let timestamps = options.timestamps.unwrap_or(false);
        let mut partitions = expand_partitions(&name, options.partitions.as_ref(), &attributes)?;
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
        let registry = match options.schema_registry {
            None | Some(Value::Null) => None,
            Some(r) => Some(serde_json::from_value(r).map_err(|e| {
                StoreError::new(ErrorKind::Schema, format!("Invalid schemaRegistry: {e}"))
                    .with_status(400)
            })?),
        };
        Ok(ResourceConfig {
            name,
            attributes,
            behavior,
            timestamps,
            partitions,
            version: options.version.unwrap_or_else(|| "v1".to_string()),
            id_size,
            passphrase: options.passphrase.unwrap_or_else(|| "secret".to_string()),
            bcrypt_rounds: options.bcrypt_rounds.unwrap_or(10),
            auto_decrypt: options.auto_decrypt.unwrap_or(true),
            all_nested_objects_optional: options.all_nested_objects_optional.unwrap_or(true),
            paranoid: options.paranoid.unwrap_or(true),
            plugin_attributes: plugin_attributes(options.plugin_attributes),
            retired_plugin_attributes: plugin_attributes(options.retired_plugin_attributes),
            registry,
        })
    }
}

/// `['status']` -> `{ byStatus: { fields: { status: <type of the attribute> } } }`; a falsy
/// value (`null`, `false`, `0`, `''`) is none, as 19.5.10 reads `partitions || {}`.
fn expand_partitions(
    resource: &str,
    given: Option<&Value>,
    attributes: &Value,
) -> Result<Map<String, Value>> {
    match given {
        None | Some(Value::Null) | Some(Value::Bool(false)) => Ok(Map::new()),
        Some(Value::Number(n)) if n.as_f64() == Some(0.0) => Ok(Map::new()),
        Some(Value::String(s)) if s.is_empty() => Ok(Map::new()),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn read(extra: Value) -> Result<ResourceConfig> {
        let mut v =
            json!({ "name": "users", "attributes": { "name": "string", "status": "string" } });
        for (k, val) in extra.as_object().unwrap() {
            v[k] = val.clone();
        }
        ResourceConfig::from_json(&v, true)
    }

    fn problems(err: &StoreError) -> Vec<String> {
        serde_json::from_value(err.details.as_ref().unwrap()["validation"].clone()).unwrap()
    }

    #[test]
    fn defaults_when_absent_or_null() {
        for extra in [
            json!({}),
            json!({ "behavior": null, "timestamps": null, "partitions": null, "version": null,
                    "idSize": null, "passphrase": null, "bcryptRounds": null, "autoDecrypt": null,
                    "allNestedObjectsOptional": null, "paranoid": null, "schemaRegistry": null,
                    "pluginAttributes": null, "retiredPluginAttributes": null }),
        ] {
            let c = read(extra).unwrap();
            assert_eq!(c.behavior, Behavior::UserManaged);
            assert!(!c.timestamps);
            assert!(c.partitions.is_empty());
            assert_eq!(c.version, "v1");
            assert_eq!(c.id_size, 22);
            assert_eq!(c.passphrase, "secret");
            assert_eq!(c.bcrypt_rounds, 10);
            assert!(c.auto_decrypt && c.all_nested_objects_optional && c.paranoid);
            assert!(c.registry.is_none() && c.plugin_attributes.is_empty());
        }
    }

    #[test]
    fn every_form_in_use_is_read() {
        let c = read(json!({
            "behavior": "body-overflow", "timestamps": true, "partitions": ["status"],
            "version": "v3", "idSize": 8, "passphrase": "p", "bcryptRounds": 4,
            "autoDecrypt": false, "allNestedObjectsOptional": false, "paranoid": false,
            "pluginAttributes": [{ "name": "_ttl", "definition": "number|optional", "plugin": "ttl" },
                                 { "name": "_k", "definition": { "type": "string" }, "plugin": "p", "key": "p0" },
                                 { "name": "_none", "plugin": "p" }],
            "retiredPluginAttributes": [],
            "unknownOption": { "kept": "out" }
        }))
        .unwrap();
        assert_eq!(c.behavior, Behavior::BodyOverflow);
        assert!(c.timestamps);
        assert_eq!(
            c.partitions.keys().collect::<Vec<_>>(),
            ["byStatus", "byCreatedDate", "byUpdatedDate"]
        );
        assert_eq!(
            c.partitions["byStatus"],
            json!({ "fields": { "status": "string" } })
        );
        assert_eq!(
            (
                c.version.as_str(),
                c.id_size,
                c.passphrase.as_str(),
                c.bcrypt_rounds
            ),
            ("v3", 8, "p", 4)
        );
        assert!(!c.auto_decrypt && !c.all_nested_objects_optional && !c.paranoid);
        let names: Vec<_> = c
            .plugin_attributes
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        assert_eq!(names, ["_ttl", "_k"]);
        assert_eq!(c.plugin_attributes[1].key.as_deref(), Some("p0"));
        for falsy in [json!(false), json!(0), json!("")] {
            assert!(read(json!({ "partitions": falsy }))
                .unwrap()
                .partitions
                .is_empty());
        }
        let object =
            read(json!({ "partitions": { "byStatus": { "fields": { "status": "string" } } } }))
                .unwrap();
        assert_eq!(object.partitions["byStatus"]["fields"]["status"], "string");
    }

    #[test]
    fn id_size_as_19_5_10_generates() {
        // `idGenerator: 10.5` reaches the core as idSize: ids grow until their length reaches it.
        assert_eq!(read(json!({ "idSize": 10.5 })).unwrap().id_size, 11);
        assert_eq!(read(json!({ "idSize": 300 })).unwrap().id_size, 300);
        assert_eq!(read(json!({ "idSize": 0 })).unwrap().id_size, 22);
        assert_eq!(read(json!({ "idSize": -3 })).unwrap().id_size, 22);
        let err = read(json!({ "idSize": 5000 })).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Resource);
        assert!(
            err.message.contains("'idSize' must be at most 1024"),
            "{}",
            err.message
        );
    }

    #[test]
    fn wrong_types_are_refused_by_name() {
        for (extra, problem) in [
            (
                json!({ "timestamps": "yes" }),
                "Resource 'timestamps' must be a boolean",
            ),
            (
                json!({ "paranoid": 0 }),
                "Resource 'paranoid' must be a boolean",
            ),
            (
                json!({ "autoDecrypt": "false" }),
                "Resource 'autoDecrypt' must be a boolean",
            ),
            (
                json!({ "allNestedObjectsOptional": [] }),
                "Resource 'allNestedObjectsOptional' must be a boolean",
            ),
            (
                json!({ "passphrase": 123 }),
                "Resource 'passphrase' must be a string",
            ),
            (
                json!({ "behavior": {} }),
                "Resource 'behavior' must be a string",
            ),
            (
                json!({ "version": 2 }),
                "Resource 'version' must be a string",
            ),
            (
                json!({ "idSize": "8" }),
                "Resource 'idSize' must be an integer",
            ),
            (
                json!({ "bcryptRounds": "12" }),
                "Resource 'bcryptRounds' must be a non-negative integer",
            ),
            (
                json!({ "bcryptRounds": 10.5 }),
                "Resource 'bcryptRounds' must be a non-negative integer",
            ),
            (
                json!({ "attributes": ["name"] }),
                "Resource 'attributes' must be an object",
            ),
        ] {
            let err = read(extra.clone()).unwrap_err();
            assert_eq!(err.kind, ErrorKind::Resource, "{extra}");
            assert_eq!(err.status_code, Some(400));
            assert_eq!(problems(&err), [problem], "{extra}");
            assert_eq!(
                err.message,
                format!("Invalid Resource users configuration:\n  • {problem}")
            );
        }
        let err =
            read(json!({ "pluginAttributes": [{ "name": 1, "definition": "x", "plugin": "p" }] }))
                .unwrap_err();
        assert!(problems(&err)[0].starts_with("Resource 'pluginAttributes' is invalid: "));
        // Every wrongly typed option is listed, as 19.5.10's validator lists them.
        let err = read(json!({ "timestamps": 1, "passphrase": false })).unwrap_err();
        assert_eq!(
            problems(&err),
            [
                "Resource 'timestamps' must be a boolean",
                "Resource 'passphrase' must be a string"
            ]
        );
        let err = ResourceConfig::from_json(&json!(["users"]), true).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Resource);
        let err = read(json!({ "schemaRegistry": "nope" })).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Schema);
        let err = read(json!({ "partitions": "status" })).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Schema);
        for truthy in [json!(1), json!(true)] {
            assert!(read(json!({ "partitions": truthy })).is_err());
        }
    }

    #[test]
    fn missing_name_and_attributes_are_listed() {
        let err = ResourceConfig::from_json(&json!({ "attributes": {} }), true).unwrap_err();
        assert_eq!(
            problems(&err),
            [
                "Resource 'name' is required",
                "Resource 'attributes' must be a non-empty object"
            ]
        );
        assert!(err
            .message
            .starts_with("Invalid Resource undefined configuration:"));
    }
}
