//! How an S3 answer's error code and HTTP status become an [`ErrorKind`], shared by the SDK
//! path and the direct requests so both classify (and retry) a failure the same way.

use crate::error::ErrorKind;

/// The code of an error answer that carries none (a HEAD has no body to carry it).
pub(super) fn code_of_status(status: Option<u16>) -> String {
    match status {
        Some(404) => "NotFound".into(),
        Some(403) => "Forbidden".into(),
        Some(412) => "PreconditionFailed".into(),
        Some(s) => format!("Http{s}"),
        None => "Unknown".into(),
    }
}

pub(super) fn kind_of(code: &str, status: Option<u16>) -> ErrorKind {
    match (code, status) {
        ("NoSuchKey" | "NotFound", _) => ErrorKind::NoSuchKey,
        ("NoSuchBucket", _) => ErrorKind::NoSuchBucket,
        (
            "AccessDenied"
            | "Forbidden"
            | "SignatureDoesNotMatch"
            | "InvalidAccessKeyId"
            | "InvalidToken"
            | "ExpiredToken",
            _,
        )
        | (_, Some(401 | 403)) => ErrorKind::AccessDenied,
        ("PreconditionFailed", _) | (_, Some(412)) => ErrorKind::PreconditionFailed,
        ("MetadataTooLarge", _) => ErrorKind::MetadataTooLarge,
        (
            "SlowDown"
            | "Throttling"
            | "ThrottlingException"
            | "RequestLimitExceeded"
            | "TooManyRequests",
            _,
        )
        | (_, Some(429 | 503)) => ErrorKind::Throttled,
        ("RequestTimeout", _) | (_, Some(408)) => ErrorKind::Timeout,
        (_, Some(500..=599)) => ErrorKind::Server,
        (_, Some(404)) => ErrorKind::NoSuchKey,
        _ => ErrorKind::Unknown,
    }
}
