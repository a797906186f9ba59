//! `memory://bucket/prefix`: a process-global store per bucket name, like s3db.js's MemoryClient
//! (two Database instances on the same bucket see the same objects).

use super::keyed_objects::KeyedObjects;
use super::listing::{build_page, resume_after};
use super::types::*;
use super::ObjectStore;
use crate::error::{ErrorKind, Result, StoreError};
use std::collections::HashMap;
use std::ops::Bound;
use std::sync::{Arc, LazyLock, Mutex, RwLock};
use std::time::SystemTime;

type Objects = RwLock<KeyedObjects<Arc<StoredObject>>>;

static BUCKETS: LazyLock<Mutex<HashMap<String, Arc<Objects>>>> = LazyLock::new(Default::default);

struct StoredObject {
    info: ObjectInfo,
    body: bytes::Bytes,
}

pub struct MemoryStore {
    bucket: String,
    objects: Arc<Objects>,
}

impl MemoryStore {
    pub fn open(bucket: &str) -> Self {
        let mut buckets = BUCKETS.lock().unwrap_or_else(|e| e.into_inner());
        let objects = buckets.entry(bucket.to_string()).or_default().clone();
        MemoryStore {
            bucket: bucket.to_string(),
            objects,
        }
    }

    /// Empties one bucket of the process-global storage.
    pub fn clear_bucket(bucket: &str) {
        let buckets = BUCKETS.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(objects) = buckets.get(bucket) {
            objects.write().unwrap_or_else(|e| e.into_inner()).clear();
        }
    }

    pub fn clear_all() {
        let buckets = BUCKETS.lock().unwrap_or_else(|e| e.into_inner());
        for objects in buckets.values() {
            objects.write().unwrap_or_else(|e| e.into_inner()).clear();
        }
    }

    /// (object count, total body bytes) of this bucket.
    pub fn stats(&self) -> (usize, u64) {
        let objects = self.objects.read().unwrap_or_else(|e| e.into_inner());
        (
            objects.len(),
            objects.values().map(|o| o.body.len() as u64).sum(),
        )
    }

    /// `head_exists`: Ok when `key` is stored, else the store's not-found error.
    fn contains(&self, key: &str) -> Result<()> {
        let objects = self.objects.read().unwrap_or_else(|e| e.into_inner());
        if objects.contains_key(key) {
            Ok(())
        } else {
            Err(self.missing(key))
        }
    }

    /// With the message of s3db.js's in-memory store.
    fn missing(&self, key: &str) -> StoreError {
        StoreError::no_such_key(&self.bucket, key).with_message(format!("Object not found: {key}"))
    }
}

/// S3's conditional-write rules: `If-None-Match: *` needs a missing key, `If-Match` the same ETag.
pub fn check_preconditions(
    current_etag: Option<&str>,
    req: &PutRequest,
    bucket: &str,
    key: &str,
) -> Result<()> {
    let unquote = |s: &str| s.trim_matches('"').to_string();
    let none_match_failed = req.if_none_match.is_some() && current_etag.is_some();
    let match_failed = match (&req.if_match, current_etag) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(expected), Some(current)) => expected != "*" && unquote(expected) != unquote(current),
    };
    if none_match_failed || match_failed {
        return Err(StoreError::new(
            ErrorKind::PreconditionFailed,
            "At least one of the pre-conditions you specified did not hold",
        )
        .with_code("PreconditionFailed")
        .with_status(412)
        .with_location(bucket, key));
    }
    Ok(())
}

#[async_trait::async_trait]
impl ObjectStore for MemoryStore {
    fn answers_in_place(&self) -> bool {
        true
    }

    fn bucket(&self) -> &str {
        &self.bucket
    }

    async fn put(&self, key: &str, req: PutRequest) -> Result<PutOutput> {
        let etag = etag_of(&req.body);
        let conditions = PutRequest {
            if_match: req.if_match.clone(),
            if_none_match: req.if_none_match.clone(),
            ..Default::default()
        };
        let object = Arc::new(StoredObject {
            info: ObjectInfo {
                metadata: req.metadata,
                content_type: req.content_type,
                content_encoding: req.content_encoding,
                content_length: req.body.len() as u64,
                etag: etag.clone(),
                last_modified: SystemTime::now(),
                version_id: None,
            },
            body: req.body,
        });
        let mut objects = self.objects.write().unwrap_or_else(|e| e.into_inner());
        let current = objects.get(key).map(|o| o.info.etag.as_str());
        check_preconditions(current, &conditions, &self.bucket, key)?;
        objects.insert(key, object);
        Ok(PutOutput {
            etag,
            version_id: None,
        })
    }

    async fn get(&self, key: &str) -> Result<GetOutput> {
        let objects = self.objects.read().unwrap_or_else(|e| e.into_inner());
        let object = objects.get(key).ok_or_else(|| self.missing(key))?;
        Ok(GetOutput {
            info: object.info.clone(),
            body: object.body.clone(),
        })
    }

    async fn head(&self, key: &str) -> Result<ObjectInfo> {
        let objects = self.objects.read().unwrap_or_else(|e| e.into_inner());
        objects
            .get(key)
            .map(|o| o.info.clone())
            .ok_or_else(|| self.missing(key))
    }

    async fn head_exists(&self, key: &str) -> Result<()> {
        self.contains(key)
    }

    fn head_exists_now(&self, key: &str) -> Option<Result<()>> {
        Some(self.contains(key))
    }

    async fn delete(&self, key: &str) -> Result<()> {
        self.objects
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .remove(key);
        Ok(())
    }

    async fn delete_many(&self, keys: &[String]) -> Result<DeleteManyOutput> {
        let mut objects = self.objects.write().unwrap_or_else(|e| e.into_inner());
        for key in keys {
            objects.remove(key);
        }
        Ok(DeleteManyOutput {
            deleted: keys.to_vec(),
            errors: vec![],
        })
    }

    async fn delete_existing(&self, key: &str) -> Result<bool> {
        let mut objects = self.objects.write().unwrap_or_else(|e| e.into_inner());
        Ok(objects.remove(key).is_some())
    }

    async fn delete_many_existing(
        &self,
        keys: &[String],
    ) -> Result<(DeleteManyOutput, Vec<String>)> {
        let mut objects = self.objects.write().unwrap_or_else(|e| e.into_inner());
        let missing = keys
            .iter()
            .filter(|key| objects.remove(key.as_str()).is_none())
            .cloned()
            .collect();
        let out = DeleteManyOutput {
            deleted: keys.to_vec(),
            errors: vec![],
        };
        Ok((out, missing))
    }

    async fn list(&self, req: &ListRequest) -> Result<ListPage> {
        let objects = self.objects.read().unwrap_or_else(|e| e.into_inner());
        let after = resume_after(req);
        let start = match &after {
            Some(after) if after.as_str() >= req.prefix.as_str() => Bound::Excluded(after.as_str()),
            _ => Bound::Included(req.prefix.as_str()),
        };
        let entries = objects.from(start).map(|(key, o)| ListEntry {
            key: key.to_string(),
            size: o.info.content_length,
            etag: o.info.etag.clone(),
            last_modified: o.info.last_modified,
        });
        Ok(build_page(req, entries))
    }
}
