// @ts-check
'use strict'
// Plain snapshot objects for events and stats (api §4.7, §4.8, §11 item 8). Built only when
// someone listens or asks.

const { deriveSignature } = require('./signature.js')

/** Snapshot of a JS task; `finished` adds completion times. */
function taskPayload (pool, task, finished) {
  const t = pool._runningTimings(task.id)
  const queueWait = t ? t.queueWait : 0
  const running = t ? t.runningFor : 0
  const heapAfter = pool._sampleHeap && finished ? process.memoryUsage().heapUsed : 0
  return {
    id: pool._idOf(task.id),
    signature: pool._signatureOf(task),
    priority: task.priority,
    retries: task.retries,
    timeout: task.timeout,
    metadata: task.metadataObject(),
    attemptCount: task.attempt,
    createdAt: t ? t.createdAt : Date.now(),
    startedAt: t ? t.startedAt : Date.now(),
    completedAt: finished ? Date.now() : null,
    timings: {
      queueWait,
      execution: finished ? running : null,
      retryDelays: task.extra ? task.extra.retryDelays : [],
      retryDelayTotal: t ? t.retryDelayTotal : 0,
      total: finished ? queueWait + running : null,
      failedAttempts: task.extra ? task.extra.failedAttempts : [],
      overhead: 0,
    },
    performance: {
      heapUsedBefore: task.extra ? task.extra.heapBefore : 0,
      heapUsedAfter: heapAfter,
      heapDelta: heapAfter && task.extra ? heapAfter - task.extra.heapBefore : 0,
    },
  }
}

function metricsPayload (task) {
  return { taskId: task.id, timings: task.timings, performance: task.performance, metadata: task.metadata }
}

/** Snapshot of a native task (an S3 request), from the native event record. */
function nativeTaskPayload (pool, t) {
  return {
    id: pool._idOf(t.id),
    signature: deriveSignature(null, t.metadata, undefined, t.priority),
    priority: t.priority,
    retries: t.retries,
    timeout: t.timeout ?? 0,
    metadata: t.metadata,
    attemptCount: t.attemptCount,
    createdAt: t.createdAt,
    startedAt: t.startedAt ?? null,
    completedAt: t.completedAt ?? null,
    timings: {
      queueWait: t.queueWait ?? 0,
      execution: t.execution ?? null,
      retryDelays: t.retryDelays,
      retryDelayTotal: t.retryDelayTotal,
      total: t.total ?? null,
      failedAttempts: t.failedAttempts,
      overhead: 0,
    },
    performance: { heapUsedBefore: 0, heapUsedAfter: 0, heapDelta: 0 },
  }
}

function nativeError (event) {
  /** @type {Error & { code?: string }} */
  const err = new Error(event.errorMessage || 'native task failed')
  err.name = event.errorName || 'Error'
  if (event.errorCode) err.code = event.errorCode
  return err
}

function statsPayload (s) {
  const samples = s.samples.length === 5
    ? {
        sampleSize: s.samples[0],
        avgQueueWait: s.samples[1],
        avgExecution: s.samples[2],
        avgRetries: s.samples[3],
        errorRate: s.samples[4]
      }
    : null
  const throughput = s.throughput.length === 3
    ? { windowMs: s.throughput[0], throughputPerSec: s.throughput[1], successRate: s.throughput[2] }
    : null
  return {
    queueSize: s.queueSize,
    activeCount: s.activeCount,
    submittedCount: s.submittedCount,
    processedCount: s.processedCount,
    errorCount: s.errorCount,
    retryCount: s.retryCount,
    concurrency: s.concurrency,
    effectiveConcurrency: s.concurrency,
    paused: s.paused,
    stopped: s.stopped,
    rolling: { samples, throughput },
  }
}

function taskMetricsPayload (pool, r, metadata) {
  return {
    id: pool._idOf(r.id),
    metadata,
    timings: {
      queueWait: r.queueWait,
      execution: r.execution,
      retryDelayTotal: r.retryDelayTotal,
      total: r.total,
      failedAttempts: r.failedAttempts,
    },
    performance: { heapUsedBefore: 0, heapUsedAfter: 0, heapDelta: 0 },
    attemptCount: r.attemptCount,
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    completedAt: r.completedAt,
    success: r.success,
  }
}

/** Metadata of the last finished tasks, by id (the native side keeps their timings). */
class MetadataRing {
  constructor (size) {
    this.ids = new Float64Array(size)
    this.values = new Array(size).fill(null)
    this.next = 0
  }

  record (id, metadata) {
    const slot = this.next
    this.ids[slot] = id
    this.values[slot] = metadata
    this.next = slot + 1 === this.ids.length ? 0 : slot + 1
  }

  get (id) {
    for (let i = 0; i < this.ids.length; i++) if (this.ids[i] === id) return this.values[i] ?? {}
    return {}
  }
}

module.exports = {
  MetadataRing, taskPayload, metricsPayload, nativeTaskPayload, nativeError, statsPayload, taskMetricsPayload
}
