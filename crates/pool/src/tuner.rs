//! Adaptive concurrency (api §4.9). No timer of its own: the pool calls `adjust` from task
//! completions once `adjustment_interval` has passed, so a tuner never keeps a process alive and
//! an idle pool costs nothing.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

const SAMPLES: usize = 100;
const HISTORY: usize = 100;
const MIN_SAMPLES: usize = 10;

#[derive(Debug, Clone, PartialEq)]
pub struct TunerConfig {
    pub min_concurrency: usize,
    pub max_concurrency: usize,
    pub target_latency: Duration,
    /// Share of system memory in use above which concurrency is cut.
    pub target_memory_percent: f64,
    pub adjustment_interval: Duration,
}

impl Default for TunerConfig {
    fn default() -> Self {
        Self {
            min_concurrency: 1,
            max_concurrency: 100,
            target_latency: Duration::from_millis(200),
            target_memory_percent: 0.7,
            adjustment_interval: Duration::from_millis(5_000),
        }
    }
}

/// A tuner shared between its JS handle and the pool it steers.
pub type SharedTuner = std::sync::Arc<std::sync::Mutex<Tuner>>;

/// Locks a tuner; a panic elsewhere while holding it leaves data that is still usable.
pub fn lock(tuner: &SharedTuner) -> std::sync::MutexGuard<'_, Tuner> {
    tuner
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// System memory as `(total bytes, used share 0..1)`.
pub type MemoryProbe = fn() -> Option<(u64, f64)>;

/// Reads `/proc/meminfo`; other systems report nothing and memory rules are skipped.
pub fn system_memory() -> Option<(u64, f64)> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let field = |name: &str| -> Option<u64> {
        let line = text.lines().find(|l| l.starts_with(name))?;
        line.split_whitespace()
            .nth(1)?
            .parse::<u64>()
            .ok()
            .map(|kb| kb * 1024)
    };
    let total = field("MemTotal:")?;
    let available = field("MemAvailable:")?;
    (total > 0).then(|| (total, 1.0 - available as f64 / total as f64))
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TaskSample {
    pub latency: Duration,
    pub queue_wait: Duration,
    pub success: bool,
    pub retries: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Adjustment {
    /// Milliseconds since the Unix epoch.
    pub timestamp: f64,
    pub from: usize,
    pub to: usize,
    pub reason: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TunerMetrics {
    pub current: usize,
    pub avg_latency: f64,
    pub avg_memory: f64,
    pub avg_throughput: f64,
    pub history: Vec<Adjustment>,
}

#[derive(Debug)]
pub struct Tuner {
    config: TunerConfig,
    current: usize,
    samples: VecDeque<(Instant, TaskSample)>,
    memory: VecDeque<f64>,
    history: VecDeque<Adjustment>,
    last_adjust: Instant,
    probe: MemoryProbe,
}

impl Tuner {
    pub fn new(config: TunerConfig) -> Self {
        Self::with_probe(config, system_memory)
    }

    pub fn with_probe(mut config: TunerConfig, probe: MemoryProbe) -> Self {
        config.min_concurrency = config.min_concurrency.max(1);
        config.max_concurrency = config.max_concurrency.max(config.min_concurrency);
        let current = suggest_initial(&config, probe());
        Self {
            config,
            current,
            samples: VecDeque::with_capacity(SAMPLES),
            memory: VecDeque::new(),
            history: VecDeque::new(),
            last_adjust: Instant::now(),
            probe,
        }
    }

    pub fn config(&self) -> &TunerConfig {
        &self.config
    }

    pub fn concurrency(&self) -> usize {
        self.current
    }

    pub fn record(&mut self, sample: TaskSample) {
        if self.samples.len() == SAMPLES {
            self.samples.pop_front();
        }
        self.samples.push_back((Instant::now(), sample));
    }

    /// Adjusts if the interval has passed since the last adjustment.
    pub fn adjust_if_due(&mut self, now: Instant) -> Option<usize> {
        if now.saturating_duration_since(self.last_adjust) < self.config.adjustment_interval {
            return None;
        }
        self.adjust()
    }

    /// One adjustment step; returns the new concurrency when it changed.
    pub fn adjust(&mut self) -> Option<usize> {
        self.last_adjust = Instant::now();
        if self.samples.len() < MIN_SAMPLES {
            return None;
        }
        let memory = (self.probe)().map(|(_, used)| used);
        if let Some(used) = memory {
            if self.memory.len() == SAMPLES {
                self.memory.pop_front();
            }
            self.memory.push_back(used);
        }
        let latency = self.avg_latency_ms();
        let target = self.config.target_latency.as_secs_f64() * 1000.0;
        let target_memory = self.config.target_memory_percent;
        let current = self.current as f64;
        let (next, reason) = if memory.is_some_and(|m| m > target_memory) {
            ((current * 0.8).floor(), "memory above target")
        } else if latency > target * 1.5 {
            ((current * 0.9).floor(), "latency far above target")
        } else if latency < target * 0.5 && memory.is_none_or(|m| m < target_memory * 0.8) {
            ((current * 1.2).ceil(), "latency well below target")
        } else if latency > target * 1.2 {
            ((current * 0.95).floor(), "latency above target")
        } else {
            return None;
        };
        let next = (next as usize).clamp(self.config.min_concurrency, self.config.max_concurrency);
        if next == self.current {
            return None;
        }
        if self.history.len() == HISTORY {
            self.history.pop_front();
        }
        self.history.push_back(Adjustment {
            timestamp: epoch_ms(),
            from: self.current,
            to: next,
            reason,
        });
        self.current = next;
        Some(next)
    }

    fn avg_latency_ms(&self) -> f64 {
        let n = self.samples.len().max(1) as f64;
        self.samples
            .iter()
            .map(|(_, s)| s.latency.as_secs_f64() * 1000.0)
            .sum::<f64>()
            / n
    }

    pub fn metrics(&self) -> TunerMetrics {
        let avg_memory = if self.memory.is_empty() {
            0.0
        } else {
            self.memory.iter().sum::<f64>() / self.memory.len() as f64
        };
        let avg_throughput = match (self.samples.front(), self.samples.back()) {
            (Some(first), Some(last)) if self.samples.len() > 1 => {
                let span = last.0.saturating_duration_since(first.0).as_secs_f64();
                if span > 0.0 {
                    (self.samples.len() - 1) as f64 / span
                } else {
                    0.0
                }
            }
            _ => 0.0,
        };
        TunerMetrics {
            current: self.current,
            avg_latency: self.avg_latency_ms(),
            avg_memory,
            avg_throughput,
            history: self.history.iter().cloned().collect(),
        }
    }
}

/// Starting concurrency from the machine's memory (seed rule), halved and clamped.
pub fn suggest_initial(config: &TunerConfig, memory: Option<(u64, f64)>) -> usize {
    const MIB: u64 = 1024 * 1024;
    let (total, used) = memory.unwrap_or((8 * 1024 * MIB, 0.0));
    let mut n: f64 = match total / MIB {
        t if t < 512 => 2.0,
        t if t < 1024 => 5.0,
        t if t < 2048 => 10.0,
        t if t < 4096 => 20.0,
        t if t < 8192 => 30.0,
        _ => 50.0,
    };
    if used > 0.8 {
        n *= 0.5;
    } else if used > 0.7 {
        n *= 0.7;
    }
    ((n * 0.5).floor() as usize).clamp(config.min_concurrency.max(1), config.max_concurrency.max(1))
}

pub fn epoch_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_memory() -> Option<(u64, f64)> {
        None
    }
    fn memory_full() -> Option<(u64, f64)> {
        Some((16 << 30, 0.95))
    }

    fn feed(t: &mut Tuner, latency_ms: u64, n: usize) {
        for _ in 0..n {
            t.record(TaskSample {
                latency: Duration::from_millis(latency_ms),
                queue_wait: Duration::ZERO,
                success: true,
                retries: 0,
            });
        }
    }

    #[test]
    fn initial_suggestion_follows_memory_size() {
        let c = TunerConfig::default();
        assert_eq!(suggest_initial(&c, Some((256 << 20, 0.1))), 1);
        assert_eq!(suggest_initial(&c, Some((3 << 30, 0.1))), 10);
        assert_eq!(suggest_initial(&c, Some((16 << 30, 0.1))), 25);
        assert_eq!(suggest_initial(&c, Some((16 << 30, 0.85))), 12);
    }

    #[test]
    fn needs_ten_samples() {
        let mut t = Tuner::with_probe(TunerConfig::default(), no_memory);
        feed(&mut t, 1, 9);
        assert_eq!(t.adjust(), None);
        feed(&mut t, 1, 1);
        assert_eq!(t.adjust(), Some(30), "fast tasks raise 25 by 20%");
    }

    #[test]
    fn slow_tasks_lower_concurrency_within_bounds() {
        let config = TunerConfig {
            min_concurrency: 20,
            ..TunerConfig::default()
        };
        let mut t = Tuner::with_probe(config, no_memory);
        feed(&mut t, 1000, 20);
        assert_eq!(t.adjust(), Some(22));
        assert_eq!(t.adjust(), Some(20));
        assert_eq!(t.adjust(), None, "clamped at min");
        assert_eq!(t.metrics().history.len(), 2);
    }

    #[test]
    fn memory_pressure_wins() {
        let mut t = Tuner::with_probe(TunerConfig::default(), memory_full);
        let start = t.concurrency();
        feed(&mut t, 1, 20);
        assert_eq!(t.adjust(), Some((start as f64 * 0.8).floor() as usize));
    }

    #[test]
    fn adjust_if_due_respects_interval() {
        let mut t = Tuner::with_probe(TunerConfig::default(), no_memory);
        feed(&mut t, 1, 20);
        assert_eq!(t.adjust_if_due(Instant::now()), None);
        assert!(t
            .adjust_if_due(Instant::now() + Duration::from_secs(6))
            .is_some());
    }
}
