//! Core errors become JS errors whose message carries a JSON record of their fields; the JS face
//! (`lib/errors.js`) turns that record into the s3db.js error class (`NoSuchKey`, ...).

use s3db_core::{ErrorKind, StoreError};

/// Marks a message that carries a serialized core error.
pub const MARKER: &str = "S3DB_NATIVE_ERROR:";

pub fn to_napi(err: StoreError) -> napi::Error {
    napi::Error::new(
        napi::Status::GenericFailure,
        format!("{MARKER}{}", err.record_json()),
    )
}

/// A panic or a lost task inside the runtime: reported as an error, never a crash of Node.
pub fn internal(what: &str, detail: impl std::fmt::Display) -> napi::Error {
    let err = StoreError::new(ErrorKind::Unknown, format!("{what}: {detail}"))
        .with_code("InternalError")
        .with_status(500);
    // A panic is a bug, not a transient failure: never worth retrying.
    let record = s3db_core::error_record::ErrorRecord {
        retriable: false,
        ..err.record()
    };
    let text = serde_json::to_string(&record).unwrap_or_default();
    napi::Error::new(napi::Status::GenericFailure, format!("{MARKER}{text}"))
}

/// Runs core work on the runtime as its own task so that a panic inside it is caught and
/// returned as a JS error.
pub async fn guarded<T: Send + 'static>(
    work: impl std::future::Future<Output = Result<T, StoreError>> + Send + 'static,
) -> napi::Result<T> {
    match tokio::spawn(work).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(err)) => Err(to_napi(err)),
        Err(join) if join.is_panic() => {
            let payload = join.into_panic();
            let detail = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(internal("native panic", detail))
        }
        Err(join) => Err(internal("native task cancelled", join)),
    }
}
