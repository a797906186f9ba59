//! `NativeOperationsPool` and `NativeAdaptiveTuning`: the scheduler of `crates/pool` as seen by
//! `lib/operations-pool.js`. JS keeps the task functions; only ids and small numbers cross, by
//! synchronous calls. Events of native tasks reach JS through one weak threadsafe function per
//! pool that only says "come and collect", so many events cost one crossing.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use napi::bindgen_prelude::Function;
use napi::threadsafe_function::{ThreadsafeFunction, ThreadsafeFunctionCallMode};
use napi_derive::napi;
use s3db_core::pool::{
    Concurrency, MonitoringConfig, Pool, PoolConfig, PoolError, PoolEvent, PoolObserver,
    QueueConfig, RetryStrategy, SharedTuner, TaskFailure, TaskOptions, TaskSnapshot, Tuner,
    TunerConfig,
};

type WakeFn = ThreadsafeFunction<(), (), (), napi::Status, false, true>;

/// Calls the JS collector once per burst: later wakes coalesce until JS has collected.
struct JsWaker {
    wake: WakeFn,
    pending: std::sync::atomic::AtomicBool,
}

impl PoolObserver for JsWaker {
    fn wake(&self) {
        use std::sync::atomic::Ordering;
        if !self.pending.swap(true, Ordering::AcqRel) {
            self.wake.call((), ThreadsafeFunctionCallMode::NonBlocking);
        }
    }
}

fn ms(value: Option<f64>) -> Option<Duration> {
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
    fn into_config(self) -> TunerConfig {
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
}

impl NativePoolOptions {
    fn into_config(self) -> PoolConfig {
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
            retryable_errors: Vec::new(),
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
            PoolEvent::TaskStarted(t) | PoolEvent::TaskMetrics(t) | PoolEvent::TaskCompleted(t) => {
                out.task = Some(t.into())
            }
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

fn ids(list: Vec<u64>) -> Vec<f64> {
    list.into_iter().map(|id| id as f64).collect()
}

#[napi]
pub struct NativeOperationsPool {
    pool: Pool,
    waker: Arc<JsWaker>,
}

impl NativeOperationsPool {
    /// The scheduler, for native objects (clients) whose requests it admits.
    pub fn pool(&self) -> Pool {
        self.pool.clone()
    }
}

#[napi]
impl NativeOperationsPool {
    /// `wake` is called (weakly: it never keeps Node alive) when native work left something to
    /// collect with `takeEvents()` / `takeReady()`.
    #[napi(constructor, catch_unwind)]
    pub fn new(options: NativePoolOptions, wake: Function<(), ()>) -> napi::Result<Self> {
        let wake: WakeFn = wake
            .build_threadsafe_function::<()>()
            .callee_handled::<false>()
            .weak::<true>()
            .build()?;
        let waker = Arc::new(JsWaker {
            wake,
            pending: false.into(),
        });
        let pool = Pool::new(options.into_config());
        pool.set_observer(Some(waker.clone()));
        Ok(Self { pool, waker })
    }

    /// Admits a JS task: `+id` to start it now, `-id` when queued, `0` when the pool is stopped.
    #[napi(catch_unwind)]
    pub fn submit(&self, priority: f64) -> f64 {
        match self.pool.submit_external(priority) {
            Ok((id, true)) => id as f64,
            Ok((id, false)) => -(id as f64),
            Err(_) => 0.0,
        }
    }

    /// Ends a JS task: the next JS task id to start, else `0` (busy), `-1` (idle: nothing queued
    /// or running) or `-2` (nothing running, tasks queued: paused).
    #[napi(catch_unwind)]
    pub fn complete(&self, id: f64, success: bool) -> f64 {
        let done = self.pool.complete_external(id as u64, success);
        match done.next {
            Some(next) => next as f64,
            None if done.idle => -1.0,
            None if done.quiet => -2.0,
            None => 0.0,
        }
    }

    /// Records a failed attempt; the backoff in ms to retry after, or -1 to give up.
    #[napi(catch_unwind)]
    pub fn retry_delay(&self, id: f64, transient: bool) -> f64 {
        self.pool
            .retry_external(id as u64, transient)
            .map_or(-1.0, |d| d.as_secs_f64() * 1000.0)
    }

    /// The task now only waits for its own children: its slot goes to others.
    #[napi(catch_unwind)]
    pub fn release_slot(&self, id: f64) -> Vec<f64> {
        ids(self.pool.release_slot(id as u64))
    }

    /// JS tasks granted a slot by native work; also re-arms the wake call.
    #[napi(catch_unwind)]
    pub fn take_ready(&self) -> Vec<f64> {
        self.waker
            .pending
            .store(false, std::sync::atomic::Ordering::Release);
        ids(self.pool.take_ready_external())
    }

    #[napi(catch_unwind)]
    pub fn take_events(&self) -> Vec<NativePoolEvent> {
        self.pool
            .take_events()
            .into_iter()
            .map(NativePoolEvent::from)
            .collect()
    }

    #[napi(catch_unwind)]
    pub fn set_listening(&self, on: bool) {
        self.pool.set_listening(on);
    }

    #[napi(catch_unwind)]
    pub fn set_wake_on_settle(&self, on: bool) {
        self.pool.set_wake_on_settle(on);
    }

    #[napi(catch_unwind)]
    pub fn set_concurrency(&self, n: u32) -> Vec<f64> {
        ids(self.pool.set_concurrency(n.max(1) as usize))
    }

    #[napi(getter)]
    pub fn concurrency(&self) -> u32 {
        self.pool.concurrency() as u32
    }

    #[napi(catch_unwind)]
    pub fn set_tuner(&self, tuner: Option<&NativeAdaptiveTuning>) -> Vec<f64> {
        ids(self.pool.set_tuner(tuner.map(|t| t.tuner.clone())))
    }

    #[napi(catch_unwind)]
    pub fn tuner_metrics(&self) -> Option<NativeTunerMetrics> {
        self.pool.tuner_metrics().map(tuner_metrics)
    }

    #[napi(catch_unwind)]
    pub fn pause(&self) {
        self.pool.pause();
    }

    #[napi(catch_unwind)]
    pub fn resume(&self) -> Vec<f64> {
        ids(self.pool.resume())
    }

    /// Returns how many queued tasks were cancelled.
    #[napi(catch_unwind)]
    pub fn stop(&self) -> u32 {
        self.pool.stop() as u32
    }

    #[napi(catch_unwind)]
    pub fn is_idle(&self) -> bool {
        self.pool.is_idle()
    }

    #[napi(catch_unwind)]
    pub fn is_quiet(&self) -> bool {
        self.pool.is_quiet()
    }

    #[napi(catch_unwind)]
    pub fn stats(&self) -> NativePoolStats {
        let s = self.pool.stats();
        let c = s.counters;
        NativePoolStats {
            queue_size: c.queue_size as u32,
            active_count: c.active_count as u32,
            submitted_count: c.submitted_count as f64,
            processed_count: c.processed_count as f64,
            error_count: c.error_count as f64,
            retry_count: c.retry_count as f64,
            concurrency: c.concurrency as u32,
            paused: c.paused,
            stopped: c.stopped,
            samples: s.rolling.map_or_else(Vec::new, |r| {
                vec![
                    r.sample_size as f64,
                    r.avg_queue_wait,
                    r.avg_execution,
                    r.avg_retries,
                    r.error_rate,
                ]
            }),
            throughput: s.throughput.map_or_else(Vec::new, |t| {
                vec![t.window_ms, t.throughput_per_sec, t.success_rate]
            }),
        }
    }

    /// `[queueWait, runningFor, attempts, retryDelayTotal, createdAt, startedAt]` of a running task.
    #[napi(catch_unwind)]
    pub fn running_timings(&self, id: f64) -> Option<Vec<f64>> {
        let (wait, running, attempts, delays) = self.pool.running_timings(id as u64)?;
        let now = std::time::Instant::now();
        let started_at = self.pool.epoch_ms(now.checked_sub(running).unwrap_or(now));
        let to_ms = |d: Duration| d.as_secs_f64() * 1000.0;
        Some(vec![
            to_ms(wait),
            to_ms(running),
            attempts as f64,
            to_ms(delays),
            started_at - to_ms(wait),
            started_at,
        ])
    }

    #[napi(catch_unwind)]
    pub fn task_record(&self, id: f64) -> Option<NativeTaskRecord> {
        self.pool.task_record(id as u64).map(|r| NativeTaskRecord {
            id: r.id as f64,
            created_at: r.created_at,
            started_at: r.started_at,
            completed_at: r.completed_at,
            queue_wait: r.queue_wait,
            execution: r.execution,
            total: r.total,
            retry_delay_total: r.retry_delay_total,
            attempt_count: r.attempts,
            failed_attempts: r.failed_attempts,
            success: r.success,
        })
    }

    #[napi(catch_unwind)]
    pub fn aggregate_metrics(&self, since: f64) -> Option<NativeAggregate> {
        self.pool.aggregate_metrics(since).map(|a| NativeAggregate {
            count: a.count as u32,
            avg_queue_wait: a.avg_queue_wait,
            avg_execution: a.avg_execution,
            avg_total: a.avg_total,
            p50_execution: a.p50_execution,
            p95_execution: a.p95_execution,
            p99_execution: a.p99_execution,
            error_rate: a.error_rate,
            avg_retries: a.avg_retries,
        })
    }

    /// Runs one native task through the pool: sleeps `duration_ms` per attempt and fails the
    /// first `failures` attempts (retryable or not). Resolves with the attempt count. Used by
    /// tests and benchmarks to drive native work (and its events) without an object store.
    #[napi]
    pub async fn run_native_probe(
        &self,
        duration_ms: f64,
        failures: u32,
        retryable: bool,
        priority: f64,
        label: String,
    ) -> napi::Result<u32> {
        let pool = self.pool.clone();
        let attempts = Arc::new(Mutex::new(0u32));
        let counter = attempts.clone();
        let delay = ms(Some(duration_ms)).unwrap_or_default();
        let work = async move {
            let options = TaskOptions::default()
                .priority(priority)
                .meta("operation", "probe")
                .meta("key", label);
            pool.run(options, move || {
                let counter = counter.clone();
                async move {
                    let n = {
                        let mut c = counter.lock().unwrap_or_else(|p| p.into_inner());
                        *c += 1;
                        *c
                    };
                    tokio::time::sleep(delay).await;
                    if n <= failures {
                        Err(ProbeError::Failed { retryable })
                    } else {
                        Ok(())
                    }
                }
            })
            .await
        };
        match tokio::spawn(work).await {
            Ok(Ok(())) => Ok(*attempts.lock().unwrap_or_else(|p| p.into_inner())),
            Ok(Err(e)) => Err(napi::Error::new(
                napi::Status::GenericFailure,
                format!("{}: {e}", e.name()),
            )),
            Err(join) => Err(napi::Error::new(
                napi::Status::GenericFailure,
                format!("native probe failed: {join}"),
            )),
        }
    }
}

#[derive(Debug)]
enum ProbeError {
    Failed { retryable: bool },
    Pool(PoolError),
}

impl std::fmt::Display for ProbeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProbeError::Failed { .. } => f.write_str("probe failure"),
            ProbeError::Pool(e) => e.fmt(f),
        }
    }
}

impl TaskFailure for ProbeError {
    fn is_retryable(&self) -> bool {
        match self {
            ProbeError::Failed { retryable } => *retryable,
            ProbeError::Pool(e) => e.is_retryable(),
        }
    }
    fn from_pool(error: PoolError) -> Self {
        ProbeError::Pool(error)
    }
    fn name(&self) -> &str {
        match self {
            ProbeError::Failed { .. } => "ProbeError",
            ProbeError::Pool(e) => e.name(),
        }
    }
    fn code(&self) -> Option<String> {
        match self {
            ProbeError::Failed { .. } => None,
            ProbeError::Pool(e) => e.code(),
        }
    }
}

fn tuner_metrics(m: s3db_core::pool::TunerMetrics) -> NativeTunerMetrics {
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

/// The adaptive tuner; attach it with `NativeOperationsPool.setTuner`. It has no timer: an
/// attached tuner adjusts on task completions once its interval has passed.
#[napi]
pub struct NativeAdaptiveTuning {
    tuner: SharedTuner,
}

#[napi]
impl NativeAdaptiveTuning {
    #[napi(constructor, catch_unwind)]
    pub fn new(options: NativeTunerOptions) -> Self {
        Self {
            tuner: Arc::new(Mutex::new(Tuner::new(options.into_config()))),
        }
    }

    #[napi(getter)]
    pub fn concurrency(&self) -> u32 {
        s3db_core::pool::tuner::lock(&self.tuner).concurrency() as u32
    }

    #[napi(catch_unwind)]
    pub fn record(&self, latency_ms: f64, queue_wait_ms: f64, success: bool, retries: u32) {
        let sample = s3db_core::pool::tuner::TaskSample {
            latency: ms(Some(latency_ms)).unwrap_or_default(),
            queue_wait: ms(Some(queue_wait_ms)).unwrap_or_default(),
            success,
            retries,
        };
        s3db_core::pool::tuner::lock(&self.tuner).record(sample);
    }

    /// One adjustment step now; the new concurrency, or null when unchanged.
    #[napi(catch_unwind)]
    pub fn adjust(&self) -> Option<u32> {
        s3db_core::pool::tuner::lock(&self.tuner)
            .adjust()
            .map(|n| n as u32)
    }

    #[napi(catch_unwind)]
    pub fn metrics(&self) -> NativeTunerMetrics {
        tuner_metrics(s3db_core::pool::tuner::lock(&self.tuner).metrics())
    }

    /// The starting value for this machine (api §4.9).
    #[napi(catch_unwind)]
    pub fn suggest_initial(&self) -> u32 {
        let t = s3db_core::pool::tuner::lock(&self.tuner);
        s3db_core::pool::tuner::suggest_initial(t.config(), s3db_core::pool::tuner::system_memory())
            as u32
    }
}
