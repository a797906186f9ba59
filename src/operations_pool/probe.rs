//! `runNativeProbe`: a diagnostic native task for the JS tests, built only with the
//! `test-hooks` feature (`npm run build`), not into release builds.

use std::sync::{Arc, Mutex};

use napi_derive::napi;
use s3db_core::pool::{PoolError, TaskFailure, TaskOptions};

use super::shapes::ms;
use super::NativeOperationsPool;

#[napi]
impl NativeOperationsPool {
    /// Runs one native task through the pool: sleeps `duration_ms` per attempt and fails the
    /// first `failures` attempts (retryable or not). Resolves with the attempt count. Used by
    /// tests to drive native work (and its events) without an object store. Only in builds
    /// with the `test-hooks` feature (`npm run build`), not in release builds.
    #[napi]
    pub async fn run_native_probe(
        &self,
        duration_ms: f64,
        failures: u32,
        retryable: bool,
        priority: f64,
        label: String,
    ) -> napi::Result<u32> {
        let pool = self.pool.clone();
        let attempts = Arc::new(Mutex::new(0u32));
        let counter = attempts.clone();
        let delay = ms(Some(duration_ms)).unwrap_or_default();
        let work = async move {
            let options = TaskOptions::default()
                .priority(priority)
                .meta("operation", "probe")
                .meta("key", label);
            pool.run(options, move || {
                let counter = counter.clone();
                async move {
                    let n = {
                        let mut c = counter.lock().unwrap_or_else(|p| p.into_inner());
                        *c += 1;
                        *c
                    };
                    tokio::time::sleep(delay).await;
                    if n <= failures {
                        Err(ProbeError::Failed { retryable })
                    } else {
                        Ok(())
                    }
                }
            })
            .await
        };
        match tokio::spawn(work).await {
            Ok(Ok(())) => Ok(*attempts.lock().unwrap_or_else(|p| p.into_inner())),
            Ok(Err(e)) => Err(napi::Error::new(
                napi::Status::GenericFailure,
                format!("{}: {e}", e.name()),
            )),
            Err(join) => Err(napi::Error::new(
                napi::Status::GenericFailure,
                format!("native probe failed: {join}"),
            )),
        }
    }
}

#[derive(Debug)]
enum ProbeError {
    Failed { retryable: bool },
    Pool(PoolError),
}

impl std::fmt::Display for ProbeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProbeError::Failed { .. } => f.write_str("probe failure"),
            ProbeError::Pool(e) => e.fmt(f),
        }
    }
}

impl TaskFailure for ProbeError {
    fn is_retryable(&self) -> bool {
        match self {
            ProbeError::Failed { retryable } => *retryable,
            ProbeError::Pool(e) => e.is_retryable(),
        }
    }
    fn from_pool(error: PoolError) -> Self {
        ProbeError::Pool(error)
    }
    fn name(&self) -> &str {
        match self {
            ProbeError::Failed { .. } => "ProbeError",
            ProbeError::Pool(e) => e.name(),
        }
    }
    fn code(&self) -> Option<String> {
        match self {
            ProbeError::Failed { .. } => None,
            ProbeError::Pool(e) => e.code(),
        }
    }
}
