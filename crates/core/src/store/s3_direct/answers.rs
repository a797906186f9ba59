//! What an answer to a direct request becomes: an object's info from its headers, or the
//! error the SDK path would give for it (same codes, kinds and statuses).

use crate::error::{ErrorKind, StoreError};
use crate::store::s3_errors::{code_of_status, kind_of};
use crate::store::types::ObjectInfo;
use bytes::Bytes;
use http::{header, HeaderMap};
use std::time::SystemTime;

/// The header prefix of user metadata, on the way out and back.
pub(super) const META_PREFIX: &str = "x-amz-meta-";

/// A status line, headers and the whole body of one answer.
pub(super) struct Answer {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Bytes,
}

pub(super) fn text(headers: &HeaderMap, name: impl header::AsHeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| std::str::from_utf8(v.as_bytes()).ok())
        .map(str::to_string)
}

pub(super) fn object_info(headers: &HeaderMap) -> ObjectInfo {
    let metadata = headers
        .iter()
        .filter_map(|(name, value)| {
            let key = name.as_str().strip_prefix(META_PREFIX)?;
            let value = std::str::from_utf8(value.as_bytes()).ok()?;
            Some((key.to_string(), value.to_string()))
        })
        .collect();
    ObjectInfo {
        metadata,
        content_type: text(headers, header::CONTENT_TYPE),
        content_encoding: text(headers, header::CONTENT_ENCODING),
        content_length: text(headers, header::CONTENT_LENGTH)
            .and_then(|v| v.parse().ok())
            .unwrap_or(0),
        etag: text(headers, header::ETAG).unwrap_or_default(),
        last_modified: text(headers, header::LAST_MODIFIED)
            .and_then(|v| httpdate::parse_http_date(&v).ok())
            .unwrap_or(SystemTime::UNIX_EPOCH),
        version_id: text(headers, "x-amz-version-id"),
    }
}

/// An error answer: its XML `Code` and `Message`, or what its status says when it has no
/// body (a HEAD), classified as on the SDK path.
pub(super) fn refusal(command: &'static str, answer: &Answer) -> StoreError {
    let status = Some(answer.status);
    let body = std::str::from_utf8(&answer.body).unwrap_or_default();
    let code = xml_text(body, "Code").unwrap_or_else(|| code_of_status(status));
    let message =
        xml_text(body, "Message").unwrap_or_else(|| format!("{code} ({})", answer.status));
    let mut error = StoreError::new(kind_of(&code, status), message)
        .with_code(code)
        .with_command(command);
    error.status_code = status;
    error.request_id = text(&answer.headers, "x-amz-request-id");
    error
}

/// No answer: refused, reset or timed out before a status line came back.
pub(super) fn unanswered(
    command: &'static str,
    error: &dyn std::error::Error,
    timed_out: bool,
) -> StoreError {
    let kind = if timed_out {
        ErrorKind::Timeout
    } else {
        ErrorKind::Network
    };
    StoreError::new(kind, format!("{command} got no answer: {}", chain(error)))
        .with_code("NetworkingError")
        .with_command(command)
}

/// A request that could not be built (a header value no HTTP request can carry), as the SDK
/// path reports one it cannot construct.
pub(super) fn unbuildable(command: &'static str, message: impl Into<String>) -> StoreError {
    StoreError::new(ErrorKind::InvalidInput, message)
        .with_code("InvalidRequest")
        .with_command(command)
}

/// An answer whose body could not be read whole (the connection broke mid-body).
pub(super) fn unreadable(command: &'static str, error: &dyn std::error::Error) -> StoreError {
    StoreError::new(
        ErrorKind::Network,
        format!("Reading the answer to {command} failed: {}", chain(error)),
    )
    .with_code("NetworkingError")
    .with_command(command)
}

fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

pub(super) fn caused_by_timeout(error: &dyn std::error::Error) -> bool {
    let mut source = error.source();
    while let Some(cause) = source {
        if cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::TimedOut)
        {
            return true;
        }
        source = cause.source();
    }
    false
}

/// The text of the first `<tag>` element of an S3 error document, entities decoded.
fn xml_text(body: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}>");
    let start = body.find(&open)? + open.len();
    let end = start + body[start..].find(&format!("</{tag}>"))?;
    let raw = &body[start..end];
    Some(
        raw.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, headers: &[(&str, &str)], body: &str) -> Answer {
        let mut map = HeaderMap::new();
        for (k, v) in headers {
            map.append(
                header::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                v.parse().unwrap(),
            );
        }
        Answer {
            status,
            headers: map,
            body: Bytes::from(body.to_string()),
        }
    }

    #[test]
    fn an_error_document_gives_its_code_message_and_request_id() {
        let a = answer(
            404,
            &[("x-amz-request-id", "R1")],
            "<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code><Message>The key &amp; &lt;it&gt;</Message></Error>",
        );
        let e = refusal("GetObject", &a);
        assert_eq!(e.kind, ErrorKind::NoSuchKey);
        assert_eq!(e.code, "NoSuchKey");
        assert_eq!(e.message, "The key & <it>");
        assert_eq!(e.status_code, Some(404));
        assert_eq!(e.request_id.as_deref(), Some("R1"));
        assert_eq!(e.command, Some("GetObject"));
    }

    #[test]
    fn a_bodiless_error_is_named_by_its_status_as_on_the_sdk_path() {
        let cases = [
            (404, "NotFound", ErrorKind::NoSuchKey),
            (403, "Forbidden", ErrorKind::AccessDenied),
            (412, "PreconditionFailed", ErrorKind::PreconditionFailed),
            (503, "Http503", ErrorKind::Throttled),
            (500, "Http500", ErrorKind::Server),
        ];
        for (status, code, kind) in cases {
            let e = refusal("HeadObject", &answer(status, &[], ""));
            assert_eq!((e.code.as_str(), e.kind), (code, kind), "status {status}");
            assert_eq!(e.message, format!("{code} ({status})"));
        }
    }

    #[test]
    fn not_implemented_is_recognised_so_conditions_fall_back() {
        let a = answer(
            501,
            &[],
            "<Error><Code>NotImplemented</Code><Message>no</Message></Error>",
        );
        let e = refusal("PutObject", &a);
        assert!(e.is_not_implemented());
        assert!(!e.is_retryable());
    }

    #[test]
    fn object_info_reads_metadata_and_the_object_headers() {
        let a = answer(
            200,
            &[
                ("x-amz-meta-_v", "1"),
                ("x-amz-meta-name", "Ana"),
                ("content-type", "application/json"),
                ("content-length", "42"),
                ("etag", "\"abc\""),
                ("last-modified", "Tue, 08 Dec 2026 04:05:00 GMT"),
                ("x-amz-version-id", "v7"),
            ],
            "",
        );
        let info = object_info(&a.headers);
        assert_eq!(info.metadata.get("_v").map(String::as_str), Some("1"));
        assert_eq!(info.metadata.get("name").map(String::as_str), Some("Ana"));
        assert_eq!(info.metadata.len(), 2);
        assert_eq!(info.content_type.as_deref(), Some("application/json"));
        assert_eq!(info.content_length, 42);
        assert_eq!(info.etag, "\"abc\"");
        assert_eq!(info.version_id.as_deref(), Some("v7"));
        assert_eq!(
            info.last_modified,
            httpdate::parse_http_date("Tue, 08 Dec 2026 04:05:00 GMT").unwrap()
        );
    }
}
