//! The s3db.js client API over any [`ObjectStore`]: keys relative to the key prefix, metadata
//! encoded as s3db.js encodes it, and every leaf request admitted by the client's limiter.
//! Composite operations (deleteObjects, deleteAll, count, ...) never hold a slot themselves.

mod keys;
mod listing;
mod metadata;
mod own_write;
mod reports;

pub use keys::{join_key, list_prefix, object_key, strip_key_prefix};
pub use metadata::{decode_metadata, encode_metadata, metadata_size, S3_METADATA_LIMIT};
pub use reports::{reported_by_caller, RequestReport, RequestReports, Summary};

use crate::error::{ErrorKind, Result, StoreError};
use crate::store::*;
use bytes::Bytes;
use futures::future::join_all;
use s3db_codec::metadata_encoding::MetaValue;
use std::sync::Arc;
use tokio::sync::OnceCell;

/// S3 deletes at most 1,000 keys per DeleteObjects request.
const DELETE_BATCH: usize = 1000;

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

#[derive(Debug, Clone, Default)]
pub struct PutObjectInput {
    pub key: String,
    /// Logical metadata: keys as given, values as `String(value)` in JS.
    pub metadata: Vec<(String, String)>,
    pub body: Bytes,
    pub content_type: Option<String>,
    pub content_encoding: Option<String>,
    pub if_match: Option<String>,
    pub if_none_match: Option<String>,
}

/// An object's description with its metadata decoded back to logical values.
#[derive(Debug, Clone)]
pub struct DecodedInfo {
    pub info: ObjectInfo,
    pub metadata: Vec<(String, MetaValue)>,
}

#[derive(Debug, Default)]
pub struct DeleteObjectsReport {
    /// One entry per successful DeleteObjects request.
    pub deleted: Vec<DeleteManyOutput>,
    /// One entry per failed request: the error and the keys it carried.
    pub failed: Vec<(StoreError, Vec<String>)>,
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

    pub async fn put_object(&self, input: PutObjectInput) -> Result<PutOutput> {
        let key = self.full_key(&input.key)?;
        let metadata =
            encode_metadata(input.metadata.iter().map(|(k, v)| (k.as_str(), v.as_str())))
                .map_err(|e| e.with_location(&self.config.bucket, &input.key))?;
        let req = PutRequest {
            body: input.body,
            metadata,
            content_type: input.content_type,
            content_encoding: input.content_encoding,
            if_match: input.if_match,
            if_none_match: input.if_none_match,
        };
        let conditional = req.if_match.is_some() || req.if_none_match.is_some();
        if conditional
            && self
                .no_conditional_writes
                .load(std::sync::atomic::Ordering::Relaxed)
        {
            return self.put_with_emulated_conditions(&key, req).await;
        }
        let outcome = self.put_leaf(&key, req.clone()).await;
        match outcome {
            Err(e) if conditional && e.is_not_implemented() => {
                self.no_conditional_writes
                    .store(true, std::sync::atomic::Ordering::Relaxed);
                self.put_with_emulated_conditions(&key, req).await
            }
            other => other,
        }
    }

    /// One PUT through the pool. A conditional PUT that the pool retried after an attempt of
    /// unknown outcome (no answer: a transport failure after sending, a timeout) can meet its
    /// own write and be refused with 412, or give up on retryable failures after the write was
    /// applied; then the object is read, and when it is byte-equal to what was sent the write
    /// is ours and succeeds (see [`own_write`]).
    async fn put_leaf(&self, key: &str, req: PutRequest) -> Result<PutOutput> {
        let unanswered = own_write::Unanswered::default();
        let outcome = self
            .leaf_reported("PutObject", Some(key), Some(key), Some(&req.body), |s| {
                let (key, req) = (key.to_string(), req.clone());
                let attempt = unanswered.attempt();
                async move { attempt.watch(s.put(&key, req).await) }
            })
            .await;
        match outcome {
            Err(refused) if own_write::may_be_own(&req, &refused, &unanswered) => {
                self.adopt_own_write(key, &req, refused).await
            }
            other => other,
        }
    }

    /// After a 412 that may answer our own earlier attempt: the object's ETag and metadata
    /// decide. A different object or none keeps the failure. The read-back is what tells a
    /// stored write from a refused one, so a HEAD that fails on retryable errors is tried again
    /// for [`own_write::READ_BACK_ROUNDS`] rounds of the pool's retries; if it never answers,
    /// the outcome is unknown and the HEAD's failure is reported, not the 412 (which would say
    /// that our own record belongs to someone else).
    async fn adopt_own_write(
        &self,
        key: &str,
        sent: &PutRequest,
        refused: StoreError,
    ) -> Result<PutOutput> {
        let mut round = 1;
        loop {
            let current = self
                .leaf("HeadObject", Some(key), |s| {
                    let key = key.to_string();
                    async move { s.head(&key).await }
                })
                .await;
            match current {
                Ok(info) if own_write::is_own_write(&info, sent) => {
                    return Ok(PutOutput {
                        etag: info.etag,
                        version_id: info.version_id,
                    })
                }
                Err(e) if e.is_retryable() && round < own_write::READ_BACK_ROUNDS => round += 1,
                Err(e) if e.is_retryable() => return Err(e),
                _ => return Err(refused),
            }
        }
    }

    /// For servers without conditional writes: a HEAD decides, then a plain PUT. Another writer
    /// can slip in between, which only a server that honours the conditions can prevent.
    async fn put_with_emulated_conditions(
        &self,
        key: &str,
        mut req: PutRequest,
    ) -> Result<PutOutput> {
        let current = match self
            .leaf("HeadObject", Some(key), |s| {
                let key = key.to_string();
                async move { s.head(&key).await }
            })
            .await
        {
            Ok(info) => Some(info.etag),
            Err(e) if e.is_not_found() => None,
            Err(e) => return Err(e),
        };
        crate::store::check_preconditions(current.as_deref(), &req, &self.config.bucket, key)?;
        req.if_match = None;
        req.if_none_match = None;
        self.put_leaf(key, req).await
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

    pub async fn copy_object(
        &self,
        from: &str,
        to: &str,
        directive: MetadataDirective,
        metadata: &[(String, String)],
        content_type: Option<String>,
    ) -> Result<PutOutput> {
        let (from_key, to_key) = (self.full_key(from)?, self.full_key(to)?);
        let metadata = match directive {
            MetadataDirective::Replace => {
                encode_metadata(metadata.iter().map(|(k, v)| (k.as_str(), v.as_str())))?
            }
            MetadataDirective::Copy => Metadata::new(),
        };
        let req = CopyRequest {
            directive,
            metadata,
            content_type,
        };
        self.leaf("CopyObject", Some(&from_key), |s| {
            let (from_key, to_key, req) = (from_key.clone(), to_key.clone(), req.clone());
            async move { s.copy(&from_key, &to_key, req).await }
        })
        .await
    }

    pub async fn delete_object(&self, key: &str) -> Result<()> {
        let full = self.full_key(key)?;
        self.leaf("DeleteObject", Some(&full), |s| {
            let full = full.clone();
            async move { s.delete(&full).await }
        })
        .await
    }

    /// Deletes `key` if it exists; `Ok(false)` when there was no such key. One conditional
    /// DELETE (`If-Match: *`) where the server evaluates it, a HEAD before the DELETE where it
    /// ignores the condition; the embedded backends answer exactly in one step.
    pub async fn delete_existing(&self, key: &str) -> Result<bool> {
        let full = self.full_key(key)?;
        if !self.honours_conditional_deletes().await? {
            let exists = self.exists(key).await?;
            if exists {
                self.delete_object(key).await?;
            }
            return Ok(exists);
        }
        self.leaf("DeleteObject", Some(&full), |s| {
            let full = full.clone();
            async move { s.delete_existing(&full).await }
        })
        .await
    }

    /// Asks an S3 server once to delete a key that cannot exist: a server that evaluates
    /// `If-Match: *` answers 404, one that ignores it answers 204.
    async fn honours_conditional_deletes(&self) -> Result<bool> {
        if self.config.kind != BackendKind::S3 {
            return Ok(true);
        }
        self.conditional_deletes
            .get_or_try_init(|| async {
                let probe = self.full_key(&format!(
                    ".s3db-native-delete-probe-{:016x}",
                    fastrand::u64(..)
                ))?;
                let deleted = self
                    .leaf("DeleteObject", Some(&probe), |s| {
                        let probe = probe.clone();
                        async move { s.delete_existing(&probe).await }
                    })
                    .await?;
                Ok(!deleted)
            })
            .await
            .copied()
    }

    /// `delete_objects`, also naming the keys that did not exist where the backend knows it
    /// without another request (memory://, file://; relative keys); on S3 every key reads as
    /// deleted.
    pub async fn delete_objects_existing(
        &self,
        keys: &[String],
    ) -> Result<(DeleteObjectsReport, Vec<String>)> {
        let full: Vec<String> = keys
            .iter()
            .map(|k| self.full_key(k))
            .collect::<Result<_>>()?;
        let batches = full.chunks(DELETE_BATCH).map(|chunk| async move {
            let outcome = self
                .leaf("DeleteObjects", None, |s| {
                    let chunk = chunk.to_vec();
                    async move { s.delete_many_existing(&chunk).await }
                })
                .await;
            (outcome, chunk.to_vec())
        });
        let mut report = DeleteObjectsReport::default();
        let mut missing = Vec::new();
        for (outcome, chunk) in join_all(batches).await {
            match outcome {
                Ok((out, gone)) => {
                    report.deleted.push(out);
                    missing.extend(
                        gone.iter()
                            .map(|k| strip_key_prefix(&self.config.key_prefix, k).to_string()),
                    );
                }
                Err(e) => report.failed.push((e, chunk)),
            }
        }
        Ok((report, missing))
    }

    /// Deletes keys in requests of 1,000, all in flight at once (each request is its own leaf).
    pub async fn delete_objects(&self, keys: &[String]) -> Result<DeleteObjectsReport> {
        let full: Vec<String> = keys
            .iter()
            .map(|k| self.full_key(k))
            .collect::<Result<_>>()?;
        let batches = full.chunks(DELETE_BATCH).map(|chunk| async move {
            let outcome = self
                .leaf("DeleteObjects", None, |s| {
                    let chunk = chunk.to_vec();
                    async move { s.delete_many(&chunk).await }
                })
                .await;
            (outcome, chunk.to_vec())
        });
        let mut report = DeleteObjectsReport::default();
        for (outcome, chunk) in join_all(batches).await {
            match outcome {
                Ok(out) => report.deleted.push(out),
                Err(e) => report.failed.push((e, chunk)),
            }
        }
        Ok(report)
    }

    /// Deletes every object under `prefix`; returns how many were deleted.
    pub async fn delete_all(&self, prefix: &str) -> Result<usize> {
        let list_prefix = list_prefix(&self.config.key_prefix, prefix);
        let mut total = 0;
        loop {
            let page = self.list_raw(&list_prefix, DELETE_BATCH, None).await?;
            if page.contents.is_empty() {
                return Ok(total);
            }
            let keys: Vec<String> = page.contents.into_iter().map(|e| e.key).collect();
            let out = self
                .leaf("DeleteObjects", None, |s| {
                    let keys = keys.clone();
                    async move { s.delete_many(&keys).await }
                })
                .await?;
            if !out.errors.is_empty() {
                let first = &out.errors[0];
                return Err(StoreError::new(
                    ErrorKind::Unknown,
                    format!(
                        "deleteAll: {} objects could not be deleted (first: {} {}: {})",
                        out.errors.len(),
                        first.key,
                        first.code,
                        first.message
                    ),
                ));
            }
            total += out.deleted.len();
        }
    }

    pub async fn move_object(&self, from: &str, to: &str) -> Result<()> {
        self.copy_object(from, to, MetadataDirective::Copy, &[], None)
            .await?;
        self.delete_object(from).await
    }

    /// Moves every object under `prefix_from` to the same relative key under `prefix_to`.
    /// Returns the new keys; any failure fails the whole call after all moves were tried.
    pub async fn move_all_objects(
        &self,
        prefix_from: &str,
        prefix_to: &str,
    ) -> Result<Vec<String>> {
        let keys = self.get_all_keys(prefix_from).await?;
        let moves = keys.iter().map(|key| async move {
            let target = match key.strip_prefix(prefix_from) {
                Some(rest) => format!("{prefix_to}{rest}"),
                None => key.clone(),
            };
            self.move_object(key, &target).await.map(|_| target)
        });
        let results = join_all(moves).await;
        let failures = results.iter().filter(|r| r.is_err()).count();
        if failures > 0 {
            return Err(StoreError::new(
                ErrorKind::Unknown,
                format!(
                    "Some objects could not be moved ({failures} of {})",
                    results.len()
                ),
            ));
        }
        Ok(results.into_iter().flatten().collect())
    }
}

fn decoded(info: ObjectInfo) -> DecodedInfo {
    let metadata = decode_metadata(&info.metadata);
    DecodedInfo { info, metadata }
}

#[cfg(test)]
mod future_size {
    /// Every request's future is moved at each await level; opening the store (the S3 SDK's
    /// config, ~11 KB) inline in it made each move copy kilobytes on every request.
    #[test]
    fn a_request_future_does_not_carry_the_store_opening() {
        let config = crate::store::ConnectionConfig::parse("memory://b/db").unwrap();
        let client = super::Client::new(config, 10);
        let open = std::mem::size_of_val(&crate::store::open(&client.config));
        let exists = std::mem::size_of_val(&client.exists_joined("x"));
        assert!(
            open > 4096,
            "the probe is moot: opening is only {open} bytes"
        );
        assert!(
            exists < open / 2,
            "exists_joined is {exists} bytes, opening {open}"
        );
    }
}
