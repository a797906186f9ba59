//! Plain data crossing the [`super::ObjectStore`] trait.

use bytes::Bytes;
use std::collections::BTreeMap;
use std::time::SystemTime;

/// Encoded user metadata (clean lower-case keys, ASCII values), sorted for stable output.
pub type Metadata = BTreeMap<String, String>;

#[derive(Debug, Clone, Default)]
pub struct PutRequest {
    pub body: Bytes,
    pub metadata: Metadata,
    pub content_type: Option<String>,
    pub content_encoding: Option<String>,
    /// Write only if the current ETag matches (optimistic concurrency).
    pub if_match: Option<String>,
    /// `*`: write only if the key does not exist yet.
    pub if_none_match: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct PutOutput {
    pub etag: String,
    pub version_id: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ObjectInfo {
    pub metadata: Metadata,
    pub content_type: Option<String>,
    pub content_encoding: Option<String>,
    pub content_length: u64,
    pub etag: String,
    pub last_modified: SystemTime,
    pub version_id: Option<String>,
}

#[derive(Debug, Clone)]
pub struct GetOutput {
    pub info: ObjectInfo,
    pub body: Bytes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MetadataDirective {
    #[default]
    Copy,
    Replace,
}

#[derive(Debug, Clone, Default)]
pub struct CopyRequest {
    pub directive: MetadataDirective,
    /// Used only with [`MetadataDirective::Replace`].
    pub metadata: Metadata,
    pub content_type: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct DeleteManyOutput {
    pub deleted: Vec<String>,
    pub errors: Vec<DeleteFailure>,
}

#[derive(Debug, Clone)]
pub struct DeleteFailure {
    pub key: String,
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone, Default)]
pub struct ListRequest {
    pub prefix: String,
    pub max_keys: usize,
    pub continuation_token: Option<String>,
    pub start_after: Option<String>,
    pub delimiter: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ListEntry {
    pub key: String,
    pub size: u64,
    pub etag: String,
    pub last_modified: SystemTime,
}

#[derive(Debug, Clone, Default)]
pub struct ListPage {
    pub contents: Vec<ListEntry>,
    pub common_prefixes: Vec<String>,
    pub is_truncated: bool,
    pub next_continuation_token: Option<String>,
}

/// The quoted MD5 hex digest S3 uses as the ETag of a single-part object.
pub fn etag_of(body: &[u8]) -> String {
    use md5::{Digest, Md5};
    format!("\"{}\"", hex::encode(Md5::digest(body)))
}

/// AWS caps a list page at 1,000 keys; so do the embedded backends.
pub const MAX_LIST_KEYS: usize = 1000;

pub fn effective_max_keys(requested: usize) -> usize {
    if requested == 0 {
        MAX_LIST_KEYS
    } else {
        requested.min(MAX_LIST_KEYS)
    }
}
