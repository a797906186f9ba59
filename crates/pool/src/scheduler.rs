//! The synchronous heart of the pool: slots, queue, counters and metrics, always used under the
//! pool's one mutex. Knows nothing about futures beyond the one-shot sender that wakes a queued
//! native task.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::time::{Duration, Instant};

use tokio::sync::oneshot;

use crate::config::PoolConfig;
use crate::metrics::{ms, RollingSamples, TaskRecord, TaskRecords, Throughput};
use crate::queue::{Aging, AgingQueue, Entry};
use crate::retry::{backoff, BackoffInput};
use crate::tuner::{SharedTuner, TaskSample};

/// Task ids are sequential integers: a multiply spreads them well enough for a hash map.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8 | *b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

pub enum Waiter {
    Native(oneshot::Sender<()>),
    External,
}

/// A task that holds (or held, if it became composite) a slot.
#[derive(Debug, Clone)]
pub struct Active {
    pub priority: f64,
    pub enqueued: Instant,
    pub started: Instant,
    pub attempts: u32,
    pub failed_attempts: u32,
    pub retry_delay_total: Duration,
    pub holds_slot: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Failure,
}

/// Counters and gauges of `getStats()`.
#[derive(Debug, Clone, PartialEq)]
pub struct Counters {
    pub queue_size: usize,
    pub active_count: usize,
    pub submitted_count: u64,
    pub processed_count: u64,
    pub error_count: u64,
    pub retry_count: u64,
    pub concurrency: usize,
    pub paused: bool,
    pub stopped: bool,
}

pub struct Scheduler {
    pub config: PoolConfig,
    pub queue: AgingQueue<Waiter>,
    pub active: HashMap<u64, Active, BuildHasherDefault<IdHasher>>,
    slots_used: usize,
    concurrency: usize,
    pub paused: bool,
    pub stopped: bool,
    next_id: u64,
    submitted: u64,
    processed: u64,
    errors: u64,
    retries: u64,
    pub rolling: RollingSamples,
    pub throughput: Throughput,
    pub records: TaskRecords,
    pub tuner: Option<SharedTuner>,
    /// External tasks granted a slot outside a call that could return them directly.
    pub ready_external: Vec<u64>,
    origin: Instant,
    origin_epoch_ms: f64,
}

impl Scheduler {
    pub fn new(config: PoolConfig, concurrency: usize, tuner: Option<SharedTuner>) -> Self {
        let origin = Instant::now();
        Self {
            throughput: Throughput::new(config.monitoring.rolling_window, origin),
            config,
            queue: AgingQueue::default(),
            active: HashMap::default(),
            slots_used: 0,
            concurrency: concurrency.max(1),
            paused: false,
            stopped: false,
            next_id: 1,
            submitted: 0,
            processed: 0,
            errors: 0,
            retries: 0,
            rolling: RollingSamples::default(),
            records: TaskRecords::default(),
            tuner,
            ready_external: Vec::new(),
            origin,
            origin_epoch_ms: crate::tuner::epoch_ms(),
        }
    }

    pub fn epoch_ms(&self, at: Instant) -> f64 {
        self.origin_epoch_ms + ms(at.saturating_duration_since(self.origin))
    }

    pub fn concurrency(&self) -> usize {
        self.concurrency
    }

    pub fn set_concurrency(&mut self, n: usize) {
        self.concurrency = n.max(1);
    }

    pub fn is_idle(&self) -> bool {
        self.queue.is_empty() && self.active.is_empty()
    }

    /// `(idle, quiet)`: nothing queued or running; nothing running.
    pub fn settled(&self) -> (bool, bool) {
        (self.is_idle(), self.active.is_empty())
    }

    /// A task submitted now would start at once.
    pub fn can_start_now(&self) -> bool {
        self.can_start() && self.queue.is_empty()
    }

    fn can_start(&self) -> bool {
        !self.paused && !self.stopped && self.slots_used < self.concurrency
    }

    fn start(&mut self, id: u64, priority: f64, enqueued: Instant, now: Instant) {
        self.slots_used += 1;
        self.active.insert(
            id,
            Active {
                priority,
                enqueued,
                started: now,
                attempts: 1,
                failed_attempts: 0,
                retry_delay_total: Duration::ZERO,
                holds_slot: true,
            },
        );
    }

    /// Admits a task: `(id, started)`. A queued native task is woken through `waiter`.
    pub fn submit(&mut self, priority: f64, waiter: Waiter) -> (u64, bool) {
        self.submit_at(priority, waiter, Instant::now())
    }

    /// Admits a native task: `(id, None, now)` when it starts now, else `(id, Some(receiver),
    /// now)` with a receiver that fires when it is granted a slot (the channel is made only for
    /// a task that waits); `now` is the clock reading of the admission.
    pub fn submit_native(
        &mut self,
        priority: f64,
    ) -> (u64, Option<oneshot::Receiver<()>>, Instant) {
        let now = Instant::now();
        if self.can_start_now() {
            let id = self.next_id;
            self.next_id += 1;
            self.submitted += 1;
            self.start(id, priority, now, now);
            return (id, None, now);
        }
        let (tx, rx) = oneshot::channel();
        let (id, _) = self.submit_at(priority, Waiter::Native(tx), now);
        (id, Some(rx), now)
    }

    /// `submit` with the clock already read (one reading serves a whole batch).
    pub fn submit_at(&mut self, priority: f64, waiter: Waiter, now: Instant) -> (u64, bool) {
        let id = self.next_id;
        self.next_id += 1;
        self.submitted += 1;
        if self.can_start() && self.queue.is_empty() {
            self.start(id, priority, now, now);
            return (id, true);
        }
        self.queue.push(
            priority,
            Entry {
                id,
                enqueued: now,
                item: waiter,
            },
        );
        (id, false)
    }

    fn aging(&self) -> Aging {
        let target = match &self.tuner {
            Some(t) => crate::tuner::lock(t).config().target_latency,
            None => self.config.retry_strategy.latency_target,
        };
        let multiplier = match self.rolling.avg_queue_wait_ms() {
            Some(wait) if target > Duration::ZERO => (wait / ms(target)).clamp(0.25, 4.0),
            _ => 1.0,
        };
        Aging {
            ms_per_point: ms(self.config.queue.aging) * multiplier,
            max_boost: self.config.queue.max_aging_boost,
        }
    }

    /// Starts queued tasks while slots are free. Native waiters are woken here; external ids
    /// are returned.
    pub fn fill(&mut self) -> Vec<u64> {
        self.fill_at(Instant::now())
    }

    fn fill_at(&mut self, now: Instant) -> Vec<u64> {
        let mut external = Vec::new();
        if !self.can_start() || self.queue.is_empty() {
            return external;
        }
        let aging = self.aging();
        while self.can_start() {
            let Some((priority, entry)) = self.queue.pop(now, aging) else {
                break;
            };
            self.start(entry.id, priority, entry.enqueued, now);
            match entry.item {
                Waiter::External => external.push(entry.id),
                Waiter::Native(tx) => {
                    if tx.send(()).is_err() {
                        // The waiting future is gone; give the slot to the next one.
                        self.active.remove(&entry.id);
                        self.slots_used -= 1;
                    }
                }
            }
        }
        external
    }

    /// Releases the slot of a task that now only waits for its own children.
    pub fn release_slot(&mut self, id: u64) -> bool {
        match self.active.get_mut(&id) {
            Some(task) if task.holds_slot => {
                task.holds_slot = false;
                self.slots_used -= 1;
                true
            }
            _ => false,
        }
    }

    /// Records a failed attempt and decides whether to retry; returns the backoff delay.
    pub fn plan_retry(&mut self, id: u64, transient: bool, unit_random: f64) -> Option<Duration> {
        let saturation = (self.queue.len() + self.slots_used) as f64 / self.concurrency as f64;
        let task = self.active.get_mut(&id)?;
        task.failed_attempts += 1;
        let input = BackoffInput {
            attempt: task.attempts - 1,
            base_delay: self.config.retry_delay,
            saturation,
            queue_wait: task.started.saturating_duration_since(task.enqueued),
            transient,
        };
        let delay = backoff(&self.config.retry_strategy, input, unit_random)?;
        task.attempts += 1;
        task.retry_delay_total += delay;
        self.retries += 1;
        Some(delay)
    }

    /// Ends a running task; returns its state (for event payloads) and external ids granted.
    pub fn finish(&mut self, id: u64, outcome: Outcome) -> Option<(Active, Vec<u64>)> {
        self.finish_at(id, outcome, Instant::now())
    }

    /// `finish` with the clock already read (one reading serves a whole batch).
    pub fn finish_at(
        &mut self,
        id: u64,
        outcome: Outcome,
        now: Instant,
    ) -> Option<(Active, Vec<u64>)> {
        let task = self.active.remove(&id)?;
        if task.holds_slot {
            self.slots_used -= 1;
        }
        let success = outcome == Outcome::Success;
        if success {
            self.processed += 1;
        } else {
            self.errors += 1;
        }
        let queue_wait = task.started.saturating_duration_since(task.enqueued);
        let execution = now.saturating_duration_since(task.started);
        let retries = task.attempts - 1;
        // The last attempt of a failed task failed too; retried ones were counted as they went.
        let failed_attempts = task.failed_attempts + u32::from(!success);
        self.rolling
            .record(queue_wait, execution, retries, !success);
        self.throughput.record(now, success);
        let monitoring = &self.config.monitoring;
        if monitoring.enabled
            && monitoring.collect_metrics
            && (monitoring.sample_rate >= 1.0 || fastrand::f64() < monitoring.sample_rate)
        {
            self.records.push(TaskRecord {
                id,
                created_at: self.epoch_ms(task.enqueued),
                started_at: self.epoch_ms(task.started),
                completed_at: self.epoch_ms(now),
                queue_wait: ms(queue_wait),
                execution: ms(execution),
                total: ms(now.saturating_duration_since(task.enqueued)),
                retry_delay_total: ms(task.retry_delay_total),
                attempts: task.attempts,
                failed_attempts,
                success,
            });
        }
        if let Some(tuner) = &self.tuner {
            let mut tuner = crate::tuner::lock(tuner);
            tuner.record(TaskSample {
                latency: execution,
                queue_wait,
                success,
                retries,
            });
            if let Some(next) = tuner.adjust_if_due(now) {
                self.concurrency = next;
            }
        }
        let granted = self.fill_at(now);
        Some((task, granted))
    }

    /// Marks the pool stopped and empties the queue; returns the waiters (to be cancelled).
    pub fn stop(&mut self) -> Vec<Entry<Waiter>> {
        self.stopped = true;
        let cancelled = self.queue.drain_all();
        self.errors += cancelled.len() as u64;
        cancelled
    }

    /// Forgets a queued task whose waiter gave up; `false` if it was not queued.
    pub fn cancel_queued(&mut self, id: u64) -> bool {
        let removed = self.queue.remove(id).is_some();
        if removed {
            self.errors += 1;
        }
        removed
    }

    pub fn counters(&self) -> Counters {
        Counters {
            queue_size: self.queue.len(),
            active_count: self.active.len(),
            submitted_count: self.submitted,
            processed_count: self.processed,
            error_count: self.errors,
            retry_count: self.retries,
            concurrency: self.concurrency,
            paused: self.paused,
            stopped: self.stopped,
        }
    }
}
