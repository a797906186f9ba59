//! Attribute paths -> short metadata keys (storage spec §2.1-2.2).
//!
//! The path list is `flatten(attributes)` leaf paths followed by object paths, in JS property
//! order. Object-form definitions count as nested objects, so `b: {type, optional}` yields the
//! phantom paths `b.type` and `b.optional`; they take indices even though no data uses them.

use super::join;
use super::registry::SchemaRegistry;
use crate::codec::base62::{encode_base36, encode_base62};
use crate::js::order::js_order;
use serde_json::{Map, Value};

/// Which alphabet turns an index into a key when no registry is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KeyAlphabet {
    /// 19.x: `0-9a-z`, safe under S3's lower-casing.
    #[default]
    Base36,
    /// seed: `0-9a-zA-Z`; indices 36-61 collide with 10-35 once S3 lower-cases them.
    Base62,
}

fn ordered(map: &Map<String, Value>) -> Vec<(String, &Value)> {
    js_order(map.iter().map(|(k, v)| (k.clone(), v)).collect())
}

/// `flatten(attributes, {safe: true})` keys: arrays and empty objects are leaves.
fn leaf_paths(map: &Map<String, Value>, prefix: &str, out: &mut Vec<String>, depth: usize) {
    for (key, value) in ordered(map) {
        let path = join(prefix, &key);
        match value {
            Value::Object(inner) if !inner.is_empty() && depth < 64 => {
                leaf_paths(inner, &path, out, depth + 1)
            }
            _ => out.push(path),
        }
    }
}

/// Paths whose value is a non-array object; recursion only below `$$type === 'object'`.
fn object_paths(map: &Map<String, Value>, prefix: &str, out: &mut Vec<String>, depth: usize) {
    for (key, value) in ordered(map) {
        if key.contains("$$") {
            continue;
        }
        if let Value::Object(inner) = value {
            let path = join(prefix, &key);
            out.push(path.clone());
            if inner.get("$$type") == Some(&Value::String("object".into())) && depth < 64 {
                object_paths(inner, &path, out, depth + 1);
            }
        }
    }
}

/// Every mappable path of a definition, in index order, without `$$` paths and `exclude`.
pub fn mappable_paths(attributes: &Map<String, Value>, exclude: &[String]) -> Vec<String> {
    let mut leaves = Vec::new();
    leaf_paths(attributes, "", &mut leaves, 0);
    let mut objects = Vec::new();
    object_paths(attributes, "", &mut objects, 0);
    let mut all: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for p in leaves
        .into_iter()
        .filter(|p| !p.contains("$$"))
        .chain(objects)
    {
        if !exclude.contains(&p) && seen.insert(p.clone()) {
            all.push(p);
        }
    }
    all
}

/// Keys by position (no registry).
pub fn keys_by_position(paths: &[String], alphabet: KeyAlphabet) -> Vec<(String, String)> {
    paths
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let key = match alphabet {
                KeyAlphabet::Base36 => encode_base36(i),
                KeyAlphabet::Base62 => encode_base62(i as f64).unwrap_or_default(),
            };
            (p.clone(), key)
        })
        .collect()
}

/// Keys from a 19.x registry, extending it with new paths and burning vanished ones.
pub fn keys_from_registry(
    paths: &[String],
    registry: &mut SchemaRegistry,
    now: &str,
) -> Vec<(String, String)> {
    registry.reconcile(paths, now);
    paths
        .iter()
        .filter_map(|p| {
            registry
                .mapping
                .get(p)
                .map(|i| (p.clone(), encode_base36(*i as usize)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn spec_example() {
        let attrs = json!({"a":"string","b":{"type":"number","optional":true},"c":"string",
            "v":{"type":"array","items":"number","length":3},
            "n":{"$$type":"object|optional","x":"string","deep":{"$$type":"object","y":"number"}}});
        let paths = mappable_paths(attrs.as_object().unwrap(), &[]);
        let keys = keys_by_position(&paths, KeyAlphabet::Base36);
        let got: Vec<String> = keys.iter().map(|(p, k)| format!("{p}:{k}")).collect();
        assert_eq!(
            got,
            [
                "a:0",
                "b.type:1",
                "b.optional:2",
                "c:3",
                "v.type:4",
                "v.items:5",
                "v.length:6",
                "n.x:7",
                "n.deep.y:8",
                "b:9",
                "v:a",
                "n:b"
            ]
        );
    }
}
