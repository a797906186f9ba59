//! The rules a database applies to `s3db.json` as a loose JSON document: reading what any
//! 16.x-19.x process (or a damaged upload) left (syntax repair, structural healing), the version
//! a definition is written with, the entries recorded for a resource, and the text uploaded.
//!
//! These work on `serde_json::Value` rather than [`super::s3db_json::DatabaseMeta`]: a file
//! being healed may hold anything, and every field the rules do not touch is kept as it was
//! (in place, in its order). Values are read with JS semantics where s3db.js's rules test them
//! (`typeof`, truthiness, property keys), so the outcome is the one the JS rules gave.

use crate::js::json::{number_text, stringify_pretty};
use crate::js::number::{is_js_whitespace, to_js_string};
use crate::js::order::{is_array_index, js_keys};
use serde_json::{json, Map, Value};

/// `version` of a new file.
pub const BLANK_VERSION: &str = "1";

/// Healing-log line of a file whose JSON syntax was repaired.
pub const REPAIRED: &str = "Repaired JSON syntax of s3db.json";
/// Healing-log line of a file that could not be read at all (backed up, then replaced).
pub const REPLACED: &str = "Unreadable s3db.json backed up and replaced by a blank one";
/// Healing-log line of a file whose JSON is not an object.
pub const NOT_AN_OBJECT: &str = "Metadata is not an object - using blank structure";

/// An empty database file.
pub fn blank(s3db_version: &str, now: &str) -> Value {
    json!({ "version": BLANK_VERSION, "s3dbVersion": s3db_version, "lastUpdated": now, "resources": {} })
}

/// What reading the stored file found, and so what the database does next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadState {
    /// No file: a blank one is uploaded.
    Missing,
    /// Read as stored.
    Ok,
    /// Valid JSON with structural problems, healed: uploaded again.
    Healed,
    /// Invalid JSON that one of the syntax repairs made readable, then healed: uploaded again.
    Repaired,
    /// Unreadable: its text is backed up and a blank file uploaded.
    Replaced,
}

impl ReadState {
    pub fn as_str(self) -> &'static str {
        match self {
            ReadState::Missing => "missing",
            ReadState::Ok => "ok",
            ReadState::Healed => "healed",
            ReadState::Repaired => "repaired",
            ReadState::Replaced => "replaced",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    pub state: ReadState,
    pub metadata: Value,
    /// What was healed (reported with `db:metadata-healed`); empty for `Missing` and `Ok`.
    pub healing_log: Vec<String>,
}

/// Reads the stored text (`None`: no file) into the metadata the database uses.
pub fn read(text: Option<&str>, s3db_version: &str, now: &str) -> Read {
    let Some(text) = text else {
        return Read {
            state: ReadState::Missing,
            metadata: blank(s3db_version, now),
            healing_log: Vec::new(),
        };
    };
    if let Ok(mut metadata) = crate::js::parse::from_js_str::<Value>(text) {
        let healing_log = heal(&mut metadata, s3db_version, now);
        let state = if healing_log.is_empty() {
            ReadState::Ok
        } else {
            ReadState::Healed
        };
        return Read {
            state,
            metadata,
            healing_log,
        };
    }
    match repair_json(text) {
        Some(mut metadata) => {
            heal(&mut metadata, s3db_version, now);
            Read {
                state: ReadState::Repaired,
                metadata,
                healing_log: vec![REPAIRED.to_string()],
            }
        }
        None => Read {
            state: ReadState::Replaced,
            metadata: blank(s3db_version, now),
            healing_log: vec![REPLACED.to_string()],
        },
    }
}

/// The syntax repairs tried on text that is not valid JSON, each on the result of the one
/// before: trailing commas dropped, bare keys quoted, unclosed brackets and braces closed.
pub fn repair_json(text: &str) -> Option<Value> {
    let mut fixed = text.to_string();
    for fix in [drop_trailing_commas, quote_bare_keys, close_open_brackets] {
        fixed = fix(&fixed);
        if let Ok(v) = crate::js::parse::from_js_str::<Value>(&fixed) {
            return Some(v);
        }
    }
    None
}

/// `,` followed by blanks and `}` or `]` loses the comma (`/,(\s*[}\]])/g`).
fn drop_trailing_commas(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if c == ',' {
            let after = text[i + 1..].trim_start_matches(is_js_whitespace);
            if after.starts_with(['}', ']']) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

fn is_key_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || c == '$'
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// A bare identifier key after `{` or `,` gets its quotes (`/([{,]\s*)([A-Za-z_$][\w$]*)(\s*:)/g`).
fn quote_bare_keys(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        if c == '{' || c == ',' {
            let rest = &text[i + 1..];
            let key_at = rest.len() - rest.trim_start_matches(is_js_whitespace).len();
            let key_rest = &rest[key_at..];
            if key_rest.starts_with(is_key_start) {
                let key_len = key_rest.len() - key_rest.trim_start_matches(is_key_char).len();
                let after = &key_rest[key_len..];
                let colon_at = after.len() - after.trim_start_matches(is_js_whitespace).len();
                if after[colon_at..].starts_with(':') {
                    out.push(c);
                    out.push_str(&rest[..key_at]);
                    out.push('"');
                    out.push_str(&key_rest[..key_len]);
                    out.push('"');
                    out.push_str(&after[..=colon_at]);
                    i += 1 + key_at + key_len + colon_at + 1;
                    continue;
                }
            }
        }
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// Appends the `]` then `}` that the text's counts of brackets and braces lack.
fn close_open_brackets(text: &str) -> String {
    let count = |c: char| text.chars().filter(|&x| x == c).count() as i64;
    let arrays = (count('[') - count(']')).max(0) as usize;
    let objects = (count('{') - count('}')).max(0) as usize;
    let mut out = text.to_string();
    out.push_str(&"]".repeat(arrays));
    out.push_str(&"}".repeat(objects));
    out
}

/// JS truthiness of a property read (`None`: undefined).
fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(_) | Value::Object(_)) => true,
    }
}

/// `typeof v === 'object' && v !== null` (arrays included).
fn is_object(v: Option<&Value>) -> bool {
    matches!(v, Some(Value::Array(_) | Value::Object(_)))
}

/// The property key a value names (`String(v)`), as `obj[v]` uses it.
fn property_key(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number_text(n),
        Value::Array(items) => items
            .iter()
            .map(|i| match i {
                Value::Null => String::new(),
                other => property_key(other),
            })
            .collect::<Vec<_>>()
            .join(","),
        Value::Object(_) => "[object Object]".into(),
    }
}

/// `container[key]` for an object or an array.
fn property<'a>(container: &'a Value, key: &str) -> Option<&'a Value> {
    match container {
        Value::Object(m) => m.get(key),
        Value::Array(items) if is_array_index(key) => {
            key.parse::<usize>().ok().and_then(|i| items.get(i))
        }
        _ => None,
    }
}

/// `Object.keys(container)` in JS order.
fn own_keys(container: &Value) -> Vec<String> {
    match container {
        Value::Object(m) => js_keys(m).into_iter().cloned().collect(),
        Value::Array(items) => (0..items.len()).map(|i| i.to_string()).collect(),
        _ => Vec::new(),
    }
}

/// Fixes the structural problems of a parsed file in place; returns what was healed, in order.
/// A file that is not a JSON object becomes a blank one.
pub fn heal(metadata: &mut Value, s3db_version: &str, now: &str) -> Vec<String> {
    let mut log = Vec::new();
    let Value::Object(meta) = metadata else {
        *metadata = blank(s3db_version, now);
        log.push(NOT_AN_OBJECT.to_string());
        return log;
    };
    if !meta.get("version").is_some_and(Value::is_string) {
        meta.insert("version".into(), json!(BLANK_VERSION));
        log.push("Added missing or invalid version field".into());
    }
    if !meta.get("s3dbVersion").is_some_and(Value::is_string) {
        meta.insert("s3dbVersion".into(), json!(s3db_version));
        log.push("Added missing s3dbVersion field".into());
    }
    if !meta.get("resources").is_some_and(Value::is_object) {
        meta.insert("resources".into(), json!({}));
        log.push("Fixed invalid resources field".into());
    }
    if !meta.get("lastUpdated").is_some_and(Value::is_string) {
        meta.insert("lastUpdated".into(), json!(now));
        log.push("Added missing lastUpdated field".into());
    }
    let Some(Value::Object(resources)) = meta.get_mut("resources") else {
        return log;
    };
    let names: Vec<String> = js_keys(resources).into_iter().cloned().collect();
    for name in names {
        let valid = match resources.get(&name) {
            Some(res @ Value::Object(_)) => {
                let versions = property(res, "versions");
                truthy(versions) && is_object(versions)
            }
            _ => false,
        };
        if !valid {
            resources.shift_remove(&name);
            log.push(format!("Removed invalid resource '{name}'"));
            continue;
        }
        let Some(Value::Object(res)) = resources.get_mut(&name) else {
            continue;
        };
        let versions = res.get("versions").cloned().unwrap_or(Value::Null);
        let usable: Vec<String> = own_keys(&versions)
            .into_iter()
            .filter(|v| {
                let data = property(&versions, v);
                truthy(data)
                    && is_object(data)
                    && truthy(data.and_then(|d| property(d, "attributes")))
            })
            .collect();
        if usable.is_empty() {
            resources.shift_remove(&name);
            log.push(format!("Removed resource '{name}' with no valid versions"));
            continue;
        }
        let current = res.get("currentVersion");
        let current_ok = truthy(current)
            && current.is_some_and(|c| truthy(property(&versions, &property_key(c))));
        if !current_ok {
            let pick = if usable.iter().any(|v| v == "v1") {
                "v1".to_string()
            } else {
                usable[0].clone()
            };
            res.insert("currentVersion".into(), Value::String(pick));
            log.push(format!("Fixed currentVersion of '{name}'"));
        }
        let partitions = res.get("partitions");
        if !truthy(partitions) || !is_object(partitions) {
            res.insert("partitions".into(), json!({}));
            log.push(format!("Added partitions to '{name}'"));
        }
    }
    log
}

/// JS `parseInt(text, 10)`: leading blanks, a sign, then the longest run of digits.
fn parse_int(text: &str) -> Option<f64> {
    let t = text.trim_start_matches(is_js_whitespace);
    let (sign, digits) = match t.as_bytes().first() {
        Some(b'-') => (-1.0, &t[1..]),
        Some(b'+') => (1.0, &t[1..]),
        _ => (1.0, t),
    };
    let len = digits.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 {
        return None;
    }
    digits[..len].parse::<f64>().ok().map(|n| sign * n)
}

/// The version after every one of `versions` (its keys): `v` + (highest `N` of `vN` + 1),
/// `v1` when there is none. A key's number is what `parseInt` reads after an optional `v`.
pub fn next_version<'a>(versions: impl IntoIterator<Item = &'a str>) -> String {
    let highest = versions
        .into_iter()
        .filter_map(|v| parse_int(v.strip_prefix('v').unwrap_or(v)))
        .filter(|n| n.is_finite())
        .fold(None, |max: Option<f64>, n| {
            Some(max.map_or(n, |m| m.max(n)))
        });
    format!("v{}", to_js_string(highest.unwrap_or(0.0) + 1.0))
}

/// `next_version` of a saved resource's `versions` object (any value: no keys, `v1`).
pub fn next_version_of(versions: Option<&Value>) -> String {
    let keys = versions.map(own_keys).unwrap_or_default();
    next_version(keys.iter().map(String::as_str))
}

/// How a definition stands against its saved resource entry.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionChoice {
    /// The version its records are written with.
    pub version: String,
    /// True when the definition is new or its hash differs from the saved current version's:
    /// `version` is then a new version (the next one, or `v1` for a new resource).
    pub changed: bool,
    /// The saved current version (`currentVersion`), when there is a saved entry.
    pub from_version: Option<String>,
    /// The saved current version's hash, if it has one.
    pub saved_hash: Option<String>,
}

/// The version rule: a definition whose hash equals the saved current version's keeps that
/// version; any other gets the next version; one with no saved entry starts at `v1`.
pub fn choose_version(saved: Option<&Value>, hash: &str) -> VersionChoice {
    let Some(saved) = saved.filter(|s| truthy(Some(s))) else {
        return VersionChoice {
            version: "v1".into(),
            changed: true,
            from_version: None,
            saved_hash: None,
        };
    };
    let current = property(saved, "currentVersion").filter(|c| !c.is_null());
    let current_key = current.map(property_key);
    let versions = property(saved, "versions");
    let saved_hash = versions
        .and_then(|vs| property(vs, current_key.as_deref().unwrap_or("undefined")))
        .and_then(|data| property(data, "hash"))
        .and_then(Value::as_str)
        .map(str::to_string);
    if saved_hash.as_deref() == Some(hash) {
        let version = current_key.clone().unwrap_or_else(|| "v1".into());
        return VersionChoice {
            version,
            changed: false,
            from_version: current_key,
            saved_hash,
        };
    }
    VersionChoice {
        version: next_version_of(versions),
        changed: true,
        from_version: current_key,
        saved_hash,
    }
}

/// The `createResource` options a saved entry's current version defines, in the names the
/// JS layer takes: what 16.x-19.x stored (a 16.x `idGenerator` number is the id size; the
/// version's partitions, else the resource's). A field the file does not hold is left out.
/// `hooks` is the stored value as is (persisted sources are revived by the JS layer).
pub fn restore_options(saved: &Value) -> Map<String, Value> {
    let data = property(saved, "currentVersion")
        .map(property_key)
        .and_then(|v| property(saved, "versions").and_then(|vs| property(vs, &v)));
    let field = |key: &str| data.and_then(|d| property(d, key)).cloned();
    let mut out = Map::new();
    let mut put = |key: &str, value: Option<Value>| {
        if let Some(v) = value {
            out.insert(key.into(), v);
        }
    };
    put("attributes", field("attributes"));
    put("behavior", field("behavior"));
    put("timestamps", field("timestamps"));
    let partitions = field("partitions").filter(|p| !p.is_null());
    put(
        "partitions",
        partitions.or_else(|| property(saved, "partitions").cloned()),
    );
    put("paranoid", field("paranoid"));
    put(
        "allNestedObjectsOptional",
        field("allNestedObjectsOptional"),
    );
    put("autoDecrypt", field("autoDecrypt"));
    put("asyncEvents", field("asyncEvents"));
    let id_size = match field("idGenerator") {
        Some(n @ Value::Number(_)) => Some(n),
        _ => field("idSize"),
    };
    put("idSize", id_size);
    put("createdBy", property(saved, "createdBy").cloned());
    put("schemaRegistry", property(saved, "schemaRegistry").cloned());
    put("hooks", field("hooks"));
    out
}

/// One handler of a hook summary: `{ name, length, type }` as the JS layer describes it.
fn summary_handler(name: Value, length: Value, kind: Value) -> Value {
    json!({ "name": name, "length": length, "type": kind })
}

/// The hook summary 19.x stores: per event (in the order given) its handlers. A resource with
/// partitions also lists s3db.js's own partition-reference handler (unnamed, one argument)
/// first under `afterInsert` and `afterDelete`, as s3db.js registers one there. Events with no
/// handler are left out.
pub fn hook_summary(handlers: &Map<String, Value>, partitioned: bool) -> Value {
    let mut summary = Map::new();
    for event in js_keys(handlers) {
        let mut list: Vec<Value> = handlers[event.as_str()]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if partitioned && (event == "afterInsert" || event == "afterDelete") {
            list.insert(0, summary_handler(Value::Null, json!(1), json!("function")));
        }
        if !list.is_empty() {
            summary.insert(
                event.clone(),
                json!({ "count": list.len(), "handlers": list }),
            );
        }
    }
    Value::Object(summary)
}

/// Attributes as 19.x stores them: with `timestamps`, `createdAt`/`updatedAt` are part of them
/// (a 19.x reader builds its key map from them).
pub fn stored_attributes(attributes: &Map<String, Value>, timestamps: bool) -> Map<String, Value> {
    let mut out = attributes.clone();
    if timestamps {
        for k in ["createdAt", "updatedAt"] {
            if !truthy(out.get(k)) {
                out.insert(k.into(), json!("string|optional"));
            }
        }
    }
    out
}

/// A definition as the core holds it, for its version entry.
#[derive(Debug, Clone)]
pub struct Definition<'a> {
    pub hash: &'a str,
    pub attributes: &'a Map<String, Value>,
    pub behavior: &'a str,
    pub timestamps: bool,
    /// Normalised partitions (shorthands and timestamp partitions expanded).
    pub partitions: &'a Map<String, Value>,
    pub paranoid: bool,
    pub all_nested_objects_optional: bool,
    pub auto_decrypt: bool,
}

/// What only the JS layer knows of a resource (functions, options it keeps as given), as it
/// sends them: `cache`, `idSize`, `idGenerator` (`default`/`custom`/`incremental`), `createdBy`,
/// and either `hooks` (persisted hook sources, stored as given) or `hookHandlers` (per event,
/// each handler's `{ name, length, type }`, summarised by [`hook_summary`]).
pub type JsFacts = Map<String, Value>;

/// The version entry s3db.js 19.x stores for a definition, its fields in 19.x's order. A fact
/// the JS layer did not send is left out, as `JSON.stringify` leaves out `undefined`.
pub fn version_entry(def: &Definition<'_>, facts: &JsFacts, now: &str) -> Value {
    let mut entry = Map::new();
    entry.insert("hash".into(), json!(def.hash));
    entry.insert(
        "attributes".into(),
        Value::Object(stored_attributes(def.attributes, def.timestamps)),
    );
    entry.insert("behavior".into(), json!(def.behavior));
    entry.insert("timestamps".into(), json!(def.timestamps));
    entry.insert("partitions".into(), Value::Object(def.partitions.clone()));
    entry.insert("paranoid".into(), json!(def.paranoid));
    entry.insert(
        "allNestedObjectsOptional".into(),
        json!(def.all_nested_objects_optional),
    );
    entry.insert("autoDecrypt".into(), json!(def.auto_decrypt));
    entry.insert(
        "cache".into(),
        facts
            .get("cache")
            .filter(|c| !c.is_null())
            .cloned()
            .unwrap_or(json!(false)),
    );
    let hooks = match facts.get("hooks") {
        Some(stored) => stored.clone(),
        None => hook_summary(
            facts
                .get("hookHandlers")
                .and_then(Value::as_object)
                .unwrap_or(&Map::new()),
            !def.partitions.is_empty(),
        ),
    };
    entry.insert("hooks".into(), hooks);
    for key in ["idSize", "idGenerator"] {
        if let Some(v) = facts.get(key) {
            entry.insert(key.into(), v.clone());
        }
    }
    entry.insert("createdAt".into(), json!(now));
    Value::Object(entry)
}

/// The registries 19.x writes for a resource on each upload.
#[derive(Debug, Clone)]
pub struct Registries<'a> {
    /// This schema's `schemaRegistry`.
    pub schema: Value,
    /// Plugin attributes `(name, plugin)` in the order they were added.
    pub plugin_attributes: &'a [(String, String)],
    /// Plugin attribute -> key.
    pub plugin_keys: &'a [(String, String)],
}

/// 19.x's `pluginSchemaRegistry`: per plugin, the key of each of its attributes
/// (`{ [plugin]: { mapping: { attribute: key }, burned: [] } }`). Saved entries are kept:
/// plugins of other processes may own them.
pub fn plugin_registry(saved: Option<&Value>, registries: &Registries<'_>) -> Value {
    let mut registry = match saved {
        Some(Value::Object(m)) => m.clone(),
        _ => Map::new(),
    };
    for (name, plugin) in registries.plugin_attributes {
        let Some((_, key)) = registries.plugin_keys.iter().find(|(n, _)| n == name) else {
            continue;
        };
        let entry = registry.entry(plugin.clone()).or_insert_with(|| json!({}));
        if !entry.is_object() {
            *entry = json!({});
        }
        let Value::Object(entry) = entry else {
            continue;
        };
        let mut mapping = match entry.get("mapping") {
            Some(Value::Object(m)) => m.clone(),
            _ => Map::new(),
        };
        mapping.insert(name.clone(), json!(key));
        entry.insert("mapping".into(), Value::Object(mapping));
        if !entry.get("burned").is_some_and(Value::is_array) {
            entry.insert("burned".into(), json!([]));
        }
    }
    Value::Object(registry)
}

/// A saved resource entry as uploaded: an entry saved without a `schemaRegistry` (16.x) gets
/// one frozen from the current keys (its `pluginSchemaRegistry` then follows it), and the
/// plugin registry is brought up to date.
pub fn entry_for_upload(entry: &mut Value, registries: &Registries<'_>) {
    let Value::Object(e) = entry else { return };
    let plugins = plugin_registry(e.get("pluginSchemaRegistry"), registries);
    if !truthy(e.get("schemaRegistry")) {
        e.shift_remove("pluginSchemaRegistry");
        e.insert("schemaRegistry".into(), registries.schema.clone());
    }
    e.insert("pluginSchemaRegistry".into(), plugins);
}

/// The resource entry after recording `version` of a definition: a new entry (created by
/// `createdBy`, default `user`) when none was saved; the version entry added, made current, its
/// partitions the resource's, and the registries set.
pub fn record_version(
    saved: Option<Value>,
    version: &str,
    version_entry: Value,
    partitions: &Map<String, Value>,
    created_by: Option<&Value>,
    registries: &Registries<'_>,
) -> Value {
    let mut entry = match saved {
        Some(Value::Object(m)) => m,
        _ => {
            let mut m = Map::new();
            m.insert("currentVersion".into(), json!(version));
            m.insert("partitions".into(), json!({}));
            m.insert(
                "createdBy".into(),
                created_by
                    .filter(|c| !c.is_null())
                    .cloned()
                    .unwrap_or(json!("user")),
            );
            m.insert("versions".into(), json!({}));
            m
        }
    };
    if !entry.get("versions").is_some_and(Value::is_object) {
        entry.insert("versions".into(), json!({}));
    }
    if let Some(Value::Object(versions)) = entry.get_mut("versions") {
        versions.insert(version.into(), version_entry);
    }
    entry.insert("currentVersion".into(), json!(version));
    entry.insert("partitions".into(), Value::Object(partitions.clone()));
    entry.insert("schemaRegistry".into(), registries.schema.clone());
    let plugins = plugin_registry(entry.get("pluginSchemaRegistry"), registries);
    entry.insert("pluginSchemaRegistry".into(), plugins);
    Value::Object(entry)
}

/// The text uploaded as `s3db.json`: `lastUpdated` set to `now`, then `JSON.stringify(meta,
/// null, 2)`.
pub fn document(metadata: &mut Value, now: &str) -> String {
    if let Value::Object(m) = metadata {
        m.insert("lastUpdated".into(), json!(now));
    }
    stringify_pretty(metadata)
}
