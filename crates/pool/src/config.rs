//! Pool options and their defaults (api §4.1), already validated.

use std::time::Duration;

use crate::tuner::TunerConfig;

/// How many tasks may hold a slot at once.
#[derive(Debug, Clone, PartialEq)]
pub enum Concurrency {
    Fixed(usize),
    /// Start from the tuner's suggestion and let it adjust at run time.
    Auto,
}

/// Backoff and pressure rules of api §4.5.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryStrategy {
    pub jitter: bool,
    pub min_delay: Duration,
    pub max_delay: Duration,
    /// Ceiling for a backoff when the pool is under pressure.
    pub clamp_delay: Duration,
    /// `(queued + active) / concurrency` at which delays are clamped.
    pub pressure_clamp_threshold: f64,
    /// `(queued + active) / concurrency` at which a retry is given up.
    pub pressure_skip_threshold: f64,
    pub latency_target: Duration,
}

impl Default for RetryStrategy {
    fn default() -> Self {
        Self {
            jitter: true,
            min_delay: Duration::from_millis(50),
            max_delay: Duration::from_millis(30_000),
            clamp_delay: Duration::from_millis(250),
            pressure_clamp_threshold: 4.0,
            pressure_skip_threshold: 10.0,
            latency_target: Duration::from_millis(2_000),
        }
    }
}

/// Priority aging of api §4.4.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueConfig {
    pub aging: Duration,
    pub max_aging_boost: f64,
    pub latency_target: Duration,
}

impl Default for QueueConfig {
    fn default() -> Self {
        Self {
            aging: Duration::from_millis(250),
            max_aging_boost: 3.0,
            latency_target: Duration::from_millis(500),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MonitoringConfig {
    pub enabled: bool,
    /// Keep per-task records for `task_metrics` / `aggregate_metrics`.
    pub collect_metrics: bool,
    /// Share of tasks (0..=1) whose records are kept.
    pub sample_rate: f64,
    pub rolling_window: Duration,
}

impl Default for MonitoringConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            collect_metrics: true,
            sample_rate: 1.0,
            rolling_window: Duration::from_millis(1_000),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PoolConfig {
    pub concurrency: Concurrency,
    /// Extra attempts after the first.
    pub retries: u32,
    /// Base of the exponential backoff.
    pub retry_delay: Duration,
    /// Per-attempt limit; `None` disables it.
    pub timeout: Option<Duration>,
    /// When not empty, a retryable error must also match one entry (see
    /// [`crate::TaskFailure::matches`]). Empty: every retryable (transient) error is retried.
    pub retryable_errors: Vec<String>,
    pub retry_strategy: RetryStrategy,
    pub queue: QueueConfig,
    pub monitoring: MonitoringConfig,
    /// Tuner settings used when `concurrency` is `Auto`.
    pub tuner: TunerConfig,
}

/// The default pool concurrency (the seed's S3 client default).
pub const DEFAULT_CONCURRENCY: usize = 100;

impl Default for PoolConfig {
    fn default() -> Self {
        Self {
            concurrency: Concurrency::Fixed(DEFAULT_CONCURRENCY),
            retries: 3,
            retry_delay: Duration::from_millis(1_000),
            timeout: Some(Duration::from_millis(30_000)),
            retryable_errors: Vec::new(),
            retry_strategy: RetryStrategy::default(),
            queue: QueueConfig::default(),
            monitoring: MonitoringConfig::default(),
            tuner: TunerConfig::default(),
        }
    }
}

/// Per-task overrides; `None` takes the pool's value.
#[derive(Debug, Clone, Default)]
pub struct TaskOptions {
    pub priority: f64,
    pub retries: Option<u32>,
    /// `Some(None)` disables the timeout for this task.
    pub timeout: Option<Option<Duration>>,
    /// Small key/value pairs shown in events (e.g. `operation`, `key`).
    pub metadata: Vec<(&'static str, String)>,
}

impl TaskOptions {
    pub fn priority(mut self, priority: f64) -> Self {
        self.priority = priority;
        self
    }
    pub fn retries(mut self, retries: u32) -> Self {
        self.retries = Some(retries);
        self
    }
    pub fn timeout(mut self, timeout: Option<Duration>) -> Self {
        self.timeout = Some(timeout);
        self
    }
    pub fn meta(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.metadata.push((key, value.into()));
        self
    }
}
