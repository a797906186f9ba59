//! External (JS-driven) tasks: the synchronous submit/complete protocol, retries, slots given
//! away by composite tasks, sharing with native tasks, events and the attached tuner.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use s3db_pool::{
    Concurrency, Pool, PoolConfig, PoolError, PoolEvent, PoolObserver, TaskOptions, Tuner,
    TunerConfig,
};

fn pool(concurrency: usize) -> Pool {
    Pool::new(PoolConfig {
        concurrency: Concurrency::Fixed(concurrency),
        ..PoolConfig::default()
    })
}

#[derive(Default)]
struct CountingObserver(AtomicUsize);

impl PoolObserver for CountingObserver {
    fn wake(&self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn submit_then_complete_hands_slots_in_priority_order() {
    let pool = pool(2);
    let (a, a_started) = pool.submit_external(0.0).unwrap();
    let (_b, b_started) = pool.submit_external(0.0).unwrap();
    assert!(a_started && b_started);
    let (low, started) = pool.submit_external(1.0).unwrap();
    assert!(!started);
    let (high, _) = pool.submit_external(9.0).unwrap();
    let done = pool.complete_external(a, true);
    assert_eq!(done.next, Some(high));
    assert!(!done.idle);
    let stats = pool.stats().counters;
    assert_eq!(
        (stats.active_count, stats.queue_size, stats.processed_count),
        (2, 1, 1)
    );
    let _ = low;
}

#[test]
fn completion_reports_idle_and_quiet() {
    let pool = pool(1);
    let (a, _) = pool.submit_external(0.0).unwrap();
    let done = pool.complete_external(a, false);
    assert!(done.idle && done.quiet && done.next.is_none());
    assert_eq!(pool.stats().counters.error_count, 1);

    let (b, _) = pool.submit_external(0.0).unwrap();
    pool.pause();
    let (_c, started) = pool.submit_external(0.0).unwrap();
    assert!(!started);
    let done = pool.complete_external(b, true);
    assert!(done.quiet && !done.idle, "paused with a queued task");
    let ready = pool.resume();
    assert_eq!(ready.len(), 1);
}

#[test]
fn retry_plans_backoff_and_counts() {
    let pool = pool(1);
    let (id, _) = pool.submit_external(0.0).unwrap();
    let delay = pool.retry_external(id, false).expect("a retry");
    assert!(
        delay >= Duration::from_millis(900) && delay <= Duration::from_millis(1100),
        "{delay:?}"
    );
    let second = pool.retry_external(id, true).expect("a second retry");
    assert!(
        second >= Duration::from_millis(900) && second <= Duration::from_millis(1100),
        "halved 2 s: {second:?}"
    );
    assert_eq!(pool.stats().counters.retry_count, 2);
    pool.complete_external(id, true);
    let record = pool.aggregate_metrics(0.0).unwrap();
    assert_eq!(record.avg_retries, 2.0);
    assert_eq!(
        record.error_rate, 1.0,
        "a task with failed attempts counts in the error rate"
    );
}

#[test]
fn saturated_pool_gives_up_retrying() {
    let pool = pool(1);
    let (id, _) = pool.submit_external(0.0).unwrap();
    for _ in 0..10 {
        pool.submit_external(0.0).unwrap();
    }
    assert_eq!(
        pool.retry_external(id, true),
        None,
        "11 tasks on 1 slot: saturation 11 >= 10"
    );
}

#[test]
fn composite_task_gives_its_slot_to_children() {
    let pool = pool(1);
    let (parent, _) = pool.submit_external(0.0).unwrap();
    let (child, started) = pool.submit_external(0.0).unwrap();
    assert!(!started);
    assert_eq!(pool.release_slot(parent), vec![child]);
    assert!(pool.release_slot(parent).is_empty(), "only once");
    assert!(pool.complete_external(child, true).next.is_none());
    let done = pool.complete_external(parent, true);
    assert!(done.idle);
    assert_eq!(pool.stats().counters.processed_count, 2);
}

#[test]
fn stop_refuses_new_tasks() {
    let pool = pool(1);
    let (a, _) = pool.submit_external(0.0).unwrap();
    pool.submit_external(0.0).unwrap();
    assert_eq!(pool.stop(), 1);
    assert_eq!(pool.submit_external(0.0), Err(PoolError::Cancelled));
    pool.complete_external(a, false);
    let c = pool.stats().counters;
    assert_eq!((c.active_count, c.queue_size, c.error_count), (0, 0, 2));
}

#[tokio::test]
async fn native_completion_grants_external_tasks_and_wakes_once_per_burst() {
    let pool = pool(1);
    let observer = Arc::new(CountingObserver::default());
    pool.set_observer(Some(observer.clone()));
    let (gate_tx, gate_rx) = tokio::sync::oneshot::channel::<()>();
    let gate = Arc::new(Mutex::new(Some(gate_rx)));
    let native = {
        let pool = pool.clone();
        tokio::spawn(async move {
            pool.run(TaskOptions::default(), move || {
                let gate = gate.lock().unwrap().take();
                async move {
                    if let Some(g) = gate {
                        let _ = g.await;
                    }
                    Ok::<_, PoolError>(())
                }
            })
            .await
        })
    };
    while pool.stats().counters.active_count == 0 {
        tokio::task::yield_now().await;
    }
    let (js, started) = pool.submit_external(0.0).unwrap();
    assert!(!started);
    gate_tx.send(()).unwrap();
    native.await.unwrap().unwrap();
    assert_eq!(pool.take_ready_external(), vec![js]);
    assert_eq!(observer.0.load(Ordering::SeqCst), 1);
    assert!(
        pool.take_events().is_empty(),
        "nobody listens: nothing buffered"
    );
}

#[tokio::test]
async fn events_are_buffered_only_while_listening() {
    let pool = pool(2);
    pool.set_observer(Some(Arc::new(CountingObserver::default())));
    pool.set_listening(true);
    pool.run(
        TaskOptions::default().meta("operation", "putObject"),
        || async { Ok::<_, PoolError>(()) },
    )
    .await
    .unwrap();
    let names: Vec<&str> = pool.take_events().iter().map(PoolEvent::name).collect();
    assert_eq!(
        names,
        vec![
            "pool:taskStarted",
            "pool:taskMetrics",
            "pool:taskCompleted",
            "pool:drained"
        ]
    );
    pool.set_listening(false);
    pool.run(TaskOptions::default(), || async { Ok::<_, PoolError>(()) })
        .await
        .unwrap();
    assert!(pool.take_events().is_empty());
}

#[test]
fn attached_tuner_moves_concurrency() {
    fn no_memory() -> Option<(u64, f64)> {
        None
    }
    let config = TunerConfig {
        min_concurrency: 2,
        max_concurrency: 50,
        adjustment_interval: Duration::ZERO,
        ..TunerConfig::default()
    };
    let tuner = Arc::new(Mutex::new(Tuner::with_probe(config, no_memory)));
    let pool = pool(1);
    pool.set_tuner(Some(tuner.clone()));
    let start = pool.concurrency();
    assert_eq!(start, s3db_pool::tuner::lock(&tuner).concurrency());
    for _ in 0..30 {
        let (id, _) = pool.submit_external(0.0).unwrap();
        pool.complete_external(id, true);
    }
    assert!(
        pool.concurrency() > start,
        "fast tasks raise concurrency: {start} -> {}",
        pool.concurrency()
    );
    assert!(!pool.tuner_metrics().unwrap().history.is_empty());
    pool.set_concurrency(3);
    assert!(
        pool.tuner_metrics().is_none(),
        "a fixed value detaches the tuner"
    );
}

#[test]
fn exchange_batches_completions_and_submissions() {
    let pool = pool(2);
    let mut out = [0.0; 4];
    let first = pool.exchange_external(std::iter::empty(), &[0.0, 0.0, 5.0, 1.0], &mut out);
    assert_eq!(out, [1.0, 2.0, -3.0, -4.0]);
    assert_eq!((first.granted, first.idle, first.quiet), (0, false, false));
    // Completing both running tasks grants the slots by priority (3 then 4), and a new
    // submission queues behind them.
    let mut out = [0.0; 3];
    let second = pool.exchange_external([(1, true), (2, false)].into_iter(), &[0.0], &mut out);
    assert_eq!(second.granted, 2);
    assert_eq!(out, [-5.0, 3.0, 4.0]);
    let mut out = [0.0; 3];
    let third =
        pool.exchange_external([(3, true), (4, true), (5, true)].into_iter(), &[], &mut out);
    // Task 5 was granted by the first completion and finished in the same exchange.
    assert_eq!(third.granted, 1);
    assert_eq!(out[0], 5.0);
    assert!(third.idle);
    let c = pool.stats().counters;
    assert_eq!(
        (c.processed_count, c.error_count, c.submitted_count),
        (4, 1, 5)
    );
}
