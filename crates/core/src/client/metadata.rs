//! User metadata on its way to S3 (cleaned keys, ASCII values, the 2 KB limit) and back.

use crate::error::{ErrorKind, Result, StoreError};
use crate::store::Metadata;
use s3db_codec::metadata_encoding::{clean_key, decode_value, encode_value, MetaValue};
/// S3 refuses a PUT whose user metadata (keys + values, in bytes) exceeds 2 KB.
pub use s3db_codec::record::limits::S3_HEADER_LIMIT as S3_METADATA_LIMIT;

/// Encodes logical metadata (keys as given, values already `String()`-ified) as s3db.js writes it.
pub fn encode_metadata<'a>(
    entries: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Metadata> {
    let encoded: Metadata = entries
        .into_iter()
        .map(|(k, v)| (clean_key(k), encode_value(v)))
        .collect();
    let size = metadata_size(&encoded);
    if size > S3_METADATA_LIMIT {
        return Err(StoreError::new(ErrorKind::MetadataTooLarge, format!("S3 metadata is {size} bytes after encoding; the limit is {S3_METADATA_LIMIT} bytes"))
            .with_code("MetadataTooLarge")
            .with_status(400));
    }
    Ok(encoded)
}

/// Bytes S3 counts against the metadata limit.
pub fn metadata_size(metadata: &Metadata) -> usize {
    metadata.iter().map(|(k, v)| k.len() + v.len()).sum()
}

pub fn decode_metadata(metadata: &Metadata) -> Vec<(String, MetaValue)> {
    metadata
        .iter()
        .map(|(k, v)| (k.clone(), decode_value(v)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_keys_and_values() {
        let m = encode_metadata([("Name", "José"), ("_v", "v1")]).unwrap();
        assert_eq!(m.get("name").map(String::as_str), Some("u:Jos%C3%A9"));
        assert_eq!(m.get("_v").map(String::as_str), Some("v1"));
    }

    #[test]
    fn refuses_what_s3_would_refuse() {
        let big = "x".repeat(3000);
        let err = encode_metadata([("k", big.as_str())]).unwrap_err();
        assert_eq!(err.kind, ErrorKind::MetadataTooLarge);
        let fits = "x".repeat(2040);
        assert!(encode_metadata([("k", fits.as_str())]).is_ok());
    }
}
