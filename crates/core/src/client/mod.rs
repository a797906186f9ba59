//! The s3db.js client API over any [`ObjectStore`]: keys relative to the key prefix, metadata
//! encoded as s3db.js encodes it, and every leaf request admitted by the client's limiter.
//! Composite operations (deleteObjects, deleteAll, count, ...) never hold a slot themselves.

mod deletes;
#[cfg(test)]
mod future_size;
mod keys;
mod listing;
mod metadata;
mod moves;
mod own_write;
mod puts;
mod reports;

pub use deletes::DeleteObjectsReport;
use deletes::DELETE_BATCH;
pub use keys::{join_key, list_prefix, object_key, strip_key_prefix};
pub use metadata::{decode_metadata, encode_metadata, metadata_size, S3_METADATA_LIMIT};
pub use puts::PutObjectInput;
pub use reports::{reported_by_caller, RequestReport, RequestReports, Summary};

use crate::error::Result;
use crate::store::*;
use bytes::Bytes;
use s3db_codec::metadata_encoding::MetaValue;
use std::sync::Arc;
use tokio::sync::OnceCell;

pub struct Client {
    config: ConnectionConfig,
    store: OnceCell<Arc<dyn ObjectStore>>,
    limiter: RequestLimiter,
    /// Set once the server answered a conditional write with 501: checks are emulated from then on.
    no_conditional_writes: std::sync::atomic::AtomicBool,
    /// Whether the S3 server evaluates `If-Match: *` on DELETE (probed once, on first use).
    conditional_deletes: OnceCell<bool>,
    /// The requests that succeeded, for a caller that counts them (off until asked).
    reports: RequestReports,
}

/// An object's description with its metadata decoded back to logical values.
#[derive(Debug, Clone)]
pub struct DecodedInfo {
    pub info: ObjectInfo,
    pub metadata: Vec<(String, MetaValue)>,
}

impl Client {
    /// Validates the configuration now; the store itself opens on first use.
    pub fn new(config: ConnectionConfig, concurrency: usize) -> Self {
        Client {
            config,
            store: OnceCell::new(),
            limiter: RequestLimiter::new(concurrency),
            no_conditional_writes: Default::default(),
            conditional_deletes: OnceCell::new(),
            reports: RequestReports::default(),
        }
    }

    /// Like `new`, with requests admitted by the given limiter (e.g. a pool shared with JS).
    pub fn with_limiter(config: ConnectionConfig, limiter: RequestLimiter) -> Self {
        Client {
            config,
            store: OnceCell::new(),
            limiter,
            no_conditional_writes: Default::default(),
            conditional_deletes: OnceCell::new(),
            reports: RequestReports::default(),
        }
    }

    /// A client over a store opened elsewhere (e.g. one that calls an application's own client).
    pub fn with_store(
        config: ConnectionConfig,
        store: Arc<dyn ObjectStore>,
        limiter: RequestLimiter,
    ) -> Self {
        Client {
            config,
            store: OnceCell::new_with(Some(store)),
            limiter,
            no_conditional_writes: Default::default(),
            conditional_deletes: OnceCell::new(),
            reports: RequestReports::default(),
        }
    }

    pub fn config(&self) -> &ConnectionConfig {
        &self.config
    }

    pub fn key_prefix(&self) -> &str {
        &self.config.key_prefix
    }

    /// The requests this client made that succeeded, once reporting is enabled.
    pub fn reports(&self) -> &RequestReports {
        &self.reports
    }

    async fn store(&self) -> Result<&Arc<dyn ObjectStore>> {
        // Boxed: opening an S3 store is an ~11 KB future, and unboxed it would be part of every
        // request's future, copied at each await of every request after the first.
        self.store
            .get_or_try_init(|| Box::pin(open(&self.config)))
            .await
    }

    fn full_key(&self, key: &str) -> Result<String> {
        object_key(&self.config.key_prefix, key)
            .map_err(|e| e.with_location(&self.config.bucket, key))
    }

    /// One leaf request, through the limiter.
    async fn leaf<T, F, Fut>(
        &self,
        operation: &'static str,
        key: Option<&str>,
        request: F,
    ) -> Result<T>
    where
        T: Summary,
        F: FnMut(Arc<dyn ObjectStore>) -> Fut,
        Fut: std::future::Future<Output = Result<T>>,
    {
        self.leaf_reported(operation, key, key, None, request).await
    }

    /// A leaf request whose report names `subject` (a key or a listing's prefix) and the
    /// body `sent`.
    async fn leaf_reported<T, F, Fut>(
        &self,
        operation: &'static str,
        key: Option<&str>,
        subject: Option<&str>,
        sent: Option<&Bytes>,
        request: F,
    ) -> Result<T>
    where
        T: Summary,
        F: FnMut(Arc<dyn ObjectStore>) -> Fut,
        Fut: std::future::Future<Output = Result<T>>,
    {
        let store = self.store().await?.clone();
        let mut request = request;
        let out = self
            .limiter
            .run(RequestInfo::new(operation, key), || request(store.clone()))
            .await
            .map_err(|e| {
                if e.command.is_none() {
                    e.with_command(operation)
                } else {
                    e
                }
            })?;
        if self.reports.is_enabled() {
            let subject = subject.map(|k| strip_key_prefix(&self.config.key_prefix, k));
            self.reports.note(operation, subject, sent, &out);
        }
        Ok(out)
    }

    pub async fn get_object(&self, key: &str) -> Result<(DecodedInfo, Bytes)> {
        let full = self.full_key(key)?;
        let out = self
            .leaf("GetObject", Some(&full), |s| {
                let full = full.clone();
                async move { s.get(&full).await }
            })
            .await?;
        Ok((decoded(out.info), out.body))
    }

    pub async fn head_object(&self, key: &str) -> Result<DecodedInfo> {
        let full = self.full_key(key)?;
        let info = self
            .leaf("HeadObject", Some(&full), |s| {
                let full = full.clone();
                async move { s.head(&full).await }
            })
            .await?;
        Ok(decoded(info))
    }

    /// Whether the opened store answers in place ([`ObjectStore::answers_in_place`]); `false`
    /// before the store is opened.
    pub fn answers_in_place(&self) -> bool {
        self.store
            .get()
            .is_some_and(|store| store.answers_in_place())
    }

    /// One HEAD, whose answer only says whether the key is there.
    pub async fn exists(&self, key: &str) -> Result<bool> {
        self.exists_joined(&self.full_key(key)?).await
    }

    /// `key` joined under the key prefix, for a caller that keeps a fixed stem of keys joined
    /// once (see [`Client::key_under`]).
    pub fn joined_key(&self, key: &str) -> Result<String> {
        self.full_key(key)
    }

    /// The full key of `stem` + `segment`, where `joined_stem` is `joined_key(stem)` and
    /// `segment` holds no `/` (so joining it would only append it): built by appending, without
    /// joining again. A key too long for S3 is refused as `joined_key` refuses it.
    pub fn key_under(&self, joined_stem: &str, stem: &str, segment: &str) -> Result<String> {
        debug_assert!(!segment.contains('/'));
        if joined_stem.len() + segment.len() > keys::MAX_KEY_BYTES {
            return self.full_key(&format!("{stem}{segment}"));
        }
        let mut full = String::with_capacity(joined_stem.len() + segment.len());
        full.push_str(joined_stem);
        full.push_str(segment);
        Ok(full)
    }

    /// [`Client::exists`] of a key already joined under the key prefix.
    pub async fn exists_joined(&self, full: &str) -> Result<bool> {
        // A store that answers at once (memory) is asked without its boxed async call; either
        // way the request is one pool task.
        let head = self
            .leaf_reported("HeadObject", Some(full), Some(full), None, move |s| {
                let now = s.head_exists_now(full);
                async move {
                    match now {
                        Some(answer) => answer,
                        None => s.head_exists(full).await,
                    }
                }
            })
            .await;
        match head {
            Ok(_) => Ok(true),
            Err(e) if e.is_not_found() => Ok(false),
            Err(e) => Err(e),
        }
    }
}

fn decoded(info: ObjectInfo) -> DecodedInfo {
    let metadata = decode_metadata(&info.metadata);
    DecodedInfo { info, metadata }
}
