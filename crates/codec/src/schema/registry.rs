//! The 19.x `schemaRegistry` / `pluginSchemaRegistry` stored in `s3db.json` (storage spec
//! §2.2): known paths keep their index, new paths take `nextIndex`, vanished paths are burned
//! and their index is never reused.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A burned (retired) attribute index: `{ index, attribute, burnedAt, reason }`. Entries written
/// by others are kept as they are (field order, missing or extra fields), since 19.x copies the
/// list unchanged into the `s3db.json` it writes back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BurnedIndex(pub Map<String, Value>);

impl BurnedIndex {
    pub fn new(index: u64, attribute: &str, burned_at: &str, reason: &str) -> Self {
        let mut m = Map::new();
        m.insert("index".into(), Value::from(index));
        m.insert("attribute".into(), Value::from(attribute));
        m.insert("burnedAt".into(), Value::from(burned_at));
        m.insert("reason".into(), Value::from(reason));
        BurnedIndex(m)
    }

    /// The retired index, when it is a non-negative integer (19.x skips non-finite ones).
    pub fn index(&self) -> Option<u64> {
        self.0.get("index").and_then(Value::as_u64)
    }

    pub fn attribute(&self) -> Option<&str> {
        self.0.get("attribute").and_then(Value::as_str)
    }
}

/// Per-resource attribute index registry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SchemaRegistry {
    pub next_index: u64,
    /// Attribute path -> index, in JS property order.
    pub mapping: indexmap_like::OrderedMap,
    #[serde(default)]
    pub burned: Vec<BurnedIndex>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Reason recorded when a path disappears from the definition.
pub const BURN_REASON: &str = "removed";

impl SchemaRegistry {
    /// Freezes the current path order (what 19.x does for a registry-less `s3db.json`).
    pub fn initial(paths: &[String]) -> SchemaRegistry {
        let mut mapping = indexmap_like::OrderedMap::default();
        for (i, p) in paths.iter().enumerate() {
            mapping.insert(p.clone(), i as u64);
        }
        SchemaRegistry {
            next_index: paths.len() as u64,
            mapping,
            burned: Vec::new(),
            extra: Map::new(),
        }
    }

    /// Applies a definition's paths as 19.x's `generateMappingFromRegistry` does, step by step:
    /// `nextIndex` is raised above every mapped or burned index; each new path (in definition
    /// order) takes `nextIndex`; then each mapped path that is gone (in the mapping's JS order)
    /// leaves the mapping, and its index is burned unless a burned entry already holds it.
    /// Returns 19.x's `changed`: true when `nextIndex` was raised, a path was added or an
    /// index burned (a path leaving with an already burned index is no change).
    pub fn reconcile(&mut self, paths: &[String], now: &str) -> bool {
        let mut changed = false;
        let max = self
            .mapping
            .values()
            .copied()
            .chain(self.burned.iter().filter_map(BurnedIndex::index))
            .max();
        if let Some(max) = max {
            if self.next_index <= max {
                self.next_index = max + 1;
                changed = true;
            }
        }
        for p in paths {
            if !self.mapping.contains_key(p) {
                self.mapping.insert(p.clone(), self.next_index);
                self.next_index += 1;
                changed = true;
            }
        }
        let current: std::collections::HashSet<&str> = paths.iter().map(String::as_str).collect();
        let vanished: Vec<(String, u64)> = self
            .mapping
            .iter()
            .filter(|(k, _)| !current.contains(k.as_str()))
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        for (attr, index) in vanished {
            if !self.burned.iter().any(|b| b.index() == Some(index)) {
                self.burned
                    .push(BurnedIndex::new(index, &attr, now, BURN_REASON));
                changed = true;
            }
            self.mapping.remove(&attr);
        }
        changed
    }
}

/// One plugin's attribute -> key registry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct PluginRegistry {
    #[serde(default)]
    pub mapping: Map<String, Value>,
    #[serde(default)]
    pub burned: Vec<Value>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A small insertion-ordered string -> index map that serializes as a JSON object.
pub mod indexmap_like {
    use crate::js::order::is_array_index;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    fn array_index(k: &str) -> u64 {
        k.parse().unwrap_or(0)
    }

    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct OrderedMap(Vec<(String, u64)>);

    impl OrderedMap {
        pub fn get(&self, k: &str) -> Option<&u64> {
            self.0.iter().find(|(key, _)| key == k).map(|(_, v)| v)
        }
        pub fn contains_key(&self, k: &str) -> bool {
            self.get(k).is_some()
        }
        /// Sets `k`; a new key goes where a JS object puts it: integer-like keys first, in
        /// ascending order, the others after them in insertion order.
        pub fn insert(&mut self, k: String, v: u64) {
            if let Some(slot) = self.0.iter_mut().find(|(key, _)| *key == k) {
                slot.1 = v;
                return;
            }
            if is_array_index(&k) {
                let n = array_index(&k);
                let at = self
                    .0
                    .iter()
                    .position(|(key, _)| !is_array_index(key) || array_index(key) > n)
                    .unwrap_or(self.0.len());
                self.0.insert(at, (k, v));
            } else {
                self.0.push((k, v));
            }
        }
        pub fn remove(&mut self, k: &str) -> Option<u64> {
            let pos = self.0.iter().position(|(key, _)| key == k)?;
            Some(self.0.remove(pos).1)
        }
        pub fn keys(&self) -> impl Iterator<Item = &String> {
            self.0.iter().map(|(k, _)| k)
        }
        pub fn values(&self) -> impl Iterator<Item = &u64> {
            self.0.iter().map(|(_, v)| v)
        }
        pub fn iter(&self) -> impl Iterator<Item = (&String, &u64)> {
            self.0.iter().map(|(k, v)| (k, v))
        }
        pub fn len(&self) -> usize {
            self.0.len()
        }
        pub fn is_empty(&self) -> bool {
            self.0.is_empty()
        }
    }

    impl Serialize for OrderedMap {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
        }
    }

    impl<'de> Deserialize<'de> for OrderedMap {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let m = serde_json::Map::<String, serde_json::Value>::deserialize(d)?;
            let mut out = OrderedMap::default();
            for (k, v) in m {
                let i = v.as_u64().ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "index of '{k}' is not a non-negative integer"
                    ))
                })?;
                out.insert(k, i);
            }
            Ok(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::mapping::mappable_paths;
    use crate::schema::{Schema, SchemaOptions};

    fn p(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn burns_and_appends() {
        let mut r = SchemaRegistry::initial(&p(&["a", "b", "c"]));
        assert!(r.reconcile(&p(&["a", "z", "c"]), "t"));
        assert_eq!(r.mapping.get("a"), Some(&0));
        assert_eq!(r.mapping.get("c"), Some(&2));
        assert_eq!(r.mapping.get("z"), Some(&3));
        assert_eq!(r.burned[0].index(), Some(1));
        assert_eq!(r.next_index, 4);
        assert!(!r.reconcile(&p(&["a", "z", "c"]), "t"));
    }

    #[test]
    fn an_index_is_burned_once() {
        let mut r: SchemaRegistry = serde_json::from_str(
            r#"{"nextIndex":3,"mapping":{"a":0,"b":1,"c":2},"burned":[{"index":1,"attribute":"b"}]}"#,
        )
        .unwrap();
        assert!(
            !r.reconcile(&p(&["a", "c"]), "t"),
            "b's index was burned already"
        );
        assert_eq!(r.burned.len(), 1);
        assert!(r.reconcile(&p(&["a"]), "t"));
        assert_eq!(r.burned.len(), 2);
        assert_eq!(r.burned[1].attribute(), Some("c"));
        assert!(!r.reconcile(&p(&["a"]), "t"));
    }

    #[test]
    fn integer_like_paths_keep_js_order() {
        let mut m = indexmap_like::OrderedMap::default();
        for (k, v) in [("b", 0), ("10", 1), ("a", 2), ("2", 3), ("02", 4)] {
            m.insert(k.into(), v);
        }
        let keys: Vec<&String> = m.keys().collect();
        assert_eq!(keys, ["2", "10", "b", "a", "02"]);
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"2":3,"10":1,"b":0,"a":2,"02":4}"#
        );
    }

    /// Cases computed by s3db.js 19.5.10 (tests/fixtures/generate-registry-vectors.mjs): the key
    /// map, the registry text it writes back and its `changed` flag.
    #[test]
    fn matches_19x_vectors() {
        let fixture: Value =
            serde_json::from_str(include_str!("../../tests/fixtures/registry-vectors.json"))
                .unwrap();
        let now = fixture["now"].as_str().unwrap();
        let cases = fixture["cases"].as_array().unwrap();
        assert!(cases.len() >= 20);
        let mut failures = Vec::new();
        for case in cases {
            let name = case["name"].as_str().unwrap();
            let given: SchemaRegistry =
                serde_json::from_str(case["registry"].as_str().unwrap()).unwrap();
            let attributes = case["attributes"].as_object().unwrap();
            let schema = Schema::from_json(
                &case["attributes"],
                SchemaOptions {
                    registry: Some(given.clone()),
                    now: now.to_string(),
                    ..Default::default()
                },
            )
            .unwrap();
            let map: Vec<Value> = schema
                .map()
                .iter()
                .map(|(k, v)| serde_json::json!([k, v]))
                .collect();
            if Value::Array(map.clone()) != case["map"] {
                failures.push(format!("{name}: map {map:?}\n  want {}", case["map"]));
            }
            let written = serde_json::to_string(&schema.registry()).unwrap();
            if written != case["registryAfter"].as_str().unwrap() {
                failures.push(format!(
                    "{name}: registry {written}\n  want {}",
                    case["registryAfter"]
                ));
            }
            let mut direct = given;
            let changed = direct.reconcile(&mappable_paths(attributes, &[]), now);
            if Value::Bool(changed) != case["changed"] {
                failures.push(format!(
                    "{name}: changed {changed}, want {}",
                    case["changed"]
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
