//! Behavior edge cases beyond the vectors: plugin maps, real header sizes, huge maps.

use s3db_codec::schema::{PluginAttribute, Schema, SchemaOptions};
use s3db_codec::{Behavior, CodecError, EncodeOptions};
use serde_json::{json, Map, Value};

fn with_plugin() -> Schema {
    let opts = SchemaOptions {
        plugin_attributes: vec![PluginAttribute {
            name: "_score".into(),
            definition: json!("number|optional"),
            plugin: "ScorePlugin".into(),
            key: None,
        }],
        ..Default::default()
    };
    Schema::from_json(&json!({"a": "string", "b": "string"}), opts).unwrap()
}

#[test]
fn user_managed_overflow_keeps_the_plugin_map_in_metadata() {
    let s = with_plugin();
    let data = json!({"a": "x".repeat(1500), "b": "y".repeat(700), "_score": 3});
    let enc = s
        .encode_record(&data, Behavior::UserManaged, &EncodeOptions::default())
        .unwrap();
    assert_eq!(
        enc.metadata,
        [
            ("_v".to_string(), "v1".to_string()),
            (
                "_pluginMap".to_string(),
                "{\"_score\":\"pnhj\"}".to_string()
            )
        ]
    );
    assert_eq!(enc.content_type.as_deref(), Some("application/json"));
    let limit = enc.exceeds_limit.clone().unwrap();
    assert_eq!(
        (limit.limit, limit.total_size),
        (2047, 1 + 1500 + 1 + 700 + 4 + 4 + 1)
    );
    // s3db.js reports the excess over the absolute limit, not the effective one.
    assert_eq!(limit.excess, limit.total_size as i64 - 2047);
    let back = s
        .decode_record_strict(&enc.wire_metadata(), enc.body.as_deref())
        .unwrap();
    assert_eq!(back.data, data);
}

#[test]
fn enforce_limits_counts_real_header_bytes() {
    let s = Schema::from_json(&json!({"a": "string"}), SchemaOptions::default()).unwrap();
    // 2001 logical bytes fit s3db.js's check, but percent-encoding makes 4005 header bytes.
    let text = format!("{}{}\n", " ".repeat(1000), "z".repeat(1000));
    let err = s
        .encode_record(
            &json!({"a": text}),
            Behavior::EnforceLimits,
            &EncodeOptions::default(),
        )
        .unwrap_err();
    assert!(matches!(err, CodecError::MetadataLimit { .. }), "{err}");
    let enc = s
        .encode_record(
            &json!({"a": text}),
            Behavior::UserManaged,
            &EncodeOptions::default(),
        )
        .unwrap();
    assert!(enc.body.is_some() && enc.wire_size() <= 2047);
}

#[test]
fn body_only_drops_a_map_too_large_for_headers() {
    let attrs: Map<String, Value> = (0..120)
        .map(|i| {
            (
                format!("a_rather_long_attribute_name_{i}"),
                json!("string|optional"),
            )
        })
        .collect();
    let s = Schema::from_json(&Value::Object(attrs), SchemaOptions::default()).unwrap();
    assert!(s.map_json().len() > 2047);
    let data = json!({"a_rather_long_attribute_name_7": "seven"});
    let enc = s
        .encode_record(&data, Behavior::BodyOnly, &EncodeOptions::default())
        .unwrap();
    assert_eq!(enc.metadata, [("_v".to_string(), "v1".to_string())]);
    assert_eq!(
        s.decode_record_strict(&enc.wire_metadata(), enc.body.as_deref())
            .unwrap()
            .data,
        data
    );
}

#[test]
fn behavior_names() {
    for name in [
        "user-managed",
        "enforce-limits",
        "truncate-data",
        "body-overflow",
        "body-only",
    ] {
        assert_eq!(name.parse::<Behavior>().unwrap().as_str(), name);
    }
    assert_eq!(
        "nope".parse::<Behavior>().unwrap_err().to_string(),
        "Unknown behavior: nope"
    );
}

#[test]
fn truncation_flags_only_when_something_was_cut() {
    let s = Schema::from_json(
        &json!({"a": "string", "n": "number"}),
        SchemaOptions::default(),
    )
    .unwrap();
    let enc = s
        .encode_record(
            &json!({"a": "short", "n": 1}),
            Behavior::TruncateData,
            &EncodeOptions::default(),
        )
        .unwrap();
    assert!(!enc.truncated && enc.metadata.iter().all(|(k, _)| k != "$truncated"));
    let enc = s
        .encode_record(
            &json!({"a": "é".repeat(3000), "n": 1}),
            Behavior::TruncateData,
            &EncodeOptions::default(),
        )
        .unwrap();
    assert!(enc.truncated && enc.wire_size() <= 2047);
    let back = s.decode_record_strict(&enc.wire_metadata(), None).unwrap();
    assert_eq!(back.data["n"], json!(1));
    assert!(back.data["a"].as_str().unwrap().chars().all(|c| c == 'é'));
    assert!(back.truncated);
}

#[test]
fn truncate_data_writes_no_plugin_map_and_schemas_are_shareable() {
    let s = with_plugin();
    let enc = s
        .encode_record(
            &json!({"a": "x", "b": "y", "_score": 1}),
            Behavior::TruncateData,
            &EncodeOptions::default(),
        )
        .unwrap();
    assert!(enc.metadata.iter().all(|(k, _)| k != "_pluginMap"));
    assert_eq!(
        s.decode_record_strict(&enc.wire_metadata(), None)
            .unwrap()
            .data["_score"],
        json!(1)
    );
    fn shareable<T: Send + Sync + Clone>(_: &T) {}
    shareable(&s);
}
