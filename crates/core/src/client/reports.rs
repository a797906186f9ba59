//! Reports of the requests a client made, for callers that count them (s3db.js apps and
//! plugins such as CostsPlugin listen to the client's `cl:response`). Off until someone asks;
//! then every request that succeeded is noted here until the caller takes the notes. Requests
//! made on behalf of a caller that reports them itself (the JS client's own methods) are left
//! out, so that each request is reported once.

use bytes::Bytes;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

/// Reports kept at most while nobody takes them; more would only grow memory (the oldest
/// are dropped first, and counted in `dropped`).
const MAX_PENDING: usize = 100_000;

/// One request that succeeded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RequestReport {
    /// The S3 operation: `PutObject`, `GetObject`, `HeadObject`, `CopyObject`, `DeleteObject`,
    /// `DeleteObjects`, `ListObjectsV2`.
    pub command: &'static str,
    /// The object's key (or a listing's prefix), relative to the client's key prefix.
    pub subject: Option<String>,
    /// The body sent (PutObject): shared with the request, not copied.
    pub sent: Option<Bytes>,
    /// What the answer said, where it says it.
    pub content_length: Option<u64>,
    pub etag: Option<String>,
    pub key_count: Option<usize>,
}

/// What a request's answer contributes to its report.
pub trait Summary {
    fn summarise(&self, _report: &mut RequestReport) {}
}

impl Summary for () {}
impl Summary for bool {}

impl Summary for crate::store::PutOutput {
    fn summarise(&self, report: &mut RequestReport) {
        report.etag = Some(self.etag.clone());
    }
}

impl Summary for crate::store::ObjectInfo {
    fn summarise(&self, report: &mut RequestReport) {
        report.content_length = Some(self.content_length);
        report.etag = Some(self.etag.clone());
    }
}

impl Summary for crate::store::GetOutput {
    fn summarise(&self, report: &mut RequestReport) {
        self.info.summarise(report);
    }
}

impl Summary for crate::store::ListPage {
    fn summarise(&self, report: &mut RequestReport) {
        report.key_count = Some(self.contents.len() + self.common_prefixes.len());
    }
}

impl Summary for crate::store::DeleteManyOutput {
    fn summarise(&self, report: &mut RequestReport) {
        report.key_count = Some(self.deleted.len());
    }
}

impl<T: Summary, U> Summary for (T, U) {
    fn summarise(&self, report: &mut RequestReport) {
        self.0.summarise(report);
    }
}

#[derive(Debug, Default)]
pub struct RequestReports {
    enabled: AtomicBool,
    pending: Mutex<Pending>,
}

#[derive(Debug, Default)]
struct Pending {
    reports: std::collections::VecDeque<RequestReport>,
    dropped: u64,
}

tokio::task_local! {
    static REPORTED_BY_CALLER: ();
}

/// Runs `work` as a caller that reports its own requests: none of them is noted.
pub async fn reported_by_caller<F: std::future::Future>(work: F) -> F::Output {
    REPORTED_BY_CALLER.scope((), work).await
}

impl RequestReports {
    /// Starts (or stops, dropping what was noted) noting requests.
    pub fn enable(&self, on: bool) {
        self.enabled.store(on, Ordering::Relaxed);
        if !on {
            *self.lock() = Pending::default();
        }
    }

    pub fn is_enabled(&self) -> bool {
        self.enabled.load(Ordering::Relaxed)
    }

    /// Notes a request that succeeded, unless reporting is off or its caller reports it.
    pub fn note(
        &self,
        command: &'static str,
        subject: Option<&str>,
        sent: Option<&Bytes>,
        answer: &impl Summary,
    ) {
        if !self.is_enabled() || REPORTED_BY_CALLER.try_with(|_| ()).is_ok() {
            return;
        }
        let mut report = RequestReport {
            command,
            subject: subject.map(str::to_string),
            sent: sent.cloned(),
            ..Default::default()
        };
        answer.summarise(&mut report);
        let mut pending = self.lock();
        if pending.reports.len() >= MAX_PENDING {
            pending.reports.pop_front();
            pending.dropped += 1;
        }
        pending.reports.push_back(report);
    }

    /// The reports noted since the last call, oldest first, and how many were dropped.
    pub fn take(&self) -> (Vec<RequestReport>, u64) {
        let mut pending = self.lock();
        let taken = std::mem::take(&mut *pending);
        (taken.reports.into(), taken.dropped)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Pending> {
        // A panic while holding the lock leaves plain data behind: keep using it.
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_by_default_and_notes_once_enabled() {
        let reports = RequestReports::default();
        reports.note("GetObject", Some("a"), None, &());
        assert!(reports.take().0.is_empty());
        reports.enable(true);
        reports.note(
            "PutObject",
            Some("a"),
            Some(&Bytes::from_static(b"hello")),
            &(),
        );
        let (taken, dropped) = reports.take();
        assert_eq!(dropped, 0);
        assert_eq!(taken.len(), 1);
        assert_eq!(taken[0].command, "PutObject");
        assert_eq!(taken[0].sent.as_deref(), Some(&b"hello"[..]));
        assert!(reports.take().0.is_empty(), "taking empties the notes");
    }

    #[tokio::test]
    async fn a_caller_that_reports_itself_is_not_noted() {
        let reports = RequestReports::default();
        reports.enable(true);
        reported_by_caller(async { reports.note("HeadObject", Some("a"), None, &()) }).await;
        assert!(reports.take().0.is_empty());
        reports.note("HeadObject", Some("b"), None, &());
        assert_eq!(reports.take().0[0].subject.as_deref(), Some("b"));
    }

    #[test]
    fn stopping_drops_the_notes_and_the_oldest_go_first_when_full() {
        let reports = RequestReports::default();
        reports.enable(true);
        for _ in 0..MAX_PENDING + 2 {
            reports.note("ListObjectsV2", None, None, &());
        }
        let (taken, dropped) = reports.take();
        assert_eq!((taken.len(), dropped), (MAX_PENDING, 2));
        reports.note("ListObjectsV2", None, None, &());
        reports.enable(false);
        reports.enable(true);
        assert!(reports.take().0.is_empty());
    }
}
