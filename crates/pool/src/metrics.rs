//! Rolling samples, throughput window and per-task records (api §4.8). Every update is O(1):
//! they run on each task completion.

use std::time::{Duration, Instant};

const ROLLING_SAMPLES: usize = 256;
const STORED_TASKS: usize = 1000;
const THROUGHPUT_BUCKETS: u32 = 10;

#[derive(Debug, Clone, Copy, Default)]
struct Sample {
    queue_wait_ms: f64,
    execution_ms: f64,
    retries: f64,
    error: bool,
}

/// Ring of the last 256 completions with running sums.
#[derive(Debug, Default)]
pub struct RollingSamples {
    ring: Vec<Sample>,
    next: usize,
    sum_wait: f64,
    sum_exec: f64,
    sum_retries: f64,
    errors: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RollingSummary {
    pub sample_size: usize,
    pub avg_queue_wait: f64,
    pub avg_execution: f64,
    pub avg_retries: f64,
    pub error_rate: f64,
}

impl RollingSamples {
    pub fn record(&mut self, queue_wait: Duration, execution: Duration, retries: u32, error: bool) {
        let sample = Sample {
            queue_wait_ms: ms(queue_wait),
            execution_ms: ms(execution),
            retries: retries as f64,
            error,
        };
        if self.ring.len() < ROLLING_SAMPLES {
            self.ring.push(sample);
        } else {
            let old = std::mem::replace(&mut self.ring[self.next], sample);
            self.sum_wait -= old.queue_wait_ms;
            self.sum_exec -= old.execution_ms;
            self.sum_retries -= old.retries;
            self.errors -= old.error as usize;
        }
        self.next = (self.next + 1) % ROLLING_SAMPLES;
        self.sum_wait += sample.queue_wait_ms;
        self.sum_exec += sample.execution_ms;
        self.sum_retries += sample.retries;
        self.errors += error as usize;
    }

    pub fn avg_queue_wait_ms(&self) -> Option<f64> {
        (!self.ring.is_empty()).then(|| self.sum_wait.max(0.0) / self.ring.len() as f64)
    }

    pub fn summary(&self) -> Option<RollingSummary> {
        let n = self.ring.len();
        (n > 0).then(|| RollingSummary {
            sample_size: n,
            avg_queue_wait: self.sum_wait.max(0.0) / n as f64,
            avg_execution: self.sum_exec.max(0.0) / n as f64,
            avg_retries: self.sum_retries.max(0.0) / n as f64,
            error_rate: self.errors as f64 / n as f64,
        })
    }
}

/// Completions over the last `window`, in ten buckets so memory stays constant.
#[derive(Debug)]
pub struct Throughput {
    window: Duration,
    origin: Instant,
    buckets: [(u64, u64, u64); THROUGHPUT_BUCKETS as usize], // (bucket index, done, succeeded)
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThroughputSummary {
    pub window_ms: f64,
    pub throughput_per_sec: f64,
    pub success_rate: f64,
}

impl Throughput {
    pub fn new(window: Duration, origin: Instant) -> Self {
        let window = window.max(Duration::from_millis(10));
        Self {
            window,
            origin,
            buckets: [(u64::MAX, 0, 0); THROUGHPUT_BUCKETS as usize],
        }
    }

    fn bucket_index(&self, at: Instant) -> u64 {
        // u64 nanoseconds cover 584 years of uptime; u128 division is slow on every completion.
        let width = (self.window.as_nanos() as u64 / THROUGHPUT_BUCKETS as u64).max(1);
        at.saturating_duration_since(self.origin).as_nanos() as u64 / width
    }

    pub fn record(&mut self, at: Instant, success: bool) {
        let index = self.bucket_index(at);
        let slot = &mut self.buckets[(index % THROUGHPUT_BUCKETS as u64) as usize];
        if slot.0 != index {
            *slot = (index, 0, 0);
        }
        slot.1 += 1;
        slot.2 += success as u64;
    }

    pub fn summary(&self, now: Instant) -> Option<ThroughputSummary> {
        let current = self.bucket_index(now);
        let oldest = current.saturating_sub(THROUGHPUT_BUCKETS as u64 - 1);
        let (done, ok) = self
            .buckets
            .iter()
            .filter(|b| b.0 != u64::MAX && b.0 >= oldest && b.0 <= current)
            .fold((0u64, 0u64), |acc, b| (acc.0 + b.1, acc.1 + b.2));
        (done > 0).then(|| ThroughputSummary {
            window_ms: ms(self.window),
            throughput_per_sec: done as f64 / self.window.as_secs_f64(),
            success_rate: ok as f64 / done as f64,
        })
    }
}

/// What is kept about one finished task (times are ms since the Unix epoch or durations in ms).
#[derive(Debug, Clone, PartialEq)]
pub struct TaskRecord {
    pub id: u64,
    pub created_at: f64,
    pub started_at: f64,
    pub completed_at: f64,
    pub queue_wait: f64,
    pub execution: f64,
    pub total: f64,
    pub retry_delay_total: f64,
    pub attempts: u32,
    pub failed_attempts: u32,
    pub success: bool,
}

/// Ring of the last 1000 sampled task records.
#[derive(Debug, Default)]
pub struct TaskRecords {
    ring: Vec<TaskRecord>,
    next: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AggregateMetrics {
    pub count: usize,
    pub avg_queue_wait: f64,
    pub avg_execution: f64,
    pub avg_total: f64,
    pub p50_execution: f64,
    pub p95_execution: f64,
    pub p99_execution: f64,
    /// Share of tasks with at least one failed attempt.
    pub error_rate: f64,
    pub avg_retries: f64,
}

impl TaskRecords {
    pub fn push(&mut self, record: TaskRecord) {
        if self.ring.len() < STORED_TASKS {
            self.ring.push(record);
        } else {
            self.ring[self.next] = record;
        }
        self.next = (self.next + 1) % STORED_TASKS;
    }

    pub fn len(&self) -> usize {
        self.ring.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ring.is_empty()
    }

    pub fn get(&self, id: u64) -> Option<&TaskRecord> {
        self.ring.iter().find(|r| r.id == id)
    }

    /// Aggregates records completed at or after `since` (epoch ms); `None` when there are none.
    pub fn aggregate(&self, since: f64) -> Option<AggregateMetrics> {
        let chosen: Vec<&TaskRecord> = self
            .ring
            .iter()
            .filter(|r| r.completed_at >= since)
            .collect();
        let n = chosen.len();
        if n == 0 {
            return None;
        }
        let mut executions: Vec<f64> = chosen.iter().map(|r| r.execution).collect();
        executions.sort_by(f64::total_cmp);
        let avg = |f: fn(&TaskRecord) -> f64| chosen.iter().map(|r| f(r)).sum::<f64>() / n as f64;
        Some(AggregateMetrics {
            count: n,
            avg_queue_wait: avg(|r| r.queue_wait),
            avg_execution: avg(|r| r.execution),
            avg_total: avg(|r| r.total),
            p50_execution: percentile(&executions, 0.50),
            p95_execution: percentile(&executions, 0.95),
            p99_execution: percentile(&executions, 0.99),
            error_rate: chosen.iter().filter(|r| r.failed_attempts > 0).count() as f64 / n as f64,
            avg_retries: avg(|r| r.attempts.saturating_sub(1) as f64),
        })
    }
}

/// `sorted[ceil(n·p) − 1]`, the seed's definition.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (sorted.len() as f64 * p).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rolling_keeps_the_last_256_with_exact_sums() {
        let mut r = RollingSamples::default();
        assert!(r.summary().is_none());
        for i in 0..300u64 {
            r.record(
                Duration::from_millis(i),
                Duration::from_millis(2),
                (i % 2) as u32,
                i % 4 == 0,
            );
        }
        let s = r.summary().unwrap();
        assert_eq!(s.sample_size, 256);
        // Samples 44..300 remain: mean queue wait = (44 + 299) / 2.
        assert!((s.avg_queue_wait - 171.5).abs() < 1e-6, "{s:?}");
        assert!((s.avg_execution - 2.0).abs() < 1e-9);
        assert!((s.avg_retries - 0.5).abs() < 1e-9);
        assert!((s.error_rate - 0.25).abs() < 1e-9);
    }

    #[test]
    fn throughput_counts_only_the_window() {
        let origin = Instant::now();
        let mut t = Throughput::new(Duration::from_millis(1000), origin);
        for i in 0..10 {
            t.record(origin + Duration::from_millis(i * 10), i % 2 == 0);
        }
        let s = t.summary(origin + Duration::from_millis(500)).unwrap();
        assert_eq!(s.throughput_per_sec, 10.0);
        assert_eq!(s.success_rate, 0.5);
        assert!(t.summary(origin + Duration::from_millis(5000)).is_none());
    }

    #[test]
    fn percentiles_follow_ceil_rank() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 0.5), 50.0);
        assert_eq!(percentile(&v, 0.95), 95.0);
        assert_eq!(percentile(&v, 0.99), 99.0);
        assert_eq!(percentile(&[7.0], 0.99), 7.0);
    }

    fn record(id: u64, completed_at: f64, execution: f64, attempts: u32) -> TaskRecord {
        TaskRecord {
            id,
            created_at: completed_at - execution - 1.0,
            started_at: completed_at - execution,
            completed_at,
            queue_wait: 1.0,
            execution,
            total: execution + 1.0,
            retry_delay_total: 0.0,
            attempts,
            failed_attempts: attempts - 1,
            success: true,
        }
    }

    #[test]
    fn records_ring_and_aggregate() {
        let mut store = TaskRecords::default();
        assert!(store.aggregate(0.0).is_none());
        for id in 0..1200u64 {
            store.push(record(
                id,
                id as f64,
                (id % 10) as f64,
                1 + (id % 5 == 0) as u32,
            ));
        }
        assert_eq!(store.len(), 1000);
        assert!(store.get(100).is_none());
        assert_eq!(store.get(1100).unwrap().id, 1100);
        let agg = store.aggregate(1100.0).unwrap();
        assert_eq!(agg.count, 100);
        assert!((agg.avg_execution - 4.5).abs() < 1e-9);
        assert!((agg.error_rate - 0.2).abs() < 1e-9);
        assert!((agg.avg_retries - 0.2).abs() < 1e-9);
        assert_eq!(agg.p50_execution, 4.0);
        assert_eq!(agg.p99_execution, 9.0);
    }
}
