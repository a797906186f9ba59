//! Deletes: one key, one key that must exist, many keys in batches, everything under a prefix.

use super::{list_prefix, strip_key_prefix, Client, Summary};
use crate::error::{ErrorKind, Result, StoreError};
use crate::store::{BackendKind, DeleteManyOutput, ObjectStore};
use futures::future::join_all;
use std::future::Future;
use std::sync::Arc;

/// S3 deletes at most 1,000 keys per DeleteObjects request.
pub(super) const DELETE_BATCH: usize = 1000;

#[derive(Debug, Default)]
pub struct DeleteObjectsReport {
    /// One entry per successful DeleteObjects request.
    pub deleted: Vec<DeleteManyOutput>,
    /// One entry per failed request: the error and the keys it carried.
    pub failed: Vec<(StoreError, Vec<String>)>,
}

impl Client {
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
        let batches = self
            .delete_batches(keys, |s, chunk| async move {
                s.delete_many_existing(&chunk).await
            })
            .await?;
        let mut report = DeleteObjectsReport::default();
        let mut missing = Vec::new();
        for (outcome, chunk) in batches {
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
        let batches = self
            .delete_batches(keys, |s, chunk| async move { s.delete_many(&chunk).await })
            .await?;
        let mut report = DeleteObjectsReport::default();
        for (outcome, chunk) in batches {
            match outcome {
                Ok(out) => report.deleted.push(out),
                Err(e) => report.failed.push((e, chunk)),
            }
        }
        Ok(report)
    }

    /// `keys` in DeleteObjects requests of 1,000, all in flight at once; each request's outcome
    /// beside the full keys it carried.
    async fn delete_batches<T, F, Fut>(
        &self,
        keys: &[String],
        request: F,
    ) -> Result<Vec<(Result<T>, Vec<String>)>>
    where
        T: Summary,
        F: Fn(Arc<dyn ObjectStore>, Vec<String>) -> Fut + Copy,
        Fut: Future<Output = Result<T>>,
    {
        let full: Vec<String> = keys
            .iter()
            .map(|k| self.full_key(k))
            .collect::<Result<_>>()?;
        let batches = full.chunks(DELETE_BATCH).map(|chunk| async move {
            let outcome = self
                .leaf("DeleteObjects", None, |s| request(s, chunk.to_vec()))
                .await;
            (outcome, chunk.to_vec())
        });
        Ok(join_all(batches).await)
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
}
