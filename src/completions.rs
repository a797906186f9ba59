//! One wake-up of the JS thread settles every request that finished since the last one.
//!
//! A `#[napi] async fn` creates a threadsafe function per call (a libuv async handle and an env
//! cleanup hook, made and torn down on the JS thread) and wakes the loop once per result. Here
//! each JS thread has one long-lived threadsafe function and a queue of finished requests: the
//! runtime thread that finishes a request pushes its result, and only the push that finds the
//! queue empty wakes the JS thread, whose callback then settles the whole queue at once. The
//! threadsafe function keeps the process alive only while requests are in flight, as the
//! per-call ones did.

use crate::errors::{panicked, to_napi};
use futures::FutureExt;
use napi::bindgen_prelude::{PromiseRaw, ToNapiValue};
use napi::{check_status, sys, Env};
use s3db_core::StoreError;
use std::cell::{Cell, RefCell};
use std::ffi::c_void;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::ptr;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

/// Turns a finished request's output into its JS value (on the JS thread).
type Settle = Box<dyn FnOnce(sys::napi_env) -> napi::Result<sys::napi_value> + Send>;

struct Finished {
    deferred: sys::napi_deferred,
    settle: Settle,
}

/// Shared between the JS thread and the runtime's threads.
struct Queue {
    finished: Vec<Finished>,
    /// Null once the environment is torn down: nothing may call into it any more.
    tsfn: sys::napi_threadsafe_function,
}

// SAFETY: the deferreds and the threadsafe function are only used on the JS thread, except
// `napi_call_threadsafe_function`, which is made to be called from any thread; the mutex hands
// them from one side to the other.
unsafe impl Send for Queue {}

struct Shared(Mutex<Queue>);

impl Shared {
    /// Queues a finished request; the push that finds the queue empty wakes the JS thread.
    fn finish(&self, done: Finished) {
        let Ok(mut queue) = self.0.lock() else { return };
        if queue.tsfn.is_null() {
            return; // the environment is gone, and its promise with it
        }
        let wake = queue.finished.is_empty();
        queue.finished.push(done);
        if wake {
            // SAFETY: the pointer is live while non-null (the cleanup hook nulls it under this
            // lock before Node finalizes the function).
            unsafe {
                sys::napi_call_threadsafe_function(
                    queue.tsfn,
                    ptr::null_mut(),
                    sys::ThreadsafeFunctionCallMode::nonblocking,
                )
            };
        }
    }
}

/// The JS thread's side: its threadsafe function and how many requests are in flight.
struct Local {
    shared: Arc<Shared>,
    tsfn: sys::napi_threadsafe_function,
    in_flight: Cell<usize>,
}

thread_local! {
    // One per JS thread: the main thread and each worker have their own environment.
    static LOCAL: RefCell<Option<Rc<Local>>> = const { RefCell::new(None) };
}

/// Starts `work` on the runtime and returns the promise it settles.
pub fn promise<'env, T, F>(env: &'env Env, work: F) -> napi::Result<PromiseRaw<'env, T>>
where
    T: ToNapiValue + Send + 'static,
    F: Future<Output = Result<T, StoreError>> + Send + 'static,
{
    let local = local(env)?;
    let mut deferred = ptr::null_mut();
    let mut raw_promise = ptr::null_mut();
    check_status!(
        unsafe { sys::napi_create_promise(env.raw(), &mut deferred, &mut raw_promise) },
        "could not create a promise"
    )?;
    if local.in_flight.get() == 0 {
        check_status!(unsafe { sys::napi_ref_threadsafe_function(env.raw(), local.tsfn) })?;
    }
    local.in_flight.set(local.in_flight.get() + 1);
    let shared = local.shared.clone();
    let deferred = SendDeferred(deferred);
    napi::bindgen_prelude::spawn(async move {
        let outcome = AssertUnwindSafe(work).catch_unwind().await;
        let settle: Settle = Box::new(move |env| match outcome {
            Ok(Ok(value)) => unsafe { T::to_napi_value(env, value) },
            Ok(Err(err)) => Err(to_napi(err)),
            Err(panic) => Err(panicked(panic)),
        });
        shared.finish(Finished {
            deferred: deferred.into_raw(),
            settle,
        });
    });
    Ok(PromiseRaw::new(env.raw(), raw_promise))
}

/// A deferred on its way to the runtime and back; only the JS thread touches what it points to.
struct SendDeferred(sys::napi_deferred);
// SAFETY: carried, never dereferenced, off the JS thread.
unsafe impl Send for SendDeferred {}
impl SendDeferred {
    // A method, so the closure above captures the whole wrapper (which is `Send`), not its field.
    fn into_raw(self) -> sys::napi_deferred {
        self.0
    }
}

/// This thread's queue, made on first use.
fn local(env: &Env) -> napi::Result<Rc<Local>> {
    if let Some(local) = LOCAL.with(|l| l.borrow().clone()) {
        return Ok(local);
    }
    let shared = Arc::new(Shared(Mutex::new(Queue {
        finished: Vec::new(),
        tsfn: ptr::null_mut(),
    })));
    let mut name = ptr::null_mut();
    let label = "s3db-native completions";
    check_status!(unsafe {
        sys::napi_create_string_utf8(
            env.raw(),
            label.as_ptr().cast(),
            label.len() as isize,
            &mut name,
        )
    })?;
    // The threadsafe function owns one reference to the queue, given back by its finalizer.
    let context = Arc::into_raw(shared.clone()) as *mut c_void;
    let mut tsfn = ptr::null_mut();
    let created = check_status!(unsafe {
        sys::napi_create_threadsafe_function(
            env.raw(),
            ptr::null_mut(),
            ptr::null_mut(),
            name,
            0,
            1,
            context,
            Some(finalize),
            context,
            Some(settle_finished),
            &mut tsfn,
        )
    });
    if let Err(err) = created {
        drop(unsafe { Arc::from_raw(context as *const Shared) });
        return Err(err);
    }
    // Idle until a request is in flight.
    check_status!(unsafe { sys::napi_unref_threadsafe_function(env.raw(), tsfn) })?;
    if let Ok(mut queue) = shared.0.lock() {
        queue.tsfn = tsfn;
    }
    // Registered after the function, so it runs before Node's own teardown of it (cleanup
    // hooks run in reverse order). It holds its own reference to the queue.
    let hook = Arc::into_raw(shared.clone()) as *mut c_void;
    check_status!(unsafe { sys::napi_add_env_cleanup_hook(env.raw(), Some(teardown), hook) })?;
    let local = Rc::new(Local {
        shared,
        tsfn,
        in_flight: Cell::new(0),
    });
    LOCAL.with(|l| *l.borrow_mut() = Some(local.clone()));
    Ok(local)
}

/// The threadsafe function's callback, on the JS thread: settles every queued request.
unsafe extern "C" fn settle_finished(
    env: sys::napi_env,
    _js_callback: sys::napi_value,
    context: *mut c_void,
    _data: *mut c_void,
) {
    // A null env: the queue is drained while the environment closes; nothing to settle.
    if env.is_null() || context.is_null() {
        return;
    }
    let shared = unsafe { &*(context as *const Shared) };
    let batch = match shared.0.lock() {
        Ok(mut queue) => std::mem::take(&mut queue.finished),
        Err(_) => return,
    };
    let settled = batch.len();
    for done in batch {
        match (done.settle)(env) {
            Ok(value) => unsafe { sys::napi_resolve_deferred(env, done.deferred, value) },
            Err(err) => {
                let reason =
                    unsafe { ToNapiValue::to_napi_value(env, err) }.unwrap_or(ptr::null_mut());
                unsafe { sys::napi_reject_deferred(env, done.deferred, reason) }
            }
        };
    }
    LOCAL.with(|l| {
        if let Some(local) = l.borrow().as_ref() {
            let left = local.in_flight.get().saturating_sub(settled);
            local.in_flight.set(left);
            if left == 0 {
                unsafe { sys::napi_unref_threadsafe_function(env, local.tsfn) };
            }
        }
    });
}

/// The environment closes: no more calls into its threadsafe function, and this thread's
/// queue is forgotten (a worker's thread ends with it).
unsafe extern "C" fn teardown(hook: *mut c_void) {
    let shared = unsafe { Arc::from_raw(hook as *const Shared) };
    if let Ok(mut queue) = shared.0.lock() {
        queue.tsfn = ptr::null_mut();
        queue.finished.clear();
    }
    LOCAL.with(|l| l.borrow_mut().take());
}

unsafe extern "C" fn finalize(_env: sys::napi_env, data: *mut c_void, _hint: *mut c_void) {
    drop(unsafe { Arc::from_raw(data as *const Shared) });
}
