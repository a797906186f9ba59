//! The napi binding of s3db-native: thin wrappers that move data between JS and the core.
//! Business logic lives in `crates/core`; the public JS API lives in `index.js` and `lib/`.

// Core errors are large by design (see crates/core); they only travel on the error path.
#![allow(clippy::result_large_err)]

mod client;
mod completions;
mod connection_string;
mod convert;
mod errors;
mod js_store;
mod json;
mod keys;
mod operations_pool;
mod request_reports;
mod resource;
mod s3db_json;
mod schema;
// Hooks only the JS tests call (a deliberate panic); not in release builds.
#[cfg(feature = "test-hooks")]
mod self_test;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc commits whole arenas up front on Linux, where they end up in transparent huge
/// pages: ~10 MiB more RSS for a small process. Committing on demand keeps its speed without it.
fn lazy_commit_allocator() {
    // `mi_option_arena_eager_commit` in mimalloc's option enum (the same index in v2 and v3).
    const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
    // SAFETY: setting an option is a plain store into mimalloc's option table.
    unsafe { libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0) };
}

/// Runtime threads: `S3DB_NATIVE_THREADS` when set (1-64), else 2. The work per request is
/// small (signing, parsing); more threads mostly add wake-ups that compete with Node's own.
fn worker_threads() -> usize {
    std::env::var("S3DB_NATIVE_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| (1..=64).contains(n))
        .unwrap_or(2)
}

/// One multi-threaded runtime for every native object of this module instance. Its threads are
/// not Node handles, so an idle addon never keeps the process alive.
#[napi_derive::module_init]
fn init() {
    lazy_commit_allocator();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(worker_threads())
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
