//! Key rules of the s3db.js client: keys are joined to the key prefix with POSIX `path.join`.

use crate::error::{Result, StoreError};

/// S3's limit on a key, in UTF-8 bytes.
pub const MAX_KEY_BYTES: usize = 1024;

/// Node's `path.posix.join(prefix, key)`, as s3db.js joins keys to the key prefix (the codec's rule).
pub use s3db_codec::keys::join_prefix as join_key;

/// The full key for an object, or a clear error for keys S3 would refuse.
pub fn object_key(prefix: &str, key: &str) -> Result<String> {
    if key.is_empty() {
        return Err(StoreError::invalid("Object key cannot be empty"));
    }
    let full = join_key(prefix, key);
    if full.len() > MAX_KEY_BYTES {
        return Err(StoreError::invalid(format!(
            "Object key is {} bytes; S3 allows at most {MAX_KEY_BYTES}",
            full.len()
        )));
    }
    Ok(full)
}

/// The list prefix for a client-relative prefix. An empty prefix lists the whole key prefix
/// as a directory (`app/`), so a database at `app` never sees keys of one at `apple`.
pub fn list_prefix(key_prefix: &str, prefix: &str) -> String {
    match (key_prefix.is_empty(), prefix.is_empty()) {
        (true, _) => prefix.to_string(),
        (false, true) => format!("{}/", key_prefix.trim_end_matches('/')),
        (false, false) => join_key(key_prefix, prefix),
    }
}

/// A listed key relative to the key prefix.
pub fn strip_key_prefix<'a>(key_prefix: &str, key: &'a str) -> &'a str {
    if key_prefix.is_empty() {
        return key;
    }
    key.strip_prefix(key_prefix)
        .map(|k| k.trim_start_matches('/'))
        .unwrap_or(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_like_node_path() {
        assert_eq!(
            join_key("app", "resource=users/data/id=1"),
            "app/resource=users/data/id=1"
        );
        assert_eq!(join_key("app/", "/x//y/./z/../w"), "app/x/y/w");
        assert_eq!(join_key("app", "dir/"), "app/dir/");
        assert_eq!(join_key("", "a//b"), "a//b");
        assert_eq!(join_key("a", "../../b"), "../b");
    }

    #[test]
    fn rejects_unusable_keys() {
        assert!(object_key("p", "").is_err());
        assert!(object_key("", &"k".repeat(1025)).is_err());
        assert!(object_key("", &"k".repeat(1024)).is_ok());
    }

    #[test]
    fn list_prefix_stays_inside_the_database() {
        assert_eq!(list_prefix("app", ""), "app/");
        assert_eq!(
            list_prefix("app", "resource=users/data"),
            "app/resource=users/data"
        );
        assert_eq!(list_prefix("", "x"), "x");
        assert_eq!(
            strip_key_prefix("app", "app/resource=u/data/id=1"),
            "resource=u/data/id=1"
        );
    }
}
