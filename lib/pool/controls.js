// @ts-check
'use strict'
// Pool controls (api §4.2): pause, resume, stop, drain and concurrency changes. None of them is
// on a task's path. They go through the pool's named scheduler methods (`_schedulerPause`,
// `_whenSettled`, ...) like every other helper in lib/pool/; only lib/operations-pool.js holds
// the native handle and the waiters.

const { parseConcurrency } = require('./options.js')
const { cancelError } = require('./task.js')
const { AdaptiveTuning } = require('./adaptive-tuning.js')
const { exportSample } = require('./monitor.js')

/** Stops starting tasks; resolves when running ones have settled. */
function pause (pool) {
  pool._schedulerPause()
  pool._emitSafely('pool:paused')
  return pool._whenSettled(false) ?? Promise.resolve()
}

function resume (pool) {
  pool._schedulerResume(() => pool._emitSafely('pool:resumed'))
}

/**
 * Irreversible. Queued tasks reject with `Task cancelled by stop()`; running tasks finish on
 * their own (their signal is aborted, a failure is final); a task waiting to retry rejects with
 * an AbortError whose cause is the cancellation (as s3db.js 19.5.10 does).
 */
function stop (pool) {
  if (pool._stopped) return
  const queued = pool._schedulerStop()
  for (const task of queued) pool._cancel(task, cancelError())
  for (const task of pool._active.slice()) {
    const reason = cancelError()
    task.context?.abort(reason)
    if (task.waiting && !task.settled) {
      if (task.extra !== null && task.extra.backoffTimer !== null) clearTimeout(task.extra.backoffTimer)
      pool._finish(task, false, abortError(reason))
    }
  }
  pool._emitSafely('pool:stopped')
  if (typeof pool.tuner?.stop === 'function') pool.tuner.stop()
  pool._settledAfterStop()
}

function abortError (cause) {
  /** @type {Error & { code?: string }} */
  const err = new Error('The operation was aborted', { cause })
  err.name = 'AbortError'
  err.code = 'ABORT_ERR'
  return err
}

/** Resolves when nothing is queued or running. */
function drain (pool) {
  const waiting = pool._whenSettled(true)
  if (waiting !== null) return waiting
  pool._emitSafely('pool:drained')
  if (pool.monitoring.exporter !== null) exportSample(pool, 'drain', true)
  return Promise.resolve()
}

/** A number >= 1 (fixed) or 'auto' (adaptive tuner). Takes effect at once. */
function setConcurrency (pool, n) {
  const value = parseConcurrency(n, undefined)
  if (value === undefined) throw new RangeError('Concurrency must be >= 1')
  if (value === 'auto') {
    pool.autoConcurrency = true
    pool.setTuner(pool.tuner || new AdaptiveTuning(pool.autoTuning || {}))
    pool._configured = 'auto'
    return
  }
  pool.autoConcurrency = false
  pool.tuner = null
  pool._foreignTuner = false
  pool._configured = value
  pool._schedulerTuner(null)
  pool._schedulerConcurrency(value)
}

/**
 * Attaches a tuner: an AdaptiveTuning (run by the native scheduler), or any object with
 * `getConcurrency()` (and optionally `recordTaskMetrics(sample)`, `stop()`), fed by JS after
 * every JS task. null detaches.
 */
function setTuner (pool, tuner) {
  if (tuner === null || tuner === undefined) {
    pool.tuner = null
    pool._foreignTuner = false
    pool._schedulerTuner(null)
    return
  }
  if (tuner instanceof AdaptiveTuning) {
    pool.tuner = tuner
    pool._foreignTuner = false
    pool.autoConcurrency = true
    pool._schedulerTuner(tuner.nativeTuner)
    return
  }
  if (typeof tuner !== 'object' || typeof tuner.getConcurrency !== 'function') {
    throw new TypeError('setTuner expects an AdaptiveTuning or an object with getConcurrency()')
  }
  pool.tuner = tuner
  pool._foreignTuner = true
  pool._schedulerTuner(null)
  applyTunedConcurrency(pool)
}

/** Follows a foreign tuner's number when it changed. */
function applyTunedConcurrency (pool) {
  const tuned = pool.tuner.getConcurrency()
  if (typeof tuned !== 'number' || !(tuned > 0) || tuned === pool._lastTuned) return
  pool._lastTuned = tuned
  const value = parseConcurrency(tuned, undefined)
  pool._configured = value
  if (value !== pool.effectiveConcurrency) pool._schedulerConcurrency(value)
}

module.exports = { pause, resume, stop, drain, setConcurrency, setTuner, applyTunedConcurrency }
