// @ts-check
'use strict'
// What the pool learns from finished JS tasks beyond its counters: signature statistics, the
// samples a tuner object of the app's own is fed, the snapshots given to
// `monitoring.exporter`, and the `taskMetrics` Map. Only pools that use one of them pay.

const { taskMetricsPayload } = require('./payloads.js')

/** Timings are read from the scheduler for the first tasks of a pool, then for one task in
 * this many (plus every task a listener or a foreign tuner needs them for): the averages are
 * moving averages anyway, and a native call per task would double the cost of a trivial one. */
const TIMING_SAMPLE_MASK = 63

/** Called for a finished JS task before the scheduler hears of it (its timings still there). */
function taskFinished (pool, task, ok, payload) {
  let queueWait
  let execution
  if (payload !== null) {
    queueWait = payload.timings.queueWait
    execution = payload.timings.execution
  } else if (pool._foreignTuner || (++pool._signatureTick & TIMING_SAMPLE_MASK) === 0 ||
    pool._signatureTick <= TIMING_SAMPLE_MASK) {
    const t = pool._runningTimings(task.id)
    if (t) {
      queueWait = t.queueWait
      execution = t.runningFor
    }
  }
  if (pool.signatureStats !== null) pool.signatureStats.record(pool._signatureOf(task), queueWait, execution, ok)
  if (pool._foreignTuner && typeof pool.tuner.recordTaskMetrics === 'function') {
    try {
      pool.tuner.recordTaskMetrics({
        latency: execution ?? 0,
        queueWait: queueWait ?? 0,
        success: ok,
        retries: Math.max(0, task.attempt - 1),
        heapDelta: 0
      })
    } catch (err) {
      pool._emitSafely('tuner:error', err)
    }
  }
}

/** A snapshot for `monitoring.exporter`: at most one per `reportInterval`, unless forced. */
function exportSample (pool, stage, force) {
  const m = pool.monitoring
  if (!m.enabled || m.exporter === null) return
  const now = Date.now()
  const last = pool._exported
  if (!force && now - last.at < m.reportInterval) return
  const s = pool._schedulerStats()
  const completed = s.processedCount + s.errorCount
  const delta = completed - last.completed
  const elapsed = Math.max(1, now - last.at || m.reportInterval)
  const snapshot = {
    timestamp: now,
    stage,
    profile: pool.features.profile,
    queueSize: s.queueSize,
    activeCount: s.activeCount,
    processed: s.processedCount,
    errors: s.errorCount,
    retries: s.retryCount,
    throughput: delta > 0 ? (delta / elapsed) * 1000 : 0,
    signatureInsights: pool.signatureStats ? pool.signatureStats.snapshot(m.signatureSampleLimit) : [],
  }
  last.at = now
  last.completed = completed
  try {
    m.exporter(snapshot)
  } catch { /* an exporter's failure is its own */ }
}

/** The last finished tasks (oldest first) by id, with `monitoring.collectMetrics`. */
function taskMetricsMap (pool) {
  const map = new Map()
  if (!pool.monitoring.collectMetrics) return map
  const ring = pool._recentMetadata
  const size = ring.ids.length
  for (let k = 0; k < size; k++) {
    const slot = (ring.next + k) % size
    const id = ring.ids[slot]
    if (id === 0) continue
    const record = pool._taskRecord(id)
    if (record != null) map.set(pool._idOf(id), taskMetricsPayload(pool, record, ring.values[slot] ?? {}))
  }
  return map
}

module.exports = { taskFinished, exportSample, taskMetricsMap }
