//! Hooks that let the JS test suite prove a Rust panic becomes a JS error instead of killing
//! Node. They are exported by the binding only, not by the public API, and built only with the
//! `test-hooks` feature (`npm run build`), not into release builds.

use crate::errors::guarded;
use napi_derive::napi;

#[napi(catch_unwind)]
pub fn self_test_panic_sync() {
    panic!("deliberate panic in a synchronous call");
}

#[napi]
pub async fn self_test_panic_async() -> napi::Result<()> {
    guarded(async { panic!("deliberate panic in an asynchronous call") }).await
}
