//! Object stores: one trait, three backends. Keys given to a store are full keys (the client
//! has already joined its key prefix); metadata keys and values arrive already encoded.

mod connection_string;
mod file;
mod keyed_objects;
mod limiter;
mod listing;
mod memory;
mod plain_http;
mod s3;
mod s3_direct;
mod s3_errors;
mod types;

pub use connection_string::{BackendKind, ConnectionConfig};
pub use file::FileStore;
pub use limiter::{RequestInfo, RequestLimiter};
pub use memory::{check_preconditions, MemoryStore};
pub use s3::S3Store;
pub use types::*;

use crate::error::Result;
use std::sync::Arc;

#[async_trait::async_trait]
pub trait ObjectStore: Send + Sync {
    fn bucket(&self) -> &str;
    /// Whether every request completes on the calling thread without waiting for I/O (an
    /// in-process store): then a read can be polled once in place instead of crossing threads.
    fn answers_in_place(&self) -> bool {
        false
    }
    async fn put(&self, key: &str, req: PutRequest) -> Result<PutOutput>;
    async fn get(&self, key: &str) -> Result<GetOutput>;
    async fn head(&self, key: &str) -> Result<ObjectInfo>;
    /// A HEAD whose answer is not needed (`exists`): fails as `head` does (a missing key is
    /// not found); stores that can tell without building the object's info override it.
    async fn head_exists(&self, key: &str) -> Result<()> {
        self.head(key).await.map(|_| ())
    }
    /// `head_exists` answered without waiting, by a store that can (an in-process map);
    /// `None`: ask `head_exists`.
    fn head_exists_now(&self, _key: &str) -> Option<Result<()>> {
        None
    }
    /// Server-side copy; the embedded backends copy by reading and writing the object.
    async fn copy(&self, from: &str, to: &str, req: CopyRequest) -> Result<PutOutput> {
        let source = self.get(from).await?;
        let (metadata, content_type) = match req.directive {
            MetadataDirective::Copy => (source.info.metadata, source.info.content_type),
            MetadataDirective::Replace => (req.metadata, req.content_type),
        };
        let put = PutRequest {
            body: source.body,
            metadata,
            content_type,
            content_encoding: source.info.content_encoding,
            ..Default::default()
        };
        self.put(to, put).await
    }
    /// Deleting a missing key succeeds, as on S3.
    async fn delete(&self, key: &str) -> Result<()>;
    /// At most 1,000 keys (one S3 DeleteObjects request).
    async fn delete_many(&self, keys: &[String]) -> Result<DeleteManyOutput>;
    /// Deletes `key` if it exists and says whether it did. This default asks with a HEAD
    /// first (a writer can slip in between); backends that answer in one step override it.
    async fn delete_existing(&self, key: &str) -> Result<bool> {
        match self.head(key).await {
            Ok(_) => {}
            Err(e) if e.is_not_found() => return Ok(false),
            Err(e) => return Err(e),
        }
        self.delete(key).await.map(|()| true)
    }
    /// `delete_many`, also naming the keys that did not exist where the backend knows it
    /// without another request (S3 reports every key of a DeleteObjects as deleted).
    async fn delete_many_existing(
        &self,
        keys: &[String],
    ) -> Result<(DeleteManyOutput, Vec<String>)> {
        Ok((self.delete_many(keys).await?, Vec::new()))
    }
    async fn list(&self, req: &ListRequest) -> Result<ListPage>;
}

/// Opens the backend a parsed connection string names.
pub async fn open(config: &ConnectionConfig) -> Result<Arc<dyn ObjectStore>> {
    Ok(match config.kind {
        BackendKind::Memory => Arc::new(MemoryStore::open(&config.bucket)),
        BackendKind::File => Arc::new(FileStore::open(
            config.base_path.as_deref().unwrap_or("./s3db-data"),
            &config.bucket,
        )?),
        BackendKind::S3 => Arc::new(S3Store::connect(config).await?),
    })
}
