//! Object keys: records, partition references, ids (storage spec §1).

pub mod id;
pub mod partition;

/// `resource=<name>/data/id=<id>` (relative to the key prefix).
pub fn record_key(resource: &str, id: &str) -> String {
    format!("resource={resource}/data/id={id}")
}

/// Listing prefix of a resource's records (no trailing slash, as s3db.js lists).
pub fn records_prefix(resource: &str) -> String {
    format!("resource={resource}/data")
}

/// `resource=<name>/historical/id=<id>`.
pub fn historical_key(resource: &str, id: &str) -> String {
    format!("resource={resource}/historical/id={id}")
}

/// The id in a key: the first `/`-segment that starts with `id=`, without that prefix.
pub fn id_from_key(key: &str) -> Option<&str> {
    key.split('/').find_map(|seg| seg.strip_prefix("id="))
}

/// `path.join(prefix, key)` for the keys s3db builds (POSIX normalisation of `//`, `.`, `..`).
pub fn join_prefix(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        return key.to_string();
    }
    let mut parts: Vec<&str> = Vec::new();
    for seg in prefix.split('/').chain(key.split('/')) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let trailing = key.ends_with('/');
    let mut out = parts.join("/");
    if prefix.starts_with('/') {
        out.insert(0, '/');
    }
    if trailing {
        out.push('/');
    }
    out
}

#[cfg(test)]
mod tests {
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
}
