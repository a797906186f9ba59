//! An object store backed by an application's own client object (s3db.js apps inject clients
//! with `new Database({ client })`). Every request crosses to JS through one threadsafe
//! function: `dispatch([op, argsJson])` resolves to `{"ok": ...}` or `{"error": ...}` as JSON
//! (`lib/foreign-client.js` builds it). Bodies travel base64-encoded; metadata crosses
//! decoded, because the application's client encodes metadata itself.

use async_trait::async_trait;
use base64::Engine;
use napi::bindgen_prelude::Promise;
use napi::threadsafe_function::ThreadsafeFunction;
use s3db_core::client::{decode_metadata, encode_metadata};
use s3db_core::codec::metadata_encoding::MetaValue;
use s3db_core::store::*;
use s3db_core::{ErrorKind, StoreError};
use serde_json::{json, Map, Value};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Weak: a pending store call never keeps Node alive by itself.
pub type DispatchFn = ThreadsafeFunction<
    (String, String),
    Promise<String>,
    (String, String),
    napi::Status,
    false,
    true,
>;

pub struct JsStore {
    bucket: String,
    dispatch: DispatchFn,
}

type Result<T> = std::result::Result<T, StoreError>;

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

fn bridge_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::new(ErrorKind::Unknown, format!("client call failed: {e}"))
}

impl JsStore {
    pub fn new(bucket: String, dispatch: DispatchFn) -> Self {
        JsStore { bucket, dispatch }
    }

    async fn call(&self, op: &str, key: Option<&str>, args: Value) -> Result<Value> {
        let promise = self
            .dispatch
            .call_async((op.to_string(), args.to_string()))
            .await
            .map_err(bridge_error)?;
        let text = promise.await.map_err(bridge_error)?;
        let mut reply: Value =
            s3db_core::codec::js::parse::from_js_str(&text).map_err(bridge_error)?;
        if let Some(error) = reply.get("error") {
            return Err(self.foreign_error(error, key));
        }
        Ok(reply.get_mut("ok").map(Value::take).unwrap_or(Value::Null))
    }

    /// Classifies what the application's client threw the way s3db.js does: by name, code or
    /// HTTP status.
    fn foreign_error(&self, error: &Value, key: Option<&str>) -> StoreError {
        let text = |f: &str| error.get(f).and_then(Value::as_str).unwrap_or("");
        let status = error
            .get("statusCode")
            .and_then(Value::as_u64)
            .map(|s| s as u16);
        let code = [text("code"), text("name")]
            .into_iter()
            .find(|c| !c.is_empty())
            .unwrap_or("UnknownError")
            .to_string();
        let message = text("message").to_string();
        let (kind, status) = if status == Some(404) || code == "NoSuchKey" || code == "NotFound" {
            (ErrorKind::NoSuchKey, Some(404))
        } else if status == Some(412) || code == "PreconditionFailed" {
            (ErrorKind::PreconditionFailed, Some(412))
        } else if code == "NoSuchBucket" {
            (ErrorKind::NoSuchBucket, status)
        } else if status.is_some_and(|s| s >= 500) {
            (ErrorKind::Server, status)
        } else {
            (ErrorKind::Unknown, status)
        };
        let mut err = StoreError::new(kind, message).with_code(if kind == ErrorKind::NoSuchKey {
            "NoSuchKey".to_string()
        } else {
            code
        });
        if let Some(status) = status {
            err = err.with_status(status);
        }
        match key {
            Some(key) => err.with_location(&self.bucket, key),
            None => err,
        }
    }
}

fn decoded_metadata(metadata: &Metadata) -> Map<String, Value> {
    decode_metadata(metadata)
        .into_iter()
        .map(|(k, v)| {
            let text = match v {
                MetaValue::Null => "null".to_string(),
                MetaValue::Undefined => "undefined".to_string(),
                MetaValue::Str(s) => s,
            };
            (k, Value::String(text))
        })
        .collect()
}

fn encoded_metadata(value: Option<&Value>) -> Result<Metadata> {
    let Some(Value::Object(map)) = value else {
        return Ok(Metadata::new());
    };
    let pairs: Vec<(String, String)> = map
        .iter()
        .map(|(k, v)| {
            let text = match v {
                Value::String(s) => s.clone(),
                Value::Null => "null".to_string(),
                other => other.to_string(),
            };
            (k.clone(), text)
        })
        .collect();
    encode_metadata(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

fn opt_text(v: &Value, field: &str) -> Option<String> {
    v.get(field).and_then(Value::as_str).map(str::to_string)
}

fn time_of(v: &Value, field: &str) -> SystemTime {
    let ms = v.get(field).and_then(Value::as_f64).unwrap_or(0.0).max(0.0);
    UNIX_EPOCH + Duration::from_millis(ms as u64)
}

fn info_of(v: &Value, body_len: Option<u64>) -> Result<ObjectInfo> {
    Ok(ObjectInfo {
        metadata: encoded_metadata(v.get("metadata"))?,
        content_type: opt_text(v, "contentType"),
        content_encoding: opt_text(v, "contentEncoding"),
        content_length: v
            .get("contentLength")
            .and_then(Value::as_u64)
            .or(body_len)
            .unwrap_or(0),
        etag: opt_text(v, "etag").unwrap_or_default(),
        last_modified: time_of(v, "lastModified"),
        version_id: opt_text(v, "versionId"),
    })
}

#[async_trait]
impl ObjectStore for JsStore {
    fn bucket(&self) -> &str {
        &self.bucket
    }

    async fn put(&self, key: &str, req: PutRequest) -> Result<PutOutput> {
        let args = json!({
            "key": key,
            "body": B64.encode(&req.body),
            "metadata": decoded_metadata(&req.metadata),
            "contentType": req.content_type,
            "contentEncoding": req.content_encoding,
            "ifMatch": req.if_match,
            "ifNoneMatch": req.if_none_match,
        });
        let out = self.call("put", Some(key), args).await?;
        Ok(PutOutput {
            etag: opt_text(&out, "etag").unwrap_or_else(|| etag_of(&req.body)),
            version_id: opt_text(&out, "versionId"),
        })
    }

    async fn get(&self, key: &str) -> Result<GetOutput> {
        let out = self.call("get", Some(key), json!({ "key": key })).await?;
        let body = B64
            .decode(out.get("body").and_then(Value::as_str).unwrap_or(""))
            .map_err(bridge_error)?;
        let mut info = info_of(&out, Some(body.len() as u64))?;
        if info.etag.is_empty() {
            info.etag = etag_of(&body);
        }
        Ok(GetOutput {
            info,
            body: body.into(),
        })
    }

    async fn head(&self, key: &str) -> Result<ObjectInfo> {
        let out = self.call("head", Some(key), json!({ "key": key })).await?;
        info_of(&out, None)
    }

    async fn delete(&self, key: &str) -> Result<()> {
        match self.call("delete", Some(key), json!({ "key": key })).await {
            Err(e) if e.is_not_found() => Ok(()),
            other => other.map(|_| ()),
        }
    }

    async fn delete_many(&self, keys: &[String]) -> Result<DeleteManyOutput> {
        let out = self
            .call("deleteMany", None, json!({ "keys": keys }))
            .await?;
        let texts = |field: &str| -> Vec<Value> {
            out.get(field)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        Ok(DeleteManyOutput {
            deleted: texts("deleted")
                .iter()
                .filter_map(|k| k.as_str().map(str::to_string))
                .collect(),
            errors: texts("errors")
                .iter()
                .map(|e| DeleteFailure {
                    key: opt_text(e, "key").unwrap_or_default(),
                    code: opt_text(e, "code").unwrap_or_else(|| "UnknownError".into()),
                    message: opt_text(e, "message").unwrap_or_default(),
                })
                .collect(),
        })
    }

    async fn list(&self, req: &ListRequest) -> Result<ListPage> {
        let args = json!({
            "prefix": req.prefix,
            "maxKeys": effective_max_keys(req.max_keys),
            "continuationToken": req.continuation_token,
            "startAfter": req.start_after,
            "delimiter": req.delimiter,
        });
        let out = self.call("list", None, args).await?;
        let array = |field: &str| {
            out.get(field)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        Ok(ListPage {
            contents: array("contents")
                .iter()
                .map(|o| ListEntry {
                    key: opt_text(o, "key").unwrap_or_default(),
                    size: o.get("size").and_then(Value::as_u64).unwrap_or(0),
                    etag: opt_text(o, "etag").unwrap_or_default(),
                    last_modified: time_of(o, "lastModified"),
                })
                .collect(),
            common_prefixes: array("commonPrefixes")
                .iter()
                .filter_map(|p| p.as_str().map(str::to_string))
                .collect(),
            is_truncated: out
                .get("isTruncated")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            next_continuation_token: opt_text(&out, "nextContinuationToken"),
        })
    }
}
