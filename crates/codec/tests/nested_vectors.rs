//! `nested-vectors.json`: what s3db.js 19.5.10 stores for nested objects (every `$$type`
//! form, deep nesting, arrays of objects, json, object-form definitions, plugin attributes,
//! declared ids, behaviors) with and without timestamps. Both directions: encoding a record
//! gives exactly the stored metadata and body, and decoding what 19.5.10 stored gives the
//! record back. The generator is `fixtures/generate-nested-vectors.mjs`.

mod common;

use common::fixture;
use s3db_codec::record::behavior::Behavior;
use s3db_codec::record::EncodeOptions;
use s3db_codec::schema::{PluginAttribute, Schema, SchemaOptions};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

const FROZEN_CLOCK: &str = "2025-11-15T12:34:56.789Z";

fn cases() -> Vec<Value> {
    fixture("nested-vectors.json")["cases"]
        .as_array()
        .unwrap()
        .clone()
}

fn stored(case: &Value) -> &Value {
    &case["objects"][0]
}

fn schema_for(case: &Value) -> Schema {
    let res = &case["resource"];
    let version = stored(case)["metadata"]["_v"]
        .as_str()
        .unwrap_or("v1")
        .to_string();
    let mut opts = SchemaOptions {
        timestamps: res["timestamps"].as_bool().unwrap_or(false),
        version,
        ..Default::default()
    };
    if let Some(pa) = case.get("pluginAttribute") {
        opts.plugin_attributes.push(PluginAttribute {
            name: pa["name"].as_str().unwrap().into(),
            definition: pa["def"].clone(),
            plugin: pa["plugin"].as_str().unwrap().into(),
            key: None,
        });
    }
    Schema::from_json(&res["attributes"], opts).unwrap()
}

fn behavior_of(case: &Value) -> Behavior {
    case["resource"]["behavior"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

/// The record as the resource layer hands it to the codec: no id, timestamps set.
fn insert_data(case: &Value) -> Value {
    let mut data = case["data"].as_object().unwrap().clone();
    data.shift_remove("id");
    if case["resource"]["timestamps"].as_bool() == Some(true) {
        data.insert("createdAt".into(), json!(FROZEN_CLOCK));
        data.insert("updatedAt".into(), json!(FROZEN_CLOCK));
    }
    Value::Object(data)
}

fn metadata_of(obj: &Value) -> BTreeMap<String, String> {
    obj["metadata"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect()
}

fn pairs(pairs: &[(String, String)]) -> Vec<(String, String)> {
    pairs.to_vec()
}

fn json_pairs(v: &Value) -> Vec<(String, String)> {
    v.as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn key_maps_and_registries_match_19x() {
    let mut failures = Vec::new();
    for case in cases() {
        let name = case["name"].as_str().unwrap();
        let schema = schema_for(&case);
        if pairs(schema.map()) != json_pairs(&case["attributeMap"]) {
            failures.push(format!(
                "{name}: map {:?}\n  want {}",
                schema.map(),
                case["attributeMap"]
            ));
        }
        if pairs(schema.plugin_map()) != json_pairs(&case["pluginMap"]) {
            failures.push(format!("{name}: plugin map {:?}", schema.plugin_map()));
        }
        let registry = serde_json::to_value(schema.registry()).unwrap();
        if registry != case["schemaRegistry"] {
            failures.push(format!(
                "{name}: registry {registry}\n  want {}",
                case["schemaRegistry"]
            ));
        }
        // The stored attributes (timestamps included) rebuild the same map: what a 19.x
        // reader of the bucket computes.
        let mut opts = SchemaOptions {
            timestamps: case["resource"]["timestamps"].as_bool().unwrap_or(false),
            ..Default::default()
        };
        if let Some(pa) = case.get("pluginAttribute") {
            opts.plugin_attributes.push(PluginAttribute {
                name: pa["name"].as_str().unwrap().into(),
                definition: pa["def"].clone(),
                plugin: pa["plugin"].as_str().unwrap().into(),
                key: None,
            });
        }
        let reread = Schema::from_json(&case["storedAttributes"], opts).unwrap();
        if reread.map() != schema.map() {
            failures.push(format!("{name}: map from stored attributes differs"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn encoding_writes_what_19x_stores() {
    let mut failures = Vec::new();
    for case in cases() {
        let name = case["name"].as_str().unwrap();
        let schema = schema_for(&case);
        let data = insert_data(&case);
        let mut validated = data.clone();
        // A declared `id` is validated with the record (the resource layer adds it), never stored.
        if schema.declares_id() {
            validated["id"] = case["data"]["id"].clone();
        }
        let checked = schema.validate(&mut validated);
        validated.as_object_mut().unwrap().shift_remove("id");
        if let Err(issues) = checked {
            failures.push(format!("{name}: validation {:?}", issues[0].message));
            continue;
        }
        let encoded = schema
            .encode_record(&validated, behavior_of(&case), &EncodeOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let obj = stored(&case);
        let got: BTreeMap<String, String> = encoded.wire_metadata().into_iter().collect();
        if got != metadata_of(obj) {
            failures.push(format!(
                "{name}: metadata\n  got  {got:?}\n  want {:?}",
                metadata_of(obj)
            ));
        }
        let body = String::from_utf8(encoded.body.clone().unwrap_or_default()).unwrap();
        if body != obj["body"].as_str().unwrap() {
            failures.push(format!(
                "{name}: body\n  got  {body}\n  want {}",
                obj["body"]
            ));
        }
        let content_type = encoded
            .content_type
            .as_deref()
            .unwrap_or("application/octet-stream");
        if content_type != obj["contentType"].as_str().unwrap() {
            failures.push(format!("{name}: content type {content_type}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Where 19.5.10 reads its own object back wrongly, s3db-codec keeps the declared type.
/// (19.5.10 returns object-form numbers and booleans as the stored text: `"1234.5"`, `"true"`.)
fn expected_read(case: &Value) -> Value {
    let mut want: Map<String, Value> = case["readBack"].as_object().unwrap().clone();
    want.shift_remove("id");
    if case["name"] == "object-form-scalars" {
        want.insert("n".into(), json!(1234.5));
        want.insert("i".into(), json!(99));
        want.insert("b".into(), json!(true));
        want.insert("m".into(), json!(12.34));
    }
    Value::Object(want)
}

#[test]
fn decoding_what_19x_stored_gives_the_record() {
    let mut failures = Vec::new();
    for case in cases() {
        let name = case["name"].as_str().unwrap();
        let schema = schema_for(&case);
        let obj = stored(&case);
        let meta: Vec<(String, String)> = metadata_of(obj).into_iter().collect();
        let body = obj["body"].as_str().unwrap().as_bytes();
        let decoded = schema
            .decode_record(&meta, (!body.is_empty()).then_some(body))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        if !decoded.problems.is_empty() {
            failures.push(format!("{name}: problems {:?}", decoded.problems));
        }
        let want = expected_read(&case);
        if decoded.data != want {
            failures.push(format!(
                "{name}: read\n  got  {}\n  want {want}",
                decoded.data
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn timestamps_after_nested_objects_keep_their_keys() {
    // The reported cross-read bug: `meta` takes key 5, createdAt/updatedAt 3 and 4, and
    // nothing of the record comes back as a stray numeric field.
    let case = cases()
        .into_iter()
        .find(|c| c["name"] == "nested-optional-timestamps")
        .unwrap();
    let schema = schema_for(&case);
    let keys: Vec<(&str, &str)> = schema
        .map()
        .iter()
        .map(|(p, k)| (p.as_str(), k.as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            ("text", "0"),
            ("meta.a", "1"),
            ("meta.b", "2"),
            ("createdAt", "3"),
            ("updatedAt", "4"),
            ("meta", "5")
        ]
    );
    let meta: Vec<(String, String)> = metadata_of(stored(&case)).into_iter().collect();
    let decoded = schema.decode_record(&meta, None).unwrap();
    let fields: Vec<&String> = decoded.data.as_object().unwrap().keys().collect();
    assert!(
        fields.iter().all(|k| k.parse::<u64>().is_err()),
        "{fields:?}"
    );
    assert_eq!(decoded.data["createdAt"], json!(FROZEN_CLOCK));
}
