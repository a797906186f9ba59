//! The napi binding of s3db-native: thin wrappers that move data between JS and the core.
//! Business logic lives in `crates/core`; the public JS API lives in `index.js` and `lib/`.

// Core errors are large by design (see crates/core); they only travel on the error path.
#![allow(clippy::result_large_err)]

mod client;
mod connection_string;
mod convert;
mod errors;
mod operations_pool;
mod resource;
mod self_test;

/// One multi-threaded runtime for every native object of this module instance. Its threads are
/// not Node handles, so an idle addon never keeps the process alive.
#[napi_derive::module_init]
fn init() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(16)
        .thread_name("s3db-native")
        .enable_all()
        .build();
    match runtime {
        Ok(runtime) => napi::bindgen_prelude::create_custom_tokio_runtime(runtime),
        Err(err) => {
            eprintln!("s3db-native: could not start its runtime, using the default one: {err}")
        }
    }
}
