//! Events of native tasks (api §4.7) and the observer that carries them out of the pool.
//! External (JS) tasks emit their own events on the JS side; only pool-wide ones come from here.

/// Plain copy of a task's state at the time of the event (api §11 item 8).
#[derive(Debug, Clone, PartialEq)]
pub struct TaskSnapshot {
    pub id: u64,
    pub priority: f64,
    pub retries: u32,
    /// Per-attempt timeout in ms; `None` when disabled.
    pub timeout: Option<f64>,
    pub metadata: Vec<(&'static str, String)>,
    pub attempt_count: u32,
    /// Milliseconds since the Unix epoch.
    pub created_at: f64,
    pub started_at: Option<f64>,
    pub completed_at: Option<f64>,
    pub timings: TaskTimings,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaskTimings {
    pub queue_wait: Option<f64>,
    pub execution: Option<f64>,
    pub retry_delays: Vec<f64>,
    pub retry_delay_total: f64,
    pub total: Option<f64>,
    pub failed_attempts: Vec<FailedAttempt>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FailedAttempt {
    pub attempt: u32,
    pub duration: f64,
    pub error: String,
}

/// What JS needs to rebuild an error thrown by a native task.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorInfo {
    pub name: String,
    pub code: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PoolEvent {
    TaskStarted(TaskSnapshot),
    /// The 1-based attempt that failed and will be retried.
    TaskRetry(TaskSnapshot, u32),
    TaskMetrics(TaskSnapshot),
    TaskCompleted(TaskSnapshot),
    TaskError(TaskSnapshot, ErrorInfo),
    /// A notice, not a JS pool event: a native task took longer than the slow threshold of
    /// [`crate::Pool::set_notices`] from submission to its end (for the client's log).
    TaskSlow(TaskSnapshot),
    Drained,
    Paused,
    Resumed,
    Stopped,
}

impl PoolEvent {
    /// The JS event name.
    pub fn name(&self) -> &'static str {
        match self {
            PoolEvent::TaskStarted(_) => "pool:taskStarted",
            PoolEvent::TaskRetry(..) => "pool:taskRetry",
            PoolEvent::TaskMetrics(_) => "pool:taskMetrics",
            PoolEvent::TaskCompleted(_) => "pool:taskCompleted",
            PoolEvent::TaskError(..) => "pool:taskError",
            PoolEvent::TaskSlow(_) => "pool:taskSlow",
            PoolEvent::Drained => "pool:drained",
            PoolEvent::Paused => "pool:paused",
            PoolEvent::Resumed => "pool:resumed",
            PoolEvent::Stopped => "pool:stopped",
        }
    }
}

/// Told (from any thread, never under the pool's lock) that there is something to collect:
/// buffered events (`Pool::take_events`), external tasks granted a slot
/// (`Pool::take_ready_external`), or the pool went idle while someone waits for it.
/// One call may cover many events: implementations should coalesce.
pub trait PoolObserver: Send + Sync {
    fn wake(&self);
}
