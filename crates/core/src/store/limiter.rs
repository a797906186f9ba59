//! The one chokepoint every S3 request of a client passes. It hands each leaf request to the
//! client's operations pool (`s3db-pool`): priority queue, concurrency limit, per-attempt
//! timeout, and retries with backoff of retryable failures only (a 404 is never retried).
//! Composite operations (batches, listings of many keys) call `run` once per leaf request and
//! never hold a slot themselves, so they cannot deadlock the pool.

use crate::error::{ErrorKind, Result, StoreError};
use s3db_pool::{Pool, PoolConfig, PoolError, TaskFailure, TaskOptions};
use std::future::Future;

/// What a request is, for metrics and events.
#[derive(Debug, Clone, Copy)]
pub struct RequestInfo<'a> {
    pub operation: &'static str,
    pub key: Option<&'a str>,
}

impl<'a> RequestInfo<'a> {
    pub fn new(operation: &'static str, key: Option<&'a str>) -> Self {
        RequestInfo { operation, key }
    }

    /// Event metadata as the original shows it: `{operation: 'putObject', key}`. Built only
    /// when an event of the request is.
    fn metadata(&self) -> Vec<(&'static str, String)> {
        let mut operation = self.operation.to_string();
        if let Some(first) = operation.get_mut(0..1) {
            first.make_ascii_lowercase();
        }
        let mut metadata = vec![("operation", operation)];
        if let Some(key) = self.key {
            metadata.push(("key", key.to_string()));
        }
        metadata
    }
}

#[derive(Clone)]
pub struct RequestLimiter {
    /// `None`: the pool is disabled (`operationsPool: false`); requests run directly, once.
    pool: Option<Pool>,
}

impl RequestLimiter {
    /// A pool of its own with the client defaults (retries 3, base delay 1 s, timeout 30 s).
    pub fn new(concurrency: usize) -> Self {
        let config = PoolConfig {
            concurrency: s3db_pool::Concurrency::Fixed(concurrency.max(1)),
            ..PoolConfig::default()
        };
        RequestLimiter {
            pool: Some(Pool::new(config)),
        }
    }

    /// Admits requests through a pool shared with others (the JS `OperationsPool` of a client).
    pub fn with_pool(pool: Pool) -> Self {
        RequestLimiter { pool: Some(pool) }
    }

    /// No pool: every request runs at once, without retries (the original with the pool off).
    pub fn direct() -> Self {
        RequestLimiter { pool: None }
    }

    pub fn pool(&self) -> Option<&Pool> {
        self.pool.as_ref()
    }

    /// Runs one leaf request in a pool slot, retrying retryable failures.
    pub async fn run<T, F, Fut>(&self, info: RequestInfo<'_>, mut request: F) -> Result<T>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        match &self.pool {
            Some(pool) => {
                pool.run_described(TaskOptions::default(), || info.metadata(), request)
                    .await
            }
            None => request().await,
        }
    }
}

impl TaskFailure for StoreError {
    fn is_retryable(&self) -> bool {
        StoreError::is_retryable(self)
    }

    fn is_transient(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::Network | ErrorKind::Timeout | ErrorKind::Throttled
        )
    }

    /// A `retryableErrors` entry matches as in s3db.js 19.5.10 (the error's name, code or
    /// class): the error class, its S3 code, or for a failed connection the Node code
    /// (`ECONNREFUSED`, `ECONNRESET`, ...) the same failure has in Node.
    fn matches(&self, pattern: &str) -> bool {
        pattern == self.kind.name()
            || pattern == self.code
            || (matches!(self.kind, ErrorKind::Network | ErrorKind::Timeout)
                && node_network_code(&self.message) == Some(pattern))
    }

    fn from_pool(error: PoolError) -> Self {
        match error {
            PoolError::Timeout { .. } => StoreError::new(ErrorKind::Timeout, error.to_string())
                .with_code(PoolError::TIMEOUT_CODE),
            PoolError::Cancelled => {
                StoreError::new(ErrorKind::Unknown, error.to_string()).with_code("TaskCancelled")
            }
        }
    }

    fn name(&self) -> &str {
        self.kind.name()
    }

    fn code(&self) -> Option<String> {
        Some(self.code.clone())
    }
}

/// The Node error code of a connection failure, from the OS error or resolver failure its
/// message reports.
fn node_network_code(message: &str) -> Option<&'static str> {
    use std::io::ErrorKind as Io;
    if let Some(at) = message.find("(os error ") {
        let digits: String = message[at + 10..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let Ok(n) = digits.parse::<i32>() {
            return match std::io::Error::from_raw_os_error(n).kind() {
                Io::ConnectionRefused => Some("ECONNREFUSED"),
                Io::ConnectionReset => Some("ECONNRESET"),
                Io::ConnectionAborted => Some("ECONNABORTED"),
                Io::BrokenPipe => Some("EPIPE"),
                Io::TimedOut => Some("ETIMEDOUT"),
                Io::HostUnreachable => Some("EHOSTUNREACH"),
                Io::NetworkUnreachable => Some("ENETUNREACH"),
                _ => None,
            };
        }
    }
    if message.contains("dns error") || message.contains("failed to lookup address") {
        return Some("ENOTFOUND");
    }
    // A connection the server closed mid-response: Node's "socket hang up".
    if message.contains("connection closed before message completed") {
        return Some("ECONNRESET");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::time::Duration;

    fn limiter() -> RequestLimiter {
        let config = PoolConfig {
            retry_delay: Duration::from_millis(1),
            ..PoolConfig::default()
        };
        RequestLimiter::with_pool(Pool::new(config))
    }

    #[tokio::test]
    async fn not_found_is_tried_once() {
        let calls = AtomicU32::new(0);
        let out: Result<()> = limiter()
            .run(RequestInfo::new("HeadObject", Some("k")), || {
                calls.fetch_add(1, Ordering::SeqCst);
                async { Err(StoreError::no_such_key("b", "k")) }
            })
            .await;
        assert!(out.unwrap_err().is_not_found());
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn throttling_is_retried() {
        let calls = AtomicU32::new(0);
        let out = limiter()
            .run(RequestInfo::new("PutObject", Some("k")), || {
                let n = calls.fetch_add(1, Ordering::SeqCst);
                async move {
                    if n < 2 {
                        Err(StoreError::new(ErrorKind::Throttled, "slow down").with_status(503))
                    } else {
                        Ok(n)
                    }
                }
            })
            .await;
        assert_eq!(out.unwrap(), 2);
    }

    #[tokio::test]
    async fn direct_runs_once_without_a_pool() {
        let calls = AtomicU32::new(0);
        let out: Result<()> = RequestLimiter::direct()
            .run(RequestInfo::new("GetObject", None), || {
                calls.fetch_add(1, Ordering::SeqCst);
                async { Err(StoreError::new(ErrorKind::Server, "boom")) }
            })
            .await;
        assert!(out.is_err());
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn metadata_matches_the_original() {
        let metadata = RequestInfo::new("PutObject", Some("a/b")).metadata();
        assert_eq!(
            metadata,
            vec![
                ("operation", "putObject".to_string()),
                ("key", "a/b".to_string())
            ]
        );
    }

    #[test]
    fn retryable_errors_entries_match_name_code_or_node_code() {
        let slow = StoreError::new(ErrorKind::Throttled, "Please reduce your request rate.")
            .with_code("SlowDown");
        assert!(slow.matches("SlowDown"));
        assert!(
            !slow.matches("reduce"),
            "no message substrings (19.5.10 compares names)"
        );
        let internal = StoreError::new(ErrorKind::Server, "We encountered an internal error")
            .with_code("InternalError");
        assert!(internal.matches("InternalError") && internal.matches("ServiceUnavailable"));
        assert!(!internal.matches("SlowDown"));
        // Linux numbering (ECONNREFUSED = 111).
        if cfg!(target_os = "linux") {
            let refused = StoreError::new(
                ErrorKind::Network,
                "dispatch failure: io error: tcp connect error: Connection refused (os error 111)",
            )
            .with_code("NetworkingError");
            assert!(refused.matches("NetworkingError") && refused.matches("ECONNREFUSED"));
            assert!(!refused.matches("ECONNRESET"));
        }
        let dns = StoreError::new(
            ErrorKind::Network,
            "dns error: failed to lookup address information",
        )
        .with_code("NetworkingError");
        assert!(dns.matches("ENOTFOUND"));
        let missing = StoreError::no_such_key("b", "k");
        assert!(!missing.matches("ECONNREFUSED"));
    }
}
