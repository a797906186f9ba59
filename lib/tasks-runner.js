// @ts-check
'use strict'
// TasksRunner: the general-purpose task runner of s3db.js 19.5.10 (bounded concurrency,
// priorities, retries with exponential backoff, per-attempt timeouts, batch helpers over arrays
// and (async) iterables). It runs the app's own functions only; the client's S3 requests go
// through OperationsPool. Plain JS: its tasks are the app's, and so is its event loop.
//
// Events: taskStart(task), taskComplete(task, result), taskError(task, error),
// taskRetry(task, attempt), drained, paused, resumed, stopped, tuner:error(error).

const { EventEmitter } = require('node:events')
const { FifoQueue, PriorityQueue } = require('./pool/task-queues.js')
const { deriveSignature, lengthHint, SignatureStats } = require('./pool/signature.js')
const { isUserRetryable } = require('./pool/options.js')
const { TaskIds } = require('./pool/task-ids.js')
const { AdaptiveTuning } = require('./pool/adaptive-tuning.js')
const { cancelError } = require('./pool/task.js')

const NOT_RUN = Symbol('notRun')
const FAILED = Symbol('failed')

function rate (value) {
  if (typeof value !== 'number' || Number.isNaN(value)) return 1
  return Math.min(1, Math.max(0, value))
}

function enforcesTimeout (runner, timeout) {
  return !runner.bareMode && typeof timeout === 'number' && Number.isFinite(timeout) && timeout > 0
}

function sleep (ms) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function average (list) {
  return list.length === 0 ? 0 : list.reduce((a, b) => a + b, 0) / list.length
}

function percentile (list, p) {
  if (list.length === 0) return 0
  const sorted = list.slice().sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))]
}

function zeroStats () {
  return { queueSize: 0, activeCount: 0, processedCount: 0, errorCount: 0, retryCount: 0 }
}

/** What listeners and `queue` see of one task. */
class RunnerTask {
  constructor (id, fn, options, runner) {
    this.id = id
    this.fn = fn
    this.priority = options.priority || 0
    this.retries = options.retries ?? runner.retries
    this.timeout = options.timeout ?? runner.timeout
    this.metadata = { ...(options.metadata || {}) }
    this.attemptCount = 0
    this.createdAt = Date.now()
    this.signature = deriveSignature(fn, this.metadata, options.signature, this.priority)
    this.promise = null
    this.resolve = null
    this.reject = null
    this.telemetry = undefined
  }
}

class TasksRunner extends EventEmitter {
  constructor (options = {}) {
    super()
    const o = options || {}
    const mon = o.monitoring || {}
    const retries = o.retries ?? 3
    const monitoringRequested = mon.enabled ?? false
    const tuning = o.autoTuning || null
    const tuningRequested = Boolean(tuning && (tuning.enabled || tuning.instance))
    // Without retries, priorities or tuning the runner needs no heap: first in, first out.
    let profile = o.features?.profile || (retries > 0 || o.priority || tuningRequested ? 'balanced' : 'light')
    const mode = monitoringRequested
      ? mon.mode || (mon.collectMetrics || mon.mode === 'detailed' ? 'detailed' : 'passive')
      : 'light'
    if (profile === 'light' && monitoringRequested && mode !== 'passive') profile = 'balanced'
    this.features = {
      profile,
      emitEvents: o.features?.emitEvents ?? profile !== 'bare',
      trackProcessedItems: o.features?.trackProcessedItems ?? (profile !== 'light' && profile !== 'bare'),
      signatureInsights: o.features?.signatureInsights ?? true,
    }
    this.lightMode = profile === 'light' || profile === 'bare'
    this.bareMode = profile === 'bare'

    this.concurrency = o.concurrency || 5
    this.retries = retries
    this.retryDelay = o.retryDelay || 1000
    this.timeout = o.timeout ?? 30000
    this.retryableErrors = o.retryableErrors || []

    this._queue = this.lightMode ? new FifoQueue() : new PriorityQueue()
    this.active = new Set()
    this.paused = false
    this.stopped = false
    this.stats = zeroStats()
    /** @type {any[] | null} */
    this.processedItems = this.features.trackProcessedItems ? [] : null
    this.taskMetrics = new Map()

    const enabled = !this.bareMode && monitoringRequested
    const collectMetrics = enabled && ((mon.collectMetrics ?? false) || mode === 'detailed')
    this.monitoring = {
      enabled,
      mode,
      collectMetrics,
      sampleRate: rate(mon.sampleRate ?? 1),
      maxSamples: Math.max(1, mon.maxSamples ?? 512),
      rollingWindowMs: mon.rollingWindowMs ?? 1000,
      reportInterval: mon.reportInterval ?? 1000,
      telemetryRate: rate(mon.telemetrySampleRate ?? (collectMetrics || tuningRequested ? 1 : 0.2)),
      signatureSampleLimit: Math.max(1, mon.signatureSampleLimit ?? 8),
      exporter: typeof mon.exporter === 'function' ? mon.exporter : null,
    }
    this.signatureStats = this.features.signatureInsights
      ? new SignatureStats({ alpha: mon.signatureAlpha, maxEntries: mon.signatureMaxEntries })
      : null

    this._ids = new TaskIds()
    this._nextId = 1
    this._waiters = [] // resolved whenever a task settles (and on resume/stop)
    this._exported = { at: 0, completed: 0 }
    this._lastTuned = null
    this._lastAdjust = Date.now()
    this.tuner = null
    if (!this.bareMode && tuningRequested) {
      this.autoTuningConfig = tuning
      this.tuner = tuning.instance || new AdaptiveTuning(tuning)
      const tuned = this.tuner.getConcurrency()
      if (typeof tuned === 'number' && tuned > 0) {
        this.setConcurrency(tuned)
        this._lastTuned = tuned
      }
    }
  }

  static get notRun () { return NOT_RUN }
  static get failed () { return FAILED }

  /** Waiting tasks (heap order for the priority line). */
  get queue () { return this._queue.toArray() }

  // ----- tasks ---------------------------------------------------------------------------

  enqueue (fn, options = {}) {
    const task = new RunnerTask(this._ids.format(this._nextId++), fn, options || {}, this)
    if (this._tracksTelemetry()) {
      task.telemetry = { enqueuedAt: task.createdAt, startedAt: undefined, failedAttempts: [] }
    }
    task.promise = new Promise((resolve, reject) => {
      task.resolve = resolve
      task.reject = reject
    })
    this._queue.enqueue(task)
    this.stats.queueSize = this._queue.length
    this.processNext()
    return task.promise
  }

  /** Starts queued tasks while slots are free. */
  processNext () {
    while (!this.paused && !this.stopped && this.active.size < this.concurrency && this._queue.length > 0) {
      const task = this._queue.dequeue()
      this.stats.queueSize = this._queue.length
      if (task.telemetry) task.telemetry.startedAt = Date.now()
      const run = this._run(task)
      this.active.add(run)
      this.stats.activeCount = this.active.size
      this._emit('taskStart', task)
      run.then((value) => this._settled(run, task, true, value), (err) => this._settled(run, task, false, err))
    }
  }

  _settled (run, task, ok, value) {
    this.active.delete(run)
    this.stats.activeCount = this.active.size
    if (!this.bareMode) {
      if (ok) {
        this.stats.processedCount++
        if (this.processedItems) this.processedItems.push(task.metadata.item)
      } else {
        this.stats.errorCount++
      }
      this._recordMetrics(task, ok, ok ? undefined : value)
    }
    if (ok) task.resolve(value)
    else task.reject(value)
    this._emit(ok ? 'taskComplete' : 'taskError', task, value)
    this._export('task', false)
    this._wakeWaiters()
    this.processNext()
    if (this.active.size === 0 && this._queue.length === 0) this._emit('drained')
  }

  async _run (task) {
    if (this.bareMode || (task.retries === 0 && !enforcesTimeout(this, task.timeout))) {
      task.attemptCount = 1
      return this._attempt(task)
    }
    for (let attempt = 0; ; attempt++) {
      task.attemptCount = attempt + 1
      const began = this.monitoring.enabled ? Date.now() : 0
      try {
        return await this._attempt(task)
      } catch (err) {
        if (this.monitoring.enabled && task.telemetry) {
          task.telemetry.failedAttempts.push({
            attempt: attempt + 1,
            duration: Date.now() - began,
            errorName: err?.name || err?.constructor?.name || 'Error',
            errorMessage: err?.message || '',
          })
        }
        if (attempt >= task.retries || !isUserRetryable(err, this.retryableErrors)) throw err
        this.stats.retryCount++
        this._emit('taskRetry', task, attempt + 1)
        await sleep(this.retryDelay * 2 ** attempt)
      }
    }
  }

  async _attempt (task) {
    const operation = task.fn()
    if (!enforcesTimeout(this, task.timeout)) return await operation
    let timer
    const expired = new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`Task ${task.id} timed out after ${task.timeout}ms`)), task.timeout)
    })
    try {
      return await Promise.race([operation, expired])
    } finally {
      clearTimeout(timer)
    }
  }

  // ----- batches ---------------------------------------------------------------------------

  /** `processor(item, index, runner)` over an array: `{ results, errors }` (completion order). */
  process (items, processor, options = {}) {
    const total = typeof items?.length === 'number' && Number.isFinite(items.length) ? items.length : options?.totalCount
    return this.processIterable(items, processor, { ...options, totalCount: total })
  }

  /** Like process() for any sync or async iterable; pulls an item only when a slot is free. */
  async processIterable (iterable, processor, options = {}) {
    const o = options || {}
    const results = []
    const errors = []
    const total = typeof o.totalCount === 'number' && o.totalCount >= 0 ? o.totalCount : null
    let done = 0
    const progress = (item) => {
      done++
      if (!o.onProgress) return
      const percentage = total !== null && total > 0 ? ((done / total) * 100).toFixed(2) : null
      o.onProgress(item, { processedCount: done, totalCount: total, percentage })
    }
    let index = 0
    for await (const item of iterable) {
      if (this.stopped) break
      const i = index++
      this.enqueue(() => processor(item, i, this), this._itemOptions(o, item, i))
        .then((result) => {
          results.push(result)
          o.onItemComplete?.(item, result)
          progress(item)
        })
        .catch((error) => {
          errors.push({ item, error, index: i })
          o.onItemError?.(item, error)
          progress(item)
        })
      if (this.active.size >= this.concurrency) await this._waitForSlot()
    }
    await this.drain()
    return { results, errors }
  }

  /** Results in input order: the value, `TasksRunner.failed`, or `TasksRunner.notRun`. */
  async processCorresponding (items, processor, options = {}) {
    const o = options || {}
    const results = new Array(items.length).fill(NOT_RUN)
    for (let i = 0; i < items.length; i++) {
      if (this.stopped) break
      const item = items[i]
      this.enqueue(() => processor(item, i, this), this._itemOptions(o, item, i))
        .then((result) => { results[i] = result })
        .catch((error) => {
          results[i] = FAILED
          o.onItemError?.(item, error)
        })
      if (this.active.size >= this.concurrency) await this._waitForSlot()
    }
    await this.drain()
    return results
  }

  _itemOptions (o, item, index) {
    return {
      priority: o.priority,
      retries: o.retries,
      timeout: o.timeout,
      metadata: { item, index, itemLength: lengthHint(item) }
    }
  }

  // ----- controls --------------------------------------------------------------------------

  async pause () {
    this.paused = true
    while (this.active.size > 0) await this._nextSettle()
    this._emit('paused')
  }

  resume () {
    this.paused = false
    this.processNext()
    this._wakeWaiters()
    this._emit('resumed')
  }

  /** Cancels queued tasks; running ones finish on their own. */
  stop () {
    this.stopped = true
    this._queue.flush((task) => {
      task.promise.catch(() => {})
      task.reject(cancelError())
    })
    this.stats.queueSize = 0
    this._wakeWaiters()
    this._emit('stopped')
  }

  /** Resolves when nothing is queued or running (queued tasks of a paused runner wait for resume). */
  async drain () {
    while ((this._queue.length > 0 && !this.stopped) || this.active.size > 0) await this._nextSettle()
    this._emit('drained')
  }

  setConcurrency (n) {
    if (typeof n !== 'number' || !(n >= 1)) throw new Error('Concurrency must be >= 1')
    this.concurrency = n
    this.processNext()
  }

  getConcurrency () { return this.concurrency }

  reset () {
    this._queue = this.lightMode ? new FifoQueue() : new PriorityQueue()
    this.active.clear()
    this.paused = false
    this.stopped = false
    this.processedItems = this.features.trackProcessedItems ? [] : null
    this.taskMetrics.clear()
    this.signatureStats?.reset()
    this._waiters = []
    this.stats = zeroStats()
  }

  destroy () {
    this.stop()
    this.removeAllListeners()
    if (typeof this.tuner?.stop === 'function') this.tuner.stop()
  }

  async _waitForSlot () {
    while (this.active.size >= this.concurrency) await this._nextSettle()
  }

  _nextSettle () {
    return new Promise((resolve) => this._waiters.push(resolve))
  }

  _wakeWaiters () {
    if (this._waiters.length === 0) return
    const waiters = this._waiters
    this._waiters = []
    for (const resolve of waiters) resolve()
  }

  _emit (name, ...args) {
    if (this.features.emitEvents) this.emit(name, ...args)
  }

  // ----- stats and monitoring --------------------------------------------------------------

  getStats () {
    return {
      ...this.stats,
      queueSize: this._queue.length,
      activeCount: this.active.size,
      concurrency: this.concurrency,
      paused: this.paused,
      stopped: this.stopped,
      rolling: this.getRollingMetrics(),
    }
  }

  getRollingMetrics () {
    if (!this.monitoring.enabled || !this.monitoring.collectMetrics) return null
    const entries = [...this.taskMetrics.values()]
    if (entries.length === 0) return { sampleSize: 0, avgQueueWait: 0, avgExecution: 0, avgRetries: 0, errorRate: 0 }
    return {
      sampleSize: entries.length,
      avgQueueWait: average(entries.map((e) => e.timings.queueWait)),
      avgExecution: average(entries.map((e) => e.timings.execution)),
      avgRetries: average(entries.map((e) => (e.attemptCount || 1) - 1)),
      errorRate: entries.filter((e) => !e.success).length / entries.length,
    }
  }

  getSignatureInsights (limit = 5) {
    return this.signatureStats ? this.signatureStats.snapshot(limit) : []
  }

  getAggregateMetrics (since = 0) {
    if (!this.monitoring.enabled || !this.monitoring.collectMetrics) return null
    const entries = [...this.taskMetrics.values()].filter((e) => !since || e.completedAt > since)
    if (entries.length === 0) return null
    const executions = entries.map((e) => e.timings.execution)
    return {
      count: entries.length,
      avgQueueWait: average(entries.map((e) => e.timings.queueWait)),
      avgExecution: average(executions),
      avgTotal: average(entries.map((e) => e.timings.total)),
      p50Execution: percentile(executions, 0.5),
      p95Execution: percentile(executions, 0.95),
      p99Execution: percentile(executions, 0.99),
      errorRate: entries.filter((e) => !e.success).length / entries.length,
      avgRetries: average(entries.map((e) => (e.attemptCount || 1) - 1)),
    }
  }

  getProgress () {
    const completed = this.stats.processedCount + this.stats.errorCount
    const pending = this._queue.length
    const active = this.active.size
    const total = completed + pending + active
    return { total, completed, pending, active, percentage: total > 0 ? ((completed / total) * 100).toFixed(2) : 0 }
  }

  _tracksTelemetry () {
    if (!this.monitoring.enabled && !this.tuner && !this.signatureStats) return false
    if (this.tuner || this.monitoring.mode === 'detailed' || this.monitoring.collectMetrics) return true
    const r = this.monitoring.telemetryRate
    return r >= 1 || (r > 0 && Math.random() < r)
  }

  _samplesMetrics () {
    const m = this.monitoring
    return m.collectMetrics && (m.sampleRate >= 1 || (m.sampleRate > 0 && Math.random() < m.sampleRate))
  }

  _recordMetrics (task, success, error) {
    const telemetry = task.telemetry
    task.telemetry = undefined
    if (!telemetry) {
      this.signatureStats?.record(task.signature, 0, 0, success)
      return
    }
    const completedAt = Date.now()
    const startedAt = telemetry.startedAt ?? completedAt
    const queueWait = Math.max(0, startedAt - telemetry.enqueuedAt)
    const execution = Math.max(0, completedAt - startedAt)
    if (this.monitoring.enabled && this._samplesMetrics()) {
      this.taskMetrics.set(task.id, {
        id: task.id,
        completedAt,
        success,
        attemptCount: task.attemptCount,
        timings: {
          queueWait,
          execution,
          total: Math.max(0, completedAt - task.createdAt),
          failedAttempts: telemetry.failedAttempts
        },
        performance: {},
        error: success ? null : { name: error?.name || error?.constructor?.name || 'Error', message: error?.message || '' },
      })
      if (this.taskMetrics.size > this.monitoring.maxSamples) {
        this.taskMetrics.delete(this.taskMetrics.keys().next().value)
      }
    }
    if (this.tuner) this._feedTuner(task, queueWait, execution, success)
    this.signatureStats?.record(task.signature, queueWait, execution, success)
  }

  _feedTuner (task, queueWait, execution, success) {
    const tuner = this.tuner
    if (typeof tuner.recordTaskMetrics === 'function') {
      try {
        tuner.recordTaskMetrics({
          latency: execution, queueWait, success, retries: (task.attemptCount || 1) - 1, heapDelta: 0
        })
      } catch (err) {
        this._emit('tuner:error', err)
      }
    }
    // Our own tuner has no timer: it takes a step here once its interval has passed.
    if (tuner instanceof AdaptiveTuning && Date.now() - this._lastAdjust >= tuner.adjustmentInterval) {
      this._lastAdjust = Date.now()
      tuner.adjust()
    }
    const tuned = tuner.getConcurrency()
    if (typeof tuned === 'number' && tuned > 0 && tuned !== this._lastTuned && tuned !== this.concurrency) {
      this.setConcurrency(tuned)
      this._lastTuned = tuned
    }
  }

  _export (stage, force) {
    const m = this.monitoring
    if (!m.enabled || !m.exporter) return
    const now = Date.now()
    if (!force && now - this._exported.at < m.reportInterval) return
    const completed = this.stats.processedCount + this.stats.errorCount
    const delta = completed - this._exported.completed
    const elapsed = Math.max(1, now - this._exported.at || m.reportInterval)
    const snapshot = {
      timestamp: now,
      stage,
      profile: this.features.profile,
      queueSize: this._queue.length,
      activeCount: this.active.size,
      processed: this.stats.processedCount,
      errors: this.stats.errorCount,
      retries: this.stats.retryCount,
      throughput: delta > 0 ? (delta / elapsed) * 1000 : 0,
      signatureInsights: this.signatureStats ? this.signatureStats.snapshot(m.signatureSampleLimit) : [],
    }
    this._exported.at = now
    this._exported.completed = completed
    try {
      m.exporter(snapshot)
    } catch { /* an exporter's failure is its own */ }
  }

  // ----- one-liners ------------------------------------------------------------------------

  static async process (items, processor, options = {}) {
    const runner = new TasksRunner(options)
    try {
      return await runner.process(items, processor, options)
    } finally {
      runner.destroy()
    }
  }

  static withConcurrency (concurrency) {
    return new TasksRunner({ concurrency })
  }
}

module.exports = { TasksRunner }
