//! The pool handle: construction, controls (pause/resume/stop/drain/concurrency), stats, the
//! synchronous API that drives external (JS) tasks, and the event buffer. Native tasks are in
//! `native.rs`.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tokio::sync::{watch, Notify};

use crate::config::{Concurrency, PoolConfig};
use crate::events::{PoolEvent, PoolObserver};
use crate::metrics::{AggregateMetrics, RollingSummary, TaskRecord, ThroughputSummary};
use crate::retry::PoolError;
use crate::scheduler::{Active, Counters, Outcome, Scheduler, Waiter};
use crate::tuner::{self, SharedTuner, Tuner, TunerMetrics};

#[derive(Clone)]
pub struct Pool {
    pub(crate) shared: Arc<Shared>,
}

pub(crate) struct Shared {
    state: Mutex<Scheduler>,
    pub(crate) stop_tx: watch::Sender<bool>,
    /// Woken whenever the pool may have become idle or quiet (no running task).
    settled: Notify,
    observer: Mutex<Option<Arc<dyn PoolObserver>>>,
    /// Someone listens to events: buffer them. Off means events cost one atomic load.
    listening: AtomicBool,
    /// Someone outside Rust waits for idleness (a JS `drain()`/`pause()`).
    wake_on_settle: AtomicBool,
    /// Notices for the client's log, buffered even when no one listens to events: slow
    /// native tasks (threshold in ms, 0 = off) and retries.
    slow_after_ms: AtomicU64,
    notice_retries: AtomicBool,
    events: Mutex<Vec<PoolEvent>>,
}

/// `getStats()` minus the JS-only parts.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolStats {
    pub counters: Counters,
    pub rolling: Option<RollingSummary>,
    pub throughput: Option<ThroughputSummary>,
}

/// What an exchange of external completions and submissions led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exchange {
    /// External tasks granted a slot, written after the submission results.
    pub granted: usize,
    pub idle: bool,
    pub quiet: bool,
}

/// What finishing an external task led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Completion {
    /// An external task granted the freed slot, to start now.
    pub next: Option<u64>,
    /// Queue and running set are both empty.
    pub idle: bool,
    /// No task is running (the queue may hold tasks while paused).
    pub quiet: bool,
}

impl Pool {
    pub fn new(config: PoolConfig) -> Self {
        let (concurrency, tuner) = match config.concurrency {
            Concurrency::Fixed(n) => (n.max(1), None),
            Concurrency::Auto => {
                let tuner = Tuner::new(config.tuner.clone());
                (tuner.concurrency(), Some(Arc::new(Mutex::new(tuner))))
            }
        };
        let (stop_tx, _) = watch::channel(false);
        Self {
            shared: Arc::new(Shared {
                state: Mutex::new(Scheduler::new(config, concurrency, tuner)),
                stop_tx,
                settled: Notify::new(),
                observer: Mutex::new(None),
                listening: AtomicBool::new(false),
                wake_on_settle: AtomicBool::new(false),
                slow_after_ms: AtomicU64::new(0),
                notice_retries: AtomicBool::new(false),
                events: Mutex::new(Vec::new()),
            }),
        }
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Scheduler> {
        // Scheduler updates never leave it half-changed across a panic point, so a poisoned
        // lock still guards consistent data.
        self.shared.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn config(&self) -> PoolConfig {
        self.lock().config.clone()
    }

    // ----- controls -------------------------------------------------------------------------

    pub fn concurrency(&self) -> usize {
        self.lock().concurrency()
    }

    /// Takes effect at once: a raise starts queued tasks (external ids are returned to start).
    /// A fixed value detaches the tuner, if any (use `set_tuner` to go back to automatic).
    pub fn set_concurrency(&self, n: usize) -> Vec<u64> {
        let mut s = self.lock();
        s.set_concurrency(n);
        s.tuner = None;
        s.fill()
    }

    /// Attaches (or detaches) an adaptive tuner; concurrency follows it from now on.
    pub fn set_tuner(&self, tuner: Option<SharedTuner>) -> Vec<u64> {
        let mut s = self.lock();
        if let Some(t) = &tuner {
            let n = tuner::lock(t).concurrency();
            s.set_concurrency(n);
        }
        s.tuner = tuner;
        s.fill()
    }

    pub fn tuner_metrics(&self) -> Option<TunerMetrics> {
        let s = self.lock();
        s.tuner.as_ref().map(|t| tuner::lock(t).metrics())
    }

    pub fn pause(&self) {
        self.lock().paused = true;
        self.emit(PoolEvent::Paused);
    }

    /// Resumes; returns external ids granted a slot.
    pub fn resume(&self) -> Vec<u64> {
        let granted = {
            let mut s = self.lock();
            s.paused = false;
            s.fill()
        };
        self.emit(PoolEvent::Resumed);
        granted
    }

    /// Irreversible. Queued native tasks fail with `Cancelled`, running ones are interrupted.
    /// Returns how many queued tasks were cancelled (external ones are the caller's to reject).
    pub fn stop(&self) -> usize {
        let cancelled = {
            let mut s = self.lock();
            if s.stopped {
                return 0;
            }
            // Dropping native waiters' senders wakes them with an error.
            s.stop().len()
        };
        self.shared.stop_tx.send_replace(true);
        self.emit(PoolEvent::Stopped);
        self.after_finish(Vec::new(), true);
        cancelled
    }

    pub fn is_stopped(&self) -> bool {
        self.lock().stopped
    }

    pub fn is_idle(&self) -> bool {
        self.lock().is_idle()
    }

    /// Waits until nothing is queued or running (or the pool is stopped and nothing runs).
    pub async fn drain(&self) {
        self.wait_until(|s| s.is_idle() || (s.stopped && s.active.is_empty()))
            .await;
        self.emit(PoolEvent::Drained);
    }

    /// Pauses and waits for running tasks to settle.
    pub async fn pause_and_settle(&self) {
        self.pause();
        self.wait_until(|s| s.active.is_empty()).await;
    }

    async fn wait_until(&self, done: impl Fn(&Scheduler) -> bool) {
        loop {
            let settled = self.shared.settled.notified();
            tokio::pin!(settled);
            settled.as_mut().enable();
            if done(&self.lock()) {
                return;
            }
            settled.await;
        }
    }

    // ----- stats ----------------------------------------------------------------------------

    pub fn stats(&self) -> PoolStats {
        let s = self.lock();
        PoolStats {
            counters: s.counters(),
            rolling: s.rolling.summary(),
            throughput: s.throughput.summary(Instant::now()),
        }
    }

    pub fn task_record(&self, id: u64) -> Option<TaskRecord> {
        self.lock().records.get(id).cloned()
    }

    /// Over stored task records completed at or after `since` (epoch ms).
    pub fn aggregate_metrics(&self, since: f64) -> Option<AggregateMetrics> {
        self.lock().records.aggregate(since)
    }

    /// Timings of a running task: `(queue wait, running for, attempts, retry delay total)`.
    pub fn running_timings(&self, id: u64) -> Option<(Duration, Duration, u32, Duration)> {
        let s = self.lock();
        let t = s.active.get(&id)?;
        Some((
            t.started.saturating_duration_since(t.enqueued),
            t.started.elapsed(),
            t.attempts,
            t.retry_delay_total,
        ))
    }

    /// Converts an instant to milliseconds since the Unix epoch.
    pub fn epoch_ms(&self, at: Instant) -> f64 {
        self.lock().epoch_ms(at)
    }

    // ----- external (JS) tasks: synchronous, cheap, driven by the caller --------------------

    /// Admits an external task: `(id, start now?)`. Fails when the pool is stopped.
    pub fn submit_external(&self, priority: f64) -> Result<(u64, bool), PoolError> {
        let mut s = self.lock();
        if s.stopped {
            return Err(PoolError::Cancelled);
        }
        Ok(s.submit(priority, Waiter::External))
    }

    /// Ends an external task. The first external task granted the freed slot is returned to
    /// start; any further ones wait in `take_ready_external`.
    pub fn complete_external(&self, id: u64, success: bool) -> Completion {
        let outcome = if success {
            Outcome::Success
        } else {
            Outcome::Failure
        };
        let (mut granted, idle, quiet) = {
            let mut s = self.lock();
            let granted = s.finish(id, outcome).map(|(_, g)| g).unwrap_or_default();
            (granted, s.is_idle(), s.active.is_empty())
        };
        let next = (!granted.is_empty()).then(|| granted.remove(0));
        if !granted.is_empty() {
            self.queue_ready(granted);
        }
        if idle || quiet {
            self.shared.settled.notify_waiters();
        }
        Completion { next, idle, quiet }
    }

    /// Many completions and submissions of external tasks under one lock (one JS call per
    /// microtask wave instead of two per task). `completions` are `(id, success)`; each
    /// priority submits one task. Writes, in `out`, one entry per submission (`+id` start now,
    /// `-id` queued, `0` pool stopped) followed by the external tasks granted the freed slots;
    /// returns how many were granted (further ones wait in `take_ready_external`).
    pub fn exchange_external(
        &self,
        completions: impl Iterator<Item = (u64, bool)>,
        priorities: &[f64],
        out: &mut [f64],
    ) -> Exchange {
        let (granted, idle, quiet, extra) = {
            let mut s = self.lock();
            let now = Instant::now();
            let mut granted: Vec<u64> = Vec::new();
            for (id, success) in completions {
                let outcome = if success {
                    Outcome::Success
                } else {
                    Outcome::Failure
                };
                if let Some((_, g)) = s.finish_at(id, outcome, now) {
                    granted.extend(g);
                }
            }
            for (slot, &priority) in out.iter_mut().zip(priorities) {
                *slot = if s.stopped {
                    0.0
                } else {
                    match s.submit_at(priority, Waiter::External, now) {
                        (id, true) => id as f64,
                        (id, false) => -(id as f64),
                    }
                };
            }
            let room = out.len().saturating_sub(priorities.len());
            let extra = granted.split_off(granted.len().min(room));
            (granted, s.is_idle(), s.active.is_empty(), extra)
        };
        for (slot, id) in out[priorities.len()..].iter_mut().zip(&granted) {
            *slot = *id as f64;
        }
        if !extra.is_empty() {
            self.queue_ready(extra);
        }
        if idle || quiet {
            self.shared.settled.notify_waiters();
        }
        Exchange {
            granted: granted.len(),
            idle,
            quiet,
        }
    }

    /// Records a failed attempt of an external task; `Some(delay)` to retry after it.
    pub fn retry_external(&self, id: u64, transient: bool) -> Option<Duration> {
        self.lock().plan_retry(id, transient, fastrand::f64())
    }

    /// A running task gave up its slot to wait for its own children; returns granted ids.
    pub fn release_slot(&self, id: u64) -> Vec<u64> {
        let mut s = self.lock();
        if s.release_slot(id) {
            s.fill()
        } else {
            Vec::new()
        }
    }

    /// External tasks granted a slot by native completions, tuner or other threads.
    pub fn take_ready_external(&self) -> Vec<u64> {
        std::mem::take(&mut self.lock().ready_external)
    }

    pub fn is_quiet(&self) -> bool {
        self.lock().active.is_empty()
    }

    // ----- events ---------------------------------------------------------------------------

    pub fn set_observer(&self, observer: Option<Arc<dyn PoolObserver>>) {
        *self
            .shared
            .observer
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = observer;
    }

    /// Turns event buffering on or off (off drops what is buffered).
    pub fn set_listening(&self, on: bool) {
        self.shared.listening.store(on, Ordering::Release);
        if !on {
            self.take_events();
        }
    }

    pub fn listening(&self) -> bool {
        self.shared.listening.load(Ordering::Acquire)
    }

    /// Asks for notices whatever the listeners: [`PoolEvent::TaskSlow`] for native tasks that
    /// take `slow_after` or longer, and [`PoolEvent::TaskRetry`] for every retry. Off (the
    /// default) they cost one atomic load per task.
    pub fn set_notices(&self, slow_after: Option<Duration>, retries: bool) {
        let ms = slow_after.map_or(0, |d| (d.as_millis() as u64).max(1));
        self.shared.slow_after_ms.store(ms, Ordering::Release);
        self.shared.notice_retries.store(retries, Ordering::Release);
    }

    pub(crate) fn slow_after(&self) -> Option<Duration> {
        match self.shared.slow_after_ms.load(Ordering::Acquire) {
            0 => None,
            ms => Some(Duration::from_millis(ms)),
        }
    }

    pub(crate) fn notices_retries(&self) -> bool {
        self.shared.notice_retries.load(Ordering::Acquire)
    }

    /// Ask to be woken when the pool settles after a native task (JS `drain()`/`pause()`).
    pub fn set_wake_on_settle(&self, on: bool) {
        self.shared.wake_on_settle.store(on, Ordering::Release);
    }

    pub fn take_events(&self) -> Vec<PoolEvent> {
        std::mem::take(&mut *self.shared.events.lock().unwrap_or_else(|p| p.into_inner()))
    }

    pub(crate) fn emit(&self, event: PoolEvent) {
        if self.listening() {
            self.buffer(event);
        }
    }

    /// Buffers an event (or notice) and wakes the collector on the first one.
    pub(crate) fn buffer(&self, event: PoolEvent) {
        let first = {
            let mut events = self.shared.events.lock().unwrap_or_else(|p| p.into_inner());
            events.push(event);
            events.len() == 1
        };
        if first {
            self.wake();
        }
    }

    fn wake(&self) {
        let observer = self
            .shared
            .observer
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        if let Some(observer) = observer {
            observer.wake();
        }
    }

    fn queue_ready(&self, granted: Vec<u64>) {
        let first = {
            let mut s = self.lock();
            let was_empty = s.ready_external.is_empty();
            s.ready_external.extend(granted);
            was_empty
        };
        if first {
            self.wake();
        }
    }

    /// Bookkeeping after a native task ended (or stop): hand out grants, announce idleness.
    pub(crate) fn after_finish(&self, granted: Vec<u64>, force_wake: bool) {
        let settled = self.lock().settled();
        self.after_settled(granted, settled, force_wake);
    }

    /// `after_finish` with `(idle, quiet)` read under the lock that finished the task.
    pub(crate) fn after_settled(&self, granted: Vec<u64>, settled: (bool, bool), force_wake: bool) {
        if !granted.is_empty() {
            self.queue_ready(granted);
        }
        let (idle, quiet) = settled;
        if idle || quiet || force_wake {
            self.shared.settled.notify_waiters();
            if idle {
                self.emit(PoolEvent::Drained);
            }
            if self.shared.wake_on_settle.load(Ordering::Acquire) {
                self.wake();
            }
        }
    }

    pub(crate) fn finish_native(&self, id: u64, outcome: Outcome) -> Option<Active> {
        let (task, granted) = self.lock().finish(id, outcome)?;
        self.after_finish(granted, false);
        Some(task)
    }
}
