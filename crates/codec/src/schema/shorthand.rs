//! fastest-validator string shorthand: `'type|key:value|flag|no-flag'` -> rule object.

use crate::js::number::parse_js_number;
use serde_json::{Map, Number, Value};

/// Parses a shorthand rule into the object form fastest-validator builds from it.
/// `type[]` becomes `{type:'array', items:type}`. Values `true`/`false` become booleans and
/// numeric text becomes a number, as in fastest-validator.
pub fn parse_shorthand(s: &str) -> Map<String, Value> {
    let mut parts = s.split('|').map(str::trim);
    let ty = parts.next().unwrap_or("");
    let mut rule = Map::new();
    if let Some(inner) = ty.strip_suffix("[]") {
        rule.insert("type".into(), Value::String("array".into()));
        rule.insert("items".into(), Value::String(inner.into()));
    } else {
        rule.insert("type".into(), Value::String(ty.into()));
    }
    for part in parts {
        if part.is_empty() {
            continue;
        }
        match part.split_once(':') {
            Some((key, value)) => {
                rule.insert(key.trim().to_string(), shorthand_value(value.trim()));
            }
            None => match part.strip_prefix("no-") {
                Some(flag) => {
                    rule.insert(flag.to_string(), Value::Bool(false));
                }
                None => {
                    rule.insert(part.to_string(), Value::Bool(true));
                }
            },
        }
    }
    rule
}

fn shorthand_value(v: &str) -> Value {
    match v {
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        _ => {
            let n = parse_js_number(v);
            if n.is_nan() {
                Value::String(v.to_string())
            } else {
                number_value(n)
            }
        }
    }
}

/// A JSON number for a JS number, integral when exact.
pub fn number_value(n: f64) -> Value {
    if let Some(i) = crate::js::number::as_exact_i64(n) {
        return Value::Number(i.into());
    }
    Number::from_f64(n)
        .map(Value::Number)
        .unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_flags_and_values() {
        let r = parse_shorthand("string|required|min:2|max:100|no-trim|pattern:ab");
        assert_eq!(
            Value::Object(r),
            json!({"type":"string","required":true,"min":2,"max":100,"trim":false,"pattern":"ab"})
        );
        let r = parse_shorthand("number[]");
        assert_eq!(Value::Object(r), json!({"type":"array","items":"number"}));
        let r = parse_shorthand("array|items:string|integer:true");
        assert_eq!(
            Value::Object(r),
            json!({"type":"array","items":"string","integer":true})
        );
    }
}
