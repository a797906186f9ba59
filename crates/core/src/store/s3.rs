//! `s3://` and `http(s)://` connection strings: any S3-compatible server through aws-sdk-s3,
//! except single-object requests that [`DirectRequests`] can send itself.
//!
//! SDK retries are off: retrying is the pool's job, and only for retryable errors. Checksums are
//! only computed where S3 requires them (DeleteObjects), which keeps every S3-compatible server happy.

use super::plain_http::PlainHyper;
use super::s3_direct::{DirectRequests, Scheme, Transport, KEY_PATH};
use super::s3_errors::{code_of_status, kind_of};
use super::types::*;
use super::{ConnectionConfig, ObjectStore};
use crate::error::{ErrorKind, Result, StoreError};
use aws_sdk_s3::config::retry::RetryConfig;
use aws_sdk_s3::config::timeout::TimeoutConfig;
use aws_sdk_s3::config::{
    BehaviorVersion, Credentials, Region, RequestChecksumCalculation, ResponseChecksumValidation,
};
use aws_sdk_s3::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::types::{Delete, ObjectIdentifier};
use aws_smithy_runtime_api::client::http::{
    HttpConnectorSettings, SharedHttpClient, SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use std::time::{Duration, SystemTime};

pub struct S3Store {
    bucket: String,
    /// Built on first use: with direct requests a database may never need it, and building it
    /// runs (and maps in) much of the SDK's code.
    client: std::sync::OnceLock<aws_sdk_s3::Client>,
    sdk_config: aws_sdk_s3::config::Builder,
    /// GET, PUT, HEAD and DELETE without the SDK, where the setup allows (see [`DirectRequests`]).
    direct: Option<DirectRequests>,
}

/// Warm keep-alive connections: a Database may run hundreds of requests at once.
const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(30);
const POOL_MAX_IDLE_PER_HOST: usize = 1024;
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

fn tls_client() -> SharedHttpClient {
    use aws_smithy_http_client::{tls, Builder};
    Builder::new()
        .pool_idle_timeout(POOL_IDLE_TIMEOUT)
        .pool_max_idle_per_host(POOL_MAX_IDLE_PER_HOST)
        .tls_provider(tls::Provider::Rustls(
            tls::rustls_provider::CryptoMode::AwsLc,
        ))
        .build_https()
}

/// The SDK's HTTPS connector on its own, for the direct requests (the SDK keeps its client).
pub(super) fn tls_connector() -> SharedHttpConnector {
    use aws_smithy_http_client::{tls, Connector};
    let settings = HttpConnectorSettings::builder()
        .connect_timeout(CONNECT_TIMEOUT)
        .build();
    SharedHttpConnector::new(
        Connector::builder()
            .pool_idle_timeout(POOL_IDLE_TIMEOUT)
            .pool_max_idle_per_host(POOL_MAX_IDLE_PER_HOST)
            .connector_settings(settings)
            .tls_provider(tls::Provider::Rustls(
                tls::rustls_provider::CryptoMode::AwsLc,
            ))
            .build(),
    )
}

fn plain_client() -> PlainHyper {
    super::plain_http::hyper_client(POOL_IDLE_TIMEOUT, POOL_MAX_IDLE_PER_HOST, CONNECT_TIMEOUT)
}

/// `S3DB_NATIVE_DIRECT_REQUESTS=0` sends every request through the SDK: the way out should a
/// server accept the SDK's requests and not the direct ones, and how the tests cover both paths.
fn direct_requests_allowed() -> bool {
    std::env::var("S3DB_NATIVE_DIRECT_REQUESTS").map_or(true, |v| v != "0")
}

impl S3Store {
    pub async fn connect(config: &ConnectionConfig) -> Result<Self> {
        // The SDK panics when it signs a request whose credentials or region cannot be a header
        // value; `parse` refuses those, and so does this for a config built any other way.
        super::connection_string::check_header_fields(config, &config.endpoint_label)?;
        let plain = config
            .endpoint
            .as_deref()
            .is_some_and(|e| e.starts_with("http://"))
            .then(plain_client);
        let direct = if direct_requests_allowed() {
            DirectRequests::new(config, |scheme| match (scheme, &plain) {
                (Scheme::Http, Some(http)) => Some(Transport::Plain(http.clone())),
                (Scheme::Https, _) => Some(Transport::Tls(tls_connector())),
                _ => None,
            })
        } else {
            None
        };
        let plain = plain.map(super::plain_http::sdk_client);
        let base = match (&config.access_key_id, &config.secret_access_key) {
            // Keys given: nothing to discover, so aws-config's providers (profile files,
            // environment, IMDS) and their memory are skipped.
            (Some(key), Some(secret)) => aws_sdk_s3::config::Builder::new()
                .behavior_version(BehaviorVersion::latest())
                .region(Region::new(config.region.clone()))
                .credentials_provider(Credentials::new(
                    key,
                    secret,
                    config.session_token.clone(),
                    None,
                    "s3db-connection-string",
                ))
                .http_client(plain.unwrap_or_else(tls_client)),
            // The default credential chain may need HTTPS (STS, SSO) even for an http:// S3
            // endpoint, so the loader always gets the TLS client.
            _ => {
                let shared = aws_config::defaults(BehaviorVersion::latest())
                    .region(Region::new(config.region.clone()))
                    .http_client(tls_client())
                    .load()
                    .await;
                let builder = aws_sdk_s3::config::Builder::from(&shared);
                match plain {
                    Some(client) => builder.http_client(client),
                    None => builder,
                }
            }
        };
        let mut builder = base
            .force_path_style(config.force_path_style)
            .retry_config(RetryConfig::disabled())
            .timeout_config(
                TimeoutConfig::builder()
                    .connect_timeout(CONNECT_TIMEOUT)
                    .build(),
            )
            .request_checksum_calculation(RequestChecksumCalculation::WhenRequired)
            .response_checksum_validation(ResponseChecksumValidation::WhenRequired);
        if let Some(endpoint) = &config.endpoint {
            builder = builder.endpoint_url(endpoint);
        }
        Ok(S3Store {
            bucket: config.bucket.clone(),
            client: std::sync::OnceLock::new(),
            sdk_config: builder,
            direct,
        })
    }

    fn client(&self) -> &aws_sdk_s3::Client {
        self.client
            .get_or_init(|| aws_sdk_s3::Client::from_conf(self.sdk_config.clone().build()))
    }

    fn located(&self, error: StoreError, key: &str) -> StoreError {
        error.with_location(&self.bucket, key)
    }

    async fn delete_one(&self, key: &str, if_match: Option<&str>) -> Result<()> {
        if let Some(direct) = &self.direct {
            return direct
                .delete(key, if_match)
                .await
                .map_err(|e| self.located(e, key));
        }
        self.client()
            .delete_object()
            .bucket(&self.bucket)
            .key(key)
            .set_if_match(if_match.map(str::to_string))
            .send()
            .await
            .map_err(|e| self.fail("DeleteObject", Some(key), e))?;
        Ok(())
    }

    fn fail<E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static>(
        &self,
        command: &'static str,
        key: Option<&str>,
        err: SdkError<E, HttpResponse>,
    ) -> StoreError {
        map_sdk_error(err, command).with_location(&self.bucket, key.unwrap_or_default())
    }
}

fn to_system_time(t: Option<&aws_sdk_s3::primitives::DateTime>) -> SystemTime {
    t.and_then(|t| SystemTime::try_from(*t).ok())
        .unwrap_or(SystemTime::UNIX_EPOCH)
}

fn metadata_of(m: Option<&std::collections::HashMap<String, String>>) -> Metadata {
    m.map(|m| {
        m.iter()
            .map(|(k, v)| (k.to_ascii_lowercase(), v.clone()))
            .collect()
    })
    .unwrap_or_default()
}

/// Turns an SDK failure into a [`StoreError`] whose kind drives error classes and retries.
fn map_sdk_error<E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static>(
    err: SdkError<E, HttpResponse>,
    command: &'static str,
) -> StoreError {
    let status = err.raw_response().map(|r| r.status().as_u16());
    let request_id = err
        .raw_response()
        .and_then(|r| r.headers().get("x-amz-request-id"))
        .map(str::to_string);
    let (kind, code, message) = match &err {
        SdkError::TimeoutError(_) => (
            ErrorKind::Timeout,
            "TimeoutError".to_string(),
            "The request timed out".to_string(),
        ),
        SdkError::DispatchFailure(failure) => {
            let kind = if failure.is_timeout() {
                ErrorKind::Timeout
            } else {
                ErrorKind::Network
            };
            (
                kind,
                "NetworkingError".to_string(),
                format!(
                    "{}",
                    aws_smithy_types::error::display::DisplayErrorContext(&err)
                ),
            )
        }
        SdkError::ResponseError(_) => (
            ErrorKind::Network,
            "NetworkingError".to_string(),
            format!(
                "{}",
                aws_smithy_types::error::display::DisplayErrorContext(&err)
            ),
        ),
        SdkError::ConstructionFailure(_) => (
            ErrorKind::InvalidInput,
            "InvalidRequest".to_string(),
            format!(
                "{}",
                aws_smithy_types::error::display::DisplayErrorContext(&err)
            ),
        ),
        _ => {
            let code = err
                .code()
                .map(str::to_string)
                .unwrap_or_else(|| code_of_status(status));
            let message = err
                .message()
                .map(str::to_string)
                .unwrap_or_else(|| format!("{code} ({})", status.unwrap_or(0)));
            (kind_of(&code, status), code, message)
        }
    };
    let mut mapped = StoreError::new(kind, message)
        .with_code(code)
        .with_command(command);
    mapped.status_code = status;
    mapped.request_id = request_id;
    mapped
}

#[async_trait::async_trait]
impl ObjectStore for S3Store {
    fn bucket(&self) -> &str {
        &self.bucket
    }

    async fn put(&self, key: &str, req: PutRequest) -> Result<PutOutput> {
        if let Some(direct) = &self.direct {
            return direct.put(key, req).await.map_err(|e| self.located(e, key));
        }
        let out = self
            .client()
            .put_object()
            .bucket(&self.bucket)
            .key(key)
            .body(ByteStream::from(req.body))
            .set_metadata(Some(req.metadata.into_iter().collect()))
            .set_content_type(req.content_type)
            .set_content_encoding(req.content_encoding)
            .set_if_match(req.if_match)
            .set_if_none_match(req.if_none_match)
            .send()
            .await
            .map_err(|e| self.fail("PutObject", Some(key), e))?;
        Ok(PutOutput {
            etag: out.e_tag.unwrap_or_default(),
            version_id: out.version_id,
        })
    }

    async fn get(&self, key: &str) -> Result<GetOutput> {
        if let Some(direct) = &self.direct {
            return direct.get(key).await.map_err(|e| self.located(e, key));
        }
        let out = self
            .client()
            .get_object()
            .bucket(&self.bucket)
            .key(key)
            .send()
            .await
            .map_err(|e| self.fail("GetObject", Some(key), e))?;
        let info = ObjectInfo {
            metadata: metadata_of(out.metadata.as_ref()),
            content_type: out.content_type.clone(),
            content_encoding: out.content_encoding.clone(),
            content_length: out.content_length.unwrap_or(0).max(0) as u64,
            etag: out.e_tag.clone().unwrap_or_default(),
            last_modified: to_system_time(out.last_modified.as_ref()),
            version_id: out.version_id.clone(),
        };
        let body = out
            .body
            .collect()
            .await
            .map_err(|e| {
                StoreError::new(
                    ErrorKind::Network,
                    format!("Reading the body of {key} failed: {e}"),
                )
                .with_command("GetObject")
                .with_location(&self.bucket, key)
            })?
            .into_bytes();
        Ok(GetOutput { info, body })
    }

    async fn head(&self, key: &str) -> Result<ObjectInfo> {
        if let Some(direct) = &self.direct {
            return direct.head(key).await.map_err(|e| self.located(e, key));
        }
        let out = self
            .client()
            .head_object()
            .bucket(&self.bucket)
            .key(key)
            .send()
            .await
            .map_err(|e| self.fail("HeadObject", Some(key), e))?;
        Ok(ObjectInfo {
            metadata: metadata_of(out.metadata.as_ref()),
            content_type: out.content_type,
            content_encoding: out.content_encoding,
            content_length: out.content_length.unwrap_or(0).max(0) as u64,
            etag: out.e_tag.unwrap_or_default(),
            last_modified: to_system_time(out.last_modified.as_ref()),
            version_id: out.version_id,
        })
    }

    async fn copy(&self, from: &str, to: &str, req: CopyRequest) -> Result<PutOutput> {
        let source = format!(
            "{}/{}",
            self.bucket,
            percent_encoding::utf8_percent_encode(from, KEY_PATH)
        );
        let mut call = self
            .client()
            .copy_object()
            .bucket(&self.bucket)
            .key(to)
            .copy_source(source);
        if req.directive == MetadataDirective::Replace {
            call = call
                .metadata_directive(aws_sdk_s3::types::MetadataDirective::Replace)
                .set_metadata(Some(req.metadata.into_iter().collect()))
                .set_content_type(req.content_type);
        }
        let out = call
            .send()
            .await
            .map_err(|e| self.fail("CopyObject", Some(from), e))?;
        let etag = out
            .copy_object_result
            .and_then(|r| r.e_tag)
            .unwrap_or_default();
        Ok(PutOutput {
            etag,
            version_id: out.version_id,
        })
    }

    async fn delete(&self, key: &str) -> Result<()> {
        self.delete_one(key, None).await
    }

    /// One DELETE with `If-Match: *`: 404 means there was no such key. A server that compares
    /// `*` as a literal ETag (moto) answers 412 for an existing key, which then gets a plain DELETE.
    async fn delete_existing(&self, key: &str) -> Result<bool> {
        match self.delete_one(key, Some("*")).await {
            Ok(_) => Ok(true),
            Err(e) if e.is_not_found() => Ok(false),
            Err(e) if e.kind == crate::error::ErrorKind::PreconditionFailed => {
                self.delete(key).await.map(|()| true)
            }
            Err(e) if e.is_not_implemented() => {
                match self.head(key).await {
                    Ok(_) => {}
                    Err(e) if e.is_not_found() => return Ok(false),
                    Err(e) => return Err(e),
                }
                self.delete(key).await.map(|()| true)
            }
            Err(e) => Err(e),
        }
    }

    async fn delete_many(&self, keys: &[String]) -> Result<DeleteManyOutput> {
        if keys.is_empty() {
            return Ok(DeleteManyOutput::default());
        }
        let objects = keys
            .iter()
            .map(|k| ObjectIdentifier::builder().key(k).build())
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| StoreError::invalid(e.to_string()))?;
        let delete = Delete::builder()
            .set_objects(Some(objects))
            .quiet(false)
            .build()
            .map_err(|e| StoreError::invalid(e.to_string()))?;
        let out = self
            .client()
            .delete_objects()
            .bucket(&self.bucket)
            .delete(delete)
            .send()
            .await
            .map_err(|e| self.fail("DeleteObjects", None, e))?;
        Ok(DeleteManyOutput {
            deleted: out.deleted().iter().filter_map(|d| d.key.clone()).collect(),
            errors: out
                .errors()
                .iter()
                .map(|e| DeleteFailure {
                    key: e.key.clone().unwrap_or_default(),
                    code: e.code.clone().unwrap_or_default(),
                    message: e.message.clone().unwrap_or_default(),
                })
                .collect(),
        })
    }

    async fn list(&self, req: &ListRequest) -> Result<ListPage> {
        let out = self
            .client()
            .list_objects_v2()
            .bucket(&self.bucket)
            .prefix(&req.prefix)
            .max_keys(effective_max_keys(req.max_keys) as i32)
            .set_continuation_token(req.continuation_token.clone())
            .set_start_after(req.start_after.clone())
            .set_delimiter(req.delimiter.clone())
            .send()
            .await
            .map_err(|e| self.fail("ListObjectsV2", None, e))?;
        Ok(ListPage {
            contents: out
                .contents()
                .iter()
                .map(|o| ListEntry {
                    key: o.key.clone().unwrap_or_default(),
                    size: o.size.unwrap_or(0).max(0) as u64,
                    etag: o.e_tag.clone().unwrap_or_default(),
                    last_modified: to_system_time(o.last_modified.as_ref()),
                })
                .collect(),
            common_prefixes: out
                .common_prefixes()
                .iter()
                .filter_map(|p| p.prefix.clone())
                .collect(),
            is_truncated: out.is_truncated.unwrap_or(false),
            next_continuation_token: out.next_continuation_token,
        })
    }
}
