'use strict'
// Pool controls (api §4.2): pause, resume, stop, drain and concurrency changes. None of them is
// on a task's path; they change the scheduler's state through the pool's internals, as
// events.js does, while lib/operations-pool.js keeps the task lifecycle.

const { parseConcurrency } = require('./options.js')
const { cancelError } = require('./task.js')
const { AdaptiveTuning } = require('./adaptive-tuning.js')

/** Stops starting tasks; resolves when running ones have settled. */
function pause (pool) {
  pool._sync()
  pool._native.pause()
  pool._emitSafely('pool:paused')
  // Ask for the wake-up before looking: a native task may finish in between.
  pool._native.setWakeOnSettle(true)
  if (pool._native.isQuiet()) {
    pool._native.setWakeOnSettle(pool._drainWaiters.length > 0)
    return Promise.resolve()
  }
  return new Promise((resolve) => {
    pool._quietWaiters.push(resolve)
    pool._updateKeepAlive()
  })
}

function resume (pool) {
  pool._sync()
  const ids = pool._native.resume()
  pool._emitSafely('pool:resumed')
  pool._startIds(ids)
}

/** Irreversible: rejects queued and running tasks, aborts their signals and backoffs. */
function stop (pool) {
  if (pool._stopped) return
  pool._sync()
  pool._stopped = true
  pool._native.stop()
  const queued = pool._queued.takeAll()
  if (pool._keepingAlive) pool._updateKeepAlive()
  const running = pool._active
  pool._queued.clear()
  pool._active = []
  for (const task of queued) pool._cancel(task, cancelError())
  for (const task of running) {
    const err = cancelError()
    task.context?.abort(err)
    if (task.extra !== null && task.extra.backoffTimer !== null) clearTimeout(task.extra.backoffTimer)
    pool._native.complete(task.id, false)
    pool._cancel(task, err)
  }
  pool._deadlines.clear()
  pool._emitSafely('pool:stopped')
  if (pool._native.isQuiet()) {
    pool._resolveWaiters(pool._quietWaiters.splice(0))
    if (pool._drainWaiters.length > 0) pool._finishDrain()
  }
}

/** Resolves when nothing is queued or running. */
function drain (pool) {
  pool._sync()
  // Ask for the wake-up before looking: a native task may finish in between.
  pool._native.setWakeOnSettle(true)
  if (pool._native.isIdle() || (pool._stopped && pool._native.isQuiet())) {
    pool._native.setWakeOnSettle(pool._drainWaiters.length + pool._quietWaiters.length > 0)
    pool._emitSafely('pool:drained')
    return Promise.resolve()
  }
  return new Promise((resolve) => {
    pool._drainWaiters.push(resolve)
    pool._updateKeepAlive()
  })
}

/** A number >= 1 (fixed) or 'auto' (adaptive tuner). Takes effect at once. */
function setConcurrency (pool, n) {
  const value = parseConcurrency(n, undefined)
  if (value === undefined) throw new RangeError('Concurrency must be >= 1')
  if (value === 'auto') {
    pool.autoConcurrency = true
    pool.setTuner(pool.tuner || new AdaptiveTuning(pool.autoTuning || {}))
    return
  }
  pool.autoConcurrency = false
  pool.tuner = null
  pool._sync()
  pool._startIds(pool._native.setConcurrency(value))
}

/** Attaches an AdaptiveTuning: concurrency follows it from now on. */
function setTuner (pool, tuner) {
  pool._sync()
  if (tuner === null || tuner === undefined) {
    pool.tuner = null
    pool._startIds(pool._native.setTuner(null))
    return
  }
  if (!(tuner instanceof AdaptiveTuning)) throw new TypeError('setTuner expects an AdaptiveTuning instance')
  pool.tuner = tuner
  pool.autoConcurrency = true
  pool._startIds(pool._native.setTuner(tuner._native))
}

module.exports = { pause, resume, stop, drain, setConcurrency, setTuner }
