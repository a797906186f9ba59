//! The rules a database applies to `s3db.json` (`meta::document`): reading, repair and
//! healing, the version rule, the entries recorded for a resource and the uploaded text.

mod common;

use common::{fixture_text, S3DB_JSON_SAMPLES as SAMPLES};
use s3db_codec::meta::document::{
    self, choose_version, next_version, next_version_of, read, repair_json, ReadState,
};
use serde_json::{json, Map, Value};

const NOW: &str = "2026-01-02T03:04:05.678Z";

fn obj(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        other => panic!("not an object: {other}"),
    }
}

#[test]
fn files_of_16x_to_21x_read_as_stored_and_upload_byte_for_byte() {
    for name in SAMPLES {
        let text = fixture_text(name);
        let r = read(Some(&text), "19.5.10", NOW);
        assert_eq!(r.state, ReadState::Ok, "{name}");
        assert!(r.healing_log.is_empty(), "{name}");
        let stamp = r.metadata["lastUpdated"].as_str().unwrap().to_string();
        let mut meta = r.metadata.clone();
        assert_eq!(document::document(&mut meta, &stamp), text, "{name}");
    }
}

#[test]
fn no_file_reads_as_a_blank_one() {
    let r = read(None, "19.5.10", NOW);
    assert_eq!(r.state, ReadState::Missing);
    assert!(r.healing_log.is_empty());
    assert_eq!(
        r.metadata.to_string(),
        r#"{"version":"1","s3dbVersion":"19.5.10","lastUpdated":"2026-01-02T03:04:05.678Z","resources":{}}"#
    );
}

#[test]
fn heals_each_structural_problem_in_order() {
    let text = json!({
        "version": 2,
        "resources": {
            "gone": "x",
            "noVersions": { "currentVersion": "v1", "versions": {} },
            "onlyBroken": { "versions": { "v1": { "hash": "h" }, "v2": null } },
            "pickV1": { "currentVersion": "v9", "versions": { "v2": { "attributes": { "a": "string" } }, "v1": { "attributes": { "a": "string" } } } },
            "pickFirst": { "currentVersion": "", "versions": { "v3": { "attributes": {} }, "v2": { "attributes": {} } }, "partitions": [] },
            "noPartitions": { "currentVersion": "v1", "versions": { "v1": { "attributes": { "a": "string" } } }, "partitions": null },
            "fine": { "currentVersion": "v1", "versions": { "v1": { "attributes": { "a": "string" } } }, "partitions": {} }
        }
    })
    .to_string();
    let r = read(Some(&text), "19.5.10", NOW);
    assert_eq!(r.state, ReadState::Healed);
    assert_eq!(
        r.healing_log,
        [
            "Added missing or invalid version field",
            "Added missing s3dbVersion field",
            "Added missing lastUpdated field",
            "Removed invalid resource 'gone'",
            "Removed resource 'noVersions' with no valid versions",
            "Removed resource 'onlyBroken' with no valid versions",
            "Fixed currentVersion of 'pickV1'",
            "Added partitions to 'pickV1'",
            "Fixed currentVersion of 'pickFirst'",
            "Added partitions to 'noPartitions'",
        ]
    );
    let m = &r.metadata;
    // A field replaced keeps its place; one added goes last.
    let keys: Vec<&String> = m.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["version", "resources", "s3dbVersion", "lastUpdated"]);
    assert_eq!(m["version"], "1");
    assert_eq!(m["s3dbVersion"], "19.5.10");
    assert_eq!(m["lastUpdated"], NOW);
    let names: Vec<&String> = m["resources"].as_object().unwrap().keys().collect();
    assert_eq!(names, ["pickV1", "pickFirst", "noPartitions", "fine"]);
    assert_eq!(m["resources"]["pickV1"]["currentVersion"], "v1");
    // An array is an object to the rule: those partitions are kept.
    assert_eq!(m["resources"]["pickFirst"]["currentVersion"], "v3");
    assert_eq!(m["resources"]["pickFirst"]["partitions"], json!([]));
    assert_eq!(m["resources"]["noPartitions"]["partitions"], json!({}));
    assert_eq!(
        m["resources"]["fine"],
        json!({ "currentVersion": "v1", "versions": { "v1": { "attributes": { "a": "string" } } }, "partitions": {} })
    );
}

#[test]
fn heals_resources_that_are_not_an_object_and_files_that_are_not_one() {
    let r = read(
        Some(r#"{"version":"1","s3dbVersion":"x","lastUpdated":"t","resources":[]}"#),
        "v",
        NOW,
    );
    assert_eq!(r.state, ReadState::Healed);
    assert_eq!(r.healing_log, ["Fixed invalid resources field"]);
    assert_eq!(r.metadata["resources"], json!({}));
    for text in ["[1,2]", "null", "\"s3db\"", "7"] {
        let r = read(Some(text), "v", NOW);
        assert_eq!(r.state, ReadState::Healed, "{text}");
        assert_eq!(r.healing_log, [document::NOT_AN_OBJECT], "{text}");
        assert_eq!(r.metadata, document::blank("v", NOW), "{text}");
    }
}

#[test]
fn repairs_json_syntax_each_fix_on_the_one_before() {
    assert_eq!(
        repair_json(r#"{"a": [1, 2, ], "b": {"c": 1 ,}, }"#),
        Some(json!({"a": [1, 2], "b": {"c": 1}}))
    );
    assert_eq!(
        repair_json(r#"{version: "1", $r_2 : {x:1}}"#),
        Some(json!({"version": "1", "$r_2": {"x": 1}}))
    );
    // The fixes do not know strings: a `, c:` inside one is quoted too, and the text stays broken.
    assert_eq!(repair_json(r#"{"a": "b, c: d", e: 1}"#), None);
    assert_eq!(
        repair_json(r#"{"a": {"b": [1, 2"#),
        Some(json!({"a": {"b": [1, 2]}}))
    );
    // Brackets are closed before braces, whatever the nesting.
    assert_eq!(repair_json(r#"{"a": [1, {"c": 2"#), None);
    // All three in turn: the commas, then the keys, then the brackets.
    assert_eq!(
        repair_json(r#"{a: [1,], b: {c: 2"#),
        Some(json!({"a": [1], "b": {"c": 2}}))
    );
    assert_eq!(repair_json("not json at all <<<"), None);
    assert_eq!(repair_json(""), None);
    assert_eq!(repair_json("{1: 2}"), None);
}

#[test]
fn a_repaired_file_is_healed_and_reported_once() {
    let r = read(
        Some(r#"{"version": "1", "s3dbVersion": "x", "resources": {},}"#),
        "19.5.10",
        NOW,
    );
    assert_eq!(r.state, ReadState::Repaired);
    assert_eq!(r.healing_log, [document::REPAIRED]);
    assert_eq!(
        r.metadata,
        json!({"version": "1", "s3dbVersion": "x", "resources": {}, "lastUpdated": NOW})
    );
    let r = read(Some("not json at all <<<"), "19.5.10", NOW);
    assert_eq!(r.state, ReadState::Replaced);
    assert_eq!(r.healing_log, [document::REPLACED]);
    assert_eq!(r.metadata, document::blank("19.5.10", NOW));
}

#[test]
fn next_version_reads_each_key_as_parse_int_after_an_optional_v() {
    assert_eq!(next_version([]), "v1");
    assert_eq!(next_version(["v1", "v2", "v10", "v9"]), "v11");
    assert_eq!(next_version(["v3beta", "x", "v"]), "v4");
    assert_eq!(next_version(["5"]), "v6");
    assert_eq!(next_version(["v 7"]), "v8");
    assert_eq!(next_version(["v-3"]), "v-2");
    assert_eq!(next_version(["v9007199254740993"]), "v9007199254740992");
    assert_eq!(next_version_of(Some(&json!({"v1": {}, "v4": {}}))), "v5");
    assert_eq!(next_version_of(Some(&json!(null))), "v1");
    assert_eq!(next_version_of(None), "v1");
    // The typed reader applies the same rule.
    let meta = s3db_codec::meta::s3db_json::DatabaseMeta::parse(
        fixture_text("s3db-json/s3db.after-schema-change.v19.5.10.json").as_bytes(),
    )
    .unwrap();
    for (name, _) in &meta.resources {
        let r = meta.resource(name).unwrap().unwrap();
        assert_eq!(
            r.next_version(),
            next_version_of(meta.resources[name].get("versions"))
        );
    }
}

#[test]
fn a_definition_keeps_its_version_while_its_hash_is_the_saved_one() {
    let fresh = choose_version(None, "sha256:a");
    assert_eq!((fresh.version.as_str(), fresh.changed), ("v1", true));
    assert_eq!(choose_version(Some(&json!(null)), "sha256:a"), fresh);
    let saved = json!({ "currentVersion": "v2", "versions": { "v1": { "hash": "sha256:a" }, "v2": { "hash": "sha256:b" } } });
    let same = choose_version(Some(&saved), "sha256:b");
    assert_eq!((same.version.as_str(), same.changed), ("v2", false));
    assert_eq!(same.saved_hash.as_deref(), Some("sha256:b"));
    // An older version's hash is not the current one: a new version.
    let back = choose_version(Some(&saved), "sha256:a");
    assert_eq!((back.version.as_str(), back.changed), ("v3", true));
    assert_eq!(back.from_version.as_deref(), Some("v2"));
    let no_hash = choose_version(
        Some(&json!({ "currentVersion": "v1", "versions": { "v1": {} } })),
        "sha256:a",
    );
    assert_eq!(
        (
            no_hash.version.as_str(),
            no_hash.changed,
            no_hash.saved_hash
        ),
        ("v2", true, None)
    );
}

fn definition<'a>(
    attrs: &'a Map<String, Value>,
    partitions: &'a Map<String, Value>,
    timestamps: bool,
) -> document::Definition<'a> {
    document::Definition {
        hash: "sha256:h",
        attributes: attrs,
        behavior: "body-overflow",
        timestamps,
        partitions,
        paranoid: true,
        all_nested_objects_optional: true,
        auto_decrypt: false,
    }
}

#[test]
fn version_entries_have_19x_fields_in_19x_order() {
    let attrs = obj(json!({ "name": "string", "createdAt": "" }));
    let partitions = obj(json!({ "byName": { "fields": { "name": "string" } } }));
    let facts = obj(json!({
        "cache": null, "idSize": 10.5, "idGenerator": "custom", "createdBy": "user",
        "hookHandlers": { "beforeInsert": [{ "name": "check", "length": 1, "type": "function" }], "afterInsert": [], "beforeDelete": [] }
    }));
    let entry = document::version_entry(&definition(&attrs, &partitions, true), &facts, NOW);
    assert_eq!(
        s3db_codec::js::json::stringify_pretty(&entry),
        serde_json::to_string_pretty(&json!({
            "hash": "sha256:h",
            "attributes": { "name": "string", "createdAt": "string|optional", "updatedAt": "string|optional" },
            "behavior": "body-overflow",
            "timestamps": true,
            "partitions": { "byName": { "fields": { "name": "string" } } },
            "paranoid": true,
            "allNestedObjectsOptional": true,
            "autoDecrypt": false,
            "cache": false,
            "hooks": {
                "beforeInsert": { "count": 1, "handlers": [{ "name": "check", "length": 1, "type": "function" }] },
                "afterInsert": { "count": 1, "handlers": [{ "name": null, "length": 1, "type": "function" }] }
            },
            "idSize": 10.5,
            "idGenerator": "custom",
            "createdAt": NOW
        }))
        .unwrap()
    );
    // Without partitions no handler is added; persisted hooks are stored as given.
    let none = Map::new();
    let entry = document::version_entry(&definition(&attrs, &none, false), &facts, NOW);
    assert_eq!(
        entry["hooks"],
        json!({ "beforeInsert": { "count": 1, "handlers": [{ "name": "check", "length": 1, "type": "function" }] } })
    );
    assert_eq!(
        entry["attributes"],
        json!({ "name": "string", "createdAt": "" })
    );
    let persisted = obj(
        json!({ "hooks": { "beforeInsert": [{ "__s3db_serialized_function": true, "code": "x => x", "name": "" }] } }),
    );
    let entry = document::version_entry(&definition(&attrs, &partitions, false), &persisted, NOW);
    assert_eq!(entry["hooks"], persisted["hooks"]);
    assert!(entry.get("idSize").is_none() && entry.get("idGenerator").is_none());
}

fn registries<'a>(
    attrs: &'a [(String, String)],
    keys: &'a [(String, String)],
) -> document::Registries<'a> {
    document::Registries {
        schema: json!({ "nextIndex": 1, "mapping": { "name": 0 }, "burned": [] }),
        plugin_attributes: attrs,
        plugin_keys: keys,
    }
}

#[test]
fn plugin_registries_add_live_keys_and_keep_other_plugins() {
    let attrs = vec![
        ("_score".to_string(), "ScorePlugin".to_string()),
        ("_gone".to_string(), "ScorePlugin".to_string()),
    ];
    let keys = vec![("_score".to_string(), "pnhj".to_string())];
    let r = registries(&attrs, &keys);
    assert_eq!(
        document::plugin_registry(None, &r),
        json!({ "ScorePlugin": { "mapping": { "_score": "pnhj" }, "burned": [] } })
    );
    let saved = json!({ "Other": { "mapping": { "_x": "pabc" }, "burned": [] }, "ScorePlugin": { "mapping": { "_old": "pold" }, "burned": ["pzz"] } });
    assert_eq!(
        document::plugin_registry(Some(&saved), &r),
        json!({ "Other": { "mapping": { "_x": "pabc" }, "burned": [] }, "ScorePlugin": { "mapping": { "_old": "pold", "_score": "pnhj" }, "burned": ["pzz"] } })
    );
    assert_eq!(
        document::plugin_registry(Some(&json!([1])), &registries(&[], &[])),
        json!({})
    );
}

#[test]
fn an_upload_freezes_a_registry_for_entries_saved_without_one() {
    let r = registries(&[], &[]);
    let mut seed = json!({ "currentVersion": "v1", "pluginSchemaRegistry": { "P": { "mapping": {}, "burned": [] } }, "versions": {} });
    document::entry_for_upload(&mut seed, &r);
    let keys: Vec<&String> = seed.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "currentVersion",
            "versions",
            "schemaRegistry",
            "pluginSchemaRegistry"
        ]
    );
    assert_eq!(seed["schemaRegistry"], r.schema);
    assert_eq!(
        seed["pluginSchemaRegistry"],
        json!({ "P": { "mapping": {}, "burned": [] } })
    );
    // A saved registry is never replaced by the current one.
    let mut v19 = json!({ "schemaRegistry": { "nextIndex": 5 }, "currentVersion": "v1" });
    document::entry_for_upload(&mut v19, &r);
    assert_eq!(
        v19,
        json!({ "schemaRegistry": { "nextIndex": 5 }, "currentVersion": "v1", "pluginSchemaRegistry": {} })
    );
}

#[test]
fn recording_a_version_builds_or_extends_the_resource_entry() {
    let r = registries(&[], &[]);
    let partitions = obj(json!({ "byName": { "fields": { "name": "string" } } }));
    let fresh =
        document::record_version(None, "v1", json!({ "hash": "h1" }), &partitions, None, &r);
    assert_eq!(
        serde_json::to_string(&fresh).unwrap(),
        json!({
            "currentVersion": "v1", "partitions": { "byName": { "fields": { "name": "string" } } }, "createdBy": "user",
            "versions": { "v1": { "hash": "h1" } }, "schemaRegistry": r.schema.clone(), "pluginSchemaRegistry": {}
        })
        .to_string()
    );
    let by_plugin = document::record_version(
        None,
        "v1",
        json!({}),
        &partitions,
        Some(&json!("AuditPlugin")),
        &r,
    );
    assert_eq!(by_plugin["createdBy"], "AuditPlugin");
    let next = document::record_version(
        Some(fresh.clone()),
        "v2",
        json!({ "hash": "h2" }),
        &Map::new(),
        None,
        &r,
    );
    assert_eq!(next["currentVersion"], "v2");
    assert_eq!(next["partitions"], json!({}));
    assert_eq!(
        next["versions"],
        json!({ "v1": { "hash": "h1" }, "v2": { "hash": "h2" } })
    );
    let keys: Vec<&String> = next.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "currentVersion",
            "partitions",
            "createdBy",
            "versions",
            "schemaRegistry",
            "pluginSchemaRegistry"
        ]
    );
}

#[test]
fn the_uploaded_text_is_json_stringify_with_two_spaces_and_lastupdated_now() {
    let mut meta = json!({ "version": "1", "lastUpdated": "old", "resources": { "b": {}, "10": [], "2": { "x": 1.0 } }, "n": 1e21 });
    let text = document::document(&mut meta, NOW);
    assert_eq!(meta["lastUpdated"], NOW);
    assert_eq!(
        text,
        "{\n  \"version\": \"1\",\n  \"lastUpdated\": \"2026-01-02T03:04:05.678Z\",\n  \"resources\": {\n    \"2\": {\n      \"x\": 1\n    },\n    \"10\": [],\n    \"b\": {}\n  },\n  \"n\": 1e+21\n}"
    );
}

#[test]
fn a_saved_entry_restores_the_options_its_current_version_stored() {
    // A 16.x entry: the id size in `idGenerator`, partitions only on the resource, no registry.
    let seed = json!({
        "currentVersion": "v2",
        "partitions": { "byName": { "fields": { "name": "string" } } },
        "versions": {
            "v1": { "attributes": { "old": "string" } },
            "v2": { "hash": "h", "attributes": { "name": "string" }, "behavior": "body-only", "timestamps": false, "partitions": null, "idGenerator": 10, "idSize": 22 }
        }
    });
    assert_eq!(
        Value::Object(document::restore_options(&seed)).to_string(),
        json!({
            "attributes": { "name": "string" }, "behavior": "body-only", "timestamps": false,
            "partitions": { "byName": { "fields": { "name": "string" } } }, "idSize": 10
        })
        .to_string()
    );
    // A 19.x entry: every option, the registry and the hook summary kept as stored.
    let v19 = json!({
        "currentVersion": "v1", "partitions": {}, "createdBy": "user",
        "versions": { "v1": {
            "hash": "h", "attributes": { "a": "string" }, "behavior": "user-managed", "timestamps": true, "partitions": {},
            "paranoid": false, "allNestedObjectsOptional": true, "autoDecrypt": true, "cache": false, "asyncEvents": false,
            "hooks": { "afterInsert": { "count": 1, "handlers": [] } }, "idSize": 8, "idGenerator": "custom"
        } },
        "schemaRegistry": { "nextIndex": 2 }
    });
    assert_eq!(
        Value::Object(document::restore_options(&v19)).to_string(),
        json!({
            "attributes": { "a": "string" }, "behavior": "user-managed", "timestamps": true, "partitions": {},
            "paranoid": false, "allNestedObjectsOptional": true, "autoDecrypt": true, "asyncEvents": false, "idSize": 8,
            "createdBy": "user", "schemaRegistry": { "nextIndex": 2 }, "hooks": { "afterInsert": { "count": 1, "handlers": [] } }
        })
        .to_string()
    );
}
