//! Object keys: records, partition references, sequences, plugin objects, ids (storage spec §1).

pub mod id;
pub mod partition;
pub mod sequence;

/// `resource=<name>`: every object of a resource is under it (relative to the key prefix).
pub fn resource_prefix(resource: &str) -> String {
    format!("resource={resource}")
}

/// The listing prefix of every object of a resource: `resource=<name>/`.
pub fn resource_list_prefix(resource: &str) -> String {
    format!("{}/", resource_prefix(resource))
}

/// `resource=<name>/data/id=<id>` (relative to the key prefix).
pub fn record_key(resource: &str, id: &str) -> String {
    format!("{}/id={id}", records_prefix(resource))
}

/// The prefix of a resource's records, `resource=<name>/data` (no trailing slash: the prefix
/// s3db.js reports in `deleted-all`).
pub fn records_prefix(resource: &str) -> String {
    format!("{}/data", resource_prefix(resource))
}

/// The listing prefix of a resource's records: `resource=<name>/data/`.
pub fn records_list_prefix(resource: &str) -> String {
    format!("{}/", records_prefix(resource))
}

/// The prefix of a plugin's objects: `resource=<r>/plugin=<slug>` for a resource's,
/// `plugin=<slug>` for the database's.
pub fn plugin_prefix(resource: Option<&str>, plugin: &str) -> String {
    match resource {
        Some(resource) => format!("{}/plugin={plugin}", resource_prefix(resource)),
        None => format!("plugin={plugin}"),
    }
}

/// `resource=<name>/historical/id=<id>`.
pub fn historical_key(resource: &str, id: &str) -> String {
    format!("{}/historical/id={id}", resource_prefix(resource))
}

/// The id in a key: the first `/`-segment that starts with `id=`, without that prefix.
pub fn id_from_key(key: &str) -> Option<&str> {
    key.split('/').find_map(|seg| seg.strip_prefix("id="))
}

/// The record id a record key or partition reference names: what follows its last `/id=`.
/// (Ids hold no `/`, so that is the key's last segment, even under a partition that has a
/// field named `id`, where [`id_from_key`] finds the field.)
pub fn reference_id(key: &str) -> Option<&str> {
    key.rsplit_once("/id=").map(|(_, id)| id)
}

/// A full object key as 19.5.10 reports it in errors: from the last `resource=<name>/` that
/// starts a segment (the client's key prefix dropped); the key as given when none does.
pub fn key_from_resource<'a>(key: &'a str, resource: &str) -> &'a str {
    let marker = resource_list_prefix(resource);
    key.rmatch_indices(marker.as_str())
        .map(|(at, _)| at)
        .find(|&at| at == 0 || key.as_bytes()[at - 1] == b'/')
        .map_or(key, |at| &key[at..])
}

/// Node's `path.posix.join(prefix, key)`, which s3db.js uses to put a key under the client's key
/// prefix: collapses `//`, drops `.` and resolves `..`, keeping a trailing slash. Without a
/// prefix the key is used as is.
pub fn join_prefix(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        return key.to_string();
    }
    normalize(&format!("{prefix}/{key}"))
}

fn normalize(path: &str) -> String {
    let absolute = path.starts_with('/');
    let trailing = path.ends_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else if !absolute {
                    parts.push("..");
                }
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if absolute {
        out.insert(0, '/');
    }
    if trailing && !out.is_empty() && !out.ends_with('/') {
        out.push('/');
    }
    if out.is_empty() {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn key_from_resource_drops_the_client_prefix_at_a_segment_start() {
        let k = "db/app/resource=users/data/id=1";
        assert_eq!(key_from_resource(k, "users"), "resource=users/data/id=1");
        assert_eq!(
            key_from_resource("resource=users/x", "users"),
            "resource=users/x"
        );
        // A name that only ends another segment's text is not the marker.
        assert_eq!(
            key_from_resource("xresource=users/x", "users"),
            "xresource=users/x"
        );
        // The last one that starts a segment wins (an id or value may repeat the text).
        assert_eq!(
            key_from_resource("p/resource=a/data/resource=a/id=1", "a"),
            "resource=a/id=1"
        );
        assert_eq!(
            key_from_resource("p/resource=b/data", "a"),
            "p/resource=b/data"
        );
    }

    use super::*;

    #[test]
    fn keys() {
        assert_eq!(record_key("people", "p1"), "resource=people/data/id=p1");
        assert_eq!(
            id_from_key("app/resource=x/partition=p/a=1/id=abc"),
            Some("abc")
        );
        assert_eq!(
            join_prefix("tenant-a/env/prod", "resource=items/data/id=i-1"),
            "tenant-a/env/prod/resource=items/data/id=i-1"
        );
        assert_eq!(join_prefix("app/", "x//y"), "app/x/y");
        assert_eq!(join_prefix("", "x"), "x");
    }

    #[test]
    fn resource_prefixes() {
        assert_eq!(resource_prefix("people"), "resource=people");
        assert_eq!(resource_list_prefix("people"), "resource=people/");
        assert_eq!(records_prefix("people"), "resource=people/data");
        assert_eq!(records_list_prefix("people"), "resource=people/data/");
        assert_eq!(
            historical_key("people", "p1"),
            "resource=people/historical/id=p1"
        );
        assert!(record_key("people", "p1").starts_with(&records_list_prefix("people")));
        assert!(records_list_prefix("people").starts_with(&resource_list_prefix("people")));
        // A resource whose name extends another's is not under the other's listing prefix.
        assert!(!records_list_prefix("people2").starts_with(&resource_list_prefix("people")));
    }

    #[test]
    fn reference_ids() {
        assert_eq!(reference_id("resource=u/data/id=a1"), Some("a1"));
        assert_eq!(
            reference_id("app/resource=u/partition=byId/id=7/id=a1"),
            Some("a1")
        );
        assert_eq!(
            id_from_key("app/resource=u/partition=byId/id=7/id=a1"),
            Some("7")
        );
        assert_eq!(reference_id("resource=u/data/id="), Some(""));
        assert_eq!(reference_id("resource=u/data"), None);
    }

    #[test]
    fn plugin_prefixes() {
        assert_eq!(
            plugin_prefix(Some("orders"), "audit"),
            "resource=orders/plugin=audit"
        );
        assert_eq!(plugin_prefix(None, "coordinator"), "plugin=coordinator");
    }
}
