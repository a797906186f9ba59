//! Property tests: every encoding round-trips, and no decoder panics on arbitrary input.

use proptest::prelude::*;
use s3db_codec::codec::{arrays, base62, decimal, geo, ip, password, secret};
use s3db_codec::meta::s3db_json::DatabaseMeta;
use s3db_codec::record::behavior::Behavior;
use s3db_codec::record::EncodeOptions;
use s3db_codec::schema::{Schema, SchemaOptions};
use serde_json::{json, Value};

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(|n| json!(n)),
        (-1e12f64..1e12).prop_map(|f| json!(f)),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec(("[a-z0-9_.$]{1,6}", inner), 0..5)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Numbers whose `String(n)` has no exponent below 1e-6 (those are lossy in s3db.js too).
fn lossless_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-9_007_199_254_740_991i64..9_007_199_254_740_991).prop_map(|n| n as f64),
        (-1e15f64..1e15).prop_filter("no tiny exponents", |f| *f == 0.0 || f.abs() >= 1e-6),
    ]
}

proptest! {
    #[test]
    fn integers_round_trip(n in -9_007_199_254_740_991i64..9_007_199_254_740_991) {
        let s = base62::encode_base62(n as f64).unwrap();
        prop_assert_eq!(base62::decode_base62(&s), Some(n as f64));
    }

    #[test]
    fn decimals_round_trip(x in lossless_number()) {
        let s = decimal::encode_decimal(x).unwrap();
        prop_assert_eq!(decimal::decode_decimal(&s), Some(if x == 0.0 { 0.0 } else { x }));
    }

    #[test]
    fn money_round_trips(cents in 0i64..100_000_000_000) {
        let v = cents as f64 / 100.0;
        prop_assert_eq!(decimal::decode_money(&decimal::encode_money(v, 2).unwrap(), 2), Some(v));
    }

    #[test]
    fn string_arrays_round_trip(items in prop::collection::vec(".{0,8}", 0..6)) {
        // `[""]` joins to `""`, which reads as `[]` in every version: not representable.
        prop_assume!(!(items.len() == 1 && items[0].is_empty()));
        prop_assert_eq!(arrays::split_strings(&arrays::join_strings(&items)), items);
    }

    #[test]
    fn number_arrays_round_trip(items in prop::collection::vec(-1_000_000i64..1_000_000, 0..8)) {
        let v: Vec<f64> = items.iter().map(|n| *n as f64).collect();
        for integer in [true, false] {
            let s = arrays::join_numbers(&v, integer).unwrap();
            prop_assert_eq!(arrays::split_numbers(&s, integer).unwrap(), v.clone());
        }
    }

    #[test]
    fn embeddings_round_trip_to_six_decimals(items in prop::collection::vec(-1.0f64..1.0, 0..16)) {
        let back = decimal::decode_fixed_point_batch(&decimal::encode_fixed_point_batch(&items, 6).unwrap(), 6).unwrap();
        prop_assert_eq!(back.len(), items.len());
        for (a, b) in items.iter().zip(back) {
            prop_assert!((a - b).abs() <= 5e-7 + 1e-12);
        }
    }

    #[test]
    fn geo_round_trips(lat in -90.0f64..90.0, lon in -180.0f64..180.0) {
        let (a, b) = geo::decode_point(&geo::encode_point(lat, lon, 6).unwrap(), 6).unwrap();
        prop_assert!((a - lat).abs() < 1e-6 && (b - lon).abs() < 1e-6);
    }

    #[test]
    fn ips_round_trip(v4 in any::<[u8; 4]>(), v6 in any::<[u16; 8]>()) {
        let a = std::net::Ipv4Addr::from(v4).to_string();
        prop_assert_eq!(ip::decode_ipv4(&ip::encode_ipv4(&a).unwrap()).unwrap(), a);
        let b = std::net::Ipv6Addr::from(v6);
        let back: std::net::Ipv6Addr = ip::decode_ipv6(&ip::encode_ipv6(&b.to_string()).unwrap()).unwrap().parse().unwrap();
        prop_assert_eq!(back, b);
    }

    #[test]
    fn decoders_never_panic(s in ".{0,80}") {
        let _ = base62::decode_base62(&s);
        let _ = base62::decode_base36(&s);
        let _ = decimal::decode_decimal(&s);
        let _ = decimal::decode_fixed_point(&s, 4);
        let _ = decimal::decode_fixed_point_batch(&s, 6);
        let _ = decimal::decode_money(&s, 2);
        let _ = arrays::split_numbers(&s, false);
        let _ = arrays::split_strings(&s);
        let _ = geo::decode_point(&s, 6);
        let _ = ip::decode_ipv4(&s);
        let _ = ip::decode_ipv6(&s);
        let _ = password::expand(&s, 10);
        let _ = s3db_codec::codec::datetime::decode_datetime(&s);
        let _ = s3db_codec::codec::datetime::millis_from_iso(&format!("2025-01-01T00:00:00{s}Z"));
        let _ = s3db_codec::keys::partition::partition_value("date|maxlength:10", &json!(s));
        let _ = s3db_codec::metadata_encoding::decode_value(&s);
        let _ = DatabaseMeta::parse(s.as_bytes());
        if !secret::looks_encrypted(&s) {
            prop_assert!(secret::decrypt(&s, "p").is_err());
        }
    }

    #[test]
    fn arbitrary_definitions_never_panic(def in arb_json()) {
        if let Ok(schema) = Schema::from_json(&def, SchemaOptions::default()) {
            let mut data = json!({});
            let _ = schema.validate(&mut data);
        }
    }

    #[test]
    fn arbitrary_objects_never_panic(meta in prop::collection::vec(("[_a-z0-9]{1,4}", ".{0,20}"), 0..8), body in ".{0,40}") {
        let schema = Schema::from_json(&json!({
            "s": "string", "n": "number", "i": "number|integer", "b": "boolean", "t": "array|items:string",
            "e": "embedding:2", "ip": "ip4", "m": "money", "g": "geo:point", "j": "json", "o": {"x": "decimal:3"}
        }), SchemaOptions::default()).unwrap();
        let _ = schema.decode_record(&meta, Some(body.as_bytes()));
        let _ = schema.decode_record(&meta, None);
    }

    #[test]
    fn arbitrary_records_never_panic(data in arb_json()) {
        let schema = Schema::from_json(&json!({"a": "string|optional", "n": {"x": "number|optional"}}), SchemaOptions::default()).unwrap();
        let mut d = data.clone();
        let _ = schema.validate(&mut d);
        for b in [Behavior::UserManaged, Behavior::EnforceLimits, Behavior::TruncateData, Behavior::BodyOverflow, Behavior::BodyOnly] {
            if let Ok(enc) = schema.encode_record(&data, b, &EncodeOptions::default()) {
                prop_assert!(enc.wire_size() <= 2047);
                let _ = schema.decode_record(&enc.wire_metadata(), enc.body.as_deref());
            }
        }
    }
}

/// JSON equality where numbers compare by value; geo decoding (`n / 10^P - 180`) may differ
/// from the input in the last bits, as it does in s3db.js.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            (x - y).abs() <= 1e-9 * x.abs().max(1.0)
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

fn typed_schema() -> Schema {
    Schema::from_json(
        &json!({
            "name": "string", "age": "number|optional", "count": "number|integer", "ok": "boolean",
            "tags": "array|items:string", "scores": "array|items:number", "vec": "embedding:3",
            "meta": "json", "ip": "ip4", "ip6": "ip6", "price": "money", "ratio": "decimal:4",
            "lat": "geo:lat", "pt": "geo:point", "token": "secret",
            "address": {"city": "string", "geo": {"$$type": "object", "lon": "geo:lon"}}
        }),
        SchemaOptions {
            passphrase: "prop-pass".into(),
            ..Default::default()
        },
    )
    .unwrap()
}

prop_compose! {
    fn typed_record()(
        name in "[a-zA-Z0-9 çé🔥|\\\\]{1,40}",
        age in prop::option::of(-1000i32..1000),
        count in -1_000_000i64..1_000_000,
        ok in any::<bool>(),
        tags in prop::collection::vec("[a-z|\\\\]{1,6}", 0..4),
        scores in prop::collection::vec(-1000i32..1000, 0..4),
        vec in prop::collection::vec(-1_000_000i64..1_000_000, 3..=3),
        ip in any::<[u8; 4]>(),
        cents in 0i64..10_000_000,
        ratio in -100_000i64..100_000,
        lat in -90_000_000i64..90_000_000,
        token in ".{0,30}",
        city in "[a-z]{1,10}",
        lon in -180_000_000i64..180_000_000,
    ) -> Value {
        let mut v = json!({
            "name": name.trim(), "count": count, "ok": ok, "tags": tags, "scores": scores,
            "vec": vec.iter().map(|x| *x as f64 / 1e6).collect::<Vec<_>>(),
            "meta": {"k": [1, "x", null]}, "ip": std::net::Ipv4Addr::from(ip).to_string(), "ip6": "2001:db8::1",
            "price": cents as f64 / 100.0, "ratio": ratio as f64 / 1e4, "lat": lat as f64 / 1e6,
            "pt": {"latitude": 1.5, "longitude": -2.25}, "token": token,
            "address": {"city": city, "geo": {"lon": lon as f64 / 1e6}},
        });
        if let Some(a) = age { v["age"] = json!(a); }
        v
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn typed_records_round_trip_through_every_behavior(record in typed_record()) {
        let schema = typed_schema();
        let mut data = record.clone();
        prop_assume!(!data["name"].as_str().unwrap_or("").is_empty());
        schema.validate(&mut data).unwrap();
        for b in [Behavior::UserManaged, Behavior::BodyOverflow, Behavior::BodyOnly, Behavior::EnforceLimits, Behavior::TruncateData] {
            let enc = schema.encode_record(&data, b, &EncodeOptions::default()).unwrap();
            prop_assert!(enc.wire_size() <= 2047);
            let dec = schema.decode_record_strict(&enc.wire_metadata(), enc.body.as_deref()).unwrap();
            prop_assert!(same(&dec.data, &data), "{:?}\n{}\n{}", b, dec.data, data);
        }
    }
}

/// Text with characters the client layer escapes (`u:`/`b:`), so encoded sizes grow.
const TEXT: &str = "[a-zé🔥 %\\n]{0,400}";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Large records: overflow keeps everything, truncation only shortens plain strings, and
    /// no placement exceeds the real 2 KB header limit, whatever the text encodes to.
    #[test]
    fn large_records_fit_real_headers(values in prop::collection::vec(TEXT, 12)) {
        let attrs: serde_json::Map<String, Value> = (0..12).map(|i| (format!("f{i}"), json!("string|optional"))).collect();
        let schema = Schema::from_json(&Value::Object(attrs), SchemaOptions::default()).unwrap();
        let data: serde_json::Map<String, Value> = values.iter().enumerate().map(|(i, v)| (format!("f{i}"), json!(v))).collect();
        let data = Value::Object(data);
        for b in [Behavior::UserManaged, Behavior::BodyOverflow, Behavior::BodyOnly] {
            let enc = schema.encode_record(&data, b, &EncodeOptions::default()).unwrap();
            prop_assert!(enc.wire_size() <= 2047);
            let dec = schema.decode_record_strict(&enc.wire_metadata(), enc.body.as_deref()).unwrap();
            prop_assert_eq!(&dec.data, &data);
        }
        let enc = schema.encode_record(&data, Behavior::TruncateData, &EncodeOptions::default()).unwrap();
        prop_assert!(enc.wire_size() <= 2047);
        let dec = schema.decode_record_strict(&enc.wire_metadata(), None).unwrap();
        for (k, v) in dec.data.as_object().unwrap() {
            let full = data[k].as_str().unwrap();
            let got = v.as_str().unwrap();
            prop_assert!(full.starts_with(got) && (got == full || !got.is_empty()));
        }
        match schema.encode_record(&data, Behavior::EnforceLimits, &EncodeOptions::default()) {
            Ok(enc) => prop_assert!(enc.wire_size() <= 2047),
            Err(e) => {
                let is_limit = matches!(e, s3db_codec::CodecError::MetadataLimit { .. });
                prop_assert!(is_limit);
            }
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let mut deep = json!(1);
    for _ in 0..600 {
        deep = json!([deep]);
    }
    let schema = Schema::from_json(
        &json!({"j": "json", "n": {"x": "string|optional"}}),
        SchemaOptions::default(),
    )
    .unwrap();
    assert!(schema
        .encode_record(
            &json!({"j": deep.clone()}),
            Behavior::UserManaged,
            &EncodeOptions::default()
        )
        .is_err());
    assert!(schema
        .encode_record(
            &json!({"other": deep.clone()}),
            Behavior::UserManaged,
            &EncodeOptions::default()
        )
        .is_err());
    let mut obj = json!({});
    for _ in 0..600 {
        obj = json!({"k": obj});
    }
    assert!(schema
        .encode_record(
            &json!({"n": obj.clone()}),
            Behavior::UserManaged,
            &EncodeOptions::default()
        )
        .is_err());
    let mut data = json!({"n": obj});
    assert!(schema.validate(&mut data).is_err() || data.is_object());
    let body = format!("{}{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
    assert!(schema.decode_record(&[], Some(body.as_bytes())).is_ok());
    let def = format!("{{\"a\":{}1{}}}", "{\"b\":".repeat(2000), "}".repeat(2000));
    let def: Result<Value, _> = serde_json::from_str(&def);
    if let Ok(def) = def {
        assert!(Schema::from_json(&def, SchemaOptions::default()).is_err());
    }
}

#[test]
fn read_back_system_fields_are_not_written_again() {
    let schema = Schema::from_json(&json!({"a": "string"}), SchemaOptions::default()).unwrap();
    let data = json!({"id": "x", "a": "v", "_v": "1", "_etag": "\"e\"", "_lastModified": "t", "_definitionHash": "h", "$overflow": true});
    let enc = schema
        .encode_record(&data, Behavior::UserManaged, &EncodeOptions::default())
        .unwrap();
    assert_eq!(
        enc.metadata,
        [
            ("0".to_string(), "v".to_string()),
            ("_v".to_string(), "v1".to_string())
        ]
    );
}

fn every_type_schema() -> Schema {
    Schema::from_json(
        &json!({
            "s": "string|optional|min:1|max:20|pattern:^[a-z]+$", "e": "email|optional", "u": "url|optional",
            "id": "uuid|optional", "mac": "mac|optional", "card": "luhn|optional", "d": "date|optional",
            "dt": "datetime|optional", "n": "number|optional|integer|positive", "b": "boolean|optional",
            "en": {"type": "enum", "values": ["a", 1], "optional": true}, "t": "array|items:string|optional|unique",
            "nums": "array|items:number|optional", "emb": "embedding:2|optional", "ip": "ip4|optional",
            "ip6": "ip6|optional", "m": "money|optional", "c": "crypto:4|optional", "dec": "decimal:3|optional",
            "lat": "geo:lat|optional", "lon": "geo:lon|optional", "pt": "geo:point|optional", "j": "json|optional",
            "o": "object|optional", "any": "any|optional", "multi": ["string", "number"], "buf": "buffer|optional",
            "bits": "bits:16|optional", "nested": {"x": "string|optional", "deep": {"$$type": "object|optional", "y": "number"}},
            "form": {"type": "array", "items": {"type": "number", "integer": true}, "optional": true}
        }),
        SchemaOptions::default(),
    )
    .unwrap()
}

proptest! {
    #[test]
    fn every_type_validates_encodes_and_decodes_without_panics(
        entries in prop::collection::vec((prop::sample::select(vec![
            "s", "e", "u", "id", "mac", "card", "d", "dt", "n", "b", "en", "t", "nums", "emb", "ip", "ip6", "m",
            "c", "dec", "lat", "lon", "pt", "j", "o", "any", "multi", "buf", "bits", "nested", "form"]), arb_json()), 0..10)
    ) {
        let schema = every_type_schema();
        let mut data = json!({"multi": "x"});
        for (k, v) in entries {
            data[k] = v;
        }
        let raw = data.clone();
        let valid = schema.validate(&mut data).is_ok();
        for input in [&raw, &data] {
            for b in [Behavior::UserManaged, Behavior::TruncateData, Behavior::BodyOverflow, Behavior::BodyOnly] {
                if let Ok(enc) = schema.encode_record(input, b, &EncodeOptions::default()) {
                    prop_assert!(enc.wire_size() <= 2047);
                    let dec = schema.decode_record(&enc.wire_metadata(), enc.body.as_deref());
                    prop_assert!(dec.is_ok());
                }
            }
        }
        if valid {
            let enc = schema.encode_record(&data, Behavior::BodyOnly, &EncodeOptions::default());
            prop_assert!(enc.is_ok(), "{:?} for {}", enc.err(), data);
        }
    }
}
