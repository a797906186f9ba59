//! JS property order and string comparison rules.
//!
//! JS objects iterate integer-like keys ("0", "1", … canonical array indices) first, in ascending
//! numeric order, then the other keys in insertion order. Short metadata keys, body JSON and
//! tie-breaks in the behaviors all follow that order.

use std::cmp::Ordering;

/// True for a canonical array index: `0` or digits without a leading zero, below 2^32 - 1.
pub fn is_array_index(key: &str) -> bool {
    if key.is_empty() || key.len() > 10 || !key.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    if key.len() > 1 && key.starts_with('0') {
        return false;
    }
    key.parse::<u64>()
        .map(|n| n < 4_294_967_295)
        .unwrap_or(false)
}

/// Reorders `(key, value)` pairs into JS property order, keeping insertion order otherwise.
pub fn js_order<T>(entries: Vec<(String, T)>) -> Vec<(String, T)> {
    let (mut ints, rest): (Vec<_>, Vec<_>) =
        entries.into_iter().partition(|(k, _)| is_array_index(k));
    ints.sort_by_key(|(k, _)| k.parse::<u64>().unwrap_or(0));
    ints.extend(rest);
    ints
}

/// Keys of a JSON object in JS property order.
pub fn js_keys(map: &serde_json::Map<String, serde_json::Value>) -> Vec<&String> {
    let (mut ints, rest): (Vec<&String>, Vec<&String>) =
        map.keys().partition(|k| is_array_index(k));
    ints.sort_by_key(|k| k.parse::<u64>().unwrap_or(0));
    ints.extend(rest);
    ints
}

/// Default `Array.prototype.sort` order for strings: UTF-16 code units.
pub fn cmp_utf16(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// Length of a string in UTF-16 code units (JS `.length`).
pub fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// JS `s.slice(0, n)` / `substring(0, n)` in UTF-16 units, never splitting a surrogate pair
/// (a split pair would not be valid UTF-8 anyway).
pub fn utf16_prefix(s: &str, n: usize) -> &str {
    let mut units = 0;
    for (i, c) in s.char_indices() {
        let w = c.len_utf16();
        if units + w > n {
            return &s[..i];
        }
        units += w;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_like_keys_come_first() {
        let e = vec![
            ("b".to_string(), 1),
            ("10".to_string(), 2),
            ("_v".to_string(), 3),
            ("2".to_string(), 4),
            ("01".to_string(), 5),
        ];
        let keys: Vec<String> = js_order(e).into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["2", "10", "b", "_v", "01"]);
    }

    #[test]
    fn index_rules() {
        assert!(is_array_index("0"));
        assert!(is_array_index("4294967294"));
        assert!(!is_array_index("4294967295"));
        assert!(!is_array_index("-1"));
        assert!(!is_array_index("1.5"));
    }

    #[test]
    fn utf16_prefix_keeps_pairs() {
        assert_eq!(utf16_prefix("a🔥b", 2), "a");
        assert_eq!(utf16_prefix("a🔥b", 3), "a🔥");
        assert_eq!(utf16_len("a🔥"), 3);
    }
}
