//! Hooks that let the JS test suite prove a Rust panic becomes a JS error instead of killing
//! Node. They are exported by the binding only, not by the public API, and built only with the
//! `test-hooks` feature (`npm run build`), not into release builds.

use crate::completions;
use napi::bindgen_prelude::PromiseRaw;
use napi::Env;
use napi_derive::napi;

#[napi(catch_unwind)]
pub fn self_test_panic_sync() {
    panic!("deliberate panic in a synchronous call");
}

#[napi(ts_return_type = "Promise<void>")]
pub fn self_test_panic_async(env: &Env) -> napi::Result<PromiseRaw<'_, ()>> {
    completions::promise(env, async {
        panic!("deliberate panic in an asynchronous call");
    })
}
