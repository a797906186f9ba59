//! The one chokepoint every S3 request of a client passes. It hands each leaf request to the
//! client's operations pool (`s3db-pool`): priority queue, concurrency limit, per-attempt
//! timeout, and retries with backoff of retryable failures only (a 404 is never retried).
//! Composite operations (batches, listings of many keys) call `run` once per leaf request and
//! never hold a slot themselves, so they cannot deadlock the pool.

use crate::error::{ErrorKind, Result, StoreError};
use s3db_pool::{Pool, PoolConfig, PoolError, TaskFailure, TaskOptions};
use std::future::Future;

/// What a request is, for metrics and events.
#[derive(Debug, Clone)]
pub struct RequestInfo {
    pub operation: &'static str,
    pub key: Option<String>,
}

impl RequestInfo {
    pub fn new(operation: &'static str, key: Option<&str>) -> Self {
        RequestInfo {
            operation,
            key: key.map(str::to_string),
        }
    }

    /// Event metadata as the original shows it: `{operation: 'putObject', key}`.
    fn task_options(self) -> TaskOptions {
        let mut operation = self.operation.to_string();
        if let Some(first) = operation.get_mut(0..1) {
            first.make_ascii_lowercase();
        }
        let options = TaskOptions::default().meta("operation", operation);
        match self.key {
            Some(key) => options.meta("key", key),
            None => options,
        }
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
    pub async fn run<T, F, Fut>(&self, info: RequestInfo, mut request: F) -> Result<T>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        match &self.pool {
            Some(pool) => pool.run(info.task_options(), request).await,
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

    /// A `retryableErrors` entry names the error class, its S3 code, or part of the message.
    fn matches(&self, pattern: &str) -> bool {
        pattern == self.kind.name() || pattern == self.code || self.message.contains(pattern)
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
        let options = RequestInfo::new("PutObject", Some("a/b")).task_options();
        assert_eq!(
            options.metadata,
            vec![
                ("operation", "putObject".to_string()),
                ("key", "a/b".to_string())
            ]
        );
    }
}
