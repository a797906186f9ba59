// @ts-check
'use strict'
// OperationsPool (exported also as TasksPool): the JS face of the native scheduler.
//
// The task functions stay here, in `_queued` (waiting) and `_active` (running); the native side
// owns the queue order (priority with aging), the concurrency limit, retry decisions and all
// counters. A task costs a share of one synchronous native call: its submission (start now?)
// and its completion (which task starts next?) are buffered and sent with everything else of
// the same microtask wave in one `exchange` (lib/pool/exchange.js). Native tasks (the S3
// requests of a client sharing this pool) come back through one weak wake-up callback, and
// only while someone listens.

const { EventEmitter } = require('node:events')
const { performance } = require('node:perf_hooks')
const { NativeOperationsPool } = require('./native.js')
const { normalizeOptions, nativeOptions, parseTimeout, isUserRetryable, isTransient } = require('./pool/options.js')
const { Deadlines } = require('./pool/deadlines.js')
const { Task, TaskContext, timeoutError, cancelError } = require('./pool/task.js')
const { AdaptiveTuning } = require('./pool/adaptive-tuning.js')
const { taskPayload, metricsPayload, statsPayload, taskMetricsPayload, MetadataRing } = require('./pool/payloads.js')
const { deriveSignature, SignatureStats } = require('./pool/signature.js')
const { TaskIds } = require('./pool/task-ids.js')
const monitor = require('./pool/monitor.js')
const { emitNative, emitSafely, listenersChanged } = require('./pool/events.js')
const { noticeLevels, logPoolNotice } = require('./plugins-surface/client-log.js')
const batch = require('./pool/batch.js')
const controls = require('./pool/controls.js')
const { QueuedTable } = require('./pool/queued-table.js')
const keepAlive = require('./pool/keep-alive.js')
const { Exchange, STATE_IDLE, STATE_QUIET } = require('./pool/exchange.js')

const NO_OPTIONS = Object.freeze({})
const SMI_LIMIT = 2 ** 30

/** Ids arrive as doubles; stored as small integers, every task keeps one field layout (a
 * layout change would migrate every queued task object). */
function asId (value) {
  return value < SMI_LIMIT ? value | 0 : value
}

// One shared executor: no closure per promise.
const captured = { resolve: null, reject: null }
function capture (resolve, reject) {
  captured.resolve = resolve
  captured.reject = reject
}

/**
 * The callback the native side holds (strongly) to wake this pool. Built outside the constructor
 * so that its closure holds only a WeakRef: a closure made in the constructor would share the
 * constructor's context, which holds `this`, and the pool could never be collected.
 */
function wakeUpFor (pool) {
  const ref = new WeakRef(pool)
  return () => { ref.deref()?._collect() }
}

class OperationsPool extends EventEmitter {
  constructor (options = {}) {
    super()
    const o = normalizeOptions(options)
    this.features = o.features
    this.lightMode = o.features.profile === 'light' || o.features.profile === 'bare'
    this.bareMode = o.features.profile === 'bare'
    this.retries = o.configuredRetries
    this.retryDelay = o.retryDelay
    this.timeout = o.configuredTimeout
    this.retryableErrors = o.retryableErrors
    this.retryStrategy = o.retryStrategy
    this.queue = o.queue
    this.priorityConfig = o.queue
    this.monitoring = o.monitoring
    this.autoTuning = o.autoTuning
    this.autoTuningConfig = o.tuningRequested ? o.autoTuning : undefined
    this.tuner = null
    this.autoConcurrency = o.concurrency === 'auto'
    this.signatureStats = o.features.signatureInsights
      ? new SignatureStats({ alpha: o.monitoring.signatureAlpha, maxEntries: o.monitoring.signatureMaxEntries })
      : null

    this._retries = o.retries // what runs: 0 in the bare profile
    this._timeout = o.timeout
    this._configured = o.concurrency // 'auto' or the number asked for
    this._native = new NativeOperationsPool(
      nativeOptions({ ...o, concurrency: this.autoConcurrency ? 1 : o.concurrency }),
      wakeUpFor(this),
    )
    this._ids = new TaskIds()
    this._queued = new QueuedTable()
    this._exchange = new Exchange(
      this._native,
      (tasks, submitted, granted, state) => this._applyExchange(tasks, submitted, granted, state),
      this.lightMode
    )
    this._active = [] // running tasks; each knows its index (`activeIndex`)
    this._now = -1 // one clock reading for all tasks started by one exchange
    this._running = null
    this._deadlines = new Deadlines((task, attempt) => this._expire(task, attempt))
    this._drainWaiters = []
    this._quietWaiters = []
    this._stopped = false
    this._keepingAlive = false
    this._on = {
      started: false, completed: false, error: false, retry: false, metrics: false, drained: false, any: false
    }
    this._noticeLogger = null
    this._collectMetadata = o.monitoring.collectMetrics
    this._sampleHeap = o.monitoring.mode === 'full'
    this._recentMetadata = new MetadataRing(1000) // for getTaskMetrics, like the native records
    this._signatureCache = { name: null, priority: 0, signature: '' }
    this._signatureTick = 0
    this._foreignTuner = false // a tuner object of the app's own (not an AdaptiveTuning)
    this._lastTuned = null
    this._exported = { at: 0, completed: 0 }
    this._announceDrained = () => this._drainedIfStillIdle()
    this.on('newListener', (name) => this._listenersChanged(name, true))
    this.on('removeListener', (name) => this._listenersChanged(name, false))
    if (o.tuningRequested) {
      const instance = o.autoTuning.instance
      this.setTuner(instance || new AdaptiveTuning(o.autoTuning))
      // A tuner sets the number; only a bare 'auto' keeps reading back as 'auto'.
      this._configured = this._native.concurrency
    } else if (this.autoConcurrency && !this.bareMode) {
      this.setTuner(new AdaptiveTuning(o.autoTuning || {}))
    }
  }

  // ----- tasks ---------------------------------------------------------------------------

  /** Queues `fn(context)`; resolves or rejects with its outcome. */
  enqueue (fn, options) {
    if (typeof fn !== 'function') {
      return Promise.reject(new TypeError(`OperationsPool.enqueue expects a function, got ${fn === null ? 'null' : typeof fn}`))
    }
    const promise = new Promise(capture)
    const task = this._createTask(fn, options || NO_OPTIONS, captured.resolve, captured.reject)
    if (task === null) return promise
    if (this._running !== null) this._becomeComposite(this._running)
    this._submit(task)
    return promise
  }

  _createTask (fn, options, resolve, reject) {
    let timeout = this._timeout
    let retries = this._retries
    if (!this.bareMode) {
      try {
        if (options.timeout !== undefined) timeout = parseTimeout(options.timeout, this._timeout)
        if (options.retries !== undefined) retries = Math.max(0, Math.floor(Number(options.retries))) || 0
      } catch (err) {
        reject(err)
        return null
      }
    }
    const priority = +options.priority || 0
    const metadata = options.metadata !== undefined ? options.metadata : null
    const task = new Task(fn, priority, retries, timeout, metadata, resolve, reject)
    // Signatures of tasks with metadata are fixed at enqueue time (as s3db.js does); the
    // common case, no metadata, is derived from the function name when first needed.
    if (options.signature) task.signature = String(options.signature)
    else if (metadata !== null) task.signature = deriveSignature(fn, metadata, undefined, priority)
    return task
  }

  /** A task enqueued from inside `parent` (ctx.enqueue): parent gives its slot to children. */
  _enqueueChild (parent, fn, options) {
    if (!parent.settled) this._becomeComposite(parent)
    return this.enqueue(fn, options)
  }

  _becomeComposite (task) {
    if (task.composite || task.settled) return
    task.composite = true
    this._startIds(this._native.releaseSlot(task.id))
  }

  _resolveWaiters (list) {
    if (this._keepingAlive) this._updateKeepAlive()
    for (let i = 0; i < list.length; i++) list[i]()
  }

  /** Holds the process open while JS waits on work a native completion may hand over. */
  _updateKeepAlive () {
    const need = this._queued.live > 0 || this._drainWaiters.length > 0 || this._quietWaiters.length > 0
    if (need === this._keepingAlive) return
    this._keepingAlive = need
    if (need) keepAlive.hold()
    else keepAlive.release()
  }

  /** Internal entry for batch helpers: callbacks instead of a promise. */
  _enqueueWith (fn, options, resolve, reject) {
    const task = this._createTask(fn, options, resolve, reject)
    if (task === null) return
    if (this._running !== null) this._becomeComposite(this._running)
    this._submit(task)
  }

  _submit (task) {
    if (this._stopped) {
      task.settled = true
      task.reject(cancelError())
      task.release()
      return
    }
    this._exchange.submit(task)
  }

  /** The native answer to one batch: start, queue or cancel each submitted task. */
  _applyExchange (tasks, submitted, granted, state) {
    const toStart = []
    for (let i = 0; i < granted.length; i++) {
      const task = this._queued.take(granted[i])
      if (task !== undefined) toStart.push(task)
      else this._exchange.complete(granted[i], false) // not ours any more: give the slot back
    }
    for (let i = 0; i < tasks.length; i++) {
      const r = submitted[i]
      const task = tasks[i]
      if (r > 0) {
        task.id = asId(r)
        toStart.push(task)
      } else if (r < 0) {
        task.id = asId(-r)
        this._queued.set(-r, task)
      } else {
        this._cancel(task, cancelError())
      }
    }
    if (this._keepingAlive !== (this._queued.live > 0)) this._updateKeepAlive()
    this._now = toStart.length > 1 ? performance.now() : -1
    for (let i = 0; i < toStart.length; i++) this._start(toStart[i])
    this._now = -1
    if (state === STATE_IDLE) this._settledAll(true)
    else if (state === STATE_QUIET) this._settledAll(false)
  }

  /** Sends buffered submissions and completions before reading or changing native state. */
  _sync () {
    if (this._exchange.pending > 0) this._exchange.flush()
  }

  _startIds (ids) {
    for (let i = 0; i < ids.length; i++) this._startById(ids[i])
  }

  _startById (id) {
    const task = this._queued.take(id)
    if (this._keepingAlive && this._queued.live === 0) this._updateKeepAlive()
    if (task === undefined) {
      // Not ours any more (stopped meanwhile): hand the slot back.
      this._exchange.complete(id, false)
      return
    }
    this._start(task)
  }

  _start (task) {
    const attempt = ++task.attempt
    task.waiting = false
    // A function that declares no parameter never sees its context (nor its signal): skip it.
    const context = task.fn.length === 0 ? null : new TaskContext(task, this)
    task.context = context
    if (attempt === 1) {
      task.activeIndex = this._active.length
      this._active.push(task)
      if (this._sampleHeap) task.more().heapBefore = process.memoryUsage().heapUsed
      if (this._on.started) this._emitSafely('pool:taskStarted', taskPayload(this, task, false))
    }
    if (task.timeout > 0) this._deadlines.add(task, attempt, this._now >= 0 ? this._now : performance.now())
    const outer = this._running
    this._running = task
    let result
    try {
      result = task.fn(context)
    } catch (err) {
      this._running = outer
      queueMicrotask(() => this._failed(task, attempt, err))
      return
    }
    this._running = outer
    if (result instanceof Promise) {
      // The common case: two reactions, no extra promise chain.
      result.then((value) => this._succeeded(task, attempt, value), (err) => this._failed(task, attempt, err))
    } else {
      this._settleAttempt(task, attempt, result)
    }
  }

  /** Awaits the attempt's outcome (a promise, a thenable or a plain value, which settles on a
   * microtask, so a long run of synchronous tasks never nests). */
  async _settleAttempt (task, attempt, result) {
    let value
    try {
      value = await result
    } catch (err) {
      this._failed(task, attempt, err)
      return
    }
    this._succeeded(task, attempt, value)
  }

  _removeActive (task) {
    const list = this._active
    const last = list.pop()
    if (last !== task && last !== undefined) {
      list[task.activeIndex] = last
      last.activeIndex = task.activeIndex
    }
  }

  _succeeded (task, attempt, value) {
    if (task.settled || task.attempt !== attempt || task.waiting) return
    this._finish(task, true, value)
  }

  _failed (task, attempt, err) {
    if (task.settled || task.attempt !== attempt || task.waiting) return
    if (attempt <= task.retries && !this._stopped && isUserRetryable(err, this.retryableErrors)) {
      const delay = this._native.retryDelay(task.id, isTransient(err))
      if (delay >= 0) {
        task.waiting = true
        const extra = task.more()
        extra.failedAttempts.push({ attempt, error: err instanceof Error ? err.message : String(err) })
        extra.retryDelays.push(delay)
        if (this._on.retry) this._emitSafely('pool:taskRetry', taskPayload(this, task, false), attempt)
        extra.backoffTimer = setTimeout(() => {
          extra.backoffTimer = null
          if (!task.settled && !this._stopped) this._start(task)
        }, delay)
        return
      }
    }
    this._finish(task, false, err)
  }

  _expire (task, attempt) {
    if (task.settled || task.attempt !== attempt || task.waiting) return
    const err = timeoutError(this._ids.format(task.id), task.timeout)
    task.context?.abort(err)
    this._failed(task, attempt, err)
  }

  _finish (task, ok, value) {
    task.settled = true
    this._removeActive(task)
    const on = this._on
    const payload = (on.completed && ok) || (on.error && !ok) || on.metrics ? taskPayload(this, task, true) : null
    if (this.signatureStats !== null || this._foreignTuner) monitor.taskFinished(this, task, ok, payload)
    this._exchange.complete(task.id, ok)
    if (this._collectMetadata) this._recentMetadata.record(task.id, task.metadata)
    if (payload !== null) {
      if (on.metrics && this.monitoring.enabled !== false) this._emitSafely('pool:taskMetrics', metricsPayload(payload))
      if (ok && on.completed) this._emitSafely('pool:taskCompleted', payload, value)
      if (!ok && on.error) this._emitSafely('pool:taskError', payload, value)
    }
    const settle = ok ? task.resolve : task.reject
    task.release()
    settle(value)
    if (this._foreignTuner) controls.applyTunedConcurrency(this)
    if (this.monitoring.exporter !== null) {
      this._sync()
      monitor.exportSample(this, 'task', false)
    }
  }

  /** Nothing runs any more; `idle` when nothing is queued either. */
  _settledAll (idle) {
    this._deadlines.clear()
    if (this._quietWaiters.length > 0) this._resolveWaiters(this._quietWaiters.splice(0))
    if (idle) {
      if (this._on.drained) queueMicrotask(this._announceDrained)
      if (this._drainWaiters.length > 0) this._finishDrain()
    }
  }

  /** 'pool:drained' after the last task's awaiters have run, and only if they queued nothing
   * (s3db.js 19.5.10 announces it from a later reaction, so code that awaits a task and at
   * once enqueues the next one sees no 'drained' in between). */
  _drainedIfStillIdle () {
    if (this._exchange.pending === 0 && this._queued.live === 0 && this._native.isIdle()) this._emitSafely('pool:drained')
  }

  _finishDrain () {
    const waiters = this._drainWaiters.splice(0)
    this._native.setWakeOnSettle(this._quietWaiters.length > 0)
    this._emitSafely('pool:drained')
    if (this.monitoring.exporter !== null) monitor.exportSample(this, 'drain', true)
    this._resolveWaiters(waiters)
  }

  /** Called (through the weak wake-up) when native work left something for JS. */
  _collect () {
    this._sync()
    this._startIds(this._native.takeReady())
    if (this._on.any || this._noticeLogger) {
      const events = this._native.takeEvents()
      for (let i = 0; i < events.length; i++) this._emitNative(events[i])
    }
    if (this._quietWaiters.length > 0 && this._native.isQuiet()) {
      this._deadlines.clear()
      this._resolveWaiters(this._quietWaiters.splice(0))
    }
    if (this._drainWaiters.length > 0 && (this._native.isIdle() || (this._stopped && this._native.isQuiet()))) {
      this._finishDrain()
    }
  }

  _emitNative (event) { emitNative(this, event) }

  /**
   * Logs the native pool's notices through `logger` as s3db.js's S3Client logs its requests:
   * slow requests at warn, retries at debug. Levels are read now; off they cost nothing.
   */
  logNoticesTo (logger) {
    this._noticeLogger = logger
    const { slowMs, retries } = noticeLevels(logger)
    this._native.setNotices(slowMs, retries)
  }

  _logNotice (name, task, attempt) {
    if (!this._noticeLogger) return
    try {
      logPoolNotice(this._noticeLogger, this, name, task, attempt)
    } catch { /* a logger that throws must not break the pool */ }
  }

  /** A throwing listener must not break the scheduler: its error goes to 'error' listeners. */
  _emitSafely (name, ...args) {
    if (this.features.emitEvents) emitSafely(this, name, args)
  }

  _listenersChanged (name, added) { listenersChanged(this, name, added) }

  // ----- the scheduler, for lib/pool/ helpers ----------------------------------------------
  // Only this class holds the native handle and the waiters; helpers call these by name. Each
  // sends buffered submissions and completions first and starts the JS tasks a change grants.

  _schedulerPause () {
    this._sync()
    this._native.pause()
  }

  /** `beforeStart` runs between the resume and the start of the tasks it grants. */
  _schedulerResume (beforeStart) {
    this._sync()
    const ids = this._native.resume()
    beforeStart()
    this._startIds(ids)
  }

  /** Marks the pool stopped; returns the JS tasks that were queued (the caller cancels them). */
  _schedulerStop () {
    this._sync()
    this._stopped = true
    this._native.stop()
    const queued = this._queued.takeAll()
    if (this._keepingAlive) this._updateKeepAlive()
    this._queued.clear()
    return queued
  }

  /** A fixed concurrency (the caller detaches the tuner first). */
  _schedulerConcurrency (n) {
    this._sync()
    this._startIds(this._native.setConcurrency(n))
  }

  /** A NativeAdaptiveTuning the scheduler follows, or null for none. */
  _schedulerTuner (nativeTuner) {
    this._sync()
    this._startIds(this._native.setTuner(nativeTuner))
  }

  /** Timings of a running task (`{ queueWait, runningFor, ..., startedAt }`), or null. */
  _runningTimings (id) { return this._native.runningTimings(id) }

  /** The stored record of a finished task, or null. */
  _taskRecord (id) {
    this._sync()
    return this._native.taskRecord(id)
  }

  /** The scheduler's counters and rolling figures, as the native side shapes them. */
  _schedulerStats () {
    this._sync()
    return this._native.stats()
  }

  /** Native events are buffered only while someone listens. */
  _setListening (on) { this._native.setListening(on) }

  /**
   * null when the pool has settled already: nothing runs (`drained` false) or nothing is
   * queued or running (or stopped with nothing running: `drained` true). Else a promise that
   * resolves when it has.
   */
  _whenSettled (drained) {
    this._sync()
    // Ask for the wake-up before looking: a native task may finish in between.
    this._native.setWakeOnSettle(true)
    const settled = drained
      ? this._native.isIdle() || (this._stopped && this._native.isQuiet())
      : this._native.isQuiet()
    if (settled) {
      this._native.setWakeOnSettle(this._drainWaiters.length + this._quietWaiters.length > 0)
      return null
    }
    return new Promise((resolve) => {
      (drained ? this._drainWaiters : this._quietWaiters).push(resolve)
      this._updateKeepAlive()
    })
  }

  /** After stop(): waiters resolve once nothing runs any more. */
  _settledAfterStop () {
    if (!this._native.isQuiet()) return
    this._deadlines.clear()
    this._resolveWaiters(this._quietWaiters.splice(0))
    if (this._drainWaiters.length > 0) this._finishDrain()
  }

  // ----- controls (lib/pool/controls.js: off every task's path) ---------------------------

  pause () { return controls.pause(this) }
  resume () { controls.resume(this) }
  stop () { controls.stop(this) }
  drain () { return controls.drain(this) }
  setConcurrency (n) { controls.setConcurrency(this, n) }
  setTuner (tuner) { controls.setTuner(this, tuner) }

  /** Rejects a task that will never run (stopped pool, or refused by the scheduler). */
  _cancel (task, err) {
    if (task.settled) return
    task.settled = true
    const reject = task.reject
    task.release()
    reject(err)
  }

  /** Scheduler kick; starts whatever native work made ready. */
  processNext () {
    this._collect()
  }

  /** 'auto' when asked for without a tuner's number; else the number in force. */
  get concurrency () { return this._configured === 'auto' ? 'auto' : this._native.concurrency }
  get effectiveConcurrency () { return this._native.concurrency }
  getConcurrency () { return this.concurrency }
  get paused () { return this.getStats().paused }
  get stopped () { return this._stopped }
  get stats () { return this.getStats() }

  /** The native scheduler handle, for native clients that send their requests through it. */
  get nativePool () { return this._native }

  // ----- stats ---------------------------------------------------------------------------

  getStats () {
    const stats = statsPayload(this._schedulerStats())
    stats.concurrency = this.concurrency
    return stats
  }

  /** Id string of a scheduler id (what listeners and task contexts see). */
  _idOf (n) { return this._ids.format(n) }

  /** The signature of a JS task (see lib/pool/signature.js). */
  _signatureOf (task) {
    if (task.signature !== null) return task.signature
    const name = (task.fn !== null && task.fn.name) || 'anonymous'
    const cache = this._signatureCache
    if (name !== cache.name || task.priority !== cache.priority) {
      cache.name = name
      cache.priority = task.priority
      cache.signature = deriveSignature(task.fn, null, undefined, task.priority)
    }
    return cache.signature
  }

  getSignatureInsights (limit = 5) {
    return this.signatureStats ? this.signatureStats.snapshot(limit) : []
  }

  /** The last 1000 finished tasks by id (with `monitoring.collectMetrics`), as a Map. */
  get taskMetrics () { return monitor.taskMetricsMap(this) }

  getRollingMetrics () {
    const rolling = this.getStats().rolling
    return { samples: rolling.samples, throughput: rolling.throughput }
  }

  getTaskMetrics (taskId) {
    const id = this._ids.parse(taskId)
    if (id < 0) return undefined
    const record = this._taskRecord(id)
    if (record == null) return undefined
    return taskMetricsPayload(this, record, this._recentMetadata.get(record.id))
  }

  getAggregateMetrics (since = 0) {
    this._sync()
    const a = this._native.aggregateMetrics(Number(since) || 0)
    if (a == null) return null
    return { ...a, avgHeapDelta: 0, autoTuning: this.tuner ? this.tuner.getMetrics() : null }
  }

  // ----- batches and sources (lib/pool/batch.js) ------------------------------------------

  addBatch (fns, options) { return batch.addBatch(this, fns, options) }
  map (source, fn, options) { return batch.map(this, source, fn, options) }
  process (items, processor, options) { return batch.processItems(this, items, processor, options) }

  /** Stops the pool, waits for running tasks, and drops listeners. */
  async destroy () {
    this.stop()
    await this.drain()
    this.removeAllListeners()
  }

  static map (items, fn, options = {}) {
    const pool = new OperationsPool({
      concurrency: options.concurrency ?? 10,
      retries: options.retries ?? 0,
      timeout: options.timeout ?? 0
    })
    return batch.mapOnce(pool, items, (item, index) => fn(item, index), options)
  }
}

module.exports = { OperationsPool, TasksPool: OperationsPool, AdaptiveTuning }
