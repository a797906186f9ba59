//! Notices for the client's log: slow native tasks and retries are buffered when asked for,
//! whether or not anyone listens to pool events, and never when not asked for.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use s3db_pool::{Pool, PoolConfig, PoolError, PoolEvent, TaskFailure, TaskOptions};

#[derive(Debug)]
struct Flaky;

impl std::fmt::Display for Flaky {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("flaky")
    }
}

impl TaskFailure for Flaky {
    fn is_retryable(&self) -> bool {
        true
    }
    fn from_pool(_: PoolError) -> Self {
        Flaky
    }
}

fn pool() -> Pool {
    Pool::new(PoolConfig {
        retry_delay: Duration::from_millis(1),
        ..PoolConfig::default()
    })
}

async fn sleepy(pool: &Pool, ms: u64) {
    pool.run(TaskOptions::default(), || async move {
        tokio::time::sleep(Duration::from_millis(ms)).await;
        Ok::<_, Flaky>(())
    })
    .await
    .unwrap();
}

/// Fails its first attempt, then succeeds.
async fn flaky(pool: &Pool) {
    let calls = AtomicU32::new(0);
    pool.run(TaskOptions::default(), || {
        let first = calls.fetch_add(1, Ordering::SeqCst) == 0;
        async move {
            if first {
                Err(Flaky)
            } else {
                Ok(())
            }
        }
    })
    .await
    .unwrap();
}

fn names(pool: &Pool) -> Vec<&'static str> {
    pool.take_events().iter().map(PoolEvent::name).collect()
}

#[tokio::test]
async fn slow_tasks_and_retries_are_noticed_without_listeners() {
    let pool = pool();
    pool.set_notices(Some(Duration::from_millis(30)), true);
    sleepy(&pool, 1).await;
    assert_eq!(
        names(&pool),
        Vec::<&str>::new(),
        "a fast task is not a notice"
    );
    sleepy(&pool, 40).await;
    assert_eq!(names(&pool), vec!["pool:taskSlow"]);
    flaky(&pool).await;
    // The retry's backoff may also make it slow; the retry notice comes first.
    assert_eq!(names(&pool).first(), Some(&"pool:taskRetry"));
}

#[tokio::test]
async fn nothing_is_buffered_when_notices_are_off() {
    let pool = pool();
    sleepy(&pool, 40).await;
    flaky(&pool).await;
    assert!(pool.take_events().is_empty());
    pool.set_notices(Some(Duration::from_millis(30)), true);
    pool.set_notices(None, false);
    sleepy(&pool, 40).await;
    flaky(&pool).await;
    assert!(pool.take_events().is_empty());
}

#[tokio::test]
async fn a_retry_notice_is_one_event_when_someone_also_listens() {
    let pool = pool();
    pool.set_listening(true);
    pool.set_notices(None, true);
    flaky(&pool).await;
    let retries = names(&pool)
        .into_iter()
        .filter(|n| *n == "pool:taskRetry")
        .count();
    assert_eq!(retries, 1);
}
