//! Cost of the synchronous external-task protocol without any JS: `cargo run --release
//! --example external_cost -p s3db-pool`.
use s3db_pool::{Concurrency, Pool, PoolConfig};
use std::time::Instant;

fn main() {
    let n = 1_000_000u64;
    let pool = Pool::new(PoolConfig {
        concurrency: Concurrency::Fixed(100),
        ..PoolConfig::default()
    });
    let start = Instant::now();
    let mut ids = Vec::with_capacity(n as usize);
    for _ in 0..n {
        ids.push(pool.submit_external(0.0).unwrap().0);
    }
    let submitted = start.elapsed();
    let mut next = Vec::new();
    for id in ids.iter().take(100) {
        next.push(*id);
    }
    let mut done = 0u64;
    while let Some(id) = next.pop() {
        let c = pool.complete_external(id, true);
        done += 1;
        if let Some(n) = c.next {
            next.push(n);
        }
    }
    let total = start.elapsed();
    let clock = Instant::now();
    for _ in 0..1_000_000 {
        std::hint::black_box(Instant::now());
    }
    println!(
        "submit {:.0} ns, complete {:.0} ns, done {done}, Instant::now {:.0} ns",
        submitted.as_nanos() as f64 / n as f64,
        (total - submitted).as_nanos() as f64 / n as f64,
        clock.elapsed().as_nanos() as f64 / 1e6
    );
}
