//! Dot paths back into nested objects (the inverse of the mapper's flatten).

use serde_json::{Map, Value};

/// Builds a nested object from `(path, value)` pairs, keeping first-seen key order. A parent
/// path's value (`address` = `{}`) never hides leaves (`address.city`) whatever the order.
pub fn unflatten(pairs: Vec<(String, Value)>) -> Value {
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
    match (cur.get_mut(*last), value) {
        (Some(Value::Object(existing)), Value::Object(new)) => {
            for (k, v) in new {
                existing.entry(k).or_insert(v);
            }
        }
        (Some(Value::Object(_)), _) => {}
        (_, value) => {
            cur.insert(last.to_string(), value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nests_in_any_order() {
        let v = unflatten(vec![
            ("a.b".into(), json!(1)),
            ("a".into(), json!({})),
            ("c".into(), json!("x")),
            ("a.d.e".into(), json!(true)),
        ]);
        assert_eq!(v, json!({"a": {"b": 1, "d": {"e": true}}, "c": "x"}));
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["a", "c"]);
        let v = unflatten(vec![("a".into(), json!(null)), ("a.b".into(), json!(1))]);
        assert_eq!(v, json!({"a": {"b": 1}}));
    }
}
