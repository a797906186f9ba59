//! The memory store's map: keys in order for listings, and a hash index beside it so that a
//! lookup (exists, get, head, a conditional put) costs one hash of the key rather than a
//! B-tree walk comparing the long prefix every key of a resource shares.

use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;
use std::sync::Arc;

pub struct KeyedObjects<V> {
    ordered: BTreeMap<Arc<str>, V>,
    index: HashMap<Arc<str>, V>,
}

impl<V> Default for KeyedObjects<V> {
    fn default() -> Self {
        KeyedObjects {
            ordered: BTreeMap::new(),
            index: HashMap::new(),
        }
    }
}

impl<V: Clone> KeyedObjects<V> {
    pub fn get(&self, key: &str) -> Option<&V> {
        self.index.get(key)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.index.contains_key(key)
    }

    /// Stores `value` under `key`, replacing what was there; both maps share the key's bytes.
    pub fn insert(&mut self, key: &str, value: V) {
        if let Some(slot) = self.index.get_mut(key) {
            *slot = value.clone();
            if let Some(ordered) = self.ordered.get_mut(key) {
                *ordered = value;
            }
            return;
        }
        let key: Arc<str> = Arc::from(key);
        self.ordered.insert(key.clone(), value.clone());
        self.index.insert(key, value);
    }

    pub fn remove(&mut self, key: &str) -> Option<V> {
        let removed = self.index.remove(key)?;
        self.ordered.remove(key);
        Some(removed)
    }

    pub fn clear(&mut self) {
        self.ordered.clear();
        self.index.clear();
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.ordered.values()
    }

    /// Entries in key order from `start` on.
    pub fn from<'a>(&'a self, start: Bound<&'a str>) -> impl Iterator<Item = (&'a str, &'a V)> {
        self.ordered
            .range::<str, _>((start, Bound::Unbounded))
            .map(|(key, value)| (&**key, value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(map: &KeyedObjects<u32>, start: Bound<&str>) -> Vec<(String, u32)> {
        map.from(start).map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn lookups_and_listings_agree_through_replace_and_remove() {
        let mut map = KeyedObjects::default();
        for (i, key) in ["b", "a", "c"].into_iter().enumerate() {
            map.insert(key, i as u32);
        }
        map.insert("a", 10);
        assert_eq!(map.get("a"), Some(&10));
        assert_eq!(
            keys(&map, Bound::Unbounded),
            [("a".into(), 10), ("b".into(), 0), ("c".into(), 2)]
        );
        assert_eq!(map.remove("b"), Some(0));
        assert_eq!(map.remove("b"), None);
        assert!(!map.contains_key("b"));
        assert_eq!(map.len(), 2);
        assert_eq!(keys(&map, Bound::Excluded("a")), [("c".into(), 2)]);
        assert_eq!(keys(&map, Bound::Included("a")).len(), 2);
        assert_eq!(map.values().copied().collect::<Vec<_>>(), [10, 2]);
        map.clear();
        assert_eq!((map.len(), map.get("a")), (0, None));
        assert_eq!(keys(&map, Bound::Unbounded), []);
    }
}
