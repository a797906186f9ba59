//! What a resource records in `s3db.json`: the definition hash from the definition alone (as
//! every sample file of 16.x-21.x stored it), the same as the built resource's, and the entry
//! recorded for a version.

use s3db_core::client::Client;
use s3db_core::resource::{definition_hash, Resource, ResourceConfig};
use s3db_core::store::ConnectionConfig;
use serde_json::{json, Map, Value};
use std::sync::Arc;

const SAMPLES: &[&str] = &[
    "s3db.3-resources.v19.5.10.json",
    "s3db.3-resources.seed-16.2.0.json",
    "s3db.3-resources.v21.6.2.json",
    "s3db.after-schema-change.v19.5.10.json",
    "s3db.after-schema-change.seed-16.2.0.json",
];

fn sample(name: &str) -> Value {
    let path = format!(
        "{}/../codec/tests/fixtures/s3db-json/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn client() -> Arc<Client> {
    let connection = format!("memory://s3db-json-{}/app", fastrand::u32(..));
    Arc::new(Client::new(
        ConnectionConfig::parse(&connection).unwrap(),
        4,
    ))
}

#[test]
fn the_hash_of_a_definition_is_the_one_each_sample_stored() {
    let mut checked = 0;
    for name in SAMPLES {
        let meta = sample(name);
        for (resource, entry) in meta["resources"].as_object().unwrap() {
            for (version, data) in entry["versions"].as_object().unwrap() {
                let definition = json!({
                    "name": resource,
                    "attributes": data["attributes"],
                    "behavior": data["behavior"],
                    "timestamps": data["timestamps"],
                    "partitions": data["partitions"],
                });
                let config = ResourceConfig::from_json(&definition, false).unwrap();
                assert_eq!(
                    definition_hash(&config),
                    data["hash"].as_str().unwrap(),
                    "{name} {resource} {version}"
                );
                let built = Resource::new(client(), config).unwrap();
                assert_eq!(built.definition_hash(), data["hash"].as_str().unwrap());
                checked += 1;
            }
        }
    }
    assert!(checked >= 15);
}

#[test]
fn a_recorded_version_carries_the_definition_and_the_js_facts() {
    let definition = json!({
        "name": "users",
        "attributes": { "name": "string" },
        "behavior": "body-overflow",
        "timestamps": true,
        "partitions": ["name"],
        "version": "v2",
    });
    let resource = Resource::new(
        client(),
        ResourceConfig::from_json(&definition, true).unwrap(),
    )
    .unwrap();
    let facts: Map<String, Value> = serde_json::from_value(json!({
        "cache": false, "idSize": 22, "idGenerator": "default", "createdBy": "user",
        "hookHandlers": { "afterInsert": [] }
    }))
    .unwrap();
    let saved = json!({ "currentVersion": "v1", "partitions": {}, "createdBy": "user", "versions": { "v1": { "hash": "old" } } });
    let entry = resource.record_version(Some(saved), "v2", &facts, "2026-01-01T00:00:00.000Z");
    assert_eq!(entry["currentVersion"], "v2");
    assert_eq!(entry["versions"]["v1"], json!({ "hash": "old" }));
    let v2 = &entry["versions"]["v2"];
    assert_eq!(v2["hash"], resource.definition_hash());
    assert_eq!(
        v2["attributes"],
        json!({ "name": "string", "createdAt": "string|optional", "updatedAt": "string|optional" })
    );
    // The partitions as the core normalised them, recorded for the version and the resource.
    let partitions = json!({
        "byName": { "fields": { "name": "string" } },
        "byCreatedDate": { "fields": { "createdAt": "date|maxlength:10" } },
        "byUpdatedDate": { "fields": { "updatedAt": "date|maxlength:10" } },
    });
    assert_eq!(v2["partitions"], partitions);
    assert_eq!(entry["partitions"], partitions);
    assert_eq!(
        v2["hooks"],
        json!({ "afterInsert": { "count": 1, "handlers": [{ "name": null, "length": 1, "type": "function" }] } })
    );
    assert_eq!(
        entry["schemaRegistry"],
        serde_json::to_value(resource.schema().registry()).unwrap()
    );
    assert_eq!(entry["pluginSchemaRegistry"], json!({}));
    assert_eq!(resource.entry_for_upload(entry.clone()), entry);
}
