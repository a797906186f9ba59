//! Core errors become JS errors whose message carries a JSON record of their fields; the JS face
//! (`lib/errors.js`) turns that record into the s3db.js error class (`NoSuchKey`, ...).

use s3db_core::{ErrorKind, StoreError};
use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::task::{Context, Poll, Waker};

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

/// A caught panic as a JS error carrying the panic's message.
pub(crate) fn panicked(payload: Box<dyn std::any::Any + Send>) -> napi::Error {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into());
    internal("native panic", detail)
}

/// Reads answered in place. An in-process store (memory://) completes a read without waiting,
/// so polling it once on the calling thread saves the two thread hops of an async call. A read
/// that is not ready at once is dropped, and the caller takes the async path: a request that
/// finds the pool full is not admitted at all (`s3db_core::pool::in_place`: it counts nowhere),
/// one in a backoff gives its slot back (safe for reads).
///
/// `Some(answer)` when `read` completed on its first poll, `None` when it would wait.
pub fn answer_in_place<T>(
    read: impl Future<Output = Result<T, StoreError>>,
) -> napi::Result<Option<T>> {
    // Pinned once here: the closures below borrow it, so the (large) future is not copied
    // into each of them.
    let mut read = std::pin::pin!(read);
    let polled = catch_unwind(AssertUnwindSafe(|| {
        // Timers of the pool (per-attempt timeouts) need the runtime's context.
        napi::bindgen_prelude::within_runtime_if_available(|| {
            // A request that would wait for a pool slot stays pending (and counts nowhere).
            s3db_core::pool::in_place(|| {
                match read.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
                    Poll::Ready(out) => Some(out),
                    Poll::Pending => None,
                }
            })
        })
    }));
    match polled {
        Ok(Some(Ok(value))) => Ok(Some(value)),
        Ok(Some(Err(err))) => Err(to_napi(err)),
        Ok(None) => Ok(None),
        Err(payload) => Err(panicked(payload)),
    }
}
