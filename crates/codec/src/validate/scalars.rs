//! `number` (and the numeric s3db types), `boolean`, `date`, `enum`, `equal`, `forbidden`.

use super::{issue, Issues};
use crate::js::number::parse_js_number;
use crate::schema::rule::Rule;
use crate::schema::shorthand::number_value;
use serde_json::Value;

/// Range implied by the s3db.js numeric extension types.
fn implied_range(rule: &Rule) -> (Option<f64>, Option<f64>) {
    match (rule.ty.as_str(), rule.arg.as_deref()) {
        ("money" | "crypto", _) => (Some(0.0), None),
        ("geo", Some(a)) if a.starts_with("lat") => (Some(-90.0), Some(90.0)),
        ("geo", Some(a)) if a.starts_with("lon") => (Some(-180.0), Some(180.0)),
        _ => (None, None),
    }
}

/// `geo:point`: `{lat, lon}`, `{latitude, longitude}` or `[lat, lon]`, within range.
fn check_point(v: &Value, field: &str, issues: &mut Issues) {
    let num = |x: Option<&Value>| x.and_then(Value::as_f64).filter(|n| n.is_finite());
    let pair = match v {
        Value::Array(a) if a.len() == 2 => num(a.first()).zip(num(a.get(1))),
        Value::Object(m) => num(m.get("lat").or_else(|| m.get("latitude"))).zip(num(m
            .get("lon")
            .or_else(|| m.get("lng"))
            .or_else(|| m.get("longitude")))),
        _ => None,
    };
    let ok = pair.is_some_and(|(lat, lon)| lat.abs() <= 90.0 && lon.abs() <= 180.0);
    if !ok {
        issues.push(issue("geoPoint", field, None, Some(v.clone())));
    }
}

pub(crate) fn check_number(rule: &Rule, v: &mut Value, field: &str, issues: &mut Issues) {
    if rule.ty == "geo" && rule.arg.as_deref().is_some_and(|a| a.starts_with("point")) {
        return check_point(v, field, issues);
    }
    let original = v.clone();
    // s3db.js turns `convert` on for numbers: numeric strings and booleans become numbers.
    if rule.params.get("convert") != Some(&Value::Bool(false)) {
        let converted = match &*v {
            Value::String(s) => Some(parse_js_number(s)),
            Value::Bool(b) => Some(f64::from(u8::from(*b))),
            _ => None,
        };
        if let Some(n) = converted.filter(|n| n.is_finite()) {
            *v = number_value(n);
        }
    }
    let Some(n) = v.as_f64().filter(|n| n.is_finite()) else {
        issues.push(issue("number", field, None, Some(original)));
        return;
    };
    // fastest-validator reports the value as given (`"7.5"`), not the converted number.
    let actual = || Some(original.clone());
    let (implied_min, implied_max) = implied_range(rule);
    if let Some(min) = rule.num("min").or(implied_min).filter(|m| n < *m) {
        issues.push(issue("numberMin", field, Some(number_value(min)), actual()));
    }
    if let Some(max) = rule.num("max").or(implied_max).filter(|m| n > *m) {
        issues.push(issue("numberMax", field, Some(number_value(max)), actual()));
    }
    if let Some(eq) = rule.num("equal").filter(|e| n != *e) {
        issues.push(issue(
            "numberEqual",
            field,
            Some(number_value(eq)),
            actual(),
        ));
    }
    if let Some(ne) = rule.num("notEqual").filter(|e| n == *e) {
        issues.push(issue(
            "numberNotEqual",
            field,
            Some(number_value(ne)),
            actual(),
        ));
    }
    if rule.flag("integer") && n.fract() != 0.0 {
        issues.push(issue("numberInteger", field, None, actual()));
    }
    if rule.flag("positive") && n <= 0.0 {
        issues.push(issue("numberPositive", field, None, actual()));
    }
    if rule.flag("negative") && n >= 0.0 {
        issues.push(issue("numberNegative", field, None, actual()));
    }
}

pub(crate) fn check_boolean(rule: &Rule, v: &mut Value, field: &str, issues: &mut Issues) {
    let original = v.clone();
    // s3db.js turns `convert` on for booleans too: 1/0, "true"/"false", "1"/"0", "on"/"off".
    if rule.params.get("convert") != Some(&Value::Bool(false)) {
        match &*v {
            Value::Number(n) if n.as_f64() == Some(1.0) => *v = Value::Bool(true),
            Value::Number(n) if n.as_f64() == Some(0.0) => *v = Value::Bool(false),
            Value::String(s) if matches!(s.as_str(), "true" | "1" | "on") => *v = Value::Bool(true),
            Value::String(s) if matches!(s.as_str(), "false" | "0" | "off") => {
                *v = Value::Bool(false)
            }
            _ => {}
        }
    }
    if !v.is_boolean() {
        issues.push(issue("boolean", field, None, Some(original)));
    }
}

/// JSON has no Date: the JS layer passes Dates as ISO strings, which count as dates here.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    if b.len() < 10
        || !digits(0..4)
        || b[4] != b'-'
        || !digits(5..7)
        || b[7] != b'-'
        || !digits(8..10)
    {
        return false;
    }
    let (m, d) = (&s[5..7], &s[8..10]);
    let (m, d): (u32, u32) = (m.parse().unwrap_or(0), d.parse().unwrap_or(0));
    (1..=12).contains(&m)
        && (1..=31).contains(&d)
        && (b.len() == 10 || b[10] == b'T' || b[10] == b' ')
}

/// 21.x `datetime`: ISO text (stored as base62 milliseconds).
pub(crate) fn check_datetime(v: &mut Value, field: &str, issues: &mut Issues) {
    let ok = v
        .as_str()
        .and_then(crate::codec::datetime::millis_from_iso)
        .is_some();
    if !ok {
        issues.push(issue("date", field, None, Some(v.clone())));
    }
}

/// `buffer` / `bits:N`: byte arrays or base64 text (`bits:N` needs ⌈N/8⌉ bytes). A Node
/// `Buffer` crosses as `JSON.stringify` writes it, `{ type: 'Buffer', data: [...] }`: its bytes.
pub(crate) fn check_bytes(rule: &Rule, v: &mut Value, field: &str, issues: &mut Issues) {
    use base64::Engine;
    if let Some(bytes) = buffer_json_bytes(v) {
        *v = bytes;
    }
    let len = match &*v {
        Value::Array(a) if a.iter().all(|b| b.as_u64().is_some_and(|b| b <= 255)) => Some(a.len()),
        Value::String(s) => base64::engine::general_purpose::STANDARD
            .decode(s)
            .ok()
            .map(|b| b.len()),
        _ => None,
    };
    let bits = rule
        .arg
        .as_deref()
        .and_then(|a| a.parse::<usize>().ok())
        .unwrap_or(0);
    let ok = len.is_some_and(|l| rule.ty != "bits" || bits == 0 || l == bits.div_ceil(8));
    if !ok {
        issues.push(issue("bytes", field, None, Some(v.clone())));
    }
}

/// The byte array of a `JSON.stringify`'d Buffer (exactly `type: 'Buffer'` and `data`).
fn buffer_json_bytes(v: &mut Value) -> Option<Value> {
    let Value::Object(map) = v else { return None };
    if map.len() != 2 || map.get("type").and_then(Value::as_str) != Some("Buffer") {
        return None;
    }
    match map.get_mut("data") {
        Some(data @ Value::Array(_)) => Some(data.take()),
        _ => None,
    }
}

pub(crate) fn check_date(rule: &Rule, v: &mut Value, field: &str, issues: &mut Issues) {
    let ok = match &*v {
        Value::String(s) => is_iso_date(s),
        // Epoch milliseconds only with `convert` (fastest-validator: `new Date(value)`).
        Value::Number(n) => rule.flag("convert") && n.as_f64().is_some_and(f64::is_finite),
        _ => false,
    };
    if !ok {
        issues.push(issue("date", field, None, Some(v.clone())));
    }
}

pub(crate) fn check_enum(rule: &Rule, v: &mut Value, field: &str, issues: &mut Issues) {
    let values = match rule.params.get("values") {
        Some(Value::Array(a)) => a.clone(),
        Some(Value::String(s)) => s.split(',').map(|x| Value::String(x.to_string())).collect(),
        _ => Vec::new(),
    };
    if !values.contains(v) {
        let expected = values
            .iter()
            .map(crate::record::values::js_string)
            .collect::<Vec<_>>()
            .join(", ");
        issues.push(issue(
            "enumValue",
            field,
            Some(Value::String(expected)),
            Some(v.clone()),
        ));
    }
}

pub(crate) fn check_equal(rule: &Rule, v: &mut Value, field: &str, issues: &mut Issues) {
    if let Some(expected) = rule.params.get("value") {
        let loose_eq = v == expected
            || crate::record::values::js_string(v) == crate::record::values::js_string(expected);
        let eq = if rule.flag("strict") {
            v == expected
        } else {
            loose_eq
        };
        if !eq {
            issues.push(issue(
                "equalValue",
                field,
                Some(expected.clone()),
                Some(v.clone()),
            ));
        }
    }
}

pub(crate) fn check_forbidden(v: &mut Value, field: &str, issues: &mut Issues) {
    if !v.is_null() {
        issues.push(issue("forbidden", field, None, Some(v.clone())));
    }
}
