// @ts-check
'use strict'
// Pool events: which ones are listened to (so nothing is built for nobody), events of native
// tasks collected from the native side, and listeners that throw.

const { metricsPayload, nativeTaskPayload, nativeError } = require('./payloads.js')

const TASK_EVENTS = ['pool:taskStarted', 'pool:taskCompleted', 'pool:taskError', 'pool:taskRetry', 'pool:taskMetrics', 'pool:drained']

/** Emits; a listener's throw goes to 'error' listeners (or a warning), never into the scheduler. */
function emitSafely (pool, name, args) {
  try {
    pool.emit(name, ...args)
  } catch (err) {
    if (pool.listenerCount('error') > 0) pool.emit('error', err)
    else process.emitWarning(`OperationsPool '${name}' listener threw: ${err && err.message}`)
  }
}

/** One event collected from the native side (a native task's, or the pool's). */
function emitNative (pool, event) {
  const name = event.name
  if (name === 'pool:paused' || name === 'pool:resumed' || name === 'pool:stopped') return // JS emits these itself
  if (name === 'pool:drained') return emitSafely(pool, name, [])
  const task = nativeTaskPayload(pool, event.task)
  if (name === 'pool:taskSlow' || name === 'pool:taskRetry') pool._logNotice(name, task, event.attempt)
  if (name === 'pool:taskSlow') return
  if (name === 'pool:taskRetry') emitSafely(pool, name, [task, event.attempt])
  else if (name === 'pool:taskError') emitSafely(pool, name, [task, nativeError(event)])
  else if (name === 'pool:taskMetrics') emitSafely(pool, name, [metricsPayload(task)])
  else emitSafely(pool, name, [task])
}

/** Keeps `pool._on` flags (and native event buffering) in line with the listeners. */
function listenersChanged (pool, name, added) {
  if (!TASK_EVENTS.includes(name) || !pool.features.emitEvents) return
  const has = (event) => pool.listenerCount(event) > 0 || (added && event === name)
  const on = pool._on
  on.started = has('pool:taskStarted')
  on.completed = has('pool:taskCompleted')
  on.error = has('pool:taskError')
  on.retry = has('pool:taskRetry')
  on.metrics = has('pool:taskMetrics')
  on.drained = has('pool:drained')
  const any = TASK_EVENTS.some(has)
  if (any !== on.any) {
    on.any = any
    pool._setListening(any)
  }
}

module.exports = { TASK_EVENTS, emitSafely, emitNative, listenersChanged }
