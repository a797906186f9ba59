//! The client's request reports (see `s3db_core::client::RequestReports`): lib/client.js turns
//! them into `cl:response` events for the requests the core made on its own (resources,
//! listings, deleteAll), which its own methods do not emit.

use crate::client::NativeClient;
use napi::bindgen_prelude::Buffer;
use napi_derive::napi;

/// One request that succeeded, as the core noted it.
#[napi(object)]
pub struct RequestReport {
    /// `PutObject`, `GetObject`, `HeadObject`, `CopyObject`, `DeleteObject`, `DeleteObjects`
    /// or `ListObjectsV2`.
    pub command: String,
    /// The object's key, or a listing's prefix, relative to the key prefix.
    pub key: Option<String>,
    /// The body a PutObject sent.
    pub body: Option<Buffer>,
    pub content_length: Option<f64>,
    pub etag: Option<String>,
    /// Keys a listing returned, or a DeleteObjects deleted.
    pub key_count: Option<u32>,
}

/// The reports noted since the last take, oldest first.
#[napi(object)]
pub struct TakenReports {
    pub reports: Vec<RequestReport>,
    /// Reports dropped because nobody took them in time (the oldest go first).
    pub dropped: f64,
}

#[napi]
impl NativeClient {
    /// Starts noting the requests the core makes that succeeded (or stops, dropping the notes).
    /// The client's own object methods (`putObject` … `listObjects`) are left out: their
    /// callers report them.
    #[napi]
    pub fn set_request_reporting(&self, on: bool) {
        self.inner.reports().enable(on);
    }

    #[napi]
    pub fn take_request_reports(&self) -> TakenReports {
        let (reports, dropped) = self.inner.reports().take();
        TakenReports {
            reports: reports
                .into_iter()
                .map(|r| RequestReport {
                    command: r.command.to_string(),
                    key: r.subject,
                    body: r.sent.map(|b| b.to_vec().into()),
                    content_length: r.content_length.map(|n| n as f64),
                    etag: r.etag,
                    key_count: r.key_count.map(|n| n as u32),
                })
                .collect(),
            dropped: dropped as f64,
        }
    }
}
