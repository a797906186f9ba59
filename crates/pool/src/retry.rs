//! Backoff and error-kind rules (api §4.5, decision 4 of §11).

use std::time::Duration;

use crate::config::RetryStrategy;

/// What a failed attempt tells the pool. Implemented by the error type of native tasks.
pub trait TaskFailure: Sized {
    /// May another attempt succeed? (network, timeouts, 5xx, throttling, 408/429: yes;
    /// other 4xx such as 404/403/412: no).
    fn is_retryable(&self) -> bool;

    /// Short-lived kind of failure (timeouts, network, throttling): the backoff is halved.
    fn is_transient(&self) -> bool {
        self.is_retryable()
    }

    /// Does this error match one entry of the pool's `retryableErrors` list (name, code,
    /// type name or message substring)? Only asked when the list is not empty.
    fn matches(&self, _pattern: &str) -> bool {
        true
    }

    /// Builds the error for a failure the pool itself decided (timeout, stop).
    fn from_pool(error: PoolError) -> Self;

    /// Error class name shown to JS listeners.
    fn name(&self) -> &str {
        "Error"
    }

    /// Machine-readable code shown to JS listeners.
    fn code(&self) -> Option<String> {
        None
    }
}

/// Failures produced by the pool rather than by the task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PoolError {
    /// The attempt ran longer than its timeout (retryable, transient).
    Timeout { task_id: u64, after: Duration },
    /// `stop()` cancelled the task, or it was submitted to a stopped pool.
    Cancelled,
}

impl PoolError {
    pub const CANCELLED_MESSAGE: &'static str = "Task cancelled by stop()";
    pub const TIMEOUT_CODE: &'static str = "EOPERATIONS_TIMEOUT";
}

impl std::fmt::Display for PoolError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PoolError::Timeout { task_id, after } => {
                write!(f, "Task {task_id} timed out after {}ms", after.as_millis())
            }
            PoolError::Cancelled => f.write_str(Self::CANCELLED_MESSAGE),
        }
    }
}

impl std::error::Error for PoolError {}

impl TaskFailure for PoolError {
    fn is_retryable(&self) -> bool {
        matches!(self, PoolError::Timeout { .. })
    }
    fn matches(&self, pattern: &str) -> bool {
        matches!(self, PoolError::Timeout { .. })
            && (pattern == "TimeoutError" || pattern == Self::TIMEOUT_CODE)
    }
    fn from_pool(error: PoolError) -> Self {
        error
    }
    fn name(&self) -> &str {
        match self {
            PoolError::Timeout { .. } => "TimeoutError",
            PoolError::Cancelled => "Error",
        }
    }
    fn code(&self) -> Option<String> {
        matches!(self, PoolError::Timeout { .. }).then(|| Self::TIMEOUT_CODE.to_string())
    }
}

/// Inputs of one backoff decision.
#[derive(Debug, Clone, Copy)]
pub struct BackoffInput {
    /// 0-based index of the attempt that failed.
    pub attempt: u32,
    pub base_delay: Duration,
    /// `(queued + active) / concurrency`.
    pub saturation: f64,
    pub queue_wait: Duration,
    pub transient: bool,
}

/// Delay before the next attempt, or `None` when the pool is too saturated to retry at all.
/// `unit_random` is a sample of [0, 1) used for jitter.
pub fn backoff(
    strategy: &RetryStrategy,
    input: BackoffInput,
    unit_random: f64,
) -> Option<Duration> {
    if input.saturation >= strategy.pressure_skip_threshold {
        return None;
    }
    let base_ms = if input.base_delay.is_zero() {
        1_000.0
    } else {
        input.base_delay.as_secs_f64() * 1000.0
    };
    let mut delay = base_ms * 2f64.powi(input.attempt.min(62) as i32);
    let clamp_ms = strategy.clamp_delay.as_secs_f64() * 1000.0;
    if input.saturation >= strategy.pressure_clamp_threshold
        || input.queue_wait > strategy.latency_target
    {
        delay = delay.min(clamp_ms);
    }
    let min_ms = strategy.min_delay.as_secs_f64() * 1000.0;
    if input.transient {
        delay = (delay * 0.5).max(min_ms);
    }
    if strategy.jitter {
        delay *= 1.0 + (unit_random * 0.2 - 0.1);
    }
    let max_ms = (strategy.max_delay.as_secs_f64() * 1000.0).max(min_ms);
    Some(Duration::from_secs_f64(
        delay.clamp(min_ms, max_ms) / 1000.0,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(attempt: u32) -> BackoffInput {
        BackoffInput {
            attempt,
            base_delay: Duration::from_millis(1000),
            saturation: 0.0,
            queue_wait: Duration::ZERO,
            transient: false,
        }
    }

    fn ms(d: Option<Duration>) -> f64 {
        d.unwrap().as_secs_f64() * 1000.0
    }

    #[test]
    fn exponential_with_jitter_bounds() {
        let s = RetryStrategy::default();
        for attempt in 0..4 {
            let expect = 1000.0 * 2f64.powi(attempt as i32);
            let low = ms(backoff(&s, input(attempt), 0.0));
            let high = ms(backoff(&s, input(attempt), 0.999_999));
            assert!((low - expect * 0.9).abs() < 1e-6, "{attempt}: {low}");
            assert!((high - expect * 1.1).abs() < 0.01, "{attempt}: {high}");
        }
    }

    #[test]
    fn max_delay_caps_the_growth() {
        let s = RetryStrategy::default();
        assert_eq!(ms(backoff(&s, input(20), 0.5)), 30_000.0);
    }

    #[test]
    fn pressure_clamps_then_skips() {
        let s = RetryStrategy {
            jitter: false,
            ..RetryStrategy::default()
        };
        let clamped = BackoffInput {
            saturation: 4.0,
            ..input(3)
        };
        assert_eq!(ms(backoff(&s, clamped, 0.5)), 250.0);
        let slow_queue = BackoffInput {
            queue_wait: Duration::from_millis(2_001),
            ..input(3)
        };
        assert_eq!(ms(backoff(&s, slow_queue, 0.5)), 250.0);
        let skipped = BackoffInput {
            saturation: 10.0,
            ..input(0)
        };
        assert_eq!(backoff(&s, skipped, 0.5), None);
    }

    #[test]
    fn transient_errors_halve_but_respect_min_delay() {
        let s = RetryStrategy {
            jitter: false,
            ..RetryStrategy::default()
        };
        let transient = BackoffInput {
            transient: true,
            ..input(1)
        };
        assert_eq!(ms(backoff(&s, transient, 0.5)), 1000.0);
        let tiny = BackoffInput {
            base_delay: Duration::from_millis(10),
            transient: true,
            ..input(0)
        };
        assert_eq!(ms(backoff(&s, tiny, 0.5)), 50.0);
    }

    #[test]
    fn zero_base_delay_means_one_second() {
        let s = RetryStrategy {
            jitter: false,
            ..RetryStrategy::default()
        };
        let zero = BackoffInput {
            base_delay: Duration::ZERO,
            ..input(0)
        };
        assert_eq!(ms(backoff(&s, zero, 0.5)), 1000.0);
    }

    #[test]
    fn pool_errors_classify() {
        let timeout = PoolError::Timeout {
            task_id: 7,
            after: Duration::from_millis(50),
        };
        assert!(timeout.is_retryable());
        assert!(timeout.matches("TimeoutError"));
        assert_eq!(timeout.to_string(), "Task 7 timed out after 50ms");
        assert!(!PoolError::Cancelled.is_retryable());
        assert_eq!(PoolError::Cancelled.to_string(), "Task cancelled by stop()");
    }
}
