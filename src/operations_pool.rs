//! `NativeOperationsPool` and `NativeAdaptiveTuning`: the scheduler of `crates/pool` as seen by
//! `lib/operations-pool.js`. JS keeps the task functions; only ids and small numbers cross, by
//! synchronous calls. Events of native tasks reach JS through one weak threadsafe function per
//! pool that only says "come and collect", so many events cost one crossing.

#[cfg(feature = "test-hooks")]
mod probe;
mod shapes;
mod tuning;

use std::sync::Arc;
use std::time::Duration;

use napi::bindgen_prelude::{Float64ArraySlice, Function};
use napi::threadsafe_function::{ThreadsafeFunction, ThreadsafeFunctionCallMode};
use napi_derive::napi;
use s3db_core::pool::{Pool, PoolObserver};

use shapes::tuner_metrics;
pub use shapes::{
    NativeAggregate, NativePoolEvent, NativePoolOptions, NativePoolStats, NativeRunningTimings,
    NativeTaskRecord, NativeTunerMetrics,
};
pub use tuning::NativeAdaptiveTuning;

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

    /// Many completions and submissions in one call (see `Pool::exchange_external`).
    /// `completions`: `+id` succeeded, `-id` failed. `out` gets one entry per priority (`+id`
    /// start now, `-id` queued, `0` stopped), then the ids granted a slot. Returns
    /// `granted * 4 + state`, state 1 = idle, 2 = nothing running (paused), 0 = busy.
    #[napi(catch_unwind)]
    pub fn exchange(
        &self,
        completions: &[f64],
        priorities: &[f64],
        mut out: Float64ArraySlice<'_>,
    ) -> f64 {
        let done = completions.iter().map(|&c| (c.abs() as u64, c > 0.0));
        // SAFETY: a synchronous call on the JS thread: nothing else touches the array meanwhile.
        let out = unsafe { out.as_mut() };
        let result = self.pool.exchange_external(done, priorities, out);
        let state = if result.idle {
            1
        } else if result.quiet {
            2
        } else {
            0
        };
        (result.granted * 4 + state) as f64
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

    /// Notices for the client's log, sent whatever the listeners: `pool:taskSlow` for native
    /// tasks of `slowMs` or longer (`null`: off) and `pool:taskRetry` for every retry.
    #[napi(catch_unwind)]
    pub fn set_notices(&self, slow_ms: Option<f64>, retries: bool) {
        let slow = slow_ms
            .filter(|ms| ms.is_finite() && *ms >= 0.0)
            .map(|ms| std::time::Duration::from_secs_f64(ms / 1000.0));
        self.pool.set_notices(slow, retries);
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

    /// Timings of a running task (ms; `createdAt`/`startedAt` since the Unix epoch).
    #[napi(catch_unwind)]
    pub fn running_timings(&self, id: f64) -> Option<NativeRunningTimings> {
        let (wait, running, attempts, delays) = self.pool.running_timings(id as u64)?;
        let now = std::time::Instant::now();
        let started_at = self.pool.epoch_ms(now.checked_sub(running).unwrap_or(now));
        let to_ms = |d: Duration| d.as_secs_f64() * 1000.0;
        Some(NativeRunningTimings {
            queue_wait: to_ms(wait),
            running_for: to_ms(running),
            attempts,
            retry_delay_total: to_ms(delays),
            created_at: started_at - to_ms(wait),
            started_at,
        })
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
}
