//! Writes of one object: the PUT, its conditions (sent, or emulated where the server has none)
//! and the read-back that tells our own retried write from someone else's.

use super::{encode_metadata, own_write, Client};
use crate::error::{Result, StoreError};
use crate::store::{PutOutput, PutRequest};
use bytes::Bytes;

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

impl Client {
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
}
