//! `NativeClient`: the object API of one S3Client/MemoryClient/FileSystemClient. Each method is
//! one crossing into Rust; the JS face (`lib/client.js`) shapes results like the AWS SDK's.

use crate::completions;
use crate::convert::{ListResult, ObjectHead, ObjectWithBody};
use crate::errors::to_napi;
use crate::operations_pool::NativeOperationsPool;
use napi::bindgen_prelude::{Buffer, PromiseRaw};
use napi::Env;
use napi_derive::napi;
use s3db_core::client::{reported_by_caller, Client, PutObjectInput};
use s3db_core::store::RequestLimiter;
use s3db_core::store::{ConnectionConfig, MemoryStore, MetadataDirective};
use std::collections::HashMap;
use std::sync::Arc;

#[napi(object)]
pub struct PutObjectParams {
    pub key: String,
    /// Values already `String()`-ified by the JS face.
    pub metadata: Option<HashMap<String, String>>,
    pub body: Option<Buffer>,
    pub content_type: Option<String>,
    pub content_encoding: Option<String>,
    pub if_match: Option<String>,
    pub if_none_match: Option<String>,
}

#[napi(object)]
pub struct PutObjectResult {
    pub etag: String,
    pub version_id: Option<String>,
}

#[napi(object)]
pub struct CopyObjectParams {
    pub from: String,
    pub to: String,
    pub metadata: Option<HashMap<String, String>>,
    /// `COPY` (default) or `REPLACE`.
    pub metadata_directive: Option<String>,
    pub content_type: Option<String>,
}

/// One key a DeleteObjects request did not delete, and S3's reason.
#[napi(object)]
pub struct DeleteError {
    pub key: String,
    pub code: String,
    pub message: String,
}

#[napi(object)]
pub struct DeletedBatch {
    pub deleted: Vec<String>,
    /// One per key S3 refused.
    pub errors: Vec<DeleteError>,
}

#[napi(object)]
pub struct FailedBatch {
    pub message: String,
    pub keys: Vec<String>,
}

#[napi(object)]
pub struct DeleteObjectsResult {
    pub deleted: Vec<DeletedBatch>,
    pub failed: Vec<FailedBatch>,
}

#[napi(object)]
pub struct ListParams {
    pub prefix: Option<String>,
    pub max_keys: Option<u32>,
    pub continuation_token: Option<String>,
    pub delimiter: Option<String>,
    pub start_after: Option<String>,
}

pub(crate) fn delete_report(report: s3db_core::client::DeleteObjectsReport) -> DeleteObjectsResult {
    DeleteObjectsResult {
        deleted: report
            .deleted
            .into_iter()
            .map(|d| DeletedBatch {
                deleted: d.deleted,
                errors: d
                    .errors
                    .into_iter()
                    .map(|e| DeleteError {
                        key: e.key,
                        code: e.code,
                        message: e.message,
                    })
                    .collect(),
            })
            .collect(),
        failed: report
            .failed
            .into_iter()
            .map(|(err, keys)| FailedBatch {
                message: err.to_string(),
                keys,
            })
            .collect(),
    }
}

#[napi]
pub struct NativeClient {
    pub(crate) inner: Arc<Client>,
}

#[napi]
impl NativeClient {
    /// Parses and validates the connection string now; the backend connects on first use.
    /// `pool`: the client's operations pool, which every request then goes through. Without
    /// one, `poolEnabled: false` runs requests at once (once each); otherwise the client gets a
    /// private pool of `parallelism` slots.
    #[napi(constructor, catch_unwind)]
    pub fn new(
        connection_string: String,
        parallelism: u32,
        pool: Option<&NativeOperationsPool>,
        pool_enabled: Option<bool>,
    ) -> napi::Result<Self> {
        let config = ConnectionConfig::parse(&connection_string).map_err(to_napi)?;
        let client = match (pool, pool_enabled) {
            (Some(pool), _) => Client::with_limiter(config, RequestLimiter::with_pool(pool.pool())),
            (None, Some(false)) => Client::with_limiter(config, RequestLimiter::direct()),
            (None, _) => Client::new(config, parallelism.max(1) as usize),
        };
        Ok(NativeClient {
            inner: Arc::new(client),
        })
    }

    /// A client whose requests go to an application's own client object: `dispatch([op,
    /// argsJson])` resolves to the JSON reply (see `js_store.rs`, `lib/foreign-client.js`).
    /// Keys reach that client relative to its own key prefix.
    #[napi(factory, catch_unwind)]
    pub fn over_js(
        bucket: String,
        dispatch: napi::bindgen_prelude::Function<
            (String, String),
            napi::bindgen_prelude::Promise<String>,
        >,
    ) -> napi::Result<Self> {
        let dispatch: crate::js_store::DispatchFn = dispatch
            .build_threadsafe_function::<(String, String)>()
            .callee_handled::<false>()
            .weak::<true>()
            .build()?;
        let config = ConnectionConfig {
            kind: s3db_core::store::BackendKind::Memory,
            bucket: bucket.clone(),
            key_prefix: String::new(),
            region: "us-east-1".into(),
            endpoint: None,
            endpoint_label: String::new(),
            force_path_style: true,
            access_key_id: None,
            secret_access_key: None,
            session_token: None,
            base_path: None,
            params: Vec::new(),
            client_options: serde_json::Value::Object(Default::default()),
        };
        let store = Arc::new(crate::js_store::JsStore::new(bucket, dispatch));
        Ok(NativeClient {
            inner: Arc::new(Client::with_store(config, store, RequestLimiter::direct())),
        })
    }

    /// A resource of this client from its definition (JSON); bad definitions throw
    /// `ResourceError`/`SchemaError`/`PartitionError`.
    #[napi(catch_unwind)]
    pub fn resource(
        &self,
        config: String,
        strict_validation: bool,
    ) -> napi::Result<crate::resource::NativeResource> {
        let value = crate::json::parse(&config, "resource config").map_err(to_napi)?;
        let config = s3db_core::resource::ResourceConfig::from_json(&value, strict_validation)
            .map_err(to_napi)?;
        let resource =
            s3db_core::resource::Resource::new(self.inner.clone(), config).map_err(to_napi)?;
        Ok(crate::resource::NativeResource {
            inner: Arc::new(resource),
        })
    }

    #[napi]
    pub fn put_object<'env>(
        &self,
        env: &'env Env,
        params: PutObjectParams,
    ) -> napi::Result<PromiseRaw<'env, PutObjectResult>> {
        let client = self.inner.clone();
        let input = PutObjectInput {
            key: params.key,
            metadata: params.metadata.unwrap_or_default().into_iter().collect(),
            body: params
                .body
                .map(|b| bytes::Bytes::from(b.to_vec()))
                .unwrap_or_default(),
            content_type: params.content_type,
            content_encoding: params.content_encoding,
            if_match: params.if_match,
            if_none_match: params.if_none_match,
        };
        completions::promise(env, async move {
            let out = reported_by_caller(async move { client.put_object(input).await }).await?;
            Ok(PutObjectResult {
                etag: out.etag,
                version_id: out.version_id,
            })
        })
    }

    #[napi]
    pub fn get_object<'env>(
        &self,
        env: &'env Env,
        key: String,
    ) -> napi::Result<PromiseRaw<'env, ObjectWithBody>> {
        let client = self.inner.clone();
        completions::promise(env, async move {
            let (info, body) =
                reported_by_caller(async move { client.get_object(&key).await }).await?;
            Ok(ObjectWithBody {
                head: info.into(),
                body: body.to_vec().into(),
            })
        })
    }

    #[napi]
    pub fn head_object<'env>(
        &self,
        env: &'env Env,
        key: String,
    ) -> napi::Result<PromiseRaw<'env, ObjectHead>> {
        let client = self.inner.clone();
        completions::promise(env, async move {
            Ok(
                reported_by_caller(async move { client.head_object(&key).await })
                    .await?
                    .into(),
            )
        })
    }

    #[napi]
    pub fn exists<'env>(
        &self,
        env: &'env Env,
        key: String,
    ) -> napi::Result<PromiseRaw<'env, bool>> {
        let client = self.inner.clone();
        completions::promise(env, async move { client.exists(&key).await })
    }

    #[napi]
    pub fn copy_object<'env>(
        &self,
        env: &'env Env,
        params: CopyObjectParams,
    ) -> napi::Result<PromiseRaw<'env, PutObjectResult>> {
        let client = self.inner.clone();
        let directive = match params
            .metadata_directive
            .as_deref()
            .map(str::to_ascii_uppercase)
            .as_deref()
        {
            None | Some("COPY") => MetadataDirective::Copy,
            Some("REPLACE") => MetadataDirective::Replace,
            Some(other) => {
                return Err(to_napi(s3db_core::StoreError::invalid(format!(
                    "metadataDirective must be COPY or REPLACE, got {other}"
                ))))
            }
        };
        let metadata: Vec<(String, String)> =
            params.metadata.unwrap_or_default().into_iter().collect();
        completions::promise(env, async move {
            let out = reported_by_caller(async move {
                client
                    .copy_object(
                        &params.from,
                        &params.to,
                        directive,
                        &metadata,
                        params.content_type,
                    )
                    .await
            })
            .await?;
            Ok(PutObjectResult {
                etag: out.etag,
                version_id: out.version_id,
            })
        })
    }

    #[napi(ts_return_type = "Promise<void>")]
    pub fn delete_object<'env>(
        &self,
        env: &'env Env,
        key: String,
    ) -> napi::Result<PromiseRaw<'env, ()>> {
        let client = self.inner.clone();
        completions::promise(
            env,
            reported_by_caller(async move { client.delete_object(&key).await }),
        )
    }

    #[napi]
    pub fn delete_objects<'env>(
        &self,
        env: &'env Env,
        keys: Vec<String>,
    ) -> napi::Result<PromiseRaw<'env, DeleteObjectsResult>> {
        let client = self.inner.clone();
        completions::promise(env, async move {
            let report =
                reported_by_caller(async move { client.delete_objects(&keys).await }).await?;
            Ok(delete_report(report))
        })
    }

    #[napi]
    pub fn delete_all<'env>(
        &self,
        env: &'env Env,
        prefix: String,
    ) -> napi::Result<PromiseRaw<'env, u32>> {
        let client = self.inner.clone();
        completions::promise(
            env,
            async move { Ok(client.delete_all(&prefix).await? as u32) },
        )
    }

    #[napi(ts_return_type = "Promise<void>")]
    pub fn move_object<'env>(
        &self,
        env: &'env Env,
        from: String,
        to: String,
    ) -> napi::Result<PromiseRaw<'env, ()>> {
        let client = self.inner.clone();
        completions::promise(env, async move { client.move_object(&from, &to).await })
    }

    #[napi]
    pub fn move_all_objects<'env>(
        &self,
        env: &'env Env,
        prefix_from: String,
        prefix_to: String,
    ) -> napi::Result<PromiseRaw<'env, Vec<String>>> {
        let client = self.inner.clone();
        completions::promise(env, async move {
            client.move_all_objects(&prefix_from, &prefix_to).await
        })
    }

    #[napi]
    pub fn list_objects<'env>(
        &self,
        env: &'env Env,
        params: ListParams,
    ) -> napi::Result<PromiseRaw<'env, ListResult>> {
        let client = self.inner.clone();
        completions::promise(env, async move {
            let page = reported_by_caller(async move {
                client
                    .list_objects(
                        &params.prefix.unwrap_or_default(),
                        params.max_keys.unwrap_or(1000) as usize,
                        params.continuation_token,
                        params.delimiter,
                        params.start_after,
                    )
                    .await
            })
            .await?;
            Ok(page.into())
        })
    }

    #[napi]
    pub fn count<'env>(
        &self,
        env: &'env Env,
        prefix: String,
    ) -> napi::Result<PromiseRaw<'env, u32>> {
        let client = self.inner.clone();
        completions::promise(env, async move { Ok(client.count(&prefix).await? as u32) })
    }

    #[napi]
    pub fn get_all_keys<'env>(
        &self,
        env: &'env Env,
        prefix: String,
    ) -> napi::Result<PromiseRaw<'env, Vec<String>>> {
        let client = self.inner.clone();
        completions::promise(env, async move { client.get_all_keys(&prefix).await })
    }

    #[napi(ts_return_type = "Promise<string | null>")]
    pub fn get_continuation_token_after_offset<'env>(
        &self,
        env: &'env Env,
        prefix: String,
        offset: u32,
    ) -> napi::Result<PromiseRaw<'env, Option<String>>> {
        let client = self.inner.clone();
        completions::promise(env, async move {
            client
                .get_continuation_token_after_offset(&prefix, offset as usize)
                .await
        })
    }

    #[napi]
    pub fn get_keys_page<'env>(
        &self,
        env: &'env Env,
        prefix: String,
        offset: u32,
        amount: u32,
    ) -> napi::Result<PromiseRaw<'env, Vec<String>>> {
        let client = self.inner.clone();
        completions::promise(env, async move {
            client
                .get_keys_page(&prefix, offset as usize, amount as usize)
                .await
        })
    }
}

/// Empties one bucket of the process-global memory storage.
#[napi]
pub fn memory_clear_bucket(bucket: String) {
    MemoryStore::clear_bucket(&bucket);
}

#[napi]
pub fn memory_clear_all() {
    MemoryStore::clear_all();
}

/// What a memory bucket holds.
#[napi(object)]
pub struct MemoryBucketStats {
    pub object_count: f64,
    pub total_bytes: f64,
}

#[napi]
pub fn memory_bucket_stats(bucket: String) -> MemoryBucketStats {
    let (count, bytes) = MemoryStore::open(&bucket).stats();
    MemoryBucketStats {
        object_count: count as f64,
        total_bytes: bytes as f64,
    }
}
