// @ts-check
'use strict'
// AdaptiveTuning (api §4.9) over the native tuner. It has no timer: attached to a pool it
// adjusts on task completions once `adjustmentInterval` has passed, so it never keeps a process
// alive (the original's interval did). `adjust()` runs one step on demand.

const os = require('node:os')
const { NativeAdaptiveTuning } = require('../native.js')

function positive (value, fallback) {
  const n = Number(value)
  return value === undefined || value === null || !Number.isFinite(n) || n <= 0 ? fallback : n
}

class AdaptiveTuning {
  constructor (options = {}) {
    const o = options || {}
    this.minConcurrency = Math.floor(positive(o.minConcurrency, 1))
    this.maxConcurrency = Math.max(this.minConcurrency, Math.floor(positive(o.maxConcurrency, 100)))
    this.targetLatency = positive(o.targetLatency, 200)
    this.targetMemoryPercent = positive(o.targetMemoryPercent, 0.7)
    this.adjustmentInterval = positive(o.adjustmentInterval ?? o.adjustInterval, 5000)
    this.stopped = false
    this._native = new NativeAdaptiveTuning({
      minConcurrency: this.minConcurrency,
      maxConcurrency: this.maxConcurrency,
      targetLatency: this.targetLatency,
      targetMemoryPercent: this.targetMemoryPercent,
      adjustmentInterval: this.adjustmentInterval,
    })
  }

  get currentConcurrency () { return this._native.concurrency }

  /** The native tuner a pool's scheduler follows once this is attached (`setTuner`). */
  get nativeTuner () { return this._native }

  /** The starting value for this machine, from `os.totalmem()` / `os.freemem()` read now (the
   * native tuner's rule: a step by total memory, less when memory is busy, halved, within the
   * bounds). */
  suggestInitial () {
    const MIB = 1024 * 1024
    const total = os.totalmem()
    if (!(total > 0)) return this._native.suggestInitial()
    const used = (total - os.freemem()) / total
    const totalMiB = total / MIB
    let n = totalMiB < 512 ? 2 : totalMiB < 1024 ? 5 : totalMiB < 2048 ? 10
      : totalMiB < 4096 ? 20 : totalMiB < 8192 ? 30 : 50
    if (used > 0.8) n *= 0.5
    else if (used > 0.7) n *= 0.7
    return Math.min(Math.max(Math.floor(n * 0.5), Math.max(1, this.minConcurrency)), Math.max(1, this.maxConcurrency))
  }

  /** Feeds one finished task: `{ latency, queueWait, success, retries }` (ms). */
  recordTaskMetrics ({ latency = 0, queueWait = 0, success = true, retries = 0 } = {}) {
    this._native.record(Number(latency) || 0, Number(queueWait) || 0, success !== false, Math.max(0, retries | 0))
  }

  /** One adjustment step; the new concurrency, or null when unchanged. */
  adjust () {
    if (this.stopped) return null
    return this._native.adjust() ?? null
  }

  getConcurrency () { return this._native.concurrency }

  getMetrics () {
    const m = this._native.metrics()
    return {
      current: m.current,
      avgLatency: m.avgLatency,
      avgMemory: m.avgMemory,
      avgThroughput: m.avgThroughput,
      history: m.history.map((h) => ({ timestamp: h.timestamp, old: h.from, new: h.to, reason: h.reason })),
    }
  }

  /** Nothing to release (no timer); further manual `adjust()` calls do nothing. */
  stop () { this.stopped = true }
}

module.exports = { AdaptiveTuning }
