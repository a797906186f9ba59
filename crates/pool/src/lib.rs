//! The s3db-native operations pool: one scheduler for every S3 request of a database and for
//! JS tasks queued on it.
//!
//! - Priority queue with aging ([`queue`]), a live concurrency limit, pause/resume/stop/drain.
//! - Native tasks ([`Pool::run`]): Rust futures with per-attempt timeouts and retries with
//!   exponential backoff, only for errors that say they are retryable ([`TaskFailure`]).
//! - External tasks ([`Pool::submit_external`] / [`Pool::complete_external`]): driven by
//!   synchronous calls from JS, which keeps the functions and runs them itself.
//! - Stats, rolling and aggregate metrics ([`metrics`]), adaptive concurrency ([`tuner`]).
//! - Events of native tasks are buffered only while someone listens ([`PoolObserver`]).

pub mod config;
pub mod events;
pub mod metrics;
mod native;
mod pool;
pub mod queue;
pub mod retry;
mod scheduler;
pub mod tuner;

pub use config::{
    Concurrency, MonitoringConfig, PoolConfig, QueueConfig, RetryStrategy, TaskOptions,
};
pub use events::{ErrorInfo, FailedAttempt, PoolEvent, PoolObserver, TaskSnapshot, TaskTimings};
pub use metrics::{AggregateMetrics, RollingSummary, TaskRecord, ThroughputSummary};
pub use native::in_place;
pub use pool::{Completion, Exchange, Pool, PoolStats};
pub use retry::{backoff, BackoffInput, PoolError, TaskFailure};
pub use scheduler::Counters;
pub use tuner::{SharedTuner, Tuner, TunerConfig, TunerMetrics};
