//! Dot paths back into nested objects (the inverse of the mapper's flatten).

use serde_json::{Map, Value};

/// Builds a nested object from `(path, value)` pairs. Shorter paths are applied first so
/// that leaves land inside objects restored from their parent path.
pub fn unflatten(pairs: Vec<(String, Value)>) -> Value {
    let mut pairs = pairs;
    pairs.sort_by_key(|(p, _)| p.matches('.').count());
    let mut root = Map::new();
    for (path, value) in pairs {
        insert(&mut root, &path, value);
    }
    Value::Object(root)
}

fn insert(root: &mut Map<String, Value>, path: &str, value: Value) {
    let parts: Vec<&str> = path.split('.').collect();
    let Some((last, parents)) = parts.split_last() else {
        return;
    };
    let mut cur = root;
    for p in parents {
        let slot = cur
            .entry(p.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        if !slot.is_object() {
            *slot = Value::Object(Map::new());
        }
        cur = match slot {
            Value::Object(m) => m,
            _ => return,
        };
    }
    cur.insert(last.to_string(), value);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nests() {
        let v = unflatten(vec![
            ("a.b".into(), json!(1)),
            ("a".into(), json!({})),
            ("c".into(), json!("x")),
            ("a.d.e".into(), json!(true)),
        ]);
        assert_eq!(v, json!({"a": {"b": 1, "d": {"e": true}}, "c": "x"}));
    }
}
