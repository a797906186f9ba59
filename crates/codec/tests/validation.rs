//! Validation semantics and fastest-validator messages.

mod common;

use common::{fixture, unmark};
use s3db_codec::schema::{PluginAttribute, Schema, SchemaOptions};
use s3db_codec::validate::ValidationIssue;
use serde_json::{json, Value};

fn schema(attrs: Value) -> Schema {
    Schema::from_json(&attrs, SchemaOptions::default()).unwrap()
}

fn issues(attrs: Value, mut data: Value) -> Vec<ValidationIssue> {
    schema(attrs).validate(&mut data).err().unwrap_or_default()
}

fn messages(attrs: Value, data: Value) -> Vec<String> {
    issues(attrs, data).into_iter().map(|i| i.message).collect()
}

#[test]
fn string_rules_and_messages() {
    let attrs = json!({"name": "string|required|min:2|max:5"});
    assert_eq!(
        messages(attrs.clone(), json!({"name": "A"})),
        ["The 'name' field length must be greater than or equal to 2 characters long."]
    );
    assert_eq!(
        messages(attrs.clone(), json!({"name": "Abcdefg"})),
        ["The 'name' field length must be less than or equal to 5 characters long."]
    );
    assert_eq!(
        messages(attrs.clone(), json!({})),
        ["The 'name' field is required."]
    );
    assert_eq!(
        messages(attrs.clone(), json!({"name": 3})),
        ["The 'name' field must be a string."]
    );
    let i = &issues(attrs, json!({"name": "A"}))[0];
    assert_eq!(
        (i.kind.as_str(), i.field.as_str(), &i.expected, &i.actual),
        ("stringMin", "name", &Some(json!(2)), &Some(json!(1)))
    );
    assert_eq!(
        serde_json::to_value(i).unwrap(),
        json!({"type": "stringMin", "message": i.message, "field": "name", "expected": 2, "actual": 1})
    );
}

#[test]
fn strings_are_trimmed_and_checked() {
    let s = schema(json!({"code": "string|length:3|alpha", "p": "string|pattern:^a+$|optional"}));
    let mut d = json!({"code": "  abc  "});
    s.validate(&mut d).unwrap();
    assert_eq!(d["code"], "abc");
    let mut d = json!({"code": "ab1", "p": "bbb"});
    let kinds: Vec<String> = s
        .validate(&mut d)
        .unwrap_err()
        .into_iter()
        .map(|i| i.kind)
        .collect();
    assert_eq!(kinds, ["stringAlpha", "stringPattern"]);
}

#[test]
fn numbers_convert_and_check() {
    let s = schema(json!({"n": "number|integer|positive", "m": "number|min:10|optional"}));
    let mut d = json!({"n": "5"});
    s.validate(&mut d).unwrap();
    assert_eq!(d["n"], json!(5));
    assert_eq!(
        messages(json!({"n": "number|integer|positive"}), json!({"n": -1.5})),
        [
            "The 'n' field must be an integer.",
            "The 'n' field must be a positive number."
        ]
    );
    assert_eq!(
        messages(json!({"n": "number"}), json!({"n": "abc"})),
        ["The 'n' field must be a number."]
    );
    assert_eq!(
        messages(json!({"m": "number|min:10"}), json!({"m": 3})),
        ["The 'm' field must be greater than or equal to 10."]
    );
}

#[test]
fn optional_null_default_and_required() {
    let s = schema(
        json!({"a": "string|optional", "b": "number|default:7", "c": "boolean|default:true", "d": {"type": "string", "default": "x"}}),
    );
    let mut d = json!({"a": null});
    s.validate(&mut d).unwrap();
    assert_eq!(d, json!({"a": null, "b": 7, "c": true, "d": "x"}));
    let i = &issues(json!({"a": "string"}), json!({"a": null}))[0];
    assert_eq!(
        (i.kind.as_str(), &i.actual),
        ("required", &Some(Value::Null))
    );
}

#[test]
fn objects_remove_unknown_nested_keys_and_keep_root_ones() {
    let s = schema(
        json!({"name": "string", "address": {"city": "string", "geo": {"$$type": "object", "lat": "number"}}}),
    );
    let mut d = json!({"name": "n", "extra": 1, "address": {"city": "c", "zip": "z", "geo": {"lat": "1.5", "x": 1}}});
    s.validate(&mut d).unwrap();
    assert_eq!(
        d,
        json!({"name": "n", "extra": 1, "address": {"city": "c", "geo": {"lat": 1.5}}})
    );
    // Plain nested objects are optional; `$$type: object` inside them is required when present.
    let mut d = json!({"name": "n"});
    s.validate(&mut d).unwrap();
    assert_eq!(
        messages(
            json!({"o": {"$$type": "object|required", "x": "string"}}),
            json!({})
        ),
        ["The 'o' field is required."]
    );
    assert_eq!(
        messages(json!({"o": "object"}), json!({"o": 5})),
        ["The 'o' must be an Object."]
    );
    assert_eq!(
        messages(json!({"o": {"x": "string"}}), json!({"o": {"x": 1}})),
        ["The 'o.x' field must be a string."]
    );
}

#[test]
fn arrays_items_and_embeddings() {
    assert_eq!(
        messages(
            json!({"tags": "array|items:string"}),
            json!({"tags": ["a", 1]})
        ),
        ["The 'tags[1]' field must be a string."]
    );
    assert_eq!(
        messages(json!({"v": "embedding:3"}), json!({"v": [0.1, 0.2]})),
        ["The 'v' field must contain 3 items."]
    );
    assert_eq!(
        messages(json!({"v": "embedding:3"}), json!({"v": []})).len(),
        2
    );
    assert_eq!(
        messages(json!({"t": "array|min:1|unique"}), json!({"t": [1, 1]})),
        ["The '1,1' value in 't' field does not unique the '1' values."]
    );
    assert_eq!(
        messages(json!({"t": "array"}), json!({"t": "x"})),
        ["The 't' field must be an array."]
    );
}

#[test]
fn formats_and_s3db_types() {
    assert_eq!(
        messages(json!({"e": "email"}), json!({"e": "nope"})),
        ["The 'e' field must be a valid e-mail."]
    );
    assert!(messages(json!({"e": "email"}), json!({"e": "a@b.co"})).is_empty());
    assert_eq!(
        messages(json!({"u": "url"}), json!({"u": "ftp://x"})),
        ["The 'u' field must be a valid URL."]
    );
    assert_eq!(
        messages(json!({"p": "money"}), json!({"p": -1})),
        ["The 'p' field must be greater than or equal to 0."]
    );
    assert_eq!(
        messages(json!({"l": "geo:lat"}), json!({"l": 91})),
        ["The 'l' field must be less than or equal to 90."]
    );
    assert!(messages(
        json!({"pt": "geo:point"}),
        json!({"pt": {"lat": 1, "lon": 2}})
    )
    .is_empty());
    assert_eq!(
        messages(json!({"ip": "ip4"}), json!({"ip": "1.2.3"})),
        ["The 'ip' field must be a valid IPv4 address."]
    );
    assert!(messages(json!({"ip": "ip6"}), json!({"ip": "::1"})).is_empty());
    assert_eq!(
        messages(
            json!({"s": {"type": "enum", "values": ["a", "b"]}}),
            json!({"s": "c"})
        ),
        ["The 's' field value 'a, b' does not match any of the allowed values."]
    );
    assert_eq!(
        messages(json!({"b": "boolean"}), json!({"b": "yes"})),
        ["The 'b' field must be a boolean."]
    );
    assert!(messages(
        json!({"k": "secret", "pw": "password", "j": "json"}),
        json!({"k": "x", "pw": "y", "j": {"a": 1}})
    )
    .is_empty());
    assert!(messages(
        json!({"d": "date"}),
        json!({"d": "2025-01-02T03:04:05.000Z"})
    )
    .is_empty());
    assert_eq!(
        messages(json!({"d": "date"}), json!({"d": "soon"})),
        ["The 'd' field must be a Date."]
    );
}

#[test]
fn plugin_attributes_validate_too() {
    let opts = SchemaOptions {
        plugin_attributes: vec![PluginAttribute {
            name: "_score".into(),
            definition: json!("number"),
            plugin: "P".into(),
            key: None,
        }],
        ..Default::default()
    };
    let s = Schema::from_json(&json!({"name": "string"}), opts).unwrap();
    let mut d = json!({"name": "n"});
    assert_eq!(
        s.validate(&mut d).unwrap_err()[0].message,
        "The '_score' field is required."
    );
}

#[test]
fn every_vector_insert_is_valid() {
    for case in fixture("storage-vectors.json")["cases"].as_array().unwrap() {
        let res = &case["resource"];
        let opts = SchemaOptions {
            timestamps: res["timestamps"].as_bool().unwrap_or(false),
            ..Default::default()
        };
        let s = Schema::from_json(&res["attributes"], opts).unwrap();
        let mut data = unmark(&case["operations"][0]["data"]).unwrap();
        let before = data.clone();
        if let Err(e) = s.validate(&mut data) {
            panic!("{}: {e:?}", case["name"]);
        }
        // Valid input passes unchanged (strings here carry no surrounding spaces).
        assert_eq!(data, before, "{}", case["name"]);
    }
}
