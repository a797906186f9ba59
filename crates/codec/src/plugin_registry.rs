//! Keys of plugin attributes, with or without the 19.x `pluginSchemaRegistry` of `s3db.json`
//! (storage spec §2.3): a registered attribute keeps its key, a new one takes its hash key
//! (suffixed `1`, `2`, ... while taken by any plugin's live or burned key), and an attribute
//! that disappeared is burned so that its key is never handed out again.

use crate::error::{CodecError, Result};
use crate::schema::plugin_keys::plugin_key_base;
use serde_json::{json, Map, Value};
use std::collections::HashSet;

/// A plugin attribute of a schema: its name and the plugin that added it.
#[derive(Debug, Clone, PartialEq)]
pub struct PluginAttr {
    pub name: String,
    pub plugin: String,
}

/// Keys of every plugin attribute, and the registries after they were applied.
#[derive(Debug, Clone, PartialEq)]
pub struct PluginKeys {
    /// Attribute -> key, in the order the attributes were given.
    pub mapping: Vec<(String, String)>,
    /// Per-plugin `{ mapping, burned }`, only with a registry given.
    pub registries: Option<Map<String, Value>>,
    pub changed: bool,
}

fn next_free(base: &str, taken: &HashSet<String>) -> String {
    if !taken.contains(base) {
        return base.to_string();
    }
    (1..)
        .map(|i| format!("{base}{i}"))
        .find(|k| !taken.contains(k))
        .unwrap_or_else(|| base.to_string())
}

/// Keys without a registry: hash keys, unique among the plugin attributes of this schema.
fn keys_without_registry(attrs: &[PluginAttr]) -> PluginKeys {
    let mut taken = HashSet::new();
    let mut mapping = Vec::new();
    for a in attrs {
        let key = next_free(&plugin_key_base(&a.plugin, &a.name), &taken);
        taken.insert(key.clone());
        mapping.push((a.name.clone(), key));
    }
    PluginKeys {
        mapping,
        registries: None,
        changed: false,
    }
}

fn bad_registry(message: &str, description: String) -> CodecError {
    CodecError::Schema {
        path: String::new(),
        reason: format!("{message} {description}"),
    }
}

/// Keys of `attrs`, reconciled with `existing` (`{ plugin: { mapping, burned } }`) when given.
/// `now` is recorded on burned entries.
pub fn plugin_keys(
    attrs: &[PluginAttr],
    existing: Option<&Map<String, Value>>,
    now: &str,
) -> Result<PluginKeys> {
    let Some(existing) = existing else {
        return Ok(keys_without_registry(attrs));
    };
    let mut plugins: Vec<&str> = Vec::new();
    for a in attrs {
        if !plugins.contains(&a.plugin.as_str()) {
            plugins.push(&a.plugin);
        }
    }
    let mut taken: HashSet<String> = HashSet::new();
    let mut mapping = Vec::new();
    let mut registries = Map::new();
    let mut changed = false;
    for plugin in plugins {
        let names: Vec<&str> = attrs
            .iter()
            .filter(|a| a.plugin == plugin)
            .map(|a| a.name.as_str())
            .collect();
        let mut live: Vec<(String, String)> = Vec::new();
        let mut burned: Vec<Value> = Vec::new();
        if let Some(reg) = existing.get(plugin) {
            for (attr, key) in reg
                .get("mapping")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                let key = key.as_str().ok_or_else(|| {
                    bad_registry(
                        "Plugin schema registry contains non-string keys.",
                        format!("Invalid plugin mapping entry: {plugin}.{attr}"),
                    )
                })?;
                taken.insert(key.to_string());
                live.push((attr.clone(), key.to_string()));
            }
            for entry in reg
                .get("burned")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let key = entry.get("key").and_then(Value::as_str).ok_or_else(|| {
                    bad_registry(
                        "Plugin schema registry contains invalid burned entries.",
                        format!("Invalid burned entry for plugin: {plugin}"),
                    )
                })?;
                taken.insert(key.to_string());
                burned.push(entry.clone());
            }
        }
        for name in &names {
            let key = match live.iter().find(|(a, _)| a == name) {
                Some((_, k)) if !k.is_empty() => k.clone(),
                _ => {
                    let key = next_free(&plugin_key_base(plugin, name), &taken);
                    taken.insert(key.clone());
                    live.retain(|(a, _)| a != name);
                    live.push((name.to_string(), key.clone()));
                    changed = true;
                    key
                }
            };
            mapping.push((name.to_string(), key));
        }
        let (kept, gone): (Vec<_>, Vec<_>) = live
            .into_iter()
            .partition(|(a, _)| names.contains(&a.as_str()));
        for (attr, key) in gone {
            if !burned
                .iter()
                .any(|b| b.get("key").and_then(Value::as_str) == Some(key.as_str()))
            {
                burned.push(
                    json!({ "key": key, "attribute": attr, "burnedAt": now, "reason": "removed" }),
                );
                changed = true;
            }
        }
        let live_map: Map<String, Value> = kept
            .into_iter()
            .map(|(a, k)| (a, Value::String(k)))
            .collect();
        registries.insert(
            plugin.to_string(),
            json!({ "mapping": live_map, "burned": burned }),
        );
    }
    Ok(PluginKeys {
        mapping,
        registries: Some(registries),
        changed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attr(name: &str, plugin: &str) -> PluginAttr {
        PluginAttr {
            name: name.into(),
            plugin: plugin.into(),
        }
    }

    #[test]
    fn keeps_registered_keys_adds_new_and_burns_removed() {
        let existing = json!({"audit": {"mapping": {"_a": "pauA", "_gone": "pauC"}, "burned": []}});
        let out = plugin_keys(
            &[attr("_a", "audit"), attr("_b", "audit")],
            existing.as_object(),
            "t",
        )
        .unwrap();
        assert_eq!(out.mapping[0], ("_a".to_string(), "pauA".to_string()));
        assert_eq!(out.mapping[1].1, plugin_key_base("audit", "_b"));
        assert!(out.changed);
        let reg = &out.registries.unwrap()["audit"];
        assert_eq!(reg["burned"][0]["key"], "pauC");
        assert_eq!(reg["burned"][0]["attribute"], "_gone");
        assert!(reg["mapping"].get("_gone").is_none());
    }

    #[test]
    fn unchanged_registry_reports_no_change_and_burns_once() {
        let existing = json!({"audit": {"mapping": {"_a": "pauA", "_old": "pauB"},
            "burned": [{"key": "pauB", "attribute": "_old", "burnedAt": "x", "reason": "removed"}]}});
        let out = plugin_keys(&[attr("_a", "audit")], existing.as_object(), "t").unwrap();
        assert!(!out.changed);
        assert_eq!(
            out.registries.unwrap()["audit"]["burned"]
                .as_array()
                .unwrap()
                .len(),
            1
        );
    }

    #[test]
    fn burned_keys_are_never_reused_and_bad_entries_fail() {
        let base = plugin_key_base("audit", "_b");
        let existing =
            json!({"audit": {"mapping": {}, "burned": [{"key": base, "attribute": "_x"}]}});
        let out = plugin_keys(&[attr("_b", "audit")], existing.as_object(), "t").unwrap();
        assert_eq!(out.mapping[0].1, format!("{base}1"));
        let bad = json!({"audit": {"mapping": {"_a": 3}, "burned": []}});
        assert!(plugin_keys(&[attr("_a", "audit")], bad.as_object(), "t").is_err());
    }

    #[test]
    fn without_registry_collisions_get_suffixes() {
        let out = plugin_keys(&[attr("_s", "P"), attr("_s", "P")], None, "t").unwrap();
        assert_eq!(out.mapping[1].1, format!("{}1", out.mapping[0].1));
        assert!(out.registries.is_none());
    }
}
