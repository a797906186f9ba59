//! The metadata budget of a write, as s3db.js 19.5.10 computes it: an enforce-limits or
//! user-managed update counts the record's id (`2047 - size({_v, id})`), inserts, replaces and
//! the other behaviors' updates do not.

use s3db_codec::record::behavior::Behavior;
use s3db_codec::record::EncodeOptions;
use s3db_codec::schema::{Schema, SchemaOptions};
use s3db_codec::CodecError;
use serde_json::json;

fn schema() -> Schema {
    Schema::from_json(
        &json!({"title": "string", "note": "string|optional"}),
        SchemaOptions::default(),
    )
    .unwrap()
}

fn limit_of(behavior: Behavior, operation: &str, update_id: Option<&str>) -> usize {
    let data = json!({"title": "t", "note": "w".repeat(2300)});
    let opts = EncodeOptions {
        operation: Some(operation.into()),
        update_id: update_id.map(str::to_string),
        ..Default::default()
    };
    match schema().encode_record(&data, behavior, &opts) {
        Err(CodecError::MetadataLimit {
            effective_limit, ..
        }) => effective_limit,
        other => panic!("expected a metadata limit error, got {other:?}"),
    }
}

#[test]
fn an_enforce_limits_update_counts_its_id() {
    assert_eq!(limit_of(Behavior::EnforceLimits, "insert", None), 2043);
    assert_eq!(
        limit_of(Behavior::EnforceLimits, "update", Some("small")),
        2036
    );
}

#[test]
fn other_behaviors_do_not_count_the_id() {
    let data = json!({"title": "t", "note": "w".repeat(1990)});
    let opts = EncodeOptions {
        operation: Some("update".into()),
        update_id: Some("i".repeat(60)),
        ..Default::default()
    };
    // About 1,995 logical bytes: within the 2,043 of an update, over the 1,981 left were the 60-byte id counted.
    for behavior in [Behavior::TruncateData, Behavior::BodyOverflow] {
        let encoded = schema().encode_record(&data, behavior, &opts).unwrap();
        assert!(!encoded.truncated && !encoded.overflow, "{behavior:?}");
    }
}
