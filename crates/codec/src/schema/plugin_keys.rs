//! Short keys of plugin attributes (storage spec §2.3).

use crate::codec::base62::encode_base62;
use sha2::{Digest, Sha256};

/// `'p' + lower(base62(u32be(sha256(plugin + ':' + attribute)[0..4])).padStart(3,'0').slice(0,3))`.
pub fn plugin_key_base(plugin: &str, attribute: &str) -> String {
    let digest = Sha256::digest(format!("{plugin}:{attribute}").as_bytes());
    let n = u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]]);
    let b62 = encode_base62(n as f64).unwrap_or_default();
    let padded = format!("{b62:0>3}");
    let head: String = padded.chars().take(3).collect();
    format!("p{}", head.to_lowercase())
}

/// The key for a plugin attribute, suffixed `1`, `2`, … when `taken` already holds the base.
pub fn plugin_key(plugin: &str, attribute: &str, taken: &dyn Fn(&str) -> bool) -> String {
    let base = plugin_key_base(plugin, attribute);
    if !taken(&base) {
        return base;
    }
    (1..)
        .map(|i| format!("{base}{i}"))
        .find(|k| !taken(k))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_keys() {
        assert_eq!(plugin_key_base("ScorePlugin", "_score"), "pnhj");
        assert_eq!(plugin_key_base("VectorPlugin", "_hasEmbedding"), "p1wd");
        assert_eq!(
            plugin_key("ScorePlugin", "_score", &|k| k == "pnhj"),
            "pnhj1"
        );
    }
}
