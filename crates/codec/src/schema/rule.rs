//! Parsed attribute rules: fastest-validator's rule objects plus the s3db.js extension types.
//! A rule drives validation; the stored encoding comes from [`super::value_type`].

use super::join;
use super::shorthand::parse_shorthand;
use crate::error::{CodecError, Result};
use serde_json::{Map, Value};

/// How a nested object treats keys it does not declare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// Root level (`$$strict: false`): unknown keys are kept and stored under their own name.
    Keep,
    /// Nested objects (`strict: 'remove'`): unknown keys are dropped.
    Remove,
    /// `strict: true`: unknown keys are a validation error.
    Reject,
}

/// One attribute rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Base type, e.g. `string`, `number`, `embedding`, `geo`, `money`.
    pub ty: String,
    /// Text after the first `:` of the type token (`embedding:1536` -> `1536`, `geo:lat:6` -> `lat:6`).
    pub arg: Option<String>,
    pub optional: bool,
    pub nullable: bool,
    pub default: Option<Value>,
    /// Every other rule parameter as written (`min`, `max`, `integer`, `enum`, …).
    pub params: Map<String, Value>,
    pub items: Option<Box<Rule>>,
    /// Declared properties of an object rule, in JS property order.
    pub props: Option<Vec<(String, Rule)>>,
    pub strict: Strictness,
    /// Alternatives of a multi-rule (`[rule, rule]`).
    pub alternatives: Vec<Rule>,
}

/// Types accepted in definitions (fastest-validator built-ins and s3db.js extensions).
const KNOWN_TYPES: &[&str] = &[
    "any",
    "array",
    "boolean",
    "class",
    "currency",
    "custom",
    "date",
    "email",
    "enum",
    "equal",
    "forbidden",
    "function",
    "luhn",
    "mac",
    "multi",
    "number",
    "object",
    "objectID",
    "record",
    "string",
    "tuple",
    "url",
    "uuid",
    "secret",
    "secretAny",
    "secretNumber",
    "password",
    "json",
    "embedding",
    "ip4",
    "ip6",
    "money",
    "crypto",
    "decimal",
    "geo",
    "buffer",
    "bits",
    "bool",
    "datetime",
    "dateonly",
];

/// Options that change how definitions are read.
#[derive(Debug, Clone, Copy)]
pub struct RuleOptions {
    /// Plain nested objects are optional unless `$$type` says `required` (s3db.js default: true).
    pub all_nested_objects_optional: bool,
}

impl Default for RuleOptions {
    fn default() -> Self {
        RuleOptions {
            all_nested_objects_optional: true,
        }
    }
}

const MAX_DEPTH: usize = 64;

impl Rule {
    fn new(ty: &str) -> Rule {
        Rule {
            ty: ty.to_string(),
            arg: None,
            optional: false,
            nullable: false,
            default: None,
            params: Map::new(),
            items: None,
            props: None,
            strict: Strictness::Remove,
            alternatives: Vec::new(),
        }
    }

    /// A numeric parameter (`min`, `max`, `length`, …).
    pub fn num(&self, key: &str) -> Option<f64> {
        self.params.get(key).and_then(Value::as_f64)
    }

    /// A boolean flag; absent counts as false.
    pub fn flag(&self, key: &str) -> bool {
        self.params.get(key) == Some(&Value::Bool(true))
    }

    /// Parses any definition form at `path`.
    pub fn parse(def: &Value, path: &str, opts: RuleOptions) -> Result<Rule> {
        parse_at(def, path, opts, 0)
    }

    /// The root object rule of a resource: unknown root keys are kept.
    pub fn parse_root(attributes: &Map<String, Value>, opts: RuleOptions) -> Result<Rule> {
        let mut root = Rule::new("object");
        root.props = Some(parse_props(attributes, "", opts, 0)?);
        root.strict = Strictness::Keep;
        Ok(root)
    }
}

fn parse_props(
    map: &Map<String, Value>,
    path: &str,
    opts: RuleOptions,
    depth: usize,
) -> Result<Vec<(String, Rule)>> {
    let entries: Vec<(String, &Value)> = map.iter().map(|(k, v)| (k.clone(), v)).collect();
    let mut props = Vec::new();
    for (key, def) in crate::js::order::js_order(entries) {
        if key.starts_with("$$") {
            continue;
        }
        props.push((
            key.clone(),
            parse_at(def, &join(path, &key), opts, depth + 1)?,
        ));
    }
    Ok(props)
}

fn parse_at(def: &Value, path: &str, opts: RuleOptions, depth: usize) -> Result<Rule> {
    if depth > MAX_DEPTH {
        return Err(CodecError::schema(path, "definition nested too deeply"));
    }
    match def {
        Value::String(s) => rule_from_map(&parse_shorthand(s), path, opts, depth),
        Value::Object(m) => match m.get("type") {
            Some(Value::String(_)) => rule_from_map(m, path, opts, depth),
            Some(_) => Err(CodecError::schema(path, "'type' must be a string")),
            None => nested_schema(m, path, opts, depth),
        },
        Value::Array(alts) if !alts.is_empty() => {
            let mut rule = Rule::new("multi");
            for a in alts {
                rule.alternatives.push(parse_at(a, path, opts, depth + 1)?);
            }
            rule.optional = rule.alternatives.iter().all(|r| r.optional);
            Ok(rule)
        }
        _ => Err(CodecError::schema(
            path,
            format!("unsupported definition {def}"),
        )),
    }
}

/// A plain object without `type`: a nested schema. `$$type` carries the object's own rule.
fn nested_schema(
    m: &Map<String, Value>,
    path: &str,
    opts: RuleOptions,
    depth: usize,
) -> Result<Rule> {
    let mut rule = match m.get("$$type") {
        Some(Value::String(s)) => {
            let own = parse_shorthand(s);
            let mut r = rule_from_map(&own, path, opts, depth)?;
            if r.ty != "object" {
                return Err(CodecError::schema(path, "$$type must be an object rule"));
            }
            if opts.all_nested_objects_optional && own.get("required") != Some(&Value::Bool(true)) {
                r.optional = true;
            }
            r
        }
        Some(_) => return Err(CodecError::schema(path, "$$type must be a string")),
        None => {
            let mut r = Rule::new("object");
            r.optional = opts.all_nested_objects_optional;
            r
        }
    };
    rule.props = Some(parse_props(m, path, opts, depth)?);
    Ok(rule)
}

fn rule_from_map(
    m: &Map<String, Value>,
    path: &str,
    opts: RuleOptions,
    depth: usize,
) -> Result<Rule> {
    let token = m.get("type").and_then(Value::as_str).unwrap_or("").trim();
    let (base, arg) = match token.split_once(':') {
        Some((b, a)) => (b, Some(a.to_string())),
        None => (token, None),
    };
    if !KNOWN_TYPES.contains(&base) {
        return Err(CodecError::schema(
            path,
            format!("Invalid '{base}' type in validator schema."),
        ));
    }
    let mut rule = Rule::new(base);
    rule.arg = arg;
    for (k, v) in m {
        match k.as_str() {
            "type" => {}
            "optional" => rule.optional = v == &Value::Bool(true),
            "nullable" => rule.nullable = v == &Value::Bool(true),
            "default" => rule.default = Some(v.clone()),
            "items" => {
                rule.items = Some(Box::new(parse_at(
                    v,
                    &format!("{path}[]"),
                    opts,
                    depth + 1,
                )?))
            }
            "props" | "properties" => match v {
                Value::Object(p) => rule.props = Some(parse_props(p, path, opts, depth)?),
                _ => return Err(CodecError::schema(path, "'props' must be an object")),
            },
            "strict" => {
                rule.strict = match v {
                    Value::Bool(true) => Strictness::Reject,
                    Value::String(s) if s == "remove" => Strictness::Remove,
                    _ => Strictness::Keep,
                }
            }
            _ => {
                rule.params.insert(k.clone(), v.clone());
            }
        }
    }
    Ok(rule)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_forms() {
        let r = Rule::parse(&json!("string|min:2|optional"), "a", RuleOptions::default()).unwrap();
        assert_eq!(
            (r.ty.as_str(), r.optional, r.num("min")),
            ("string", true, Some(2.0))
        );
        let r = Rule::parse(&json!("embedding:1536"), "e", RuleOptions::default()).unwrap();
        assert_eq!(
            (r.ty.as_str(), r.arg.as_deref()),
            ("embedding", Some("1536"))
        );
        let r = Rule::parse(
            &json!({"$$type": "object|required", "x": "string"}),
            "n",
            RuleOptions::default(),
        )
        .unwrap();
        assert!(!r.optional);
        assert_eq!(r.props.unwrap()[0].0, "x");
        let r = Rule::parse(&json!({"x": "number"}), "n", RuleOptions::default()).unwrap();
        assert!(r.optional);
        let r = Rule::parse(
            &json!({"type": "array", "items": "number", "length": 3}),
            "v",
            RuleOptions::default(),
        )
        .unwrap();
        assert_eq!(r.items.unwrap().ty, "number");
    }

    #[test]
    fn rejects_unknown_types() {
        let e = Rule::parse(&json!("strng"), "a", RuleOptions::default()).unwrap_err();
        assert!(e.to_string().contains("Invalid 'strng' type"));
        assert!(Rule::parse(&json!(42), "a", RuleOptions::default()).is_err());
        assert!(Rule::parse(&json!({"type": 1}), "a", RuleOptions::default()).is_err());
    }
}
