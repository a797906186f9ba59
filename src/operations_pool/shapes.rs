//! Plain JS shapes of the pool's options, stats, records and events.

use std::collections::HashMap;
use std::time::Duration;

use napi_derive::napi;
use s3db_core::pool::{
    Concurrency, MonitoringConfig, PoolConfig, PoolEvent, QueueConfig, RetryStrategy, TaskSnapshot,
    TunerConfig,
};

pub(super) fn ms(value: Option<f64>) -> Option<Duration> {
    value
        .filter(|v| v.is_finite() && *v >= 0.0)
        .map(|v| Duration::from_secs_f64(v / 1000.0))
}

#[napi(object)]
pub struct NativeTunerOptions {
    pub min_concurrency: Option<u32>,
    pub max_concurrency: Option<u32>,
    pub target_latency: Option<f64>,
    pub target_memory_percent: Option<f64>,
    pub adjustment_interval: Option<f64>,
}

impl NativeTunerOptions {
    pub(super) fn into_config(self) -> TunerConfig {
        let d = TunerConfig::default();
        TunerConfig {
            min_concurrency: self
                .min_concurrency
                .map_or(d.min_concurrency, |v| v as usize),
            max_concurrency: self
                .max_concurrency
                .map_or(d.max_concurrency, |v| v as usize),
            target_latency: ms(self.target_latency).unwrap_or(d.target_latency),
            target_memory_percent: self
                .target_memory_percent
                .unwrap_or(d.target_memory_percent),
            adjustment_interval: ms(self.adjustment_interval).unwrap_or(d.adjustment_interval),
        }
    }
}

/// Already validated and defaulted by the JS face; times in ms.
#[napi(object)]
pub struct NativePoolOptions {
    /// Fixed concurrency; ignored when `auto`.
    pub concurrency: u32,
    pub auto: bool,
    pub retries: u32,
    pub retry_delay: f64,
    /// 0 or absent: no timeout.
    pub timeout: Option<f64>,
    pub jitter: bool,
    pub min_delay: f64,
    pub max_delay: f64,
    pub clamp_delay: f64,
    pub pressure_clamp_threshold: f64,
    pub pressure_skip_threshold: f64,
    pub latency_target: f64,
    pub aging_ms: f64,
    pub max_aging_boost: f64,
    pub monitoring_enabled: bool,
    pub collect_metrics: bool,
    pub sample_rate: f64,
    pub rolling_window_ms: f64,
    pub tuner: Option<NativeTunerOptions>,
    /// The app's own `retryableErrors`, applied to S3 requests: a retryable failure is retried
    /// only when it matches an entry (error class, S3 code or Node network code). Absent or
    /// empty: every retryable failure is retried.
    pub retryable_errors: Option<Vec<String>>,
}

impl NativePoolOptions {
    pub(super) fn into_config(self) -> PoolConfig {
        let zero = Duration::ZERO;
        PoolConfig {
            concurrency: if self.auto {
                Concurrency::Auto
            } else {
                Concurrency::Fixed(self.concurrency.max(1) as usize)
            },
            retries: self.retries,
            retry_delay: ms(Some(self.retry_delay)).unwrap_or(zero),
            timeout: ms(self.timeout).filter(|t| !t.is_zero()),
            retryable_errors: self.retryable_errors.unwrap_or_default(),
            retry_strategy: RetryStrategy {
                jitter: self.jitter,
                min_delay: ms(Some(self.min_delay)).unwrap_or(zero),
                max_delay: ms(Some(self.max_delay)).unwrap_or(zero),
                clamp_delay: ms(Some(self.clamp_delay)).unwrap_or(zero),
                pressure_clamp_threshold: self.pressure_clamp_threshold,
                pressure_skip_threshold: self.pressure_skip_threshold,
                latency_target: ms(Some(self.latency_target)).unwrap_or(zero),
            },
            queue: QueueConfig {
                aging: ms(Some(self.aging_ms)).unwrap_or(zero),
                max_aging_boost: self.max_aging_boost,
                latency_target: zero,
            },
            monitoring: MonitoringConfig {
                enabled: self.monitoring_enabled,
                collect_metrics: self.collect_metrics,
                sample_rate: self.sample_rate,
                rolling_window: ms(Some(self.rolling_window_ms)).unwrap_or(Duration::from_secs(1)),
            },
            tuner: self
                .tuner
                .map(NativeTunerOptions::into_config)
                .unwrap_or_default(),
        }
    }
}

#[napi(object)]
pub struct NativePoolStats {
    pub queue_size: u32,
    pub active_count: u32,
    pub submitted_count: f64,
    pub processed_count: f64,
    pub error_count: f64,
    pub retry_count: f64,
    pub concurrency: u32,
    pub paused: bool,
    pub stopped: bool,
    /// `[sampleSize, avgQueueWait, avgExecution, avgRetries, errorRate]` or empty.
    pub samples: Vec<f64>,
    /// `[windowMs, throughputPerSec, successRate]` or empty.
    pub throughput: Vec<f64>,
}

/// A running task's timings, in ms (`createdAt`/`startedAt`: since the Unix epoch).
#[napi(object)]
pub struct NativeRunningTimings {
    pub queue_wait: f64,
    pub running_for: f64,
    pub attempts: u32,
    pub retry_delay_total: f64,
    pub created_at: f64,
    pub started_at: f64,
}

#[napi(object)]
pub struct NativeTaskRecord {
    pub id: f64,
    pub created_at: f64,
    pub started_at: f64,
    pub completed_at: f64,
    pub queue_wait: f64,
    pub execution: f64,
    pub total: f64,
    pub retry_delay_total: f64,
    pub attempt_count: u32,
    pub failed_attempts: u32,
    pub success: bool,
}

#[napi(object)]
pub struct NativeAggregate {
    pub count: u32,
    pub avg_queue_wait: f64,
    pub avg_execution: f64,
    pub avg_total: f64,
    pub p50_execution: f64,
    pub p95_execution: f64,
    pub p99_execution: f64,
    pub error_rate: f64,
    pub avg_retries: f64,
}

#[napi(object)]
pub struct NativeAdjustment {
    pub timestamp: f64,
    pub from: u32,
    pub to: u32,
    pub reason: String,
}

#[napi(object)]
pub struct NativeTunerMetrics {
    pub current: u32,
    pub avg_latency: f64,
    pub avg_memory: f64,
    pub avg_throughput: f64,
    pub history: Vec<NativeAdjustment>,
}

#[napi(object)]
pub struct NativeFailedAttempt {
    pub attempt: u32,
    pub duration: f64,
    pub error: String,
}

#[napi(object)]
pub struct NativeTask {
    pub id: f64,
    pub priority: f64,
    pub retries: u32,
    pub timeout: Option<f64>,
    pub metadata: HashMap<String, String>,
    pub attempt_count: u32,
    pub created_at: f64,
    pub started_at: Option<f64>,
    pub completed_at: Option<f64>,
    pub queue_wait: Option<f64>,
    pub execution: Option<f64>,
    pub total: Option<f64>,
    pub retry_delays: Vec<f64>,
    pub retry_delay_total: f64,
    pub failed_attempts: Vec<NativeFailedAttempt>,
}

impl From<TaskSnapshot> for NativeTask {
    fn from(t: TaskSnapshot) -> Self {
        NativeTask {
            id: t.id as f64,
            priority: t.priority,
            retries: t.retries,
            timeout: t.timeout,
            metadata: t
                .metadata
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
            attempt_count: t.attempt_count,
            created_at: t.created_at,
            started_at: t.started_at,
            completed_at: t.completed_at,
            queue_wait: t.timings.queue_wait,
            execution: t.timings.execution,
            total: t.timings.total,
            retry_delays: t.timings.retry_delays,
            retry_delay_total: t.timings.retry_delay_total,
            failed_attempts: t
                .timings
                .failed_attempts
                .into_iter()
                .map(|f| NativeFailedAttempt {
                    attempt: f.attempt,
                    duration: f.duration,
                    error: f.error,
                })
                .collect(),
        }
    }
}

/// One event of a native task or of the pool; `name` is the JS event name.
#[napi(object)]
pub struct NativePoolEvent {
    pub name: String,
    pub task: Option<NativeTask>,
    pub attempt: Option<u32>,
    pub error_name: Option<String>,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
}

impl From<PoolEvent> for NativePoolEvent {
    fn from(event: PoolEvent) -> Self {
        let name = event.name().to_string();
        let mut out = NativePoolEvent {
            name,
            task: None,
            attempt: None,
            error_name: None,
            error_code: None,
            error_message: None,
        };
        match event {
            PoolEvent::TaskStarted(t)
            | PoolEvent::TaskMetrics(t)
            | PoolEvent::TaskCompleted(t)
            | PoolEvent::TaskSlow(t) => out.task = Some(t.into()),
            PoolEvent::TaskRetry(t, attempt) => {
                out.task = Some(t.into());
                out.attempt = Some(attempt);
            }
            PoolEvent::TaskError(t, e) => {
                out.task = Some(t.into());
                out.error_name = Some(e.name);
                out.error_code = e.code;
                out.error_message = Some(e.message);
            }
            PoolEvent::Drained | PoolEvent::Paused | PoolEvent::Resumed | PoolEvent::Stopped => {}
        }
        out
    }
}

pub(super) fn tuner_metrics(m: s3db_core::pool::TunerMetrics) -> NativeTunerMetrics {
    NativeTunerMetrics {
        current: m.current as u32,
        avg_latency: m.avg_latency,
        avg_memory: m.avg_memory,
        avg_throughput: m.avg_throughput,
        history: m
            .history
            .into_iter()
            .map(|h| NativeAdjustment {
                timestamp: h.timestamp,
                from: h.from as u32,
                to: h.to as u32,
                reason: h.reason.to_string(),
            })
            .collect(),
    }
}
