//! `NativeAdaptiveTuning`: the adaptive tuner as a JS object, attachable to a pool.

use std::sync::{Arc, Mutex};

use napi_derive::napi;
use s3db_core::pool::{SharedTuner, Tuner};

use super::shapes::{ms, tuner_metrics, NativeTunerMetrics, NativeTunerOptions};

/// The adaptive tuner; attach it with `NativeOperationsPool.setTuner`. It has no timer: an
/// attached tuner adjusts on task completions once its interval has passed.
#[napi]
pub struct NativeAdaptiveTuning {
    pub(super) tuner: SharedTuner,
}

#[napi]
impl NativeAdaptiveTuning {
    #[napi(constructor, catch_unwind)]
    pub fn new(options: NativeTunerOptions) -> Self {
        Self {
            tuner: Arc::new(Mutex::new(Tuner::new(options.into_config()))),
        }
    }

    #[napi(getter)]
    pub fn concurrency(&self) -> u32 {
        s3db_core::pool::tuner::lock(&self.tuner).concurrency() as u32
    }

    #[napi(catch_unwind)]
    pub fn record(&self, latency_ms: f64, queue_wait_ms: f64, success: bool, retries: u32) {
        let sample = s3db_core::pool::tuner::TaskSample {
            latency: ms(Some(latency_ms)).unwrap_or_default(),
            queue_wait: ms(Some(queue_wait_ms)).unwrap_or_default(),
            success,
            retries,
        };
        s3db_core::pool::tuner::lock(&self.tuner).record(sample);
    }

    /// One adjustment step now; the new concurrency, or null when unchanged.
    #[napi(catch_unwind)]
    pub fn adjust(&self) -> Option<u32> {
        s3db_core::pool::tuner::lock(&self.tuner)
            .adjust()
            .map(|n| n as u32)
    }

    #[napi(catch_unwind)]
    pub fn metrics(&self) -> NativeTunerMetrics {
        tuner_metrics(s3db_core::pool::tuner::lock(&self.tuner).metrics())
    }

    /// The starting value for this machine (api §4.9).
    #[napi(catch_unwind)]
    pub fn suggest_initial(&self) -> u32 {
        let t = s3db_core::pool::tuner::lock(&self.tuner);
        s3db_core::pool::tuner::suggest_initial(t.config(), s3db_core::pool::tuner::system_memory())
            as u32
    }
}
