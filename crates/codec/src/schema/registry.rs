//! The 19.x `schemaRegistry` / `pluginSchemaRegistry` stored in `s3db.json` (storage spec
//! §2.2): known paths keep their index, new paths take `nextIndex`, vanished paths are burned
//! and their index is never reused.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A burned (retired) attribute index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BurnedIndex {
    pub index: u64,
    pub attribute: String,
    pub burned_at: String,
    pub reason: String,
    /// Fields written by other versions, kept for round-trips.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Per-resource attribute index registry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SchemaRegistry {
    pub next_index: u64,
    /// Attribute path -> index, in insertion order.
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

    /// Adds new paths and burns vanished ones. Returns true if anything changed.
    pub fn reconcile(&mut self, paths: &[String], now: &str) -> bool {
        let mut changed = false;
        let burned_max = self.burned.iter().map(|b| b.index + 1).max().unwrap_or(0);
        let used_max = self.mapping.values().map(|i| i + 1).max().unwrap_or(0);
        self.next_index = self.next_index.max(burned_max).max(used_max);
        let vanished: Vec<String> = self
            .mapping
            .keys()
            .filter(|k| !paths.contains(k))
            .cloned()
            .collect();
        for attr in vanished {
            if let Some(index) = self.mapping.remove(&attr) {
                self.burned.push(BurnedIndex {
                    index,
                    attribute: attr,
                    burned_at: now.to_string(),
                    reason: BURN_REASON.into(),
                    extra: Map::new(),
                });
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
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct OrderedMap(Vec<(String, u64)>);

    impl OrderedMap {
        pub fn get(&self, k: &str) -> Option<&u64> {
            self.0.iter().find(|(key, _)| key == k).map(|(_, v)| v)
        }
        pub fn contains_key(&self, k: &str) -> bool {
            self.get(k).is_some()
        }
        pub fn insert(&mut self, k: String, v: u64) {
            match self.0.iter_mut().find(|(key, _)| *key == k) {
                Some(slot) => slot.1 = v,
                None => self.0.push((k, v)),
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

    #[test]
    fn burns_and_appends() {
        let p = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let mut r = SchemaRegistry::initial(&p(&["a", "b", "c"]));
        assert!(r.reconcile(&p(&["a", "z", "c"]), "t"));
        assert_eq!(r.mapping.get("a"), Some(&0));
        assert_eq!(r.mapping.get("c"), Some(&2));
        assert_eq!(r.mapping.get("z"), Some(&3));
        assert_eq!(r.burned[0].index, 1);
        assert_eq!(r.next_index, 4);
        assert!(!r.reconcile(&p(&["a", "z", "c"]), "t"));
    }
}
