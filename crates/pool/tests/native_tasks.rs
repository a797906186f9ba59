//! Native tasks through the public API: order, retries by error kind, timeouts, stop, drain,
//! live concurrency, stats, and composite work that must not deadlock.

use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use s3db_pool::{Pool, PoolConfig, PoolError, TaskFailure, TaskOptions};
use tokio::sync::oneshot;

#[derive(Debug, Clone, PartialEq)]
enum TestError {
    /// Like a 503 or a reset connection.
    Transient,
    /// Like a 404.
    NotFound,
    Pool(PoolError),
}

impl std::fmt::Display for TestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self:?}")
    }
}

impl TaskFailure for TestError {
    fn is_retryable(&self) -> bool {
        match self {
            TestError::Transient => true,
            TestError::NotFound => false,
            TestError::Pool(e) => e.is_retryable(),
        }
    }
    fn from_pool(error: PoolError) -> Self {
        TestError::Pool(error)
    }
}

fn pool(concurrency: usize) -> Pool {
    Pool::new(PoolConfig {
        concurrency: s3db_pool::Concurrency::Fixed(concurrency),
        retry_delay: Duration::from_millis(100),
        ..PoolConfig::default()
    })
}

#[tokio::test]
async fn priority_order_with_fifo_ties() {
    let pool = pool(1);
    let order = Arc::new(Mutex::new(Vec::new()));
    let (release, gate) = oneshot::channel::<()>();
    let blocker = {
        let pool = pool.clone();
        tokio::spawn(async move {
            let mut gate = Some(gate);
            pool.run(TaskOptions::default(), move || {
                let gate = gate.take();
                async move {
                    if let Some(g) = gate {
                        let _ = g.await;
                    }
                    Ok::<_, TestError>(())
                }
            })
            .await
        })
    };
    tokio::task::yield_now().await;
    let mut handles = Vec::new();
    for (label, priority) in [("a", 0.0), ("b", 10.0), ("c", 5.0), ("d", 10.0)] {
        let pool = pool.clone();
        let order = order.clone();
        handles.push(tokio::spawn(async move {
            pool.run(TaskOptions::default().priority(priority), || {
                order.lock().unwrap().push(label);
                async { Ok::<_, TestError>(()) }
            })
            .await
        }));
        tokio::task::yield_now().await;
    }
    assert_eq!(pool.stats().counters.queue_size, 4);
    release.send(()).unwrap();
    blocker.await.unwrap().unwrap();
    for h in handles {
        h.await.unwrap().unwrap();
    }
    assert_eq!(*order.lock().unwrap(), vec!["b", "d", "c", "a"]);
}

#[tokio::test(start_paused = true)]
async fn retries_transient_errors_with_backoff() {
    let pool = pool(4);
    let calls = AtomicU32::new(0);
    let started = tokio::time::Instant::now();
    let value = pool
        .run(TaskOptions::default().retries(2), || {
            let n = calls.fetch_add(1, Ordering::SeqCst);
            async move {
                if n < 2 {
                    Err(TestError::Transient)
                } else {
                    Ok(n)
                }
            }
        })
        .await
        .unwrap();
    assert_eq!(value, 2);
    // Transient: 100 ms and 200 ms halved, floored at 50 ms, ±10% jitter.
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(135) && waited <= Duration::from_millis(170),
        "{waited:?}"
    );
    let c = pool.stats().counters;
    assert_eq!((c.processed_count, c.retry_count, c.error_count), (1, 2, 0));
}

#[tokio::test(start_paused = true)]
async fn never_retries_non_retryable_errors() {
    let pool = pool(4);
    let calls = AtomicU32::new(0);
    let err = pool
        .run(TaskOptions::default().retries(5), || {
            calls.fetch_add(1, Ordering::SeqCst);
            async { Err::<(), _>(TestError::NotFound) }
        })
        .await
        .unwrap_err();
    assert_eq!(err, TestError::NotFound);
    assert_eq!(calls.load(Ordering::SeqCst), 1);
    assert_eq!(pool.stats().counters.retry_count, 0);
}

#[tokio::test(start_paused = true)]
async fn retryable_list_filters_errors() {
    let pool = Pool::new(PoolConfig {
        retryable_errors: vec!["SlowDown".into()],
        ..PoolConfig::default()
    });
    let calls = AtomicU32::new(0);
    // TestError keeps the default `matches` (true), so the list admits it.
    let _ = pool
        .run(TaskOptions::default().retries(1), || {
            calls.fetch_add(1, Ordering::SeqCst);
            async { Err::<(), _>(TestError::Transient) }
        })
        .await;
    assert_eq!(calls.load(Ordering::SeqCst), 2);
    // A timeout only matches its own names.
    let timeouts = AtomicU32::new(0);
    let err = pool
        .run(
            TaskOptions::default()
                .retries(3)
                .timeout(Some(Duration::from_millis(10))),
            || {
                timeouts.fetch_add(1, Ordering::SeqCst);
                std::future::pending::<Result<(), PoolError>>()
            },
        )
        .await
        .unwrap_err();
    assert!(matches!(err, PoolError::Timeout { .. }));
    assert_eq!(
        timeouts.load(Ordering::SeqCst),
        1,
        "SlowDown list does not admit timeouts"
    );
}

#[tokio::test(start_paused = true)]
async fn timeout_per_attempt_then_retry() {
    let pool = pool(2);
    let calls = AtomicU32::new(0);
    let value = pool
        .run(
            TaskOptions::default()
                .retries(1)
                .timeout(Some(Duration::from_millis(50))),
            || {
                let n = calls.fetch_add(1, Ordering::SeqCst);
                async move {
                    if n == 0 {
                        std::future::pending::<()>().await;
                    }
                    Ok::<_, TestError>("second")
                }
            },
        )
        .await
        .unwrap();
    assert_eq!(value, "second");
    let err = pool
        .run(
            TaskOptions::default()
                .retries(0)
                .timeout(Some(Duration::from_millis(50))),
            std::future::pending::<Result<(), TestError>>,
        )
        .await
        .unwrap_err();
    match err {
        TestError::Pool(e @ PoolError::Timeout { .. }) => {
            assert!(e.to_string().ends_with("timed out after 50ms"), "{e}")
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn stop_cancels_queued_and_backing_off_tasks_and_lets_running_ones_finish() {
    let pool = pool(2);
    let running = {
        let pool = pool.clone();
        tokio::spawn(async move {
            pool.run(TaskOptions::default(), || async {
                tokio::time::sleep(Duration::from_millis(60)).await;
                Ok::<_, TestError>("finished")
            })
            .await
        })
    };
    let backing_off = {
        let pool = pool.clone();
        tokio::spawn(async move {
            pool.run(TaskOptions::default(), || async {
                Err::<&str, _>(TestError::Transient)
            })
            .await
        })
    };
    let queued = {
        let pool = pool.clone();
        tokio::spawn(async move {
            pool.run(TaskOptions::default(), || async {
                Ok::<_, TestError>("never")
            })
            .await
        })
    };
    tokio::time::sleep(Duration::from_millis(20)).await;
    let stopped_at = std::time::Instant::now();
    assert_eq!(pool.stop(), 1);
    let cancelled = TestError::Pool(PoolError::Cancelled);
    assert_eq!(queued.await.unwrap().unwrap_err(), cancelled);
    assert_eq!(backing_off.await.unwrap().unwrap_err(), cancelled);
    assert!(
        stopped_at.elapsed() < Duration::from_millis(50),
        "a backoff ends at stop"
    );
    assert_eq!(running.await.unwrap().unwrap(), "finished");
    let after = pool
        .run(TaskOptions::default(), || async {
            Ok::<_, TestError>("late")
        })
        .await;
    assert_eq!(after.unwrap_err(), cancelled);
    let c = pool.stats().counters;
    assert_eq!((c.active_count, c.queue_size, c.processed_count), (0, 0, 1));
    pool.drain().await;
}

#[tokio::test]
async fn a_failure_after_stop_is_final() {
    let pool = pool(1);
    let attempts = Arc::new(AtomicU32::new(0));
    let task = {
        let (pool, attempts) = (pool.clone(), attempts.clone());
        tokio::spawn(async move {
            pool.run(TaskOptions::default(), move || {
                let attempts = attempts.clone();
                async move {
                    attempts.fetch_add(1, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_millis(30)).await;
                    Err::<(), _>(TestError::Transient)
                }
            })
            .await
        })
    };
    tokio::time::sleep(Duration::from_millis(10)).await;
    pool.stop();
    assert_eq!(task.await.unwrap().unwrap_err(), TestError::Transient);
    assert_eq!(attempts.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn drain_waits_and_concurrency_is_live() {
    let pool = pool(1);
    let peak = Arc::new(AtomicUsize::new(0));
    let now = Arc::new(AtomicUsize::new(0));
    let mut handles = Vec::new();
    for _ in 0..12 {
        let (pool, peak, now) = (pool.clone(), peak.clone(), now.clone());
        handles.push(tokio::spawn(async move {
            pool.run(TaskOptions::default(), || {
                let (peak, now) = (peak.clone(), now.clone());
                async move {
                    let n = now.fetch_add(1, Ordering::SeqCst) + 1;
                    peak.fetch_max(n, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    now.fetch_sub(1, Ordering::SeqCst);
                    Ok::<_, TestError>(())
                }
            })
            .await
        }));
    }
    tokio::time::sleep(Duration::from_millis(5)).await;
    assert_eq!(peak.load(Ordering::SeqCst), 1);
    pool.set_concurrency(4);
    pool.drain().await;
    assert!(pool.is_idle());
    assert_eq!(peak.load(Ordering::SeqCst), 4);
    let s = pool.stats();
    assert_eq!(
        s.counters.processed_count + s.counters.error_count,
        s.counters.submitted_count
    );
    assert_eq!(s.rolling.unwrap().sample_size, 12);
    assert_eq!(pool.aggregate_metrics(0.0).unwrap().count, 12);
    for h in handles {
        h.await.unwrap().unwrap();
    }
}

#[tokio::test]
async fn pause_holds_queue_until_resume() {
    let pool = pool(2);
    pool.pause();
    let task = {
        let pool = pool.clone();
        tokio::spawn(async move {
            pool.run(TaskOptions::default(), || async { Ok::<_, TestError>(7) })
                .await
        })
    };
    tokio::time::sleep(Duration::from_millis(20)).await;
    assert_eq!(pool.stats().counters.queue_size, 1);
    assert!(pool.stats().counters.paused);
    pool.resume();
    assert_eq!(task.await.unwrap().unwrap(), 7);
}

#[tokio::test]
async fn dropped_tasks_give_their_slot_back() {
    let pool = pool(1);
    let holder = {
        let pool = pool.clone();
        tokio::spawn(async move {
            pool.run(TaskOptions::default(), || {
                std::future::pending::<Result<(), TestError>>()
            })
            .await
        })
    };
    let waiter = {
        let pool = pool.clone();
        tokio::spawn(async move {
            pool.run(TaskOptions::default(), || async { Ok::<_, TestError>(()) })
                .await
        })
    };
    tokio::time::sleep(Duration::from_millis(10)).await;
    waiter.abort();
    holder.abort();
    let _ = (waiter.await, holder.await);
    let c = pool.stats().counters;
    assert_eq!((c.active_count, c.queue_size), (0, 0));
    pool.run(TaskOptions::default(), || async { Ok::<_, TestError>(()) })
        .await
        .unwrap();
}

/// A composite operation (like insertMany) runs its children through the pool without
/// holding a slot itself, so it completes even at concurrency 1 and 2.
#[tokio::test]
async fn composite_work_does_not_deadlock() {
    for concurrency in [1, 2] {
        let pool = pool(concurrency);
        let inserts = (0..5).map(|i| {
            let pool = pool.clone();
            async move {
                let put = pool.run(
                    TaskOptions::default().meta("operation", "putObject"),
                    || async {
                        tokio::time::sleep(Duration::from_millis(2)).await;
                        Ok::<_, TestError>(i)
                    },
                );
                let head = pool.run(
                    TaskOptions::default().meta("operation", "headObject"),
                    || async { Ok::<_, TestError>(i) },
                );
                let (a, b) = tokio::join!(put, head);
                Ok::<_, TestError>(a? + b?)
            }
        });
        let all = tokio::time::timeout(Duration::from_secs(2), async {
            let mut set = tokio::task::JoinSet::new();
            for f in inserts {
                set.spawn(f);
            }
            let mut sum = 0;
            while let Some(r) = set.join_next().await {
                sum += r.unwrap().unwrap();
            }
            sum
        })
        .await
        .expect("composite work finished");
        assert_eq!(all, 20);
    }
}

/// One poll in place (an in-process store answered on the JS thread): a task that finds no free
/// slot stays pending without being admitted, so dropping it changes no counter; with a free
/// slot it runs and is counted like any other.
#[tokio::test]
async fn a_poll_in_place_never_queues() {
    use std::future::Future;
    use std::task::{Context, Poll, Waker};
    let pool = pool(1);
    let poll_once = |pool: &Pool| {
        s3db_pool::in_place(|| {
            let task = pool.run(TaskOptions::default(), || async { Ok::<u32, TestError>(7) });
            let mut task = std::pin::pin!(task);
            task.as_mut().poll(&mut Context::from_waker(Waker::noop()))
        })
    };
    assert_eq!(poll_once(&pool), Poll::Ready(Ok(7)));
    let (busy, started) = pool.submit_external(0.0).unwrap();
    assert!(started, "the one slot is taken");
    assert_eq!(poll_once(&pool), Poll::Pending);
    let c = pool.stats().counters;
    assert_eq!(
        (
            c.submitted_count,
            c.processed_count,
            c.error_count,
            c.queue_size
        ),
        (2, 1, 0, 0)
    );
    pool.complete_external(busy, true);
    // Outside `in_place` the same task queues as usual.
    let queued = tokio::spawn({
        let pool = pool.clone();
        async move {
            pool.run(TaskOptions::default(), || async { Ok::<u32, TestError>(8) })
                .await
        }
    });
    assert_eq!(queued.await.unwrap(), Ok(8));
    assert_eq!(pool.stats().counters.processed_count, 3);
}
