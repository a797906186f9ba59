// @ts-check
'use strict'
// The JS side of one task: its function, its promise callbacks and its attempt context.
// Scheduling state (queue, slots, counters, timings) lives in the native scheduler.

class Task {
  constructor (fn, priority, retries, timeout, metadata, resolve, reject) {
    this.id = 0
    this.fn = fn
    this.priority = priority
    this.retries = retries
    this.timeout = timeout
    /** null until someone reads it: most tasks never need their own `{}`. */
    this.metadata = metadata
    /** Explicit or metadata-derived signature; null: derived from the function when needed. */
    this.signature = null
    this.resolve = resolve
    this.reject = reject
    this.attempt = 0
    this.settled = false
    /** In a backoff sleep between attempts. */
    this.waiting = false
    /** The task enqueued children from inside itself and gave its slot away. */
    this.composite = false
    this.context = null
    this.activeIndex = -1
    /** Rarely needed state (retries, heap samples), created on first use: tasks stay small. */
    this.extra = null
  }

  more () {
    if (this.extra === null) this.extra = { failedAttempts: [], retryDelays: [], heapBefore: 0, backoffTimer: null }
    return this.extra
  }

  metadataObject () {
    return this.metadata === null ? (this.metadata = {}) : this.metadata
  }

  /** Drops references that could keep user data alive after the task settled. */
  release () {
    this.fn = null
    this.resolve = null
    this.reject = null
    this.context = null
  }
}

/** What a task function receives: `{ id, attempt, retries, metadata, signal }`. */
class TaskContext {
  constructor (task, pool) {
    this.id = pool._idOf(task.id)
    this.attempt = task.attempt
    this.retries = task.retries
    this._task = task
    this._pool = pool
    this._controller = null
    this._abortReason = undefined
  }

  get metadata () {
    const task = this._task
    return task.metadata === null ? (task.metadata = {}) : task.metadata
  }

  /** A real AbortSignal, created on first use; aborted on timeout and on stop(). */
  get signal () {
    if (this._controller === null) {
      this._controller = new AbortController()
      if (this._abortReason !== undefined) this._controller.abort(this._abortReason)
    }
    return this._controller.signal
  }

  /** Enqueues a child task; this task gives up its slot while it waits for its children. */
  enqueue (fn, options) {
    return this._pool._enqueueChild(this._task, fn, options)
  }

  abort (reason) {
    if (this._abortReason !== undefined) return
    this._abortReason = reason
    if (this._controller !== null) this._controller.abort(reason)
  }
}

function timeoutError (id, ms) {
  /** @type {Error & { code?: string }} */
  const err = new Error(`Task ${id} timed out after ${ms}ms`)
  err.name = 'TimeoutError'
  err.code = 'EOPERATIONS_TIMEOUT'
  return err
}

const CANCEL_MESSAGE = 'Task cancelled by stop()'

function cancelError () {
  return new Error(CANCEL_MESSAGE)
}

module.exports = { Task, TaskContext, timeoutError, cancelError, CANCEL_MESSAGE }
