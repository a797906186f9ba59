//! `s3db.json` samples: byte-exact round-trips of every shape and the definition hash.

mod common;

use common::{fixture_text, S3DB_JSON_SAMPLES as SAMPLES};
use s3db_codec::meta::s3db_json::DatabaseMeta;
use s3db_codec::schema::{Schema, SchemaOptions};
use serde_json::Value;

#[test]
fn samples_round_trip_byte_for_byte() {
    for name in SAMPLES {
        let text = fixture_text(name);
        let meta = DatabaseMeta::parse(text.as_bytes()).unwrap();
        assert_eq!(meta.to_json().unwrap(), text, "{name}");
        for (res, _) in &meta.resources {
            let r = meta.resource(res).unwrap().unwrap();
            let mut copy = meta.clone();
            copy.set_resource(res, &r).unwrap();
            assert_eq!(copy.to_json().unwrap(), text, "{name} {res}");
            for v in r.versions.keys() {
                r.version(v).unwrap().unwrap();
            }
        }
    }
}

#[test]
fn definition_hashes_match() {
    let mut checked = 0;
    for name in SAMPLES {
        let meta = DatabaseMeta::parse(fixture_text(name).as_bytes()).unwrap();
        for (res, _) in &meta.resources {
            let r = meta.resource(res).unwrap().unwrap();
            for v in r.versions.keys() {
                let data = r.version(v).unwrap().unwrap();
                let opts = SchemaOptions {
                    timestamps: data.timestamps,
                    ..Default::default()
                };
                let schema =
                    Schema::from_json(&Value::Object(data.attributes.clone()), opts).unwrap();
                let hash =
                    schema.definition_hash(&data.behavior, &Value::Object(data.partitions.clone()));
                assert_eq!(hash, data.hash, "{name} {res} {v}");
                checked += 1;
            }
        }
    }
    assert!(checked >= 15);
}

#[test]
fn registries_match_the_19x_samples() {
    let meta = DatabaseMeta::parse(
        fixture_text("s3db-json/s3db.after-schema-change.v19.5.10.json").as_bytes(),
    )
    .unwrap();
    let seed =
        DatabaseMeta::parse(fixture_text("s3db-json/s3db.3-resources.seed-16.2.0.json").as_bytes())
            .unwrap();
    for (res, _) in &meta.resources {
        let r = meta.resource(res).unwrap().unwrap();
        let data = r.current().unwrap().unwrap();
        let want = r.schema_registry.clone().unwrap();
        // Start from the seed file (no registry) and apply each version in order, as 19.x does.
        let seed_r = seed.resource(res).unwrap().unwrap();
        let first = seed_r.current().unwrap().unwrap();
        let opts = SchemaOptions {
            timestamps: first.timestamps,
            ..Default::default()
        };
        let initial = Schema::from_json(&Value::Object(first.attributes.clone()), opts)
            .unwrap()
            .registry();
        let opts = SchemaOptions {
            timestamps: data.timestamps,
            registry: Some(initial),
            ..Default::default()
        };
        let schema = Schema::from_json(&Value::Object(data.attributes.clone()), opts).unwrap();
        assert_eq!(schema.registry(), want, "{res}");
    }
}

#[test]
fn corrupt_files_are_errors() {
    for bad in [
        &b"not json"[..],
        b"{}",
        b"[1,2]",
        b"{\"version\":\"1\",\"s3dbVersion\":\"x\",\"lastUpdated\":\"t\",\"resources\":{\"a\":1}}",
    ] {
        assert!(DatabaseMeta::parse(bad).is_err());
    }
    let deep = "[".repeat(100_000);
    assert!(DatabaseMeta::parse(deep.as_bytes()).is_err());
}

/// The whole sample bucket: schemas come from its own `s3db.json`, every object decodes.
#[test]
fn bucket_dump_decodes_with_its_own_metadata() {
    let dump: Vec<Value> = serde_json::from_str(&fixture_text(
        "s3db-json/bucket-dump.3-resources.v19.5.10.json",
    ))
    .unwrap();
    let meta_obj = dump.iter().find(|o| o["key"] == "myapp/s3db.json").unwrap();
    let meta = DatabaseMeta::parse(meta_obj["body"].as_str().unwrap().as_bytes()).unwrap();
    let mut decoded = serde_json::Map::new();
    for obj in dump
        .iter()
        .filter(|o| o["key"].as_str().unwrap().contains("/data/id="))
    {
        let key = obj["key"].as_str().unwrap();
        let resource = key
            .split("resource=")
            .nth(1)
            .unwrap()
            .split('/')
            .next()
            .unwrap();
        let schema = meta
            .resource(resource)
            .unwrap()
            .unwrap()
            .schema(SchemaOptions::default())
            .unwrap();
        let md: Vec<(String, String)> = obj["metadata"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().into()))
            .collect();
        let rec = schema
            .decode_record_strict(&md, obj["body"].as_str().map(str::as_bytes))
            .unwrap();
        decoded.insert(resource.to_string(), rec.data);
    }
    assert_eq!(
        Value::Object(decoded),
        serde_json::json!({
            "users": {"name": "Ana", "email": "ana@example.com", "age": 31,
                      "address": {"city": "Lisbon", "country": "PT"},
                      "createdAt": "2025-11-15T12:34:56.789Z", "updatedAt": "2025-11-15T12:34:56.789Z"},
            "products": {"title": "Mug", "price": 9.5, "tags": ["kitchen"]},
            "audit_log": {"action": "login", "payload": {"ip": "10.0.0.1"}}
        })
    );
}
