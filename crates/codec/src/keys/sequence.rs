//! Sequence objects, in s3db.js 19.x's layout so both libraries share them: a sequence's value
//! and its lock are two objects, `<owner>sequence=<name>/value` and `<owner>sequence=<name>/lock`,
//! where the owner prefix names a resource, a plugin or both. A sequence with no owner (a
//! `DistributedSequence` over its default keys) lives at `sequences/<name>/value|lock`.

use super::{plugin_prefix, resource_list_prefix};

/// The two objects of a sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SequencePart {
    /// `{"value":<next>,"name":<name>,"createdAt":ms,...}`.
    Value,
    /// The `DistributedLock` object that serialises changes of the value.
    Lock,
}

impl SequencePart {
    /// The last key segment: `value` or `lock`.
    pub fn as_str(self) -> &'static str {
        match self {
            SequencePart::Value => "value",
            SequencePart::Lock => "lock",
        }
    }

    /// `value` or `lock`; anything else is no part of a sequence.
    pub fn parse(part: &str) -> Option<SequencePart> {
        match part {
            "value" => Some(SequencePart::Value),
            "lock" => Some(SequencePart::Lock),
            _ => None,
        }
    }
}

/// The prefix a sequence's keys start with, by owner (s3db.js's `createSequence`):
/// `resource=<r>/plugin=<p>/`, `resource=<r>/`, `plugin=<p>/`, else `prefix` as given; `None`
/// when nothing names an owner (the default `sequences/` layout). Empty names count as absent.
pub fn sequence_owner_prefix(
    resource: Option<&str>,
    plugin: Option<&str>,
    prefix: &str,
) -> Option<String> {
    let resource = resource.filter(|r| !r.is_empty());
    match (resource, plugin.filter(|p| !p.is_empty())) {
        (resource, Some(plugin)) => Some(format!("{}/", plugin_prefix(resource, plugin))),
        (Some(resource), None) => Some(resource_list_prefix(resource)),
        (None, None) if !prefix.is_empty() => Some(prefix.to_string()),
        (None, None) => None,
    }
}

/// The key of one object of sequence `name`: `<owner>sequence=<name>/<part>`, or
/// `sequences/<name>/<part>` without an owner prefix.
pub fn sequence_key(owner: Option<&str>, name: &str, part: SequencePart) -> String {
    let part = part.as_str();
    match owner {
        Some(owner) => format!("{}{name}/{part}", sequences_prefix(owner)),
        None => format!("sequences/{name}/{part}"),
    }
}

/// The listing prefix of every sequence of an owner: `<owner>sequence=`.
pub fn sequences_prefix(owner: &str) -> String {
    format!("{owner}sequence=")
}

/// The key of an incremental-id sequence of a resource: `resource=<r>/sequence=<field>/<part>`.
pub fn resource_sequence_key(resource: &str, field: &str, part: SequencePart) -> String {
    sequence_key(Some(&resource_list_prefix(resource)), field, part)
}

/// The listing prefix of a resource's incremental-id sequences: `resource=<r>/sequence=`.
pub fn resource_sequences_prefix(resource: &str) -> String {
    sequences_prefix(&resource_list_prefix(resource))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_sequences() {
        assert_eq!(
            resource_sequence_key("orders", "id", SequencePart::Value),
            "resource=orders/sequence=id/value"
        );
        assert_eq!(
            resource_sequence_key("orders", "id", SequencePart::Lock),
            "resource=orders/sequence=id/lock"
        );
        assert_eq!(
            resource_sequences_prefix("orders"),
            "resource=orders/sequence="
        );
        assert!(resource_sequence_key("orders", "n", SequencePart::Value)
            .starts_with(&resource_sequences_prefix("orders")));
    }

    #[test]
    fn owners() {
        let owner = |r, p, prefix| sequence_owner_prefix(r, p, prefix);
        assert_eq!(
            owner(Some("orders"), Some("audit"), "x/").as_deref(),
            Some("resource=orders/plugin=audit/")
        );
        assert_eq!(
            owner(Some("orders"), None, "x/").as_deref(),
            Some("resource=orders/")
        );
        assert_eq!(
            owner(None, Some("audit"), "x/").as_deref(),
            Some("plugin=audit/")
        );
        assert_eq!(owner(None, None, "app/").as_deref(), Some("app/"));
        assert_eq!(owner(None, None, ""), None);
        assert_eq!(owner(Some(""), Some(""), ""), None);
        assert_eq!(
            owner(Some(""), Some("audit"), "").as_deref(),
            Some("plugin=audit/")
        );
    }

    #[test]
    fn keys_by_owner() {
        assert_eq!(
            sequence_key(Some("plugin=audit/"), "ticket", SequencePart::Value),
            "plugin=audit/sequence=ticket/value"
        );
        assert_eq!(
            sequence_key(Some("app/"), "ticket", SequencePart::Lock),
            "app/sequence=ticket/lock"
        );
        assert_eq!(
            sequence_key(None, "ticket", SequencePart::Value),
            "sequences/ticket/value"
        );
        assert_eq!(
            sequence_key(None, "ticket", SequencePart::Lock),
            "sequences/ticket/lock"
        );
    }

    #[test]
    fn parts() {
        for part in [SequencePart::Value, SequencePart::Lock] {
            assert_eq!(SequencePart::parse(part.as_str()), Some(part));
        }
        assert_eq!(SequencePart::parse("Value"), None);
        assert_eq!(SequencePart::parse(""), None);
    }
}
