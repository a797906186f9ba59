//! Plain JS shapes of core results.

use napi::bindgen_prelude::Buffer;
use napi_derive::napi;
use s3db_core::client::DecodedInfo;
use s3db_core::codec::metadata_encoding::MetaValue;
use s3db_core::store::{ListEntry, ListPage};
use std::collections::HashMap;
use std::time::{SystemTime, UNIX_EPOCH};

pub fn millis(t: SystemTime) -> f64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as f64)
        .unwrap_or(0.0)
}

#[napi(object)]
pub struct ObjectHead {
    /// Decoded metadata; the stored token `null` reads back as null.
    pub metadata: HashMap<String, Option<String>>,
    /// Keys whose stored value was the token `undefined`.
    pub undefined_keys: Vec<String>,
    pub content_type: Option<String>,
    pub content_encoding: Option<String>,
    pub content_length: f64,
    pub etag: String,
    pub last_modified_ms: f64,
    pub version_id: Option<String>,
}

impl From<DecodedInfo> for ObjectHead {
    fn from(d: DecodedInfo) -> Self {
        let mut metadata = HashMap::with_capacity(d.metadata.len());
        let mut undefined_keys = Vec::new();
        for (key, value) in d.metadata {
            match value {
                MetaValue::Str(s) => {
                    metadata.insert(key, Some(s));
                }
                MetaValue::Null => {
                    metadata.insert(key, None);
                }
                MetaValue::Undefined => undefined_keys.push(key),
            }
        }
        ObjectHead {
            metadata,
            undefined_keys,
            content_type: d.info.content_type,
            content_encoding: d.info.content_encoding,
            content_length: d.info.content_length as f64,
            etag: d.info.etag,
            last_modified_ms: millis(d.info.last_modified),
            version_id: d.info.version_id,
        }
    }
}

#[napi(object)]
pub struct ObjectWithBody {
    pub head: ObjectHead,
    pub body: Buffer,
}

#[napi(object)]
pub struct ListedObject {
    pub key: String,
    pub size: f64,
    pub etag: String,
    pub last_modified_ms: f64,
}

impl From<ListEntry> for ListedObject {
    fn from(e: ListEntry) -> Self {
        ListedObject {
            key: e.key,
            size: e.size as f64,
            etag: e.etag,
            last_modified_ms: millis(e.last_modified),
        }
    }
}

#[napi(object)]
pub struct ListResult {
    pub contents: Vec<ListedObject>,
    pub common_prefixes: Vec<String>,
    pub is_truncated: bool,
    pub next_continuation_token: Option<String>,
    pub key_count: u32,
}

impl From<ListPage> for ListResult {
    fn from(p: ListPage) -> Self {
        let key_count = (p.contents.len() + p.common_prefixes.len()) as u32;
        ListResult {
            contents: p.contents.into_iter().map(Into::into).collect(),
            common_prefixes: p.common_prefixes,
            is_truncated: p.is_truncated,
            next_continuation_token: p.next_continuation_token,
            key_count,
        }
    }
}
