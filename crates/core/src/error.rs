//! The one error type of the core. It carries what the JS layer needs to build the original's
//! error classes (`NoSuchKey`, `PermissionError`, ...) and what the pool needs to decide on retries.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    NoSuchKey,
    NoSuchBucket,
    AccessDenied,
    PreconditionFailed,
    /// The caller passed something unusable (empty key, bad option).
    InvalidInput,
    /// User metadata over the 2 KB S3 limit.
    MetadataTooLarge,
    ConnectionString,
    /// Transport failure before an HTTP answer: refused, reset, DNS.
    Network,
    Timeout,
    /// 503 SlowDown, 429, throttling codes.
    Throttled,
    /// Any other 5xx.
    Server,
    /// Local file-system failure of the file backend.
    Io,
    /// A record that fails its schema (`data.validation` holds the issues).
    InvalidResourceItem,
    /// A resource-level refusal: missing record on update, paranoid deleteAll, ...
    Resource,
    Schema,
    Partition,
    Behavior,
    Crypto,
    /// `s3db.json` missing or unreadable.
    Database,
    Unknown,
}

impl ErrorKind {
    /// The error name the JS layer maps to a class (see `lib/errors.js`).
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::NoSuchKey => "NoSuchKey",
            ErrorKind::NoSuchBucket => "NoSuchBucket",
            ErrorKind::AccessDenied => "PermissionError",
            ErrorKind::PreconditionFailed => "PreconditionFailed",
            ErrorKind::InvalidInput => "ValidationError",
            ErrorKind::MetadataTooLarge => "MetadataLimitError",
            ErrorKind::ConnectionString => "ConnectionStringError",
            ErrorKind::Network => "NetworkingError",
            ErrorKind::Timeout => "TimeoutError",
            ErrorKind::Throttled => "SlowDown",
            ErrorKind::Server => "ServiceUnavailable",
            ErrorKind::Io => "UnknownError",
            ErrorKind::InvalidResourceItem => "InvalidResourceItem",
            ErrorKind::Resource => "ResourceError",
            ErrorKind::Schema => "SchemaError",
            ErrorKind::Partition => "PartitionError",
            ErrorKind::Behavior => "BehaviorError",
            ErrorKind::Crypto => "CryptoError",
            ErrorKind::Database => "DatabaseError",
            ErrorKind::Unknown => "UnknownError",
        }
    }
}

#[derive(Debug, Clone)]
pub struct StoreError {
    pub kind: ErrorKind,
    /// The S3 error code when there is one (`NoSuchKey`, `SignatureDoesNotMatch`, ...).
    pub code: String,
    pub message: String,
    pub status_code: Option<u16>,
    pub request_id: Option<String>,
    pub bucket: Option<String>,
    pub key: Option<String>,
    /// The S3 operation that failed (`PutObject`, ...), when known.
    pub command: Option<&'static str>,
    /// Extra fields for the JS error class (`resourceName`, `id`, `validation`, ...).
    pub details: Option<serde_json::Value>,
}

impl StoreError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        StoreError {
            kind,
            code: kind.name().to_string(),
            message: message.into(),
            status_code: None,
            request_id: None,
            bucket: None,
            key: None,
            command: None,
            details: None,
        }
    }

    /// Adds fields to [`StoreError::details`].
    pub fn with_details(mut self, details: serde_json::Value) -> Self {
        match (&mut self.details, details) {
            (Some(serde_json::Value::Object(existing)), serde_json::Value::Object(extra)) => {
                existing.extend(extra)
            }
            (slot, details) => *slot = Some(details),
        }
        self
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidInput, message).with_status(400)
    }

    pub fn no_such_key(bucket: &str, key: &str) -> Self {
        Self::new(ErrorKind::NoSuchKey, "The specified key does not exist.")
            .with_code("NoSuchKey")
            .with_status(404)
            .with_location(bucket, key)
    }

    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.code = code.into();
        self
    }

    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = message.into();
        self
    }

    pub fn with_status(mut self, status: u16) -> Self {
        self.status_code = Some(status);
        self
    }

    pub fn with_location(mut self, bucket: &str, key: &str) -> Self {
        self.bucket = Some(bucket.to_string());
        self.key = Some(key.to_string());
        self
    }

    pub fn with_command(mut self, command: &'static str) -> Self {
        self.command = Some(command);
        self
    }

    /// Whether trying the same request again may succeed: transport failures, timeouts,
    /// throttling and 5xx. Never 4xx other than 408/429 (a 404 stays a 404).
    pub fn is_retryable(&self) -> bool {
        if self.is_not_implemented() {
            return false;
        }
        match self.kind {
            ErrorKind::Network | ErrorKind::Timeout | ErrorKind::Throttled | ErrorKind::Server => {
                true
            }
            ErrorKind::Unknown => matches!(self.status_code, Some(408 | 429 | 500..=599)),
            _ => false,
        }
    }

    /// The server does not support what was asked (501), e.g. conditional writes.
    pub fn is_not_implemented(&self) -> bool {
        self.status_code == Some(501) || self.code == "NotImplemented"
    }

    pub fn is_not_found(&self) -> bool {
        self.kind == ErrorKind::NoSuchKey
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for StoreError {}

impl From<s3db_codec::CodecError> for StoreError {
    fn from(err: s3db_codec::CodecError) -> Self {
        use s3db_codec::CodecError as C;
        let message = err.to_string();
        match err {
            C::Schema { path, .. } => StoreError::new(ErrorKind::Schema, message).with_status(400).with_details(serde_json::json!({ "field": path })),
            C::Decode { field, .. } => StoreError::new(ErrorKind::Unknown, message).with_code("DecodeError").with_details(serde_json::json!({ "field": field })),
            C::Encode { field, .. } => StoreError::new(ErrorKind::InvalidInput, message).with_status(400).with_details(serde_json::json!({ "field": field })),
            C::Crypto(_) => StoreError::new(ErrorKind::Crypto, message).with_status(500),
            C::MetadataLimit { operation, total_size, effective_limit, absolute_limit, excess } => StoreError::new(ErrorKind::MetadataTooLarge, message)
                .with_status(413)
                .with_details(serde_json::json!({ "operation": operation, "totalSize": total_size, "effectiveLimit": effective_limit, "absoluteLimit": absolute_limit, "excess": excess })),
            C::UnknownBehavior(_) => StoreError::new(ErrorKind::Behavior, message).with_status(400),
            C::InvalidId(_) => StoreError::new(ErrorKind::InvalidInput, message).with_status(400),
            C::Metadata(_) => StoreError::new(ErrorKind::Database, message).with_status(500),
            C::Partition(_) => StoreError::new(ErrorKind::Partition, message).with_status(400),
            C::Body(_) => StoreError::new(ErrorKind::Unknown, message).with_code("InvalidBody"),
        }
    }
}

impl From<std::io::Error> for StoreError {
    fn from(err: std::io::Error) -> Self {
        StoreError::new(ErrorKind::Io, err.to_string()).with_code("IoError")
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
