//! Choosing the stored encoding of an attribute (storage spec §3.1). s3db.js matches
//! substrings of the definition string (first match wins), or `type` equality for object forms.
//! The substring rule is kept on purpose: it decides the bytes JS writes and reads.

use serde_json::Value;

/// How one attribute value is turned into a metadata string.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueType {
    /// `String(v)`; also email, url, enum, uuid, any, and every unknown type.
    Plain,
    Number {
        integer: bool,
    },
    Boolean,
    /// `JSON.stringify(v)` (object, json); a string is kept as is.
    Json,
    StringArray,
    NumberArray {
        integer: bool,
    },
    /// Fixed-point batch `^[...]` with 6 decimals.
    Embedding,
    /// Array without string/number items: `JSON.stringify(array)`.
    JsonArray,
    Secret,
    Password,
    Ip4,
    Ip6,
    Buffer,
    Bits(u32),
    Money {
        decimals: u32,
    },
    Decimal {
        precision: u32,
    },
    GeoLat {
        precision: u32,
    },
    GeoLon {
        precision: u32,
    },
    GeoPoint {
        precision: u32,
    },
    /// A number of an object-form definition: `String(n)` text (`1234.5`), read as a number.
    NumberText,
    /// A boolean of an object-form definition: `true` / `false` text, read as a boolean.
    BooleanText,
    /// fastest-validator `date`: an ISO string (seed wrote it JSON-quoted; both are read).
    Date,
    /// 21.x `datetime`: base62 epoch milliseconds, read back as ISO text.
    DateTime,
}

impl ValueType {
    /// Short name for error messages.
    pub fn name(&self) -> &'static str {
        match self {
            ValueType::Plain => "string",
            ValueType::Number { .. } => "number",
            ValueType::Boolean => "boolean",
            ValueType::Json => "json",
            ValueType::StringArray => "string array",
            ValueType::NumberArray { .. } => "number array",
            ValueType::Embedding => "embedding",
            ValueType::JsonArray => "array",
            ValueType::Secret => "secret",
            ValueType::Password => "password",
            ValueType::Ip4 => "ip4",
            ValueType::Ip6 => "ip6",
            ValueType::Buffer => "buffer",
            ValueType::Bits(_) => "bits",
            ValueType::Money { .. } => "money",
            ValueType::Decimal { .. } => "decimal",
            ValueType::GeoLat { .. } => "geo:lat",
            ValueType::GeoLon { .. } => "geo:lon",
            ValueType::GeoPoint { .. } => "geo:point",
            ValueType::NumberText => "number",
            ValueType::BooleanText => "boolean",
            ValueType::Date => "date",
            ValueType::DateTime => "datetime",
        }
    }

    /// Whether the value is bytes (stored as base64, read back as a byte array).
    pub fn is_bytes(&self) -> bool {
        matches!(self, ValueType::Buffer | ValueType::Bits(_))
    }
}

/// Embedding-style encoding kicks in for number arrays of at least this fixed length.
const EMBEDDING_MIN_LENGTH: f64 = 256.0;

/// The number after `prefix:` in `s` (e.g. `money:4` -> 4), if any.
fn numeric_suffix(s: &str, prefix: &str) -> Option<u32> {
    let start = s.find(prefix)? + prefix.len();
    let rest = s[start..].strip_prefix(':')?;
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

fn has_integer_flag(s: &str) -> bool {
    s.contains("integer:true") || s.contains("|integer")
}

fn array_length(def: &str) -> Option<f64> {
    numeric_suffix(def, "length").map(f64::from)
}

/// Encoder for a string definition, by substring, first match wins.
pub fn from_definition_string(def: &str) -> ValueType {
    if def.contains("embedding") {
        return ValueType::Embedding;
    }
    if def.contains("array") {
        return if def.contains("items:string") {
            ValueType::StringArray
        } else if def.contains("items:number") {
            if !has_integer_flag(def)
                && array_length(def).is_some_and(|l| l >= EMBEDDING_MIN_LENGTH)
            {
                ValueType::Embedding
            } else {
                ValueType::NumberArray {
                    integer: has_integer_flag(def),
                }
            }
        } else {
            ValueType::JsonArray
        };
    }
    if def.contains("secret") {
        return ValueType::Secret;
    }
    if def.contains("password") {
        return ValueType::Password;
    }
    if def.contains("ip4") {
        return ValueType::Ip4;
    }
    if def.contains("ip6") {
        return ValueType::Ip6;
    }
    if def.contains("buffer") {
        return ValueType::Buffer;
    }
    if def.contains("bits") {
        return ValueType::Bits(numeric_suffix(def, "bits").unwrap_or(0));
    }
    if def.contains("money") {
        return ValueType::Money {
            decimals: numeric_suffix(def, "money").unwrap_or(2),
        };
    }
    if def.contains("crypto") {
        return ValueType::Money {
            decimals: numeric_suffix(def, "crypto").unwrap_or(8),
        };
    }
    if def.contains("decimal") {
        return ValueType::Decimal {
            precision: numeric_suffix(def, "decimal").unwrap_or(2),
        };
    }
    if def.contains("geo:lat") {
        return ValueType::GeoLat {
            precision: numeric_suffix(def, "geo:lat").unwrap_or(6),
        };
    }
    if def.contains("geo:lon") {
        return ValueType::GeoLon {
            precision: numeric_suffix(def, "geo:lon").unwrap_or(6),
        };
    }
    if def.contains("geo:point") {
        return ValueType::GeoPoint {
            precision: numeric_suffix(def, "geo:point").unwrap_or(6),
        };
    }
    if def.contains("number") {
        return ValueType::Number {
            integer: has_integer_flag(def),
        };
    }
    if def.contains("bool") {
        return ValueType::Boolean;
    }
    if def.contains("json") || def.contains("object") {
        return ValueType::Json;
    }
    if def.split('|').next() == Some("datetime") {
        return ValueType::DateTime;
    }
    if def.split('|').next() == Some("date") {
        return ValueType::Date;
    }
    ValueType::Plain
}

fn param_u32(def: &serde_json::Map<String, Value>, keys: &[&str]) -> Option<u32> {
    keys.iter()
        .find_map(|k| def.get(*k).and_then(Value::as_f64))
        .filter(|n| *n >= 0.0 && *n <= 30.0)
        .map(|n| n as u32)
}

/// Encoder for an object-form definition (`{ type: 'number', ... }`).
///
/// s3db.js derives its value hooks from the *flattened* definition, so an object-form
/// definition's hooks land on phantom paths (`n.type`) that no data uses: only arrays (which
/// get their hooks from the unflattened definition) and the validator's own work (secret
/// encryption, password hashing) apply. Everything else is stored as `String(value)`, or as
/// JSON for objects and arrays. These encodings write exactly those bytes.
pub fn from_definition_object(def: &serde_json::Map<String, Value>) -> ValueType {
    let ty = def.get("type").and_then(Value::as_str).unwrap_or("");
    let base = ty.split(':').next().unwrap_or("");
    match base {
        "array" => object_form_array(def),
        "secret" | "secretAny" | "secretNumber" => ValueType::Secret,
        "password" => ValueType::Password,
        "buffer" => ValueType::Buffer,
        "bits" => ValueType::Bits(
            numeric_suffix(ty, "bits")
                .or_else(|| param_u32(def, &["length", "bits"]))
                .unwrap_or(0),
        ),
        "number" | "money" | "crypto" | "decimal" | "geo-lat" | "geo-lon" => ValueType::NumberText,
        "geo" if ty.starts_with("geo:lat") || ty.starts_with("geo:lon") => ValueType::NumberText,
        "boolean" | "bool" => ValueType::BooleanText,
        "embedding" => ValueType::JsonArray,
        "json" | "object" | "geo" | "geo-point" => ValueType::Json,
        "date" => ValueType::Date,
        "datetime" => ValueType::DateTime,
        _ => ValueType::Plain,
    }
}

/// `{ type: 'array', items }`: string or number items (given as a rule string) get the array
/// encodings; integer only when the items rule says so; items given as an object are JSON.
fn object_form_array(def: &serde_json::Map<String, Value>) -> ValueType {
    match def.get("items") {
        Some(Value::String(items)) if items.contains("string") => ValueType::StringArray,
        Some(Value::String(items)) if items.contains("number") => {
            let integer = items.contains("integer");
            let length = def.get("length").and_then(Value::as_f64);
            if !integer && length.is_some_and(|l| l >= EMBEDDING_MIN_LENGTH) {
                ValueType::Embedding
            } else {
                ValueType::NumberArray { integer }
            }
        }
        _ => ValueType::JsonArray,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substring_rules() {
        assert_eq!(
            from_definition_string("string|pattern:number"),
            ValueType::Number { integer: false }
        );
        assert_eq!(
            from_definition_string("number|integer:true"),
            ValueType::Number { integer: true }
        );
        assert_eq!(
            from_definition_string("money:4"),
            ValueType::Money { decimals: 4 }
        );
        assert_eq!(
            from_definition_string("crypto"),
            ValueType::Money { decimals: 8 }
        );
        assert_eq!(
            from_definition_string("geo:point:4"),
            ValueType::GeoPoint { precision: 4 }
        );
        assert_eq!(
            from_definition_string("array|items:number|length:768"),
            ValueType::Embedding
        );
        assert_eq!(
            from_definition_string("array|items:object"),
            ValueType::JsonArray
        );
        assert_eq!(from_definition_string("secret|optional"), ValueType::Secret);
        assert_eq!(from_definition_string("email"), ValueType::Plain);
        assert_eq!(from_definition_string("date|optional"), ValueType::Date);
    }
}
