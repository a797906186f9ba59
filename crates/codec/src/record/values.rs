//! Per-type encode/decode of one attribute value (storage spec §3.2-3.3).

use super::mapped::Mapped;
use crate::codec::{arrays, datetime, decimal, geo, ip, password, secret};
use crate::error::{CodecError, Result};
use crate::js::json::stringify;
use crate::js::number::{parse_js_number, to_js_string};
use crate::schema::shorthand::number_value;
use crate::schema::value_type::ValueType;
use crate::schema::FieldSpec;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::{json, Value};

/// Secret and password settings needed while encoding and decoding.
#[derive(Debug, Clone)]
pub struct CryptoContext<'a> {
    pub passphrase: &'a str,
    pub bcrypt_rounds: u32,
    pub auto_decrypt: bool,
    /// Store values that already are bcrypt hashes as they are (updates of read records).
    pub keep_hashed_passwords: bool,
}

/// `String(v)` for scalars, JSON for containers.
pub fn js_string(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => crate::js::json::number_text(n),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".into(),
        other => stringify(other),
    }
}

fn as_number(v: &Value, path: &str, vt: &ValueType) -> Result<f64> {
    let n = match v {
        Value::Number(n) => n.as_f64().unwrap_or(f64::NAN),
        Value::String(s) => parse_js_number(s),
        Value::Bool(b) => f64::from(u8::from(*b)),
        _ => f64::NAN,
    };
    if n.is_finite() {
        Ok(n)
    } else {
        Err(CodecError::encode(
            path,
            vt.name(),
            format!("{v} is not a finite number"),
        ))
    }
}

fn numbers(v: &Value, path: &str, vt: &ValueType) -> Result<Vec<f64>> {
    match v {
        Value::Array(items) => items.iter().map(|i| as_number(i, path, vt)).collect(),
        _ => Err(CodecError::encode(
            path,
            vt.name(),
            "expected an array of numbers",
        )),
    }
}

fn bytes_of(v: &Value, path: &str, vt: &ValueType) -> Result<Vec<u8>> {
    match v {
        Value::Array(items) => items
            .iter()
            .map(|i| match i.as_u64() {
                Some(b) if b <= 255 => Ok(b as u8),
                _ => Err(CodecError::encode(
                    path,
                    vt.name(),
                    "bytes must be integers 0-255",
                )),
            })
            .collect(),
        Value::String(s) => STANDARD.decode(s).map_err(|_| {
            CodecError::encode(path, vt.name(), "expected base64 text or a byte array")
        }),
        _ => Err(CodecError::encode(
            path,
            vt.name(),
            "expected base64 text or a byte array",
        )),
    }
}

fn geo_point(v: &Value) -> Option<(f64, f64)> {
    match v {
        Value::Array(a) if a.len() == 2 => Some((a[0].as_f64()?, a[1].as_f64()?)),
        Value::Object(m) => {
            let lat = m.get("lat").or_else(|| m.get("latitude"))?.as_f64()?;
            let lon = m
                .get("lon")
                .or_else(|| m.get("lng"))
                .or_else(|| m.get("longitude"))?
                .as_f64()?;
            Some((lat, lon))
        }
        _ => None,
    }
}

fn need(s: Option<String>, path: &str, vt: &ValueType, v: &Value) -> Result<Mapped> {
    s.map(Mapped::Str)
        .ok_or_else(|| CodecError::encode(path, vt.name(), format!("cannot encode {v}")))
}

/// Deepest nesting accepted inside one value: as deep as JSON from JS is read (the recursive
/// JSON writer stays bounded).
pub const MAX_VALUE_DEPTH: usize = crate::js::parse::MAX_DEPTH;

/// Nesting depth of a JSON value, computed without recursion.
pub fn json_depth(v: &Value) -> usize {
    if !v.is_array() && !v.is_object() {
        return 1;
    }
    let mut max = 0;
    let mut stack = vec![(v, 1usize)];
    while let Some((cur, d)) = stack.pop() {
        max = max.max(d);
        match cur {
            Value::Array(a) => stack.extend(a.iter().map(|x| (x, d + 1))),
            Value::Object(m) => stack.extend(m.values().map(|x| (x, d + 1))),
            _ => {}
        }
    }
    max
}

/// Encodes one declared value. `null` is stored as the `null` token (booleans as `0`).
pub fn encode_value(vt: &ValueType, v: &Value, path: &str, ctx: &CryptoContext) -> Result<Mapped> {
    if json_depth(v) > MAX_VALUE_DEPTH {
        return Err(CodecError::encode(
            path,
            vt.name(),
            "value nested too deeply",
        ));
    }
    if v.is_null() {
        return Ok(if *vt == ValueType::Boolean {
            Mapped::Str("0".into())
        } else {
            Mapped::Null
        });
    }
    match vt {
        ValueType::Plain | ValueType::Date => Ok(match v {
            Value::String(s) => Mapped::Str(s.clone()),
            Value::Number(_) | Value::Bool(_) => Mapped::Raw(v.clone()),
            other => Mapped::Str(stringify(other)),
        }),
        ValueType::DateTime => need(v.as_str().and_then(datetime::encode_datetime), path, vt, v),
        ValueType::Number { integer } => {
            let n = as_number(v, path, vt)?;
            let s = if *integer {
                decimal::encode_integer(n)
            } else {
                decimal::encode_decimal(n)
            };
            need(s, path, vt, v)
        }
        ValueType::NumberText => Ok(Mapped::Raw(number_value(as_number(v, path, vt)?))),
        ValueType::BooleanText => Ok(Mapped::Raw(Value::Bool(
            matches!(v, Value::Bool(true))
                || v.as_f64() == Some(1.0)
                || matches!(v.as_str(), Some("true" | "1" | "yes" | "y")),
        ))),
        ValueType::Boolean => {
            let t = matches!(v, Value::Bool(true))
                || v.as_f64() == Some(1.0)
                || matches!(v.as_str(), Some("true" | "1" | "yes" | "y"));
            Ok(Mapped::Str(if t { "1" } else { "0" }.into()))
        }
        ValueType::Json | ValueType::JsonArray => Ok(Mapped::Str(match v {
            Value::String(s) => s.clone(),
            other => stringify(other),
        })),
        ValueType::StringArray => match v {
            Value::Array(items) => Ok(Mapped::Str(arrays::join_strings(
                &items.iter().map(js_string).collect::<Vec<_>>(),
            ))),
            other => Err(CodecError::encode(
                path,
                vt.name(),
                format!("expected an array, got {other}"),
            )),
        },
        ValueType::NumberArray { integer } => need(
            arrays::join_numbers(&numbers(v, path, vt)?, *integer),
            path,
            vt,
            v,
        ),
        ValueType::Embedding => need(
            decimal::encode_fixed_point_batch(&numbers(v, path, vt)?, 6),
            path,
            vt,
            v,
        ),
        ValueType::Secret => Ok(Mapped::Str(secret::encrypt(&js_string(v), ctx.passphrase)?)),
        ValueType::Password => {
            let plain = js_string(v);
            if ctx.keep_hashed_passwords && password::expand(&plain, ctx.bcrypt_rounds).is_some() {
                return Ok(Mapped::Str(plain));
            }
            Ok(Mapped::Str(password::hash_compact(
                &plain,
                ctx.bcrypt_rounds,
            )?))
        }
        ValueType::Ip4 => need(v.as_str().and_then(ip::encode_ipv4), path, vt, v),
        ValueType::Ip6 => need(v.as_str().and_then(ip::encode_ipv6), path, vt, v),
        ValueType::Buffer => Ok(Mapped::Str(STANDARD.encode(bytes_of(v, path, vt)?))),
        ValueType::Bits(n) => {
            let bytes = bytes_of(v, path, vt)?;
            if *n > 0 && bytes.len() != n.div_ceil(8) as usize {
                return Err(CodecError::encode(
                    path,
                    vt.name(),
                    format!("expected {} bytes", n.div_ceil(8)),
                ));
            }
            Ok(Mapped::Str(STANDARD.encode(bytes)))
        }
        ValueType::Money { decimals } => need(
            decimal::encode_money(as_number(v, path, vt)?, *decimals),
            path,
            vt,
            v,
        ),
        ValueType::Decimal { precision } => need(
            decimal::encode_fixed_point(as_number(v, path, vt)?, *precision),
            path,
            vt,
            v,
        ),
        ValueType::GeoLat { precision } => need(
            geo::encode_lat(as_number(v, path, vt)?, *precision),
            path,
            vt,
            v,
        ),
        ValueType::GeoLon { precision } => need(
            geo::encode_lon(as_number(v, path, vt)?, *precision),
            path,
            vt,
            v,
        ),
        ValueType::GeoPoint { precision } => {
            let (lat, lon) = geo_point(v)
                .ok_or_else(|| CodecError::encode(path, vt.name(), "expected {lat, lon}"))?;
            need(geo::encode_point(lat, lon, *precision), path, vt, v)
        }
    }
}

/// JSON-looking text (`{…}`/`[…]`) parsed, otherwise the string itself.
pub fn parse_json_like(s: &str) -> Value {
    if s.starts_with('{') || s.starts_with('[') {
        if let Ok(v) = crate::js::parse::from_js_str::<Value>(s) {
            return v;
        }
    }
    Value::String(s.to_string())
}

fn bad(path: &str, vt: &ValueType, s: &str) -> CodecError {
    let shown: String = s.chars().take(40).collect();
    CodecError::decode(path, vt.name(), format!("invalid stored value '{shown}'"))
}

fn num(x: Option<f64>, path: &str, vt: &ValueType, s: &str) -> Result<Value> {
    match x {
        Some(n) if n.is_finite() => Ok(number_value(n)),
        _ => Err(bad(path, vt, s)),
    }
}

/// Decodes one stored (client-decoded) string of a declared attribute. `Ok(None)` means
/// JS `undefined` (a secret whose plaintext is `undefined`).
pub fn decode_value(
    spec: &FieldSpec,
    s: &str,
    path: &str,
    ctx: &CryptoContext,
) -> Result<Option<Value>> {
    if spec.value_type == ValueType::Secret && ctx.auto_decrypt {
        let plain = secret::decrypt(s, ctx.passphrase)?;
        return Ok(match plain.as_str() {
            "undefined" => None,
            "null" => Some(Value::Null),
            _ => Some(Value::String(plain)),
        });
    }
    decode_defined(spec, s, path).map(Some)
}

fn decode_defined(spec: &FieldSpec, s: &str, path: &str) -> Result<Value> {
    let vt = &spec.value_type;
    match vt {
        ValueType::Plain => Ok(if matches!(spec.rule.ty.as_str(), "any" | "multi") {
            parse_json_like(s)
        } else {
            Value::String(s.to_string())
        }),
        ValueType::Date => Ok(match crate::js::parse::from_js_str::<Value>(s) {
            Ok(Value::String(inner)) if s.starts_with('"') => Value::String(inner),
            _ => Value::String(s.to_string()),
        }),
        ValueType::DateTime => datetime::decode_datetime(s)
            .map(Value::String)
            .ok_or_else(|| bad(path, vt, s)),
        ValueType::Number { integer } => {
            let n = if *integer {
                decimal::decode_integer(s)
            } else {
                decimal::decode_decimal(s)
            };
            num(n, path, vt, s)
        }
        ValueType::Boolean => Ok(Value::Bool(matches!(s, "1" | "true" | "yes" | "y"))),
        // s3db.js itself returns these as the stored text; text that is not a number or a
        // boolean stays text rather than failing the record.
        ValueType::NumberText => Ok(Some(parse_js_number(s))
            .filter(|n| n.is_finite() && !s.trim().is_empty())
            .map(number_value)
            .unwrap_or_else(|| Value::String(s.to_string()))),
        ValueType::BooleanText => Ok(match s {
            "true" | "1" => Value::Bool(true),
            "false" | "0" => Value::Bool(false),
            _ => Value::String(s.to_string()),
        }),
        ValueType::Json => {
            Ok(crate::js::parse::from_js_str(s).unwrap_or_else(|_| Value::String(s.to_string())))
        }
        ValueType::JsonArray => crate::js::parse::from_js_str::<Value>(s)
            .ok()
            .filter(Value::is_array)
            .ok_or_else(|| bad(path, vt, s)),
        ValueType::StringArray => Ok(Value::Array(
            arrays::split_strings(s)
                .into_iter()
                .map(Value::String)
                .collect(),
        )),
        ValueType::NumberArray { integer } => arrays::split_numbers(s, *integer)
            .map(|v| Value::Array(v.into_iter().map(number_value).collect()))
            .ok_or_else(|| bad(path, vt, s)),
        ValueType::Embedding => decimal::decode_fixed_point_batch(s, 6)
            .map(|v| Value::Array(v.into_iter().map(number_value).collect()))
            .ok_or_else(|| bad(path, vt, s)),
        // Reached only without autoDecrypt: the ciphertext is returned as stored.
        ValueType::Secret | ValueType::Password => Ok(Value::String(s.to_string())),
        ValueType::Ip4 => ip::decode_ipv4(s)
            .map(Value::String)
            .ok_or_else(|| bad(path, vt, s)),
        ValueType::Ip6 => ip::decode_ipv6(s)
            .map(Value::String)
            .ok_or_else(|| bad(path, vt, s)),
        ValueType::Buffer | ValueType::Bits(_) => STANDARD
            .decode(s)
            .map(|b| Value::Array(b.into_iter().map(|x| json!(x)).collect()))
            .map_err(|_| bad(path, vt, s)),
        ValueType::Money { decimals } => num(decimal::decode_money(s, *decimals), path, vt, s),
        ValueType::Decimal { precision } => {
            num(decimal::decode_fixed_point(s, *precision), path, vt, s)
        }
        ValueType::GeoLat { precision } => num(geo::decode_lat(s, *precision), path, vt, s),
        ValueType::GeoLon { precision } => num(geo::decode_lon(s, *precision), path, vt, s),
        ValueType::GeoPoint { precision } => match geo::decode_point(s, *precision) {
            Some((lat, lon)) if lat.is_finite() && lon.is_finite() => {
                Ok(json!({"latitude": number_value(lat), "longitude": number_value(lon)}))
            }
            _ => Err(bad(path, vt, s)),
        },
    }
}

/// Text of a number the way `String(n)` prints it (used for partition values).
pub fn js_number_text(n: f64) -> String {
    to_js_string(n)
}
