//! Raw Rust loop of the Database/Resource benchmark: the same phases and requests as
//! `benchmarks/resource/engine-raw.mjs` (insert = PUT; get = GET; update = GET + PUT;
//! list = LIST pages + GET each; count = LIST pages; page = LIST pages + GET per record of the
//! page; delete = DELETE), printing the same one-line JSON result.
//! Usage: raw-rust-bench --endpoint=http://127.0.0.1:PORT --bucket=B --n=2000 --c=10 [--phases=a,b] [--pages=K] [--count-calls=K]

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

use aws_sdk_s3::config::{Credentials, Region, RequestChecksumCalculation, ResponseChecksumValidation};
use aws_sdk_s3::error::DisplayErrorContext;
use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::Client;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::Semaphore;

const PREFIX: &str = "resource=bench/data/";
const PAGE_SIZE: usize = 100;
const COUNT_CALLS: usize = 10;
const CITIES: [&str; 6] = ["Lisboa", "Recife", "Porto Alegre", "Curitiba", "Manaus", "Natal"];

type Meta = HashMap<String, String>;

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Record number i as user metadata; the same fields and values as workload.mjs's record(i).
fn record(i: usize) -> Meta {
    let hours = i as i64;
    let (y, mo, d) = civil(18_262 + hours / 24); // 2020-01-01
    let score = (((i as f64) * 7.31) % 1000.0 * 100.0).round() / 100.0;
    let mut m = Meta::new();
    m.insert("name".into(), format!("User number {i}"));
    m.insert("email".into(), format!("user{i}@example.com"));
    m.insert("age".into(), (18 + i % 60).to_string());
    m.insert("score".into(), score.to_string());
    m.insert("active".into(), (i % 3 != 0).to_string());
    m.insert("level".into(), (i % 10).to_string());
    m.insert("bio".into(), format!("Writes benchmarks and reads metadata headers; record {i} of the side-by-side run."));
    m.insert("joinedat".into(), format!("{y:04}-{mo:02}-{d:02}T{:02}:00:00.000Z", hours % 24));
    m.insert("tags".into(), format!(r#"["bench","group-{}","{}"]"#, i % 7, if i % 2 == 1 { "odd" } else { "even" }));
    m.insert("profile".into(), format!(r#"{{"city":"{}","country":"BR","zip":"{}"}}"#, CITIES[i % CITIES.len()], 10_000 + i));
    m
}

fn apply_change(m: &mut Meta, i: usize) {
    m.insert("age".into(), (19 + i % 60).to_string());
    m.insert("active".into(), (i % 3 == 0).to_string());
    m.insert("level".into(), ((i + 1) % 10).to_string());
}

/// The pages the page phase reads, as workload.mjs's pagePlan: all of them, or `sample` spread
/// evenly from the first to the last; with the records they hold.
fn page_plan(n: usize, sample: Option<usize>) -> (Vec<usize>, usize) {
    let total = n.div_ceil(PAGE_SIZE);
    let k = sample.map_or(total, |s| s.min(total));
    let pages: Vec<usize> = (0..k)
        .map(|j| if k == total { j } else { j * (total - 1) / (k - 1).max(1) })
        .collect();
    let records = pages.iter().map(|p| PAGE_SIZE.min(n - p * PAGE_SIZE)).sum();
    (pages, records)
}

fn cpu_micros() -> u64 {
    // SAFETY: getrusage only writes into the struct we pass.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    let us = |t: libc::timeval| t.tv_sec as u64 * 1_000_000 + t.tv_usec as u64;
    us(ru.ru_utime) + us(ru.ru_stime)
}

/// VmRSS or VmHWM from /proc/self/status, in MiB.
fn proc_mib(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib = status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or(0.0);
    (kib / 1024.0 * 10.0).round() / 10.0
}

/// Runs f(0..total) with at most `c` in flight; returns (errors, first error).
async fn run_bounded<F, Fut>(total: usize, c: usize, f: F) -> (usize, Option<String>)
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), String>> + Send + 'static,
{
    let next = Arc::new(AtomicUsize::new(0));
    let f = Arc::new(f);
    let workers: Vec<_> = (0..c.min(total))
        .map(|_| {
            let (next, f) = (next.clone(), f.clone());
            tokio::spawn(async move {
                let (mut errors, mut first) = (0, None);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total {
                        break;
                    }
                    if let Err(e) = f(i).await {
                        errors += 1;
                        first.get_or_insert(e);
                    }
                }
                (errors, first)
            })
        })
        .collect();
    let (mut errors, mut first) = (0, None);
    for w in workers {
        let (e, f) = w.await.unwrap_or((1, Some("worker panicked".into())));
        errors += e;
        if first.is_none() {
            first = f;
        }
    }
    (errors, first)
}

struct Phase {
    name: &'static str,
    ops: usize,
    records: usize,
    errors: usize,
    first_error: Option<String>,
    ms: f64,
    cpu_ms: f64,
    rss: f64,
}

impl Phase {
    fn json(&self) -> String {
        let r = |x: f64, d: f64| (x * d).round() / d;
        let err = self
            .first_error
            .as_ref()
            .map(|e| format!(",\"firstError\":\"{}\"", e.chars().take(200).collect::<String>().replace(['"', '\\', '\n'], "'")))
            .unwrap_or_default();
        format!(
            "\"{}\":{{\"ops\":{},\"records\":{},\"errors\":{}{},\"ms\":{},\"opsPerSec\":{},\"cpuMsPerOp\":{},\"rssMiB\":{}}}",
            self.name,
            self.ops,
            self.records,
            self.errors,
            err,
            r(self.ms, 10.0),
            r(self.ops as f64 / (self.ms / 1000.0), 10.0),
            r(self.cpu_ms / self.ops as f64, 1000.0),
            self.rss
        )
    }
}

/// In the counting pass, snapshots the runner's proxy counts at the end of a phase.
async fn mark(phase: &str) {
    let Ok(url) = std::env::var("BENCH_MARK_URL") else { return };
    let host = url.trim_start_matches("http://").trim_end_matches('/').to_string();
    if let Ok(mut s) = tokio::net::TcpStream::connect(&host).await {
        let req = format!("GET /__bench__/mark?phase={phase} HTTP/1.0\r\nHost: {host}\r\n\r\n");
        let _ = s.write_all(req.as_bytes()).await;
        let mut sink = Vec::new();
        let _ = s.read_to_end(&mut sink).await;
    }
}

fn err_text<E: std::error::Error>(e: E) -> String {
    format!("{}", DisplayErrorContext(e))
}

async fn put(s3: &Client, bucket: &str, id: &str, meta: Meta) -> Result<(), String> {
    s3.put_object()
        .bucket(bucket)
        .key(format!("{PREFIX}{id}"))
        .body(ByteStream::from_static(b""))
        .set_metadata(Some(meta))
        .send()
        .await
        .map(|_| ())
        .map_err(err_text)
}

async fn read(s3: &Client, bucket: &str, key: &str) -> Result<Meta, String> {
    let out = s3.get_object().bucket(bucket).key(key).send().await.map_err(err_text)?;
    let meta = out.metadata().cloned().unwrap_or_default();
    out.body.collect().await.map_err(|e| e.to_string())?;
    Ok(meta)
}

async fn list_keys(s3: &Client, bucket: &str) -> Result<Vec<String>, String> {
    let mut keys = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let out = s3
            .list_objects_v2()
            .bucket(bucket)
            .prefix(PREFIX)
            .set_continuation_token(token.take())
            .send()
            .await
            .map_err(err_text)?;
        keys.extend(out.contents().iter().filter_map(|o| o.key().map(str::to_string)));
        match (out.is_truncated(), out.next_continuation_token()) {
            (Some(true), Some(t)) => token = Some(t.to_string()),
            _ => return Ok(keys),
        }
    }
}

fn random_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
    let s = std::collections::hash_map::RandomState::new();
    let (mut a, mut b) = (s.build_hasher(), s.build_hasher());
    a.write_u8(1);
    b.write_u8(2);
    let bits = (u128::from(a.finish()) << 64) | u128::from(b.finish());
    (0..22).map(|k| ALPHABET[((bits >> (k * 6)) & 63) as usize] as char).collect()
}

#[tokio::main]
async fn main() {
    let args: HashMap<String, String> = std::env::args()
        .skip(1)
        .filter_map(|a| a.strip_prefix("--").and_then(|a| a.split_once('=')).map(|(k, v)| (k.to_string(), v.to_string())))
        .collect();
    let endpoint = args.get("endpoint").expect("--endpoint").clone();
    let bucket: Arc<str> = args.get("bucket").expect("--bucket").as_str().into();
    let n: usize = args.get("n").map_or(2000, |v| v.parse().expect("--n"));
    let c: usize = args.get("c").map_or(10, |v| v.parse().expect("--c"));
    let wanted: Option<Vec<String>> = args.get("phases").map(|p| p.split(',').map(str::to_string).collect());
    let want = |p: &str| p == "insert" || wanted.as_ref().is_none_or(|w| w.iter().any(|x| x == p));

    let t0 = Instant::now();
    let shared = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("test", "testsecret", None, None, "static"))
        .endpoint_url(&endpoint)
        .load()
        .await;
    // Checksums only where S3 requires them: the least client work, as in the Node raw loop.
    let conf = aws_sdk_s3::config::Builder::from(&shared)
        .force_path_style(true)
        .request_checksum_calculation(RequestChecksumCalculation::WhenRequired)
        .response_checksum_validation(ResponseChecksumValidation::WhenRequired)
        .build();
    let s3 = Client::from_conf(conf);
    s3.head_bucket().bucket(&*bucket).send().await.expect("HeadBucket");
    let connect_ms = t0.elapsed().as_secs_f64() * 1000.0;
    let rss_after_connect = proc_mib("VmRSS:");
    mark("setup").await;

    let ids: Arc<Vec<String>> = Arc::new((0..n).map(|_| random_id()).collect());
    let mut phases: Vec<Phase> = Vec::new();

    macro_rules! phase {
        ($name:literal, $ops:expr, $body:expr) => {
            if want($name) {
                let (cpu0, t) = (cpu_micros(), Instant::now());
                let (errors, first_error, records): (usize, Option<String>, usize) = $body;
                phases.push(Phase {
                    name: $name,
                    ops: $ops,
                    records,
                    errors,
                    first_error,
                    ms: t.elapsed().as_secs_f64() * 1000.0,
                    cpu_ms: (cpu_micros() - cpu0) as f64 / 1000.0,
                    rss: proc_mib("VmRSS:"),
                });
                mark($name).await;
            }
        };
    }

    phase!("insert", n, {
        let (s3, b, ids) = (s3.clone(), bucket.clone(), ids.clone());
        let (e, f) = run_bounded(n, c, move |i| {
            let (s3, b, ids) = (s3.clone(), b.clone(), ids.clone());
            async move { put(&s3, &b, &ids[i], record(i)).await }
        })
        .await;
        (e, f, n)
    });

    phase!("get", n, {
        let (s3, b, ids) = (s3.clone(), bucket.clone(), ids.clone());
        let (e, f) = run_bounded(n, c, move |i| {
            let (s3, b, ids) = (s3.clone(), b.clone(), ids.clone());
            async move {
                let m = read(&s3, &b, &format!("{PREFIX}{}", ids[i])).await?;
                if m.get("age") != record(i).get("age") {
                    return Err(format!("get {i}: wrong record"));
                }
                Ok(())
            }
        })
        .await;
        (e, f, n)
    });

    phase!("update", n, {
        let (s3, b, ids) = (s3.clone(), bucket.clone(), ids.clone());
        let (e, f) = run_bounded(n, c, move |i| {
            let (s3, b, ids) = (s3.clone(), b.clone(), ids.clone());
            async move {
                let mut m = read(&s3, &b, &format!("{PREFIX}{}", ids[i])).await?;
                apply_change(&mut m, i);
                put(&s3, &b, &ids[i], m).await
            }
        })
        .await;
        (e, f, n)
    });

    phase!("list", n, {
        match list_keys(&s3, &bucket).await {
            Err(e) => (1, Some(e), 0),
            Ok(keys) => {
                let keys = Arc::new(keys);
                let (s3, b, k2) = (s3.clone(), bucket.clone(), keys.clone());
                let (mut e, mut f) = run_bounded(keys.len(), c, move |i| {
                    let (s3, b, keys) = (s3.clone(), b.clone(), k2.clone());
                    async move { read(&s3, &b, &keys[i]).await.map(|_| ()) }
                })
                .await;
                if keys.len() != n {
                    e += 1;
                    f.get_or_insert(format!("list returned {} of {n}", keys.len()));
                }
                (e, f, keys.len())
            }
        }
    });

    let count_calls: usize = args.get("count-calls").map_or(COUNT_CALLS, |v| v.parse().expect("--count-calls"));
    phase!("count", count_calls, {
        let (s3, b) = (s3.clone(), bucket.clone());
        let (e, f) = run_bounded(count_calls, c, move |_| {
            let (s3, b) = (s3.clone(), b.clone());
            async move {
                let (mut total, mut token) = (0usize, None::<String>);
                loop {
                    let out = s3
                        .list_objects_v2()
                        .bucket(&*b)
                        .prefix(PREFIX)
                        .set_continuation_token(token.take())
                        .send()
                        .await
                        .map_err(err_text)?;
                    total += out.key_count().unwrap_or(0) as usize;
                    match (out.is_truncated(), out.next_continuation_token()) {
                        (Some(true), Some(t)) => token = Some(t.to_string()),
                        _ => break,
                    }
                }
                if total != n {
                    return Err(format!("count returned {total} of {n}"));
                }
                Ok(())
            }
        })
        .await;
        (e, f, count_calls)
    });

    // Pages one after another, as the database engines run them; c reads in flight within a page.
    let (page_list, page_records) = page_plan(n, args.get("pages").map(|v| v.parse().expect("--pages")));
    let page_list = Arc::new(page_list);
    phase!("page", page_list.len(), {
        let slots = Arc::new(Semaphore::new(c));
        let paged = Arc::new(AtomicUsize::new(0));
        let (s3, b, p2) = (s3.clone(), bucket.clone(), paged.clone());
        let plan = page_list.clone();
        let (mut e, mut f) = run_bounded(page_list.len(), 1, move |j| {
            let (s3, b, slots, paged) = (s3.clone(), b.clone(), slots.clone(), p2.clone());
            let p = plan[j];
            async move {
                let keys = list_keys(&s3, &b).await?;
                let page: Vec<String> = keys.into_iter().skip(p * PAGE_SIZE).take(PAGE_SIZE).collect();
                let reads = page.into_iter().map(|key| {
                    let (s3, b, slots) = (s3.clone(), b.clone(), slots.clone());
                    tokio::spawn(async move {
                        let _slot = slots.acquire_owned().await.map_err(|e| e.to_string())?;
                        read(&s3, &b, &key).await
                    })
                });
                for r in reads.collect::<Vec<_>>() {
                    r.await.map_err(|e| e.to_string())??;
                    paged.fetch_add(1, Ordering::Relaxed);
                }
                Ok(())
            }
        })
        .await;
        let got = paged.load(Ordering::Relaxed);
        if got != page_records {
            e += 1;
            f.get_or_insert(format!("pages returned {got} of {page_records} records"));
        }
        (e, f, got)
    });

    phase!("delete", n, {
        let (s3, b, ids) = (s3.clone(), bucket.clone(), ids.clone());
        let (e, f) = run_bounded(n, c, move |i| {
            let (s3, b, ids) = (s3.clone(), b.clone(), ids.clone());
            async move {
                s3.delete_object().bucket(&*b).key(format!("{PREFIX}{}", ids[i])).send().await.map(|_| ()).map_err(err_text)
            }
        })
        .await;
        (e, f, n)
    });

    let body: Vec<String> = phases.iter().map(Phase::json).collect();
    println!(
        "{{\"result\":{{\"connectMs\":{},\"rssAfterConnectMiB\":{},\"peakRssMiB\":{},\"phases\":{{{}}}}}}}",
        (connect_ms * 10.0).round() / 10.0,
        rss_after_connect,
        proc_mib("VmHWM:"),
        body.join(",")
    );
}
