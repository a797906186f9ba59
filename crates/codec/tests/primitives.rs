//! Every row of the unit-level vectors (`primitives.json`) that belongs to the storage codec.

mod common;

use common::{as_f64, fixture, marker_number, unmark};
use s3db_codec::codec::{arrays, base62, decimal, geo, ip};
use s3db_codec::metadata_encoding::{decode_value, encode_value, MetaValue};
use s3db_codec::record::limits::{calculate_total_size, effective_limit};
use s3db_codec::schema::mapping::{keys_by_position, mappable_paths, KeyAlphabet};
use s3db_codec::schema::plugin_keys::plugin_key_base;
use serde_json::{json, Value};

fn rows(group: &str) -> Vec<Value> {
    let all = fixture("primitives.json");
    all["groups"][group]["rows"]
        .as_array()
        .unwrap_or_else(|| panic!("group {group}"))
        .clone()
}

fn nums(v: &Value) -> Vec<f64> {
    v.as_array().unwrap().iter().map(as_f64).collect()
}

fn out_num(v: &Value) -> f64 {
    as_f64(v)
}

#[test]
fn base62_and_base36() {
    for r in rows("base62.encode") {
        let got = base62::encode_base62(as_f64(&r["input"])).unwrap_or_else(|| "undefined".into());
        assert_eq!(got, r["output"].as_str().unwrap(), "{r}");
    }
    for r in rows("base62.decode") {
        let got = base62::decode_base62(r["input"].as_str().unwrap());
        match marker_number(&r["output"]) {
            Some(n) if n.is_nan() => assert_eq!(got, None, "{r}"),
            _ => assert_eq!(got, Some(out_num(&r["output"])), "{r}"),
        }
    }
    for r in rows("base36.encodeKey") {
        assert_eq!(
            base62::encode_base36(r["input"].as_u64().unwrap() as usize),
            r["output"].as_str().unwrap()
        );
    }
}

#[test]
fn decimal_forms() {
    for r in rows("base62.encodeDecimal") {
        assert_eq!(
            decimal::encode_decimal(as_f64(&r["input"])).unwrap(),
            r["output"].as_str().unwrap(),
            "{r}"
        );
    }
    for r in rows("base62.decodeDecimal") {
        assert_eq!(
            decimal::decode_decimal(r["input"].as_str().unwrap()),
            Some(out_num(&r["output"])),
            "{r}"
        );
    }
    for r in rows("base62.encodeFixedPoint")
        .into_iter()
        .chain(rows("action.encodeDecimalFixed"))
    {
        let p = r["precision"].as_u64().unwrap() as u32;
        let out = r["output"].as_str().unwrap();
        assert_eq!(
            decimal::encode_fixed_point(as_f64(&r["input"]), p).unwrap(),
            out,
            "{r}"
        );
        let back = decimal::decode_fixed_point(out, p).unwrap();
        assert!(
            (back - as_f64(&r["input"])).abs() <= 0.5 / 10f64.powi(p as i32) + 1e-12,
            "{r}"
        );
    }
    for r in rows("base62.encodeFixedPointBatch") {
        let p = r["precision"].as_u64().unwrap() as u32;
        assert_eq!(
            decimal::encode_fixed_point_batch(&nums(&r["input"]), p).unwrap(),
            r["output"].as_str().unwrap()
        );
    }
    for r in rows("action.encodeMoney") {
        let d = r["decimals"].as_u64().unwrap() as u32;
        assert_eq!(
            decimal::encode_money(as_f64(&r["input"]), d).unwrap(),
            r["output"].as_str().unwrap(),
            "{r}"
        );
    }
}

#[test]
fn arrays_and_booleans() {
    for r in rows("action.fromArray") {
        let items: Vec<String> = r["input"]
            .as_array()
            .unwrap()
            .iter()
            .map(s3db_codec::record::values::js_string)
            .collect();
        assert_eq!(arrays::join_strings(&items), r["output"].as_str().unwrap());
    }
    for r in rows("action.toArray") {
        let got = arrays::split_strings(r["input"].as_str().unwrap());
        assert_eq!(json!(got), r["output"], "{r}");
    }
    for r in rows("action.fromArrayOfNumbers") {
        assert_eq!(
            arrays::join_numbers(&nums(&r["input"]), true).unwrap(),
            r["output"].as_str().unwrap()
        );
    }
    for r in rows("action.fromArrayOfDecimals") {
        assert_eq!(
            arrays::join_numbers(&nums(&r["input"]), false).unwrap(),
            r["output"].as_str().unwrap()
        );
    }
    let schema =
        s3db_codec::schema::Schema::from_json(&json!({"b": "boolean"}), Default::default())
            .unwrap();
    for r in rows("action.fromBool") {
        let data = json!({ "b": r["input"] });
        let enc = schema.map_record(&data, false).unwrap();
        assert_eq!(
            enc.get("0").unwrap().meta_text(),
            r["output"].as_str().unwrap(),
            "{r}"
        );
    }
    for r in rows("action.toBool") {
        let meta = vec![(
            "0".to_string(),
            MetaValue::Str(r["input"].as_str().unwrap().into()),
        )];
        let dec = schema.decode_logical(&meta, None).unwrap();
        assert_eq!(dec.data["b"], r["output"], "{r}");
    }
}

#[test]
fn json_values() {
    let schema =
        s3db_codec::schema::Schema::from_json(&json!({"j": "json"}), Default::default()).unwrap();
    for r in rows("action.toJSON") {
        let enc = schema
            .map_record(&json!({ "j": r["input"] }), false)
            .unwrap();
        match r["output"].as_str() {
            Some(out) => assert_eq!(enc.get("0").unwrap().meta_text(), out, "{r}"),
            None => assert_eq!(enc.get("0").unwrap().meta_text(), "null"),
        }
    }
}

#[test]
fn geo_and_ip() {
    for r in rows("geo.encodeGeoLat") {
        let p = r["precision"].as_u64().unwrap() as u32;
        assert_eq!(
            geo::encode_lat(as_f64(&r["input"]), p).unwrap(),
            r["output"].as_str().unwrap()
        );
    }
    for r in rows("geo.encodeGeoLon") {
        let p = r["precision"].as_u64().unwrap() as u32;
        assert_eq!(
            geo::encode_lon(as_f64(&r["input"]), p).unwrap(),
            r["output"].as_str().unwrap()
        );
    }
    for r in rows("geo.encodeGeoPoint") {
        let p = r["precision"].as_u64().unwrap() as u32;
        let pt = nums(&r["input"]);
        assert_eq!(
            geo::encode_point(pt[0], pt[1], p).unwrap(),
            r["output"].as_str().unwrap()
        );
    }
    for r in rows("ip.encodeIPv4") {
        let out = r["output"].as_str().unwrap();
        assert_eq!(ip::encode_ipv4(r["input"].as_str().unwrap()).unwrap(), out);
        assert_eq!(ip::decode_ipv4(out).unwrap(), r["input"].as_str().unwrap());
    }
    for r in rows("ip.encodeIPv6") {
        assert_eq!(
            ip::encode_ipv6(r["input"].as_str().unwrap()).unwrap(),
            r["output"].as_str().unwrap()
        );
    }
    for r in rows("ip.decodeIPv6") {
        assert_eq!(
            ip::decode_ipv6(r["input"].as_str().unwrap()).unwrap(),
            r["output"].as_str().unwrap()
        );
    }
}

#[test]
fn client_layer_encoding() {
    // Two rows differ on purpose in the client layer (see COMPATIBILITY.md (Storage codec)): `font/woff2` is
    // written verbatim and a URL prefix is not dictionary-coded before non-ASCII text.
    for r in rows("metadataEncode") {
        let input = r["input"].as_str().unwrap();
        let got = encode_value(input);
        if input == "font/woff2" || input.starts_with("https://ü") {
            assert_eq!(decode_value(&got), MetaValue::Str(input.into()), "{r}");
            continue;
        }
        assert_eq!(got, r["output"].as_str().unwrap(), "{r}");
    }
    for r in rows("metadataDecode") {
        let want = match &r["output"] {
            Value::Null => MetaValue::Null,
            v if common::is_undefined(v) => MetaValue::Undefined,
            v => MetaValue::Str(v.as_str().unwrap().into()),
        };
        assert_eq!(decode_value(r["input"].as_str().unwrap()), want, "{r}");
    }
}

#[test]
fn sizes_and_limits() {
    for r in rows("calculateTotalSize") {
        assert_eq!(
            calculate_total_size(r["input"].as_object().unwrap()),
            r["output"].as_u64().unwrap() as usize,
            "{r}"
        );
    }
    for r in rows("calculateEffectiveLimit") {
        let i = &r["input"];
        let got = effective_limit(
            i["version"].as_str().unwrap(),
            i["timestamps"].as_bool().unwrap_or(false),
            i["id"].as_str(),
        );
        assert_eq!(got, r["output"].as_u64().unwrap() as usize, "{r}");
    }
}

#[test]
fn flatten_of_undeclared_fields() {
    let schema = s3db_codec::schema::Schema::from_json(
        &json!({"zz": "string|optional"}),
        Default::default(),
    )
    .unwrap();
    for r in rows("flatten.safe") {
        let enc = schema
            .map_record(&unmark(&r["input"]).unwrap(), false)
            .unwrap();
        for (path, value) in r["output"].as_object().unwrap() {
            let got = enc
                .get(path)
                .unwrap_or_else(|| panic!("{path} missing in {enc:?}"));
            assert_eq!(
                got.body_value(),
                match value {
                    Value::Object(_) | Value::Array(_) =>
                        Value::String(s3db_codec::js::json::stringify(value)),
                    v => v.clone(),
                }
            );
        }
    }
}

#[test]
fn schema_maps() {
    let all = fixture("primitives.json");
    let group = &all["groups"]["schema.map"];
    for r in group["rows"].as_array().unwrap() {
        let paths = mappable_paths(r["input"].as_object().unwrap(), &[]);
        let got: serde_json::Map<String, Value> = keys_by_position(&paths, KeyAlphabet::Base36)
            .into_iter()
            .map(|(p, k)| (p, Value::String(k)))
            .collect();
        assert_eq!(Value::Object(got), r["output"], "{r}");
    }
    for r in group["seed_16_2_0"]["rows"].as_array().unwrap() {
        let paths = mappable_paths(r["input"].as_object().unwrap(), &[]);
        let got: serde_json::Map<String, Value> = keys_by_position(&paths, KeyAlphabet::Base62)
            .into_iter()
            .map(|(p, k)| (p, Value::String(k)))
            .collect();
        assert_eq!(Value::Object(got), r["output"], "{r}");
    }
    for r in rows("schema.pluginMap") {
        let i = &r["input"];
        assert_eq!(
            plugin_key_base(
                i["plugin"].as_str().unwrap(),
                i["attribute"].as_str().unwrap()
            ),
            r["output"].as_str().unwrap()
        );
    }
}
