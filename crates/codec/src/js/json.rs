//! `JSON.stringify` and `json-stable-stringify` over `serde_json::Value`, with ECMAScript number
//! text and JS property order, so JSON written here is byte-identical to what s3db.js writes.

use super::number::to_js_string;
use super::order::{cmp_utf16, js_keys};
use serde_json::Value;

/// `JSON.stringify(value)` with no indentation.
pub fn stringify(v: &Value) -> String {
    let mut out = String::new();
    write_value(v, &mut out, false);
    out
}

/// `json-stable-stringify(value)`: keys sorted by UTF-16 code units at every level.
pub fn stable_stringify(v: &Value) -> String {
    let mut out = String::new();
    write_value(v, &mut out, true);
    out
}

/// `JSON.stringify(value, null, 2)`.
pub fn stringify_pretty(v: &Value) -> String {
    let mut out = String::new();
    write_pretty(v, &mut out, 0);
    out
}

/// JS text of a JSON number.
pub fn number_text(n: &serde_json::Number) -> String {
    if let Some(i) = n.as_i64() {
        if i.unsigned_abs() <= 1 << 53 {
            return i.to_string();
        }
    }
    if let Some(u) = n.as_u64() {
        if u <= 1 << 53 {
            return u.to_string();
        }
    }
    match n.as_f64() {
        Some(f) if f.is_finite() => to_js_string(f),
        _ => "null".into(),
    }
}

fn write_value(v: &Value, out: &mut String, sorted: bool) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number_text(n)),
        Value::String(s) => write_string(s, out),
        Value::Array(a) => {
            out.push('[');
            for (i, item) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out, sorted);
            }
            out.push(']');
        }
        Value::Object(m) => {
            out.push('{');
            let keys = ordered_keys(m, sorted);
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(k, out);
                out.push(':');
                write_value(&m[k.as_str()], out, sorted);
            }
            out.push('}');
        }
    }
}

fn ordered_keys(m: &serde_json::Map<String, Value>, sorted: bool) -> Vec<&String> {
    let mut keys = js_keys(m);
    if sorted {
        keys.sort_by(|a, b| cmp_utf16(a, b));
    }
    keys
}

fn write_pretty(v: &Value, out: &mut String, depth: usize) {
    match v {
        Value::Array(a) if !a.is_empty() => {
            out.push('[');
            for (i, item) in a.iter().enumerate() {
                out.push_str(if i > 0 { ",\n" } else { "\n" });
                indent(out, depth + 1);
                write_pretty(item, out, depth + 1);
            }
            out.push('\n');
            indent(out, depth);
            out.push(']');
        }
        Value::Object(m) if !m.is_empty() => {
            out.push('{');
            for (i, k) in js_keys(m).into_iter().enumerate() {
                out.push_str(if i > 0 { ",\n" } else { "\n" });
                indent(out, depth + 1);
                write_string(k, out);
                out.push_str(": ");
                write_pretty(&m[k.as_str()], out, depth + 1);
            }
            out.push('\n');
            indent(out, depth);
            out.push('}');
        }
        other => write_value(other, out, false),
    }
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// JSON string literal with the escapes `JSON.stringify` uses.
pub fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn stringify_like_js() {
        let v: Value =
            serde_json::from_str(r#"{"b":1.0,"a":[true,null,"x\n"],"2":1e21,"1":0.5}"#).unwrap();
        assert_eq!(
            stringify(&v),
            r#"{"1":0.5,"2":1e+21,"b":1,"a":[true,null,"x\n"]}"#
        );
        assert_eq!(
            stable_stringify(&v),
            r#"{"1":0.5,"2":1e+21,"a":[true,null,"x\n"],"b":1}"#
        );
    }

    #[test]
    fn pretty_like_js() {
        let v = json!({"a": {}, "b": [], "c": {"d": [1, "x"]}});
        assert_eq!(
            stringify_pretty(&v),
            "{\n  \"a\": {},\n  \"b\": [],\n  \"c\": {\n    \"d\": [\n      1,\n      \"x\"\n    ]\n  }\n}"
        );
    }
}
