//! Native tasks: Rust futures admitted by the pool, with per-attempt timeouts, retries of
//! retryable errors only, and `stop()`: queued tasks are cancelled, an attempt in flight runs to
//! its end (as s3db.js 19.5.10 lets running tasks finish; a request cut off midway would leave
//! its outcome unknown), a backoff ends at once and no retry starts on a stopped pool.

use std::fmt::Display;
use std::future::Future;
use std::task::Poll;
use std::time::{Duration, Instant};

use crate::config::TaskOptions;
use crate::events::{ErrorInfo, FailedAttempt, PoolEvent, TaskSnapshot, TaskTimings};
use crate::metrics::ms;
use crate::pool::Pool;
use crate::retry::{PoolError, TaskFailure};
use crate::scheduler::{Active, Outcome};

thread_local! {
    static IN_PLACE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `poll_once`, a single poll of futures whose pending result will be dropped (an answer
/// in place): a native task submitted meanwhile that finds no free slot stays pending instead
/// of queueing, so it counts neither as submitted nor as failed.
pub fn in_place<T>(poll_once: impl FnOnce() -> T) -> T {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            IN_PLACE.with(|flag| flag.set(self.0));
        }
    }
    let _reset = Reset(IN_PLACE.with(|flag| flag.replace(true)));
    poll_once()
}

fn polled_in_place() -> bool {
    IN_PLACE.with(|flag| flag.get())
}

/// Gives the slot back if the task's future is dropped before it finished.
struct SlotGuard<'a> {
    pool: &'a Pool,
    id: u64,
    finished: bool,
}

impl Drop for SlotGuard<'_> {
    fn drop(&mut self) {
        if self.finished {
            return;
        }
        let queued = self.pool.lock().cancel_queued(self.id);
        if !queued {
            self.pool.finish_native(self.id, Outcome::Failure);
        }
    }
}

/// Per-task facts kept for event payloads.
struct Story<'a> {
    options: &'a TaskOptions,
    describe: &'a (dyn Fn() -> Vec<(&'static str, String)> + Sync),
    retries: u32,
    timeout: Option<Duration>,
    failed: Vec<FailedAttempt>,
    delays: Vec<f64>,
}

impl Story<'_> {
    fn metadata(&self) -> Vec<(&'static str, String)> {
        let mut metadata = self.options.metadata.clone();
        metadata.extend((self.describe)());
        metadata
    }
}

impl Pool {
    /// Runs `task` (called once per attempt) when a slot is free. Retries only errors that
    /// say they are retryable, with backoff; each attempt is limited by the timeout. After
    /// `stop()` the attempt in flight finishes and its outcome is final. Only leaf
    /// requests should go through here: a future that awaits its own children while inside
    /// `run` holds a slot they may need.
    pub async fn run<T, E, F, Fut>(&self, options: TaskOptions, task: F) -> Result<T, E>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, E>>,
        E: TaskFailure + Display,
    {
        self.run_described(options, Vec::new, task).await
    }

    /// `run`, with the event metadata built by `describe` only when an event needs it (most
    /// tasks emit none); the options' own `metadata`, if any, comes first.
    pub async fn run_described<T, E, F, Fut, D>(
        &self,
        options: TaskOptions,
        describe: D,
        mut task: F,
    ) -> Result<T, E>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, E>>,
        E: TaskFailure + Display,
        D: Fn() -> Vec<(&'static str, String)> + Sync,
    {
        let admitted = {
            let mut s = self.lock();
            if s.stopped {
                return Err(E::from_pool(PoolError::Cancelled));
            }
            // A single poll in place cannot wait for a slot: such a task is not admitted.
            (!polled_in_place() || s.can_start_now()).then(|| {
                let (id, waiting, admitted_at) = s.submit_native(options.priority);
                let retries = options.retries.unwrap_or(s.config.retries);
                let timeout = options.timeout.unwrap_or(s.config.timeout);
                let list = (!s.config.retryable_errors.is_empty())
                    .then(|| s.config.retryable_errors.clone());
                (id, waiting, admitted_at, retries, timeout, list)
            })
        };
        let Some((id, waiting, admitted_at, retries, timeout, list)) = admitted else {
            // Pending, counted nowhere: the caller drops it and asks again the usual way.
            return std::future::pending().await;
        };
        let mut guard = SlotGuard {
            pool: self,
            id,
            finished: false,
        };
        // When the first attempt begins: at admission for a task that starts at once (one
        // clock reading serves both), else when its slot is granted.
        let mut begun = admitted_at;
        if let Some(granted) = waiting {
            let granted = granted.await;
            begun = Instant::now();
            if granted.is_err() {
                // The queue was emptied by stop(); the scheduler already counted it.
                guard.finished = true;
                return Err(E::from_pool(PoolError::Cancelled));
            }
        }
        let mut story = Story {
            options: &options,
            describe: &describe,
            retries,
            timeout,
            failed: Vec::new(),
            delays: Vec::new(),
        };
        if self.listening() {
            if let Some(snapshot) = self.snapshot(id, &story, None) {
                self.emit(PoolEvent::TaskStarted(snapshot));
            }
            begun = Instant::now();
        }
        let mut attempt: u32 = 0;
        let result = loop {
            if attempt > 0 {
                begun = Instant::now();
            }
            let error = match attempt_with_timeout(task(), timeout, id).await {
                Ok(value) => break Ok(value),
                Err(e) => e,
            };
            story.failed.push(FailedAttempt {
                attempt: attempt + 1,
                duration: ms(begun.elapsed()),
                error: error.to_string(),
            });
            let wanted = attempt < retries
                && !*self.shared.stop_tx.borrow()
                && error.is_retryable()
                && list
                    .as_ref()
                    .is_none_or(|l| l.iter().any(|p| error.matches(p)));
            let delay = if wanted {
                self.lock()
                    .plan_retry(id, error.is_transient(), fastrand::f64())
            } else {
                None
            };
            let Some(delay) = delay else {
                break Err(error);
            };
            story.delays.push(ms(delay));
            let notice = self.notices_retries();
            if notice || self.listening() {
                if let Some(snapshot) = self.snapshot(id, &story, None) {
                    self.buffer_or_emit(PoolEvent::TaskRetry(snapshot, attempt + 1), notice);
                }
            }
            if self.backoff_stopped(delay).await {
                break Err(E::from_pool(PoolError::Cancelled));
            }
            attempt += 1;
        };
        guard.finished = true;
        let outcome = if result.is_ok() {
            Outcome::Success
        } else {
            Outcome::Failure
        };
        let finished = {
            let mut s = self.lock();
            let finished = s.finish(id, outcome);
            finished.map(|(active, granted)| (active, granted, s.settled()))
        };
        if let Some((active, granted, settled)) = finished {
            // Metrics and completion come before the pool announces it drained.
            if self.listening() {
                self.emit_final(id, &story, &active, result.as_ref().err());
            }
            if self
                .slow_after()
                .is_some_and(|slow| active.enqueued.elapsed() >= slow)
            {
                if let Some(snapshot) = self.snapshot(id, &story, Some(&active)) {
                    self.buffer(PoolEvent::TaskSlow(snapshot));
                }
            }
            self.after_settled(granted, settled, false);
        }
        result
    }

    /// Waits out a retry's backoff; `true` when the pool was stopped meanwhile. Boxed: its
    /// timer and watch held inline would make every task's future (and each of its callers')
    /// hundreds of bytes larger, copied on every move, for the few tasks that retry.
    fn backoff_stopped(
        &self,
        delay: Duration,
    ) -> std::pin::Pin<Box<dyn Future<Output = bool> + Send + '_>> {
        Box::pin(async move {
            // A stop() before this subscription is seen too: `wait_for` checks the value first.
            let mut stop_rx = self.shared.stop_tx.subscribe();
            tokio::select! {
                biased;
                _ = stop_rx.wait_for(|stopped| *stopped) => true,
                _ = tokio::time::sleep(delay) => false,
            }
        })
    }

    /// A notice is buffered whatever the listeners; an event only when someone listens.
    fn buffer_or_emit(&self, event: PoolEvent, notice: bool) {
        if notice {
            self.buffer(event);
        } else {
            self.emit(event);
        }
    }

    fn emit_final<E: TaskFailure + Display>(
        &self,
        id: u64,
        story: &Story<'_>,
        active: &Active,
        error: Option<&E>,
    ) {
        let Some(snapshot) = self.snapshot(id, story, Some(active)) else {
            return;
        };
        if self.lock().config.monitoring.enabled {
            self.emit(PoolEvent::TaskMetrics(snapshot.clone()));
        }
        match error {
            None => self.emit(PoolEvent::TaskCompleted(snapshot)),
            Some(e) => {
                let info = ErrorInfo {
                    name: e.name().to_string(),
                    code: e.code(),
                    message: e.to_string(),
                };
                self.emit(PoolEvent::TaskError(snapshot, info));
            }
        }
    }

    /// A snapshot of a running task, or of a finished one when `finished` is given.
    fn snapshot(
        &self,
        id: u64,
        story: &Story<'_>,
        finished: Option<&Active>,
    ) -> Option<TaskSnapshot> {
        let s = self.lock();
        let task = match finished {
            Some(t) => t.clone(),
            None => s.active.get(&id)?.clone(),
        };
        let now = Instant::now();
        let queue_wait = ms(task.started.saturating_duration_since(task.enqueued));
        let execution = finished.map(|_| ms(now.saturating_duration_since(task.started)));
        Some(TaskSnapshot {
            id,
            priority: task.priority,
            retries: story.retries,
            timeout: story.timeout.map(ms),
            metadata: story.metadata(),
            attempt_count: task.attempts,
            created_at: s.epoch_ms(task.enqueued),
            started_at: Some(s.epoch_ms(task.started)),
            completed_at: finished.map(|_| s.epoch_ms(now)),
            timings: TaskTimings {
                queue_wait: Some(queue_wait),
                execution,
                retry_delays: story.delays.clone(),
                retry_delay_total: ms(task.retry_delay_total),
                total: finished.map(|_| ms(now.saturating_duration_since(task.enqueued))),
                failed_attempts: story.failed.clone(),
            },
        })
    }
}

async fn attempt_with_timeout<T, E, Fut>(
    attempt: Fut,
    timeout: Option<Duration>,
    id: u64,
) -> Result<T, E>
where
    Fut: Future<Output = Result<T, E>>,
    E: TaskFailure,
{
    let mut attempt = std::pin::pin!(attempt);
    match timeout {
        Some(after) if !after.is_zero() => {
            // An attempt that completes on its first poll (an in-process store) needs no timer;
            // the deadline still counts from before that poll. A single poll in place needs no
            // deadline at all: if it does not complete, it is dropped.
            let in_place = polled_in_place();
            let deadline = (!in_place).then(|| tokio::time::Instant::now() + after);
            let first = std::future::poll_fn(|cx| Poll::Ready(attempt.as_mut().poll(cx))).await;
            if let Poll::Ready(result) = first {
                return result;
            }
            let Some(deadline) = deadline else {
                return std::future::pending().await;
            };
            // Boxed: a timer held inline would make every task's future (and each of its
            // callers') hundreds of bytes larger, copied on every move.
            match Box::pin(tokio::time::timeout_at(deadline, attempt)).await {
                Ok(result) => result,
                Err(_) => Err(E::from_pool(PoolError::Timeout { task_id: id, after })),
            }
        }
        _ => attempt.await,
    }
}
