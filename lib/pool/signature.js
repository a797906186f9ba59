// @ts-check
'use strict'
// Task signatures: a short label that groups similar tasks (`fnName[:lengthHint]:p<priority>`,
// or the caller's own `signature`), and the per-signature statistics behind
// getSignatureInsights(). Same labels and statistics as s3db.js 19.5.10 (exponential moving
// averages, alpha 0.2, at most 256 signatures kept, oldest first out).

/** Length of a string or array, else an object's numeric `length` or `size`. */
function lengthHint (item) {
  if (item === null || item === undefined) return undefined
  if (typeof item === 'string' || Array.isArray(item)) return item.length
  if (typeof item === 'object') {
    if (typeof item.length === 'number') return item.length
    if (typeof item.size === 'number') return item.size
  }
  return undefined
}

function functionName (fn) {
  return typeof fn === 'function' && fn.name ? fn.name : 'anonymous'
}

/** The signature of a task from its function, metadata, explicit override and priority. */
function deriveSignature (fn, metadata, override, priority) {
  if (override) return override
  const m = metadata || null
  if (m !== null && m.signature) return m.signature
  const name = functionName(fn)
  let hint
  if (m !== null) {
    hint = m.itemLength ?? m.length ?? (typeof m.size === 'number' ? m.size : undefined)
    if (hint === undefined || hint === null) {
      hint = lengthHint(m.item ?? m.items ?? m.payload ?? m.body ?? m.data ?? m.value)
    }
  }
  const head = hint !== undefined && hint !== null ? `${name}:${hint}` : name
  return `${head}:p${priority || 0}`
}

class SignatureStats {
  constructor (options = {}) {
    const o = options || {}
    this.alpha = typeof o.alpha === 'number' ? o.alpha : 0.2
    this.maxEntries = Math.max(1, o.maxEntries ?? 256)
    this.entries = new Map()
    this.lastSignature = null
    this.lastEntry = undefined
  }

  /** One finished task: `queueWait` and `execution` in ms (undefined: not measured for this
   * task, the averages stay as they are), `success`. */
  record (signature, queueWait, execution, success) {
    if (!signature) return
    // Most pools see one signature over and over: skip the Map for a repeat.
    let entry = signature === this.lastSignature ? this.lastEntry : this.entries.get(signature)
    if (entry === undefined) {
      entry = { signature, count: 0, avgQueueWait: 0, avgExecution: 0, successRate: 1 }
      this.entries.set(signature, entry)
      if (this.entries.size > this.maxEntries) {
        const oldest = this.entries.keys().next().value
        this.entries.delete(oldest)
        if (oldest === this.lastSignature) this.lastSignature = null
      }
    }
    this.lastSignature = signature
    this.lastEntry = entry
    entry.count++
    if (queueWait !== undefined) entry.avgQueueWait = this._mix(entry.avgQueueWait, queueWait || 0)
    if (execution !== undefined) entry.avgExecution = this._mix(entry.avgExecution, execution || 0)
    entry.successRate = this._mix(entry.successRate, success === false ? 0 : 1)
  }

  /** The slowest signatures first (ties: the most frequent), rounded to 2 decimals. */
  snapshot (limit = 10) {
    if (this.entries.size === 0) return []
    const sorted = [...this.entries.values()].sort((a, b) =>
      a.avgExecution === b.avgExecution ? b.count - a.count : b.avgExecution - a.avgExecution)
    return sorted.slice(0, limit).map((e) => ({
      signature: e.signature,
      count: e.count,
      avgQueueWait: round2(e.avgQueueWait),
      avgExecution: round2(e.avgExecution),
      successRate: round2(e.successRate),
    }))
  }

  reset () {
    this.entries.clear()
    this.lastSignature = null
    this.lastEntry = undefined
  }

  _mix (current, incoming) {
    return current === 0 ? incoming : current * (1 - this.alpha) + incoming * this.alpha
  }
}

function round2 (x) {
  return Number(x.toFixed(2))
}

module.exports = { deriveSignature, lengthHint, SignatureStats }
