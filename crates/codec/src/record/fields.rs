//! The fields s3db adds to a record beyond its data: one list, each field with who adds it.
//! Every user of such a list derives it from [`RECORD_FIELDS`]: the encoder never writes any
//! of them ([`is_never_written`]), the core's merges drop the system fields
//! ([`is_system_field`]), and the JS face strips what a read adds ([`read_fields`]) from the
//! records writes return.

/// Who adds a field to a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldOrigin {
    /// A read, from the object itself (`get()`: size, dates, ETag, version, definition hash).
    Read,
    /// A read, from the object's `Expiration` header (s3db.js 19.5.10's `_expiresAt`).
    ReadExpiry,
    /// A read of a record written under another schema version, mapped to the current one.
    VersionMapping,
    /// A partition listing (which partition and values the record was listed under).
    PartitionListing,
    /// A batch read's item for a record it could not read.
    ErrorItem,
    /// A write's behavior (`$overflow`, `$truncated`) or an update event (`$before`, `$after`).
    Marker,
    /// Body-only objects: the stored key maps.
    KeyMap,
}

/// Every field s3db adds to a record, in one list (`id` aside: it is the record's own).
pub const RECORD_FIELDS: &[(&str, FieldOrigin)] = &[
    ("_contentLength", FieldOrigin::Read),
    ("_lastModified", FieldOrigin::Read),
    ("_hasContent", FieldOrigin::Read),
    ("_mimeType", FieldOrigin::Read),
    ("_etag", FieldOrigin::Read),
    ("_v", FieldOrigin::Read),
    ("_definitionHash", FieldOrigin::Read),
    ("_versionId", FieldOrigin::Read),
    ("_expiresAt", FieldOrigin::ReadExpiry),
    ("_originalVersion", FieldOrigin::VersionMapping),
    ("_versionMapped", FieldOrigin::VersionMapping),
    ("_partition", FieldOrigin::PartitionListing),
    ("_partitionValues", FieldOrigin::PartitionListing),
    ("_decryptionFailed", FieldOrigin::ErrorItem),
    ("_error", FieldOrigin::ErrorItem),
    ("$overflow", FieldOrigin::Marker),
    ("$truncated", FieldOrigin::Marker),
    ("$before", FieldOrigin::Marker),
    ("$after", FieldOrigin::Marker),
    ("_map", FieldOrigin::KeyMap),
    ("_pluginMap", FieldOrigin::KeyMap),
];

fn origin_of(name: &str) -> Option<FieldOrigin> {
    RECORD_FIELDS
        .iter()
        .find(|(field, _)| *field == name)
        .map(|(_, origin)| *origin)
}

/// The fields a read adds to a record (19.5.10's writes return and emit the record as written,
/// without them), in [`RECORD_FIELDS`] order.
pub fn read_fields() -> impl Iterator<Item = &'static str> {
    RECORD_FIELDS
        .iter()
        .filter(|(_, origin)| {
            matches!(
                origin,
                FieldOrigin::Read | FieldOrigin::ReadExpiry | FieldOrigin::VersionMapping
            )
        })
        .map(|(field, _)| *field)
}

/// Whether `name` is one of the [`read_fields`].
pub fn is_read_field(name: &str) -> bool {
    read_fields().any(|field| field == name)
}

/// The system fields: never data, so the core's merges and `data_of` drop them. A record's
/// `_expiresAt`, error-item fields and key maps are not among them: those merges keep them.
pub fn is_system_field(name: &str) -> bool {
    matches!(
        origin_of(name),
        Some(
            FieldOrigin::Read
                | FieldOrigin::VersionMapping
                | FieldOrigin::PartitionListing
                | FieldOrigin::Marker
        )
    )
}

/// Fields a write never stores at a record's root unless the schema declares them: `id` and
/// every field of [`RECORD_FIELDS`]. Records read back and written again carry them; s3db.js
/// then stores them as junk keys.
pub fn is_never_written(name: &str) -> bool {
    name == "id" || origin_of(name).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_fields_are_the_ones_a_get_adds() {
        assert_eq!(
            read_fields().collect::<Vec<_>>(),
            [
                "_contentLength",
                "_lastModified",
                "_hasContent",
                "_mimeType",
                "_etag",
                "_v",
                "_definitionHash",
                "_versionId",
                "_expiresAt",
                "_originalVersion",
                "_versionMapped"
            ]
        );
        assert!(is_read_field("_etag"));
        assert!(!is_read_field("_partition"));
        assert!(!is_read_field("id"));
    }

    #[test]
    fn system_fields_leave_out_expiry_error_items_and_key_maps() {
        let system: Vec<&str> = RECORD_FIELDS
            .iter()
            .map(|(f, _)| *f)
            .filter(|f| is_system_field(f))
            .collect();
        assert_eq!(
            system,
            [
                "_contentLength",
                "_lastModified",
                "_hasContent",
                "_mimeType",
                "_etag",
                "_v",
                "_definitionHash",
                "_versionId",
                "_originalVersion",
                "_versionMapped",
                "_partition",
                "_partitionValues",
                "$overflow",
                "$truncated",
                "$before",
                "$after"
            ]
        );
        for kept in [
            "_expiresAt",
            "_error",
            "_decryptionFailed",
            "_map",
            "_pluginMap",
            "id",
        ] {
            assert!(!is_system_field(kept), "{kept}");
        }
        assert!(!is_system_field("name"));
    }

    #[test]
    fn never_written_is_id_and_every_record_field() {
        assert!(is_never_written("id"));
        for (field, _) in RECORD_FIELDS {
            assert!(is_never_written(field), "{field}");
        }
        assert_eq!(RECORD_FIELDS.len(), 21);
        assert!(!is_never_written("name"));
        assert!(!is_never_written("_id"));
        assert!(!is_never_written("$overflowed"));
    }

    #[test]
    fn each_field_is_listed_once() {
        for (i, (field, _)) in RECORD_FIELDS.iter().enumerate() {
            assert!(
                RECORD_FIELDS[i + 1..]
                    .iter()
                    .all(|(other, _)| other != field),
                "{field}"
            );
        }
    }
}
