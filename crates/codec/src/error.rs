//! Typed errors for every fallible codec operation. The JS layer maps each variant to the
//! s3db.js error class named in its doc comment.

use thiserror::Error;

/// Everything that can go wrong while parsing schemas, encoding or decoding records.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum CodecError {
    /// Malformed attribute definition (JS: `SchemaError` / `ResourceError`).
    #[error("Invalid attribute definition for '{path}': {reason}")]
    Schema { path: String, reason: String },

    /// A stored value that cannot be decoded as its declared type.
    #[error("Cannot decode '{field}' as {kind}: {reason}")]
    Decode {
        field: String,
        kind: &'static str,
        reason: String,
    },

    /// A value that cannot be encoded as its declared type (validation should have caught it).
    #[error("Cannot encode '{field}' as {kind}: {reason}")]
    Encode {
        field: String,
        kind: &'static str,
        reason: String,
    },

    /// Secret decryption or encryption failure (JS: `CryptoError` / `EncryptionError`).
    #[error("Crypto error: {0}")]
    Crypto(String),

    /// Metadata larger than allowed (JS: `MetadataLimitError`).
    #[error("Metadata size exceeds 2KB limit on {operation}")]
    MetadataLimit {
        operation: String,
        total_size: usize,
        effective_limit: usize,
        absolute_limit: usize,
        excess: usize,
    },

    /// Unknown behavior name (JS: `BehaviorError`).
    #[error("Unknown behavior: {0}")]
    UnknownBehavior(String),

    /// Invalid record id (JS: `ValidationError`, statusCode 400).
    #[error("{0}")]
    InvalidId(String),

    /// Invalid or unreadable `s3db.json` (JS: `MissingMetadata` / `DatabaseError`).
    #[error("Invalid s3db.json: {0}")]
    Metadata(String),

    /// Partition definition or value problem (JS: `PartitionError`).
    #[error("Partition error: {0}")]
    Partition(String),

    /// A body-only object without a body, or a body that is not what the behavior needs.
    #[error("Invalid body: {0}")]
    Body(String),
}

pub type Result<T> = std::result::Result<T, CodecError>;

impl CodecError {
    pub(crate) fn schema(path: impl Into<String>, reason: impl Into<String>) -> Self {
        CodecError::Schema {
            path: path.into(),
            reason: reason.into(),
        }
    }

    pub(crate) fn decode(field: &str, kind: &'static str, reason: impl Into<String>) -> Self {
        CodecError::Decode {
            field: field.to_string(),
            kind,
            reason: reason.into(),
        }
    }

    pub(crate) fn encode(field: &str, kind: &'static str, reason: impl Into<String>) -> Self {
        CodecError::Encode {
            field: field.to_string(),
            kind,
            reason: reason.into(),
        }
    }
}
